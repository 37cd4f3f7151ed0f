"""The checker's findings on a printed page: numbered codes on the boxes, keyed to a list.

A finding of one of the *missing data* rules (``findings.missing_rules`` in rules/render.yaml:
missing-indicator, missing-owner, ...) is drawn as the box's grey dashed "belum ada" patch naming
the field; it gets no code, so that ninety empty output boxes do not drown the five with wrong
content. Every other finding gets a code ("T3", "F3" in English), numbered per page in the order
the boxes are drawn, shown on the box it concerns (and on the boxes it names as related) and
explained in the list printed on the same sheet: severity mark, rule, goal and the message,
shortened. Errors give the box a red border and "■", warnings amber and "▲", info (only with
``--findings all``) blue and "●": a shape as well as a colour, for greyscale prints. Findings
about the cascade as a whole are listed on the first page.

Findings are anything with ``rule``, ``severity``, ``node`` and ``related``; their text comes from
`message_text` (the one place that knows the checker's message API, kinerja_graph/messages.py).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kinerja_graph.findings import Finding
from kinerja_graph.messages import render
from kinerja_graph.render import labels
from kinerja_graph.render.style import Style

SEVERITY_MARK = {"error": "■", "warning": "▲", "info": "●"}
_RANK = {"error": 0, "warning": 1, "info": 2}


def message_text(finding, lang: str) -> str:
    """A finding's message in `lang`: the checker's Finding worded from its rule's template, anything else
    (a finding-like object from elsewhere) by its own message(lang)."""
    if isinstance(finding, Finding):
        return render(finding, lang)
    return str(finding.message(lang))


@dataclass
class Entry:
    code: str
    severity: str
    rule: str
    node: str | None
    text: str


@dataclass
class PageMarks:
    """What one page shows of the findings."""

    codes: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # node -> [(code, severity)]
    worst: dict[str, str] = field(default_factory=dict)  # node -> its worst coded severity
    missing: dict[str, list[str]] = field(default_factory=dict)  # node -> missing-data words
    entries: list[Entry] = field(default_factory=list)  # the numbered list


class Overlay:
    def __init__(self, findings, style: Style, lang: str = "id", *, include_info: bool = False):
        self.style = style
        self.lang = lang
        self.active = findings is not None
        allowed = ("error", "warning", "info") if include_info else ("error", "warning")
        self.include_info = include_info
        missing_rules = style.findings["missing_rules"]
        self.missing: dict[str, list[str]] = defaultdict(list)
        self.by_node: dict[str, list] = defaultdict(list)  # node (or related node) -> coded findings
        self.general: list = []
        self.coded: list = []
        for f in findings or ():
            severity = getattr(f, "severity", None)
            if severity not in allowed:
                continue
            node = getattr(f, "node", None)
            rule = getattr(f, "rule", "")
            if rule in missing_rules and node is not None:
                word = style.t(missing_rules[rule], lang)
                if word not in self.missing[node]:
                    self.missing[node].append(word)
                continue
            if node is None:
                self.general.append(f)
                continue
            self.coded.append(f)
            for n in (node, *tuple(getattr(f, "related", ()) or ())):
                if f not in self.by_node[n]:
                    self.by_node[n].append(f)
        for lst in self.by_node.values():
            lst.sort(key=lambda f: _RANK[f.severity])

    def page(self, nodes: list[str], *, first: bool, summaries: frozenset[str] = frozenset()) -> PageMarks:
        """The codes and the list of a page drawing `nodes` (in drawing order). `summaries`: goals
        the page only repeats (an overview's branch tops): their findings are on their own page."""
        marks = PageMarks()
        if not self.active:
            return marks
        prefix = self.style.t("code_prefix", self.lang)
        number: dict[int, str] = {}
        limit = int(self.style.findings["list_chars"])

        def add(f, where: str | None) -> str:
            key = id(f)
            if key not in number:
                number[key] = f"{prefix}{len(number) + 1}"
                text = labels.shorten(message_text(f, self.lang), limit)
                marks.entries.append(Entry(number[key], f.severity, f.rule, where, text))
            return number[key]

        if first:
            for f in self.general:
                add(f, None)
        for n in nodes:
            if n in summaries:
                continue
            if n in self.missing:
                marks.missing[n] = list(self.missing[n])
            for f in self.by_node.get(n, ()):
                code = add(f, f.node)
                marks.codes.setdefault(n, []).append((code, f.severity))
                if n not in marks.worst or _RANK[f.severity] < _RANK[marks.worst[n]]:
                    marks.worst[n] = f.severity
        return marks
