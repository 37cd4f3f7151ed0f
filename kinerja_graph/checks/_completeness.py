"""Helpers shared by the structure, completeness and shape rules (not a rule: the registry skips
modules whose name starts with an underscore).

Quoting: a message names the offending text, shortened to QUOTE_LIMIT characters on one line.
Placeholders: "-", "n/a", "tidak ada" and the like count as empty (the list is each rule's option).
Absent everywhere: when *no* item of a cascade has a field (a drawn pohon kinerja carries no
formulas at all), the completeness rules say so once for the cascade instead of once per item.
"""

from __future__ import annotations

import collections
import functools
import itertools
import operator
import re
from dataclasses import dataclass, field

import networkx as nx

from kinerja_graph import policy
from kinerja_graph.text import normalise

QUOTE_LIMIT = 70
LIST_LIMIT = 3
_SPACE = re.compile(r"\s+")

# option schemas shared by several rules
PLACEHOLDERS_SCHEMA = {
    "description": "Texts that count as empty (compared ignoring case and surrounding spaces).",
    "type": "array", "items": {"type": "string"},
}
MIN_LENGTH_SCHEMA = {
    "description": "A text with fewer letters and digits than this counts as empty (\"s\" is not a data source).",
    "type": "integer", "minimum": 0,
}
SUMMARISE_SCHEMA = {
    "description": "When no item of the whole cascade has the field, report it once for the cascade instead of once per item.",
    "type": "boolean",
}


@functools.lru_cache(maxsize=None)
def level_ids() -> tuple[str, ...]:
    return tuple(level.id for level in policy.levels().levels)


def levels_schema(description: str) -> dict:
    return {"description": description, "type": "array", "items": {"enum": list(level_ids())}, "uniqueItems": True}


def quote(text: object, limit: int = QUOTE_LIMIT) -> str:
    """A user's text on one line, shortened: what a message quotes."""
    s = _SPACE.sub(" ", str(text or "")).strip()
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def quoted_list(texts, limit: int = LIST_LIMIT) -> str:
    """'"a", "b", "c" (+2)'."""
    texts = list(texts)
    shown = ", ".join(f'"{quote(t)}"' for t in texts[:limit])
    return shown + (f" (+{len(texts) - limit})" if len(texts) > limit else "")


def level_name(level_id: str | None, lang: str) -> str:
    level = policy.levels().by_id(level_id)
    if level is None:
        return "?" if level_id is None else str(level_id)
    return level.name[lang]


def label(data: dict) -> str:
    """What to call a node in a message: its statement, else its first indicator, else its id."""
    if data.get("statement"):
        return quote(data["statement"])
    indicators = data.get("indicators") or []
    if indicators:
        return quote(indicators[0].name)
    return quote(data.get("node").id if data.get("node") is not None else "?")


