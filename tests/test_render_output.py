"""Drawing through Graphviz: the `dot` program and pygraphviz's bundled Graphviz. SVG that is
well-formed and carries every goal and every hostile string verbatim, no overlapping boxes,
byte-identical output, PNG and PDF, the time limit, and the message when there is no Graphviz."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest
from pypdf import PdfReader
from test_render_support import (
    ENGINES,
    HOSTILE,
    ODD,
    SAMPLES,
    SVG,
    all_text,
    generated_graph,
    hostile_document,
    overlapping,
    sample_graph,
    squash,
    svg_nodes,
    write_yaml,
)

from kinerja_graph import api
from kinerja_graph.render import DiagramOptions, RenderError, build_diagram, draw, load_style, output, render_source
from kinerja_graph.render.labels import clean
from kinerja_graph.render.layout import place
from kinerja_graph.render.paper import paper

STYLE = load_style()
ANY_ENGINE = pytest.mark.skipif(not (output.has_dot() or output.has_pygraphviz()), reason="no Graphviz installed")


def goal_ids(G):
    return [n for n, d in G.nodes(data=True) if d["kind"] in ("goal", "indicator")]


def svg_of(G, engine, **options):
    source = build_diagram(G, None, None, DiagramOptions(**options)).source
    return render_source(source, "svg", engine=engine).data


# ------------------------------------------------------------------ the samples, drawn


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("sample", ["praya", "sokaraja"])
def test_sample_svg_has_every_goal_once_and_nothing_overlaps(sample, engine):
    G = sample_graph(sample)
    svg = svg_of(G, engine)
    nodes, edge_texts = svg_nodes(svg)
    texts = [t for node in nodes for t in node.texts]
    # every goal: its id printed once (top left of its box), its statement there in full
    for n in goal_ids(G):
        assert sum(1 for _, _, text in texts if text == n) == 1, n
        assert squash(G.nodes[n]["statement"]) in squash("".join(t for _, _, t in texts)), n
    boxes = [(node.title, node.box) for node in nodes]
    assert overlapping(boxes) == [], "boxes overlap"
    for node in nodes:  # every text inside its own box
        x0, y0, x1, y1 = node.box
        for x, y, text in node.texts:
            assert x0 - 1 <= x <= x1 + 1 and y0 - 1 <= y <= y1 + 1, (node.title, text)
    for x, y, text in edge_texts:  # edge labels ("Cross Cutting") fall in no box
        assert not any(b[0] < x < b[2] and b[1] < y < b[3] for _, b in boxes), text


def odd_graph():
    from helpers import graph_from_yaml

    return graph_from_yaml(ODD)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("which", ["praya", "odd"])
def test_goals_of_one_level_share_a_rank_and_the_bands_are_stacked(engine, which):
    G = sample_graph("praya") if which == "praya" else odd_graph()
    rendered = render_source(build_diagram(G).source, "svg", engine=engine)
    assert rendered.warnings == []  # Graphviz had nothing to complain about, cycles and all
    nodes, _ = svg_nodes(rendered.data)
    top = {node.title: node.box[1] for node in nodes}  # the boxes of a band are top-aligned
    band = place(G).band  # the declared level's rank; the lowest band for an indicator without a place
    by_rank: dict[int, set] = {}
    for n in goal_ids(G):
        ref = f"g{G.nodes[n]['order']}"
        if ref in top:
            by_rank.setdefault(band[n], set()).add(round(top[ref]))
    for rank, tops in by_rank.items():
        assert max(tops) - min(tops) <= 3, (rank, tops)
    levels = sorted(by_rank)
    assert [min(by_rank[r]) for r in levels] == sorted(min(by_rank[r]) for r in levels)
    bands = sorted((node.box[1], node.title) for node in nodes if node.title.startswith("band"))
    assert [t for _, t in bands] == ["band0", "band1", "band2", "band3", "band4"]
    assert sorted(node.title for node in nodes if not node.title.startswith(("band", "x", "s"))) == sorted(
        f"g{G.nodes[n]['order']}" for n in goal_ids(G) if f"g{G.nodes[n]['order']}" in top
    )
    left = min(node.box[0] for node in nodes if not node.title.startswith("band"))
    assert all(node.box[2] <= left for node in nodes if node.title.startswith("band")), "captions at the left"


# ------------------------------------------------------------------ hostile text


@pytest.mark.parametrize("engine", ENGINES)
def test_hostile_labels_survive_verbatim_and_the_svg_stays_well_formed(tmp_path, engine):
    G = api.load_graph(str(write_yaml(tmp_path / "hostile.yaml", hostile_document())))
    svg = svg_of(G, engine, year=2024)
    root = ET.fromstring(svg)  # well-formed XML
    for element in root.iter():
        assert element.tag.startswith(SVG), f"foreign element {element.tag}"
        assert element.tag != f"{SVG}script"
        assert not any(k.lower().startswith("on") for k in element.attrib)
    texts = all_text(svg)
    joined = squash("".join(texts))
    for key, value in HOSTILE.items():
        assert squash(clean(value)) in joined, key
    # short strings come out as one text element, exactly as typed
    for exact in [
        "&amp;",
        "&lt;tag&gt;",
        "&#65;",
        "&nbsp;",
        "&unknown;",
        "<b>tebal</b>",
        "<script>alert(1)</script>",
        "{a}",
        "\\N",
        "\\\\",
        "😀",
        "🇮🇩",
        "Format {0}",
        "{name}",
        "%(x)d",
    ]:
        assert any(exact in t.replace("\u00a0", " ") for t in texts), exact
    assert any(t.startswith("Garis\\miring") for t in texts)  # \N, \G... were not replaced by Graphviz
    assert not any("pohon_kinerja" in t or t.startswith("g1 ") for t in texts)
    assert 'Kec. <i>"Uji"</i> & {Org} \\N' in " ".join(texts)  # the title
    assert squash('Target 2024: <80> & "90"') in joined  # a target
    assert squash('Satpol <PP> & "TNI"') in joined and any("<PP>" in t for t in texts)  # a crosscutting body


@pytest.mark.parametrize("engine", ENGINES)
def test_control_characters_cannot_break_the_svg(engine):
    G = generated_graph((2,))
    G.nodes["1"]["statement"] = "Bel\x07 NUL\x00 escape\x1b akhir"
    G.nodes["1.1"]["owner"] = "\ufffe\uffff"
    svg = svg_of(G, engine)
    ET.fromstring(svg)
    assert "Bel\ufffdNUL\ufffdescape\ufffdakhir" in squash("".join(all_text(svg)))


# ------------------------------------------------------------------ formats, determinism


# ------------------------------------------------------------------ printed pages: what a planner takes to a meeting

A3 = STYLE.print["papers"]["A3"]
MARGIN = STYLE.print["margin_mm"]
ALL = ["praya", "pujon", "pino-raya", "batumandi", "sokaraja", "clean"]


def printed_size(svg: bytes) -> float:
    """The smallest text of an SVG page printed on A3 (shrunk to fit inside the margins, the better
    orientation, never enlarged), measured here independently of the renderer's own measure."""
    root = ET.fromstring(svg)
    w, h = (float(root.get(k).removesuffix("pt")) for k in ("width", "height"))
    fonts = [float(t.get("font-size")) for t in root.iter(f"{SVG}text")]
    mm = 72 / 25.4
    short, long_ = (A3["width_mm"] - 2 * MARGIN) * mm, (A3["height_mm"] - 2 * MARGIN) * mm
    scale = min(1.0, max(min(long_ / w, short / h), min(short / w, long_ / h)))
    return min(fonts) * scale


