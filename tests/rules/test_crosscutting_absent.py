"""crosscutting-absent: a cascade without a single crosscutting link (LKE 1.b.9 scores it zero)."""

from helpers import SAMPLES, as_data, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "crosscutting-absent"
HEAD = "organisation: {name: Kecamatan Uji}\nnodes:\n"
TREE = """\
  - {id: "1", statement: Terwujudnya ketertiban umum, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Terkoordinasinya trantibum, level: immediate outcome%s}
"""


def test_a_cascade_without_links_is_reported_once_for_the_whole_cascade():
    found = run_rule(RULE, HEAD + TREE % "")
    assert len(found) == 1
    f = found[0]
    assert f.node is None and f.severity == "info" and f.lke == "1.b.9"
    assert render(f, "id").startswith(
        "Pohon kinerja Kecamatan Uji tidak memuat satu pun tautan crosscutting (2 kinerja)"
    )


def test_one_link_anywhere_is_enough():
    assert run_rule(RULE, HEAD + TREE % ", crosscutting: [Satpol PP]") == []


def test_tiny_fragments_are_not_judged():
    assert run_rule(RULE, HEAD + '  - {id: "1", statement: Terwujudnya ketertiban umum, level: output}\n') == []
    assert len(run_rule(RULE, HEAD + TREE % "", {"min-goals": 3})) == 0


def test_samples():
    for name, expected in (
        ("praya.yaml", 0),
        ("clean.yaml", 0),
        ("pujon.yaml", 1),
        ("pino-raya.yaml", 1),
        ("batumandi.yaml", 1),
        ("sokaraja.yaml", 1),
    ):
        assert len(run_rule(RULE, build_graph(load(str(SAMPLES / name))))) == expected, name


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [(None, "default", {"organisation": "Contoh", "count": 2})]
