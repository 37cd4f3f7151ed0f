"""Stable identities of findings and nodes, for SARIF, baselines and diffs.

A fingerprint must survive the edits a planning team makes every day: rows reordered, lines shifted by
an edit elsewhere, goals renumbered ("1.3" becoming "1.4"), an Excel workbook re-sorted (whose ids
are outline numbers rebuilt from the row order). So it is built from what a goal *says*, never from
where it stands or what it is numbered.

Node identity
    goal                   "g:" + the normalised statement (text.normalise: lower case, accents and
                           punctuation dropped, spaces collapsed)
    indicator without goal "i:" + the normalised names of its indicators, joined with "|"
    crosscutting body      "x:" + the normalised link as written ("satpol pp", "bkpsdm#1 2")
    anything else          "id:" + the id (a parent id that names no node, a node with no text)

Finding key, in this order (scheme "kinerja/v1"):
    1. the rule id;
    2. the organisation key (Organisation.key: its id, else its name), normalised;
    3. the anchor: the node identity of the finding's node; for a finding about several nodes
       (``related`` not empty: a duplicated indicator, several top goals, a parent and its only
       child) the smallest and the largest identity of the whole group (for two nodes: both), so
       that the key does not depend on which member happens to come first in the file, and a group
       of three or more keeps its key when any member but those two is fixed or added;
    4. the focus: for a finding about one indicator of its node (its location is that indicator's,
       not the node's), the normalised indicator name; else empty;
    5. the shape: "one" for a finding about its node alone, "group" for a group finding.
    Findings of one file with equal keys are numbered in document order; the k-th (k >= 2) gets
    "#k" appended. The fingerprint is the first 32 hex digits of SHA-256 of the parts joined by U+001F.

Consequences: the file name, line, row, cell, node id and the message wording are not part of a
fingerprint, so it survives renumbering, re-sorting, a renamed file and a reworded message. A finding
whose goal statement or indicator name is rewritten gets a new fingerprint. For those edits a baseline
(kinerja_graph/baseline.py) falls back on two looser keys, used only for what the exact fingerprint
left unmatched:

    loose   the key without the focus: the finding is still on that goal, its indicator was renamed;
    by_id   node ids instead of node identities, without the focus: the goal kept its id, its
            statement was edited (and maybe its indicator renamed).

Only a goal renumbered *and* reworded in one change loses its findings' identity; `kinerja diff`
(kinerja_graph/diff.py), which sees both versions, matches goals across such edits itself.
"""

from __future__ import annotations

import hashlib
import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, compress, repeat

import networkx as nx
import numpy

from kinerja_graph import policy
from kinerja_graph.findings import Finding, sorted_findings
from kinerja_graph.gcpause import gc_paused
from kinerja_graph.similarity import remembered_normalised_texts
from kinerja_graph.text import normalise

SCHEME = "kinerja/v1"
PATH_SEPARATOR = " › "
_SEP = "\x1f"
_RULE = operator.attrgetter("rule")
_NODE = operator.attrgetter("node")
_RELATED = operator.attrgetter("related")


def _norm(text: object) -> str:
    if text is None:
        return ""
    found = _NORMALISED.get(text) if type(text) is str else None
    if found is None:
        s = normalise(str(text))
        found = s or " ".join(str(text).split())
        if type(text) is str:
            if len(_NORMALISED) >= 200_000:
                _NORMALISED.clear()
            _NORMALISED[text] = found
    return found


_NORMALISED: dict[str, str] = {}  # text -> _norm(text): statements and indicator names repeat

# a plain ASCII text byte by byte: letters in lower case, digits kept, NUL kept (it separates texts read as
# one), anything else a space: the words text.normalise keeps, found without a regular expression
_ASCII_WORDS = bytes(
    0 if c == 0 else ord(chr(c).lower()) if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256)
)


