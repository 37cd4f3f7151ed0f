"""What a rule is, what it yields, and what it is given.

A rule is one module in kinerja_graph/checks/ holding one subclass of `Rule` with plain metadata
attributes and a `check(ctx)` generator. Its default severity and options are *data*, in the rule
pack (rules/default.yaml); the class declares only the schema of its options. A rule never prints,
never reads files and never decides an exit code: it looks at the frozen graph and yields findings.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import networkx as nx

from kinerja_graph.model import Location

SEVERITIES = ("error", "warning", "info")
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
AREAS = ("structure", "levels", "redundancy", "ownership", "indicators")


@dataclass(frozen=True)
class Finding:
    """One defect. `messages` holds the message in every language ({"id": ..., "en": ...})."""

    rule: str
    severity: str
    node: str | None
    messages: dict
    related: tuple[str, ...] = ()
    file: str = ""
    location: Location | None = None
    area: str = ""
    lke: str | None = None

    def message(self, lang: str = "id") -> str:
        return self.messages.get(lang) or self.messages.get("en") or ""

    @property
    def line(self) -> int | None:
        return self.location.line if self.location else None

    @property
    def cell(self) -> str | None:
        return self.location.cell() if self.location else None

    def sort_key(self):
        line = self.line  # once: the engine sorts 10^4 findings by this
        return (
            self.file,
            line if line is not None else 0,
            SEVERITY_ORDER[self.severity],
            self.rule,
            self.node or "",
            self.related,
        )

    def to_dict(self, lang: str = "id") -> dict:
        """The stable JSON form (docs/json-output.md)."""
        out = {
            "rule": self.rule,
            "severity": self.severity,
            "node": self.node,
            "related": list(self.related),
            "file": self.file,
            "line": self.line,
            "message": self.message(lang),
        }
        if self.cell:
            out["cell"] = self.cell
        out["area"] = self.area
        out["lke"] = self.lke
        return out


@dataclass
class Context:
    """Everything a rule may look at."""

    G: nx.DiGraph  # frozen: rules cannot change what another rule sees
    options: dict  # this rule's options, pack defaults merged with overrides
    vocabulary: dict  # the pack's vocabularies by name (owners, cues, units, ...), see rules/default.yaml
    rule: Rule | None = None

    def finding(
        self, node: str | None, messages: dict | None = None, *, related=(), location: Location | None = None, **params
    ) -> Finding:
        """A finding on `node`, its message built from the rule's MESSAGE templates and `params`."""
        rule = self.rule
        templates = messages or rule.message
        text = {lang: template.format(**params) for lang, template in templates.items()}
        if location is None and node is not None:
            try:
                data = self.G._node.get(node)  # the node's data, without networkx's views (10^4 findings)
            except TypeError:  # not a node id at all
                data = None
            if data is not None:
                location = data.get("location")
        return Finding(
            rule=rule.id,
            severity=self.options.get("_severity", "warning"),
            node=node,
            messages=text,
            related=tuple(related),
            file=self.G.graph.get("file", ""),
            location=location,
            area=rule.area,
            lke=rule.lke,
        )


class Rule:
    """Base of every rule. Subclasses set the metadata below and implement `check`.

    id          stable kebab-case id: a public contract
    area        one of AREAS (structure, levels, redundancy, ownership, indicators)
    lke         the LKE criterion of PermenPANRB 88/2021 the defect threatens ("1.b.8"), or None
    summary     one line, {"id": ..., "en": ...}
    rationale   why an evaluator cares, citing the regulation, {"id": ..., "en": ...}
    message     message templates ({"id": ..., "en": ...}) formatted with the finding's params
    options_schema  JSON Schema properties of the rule's options (defaults live in the pack)
    doc         Markdown: "## What it does", "## Why it matters", "## Example", "## Fix", "## Options"
    """

    id: ClassVar[str]
    area: ClassVar[str]
    lke: ClassVar[str | None] = None
    summary: ClassVar[dict]
    rationale: ClassVar[dict]
    message: ClassVar[dict]
    options_schema: ClassVar[dict] = {}
    doc: ClassVar[str] = ""

    def check(self, ctx: Context) -> Iterator[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError
