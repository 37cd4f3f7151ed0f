"""stray-source: a data source that is a fragment, a number, a unit, yes/no or a position."""

import pytest
from helpers import SAMPLES, as_data, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "stray-source"


def doc(*sources: str, owner: str = "Kasi Pemerintahan") -> str:
    items = "".join(f'      - {{name: Indikator {i}, source: "{s}"}}\n' for i, s in enumerate(sources))
    return (
        "organisation: {name: Kecamatan Uji}\nnodes:\n"
        f"  - id: '1'\n    statement: Tersedianya data desa\n    level: output\n    owner: {owner}\n"
        f"    indicators:\n{items}"
    )


def test_stray_fragments_and_other_columns_values():
    found = run_rule(RULE, doc("sd", "2022", "85 %", "Kumulatif", "Orang", "Ada", "Kasi Pemerintahan"))
    assert [render(f, "id") for f in found] == [
        'Sumber data indikator "Indikator 0" hanya berisi "sd", terlalu pendek untuk menyebut sumber data',
        'Sumber data indikator "Indikator 1" berisi "2022", yaitu angka, bukan sumber data; dokumen, aplikasi, '
        "survei atau unit penyedia datanya perlu disebutkan",
        'Sumber data indikator "Indikator 2" berisi "85 %", yaitu angka, bukan sumber data; dokumen, aplikasi, '
        "survei atau unit penyedia datanya perlu disebutkan",
        'Sumber data indikator "Indikator 3" berisi "Kumulatif", yaitu satuan atau isian kolom lain, bukan sumber '
        "data; dokumen, aplikasi, survei atau unit penyedia datanya perlu disebutkan",
        'Sumber data indikator "Indikator 4" berisi "Orang", yaitu satuan atau isian kolom lain, bukan sumber data; '
        "dokumen, aplikasi, survei atau unit penyedia datanya perlu disebutkan",
        'Sumber data indikator "Indikator 5" berisi "Ada", yaitu satuan atau isian kolom lain, bukan sumber data; '
        "dokumen, aplikasi, survei atau unit penyedia datanya perlu disebutkan",
        'Sumber data indikator "Indikator 6" berisi "Kasi Pemerintahan", yaitu jabatan, bukan sumber data; '
        "dokumen, aplikasi, survei atau unit penyedia datanya perlu disebutkan",
    ]


@pytest.mark.parametrize(
    "source",
    [
        "BPS",
        "Laporan survei kepuasan masyarakat",
        "Kecamatan",
        "Desa",
        "Masyarakat",
        "Laporan",
        "SPJ Kecamatan",
        "Perbup Nomor 75 Tahun 2018",
        "Aplikasi SIPD",
    ],
)
def test_real_even_if_vague_sources_pass(source):
    assert run_rule(RULE, doc(source)) == []


def test_a_single_letter_or_a_placeholder_is_missing_sources_business():
    assert run_rule(RULE, doc("s", "-", "")) == []
    assert len(run_rule("missing-source", doc("s"))) == 1


def test_options():
    assert run_rule(RULE, doc("sd"), {"known-short": ["sd"]}) == []
    assert run_rule(RULE, doc("Kasi Pemerintahan"), {"positions": False}) == []
    assert len(run_rule(RULE, doc("Dinas"), {"min-length": 6})) == 1


def test_a_position_of_the_owners_vocabulary_is_caught_whoever_owns_what():
    """No goal of the cascade is owned by a Kasi Ekbang or a Pengadministrasi Keuangan: the owners vocabulary
    knows them. A bracket after the position (the Pujon heading) does not hide it."""
    found = run_rule(
        RULE,
        doc(
            "Kasi Ekbang",
            "Kasi Pemerintahan Desa Kecamatan Sokaraja",
            "Pengadministrasi Keuangan (Umum, Kepegawaian, Keuangan dan Aset)",
            "Bendahara Pengeluaran",
            "Camat",
            owner="Sekretaris Kecamatan",
        ),
    )
    assert [(f.key, f.args["source"]) for f in found] == [
        ("position", "Kasi Ekbang"),
        ("position", "Kasi Pemerintahan Desa Kecamatan Sokara…"),
        ("position", "Pengadministrasi Keuangan (Umum, Kepega…"),
        ("position", "Bendahara Pengeluaran"),
        ("position", "Camat"),
    ]
    assert render(found[0], "en") == (
        'The data source of indicator "Indikator 0" is "Kasi Ekbang": that is a position, not a source; name the '
        "document, application, survey or unit providing the data"
    )


@pytest.mark.parametrize(
    "source",
    [
        "Data Kasi Permas",  # the data a position keeps
        "Laporan Kasubag Umum",
        "Seksi Pemerintahan",  # an organisational unit provides data
        "Sub Bagian Umum, Kepegawaian, Keuangan dan Aset",
        "Subag. Umum, Kepegawaian, Keuangan, dan Aset",
        "Sekretariat Kecamatan",
        "Pemerintah Desa Ngroto",  # a body outside the organisation
        "Operator aplikasi SIAK",
        "Pengadministrasian Pelayanan Publik",
        "Kepala Desa",  # outside the organisation: not judged here
    ],
)
def test_units_records_and_outside_bodies_are_not_positions(source):
    assert run_rule(RULE, doc(source)) == []


def test_samples():
    def nodes(name):
        return [(f.node, f.args["source"]) for f in run_rule(RULE, build_graph(load(str(SAMPLES / name))))]

    assert nodes("pujon.yaml") == [  # positions as sources
        ("1.1.3.1", "Pengadministrasi Keuangan"),
        ("1.1.3.1", "Pengadministrasi Keuangan"),
        ("1.1.4.1", "Pengadministrasi Kepegawaian"),
        ("2", "Caraka"),
    ]
    assert nodes("sokaraja.yaml") == [  # no goal of Sokaraja is owned by a Kasi
        ("1.1.3.1.1", "Kasi Ekbang"),
        ("1.1.3.1.3", "Kasi Permas"),
        ("1.1.5", "Kasi Pemerintahan Desa Kecamatan Sokara…"),
    ]
    for name in ("praya.yaml", "pino-raya.yaml", "batumandi.yaml", "clean.yaml"):
        assert run_rule(RULE, build_graph(load(str(SAMPLES / name)))) == [], name


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        ("1", "word", {"indicator": "Jumlah alat listrik yang tersedia", "source": "Kumulatif"}),
        ("1", "short", {"indicator": "Jumlah lampu yang diganti", "source": "sd"}),
    ]
