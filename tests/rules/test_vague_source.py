"""vague-source: data sources that name no document, application or unit."""

import pytest
from helpers import SAMPLES, as_data, assert_documented_in_indonesian, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "vague-source"


def doc(*sources: str) -> str:
    items = "".join(f'      - {{name: Indikator {i}, source: "{s}"}}\n' for i, s in enumerate(sources))
    return (
        "organisation: {name: Kecamatan Pino Raya}\nnodes:\n"
        f"  - id: '1'\n    statement: Tersedianya data desa\n    level: output\n    indicators:\n{items}"
    )


def test_a_place_as_source_and_a_document_as_source():
    result = run_rule(RULE, doc("Kecamatan", "Laporan realisasi PBB Kecamatan"))
    assert as_data(result) == [("1", "vague", {"indicator": "Indikator 0", "source": "Kecamatan"})]
    assert render(result[0], "id") == (
        'Sumber data indikator "Indikator 0" adalah "Kecamatan": hanya menyebut tempat, lembaga atau orang secara '
        "umum, belum menyebut dokumen, aplikasi atau unit penyedia data; sebutkan dokumennya (misalnya "
        '"Laporan realisasi …", "Aplikasi …") dan unit yang menyediakannya'
    )


@pytest.mark.parametrize(
    ("source", "key"),
    [
        ("Kecamatan", "vague"),  # the Pino Raya sources
        ("Desa", "vague"),
        ("Masyarakat", "vague"),
        ("Desa dan Kelurahan", "vague"),
        ("Seluruh desa se Kecamatan", "vague"),  # Pujon
        ("Pemerintah Desa Se-Kecamatan", "vague"),
        ("Kecamatan Pino Raya", "vague"),  # the organisation itself
        ("Data Desa", "vague"),
        ("Laporan", "record"),
        ("Data", "record"),
    ],
)
def test_vague_sources(source, key):
    assert [f.key for f in run_rule(RULE, doc(source))] == [key]


@pytest.mark.parametrize(
    "source",
    [
        "Laporan hasil survey kepuasan masyarakat",
        "Aplikasi SIPD",
        "SPJ Kecamatan Sokaraja",
        "Seksi Pemerintahan",
        "Pemerintah Desa Ngroto",  # a named body
        "Dinas Sosial dan Seluruh Desa/Kelurahan",
        "Data Kasi Permas",
        "Perbup Nomor 75 Tahun 2018",
        "BPS",
        "s",  # missing-source's
        "-",
        "",
    ],
)
def test_sources_that_name_something_pass(source):
    assert run_rule(RULE, doc(source)) == []


def test_options():
    assert run_rule(RULE, doc("Laporan"), {"records": False}) == []
    assert len(run_rule(RULE, doc("Masyarakat"), {"records": False})) == 1


def test_samples():
    def nodes(name):
        return [f.node for f in run_rule(RULE, build_graph(load(str(SAMPLES / name))))]

    pino = build_graph(load(str(SAMPLES / "pino-raya.yaml")))
    assert (
        len(nodes("pino-raya.yaml"))
        == 52
        == sum(len(d["indicators"]) for _, d in pino.nodes(data=True) if d.get("indicators"))
    )
    assert nodes("pujon.yaml") == ["1.3", "1.4", "1.4", "1.4", "1.4.1", "1.5", "1.5", "1.7", "1.7"]
    for name in ("praya.yaml", "batumandi.yaml", "sokaraja.yaml", "clean.yaml"):
        assert nodes(name) == [], name


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        ("1", "vague", {"indicator": "Indeks Kepuasan Masyarakat", "source": "Masyarakat"}),
        ("1", "vague", {"indicator": "Persentase desa tertib administrasi", "source": "Desa dan Kelurahan"}),
    ]


def test_documented_in_indonesian():
    assert_documented_in_indonesian(RULE)
