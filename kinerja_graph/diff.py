"""What changed between two versions of a cascade: goals and findings.

    from kinerja_graph import diff, pipeline
    options = pipeline.Options()
    settings = pipeline.settings_for("new.yaml", options)    # both versions: the new one's configuration
    (old,) = pipeline.run(["old.yaml"], options, settings_for=lambda _: settings).results
    (new,) = pipeline.run(["new.yaml"], options, settings_for=lambda _: settings).results
    result = diff.compare(old, new, fail_on=settings.fail_on)

Matching goals across versions (every pass is linear, or quadratic only inside one small block):

1. same id and same statement;
2. same statement (normalised: case, accents, punctuation and spacing ignored), whatever the id: a
   renumbered goal ("1.3" -> "1.4"); several goals with one statement are paired in document order;
3. same id, statement edited (the usual typo fix or rewording in place);
4. similar statements (at least SIMILAR of the words shared) among the goals left under the same
   (matched) parent: a goal reworded and renumbered at once.

An indicator without a goal is matched the same way on its indicators' names. What is left is added
(new version) or removed (old version). For each matched pair the diff reports a new parent ("moved"),
a new id ("renumbered"), and changes of statement, level, owner, crosscutting links and indicators:
indicators are paired by name, then the rest by position (a renamed indicator), and for each pair the
formula, unit, calculation type, data source, polarity and every year's target are compared.

Findings. Both versions are read and checked by the pipeline (kinerja_graph/pipeline.py), each on its
own (a version's rules do not see the other version), with the same settings. A finding is identified by its rule, its
node *as matched* (so a renumbered or reworded goal keeps its findings), the indicator it concerns
(matched the same way) and, for a finding about several nodes, the smallest and largest of them;
findings with one identity are paired first by equal message, then in document order. Each finding
of the new version is "new" or "unchanged"; each finding of the old one left unpaired is "resolved",
or "silenced" when the new version silences it (``ignore:``) rather than fixing it. A change of a
goal's ``ignore:`` list is reported among its changes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from kinerja_graph import engine
from kinerja_graph.engine import FileReport, RunError
from kinerja_graph.findings import Finding
from kinerja_graph.gcpause import gc_paused
from kinerja_graph.messages import to_dict
from kinerja_graph.model import Cascade, Indicator, Node
from kinerja_graph.pipeline import FileResult
from kinerja_graph.text import normalise

SIMILAR = 0.6  # share of words two statements must have in common to be taken for one reworded goal
BLOCK_LIMIT = 200  # pass 4 compares at most this many goals on each side of one parent
INDICATOR_FIELDS = ("formula", "unit", "calculation", "source", "polarity")


# ------------------------------------------------------------------------------------------------
# results


@dataclass
class FieldChange:
    """One changed field of a matched goal. `indicator` names the indicator (new name) it belongs to."""

    field: str  # statement, level, owner, parents, id, crosscutting, ignore, indicator-added,
    #             indicator-removed, indicator-renamed, formula, unit, calculation, source, polarity, target
    old: object = None
    new: object = None
    indicator: str | None = None
    year: int | None = None

    def to_dict(self) -> dict:
        out = {"field": self.field, "old": self.old, "new": self.new}
        if self.indicator is not None:
            out["indicator"] = self.indicator
        if self.year is not None:
            out["year"] = self.year
        return out


@dataclass
class GoalChange:
    """A goal present in both versions that changed (or was only renumbered or moved)."""

    old_id: str
    new_id: str
    statement: str | None  # as in the new version
    how: str  # how it was matched: "same", "renumbered", "edited", "similar"
    changes: list[FieldChange] = field(default_factory=list)

    @property
    def moved(self) -> bool:
        return any(c.field == "parents" for c in self.changes)

    @property
    def renumbered(self) -> bool:
        return self.old_id != self.new_id

    @property
    def content_changes(self) -> list[FieldChange]:
        return [c for c in self.changes if c.field not in ("parents", "id")]

    def to_dict(self) -> dict:
        return {
            "id": self.new_id,
            "old_id": self.old_id,
            "statement": self.statement,
            "matched_by": self.how,
            "changes": [c.to_dict() for c in self.changes],
        }


@dataclass
class DiffResult:
    old_file: str
    new_file: str
    old_report: FileReport
    new_report: FileReport
    added: list[Node] = field(default_factory=list)
    removed: list[Node] = field(default_factory=list)
    changed: list[GoalChange] = field(default_factory=list)  # every matched goal with any change
    new_findings: list[Finding] = field(default_factory=list)
    resolved_findings: list[Finding] = field(default_factory=list)
    unchanged_findings: list[Finding] = field(default_factory=list)
    silenced_findings: list[Finding] = field(default_factory=list)  # old findings the new version silences
    fail_on: str = "error"

    @property
    def moved(self) -> list[GoalChange]:
        return [c for c in self.changed if c.moved]

    @property
    def renumbered(self) -> list[GoalChange]:
        return [c for c in self.changed if c.renumbered]

    @property
    def edited(self) -> list[GoalChange]:
        return [c for c in self.changed if c.content_changes]

    @property
    def errors(self) -> list[RunError]:
        return [*self.old_report.errors, *self.new_report.errors]

    def introduces_failure(self) -> bool:
        """Does the new version bring a finding at or above --fail-on?"""
        return engine.reaches(self.new_findings, self.fail_on)

    def exit_code(self) -> int:
        return engine.exit_code(errors=bool(self.errors), failed=self.introduces_failure())

    def summary(self) -> dict:
        return {
            "added": len(self.added),
            "removed": len(self.removed),
            "moved": len(self.moved),
            "renumbered": len(self.renumbered),
            "changed": len(self.edited),
            "new_findings": len(self.new_findings),
            "resolved_findings": len(self.resolved_findings),
            "unchanged_findings": len(self.unchanged_findings),
            "silenced_findings": len(self.silenced_findings),
        }


# ------------------------------------------------------------------------------------------------
# matching goals


def _flat(text: str | None) -> str:
    return " ".join(str(text).split()) if text else ""


def identity(node: Node) -> str:
    if node.is_goal:
        return "g:" + (normalise(node.statement) or _flat(node.statement))
    names = [normalise(i.name) or _flat(i.name) for i in node.indicators]
    return "i:" + "|".join(n for n in names if n) if any(names) else f"id:{node.id}"


def _words(node: Node) -> set[str]:
    if node.is_goal:
        return set(normalise(node.statement).split())
    return set(" ".join(normalise(i.name) for i in node.indicators).split())


def _jaccard(a: set, b: set) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def match_nodes(old: list[Node], new: list[Node]) -> tuple[dict[str, str], dict[str, str]]:
    """old id -> new id for the nodes present in both versions, and new id -> how they were matched."""
    o2n: dict[str, str] = {}
    how: dict[str, str] = {}
    new_by_id = {n.id: n for n in new}
    old_ident = {n.id: identity(n) for n in old}
    new_ident = {n.id: identity(n) for n in new}

    def pair(o: str, n: str, why: str) -> None:
        o2n[o] = n
        how[n] = why

    # 1. same id, same statement
    for node in old:
        other = new_by_id.get(node.id)
        if (
            other is not None
            and node.id not in o2n
            and other.id not in how
            and old_ident[node.id] == new_ident[other.id]
        ):
            pair(node.id, other.id, "same")
    # 2. same statement, any id (renumbered), in document order
    waiting: dict[str, list[str]] = defaultdict(list)
    for node in new:
        if node.id not in how:
            waiting[new_ident[node.id]].append(node.id)
    for key in waiting:
        waiting[key].reverse()  # pop() from the end = first in document order
    for node in old:
        if node.id in o2n:
            continue
        queue = waiting.get(old_ident[node.id])
        if queue:
            pair(node.id, queue.pop(), "renumbered")
    # 3. same id, statement edited
    for node in old:
        if node.id in o2n:
            continue
        other = new_by_id.get(node.id)
        if other is not None and other.id not in how and node.is_goal == other.is_goal:
            pair(node.id, other.id, "edited")
    # 4. similar statements under the same matched parent
    old_left = [n for n in old if n.id not in o2n]
    new_left = [n for n in new if n.id not in how]
    if old_left and new_left:

        def block_old(n: Node):
            return tuple(sorted(o2n.get(p, "?" + p) for p in n.parents))

        def block_new(n: Node):
            return tuple(sorted(n.parents))

        blocks: dict[tuple, tuple[list, list]] = defaultdict(lambda: ([], []))
        for n in old_left:
            blocks[block_old(n)][0].append(n)
        for n in new_left:
            blocks[block_new(n)][1].append(n)
        for olds, news in blocks.values():
            if not olds or not news:
                continue
            candidates = []
            for i, a in enumerate(olds[:BLOCK_LIMIT]):
                wa = _words(a)
                for j, b in enumerate(news[:BLOCK_LIMIT]):
                    if a.is_goal != b.is_goal:
                        continue
                    score = _jaccard(wa, _words(b))
                    if score >= SIMILAR:
                        candidates.append((-score, i, j, a.id, b.id))
            for _, _, _, a, b in sorted(candidates):
                if a not in o2n and b not in how:
                    pair(a, b, "similar")
    return o2n, how


# ------------------------------------------------------------------------------------------------
# comparing matched goals


def match_indicators(old: list[Indicator], new: list[Indicator]) -> list[tuple[int | None, int | None]]:
    """Pairs (old index, new index): by name first, then the rest by position; None where unpaired."""
    pairs: list[tuple[int | None, int | None]] = []
    waiting: dict[str, list[int]] = defaultdict(list)
    for j, ind in enumerate(new):
        waiting[normalise(ind.name) or _flat(ind.name)].append(j)
    used_new: set[int] = set()
    old_left = []
    for i, ind in enumerate(old):
        queue = waiting.get(normalise(ind.name) or _flat(ind.name))
        if queue:
            j = queue.pop(0)
            used_new.add(j)
            pairs.append((i, j))
        else:
            old_left.append(i)
    new_left = [j for j in range(len(new)) if j not in used_new]
    for i, j in zip(old_left, new_left, strict=False):
        pairs.append((i, j))
    for i in old_left[len(new_left) :]:
        pairs.append((i, None))
    for j in new_left[len(old_left) :]:
        pairs.append((None, j))
    return pairs


def _target_texts(ind: Indicator) -> dict[int, str]:
    return {year: _flat(t.text) for year, t in ind.targets.items()}


def _compare_indicators(a: Node, b: Node) -> list[FieldChange]:
    out = []
    for i, j in match_indicators(a.indicators, b.indicators):
        if j is None:
            assert i is not None  # a pair has at least one side
            out.append(FieldChange("indicator-removed", a.indicators[i].name, None, indicator=a.indicators[i].name))
            continue
        new = b.indicators[j]
        if i is None:
            out.append(FieldChange("indicator-added", None, new.name, indicator=new.name))
            continue
        old = a.indicators[i]
        if _flat(old.name) != _flat(new.name):
            out.append(FieldChange("indicator-renamed", old.name, new.name, indicator=new.name))
        for name in INDICATOR_FIELDS:
            x, y = getattr(old, name), getattr(new, name)
            if _flat(x) != _flat(y):
                out.append(FieldChange(name, x, y, indicator=new.name))
        ot, nt = _target_texts(old), _target_texts(new)
        for year in sorted(set(ot) | set(nt)):
            if ot.get(year, "") != nt.get(year, ""):
                out.append(FieldChange("target", ot.get(year), nt.get(year), indicator=new.name, year=year))
    return out


def compare_nodes(a: Node, b: Node, o2n: dict[str, str]) -> list[FieldChange]:
    out = []
    if a.id != b.id:
        out.append(FieldChange("id", a.id, b.id))
    old_parents = [o2n.get(p, p) for p in a.parents]
    if set(old_parents) != set(b.parents):
        out.append(FieldChange("parents", list(a.parents), list(b.parents)))
    if _flat(a.statement) != _flat(b.statement):
        out.append(FieldChange("statement", a.statement, b.statement))
    if a.level != b.level or _flat(a.level_label) != _flat(b.level_label):
        out.append(FieldChange("level", a.level_label or a.level, b.level_label or b.level))
    if _flat(a.owner) != _flat(b.owner):
        out.append(FieldChange("owner", a.owner, b.owner))
    old_links, new_links = sorted(str(c) for c in a.crosscutting), sorted(str(c) for c in b.crosscutting)
    if old_links != new_links:
        out.append(FieldChange("crosscutting", old_links, new_links))
    old_ignore = sorted(f"{x.rule}: {x.reason}" if x.reason else x.rule for x in a.ignore)
    new_ignore = sorted(f"{x.rule}: {x.reason}" if x.reason else x.rule for x in b.ignore)
    if old_ignore != new_ignore:
        out.append(FieldChange("ignore", old_ignore, new_ignore))
    out.extend(_compare_indicators(a, b))
    return out


# ------------------------------------------------------------------------------------------------
# comparing findings


def _focus_index(G: nx.DiGraph, f: Finding) -> int | None:
    if f.node is None or f.node not in G or f.location is None:
        return None
    d = G.nodes[f.node]
    if f.location == d.get("location"):
        return None
    for i, ind in enumerate(d.get("indicators") or ()):
        if getattr(ind, "location", None) == f.location:
            return i
    return None


def _finding_keys(findings: list[Finding], G: nx.DiGraph, node_key, focus_key) -> list[tuple]:
    keys = []
    for f in findings:
        if f.related:
            members = [node_key(x) for x in (f.node, *f.related) if x is not None]
            keys.append((f.rule, min(members), max(members), "group"))
        else:
            i = _focus_index(G, f)
            keys.append((f.rule, node_key(f.node) if f.node is not None else "", focus_key(f.node, i), "one"))
    return keys


def compare_findings(
    old: FileReport,
    G_old: nx.DiGraph,
    new: FileReport,
    G_new: nx.DiGraph,
    o2n: dict[str, str],
    ind_maps: dict[str, dict[int, int]],
):
    """(new, resolved, unchanged, silenced) findings; see the module docstring.

    A finding of the old version that the new version silences (``ignore:``) is "silenced", not
    "resolved": the defect is still there.
    """

    # another body named by a crosscutting link is known by its name in both versions (goals by matching)
    def old_node(n):
        if n in o2n:
            return f"n:{o2n[n]}"
        return f"x:{n}" if n in G_old and G_old.nodes[n].get("kind") == "crosscutting" else f"old:{n}"

    def new_node(n):
        return f"x:{n}" if n in G_new and G_new.nodes[n].get("kind") == "crosscutting" else f"n:{n}"

    def old_focus(n, i):
        if i is None:
            return ""
        mapped = o2n.get(n)
        j = ind_maps.get(mapped, {}).get(i) if mapped is not None else None
        return f"i:{j}" if j is not None else f"old-i:{i}"

    def new_focus(n, i):
        return "" if i is None else f"i:{i}"

    old_keys = _finding_keys(old.findings, G_old, old_node, old_focus)
    new_keys = _finding_keys(new.findings, G_new, new_node, new_focus)
    waiting: dict[tuple, list[Finding]] = defaultdict(list)
    for key, f in zip(old_keys, old.findings, strict=True):
        waiting[key].append(f)
    fresh, unchanged = [], []
    unpaired_new: dict[tuple, list[Finding]] = defaultdict(list)
    # pair by equal message first (the same template and arguments), then in document order
    for key, f in zip(new_keys, new.findings):
        queue = waiting.get(key)
        if queue:
            hit = next((k for k, g in enumerate(queue) if g.key == f.key and g.args == f.args), None)
            if hit is not None:
                queue.pop(hit)
                unchanged.append(f)
                continue
        unpaired_new[key].append(f)
    fresh_keys = []
    for key, fs in unpaired_new.items():
        queue = waiting.get(key) or []
        for f in fs:
            if queue:
                queue.pop(0)
                unchanged.append(f)
            else:
                fresh_keys.append((key, f))
    # In a table a goal and its first indicator share one row, so a finding there does not say which of
    # them it is about (its focus): a finding of the same rule on the same goal with the same message
    # (template and arguments) is the same finding, whatever focus each version gave it.
    by_goal: dict[tuple, list[tuple]] = defaultdict(list)
    if fresh_keys:
        for key in waiting:
            by_goal[key[:2]].append(key)
    for key, f in fresh_keys:
        paired = next(
            (
                (k, i)
                for k in by_goal.get(key[:2], ())
                for i, g in enumerate(waiting[k])
                if g.key == f.key and g.args == f.args
            ),
            None,
        )
        if paired is None:
            fresh.append(f)
        else:
            waiting[paired[0]].pop(paired[1])
            unchanged.append(f)
    silenced_now: dict[tuple, int] = defaultdict(int)
    for key in _finding_keys([x.finding for x in new.silenced], G_new, new_node, new_focus):
        silenced_now[key] += 1
    resolved, silenced = [], []
    for key, fs in waiting.items():
        for f in fs:
            if silenced_now.get(key):
                silenced_now[key] -= 1
                silenced.append(f)
            else:
                resolved.append(f)
    order = {id(f): k for k, f in enumerate(new.findings)}
    fresh.sort(key=lambda f: order[id(f)])
    unchanged.sort(key=lambda f: order[id(f)])
    old_order = {id(f): k for k, f in enumerate(old.findings)}
    resolved.sort(key=lambda f: old_order[id(f)])
    silenced.sort(key=lambda f: old_order[id(f)])
    return fresh, resolved, unchanged, silenced


# ------------------------------------------------------------------------------------------------


def _side(result: FileResult | None, file: str, fail_on: str) -> tuple[Cascade | None, FileReport, nx.DiGraph]:
    """One version: its cascade, report and graph; a version that does not exist (None) is an empty,
    clean report, one that could not be read its report with the error."""
    if result is None:
        return None, FileReport(file=file, fail_on=fail_on), nx.DiGraph()
    graph = result.graph if result.graph is not None else nx.DiGraph()
    return result.cascade, result.report, graph


def compare(
    old: FileResult | None,
    new: FileResult | None,
    *,
    old_file: str = "",
    new_file: str = "",
    fail_on: str = "error",
) -> DiffResult:
    """Compare two versions of one cascade, each read and checked by the pipeline.

    A version that is None does not exist (a file added or deleted); one that could not be read
    carries its error in its report. `file` names are what the reports show (the old one may be
    "HEAD:cascades/praya.yaml"); by default each version's own.
    """
    old_file = old_file or (old.report.file if old is not None else "")
    new_file = new_file or (new.report.file if new is not None else "")
    old_cascade, old_report, G_old = _side(old, old_file, fail_on)
    new_cascade, new_report, G_new = _side(new, new_file, fail_on)
    with gc_paused():
        return compare_checked(
            old_cascade,
            new_cascade,
            old_report,
            G_old,
            new_report,
            G_new,
            old_file=old_file,
            new_file=new_file,
            fail_on=fail_on,
        )


def compare_checked(
    old: Cascade | None,
    new: Cascade | None,
    old_report: FileReport,
    G_old: nx.DiGraph,
    new_report: FileReport,
    G_new: nx.DiGraph,
    *,
    old_file: str,
    new_file: str,
    fail_on: str = "error",
) -> DiffResult:
    old_nodes = list(old.nodes) if old is not None else []
    new_nodes = list(new.nodes) if new is not None else []
    o2n, how = match_nodes(old_nodes, new_nodes)
    result = DiffResult(old_file, new_file, old_report, new_report, fail_on=fail_on)
    old_by_id = {n.id: n for n in old_nodes}
    matched_new = set(o2n.values())
    result.added = [n for n in new_nodes if n.id not in matched_new]
    result.removed = [n for n in old_nodes if n.id not in o2n]
    ind_maps: dict[str, dict[int, int]] = {}
    n2o = {v: k for k, v in o2n.items()}
    for b in new_nodes:
        if b.id not in n2o:
            continue
        a = old_by_id[n2o[b.id]]
        ind_maps[b.id] = {
            i: j for i, j in match_indicators(a.indicators, b.indicators) if i is not None and j is not None
        }
        changes = compare_nodes(a, b, o2n)
        if changes:
            result.changed.append(GoalChange(a.id, b.id, b.statement, how.get(b.id, "same"), changes))
    if not old_report.errors and not new_report.errors:
        (result.new_findings, result.resolved_findings, result.unchanged_findings, result.silenced_findings) = (
            compare_findings(old_report, G_old, new_report, G_new, o2n, ind_maps)
        )
    else:
        result.new_findings = list(new_report.findings)
    return result


def node_dict(node: Node) -> dict:
    return {
        "id": node.id,
        "statement": node.statement,
        "parents": list(node.parents),
        "level": node.level_label or node.level,
        "owner": node.owner,
        "indicators": [i.name for i in node.indicators],
        "line": node.location.line if node.location is not None else None,
    }


def to_data(result: DiffResult, lang: str = "id") -> dict:
    """The diff as plain data (the JSON output of `kinerja diff --format json`)."""
    return {
        "version": 1,
        "old": result.old_file,
        "new": result.new_file,
        "summary": result.summary(),
        "goals": {
            "added": [node_dict(n) for n in result.added],
            "removed": [node_dict(n) for n in result.removed],
            "moved": [c.to_dict() for c in result.moved],
            "renumbered": [{"id": c.new_id, "old_id": c.old_id, "statement": c.statement} for c in result.renumbered],
            "changed": [c.to_dict() for c in result.edited],
        },
        "findings": {
            "new": [to_dict(f, lang) for f in result.new_findings],
            "resolved": [to_dict(f, lang) for f in result.resolved_findings],
            "unchanged": [to_dict(f, lang) for f in result.unchanged_findings],
            "silenced": [to_dict(f, lang) for f in result.silenced_findings],
        },
        "errors": [e.to_dict() for e in result.errors],
        "fail_on": result.fail_on,
    }
