"""`kinerja export pk`: the Perjanjian Kinerja / IKI tables of each position, on the real samples and on
hostile input, read back from the XLSX (openpyxl) and the DOCX (python-docx) the command writes."""

from __future__ import annotations

import json
import re

import docx
import openpyxl
import pytest
import yaml
from click.testing import CliRunner
from docx.oxml.ns import qn
from helpers import SAMPLES, cascade_from_yaml

from kinerja_graph import loaders, policy
from kinerja_graph.cli import cli
from kinerja_graph.errors import PolicyError
from kinerja_graph.export import pk
from kinerja_graph.office import xlsx as office_xlsx

PRAYA = SAMPLES / "praya.yaml"
NO_OWNER = "Belum ada penanggung jawab"


def tables_of(name: str, **kwargs) -> pk.PkTables:
    return pk.build(loaders.load(str(SAMPLES / name)), **kwargs)


def export(tmp_path, source, suffix: str, *args: str):
    out = tmp_path / f"out{suffix}"
    result = CliRunner().invoke(cli, ["export", "pk", str(source), "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    return out


def labels(tables: pk.PkTables) -> list[str]:
    return [p.label for p in tables.positions]


def by_label(tables: pk.PkTables) -> dict[str, pk.Position]:
    return {p.label: p for p in tables.positions}


def owned_nodes(path) -> list[dict]:
    """The nodes of a YAML sample with an owner, read straight from the file (not through the exporter)."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [n for n in doc["nodes"] if str(n.get("owner") or "").strip()]


# ------------------------------------------------------------------------------ positions


def test_praya_gives_one_table_per_position_with_the_lurah_of_the_joint_owners():
    joint = [n for n in owned_nodes(PRAYA) if "&" in n["owner"]]
    assert joint, "Praya's chart names joint owners such as 'Kasi Pem & Lurah'"
    tables = tables_of("praya.yaml")
    assert labels(tables) == [
        "Camat",
        "Sekcam",
        "Kasi Pelum",
        "Kasi Pem",
        "Kasi PMD",
        "Kasi Kesra",
        "Kasi Trantib",
        "Kasubbag Umum dan Kepeg",
        "Kasubbag Perenc dan Keu",
        "Lurah",
    ]
    lurah = by_label(tables)["Lurah"]
    expected = [n["id"] for n in owned_nodes(PRAYA) if "lurah" in n["owner"].lower()]
    assert [e.id for e in lurah.entries] == expected == [n["id"] for n in joint]
    assert "Kasi PMD & LURAH" in lurah.written  # one position, however it is capitalised


def test_every_owned_goal_is_in_the_table_of_each_of_its_owners_and_nothing_disappears():
    for name in ("praya.yaml", "pujon.yaml", "batumandi.yaml", "pino-raya.yaml"):
        tables = tables_of(name)
        held = {p.label: {e.id for e in p.entries} for p in tables.positions}
        for node in owned_nodes(SAMPLES / name):
            owner = node["owner"]
            parts = re.split(r"\s*[&/]\s*", owner)  # the samples' joint owners use & and /
            for part in parts:
                label = next(label for label in held if label.lower() == part.lower())
                assert node["id"] in held[label], (name, node["id"], part)
        everything = {n.id for n in loaders.load(str(SAMPLES / name)).nodes if n.is_goal or n.indicators}
        listed = {e.id for p in tables.positions for e in p.entries} | {e.id for e in tables.unowned}
        assert listed == everything, name
        assert not {e.id for e in tables.unowned} & {e.id for p in tables.positions for e in p.entries}


def test_a_shared_goal_names_the_other_positions_holding_it():
    tables = tables_of("praya.yaml")
    kasi_pem = {e.id: e for e in by_label(tables)["Kasi Pem"].entries}
    assert kasi_pem["1.2.1"].shared_with == ("Lurah",)
    assert kasi_pem["1.2.3"].shared_with == ()
    lurah = {e.id: e for e in by_label(tables)["Lurah"].entries}
    assert lurah["1.4.3"].shared_with == ("Kasubbag Perenc dan Keu",)


def test_the_superiors_goal_and_its_owner_are_those_of_the_parent():
    tables = tables_of("praya.yaml")
    lurah = {e.id: e for e in by_label(tables)["Lurah"].entries}
    assert lurah["1.1.1"].superiors == (pk.Superior("1.1", "Meningkatnya kualitas layanan publik", "Camat"),)
    assert lurah["1.4.3"].superiors == (
        pk.Superior("1.4", "Meningkatnya akuntabilitas penyelenggaraan urusan", "Sekcam"),
    )
    camat = by_label(tables)["Camat"].entries
    assert camat[0].id == "1" and camat[0].superiors == ()  # the top goal supports no one's
    positions = by_label(tables)
    assert positions["Kasubbag Umum dan Kepeg"].superior == "Sekcam"
    assert positions["Kasi Pem"].superior == "Camat" and positions["Camat"].superior is None


def test_an_unknown_parent_and_an_ownerless_parent_are_said_so():
    cascade = cascade_from_yaml(
        """
        organisation: {name: Kecamatan Uji, type: kecamatan}
        nodes:
          - {id: "1", statement: Meningkatnya layanan, level: Intermediate Outcome}
          - {id: "1.1", parent: "1", statement: Meningkatnya mutu layanan, level: Immediate Outcome, owner: Kasi Pem}
          - {id: "2.1", parent: "9", statement: Meningkatnya tertib, level: Immediate Outcome, owner: Kasi Pem}
        """
    )
    entries = {e.id: e for e in pk.build(cascade).positions[0].entries}
    assert entries["1.1"].superiors == (pk.Superior("1", "Meningkatnya layanan", None),)
    assert entries["2.1"].superiors == (pk.Superior("9", None, None, found=False),)


def test_positions_come_by_rank_kasi_before_kasubbag_before_lurah_and_staff_last():
    tables = tables_of("pujon.yaml")
    kinds = [p.kind for p in tables.positions]
    assert kinds[:2] == ["camat", "sekcam"]
    assert kinds.index("staff") > max(i for i, k in enumerate(kinds) if k in ("kasi", "kasubbag"))
    assert all(k == "staff" for k in kinds[kinds.index("staff") :])
    assert max(i for i, k in enumerate(kinds) if k == "kasi") < min(i for i, k in enumerate(kinds) if k == "kasubbag")
    praya = tables_of("praya.yaml")
    assert praya.positions[-1].label == "Lurah"


@pytest.mark.parametrize(
    ("owner", "positions"),
    [
        ("Kasi Pem & Lurah", ["Kasi Pem", "Lurah"]),
        ("Camat/Sekcam", ["Camat", "Sekcam"]),
        ("Camat, Sekcam dan Kasi Pem", ["Camat", "Sekcam", "Kasi Pem"]),
        ("Kasi Pem dan Lurah", ["Kasi Pem", "Lurah"]),
        ("Kasubbag Perenc dan Keu & Lurah", ["Kasubbag Perenc dan Keu", "Lurah"]),
        ("Kasubag Umum, Kepegawaian, Keuangan dan Aset", ["Kasubag Umum, Kepegawaian, Keuangan dan Aset"]),
        ("Kasi Pemerintahan Desa/Kelurahan", ["Kasi Pemerintahan Desa/Kelurahan"]),
        ("Plt. Kasi Trantib (Budi, S.IP) dan Lurah", ["Plt. Kasi Trantib", "Lurah"]),
        ("Tim Penggerak PKK & Lurah", ["Tim Penggerak PKK", "Lurah"]),
        ("& Lurah", ["Lurah"]),
        ("-", []),
        ("", []),
    ],
)
def test_joint_owners_split_where_a_position_follows(owner, positions):
    splitter = pk.OwnerSplitter(pk.classify.default_vocabulary("owners"))
    assert [p.label for p in splitter.split(owner)] == positions


def test_acting_and_bracketed_names_hold_the_same_positions_table():
    cascade = cascade_from_yaml(
        """
        organisation: {name: Kecamatan Uji, type: kecamatan}
        nodes:
          - {id: "1", statement: Meningkatnya layanan, level: Intermediate Outcome, owner: Camat}
          - {id: "1.1", parent: "1", statement: Meningkatnya mutu, level: Immediate Outcome, owner: "Kasi Trantib"}
          - {id: "1.2", parent: "1", statement: Meningkatnya tertib, level: Output, owner: "Plt. Kasi Trantib"}
          - {id: "1.3", parent: "1", statement: Meningkatnya aman, level: Output, owner: "Kasi Trantib (Budi)"}
        """
    )
    tables = pk.build(cascade)
    assert labels(tables) == ["Camat", "Kasi Trantib"]
    assert [e.id for e in tables.positions[1].entries] == ["1.1", "1.2", "1.3"]


def test_owner_placeholders_are_those_of_the_missing_owner_rule():
    from kinerja_graph import config

    placeholders = pk.owner_placeholders(config.load_default_pack().rules)
    assert "belum ada" in placeholders
    cascade = cascade_from_yaml(
        """
        organisation: {name: Kecamatan Uji}
        nodes:
          - {id: "1", statement: Meningkatnya layanan, level: Intermediate Outcome, owner: "Belum ada"}
        """
    )
    assert pk.build(cascade, placeholders=placeholders).unowned[0].id == "1"


# ------------------------------------------------------------------------------ the policy file


def test_the_policy_file_is_valid_and_names_only_known_positions():
    data = policy.load_policy_file(policy.rules_dir() / "pk.yaml", "pk.schema.json")
    owners = {p["id"] for p in pk.classify.default_vocabulary("owners")["positions"]}
    assert {pid for group in data["ranks"] for pid in group} <= owners | {"unknown"}
    assert "&" in data["split"]["separators"] and "dan" in data["split"]["words"]


def test_a_rank_naming_no_position_is_a_policy_error():
    bad = pk.read_policy(
        {"split": {"separators": ["&"], "words": []}, "acting": [], "ranks": [["camat"], ["kepala_dusun"]]}
    )
    with pytest.raises(PolicyError, match="kepala_dusun"):
        pk.OwnerSplitter(pk.classify.default_vocabulary("owners"), bad)


def test_the_schema_refuses_a_malformed_policy(tmp_path):
    bad = tmp_path / "pk.yaml"
    bad.write_text("split: {separators: [x], words: []}\nacting: []\nranks: [[camat]]\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="separators"):
        policy.load_policy_file(bad, "pk.schema.json")


# ------------------------------------------------------------------------------ years and targets


def test_sokaraja_has_a_target_column_for_its_year_and_its_ownerless_goals_last(tmp_path):
    tables = tables_of("sokaraja.yaml")
    assert tables.years == (2021,)
    assert labels(tables) == ["Camat"] and len(tables.unowned) == 42
    book = openpyxl.load_workbook(export(tmp_path, SAMPLES / "sokaraja.yaml", ".xlsx"))
    assert book.sheetnames == ["Ringkasan", "Camat", NO_OWNER]
    ws = book["Camat"]
    header = next(r for r in ws.iter_rows(values_only=True) if r[0] == "No.")
    assert "Target 2021" in header
    ids = [r[1] for r in book[NO_OWNER].iter_rows(values_only=True) if r[1] and re.fullmatch(r"[\d.]+", str(r[1]))]
    assert ids == [e.id for e in tables.unowned]


@pytest.mark.slow
def test_targets_by_year_are_numbers_in_the_workbook_and_texts_as_written_in_the_document(tmp_path):
    tables = tables_of("pino-raya.yaml")
    assert tables.years == (2022, 2023, 2024, 2025, 2026)
    camat = by_label(tables)["Camat"].entries[0].indicators[0]
    assert camat.targets == {2022: "75", 2023: "80", 2024: "85", 2025: "90", 2026: "90"}
    ws = openpyxl.load_workbook(export(tmp_path, SAMPLES / "pino-raya.yaml", ".xlsx"))["Camat"]
    rows = list(ws.iter_rows(values_only=True))
    years = next(i for i, r in enumerate(rows) if r[6] == "2022")
    assert rows[years - 1][6] == "Target" and rows[years][6:11] == ("2022", "2023", "2024", "2025", "2026")
    first = rows[years + 1]
    assert first[1] == "2" and first[6:11] == (75, 80, 85, 90, 90)
    assert ws.print_title_rows.replace("$", "") == f"{years}:{years + 1}"  # both header rows repeat on every page
    document = docx.Document(export(tmp_path, SAMPLES / "pino-raya.yaml", ".docx"))
    table = document.tables[1]
    assert [c.text for c in table.rows[2].cells][6:11] == ["75", "80", "85", "90", "90"]
    assert [c.text for c in table.rows[3].cells][6:11] == ["75", "80", "85", "90", "95"]


def test_one_year_asked_gives_its_column_only_and_a_year_outside_the_period_warns(tmp_path):
    tables = tables_of("pino-raya.yaml", year=2024)
    assert tables.years == (2024,) and not tables.year_outside_period
    assert by_label(tables)["Camat"].entries[0].indicators[0].targets == {2024: "85"}
    out = tmp_path / "pk.xlsx"
    result = CliRunner().invoke(
        cli, ["export", "pk", str(SAMPLES / "pino-raya.yaml"), "-o", str(out), "--year", "2031"]
    )
    assert result.exit_code == 0 and "2031" in result.output and "2022–2026" in result.output
    header = next(r for r in openpyxl.load_workbook(out)["Camat"].iter_rows(values_only=True) if r[0] == "No.")
    assert "Target 2031" in header


# ------------------------------------------------------------------------------ the files


def test_the_workbook_has_a_summary_one_sheet_per_position_and_the_ownerless_last(tmp_path):
    tables = tables_of("praya.yaml")
    book = openpyxl.load_workbook(export(tmp_path, PRAYA, ".xlsx"))
    assert book.sheetnames == ["Ringkasan", *labels(tables), NO_OWNER]
    summary = [r for r in book["Ringkasan"].iter_rows(values_only=True) if r[2] in book.sheetnames]
    assert [(r[1], r[3]) for r in summary] == [(p.label, len(p.entries)) for p in tables.positions] + [
        (NO_OWNER, len(tables.unowned))
    ]
    ws = book["Lurah"]
    header = next(i for i, r in enumerate(ws.iter_rows(values_only=True), start=1) if r[0] == "No.")
    assert [c.value for c in ws[header]] == [
        "No.",
        "Kode",
        "Sasaran/Kinerja",
        "Indikator Kinerja",
        "Formulasi",
        "Satuan",
        "Target",
        "Sumber Data",
        "Mendukung Kinerja Atasan",
    ]
    assert ws.freeze_panes == f"A{header + 1}" and ws.auto_filter.ref.startswith(f"A{header}:")
    assert ws.print_title_rows.replace("$", "") == f"{header}:{header}"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    codes = [r[1] for r in ws.iter_rows(min_row=header + 1, values_only=True)]
    assert codes == [e.id for e in by_label(tables)["Lurah"].entries]
    goal = ws.cell(row=header + 1, column=3).value
    assert goal.startswith("Meningkatnya kualitas layanan sesuai SOP") and "bersama Kasi Pelum" in goal
    assert "1.1 Meningkatnya kualitas layanan publik" in ws.cell(row=header + 1, column=9).value
    assert all(ws.row_dimensions[r].height for r in range(header, ws.max_row + 1))  # sized to the wrapped text


def test_the_document_has_a_section_per_position_and_the_ownerless_last(tmp_path):
    tables = tables_of("praya.yaml")
    document = docx.Document(export(tmp_path, PRAYA, ".docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [*labels(tables), NO_OWNER]
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape
    pk_tables = [t for t in document.tables if len(t.columns) == 9]
    assert len(pk_tables) == len(tables.positions) + 1
    for table in pk_tables:
        header = table.rows[0]._tr
        assert header.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    lurah = pk_tables[labels(tables).index("Lurah")]
    assert [r.cells[1].text for r in lurah.rows[1:]] == [e.id for e in by_label(tables)["Lurah"].entries]
    assert "(bersama Kasi Pem)" in lurah.rows[3].cells[2].text
    assert lurah.rows[1].cells[8].text == "1.1 Meningkatnya kualitas layanan publik\n(Camat)"


def test_english_headers_with_lang_en(tmp_path):
    book = openpyxl.load_workbook(export(tmp_path, PRAYA, ".xlsx", "--lang", "en"))
    assert book.sheetnames[0] == "Summary" and book.sheetnames[-1] == "No owner yet"
    header = next(r for r in book["Camat"].iter_rows(values_only=True) if r[0] == "No.")
    assert "Performance indicator" in header and "Supports the superior's goal" in header


# ------------------------------------------------------------------------------ hostile text


HOSTILE = {
    "kinerja": 1,
    "organisation": {"name": "Kecamatan =Uji", "type": "kecamatan"},
    "nodes": [
        {"id": "1", "level": "Intermediate Outcome", "statement": '=HYPERLINK("http://x","klik")', "owner": "Camat"},
        {
            "id": "1.1",
            "parent": "1",
            "level": "Immediate Outcome",
            # (a lone surrogate, "\ud800", is refused when the file is read: tests/test_hostile_input.py)
            "statement": "Bel\x07l \x1b[31mmerah\x00 \ufffd selesai",
            "owner": "=cmd|' /C calc'!A0 & Lurah",
            "indicators": [
                {"name": "+1+1", "formula": "-2+3", "source": "@SUM(A1:A2)", "unit": "\ttab", "targets": {"2025": "=1"}}
            ],
        },
        {"id": "1.2", "parent": "1", "level": "Immediate Outcome", "statement": "x" * 40000, "owner": "History"},
        {"id": "1.3", "parent": "1", "level": "Immediate Outcome", "statement": "Tanpa PJ", "owner": "[Sheet]:*?/\\"},
    ],
}


@pytest.fixture
def hostile(tmp_path):
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(HOSTILE), encoding="utf-8")
    return path


def test_hostile_text_in_the_workbook_stays_text(tmp_path, hostile):
    book = openpyxl.load_workbook(export(tmp_path, hostile, ".xlsx"))
    formula_like = []
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", cell.value)
                    assert len(cell.value) <= office_xlsx.MAX_CELL
                    if cell.value[:1] in "=+-@\t":
                        formula_like.append(cell.value)
                        assert cell.quotePrefix, (ws.title, cell.coordinate)
    assert {'=HYPERLINK("http://x","klik")', "+1+1", "-2+3", "@SUM(A1:A2)", "=1"} <= set(formula_like)
    titles = book.sheetnames
    assert "=cmd|' C calc'!A0" in titles and "Lurah" in titles  # the joint owner split, its title made valid
    assert "History" not in titles and all(len(t) <= 31 and not set("[]:*?/\\") & set(t) for t in titles)
    statement = next(c.value for c in book["Lurah"]["C"] if c.value and c.value.startswith("Bel"))
    assert statement.startswith("Bel\u2407l \u241b[31mmerah\u2400 \ufffd selesai")


def test_hostile_text_in_the_document_is_kept_visible(tmp_path, hostile):
    document = docx.Document(export(tmp_path, hostile, ".docx"))
    text = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Bel\u2407l \u241b[31mmerah\u2400 \ufffd selesai" in text
    assert '=HYPERLINK("http://x","klik")' in text and "x" * 40000 in text
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:2] == ["Camat", "Lurah"] and "=cmd|' /C calc'!A0" in headings  # an unknown position after


# ------------------------------------------------------------------------------ the command


def test_bad_output_names_and_bad_input_are_one_line_and_exit_2(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "pk", str(PRAYA), "-o", str(tmp_path / "pk.pdf")])
    assert result.exit_code == 2 and ".xlsx" in result.output and "Traceback" not in result.output
    missing = runner.invoke(cli, ["export", "pk", str(tmp_path / "none.yaml"), "-o", str(tmp_path / "pk.xlsx")])
    assert missing.exit_code == 2 and "none.yaml" in missing.output and len(missing.output.strip().splitlines()) == 1
    book = tmp_path / "praya.xlsx"
    assert runner.invoke(cli, ["convert", str(PRAYA), str(book)]).exit_code == 0
    sheets = openpyxl.load_workbook(book).sheetnames
    same = runner.invoke(cli, ["export", "pk", str(book), "-o", str(book)])
    assert same.exit_code == 2 and "menimpa" in same.output
    assert openpyxl.load_workbook(book).sheetnames == sheets  # the input is untouched
    folder = tmp_path / "a-folder.xlsx"
    folder.mkdir()
    blocked = runner.invoke(cli, ["export", "pk", str(PRAYA), "-o", str(folder / "x" / "pk.docx")])
    assert blocked.exit_code == 0  # missing folders are made


def test_the_command_says_what_it_wrote(tmp_path):
    result = CliRunner().invoke(cli, ["export", "pk", str(PRAYA), "-o", str(tmp_path / "pk.docx"), "--lang", "en"])
    assert result.exit_code == 0
    assert "10 positions" in result.output and "46 goals without an owner" in result.output
