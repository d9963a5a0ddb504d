"""Pictures of the stance graph.

``stancegraph.viz.html``: ``write_stance_map(stances, path)`` and ``write_network_html(G, path)``
write self-contained interactive pages (vis-network through pyvis, imported lazily).
"""
