"""Reading a cascade that is not a file: the loaders' bytes entry point (load_data, read_raw_data, sniff_format)
and standard input on the command line (`kinerja check -`, `--stdin-filename`), in-process and through a real
pipe."""

import json
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner
from helpers import ROOT, SAMPLES

from kinerja_graph import loaders
from kinerja_graph.cli import cli
from kinerja_graph.errors import InputError
from kinerja_graph.loaders import discover

FORMATS = {"praya.yaml": "yaml", "batumandi.csv": "csv", "praya.xlsx": "xlsx"}


def run(*args, input=None, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, env=env)


def as_json(data: bytes | str):
    return json.loads(data)


def without_file(findings: list[dict]) -> list[tuple]:
    """The findings without the file's name (which stdin changes, and with it a table's default organisation
    name in a message)."""
    return [
        (f["rule"], f["severity"], f["node"], f["line"], f.get("cell"), {**f["args"], "organisation": None})
        for f in findings
    ]


# ---------------------------------------------------------------------------------------------- the loaders


@pytest.mark.parametrize("sample", sorted(FORMATS))
def test_bytes_read_by_their_name_or_sniffed_give_the_cascade_of_the_file(sample):
    path = SAMPLES / sample
    data = path.read_bytes()
    from_file = loaders.load(str(path))
    named = loaders.load_data(data, f"elsewhere/{sample}")
    sniffed = loaders.load_data(data, loaders.STDIN_NAME)
    assert discover.sniff_format(data) == FORMATS[sample]
    for cascade in (named, sniffed):
        assert [(n.id, n.statement, n.parents, n.location.line) for n in cascade.nodes] == [
            (n.id, n.statement, n.parents, n.location.line) for n in from_file.nodes
        ]
    assert named.file == f"elsewhere/{sample}" and sniffed.file == "<stdin>"
    assert {n.location.file for n in named.nodes} == {f"elsewhere/{sample}"}


def test_json_is_sniffed_from_its_first_character():
    node = {"id": "1", "statement": "A", "level": "Ultimate Outcome"}
    data = json.dumps({"organisation": {"name": "Kecamatan Uji"}, "nodes": [node]})
    assert discover.sniff_format(("\ufeff  \n" + data).encode()) == "json"
    assert loaders.load_data(data.encode(), "<stdin>").nodes[0].statement == "A"


def test_a_text_is_read_as_its_bytes():
    text = (SAMPLES / "batumandi.csv").read_text(encoding="utf-8")
    from_text = loaders.load_data(text, "pohon.csv")
    assert [(n.id, n.statement) for n in from_text.nodes] == [
        (n.id, n.statement) for n in loaders.load(str(SAMPLES / "batumandi.csv")).nodes
    ]


def test_a_name_without_a_cascade_suffix_is_sniffed():
    data = (SAMPLES / "praya.yaml").read_bytes()
    assert len(loaders.load_data(data, "pohon.txt").nodes) == len(loaders.load(str(SAMPLES / "praya.yaml")).nodes)


def test_content_that_says_nothing_asks_for_a_name():
    with pytest.raises(InputError) as caught:
        loaders.load_data(b"just some words\nand more words\n", "<stdin>")
    (problem,) = caught.value.problems
    assert problem.startswith("<stdin>: cannot tell whether this is YAML, JSON, CSV or XLSX")
    assert "--stdin-filename NAME.yaml" in problem


