"""Each criterion's answer on constructed cascades: one that meets it, one that partly does, one that does not
(or, for a criterion the document may leave to another one, one that holds no evidence either way)."""

from __future__ import annotations

import pytest
from cascades import OPERATIONAL, OUTCOMES, answer, at_levels, base, evaluate, node, run

from kinerja_graph import evaluation, pipeline
from kinerja_graph.evaluation import NO, PARTLY, UNASSESSED, YES

ACTIVITY = {
    "1": "Pelaksanaan koordinasi penyelenggaraan pemerintahan kecamatan",
    "1.1": "Pelaksanaan koordinasi pelayanan publik kecamatan",
    "1.2": "Penyusunan program pemberdayaan desa",
    "1.1.1": "Penyelenggaraan pelayanan administrasi terpadu kecamatan",
    "1.2.1": "Pembinaan tata kelola pemerintahan desa",
}


def test_the_constructed_cascade_meets_every_criterion(tmp_path):
    ev = evaluate(base(), tmp_path)
    assert {c.id: c.answer for c in ev.criteria} == {c.id: YES for c in ev.criteria}
    assert ev.score is not None and ev.score.rounded == 100 and ev.score.coverage == 1.0


# ------------------------------------------------------------------------------ 1.b.3 derived from the outcome


def _loose_output(doc: dict) -> None:
    doc["nodes"].append(
        {
            "id": "9",
            "statement": "Tersedianya dokumen perencanaan kecamatan",
            "level": "Output",
            "owner": "Kasubbag Perencanaan dan Keuangan",
            "indicators": [{"name": "Jumlah dokumen perencanaan kecamatan yang ditetapkan", "unit": "dokumen"}],
        }
    )


def _no_strategic_tier(doc: dict) -> None:
    doc["nodes"] = [n for n in doc["nodes"] if n["id"] not in ("1", "1.1", "1.2")]
    for n in doc["nodes"]:
        if n.get("parent") in ("1.1", "1.2"):
            del n["parent"]


def test_1b3_partly_when_a_goal_stands_apart_from_the_outcome(tmp_path):
    doc = base()
    _loose_output(doc)
    ev = evaluate(doc, tmp_path)
    c = ev.criterion("1.b.3")
    assert c.answer == PARTLY and c.evidence.items == 10 and c.evidence.failing == ["9"]
    assert c.evidence.text[0] == "9 of 10 goals derive from an outcome at the strategic tier; 1 of 10 do not."


def test_1b3_no_without_any_goal_at_the_strategic_tier(tmp_path):
    doc = base()
    _no_strategic_tier(doc)
    ev = evaluate(doc, tmp_path)
    c = ev.criterion("1.b.3")
    assert c.answer == NO and c.value == 0.0
    assert any("holds no goal or strategic objective" in s for s in c.evidence.text)


# ---------------------------------------------------------------------------------- 1.b.4 result statements


def test_1b4_partly_and_no_as_statements_turn_into_activities(tmp_path):
    doc = base()
    node(doc, "1.1")["statement"] = ACTIVITY["1.1"]
    assert answer(evaluate(doc, tmp_path), "1.b.4") == PARTLY
    for node_id, text in ACTIVITY.items():
        node(doc, node_id)["statement"] = text
    c = evaluate(doc, tmp_path).criterion("1.b.4")
    assert c.answer == NO and c.evidence.items == 5 and len(c.evidence.failing) == 5


def test_1b4_is_at_most_partly_without_a_strategic_goal(tmp_path):
    doc = base()
    _no_strategic_tier(doc)
    c = evaluate(doc, tmp_path).criterion("1.b.4")
    assert c.evidence.share == 1.0 and c.answer == PARTLY and c.evidence.facts["caps"] == ["strategic"]


# ------------------------------------------------------------------------------------------- 1.b.5 SMART


def test_1b5_partly_and_no_as_goals_lose_their_indicators(tmp_path):
    doc = base()
    for n in at_levels(doc, "Proses"):
        n["indicators"] = []
    c = evaluate(doc, tmp_path).criterion("1.b.5")
    assert c.answer == PARTLY and sorted(c.evidence.failing) == ["1.1.1.1.1", "1.2.1.1.1"]
    for n in doc["nodes"]:
        n["indicators"] = []
    assert answer(evaluate(doc, tmp_path), "1.b.5") == NO


# --------------------------------------------------------------------------------------------- 1.b.6 IKU


def test_1b6_partly_with_an_activity_indicator_on_an_outcome_and_unassessed_without_outcome_indicators(tmp_path):
    doc = base()
    node(doc, "1.2.1")["indicators"][0].update(
        name="Persentase pelaksanaan rapat koordinasi pemerintahan desa",
        formula="Jumlah rapat koordinasi yang terlaksana / jumlah rapat koordinasi yang direncanakan × 100 %",
    )
    c = evaluate(doc, tmp_path).criterion("1.b.6")
    assert c.answer == PARTLY and c.evidence.failing == ["1.2.1"]
    for n in at_levels(doc, *OUTCOMES):
        n["indicators"] = []
    assert answer(evaluate(doc, tmp_path), "1.b.6") == UNASSESSED


# ----------------------------------------------------------------------------------------- 1.b.7 targets


