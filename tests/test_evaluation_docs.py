"""The evaluation as an evaluator's documents: the LHE draft in Word (report/evaluation_docx.py), the
workbook to fill in (report/evaluation_xlsx.py), the evaluation's sections of the HTML page
(report/html_evaluation.py), and `kinerja evaluate --format docx|xlsx|html`. Real samples, several
cascades with an unreadable file, and hostile text that must stay inert in each."""

from __future__ import annotations

import datetime
import io
import re
import zipfile

import docx
import networkx as nx
import openpyxl
import pytest
from click.testing import CliRunner
from helpers import SAMPLES
from test_report_html import HOSTILE

from kinerja_graph import evaluation, pipeline
from kinerja_graph.cli import cli
from kinerja_graph.engine import FileReport
from kinerja_graph.evaluation import (
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
from kinerja_graph.office import docx as word
from kinerja_graph.report import evaluation_docx, evaluation_layout, evaluation_xlsx, html_evaluation

DAY = datetime.date(2026, 12, 6)
SECTIONS_ID = [
    "I. Ruang Lingkup Evaluasi",
    "II. Jawaban atas Kriteria Evaluasi",
    "III. Kekuatan dan Kelemahan",
    "IV. Catatan Hasil Evaluasi per Kriteria",
    "V. Rekomendasi",
]
SECTIONS_EN = [
    "I. Scope of the evaluation",
    "II. Answers to the evaluation criteria",
    "III. Strengths and weaknesses",
    "IV. Notes by criterion",
    "V. Recommendations",
]


def evaluate(*paths, lang: str = "id") -> list[Evaluation]:
    return evaluation.evaluate_run(pipeline.run([str(p) for p in paths]), lang)


def open_docx(evaluations, lang: str = "id") -> docx.document.Document:
    return docx.Document(io.BytesIO(evaluation_docx.to_bytes(evaluations, lang, day=DAY)))


def open_xlsx(evaluations, lang: str = "id") -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(evaluation_xlsx.to_bytes(evaluations, lang, day=DAY)))


def headings(doc, level: int) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


def table_text(table) -> list[list[str]]:
    return [[cell.text for cell in word_row_cells(row)] for row in table.rows]


def word_row_cells(row):
    return [docx.table._Cell(tc, row.table) for tc in row._tr.tc_lst]


def header_row(ws, first: str) -> int:
    """The row of the sheet's table header: the one whose first cell says `first`."""
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == first)


@pytest.fixture(scope="module")
def praya() -> Evaluation:
    (ev,) = evaluate(SAMPLES / "praya.yaml")
    return ev


@pytest.fixture(scope="module")
def praya_docx(praya):
    return open_docx([praya])


# ------------------------------------------------------------------------------------------ Word


def test_the_lhe_draft_has_its_sections_in_order(praya, praya_docx):
    doc = praya_docx
    title = next(p for p in doc.paragraphs if p.style.name == "Title")
    assert title.text == "Rancangan Laporan Hasil Evaluasi"
    assert any("Pohon Kinerja Kecamatan Praya" in p.text for p in doc.paragraphs[:4])
    assert headings(doc, 1) == SECTIONS_ID
    # strengths and weaknesses, then the notes: one heading per criterion, in LKE order, with its answer
    assert headings(doc, 2)[:2] == ["Kekuatan", "Kelemahan"]
    assert headings(doc, 2)[2 : 2 + len(praya.criteria)] == [
        f"{evaluation_layout.criterion_label(c)} — {evaluation_layout.answer_text(c.answer, 'id')}"
        for c in praya.criteria
    ]
    # A4 portrait, the recommendations matrix on a landscape page
    first, last = doc.sections[0], doc.sections[-1]
    assert first.page_height > first.page_width and last.page_width > last.page_height


def test_the_scope_names_what_was_evaluated_and_the_score_is_an_estimate(praya, praya_docx):
    scope = dict((label, value) for label, value in table_text(praya_docx.tables[0]))
    assert scope["Instansi"] == "Kecamatan Praya"
    assert scope["Dokumen yang dievaluasi"] == praya.source
    assert scope["Berkas"] == "praya.yaml"
    assert scope["Periode"] == "tidak dinyatakan dalam dokumen"
    assert scope["Tanggal penyusunan"] == "6 Desember 2026"
    assert re.fullmatch(r"kinerja-graph versi \d+\.\d+\.\d+.*", scope["Disusun dengan"])
    assert "PermenPANRB Nomor 88 Tahun 2021" in scope["Dasar evaluasi"]
    assert scope["Perkiraan nilai"].startswith(f"{praya.score.rounded} dari 100")
    assert f"{praya.findings} temuan" in scope["Temuan pemeriksaan otomatis"]
    caveat = praya_docx.paragraphs[[p._p for p in praya_docx.paragraphs].index(_after(praya_docx.tables[0]))]
    assert "bukan nilai SAKIP" in caveat.text


