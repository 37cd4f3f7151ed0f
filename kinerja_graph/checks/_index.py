"""The Index: what the rules ask of a graph, computed in one linear pass and shared between rules (not a
rule: the registry skips modules whose name starts with an underscore).

Texts repeat massively in real cascades (standard wording, one formula on many rows): the Index numbers
the distinct texts once, so that a rule decides what it decides once per distinct text or combination of
texts (see kinerja_graph/checks/_judge.py), then spreads its verdicts over the items.
"""

from __future__ import annotations

import collections
import collections.abc
import itertools
import operator
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from typing import NamedTuple

import networkx as nx

from kinerja_graph import policy, structure
from kinerja_graph.graph import INDEXED_COLUMNS


@dataclass(frozen=True)
class Index:
    """What the rules ask of a graph, computed in one linear pass and shared between rules.

    goals, loose   (id, data) of goals and of indicators without a goal, in document order
    nodes          both, in document order
    indicators     (node id, node data, indicator) for every indicator of both, in document order (a
                   sequence that makes each triple when asked for)
    children       goal -> the goals contributing to it (contribution edges), in document order
    parents        goal -> the goals it contributes to, in document order
    edge_kinds     the kinds of all the graph's edges ("contribution", "crosscutting")
    backward       (parent, child) of the contribution links that go back up the graph's own order (from a
                   goal met after its child, or from a goal to itself): every circle holds one
    All read-only: rules share them. A goal without children (parents) maps to an empty tuple. children
    and backward are worked out from the links when first asked for.

    At 10^5 nodes what costs is looking at 10^5 dicts (and the texts they hold) again and again: the pass
    that builds the Index reads every field the rules ask about, once. values() and goal_values() give a
    field as a plain list, links() the contribution links as positions in `nodes`, child_counts() and
    kids() the children of goals by position: rules that scan every goal or every link work on these.

    Texts repeat massively in real cascades (standard wording, one formula on many rows), so what a
    rule decides from an indicator's own fields it decides once per distinct combination of them:
    see indicator_groups() and judged_indicators().
    """

    goals: list
    loose: list
    nodes: list
    indicators: _Indicators
    parents: dict
    edge_kinds: frozenset = frozenset()
    _memo: dict = field(default_factory=dict, repr=False, compare=False)  # columns and groups, built on demand

    @property
    def children(self) -> dict:
        """goal -> the goals contributing to it, in document order (built when first asked for: the rules
        that only count children use child_counts())."""
        found = self._memo.get("children")
        if found is None:
            found = self._memo["children"] = dict.fromkeys(self.parents, _NO_EDGES)
            ids = self.ids()
            for parent, kids in self.kids(None).items():
                found[ids[parent]] = [ids[kid] for kid in kids]
        return found

    def children_of(self, n) -> list | tuple:
        """children[n], read off n's own edges: for a rule that looks at the children of a few goals only."""
        found = self._memo.get("children")
        if found is not None:
            return found[n]
        parents = self.parents
        if n not in parents:
            raise KeyError(n)
        edges = self._memo["succ"][n].items()
        kids = [v for v, attr in edges if attr.get("kind") == "contribution" and v in parents]
        kids.sort(key=self._memo["position"].__getitem__)  # document order
        return kids or _NO_EDGES

    def kids(self, parents) -> dict:
        """{parent: its children} of the goals at these positions in `nodes` (all goals with None), as
        positions in `nodes`, parents in document order and each one's children too."""
        link_parents, link_children = self.links()
        out = collections.defaultdict(list)
        if parents is None:
            for parent, child in zip(link_parents, link_children):
                out[parent].append(child)
        else:
            wanted = set(parents)
            for link in compress(range(len(link_parents)), map(wanted.__contains__, link_parents)):
                out[link_parents[link]].append(link_children[link])
        return dict(sorted(out.items()))

    def child_counts(self) -> collections.Counter:
        """Position in `nodes` -> how many children the goal there has (goals without any left out)."""
        found = self._memo.get("child counts")
        if found is None:
            found = self._memo["child counts"] = collections.Counter(self.links()[0])
        return found

    def position_of(self) -> dict:
        """goal -> its position in `nodes` (read-only)."""
        return self._memo["position"]

    def goal_positions(self) -> list[int]:
        """The position in `nodes` of every goal, in the order of `goals`."""
        found = self._memo.get("goal positions")
        if found is None:
            found = self._memo["goal positions"] = list(self._memo["position"].values())
        return found

    @property
    def backward(self) -> list:
        """(parent, child) of the contribution links that go back up the graph's own order (from a goal met
        after its child, or from a goal to itself): every circle holds one. Goals are met in insertion
        order, the document's unless the graph was built otherwise."""
        found = self._memo.get("backward")
        if found is None:
            parents, children = self.links()  # positions in `nodes`: in insertion order (else see index())
            ids = self.ids()
            up = map(operator.ge, parents, children)
            found = self._memo["backward"] = [(ids[u], ids[v]) for u, v in compress(zip(parents, children), up)]
        return found

    @property
    def doubtful_levels(self) -> frozenset:
        """The ids of the goals whose level label the cascade's own structure contradicts (a finding of a
        rule that rests on a level of one of them is softened: see Context.finding, and the rules judge
        them by their place in the tree: judged_values, judged_data). Empty unless a structural reading of
        the cascade fills it, once per graph (doubt_levels, from level-label-conflict's prepare)."""
        found = self._memo.get("doubtful levels")
        if found is None:
            found = self._memo["doubtful levels"] = frozenset()
        return found

    def read_levels(self, vocabulary, min_inverted: int, min_share: float):
        """The structure's reading of the goals' level labels (kinerja_graph/structure.py, read_levels),
        once per graph and parameters."""
        key = ("level reading", id(vocabulary), min_inverted, min_share)
        found = self._memo.get(key)
        if found is None:
            # every node, the links as positions in `nodes`: an indicator without a goal is read as a goal
            # without a label (it is never linked, so it is neither compared nor given a place)
            labels = self.values("level")
            if len(self.goals) != len(labels) and any(d.get("level") is not None for _, d in self.loose):
                labels = [label if goal else None for label, goal in zip(labels, self._is_goal())]
            ids, links = self.ids(), self.link_arrays()
            found = self._memo[key] = structure.read_levels(
                ids, labels, links, vocabulary, min_inverted=min_inverted, min_share=min_share
            )
        return found

    def doubt_levels(self, reading) -> None:
        """Take the goals `reading` (a structure.LevelReading) finds doubtful as doubtful_levels: the rules
        that judge levels judge them by the level their place in the tree implies (judged_values,
        judged_data). Called before any rule runs (the level-label-conflict rule's prepare)."""
        self._memo["doubtful levels"] = frozenset(reading.doubtful)
        self._memo["level doubts"] = {n: reading.implied[n] for n in reading.doubtful if n in reading.implied}
        for key in [k for k in self._memo if isinstance(k, tuple) and k[0] in ("judged", "judged apart")]:
            del self._memo[key]
        self._memo.pop(("shared", "link ranks"), None)

    def judged_apart(self) -> dict:
        """{position in `nodes`: the data a rule judges that goal by} for the goals whose level is doubtful and
        read from the structure: their data with the level, rank and tier of the level their place in the
        tree implies (a copy: the graph's own data is not changed). Empty for a cascade without doubts."""
        found = self._memo.get(("judged apart",))
        if found is None:
            doubts = self._memo.get("level doubts") or {}
            found = {}
            if doubts:
                levels = {level.id: level for level in policy.levels().levels}  # as graph.py gives rank and tier
                position = self._memo["position"]
                for n, level_id in doubts.items():
                    level = levels.get(level_id)
                    if n in position and level is not None:
                        d = self.nodes[position[n]][1]
                        found[position[n]] = {**d, "level": level.id, "rank": level.rank, "tier": level.tier}
            self._memo[("judged apart",)] = found
        return found

    def judged_data(self, n, d: dict) -> dict:
        """The data a rule judges node `n` (data `d`) by: its own, or for a goal whose level is doubtful, the
        same with the level its place in the tree implies (judged_apart)."""
        apart = self.judged_apart()
        if not apart:
            return d
        position = self._memo["position"].get(n)
        return apart.get(position, d) if position is not None else d

    def judged_values(self, name: str) -> tuple | list:
        """values(name) for "level", "rank" and "tier" as the rules judge them: the doubtful goals' taken from
        the level their place in the tree implies (judged_apart). values(name) itself when nothing is
        doubtful. Read-only."""
        apart = self.judged_apart()
        if not apart:
            return self.values(name)
        key = ("judged", name)
        found = self._memo.get(key)
        if found is None:
            found = list(self.values(name))
            for position, d in apart.items():
                found[position] = d.get(name)
            self._memo[key] = found
        return found

    def judged_goal_values(self, name: str) -> tuple | list:
        """judged_values(name), in the order of `goals`. Read-only."""
        if not self.judged_apart():
            return self.goal_values(name)
        key = ("judged", "goals", name)
        found = self._memo.get(key)
        if found is None:
            found = self.judged_values(name)
            if len(self.goals) != len(found):
                found = list(compress(found, self._is_goal()))
            self._memo[key] = found
        return found

    def shared(self, key: str, compute):
        """compute(), once per graph: what several rules derive alike from the graph (read-only)."""
        memo_key = ("shared", key)
        if memo_key not in self._memo:
            self._memo[memo_key] = compute()
        return self._memo[memo_key]

    def having(self, attribute: str) -> list:
        """(id, data) of the nodes (goals and indicators without a goal) whose model, data["node"], holds
        something in `attribute` ("crosscutting" links, "ignore" silences), in document order: few nodes
        do."""
        key = ("having", attribute)
        found = self._memo.get(key)
        if found is None:
            models = self.values("node")
            try:
                held = list(map(operator.attrgetter(attribute), models))
            except AttributeError:  # a node without a model, or a model without the attribute
                held = [getattr(model, attribute, None) for model in models]
            found = self._memo[key] = list(compress(self.nodes, held))
        return found

    def silencing(self) -> bool:
        """Whether some node's model holds a silence (its `ignore`), read once per graph, in C: 10^6 models at 10^6
        goals, and almost never one silencing anything; the engine and stale-ignore both ask. True when the models
        cannot be read so (a node without a model): then each is looked at."""
        found = self._memo.get("silencing")
        if found is None:
            try:
                found = any(map(_IGNORE, self.values("node")))
            except AttributeError:  # a node without a model, or a model without silences
                found = True
            self._memo["silencing"] = found
        return found

    def values(self, name: str) -> tuple | list:
        """The `name` field of every node's data ("level", "rank", "missing_parents", "indicators", ...), in
        the order of `nodes`; None where a node lacks it (for "order", 0). Read-only."""
        key = ("values", name)
        found = self._memo.get(key)
        if found is None:  # (index() keeps the columns of _NODE_EXTRAS already)
            if name in _NODE_FIELDS:  # read by index(); a column at a time, not to look at long texts again
                found = list(map(operator.itemgetter(_NODE_FIELDS.index(name)), self._memo["node rows"]))
            else:
                found = [d.get(name) for _, d in self.nodes]
            self._memo[key] = found
        return found

    def goal_values(self, name: str) -> tuple | list:
        """values(name), in the order of `goals`. Read-only."""
        key = ("goal values", name)
        found = self._memo.get(key)
        if found is None:
            found = self.values(name)
            if len(self.goals) != len(found):
                found = list(compress(found, self._is_goal()))
            self._memo[key] = found
        return found

    def others(self) -> list:
        """(id, data) of the graph's other nodes (the bodies crosscutting links name), in insertion order."""
        return self._memo["others"]

    def roots(self) -> list[int]:
        """The positions in `goals` of the goals without a parent goal, in document order."""
        found = self._memo.get("roots")
        if found is None:
            orphaned = map(operator.not_, self.parents.values())  # keys: the goals, in document order
            found = self._memo["roots"] = list(compress(range(len(self.goals)), orphaned))
        return found

    def _is_goal(self) -> list:
        found = self._memo.get("is goal")
        if found is None:
            found = self._memo["is goal"] = list(map(operator.eq, self.values("kind"), repeat("goal")))
        return found

    def ids(self) -> list:
        """The id of every node, in the order of `nodes`."""
        found = self._memo.get("ids")
        if found is None:
            found = self._memo["ids"] = list(map(_ID, self.nodes))
        return found

    def links(self) -> tuple[list[int], list[int]]:
        """(parents, children) of every contribution link between goals, as positions in `nodes`: child
        after child in document order, and each child's parents in the order of parents[child]."""
        found = self._memo.get("links")
        if found is None:
            goals = self.goal_positions()  # in the order of `parents`
            position = self._memo["position"]
            children = itertools.chain.from_iterable(map(repeat, goals, map(len, self.parents.values())))
            parents = map(position.__getitem__, itertools.chain.from_iterable(self.parents.values()))
            found = self._memo["links"] = (list(parents), list(children))
        return found

    def link_arrays(self) -> tuple:
        """links() as two numpy arrays of positions (intp), for what works on whole columns (the structure's
        reading of the levels, restated-child): made once (10^6 links at 10^6 goals). The lists stay those of
        links(), whose numbers are the positions' own objects (made from the arrays, each number would be an
        object of its own: 56 MB more at 10^6)."""
        found = self._memo.get("link arrays")
        if found is None:
            import numpy as np  # (imported when first used: the registry imports every rule at start-up)

            found = self._memo["link arrays"] = tuple(np.asarray(column, dtype=np.intp) for column in self.links())
        return found

    def indicator_nodes(self) -> list[int]:
        """The position in `nodes` of every indicator's node (by the indicator's position in `indicators`)."""
        return self.indicators.owners

    def indicator_groups(self, fields: tuple[str, ...]) -> Grouping:
        """The indicators grouped by equal values of every one of `fields` (see Grouping).

        A field is an Indicator attribute ("name", "unit", "formula", ...), or "targets": the same
        years with the very same Target objects (the loaders share one Target per distinct text; an
        identity test, because comparing Target dataclasses would cost more than it saves), or
        "target_units": the same set of units written in the targets, or "first_target_unit": the same
        unit written in the earliest target that has one, or "written_units": year by year the same unit
        written with a figure and the same text of a target written in words. Texts that are not strings
        (a hand-built model) are never grouped with anything.
        """
        key = ("indicators", tuple(sorted(fields)))  # the same groups, numbered alike, in any order of fields
        grouping = self._memo.get(key)
        if grouping is None:
            grouping = self._memo[key] = self._grouping(fields, self._indicator_table(), _INDICATOR_TEXTS, self._column)
        return grouping

    def indicator_pairs(self, first: str, second: str) -> Grouping:
        """indicator_groups((first, second)), the same groups numbered alike (and the same object for both), made
        from the two fields' own groupings when both come from the indicator table: each distinct row's pair of
        group numbers numbered over whole columns in numpy, instead of each row's pair of texts made and hashed
        again (formula-mismatch's (name, formula) groups: 400,000 distinct rows at 10^6 goals)."""
        key = ("indicators", tuple(sorted((first, second))))
        grouping = self._memo.get(key)
        if grouping is None:
            table = self._indicator_table() if first in _INDICATOR_TEXTS and second in _INDICATOR_TEXTS else None
            if table is not None:
                grouping = table.paired(self.indicator_groups((first,)), self.indicator_groups((second,)))
            if grouping is None:
                return self.indicator_groups((first, second))
            self._memo[key] = grouping
        return grouping

    def node_groups(self, fields: tuple[str, ...]) -> Grouping:
        """The nodes (goals and indicators without a goal, by position in `nodes`) grouped by equal values of
        every one of `fields`, keys of the node data ("kind", "statement", "owner", ...): see Grouping. As
        in indicator_groups(), values that are neither texts nor None are never grouped with anything."""
        key = ("nodes", tuple(sorted(fields)))  # the same groups, numbered alike, in any order of fields
        grouping = self._memo.get(key)
        if grouping is None:
            # column by column: a cascade's nodes hold mostly distinct rows (10^5 nodes, 6·10^4 rows), so numbering
            # whole rows first, as for indicators, costs more than it saves; and each column numbered serves
            # every grouping that has it (numbering several fields at once as one value saves a pass for the
            # first rule and costs one more to the next that asks for one of them alone). The statement rules'
            # (kind, statement) grouping is the statement column's when the statements tell the kinds apart,
            # without pairing the column with the kinds (10^6 pairs at 10^6 goals).
            if key[1] == ("kind", "statement") and self._statements_tell_kinds():
                grouping = Grouping(self._node_column("statement"))
                self._memo["statements tell kinds"] = True  # (group_statements: no group but the goals' has one)
            else:
                grouping = self._grouping(fields, None, _NODE_FIELDS, self._node_column)
            self._memo[key] = grouping
        return grouping

    def group_statements(self, goals: bool = False) -> list:
        """The statement of each group of node_groups(("kind", "statement")), its first node's, by group number;
        with `goals`, None for a group of nodes that are not goals (the indicators without a goal). Made once:
        duplicate-statement, foreign-organisation and restated-child read it (330,000 groups at 10^6 goals), and
        when the statements tell the kinds apart (the usual case) both are one list. Read-only."""
        key = ("group statements", goals)
        found = self._memo.get(key)
        if found is None:
            first = self.node_groups(("kind", "statement")).first
            if not goals:
                found = list(map(self.values("statement").__getitem__, first))
            elif self._memo.get("statements tell kinds"):  # a group's statement is a goal's, or None
                found = self.group_statements()
            else:
                kinds = map(self.values("kind").__getitem__, first)
                found = [s if k == "goal" else None for s, k in zip(self.group_statements(), kinds)]
            self._memo[key] = found
        return found

    def _statements_tell_kinds(self) -> bool:
        """Every goal holds a statement and no indicator without a goal does (the usual case): equal statements are
        then of one kind, and the (kind, statement) groups, numbered alike, are the statement column's."""
        statements, loose = self.values("statement"), self.loose
        return (
            len(self.goals) + len(loose) == len(statements)
            and statements.count(None) == len(loose)
            and all(d.get("statement") is None for _, d in loose)
        )

    def _grouping(self, fields: tuple, table, texts: tuple, column) -> Grouping:
        """Grouping by `fields`. The text fields come from `table` (the items' text fields numbered as whole
        rows, see _Table) when there is one: few distinct rows, so grouping by some of them costs one look
        at each item's row number. Other fields are numbered column by column and paired."""
        among = [f for f in fields if f in texts] if table is not None else []
        rest = [column(f) for f in fields if f not in among]
        varied = [numbers for numbers in rest if any(numbers)]  # a field of one value for all changes no group
        if among:
            part = table.grouping(tuple(texts.index(f) for f in among))
            if not varied:
                return part
            varied.append(part.of)
        if len(varied) <= 1:
            first = None
            if len(rest) == 1 and not among and column == self._column:
                first = self._memo.get(("first", fields[0]))  # an indicator field's first positions, if known
            return Grouping(varied[0] if varied else rest[0], first)
        return Grouping(_numbered(zip(*varied)))

    def _indicator_table(self) -> _Table | None:
        if "indicator table" not in self._memo:
            self._indicator_fields()
        return self._memo["indicator table"]

    def _indicator_fields(self) -> None:
        """Read the text fields and the targets of every indicator (two looks at each: cheaper than one that
        reads all and then splits the rows)."""
        indicators = self.indicators.objects
        self._memo["indicator table"] = _Table.build(map(operator.attrgetter(*_INDICATOR_TEXTS), indicators))
        self._memo["indicator targets"] = list(map(operator.attrgetter("targets"), indicators))

    def _node_column(self, name: str) -> list:
        """One field of every node's data, in document order, as small integers (see _column)."""
        key = ("node column", name)
        column = self._memo.get(key)
        if column is None:
            column = self._memo[key] = _numbered(_apart(self.values(name)))
        return column

    def _column(self, name: str) -> list:
        """One field of every indicator, in document order, as small integers: equal values, equal numbers
        (comparing numbers is cheaper than comparing again the same texts held by different objects).
        Values that are neither texts nor None (a hand-built model) get a number of their own: 1 == 1.0 ==
        True, yet they read differently."""
        key = ("column", name)
        column = self._memo.get(key)
        if column is not None:
            return column
        if name in _TARGET_FIELDS:  # derived from the targets: computed once per distinct set of targets
            targets = self._column("targets")
            derive = _TARGET_FIELDS[name]
            derived = _numbered([derive(t) if type(t) is dict else object() for t in self._memo["distinct targets"]])
            column = list(map(derived.__getitem__, targets))
        elif name == "targets":
            if "indicator targets" not in self._memo:
                self._indicator_fields()
            values = self._memo["indicator targets"]
            # indicators with equal targets often share one mapping (a table's reader makes one per distinct row of
            # targets): each distinct mapping is then read once, and its number spread over its indicators. Whether
            # they do is judged on a sample (either way the numbers are the same): mappings of their own (JSON, YAML)
            # are not numbered twice.
            sample = values[:: max(1, len(values) >> 11)]
            if len(set(map(id, sample))) < len(sample) and set(map(type, values)) == {dict}:
                mappings = Numbering()
                shared = list(map(mappings.__getitem__, map(id, values)))
                column = _numbered(_targets_key(values[at]) for at in _firsts(shared, len(mappings)))
                column = list(map(column.__getitem__, shared))
            else:
                column = _numbered(_targets_key(t) if type(t) is dict else object() for t in values)
            first = self._memo["first", name] = _firsts(column)  # for indicator_groups((name,)) too
            self._memo["distinct targets"] = list(map(values.__getitem__, first))
        elif name in _INDICATOR_TEXTS and (table := self._indicator_table()) is not None:
            column = table.grouping((_INDICATOR_TEXTS.index(name),)).of
        else:
            column = _numbered(_apart(list(map(operator.attrgetter(name), self.indicators.objects))))
        self._memo[key] = column
        return column


