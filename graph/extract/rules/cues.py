"""Cue words in a parse: which token carries a position, and the small syntactic tests the
stance rules share (negation, hedges, conditions, deontic modals)."""
from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass

from . import lexicon as L

# cue lemmas learned from review decisions (``Codebook.cues``), set by the extractor while it reads
LEARNED: ContextVar[dict] = ContextVar("learned_cues", default={})
_LEARNED_KIND = {"VERB": "verb", "NOUN": "noun", "ADJ": "adj"}


@dataclass(frozen=True)
class Cue:
    token: object
    polarity: int  # +1 support (or neutral report), -1 oppose
    kind: str  # verb | report | noun | adj | psych | receive


def cue_of(tok) -> Cue | None:
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.tag_ == "VBN"):
        if lemma in L.RECIPROCAL_VERBS and any(c.dep_ == "prep" and c.lower_ in ("over", "on", "about")
                                                for c in tok.children):
            return None  # "Ukraine and Russia disagree over the Donbas": they differ; neither side's position is said
        if lemma in L.AGREEING_VERBS and tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "fail":
            return None  # "EU leaders failed to agree on the loan": no decision, no position
        if polarity := idiom(tok, lemma):
            return Cue(tok, polarity, "verb")  # "poured cold water on", "gave the green light to"
        if any(c.dep_ == "prep" and in_favour(c) for c in tok.children):
            return Cue(tok, 1, "verb")  # "spoke out in favour of", "voted in favour of"
        for child in tok.children:
            if (child.dep_ in ("prt", "prep") or (child.dep_ == "advmod" and child.lower_ in L.PARTICLES)) and (
                    lemma, child.lower_) in L.PHRASAL:  # "pushed back against", the particle parsed as an adverb
                if (lemma, child.lower_) in L.MOVING_PHRASAL and any(
                        c.dep_ == "dobj" or (c.dep_ == "nsubj" and c.lemma_.lower() in L.TROOP_NOUNS) for c in tok.children):
                    continue  # "pull its forces out of Donbas", "if Ukrainian forces pulled out of Donbas" move
                    # troops; "pull out of the deal" quits it
                return Cue(tok, L.PHRASAL[(lemma, child.lower_)], "verb")
            if lemma == "be" and child.dep_ == "prep" and in_favour(child):
                return Cue(tok, 1, "verb")  # "Europe is in favour of a ceasefire"
            if lemma in L.REPORT_VERBS and child.lower_ in ("no", "yes") and child.dep_ in ("dobj", "intj", "npadvmod", "attr"):
                return Cue(tok, -1 if child.lower_ == "no" else 1, "verb")  # "Kyiv says no to ..."
        if _retreats(tok, lemma):
            return None  # "backed away from its demand": no backing; it undoes what it governs (negative_predicate)
        if lemma == "ask" and any(c.dep_ == "prep" and c.lower_ in ("about", "on", "regarding") for c in tok.children):
            return None  # "Asked about a ceasefire, Peskov replied ...": a question, no position
        if lemma == "claim" and any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in tok.children):
            return Cue(tok, 1, "verb")  # "Putin claims four regions", "claimed a ceasefire": lays claim to it
        if lemma == "make" and _made_clear(tok):
            return Cue(tok, 1, "report")  # "has made (it) clear that ..."
        if lemma in L.PSYCH_VERBS and any(c.dep_ == "dobj" for c in tok.children):
            return Cue(tok, L.PSYCH_VERBS[lemma], "psych")
        if lemma in L.RECEIVE_VERBS:
            return Cue(tok, 1, "receive")
        if lemma in L.OPPOSE_VERBS:
            return Cue(tok, -1, "verb")
        if lemma == "work" and not any(c.dep_ in ("xcomp", "dobj") or (c.dep_ == "prep" and c.lower_ in (
                "on", "toward", "towards", "for", "to", "with", "out")) for c in tok.children):
            return None  # "the deal will not work": it functions or fails, nobody works for anything
        if lemma in L.SUPPORT_VERBS or (lemma == "invite" and any(
                c.dep_ == "dobj" and c.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") for c in tok.children)):
            # an invitation of someone backs what they are invited to ("invited Ukraine to join");
            # "would invite aggression" is what something brings about, not a position
            return Cue(tok, 1, "verb")
        if lemma in L.REPORT_VERBS:
            if lemma in L.REACTION_VERBS and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
                return None  # "Moscow has yet to respond to the truce proposal": a reaction to it, not its content
            return Cue(tok, 1, "report")
    elif tok.pos_ in ("NOUN", "PROPN"):
        if lemma in L.OPPOSE_NOUNS:
            return Cue(tok, -1, "noun")
        if lemma in L.SUPPORT_NOUNS or intention_plan(tok):
            return Cue(tok, 1, "noun")
    elif tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "amod", "oprd", "attr", "ROOT", "conj"):
        if lemma in L.OPPOSE_ADJS:
            return Cue(tok, -1, "adj")
        if lemma in L.SUPPORT_ADJS:
            return Cue(tok, 1, "adj")
    learned = LEARNED.get()
    if learned and lemma in learned and tok.pos_ in _LEARNED_KIND:
        return Cue(tok, learned[lemma], _LEARNED_KIND[tok.pos_])
    return None


def intention_plan(tok) -> bool:
    """"announced plans to supply missiles", "has no plans to send troops": a plan *to do*
    something is an intention to do it (a noun of position), not a peace plan -- unless what it is
    to do is to end the war ("proposed a plan to end the war" is a peace plan)."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.lemma_.lower() == "plan" and nxt is not None and nxt.lower_ == "to" and any(
        c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and nxt in c.children
        and c.lemma_.lower() not in L.PEACEMAKING_VERBS for c in tok.children)


def deontic(verb) -> bool:
    """"Ukraine should accept ...": what someone *should* do is the speaker's position, not theirs."""
    if verb.lemma_.lower() == "need" and any(c.dep_ == "xcomp" for c in verb.children):
        return True  # "Ukraine might need to cede territory", said by someone else
    return any(c.dep_ == "aux" and c.lower_ in L.DEONTIC for c in verb.children)


def subjects_of(verb) -> list:
    """Subjects of a verb, or of the verb it is coordinated with ("received ... but alarmed ...")."""
    while True:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and verb.tag_ in ("VBP", "VBZ", "VBD"):
            subjects = stranded_subject(verb)
        if subjects or verb.dep_ != "conj":
            return subjects
        verb = verb.head


def stranded_subject(verb) -> list:
    """"Despite Belgium's resistance, Germany, Poland and the Baltic states support the loan": a
    finite verb with no subject whose opening phrase the parser gave the subject, as items listed
    after a comma on its object."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i > verb.i:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            items = [c for c in pobj.children if c.dep_ in ("conj", "appos") and c.i > pobj.i
                     and verb.doc[c.left_edge.i - 1].text == ","]
            if items:
                return items
    return []


def _retreats(verb, lemma: str) -> bool:
    """A phrasal verb of giving up, its particle a particle or (as the parser may have it) an
    adverb: "give up", "backed away", "walk back"."""
    return any(c.dep_ in ("prt", "advmod") and (lemma, c.lower_) in L.NEGATIVE_PHRASAL for c in verb.children)


def negative_predicate(tok) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX") and _retreats(tok, lemma):
        return True  # "give up its NATO ambitions", "backed away from its demand"
    if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and any(c.dep_ == "dobj" for c in tok.children)):
        # (a rare verb the tagger took for an adjective still has its object: "to forswear membership")
        return lemma in L.OPPOSE_VERBS or lemma in L.NEGATIVE_VERBS
    if tok.pos_ == "ADJ":
        return lemma in L.OPPOSE_ADJS
    if tok.pos_ == "NOUN":
        return lemma in L.OPPOSE_NOUNS or lemma in L.NEGATIVE_NOUNS
    return False


def has_effect(tok) -> bool:
    """A verb that means something for what it governs: a cue, a negative or a positive predicate,
    or a copula or auxiliary (the negation then belongs to the clause: "is not part of NATO")."""
    lemma = tok.lemma_.lower()
    return (tok.pos_ != "VERB" or lemma in L.POSITIVE_VERBS or lemma in ("be", "have", "do")
            or negative_predicate(tok) or cue_of(tok) is not None)


def object_phrase(noun) -> str:
    """A noun phrase without determiners, with its "of" complement: "the new grain import ban"
    -> "new grain import ban", "any deployment of NATO troops" -> "deployment of NATO troops"."""
    skip = ("det", "poss", "case", "punct", "predet")
    words = [t for t in noun.subtree if t.i <= noun.i and t.dep_ not in skip]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i > noun.i:
            words += [t for t in prep.subtree if t.dep_ not in skip or t.i == prep.i]
            break
    return " ".join(t.text for t in words).strip()


def in_favour(prep) -> bool:
    return prep.lower_ == "in" and any(c.lemma_.lower() in ("favour", "favor") for c in prep.children)


def negates(tok) -> bool:
    """"not", "never", "no ...", "no longer", and "little" or "scant" on a noun."""
    if tok.dep_ == "neg" or (tok.lower_ in L.NEGATORS and tok.dep_ in ("det", "advmod", "preconj", "neg")):
        return True
    if tok.lower_ in L.SCANT and tok.dep_ in ("amod", "det") and tok.head.pos_ == "NOUN" and (
            tok.head.lemma_.lower() in L.SUPPORT_NOUNS or tok.head.lemma_.lower() in L.OPPOSE_NOUNS) and not (
            tok.i > 0 and tok.nbor(-1).lower_ == "a"):
        return True  # "little interest in a truce", not "a little support"
    return tok.lower_ in ("longer", "more") and tok.dep_ == "advmod" and any(c.lower_ == "no" for c in tok.children)


def is_hedged(tok) -> bool:
    return any(c.lower_ in L.HEDGES and c.dep_ in ("aux", "advmod") for c in tok.children)


def as_long_as(clause) -> bool:
    return any(c.lower_ == "long" and c.dep_ == "advmod" for c in clause.children)


def evaluation(tok) -> int:
    """+1 / -1 for a word that judges what it is said of ("acceptable", "a trap", "a good deal",
    "a key condition"), 0 for none."""
    lemma = tok.lemma_.lower()
    word = _hyphenated(tok)  # "non-starter", split by the tokenizer
    if lemma in L.POSITIVE_EVAL or word in L.POSITIVE_EVAL:
        return 1
    if lemma in L.NEGATIVE_EVAL or word in L.NEGATIVE_EVAL:
        return -1
    cue = cue_of(tok)
    if cue and cue.kind in ("adj", "noun") and tok.lemma_.lower() not in L.AGENT_NOUNS:
        return cue.polarity
    if tok.pos_ in ("NOUN", "PROPN"):
        for c in tok.children:
            if c.dep_ in ("amod", "compound") and (ev := evaluation(c)):
                return ev
    return 0


def _hyphenated(tok) -> str:
    """The word a hyphen joins ``tok`` into ("non - starter" -> "non-starter"), or ``""``."""
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text in L.HYPHENS:
        return f"{tok.lower_}-{doc[tok.i + 2].lower_}"
    if tok.i >= 2 and doc[tok.i - 1].text in L.HYPHENS:
        return f"{doc[tok.i - 2].lower_}-{tok.lower_}"
    return ""


def predicate_evaluation(copula) -> int:
    """"X would be a trap", "X is unacceptable": the judgement a copula says of its subject."""
    for c in copula.children:
        if (c.dep_ in ("attr", "acomp", "oprd") or (c.dep_ == "dobj" and copula.lemma_.lower() == "constitute")) and (
                ev := evaluation(c)):
            return ev  # ("would constitute a trap": its object says what it is)
        if c.dep_ == "prep" and (c.lower_, tuple(t.lower_ for t in c.subtree)[-1:]) in L.RULED_OUT_PLACES:
            return -1  # "a truce is out of the question", "... is off the table"
        if c.dep_ == "prep" and c.lower_ == "as" and copula.lemma_.lower() == "serve" and (
                ev := next((evaluation(p) for p in c.children if p.dep_ == "pobj"), 0)):
            return ev  # "the proposals could serve as a basis for a settlement"
    return 0


def idiom(verb, lemma: str) -> int:
    """The polarity of a verb-object-preposition idiom ("poured cold water on"), 0 for none."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for prep in (*verb.children, *obj.children):
            if prep.dep_ in ("prep", "dative") and (lemma, obj.lemma_.lower(), prep.lower_) in L.IDIOMS:
                return L.IDIOMS[(lemma, obj.lemma_.lower(), prep.lower_)]
    return 0


def _made_clear(tok) -> bool:
    doc = tok.doc
    nxt = [doc[i].lower_ for i in range(tok.i + 1, min(tok.i + 3, len(doc)))]
    return nxt[:1] == ["clear"] or nxt[:2] == ["it", "clear"]


def _judgement(noun) -> int:
    """+1 / -1 for a noun of judgement or one an adjective of judgement qualifies ("a key
    condition", "a trap"), not for a noun of position ("a proposal")."""
    for t in (noun, *(c for c in noun.children if c.dep_ in ("amod", "compound"))):
        lemma = t.lemma_.lower()
        if lemma in L.POSITIVE_EVAL:
            return 1
        if lemma in L.NEGATIVE_EVAL:
            return -1
    return 0


def complement_evaluation(verb) -> int:
    """"called the text unacceptable", "described the plan as a betrayal"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) > 1 and (ev := _judgement(objects[-1])):
        return ev  # "made a withdrawal a key condition", parsed with two objects
    for c in verb.children:
        if c.dep_ == "oprd" and c.pos_ == "NOUN":  # "called the reparations loan a mistake", parsed with
            # "loan" as the complement and "mistake" as its object (or in apposition: 'called the
            # counter-proposal "a non-starter"'): the judgement is that word, not the thing named
            if ev := next((e for g in c.children if g.dep_ in ("dobj", "appos") and (e := evaluation(g))), 0):
                return ev
        if c.dep_ in ("oprd", "acomp") or (c.dep_ in ("xcomp", "ccomp") and c.pos_ == "ADJ"):
            if ev := evaluation(c):
                return ev
        if c.dep_ == "prep" and c.lower_ == "as":
            for p in c.children:
                if p.dep_ in ("pobj", "amod", "acomp") and (ev := evaluation(p)):
                    return ev
    after = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "of", "on")  # the object's own
             and any(o.i < c.i for o in objects)]  # preposition, hung on the verb
    for obj in (*objects, *after):  # "will consider any deployment of troops as a hostile act": "as" hung on the object
        for c in obj.subtree:
            if c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i:
                for p in c.children:
                    if p.dep_ in ("pobj", "amod", "acomp") and (ev := evaluation(p)):
                        return ev
    return 0


def subject_effect(verb) -> int:
    """What a verb's subject does, judged by what it acts on: "would prolong the fighting" -1,
    "would end the war" +1, "would undermine security" -1; 0 when it cannot be told."""
    lemma = verb.lemma_.lower()
    if lemma in L.FAULT_VERBS:
        return -1  # "Trump's proposals may lack protections", "the deal rewards aggression"
    effect = -1 if lemma in L.NEGATIVE_VERBS else 1 if lemma in L.POSITIVE_VERBS else 0
    if not effect:
        return 0
    for c in verb.children:
        if c.dep_ == "dobj":
            valence = -1 if c.lemma_.lower() in L.BAD_THINGS else 1 if c.lemma_.lower() in L.GOOD_THINGS else 0
            return effect * valence
    return effect  # no object: the subject itself stops, ends, continues ("if arms deliveries stop")


def marks_position(verb) -> bool:
    """A modal of will or obligation: "Ukraine will never ...", "Russia must ...", "X would be ..."."""
    return any(c.dep_ in ("aux", "neg") and c.lower_ in L.POSITION_MODALS for c in verb.children)
