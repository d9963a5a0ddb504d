"""Find codebook topics in a parsed text.

Every topic label of the codebook (skos:prefLabel, skos:altLabel, sg:contraLabel,
sg:ownedLabel) becomes a token pattern over lemmas, so "ceding", "cedes" and "ceded" all match
"cede" (and a word the tagger did not bring back to its lemma, such as "trading" read as a
noun, matches by its regular -s and -ing forms), and a few modifiers may stand between the words of a label ("give up *its* territory",
"a *swift* peace agreement"). The longest match wins where matches overlap.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...codebook import Codebook
from . import lexicon as L
from .cues import intention_plan, negative_predicate

DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "any", "all"}
GAP_POS = ["DET", "ADJ", "ADV", "PRON", "NUM", "PART", "PROPN", "NOUN"]
ALT, CONTRA, OWNED = "alt", "contra", "owned"
KEEP_VERBS = {"keep", "maintain", "retain", "preserve"}
STAY_VERBS = {"stay", "remain"}


@dataclass(frozen=True)
class TopicMention:
    """A phrase evoking one or more topics. ``candidates``: (topic id, sign, kind) triples."""

    start: int  # token indices in the Doc
    end: int
    candidates: tuple[tuple[str, int, str], ...]
    ref: bool = False  # named by a definite description ("the plan") that refers back

    def span(self, doc):
        return doc[self.start:self.end]

    def root(self, doc):
        """The phrase's head: the parser's, except that a hyphenated word the tokenizer split
        ("counter - proposal") is headed by its last part even when the parser took the first
        part for the head ("said the European counter-proposal was ..." parsed with "counter"
        as the object of "said")."""
        span = self.span(doc)
        root = span.root
        while root.i + 2 < span.end and doc[root.i + 1].text in L.HYPHENS and not (
                self.start <= root.head.i < self.end):
            root = doc[root.i + 2]
        return root

    @property
    def owned(self) -> bool:
        return all(kind == OWNED for _, _, kind in self.candidates)


def _forms(lemma: str) -> set[str]:
    """The regular -s and -ing forms of a word, for the tagger's misses ("trading" tagged a noun
    keeps "trading" as its lemma). Not -ed: a participle read as an adjective often means
    something else ("a demilitarized zone" is no demilitarisation of an army).

    >>> sorted(_forms("trade"))
    ['trades', 'trading']
    >>> sorted(_forms("swap"))
    ['swapping', 'swaps']
    """
    if not lemma.isalpha() or not lemma.islower() or len(lemma) < 3:
        return set()
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    if len(lemma) <= 4 and lemma[-1] in "bdgmnprt" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        stem = lemma + lemma[-1]  # a short closed syllable doubles: "swap" -> "swapping"
    return {lemma + "s", stem + "ing"}


def _content_clause(noun) -> bool:
    """A noun followed by the clause it announces: "guarantees that Ukraine will never join"."""
    return noun.pos_ in ("NOUN", "VERB") and any(
        c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i and any(m.dep_ == "mark" and m.lower_ == "that"
                                                                      for m in c.children)
        for c in noun.children)


class TopicMatcher:
    """The codebook's labels as token patterns, matched over a parsed text.

    The patterns are spaCy ``Matcher`` patterns (see :meth:`_pattern`), matched by a small
    matcher of our own (:meth:`matches`) that looks only at the labels whose first word is in
    the text: the same matches as ``spacy.matcher.Matcher`` (all of them, every gap choice),
    without running hundreds of patterns with optional gaps over every token.
    """

    def __init__(self, nlp, codebook: Codebook):
        from spacy.tokens import Token

        if not Token.has_extension(NOUNLIKE):
            Token.set_extension(NOUNLIKE, getter=_nounlike)
        self.codebook = codebook
        self.patterns: list[tuple[str, list[dict]]] = []
        self._words: list[int] = []  # the words of each pattern's label (the rest is optional gap)
        self._by_first: dict[tuple[str, str], list[int]] = {}
        self._needs: dict[int, frozenset[str]] = {}  # a passive pattern's verb: tried only where the text has it
        labels = []
        for topic in codebook.topics.values():
            labels += [(topic.id, 1, ALT, t) for t in (topic.label, *topic.alt_labels)]
            labels += [(topic.id, -1, CONTRA, t) for t in topic.contra_labels]
            labels += [(topic.id, 1, OWNED, t) for t in topic.owned_labels]
        texts = sorted({t for *_, t in labels})
        lemmas = {t: [(tok.text, tok.lemma_.lower(), tok.is_punct, tok.text[:1].isupper(), tok.pos_)
                      for tok in doc] for t, doc in zip(texts, nlp.pipe(texts, disable=["ner"]))}
        # the verbs a topic is named with ("give up territory", "cede"): giving up a place the
        # topic names by itself ("give up Zaporizhzhia") is that topic, not its undoing
        self._verbs: dict[tuple[str, int], set[str]] = {}
        for tid, sign, kind, text in labels:
            if lemmas[text] and (lemmas[text][0][4] == "VERB" or (  # (the tagger may read "surrender" alone as a noun)
                    len(lemmas[text]) > 1 and lemmas[text][0][1] in L.NEGATIVE_VERBS)):
                self._verbs.setdefault((tid, sign), set()).add(lemmas[text][0][1])
        for tid, sign, kind, text in labels:
            for pattern, passive in ((self._pattern(lemmas[text]), False),
                                     *((x, True) for x in self._passive(lemmas[text])),
                                     *((x, False) for x in self._nominal(lemmas[text]))):
                if not pattern:
                    continue
                k = len(self.patterns)
                if passive:  # its verb: the participle, or "stay" / "remain"
                    verb = next(spec for spec in reversed(pattern) if "LEMMA" in spec)
                    self._needs[k] = frozenset(verb["LEMMA"]["IN"])
                self.patterns.append((f"{tid}|{sign}|{kind}", pattern))
                self._words.append(sum(1 for spec in pattern if "OP" not in spec))
                first = pattern[0]
                keys = [("LOWER", first["LOWER"])] if "LOWER" in first else [("LEMMA", f) for f in first["LEMMA"]["IN"]]
                for key in keys:
                    self._by_first.setdefault(key, []).append(k)

    def matches(self, doc) -> list[tuple[str, int, int]]:
        """``(key, start, end)`` of every match of every pattern, as ``Matcher`` finds them."""
        return sorted(self._matches(doc), key=lambda m: (m[1], m[2], m[0]))

    def _matches(self, doc) -> dict[tuple[str, int, int], int]:
        """Every match, with the fewest words of a label that made it (the rest is gap)."""
        out: dict[tuple[str, int, int], int] = {}
        verbs = {tok.lemma_ for tok in doc if tok.pos_ in ("VERB", "AUX") or tok.tag_ == "VBN"} | {
            tok.lower_ for tok in doc if tok.tag_ == "VBN"}
        for tok in doc:
            ks = set(self._by_first.get(("LOWER", tok.lower_), ())) | set(self._by_first.get(("LEMMA", tok.lemma_), ()))
            for k in sorted(ks):
                if k in self._needs and self._needs[k].isdisjoint(verbs):
                    continue  # a passive of a verb the text does not have
                key, pattern = self.patterns[k]
                words = self._words[k]
                for end in _ends(doc, tok.i, pattern, 0):
                    out[(key, tok.i, end)] = min(words, out.get((key, tok.i, end), words))
        return out

    @classmethod
    def _passive(cls, tokens) -> list[list[dict]]:
        """A label made of a verb and its object, in the passive: "lift sanctions" ~ "sanctions
        should be lifted", "give up territory" ~ "no territory will be given up". The object's
        words, up to three auxiliaries, particles or adverbs ("should not", "will have to"), a form
        of "be", then the verb as a past participle (and its particle). Not a participle alone: "a
        ceasefire monitored by a coalition" is a ceasefire, not a monitoring of it. A verb of
        keeping has its intransitive too: "keep sanctions" ~ "sanctions will stay in place"."""
        words = [t for t in tokens if t[0].lower() not in DETERMINERS]
        if len(words) < 2 or any(t[2] or t[4] in ("VERB", "AUX") for t in words[1:]):
            return []
        particle = [{"LOWER": words[1][0].lower()}] if words[1][0].lower() in L.PARTICLES and len(words) > 2 else []
        if words[0][4] != "VERB" and not particle:  # the tagger reads "hand" in "hand over X" as a noun
            return []
        obj = cls._pattern(words[1 + len(particle):])
        if not obj:
            return []
        text, lemma = words[0][0], words[0][1]
        forms = {lemma, text.lower()}
        auxiliaries = {"POS": {"IN": ["AUX", "PART", "ADV"]}, "OP": "{0,3}"}
        out = [[*obj, auxiliaries, {"LEMMA": {"IN": ["be"]}}, {"POS": {"IN": ["ADV"]}, "OP": "{0,1}"},
                {"LEMMA": {"IN": sorted(forms)}, "TAG": "VBN"}, *particle]]
        if lemma in KEEP_VERBS and not particle:  # "keep sanctions" ~ "sanctions must stay (in place)"
            out.append([*obj, auxiliaries, {"LEMMA": {"IN": sorted(STAY_VERBS)}, "POS": {"IN": ["VERB"]}}])
        return out

    @classmethod
    def _nominal(cls, tokens) -> list[list[dict]]:
        """A label made of a verb and its object, as a noun: "reduce armed forces" ~ "a reduction
        of Ukraine's armed forces", "downsizing of the army"; "lift sanctions" ~ "the lifting of
        sanctions". The verb's nouns (English derivation, ``lexicon.NOMINALS``, and its -ing
        form), "of", up to three words of determiner, owner or modifier, then the object."""
        words = [t for t in tokens if t[0].lower() not in DETERMINERS]
        if len(words) < 2 or words[0][4] != "VERB" or any(t[2] or t[4] in ("VERB", "AUX", "ADP") for t in words[1:]):
            return []
        obj = cls._pattern(words[1:])
        if not obj:
            return []
        lemma = words[0][1]
        nouns = {*L.NOMINALS.get(lemma, ()), *(f for f in _forms(lemma) if f.endswith("ing"))}
        if not nouns:
            return []
        return [[{"LEMMA": {"IN": sorted(nouns)}, "POS": {"IN": ["NOUN", "VERB"]}}, {"LOWER": "of"},
                 {"POS": {"IN": GAP_POS}, "OP": "{0,3}"}, *obj]]

    @staticmethod
    def _pattern(tokens):
        # determiners in a label stand for any determiner: "limits on the army" ~ "limits on its army"
        tokens = [t for t in tokens if t[0].lower() not in DETERMINERS] or tokens
        pattern = []
        for i, (text, lemma, punct, upper, _) in enumerate(tokens):
            if i and not punct and not tokens[i - 1][2]:
                pattern.append({"POS": {"IN": GAP_POS}, "OP": "{0,2}"})
            if upper or punct:
                pattern.append({"LOWER": text.lower()})
            else:
                # a word the tagger left unlemmatised matches by its regular forms; a headline's
                # Title Case word is a proper noun whose lemma keeps its case ("Security Guarantees")
                forms = {lemma, text.lower(), *(_forms(lemma) if len(tokens) > 1 else ())}  # "plan" is no "planning"
                forms |= {f[:1].upper() + f[1:] for f in forms} | {f.upper() for f in forms}
                pattern.append({"LEMMA": {"IN": sorted(forms)}})
        if len(tokens) > 1 and tokens[-1][4] == "NOUN" and tokens[-2][4] in ("ADJ", "PROPN", "NOUN") and "POS" not in pattern[-1]:
            # a noun phrase ends in a noun: "European plan" is not "European leaders plan (to meet)"
            pattern[-1]["_"] = {NOUNLIKE: True}
        word = tokens[0][0].lower()
        if len(tokens) == 1 and (tokens[0][4] == "NOUN" or (word.endswith("s") and word != tokens[0][1])):
            # a noun alone ("guarantees", the tagger reads a word alone as a verb as often as
            # not) names the thing, not the verb of the same lemma: "guarantee its full amount"
            # is no security guarantee
            pattern[0]["POS"] = {"NOT_IN": ["VERB", "AUX"]}
        # a label must not start or end in the gap: strip a label made only of punctuation
        return pattern if any(not t[2] for t in tokens) else None

    def __call__(self, doc) -> list[TopicMention]:
        by_span: dict[tuple[int, int], set] = {}
        found = self._matches(doc)
        matches = sorted(found, key=lambda m: (m[1], m[2], m[0]))
        spans = [(start, end) for _, start, end in matches]
        for key, start, end in matches:
            if _proposal_of_another(doc, key, start, end, matches):
                continue  # "the US proposal for a 30-day ceasefire" is a ceasefire proposal, not the US plan
            if _loan_of_another(doc, key, start, end, matches):
                continue  # "frozen assets ... to provide a loan to Ukraine": the loan is the assets' topic
            if _swallows(key, start, end, found):
                continue  # "the Ukrainian ceasefire proposal": the gap holds a topic of its own
            last = doc[end - 1]
            if end - start > 1 and last.dep_ == "poss" and any(s <= last.head.i < e for s, e in spans if s >= end):
                continue  # "support Ukraine's accession to NATO" names the accession, not "support Ukraine"
            if end - start > 1 and last.dep_ == "poss" and last.head.i >= end and (
                    last.head.lemma_.lower() in L.PLAN_NOUNS | L.PROPOSAL_NOUNS | L.VIEW_NOUNS):
                continue  # "support for Kyiv's position" backs the position, it gives Kyiv no aid
            if last.lemma_ in STAY_VERBS and any(c.dep_ in ("attr", "acomp", "oprd") for c in last.children):
                continue  # "sanctions remain the main tool": a description, not a keeping
            if end - start == 1 and intention_plan(last):
                continue  # "unveiled plans to send weapons": an intention to do something, not a peace plan
            if end - start == 1 and _content_clause(last):
                continue  # "guarantees that Ukraine will never join NATO": a promise of what the clause says
            if end - start == 1 and (_of_money_or_law(last) or _among_money(last)):
                continue  # "legally binding guarantees" of a loan, "financial guarantees", "he would oppose
                # the loan until he secures guarantees": a one-word label qualified as money or law, or
                # bare in a sentence about money, names something else
            tid, sign, kind = key.split("|")
            by_span.setdefault((start, end), set()).add((tid, int(sign), kind))
        # longest first; a shorter span inside a kept one is dropped
        kept: list[tuple[int, int]] = []
        taken: set[int] = set()
        for (start, end) in sorted(by_span, key=lambda s: (-(s[1] - s[0]), s[0])):
            if taken.isdisjoint(range(start, end)):
                kept.append((start, end))
                taken.update(range(start, end))
        mentions = []
        for start, end in sorted(kept):
            cands = by_span[(start, end)]
            specific = {c for c in cands if c[2] != OWNED}
            mentions.append(TopicMention(start, end, tuple(sorted(specific or cands))))
        return self._with_own_verbs(doc, mentions)

    def _with_own_verbs(self, doc, mentions: list[TopicMention]) -> list[TopicMention]:
        """A place or thing the topic names by itself, object of a verb of giving up that the
        topic is also named with, is named with that verb: "demanded Ukraine give up four cities,
        Zaporizhzhia, Kherson ..." and "will never surrender Zaporizhzhia" are about ceding them,
        as "give up the Donbas" is (one mention from the verb on; the list's other items go)."""
        out: list[TopicMention] = []
        extended: dict[int, TopicMention] = {}  # verb -> its mention
        for m in mentions:
            topics = {(c[0], c[1]) for c in m.candidates}
            verb = _governing_verb(m.root(doc))
            if (len(topics) == 1 and verb is not None and verb.i < m.start
                    and verb.lemma_.lower() in self._verbs.get(next(iter(topics)), ())
                    and negative_predicate(verb) and not any(verb.i <= o.start < m.start for o in out)):
                if verb.i in extended:
                    continue  # "give up Zaporizhzhia, Kherson and Donetsk": one concession
                extended[verb.i] = TopicMention(verb.i, m.end, m.candidates, m.ref)
                out.append(extended[verb.i])
                continue
            out.append(m)
        return out


def _of_money_or_law(tok) -> bool:
    """A noun qualified by a word of money or law ("legal guarantees", "legally binding guarantees")."""
    return any(c.dep_ in ("amod", "compound", "conj") and c.lower_ in L.MONEY_OR_LAW or (
        c.dep_ == "amod" and c.lower_ in ("binding", "enforceable")  # not "legally insignificant"
        and any(g.dep_ == "advmod" and g.lower_ in L.MONEY_OR_LAW for g in c.children))
               for c in tok.children)


def _among_money(tok) -> bool:
    """A bare noun (no modifier of its own) in a sentence about a loan, assets or a budget."""
    return tok.tag_ in ("NN", "NNS") and not any(c.dep_ in ("amod", "compound", "nmod") for c in tok.children) and any(
        t.lemma_.lower() in L.MONEY_NOUNS for t in tok.sent)


def _governing_verb(tok):
    """The verb a noun phrase is the object of, through a list ("four cities, Zaporizhzhia and
    Kherson") or "from" ("withdraw from Donetsk")."""
    while tok.dep_ in ("appos", "conj") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "dobj":
        return tok.head if tok.head.pos_ == "VERB" else None
    if tok.dep_ == "pobj" and tok.head.lower_ == "from" and tok.head.head.pos_ == "VERB":
        return tok.head.head
    return None


def _proposal_of_another(doc, key: str, start: int, end: int, matches) -> bool:
    """A plan named by its owner ("the US proposal") whose "for" / "on" phrase is another topic:
    a proposal *of* that topic ("the US proposal for a 30-day ceasefire"), as the prefixed form
    "the US ceasefire proposal" is (see :func:`_swallows`)."""
    root = doc[end - 1]
    if root.lemma_.lower() not in L.PLAN_NOUNS | L.PROPOSAL_NOUNS or end - start < 2:
        return False
    topic = key.split("|")[0]
    objects = [p for c in root.children if c.dep_ == "prep" and c.lower_ in ("for", "on")
               for p in c.children if p.dep_ == "pobj"]
    return any(k2.split("|")[0] != topic and any(o.left_edge.i <= s2 and e2 - 1 <= o.right_edge.i for o in objects)
               for k2, s2, e2 in matches)


def _loan_of_another(doc, key: str, start: int, end: int, matches) -> bool:
    """A sum named by its recipient ("a loan to Ukraine") in a sentence that names another topic
    in words of money ("frozen assets", "a reparations loan") is that topic's sum: what funds a
    loan says more about it than who receives it."""
    root = doc[start:end].root
    if root.lemma_.lower() not in L.MONEY_NOUNS or any(
            c.dep_ in ("compound", "amod") and start <= c.i < end for c in root.children):
        return False
    sent, topic = root.sent, key.split("|")[0]
    return any(k2.split("|")[0] != topic and sent.start <= s2 and e2 <= sent.end and any(
        t.lemma_.lower() in L.MONEY_NOUNS for t in doc[s2:e2]) for k2, s2, e2 in matches)


def _swallows(key: str, start: int, end: int, found: dict) -> bool:
    """A match whose gap is wide enough to hold a whole match of another topic strictly inside
    it: "Ukrainian [ceasefire] proposal" is a ceasefire proposal, not "Ukrainian proposal"."""
    gap = (end - start) - found[(key, start, end)]
    topic = key.split("|")[0]
    return gap > 0 and any(start < s2 and e2 < end and e2 - s2 <= gap and k2.split("|")[0] != topic
                           for k2, s2, e2 in found)


NOMINAL_DEPS = {"appos", "nsubj", "nsubjpass", "dobj", "pobj", "attr", "dative"}
NOUNLIKE = "sg_nounlike"  # a token extension, so that patterns stay spaCy Matcher patterns


def _nounlike(tok) -> bool:
    """A noun, or a verb in a noun's role: a noun the tagger misread ("the security guarantees
    Kyiv is seeking", guarantees tagged VBZ in apposition), not a verb with its own subject
    ("the European leaders plan to meet")."""
    return tok.pos_ not in ("VERB", "AUX") or (
        tok.dep_ in NOMINAL_DEPS and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children))


