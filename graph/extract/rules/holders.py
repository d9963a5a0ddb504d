"""Who holds a position: the actors a cue's subject, agent, owner or list names.

Holders are found from the cue: a verb's subject or passive agent (climbing through infinitives,
relative and complement clauses), a noun's owner ("Hungary's opposition", "objections from A and
B"), the members of a collective noun ("countries like A and B", "critics in Lisbon"), the
subject of a copula for nouns of position ("Portugal is a big proponent of"), the items of a
list and whoever stands with them ("A, backed by B and C"), "they" after a listed subject, and a
speaker introduced by a colon or "according to".
"""
from __future__ import annotations

from . import lexicon as L
from .actors import Mention
from .cues import Cue, stranded_subject

RELATIVE = {"who", "which", "that", "whom"}
LEADING_VERBS = {"lead", "spearhead", "head", "drive", "champion", "voice"}
AS_COPULAS = {"emerge", "stand", "act", "serve"}  # "emerged as the main critic of": is the critic
PLURAL_PRONOUNS = {"they", "them"}
QUANTIFIERS = {"several", "some", "many", "most", "all", "both", "each", "one", "two", "three", "few", "majority"}
INCLUDING_VERBS = {"include", "comprise"}
# an agent that holds what it does though it names no actor ("proposed by the Ukrainian
# delegation", "a plan backed by the bloc"); "backed by Russian assets" holds nothing
HOLDING_NOUNS = L.PLAN_NOUNS | L.PROPOSAL_NOUNS | L.COLLECTIVE_NOUNS | L.ROLE_NOUNS
CO_HOLDING_VERBS = {"back", "join", "support", "accompany", "second", "echo", "flank", "lead"}