@dataclass(frozen=True)
class Index:
    """What the rules ask of a graph, computed in one linear pass and shared between rules.

    goals, loose   (id, data) of goals and of indicators without a goal, in document order
    nodes          both, in document order
    indicators     (node id, node data, indicator) for every indicator of both, in document order
    children       goal -> the goals contributing to it (contribution edges), in document order
    parents        goal -> the goals it contributes to, in document order
    edge_kinds     the kinds of all the graph's edges ("contribution", "crosscutting")
    backward       (parent, child) of the contribution links that go back up the graph's own order (from a
                   goal met after its child, or from a goal to itself): every circle holds one
    All read-only: rules share them. A goal without children (parents) maps to an empty tuple.

    Texts repeat massively in real cascades (standard wording, one formula on many rows), so what a
    rule decides from an indicator's own fields it decides once per distinct combination of them:
    see indicator_groups() and judged_indicators().
    """

    goals: list
    loose: list
    nodes: list
    indicators: list
    children: dict
    parents: dict
    edge_kinds: frozenset = frozenset()
    backward: list = field(default_factory=list)
    _memo: dict = field(default_factory=dict, repr=False, compare=False)  # columns and groups, built on demand

    def shared(self, key: str, compute):
        """compute(), once per graph: what several rules derive alike from the graph (read-only)."""
        memo_key = ("shared", key)
        if memo_key not in self._memo:
            self._memo[memo_key] = compute()
        return self._memo[memo_key]

    def having(self, attribute: str) -> list:
        """(id, data) of the nodes (goals and indicators without a goal) whose model, data["node"], holds
        something in `attribute` ("crosscutting" links, "ignore" silences), in document order: few nodes
        do. The usual attributes are looked up together, in one pass over the models."""
        key = ("having", attribute)
        found = self._memo.get(key)
        if found is None:
            attributes = _MODEL_LISTS if attribute in _MODEL_LISTS else (attribute,)
            lists = {name: [] for name in attributes}
            for nd in self.nodes:
                model = nd[1].get("node")
                for name in attributes:
                    if getattr(model, name, None):
                        lists[name].append(nd)
            for name, nodes in lists.items():
                self._memo["having", name] = nodes
            found = self._memo[key]
        return found

    def indicator_groups(self, fields: tuple[str, ...]) -> "Grouping":
        """The indicators grouped by equal values of every one of `fields` (see Grouping).

        A field is an Indicator attribute ("name", "unit", "formula", ...), or "targets": the same
        years with the very same Target objects (the loaders share one Target per distinct text; an
        identity test, because comparing Target dataclasses would cost more than it saves), or
        "target_units": the same set of units written in the targets, or "first_target_unit": the same
        unit written in the earliest target that has one. Texts that are not strings (a hand-built
        model) are never grouped with anything.
        """
        return self._grouping(("indicators", fields), [self._column(f) for f in fields])

    def node_groups(self, fields: tuple[str, ...]) -> "Grouping":
        """The nodes (goals and indicators without a goal, by position in `nodes`) grouped by equal values of
        every one of `fields`, keys of the node data ("kind", "statement", "owner", ...): see Grouping. As
        in indicator_groups(), values that are neither texts nor None are never grouped with anything."""
        return self._grouping(("nodes", fields), [self._node_column(f) for f in fields])

    def _grouping(self, key: tuple, columns: list) -> "Grouping":
        grouping = self._memo.get(key)
        if grouping is None:
            numbers = columns[0] if len(columns) == 1 else _numbered(list(zip(*columns)))
            grouping = self._memo[key] = Grouping(numbers)
        return grouping

    def _node_column(self, name: str) -> list:
        """One field of every node's data, in document order, as small integers (see _column)."""
        key = ("node column", name)
        column = self._memo.get(key)
        if column is None:
            fields = _NODE_FIELDS if name in _NODE_FIELDS else (name,)
            rows = [tuple(map(d.get, fields)) for _, d in self.nodes]
            columns = list(zip(*rows)) or [()] * len(fields)
            for field_name, values in zip(fields, columns):
                self._memo["node column", field_name] = _numbered(_apart(values))
            column = self._memo[key]
        return column

    def _column(self, name: str) -> list:
        """One field of every indicator, in document order, as small integers: equal values, equal numbers
        (comparing numbers is cheaper than comparing again the same texts held by different objects).
        Values that are neither texts nor None (a hand-built model) get a number of their own: 1 == 1.0 ==
        True, yet they read differently. The usual fields are read together, in one pass."""
        key = ("column", name)
        column = self._memo.get(key)
        if column is not None:
            return column
        if name in _TARGET_FIELDS:  # derived from the targets: computed once per distinct set of targets
            targets = self._column("targets")
            derive = _TARGET_FIELDS[name]
            derived = _numbered([derive(t) if type(t) is dict else object() for t in self._memo["distinct targets"]])
            column = self._memo[key] = [derived[i] for i in targets]
            return column
        fields = _INDICATOR_FIELDS if name in _INDICATOR_FIELDS else (name,)
        rows = map(operator.attrgetter(*fields), (indicator for _, _, indicator in self.indicators))
        columns = (list(zip(*rows)) or [()] * len(fields)) if len(fields) > 1 else [list(rows)]
        for field_name, values in zip(fields, columns):
            if field_name == "targets":
                # the years, then the identities of their Target objects: one flat tuple per indicator
                column = _numbered([(*t, *map(id, t.values())) if type(t) is dict else object() for t in values])
                representative = dict(zip(column, values))  # equal numbers, equal targets: any one will do
                self._memo["distinct targets"] = [representative[i] for i in range(len(representative))]
            else:
                column = _numbered(_apart(values))
            self._memo["column", field_name] = column
        return self._memo[key]


