"""What the renderer works out once per drawing gives what working it out again would (render/labels.py's memos,
pages._nearest, dot._Builder.count_below)."""

from __future__ import annotations

from kinerja_graph import api
from kinerja_graph.render import labels
from kinerja_graph.render.dot import DiagramOptions, Lines, _Builder
from kinerja_graph.render.layout import place
from kinerja_graph.render.overlay import Overlay
from kinerja_graph.render.pages import _nearest
from kinerja_graph.render.plan import Part
from kinerja_graph.render.style import load_style


def test_nearest_pages_come_in_the_order_sorting_by_distance_gives():
    for count in range(0, 30):
        for i in range(count):
            by_sorting = [j for j in sorted(range(count), key=lambda j: (abs(j - i), j)) if j != i]
            assert list(_nearest(i, count)) == by_sorting


def test_wrapped_lines_are_a_fresh_list_each_time():
    first = labels.wrap("Meningkatnya kualitas tata kelola pemerintahan", 12)
    first.append("changed by a caller")
    again = labels.wrap("Meningkatnya kualitas tata kelola pemerintahan", 12)
    assert "changed by a caller" not in again
    assert labels.esc("a < b & c\\N") == labels.esc("a < b & c\\N") == "a &lt; b &amp; c\\\\N"


def _praya_drawing():
    """The Praya sample with what one drawing of it shares: style, options, placement, overlay, goals in order."""
    G = api.load_graph("samples/praya.yaml")
    style, options = load_style(), DiagramOptions()
    placement = place(G, options.layout)
    overlay = Overlay(None, style, options.lang)
    return G, style, options, placement, overlay, placement.sort([n for n in G if n in placement.order])


def test_goals_continued_below_are_counted_as_a_fresh_walk_counts_them():
    G, style, options, placement, overlay, goals = _praya_drawing()
    lines = Lines()  # shared by every page, as in one drawing
    checked = 0
    for cut in range(1, len(goals) + 1, max(1, len(goals) // 12)):
        for nodes in (goals[:cut], goals[cut - 1 :], goals[::2]):
            part = Part("", nodes, "branch")
            builder = _Builder(G, part, overlay, options, style, placement, {}, [], None, lines)
            for n in builder.nodes:
                away = builder.away.get(n, [])
                if away:
                    assert builder.count_below(n, away) == len(builder.below_away(n, set(away)))
                    checked += 1
    assert checked > 20


def test_box_lines_are_what_the_graphviz_package_writes():
    import graphviz

    lines = Lines()
    for name in ("g12", "a b", "node", "-1.5", 'x"y', "band3"):
        for label in ("<<B>x</B>>", "<a\n>", "<x>y", "plain", "<>", "<<TABLE>\n</TABLE>>", 'say "hi"'):
            for attrs in ({"label": label}, {"label": label, "group": "bands"}):
                g = graphviz.Digraph()
                g.node(name, **attrs)
                assert lines.node_line(name, **attrs) == g.body[0]
                assert lines.node_line(name, **attrs) == g.body[0]  # and again, from the cache


def test_a_final_page_drawn_as_its_candidate_is_the_candidate_page():
    from kinerja_graph.render.dot import build_diagram

    G, style, options, placement, overlay, goals = _praya_drawing()
    nodes = goals[len(goals) // 3 : len(goals) // 2]
    common = dict(options=options, style=style, placement=placement, overlay=overlay, numbers=99)

    candidate_part = Part("", nodes, "branch")
    candidate_part.number, candidate_part.total, candidate_part.home = 99, 99, dict.fromkeys(goals, 99)
    candidate = build_diagram(G, candidate_part, **common)
    assert candidate.signature is not None
    drawn = {candidate.signature(): candidate}  # as the planner keeps a candidate that fits

    final_part = Part("3", nodes, "branch")
    final_part.number, final_part.total, final_part.home = 3, 6, dict.fromkeys(goals, 2)
    final = build_diagram(G, final_part, drawn=drawn, **common)
    fresh = build_diagram(G, Part("3", nodes, "branch", number=3, total=6, home=dict.fromkeys(goals, 2)), **common)
    assert final.source is candidate.source
    assert final.source == fresh.source and final.numbers == fresh.numbers