class _Indicators(collections.abc.Sequence):
    """Index.indicators: (node id, node data, indicator) of every indicator, in document order. What is kept
    is the indicators and the position of each one's node: the triples are made when asked for (rules ask
    for few; 10^5 of them cost more to make than to do without)."""

    __slots__ = ("objects", "owners", "_nodes")

    def __init__(self, nodes: list, lists, given: tuple | None = None) -> None:
        """lists: the indicators of each node (a list, or None); given: (every indicator, how many each node holds)
        when the graph's build made them already."""
        if given is not None:
            objects, counts = given
        else:
            try:
                counts = list(map(len, lists))
                objects = list(itertools.chain.from_iterable(lists))
            except TypeError:  # None, or an iterable without a length (a graph built otherwise)
                lists = [list(indicators or ()) for indicators in lists]
                counts = list(map(len, lists))
                objects = list(itertools.chain.from_iterable(lists))
        self._nodes = nodes
        self.objects = objects  # the indicators
        self.owners = list(itertools.chain.from_iterable(map(repeat, range(len(nodes)), counts)))  # their nodes

    def __len__(self) -> int:
        return len(self.objects)

    def __getitem__(self, position):
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self.objects)))]
        n, d = self._nodes[self.owners[position]]
        return n, d, self.objects[position]

    def __iter__(self):
        nodes = map(self._nodes.__getitem__, self.owners)
        return (nd + (indicator,) for nd, indicator in zip(nodes, self.objects))


