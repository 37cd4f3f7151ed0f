"""The loaders' quick paths say what the slow ones say.

`document._plain` lets a node skip the schema validator, `document._plain_document` a document's top level:
each must accept nothing its schema refuses (generated nodes and documents, every field given values of
every kind). The builder remembers the year keys of a
targets mapping per shape: a second indicator with the same keys, or with keys equal as numbers but
written otherwise, reads exactly as the first would alone. The graph is filled directly: it must be the
graph networkx's own add_nodes_from/add_edges_from make.
"""

from __future__ import annotations

import json

import jsonschema
import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import document, load, structured
from kinerja_graph.loaders.document import DOCUMENT, MAX_TEXT, _plain, _plain_document, _schemas
from kinerja_graph.loaders.raw import RawDocument, RawFloat, RawInt
from kinerja_graph.model import Location
from tests.helpers import cascade_from_yaml

TEXTS = st.sampled_from(["", " ", "x", "1.1", "a" * (MAX_TEXT + 1), "Tujuan", "#", "kumulatif"])
SCALARS = st.one_of(TEXTS, st.none(), st.just(5), st.just(True), st.just(2.5))
VALUES = st.one_of(
    SCALARS,
    st.lists(SCALARS, max_size=2),
    st.dictionaries(st.sampled_from(["rule", "reason", "2025", "x"]), SCALARS, max_size=2),
    st.lists(st.dictionaries(st.sampled_from(["rule", "id", "name"]), SCALARS, max_size=2), max_size=2),
)
TARGETS = st.dictionaries(
    st.sampled_from(["2025", "2026", "1800", "x"]),
    st.one_of(SCALARS, st.fixed_dictionaries({"text": TEXTS})),
    max_size=3,
)
PLAIN_INDICATOR = st.fixed_dictionaries(
    {"name": TEXTS},
    optional={k: st.one_of(TEXTS, st.none()) for k in ("formula", "unit", "calculation", "source", "polarity")}
    | {"targets": st.dictionaries(st.sampled_from(["2025", "2026"]), st.one_of(TEXTS, st.none()), max_size=2)},
)
INDICATOR = st.one_of(
    PLAIN_INDICATOR,
    st.tuples(PLAIN_INDICATOR, st.sampled_from(["name", "unit", "polarity", "targets", "other"]), VALUES).map(
        lambda t: {**t[0], t[1]: t[2]}
    ),
    st.tuples(PLAIN_INDICATOR, TARGETS).map(lambda t: {**t[0], "targets": t[1]}),
    PLAIN_INDICATOR.map(lambda ind: {k: v for k, v in ind.items() if k != "name"}),
)
PLAIN_NODE = st.fixed_dictionaries(
    {"id": TEXTS},
    optional={k: st.one_of(TEXTS, st.none()) for k in ("statement", "level", "parent", "owner", "ref")}
    | {"notes": TEXTS, "crosscutting": st.lists(TEXTS, max_size=2), "children": st.lists(st.just({}), max_size=1)}
    | {"indicators": st.lists(INDICATOR, max_size=2)},
)
FIELDS = ["id", "statement", "level", "parent", "owner", "crosscutting", "notes", "ignore", "ref", "inferred"]
NODE = st.one_of(
    PLAIN_NODE,
    st.tuples(PLAIN_NODE, st.sampled_from([*FIELDS, "indicators", "children", "other"]), VALUES).map(
        lambda t: {**t[0], t[1]: t[2]}
    ),
    PLAIN_NODE.map(lambda node: {k: v for k, v in node.items() if k != "id"}),
)


@settings(max_examples=600, deadline=None, derandomize=True)
@given(NODE)
def test_a_plain_node_is_one_the_node_schema_accepts(node):
    if _plain(node):
        validator = jsonschema.Draft7Validator(_schemas()[1])
        assert not list(validator.iter_errors(node)), node


