"""One builder: a Cascade becomes a networkx DiGraph.

Nodes
    Goals (``kind="goal"``) keyed by their id, with ``statement``, ``level``, ``tier``, ``rank``,
    ``owner``, ``indicators``, ``location`` and the model object as ``node``.
    Indicators without a goal (``kind="indicator"``) keyed by their id, same attributes.
    Other bodies named by crosscutting links (``kind="crosscutting"``), keyed ``"crosscutting:NAME"``.
Edges
    ``kind="contribution"``: parent -> child, i.e. the child contributes to the parent. Roots have
    no incoming contribution edge; ``nx.descendants(G, n)`` is the subtree under n.
    ``kind="crosscutting"``: goal -> other body.
    The contribution edges of one graph share one attribute dict: read edges, do not write to them
    (networkx's add_edge on an edge that exists updates its dict in place).
A parent id that names no node is kept as the goal's ``missing_parents`` attribute, for the checker.
Graph attributes: ``organisation``, ``period``, ``file``, ``cascade``; when the checker runs, the
engine adds ``cascades``: every cascade read in the same run, by organisation key (for crosscutting
references into other organisations' cascades).
"""

from __future__ import annotations

import networkx as nx

from kinerja_graph import policy
from kinerja_graph.model import Cascade, keeping_hashes

CROSSCUTTING_PREFIX = "crosscutting:"
# where a graph built with indexed=True keeps the columns its build read (build_graph; checks/_index.py)
INDEXED_COLUMNS = "_kinerja_columns"


def crosscutting_key(name: str) -> str:
    return CROSSCUTTING_PREFIX + name


class _NodeAttributes:
    """Makes a graph node's attribute dict: an instance's __dict__, given the attributes in one order.

    The dicts of the instances of one class share one table of keys and hold only their values: the
    node's dict is a plain dict (read, written, copied and compared as any other), of 160 bytes rather than
    the 464 of a dict written out with the same eleven keys (a 10^5-goal graph: 40 MB less). The instance
    is dropped once its dict is taken; a key added to one dict gives that dict a table of its own."""

    # (annotations only, for the type checker: the keys, in their order)
    kind: str
    order: int
    statement: str | None
    level: str | None
    tier: int | None
    rank: int | None
    owner: str | None
    indicators: list
    location: object
    missing_parents: list
    node: object


