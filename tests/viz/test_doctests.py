"""The examples in the viz modules' docstrings run and hold."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["layout", "stance_graph", "styles", "tooltips", "placement", "document", "matrix"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"stancegraph.viz.{name}")
    result = doctest.testmod(module)
    assert result.attempted and not result.failed
