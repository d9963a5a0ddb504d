"""Turn scraped article text into clean lines: web boilerplate out, one paragraph a line.

The cleaned text is what ``Document.text`` holds and what stance offsets index, so it is
built in one way only: kept lines, stripped, joined with ``"\\n"``. Every line therefore
ends at a newline, and a sentence splitter that also splits on newlines never runs a
section heading into the sentence after it.

Rules, in order:

1. ``\\r\\n`` and ``\\r`` become ``\\n``; each line is stripped.
2. A line that is web furniture (see :data:`BOILERPLATE` and :data:`NOTICES`) is dropped.
3. A later verbatim repeat of a line is dropped, the first occurrence kept (a headline
   scraped twice, a caption repeated, a paragraph duplicated by the scraper: read twice
   it would count as two statements).
4. Runs of blank lines become one blank line; leading and trailing blank lines go.
"""
from __future__ import annotations

import re

# --- The one list of boilerplate. ------------------------------------------------------
# BOILERPLATE patterns must match a whole *short* line (see _SHORT_WORDS), compared in
# lower case with bullets and trailing ":", "...", "»" and the like removed.
BOILERPLATE: tuple[str, ...] = (
    # navigation
    r"skip (to|navigation)\b.*", r"jump to .{1,40}", r"back to top", r"(main )?menu",
    r"home", r"search", r"close", r"loading", r"next|previous|prev",
    # onward links and lists
    r"read (also|more|next|on|the full (story|article))\b.*", r"see also", r"continue reading",
    r"(related|latest|trending|popular|recommended|more)"
    r"( now| news| stories| articles| posts| videos| updates| content| for you| on .{1,40}"
    r"| from .{1,40})?",
    r"most (read|popular|viewed|shared)", r"top stories", r"you (may|might) also like.*",
    r"click here\b.*", r"listen to (this|the) (article|story)", r"\d+ min(ute)?s? read",
    # comments, sharing, subscriptions, accounts
    r"leave a (reply|comment)", r"(post|add|show|view|load) (a |all |more )?comments?",
    r"\d+ comments?|comments?",
    r"share( this| on| via)?( article| story| post| page)?( on .{1,20})?",
    r"tweet|e-?mail|print|copy link|whatsapp|facebook|twitter|linkedin|telegram|reddit",
    r"follow us\b.*", r"subscribe\b.*", r"sign (up|in)\b.*", r"log ?in|register|newsletter",
    # adverts
    r"advertisement|advertising|sponsored( content)?|ad|promoted",
    # page furniture of aggregators
    r"faq|frequently asked questions|history|overview of sources",
    r"this (story|article|page) (does not|doesn't) have any previous versions",
    r"\(?\d[\d,]*\)?",                          # a bare count: "(19)"
    r"[\w'&/ -]{1,40} \(\d[\d,]*\)",            # a facet with its count: "Sources (19)"
    # rights and credits
    r".*all rights reserved.*", r"(©|\(c\)|copyright)\s.*",
    r"(photo|image|picture|video|graphic)s?( credit)?: .{1,60}",
)

# NOTICES are searched anywhere in a line of any length up to _NOTICE_CHARS: cookie and
# consent banners are often whole sentences.
NOTICES: tuple[str, ...] = (
    r"\b(we|this (web)?site|our (web)?site|this page) uses? cookies\b",
    r"\b(accept|allow|reject|decline|manage|use of)( all| our)? cookies\b",
    r"\bcookie (policy|settings|preferences|consent|notice)\b",
    r"\bby (continuing|using) (to (use|browse) )?(this|our) (web)?site\b",
)

_SHORT_WORDS = 12      # a boilerplate line is at most this many words ...
_SHORT_CHARS = 100     # ... and this many characters
_NOTICE_CHARS = 400

_BOILERPLATE_RE = re.compile("|".join(f"(?:{p})" for p in BOILERPLATE))
_NOTICE_RE = re.compile("|".join(f"(?:{p})" for p in NOTICES))
_EDGE_JUNK = " \t•·*|>»›<«‹-–—:.…"
_TITLE_END = ".:;,…"


def clean_text(text: str) -> str:
    """Return ``text`` without boilerplate or repeated lines, one paragraph a line.

    >>> clean_text("Skip to content\\r\\n\\r\\nCity backs it.\\nShare this\\nCity backs it.")
    'City backs it.'
    """
    kept: list[str] = []
    seen: set[str] = set()
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            if kept and kept[-1]:
                kept.append("")
            continue
        if line in seen or is_boilerplate(line):
            continue
        seen.add(line)
        kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept)


def is_boilerplate(line: str) -> bool:
    """True if ``line`` is web furniture (navigation, sharing, adverts...), not article text.

    >>> is_boilerplate("Read more »"), is_boilerplate("Critics (12)"), is_boilerplate("Read it.")
    (True, True, False)
    """
    line = line.strip()
    if len(line) <= _NOTICE_CHARS and _NOTICE_RE.search(line.lower()):
        return True
    if len(line) > _SHORT_CHARS or len(line.split()) > _SHORT_WORDS:
        return False
    key = line.lower().strip(_EDGE_JUNK)
    return not key or _BOILERPLATE_RE.fullmatch(key) is not None


def guess_title(text: str) -> str | None:
    """The first line of cleaned ``text`` if it reads like a headline, else ``None``.

    A headline is 3 to 25 words, at most 200 characters, does not end like a sentence
    (period, colon, comma...) and has text after it.

    >>> guess_title("Council backs tram line\\nThe council voted on Monday.")
    'Council backs tram line'
    >>> guess_title("The council voted on Monday.\\nIt was close.") is None
    True
    """
    first, sep, rest = text.partition("\n")
    if not sep or not rest.strip():
        return None
    words = len(first.split())
    ending = first.rstrip("\"'”’)]")[-1:]
    if 3 <= words <= 25 and len(first) <= 200 and ending and ending not in _TITLE_END:
        return first
    return None