class Grouping:
    """Indicators (or nodes) that agree on some fields, in groups numbered in order of first occurrence.

    of      the number of the group of each indicator (by its position in Index.indicators; of each node,
            by its position in Index.nodes)
    first   the position of the first member of each group (by group number)
    Texts repeat massively in real cascades: a few hundred groups may hold 10^5 indicators.
    """

    __slots__ = ("of", "first")

    def __init__(self, of: list[int]) -> None:
        self.of = of
        # walked backwards, so that the last position written for a group is its smallest
        smallest = dict(zip(reversed(of), range(len(of) - 1, -1, -1)))
        self.first = [smallest[number] for number in range(len(smallest))]

    def __len__(self) -> int:
        return len(self.first)

    def positions(self, chosen: list[bool]) -> list[int]:
        """The positions of the members of the groups chosen (chosen[number]), in document order."""
        return [position for position, number in enumerate(self.of) if chosen[number]]

    def members(self, labels: list) -> dict:
        """{label: the positions of the members of the groups so labelled, in document order} for the groups
        whose label (labels[number]) is not None, labels in order of first occurrence."""
        out: dict = {}
        for position, number in enumerate(self.of):
            label = labels[number]
            if label is not None:
                found = out.get(label)
                if found is None:
                    out[label] = [position]
                else:
                    found.append(position)
        return out

    def sizes(self) -> list[int]:
        """How many members each group holds (by group number)."""
        counts = collections.Counter(self.of)
        return [counts[number] for number in range(len(self.first))]

    def repeated(self, keys: list) -> list:
        """keys (one per group, "" for none), with None wherever a key's groups hold one member in all:
        the labels to give `members` to find what stands more than once."""
        per_key = collections.Counter()
        for key, size in zip(keys, self.sizes()):
            if key:
                per_key[key] += size
        return [key if key and per_key[key] > 1 else None for key in keys]


_INDICATOR_FIELDS = ("name", "unit", "formula", "source", "calculation", "polarity", "targets")  # read in one pass
# fields derived from an indicator's targets: name -> function of the targets dict
_TARGET_FIELDS = {
    "target_units": lambda targets: tuple(sorted({t.unit for t in targets.values() if t.unit})),
    "first_target_unit": lambda targets: next((targets[y].unit for y in sorted(targets) if targets[y].unit), None),
}
_NODE_FIELDS = ("kind", "statement", "level", "owner", "tier")  # read in one pass
_MODEL_LISTS = ("crosscutting", "ignore")  # lists of a node's model that Index.having() gathers
_TEXT_TYPES = frozenset({str, type(None)})  # what indicator_groups() and node_groups() group by


def _apart(values):
    """The values, with any that is neither a text nor None replaced by a value equal to no other."""
    if set(map(type, values)) <= _TEXT_TYPES:
        return values
    return [value if type(value) in _TEXT_TYPES else object() for value in values]


def _numbered(values: list) -> list[int]:
    """Each value replaced by the number of its first occurrence among the distinct values."""
    distinct: dict = {}
    return [distinct.setdefault(value, len(distinct)) for value in values]


_CACHE = "_kinerja_index"  # where a frozen graph keeps its Index: an attribute of the graph object
_NO_EDGES = ()


def index(G: nx.DiGraph) -> Index:
    """The Index of G; kept on the graph once it is frozen and so can no longer change."""
    cached = getattr(G, _CACHE, None)
    if cached is not None:
        return cached
    # G._node / G._pred are networkx's own dicts behind G.nodes / G.pred: the same data without the view
    # objects, which matters at 10^5 nodes.
    nodes, goals, loose, orders = [], [], [], []
    for nd in G._node.items():  # one pass: each node's data is looked at once
        d = nd[1]
        kind = d.get("kind")
        if kind == "goal":
            goals.append(nd)
        elif kind == "indicator":
            loose.append(nd)
        else:
            continue
        nodes.append(nd)
        orders.append(d.get("order", 0))
    in_order = all(map(operator.le, orders, itertools.islice(orders, 1, None)))
    if not in_order:
        nodes.sort(key=lambda nd: nd[1].get("order", 0))
        goals = [nd for nd in nodes if nd[1]["kind"] == "goal"]
        loose = [nd for nd in nodes if nd[1]["kind"] == "indicator"]
    children: dict = dict.fromkeys([n for n, _ in goals], _NO_EDGES)
    parents: dict = dict.fromkeys(children, _NO_EDGES)
    # One pass over every node's incoming edges: the contribution links between goals, and the kinds of
    # all edges. Goals come in insertion order, which is document order unless the graph was built
    # otherwise (then the lists are sorted below), so children are appended in document order.
    # A link from a goal met later in this pass (or a goal's link to itself) goes back up: every circle
    # holds one, so the cycle rule looks for circles around those links only.
    edge_kinds = set()
    several_parents = False
    met = set()
    backward = []
    for v, incoming in G._pred.items():
        found = []
        if incoming:
            is_goal = v in parents
            for u, attr in incoming.items():
                kind = attr.get("kind")
                if kind == "contribution" and is_goal and u in children:
                    found.append(u)
                else:
                    edge_kinds.add(kind)
        if found:
            edge_kinds.add("contribution")
            parents[v] = found
            several_parents = several_parents or len(found) > 1
            if not met.issuperset(found):
                backward += [(u, v) for u in found if u not in met]
            for u in found:
                if children[u]:
                    children[u].append(v)
                else:
                    children[u] = [v]
        met.add(v)
    if several_parents or not in_order:
        position = {n: i for i, (n, _) in enumerate(goals)}
        for links in itertools.chain(parents.values(), children.values() if not in_order else ()):
            if len(links) > 1:
                links.sort(key=position.__getitem__)
    indicators = [(n, d, indicator) for n, d in nodes for indicator in d.get("indicators") or ()]
    built = Index(goals, loose, nodes, indicators, children, parents, frozenset(edge_kinds), backward)
    if nx.is_frozen(G):
        setattr(G, _CACHE, built)
    return built


