"""calculation-type: calculation types that contradict their indicator, targets or the indicators below."""

import pytest
from helpers import SAMPLES, as_data, assert_documented_in_indonesian, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "calculation-type"


def doc(*indicators: str) -> str:
    items = "".join(f"      - {i}\n" for i in indicators)
    return (
        "organisation: {name: Kecamatan Uji}\nperiod: [2022, 2024]\nnodes:\n"
        f"  - id: '1'\n    statement: Meningkatnya kualitas pelayanan publik\n    level: immediate outcome\n"
        f"    indicators:\n{items}"
    )


def keys(*indicators: str) -> list[str]:
    return [f.key for f in run_rule(RULE, doc(*indicators))]


def test_a_percentage_declared_kumulatif_and_declared_non_kumulatif():
    result = run_rule(RULE, doc("{name: Presentase Realisasi PBB, calculation: kumulatif}"))  # Sokaraja 1.1.2.1.2
    assert as_data(result) == [
        ("1", "not-summable", {"indicator": "Presentase Realisasi PBB", "measure": "Persentase"})
    ]
    assert render(result[0], "id") == (
        'Indikator "Presentase Realisasi PBB" dinyatakan kumulatif, sedangkan ukurannya ("Persentase") tidak dapat '
        "dijumlahkan dari periode ke periode; gunakan non-kumulatif (posisi akhir periode)"
    )
    assert keys("{name: Presentase Realisasi PBB, calculation: non-kumulatif}") == []


@pytest.mark.parametrize(
    ("indicator", "expected"),
    [
        ("{name: Indeks Kepuasan Masyarakat, calculation: kumulatif}", ["not-summable"]),
        ('{name: Capaian kinerja pelayanan, unit: "%", calculation: kumulatif}', ["not-summable"]),  # by the unit
        ("{name: Jumlah dokumen yang disusun, calculation: kumulatif}", []),  # a count adds up
        ("{name: Nilai investasi, unit: Rp, calculation: kumulatif}", []),  # money adds up
        ("{name: Angka gangguan trantibum, calculation: kumulatif-negatif}", []),  # less is better indeed
        ("{name: Jumlah pengaduan yang ditindaklanjuti, calculation: kumulatif-negatif}", []),  # direction open
        ("{name: Persentase desa berstatus mandiri, polarity: lower}", ["lower"]),
        ("{name: Persentase desa berstatus mandiri, calculation: non-kumulatif}", []),
    ],
)
def test_what_is_judged(indicator, expected):
    assert keys(indicator) == expected


def test_kumulatif_negatif_on_an_indicator_where_more_is_better():
    """Sokaraja 1.1.2."""
    result = run_rule(
        RULE,
        doc(
            "{name: Persentase Pemohon Pelayanan di Kecamatan yang terlayani dengan baik, calculation: kumulatif-negatif}"
        ),
    )
    assert as_data(result) == [
        (
            "1",
            "negative",
            {"indicator": "Persentase Pemohon Pelayanan di Kecamatan yang terlayani dengan baik", "word": "terlayani"},
        )
    ]
    assert render(result[0], "en") == (
        'Indicator "Persentase Pemohon Pelayanan di Kecamatan yang terlayani dengan baik" is declared kumulatif '
        'negatif (less is better), but its name ("terlayani") says more is better'
    )


def test_cumulative_targets_that_fall():
    result = run_rule(
        RULE,
        doc(
            '{name: Jumlah anggota linmas terlatih, calculation: kumulatif, targets: {2022: "40", 2023: "30", 2024: "60"}}'
        ),
    )
    assert as_data(result) == [
        ("1", "falling", {"indicator": "Jumlah anggota linmas terlatih", "changes": [[[2022, "40"], [2023, "30"]]]})
    ]
    assert render(result[0], "en").startswith(
        'Indicator "Jumlah anggota linmas terlatih" is declared kumulatif, but its targets fall: 40 (2022) → 30 (2023)'
    )
    assert (
        keys('{name: Jumlah anggota linmas terlatih, calculation: kumulatif, targets: {2022: "40", 2023: "80"}}') == []
    )
    assert keys('{name: Jumlah rapat, calculation: non-kumulatif, targets: {2022: "40", 2023: "30"}}') == []


KEGIATAN = """
organisation: {name: Kecamatan Uji}
nodes:
  - id: "1"
    statement: Terlaksananya Administrasi Umum Perangkat Daerah
    level: output
    indicators:
      - {name: Jumlah sarana dan prasarana kantor yang tersedia, calculation: kumulatif}
  - id: "1.1"
    parent: "1"
    statement: Tersedianya Peralatan dan Perlengkapan Kantor
    level: process
    indicators:
      - {name: Jumlah peralatan dan perlengkapan kantor yang tersedia, calculation: non-kumulatif}
  - id: "1.2"
    parent: "1"
    statement: Tersedianya Bahan Logistik Kantor
    level: process
    indicators:
      - {name: Jumlah Bahan Logistik Kantor yang tersedia, calculation: %s}
"""


