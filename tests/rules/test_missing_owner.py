"""missing-owner: a goal without penanggung jawab; said once when no goal of the cascade has one."""

from helpers import SAMPLES, as_data, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "missing-owner"


def doc(nodes: str) -> str:
    return f"organisation: {{name: Kecamatan Uji}}\nnodes:\n{nodes}"


def test_a_goal_without_owner_or_with_a_dash_is_reported():
    found = run_rule(
        RULE,
        doc("""
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome, owner: Camat}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome, owner: "-"}
  - {id: "1.2", parent: "1", statement: Meningkatnya tertib administrasi, level: immediate outcome}
"""),
    )
    assert [f.node for f in found] == ["1.1", "1.2"]
    assert found[0].severity == "warning" and found[0].area == "ownership"
    assert (
        render(found[0], "id")
        == 'Kinerja "Meningkatnya layanan sesuai SOP" (Immediate Outcome) belum memiliki penanggung jawab'
    )


def test_every_goal_with_an_owner_is_quiet():
    assert (
        run_rule(
            RULE,
            doc("""
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome, owner: Camat}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome, owner: Kasi Pelum}
  - {id: "x", owner: "-", indicators: [{name: Jumlah laporan}]}
"""),
        )
        == []
    )  # an indicator without a goal is orphan-indicator's business


def test_a_document_without_any_owner_is_one_finding():
    found = run_rule(
        RULE,
        doc("""
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome}
"""),
    )
    assert [(f.node, f.line) for f in found] == [(None, None)]
    assert render(found[0], "en") == "None of the 2 goals of this cascade names an owner (penanggung jawab)"


def test_summarise_absent_off_reports_each_goal():
    found = run_rule(
        RULE,
        doc("""
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome}
"""),
        {"summarise-absent": False},
    )
    assert [f.node for f in found] == ["1", "1.1"]


def test_skip_levels():
    found = run_rule(
        RULE,
        doc("""
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome, owner: Camat}
  - {id: "1.1", parent: "1", statement: Penyusunan SOP, level: process}
"""),
        {"skip-levels": ["process"]},
    )
    assert found == []


def test_praya_outputs_and_processes_have_no_owner():
    found = run_rule(RULE, build_graph(load(str(SAMPLES / "praya.yaml"))))
    assert len(found) == 46
    assert all(f.node.count(".") >= 3 for f in found)  # every Output (x.x.x.x) and Proses (x.x.x.x.x)


def test_sokaraja_has_42_goals_without_owner():
    found = run_rule(RULE, build_graph(load(str(SAMPLES / "sokaraja.yaml"))))
    assert len(found) == 42 and "1" not in {f.node for f in found} and "1.1" not in {f.node for f in found}


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        ("1.1", "one", {"label": "Meningkatnya layanan sesuai SOP", "level": "immediate_outcome"})
    ]