def judged_groups(G: nx.DiGraph, fields: tuple[str, ...], judge) -> tuple[Grouping, list]:
    """The indicators grouped by `fields` (Index.indicator_groups), and the verdict on each group: judge(the
    group's first indicator), by group number.

    Texts repeat massively in real cascades, so a rule decides what an indicator's own fields say once per
    distinct combination of them: judge must read nothing of the indicator but `fields`, and what it
    returns stands for every indicator of the group.
    """
    ix = index(G)
    grouping = ix.indicator_groups(fields)
    items = ix.indicators
    return grouping, [judge(items[position][2]) for position in grouping.first]


def judged_indicators(G: nx.DiGraph, fields: tuple[str, ...], judge):
    """(node id, node data, indicator, verdict) for every indicator judge() finds something on (a verdict
    that is not None), in document order; judge is asked once per group, as judged_groups() asks it."""
    grouping, verdicts = judged_groups(G, fields, judge)
    chosen = [verdict is not None for verdict in verdicts]
    if not any(chosen):
        return
    items = index(G).indicators
    of = grouping.of
    for position in grouping.positions(chosen):
        n, d, indicator = items[position]
        yield n, d, indicator, verdicts[of[position]]


def judged_nodes(G: nx.DiGraph, fields: tuple[str, ...], judge):
    """(node id, node data, verdict) for every node (goal or indicator without a goal) judge() finds
    something on, in document order: judge(node data) is asked once per group of nodes agreeing on
    `fields` (Index.node_groups), with the first node's data, and must read nothing else."""
    ix = index(G)
    grouping = ix.node_groups(fields)
    nodes = ix.nodes
    verdicts = [judge(nodes[position][1]) for position in grouping.first]
    chosen = [verdict is not None for verdict in verdicts]
    if not any(chosen):
        return
    of = grouping.of
    for position in grouping.positions(chosen):
        n, d = nodes[position]
        yield n, d, verdicts[of[position]]


def count_nodes(G: nx.DiGraph, fields: tuple[str, ...], test) -> int:
    """How many nodes pass test(node data), asked once per group, as judged_nodes() asks judge."""
    ix = index(G)
    grouping = ix.node_groups(fields)
    nodes = ix.nodes
    return sum(size for size, position in zip(grouping.sizes(), grouping.first) if test(nodes[position][1]))


def count_indicators(G: nx.DiGraph, fields: tuple[str, ...], test) -> int:
    """How many indicators pass test(indicator), asked once per group, as judged_groups() asks judge."""
    grouping, passed = judged_groups(G, fields, test)
    return sum(size for size, ok in zip(grouping.sizes(), passed) if ok)


def nodes_in_order(G: nx.DiGraph, kinds=("goal", "indicator")):
    """(id, data) of goal and loose-indicator nodes, in document order (a new list: yours to change)."""
    ix = index(G)
    if kinds == ("goal",):
        return list(ix.goals)
    if kinds == ("indicator",):
        return list(ix.loose)
    return list(ix.nodes)


def goals_in_order(G: nx.DiGraph):
    """(id, data) of the goals, in document order (a new list)."""
    return list(index(G).goals)


def indicators_in_order(G: nx.DiGraph):
    """(node id, node data, indicator) for every indicator, goals' and loose ones, in document order (a new list)."""
    return list(index(G).indicators)


