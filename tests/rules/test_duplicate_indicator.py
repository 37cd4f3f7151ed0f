"""duplicate-indicator: the same indicator measuring several goals."""

from helpers import SAMPLES, as_data, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "duplicate-indicator"
HEAD = "organisation: {name: Kecamatan Uji}\nnodes:\n"


def test_the_same_indicator_on_a_goal_and_its_sub_goal():
    found = run_rule(
        RULE,
        HEAD
        + """\
  - id: "1"
    statement: Meningkatnya Indeks Reformasi Birokrasi
    level: ultimate outcome
    indicators: [{name: Indeks Kepuasan Masyarakat (IKM)}]
  - id: "1.1"
    parent: "1"
    statement: Meningkatnya kualitas pelayanan publik
    level: intermediate outcome
    indicators: [{name: "indeks kepuasan masyarakat  (IKM)"}]
""",
    )
    assert [(f.node, f.related) for f in found] == [("1", ("1.1",))]
    assert render(found[0], "en") == (
        'Indicator "Indeks Kepuasan Masyarakat (IKM)" measures 2 goals (1, 1.1); give '
        "each goal an indicator of its own contribution"
    )
    assert found[0].line == 6  # the indicator's own line


def test_an_indicator_listed_twice_on_one_goal():
    found = run_rule(
        RULE,
        HEAD
        + """\
  - id: "1"
    statement: Meningkatnya kualitas pelayanan publik
    level: intermediate outcome
    indicators: [{name: Indeks Kepuasan Masyarakat}, {name: Indeks kepuasan masyarakat}]
""",
    )
    assert [render(f, "id") for f in found] == [
        'Indikator "Indeks Kepuasan Masyarakat" ditulis 2 kali pada kinerja yang sama'
    ]


def test_different_indicators_pass_and_slips_are_near_duplicates_not_duplicates():
    assert (
        run_rule(
            RULE,
            HEAD
            + """\
  - {id: "1", statement: A, level: output, indicators: [{name: Jumlah dokumen perencanaan yang disusun}]}
  - {id: "2", statement: B, level: output, indicators: [{name: Jumlah dokumen pelaporan yang disusun}]}
  - {id: "3", statement: C, level: output, indicators: [{name: Jumlah dokumen perencanaan yang disusn}]}
""",
        )
        == []
    )


def test_samples():
    def nodes(name):
        return [(f.node, f.related) for f in run_rule(RULE, build_graph(load(str(SAMPLES / name))))]

    assert nodes("batumandi.yaml") == [("1", ("1.1",)), ("1.1.1", ("1.1.1.3",)), ("1.1.5", ("1.1.5.1",))]
    assert nodes("pino-raya.yaml") == [("1a", ("1b", "1c", "1d", "1.1"))]
    assert nodes("sokaraja.yaml") == [("1.1.1.4", ("1.1.1.4.2",))]
    assert nodes("pujon.yaml") == [("4", ("7", "10")), ("5", ("8", "11")), ("6", ("9", "12"))]
    assert nodes("clean.yaml") == []


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    found = run_rule(RULE, documented(RULE))
    assert as_data(found) == [("1", "many", {"indicator": "Indeks Kepuasan Masyarakat (IKM)", "count": 2})]
    assert found[0].related == ("1.1",) and "2 goals (1, 1.1)" in render(found[0], "en")
