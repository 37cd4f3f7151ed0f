"""`kinerja evaluate`: the JSON contract (docs/evaluation.md), the text and Markdown formats, the words in
both languages and in the register of an LHE, hostile input kept inert, exit codes."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from cascades import base, node
from click.testing import CliRunner
from helpers import SAMPLES

from kinerja_graph import i18n
from kinerja_graph.cli import cli
from kinerja_graph.commands import output
from kinerja_graph.evaluation import ANSWERS

EVALUATION_KEYS = {
    "file",
    "organisation",
    "source",
    "period",
    "lang",
    "score",
    "criteria",
    "strengths",
    "weaknesses",
    "recommendations",
    "notes",
    "findings",
    "errors",
}
NOTE_KEYS = {"id", "criterion", "rule", "severity", "count", "total", "unit", "nodes", "levels", "findings", "basis"}
NOTE_KEYS |= {"message", "recommendation", "examples"}


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_the_json_contract():
    files = [str(SAMPLES / "praya.yaml"), str(SAMPLES / "pujon.yaml")]
    result = invoke("evaluate", *files, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["version"], data["kind"], data["lang"]) == (1, "kinerja-evaluation", "id")
    checked = json.loads(invoke("check", *files, "--format", "json").stdout)
    for ev, file in zip(data["evaluations"], files):
        assert set(ev) == EVALUATION_KEYS and ev["file"] == file
        assert ev["findings"] == sum(f["file"] == file for f in checked["findings"])
        assert ev["findings"] == sum(n["findings"] for n in ev["notes"])
        sc = ev["score"]
        assert set(sc) == {"value", "exact", "coverage", "label", "parts"} and 0 <= sc["value"] <= 100
        assert "bukan nilai SAKIP" in sc["label"]
        assert [p["criterion"] for p in sc["parts"]] == [c["id"] for c in ev["criteria"]]
        notes = {n["id"]: n for n in ev["notes"]}
        for c in ev["criteria"]:
            assert {"id", "answer", "evidence", "notes"} <= set(c) and c["answer"] in ANSWERS
            assert {"items", "share", "facts", "examples", "text"} <= set(c["evidence"])
            assert all(notes[i]["criterion"] == c["id"] for i in c["notes"])
        for n in ev["notes"]:
            assert set(n) == NOTE_KEYS and n["severity"] in ("error", "warning", "info")
            assert isinstance(n["count"], int) and n["count"] <= n["total"]
        for r in ev["recommendations"]:
            assert r["notes"] and all(i in notes for i in r["notes"])
        assert ev["strengths"] or ev["weaknesses"]


def test_text_in_indonesian_and_english():
    path = str(SAMPLES / "praya.yaml")
    indonesian, english = invoke("evaluate", path).stdout, invoke("evaluate", path, "--lang", "en").stdout
    for word in ("Jawaban atas kriteria LKE", "Kekuatan", "Kelemahan", "Catatan", "Rekomendasi", "bukan nilai SAKIP"):
        assert word in indonesian
    for word in ("Answers to the LKE criteria", "Strengths", "Weaknesses", "Notes", "Recommendations"):
        assert word in english
    assert "not a nilai SAKIP" in english
    assert "crosscutting telah diidentifikasi dengan 4 mitra" in indonesian.lower()
    assert "Seluruh 18 kinerja strategis dan taktikal telah memiliki penanggung jawab" in indonesian
    for word in ("Kekuatan", "Rekomendasi", " dari ", "belum memiliki"):
        assert word not in english
    assert "praya.yaml:" not in indonesian  # places are the auditee's: bagan, kolom …


def test_every_word_in_both_languages_in_the_register_of_an_lhe():
    table = i18n.read("evaluation")
    informal = re.compile(r"\b(punya|padahal|nggak|gak|udah|aja|banget|kayak)\b", re.I)
    for key, entry in table.items():
        assert set(entry) == {"id", "en"} and entry["id"].strip() and entry["en"].strip(), key
        assert set(re.findall(r"{(\w+)}", entry["id"])) == set(re.findall(r"{(\w+)}", entry["en"])), key
        assert not informal.search(entry["id"]), key


def test_markdown_is_one_page_per_cascade_with_user_text_inert(tmp_path):
    doc = base()
    node(doc, "1.1.1.1")["statement"] = "Terlaksananya | pelayanan <script>alert(1)</script> @admin # judul"
    del node(doc, "1.1.1.1")["owner"]
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "e.md"
    result = invoke("evaluate", str(path), "--format", "markdown", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("## Evaluasi Perencanaan Kinerja — Kecamatan Sukamaju")
    assert "<script>" not in text and "\\<script\\>" in text and "\\@admin" in text and "\\|" in text
    for line in text.splitlines():
        if line.startswith("| **1.b"):
            assert line.count(" | ") == 2  # no cell broken by the statement's pipe


def test_terminal_text_escapes_control_characters(tmp_path):
    doc = base()
    node(doc, "1.2.1.1.1")["statement"] = "Pendampingan \x1b[31mmerah\x1b[0m desa"
    del node(doc, "1.2.1.1.1")["owner"]
    path = tmp_path / "esc.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    result = invoke("evaluate", str(path), "--color", "never")
    assert "\x1b" not in result.stdout and "\\x1b[31mmerah" in result.stdout


def test_an_unreadable_file_is_named_and_the_others_still_evaluated(tmp_path):
    bad = tmp_path / "rusak.yaml"
    bad.write_text("kinerja: 1\nnodes: [\n", encoding="utf-8")
    result = invoke("evaluate", str(bad), str(SAMPLES / "clean.yaml"), "--format", "json")
    assert result.exit_code == 2
    assert "rusak.yaml" in result.stderr
    data = json.loads(result.stdout)
    broken, clean = data["evaluations"]
    assert broken["score"] is None and broken["criteria"] == [] and broken["errors"][0]["kind"] == "input"
    assert clean["score"]["value"] == 100


def test_the_format_registry_offers_the_evaluation_formats():
    assert {"text", "json", "markdown", "docx", "xlsx", "html"} <= set(output.EVALUATE_FORMATS)
    # each one a formatter, or (html) the report's pages
    assert all(output.FORMATS[f].evaluate is not None or output.FORMATS[f].pages for f in output.EVALUATE_FORMATS)


def test_a_binary_format_needs_a_file(monkeypatch):
    import click

    fake = output.OutputFormat("bin", evaluate=lambda evs, lang, colour: b"\x00", binary=True, suffix=".bin")
    monkeypatch.setitem(output.FORMATS, "bin", fake)
    with pytest.raises(click.UsageError, match="-o FILE.bin"):
        output.write_evaluation([], "bin")


def test_the_library_evaluates_as_the_command_does():
    from kinerja_graph import api

    clean, broken = api.evaluate([str(SAMPLES / "clean.yaml"), str(SAMPLES / "missing.yaml")], lang="en")
    assert clean.score.rounded == 100 and clean.strengths and not clean.weaknesses
    assert broken.criteria == [] and broken.errors and not broken.readable
