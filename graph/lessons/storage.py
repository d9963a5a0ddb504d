"""Lessons in a store and in files.

A store's lessons are learned from its reviews (:mod:`stancegraph.review`) and kept in the
named graph ``id/lessons``: one ``sg:Lesson`` per lesson (kind, label, decision count,
``prov:wasDerivedFrom`` its decisions) and the whole set as JSON (``sg:lessonData``), with the
digest of the reviews they were learned from (``sg:reviewsDigest``). They are learned again
when a review is added or a lesson dropped (``id/lessons/dropped`` lists the dropped ids).
Verdicts are kept as examples, so a stance that lessons now leave out still teaches.
"""
from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import PROV

from ..codebook import Codebook
from ..errors import StanceGraphError
from ..rdf import convert, mint
from ..rdf.namespace import SG
from .learn import Taught, examples_of, word_lessons
from .model import FORMAT, Lessons, finish

if TYPE_CHECKING:
    from ..rdf.store import StanceStore

log = logging.getLogger(__name__)

LESSONS_GRAPH = URIRef(mint.BASE + "lessons")
DROPPED_GRAPH = URIRef(mint.BASE + "lessons/dropped")
LEARNER = "learn/2"  # changes when the way lessons are learned changes


class LessonsError(StanceGraphError):
    """A lessons file that cannot be read, or a lesson that does not exist."""


