"""Hostile tables (issue 16): damaged workbooks, lost columns, text a cell cannot hold as it is.

The reproducers in tests/data/tables/ come from the reliability run (../shared/reliability/): each gives
exit 0/1/2 and, when it is refused, one line on stderr naming the user's file and the part, row or cell
— never a traceback, a library's path or a silent loss.
"""

from __future__ import annotations

import csv
import io
import json
import random
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from kinerja_graph import cells
from kinerja_graph.cli import cli
from kinerja_graph.loaders import load
from kinerja_graph.writers import to_document

DATA = Path(__file__).resolve().parent / "data" / "tables"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def one_line_error(result, path) -> str:
    """The single stderr line of a refused file; it names the file and nothing of the library."""
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    line = lines[0]
    assert line.startswith(f"kinerja: {path}"), line
    assert "Traceback" not in line and "site-packages" not in line and "internal error" not in line
    assert len(line) < 400, line
    return line


# ------------------------------------------------------------------------------ damaged workbooks


@pytest.mark.parametrize(
    "name, names",
    [
        ("xml-broken-sst.xlsx", "xl/sharedStrings.xml: malformed XML"),  # C2 mismatched tag
        ("invalid-token.xlsx", "xl/workbook.xml: malformed XML"),  # C2 invalid token
        ("truncated-xml.xlsx", "sheet1.xml: malformed XML"),  # C2 unclosed token
        ("empty-members.xlsx", "xl/workbook.xml: malformed XML"),  # C2 empty part
        ("zero-sheets.xlsx", "no worksheet"),  # C3
        ("sst-index.xlsx", "cell Pohon!D5 refers to shared string '99999'"),  # C3
        ("bad-num.xlsx", "cell Pohon!D5 holds 'abc' where a number belongs"),  # C3
        ("bad-ref.xlsx", "'ZZZZZ0' is not a cell reference"),  # C3
        ("corrupt-deflate.xlsx", "damaged archive"),  # C3
        ("bomb-cells.xlsx", "more than 16,384 cells"),  # T6: 20 million empty cells in one row
    ],
)
@pytest.mark.parametrize("command", [["show"], ["convert", "{out}"], ["render", "-f", "dot", "-o", "{dot}"]])
def test_a_damaged_workbook_is_one_line_naming_the_file_and_the_part(tmp_path, name, names, command):
    path = DATA / name
    args = [a.format(out=tmp_path / "out.yaml", dot=tmp_path / "d.dot") for a in command]
    result = run(args[0], path, *args[1:])
    line = one_line_error(result, path)
    assert names in line, line
    assert not (tmp_path / "out.yaml").exists()


@pytest.mark.parametrize("name", ["xml-broken-sst.xlsx", "sst-index.xlsx", "zero-sheets.xlsx", "bomb-cells.xlsx"])
def test_check_reports_a_damaged_workbook_as_a_reading_problem_not_an_internal_error(name):
    result = run("check", DATA / name, "--format", "json", "--lang", "en")
    assert result.exit_code == 2
    errors = json.loads(result.stdout)["errors"]
    assert len(errors) == 1 and "not a readable .xlsx workbook" in errors[0]["message"]
    assert "internal error" not in result.output


def test_a_far_cell_costs_nothing_and_its_text_is_not_lost():
    # T5: <dimension ref="A1:XFD1048576"> and a value in XFD1048576, in a 3 KB file
    result = run("show", DATA / "far-cell.xlsx")
    line = one_line_error(result, DATA / "far-cell.xlsx")
    assert "Pohon!XFD1048576: column XFD holds 'x' but has no header" in line


def test_a_workbook_declaring_entities_is_refused_before_any_expansion(tmp_path):
    import openpyxl

    path = tmp_path / "laughs.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Kode", "Tingkat", "Kinerja"])
    book.save(path)
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>'
    )
    _replace_part(path, "xl/worksheets/sheet1.xml", bomb)
    line = one_line_error(run("show", path), path)
    assert "declares a DTD or an entity" in line


def _replace_part(path: Path, part: str, text: str) -> None:
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts[part] = text.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)


def test_a_workbook_without_its_styles_part_reads_and_prints_no_library_warning():
    # M3: openpyxl warned "Workbook contains no default style" on stderr, unprefixed
    result = run("show", DATA / "missing-styles.xlsx")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_a_zip_that_is_no_workbook_and_a_text_file_named_xlsx(tmp_path):
    zipped = tmp_path / "other.xlsx"
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("readme.txt", "hello")
    assert "no workbook part" in one_line_error(run("show", zipped), zipped)
    text = tmp_path / "text.xlsx"
    text.write_text("Kode;Kinerja\n1;A\n", encoding="utf-8")
    assert "not a zip archive" in one_line_error(run("show", text), text)


# -------------------------------------------------------------------------- columns never lost


