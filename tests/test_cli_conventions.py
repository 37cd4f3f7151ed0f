"""The conventions of ruff, yamllint and Spectral that `kinerja check` follows: -o/--output-file, --quiet,
colour (--color, NO_COLOR, FORCE_COLOR), the concise format, --statistics, paths in the text report and
--show-settings."""

import json
import os
import re
import stat
import subprocess
import sys
from collections import Counter
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner
from helpers import ROOT, SAMPLES

from kinerja_graph import checks
from kinerja_graph.cli import cli
from kinerja_graph.commands import output

ANSI = "\x1b["
CONCISE = re.compile(
    r"^(?P<path>[^:]+)(?::(?P<line>\d+)(?::(?P<col>\d+))?)?: (?P<sev>error|warning|info) (?P<rule>[a-z-]+) (?P<msg>.+)$"
)


def run(*args, env=None, input=None):
    env = {"GITHUB_STEP_SUMMARY": None, "FORCE_COLOR": None, "NO_COLOR": None, **(env or {})}
    return CliRunner().invoke(cli, [str(a) for a in args], env=env, input=input)


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def findings_of(*args) -> list[dict]:
    return json.loads(run("check", "--no-config", *args, "--format", "json").output)["findings"]


# ---------------------------------------------------------------------------------------------- -o / --output-file


@pytest.mark.parametrize("fmt", [f for f in output.CHECK_FORMATS if not output.FORMATS[f].binary])
def test_output_file_holds_exactly_what_stdout_would_and_stderr_is_unchanged(tmp_path, fmt):
    broken = tmp_path / "rusak.yaml"
    broken.write_text("nodes: [\n", encoding="utf-8")
    args = ("check", "--no-config", "samples/praya.yaml", broken, "--format", fmt, "--lang", "en")
    to_stdout = run(*args)
    target = tmp_path / "out" / f"report.{fmt}"
    target.parent.mkdir()
    to_file = run(*args, "-o", target)
    assert to_file.exit_code == to_stdout.exit_code == 2
    assert to_file.stdout == ""
    timings = re.compile(r' time="[0-9.]+"')  # (JUnit gives each rule's time)
    assert timings.sub("", target.read_text(encoding="utf-8")) == timings.sub("", to_stdout.stdout)
    assert to_file.stderr == to_stdout.stderr and f"kinerja: {broken}:" in to_file.stderr
    assert os.listdir(target.parent) == [target.name]  # no temporary file left beside it


def test_output_file_replaces_a_file_whole_and_keeps_its_permissions(tmp_path):
    target = tmp_path / "kinerja.sarif"
    target.write_text("an old report that is much longer than nothing " * 1000, encoding="utf-8")
    target.chmod(0o640)
    result = run("check", "--no-config", "samples/clean.yaml", "--format", "sarif", "-o", target)
    assert result.exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    fresh = tmp_path / "new.json"
    run("check", "--no-config", "samples/clean.yaml", "--format", "json", "-o", fresh)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask  # as any new file, not mkstemp's 0600


def test_output_file_that_cannot_be_written_is_exit_2_with_a_reason(tmp_path):
    result = run("check", "--no-config", "samples/clean.yaml", "-o", tmp_path / "missing" / "report.txt")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kinerja: cannot write {tmp_path / 'missing' / 'report.txt'}: ")
    assert "Traceback" not in result.output


def test_output_file_never_replaces_a_cascade_of_the_run(tmp_path):
    cascade = tmp_path / "praya.yaml"
    cascade.write_bytes((SAMPLES / "praya.yaml").read_bytes())
    result = run("check", cascade, "-o", cascade)
    assert result.exit_code == 2 and "is one of the files to check" in result.stderr
    assert cascade.read_bytes() == (SAMPLES / "praya.yaml").read_bytes()


def test_diff_and_show_write_to_a_file_too(tmp_path):
    diffed = run("diff", "samples/praya.yaml", "samples/praya.yaml", "--format", "json", "-o", tmp_path / "d.json")
    assert diffed.exit_code == 0 and diffed.stdout == ""
    assert json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))["summary"]["added"] == 0
    shown = run("show", "samples/praya.yaml", "-o", tmp_path / "s.txt")
    assert (
        shown.stdout == ""
        and (tmp_path / "s.txt").read_text(encoding="utf-8") == run("show", "samples/praya.yaml").stdout
    )


# ---------------------------------------------------------------------------------------------- --quiet


def test_quiet_prints_nothing_for_a_run_that_passes():
    # clean.yaml has info findings, a baseline note and a passed-over file: none of it is said
    result = run(
        "check", "--no-config", "-q", "--only-cascades", "samples/clean.yaml", "pyproject.toml", "samples/README.md"
    )
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    loud = run("check", "--no-config", "--only-cascades", "samples/clean.yaml", "pyproject.toml", "samples/README.md")
    assert loud.stdout and loud.stderr  # (what -q leaves out)