def _norm_all(texts: Iterable[str]) -> None:
    """_norm() of many texts at once, remembered (a cascade's 10^5 statements: the plain ASCII ones, nearly
    all, read as one text, not one normalise() call each)."""
    new = [t for t in set(texts) if t not in _NORMALISED]
    if len(_NORMALISED) + len(new) >= 200_000:
        _NORMALISED.clear()
    plain = [t for t in new if t.isascii() and "\0" not in t]
    if plain:
        pieces = "\0".join(plain).encode("ascii").translate(_ASCII_WORDS).decode("ascii").split("\0")
        normalised = list(map(" ".join, map(str.split, pieces)))
        _NORMALISED.update(zip(plain, normalised, strict=True))
        if "" in normalised:  # a text of no word at all: as _norm() keeps it
            for text, found in zip(plain, normalised, strict=True):
                if not found:
                    _NORMALISED[text] = " ".join(text.split())
    if len(plain) < len(new):
        for text in new:
            if text not in _NORMALISED:
                _norm(text)


def node_identity(G: nx.DiGraph | None, n: str | None) -> str:
    """What node `n` is, independent of its id and place (see the module docstring)."""
    if n is None:
        return ""
    d = G._node.get(n) if G is not None else None  # networkx's own dict: no view object per node (10^5 nodes)
    if d is None:
        return f"id:{n}"
    kind = d.get("kind")
    if kind == "crosscutting":
        return f"x:{_norm(str(d.get('ref') or d.get('name') or n))}"
    statement = d.get("statement")
    if kind == "goal" and statement and statement.strip():
        return f"g:{_norm(statement)}"
    names = [_norm(getattr(i, "name", "")) for i in d.get("indicators") or ()]
    names = [x for x in names if x]
    if names:
        return "i:" + "|".join(names)
    return f"id:{n}"


def focus(G: nx.DiGraph | None, f: Finding) -> str:
    """The normalised name of the indicator a finding is about, when its location says so; else ""."""
    if G is None or f.node is None or f.location is None:
        return ""
    try:
        d = G._node.get(f.node)  # networkx's own dict: no view object per finding
    except TypeError:  # not a node id at all
        return ""
    if d is None:
        return ""
    if f.location == d.get("location"):
        return ""
    for indicator in d.get("indicators") or ():
        if getattr(indicator, "location", None) == f.location:
            return _norm(indicator.name)
    return ""


def organisation_key(G: nx.DiGraph | None) -> str:
    org = G.graph.get("organisation") if G is not None else None
    return _norm(getattr(org, "key", None) or "")


def _anchor(values: list[str]) -> str:
    return f"{min(values)}{_SEP}{max(values)}" if values else ""


class _Identities(dict):
    """Node identities of one graph, each computed once (a group finding may name a thousand nodes)."""

    def __init__(self, G: nx.DiGraph | None) -> None:
        super().__init__()
        self.G = G
        self._groups: dict[int, tuple[tuple, str, str]] = {}  # id(related) -> (related, least, greatest identity)

    def __missing__(self, n):
        value = self[n] = node_identity(self.G, n)
        return value

    def fill(self) -> _Identities:
        """Every node's identity at once (node_identity of each): a report of 10^4 findings names nearly
        every node of its cascade. The goals' statements are normalised together."""
        G = self.G
        if G is None:
            return self
        goals = {
            n: statement
            for n, d in G._node.items()
            if d.get("kind") == "goal" and (statement := d.get("statement")) and type(statement) is str
        }
        texts = set(goals.values())
        _norm_all(texts)
        # one identity per distinct statement, shared by the goals that state it (None: node_identity's)
        of_text = dict(zip(texts, map(_goal_identity, texts)))
        self.update(zip(goals.keys(), map(of_text.__getitem__, goals.values())))
        for n in [n for n, identity in self.items() if identity is None] + [n for n in G._node if n not in self]:
            self[n] = node_identity(G, n)
        return self

    def extremes(self, related: tuple[str, ...]) -> tuple[str, str] | None:
        """The least and the greatest identity of a non-empty tuple of nodes, found once per tuple (the findings
        of one group may carry the same tuple of related nodes); None when one of them is None."""
        found = self._groups.get(id(related))
        if found is None or found[0] is not related:
            if None in related:
                return None
            members = list(map(self.__getitem__, related))  # __missing__ only for a node not seen before
            found = self._groups[id(related)] = (related, min(members), max(members))
        return found[1], found[2]


