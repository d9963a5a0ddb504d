"""Network views of the stance graph, as in the Discourse Network Analyzer (DNA), in networkx.

Every view reads the store through one flat query and pairs actors in Python::

    from stancegraph.analysis import congruence_network, coalitions, polarisation
    with StanceStore.open("out/store") as store:
        G = congruence_network(store, normalization="jaccard")
        groups = coalitions(G)

The views also take records built by hand or from stances (:class:`Statement`,
:class:`Position`, :class:`stancegraph.types.Stance`), which is how the tests check them.
"""
from .coalitions import Polarisation, coalition_of, coalitions, label_coalitions, polarisation
from .data import DUPLICATES, Position, Statement, counted, drop_duplicates, positions, statements, to_positions
from .export import (CELLS, Matrix, actor_concept_matrix, adjacency_matrix, matrix_csv_text,
                     write_gexf, write_graphml, write_matrix_csv)
from .networks import (AGGREGATIONS, NORMALIZATIONS, ONE_MODE_VIEWS, TWO_MODE_AGGREGATIONS, affiliation_network,
                       agreement_pairs, conflict_network, conflict_pairs, congruence_network,
                       cooccurrence_network, difference_network, one_mode_network, two_mode_network)
from .windows import WINDOW_VIEWS, Window, edge_series, time_windows, window_networks

VIEWS = ("affiliation", *ONE_MODE_VIEWS)

__all__ = [
    "AGGREGATIONS", "CELLS", "DUPLICATES", "NORMALIZATIONS", "TWO_MODE_AGGREGATIONS", "VIEWS", "Matrix",
    "Polarisation", "Position", "Statement",
    "actor_concept_matrix", "adjacency_matrix", "affiliation_network", "agreement_pairs", "coalition_of",
    "coalitions", "conflict_network", "conflict_pairs", "congruence_network", "cooccurrence_network",
    "counted", "difference_network", "drop_duplicates", "one_mode_network", "two_mode_network",
    "label_coalitions", "matrix_csv_text", "polarisation", "positions", "statements", "to_positions",
    "write_gexf", "write_graphml", "write_matrix_csv",
    "WINDOW_VIEWS", "Window", "edge_series", "time_windows", "window_networks",
]
