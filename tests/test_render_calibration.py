"""The page planner decides most candidate pages from their estimate once the run's own measurements show
how far the estimate misses (render/paper.Calibration), and never prints a page too small for it: a final
page whose candidate was decided so and which prints too small is laid out and the pages planned again. Once
the calibration has learnt, a candidate it cannot decide closes the page without a layout."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kinerja_graph import api, render
from kinerja_graph.render import draw, load_style, output
from kinerja_graph.render.paper import Calibration, Measure
from tests.test_render_support import generated_graph, sample_graph

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import gen_pemda  # noqa: E402

ANY_ENGINE = pytest.mark.skipif(not (output.has_dot() or output.has_pygraphviz()), reason="no Graphviz installed")
LIMIT = load_style().min_text_pt


def count_layouts(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = output.Graphviz.render

    def counted(self, *args, **kwargs):
        calls.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(output.Graphviz, "render", counted)
    return calls


def page(smallest_font: float, scale: float) -> Measure:
    return Measure((1000.0, 700.0), smallest_font, scale, "landscape")


def test_the_estimate_decides_nothing_before_the_run_has_measured_enough_pages():
    c = Calibration(8.0, pages=3)
    for _ in range(2):
        c.learn(page(9.0, 0.5), page(9.0, 0.5))
    assert c.sure(page(9.0, 1.0)) is None and c.sure(page(9.0, 0.1)) is None
    c.learn(page(9.0, 0.5), page(9.0, 0.5))
    assert c.sure(page(9.0, 1.0)) is True  # 9 pt at full size, estimates never off: fits
    assert c.sure(page(9.0, 0.5)) is False  # 4.5 pt
    assert c.sure(page(9.0, 0.9)) is None  # 8.1 pt: within the margin of the limit, Graphviz tells


def test_the_worst_miss_seen_widens_what_only_graphviz_decides():
    c = Calibration(8.0, pages=1)
    c.learn(page(9.0, 1.0), page(9.0, 0.8))  # Graphviz drew it a fifth smaller than estimated
    assert c.low == pytest.approx(0.8)
    assert c.sure(page(9.0, 1.0)) is None  # 9 pt estimated may be 7.2 pt drawn
    c.learn(page(9.0, 0.5), page(9.0, 0.6))  # and another a fifth larger
    assert c.sure(page(9.0, 0.8)) is None  # 7.2 pt estimated may be 8.6 pt drawn
    assert c.sure(page(9.0, 0.7)) is False  # 6.3 pt: at most 7.8 pt drawn
    c.learn(page(0.0, 1.0), page(9.0, 1.0))  # an estimate of nothing teaches nothing
    assert c.measured == 2


class Lying(Calibration):
    """Says a candidate page prints readably exactly when its estimate says it does not: the worst the
    planner can be told."""

    def sure(self, guess: Measure) -> bool | None:
        return True if guess.smallest_text < self.limit else None


@pytest.mark.slow
@ANY_ENGINE
@pytest.mark.parametrize("sample", ["praya", "pino-raya", "pujon"])
def test_pages_decided_by_a_wrong_estimate_are_measured_and_planned_again(tmp_path, monkeypatch, sample):
    monkeypatch.setattr(render, "Calibration", Lying)
    laid_out = count_layouts(monkeypatch)
    G = sample_graph(sample)
    drawing, pictures = draw(G, tmp_path / "p.svg", write=False)
    assert len(pictures) > 2
    assert len(laid_out) > len(pictures)  # the lies were found out: candidates laid out, pages planned again
    for picture in pictures:
        assert picture.measure is not None and not picture.measure.estimated
        if picture.part.kind != "overview" and len(picture.part.nodes) > 1:
            assert picture.measure.smallest_text >= LIMIT, (picture.part.number, picture.measure)
    goals = [n for n, d in G.nodes(data=True) if d["kind"] in ("goal", "indicator")]
    for n in goals:
        homes = [p.part.number for p in pictures if n in p.part.nodes and p.part.kind != "overview"]
        assert len(homes) <= 1, (n, homes)


@pytest.mark.slow
@ANY_ENGINE
def test_a_large_cascade_lays_out_fewer_candidates_and_keeps_its_pages(tmp_path, monkeypatch):
    G = generated_graph((6, 4, 3, 2))  # 175 goals of one shape, 25 pages
    calls = count_layouts(monkeypatch)
    _, calibrated = draw(G, tmp_path / "a.svg", write=False)
    laid_out = len(calls)
    calls.clear()
    monkeypatch.setattr(render, "Calibration", lambda limit: Calibration(limit, pages=10**9))
    _, measured = draw(G, tmp_path / "b.svg", write=False)
    assert len(calibrated) > 20
    assert [p.part.nodes for p in calibrated] == [p.part.nodes for p in measured]
    assert [p.data for p in calibrated] == [p.data for p in measured]
    assert laid_out < len(calls) * 0.75, (laid_out, len(calls))  # 49 against 73 when written


@pytest.mark.slow
@ANY_ENGINE
def test_candidates_the_calibration_cannot_decide_close_the_page_unlaid(tmp_path, monkeypatch):
    # a Pemda-like cascade (benchmarks/gen_pemda.py): pages alike enough for the estimate to be calibrated
    files, _ = gen_pemda.write(1000, 1, tmp_path / "cascade", ("csv",))
    G = api.load_graph(str(files["csv"]))
    calls = count_layouts(monkeypatch)
    _, closed = draw(G, tmp_path / "a.svg", write=False)
    laid_out = len(calls)
    calls.clear()
    monkeypatch.setattr(render, "Calibration", lambda limit: Calibration(limit, pages=10**9))
    _, measured = draw(G, tmp_path / "b.svg", write=False)  # every candidate the estimate cannot decide laid out
    assert len(measured) > 100
    for picture in closed:
        assert picture.measure is not None and not picture.measure.estimated
        if picture.part.kind != "contents" and len(picture.part.nodes) > 1:
            assert picture.measure.smallest_text >= LIMIT, (picture.part.number, picture.measure)
    # a few more pages (133 against 126 when written), each goal on one of them
    assert len(measured) < len(closed) <= len(measured) * 1.1, (len(closed), len(measured))

    def drawn(pictures: list) -> list[str]:
        return sorted(n for p in pictures if p.part.kind not in ("overview", "contents") for n in p.part.nodes)

    assert drawn(closed) == drawn(measured) and len(set(drawn(closed))) == len(drawn(closed))
    # Graphviz lays out little more than the final pages (166 layouts for 133 pages against 840 when written)
    assert laid_out < len(closed) * 1.4 and laid_out < len(calls) / 2, (laid_out, len(closed), len(calls))
