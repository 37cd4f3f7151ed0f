"""`kinerja render`: options, files written, messages in both languages, errors as messages."""

from __future__ import annotations

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
@pytest.mark.parametrize("sample", [PRAYA, SOKARAJA])
@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_the_samples_are_drawn_in_every_format(tmp_path, sample, fmt):
    out = tmp_path / f"pohon.{fmt}"
    result = run(sample, "-o", out)
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1000
    goals = 64 if "praya" in sample else 44
    assert f"{out}: {goals} kinerja digambar; dicetak pada A3, teks berukuran sekitar" in result.stderr
    assert result.stdout == ""


@needs_graphviz
def test_default_output_goes_to_the_output_folder(tmp_path):
    result = run(PRAYA, cwd=tmp_path)
    assert result.exit_code == 0, result.output
    written = list(tmp_path.rglob("output/praya.svg"))
    assert len(written) == 1
    ET.fromstring(written[0].read_bytes())


@pytest.mark.slow
def test_dot_to_standard_output_needs_no_graphviz(monkeypatch):
    monkeypatch.setattr(output, "has_dot", lambda: False)
    monkeypatch.setattr(output, "has_pygraphviz", lambda: False)
    result = run(PRAYA, "-f", "dot", "-o", "-", "--year", "2024", "--lang", "en")
    assert result.exit_code == 0, result.output
    model = parse_dot(result.stdout)
    assert model.attrs["rankdir"] == "TB" and "Performance Tree of Kecamatan Praya" in model.attrs["label"]
    assert "-: 64 goals drawn" in result.stderr
    # no target for 2024 anywhere in Praya: said, not silently drawn empty
    assert "the cascade gives no target for 2024" in result.stderr
    result = run(PRAYA, "-o", "-")
    assert result.exit_code == 2 and "Graphviz tidak ditemukan" in result.stderr and "Traceback" not in result.output


@pytest.mark.slow
def test_options_reach_the_diagram(tmp_path):
    out = tmp_path / "bagian.dot"
    result = run(PRAYA, "-o", out, "--root", "1.4", "--depth", "2", "--direction", "LR", "--wrap", "30", "--no-stack")
    assert result.exit_code == 0, result.output
    model = parse_dot(out.read_text(encoding="utf-8"))
    assert model.attrs["rankdir"] == "LR"
    assert "Bagian: 1.4 Meningkatnya akuntabilitas" in flat(model.attrs["label"])
    assert len([k for k in model.nodes if k.startswith("g")]) == 1 + 5 + 5
    assert not [k for k in model.nodes if k.startswith("s")]
    assert "<B>Meningkatnya akuntabilitas<BR/>penyelenggaraan urusan</B>" in model.label("g4")  # 30 a line


def test_findings_mark_the_goals_the_checker_finds(tmp_path):
    out = tmp_path / "temuan.dot"
    result = run(PRAYA, "-o", out, "--findings")
    assert result.exit_code == 0, result.output
    source = out.read_text(encoding="utf-8")
    assert "galat (error)" in source
    assert "■" in source  # Praya's outputs have no indicator: missing-indicator is an error


def test_split_writes_an_overview_and_one_file_per_intermediate_outcome(tmp_path):
    out = tmp_path / "pohon.dot"
    result = run(PRAYA, "-o", out, "--split")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["pohon-1.1.dot", "pohon-1.2.dot", "pohon-1.3.dot", "pohon-1.4.dot", "pohon.dot"]
    overview = parse_dot(out.read_text(encoding="utf-8"))
    assert "lihat pohon-1.2.dot" in flat(overview.label("g2"))
    assert "otomatis" not in result.stderr and "melebihi batas" not in result.stderr


def test_big_trees_are_split_automatically_with_a_message(tmp_path):
    source = write_yaml(tmp_path / "besar.yaml", big_document())
    out = tmp_path / "gambar" / "besar.dot"
    result = run(source, "-o", out)
    assert result.exit_code == 0, result.output
    assert "304 kinerja dalam satu gambar melebihi batas 250" in result.stderr and "4 berkas" in result.stderr
    assert sorted(p.name for p in out.parent.iterdir()) == [
        "besar-1.1.dot",
        "besar-1.2.dot",
        "besar-1.3.dot",
        "besar.dot",
    ]
    result = run(source, "-o", tmp_path / "satu.dot", "--no-split", "--lang", "en")
    assert result.exit_code == 0 and not (tmp_path / "satu-1.1.dot").exists()
    assert "satu.dot: 304 goals drawn" in result.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["--root", "9.9"], "--root 9.9: tidak ada kinerja dengan id itu"),
        (["-o", "x.jpg"], "format keluaran tidak dikenal 'jpg'"),
        (["-o", "-", "--split"], "--split writes several files"),
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
