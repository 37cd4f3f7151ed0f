"""The checker: run the selected rules over each cascade's frozen graph, honour the nodes' silences,
and gather everything into one Report. Nothing here prints or chooses an exit code for the user;
formatters (kinerja_graph/report/) and the CLI do.

A run over several files reads every file first, then checks each one on its own. A file that
cannot be read becomes an input error in the report and the other files are still checked; a rule
that raises becomes an internal error naming the rule, and the other rules still run. Either makes
the exit code 2 (see Report.exit_code).

Silences. A node may silence a rule for itself (``ignore: [{rule: id, reason: ...}]``): a finding of
that rule *on that node* moves from ``findings`` to ``silenced`` with the reason given. A rule with a
``check_silences`` method (the ``stale-ignore`` pseudo-rule) runs after all the others and is told
which rules ran and which silences matched, so it can report silences that matched nothing and
silences naming no rule.

Garbage collection. A 10^5-node cascade is millions of small objects that live for the whole run;
Python's cyclic garbage collector would walk all of them again and again while the rules allocate
(a third of the check time). Reading and checking run with it paused (gc_paused); reference counting
still frees everything the rules drop, and the collector resumes when the run ends.

Before any rule checks the graph, every rule run may prepare what other rules rely on (Rule.prepare):
level-label-conflict tells the shared Index which level labels the cascade's tree makes doubtful, so
that the rules judging levels judge those goals by their place in the tree. A rule whose prepare breaks
is an internal error, and its check is not run.

Each rule's graph carries, besides the attributes graph.py documents, ``G.graph["cascades"]``: every
cascade read in this run by organisation key (Organisation.key), for rules that follow references
into other organisations' cascades.
"""

from __future__ import annotations

import functools
import operator
import os
import time
import traceback
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from kinerja_graph import checks
from kinerja_graph.checks._index import cached
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.config import Settings
from kinerja_graph.errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK
from kinerja_graph.findings import SEVERITY_ORDER, Finding, sorted_findings
from kinerja_graph.gcpause import gc_paused

DEBUG_ENV = "KINERJA_DEBUG"  # set (to anything) to add where in the code an internal error happened
MAX_DETAIL = 300  # characters of an exception's own text kept in an internal error


def reaches(findings: Iterable[Finding], fail_on: str) -> bool:
    """Does a finding reach the severity `fail_on` (or a worse one)?"""
    limit = SEVERITY_ORDER[fail_on]
    return any(SEVERITY_ORDER[f.severity] <= limit for f in findings)


def exit_code(*, errors: bool, failed: bool) -> int:
    """The exit code of every command that checks: 2 when a file could not be read or something broke,
    else 1 when a finding reaches --fail-on, else 0."""
    if errors:
        return EXIT_INPUT
    return EXIT_FINDINGS if failed else EXIT_OK


@dataclass(frozen=True)
class RunError:
    """A file that could not be read ("input") or a rule (or the reader) that broke ("internal")."""

    kind: str  # "input" or "internal"
    file: str
    message: str  # one problem per line
    rule: str | None = None

    def to_dict(self) -> dict:
        return {"kind": self.kind, "file": self.file, "rule": self.rule, "message": self.message}

    def lines(self) -> list[str]:
        """The message's lines, each naming the file (for stderr: "kinerja: <line>")."""
        return [line if line.startswith(self.file) else f"{self.file}: {line}" for line in self.message.splitlines()]


@dataclass(frozen=True)
class Silenced:
    finding: Finding
    reason: str


@dataclass
class FileReport:
    """What one file's check found."""

    file: str
    organisation: str | None = None
    findings: list[Finding] = field(default_factory=list)
    silenced: list[Silenced] = field(default_factory=list)
    errors: list[RunError] = field(default_factory=list)
    fail_on: str = "error"
    rules: list[str] = field(default_factory=list)  # the rules that ran
    timings: dict[str, float] = field(default_factory=dict)  # rule id -> seconds
    nodes: int = 0
    # the frozen graph the rules saw, for what needs node identities after the run (SARIF node paths,
    # fingerprints for baselines: kinerja_graph/fingerprint.py); None for a file that was not read
    graph: nx.DiGraph | None = field(default=None, repr=False, compare=False)

    @property
    def readable(self) -> bool:
        return not any(e.kind == "input" for e in self.errors)

    def failed(self) -> bool:
        """Does a finding reach this file's --fail-on severity?"""
        return reaches(self.findings, self.fail_on)


