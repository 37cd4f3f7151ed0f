"""missing-source: an indicator without a data source, or with "s" or "-" for one."""

from helpers import SAMPLES, as_data, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "missing-source"


def doc(indicators: str) -> str:
    return (
        "organisation: {name: Kecamatan Uji}\nnodes:\n"
        "  - id: '1'\n    statement: Meningkatnya kualitas layanan publik\n    level: intermediate outcome\n"
        f"    indicators:\n{indicators}"
    )


def test_absent_and_one_letter_sources_are_reported():
    found = run_rule(
        RULE,
        doc("""\
      - {name: Persentase layanan sesuai SOP}
      - {name: Jumlah laporan, source: s}
      - {name: Indeks Kepuasan Masyarakat, source: Laporan survei kepuasan masyarakat}
"""),
    )
    assert [render(f, "id") for f in found] == [
        'Indikator "Persentase layanan sesuai SOP" belum memiliki sumber data',
        'Sumber data indikator "Jumlah laporan" hanya berisi "s"; dokumen, aplikasi atau unit penyedia datanya perlu '
        "disebutkan",
    ]


def test_min_length_zero_accepts_a_letter():
    assert (
        run_rule(
            RULE,
            doc("""\
      - {name: Jumlah laporan, source: s}
"""),
            {"min-length": 0},
        )
        == []
    )


def test_sokaraja_stray_and_missing_sources():
    found = run_rule(RULE, build_graph(load(str(SAMPLES / "sokaraja.yaml"))))
    assert [f.node for f in found] == ["1.1", "1.1.1.3.1"]


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        ("1", "placeholder", {"indicator": "Indeks Kepuasan Masyarakat", "value": "s"})
    ]
