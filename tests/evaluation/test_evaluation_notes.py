"""Notes, not lines: the findings grouped by cause, every finding in exactly one note, counts that add up,
the provenance of what a note rests on, and places cited in the auditee's own document."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from cascades import base, evaluate, node
from click.testing import CliRunner
from helpers import SAMPLES

from kinerja_graph import evaluation, pipeline
from kinerja_graph.cli import cli

SAMPLE_FILES = ["praya.yaml", "pujon.yaml", "pino-raya.yaml", "batumandi.yaml", "batumandi.csv", "sokaraja.yaml"]


@pytest.fixture(scope="module")
def checked():
    """Each sample checked once: file name -> (FileReport, Evaluation in Indonesian)."""
    out = {}
    for name in SAMPLE_FILES:
        result = pipeline.run([str(SAMPLES / name)]).results[0]
        out[name] = result.report, evaluation.evaluate(result.report, "id")
    return out


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_every_finding_is_in_exactly_one_note(checked, name):
    report, ev = checked[name]
    in_notes = [id(f) for n in ev.notes for f in n.findings]
    assert len(in_notes) == len(set(in_notes)) == len(report.findings) == ev.findings
    assert set(in_notes) == {id(f) for f in report.findings}
    for n in ev.notes:
        assert {f.rule for f in n.findings} == {n.rule}
        assert 0 < n.count <= n.total
        assert n.severity == min((f.severity for f in n.findings), key=("error", "warning", "info").index)
        assert n.recommendation and n.message


def test_praya_reads_as_a_handful_of_notes(checked):
    report, ev = checked["praya.yaml"]
    assert len(report.findings) > 100 and len(ev.notes) <= 20
    owners = next(n for n in ev.notes if n.rule == "missing-owner")
    assert owners.criterion == "1.b.11" and (owners.count, owners.total) == (46, 46)
    assert owners.levels == {"output": 13, "process": 33}
    assert owners.message == "46 dari 46 kinerja operasional belum memiliki penanggung jawab (Output 13, Proses 33)"


def test_one_rule_splits_by_the_tier_its_criterion_takes(checked):
    _, ev = checked["sokaraja.yaml"]
    owners = {n.criterion: (n.count, n.total) for n in ev.notes if n.rule == "missing-owner"}
    assert owners == {"1.b.10": (5, 7), "1.b.11": (37, 37)}  # 42 of 44, told apart by tier


def test_a_group_of_duplicates_counts_every_goal_of_the_group(checked):
    _, ev = checked["pujon.yaml"]
    dup = next(n for n in ev.notes if n.rule == "duplicate-statement")
    assert len(dup.findings) == 4 and dup.count == len(dup.nodes) == 11


def test_notes_mark_what_rests_on_inferred_data(checked):
    _, ev = checked["pujon.yaml"]  # the transcriber inferred every level of Pujon
    orphans = next(n for n in ev.notes if n.rule == "orphan-node")
    assert orphans.basis == {"inferred": 11}
    assert "11 di antaranya bertumpu pada data yang disimpulkan oleh penyalin dokumen" in orphans.message
    assert all(f.severity == "warning" for f in orphans.findings)  # softened by the rule API
    english = evaluation.evaluate(pipeline.run([str(SAMPLES / "pujon.yaml")]).results[0].report, "en")
    assert "rest on data inferred by the document's transcriber" in next(
        n.message for n in english.notes if n.rule == "orphan-node"
    )


def test_a_failure_on_inferred_data_counts_half(tmp_path):
    doc = base()
    target = node(doc, "1.1.1.1")
    target["level"] = "Intermediate Outcome"  # an inversion under the immediate outcome 1.1.1 ...
    target["inferred"] = ["level"]  # ... resting on a level the transcriber inferred
    ev = evaluate(doc, tmp_path)
    note = next(n for n in ev.notes if n.rule == "level-inversion")
    assert note.basis == {"inferred": 1} and note.findings[0].severity == "warning"
    c = ev.criterion("1.b.8")  # the goal and its child, whose level skip rests on it too: half a failure each
    assert c.evidence.failing == ["1.1.1.1", "1.1.1.1.1"]
    assert c.evidence.met == 8.0 and c.evidence.facts["softened"] == 2


def test_levels_the_document_does_not_state_are_credited_half(tmp_path):
    doc = base()
    for n in doc["nodes"]:
        n["inferred"] = ["level"]
    ev = evaluate(doc, tmp_path)
    for criterion in ("1.b.3", "1.b.8", "1.b.10", "1.b.11", "1.c.2"):
        c = ev.criterion(criterion)
        assert c.evidence.share == 0.5 and c.answer == "Sebagian", criterion
    assert ev.criterion("1.b.5").answer == "Y"  # an indicator does not rest on the level


def test_examples_cite_the_auditees_document_not_the_transcription(tmp_path, checked):
    doc = base()
    for n in doc["nodes"][-2:]:
        del n["owner"]
    node(doc, "1.2.1.1.1")["ref"] = "hal. 4, Tabel 2, baris 7"
    ev = evaluate(doc, tmp_path)
    note = next(n for n in ev.notes if n.rule == "missing-owner")
    assert [e.cite for e in note.examples] == ["1.1.1.1.1", "1.2.1.1.1, hal. 4, Tabel 2, baris 7"]
    _, praya = checked["praya.yaml"]
    cites = [e.cite for n in praya.notes for e in n.examples] + [
        e.cite for c in praya.criteria for e in c.evidence.examples
    ]
    assert "1.4.1, bagan, kolom 9" in cites
    assert not [c for c in cites if ".yaml" in c]
    _, table = checked["batumandi.csv"]  # a table file: the row in the table
    assert any(re.fullmatch(r"[\d.]+, baris \d+", e.cite) for n in table.notes for e in n.examples)


def test_check_group_prints_the_notes_and_keeps_the_exit_code(checked):
    runner = CliRunner()
    path = str(SAMPLES / "praya.yaml")
    plain = runner.invoke(cli, ["check", path], catch_exceptions=False)
    grouped = runner.invoke(cli, ["check", path, "--group"], catch_exceptions=False)
    assert grouped.exit_code == plain.exit_code == 1
    _, ev = checked["praya.yaml"]
    out = grouped.stdout
    assert f"{ev.findings} temuan dalam {len(ev.notes)} catatan" in out
    for n in ev.notes:
        assert n.message in out
    assert "46 dari 64 kinerja belum memiliki indikator kinerja (Output 13, Proses 33)" in out
    assert out.rstrip().splitlines()[-1] == plain.stdout.rstrip().splitlines()[-1]  # the same summary line
    assert len(out.splitlines()) < len(plain.stdout.splitlines()) / 2


def test_check_group_goes_with_the_text_format_only():
    result = CliRunner().invoke(cli, ["check", str(SAMPLES / "clean.yaml"), "--group", "--format", "json"])
    assert result.exit_code == 2 and "--group" in result.output


def test_grouping_counts_the_same_as_the_findings_per_rule(checked):
    report, ev = checked["pino-raya.yaml"]
    per_rule = Counter(f.rule for f in report.findings)
    in_notes: Counter = Counter()
    for n in ev.notes:
        in_notes[n.rule] += len(n.findings)
    assert in_notes == per_rule


def test_a_criterion_met_on_levels_the_document_does_not_state_says_why_it_is_only_partly_met(tmp_path):
    doc = base()
    for n in doc["nodes"]:
        if n["level"] in ("Intermediate Outcome", "Immediate Outcome"):
            n["inferred"] = ["level"]
    ev = evaluate(doc, tmp_path)
    c = ev.criterion("1.b.4")
    assert c is not None and c.answer == "Sebagian" and not c.evidence.failing
    weakness = next(w for w in ev.weaknesses if w.startswith("1.b.4"))
    assert "but the level of 4 of them is not stated by the document" in weakness
    # the criteria table's one-line reason says it too
    assert c.evidence.text[0].startswith("All 5 strategic and tactical goals are stated as a condition to be reached,")


def test_an_owner_holding_goals_of_several_tiers_is_one_note_named_by_both_criteria(tmp_path):
    doc = base()
    for goal in ("1.1.1", "1.1.1.1"):  # an immediate outcome and an output held by no particular position
        node(doc, goal)["owner"] = "Kasi/Jafung/Analis"
    ev = evaluate(doc, tmp_path)
    owner_notes = [n for n in ev.notes if n.rule == "ambiguous-owner"]
    assert len(owner_notes) == 1
    note = owner_notes[0]
    # counted among the goals of every tier it touches (here every goal), not "2 of 5 strategic and tactical"
    assert (note.count, note.total) == (2, 9) and note.nodes == ["1.1.1", "1.1.1.1"]
    assert note.message.startswith("2 of 9 goals are held by an owner who names no particular position")
    tactical, operational = ev.criterion("1.b.10"), ev.criterion("1.b.11")
    assert tactical is not None and operational is not None
    assert note.criterion == "1.b.10" and note.id in tactical.notes and not tactical.see_also
    assert operational.notes == [] and operational.see_also == [note.id]
    assert operational.evidence.failing == ["1.1.1.1"] and operational.answer == "Sebagian"
    assert f"Details in notes {note.id}." in operational.evidence.text
    weakness = next(w for w in ev.weaknesses if w.startswith("1.b.11"))
    assert "2 of 9 goals are held by an owner who names no particular position" in weakness
    data = ev.to_dict()
    assert next(c for c in data["criteria"] if c["id"] == "1.b.11")["see_also"] == [note.id]


def test_batumandis_level_labels_its_tree_contradicts_are_one_note(checked):
    report, ev = checked["batumandi.yaml"]
    # level-label-conflict: one finding on the 15 goals whose labels the tree contradicts; the inversions,
    # skips and activity wordings that rested on those labels are no longer separate notes
    assert not {"level-inversion", "level-skip", "goal-is-activity"} & {n.rule for n in ev.notes}
    (label,) = [n for n in ev.notes if n.rule == "level-label-conflict"]
    assert label.criterion == "1.b.8" and (label.count, label.total) == (15, 26)
    assert label.message.startswith("15 dari 26 kinerja memiliki label tingkat yang bertentangan dengan struktur")
    cascading = ev.criterion("1.b.8")
    assert cascading is not None and label.id in cascading.notes and cascading.answer == "Sebagian"
    # what still rests on those labels is said so in its note and counts half
    doubtful = [n for n in ev.notes if n.basis.get("doubtful")]
    assert doubtful and {n.rule for n in doubtful} == {"indicator-level-mismatch"}
    assert all("bertumpu pada label tingkat yang bertentangan" in n.message for n in doubtful)
    # one ambiguous owner text holds goals of both tiers: one note, named by 1.b.10 and 1.b.11
    (owners,) = [n for n in ev.notes if n.rule == "ambiguous-owner"]
    tactical, operational = ev.criterion("1.b.10"), ev.criterion("1.b.11")
    assert tactical is not None and operational is not None
    assert owners.id in tactical.notes and operational.see_also == [owners.id]
    assert (owners.count, owners.total) == (13, 26)
