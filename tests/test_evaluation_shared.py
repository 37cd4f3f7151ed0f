"""What the evaluation works out once and shares (evaluation/rubric.py Rubric.routes, evaluation/facts.py
Facts.every_indicator, position, indicator_count): the same answers as working them out each time."""

from __future__ import annotations

from pathlib import Path

from kinerja_graph import checks, pipeline
from kinerja_graph.evaluation.facts import Facts
from kinerja_graph.evaluation.rubric import load_rubric

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "pino-raya.yaml"


def test_a_rules_criteria_are_worked_out_once_and_follow_the_weights():
    rubric = load_rubric()
    for rule_id, rule in checks.all_rules().items():
        lke = getattr(rule, "lke", None)
        first = rubric.routes(rule_id, lke)
        assert first == rubric._route(rule_id, lke)
        assert rubric.routes(rule_id, lke) is first
    heavier = rubric.with_weights({c.id: 9.0 for c in rubric.criteria})
    for rule_id in checks.all_rules():
        assert [c.weight for c in heavier.routes(rule_id, None)] == [9.0] * len(heavier.routes(rule_id, None))
    assert rubric == load_rubric()  # the remembered routes are no part of what a rubric is


def test_the_facts_shared_lists_are_the_ones_made_each_time():
    (result,) = pipeline.each([str(SAMPLE)], pipeline.Options(use_project=False))
    facts = Facts.read(result.graph)
    nodes = [*facts.goals, *facts.loose]
    assert facts.every_indicator() == [i for n in nodes for i in facts.indicators(n)]
    assert facts.every_indicator() is facts.every_indicator()
    assert facts.position() == {n: i for i, n in enumerate(nodes)}
    assert all(facts.indicator_count(n) == len(facts.indicators(n)) for n in [*nodes, "no such node"])
    assert sum(facts.indicator_count(n) for n in nodes) > 10