def build_graph(cascade: Cascade, *, indexed: bool = False) -> nx.DiGraph:
    """The graph of `cascade`.

    `indexed`: the graph also keeps, as INDEXED_COLUMNS, the columns its build read from every node (the
    goals, the fields the rules ask about, the links), so that the checker's Index is made from them
    without reading 10^5 node dicts again (kinerja_graph/checks/_index.py). Only for a graph checked as
    built: the Index would not see a change made to the graph in between."""
    levels = policy.levels()
    places: dict[str | None, tuple] = {lv.id: (lv.tier, lv.rank) for lv in levels.levels}
    no_place = (None, None)
    G = nx.DiGraph(organisation=cascade.organisation, period=cascade.years, file=cascade.file, cascade=cascade)
    # The graph's own dicts are filled directly (networkx's adjacency: G._node, G._succ, G._pred), as
    # add_nodes_from and add_edges_from would fill them but without copying every attribute dict twice:
    # a 10^5-node cascade builds in a fraction of the time. Edges get a dict each, shared by _succ and _pred.
    node_data, succ, pred = G._node, G._succ, G._pred
    for by_id in (node_data, succ, pred):
        keeping_hashes(by_id)  # (each key's hash kept beside it: see keeping_hashes)
    place_of = places.get
    goal_nodes = []
    # what the Index reads of each node (see `indexed`), in document order: the fields its
    # groupings read (kind, statement, level, owner, tier), a row per node; the others (order, rank,
    # missing_parents, indicators, node) as columns, a list each (node: the cascade's list of nodes itself);
    # each goal's position
    rows: list = []
    orders: list = []
    ranks: list = []
    missing: list = []
    indicator_lists: list = []
    position: dict = keeping_hashes()
    add_row, add_order, add_rank = rows.append, orders.append, ranks.append
    add_missing, add_indicators = missing.append, indicator_lists.append
    nodes = cascade.nodes
    new_attributes = object.__new__
    # At 10^6 nodes every look-up in a dict of all of them misses the processor's caches (about half of the
    # build's time), so each is made once: a goal's incoming edges are kept beside it (goal_preds), a parent is
    # found by one look-up in `position` (which holds the goals only), its outgoing edges then by its position,
    # and the goals with crosscutting links are noted as they are met.
    goal_preds: list = []  # each goal's incoming edges (its G._pred dict), beside goal_nodes
    goal_orders: list = []  # each goal's position in `nodes`, beside goal_nodes
    outgoing: list = []  # each node's outgoing edges (its G._succ dict), by position in `nodes`
    ids: list = []  # each node's id, by position in `nodes`
    linked: list = []  # the goals with crosscutting links
    add_outgoing, add_id = outgoing.append, ids.append
    # what the Index's `nodes` and `indicators` hold, made here while each node's objects are at hand: the (id, data)
    # pairs, every indicator (node after node) and how many each node holds (`odd`: a node whose indicators are not
    # a list, which the Index reads itself)
    pairs: list = []
    indicator_objects: list = []
    indicator_counts: list = []
    add_pair, add_objects, add_count = pairs.append, indicator_objects.extend, indicator_counts.append
    odd = False
    for order, node in enumerate(nodes):
        node_id, level, statement, owner, indicators = node.id, node.level, node.statement, node.owner, node.indicators
        incoming: dict = {}
        # Node.is_goal, without its call: a statement that is not all blanks
        if statement and (not statement.isspace() if type(statement) is str else node.is_goal):
            kind = "goal"
            goal_nodes.append(node)
            goal_preds.append(incoming)
            goal_orders.append(order)
            position[node_id] = order
            if node.crosscutting:
                linked.append(node)
        else:
            kind = "indicator"
        tier, rank = place_of(level, no_place)  # (None is no level's id)
        missing_parents: list = []
        attributes = new_attributes(_NodeAttributes)  # (its __dict__ is the node's dict: see _NodeAttributes)
        attributes.kind = kind
        attributes.order = order
        attributes.statement = statement
        attributes.level = level
        attributes.tier = tier
        attributes.rank = rank
        attributes.owner = owner
        attributes.indicators = indicators
        attributes.location = node.location
        attributes.missing_parents = missing_parents
        attributes.node = node
        data = attributes.__dict__
        add_row((kind, statement, level, owner, tier))
        add_order(order)
        add_rank(rank)
        add_missing(missing_parents)
        add_indicators(indicators)
        add_pair((node_id, data))
        if type(indicators) is list:
            add_count(len(indicators))
            add_objects(indicators)
        else:
            odd = True
        # (an id given twice, which the loaders never give: the later attributes win, in the first's place)
        node_data[node_id] = data
        below: dict = {}
        succ[node_id] = below
        pred[node_id] = incoming
        add_outgoing(below)
        add_id(node_id)
    bodies: dict[str, dict] = {}
    once = len(node_data) == len(nodes)  # every id given once
    plain = indexed and once  # (an id given twice: the Index reads the graph itself)
    # every contribution edge's attributes: one dict for all of them (10^5 edges, one small dict each
    # otherwise); edges are read, never written, once the graph is built (see _edge)
    contribution = {"kind": "contribution"}
    several = False  # whether some goal has several parent goals
    aboves: list = []  # each goal's parent goals (the Index's parents), beside goal_nodes
    linking = False  # whether some contribution edge is made
    add_above = aboves.append
    # the contribution links as positions in `nodes` (the Index's links(): parents, children), child after child
    # in document order and each child's parents in the order of its parents in the Index (by position), made
    # here where each parent's position is found anyway, instead of by a look-up of each parent in `position`
    link_parents: list = []
    link_children: list = []
    add_link_parent, add_link_child = link_parents.append, link_children.append
    if once:
        find_goal = position.get  # (a goal's position: the nodes that are not goals have none)
        for node, incoming, at_child in zip(goal_nodes, goal_preds, goal_orders):
            child = node.id
            above: list | None = None
            for parent in node.parents:
                at = find_goal(parent)
                if at is not None:
                    below = outgoing[at]
                    if child not in below:  # (a parent given twice: one edge)
                        below[child] = incoming[parent] = contribution
                        linking = True
                        add_link_parent(at)
                        add_link_child(at_child)
                        if above is None:
                            above = [parent]
                        else:
                            above.append(parent)
                            several = True
                            count = len(above)  # this child's parents in the Index's order: by position
                            link_parents[-count:] = sorted(link_parents[-count:])
                else:
                    node_data[child]["missing_parents"].append(parent)
            add_above(above or ())
    else:  # an id given twice: the goals are the nodes whose id is a goal's last
        goal_nodes = [node for node in nodes if node_data[node.id]["kind"] == "goal"]
        for node in goal_nodes:
            child = node.id
            for parent in node.parents:
                if parent in node_data and node_data[parent]["kind"] == "goal":
                    below = succ[parent]
                    if child not in below:  # (a parent given twice: one edge)
                        below[child] = pred[child][parent] = contribution
                        linking = True
                else:
                    node_data[child]["missing_parents"].append(parent)
        linked = [node for node in goal_nodes if node.crosscutting]
    edge_kinds = {"contribution"} if linking else set()
    for node in linked:  # (after every contribution edge, as before: the edges keep their order)
        for link in node.crosscutting:
            key = crosscutting_key(str(link))
            if key not in bodies:
                bodies[key] = {"kind": "crosscutting", "name": link.target, "ref": link}
                if key not in node_data:
                    node_data[key] = {"order": len(node_data), **bodies[key]}
                    succ[key] = {}
                    pred[key] = {}
                else:
                    plain = False  # a body named as a node is: its edges are not the usual ones
            _edge(succ, pred, node.id, key, "crosscutting")
            edge_kinds.add("crosscutting")
    if plain:
        parents_of = keeping_hashes()
        parents_of.update(zip(position, aboves))  # goal -> the goals it contributes to (the Index's parents)
        if several:
            for above in parents_of.values():
                if len(above) > 1:
                    above.sort(key=position.__getitem__)
        G.__dict__[INDEXED_COLUMNS] = {
            "position": position,
            "parents": parents_of,
            "edge kinds": frozenset(edge_kinds),
            "others": [(key, node_data[key]) for key in bodies],
            "rows": rows,
            "ids": ids,
            "goal positions": goal_orders,
            "links": (link_parents, link_children),
            "pairs": pairs,  # (id, data) of the cascade's nodes: the first entries of G._node (the bodies follow)
            "indicator objects": None if odd else (indicator_objects, indicator_counts),
            # the columns of order, rank, missing_parents, indicators and node (the cascade's own list: read only)
            "extras": (orders, ranks, missing, indicator_lists, nodes),
        }
    return G


def _edge(succ: dict, pred: dict, u: str, v: str, kind: str) -> None:
    """The edge u -> v as add_edge makes it (given again: its kind updated, in a dict of its own, as the
    contribution edges share theirs)."""
    succ[u][v] = pred[v][u] = {"kind": kind}


def goals(G: nx.DiGraph):
    """The goal nodes, in document order."""
    return (n for n, d in G.nodes(data=True) if d["kind"] == "goal")


def children(G: nx.DiGraph, n):
    """The goals contributing to n, in document order."""
    kids = [v for v in G.successors(n) if G.edges[n, v]["kind"] == "contribution"]
    return sorted(kids, key=lambda v: G.nodes[v]["order"])


def parents(G: nx.DiGraph, n):
    return [u for u in G.predecessors(n) if G.edges[u, n]["kind"] == "contribution"]


def roots(G: nx.DiGraph):
    """Goals that contribute to no other goal (the top goals, and orphans)."""
    return [n for n in goals(G) if not parents(G, n) and not G.nodes[n]["missing_parents"]]


def leaves(G: nx.DiGraph):
    return [n for n in goals(G) if not children(G, n)]