def _after(table):
    return table._tbl.getnext()


def test_the_criteria_table_gives_each_answer_and_its_reason(praya, praya_docx):
    rows = table_text(praya_docx.tables[1])
    assert rows[0] == ["No.", "Kriteria LKE", "Usulan jawaban", "Alasan"]
    assert word.header_rows(praya_docx.tables[1]) == 1
    assert len(rows) == 1 + len(praya.criteria)
    for row, c in zip(rows[1:], praya.criteria, strict=True):
        assert row[1] == evaluation_layout.criterion_label(c)
        assert row[2].split("\n")[0] == evaluation_layout.answer_text(c.answer, "id")
        assert row[3] == evaluation_layout.reason(c, "id") != "—"
    assert {c.answer for c in praya.criteria} >= {YES, PARTLY, NO, UNASSESSED}  # Praya shows each answer


def test_every_note_is_written_under_its_criterion_with_evidence_citing_the_document(praya, praya_docx):
    text = "\n".join(p.text for p in praya_docx.paragraphs)
    for note in praya.notes:
        assert f"Catatan {note.id} " in text and evaluation_layout.one_line(note.message) in text
        assert f"Rekomendasi: {evaluation_layout.one_line(note.recommendation)}" in text
    # examples quote the cascade and cite the auditee's own document (Node.ref), not the transcription
    assert "“Terselenggaranya pelayanan perkantoran sesuai SOP” (1.4.1, bagan, kolom 9)" in text
    assert "praya.yaml:" not in text
    assert all(s in text for s in praya.strengths) and all(w in text for w in praya.weaknesses)


def test_the_recommendations_matrix_leaves_owner_and_deadline_to_the_evaluator(praya, praya_docx):
    matrix = praya_docx.tables[2]
    rows = table_text(matrix)
    assert rows[0] == ["No.", "LKE", "Temuan", "Rekomendasi", "Penanggung jawab", "Tenggat"]
    assert len(rows) == 1 + len(praya.recommendations)
    for row, rec in zip(rows[1:], praya.recommendations, strict=True):
        assert row[1] == (rec.criterion or "") and row[3] == evaluation_layout.one_line(rec.text)
        for note_id in rec.notes:
            assert f"{note_id}: {evaluation_layout.one_line(praya.note(note_id).message)}" in row[2]
        assert row[4] == "" and row[5] == ""
    signature = table_text(praya_docx.tables[3])
    assert "Tim Evaluator," in signature[0][1] and "(nama dan NIP)" in signature[0][1]


def test_the_lhe_draft_in_english(tmp_path):
    (ev,) = evaluate(SAMPLES / "pino-raya.yaml", lang="en")
    doc = open_docx([ev], "en")
    assert headings(doc, 1) == SECTIONS_EN
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "not a nilai SAKIP" in text and "Rekomendasi" not in text
    rows = table_text(doc.tables[1])
    assert rows[0] == ["No.", "LKE criterion", "Suggested answer", "Reason"]
    assert {r[2].split("\n")[0] for r in rows[1:]} <= {"Y (yes)", "Sebagian (partly)", "T (no)", "Cannot be assessed"}
    assert table_text(doc.tables[2])[0][4:] == ["Responsible", "Deadline"]


@pytest.mark.slow
def test_several_cascades_one_part_each_and_an_unreadable_file_says_so(tmp_path):
    bad = tmp_path / "rusak.yaml"
    bad.write_text("kinerja: 1\nnodes: [\n", encoding="utf-8")
    evaluations = evaluate(SAMPLES / "clean.yaml", bad, SAMPLES / "batumandi.yaml")
    doc = open_docx(evaluations)
    parts = headings(doc, 1)
    assert parts[0].endswith("(clean.yaml)") and parts[1] == "rusak.yaml (rusak.yaml)"
    assert parts[2] == "Kecamatan Batumandi (batumandi.yaml)"
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Berkas ini tidak dapat dibaca, sehingga belum dapat dievaluasi." in text
    assert headings(doc, 2).count("V. Rekomendasi") == 2  # the readable ones
    book = open_xlsx(evaluations)
    ws = book["Rekomendasi"]
    top = header_row(ws, "Instansi")
    names = {ws.cell(row=r, column=1).value for r in range(top + 1, ws.max_row + 1)}
    assert names == {"Kecamatan Batumandi"} | ({"Kecamatan Sukamaju"} if evaluations[0].recommendations else set())
    notes = [ws.cell(row=r, column=1).value for r in range(1, top)]
    assert any("rusak.yaml: Berkas ini tidak dapat dibaca" in (n or "") for n in notes)


