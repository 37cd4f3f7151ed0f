"""level-label-conflict: level labels the cascade's own tree contradicts — one note, and the rules that judge
levels read the doubtful goals by their place in the tree (kinerja_graph/structure.py)."""

import pytest
from helpers import SAMPLES, as_data, context, documented, run_rule

from kinerja_graph import config, engine
from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render
from kinerja_graph.structure import graph_levels

RULE = "level-label-conflict"
LEVEL_RULES = ("level-inversion", "level-skip", "leaf-level", "owner-level-mismatch", "goal-is-activity")
# the goals whose Tahap 5 label names another tier than their place in Batumandi's Tahap 3 tree
BATUMANDI_DOUBTFUL = [
    "1.1.1",
    "1.1.1.1",
    "1.1.1.2.1",
    "1.1.1.3",
    "1.1.1.3.1",
    "1.1.2",
    "1.1.2.1.1",
    "1.1.3",
    "1.1.3.1",
    "1.1.4",
    "1.1.4.1",
    "1.1.4.1.1",
    "1.1.5",
    "1.1.5.1.1",
    "1.1.5.1.2",
]


def doc(nodes: str) -> str:
    return f"organisation: {{name: Kecamatan Uji, type: kecamatan}}\nnodes:\n{nodes}"


def _sample(name):
    return build_graph(load(SAMPLES / name))


def test_labels_running_up_the_tree_on_two_goals_are_one_note_naming_the_doubtful_goals():
    (f,) = run_rule(RULE, documented(RULE))
    assert (f.node, f.related, f.severity, f.area, f.lke) == (
        None,
        ("1.1", "1.1.1", "1.2", "1.2.1"),
        "warning",
        "levels",
        "1.b.8",
    )
    assert f.args["count"] == 4 and f.args["goals"] == 5 and f.args["inverted"] == 2
    assert f.args["readings"][0] == ["1.1", "output", "immediate_outcome"]
    assert render(f, "en").startswith("The level labels of 4 of 5 goals contradict the cascade's own tree (1.1, 1.1.1")
    assert "sedangkan letaknya adalah" in render(f, "id")


def test_labels_that_follow_the_tree_raise_nothing():
    assert run_rule(RULE, documented(RULE, "## Fix")) == []


def test_one_inverted_goal_is_level_inversions_finding_not_a_doubt_on_the_labels():
    text = doc("""
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Tersusunnya SOP pelayanan, level: output}
  - {id: "1.1.1", parent: "1.1", statement: Meningkatnya kepatuhan petugas pada SOP, level: immediate outcome}
""")
    assert run_rule(RULE, text) == []
    (inversion,) = run_rule("level-inversion", text)
    assert (inversion.node, inversion.severity, inversion.basis) == ("1.1.1", "error", None)


def test_a_goal_inverted_under_several_parents_counts_once():
    text = doc("""
  - {id: a, statement: Tersusunnya SOP, level: output}
  - {id: b, statement: Penyusunan SOP, level: process}
  - {id: d, parent: [a, b], statement: Meningkatnya kepatuhan pada SOP, level: intermediate outcome}
""")
    assert run_rule(RULE, text) == []


def test_a_few_inversions_in_a_large_cascade_stay_inversions():
    rows = ['  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}']
    for i in range(1, 30):
        rows.append(f'  - {{id: "1.{i}", parent: "1", statement: Meningkatnya layanan {i}, level: immediate outcome}}')
        rows.append(f'  - {{id: "1.{i}.1", parent: "1.{i}", statement: Tersusunnya SOP {i}, level: output}}')
    rows[2] = rows[2].replace("level: output", "level: intermediate outcome")  # two slips among 58 links
    rows[4] = rows[4].replace("level: output", "level: intermediate outcome")
    text = doc("\n".join(rows) + "\n")
    assert run_rule(RULE, text) == []
    assert len(run_rule("level-inversion", text)) == 2
    assert run_rule(RULE, text, {"min-inverted-share": 0}) != []  # a pack may say otherwise


def test_batumandi_one_note_on_the_fifteen_goals_its_tree_contradicts():
    (f,) = run_rule(RULE, _sample("batumandi.yaml"))
    assert list(f.related) == BATUMANDI_DOUBTFUL
    assert (f.args["count"], f.args["goals"], f.args["inverted"]) == (15, 26, 5)
    # the clearest example: a sub kegiatan of Tahap 3 labelled "kinerja strategis skpd" in Tahap 5
    assert (f.args["example_level"], f.args["example_place"]) == ("ultimate_outcome", "process")
    assert f.args["example"].startswith("Terfasilitasinya Percepatan Pencapaian Standar Pelayanan Minimal")


