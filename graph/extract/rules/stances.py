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

Who holds a cue's position is :mod:`.holders`' business; choosing among the cues on the way up,
:mod:`.chain`'s.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from . import lexicon as L
from .actors import ActorResolver, Mention
from .chain import Link, pick
from .cues import (Cue, as_long_as, complement_evaluation, cue_of, evaluation, has_effect, idiom, is_hedged, marks_position,
                   negates, negative_predicate, object_phrase, predicate_evaluation, subject_effect, subjects_of)
from .holders import RELATIVE, HolderFinder, prep_objects
from .topics import TopicMention

COMPLEMENT_DEPS = {"ccomp", "xcomp", "dobj", "acl", "advcl", "oprd", "attr", "pcomp"}
ARGUMENT_DEPS = {"dobj", "xcomp", "ccomp", "nsubjpass", "attr", "oprd", "acomp", "pobj", "nsubj"}
COMPLEMENT_PREPS = {"for", "on", "toward", "towards", "to", "of"}
WILL_MODALS = {"will", "would", "must", "ca", "wo"}  # "ca" and "wo": "can't", "won't" as tokens
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


class SentenceReader(HolderFinder):
    def __init__(self, actors: ActorResolver, resolve_topic, lineage=None):
        self.actors = actors
        self.lineage = lineage or (lambda actor_id: [actor_id])  # the actor and the groups it belongs to
        self.resolve_topic = resolve_topic  # (TopicMention, holder Mention, sign) -> (topic id, sign) | None

    # --- pass 1: from a topic mention up ------------------------------------------------
    def from_mention(self, mention: TopicMention, doc, mention_at=None) -> list[Found]:
        span = mention.span(doc)
        inside = set(range(span.start, span.end))
        root = mention.root(doc)
        sign = 1
        # negation attached to the phrase itself: "never join NATO", "no ceasefire"
        marked = any(negates(c) for t in span for c in t.children if c.i not in inside and not _sets_apart(c))
        # or in the gap of its label: "cede no territory", "sanctions should not be eased" (a
        # label's own negator comes first: "no NATO", "not an inch")
        marked = marked or any(negates(t) for t in span[1:])
        # or on the object of a verb that names the topic: "cede no territory", "no land will be ceded"
        marked = marked or (root.pos_ == "VERB" and any(
            d.dep_ == "det" and negates(d) for c in root.children if c.dep_ in ("dobj", "nsubjpass") for d in c.children))
        if marked and any(c.dep_ == "prep" and c.lower_ == "without" and _none_without(c)
                          for t in (root, root.head) for c in t.children):
            return []  # "no truce without a withdrawal": a condition on the truce, not a refusal of it
        if marked:
            sign = -sign
        if ev := next((evaluation(c) for c in root.children if c.dep_ == "amod" and c.i not in inside
                       and evaluation(c)), 0):
            sign, marked = sign * ev, True  # "a bad deal", "not a good agreement"
        # an opposite-side label is a position ("new sanctions"), but not a bare word ("sanctions remain a blunt tool")
        marked = marked or marks_position(root) or (len(span) > 1 and any(c[1] < 0 for c in mention.candidates))
        if prefixed := self._prefixed(mention, span, sign):  # "an anti-treaty coalition that includes A, B and C"
            return prefixed
        own_links = self._own_clauses(span, root) + self._shared_passives(root)  # "a truce proposed by Kyiv"

        def own(links) -> list[Found]:
            return [f for link in links for f in self._found(
                link.holders, mention, sign * link.sign, link.hedged, link.token, link.cue, link.words, how="own")]
        chain = self._chain(root, inside, sign, mention_at or {}, marked)
        if chain is None:  # an open question: "whether to accept ...", a statement about the phrase;
            # a clause on the phrase holds its position still, unless it only names it ("the plan
            # mentioned by Macron")
            return own([link for link in own_links if link.cue.kind != "report"])
        # the phrase's own head may carry a holder: "European support for Ukraine"
        root_cue = cue_of(root)
        if root_cue and root_cue.kind in ("noun", "verb") and root.lemma_.lower() not in L.PLAN_NOUNS:
            holders = self.holders(root_cue)
            if holders:
                chain.insert(0, Link(root, root_cue, holders, sign, False, [root.text]))
        out = own(own_links)
        picked = pick(chain, self.lineage)
        if picked and picked[0].cue.kind == "report" and not picked[0].marked:
            picked = []  # "There are compromises in the plan," X warned: a report of no position
        if not picked:
            return out or self._fallback(mention, doc, root, sign) or self._quoted(mention, root, chain, sign, marked)
        for link in picked:
            out += self._found(link.holders, mention, link.sign, link.hedged, link.token, link.cue, link.words)
        return out

    def _shared_passives(self, root) -> list["Link"]:
        """"The treaty was welcomed by A but criticised by B": a coordinated passive verb with no
        subject of its own shares the phrase (headed by ``root``) as its subject, and its agent
        holds its position."""
        if root.dep_ != "nsubjpass":
            return []
        verbs = [v for v in root.head.conjuncts
                 if v.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)]
        return [link for v in verbs if (link := self._clause_link(v))]

    def _own_clauses(self, span, root) -> list["Link"]:
        """Cues in a clause on the phrase itself: "a ceasefire *proposed by Ukraine*", "a pause in
        the fighting *proposed by Chile*", "a ceasefire deal *spearheaded by Trump*", "a ceasefire
        (that) the US had pitched"."""
        nouns = list(span)
        if root.dep_ in ("compound", "amod", "nmod") and root.head.lemma_.lower() in (
                L.PLAN_NOUNS | L.PROPOSAL_NOUNS | L.AGREEMENT_NOUNS):
            nouns.append(root.head)
        clauses = [c for t in nouns for c in t.children if c.dep_ in ("acl", "relcl")]
        return [link for clause in clauses for v in (clause, *(c for c in clause.conjuncts if c.pos_ == "VERB"))
                if (link := self._clause_link(v, object_relative=clause.dep_ == "relcl"))]

    def _clause_link(self, verb, object_relative: bool = False) -> "Link | None":
        """A verb's cue held by its passive agent ("proposed by Ukraine"), or, in a relative
        clause whose object is the phrase, by its subject ("a ceasefire the US had pitched")."""
        cue = cue_of(verb)
        if not cue or cue.kind not in ("verb", "report"):
            return None
        agents = self.passive_agents(verb)
        if not agents and object_relative and not any(
                (c.dep_ in ("ccomp", "xcomp") and not _purpose(c))
                or (c.dep_ == "dobj" and c.lower_ not in RELATIVE) for c in verb.children):
            # the gap is the verb's own object, also when a purpose follows ("the guarantees Kyiv is
            # seeking to deter aggression"), not when it lies in a complement ("the plan Kyiv wants to sign")
            agents = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in RELATIVE]
        holders = self._mentions(agents)
        if not holders:
            return None
        negated = any(negates(c) for c in verb.children)
        return Link(verb, cue, holders, -cue.polarity if negated else cue.polarity, is_hedged(verb), [verb.text], False)

    def _chain(self, tok, inside: set[int], sign: int, mention_at: dict, marked: bool = True
               ) -> list["Link"] | None:
        """Every cue with a holder above ``tok``, with the polarity and hedging found so far."""
        chain: list[Link] = []
        frozen, hedged, crossed, listed, offered, words = False, False, False, False, False, []
        judged_below = False  # the phrase's clause judges it ("the plan rewards aggression")
        spent = set()  # copulas whose negation an adjective below already took ("is not ready to")
        seen = set(inside)
        while tok.head.i != tok.i:
            if offered and any(link.holders for link in chain):
                # "rejected Russia's demand to lift sanctions in exchange for a truce": what is offered
                # in return is the offer's holder's business; who rejects the demand rejects no truce
                return chain
            child, tok = tok, tok.head
            if (outer := _misplaced_conj(child)) is not None:
                tok = outer  # "renounce its bid to join NATO and accept limits": the second demand, not a bid
            if child.dep_ == "pobj" and child.lower_ in ("exchange", "return") and tok.lower_ == "in":
                offered = True
            if (child.dep_ == "advcl" and child.pos_ == "ADJ" and child.left_edge.i >= 2
                    and child.doc[child.left_edge.i - 1].text == "," and tok.i < child.left_edge.i - 2
                    and (noun := child.doc[child.left_edge.i - 2]).pos_ in ("NOUN", "PROPN")):
                tok = noun  # "supporting a watered-down treaty, devoid of caps": the adjective phrase after
                # the comma describes the noun before it, not the clause the parser hung it on
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX", "ADJ") and any(
                    c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in child.children) and (
                    chain or any(c.dep_ == "cc" and c.lower_ in ("but", "yet", "while") for c in tok.children)):
                # "Trump recommended X, but Zelenskyy rejected Y": a coordinated clause, not an
                # embedded one; only a speaker above may still claim it ("Starmer said A and that B")
                crossed = True
            if tok.i in seen:
                continue
            if child.dep_ == "prep" and ((tok.lemma_.lower() in L.COMPARISON_ADJS and child.lower_ in ("to", "with")) or (
                    tok.lemma_.lower() in ("model", "base", "pattern") and tok.tag_ == "VBN" and child.lower_ == "on")):
                return None  # "guarantees similar to those enjoyed by NATO members", "modelled on Article 5": a
                # standard of comparison, on which no position is taken
            if (tok.lower_ == "with" and child.dep_ == "pcomp" and any(c.dep_ == "nsubj" for c in child.children)
                    and any(link.holders for link in chain)):
                return chain  # "..., with Ukraine demanding a ceasefire": a statement of its own, whatever it hangs on
            if child.dep_ == "relcl" and not any(link.holders for link in chain) and self.actors.mention_at(tok):
                return None  # "Zelenskyy, who has been excluded from the talks, rejected ...": a description of an
                # actor; what the main clause does is not done to what the description names
            if child.dep_ == "relcl" and any(link.holders for link in chain):
                # "the ambitions of the EU, which had come to defend a binding treaty": the relative
                # clause is its antecedent's own statement; what the main clause says of the
                # antecedent ("did not meet the ambitions of") is not part of it
                return chain
            if child.dep_ in ("appos", "conj"):
                listed = True
                if child.pos_ in ("NOUN", "PROPN") and _but_not(child):
                    sign, marked = -sign, True  # "Kyiv supports a ceasefire but not territorial concessions"
            elif (child.dep_ == "nsubj" and not listed and tok.pos_ in ("VERB", "AUX")
                    and (here := cue_of(tok)) and here.kind != "adj"
                    and any(c.dep_ in ("dobj", "ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("at", "for"))
                            for c in tok.children)):
                break  # the phrase is who acts: "the plan would require concessions" is not about the plan,
                # nor "sanctions are not aiming at food trade" about the sanctions
            other = mention_at.get(tok.i)
            if other is not None and child.dep_ in ("appos", "conj"):
                # a list whose items the parser hung on each other: go on from the sibling phrase
                tok = other.root(tok.doc)
                seen.update(range(other.start, other.end))
                continue
            seen.add(tok.i)
            marks = {c.lower_ for c in child.children if c.dep_ == "mark"} | (
                {child.lower_} if child.dep_ == "mark" else set())
            if marks & L.QUESTION_MARKERS or ("if" in marks and tok.lemma_.lower() in L.ASKING_VERBS):
                return None  # "whether to accept a truce", "asked if he knew of the plan"
            if child.dep_ == "prep" and child.lower_ == "to" and _counter(tok):
                return None  # "the European counter-proposal to the US plan is unacceptable": what is
                # judged is the counter-proposal, not the plan it answers
            if tok.lemma_.lower() in L.VIEW_NOUNS and child.dep_ == "prep" and child.lower_ in ("of", "on") and not (
                    tok.lemma_.lower() == "version" and any(p.lemma_.lower() in L.PLAN_NOUNS | L.AGREEMENT_NOUNS
                                                            for p in child.children if p.dep_ == "pobj")):
                # ("an updated version of its peace plan" is the plan itself)
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
            if _denied(tok, child):
                return None  # "Peskov denied that Moscow had agreed to a truce": a proposition said to be false
            if _no_sign_of(tok, child):
                # "Russia has given no indication that it will accept a withdrawal": what the clause
                # says is said not to be so, for whoever holds it there
                sign, marked = -sign, True
                chain = [replace(link, sign=-link.sign) for link in chain]
            if tok.lemma_.lower() in L.CONDITION_NOUNS and child.dep_ == "prep" and child.lower_ in ("for", "to"):
                # "insisting on the Donbas as a condition for any truce": the truce is what is conditioned
                return chain if any(link.holders for link in chain) else None
            cue = cue_of(tok)
            if cue is None and _demands_listed(tok, child):
                # "The Kremlin set out its terms: recognition of Crimea, ..."; the noun of demands
                # may be the subject of the verb the list hangs on: "Kyiv's conditions come down to
                # three points: A, B and C"
                verb = tok.head.head if tok.dep_ == "pobj" else tok.head
                cue = (_position_subject(verb) if verb.pos_ in ("VERB", "AUX") and verb.i != tok.i else None) or Cue(
                    tok, 1, "noun")
            if cue is None and tok.lemma_.lower() in ("be", "remain") and (child.dep_ == "attr" or (
                    child.dep_ == "xcomp" and child.pos_ == "VERB")) and (subject := _position_subject(tok)) is not None:
                cue = subject  # "Kyiv's priority is a ceasefire", "the EU's main focus remains to maximise pressure"
            if cue and cue.kind == "receive" and child.dep_ == "dobj" and (
                    child.lemma_.lower() in L.PROPOSAL_NOUNS | L.PLAN_NOUNS) and not any(link.holders for link in chain):
                return None  # "Moscow had received the European proposals": received, not backed
            if cue and cue.polarity < 0 and child.dep_ == "xcomp" and child.lemma_.lower() in L.NO_COMMENT:
                return None  # "declined to comment on the treaty", "refused to discuss the truce"
            if cue is None and tok.lemma_.lower() == "be" and child.dep_ == "advcl":
                # "Weber is open to talks if Freedonia accepts a truce": the adjective is the cue
                cue = next((c for a in tok.children if a.dep_ == "acomp" and (c := cue_of(a))), None)
            if (child.dep_ == "dobj" or (child.dep_ == "oprd" and not any(c.dep_ == "dobj" for c in tok.children))
                    or (child.dep_ == "prep" and child.lower_ in ("to", "of", "on")  # the object's own preposition
                        and any(c.dep_ == "dobj" and c.i < child.i for c in tok.children))) and (  # hung on the verb
                    tok.lemma_.lower() in L.CALLING_VERBS) and (ev := complement_evaluation(tok)):
                # (the parser may make what is called the complement: 'called the counter-proposal "a non-starter"')
                cue = Cue(tok, ev, "verb")  # "called the text unacceptable", "described it as a trap"
            elif (child.dep_ in ("ccomp", "xcomp", "oprd") and tok.lemma_.lower() in L.CALLING_VERBS
                  and child.pos_ in ("NOUN", "ADJ") and any(c.dep_ == "nsubj" or (c.dep_ == "compound" and child.dep_ == "oprd")
                                                            for c in child.children)
                  and (ev := evaluation(child))):
                cue = Cue(tok, ev, "verb")  # "made Ukraine's neutrality a key condition", "deemed the deal fair"
            if (cue is None or cue.kind == "report") and _backing_object(tok, child):
                # "Trump issued a 28-point peace plan", "Russia and Ukraine reached an agreement on a
                # prisoner swap": a verb that backs what it has for object only with this object
                cue = Cue(tok, 1, "verb")
            if offered and cue and cue.polarity < 0 and not any(link.holders for link in chain):
                return None  # "rejected the offer of a truce in return for access": who asked for what is not said
            holders = self.holders(cue) if cue and cue.kind != "receive" else []
            if cue is None and (among := _among_positions(tok, child)) is not None:
                # "Among Russia's demands is a withdrawal": what the copula names is one of them
                cue, holders = Cue(among, cue_of(among).polarity, "noun"), self._noun_holders(among)
            elif not holders and (plan := _plan_including(tok)) is not None:
                # "The US plan was revealed, including the cession of territory": the plan's content
                cue, holders = Cue(tok, 1, "verb"), self._mentions([plan])
            path_dep = child.dep_
            if (noun := _object_before(tok, child)) is not None and (cue is None or cue.kind == "report"
                                                                    or tok.lemma_.lower() in L.LIGHT_VERBS):
                # "voiced disappointment at ...", "dropped its objections to ...": the parser hung the
                # noun's preposition on the verb; read the noun as on the way
                ncue = cue_of(noun)
                sign, marked, path_dep = sign * ncue.polarity, True, "dobj"
                if any(negates(c) for c in noun.children):
                    sign = -sign  # "showed little enthusiasm for the truce"
                if not frozen and (found := self._noun_holders(noun)):
                    chain.append(Link(noun, ncue, found, sign, hedged, [*words, noun.text], True, "prep",
                                      crossed, marked))
            if not frozen and child.dep_ != "conj":  # a coordinated sibling's polarity is not ours
                if _ending_before(tok, child):
                    sign, marked = -sign, True  # "demands a halt [to] Western aid": the noun's "to" hung on the verb
                if tok.lower_ == "without" and _none_without(tok):
                    frozen, chain = True, [link for link in chain if not link.holders]  # "no truce without a withdrawal"
                elif tok.pos_ == "ADP" and tok.lower_ in ("without", "against") and (
                        tok.head.lemma_.lower(), tok.lower_) not in L.PHRASAL and not (
                        tok.lower_ == "against" and (above := cue_of(tok.head)) and above.polarity < 0):
                    # not when it makes the cue above: "warned against", "is against", "fight back against"
                    sign, marked = -sign, True
                if _instead(tok) or (tok.lower_ == "of" and tok.head.lower_ == "devoid"):
                    sign, marked = -sign, True  # "focus on waste rather than reducing production", "devoid of caps"
                if tok.i not in spent and any(negates(c) for c in tok.children if c.i != child.i):
                    if _conditioned(tok) or not has_effect(tok) or tok.lemma_.lower() in L.NO_COMMENT or (
                            child.dep_ == "prep" and child.lower_ in L.ABOUT_PREPS) or (
                            tok.lemma_.lower() in L.RECEIVE_VERBS and tok.tag_ in ("VBD", "VBN")):
                        # "has not received an answer regarding the truce proposals" says nothing of the
                        # truce, and "Ukraine has not received guarantees" is a fact, not a refusal
                        # "will not consider talks until Russia withdraws" refuses no talks, and
                        # "does not use the truce to rearm" says nothing about the truce
                        return None
                    sign, marked = -sign, True
                if cue and cue.kind == "adj" and tok.dep_ == "acomp" and any(negates(c) for c in tok.head.children):
                    sign = -sign  # "Putin is not interested in a ceasefire"
                    spent.add(tok.head.i)  # and no second time when the path reaches the copula
                judged = predicate_evaluation(tok) if child.dep_ in ("nsubj", "nsubjpass", "csubj") and (
                    tok.lemma_.lower() in L.COPULAS) else 0
                if cue and cue.polarity < 0 and judged_below and child.dep_ == "ccomp" and (
                        tok.lemma_.lower() in L.FEAR_VERBS):
                    cue = Cue(tok, 1, "verb")  # "fear the plan rewards aggression": the fear is what the clause says
                if judged:
                    judged_below = True
                    sign, marked = sign * judged, True  # "a truce would be a trap", "X is unacceptable"
                    judging = [*tok.children, *(g for c in tok.children if c.dep_ in ("attr", "acomp")
                                                for g in c.children)]  # "... is a red line [for Kyiv]"
                    if not holders and (judges := self._mentions(
                            [p for c in judging if c.dep_ == "prep" and c.lower_ == "for"
                             for p in c.children if p.dep_ == "pobj"])):
                        cue, holders = Cue(tok, 1, "adj"), judges  # "For Kyiv, the truce is a trap"
                elif cue:
                    sign *= cue.polarity
                    marked = marked or cue.kind != "report"
                elif child.dep_ == "nsubj":
                    if effect := subject_effect(tok):
                        judged_below = True
                        sign, marked = sign * effect, True  # "a truce would only prolong the fighting"
                    elif tok.pos_ == "VERB" and tok.lemma_.lower() not in L.COPULAS and not chain and any(
                            c.dep_ in ("dobj", "ccomp", "xcomp") for c in tok.children):
                        return None  # what the phrase itself does to something ("the text would entrench
                        # the status quo") is no position on it
                elif negative_predicate(tok) and not _in_return(child) and (
                        path_dep in ARGUMENT_DEPS or _away(tok, child) or (
                        tok.pos_ == "NOUN" and child.dep_ == "prep" and child.lower_ in ("of", "on", "to", "in"))):
                    # "stop attacks", "give up its NATO ambitions", "its suspension of aid"; not adjuncts
                    sign, marked = -sign, True
                    if not holders and _acting_against(tok, path_dep) and (
                            acts := self.subject_holders(tok)):
                        # "Trump has suspended military aid to Ukraine": an actor that halts, cuts or
                        # scraps something acts against it, which is its position on it
                        cue, holders = Cue(tok, 1, "verb"), acts
                    if chain and chain[-1].holders and tok.pos_ == "VERB" and {
                            h.actor.id for h in self.subject_holders(tok)} == {h.actor.id for h in chain[-1].holders}:
                        # "Freedonia dropped its opposition to ...": the holder undoes its own position
                        chain[-1] = replace(chain[-1], sign=sign)
            marked = marked or frozen or marks_position(tok)
            if cue:
                words.append(tok.text)
            if tok.head.i == tok.i and (owner := self._plan_frame(tok, inside)) is not None:
                # "Under the US plan, Ukraine would cede the Donbas": the clause is what the plan
                # says, its owner's position, not the position of whoever it makes act
                chain = [link for link in chain if not link.holders]
                cue, holders = Cue(tok, 1, "report"), [owner]
            elif tok.head.i == tok.i and not holders and not any(link.holders for link in chain):
                speaker = self._colon_speaker(tok) or self._according_to(tok)
                if speaker:  # a headline "Zelensky: Ukraine will not cede land"; "according to Weber, ..."
                    cue, holders = Cue(tok, 1, "report"), [speaker]
            if (holders or cue) and any(p.dep_ in ("preconj", "det") and p.lower_ in ("neither", "no") for c in tok.children
                               if c.dep_ in ("nsubj", "nsubjpass") for p in c.children):
                sign, marked = -sign, True  # "Neither Washington nor Moscow has endorsed the plan", "No one in
                # Berlin is arguing against aid": the subject denies the clause for those it names
            if holders or (cue and tok.lemma_.lower() in L.DIRECTIVES):
                complement = child.dep_ in COMPLEMENT_DEPS or (
                    child.dep_ == "prep" and child.lower_ in COMPLEMENT_PREPS)
                via = "prep" if _particle(child) else child.dep_  # "backed [away] from its demand"
                chain.append(Link(tok, cue, holders, sign, hedged, list(words), complement and not crossed,
                                   via, crossed, marked))
        if not frozen and (said := self._trailing_report(tok, seen)) is not None:
            chain.append(replace(said, sign=sign, hedged=hedged or said.hedged, words=[*words, said.token.text],
                                 marked=marked))
        return chain

    def _trailing_report(self, root, inside: set[int]) -> "Link | None":
        """"A and B have agreed on a prisoner exchange, Russian negotiator Medinsky told
        journalists": the speaker's clause after a comma, which the parser hung under the main
        clause (as an adverbial clause or parataxis), reports the main clause."""
        for r in root.children:
            if r.dep_ not in ("advcl", "parataxis", "ccomp") or r.i < root.i or r.i in inside:
                continue
            if r.left_edge.i == 0 or root.doc[r.left_edge.i - 1].text != "," or any(
                    c.dep_ == "mark" and c.lower_ != "as" for c in r.children):
                continue  # "..., while Moscow said ...": a clause of its own
            cue = cue_of(r)
            if cue is None or cue.kind != "report" or not any(c.dep_ == "nsubj" for c in r.children):
                continue  # "..., saying ...": the same holder's participle, read on the way up
            holders = self.subject_holders(r)
            if holders:
                return Link(r, cue, holders, cue.polarity, is_hedged(r), [r.text], True, "ccomp", False, True)
        return None

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
            judged = predicate_evaluation(tok)
            if not chain:
                sign *= judged or 1  # '"We have heard that membership is out of the question," X said'
            marked = marks_position(tok) or judged != 0
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
        if root.dep_ == "ROOT" and (owner := self._plan_frame(root, set(range(mention.start, mention.end)))) is not None:
            # "Under the US plan, Ukraine would cede the Donbas": the plan's, not Ukraine's
            return self._found([owner], mention, sign, False, root, None, ["plan"], base=0.6, how="plan")
        verb = root.head
        if root.dep_ == "dobj" and verb.pos_ == "VERB" and verb.dep_ == "ROOT" and cue_of(verb) is None and (
                negative_predicate(verb) or verb.lemma_.lower() in L.POSITIVE_VERBS):
            # "The ICC will not withdraw the arrest warrant": what an actor declares it will or will not
            # do to the thing is its position on it ("should" is the speaker's wish, not a declaration)
            subjects, negated = self._declarers(verb, WILL_MODALS)
            if subjects:
                effect = (-1 if negative_predicate(verb) else 1) * (-1 if negated else 1)
                return self._found(subjects, mention, sign * effect, False, verb, None, [verb.text], base=0.55,
                                   how="declares")
        if root.pos_ == "VERB" and (root.dep_ == "ROOT" or (root.dep_ == "conj" and root.head.dep_ == "ROOT")):
            # "Ukraine will never cede land" declares; "the two have not met since 2019" reports a fact
            subjects, _ = self._declarers(root, WILL_MODALS | {"should", "can"})
            if subjects:
                return self._found(subjects, mention, sign, False, root, None, [], base=0.55, how="declares")
        return []

    def _declarers(self, verb, modals) -> tuple[list, bool]:
        """The subjects of ``verb`` when a modal of ``modals`` or a negation (not of a past fact)
        makes it a declaration of what they will or will not do; and whether it is negated."""
        negated = any(negates(c) for c in verb.children) and verb.tag_ not in ("VBD", "VBN")
        if not negated and not any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children):
            return [], negated
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            # "Kyiv is ready to talk but will not recognise ...": the first clause's subject
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        return self._mentions(subjects), negated

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
                holders = self._noun_holders(objs[0]) or self._mentions(
                    [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" and c.i > objs[0].i
                     for p in prep_objects(c)])  # "drew criticism [from Kyiv]" hung on the verb
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
                target = ante.head if generic else ante
                if generic and (ante.dep_ == "dep" or (ante.dep_ == "appos" and (
                        target.i < target.head.i < ante.i or self.actors.mention_at(target) is not None))):
                    # "The draft required X--conditions rejected by Y", "a proposal envisioned by Trump, a
                    # concept rejected by Y": the parser hung the summing-up noun on the subject, the
                    # clause or an actor; it sums up the phrase just before it
                    target = _summed_up(ante)
                targets = [target]
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
                    if region & set(range(m.start, m.end)) and not _conditioned_in(m.root(sent.doc), region):
                        sign = cue.polarity
                        if any(negates(c) for t in m.span(sent.doc) for c in t.children):
                            sign = -sign
                        out += self._found(holders, m, sign, is_hedged(tok), tok, cue, [tok.text], how="external")
        return out


