"""target-trend: yearly targets that get worse (falling; rising where lower is better)."""

import pytest
from helpers import SAMPLES, as_data, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "target-trend"


def doc(indicator: str, level: str = "intermediate outcome") -> str:
    return (
        "organisation: {name: Kecamatan Uji}\nnodes:\n"
        f"  - id: '1'\n    statement: Meningkatnya kualitas layanan\n    level: {level}\n"
        f"    indicators:\n      - {indicator}\n"
    )


def test_a_falling_target_is_reported_with_every_step():
    found = run_rule(
        RULE,
        doc(
            '{name: Persentase layanan tepat waktu, unit: "%", '
            'targets: {2022: "80 %", 2023: "85 %", 2024: "75 %", 2025: "70%"}}'
        ),
    )
    assert [render(f, "id") for f in found] == [
        'Target indikator "Persentase layanan tepat waktu" menurun: 85 % (2023) → 75 % (2024); 75 % (2024) → 70% (2025)'
    ]
    assert found[0].severity == "warning" and found[0].lke == "1.b.7"


def test_rising_targets_pass_and_indonesian_numbers_are_numbers():
    assert run_rule(RULE, doc('{name: Nilai SAKIP, targets: {2022: "60,5", 2023: "62,75", 2024: "65"}}')) == []
    assert (
        run_rule(RULE, doc('{name: Pendapatan asli desa, targets: {2022: "Rp 1.500.000", 2023: "Rp 1.750.000"}}')) == []
    )


def test_lower_is_better_when_written_so_rising_is_worse():
    found = run_rule(
        RULE, doc('{name: Jumlah temuan BPK, polarity: lower, targets: {2022: "5", 2023: "6", 2024: "4"}}')
    )
    assert [render(f, "en") for f in found] == [
        'The targets of indicator "Jumlah temuan BPK" rise: 5 (2022) → 6 (2023) (for this indicator lower is better)'
    ]
    assert (
        run_rule(
            RULE,
            doc(
                "{name: Angka gangguan trantibum, calculation: kumulatif negatif, "
                'targets: {2022: "12", 2023: "10", 2024: "8"}}'
            ),
        )
        == []
    )


def test_an_ambiguous_direction_is_not_judged_unless_written():
    falling = 'targets: {2022: "20", 2023: "15", 2024: "10"}'
    assert run_rule(RULE, doc("{name: Jumlah pengaduan masyarakat, " + falling + "}")) == []
    assert run_rule(RULE, doc("{name: Prevalensi stunting, " + falling + "}")) == []
    assert len(run_rule(RULE, doc("{name: Jumlah pengaduan masyarakat, polarity: higher, " + falling + "}"))) == 1


def test_time_units_are_judged_only_with_a_written_polarity():
    assert run_rule(RULE, doc('{name: Rata-rata penyelesaian izin, targets: {2022: "5 hari", 2023: "3 hari"}}')) == []
    assert (
        len(
            run_rule(
                RULE,
                doc('{name: Rata-rata penyelesaian izin, polarity: lower, targets: {2022: "3 hari", 2023: "5 hari"}}'),
            )
        )
        == 1
    )


def test_only_targets_in_the_same_unit_are_compared():
    assert run_rule(RULE, doc('{name: Jumlah laporan, targets: {2022: "4 Dokumen", 2023: "2 Laporan"}}')) == []
    # text, ranges and blanks are skipped, the next figure is compared with the last one
    found = run_rule(RULE, doc('{name: Jumlah desa mandiri, targets: {2022: "5", 2023: "-", 2024: "", 2025: "4"}}'))
    assert [render(f, "en") for f in found] == [
        'The targets of indicator "Jumlah desa mandiri" fall: 5 (2022) → 4 (2025)'
    ]


def test_grades_are_compared_on_their_scale():
    found = run_rule(RULE, doc("{name: Opini BPK atas laporan keuangan, targets: {2022: WTP, 2023: WDP}}"))
    assert len(found) == 1
    assert run_rule(RULE, doc("{name: Predikat SAKIP, targets: {2022: B, 2023: BB, 2024: A}}")) == []