@pytest.mark.parametrize(
    "name, says",
    [
        # D2: an unquoted ";" inside a statement pushed cells past the header's last column
        ("extra.csv", "row 2: column 4 holds 'EXTRA' but has no header (and 1 more such cells in this row)"),
        # D3: a column whose header is blank
        ("emptyhdr.csv", "row 2: column 3 holds 'LOST' but has no header"),
        ("blank-header-praya.csv", "row 7: column 21 holds 'kondisi operasional' but has no header"),
        # D4: the first of two columns with one unknown header
        ("duphdr.csv", "row 1: header 'Keterangan' is given again (first in column 4)"),
    ],
)
def test_a_cell_a_column_would_lose_is_an_input_error_naming_row_and_column(name, says):
    line = one_line_error(run("show", DATA / name), DATA / name)
    assert says in line, line


def test_text_right_of_the_header_in_a_workbook_names_its_cell(tmp_path):
    import openpyxl

    path = tmp_path / "kanan.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Pohon"
    ws.append(["Kode", "Tingkat", "Kinerja", None, "Catatan"])
    ws.append(["1", "Tujuan", "Meningkatnya A", "coretan", "ok"])
    book.save(path)
    line = one_line_error(run("show", path), path)
    assert "Pohon!D2: column D holds 'coretan' but has no header" in line


# ------------------------------------------------------------------------------ lossless tables


HOSTILE = {
    "kinerja": 1,
    "organisation": {"name": " Kecamatan\tUji ", "type": "dinas", "id": "uji"},
    "period": [2024, 2026],
    "notes": {"": "kunci kosong", " spasi ": " nilai ", "preamble": "Tipe: dinas\nOrganisasi: Lain", "k;1": "a;b"},
    "nodes": [
        {
            "id": "1",
            "statement": "  Meningkatnya\u000bkualitas\u000clayanan\u0000  ",
            "level": "Tujuan",
            "owner": "Kasi\r\nPemerintahan",
            "crosscutting": ["Satpol PP; TNI", "BKPSDM", '"Kutip" awal', " spasi ", "baris\nbaru"],
            "notes": {"": "kosong", " a ": "=SUM(A1:A9)", "_x0041_": "_x000D_ harfiah", "notes": '""'},
            "indicators": [
                {
                    "name": "\t=1+1 Indeks",
                    "formula": "@SUM(1)",
                    "unit": "+62",
                    "targets": {"2024": "", "2025": " ", "2026": "  \n  "},
                },
                {"name": "'=sudah dikutip", "targets": {"2024": "-5", "2025": "-1e999", "2026": "4 Dokumen"}},
            ],
            "ref": "hal. 3; Tabel 2",
            "inferred": ["level", "owner"],
        },
        {
            "id": "a;b",
            "parent": ["1", "c\nd"],
            "statement": "Meningkatnya B",
            "level": "Sasaran Strategis",
            "ignore": [{"rule": "single-child", "reason": "satu; dua"}, {"rule": "orphan-node", "reason": " tepi "}],
        },
        {"id": "c\nd", "parent": "1", "statement": "\u2028\u2029\x85 pemisah baris", "level": "Sasaran Strategis"},
    ],
}


