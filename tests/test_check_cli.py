"""`kinerja check` and `kinerja rules` end to end: formats, languages, places, exit codes, bad input."""

import json

import pytest
from click.testing import CliRunner
from helpers import SAMPLES, register_broken_rule

from kinerja_graph import checks
from kinerja_graph.cli import cli

CLEAN = """\
organisation: {name: Kecamatan Bersih, type: kecamatan}
period: [2024, 2025]
nodes:
  - id: "1"
    statement: Meningkatnya kualitas layanan publik
    level: intermediate outcome
    owner: Camat
    indicators:
      - {name: Indeks Kepuasan Masyarakat, formula: rata-rata nilai kepuasan masyarakat pada survei kepuasan masyarakat,
         unit: indeks, source: Laporan survei kepuasan masyarakat,
         targets: {2024: 80, 2025: 82}}
  - id: "1.1"
    parent: "1"
    statement: Meningkatnya layanan sesuai SOP
    level: immediate outcome
    owner: Kasi Pelayanan Umum
    indicators:
      - {name: Persentase layanan sesuai SOP, formula: layanan sesuai SOP / seluruh layanan x 100%, unit: "%",
         source: Register layanan, targets: {2024: 85, 2025: 90}}
  - id: "1.2"
    parent: "1"
    statement: Meningkatnya kompetensi petugas layanan
    level: immediate outcome
    owner: Kasi Pelayanan Umum
    crosscutting: [BKPSDM]
    indicators:
      - {name: Persentase petugas bersertifikat, formula: petugas bersertifikat / seluruh petugas x 100%, unit: "%",
         source: Data kepegawaian, targets: {2024: 60, 2025: 70}}
"""


