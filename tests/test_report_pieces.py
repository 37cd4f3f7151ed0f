"""The report's page is kept in pieces and written a few thousand pieces at a time
(html_markup.wrap / pieces, html.page_pieces, html_build._write): the file holds the very text
`render_page` makes whole, and `wrap` / `pieces` write what `tag` / `join` write."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from kinerja_graph import pipeline
from kinerja_graph.report import html, html_build
from kinerja_graph.report.html_markup import Html, join, pieces, tag, wrap

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = "samples/pino-raya.yaml"  # a hundred findings and more, owners, an indicator table


def test_wrap_and_pieces_write_what_tag_and_join_write():
    rows = [tag("tr", tag("td", "<a & b>"), data_n=1), tag("tr", tag("td", 'say "hi"'))]
    assert "".join(wrap("tbody", rows, class_="x", hidden=True)) == tag("tbody", join(rows), class_="x", hidden=True)
    assert "".join(wrap("p", [])) == tag("p")
    mixed = ["<b>", Html("<b>"), None, 3, wrap("i", [Html("x")])]
    assert "".join(pieces(mixed, " & ")) == join(["<b>", Html("<b>"), None, 3, tag("i", Html("x"))], " & ")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_written_page_is_the_page_made_whole(monkeypatch, tmp_path, lang):
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(html_build, "_BATCH", 7)  # many writes from a sample
    batch = html_build.build_reports(
        [SAMPLE], pipeline.Options(use_project=False), output=str(tmp_path / "p.html"), lang=lang, diagram=False
    )
    result = batch.results[0]
    assert result.page is not None
    written = result.page.read_text(encoding="utf-8")
    (one,) = pipeline.each([SAMPLE], pipeline.Options(use_project=False))
    assert len(one.report.findings) > 50
    page = html.PageInput(one.graph, one.report, None, None, one.settings.pack.vocabulary.get("owners"))
    parts = html.page_pieces(page, lang)
    assert len(parts) > 7 * 10
    assert all(isinstance(p, str) for p in parts)
    assert "".join(parts) == html.render_page(page, lang) == written
    assert written.count('<tr class="kg-f"') == len(one.report.findings)


def test_the_page_is_made_with_the_collector_paused_and_resumed(monkeypatch, tmp_path):
    monkeypatch.chdir(ROOT)
    seen = []
    real = html.page_pieces

    def spy(page, lang="id"):
        seen.append(gc.isenabled())
        return real(page, lang)

    monkeypatch.setattr(html, "page_pieces", spy)
    assert gc.isenabled()
    html_build.build_reports(
        [SAMPLE], pipeline.Options(use_project=False), output=str(tmp_path / "p.html"), diagram=False
    )
    assert seen == [False]
    assert gc.isenabled()
