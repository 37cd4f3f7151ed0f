"""missing-formula: an indicator without a formula, with a placeholder, or one that only repeats its name."""

from helpers import SAMPLES, as_data, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "missing-formula"


def doc(indicators: str) -> str:
    return (
        "organisation: {name: Kecamatan Uji}\nnodes:\n"
        "  - id: '1'\n    statement: Meningkatnya kualitas layanan publik\n    level: intermediate outcome\n"
        f"    indicators:\n{indicators}"
    )


def test_absent_placeholder_and_repeated_name_are_three_findings():
    found = run_rule(
        RULE,
        doc("""\
      - {name: Persentase layanan sesuai SOP}
      - {name: Indeks Kepuasan Masyarakat (IKM), formula: Indeks Kepuasan Masyarakat}
      - {name: Jumlah laporan, formula: "-"}
      - {name: Nilai SAKIP, formula: "Nilai hasil evaluasi AKIP oleh Inspektorat"}
"""),
    )
    assert [render(f, "en") for f in found] == [
        'Indicator "Persentase layanan sesuai SOP" has no formula (operational definition)',
        'The formula of indicator "Indeks Kepuasan Masyarakat (IKM)" only repeats the indicator\'s name',
        'The formula of indicator "Jumlah laporan" is only "-": that is no way of computing it',
    ]
    assert [f.line for f in found] == [7, 8, 9]
    assert {f.severity for f in found} == {"warning"}


def test_a_real_formula_is_quiet():
    assert (
        run_rule(
            RULE,
            doc("""\
      - {name: Persentase layanan sesuai SOP, formula: Jumlah layanan sesuai SOP / jumlah layanan x 100%}
"""),
        )
        == []
    )


def test_same_as_name_can_be_turned_off():
    assert (
        run_rule(
            RULE,
            doc("""\
      - {name: Jumlah laporan, formula: jumlah laporan}
"""),
            {"same-as-name": False},
        )
        == []
    )


def test_no_formula_anywhere_is_one_finding():
    found = run_rule(
        RULE,
        doc("""\
      - {name: Persentase layanan sesuai SOP}
      - {name: Jumlah laporan}
"""),
    )
    assert [f.node for f in found] == [None]


def test_sokaraja_tautologies_are_the_ones_the_sample_lists():
    found = run_rule(RULE, build_graph(load(str(SAMPLES / "sokaraja.yaml"))))
    assert sorted(f.node for f in found) == sorted(
        ["1", "1.1.1.1", "1.1.1.2", "1.1.1.3", "1.1.1.4", "1.1.1.5", "1.1.1.6", "1.1.2.1", "1.1.4.1", "1.1.1.4.1"]
    )


def test_pujon_indicators_without_formula():
    found = run_rule(RULE, build_graph(load(str(SAMPLES / "pujon.yaml"))))
    absent = [f for f in found if "no formula" in render(f, "en")]
    assert [f.node for f in absent] == ["1.2", "1.2"]


def test_what_counts_as_only_repeating_the_name():
    from kinerja_graph.checks._blank import same_text

    assert same_text("Jumlah laporan.", "Jumlah Laporan")
    assert same_text("Indeks Kepuasan Masyarakat", "Indeks Kepuasan Masyarakat (IKM)")
    assert same_text("Índeks  kepuasan-masyarakat", "Indeks Kepuasan Masyarakat")
    assert not same_text("Jumlah laporan / jumlah kegiatan x 100%", "Jumlah laporan")
    assert not same_text("Jumlah laporan yang disusun", "Jumlah laporan")
    found = run_rule(
        RULE,
        doc("""\
      - {name: Jumlah laporan, formula: "jumlah LAPORAN."}
      - {name: Jumlah dokumen, formula: "Jumlah dokumen yang disahkan"}
"""),
    )
    assert [render(f, "en") for f in found] == [
        'The formula of indicator "Jumlah laporan" only repeats the indicator\'s name'
    ]


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        ("1", "placeholder", {"indicator": "Persentase layanan sesuai SOP", "value": "-"})
    ]
