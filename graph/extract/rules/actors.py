"""Who holds a position: map a noun phrase to an actor.

Codebook aliases are entities already (the EntityRuler in :mod:`stancegraph.nlp`). Here we add
what aliases cannot list: "Russian officials" and "EU leaders" (a role noun with a demonym or an
actor as modifier), "members of the coalition", pronouns and definite descriptions ("he", "the
president") resolved to the last fitting actor named before, and other named entities
(PERSON, ORG, GPE, NORP) as actors outside the codebook.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...codebook import Actor, Codebook, slug
from .quotes import FIRST_PERSON
from .lexicon import (BACKING, CAPITALS, DOCUMENT_NOUNS, GROUP_NOUNS, NEWS_OUTLETS, PART_NOUNS, PERSON_ROLES, PLAN_NOUNS, PRONOUNS, PROPOSING_VERBS, RELATION_NOUNS,
                      ROLE_NOUNS)

_CAPITALS = {city.lower(): state for city, state in CAPITALS.items()}
GROUP_DESCRIPTIONS = {"bloc", "group", "coalition", "alliance"}
STATE_DESCRIPTIONS = {"country", "nation"}
REGION_GROUP_NOUNS = {"country", "state", "nation", "government"}
# Institutions of a state, named as organisations: "the Russian Foreign Ministry" is Russia.
INSTITUTION_NOUNS = {"ministry", "embassy", "mission", "delegation", "government", "parliament", "cabinet",
                     "army", "military", "forces", "navy", "office", "presidency", "administration"}
NER_KIND = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group"}
MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "npadvmod"}


@dataclass(frozen=True)
class Mention:
    """An actor as found at one place in the text."""

    actor: Actor
    text: str
    start: int  # token index
    end: int
    resolved: bool = False  # reached through a pronoun or a description, not named here

    def span_tokens(self, doc):
        return list(doc[self.start:self.end])


class ActorResolver:
    """Resolves actors within one parsed document (create one per document)."""

    def __init__(self, codebook: Codebook, doc):
        self.codebook = codebook
        self.doc = doc
        self.demonyms = {d.lower(): a for a in codebook.actors.values() for d in a.demonyms}
        # names the codebook gives to topics ("Zaporizhzhia", "Crimea"): places at stake, not holders
        self.topic_names = {n.lower() for t in codebook.topics.values() for n in (t.label, *t.alt_labels)
                            if n[:1].isupper()} - {n.lower() for a in codebook.actors.values() for n in a.names}
        self.ent_at = {}
        for ent in _joined(doc):
            for i in range(ent.start, ent.end):
                self.ent_at[i] = ent
        self.acronyms = _acronyms(doc)  # "ICC" -> "International Criminal Court", anywhere in the text
        self.named: list[Mention] = []
        for ent in dict.fromkeys(self.ent_at.values()):
            if m := self._entity(ent):
                self.named.append(m)
        self.speakers: dict[int, Mention] = {}  # tokens inside a quotation -> its speaker (see quotes.py)

    # --- named entities -----------------------------------------------------------------
    def _entity(self, ent) -> Mention | None:
        actor = None
        if ent.ent_id_ and ent.ent_id_ in self.codebook.actors:
            actor = self.codebook.actors[ent.ent_id_]
        elif ent.label_ in NER_KIND:
            key = ent.text.lower()
            if key.removeprefix("the ").removesuffix("'s") in NEWS_OUTLETS or key in NEWS_OUTLETS:
                return None  # a news outlet reports; it holds no position
            if _dateline(ent):
                return None  # "Istanbul, 24 July 2025 (dpa) -", "KYIV (Reuters) -": where the story was filed
            if key.removeprefix("the ") in self.topic_names:
                return None  # the tagger took a place at stake for a person ("the Zaporizhzhia nuclear plant")
            if key in self.demonyms:
                actor = self.demonyms[key]
            elif ent.label_ == "ORG" and (state := self._institution_of(ent)) is not None:
                actor = state  # "the Russian Foreign Ministry", "Ukraine's Armed Forces" speak for their state
            elif (ent.label_ == "PERSON" or (ent.label_ == "ORG" and 2 <= len(ent) <= 3 and all(
                    t.pos_ == "PROPN" and t.is_title for t in ent))) and (side := self._official_of(ent)) is not None:
                # "Kremlin aide Yuri Ushakov", "Andriy Yermak, Zelenskyy's chief of staff": the person,
                # speaking for that side (the extractor gives the side too; see :meth:`lineage`); also
                # when the tagger took the name for an organisation ("chief negotiator Rustem Umerov")
                name = ent.text.removesuffix("'s").strip()
                actor = self._named_before(name, ent.start) or Actor(
                    id=slug(name), iri="", label=name, kind="person", member_of=side.id)
            elif ent.label_ != "NORP" and _looks_like_name(ent):
                name = ent.text.removeprefix("the ").removeprefix("The ").removesuffix("'s").strip()
                name = self.acronyms.get(name, name)  # named by its full name, as a coder names it
                kind = NER_KIND[ent.label_]
                if name.lower() in _CAPITALS:  # (also when the tagger took it for a person: "Vilnius")
                    name = _CAPITALS[name.lower()]  # "Budapest" speaks for Hungary
                    actor = self._by_name(name)
                    kind = "state"
                actor = actor or self._named_before(name, ent.start) or Actor(
                    id=slug(name), iri="", label=name, kind=kind)
        return Mention(actor, ent.text, ent.start, ent.end) if actor else None

    def lineage(self, actor_id: str) -> list[str]:
        """The codebook's lineage, and for a person it does not know who was introduced as an
        official of a side ("Kremlin aide Yuri Ushakov"), the person and then that side's."""
        for m in self.named:
            if m.actor.id == actor_id and not m.actor.iri and m.actor.member_of:
                return [actor_id, *self.codebook.lineage(m.actor.member_of)]
        return self.codebook.lineage(actor_id)

    def _by_name(self, name: str) -> Actor | None:
        """The codebook's actor of that name (label or alias), if any."""
        low = name.lower()
        return next((a for a in self.codebook.actors.values() if any(n.lower() == low for n in a.names)), None)

    def _named_before(self, name: str, start: int) -> Actor | None:
        """A short name for an actor named in full before: "De Wever" after "Bart De Wever",
        "the Commission" after "the European Commission"."""
        tail = " " + name.lower()
        for m in reversed(getattr(self, "named", [])):
            if m.start < start and (" " + m.text.lower().removesuffix("'s")).endswith(tail) and len(
                    m.text) > len(name) + 1:
                return m.actor
        return None

    def _institution_of(self, ent) -> Actor | None:
        """The state an institution of state speaks for, when its name says whose it is: "the
        Russian Foreign Ministry", "Ukraine's Defence Ministry", "the French Embassy". Bodies that
        are actors of their own ("the European Commission", "the European Parliament": not a state)
        keep their name."""
        root = ent.root
        if root.lemma_.lower() not in INSTITUTION_NOUNS:
            return None
        for child in root.children:
            if child.dep_ in MODIFIER_DEPS and child.i < root.i:
                m = self._demonym(child) or (self.mention_at(child) if child.i in self.ent_at
                                             and self.ent_at[child.i] is not ent else None)
                if m is not None:
                    return m.actor if m.actor.kind == "state" else None
        return None

    def _official_of(self, ent) -> Actor | None:
        """A person the codebook does not know, introduced by a role for a known side, speaks for
        that side: "Kremlin aide Yuri Ushakov" -> Russia; "Yermak, Zelenskyy's chief of staff" -> Ukraine."""
        root = ent.root
        roles = [t for t in (*root.children, *ent) if t.dep_ in ("appos", "compound") and t.i not in range(ent.start, ent.end)
                 and t.lemma_.lower() in ROLE_NOUNS | PERSON_ROLES]
        if root.dep_ == "appos" and root.head.lemma_.lower() in ROLE_NOUNS | PERSON_ROLES:
            roles.append(root.head)  # "Ukraine's foreign minister, Andrii Sybiha"
        for role in roles:
            if any(c.lower_ in ("former", "ex", "onetime", "erstwhile") for c in role.children) or (
                    role.i > 0 and role.nbor(-1).lower_ in ("former", "ex-")):
                continue  # "former Ukrainian president Petro Poroshenko" speaks for no one but himself
            m = self._role(role)
            if m is None:
                continue
            for aid in self.codebook.lineage(m.actor.id):
                actor = self.codebook.actors.get(aid)
                if actor is not None and actor.kind != "person":
                    return actor
        return None

    def mention_at(self, tok) -> Mention | None:
        """The actor a noun phrase headed by ``tok`` names, if any."""
        ent = self.ent_at.get(tok.i)
        if ent is not None:
            m = self._entity(ent)
            if m:
                return m
        if tok.pos_ == "NOUN" and (named := self._known_as(tok)) is not None:
            return named  # "the European grouping known as the Coalition of the Willing"
        low = tok.lower_
        if low in ("former", "latter") and tok.dep_ in ("nsubj", "nsubjpass") and any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return self._former_latter(tok)  # "Kellogg and Witkoff ... The former argues ..."
        if low in FIRST_PERSON and tok.i in self.speakers:  # "we will not sign," Weber said
            m = self.speakers[tok.i]
            return Mention(m.actor, tok.text, tok.i, tok.i + 1, resolved=True)
        if low in PRONOUNS and PRONOUNS[low] != "relative":
            return self._pronoun(tok)
        if low in self.demonyms and tok.pos_ in ("PROPN", "NOUN"):  # "the Europeans"
            return Mention(self.demonyms[low], tok.text, tok.i, tok.i + 1)
        if tok.lemma_.lower() in ROLE_NOUNS or tok.lemma_.lower() == "secretary":
            return self._role(tok) or self._regional_group(tok)
        if tok.lemma_.lower() in REGION_GROUP_NOUNS:
            return self._regional_group(tok)
        if tok.pos_ == "PROPN" and tok.is_title and not any(c.dep_ == "compound" for c in tok.children):
            return self._surname(tok)
        return None

    def _surname(self, tok) -> Mention | None:
        """"Orbán asserted ..." after "Viktor Orbán": a person named in full before, by the last
        word of their name, where the tagger did not take it for a name."""
        for m in reversed(self.named):
            if m.start >= tok.i:
                continue
            if m.actor.kind == "person" and m.end - m.start >= 2 and self.doc[m.end - 1].text == tok.text:
                return Mention(m.actor, tok.text, tok.i, tok.i + 1, resolved=True)
        return None

    def owner_of(self, tok, back: bool = True) -> Mention | None:
        """The actor a non-actor noun belongs to: "Trump's plan", "US-backed proposals", "the EU plan",
        and for "these proposals" or "the plan", the owner of the last such plan named before."""
        found = self._owner(tok) or self._relative_proposer(tok)
        lemma = tok.lemma_.lower()
        if found is None and lemma in PART_NOUNS:  # "most elements of the draft": the draft's owner
            whole = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                          for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in PLAN_NOUNS), None)
            if whole is not None and (m := self.owner_of(whole, back)) is not None:
                return Mention(m.actor, tok.text, tok.i, tok.i + 1, resolved=True)
        if found is None and back and lemma in PLAN_NOUNS | PART_NOUNS and any(
                c.lower_ in ("these", "this", "the", "those", "such", "another", "one") for c in tok.children):
            for prev in reversed(self.doc[max(0, tok.i - 300):tok.i]):
                same = prev.lemma_.lower() == lemma or (  # "its memorandum ... the document requires"
                    lemma in DOCUMENT_NOUNS | PART_NOUNS and prev.lemma_.lower() in PLAN_NOUNS)
                if same and (m := self._owner(prev) or self._proposer(prev)):
                    return Mention(m.actor, tok.text, tok.i, tok.i + 1, resolved=True)
        return found

    def _relative_proposer(self, tok) -> Mention | None:
        """"a draft deal that the United States proposed": who put it forward, in a relative clause."""
        for verb in tok.children:
            if verb.dep_ == "relcl" and verb.lemma_.lower() in PROPOSING_VERBS and not any(
                    c.dep_ == "neg" for c in verb.children):
                for subj in verb.children:
                    if subj.dep_ == "nsubj" and subj.lower_ not in ("that", "which", "who") and (m := self.mention_at(subj)):
                        return m
        return None

    def _proposer(self, tok) -> Mention | None:
        """Who put forward or endorsed a plan named without an owner: "Trump has endorsed a
        28-point proposal" (for a later "the proposal")."""
        verb = tok.head
        if tok.dep_ != "dobj" or verb.lemma_.lower() not in PROPOSING_VERBS or any(
                c.dep_ == "neg" for c in verb.children):
            return None
        return next(filter(None, (self.mention_at(c) for c in verb.children if c.dep_ == "nsubj")), None)

    def _owner(self, tok) -> Mention | None:
        for child in tok.children:
            if child.dep_ in MODIFIER_DEPS or (child.dep_ == "prep" and child.lower_ in ("by", "from", "of")):
                target = child
                if child.dep_ == "prep":
                    target = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if target is None:
                        continue
                m = self.mention_at(target) or self._demonym(target)
                if m is None and child.dep_ in ("amod", "compound") and child.lower_ in BACKING:
                    m = next(filter(None, map(self.mention_at, child.children)), None)
                if m is None and target.i + 2 < len(self.doc) and self.doc[target.i + 1].text == "-":
                    m = self.mention_at(target)  # "U.S.-backed" parsed as compound chain
                if m:
                    return m
        return None

    def backer_of(self, tok) -> Mention | None:
        """The owner of a plan when the text says it is theirs: a possessive ("Trump's plan",
        "his framework") or a backing modifier ("U.S.-backed proposals"); not a mere name
        ("the US plan" names a plan, it does not report who backs it)."""
        explicit = any(c.dep_ == "poss" or c.lower_.endswith(BACKING) and c.dep_ in ("amod", "compound")
                       for c in tok.children)
        return self.owner_of(tok) if explicit else None

    def _demonym(self, tok) -> Mention | None:
        actor = self.demonyms.get(tok.lower_)
        return Mention(actor, tok.text, tok.i, tok.i + 1) if actor else None

    def _role(self, tok) -> Mention | None:
        """'Russian officials', 'members of the coalition', 'the president' (a description).
        Relation nouns take only a demonym: "European partners" are Europe, "Ukraine's allies" are not Ukraine."""
        relation = tok.lemma_.lower() in RELATION_NOUNS
        for child in tok.children:
            if relation and child.dep_ != "amod":
                continue
            if child.dep_ in MODIFIER_DEPS:
                m = self._demonym(child) or (self.mention_at(child) if child.i in self.ent_at else None)
                if m:
                    return Mention(m.actor, self.doc[min(child.i, tok.i):tok.i + 1].text, child.i, tok.i + 1)
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "for") and not relation:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        m = self.mention_at(pobj)
                        if m and m.actor.kind != "person":
                            return Mention(m.actor, self.doc[tok.i:pobj.i + 1].text, tok.i, pobj.i + 1)
        role = tok.lemma_.lower()
        if role in PERSON_ROLES and tok.tag_ != "NNS" and any(c.lower_ == "the" for c in tok.children):
            return self._description(tok, role)  # "the leader" is one person; "the leaders" are a group
        if role in GROUP_DESCRIPTIONS and tok.tag_ == "NN" and any(c.lower_ in ("the", "this") for c in tok.children):
            # "the bloc", "this group": the group or organisation named last before
            for m in self._salient(self._before(tok, window=4)):
                if m.actor.kind in ("group", "organization") and m.start < tok.i:
                    return Mention(m.actor, tok.text, tok.i, tok.i + 1, resolved=True)
        if role in STATE_DESCRIPTIONS and tok.tag_ == "NN" and any(c.lower_ == "the" for c in tok.children) and not any(
                c.dep_ in ("amod", "compound", "nmod") for c in tok.children):
            # "the country", "the nation": the state named last before (subjects first)
            for m in self._salient(self._before(tok, window=3)):
                if m.actor.kind == "state" and m.start < tok.i:
                    return Mention(m.actor, tok.text, tok.i, tok.i + 1, resolved=True)
        return None

    def _regional_group(self, tok) -> Mention | None:
        """"The Nordic countries", "the Baltic states", "Gulf nations": states named together by
        the region they share, an actor of its own when the codebook has no demonym for it (a
        demonym is its side: "European countries" are Europe, see :meth:`_role`)."""
        if tok.tag_ != "NNS" or tok.lemma_.lower() not in REGION_GROUP_NOUNS:
            return None
        regions = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i and c.is_title
                   and c.ent_type_ in ("NORP", "LOC", "GPE") and c.lower_ not in self.demonyms]
        if len(regions) != 1 or any(c.dep_ == "nummod" or c.lower_ in ("other", "some", "several", "many")
                                    for c in tok.children):
            return None  # "three Nordic countries", "some Baltic states": not the group as a whole
        name = f"{regions[0].text} {tok.text}"
        actor = self._named_before(name, regions[0].i) or Actor(id=slug(name), iri="", label=name, kind="group")
        return Mention(actor, name, regions[0].i, tok.i + 1)

    def group_of(self, tok) -> tuple[Mention, ...]:
        """"Both leaders", "the two sides", "the leaders": the actors of that kind named just before
        (the last two for "both" and "two", all of the previous sentence otherwise)."""
        kind = GROUP_NOUNS.get(tok.lemma_.lower())
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "predet", "nummod", "preconj")}
        if kind is None or not dets & {"both", "two", "the"} or any(
                c.dep_ in ("amod", "compound", "poss", "prep") for c in tok.children):
            return ()
        pair = bool(dets & {"both", "two"})
        seen: dict[str, Mention] = {}
        sent_start = tok.sent.start
        before = self._before(tok, window=2)

        def fits(m: Mention) -> bool:  # NER takes states for ORGs
            return m.actor.kind == kind or (kind == "state" and not m.actor.iri and m.actor.kind == "organization")

        # "Trump wants the two leaders to meet": whoever speaks of the group is not in it
        outside = {c.i for a in tok.ancestors for c in a.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i}
        for m in [m for m in before if m.actor.iri] + [m for m in before if not m.actor.iri]:  # codebook first
            if outside & set(range(m.start, m.end)) or _venue(self.doc[m.end - 1]):
                continue
            if (pair or m.start < sent_start) and fits(m) and m.actor.id not in seen:
                seen[m.actor.id] = Mention(m.actor, tok.text, tok.i, tok.i + 1, resolved=True)
            if pair and len(seen) == 2:
                break
        found = tuple(seen.values())
        if not pair:
            # "the leaders": those the sentences before are about, when two or more are subjects
            # (not everyone they name: "26 allies pledged troops for the war with Russia ... the
            # countries" are not Russia)
            subjects: dict[str, Mention] = {}
            for m in self._before(tok, window=3):
                if m.start < sent_start and fits(m) and self._in_subject(m):
                    subjects.setdefault(m.actor.id, Mention(m.actor, tok.text, tok.i, tok.i + 1, resolved=True))
            found = tuple(subjects.values())
            if len(found) < 2 and (same := self._same_noun_before(tok)) is not None:
                return (same,)  # "The European leaders said ... the leaders expressed": the same noun with its side
        return found if (len(found) == 2 if pair else len(found) >= 2) else ()

    def _same_noun_before(self, tok) -> Mention | None:
        """The nearest earlier "European leaders" for "the leaders": the same noun with a side."""
        lower = max(tok.sent.start - 400, 0)
        for prev in reversed(self.doc[lower:tok.sent.start]):
            if prev.lemma_.lower() == tok.lemma_.lower() and prev.tag_ == tok.tag_:
                m = self._role(prev)
                if m is not None:
                    return Mention(m.actor, tok.text, tok.i, tok.i + 1, resolved=True)
        return None

    def _in_subject(self, m: Mention) -> bool:
        """A mention that is (in) a clause's subject, or a conjunct of one."""
        tok = self.doc[m.end - 1] if m.end > m.start else self.doc[m.start]
        while tok.dep_ in ("compound", "conj", "appos", "flat") and tok.head.i != tok.i:
            tok = tok.head
        return tok.dep_ in ("nsubj", "nsubjpass")

    # --- reference back -----------------------------------------------------------------
    def _before(self, tok, window: int = 3):
        """Named mentions before ``tok`` within ``window`` sentences, nearest first."""
        sent_starts = sorted({s.start for s in self.doc.sents if s.start <= tok.i})
        lower = sent_starts[-window] if len(sent_starts) >= window else 0
        return [m for m in reversed(self.named) if lower <= m.start and m.end <= tok.i]

    def _salient(self, mentions: list[Mention]) -> list[Mention]:
        """Nearest sentence first; within a sentence, subjects before other mentions, then nearest."""
        def rank(m: Mention):
            head = self.doc[m.start:m.end].root
            return (-self.doc[m.start].sent.start, 0 if head.dep_ in ("nsubj", "nsubjpass") else 1, -m.start)
        return sorted(mentions, key=rank)

    def _pronoun(self, tok, outside: range | None = None) -> Mention | None:
        """The actor a pronoun stands for; with ``outside``, named outside those tokens (the
        quotation a "he said" closes is not where its speaker is named)."""
        kind = PRONOUNS[tok.lower_]
        if kind == "plural" and self._plural_non_actor_before(tok):
            return None  # "Sources say ... They highlight ...": "they" are the sources
        before = self._before(tok)
        if outside is not None:
            before = [m for m in before if m.start not in outside]
        host = self._participle_host(tok)
        for m in [*([host] if host is not None else []), *self._salient(before)]:
            a = m.actor
            if kind in ("male", "female"):
                ok = a.kind == "person" and (a.gender in (None, kind))
            elif kind == "plural":
                ok = a.kind in ("group", "state", "organization") and not _singular_state(m)
            else:
                ok = a.kind in ("state", "organization")
            if ok:
                return Mention(a, tok.text, tok.i, tok.i + 1, resolved=True)
        return None

    def _participle_host(self, tok) -> Mention | None:
        """The subject of the clause a participle phrase hangs on: in "Kyiv wants Moscow to return
        the children, reiterating its commitment to ...", "its" is Kyiv's (whoever is reiterating),
        not the nearest name's."""
        verb = tok
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp") or any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None
        host = verb.head
        while host.dep_ in ("ccomp", "xcomp") and host.tag_ == "VB" and host.head.i != host.i and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in host.children):
            host = host.head  # after a comma, the phrase goes with the main clause, not its infinitive
        subject = next((c for c in host.children if c.dep_ == "nsubj" and c.i < verb.i and c.i != tok.i), None)
        return self.mention_at(subject) if subject is not None and subject.lower_ not in PRONOUNS else None

    def _plural_non_actor_before(self, tok) -> bool:
        sent = tok.sent
        prev = self.doc[sent.start - 1].sent if sent.start > 0 else None
        for s in (sent, prev):
            if s is None:
                continue
            subj = [t for t in s if t.dep_ == "nsubj" and t.tag_ in ("NNS", "NNPS") and t.i < tok.i]
            if subj:
                return self.mention_at(subj[-1]) is None
        return False

    def _known_as(self, tok) -> Mention | None:
        """A description named in the same phrase: "a grouping known as X", "a bloc dubbed X"."""
        for acl in tok.children:
            if acl.dep_ != "acl" or acl.lemma_.lower() not in ("know", "call", "dub", "name", "brand"):
                continue
            names = [p for c in acl.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children
                     if p.dep_ == "pobj"] + [c for c in acl.children if c.dep_ in ("oprd", "attr")]
            for n in names:
                ent = self.ent_at.get(n.i)
                m = self._entity(ent) if ent is not None else None
                if m is not None and m.actor.kind != "person":
                    return Mention(m.actor, tok.text, tok.i, tok.i + 1, resolved=True)
        return None

    def _former_latter(self, tok) -> Mention | None:
        """"the former" / "the latter": the first / last of the two actors last named together
        ("Kellogg and Witkoff"), in this sentence or the one before."""
        sent = tok.sent
        prev = self.doc[sent.start - 1].sent if sent.start > 0 else None
        for s in (sent, prev):
            if s is None:
                continue
            for t in reversed([t for t in s if t.i < tok.i]):
                pair = [t, *(c for c in t.conjuncts if c.i > t.i)] if t.dep_ != "conj" else []
                found = [m for m in map(self.mention_at, pair) if m is not None] if len(pair) == 2 else []
                if len(found) == 2:
                    m = found[0] if tok.lower_ == "former" else found[1]
                    return Mention(m.actor, tok.text, tok.i, tok.i + 1, resolved=True)
        return None

    def speaker_pronoun(self, tok, quotation: range) -> Mention | None:
        """"..., he said": the pronoun's actor named outside the quotation."""
        if tok.lower_ not in PRONOUNS or PRONOUNS[tok.lower_] == "relative":
            return None
        return self._pronoun(tok, outside=quotation)

    def _description(self, tok, role: str) -> Mention | None:
        for m in self._before(tok, window=6):
            a = m.actor
            if a.kind == "person" and any(role in n.lower().split() for n in a.names):
                return Mention(a, self.doc[tok.i - 1:tok.i + 1].text, tok.i, tok.i + 1, resolved=True)
        return None