def _acting_against(verb, path_dep: str) -> bool:
    """A main or reported verb of halting, cutting or scrapping with the phrase for object:
    "suspended aid", "will scrap the deal" (not "ready to halt aid", where the halting is what is
    wanted; not "would see Russia halt its offensive", what a plan would make someone do; not a
    threat, "would drop its efforts if ..."; not verbs of mere effect: "lose", "lack", "weaken")."""
    return (verb.pos_ == "VERB" and path_dep == "dobj" and verb.lemma_.lower() in L.ACTING_AGAINST
            and any(c.dep_ == "nsubj" for c in verb.children)  # who acts is named (not a misparsed list item)
            and (verb.tag_ != "VB" or any(c.dep_ == "aux" for c in verb.children))  # "Kyiv limit ...": a misparse
            and (verb.dep_ in ("ROOT", "conj") or (verb.dep_ == "ccomp" and verb.head.lemma_.lower() in L.SPEECH_VERBS))
            and not any(c.dep_ in ("aux", "mark") and c.lower_ == "to" for c in verb.children)
            and not any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in L.CONDITION_MARKERS
                                                  for m in c.children) for c in verb.children))


def _backing_object(verb, child) -> bool:
    """A plan issued, published or launched ("Trump issued a plan", not "issued a statement"), a
    thing declared or announced ("declared a truce"; not "declared the sanctions illegal"), or
    an agreement reached, done ("reached a deal on X", "have struck an agreement"; not what the
    parties failed to do, nor what someone hopes they "could reach")."""
    if child.dep_ != "dobj" or any(negates(c) for c in verb.children):
        return False
    lemma, noun = verb.lemma_.lower(), child.lemma_.lower()
    if lemma in L.ISSUING_VERBS:
        return noun in L.PLAN_NOUNS | L.PROPOSAL_NOUNS
    if lemma in L.DECLARING_VERBS:  # "Putin declared a 30-hour ceasefire", "announced an Easter truce"
        return child.pos_ == "NOUN" and noun not in L.PLAN_NOUNS | L.PROPOSAL_NOUNS and not any(
            c.dep_ in ("oprd", "ccomp", "xcomp", "acomp", "prt") for c in verb.children)
        # (a plan announced: see above; "declared the truce over" ends it)
    return (lemma in L.REACHING_VERBS and noun in L.AGREEMENT_NOUNS and verb.tag_ in ("VBD", "VBN")
            and verb.head.lemma_.lower() not in L.FAULT_VERBS)


