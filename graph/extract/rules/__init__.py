"""``stancegraph.rules.v1``: the default, offline, rule-based extractor over spaCy parses."""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator

from ... import __version__
from ...codebook import Codebook, load_codebook
from ...errors import InputError
from ...types import Document, Polarity, Stance
from .actors import ActorResolver
from .anaphora import anaphors, bare_responses, summed_up
from .headlines import common_words, sentence_case
from .lexicon import GIVING_NOUNS, OFFERING_VERBS, QUESTION_WORDS
from .meetings import meetings, others_meeting
from .quotes import quote_speakers
from .cues import LEARNED
from .stances import Found, SentenceReader
from .topics import OWNED, TopicMatcher, TopicMention

log = logging.getLogger(__name__)
PART = 100_000  # characters: a text longer than the parser's limit is parsed in parts of at most this
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+")


class RuleExtractor:
    name = "stancegraph.rules.v1"
    version = __version__

    def __init__(self, codebook: Codebook | None = None, min_confidence: float = 0.0,
                 batch_size: int = 16, n_process: int = 1, candidates: bool = True, calibrated: bool = True):
        from ...nlp import load_pipeline
        from .calibration import load_calibration

        self.codebook = codebook or load_codebook()
        self.nlp = load_pipeline(self.codebook)
        self.topics = TopicMatcher(self.nlp, self.codebook)
        self.min_confidence = min_confidence
        self.batch_size = batch_size
        self.n_process = n_process
        self.candidates = candidates  # also yield unclassified candidates (``Stance.topic is None``)
        self.calibration = load_calibration() if calibrated else None  # None: the rules' raw confidence
        self.common_words = common_words(self.codebook)

    def _for_parser(self, text: str) -> str:
        """The text the parser reads: plain quotes, headlines in sentence case (same offsets)."""
        return sentence_case(_plain_quotes(text), self.common_words)

    def extract(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Stance]]]:
        """Parse documents in batches and yield each with its stances, in input order."""
        run: list[Document] = []
        for document in documents:
            if len(document.text) <= self.nlp.max_length:
                run.append(document)
                continue
            yield from self._pipe(run)
            run = []
            yield document, self.extract_one(document)
        yield from self._pipe(run)

    def _pipe(self, docs: list[Document]) -> Iterator[tuple[Document, list[Stance]]]:
        texts = ((self._for_parser(d.text), d) for d in docs)
        for parsed, document in self.nlp.pipe(texts, as_tuples=True, batch_size=self.batch_size,
                                              n_process=self.n_process):
            yield document, self.stances(parsed, document)

    def extract_one(self, document: Document) -> list[Stance]:
        if len(document.text) <= self.nlp.max_length:
            return self.stances(self.nlp(self._for_parser(document.text)), document)
        parts = split_text(document.text, PART)
        if parts is None:
            raise InputError(document.path or document.id,
                             f"{len(document.text):,} characters with no paragraph or sentence break within "
                             f"{PART:,}: too long for the parser (limit {self.nlp.max_length:,} characters)")
        log.info("%s: %d characters, parsed in %d parts", document.id, len(document.text), len(parts))
        found = []
        for offset, end in parts:
            found += self.stances(self.nlp(self._for_parser(document.text[offset:end])), document, offset)
        return found

    def stances(self, doc, document: Document, offset: int = 0) -> list[Stance]:
        """The stances of ``doc``, the parse of ``document.text`` from character ``offset`` on."""
        return [stance for stance, _ in self.read(doc, document, offset)]

    def read(self, doc, document: Document, offset: int = 0) -> list[tuple[Stance, tuple[str, ...]]]:
        """The stances of a parsed document, each with the features its confidence rests on."""
        learned = LEARNED.set(self.codebook.cues)  # cues taught by reviews (stancegraph.lessons)
        try:
            return self._read(doc, document, offset)
        finally:
            LEARNED.reset(learned)

    def _read(self, doc, document: Document, offset: int = 0) -> list[tuple[Stance, tuple[str, ...]]]:
        actors = ActorResolver(self.codebook, doc)
        actors.speakers = quote_speakers(doc, actors)
        reader = SentenceReader(actors, lambda m, h, sign: self._topic(m, h, sign, actors, doc),
                                lineage=actors.lineage)
        mentions = anaphors(doc, self.topics(doc), lambda tok: actors.owner_of(tok, back=False) is not None)
        mentions = [m for m in mentions if not (m.ref and _subject_beside_topic(m, doc, mentions))
                    and not others_meeting(m, doc, actors, self.codebook)]
        taken = {i for m in mentions for i in range(m.start, m.end)}
        mentions = sorted(mentions + meetings(doc, actors, self.codebook, taken), key=lambda m: m.start)
        best: dict[tuple, tuple[Stance, tuple]] = {}
        before: list[Found] = []  # the readings of the sentence before (or the one before it)
        stale = 0
        for sent in doc.sents:
            if _question(sent):
                before = []
                continue  # "Can Trump's plan stop the killing?": it asks, it takes no position
            in_sent = [m for m in mentions if sent.start <= m.start < sent.end]
            in_sent = sorted(in_sent + summed_up(sent, before, taken) + bare_responses(sent, before, taken),
                             key=lambda m: m.start)
            if not in_sent and not self.candidates:
                continue
            found: list[Found] = []
            at = {i: m for m in in_sent for i in range(m.start, m.end)}
            for m in in_sent:
                found += reader.from_mention(m, doc, at)
            found += reader.external(sent, in_sent)
            if self.candidates:
                found += reader.candidates(sent, in_sent)
            read = [f for f in found if f.topic]
            # what was put forward last, up to the sentence before the one before ("X proposed caps.
            # But caps are a red line for others. Statements ... would not accept such measures.")
            before, stale = (read, 0) if read else (before if stale < 1 else [], stale + 1)
            for f in found:
                stance = self._stance(f, sent, document, offset)
                key = (stance.actor_id, stance.topic, stance.polarity, stance.start)
                if stance.confidence >= self.min_confidence and (
                        key not in best or best[key][0].confidence < stance.confidence):
                    best[key] = (stance, f.features)
        return _drop_contradictions(list(best.values()))

    def _topic(self, mention: TopicMention, holder, sign: int, actors: ActorResolver, doc):
        """Pick the topic of a mention; labels shared by proposals go by owner, else by the
        holder when it puts forward or backs a plan of no named owner ("Kyiv submitted a plan")."""
        cands = tuple(c for c in mention.candidates if self._performer_fits(c[0], mention, actors, doc))
        if not cands:
            return None
        if len(cands) == 1 and cands[0][2] != OWNED:
            return cands[0][0], cands[0][1]
        # (a split hyphenated word may keep its owner on its first part: "Kyiv's counter - proposal")
        owner = actors.owner_of(mention.root(doc)) or actors.owner_of(mention.span(doc).root)
        for who in ([owner.actor.id] if owner else []) + ([None] if sign > 0 else []):
            lineage = self.codebook.lineage(who) if who else (self.codebook.lineage(holder.actor.id) if holder else [])
            for tid, sign, kind in cands:
                if self.codebook.topics[tid].proposed_by in lineage:
                    return tid, sign
            if owner:
                return None  # "Russian proposals": owned by someone with no plan in the codebook
        if all(kind == OWNED for *_, kind in cands):
            return None
        tid, sign, _ = cands[0]
        return tid, sign

    def _performer_fits(self, topic_id: str, mention: TopicMention, actors: ActorResolver, doc) -> bool:
        """"Ukraine must withdraw its forces" is no withdrawal of Russian troops: where a topic is
        one actor's action and the phrase is a verb, its subject must be that actor (or its own)."""
        agent = self.codebook.topics[topic_id].performed_by
        root = mention.root(doc)
        if agent is not None and root.pos_ == "NOUN":
            # "a withdrawal of Ukrainian forces" is no withdrawal of Russian troops: the noun's own
            # "of" phrase or possessor names who performs it
            doers = [p for c in root.children if c.dep_ == "prep" and (c.lower_ == "of" or (
                         c.lower_ == "from" and root.lemma_.lower() in GIVING_NOUNS))
                     for p in c.children if p.dep_ == "pobj"] + [c for c in root.children if c.dep_ == "poss"]
            # ("concessions from the United States" are the United States' to make)
            if root.dep_ == "dobj" and root.lemma_.lower() in GIVING_NOUNS and root.head.lemma_.lower() in OFFERING_VERBS:
                doers += [c for c in root.head.children if c.dep_ == "nsubj"]  # "the US offered concessions"
            named = [m for d in doers if (m := actors.mention_at(d) or actors.owner_of(d, back=False))]
            return not named or any(agent in self.codebook.lineage(m.actor.id) for m in named)
        if agent is None or root.pos_ != "VERB":
            return True
        verb, performers = root, []
        while not any(c.dep_ == "nsubj" for c in verb.children):
            if verb.dep_ in ("xcomp", "advcl", "ccomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
                # object control: "urged Kyiv to withdraw", "is requesting Ukraine (alone) to withdraw"
                performers = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
                if performers:
                    break
            if verb.dep_ not in ("xcomp", "conj"):
                break
            verb = verb.head
        subjects = [actors.mention_at(c) for c in performers or [c for c in verb.children if c.dep_ == "nsubj"]]
        subjects = [m for m in subjects if m is not None]
        return not subjects or any(agent in self.codebook.lineage(m.actor.id) for m in subjects)

    def _stance(self, f: Found, sent, document: Document, offset: int = 0) -> Stance:
        text = document.text[offset + sent.start_char:offset + sent.end_char]  # the original, not the parsed copy
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        start = offset + sent.start_char + lead
        topic = self.codebook.topics.get(f.topic)
        return Stance(
            doc_id=document.id, actor=f.holder.actor.label, actor_id=f.holder.actor.id,
            actor_kind=f.holder.actor.kind, polarity=Polarity.SUPPORT if f.polarity > 0 else Polarity.OPPOSE,
            topic=f.topic, topic_label=topic.label if topic else f.phrase, evidence=text,
            start=start, end=start + len(text), extractor=self.name,
            confidence=round(self.calibration(f.features) if self.calibration and f.topic else f.confidence, 3),
            cue=f.cue, phrase=f.phrase, mention=f.holder.text,
        )


def _question(sent) -> bool:
    """A sentence that asks: it ends with a question mark and opens with an auxiliary or a
    question word (after any headline lead-in such as "Europe vs. the Kremlin:")."""
    words = [t for t in sent if not t.is_space]
    while words and words[-1].is_punct and words[-1].text != "?":
        words.pop()  # closing quotes
    if not words or words[-1].text != "?":
        return False
    colon = max((k for k, t in enumerate(words) if t.text == ":"), default=-1)
    first = next((t for t in words[colon + 1:] if not t.is_punct), None)
    return first is not None and first.lower_ in QUESTION_WORDS


def _subject_beside_topic(mention: TopicMention, doc, mentions: list[TopicMention]) -> bool:
    """"the treaty can be approved by a two-thirds majority", "the deal should focus on waste
    rather than production": a generic "the treaty" that is the subject of a clause naming a
    topic of its own is what the clause is about, not the position taken."""
    root = doc[mention.start:mention.end].root
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    own = {t.i for t in root.subtree}
    clause = {t.i for t in root.head.subtree} - own
    return any(m is not mention and not m.ref and m.start in clause for m in mentions)


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2032": "'"})


def _plain_quotes(text: str) -> str:
    """Typographic quotes as plain ones, for the parser only: the small model parses "Kyiv’s"
    differently from "Kyiv's"; a dash glued to the next word is set apart. One character for
    one, so offsets into the original hold."""
    return _GLUED_DASH.sub(" ", text.translate(_QUOTES))


# "ISTANBUL (Reuters) -Russian negotiators": a dash after a space and glued to the next word is
# punctuation, not part of the word; the parser, reading "-Russian" as one token, loses the name
_GLUED_DASH = re.compile(r"(?<=\s)-(?=[A-Z][a-z])")


def split_text(text: str, size: int) -> list[tuple[int, int]] | None:
    """``(start, end)`` parts of ``text`` of at most ``size`` characters, cut after the last
    paragraph break, else line break, else sentence end of each part; ``None`` when a part has
    none of them (one "sentence" longer than ``size``).

    >>> split_text("One. Two.\\n\\nThree four. Five.", 14)
    [(0, 11), (11, 23), (23, 28)]
    >>> split_text("no break " * 4, 10) is None
    True
    """
    parts, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = window.rfind("\n\n") + 2 if "\n\n" in window else window.rfind("\n") + 1
        if cut <= 0:
            ends = [m.end() for m in _SENTENCE_END.finditer(window)]
            cut = ends[-1] if ends else 0
        if cut <= 0:
            return None
        parts.append((start, start + cut))
        start += cut
    parts.append((start, len(text)))
    return parts


def _drop_contradictions(found: list[tuple[Stance, tuple]]) -> list[tuple[Stance, tuple]]:
    """One sentence gives an actor one position on a topic: keep the more confident reading."""
    by_key: dict[tuple, tuple[Stance, tuple]] = {}
    for s, feats in sorted(found, key=lambda x: -x[0].confidence):
        by_key.setdefault((s.actor_id, s.topic or "?" + s.phrase, s.start), (s, feats))
    return sorted(by_key.values(), key=lambda x: (x[0].start, x[0].actor_id, x[0].topic or ""))