def placeholder_set(options: dict) -> frozenset:
    return frozenset(str(p).strip().lower() for p in options.get("placeholders") or ())


def is_blank(value: str | None, placeholders: frozenset, min_length: int = 0, symbols_count: bool = False) -> bool:
    """Empty, a placeholder ("-", "n/a"), only punctuation, or shorter than min_length letters/digits.

    symbols_count: a text of symbols only is not blank (a unit of "%" is a unit).
    """
    if value is None:
        return True
    s = str(value).strip()
    if not s:
        return True
    if s.lower() in placeholders:
        return True
    if symbols_count:
        return False
    need = max(min_length, 1)
    count = 0
    for ch in s:  # stops as soon as enough letters and digits are seen
        if ch.isalnum():
            count += 1
            if count >= need:
                return False
    return True


def contribution_children(G: nx.DiGraph, n):
    """The goals contributing to n, in document order (read-only)."""
    return index(G).children.get(n, _NO_EDGES)


def contribution_parents(G: nx.DiGraph, n):
    """The goals n contributes to, in document order (read-only)."""
    return index(G).parents.get(n, _NO_EDGES)


def indicator_location(G: nx.DiGraph, n, indicator):
    """Where an indicator stands: its own row/line when known, else its goal's."""
    loc = getattr(indicator, "location", None)
    if loc is not None and loc.line is not None:
        return loc
    return G.nodes[n].get("location")


_PARENTHESES = re.compile(r"\([^()]*\)")


def _core(text: str) -> str:
    """A text for "does the formula only repeat the name?": normalised, abbreviations in brackets dropped."""
    return normalise(_PARENTHESES.sub(" ", str(text)))


def _ends(s: str) -> tuple[str, str]:
    """The first and the last letter or digit of s, lower case ("", "") when it has none."""
    i, j = 0, len(s) - 1
    while i <= j and not s[i].isalnum():
        i += 1
    while j >= i and not s[j].isalnum():
        j -= 1
    return (s[i].lower(), s[j].lower()) if i <= j else ("", "")


def same_text(a: str, b: str) -> bool:
    """Do a and b say the same words (case, accents, punctuation and bracketed abbreviations aside)?

    Plain ASCII texts without brackets that begin or end with different letters cannot be the same:
    that check costs next to nothing and spares normalising almost every formula ("… x 100%").
    """
    if a.isascii() and b.isascii() and "(" not in a and "(" not in b and _ends(a) != _ends(b):
        return False
    return _core(a) == _core(b)


def missing_field(rule, ctx, field: str):
    """Findings for indicators whose `field` (formula, source) is absent or a placeholder.

    Variants of rule.messages: "one" (absent), "placeholder" (written but empty in meaning), "same"
    (only repeats the indicator's name; used when the option same-as-name is true) and "none" (no
    indicator of the cascade has the field at all).
    """
    options = ctx.options
    placeholders = placeholder_set(options)
    min_length = int(options.get("min-length", 0) or 0)
    same_as_name = bool(options.get("same-as-name", False))
    need = max(min_length, 1)

    def judge(indicator):
        """The variant of message the indicator's field calls for, or None: decided by the field (and the
        name, with same-as-name) alone."""
        value = getattr(indicator, field)
        text = value.strip() if value is not None else ""
        if not text:
            return "one"
        if text.lower() in placeholders:
            return "placeholder"
        count = 0
        for ch in text:  # enough letters and digits? (stops as soon as there are)
            if ch.isalnum():
                count += 1
                if count >= need:
                    break
        else:
            return "placeholder"
        if same_as_name:
            name = indicator.name
            last_a, last_b = text[-1], name[-1:]
            if (last_a.isalnum() and last_b.isalnum() and last_a.lower() != last_b.lower()
                    and text.isascii() and name.isascii()):
                return None  # different last letters: cannot be the same words (the common case, cheaply)
            if same_text(text, name):
                return "same"
        return None

    fields = (field, "name") if same_as_name else (field,)
    lacking = list(judged_indicators(ctx.G, fields, judge))
    if not lacking:
        return
    total = len(index(ctx.G).indicators)
    if (options.get("summarise-absent", True) and total > 1
            and sum(1 for *_, variant in lacking if variant == "one") == total):
        yield ctx.finding(None, rule.messages["none"], count=total)
        return
    for n, _, indicator, variant in lacking:
        value = getattr(indicator, field)
        yield ctx.finding(n, rule.messages[variant], location=indicator_location(ctx.G, n, indicator),
                          indicator=quote(indicator.name), value=quote(value or "", 30))
