"""How long the label-aware layouts take (``layout="map"`` and ``"columns"``), and whether any
two boxes (node and label) overlap, for stance maps from seed scale to the 400-node limit.

    .venv/bin/python benchmarks/label_layout.py

Above :data:`stancegraph.viz.html.LABEL_LAYOUT_MAX` nodes maps use ``fast_layout`` (see
viz_scale.py).
"""
from __future__ import annotations

import time

from stancegraph.viz.html import LABEL_LAYOUT_MAX, network_data
from stancegraph.viz.placement import column_layout, label_layout, node_box, overlaps
from stancegraph.viz.stance_graph import stance_graph

from viz_scale import synthetic_stances


def main() -> None:
    print(f"{'nodes':>6} {'edges':>6} {'map s':>7} {'overlaps':>8} {'columns s':>9} {'overlaps':>8}")
    for actors, topics in ((25, 15), (60, 20), (150, 40), (300, 60), (340, 59)):
        G = stance_graph(synthetic_stances(actors, topics))
        if len(G) > LABEL_LAYOUT_MAX:
            continue
        nodes, _ = network_data(G)
        boxes = {n: node_box(r["shape"], r["size"], str(G.nodes[n].get("label", n))) for n, r in zip(G, nodes)}
        t = time.perf_counter()
        pos = label_layout(G, boxes)
        map_s = time.perf_counter() - t
        map_overlaps = len(overlaps(pos, boxes))
        t = time.perf_counter()
        cols = column_layout(G, boxes)
        col_s = time.perf_counter() - t
        print(f"{len(G):>6} {G.number_of_edges():>6} {map_s:>7.2f} {map_overlaps:>8} {col_s:>9.3f} "
              f"{len(overlaps(cols, boxes)):>8}")


if __name__ == "__main__":
    main()
