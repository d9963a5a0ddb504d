"""The confidence model: fitted weights, their bounds, the shipped file, and that it is used."""
import pytest

from stancegraph.extract.rules.calibration import CAPS, Calibration, fit, load_calibration, reliability


def test_fit_orders_features_by_how_often_they_were_right():
    samples = [(["cue:verb"], True)] * 9 + [(["cue:verb"], False)] + [(["cue:report"], True)] * 4 + [
        (["cue:report"], False)] * 6
    cal = fit(samples)
    assert cal(["cue:verb"]) > 0.75 > 0.5 > cal(["cue:report"]) > 0.3


def test_prior_bounds_hold_against_the_data():
    """A hedge never raises confidence even where hedged readings happened to be right."""
    cal = fit([(["hedged"], True)] * 10 + [([], False)] * 10)
    assert cal.weights["hedged"] <= CAPS["hedged"] < 0


def test_round_trip_and_shipped_file():
    cal = Calibration(0.5, {"cue:verb": 1.25}, {"documents": 3})
    assert Calibration.from_json(cal.to_json()) == cal
    shipped = load_calibration()
    assert shipped is not None and shipped.about.get("fitted_on", "").endswith("dev split")
    assert 0.0 < shipped(["cue:verb"]) < 1.0


def test_reliability_bands():
    rows = reliability([(0.1, False), (0.6, True), (0.65, False), (0.95, True)])
    assert [r[2] for r in rows] == [1, 0, 2, 0, 1]
    assert rows[2][3] == 0.5


@pytest.mark.model
def test_extractor_confidence_is_the_calibrated_one(rule_extractor):
    from stancegraph.extract.rules import _plain_quotes
    from stancegraph.types import Document

    doc = Document(id="c", text="Kyiv rejected territorial concessions. Moscow may accept a truce.")
    read = rule_extractor.read(rule_extractor.nlp(_plain_quotes(doc.text)), doc)
    assert read
    for stance, features in read:
        assert stance.confidence == round(rule_extractor.calibration(features), 3)
