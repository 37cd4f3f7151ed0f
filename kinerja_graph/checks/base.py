"""What a rule is, and what it is given.

A rule is one module in kinerja_graph/checks/ holding one subclass of `Rule` with plain metadata
attributes and a `check(ctx)` generator. Its default severity and options are *data*, in the rule
pack (rules/default.yaml); the class declares only the schema of its options and the templates of its
messages. A rule never prints, never reads files and never decides an exit code: it looks at the frozen
graph through its Context and yields findings (kinerja_graph/findings.py), whose words the formatters
render later (kinerja_graph/messages.py). docs/contributing.md shows a complete rule.
"""

from __future__ import annotations

import dataclasses
import operator
import re
import string
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from typing import Any, ClassVar

import networkx as nx

from kinerja_graph import policy
from kinerja_graph.checks._index import Index, index
from kinerja_graph.findings import IMPLICIT_ARGS, Finding, softened
from kinerja_graph.model import Location

# The five sections of a rule's documentation, in order, in each language: `doc` (English) and `doc_id`
# (Indonesian) use these headings ("## What it does"), and the YAML under Example/Contoh and Fix/Perbaikan
# is the same in both.
DOC_SECTIONS = ("what", "why", "example", "fix", "options")
DOC_HEADINGS: dict[str, dict[str, str]] = {
    "en": {
        "what": "What it does",
        "why": "Why it matters",
        "example": "Example",
        "fix": "Fix",
        "options": "Options",
    },
    "id": {
        "what": "Apa yang diperiksa",
        "why": "Mengapa penting",
        "example": "Contoh",
        "fix": "Perbaikan",
        "options": "Opsi",
    },
}


def _section(doc: str, heading: str) -> re.Match[str] | None:
    """The section of Markdown `doc` under "## heading" (its body is group 1), up to the next heading."""
    return re.search(rf"^## {re.escape(heading)}[ \t]*\n(.*?)(?=^## |\Z)", doc, re.S | re.M)


