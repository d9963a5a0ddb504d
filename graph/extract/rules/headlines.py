"""Title Case headlines in sentence case, for the parser only.

The small English model reads a Title Case headline ("Belgium Blocks EU Plan to Use Russian
Assets") as one long proper name: no verb, no object, and "Belgium Blocks" as an organisation.
Written in sentence case ("Belgium blocks EU plan to use Russian assets") it parses as the
sentence it is. A line is a headline when nearly all its longer words are capitalised; in it,
a capitalised word is lowered when it is a common word: a stop word, a word of the extractor's
lexicon or of a topic label, or a word the same document writes in lower case elsewhere. Names
("Belgium", "Zelensky"), acronyms ("EU") and the line's first word keep their case. One character
for one, so offsets into the original text hold.
"""
from __future__ import annotations

import re

from ...codebook import Codebook

_WORD = re.compile(r"[A-Za-z][a-z'\u2019-]*[a-z]|[A-Za-z]")
_LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z][a-z'-]*[a-z]")
MIN_WORDS = 3  # longer words (over three letters) a headline has at least
SHARE = 0.8  # of which at least this share is capitalised
MAX_LINE = 250  # characters: a longer line is a paragraph, not a headline
_SUFFIXES = ("s", "es", "ed", "d", "ing")


def is_headline(line: str) -> bool:
    words = [w for w in _WORD.findall(line) if len(w) > 3]
    if len(line) > MAX_LINE or len(words) < MIN_WORDS:
        return False
    return sum(w[0].isupper() for w in words) >= SHARE * len(words)


def common(word: str, words: frozenset[str] | set[str]) -> bool:
    """``word`` (lower case) or its stem is in ``words``: "blocks" for "block", "backed" for "back"."""
    if word in words:
        return True
    return any(word.endswith(s) and len(word) - len(s) >= 3 and (word[:-len(s)] in words or word[:-len(s)] + "e" in words)
               for s in _SUFFIXES)


def sentence_case(text: str, words: frozenset[str]) -> str:
    """``text`` with the common words of its Title Case lines lowered; ``words`` are the common
    words besides those the text itself writes in lower case."""
    if not any(is_headline(line) for line in text.splitlines()):
        return text
    known = words | set(_LOWER_WORD.findall(text))
    out = []
    for line in text.splitlines(keepends=True):
        if is_headline(line):
            chars = list(line)
            for k, m in enumerate(_WORD.finditer(line)):
                w = m.group()
                if k == 0 or not w[0].isupper() or w.isupper() or (len(w) > 1 and not w[1:].islower()):
                    continue
                if common(w.lower(), known):
                    chars[m.start()] = w[0].lower()
            line = "".join(chars)
        out.append(line)
    return "".join(out)


def common_words(codebook: Codebook) -> frozenset[str]:
    """Words a headline writes in capitals that are no names: stop words, the lexicon's words (not
    its tables of names: outlets, capitals) and the lower-case words of the codebook's topic labels."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from . import lexicon

    words: set[str] = set(STOP_WORDS)

    def add(value) -> None:
        if isinstance(value, str):
            words.update(w for w in value.split() if w.isalpha() and w.islower())
        elif isinstance(value, dict):
            for k, v in value.items():
                add(k)
                add(v)
        elif isinstance(value, (set, frozenset, tuple, list)):
            for v in value:
                add(v)

    for name in dir(lexicon):
        if name.isupper() and name not in lexicon.NAME_TABLES:
            add(getattr(lexicon, name))
    for topic in codebook.topics.values():
        add([topic.label, *topic.alt_labels, *topic.contra_labels])
    return frozenset(words)