def run(*args, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


@pytest.fixture
def clean(tmp_path):
    path = tmp_path / "bersih.yaml"
    path.write_text(CLEAN, encoding="utf-8")
    return path


@pytest.fixture
def dangling(tmp_path):
    path = tmp_path / "praya.yaml"
    path.write_text(
        CLEAN.replace(
            'parent: "1"\n    statement: Meningkatnya layanan', 'parent: "9"\n    statement: Meningkatnya layanan'
        ),
        encoding="utf-8",
    )
    return path


def test_a_clean_cascade_exits_0_with_only_advice(clean):
    result = run("check", clean, "--ignore", "leaf-level")
    assert result.exit_code == 0, result.output
    assert "0 galat, 0 peringatan, 0 info" in result.output
    assert "tidak ada temuan" in result.output


def test_an_error_exits_1_and_names_file_line_rule_node_and_text(dangling):
    result = run("check", dangling, "--select", "orphan-node")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"{dangling}  (Kecamatan Bersih)"
    assert lines[1].split()[:4] == [f"{dangling}:12", "error", "orphan-node", "1.1"]  # the path, not the name
    assert lines[1].endswith(
        'Kinerja "Meningkatnya layanan sesuai SOP" menunjuk induk "9" yang tidak terdapat dalam pohon kinerja ini'
    )
    assert lines[-1] == "1 galat, 0 peringatan, 0 info"


def test_english_messages_and_summary(dangling):
    result = run("check", dangling, "--select", "orphan-node,single-child", "--lang", "en")
    assert 'Goal "Meningkatnya layanan sesuai SOP" names parent "9", which does not exist' in result.output
    assert result.output.splitlines()[-1] == "1 error, 0 warnings, 1 info"


def test_fail_on_decides_between_0_and_1(dangling):
    assert run("check", dangling, "--select", "single-child").exit_code == 0
    assert run("check", dangling, "--select", "single-child", "--fail-on", "info").exit_code == 1
    assert run("check", dangling, "--select", "single-child", "--fail-on", "warning").exit_code == 0


def test_json_output_is_stable_and_documented(dangling):
    result = run("check", dangling, "--select", "orphan-node,single-child", "--format", "json", "--lang", "en")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert list(data) == ["version", "summary", "findings", "silenced", "errors"]
    assert data["version"] == 1
    assert data["summary"] == {
        "files": 1,
        "error": 1,
        "warning": 0,
        "info": 1,
        "silenced": 0,
        "unreadable": 0,
        "internal_errors": 0,
    }
    assert [f["rule"] for f in data["findings"]] == ["single-child", "orphan-node"]  # by line
    first = data["findings"][1]
    assert first == {
        "rule": "orphan-node",
        "severity": "error",
        "node": "1.1",
        "related": [],
        "file": str(dangling),
        "line": 12,
        "message": 'Goal "Meningkatnya layanan sesuai SOP" names parent "9", which does not exist',
        "area": "structure",
        "lke": "1.b.8",
        "args": {"label": "Meningkatnya layanan sesuai SOP", "parents": ["9"]},
        "basis": None,
    }
    assert data["findings"][0]["line"] == 4 and data["findings"][0]["related"] == ["1.2"]


def test_json_findings_count_matches_the_summary_on_a_sample():
    data = json.loads(run("check", SAMPLES / "praya.yaml", "--format", "json").output)
    counts = {s: sum(1 for f in data["findings"] if f["severity"] == s) for s in ("error", "warning", "info")}
    assert counts == {s: data["summary"][s] for s in counts}
    assert all(f["file"].endswith("praya.yaml") and f["message"] for f in data["findings"])


def test_silences_are_counted_in_the_summary_with_their_reason(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text(
        """\
organisation: {name: Kecamatan Uji}
nodes:
  - id: "1"
    statement: Meningkatnya kualitas layanan publik
    level: intermediate outcome
    ignore: [{rule: single-child, reason: cascade langsung}]
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome}
""",
        encoding="utf-8",
    )
    result = run("check", path, "--select", "single-child", "--fail-on", "info")
    assert result.exit_code == 0, result.output
    assert 'dikecualikan: single-child ×1 — "cascade langsung"' in result.output
    assert result.output.splitlines()[-1] == "0 galat, 0 peringatan, 0 info (1 dikecualikan)"
    data = json.loads(run("check", path, "--select", "single-child", "--format", "json").output)
    assert data["summary"]["silenced"] == 1 and data["silenced"][0]["reason"] == "cascade langsung"
    assert data["silenced"][0]["rule"] == "single-child" and data["silenced"][0]["node"] == "1"


def test_several_files_one_unreadable_exits_2_and_still_reports_the_others(tmp_path, dangling):
    broken = tmp_path / "rusak.json"
    broken.write_text('{"organisation": {"name": "X"}, "nodes": [', encoding="utf-8")
    result = run("check", broken, dangling, "--select", "orphan-node")
    assert result.exit_code == 2
    assert "tidak dapat dibaca:" in result.output and "not valid JSON" in result.output
    assert "orphan-node" in result.output
    assert result.stdout.splitlines()[-1] == "2 berkas: 1 galat, 0 peringatan, 0 info; 1 berkas tidak dapat dibaca"
    # the reason on stderr too, one line naming the file
    assert result.stderr.startswith(f"kinerja: {broken}:1: not valid JSON") and result.stderr.count("\n") == 1
    as_json = run("check", broken, dangling, "--select", "orphan-node", "--format", "json")
    assert as_json.exit_code == 2
    data = json.loads(as_json.stdout)
    assert data["errors"][0]["kind"] == "input" and data["errors"][0]["file"] == str(broken)
    assert len(data["findings"]) == 1


def test_unknown_rule_ids_are_a_usage_error(clean):
    result = run("check", clean, "--select", "cylce")
    assert result.exit_code == 2
    assert "unknown rule 'cylce' (did you mean cycle?)" in result.output
    assert run("check", clean, "--ignore", "orphan").exit_code == 2
    assert run("rules", "orphan").exit_code == 2


def test_a_bad_rule_pack_is_exit_2_with_every_problem(tmp_path, clean):
    pack = tmp_path / "pack.yaml"
    pack.write_text("rules:\n  cycle: {severity: fatal}\n  single-chlid: true\n", encoding="utf-8")
    result = run("check", clean, "--rules", pack)
    assert result.exit_code == 2
    assert "rules.cycle.severity: 'fatal' is not one of" in result.output
    assert "rules.single-chlid: unknown rule" in result.output


def test_a_rule_pack_changes_severity(tmp_path, dangling):
    pack = tmp_path / "pack.yaml"
    pack.write_text("rules:\n  orphan-node: {severity: warning}\n", encoding="utf-8")
    result = run("check", dangling, "--select", "orphan-node", "--rules", pack)
    assert result.exit_code == 0 and "warning  orphan-node" in result.output


def test_csv_findings_give_the_row(tmp_path):
    path = tmp_path / "tabel.csv"
    path.write_text(
        "Kode;Kode Induk;Tingkat;Kinerja;Indikator\n"
        "1;;sasaran strategis;Meningkatnya kualitas layanan;IKM\n"
        "1.1;9;sasaran program;Meningkatnya layanan sesuai SOP;Persentase layanan\n",
        encoding="utf-8",
    )
    data = json.loads(run("check", path, "--select", "orphan-node", "--format", "json").output)
    assert [(f["node"], f["line"]) for f in data["findings"]] == [("1.1", 3)]
    assert "tabel.csv:3" in run("check", path, "--select", "orphan-node").output


def test_excel_findings_give_sheet_and_cell(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Pohon"
    sheet.append(["Kode", "Kode Induk", "Tingkat", "Kinerja", "Indikator", "Penanggung Jawab"])
    sheet.append(["1", "", "sasaran strategis", "Meningkatnya kualitas layanan", "IKM", "Camat"])
    sheet.append(["1.1", "9", "sasaran program", "Meningkatnya layanan sesuai SOP", "Persentase layanan", "Kasi"])
    path = tmp_path / "pohon.xlsx"
    book.save(path)
    data = json.loads(run("check", path, "--select", "orphan-node", "--format", "json").output)
    assert data["findings"][0]["cell"] == "Pohon!D3" and data["findings"][0]["line"] == 3
    assert "pohon.xlsx:Pohon!D3" in run("check", path, "--select", "orphan-node").output


def test_colour_only_when_asked_or_on_a_terminal(dangling):
    plain = run("check", dangling, "--select", "orphan-node")
    assert "\x1b[" not in plain.output
    coloured = run("check", dangling, "--select", "orphan-node", "--color", "always")
    assert "\x1b[31m" in coloured.output
    assert "\x1b[" not in run("check", dangling, "--select", "orphan-node", env={"NO_COLOR": "1"}).output


def test_control_characters_a_user_typed_do_not_reach_the_terminal(tmp_path):
    path = tmp_path / "jahat.json"
    path.write_text(
        json.dumps(
            {
                "organisation": {"name": "X"},
                "nodes": [
                    {
                        "id": "1",
                        "statement": "Meningkatnya \u001b[2J\u001b[31mlayanan\u202e",
                        "level": "sasaran strategis",
                    },
                    {
                        "id": "2",
                        "parent": "9",
                        "statement": "Meningkatnya \u001b]0;judul\u0007 tertib",
                        "level": "sasaran program",
                    },
                ],
            }
        ),
        encoding="utf-8",
    )
    result = run("check", path, "--select", "orphan-node,missing-indicator")
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\u202e" not in result.output and "\x07" not in result.output
    assert "Meningkatnya \\x1b]0;judul\\x07 tertib" in result.output


def test_an_internal_error_names_the_rule_and_exits_2(monkeypatch, clean):
    register_broken_rule(monkeypatch)
    result = run("check", clean, "--select", "boom,cycle")
    assert result.exit_code == 2
    assert "galat internal: internal error in rule boom: KeyError: 'oops'" in result.output
    as_json = run("check", clean, "--select", "boom", "--format", "json")
    assert as_json.exit_code == 2
    assert json.loads(as_json.stdout)["errors"][0]["rule"] == "boom"
    assert "internal error in rule boom" in as_json.stderr


def test_a_folder_or_no_file_is_a_usage_error(tmp_path):
    assert run("check").exit_code == 2
    assert run("check", tmp_path).exit_code == 2


def test_rules_lists_every_rule_with_its_severity():
    result = run("rules", "--lang", "en")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    for rule_id in checks.all_rules():
        assert any(line.split()[:1] == [rule_id] for line in lines), rule_id
    assert any(line.split()[:3] == ["cycle", "error", "structure"] for line in lines)
    assert any(line.split()[:2] == ["single-child", "info"] for line in lines)


def test_the_catalogue_reads_in_indonesian_by_default():
    lines = run("rules").output.splitlines()
    assert lines[0].split() == ["aturan", "tingkat", "bidang", "LKE", "ringkasan"]
    assert any(line.split()[:4] == ["cycle", "galat", "struktur", "1.b.8"] for line in lines)
    assert any(line.split()[:5] == ["missing-owner", "peringatan", "penanggung", "jawab", "1.b.10"] for line in lines)
    cycle = next(line for line in lines if line.startswith("cycle "))
    assert cycle.endswith(checks.all_rules()["cycle"].summary["id"])


def test_rules_shows_a_disabled_rule_as_off(tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text("rules: {single-child: false}\n", encoding="utf-8")
    lines = run("rules", "--rules", pack, "--lang", "en").output.splitlines()
    assert any(line.split()[:2] == ["single-child", "off"] for line in lines)


def test_rules_id_prints_the_documentation_with_the_packs_options():
    result = run("rules", "missing-source", "--lang", "en")
    assert result.exit_code == 0
    out = result.output
    assert out.startswith(
        "missing-source — An indicator without a data source\narea: indicators   LKE: 2.a.3   severity: warning"
    )
    assert "Why an evaluator cares: LKE 2.a.3 (PermenPANRB 88/2021)" in out
    positions = [
        out.index(h)
        for h in (
            "## What it does",
            "## Why it matters",
            "## Example",
            "## Fix",
            "## Options",
            "## Values in the rule pack",
        )
    ]
    assert positions == sorted(positions)
    assert "  min-length: 2" in out


def test_rules_id_prints_the_documentation_wholly_in_indonesian():
    out = run("rules", "missing-source").output
    rule = checks.all_rules()["missing-source"]
    assert out.startswith(
        f"missing-source — {rule.summary['id']}\nbidang: indikator   LKE: 2.a.3   tingkat: peringatan\n"
    )
    assert f"Dasar penilaian: {rule.rationale['id']}" in out
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings[:5] == ["## Apa yang diperiksa", "## Mengapa penting", "## Contoh", "## Perbaikan", "## Opsi"]
    assert headings[5].startswith('## Nilai dalam paket aturan "default"') and len(headings) == 6
    assert rule.documentation("id").strip() in out and "## What it does" not in out


def test_the_json_documentation_names_the_keys_the_output_has(dangling):
    import re
    from pathlib import Path

    docs = Path(__file__).resolve().parent.parent / "docs" / "json-output.md"
    section = docs.read_text(encoding="utf-8")
    example = json.loads(re.search(r"```json\n(.*?)```", section, re.S).group(1))
    data = json.loads(run("check", dangling, "--select", "orphan-node", "--format", "json").output)
    assert list(example) == list(data)
    assert list(example["summary"]) == list(data["summary"])
    documented = {k for f in example["findings"] for k in f}
    assert set(data["findings"][0]) <= documented
    assert set(example["silenced"][0]) - {"cell"} == set(data["findings"][0]) | {"reason"}


def test_the_clean_sample_raises_no_error_and_no_warning():
    path = SAMPLES / "clean.yaml"
    if not path.exists():
        pytest.skip("samples/clean.yaml is not in this tree")
    result = run("check", path, "--fail-on", "warning", "--no-config")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].startswith("0 galat, 0 peringatan")
