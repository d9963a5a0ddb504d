"""Ontology, SHACL shapes and codebooks of stancegraph, shipped as package data.

Read them with ``importlib.resources.files("stancegraph.ontology") / "stance.ttl"``.
"""