class _GroupIdentities(_Identities):
    """The node identities for the keys of many findings of a checked graph, read per group of its Index (its nodes
    grouped by kind and statement, a grouping the rules made already): each distinct statement normalised once, a
    goal's identity its group's. The findings' own nodes get theirs at once, and so do the group findings' least
    and greatest identities, over whole columns: every member's position, its group's rank (the groups'
    identities in sorted order), the least and greatest rank of each finding's members. A capped SARIF log of a
    10^6-goal cascade keys group findings of 3.7 million members in all: no identity is looked up or compared per
    member, and no dict of every node's identity is made."""

    def __init__(self, G: nx.DiGraph, built, findings: list[Finding]) -> None:
        super().__init__(G)
        groups = built.node_groups(("kind", "statement"))
        # each group's goal identity without its "g:" (None: node_identity's), and those in sorted order (their
        # order is the identities' order)
        per_group = _group_statements(G, built, groups)
        ordered = sorted(x for x in set(per_group) if x is not None)
        rank: dict[str | None, int] = dict(zip(ordered, range(len(ordered))))
        rank[None] = -1
        of = numpy.append(numpy.asarray(groups.of, numpy.intp), len(per_group))  # position -> group; then none's
        per_group.append(None)
        # the rank of each position's identity (-1: node_identity's), the last one for a node that is no goal
        ranks = numpy.fromiter(map(rank.__getitem__, per_group), numpy.intp, len(per_group))[of]
        position, none = built.position_of(), len(of) - 1  # goal -> its position in the Index
        try:
            nodes = list(map(_NODE, findings))
            at = numpy.fromiter(map(position.get, nodes, repeat(none)), numpy.intp, len(nodes))
            self.update(
                (n, None if x is None else "g:" + x) for n, x in zip(nodes, map(per_group.__getitem__, of[at].tolist()))
            )
            for n in [n for n, identity in self.items() if identity is None]:
                self[n] = node_identity(G, n)
            related = list(filter(None, map(_RELATED, findings)))
            members = list(chain.from_iterable(related))
            at = _positions(position, members, none)
        except TypeError:  # a node id that is not hashable: each identity found when asked for
            return
        if not related:
            return
        starts = numpy.cumsum([0, *map(len, related[:-1])])
        ranked = ranks[at]
        unranked = numpy.flatnonzero(ranked < 0)  # members that are no goal of the Index (or state nothing)
        least = numpy.minimum.reduceat(numpy.where(ranked < 0, len(ordered), ranked), starts).tolist()
        greatest = numpy.maximum.reduceat(ranked, starts).tolist()
        others: dict[int, list] = {}  # finding -> its members without a rank, whose identities are found one by one
        for k, i in zip((numpy.searchsorted(starts, unranked, "right") - 1).tolist(), unranked.tolist()):
            others.setdefault(k, []).append(members[i])
        found = {}
        for k, (r, lo, hi) in enumerate(zip(related, least, greatest)):
            extra = others.get(k)
            if extra is None:
                found[id(r)] = (r, "g:" + ordered[lo], "g:" + ordered[hi])
            elif None not in extra:  # (a None among them: left to extremes())
                identities = list(map(self.__getitem__, extra))
                if hi >= 0:
                    identities += ("g:" + ordered[lo], "g:" + ordered[hi])
                found[id(r)] = (r, min(identities), max(identities))
        self._groups.update(found)


