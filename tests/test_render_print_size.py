"""Every printed page reaches the minimum text size (rules/render.yaml print/min_text_pt), the overview
included: a list of pages too long for the overview goes on pages of its own ("Daftar halaman"), an
overview whose branch heads do not fit on one sheet continues on the next pages, and the page numbers a
candidate page carries while pages are planned are as wide as the final ones. Only a page of one box
too big for a sheet may print smaller (nothing can split it)."""

from __future__ import annotations

import re

import pytest

from kinerja_graph.render import draw, load_style, output, page_placeholder
from tests.test_render_support import generated_graph, sample_graph

ANY_ENGINE = pytest.mark.skipif(not (output.has_dot() or output.has_pygraphviz()), reason="no Graphviz installed")
LIMIT = load_style().min_text_pt


def assert_every_page_readable(pictures) -> None:
    for picture in pictures:
        m = picture.measure
        assert m is not None and not m.estimated
        one_box = picture.part.kind not in ("overview", "contents") and len(picture.part.nodes) <= 1
        if not one_box:
            assert m.smallest_text >= LIMIT, (picture.part.number, picture.part.kind, m.smallest_text)


def test_the_placeholder_page_number_is_as_wide_as_any_number_the_run_reaches():
    assert page_placeholder(30) == 99
    assert len(str(page_placeholder(1_000))) == 4
    assert len(str(page_placeholder(9_000))) == 4
    assert len(str(page_placeholder(10_005))) == 5
    for boxes in (5, 120, 990, 5_000, 12_000):
        assert page_placeholder(boxes) >= boxes + 1  # a page per box, the overview, the lists of pages


@pytest.mark.slow
@ANY_ENGINE
@pytest.mark.parametrize("sample", ["praya", "pino-raya", "pujon", "sokaraja"])
def test_every_page_of_the_samples_prints_at_least_the_minimum(tmp_path, sample):
    _, pictures = draw(sample_graph(sample), tmp_path / "p.svg", split=True, write=False)
    assert len(pictures) > 1
    assert_every_page_readable(pictures)


@pytest.mark.slow
@ANY_ENGINE
def test_an_overview_too_wide_and_its_list_of_pages_continue_on_pages_of_their_own(tmp_path):
    G = generated_graph((12, 3, 2))  # 12 branch heads: no A4 sheet holds them and the list of pages readably
    drawing, pictures = draw(G, tmp_path / "p.svg", write=True, paper_name="A4")
    assert_every_page_readable(pictures)
    kinds = [p.part.kind for p in pictures]
    overviews, lists = kinds.count("overview"), kinds.count("contents")
    assert overviews > 1 and lists >= 1
    assert kinds[: overviews + lists] == ["overview"] * overviews + ["contents"] * lists  # they come first
    assert [p.part.number for p in pictures] == list(range(1, len(pictures) + 1))
    # each head of a branch is drawn on exactly one overview page
    heads = [n for n in G.nodes if n.count(".") == 1]
    on_overviews = [n for p in pictures if p.part.kind == "overview" for n in p.part.nodes]
    assert sorted(n for n in on_overviews if n in heads) == sorted(heads)
    # the first page lists the other overview pages and the list's pages; the lists name every other page once
    first = pictures[0].data.decode("utf-8")
    texts = [p.data.decode("utf-8") for p in pictures if p.part.kind == "contents"]
    listed = [int(x) for t in texts for x in re.findall(r'font-weight="bold"[^>]*>(\d+)</text>', t)]
    assert sorted(listed) == list(range(overviews + lists + 1, len(pictures) + 1))
    for number in range(2, overviews + lists + 1):
        assert re.search(rf'font-weight="bold"[^>]*>{number}</text>', first), number
    assert len(drawing.files) == len(pictures)


@pytest.mark.slow
@ANY_ENGINE
def test_a_short_list_of_pages_stays_on_the_overview(tmp_path):
    _, pictures = draw(generated_graph((4, 3, 2)), tmp_path / "p.svg", split=True, write=False)
    assert [p.part.kind for p in pictures].count("overview") == 1
    assert "contents" not in [p.part.kind for p in pictures]
    assert_every_page_readable(pictures)
