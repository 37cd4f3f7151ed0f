"""One page of the pohon kinerja as DOT text, as the `graphviz` package writes it.

Input: the networkx graph of kinerja_graph/graph.py (the only source of what is drawn), the page
to draw (render/plan.py's Part: its goals, and on printed pages the page each goal is drawn on),
where each box goes (render/layout.py), and optionally findings (render/overlay.py). Output: a
``Diagram`` whose ``.source`` is the DOT text, as the `graphviz` package writes it (each line
written through the package once per drawing, `Lines`); nothing here runs Graphviz.

Layout
    One horizontal band per level (``--layout level``) or per place in the tree (``--layout
    structure``); vertical with ``direction="LR"``. The band captions form one column at the left:
    each caption is on the rank of its band, every box of the band is tied to the caption's right
    by an invisible edge on the same rank (dot keeps the tail of such an edge left of its head),
    and the captions share a ``group``, which lines them up. So no box is ever left of the
    captions. Boxes of one band are top-aligned (each padded below to the band's tallest box).
    Every goal is its own box: siblings stand side by side, never in a column that would make one
    look like the other's child.
Goals
    One box each (an HTML-like table): id, the program/kegiatan/sub kegiatan it belongs to (from
    the node's notes), statement (wrapped, bold), each indicator (with the target of the chosen
    year), owner; filled by the colour of its declared level's tier. Missing data is a grey dashed
    "belum ada" patch. Orphans (goals without a parent that are not the top of the cascade) sit in
    one dashed frame; an indicator without a goal is a dashed box below the goal it belongs to, beside
    a goal of its owner, or in a frame of its own in the lowest band. A goal whose children or
    parent are on another page says which page ("lanjut di halaman 3").
Edges
    Contribution: parent -> child, arrow at the parent ("contributes to"), from the bottom of the
    parent to the top of the child (side to side between goals of one band; top to bottom where a
    child is drawn above its parent). Crosscutting: dashed, labelled, to a hexagon of the other
    bodies named by the same goals; they do not constrain the layout.
Findings
    Codes on the boxes and a numbered list at the foot of the page (render/overlay.py).

Determinism: nodes and edges are emitted in document order, Graphviz names are derived from it
("g12"), and nothing variable (time, paths, versions) is written. User text never becomes a DOT
identifier or a plain attribute: it only appears escaped (render/labels.py) inside HTML labels.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import filterfalse, repeat
from typing import TypeVar

import graphviz
import networkx as nx

from kinerja_graph import policy
from kinerja_graph.render import labels
from kinerja_graph.render.labels import esc, esc_lines, tag
from kinerja_graph.render.layout import DRAWABLE, Placement, place
from kinerja_graph.render.overlay import SEVERITY_MARK, Overlay, PageMarks
from kinerja_graph.render.plan import Part
from kinerja_graph.render.style import Style, load_style

DIRECTIONS = ("TB", "LR")
LIST_CHARS = 70  # characters per line of the findings list
BAND_COLUMN = 122.0  # points: the band captions' column and the gap right of it
TALL_BOX = 240.0  # points: a box taller than this (many indicators) is drawn wider instead
UNKNOWN_PAGE = 99  # a page number not known yet (while pages are being planned): as wide as a real one
_HTML_STRING = graphviz.quoting.HTML_STRING.match  # a label the package writes as it is ("<...>")
# a name the package writes as it is (`graphviz.quoting.quote`: a plain identifier, not a keyword): the tool's own
# node names ("g12", "band3", "x40")
_PLAIN_NAME = re.compile(r"[a-zA-Z_][a-zA-Z0-9_]*\Z").match
_CHAR = 0.56  # average width of a character, in ems (Arial/Liberation Sans, mixed bold and regular)


@dataclass(frozen=True)
class DiagramOptions:
    lang: str = "id"
    year: int | None = None  # show each indicator's target for this year
    wrap: int | None = None  # characters per line; None: rules/render.yaml
    direction: str = "TB"  # "TB" top-down, "LR" left to right
    layout: str = "level"  # "level": bands by declared level; "structure": by place in the tree
    include_info: bool = False  # findings: info findings get codes too (--findings all)
    orientation: str | None = None  # the paper's orientation, when fixed (the findings list is shaped for it)
    findings_list: bool = True  # findings: the numbered list at the foot of the page


def period_text(years) -> str:
    years = sorted(set(int(y) for y in years or ()))
    if not years:
        return ""
    if years == list(range(years[0], years[-1] + 1)) and len(years) > 1:
        return f"{years[0]}–{years[-1]}"
    return ", ".join(str(y) for y in years)


BoxCache = dict[tuple, tuple]  # see build_diagram's `boxes`: boxes, and their content (`_Builder.content`)


class Lines:
    """The DOT lines of a page, as the graphviz package writes them: each distinct node or edge, and each set of
    attributes, written by the package itself once per drawing (the pages of one drawing repeat most of them, and
    the package's quoting of a long label costs more than looking the line up); an HTML label, which the package
    writes as it is, put in as it is."""

    def __init__(self) -> None:
        self._scratch = graphviz.Digraph()
        self._lines: dict[tuple, str] = {}
        self._lists: dict[tuple, tuple[str, str] | str] = {}  # `a_list`: attributes but an HTML label, written
        # an edge's line is its two ends, their names quoted once per drawing, and its attributes, written once per
        # set of them: most edges are drawn once (a page's edges are its own), so a cache of whole lines would seldom
        # be hit
        self._names: dict[str, str] = {}  # a node's name (or a port's), quoted
        self._attrs: dict[tuple, str] = {}
        # what the pages of the drawing worked out about the tree, to be checked rather than walked again
        # (`_Builder.below_away`)
        self.below: dict[tuple, tuple[frozenset[str], frozenset[str]]] = {}
        self.crosscutting: dict[str, tuple[str, ...]] = {}  # `_Builder.crosscutting`: the bodies each goal names
        # the texts of the drawing's pages that depend on little: the legend (`_Builder.legend`) and the bands'
        # captions (`_Builder.band_label`), by what they depend on
        self.legends: dict[tuple, str] = {}
        self.bands: dict[tuple, str] = {}

    def node(self, target: list[str], name: str, **attrs: str) -> None:
        target.append(self.node_line(name, **attrs))

    def a_list(self, attrs: dict[str, str]) -> str:
        """What the package writes for `attrs` inside a statement's brackets (`graphviz.quoting.a_list`: sorted by
        name, each name and value quoted): the attributes but the label written once per set of them, an HTML
        label (the page's title, its foot) put in as it is."""
        label = attrs.get("label")
        html = label is not None and type(label) is str and _HTML_STRING(label) is not None
        key = (html, *((k, v) for k, v in attrs.items() if not html or k != "label"))
        written = self._lists.get(key)
        if written is None:
            if not html:
                written = self._lists[key] = graphviz.quoting.a_list(None, kwargs=attrs)
            else:
                before, after = graphviz.quoting.a_list(None, kwargs={**attrs, "label": "<\x00>"}).split("=<\x00>")
                written = self._lists[key] = (before + "=", after)
        if type(written) is str:
            return written
        assert label is not None
        return written[0] + label + written[1]

    def name(self, name: str) -> str:
        """A node's name (or a port's) as the package quotes it (`graphviz.quoting.quote`), quoted once per drawing."""
        quoted = self._names.get(name)
        if quoted is None:
            plain = _PLAIN_NAME(name) is not None and name.lower() not in graphviz.quoting.KEYWORDS
            quoted = self._names[name] = name if plain else graphviz.quoting.quote(name)
        return quoted

    def html_node_line(self, name: str, label: str) -> str:
        """What `node(name, label=label)` writes, an HTML label as it is (a box, a page's own list of pages)."""
        if _HTML_STRING(label) is None:
            return f"\t{self.name(name)} [label={graphviz.quoting.quote(label)}]\n"
        return f"\t{self.name(name)} [label={label}]\n"

    def node_line(self, name: str, **attrs: str) -> str:
        """What `node(name, **attrs)` writes: a node with other attributes than a label written by the package once
        per drawing."""
        if not attrs:
            return f"\t{self.name(name)}\n"
        label = attrs.get("label")
        if len(attrs) == 1 and type(label) is str:
            return self.html_node_line(name, label)
        key = (name, *attrs.items())
        line = self._lines.get(key)
        if line is None:
            self._scratch.node(name, **attrs)
            line = self._lines[key] = self._scratch.body.pop()
        return line

    def end(self, identifier: str) -> str:
        """An edge's end as the package quotes it (`graphviz.quoting.quote_edge`: "node:port:compass", the node and
        the port quoted)."""
        node, _, rest = identifier.partition(":")
        if not rest:
            return self.name(node)
        port, _, compass = rest.partition(":")
        return f"{self.name(node)}:{self.name(port)}:{compass}" if compass else f"{self.name(node)}:{self.name(port)}"

    def rest(self, **attrs: str) -> str:
        """What the package writes after an edge's ends for `attrs` (" [attributes]" and the line's end), written
        once per set of them."""
        key = tuple(attrs.items())
        rest = self._attrs.get(key)
        if rest is None:
            self._scratch.edge("a", "b", **attrs)
            line = self._scratch.body.pop()
            assert line.startswith("\ta -> b")
            rest = self._attrs[key] = line[len("\ta -> b") :]
        return rest

    def edge(self, target: list[str], tail: str, head: str, **attrs: str) -> None:
        """What `graphviz.Digraph.edge(tail, head, **attrs)` writes: "\t{tail} -> {head} [{attributes}]\n"."""
        target.append(f"\t{self.end(tail)} -> {self.end(head)}{self.rest(**attrs)}")


_Sizes = tuple[tuple[float, float], tuple[float, float]]  # a page's estimated size and its tree's


class Diagram:
    """A page's DOT, and its size as estimated from the boxes (points, before Graphviz). The DOT is
    written when first asked for (`source`): a page planner that decides a candidate page from its
    estimate alone never needs it. `numbers`: drawn with its page numbers as placeholders (see
    `build_diagram`), each placeholder and the number it stands for. `sizes`: the estimated size and the tree's
    size worked out when first asked for (instead of `estimated_size` and `tree_size`): a page that Graphviz
    lays out is measured, not estimated."""

    def __init__(
        self,
        emit: Callable[[], list[str]],
        estimated_size: tuple[float, float] | None,
        smallest_font: float,
        tree_size: tuple[float, float] = (0.0, 0.0),  # the boxes alone, without title, legend and lists
        numbers: dict[str, int] | None = None,
        sizes: Callable[[], _Sizes] | None = None,
    ):
        self._emit: Callable[[], list[str]] | None = emit  # the DOT's pieces, in order
        self._source: str | None = None
        self._digest: bytes | None = None
        self._template: Diagram | None = None
        self._sizes = sizes
        self._estimated_size = estimated_size or (0.0, 0.0)
        self.smallest_font = smallest_font
        self._tree_size = tree_size
        self.numbers = numbers

    @classmethod
    def like(cls, template: Diagram, numbers: dict[str, int] | None) -> Diagram:
        """A page that prints what `template` prints with its own page numbers: the same DOT (with the same
        placeholders), written once for both."""
        diagram = cls(
            lambda: [template.source],
            None,
            template.smallest_font,
            sizes=lambda: (template.estimated_size, template.tree_size),
        )
        diagram.numbers, diagram._template = numbers, template
        return diagram

    def _worked_out(self) -> None:
        if self._sizes is not None:
            (self._estimated_size, self._tree_size), self._sizes = self._sizes(), None

    @property
    def estimated_size(self) -> tuple[float, float]:
        self._worked_out()
        return self._estimated_size

    @property
    def tree_size(self) -> tuple[float, float]:
        """The boxes alone, without title, legend and lists."""
        self._worked_out()
        return self._tree_size

    @property
    def source(self) -> str:
        """The DOT text (joined once: a page is asked for it again by each planning round)."""
        if self._template is not None:
            return self._template.source
        if self._source is None:
            assert self._emit is not None
            self._source, self._emit = "".join(self._emit()), None
        return self._source

    @property
    def digest(self) -> bytes:
        """A digest of the DOT text (what a run's layouts are cached by)."""
        if self._template is not None:
            return self._template.digest
        if self._digest is None:
            self._digest = hashlib.sha1(self.source.encode("utf-8")).digest()
        return self._digest


# A placeholder in the text of a label (DOT) or of a drawn text (SVG): its digits not part of a longer number,
# a word, a node's name ("g12") or a character reference ("&#45;"), and not inside a tag
def _places(text, codes: list) -> list | None:
    """Where each placeholder of `codes` stands in `text` (its start), in the order of `codes`; None when one
    is not found exactly once. A placeholder is its digits alone (not part of a longer number, a word, a node's
    name "g12" or a character reference "&#45;"), outside tags (not an attribute's value). Placeholders of one
    width sharing their first digits (99999, 99998, ...) are found in one pass over the text, looking at each
    place their common start stands; others one by one."""
    if not codes:
        return []
    width = len(codes[0])
    prefix = os.path.commonprefix(codes)
    if not prefix or any(len(code) != width for code in codes):
        return _places_each(text, codes)
    lt, gt, glued = ("<", ">", ("_", "#", "&")) if isinstance(text, str) else (b"<", b">", (b"_", b"#", b"&"))
    found = dict.fromkeys(codes, -1)
    find = text.find
    at = find(prefix)
    while at >= 0:
        end = at + width
        code = text[at:end]
        if code in found:
            before, after = text[at - 1 : at], text[end : end + 1]
            if (
                not (before.isalnum() or before in glued)
                and not (after.isalnum() or after == glued[0])
                and text.rfind(lt, 0, at) < text.rfind(gt, 0, at)
            ):
                if found[code] >= 0:
                    return None
                found[code] = at
        at = find(prefix, at + 1)
    out = [found[code] for code in codes]
    return None if min(out) < 0 else out


def _places_each(text, codes: list) -> list | None:
    """`_places`, each placeholder looked for on its own (its occurrences, left to right)."""
    lt, gt, glued = ("<", ">", ("_", "#", "&")) if isinstance(text, str) else (b"<", b">", (b"_", b"#", b"&"))
    out = []
    for code in codes:
        found, at = -1, text.find(code)
        while at >= 0:
            end = at + len(code)
            before, after = text[at - 1 : at], text[end : end + 1]
            if (
                not (before.isalnum() or before in glued)
                and not (after.isalnum() or after == glued[0])
                and text.rfind(lt, 0, at) < text.rfind(gt, 0, at)
            ):
                if found >= 0:
                    return None
                found = at
            at = text.find(code, end)
        if found < 0:
            return None
        out.append(found)
    return out


def _filled(text, codes: list, values: list, places: list):
    """`text` with each code at its place replaced by its value. Bytes (an SVG) are joined from views of their
    pieces: copied once, not once for the pieces and again for the whole."""
    view = memoryview(text) if isinstance(text, bytes) else text
    pieces, at = [], 0
    for i, code, value in sorted(zip(places, codes, values, strict=True)):
        pieces += [view[at:i], value]
        at = i + len(code)
    pieces.append(view[at:])
    return text[:0].join(pieces)


def fill_numbers(
    source: str, svg: bytes | None, numbers: dict[str, int], memo: dict | None = None, digest: bytes | None = None
) -> tuple[str, bytes | None] | None:
    """A page drawn with placeholders for its page numbers (`build_diagram`'s `numbers`), with the numbers
    written in: in its DOT and in its SVG (in text, not in tags; digits are equally wide in the fonts
    Graphviz uses, so a number narrower than its placeholder takes the placeholder's place in the drawing).
    None when a placeholder is not found exactly once in each (a user's text holding the same digits): the
    page must then be drawn with its numbers. `memo`: where the placeholders stand in pages seen before (the
    same page planned again, with other numbers), by their DOT and SVG, or by `digest`, the DOT's digest
    (`Diagram.digest`), when each DOT has one SVG (a drawing's layouts are kept by it) and no other memo is given
    DOT and SVG of their own."""
    if not numbers:
        return source, svg
    codes = list(numbers)
    raw = [c.encode("ascii") for c in codes]
    key = (digest, svg is None, *codes) if digest is not None else (source, svg, *codes)
    if memo is not None and key in memo:
        places = memo[key]
    else:
        in_dot = _places(source, codes)
        in_svg = _places(svg, raw) if svg is not None and in_dot is not None else None
        places = None if in_dot is None or (svg is not None and in_svg is None) else (in_dot, in_svg)
        if memo is not None:
            memo[key] = places
    if places is None:
        return None
    values = [str(numbers[c]) for c in codes]
    filled = _filled(source, codes, values, places[0])
    if svg is None:
        return filled, None
    return filled, _filled(svg, raw, [v.encode("ascii") for v in values], places[1])


def build_diagram(
    G: nx.DiGraph,
    part: Part | None = None,
    findings=None,
    options: DiagramOptions | None = None,
    *,
    links: dict[str, str] | None = None,
    style: Style | None = None,
    placement: Placement | None = None,
    overlay: Overlay | None = None,
    contents: list[tuple[int, str]] | None = None,
    boxes: BoxCache | None = None,
    lines: Lines | None = None,
    numbers: int | None = None,
    drawn: dict[tuple, Diagram] | None = None,
) -> Diagram:
    """The diagram of `part` of G (all of it when None). `links`: node -> the file continuing it
    (on-screen parts); printed pages say which page instead (`part.home`). `contents`: the list of
    pages, printed on the overview. `boxes` and `lines`: the goals' boxes and the DOT lines written
    so far, kept between the pages of one drawing (same G, options, style, placement and overlay): a
    page planner drawing many candidate pages builds each box's table and each line once.
    `numbers`: a placeholder page number (99999): every page number the page prints is written as a
    placeholder of that many digits instead, the first `numbers`, the next one less and so on, and
    `Diagram.numbers` says which number each stands for (`fill_numbers` writes them in). Two pages that
    differ only in their numbers are then the same DOT: laid out once. `drawn`: the pages built so far with
    placeholders, by what they print (`_Builder.signature`): a page built again (the pages planned again) is not
    built twice."""
    options = options or DiagramOptions()
    if options.direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {DIRECTIONS}")
    style = style or load_style()
    placement = placement or place(G, options.layout)
    if part is None:
        nodes = sorted((n for n, d in G.nodes(data=True) if d["kind"] in DRAWABLE), key=lambda n: G.nodes[n]["order"])
        part = Part("", nodes, "whole")
    if overlay is None:
        overlay = Overlay(findings, style, options.lang, include_info=options.include_info)
    return _Builder(
        G, part, overlay, options, style, placement, links or {}, contents or [], boxes, lines or Lines(), numbers
    ).build(drawn)


def estimated_diagram(
    G: nx.DiGraph,
    part: Part,
    *,
    options: DiagramOptions,
    style: Style,
    placement: Placement,
    overlay: Overlay,
    boxes: BoxCache | None = None,
    lines: Lines | None = None,
    numbers: int | None = None,
    estimates: Estimates | None = None,
) -> Diagram:
    """`build_diagram`'s page (no links, no list of pages), with the size `build_diagram` estimates, worked out
    without writing the boxes' tables (`_Estimate`); the page itself is built, as `build_diagram` builds it, only
    when its DOT is asked for: a page planner estimates thousands of candidate pages and lays out
    or keeps few of them. `estimates`: what the candidate pages of a drawing share (`Estimates`: with the same
    `boxes`, `lines`, options, style, placement and overlay, and no findings); the size is the same."""
    lines = lines or Lines()
    builder = None
    if estimates is not None and not overlay.active and part.kind != "overview":
        builder = estimates.page(part)
        if builder is None:  # the first of its kind: the page of none of its goals, which the others are made from
            empty = replace(part, nodes=[])
            start = _Estimate(G, empty, overlay, options, style, placement, {}, [], boxes, lines, numbers)
            if boxes is not None:  # worked out once per drawing
                if ("cyclic",) not in boxes:
                    boxes[("cyclic",)] = (_cyclic(placement),)
                start.cyclic = boxes[("cyclic",)][0]
            estimates.starts.append(start)
            builder = estimates.page(part)
    if builder is None:
        builder = _Estimate(G, part, overlay, options, style, placement, {}, [], boxes, lines, numbers)
    size, font, tree = builder.sizes()
    built: list[Diagram] = []

    def page() -> Diagram:
        if not built:
            built.append(
                build_diagram(
                    G,
                    part,
                    options=options,
                    style=style,
                    placement=placement,
                    overlay=overlay,
                    boxes=boxes,
                    lines=lines,
                    numbers=numbers,
                )
            )
        return built[0]

    return Diagram(lambda: [page().source], size, font, tree)


class Estimates:
    """What the candidate pages of a drawing's planning share (`estimated_diagram`, no findings): a page of no goals
    for each kind of page (kind, number, total and homes), which the estimating builder of each page of that kind is
    made from (`_Estimate.page`) instead of `_Builder.__init__`'s work for a page that is written out."""

    def __init__(self) -> None:
        self.starts: list[_Estimate] = []

    def page(self, part: Part) -> _Estimate | None:
        """The estimating builder of `part`, made from the page of no goals of its kind; None before there is one."""
        for start in self.starts:
            page = start.page(part)
            if page is not None:
                return page
        return None


def least_size(placement: Placement, nodes: list[str], options: DiagramOptions, style: Style) -> tuple[float, float]:
    """A lower bound of the size a printed page of `nodes` is estimated at (`Diagram.estimated_size`), found
    without building the page: a page whose bound already prints too small cannot print readably by its estimate
    either (the page planner asks about many candidate pages far too big for a sheet).

    Every box is at least as wide as its statement's column and as high as its head and one line; the tree is
    at least as wide as its leaves side by side (`_Builder.tree_estimate` gives each goal the width of what
    stands below and beside it, so each box with nothing of its own drawn under it counts once), and as high
    as its bands with the gaps between them, under the title."""
    # (counted with map and filter: the planner asks this of every candidate page, about 19 goals each at 10^4)
    drawn = list(filter(placement.order.__contains__, nodes))
    on = set(drawn)
    holders = set(map(placement.attached.get, drawn))
    kids = placement.kids
    leaves = sum(map(on.isdisjoint, map(kids.get, filterfalse(holders.__contains__, drawn), repeat(()))))
    wrap = options.wrap or style.wrap
    gap = 0.15 * 72
    # `_Builder.content`'s narrowest column, and the border and padding of `_Builder.table`
    box_width = int(wrap * style.font_size * _CHAR) + 8 + 6
    box_height = style.small_font_size + 4 + 4 + 6
    tree = leaves * box_width + gap * max(0, leaves - 1)
    bands = len(set(map(placement.band.__getitem__, drawn)))
    h = bands * box_height + 0.35 * 72 * max(0, bands - 1)
    w = max(BAND_COLUMN + tree + 20, 700.0)
    if options.direction == "LR":
        w, h = max(h + BAND_COLUMN, 700.0), tree + 60
    return (round(w, 1), round(h + _title_height(style) + 20, 1))


def _title_height(style: Style) -> float:
    s = style
    return s.title_font_size * 1.4 + s.band_font_size * 1.4 + 2 * (s.small_font_size * 2.4 + 14) + 16


class _BoxRows:
    """The rows of a box's table, and the height and width they take (Graphviz: a line is as high as its font,
    a cell pads 2); `font` is the rows' size unless a row says another."""

    __slots__ = ("rows", "height", "widest", "font")

    def __init__(self, height: float, widest: float, font: float) -> None:
        self.rows: list[str] = []
        self.height, self.widest, self.font = height, widest, font

    def add(self, html: str, lines: list[str] | int, font: float | None = None, extra: float = 0.0) -> None:
        font = self.font if font is None else font
        self.rows.append(html)
        if isinstance(lines, int):
            self.height += lines * font + 4 + extra
            return
        self.height += len(lines) * font + 4 + extra
        if lines:
            self.widest = max(self.widest, max(map(len, lines)) * font * _CHAR + 8)


_Sized = TypeVar("_Sized", bound=tuple)  # a box (DOT, width, height) or a box's (width, height)


def _widened(cache: dict | None, key, wrap: int, make: Callable[[int], _Sized], height: int) -> _Sized:
    """`make(wrap)`, or `make` of a wider wrap when that is taller than TALL_BOX (`height`: the index of the height
    in what `make` gives); kept in `cache` under `key` (None: not kept)."""
    if key is not None and cache is not None:
        known = cache.get(key)
        if known is not None:
            return known
    value = make(wrap)
    if value[height] > TALL_BOX:
        value = make(int(wrap * 1.6))
    if key is not None and cache is not None:
        cache[key] = value
    return value


class _Builder:
    def __init__(
        self,
        G,
        part: Part,
        overlay: Overlay,
        options: DiagramOptions,
        style: Style,
        placement: Placement,
        links: dict[str, str],
        contents: list[tuple[int, str]],
        boxes: BoxCache | None = None,
        lines: Lines | None = None,
        numbers: int | None = None,
    ):
        self.G = G
        self.placeholder = numbers
        self.numbers: dict[str, int] | None = {} if numbers is not None else None
        self._notes: dict[str, list[tuple[str, str]]] = {}
        self._listed: list[str] | None = None
        self.box_cache = boxes
        self.lines = lines or Lines()
        self.part = part
        self.p = placement
        self.nodes = [n for n in part.nodes if n in placement.order]
        self.drawn = set(self.nodes)
        self._subtitle: list[str] | None = None
        self.opt = options
        self.lang = options.lang
        self.style = style
        self.c = style.colours
        self.links = links
        self.contents = contents
        self.wrap = options.wrap or style.wrap
        self.overlay = overlay
        home = part.home
        self.summaries = frozenset(
            n
            for n in part.nodes
            if part.kind == "overview" and home is not None and home.get(n, part.number) != part.number
        )
        order = self._drawing_order() if overlay.active else []  # findings only (no findings: no marks)
        self.marks: PageMarks = overlay.page(order, first=part.number <= 1, summaries=self.summaries)
        self.levels = policy.levels()
        self.name = {n: f"g{G.nodes[n]['order']}" for n in self.nodes}
        self.kids: dict[str, list[str]] = {
            n: [v for v in placement.kids.get(n, ()) if v in self.drawn] for n in self.nodes
        }
        self.parents: dict[str, list[str]] = {
            n: [u for u in placement.parents.get(n, ()) if u in self.drawn] for n in self.nodes
        }
        self.away: dict[str, list[str]] = {
            n: [v for v in placement.kids.get(n, ()) if v not in self.drawn] for n in self.nodes
        }

    def _drawing_order(self) -> list[str]:
        nodes = [n for n in self.part.nodes if n in self.p.order]
        drawn = set(nodes)
        bodies = []
        for n in nodes:
            for v in self.G.successors(n):
                if self.G.edges[n, v]["kind"] == "crosscutting" and v not in bodies:
                    bodies.append(v)
        return nodes + [b for b in bodies if b not in drawn]

    def t(self, key, **params) -> str:
        return self.style.t(key, self.lang, **params)

    def listed(self) -> list[str]:
        """The numbers of the pages the page lists (`contents`), as printed (made once)."""
        if self._listed is None:
            self._listed = [self.num(value) for value, _ in self.contents]
        return self._listed

    def num(self, value: int) -> str:
        """A page number as printed: itself, or its placeholder (see `build_diagram`). Placeholders run out
        at the smallest number of their width (a page listing hundreds of pages with two-digit numbers):
        the rest repeat the first, which `fill_numbers` then refuses."""
        if self.numbers is None or self.placeholder is None:
            return str(value)
        code = self.placeholder - len(self.numbers)
        if code < 10 ** (len(str(self.placeholder)) - 1):
            return str(self.placeholder)
        self.numbers[str(code)] = value
        return str(code)

    def order(self, n) -> int:
        return self.G.nodes[n]["order"]

    # ------------------------------------------------------------------ structure

    def signature(self) -> tuple:
        """Everything a page with placeholders for its numbers prints, besides the boxes' own content: its
        goals, what it is, and the texts that carry page numbers (made here, in the order `build` makes
        them, so that the placeholders are numbered alike)."""
        part = self.part
        notes = tuple(tuple(self.notes(n)) for n in self.nodes)
        return (
            tuple(part.nodes),
            part.kind,
            part.focus,
            part.depth,
            part.number <= 1,
            self.summaries,
            notes,
            tuple(self.listed()),
            tuple(text for _, text in self.contents),
            tuple(self.subtitle()),
        )

    def build(self, drawn: dict[tuple, Diagram] | None = None) -> Diagram:
        key = None
        if drawn is not None and self.numbers is not None:
            key = self.signature()
            known = drawn.get(key)
            if known is not None:
                return Diagram.like(known, self.numbers)
        diagram = self._build()
        if key is not None and drawn is not None:
            drawn[key] = diagram
        return diagram

    def _build(self) -> Diagram:
        s = self.style
        groups = self.groups = self.crosscutting()
        boxes = {n: self.box(n) for n in self.nodes}  # (table, width, height)
        tallest: dict[int, float] = defaultdict(float)
        for n, (_table, _w, h) in boxes.items():
            tallest[self.p.band[n]] = max(tallest[self.p.band[n]], h)
        # the findings list (and the overview's list of pages) at the foot: the label of a frameless
        # cluster around the whole tree, so that it is as wide as it needs, not as the title. The tree's widths
        # and the page's estimated size are worked out when asked for (`Diagram.estimated_size`): a page Graphviz
        # lays out is not estimated; the foot's lists need the tree's width (`foot` reads it only when it has any)
        listed = bool(self.contents) or bool(self.marks.entries if self.opt.findings_list else [])
        if listed:
            self.tree_width = self.tree_estimate(boxes)
        tree_height = sum(tallest.values()) + 0.35 * 72 * max(0, len(tallest) - 1)
        foot = self.foot((self.tree_width if listed else 0.0, tree_height))
        self.subtitle()  # every placeholder of the page numbered, in `build`'s order, before the DOT is asked for

        def sizes() -> _Sizes:
            if not listed:
                self.tree_width = self.tree_estimate(boxes)
            self.size_width = self.tree_estimate(boxes, beside=True)
            return self.estimate(tallest), (self.tree_width, tree_height)

        return Diagram(
            lambda: self.emit(groups, boxes, tallest, foot),
            None,
            float(s.small_font_size),
            numbers=self.numbers,
            sizes=sizes,
        )

    def emit(self, groups, boxes, tallest, foot: str) -> list[str]:
        """The page's DOT (`build` measured it), in pieces: what `graphviz.Digraph("pohon_kinerja", graph_attr=...,
        node_attr=..., edge_attr=...)` with the page's nodes, subgraphs and edges writes as its `source`, each
        line written by `Lines` (tests/test_render_memo.py compares them with the package's)."""
        s, c = self.style, self.c
        lines = self.lines
        tb = self.opt.direction == "TB"
        graph_attr = {
            "rankdir": self.opt.direction,
            "newrank": "true",
            "ordering": "out",
            "nodesep": "0.15",
            "ranksep": "0.35",
            "pad": "0.2",
            "margin": "0",
            "bgcolor": "white",
            "outputorder": "edgesfirst",
            "fontname": s.font,
            "fontsize": str(s.font_size),
            "labelloc": "t",
            "labeljust": "l",
            "label": self.title(),
        }
        node_attr = {"shape": "plain", "fontname": s.font, "fontsize": str(s.font_size), "fontcolor": c["text"]}
        edge_attr = {
            "color": c["edge"],
            "penwidth": "1.2",
            "arrowsize": "0.7",
            "fontname": s.font,
            "fontsize": str(s.small_font_size),
        }
        g = [
            "digraph pohon_kinerja {\n",
            f"\tgraph [{lines.a_list(graph_attr)}]\n",
            f"\tnode [{lines.a_list(node_attr)}]\n",
            f"\tedge [{lines.a_list(edge_attr)}]\n",
        ]
        by_band: dict[int, list[str]] = defaultdict(list)

        def emit(target, n):
            table, _w, h = boxes[n]
            pad = round(tallest[self.p.band[n]] - h) if tb else 0
            spacer = f'<TR><TD HEIGHT="{pad}"></TD></TR>' if pad > 0 else ""
            # what `node(name, label=<...>)` writes: the name quoted, the HTML label as it is
            target.append(
                f"\t{lines.name(self.name[n])} [label="
                f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
                f'<TR><TD PORT="box">{table}</TD></TR>{spacer}</TABLE>>]\n'
            )
            by_band[self.p.band[n]].append(self.name[n])

        if foot and not self.nodes:  # a page of the list of pages alone: the list is the page
            g += [lines.html_node_line("contents", f"<{foot}>"), "}\n"]
            return g
        # the foot: the label of a subgraph "cluster_page" holding the page's nodes (what `g.subgraph(page)` writes:
        # its lines, each indented once more)
        page: list[str] = []
        if foot:
            foot_attr = {"label": f"<{foot}>", "labelloc": "b", "labeljust": "l", "peripheries": "0", "margin": "4"}
            page.append(f"\t{lines.a_list(foot_attr)}\n")
        for n in self.nodes:  # orphans and indicators without a place follow the tree, each marked
            emit(page, n)
        for name, (bodies, band, _links) in groups.items():
            lines.node(page, name, **self.body_attrs(bodies))
            if band is not None:
                by_band[band].append(name)
        for key in sorted(by_band):
            label = self.band_label(key, tallest.get(key, 0.0) if tb else 0.0)
            lines.node(page, f"band{key}", label=label, group="bands")
        if foot:
            g.append("\tsubgraph cluster_page {\n")
            for line in page:
                g += ("\t", line)
            g.append("\t}\n")
        else:
            g += page

        # each band left to right: its caption, then its boxes in the order of a walk down the tree
        # (siblings in document order); an invisible edge between neighbours of a rank keeps its tail
        # left of its head, so that the captions stay leftmost and the order is the document's
        position = {ref: i for i, ref in enumerate(self.sequence(groups))}
        previous = None
        beside = lines.rest(style="invis", weight="1")  # what `lines.edge(g, left, right, ...)` writes after the ends
        for key in sorted(by_band):
            caption = f"band{key}"
            row = sorted(by_band[key], key=lambda ref: position.get(ref, len(position)))
            # the band's rank: what `with g.subgraph() as same: same.attr(rank="same"); same.node(...)` writes
            g += ("\t{\n", "\t\trank=same\n", "\t", lines.node_line(caption))
            for ref in row:
                g += ("\t", lines.node_line(ref))
            g.append("\t}\n")
            if previous is not None:
                lines.edge(g, previous, caption, style="invis", weight="10")
            left = lines.name(caption)
            for ref in row:
                right = lines.name(ref)
                g.append(f"\t{left} -> {right}{beside}")
                left = right
            previous = caption

        # contribution edges, child by child in document order
        ports = {
            "down": ("s", "n") if tb else ("e", "w"),
            "flat": ("e", "w") if tb else ("s", "n"),
            "up": ("n", "s") if tb else ("w", "e"),
        }
        # what `lines.edge(g, "g1:box:s", "g2:box:n", dir="back", arrowtail="normal", weight="5")` writes after the ends
        contribution = lines.rest(dir="back", arrowtail="normal", weight="5")
        loose = lines.rest(dir="back", arrowtail="normal", weight="5", constraint="false")
        for v in self.nodes:
            for u in self.parents[v]:
                way = self.way(u, v)
                tail, head = ports[way]
                # a child beside or above its parent: the bands alone decide the ranks ("box" needs no quotes)
                rest = contribution if way == "down" else loose
                g.append(f"\t{lines.name(self.name[u])}:box:{tail} -> {lines.name(self.name[v])}:box:{head}{rest}")
            goal = self.p.attached.get(v)
            if goal in self.drawn:
                if v in self.p.beside:
                    lines.edge(
                        g,
                        f"{self.name[goal]}:box:e",
                        f"{self.name[v]}:box:w",
                        style="dotted",
                        dir="none",
                        constraint="false",
                    )
                else:
                    way = self.way(goal, v)
                    tail, head = ports[way]
                    lines.edge(
                        g,
                        f"{self.name[goal]}:box:{tail}",
                        f"{self.name[v]}:box:{head}",
                        style="dashed",
                        dir="back",
                        arrowtail="empty",
                        **({} if way == "down" else {"constraint": "false"}),
                    )
        for name, (_bodies, _band, links) in groups.items():
            for u in links:
                lines.edge(
                    g,
                    self.name[u],
                    name,
                    style="dashed",
                    dir="none",
                    constraint="false",
                    color=c["crosscutting_border"],
                    label=f"<{esc(self.t('crosscutting'))}>",
                    fontcolor=c["crosscutting_border"],
                )
        g.append("}\n")
        return g

    def sequence(self, groups) -> list[str]:
        """Graphviz names in the order of a walk down the tree from the page's top goals (document
        order among siblings); an indicator without a goal and a crosscutting hexagon follow the goal
        they belong to."""
        hexagons: dict[str, list[str]] = defaultdict(list)
        for name, (_bodies, _band, links) in groups.items():
            hexagons[links[0]].append(name)
        beside: dict[str, list[str]] = defaultdict(list)
        below: dict[str, list[str]] = defaultdict(list)
        for n in self.nodes:
            goal = self.p.attached.get(n)
            if goal in self.drawn:
                (beside if n in self.p.beside else below)[goal].append(n)
        out: list[str] = []
        seen: set[str] = set()

        def visit(start: str) -> None:
            stack = [start]
            while stack:
                n = stack.pop()
                if n in seen:
                    continue
                seen.add(n)
                out.append(self.name[n])
                out.extend(hexagons.get(n, ()))
                for m in beside.get(n, ()):
                    if m not in seen:
                        seen.add(m)
                        out.append(self.name[m])
                stack.extend(reversed([*self.kids.get(n, ()), *below.get(n, ())]))

        for n in self.nodes:
            if not self.parents[n] and self.p.attached.get(n) not in self.drawn:
                visit(n)
        for n in self.nodes:  # inside a cycle: no top reaches it
            visit(n)
        return out

    def way(self, u, v) -> str:
        bu, bv = self.p.band[u], self.p.band[v]
        return "down" if bv > bu else "flat" if bv == bu else "up"

    def crosscutting(self) -> dict[str, tuple[list[str], int | None, list[str]]]:
        """Other bodies named by drawn goals, grouped when the same goals name them (as the Praya
        chart draws "SatPol PP, TNI, POLRI"): Graphviz name -> (bodies, band of the first goal
        naming them, the goals naming them)."""
        links: dict[str, list[str]] = defaultdict(list)
        named = self.lines.crosscutting
        for n in self.nodes:
            names = named.get(n)
            if names is None:  # once per goal and drawing: the pages a planner asks about repeat their goals
                names = named[n] = tuple(
                    v
                    for v in sorted(self.G.successors(n), key=self.order)
                    if self.G.edges[n, v]["kind"] == "crosscutting"
                )
            for v in names:
                links[v].append(n)
        if not links:  # most pages name no other body
            return {}
        groups: dict[tuple, list[str]] = {}
        for body in sorted(links, key=self.order):
            groups.setdefault(tuple(links[body]), []).append(body)
        out = {}
        for goals, bodies in groups.items():
            out[f"x{self.order(bodies[0])}"] = (bodies, self.p.band.get(goals[0]), list(goals))
        return out

    # ------------------------------------------------------------------ title, legend, foot

    def title(self) -> str:
        s, G = self.style, self.G
        org = G.graph.get("organisation")
        org_name = getattr(org, "name", None) or ""
        rows = [
            f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{s.title_font_size}">'
            f"<B>{esc(self.t('title', organisation=org_name).strip())}</B></FONT></TD></TR>"
        ]
        lines = self.subtitle()
        if lines:
            text = "<BR/>".join(esc(x) for x in lines)
            rows.append(
                f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="{s.band_font_size}">{text}</FONT></TD></TR>'
            )
        if self.part.kind != "contents":  # a page listing pages draws no boxes to explain
            rows.append(f'<TR><TD ALIGN="LEFT">{self.legend()}</TD></TR>')
        return f'<<TABLE BORDER="0" CELLSPACING="2" CELLPADDING="2">{"".join(rows)}</TABLE>>'

    def subtitle(self) -> list[str]:
        """The lines under the title: period, year, page, what the page holds."""
        if self._subtitle is None:
            G = self.G
            sub = []
            period = period_text(G.graph.get("period"))
            if period:
                sub.append(self.t("period", period=period))
            if self.opt.year is not None:
                sub.append(self.t("year", year=self.opt.year))
            if self.part.total > 1:
                sub.append(self.t("page", number=self.num(self.part.number), total=self.num(self.part.total)))
            caption = self.caption()
            if caption:
                sub.append(caption)
            if self.opt.layout == "structure":
                sub.append(self.t("layout_structure"))
            self._subtitle = labels.wrap(" · ".join(sub), 140) if sub else []
        return self._subtitle

    def caption(self) -> str | None:
        part, G = self.part, self.G
        if part.focus is not None and part.focus in G and part.kind in ("subtree", "branch", "whole"):
            caption = self.t(
                "subtree",
                id=labels.shorten(part.focus, 40),
                statement=labels.shorten(G.nodes[part.focus].get("statement") or "", 90),
            )
            if part.depth is not None:
                caption += " — " + self.t("depth", depth=part.depth)
            return caption
        if part.kind == "overview":
            return self.t("overview")
        if part.kind == "contents":
            return self.t("contents")
        if part.kind == "loose":
            return self.t("loose_page") if any(n in self.p.tray for n in self.nodes) else self.t("orphans_frame")
        if part.kind == "rest":
            return self.t("rest")
        if part.kind == "branch" and part.number:
            return self.t("branch", heads=self.heads_text())
        if part.depth is not None:
            return self.t("depth", depth=part.depth)
        return None

    def heads_text(self) -> str:
        tops = [n for n in self.nodes if not self.parents[n] and n not in self.p.attached]
        if len(tops) == 1:
            statement = self.G.nodes[tops[0]].get("statement") or ""
            return f"{labels.shorten(tops[0], 40)} {labels.shorten(statement, 80)}"
        shown = ", ".join(labels.shorten(n, 20) for n in tops[:6])
        return shown + (f" (+{len(tops) - 6})" if len(tops) > 6 else "")

    def legend(self) -> str:
        """One row: the fills (tiers, crosscutting), then the marks (missing, arrow, findings). Made once per
        drawing for each of what it depends on in a page (`_legend`)."""
        loose = any(n in self.p.attached or n in self.p.tray for n in self.nodes)
        mismatch = self.opt.layout == "structure" and any(n in self.p.mismatch for n in self.nodes)
        key = (loose, mismatch)
        got = self.lines.legends.get(key)
        if got is None:
            got = self.lines.legends[key] = self._legend(loose, mismatch)
        return got

    def _legend(self, loose: bool, mismatch: bool) -> str:
        """`legend` of a page with goals drawn loose (`loose`) or not, with goals whose level the structure layout
        marks (`mismatch`) or not."""
        s, c = self.style, self.c

        def text(value: str) -> str:
            return "<BR/>".join(esc(x) for x in labels.wrap(value, 28))

        cells = [f"<TD><B>{esc(self.t('legend'))}:</B></TD>"]
        for tier, name in self.levels.tiers.items():
            cells.append(
                f'<TD BGCOLOR="{s.tier_colour(tier)}" BORDER="1" COLOR="{c["border"]}">{text(name[self.lang])}</TD>'
            )
        cells.append(
            f'<TD BGCOLOR="{c["crosscutting"]}" BORDER="1" COLOR="{c["crosscutting_border"]}">'
            f"{text(self.t('crosscutting') + ': ' + self.t('legend_crosscutting'))}</TD>"
        )
        cells.append(
            f'<TD BGCOLOR="{c["missing"]}" BORDER="1" STYLE="dashed" COLOR="{c["missing_border"]}">'
            f'<FONT COLOR="{c["missing_border"]}"><I>{text(self.t("legend_missing"))}</I></FONT></TD>'
        )
        if loose:
            cells.append(f'<TD BORDER="1" STYLE="dashed" COLOR="{c["border"]}">{text(self.t("legend_loose"))}</TD>')
        marks = [f"<TD>↑ {text(self.t('legend_contribution'))}</TD>"]
        if mismatch:
            marks.append(f'<TD><FONT COLOR="{c["mismatch"]}">{text(self.t("legend_mismatch"))}</FONT></TD>')
        if self.overlay.active:
            severities = ("error", "warning", "info") if self.overlay.include_info else ("error", "warning")
            for severity in severities:
                colour = c[severity]
                marks.append(
                    f'<TD BORDER="{2 if severity == "info" else 3}" COLOR="{colour}">'
                    f'<FONT COLOR="{colour}">{text(self.t("legend_" + severity))}</FONT></TD>'
                )
            marks.append(f"<TD>{text(self.t('legend_codes', prefix=self.t('code_prefix')))}</TD>")
        row = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="3"><TR>{}</TR></TABLE>'
        return (
            f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
            f'<TR><TD ALIGN="LEFT">{row.format("".join(cells))}</TD></TR>'
            f'<TR><TD ALIGN="LEFT">{row.format("".join(marks))}</TD></TR></TABLE>'
        )

    def foot(self, tree: tuple[float, float]) -> str:
        """The numbered list of findings (and, on the overview, the list of pages), at the foot,
        in as many columns as make the page print largest. Each item is one cell (Graphviz widens
        a nested table to its cell: extra width falls to the right of left-aligned text, never
        between a code and its text)."""
        c = self.c
        blocks: list[tuple[str, list[tuple[str, int]]]] = []
        entries = self.marks.entries if self.opt.findings_list else []
        if entries:
            items = []
            for e in entries:
                colour = c[e.severity] if e.severity in ("error", "warning", "info") else c["text"]
                where = labels.shorten(e.node, 24) if e.node is not None else self.t("whole_cascade")
                code = f"{SEVERITY_MARK.get(e.severity, '')}\u00a0{e.code}"
                lines = labels.wrap(f"{code} {e.rule} · {where}: {e.text}", LIST_CHARS)
                first = lines[0][len(code) :]
                body = "<BR/>".join(
                    [f'<FONT COLOR="{colour}"><B>{esc(code)}</B></FONT>{esc(first)}']
                    + ["\u00a0\u00a0\u00a0" + esc(x) for x in lines[1:]]
                )
                items.append((body, len(lines)))
            blocks.append((self.t("findings_title"), items))
        if self.contents:
            items = []
            for number, (_value, text) in zip(self.listed(), self.contents, strict=True):
                lines = labels.wrap(f"{number}\u00a0\u00a0{text}", LIST_CHARS)
                first = lines[0][len(number) :]
                body = "<BR/>".join(
                    [f"<B>{number}</B>{esc(first)}"] + ["\u00a0\u00a0\u00a0" + esc(x) for x in lines[1:]]
                )
                items.append((body, len(lines)))
            blocks.append((self.t("contents"), items))
        if not blocks:
            self.foot_lines = 0
            return ""
        line = self.style.small_font_size * 1.35
        column = LIST_CHARS * self.style.small_font_size * 0.5 + 16
        title = self.title_height()

        def size(k: int) -> tuple[float, float]:
            height = sum(-(-sum(n for _, n in items) // min(k, len(items))) * line + 34 for _, items in blocks)
            return max(tree[0] + BAND_COLUMN, k * column), title + tree[1] + height

        best = max(range(1, 5), key=lambda k: (round(self.print_scale(*size(k)), 2), -k))
        tables = [self.listing(heading, items, best) for heading, items in blocks]
        self.foot_lines = sum(n for _, n in tables)
        rows = "".join(f'<TR><TD ALIGN="LEFT">{table}</TD></TR>' for table, _ in tables)
        return f'<TABLE BORDER="0" CELLSPACING="2" CELLPADDING="0">{rows}</TABLE>'

    def print_scale(self, width: float, height: float) -> float:
        """Relative scale at which a page of this size prints on an A-series sheet (√2 : 1)."""
        ratio = 2**0.5
        options = {"landscape": min(ratio / width, 1 / height), "portrait": min(1 / width, ratio / height)}
        if self.opt.orientation in options:
            return options[self.opt.orientation] * 1000
        return max(options.values()) * 1000

    def title_height(self) -> float:
        return _title_height(self.style)

    def listing(self, heading: str, items: list[tuple[str, int]], columns: int) -> tuple[str, int]:
        """Items (label text with its line count) under a heading in `columns` columns, filled top
        to bottom; and the number of lines it takes."""
        s = self.style
        columns = max(1, min(columns, len(items)))
        total = sum(lines for _, lines in items)
        per = total / columns
        cols: list[list[str]] = [[]]
        used = 0
        for body, lines in items:
            if used >= per * len(cols) - 0.01 and len(cols) < columns and cols[-1]:
                cols.append([])
            cols[-1].append(
                f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="{s.small_font_size}">{body}</FONT></TD></TR>'
            )
            used += lines
        inner = '<TD ALIGN="LEFT" VALIGN="TOP"><TABLE BORDER="0" CELLSPACING="1" CELLPADDING="1">{}</TABLE></TD>'
        cells = "".join(inner.format("".join(col)) for col in cols)
        head = f'<FONT POINT-SIZE="{s.band_font_size}"><B>{esc(heading)}</B></FONT>'
        table = (
            f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="0">'
            f'<TR><TD ALIGN="LEFT" COLSPAN="{len(cols)}">{head}</TD></TR><HR/><TR>{cells}</TR></TABLE>'
        )
        return table, -(-total // len(cols)) + 2

    # ------------------------------------------------------------------ band captions

    def band_label(self, key: int, height: float) -> str:
        """The caption at the left of a band, its top aligned with the band's boxes (`height`: the
        tallest of them). Level layout: tier on the first level of a tier, level, planning name.
        Structure layout: the place in the tree, and the level that place suggests. Made once per drawing for
        each band and height."""
        got = self.lines.bands.get((key, height))
        if got is None:
            got = self.lines.bands[(key, height)] = self._band_label(key, height)
        return got

    def _band_label(self, key: int, height: float) -> str:
        s, c = self.style, self.c
        small_lines: list[str] = []
        if self.opt.layout == "structure":
            words = [self.t("band_depth", number=key + 1)]
            expected = self.p.top_rank + key
            level = self.level_by_rank(expected)
            if level is not None:
                small_lines = labels.wrap(f"({self.t('band_expected', level=level.name[self.lang])})", 18)
            else:
                deepest = self.levels.levels[-1]
                small_lines = labels.wrap(f"({self.t('band_deeper', level=deepest.name[self.lang])})", 18)
        else:
            level = self.level_by_rank(key)
            words = []
            if level is None:
                words.append(self.t("no_level"))
            else:
                first_of_tier = not any(lv.tier == level.tier and lv.rank < level.rank for lv in self.levels.levels)
                if first_of_tier:
                    words.append(self.levels.tiers[level.tier][self.lang] + "\u00a0—")  # the dash stays on its line
                words.append(level.name[self.lang])
                planning = level.planning.get(self.lang) if level.planning else None
                if planning:
                    small_lines = labels.wrap(f"({planning})", 18)
        lines = [line for w in words for line in labels.wrap(w, 12)]
        text = f'<FONT POINT-SIZE="{s.band_font_size}"><B>{"<BR/>".join(esc(x) for x in lines)}</B></FONT>'
        own = len(lines) * s.band_font_size * 1.2 + 14
        if small_lines:
            text += f'<BR/><FONT POINT-SIZE="{s.small_font_size}">{"<BR/>".join(esc(x) for x in small_lines)}</FONT>'
            own += len(small_lines) * s.small_font_size * 1.2
        pad = round(height - own)
        spacer = f'<TR><TD HEIGHT="{pad}"></TD></TR>' if pad > 0 else ""
        return (
            f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR><TD>'
            f'<TABLE BORDER="1" COLOR="{c["band_border"]}" STYLE="rounded" BGCOLOR="{c["band"]}" CELLBORDER="0" '
            f'CELLPADDING="5" WIDTH="112"><TR><TD>{text}</TD></TR></TABLE></TD></TR>{spacer}</TABLE>>'
        )

    def level_by_rank(self, rank: int):
        return next((lv for lv in self.levels.levels if lv.rank == rank), None)

    # ------------------------------------------------------------------ boxes

    def codes(self, n) -> str:
        marks = []
        for code, severity in self.marks.codes.get(n, ()):
            colour = self.c.get(severity, self.c["text"])
            marks.append(f'<FONT COLOR="{colour}"><B>{SEVERITY_MARK.get(severity, "")}{esc(code)}</B></FONT>')
        return " ".join(marks)

    def border(self, n) -> tuple[str, str, str]:
        """Border width, colour and style of a box: its worst coded finding."""
        worst = self.marks.worst.get(n)
        if worst == "error":
            return "3", self.c["error"], "rounded"
        if worst == "warning":
            return "3", self.c["warning"], "rounded"
        if worst == "info":
            return "2", self.c["info"], "rounded"
        return "1", self.c["border"], "rounded"

    def box(self, n) -> tuple[str, float, float]:
        """A goal's box (an HTML-like table), and its estimated width and height in points. A box
        that would be very tall (a goal with many indicators) is drawn wider instead. The overview
        draws the goals that continue on their own page without their indicators."""
        compact = n in self.summaries
        key = None
        if self.box_cache is not None:  # everything on the page the box depends on
            marks = self.marks
            key = (n, compact, self.codes(n), marks.worst.get(n), tuple(marks.missing.get(n, ())), tuple(self.notes(n)))
        return _widened(self.box_cache, key, self.wrap, lambda width: self.table(n, width, compact), 2)

    def cached_content(self, n, width: int, compact: bool) -> tuple[str, str, float, float]:
        """`content(n, width, compact)`: what the box says of its goal alone (the same on every page), made once per
        run when there is a box cache."""
        if self.box_cache is None:
            return self.content(n, width, compact)
        key = ("content", n, width, compact)
        content = self.box_cache.get(key)
        if content is None:
            content = self.box_cache[key] = self.content(n, width, compact)
        return content

    def table(self, n, width: int, compact: bool) -> tuple[str, float, float]:
        s, c, d = self.style, self.c, self.G.nodes[n]
        small = s.small_font_size
        is_goal = d["kind"] == "goal"
        fill = s.tier_colour(d["tier"]) if is_goal else c["indicator_only"]
        head, middle, widest, height = self.cached_content(n, width, compact)
        box = _BoxRows(height, widest, small)
        row, rows = box.add, box.rows
        codes = tag("FONT", self.codes(n), f'POINT-SIZE="{small}"')
        rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{head}</TD><TD ALIGN="RIGHT">{codes}</TD></TR>{middle}')
        indicators = d.get("indicators") or []
        owner = d.get("owner")
        owner = None if owner is None or not str(owner).strip() else owner
        missing = self.missing_words(n, indicators, owner)
        if missing and not compact:
            row(*self.patch(self.t("missing_list", what=", ".join(missing)), width), small, 2.0)
        for note, colour in self.notes(n):
            lines = labels.wrap(note, int(width * 1.4))
            row(
                f'<TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="{small}" COLOR="{colour}"><B>'
                f"{'<BR/>'.join(esc(x) for x in lines)}</B></FONT></TD></TR>",
                lines,
                small,
            )
        bw, bc, style = self.border(n)
        if not is_goal:
            style = "rounded,dashed" if style == "rounded" else style
        table = (
            f'<TABLE BORDER="{bw}" COLOR="{bc}" STYLE="{style}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2" '
            f'BGCOLOR="{fill}">{"".join(rows)}</TABLE>'
        )
        return table, box.widest + 2 * int(bw) + 4, box.height + 2 * int(bw) + 4

    def content(self, n, width: int, compact: bool) -> tuple[str, str, float, float]:
        """The rows of a goal's box that depend on the goal alone: the head's text (id, level), and the rows
        under it down to the owner; with the width and height they take, the head's row included."""
        s, c, d = self.style, self.c, self.G.nodes[n]
        small, size = s.small_font_size, s.font_size
        min_width = int(width * size * _CHAR) + 8
        is_goal = d["kind"] == "goal"
        box = _BoxRows(small + 4.0, float(min_width), size)  # the head's row
        row = box.add

        # the head: id (and the declared level where the layout does not say it), codes at the right
        head = esc(labels.shorten(n, 2 * width))
        if self.opt.layout == "structure" and d["level"] is not None and d["rank"] is not None:
            level = self.level_by_rank(d["rank"])
            if level is not None:
                head += f" · {esc(level.name[self.lang])}"
        if is_goal and (d["level"] is None or d["rank"] is None):
            head += f" · <I>{esc(self.t('no_level'))}</I>"
        head = tag("FONT", head, f'POINT-SIZE="{small}" COLOR="{c["muted"]}"')
        notes = getattr(d.get("node"), "notes", None) or {}
        for key in self.style.planning_notes:
            value = notes.get(key) if isinstance(notes, dict) else None
            if value and str(value).strip():
                word = self.t("note_" + key)
                text = labels.wrap(f"{word}: {labels.clean(value)}", int(width * 1.2))
                row(
                    f'<TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT">'
                    f'<FONT POINT-SIZE="{small}" COLOR="{c["muted"]}"><I>'
                    f"{'<BR/>'.join(esc(x) for x in text)}</I></FONT></TD></TR>",
                    text,
                    small,
                )
        if is_goal:
            text = labels.wrap(d["statement"], width)
            row(
                f'<TR><TD COLSPAN="2" WIDTH="{min_width}">{"<BR/>".join(tag("B", x) for x in esc_lines(text))}</TD></TR>',
                text,
            )
        else:
            row(f'<TR><TD COLSPAN="2" WIDTH="{min_width}"><I>{esc(self.t("indicator_only"))}</I></TD></TR>', 1)
        indicators = d.get("indicators") or []
        owner = d.get("owner")
        owner = None if owner is None or not str(owner).strip() else owner
        for ind in indicators if not compact else ():
            row(*self.prefixed(self.t("indicator"), ind.name, width))
            if self.opt.year is not None:
                target = self.target_text(ind)
                label = self.t("target", year=self.opt.year)
                if target is not None:
                    row(*self.prefixed(label, target, width))
        if owner is not None:
            row(*self.prefixed(self.t("owner"), owner, width, bold=True))
        return head, "".join(box.rows), box.widest, box.height

    def missing_words(self, n, indicators, owner) -> list[str]:
        """What the box lacks: from the data, and from the checker's missing-data findings."""
        words = []
        if not indicators:
            words.append(self.t("indicator"))
        if owner is None and self.G.nodes[n]["kind"] == "goal":
            words.append(self.t("owner"))
        if self.opt.year is not None and any(self.target_text(ind) is None for ind in indicators):
            words.append(self.t("target", year=self.opt.year))
        for word in self.marks.missing.get(n, ()):
            if word not in words and not (word == self.t("target_word") and self.opt.year is not None):
                words.append(word)
        return words

    def notes(self, n) -> list[tuple[str, str]]:
        """Marks under a box: where it stands in the tree, and where it continues (made once per page: the
        page numbers in them are numbered in the order they are made)."""
        got = self._notes.get(n)
        if got is None:
            got = self._notes[n] = self._make_notes(n)
        return got

    def _make_notes(self, n) -> list[tuple[str, str]]:
        c, d = self.c, self.G.nodes[n]
        out: list[tuple[str, str]] = []
        if n in self.p.orphans:
            missing = d.get("missing_parents") or []
            if missing:
                out.append(
                    (self.t("missing_parent", parent=", ".join(labels.shorten(m, 30) for m in missing)), c["error"])
                )
            else:
                out.append((self.t("orphan"), c["error"]))
        if n in self.p.by_position and self.opt.layout == "level":
            out.append((self.t("placed_by_position"), c["mismatch"]))
        if self.opt.layout == "structure" and n in self.p.mismatch:
            declared = self.level_by_rank(d["rank"])
            expected = self.p.expected.get(n)
            expected_level = self.level_by_rank(expected) if expected is not None else None
            out.append(
                (
                    self.t(
                        "mismatch",
                        declared=declared.name[self.lang] if declared else "-",
                        expected=expected_level.name[self.lang]
                        if expected_level
                        else self.t("band_deeper", level=self.levels.levels[-1].name[self.lang]),
                    ),
                    c["mismatch"],
                )
            )
        home = self.part.home
        if home is not None:
            up = [u for u in self.p.parents.get(n, ()) if u not in self.drawn and u in home]
            for u in up:
                out.append(
                    (
                        self.t("continued_up", id=labels.shorten(u, 30), page=self.num(home.get(u, UNKNOWN_PAGE))),
                        c["text"],
                    )
                )
            goal = self.p.attached.get(n)
            if goal is not None and goal not in self.drawn and goal in home:
                out.append((self.t("continued_up", id=labels.shorten(goal, 30), page=self.num(home[goal])), c["text"]))
        away = [v for v in self.away.get(n, ())]
        if away:
            placed = [v for v in away if home is not None and v in home]
            if placed and home is not None:
                pages = sorted({home[v] for v in placed})
                count = self.count_below(n, placed)
                out.append(
                    (self.t("continued_down", count=count, pages=", ".join(self.num(p) for p in pages)), c["text"])
                )
            hidden = [v for v in away if home is None or v not in home]
            if hidden:
                note = self.t("more_below", count=self.count_below(n, hidden))
                if n in self.links:
                    note += " · " + self.t("see_file", file=self.links[n])
                out.append((note, c["text"]))
        return out

    def count_below(self, n, start: list[str]) -> int:
        """How many goals under n, starting from `start`, this page does not draw (`below_away`). Worked out
        once per drawing: a walk done for another page holds here too when none of the goals it found is
        drawn on this page and every goal it stopped at is (the pages a planner asks about differ in a few
        goals)."""
        key = (n, *start)
        known = self.lines.below.get(key)
        if known is not None and known[0].isdisjoint(self.drawn) and known[1] <= self.drawn:
            return len(known[0])
        found = self.below_away(n, set(start))
        stopped = frozenset(v for m in found for v in self.p.kids.get(m, ()) if v not in found)
        self.lines.below[key] = (frozenset(found), stopped)
        return len(found)

    def below_away(self, n, start: set[str]) -> set[str]:
        """The goals under n, starting from `start`, that this page does not draw."""
        seen = set(start)
        stack = list(start)
        while stack:
            for v in self.p.kids.get(stack.pop(), ()):
                if v not in seen and v not in self.drawn:
                    seen.add(v)
                    stack.append(v)
        return seen

    def patch(self, text: str, width: int) -> tuple[str, list[str]]:
        """The grey dashed patch marking missing data, in the small font."""
        lines = labels.wrap(text, int(width * 1.4))
        c = self.c
        return (
            f'<TR><TD COLSPAN="2" BORDER="1" STYLE="dashed" COLOR="{c["missing_border"]}" BGCOLOR="{c["missing"]}">'
            f'<FONT POINT-SIZE="{self.style.small_font_size}" COLOR="{c["missing_border"]}">'
            f"<I>{'<BR/>'.join(esc(x) for x in lines)}</I></FONT></TD></TR>",
            lines,
        )

    def prefixed(self, word: str, text, width: int, bold: bool = False) -> tuple[str, list[str]]:
        """A row "Word: text", wrapped, the word in italics; and its lines."""
        wrapped = labels.wrap(f"{word}: {labels.clean(text)}", width)
        first = wrapped[0]
        rest = first[len(word) + 1 :]
        escaped = esc_lines([rest, *wrapped[1:]])
        out = f"<I>{esc(word)}:</I>" + (f"<B>{escaped[0]}</B>" if bold and rest else escaped[0])
        more = [tag("B", x) for x in escaped[1:]] if bold else escaped[1:]
        return f'<TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT">{"<BR/>".join([out, *more])}</TD></TR>', wrapped

    def target_text(self, ind) -> str | None:
        target = (ind.targets or {}).get(self.opt.year)
        if target is None or target.kind == "blank" or not str(target.text).strip():
            return None
        text = str(target.text).strip()
        if target.kind == "number" and not target.unit and ind.unit:
            text += f" {ind.unit}"
        return text

    def body_attrs(self, bodies: list[str]) -> dict:
        """Other bodies named by the same goals: one hexagon, one line (or a few) per body. A body
        whose name is empty (crosscutting "#x": an organisation's key without a name) says so."""
        s, c = self.style, self.c
        parts = []
        worst = None
        for body in bodies:
            d = self.G.nodes[body]
            name = str(d.get("name") or "").strip() or self.t("no_name")
            text = f"<B>{labels.lines(name, self.wrap)}</B>"
            ref = d.get("ref")
            if ref is not None and getattr(ref, "node", None):
                text += f'<BR/><FONT POINT-SIZE="{s.small_font_size}">#{esc(ref.node)}</FONT>'
            codes = self.codes(body)
            if codes:
                text += f'<BR/><FONT POINT-SIZE="{s.small_font_size}">{codes}</FONT>'
            parts.append(text)
            severity = self.marks.worst.get(body)
            if severity is not None and (
                worst is None
                or ("error", "warning", "info").index(severity) < ("error", "warning", "info").index(worst)
            ):
                worst = severity
        colour = c[worst] if worst else c["crosscutting_border"]
        return {
            "label": f"<{'<BR/>'.join(parts)}>",
            "shape": "hexagon",
            "style": "filled",
            "fillcolor": c["crosscutting"],
            "color": colour,
            "penwidth": "3" if worst else "1.5",
            "margin": "0.05,0.05",
        }

    # ------------------------------------------------------------------ size, before Graphviz

    def tree_estimate(self, boxes, beside: bool = False) -> float:
        """How wide the tree is, as the boxes suggest: a tree is as wide as its leaves. `beside`: a goal's
        child in its own band, and an indicator without a goal drawn beside a goal of its owner (layout.py),
        stand beside that goal, as Graphviz draws them, instead of counting as leaves below it (the page's
        size estimate; the foot's lists keep the narrower width they were laid out with)."""
        gap = 0.15 * 72
        widths = {n: w for n, (_t, w, _h) in boxes.items()}
        below, aside, placed = self._subtrees(beside)
        memo: dict[str, float] = {}

        def width(n) -> float:
            if n in memo:
                return memo[n]
            memo[n] = 0.0 if beside else widths[n]  # a cycle stops here (counted once, where it starts)
            inner = sum(width(v) for v in below[n]) + gap * max(0, len(below[n]) - 1)
            memo[n] = max(widths[n], inner) + sum(gap + width(v) for v in aside[n])
            return memo[n]

        tops = self._tops(placed, below, aside, cycles=beside)
        bodies = 120.0 * len(self.groups)
        return sum(width(n) for n in tops) + gap * max(0, len(tops) - 1) + bodies

    def _subtrees(self, beside: bool) -> tuple[dict[str, list[str]], dict[str, list[str]], set[str]]:
        """Each goal under its first parent on the page, and each indicator without a goal under the goal it is
        drawn with: what stands below each goal, what stands beside it (`beside`: a child in its goal's own band,
        an indicator drawn beside its goal), and every goal or indicator so placed."""
        below: dict[str, list[str]] = defaultdict(list)
        aside: dict[str, list[str]] = defaultdict(list)
        band = self.p.band
        placed: set[str] = set()
        for n in self.nodes:
            for v in self.kids[n]:
                if v not in placed:
                    placed.add(v)
                    (aside if beside and band[v] == band[n] else below)[n].append(v)
        for i in self.nodes:
            goal = self.p.attached.get(i)
            if goal in self.drawn and i not in placed:
                placed.add(i)
                (aside if beside and i in self.p.beside else below)[goal].append(i)
        return below, aside, placed

    def _tops(self, placed: set[str], below: dict, aside: dict, cycles: bool) -> list[str]:
        """The page's tops (what no goal of the page holds), and with `cycles` the goals in a cycle no top reaches,
        each where its walk starts: drawn all the same (as `sequence` walks them)."""
        tops = [n for n in self.nodes if n not in placed]
        if cycles:
            reached: set[str] = set()
            for start in [*tops, *self.nodes]:
                if start in reached:
                    continue
                if start not in tops:
                    tops.append(start)
                stack = [start]
                while stack:
                    n = stack.pop()
                    if n not in reached:
                        reached.add(n)
                        stack.extend(below[n])
                        stack.extend(aside[n])
        return tops

    def estimate(self, tallest) -> tuple[float, float]:
        """The page's size in points as the boxes suggest."""
        tree = self.size_width
        bands = sorted(tallest)
        h = sum(tallest[b] for b in bands) + 0.35 * 72 * max(0, len(bands) - 1)
        foot = getattr(self, "foot_lines", 0) * self.style.small_font_size * 1.35 + (40 if self.foot_lines else 0)
        # the title block is as wide as its longest line under the title (or the legend, about 700 points)
        header = max((len(line) for line in self.subtitle()), default=0) * self.style.band_font_size * _CHAR + 33
        w = max(BAND_COLUMN + tree + 20, 700.0, header)
        if self.opt.direction == "LR":
            w, h = max(h + BAND_COLUMN, 700.0, header), tree + 60
        return (round(w, 1), round(h + self.title_height() + foot + 20, 1))


class _Estimate(_Builder):
    """A page's estimated size as `_Builder._build` works it out, without the boxes' tables or the DOT
    (`estimated_diagram`). Its page numbers are all the placeholder itself: every placeholder `_Builder.num`
    makes is as wide, and the size depends on the widths alone; so a box whose notes are the same but for their
    placeholders has the same size on every page, and its size is worked out once per drawing (`box_size`)."""

    cyclic: frozenset[str] | None = None  # `_cyclic` of the placement: set on the pages `Estimates` makes

    def num(self, value: int) -> str:
        return str(value) if self.placeholder is None else str(self.placeholder)

    def sizes(self) -> tuple[tuple[float, float], float, tuple[float, float]]:
        """`_build`'s `Diagram.estimated_size`, `smallest_font` and `tree_size`, in its steps and order."""
        self.groups = self.crosscutting()
        # each box's width, and the tallest box of each band (the bands in the order their first box comes, as
        # `_build`'s defaultdict has them: the tree's height adds them in that order)
        widths: dict[str, float] = {}
        tallest: dict[int, float] = {}
        band, box_size = self.p.band, self.box_size
        for n in self.nodes:
            widths[n], h = box_size(n)
            b = band[n]
            known = tallest.get(b)
            tallest[b] = h if known is None else max(known, h)  # heights are positive: max(0.0, h) is h
        self.tree_width, self.size_width = self.tree_widths(widths)
        tree_height = sum(tallest.values()) + 0.35 * 72 * max(0, len(tallest) - 1)
        self.foot((self.tree_width, tree_height))
        return self.estimate(tallest), float(self.style.small_font_size), (self.tree_width, tree_height)

    def tree_widths(self, widths: dict[str, float]) -> tuple[float, float]:
        """`tree_estimate(boxes)` and `tree_estimate(boxes, beside=True)` of the boxes of these `widths`, the page's
        goals placed under their parents once for both (`_subtrees` places the same goals either way; only below or
        beside differs)."""
        below: dict[str, list[str]] = defaultdict(list)  # beside=False: everything below
        under: dict[str, list[str]] = defaultdict(list)  # beside=True: below, and beside
        aside: dict[str, list[str]] = defaultdict(list)
        band, attached, beside, drawn = self.p.band, self.p.attached, self.p.beside, self.drawn
        placed: set[str] = set()
        for n in self.nodes:
            for v in self.kids[n]:
                if v not in placed:
                    placed.add(v)
                    below[n].append(v)
                    (aside if band[v] == band[n] else under)[n].append(v)
        for i in self.nodes:
            goal = attached.get(i)
            if goal in drawn and i not in placed:
                placed.add(i)
                below[goal].append(i)
                (aside if i in beside else under)[goal].append(i)
        bodies = 120.0 * len(self.groups)
        tops = self._tops(placed, below, {}, cycles=False)
        # a page drawing no goal a cycle may pass through: every goal is under a top, and the walk finds no more tops
        cyclic = self.cyclic
        wide_tops = tops if cyclic is not None and cyclic.isdisjoint(drawn) else self._tops(placed, under, aside, True)
        narrow = _tree_width(widths, below, {}, tops, False)
        if not aside and len(wide_tops) == len(tops):
            # nothing beside its goal, and every goal under a top: the same walk (a cycle, where the two differ,
            # is never under a top: each goal is placed under one goal at most)
            return narrow + bodies, narrow + bodies
        wide = _tree_width(widths, under, aside, wide_tops, True)
        return narrow + bodies, wide + bodies

    def heads_text(self) -> str:
        """`_Builder.heads_text`, made once per drawing for each set of top goals."""
        if self.box_cache is None:
            return super().heads_text()
        parents, attached = self.parents, self.p.attached
        key = ("heads", tuple(n for n in self.nodes if not parents[n] and n not in attached))
        known = self.box_cache.get(key)
        if known is None:
            known = self.box_cache[key] = (super().heads_text(),)
        return known[0]

    def page(self, part: Part) -> _Estimate | None:
        """The estimating builder of `part` made from this one, a page of no goals of the same kind, number, total
        and homes: what `_Builder.__init__` works out for the page's goals, and nothing for its DOT. None when `part`
        is not of its kind."""
        before = self.part
        if (
            part.kind != before.kind
            or part.focus != before.focus
            or part.depth != before.depth
            or part.number != before.number
            or part.total != before.total
            or part.home is not before.home
        ):
            return None
        page = object.__new__(type(self))
        page.__dict__.update(self.__dict__)
        p = self.p
        order, kids_of, parents_of = p.order, p.kids, p.parents
        nodes = list(filter(order.__contains__, part.nodes))
        drawn = set(nodes)
        on = drawn.__contains__
        kids: dict[str, list[str]] = {}
        parents: dict[str, list[str]] = {}
        away: dict[str, list[str]] = {}
        for n in nodes:
            below = kids_of.get(n)
            if below:
                kids[n] = list(filter(on, below))
                away[n] = list(filterfalse(on, below))
            else:
                kids[n], away[n] = [], []
            parents[n] = list(filter(on, parents_of.get(n, ())))
        page.part, page.nodes, page.drawn, page.kids, page.parents, page.away = part, nodes, drawn, kids, parents, away
        page._notes, page._subtitle = {}, None
        return page

    def subtitle(self) -> list[str]:
        """`_Builder.subtitle`, made once per drawing for each caption: its page numbers are the placeholder."""
        if self._subtitle is None and self.box_cache is not None and self.placeholder is not None:
            part = self.part
            if part.kind == "branch" and part.number and part.focus is None:
                # the caption names the page's top goals (`caption`, `heads_text`): known by them, not written out
                parents, attached = self.parents, self.p.attached
                tops = tuple([n for n in self.nodes if not parents[n] and n not in attached])
                key: tuple = ("subtitle", part.total > 1, "branch", tops)
            else:
                key = ("subtitle", part.total > 1, self.caption())
            known = self.box_cache.get(key)
            if known is None:
                known = self.box_cache[key] = tuple(super().subtitle())
            self._subtitle = list(known)
        return super().subtitle()

    def box_size(self, n) -> tuple[float, float]:
        """`box(n)`'s width and height: the rows `table` counts, and the wider box for a tall one."""
        compact = n in self.summaries
        key = None
        cache = self.box_cache
        if cache is not None:  # what the size depends on (the codes take no room of their own)
            marks = self.marks
            # with placeholders, the notes are known by what they are made from (`note_inputs`): not written out
            # for a box whose size is known
            notes = tuple(self.notes(n)) if self.placeholder is None else self.note_inputs(n)
            key = ("size", n, compact, marks.worst.get(n), tuple(marks.missing.get(n, ())), notes)
            known = cache.get(key)
            if known is not None:
                return known
        return _widened(cache, key, self.wrap, lambda width: self._table_size(n, width, compact), 1)

    def note_inputs(self, n) -> tuple:
        """What `_make_notes(n)` makes its notes of when every page number is the placeholder, besides the goal
        and the drawing (the same notes for the same inputs): the parents drawn elsewhere, whether the goal it hangs
        on is, how many pages its children drawn elsewhere are on and how many goals lie below them, and how many
        goals below its children drawn on no page."""
        home, drawn = self.part.home, self.drawn
        up: tuple = ()
        goal_away = False
        if home is not None:
            up = tuple([u for u in self.p.parents.get(n, ()) if u not in drawn and u in home])
            goal = self.p.attached.get(n)
            goal_away = goal is not None and goal not in drawn and goal in home
        down = more = None
        away = self.away.get(n, ())
        if away:
            placed = [v for v in away if home is not None and v in home]
            if placed and home is not None:
                down = (len({home[v] for v in placed}), self.count_below(n, placed))
            hidden = [v for v in away if home is None or v not in home]
            if hidden:
                more = (self.count_below(n, hidden), n in self.links)
        return (self.placeholder, up, goal_away, down, more)

    def _table_size(self, n, width: int, compact: bool) -> tuple[float, float]:
        """The width and height `table(n, width, compact)` gives."""
        small = self.style.small_font_size
        # the rows above the notes (the goal's content and its missing-data patch): the same on every page, so
        # their height and width are kept once per drawing, and the notes' rows added to them as `table` adds them
        key = ("rows", n, width, compact, tuple(self.marks.missing.get(n, ())))
        cache = self.box_cache
        known = cache.get(key) if cache is not None else None
        if known is None:
            d = self.G.nodes[n]
            content = self.cached_content(n, width, compact)
            box = _BoxRows(content[3], content[2], small)
            indicators = d.get("indicators") or []
            owner = d.get("owner")
            owner = None if owner is None or not str(owner).strip() else owner
            missing = self.missing_words(n, indicators, owner)
            if missing and not compact:
                box.add("", labels.wrap(self.t("missing_list", what=", ".join(missing)), int(width * 1.4)), small, 2.0)
            known = (box.height, box.widest)
            if cache is not None:
                cache[key] = known
        box = _BoxRows(known[0], known[1], small)
        for note, _colour in self.notes(n):
            box.add("", labels.wrap(note, int(width * 1.4)), small)
        bw = int(self.border(n)[0])
        return box.widest + 2 * bw + 4, box.height + 2 * bw + 4


def _cyclic(placement: Placement) -> frozenset[str]:
    """The goals (and indicators) a cycle may pass through: a page drawing none of them has no goal placed under
    itself (`_Builder._subtrees` places each goal under a parent or the goal it hangs on). What is left of the goals'
    children and the indicators hung on goals once the starts are peeled off, then the ends of what is left."""
    below: dict[str, list[str]] = dict(placement.kids)
    for i, goal in placement.attached.items():
        below[goal] = [*below.get(goal, ()), i]
    left = _peeled(below)
    above: dict[str, list[str]] = {}
    for n in left:
        for v in below.get(n, ()):
            if v in left:
                above.setdefault(v, []).append(n)
    return frozenset(_peeled(above, left))


def _peeled(below: dict[str, list[str]], within: set[str] | None = None) -> set[str]:
    """What is left of `below` (each node -> the nodes below it; inside `within`) once the nodes with nothing
    above them are taken away, again and again: the cycles and what they lead to."""
    above = dict.fromkeys(below if within is None else within, 0)
    for vs in below.values():
        for v in vs:
            above[v] = above.get(v, 0) + 1
    ready = [n for n, k in above.items() if not k]
    while ready:
        n = ready.pop()
        del above[n]
        for v in below.get(n, ()):
            above[v] -= 1
            if not above[v]:
                ready.append(v)
    return set(above)


def _tree_width(widths: dict[str, float], below: dict, aside: dict, tops: list[str], beside: bool) -> float:
    """`_Builder.tree_estimate`'s sum over the tops, without the crosscutting bodies (the same steps, in order)."""
    gap = 0.15 * 72
    memo: dict[str, float] = {}

    def width(n) -> float:
        known = memo.get(n)
        if known is not None:
            return known
        under, beside_it = below.get(n), aside.get(n)
        if not under and not beside_it:  # nothing below or beside: max(width, 0.0) + 0, its own width
            memo[n] = widths[n]
            return widths[n]
        memo[n] = 0.0 if beside else widths[n]  # a cycle stops here (counted once, where it starts)
        under = under or ()
        inner = sum([width(v) for v in under]) + gap * max(0, len(under) - 1)
        memo[n] = max(widths[n], inner) + sum([gap + width(v) for v in beside_it or ()])
        return memo[n]

    return sum([width(n) for n in tops]) + gap * max(0, len(tops) - 1)
