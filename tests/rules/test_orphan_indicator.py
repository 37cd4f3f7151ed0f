"""orphan-indicator: an indicator attached to no goal (a node with indicators but no statement)."""

from helpers import SAMPLES, as_data, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "orphan-indicator"


def doc(nodes: str) -> str:
    return f"organisation: {{name: Kecamatan Uji}}\nnodes:\n{nodes}"


def test_an_indicator_without_goal_is_reported_by_name():
    found = run_rule(
        RULE,
        doc("""
  - {id: "1", statement: Meningkatnya kualitas layanan, level: intermediate outcome, indicators: [{name: IKM}]}
  - id: "2"
    indicators: [{name: Persentase surat yang diselesaikan tepat waktu}, {name: Jumlah arsip}]
"""),
    )
    assert [(f.node, f.line) for f in found] == [("2", 5)]
    assert found[0].severity == "error"
    assert render(found[0], "id") == (
        'Indikator "Persentase surat yang diselesaikan tepat waktu", "Jumlah arsip" '
        "tidak melekat pada kinerja (sasaran) mana pun"
    )


def test_indicators_of_goals_are_quiet():
    assert (
        run_rule(
            RULE,
            doc("""
  - {id: "1", statement: Meningkatnya kualitas layanan, level: intermediate outcome, indicators: [{name: IKM}]}
"""),
        )
        == []
    )


def test_pujon_rows_without_sasaran():
    found = run_rule(RULE, build_graph(load(str(SAMPLES / "pujon.yaml"))))
    assert [f.node for f in found] == ["1.1.1.1", "1.1.3.2", "1.1.4.3", "1.3.1", "1.5.1"]


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        ("2", "default", {"indicators": ["Persentase surat yang diselesaikan tepat waktu"]})
    ]