def test_the_checks_of_a_file_apply_to_bytes_under_their_name():
    with pytest.raises(InputError, match=r"^x\.yaml: the file is empty$"):
        loaders.load_data(b"  \n", "x.yaml")
    with pytest.raises(InputError, match=r"^x\.yaml: this is a binary file"):
        loaders.load_data((SAMPLES / "praya.xlsx").read_bytes(), "x.yaml")
    with pytest.raises(InputError, match=r"^x\.yaml:2: not UTF-8 text \(byte 0xe9\)"):
        loaders.load_data(b"nodes:\n  - statement: caf\xe9\n", "x.yaml")
    with pytest.raises(InputError, match=r"^c/x\.yaml:\d+: not valid YAML"):
        loaders.load_data(b"nodes:\n  - [unclosed\n", "c/x.yaml")
    with pytest.raises(InputError, match=r"^x\.csv: --sheet applies to \.xlsx workbooks only$"):
        loaders.load_data((SAMPLES / "batumandi.csv").read_bytes(), "x.csv", sheet="Pohon")


def test_a_damaged_workbook_from_bytes_is_named_by_its_name():
    with pytest.raises(InputError, match=r"^book\.xlsx: not a readable \.xlsx workbook"):
        loaders.load_data(b"PK\x03\x04 not really a zip", "book.xlsx")


def test_folder_expansion_keeps_standard_input_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").mkdir()  # even beside a folder named "-", "-" is standard input
    assert discover.expand(["-", "-"]) == ["-"]


# ---------------------------------------------------------------------------------------------- the command


def test_check_dash_reads_standard_input_under_its_name(monkeypatch):
    monkeypatch.chdir(ROOT)
    from_file = run("check", "--no-config", "samples/praya.yaml", "--format", "json")
    piped = run(
        "check",
        "--no-config",
        "-",
        "--stdin-filename",
        "samples/praya.yaml",
        "--format",
        "json",
        input=(SAMPLES / "praya.yaml").read_bytes(),
    )
    assert piped.exit_code == from_file.exit_code == 1
    assert as_json(piped.output) == as_json(from_file.output)  # the same name: the very same report


@pytest.mark.parametrize("sample", sorted(FORMATS))
def test_without_a_name_the_format_is_sniffed_and_the_file_is_called_stdin(sample):
    from_file = as_json(run("check", "--no-config", SAMPLES / sample, "--format", "json").output)
    result = run("check", "--no-config", "-", "--format", "json", input=(SAMPLES / sample).read_bytes())
    piped = as_json(result.output)
    assert piped["summary"] == from_file["summary"]
    assert without_file(piped["findings"]) == without_file(from_file["findings"])
    assert {f["file"] for f in piped["findings"]} == {"<stdin>"}


def test_stdin_filename_alone_reads_standard_input_and_names_the_text_report():
    result = run(
        "check",
        "--no-config",
        "--stdin-filename",
        "pohon/batumandi.csv",
        input=(SAMPLES / "batumandi.csv").read_bytes(),
    )
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "pohon/batumandi.csv  (batumandi)"
    assert lines[1].lstrip().startswith("pohon/batumandi.csv ")


