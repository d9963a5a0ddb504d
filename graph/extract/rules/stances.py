"""Read stances off one parsed sentence: cue, holder, polarity, topic.

Two passes over the dependency parse:

1. From each topic mention upwards: the first stance cue on the way that has a holder
   decides who holds the position ("A source said *Putin demanded* X" gives Putin). Every
   negation or negative predicate passed on the way flips the polarity ("refuses to relinquish",
   "rejected ceding territory *without* guarantees"); a condition ("until a ceasefire is in
   effect", "as long as guarantees are upheld") fixes it as wanted; an open question ("whether")
   is no position at all; hedges lower confidence.
2. From cues whose topic stands outside their own clause: "a plan *which received support from
   Moscow*", "the initiative *alarmed European partners*", "concessions -- *a move Zelenskyy rejected*".
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from . import lexicon as L
from .actors import ActorResolver, Mention
from .chain import Link, pick
from .cues import (Cue, as_long_as, complement_evaluation, cue_of, evaluation, has_effect, idiom, is_hedged, marks_position,
                   negates, negative_predicate, object_phrase, predicate_evaluation, subject_effect, subjects_of)
from .topics import TopicMention

RELATIVE = {"who", "which", "that", "whom"}
PLURAL_PRONOUNS = {"they", "them"}
QUANTIFIERS = {"several", "some", "many", "most", "all", "both", "each", "one", "two", "three", "few", "majority"}
INCLUDING_VERBS = {"include", "comprise"}
CO_HOLDING_VERBS = {"back", "join", "support", "accompany", "second", "echo", "flank", "lead"}
COMPLEMENT_DEPS = {"ccomp", "xcomp", "dobj", "acl", "advcl", "oprd", "attr", "pcomp"}
ARGUMENT_DEPS = {"dobj", "xcomp", "ccomp", "nsubjpass", "attr", "oprd", "acomp", "pobj", "nsubj"}
COMPLEMENT_PREPS = {"for", "on", "toward", "towards", "to", "of"}
GENERIC_ANTECEDENTS = {"move", "step", "idea", "option", "scenario", "proposal", "plan", "demand", "notion",
                       "prospect", "possibility", "solution", "concession", "compromise", "arrangement",
                       "condition", "precondition", "request", "ultimatum", "position", "stance", "offer",
                       "concept", "term", "notion", "suggestion", "approach"}


@dataclass(frozen=True)
class Found:
    """A stance before it becomes a :class:`~stancegraph.types.Stance` (``topic`` None: a candidate)."""

    holder: Mention
    topic: str | None
    polarity: int
    confidence: float
    cue: str
    phrase: str
    features: tuple[str, ...] = ()  # what the reading rests on, for calibration (see calibration.py)


class SentenceReader:
    def __init__(self, actors: ActorResolver, resolve_topic, lineage=None):
        self.actors = actors
        self.lineage = lineage or (lambda actor_id: [actor_id])  # the actor and the groups it belongs to
        self.resolve_topic = resolve_topic  # (TopicMention, holder Mention, sign) -> (topic id, sign) | None

    # --- holders ------------------------------------------------------------------------
    def holders(self, cue: Cue) -> list[Mention]:
        tok = cue.token
        if cue.kind == "psych":
            return self._mentions([c for c in tok.children if c.dep_ == "dobj"])
        if cue.kind == "noun":
            return self._noun_holders(tok)
        if cue.kind == "adj":
            if tok.dep_ == "amod":
                return []
            return self.subject_holders(tok.head if tok.dep_ in ("acomp", "attr", "oprd") else tok)
        if cue.kind == "receive":
            return []  # the holder is the source of the support received: see _external
        if cue.kind == "report" and tok.lemma_.lower() in ("write", "report") and any(
                c.dep_ == "nsubj" and c.i > tok.i for c in tok.children):
            return []  # "..., writes The Guardian": a newspaper reporting, not a holder
        return self.subject_holders(tok)

    def subject_holders(self, verb, depth: int = 0) -> list[Mention]:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if verb.lemma_.lower() == "join" and subjects:  # "Freedonia joined Ruritania in opposing ..."
            agents += [c for c in verb.children if c.dep_ == "dobj"]
        found = self._mentions(agents + subjects)
        if found or depth > 4:
            return found
        if subjects and not any(s.lower_ in RELATIVE for s in subjects):
            return []  # a subject that is not an actor: "the talks underscored ..."
        if verb.dep_ == "relcl" or any(s.lower_ in RELATIVE for s in subjects):
            return self._mentions([verb.head])
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            found = self._mentions([verb.head])
            noun = verb.head  # "efforts involve diplomacy to broker a deal": the efforts' owner
            if not found and noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
                found = self.subject_holders(noun.head, depth + 1)
            return found
        if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp", "ccomp") and verb.head.i != verb.i:
            if verb.dep_ == "ccomp" and not any(c.dep_ == "mark" for c in verb.children):
                return []
            return self.subject_holders(verb.head, depth + 1)
        if verb.dep_ in ("dobj", "pobj") and verb.head.pos_ == "VERB":
            return self.subject_holders(verb.head, depth + 1)
        if verb.dep_ == "prep" and verb.lower_ in ("in", "by") and verb.head.pos_ == "VERB":
            return self.subject_holders(verb.head, depth + 1)  # "joined Ruritania in [opposing ...]"
        return []

    def _noun_holders(self, noun) -> list[Mention]:
        if noun.lemma_.lower() in L.AGENT_NOUNS:
            return self._agent_holders(noun)
        owner = self.actors.owner_of(noun)
        if owner:
            return self._speaker_for_owner(noun, owner)
        for prep in noun.children:  # "rejection of a truce by Putin": the agent hangs on the object
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    agents = [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "by"
                              for p in c.children if p.dep_ == "pobj"]
                    found = self._mentions(agents)
                    if found:
                        return found
        head = noun.head
        if noun.dep_ in ("dobj", "attr", "pobj") and head.pos_ in ("VERB", "AUX", "ADP"):
            verb = head.head if head.pos_ == "ADP" else head
            if verb.lemma_.lower() in L.LIGHT_VERBS:
                return self.subject_holders(verb)
        return []

    def _speaker_for_owner(self, noun, owner: Mention) -> list[Mention]:
        """"Orban reiterated Hungary's opposition": who voices their own side's position holds it."""
        head = noun.head
        if noun.dep_ == "dobj" and head.lemma_.lower() in L.LIGHT_VERBS:
            speakers = self.subject_holders(head)
            if speakers and all(s.actor.kind == "person" and (owner.actor.id in self.lineage(s.actor.id)
                                                              or not s.actor.iri) for s in speakers):
                return speakers
        return self._with_listed(owner, noun.doc)

    def _with_listed(self, m: Mention, doc) -> list[Mention]:
        """``m`` and the actors listed with it ("opposition from Ruritania and Freedonia")."""
        if m.resolved or m.end <= m.start:
            return [m]
        out = [m]
        for c in _listed(doc[m.end - 1]):
            x = self.actors.mention_at(c)
            if x is not None and all(x.actor.id != o.actor.id for o in out):
                out.append(x)
        return out

    def _agent_holders(self, noun) -> list[Mention]:
        """Who "opponents of the treaty" or "a proponent of the deal" are: the subject of a copula
        ("Portugal is a big proponent of"), the noun in apposition ("Weber, a critic of"), members
        named with it ("critics in Lisbon and Oslo", "opponents such as A and B")."""
        found = self._members(noun)
        if found:
            return found
        head = noun.head
        if noun.dep_ in ("attr", "oprd") and head.lemma_.lower() in L.COPULAS:
            return self.subject_holders(head)
        if noun.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in L.CALLING_VERBS:
            # "Ruritania is seen as the main backer of", "regarded as a critic of"
            return self._mentions([c for c in head.head.children if c.dep_ == "nsubjpass"])
        if noun.dep_ == "appos":
            return self._mentions([head])
        if head.dep_ == "appos" or any(c.dep_ == "appos" for c in noun.children):
            return self._mentions([c for c in noun.children if c.dep_ == "appos"] or [head.head])
        if noun.dep_ in ("nsubj", "nsubjpass"):
            return []
        return self._mentions([c for c in noun.children if c.dep_ in ("compound", "amod")])

    def _members(self, noun) -> list[Mention]:
        """Actors listed with a plural noun: "countries like France and Germany", "critics in Lisbon",
        "an anti-treaty coalition that already includes A, B and C"."""
        objs = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in L.MEMBER_PREPS
                for p in c.children if p.dep_ == "pobj"]
        objs += [p for c in noun.children if c.dep_ == "amod" and c.lower_ == "such"
                 for a in c.children if a.lower_ == "as" for p in a.children if p.dep_ == "pobj"]
        objs += [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "as"
                 and any(x.lower_ == "such" for x in c.children) for p in c.children if p.dep_ == "pobj"]
        if noun.lemma_.lower() in L.COLLECTIVE_NOUNS:  # "countries (A, B, C)", "a bloc of countries (A, B)"
            objs += [c for c in noun.children if c.dep_ == "appos"]
            objs += [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                     if p.dep_ == "pobj" and p.lemma_.lower() in L.COLLECTIVE_NOUNS
                     for a in p.children if a.dep_ == "appos"]
        if noun.dep_ == "pobj" and noun.head.lower_ == "among" and noun.head.head.lemma_.lower() in L.COPULAS:
            # "Ruritania is among the countries opposed to the treaty"
            objs += [c for c in noun.head.head.children if c.dep_ == "nsubj"]
        if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in INCLUDING_VERBS:
            # "the countries looking for an ambitious treaty include A, B and C"
            objs += [c for c in noun.head.children if c.dep_ in ("dobj", "attr")]
        found = self._mentions(objs)
        for c in noun.children:  # "a coalition that (already) includes A, B and C": every actor in it
            if c.dep_ == "relcl" and c.lemma_.lower() in ("include", "comprise", "gather", "unite") and (
                    noun.lemma_.lower() in L.COLLECTIVE_NOUNS | L.AGENT_NOUNS):
                found += [m for t in c.subtree if t.i != c.i and (m := self.actors.mention_at(t))
                          and all(m.actor.id != o.actor.id for o in found)]
        return found

    def _mentions(self, tokens) -> list[Mention]:
        """Actors named by these noun phrases, their conjuncts ("Europe and the US"), or owning
        them ("U.S. efforts", "Trump's proposals")."""
        out = []
        for t in tokens:
            if t.tag_ in ("NNS", "NNPS") and (group := self.actors.group_of(t)):
                found = list(group)  # "both leaders", "the two sides"
            elif (t.lemma_.lower() in L.COLLECTIVE_NOUNS | L.ROLE_NOUNS and self.actors.mention_at(t) is None
                  and (listed := self._members(t))):
                found = listed  # "countries like France and Germany", "a bloc (Saudi Arabia, Iran, ...)"
            else:
                found = [self.actors.mention_at(t)]
            if found[0] is None and t.lower_ in QUANTIFIERS:  # "several of the Arab states"
                found = [self.actors.mention_at(p) for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                         for p in c.children if p.dep_ == "pobj"][:1] or found
            if found[0] is None and t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() not in L.RELATION_NOUNS:
                found = [self.actors.owner_of(t)]
            named = found[0].span_tokens(t.doc) if len(found) == 1 and found[0] and (
                found[0].start <= t.i < found[0].end) else [t]  # "the Council of Europe and ..."
            found += [self.actors.mention_at(c) for x in {t, *named} for c in _listed(x) if c.i > t.i]
            if found[0] is not None:  # "Saudi Arabia, backed by Iran and India, ...": the backers side with it
                found += [self.actors.mention_at(c) for x in {t, *named} for c in _co_holders(x)]
            elif t.lower_ in PLURAL_PRONOUNS:  # "A, backed by B and C, took the floor. They rejected ..."
                found = self._listed_before(t)
            for m in found:
                if m and all(m.actor.id != o.actor.id for o in out):
                    out.append(m)
        return out

    def _listed_before(self, pronoun) -> list:
        """"They" after a sentence whose subject lists several actors: all of them."""
        sent = pronoun.sent
        prev = pronoun.doc[sent.start - 1].sent if sent.start else None
        for s in (sent, prev):
            if s is None:
                continue
            subjects = [t for t in s if t.dep_ in ("nsubj", "nsubjpass") and t.i < pronoun.i
                        and t.lower_ not in PLURAL_PRONOUNS]
            if not subjects:
                continue
            subj = subjects[0] if s is prev else subjects[-1]
            head = self.actors.mention_at(subj)
            if head is None:
                return []
            items = [head, *(self.actors.mention_at(c) for c in (*_listed(subj), *_co_holders(subj)))]
            items = [m for m in items if m is not None]
            if len({m.actor.id for m in items}) < 2:
                return []
            return [Mention(m.actor, pronoun.text, pronoun.i, pronoun.i + 1, resolved=True) for m in items]
        return []

    # --- pass 1: from a topic mention up ------------------------------------------------
    def from_mention(self, mention: TopicMention, doc, mention_at=None) -> list[Found]:
        span = mention.span(doc)
        inside = set(range(span.start, span.end))
        root = span.root
        sign = 1
        # negation attached to the phrase itself: "never join NATO", "no ceasefire"
        marked = any(negates(c) for t in span for c in t.children if c.i not in inside)
        if marked and any(c.dep_ == "prep" and c.lower_ == "without" and _none_without(c)
                          for t in (root, root.head) for c in t.children):
            return []  # "no truce without a withdrawal": a condition on the truce, not a refusal of it
        if marked:
            sign = -sign
        if ev := next((evaluation(c) for c in root.children if c.dep_ == "amod" and c.i not in inside
                       and evaluation(c)), 0):
            sign, marked = sign * ev, True  # "a bad deal", "not a good agreement"
        marked = marked or marks_position(root) or any(c[1] < 0 for c in mention.candidates)
        if prefixed := self._prefixed(mention, span, sign):  # "an anti-treaty coalition that includes A, B and C"
            return prefixed
        chain = self._chain(root, inside, sign, mention_at or {}, marked)
        if chain is None:  # an open question: "whether to accept ..."
            return []
        # the phrase's own head may carry a holder: "European support for Ukraine"
        root_cue = cue_of(root)
        if root_cue and root_cue.kind in ("noun", "verb") and root.lemma_.lower() not in L.PLAN_NOUNS:
            holders = self.holders(root_cue)
            if holders:
                chain.insert(0, Link(root, root_cue, holders, sign, False, [root.text]))
        out = []
        for link in self._own_clauses(span) + self._shared_passives(span):
            out += self._found(link.holders, mention, sign * link.sign, link.hedged, link.token, link.cue, link.words,
                               how="own")
        picked = pick(chain, self.lineage)
        if picked and picked[0].cue.kind == "report" and not picked[0].marked:
            picked = []  # "There are compromises in the plan," X warned: a report of no position
        if not picked:
            return out or self._fallback(mention, doc, root, sign) or self._quoted(mention, root, chain, sign, marked)
        for link in picked:
            out += self._found(link.holders, mention, link.sign, link.hedged, link.token, link.cue, link.words)
        return out

    def _colon_speaker(self, root) -> Mention | None:
        """The actor before a colon that opens the sentence: "Macron: Europe must be at the table"."""
        sent = root.sent
        colon = next((t for t in sent[:7] if t.text == ":"), None)
        if colon is None or colon.i == sent.start:
            return None
        head = sent.doc[sent.start:colon.i].root
        return self.actors.mention_at(head)

    def _shared_passives(self, span) -> list["Link"]:
        """"The treaty was welcomed by A but criticised by B": a coordinated passive verb with no
        subject of its own shares the phrase as its subject, and its agent holds its position."""
        root = span.root
        if root.dep_ != "nsubjpass":
            return []
        out = []
        for verb in root.head.conjuncts:
            if verb.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                continue
            cue = cue_of(verb)
            agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            holders = self._mentions(agents) if cue and cue.kind in ("verb", "report") else []
            if holders:
                negated = any(negates(c) for c in verb.children)
                out.append(Link(verb, cue, holders, -cue.polarity if negated else cue.polarity, is_hedged(verb),
                                [verb.text], False))
        return out

    def _according_to(self, root) -> Mention | None:
        """The source of "according to X, ..." on the sentence's main verb."""
        for c in root.children:
            if c.dep_ == "prep" and c.lower_ == "according":
                for to in c.children:
                    if to.lower_ == "to":
                        found = self._mentions([p for p in to.children if p.dep_ == "pobj"])
                        if found:
                            return found[0]
        return None

    def _own_clauses(self, span) -> list["Link"]:
        """Cues in a clause on the phrase itself: "a ceasefire *proposed by Ukraine*", "a pause in
        the fighting *proposed by Chile*", "a ceasefire deal *spearheaded by Trump*"."""
        out = []
        nouns = list(span)
        root = span.root
        if root.dep_ in ("compound", "amod", "nmod") and root.head.lemma_.lower() in (
                L.PLAN_NOUNS | L.PROPOSAL_NOUNS | L.AGREEMENT_NOUNS):
            nouns.append(root.head)
        for clause in (c for t in nouns for c in t.children):
            if clause.dep_ not in ("acl", "relcl"):
                continue
            for verb in (clause, *(c for c in clause.conjuncts if c.pos_ == "VERB")):
                cue = cue_of(verb)
                if not cue or cue.kind not in ("verb", "report"):
                    continue
                agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
                if not agents and clause.dep_ == "relcl" and not any(
                        c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and c.lower_ not in RELATIVE)
                        for c in verb.children):
                    # "a ceasefire (that) the US had pitched": the noun is the relative clause's object
                    agents = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in RELATIVE]
                holders = self._mentions(agents)
                if holders:
                    negated = any(negates(c) for c in verb.children)
                    out.append(Link(verb, cue, holders, -cue.polarity if negated else cue.polarity,
                                    is_hedged(verb), [verb.text], False))
        return out

    def _chain(self, tok, inside: set[int], sign: int, mention_at: dict, marked: bool = True
               ) -> list["Link"] | None:
        """Every cue with a holder above ``tok``, with the polarity and hedging found so far."""
        chain: list[Link] = []
        frozen, hedged, crossed, listed, words = False, False, False, False, []
        seen = set(inside)
        while tok.head.i != tok.i:
            child, tok = tok, tok.head
            if chain and child.dep_ == "conj" and child.pos_ in ("VERB", "AUX", "ADJ") and any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                # "Trump recommended X, but Zelenskyy rejected Y": a coordinated clause, not an
                # embedded one; only a speaker above may still claim it ("Starmer said A and that B")
                crossed = True
            if tok.i in seen:
                continue
            if child.dep_ in ("appos", "conj"):
                listed = True
            elif (child.dep_ == "nsubj" and not listed and tok.pos_ in ("VERB", "AUX")
                    and (here := cue_of(tok)) and here.kind != "adj"
                    and any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in tok.children)):
                break  # the phrase is who acts: "the plan would require concessions" is not about the plan
            other = mention_at.get(tok.i)
            if other is not None and child.dep_ in ("appos", "conj"):
                # a list whose items the parser hung on each other: go on from the sibling phrase
                tok = other.span(tok.doc).root
                seen.update(range(other.start, other.end))
                continue
            seen.add(tok.i)
            marks = {c.lower_ for c in child.children if c.dep_ == "mark"} | (
                {child.lower_} if child.dep_ == "mark" else set())
            if marks & L.QUESTION_MARKERS or ("if" in marks and tok.lemma_.lower() in L.ASKING_VERBS):
                return None  # "whether to accept a truce", "asked if he knew of the plan"
            if tok.lemma_.lower() in L.VIEW_NOUNS and child.dep_ == "prep" and child.lower_ in ("of", "on"):
                return None  # "each side will present its vision of a future truce": a view, not a position
            only = any(c.lower_ == "only" for c in (*child.children, *tok.children) if c.dep_ == "advmod")
            condition = marks & L.CONDITION_MARKERS or (child.dep_ == "advcl" and as_long_as(child)) or (
                "as" in marks and tok.lower_ == "long")  # "as long as" parsed with "long" above the clause
            if only and (marks & L.TEMPORAL or (tok.dep_ == "prep" and tok.lower_ in L.TEMPORAL)):
                condition = True  # "talks should begin only after a ceasefire": a condition, not a time
            elif (marks & L.TEMPORAL or (marks & L.REASON_MARKERS and child.dep_ == "advcl")) and not condition:
                # "... before a truce can take effect", "as the US has not approved ...": a time or a
                # reason, not the position of whoever governs the clause
                return chain if any(link.holders for link in chain) else None
            elif (tok.dep_ == "prep" and tok.lower_ in L.CIRCUMSTANCE_PREPS) or _cause(tok):
                # "a force deployed after a ceasefire": a circumstance, unless someone's position
                # was found inside it ("despite calls from Washington for a swift deal")
                return chain if any(link.holders for link in chain) else None
            if condition:
                if marks & {"if", "unless"} and any(negates(c) for c in child.children):
                    if not _threat(tok, child):
                        return None  # "aid if Russia does not attack": a reward or a threat, the lean is not said
                    sign = -sign  # "threatened sanctions if Russia does not agree to a truce": it wants the truce
                # "... if the US and Europe provide guarantees": who must act in a condition takes
                # no position there; the condition is what the holder above it wants
                frozen, chain = True, [link for link in chain if not link.holders]
            hedged = hedged or is_hedged(tok)
            cue = cue_of(tok)
            if cue and cue.polarity < 0 and child.dep_ == "xcomp" and child.lemma_.lower() in L.NO_COMMENT:
                return None  # "declined to comment on the treaty", "refused to discuss the truce"
            if cue is None and tok.lemma_.lower() == "be" and child.dep_ == "advcl":
                # "Weber is open to talks if Freedonia accepts a truce": the adjective is the cue
                cue = next((c for a in tok.children if a.dep_ == "acomp" and (c := cue_of(a))), None)
            if child.dep_ == "dobj" and tok.lemma_.lower() in L.CALLING_VERBS and (ev := complement_evaluation(tok)):
                cue = Cue(tok, ev, "verb")  # "called the text unacceptable", "described it as a trap"
            holders = self.holders(cue) if cue and cue.kind != "receive" else []
            if not frozen and child.dep_ != "conj":  # a coordinated sibling's polarity is not ours
                if tok.lower_ == "without" and _none_without(tok):
                    frozen, chain = True, [link for link in chain if not link.holders]  # "no truce without a withdrawal"
                elif tok.pos_ == "ADP" and tok.lower_ in ("without", "against") and (
                        tok.head.lemma_.lower(), tok.lower_) not in L.PHRASAL and not (
                        tok.lower_ == "against" and (above := cue_of(tok.head)) and above.polarity < 0):
                    # not when it makes the cue above: "warned against", "is against", "fight back against"
                    sign, marked = -sign, True
                if _instead(tok):
                    sign, marked = -sign, True  # "focus on waste rather than reducing production"
                if any(negates(c) for c in tok.children if c.i != child.i):
                    if _conditioned(tok) or not has_effect(tok):
                        # "will not consider talks until Russia withdraws" refuses no talks, and
                        # "does not use the truce to rearm" says nothing about the truce
                        return None
                    sign, marked = -sign, True
                if cue and cue.kind == "adj" and tok.dep_ == "acomp" and any(negates(c) for c in tok.head.children):
                    sign = -sign  # "Putin is not interested in a ceasefire"
                judged = predicate_evaluation(tok) if child.dep_ in ("nsubj", "nsubjpass") and (
                    tok.lemma_.lower() in L.COPULAS) else 0
                if judged:
                    sign, marked = sign * judged, True  # "a truce would be a trap", "X is unacceptable"
                    if not holders and (judges := self._mentions(
                            [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
                             for p in c.children if p.dep_ == "pobj"])):
                        cue, holders = Cue(tok, 1, "adj"), judges  # "For Kyiv, the truce is a trap"
                elif cue:
                    sign *= cue.polarity
                    marked = marked or cue.kind != "report"
                elif child.dep_ == "nsubj":
                    if effect := subject_effect(tok):
                        sign, marked = sign * effect, True  # "a truce would only prolong the fighting"
                    elif tok.pos_ == "VERB" and tok.lemma_.lower() not in L.COPULAS and not chain and any(
                            c.dep_ in ("dobj", "ccomp", "xcomp") for c in tok.children):
                        return None  # what the phrase itself does to something ("the text would entrench
                        # the status quo") is no position on it
                elif negative_predicate(tok) and (child.dep_ in ARGUMENT_DEPS or (
                        tok.pos_ == "NOUN" and child.dep_ == "prep" and child.lower_ in ("of", "on", "to", "in"))):
                    # "stop attacks", "give up its NATO ambitions", "its suspension of aid"; not adjuncts
                    sign, marked = -sign, True
                    if chain and chain[-1].holders and tok.pos_ == "VERB" and {
                            h.actor.id for h in self.subject_holders(tok)} == {h.actor.id for h in chain[-1].holders}:
                        # "Freedonia dropped its opposition to ...": the holder undoes its own position
                        chain[-1] = replace(chain[-1], sign=sign)
            marked = marked or frozen or marks_position(tok)
            if cue:
                words.append(tok.text)
            if tok.head.i == tok.i and not holders and not any(link.holders for link in chain):
                speaker = self._colon_speaker(tok) or self._according_to(tok)
                if speaker:  # a headline "Zelensky: Ukraine will not cede land"; "according to Weber, ..."
                    cue, holders = Cue(tok, 1, "report"), [speaker]
            if holders or (cue and tok.lemma_.lower() in L.DIRECTIVES):
                complement = child.dep_ in COMPLEMENT_DEPS or (
                    child.dep_ == "prep" and child.lower_ in COMPLEMENT_PREPS)
                chain.append(Link(tok, cue, holders, sign, hedged, list(words), complement and not crossed,
                                   child.dep_, crossed, marked))
        return chain

    def _prefixed(self, mention, span, sign) -> list[Found]:
        """"anti-X" and "pro-X" before a noun: its members, or who it is, hold that position on X."""
        doc = span.doc
        if span.start < 2 or doc[span.start - 1].text != "-" or doc[span.start - 2].lower_ not in ("anti", "pro"):
            return []
        noun = span.root.head
        if noun.pos_ not in ("NOUN", "PROPN") or noun.i == span.root.i:
            return []
        cue = Cue(doc[span.start - 2], -1 if doc[span.start - 2].lower_ == "anti" else 1, "adj")
        holders = self._agent_holders(noun) or (
            self.subject_holders(noun.head) if noun.dep_ == "dobj" else []) or self._mentions([noun])
        if not holders:
            return []
        return self._found(holders, mention, sign * cue.polarity, False, cue.token, cue,
                           [f"{cue.token.text}-"], how="chain")

    def _quoted(self, mention, root, chain, sign, marked) -> list[Found]:
        """A position stated inside a quotation with no holder of its own is its speaker's:
        '"The treaty must now apply. No more delays," Weber said.'"""
        speaker = self.actors.speakers.get(root.i)
        if speaker is None or chain is None:
            return []
        sign = chain[-1].sign if chain else sign
        tok = root
        while not marked and tok.head.i != tok.i:
            tok = tok.head
            marked = marks_position(tok) or predicate_evaluation(tok) != 0
        if not (marked or any(link.marked for link in chain)):
            return []
        cue = chain[-1].cue if chain else Cue(root, 1, "report")
        return self._found([speaker], mention, sign, any(link.hedged for link in chain), root, cue,
                           ["\""], how="quote")

    def _fallback(self, mention, doc, root, sign) -> list[Found]:
        """No cue above: "Trump's peace plan" (an owner backs its own plan) or an actor
        that declares what it will or will not do ("Ukraine will never cede land")."""
        backer = self.actors.backer_of(root)
        if backer and (root.lemma_.lower() in L.PLAN_NOUNS or any(k == "owned" for *_, k in mention.candidates)):
            return self._found([backer], mention, 1, False, root, None, ["'s"], base=0.55, how="owner")
        plans = [c for c in root.children if c.dep_ == "nsubj" and c.lemma_.lower() in L.PLAN_NOUNS]
        if root.pos_ == "VERB" and plans and (backer := self.actors.owner_of(plans[0], back=False)):
            # "The US plan caps Ukraine's army": what a plan does is what its owner wants
            return self._found([backer], mention, sign, False, root, None, ["plan"],
                               base=0.6, how="plan")
        if root.pos_ == "VERB" and (root.dep_ == "ROOT" or (root.dep_ == "conj" and root.head.dep_ == "ROOT")):
            modal = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "must", "should", "ca", "can", "wo")
                        for c in root.children)
            # "Ukraine will never cede land" declares; "the two have not met since 2019" reports a fact
            negated = any(negates(c) for c in root.children) and root.tag_ not in ("VBD", "VBN")
            subjects = self._mentions([c for c in root.children if c.dep_ == "nsubj"])
            if subjects and (modal or negated):
                return self._found(subjects, mention, sign, False, root, None, [], base=0.55, how="declares")
        return []

    def _found(self, holders, mention, sign, hedged, cue_tok, cue, cue_words, base=None, how="chain"
               ) -> list[Found]:
        if base is None:
            base = {"verb": 0.85, "report": 0.75, "noun": 0.7, "adj": 0.75, "psych": 0.7}.get(
                cue.kind if cue else "", 0.6)
        common = [f"cue:{cue.kind if cue else 'none'}", f"how:{how}"]
        if hedged:
            common.append("hedged")
        if getattr(mention, "ref", False):
            common.append("referred_topic")
        if mention.owned:
            common.append("owned_topic")
        if len(holders) > 1:
            common.append("many_holders")
        if len(cue_tok.sent) > 40:
            common.append("long_sentence")
        out = []
        sides = []  # an official the codebook does not know speaks for their side too
        for h in holders:
            side = self.actors.codebook.actors.get(h.actor.member_of) if not h.actor.iri and h.actor.member_of else None
            if side is not None and all(side.id != o.actor.id for o in (*holders, *sides)):
                sides.append(Mention(side, h.text, h.start, h.end, resolved=True))
        for h in (*holders, *sides):
            if h.start < mention.end and mention.start < h.end:
                continue  # an actor inside the topic phrase is not its holder: "frozen Russian assets"
            topic_sign = self.resolve_topic(mention, h, sign)
            if topic_sign is None:
                continue
            topic, tsign = topic_sign
            conf = base * (0.75 if hedged else 1.0) * (0.85 if h.resolved else 1.0) * (
                1.0 if h.actor.iri else 0.9)
            features = [*common, f"actor:{h.actor.kind}"]
            features += ["resolved"] * h.resolved + ["unknown_actor"] * (not h.actor.iri) + [
                "oppose"] * (sign * tsign < 0)
            out.append(Found(h, topic, sign * tsign, conf, " ".join(cue_words) or (cue_tok.text if cue else ""),
                             mention.span(cue_tok.doc).text, tuple(features)))
        return out

    # --- candidates: positions on something the codebook does not know ---------------------
    def candidates(self, sent, mentions: list[TopicMention]) -> list[Found]:
        """A stance verb with a holder and an object that names no codebook topic: kept as an
        unclassified candidate with its phrase, so users can extend the codebook."""
        covered = {i for m in mentions for i in range(m.start, m.end)}
        out = []
        for tok in sent:
            cue = cue_of(tok)
            if cue is None or cue.kind != "verb" or tok.lemma_.lower() in L.REPORT_VERBS or idiom(tok, tok.lemma_.lower()):
                continue  # an idiom's object ("poured cold water on") is no topic
            objects = [c for c in tok.children if c.dep_ == "dobj"]
            objects += [p for c in tok.children if c.dep_ == "prep" and (tok.lemma_.lower(), c.lower_) in L.PHRASAL
                        for p in c.children if p.dep_ == "pobj"]
            for obj in objects:
                if obj.pos_ != "NOUN" or obj.lemma_.lower() in L.VAGUE_OBJECTS or self.actors.mention_at(obj):
                    continue
                if covered & {t.i for t in obj.subtree}:
                    continue
                chain = self._chain(obj, {obj.i}, 1, {})
                phrase = object_phrase(obj)
                for link in pick(chain or [], self.lineage):
                    for h in link.holders:
                        conf = 0.5 * (0.75 if link.hedged else 1.0) * (0.85 if h.resolved else 1.0)
                        out.append(Found(h, None, link.sign, conf, " ".join(link.words), phrase))
        return out

    # --- pass 2: cues whose topic stands outside their clause ----------------------------
    def external(self, sent, mentions: list[TopicMention]) -> list[Found]:
        out = []
        for tok in sent:
            cue = cue_of(tok)
            if cue is None and tok.lemma_.lower() in ("have", "lack") and any(
                    c.dep_ == "dobj" and cue_of(c) and cue_of(c).kind == "noun" and any(
                        p.dep_ == "prep" and p.lower_ in ("of", "from") for p in c.children) for c in tok.children):
                cue = Cue(tok, 1 if tok.lemma_.lower() == "have" else -1, "receive")  # "has the backing of X"
            if cue is None:
                continue
            if cue.kind == "psych":
                targets = subjects_of(tok)
                holders = self.holders(cue)
            elif cue.kind == "receive":
                objs = [c for c in tok.children if c.dep_ == "dobj" and cue_of(c) and cue_of(c).kind == "noun"]
                if not objs:
                    continue
                holders = self._noun_holders(objs[0])
                cue = Cue(tok, cue_of(objs[0]).polarity * cue.polarity, "noun")
                targets = subjects_of(tok)
            elif (tok.dep_ == "relcl" or (tok.dep_ == "acl" and any(c.dep_ == "agent" for c in tok.children))) and not any(
                    c.dep_ in ("dobj", "ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ in COMPLEMENT_PREPS)
                    for c in tok.children):
                # "a plan which alarmed Europe", "-- a proposal swiftly rejected by Zelenskyy": the
                # generic noun stands for what was said before it
                holders = self.holders(cue)
                ante = tok.head
                generic = ante.lemma_.lower() in GENERIC_ANTECEDENTS | L.PROPOSAL_NOUNS and (
                    ante.dep_ in ("appos", "npadvmod") or _summary_conj(ante))
                if tok.dep_ == "acl" and not generic:
                    continue
                targets = [ante.head if generic else ante]
            elif objection := _in_spite(tok, cue):
                # "Despite Belgium's objections, the EU pressed ahead with the loan": the objection
                # is to what the main clause does
                holders = self._noun_holders(tok)
                targets = [objection]
            else:
                continue
            targets = [t.head.head if t.lower_ in RELATIVE and t.head.dep_ == "relcl" else t for t in targets]
            if not holders or not targets:
                continue
            clause = set(t.i for t in (tok.head if tok.dep_ == "pobj" else tok).subtree)
            for target in targets:
                region = set(t.i for t in target.subtree) - (clause if target.i not in clause else set())
                for m in mentions:
                    if region & set(range(m.start, m.end)):
                        sign = cue.polarity
                        if any(negates(c) for t in m.span(sent.doc) for c in t.children):
                            sign = -sign
                        out += self._found(holders, m, sign, is_hedged(tok), tok, cue, [tok.text], how="external")
        return out


def _listed(tok) -> list:
    """The items listed with ``tok``: its conjuncts, and the names the parser hung on it in
    apposition ("Brazil, Saudi Arabia, several Gulf countries, China and India": "Arabia" and
    "countries" in apposition, "China" and "India" their conjuncts). An apposition that is a
    singular common noun describes the name ("Weber, the envoy"), and is no item of a list."""
    out, todo = [], [tok]
    while todo:
        for c in todo.pop().children:
            if c.dep_ == "conj" or (c.dep_ == "appos" and (c.pos_ == "PROPN" or c.tag_ in ("NNS", "NNPS"))):
                out.append(c)
                todo.append(c)
    return out


def _co_holders(tok) -> list:
    """Who is named as standing with ``tok``: "A, backed by B and C", "A, joined by B", "A, along
    with B" -- each with the conjuncts listed after it."""
    out = []
    for c in tok.children:
        if c.dep_ == "acl" and c.lemma_.lower() in CO_HOLDING_VERBS:
            heads = [p for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        elif c.dep_ == "prep" and c.lower_ in ("along", "together"):
            heads = [p for w in c.children if w.lower_ == "with" for p in w.children if p.dep_ == "pobj"]
        elif c.dep_ == "prep" and c.lower_ == "with" and tok.doc[c.i - 1].lower_ in ("along", "together"):
            heads = [p for p in c.children if p.dep_ == "pobj"]
        else:
            continue
        out += [x for h in heads for x in (h, *_listed(h))]
    return out


def _summary_conj(noun) -> bool:
    """"The plan would require Kyiv to cede land, conditions rejected by Ukraine": a summarising
    noun after a comma or dash that the parser hung on the clause as a conjunct or second object."""
    head = noun.head
    if noun.dep_ not in ("conj", "dobj") or head.pos_ not in ("VERB", "AUX") or noun.i == 0:
        return False
    if not noun.doc[noun.i - 1].is_punct or any(c.dep_ == "cc" for c in head.children):
        return False
    # a second object after the first one's clause: "asks X to give up Y, terms rejected by X"
    return noun.dep_ == "conj" or any(c.dep_ in ("dobj", "xcomp", "ccomp") and c.i < noun.i for c in head.children)


def _in_spite(noun, cue):
    """The clause an objection stands against: "despite / over / after X's objections, <clause>";
    ``None`` when the noun is no objection in such a phrase or names its own object."""
    prep = noun.head
    if cue.kind != "noun" or cue.polarity > 0 or noun.dep_ != "pobj" or prep.lower_ not in L.IN_SPITE_PREPS:
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("to", "against", "on") for c in noun.children):
        return None  # "despite objections to the loan": the object is named
    clause = prep.head
    if clause.pos_ not in ("VERB", "AUX") or any(negates(c) for c in clause.children):
        return None
    return clause


def _threat(verb, condition) -> bool:
    """A penalty is what the clause above a condition holds out: "threatened Russia with
    sanctions if ...", "warned of tariffs if ...", "will impose sanctions if ..."."""
    if verb.lemma_.lower() in L.THREAT_VERBS:
        return True
    inside = {t.i for t in condition.subtree}
    return any(t.lemma_.lower() in L.PENALTY_NOUNS for t in verb.subtree if t.i not in inside)


def _none_without(prep) -> bool:
    """"no truce without a withdrawal", "there can be no peace without justice": what follows
    "without" is a condition of what "no" negates."""
    head = prep.head
    nouns = [head, *(c for c in head.children if c.dep_ in ("attr", "dobj", "nsubj"))]
    return any(any(d.dep_ == "det" and d.lower_ == "no" for d in n.children) for n in nouns)


def _cause(tok) -> bool:
    """"lost billions due to the sanctions", "because of the truce": a cause, not a position."""
    if tok.lower_ == "to" and tok.head.lower_ in ("due", "owing", "thanks"):
        return True
    return tok.lower_ == "of" and tok.head.lower_ in ("because",) or (
        tok.dep_ == "prep" and tok.lower_ in ("due", "owing", "thanks") and any(c.lower_ == "to" for c in tok.children))


def _conditioned(verb) -> bool:
    """"X will not V ... until / unless Y": the refusal holds only until a condition is met."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("until", "unless") for m in c.children)
               for c in verb.children)


def _instead(tok) -> bool:
    """"rather than X", "instead of X": X is what is not wanted."""
    prev = tok.doc[tok.i - 1] if tok.i else None
    return prev is not None and ((tok.lower_ == "than" and prev.lower_ == "rather")
                                 or (tok.lower_ == "of" and prev.lower_ == "instead"))
