"""The document view's page, a Jinja template kept as code (rendered with autoescaping).

The article's text is the only text inside ``#sg-text``: highlights are ``<mark>`` elements and
labels come from CSS (``attr(data-label)``), so ``#sg-text``'s text is the stored text, character
for character, and each stance's marks cover exactly its offsets.
"""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ view.title or view.doc_id }} — stancegraph</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 52em; padding: 1em 1.5em; color: #222; }
  nav a { margin-right: 1em; }
  h1 { font-size: 1.4em; margin: 0.4em 0 0.2em; }
  .meta { color: #555; margin: 0 0 1em; }
  #sg-text { white-space: pre-wrap; line-height: 1.7; font-size: 1.05em; }
  mark { border-radius: 3px; padding: 0 1px; }
  mark.sg-support { background: #d5f0dc; border-bottom: 2px solid #2e9d4c; }
  mark.sg-oppose { background: #fadcd9; border-bottom: 2px solid #d0342c; }
  mark.sg-mixed { background: #fbefc4; border-bottom: 2px solid #b8860b; }
  mark[data-label]::after { content: attr(data-label); font-size: 0.72em; background: #eef0f3;
    color: #333; border: 1px solid #c8ccd2; border-radius: 3px; padding: 0 0.3em; margin-left: 0.3em;
    white-space: pre-wrap; vertical-align: 0.15em; }
  .anchor:target::before { content: "\\25B6"; color: #d0342c; }
  table { border-collapse: collapse; margin-top: 1.5em; font-size: 0.9em; }
  td, th { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
  .support { color: #2e9d4c; } .oppose { color: #d0342c; }
  .warn { color: #a00; }
</style>
</head>
<body>
<nav>{% for href, text in view.back %}<a href="{{ href }}">{{ text }}</a>{% endfor %}</nav>
<h1>{{ view.title or view.doc_id }}</h1>
<p class="meta">document <code>{{ view.doc_id }}</code>{% if view.date %} · {{ view.date }}{% endif %}{% if view.source %} · {{ view.source }}{% endif %}{% if view.url %} · <span class="url">{{ view.url }}</span>{% endif %} · {{ stances|length }} stance{{ "" if stances|length == 1 else "s" }}</p>
{% if view.text is none %}
<p class="warn">The store holds no text for this document (it was stored before texts were kept): build it again to see its sentences in place.</p>
{% else %}
<div id="sg-text">{% for p in pieces %}{% for s in p.starts %}<span class="anchor" id="s-{{ s.key }}"></span>{% endfor %}{% if p.stances %}<mark class="{{ polarity_class(p.stances) }}" data-stances="{% for s in p.stances %}{{ s.key }}{% if not loop.last %} {% endif %}{% endfor %}" title="{% for s in p.stances %}{{ label(s) }}{% if not loop.last %}&#10;{% endif %}{% endfor %}"{% if p.ends %} data-label="{% for s in p.ends %}{{ label(s) }}{% if not loop.last %} | {% endif %}{% endfor %}"{% endif %}>{{ p.text }}</mark>{% else %}{{ p.text }}{% endif %}{% endfor %}</div>
{% endif %}
{% if misplaced %}
<h2>Evidence not placed in the text</h2>
<ul id="sg-misplaced">{% for s in misplaced %}<li id="s-{{ s.key }}">“{{ s.evidence }}” — {{ label(s) }}</li>{% endfor %}</ul>
{% endif %}
{% if stances %}
<table id="sg-stances">
<thead><tr><th>actor</th><th>position</th><th>topic</th><th>confidence</th><th>review</th><th>sentence</th></tr></thead>
<tbody>{% for s in stances %}
<tr><td>{{ s.actor }}</td><td class="{{ s.polarity.value }}">{{ s.polarity.value }}</td><td>{{ s.topic_label or s.topic }}</td><td>{{ "%.2f"|format(s.confidence) }}</td><td>{{ review(s) }}</td><td><a href="#s-{{ s.key }}">{{ s.start }}–{{ s.end }}</a></td></tr>{% endfor %}
</tbody></table>
{% endif %}
</body>
</html>
"""
