"""Baselines: `kinerja check --write-baseline FILE`, then `--baseline FILE` fails only on new findings;
the keys survive reordered rows, shifted lines, renumbered ids, renamed indicators and edited statements."""

import json
import shutil

import pytest
import yaml
from click.testing import CliRunner
from helpers import SAMPLES

from kinerja_graph.cli import cli


def run(*args):
    return CliRunner().invoke(cli, ["check", "--no-config", *[str(a) for a in args]])


def report(*args):
    result = run("--format", "json", "--lang", "en", *args)
    return result, json.loads(result.stdout)


def praya_data() -> dict:
    return yaml.safe_load((SAMPLES / "praya.yaml").read_text(encoding="utf-8"))


def write(path, data):
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    return path


def node(data, node_id):
    return next(n for n in data["nodes"] if n["id"] == node_id)


@pytest.fixture
def recorded(tmp_path):
    """praya.yaml with today's findings recorded in a baseline."""
    cascade = tmp_path / "praya.yaml"
    shutil.copy(SAMPLES / "praya.yaml", cascade)
    baseline = tmp_path / "kinerja-baseline.json"
    result = run(cascade, "--write-baseline", baseline)
    assert result.exit_code == 0, result.output
    return cascade, baseline


def test_write_baseline_records_every_finding_and_does_not_fail(recorded):
    cascade, baseline = recorded
    _, today = report(cascade)
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["kinerja_baseline"] == 1 and data["scheme"] == "kinerja/v1"
    assert len(data["findings"]) == len(today["findings"]) > 100
    assert sorted((e["rule"], e["node"]) for e in data["findings"]) == sorted(
        (f["rule"], f["node"]) for f in today["findings"]
    )
    assert len({e["fingerprint"] for e in data["findings"]}) == len(data["findings"])


def test_with_its_baseline_the_same_cascade_passes_and_the_findings_are_counted_not_hidden(recorded):
    cascade, baseline = recorded
    result, data = report(cascade, "--baseline", baseline)
    assert result.exit_code == 0
    assert data["findings"] == []
    assert len(data["silenced"]) == len(json.loads(baseline.read_text())["findings"])
    assert all(s["reason"] == f"baseline: {baseline}" for s in data["silenced"])
    text = run(cascade, "--baseline", baseline)
    assert text.exit_code == 0
    assert "0 galat, 0 peringatan, 0 info" in text.stdout and "dikecualikan" in text.stdout


def test_reordered_rows_shifted_lines_and_renumbered_ids_keep_the_baseline(recorded, tmp_path):
    cascade, baseline = recorded
    data = praya_data()
    renumber = {n["id"]: "P-" + n["id"].replace(".", "-") for n in data["nodes"]}
    for n in data["nodes"]:
        n["id"] = renumber[n["id"]]
        if "parent" in n:
            n["parent"] = renumber[n["parent"]]
    data["nodes"].reverse()
    edited = write(tmp_path / "praya-renumbered.yaml", data)
    result, after = report(edited, "--baseline", baseline)
    assert result.exit_code == 0, after["findings"]
    assert after["findings"] == []
    _, plain = report(edited)
    assert {f["node"] for f in plain["findings"] if f["node"]} <= set(renumber.values())  # ids really changed


def test_an_introduced_defect_fails_and_is_the_only_finding_reported(recorded, tmp_path):
    cascade, baseline = recorded
    data = praya_data()
    data["nodes"].insert(
        5,
        {
            "id": "1.4.6",
            "parent": "1.7",
            "statement": "Meningkatnya kapasitas aparatur kecamatan",
            "level": "Inmediate Outcome",
            "owner": "Kasubbag Umum dan Kepeg",
            "indicators": [{"name": "Persentase aparatur yang mengikuti pelatihan"}],
        },
    )
    result, after = report(write(tmp_path / "praya.yaml", data), "--baseline", baseline)
    assert result.exit_code == 1
    assert after["findings"] and {f["node"] for f in after["findings"]} == {"1.4.6"}
    assert "orphan-node" in {f["rule"] for f in after["findings"]}
    # the whole-cascade findings whose counts changed ("none of 20 indicators") are not new
    assert not [f for f in after["findings"] if f["node"] is None]


