"""indicator-level-mismatch: output/activity indicators on outcomes, organisation-wide outcomes on
outputs and processes — classified by head word, object and unit together."""

import re

import pytest
from helpers import SAMPLES, as_data, documented, run_rule

from kinerja_graph import checks
from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "indicator-level-mismatch"


def one(
    indicator: str,
    level: str,
    unit: str | None = None,
    statement: str = "Meningkatnya akuntabilitas kinerja",
    targets: str = "",
) -> str:
    unit_part = f', unit: "{unit}"' if unit else ""
    return f"""
organisation: {{name: Kecamatan Uji, type: kecamatan}}
nodes:
  - id: "1"
    statement: "{statement}"
    level: {level}
    indicators:
      - {{name: "{indicator}"{unit_part}{targets}}}
"""


def nodes_of(found):
    return [f.node for f in found]


def test_jumlah_dokumen_on_an_intermediate_outcome_is_reported_with_its_evidence():
    found = run_rule(RULE, one("Jumlah dokumen perencanaan dan pelaporan kinerja", "intermediate outcome"))
    assert nodes_of(found) == ["1"]
    f = found[0]
    assert f.severity == "warning" and f.area == "levels"
    message = render(f, "id")
    assert message.startswith(
        'Indikator "Jumlah dokumen perencanaan dan pelaporan kinerja" pada Intermediate '
        'Outcome "Meningkatnya akuntabilitas kinerja" adalah indikator output'
    )
    assert "('Jumlah' + 'dokumen' → output)" in message
    assert "is an output indicator ('Jumlah' + 'dokumen' → output)" in render(f, "en")


@pytest.mark.parametrize("level", ["output", "process", "sasaran kegiatan", "sub kegiatan"])
def test_jumlah_dokumen_is_legitimate_at_output_and_process_level(level):
    assert (
        run_rule(
            RULE,
            one(
                "Jumlah dokumen perencanaan perangkat daerah",
                level,
                "Dokumen",
                statement="Tersusunnya dokumen perencanaan",
            ),
        )
        == []
    )


def test_persentase_is_judged_by_its_object():
    assert nodes_of(run_rule(RULE, one("Persentase dokumen yang tersusun", "immediate outcome"))) == ["1"]
    found = run_rule(
        RULE, one("Persentase pelaksanaan koordinasi ketentraman dan ketertiban umum", "immediate outcome")
    )
    assert "('Persentase' + 'pelaksanaan' → kegiatan (proses))" in render(found[0], "id")
    # the desa is the object: a condition of the villages, not the kecamatan's paperwork
    assert (
        run_rule(RULE, one("Persentase desa yang menyampaikan laporan kinerja tepat waktu", "immediate outcome")) == []
    )
    assert run_rule(RULE, one("Persentase layanan sesuai SOP", "immediate outcome")) == []
    # a share of products meeting a standard measures their quality
    assert run_rule(RULE, one("Persentase dokumen perencanaan yang sesuai standar", "immediate outcome")) == []


def test_what_yang_says_of_the_object_decides_when_the_object_says_nothing():
    found = run_rule(RULE, one("persentase urusan pemerintahan umum yang dikoordinasikan", "immediate outcome"))
    assert "'persentase' + 'yang dikoordinasikan'" in render(found[0], "id")
    assert run_rule(RULE, one("Jumlah desa yang aman dan tertib", "intermediate outcome")) == []
    assert run_rule(RULE, one("Jumlah desa berstatus mandiri", "intermediate outcome")) == []


@pytest.mark.parametrize(
    "name", ["Presentase dokumen yang tersusun", "Prosentase dokumen yang tersusun", "PERSENTASE DOKUMEN YANG TERSUSUN"]
)
def test_typos_and_capitals_of_persentase_are_recognised(name):
    found = run_rule(RULE, one(name, "immediate outcome"))
    assert nodes_of(found) == ["1"] and "→ output" in render(found[0], "id")


@pytest.mark.parametrize(
    "name",
    [
        "Indeks Kepuasan Masyarakat",
        "Nilai SAKIP",
        "Tingkat partisipasi masyarakat",
        "Jumlah kasus gangguan trantibum",
        "Rasio aparatur terhadap penduduk",
        "Persentase penurunan gangguan trantibum",
        "Realisasi PADes",
        "Kesesuaian program antar dokumen perencanaan dan dokumen penganggaran",
    ],
)
def test_outcome_and_unplaceable_indicators_on_outcomes_raise_nothing(name):
    assert run_rule(RULE, one(name, "intermediate outcome")) == []


