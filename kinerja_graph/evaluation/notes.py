"""Findings grouped by cause: one note per rule and criterion, saying how many of how many.

A finding goes to the criterion that lists its rule in rules/evaluation.yaml and whose levels hold its
node (a rule listed by 1.b.10 and 1.b.11 goes by the level of the goal), else to the first criterion that
lists it, else to the criterion of the rule's own `lke`, else to no criterion ("other notes"). Every finding
lands in exactly one note. What the findings affect:

    unit      "indicators" when the finding names an indicator (args "indicator"), else "goals"
    affected  the finding's node; for a finding on no node, its related nodes; with none of those, the
              whole population (a summary such as "none of the 19 indicators has a formula")
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kinerja_graph import checks, policy
from kinerja_graph.evaluation.facts import Facts
from kinerja_graph.evaluation.model import Example, Note
from kinerja_graph.evaluation.rubric import Criterion, Rubric
from kinerja_graph.findings import SEVERITY_ORDER, Finding
from kinerja_graph.i18n import words

EXAMPLES = 3  # nodes a note quotes
_w = words("evaluation")

Item = tuple[str, int]  # (node id, indicator position; -1 for the node itself)


def unit_of(f: Finding) -> str:
    """What a finding counts: "indicators" when it names one or several indicators, else "goals"."""
    return "indicators" if "indicator" in f.args or "indicators" in f.args else "goals"


def route(f: Finding, rubric: Rubric, facts: Facts, node: str | None = None) -> Criterion | None:
    """The criterion a finding's note belongs to (see the module's docstring); with `node`, the criterion the
    finding bears on for that node of it (a group of goals at several tiers bears on each tier's criterion)."""
    candidates = rubric.routes(f.rule, f.lke)
    if not candidates:
        return None
    if node is None:
        node = f.node if f.node is not None else (f.related[0] if f.related else None)
    level = facts.level.get(node) if node is not None else None
    if level is not None:  # the criteria that name levels first: 1.b.6 before 1.b.5, which takes every level
        for c in sorted(candidates, key=lambda c: not c.levels):
            if c.holds_level(level):
                return c
    return candidates[0]


def indicator_position(facts: Facts, node: str, name: object) -> int:
    """The position of the indicator called `name` on `node` (the first of that name); -1 if none is."""
    for i, indicator in enumerate(facts.indicators(node)):
        if indicator.name == name or (
            isinstance(name, str) and name.endswith("…") and indicator.name.startswith(name[:-1])
        ):
            return i
    return -1


def affected(f: Finding, facts: Facts, groups: frozenset[str] = frozenset()) -> list[str] | None:
    """The nodes a finding is about; None: the whole cascade. A finding of a rule in `groups` is about its
    node and its related nodes alike (the goals sharing one statement)."""
    if f.rule in groups:
        return [n for n in involved(f) if n in facts.level] or None
    if f.node is not None:
        return [f.node]
    if f.related:
        return [n for n in f.related if n in facts.level]
    return None


def involved(f: Finding) -> list[str]:
    return [n for n in (f.node, *f.related) if n is not None]


@dataclass
class Group:
    criterion: Criterion | None
    rule: str
    findings: list[Finding] = field(default_factory=list)
    outside: bool = False  # on goals outside the criterion's levels


def group(findings: Iterable[Finding], rubric: Rubric, facts: Facts) -> list[Group]:
    """The findings by (criterion, rule), in the order the criteria are listed, then by severity and size. The
    findings of a rule on goals outside the levels of the criterion they go to (an output worded as an activity,
    under 1.b.4 which judges outcomes) make a note of their own."""
    groups: dict[tuple[str | None, str, bool], Group] = {}
    for f in findings:
        criterion = route(f, rubric, facts)
        first = f.node if f.node is not None else (f.related[0] if f.related else None)
        outside = bool(
            criterion and criterion.levels and first is not None and not criterion.holds_level(facts.level.get(first))
        )
        key = (criterion.id if criterion else None, f.rule, outside)
        found = groups.get(key)
        if found is None:
            found = groups[key] = Group(criterion, f.rule, outside=outside)
        found.findings.append(f)
    order = {c.id: i for i, c in enumerate(rubric.criteria)}

    def sort_key(g: Group) -> tuple:
        worst = min(SEVERITY_ORDER[f.severity] for f in g.findings)
        return (order.get(g.criterion.id, len(order)) if g.criterion else len(order), worst, -len(g.findings), g.rule)

    return sorted(groups.values(), key=sort_key)


def population_goals(criterion: Criterion | None, facts: Facts) -> list[str]:
    """The nodes a criterion counts: its goals and, when it takes every level and is not about goals alone,
    the indicators without a goal too."""
    if criterion is None:
        return [*facts.goals, *facts.loose]
    goals = facts.goals_at(criterion.levels)
    if criterion.population in ("nodes", "indicators") and not criterion.levels:
        return goals + list(facts.loose)
    return goals


def population_indicators(criterion: Criterion | None, facts: Facts) -> list[Item]:
    """The indicators of the nodes a criterion counts, as (node, position)."""
    return [(n, i) for n in population_goals(criterion, facts) for i in range(facts.indicator_count(n))]


def what_goals(criterion: Criterion | None, lang: str, *, own: bool = True) -> str:
    """What the criterion's goals are called: "kinerja", "kinerja strategis dan taktikal", ... `own`: by the
    criterion's own word for them when it has one (False: by their levels, for a population widened)."""
    t = _w.t
    if criterion is None or not criterion.levels:
        return t("goals", lang)
    if own:
        try:
            return t(f"what_{criterion.id}", lang)
        except KeyError:
            pass
    if len(criterion.levels) == 1:
        level = policy.levels().by_id(criterion.levels[0])
        if level is not None:
            return t("level_goals", lang, level=level.name[lang])
    tiers: list[str] = []
    for level in policy.levels().levels:
        if level.id in criterion.levels and level.tier not in tiers:
            tiers.append(level.tier)
    named = [t(f"tier_{tier}", lang) for tier in tiers]
    joined = ", ".join(named[:-1]) + t("and", lang) + named[-1] if len(named) > 1 else "".join(named)
    return t("tier_goals", lang, tiers=joined)


def level_breakdown(counts: dict[str, int], lang: str) -> str:
    """' (Output 13, Proses 33)': the levels of the affected goals, from the top down."""
    parts = []
    for level_id, n in counts.items():
        level = policy.levels().by_id(level_id) if level_id else None
        parts.append(f"{level.name[lang] if level else '?'} {n}")
    return f" ({', '.join(parts)})" if parts else ""


def make_note(number: int, g: Group, facts: Facts, rubric: Rubric, lang: str) -> Note:
    t = _w.t
    findings = g.findings
    grouped = g.rule in rubric.groups
    about_indicators = all(unit_of(f) == "indicators" for f in findings) or (
        g.criterion is not None  # "none of the 19 indicators has a formula": a summary counts indicators
        and g.criterion.population == "indicators"
        and all(affected(f, facts, rubric.groups) is None for f in findings)
    )
    unit = "goals" if grouped else ("indicators" if about_indicators else "goals")
    scope = g.criterion
    widened = False
    hit_levels = {facts.level.get(n) for f in findings for n in (affected(f, facts, rubric.groups) or ())}
    if scope is not None and scope.levels and hit_levels and not any(scope.holds_level(lv) for lv in hit_levels):
        # a note listed under a criterion its goals stand outside of: counted among their own levels
        scope = dataclasses.replace(scope, levels=tuple(lv for lv in hit_levels if lv))
    elif scope is not None and scope.levels and not all(scope.holds_level(lv) for lv in hit_levels):
        # goals of several tiers (one owner holding strategic and operational goals): counted among the goals
        # of all their tiers, every goal when they reach every level the cascade has
        vocabulary = policy.levels()
        tiers = {lv.tier for lv in (vocabulary.by_id(h) for h in hit_levels if h) if lv is not None}
        union = set(scope.levels) | {lv.id for lv in vocabulary.levels if lv.tier in tiers}
        covered = facts.levels_covered()
        wide = () if None in hit_levels or union >= set(covered) else tuple(lv for lv in covered if lv in union)
        scope = dataclasses.replace(scope, levels=wide)
        widened = True
    population = population_indicators(scope, facts) if unit == "indicators" else population_goals(scope, facts)
    total = len(population) or len(facts.goals)
    met: dict[str, None] = {}  # each node once (a list scanned for each node was quadratic)
    items: set[Item] = set()
    everything = False
    whole_count = 0
    for f in findings:
        hit = affected(f, facts, rubric.groups)
        if hit is None:
            everything = True
            count = f.args.get("count")
            whole_count = max(whole_count, count if isinstance(count, int) else total)
            continue
        for n in hit:
            met[n] = None
            if unit == "goals":
                items.add((n, -1))
            elif "indicator" in f.args:
                items.add((n, indicator_position(facts, n, f.args["indicator"])))
            else:  # every indicator of the node (an entry of indicators without a goal)
                items.update((n, i) for i in range(facts.indicator_count(n) or 1))
    count = max(len(items), whole_count) if everything else len(items)
    order = facts.position()
    nodes = sorted(met, key=lambda n: order.get(n, len(order)))
    everyone = {n for f in findings for n in involved(f)}
    levels = facts.level_counts(nodes)
    what = t("indicators", lang) if unit == "indicators" else what_goals(scope, lang, own=not widened)
    params = {
        "count": count,
        "total": max(total, count),
        "what": what,
        "scope": what_goals(scope, lang, own=not widened),
        "involved": len(everyone),
        "findings": len(findings),
        "levels": level_breakdown(levels, lang) if unit == "goals" else "",
    }
    rule = checks.all_rules().get(g.rule)
    message = None
    keys = [f"note_{g.rule}_outside"] if g.outside else []
    keys += ([f"note_{g.rule}_{g.criterion.id}"] if g.criterion else []) + [f"note_{g.rule}"]
    for key in keys:
        try:
            message = t(key, lang, **params)
            break
        except KeyError:
            continue
    if message is None:
        summary = (rule.summary.get(lang) or rule.summary["en"]) if rule is not None else g.rule
        message = t("note_default", lang, summary=summary, **params)
    basis: dict[str, int] = {}
    for f in findings:
        if f.basis:
            basis[f.basis] = basis.get(f.basis, 0) + 1
    extras = [t("note_basis" if b == "inferred" else "note_doubtful", lang, count=n) for b, n in basis.items()]
    if extras:
        message += "; " + "; ".join(extras)
    recommendation = None
    for key in ([f"rec_{g.rule}_outside"] if g.outside else []) + [f"rec_{g.rule}"]:
        try:
            recommendation = t(key, lang)
            break
        except KeyError:
            continue
    if recommendation is None:
        recommendation = t("rec_default", lang, rule=g.rule)
    worst = min((f.severity for f in findings), key=SEVERITY_ORDER.__getitem__)
    return Note(
        id=f"N{number}",
        criterion=g.criterion.id if g.criterion else None,
        rule=g.rule,
        severity=worst,
        count=count,
        total=max(total, count),
        unit=unit,
        nodes=nodes,
        levels=levels,
        findings=list(findings),
        basis=basis,
        message=message,
        recommendation=recommendation,
        examples=examples(findings, facts, unit, rubric.groups),
    )


def examples(findings: Sequence[Finding], facts: Facts, unit: str, groups: frozenset[str]) -> list[Example]:
    """Two or three nodes of the findings, quoted (the indicator for a note about indicators)."""
    out: list[Example] = []
    seen: set[str] = set()
    for f in findings:
        for n in affected(f, facts, groups) or ():
            if n in seen or n not in facts.level:
                continue
            seen.add(n)
            name = f.args.get("indicator") if unit == "indicators" else None
            out.append(facts.example(n, name if isinstance(name, str) else None))
            if len(out) >= EXAMPLES:
                return out
    return out


def notes(findings: Iterable[Finding], rubric: Rubric, facts: Facts, lang: str) -> list[Note]:
    """The findings of one file as notes, numbered N1, N2, ... (every finding in exactly one note)."""
    return [make_note(i, g, facts, rubric, lang) for i, g in enumerate(group(findings, rubric, facts), 1)]