def _group_statements(G: nx.DiGraph, built, groups) -> list[str | None]:
    """For each (kind, statement) group of the Index `built`, the normalised statement of its goals as their node
    identity has it (_norm: text.normalise, else the statement's words as they are), None for a group of no goal or
    of a blank or non-text statement (node_identity's own). duplicate-statement normalised these statements while
    checking `G` (similarity.normalised_texts, the same text.normalise); they are read from its memo when it still
    holds them, else normalised here."""
    kinds, statements = built.values("kind"), built.values("statement")
    firsts = groups.first
    texts = [
        s if k == "goal" else None for s, k in zip(map(statements.__getitem__, firsts), map(kinds.__getitem__, firsts))
    ]
    normalised: Sequence[str | None] | None = remembered_normalised_texts(texts, G)
    if normalised is None:
        _norm_all(t for t in texts if type(t) is str)
        # (None: let go by the memo, or no text)
        normalised = [_NORMALISED.get(t) if type(t) is str else None for t in texts]
    return [
        (n or " ".join(t.split())) if type(t) is str and n is not None and t.strip() else None
        for t, n in zip(texts, normalised)
    ]


ADDRESSES_FROM = 1000  # keys (beyond a tenth of the dict's) from which _positions finds them by their addresses


def _positions(position: dict, keys: list, none: int) -> numpy.ndarray:
    """[position.get(k, none) for k in keys] as an array. The keys of a group finding are the very id objects the
    Index holds (the rules name nodes by them), so they are found by their addresses among those of the Index's
    ids, in sorted order, without reading each one's hash and probing the dict: at 10^6 goals, 3.7 million members
    each a read of its own far apart in memory. A key that is not one of those objects (an equal text made anew,
    an id the Index does not hold) is looked up in the dict as before."""
    if not position or len(keys) < len(position) // 10 + ADDRESSES_FROM:  # few: sorting the addresses costs more
        return numpy.fromiter(map(position.get, keys, repeat(none)), numpy.intp, len(keys))
    ids = numpy.fromiter(map(id, position), numpy.uintp, len(position))
    order = numpy.argsort(ids)
    ids = ids[order]
    values = numpy.fromiter(position.values(), numpy.intp, len(position))[order]
    wanted = numpy.fromiter(map(id, keys), numpy.uintp, len(keys))
    where = numpy.minimum(numpy.searchsorted(ids, wanted), len(ids) - 1)
    found = ids[where] == wanted
    at = numpy.where(found, values[where], none)
    others = numpy.flatnonzero(~found).tolist()
    if others:
        at[others] = numpy.fromiter(
            map(position.get, map(keys.__getitem__, others), repeat(none)), numpy.intp, len(others)
        )
    return at


def _goal_identity(statement: str) -> str | None:
    """node_identity of a goal stating `statement`, once _norm_all() has normalised it; None: node_identity's
    own (a blank statement, or one the memo let go)."""
    found = _NORMALISED.get(statement)
    return f"g:{found}" if found is not None and statement.strip() else None


FILL_FROM = 1000  # findings from which a report's node identities are all found at once (_Identities.fill)


def _identities(G: nx.DiGraph | None, findings: list[Finding]) -> _Identities:
    """The node identities for the keys of `findings`: all at once for many findings (per group of the checked
    graph's Index when it keeps one)."""
    if len(findings) < FILL_FROM or G is None:
        return _Identities(G)
    from kinerja_graph.checks import _index

    built = _index.cached(G)  # index(G) of a graph that was not checked would build one
    return _Identities(G).fill() if built is None else _GroupIdentities(G, built, findings)


def finding_key(G: nx.DiGraph | None, f: Finding, org: str | None = None, identities=None) -> tuple[str, ...]:
    """The parts of a finding's fingerprint before numbering (see the module docstring)."""
    org = organisation_key(G) if org is None else org
    ident = identities if identities is not None else _Identities(G)
    if f.related:
        extremes = ident.extremes(f.related) if isinstance(ident, _Identities) else None
        if extremes is not None:
            least, greatest = extremes
            if f.node is not None:
                node = ident[f.node]
                least, greatest = min(least, node), max(greatest, node)
            return (SCHEME, f.rule, org, f"{least}{_SEP}{greatest}", "", "group")
        members = [ident[x] for x in (f.node, *f.related) if x is not None]
        return (SCHEME, f.rule, org, _anchor(members), "", "group")
    return (SCHEME, f.rule, org, ident[f.node] if f.node is not None else "", focus(G, f), "one")


