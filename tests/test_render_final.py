"""The final pages' shortcuts give what the long way gives: lines escaped at once (labels.esc_lines), the tool's own
node names written without the package's quoting (dot.Lines.name), the legend and the bands' captions made once per
drawing, a page's size worked out when asked for (dot.Diagram), the placeholders' places remembered by the DOT's
digest (dot.fill_numbers), a page's key between planning rounds (render._page_key), an SVG's smallest font
(paper.measure_svg) and the output folder made once (output.write_bytes)."""

from __future__ import annotations

import hashlib
import warnings

import graphviz
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja_graph import api
from kinerja_graph.render import _page_key, labels
from kinerja_graph.render.dot import DiagramOptions, Lines, build_diagram, fill_numbers
from kinerja_graph.render.layout import place
from kinerja_graph.render.output import write_bytes
from kinerja_graph.render.overlay import Overlay
from kinerja_graph.render.paper import measure_svg, paper
from kinerja_graph.render.plan import Part
from kinerja_graph.render.style import load_style

_TEXT = st.text(alphabet=st.sampled_from(list("ab \\&<>\"'\t\r\x00\x1f\ufffe\ud800é—") + ["\n"]), max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, max_size=6))
def test_lines_escaped_at_once_are_each_line_escaped(lines):
    assert labels.esc_lines(lines) == [labels.esc(x) for x in lines]


def test_wrapped_lines_escaped_at_once_are_each_line_escaped():
    text = 'Meningkatnya "kualitas" <tata> kelola & pemerintahan\\N desa\tdan\r\nkelurahan\x01'
    lines = labels.wrap(text, 10)
    assert len(lines) > 3
    assert labels.esc_lines(lines) == [labels.esc(x) for x in lines]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('aZ_09 -.:<>"\\\né')), max_size=6))
def test_node_names_are_quoted_as_the_graphviz_package_quotes_them(name):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", graphviz.exceptions.DotSyntaxWarning)  # a name ending in a backslash
        assert Lines().name(name) == graphviz.quoting.quote(name)


def test_keywords_and_plain_names_are_quoted_as_the_graphviz_package_quotes_them():
    for name in ("g12", "band3", "x40", "node", "Node", "EDGE", "Strict", "_", "a1_B", "1a", "-1.5", "g1\n", ""):
        assert Lines().name(name) == graphviz.quoting.quote(name)


def _sample(name: str = "praya"):
    G = api.load_graph(f"samples/{name}.yaml")
    style, options = load_style(), DiagramOptions()
    placement = place(G, options.layout)
    overlay = Overlay(None, style, options.lang)
    goals = placement.sort([n for n in G if n in placement.order])
    return G, style, options, placement, overlay, goals


