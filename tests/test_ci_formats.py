"""`kinerja check --format github | markdown | junit`: the formats CI systems read."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner
from helpers import ROOT

from kinerja_graph.cli import cli
from kinerja_graph.report import github, markdown

HOSTILE = """\
organisation: {name: "Kecamatan Uji, Tbk: 100%"}
period: [2024]
nodes:
  - id: "1"
    statement: "Layanan | <b>publik</b> @camat [x](http://c) 100%, naik: ya"
    level: intermediate outcome
    owner: Camat
  - id: "1.1"
    parent: "9"
    statement: "Baris satu\\nbaris dua \\u0007 bel"
    level: output
    owner: Kasi Pelayanan
    indicators:
      - {name: Jumlah dokumen pelayanan}
  - id: "1.2"
    parent: "1"
    statement: Meningkatnya kualitas pelayanan
    level: immediate outcome
    owner: Kasi Pelayanan
    indicators:
      - {name: Persentase layanan sesuai standar}
"""


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def run(*args, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


def findings(*args):
    return json.loads(run("check", "--format", "json", *args).stdout)["findings"]


@pytest.fixture
def hostile(tmp_path):
    path = tmp_path / "uji, kecamatan.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------------ github


def commands(output: str, kind: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(f"::{kind} ")]


def test_github_annotates_at_most_ten_of_each_kind_most_severe_first():
    expected = findings("samples/praya.yaml", "--lang", "en")
    counts = {s: sum(1 for f in expected if f["severity"] == s) for s in ("error", "warning", "info")}
    assert counts["error"] > 10 and counts["warning"] > 10 and counts["info"] > 10
    result = run("check", "--format", "github", "--lang", "en", "samples/praya.yaml")
    assert result.exit_code == 1
    out = result.stdout
    errors, warnings, notices = commands(out, "error"), commands(out, "warning"), commands(out, "notice")
    assert (len(errors), len(warnings), len(notices)) == (10, 10, 10)
    first_error = next(f for f in expected if f["severity"] == "error")
    assert errors[0] == (
        f"::error file=samples/praya.yaml,line={first_error['line']},"
        f"title=kinerja {first_error['rule']} ({first_error['node']})::{first_error['message']}"
    )
    assert f"kinerja: {counts['error'] - 10} more error findings not annotated" in out
    assert f"kinerja: {counts['info'] - 10} more info findings not annotated" in out
    lines = out.splitlines()
    assert lines.index(errors[-1]) < lines.index(warnings[0]) < lines.index(notices[0])


def test_github_writes_the_whole_table_to_the_step_summary(tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    expected = findings("samples/praya.yaml")
    result = run("check", "--format", "github", "samples/praya.yaml", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n")
    rows = [
        line
        for line in text.splitlines()
        if line.startswith("| error ") or line.startswith("| warning ") or line.startswith("| info ")
    ]
    assert len(rows) == len(expected)
    assert "`missing-indicator`" in text


def test_github_escapes_what_a_user_typed(hostile):
    out = run("check", "--format", "github", "--select", "orphan-node,missing-indicator", hostile).stdout
    for line in out.splitlines():
        assert "\r" not in line
    (orphan,) = [line for line in commands(out, "error") if "orphan-node" in line]
    props, message = orphan[len("::error ") :].split("::", 1)
    assert props.split(",")[0].startswith("file=")
    assert "uji%2C kecamatan.yaml" in props  # a comma in a file name cannot start another property
    assert "Baris satu baris dua \\x07 bel" in message  # line break folded, control character shown
    (goal,) = [line for line in commands(out, "error") if "missing-indicator" in line and "(1)" in line]
    assert "100%25, naik: ya" in goal.split("::", 2)[2]


def test_github_names_the_cell_of_an_excel_finding_instead_of_a_line():
    out = run("check", "--format", "github", "--select", "missing-indicator", "samples/praya.xlsx").stdout
    first = commands(out, "error")[0]
    assert first.startswith("::error file=samples/praya.xlsx,title=kinerja missing-indicator (")
    assert "line=" not in first.split("::")[1]
    assert "'Pohon Kinerja'!B10" in first


def test_github_workflow_command_escaping_rules():
    assert github.escape_data("a%b\r\nc") == "a%25b%0D%0Ac"
    assert github.escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    assert (
        github.command("notice", "x", file="a,b.yaml", line=3, title="t:1")
        == "::notice file=a%2Cb.yaml,line=3,title=t%3A1::x"
    )


# ------------------------------------------------------------------------------------------------ markdown


def test_markdown_summary_and_table_for_a_pull_request():
    expected = findings("samples/praya.yaml", "--lang", "en")
    result = run("check", "--format", "markdown", "--lang", "en", "samples/praya.yaml")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("### kinerja-graph: ")
    errors = sum(1 for f in expected if f["severity"] == "error")
    assert f"{errors} errors" in lines[0]
    assert "| `samples/praya.yaml` | Kecamatan Praya | " in result.stdout
    rows = [line for line in lines if re.match(r"\| (error|warning|info) \|", line)]
    assert len(rows) == min(markdown.LIMIT, len(expected))
    severities = [row.split(" | ")[0][2:] for row in rows]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert f"… and {len(expected) - len(rows)} more findings not shown" in result.stdout


def test_markdown_escapes_user_text_so_it_cannot_break_the_table(hostile):
    out = run("check", "--format", "markdown", "--select", "missing-indicator", hostile).stdout
    (row,) = [line for line in out.splitlines() if line.startswith("| error |") and "| 1 |" in line]
    cells = re.split(r"(?<!\\)\|", row)
    assert len(cells) == 7  # 5 cells between 6 unescaped pipes
    assert "<b>" not in row and "\\<b\\>" in row
    assert "\\@camat" in row and "\\[x\\]" in row


# ------------------------------------------------------------------------------------------------ junit


def junit(*args):
    result = run("check", "--format", "junit", *args)
    return result, ET.fromstring(result.stdout.encode("utf-8"))


def test_junit_one_case_per_rule_per_file_failing_where_findings_reach_fail_on():
    result, root = junit("samples/praya.yaml", "samples/clean.yaml")
    assert result.exit_code == 1
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["samples/praya.yaml", "samples/clean.yaml"]
    ran = json.loads(run("check", "--format", "json", "samples/praya.yaml").stdout)
    praya = suites[0]
    cases = praya.findall("testcase")
    names = [c.get("name") for c in cases]
    assert len(names) == len(set(names))
    failing = {c.get("name") for c in cases if c.find("failure") is not None}
    error_rules = {f["rule"] for f in ran["findings"] if f["severity"] == "error"}
    assert failing == error_rules
    assert int(praya.get("failures")) == len(error_rules)
    assert int(praya.get("tests")) == len(cases)
    missing = next(c for c in cases if c.get("name") == "missing-indicator")
    body = missing.find("failure").text.splitlines()
    assert len(body) == sum(1 for f in ran["findings"] if f["rule"] == "missing-indicator")
    # below --fail-on: listed, not failing
    single = next(c for c in cases if c.get("name") == "single-child")
    assert single.find("failure") is None
    assert single.find("system-out").text.count("\n") + 1 == sum(
        1 for f in ran["findings"] if f["rule"] == "single-child"
    )
    clean = suites[1]
    assert clean.get("failures") == "0" and clean.findall("testcase")
    assert int(root.get("failures")) == len(error_rules)


def test_junit_fail_on_warning_fails_more_cases():
    _, strict = junit("samples/praya.yaml", "--fail-on", "warning")
    _, lenient = junit("samples/praya.yaml")
    assert int(strict.get("failures")) > int(lenient.get("failures"))


def test_junit_reports_an_unreadable_file_as_an_error_and_survives_control_characters(tmp_path, hostile):
    broken = tmp_path / "rusak.csv"
    broken.write_text("bukan;sebuah;pohon\n1;2;3\n", encoding="utf-8")
    result, root = junit(broken, hostile)
    assert result.exit_code == 2
    first, second = root.findall("testsuite")
    (read,) = first.findall("testcase")
    assert read.get("name") == "read" and read.find("error") is not None
    assert first.get("errors") == "1"
    assert "\\x07" in ET.tostring(second, encoding="unicode")


# ------------------------------------------------------------------------------------------------ the GitHub Action


def _action():
    import yaml

    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def test_the_action_is_a_composite_that_installs_checks_and_uploads_sarif():
    action = _action()
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    runs = [step["run"] for step in steps if "run" in step]
    assert any("pip install" in run and "$ACTION_PATH" in run for run in runs)
    upload = next(step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
    for run in runs:  # inputs reach scripts through env only: a crafted input cannot inject shell code
        assert "${{" not in run, run


@pytest.mark.slow
def test_the_action_check_step_annotates_writes_sarif_and_reports_the_exit_code(tmp_path):
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    kinerja = Path(sys.executable).with_name("kinerja")
    if not kinerja.exists():
        pytest.skip("the kinerja script is not installed next to this Python")
    step = next(s for s in _action()["runs"]["steps"] if s.get("id") == "check")
    outputs, summary, sarif = tmp_path / "output", tmp_path / "summary.md", tmp_path / "kinerja.sarif"
    env = {
        **os.environ,
        "PATH": f"{kinerja.parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "GITHUB_OUTPUT": str(outputs),
        "GITHUB_STEP_SUMMARY": str(summary),
        "KINERJA_PATHS": "samples/praya.yaml",
        "KINERJA_FAIL_ON": "error",
        "KINERJA_LANG": "en",
        "KINERJA_BASELINE": "",
        "KINERJA_ARGS": "--no-config",
        "KINERJA_SARIF": str(sarif),
    }
    result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr  # the step itself succeeds; a later step fails the job
    assert outputs.read_text(encoding="utf-8").strip() == "exit-code=1"
    assert result.stdout.count("::error file=samples/praya.yaml") == 10
    assert "| error | `missing-indicator` |" in summary.read_text(encoding="utf-8")
    log = json.loads(sarif.read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0" and len(log["runs"][0]["results"]) == len(findings("samples/praya.yaml"))
