"""Shared test helpers: build a cascade from a small YAML text and run one rule over it."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import networkx as nx

from kinerja_graph import checks, config
from kinerja_graph.checks.base import Context
from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import document, structured
from kinerja_graph.messages import render

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


def cascade_from_yaml(text: str, file: str = "test.yaml"):
    return document.build(structured.read_yaml(textwrap.dedent(text), file))


def graph_from_yaml(text: str, file: str = "test.yaml") -> nx.DiGraph:
    return build_graph(cascade_from_yaml(text, file))


def context(
    rule_id: str, text_or_graph, options: dict | None = None, vocabulary: dict | None = None, *, prepare: bool = True
) -> Context:
    """The context one rule runs in on a cascade (YAML text or a built graph), with the default pack's settings
    (`options` override the pack's, `vocabulary` replaces its vocabularies). As the engine does, the pack's rules
    first prepare what they set up for the others (level-label-conflict: the doubtful level labels); with
    `prepare=False` they do not, and every level label is taken as written."""
    G = graph_from_yaml(text_or_graph) if isinstance(text_or_graph, str) else text_or_graph
    settings = config.default_settings()

    def make(rule_id: str, options: dict | None = None) -> Context:
        setting = settings.pack.rules[rule_id]
        return Context.create(
            G,
            checks.get(rule_id),
            options={**setting.options, **(options or {})},
            severity=setting.severity,
            levels=settings.levels,
            vocabulary=settings.pack.vocabulary if vocabulary is None else vocabulary,
        )

    for other in settings.active_rules() if prepare else ():  # what the rules prepare for the others, first
        if other != rule_id:
            prepared = make(other)
            prepared.rule.prepare(prepared)
    ctx = make(rule_id, options)
    if prepare:
        ctx.rule.prepare(ctx)
    return ctx


def run_rule(
    rule_id: str, text_or_graph, options: dict | None = None, vocabulary: dict | None = None, *, prepare: bool = True
) -> list:
    """The findings one rule yields on a cascade (YAML text or a built graph), with the default pack's settings
    (prepare=False: every level label taken as written, see context)."""
    ctx = context(rule_id, text_or_graph, options, vocabulary, prepare=prepare)
    return list(ctx.rule.check(ctx))


def messages(findings, lang: str = "en") -> list[str]:
    """The findings' messages in `lang`, as the formatters word them."""
    return [render(f, lang) for f in findings]


def documented(rule_id: str, heading: str = "## Example") -> str:
    """The YAML block under `heading` ("## Example", "## Fix") of a rule's documentation, as a cascade."""
    section = checks.get(rule_id).doc.split(heading, 1)[1].split("\n## ", 1)[0]
    match = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert match, f"{rule_id}: no YAML block under {heading}"
    text = textwrap.dedent(match.group(1))
    if "organisation:" not in text:
        text = "organisation: {name: Contoh}\n" + text
    return text


def as_data(findings) -> list[tuple]:
    """(node, message key, args) of each finding: what a rule found, without its words."""
    return [(f.node, f.key, dict(f.args)) for f in findings]


def register_broken_rule(monkeypatch, area: str = "structure", lke: str | None = None) -> str:
    """Register, for one test, a rule "boom" (in `area`, citing LKE criterion `lke`) whose check raises
    KeyError('oops'); its id."""
    from kinerja_graph.checks.base import Rule

    class _Boom(Rule):
        id = "boom"
        summary = rationale = {"id": "x", "en": "x"}
        messages = {"default": {"id": "x", "en": "x"}}

        def check(self, ctx):
            raise KeyError("oops")

    _Boom.area = area
    _Boom.lke = lke
    registry = {**checks.all_rules(), "boom": _Boom()}
    monkeypatch.setattr(checks, "all_rules", lambda: registry)
    return "boom"


HEADINGS_ID = ["## Apa yang diperiksa", "## Mengapa penting", "## Contoh", "## Perbaikan", "## Opsi"]


def assert_documented_in_indonesian(rule_id: str) -> None:
    """The rule's Indonesian documentation (doc_id) has the five headings in order, and its Contoh and Perbaikan
    are the very YAML of the English Example and Fix."""
    rule = checks.get(rule_id)
    headings = [line.strip() for line in rule.doc_id.splitlines() if line.startswith("## ")]
    assert headings == HEADINGS_ID, rule_id

    def yaml_under(doc: str, heading: str) -> str:
        section = doc.split(heading + "\n", 1)[1].split("\n## ", 1)[0]
        return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)

    assert yaml_under(rule.documentation("id"), "## Contoh") == yaml_under(rule.doc, "## Example")
    assert yaml_under(rule.documentation("id"), "## Perbaikan") == yaml_under(rule.doc, "## Fix")
    for name in rule.options_schema:
        assert f"`{name}`" in rule.doc_id.split("## Opsi", 1)[1], (
            f"{rule_id}: option {name} is not documented in Indonesian"
        )


# A text that holds what an encoder must escape and a terminal must not receive: quotes, a backslash, line
# breaks, a tab, an ESC sequence, non-ASCII letters and a bidi override.
HOSTILE = 'a "quoted" \\ back\nslash\t\x1b[31m é ✓ \u202e'


def hostile_report():
    """A Report of hand-made findings whose values hold HOSTILE texts and the odd cases of a finding: no node,
    no line, a spreadsheet cell, a basis, no LKE criterion, nested args, silenced findings with a reason and
    with none. The graph is not kept (no node paths)."""
    from kinerja_graph.engine import FileReport, Report, Silenced
    from kinerja_graph.findings import Finding
    from kinerja_graph.model import Location

    odd = HOSTILE
    findings = [
        Finding(
            "missing-indicator",
            "error",
            "1.1",
            {"label": odd, "level": "output"},
            key="one",
            related=(),
            file=odd,
            location=Location(odd, 12),
            area="indicators",
            lke="1.b.8",
        ),
        Finding(
            "duplicate-statement",
            "warning",
            None,
            {"statement": "x", "count": 3},
            related=("1", odd, "2"),
            file="a.csv",
            location=None,
            area="redundancy",
            lke=None,
            basis="inferred",
        ),
        Finding(
            "duplicate-statement",
            "info",
            odd,
            {"statement": odd, "count": 2},
            related=(odd,),
            file="a.csv",
            location=Location("b.xlsx", 7, "cell", "Pohon 'Kinerja'", "C"),
            area="redundancy",
            basis="doubtful",
        ),
        Finding(
            "near-duplicate",
            "warning",
            "3",
            {"variants": [[odd, ["1", "2"]], ["b", [odd]]], "field": "statement"},
            key="statements",
            related=("4",),
            file="a.csv",
            location=Location("a.csv", 3, "row"),
            area="redundancy",
        ),
    ]
    silenced = [Silenced(findings[0], odd), Silenced(findings[2], "")]
    report = Report([FileReport(file="a.csv", findings=findings, silenced=silenced)])
    return report