@dataclass
class Report:
    files: list[FileReport] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]

    @property
    def silenced(self) -> list[Silenced]:
        return [s for r in self.files for s in r.silenced]

    @property
    def errors(self) -> list[RunError]:
        return [e for r in self.files for e in r.errors]

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for r in self.files:  # (each file's severities counted in C: 7·10^5 findings at 10^6 goals)
            for severity, n in Counter(map(_SEVERITY, r.findings)).items():
                out[severity] += n
        return out

    def summary(self) -> dict:
        counts = self.counts()
        return {
            "files": len(self.files),
            "error": counts["error"],
            "warning": counts["warning"],
            "info": counts["info"],
            "silenced": len(self.silenced),
            "unreadable": sum(1 for r in self.files if not r.readable),
            "internal_errors": sum(1 for e in self.errors if e.kind == "internal"),
        }

    def exit_code(self) -> int:
        """2 when a file could not be read or a rule broke; else 1 when a finding reaches --fail-on; else 0."""
        return exit_code(errors=bool(self.errors), failed=any(r.failed() for r in self.files))


# ------------------------------------------------------------------------------------------------


def internal_error(file: str, doing: str, exc: BaseException, rule: str | None = None) -> RunError:
    """What broke, said for the user: the file, what was being done and the exception, on one line.

    Where in the code it broke is added only when KINERJA_DEBUG is set: a library's source path says
    nothing about the user's file."""
    detail = " ".join(str(exc).split())
    if len(detail) > MAX_DETAIL:
        detail = detail[: MAX_DETAIL - 1] + "…"
    text = f"internal error in {doing}: {type(exc).__name__}" + (f": {detail}" if detail else "")
    if os.environ.get(DEBUG_ENV):
        frames = traceback.extract_tb(exc.__traceback__)
        if frames:
            text += f" (at {frames[-1].filename}:{frames[-1].lineno} in {frames[-1].name})"
    return RunError("internal", file, text, rule)


_IGNORE = operator.attrgetter("ignore")
_SEVERITY = operator.attrgetter("severity")


def _silences(G: nx.DiGraph) -> dict[str, dict]:
    """Node id -> {rule id: Silence} for the nodes that silence something, in document order."""
    cascade = G.graph.get("cascade")
    # the cascade's plain list of nodes is cheaper to walk than the graph's node data
    models = cascade.nodes if cascade is not None else [d.get("node") for _, d in G.nodes(data=True)]
    ix = cached(G)  # the rules' Index, if they made one
    held = None if ix is None else ix.values("node")
    # (the Index's column is the cascade's own list when it was made from it: then no model need be looked at, where
    # comparing them one by one touches each of 10^6 objects far apart in memory)
    same = held is not None and (held is models or (len(held) == len(models) and all(map(operator.is_, held, models))))
    if ix is not None and same:
        if not ix.silencing():  # the same models: read once for the engine and stale-ignore
            return {}
    else:
        try:
            if not any(map(_IGNORE, models)):  # read in C: 10^6 nodes, and almost never one silencing anything
                return {}
        except AttributeError:  # a node without a model, or a model without silences
            pass
    out: dict[str, dict] = {}
    for model in models:
        ignore = getattr(model, "ignore", None)
        if ignore and model.id in G:
            entry: dict = {}
            for s in ignore:
                entry.setdefault(s.rule, s)
            out[model.id] = entry
    return out


def _run_one(rule, file: str, report: FileReport, call) -> list[Finding] | None:
    started = time.perf_counter()
    try:
        found = list(call())
        if not {Finding}.issuperset(map(type, found)):  # each of 10^4 findings looked at in one pass
            for f in found:
                if not isinstance(f, Finding):
                    raise TypeError(f"yielded {type(f).__name__}, not a Finding")
    except Exception as exc:  # a broken rule must not sink the run, nor pass unnoticed
        report.errors.append(internal_error(file, f"rule {rule.id}", exc, rule.id))
        return None
    finally:
        report.timings[rule.id] = report.timings.get(rule.id, 0.0) + time.perf_counter() - started
    return found


def rule_context(G: nx.DiGraph, rule, settings: Settings) -> Context:
    """The context a rule of the run is given: its options and severity from the settings, the run's levels
    and vocabulary."""
    setting = settings.setting(rule.id)
    return Context.create(
        G,
        rule,
        options=setting.options,
        severity=setting.severity,
        levels=settings.levels,
        vocabulary=settings.pack.vocabulary,
    )


def check_graph(G: nx.DiGraph, settings: Settings, *, file: str | None = None) -> FileReport:
    """Run the rules `settings` selects over G (frozen here) and sort what they find."""
    with gc_paused():
        return _check_graph(G, settings, file)


def _check_graph(G: nx.DiGraph, settings: Settings, file: str | None) -> FileReport:
    file = G.graph.get("file", "") if file is None else file
    if not nx.is_frozen(G):
        nx.freeze(G)
    registry = checks.all_rules()
    org = G.graph.get("organisation")
    cascade = G.graph.get("cascade")
    count = (
        len(cascade.nodes) if cascade is not None else sum(1 for _, k in G.nodes(data="kind") if k != "crosscutting")
    )
    report = FileReport(
        file=file, organisation=getattr(org, "name", None), fail_on=settings.fail_on, nodes=count, graph=G
    )
    active = settings.active_rules()
    report.rules = list(active)
    findings: list[Finding] = []
    ran: set[str] = set()
    later = []

    def context(rule_id: str) -> Context:
        """The rule's context (the graph's Index is built for the first rule, inside its run, and shared)."""
        return rule_context(G, registry[rule_id], settings)

    def run(rule) -> Iterable[Finding]:  # inside _run_one: a rule whose context cannot be made is a broken rule
        return rule.check(context(rule.id))

    def run_later(rule) -> Iterable[Finding]:
        return rule.check_silences(context(rule.id), ran=frozenset(ran), matched=frozenset(matched))

    def prepare(rule) -> Iterable[Finding]:
        rule.prepare(context(rule.id))
        return ()

    broken = set()
    for rule_id in active:  # what some rules set up for the others (doubtful level labels), before any checks
        rule = registry[rule_id]
        if (
            type(rule).prepare is not Rule.prepare
            and _run_one(rule, file, report, functools.partial(prepare, rule)) is None
        ):
            broken.add(rule_id)
    for rule_id in active:
        rule = registry[rule_id]
        if hasattr(rule, "check_silences"):
            later.append(rule)
            continue
        if rule_id in broken:  # its internal error is reported once
            continue
        found = _run_one(rule, file, report, functools.partial(run, rule))
        if found is not None:
            ran.add(rule_id)
            findings.extend(found)

    silences = _silences(G)  # (after the rules: from the models their Index read)
    kept, matched = _apply_silences(findings, silences, report)
    for rule in later:
        found = _run_one(rule, file, report, functools.partial(run_later, rule))
        if found is not None:
            more, _ = _apply_silences(found, silences, report)
            kept.extend(more)
    report.findings = sorted_findings(kept)  # (in Finding.sort_key's order)
    report.silenced.sort(key=lambda s: s.finding.sort_key())
    return report


def _apply_silences(findings: Iterable[Finding], silences: dict, report: FileReport):
    if not silences:  # nothing silenced in this cascade (the usual case)
        return list(findings), set()
    kept: list[Finding] = []
    matched: set[tuple[str, str]] = set()
    for f in findings:
        silence = silences.get(f.node, {}).get(f.rule) if f.node is not None else None
        if silence is None or f.node is None:
            kept.append(f)
        else:
            matched.add((f.node, f.rule))
            report.silenced.append(Silenced(f, silence.reason))
    return kept, matched
