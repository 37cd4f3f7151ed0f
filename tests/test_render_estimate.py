"""The page planner estimates its candidate pages without writing their boxes' tables (render/dot.py
`estimated_diagram`): the size it works out must be the one `build_diagram` estimates for the same page, to the
last bit (the planner's decisions, and so the pages, depend on it), and the page it builds when asked for its DOT
must be `build_diagram`'s. The same with the builders made from a page of no goals (`Estimates`), as the planner
estimates them."""

from __future__ import annotations

import pytest

from kinerja_graph import config
from kinerja_graph.engine import check_graph
from kinerja_graph.render import DiagramOptions, build_diagram, load_style
from kinerja_graph.render.dot import BoxCache, Estimates, Lines, estimated_diagram
from kinerja_graph.render.layout import place
from kinerja_graph.render.overlay import Overlay
from kinerja_graph.render.plan import Part
from tests.test_render_least_size import candidates
from tests.test_render_support import SAMPLES, generated_graph, sample_graph

STYLE = load_style()


def _findings(name: str):
    return check_graph(
        sample_graph(name), config.Resolver(None, use_project=False)(str(SAMPLES / f"{name}.yaml"))
    ).findings


@pytest.mark.parametrize("marked", [False, True])
@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("name", ["praya", "pino-raya", "pujon", "sokaraja", "generated"])
def test_a_candidate_page_is_estimated_as_the_page_built_and_builds_the_same_page(name, direction, marked):
    generated = name == "generated"
    G = generated_graph((4, 3, 3, 2), crosscut_every=5, indicator_only=3) if generated else sample_graph(name)
    if marked and generated:
        pytest.skip("the generated cascade is not a sample file to check")
    options = DiagramOptions(direction=direction, year=2024)
    placement = place(G, options.layout)
    overlay = Overlay(_findings(name) if marked else None, STYLE, options.lang)
    nodes = placement.sort({n for n in placement.order})
    boxes: BoxCache = {}
    lines = Lines()  # shared by every page, as in one drawing
    estimates = Estimates()  # likewise: the estimating builders made from a page of no goals of each kind
    checked = 0
    half = {n: 999 if i % 2 else 998 for i, n in enumerate(nodes)}
    third = {n: 999 for n in nodes[::3]}
    for number, page in enumerate(candidates(placement, nodes) * 2):  # twice: the second time from the caches
        kind = "loose" if number % 5 == 4 else "branch"
        home = half if number % 3 == 0 else third  # some goals elsewhere, some not placed
        parts = []
        for _ in range(3):
            part = Part("", page, kind)
            part.number, part.total, part.home = 999, 999, home
            parts.append(part)
        shared = {"options": options, "style": STYLE, "placement": placement, "overlay": overlay, "lines": lines}
        guess = estimated_diagram(G, parts[0], boxes=boxes, numbers=999, **shared)
        made = estimated_diagram(G, parts[2], boxes=boxes, numbers=999, estimates=estimates, **shared)
        built = build_diagram(G, parts[1], numbers=999, **shared)
        assert guess.estimated_size == built.estimated_size == made.estimated_size, page
        assert guess.tree_size == built.tree_size == made.tree_size
        assert guess.smallest_font == built.smallest_font == made.smallest_font
        if number % 4 == 0:  # its page, as built
            assert guess.source == built.source == made.source
        checked += 1
    assert checked > 2 * len(nodes)