class Rule:
    """Base of every rule. Subclasses set the metadata below and implement `check`.

    id          stable kebab-case id: a public contract
    area        one of AREAS (structure, levels, redundancy, ownership, indicators)
    lke         the LKE criterion of PermenPANRB 88/2021 the defect threatens ("1.b.8"), or None
    summary     one line, {"id": ..., "en": ...}
    rationale   why an evaluator cares, citing the regulation, {"id": ..., "en": ...}
    messages    {key: {"id": template, "en": template}}: the finding's words, its arguments filled in
                (typed format specs such as {level:level}: kinerja_graph/messages.py); a finding made
                without a key uses "default"
    options_schema  JSON Schema properties of the rule's options (defaults live in the pack)
    doc         Markdown: "## What it does", "## Why it matters", "## Example", "## Fix", "## Options"
    doc_id      the same documentation in Indonesian (formal LHE register): "## Apa yang diperiksa",
                "## Mengapa penting", "## Contoh", "## Perbaikan", "## Opsi" — Contoh and Perbaikan hold
                only their Indonesian prose, if any: their YAML is that of the English Example and Fix,
                written once and added by `documentation("id")`
    """

    id: ClassVar[str]
    area: ClassVar[str]
    lke: ClassVar[str | None] = None
    summary: ClassVar[dict[str, str]]
    rationale: ClassVar[dict[str, str]]
    messages: ClassVar[dict[str, dict[str, str]]]
    options_schema: ClassVar[dict] = {}
    doc: ClassVar[str] = ""
    doc_id: ClassVar[str] = ""

    def documentation(self, lang: str = "en") -> str:
        """The rule's documentation in `lang` (Indonesian when it has one, else English). In Indonesian,
        Contoh and Perbaikan show the YAML of Example and Fix after their own words (the examples are
        written once, in `doc`, and run as tests)."""
        if lang != "id" or not self.doc_id:
            return self.doc
        out = self.doc_id
        for section in ("example", "fix"):
            english = _section(self.doc, DOC_HEADINGS["en"][section])
            own = _section(out, DOC_HEADINGS["id"][section])
            if english is None or own is None or "```" in own.group(1):
                continue
            blocks = re.findall(r"```.*?```", english.group(1), re.S)
            words = own.group(1).strip()
            out = out[: own.start(1)] + "\n\n".join([words, *blocks] if words else blocks) + "\n\n" + out[own.end(1) :]
        return out

    def doc_section(self, section: str, lang: str = "en") -> str:
        """The body of one section of the documentation in `lang` (a key of DOC_SECTIONS: "example", "fix", ...),
        "" when the documentation has no such section. Falls back to English as `documentation` does."""
        doc_lang = "id" if lang == "id" and self.doc_id else "en"
        found = _section(self.documentation(lang), DOC_HEADINGS[doc_lang][section])
        return found.group(1).strip() if found else ""

    def prepare(self, ctx: Context) -> None:
        """Before any rule checks the graph: set up what other rules rely on (the engine calls it for every
        rule it runs, on the same graph and Index). level-label-conflict tells the Index which level labels
        the structure makes doubtful (Index.doubt_levels); most rules have nothing to prepare."""

    def check(self, ctx: Context) -> Iterator[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError


_FORMATTER = string.Formatter()
_NEEDS: dict[tuple[type, str], frozenset[str]] = {}  # (rule class, message key) -> the arguments its templates name


# Making a Finding: a frozen dataclass's __init__ sets each of its eleven fields through object.__setattr__,
# which at 10^5 findings costs more than everything else Context.finding does. The slots' own setters do the
# same in half the time; they are used when Finding has exactly the fields below and nothing run at init,
# else the constructor itself. Faster still (half again: 7·10^5 findings at 10^6 goals): the fields set as
# plain attributes on an object of a class with the same slots but without the frozen __setattr__ (_Fields),
# which then becomes a Finding by assigning its __class__ (Python allows it between classes whose instances
# have the same layout: the same slots, in the same order, on the same base). Used when one made so equals one
# made by the constructor, field for field.
_FINDING_FIELDS = ("rule", "severity", "node", "args", "key", "related", "file", "location", "area", "lke", "basis")


class _Fields:
    """A Finding's slots, settable: what _finding_maker's maker fills before the object becomes a Finding."""

    __slots__ = _FINDING_FIELDS
    rule: str
    severity: str
    node: str | None
    args: Mapping[str, object]
    key: str
    related: tuple[str, ...]
    file: str
    location: Location | None
    area: str
    lke: str | None
    basis: str | None


def _finding_maker():
    if tuple(f.name for f in dataclasses.fields(Finding)) != _FINDING_FIELDS or hasattr(Finding, "__post_init__"):
        return Finding
    new = object.__new__
    rule_, severity_, node_, args_, key_, related_, file_, location_, area_, lke_, basis_ = (
        getattr(Finding, name).__set__ for name in _FINDING_FIELDS
    )

    def make(rule, severity, node, args, key, related, file, location, area, lke, basis) -> Finding:
        f = new(Finding)
        rule_(f, rule)
        severity_(f, severity)
        node_(f, node)
        args_(f, args)
        key_(f, key)
        related_(f, related)
        file_(f, file)
        location_(f, location)
        area_(f, area)
        lke_(f, lke)
        basis_(f, basis)
        return f

    def make_fields(rule, severity, node, args, key, related, file, location, area, lke, basis) -> Finding:
        f = new(_Fields)
        f.rule = rule
        f.severity = severity
        f.node = node
        f.args = args
        f.key = key
        f.related = related
        f.file = file
        f.location = location
        f.area = area
        f.lke = lke
        f.basis = basis
        f.__class__ = Finding
        return f

    sample = ("rule", "warning", "node", {"n": 1}, "default", ("other",), "file", Location("file", 1), "a", "l", None)
    try:
        made = make_fields(*sample)
        if (
            Finding.__slots__ == _FINDING_FIELDS
            and type(made) is Finding
            and all(getattr(made, name) is value for name, value in zip(_FINDING_FIELDS, sample))
            and made == Finding(*sample)
        ):
            return make_fields
    except TypeError:  # (__class__ cannot be assigned: the layouts differ)
        pass
    return make


_make_finding = _finding_maker()


def _needs(rule: Rule, key: str) -> frozenset[str]:
    """The arguments the templates of message `key` of `rule` name, in every language (KeyError: no such key)."""
    found = _NEEDS.get((type(rule), key))
    if found is None:
        try:
            templates = rule.messages[key]
        except KeyError:
            raise KeyError(
                f"rule {rule.id} has no message {key!r} (its messages: {', '.join(rule.messages)})"
            ) from None
        names = {name for text in templates.values() for _, name, _, _ in _FORMATTER.parse(text) if name is not None}
        found = _NEEDS[(type(rule), key)] = frozenset(names) - IMPLICIT_ARGS
    return found


@dataclass
class Context:
    """Everything a rule may look at, and how it makes a finding.

    graph       the cascade's graph (kinerja_graph/graph.py), frozen: rules cannot change what another sees
    index       the graph's Index, shared by every rule (kinerja_graph/checks/_index.py)
    options     this rule's options: the pack's defaults merged with the project's overrides
    severity    this rule's severity in the pack
    levels      the level vocabulary: the shipped levels plus the labels the pack gives them
    vocabulary  the pack's vocabularies by name (cues, owners, units, text, ...), see rules/default.yaml
    rule        the rule being run
    """

    graph: nx.DiGraph
    index: Index
    options: Mapping[str, Any]
    severity: str
    levels: policy.LevelVocabulary
    vocabulary: Mapping[str, Any]
    rule: Rule
    _nodes: dict = field(init=False, repr=False)
    _file: str = field(init=False, repr=False)
    # message key -> (the arguments its templates name (_needs), the rule's id, area and criterion): what each
    # finding of that message needs looked up once
    _needed: dict = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._nodes = self.graph._node  # the nodes' data without networkx's views (10^4 findings)
        self._file = self.graph.graph.get("file", "")
        self._needed = {}

    @classmethod
    def create(
        cls,
        graph: nx.DiGraph,
        rule: Rule,
        *,
        options: Mapping[str, Any] | None = None,
        severity: str = "warning",
        levels: policy.LevelVocabulary | None = None,
        vocabulary: Mapping[str, Any] | None = None,
    ) -> Context:
        """A context for `rule` on `graph`, which is frozen here; the shipped levels unless `levels` is given."""
        if not nx.is_frozen(graph):
            nx.freeze(graph)
        return cls(
            graph=graph,
            index=index(graph),
            options=options or {},
            severity=severity,
            levels=levels or policy.levels(),
            vocabulary=vocabulary or {},
            rule=rule,
        )

    def finding(
        self,
        node: str | None,
        key: str = "default",
        *,
        related: Iterable[str] = (),
        location: Location | None = None,
        rests_on: Iterable[str] = (),
        **args: object,
    ) -> Finding:
        """A finding of this rule on `node` (None: the whole cascade), worded by its message `key`.

        args      the message's arguments (every one its templates name): language-neutral values, texts
                  already quoted (_quote.quote), level ids, field ids, counts, lists
        related   the other nodes involved
        location  where it stands, when not where `node` stands (an indicator's own row)
        rests_on  the fields ("level", "parent", "owner", ...) of `node` and the related nodes that the
                  judgement rests on: when one of them is inferred (Node.inferred) or a level the cascade's
                  structure contradicts (Index.doubtful_levels), the finding gets that basis and a
                  severity of at most "warning"
        """
        made = self._needed.get(key)
        if made is None:
            rule = self.rule
            made = self._needed[key] = (_needs(rule, key), rule.id, rule.area, rule.lke)
        needed, rule_id, area, lke = made
        if not args.keys() >= needed:
            missing = ", ".join(sorted(needed - args.keys()))
            raise KeyError(f"rule {rule_id}: message {key!r} needs the argument(s) {missing}")
        if type(related) is not tuple:
            related = tuple(related)
        if location is None and node is not None:
            try:
                data = self._nodes.get(node)
            except TypeError:  # not a node id at all
                data = None
            if data is not None:
                location = data.get("location")
        severity, basis = self.severity, None
        if rests_on:
            basis = self.basis(node, related, rests_on)
            if basis is not None:
                severity = softened(severity)
        return _make_finding(rule_id, severity, node, args, key, related, self._file, location, area, lke, basis)

    def findings(
        self,
        key: str,
        nodes: Sequence[str | None],
        *,
        related: Iterable[Iterable[str]],
        locations: Iterable[Location | None],
        args: Iterable[dict[str, object]],
    ) -> list[Finding]:
        """Many findings of message `key` at once, each as finding(nodes[k], key, related=related[k],
        location=locations[k], **args[k]) makes it (without rests_on): for a rule that makes its findings by the
        ten thousand from arrays, the same checks done in one pass instead of one call per finding. args[k] is
        the finding's own dict of arguments (not copied); a related tuple is kept as it is."""
        made = self._needed.get(key)
        if made is None:
            rule = self.rule
            made = self._needed[key] = (_needs(rule, key), rule.id, rule.area, rule.lke)
        needed, rule_id, area, lke = made
        args = list(args)
        if not all(map(operator.ge, map(dict.keys, args), repeat(needed))):
            lacking = next(a for a in args if not a.keys() >= needed)
            missing = ", ".join(sorted(needed - lacking.keys()))
            raise KeyError(f"rule {rule_id}: message {key!r} needs the argument(s) {missing}")
        related = list(map(tuple, related))
        locations = list(locations)
        if not len(nodes) == len(related) == len(locations) == len(args):
            raise ValueError(f"rule {rule_id}: as many nodes, related, locations and arguments are needed")
        for k in compress(range(len(locations)), map(operator.is_, locations, repeat(None))):
            node = nodes[k]
            if node is not None:  # where the node stands, as finding() looks it up
                try:
                    data = self._nodes.get(node)
                except TypeError:  # not a node id at all
                    data = None
                if data is not None:
                    locations[k] = data.get("location")
        return list(
            map(
                _make_finding,
                repeat(rule_id),
                repeat(self.severity),
                nodes,
                args,
                repeat(key),
                related,
                repeat(self._file),
                locations,
                repeat(area),
                repeat(lke),
                repeat(None),
            )
        )

    def basis(self, node: str | None, related: tuple[str, ...], rests_on: Iterable[str]) -> str | None:
        """What a judgement on these fields of `node` and `related` rests on besides stated data:
        "doubtful" when it rests on the level of a goal whose level label the cascade's structure
        contradicts, else "inferred" when one of the fields is one the document marks as inferred, else None."""
        fields = frozenset(rests_on)
        members = related if node is None else (node, *related)
        if "level" in fields:
            doubtful = self.index.doubtful_levels
            if doubtful and any(n in doubtful for n in members):
                return "doubtful"
        for n in members:
            data = self._nodes.get(n)
            model = data.get("node") if data is not None else None
            if model is not None and not fields.isdisjoint(getattr(model, "inferred", ())):
                return "inferred"
        return None
