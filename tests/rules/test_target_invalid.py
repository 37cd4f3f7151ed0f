"""target-invalid: ranges, words, "-", bounds and impossible values as targets."""

import pytest
from helpers import SAMPLES, as_data, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "target-invalid"


def doc(indicator: str) -> str:
    return (
        "organisation: {name: Kecamatan Uji}\nnodes:\n"
        "  - id: '1'\n    statement: Meningkatnya kualitas layanan\n    level: intermediate outcome\n"
        f"    indicators:\n      - {indicator}\n"
    )


def test_each_kind_of_problem_is_one_finding_listing_its_years():
    found = run_rule(
        RULE,
        doc(
            "{name: Persentase layanan sesuai standar, targets: "
            '{2022: "80-85", 2023: "Tersedia", 2024: "-", 2025: "110 %", 2026: "≥ 90"}}'
        ),
    )
    assert [render(f, "id") for f in found] == [
        'Target indikator "Persentase layanan sesuai standar" berupa rentang: 2022: "80-85"; perlu ditetapkan satu '
        "angka target per tahun",
        'Target indikator "Persentase layanan sesuai standar" berupa batas, bukan angka: 2026: "≥ 90"; perlu '
        "ditetapkan satu angka target",
        'Target indikator "Persentase layanan sesuai standar" bukan angka yang dapat diukur: 2023: "Tersedia", 2024: '
        '"-"',
        'Target indikator "Persentase layanan sesuai standar" melebihi 100 %: 2025: "110 %"; persentase tidak dapat '
        "melebihi 100 kecuali indikator pertumbuhan/peningkatan",
    ]
    assert {f.severity for f in found} == {"error"}


@pytest.mark.parametrize(
    "targets",
    [
        '{2022: "3,5", 2023: "1.500", 2024: "85 %", 2025: "0,5%"}',
        '{2022: "90 (Baik)", 2023: "1:20", 2024: "1/15"}',
        '{2022: "", 2023: " "}',  # blank: missing-target's
    ],
)
def test_numbers_as_indonesian_documents_write_them_pass(targets):
    assert run_rule(RULE, doc(f"{{name: Nilai layanan, targets: {targets}}}")) == []


def test_growth_rates_may_exceed_100_and_be_negative():
    assert run_rule(RULE, doc('{name: Persentase peningkatan PAD, targets: {2022: "120 %", 2023: "-5 %"}}')) == []


def test_a_percentage_by_name_alone_and_a_negative_count():
    found = run_rule(RULE, doc('{name: Persentase desa mandiri, targets: {2022: "150"}}'))
    assert [render(f, "en") for f in found][0].startswith(
        'The target of indicator "Persentase desa mandiri" exceeds 100 %'
    )
    found = run_rule(RULE, doc('{name: Jumlah dokumen, targets: {2022: "-2 Dokumen"}}'))
    assert [render(f, "en") for f in found] == [
        'The target of indicator "Jumlah dokumen" is negative: 2022: "-2 Dokumen"; a count or a percentage cannot be '
        "negative"
    ]
    # a count of 150 documents is fine, and so is a Nilai of 150
    assert run_rule(RULE, doc('{name: Jumlah dokumen, unit: Dokumen, targets: {2022: "150"}}')) == []
    assert run_rule(RULE, doc('{name: Nilai kinerja, targets: {2022: "150"}}')) == []


def test_grades_are_targets_when_the_name_cues_their_scale():
    assert run_rule(RULE, doc("{name: Opini BPK atas laporan keuangan, targets: {2022: WTP}}")) == []
    assert run_rule(RULE, doc("{name: Predikat SAKIP, targets: {2022: BB, 2023: A}}")) == []
    assert len(run_rule(RULE, doc("{name: Jumlah dokumen, targets: {2022: WTP}}"))) == 1


def test_bounds_are_accepted_with_the_option():
    assert (
        run_rule(
            RULE, doc('{name: Persentase layanan, targets: {2022: "≥ 90", 2023: "min. 92 %"}}'), {"allow-bounds": True}
        )
        == []
    )


def test_pino_raya_dash_and_clean_sample():
    found = run_rule(RULE, build_graph(load(str(SAMPLES / "pino-raya.yaml"))))
    assert [(f.node, render(f, "en")) for f in found] == [
        (
            "S13",
            'The target of indicator "Gedung kantor atau bangunan lainnya terawat dengan baik" is not a measurable '
            'number: 2025: "-"',
        )
    ]
    assert run_rule(RULE, build_graph(load(str(SAMPLES / "clean.yaml")))) == []


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        ("1", "range", {"indicator": "Persentase layanan sesuai standar", "items": [[2022, "80-85"]], "years": [2022]}),
        (
            "1",
            "words",
            {"indicator": "Persentase layanan sesuai standar", "items": [[2023, "Tersedia"]], "years": [2023]},
        ),
        (
            "1",
            "percent",
            {"indicator": "Persentase layanan sesuai standar", "items": [[2024, "110 %"]], "years": [2024]},
        ),
    ]
