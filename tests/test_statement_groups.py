"""Index.node_groups(("kind", "statement")) made from the statement column alone, when the statements tell the kinds
apart (every goal holds one and no indicator without a goal does), is the general grouping of both columns: the
same groups, numbered alike; and where they do not, the general grouping is what it gives."""

from pathlib import Path

import pytest

from kinerja_graph.checks._index import _NODE_FIELDS, index
from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.model import Cascade, Indicator, Node, Organisation

ROOT = Path(__file__).resolve().parent.parent


def _node(node_id, statement=None, parents=(), **fields):
    return Node(node_id, statement, "output" if statement else None, None, list(parents), **fields)


CASES = {
    "goals only, one statement twice": [
        _node("a", "Tujuan"),
        _node("b", "Sasaran", ["a"]),
        _node("c", "Tujuan", ["a"]),
    ],
    "indicators without a goal": [
        _node("a", "Tujuan"),
        _node("b", None, ["a"], indicators=[Indicator("Jumlah laporan")]),
        _node("c", "Tujuan", ["a"]),
        _node("d", None, indicators=[Indicator("Jumlah laporan")]),
    ],
    "a statement of blanks on an indicator without a goal": [
        _node("a", "   ", indicators=[Indicator("Jumlah laporan")]),
        _node("b", "Tujuan"),
        _node("c", "   ", indicators=[Indicator("Indeks layanan")]),
        _node("d", "Tujuan", ["b"]),
    ],
    "no node": [],
}


def _groups(cascade, general: bool):
    for indexed in (True, False):
        ix = index(build_graph(cascade, indexed=indexed))
        if general:  # both columns paired, as for any other fields
            grouping = ix._grouping(("kind", "statement"), None, _NODE_FIELDS, ix._node_column)
        else:
            grouping = ix.node_groups(("kind", "statement"))
            assert ix.node_groups(("statement", "kind")) is grouping  # one grouping, in any order of the fields
        yield grouping.of, grouping.first


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_grouping_of_kind_and_statement(name):
    cascade = Cascade(Organisation("Uji"), CASES[name])
    assert list(_groups(cascade, True)) == list(_groups(cascade, False))


@pytest.mark.parametrize("path", ["samples/praya.yaml", "samples/batumandi.csv", "samples/praya.xlsx"])
def test_samples(path):
    cascade = load(str(ROOT / path))
    assert list(_groups(cascade, True)) == list(_groups(cascade, False))


def test_the_statement_column_alone_serves_where_the_statements_tell_the_kinds_apart():
    for name, told in [("goals only, one statement twice", True), ("indicators without a goal", True)]:
        assert index(build_graph(Cascade(Organisation("Uji"), CASES[name])))._statements_tell_kinds() is told
    blanks = Cascade(Organisation("Uji"), CASES["a statement of blanks on an indicator without a goal"])
    assert index(build_graph(blanks))._statements_tell_kinds() is False


def _group_statements_plainly(ix, goals: bool) -> list:
    first = ix.node_groups(("kind", "statement")).first
    statements, kinds = ix.values("statement"), ix.values("kind")
    return [statements[i] if not goals or kinds[i] == "goal" else None for i in first]


@pytest.mark.parametrize("name", sorted(CASES))
def test_group_statements(name):
    """Index.group_statements(): each (kind, statement) group's statement, None for the groups of nodes that are not
    goals when only the goals' are asked for; one list for both where the statements tell the kinds apart."""
    for indexed in (True, False):
        for goals_first in (True, False):
            ix = index(build_graph(Cascade(Organisation("Uji"), CASES[name]), indexed=indexed))
            for goals in (goals_first, not goals_first):
                assert ix.group_statements(goals) == _group_statements_plainly(ix, goals)
                assert ix.group_statements(goals) is ix.group_statements(goals)  # made once


@pytest.mark.parametrize("path", ["samples/praya.yaml", "samples/batumandi.csv", "samples/praya.xlsx"])
def test_group_statements_of_samples(path):
    ix = index(build_graph(load(str(ROOT / path)), indexed=True))
    assert ix.group_statements(True) == _group_statements_plainly(ix, True)
    assert ix.group_statements() == _group_statements_plainly(ix, False)
