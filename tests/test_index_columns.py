"""The Index made from the columns a graph's build read (graph.build_graph(indexed=True)) is the Index made by
reading the graph's nodes and edges: the same nodes, links, fields and groupings."""

from pathlib import Path

import pytest
from helpers import cascade_from_yaml

from kinerja_graph.checks._index import index
from kinerja_graph.graph import INDEXED_COLUMNS, build_graph
from kinerja_graph.loaders import load
from kinerja_graph.model import Cascade, Crosscut, Indicator, Node, Organisation

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ("kind", "statement", "level", "owner", "tier", "order", "rank", "missing_parents", "indicators", "node")


def _shape(ix):
    return (
        ix.goals,
        ix.loose,
        ix.nodes,
        ix.parents,
        ix.edge_kinds,
        ix.indicators.objects,
        ix.indicators.owners,
        ix.others(),
        ix.position_of(),
        ix.links(),
        ix.backward,
        ix.children,
        ix.roots(),
        ix.child_counts(),
        [ix.values(name) for name in FIELDS],
        [ix.goal_values(name) for name in FIELDS],
        ix.node_groups(("statement",)).of,
        ix.node_groups(("kind", "statement", "owner")).of,
        ix.indicator_groups(("name", "unit")).of,
        ix.having("crosscutting"),
    )


def _both(cascade):
    """The Index made from the build's columns, and the one read from the graph (the graph is the same)."""
    G = build_graph(cascade, indexed=True)
    assert INDEXED_COLUMNS in G.__dict__
    from_columns = index(G)
    assert INDEXED_COLUMNS not in G.__dict__  # used once: a later Index reads the graph itself
    return from_columns, index(G)


def _node(node_id, statement=None, parents=(), level="output", **fields):
    return Node(node_id, statement, level if statement else None, None, list(parents), **fields)


CASES = {
    "several parents out of order, one given twice, a loop to itself": [
        _node("a", "Tujuan A", level="ultimate_outcome"),
        _node("b", "Sasaran B", ["c", "a", "a"], level="intermediate_outcome"),
        _node("c", "Sasaran C", ["a"], level="intermediate_outcome"),
        _node("d", "Program D", ["d", "ghost", "b"]),
        _node("e", None, ["a"], indicators=[Indicator("Jumlah laporan")]),
    ],
    "crosscutting links, one body named twice": [
        _node("a", "Tujuan A", crosscutting=[Crosscut("BKPSDM"), Crosscut("Satpol", "3")]),
        _node("b", "Sasaran B", ["a"], crosscutting=[Crosscut("BKPSDM")]),
    ],
    "a statement of blanks is no goal": [_node("a", "Tujuan"), _node("b", "   ", ["a"])],
    "no node": [],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_made_from_columns_as_read_from_the_graph(name):
    from_columns, from_graph = _both(Cascade(Organisation("Uji"), CASES[name]))
    assert _shape(from_columns) == _shape(from_graph)


@pytest.mark.parametrize("path", ["samples/praya.yaml", "samples/batumandi.csv", "samples/praya.xlsx"])
def test_samples(path):
    from_columns, from_graph = _both(load(str(ROOT / path)))
    assert _shape(from_columns) == _shape(from_graph)


def test_a_graph_whose_bodies_or_ids_are_not_the_usual_keeps_no_columns():
    # an id given twice; a goal whose id is a crosscutting body's key
    twice = Cascade(Organisation("Uji"), [_node("a", "Tujuan"), _node("a", "Tujuan lagi")])
    named = Cascade(
        Organisation("Uji"),
        [_node("a", "Tujuan", crosscutting=[Crosscut("X")]), _node("crosscutting:X", "Sasaran", ["a"])],
    )
    for cascade in (twice, named):
        assert INDEXED_COLUMNS not in build_graph(cascade, indexed=True).__dict__


def test_a_graph_built_without_the_flag_keeps_no_columns():
    cascade = cascade_from_yaml(
        'organisation: {name: Uji}\nnodes:\n  - {id: "1", statement: Meningkatnya kinerja, level: tujuan}\n'
    )
    assert INDEXED_COLUMNS not in build_graph(cascade).__dict__
