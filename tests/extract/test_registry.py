"""The extractor registry: entry points, run-time registration, and errors that list names."""
from __future__ import annotations

from importlib.metadata import entry_points

import pytest
from stancegraph.errors import StanceGraphError, UnknownExtractorError
from stancegraph.extract import DEFAULT, registry


def test_default_is_registered_through_an_entry_point():
    [ep] = [ep for ep in entry_points(group=registry.GROUP) if ep.name == "stancegraph.rules.v1"]
    assert ep.value == "stancegraph.extract.rules:RuleExtractor"
    assert DEFAULT == "stancegraph.rules.v1" and DEFAULT in registry.names()


def test_get_loads_the_entry_point():
    from stancegraph.extract.rules import RuleExtractor

    assert registry.get("stancegraph.rules.v1") is RuleExtractor
    assert RuleExtractor.name == "stancegraph.rules.v1"


def test_unknown_name_lists_the_known_ones():
    with pytest.raises(UnknownExtractorError) as info:
        registry.get("acme.magic.v9")
    message = str(info.value)
    assert message == f"unknown extractor 'acme.magic.v9'; known extractors: {', '.join(registry.names())}"
    assert "\n" not in message and "stancegraph.rules.v1" in message
    assert isinstance(info.value, StanceGraphError) and isinstance(info.value, KeyError)


def test_create_of_unknown_name_raises_before_building_anything():
    with pytest.raises(UnknownExtractorError):
        registry.create("acme.magic.v9", codebook=None)


def test_register_adds_a_name_at_run_time(monkeypatch):
    monkeypatch.setattr(registry, "_registered", {})

    @registry.register("tests.fake.v1")
    class Fake:
        def __init__(self, **config):
            self.config = config

    assert "tests.fake.v1" in registry.names()
    assert registry.get("tests.fake.v1") is Fake
    assert registry.create("tests.fake.v1", n_process=2).config == {"n_process": 2}


def test_a_registered_name_takes_precedence_over_an_entry_point(monkeypatch):
    monkeypatch.setattr(registry, "_registered", {})
    sentinel = object()
    registry.register(DEFAULT)(sentinel)
    assert registry.get(DEFAULT) is sentinel