def page_geometry(svg: bytes):
    nodes, _ = svg_nodes(svg)
    return {node.title: node.box for node in nodes}


def check_page_geometry(G, page, svg: bytes, layout_band) -> None:
    """On one drawn page: the band captions form a column left of every box; siblings stand side by
    side in their band, never one above the other."""
    boxes = page_geometry(svg)
    bands = [b for t, b in boxes.items() if t.startswith("band")]
    others = [b for t, b in boxes.items() if not t.startswith("band")]
    assert bands and others
    assert max(b[2] for b in bands) <= min(b[0] for b in others) + 0.5, "a box left of the band captions"
    lefts = {round(b[0]) for b in bands}
    assert max(lefts) - min(lefts) <= 2, "the band captions are not one column"
    drawn = {n: f"g{G.nodes[n]['order']}" for n in page.nodes}
    p = layout_band
    for parent in page.nodes:
        kids = [v for v in p.kids.get(parent, ()) if v in drawn]
        for i, a in enumerate(kids):
            for b in kids[i + 1 :]:
                if p.band[a] != p.band[b]:
                    continue
                ba, bb = boxes[drawn[a]], boxes[drawn[b]]
                assert min(ba[2], bb[2]) - max(ba[0], bb[0]) <= 0.5, f"siblings {a} and {b} stacked"
                assert min(ba[3], bb[3]) - max(ba[1], bb[1]) > 0, f"siblings {a} and {b} not in one band"


