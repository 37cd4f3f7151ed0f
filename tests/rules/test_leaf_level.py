"""leaf-level: a branch that stops at an outcome level, above the outputs."""

from helpers import SAMPLES, as_data, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "leaf-level"


def doc(nodes: str) -> str:
    return f"organisation: {{name: Kecamatan Uji}}\nnodes:\n{nodes}"


def test_an_immediate_outcome_without_outputs_is_reported_with_its_level():
    found = run_rule(
        RULE,
        doc("""
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome}
  - {id: "1.2", parent: "1", statement: Meningkatnya kompetensi petugas, level: immediate outcome}
  - {id: "1.2.1", parent: "1.2", statement: Terlaksananya pelatihan petugas, level: output}
"""),
    )
    assert [(f.node, f.severity) for f in found] == [("1.1", "warning")]
    assert render(found[0], "id") == (
        'Cabang "Meningkatnya layanan sesuai SOP" berhenti pada level Immediate Outcome: '
        "tidak terdapat kinerja output atau proses di bawahnya"
    )


def test_branches_that_reach_outputs_are_quiet():
    assert (
        run_rule(
            RULE,
            doc("""
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome}
  - {id: "1.1.1", parent: "1.1", statement: Tersusunnya SOP pelayanan, level: output}
"""),
        )
        == []
    )


def test_a_cascade_of_outcomes_only_is_one_finding_naming_the_deepest_level():
    found = run_rule(
        RULE,
        doc("""
  - {id: "1", statement: Meningkatnya kinerja kecamatan, level: ultimate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome}
  - {id: "1.1.1", parent: "1.1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome}
  - {id: "1.2", parent: "1", statement: Meningkatnya akuntabilitas, level: intermediate outcome}
"""),
    )
    assert [f.node for f in found] == [None]
    assert "stops at Immediate outcome at the deepest" in render(found[0], "en")


def test_a_branch_that_passed_an_output_higher_up_is_left_to_level_inversion():
    assert (
        run_rule(
            RULE,
            doc("""
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Tersusunnya SOP pelayanan, level: output}
  - {id: "1.1.1", parent: "1.1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome}
"""),
        )
        == []
    )


def test_a_goal_with_an_indicator_without_goal_below_is_left_to_orphan_indicator():
    assert (
        run_rule(
            RULE,
            doc("""
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome}
  - {id: "x", parent: "1.1", indicators: [{name: Jumlah laporan}]}
  - {id: "1.2", parent: "1", statement: Meningkatnya kompetensi petugas, level: immediate outcome}
  - {id: "1.2.1", parent: "1.2", statement: Terlaksananya pelatihan petugas, level: output}
"""),
        )
        == []
    )


def test_batumandi_only_the_unambiguous_stop_when_labels_are_taken_as_written():
    found = run_rule(RULE, build_graph(load(str(SAMPLES / "batumandi.yaml"))), prepare=False)
    assert [f.node for f in found] == ["1.1.1.3.1"]


def test_batumandi_doubtful_labels_are_judged_by_their_place_in_the_tree():
    """1.1.1.3.1 is labelled "Kinerja immediate" but stands where a sub kegiatan stands: no branch stops early."""
    assert run_rule(RULE, build_graph(load(str(SAMPLES / "batumandi.yaml")))) == []


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        ("1.1", "one", {"label": "Meningkatnya layanan sesuai SOP", "level": "immediate_outcome"})
    ]
