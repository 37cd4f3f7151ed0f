"""The pohon kinerja for the HTML report: the renderer's SVG, with every goal made addressable.

The renderer (kinerja_graph.render) names each goal's Graphviz node after its document order
("g12"; a column of sibling leaves is one node "s24" holding a port "g24", "g25", … per goal). Before
Graphviz runs, this module gives the cell that holds each goal's box an ``ID``, an ``HREF`` and a
``TOOLTIP``: Graphviz then wraps the box in ``<g id="a_kgn12"><a …>``, which the page's script finds
to highlight a goal and to list its findings when it is clicked. (An ID alone is enough for recent
Graphviz; the ``HREF`` makes older ``dot`` releases, such as Debian's 2.43, write it too.)

Only markup the renderer generated is touched: user text reaches the DOT source escaped
(render/labels.py), so it can contain neither ``<TD PORT=`` nor a quote. The SVG is then made fit
to sit inside an HTML page: the XML prolog, the doctype and comments are dropped, and Graphviz's
``<title>`` elements (node names such as "g12", which browsers would show as tooltips) removed.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import networkx as nx

from kinerja_graph.i18n import words
from kinerja_graph.render import DiagramOptions, Graphviz, RenderError, build_diagram, plan
from kinerja_graph.render.labels import esc as dot_esc
from kinerja_graph.render.labels import shorten
from kinerja_graph.render.style import Style, load_style

ANCHOR_PREFIX = "kgn"  # + document order; the SVG element id is "a_" + this (Graphviz's prefix); no "-":
# Graphviz would write it as "&#45;"

_NODE_LINE = re.compile(r"^(\s*)(g|s)(\d+) \[label=<", re.M)
_STACK_CELL = re.compile(r'<TD PORT="g(\d+)">')
_BOX_CELL = '<TD PORT="box">'
_PROLOG = re.compile(r"\A.*?(?=<svg\b)", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TITLE = re.compile(r"<title>[^<]*</title>\n?")


@dataclass
class DiagramPart:
    key: str  # "" for the whole cascade, else the renderer's part key
    caption: str
    svg: str
    orders: list[int]  # document order of every goal drawn in this part


@dataclass
class Diagram:
    parts: list[DiagramPart] = field(default_factory=list)
    problem: str | None = None  # why there is no diagram (no Graphviz, time limit, too big, turned off)
    warnings: list[str] = field(default_factory=list)


def _cell_attrs(G: nx.DiGraph, order_to_node: dict[int, str], order: int) -> str:
    node = order_to_node.get(order)
    tip = ""
    if node is not None:
        statement = G.nodes[node].get("statement") or ""
        tip = f"{node}: {shorten(statement, 100)}" if statement else str(node)
    anchor = f"{ANCHOR_PREFIX}{order}"
    return f'ID="{anchor}" HREF="#{anchor}" TOOLTIP="{dot_esc(tip)}"'


def add_anchors(source: str, G: nx.DiGraph) -> str:
    """The DOT source with an ID/HREF/TOOLTIP on the cell holding each goal's box."""
    order_to_node = {d["order"]: n for n, d in G.nodes(data=True) if d.get("kind") in ("goal", "indicator")}
    out = []
    for line in source.split("\n"):
        m = _NODE_LINE.match(line)
        if m and m.group(2) == "g":
            order = int(m.group(3))
            line = line.replace(_BOX_CELL, f'<TD PORT="box" {_cell_attrs(G, order_to_node, order)}>', 1)
        elif m:  # a column of leaves: one cell per goal
            line = _STACK_CELL.sub(
                lambda c: f'<TD PORT="g{c.group(1)}" {_cell_attrs(G, order_to_node, int(c.group(1)))}>', line
            )
        out.append(line)
    return "\n".join(out)


_ACTIVE = {"script", "foreignobject", "iframe", "object", "embed", "handler", "listener"}


@functools.lru_cache(maxsize=64)  # the page asks once per part and again for the whole diagram
def svg_is_inert(svg: str) -> bool:
    """True when the SVG holds nothing a browser would run: no script-like element, no event
    attribute, no javascript: link. Parsed as XML (Graphviz writes well-formed SVG) by expat, element
    by element without building a tree; anything that does not parse counts as not inert."""
    from xml.parsers import expat

    found: list[bool] = []

    def start(tag: str, attrs: dict[str, str]) -> None:
        if found:
            return
        if tag.rsplit("}", 1)[-1].lower() in _ACTIVE:
            found.append(True)
            return
        for attr, value in attrs.items():
            local = attr.rsplit("}", 1)[-1].lower()
            if local.startswith("on") or (
                local == "href" and value.strip().lower().startswith(("javascript:", "data:"))
            ):
                found.append(True)
                return

    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartElementHandler = start
    try:
        parser.Parse(svg, True)
    except expat.ExpatError:
        return False
    return not found


def inline_svg(data: bytes) -> str:
    """Graphviz's SVG file as an element to put inside an HTML page."""
    text = data.decode("utf-8", "replace")
    text = _PROLOG.sub("", text, count=1)
    text = _COMMENT.sub("", text)
    text = _TITLE.sub("", text)
    return text.strip()


def build(
    G: nx.DiGraph,
    findings,
    lang: str = "id",
    *,
    year: int | None = None,
    engine: str = "auto",
    timeout: float | None = None,
    style: Style | None = None,
    max_goals: int | None = None,
) -> Diagram:
    """The diagram parts of G, or a Diagram saying why there is none. Never raises a RenderError.

    `max_goals`: above this many goals no diagram is drawn at all (Graphviz would take minutes).
    """
    style = style or load_style()
    goals = sum(1 for _, k in G.nodes(data="kind") if k in ("goal", "indicator"))
    if max_goals is not None and goals > max_goals:
        return Diagram(problem=f"too-big:{goals}:{max_goals}")
    options = DiagramOptions(lang=lang, year=year)
    try:
        the_plan = plan(G, style, lang)
        parts = []
        warnings = []
        with Graphviz(engine, timeout=timeout, lang=lang, style=style) as graphviz:  # one process for all parts
            for part in the_plan.parts:
                diagram = build_diagram(G, part, findings, options, style=style)
                source = add_anchors(diagram.source, G)
                rendered = graphviz.render(source, "svg", what=part.key or "svg", goals=len(part.nodes))
                warnings.extend(rendered.warnings)
                orders = [G.nodes[n]["order"] for n in part.nodes]
                parts.append(DiagramPart(part.key, _caption(G, part, lang), inline_svg(rendered.data), orders))
        return Diagram(parts, None, warnings)
    except RenderError as exc:
        return Diagram(problem=str(exc))


def _caption(G: nx.DiGraph, part, lang: str) -> str:
    t = words("html").t
    if part.focus is not None and part.focus in G:
        return t("part_branch", lang, id=part.focus, statement=shorten(G.nodes[part.focus].get("statement") or "", 60))
    if part.kind == "overview":
        return t("part_overview", lang)
    if part.kind == "rest":
        return t("part_rest", lang)
    return ""
