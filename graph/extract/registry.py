"""The one way extractors are found: a registry of namespaced, versioned names.

Built-in and third-party extractors register through the ``stancegraph.extractors`` entry-point
group (see pyproject.toml); ``register`` adds one at run time (tests, notebooks).
"""
from __future__ import annotations

import logging
from importlib.metadata import entry_points

from ..errors import UnknownExtractorError

log = logging.getLogger(__name__)
GROUP = "stancegraph.extractors"
DEFAULT = "stancegraph.rules.v1"
_registered: dict[str, object] = {}


def register(name: str):
    """Decorator: ``@register("myorg.llm.v1")`` on an extractor class or factory."""
    def deco(factory):
        _registered[name] = factory
        return factory
    return deco


def _entry_points() -> dict[str, object]:
    return {ep.name: ep for ep in entry_points(group=GROUP)}


def names() -> list[str]:
    return sorted(set(_registered) | set(_entry_points()))


def get(name: str = DEFAULT):
    """The extractor factory registered under ``name``."""
    if name in _registered:
        return _registered[name]
    eps = _entry_points()
    if name not in eps:
        raise UnknownExtractorError(f"unknown extractor '{name}'; known extractors: {', '.join(names()) or 'none'}")
    factory = eps[name].load()
    _registered[name] = factory
    return factory


def create(name: str = DEFAULT, **config):
    return get(name)(**config)