def test_activity_measures_on_outcomes_are_reported():
    for name in (
        "Jumlah rapat koordinasi",
        "Persentase serapan anggaran",
        "Persentase Tingkat Kehadiran PNS",
        "Frekuensi monitoring desa",
        "Jumlah waktu koordinasi penyelenggaraan kegiatan",
    ):
        found = run_rule(RULE, one(name, "immediate outcome"))
        assert nodes_of(found) == ["1"] and "kegiatan (proses)" in render(found[0], "id"), name


def test_the_unit_decides_when_the_words_do_not():
    found = run_rule(RULE, one("Capaian penyusunan perencanaan", "intermediate outcome", "Dokumen"))
    assert "(satuan 'Dokumen' → output)" in render(found[0], "id")
    assert "(unit 'Dokumen' → output)" in render(found[0], "en")
    # the unit written only in the targets
    found = run_rule(
        RULE,
        one(
            "Capaian penyusunan perencanaan",
            "intermediate outcome",
            targets=', targets: {2024: "4 Dokumen", 2025: "4 Dokumen"}',
        ),
    )
    assert nodes_of(found) == ["1"]
    # the head word wins over the unit
    assert run_rule(RULE, one("Indeks kepuasan layanan", "intermediate outcome", "Dokumen")) == []


@pytest.mark.parametrize(
    "name",
    [
        "Indeks Kepuasan Masyarakat (IKM)",
        "Nilai SAKIP",
        "Nilai Laporan Akuntabilitas Kinerja Instansi Pemerintah (AKIP)",
        "Survey Kepuasan Masyarakat (SKM)",
        "Opini BPK atas laporan keuangan",
    ],
)
def test_organisation_wide_outcomes_on_outputs_and_processes_are_reported(name):
    for level in ("output", "process"):
        found = run_rule(RULE, one(name, level, statement="Tersusunnya dokumen"))
        assert nodes_of(found) == ["1"], (name, level)
        assert "mengukur hasil seluruh organisasi" in render(found[0], "id")
        assert "measures a result of the whole organisation" in render(found[0], "en")


def test_counting_documents_about_an_organisation_wide_outcome_is_an_output():
    assert run_rule(RULE, one("Jumlah draf dokumen SKM", "output", statement="Tertib administrasi pelayanan")) == []
    assert (
        run_rule(
            RULE, one("Jumlah laporan hasil survei kepuasan masyarakat", "process", statement="Tersusunnya laporan")
        )
        == []
    )


def test_outcome_indicators_on_operational_goals_that_are_not_organisation_wide_pass():
    assert (
        run_rule(RULE, one("Persentase layanan diselesaikan tepat waktu", "output", statement="Tersedianya layanan"))
        == []
    )


def test_each_indicator_is_reported_at_its_own_line_and_an_indicator_without_goal_too():
    text = """
organisation: {name: Kecamatan Uji}
nodes:
  - id: "1"
    statement: Meningkatnya tertib administrasi
    level: immediate outcome
    indicators:
      - {name: Persentase desa tertib administrasi}
      - {name: Jumlah laporan keuangan}
      - {name: Jumlah rapat koordinasi}
  - id: "x"
    level: intermediate outcome
    indicators:
      - {name: Jumlah dokumen perencanaan}
"""
    found = run_rule(RULE, text)
    assert nodes_of(found) == ["1", "1", "x"]
    assert [f.line for f in found] == [9, 10, 14]
    assert render(found[2], "id").startswith('Indikator "Jumlah dokumen perencanaan" pada Intermediate Outcome adalah')


def test_levels_are_options():
    text = one("Jumlah dokumen perencanaan", "immediate outcome")
    assert run_rule(RULE, text, {"outcome-levels": ["intermediate_outcome"]}) == []
    ikm = one("Indeks Kepuasan Masyarakat", "output", statement="Tersedianya layanan")
    assert run_rule(RULE, ikm, {"operational-levels": ["process"]}) == []