@pytest.mark.slow
@ANY_ENGINE
@pytest.mark.parametrize("sample", ALL)
def test_every_sample_prints_on_a3_readably_with_every_goal_on_one_page(tmp_path, sample):
    from kinerja_graph.engine import check_graph
    from kinerja_graph.render.layout import place

    G = sample_graph(sample)
    from kinerja_graph import config

    findings = check_graph(G, config.Resolver(None, use_project=False)(str(SAMPLES / f"{sample}.yaml"))).findings
    G = sample_graph(sample)
    drawing, pictures = draw(G, tmp_path / f"{sample}.svg", findings=findings, paper_name="A3")
    written = sorted(p.name for p in tmp_path.iterdir())
    if len(pictures) > 1:
        assert written == sorted(f"{sample}-{i}.svg" for i in range(1, len(pictures) + 1))
        assert pictures[0].part.kind == "overview" and drawing.split
    for picture in pictures:
        size = printed_size(picture.data)
        assert size >= 8.0, f"{sample} page {picture.part.number}: {size:.1f} pt"
        assert picture.measure.smallest_text <= size + 0.05  # what the command says is not flattering
        check_page_geometry(G, picture.part, picture.data, place(G))
    goals = [n for n, d in G.nodes(data=True) if d["kind"] in ("goal", "indicator")]
    for n in goals:
        where = [p.part.number for p in pictures if n in p.part.nodes and p.part.kind != "overview"]
        overview = [p for p in pictures if p.part.kind == "overview" and n in p.part.nodes]
        assert len(where) == 1 or (not where and overview), (n, where)
    # no near-empty sheet: a last page of loose goals takes some from the page before it
    loose = [len(p.part.nodes) for p in pictures if p.part.kind == "loose"]
    if len(loose) > 1:
        assert loose[-1] >= loose[-2] // 2, loose
    # codes on the boxes are keyed to the list on the same sheet
    for picture in pictures:
        texts = all_text(picture.data)
        on_boxes = {m.group(1) for t in texts if (m := re.fullmatch(r"[■▲●](T\d+)", t.strip()))}
        listed = {m.group(1): t for t in texts if (m := re.match(r"[■▲●]\u00a0(T\d+)", t.strip()))}
        assert on_boxes <= set(listed), (picture.part.number, on_boxes - set(listed))
        general = [code for code in listed if code not in on_boxes]  # about the cascade as a whole
        assert not general or " ".join(texts).count("seluruh cascading") >= len(general), general
        assert not general or picture.part.number == 1


@pytest.mark.slow
@ANY_ENGINE
def test_praya_branch_pages_say_where_each_branch_continues(tmp_path):
    G = sample_graph("praya")
    _drawing, pictures = draw(G, tmp_path / "praya.svg")
    home = pictures[0].part.home
    overview = " ".join(all_text(pictures[0].data))
    for head in ("1.1", "1.2", "1.3", "1.4"):
        assert f"lanjut di halaman {home[head]}" in overview or "lanjut di halaman" in overview
        page = pictures[home[head] - 1]
        assert "berkontribusi pada 1 (halaman 1)" in " ".join(all_text(page.data))
    assert "Daftar halaman" in overview


