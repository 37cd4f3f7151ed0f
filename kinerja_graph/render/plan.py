"""Which goals go into which picture: the whole cascade, a subtree (--root/--depth), or a split.

This is the split of the HTML report's on-screen diagram. `kinerja render` prints pages instead
(render/pages.py), split by what prints, not by a count of goals; both select with `select`.

A split (--split, or automatic above `auto_split_goals` in rules/render.yaml) draws an overview of
the top goals and their children (for a standard cascade: the ultimate outcome and its
intermediate outcomes), and one picture per child that has goals under it. A branch that is still
too big is split the same way, down to `MAX_SPLIT_LEVELS` levels. Goals no branch reaches (inside a
cycle) and indicators without a goal go into one more picture, "other". Every goal and every
indicator without a goal is drawn in at least one picture.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field

import networkx as nx

from kinerja_graph.render.errors import RenderError
from kinerja_graph.render.style import Style

MAX_SPLIT_LEVELS = 3  # overview, branch, sub-branch, sub-sub-branch: a cascade has five levels
DRAWABLE = ("goal", "indicator")


@dataclass
class Part:
    """One picture: the nodes it draws (document order) and what it is."""

    key: str  # "" for the main picture, else the suffix of its file name
    nodes: list[str]
    kind: str  # "whole", "subtree", "overview", "branch" or "rest"
    focus: str | None = None  # the goal at the top of a subtree or branch
    depth: int | None = None
    links: dict[str, str] = field(default_factory=dict)  # node -> key of the part that continues below it
    # printed pages (render/pages.py): the page's number, how many there are, and on which page each
    # goal is drawn (shared by every page of one drawing), for the "continued on page" references
    number: int = 0
    total: int = 0
    home: dict[str, int] | None = None


@dataclass
class Plan:
    parts: list[Part]
    split: bool = False  # drawn in several pictures
    automatic: bool = False  # ...because the picture would have been too big
    total: int = 0  # nodes the single picture would have held


class _Tree:
    """Contribution children of every goal, in document order, computed once."""

    def __init__(self, G: nx.DiGraph):
        self.G = G
        self.order = {n: d["order"] for n, d in G.nodes(data=True) if d["kind"] in DRAWABLE}
        self.kids: dict[str, list[str]] = {n: [] for n in self.order}
        self.has_parent: set[str] = set()
        for u, v, d in G.edges(data=True):
            if d.get("kind") == "contribution":
                self.kids[u].append(v)
                self.has_parent.add(v)
        for vs in self.kids.values():
            if len(vs) > 1:
                vs.sort(key=self.order.__getitem__)

    def sort(self, nodes) -> list[str]:
        return sorted(nodes, key=self.order.__getitem__)

    def below(self, start: list[str], within: set[str] | None = None, depth: int | None = None) -> set[str]:
        """`start` and every goal under it (breadth first, at most `depth` steps), inside `within`."""
        seen = set(start)
        queue = deque((n, 0) for n in start)
        while queue:
            n, d = queue.popleft()
            if depth is not None and d >= depth:
                continue
            for v in self.kids.get(n, ()):
                if v not in seen and (within is None or v in within):
                    seen.add(v)
                    queue.append((v, d + 1))
        return seen

    def tops(self, nodes: set[str]) -> list[str]:
        """The goals of `nodes` that contribute to no goal of `nodes` (no parent inside it)."""
        inner = set()
        for n in nodes:
            for v in self.kids.get(n, ()):
                if v in nodes:
                    inner.add(v)
        return self.sort(n for n in nodes if n not in inner and self.G.nodes[n]["kind"] == "goal")


def slug(node_id: str) -> str:
    """A file-name-safe form of a goal id ("1.2" -> "1.2", "../x y" -> "x_y")."""
    s = re.sub(r"[^A-Za-z0-9._-]+", "_", str(node_id)).strip("._-")
    return s[:60] or "part"


def plan(
    G: nx.DiGraph,
    style: Style,
    lang: str = "id",
    *,
    root: str | None = None,
    depth: int | None = None,
    split: bool | None = None,
    limit: int | None = None,
) -> Plan:
    """Decide the pictures. `split`: True forces a split, False forbids it, None splits above `limit`."""
    limit = style.auto_split_goals if limit is None else limit
    tree = _Tree(G)
    nodes, start, kind = _select(G, tree, style, lang, root, depth)
    whole = Part("", nodes, kind, focus=root, depth=depth)
    if split is False or (split is None and len(nodes) <= limit):
        return Plan([whole], total=len(nodes))
    keys = {""}
    node_set = set(nodes)
    start = start if start is not None else tree.tops(node_set)
    parts = _split(tree, nodes, node_set, start, "", keys, limit, level=0, focus=root)
    if len(parts) == 1:
        return Plan([whole], total=len(nodes))
    return Plan(parts, split=True, automatic=split is None, total=len(nodes))


def select(G: nx.DiGraph, style: Style, lang: str = "id", *, root=None, depth=None) -> list[str]:
    """The goals (and indicators without a goal) --root and --depth select, in document order."""
    return _select(G, _Tree(G), style, lang, root, depth)[0]


def _select(G, tree: _Tree, style: Style, lang: str, root, depth):
    if root is not None:
        if root not in tree.order:
            raise RenderError(style.t("err_root", lang, root=root))
        return tree.sort(tree.below([root], depth=depth)), [root], "subtree"
    if depth is not None:
        start = tree.sort(n for n in tree.order if n not in tree.has_parent and G.nodes[n]["kind"] == "goal")
        return tree.sort(tree.below(start, depth=depth)), start, "subtree"
    return tree.sort(tree.order), None, "whole"


def _unique(key: str, keys: set[str]) -> str:
    candidate, n = key, 1
    while candidate in keys:
        n += 1
        candidate = f"{key}-{n}"
    keys.add(candidate)
    return candidate


def _split(
    tree: _Tree,
    nodes: list[str],
    node_set: set[str],
    start: list[str],
    key: str,
    keys: set[str],
    limit: int,
    level: int,
    focus: str | None,
) -> list[Part]:
    if not start:
        return [Part(key, nodes, "rest" if level == 0 else "branch", focus=focus)]
    top = list(start)
    seen = set(top)
    children = []
    for s in start:
        for c in tree.kids.get(s, ()):
            if c in node_set and c not in seen:
                seen.add(c)
                children.append(c)
    top = tree.sort(seen)
    overview = Part(key, top, "overview" if level == 0 and focus is None else "branch", focus=focus)
    parts = [overview]
    covered = set(top)
    for c in children:
        sub = tree.below([c], within=node_set)
        if len(sub) == 1:
            continue
        ckey = _unique(slug(c), keys)
        overview.links[c] = ckey
        sub_nodes = tree.sort(sub)
        if len(sub) > limit and level + 1 < MAX_SPLIT_LEVELS:
            parts.extend(_split(tree, sub_nodes, sub, [c], ckey, keys, limit, level + 1, focus=c))
        else:
            parts.append(Part(ckey, sub_nodes, "branch", focus=c))
        covered |= sub
    rest = [n for n in nodes if n not in covered]
    if rest:
        parts.append(Part(_unique("other", keys), rest, "rest"))
    return parts
