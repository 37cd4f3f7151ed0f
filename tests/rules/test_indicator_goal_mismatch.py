"""indicator-goal-mismatch: indicators that measure something else than their goal."""

import pytest
from helpers import SAMPLES, as_data, assert_documented_in_indonesian, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "indicator-goal-mismatch"


def doc(statement: str, *names: str, level: str = "process") -> str:
    items = "".join(f'      - {{name: "{name}"}}\n' for name in names)
    return (
        "organisation: {name: Kecamatan Uji}\nnodes:\n"
        f"  - id: '1'\n    statement: {statement}\n    level: {level}\n    indicators:\n{items}"
    )


def test_a_goal_that_names_its_own_measure_measured_by_another():
    """Batumandi's tujuan."""
    result = run_rule(
        RULE,
        doc("Meningkatnya Indeks Reformasi Birokrasi", "Indeks Kepuasan Masyarakat (IKM)", level="ultimate outcome"),
    )
    assert as_data(result) == [
        (
            "1",
            "named-measure",
            {
                "label": "Meningkatnya Indeks Reformasi Birokrasi",
                "indicator": "Indeks Kepuasan Masyarakat (IKM)",
                "measure": "indeks reformasi birokrasi",
                "other": "indeks kepuasan masyarakat",
            },
        )
    ]
    assert render(result[0], "id") == (
        'Kinerja "Meningkatnya Indeks Reformasi Birokrasi" menyebut ukurannya sendiri ("indeks reformasi birokrasi"), '
        'tetapi diukur dengan indikator "Indeks Kepuasan Masyarakat (IKM)" ("indeks kepuasan masyarakat"), ukuran '
        "yang lain"
    )
    assert run_rule(RULE, doc("Meningkatnya Indeks Reformasi Birokrasi", "Nilai RB Kecamatan")) == []
    assert run_rule(RULE, doc("Meningkatnya kepuasan masyarakat", "IKM")) == []  # the same measure
    assert run_rule(RULE, doc("Meningkatnya Indeks Reformasi Birokrasi", "Persentase ASN berkinerja baik")) == []


def test_an_indicator_about_other_things_than_its_goal_delivers():
    """Sokaraja's vehicle indicator printed under the Barang Cetak sub kegiatan."""
    result = run_rule(
        RULE,
        doc(
            "Tersedianya Barang Cetak dan Penggandaan",
            "Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan Kendaraan Dinas Operasional atau Lapangan "
            "yang tersedia",
        ),
    )
    assert [(f.key, f.args["goal_subjects"], f.args["indicator_subjects"]) for f in result] == [
        ("subject", ["barang cetak"], ["kendaraan"])
    ]
    assert render(result[0], "en") == (
        'Goal "Tersedianya Barang Cetak dan Penggandaan" is about "barang cetak", but its indicator "Jasa '
        'Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan Kendaraan…" is about "kendaraan"; the indicator seems '
        "to belong to another goal"
    )


@pytest.mark.parametrize(
    ("statement", "name"),
    [  # fitting pairs of the samples
        ("Tersedianya kebutuhan instalasi listrik", "Penerangan bangunan kantor yang baik"),
        ("Terlaksananya Pemeliharaan / Rehabilitasi Gedung Kantor", "Gedung kantor dan rumah dinas yang dipelihara"),
        ("Tersedianya Jasa Komunikasi, Sumber Daya Air Dan Listrik", "Jumlah rekening yang dibayarkan"),
        ("Tertib Administrasi Asset", "Jumlah Pemeliharaan kendaraan dinas"),
        ("Tersedianya Gaji dan Tunjangan ASN", "Jumlah ASN yang terbayarkan gaji dan tunjangannya"),
        ("Monitoring Penarikan Pajak Bumi dan Bangunan (PBB)", "Jumlah Laporan Pemasukan Pajak Bumi dan Bangunan"),
        ("Tersedianya Barang Cetak dan Penggandaan", "Jumlah barang milik daerah yang tersedia"),  # broad: not judged
    ],
)
def test_fitting_or_unjudged_pairs_pass(statement, name):
    assert run_rule(RULE, doc(statement, name)) == []


def test_an_organisations_outcome_measured_by_one_persons_appraisal():
    """Praya's ultimate outcome."""
    text = doc("Meningkatnya kinerja kecamatan", "Nilai Kinerja Camat", level="ultimate outcome")
    result = run_rule(RULE, text)
    assert as_data(result) == [
        (
            "1",
            "appraisal",
            {
                "label": "Meningkatnya kinerja kecamatan",
                "level": "ultimate_outcome",
                "indicator": "Nilai Kinerja Camat",
                "position": "nilai kinerja camat",
            },
        )
    ]
    assert render(result[0], "en") == (
        'Indicator "Nilai Kinerja Camat" measures one person\'s appraisal ("nilai kinerja camat"), not the '
        'organisation\'s result that goal "Meningkatnya kinerja kecamatan" (Ultimate outcome) states'
    )
    assert run_rule(RULE, text.replace("ultimate outcome", "output")) == []  # not at an outcome level
    assert run_rule(RULE, text, {"appraisal-levels": []}) == []
    for name in (
        "Nilai evaluasi kinerja penyelenggaraan pemerintahan kecamatan",
        "Persentase ASN dengan predikat kinerja baik",
    ):
        assert run_rule(RULE, doc("Meningkatnya kinerja kecamatan", name, level="ultimate outcome")) == []
    assert [
        f.key for f in run_rule(RULE, doc("Meningkatnya kinerja ASN", "Rata-rata nilai SKP", level="immediate outcome"))
    ] == ["appraisal"]


def test_options():
    assert run_rule(RULE, doc("Meningkatnya Indeks Reformasi Birokrasi", "IKM"), {"named-measures": False}) == []
    assert run_rule(RULE, doc("Tersedianya Barang Cetak", "Jumlah kendaraan dinas"), {"subjects": False}) == []


def test_samples():
    def nodes(name):
        return [(f.node, f.key) for f in run_rule(RULE, build_graph(load(str(SAMPLES / name))))]

    assert nodes("batumandi.yaml") == [("1", "named-measure")]
    assert nodes("sokaraja.yaml") == [
        ("1.1.1.3.5", "subject"),  # Barang Cetak carries the vehicle indicator
        ("1.1.1.6.1", "subject"),  # the vehicle sub kegiatan carries the household-equipment indicator
        ("1.1.1.6.3", "subject"),  # the building sub kegiatan carries the print indicators
        ("1.1.1.6.3", "subject"),
    ]
    assert nodes("praya.yaml") == [("1", "appraisal")]
    for name in ("pino-raya.yaml", "pujon.yaml", "clean.yaml"):
        assert nodes(name) == [], name


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert [(node, key) for node, key, _ in as_data(run_rule(RULE, documented(RULE)))] == [
        ("1", "named-measure"),
        ("1.1", "subject"),
    ]


def test_documented_in_indonesian():
    assert_documented_in_indonesian(RULE)
