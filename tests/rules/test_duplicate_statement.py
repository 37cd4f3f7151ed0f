"""duplicate-statement: the same statement (case, spacing, punctuation aside) on several goals."""

from helpers import SAMPLES, as_data, cascade_from_yaml, documented, run_rule

from kinerja_graph.checks._index import index
from kinerja_graph.checks.duplicate_statement import _linked, normalised_texts, text_vocabulary
from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "duplicate-statement"
HEAD = "organisation: {name: Kecamatan Uji, type: kecamatan}\nnodes:\n"


def test_one_finding_per_group_on_the_first_goal():
    found = run_rule(
        RULE,
        HEAD
        + """\
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya aparatur desa berkinerja baik, level: immediate outcome}
  - {id: "1.2", parent: "1", statement: Meningkatnya disiplin ASN, level: immediate outcome}
  - {id: "1.1.1", parent: "1.1", statement: Reward dan punishment, level: output}
  - {id: "1.2.1", parent: "1.2", statement: "  REWARD dan Punishment. ", level: output}
  - {id: "1.2.2", parent: "1.2", statement: "Reward, dan punishment", level: output}
""",
    )
    assert len(found) == 1
    f = found[0]
    assert (f.node, f.related) == ("1.1.1", ("1.2.1", "1.2.2"))
    assert render(f, "id") == (
        'Pernyataan "Reward dan punishment" ditulis sama pada 3 kinerja (1.1.1, 1.2.1, 1.2.2); '
        "rumusannya perlu dibedakan, atau kinerja tersebut digabungkan menjadi satu"
    )
    assert f.severity == "warning" and f.area == "redundancy" and f.line == 6


def test_distinct_statements_pass():
    assert (
        run_rule(
            RULE,
            HEAD
            + """\
  - {id: "1", statement: Terfasilitasinya pengelolaan keuangan desa, level: output}
  - {id: "2", statement: Terfasilitasinya penyusunan peraturan desa, level: output}
""",
        )
        == []
    )


def test_a_restating_child_with_the_same_indicators_is_left_to_restated_child():
    text = (
        HEAD
        + """\
  - id: "1"
    statement: Meningkatnya kualitas perencanaan kinerja
    level: immediate outcome
    indicators: [{name: Nilai AKIP}]
  - id: "1.1"
    parent: "1"
    statement: Meningkatnya Kualitas Perencanaan Kinerja
    level: output
    indicators: [{name: "nilai AKIP"}]
"""
    )
    assert run_rule(RULE, text) == []
    assert [f.node for f in run_rule("restated-child", text)] == ["1.1"]


def test_a_child_with_the_parents_statement_but_other_indicators_is_a_duplicate():
    found = run_rule(
        RULE,
        HEAD
        + """\
  - id: "1"
    statement: Meningkatnya kualitas penyediaan jasa penunjang
    level: immediate outcome
    indicators: [{name: Nilai AKIP}]
  - id: "1.1"
    parent: "1"
    statement: Meningkatnya kualitas penyediaan jasa penunjang
    level: output
    indicators: [{name: Tidak adanya tunggakan jasa penunjang}]
""",
    )
    assert [(f.node, f.related) for f in found] == [("1", ("1.1",))]


def test_indicators_without_a_goal_have_no_statement_to_repeat():
    assert (
        run_rule(
            RULE,
            HEAD
            + """\
  - {id: "1", indicators: [{name: Jumlah laporan}]}
  - {id: "2", indicators: [{name: Jumlah laporan}]}
""",
        )
        == []
    )


def test_pujon_parallel_village_clerks_and_a_copied_parent():
    found = run_rule(RULE, build_graph(load(str(SAMPLES / "pujon.yaml"))))
    assert [(f.node, f.related) for f in found] == [
        ("1.1.3", ("1.1.3.1",)),
        ("4", ("7", "10")),
        ("5", ("8", "11")),
        ("6", ("9", "12")),
    ]


def test_pino_raya_and_praya():
    found = run_rule(RULE, build_graph(load(str(SAMPLES / "pino-raya.yaml"))))
    assert [(f.node, f.related) for f in found] == [("1d", ("1.5",))]  # 1a = 1.1 is restated-child's
    found = run_rule(RULE, build_graph(load(str(SAMPLES / "praya.yaml"))))
    assert [(f.node, f.related) for f in found] == [("1.2.3.1.2", ("1.4.4.1.4",))]


def test_clean_sample_passes():
    assert run_rule(RULE, build_graph(load(str(SAMPLES / "clean.yaml")))) == []


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    found = run_rule(RULE, documented(RULE))
    assert as_data(found) == [("1.1.1", "default", {"statement": "Reward dan punishment", "count": 2})]
    assert found[0].related == ("1.2.1",)  # the message lists the finding's nodes: its own and the related ones
    assert "(1.1.1, 1.2.1)" in render(found[0], "en")


def _first_pairs(ix):
    """(positions of every repeated statement's members, where each statement's members start), as the rule
    finds them."""
    tv = text_vocabulary({})  # (the statements are plain: normalised alike by any vocabulary)
    found = ix.node_groups(("kind", "statement")).repeats(normalised_texts(ix.group_statements(goals=True), tv))
    return found.positions, found.starts[:-1]


def test_the_links_tell_which_first_pairs_may_be_parent_and_child():
    """_linked, over the link arrays, is True for every statement whose first two members a contribution link joins
    (either way round, as the rule asks of the parents' dict) and False for every other, a goal of several parents
    aside (then looked up)."""
    text = (
        HEAD
        + """\
  - {id: "1", statement: Tujuan, level: intermediate outcome}
  - {id: "2", statement: Tujuan lain, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Tujuan, level: immediate outcome}
  - {id: "1.2", parent: "1", statement: Sasaran, level: immediate outcome}
  - {id: "2.1", parent: "2", statement: Sasaran, level: immediate outcome}
  - {id: "1.2.1", parent: ["1.2", "2.1"], statement: Kegiatan, level: output}
  - {id: "2.1.1", parent: "2.1", statement: Kegiatan, level: output}
  - {id: "2.1.2", parent: "2.1", statement: Sasaran, level: output}
  - {id: "1.1.1", parent: "1.1", statement: Tujuan lain, level: output}
"""
    )
    cascades = [load(str(path)) for path in sorted(SAMPLES.iterdir()) if path.suffix in (".yaml", ".csv", ".xlsx")]
    for cascade in [*cascades, cascade_from_yaml(text)]:
        for indexed in (True, False):
            ix = index(build_graph(cascade, indexed=indexed))
            positions, firsts = _first_pairs(ix)
            ids, parents = ix.ids(), ix.parents
            linked = _linked(ix, positions, firsts)
            several = {n for n, above in parents.items() if len(above) > 1}
            for at, maybe in zip(firsts, linked, strict=True):
                a, b = ids[positions[at]], ids[positions[at + 1]]
                joined = a in parents[b] or b in parents[a]
                assert maybe == joined or (maybe and {a, b} & several), (cascade.file, a, b)
