"""`kinerja check --format xlsx -o FILE`: the findings beside the rows they concern, in a workbook the
planner fixes and checks again."""

from __future__ import annotations

import json
from collections import Counter

import openpyxl
import pytest
from click.testing import CliRunner
from helpers import SAMPLES

from kinerja_graph.cli import cli


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def findings_of(*args) -> list[dict]:
    result = run("check", *args, "--format", "json")
    return json.loads(result.output)["findings"]


def by_header(ws) -> list[dict]:
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.fixture(scope="module")
def praya(tmp_path_factory):
    out = tmp_path_factory.mktemp("xlsx") / "praya-temuan.xlsx"
    result = run("check", str(SAMPLES / "praya.yaml"), "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 1  # the exit code follows the findings, as in every format
    return out


def test_one_row_per_finding_linked_to_the_goal_row(praya):
    book = openpyxl.load_workbook(praya)
    assert book.sheetnames[0] == "Pohon Kinerja"  # the sheet the loader reads stays first
    assert book.active.title == "Temuan"  # it opens on the findings
    table, sheet = book["Pohon Kinerja"], book["Temuan"]
    rows = by_header(sheet)
    expected = findings_of(str(SAMPLES / "praya.yaml"))
    assert len(rows) == len(expected) > 100
    assert Counter((r["Aturan"], r["Kode"]) for r in rows) == Counter((f["rule"], f["node"]) for f in expected)
    assert rows[0]["Tingkat Temuan"] == "galat"  # most severe first
    for number, row in enumerate(sheet.iter_rows(min_row=2), start=2):
        code = row[2]  # No., Lokasi, Kode
        if code.value:
            target = code.hyperlink.location
            assert target.startswith("'Pohon Kinerja'!A") or target.startswith("Pohon Kinerja!A"), number
            assert table[target.split("!")[1]].value == code.value  # the link lands on the goal's row


def test_goal_rows_carry_their_findings(praya):
    table = openpyxl.load_workbook(praya)["Pohon Kinerja"]
    expected = findings_of(str(SAMPLES / "praya.yaml"))
    goals = {f["node"] for f in expected if f["node"]}
    commented = {}
    for row in table.iter_rows(min_row=2):
        if row[0].comment is not None:
            commented[row[0].value] = row[0].comment.text
    assert set(commented) == goals  # one comment per goal with findings, on its first row
    some = next(f for f in expected if f["rule"] == "missing-indicator")
    assert some["message"] in commented[some["node"]]
    filled = {row[0].value for row in table.iter_rows(min_row=2) if row[3].fill.fill_type == "solid"}
    assert filled == goals  # the whole row is filled, not only the Kode


def test_the_workbook_reads_back_as_the_same_cascade(praya):
    """The planner fixes rows in it and checks it again: the findings are those of the original."""
    again = findings_of(str(praya))
    original = findings_of(str(SAMPLES / "praya.yaml"))
    assert Counter((f["rule"], f["node"]) for f in again) == Counter((f["rule"], f["node"]) for f in original)


def test_several_files_give_the_findings_sheet_with_their_file(tmp_path):
    out = tmp_path / "all.xlsx"
    files = [str(SAMPLES / "praya.yaml"), str(SAMPLES / "pujon.yaml")]
    result = run("check", *files, "--format", "xlsx", "-o", str(out), "--lang", "en")
    assert result.exit_code == 1
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Findings", "Lists"]
    rows = by_header(book["Findings"])
    assert len(rows) == len(findings_of(*files))
    assert {r["File"] for r in rows} == set(files)
    serial = tmp_path / "serial.xlsx"
    run("check", *files, "--format", "xlsx", "-o", str(serial), "--lang", "en", "--jobs", "1")
    assert rows == by_header(openpyxl.load_workbook(serial)["Findings"])  # each file's graph reached the workbook
    assert sum(1 for r in rows if r["Goal"] and r["Level"]) > len(rows) / 2
    assert {r["Severity"] for r in rows} <= {"error", "warning", "info"}


def test_needs_an_output_file():
    result = CliRunner().invoke(cli, ["check", str(SAMPLES / "clean.yaml"), "--format", "xlsx"])
    assert result.exit_code == 2
    assert "-o" in result.output


def test_a_clean_cascade_says_so(tmp_path):
    out = tmp_path / "clean.xlsx"
    assert run("check", str(SAMPLES / "clean.yaml"), "--select", "orphan-node", "--format", "xlsx", "-o", str(out))
    rows = by_header(openpyxl.load_workbook(out)["Temuan"])
    assert len(rows) == 1 and rows[0]["Temuan"] == "tidak terdapat temuan"


def test_user_text_stays_text(tmp_path):
    src = tmp_path / "hostile.yaml"
    src.write_text(
        "organisation: {name: '=HYPERLINK(\"http://x\")', type: kecamatan}\n"
        "nodes:\n"
        "  - {id: '1', level: ultimate outcome, statement: '=1+1 Meningkatnya layanan', owner: '@Camat'}\n"
        "  - {id: '2', parent: '9', level: output, statement: '+cmd|calc', owner: Kasi}\n",
        encoding="utf-8",
    )
    out = tmp_path / "hostile.xlsx"
    run("check", str(src), "--format", "xlsx", "-o", str(out))
    book = openpyxl.load_workbook(out)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