def test_doc_example_fails_and_fix_passes():
    rule = checks.get(RULE)
    headings = re.findall(r"^## .*$", rule.doc, re.M)
    assert headings == ["## What it does", "## Why it matters", "## Example", "## Fix", "## Options"]
    example, fix = re.findall(r"```yaml\n(.*?)```", rule.doc, re.S)
    org = "organisation: {name: Contoh}\n"
    assert nodes_of(run_rule(RULE, org + example)) == ["1", "1.1", "1.1.1"]
    assert run_rule(RULE, org + fix) == []


def _sample(name):
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"sample {name} not present yet")
    return build_graph(load(path))


@pytest.mark.parametrize(
    "name, expected",
    [
        ("clean.yaml", []),  # the well-formed sample: not one false alarm
        ("praya.yaml", ["1.3.1", "1.4.3"]),  # "… yang dikoordinasikan", "Persentase serapan anggaran"
        ("sokaraja.yaml", ["1.1.4"]),  # "Persentase pelaksanaan koordinasi …"
        ("pino-raya.yaml", ["1.1", "2.1", "5.4"]),  # Nilai AKIP and IKM on kegiatan
    ],
)
def test_samples_report_exactly_their_mismatched_indicators(name, expected):
    assert nodes_of(run_rule(RULE, _sample(name))) == expected


def test_pujon_counts_on_the_kasi_goals_are_reported_and_staff_counts_are_not():
    found = run_rule(RULE, _sample("pujon.yaml"))
    assert sorted(set(nodes_of(found))) == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7"]
    G = _sample("pujon.yaml")
    assert all(G.nodes[n]["level"] == "immediate_outcome" for n in nodes_of(found))


def test_batumandi_reports_output_counts_on_its_outcome_labels_when_labels_are_taken_as_written():
    found = run_rule(RULE, _sample("batumandi.yaml"), prepare=False)
    assert "1.1.1.1" in nodes_of(found) and "1.1.3.1" in nodes_of(found)  # "Jumlah waktu koordinasi …"
    G = _sample("batumandi.yaml")
    assert {G.nodes[n]["level"] for n in nodes_of(found)} <= {
        "ultimate_outcome",
        "intermediate_outcome",
        "immediate_outcome",
    }


def test_batumandi_doubtful_labels_are_judged_by_their_place_in_the_tree():
    """Read by their place (level-label-conflict), Batumandi's kondisi antara utama are sasaran program
    (immediate outcomes): three are measured by activities, whatever their label says; marked doubtful."""
    found = run_rule(RULE, _sample("batumandi.yaml"))
    assert nodes_of(found) == ["1.1.2", "1.1.3", "1.1.4"]
    assert {(f.args["level"], f.basis, f.severity) for f in found} == {("immediate_outcome", "doubtful", "warning")}


def test_the_cue_words_are_data_a_pack_can_change():
    import copy

    from kinerja_graph import config

    pack = config.load_default_pack()
    cues = copy.deepcopy(pack.vocabulary["cues"])
    cues["indicator"]["heads"]["output"].append("capaian")
    text = one("Capaian penyusunan perencanaan", "intermediate outcome")
    assert run_rule(RULE, text) == []
    found = run_rule(RULE, text, vocabulary={**pack.vocabulary, "cues": cues})
    assert [f.node for f in found] == ["1"] and "('Capaian' + 'penyusunan' → kegiatan (proses))" in render(
        found[0], "id"
    )


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        (
            "1",
            "output_on_outcome",
            {
                "indicator": "Jumlah dokumen perencanaan dan pelaporan kinerja",
                "goal": "Meningkatnya akuntabilitas kinerja kecamatan",
                "level": "intermediate_outcome",
                "kind": "output",
                "evidence": [["head", "Jumlah"], ["object", "dokumen"]],
            },
        ),
        (
            "1.1",
            "output_on_outcome",
            {
                "indicator": "Persentase dokumen perencanaan yang tersusun",
                "goal": "Meningkatnya kualitas perencanaan kinerja",
                "level": "immediate_outcome",
                "kind": "output",
                "evidence": [["head", "Persentase"], ["object", "dokumen"]],
            },
        ),
        (
            "1.1.1",
            "outcome_on_operational",
            {
                "indicator": "Nilai SAKIP",
                "goal": "Tersusunnya dokumen Renja",
                "level": "output",
                "kind": "outcome",
                "evidence": [["phrase", "Nilai SAKIP"]],
            },
        ),
    ]
