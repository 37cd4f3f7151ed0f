"""single-child: a goal supported by exactly one goal below it (advice; tujuan skipped by default)."""

from helpers import SAMPLES, as_data, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "single-child"


def doc(nodes: str) -> str:
    return f"organisation: {{name: Kecamatan Uji}}\nnodes:\n{nodes}"


ONE_CHILD = doc("""
  - {id: "0", statement: Meningkatnya kinerja kecamatan, level: tujuan}
  - {id: "1", parent: "0", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome}
  - {id: "1.1.1", parent: "1.1", statement: Tersusunnya SOP, level: output}
  - {id: "1.1.2", parent: "1.1", statement: Terlaksananya pelayanan sesuai SOP, level: output}
""")


def test_a_goal_with_one_child_is_advice_with_the_child_related():
    found = run_rule(RULE, ONE_CHILD)
    assert [(f.node, f.related, f.severity) for f in found] == [("1", ("1.1",), "info")]
    assert '("Meningkatnya layanan sesuai SOP")' in render(found[0], "en")


def test_the_tujuan_may_have_one_sasaran_unless_the_pack_says_otherwise():
    found = run_rule(RULE, ONE_CHILD, {"skip-levels": []})
    assert [f.node for f in found] == ["0", "1"]


def test_two_children_are_quiet():
    assert (
        run_rule(
            RULE,
            doc("""
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome}
  - {id: "1.2", parent: "1", statement: Meningkatnya kompetensi petugas, level: immediate outcome}
"""),
        )
        == []
    )


def test_praya_and_sokaraja_single_children():
    praya = run_rule(RULE, build_graph(load(str(SAMPLES / "praya.yaml"))))
    assert len(praya) == 16  # 13 immediate outcomes with one output, 3 outputs with one process
    sokaraja = run_rule(RULE, build_graph(load(str(SAMPLES / "sokaraja.yaml"))))
    assert [f.node for f in sokaraja] == ["1.1.2", "1.1.3", "1.1.4", "1.1.5"]


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        ("1", "default", {"label": "Meningkatnya kualitas layanan publik", "child": "Meningkatnya layanan sesuai SOP"})
    ]
