"""duplicate-statement: the same statement (case, spacing, punctuation aside) on several goals."""

from helpers import SAMPLES, as_data, documented, run_rule

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
