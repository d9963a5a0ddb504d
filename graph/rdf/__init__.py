"""Stances to RDF and the graph store; the only place that mints IRIs.

- ``mint``: every data IRI (documents, graphs, stances, evidence, runs, actors, candidates)
- ``namespace``: the ``SG`` vocabulary, generated from ``ontology/stance.ttl`` by ``namespace_gen``
- ``convert``: ``document_graph`` (Document + stances -> named graph) and ``stances_from_graph``
- ``store``: ``StanceStore``, stances by document (one named graph each), over a backend:
  ``embedded`` (Oxigraph in process, on disk or in memory) or ``remote`` (a SPARQL 1.1 server),
  both answering the shared SPARQL of ``sparql``; ``backend`` is their interface, ``terms``
  converts their answers, ``decisions`` reads the human reviews the store applies
- ``validate``: SHACL validation against ``ontology/shapes.ttl`` (needs pyshacl)
"""