@pytest.fixture
def hostile(tmp_path) -> Path:
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(HOSTILE, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("headers", ["en", "id"])
def test_every_hostile_text_survives_a_table(tmp_path, hostile, fmt, headers):
    original = to_document(load(str(hostile)))
    assert original["nodes"][0]["statement"].startswith("  ")  # (the document keeps what it was given)
    table = tmp_path / f"t.{fmt}"
    result = run("convert", hostile, table, "--headers", headers)
    assert result.exit_code == 0, result.output
    assert to_document(load(str(table))) == original
    again = tmp_path / f"again.{fmt}"
    assert run("convert", table, again, "--headers", headers).exit_code == 0
    assert to_document(load(str(again))) == original


@pytest.mark.parametrize(
    "name", ["ctrl.json", "nul.json", "control-owner.json", "line-separators.yaml", "manynotes.yaml", "formula.yaml"]
)
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_reproducers_go_through_a_table_and_back_unchanged(tmp_path, name, fmt):
    # C1 (vertical tab, form feed, NUL: convert to XLSX died), L2, L8 (30+ notes), L9 (NUL made the CSV "binary")
    original = to_document(load(str(DATA / name)))
    table = tmp_path / f"mid.{fmt}"
    result = run("convert", DATA / name, table)
    assert result.exit_code == 0, result.output
    assert to_document(load(str(table))) == original


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_notes_that_look_like_metadata_stay_notes(tmp_path, fmt):
    # L6: notes.preamble "Tipe: dinas" came back as the organisation's type
    table = tmp_path / f"pre.{fmt}"
    assert run("convert", DATA / "preamble-notes.yaml", table).exit_code == 0
    cascade = load(str(table))
    assert cascade.organisation.type is None and cascade.notes == {"preamble": "Tipe: dinas"}


def test_text_longer_than_an_excel_cell_is_refused_not_cut(tmp_path):
    # L4: a 40,000-character statement; the schema allows 100,000, a cell holds 32,767
    out = tmp_path / "long.xlsx"
    line = one_line_error(run("convert", DATA / "long.yaml", out), out)
    assert "node '1': statement: 40,000 characters; an .xlsx cell holds at most 32,767" in line
    assert not out.exists() and not list(tmp_path.iterdir())  # nothing written, no temporary left
    assert run("convert", DATA / "long.yaml", tmp_path / "long.csv").exit_code == 0  # CSV holds it
    assert load(str(tmp_path / "long.csv")).nodes[0].statement == load(str(DATA / "long.yaml")).nodes[0].statement


def test_the_csv_export_runs_no_formula_in_a_spreadsheet(tmp_path, hostile):
    # I1: cells starting with = + - @ are neutralised (a leading apostrophe), plain numbers are not
    for source in (DATA / "formula.yaml", DATA / "formula-target.json", hostile):
        out = tmp_path / f"{source.stem}.csv"
        assert run("convert", source, out).exit_code == 0
        text = out.read_text(encoding="utf-8-sig")
        for row in csv.reader(io.StringIO(text)):
            for cell in row:
                assert cell[:1] not in ("=", "+", "@") and not (cell[:1] == "-" and cell != "-5"), cell
        assert to_document(load(str(out))) == to_document(load(str(source)))
    assert "'=HYPERLINK(" in (tmp_path / "formula.csv").read_text(encoding="utf-8-sig")


def test_a_workbook_the_planner_writes_with_a_literal_apostrophe_keeps_it(tmp_path):
    # the apostrophe is only undone in CSV, and only before = + - @ or another apostrophe
    path = tmp_path / "kutip.csv"
    path.write_text("Kode,Tingkat,Kinerja,Penanggung Jawab\n1,Tujuan,'Meningkatnya' A,'=Camat\n", encoding="utf-8")
    node = load(str(path)).nodes[0]
    assert (node.statement, node.owner) == ("'Meningkatnya' A", "=Camat")


# ---------------------------------------------------------------------------------- the codec


def test_cell_text_encoding_is_lossless_for_any_text():
    rng = random.Random(16)
    alphabet = ["a", " ", "\t", "\n", "\r", "\x00", "\x0b", "\x85", "\u2028", "_", "x", "0", "D", "_x000D_", '"', ";"]
    alphabet += ["=", "+", "-", "@", "'", "\ud800", "\U0001f600", "é"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        for xlsx in (False, True):
            cell = cells.encode(text, xlsx)
            assert cell == cell.strip() and cell != ""  # a reader strips cells, a blank cell is "not given"
            if xlsx:
                assert "\r" not in cell and "\x00" not in cell and "\x0b" not in cell
            assert cells.decode(cells.restore(cells.neutralise(cell)).strip()) == text
            assert not cells.neutralise(cell).startswith(("=", "+", "@"))


def test_list_items_holding_separators_are_quoted_and_planner_lists_still_split():
    items = ["Satpol PP; TNI", "BKPSDM", "baris\nbaru", ' "kutip"', "", 'a"b']
    cell = cells.join_list(items)
    assert cell.startswith('"Satpol PP; TNI"; BKPSDM; ')
    assert cells.split_list(cells.decode(cell)) == items
    assert cells.split_list("BKPSDM; Satpol PP") == ["BKPSDM", "Satpol PP"]  # as planners write lists
    assert cells.split_list("BKPSDM\nSatpol PP;;") == ["BKPSDM", "Satpol PP"]
    assert cells.split_list('Kasi "Pem"; Lurah') == ['Kasi "Pem"', "Lurah"]
    assert cells.split_list('"Satpol PP", TNI') == ['"Satpol PP", TNI']  # no closing quote before a separator


def test_a_folder_holding_hostile_workbooks_is_checked_without_a_hang_or_a_stray_warning(tmp_path):
    import shutil

    for name in ("far-cell.xlsx", "bomb-cells.xlsx", "missing-styles.xlsx", "zero-sheets.xlsx"):
        shutil.copy(DATA / name, tmp_path / name)
    result = run("check", tmp_path, "--format", "json", "--lang", "en")
    assert result.exit_code == 2
    errors = {Path(e["file"]).name: e["message"] for e in json.loads(result.stdout)["errors"]}
    assert set(errors) == {"far-cell.xlsx", "bomb-cells.xlsx", "zero-sheets.xlsx"}  # missing-styles reads
    assert all(line.startswith("kinerja: ") for line in result.stderr.splitlines())