def _among_positions(copula, child):
    """The noun of position in "Among X's demands is / are Y" (``copula`` reached from Y)."""
    if copula.lemma_.lower() != "be" or child.dep_ not in ("attr", "nsubj"):
        return None
    for prep in copula.children:
        if prep.dep_ == "prep" and prep.lower_ == "among":
            noun = next((p for p in prep.children if p.dep_ == "pobj"), None)
            if noun is not None and (c := cue_of(noun)) is not None and c.kind == "noun":
                return noun
    return None


def _plan_including(tok):
    """The plan whose content an "including" phrase lists when the parser hung the phrase on the
    plan's clause ("The US plan was revealed last week, including the cession of territory")."""
    if tok.lower_ != "including" or tok.dep_ != "prep" or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i
                 and c.lemma_.lower() in L.PLAN_NOUNS | L.PROPOSAL_NOUNS), None)


def _conditioned_in(tok, region: set[int]) -> bool:
    """A phrase that a condition noun governs within ``region`` ("withdraw ... as a prerequisite
    [for a ceasefire]"): what is conditioned, not part of what a summing-up noun ("a condition
    Zelenskyy rejects") stands for."""
    while tok.head.i != tok.i and tok.head.i in region:
        if tok.dep_ == "pobj" and tok.head.lower_ in ("for", "to") and tok.head.head.lemma_.lower() in L.CONDITION_NOUNS:
            return True
        tok = tok.head
    return False


