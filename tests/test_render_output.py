"""Drawing through Graphviz: the `dot` program and pygraphviz's bundled Graphviz. SVG that is
well-formed and carries every goal and every hostile string verbatim, no overlapping boxes,
byte-identical output, PNG and PDF, the time limit, and the message when there is no Graphviz."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from test_render_support import (
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

STYLE = load_style()
ENGINES = [
    pytest.param(
        "dot", marks=pytest.mark.skipif(not output.has_dot(), reason="the Graphviz `dot` program is not installed")
    ),
    pytest.param(
        "pygraphviz",
        marks=pytest.mark.skipif(
            not output.has_pygraphviz(), reason="pygraphviz is not installed (pip install -e '.[render]')"
        ),
    ),
]
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
    by_rank: dict[int, set] = {}
    for n in goal_ids(G):
        ref = f"g{G.nodes[n]['order']}"
        if ref in top:
            by_rank.setdefault(G.nodes[n]["rank"], set()).add(round(top[ref]))
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
        "{name} %s %(x)d",
    ]:
        assert any(exact in t.replace("\u00a0", " ") for t in texts), exact
    assert any(t.startswith("Garis\\miring") for t in texts)  # \N, \G... were not replaced by Graphviz
    assert not any("pohon_kinerja" in t or t.startswith("g1 ") for t in texts)
    assert 'Kec. <i>"Uji"</i> & {Org} \\N' in " ".join(texts)  # the title
    assert any('<80> & "90"' in t for t in texts)  # a target
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


@pytest.mark.parametrize("engine", ENGINES)
def test_svg_and_dot_are_byte_identical_on_every_run(tmp_path, engine):
    G = sample_graph("sokaraja")
    first_plan, first = draw(G, tmp_path / "a.svg", engine=engine)
    _, again = draw(sample_graph("sokaraja"), tmp_path / "b.svg", engine=engine)
    assert first[0].data == again[0].data and first[0].source == again[0].source
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()
    assert b"<!-- Generated by graphviz" in first[0].data
    assert str(tmp_path).encode() not in first[0].data  # nothing about where or when it was drawn


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
@pytest.mark.parametrize("sample", ["praya", "sokaraja"])
def test_png_and_pdf(tmp_path, sample, engine):
    G = sample_graph(sample)
    _, png = draw(G, tmp_path / f"{sample}.png", engine=engine, dpi=100)
    data = (tmp_path / f"{sample}.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    w, h = png[0].size_pt
    svg_w, svg_h = draw(G, tmp_path / f"{sample}.svg", engine=engine)[1][0].size_pt
    assert abs(w - svg_w) < 2 and abs(h - svg_h) < 2  # the same picture, at 100 dpi
    _, pdf = draw(G, tmp_path / f"{sample}.pdf", engine=engine)
    data = (tmp_path / f"{sample}.pdf").read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]
    assert b"(D:20000101000000Z)" in data  # cairo's creation time replaced: the PDF is reproducible
    _, pdf_again = draw(G, tmp_path / f"{sample}-2.pdf", engine=engine)
    assert pdf_again[0].data == pdf[0].data


def test_dot_format_needs_no_graphviz(tmp_path, monkeypatch):
    monkeypatch.setattr(output, "has_dot", lambda: False)
    monkeypatch.setattr(output, "has_pygraphviz", lambda: False)
    G = sample_graph("praya")
    _, pictures = draw(G, tmp_path / "praya.dot")
    text = (tmp_path / "praya.dot").read_text(encoding="utf-8")
    assert text.startswith("digraph pohon_kinerja {") and text == pictures[0].source
    with pytest.raises(RenderError) as info:
        draw(G, tmp_path / "praya.svg")
    message = str(info.value)
    assert "apt-get install graphviz" in message and "pip install 'pygraphviz>=2.0'" in message
    assert not (tmp_path / "praya.svg").exists()
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


def test_print_scale_and_page_size():
    assert output.print_scale((500, 300), (297, 420)) == 1.0  # fits: printed at full size
    a3_long = 420 / 25.4 * 72
    assert output.print_scale((2 * a3_long, 100), (297, 420)) == pytest.approx(0.5)
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
