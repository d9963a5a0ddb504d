"""Find a reviewer's quote in a document's cleaned text, and the sentence around it.

A reviewer copies a few words from the article as they read it; the stored text may differ in
typographic quotes, dashes, spacing and case. Both sides are folded the same way (one folded
character per original character, whitespace runs as one space) and searched, and every hit
maps back to offsets in the stored text:

>>> text = "Kyiv said no.  The “Ukrainian leader” rejected a ceasefire – for now."
>>> locate(text, '"ukrainian LEADER" rejected')
[(19, 46)]
>>> enclosing_sentence(text, 19, 46)
(15, 69)
"""
from __future__ import annotations

import re

_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2026": ".",
})
MIN_WORDS = 2  # a quote of one word is found everywhere; ask for a few


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` with quotes, dashes and case folded and whitespace runs as one space, and for
    each folded character the offset of the original character it came from."""
    out: list[str] = []
    where: list[int] = []
    space = False
    for i, ch in enumerate(text):
        if ch.isspace() or ch in "\u00a0\u2009\u202f":
            if not space and out:
                out.append(" ")
                where.append(i)
            space = True
            continue
        space = False
        c = ch.translate(_FOLD).casefold()
        if len(c) != 1:  # "ß" -> "ss": keep one character for one
            c = ch.lower()
        out.append(c)
        where.append(i)
    return "".join(out), where


def locate(text: str, quote: str) -> list[tuple[int, int]]:
    """Every ``(start, end)`` of ``quote`` in ``text`` (offsets in ``text``), folded as :func:`fold`."""
    needle, _ = fold(quote.strip())
    if not needle.strip():
        return []
    hay, where = fold(text)
    spans, at = [], hay.find(needle)
    while at >= 0:
        spans.append((where[at], where[at + len(needle) - 1] + 1))
        at = hay.find(needle, at + 1)
    return spans


_BOUNDARY = re.compile(r"""[.!?]+["'\u201d\u2019)\]]*(?=\s+["'\u201c\u2018(]?[^\sa-z])|\n""")  # not before lower case
_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Jr|Sr|Prof|No|vs))\.$")


def _boundaries(text: str, start: int, end: int):
    """Sentence ends in ``text[start:end]``: not after "U.S." or "Mr."."""
    for m in _BOUNDARY.finditer(text[:end], start):
        if m.group() != "\n" and m.group().startswith(".") and _ABBREVIATION.search(text, max(0, m.start() - 6), m.start() + 1):
            continue
        yield m


def enclosing_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) of ``text`` holding ``start:end``: from after the last sentence end (a
    full stop, question or exclamation mark before a capital or a digit, not after an
    abbreviation such as "U.S."; or a line break) before ``start`` to the first one at or after
    ``end``, without surrounding whitespace."""
    left = 0
    m = None
    for m in _boundaries(text, 0, len(text)):
        if m.end() <= start:
            left = m.end()
        elif m.end() >= end:
            break
    else:
        m = None
    right = len(text) if m is None else (m.start() if m.group() == "\n" else m.end())
    right = max(right, end)
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1].isspace():
        right -= 1
    return left, right