def _object_before(verb, prep):
    """The noun of position the parser left as ``verb``'s object when it hung that noun's
    preposition ``prep`` on the verb: "voiced disappointment [at]", "dropped its objections [to]"."""
    if prep.dep_ != "prep" or verb.pos_ != "VERB" or prep.lower_ not in (
            "at", "to", "over", "about", "with", "on", "in", "against", "for", "of", "behind"):
        return None
    for noun in (c for c in verb.children if c.dep_ == "dobj" and c.i < prep.i):
        cue = cue_of(noun)
        if cue and cue.kind == "noun" and not any(c.dep_ == "prep" and c.lower_ != "of" for c in noun.children):
            return noun  # its own "of" phrase names whose it is: "the request of the Ukrainian officials [for]"
    return None


def _misplaced_conj(verb):
    """The verb a coordinated bare infinitive belongs with when the parser hung it on the
    infinitive of a noun: in "renounce its ambitions to join NATO and accept the claims", "accept"
    is the second thing to do (coordinated with "renounce"), not a second ambition. Only when both
    are bare infinitives with objects of their own."""
    if verb.dep_ != "conj" or verb.tag_ != "VB" or not any(c.dep_ == "dobj" for c in verb.children):
        return None
    inner = verb.head
    if inner.dep_ != "acl" or inner.tag_ != "VB" or inner.head.dep_ != "dobj":
        return None
    outer = inner.head.head
    return outer if outer.pos_ == "VERB" and outer.tag_ == "VB" else None