def fallback_keys(
    G: nx.DiGraph | None, f: Finding, org: str | None = None, exact: tuple | None = None, identities=None
) -> tuple[tuple, tuple]:
    """The looser keys of a finding (see the module docstring): (without the focus, by node id)."""
    exact = exact if exact is not None else finding_key(G, f, org, identities)
    loose = (*exact[:4], "", exact[5])
    if f.related:
        ids = [f"id:{x}" for x in (f.node, *f.related) if x is not None]
        by_id = (*exact[:3], _anchor(ids), "", "group")
    else:
        by_id = (*exact[:3], f"id:{f.node}" if f.node is not None else "", "", "one")
    return loose, by_id


def _digest(parts: Iterable[str]) -> str:
    return hashlib.sha256(_SEP.join(parts).encode("utf-8")).hexdigest()[:32]


def _numbered(keys: Iterable[tuple]) -> list[str]:
    seen: dict[tuple, int] = {}
    out = []
    for key in keys:
        k = seen[key] = seen.get(key, 0) + 1
        out.append(_digest(key if k == 1 else (*key, f"#{k}")))
    return out


@dataclass(frozen=True)
class Keys:
    """A finding's fingerprint and its two fallback keys (hashed like the fingerprint, never numbered)."""

    fingerprint: str
    loose: str
    by_id: str


# ------------------------------------------------------------------------------------------------
# node paths, for SARIF logical locations and reports


def _first_parent(G: nx.DiGraph, n: str) -> str | None:
    best = None
    nodes = G._node  # networkx's own dicts behind G.nodes and G.pred: no view object per look
    for u, attr in G._pred[n].items():
        if attr.get("kind") != "contribution":
            continue
        if best is None or nodes[u].get("order", 0) < nodes[best].get("order", 0):
            best = u
    return best


def segment(G: nx.DiGraph | None, n: str, lang: str = "id") -> str:
    """One step of a node path: "Sasaran Strategis 1.2" (the planning name of its level and its id)."""
    d = G._node.get(n) if G is not None else None
    if d is None:
        return str(n)
    if d.get("kind") == "crosscutting":
        return str(d.get("ref") or d.get("name") or n)
    name = _planning_name(d.get("level"), lang)
    return f"{name} {n}" if name else str(n)


def _planning_name(level_id: object, lang: str) -> str | None:
    """The planning name of a level in a node path ("Sasaran Strategis"), None when it has none."""
    level = policy.levels().by_id(level_id)  # type: ignore[arg-type]
    name = (level.planning.get(lang) or level.planning.get("id")) if level is not None and level.planning else None
    if name and lang == "en":
        name = name.split(" (")[0]  # "Strategic objective (sasaran strategis)" -> "Strategic objective"
    return name


class Paths:
    """Node paths from the top goal down, memoised per graph: ["Tujuan 1", "Sasaran Strategis 1.2", ...]."""

    def __init__(self, G: nx.DiGraph | None, lang: str = "id") -> None:
        self.G = G
        self.lang = lang
        self._ids: dict[str, tuple[str, ...]] = {}
        self._paths: dict[str, str] = {}
        self._segments: dict[str, str] = {}
        self._names: dict[object, str | None] = {}  # level id -> its planning name (_planning_name)
        self.related: dict[tuple, dict] = {}  # what a report makes once per node (SARIF: a related location)
        self.texts: dict[str, str] = {}  # the same, as text (SARIF: a node's logical location as JSON)

    def ids(self, n: str) -> tuple[str, ...]:
        """The ids from the top goal to n, following each node's first parent in document order."""
        G = self.G
        if G is None or n not in G:
            return (str(n),)
        if n in self._ids:
            return self._ids[n]
        chain = [n]
        seen = {n}
        cur = n
        while True:
            if cur in self._ids and cur != n:
                chain.pop()
                path = (*self._ids[cur], *reversed(chain))
                break
            parent = _first_parent(G, cur)
            if parent is None or parent in seen:  # a root, or a cycle (reported by its own rule)
                path = tuple(reversed(chain))
                break
            seen.add(parent)
            chain.append(parent)
            cur = parent
        self._ids[n] = path
        return path

    def path(self, n: str | None) -> str:
        if n is None:
            return ""
        found = self._paths.get(n)
        if found is None:
            found = self._paths[n] = PATH_SEPARATOR.join(self.segment(x) for x in self.ids(n))
        return found

    def segment(self, n: str) -> str:
        """segment(G, n, lang), each level's planning name looked up once."""
        found = self._segments.get(n)
        if found is None:
            d = self.G._node.get(n) if self.G is not None else None
            if d is None or d.get("kind") == "crosscutting":
                found = segment(self.G, n, self.lang)
            else:
                level = d.get("level")
                names = self._names
                if level not in names:
                    names[level] = _planning_name(level, self.lang)
                name = names[level]
                found = f"{name} {n}" if name else str(n)
            self._segments[n] = found
        return found


