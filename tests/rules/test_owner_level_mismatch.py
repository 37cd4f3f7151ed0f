"""owner-level-mismatch: an owner two tiers away from its goal, judged per organisation profile."""

import re

import pytest
from helpers import SAMPLES, as_data, documented, graph_from_yaml, run_rule

from kinerja_graph import checks
from kinerja_graph.classify import unresolved_owners
from kinerja_graph.errors import PolicyError
from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "owner-level-mismatch"
KECAMATAN = "{name: Kecamatan Uji, type: kecamatan}"
DINAS = "{name: Dinas Kependudukan dan Pencatatan Sipil, type: dinas}"


def one(owner: str, level: str, org: str = KECAMATAN, statement: str = "Penyusunan rancangan SOP") -> str:
    """A cascade whose only goal has `owner` at `level`."""
    return f"""
organisation: {org}
nodes:
  - {{id: "1", statement: "{statement}", level: {level}, owner: "{owner}"}}
"""


def nodes_of(found):
    return [f.node for f in found]


def test_camat_owning_a_process_in_a_kecamatan_is_reported():
    found = run_rule(RULE, one("Camat", "process"))
    assert nodes_of(found) == ["1"]
    f = found[0]
    assert f.severity == "warning" and f.area == "ownership"
    assert (
        'Penanggung jawab "Camat" (Kinerja Strategis) memegang kinerja "Penyusunan rancangan SOP" '
        "(Proses, Kinerja Operasional), terpaut 2 jenjang"
    ) in render(f, "id")
    assert "Kepala Seksi" in render(f, "id")  # who usually holds operational goals there
    assert 'Owner "Camat" (Strategic performance) holds goal' in render(f, "en")


def test_camat_in_a_dinas_is_an_administrator_not_the_head():
    assert run_rule(RULE, one("Camat", "process", DINAS)) == []
    assert nodes_of(run_rule(RULE, one("Kepala Dinas", "process", DINAS))) == ["1"]
    assert nodes_of(run_rule(RULE, one("Kepala", "sub kegiatan", DINAS))) == ["1"]


def test_kasi_is_operational_in_a_dinas_and_tactical_or_operational_in_a_kecamatan():
    goal = "Meningkatnya kualitas pelayanan publik"
    assert nodes_of(run_rule(RULE, one("Kasi Pelayanan", "intermediate outcome", DINAS, goal))) == ["1"]
    assert run_rule(RULE, one("Kasi Pelayanan", "intermediate outcome", KECAMATAN, goal)) == []


def test_staff_owning_an_intermediate_outcome_is_reported():
    goal = "Meningkatnya kualitas pelayanan publik"
    for owner in (
        "Staf Umum",
        "Pengadministrasi Umum",
        "Bendahara",
        "Pengurus Barang",
        "JF Analis Kebijakan",
        "Pranata Komputer",
        "Caraka",
        "Pengemudi",
        "Petugas Keamanan",
        "Pramu Kebersihan",
    ):
        assert nodes_of(run_rule(RULE, one(owner, "intermediate outcome", KECAMATAN, goal))) == ["1"], owner


def test_adjacent_tiers_are_normal():
    cascade = f"""
organisation: {KECAMATAN}
nodes:
  - {{id: "1", statement: Meningkatnya kinerja kecamatan, level: ultimate outcome, owner: Camat}}
  - {{id: "1.1", parent: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome,
     owner: Sekcam}}
  - {{id: "1.1.1", parent: "1.1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome, owner: Camat}}
  - {{id: "1.1.1.1", parent: "1.1.1", statement: Tersusunnya SOP, level: output, owner: Sekretaris Kecamatan}}
  - {{id: "1.1.1.2", parent: "1.1.1", statement: Tersedianya sarana layanan, level: output, owner: Kasi Pelayanan}}
  - {{id: "1.1.1.1.1", parent: "1.1.1.1", statement: Penyusunan SOP, level: process, owner: Pengadministrasi Umum}}
  - {{id: "1.1.1.1.2", parent: "1.1.1.1", statement: Sosialisasi SOP, level: process, owner: Kasi Pelayanan}}
"""
    assert run_rule(RULE, cascade) == []