class _Table:
    """The rows of some text fields of many items (nodes, indicators), numbered as whole rows: equal rows,
    equal numbers. Real cascades hold few distinct rows (10^5 indicators, 10^3 distinct rows), so the items
    grouped by some of the fields are the distinct rows so grouped, spread over the items.

    of      the number of each item's row
    rows    the distinct rows, by number
    first   the position of the first item holding each distinct row
    """

    __slots__ = ("of", "rows", "first", "_groupings")

    def __init__(self, of: list[int], rows: list) -> None:
        self.of = of
        self.rows = rows
        self.first = _firsts(of, len(rows))
        self._groupings: dict = {}

    @classmethod
    def build(cls, rows) -> _Table | None:
        """The table of these rows (an iterable: each row is numbered as soon as it is made, while its texts
        are at hand), or None when a value is neither a text nor None (a hand-built model): such values are
        numbered field by field instead, each apart (see _apart)."""
        distinct = Numbering()
        try:
            of = list(map(distinct.__getitem__, rows))
        except TypeError:  # an unhashable value
            return None
        if not set(map(type, itertools.chain.from_iterable(distinct))) <= _TEXT_TYPES:
            return None
        return cls(of, list(distinct))

    def grouping(self, fields: tuple[int, ...]) -> Grouping:
        """The items grouped by these fields (positions in a row)."""
        grouping = self._groupings.get(fields)
        if grouping is None:
            numbers = _numbered(map(operator.itemgetter(*fields), self.rows))
            # a group's first item is the first item of its first row
            first = list(map(self.first.__getitem__, _firsts(numbers)))
            if len(first) == len(numbers):  # every distinct row a group of its own
                grouping = Grouping(self.of, first)
            else:
                grouping = Grouping(None, first, (self.of, numbers))
            self._groupings[fields] = grouping
        return grouping

    def paired(self, a: Grouping, b: Grouping) -> Grouping | None:
        """The items grouped by the fields of two groupings of this table's (grouping()) at once: a row's group
        is its pair of groups in a and b, numbered in order of first occurrence, as grouping() numbers them;
        None when a or b is not this table's."""
        rows_a, rows_b = self._row_numbers(a), self._row_numbers(b)
        if rows_a is None or rows_b is None:
            return None
        import numpy as np  # (imported when first used: the registry imports every rule at start-up)

        pairs = rows_a * len(b) + rows_b
        _, first_row, inverse = np.unique(pairs, return_index=True, return_inverse=True)
        order = np.argsort(first_row, kind="stable")  # the distinct pairs in order of first occurrence
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        first = list(map(self.first.__getitem__, first_row[order].tolist()))
        if len(first) == len(self.rows):  # every distinct row a group of its own
            return Grouping(self.of, first)
        return Grouping(None, first, (self.of, rank[inverse.ravel()].tolist()))

    def _row_numbers(self, grouping: Grouping):
        """The group number of each distinct row in a grouping of this table's (an int64 array), else None."""
        import numpy as np

        if grouping._rows and grouping._rows[0] is self.of:
            return np.asarray(grouping._rows[1], dtype=np.int64)
        if grouping._of is self.of and len(grouping) == len(self.rows):  # each row a group of its own
            return np.arange(len(self.rows), dtype=np.int64)
        return None