@pytest.mark.parametrize("orientation", [None, "portrait"])
@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("name", ["praya", "generated"])
def test_pages_growing_block_by_block_are_estimated_as_built(name, direction, orientation):
    """As the planner asks: a page, then the same page with the next block, each page's goals elsewhere numbered as
    while planning; whole pages and subtrees (no numbers) besides."""
    G = generated_graph((3, 4, 3, 2), crosscut_every=4, indicator_only=2) if name == "generated" else sample_graph(name)
    options = DiagramOptions(direction=direction, orientation=orientation)
    placement = place(G, options.layout)
    overlay = Overlay(None, STYLE, options.lang)
    nodes = placement.sort({n for n in placement.order})
    blocks = [nodes[i : i + 3] for i in range(0, len(nodes), 3)]
    home = {n: 99 for n in nodes}
    shared = {"options": options, "style": STYLE, "placement": placement, "overlay": overlay, "lines": Lines()}
    boxes: BoxCache = {}
    estimates = Estimates()
    checked = 0
    for start in range(0, len(blocks), 6):
        page: list[str] = []
        for block in blocks[start : start + 4]:
            page = page + block
            for kind in ("branch", "loose", "subtree"):
                parts = [Part("", page, kind, focus=page[0] if kind == "subtree" else None) for _ in range(3)]
                for part in parts:
                    if kind != "subtree":
                        part.number, part.total, part.home = 99, 99, home
                numbers = 99 if kind != "subtree" else None
                made = estimated_diagram(G, parts[0], boxes=boxes, numbers=numbers, estimates=estimates, **shared)
                fresh = estimated_diagram(G, parts[1], boxes=boxes, numbers=numbers, **shared)
                built = build_diagram(G, parts[2], numbers=numbers, **shared)
                assert made.estimated_size == fresh.estimated_size == built.estimated_size, page
                assert made.tree_size == fresh.tree_size == built.tree_size
                checked += 1
    assert checked > len(blocks)


@pytest.mark.parametrize("layout", ["level", "structure"])
@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_every_page_of_a_cascade_with_cycles_is_estimated_as_built(direction, layout):
    """Every set of goals of a cascade with a cycle and a goal its own parent, as pages of each kind, with their
    goals elsewhere on one page, on two, or on none: the estimate made through `Estimates` (which walks a page for
    goals in a cycle only when it draws one of the goals `_cyclic` names, and keeps boxes by what their notes are
    made of, `_Estimate.note_inputs`) equals the fresh estimate and `build_diagram`'s, from empty and from full
    caches."""
    from itertools import combinations

    from helpers import graph_from_yaml

    from kinerja_graph.render.dot import _cyclic
    from tests.test_render_support import ODD

    G = graph_from_yaml(ODD)
    options = DiagramOptions(direction=direction, layout=layout)
    placement = place(G, options.layout)
    nodes = placement.sort({n for n in placement.order})
    assert {"A", "B", "C", "F"} <= _cyclic(placement) < set(nodes)
    homes = [{n: 99 for n in nodes}, {n: 99 if i % 2 else 98 for i, n in enumerate(nodes)}, {n: 99 for n in nodes[::3]}]
    shared = {"options": options, "style": STYLE, "placement": placement, "overlay": Overlay(None, STYLE, "id")}
    boxes: BoxCache = {}
    lines = Lines()
    estimates = Estimates()
    checked = 0
    for _ in range(2):  # the second time from the caches
        for size in range(1, len(nodes) + 1):
            for page in combinations(nodes, size):
                kind = "loose" if size % 4 == 0 else "branch"
                home = homes[checked % len(homes)]
                parts = [Part("", list(page), kind) for _ in range(3)]
                for part in parts:
                    part.number, part.total, part.home = 99, 99, home
                made = estimated_diagram(
                    G, parts[0], boxes=boxes, lines=lines, numbers=99, estimates=estimates, **shared
                )
                fresh = estimated_diagram(G, parts[1], numbers=99, **shared)
                built = build_diagram(G, parts[2], numbers=99, **shared)
                assert made.estimated_size == fresh.estimated_size == built.estimated_size, page
                assert made.tree_size == fresh.tree_size == built.tree_size, page
                checked += 1
    assert checked == 2 * (2 ** len(nodes) - 1)


def test_the_goals_a_cycle_may_pass_through():
    """`_cyclic`: the goals on a cycle (and no more than what lies between cycles), none in a tree."""
    from kinerja_graph.render.dot import _cyclic
    from kinerja_graph.render.layout import Placement

    tree = Placement("level", {}, kids={"a": ["b", "c"], "b": ["d"]}, attached={"i": "d"})
    assert _cyclic(tree) == frozenset()
    ring = Placement("level", {}, kids={"a": ["b"], "b": ["c", "x"], "c": ["a"], "x": ["y"], "s": ["s"]})
    assert _cyclic(ring) == {"a", "b", "c", "s"}
    hung = Placement("level", {}, kids={"i": ["a"], "a": ["b"]}, attached={"i": "a"})  # through a hung indicator
    assert _cyclic(hung) == {"a", "i"}
