"""A plain table's nodes made straight from its cells (loaders.load) are the nodes the usual reading makes.

`loaders.load` reads a CSV or XLSX table with `direct=True`: the table reader makes the nodes itself
(table._TableReader.read_direct) instead of node mappings for the document builder. Every table here is
loaded both ways and must give an equal Cascade — or, when it is bad input, the very same messages.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kinerja_graph import loaders
from kinerja_graph.errors import InputError
from kinerja_graph.loaders import document

ROOT = Path(__file__).resolve().parent.parent
TABLES = sorted(
    str(p.relative_to(ROOT))
    for folder in ("samples", "tests/data", "tests/reproducers", "tests/hostile", "tests/inputs")
    for p in (ROOT / folder).rglob("*")
    if p.suffix in (".csv", ".xlsx")
)


def _both(path: str):
    """(direct, usual): a Cascade each, or the messages of the InputError each raised."""
    results = []
    for direct in (True, False):
        try:
            raw = loaders.read_raw(path, direct=direct)
            results.append((document.build(raw), raw.built is not None))
        except InputError as exc:
            results.append((exc.problems, False))
    (direct_result, was_direct), (usual_result, _) = results
    return direct_result, usual_result, was_direct


@pytest.mark.parametrize("path", TABLES)
def test_every_table_in_the_repository_reads_the_same_both_ways(path):
    direct, usual, _ = _both(str(ROOT / path))
    assert direct == usual


HEADER = (
    "id|parent|level|statement|owner|crosscutting|indicator|formula|unit|calculation|polarity|target_2025|target_2026"
)
PLAIN_ROWS = [
    "1||Tujuan|Meningkatnya tata kelola|Camat||Indeks RB|Nilai RB|indeks|non-kumulatif||65|67",
    "1||Tujuan|Meningkatnya tata kelola|Camat||Nilai SAKIP|Nilai AKIP|nilai|non-kumulatif|higher|70|",
    "1.1|1|Sasaran|Meningkatnya pelayanan|Sekcam|BKPSDM; ORG#3|IKM|Survei|indeks|kumulatif||80|82",
    "1.1||||||Waktu layanan|Rata-rata waktu|hari|non-kumulatif|lower|3|2",  # a later row leaving cells blank
    "||||||Jumlah aduan||aduan||||5",  # a blank id continues the goal above
    "",
    "1.1.1|1.1|Program|Terlaksananya layanan|Kasi||Persentase layanan tepat waktu||%|||90%|95 %",
    "1.1.2|1.1; 1.1.1 |Kegiatan|Terselenggaranya rapat|Kasi||Jumlah rapat||kali|||12|12",
    "9||||||Indikator tanpa sasaran||||||",
]


def _table(tmp_path: Path, rows: list[str], header: str = HEADER) -> str:
    """A CSV file of rows given as cells separated by "|" (written by the csv module, delimited by ";")."""
    path = tmp_path / "t.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(line.split("|") if line else [] for line in [header, *rows])
    return str(path)


def test_a_plain_table_is_read_directly_and_gives_the_usual_cascade(tmp_path):
    direct, usual, was_direct = _both(_table(tmp_path, PLAIN_ROWS[:7]))
    assert was_direct
    assert direct == usual
    assert [n.id for n in direct.nodes] == ["1", "1.1", "1.1.1"]
    assert [i.name for i in direct.nodes[1].indicators] == ["IKM", "Waktu layanan", "Jumlah aduan"]
    assert [str(c) for c in direct.nodes[1].crosscutting] == ["BKPSDM", "ORG#3"]


@pytest.mark.parametrize(
    "change",
    [
        # each a row added to, or put in place of one of, the plain rows: read directly or the usual way,
        # the same cascade or the same messages
        ("add", "1.1|1|Sasaran|Meningkatnya pelayanan LAIN|Sekcam||X||||||"),  # conflicts with its first row
        ("add", "1.1||||Kabid||Y||||||"),  # fills nothing, but differs: owner conflicts
        ("add", "1.1.3|1.1|Sasaran tak dikenal|Sesuatu|||Z||||||"),  # an unknown level
        ("add", "1.1.4|1.1|Kegiatan|Sesuatu|||Z|||semaunya|||"),  # an unknown calculation type
        ("add", "1.1.5|1.1|Kegiatan|Sesuatu|||Z||||naik turun||"),  # an unknown polarity
        ("add", "1.1.6|1.1||Tanpa level|||Z||||||"),  # a goal without a level
        ("add", "1.1.7|1.1|Kegiatan|Sesuatu||||rumus tanpa nama|||||"),  # details without an indicator name
        ("add", "1.1.8|1.1|Kegiatan||||||||||"),  # neither a statement nor an indicator
        ("add", '1.1.9|1.1; "a" ; "b"|Kegiatan|Sesuatu|||Z||||||'),  # a quoted list of parents
        ("add", "1.2|1|Sasaran|'=1+1|Camat||'-x|_x0041_rumus||||'+5|\"\""),  # cells a spreadsheet wrote encoded
        ("add", "1.2_a|1|Sasaran|Sesuatu|Camat||Z|_x0041_rumus|||||"),  # an "_" before the escape
        ("add", "1.2_b|1|Sasaran|Sesuatu|Camat||Z_x|rumus_x0041_|||||"),  # "_x" twice, the escape last
        ("add", "1.2_c|1|Sasaran|Sesuatu_|Camat||Z|rumus|||||"),  # an "_" and no escape
        ("add", '1.3|1|Sasaran|Sesuatu|""||Z||||||'),  # a cell that decodes to the empty text
        ("add", "1.4|1|Sasaran|Sesuatu|||Z|||||||EXTRA"),  # a cell past the header
        ("add", "1.5|1|Sasaran"),  # a short row
        ("add", "1.6|1|Sasaran|Sesuatu|||Z|||||2025|"),  # a target that is a year as text
        ("add", "|||Pernyataan baru tanpa kode|||Z||||||"),  # a new goal with a blank id
        ("first", "||||||Indikator sebelum sasaran||||||"),  # an indicator before any goal
        ("add", "1.1|1|Sasaran|Meningkatnya pelayanan|Sekcam|BKPSDM; ORG#3|IKM 2|||||"),  # the same links again
        ("add", "1.1|1|Sasaran|Meningkatnya pelayanan|Sekcam|BKPSDM;  ORG#3 |IKM 2|||||"),  # said differently
    ],
)
def test_a_table_that_is_not_plain_reads_as_the_usual_reading_does(tmp_path, change):
    how, row = change
    rows = [row, *PLAIN_ROWS] if how == "first" else [*PLAIN_ROWS, row]
    direct, usual, _ = _both(_table(tmp_path, rows))
    assert direct == usual


def test_notes_and_document_columns_read_directly_as_usual(tmp_path):
    header = HEADER + "|Keterangan|Catatan lain|organisation|period"
    rows = [
        "1||Tujuan|Meningkatnya tata kelola|Camat||Indeks RB|||||65|67|satu||Kec. Praya|2025-2029",
        "1||Tujuan|Meningkatnya tata kelola|Camat||Nilai SAKIP|||||70||dua|lain|Kec. Praya|2025-2029",
        "|||||||||||||tiga||Kec. Praya|2025-2029",  # a row giving only a note continues the goal
        "1.1|1|Sasaran|Meningkatnya pelayanan|Sekcam||IKM|||||80|82|||Kec. Praya|2025-2029",
    ]
    direct, usual, was_direct = _both(_table(tmp_path, rows, header))
    assert was_direct
    assert direct == usual
    assert direct.nodes[0].notes == {"Keterangan": "satu\ndua\ntiga", "Catatan lain": "lain"}
    assert direct.organisation.name == "Kec. Praya"
    disagreeing = [*rows, "1.2|1|Sasaran|Lain|||X|||||||||Kec. Jonggat|2025-2029"]
    direct, usual, _ = _both(_table(tmp_path, disagreeing, header))
    assert isinstance(direct, list) and direct == usual


def test_a_row_before_any_goal_with_a_blank_id_is_named(tmp_path):
    """(It used to end the reading with an internal error.)"""
    path = _table(tmp_path, ["||||||Indikator sebelum sasaran||||||", *PLAIN_ROWS])
    with pytest.raises(InputError) as caught:
        loaders.load(path)
    assert caught.value.problems == [
        f"{path}:row 2: id: this row has no id and no goal above it to continue (column id); give it one"
    ]