class Grouping:
    """Indicators (or nodes) that agree on some fields, in groups numbered in order of first occurrence.

    of      the number of the group of each indicator (by its position in Index.indicators; of each node,
            by its position in Index.nodes)
    first   the position of the first member of each group (by group number)
    Texts repeat massively in real cascades: a few hundred groups may hold 10^5 indicators.

    A grouping of the items of a _Table may hold, instead of `of`, each item's row and each row's group:
    `of` is then spelled out only when asked for (10^5 numbers), and the methods below look through the
    rows instead.
    """

    __slots__ = ("_of", "first", "_rows")

    def __init__(self, of: list[int] | None, first: list[int] | None = None, rows: tuple | None = None) -> None:
        self._of = of
        self._rows: tuple = rows or ()  # (the row of each item, the group of each row) when `of` is not given
        self.first = _firsts(of) if first is None else first  # type: ignore[arg-type]  # `of` or `first` given

    @property
    def of(self) -> list[int]:
        if self._of is None:
            row_of, numbers = self._rows
            self._of = list(map(numbers.__getitem__, row_of))
        return self._of

    def __len__(self) -> int:
        return len(self.first)

    def _spread(self, per_group: Sequence) -> tuple[Sequence, list[int]]:
        """(per_item, by): per_item[by[position]] is per_group's entry for the item at `position`."""
        if self._of is not None:
            return per_group, self._of
        row_of, numbers = self._rows
        return list(map(per_group.__getitem__, numbers)), row_of

    def numbers(self, positions) -> list[int]:
        """The group numbers of the items at these positions."""
        if self._of is not None:
            return list(map(self._of.__getitem__, positions))
        row_of, numbers = self._rows
        return list(map(numbers.__getitem__, map(row_of.__getitem__, positions)))

    def items(self) -> tuple[list[int], list[int] | None]:
        """(the row of each item, the group of each row) of a grouping of a _Table's items, else (the group of each
        item, None): the columns as the grouping holds them (read-only), for picking members over whole columns
        (_reading.picked) without spelling `of` out."""
        if self._rows:
            return self._rows
        return self.of, None

    def positions(self, chosen: Sequence) -> list[int]:
        """The positions of the members of the groups chosen (chosen[number]), in document order."""
        per_item, by = self._spread(chosen)
        return list(compress(range(len(by)), map(per_item.__getitem__, by)))

    def members(self, labels: list) -> dict:
        """{label: the positions of the members of the groups so labelled, in document order} for the groups
        whose label (labels[number]) is not None, labels in order of first occurrence."""
        out: dict = {}
        # each group's list of positions (None for a group without a label), groups in order of first
        # occurrence and so labels too
        lists = [None if label is None else out.setdefault(label, []) for label in labels]
        add, by = self._spread([None if found is None else found.append for found in lists])
        positions = list(compress(range(len(by)), map(operator.is_not, map(add.__getitem__, by), repeat(None))))
        # each member's position appended to its group's list, by map() in C: 10^5 members
        collections.deque(map(operator.call, map(add.__getitem__, map(by.__getitem__, positions)), positions), 0)
        return out

    def sizes(self) -> list[int]:
        """How many members each group holds (by group number)."""
        if self._of is not None:
            counts = collections.Counter(self._of)
            return list(map(counts.__getitem__, range(len(self.first))))
        row_of, numbers = self._rows
        counts = collections.Counter(row_of)
        sizes = [0] * len(self.first)
        for row, number in enumerate(numbers):
            sizes[number] += counts[row]
        return sizes

    def repeats(self, keys: list) -> Repeats:
        """The members of the groups whose key (keys[number], "" or None for none) the groups hold more than one
        member of in all — what stands more than once: at 10^5 goals some 11,000 statements and 12,000
        indicator names held by 80,000 and 130,000 members, found at once over whole columns."""
        import numpy as np  # (imported when first used: the registry imports every rule at start-up)

        # equal keys, equal labels: each key's label is the number of the first group holding it (given in C by
        # setdefault, without a Python call per distinct key: 230,000 normalised statements at 10^6 goals), so that
        # the labels, like the groups, stand in order of first occurrence
        first_of: dict = {}
        label = np.fromiter(map(first_of.setdefault, keys, itertools.count()), dtype=np.intp, count=len(keys))
        of = np.asarray(self.of, dtype=np.intp)
        totals = np.bincount(label, weights=np.bincount(of, minlength=len(keys)), minlength=len(keys))
        kept = totals > 1  # the labels of texts that stand more than once
        for none in ("", None):
            if none in first_of:
                kept[first_of[none]] = False
        renumbered = np.where(kept, np.cumsum(kept) - 1, -1)  # 0, 1, ... in their order; -1 for the others
        item_label = renumbered[label][of]
        chosen = np.flatnonzero(item_label >= 0)
        order = np.argsort(item_label[chosen], kind="stable")  # text after text, each one's members in order
        counts = np.bincount(item_label[chosen], minlength=int(kept.sum()))
        starts = np.concatenate(([0], np.cumsum(counts)))
        return Repeats(chosen[order].tolist(), starts.tolist())


