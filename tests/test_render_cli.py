"""`kinerja render`: options, files written, messages in both languages, errors as messages."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner
from test_render_support import SAMPLES, flat, parse_dot, write_yaml

from kinerja_graph.cli import cli
from kinerja_graph.render import output

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # pydot on pyparsing 3.3
HAS_GRAPHVIZ = output.has_dot() or output.has_pygraphviz()
needs_graphviz = pytest.mark.skipif(not HAS_GRAPHVIZ, reason="no Graphviz installed (dot or pygraphviz)")
PRAYA = str(SAMPLES / "praya.yaml")
SOKARAJA = str(SAMPLES / "sokaraja.yaml")


def run(*args, cwd=None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(cli, ["render", *map(str, args)])
    with runner.isolated_filesystem(temp_dir=cwd):
        return runner.invoke(cli, ["render", *map(str, args)])


def big_document(branches=3, per_branch=100) -> dict:
    nodes = [
        {"id": "1", "statement": "Tujuan besar", "level": "tujuan", "owner": "Camat", "indicators": [{"name": "IKM"}]}
    ]
    for b in range(1, branches + 1):
        nodes.append(
            {
                "id": f"1.{b}",
                "parent": "1",
                "statement": f"Sasaran {b}",
                "level": "sasaran",
                "owner": "Camat",
                "indicators": [{"name": f"Indikator sasaran {b}"}],
            }
        )
        for k in range(1, per_branch + 1):
            nodes.append(
                {
                    "id": f"1.{b}.{k}",
                    "parent": f"1.{b}",
                    "statement": f"Program {b}.{k}",
                    "level": "program",
                    "owner": "Kasi",
                    "indicators": [{"name": f"Indikator {b}.{k}"}],
                }
            )
    return {"kinerja": 1, "organisation": {"name": "Kecamatan Besar"}, "nodes": nodes}


# ------------------------------------------------------------------ drawing the samples


@pytest.mark.slow
@needs_graphviz
@pytest.mark.slow
@pytest.mark.parametrize(
    "sample, fmt", [(PRAYA, "svg"), (PRAYA, "png"), (PRAYA, "pdf"), (SOKARAJA, "svg")], ids=lambda x: str(x)[-12:]
)
def test_the_samples_are_printed_on_a3_pages_in_every_format(tmp_path, sample, fmt):
    out = tmp_path / f"pohon.{fmt}"
    result = run(sample, "-o", out, "--paper", "A3")
    assert result.exit_code == 0, result.output
    goals = 64 if "praya" in sample else 44
    m = re.search(rf"(\S+): (\d+) halaman, {goals} kinerja; teks terkecil ([\d.]+) pt pada A3", result.stderr)
    assert m, result.stderr
    pages, smallest = int(m.group(2)), float(m.group(3))
    assert pages > 1 and smallest >= 8.0
    assert "dibagi menjadi" in result.stderr and "kurang dari 8.0 pt" in result.stderr  # why it split
    written = sorted(p.name for p in tmp_path.iterdir())
    if fmt == "pdf":
        assert written == ["pohon.pdf"] and out.read_bytes().startswith(b"%PDF-")
    else:
        assert written == sorted(f"pohon-{i}.{fmt}" for i in range(1, pages + 1))
    for i in range(1, pages + 1):
        assert re.search(
            rf"halaman {i} \(.*\): .*; \d+ kinerja, teks terkecil [\d.]+ pt \((lanskap|potret)\)", result.stderr
        )
    assert "tetap tercetak" not in result.stderr
    assert result.stdout == ""


@needs_graphviz
def test_a_small_cascade_is_one_page_with_its_plain_name(tmp_path):
    source = write_yaml(tmp_path / "kecil.yaml", big_document(2, 2))
    result = run(source, "-o", tmp_path / "kecil.svg", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kecil.svg", "kecil.yaml"]
    assert re.search(r"kecil\.svg: 1 page\(s\), 7 goals; smallest text [\d.]+ pt on A3", result.stderr)


@needs_graphviz
def test_default_output_goes_to_the_output_folder(tmp_path):
    result = run(PRAYA, cwd=tmp_path)
    assert result.exit_code == 0, result.output
    written = sorted(tmp_path.rglob("output/praya-*.svg"))
    assert len(written) > 1
    ET.fromstring(written[0].read_bytes())


@pytest.mark.slow
def test_dot_to_standard_output_needs_no_graphviz(monkeypatch):
    import kinerja_graph.render as render

    for module in (output, render):
        monkeypatch.setattr(module, "has_dot", lambda: False)
        monkeypatch.setattr(module, "has_pygraphviz", lambda: False)
    result = run(PRAYA, "-f", "dot", "-o", "-", "--year", "2024", "--lang", "en")
    assert result.exit_code == 0, result.output
    model = parse_dot(result.stdout)
    assert model.attrs["rankdir"] == "TB" and "Performance Tree of Kecamatan Praya" in model.attrs["label"]
    assert "-: 1 page(s), 64 goals" in result.stderr
    assert "the cascade gives no target for 2024" in result.stderr
    result = run(PRAYA, "-o", "-")
    assert result.exit_code == 2 and "Graphviz tidak ditemukan" in result.stderr and "Traceback" not in result.output


@pytest.mark.slow
def test_options_reach_the_diagram(tmp_path):
    out = tmp_path / "bagian.dot"
    result = run(PRAYA, "-o", out, "--root", "1.4", "--depth", "2", "--direction", "LR", "--wrap", "30", "--no-split")
    assert result.exit_code == 0, result.output
    model = parse_dot(out.read_text(encoding="utf-8"))
    assert model.attrs["rankdir"] == "LR"
    assert "Bagian: 1.4 Meningkatnya akuntabilitas" in flat(model.attrs["label"])
    assert len([k for k in model.nodes if k.startswith("g")]) == 1 + 5 + 5
    assert "<B>Meningkatnya akuntabilitas</B><BR/><B>penyelenggaraan urusan</B>" in model.label("g4")  # 30 a line
    result = run(str(SAMPLES / "batumandi.yaml"), "-o", tmp_path / "b.dot", "--layout", "structure", "--no-split")
    assert result.exit_code == 0 and "◆" in (tmp_path / "b.dot").read_text(encoding="utf-8")
    result = run(str(SAMPLES / "batumandi.yaml"), "-o", tmp_path / "c.dot", "--no-split")
    assert "--layout structure menggambar menurut pohon" in result.stderr  # the hint, where it helps


def test_findings_mark_the_goals_the_checker_finds(tmp_path):
    out = tmp_path / "temuan.dot"
    result = run(PRAYA, "-o", out, "--no-split", "--findings")
    assert result.exit_code == 0, result.output
    source = out.read_text(encoding="utf-8")
    assert "galat (error)" in source and "Temuan pemeriksaan pada halaman ini" in source
    assert re.search(r"▲T\d+<", source) and "goal-is-activity" in source
    assert "belum ada: Indikator, PJ" in source  # missing-indicator / missing-owner: the grey patch
    assert "single-child" not in source
    result = run(PRAYA, "-o", out, "--no-split", "--findings", "all")
    assert result.exit_code == 0, result.output
    assert "single-child" in out.read_text(encoding="utf-8") and "●T" in out.read_text(encoding="utf-8")


def test_split_writes_an_overview_and_the_branches(tmp_path):
    out = tmp_path / "pohon.dot"
    result = run(PRAYA, "-o", out, "--split")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names[0] == "pohon-1.dot" and len(names) > 2
    overview = parse_dot((tmp_path / "pohon-1.dot").read_text(encoding="utf-8"))
    assert "lanjut di halaman" in flat(overview.label("g2"))
    assert "Daftar halaman" in flat(overview.clusters["cluster_page"][1]["label"])
    assert "dibagi menjadi" not in result.stderr


@needs_graphviz
@pytest.mark.slow
def test_big_trees_are_split_by_what_prints_not_by_a_count(tmp_path):
    source = write_yaml(tmp_path / "besar.yaml", big_document(3, 12))
    out = tmp_path / "gambar" / "besar.svg"
    result = run(source, "-o", out)
    assert result.exit_code == 0, result.output
    assert "dibagi menjadi" in result.stderr and "teks terkecil" in result.stderr
    pages = sorted(p.name for p in out.parent.iterdir())
    assert len(pages) > 1 and "tetap tercetak" not in result.stderr
    result = run(source, "-o", tmp_path / "satu.svg", "--no-split", "--lang", "en")
    assert result.exit_code == 0 and not (tmp_path / "satu-1.svg").exists()
    assert "satu.svg: 1 page(s), 40 goals" in result.stderr
    assert "page 1 still prints with" in result.stderr and "use --split" in result.stderr
    small = run(source, "-o", tmp_path / "a4.svg", "--paper", "A4", "--orientation", "portrait", "--lang", "en")
    assert small.exit_code == 0 and "on A4" in small.stderr and "(landscape)" not in small.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["--root", "9.9"], "--root 9.9: tidak ada kinerja dengan id itu"),
        (["-o", "x.jpg"], "format keluaran tidak dikenal 'jpg'"),
        (["-o", "-", "--split"], "--split writes several files"),
        (["--paper", "B5"], "Invalid value for '--paper'"),
    ],
)
def test_bad_options_are_messages_with_exit_code_2(tmp_path, args, message):
    result = run(PRAYA, *args, cwd=tmp_path)
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_a_file_that_cannot_be_read_is_a_message(tmp_path):
    bad = tmp_path / "rusak.yaml"
    bad.write_text("kinerja: 1\nnodes: [\n", encoding="utf-8")
    result = run(bad, "-o", tmp_path / "x.dot")
    assert result.exit_code == 2 and "rusak.yaml" in result.stderr and "Traceback" not in result.output
    result = run(tmp_path / "tidak-ada.yaml", "-o", tmp_path / "x.dot")
    assert result.exit_code == 2 and "tidak-ada.yaml" in result.stderr


def test_an_unwritable_output_is_a_message(tmp_path):
    blocker = tmp_path / "berkas"
    blocker.write_text("x", encoding="utf-8")
    result = run(PRAYA, "-o", blocker / "pohon.dot")
    assert result.exit_code == 2 and "tidak dapat menulis" in result.stderr and "Traceback" not in result.output


@needs_graphviz
def test_time_limit_from_the_command_line(tmp_path):
    source = write_yaml(tmp_path / "besar.yaml", big_document(3, 200))
    result = run(source, "-o", tmp_path / "besar.svg", "--no-split", "--timeout", "0.01", "--lang", "en")
    assert result.exit_code == 2
    assert "Graphviz was stopped after 0.01 s drawing 604 goals" in result.stderr