def test_a_fixed_defect_passes_and_its_entry_is_reported_as_stale(recorded, tmp_path):
    cascade, baseline = recorded
    data = praya_data()
    node(data, "1.1.1.1")["owner"] = "Kasi Pelayanan Umum"
    result = run(write(tmp_path / "praya.yaml", data), "--baseline", baseline, "--lang", "en")
    assert result.exit_code == 0
    assert "1 baseline entry no longer matches" in result.stderr


@pytest.mark.slow
def test_a_renamed_indicator_and_an_edited_statement_keep_their_findings_accepted(tmp_path):
    cascade = tmp_path / "pino-raya.yaml"
    shutil.copy(SAMPLES / "pino-raya.yaml", cascade)
    baseline = tmp_path / "baseline.json"
    assert run(cascade, "--write-baseline", baseline).exit_code == 0
    _, before = report(cascade)
    on_51 = sorted(f["rule"] for f in before["findings"] if f["node"] == "5.1")
    assert "unit-mismatch" in on_51  # a finding about the indicator of 5.1
    data = yaml.safe_load(cascade.read_text(encoding="utf-8"))
    node(data, "5.1")["indicators"][0]["name"] = "Jumlah pembinaan dan pengawasan pemerintahan desa (revisi)"
    node(data, "5.1")["statement"] = node(data, "5.1")["statement"] + " (diperbaiki)"
    result, after = report(write(tmp_path / "pino-raya.yaml", data), "--baseline", baseline)
    assert sorted(f["rule"] for f in report(tmp_path / "pino-raya.yaml")[1]["findings"] if f["node"] == "5.1") == on_51
    assert result.exit_code == 0, after["findings"]
    assert after["findings"] == []
    # the exact fingerprints of 5.1's findings changed: the fallback keys accepted them
    recorded = {e["fingerprint"] for e in json.loads(baseline.read_text(encoding="utf-8"))["findings"]}
    sarif = json.loads(run(tmp_path / "pino-raya.yaml", "--format", "sarif").stdout)["runs"][0]["results"]
    on_51_now = [r["fingerprints"]["kinerja/v1"] for r in sarif if r["properties"]["node"] == "5.1"]
    assert len(on_51_now) == len(on_51) and not set(on_51_now) & recorded


def test_a_renamed_file_keeps_its_baseline(recorded, tmp_path):
    cascade, baseline = recorded
    moved = tmp_path / "pohon-kinerja-2024.yaml"
    shutil.copy(cascade, moved)
    result, after = report(moved, "--baseline", baseline)
    assert result.exit_code == 0 and after["findings"] == []


def test_exit_zero_reports_without_failing_but_unreadable_input_still_exits_2(tmp_path):
    result = run(SAMPLES / "praya.yaml", "--exit-zero")
    assert result.exit_code == 0
    assert "missing-indicator" in result.stdout
    broken = tmp_path / "rusak.yaml"
    broken.write_text("nodes: [", encoding="utf-8")
    assert run(broken, "--exit-zero").exit_code == 2


@pytest.mark.parametrize(
    "content, says",
    [
        (None, "no such baseline file"),
        ("{ not json", "not a baseline: invalid JSON"),
        ('{"findings": []}', "not a kinerja baseline"),
        ('{"kinerja_baseline": 1, "findings": [{"rule": "x"}]}', 'findings[0]: needs a "fingerprint" string'),
    ],
)
def test_a_bad_baseline_is_a_clear_error_with_exit_2(tmp_path, content, says):
    baseline = tmp_path / "baseline.json"
    if content is not None:
        baseline.write_text(content, encoding="utf-8")
    result = run(SAMPLES / "clean.yaml", "--baseline", baseline)
    assert result.exit_code == 2
    assert says in result.stderr and str(baseline) in result.stderr
    assert "Traceback" not in result.output


def test_baselined_findings_are_external_suppressions_in_sarif(recorded):
    cascade, baseline = recorded
    result = run(cascade, "--baseline", baseline, "--format", "sarif")
    assert result.exit_code == 0
    results = json.loads(result.stdout)["runs"][0]["results"]
    assert results and all(r["suppressions"][0]["kind"] == "external" for r in results)
    recorded_prints = {e["fingerprint"] for e in json.loads(baseline.read_text())["findings"]}
    assert {r["partialFingerprints"]["kinerjaFingerprint/v1"] for r in results} == recorded_prints
