"""The package's import graph, as a reader draws it from the modules' ``import`` lines (those
inside functions and ``if TYPE_CHECKING:`` too): no cycles."""
from __future__ import annotations

import ast
from pathlib import Path

import stancegraph

ROOT = Path(stancegraph.__file__).parent


def modules() -> dict[str, tuple[Path, bool]]:
    """Every module of the package by dotted name, with its file and whether it is a package."""
    out = {}
    for path in ROOT.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        package = parts[-1] == "__init__"
        out[".".join(["stancegraph", *(parts[:-1] if package else parts)])] = (path, package)
    return out


def import_graph() -> dict[str, set[str]]:
    """Module -> the package's modules it imports. ``from . import x`` names module ``x`` when
    there is one, else the package itself (``x`` is then defined in its ``__init__``)."""
    mods = modules()
    graph = {}
    for name, (path, package) in mods.items():
        here = name if package else name.rsplit(".", 1)[0]
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = here.rsplit(".", node.level - 1)[0] if node.level > 1 else here
                target = (f"{base}.{node.module}" if node.module else base) if node.level else node.module
                found.update(f"{target}.{a.name}" if f"{target}.{a.name}" in mods else target for a in node.names)
        graph[name] = {m for m in found if m in mods and m != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_the_finder_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_sees_lazy_and_type_checking_imports():
    graph = import_graph()
    assert "stancegraph.rdf.store" in graph["stancegraph.review"]  # review imports the store
    assert "stancegraph.review" not in graph["stancegraph.rdf.store"]
    assert "stancegraph.rdf.store" in graph["stancegraph.pipeline"]  # imported inside a function


def test_no_import_cycles():
    assert cycles(import_graph()) == []


def test_remote_imports_no_private_name():
    """The server backend uses the shared modules' public names only."""
    tree = ast.parse((ROOT / "rdf" / "remote.py").read_text(encoding="utf-8"))
    private = [a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names
               if a.name.startswith("_")]
    assert private == []
