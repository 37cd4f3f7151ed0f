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
        'Sumber data indikator "Indikator 6" berisi "Kasi Pemerintahan", yaitu jabatan dalam pohon kinerja ini, '
        "bukan sumber data; dokumen, aplikasi, survei atau unit penyedia datanya perlu disebutkan",
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


def test_samples():
    found = run_rule(RULE, build_graph(load(str(SAMPLES / "pujon.yaml"))))
    assert [f.node for f in found] == ["1.1.3.1", "1.1.3.1", "1.1.4.1", "2"]  # positions as sources
    for name in ("praya.yaml", "pino-raya.yaml", "batumandi.yaml", "sokaraja.yaml", "clean.yaml"):
        assert run_rule(RULE, build_graph(load(str(SAMPLES / name)))) == [], name


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        ("1", "word", {"indicator": "Jumlah alat listrik yang tersedia", "source": "Kumulatif"}),
        ("1", "short", {"indicator": "Jumlah lampu yang diganti", "source": "sd"}),
    ]
