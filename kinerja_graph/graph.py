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
A parent id that names no node is kept as the goal's ``missing_parents`` attribute, for the checker.
Graph attributes: ``organisation``, ``period``, ``file``, ``cascade``; when the checker runs, the
engine adds ``cascades``: every cascade read in the same run, by organisation key (for crosscutting
references into other organisations' cascades).
"""

from __future__ import annotations

import networkx as nx

from kinerja_graph import policy
from kinerja_graph.model import Cascade

CROSSCUTTING_PREFIX = "crosscutting:"


def crosscutting_key(name: str) -> str:
    return CROSSCUTTING_PREFIX + name


def build_graph(cascade: Cascade) -> nx.DiGraph:
    levels = policy.levels()
    by_level = {lv.id: lv for lv in levels.levels}
    G = nx.DiGraph(organisation=cascade.organisation, period=cascade.years, file=cascade.file, cascade=cascade)
    kinds = {}
    nodes = []
    for order, node in enumerate(cascade.nodes):  # bulk adds: a 10^5-node cascade builds in a blink
        level = by_level.get(node.level) if node.level is not None else None
        kind = kinds[node.id] = "goal" if node.is_goal else "indicator"
        nodes.append(
            (
                node.id,
                {
                    "kind": kind,
                    "order": order,
                    "statement": node.statement,
                    "level": node.level,
                    "tier": level.tier if level else None,
                    "rank": level.rank if level else None,
                    "owner": node.owner,
                    "indicators": node.indicators,
                    "location": node.location,
                    "missing_parents": [],
                    "node": node,
                },
            )
        )
    G.add_nodes_from(nodes)
    contribution, crosscutting, bodies = [], [], {}
    for node in cascade.nodes:
        if kinds[node.id] != "goal":
            continue
        for parent in node.parents:
            if kinds.get(parent) == "goal":
                contribution.append((parent, node.id))
            else:
                G.nodes[node.id]["missing_parents"].append(parent)
        for link in node.crosscutting:
            key = crosscutting_key(str(link))
            if key not in bodies:
                bodies[key] = {"kind": "crosscutting", "name": link.target, "ref": link}
            crosscutting.append((node.id, key))
    for key, attrs in bodies.items():
        if key not in G:
            G.add_node(key, order=len(G), **attrs)
    G.add_edges_from(contribution, kind="contribution")
    G.add_edges_from(crosscutting, kind="crosscutting")
    return G


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
