from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from ._app import app
from ._common import fail, one_line_errors, store_to_read

topics_app = typer.Typer(help="Topics of the codebook and suggestions for new ones.", no_args_is_help=True)
app.add_typer(topics_app, name="topics")


@topics_app.command("suggest")
@one_line_errors
def suggest(
    store: Path = typer.Option(Path("out/store"), "--store", help="Graph store folder."),
    source: Optional[Path] = typer.Option(None, "--from", help="Read candidates from a jsonl/csv file instead."),
    min_count: int = typer.Option(1, "--min-count", min=1, help="Show phrases seen at least this often."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or ttl (SKOS stubs)."),
    limit: int = typer.Option(30, "--limit", min=1),
) -> None:
    """Group stance objects that match no codebook topic, to extend the codebook."""
    from ..codebook import load_codebook
    from ..suggest import skos_stubs, suggest_topics

    if fmt not in ("table", "json", "ttl"):
        fail(f"unknown format {fmt!r}; use table, json or ttl", 2)
    stances = _from_file(source) if source else _from_store(store)
    groups = suggest_topics(stances, min_count=min_count)[:limit]
    if fmt == "ttl":
        typer.echo(skos_stubs(groups, load_codebook().iri))
    elif fmt == "json":
        typer.echo(json.dumps([{"key": g.key, "label": g.label, "count": g.count, "support": g.support,
                                "oppose": g.oppose, "actors": sorted(g.actors), "phrases": g.phrases,
                                "examples": g.examples} for g in groups], indent=1, ensure_ascii=False))
    else:
        if not groups:
            typer.echo("no unclassified candidates")
        for g in groups:
            typer.echo(f"{g.count:>4}  {g.label}  (+{g.support} -{g.oppose}; {', '.join(sorted(g.actors))})")
            for ex in g.examples[:1]:
                typer.echo(f"      e.g. {ex[:160]}")


def _from_store(store: Path):
    from ..rdf.store import StanceStore
    with StanceStore.open(store_to_read(store)) as st:
        return st.stances()


def _from_file(path: Path):
    from .. import csvio
    from ..types import Stance

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        fail(f"{path}: cannot read ({exc.strerror})")
    rows = list(csvio.DictReader(text.splitlines())) if path.suffix == ".csv" else [
        json.loads(line) for line in text.splitlines() if line.strip()]
    out = []
    for n, row in enumerate(rows, 1):
        try:
            out.append(Stance.from_record(row))
        except (KeyError, ValueError, TypeError) as exc:
            fail(f"{path}:{n}: not a stance record ({exc})")
    return out