@pytest.mark.slow
@pytest.mark.parametrize("engine", ENGINES)
def test_batumandi_structure_layout_reads_by_its_tree(tmp_path, engine):
    G = sample_graph("batumandi")
    _d, pictures = draw(G, tmp_path / "b.svg", engine=engine, split=False, options=DiagramOptions(layout="structure"))
    boxes = page_geometry(pictures[0].data)
    top = {}
    for n, d in G.nodes(data=True):
        if d["kind"] == "goal":
            top.setdefault(n.count("."), []).append(boxes[f"g{d['order']}"][1])
    depths = sorted(top)
    assert depths == [0, 1, 2, 3, 4]
    for a, b in zip(depths, depths[1:], strict=False):
        assert max(top[a]) < min(top[b]), "a deeper goal drawn above a shallower one"
    bands = sorted((b[1], t) for t, b in boxes.items() if t.startswith("band"))
    assert [t for _, t in bands] == ["band0", "band1", "band2", "band3", "band4"]
    assert any("◆" in t for t in all_text(pictures[0].data))


@ANY_ENGINE
def test_findings_all_includes_info(tmp_path):
    G = sample_graph("clean")
    info = SimpleNamespace(node="1.1.1", severity="info", rule="single-child", related=(), message=lambda lang: "satu")
    _d, marked = draw(G, tmp_path / "a.svg", findings=[info], split=False)
    assert not any("single-child" in t for t in all_text(marked[0].data))
    _d, everything = draw(
        G, tmp_path / "b.svg", findings=[info], split=False, options=DiagramOptions(include_info=True)
    )
    texts = all_text(everything[0].data)
    assert any("●T1" in t for t in texts) and any("single-child" in t for t in texts)


@ANY_ENGINE
def test_a_crosscutting_body_without_a_name_is_drawn(tmp_path):
    G = api.load_graph(
        str(
            write_yaml(
                tmp_path / "cc.yaml",
                {
                    "kinerja": 1,
                    "organisation": {"name": "x"},
                    "nodes": [
                        {"id": "1", "statement": "Meningkatnya kinerja", "level": "Tujuan", "crosscutting": ["#x"]}
                    ],
                },
            )
        )
    )
    _d, pictures = draw(G, tmp_path / "cc.svg")
    assert pictures[0].warnings == [] and "(tanpa nama)" in all_text(pictures[0].data)


@ANY_ENGINE
def test_a_label_graphviz_rejects_is_an_error_not_a_silent_fallback():
    with pytest.raises(RenderError, match="Graphviz"):
        render_source("digraph { a [label=<<B></B>>] }", "svg")


# ------------------------------------------------------------------ formats, determinism


@pytest.mark.slow
@pytest.mark.parametrize("engine", ENGINES)
def test_pages_are_byte_identical_on_every_run(tmp_path, engine):
    G = sample_graph("sokaraja")
    _d, first = draw(G, tmp_path / "a.svg", engine=engine)
    _d, again = draw(sample_graph("sokaraja"), tmp_path / "b.svg", engine=engine)
    assert len(first) > 1
    assert [p.data for p in first] == [p.data for p in again] and [p.source for p in first] == [p.source for p in again]
    assert (tmp_path / "a-2.svg").read_bytes() == (tmp_path / "b-2.svg").read_bytes()
    assert b"<!-- Generated by graphviz" in first[0].data
    assert str(tmp_path).encode() not in first[0].data
    d1, _ = draw(G, tmp_path / "a.pdf", engine=engine)
    d2, _ = draw(sample_graph("sokaraja"), tmp_path / "b.pdf", engine=engine)
    assert d1.pdf == d2.pdf == (tmp_path / "a.pdf").read_bytes()


@pytest.mark.slow
def test_dot_does_not_depend_on_the_hash_seed():
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "kinerja_graph",
                "render",
                str(SAMPLES / "praya.yaml"),
                "-f",
                "dot",
                "-o",
                "-",
                "--findings",
                "--year",
                "2024",
            ],
            capture_output=True,
            env=env,
        )
        assert proc.returncode == 0, proc.stderr
        outputs.add(proc.stdout)
    assert len(outputs) == 1