def _venue(tok) -> bool:
    """A place where something happens, not a party to it: "the summit in Alaska", "talks in Istanbul"."""
    return (tok.ent_type_ in ("GPE", "LOC", "FAC") and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at")
            and tok.head.head.pos_ == "NOUN")


def _acronyms(doc) -> dict[str, str]:
    """Acronyms the text spells out: "the International Criminal Court (ICC)" -> {"ICC": ...}."""
    out = {}
    for t in doc:
        if t.text != "(" or t.i + 2 >= len(doc) or doc[t.i + 2].text != ")":
            continue
        acronym = doc[t.i + 1].text
        if not (acronym.isalpha() and acronym.isupper() and 2 <= len(acronym) <= 6):
            continue
        words = [w for w in doc[max(0, t.i - 8):t.i] if w.is_alpha]
        for k in range(len(words)):
            tail = words[k:]
            initials = "".join(w.text[0] for w in tail if w.text[:1].isupper())
            if initials == acronym and tail[0].text[:1].isupper():
                out[acronym] = doc[tail[0].i:t.i].text
                break
    return out


def _dateline(ent) -> bool:
    """A place opening a sentence as a wire story's dateline: followed by a date after a comma,
    by an agency in brackets, or by a dash."""
    doc = ent.doc
    if ent.label_ not in ("GPE", "LOC") or any(not t.is_punct and not t.is_space for t in doc[ent.sent.start:ent.start]):
        return False
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if nxt is None:
        return False
    if nxt.text in ("(", "\u2014", "\u2013", "-", "--"):
        return True
    if nxt.text == "," and ent.end + 1 < len(doc):
        after = doc[ent.end + 1]
        return after.ent_type_ == "DATE" and after.ent_iob_ == "B" or after.ent_type_ in ("GPE", "LOC") and any(
            t.text in ("(", "\u2014", "\u2013", "-") for t in doc[ent.end + 2:ent.end + 5])
    return False


