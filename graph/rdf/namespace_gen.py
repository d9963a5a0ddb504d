"""Generate ``namespace.py`` (the ``SG`` DefinedNamespace) from ``ontology/stance.ttl``.

Run ``python -m stancegraph.rdf.namespace_gen`` after editing the ontology; a test fails
while the committed module differs from what this would write.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

SG_IRI = "https://w3id.org/stancegraph/ontology#"
_KINDS = [  # rdf:type -> section heading, in the order the sections are written
    ("http://www.w3.org/2002/07/owl#Class", "Classes"),
    ("http://www.w3.org/2002/07/owl#ObjectProperty", "Object properties"),
    ("http://www.w3.org/2002/07/owl#DatatypeProperty", "Datatype properties"),
    ("http://www.w3.org/2002/07/owl#NamedIndividual", "Individuals"),
]


def ontology_bytes(name: str = "stance.ttl") -> bytes:
    return (resources.files("stancegraph.ontology") / name).read_bytes()


def render(ttl: bytes) -> str:
    """The source of ``namespace.py`` for the ontology in ``ttl``."""
    from rdflib import OWL, RDF, RDFS, Graph, URIRef

    g = Graph().parse(data=ttl, format="turtle")
    onto = next(g.subjects(RDF.type, OWL.Ontology))
    version = g.value(onto, OWL.versionInfo)
    lines = [
        '"""The terms of the stancegraph ontology (``sg:``) as an rdflib DefinedNamespace.',
        "",
        f"GENERATED from ontology/stance.ttl (version {version}) by stancegraph.rdf.namespace_gen:",
        "do not edit; regenerate with ``python -m stancegraph.rdf.namespace_gen``.",
        '"""',
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        "",
        "class SG(DefinedNamespace):",
        f'    """{g.value(onto, RDFS.label)}: {g.value(onto, RDFS.comment)}"""',
        "",
        "    _fail = True",
        f'    _NS = Namespace("{SG_IRI}")',
    ]
    for kind, heading in _KINDS:
        terms = sorted(
            str(s) for s in g.subjects(RDF.type, URIRef(kind))
            if isinstance(s, URIRef) and str(s).startswith(SG_IRI)
        )
        if not terms:
            continue
        lines += ["", f"    # {heading}"]
        for term in terms:
            comment = " ".join(str(g.value(URIRef(term), RDFS.comment) or "").split())
            lines.append(f"    {term[len(SG_IRI):]}: URIRef  # {comment}")
    return "\n".join(lines) + "\n"


def target() -> Path:
    return Path(__file__).with_name("namespace.py")


def main() -> None:
    target().write_text(render(ontology_bytes()), encoding="utf-8")
    print(f"wrote {target()}")


if __name__ == "__main__":
    main()