@pytest.mark.slow
@pytest.mark.parametrize("engine", ENGINES)
def test_pdf_is_one_file_of_a3_pages_and_png_one_file_per_page(tmp_path, engine):
    G = sample_graph("praya")
    drawing, pages = draw(G, tmp_path / "praya.pdf", engine=engine)
    data = (tmp_path / "praya.pdf").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["praya.pdf"]
    pdf = PdfReader(io.BytesIO(data))
    assert pdf.metadata is not None and pdf.metadata["/CreationDate"] == "D:20000101000000Z"  # no clock in it
    assert len(pdf.pages) == len(pages) == len(drawing.pages)
    long_, short = round(420 / 25.4 * 72, 2), round(297 / 25.4 * 72, 2)
    for page in pdf.pages:  # every sheet A3, landscape or portrait
        assert sorted(round(float(x), 2) for x in (page.mediabox.width, page.mediabox.height)) == [short, long_]
        assert page.extract_text().strip()  # the picture is on it, text and all
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(tmp_path / "praya.pdf")], capture_output=True, text=True)
        assert info.returncode == 0 and f"Pages:           {len(pages)}" in info.stdout, info.stderr
    _d, pngs = draw(G, tmp_path / "png" / "praya.png", engine=engine, dpi=60)
    names = sorted(p.name for p in (tmp_path / "png").iterdir())
    assert names == sorted(f"praya-{i}.png" for i in range(1, len(pngs) + 1)) and len(pngs) == len(pages)
    assert all(p.data[:8] == b"\x89PNG\r\n\x1a\n" for p in pngs)


def test_dot_format_needs_no_graphviz(tmp_path, monkeypatch):
    monkeypatch.setattr(output, "has_dot", lambda: False)
    monkeypatch.setattr(output, "has_pygraphviz", lambda: False)
    import kinerja_graph.render as render

    monkeypatch.setattr(render, "has_dot", lambda: False)
    monkeypatch.setattr(render, "has_pygraphviz", lambda: False)
    G = sample_graph("praya")
    drawing, pictures = draw(G, tmp_path / "praya.dot")
    text = pictures[0].source
    assert text.startswith("digraph pohon_kinerja {") and pictures[0].measure.estimated
    assert (tmp_path / drawing.files[0].name).read_text(encoding="utf-8") == text
    with pytest.raises(RenderError) as info:
        draw(G, tmp_path / "praya.svg")
    message = str(info.value)
    assert "apt-get install graphviz" in message and "pip install 'pygraphviz>=2.0'" in message
    assert not list(tmp_path.glob("praya*.svg"))
    with pytest.raises(RenderError, match="pip install"):
        render_source("digraph {}", "svg", engine="pygraphviz", lang="en")


@ANY_ENGINE
def test_graphviz_is_stopped_at_the_time_limit():
    G = generated_graph((4, 5, 5, 6))  # 745 goals in one picture
    source = build_diagram(G).source
    with pytest.raises(RenderError) as info:
        render_source(source, "svg", timeout=0.01, what="besar.svg", goals=745)
    message = str(info.value)
    assert "0.01 detik" in message and "745 kinerja" in message and "--timeout" in message and "besar.svg" in message


@pytest.mark.parametrize("engine", ENGINES)
def test_a_graphviz_failure_is_a_message(engine):
    with pytest.raises(RenderError, match="Graphviz failed to draw broken.svg"):
        render_source("digraph { a -> }", "svg", engine=engine, lang="en", what="broken.svg")


@pytest.mark.slow
@pytest.mark.skipif(not (output.has_dot() and output.has_pygraphviz()), reason="needs both renderers")
def test_auto_prefers_pygraphviz_and_both_draw_the_same_boxes():
    assert output.choose_engine("auto") == "pygraphviz"
    G = sample_graph("praya")
    by_engine = {}
    for engine in ("dot", "pygraphviz"):
        nodes, _ = svg_nodes(svg_of(G, engine))
        by_engine[engine] = sorted(node.title for node in nodes)
    assert by_engine["dot"] == by_engine["pygraphviz"]


def test_paper_fit_and_page_size():
    a3 = paper(STYLE, "A3")
    assert a3.fit((500, 300)) == (1.0, "landscape")  # fits: printed at full size
    long_ = (420 - 2 * MARGIN) / 25.4 * 72
    scale, orientation = a3.fit((2 * long_, 100))
    assert scale == pytest.approx(0.5) and orientation == "landscape"
    assert paper(STYLE, "A4", "portrait").fit((600, 600))[1] == "portrait"
    with pytest.raises(RenderError, match="A3, A4"):
        paper(STYLE, "B5")
    assert output.page_size_pt(b'<svg width="120pt" height="80pt"', "svg", 96) == (120.0, 80.0)


