"""Topics named by a definite description: "the plan", "this proposal", "those assets", "the deal".

News names a proposal once ("a loan plan backed by frozen assets", "a 30-day ceasefire proposal")
and then refers to it as "the plan" or "the proposal", often in a later sentence. A definite
noun phrase whose head is a proposal noun, or the head of a topic phrase named before ("frozen
Russian assets" ... "those assets"), takes the topics of the last such antecedent. A generic
agreement noun ("the deal", "the pact", "the treaty") with no antecedent takes the document's
main agreement: the topic most often named with an agreement noun in it.
"""
from __future__ import annotations

from collections import Counter

from .lexicon import AGREEMENT_NOUNS, DELIBERATING_VERBS, PROPOSAL_NOUNS, PROPOSING_VERBS
from .cues import cue_of
from .topics import ALT, OWNED, TopicMention

DEFINITE = {"the", "this", "these", "that", "those", "such"}
INDEFINITE = {"a", "an", "any", "no"}
WINDOW = 6  # sentences to look back for an antecedent
PLACE_PREPS = {"in", "into", "under", "within", "at", "throughout", "during", "from", "through"}
# "Trump's plan called for Ukraine to cede land and cut its army. Europe rejected these conditions."
SUMMING_NOUNS = {"condition", "term", "demand", "idea", "point", "provision", "measure", "step", "requirement",
                 "concession", "suggestion", "request"}
SUMMING_DETERMINERS = {"these", "those", "such"}
ABSTRACT_NOUNS = {"idea", "concept", "notion"}  # "the idea": whatever a position was last taken on
# What a peace plan does: "a plan to end the war" is a peace plan, "a proposal to ban gas imports" is not.
PEACE_WORDS = {"war", "conflict", "fighting", "hostilities", "bloodshed", "killing", "invasion", "peace"}


def anaphors(doc, mentions: list[TopicMention], has_owner) -> list[TopicMention]:
    """``mentions`` with definite descriptions resolved: new mentions for "the plan" and the like,
    an owned-only mention ("the plan", a label shared by proposals) replaced when its antecedent
    names a topic. ``has_owner(tok)`` says whether a noun names its owner ("Trump's plan")."""
    named = [m for m in mentions if not m.owned]
    at = {i: m for m in mentions for i in range(m.start, m.end)}
    sent_start = [s.start for s in doc.sents]
    out, replaced = [], set()
    main = None
    for m in mentions:
        head = m.root(doc)
        if m.owned and any(c.dep_ in ("compound", "amod") and c.i in at and not at[c.i].owned
                           for c in head.children):
            replaced.add(m)  # "a ceasefire proposal" is a proposal of a ceasefire, not an owned plan
        elif m.owned and head.dep_ in ("appos", "npadvmod") and any(c.dep_ in ("acl", "relcl") for c in head.children):
            replaced.add(m)  # "..., a proposal rejected by Kyiv": stands for what was said before it
        elif (m.owned or head.lemma_.lower() in PROPOSAL_NOUNS) and any(
                (c.dep_ == "acl" or (c.dep_ == "prep" and c.lower_ in ("for", "on", "to")))
                and any(t.i in at and not at[t.i].owned and {x[0] for x in at[t.i].candidates}
                        - {x[0] for x in m.candidates} for t in c.subtree)
                for c in (*head.children, *_hung_on_verb(head))):
            replaced.add(m)  # "a plan to use the frozen assets", "a plan for a truce", "the Ukrainian
            # proposal for a ceasefire": named by what it does
        elif m.owned and m.end - m.start == 1 and any(
                c.dep_ == "acl" and c.pos_ == "VERB" and any(o.dep_ in ("dobj", "xcomp", "ccomp") for o in c.children)
                and not any(t.lemma_.lower() in PEACE_WORDS for t in c.subtree) for c in head.children):
            replaced.add(m)  # "the Commission's proposal to ban Russian gas imports": a proposal of
            # something no topic names, not the owner's peace plan
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.lower_ == "it" and (cands := _it_proposal(tok, named, sent_start)):
            out.append(TopicMention(tok.i, tok.i + 1, cands, ref=True))  # "Asked about X's plan, he backed it"
            continue
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children):
            if _bare_agreement(tok, at):  # "left Geneva without a deal", "any agreement must ..."
                main = _main_agreement(doc, named) if main is None else main
                if main:
                    out.append(TopicMention(tok.i, tok.i + 1, main, ref=True))
            continue
        own = at.get(tok.i)
        if own is not None and not own.owned:
            continue  # names its topic itself
        if any(c.dep_ == "prep" and c.lower_ in ("of", "for", "on") and any(t.i in at and not at[t.i].owned for t in c.subtree)
               for c in tok.children):
            continue  # "the idea of full amnesty", "the plan for a truce": named by what it holds
        if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS:
            continue  # "reflected in the draft text", "included in the treaty": a place, not a topic
        if has_owner(tok):
            continue  # "Europe's plan", "the US proposal": the owner decides
        cands = _antecedent(doc, tok, lemma, named, has_owner, _lower_bound(sent_start, tok.i))
        if cands is None and lemma in AGREEMENT_NOUNS:
            main = _main_agreement(doc, named) if main is None else main
            cands = main or None
        if not cands:
            continue
        if own is not None:
            replaced.add(own)
        out.append(TopicMention(tok.i, tok.i + 1, cands, ref=True))
    return sorted([m for m in mentions if m not in replaced] + out, key=lambda m: m.start)


