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
        ix.ids(),
        ix.goal_positions(),
        ix.backward,
        ix.children,
        ix.roots(),
        ix.child_counts(),
        [list(ix.values(name)) for name in FIELDS],  # (a tuple or a list: read-only sequences)
        [list(ix.goal_values(name)) for name in FIELDS],
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
    "three parents out of order, one an indicator without a goal": [
        _node("e", None, indicators=[Indicator("Jumlah laporan")]),
        _node("a", "Tujuan A", level="ultimate_outcome"),
        _node("b", "Sasaran B", ["a"], level="intermediate_outcome"),
        _node("c", "Sasaran C", ["a"], level="intermediate_outcome"),
        _node("d", "Program D", ["c", "e", "b", "a", "c"]),
        _node("f", "Program F", ["d", "b"]),
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


SHARED_TARGETS = """id,parent,level,statement,indicator,unit,calculation,target_2025,target_2026,target_2027
1,,Tujuan,Meningkatnya kinerja,Indeks kinerja,indeks,non-kumulatif,65,67,69
1.1,1,Sasaran Strategis,Meningkatnya layanan,Indeks layanan,indeks,non-kumulatif,65,67,69
1.1,1,Sasaran Strategis,Meningkatnya layanan,Jumlah layanan,layanan,kumulatif,4 layanan,4 layanan,4 layanan
1.2,1,Sasaran Strategis,Meningkatnya ketertiban,Jumlah patroli,kali,kumulatif,4 layanan,4 layanan,4 layanan
1.2,1,Sasaran Strategis,Meningkatnya ketertiban,Persentase pelanggaran,%,,65,67,69
1.2.1,1.2,Sasaran Program,Terlaksananya patroli,Jumlah patroli,kali,kumulatif,,,
1.2.1,1.2,Sasaran Program,Terlaksananya patroli,Jumlah laporan,dokumen,kumulatif,,,
"""


def test_indicators_sharing_a_targets_mapping_are_grouped_as_those_holding_copies():
    """A table's indicators with the same row of targets share one mapping; the Index numbers the mappings by
    identity first, and must group the indicators as it groups them when each holds a copy of its own."""
    import copy

    from kinerja_graph.loaders import load_data

    shared = load_data(SHARED_TARGETS, "shared.csv")
    apart = copy.deepcopy(shared)
    for node in apart.nodes:
        for indicator in node.indicators:
            indicator.targets = dict(indicator.targets)
    objects = [i.targets for n in shared.nodes for i in n.indicators]
    assert len(set(map(id, objects))) == 3 and len(objects) == 7  # the reading shares them
    fields = [("targets",), ("target_units",), ("first_target_unit",), ("written_units",), ("calculation", "targets")]
    grouped = [index(build_graph(cascade, indexed=True)) for cascade in (shared, apart)]
    for names in fields:
        assert grouped[0].indicator_groups(names).of == grouped[1].indicator_groups(names).of, names
    assert grouped[0].indicator_groups(("targets",)).of == [0, 0, 1, 1, 0, 2, 2]


@pytest.mark.parametrize("name", sorted(CASES))
def test_link_arrays_are_the_links_and_give_them(name):
    """Index.link_arrays() (the structure's reading, restated-child) holds links(), whichever is asked for first."""
    cascade = Cascade(Organisation("Uji"), CASES[name])
    first_links, first_arrays = (index(build_graph(cascade, indexed=True)) for _ in range(2))
    links = first_links.links()
    assert [column.tolist() for column in first_links.link_arrays()] == list(links)
    assert [column.tolist() for column in first_arrays.link_arrays()] == list(links)
    assert first_arrays.links() == links
