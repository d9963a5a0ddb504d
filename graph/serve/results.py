"""Query results to bytes in the format a client's ``Accept`` header asks for.

SELECT and ASK results are written here (SPARQL 1.1 Query Results JSON, XML, CSV and TSV), so
that a result cut at the row limit is still a valid document; graphs (CONSTRUCT, DESCRIBE) are
written by pyoxigraph (Turtle by default, N-Triples, RDF/XML, JSON-LD...).

>>> pick_format("text/csv;q=0.5, application/sparql-results+xml", "solutions")
'xml'
>>> pick_format("*/*", "triples")
'text/turtle'
>>> pick_format("image/png", "solutions") is None
True
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
SOLUTION_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
CONTENT_TYPE = {"json": "application/sparql-results+json; charset=utf-8",
                "xml": "application/sparql-results+xml; charset=utf-8",
                "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8"}
GRAPH_DEFAULT = "text/turtle"


def _accepted(accept: str | None) -> list[str]:
    """Media types of an Accept header, best first (stable for equal weights)."""
    ranked = []
    for i, part in enumerate((accept or "*/*").split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, i, media.lower()))
    return [m for *_, m in sorted(ranked)]


def pick_format(accept: str | None, kind: str) -> str | None:
    """For ``kind`` "solutions" or "boolean": json, xml, csv or tsv; for "triples" a graph media
    type pyoxigraph writes. ``None`` when the client accepts none of them."""
    for media in _accepted(accept):
        if media in ("*/*", "application/*", "text/*"):
            return "json" if kind != "triples" else GRAPH_DEFAULT
        if kind == "triples":
            if ox.RdfFormat.from_media_type(media) is not None:
                return media
        elif media in SOLUTION_TYPES:
            return SOLUTION_TYPES[media]
    return None


def solutions_body(variables: Sequence[str], rows: Sequence[Sequence], fmt: str) -> bytes:
    """SELECT results: ``rows`` of pyoxigraph terms (``None`` when unbound)."""
    return {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}[fmt](variables, rows).encode("utf-8")


def boolean_body(value: bool, fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    if fmt == "xml":
        return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{str(value).lower()}</boolean></sparql>\n").encode()
    return f"{str(value).lower()}\n".encode()  # csv and tsv have no boolean form: as Oxigraph does


def triples_body(triples: Sequence, media: str) -> tuple[bytes, str]:
    fmt = ox.RdfFormat.from_media_type(media) or ox.RdfFormat.TURTLE
    if fmt.supports_datasets:  # a quad format: the triples in the default graph
        triples = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
    return ox.serialize(triples, format=fmt) or b"", fmt.media_type


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def _json(variables, rows) -> str:
    bindings = [{v: _json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]
    return json.dumps({"head": {"vars": list(variables)}, "results": {"bindings": bindings}},
                      ensure_ascii=False)


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
                f"</predicate><object>{_xml_term(term.object)}</object></triple>")
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value != XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


def _xml(variables, rows) -> str:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
    out += [f"<variable name={quoteattr(v)}/>" for v in variables]
    out.append("</head><results>")
    for row in rows:
        out.append("<result>")
        out += [f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                for v, t in zip(variables, row) if t is not None]
        out.append("</result>")
    out.append("</results></sparql>\n")
    return "".join(out)


def _csv(variables, rows) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow(["" if t is None else ("_:" + t.value if isinstance(t, ox.BlankNode) else
                                               str(t) if isinstance(t, ox.Triple) else t.value) for t in row])
    return buffer.getvalue()


def _tsv(variables, rows) -> str:
    lines = ["\t".join("?" + v for v in variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
    return "\n".join(lines) + "\n"
