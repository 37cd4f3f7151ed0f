"""goal-is-activity: outcome statements phrased as an activity, an output or an effort."""

import re

import pytest
from helpers import SAMPLES, as_data, documented, run_rule

from kinerja_graph import checks
from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "goal-is-activity"


def one(statement: str, level: str = "immediate outcome") -> str:
    return f"""
organisation: {{name: Kecamatan Uji, type: kecamatan}}
nodes:
  - {{id: "1", statement: "{statement}", level: {level}}}
"""


def nodes_of(found):
    return [f.node for f in found]


def test_an_activity_statement_at_outcome_level_is_reported():
    found = run_rule(RULE, one("Koordinasi penyelenggaraan pelayanan kecamatan"))
    assert nodes_of(found) == ["1"]
    f = found[0]
    assert f.severity == "warning" and f.area == "levels" and f.lke == "1.b.4"
    assert render(f, "id") == (
        'Immediate Outcome "Koordinasi penyelenggaraan pelayanan kecamatan" dirumuskan sebagai '
        "kegiatan ('Koordinasi'), bukan kondisi yang ingin dicapai; perubahan kondisinya perlu "
        'dirumuskan, misalnya "Meningkatnya …" atau "Menurunnya …"'
    )
    assert "is phrased as an activity ('Koordinasi')" in render(f, "en")


@pytest.mark.parametrize(
    "statement",
    [
        "Penyusunan dokumen perencanaan",
        "Fasilitasi pelayanan program kesejahteraan",
        "Pelaksanaan urusan pemerintahan",
        "Pembinaan perangkat desa",
        "Pengelolaan keuangan perangkat daerah yang baik",
        "Peningkatan kinerja pemerintah desa",
        "1. Penyusunan dokumen perencanaan",
    ],
)
def test_activity_openers(statement):
    found = run_rule(RULE, one(statement, "intermediate outcome"))
    assert nodes_of(found) == ["1"] and "dirumuskan sebagai kegiatan" in render(found[0], "id")


@pytest.mark.parametrize(
    "statement",
    [
        "Terselenggaranya pelayanan perkantoran sesuai SOP",
        "Terlaksananya urusan pemerintahan yang dilimpahkan kepada Camat",
        "Tersusunnya dokumen perencanaan",
        "Tersedianya sarana prasarana",
        "Terseleenggaranya Urusan Pemerintahan Umum",
        "Memastikan ketersediaan sarana prasarana pendukung",
    ],
)
def test_output_openers_get_the_output_message(statement):
    found = run_rule(RULE, one(statement))
    assert nodes_of(found) == ["1"]
    assert "dirumuskan sebagai keluaran yang selesai dikerjakan" in render(found[0], "id")
    assert "is phrased as an output delivered" in render(found[0], "en")


@pytest.mark.parametrize(
    "statement",
    [
        "Meningkatnya kualitas pelayanan publik",
        "Menurunnya gangguan trantibum",
        "Terwujudnya stabilitas sosial masyarakat",
        "Terkendalinya inflasi daerah",
        "ASN yang berkinerja",
        "meningkatnya pembinaan dan pengawasan pemerintahan desa",
    ],
)
def test_conditions_and_unplaceable_statements_pass(statement):
    assert run_rule(RULE, one(statement, "intermediate outcome")) == []


@pytest.mark.parametrize("level", ["process", "sub kegiatan"])
def test_activities_are_what_processes_are_made_of(level):
    assert run_rule(RULE, one("Penyusunan dokumen perencanaan", level)) == []
    assert run_rule(RULE, one("Tersusunnya dokumen perencanaan", level)) == []


@pytest.mark.parametrize("level", ["output", "sasaran kegiatan"])
def test_outputs_are_deliveries_not_work(level):
    assert run_rule(RULE, one("Tersusunnya dokumen perencanaan", level)) == []
    assert [f.key for f in run_rule(RULE, one("Penyusunan dokumen perencanaan", level))] == ["activity-output"]


def test_effort_verbs_are_reported_at_sasaran_levels_but_not_at_tujuan():
    found = run_rule(RULE, one("Meningkatkan kualitas pelayanan publik", "intermediate outcome"))
    assert nodes_of(found) == ["1"] and "dirumuskan sebagai upaya ('Meningkatkan')" in render(found[0], "id")
    assert run_rule(RULE, one("Mewujudkan kinerja pelayanan kecamatan yang prima", "ultimate outcome")) == []
    assert nodes_of(
        run_rule(
            RULE,
            one("Mewujudkan kinerja pelayanan kecamatan yang prima", "ultimate outcome"),
            {"effort-levels": ["ultimate_outcome"]},
        )
    ) == ["1"]
    assert run_rule(RULE, one("Meningkatkan kualitas pelayanan publik"), {"effort-levels": []}) == []


def test_an_effort_verb_on_an_activity_is_an_activity_at_every_outcome_level():
    found = run_rule(RULE, one("Meningkatkan Pembinaan dan Pengawasan Urusan Pemerintahan", "ultimate outcome"))
    assert nodes_of(found) == ["1"] and "('Meningkatkan' + 'Pembinaan')" in render(found[0], "id")
    assert nodes_of(run_rule(RULE, one("Meningkatkan Pembinaan", "immediate outcome"), {"effort-levels": []})) == ["1"]


