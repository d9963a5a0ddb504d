"""The terms of the stancegraph ontology (``sg:``) as an rdflib DefinedNamespace.

GENERATED from ontology/stance.ttl (version 0.1.0) by stancegraph.rdf.namespace_gen:
do not edit; regenerate with ``python -m stancegraph.rdf.namespace_gen``.
"""
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class SG(DefinedNamespace):
    """stancegraph ontology: Stances (support or opposition) of actors on topics, as read from news articles, with their evidence and provenance."""

    _fail = True
    _NS = Namespace("https://w3id.org/stancegraph/ontology#")

    # Classes
    Actor: URIRef  # Someone who can hold a stance: a person, a state, an organisation or a group.
    CandidateTopic: URIRef  # A topic phrase that no codebook concept covers yet; a candidate for the codebook.
    CodingImport: URIRef  # An import of stances coded by hand in another tool, such as a Discourse Network Analyzer (DNA) database.
    Decision: URIRef  # A reviewer's verdict on one stance (correct, wrong, changed) or an added stance, with who made it and when.
    Evidence: URIRef  # A span of a document's text that a stance was read from.
    ExtractionRun: URIRef  # A named, versioned extractor as it produced stances.
    Group: URIRef  # An informal group of actors speaking together, such as a coalition.
    Lesson: URIRef  # Something review decisions taught the extractor: an actor alias, a cue and its polarity, a topic phrase, or a pattern the reviewers accept or reject; derived from the decisions it names.
    Organization: URIRef  # An organisation acting as one body, such as an alliance, a union of states or a company.
    Person: URIRef  # A human actor, such as a head of state or a minister.
    Polarity: URIRef  # The direction of a stance: support or oppose.
    Review: URIRef  # One review file applied by a reviewer: the activity that generated its decisions and the stances it added or changed.
    ReviewStatus: URIRef  # Whether a reviewed stance counts: the latest decision on it sets it.
    Stance: URIRef  # An n-ary relation: a holder supports or opposes a topic, with a confidence, derived from evidence.
    State: URIRef  # A sovereign state or its government, as an actor.
    Verdict: URIRef  # What a reviewer decided about a stance.

    # Object properties
    decisionOn: URIRef  # The stance a decision is about (for an added stance, the stance added).
    holder: URIRef  # The actor who holds the stance.
    inDocument: URIRef  # The article whose text contains the evidence span.
    meetingOf: URIRef  # An actor whose meeting the topic is (a summit of two leaders), one value per party: 'X is ready to meet Y', 'talks with Y', 'the two leaders to meet' evoke the topic when the parties named are its parties.
    memberOf: URIRef  # The state, organisation or group an actor belongs to or speaks for.
    performedBy: URIRef  # The actor whose action the topic is (Russia for a withdrawal of Russian troops): a phrase naming the action done by someone else does not evoke the topic.
    polarity: URIRef  # Whether the holder supports or opposes the topic.
    proposedBy: URIRef  # The actor whose proposal the topic is.
    reviewStatus: URIRef  # The status the latest decision gave a stance; kept in the review status graph, which document rebuilds do not touch.
    topic: URIRef  # What the stance is about: a codebook concept or a candidate topic.
    verdict: URIRef  # What the reviewer decided.

    # Datatype properties
    actorLabel: URIRef  # The holder's name as the extractor reported it; kept so that a stance reads back as extracted.
    confidence: URIRef  # The extractor's confidence in the stance, from 0 to 1.
    contentHash: URIRef  # SHA-256 of the document's text and metadata; a document is rebuilt only when it changes.
    contraLabel: URIRef  # A phrase that evokes the opposite side of a topic: supporting it means opposing the topic.
    cue: URIRef  # The word or phrase that signals the stance, such as 'rejected' or 'backs'.
    decisionCount: URIRef  # How many review decisions a lesson was learned from.
    demonym: URIRef  # An adjective naming the actor, such as 'French' for France.
    droppedLesson: URIRef  # The id of a lesson an analyst dropped: it is not learned again from the same decisions.
    end: URIRef  # Character offset just past the end of the evidence span in the document text.
    extractedWith: URIRef  # The extractor, the codebook (its SHA-256) and the lessons from reviews (their SHA-256, when any applied) the document's stances were extracted with, as 'EXTRACTOR codebook:DIGEST' or 'EXTRACTOR codebook:DIGEST lessons:DIGEST'; a build extracts a document again when its content or this changes.
    extractor: URIRef  # The registered name of the extractor, such as 'stancegraph.rules.v1'.
    extractorVersion: URIRef  # The version of the extractor.
    gender: URIRef  # Grammatical gender used to resolve pronouns: 'male' or 'female'.
    length: URIRef  # Length of the document's text in characters; evidence offsets stay within it.
    lessonData: URIRef  # All the lessons of a store as the JSON a lessons file holds (the form --lessons reads).
    lessonKind: URIRef  # alias, cue, phrase, reject, accept or score.
    lessonsDigest: URIRef  # SHA-256 of what the lessons change in extraction; recorded in sg:extractedWith of each document read with them.
    mention: URIRef  # The holder as written in the text, such as 'the Ukrainian president'.
    note: URIRef  # The reviewer's note on a decision.
    ownedLabel: URIRef  # A generic phrase, such as 'plan', that evokes the topic only with its owner named.
    phrase: URIRef  # The topic as written in the text: the object phrase of the stance.
    reviewsDigest: URIRef  # SHA-256 of the reviews and dropped lessons the stored lessons were learned from; lessons are learned again when it changes.
    sourceRecord: URIRef  # What another tool held about an imported stance or document, as JSON, so that exporting back to it loses nothing: for a Discourse Network Analyzer (DNA) statement its id, statement type, coder id and every variable; for a DNA document its id, author, source, section, type and time.
    start: URIRef  # Character offset (0-based) where the evidence span begins in the document text.
    text: URIRef  # The evidence span's text, as it stands in the document.
    topicLabel: URIRef  # The topic's label as the extractor reported it; kept so that a stance reads back as extracted.

    # Individuals
    Accepted: URIRef  # A reviewer confirmed the stance.
    Added: URIRef  # A stance the extractor missed, added by the reviewer.
    Changed: URIRef  # The stance has another actor, polarity or topic; the corrected stance replaces it.
    Correct: URIRef  # The stance is right as it stands.
    Oppose: URIRef  # The holder is against the topic.
    Rejected: URIRef  # A reviewer marked the stance wrong or replaced it; it stays in the store but reads leave it out.
    Support: URIRef  # The holder is in favour of the topic.
    Wrong: URIRef  # The stance is not in the text; it is kept, marked rejected.