class Repeats(NamedTuple):
    """The members of the texts that stand more than once (Grouping.repeats), text after text in order of first
    occurrence.

    positions  the members' positions (Index.nodes or Index.indicators), each text's in document order
    starts     where each text's members start in `positions`, and len(positions) at the end
    """

    positions: list[int]
    starts: list[int]


_INDICATOR_TEXTS = ("name", "unit", "formula", "source", "calculation", "polarity")  # read with the targets
# fields derived from an indicator's targets: name -> function of the targets dict
_TARGET_FIELDS = {
    "target_units": lambda targets: tuple(sorted({t.unit for t in targets.values() if t.unit})),
    "first_target_unit": lambda targets: next((targets[y].unit for y in sorted(targets) if targets[y].unit), None),
    # year by year, the unit written with each figure and the text of each target written in words: all that
    # is read of the targets when only their units matter (the figures themselves do not)
    "written_units": lambda targets: tuple(
        (y, "number", targets[y].unit) if targets[y].kind == "number" else (y, "text", targets[y].text)
        for y in sorted(targets)
        if (targets[y].kind == "number" and targets[y].unit) or targets[y].kind == "text"
    ),
}
# the node fields read by index()'s one pass over the nodes: the texts node_groups() groups by, and others
_NODE_FIELDS = ("kind", "statement", "level", "owner", "tier")
_NODE_EXTRAS = ("order", "rank", "missing_parents", "indicators", "node")
_READ_FIELDS, _READ_EXTRAS = operator.itemgetter(*_NODE_FIELDS), operator.itemgetter(*_NODE_EXTRAS)
_TEXT_TYPES = frozenset({str, type(None)})  # what indicator_groups() and node_groups() group by
_ID, _DATA = operator.itemgetter(0), operator.itemgetter(1)
_IGNORE = operator.attrgetter("ignore")


