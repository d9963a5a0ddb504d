"""Choosing who holds a position among the cues found above a topic phrase."""
from __future__ import annotations

from dataclasses import dataclass, replace

from . import lexicon as L
from .cues import Cue, deontic

SAME_HOLDER_DEPS = {"xcomp", "ccomp", "dobj", "pcomp", "conj", "prep", "acl"}  # not advcl: "rejected X, saying Y"
BACKER_DEPS = {"dobj", "ccomp", "xcomp", "pcomp", "prep"}  # "welcomed [the push]", "support [for X's position]"


@dataclass
class Link:
    """A cue with a holder on the way up from a topic phrase."""

    token: object
    cue: Cue
    holders: list
    sign: int
    hedged: bool
    words: list
    complement: bool = False  # reached from its object or complement clause, not an adjunct
    via: str = ""  # the dependency it was reached through
    crossed: bool = False  # reached across a coordinated clause with its own subject
    marked: bool = True  # something on the way says a position (a cue, a negation, a modal, a judgement)


def pick(chain: list[Link], lineage) -> list[Link]:
    """Who holds the position among the cues above a topic phrase.

    The nearest cue with a holder, unless a directive above it makes its clause what the
    directive's holder wants ("Trump urged Kyiv to accept", "the need for Ukraine to consider");
    a speaker reporting on their own side is the holder, beside the side when the clause names
    it ("Zelenskyy said Ukraine will resist": both);
    further cues of the same holder set the polarity ("refused to recognise"); and who backs or
    rejects a position takes one on what it says ("Zelenskyy rejected Russia's demand for ...").
    """
    held = [k for k, link in enumerate(chain) if link.holders]
    if not held:
        return []
    i = held[0]
    if chain[i].crossed and (chain[i].cue.kind != "report" or chain[i].via == "conj"):
        return []  # "Ukraine has shown flexibility, but ceding land would be a challenge": not Ukraine's
    for j in range(i + 1, len(chain)):
        if chain[j].cue.kind == "report" or chain[j].crossed:
            break
        if chain[j].complement and (chain[j].token.lemma_.lower() in L.DIRECTIVES or deontic(chain[i].token)):
            later = [k for k in held if k >= j]
            if not later:
                return []  # wanted by someone we cannot name
            i = later[0]
    first = chain[i]
    holders, sign, marked, extra = first.holders, first.sign, first.marked, []
    inner = {h.actor.id for h in first.holders}
    for link in chain[i + 1:]:
        if not link.holders:
            continue
        if link.crossed and link.cue.kind != "report":
            break
        if link.cue.kind == "report" and {h.actor.id for h in link.holders} == inner:
            sign, marked = link.sign, marked or link.marked  # "India would like to state ...," Gangwar said
            continue
        if link.cue.kind == "report":
            if all(any(a in lineage(h.actor.id) for a in inner) for h in link.holders) or deontic(first.token):
                # the speaker for their own side; other sides named with it keep their place
                # ("Zelenskyy said the two sides had agreed to ...")
                spoken = {a for h in link.holders for a in lineage(h.actor.id)}
                # ("Zelenskyy said Kyiv is seeking guarantees": the side the clause names by name
                # keeps its place too; not a side only reached through "it", "the plan")
                others = [h for h in holders if h.actor.id not in spoken or (
                    h.actor.kind != "person" and not h.resolved)] if not deontic(first.token) else []
                holders, sign, marked = [*link.holders, *others], link.sign, marked or link.marked
            elif all(not h.actor.iri and h.actor.kind == "person" for h in link.holders) and all(
                    h.actor.kind in ("state", "organization", "group") for h in holders):
                # "Orban said Hungary would veto ...": a speaker the codebook does not know, on a
                # side's position, is coded as its holder; the side keeps its place beside them
                holders, sign, marked = [*link.holders, *holders], link.sign, marked or link.marked
            break
        if {h.actor.id for h in link.holders} == inner and (
                link.via in SAME_HOLDER_DEPS or link.cue.kind == "report"):
            sign, marked = link.sign, marked or link.marked  # the same holder again: "refused to recognise"
            continue
        if (link.via in BACKER_DEPS and link.cue.kind in ("noun", "verb", "adj")
                and link.token.lemma_.lower() not in L.DIRECTIVES):
            extra.append(link)
        break
    return [replace(first, holders=holders, sign=sign, marked=marked), *extra]
