"""The server's query page: the named queries with their parameters as form fields, a SPARQL
editor with syntax highlighting (CodeMirror 5, bundled in ``static/`` by
``tools/bundle_codemirror.py``, inlined here: the page loads nothing but its own answers), results
as a sortable table with CSV and JSON downloads, and links from stances and documents to the
document view (``/doc/ID``). Text from answers is put in the page with ``textContent`` only.

``/?q=NAME&PARAM=VALUE`` opens the page with a named query and its parameters filled in and runs
it, so a result can be shared as a link.
"""
from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from importlib.resources import files

from ..rdf.mint import BASE

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="__CSP__">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>stancegraph SPARQL</title>
<style>__CM_CSS__</style>
<style>
body{font-family:system-ui,sans-serif;margin:0 auto;padding:1em 1.5em;max-width:80em;color:#222}
header{display:flex;flex-wrap:wrap;align-items:baseline;gap:.3em 1.5em;border-bottom:1px solid #ddd;margin-bottom:.8em}
header h1{font-size:1.3em;margin:.2em 0}
header nav a{margin-right:1em}
#named{font-size:1em;max-width:30em}
#description{color:#444;margin:.4em 0}
#params{display:flex;flex-wrap:wrap;gap:.5em 1.2em;margin:.5em 0}
#params label{display:flex;flex-direction:column;font-size:.9em}
#params input{font-size:1em;padding:.15em .3em;min-width:12em}
#params .hint{color:#666;font-size:.85em}
.CodeMirror{border:1px solid #ccc;height:15em;font-size:.92em}
textarea#query{width:100%;height:14em;font-family:monospace}
#bar{display:flex;align-items:center;gap:.8em;margin:.6em 0}
#bar button,#bar a{font-size:.95em}
#bar a[hidden]{display:none}
#status{color:#555}
table{border-collapse:collapse;margin-top:.5em;font-size:.9em}
td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top;text-align:left}
th{background:#f4f4f4;cursor:pointer;user-select:none;position:sticky;top:0}
th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
.err{color:#a00;white-space:pre-wrap}
code{background:#f4f4f4;padding:0 .2em}
</style></head><body>
<header><h1>stancegraph</h1>
<nav><a href="/map">Stance map</a><a href="/matrix">Position matrix</a></nav>
<span>SPARQL 1.1 endpoint at <code>/sparql</code>; the default graph is the union of all graphs.</span></header>
<form id="form" autocomplete="off">
<label>Query <select id="named"><option value="">(your own query)</option></select></label>
<p id="description"></p>
<div id="params"></div>
<textarea id="query" name="query" spellcheck="false">SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20</textarea>
<div id="bar"><button id="run" type="submit">Run</button>
<a id="csv" hidden download="results.csv" href="#">Download CSV</a>
<a id="json" hidden download="results.json" href="#">Download JSON</a>
<span id="status"></span></div>
</form>
<div id="out"></div>
<script>__CM_JS__</script>
<script>__APP_JS__</script>
</body></html>
"""

APP_JS = """
"use strict";
const BASE = __BASE__;
const $ = (id) => document.getElementById(id);
let queries = {}, last = null, sortState = {column: -1, descending: false};
const editor = window.CodeMirror ? CodeMirror.fromTextArea($("query"), {mode: "sparql", lineNumbers: true,
  lineWrapping: true, indentUnit: 2, extraKeys: {"Ctrl-Enter": () => run(), "Cmd-Enter": () => run()}}) : null;
const getText = () => editor ? editor.getValue() : $("query").value;
const setText = (text) => editor ? editor.setValue(text) : ($("query").value = text);
const INPUT = {date: ["date", ""], integer: ["number", "1"], decimal: ["number", "any"]};
const HINT = {actor: "codebook id, label or IRI", topic: "codebook id, label or IRI", document: "document id",
  date: "YYYY-MM-DD", iri: "an IRI"};

function showQuery(name, values) {
  const q = queries[name];
  $("params").textContent = ""; $("description").textContent = "";
  if (!q) return;
  setText(q.text); $("description").textContent = q.description;
  for (const p of q.params) {
    const label = document.createElement("label"), input = document.createElement("input");
    const [type, step] = INPUT[p.type] || ["text", ""];
    label.textContent = p.name + " ";
    input.type = type; if (step) input.step = step;
    input.name = p.name; input.id = "param-" + p.name; input.required = true;
    input.placeholder = HINT[p.type] || p.type; input.title = p.description;
    if (values && values.has(p.name)) input.value = values.get(p.name);
    const hint = document.createElement("span"); hint.className = "hint"; hint.textContent = p.description;
    label.appendChild(input); label.appendChild(hint); $("params").appendChild(label);
  }
}

function docLink(value, row, vars) {
  // a stance or evidence IRI: its sentence in its document; a document IRI or id: the document
  for (const kind of ["stance/", "evidence/"]) {
    if (value.startsWith(BASE + kind)) {
      const [doc, key] = value.slice((BASE + kind).length).split("/");
      if (doc && key) return "/doc/" + doc + "#s-" + key;
    }
  }
  if (value.startsWith(BASE + "doc/")) return "/doc/" + value.slice((BASE + "doc/").length);
  return null;
}

function cellText(b) {
  if (!b) return "";
  return b.type === "literal" && b["xml:lang"] ? b.value + "@" + b["xml:lang"] : b.value;
}

function shown(b) {
  // our own IRIs in short (codebook actor:russia, topic:ceasefire); the full IRI as the cell's title
  if (b && b.type === "uri" && b.value.startsWith("https://w3id.org/stancegraph/")) {
    const m = /\\/(actor|topic|doc)\\/([^/]+)$/.exec(b.value);
    if (m) { try { return m[1] + ":" + decodeURIComponent(m[2]); } catch (e) { return b.value; } }
  }
  return cellText(b);
}

function anchorOf(binding, vars) {
  for (const v of vars) {
    const b = binding[v];
    if (b && b.type === "uri") { const link = docLink(b.value); if (link && link.includes("#")) return link; }
  }
  return null;
}

function render() {
  const out = $("out"); out.textContent = "";
  if (!last) return;
  if ("boolean" in last) { out.textContent = String(last.boolean); return; }
  const vars = last.head.vars, rows = last.results.bindings.slice();
  if (sortState.column >= 0) {
    const v = vars[sortState.column], sign = sortState.descending ? -1 : 1;
    rows.sort((a, b) => {
      const x = cellText(a[v]), y = cellText(b[v]), nx = parseFloat(x), ny = parseFloat(y);
      const numeric = x !== "" && y !== "" && !isNaN(nx) && !isNaN(ny) && isFinite(x) && isFinite(y);
      return sign * (numeric ? nx - ny : x.localeCompare(y));
    });
  }
  const t = document.createElement("table"), head = t.createTHead().insertRow();
  t.id = "results";
  vars.forEach((v, i) => {
    const th = document.createElement("th"); th.textContent = v; th.dataset.column = String(i);
    if (i === sortState.column) th.setAttribute("aria-sort", sortState.descending ? "descending" : "ascending");
    th.addEventListener("click", () => {
      sortState = {column: i, descending: sortState.column === i ? !sortState.descending : false}; render();
    });
    head.appendChild(th);
  });
  const body = t.createTBody();
  for (const b of rows) {
    const r = body.insertRow(), anchor = anchorOf(b, vars);
    for (const v of vars) {
      const c = r.insertCell(), value = b[v], text = shown(value);
      if (value && value.type === "uri") c.title = value.value;
      let href = value && value.type === "uri" ? docLink(value.value) : null;
      if (!href && value && value.type === "literal" && v === "doc") {
        href = anchor && anchor.startsWith("/doc/" + encodeURIComponent(value.value) + "#")
          ? anchor : "/doc/" + encodeURIComponent(value.value);
      }
      if (!href && value && v === "evidence" && anchor) href = anchor;
      if (href) { const a = document.createElement("a"); a.href = href; a.textContent = text; c.appendChild(a); }
      else c.textContent = text;
    }
  }
  out.appendChild(t);
}

function csvOf(data) {
  // a text a spreadsheet would take for a formula gets a leading ' (as stancegraph.csvio does)
  const safe = (s) => { const bare = s.replace(/^'+/, "");
    return /^[=+\\-@\\t\\r]/.test(bare) && !/^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?$/.test(bare) ? "'" + s : s; };
  const quote = (raw) => { const s = safe(raw); return /[",\\r\\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; };
  const vars = data.head.vars;
  return [vars.map(quote).join(","), ...data.results.bindings.map(b => vars.map(v => quote(cellText(b[v]))).join(","))]
    .join("\\r\\n") + "\\r\\n";
}

function offerDownloads(data, name) {
  for (const [id, type, text] of [["csv", "text/csv", "boolean" in data ? null : csvOf(data)],
                                  ["json", "application/sparql-results+json", JSON.stringify(data, null, 1)]]) {
    const a = $(id);
    if (a.href.startsWith("blob:")) URL.revokeObjectURL(a.href);
    if (text === null) { a.hidden = true; continue; }
    a.href = URL.createObjectURL(new Blob([text], {type: type + ";charset=utf-8"}));
    a.download = (name || "results") + "." + id; a.hidden = false;
  }
}

async function run() {
  const q = queries[$("named").value], text = getText(), t0 = performance.now();
  let response;
  $("status").textContent = "running...";
  if (q && text === q.text) {
    const args = new URLSearchParams();
    for (const i of $("params").querySelectorAll("input")) args.set(i.name, i.value);
    response = await fetch("/api/named/" + encodeURIComponent(q.name) + "?" + args);
    const shown = new URLSearchParams(args); shown.set("q", q.name);
    history.replaceState(null, "", "/?" + shown);
  } else {
    const isUpdate = /^\\s*(PREFIX[^\\n]*\\n\\s*)*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\\b/i.test(text);
    response = await fetch("/sparql", {method: "POST", headers: {"Accept": "application/sparql-results+json",
      "Content-Type": "application/x-www-form-urlencoded"}, body: new URLSearchParams({[isUpdate ? "update" : "query"]: text})});
  }
  const ms = Math.round(performance.now() - t0);
  last = null; $("csv").hidden = $("json").hidden = true;
  if (!response.ok) {
    $("out").textContent = ""; const p = document.createElement("p"); p.className = "err";
    p.textContent = response.status + ": " + await response.text(); $("out").appendChild(p);
    $("status").textContent = ms + " ms"; return;
  }
  const type = response.headers.get("Content-Type") || "";
  if (type.includes("json")) {
    last = await response.json(); sortState = {column: -1, descending: false}; render();
    offerDownloads(last, q && text === q.text ? q.name : "results");
    const n = last.results ? last.results.bindings.length : undefined, cut = response.headers.get("X-Stancegraph-Truncated");
    $("status").textContent = (n === undefined ? "" : n + " rows") + (cut ? " (cut at " + cut + ")" : "") + ", " + ms + " ms";
  } else {
    const pre = document.createElement("pre"); pre.textContent = await response.text();
    $("out").textContent = ""; $("out").appendChild(pre); $("status").textContent = ms + " ms";
  }
  $("status").dataset.done = String(Number($("status").dataset.done || 0) + 1);
}

$("form").addEventListener("submit", (event) => { event.preventDefault(); run(); });
$("named").addEventListener("change", () => showQuery($("named").value));
window.stancegraphPage = {run: run, csv: () => last && csvOf(last), editor: editor};
fetch("/api/queries").then(r => r.json()).then(list => {
  for (const q of list) {
    queries[q.name] = q;
    const o = document.createElement("option"); o.value = q.name; o.textContent = q.name; $("named").appendChild(o);
  }
  const asked = new URLSearchParams(location.search), name = asked.get("q");
  if (name && queries[name]) { $("named").value = name; showQuery(name, asked); run(); }
  document.body.dataset.ready = "true";
});
"""


def _sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def _static(name: str) -> str:
    text = (files("stancegraph.serve") / "static" / name).read_text(encoding="utf-8")
    return text.replace("\r\n", "\n")


@lru_cache(maxsize=1)
def page() -> str:
    """The page, with CodeMirror and the app inlined and a CSP that allows only those two
    scripts and requests to this server."""
    cm_js = _static("codemirror.min.js")
    app_js = APP_JS.replace("__BASE__", json.dumps(BASE))
    csp = (f"default-src 'none'; script-src {_sha256(cm_js)} {_sha256(app_js)}; style-src 'unsafe-inline'; "
           "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'")
    return (PAGE.replace("__CSP__", csp).replace("__CM_CSS__", _static("codemirror.css"))
            .replace("__CM_JS__", cm_js).replace("__APP_JS__", app_js))
