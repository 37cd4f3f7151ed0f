"""The planner's workbook (issue 14 item 4) and the CSV export as one plain table (issue 13 item 7)."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from helpers import SAMPLES

from kinerja_graph.cli import cli
from kinerja_graph.loaders import load
from kinerja_graph.workbook import numeric_target
from kinerja_graph.writers import to_document


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def convert(source: Path, out: Path, *options) -> Path:
    result = run("convert", source, out, *options)
    assert result.exit_code == 0, result.output
    return out


def validations(ws) -> dict[str, tuple[str, str]]:
    """{first cell of each range: (validation type, formula1)} as openpyxl reads them back."""
    found = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            found[rng.coord.split(":")[0]] = (dv.type, dv.formula1)
    return found


def list_values(book, formula: str) -> list[str]:
    sheet, cells = formula.split("!")
    ws = book[sheet.strip("'")]
    first, last = (c.replace("$", "") for c in cells.split(":"))
    return [c.value for row in ws[first:last] for c in row]


# ----------------------------------------------------------------------------- convert to xlsx


@pytest.fixture(scope="module")
def pino(tmp_path_factory) -> Path:
    return convert(SAMPLES / "pino-raya.yaml", tmp_path_factory.mktemp("pino") / "pino.xlsx", "--headers", "id")


def test_targets_are_numbers_and_text_targets_stay_text(pino):
    book = openpyxl.load_workbook(pino)
    ws = book["Pohon Kinerja"]
    header = [c.value for c in ws[1]]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    year = header.index("Target 2022")
    akip = rows["1a"][year]  # "75"
    assert (akip.value, akip.data_type, akip.number_format) == (75, "n", "General")
    dokumen = rows["1.1"][year]  # "4 Dokumen": the number 4, the unit kept in the number format
    assert (dokumen.value, dokumen.data_type, dokumen.number_format) == (4, "n", 'General" Dokumen"')
    persen = rows["2.2"][year]  # "75%"
    assert (persen.value, persen.number_format) == (75, 'General"%"')
    assert rows["S13"][header.index("Target 2025")].value == "-"  # not a number: kept as written
    assert header.index("Satuan") < year  # the unit in its own column


def test_the_workbook_has_dropdowns_from_the_vocabularies_a_frozen_header_and_an_autofilter(pino):
    book = openpyxl.load_workbook(pino)
    ws = book["Pohon Kinerja"]
    header = [c.value for c in ws[1]]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(header))}{ws.max_row}"
    found = validations(ws)
    letter = {h: openpyxl.utils.get_column_letter(i) for i, h in enumerate(header, start=1)}
    level = found[f"{letter['Tingkat']}2"]
    assert level[0] == "list"
    assert list_values(book, level[1]) == [
        "Ultimate Outcome",
        "Intermediate Outcome",
        "Immediate Outcome",
        "Output",
        "Proses",
    ]
    assert list_values(book, found[f"{letter['Tipe Perhitungan']}2"][1]) == [
        "kumulatif",
        "non-kumulatif",
        "kumulatif-negatif",
    ]
    assert list_values(book, found[f"{letter['Polaritas']}2"][1]) == [
        "semakin tinggi semakin baik",
        "semakin rendah semakin baik",
    ]
    assert found[f"{letter['Target 2022']}2"][0] == "decimal"
    assert book["Daftar"].sheet_state == "hidden"
    assert validations(book["Organisasi"])["B2"][0] == "list"


def test_the_organisation_travels_on_its_own_sheet_and_comes_back(pino):
    book = openpyxl.load_workbook(pino)
    rows = [[c.value for c in row[:2]] for row in book["Organisasi"].iter_rows()]
    assert ["Organisasi", "Kecamatan Pino Raya"] in rows and ["Periode", "2022-2026"] in rows
    back = load(str(pino))
    original = load(str(SAMPLES / "pino-raya.yaml"))
    assert (back.organisation, back.period) == (original.organisation, original.period)
    assert back.organisation.type == "kecamatan"  # owner checks no longer fall back to a lenient profile


def test_every_indicator_row_is_whole_so_a_sorted_workbook_reads_the_same(tmp_path):
    book_path = convert(SAMPLES / "sokaraja.yaml", tmp_path / "soko.xlsx")
    original = to_document(load(str(book_path)))
    book = openpyxl.load_workbook(book_path)
    ws = book.active
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    header = [c.value for c in ws[1]]
    two = [r for r in rows if r[0] == "1.1"]
    assert len(two) == 2 and two[0][:6] == two[1][:6]  # the goal's columns repeated on its second row
    random.Random(14).shuffle(rows)  # a planner sorts or filters
    ws.delete_rows(2, ws.max_row)
    for row in rows:
        ws.append(row)
    book.save(tmp_path / "sorted.xlsx")
    shuffled = to_document(load(str(tmp_path / "sorted.xlsx")))
    by_id = {n["id"]: n for n in shuffled["nodes"]}
    assert len(by_id) == len(original["nodes"])
    for node in original["nodes"]:
        got = by_id[node["id"]]
        assert {k: v for k, v in got.items() if k != "indicators"} == {
            k: v for k, v in node.items() if k != "indicators"
        }
        assert sorted(map(str, got.get("indicators", []))) == sorted(map(str, node.get("indicators", [])))
    assert header[0] == "id"


@pytest.mark.parametrize(
    "text, cell",
    [
        ("85", (85, "General")),
        ("82.5", (82.5, "General")),
        ("-5", (-5, "General")),
        ("4 Dokumen", (4, 'General" Dokumen"')),
        ("75%", (75, 'General"%"')),
        ("90 %", (90, 'General" %"')),
        ("82,5", None),  # a decimal comma would come back "82.5"
        ("1.500", None),
        ("007", None),
        ("80-90", None),
        ("Tersedia", None),
        ("4 Dokumen ", None),
        ('4 "x"', None),
        ("12345678901234567", None),
    ],
)
def test_which_targets_become_numbers(text, cell):
    assert numeric_target(text) == cell


# ------------------------------------------------------------------------------------ template


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "pohon.xlsx"
    result = run("template", "-o", path, "--period", "2025-2029")
    assert result.exit_code == 0, result.output
    return path


def test_the_template_is_an_empty_workbook_ready_to_fill(template):
    book = openpyxl.load_workbook(template)
    assert book.sheetnames == ["Pohon Kinerja", "Organisasi", "Petunjuk", "Contoh", "Daftar"]
    ws = book["Pohon Kinerja"]
    header = [c.value for c in ws[1]]
    assert header[:4] == ["Kode", "Kode Induk", "Tingkat", "Kinerja"]
    assert [h for h in header if h.startswith("Target")] == [f"Target {y}" for y in range(2025, 2030)]
    assert ws.max_row == 1 and ws.freeze_panes == "A2" and ws.auto_filter.ref
    found = validations(ws)
    letter = {h: openpyxl.utils.get_column_letter(i) for i, h in enumerate(header, start=1)}
    assert found[f"{letter['Tingkat']}2"][0] == "list"
    assert found[f"{letter['Tipe Perhitungan']}2"][0] == "list"
    assert found[f"{letter['Polaritas']}2"][0] == "list"
    assert found[f"{letter['Target 2025']}2"][0] == "decimal"
    dv = next(d for d in ws.data_validations.dataValidation if d.type == "list")
    assert str(dv.sqref).endswith("1000")  # rows to fill carry the dropdowns
    instructions = " ".join(str(c.value) for row in book["Petunjuk"].iter_rows() for c in row if c.value)
    assert "Kode Induk" in instructions and "kinerja check" in instructions
    assert book.active.title == "Petunjuk"  # opens on the instructions


def test_the_templates_worked_example_is_a_cascade_that_reads(template):
    example = load(str(template), sheet="Contoh")
    assert len(example.goals) == 6
    assert {n.level for n in example.goals} == {
        "ultimate_outcome",
        "intermediate_outcome",
        "immediate_outcome",
        "output",
        "process",
    }
    assert all(n.owner and n.indicators for n in example.goals)
    assert example.node("1.2").indicators[0].polarity == "lower"
    assert example.period == list(range(2025, 2030))  # from the template's Organisasi sheet


def test_a_filled_in_template_reads_back(tmp_path, template):
    book = openpyxl.load_workbook(template)
    ws = book["Pohon Kinerja"]
    header = [c.value for c in ws[1]]
    values = {
        "Kode": "1",
        "Tingkat": "Ultimate Outcome",
        "Kinerja": "Meningkatnya kualitas layanan",
        "Penanggung Jawab": "Camat",
        "Indikator Kinerja": "Indeks Kepuasan Masyarakat",
        "Polaritas": "semakin tinggi semakin baik",
        "Target 2025": 82,
    }
    ws.append([values.get(h) for h in header])
    org = book["Organisasi"]
    org["B1"], org["B2"] = "Kecamatan Sukamaju", "kecamatan"
    book.save(tmp_path / "filled.xlsx")
    cascade = load(str(tmp_path / "filled.xlsx"))
    (node,) = cascade.nodes
    assert (cascade.organisation.name, cascade.organisation.type) == ("Kecamatan Sukamaju", "kecamatan")
    assert node.indicators[0].targets[2025].value == 82 and node.indicators[0].polarity == "higher"


def test_the_template_in_english_and_a_wrong_period(tmp_path):
    path = tmp_path / "en.xlsx"
    assert run("template", "-o", path, "--headers", "en", "--period", "2026-2030").exit_code == 0
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Pohon Kinerja", "Organisation", "Instructions", "Example", "Lists"]
    assert [c.value for c in book["Pohon Kinerja"][1]][:3] == ["id", "parent", "level"]
    bad = run("template", "-o", tmp_path / "x.xlsx", "--period", "2029-2025")
    assert bad.exit_code == 2 and "2025-2029" in bad.output
    assert run("template", "-o", tmp_path / "x.csv").exit_code == 2


# ------------------------------------------------------------------------------- CSV: one table


def test_the_csv_export_is_one_plain_table_read_by_the_csv_module_defaults(tmp_path):
    out = convert(SAMPLES / "pino-raya.yaml", tmp_path / "pino.csv")
    with open(out, encoding="utf-8-sig", newline="") as fh:  # Excel's CSV UTF-8 starts with a BOM
        rows = list(csv.reader(fh))  # the default dialect: commas, double quotes
    assert rows[0][:4] == ["id", "parent", "level", "statement"]  # the first row is the header
    assert len({len(r) for r in rows}) == 1  # one rectangle
    with open(out, encoding="utf-8-sig", newline="") as fh:
        records = list(csv.DictReader(fh))
    assert len(records) == sum(max(len(n.indicators), 1) for n in load(str(SAMPLES / "pino-raya.yaml")).nodes)
    first = records[0]
    assert (first["organisation"], first["organisation_type"], first["period"]) == (
        "Kecamatan Pino Raya",
        "kecamatan",
        "2022-2026",
    )
    assert all(r["organisation"] == "Kecamatan Pino Raya" for r in records)  # each row says whose it is
    assert first["target_2022"] == "75"


def test_an_older_csv_with_rows_above_the_header_still_reads(tmp_path):
    path = tmp_path / "lama.csv"
    path.write_text(
        "\ufeffOrganisasi;Kecamatan Lama\r\nTipe;kecamatan\r\nPeriode;2022-2026\r\nnote: sumber;Renstra\r\n\r\n"
        "id;parent;level;statement;indicator\r\n1;;Tujuan;Meningkatnya A;Indeks A\r\n1;;;;Indeks B\r\n",
        encoding="utf-8",
    )
    cascade = load(str(path))
    assert (cascade.organisation.name, cascade.organisation.type, cascade.period) == (
        "Kecamatan Lama",
        "kecamatan",
        list(range(2022, 2027)),
    )
    assert cascade.notes == {"sumber": "Renstra"}
    assert [i.name for i in cascade.nodes[0].indicators] == ["Indeks A", "Indeks B"]


def test_document_columns_that_disagree_are_an_input_error(tmp_path):
    path = tmp_path / "dua.csv"
    path.write_text(
        "id,level,statement,organisation\n1,Tujuan,Meningkatnya A,Kecamatan A\n2,Tujuan,Meningkatnya B,Kecamatan B\n",
        encoding="utf-8",
    )
    result = run("show", path)
    assert result.exit_code == 2
    assert f"{path}:row 3: organisation: 'Kecamatan B' differs from 'Kecamatan A' given at {path}:row 2" in (
        result.stderr
    )


@pytest.mark.parametrize(
    "fmt, text",
    [
        ('General" Dokumen"', "4 Dokumen"),
        ("General\\%", "4%"),  # how LibreOffice writes General"%" back
        ('0" Orang"', "4 Orang"),
        ("General", "4"),
        ("0%", "400%"),  # Excel's own percent: the value times 100
        ('0.0"%"', "4%"),
    ],
)
def test_a_number_cell_reads_as_its_number_and_its_literal_unit(fmt, text):
    from kinerja_graph.loaders.xlsx import number_text

    assert number_text(4.0, fmt) == text


@pytest.mark.slow
def test_a_workbook_saved_again_by_libreoffice_reads_the_same(tmp_path):
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    book = convert(SAMPLES / "pino-raya.yaml", tmp_path / "pino.xlsx", "--headers", "id")
    out = tmp_path / "lo"
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "xlsx"]
        + ["--outdir", str(out), str(book)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    assert to_document(load(str(out / "pino.xlsx"))) == to_document(load(str(SAMPLES / "pino-raya.yaml")))