def _apart(values):
    """The values, with any that is neither a text nor None replaced by a value equal to no other."""
    if set(map(type, values)) <= _TEXT_TYPES:
        return values
    return [value if type(value) in _TEXT_TYPES else object() for value in values]


def _targets_key(targets: dict) -> tuple:
    """What tells an indicator's targets from others: the years, then the identities of their Target objects
    (equal texts share one Target), as one flat tuple."""
    return (*targets, *map(id, targets.values()))


def _numbered(values) -> list[int]:
    """Each value replaced by the number of its first occurrence among the distinct values (values: an
    iterable, each numbered as soon as it is made)."""
    return list(map(Numbering().__getitem__, values))


class Numbering(dict):
    """value -> its number, the next one given to each value not met before: looked up by map() in C, Python
    runs only once per distinct value (a column of 10^5 items holds a few thousand; up to twice as fast as a
    comprehension that asks setdefault for every item)."""

    __slots__ = ()

    def __missing__(self, value) -> int:
        number = self[value] = len(self)
        return number


def _firsts(of: list[int], count: int | None = None) -> list[int]:
    """The position of the first occurrence of each number of `of` (numbers 0, 1, ... by first occurrence)."""
    # number k first occurs after number k - 1 does: each is looked for by list.index (in C) from there on, so
    # that `of` is read once in all, and Python runs once per number, not once per item
    if count is None:
        count = max(of, default=-1) + 1
    index = of.index
    found: list[int] = []
    append = found.append
    at = -1
    for number in range(count):
        at = index(number, at + 1)
        append(at)
    return found


