"""Shared test helpers: build a cascade from a small YAML text and run one rule over it."""

from __future__ import annotations

import textwrap
from pathlib import Path

import networkx as nx

from kinerja_graph import checks, config
from kinerja_graph.checks.base import Context
from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import document, structured

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


def cascade_from_yaml(text: str, file: str = "test.yaml"):
    return document.build(structured.read_yaml(textwrap.dedent(text), file))


def graph_from_yaml(text: str, file: str = "test.yaml") -> nx.DiGraph:
    return build_graph(cascade_from_yaml(text, file))


def run_rule(rule_id: str, text_or_graph, options: dict | None = None):
    """The findings one rule yields on a cascade (YAML text or a built graph), with the pack's settings."""
    G = graph_from_yaml(text_or_graph) if isinstance(text_or_graph, str) else text_or_graph
    pack = config.load_default_pack()
    setting = pack.rules[rule_id]
    merged = {**setting.options, **(options or {}), "_severity": setting.severity}
    rule = checks.get(rule_id)
    ctx = Context(G=nx.freeze(G), options=merged, vocabulary=pack.vocabulary, rule=rule)
    return list(rule.check(ctx))


def register_broken_rule(monkeypatch, area: str = "structure") -> str:
    """Register, for one test, a rule "boom" (in `area`) whose check raises KeyError('oops'); its id."""
    from kinerja_graph.checks.base import Rule

    class _Boom(Rule):
        id = "boom"
        summary = rationale = message = {"id": "x", "en": "x"}

        def check(self, ctx):
            raise KeyError("oops")

    _Boom.area = area
    registry = {**checks.all_rules(), "boom": _Boom()}
    monkeypatch.setattr(checks, "all_rules", lambda: registry)
    return "boom"
