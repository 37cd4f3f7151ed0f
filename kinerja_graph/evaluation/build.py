"""Build the Evaluation of a checked cascade: criteria answered, notes, strengths, weaknesses, recommendations,
score (kinerja_graph/evaluation/model.py). docs/evaluation.md explains how each answer is computed.

    from kinerja_graph import evaluation, pipeline
    run = pipeline.run(["samples/praya.yaml"])
    ev = evaluation.evaluate(run.results[0].report, lang="id")

A criterion's answer comes from what the cascade holds AND from the findings (rules/evaluation.yaml):

1. its population: the goals, nodes or indicators of its levels (a "cascade" criterion asks one question
   of the whole document); a criterion that `requires` a field no indicator states, or whose population is
   empty, is "tidak dapat dinilai";
2. each item fails when a test of the cascade fails on it (`derived`, `measured`, `owned`) or when a finding
   of a rule that bears on the criterion (severity error or warning) is about it; a failure resting on
   inferred or doubtful data counts `basis_weight`;
3. share = (items - failures) / items; its band gives the LKE step (the value, 0..1), lowered to the cap of
   any structure the cascade lacks (`caps`); the answer follows the value: 1 Y, 0 T, else Sebagian;
4. score = 100 x sum(weight x value) / sum(weight), over the criteria assessed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from kinerja_graph import checks, policy
from kinerja_graph.engine import FileReport
from kinerja_graph.evaluation import notes as notes_mod
from kinerja_graph.evaluation.facts import FIELDS, STRATEGIC, Facts, carries
from kinerja_graph.evaluation.model import (
    NO,
    PARTLY,
    UNASSESSED,
    YES,
    CriterionAnswer,
    Evaluation,
    Evidence,
    Example,
    Note,
    Recommendation,
    Score,
    ScorePart,
)
from kinerja_graph.evaluation.notes import (
    Item,
    affected,
    indicator_position,
    population_goals,
    route,
    what_goals,
)
from kinerja_graph.evaluation.rubric import Criterion, Rubric, load_rubric
from kinerja_graph.findings import SEVERITY_ORDER, Finding
from kinerja_graph.i18n import words

if TYPE_CHECKING:
    from kinerja_graph import pipeline

EXAMPLES = 3
_w = words("evaluation")
OUTCOME_TIERS = ("strategic", "tactical")


def evaluate(report: FileReport, lang: str = "id", rubric: Rubric | None = None) -> Evaluation:
    """The evaluation of one checked file (its FileReport holds the frozen graph the rules saw)."""
    rubric = rubric or load_rubric()
    G = report.graph
    cascade = G.graph.get("cascade") if G is not None else None
    ev = Evaluation(
        file=report.file,
        organisation=report.organisation,
        lang=lang,
        source=getattr(cascade, "source", None),
        period=list(G.graph.get("period") or []) if G is not None else [],
        errors=list(report.errors),
    )
    if G is None:
        return ev
    facts = Facts.read(G, lang)
    ev.notes = notes_mod.notes(report.findings, rubric, facts, lang)
    broke = {e.rule for e in report.errors if e.kind == "internal" and e.rule}
    ran = set(report.rules) - broke
    ev.criteria = [answer(c, facts, report.findings, rubric, ev.notes, lang, ran, broke) for c in rubric.criteria]
    ev.score = score(ev.criteria, rubric, lang)
    ev.strengths = strengths(ev.criteria, facts, rubric, lang)
    ev.weaknesses = weaknesses(ev.criteria, ev.notes, rubric, lang)
    ev.recommendations = recommendations(ev.notes, ev.criteria)
    return ev


def evaluate_run(run: pipeline.Run, lang: str = "id", rubric: Rubric | None = None) -> list[Evaluation]:
    """Every file of a pipeline run, evaluated (a file that could not be read keeps its errors)."""
    return [evaluate(r.report, lang, rubric) for r in run.results]


def group_report(report: FileReport, lang: str = "id", rubric: Rubric | None = None) -> list[Note]:
    """The notes of one checked file alone (`kinerja check --group`)."""
    if report.graph is None:
        return []
    return notes_mod.notes(report.findings, rubric or load_rubric(), Facts.read(report.graph, lang), lang)


# ------------------------------------------------------------------------------------------- criteria


def _items(c: Criterion, facts: Facts) -> list[Item]:
    nodes = population_goals(c, facts)
    if c.requires == "indicator":
        nodes = [n for n in nodes if facts.measured(n)]
    if c.population == "indicators":
        return [(n, i) for n in nodes for i in range(facts.indicator_count(n))]
    return [(n, -1) for n in nodes]


def _bears_on(f: Finding, c: Criterion, rubric: Rubric, facts: Facts, node: str | None = None) -> bool:
    """Does the finding fail items of `c` (for `node`, one of the nodes it is about)? A finding fails the items
    of the criterion each of its nodes goes to; a finding on the whole cascade, those of every criterion that
    takes its rule; a rule a criterion takes in its notes only fails nothing there."""
    if f.severity not in rubric.failing or f.rule in c.notes_only:
        return False
    if affected(f, facts, rubric.groups) is None:
        return c in rubric.routes(f.rule, f.lke)
    return route(f, rubric, facts, node) is c


def _unstated(c: Criterion, items: list[Item], facts: Facts) -> set[Item]:
    """The items whose answer rests on a level the document does not state (rests_on: [level]): a goal's
    own level; for `derived`, the level of the strategic goal it descends from."""
    if not c.rests_on:
        return set()
    if "derived" in c.tests:
        return {(n, i) for n, i in items if n in facts.derived and n not in facts.derived_stated}
    return {(n, i) for n, i in items if facts.unstated(n, c.rests_on)}


def _failures(
    c: Criterion,
    items: list[Item],
    facts: Facts,
    findings: Iterable[Finding],
    rubric: Rubric,
    causes: set[int] | None = None,
) -> dict:
    """item -> how much it fails (1, or basis_weight when the failure rests on inferred or doubtful data).
    `causes` collects the findings (by id()) that fail an item."""
    population = set(items)
    soft = rubric.basis_weight
    out: dict[Item, float] = {}
    cause: list[Finding | None] = [None]  # the finding being read, if any

    def fail(item: Item, weight: float) -> None:
        if item not in population:
            return
        if causes is not None and cause[0] is not None:
            causes.add(id(cause[0]))
        if out.get(item, 0.0) < weight:
            out[item] = weight

    anchored = facts.has("strategic")  # without a strategic goal nothing inferred could make a goal derived
    for n, i in items:
        if "derived" in c.tests and n not in facts.derived and n in facts.level:
            top = facts.top_of(n)
            doubtful = anchored and (facts.unstated(n, ("level", "parent")) or facts.unstated(top, ("level",)))
            fail((n, i), soft if doubtful else 1.0)
        if "measured" in c.tests and not facts.measured(n):
            fail((n, i), 1.0)
        if "owned" in c.tests and not facts.owned(n):
            fail((n, i), 1.0)
    by_node: dict[str, list[Item]] = {}
    for item in items:
        by_node.setdefault(item[0], []).append(item)
    for f in findings:
        if c not in rubric.routes(f.rule, f.lke):
            continue
        cause[0] = f
        weight = soft if f.basis else 1.0
        hit = affected(f, facts, rubric.groups)
        if hit is None:
            if _bears_on(f, c, rubric, facts):
                for item in items:
                    fail(item, weight)
            continue
        if f.severity not in rubric.failing or f.rule in c.notes_only:
            continue  # what _bears_on asks first, asked once for all the finding's nodes
        for n in hit:
            if route(f, rubric, facts, n) is not c:  # _bears_on for a node, without finding `hit` again
                continue
            if c.population == "indicators" and "indicator" in f.args:
                position = indicator_position(facts, n, f.args["indicator"])
                targets = [(n, position)] if position >= 0 else by_node.get(n, [])
            else:
                targets = by_node.get(n, [])
            for item in targets:
                fail(item, weight)
    return out


def _what(c: Criterion, lang: str) -> str:
    if c.population == "indicators":
        return _w.t("indicators", lang)
    what = what_goals(c, lang)
    return _w.t("with_indicator", lang, what=what) if c.requires == "indicator" else what


def _cond(c: Criterion, lang: str) -> str:
    try:
        return _w.t(f"cond_{c.id}", lang)
    except KeyError:
        return _w.t("cond_default", lang)


def _level_name(level_id: str | None, lang: str) -> str:
    level = policy.levels().by_id(level_id)
    return level.name[lang] if level else "?"


def _unassessed(c: Criterion, evidence: Evidence, notes: Sequence[Note], lang: str) -> CriterionAnswer:
    return CriterionAnswer(
        c.id, c.title_in(lang), UNASSESSED, None, c.weight, evidence, [n.id for n in notes if n.criterion == c.id]
    )


def answer(
    c: Criterion,
    facts: Facts,
    findings: Sequence[Finding],
    rubric: Rubric,
    notes: Sequence[Note],
    lang: str,
    ran: set[str] | None = None,
    broke: set[str] = frozenset(),  # type: ignore[assignment]
) -> CriterionAnswer:
    """The suggested answer to one criterion, with its evidence (see the module's docstring). `ran`: the rules
    that ran (None: all of them); `broke`: the rules that broke. A criterion one of whose rules broke, or none
    of whose rules ran when it has no test of its own, is not assessed: the check says nothing about it."""
    t = _w.t
    note_ids = [n.id for n in notes if n.criterion == c.id]
    own = rubric.rules_of(c, checks.all_rules())
    failed = sorted(set(own) & broke)
    if failed or (ran is not None and own and not set(own) & ran and not c.tests):
        evidence = Evidence(population=c.population, levels=c.levels)
        if failed:
            evidence.text.append(t("rules_broke", lang, rules=", ".join(failed)))
        else:
            evidence.text.append(t("rules_not_run", lang, rules=", ".join(own)))
        return _unassessed(c, evidence, notes, lang)
    if c.population == "cascade":
        return _cascade_answer(c, facts, findings, rubric, note_ids, lang)
    evidence = Evidence(population=c.population, levels=c.levels)
    all_indicators = facts.every_indicator()
    if c.requires in FIELDS:
        stating = sum(carries(i, c.requires) for i in all_indicators)
        evidence.facts["stating"] = {"field": c.requires, "count": stating, "of": len(all_indicators)}
        field = t(f"field_{c.requires}", lang)
        if stating == 0:
            evidence.text.append(
                t(
                    "requires_none",
                    lang,
                    count=len(all_indicators),
                    field=field,
                    documents=t(f"documents_{c.requires}", lang),
                )
            )
            if note_ids:
                evidence.text.append(t("see_notes", lang, notes=", ".join(note_ids)))
            return _unassessed(c, evidence, notes, lang)
    items = _items(c, facts)
    if not items:
        what = what_goals(c, lang)
        if c.requires == "indicator":
            text = t("requires_no_indicator", lang, what=what, documents=t("documents_indicator", lang))
        else:
            text = t("empty_population", lang, what=_what(c, lang))
        evidence.text.append(text)
        return _unassessed(c, evidence, notes, lang)
    causes: set[int] = set()
    failures = _failures(c, items, facts, findings, rubric, causes)
    # notes listed under another criterion whose findings fail items here too (an owner naming goals of
    # several tiers): named with this criterion's own notes
    see_also = [n.id for n in notes if n.id not in note_ids and any(id(f) in causes for f in n.findings)]
    unstated = {item for item in _unstated(c, items, facts) if item not in failures}
    weights = {**dict.fromkeys(unstated, rubric.basis_weight), **failures}
    evidence.items = len(items)
    evidence.met = round(len(items) - sum(weights.values()), 2)
    evidence.share = evidence.met / len(items)
    failing = {item[0] for item in failures}
    # the failing nodes in the items' order, each once (a set of the failures' nodes: not one scan of the
    # failures per item, which at 10^4 goals was 9·10^7 comparisons)
    evidence.failing = list(dict.fromkeys(n for n, _ in items if n in failing))
    value = rubric.value_of(evidence.share, c)
    caps = [cap for cap in c.caps if not facts.has(cap.unless)]
    for cap in caps:
        value = min(value, cap.value)
    evidence.facts["caps"] = [cap.unless for cap in caps]
    soft = sum(1 for w in failures.values() if w < 1.0)
    evidence.facts["softened"] = soft
    evidence.facts["unstated"] = len(unstated)
    # the sentences
    what, cond = _what(c, lang), _cond(c, lang)
    met_count = len(items) - len(failures)
    if not failures and unstated:  # met by every item, but not credited in full: said in the first sentence
        evidence.text.append(t("share_all_unstated", lang, items=len(items), what=what, cond=cond, count=len(unstated)))
    elif not failures:
        evidence.text.append(t("share_all", lang, items=len(items), what=what, cond=cond))
    elif met_count == 0:
        evidence.text.append(t("share_none", lang, items=len(items), what=what, cond=cond))
    else:
        evidence.text.append(
            t("share_some", lang, met=met_count, items=len(items), what=what, cond=cond, failing=len(failures))
        )
    if soft:
        evidence.text.append(t("share_basis", lang, count=soft))
    if unstated and failures:
        evidence.text.append(t("share_unstated", lang, count=len(unstated)))
    if c.requires in FIELDS:
        stating = evidence.facts["stating"]
        if stating["count"] < stating["of"]:
            evidence.text.append(
                t(
                    "requires_some",
                    lang,
                    count=stating["count"],
                    total=stating["of"],
                    field=t(f"field_{c.requires}", lang),
                )
            )
    evidence.text.extend(_structure_sentences(c, facts, lang))
    evidence.text.extend(t(f"cap_{cap.unless}", lang) for cap in caps)
    if note_ids or see_also:
        evidence.text.append(t("see_notes", lang, notes=", ".join(note_ids + see_also)))
    evidence.examples = _examples(c, items, failures, facts)
    return CriterionAnswer(
        c.id, c.title_in(lang), rubric.answer_of(value), value, c.weight, evidence, note_ids, see_also
    )


def _structure_sentences(c: Criterion, facts: Facts, lang: str) -> list[str]:
    """What the cascade's shape says about criteria 1.b.3 (derived from an outcome) and 1.b.8 (the chain)."""
    t = _w.t
    out: list[str] = []
    if "derived" in c.tests and not c.levels:
        if not facts.has("strategic"):
            out.append(t("no_strategic", lang))
        else:
            tops = [r for r in facts.roots if facts.tier[r] == STRATEGIC] or [
                g for g in facts.goals if facts.tier[g] == STRATEGIC
            ]
            top = tops[0]
            while len(facts.children(top)) == 1 and facts.tier.get(facts.children(top)[0]) == STRATEGIC:
                top = facts.children(top)[0]  # one strategic goal restating the top: the CSFs are below it
            count = len(facts.children(top))
            if count:
                out.append(
                    t("csf", lang, top=facts.statement(top), level=_level_name(facts.level[top], lang), count=count)
                )
    if "links" in {cap.unless for cap in c.caps}:
        covered = facts.levels_covered()
        names = ", ".join(_level_name(lv, lang) for lv in covered)
        everything = len(policy.levels().levels)
        if len(facts.roots) == 1:
            out.append(
                t(
                    "chain_one",
                    lang,
                    count=len(covered),
                    all=everything,
                    levels=names,
                    top=facts.statement(facts.roots[0]),
                )
            )
        else:
            out.append(t("chain", lang, count=len(covered), all=everything, levels=names, roots=len(facts.roots)))
    return out


def _examples(c: Criterion, items: list[Item], failures: dict, facts: Facts) -> list[Example]:
    """Failing items first (the reason for the answer); for a criterion met, items that meet it."""
    chosen = [item for item in items if item in failures] or items
    out: list[Example] = []
    seen: set[str] = set()
    for n, i in chosen:
        if n in seen:
            continue
        seen.add(n)
        indicators = facts.indicators(n)
        text = indicators[i].name if c.population == "indicators" and 0 <= i < len(indicators) else None
        out.append(facts.example(n, text))
        if len(out) >= EXAMPLES:
            break
    return out


def _cascade_answer(
    c: Criterion, facts: Facts, findings: Sequence[Finding], rubric: Rubric, note_ids: list[str], lang: str
) -> CriterionAnswer:
    """A yes/no criterion on the whole document: crosscutting (1.b.9)."""
    t = _w.t
    evidence = Evidence(population="cascade")
    unresolved = [f for f in findings if _bears_on(f, c, rubric, facts) and f.rule != "crosscutting-absent"]
    broken = {r for f in unresolved for r in f.related}  # the links the rules found naming nothing traceable
    partners = [p for p in facts.partners if facts.partner_keys.get(p) not in broken] if "partners" in c.tests else []
    evidence.facts = {"partners": list(partners), "goals": list(facts.crosscut_goals), "unresolved": len(unresolved)}
    if partners:
        evidence.text.append(
            t(
                "partners_yes",
                lang,
                goals=len(facts.crosscut_goals),
                count=len(partners),
                partners=", ".join(partners),
            )
        )
        value = 0.5 if unresolved else 1.0
        if unresolved:
            evidence.text.append(t("partners_unresolved", lang, count=len(unresolved)))
        evidence.examples = [facts.example(g) for g in facts.crosscut_goals[:EXAMPLES]]
        evidence.failing = [n for f in unresolved for n in (affected(f, facts) or [])]
    else:
        evidence.text.append(t("partners_no", lang))
        value = 0.0
    if note_ids:
        evidence.text.append(t("see_notes", lang, notes=", ".join(note_ids)))
    return CriterionAnswer(c.id, c.title_in(lang), rubric.answer_of(value), value, c.weight, evidence, note_ids)


# ------------------------------------------------------------------------------- score and the summary


def score(criteria: Sequence[CriterionAnswer], rubric: Rubric, lang: str) -> Score:
    """100 x the weighted mean of the criteria's values; a criterion not assessed counts the rubric's
    `unassessed_value`. None when no criterion could be assessed."""
    parts = [
        ScorePart(c.id, c.weight, c.value, rubric.unassessed_value if c.value is None else c.value) for c in criteria
    ]
    assessed = sum(p.weight for p in parts if p.assessed)
    total = sum(p.weight for p in parts)
    value = 100.0 * sum(p.points for p in parts) / total if assessed > 0 and total > 0 else None
    return Score(value, parts, assessed, total, _w.t("score_label", lang))


def strengths(criteria: Sequence[CriterionAnswer], facts: Facts, rubric: Rubric, lang: str) -> list[str]:
    """Kekuatan: the criteria fully met, and the parts of the others that are (a whole tree, every outcome
    owned or measured, every indicator stating a field)."""
    t = _w.t
    out: list[str] = []
    covered = facts.levels_covered()
    if facts.has("strategic_root") and facts.has("operational") and len(facts.roots) == 1 and facts.links:
        out.append(
            t(
                "strength_tree",
                lang,
                top=_level_name(covered[0], lang),
                bottom=_level_name(covered[-1], lang),
                count=len(covered),
                goals=len(facts.goals),
            )
        )
    by_id = {c.id: c for c in rubric.criteria}
    # every goal owned, or measured, whatever its level (a document whose levels are not stated has that)
    for test in ("owned", "measured"):
        takers = [a for a in criteria if test in getattr(by_id.get(a.id), "tests", ())]
        partly = facts.goals and takers and any(a.answer != YES for a in takers)
        if partly and all(_passes(test, n, facts) for n in facts.goals):
            out.append(t(f"strength_{test}", lang, items=len(facts.goals), what=t("goals", lang)))
    for answered in criteria:
        c = by_id.get(answered.id)
        if c is None:
            continue
        if answered.answer == YES:
            if c.population == "cascade":
                partners = answered.evidence.facts.get("partners") or []
                out.append(t("strength_partners", lang, count=len(partners), partners=", ".join(partners)))
            elif (
                answered.evidence.text and not answered.evidence.failing and not answered.evidence.facts.get("unstated")
            ):
                # fully met, not met with remarks nor on levels the document does not state
                out.append(answered.evidence.text[0])
            continue
        if answered.answer not in (PARTLY, NO) or c.population == "cascade" or (answered.value or 0) < 0.5:
            continue  # a part fully met is a strength where the criterion is at least half met
        for test in c.tests:
            nodes = [n for n in population_goals(c, facts) if n in facts.level and n not in facts.loose]
            subsets = [(nodes, what_goals(c, lang))]
            if not c.levels:  # every level: credit the strategic and tactical goals when they alone pass
                outcome = [n for n in nodes if facts.tier.get(n) in OUTCOME_TIERS]
                subsets.append((outcome, _w.t("tier_goals", lang, tiers=_tiers_words(lang))))
            for chosen, what in subsets:
                if c.rests_on and any(facts.unstated(n, c.rests_on) for n in chosen):
                    continue  # a part the document does not state the levels of is no strength to claim
                if chosen and all(_passes(test, n, facts) for n in chosen):
                    sentence = t(f"strength_{test}", lang, items=len(chosen), what=what)
                    if sentence not in out:
                        out.append(sentence)
                    break
        stating = answered.evidence.facts.get("stating")
        if stating and stating["count"] == stating["of"] and stating["of"]:
            out.append(t("strength_field", lang, count=stating["of"], field=t(f"field_{stating['field']}", lang)))
    return out


def _tiers_words(lang: str) -> str:
    return _w.t("tier_strategic", lang) + _w.t("and", lang) + _w.t("tier_tactical", lang)


def _passes(test: str, node: str, facts: Facts) -> bool:
    if test == "owned":
        return facts.owned(node)
    if test == "measured":
        return facts.measured(node)
    if test == "derived":
        return node in facts.derived
    return False


def weaknesses(criteria: Sequence[CriterionAnswer], notes: Sequence[Note], rubric: Rubric, lang: str) -> list[str]:
    """Kelemahan: one sentence per criterion not fully met: what its notes found (the causes), else the share
    that decided its answer; and the structure it lacks."""
    by_id = {n.id: n for n in notes}
    out = []
    for c in criteria:
        if c.answer not in (PARTLY, NO) or not c.evidence.text:
            continue
        causes = [
            by_id[i].message for i in (*c.notes, *c.see_also) if i in by_id and by_id[i].severity in rubric.failing
        ]
        caps = [s for s in c.evidence.text[1:] if s in _cap_sentences(lang)]
        # what its notes found, else the structure it lacks, else the share that decided it (when every item
        # meets it: that the levels of some are not stated, each counted half)
        fallback = " ".join(caps) if caps else c.evidence.text[0]
        text = " ".join(["; ".join(causes) + ".", *caps]) if causes else fallback
        out.append(_w.t("weakness", lang, criterion=c.id, title=c.title, text=text))
    return out


def _cap_sentences(lang: str) -> set[str]:
    return {_w.t(f"cap_{k}", lang) for k in ("strategic", "strategic_root", "operational", "links")} | {
        _w.t("no_strategic", lang),
        _w.t("partners_no", lang),
    }


ANSWER_PRIORITY = {NO: 0, PARTLY: 1, UNASSESSED: 2, YES: 3}


def recommendations(notes: Sequence[Note], criteria: Sequence[CriterionAnswer] = ()) -> list[Recommendation]:
    """One recommendation per distinct text: first those for the criteria not met (T), then partly met, not
    assessed, met; within these, those answering errors first, then warnings, then questions (info); then in
    the order of the notes."""
    answers = {c.id: ANSWER_PRIORITY[c.answer] for c in criteria}
    out: dict[str, Recommendation] = {}
    rank: dict[str, tuple[int, int]] = {}
    for n in notes:
        found = out.get(n.recommendation)
        if found is None:
            out[n.recommendation] = Recommendation(n.recommendation, n.criterion, [n.id])
        else:
            found.notes.append(n.id)
        mine = (answers.get(n.criterion or "", len(ANSWER_PRIORITY)), SEVERITY_ORDER[n.severity])
        rank[n.recommendation] = min(rank.get(n.recommendation, mine), mine)
    order = {text: i for i, text in enumerate(out)}
    return sorted(out.values(), key=lambda r: (rank[r.text], order[r.text]))