def read_lessons(path: str | Path) -> Lessons:
    """A lessons file (as ``review lessons --out`` writes it); raises :class:`LessonsError`."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Lessons.from_json(data)
    except OSError as exc:
        raise LessonsError(f"{path}: cannot read lessons ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LessonsError(f"{path}: not a lessons file (not JSON: {exc})") from None
    except ValueError as exc:
        raise LessonsError(f"{path}: {exc}") from None


def write_lessons(lessons: Lessons, path: str | Path) -> None:
    Path(path).write_text(lessons.dumps(), encoding="utf-8")


# --- the store's lessons ------------------------------------------------------------------

def _review_graphs(store: "StanceStore") -> list[str]:
    from ..review import human_graphs

    return [str(g) for g in human_graphs(store) if str(g).startswith(mint.BASE + "review/")]


def dropped(store: "StanceStore") -> frozenset[str]:
    rows = store.query(f"SELECT ?id WHERE {{ GRAPH {DROPPED_GRAPH.n3()} {{ ?x {SG.droppedLesson.n3()} ?id }} }}")
    return frozenset(str(r["id"]) for r in rows)


def _stored(store: "StanceStore") -> tuple[str, str] | None:
    rows = list(store.query(f"SELECT ?r ?data WHERE {{ GRAPH {LESSONS_GRAPH.n3()} {{ "
                            f"?x {SG.reviewsDigest.n3()} ?r ; {SG.lessonData.n3()} ?data }} }}"))
    return (str(rows[0]["r"]), str(rows[0]["data"])) if rows else None


def store_lessons(store: "StanceStore", codebook: Codebook, *, write: bool = True) -> Lessons:
    """The lessons of ``store``'s reviews: as stored when they were learned from the same
    reviews, else learned now (and stored, with ``write``)."""
    reviews = _review_graphs(store)
    if not reviews:
        return Lessons()
    gone = dropped(store)
    digest = hashlib.sha256(json.dumps([LEARNER, FORMAT, codebook.digest, reviews, sorted(gone)]).encode()).hexdigest()
    cached = _stored(store)
    previous = Lessons.from_json(json.loads(cached[1])) if cached else Lessons()
    if cached and cached[0] == digest:
        return previous
    lessons = learn(store, codebook, gone, previous)
    if write:
        store.write_graphs([lessons_graph(lessons, digest)])
    log.info("learned %d lessons from %d reviews", len(lessons.lessons), len(reviews))
    return lessons


_DECISIONS = f"""
PREFIX sg: <{SG._NS}>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?g ?d ?on ?verdict ?time WHERE {{
  GRAPH ?g {{ ?d a sg:Decision ; sg:decisionOn ?on ; sg:verdict ?verdict ; prov:generatedAtTime ?time }}
}}"""
_REVISIONS = "SELECT ?new ?old WHERE { GRAPH ?g { ?new <http://www.w3.org/ns/prov#wasRevisionOf> ?old } }"


def learn(store: "StanceStore", codebook: Codebook, gone: frozenset[str] = frozenset(),
          previous: Lessons = Lessons()) -> Lessons:
    """Learn the lessons of every review in ``store`` (see :mod:`stancegraph.lessons.learn`)."""
    from ..review import human_stances

    latest: dict[str, tuple] = {}
    for r in sorted(store.query(_DECISIONS), key=lambda r: (str(r["time"]), str(r["g"]), str(r["d"]))):
        if str(r["g"]).startswith(mint.BASE + "review/"):
            latest[str(r["on"])] = (str(r["d"]), r["verdict"])
    machine = {str(mint.stance_iri(s)): s for s in store.stances(reviewed=False)}
    humans = {str(mint.stance_iri(s)): s for s in human_stances(store)}
    revised = {str(r["old"]): str(r["new"]) for r in store.query(_REVISIONS)}
    carried = {e.decision: e for e in previous.examples}
    verdicts, taught, examples = [], [], []
    for on, (decision, verdict) in sorted(latest.items()):
        if verdict == SG.Added and on in humans:
            taught.append(Taught(decision, humans[on]))
            continue
        if verdict == SG.Changed and revised.get(on) in humans:
            taught.append(Taught(decision, humans[revised[on]]))
        if on in machine:
            verdicts.append((decision, machine[on], verdict == SG.Correct))
        elif decision in carried:  # its stance is gone (left out by a lesson): the verdict still counts
            examples.append(carried[decision])
    return finish(word_lessons(taught, codebook), examples_of(verdicts, taught) + examples, gone)


def lessons_graph(lessons: Lessons, reviews_digest: str):
    g = convert.new_graph(LESSONS_GRAPH)
    g.add((LESSONS_GRAPH, RDF.type, PROV.Collection))
    g.add((LESSONS_GRAPH, SG.reviewsDigest, Literal(reviews_digest)))
    g.add((LESSONS_GRAPH, SG.lessonsDigest, Literal(lessons.digest)))
    g.add((LESSONS_GRAPH, SG.lessonData, Literal(json.dumps(lessons.to_json(), ensure_ascii=False, sort_keys=True))))
    for x in lessons.lessons:
        node = URIRef(mint.BASE + "lesson/" + x.id)
        g.add((LESSONS_GRAPH, PROV.hadMember, node))
        g.add((node, RDF.type, SG.Lesson))
        g.add((node, RDFS.label, Literal(x.what)))
        g.add((node, SG.lessonKind, Literal(x.kind)))
        g.add((node, SG.decisionCount, Literal(x.count, datatype=XSD.integer)))
        for d in x.decisions:
            g.add((node, PROV.wasDerivedFrom, URIRef(d)))
    return g


def drop_lesson(store: "StanceStore", codebook: Codebook, lesson: str) -> Lessons:
    """Drop the lesson with id ``lesson`` from ``store`` (it is not learned again); returns
    the lessons learned without it. Raises :class:`LessonsError` for an unknown id."""
    current = store_lessons(store, codebook)
    found = current.get(lesson)
    if found is None:
        raise LessonsError(f"no lesson {lesson!r} in this store ('stancegraph review lessons' lists them)")
    g = convert.new_graph(DROPPED_GRAPH)
    for old in dropped(store):
        g.add((DROPPED_GRAPH, SG.droppedLesson, Literal(old)))
    g.add((DROPPED_GRAPH, SG.droppedLesson, Literal(lesson)))
    store.write_graphs([g])
    return store_lessons(store, codebook)