def graph_of(file_report) -> nx.DiGraph | None:
    """The graph a FileReport was checked on, when the engine kept it (FileReport.graph)."""
    return getattr(file_report, "graph", None)


def file_keys(file_report) -> dict[int, Keys]:
    """id(finding) -> Keys for every finding of one FileReport, silenced ones included.

    Findings and silenced findings are numbered together, in document order, so that silencing a
    finding (in the file, or through a baseline) never changes another finding's fingerprint.
    """
    with gc_paused():  # millions of live objects in a large cascade: the cyclic collector only slows this
        return _file_keys(file_report)


def _file_keys(file_report) -> dict[int, Keys]:
    G = graph_of(file_report)
    org = organisation_key(G)
    everything = _in_order(file_report)
    identities = _identities(G, everything)
    exact = [finding_key(G, f, org, identities) for f in everything]
    prints = _numbered(exact)
    out = {}
    for f, key, fp in zip(everything, exact, prints):
        loose, by_id = fallback_keys(G, f, org, key)
        out[id(f)] = Keys(fp, _digest(loose), _digest(by_id))
    return out


def file_fingerprints(file_report, wanted: set[int] | None = None) -> dict[int, str]:
    """id(finding) -> fingerprint for every finding of one FileReport, silenced ones included: the
    fingerprints of file_keys() alone (one digest per finding, not three). `wanted`: only the findings whose
    id() it holds (numbered among all of them all the same: a capped SARIF log writes only some)."""
    with gc_paused():
        G = graph_of(file_report)
        org = organisation_key(G)
        everything = _in_order(file_report)
        if wanted is None:
            identities = _identities(G, everything)
            return dict(zip(map(id, everything), _numbered(finding_key(G, f, org, identities) for f in everything)))
        # A finding's number counts the findings with its key before it, all of its rule (the key starts with
        # the rule): of each rule, only the findings up to its last wanted one need a key.
        rules = list(map(_RULE, everything))
        chosen = list(map(wanted.__contains__, map(id, everything)))
        last = dict(zip(compress(rules, chosen), compress(range(len(everything)), chosen)))  # the last one wins
        keyed = list(compress(everything, map(operator.le, range(len(everything)), map(last.get, rules, repeat(-1)))))
        identities = _identities(G, keyed)
        seen: dict[tuple, int] = {}
        out = {}
        for f in keyed:
            key = finding_key(G, f, org, identities)
            k = seen[key] = seen.get(key, 0) + 1
            if id(f) in wanted:
                out[id(f)] = _digest(key if k == 1 else (*key, f"#{k}"))
        return out


def _in_order(file_report) -> list[Finding]:
    """The findings and silenced findings of one FileReport, together in document order."""
    everything = list(file_report.findings)
    if file_report.silenced:  # the findings alone are in document order already
        everything += [s.finding for s in file_report.silenced]
        everything = sorted_findings(everything)  # (as a stable sort by Finding.sort_key, over columns when many)
    return everything
