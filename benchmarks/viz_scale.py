"""How long a 5,000-node stance map takes to lay out, write, and draw in headless Chromium.

    .venv/bin/python benchmarks/viz_scale.py [--actors 4900] [--topics 100] [--keep DIR]

Prints the layout time, the time to write the page, its size, and the time until the page's
``#sg-status`` marker appears (the first frame drawn), both as measured in the page and as
the wall time of the whole Chromium run (browser start included). Needs /usr/bin/chromium.
"""
from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from stancegraph.types import Polarity, Stance
from stancegraph.viz.html import write_network_html
from stancegraph.viz.layout import fast_layout
from stancegraph.viz.stance_graph import stance_graph

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--host-resolver-rules=MAP * ~NOTFOUND"]
KINDS = ["person", "state", "organization", "group"]


def synthetic_stances(actors: int, topics: int, seed: int = 7) -> list[Stance]:
    """About two topics per actor, popular topics much more often (Zipf-like)."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(topics)]
    stances = []
    for a in range(actors):
        for t in set(rng.choices(range(topics), weights, k=rng.randint(1, 4))):
            for n in range(rng.choice([1, 1, 1, 2, 3])):
                evidence = f"Actor {a} said something about topic {t} ({n})."
                stances.append(Stance(
                    f"doc-{rng.randrange(20_000)}", f"Actor {a}", f"a{a}", KINDS[a % 4],
                    rng.choice([Polarity.SUPPORT, Polarity.OPPOSE]), f"t{t}", f"Topic {t}",
                    evidence, 0, len(evidence), round(rng.uniform(0.4, 0.95), 2), "bench"))
    return stances


def draw(page: Path, profile: Path, budget_ms: int) -> tuple[float, dict[str, str]]:
    cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--virtual-time-budget={budget_ms}",
           "--dump-dom", page.resolve().as_uri()]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    wall = time.perf_counter() - start
    match = re.search(r'<div id="sg-status"([^>]*)>', done.stdout)
    status = dict(re.findall(r'data-(\w+)="([^"]*)"', match.group(1))) if match else {}
    return wall, status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=4900)
    parser.add_argument("--topics", type=int, default=100)
    parser.add_argument("--keep", type=Path, help="write the page here instead of a temp dir")
    args = parser.parse_args()

    stances = synthetic_stances(args.actors, args.topics)
    G = stance_graph(stances)
    print(f"graph: {len(G)} nodes, {G.number_of_edges()} edges, {len(stances)} stances")

    start = time.perf_counter()
    fast_layout(G)
    print(f"layout (fast_layout): {time.perf_counter() - start:.2f} s")

    with tempfile.TemporaryDirectory() as tmp:
        out = (args.keep or Path(tmp)) / "viz_scale.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        write_network_html(G, out, title="viz_scale")  # lays out again, physics off
        print(f"write page (layout included): {time.perf_counter() - start:.2f} s, "
              f"{out.stat().st_size / 1e6:.1f} MB")

        if not Path(CHROMIUM).exists():
            print("no /usr/bin/chromium: skipped the drawing")
            return 0
        blank = Path(tmp) / "blank.html"
        blank.write_text("<!DOCTYPE html><title>blank</title>", encoding="utf-8")
        base, _ = draw(blank, Path(tmp) / "profile-blank", 1000)
        wall, status = draw(out, Path(tmp) / "profile-page", 60_000)
        if not status:
            print(f"Chromium: NOT drawn within the budget ({wall:.1f} s wall)")
            return 1
        print(f"Chromium: drawn {status['nodes']} nodes, {status['edges']} edges; "
              f"in-page {int(status['ms']) / 1000:.2f} s to first frame; whole run "
              f"{wall:.1f} s wall (a blank page takes {base:.1f} s); "
              f"{status['resources']} resources fetched")
    return 0


if __name__ == "__main__":
    sys.exit(main())
