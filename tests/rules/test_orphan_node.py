"""orphan-node: a goal whose parent does not exist, or that has no parent below the cascade's top level."""

from helpers import SAMPLES, as_data, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "orphan-node"


def doc(nodes: str) -> str:
    return f"organisation: {{name: Kecamatan Uji, type: kecamatan}}\nnodes:\n{nodes}"


def test_a_parent_id_that_names_no_goal_is_reported_with_the_id():
    found = run_rule(
        RULE,
        doc("""
  - {id: "1", statement: Meningkatnya kinerja kecamatan, level: ultimate outcome}
  - {id: "3.4", parent: "9", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome}
"""),
    )
    assert [(f.node, f.line) for f in found] == [("3.4", 5)]
    assert found[0].severity == "error"
    assert (
        render(found[0], "id")
        == 'Kinerja "Meningkatnya layanan sesuai SOP" menunjuk induk "9" yang tidak terdapat dalam pohon kinerja ini'
    )
    assert render(found[0], "en") == 'Goal "Meningkatnya layanan sesuai SOP" names parent "9", which does not exist'


def test_a_parentless_goal_below_the_top_level_is_an_orphan():
    found = run_rule(
        RULE,
        doc("""
  - {id: "1", statement: Meningkatnya kinerja kecamatan, level: ultimate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome}
  - {id: "2.1", statement: Meningkatnya tertib administrasi, level: immediate outcome}
"""),
    )
    assert [f.node for f in found] == ["2.1"]
    assert "(Immediate outcome) has no parent, while the top goals of this cascade stand at Ultimate outcome" in render(
        found[0], "en"
    )
    assert found[0].key == "parentless"
    assert dict(found[0].args) == {
        "label": "Meningkatnya tertib administrasi",
        "level": "immediate_outcome",
        "top": "ultimate_outcome",
    }


def test_a_kecamatan_cascade_without_tujuan_is_not_an_orphan():
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


def test_several_roots_at_the_top_level_are_left_to_multiple_roots():
    text = doc("""
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome}
  - {id: "2", statement: Meningkatnya akuntabilitas kinerja, level: intermediate outcome}
""")
    assert run_rule(RULE, text) == []
    assert [f.node for f in run_rule("multiple-roots", text)] == ["1"]


def test_a_parent_that_is_an_indicator_without_goal_is_named_as_such():
    found = run_rule(
        RULE,
        doc("""
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome}
  - {id: "x", indicators: [{name: Jumlah laporan}]}
  - {id: "1.1", parent: x, statement: Meningkatnya layanan sesuai SOP, level: immediate outcome}
"""),
    )
    assert [f.node for f in found] == ["1.1"]
    assert "indicator without a goal" in render(found[0], "en")


def test_pujon_positions_without_a_superior_are_the_orphans():
    found = run_rule(RULE, build_graph(load(str(SAMPLES / "pujon.yaml"))))
    assert [f.node for f in found] == [str(i) for i in range(2, 13)]


def test_pino_raya_orphan_sub_kegiatan():
    found = run_rule(RULE, build_graph(load(str(SAMPLES / "pino-raya.yaml"))))
    assert [f.node for f in found] == ["S13", "S16", "S18"]


def test_the_clean_praya_tree_has_no_orphan():
    assert run_rule(RULE, build_graph(load(str(SAMPLES / "praya.yaml")))) == []


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        ("1.1.1", "dangling", {"label": "Meningkatnya layanan sesuai SOP", "parents": ["9"]}),
        (
            "1.2.1",
            "parentless",
            {"label": "Meningkatnya tertib administrasi", "level": "immediate_outcome", "top": "ultimate_outcome"},
        ),
    ]