# ------------------------------------------------------------------------------------------ Excel


def test_the_workbook_is_ready_to_fill(praya):
    book = open_xlsx([praya])
    assert book.sheetnames == ["Rekomendasi", "Kriteria"]
    ws = book["Rekomendasi"]
    top = header_row(ws, "No.")
    assert [c.value for c in ws[top]] == ["No.", "LKE", "Temuan", "Rekomendasi", "Penanggung jawab", "Tenggat"]
    body = list(ws.iter_rows(min_row=top + 1, values_only=True))
    assert len(body) == len(praya.recommendations)
    for values, rec in zip(body, praya.recommendations, strict=True):
        assert values[3] == evaluation_layout.one_line(rec.text) and values[4] is None and values[5] is None
    assert ws.freeze_panes == f"A{top + 1}"
    assert ws.auto_filter.ref == f"A{top}:F{top + len(body)}"
    assert ws.print_title_rows.replace("$", "") == f"{top}:{top}"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.cell(row=top + 1, column=3).alignment.wrap_text
    assert any("bukan nilai SAKIP" in (ws.cell(row=r, column=1).value or "") for r in range(1, top))

    ws = book["Kriteria"]
    top = header_row(ws, "No.")
    head = [c.value for c in ws[top]]
    assert head[:4] == ["No.", "LKE", "Uraian", "Usulan jawaban"] and head[-2:] == [
        "Jawaban evaluator",
        "Catatan evaluator",
    ]
    rows = list(ws.iter_rows(min_row=top + 1, values_only=True))
    assert [r[1] for r in rows] == [c.id for c in praya.criteria]
    assert [r[3] for r in rows] == [evaluation_layout.answer_text(c.answer, "id") for c in praya.criteria]
    assert all(r[-1] is None and r[-2] is None for r in rows)
    (choice,) = ws.data_validations.dataValidation
    assert choice.type == "list" and choice.formula1 == '"Y,Sebagian,T"'
    assert str(choice.sqref) == f"I{top + 1}:I{top + len(rows)}"


# ------------------------------------------------------------------------------------------ inert text

HOSTILE_TEXTS = {
    "formula": '=HYPERLINK("http://example.invalid","klik")',
    "plus": "+62 811 dan seterusnya",
    "at": "@SUM(A1:A9)",
    "control": "bel\x07 dan escape \x1b[31m merah",
    "markup": "<script>alert(1)</script> & <img src=x onerror=alert(2)>",
    "surrogate": "pecah \ud800 di sini",
}


def hostile_evaluation() -> Evaluation:
    texts = HOSTILE_TEXTS
    example = Example("1.1", texts["markup"], ref=texts["formula"])
    note = Note(
        "N1",
        "1.b.5",
        "missing-indicator",
        "error",
        1,
        2,
        "goals",
        ["1.1"],
        {},
        [],
        {},
        texts["formula"] + " " + texts["control"],
        texts["at"],
        [example],
    )
    criterion = CriterionAnswer(
        "1.b.5",
        texts["markup"],
        PARTLY,
        0.5,
        1.0,
        Evidence("goals", (), 2, 1.0, 0.5, ["1.1"], {}, [example], [texts["plus"], texts["surrogate"]]),
        ["N1"],
    )
    return Evaluation(
        file="uji.yaml",
        organisation=texts["formula"],
        lang="id",
        source=texts["control"],
        period=[2025, 2026],
        score=Score(50.0, [ScorePart("1.b.5", 1.0, 0.5, 0.5)], 1.0, 1.0, texts["markup"]),
        criteria=[criterion],
        strengths=[texts["at"]],
        weaknesses=[texts["markup"]],
        recommendations=[Recommendation(texts["formula"], "1.b.5", ["N1"])],
        notes=[note],
    )