YEARS = st.sampled_from([2025, RawInt.of("2026"), 1899, 2200, True, 2025.0, RawFloat.of("2025.0"), "2025", None])
DOC_VALUES = st.one_of(SCALARS, YEARS, st.lists(YEARS, max_size=3), st.dictionaries(TEXTS, SCALARS, max_size=2))
GOOD_YEARS = st.lists(st.sampled_from([2025, RawInt.of("2029"), 1900, 2199]), min_size=1, max_size=3)
GOOD_NOTES = st.dictionaries(st.sampled_from(["a", "b"]), st.one_of(TEXTS, st.none()), max_size=2)
ORGANISATION = st.fixed_dictionaries(
    {"name": st.sampled_from(["Kecamatan Uji", "x", "a" * (MAX_TEXT + 1)])},
    optional={"type": TEXTS, "id": st.sampled_from(["sukamaju", "ab\n", "é"])},
)
PLAIN_DOCUMENT = st.fixed_dictionaries(
    {"organisation": ORGANISATION, "nodes": st.lists(st.just({"id": "1"}), max_size=2)},
    optional={
        "kinerja": st.sampled_from([1, RawInt.of("1")]),
        "period": GOOD_YEARS,
        "source": TEXTS,
        "notes": st.one_of(TEXTS, GOOD_NOTES),
    },
)
# values at the edges of what the document schema accepts, for each top-level key
EDGES = [
    *(("kinerja", v) for v in (2, 0, True, 1.0, RawFloat.of("1.0"), "1", None)),
    *(("period", v) for v in ([], [1899], [2200], [1900, 2199], [True], [2025.0], ["2025"], [None], 2025, "2025")),
    *(("source", v) for v in (None, 5, ["x"], {"a": "b"})),
    *(("notes", v) for v in (None, 5, ["x"], {"a": 5}, {"a": True}, {"a": ["x"]}, {"a": "a" * (MAX_TEXT + 1)})),
    *(("nodes", v) for v in ([], [[]], [{}, 5], {}, "x", None)),
    *(("organisation", v) for v in ({}, {"name": None}, {"name": 5}, {"name": ""}, {"name": "x", "type": None}, "x")),
    *(("organisation", {"name": "x", "id": v}) for v in ("a#b", "a b", "", "x;y", "\nx", 5, None)),
    *(("other", v) for v in (None, "x")),
]
# a plain document with one value put in (or a key added, or a required one left out)
DOCUMENTS = st.one_of(
    PLAIN_DOCUMENT,
    st.tuples(PLAIN_DOCUMENT, st.sampled_from(EDGES)).map(lambda t: {**t[0], t[1][0]: t[1][1]}),
    st.tuples(
        PLAIN_DOCUMENT,
        st.sampled_from(["organisation", "nodes", "kinerja", "period", "source", "notes", "other"]),
        DOC_VALUES,
    ).map(lambda t: {**t[0], t[1]: t[2]}),
    st.tuples(PLAIN_DOCUMENT, st.sampled_from(["name", "type", "id", "other"]), DOC_VALUES).map(
        lambda t: {**t[0], "organisation": {**t[0]["organisation"], t[1]: t[2]}}
    ),
    st.tuples(PLAIN_DOCUMENT, st.sampled_from(["nodes", "organisation"])).map(
        lambda t: {k: v for k, v in t[0].items() if k != t[1]}
    ),
)


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(DOCUMENTS)
def test_a_plain_document_is_one_the_document_schema_accepts(doc):
    if _plain_document(doc):  # what the validators would say of it: nothing
        assert document._errors(DOCUMENT, doc, nested="nodes") == [], doc


def test_the_usual_documents_are_plain():
    doc = {
        "kinerja": RawInt.of("1"),
        "organisation": {"name": "Kecamatan Sukamaju", "type": "kecamatan", "id": "sukamaju"},
        "period": [RawInt.of("2025"), RawInt.of("2029")],
        "source": "RPD 2025-2029",
        "notes": {"dasar": "Perbup 12/2024", "catatan": None},
        "nodes": [{"id": "1"}],
    }
    assert _plain_document(doc)
    for key, bad in (("kinerja", 2), ("period", []), ("period", [True]), ("notes", 5), ("nodes", [[]])):
        assert not _plain_document({**doc, key: bad}), (key, bad)
    assert not _plain_document({**doc, "organisation": {"name": ""}})
    assert not _plain_document({**doc, "organisation": {"name": "A", "id": "a b"}})