def test_1b7_partly_with_a_target_that_is_no_number_and_unassessed_without_any_target(tmp_path):
    doc = base()
    node(doc, "1.1")["indicators"][0]["targets"][2026] = "-"
    c = evaluate(doc, tmp_path).criterion("1.b.7")
    assert c.answer == PARTLY and c.evidence.items == 9 and c.evidence.failing == ["1.1"]
    for n in doc["nodes"]:
        n["indicators"][0].pop("targets")
    del doc["period"]
    c = evaluate(doc, tmp_path).criterion("1.b.7")
    assert c.answer == UNASSESSED and c.value is None
    assert "Renstra and the Perjanjian Kinerja" in c.evidence.text[0]


# -------------------------------------------------------------------------------------- 1.b.8 cascading


def test_1b8_partly_when_goals_fall_out_of_the_chain_and_no_without_any_link(tmp_path):
    doc = base()
    for n in at_levels(doc, "Proses"):
        del n["parent"]
    c = evaluate(doc, tmp_path).criterion("1.b.8")
    assert c.answer == PARTLY and c.value == 0.5  # the rubric: full, half or nothing
    for n in doc["nodes"]:
        n.pop("parent", None)
    c = evaluate(doc, tmp_path).criterion("1.b.8")
    assert c.answer == NO and "links" in c.evidence.facts["caps"]


def test_1b8_is_at_most_half_when_the_chain_does_not_start_at_the_strategic_tier(tmp_path):
    doc = base()
    _no_strategic_tier(doc)
    c = evaluate(doc, tmp_path).criterion("1.b.8")
    assert c.answer == PARTLY and "strategic_root" in c.evidence.facts["caps"]


# ------------------------------------------------------------------------------------ 1.b.9 crosscutting


def test_1b9_yes_no_and_partly_when_a_link_names_the_organisation_itself(tmp_path):
    doc = base()
    c = evaluate(doc, tmp_path).criterion("1.b.9")
    assert c.answer == YES and c.evidence.facts["partners"] == ["Dinas Kependudukan dan Pencatatan Sipil"]
    node(doc, "1.2")["crosscutting"] = ["Kecamatan Sukamaju"]
    c = evaluate(doc, tmp_path).criterion("1.b.9")
    assert c.answer == PARTLY and c.evidence.facts["unresolved"] == 1
    for n in doc["nodes"]:
        n.pop("crosscutting", None)
    assert answer(evaluate(doc, tmp_path), "1.b.9") == NO


# --------------------------------------------------------------------------- 1.b.10-11 owners, by tier


@pytest.mark.parametrize(("criterion", "levels"), [("1.b.10", OUTCOMES), ("1.b.11", OPERATIONAL)])
def test_owners_partly_and_no_per_tier(tmp_path, criterion, levels):
    doc = base()
    goals = at_levels(doc, *levels)
    del goals[-1]["owner"]
    c = evaluate(doc, tmp_path).criterion(criterion)
    assert c.answer == PARTLY and c.value == 0.5 and c.evidence.failing == [goals[-1]["id"]]
    for n in goals:
        n.pop("owner", None)
    assert answer(evaluate(doc, tmp_path), criterion) == NO
    # the other tier keeps its answer
    other = "1.b.11" if criterion == "1.b.10" else "1.b.10"
    assert answer(evaluate(doc, tmp_path), other) == YES


def test_owners_are_read_from_the_cascade_even_when_the_rule_does_not_run(tmp_path):
    doc = base()
    for n in at_levels(doc, *OPERATIONAL):
        del n["owner"]
    path = tmp_path / "c.yaml"
    run(doc, tmp_path, "c.yaml")
    result = pipeline.run([str(path)], pipeline.Options(ignore=("missing-owner",))).results[0]
    assert not [f for f in result.report.findings if f.rule == "missing-owner"]
    assert evaluation.evaluate(result.report).criterion("1.b.11").answer == NO


# ------------------------------------------------------------------------- 1.c.2 activities support results


def test_1c2_partly_when_a_process_hangs_loose_and_no_without_a_strategic_outcome(tmp_path):
    doc = base()
    del node(doc, "1.2.1.1.1")["parent"]
    c = evaluate(doc, tmp_path).criterion("1.c.2")
    assert c.answer == PARTLY and c.evidence.failing == ["1.2.1.1.1"]
    doc = base()
    _no_strategic_tier(doc)
    assert answer(evaluate(doc, tmp_path), "1.c.2") == NO


# ---------------------------------------------------------------------- 2.a.2 formulas, 2.a.3 data sources


@pytest.mark.parametrize(("criterion", "field"), [("2.a.2", "formula"), ("2.a.3", "source")])
def test_definitions_and_sources_partly_and_unassessed(tmp_path, criterion, field):
    doc = base()
    for n in doc["nodes"][:3]:
        n["indicators"][0].pop(field)
    c = evaluate(doc, tmp_path).criterion(criterion)
    assert c.answer == PARTLY and c.evidence.failing == ["1", "1.1", "1.2"]
    assert c.evidence.facts["stating"] == {"field": field, "count": 6, "of": 9}
    for n in doc["nodes"]:
        n["indicators"][0].pop(field, None)
    c = evaluate(doc, tmp_path).criterion(criterion)
    assert c.answer == UNASSESSED and "Manual IKU" in c.evidence.text[0]
    assert c.notes  # the note that no indicator states it is still there


def test_a_formula_that_measures_something_else_fails_its_indicator(tmp_path):
    doc = base()
    node(doc, "1.2.1.1")["indicators"][0]["formula"] = "Jumlah rapat koordinasi camat dengan kepala desa"
    ev = evaluate(doc, tmp_path)
    c = ev.criterion("2.a.2")
    assert c.answer == PARTLY and c.evidence.failing == ["1.2.1.1"]
    assert [n.rule for n in ev.notes_of("2.a.2")] == ["formula-mismatch"]