def _it_proposal(tok, named: list[TopicMention], sent_start: list[int]) -> tuple:
    """"it" as the object of a verb of position stands for the proposal named last, in its
    sentence or the one before: "Asked about Kyiv's counter-proposal, Merz said he supported it"."""
    verb = tok.head
    if tok.dep_ != "dobj" or verb.pos_ != "VERB" or (cue := cue_of(verb)) is None or cue.kind != "verb":
        return ()
    lower = ([s for s in sent_start if s <= tok.i][-2:] or [0])[0]
    doc = tok.doc
    for m in sorted(named, key=lambda m: -m.start):
        if lower <= m.start and m.end <= tok.i:
            if m.root(doc).lemma_.lower() in PROPOSAL_NOUNS | AGREEMENT_NOUNS:
                return _specific(m.candidates)
            return ()  # the nearest topic named is no proposal: "it" may be anything
    return ()


def _hung_on_verb(noun) -> list:
    """A "for" phrase right after a verb's object that the parser hung on the verb ("rejected the
    proposal [for a ceasefire]")."""
    if noun.dep_ != "dobj":
        return []
    return [c for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "for" and c.i == noun.right_edge.i + 1]


def _lower_bound(sent_start: list[int], i: int) -> int:
    before = [s for s in sent_start if s <= i]
    return before[-WINDOW] if len(before) >= WINDOW else 0


def _antecedent(doc, tok, lemma: str, named: list[TopicMention], has_owner, lower: int):
    """Topics of the nearest antecedent before ``tok``: a topic phrase with the same head ("those
    assets"), or a proposal noun naming topics in its own phrase ("a ceasefire proposal", "a plan
    for a truce"). A proposal of an owner and no named topic ends the search (the owner decides)."""
    proposal = lemma in PROPOSAL_NOUNS or lemma in AGREEMENT_NOUNS
    for prev in reversed(doc[lower:tok.i]):
        plemma = prev.lemma_.lower()
        inside = [m for m in named if m.start <= prev.i < m.end]
        if inside and plemma == lemma and inside[0].root(doc).i == prev.i:
            return _specific(inside[0].candidates)  # "frozen Russian assets" ... "those assets"
        if proposal and inside and lemma in PROPOSAL_NOUNS and _proposed(inside[0].root(doc)):
            return _specific(inside[0].candidates)  # "The US suggested a truce ... Kyiv accepts this proposal"
        if lemma in ABSTRACT_NOUNS and inside and _position_taken_on(inside[0].root(doc)) and not any(
                c.dep_ in ("compound", "amod", "nmod") for c in tok.children):  # "the frozen-assets idea" is named
            # "A resisted using the frozen assets, while B backed the idea": what a position was just taken on
            return _specific(inside[0].candidates)
        if not proposal or not (plemma in PROPOSAL_NOUNS or plemma in AGREEMENT_NOUNS) or inside:
            continue
        if any(c.dep_ == "det" and c.lower_ in DEFINITE for c in prev.children) and plemma == lemma:
            continue  # an earlier "the plan": look further back for what it names
        sub = {t.i for t in prev.subtree}
        topics = [m for m in named if m.start in sub and not _under_actor(doc[m.start], prev)]
        if topics:
            return _specific(tuple(c for m in topics for c in m.candidates))
        if has_owner(prev) and plemma == lemma:
            return None
    return None


def _bare_agreement(tok, at) -> bool:
    """"a deal", "any agreement", "a stronger, legally binding agreement", "no deal": an agreement
    noun with no words of its own to say which (no compound, modifier phrase or owner; adjectives
    are fine), in a document about one main agreement."""
    return (tok.lemma_.lower() in AGREEMENT_NOUNS and tok.i not in at
            and any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in tok.children)
            and not any(c.dep_ in ("compound", "poss", "nmod", "prep", "acl", "relcl") for c in tok.children))


