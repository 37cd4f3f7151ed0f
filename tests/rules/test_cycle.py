"""cycle: contribution links that go round in a circle; one finding per knot, found without recursion."""

import pytest
from helpers import as_data, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.messages import render
from kinerja_graph.model import Cascade, Node, Organisation

RULE = "cycle"


def doc(nodes: str) -> str:
    return f"organisation: {{name: Kecamatan Uji}}\nnodes:\n{nodes}"


def test_two_goals_that_are_each_others_parent_are_one_finding():
    found = run_rule(
        RULE,
        doc("""
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome, parent: "1.1"}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome}
"""),
    )
    assert [(f.node, f.related) for f in found] == [("1", ("1.1",))]
    f = found[0]
    assert f.severity == "error" and f.area == "structure" and f.lke == "1.b.8"
    assert f.line == 4
    assert (
        'Kinerja "Meningkatnya kualitas pelayanan publik" (Intermediate Outcome) berada dalam tautan kontribusi yang melingkar'
        in render(f, "id")
    )
    assert '"1" → "1.1" → "1"' in render(f, "en")


def test_a_goal_that_is_its_own_parent_is_a_circle():
    found = run_rule(
        RULE,
        doc("""
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome, parent: "1"}
"""),
    )
    assert [(f.node, f.related) for f in found] == [("1", ())]


def test_a_tree_has_no_circle():
    assert (
        run_rule(
            RULE,
            doc("""
  - {id: "1", statement: Meningkatnya kinerja kecamatan, level: ultimate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.2", parent: "1", statement: Meningkatnya akuntabilitas kinerja, level: intermediate outcome}
  - {id: "1.1.1", parent: ["1.1", "1.2"], statement: Meningkatnya layanan sesuai SOP, level: immediate outcome}
"""),
        )
        == []
    )


def test_two_separate_circles_are_two_findings_in_document_order():
    found = run_rule(
        RULE,
        doc("""
  - {id: a, statement: Meningkatnya A, level: intermediate outcome, parent: b}
  - {id: b, statement: Meningkatnya B, level: immediate outcome, parent: a}
  - {id: c, statement: Meningkatnya C, level: intermediate outcome, parent: e}
  - {id: d, statement: Meningkatnya D, level: immediate outcome, parent: c}
  - {id: e, statement: Meningkatnya E, level: output, parent: d}
"""),
    )
    assert [f.node for f in found] == ["a", "c"]
    assert set(found[1].related) == {"d", "e"}


@pytest.mark.slow
def test_a_circle_of_ten_thousand_goals_is_found_without_recursion():
    n = 10_000
    nodes = [
        Node(id=f"g{i}", statement=f"Meningkatnya kondisi {i}", level="immediate_outcome", parents=[f"g{(i - 1) % n}"])
        for i in range(n)
    ]
    G = build_graph(Cascade(Organisation("Uji"), nodes, file="besar.yaml"))
    found = run_rule(RULE, G)
    assert len(found) == 1
    assert found[0].node == "g0" and len(found[0].related) == n - 1
    assert "(+" in render(found[0], "en")  # the path is shortened, not 10,000 ids long


def test_a_long_chain_without_circle_is_quiet():
    n = 10_000
    nodes = [
        Node(id=f"g{i}", statement=f"Meningkatnya kondisi {i}", level="process", parents=[f"g{i - 1}"] if i else [])
        for i in range(n)
    ]
    G = build_graph(Cascade(Organisation("Uji"), nodes, file="rantai.yaml"))
    assert run_rule(RULE, G) == []


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        (
            "1",
            "default",
            {"label": "Meningkatnya kualitas pelayanan publik", "level": "intermediate_outcome", "path": ["1", "1.1"]},
        )
    ]
