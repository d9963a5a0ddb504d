"""The server's web page: a query box, the named queries to pick from, results as a table, and a
link to the stance map. Self-contained (no outside scripts or styles); text is put in the page
with ``textContent``, never as HTML."""
from __future__ import annotations

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>stancegraph SPARQL</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5em;max-width:75em}
textarea{width:100%;height:14em;font-family:monospace}
table{border-collapse:collapse;margin-top:1em}td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top;text-align:left}
#status{color:#555}#params label{margin-right:1em}.err{color:#a00;white-space:pre-wrap}
</style></head><body>
<h1>stancegraph</h1>
<p>SPARQL 1.1 endpoint at <code>/sparql</code> (read-only unless started with --allow-update);
the default graph is the union of all graphs. <a href="/map">Stance map</a></p>
<label>Named query <select id="named"><option value="">(your own query)</option></select></label>
<p id="description"></p>
<div id="params"></div>
<textarea id="query" spellcheck="false">SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20</textarea>
<p><button id="run">Run</button> <span id="status"></span></p>
<div id="out"></div>
<script>
const $ = (id) => document.getElementById(id);
let queries = {};
fetch("/api/queries").then(r => r.json()).then(list => {
  for (const q of list) {
    queries[q.name] = q;
    const o = document.createElement("option"); o.value = q.name; o.textContent = q.name; $("named").appendChild(o);
  }
});
$("named").addEventListener("change", () => {
  const q = queries[$("named").value]; $("params").textContent = ""; $("description").textContent = "";
  if (!q) return;
  $("query").value = q.text; $("description").textContent = q.description;
  for (const p of q.params) {
    const l = document.createElement("label"); l.textContent = p.name + " (" + p.type + ") ";
    const i = document.createElement("input"); i.name = p.name; i.title = p.description; l.appendChild(i);
    $("params").appendChild(l);
  }
});
function cell(b) {
  if (!b) return "";
  return b.type === "literal" && b["xml:lang"] ? b.value + "@" + b["xml:lang"] : b.value;
}
function table(data) {
  const out = $("out"); out.textContent = "";
  if ("boolean" in data) { out.textContent = String(data.boolean); return; }
  const t = document.createElement("table"), head = t.insertRow();
  for (const v of data.head.vars) { const th = document.createElement("th"); th.textContent = v; head.appendChild(th); }
  for (const b of data.results.bindings) {
    const r = t.insertRow(); for (const v of data.head.vars) r.insertCell().textContent = cell(b[v]);
  }
  out.appendChild(t);
  return data.results.bindings.length;
}
$("run").addEventListener("click", async () => {
  const q = queries[$("named").value], t0 = performance.now();
  let response;
  $("status").textContent = "running...";
  if (q && $("query").value === q.text) {
    const args = new URLSearchParams();
    for (const i of $("params").querySelectorAll("input")) args.set(i.name, i.value);
    response = await fetch("/api/named/" + encodeURIComponent(q.name) + "?" + args);
  } else {
    const isUpdate = /^\\s*(PREFIX[^\\n]*\\n\\s*)*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\\b/i.test($("query").value);
    response = await fetch("/sparql", {method: "POST", headers: {"Accept": "application/sparql-results+json",
      "Content-Type": "application/x-www-form-urlencoded"}, body: new URLSearchParams({[isUpdate ? "update" : "query"]: $("query").value})});
  }
  const ms = Math.round(performance.now() - t0);
  if (!response.ok) {
    $("out").textContent = ""; const p = document.createElement("p"); p.className = "err";
    p.textContent = response.status + ": " + await response.text(); $("out").appendChild(p);
    $("status").textContent = ms + " ms"; return;
  }
  const type = response.headers.get("Content-Type") || "";
  if (type.includes("json")) {
    const n = table(await response.json()), cut = response.headers.get("X-Stancegraph-Truncated");
    $("status").textContent = (n === undefined ? "" : n + " rows") + (cut ? " (cut at " + cut + ")" : "") + ", " + ms + " ms";
  } else {
    const pre = document.createElement("pre"); pre.textContent = await response.text();
    $("out").textContent = ""; $("out").appendChild(pre); $("status").textContent = ms + " ms";
  }
});
</script></body></html>
"""


def page() -> str:
    return PAGE
