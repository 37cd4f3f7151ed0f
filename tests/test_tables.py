"""CSV and XLSX tables: header aliases, continuation rows, inference, notes, Excel cells."""

import openpyxl
import pytest
from helpers import SAMPLES

from kinerja_graph.errors import InputError
from kinerja_graph.loaders import load
from kinerja_graph.policy import fields


def write_csv(tmp_path, text, name="pohon.csv", bom=True, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes((("\ufeff" if bom else "") + text).encode(encoding))
    return str(path)


INDONESIAN = (
    "Organisasi;Kecamatan Uji\n"
    "Tipe;kecamatan\n"
    "Periode;2023 - 2024\n"
    "\n"
    "Kode;Kode Induk;Tingkat;Kinerja;Indikator Kinerja;Formulasi;Satuan;Tipe Perhitungan;Sumber Data;"
    "Penanggung Jawab;Lintas Sektor;Target 2023;2024;Keterangan\n"
    "1;;Tujuan;Meningkatnya kinerja kecamatan;Indeks Kepuasan Masyarakat;Nilai survei;indeks;Non Kumulatif;"
    "Survei;Camat;;80;82,5;catatan tujuan\n"
    ";;;;Nilai SAKIP;;nilai;;;;;70;71;\n"
    "1.1;1;Sasaran Strategis;Meningkatnya kualitas layanan;Persentase layanan sesuai SOP;;%;;;Camat;"
    '"BKPSDM; Satpol PP";90 %;95%;\n'
    "1.1;;;;Persentase pengaduan selesai;;;;;;;85;90;\n"
    "9;;;;Jumlah laporan keuangan;;Dokumen;;;Pengadministrasi Keuangan;;1.500;4 Dokumen;\n"
)


def test_indonesian_csv_with_bom_semicolons_and_continuations(tmp_path):
    cascade = load(write_csv(tmp_path, INDONESIAN))
    assert cascade.organisation.name == "Kecamatan Uji" and cascade.organisation.type == "kecamatan"
    assert cascade.period == [2023, 2024]
    top, sasaran, loose = cascade.nodes
    assert [i.name for i in top.indicators] == ["Indeks Kepuasan Masyarakat", "Nilai SAKIP"]  # blank Kode continues
    assert top.indicators[0].targets[2024].value == 82.5  # decimal comma
    assert top.indicators[0].calculation == "non-kumulatif"
    assert top.notes == {"Keterangan": "catatan tujuan"}  # an unknown column is kept as a note
    assert [i.name for i in sasaran.indicators] == ["Persentase layanan sesuai SOP", "Persentase pengaduan selesai"]
    assert sasaran.parents == ["1"]
    assert [str(c) for c in sasaran.crosscutting] == ["BKPSDM", "Satpol PP"]
    assert not loose.is_goal and loose.owner == "Pengadministrasi Keuangan"  # an indicator without a goal is kept
    assert loose.indicators[0].targets[2023].value == 1500
    assert top.location.line == 6 and top.location.kind == "row"
    assert top.indicators[1].location.line == 7


@pytest.mark.parametrize(
    "field_name, aliases",
    [
        (f, a)
        for f, a in [
            ("id", ["id", "kode", "ID"]),
            ("parent", ["parent", "induk", "kode induk", "Kode_Induk"]),
            ("level", ["level", "tingkat", "level kinerja", "Level_Kinerja"]),
            ("statement", ["statement", "kinerja", "sasaran", "uraian", "kondisi"]),
            ("indicator", ["indicator", "indikator", "indikator kinerja", "INDIKATOR KINERJA"]),
            ("formula", ["formula", "formulasi", "penjelasan"]),
            ("unit", ["unit", "satuan"]),
            ("calculation", ["calculation", "tipe perhitungan", "Tipe_Perhitungan"]),
            ("source", ["source", "sumber data"]),
            ("owner", ["owner", "penanggung jawab", "jabatan"]),
            ("crosscutting", ["crosscutting", "lintas sektor"]),
        ]
    ],
)
def test_every_header_alias(field_name, aliases):
    vocab = fields()
    for alias in aliases:
        assert vocab.column_field(alias) == (field_name, None), alias


@pytest.mark.parametrize("header", ["target_2024", "Target 2024", "2024", "TARGET-2024", "Target Kinerja 2024"])
def test_target_columns(header):
    assert fields().column_field(header) == ("target", 2024)


def test_each_alias_reads_a_real_file(tmp_path):
    text = (
        "id,parent,level,uraian,indikator,penjelasan,satuan,tipe perhitungan,sumber data,jabatan,lintas sektor,target_2024\n"
        "a,,tujuan,Meningkatnya A,Indeks A,rumus,indeks,kumulatif,BPS,Camat,TNI,3\n"
        "b,a,sasaran strategis,Meningkatnya B,Indeks B,rumus,indeks,kumulatif negatif,BPS,Camat,,4\n"
    )
    cascade = load(write_csv(tmp_path, text, bom=False))
    a, b = cascade.nodes
    assert (a.statement, a.owner, a.indicators[0].formula, a.indicators[0].source) == (
        "Meningkatnya A",
        "Camat",
        "rumus",
        "BPS",
    )
    assert b.parents == ["a"] and b.indicators[0].calculation == "kumulatif-negatif"
    assert b.indicators[0].effective_polarity == "lower"


def test_outline_ids_and_parents_inferred_from_levels(tmp_path):
    text = (
        "Tingkat;Kinerja;Indikator\n"
        "Ultimate Outcome;Meningkatnya kinerja kecamatan;Nilai Kinerja Camat\n"
        "Intermediate Outcome;Meningkatnya kualitas layanan publik;IKM\n"
        "Inmediate Outcome;Meningkatnya kualitas layanan sesuai SOP;Persentase layanan sesuai SOP\n"
        "Output;Ketersediaan SOP pelayanan;\n"
        "Proses;Penyusunan SOP;\n"
        "Proses;Pengadaan sarpras;\n"
        "Inmediate Outcome;Meningkatnya kualitas layanan sesuai standar;\n"
        "Intermediate Outcome;Terwujudnya stabilitas sosial;\n"
    )
    cascade = load(write_csv(tmp_path, text))
    got = [(n.id, n.parents) for n in cascade.nodes]
    assert got == [
        ("1", []),
        ("1.1", ["1"]),
        ("1.1.1", ["1.1"]),
        ("1.1.1.1", ["1.1.1"]),
        ("1.1.1.1.1", ["1.1.1.1"]),
        ("1.1.1.1.2", ["1.1.1.1"]),
        ("1.1.2", ["1.1"]),
        ("1.2", ["1"]),
    ]


def test_ids_without_parent_column_infers_parents(tmp_path):
    text = (
        "Kode;Tingkat;Kinerja\nT;tujuan;Meningkatnya A\nS1;sasaran strategis;Meningkatnya B\n"
        "P;sasaran program;Meningkatnya C\nS2;sasaran strategis;Meningkatnya D\n"
    )
    cascade = load(write_csv(tmp_path, text))
    assert [(n.id, n.parents) for n in cascade.nodes] == [("T", []), ("S1", ["T"]), ("P", ["S1"]), ("S2", ["T"])]


def test_repeated_statement_without_id_column_is_a_continuation(tmp_path):
    text = "Tingkat;Kinerja;Indikator\ntujuan;Meningkatnya A;Indeks A\ntujuan;Meningkatnya A;Indeks B\n;;Indeks C\n"
    (node,) = load(write_csv(tmp_path, text)).nodes
    assert [i.name for i in node.indicators] == ["Indeks A", "Indeks B", "Indeks C"]


def make_xlsx(path, rows, merges=(), sheet="Pohon", percent_cells=()):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(row=r, column=c, value=value)
    for ref in percent_cells:
        ws[ref].number_format = "0%"
    for m in merges:
        ws.merge_cells(m)
    other = book.create_sheet("Lain")
    other["A1"] = "bukan pohon"
    book.save(path)
    return str(path)


def test_xlsx_merged_cells_continue_the_goal_above_and_cells_are_located(tmp_path):
    rows = [
        ["Kode", "Kode Induk", "Tingkat", "Kinerja", "Indikator Kinerja", "Penanggung Jawab", 2022, 2023],
        ["1", None, "Tujuan", "Meningkatnya kinerja kecamatan", "Indeks Kepuasan Masyarakat", "Camat", 75, 3.5],
        [None, None, None, None, "Nilai SAKIP", None, 0.7, 0.75],
        ["1.1", "1", "Sasaran Strategis", "Meningkatnya layanan", "Persentase layanan", "Camat", 80, 85],
    ]
    path = make_xlsx(
        tmp_path / "pohon.xlsx", rows, merges=["A2:A3", "B2:B3", "C2:C3", "D2:D3", "F2:F3"], percent_cells=["G3", "H3"]
    )
    cascade = load(path)
    top, child = cascade.nodes
    assert [i.name for i in top.indicators] == ["Indeks Kepuasan Masyarakat", "Nilai SAKIP"]
    assert top.indicators[0].targets[2023].text == "3.5"
    assert top.indicators[1].targets[2022].text == "70%"  # a percent-formatted cell reads as Excel shows it
    assert child.parents == ["1"]
    assert top.location.cell() == "Pohon!D2"
    assert str(child.location).endswith("pohon.xlsx:Pohon!D4")
    assert top.indicators[1].location.cell() == "Pohon!E3"


def test_xlsx_sheet_option(tmp_path):
    path = make_xlsx(tmp_path / "two.xlsx", [["x"]], sheet="Cover")
    book = openpyxl.load_workbook(path)
    ws = book.create_sheet("Pohon Kinerja")
    ws.append(["Tingkat", "Kinerja", "Indikator"])
    ws.append(["Tujuan", "Meningkatnya A", "Indeks A"])
    book.save(path)
    with pytest.raises(InputError, match="no header row"):
        load(path)
    assert load(path, sheet="Pohon Kinerja").nodes[0].statement == "Meningkatnya A"
    with pytest.raises(InputError, match="no sheet named 'Nope'; sheets: Cover, Lain, Pohon Kinerja"):
        load(path, sheet="Nope")


def test_xlsx_bad_level_names_the_cell(tmp_path):
    path = make_xlsx(
        tmp_path / "lvl.xlsx", [["Kode", "Tingkat", "Kinerja"], ["1", "Tujuan", "A"], ["2", "Sasaran Besar", "B"]]
    )
    with pytest.raises(InputError) as err:
        load(path)
    (problem,) = err.value.problems
    assert "lvl.xlsx:Pohon!B3" in problem and "'Sasaran Besar'" in problem and "Ultimate Outcome" in problem


def test_a_field_given_by_a_later_row_of_the_goal_is_reported_at_that_cell(tmp_path):
    # row 3 continues the goal of row 2 (blank Kode) and gives its level; each problem names the cell holding the value
    rows = [
        ["Kode", "Tingkat", "Kinerja", "Indikator", "Polaritas"],
        ["1", None, "Meningkatnya A", "Indeks A", "naik"],
        [None, "Sasaran Besar", None, "Indeks B", "ke samping"],
    ]
    path = make_xlsx(tmp_path / "later.xlsx", rows)
    with pytest.raises(InputError) as err:
        load(path)
    problems = err.value.problems
    assert any("later.xlsx:Pohon!B3: level: unknown level 'Sasaran Besar'" in p for p in problems), problems
    assert any("later.xlsx:Pohon!E3: polarity: unknown polarity 'ke samping'" in p for p in problems), problems


def test_a_row_with_targets_but_no_indicator_name_names_the_first_target_cell(tmp_path):
    # a goal row whose indicator cell is blank but whose target cells are filled: no indicator to hold them
    csv_path = write_csv(tmp_path, "Kode;Kinerja;Indikator;Target 2024;Target 2025\n1;Meningkatnya A;;;80\n")
    with pytest.raises(InputError) as err:
        load(csv_path)
    assert err.value.problems == [f"{csv_path}:row 2: indicator: this row gives target but no indicator name"]
    rows = [["Kode", "Kinerja", "Indikator", "Target 2024", "Target 2025"], ["1", "Meningkatnya A", None, None, "80"]]
    xlsx_path = make_xlsx(tmp_path / "targets.xlsx", rows)
    with pytest.raises(InputError) as err:
        load(xlsx_path)
    assert err.value.problems == [f"{xlsx_path}:Pohon!E2: indicator: this row gives target but no indicator name"]


EVERY_COLUMN = (
    "Organisasi;Kecamatan Uji\nPeriode;2023-2024\n"
    "Kode;Kode Induk;Tingkat;Kinerja;Penanggung Jawab;Lintas Sektor;Abaikan;Indikator Kinerja;Formulasi;Satuan;"
    "Tipe Perhitungan;Polaritas;Sumber Data;Catatan Indikator;Target 2023;Target 2024;Keterangan;Kolom Lain\n"
    '1;;Tujuan;Meningkatnya A;Camat;"BKPSDM; Satpol PP";single-child: satu cabang;Indeks A;x / y;indeks;'
    "Non Kumulatif;naik;Survei;catatan;80;82,5;ket;lain\n"
    '1.1;"1; 9";Sasaran Strategis;Meningkatnya B;Sekcam;;;Persentase B;;%;;;;;90 %;Tersedia;;\n'
    "1.1;;;;;;;Jumlah C;;dokumen;;;;;1.500;-;;\n"
    "2;;;;;;;Indeks D;;;;;;;;;;\n"
)


def test_a_table_reader_builds_every_node_in_the_schema_shape(tmp_path):
    # tables skip the node schema (raw.shaped) except for `ignore`: that is safe only while this holds
    import jsonschema

    from kinerja_graph.loaders import read_raw
    from kinerja_graph.loaders.document import _schemas

    node_schema = jsonschema.Draft7Validator(_schemas()[1])
    paths = [write_csv(tmp_path, EVERY_COLUMN), str(SAMPLES / "batumandi.csv"), str(SAMPLES / "praya.xlsx")]
    for path in paths:
        raw = read_raw(path)
        assert raw.shaped and raw.data["nodes"]
        for entry in raw.data["nodes"]:
            assert not list(node_schema.iter_errors(entry)), (path, entry)


def test_a_bad_rule_id_in_a_table_is_still_found_by_the_schema(tmp_path):
    path = write_csv(
        tmp_path, "Kode;Tingkat;Kinerja;Indikator;Abaikan\n1;Tujuan;Meningkatnya A;Indeks A;Single Child\n"
    )
    with pytest.raises(InputError) as err:
        load(path)
    (problem,) = err.value.problems
    assert problem.startswith(f"{path}:row 2: nodes[0].ignore[0].rule: 'Single Child' does not match")