def _ending_before(verb, prep) -> bool:
    """A noun that ends or takes away ("halt", "end", "suspension") right before ``prep``, left
    as ``verb``'s object when the parser hung its preposition on the verb."""
    return prep.dep_ == "prep" and prep.lower_ in ("to", "of", "on", "in") and verb.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.right_edge.i == prep.i - 1 and c.lemma_.lower() in L.NEGATIVE_NOUNS
        for c in verb.children)


def _summed_up(noun):
    """What a summing-up noun after a dash or comma stands for: the largest phrase that ends just
    before it and has no subject of its own ("proposals could push Ukraine toward [making
    concessions] -- a move Zelenskyy rejected")."""
    doc = noun.doc
    stop = noun.left_edge.i - 1  # the comma or dash
    own = {t.i for t in noun.subtree}
    tok = doc[stop - 1]
    while (tok.head.i != tok.i and max(t.i for t in tok.head.subtree if t.i not in own) <= stop
           and tok.head.left_edge.i >= tok.sent.start
           and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.head.children)):
        tok = tok.head
    return tok


def _summary_conj(noun) -> bool:
    """"The plan would require Kyiv to cede land, conditions rejected by Ukraine": a summarising
    noun after a comma or dash that the parser hung on the clause as a conjunct, a second object or
    an unlabelled dependent."""
    head = noun.head
    if noun.dep_ not in ("conj", "dobj", "dep") or head.pos_ not in ("VERB", "AUX") or noun.i == 0:
        return False
    if not noun.doc[noun.i - 1].is_punct or any(c.dep_ == "cc" and head.i < c.i < noun.i for c in head.children):
        return False
    # a second object after the first one's clause: "asks X to give up Y, terms rejected by X"
    return noun.dep_ in ("conj", "dep") or any(c.dep_ in ("dobj", "xcomp", "ccomp") and c.i < noun.i for c in head.children)


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
    """"no truce without a withdrawal", "there can be no peace without justice", "a truce will
    not work without guarantees", "will not sign a deal without guarantees": what follows
    "without" is a condition of what is negated."""
    head = prep.head
    if head.lemma_.lower() in FUNCTIONING_VERBS and any(negates(c) for c in head.children):
        return True  # "a ceasefire will not work without guarantees", "cannot succeed without"
    nouns = [head, *(c for c in head.children if c.dep_ in ("attr", "dobj", "nsubj"))]
    if head.dep_ == "dobj" and head.head.pos_ == "VERB" and any(negates(c) for c in head.head.children):
        return True  # "could not imagine a lasting peace without guarantees", "will not sign a deal without X"
    return any(any(d.dep_ == "det" and d.lower_ == "no" for d in n.children) for n in nouns)