def test_levels_option_and_goals_in_document_order():
    text = """
organisation: {name: Kecamatan Uji}
nodes:
  - {id: b, statement: Koordinasi kegiatan, level: intermediate outcome}
  - {id: a, parent: b, statement: Fasilitasi kegiatan, level: immediate outcome}
  - {id: x, parent: a, indicators: [{name: Jumlah rapat}], level: immediate outcome}
"""
    assert nodes_of(run_rule(RULE, text)) == ["b", "a"]
    assert nodes_of(run_rule(RULE, text, {"levels": ["immediate_outcome"]})) == ["a"]


def test_doc_example_fails_and_fix_passes():
    rule = checks.get(RULE)
    headings = re.findall(r"^## .*$", rule.doc, re.M)
    assert headings == ["## What it does", "## Why it matters", "## Example", "## Fix", "## Options"]
    example, fix = re.findall(r"```yaml\n(.*?)```", rule.doc, re.S)
    org = "organisation: {name: Contoh}\n"
    assert nodes_of(run_rule(RULE, org + example)) == ["1.1", "1.2"]
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
        # the outcome statements, then (in document order) the outputs worded as activities
        (
            "praya.yaml",
            [
                "1.4.1",
                "1.4.2",
                "1.4.3",
                "1.4.5",
                "1.1.2.1",
                "1.2.1.1",
                "1.2.2.1",
                "1.2.3.1",
                "1.2.4.1",
                "1.3.1.1",
                "1.3.2.1",
                "1.4.2.1",
                "1.4.5.1",
            ],
        ),
        ("pino-raya.yaml", ["1b", "1c", "4"]),
        ("sokaraja.yaml", ["1.1.1"]),
        ("pujon.yaml", ["1", "1.1", "1.2", "1.3", "1.4.1", "1.6", "6", "9", "12"]),
    ],
)
def test_samples_report_exactly_the_statements_their_readme_lists(name, expected):
    assert nodes_of(run_rule(RULE, _sample(name))) == expected


def test_batumandi_output_statements_at_outcome_labels_are_reported_when_labels_are_taken_as_written():
    G = _sample("batumandi.yaml")
    found = run_rule(RULE, G, prepare=False)
    assert len(found) == 10
    assert all(
        G.nodes[f.node]["statement"]
        .lower()
        .startswith(("terlaksananya", "terselenggaranya", "terkoordinasinya", "terfasilitasinya"))
        for f in found
    )


def test_batumandi_doubtful_labels_are_judged_by_their_place_in_the_tree():
    """Batumandi's Tahap 5 labels contradict its tree (level-label-conflict): read by their place, the
    "Terlaksananya …" / "Terkoordinasinya …" goals are outputs and processes, which may be so worded."""
    assert run_rule(RULE, _sample("batumandi.yaml")) == []


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        (
            "1.1",
            "activity",
            {
                "label": "Koordinasi penyelenggaraan pelayanan kecamatan",
                "level": "immediate_outcome",
                "evidence": [["opener", "Koordinasi"]],
            },
        ),
        (
            "1.2",
            "output",
            {
                "label": "Terselenggaranya pelayanan perkantoran sesuai SOP",
                "level": "immediate_outcome",
                "evidence": [["opener", "Terselenggaranya"]],
            },
        ),
    ]


@pytest.mark.parametrize(
    "statement",
    ["Pembinaan dan pengawasan pemerintahan desa", "Koordinasi pengendalian trantibum", "Penyelengaraan pelayanan"],
)
def test_an_output_worded_as_the_work_itself_is_reported_asking_for_its_product(statement):
    (f,) = run_rule(RULE, one(statement, "output"))
    assert f.key == "activity-output" and f.args["level"] == "output"
    assert "bukan keluaran yang dihasilkannya" in render(f, "id")
    assert "not as the output it delivers" in render(f, "en")


@pytest.mark.parametrize(
    "statement,level",
    [
        ("Terlaksananya pembinaan pemerintahan desa", "output"),  # a delivery: what an output says
        ("Tersusunnya dokumen perencanaan", "output"),
        ("Penyusunan rancangan SOP", "process"),  # a process is work
        ("Koordinasi pengendalian trantibum", "process"),
    ],
)
def test_outputs_naming_a_delivery_and_processes_naming_work_pass(statement, level):
    assert run_rule(RULE, one(statement, level)) == []


def test_outputs_worded_as_activities_can_be_left_alone():
    assert run_rule(RULE, one("Koordinasi pengendalian trantibum", "output"), {"activity-levels": []}) == []


def test_praya_outputs_worded_as_activities():
    found = [f for f in run_rule(RULE, _sample("praya.yaml")) if f.key == "activity-output"]
    assert nodes_of(found) == [
        "1.1.2.1",  # Penyelengaraan …
        "1.2.1.1",  # Pembinaan dan Pengawasan …
        "1.2.2.1",
        "1.2.3.1",  # Peningkatan kompetensi …
        "1.2.4.1",  # Optimalisasi …
        "1.3.1.1",  # Koordinasi …
        "1.3.2.1",
        "1.4.2.1",  # Inventarisasi …
        "1.4.5.1",  # Perencanaan, penganggaran dan evaluasi kinerja …
    ]
