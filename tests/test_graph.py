"""The graph builder: goals, contribution and crosscutting edges, dangling parents kept."""

from helpers import graph_from_yaml

from kinerja_graph import graph as g

DOC = """
organisation: {name: Kecamatan Uji, type: kecamatan}
period: [2023, 2024]
nodes:
  - {id: t, statement: Meningkatnya kinerja, level: tujuan, owner: Camat}
  - {id: s1, parent: t, statement: Meningkatnya layanan, level: sasaran strategis, owner: Camat,
     crosscutting: [BKPSDM, "satpol#3"]}
  - {id: s2, parent: t, statement: Terwujudnya ketertiban, level: sasaran strategis, crosscutting: [BKPSDM]}
  - {id: p1, parent: [s1, s2], statement: Meningkatnya tata kelola, level: sasaran program}
  - {id: o1, parent: ghost, statement: Tersusunnya SOP, level: output}
  - {id: i1, owner: Bendahara, indicators: [{name: Jumlah laporan keuangan}]}
"""


def test_nodes_and_attributes():
    G = graph_from_yaml(DOC)
    assert G.nodes["t"]["kind"] == "goal" and G.nodes["t"]["level"] == "ultimate_outcome"
    assert (
        G.nodes["t"]["tier"] == "strategic"
        and G.nodes["p1"]["tier"] == "tactical"
        and G.nodes["o1"]["tier"] == "operational"
    )
    assert G.nodes["t"]["owner"] == "Camat"
    assert G.nodes["i1"]["kind"] == "indicator" and G.nodes["i1"]["indicators"][0].name == "Jumlah laporan keuangan"
    assert G.graph["organisation"].name == "Kecamatan Uji" and G.graph["period"] == [2023, 2024]


def test_contribution_edges_run_parent_to_child_and_allow_several_parents():
    G = graph_from_yaml(DOC)
    contribution = {(u, v) for u, v, k in G.edges(data="kind") if k == "contribution"}
    assert contribution == {("t", "s1"), ("t", "s2"), ("s1", "p1"), ("s2", "p1")}
    assert g.children(G, "t") == ["s1", "s2"]
    assert sorted(g.parents(G, "p1")) == ["s1", "s2"]


def test_crosscutting_bodies_are_nodes_of_their_own_kind():
    G = graph_from_yaml(DOC)
    bodies = {n: d for n, d in G.nodes(data=True) if d["kind"] == "crosscutting"}
    assert set(bodies) == {"crosscutting:BKPSDM", "crosscutting:satpol#3"}
    assert bodies["crosscutting:satpol#3"]["ref"].node == "3"
    assert {u for u, v, k in G.edges(data="kind") if k == "crosscutting" and v == "crosscutting:BKPSDM"} == {"s1", "s2"}


def test_dangling_parent_is_kept_as_an_attribute_not_an_edge():
    G = graph_from_yaml(DOC)
    assert G.nodes["o1"]["missing_parents"] == ["ghost"]
    assert "ghost" not in G
    assert g.roots(G) == ["t"]
    assert set(g.leaves(G)) == {"p1", "o1"}


def test_a_crosscutting_link_onto_a_child_goal_changes_that_edge_alone():
    """The contribution edges share one attribute dict: an edge made again as crosscutting (a goal whose id is a
    crosscutting body's key, linked from its parent) gets a dict of its own, and every other edge stays a
    contribution."""
    from kinerja_graph.model import Cascade, Crosscut, Node, Organisation

    nodes = [
        Node("a", "Tujuan", "ultimate_outcome", crosscutting=[Crosscut("X")]),
        Node("crosscutting:X", "Sasaran", "intermediate_outcome", parents=["a"]),
        Node("b", "Sasaran B", "intermediate_outcome", parents=["a"]),
        Node("c", "Program C", "immediate_outcome", parents=["b"]),
    ]
    G = g.build_graph(Cascade(Organisation("Uji"), nodes))
    assert dict(((u, v), k) for u, v, k in G.edges(data="kind")) == {
        ("a", "crosscutting:X"): "crosscutting",
        ("a", "b"): "contribution",
        ("b", "c"): "contribution",
    }
    assert G.pred["crosscutting:X"]["a"] is G.succ["a"]["crosscutting:X"]


def test_the_dicts_of_all_ids_keep_each_keys_hash_and_are_dicts_as_any_other():
    """model.keeping_hashes: the graph's own dicts (and the readers' dicts of ids) keep each key's hash beside it,
    which in CPython makes an entry 8 bytes larger; keys, order, equality and copies are those of a plain dict."""
    import sys

    from kinerja_graph.model import keeping_hashes

    ids = [f"1.{i}" for i in range(200)]
    kept, plain = keeping_hashes(), {}
    assert keeping_hashes(kept) is kept and kept == {} and not kept
    for number, node_id in enumerate(ids):
        kept[node_id] = plain[node_id] = number
    assert kept == plain and list(kept.items()) == list(plain.items()) and kept.copy() == plain
    assert repr(kept) == repr(plain) and len(kept) == 200
    if sys.implementation.name == "cpython":  # the point of it: hashes in the table, so a larger table
        assert sys.getsizeof(kept) > sys.getsizeof(plain)
    G = graph_from_yaml(DOC)
    if sys.implementation.name == "cpython":
        for by_id in (G._node, G._succ, G._pred):
            assert sys.getsizeof(by_id) > sys.getsizeof(dict(by_id.items()))  # (dict(by_id) is a copy as it is)
    assert list(G.nodes) == ["t", "s1", "s2", "p1", "o1", "i1", "crosscutting:BKPSDM", "crosscutting:satpol#3"]