_CACHE = "_kinerja_index"  # where a frozen graph keeps its Index: an attribute of the graph object
_NO_EDGES = ()


def cached(G: nx.DiGraph) -> Index | None:
    """The Index a checked graph keeps, or None: unlike index(G), never builds one."""
    return getattr(G, _CACHE, None)


def index(G: nx.DiGraph) -> Index:
    """The Index of G; kept on the graph once it is frozen and so can no longer change."""
    kept = cached(G)
    if kept is not None:
        return kept
    columns = G.__dict__.pop(INDEXED_COLUMNS, None)  # kept by build_graph(indexed=True) for a graph checked as built
    built = _index(G) if columns is None else _from_columns(G, columns)
    if nx.is_frozen(G):
        setattr(G, _CACHE, built)
    return built


def _from_columns(G: nx.DiGraph, columns: dict) -> Index:
    """The Index of a graph built with indexed=True, made from what its build read of every node
    (graph.build_graph): the same Index as _index(G) makes, without reading every node's data again."""
    nodes = columns["pairs"]  # (id, data) of the cascade's nodes, the first entries of G._node (made by the build)
    rows, position = columns["rows"], columns["position"]
    goals = list(map(nodes.__getitem__, columns["goal positions"]))
    loose = []
    if len(goals) != len(nodes):
        loose = list(compress(nodes, map(operator.eq, map(_ID, rows), repeat("indicator"))))
    memo: dict = {"node rows": rows, "others": columns["others"], "position": position}
    memo["succ"] = G._succ
    # the ids, the goals' positions and the contribution links as positions, as the build found them (read only)
    memo.update(ids=columns["ids"], links=columns["links"])
    memo["goal positions"] = columns["goal positions"]
    # the columns of _NODE_EXTRAS, as the build kept them (read only: the build's own lists, and the cascade's nodes)
    memo.update((("values", name), column) for name, column in zip(_NODE_EXTRAS, columns["extras"], strict=True))
    indicators = _Indicators(nodes, memo["values", "indicators"], columns["indicator objects"])
    built = Index(goals, loose, nodes, indicators, columns["parents"], columns["edge kinds"])
    built._memo.update(memo)
    return built