def test_hostile_text_stays_text_in_the_word_draft():
    doc = open_docx([hostile_evaluation()])
    text = "\n".join(p.text for p in doc.paragraphs)
    text += "\n".join(cell for t in doc.tables for row in table_text(t) for cell in row)
    assert HOSTILE_TEXTS["formula"] in text and HOSTILE_TEXTS["markup"] in text
    assert "bel␇ dan escape ␛[31m merah" in text and "\x07" not in text and "\x1b" not in text
    assert "pecah \ufffd di sini" in text
    body = zipfile.ZipFile(io.BytesIO(evaluation_docx.to_bytes([hostile_evaluation()], day=DAY))).read(
        "word/document.xml"
    )
    assert b"<script>" not in body and b"&lt;script&gt;" in body
    assert b"fldSimple" not in body and b"instrText" not in body  # no field: Word computes nothing from it


def test_hostile_text_never_becomes_a_formula_in_the_workbook():
    data = evaluation_xlsx.to_bytes([hostile_evaluation()], day=DAY)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheets = [z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    assert sheets and not any(b"<f>" in s or b"<f " in s for s in sheets)
    book = openpyxl.load_workbook(io.BytesIO(data))
    seen = {}
    for ws in book:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", cell.coordinate
                    seen[cell.value] = cell
    formula = next(c for v, c in seen.items() if v.startswith("=HYPERLINK"))
    assert formula.quotePrefix
    assert any(v.startswith("+62") and c.quotePrefix for v, c in seen.items())  # the criterion's reason
    assert not any("\x07" in v or "\x1b" in v for v in seen)


def test_hostile_text_is_escaped_in_the_html_sections():
    ev = hostile_evaluation()
    fr = FileReport(file="uji.yaml")
    page = "".join(
        [
            html_evaluation.overview(ev, fr, "id"),
            html_evaluation.criteria_section(ev, nx.DiGraph(), "id"),
            html_evaluation.strengths_section(ev, "id"),
        ]
    )
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;" in page
    assert "\x07" not in page and "\ud800" not in page


# ------------------------------------------------------------------------------------------ the command


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_evaluate_writes_docx_and_xlsx_and_needs_a_file_name(tmp_path):
    result = run("evaluate", str(SAMPLES / "clean.yaml"), "--format", "docx")
    assert result.exit_code == 2 and "-o FILE.docx" in result.output
    out = tmp_path / "lhe.docx"
    result = run("evaluate", str(SAMPLES / "clean.yaml"), "--format", "docx", "-o", str(out), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert headings(docx.Document(str(out)), 1) == SECTIONS_EN
    out = tmp_path / "lhe.xlsx"
    assert run("evaluate", str(SAMPLES / "clean.yaml"), "--format", "xlsx", "-o", str(out)).exit_code == 0
    assert openpyxl.load_workbook(out).sheetnames == ["Rekomendasi", "Kriteria"]


def test_evaluate_hostile_cascade_in_every_document_format(tmp_path):
    source = tmp_path / "uji.yaml"
    source.write_text(HOSTILE, encoding="utf-8")
    for fmt in ("docx", "xlsx"):
        out = tmp_path / f"uji.{fmt}"
        result = run("evaluate", str(source), "--format", fmt, "-o", str(out))
        assert result.exit_code == 0, (fmt, result.output)
    doc = docx.Document(str(tmp_path / "uji.docx"))
    assert 'Kecamatan <marquee>Uji</marquee> & "Co"' in doc.paragraphs[1].text
    book = openpyxl.load_workbook(tmp_path / "uji.xlsx")
    assert 'Kecamatan <marquee>Uji</marquee> & "Co"' in book["Rekomendasi"]["A2"].value


@pytest.mark.slow
def test_evaluate_html_writes_the_report_pages(tmp_path):
    out = tmp_path / "site" / "praya.html"
    result = run("evaluate", str(SAMPLES / "praya.yaml"), "--format", "html", "-o", str(out), "--no-config")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    order = [text.index(f'id="{s}"') for s in ("summary", "criteria", "strengths", "diagram", "detail")]
    assert order == sorted(order)
    index = tmp_path / "site" / "index.html"
    files = [str(SAMPLES / "praya.yaml"), str(SAMPLES / "sokaraja.yaml")]
    result = run("evaluate", *files, "--format", "html", "-o", str(index), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert {p.name for p in index.parent.glob("*.html")} == {"index.html", "praya.html", "sokaraja.html"}
    assert "Answers to the evaluation criteria" in (index.parent / "sokaraja.html").read_text(encoding="utf-8")
