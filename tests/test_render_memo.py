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
    drawn: dict = {}  # the pages built with placeholders, by what they print
    candidate = build_diagram(G, candidate_part, drawn=drawn, **common)
    assert len(drawn) == 1

    final_part = Part("3", nodes, "branch")
    final_part.number, final_part.total, final_part.home = 3, 6, dict.fromkeys(goals, 2)
    final = build_diagram(G, final_part, drawn=drawn, **common)
    fresh = build_diagram(G, Part("3", nodes, "branch", number=3, total=6, home=dict.fromkeys(goals, 2)), **common)
    assert final.source is candidate.source
    assert final.source == fresh.source and final.numbers == fresh.numbers


def test_attribute_lists_and_page_lines_are_what_the_graphviz_package_writes():
    import graphviz

    lines = Lines()
    titles = ("<<TABLE><TR><TD>Judul</TD></TR></TABLE>>", "<x\n>", "plain title", 'say "hi"', "<>", "")
    for label in (*titles, None):
        for extra in ({}, {"rankdir": "LR", "fontname": "Arial Narrow"}, {"margin": "0", "a b": "c d"}):
            attrs = {"newrank": "true", **extra, **({} if label is None else {"label": label})}
            expected = graphviz.quoting.a_list(None, kwargs=attrs)
            assert lines.a_list(attrs) == expected
            assert lines.a_list(dict(attrs)) == expected  # and again, from what was written before
            g = graphviz.Digraph("pohon_kinerja", graph_attr=attrs, node_attr={"shape": "plain"})
            assert g.source.startswith(f"digraph pohon_kinerja {{\n\tgraph [{lines.a_list(attrs)}]\n\tnode [")
            page = graphviz.Digraph(name="cluster_page")
            page.attr(**attrs)
            assert page.body == [f"\t{lines.a_list(attrs)}\n"]
    for name in ("contents", "a b", "node"):
        for label in titles[:-1]:
            g = graphviz.Digraph()
            g.node(name, label=label)
            assert lines.html_node_line(name, label) == g.body[0]


def test_a_page_with_a_foot_is_written_as_the_graphviz_package_writes_a_subgraph():
    """The page's nodes in the subgraph whose label is the foot (`_Builder.emit`): what `g.subgraph(page)` writes."""
    import graphviz

    from kinerja_graph import pipeline
    from kinerja_graph.render.dot import build_diagram

    G, style, options, placement, _overlay, goals = _praya_drawing()
    (result,) = pipeline.run(["samples/praya.yaml"], pipeline.Options(), check=True).results
    overlay = Overlay(result.report.findings, style, options.lang)
    source = build_diagram(G, Part("", goals, "branch"), options=options, style=style, overlay=overlay).source
    head, _, rest = source.partition("\tsubgraph cluster_page {\n")
    inner, _, tail = rest.partition("\t}\n")
    assert head.startswith("digraph pohon_kinerja {\n") and tail.endswith("}\n") and inner
    page = graphviz.Digraph(name="cluster_page")
    page.body = [line[1:] for line in inner.splitlines(keepends=True)]
    g = graphviz.Digraph()
    g.subgraph(page)
    assert "".join(g.body) == "\tsubgraph cluster_page {\n" + inner + "\t}\n"
    assert inner.startswith("\t\tlabel=<") and "labelloc=b" in inner.splitlines()[0]


def test_edge_lines_are_what_the_graphviz_package_writes():
    import graphviz

    lines = Lines()
    ends = ("g12", "g12:box:s", "g3:box", "a b:c d:n", "band-1", "x7", "node:box:w", 'q"t:box:e')
    sets = ({}, {"style": "invis", "weight": "1"}, {"dir": "back", "arrowtail": "normal", "weight": "5"})
    for tail in ends:
        for head in ends:
            for attrs in (*sets, {"label": "<<I>lintas</I>>", "style": "dashed", "constraint": "false"}):
                g = graphviz.Digraph()
                g.edge(tail, head, **attrs)
                body: list[str] = []
                lines.edge(body, tail, head, **attrs)
                assert body == g.body
                assert f"\t{lines.end(tail)} -> {lines.end(head)}{lines.rest(**attrs)}" == g.body[0]
    g = graphviz.Digraph()
    g.node("band3")
    assert lines.node_line("band3") == g.body[0]
