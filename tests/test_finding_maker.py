"""Context.finding and Context.findings make plain Findings (checks/base.py makes them without the frozen
dataclass's __init__): equal to the constructor's, of the class Finding itself, frozen, hashable alike, pickled
and copied alike."""

import copy
import dataclasses
import pickle

import networkx as nx
import pytest

from kinerja_graph.checks import base
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.findings import Finding
from kinerja_graph.model import Location


class _Rule(Rule):
    id = "made-rule"
    area = "structure"
    lke = "1.b.1"
    messages = {"default": {"id": "{label}", "en": "{label}"}, "other": {"id": "x", "en": "x"}}


def _context() -> Context:
    G = nx.DiGraph(file="a.csv")
    G.add_node("1", kind="goal", location=Location("a.csv", 3))
    G.add_node("2", kind="goal", location=Location("a.csv", 4))
    return Context.create(G, _Rule(), severity="error")


def _expected(node, key, args, related=(), location=None, severity="error") -> Finding:
    return Finding(
        "made-rule", severity, node, args, key, related, "a.csv", location, area="structure", lke="1.b.1", basis=None
    )


def _alike(made: Finding, expected: Finding) -> None:
    assert type(made) is Finding
    assert made == expected
    assert hash(made) == hash(expected)
    assert repr(made) == repr(expected)
    assert dataclasses.astuple(made) == dataclasses.astuple(expected)
    assert pickle.loads(pickle.dumps(made)) == expected
    assert copy.copy(made) == expected and copy.deepcopy(made) == expected
    assert dataclasses.replace(made, node="2") == dataclasses.replace(expected, node="2")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.node = "2"  # type: ignore[misc]


def test_the_maker_in_use_is_the_fast_one():
    assert base._make_finding.__name__ == "make_fields"


def test_a_finding_made_by_context_finding_is_the_constructors():
    ctx = _context()
    _alike(ctx.finding("1", label="a"), _expected("1", "default", {"label": "a"}, location=Location("a.csv", 3)))
    _alike(ctx.finding(None, "other", related=["2"]), _expected(None, "other", {}, related=("2",)))


def test_findings_made_together_are_the_constructors():
    ctx = _context()
    made = ctx.findings(
        "default",
        ["1", "2", None],
        related=[(), ("1",), ()],
        locations=[None, Location("a.csv", 9), None],
        args=[{"label": "a"}, {"label": "b"}, {"label": "c"}],
    )
    expected = [
        _expected("1", "default", {"label": "a"}, location=Location("a.csv", 3)),
        _expected("2", "default", {"label": "b"}, related=("1",), location=Location("a.csv", 9)),
        _expected(None, "default", {"label": "c"}),
    ]
    for m, e in zip(made, expected, strict=True):
        _alike(m, e)
