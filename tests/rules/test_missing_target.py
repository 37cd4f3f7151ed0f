"""missing-target: an indicator without a target for a year of the cascade's period."""

from helpers import SAMPLES, run_rule

from kinerja_graph.checks.missing_target import years_text
from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load

RULE = "missing-target"


def doc(nodes: str, period: str = "period: [2022, 2024]\n") -> str:
    return f"organisation: {{name: Kecamatan Uji}}\n{period}nodes:\n{nodes}"


def test_a_missing_and_a_blank_year_are_named():
    found = run_rule(
        RULE,
        doc("""
  - id: "1"
    statement: Meningkatnya kualitas layanan publik
    level: intermediate outcome
    indicators:
      - {name: Indeks Kepuasan Masyarakat, targets: {2022: 80, 2024: ""}}
"""),
    )
    assert [(f.node, f.line) for f in found] == [("1", 9)]  # the indicator's own line
    assert found[0].message("id") == 'Indikator "Indeks Kepuasan Masyarakat" tidak punya target untuk tahun 2023, 2024'


def test_every_year_given_is_quiet_and_text_targets_count_as_given():
    assert (
        run_rule(
            RULE,
            doc("""
  - id: "1"
    statement: Meningkatnya kualitas layanan publik
    level: intermediate outcome
    indicators:
      - {name: Indeks Kepuasan Masyarakat, targets: {2022: 80, 2023: "-", 2024: 84}}
"""),
        )
        == []
    )  # "-" is target-invalid's business


def test_without_period_the_years_of_the_other_indicators_count():
    found = run_rule(
        RULE,
        doc(
            """
  - id: "1"
    statement: Meningkatnya kualitas layanan publik
    level: intermediate outcome
    indicators:
      - {name: Indeks Kepuasan Masyarakat, targets: {2022: 80, 2023: 82}}
      - {name: Persentase layanan sesuai SOP, targets: {2022: 80}}
""",
            period="",
        ),
    )
    assert [f.message("en") for f in found] == ['Indicator "Persentase layanan sesuai SOP" has no target for 2023']


def test_neither_period_nor_targets_is_quiet():
    assert (
        run_rule(
            RULE,
            doc(
                """
  - {id: "1", statement: Meningkatnya kualitas layanan, level: intermediate outcome, indicators: [{name: IKM}]}
""",
                period="",
            ),
        )
        == []
    )


def test_a_period_without_any_target_is_one_finding():
    found = run_rule(
        RULE,
        doc("""
  - {id: "1", statement: Meningkatnya kualitas layanan, level: intermediate outcome, indicators: [{name: IKM}]}
  - {id: "2", parent: "1", statement: Meningkatnya layanan, level: immediate outcome, indicators: [{name: X}]}
"""),
    )
    assert [f.node for f in found] == [None]
    assert found[0].message("en") == "None of the 2 indicators of this cascade has a target for the period 2022–2024"


def test_years_text():
    assert years_text([2022, 2023, 2024, 2025]) == "2022–2025"
    assert years_text([2022, 2024]) == "2022, 2024"
    assert years_text([2023]) == "2023"


def test_pino_raya_has_every_year():
    assert run_rule(RULE, build_graph(load(str(SAMPLES / "pino-raya.yaml")))) == []
