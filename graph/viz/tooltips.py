"""Tooltip text for the HTML map, and the escaping that makes untrusted text inert.

Evidence sentences come from news articles, so every label and tooltip is treated as hostile.
Texts are built as plain text, then :func:`escape` turns them into HTML-escaped strings; the
page decodes those entities and shows them only as text (canvas labels, text nodes), never
through ``innerHTML``.
"""
from __future__ import annotations

import html
import json
import re
from typing import Any, Iterable, Mapping

MAX_EVIDENCE = 5
MAX_SENTENCE_CHARS = 300

_HREF = re.compile("href", re.IGNORECASE)


def escape(text: Any) -> str:
    """HTML-escape ``text``, including quotes and the letters "href".

    pyvis 0.3.2 switches node tooltips to an ``innerHTML`` popup as soon as one node title
    contains the substring "href"; writing its ``f`` as ``&#102;`` keeps that switch off
    should a page ever be made with pyvis's own template.

    >>> escape('<img src=x onerror="alert(1)"> href')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; hre&#102;'
    """
    escaped = html.escape(str(text), quote=True)
    return _HREF.sub(lambda m: m.group(0)[:3] + f"&#{ord(m.group(0)[3])};", escaped)


def script_json(value: Any) -> str:
    """JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c``-style escapes, so no "</script>" or "<!--" can
    end the element early; U+2028/U+2029 are escaped for older JavaScript parsers.

    >>> script_json({"t": "</script><b>"})
    '{"t": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False)
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


def _shorten(text: str, limit: int = MAX_SENTENCE_CHARS) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def evidence_lines(evidence: Iterable[Mapping | str], limit: int = MAX_EVIDENCE) -> list[str]:
    """One line per evidence sentence, with its document id and confidence when known.

    At most ``limit`` sentences, then "and N more".

    >>> evidence_lines([{"text": "A said so.", "doc_id": "d1", "confidence": 0.8}, "B too."], 1)
    ['• “A said so.” (d1, 0.80)', 'and 1 more']
    """
    items = list(evidence)
    lines = []
    for item in items[:limit]:
        if isinstance(item, Mapping):
            where = [str(item["doc_id"])] if item.get("doc_id") is not None else []
            if item.get("confidence") is not None:
                where.append(f"{float(item['confidence']):.2f}")
            suffix = f" ({', '.join(where)})" if where else ""
            lines.append(f"• “{_shorten(item.get('text', ''))}”{suffix}")
        else:
            lines.append(f"• “{_shorten(item)}”")
    if len(items) > limit:
        lines.append(f"and {len(items) - limit} more")
    return lines


def edge_tooltip(source_label: str, target_label: str, sign: int, attrs: Mapping) -> str:
    """Plain-text tooltip of an edge: who relates to what, how often, and the evidence."""
    verb = {1: "supports", -1: "opposes"}.get(sign, "is linked to")
    weight = attrs.get("weight")
    header = f"{source_label} {verb} {target_label}"
    if isinstance(weight, (int, float)):
        count = int(weight) if float(weight).is_integer() else weight
        header += f" — {count} statement{'' if count == 1 else 's'}"
    return "\n".join([header, *evidence_lines(attrs.get("evidence") or [])])