def test_the_usual_nodes_are_plain():
    node = {
        "id": "1.1",
        "statement": "Meningkatnya A",
        "level": "Sasaran",
        "parent": "1",
        "owner": "Camat",
        "crosscutting": ["BKPSDM"],
        "notes": "catatan",
        "indicators": [
            {"name": "Indeks A", "unit": "indeks", "polarity": None, "targets": {"2025": "80", "2026": None}}
        ],
        "children": [{"id": "1.1.1"}],
    }
    assert _plain(node)
    for bad in ({"id": ""}, {"notes": None}, {"id": "1", "ignore": []}, {"id": 1}, {"statement": "x"}):
        assert not _plain(bad), bad


def test_targets_read_alike_with_remembered_year_keys():
    raw = RawDocument(
        {
            "organisation": {"name": "Uji"},
            "nodes": [
                {
                    "id": str(i),
                    "statement": "Meningkatnya A",
                    "level": "Tujuan",
                    "indicators": [{"name": "Indeks", "targets": targets}],
                }
                for i, targets in enumerate(
                    [
                        {"2026": "2", "2025": "1"},
                        {"2026": "2", "2025": "1"},  # unsorted keys, again: sorted again
                        {"2025": "1", "2026": "2"},
                        {"2025": "1", "2026": "2"},
                        {"2025": RawInt.of("1"), "2026": {"text": "2"}},  # not texts: read one by one
                        {"2025": "1", "2026": "2"},
                    ]
                )
            ],
        },
        file="uji.json",
    )
    cascade = document.build(raw)
    expected = [[(2025, "1"), (2026, "2")]] * 6
    assert [[(y, t.text) for y, t in n.indicators[0].targets.items()] for n in cascade.nodes] == expected


def _graph_the_networkx_way(cascade):
    """graph.build_graph as it was written with networkx's own bulk adds."""
    from kinerja_graph import policy
    from kinerja_graph.graph import crosscutting_key

    by_level = {lv.id: lv for lv in policy.levels().levels}
    G = nx.DiGraph()
    kinds = {}
    nodes = []
    for order, node in enumerate(cascade.nodes):
        level = by_level.get(node.level) if node.level is not None else None
        kind = kinds[node.id] = "goal" if node.is_goal else "indicator"
        attrs = {"kind": kind, "order": order, "statement": node.statement, "level": node.level}
        attrs.update(tier=level.tier if level else None, rank=level.rank if level else None, owner=node.owner)
        attrs.update(indicators=node.indicators, location=node.location, missing_parents=[], node=node)
        nodes.append((node.id, attrs))
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
            bodies.setdefault(key, {"kind": "crosscutting", "name": link.target, "ref": link})
            crosscutting.append((node.id, key))
    for key, attrs in bodies.items():
        if key not in G:
            G.add_node(key, order=len(G), **attrs)
    G.add_edges_from(contribution, kind="contribution")
    G.add_edges_from(crosscutting, kind="crosscutting")
    return G


def _shape(G):
    return (
        [(n, dict(d)) for n, d in G.nodes(data=True)],
        [(u, v, dict(d)) for u, v, d in G.edges(data=True)],
        {n: list(G.predecessors(n)) for n in G},
        {n: list(G.successors(n)) for n in G},
    )


