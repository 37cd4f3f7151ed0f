"""unit-mismatch: an indicator's name and unit (or targets) disagree, or the unit changes between years."""

from helpers import SAMPLES, as_data, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "unit-mismatch"


def doc(*indicators: str) -> str:
    items = "".join(f"      - {i}\n" for i in indicators)
    return (
        "organisation: {name: Kecamatan Uji}\nnodes:\n"
        f"  - id: '1'\n    statement: Meningkatnya kualitas layanan\n    level: immediate outcome\n"
        f"    indicators:\n{items}"
    )


def test_a_score_counted_in_documents():
    found = run_rule(
        RULE,
        doc(
            "{name: Nilai Laporan Akuntabilitas Kinerja (AKIP), unit: Dokumen, "
            'targets: {2022: "4 Dokumen", 2023: "4 Dokumen"}}'
        ),
    )
    assert [render(f, "id") for f in found] == [
        'Indikator "Nilai Laporan Akuntabilitas Kinerja (AKIP)" diukur dalam "Dokumen" (satuan hitung), sedangkan "Nilai" '
        "diukur dalam indeks/nilai/persen/uang/predikat"
    ]


def test_a_percentage_by_its_misspelt_name_counted_in_documents_without_a_declared_unit():
    found = run_rule(RULE, doc('{name: presentase desa tertib administrasi, targets: {2022: "4 Dokumen"}}'))
    assert [render(f, "en") for f in found] == [
        'Indicator "presentase desa tertib administrasi" is measured in "Dokumen" (count), but a "Persentase" is '
        "measured in percent"
    ]


def test_a_count_in_percent_and_people_counted_in_documents():
    found = run_rule(
        RULE,
        doc(
            '{name: Jumlah ASN penerima gaji, unit: "%", targets: {2022: "100%"}}',
            '{name: Jumlah ASN yang mengikuti pelatihan, unit: Dokumen, targets: {2022: "1 Dokumen"}}',
            "{name: Jumlah Masayarkat yang hadir, unit: Dokumen}",
        ),
    )
    assert [render(f, "en") for f in found] == [
        'Indicator "Jumlah ASN penerima gaji" is measured in "%" (percent), but a "Jumlah" is measured in '
        "count/money/time",
        'Indicator "Jumlah ASN yang mengikuti pelatihan" counts "asn" but its unit is "Dokumen"',
        'Indicator "Jumlah Masayarkat yang hadir" counts "masayarkat" but its unit is "Dokumen"',
    ]
    assert (
        run_rule(RULE, doc("{name: Jumlah ASN yang mengikuti pelatihan, unit: Dokumen}"), {"counted-nouns": False})
        == []
    )


def test_fitting_units_pass():
    assert (
        run_rule(
            RULE,
            doc(
                '{name: Persentase layanan tepat waktu, unit: persen, targets: {2022: "85 %", 2023: "90%"}}',
                '{name: Jumlah laporan keuangan, unit: Dokumen, targets: {2022: "4 Dok"}}',
                '{name: Jumlah peserta pelatihan, unit: orang, targets: {2022: "20 Orang"}}',
                '{name: Indeks Kepuasan Masyarakat, unit: indeks, targets: {2022: "82"}}',
                "{name: Opini BPK, targets: {2022: WTP}}",
                '{name: Jumlah UMKM yang dibina, unit: UMKM, targets: {2022: "4 UMKM"}}',
                '{name: Realisasi PADes, unit: Rp, targets: {2022: "Rp 1.500.000"}}',
            ),
        )
        == []
    )


def test_unknown_units_and_heads_are_not_judged():
    assert (
        run_rule(
            RULE,
            doc(
                '{name: Penerangan kantor yang baik, unit: Unit, targets: {2022: "1 Unit"}}',
                "{name: Persentase layanan, unit: Survey}",
            ),
        )
        == []
    )


def test_a_unit_that_changes_between_years_or_disagrees_with_the_declared_unit():
    found = run_rule(
        RULE,
        doc(
            '{name: Jumlah laporan, targets: {2022: "4 Dokumen", 2023: "4 Laporan"}}',
            '{name: Laporan keuangan, unit: Tahun, targets: {2022: "2 Laporan", 2023: "2 laporan"}}',
            '{name: Jumlah gedung terawat, unit: Unit, targets: {2022: "4 Unit", 2023: "3 unit"}}',
        ),
    )
    assert [render(f, "en") for f in found] == [
        'The unit of indicator "Jumlah laporan"\'s targets changes between years: 2022: "Dokumen", 2023: "Laporan"',
        'The unit of indicator "Laporan keuangan" is written "Tahun", but its targets are in "Laporan", "laporan"',
    ]


def test_pino_raya_mismatches():
    found = run_rule(RULE, build_graph(load(str(SAMPLES / "pino-raya.yaml"))))
    assert [f.node for f in found] == ["1.1", "1.3", "3.1", "5.1", "5.2", "S4", "S12", "S19", "S21"]


def test_samples_without_units_and_the_clean_sample_pass():
    for name in ("praya.yaml", "pujon.yaml", "batumandi.yaml", "sokaraja.yaml", "clean.yaml"):
        assert run_rule(RULE, build_graph(load(str(SAMPLES / name)))) == [], name


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        (
            "1",
            "head",
            {
                "indicator": "Nilai Laporan Akuntabilitas Kinerja Instansi Pemerintah (AKIP)",
                "unit": "Dokumen",
                "family": {"id": "satuan hitung", "en": "count"},
                "head": "Nilai",
                "expected": {"id": "indeks/nilai/persen/uang/predikat", "en": "index/score/percent/money/grade"},
            },
        )
    ]