def _looks_like_name(ent) -> bool:
    """A proper name, also where the tagger took it for a common noun ("Belgium opposed ...")."""
    return len(ent.text) > 1 and any(t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.text[:1].isupper()
                                                            and t.is_alpha) for t in ent)


def _singular_state(m: Mention) -> bool:
    return m.actor.kind == "state" and not m.text.lower().endswith("s")


NOT_FIRST_NAMES = ROLE_NOUNS | PERSON_ROLES | {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "general", "gen",
                                                "prime", "deputy", "vice", "defense", "defence", "foreign", "former"}


def _with_first_names(doc, ents: list) -> list:
    """A name the recogniser cut short, its first name left out or taken for a place: "Oleksandra
    Matviichuk" tagged as "Oleksandra" (GPE) and "Matviichuk" (PERSON), "Rustem Umerov" as
    "Umerov". The first name is a capitalised proper noun right before the person, hung on it,
    not a title or role ("Minister Umerov" stays "Umerov")."""
    from spacy.tokens import Span

    out: list = []
    for ent in ents:
        prev = doc[ent.start - 1] if ent.start > 0 else None
        if (ent.label_ == "PERSON" and not ent.ent_id_ and prev is not None and prev.pos_ == "PROPN"
                and prev.is_title and prev.is_alpha and prev.dep_ == "compound" and ent.start <= prev.head.i < ent.end
                and prev.lower_ not in NOT_FIRST_NAMES and not prev.ent_id_
                and (prev.ent_type_ == "" or (out and out[-1].start == prev.i and out[-1].end == ent.start
                                              and prev.is_sent_start))):  # not "of Slovakia Robert Fico"
            if out and out[-1].start == prev.i:
                out.pop()  # "Oleksandra" was an entity of its own (a place)
            out.append(Span(doc, prev.i, ent.end, label="PERSON"))
            continue
        out.append(ent)
    return out


