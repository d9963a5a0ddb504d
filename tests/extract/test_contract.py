"""The contract every registered extractor keeps (PyKEEN's ``cases.py`` / ``MetaTestCase``).

Each registered name has a subclass of :class:`ExtractorContract` below; ``TestMeta`` fails
when a name is registered without one.
"""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from stancegraph.codebook import Codebook, load_codebook
from stancegraph.extract import registry
from stancegraph.types import Document, Polarity, Stance

TEXT = (
    "Geneva, 9 April 2025. Ukrainian President Volodymyr Zelenskyy rejected territorial concessions "
    "on Wednesday.\n"
    "Donald Trump said he supports a ceasefire along the front line.\n"
    "The weather in Geneva was mild.\n"
)
EMPTY_OF_STANCES = "The weather in Geneva was mild on Wednesday, and the lake was calm.\n"


class ExtractorContract:
    """Subclass with ``name`` (the registered name) and, if needed, ``config`` for ``create``."""

    name: str
    config: dict = {}

    @pytest.fixture(scope="class")
    @classmethod
    def codebook(cls) -> Codebook:
        return load_codebook()

    @pytest.fixture(scope="class")
    @classmethod
    def extractor(cls, codebook):
        return registry.create(cls.name, codebook=codebook, **cls.config)

    @pytest.fixture(scope="class")
    @classmethod
    def documents(cls) -> list[Document]:
        return [Document(id="contract-1", text=TEXT, date="2025-04-09"),
                Document(id="contract-2", text=EMPTY_OF_STANCES)]

    @pytest.fixture(scope="class")
    @classmethod
    def results(cls, extractor, documents) -> list[tuple[Document, list[Stance]]]:
        out = extractor.extract(documents)
        assert isinstance(out, Iterator) or hasattr(out, "__iter__")
        return list(out)

    def test_name_and_version(self, extractor):
        assert extractor.name == self.name
        assert isinstance(extractor.version, str) and extractor.version

    def test_yields_each_document_with_its_stances_in_order(self, results, documents):
        assert [doc for doc, _ in results] == documents
        for doc, stances in results:
            assert isinstance(doc, Document) and isinstance(stances, list)
            assert all(isinstance(s, Stance) for s in stances)

    def test_stances_are_valid(self, results, codebook):
        for doc, stances in results:
            for s in stances:
                assert s.doc_id == doc.id
                assert isinstance(s.polarity, Polarity)
                assert 0.0 <= s.confidence <= 1.0
                assert 0 <= s.start < s.end <= len(doc.text)
                assert s.evidence == doc.text[s.start:s.end]
                assert s.extractor == self.name
                assert s.actor and s.actor_id and s.topic_label
                assert s.topic is None or s.topic in codebook.topics

    def test_finds_stances_where_there_are_some(self, results):
        (_, first), (_, second) = results
        assert first, "no stance in a document with two plain ones"
        assert not second

    def test_empty_input_gives_nothing(self, extractor):
        assert list(extractor.extract([])) == []


@pytest.mark.model
class TestRulesV1(ExtractorContract):
    name = "stancegraph.rules.v1"

    def test_reads_the_two_plain_stances(self, results):
        (_, stances), _ = results
        got = {(s.actor_id, s.polarity.value, s.topic) for s in stances}
        assert {("zelenskyy", "oppose", "territorial_concessions"), ("trump", "support", "ceasefire")} <= got


def covered() -> set[str]:
    todo, names = list(ExtractorContract.__subclasses__()), set()
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        names.add(cls.name)
    return names


class TestMeta:
    @pytest.mark.parametrize("name", registry.names())
    def test_every_registered_extractor_has_a_contract_test(self, name):
        assert name in covered(), f"extractor {name!r} is registered but has no ExtractorContract subclass"