def _proposed(root) -> bool:
    """A topic phrase that is what someone proposed or what was on the table: the object of
    "propose", "suggest", "offer", or of "discuss", "weigh", "debate" ("EU leaders discussed a
    reparations loan. Belgium opposed the plan.")."""
    lemma = root.head.lemma_.lower()
    return ((root.dep_ == "dobj" and lemma in PROPOSING_VERBS | DELIBERATING_VERBS)
            or (root.dep_ == "nsubjpass" and lemma in DELIBERATING_VERBS))


def _position_taken_on(tok) -> bool:
    """A phrase that is what a cue takes a position on, a few steps up ("resisted [using] the frozen
    assets", "backed a truce")."""
    for _ in range(3):
        if tok.dep_ not in ("dobj", "xcomp", "advcl", "pobj", "prep", "pcomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if cue_of(tok) is not None:
            return True
    return False


def _under_actor(tok, noun) -> bool:
    """A topic inside a clause of its own with a subject: "a plan that Russia says ends the truce"."""
    while tok.i != noun.i and tok.head.i != tok.i:
        if any(c.dep_ == "nsubj" for c in tok.children) and tok.i != noun.i:
            return True
        tok = tok.head
    return False


def _specific(cands) -> tuple:
    seen, out = set(), []
    for c in cands:
        if c[2] != OWNED and c[:2] not in seen:
            seen.add(c[:2])
            out.append(c)
    return tuple(out)


def _main_agreement(doc, named: list[TopicMention]) -> tuple:
    """The topic most often named with an agreement noun ("trade agreement", "peace deal")."""
    counts = Counter()
    for m in named:
        if any(t.lemma_.lower() in AGREEMENT_NOUNS for t in m.span(doc)):
            for c in _specific(m.candidates):
                counts[c] += 1
    if not counts:
        return ()
    best = max(counts.values())
    top = [c for c, n in counts.items() if n == best]
    return tuple(top[:1]) if len(top) == 1 else ()


def summed_up(sent, before, taken: set[int]) -> list[TopicMention]:
    """"these conditions", "such demands", "those measures" with no topic of their own stand
    for what the sentence before asked for: one mention per topic read there, with the
    polarity it was read with ("called for Ukraine to cede land and halt war-crimes cases.
    Europe rejected these conditions": Europe opposes the concession and supports the cases).
    A topic read both ways there is left out. ``before``: the sentence before's readings."""
    if not before:
        return []
    out = []
    for tok in sent:
        if (tok.i in taken or tok.tag_ != "NNS" or tok.lemma_.lower() not in SUMMING_NOUNS
                or not any(c.lower_ in SUMMING_DETERMINERS for c in tok.children if c.dep_ in ("det", "amod", "predet"))):
            continue
        out += [TopicMention(tok.i, tok.i + 1, ((topic, sign, ALT),), ref=True) for topic, sign in one_way(before)]
    return out


def one_way(before) -> list[tuple[str, int]]:
    """The topics the readings ``before`` read one way only, each with that polarity."""
    ways: dict[str, set[int]] = {}
    for f in before:
        ways.setdefault(f.topic, set()).add(f.polarity)
    return sorted((topic, next(iter(signs))) for topic, signs in ways.items() if len(signs) == 1)


RESPONSE_VERBS = {"agree", "accept", "refuse", "decline", "balk", "object", "consent", "relent"}


def bare_responses(sent, before, taken: set[int]) -> list[TopicMention]:
    """"Washington proposed a full ceasefire. Kyiv agreed, but Moscow refused.": a verb of
    response with nothing after it answers what the sentence before put forward, when that was
    one topic, with the polarity it was read with."""
    if not before:
        return []
    topics = one_way(before)
    if len(topics) != 1:
        return []  # several things put forward: which one is answered is not said
    out = []
    for tok in sent:
        if tok.i in taken or tok.pos_ != "VERB" or tok.lemma_.lower() not in RESPONSE_VERBS:
            continue
        if any(c.dep_ in ("dobj", "xcomp", "ccomp", "prep", "attr", "oprd", "dative", "nsubjpass") for c in tok.children):
            continue  # it says what it answers
        cue = cue_of(tok)
        if cue is None:
            continue
        # the verb is its own cue here: its polarity goes into the mention's
        out += [TopicMention(tok.i, tok.i + 1, ((topic, sign * cue.polarity, ALT),), ref=True) for topic, sign in topics]
    return out
