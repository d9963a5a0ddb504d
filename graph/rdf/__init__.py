"""Stances to RDF and the graph store; the only place that mints IRIs.

- ``mint``: every data IRI (documents, graphs, stances, evidence, runs, actors, candidates)
- ``namespace``: the ``SG`` vocabulary, generated from ``ontology/stance.ttl`` by ``namespace_gen``
- ``convert``: ``document_graph`` (Document + stances -> named graph) and ``stances_from_graph``
- ``store``: ``StanceStore``, an rdflib Dataset over Oxigraph, one named graph per document
- ``validate``: SHACL validation against ``ontology/shapes.ttl`` (needs pyshacl)
"""