def test_plt_and_plh_prefixes_are_ignored():
    assert nodes_of(run_rule(RULE, one("Plt. Camat", "process"))) == ["1"]
    assert nodes_of(run_rule(RULE, one("Plh Camat", "process"))) == ["1"]
    assert run_rule(RULE, one("Plt. Kasi Pemerintahan", "process")) == []


def test_a_name_in_brackets_is_ignored():
    found = run_rule(
        RULE,
        one(
            "Pengadministrasi Umum (Budi Santoso, S.IP)",
            "intermediate outcome",
            statement="Meningkatnya kualitas pelayanan publik",
        ),
    )
    assert nodes_of(found) == ["1"]
    assert '"Pengadministrasi Umum (Budi Santoso, S.IP)"' in render(found[0], "id")
    # what the brackets hold never counts as a position when the text outside names one: read with the
    # brackets, "Camat" would make the owner strategic and silence the finding
    found = run_rule(
        RULE,
        one(
            "Pengadministrasi Umum (Camat Kusuma)",
            "intermediate outcome",
            statement="Meningkatnya kualitas pelayanan publik",
        ),
    )
    assert nodes_of(found) == ["1"]


@pytest.mark.parametrize(
    "owner",
    [
        "Kasi Pem & Lurah",
        "Kasi/Jafung/Analis",
        "Kasubag Perencanaan dan Keuangan",
        "pk kasi",
        "Kasi PMD & LURAH",
        "Kasubbag Perenc dan Keu & Lurah",
    ],
)
def test_combined_and_spelled_out_owners_hold_the_union_of_their_tiers(owner):
    # tactical or operational: an immediate outcome and a process are both fine, an intermediate outcome
    # (strategic) is adjacent to tactical, so nothing is reported anywhere
    for level in ("intermediate outcome", "immediate outcome", "process"):
        assert run_rule(RULE, one(owner, level, statement="Meningkatnya layanan")) == [], (owner, level)


def test_a_combined_owner_is_reported_only_when_every_position_is_too_far():
    goal = "Meningkatnya kualitas pelayanan publik"
    assert run_rule(RULE, one("Camat & Staf Umum", "process")) == []  # the staff member fits
    assert nodes_of(run_rule(RULE, one("Staf Umum / Pengemudi", "intermediate outcome", statement=goal))) == ["1"]


@pytest.mark.parametrize("owner", ["Sekretaris Kecamatan", "SEKRETARIS KECAMATAN", "Sekcam", "Sekertaris Kecamatan"])
def test_the_sekcam_is_strategic_or_tactical_in_a_kecamatan(owner):
    assert run_rule(RULE, one(owner, "intermediate outcome", statement="Meningkatnya akuntabilitas")) == []
    assert run_rule(RULE, one(owner, "process")) == []  # tactical is adjacent to operational


def test_unknown_and_outside_owners_are_not_judged_but_listed():
    text = f"""
organisation: {KECAMATAN}
nodes:
  - {{id: "1", statement: Meningkatnya kinerja kecamatan, level: ultimate outcome, owner: "Bapak Budi"}}
  - {{id: "1.1", parent: "1", statement: Penyusunan SOP, level: process, owner: Kepala Desa}}
  - {{id: "1.2", parent: "1", statement: Penyusunan laporan, level: process, owner: "Camat"}}
  - {{id: "x", indicators: [{{name: Jumlah laporan}}], owner: "Tim Hore"}}
"""
    G = graph_from_yaml(text)
    assert nodes_of(run_rule(RULE, G)) == ["1.2"]
    assert unresolved_owners(G) == [("1", "Bapak Budi"), ("x", "Tim Hore")]


