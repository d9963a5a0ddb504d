"""Pictures of the stance graph.

``stancegraph.viz.html``: ``write_stance_map(stances, path)`` and ``write_network_html(G, path)``
write self-contained interactive pages (vis-network through pyvis, imported lazily).
``stancegraph.viz.views``: ``write_view(store, "congruence", path, normalization="jaccard")``
draws any network view of :mod:`stancegraph.analysis` (stances, affiliation, congruence,
conflict, difference) as such a page.
"""