def test_a_kumulatif_kegiatan_over_non_kumulatif_sub_kegiatan():
    """Sokaraja's Program Penunjang kegiatan."""
    result = run_rule(RULE, KEGIATAN % "non-kumulatif")
    assert as_data(result) == [
        ("1", "children", {"indicator": "Jumlah sarana dan prasarana kantor yang tersedia", "children": ["1.1", "1.2"]})
    ]
    assert result[0].related == ("1.1", "1.2")
    assert render(result[0], "id") == (
        'Indikator "Jumlah sarana dan prasarana kantor yang tersedia" dinyatakan kumulatif, sedangkan indikator '
        "kinerja di bawahnya (1.1, 1.2) non-kumulatif; jumlah yang dihasilkan per periode di bawahnya tidak menjadi "
        "jumlah kumulatif di atasnya: samakan jenis perhitungannya"
    )
    assert run_rule(RULE, KEGIATAN % "kumulatif") == []  # one kumulatif count below: consistent enough


TWO_KEGIATAN = """
organisation: {name: Kecamatan Uji}
nodes:
  - id: "1"
    statement: Terlaksananya Administrasi Umum Perangkat Daerah
    level: output
    indicators:
      - {name: Jumlah sarana dan prasarana kantor yang tersedia, calculation: kumulatif}
      - {name: Jumlah dokumen administrasi yang tersusun, calculation: kumulatif}
  - id: "2"
    statement: Terlaksananya Pelayanan Administrasi Kecamatan
    level: output
    indicators:
      - {name: Jumlah layanan administrasi yang terselenggara, calculation: kumulatif}
  - id: "1.1"
    parent: ["1", "2"]
    statement: Tersedianya Peralatan dan Perlengkapan Kantor
    level: process
    indicators:
      - {name: Jumlah peralatan dan perlengkapan kantor yang tersedia, calculation: non-kumulatif}
  - id: "2.1"
    parent: "2"
    statement: Terselenggaranya Layanan Administrasi
    level: process
    indicators:
      - {name: Jumlah layanan administrasi yang diberikan, calculation: kumulatif}
  - id: "1.2"
    parent: "1"
    statement: Tersedianya Bahan Logistik Kantor
    level: process
    indicators:
      - {name: Persentase bahan logistik kantor yang tersedia, calculation: non-kumulatif}
      - {name: Jumlah Bahan Logistik Kantor yang tersedia, calculation: non-kumulatif}
"""


def test_each_goal_judged_by_its_own_children():
    """A goal below two: only the goal whose own children all measure non-kumulatif counts is reported, once per
    kumulatif indicator of it, naming those children in document order (a percentage below is no count)."""
    result = run_rule(RULE, TWO_KEGIATAN)
    children = [f for f in result if f.key == "children"]
    assert [(f.node, f.args["indicator"], f.related) for f in children] == [
        ("1", "Jumlah sarana dan prasarana kantor yang tersedia", ("1.1", "1.2")),
        ("1", "Jumlah dokumen administrasi yang tersusun", ("1.1", "1.2")),
    ]  # "2" has a kumulatif count below it ("2.1"): consistent enough


def test_a_finding_resting_on_an_inferred_parent_is_softened():
    inferred = (KEGIATAN % "non-kumulatif").replace('    parent: "1"\n', '    parent: "1"\n    inferred: [parent]\n')
    (finding,) = run_rule(RULE, inferred, vocabulary=None)
    assert finding.basis == "inferred"


def test_options():
    percentage = "{name: Indeks Kepuasan Masyarakat, calculation: kumulatif}"
    assert run_rule(RULE, doc(percentage), {"not-summable": False}) == []
    assert run_rule(RULE, KEGIATAN % "non-kumulatif", {"children": False}) == []


def test_samples():
    def nodes(name):
        return [(f.node, f.key) for f in run_rule(RULE, build_graph(load(str(SAMPLES / name))))]

    assert nodes("sokaraja.yaml") == [
        ("1.1.2", "negative"),
        ("1.1.2.1.2", "not-summable"),
        ("1.1.4", "not-summable"),
        ("1.1.5", "not-summable"),
        ("1.1.1.2", "children"),
        ("1.1.1.3", "children"),
        ("1.1.1.4", "children"),
        ("1.1.1.5", "children"),
        ("1.1.1.6", "children"),
        ("1.1.4.1", "children"),
    ]
    for name in ("pino-raya.yaml", "pujon.yaml", "batumandi.yaml", "praya.yaml", "clean.yaml"):
        assert nodes(name) == [], name


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        (
            "1",
            "not-summable",
            {"indicator": "Persentase pelaksanaan koordinasi ketentraman dan ketertiban umum", "measure": "Persentase"},
        ),
        (
            "1",
            "negative",
            {"indicator": "Persentase pemohon pelayanan yang terlayani dengan baik", "word": "terlayani"},
        ),
    ]


def test_documented_in_indonesian():
    assert_documented_in_indonesian(RULE)