def _fits(tok, spec: dict) -> bool:
    if "OP" in spec and tok.text in L.HYPHENS:
        return True  # a gap may hold a hyphen: "frozen-assets scheme" is "frozen assets"
    if "LOWER" in spec and tok.lower_ != spec["LOWER"]:
        return False
    if "LEMMA" in spec and tok.lemma_ not in spec["LEMMA"]["IN"]:
        return False
    if "TAG" in spec and tok.tag_ != spec["TAG"]:
        return False
    if "_" in spec and any(getattr(tok._, name) != value for name, value in spec["_"].items()):
        return False
    if "POS" not in spec:
        return True
    pos = spec["POS"]
    return tok.pos_ in pos["IN"] if "IN" in pos else tok.pos_ not in pos["NOT_IN"]


def _ends(doc, i: int, pattern: list[dict], k: int):
    """Every end of a match of ``pattern[k:]`` starting at token ``i`` (a gap element is
    ``{"POS": {"IN": [...]}, "OP": "{0,N}"}``: zero to N tokens of those parts of speech)."""
    if k == len(pattern):
        yield i
        return
    spec = pattern[k]
    if "OP" in spec:  # "{0,N}"
        yield from _ends(doc, i, pattern, k + 1)
        for n in range(1, int(spec["OP"][3:-1]) + 1):
            if i + n > len(doc) or not _fits(doc[i + n - 1], spec):
                break
            yield from _ends(doc, i + n, pattern, k + 1)
        return
    if i < len(doc) and _fits(doc[i], spec):
        yield from _ends(doc, i + 1, pattern, k + 1)