class HolderFinder:
    """The holder-finding half of :class:`~.stances.SentenceReader` (``self.actors``: an
    :class:`~.actors.ActorResolver`; ``self.lineage``: actor id -> the actor and its groups)."""

    # --- holders ------------------------------------------------------------------------
    def passive_agents(self, verb) -> list:
        """The nouns of a passive verb's "by" phrase that can hold what it does: an actor, or a
        plan, group or role ("proposed by the Ukrainian delegation"); not "backed by Russian reserves"."""
        return [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                and (self.actors.mention_at(p) is not None or p.lemma_.lower() in HOLDING_NOUNS)]

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
        if not subjects:  # "Britain and France are leading ...": the parser hung the subject on the auxiliary
            subjects = [c for a in verb.children if a.dep_ == "aux" and a.i < verb.i for c in a.children
                        if c.dep_ == "nsubj"]
        if not subjects and verb.tag_ in ("VBP", "VBZ", "VBD"):
            subjects = stranded_subject(verb)
        agents = self.passive_agents(verb)
        if verb.lemma_.lower() == "join" and subjects:  # "Freedonia joined Ruritania in opposing ..."
            agents += [c for c in verb.children if c.dep_ == "dobj"]
        found = self._mentions(agents + subjects)
        if found or depth > 4:
            return found
        if subjects and not any(s.lower_ in RELATIVE for s in subjects):
            return []  # a subject that is not an actor: "the talks underscored ..."
        if verb.dep_ == "relcl" or any(s.lower_ in RELATIVE for s in subjects):
            if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
                return []  # "Zelenskyy, who has been excluded from the talks": what is done to him is no position
            ante = verb.head
            if self.actors.mention_at(ante) is None and ante.lemma_.lower() not in HOLDING_NOUNS | L.AGREEMENT_NOUNS:
                return []  # "a rule in UN negotiations that allows ...": the UN's negotiations hold nothing
            return self._mentions([ante])
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
        if owner and _sought_from(noun, owner):
            owner = None  # "Ukraine seeks commitments from Canada": Canada is asked, it has committed nothing
        if owner:
            return self._speaker_for_owner(noun, owner)
        # "firm opposition led by Belgium", "a push spearheaded by France and Poland", also after
        # the noun's object and a comma: "opposition to the loan, led by Belgium"
        objects = [p for c in noun.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        leaders = [p for t in (noun, *objects) for c in t.children if c.dep_ == "acl" and c.lemma_.lower() in LEADING_VERBS
                   and (t is noun or noun.doc[c.i - 1].text == ",")
                   for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        if leaders and (found := self._mentions(leaders)):
            return found
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
        if noun.dep_ in ("attr", "nsubj", "dobj"):  # "there is little appetite in Washington for ..."
            places = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
                      if p.dep_ == "pobj" and p.ent_type_ in ("GPE", "ORG", "NORP")]
            found = [m for m in self._mentions(places) if m.actor.kind != "person"]
            if found:
                return found
        return []

    def _speaker_for_owner(self, noun, owner: Mention) -> list[Mention]:
        """"Orban reiterated Hungary's opposition": who voices their own side's position holds it."""
        head = noun.head
        if noun.dep_ == "dobj" and head.lemma_.lower() in L.LIGHT_VERBS:
            speakers = self.subject_holders(head)
            if speakers and all((s.actor.kind == "person" or _surname_as_org(s)) and (
                    owner.actor.id in self.lineage(s.actor.id) or not s.actor.iri) for s in speakers):
                if owner.actor.kind != "person" and all(not s.actor.iri for s in speakers) and all(
                        owner.actor.id not in self.lineage(s.actor.id) for s in speakers):
                    # "Orban reiterated Hungary's opposition": a speaker the codebook does not know,
                    # on a side's position, is coded beside that side (as in reported speech)
                    return [*speakers, *self._with_listed(owner, noun.doc)]
                return speakers
            sides = set(self.lineage(owner.actor.id)[1:])
            if owner.actor.kind == "person" and sides and speakers and all(
                    s.actor.kind == "person" and sides & set(self.lineage(s.actor.id)[1:]) for s in speakers):
                # "Lavrov reiterated Putin's position that ...": a colleague voicing it holds it too
                return [*speakers, *self._with_listed(owner, noun.doc)]
        return self._with_listed(owner, noun.doc)

    def _with_listed(self, m: Mention, doc) -> list[Mention]:
        """``m`` and the actors listed with it ("opposition from Ruritania and Freedonia")."""
        if m.resolved or m.end <= m.start:
            return [m]
        out = [m]
        tok = doc[m.end - 1]
        also = list(listed_with(tok))
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep":  # "from A and from B": a second preposition
            also += [p for p in prep_objects(tok.head) if p.i != tok.i]
        if m.start >= 2 and doc[m.start - 1].text in ("-", "\u2013") and doc[m.start - 2].pos_ in ("PROPN", "ADJ"):
            also.append(doc[m.start - 2])  # "the US-Ukrainian proposal": both sides own it
        for c in also:
            x = self.actors.mention_at(c) or self.actors.owner_of(c)
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
        misread = noun.dep_ == "dep" and noun.i > 0 and (before := noun.doc[noun.i - 1]).dep_ == "attr" and (
            before.head.i == head.i)  # "remains the lone holdout": the parser took "lone" for the noun
        if (noun.dep_ in ("attr", "oprd") or misread or (noun.dep_ == "dobj" and head.lemma_.lower() in ("stay", "remain"))) and (
                head.lemma_.lower() in L.COPULAS):  # ("stayed a firm opponent of", parsed as an object)
            return self.subject_holders(head)
        if noun.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in L.CALLING_VERBS:
            # "Ruritania is seen as the main backer of", "regarded as a critic of"
            return self._mentions([c for c in head.head.children if c.dep_ == "nsubjpass"])
        if noun.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in AS_COPULAS:
            return self.subject_holders(head.head)  # "Germany has emerged as the strongest backer of"
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
            if found[0] is None and t.pos_ == "NOUN":
                found = self._on_behalf_of(t) or found  # "statements issued on behalf of the Arab group"
            named = found[0].span_tokens(t.doc) if len(found) == 1 and found[0] and (
                found[0].start <= t.i < found[0].end) else [t]  # "the Council of Europe and ..."
            found += [self.actors.mention_at(c) for x in {t, *named} for c in listed_with(x) if c.i > t.i]
            if found[0] is not None:  # "Saudi Arabia, backed by Iran and India, ...": the backers side with it
                found += [self.actors.mention_at(c) for x in {t, *named} for c in co_holders(x)]
            elif t.lower_ in PLURAL_PRONOUNS:  # "A, backed by B and C, took the floor. They rejected ..."
                found = self._listed_before(t)
            if t.lower_ in PLURAL_PRONOUNS and found and found[0] is not None and (
                    listed := self._listed_before(t)) and found[0].actor.id in {m.actor.id for m in listed}:
                found = listed  # "Paris and London say they are ready": both, not the nearest
            for m in found:
                if m and all(m.actor.id != o.actor.id for o in out):
                    out.append(m)
        return out

    def _on_behalf_of(self, noun) -> list:
        """"Statements issued on behalf of A and B", "a letter on behalf of A": who it speaks for."""
        for t in noun.subtree:
            if t.lower_ == "behalf" and t.head.lower_ == "on" and t.head.head.i in (noun.i, *(c.i for c in noun.children)):
                return [m for of in t.children if of.dep_ == "prep" and of.lower_ == "of"
                        for p in of.children if p.dep_ == "pobj" for x in (p, *p.conjuncts)
                        if (m := self.actors.mention_at(x))]
        return []

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
            items = [head, *(self.actors.mention_at(c) for c in (*listed_with(subj), *co_holders(subj)))]
            items = [m for m in items if m is not None]
            if len({m.actor.id for m in items}) < 2:
                return []
            return [Mention(m.actor, pronoun.text, pronoun.i, pronoun.i + 1, resolved=True) for m in items]
        return []

    def _colon_speaker(self, root) -> Mention | None:
        """The actor before a colon that opens the sentence: "Macron: Europe must be at the table"."""
        sent = root.sent
        colon = next((t for t in sent[:7] if t.text == ":"), None)
        if colon is None or colon.i == sent.start:
            return None
        head = sent.doc[sent.start:colon.i].root
        return self.actors.mention_at(head)

    def _plan_frame(self, root, inside: set[int] = frozenset()) -> Mention | None:
        """The owner of the plan a clause is framed by: "Under the US plan, ...", "As outlined
        in Trump's 28-point plan, ...", "In Europe's proposal, ..." (not for a topic ``inside``
        the frame itself: the plan frames the clause, it does not take a position on itself)."""
        preps = [c for c in root.children if c.dep_ == "prep" and c.lower_ in ("under", "in") and c.i < root.i]
        preps += [p for c in root.children if c.dep_ == "advcl" and c.i < root.i and any(m.lower_ == "as" for m in c.children)
                  for p in c.children if p.dep_ == "prep" and p.lower_ in ("in", "by", "under")]
        for prep in preps:
            if inside & {t.i for t in prep.subtree}:
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in L.PLAN_NOUNS | L.PROPOSAL_NOUNS:
                    owner = self.actors.owner_of(obj)
                    if owner is not None:
                        return owner
        return None

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


def _sought_from(noun, owner) -> bool:
    """A noun of position whose "from" phrase names whom it is asked of: "seeks security
    commitments from Canada", "demanded support from its allies" (the noun is the object of a
    verb of seeking, through a list or "along with")."""
    froms = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children if p.dep_ == "pobj"]
    if not any(f.left_edge.i <= owner.start <= f.right_edge.i for f in froms):
        return False
    t = noun
    while True:
        if t.dep_ in ("conj", "appos") or (t.dep_ in ("pobj", "prep") and (t.head if t.dep_ == "pobj" else t).lower_ in (
                "with", "along")):  # a list item, or "along with ..."
            t = t.head
        else:
            break
    verb = t if t.pos_ in ("VERB", "AUX") else (t.head if t.dep_ == "dobj" else None)
    return verb is not None and verb.lemma_.lower() in L.SEEKING_VERBS