def test_the_profile_comes_from_the_type_else_the_name_else_the_top_of_the_cascade_else_the_lenient_default():
    by_name = one("Camat", "process", "{name: Kecamatan Tanpa Tipe}")
    assert [(f.key, f.args["profile_basis"]) for f in run_rule(RULE, by_name)] == [("name", "name")]
    by_type_word = one("Camat", "process", "{name: Contoh, type: Badan}")  # a badan uses the dinas profile
    assert run_rule(RULE, by_type_word) == []
    (f,) = run_rule(RULE, one("Kepala Badan", "process", "{name: Contoh, type: Badan}"))
    assert (f.key, f.args["profile"]["id"]) == ("type", "dinas/badan")
    unknown = one("Camat", "process", "{name: Pemerintah Contoh}")  # the Camat at the top: a kecamatan
    (f,) = run_rule(RULE, unknown)
    assert (f.key, f.args["profile"]["en"], f.args["head"]["en"]) == ("positions", "kecamatan", "Camat")
    (f,) = run_rule(RULE, unknown, {"profile": "kecamatan"})
    assert f.key == "option" and f.args["head"] is None
    (f,) = run_rule(RULE, one("Lurah", "process", "{name: Pemerintah Contoh}"))  # a Lurah at the top: a kelurahan
    assert (f.key, f.args["profile"]["en"]) == ("positions", "kelurahan")
    (f,) = run_rule(RULE, one("Pengadministrasi Umum", "intermediate outcome", "{name: Pemerintah Contoh}"))
    assert (f.key, f.args["profile"]["en"]) == ("fallback", "general (lenient)")  # no head anywhere: no guess
    assert render(f, "en").endswith("(profile general (lenient): the kind of organisation is unknown)")


def test_a_camat_at_the_top_of_a_table_without_organisation_type_means_a_kecamatan():
    """Today's lenient profile let a Camat own a kegiatan unreported when the table named no organisation type;
    the Camat holding the top goal says the cascade is a kecamatan's."""
    text = """
organisation: {name: Pohon Kinerja 2024}
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome, owner: Camat}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan sesuai standar, level: immediate outcome, owner: Sekcam}
  - {id: "1.1.1", parent: "1.1", statement: Tersusunnya SOP pelayanan, level: output, owner: Camat}
  - {id: "9", statement: Terlaksananya pembinaan RT, level: output, owner: Lurah}
"""
    (f,) = run_rule(RULE, text)
    assert (f.node, f.key, f.args["profile_basis"]) == ("1.1.1", "positions", "positions")
    assert render(f, "en").endswith("(profile kecamatan, inferred from the Camat at the top of the cascade)")
    assert render(f, "id").endswith("(profil kecamatan, disimpulkan dari Camat di puncak pohon kinerja)")
    assert run_rule(RULE, text, {"profile": "default"}) == []  # the lenient profile: a Camat may be tactical


def test_heads_of_two_kinds_of_organisation_at_the_top_leave_the_lenient_profile():
    text = """
organisation: {name: Pohon Kinerja 2024}
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome, owner: Camat}
  - {id: "2", statement: Meningkatnya kualitas layanan kesehatan, level: intermediate outcome, owner: Kepala Dinas}
  - {id: "1.1", parent: "1", statement: Tersusunnya SOP pelayanan, level: output, owner: Camat}
"""
    assert run_rule(RULE, text) == []


def test_an_unknown_profile_option_is_a_policy_error_naming_the_choices():
    with pytest.raises(PolicyError, match="unknown profile 'desa'.*kecamatan"):
        run_rule(RULE, one("Camat", "process"), {"profile": "desa"})


def test_a_wider_tier_distance_silences_the_two_tier_gap():
    assert run_rule(RULE, one("Camat", "process"), {"max-tier-distance": 2}) == []


def test_indicators_without_a_goal_are_judged_by_their_level_too():
    text = f"""
organisation: {KECAMATAN}
nodes:
  - {{id: "x", indicators: [{{name: Indeks Kepuasan Masyarakat}}], owner: Caraka, level: intermediate outcome}}
"""
    found = run_rule(RULE, text)
    assert nodes_of(found) == ["x"] and '"Indeks Kepuasan Masyarakat"' in render(found[0], "id")