def test_quiet_says_nothing_about_baselines(tmp_path):
    baseline = tmp_path / "baseline.json"
    wrote = run("check", "--no-config", "-q", "samples/praya.yaml", "--write-baseline", baseline)
    assert wrote.exit_code == 0 and wrote.stderr == "" and baseline.is_file()
    accepted = run("check", "--no-config", "-q", "samples/praya.yaml", "--baseline", baseline)
    assert (accepted.exit_code, accepted.stdout, accepted.stderr) == (0, "", "")


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_quiet_lists_only_what_fails_without_the_summary(fmt):
    every = findings_of("samples/praya.yaml")
    errors = [f for f in every if f["severity"] == "error"]
    assert 0 < len(errors) < len(every)
    result = run("check", "--no-config", "-q", "samples/praya.yaml", "--format", fmt)
    assert result.exit_code == 1 and result.stderr == ""
    lines = result.stdout.splitlines()
    finding_lines = [line for line in lines if " error " in line or " warning " in line or " info " in line]
    assert len(finding_lines) == len(errors)
    assert all(" error " in line for line in finding_lines)
    assert "galat" not in lines[-1]  # no summary line
    warned = run("check", "--no-config", "-q", "--fail-on", "warning", "samples/praya.yaml", "--format", fmt)
    assert sum(" warning " in line for line in warned.stdout.splitlines()) == sum(
        f["severity"] == "warning" for f in every
    )


def test_quiet_writes_documents_whole_when_the_run_fails_and_nothing_when_it_passes(tmp_path):
    failing = run("check", "--no-config", "-q", "samples/praya.yaml", "--format", "json")
    assert json.loads(failing.stdout)["findings"] == findings_of("samples/praya.yaml")  # every finding
    assert run("check", "--no-config", "-q", "samples/clean.yaml", "--format", "sarif").stdout == ""
    # a file asked for is always written, whole
    target = tmp_path / "clean.json"
    run("check", "--no-config", "-q", "samples/clean.yaml", "--format", "json", "-o", target)
    assert json.loads(target.read_text(encoding="utf-8"))["findings"] == findings_of("samples/clean.yaml")


def test_quiet_still_reports_a_file_that_cannot_be_read(tmp_path):
    broken = tmp_path / "rusak.json"
    broken.write_text("{", encoding="utf-8")
    result = run("check", "-q", "samples/clean.yaml", broken, "--exit-zero")
    assert result.exit_code == 2
    assert "samples/clean.yaml" not in result.stdout and str(broken) in result.stdout
    assert result.stderr.startswith(f"kinerja: {broken}:")


def test_quiet_report_and_diff(tmp_path):
    report = run("report", "-q", "samples/clean.yaml", "samples/praya.yaml", "--no-diagram", "-o", tmp_path / "i.html")
    assert (report.exit_code, report.stdout, report.stderr) == (0, "", "")
    assert (tmp_path / "i.html").is_file()
    assert run("diff", "-q", "samples/praya.yaml", "samples/praya.yaml").stdout == ""


# ---------------------------------------------------------------------------------------------- colour


