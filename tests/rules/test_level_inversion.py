"""level-inversion: a goal under a goal of a lower level; equal levels are legitimate."""

import re

import pytest
from helpers import SAMPLES, as_data, documented, graph_from_yaml, run_rule

from kinerja_graph import checks
from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "level-inversion"


def doc(nodes: str, org: str = "{name: Kecamatan Uji, type: kecamatan}") -> str:
    return f"organisation: {org}\nnodes:\n{nodes}"


def test_outcome_under_an_output_is_reported_on_the_child():
    found = run_rule(
        RULE,
        doc("""
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Tersusunnya SOP pelayanan, level: output}
  - {id: "1.1.1", parent: "1.1", statement: Meningkatnya kepatuhan petugas pada SOP, level: immediate outcome}
"""),
    )
    assert [(f.node, f.related) for f in found] == [("1.1.1", ("1.1",))]
    f = found[0]
    assert f.severity == "error" and f.area == "levels" and f.lke == "1.b.8"
    assert '"Meningkatnya kepatuhan petugas pada SOP" (Immediate Outcome)' in render(f, "id")
    assert '"Tersusunnya SOP pelayanan" (Output)' in render(f, "id")
    assert "a lower level" in render(f, "en") and "(Immediate outcome)" in render(f, "en")


def test_a_well_ordered_chain_raises_nothing():
    assert (
        run_rule(
            RULE,
            doc("""
  - {id: "1", statement: Meningkatnya kinerja kecamatan, level: tujuan}
  - {id: "1.1", parent: "1", statement: Meningkatnya kualitas pelayanan publik, level: sasaran strategis}
  - {id: "1.1.1", parent: "1.1", statement: Meningkatnya layanan sesuai SOP, level: sasaran program}
  - {id: "1.1.1.1", parent: "1.1.1", statement: Tersusunnya SOP pelayanan, level: sasaran kegiatan}
  - {id: "1.1.1.1.1", parent: "1.1.1.1", statement: Penyusunan rancangan SOP, level: sub kegiatan}
"""),
        )
        == []
    )


def test_equal_levels_are_legitimate_layers():
    # two layers of intermediate outcome, and a process broken into rencana aksi at process level
    assert (
        run_rule(
            RULE,
            doc("""
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya kualitas pelayanan administrasi, level: sasaran strategis}
  - {id: "1.1.1", parent: "1.1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome}
  - {id: "1.1.1.1", parent: "1.1.1", statement: Tersusunnya SOP, level: output}
  - {id: "1.1.1.1.1", parent: "1.1.1.1", statement: Penyusunan SOP, level: sub kegiatan}
  - {id: "1.1.1.1.1.1", parent: "1.1.1.1.1", statement: Rapat pembahasan SOP, level: rencana aksi}
"""),
        )
        == []
    )


def without_level(G, *nodes):
    """The loader insists on a level; other readers (tables) may leave one out."""
    for n in nodes:
        G.nodes[n].update(level=None, rank=None, tier=None)
    return G


def test_goals_without_a_level_and_loose_indicators_do_not_crash_the_rule():
    G = graph_from_yaml(
        doc("""
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Tersusunnya SOP, level: output}
  - {id: "1.1.1", parent: "1.1", statement: Meningkatnya kepatuhan pada SOP, level: immediate outcome}
  - {id: "x", parent: "1.1", indicators: [{name: Jumlah SOP}], level: intermediate outcome}
""")
    )
    assert run_rule(RULE, without_level(G, "1.1.1")) == []


def test_each_parent_of_a_goal_is_judged_in_document_order():
    found = run_rule(
        RULE,
        doc("""
  - {id: a, statement: Tersusunnya SOP, level: output}
  - {id: b, statement: Penyusunan SOP, level: process}
  - {id: c, statement: Meningkatnya kualitas SOP, level: immediate outcome}
  - {id: d, parent: [b, c, a], statement: Meningkatnya kepatuhan pada SOP, level: intermediate outcome}
"""),
    )
    assert [(f.node, f.related) for f in found] == [("d", ("a",)), ("d", ("b",)), ("d", ("c",))]


def test_doc_example_fails_and_fix_passes():
    rule = checks.get(RULE)
    headings = re.findall(r"^## .*$", rule.doc, re.M)
    assert headings == ["## What it does", "## Why it matters", "## Example", "## Fix", "## Options"]
    example, fix = re.findall(r"```yaml\n(.*?)```", rule.doc, re.S)
    assert run_rule(RULE, doc(example.split("nodes:\n", 1)[1]))
    assert run_rule(RULE, doc(fix.split("nodes:\n", 1)[1])) == []


def _sample(name):
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"sample {name} not present yet")
    return build_graph(load(path))


def test_batumandi_inversions_are_the_five_the_sample_lists_when_labels_are_taken_as_written():
    found = run_rule(RULE, _sample("batumandi.yaml"), prepare=False)
    assert [f.node for f in found] == ["1.1.1.2.1", "1.1.2.1.1", "1.1.4.1", "1.1.5.1.1", "1.1.5.1.2"]
    assert all(f.related for f in found)


def test_batumandi_doubtful_labels_invert_nothing_by_their_place_in_the_tree():
    """Five inversions in 25 links: the labels as a whole are doubtful (level-label-conflict's one note), and
    read by their place in the tree the goals go down one level at a time."""
    assert run_rule(RULE, _sample("batumandi.yaml")) == []


@pytest.mark.parametrize("name", ["clean.yaml", "praya.yaml", "pujon.yaml", "pino-raya.yaml", "sokaraja.yaml"])
def test_samples_without_inversions_raise_nothing(name):
    assert run_rule(RULE, _sample(name)) == []


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        (
            "1.1.1",
            "default",
            {
                "label": "Meningkatnya kepatuhan petugas pada SOP",
                "level": "immediate_outcome",
                "parent": "Tersusunnya SOP pelayanan",
                "parent_level": "output",
            },
        )
    ]