def _named_after_role(doc, ents: list) -> list:
    """A person the recogniser missed, named after a role: "Defense Minister Rustem Umerov" (two
    or three capitalised proper nouns, the last one's compounds, right after a role word)."""
    from spacy.tokens import Span

    taken = {i for e in ents for i in range(e.start, e.end)}
    found = []
    for tok in doc:
        if tok.i in taken or tok.pos_ != "PROPN" or not tok.is_title or tok.dep_ == "compound":
            continue
        start = tok.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and doc[start - 1].is_alpha and (
                doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == tok.i) and (
                doc[start - 1].lower_ not in NOT_FIRST_NAMES) and start - 1 not in taken:
            start -= 1
        role = doc[start - 1] if start > 0 else None
        if (2 <= tok.i + 1 - start <= 3 and role is not None and role.lemma_.lower() in PERSON_ROLES
                and role.dep_ == "compound" and role.head.i == tok.i):
            found.append(Span(doc, start, tok.i + 1, label="PERSON"))
    return sorted([*ents, *found], key=lambda e: e.start) if found else ents


def _joined(doc) -> list:
    """Entities, with a name the actor aliases cut in two joined again: "Council of" + "Europe"
    is the Council of Europe, not Europe."""
    from spacy.tokens import Span

    ents = _named_after_role(doc, _with_first_names(doc, list(doc.ents)))
    out = []
    k = 0
    while k < len(ents):
        ent = ents[k]
        nxt = ents[k + 1] if k + 1 < len(ents) else None
        if (nxt is not None and nxt.start == ent.end and ent[-1].lower_ in ("of", "for")
                and ent.label_ in ("ORG", "PERSON", "GPE", "NORP")):
            out.append(Span(doc, ent.start, nxt.end, label="ORG"))
            k += 2
            continue
        out.append(ent)
        k += 1
    return out
