"""missing-target: an indicator without a target for a year of the cascade's period."""

from helpers import SAMPLES, as_data, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

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
    assert (
        render(found[0], "id") == 'Indikator "Indeks Kepuasan Masyarakat" belum memiliki target untuk tahun 2023, 2024'
    )


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
    assert [render(f, "en") for f in found] == ['Indicator "Persentase layanan sesuai SOP" has no target for 2023']


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
    assert render(found[0], "en") == "None of the 2 indicators of this cascade has a target for the period 2022–2024"


def test_the_missing_years_are_data_and_read_as_a_span_when_they_run_without_a_gap():
    found = run_rule(
        RULE,
        """
organisation: {name: Kecamatan Uji}
period: [2022, 2026]
nodes:
  - id: "1"
    statement: Meningkatnya kualitas layanan publik
    level: intermediate outcome
    indicators:
      - {name: Indeks A, targets: {2022: 80}}
      - {name: Indeks B, targets: {2022: 80, 2024: 82, 2026: 84}}
      - {name: Indeks C, targets: {2022: 80, 2023: 81, 2024: 82, 2025: 83}}
""",
    )
    assert [f.args["years"] for f in found] == [[2023, 2024, 2025, 2026], [2023, 2025], [2026]]
    assert [render(f, "en").rsplit(" for ", 1)[1] for f in found] == ["2023–2026", "2023, 2025", "2026"]


def test_pino_raya_has_every_year():
    assert run_rule(RULE, build_graph(load(str(SAMPLES / "pino-raya.yaml")))) == []


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        ("1", "one", {"indicator": "Indeks Kepuasan Masyarakat", "years": [2023]})
    ]
