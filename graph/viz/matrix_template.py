"""The position matrix page, a Jinja template kept as code (rendered with autoescaping)."""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; padding: 0.5em 1em 2em; color: #222; }
  nav a { margin-right: 1em; }
  h1 { font-size: 1.2em; margin: 0.3em 0; }
  .note { color: #555; margin: 0 0 0.8em; font-size: 0.9em; }
  .key span { display: inline-block; padding: 0 0.5em; margin-right: 0.4em; border-radius: 3px; }
  .wrap { overflow: auto; max-height: 80vh; }
  table { border-collapse: collapse; font-size: 0.9em; }
  th, td { border: 1px solid #d5d8dc; padding: 0.25em 0.45em; }
  thead th { position: sticky; top: 0; background: #f7f7f7; z-index: 1; vertical-align: bottom;
             max-width: 9em; font-weight: 600; }
  tbody th { text-align: left; white-space: nowrap; background: #fafafa; position: sticky; left: 0; }
  tr.group th { background: #eceff3; font-weight: 600; color: #444; text-align: left; }
  td.cell { text-align: center; min-width: 3.2em; }
  td.cell a { color: #111; text-decoration: none; display: block; }
  td.cell .net { font-weight: 700; }
  td.cell .counts { font-size: 0.75em; color: #333; display: block; }
  section.ev { margin-top: 1.2em; border-top: 1px solid #ddd; padding-top: 0.4em; }
  section.ev:target { background: #fffbe6; }
  section.ev h3 { font-size: 1em; margin: 0.2em 0; }
  li.support::marker { color: #2e9d4c; } li.oppose::marker { color: #d0342c; }
  .where { color: #555; font-size: 0.85em; }
</style>
</head>
<body>
<nav>{% for href, text in back %}<a href="{{ href }}">{{ text }}</a>{% endfor %}</nav>
<h1>{{ title }}</h1>
<p class="note">{{ m.actors|length }} actors × {{ m.topics|length }} topics, {{ statements }} statements.
Each cell: support − oppose (support / oppose statements); click a cell for its sentences.
<span class="key"><span style="background:#6bbf80">net support</span><span style="background:#e06e65">net opposition</span><span style="background:#f6e3a1">as much of each</span></span></p>
<div class="wrap">
<table id="sg-matrix">
<thead><tr><th>actor</th>{% for t in m.topics %}<th scope="col" data-topic="{{ t }}">{{ m.topic_labels[t] }}</th>{% endfor %}</tr></thead>
<tbody>
{% for heading, members in m.groups %}<tr class="group"><th colspan="{{ m.topics|length + 1 }}">{{ heading }}</th></tr>
{% for a in members %}<tr data-actor="{{ a }}"><th scope="row">{{ m.actor_labels[a] }}</th>{% for t in m.topics %}{% set c = m.cells.get((a, t)) %}{% if c %}<td class="cell" data-topic="{{ t }}" data-support="{{ c.support|length }}" data-oppose="{{ c.oppose|length }}" data-net="{{ c.net }}" style="background: {{ color(c) }}" title="{{ m.actor_labels[a] }} on {{ m.topic_labels[t] }}: {{ c.support|length }} support, {{ c.oppose|length }} oppose"><a href="#{{ cell_id(c) }}"><span class="net">{{ "%+d"|format(c.net) if c.net else "±0" }}</span><span class="counts">{{ c.support|length }} / {{ c.oppose|length }}</span></a></td>{% else %}<td class="empty" data-topic="{{ t }}"></td>{% endif %}{% endfor %}</tr>
{% endfor %}{% endfor %}
</tbody>
</table>
</div>
{% for a in m.actors %}{% for t in m.topics %}{% set c = m.cells.get((a, t)) %}{% if c %}
<section class="ev" id="{{ cell_id(c) }}">
<h3>{{ m.actor_labels[a] }} on {{ m.topic_labels[t] }}: {{ c.support|length }} support, {{ c.oppose|length }} oppose</h3>
<ol>{% for s in c.evidence %}<li class="{{ s.polarity.value }}">{% if link(s) %}<a href="{{ link(s) }}">“{{ s.evidence }}”</a>{% else %}“{{ s.evidence }}”{% endif %} <span class="where">{{ s.polarity.value }} · {{ s.doc_id }} · {{ "%.2f"|format(s.confidence) }}</span></li>{% endfor %}</ol>
</section>{% endif %}{% endfor %}{% endfor %}
</body>
</html>
"""
