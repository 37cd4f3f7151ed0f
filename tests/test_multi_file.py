"""Several cascades in one run: `kinerja check DIR/` finds the cascade files, one exit code, findings per
file, crosscutting links resolved across the files."""

import json
import shutil

import pytest
from click.testing import CliRunner
from helpers import SAMPLES

from kinerja_graph.cli import cli
from kinerja_graph.loaders import discover as files

CLEAN = (SAMPLES / "clean.yaml").read_text(encoding="utf-8")

PARTNER = """\
kinerja: 1
organisation: {name: Kecamatan Mitra, type: kecamatan, id: mitra}
period: [2025, 2029]
nodes:
  - id: "1"
    statement: Terwujudnya ketenteraman dan ketertiban umum di wilayah kecamatan mitra
    level: Intermediate Outcome
    owner: Camat
    indicators:
      - name: Persentase gangguan ketenteraman dan ketertiban umum yang tertangani
        formula: gangguan ketenteraman dan ketertiban umum yang tertangani / seluruh gangguan yang dilaporkan × 100 %
        unit: "%"
        calculation: non-kumulatif
        source: Laporan penanganan gangguan trantibum Kecamatan Mitra
        targets: {2025: "80", 2026: "82", 2027: "84", 2028: "86", 2029: "88"}
  - id: "1.1"
    parent: "1"
    statement: Meningkatnya penegakan peraturan daerah bersama kecamatan tetangga
    level: Immediate Outcome
    owner: Kasi Trantib
    indicators:
      - name: Persentase pelanggaran peraturan daerah yang ditindaklanjuti
        formula: pelanggaran peraturan daerah yang ditindaklanjuti / seluruh pelanggaran yang ditemukan × 100 %
        unit: "%"
        calculation: non-kumulatif
        source: Register penegakan peraturan daerah Kecamatan Mitra
        targets: {2025: "70", 2026: "75", 2027: "80", 2028: "85", 2029: "90"}
"""

LINK_MARKER = '    crosscutting: ["Dinas Pemberdayaan Masyarakat dan Desa"]\n'


def run(*args):
    return CliRunner().invoke(cli, ["check", "--no-config", *[str(a) for a in args]])


def as_json(*args):
    result = run("--format", "json", "--lang", "en", *args)
    return result, json.loads(result.stdout)


@pytest.fixture
def folder(tmp_path):
    """A planning team's repository: two linked cascades, a table, and files that are not cascades."""
    root = tmp_path / "pohon"
    (root / "2025").mkdir(parents=True)
    assert LINK_MARKER in CLEAN
    (root / "sukamaju.yaml").write_text(
        CLEAN.replace(
            LINK_MARKER, '    crosscutting: ["Dinas Pemberdayaan Masyarakat dan Desa", "mitra#1.1", "mitra#1.9"]\n'
        ),
        encoding="utf-8",
    )
    (root / "mitra.yaml").write_text(PARTNER, encoding="utf-8")
    shutil.copy(SAMPLES / "batumandi.csv", root / "2025" / "batumandi.csv")
    # not cascades: a rule pack, a JSON Schema, a plain table, a workflow and an Excel lock file
    (root / "kabupaten-rules.yaml").write_text(
        "name: kabupaten\nextends: default\nrules: {single-child: false}\n", encoding="utf-8"
    )
    shutil.copy(SAMPLES.parent / "kinerja_graph" / "schemas" / "cascade.schema.json", root / "cascade.schema.json")
    (root / "anggaran.csv").write_text("Program;Pagu\nPenunjang;100000000\n", encoding="utf-8")
    (root / ".github" / "workflows").mkdir(parents=True)
    (root / ".github" / "workflows" / "kinerja.yml").write_text("nodes: []\n", encoding="utf-8")
    (root / "~$pohon.xlsx").write_bytes(b"lock")
    return root


def test_a_folder_is_searched_for_cascade_files_only(folder):
    found = files.discover(str(folder))
    assert [p.replace(str(folder), "").lstrip("/") for p in found] == [
        "2025/batumandi.csv",
        "mitra.yaml",
        "sukamaju.yaml",
    ]


def test_one_run_reports_per_file_with_one_exit_code(folder):
    result, data = as_json(folder)
    assert data["summary"]["files"] == 3
    assert data["summary"]["unreadable"] == 0
    by_file = {}
    for f in data["findings"]:
        by_file.setdefault(f["file"], []).append(f)
    assert set(by_file) <= {
        str(folder / "2025" / "batumandi.csv"),
        str(folder / "mitra.yaml"),
        str(folder / "sukamaju.yaml"),
    }
    doubtful = [f for f in by_file[str(folder / "2025" / "batumandi.csv")] if f["basis"] == "doubtful"]
    assert doubtful and {f["severity"] for f in doubtful} == {"warning"}  # resting on doubtful level labels
    assert result.exit_code == 0  # batumandi's errors rest on inferred parents: softened to warnings
    assert run("--fail-on", "warning", folder).exit_code == 1  # one exit code for the run
    lines = run(folder).stdout.rstrip().splitlines()
    headers = [line for line in lines if not line.startswith(" ") and line.strip()]
    assert [h.split("  (")[0] for h in headers[:-1]] == [
        str(folder / "2025" / "batumandi.csv"),
        str(folder / "mitra.yaml"),
        str(folder / "sukamaju.yaml"),
    ]
    assert lines[-1].startswith("3 berkas: ")


def test_crosscutting_links_are_resolved_across_the_files_of_the_run(folder):
    def unresolved(*paths):
        _, data = as_json(*paths)
        return [f["message"] for f in data["findings"] if f["rule"] == "crosscutting-unresolved"]

    together = unresolved(folder)
    assert len(together) == 1 and '"mitra#1.9"' in together[0] and "Kecamatan Mitra" in together[0]
    # checked alone, a link to another organisation's cascade is not judged
    assert unresolved(folder / "sukamaju.yaml") == []
    # files named one by one resolve the same way as the folder
    assert unresolved(folder / "sukamaju.yaml", folder / "mitra.yaml") == together


def test_the_exit_code_is_the_worst_of_the_run(folder):
    shutil.rmtree(folder / "2025")
    result, data = as_json(folder, "--ignore", "crosscutting-unresolved")
    assert result.exit_code == 0, data["findings"]
    (folder / "rusak.yaml").write_text("kinerja: 1\nnodes: [\n", encoding="utf-8")
    result, data = as_json(folder, "--ignore", "crosscutting-unresolved")
    assert result.exit_code == 2
    assert data["summary"]["files"] == 3 and data["summary"]["unreadable"] == 1
    assert "rusak.yaml" in result.stderr


def test_a_folder_without_cascades_is_an_error(tmp_path):
    (tmp_path / "catatan.yaml").write_text("judul: rapat\n", encoding="utf-8")
    result = run(tmp_path)
    assert result.exit_code == 2
    assert "no cascade files found" in result.stderr and str(tmp_path) in result.stderr


def test_a_file_named_explicitly_is_checked_whatever_it_holds(folder):
    result = run(folder / "kabupaten-rules.yaml")
    assert result.exit_code == 2
    assert "kabupaten-rules.yaml" in result.output