@pytest.mark.parametrize(
    "targets, reported",
    [
        ('{2022: "80 %", 2023: "80 %"}', True),
        ('{2022: "100 %", 2023: "100 %"}', False),  # already at its bound
        ("{2022: WTP, 2023: WTP}", False),
    ],
)
def test_flat_targets_on_an_outcome_with_the_option(targets, reported):
    name = "Opini BPK atas laporan keuangan" if "WTP" in targets else "Persentase layanan tepat waktu"
    text = doc(f"{{name: {name}, targets: {targets}}}")
    assert run_rule(RULE, text) == []  # off by default
    assert bool(run_rule(RULE, text, {"flat": True})) is reported


def test_flat_counts_on_an_output_are_normal_even_with_the_option():
    assert (
        run_rule(
            RULE,
            doc('{name: Jumlah dokumen renja, targets: {2022: "1 Dokumen", 2023: "1 Dokumen"}}', level="output"),
            {"flat": True},
        )
        == []
    )


def test_pino_raya_falling_counts_of_its_sub_kegiatan_follow_the_years_need():
    """S1 (RKA, DPA, Renja, Renstra: 4 then 3 Dokumen), S6 (ASN trained: 4, 2, 1 Orang) and S13 (buildings
    maintained: 5 then 3 Unit) are counts of sub kegiatan: need-driven, not a trend."""
    G = build_graph(load(str(SAMPLES / "pino-raya.yaml")))
    assert run_rule(RULE, G) == []
    found = run_rule(RULE, G, {"need-driven-levels": [], "period-documents": []})
    assert [f.node for f in found] == ["S1", "S6", "S13"]
    assert "5 Unit (2023) → 3 unit (2024)" in render(found[2], "id")
    # with counts judged everywhere, the Renstra drafted once in the period still explains S1's 4 then 3
    assert [f.node for f in run_rule(RULE, G, {"need-driven-levels": []})] == ["S6", "S13"]


def _counted(name: str, targets: str, level: str = "intermediate outcome", unit: str = "Dokumen") -> str:
    return f"""
organisation: {{name: Kecamatan Uji, type: kecamatan}}
nodes:
  - id: "1"
    statement: Meningkatnya kualitas perencanaan kinerja
    level: {level}
    indicators: [{{name: "{name}", unit: {unit}, targets: {targets}}}]
"""


def test_a_document_drafted_once_per_period_may_leave_the_count_one_lower():
    drafted_once = _counted("Jumlah dokumen RKA, Renja dan Renstra", '{2022: "3", 2023: "2", 2024: "2"}')
    assert run_rule(RULE, drafted_once) == []
    fell_more = _counted("Jumlah dokumen RKA, Renja dan Renstra", '{2022: "3", 2023: "1"}')
    assert [f.key for f in run_rule(RULE, fell_more)] == ["worse"]
    annual = _counted("Jumlah dokumen RKA dan Renja", '{2022: "3", 2023: "2"}')
    assert [f.key for f in run_rule(RULE, annual)] == ["worse"]
    assert run_rule(RULE, drafted_once, {"period-documents": []}) != []


def test_counts_at_the_operational_tier_follow_need_but_shares_and_outcome_counts_are_judged():
    trained = ("Jumlah ASN yang mengikuti diklat", '{2022: "4", 2023: "2"}')
    assert run_rule(RULE, _counted(*trained, level="process", unit="Orang")) == []
    assert run_rule(RULE, _counted(*trained, level="output", unit="Orang")) == []
    assert run_rule(RULE, _counted(*trained, level="immediate outcome", unit="Orang")) != []
    share = _counted("Persentase ASN yang mengikuti diklat", '{2022: "80", 2023: "60"}', level="output", unit="'%'")
    assert [f.key for f in run_rule(RULE, share)] == ["worse"]


def test_clean_sample_passes():
    assert run_rule(RULE, build_graph(load(str(SAMPLES / "clean.yaml")))) == []


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        (
            "1",
            "worse",
            {
                "indicator": "Persentase layanan selesai tepat waktu",
                "changes": [[[2023, "85 %"], [2024, "75 %"]]],
                "years": [2023, 2024],
            },
        )
    ]
