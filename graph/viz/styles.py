"""How node kinds and edge signs look: shapes, colours and the legend that explains them."""
from __future__ import annotations

from dataclasses import dataclass

SUPPORT_COLOR = "#2e9d4c"
OPPOSE_COLOR = "#d0342c"
NEUTRAL_COLOR = "#9e9e9e"


@dataclass(frozen=True)
class NodeStyle:
    """A vis-network shape and colour for one node kind, and its legend text."""

    shape: str
    color: str
    legend: str


NODE_STYLES: dict[str, NodeStyle] = {
    "person": NodeStyle("dot", "#4a7fd4", "person"),
    "state": NodeStyle("square", "#8e5bc4", "state"),
    "organization": NodeStyle("triangle", "#e08a1e", "organization"),
    "group": NodeStyle("diamond", "#1a9fa0", "group"),
    "topic": NodeStyle("box", "#f2d15c", "topic"),
}
DEFAULT_STYLE = NodeStyle("dot", "#9aa5b1", "other")

# A glyph that looks like each vis-network shape, for the HTML legend.
GLYPHS = {"dot": "●", "square": "■", "triangle": "▲", "diamond": "◆", "box": "▬",
          "star": "★", "ellipse": "⬬", "line": "━"}


@dataclass(frozen=True)
class LegendItem:
    """One legend row: a coloured glyph (a vis-network shape name or "line") and its text."""

    label: str
    color: str
    shape: str = "dot"

    @property
    def glyph(self) -> str:
        return GLYPHS.get(self.shape, "●")


def node_style(kind: str | None) -> NodeStyle:
    """The style of a node kind; unknown kinds share one grey style.

    >>> node_style("state").shape
    'square'
    >>> node_style("spaceship") == DEFAULT_STYLE
    True
    """
    return NODE_STYLES.get(kind or "", DEFAULT_STYLE)


def edge_sign(attrs: dict) -> int:
    """+1 for support, -1 for oppose, 0 when an edge says neither.

    An edge says it with ``polarity`` ("support"/"oppose" or a Polarity) or a numeric ``sign``.

    >>> edge_sign({"polarity": "oppose"}), edge_sign({"sign": 2.5}), edge_sign({})
    (-1, 1, 0)
    """
    polarity = attrs.get("polarity")
    if polarity is not None:
        value = getattr(polarity, "value", polarity)
        return {"support": 1, "oppose": -1}.get(str(value).lower(), 0)
    sign = attrs.get("sign")
    if isinstance(sign, (int, float)) and sign:
        return 1 if sign > 0 else -1
    return 0


def edge_color(sign: int) -> str:
    return {1: SUPPORT_COLOR, -1: OPPOSE_COLOR}.get(sign, NEUTRAL_COLOR)


def default_legend(node_kinds, edge_signs) -> list[LegendItem]:
    """Legend rows for the node kinds and edge signs a graph actually has, in a fixed order."""
    kinds = set(node_kinds)
    items = [LegendItem(style.legend, style.color, style.shape)
             for kind, style in NODE_STYLES.items() if kind in kinds]
    if kinds - set(NODE_STYLES):
        items.append(LegendItem(DEFAULT_STYLE.legend, DEFAULT_STYLE.color, DEFAULT_STYLE.shape))
    signs = set(edge_signs)
    for sign, text in ((1, "supports"), (-1, "opposes"), (0, "other link")):
        if sign in signs:
            items.append(LegendItem(text, edge_color(sign), "line"))
    return items


# Coalition colours (a qualitative palette, no green/red so they do not read as polarity).
COALITION_COLORS = ("#1f77b4", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
                    "#bcbd22", "#7f7f7f", "#393b79", "#ad494a")
LONER_COLOR = "#c7ccd1"  # an actor in a coalition of one


def coalition_color(number: int | None, size: int = 2) -> str:
    """The colour of coalition ``number`` (0 = the largest); grey for a coalition of one.

    >>> coalition_color(0), coalition_color(10), coalition_color(3, size=1)
    ('#1f77b4', '#1f77b4', '#c7ccd1')
    """
    if number is None or size < 2:
        return LONER_COLOR
    return COALITION_COLORS[number % len(COALITION_COLORS)]
