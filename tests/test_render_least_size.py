"""The page planner turns down a candidate page without building it when even the least size the page can be
estimated at prints too small (render/dot.least_size): that size must never exceed the estimate of the page
built, or a page that fits would be turned down."""

from __future__ import annotations

import pytest

from kinerja_graph.render import DiagramOptions, build_diagram, load_style
from kinerja_graph.render.dot import least_size
from kinerja_graph.render.layout import place
from kinerja_graph.render.plan import Part
from tests.test_render_support import generated_graph, sample_graph

STYLE = load_style()


def candidates(placement, nodes: list[str]) -> list[list[str]]:
    """Pages a planner may ask about: each goal with everything under it, runs of such branches, the whole."""
    order = {n: i for i, n in enumerate(nodes)}
    out = []
    for head in nodes:
        below, stack = [], [head]
        while stack:
            n = stack.pop()
            if n not in below:
                below.append(n)
                stack.extend(placement.kids.get(n, ()))
                stack.extend(i for i, goal in placement.attached.items() if goal == n)
        out.append(sorted((n for n in below if n in order), key=order.__getitem__))
    out += [nodes[i : i + 25] for i in range(0, len(nodes), 7)]
    out.append(nodes)
    return out


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("name", ["praya", "pino-raya", "pujon", "sokaraja", "generated"])
def test_the_least_size_of_a_page_is_never_more_than_its_estimate(name, direction):
    G = generated_graph((4, 3, 3, 2), crosscut_every=5, indicator_only=3) if name == "generated" else sample_graph(name)
    options = DiagramOptions(direction=direction)
    placement = place(G, options.layout)
    nodes = placement.sort({n for n in placement.order})
    checked = 0
    for page in candidates(placement, nodes):
        part = Part("", page, "branch")
        part.number, part.total, part.home = 999, 999, {n: 999 for n in nodes}
        built = build_diagram(G, part, options=options, style=STYLE, placement=placement, numbers=999)
        least = least_size(placement, page, options, STYLE)
        assert least[0] <= built.estimated_size[0] and least[1] <= built.estimated_size[1], page
        checked += 1
    assert checked > len(nodes)


def test_the_least_size_grows_with_the_leaves_of_the_page():
    G = generated_graph((4, 3, 3, 2))
    options = DiagramOptions()
    placement = place(G, options.layout)
    nodes = placement.sort({n for n in placement.order})
    top = [n for n in nodes if not placement.parents.get(n)]
    one_branch = least_size(placement, [n for n in nodes if n == top[0] or n.startswith(top[0] + ".1")], options, STYLE)
    whole = least_size(placement, nodes, options, STYLE)
    assert whole[0] > 3 * one_branch[0]  # 72 leaves side by side, against 18


def _least_size_by_hand(placement, nodes, options, style) -> tuple[float, float]:
    """`least_size` written out one goal at a time (its first form): the counting it does with map and filter must
    give the same numbers."""
    drawn = [n for n in nodes if n in placement.order]
    on = set(drawn)
    holders = {placement.attached.get(n) for n in drawn}
    leaves = sum(1 for n in drawn if n not in holders and on.isdisjoint(placement.kids.get(n, ())))
    wrap = options.wrap or style.wrap
    gap = 0.15 * 72
    box_width = int(wrap * style.font_size * 0.56) + 8 + 6
    box_height = style.small_font_size + 4 + 4 + 6
    tree = leaves * box_width + gap * max(0, leaves - 1)
    bands = len({placement.band[n] for n in drawn})
    h = bands * box_height + 0.35 * 72 * max(0, bands - 1)
    w = max(122.0 + tree + 20, 700.0)
    if options.direction == "LR":
        w, h = max(h + 122.0, 700.0), tree + 60
    title = style.title_font_size * 1.4 + style.band_font_size * 1.4 + 2 * (style.small_font_size * 2.4 + 14) + 16
    return (round(w, 1), round(h + title + 20, 1))


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("name", ["praya", "pujon", "batumandi", "generated"])
def test_the_least_size_counts_as_one_goal_at_a_time_would(name, direction):
    G = generated_graph((4, 3, 3, 2), crosscut_every=5, indicator_only=3) if name == "generated" else sample_graph(name)
    options = DiagramOptions(direction=direction)
    placement = place(G, options.layout)
    nodes = placement.sort({n for n in placement.order})
    pages = candidates(placement, nodes)
    # a goal listed twice, and names that are not drawn (the planner passes what it has)
    pages += [page + page[:1] for page in pages[:20]] + [["no-such-goal", *page] for page in pages[:20]]
    assert name != "pujon" or placement.attached  # indicators hung on a goal: their goal is no leaf
    for page in pages:
        assert least_size(placement, page, options, STYLE) == _least_size_by_hand(placement, page, options, STYLE), page