FUNCTIONING_VERBS = {"work", "succeed", "hold", "last", "function", "survive", "stick"}


def _but_not(item) -> bool:
    """An item set against the one before by a "not" right before it ("a ceasefire but not
    concessions", "a monitoring mission, not troops", "though not the surrender of land")."""
    start = item.left_edge.i
    return start > item.sent.start and item.doc[start - 1].lower_ == "not"


def _sets_apart(neg) -> bool:
    """A "not" after a noun, before an item listed with it ("a ceasefire, not concessions"): it
    negates that item, wherever the parser hung it."""
    return neg.i > neg.head.i and any(c.dep_ in ("conj", "appos") and c.i > neg.i for c in neg.head.children)


def _purpose(verb) -> bool:
    """An infinitive with its own object after a verb: a purpose ("seeking [to deter aggression]")."""
    return verb.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children) and any(
        g.dep_ == "dobj" for g in verb.children)


def _counter(noun) -> bool:
    """A noun that answers another: "a counter-proposal / an alternative / a response to X"."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = noun.lemma_.lower()
    return lemma in L.COUNTER_NOUNS or (lemma in L.PROPOSAL_NOUNS | L.PLAN_NOUNS and noun.i >= 2
                                        and noun.nbor(-1).text in L.HYPHENS and noun.nbor(-2).lower_ == "counter")


def _in_return(prep) -> bool:
    """"in exchange / in return for": what is offered for a thing is not what the thing does."""
    return prep.dep_ == "prep" and prep.lower_ == "in" and any(
        c.dep_ == "pobj" and c.lower_ in ("exchange", "return") for c in prep.children)


def _position_subject(copula) -> Cue | None:
    """The noun of position that is a copula's subject ("Kyiv's [priority] is a ceasefire"),
    as the cue of what the copula says it is."""
    for c in copula.children:
        if c.dep_ == "nsubj" and c.pos_ == "NOUN" and (cue := cue_of(c)) is not None and cue.kind == "noun" and (
                c.lemma_.lower() not in L.PROPOSAL_NOUNS | L.AGREEMENT_NOUNS):  # "the plan is ..." says what it holds
            return cue
    return None


def _demands_listed(noun, child) -> bool:
    """A noun of terms or demands whose items follow it after a colon: "its terms: A, B and C"."""
    return (noun.pos_ == "NOUN" and noun.lemma_.lower() in L.LISTED_DEMAND_NOUNS and child.dep_ in ("appos", "dep")
            and child.i > noun.i and any(t.text == ":" for t in noun.doc[noun.i + 1:child.left_edge.i]))


def _no_sign_of(noun, clause) -> bool:
    """A content clause of a noun of evidence with "no": "no indication that ...", "no sign that
    Moscow is ready to ..."."""
    return (noun.pos_ == "NOUN" and noun.lemma_.lower() in L.EVIDENCE_NOUNS and clause.dep_ in ("acl", "ccomp")
            and clause.pos_ in ("VERB", "AUX") and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children))


