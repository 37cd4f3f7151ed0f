"""level-skip: a goal two or more levels below its parent; the start of the cascade is never a skip."""

import re

import pytest
from helpers import SAMPLES, as_data, documented, graph_from_yaml, run_rule

from kinerja_graph import checks
from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "level-skip"


def doc(nodes: str) -> str:
    return f"organisation: {{name: Kecamatan Uji, type: kecamatan}}\nnodes:\n{nodes}"


def test_output_straight_under_an_intermediate_outcome_is_reported():
    found = run_rule(
        RULE,
        doc("""
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Tersusunnya SOP pelayanan administrasi, level: output}
"""),
    )
    assert [(f.node, f.related) for f in found] == [("1.1", ("1",))]
    f = found[0]
    assert f.severity == "warning" and f.area == "levels"
    assert "level Immediate Outcome (Sasaran Program) terlewati" in render(f, "id")
    assert '"Tersusunnya SOP pelayanan administrasi" (Output)' in render(f, "id")
    assert "Immediate outcome (Programme objective (sasaran program)) is skipped" in render(f, "en")


def test_a_cascade_without_tujuan_starts_at_its_top_and_skips_nothing():
    assert (
        run_rule(
            RULE,
            doc("""
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: sasaran strategis}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan sesuai SOP, level: sasaran program}
  - {id: "1.1.1", parent: "1.1", statement: Tersusunnya SOP, level: sasaran kegiatan}
  - {id: "1.1.1.1", parent: "1.1.1", statement: Penyusunan SOP, level: sub kegiatan}
"""),
        )
        == []
    )


def test_two_skipped_levels_are_both_named():
    found = run_rule(
        RULE,
        doc("""
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Penyusunan SOP, level: sub kegiatan}
"""),
    )
    assert len(found) == 1
    assert "Immediate Outcome (Sasaran Program) dan Output (Sasaran Kegiatan) terlewati" in render(found[0], "id")


def test_sub_kegiatan_directly_under_a_programme_is_a_skip_unless_output_is_optional():
    text = doc("""
  - {id: "1", statement: Meningkatnya layanan sesuai SOP, level: sasaran program}
  - {id: "1.1", parent: "1", statement: Penyusunan SOP, level: sub kegiatan}
""")
    assert [f.node for f in run_rule(RULE, text)] == ["1.1"]
    assert run_rule(RULE, text, {"optional-levels": ["output"]}) == []


def test_an_optional_level_does_not_excuse_another_skipped_level():
    found = run_rule(
        RULE,
        doc("""
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Penyusunan SOP, level: sub kegiatan}
"""),
        {"optional-levels": ["output"]},
    )
    assert len(found) == 1
    message = render(found[0], "id")
    assert "Immediate Outcome (Sasaran Program) terlewati" in message and "Output (Sasaran Kegiatan)" not in message


def test_adjacent_equal_and_inverted_levels_and_missing_levels_are_not_skips():
    G = graph_from_yaml(
        doc("""
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan administrasi, level: intermediate outcome}
  - {id: "1.1.1", parent: "1.1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome}
  - {id: "1.1.1.1", parent: "1.1.1", statement: Meningkatnya kualitas pelayanan, level: ultimate outcome}
  - {id: "1.1.2", parent: "1.1", statement: Level hilang, level: output}
  - {id: "1.1.2.1", parent: "1.1.2", statement: Penyusunan SOP, level: process}
""")
    )
    G.nodes["1.1.2"].update(level=None, rank=None, tier=None)  # as a table reader may leave it
    assert run_rule(RULE, G) == []


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


def test_batumandi_skips_are_the_four_the_sample_lists_when_labels_are_taken_as_written():
    found = run_rule(RULE, _sample("batumandi.yaml"), prepare=False)
    assert sorted(f.node for f in found) == ["1.1.1.2", "1.1.2", "1.1.4", "1.1.5"]


def test_batumandi_doubtful_labels_skip_nothing_by_their_place_in_the_tree():
    assert run_rule(RULE, _sample("batumandi.yaml")) == []


@pytest.mark.parametrize("name", ["clean.yaml", "praya.yaml", "pujon.yaml", "pino-raya.yaml", "sokaraja.yaml"])
def test_samples_without_skips_raise_nothing(name):
    assert run_rule(RULE, _sample(name)) == []


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        (
            "1.1",
            "default",
            {
                "label": "Tersusunnya SOP pelayanan administrasi",
                "level": "output",
                "parent": "Meningkatnya kualitas pelayanan publik",
                "parent_level": "intermediate_outcome",
                "missing": ["immediate_outcome"],
            },
        )
    ]