def test_pages_of_one_drawing_are_written_as_each_page_alone():
    """The legend and the bands' captions a drawing keeps (`Lines`) are those of each page made alone, and a page's
    estimated size worked out after its DOT is the size worked out before it."""
    G, style, options, placement, overlay, goals = _sample("pujon")  # indicators drawn loose beside their goals
    shared, boxes = Lines(), {}
    home = {n: 1 + i // 5 for i, n in enumerate(goals)}
    pages = [goals[i : i + 5] for i in range(0, len(goals), 5)] + [goals[::3], goals]
    loose = [n for n in goals if n in placement.attached or n in placement.tray]
    assert loose and any(not any(n in loose for n in nodes) for nodes in pages)
    for number, nodes in enumerate(pages, start=1):
        part = Part("", nodes, "branch", number=number, total=len(pages), home=home)
        common = {"options": options, "style": style, "placement": placement, "overlay": overlay}
        kept = build_diagram(G, part, boxes=boxes, lines=shared, numbers=99, **common)
        alone = build_diagram(G, part, numbers=99, **common)
        source = kept.source  # the DOT first, the size after
        assert source == alone.source
        assert kept.numbers == alone.numbers
        assert (kept.estimated_size, kept.tree_size) == (alone.estimated_size, alone.tree_size)
    assert len(shared.legends) == 2  # pages with goals drawn loose, and pages without


def test_placeholders_remembered_by_digest_are_filled_as_found_again():
    source = "<TD>Halaman 99 dari 98</TD><TD>lanjut 97</TD>"
    svg = b"<text>Halaman 99 dari 98</text><text>lanjut 97</text>"
    digest = hashlib.sha1(source.encode()).digest()
    memo: dict = {}
    for numbers in ({"99": 3, "98": 12, "97": 4}, {"99": 5, "98": 12, "97": 40}):
        assert fill_numbers(source, svg, numbers, memo, digest) == fill_numbers(source, svg, numbers)
    assert len(memo) == 1
    assert fill_numbers(source, None, {"99": 3, "98": 12, "97": 4}, memo, digest) == fill_numbers(
        source, None, {"99": 3, "98": 12, "97": 4}
    )
    assert fill_numbers(source, svg, {"99": 3, "98": 12, "97": 4}, memo, digest) == (
        "<TD>Halaman 3 dari 12</TD><TD>lanjut 4</TD>",
        b"<text>Halaman 3 dari 12</text><text>lanjut 4</text>",
    )


def test_a_page_key_changes_with_the_page_of_a_goal_its_notes_name():
    G, style, options, placement, overlay, goals = _sample()
    nodes = [n for n in goals if placement.parents.get(n) and placement.kids.get(n)][:3]
    assert nodes
    parent = placement.parents[nodes[0]][0]
    child = placement.kids[nodes[-1]][0]
    home = {n: 2 for n in goals}
    named: dict = {}

    def key(home, contents=None, kept=None):
        return _page_key(Part("", nodes, "branch", number=2, total=5, home=home), 5, contents, placement, kept)

    assert key(home) == key(dict(home)) == key(home, kept=named) == key(home, kept=named)
    assert len(named) == 1
    near = {*nodes, *(placement.attached[n] for n in nodes if n in placement.attached)}
    near |= {m for n in nodes for m in (*placement.parents.get(n, ()), *placement.kids.get(n, ()))}
    far = {n: 9 for n in goals if n not in near}
    assert far
    assert key({**home, **far}, kept=named) == key(home)  # goals the page does not name
    assert key({**home, parent: 3}, kept=named) != key(home)
    assert key({**home, child: 4}, kept=named) != key(home)
    assert key(home, [(3, "x")]) != key(home)
    assert _page_key(Part("", nodes, "branch", number=2, total=5), 5, None, placement) != key(home)


def test_the_smallest_font_of_an_svg_is_its_smallest_size():
    sheet = paper(load_style(), "A3", None, "id")
    sizes = ["14.00", "8.00", "14.00", "10.50", "8.00", "12.00"]
    texts = "".join(f'<text font-size="{s}">x</text>' for s in sizes)
    svg = f'<svg width="400pt" height="300pt" viewBox="0 0 400 300">{texts}</svg>'.encode()
    assert measure_svg(svg, sheet).smallest_font == 8.0
    zoomed = svg.replace(b"<text", b'<g transform="scale(0.5 0.5)"></g><text', 1)
    assert measure_svg(zoomed, sheet).smallest_font == 4.0


def test_files_of_one_folder_are_written_with_the_folder_made_once(tmp_path):
    made: set = set()
    for i in range(3):
        write_bytes(tmp_path / "out" / "deep" / f"p-{i}.svg", b"<svg/>", made=made)
    write_bytes(tmp_path / "other" / "p.svg", b"<svg/>", made=made)
    assert made == {tmp_path / "out" / "deep", tmp_path / "other"}
    assert sorted(p.name for p in (tmp_path / "out" / "deep").iterdir()) == ["p-0.svg", "p-1.svg", "p-2.svg"]
    assert (tmp_path / "other" / "p.svg").read_bytes() == b"<svg/>"