def test_standard_input_beside_files_is_one_more_file(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run(
        "check",
        "--no-config",
        "samples/clean.yaml",
        "-",
        "--stdin-filename",
        "kiriman.yaml",
        "--format",
        "json",
        input=(SAMPLES / "praya.yaml").read_bytes(),
    )
    data = as_json(result.output)
    assert data["summary"]["files"] == 2
    assert {f["file"] for f in data["findings"]} == {"samples/clean.yaml", "kiriman.yaml"}


def test_what_cannot_be_read_from_standard_input_is_an_input_error_naming_it():
    result = run("check", "-", "--stdin-filename", "rusak.yaml", input=b"nodes:\n  - [unclosed\n")
    assert result.exit_code == 2
    assert re.match(r"kinerja: rusak\.yaml:\d+: not valid YAML", result.stderr)
    empty = run("check", "-", input=b"")
    assert empty.exit_code == 2 and "kinerja: <stdin>: the file is empty" in empty.stderr


def test_stdin_filename_needs_a_dash_and_no_file_is_a_usage_error(tmp_path):
    clean = SAMPLES / "clean.yaml"
    without_dash = run("check", clean, "--stdin-filename", "x.yaml", input=b"")
    assert without_dash.exit_code == 2 and "give - among the FILES" in without_dash.stderr
    nothing = run("check")
    assert nothing.exit_code == 2 and "or - to read standard input" in nothing.stderr


def test_the_configuration_of_standard_input_is_found_from_its_name(tmp_path, monkeypatch):
    project = tmp_path / "repo"
    (project / "cascades").mkdir(parents=True)
    (project / "kinerja.toml").write_text('fail-on = "info"\nignore = ["missing-formula"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # the working folder has no configuration
    data = (SAMPLES / "clean.yaml").read_bytes()
    plain = run("check", "-", "--format", "json", input=data)
    assert plain.exit_code == 0  # clean.yaml has info findings only: they do not fail by default
    named = run("check", "-", "--stdin-filename", "repo/cascades/clean.yaml", "--format", "json", input=data)
    assert named.exit_code == 1  # fail-on = "info" of repo/kinerja.toml
    shown = run("check", "--show-settings", "-", "--stdin-filename", "repo/cascades/clean.yaml")
    project_line, off_line = (
        next(line for line in shown.output.splitlines() if line.lstrip().startswith(start))
        for start in ("konfigurasi proyek:", "aturan yang tidak dijalankan")
    )
    assert project_line.endswith(str(project / "kinerja.toml")) and "missing-formula" in off_line


def test_show_and_diff_read_standard_input(monkeypatch):
    monkeypatch.chdir(ROOT)
    data = (SAMPLES / "praya.yaml").read_bytes()
    shown = run("show", "-", "--stdin-filename", "praya.yaml", "--lang", "en", input=data)
    assert shown.exit_code == 0
    assert run("show", "samples/praya.yaml", "--lang", "en").output.replace("samples/praya.yaml", "praya.yaml") == (
        shown.output
    )
    changed = data.replace(b"owner: Camat\n", b"owner: Camat Praya\n", 1)
    diffed = run(
        "diff", "-", "samples/praya.yaml", "--stdin-filename", "lama/praya.yaml", "--lang", "en", input=changed
    )
    assert diffed.exit_code == 0
    assert diffed.output.startswith("kinerja diff: lama/praya.yaml → samples/praya.yaml")
    assert '"Camat Praya" → "Camat"' in diffed.output
    twice = run("diff", "-", "-", input=data)
    assert twice.exit_code == 2 and "only one of OLD and NEW" in twice.stderr


def test_report_names_the_page_of_standard_input_after_its_name(tmp_path):
    result = run(
        "report",
        "-",
        "--stdin-filename",
        "pohon/praya.yaml",
        "--no-diagram",
        "-o",
        f"{tmp_path}/",
        input=(SAMPLES / "praya.yaml").read_bytes(),
    )
    assert result.exit_code == 0, result.output
    page = tmp_path / "praya.html"
    assert page.is_file() and "Kecamatan Praya" in page.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------- a real pipe


def kinerja(*args: str, stdin: bytes | None = None, env: dict | None = None, cwd=ROOT) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "kinerja_graph", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=environment,
        timeout=120,
    )


@pytest.mark.slow
def test_a_cascade_piped_into_the_process_is_checked_as_the_file_is():
    from_file = kinerja("check", "--no-config", "samples/praya.xlsx", "--format", "json")
    piped = kinerja(
        "check",
        "--no-config",
        "-",
        "--stdin-filename",
        "samples/praya.xlsx",
        "--format",
        "json",
        stdin=(SAMPLES / "praya.xlsx").read_bytes(),  # a workbook: bytes, not text
    )
    assert piped.returncode == from_file.returncode == 1
    assert as_json(piped.stdout) == as_json(from_file.stdout)
    sniffed = kinerja("check", "--no-config", "-", "--format", "concise", stdin=(SAMPLES / "praya.yaml").read_bytes())
    assert sniffed.returncode == 1 and sniffed.stdout.decode().startswith("<stdin>")
