"""Who speaks in a quotation, when the parse does not say it in the same clause.

News quotes run over several sentences and name the speaker once, before or after:
'"No more delays. The treaty must now apply," Weber said.', 'Weber chimed in: "We will not
sign."', or a quoted paragraph followed by "Weber said." Every token inside the quotation
gets that speaker; "I", "we", "our" inside it are the speaker, and a position stated there
with no holder of its own is the speaker's.
"""
from __future__ import annotations

from .lexicon import REPORT_VERBS

WINDOW = 8  # tokens between a quotation and the words that name its speaker
SPEECH = REPORT_VERBS | {"quip", "retort", "interject", "continue", "conclude", "ask", "answer"}
# What a quotation is called in the sentence that names its source.
STATEMENT_NOUNS = {"warning", "statement", "remark", "comment", "message", "threat", "pledge", "promise", "words",
                   "appeal", "call", "assessment", "admission", "claim", "declaration", "plea", "rebuke", "response"}
FIRST_PERSON = {"i", "we", "me", "us", "my", "our", "ours", "myself", "ourselves"}


def quote_speakers(doc, actors) -> dict[int, object]:
    """Token index -> speaker :class:`~stancegraph.extract.rules.actors.Mention` for the
    tokens inside quotations whose speaker can be named."""
    out: dict[int, object] = {}
    marks = [t.i for t in doc if t.text == '"']
    for open_i, close_i in zip(marks[::2], marks[1::2]):
        if close_i - open_i < 2:
            continue
        speaker = _after(doc, close_i, actors, range(open_i, close_i)) or _before(doc, open_i, actors)
        if speaker is not None:
            for i in range(open_i + 1, close_i):
                out[i] = speaker
    return out


def _speaker_of(verb, actors, quotation: range | None = None):
    """The subject of a speech verb, the person before the organisation in "Weber, the envoy";
    a pronoun ("..., he said") stands for someone named outside the ``quotation``."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and quotation is not None and (
                m := actors.speaker_pronoun(c, quotation)) is not None:
            return m
        if c.dep_ in ("nsubj", "nsubjpass") and (m := _named(c, actors)) is not None:
            return m
    return None


def _named(tok, actors):
    """Who ``tok`` or a phrase in apposition with it names, the person before the organisation
    ("Weber, the envoy"; "spokeswoman Maria Zakharova")."""
    found = [m for t in (tok, *(a for a in tok.children if a.dep_ == "appos"), *(
        [tok.head] if tok.dep_ == "appos" else [])) if (m := actors.mention_at(t))]
    return next((m for m in found if m.actor.kind == "person"), found[0]) if found else None


def _source_of_statement(verb, actors):
    """"The warning came from Zakharova", "Trump made the remarks aboard Air Force One": who a
    sentence after a quotation names as the source of "the statement", "the remarks"."""
    lemma = verb.lemma_.lower()
    if lemma == "come" and any(c.dep_ == "nsubj" and c.lemma_.lower() in STATEMENT_NOUNS for c in verb.children):
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                found = [m for p in prep.children if p.dep_ == "pobj" and (m := _named(p, actors)) is not None]
                if found:
                    return found[0]
    if lemma in ("make", "issue", "deliver") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS for c in verb.children):
        return _speaker_of(verb, actors)
    return None


def _after(doc, close_i: int, actors, quotation: range | None = None):
    """'..., " Weber said.' / '..." said Weber, the rapporteur.' / a next sentence "Weber said."."""
    end = min(len(doc), close_i + 1 + WINDOW)
    for tok in doc[close_i + 1:end]:
        if tok.text == '"':
            return None  # another quotation starts first
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH:
            return _speaker_of(tok, actors, quotation)
        if tok.pos_ == "VERB" and (source := _source_of_statement(tok, actors)) is not None:
            return source
        if tok.text in (".", "!", "?") and tok.i > close_i + 1 and tok.sent.end - tok.sent.start > WINDOW:
            return None
    return None


def _before(doc, open_i: int, actors):
    """'Weber chimed in: "...' / 'Weber said, "...'."""
    start = max(0, open_i - WINDOW)
    if open_i == 0 or doc[open_i - 1].text not in (":", ","):
        return None
    for tok in reversed(doc[start:open_i]):
        if tok.text == '"':
            return None
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH:
            return _speaker_of(tok, actors)
    return None
