"""The workbooks the tool writes store each distinct text once (xl/sharedStrings.xml), and say the same."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from kinerja_graph import loaders
from kinerja_graph.cli import cli
from kinerja_graph.office import xlsx as office
from kinerja_graph.writers import to_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_a_converted_cascade_shares_its_strings_and_reads_back_the_same(tmp_path):
    out = tmp_path / "praya.xlsx"
    assert CliRunner().invoke(cli, ["convert", str(SAMPLES / "praya.yaml"), str(out)]).exit_code == 0
    with zipfile.ZipFile(out) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
        strings = book.read("xl/sharedStrings.xml").decode()
        assert "sharedStrings" in book.read("xl/_rels/workbook.xml.rels").decode()
        assert "/xl/sharedStrings.xml" in book.read("[Content_Types].xml").decode()
    assert "inlineStr" not in sheet and 't="s"' in sheet
    assert strings.count("<si>") < sheet.count('t="s"')  # "Camat", "Kasi Pem", levels: stored once
    assert to_document(loaders.load(str(out))) == to_document(loaders.load(str(SAMPLES / "praya.yaml")))


def test_texts_xml_and_spreadsheets_treat_specially_survive(tmp_path):
    texts = ["=SUM(A1)", "  spasi di depan", 'A & B <c> "d"', "Camat", "Camat", "", "ñ—✓"]
    book = office.new_workbook()
    ws = office.add_sheet(book, "Uji")
    for row, text in enumerate(texts, start=1):
        office.set_text(ws.cell(row=row, column=1), text)
    path = tmp_path / "uji.xlsx"
    office.save(book, path)
    with zipfile.ZipFile(path) as zf:
        assert "<is>" not in zf.read("xl/worksheets/sheet1.xml").decode()  # (an empty cell may stay inline)
    read = openpyxl.load_workbook(path).worksheets[0]
    assert [read.cell(row=r, column=1).value or "" for r in range(1, len(texts) + 1)] == texts


def test_the_plain_way_and_the_element_way_read_the_same_cells(tmp_path):
    from kinerja_graph.loaders import xlsx as reader

    out = tmp_path / "pujon.xlsx"
    assert CliRunner().invoke(cli, ["convert", str(SAMPLES / "pujon.yaml"), str(out)]).exit_code == 0
    with reader.open_workbook(str(out)) as book:
        part = book.sheets[0][1]
        plain = reader._plain_sheet(book, part, "s", None)
        assert plain is not None and len(plain) > 40 and plain == reader._any_sheet(book, part, "s", None)
    with reader.open_workbook(str(SAMPLES / "praya.xlsx")) as book:  # inline strings: element by element
        assert reader._plain_sheet(book, book.sheets[0][1], "s", None) is None
    book = openpyxl.Workbook()
    book.active["A1"], book.active["A2"] = "id", "=1+1"  # a formula: read element by element
    book.save(tmp_path / "formula.xlsx")
    with reader.open_workbook(str(tmp_path / "formula.xlsx")) as wb:
        assert reader._plain_sheet(wb, wb.sheets[0][1], "s", None) is None
        assert reader.sheet_rows(wb)[0][0] == ["id"]
