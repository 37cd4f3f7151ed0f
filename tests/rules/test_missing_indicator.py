"""missing-indicator: a goal with no indicator."""

from helpers import SAMPLES, as_data, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "missing-indicator"


def doc(nodes: str) -> str:
    return f"organisation: {{name: Kecamatan Uji}}\nnodes:\n{nodes}"


def test_a_goal_without_indicator_is_reported():
    found = run_rule(
        RULE,
        doc("""
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome, indicators: [{name: IKM}]}
  - {id: "1.1", parent: "1", statement: Tersusunnya SOP pelayanan, level: output}
"""),
    )
    assert [(f.node, f.severity) for f in found] == [("1.1", "error")]
    assert render(found[0], "en") == 'Goal "Tersusunnya SOP pelayanan" (Output) has no indicator'


def test_goals_with_indicators_are_quiet():
    assert (
        run_rule(
            RULE,
            doc("""
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome, indicators: [{name: IKM}]}
"""),
        )
        == []
    )


def test_no_indicator_anywhere_is_one_finding():
    found = run_rule(
        RULE,
        doc("""
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Tersusunnya SOP pelayanan, level: output}
"""),
    )
    assert [f.node for f in found] == [None]
    assert "2 kinerja" in render(found[0], "id")


def test_praya_and_sokaraja():
    praya = run_rule(RULE, build_graph(load(str(SAMPLES / "praya.yaml"))))
    assert len(praya) == 46
    sokaraja = run_rule(RULE, build_graph(load(str(SAMPLES / "sokaraja.yaml"))))
    assert [f.node for f in sokaraja] == ["1.1.1.3.3"]


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        ("1", "one", {"label": "Meningkatnya kualitas layanan publik", "level": "intermediate_outcome"})
    ]
