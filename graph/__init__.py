"""stancegraph: who stands where on what, read from news articles into an RDF graph.

Pipeline stages, each a subpackage, data flowing one way:
ingest -> nlp -> extract -> rdf -> queries -> analysis -> viz -> cli
"""
__version__ = "0.1.0"