def _index(G: nx.DiGraph) -> Index:
    """The Index of G, read from its nodes' data and edges."""
    # G._node / G._pred are networkx's own dicts behind G.nodes / G.pred: the same data without the view
    # objects. At 10^5 nodes what costs is looking at each node's objects again, so each node's data is
    # looked at once, here: its kind and the fields the rules ask about (Index.values).
    nodes: list = []
    goals: list = []
    loose: list = []
    others: list = []
    rows: list = []
    extras: list = []
    position = {}  # goal -> its position in `nodes`
    for nd in G._node.items():
        d = nd[1]
        kind = d.get("kind")
        if kind == "goal":
            position[nd[0]] = len(nodes)
            goals.append(nd)
        elif kind == "indicator":
            loose.append(nd)
        else:
            others.append(nd)
            continue
        nodes.append(nd)
        try:
            row, extra = _READ_FIELDS(d), _READ_EXTRAS(d)
        except KeyError:  # a node without some of the fields: a graph built otherwise
            row, extra = tuple(map(d.get, _NODE_FIELDS)), (d.get("order", 0), *map(d.get, _NODE_EXTRAS[1:]))
        rows.append(row)
        extras.append(extra)
    orders = list(map(_ID, extras))
    in_order = all(map(operator.le, orders, itertools.islice(orders, 1, None)))
    if not in_order:
        ranked = sorted(range(len(nodes)), key=orders.__getitem__)
        nodes, rows, extras = ([items[i] for i in ranked] for items in (nodes, rows, extras))
        goals = [nd for nd in nodes if nd[1]["kind"] == "goal"]
        loose = [nd for nd in nodes if nd[1]["kind"] == "indicator"]
        position = {nd[0]: i for i, nd in enumerate(nodes) if nd[1]["kind"] == "goal"}
    parents: dict = dict.fromkeys(position, _NO_EDGES)  # the goals, in document order
    # One pass over every node's incoming edges: the contribution links between goals, and the kinds of
    # all edges (Index.children is gathered from these links when a rule asks for it).
    edge_kinds = set()
    several_parents = False
    for v, incoming in G._pred.items():
        if incoming:
            found = []
            is_goal = v in parents
            for u, attr in incoming.items():
                kind = attr.get("kind")
                if kind == "contribution" and is_goal and u in parents:
                    found.append(u)
                else:
                    edge_kinds.add(kind)
            if found:
                edge_kinds.add("contribution")
                parents[v] = found
                several_parents = several_parents or len(found) > 1
    memo: dict = {"node rows": rows, "others": others, "position": position, "succ": G._succ}
    if not in_order:  # the links going back up the graph's own order, not the document's (Index.backward)
        met = dict(zip(G._pred, range(len(G._pred))))
        memo["backward"] = [(u, v) for v in G._pred if v in parents for u in parents[v] if met[u] >= met[v]]
    if several_parents:
        for links in parents.values():
            if len(links) > 1:
                links.sort(key=position.__getitem__)
    extras_columns = list(zip(*extras)) or [()] * len(_NODE_EXTRAS)  # as Index.values() keeps them
    memo.update((("values", name), column) for name, column in zip(_NODE_EXTRAS, extras_columns))
    indicators = _Indicators(nodes, memo["values", "indicators"])
    built = Index(goals, loose, nodes, indicators, parents, frozenset(edge_kinds))
    built._memo.update(memo)
    return built
