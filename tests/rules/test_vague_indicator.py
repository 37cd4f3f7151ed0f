"""vague-indicator: indicator names that state no measure, count the uncountable, hold a target or join two."""

import pytest
from helpers import SAMPLES, as_data, assert_documented_in_indonesian, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "vague-indicator"


def doc(*names: str) -> str:
    items = "".join(f'      - {{name: "{name}"}}\n' for name in names)
    return (
        "organisation: {name: Kecamatan Uji}\nnodes:\n"
        f"  - id: '1'\n    statement: Tersedianya sarana kantor\n    level: output\n    indicators:\n{items}"
    )


def found(*names: str, **options) -> list[tuple]:
    return [(f.args["indicator"], f.key) for f in run_rule(RULE, doc(*names), options)]


def test_a_name_that_states_no_measure_and_one_that_does():
    assert found("Pasar murah") == [("Pasar murah", "no-measure")]
    assert found("Jumlah paket sembako yang tersalurkan dalam pasar murah") == []


@pytest.mark.parametrize(
    ("name", "key", "word"),
    [  # the seed texts
        ("Pasar murah", "no-measure", None),  # Pino Raya S18
        ("HUT RI", "no-measure", None),  # Pino Raya S22
        ("Survey Kepuasan Masyarakat (SKM) KecamatanPujon.", "method", "Survey"),  # Pujon 1
        ("Adanya peralatan dan perlengkapan di kantor", "existence", "adanya"),  # Pino Raya S8
        ("Tidak adanya tunggakan dalam jasa penunjang urusan pemerintah daerah", "existence", "tidak adanya"),
        ("Penerangan bangunan kantor yang baik", "judgement", "baik"),  # Pino Raya S7
        ("Tertib administrasi keuangan", "judgement", "tertib"),  # Sokaraja 1.1.1.2
        ("terwujudnya efektifitas kegiatan pemberdayaan masyarakat", "goal", "terwujudnya"),  # Pino Raya 3.2
        ("Meningkatnya kualitas pelayanan publik", "goal", "Meningkatnya"),
        ("Terpeliharanya kendaraan kantor yang baik", "goal", "Terpeliharanya"),  # Pino Raya S16
    ],
)
def test_what_a_name_without_a_measure_states_instead(name, key, word):
    (finding,) = run_rule(RULE, doc(name))
    assert finding.key == key
    assert finding.args.get("word") == word


def test_a_count_of_what_cannot_be_counted():
    """Batumandi 1.1.3.1 and Pujon 1.7."""
    result = run_rule(
        RULE, doc("Jumlah Waktu Koordinasi Penerapan dan Penegakan Peraturan Daerah", "Jumlah rapat koordinasi")
    )
    assert as_data(result) == [
        (
            "1",
            "uncountable",
            {"indicator": "Jumlah Waktu Koordinasi Penerapan dan Penegakan Peraturan Daerah", "noun": "waktu"},
        )
    ]
    assert render(result[0], "id") == (
        'Indikator "Jumlah Waktu Koordinasi Penerapan dan Penegakan Peraturan Daerah" menghitung "waktu", yang tidak '
        'dapat dihitung; tuliskan apa yang dihitung ("Jumlah rapat …") atau ukuran lain ("Rata-rata waktu …", '
        '"Persentase …")'
    )
    assert found("Jumlah kelancaran pelayanan kependudukan (KK, KTP, dan Mutasi)") == [
        ("Jumlah kelancaran pelayanan kependudukan (KK, KTP, dan Mutasi)", "uncountable")
    ]