def test_doc_example_fails_and_fix_passes():
    rule = checks.get(RULE)
    headings = re.findall(r"^## .*$", rule.doc, re.M)
    assert headings == ["## What it does", "## Why it matters", "## Example", "## Fix", "## Options"]
    example, fix = re.findall(r"```yaml\n(.*?)```", rule.doc, re.S)
    assert nodes_of(run_rule(RULE, example)) == ["1", "1.1.1.1"]
    assert run_rule(RULE, fix) == []


def _sample(name):
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"sample {name} not present yet")
    return build_graph(load(path))


def test_pino_raya_camat_owning_kegiatan_is_reported_and_nothing_else():
    found = run_rule(RULE, _sample("pino-raya.yaml"))
    assert nodes_of(found) == ["2.1", "2.2", "3.1", "3.2", "3.3", "4.1", "5.1", "5.2", "5.3", "5.4", "5.5"]
    assert all('"Camat"' in render(f, "id") for f in found)


def test_batumandi_staff_owning_goals_labelled_strategic_are_reported_when_labels_are_taken_as_written():
    assert nodes_of(run_rule(RULE, _sample("batumandi.yaml"), prepare=False)) == ["1.1.1.2.1", "1.1.5.1.1"]


def test_batumandi_doubtful_labels_are_judged_by_their_place_in_the_tree():
    """The Staf Umum's goals labelled strategic stand where sub kegiatan stand: staff may hold them."""
    assert run_rule(RULE, _sample("batumandi.yaml")) == []


@pytest.mark.parametrize("name", ["clean.yaml", "praya.yaml", "pujon.yaml", "sokaraja.yaml"])
def test_samples_with_fitting_owners_raise_nothing(name):
    assert run_rule(RULE, _sample(name)) == []


@pytest.mark.parametrize(
    "name", ["clean.yaml", "praya.yaml", "pujon.yaml", "pino-raya.yaml", "batumandi.yaml", "sokaraja.yaml"]
)
def test_every_owner_written_in_the_samples_resolves(name):
    assert unresolved_owners(_sample(name)) == []


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        (
            "1",
            "type",
            {
                "label": "Meningkatnya kualitas pelayanan publik",
                "level": "intermediate_outcome",
                "owner": "Pengadministrasi Umum",
                "owner_tiers": ["operational"],
                "tier": "strategic",
                "distance": 2,
                "holders": [
                    {"id": "Kepala organisasi", "en": "head of the organisation"},
                    {"id": "Camat", "en": "Camat"},
                    {"id": "Sekretaris Kecamatan", "en": "Sekretaris Kecamatan"},
                    {"id": "Sekretaris", "en": "Sekretaris (secretary)"},
                ],
                "profile": {"id": "kecamatan", "en": "kecamatan"},
                "profile_basis": "type",
                "head": None,
            },
        ),
        (
            "1.1.1.1",
            "type",
            {
                "label": "Penyusunan rancangan SOP",
                "level": "process",
                "owner": "Camat",
                "owner_tiers": ["strategic"],
                "tier": "operational",
                "distance": 2,
                "holders": [
                    {"id": "Kepala Seksi", "en": "Kepala Seksi (Kasi)"},
                    {"id": "Kepala Subbagian", "en": "Kepala Subbagian (Kasubbag)"},
                    {"id": "Lurah", "en": "Lurah (head of kelurahan)"},
                    {"id": "Sekretaris Kelurahan", "en": "Sekretaris Kelurahan"},
                    {"id": "Ketua Tim / Koordinator", "en": "team leader / coordinator"},
                    {"id": "Staf / jabatan fungsional / pelaksana", "en": "staff / functional / executing position"},
                ],
                "profile": {"id": "kecamatan", "en": "kecamatan"},
                "profile_basis": "type",
                "head": None,
            },
        ),
    ]
