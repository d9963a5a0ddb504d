"""The page around a vis-network drawing: a Jinja template kept as code, so no package data.

Rendered with autoescaping on. Everything in ``{{ }}`` is escaped except the pieces marked
``safe``: vis-network's own CSS and JS (read from the pyvis package) and :data:`APP_JS` with
its data, which :func:`stancegraph.viz.tooltips.script_json` made safe for a ``<script>``.
The Content-Security-Policy allows only the page's own scripts (by hash) and no network.
"""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>{{ vis_css|safe }}</style>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; color: #222; }
  header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em 1.5em;
           padding: 0.5em 1em; border-bottom: 1px solid #ddd; }
  header h1 { font-size: 1.2em; margin: 0; }
  #sg-legend { display: flex; flex-wrap: wrap; gap: 0.2em 1em; list-style: none; margin: 0;
               padding: 0; font-size: 0.9em; }
  #sg-legend .glyph { font-size: 1.1em; }
  #mynetwork { width: 100%; height: {{ height }}; }
  div.vis-tooltip { max-width: 36em; }
  .sg-tip { white-space: pre-wrap; font-size: 0.85em; }
  #sg-panel { position: fixed; right: 0.5em; top: 4em; width: 26em; max-height: 75vh; overflow: auto;
              background: #fff; border: 1px solid #ccc; border-radius: 4px; padding: 0.5em 0.8em;
              box-shadow: 0 2px 6px rgba(0,0,0,.15); font-size: 0.9em; }
  #sg-panel h2 { font-size: 1em; margin: 0.2em 0 0.5em; }
  #sg-panel li { margin-bottom: 0.5em; }
  #sg-panel .where { color: #555; }
  #sg-panel button { float: right; }
</style>
</head>
<body>
<header>
  <h1>{{ title }}</h1>
  {% if filter_options %}
  <label>Show {{ filter_kind }}:
    <select id="sg-filter">
      <option value="">all</option>
      {% for value, text in filter_options %}<option value="{{ value }}">{{ text }}</option>
      {% endfor %}
    </select>
  </label>
  {% endif %}
  <ul id="sg-legend">
    {% for item in legend %}
    <li><span class="glyph" style="color: {{ item.color }}">{{ item.glyph }}</span> {{ item.label }}</li>
    {% endfor %}
  </ul>
</header>
<div id="mynetwork"></div>
<aside id="sg-panel" hidden><button id="sg-panel-close" type="button">close</button><h2 id="sg-panel-title"></h2><ol id="sg-panel-list"></ol></aside>
<script>{{ vis_js|safe }}</script>
<script>{{ app_js|safe }}</script>
</body>
</html>
"""

# Labels and titles arrive HTML-escaped (stancegraph.viz.tooltips.escape). They are decoded
# here and used only as text: canvas labels, and tooltips as a <div> holding a text node.
APP_JS = """
(function () {
  "use strict";
  var nodeData = __NODES__;
  var edgeData = __EDGES__;
  var options = __OPTIONS__;
  var NAMED = {amp: "&", lt: "<", gt: ">", quot: '"', apos: "'"};

  function decode(text) {
    return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, function (m, e) {
      if (e.charAt(0) !== "#") { return NAMED[e]; }
      var code = e.charAt(1) === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return String.fromCodePoint(code);
    });
  }
  function tooltip(text) {
    var div = document.createElement("div");
    div.className = "sg-tip";
    div.appendChild(document.createTextNode(decode(text)));
    return div;
  }
  function asText(item) {
    if (typeof item.label === "string") { item.label = decode(item.label); }
    if (typeof item.title === "string") { item.title = tooltip(item.title); }
    return item;
  }

  var nodes = new vis.DataSet(nodeData.map(asText));
  var edges = new vis.DataSet(edgeData.map(asText));
  var container = document.getElementById("mynetwork");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, options);

  network.once("afterDrawing", function () {
    var status = document.createElement("div");
    status.id = "sg-status";
    status.hidden = true;
    status.dataset.nodes = String(network.body.data.nodes.length);
    status.dataset.edges = String(network.body.data.edges.length);
    status.dataset.ms = String(Math.round(performance.now()));
    status.dataset.resources = String(performance.getEntriesByType("resource").length);
    document.body.appendChild(status);
  });

  var select = document.getElementById("sg-filter");
  if (select) {
    select.addEventListener("change", function () {
      var chosen = select.value;
      var keep = {};
      keep[chosen] = true;
      var edgeUpdates = edges.get().map(function (e) {
        var shown = !chosen || e.from === chosen || e.to === chosen;
        if (shown) { keep[e.from] = true; keep[e.to] = true; }
        return {id: e.id, hidden: !shown};
      });
      var nodeUpdates = nodes.getIds().map(function (id) {
        return {id: id, hidden: Boolean(chosen) && !keep[id]};
      });
      edges.update(edgeUpdates);
      nodes.update(nodeUpdates);
      network.fit();
    });
  }
  // Click an edge (or a node, for all its edges): its sentences, each a link into its document.
  var panel = document.getElementById("sg-panel");
  function linksOf(edgeIds) {
    var out = [];
    edgeIds.forEach(function (id) { out = out.concat(edgeData.filter(function (e) {
      return e.id === id; }).map(function (e) { return e.links || []; })[0] || []); });
    return out;
  }
  function showPanel(heading, links) {
    var list = document.getElementById("sg-panel-list");
    list.textContent = "";
    document.getElementById("sg-panel-title").textContent = heading;
    links.forEach(function (link) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      if (!/^[a-z][a-z0-9+.-]*:/i.test(link.href)) { a.href = link.href; }  // relative only
      a.textContent = "\\u201c" + link.text + "\\u201d";
      var where = document.createElement("div");
      where.className = "where";
      where.textContent = link.where;
      li.appendChild(a);
      li.appendChild(where);
      list.appendChild(li);
    });
    panel.hidden = links.length === 0;
  }
  network.on("click", function (params) {
    if (params.nodes.length) {
      var node = nodes.get(params.nodes[0]);
      showPanel(node.label, linksOf(network.getConnectedEdges(params.nodes[0])));
    } else if (params.edges.length) {
      var edge = edges.get(params.edges[0]);
      showPanel(edge.title.textContent.split("\\n")[0], linksOf([params.edges[0]]));
    } else {
      panel.hidden = true;
    }
  });
  document.getElementById("sg-panel-close").addEventListener("click", function () { panel.hidden = true; });
  window.stancegraph = {network: network, nodes: nodes, edges: edges, showPanel: showPanel, linksOf: linksOf};
})();
"""