def test_a_target_in_the_name_and_two_measures_joined():
    """Pino Raya 1.2 holds two targets and joins two measures; a name built from Pujon's formula joins two counts."""
    result = run_rule(RULE, doc("TGR 0 dan Penyelesaian Temuan Administrasi 100 %"))
    assert as_data(result) == [
        ("1", "target", {"indicator": "TGR 0 dan Penyelesaian Temuan Administrasi 100 %", "targets": ["0", "100 %"]}),
        (
            "1",
            "compound",
            {
                "indicator": "TGR 0 dan Penyelesaian Temuan Administrasi 100 %",
                "count": 2,
                "parts": ["TGR 0", "Penyelesaian Temuan Administrasi 100 %"],
            },
        ),
    ]
    assert render(result[0], "en") == (
        'The name of indicator "TGR 0 dan Penyelesaian Temuan Administrasi 100 %" holds a target ("0", "100 %"); '
        "targets belong in the targets, not in the indicator's name"
    )
    joined = run_rule(RULE, doc("Jumlah laporan keuangan yang disusun serta Jumlah Dokumen Pengajuan SPP dan SPM"))
    assert [(f.key, f.args["parts"]) for f in joined] == [
        ("compound", ["Jumlah laporan keuangan yang disusun", "Jumlah Dokumen Pengajuan SPP"])
    ]
    assert found("Persentase capaian kinerja sebesar 90") == [("Persentase capaian kinerja sebesar 90", "target")]


@pytest.mark.parametrize(
    "name",
    [
        "Indeks Kepuasan Masyarakat (IKM)",
        "IKM",  # an abbreviation read spelled out
        "Rata-rata waktu penyelesaian layanan",
        "Persentase desa dan kelurahan yang berstatus mandiri",  # "dan" joins two nouns, not two measures
        "Jumlah laporan keuangan semesteran dan tahunan yang disusun",
        "Jumlah Kehadiran PNS dalam 1 (Satu) Tahun",  # a period, not a target
        "Jumlahmengemudi untuk kelancaran kegiatan pemerintahan",  # a head glued to the next word
        "Realisasi PADes",
        "Nilai SAKIP PD",
        "Persentase ASN dengan predikat kinerja baik",  # a judgement inside a measure
        "1. Persentase layanan sesuai SOP",  # numbering
        "-",
    ],
)
def test_measures_pass(name):
    assert run_rule(RULE, doc(name)) == []


def test_options():
    assert found("Pasar murah", **{"no-measure": False}) == []
    assert found("Jumlah waktu koordinasi", uncountable=False) == []
    tgr = "TGR 0 dan Penyelesaian Temuan Administrasi 100 %"
    assert found(tgr, **{"target-in-name": False}) == [(tgr, "compound")]
    assert found(tgr, compound=False) == [(tgr, "target")]


def test_samples():
    def nodes(name):
        return [(f.node, f.key) for f in run_rule(RULE, build_graph(load(str(SAMPLES / name))))]

    pino = nodes("pino-raya.yaml")
    assert {node for node, _ in pino} == {
        "1.2", "1.4", "1.5", "3.2", "5.3", "S1", "S2", "S3", "S7", "S8", "S11", "S13", "S15", "S16", "S17", "S18",
        "S22", "S26", "S28",
    }  # fmt: skip
    assert ("1.2", "target") in pino and ("1.2", "compound") in pino and ("S17", "method") in pino
    assert nodes("sokaraja.yaml") == [
        ("1.1.1.2", "judgement"),
        ("1.1.1.3.5", "no-measure"),
        ("1.1.1.4.1", "no-measure"),
        ("1.1.1.6.3", "no-measure"),
    ]
    assert nodes("pujon.yaml") == [("1", "method"), ("1.7", "uncountable")]
    assert nodes("batumandi.yaml") == [(n, "uncountable") for n in ("1.1.1.1", "1.1.1.2", "1.1.2.2", "1.1.3.1")]
    assert nodes("praya.yaml") == nodes("clean.yaml") == []


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        ("1", "no-measure", {"indicator": "Pasar murah"}),
        ("1", "target", {"indicator": "TGR 0 dan Penyelesaian Temuan Administrasi 100 %", "targets": ["0", "100 %"]}),
        (
            "1",
            "compound",
            {
                "indicator": "TGR 0 dan Penyelesaian Temuan Administrasi 100 %",
                "count": 2,
                "parts": ["TGR 0", "Penyelesaian Temuan Administrasi 100 %"],
            },
        ),
    ]


def test_documented_in_indonesian():
    assert_documented_in_indonesian(RULE)