def _denied(tok, child) -> bool:
    """A clause denied: the complement of "deny" / "refute", or the content of "reports" or
    "suggestions" that someone denied, dismissed or rejected."""
    lemma = tok.lemma_.lower()
    if lemma in L.DENYING_VERBS and child.dep_ == "ccomp":
        return True
    return (lemma in L.HEARSAY_NOUNS and child.dep_ in ("acl", "ccomp", "relcl") and any(
        m.dep_ == "mark" and m.lower_ == "that" for m in child.children)
            and child.tag_ != "VB" and not any(a.lower_ in L.DEONTIC for a in child.children)  # not a proposal
            and tok.head.lemma_.lower() in L.DENYING_VERBS | {"dismiss", "reject"})


def _particle(child) -> bool:
    """A particle the parser took for an adverb, with the phrase hung on it ("backed [away] from")."""
    return child.dep_ == "advmod" and child.lower_ in L.PARTICLES and any(c.dep_ == "prep" for c in child.children)


def _away(verb, child) -> bool:
    """The particle of a phrasal verb of retreat with the phrase hung on it: "backed away from its demand"."""
    return _particle(child) and (verb.lemma_.lower(), child.lower_) in L.NEGATIVE_PHRASAL


def _cause(tok) -> bool:
    """"lost billions due to the sanctions", "because of the truce", "as part of a deal": a cause or a
    frame, not a position."""
    if tok.lower_ == "to" and tok.head.lower_ in ("due", "owing", "thanks"):
        return True
    if tok.dep_ == "prep" and tok.lower_ == "as" and any(c.lemma_.lower() == "part" for c in tok.children):
        return True  # "barred from NATO as part of any ceasefire deal": the frame, not what is asked of it
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
