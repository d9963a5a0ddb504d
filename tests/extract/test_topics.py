"""The topic matcher finds exactly what spaCy's Matcher finds with the same patterns."""
import pytest

TEXTS = [
    "Ukraine will not give up its territory, and Kyiv rejects any territorial concessions.",
    "Russia wants a swift peace agreement and a halt to the fighting along the front line.",
    "Trump's 28-point plan caps Ukraine's army; Europe backs security guarantees and a reassurance force.",
    "Belgium Blocks EU Plan to Use Russian Assets\n\nThe reparations loan backed by frozen Russian assets stalled.",
    "Putin said prisoner exchanges and the return of deported children could continue.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_same_matches_as_spacy_matcher(rule_extractor, text):
    from spacy.matcher import Matcher

    topics = rule_extractor.topics
    nlp = rule_extractor.nlp
    matcher = Matcher(nlp.vocab)
    for key, pattern in topics.patterns:
        matcher.add(key, [pattern])
    doc = nlp(text)
    expected = sorted({(nlp.vocab.strings[k], s, e) for k, s, e in matcher(doc)}, key=lambda m: (m[1], m[2], m[0]))
    assert expected  # the texts name topics: the comparison is not empty
    assert topics.matches(doc) == expected

