"""The examples in the analysis and query modules' docstrings run and hold."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["analysis.data", "analysis.networks", "analysis.coalitions", "analysis.export",
           "queries", "queries.params"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"stancegraph.{name}")
    result = doctest.testmod(module)
    assert result.attempted and not result.failed