def test_batumandi_raises_no_finding_that_rests_only_on_its_doubtful_labels():
    """Today's level-inversion, level-skip, leaf-level, staff-holds-strategic and activity-wording findings all
    came from the labels: with the note, none is raised; the findings that remain on doubtful goals are judged
    by their place in the tree and marked doubtful, at most warnings."""
    for name in ("batumandi.yaml", "batumandi.csv"):
        G = build_graph(load(SAMPLES / name))
        report = engine.check_graph(G, config.default_settings())
        rules = [f.rule for f in report.findings]
        assert rules.count(RULE) == 1
        assert not set(rules) & set(LEVEL_RULES), name
        judged = [f for f in report.findings if f.rule == "indicator-level-mismatch"]  # activity indicators
        assert [f.node for f in judged] == ["1.1.2", "1.1.3", "1.1.4"]  # on sasaran program, by their place
        assert all(f.basis == "doubtful" and f.severity == "warning" for f in judged)
        assert not [f for f in report.findings if f.severity == "error"]


def test_without_the_note_the_labels_are_taken_as_written():
    G = _sample("batumandi.yaml")
    settings = config.default_settings().override(ignore=[RULE])
    rules = [f.rule for f in engine.check_graph(G, settings).findings]
    assert rules.count("level-inversion") == 5 and rules.count("level-skip") == 4


@pytest.mark.parametrize("name", ["clean.yaml", "praya.yaml", "pujon.yaml", "pino-raya.yaml", "sokaraja.yaml"])
def test_samples_whose_labels_follow_their_tree_raise_nothing(name):
    assert run_rule(RULE, _sample(name)) == []


def test_the_index_and_a_renderer_read_the_same_structure():
    """One analysis: the Index's reading (for the rules) is structure.graph_levels (for renderers, evaluation)."""
    G = _sample("batumandi.yaml")
    ctx = context(RULE, G)
    options = config.default_settings().setting(RULE).options
    reading = graph_levels(G, min_inverted=options["min-inverted"], min_share=options["min-inverted-share"])
    assert ctx.index.doubtful_levels == reading.doubtful == frozenset(BATUMANDI_DOUBTFUL)
    # the place in the tree: Tahap 1, Tahap 2, kondisi antara utama, kondisi antara, kondisi operasional
    assert [reading.implied[n] for n in ("1", "1.1", "1.1.1", "1.1.1.1", "1.1.1.1.1")] == [
        "ultimate_outcome",
        "intermediate_outcome",
        "immediate_outcome",
        "output",
        "process",
    ]
    assert reading.judged("1.1.2") == "immediate_outcome" and reading.judged("1.1.2.1") is None


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    ((node, key, args),) = as_data(run_rule(RULE, documented(RULE)))
    assert (node, key) == (None, "default")
    assert args == {
        "count": 4,
        "goals": 5,
        "inverted": 2,
        "example": "Meningkatnya layanan administrasi sesuai standar",
        "example_level": "output",
        "example_place": "immediate_outcome",
        "readings": [
            ["1.1", "output", "immediate_outcome"],
            ["1.1.1", "immediate_outcome", "output"],
            ["1.2", "output", "immediate_outcome"],
            ["1.2.1", "immediate_outcome", "output"],
        ],
    }


@pytest.mark.parametrize("name", ["pujon.yaml", "batumandi.yaml"])
def test_the_index_reads_the_goals_alone_among_indicators_without_a_goal(name):
    """Pujon holds indicators without a goal: the Index reads the structure over every node, such an indicator
    as a goal without a label and without links, and so reads what graph_levels reads over the goals alone."""
    G = _sample(name)
    loose = [n for n, d in G.nodes(data=True) if d["kind"] == "indicator"]
    assert bool(loose) == (name == "pujon.yaml")
    levels = config.default_settings().levels
    for min_inverted, min_share in ((2, 0.05), (0, 0.0)):
        reading = context(RULE, G).index.read_levels(levels, min_inverted, min_share)
        assert reading == graph_levels(G, min_inverted=min_inverted, min_share=min_share)
        assert not set(loose) & (set(reading.implied) | set(reading.contradicted))