@pytest.mark.parametrize(
    ("choice", "terminal", "to_file", "env", "expected"),
    [
        ("auto", True, False, {}, True),
        ("auto", False, False, {}, False),
        ("auto", False, False, {"FORCE_COLOR": "1"}, True),
        ("auto", False, False, {"FORCE_COLOR": ""}, False),  # set but empty: not set
        ("auto", True, False, {"NO_COLOR": "1"}, False),
        ("auto", False, False, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),  # NO_COLOR wins, as in CPython
        ("never", True, False, {"FORCE_COLOR": "1"}, False),
        ("always", False, False, {"NO_COLOR": "1"}, True),
        ("auto", False, True, {"FORCE_COLOR": "1"}, False),  # a file is no log
        ("always", False, True, {}, True),
    ],
)
def test_colour_choice(choice, terminal, to_file, env, expected):
    assert output.colour_wanted(choice, terminal=terminal, to_file=to_file, env=env) is expected


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_force_color_colours_a_report_that_is_not_on_a_terminal(tmp_path, fmt):
    args = ("check", "--no-config", "samples/praya.yaml", "--format", fmt)
    assert ANSI not in run(*args).stdout
    assert "\x1b[31m" in run(*args, env={"FORCE_COLOR": "1"}).stdout
    assert ANSI not in run(*args, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert ANSI not in run(*args, "--color", "never", env={"FORCE_COLOR": "1"}).stdout
    run(*args, "-o", tmp_path / "r.txt", env={"FORCE_COLOR": "1"})
    assert ANSI not in (tmp_path / "r.txt").read_text(encoding="utf-8")
    assert (
        ANSI
        not in run("check", "--no-config", "samples/praya.yaml", "--format", "json", env={"FORCE_COLOR": "1"}).stdout
    )


@pytest.mark.slow
def test_force_color_through_a_real_pipe():
    def kinerja(env: dict) -> str:
        environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
        return subprocess.run(
            [sys.executable, "-m", "kinerja_graph", "check", "--no-config", "samples/praya.yaml"],
            capture_output=True,
            cwd=ROOT,
            env={**environment, **env},
            timeout=120,
        ).stdout.decode()

    assert ANSI not in kinerja({})  # a pipe is no terminal
    forced = kinerja({"FORCE_COLOR": "1"})
    assert "\x1b[31m" in forced and forced.count("\x1b[31m") >= 40  # every error's severity, and the summary
    assert ANSI not in kinerja({"FORCE_COLOR": "1", "NO_COLOR": "1"})


# ---------------------------------------------------------------------------------------------- concise


@pytest.mark.parametrize("sample", ["praya.yaml", "batumandi.csv", "praya.xlsx"])
def test_concise_is_one_parseable_line_per_finding(sample):
    path = f"samples/{sample}"
    expected = findings_of(path)
    result = run("check", "--no-config", path, "--format", "concise")
    assert result.exit_code == (1 if any(f["severity"] == "error" for f in expected) else 0)
    assert result.stdout.endswith("\n")
    lines = result.stdout.splitlines()
    assert len(lines) == len(expected)  # no heading, no summary line
    for line, f in zip(lines, expected, strict=True):
        m = CONCISE.match(line)
        assert m, line
        assert m["path"] == path and (m["sev"], m["rule"]) == (f["severity"], f["rule"])
        assert m["line"] == (str(f["line"]) if f["line"] is not None else None)
        assert m["msg"] == f["message"].replace("\n", " ")
        if f.get("cell"):
            column = re.search(r"!([A-Z]+)\d+$", f["cell"])[1]
            assert int(m["col"]) == sum((ord(c) - 64) * 26**i for i, c in enumerate(reversed(column)))
        else:
            assert m["col"] is None


def test_concise_keeps_user_text_on_its_line(tmp_path):
    path = tmp_path / "kontrol.yaml"
    path.write_text(
        'organisation: {name: X}\nnodes:\n  - {id: "1", level: ultimate outcome, statement: "A\\u001b[2Jb\\nsisipan"}\n',
        encoding="utf-8",
    )
    result = run("check", "--no-config", path, "--format", "concise", "--color", "always")
    assert "\x1b[2J" not in result.stdout and "\\x1b[2J" in result.stdout
    assert all(CONCISE.match(re.sub(r"\x1b\[[0-9;]*m", "", line)) for line in result.stdout.splitlines())


def test_concise_is_in_the_one_registry():
    assert "concise" in output.CHECK_FORMATS and output.FORMATS["concise"].colour
    assert "concise" in run("check", "--help").stdout


# ---------------------------------------------------------------------------------------------- --statistics


def expected_statistics(findings: list[dict], lang: str = "id") -> list[dict]:
    counted = Counter((f["rule"], f["severity"]) for f in findings)
    order = {"error": 0, "warning": 1, "info": 2}
    rows = sorted(counted.items(), key=lambda item: (-item[1], order[item[0][1]], item[0][0]))
    registry = checks.all_rules()
    return [
        {"rule": rule, "severity": sev, "count": n, "summary": registry[rule].summary[lang]} for (rule, sev), n in rows
    ]


def test_statistics_in_json_count_every_finding_per_rule_most_first():
    paths = ("samples/pino-raya.yaml", "samples/pujon.yaml")  # orphan-node: errors, and warnings softened
    findings = findings_of(*paths)
    data = json.loads(run("check", "--no-config", *paths, "--format", "json", "--statistics").stdout)
    assert data["statistics"] == expected_statistics(findings)
    assert data["findings"] == findings  # beside the findings, not instead
    assert sum(row["count"] for row in data["statistics"]) == len(findings)
    assert len({(r["rule"], r["severity"]) for r in data["statistics"]}) > len({r["rule"] for r in data["statistics"]})
    assert "statistics" not in json.loads(run("check", "--no-config", *paths, "--format", "json").stdout)


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_statistics_replace_the_findings_in_text_and_concise(fmt):
    found = findings_of("samples/praya.yaml")
    expected = expected_statistics(found, "en")
    result = run("check", "--no-config", "samples/praya.yaml", "--format", fmt, "--statistics", "--lang", "en")
    assert result.exit_code == 1  # the exit code is the check's
    lines = result.stdout.splitlines()
    rows = [line.split(None, 3) for line in lines[: len(expected)]]
    assert [[str(e["count"]), e["rule"], e["severity"], e["summary"]] for e in expected] == rows
    rest = lines[len(expected) :]
    counts = Counter(f["severity"] for f in found)
    summary = f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info"
    assert rest == (["", summary] if fmt == "text" else [])
    assert "samples/praya.yaml:" not in result.stdout


def test_statistics_in_sarif_markdown_github_and_junit():
    expected = expected_statistics(findings_of("samples/praya.yaml"))
    args = ("check", "--no-config", "samples/praya.yaml", "--statistics", "--format")
    sarif = json.loads(run(*args, "sarif").stdout)
    assert sarif["runs"][0]["properties"]["statistics"] == expected
    assert len(sarif["runs"][0]["results"]) == sum(e["count"] for e in expected)
    markdown = run(*args, "markdown").stdout
    assert f"| {expected[0]['count']} | `{expected[0]['rule']}` | {expected[0]['severity']} |" in markdown
    assert "| error | `missing-indicator` |" in markdown  # and the findings table still
    github = run(*args, "github").stdout.splitlines()
    assert sum(line.startswith("::") for line in github) > 0
    assert github[-len(expected) - 1].split()[:2] == [str(expected[0]["count"]), expected[0]["rule"]]
    junit = run(*args, "junit")
    ET.fromstring(junit.stdout)  # still one XML document: the counts go to stderr
    assert f"kinerja: {expected[0]['count']}  {expected[0]['rule']}" in junit.stderr


def test_statistics_of_a_run_without_findings_are_empty():
    result = run(
        "check", "--no-config", "samples/clean.yaml", "--select", "cycle", "--format", "concise", "--statistics"
    )
    assert (result.exit_code, result.stdout) == (0, "")


# ---------------------------------------------------------------------------------------------- paths in the text report


def test_the_text_report_names_each_findings_path(tmp_path):
    twin = tmp_path / "lain" / "praya.yaml"
    twin.parent.mkdir()
    twin.write_bytes((SAMPLES / "praya.yaml").read_bytes())
    result = run("check", "--no-config", "samples/praya.yaml", twin, "--select", "missing-indicator")
    lines = [line.strip() for line in result.stdout.splitlines() if "missing-indicator" in line]
    # two files of one name are told apart: each line names its path
    assert sum(line.startswith("samples/praya.yaml:") for line in lines) == len(lines) // 2
    assert sum(line.startswith(f"{twin}:") for line in lines) == len(lines) // 2


def test_an_absolute_path_inside_the_working_folder_is_shown_relative():
    result = run("check", "--no-config", SAMPLES / "praya.yaml", "--select", "missing-indicator")
    lines = result.stdout.splitlines()
    assert lines[0] == "samples/praya.yaml  (Kecamatan Praya)"
    assert lines[1].strip().startswith("samples/praya.yaml:")


def test_the_html_page_keeps_the_file_name(tmp_path):
    run("report", "samples/praya.yaml", "--no-diagram", "-o", tmp_path / "p.html")
    page = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert re.search(r'<td class="kg-place">praya\.yaml:\d+</td>', page)


# ---------------------------------------------------------------------------------------------- --show-settings


def test_show_settings_prints_what_a_check_uses_and_checks_nothing(tmp_path):
    folder = tmp_path / "repo"
    folder.mkdir()
    (folder / "kinerja.toml").write_text(
        'fail-on = "warning"\nignore = ["single-child"]\n[rules.missing-unit]\nseverity = "warning"\n', encoding="utf-8"
    )
    result = run("check", "--show-settings", folder / "belum-ada.yaml", "--lang", "en", "--select", "indicators")
    assert result.exit_code == 0
    text = result.stdout
    assert f"project configuration: {folder / 'kinerja.toml'}" in text
    assert "fail on: warning" in text
    assert re.search(r"^    missing-unit +warning$", text, re.M)
    assert not re.search(r"^    single-child ", text, re.M)
    data = json.loads(run("check", "--show-settings", folder / "x.yaml", "--format", "json").stdout)
    (entry,) = data["settings"]
    assert entry["project"] == str(folder / "kinerja.toml") and entry["fail_on"] == "warning"
    assert "single-child" in entry["off"] and "single-child" not in {r["id"] for r in entry["rules"]}
    assert {r["id"]: r["severity"] for r in entry["rules"]}["missing-unit"] == "warning"


def test_show_settings_agrees_with_the_check():
    data = json.loads(run("check", "--show-settings", "--no-config", "samples/praya.yaml", "--format", "json").stdout)
    (entry,) = data["settings"]
    ran = {f["rule"] for f in findings_of("samples/praya.yaml")}
    assert ran <= {r["id"] for r in entry["rules"]}
    assert entry["project"] is None and entry["pack"]["name"] == "default"