def listed_with(tok) -> list:
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
    if out and (last := _list_tail(max(out, key=lambda t: t.i))) is not None:
        out.append(last)  # "by Britain, France, and Germany": the parser took the last item for a new subject
    return out


def _list_tail(item):
    """The proper noun after ", and" that ends a list the parser cut short ("Britain, France, and
    Germany takes ...": "Germany" hung on the next verb)."""
    doc = item.doc
    i = item.right_edge.i
    if i + 3 >= len(doc) or doc[i + 1].text != "," or doc[i + 2].lower_ not in ("and", "or"):
        return None
    nxt = doc[i + 3]
    while nxt.dep_ == "compound" and nxt.head.i > nxt.i:
        nxt = nxt.head
    return nxt if nxt.pos_ == "PROPN" and nxt.head.i != item.i and not any(
        c.dep_ == "conj" and c.i == nxt.i for c in item.children) else None


def co_holders(tok) -> list:
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
        out += [x for h in heads for x in (h, *listed_with(h))]
    return out


def prep_objects(prep) -> list:
    """The objects of a preposition and of the same preposition coordinated with it ("from A
    and from B")."""
    return [p for f in (prep, *(c for c in prep.conjuncts if c.lower_ == prep.lower_))
            for p in f.children if p.dep_ == "pobj"]


def _surname_as_org(m) -> bool:
    """One capitalised word the tagger took for an organisation, voicing a side's position: a
    surname ("Orban reiterated Hungary's opposition"), not an acronym ("NATO") or a known body."""
    return (m.actor.kind == "organization" and not m.actor.iri and " " not in m.text.strip()
            and m.text[:1].isupper() and not m.text.isupper())
