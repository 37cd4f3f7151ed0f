"""Words of the HTML report, in Indonesian (id, the default) and English (en).

Level and tier names come from rules/levels.yaml, area and LKE names from rules/score.yaml, rule
summaries and rationales from the rules themselves; everything else the page says is here.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # page frame
    "title": {"id": "Laporan Evaluasi Pohon Kinerja", "en": "Performance Cascade Evaluation Report"},
    "index_title": {"id": "Laporan Evaluasi Pohon Kinerja — {count} berkas", "en": "Performance Cascade Evaluation Reports — {count} files"},
    "made_by": {"id": "Dibuat dengan kinerja-graph {version} dari berkas {file}", "en": "Made by kinerja-graph {version} from {file}"},
    "fingerprint": {"id": "sidik SHA-256 berkas: {sha}", "en": "file SHA-256: {sha}"},
    "back_to_index": {"id": "← Semua berkas", "en": "← All files"},
    "nav_summary": {"id": "Ringkasan", "en": "Summary"},
    "nav_diagram": {"id": "Diagram", "en": "Diagram"},
    "nav_findings": {"id": "Temuan", "en": "Findings"},
    "nav_owners": {"id": "Per penanggung jawab", "en": "By owner"},
    "nav_indicators": {"id": "Tabel indikator", "en": "Indicator table"},
    "print": {"id": "Cetak", "en": "Print"},
    # organisation
    "organisation": {"id": "Organisasi", "en": "Organisation"},
    "type": {"id": "Jenis", "en": "Type"},
    "period": {"id": "Periode", "en": "Period"},
    "file": {"id": "Berkas", "en": "File"},
    "no_period": {"id": "tidak disebutkan", "en": "not stated"},
    # score
    "score": {"id": "Skor kualitas", "en": "Quality score"},
    "score_of": {"id": "dari 100", "en": "out of 100"},
    "score_caveat": {
        "id": "Perkiraan kinerja-graph sendiri, dihitung dari temuan pemeriksaan otomatis ini — bukan nilai "
              "SAKIP resmi dan bukan hasil LKE (PermenPANRB 88/2021). Gunakan untuk membandingkan cascade atau "
              "versi cascade, bukan sebagai nilai.",
        "en": "kinerja-graph's own estimate, computed from the findings of this automatic check — not an "
              "official nilai SAKIP and not an LKE result (PermenPANRB 88/2021). Use it to compare cascades or "
              "versions of a cascade, not as a grade.",
    },
    "score_how": {"id": "Cara menghitung", "en": "How it is computed"},
    "score_formula": {
        "id": "Setiap temuan diberi bobot menurut tingkatnya (galat {error}, peringatan {warning}, info {info}); "
              "temuan tentang cascade secara keseluruhan dihitung seolah ada pada setiap unsur bidangnya. Per "
              "bidang, jumlah bobot dibagi banyaknya unsur (kinerja, indikator atau node) memberi kepadatan d; "
              "sub-skor = 100 × 0,5^(d / {half}), jadi sub-skor separuh bila kepadatan {half}. Skor = rata-rata "
              "sub-skor dengan bobot bidang. Temuan yang dibungkam tidak dihitung. Parameter: {path}.",
        "en": "Each finding weighs by its severity (error {error}, warning {warning}, info {info}); a finding "
              "about the cascade as a whole counts as one on every item of its area. Per area, the weights "
              "divided by the number of items (goals, indicators or nodes) give a density d; sub-score = 100 × "
              "0.5^(d / {half}), so a density of {half} halves it. Score = the sub-scores averaged with the area "
              "weights. Silenced findings do not count. Parameters: {path}.",
    },
    "not_scored": {"id": "tidak dinilai", "en": "not scored"},
    "not_scored_why": {"id": "tidak ada aturan bidang ini yang dijalankan", "en": "no rule of this area ran"},
    "area": {"id": "Bidang", "en": "Area"},
    "sub_score": {"id": "Sub-skor", "en": "Sub-score"},
    "weight": {"id": "bobot", "en": "weight"},
    # counts
    "error": {"id": "galat", "en": "error"},
    "errors": {"id": "galat", "en": "errors"},
    "warning": {"id": "peringatan", "en": "warning"},
    "warnings": {"id": "peringatan", "en": "warnings"},
    "info": {"id": "info", "en": "info"},
    "infos": {"id": "info", "en": "info"},
    "silenced": {"id": "dibungkam", "en": "silenced"},
    "findings_count": {"id": "{count} temuan", "en": "{count} findings"},
    # main findings
    "main_findings": {"id": "Temuan utama", "en": "Main findings"},
    "main_findings_hint": {"id": "Aturan dengan temuan terberat; klik sebuah temuan untuk melihat kinerjanya di diagram.",
                           "en": "The rules with the most severe findings; click a finding to see its goal in the diagram."},
    "and_more": {"id": "dan {count} lainnya", "en": "and {count} more"},
    "no_findings": {"id": "Tidak ada temuan: pemeriksaan otomatis tidak menemukan cacat.", "en": "No findings: the automatic check found no defect."},
    # summary facts
    "facts": {"id": "Isi cascade", "en": "What the cascade holds"},
    "level": {"id": "Level", "en": "Level"},
    "tier": {"id": "Jenjang", "en": "Tier"},
    "goals": {"id": "Kinerja", "en": "Goals"},
    "indicators": {"id": "Indikator", "en": "Indicators"},
    "owners": {"id": "Penanggung jawab", "en": "Owners"},
    "unknown_level": {"id": "Level tidak dikenali", "en": "Level not recognised"},
    "indicators_without_goal": {"id": "Indikator tanpa sasaran", "en": "Indicators without a goal"},
    "total": {"id": "Jumlah", "en": "Total"},
    "top_goals": {"id": "Kinerja puncak", "en": "Top goals"},
    "crosscutting": {"id": "Lintas sektor (crosscutting)", "en": "Crosscutting"},
    "none": {"id": "tidak ada", "en": "none"},
    "distinct_owners": {"id": "{count} penanggung jawab berbeda; {without} kinerja tanpa penanggung jawab",
                        "en": "{count} distinct owners; {without} goals without an owner"},
    # run problems
    "run_errors": {"id": "Pemeriksaan tidak lengkap", "en": "The check is incomplete"},
    "internal_error": {"id": "Aturan {rule} gagal dijalankan; temuannya tidak ada dalam laporan ini: {message}",
                       "en": "Rule {rule} broke; its findings are missing from this report: {message}"},
    # diagram
    "diagram_hint": {"id": "Seret untuk menggeser, gulir (atau tombol) untuk memperbesar. Klik sebuah kinerja untuk melihat temuannya.",
                     "en": "Drag to pan, scroll (or the buttons) to zoom. Click a goal to see its findings."},
    "zoom_in": {"id": "Perbesar", "en": "Zoom in"},
    "zoom_out": {"id": "Perkecil", "en": "Zoom out"},
    "zoom_fit": {"id": "Seluruh diagram", "en": "Fit"},
    "part": {"id": "Bagian", "en": "Part"},
    "part_overview": {"id": "Ikhtisar tingkat atas", "en": "Overview of the top levels"},
    "part_branch": {"id": "Cabang {id}: {statement}", "en": "Branch {id}: {statement}"},
    "part_rest": {"id": "Kinerja di luar cabang mana pun", "en": "Goals outside every branch"},
    "whole": {"id": "Seluruh cascade", "en": "Whole cascade"},
    "no_diagram": {"id": "Diagram tidak digambar: {reason}", "en": "No diagram: {reason}"},
    "diagram_off": {"id": "dimatikan dengan --no-diagram", "en": "turned off with --no-diagram"},
    "diagram_too_big": {"id": "cascade ini memuat {goals} kinerja, lebih dari {limit}; gambarlah per cabang dengan `kinerja render --split`",
                        "en": "this cascade holds {goals} goals, more than {limit}; draw it branch by branch with `kinerja render --split`"},
    "panel_empty": {"id": "Klik sebuah kinerja pada diagram, atau sebuah temuan, untuk melihat temuannya di sini.",
                    "en": "Click a goal in the diagram, or a finding, to see its findings here."},
    "panel_none": {"id": "Tidak ada temuan pada kinerja ini.", "en": "No finding on this goal."},
    "panel_title": {"id": "Kinerja {id}", "en": "Goal {id}"},
    "not_drawn": {"id": "Kinerja ini tidak tergambar di diagram.", "en": "This goal is not in the diagram."},
    "owner": {"id": "Penanggung jawab", "en": "Owner"},
    "show_in_list": {"id": "lihat di daftar temuan", "en": "see in the list of findings"},
    "show_in_diagram": {"id": "Tampilkan di diagram", "en": "Show in the diagram"},
    # findings
    "filter_severity": {"id": "Tingkat", "en": "Severity"},
    "filter_area": {"id": "Bidang", "en": "Area"},
    "showing": {"id": "Menampilkan {shown} dari {total} temuan", "en": "Showing {shown} of {total} findings"},
    "why": {"id": "Mengapa penting", "en": "Why it matters"},
    "example_fix": {"id": "Contoh cacat dan perbaikannya", "en": "Example of the defect and its fix"},
    "example": {"id": "Contoh cacat", "en": "Example"},
    "fix": {"id": "Perbaikan", "en": "Fix"},
    "doc_language": {"id": "(dokumentasi aturan dalam bahasa Inggris)", "en": ""},
    "place": {"id": "Lokasi", "en": "Place"},
    "goal": {"id": "Kinerja", "en": "Goal"},
    "message": {"id": "Temuan", "en": "Finding"},
    "related": {"id": "terkait: {ids}", "en": "related: {ids}"},
    "whole_cascade": {"id": "seluruh cascade", "en": "whole cascade"},
    "lke": {"id": "Kriteria LKE", "en": "LKE criterion"},
    "no_lke": {"id": "tidak terkait kriteria LKE tertentu", "en": "no particular LKE criterion"},
    "silenced_title": {"id": "Temuan yang dibungkam", "en": "Silenced findings"},
    "silenced_intro": {"id": "{count} temuan dibungkam oleh `ignore:` pada kinerjanya, dengan alasan yang ditulis penyusun. Temuan ini tidak dihitung dalam skor.",
                       "en": "{count} findings were silenced by an `ignore:` on their goal, with the reason its author gave. They do not count in the score."},
    "rule": {"id": "Aturan", "en": "Rule"},
    "reason": {"id": "Alasan", "en": "Reason"},
    "no_reason": {"id": "(tanpa alasan)", "en": "(no reason given)"},
    "times": {"id": "{count}×", "en": "{count}×"},
    # owners
    "owners_intro": {
        "id": "Untuk setiap jabatan: kinerja dan indikator yang menjadi tanggung jawabnya, dan temuan padanya — "
              "untuk mencocokkan kinerja jabatan (Perjanjian Kinerja, SKP) dengan cascade (LKE 1.b.10–1.b.11).",
        "en": "For each position: the goals and indicators it is accountable for, and the findings on them — to "
              "check each position's performance (Perjanjian Kinerja, SKP) against the cascade (LKE 1.b.10–1.b.11).",
    },
    "recognised_as": {"id": "dikenali sebagai: {positions}", "en": "recognised as: {positions}"},
    "not_recognised": {"id": "jabatan tidak dikenali oleh kosakata penanggung jawab; periksa penulisannya",
                       "en": "no known position: check how it is written"},
    "no_owner": {"id": "Tanpa penanggung jawab", "en": "Without an owner"},
    "owner_counts": {"id": "{goals} kinerja · {indicators} indikator · {findings} temuan",
                     "en": "{goals} goals · {indicators} indicators · {findings} findings"},
    "statement": {"id": "Kinerja (sasaran)", "en": "Goal statement"},
    "indicator_only": {"id": "(indikator tanpa sasaran)", "en": "(indicator without a goal)"},
    # indicators
    "indicators_intro": {"id": "Setiap indikator dengan formula, satuan, jenis perhitungan, sumber data dan target per tahun. Tanda ■/▲/● pada sel menunjuk temuan tentang sel itu; klik untuk membukanya.",
                         "en": "Every indicator with its formula, unit, calculation type, data source and yearly targets. A ■/▲/● mark on a cell points to a finding about it; click it to open the finding."},
    "indicator": {"id": "Indikator", "en": "Indicator"},
    "formula": {"id": "Formula", "en": "Formula"},
    "unit": {"id": "Satuan", "en": "Unit"},
    "calculation": {"id": "Jenis perhitungan", "en": "Calculation"},
    "source": {"id": "Sumber data", "en": "Data source"},
    "targets": {"id": "Target", "en": "Targets"},
    "no_indicator": {"id": "tidak ada indikator", "en": "no indicator"},
    "empty": {"id": "—", "en": "—"},
    "about_column": {"id": "Temuan tentang seluruh kolom ini", "en": "Findings about this whole column"},
    # index
    "index_intro": {"id": "Satu halaman per cascade; klik nama berkas untuk membukanya.", "en": "One page per cascade; click a file name to open it."},
    "unreadable": {"id": "tidak dapat dibaca", "en": "could not be read"},
    "open": {"id": "buka", "en": "open"},
}

SEVERITY_MARK = {"error": "■", "warning": "▲", "info": "●"}


def t(key: str, lang: str = "id", **params) -> str:
    entry = WORDS[key]
    text = entry.get(lang)
    if text is None:
        text = entry["en"]
    return text.format(**params) if params else text

