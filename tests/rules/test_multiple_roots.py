"""multiple-roots: more than one parentless goal at the cascade's top level; one finding per cascade."""

from helpers import SAMPLES, as_data, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "multiple-roots"


def doc(nodes: str) -> str:
    return f"organisation: {{name: Kecamatan Uji}}\nnodes:\n{nodes}"


TWO_TUJUAN = doc("""
  - {id: "1", statement: Meningkatnya kinerja pelayanan, level: tujuan}
  - {id: "2", statement: Meningkatnya akuntabilitas kinerja, level: tujuan}
  - {id: "2.1", parent: "2", statement: Meningkatnya tertib administrasi, level: sasaran strategis}
  - {id: "3.1", statement: Meningkatnya layanan sesuai SOP, level: sasaran program}
""")


def test_two_top_goals_are_one_finding_on_the_first_with_the_other_related():
    found = run_rule(RULE, TWO_TUJUAN)
    assert [(f.node, f.related) for f in found] == [("1", ("2",))]
    f = found[0]
    assert f.severity == "error" and f.line == 4
    assert render(f, "id").startswith("Pohon kinerja ini memiliki 2 kinerja puncak pada level Ultimate Outcome")
    assert '"Meningkatnya kinerja pelayanan", "Meningkatnya akuntabilitas kinerja"' in render(f, "en")


def test_a_parentless_goal_below_the_top_is_not_counted_here():
    found = run_rule(RULE, TWO_TUJUAN)
    assert "3.1" not in found[0].related  # orphan-node's business


def test_max_roots_accepts_two_tujuan():
    assert run_rule(RULE, TWO_TUJUAN, {"max-roots": 2}) == []


def test_one_top_goal_is_quiet():
    assert (
        run_rule(
            RULE,
            doc("""
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome}
"""),
        )
        == []
    )


def test_pino_raya_has_eight_program_roots():
    found = run_rule(RULE, build_graph(load(str(SAMPLES / "pino-raya.yaml"))))
    assert len(found) == 1
    assert (found[0].node, found[0].related) == ("1a", ("1b", "1c", "1d", "2", "3", "4", "5"))


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        (
            "1",
            "default",
            {
                "count": 2,
                "limit": 1,
                "roots": ["Meningkatnya kualitas pelayanan publik", "Meningkatnya akuntabilitas kinerja"],
                "level": "intermediate_outcome",
            },
        )
    ]