def test_the_graph_is_the_one_networkx_bulk_adds_make():
    cascades = [load("samples/praya.yaml"), load("samples/batumandi.csv")]
    cascades.append(
        cascade_from_yaml(
            """
            organisation: {name: Uji}
            nodes:
              - {id: "1", statement: Meningkatnya A, level: Tujuan, crosscutting: [BKPSDM, "ORG#2"], parent: "1"}
              - {id: "2", statement: Meningkatnya B, level: Sasaran, parent: ["1", "9", "3"],
                 crosscutting: [BKPSDM]}
              - {id: "3", indicators: [{name: Indeks C}]}
            """
        )
    )
    for cascade in cascades:
        G = build_graph(cascade)
        assert _shape(G) == _shape(_graph_the_networkx_way(cascade))
        assert G.number_of_edges() == _graph_the_networkx_way(cascade).number_of_edges()
        assert set(G.adj) == set(G.succ) == set(G.pred) == set(G)


# JSON texts: objects holding "id" and "name" keys (some twice, some inside texts), colons in keys and texts, nesting
_JSON_KEYS = st.sampled_from(["id", "name", "a", "b:c", "id\\u003a", "name"])
_JSON_SCALARS = st.sampled_from(['"x"', '"08:00"', '"a\\u003ab"', "5", "null", '"\\"id\\": 1"', "true"])


@st.composite
def _json_texts(draw, depth: int = 0) -> str:
    if depth > 2 or draw(st.booleans()):
        return draw(_JSON_SCALARS)
    if draw(st.booleans()):
        items = draw(st.lists(st.tuples(_JSON_KEYS, _json_texts(depth + 1)), max_size=4))
        return "{" + ",\n ".join(f'"{k}" : {v}' if i % 2 else f'"{k}":{v}' for i, (k, v) in enumerate(items)) + "}"
    return "[" + ",\n".join(draw(st.lists(_json_texts(depth + 1), max_size=3))) + "]"


def _located_one_by_one(text: str, data, file: str) -> dict:
    """The lines _locate_json gives, found the way it found them before: a Python loop over the keys."""
    owners: list = []
    if not isinstance(data, (dict, list)):
        return {}
    structured._owners_recursive(data, owners)
    positions = [p for p in (m.start() for m in structured._KEY.finditer(text)) if p == 0 or text[p - 1] != "\\"]
    if len(positions) != len(owners):
        return {}
    locations: dict = {}
    line, last = 1, 0
    for pos, owner in zip(positions, owners, strict=True):
        line += text.count("\n", last, pos)
        last = pos
        if id(owner) not in locations:
            locations[id(owner)] = Location(file, line)
    return locations


@settings(max_examples=300, deadline=None)
@given(_json_texts())
def test_json_objects_are_located_as_one_by_one(text):
    """Every object holding an "id" or "name" key gets the line of its first such key, as the loop over the
    keys gave it (objects holding both, nesting, lists of objects, keys inside texts)."""
    try:
        data = json.loads(text)
    except ValueError:
        return
    located: dict = {}
    structured._locate_json(text, data, "t.json", located)
    assert located == _located_one_by_one(text, data, "t.json")


CSV_TEXTS = st.text(
    alphabet=st.sampled_from(["a", " ", ",", ";", '"', "\n", "\r", "\x00", "é", "\x0b", "\x85", "\u2028"]), max_size=60
)


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(CSV_TEXTS, st.sampled_from([",", ";"]), st.sampled_from([0, 1, 2, 5, 1 << 20]))
def test_csv_lines_split_at_once_are_the_csv_modules_rows(text, delimiter, chunk):
    """table._split_rows makes the rows csv.reader makes (quoted cells, quotes in plain cells, cells across
    lines, empty lines, the last line without a break, line breaks str.splitlines knows and the csv module does
    not), or raises what it raises, piece after piece of the text."""
    import csv
    import io
    import itertools
    from unittest import mock

    from kinerja_graph.errors import InputError
    from kinerja_graph.loaders import table

    try:
        expected: object = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        expected = str(exc)
    with mock.patch.object(table, "_SPLIT_SIZE", chunk):
        try:
            found: object = list(itertools.chain.from_iterable(table._split_rows(text, delimiter, "f.csv")))
        except InputError as exc:
            found = exc.problems[0].removeprefix("f.csv: not valid CSV: ")
    assert found == expected