def test_auto_falls_back_to_whichever_graphviz_there_is(monkeypatch):
    monkeypatch.setattr(output, "has_pygraphviz", lambda: False)
    monkeypatch.setattr(output, "has_dot", lambda: True)
    assert output.choose_engine("auto") == "dot"
    monkeypatch.setattr(output, "has_pygraphviz", lambda: True)
    monkeypatch.setattr(output, "has_dot", lambda: False)
    assert output.choose_engine("auto") == "pygraphviz"
    with pytest.raises(RenderError, match="apt-get install graphviz"):
        output.choose_engine("dot")


@pytest.mark.skipif(not output.has_dot(), reason="the Graphviz `dot` program is not installed")
def test_graphviz_runs_without_source_date_epoch_and_pdfs_stay_identical(monkeypatch):
    # fontconfig stamps its font caches with SOURCE_DATE_EPOCH and then finds them stale on every run;
    # the PDF's dates are fixed by the tool itself
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    env = output._env()
    assert "SOURCE_DATE_EPOCH" not in env and env["LC_ALL"] == "C"
    source = 'digraph { a [label="Meningkatnya pelayanan"]; a -> b }'
    first, again = render_source(source, "pdf", engine="dot"), render_source(source, "pdf", engine="dot")
    assert first.data == again.data and b"D:20000101000000Z" in first.data


# ------------------------------------------------------------------ one Graphviz process per run


@pytest.mark.slow
@pytest.mark.parametrize("engine", ENGINES)
def test_one_graphviz_process_draws_every_picture_as_it_would_alone(engine, monkeypatch):
    # the pages of a split cascade: each drawn alone (one process each, as before) and all through one session
    G = sample_graph("sokaraja")
    _d, pictures = draw(G, "unused.dot", "dot", write=False)
    sources = [p.source for p in pictures]
    assert len(sources) > 2
    formats = ["svg", "svg", "png", "pdf", "svg"]
    alone = [render_source(s, f, engine=engine, dpi=40).data for s, f in zip(sources, formats, strict=False)]
    started = []
    real = subprocess.Popen
    monkeypatch.setattr(output.subprocess, "Popen", lambda *a, **k: started.append(a[0]) or real(*a, **k))
    with output.Graphviz(engine, dpi=40) as graphviz:
        together = [graphviz.render(s, f).data for s, f in zip(sources, formats, strict=False)]
        assert graphviz.pictures == len(together)
    assert together == alone  # byte for byte, PNG and PDF included
    # pygraphviz: one child for every format; dot: one process per format (dot -Tsvg, -Tpng, -Tpdf)
    assert len(started) == (1 if engine == "pygraphviz" else 3)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_failure_inside_a_session_is_a_message_and_the_next_picture_is_drawn(engine):
    with output.Graphviz(engine, lang="en") as graphviz:
        first = graphviz.render("digraph t { a -> b }", "svg").data
        with pytest.raises(RenderError, match="Graphviz failed to draw broken.svg"):
            graphviz.render("digraph { a -> }", "svg", what="broken.svg")
        with pytest.raises(RenderError, match="Graphviz failed to draw label.svg"):
            graphviz.render("digraph { a [label=<<B></B>>] }", "svg", what="label.svg")
        assert graphviz.render("digraph t { a -> b }", "svg").data == first


@ANY_ENGINE
def test_the_time_limit_holds_per_picture_in_a_session():
    G = generated_graph((4, 5, 5, 6))  # 745 goals in one picture
    with output.Graphviz(timeout=0.01) as graphviz:
        with pytest.raises(RenderError, match="745"):
            graphviz.render(build_diagram(G).source, "svg", what="besar.svg", goals=745)
        graphviz.timeout = 60.0  # the stopped process is replaced by a new one
        assert b"</svg>" in graphviz.render("digraph { a -> b }", "svg").data
