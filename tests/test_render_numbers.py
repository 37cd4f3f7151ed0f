"""A printed page is laid out once: its candidate is drawn with placeholders for its page numbers (as wide
as the largest number the run can reach; digits are equally wide in Graphviz's fonts), and the final page
is that drawing with the numbers written in (render/dot.py `fill_numbers`), in its DOT and its SVG."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja_graph.render import draw, output
from kinerja_graph.render.dot import _places, _places_each, fill_numbers
from tests.test_render_support import generated_graph, sample_graph

ANY_ENGINE = pytest.mark.skipif(not (output.has_dot() or output.has_pygraphviz()), reason="no Graphviz installed")


def test_numbers_are_written_in_text_only_and_a_placeholder_found_twice_is_refused():
    source = '<TR><TD HEIGHT="99">Halaman 99 dari 98</TD></TR> g99 -> g98'
    svg = b'<text x="99" y="98.5">Halaman 99 dari 98</text><title>g99</title>'
    filled = fill_numbers(source, svg, {"99": 3, "98": 12})
    assert filled == (
        '<TR><TD HEIGHT="99">Halaman 3 dari 12</TD></TR> g99 -> g98',
        b'<text x="99" y="98.5">Halaman 3 dari 12</text><title>g99</title>',
    )
    # a user's text holding the placeholder's digits: which one is the number cannot be told
    assert fill_numbers("<TD>Halaman 99 dari 98</TD><TD>99 desa</TD>", None, {"99": 3, "98": 12}) is None
    assert (
        fill_numbers("<TD>Halaman 99 dari 98</TD>", b"<text>Halaman 99 dari 98 &#45; 99</text>", {"99": 3, "98": 1})
        is None
    )
    assert fill_numbers("<TD>x</TD>", b"<text>x</text>", {}) == ("<TD>x</TD>", b"<text>x</text>")


@settings(max_examples=400, deadline=None)
@given(
    text=st.text(alphabet="998<>_#&a 10", max_size=40),
    codes=st.lists(st.sampled_from(["99", "98", "97", "89", "9", "999"]), min_size=1, max_size=3, unique=True),
)
def test_placeholders_found_in_one_pass_are_those_found_one_by_one(text, codes):
    # one pass over the places of the codes' common start (codes of one width) finds what a search per code finds
    assert _places(text, codes) == _places_each(text, codes)
    raw = [code.encode("ascii") for code in codes]
    assert _places(text.encode("ascii"), raw) == _places_each(text.encode("ascii"), raw)


@pytest.mark.slow
@ANY_ENGINE
def test_every_page_carries_its_own_numbers_and_no_placeholder(tmp_path):
    drawing, pictures = draw(sample_graph("praya"), tmp_path / "p.svg", split=True, write=False)
    total = len(pictures)
    assert total > 2
    for picture in pictures:
        svg, dot = picture.data.decode("utf-8"), picture.source
        line = f"Halaman {picture.part.number} dari {total}"
        assert line in svg and line in dot
        for text in re.findall(r"halaman ([\d, ]+)\)?<", svg):
            assert all(1 <= int(x) <= total for x in text.split(", ")), text


@pytest.mark.slow
@ANY_ENGINE
def test_a_user_text_holding_a_placeholder_is_drawn_with_its_numbers(tmp_path):
    G = sample_graph("praya")
    # every statement names the number the first placeholder of a page would carry
    for _n, d in G.nodes(data=True):
        if d.get("kind") == "goal":
            d["statement"] = f"{d['statement']} 99"
    _, pictures = draw(G, tmp_path / "p.svg", split=True, write=False)
    total = len(pictures)
    for picture in pictures:
        assert f"Halaman {picture.part.number} dari {total}" in picture.data.decode("utf-8")


@pytest.mark.slow
@ANY_ENGINE
def test_the_top_goal_on_the_first_overview_page_names_the_overview_pages_that_continue_it(tmp_path):
    _, pictures = draw(generated_graph((12, 3, 2)), tmp_path / "p.svg", write=False, paper_name="A4")
    overviews = [p.part.number for p in pictures if p.part.kind == "overview"]
    assert len(overviews) > 1
    first = pictures[0].data.decode("utf-8")
    notes = re.findall(r"halaman ([\d, ]+)</text>", first)  # "▼ 30 kinerja lanjut di / halaman 2, 3"
    assert ", ".join(str(n) for n in overviews[1:]) in notes, notes
