"""kinerja_graph.classify: indicators and statements by their words, owners by their positions."""

import copy

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja_graph import config, policy
from kinerja_graph.classify import (
    IndicatorClassifier,
    Lexicon,
    OwnerResolver,
    StatementClassifier,
    _within_one_edit,
    default_vocabulary,
)
from kinerja_graph.errors import PolicyError
from kinerja_graph.model import Organisation


@pytest.fixture(scope="module")
def indicators():
    return IndicatorClassifier(default_vocabulary("cues"))


@pytest.fixture(scope="module")
def statements():
    return StatementClassifier(default_vocabulary("cues"))


@pytest.fixture(scope="module")
def owners():
    return OwnerResolver(default_vocabulary("owners"))


# ------------------------------------------------------------------------------------ indicators


@pytest.mark.parametrize(
    "name, unit, kind, evidence",
    [
        ("Jumlah dokumen perencanaan", None, "output", ["Jumlah", "dokumen"]),
        ("Jumlah Dokumen pelaporan yang disusun dengan baik", None, "output", ["Jumlah", "Dokumen"]),
        ("Jumlah rapat koordinasi", None, "activity", ["Jumlah", "rapat"]),
        ("Jumlah waktu Koordinasi Penyelenggaraan Kegiatan", None, "activity", ["Jumlah", "Koordinasi"]),
        ("Jumlah usulan dalam Musrenbangdes", None, "output", ["Jumlah"]),
        ("Jumlah pelanggaran disiplin", None, "outcome", ["Jumlah", "pelanggaran"]),
        ("Jumlah desa yang aman dan tertib", None, "outcome", ["Jumlah", "yang aman"]),
        ("Jumlah UMKM yang dibina", None, "activity", ["Jumlah", "yang dibina"]),
        ("Persentase dokumen yang tersusun", None, "output", ["Persentase", "dokumen"]),
        ("Presentase Layanan Kecamatan diselesaikan tepat Waktu", None, "unknown", ["Presentase"]),
        ("Prosentase kegiatan yang terlaksana", "%", "activity", ["Prosentase", "kegiatan"]),
        ("Persentase desa yang menyampaikan laporan kinerja", None, "unknown", ["Persentase"]),
        ("Persentase dokumen perencanaan yang sesuai standar", None, "unknown", ["Persentase", "dokumen", "sesuai"]),
        ("Persentase penurunan gangguan trantibum", None, "outcome", ["Persentase", "penurunan"]),
        (
            "persentase urusan pemerintahan umum yang dikoordinasikan",
            None,
            "activity",
            ["persentase", "yang dikoordinasikan"],
        ),
        ("Persentase kelompok masyarakat yang aktif", None, "outcome", ["Persentase", "yang aktif"]),
        ("Persentase capaian kinerja", "Dokumen", "output", ["Persentase", "Dokumen"]),
        ("Persentase serapan anggaran", None, "activity", ["serapan anggaran"]),
        ("Persentase Tingkat Kehadiran PNS", None, "activity", ["Tingkat Kehadiran"]),
        ("Indeks Kepuasan Masyarakat (IKM)", None, "outcome", ["Indeks Kepuasan Masyarakat"]),
        ("Indek kepuasan layanan", None, "outcome", ["Indek"]),
        ("Nilai Kinerja Camat", None, "outcome", ["Nilai Kinerja Camat"]),
        ("Rata-rata waktu penyelesaian layanan", None, "outcome", ["Rata rata"]),
        ("Tingkat partisipasi masyarakat", None, "outcome", ["Tingkat"]),
        ("Laporan Keuangan yang baik", None, "output", ["Laporan"]),
        ("Pasar murah", "Kegiatan", "activity", ["Kegiatan"]),
        ("Realisasi PADes", None, "unknown", ["Realisasi"]),
        ("Survey", None, "unknown", []),
        ("", None, "unknown", []),
        (None, None, "unknown", []),
        (12345, None, "unknown", []),
    ],
)
def test_indicator_kinds_and_evidence(indicators, name, unit, kind, evidence):
    found = indicators.classify(name, unit)
    assert (found.kind, found.words()) == (kind, evidence)


def test_organisation_wide_outcomes_are_marked_unless_products_are_counted(indicators):
    assert indicators.classify("Nilai SAKIP").organisation_wide
    assert indicators.classify("Survey Kepuasan Masyarakat (SKM) Kecamatan").organisation_wide
    assert indicators.classify("Indeks Kepuasan Masyarakat (IKM) Terhadap Ketertiban Umum").organisation_wide
    draft = indicators.classify("Jumlah draf dokumen SKM")
    assert (draft.kind, draft.organisation_wide) == ("output", False)
    assert not indicators.classify("Persentase layanan tepat waktu").organisation_wide


def test_explanations_name_the_words_in_both_languages(indicators):
    found = indicators.classify("Persentase capaian kinerja", "Dokumen")
    assert found.explain("id") == "'Persentase' + satuan 'Dokumen'"
    assert found.explain("en") == "'Persentase' + unit 'Dokumen'"
    assert found.kind_name("id") == "output"
    assert indicators.classify("Jumlah rapat").kind_name("id") == "kegiatan (proses)"
    assert indicators.classify("Jumlah rapat").kind_name("en") == "activity (process)"


def test_the_unit_of_the_targets_is_used_when_no_unit_is_given():
    from kinerja_graph.classify import indicator_unit
    from kinerja_graph.model import Indicator, Target

    ind = Indicator(
        "Capaian", targets={2025: Target("4 Dokumen", 4, "Dokumen", "number"), 2024: Target("-", kind="text")}
    )
    assert indicator_unit(ind) == "Dokumen"
    assert indicator_unit(Indicator("x", unit="%", targets={2024: Target("1 Dokumen", 1, "Dokumen")})) == "%"
    assert indicator_unit(Indicator("x")) is None


def test_answers_are_cached_by_normalised_text(indicators):
    first = indicators.classify("Jumlah   Dokumen, perencanaan")
    assert indicators.classify("jumlah dokumen perencanaan") is first


# ------------------------------------------------------------------------------------ statements


@pytest.mark.parametrize(
    "statement, kind, evidence",
    [
        ("Meningkatnya kualitas pelayanan publik", "outcome", ["Meningkatnya"]),
        ("Terkendalinya inflasi", "outcome", ["Terkendalinya"]),
        ("Penyusunan dokumen perencanaan", "activity", ["Penyusunan"]),
        ("1. Koordinasi penyelenggaraan kegiatan", "activity", ["Koordinasi"]),
        ("Sub Kegiatan Penyediaan Gaji", "activity", ["Sub Kegiatan"]),
        ("Tersusunnya dokumen Renja", "output", ["Tersusunnya"]),
        ("Terseleenggaranya Urusan Pemerintahan Umum", "output", ["Terseleenggaranya"]),
        ("Penyelengaraan pelayanan sesuai standar", "activity", ["Penyelengaraan"]),
        ("Meningkatkan kualitas pegawai", "effort", ["Meningkatkan"]),
        ("Meningkatkan Pembinaan dan Pengawasan", "activity", ["Meningkatkan", "Pembinaan"]),
        ("Memastikan ketersediaan sarana prasarana pendukung", "output", ["Memastikan", "ketersediaan"]),
        ("Mewujudkan kinerja pelayanan yang prima", "effort", ["Mewujudkan"]),
        ("ASN yang berkinerja", "unknown", []),
        ("Tertibnya administrasi", "outcome", ["Tertibnya"]),
        ("Terbitnya izin usaha", "output", ["Terbitnya"]),  # one letter swap away from "Tertibnya": not a typo
        (None, "unknown", []),
    ],
)
def test_statement_kinds(statements, statement, kind, evidence):
    found = statements.classify(statement)
    assert (found.kind, found.words()) == (kind, evidence)


def test_one_edit_means_one_insertion_deletion_substitution_or_adjacent_swap():
    assert _within_one_edit("terselenggaranya", "terseleenggaranya")
    assert _within_one_edit("sekretaris", "sekertaris")
    assert _within_one_edit("persentase", "presentase")
    assert _within_one_edit("penyelenggaraan", "penyelengaraan")
    assert not _within_one_edit("menurunnya", "menurunkan")
    assert not _within_one_edit("terbitnya", "tertibnya")
    assert not _within_one_edit("pelaksana", "pelaksanaan")


def test_a_slip_close_to_two_different_classes_is_not_guessed():
    lexicon = Lexicon({"a": ["abcdefgh"], "b": ["abcdefgk"]})
    assert lexicon.match_at(["abcdefgx"], 0) == (None, 0)
    assert lexicon.match_at(["abcdefgh"], 0) == ("a", 1)


def test_one_phrase_in_two_classes_is_a_policy_error():
    with pytest.raises(PolicyError, match="'jumlah' is listed both as output and as outcome"):
        IndicatorClassifier({"indicator": {"heads": {"output": ["Jumlah"], "outcome": ["jumlah"]}}})


# ------------------------------------------------------------------------------------------ owners


@pytest.mark.parametrize(
    "owner, positions",
    [
        ("Camat", ("camat",)),
        ("Plt. Camat", ("camat",)),
        ("Plh Kasi Pemerintahan", ("kasi",)),
        ("Kasi Trantib (Budi, S.IP)", ("kasi",)),
        ("(Kasi Pem)", ("kasi",)),
        ("Kasi Pem & Lurah", ("kasi", "lurah")),
        ("Kasi PMD & LURAH", ("kasi", "lurah")),
        ("Kasi/Jafung/Analis", ("kasi", "staff")),
        ("pk kasi", ("kasi",)),
        ("pk kasi/jafung/analisis", ("kasi", "staff")),
        ("Kasubag Perencanaan dan Keuangan", ("kasubbag",)),
        ("KASUBAG UMUM, KEPEGAWAIAN, KEUANGAN dan ASET", ("kasubbag",)),
        ("Kasubbag Perenc dan Keu & Lurah", ("kasubbag", "lurah")),
        ("Kepala Sub Bagian Umum", ("kasubbag",)),
        ("Sekretaris Kecamatan", ("sekcam",)),
        ("SEKRETARIS KECAMATAN", ("sekcam",)),
        ("Sekcam", ("sekcam",)),
        ("Sekretaris Camat", ("sekcam",)),
        ("Sekertaris", ("secretary",)),
        ("Sekretaris Desa", ("outside",)),
        ("Kepala Seksi Kesejahteraan Sosial", ("kasi",)),
        ("Kepala Dinas", ("head",)),
        ("Kepala", ("head",)),
        ("Kepala Lingkungan", ()),
        ("Kabid Pelayanan", ("kabid",)),
        ("Ketua Tim Kerja Perencanaan", ("team_lead",)),
        ("JF Ahli Muda", ("staff",)),
        ("PENGADMINISTRASI PEMERINTAHAN DESA NGROTO", ("staff",)),
        ("Pengurus Barang", ("staff",)),
        ("Pramu Kebersihan Kantor dan Taman", ("staff",)),
        ("Kepala Desa", ("outside",)),
        ("Bapak Budi", ()),
        ("", ()),
        (None, ()),
    ],
)
def test_owner_positions(owners, owner, positions):
    assert owners.resolve(owner).positions == positions


def test_tiers_depend_on_the_organisation_profile(owners):
    def tiers(owner, profile):
        return owners.tiers(owners.resolve(owner), profile)

    assert tiers("Camat", "kecamatan") == {"strategic"}
    assert tiers("Camat", "dinas") == {"tactical"}
    assert tiers("Camat", "default") == {"strategic", "tactical"}
    assert tiers("Kasi Pemerintahan", "kecamatan") == {"tactical", "operational"}
    assert tiers("Kasi Pemerintahan", "dinas") == {"operational"}
    assert tiers("Kasi Pem & Lurah", "kecamatan") == {"tactical", "operational"}
    assert tiers("Staf Umum", "kecamatan") == tiers("Staf Umum", "dinas") == {"operational"}
    assert tiers("Kabid Pelayanan", "kecamatan") == {"tactical"}  # not in the kecamatan profile: default
    assert tiers("Kepala Desa", "kecamatan") == frozenset()
    assert tiers("Bapak Budi", "kecamatan") == frozenset()


@pytest.mark.parametrize(
    "organisation, profile",
    [
        (Organisation("Kecamatan Praya", "kecamatan"), "kecamatan"),
        (Organisation("Praya", "Kecamatan"), "kecamatan"),
        (Organisation("Dinas Kesehatan", "dinas"), "dinas"),
        (Organisation("Badan Kepegawaian", "badan"), "dinas"),
        (Organisation("Inspektorat Daerah", "Inspektorat"), "dinas"),
        (Organisation("Kelurahan Sukamaju", None), "kelurahan"),
        (Organisation("Kantor Camat Praya", None), "kecamatan"),
        (Organisation("Kec. Batumandi", None), "kecamatan"),
        (Organisation("Puskesmas Praya", "puskesmas"), "default"),
        (Organisation("Contoh", None), "default"),
        (None, "default"),
    ],
)
def test_profile_of_an_organisation(owners, organisation, profile):
    assert owners.profile_for(organisation) == profile


def test_holders_of_a_tier_name_the_positions_for_messages(owners):
    names = [p.name["id"] for p in owners.holders("strategic", "kecamatan")]
    assert "Camat" in names and "Kepala Seksi" not in names


def _owners_vocabulary():
    return copy.deepcopy(default_vocabulary("owners"))


def test_a_profile_naming_an_unknown_position_or_tier_is_a_policy_error():
    broken = _owners_vocabulary()
    broken["profiles"]["kecamatan"]["wakil_camat"] = ["strategic"]
    with pytest.raises(PolicyError, match="profile 'kecamatan' names unknown position 'wakil_camat'"):
        OwnerResolver(broken)
    broken = _owners_vocabulary()
    broken["profiles"]["dinas"]["kasi"] = ["operasional"]
    with pytest.raises(PolicyError, match="unknown tier 'operasional'"):
        OwnerResolver(broken)
    broken = _owners_vocabulary()
    broken["default_profile"] = "nothing"
    with pytest.raises(PolicyError, match="default profile 'nothing'"):
        OwnerResolver(broken)


# ---------------------------------------------------------------------------------- vocabularies


def test_the_default_pack_registers_both_vocabularies():
    pack = config.load_default_pack()
    assert {"owners", "cues"} <= set(pack.vocabulary)
    assert pack.vocabulary["cues"]["indicator"]["heads"]["output"][0] == "jumlah"


@pytest.mark.parametrize(
    "name, change, complaint",
    [
        ("cues", lambda d: d["indicator"]["heads"].update(hasil=["x"]), "hasil"),
        ("cues", lambda d: d["statement"].update(outcome=[17]), "17"),
        ("owners", lambda d: d["positions"][0].pop("aliases"), "aliases"),
        ("owners", lambda d: d["profiles"]["kecamatan"].update(camat="strategic"), "strategic"),
    ],
)
def test_a_malformed_vocabulary_file_is_reported_with_its_place(tmp_path, name, change, complaint):
    data = yaml.safe_load((policy.rules_dir() / "vocabulary" / f"{name}.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(PolicyError) as info:
        config.load_vocabulary(name, path)
    assert str(path) in str(info.value) and complaint in str(info.value)


@pytest.mark.parametrize(
    "rule_id, name",
    [("indicator-level-mismatch", "cues"), ("goal-is-activity", "cues"), ("owner-level-mismatch", "owners")],
)
def test_a_rule_without_its_vocabulary_says_which_one_is_missing(rule_id, name):
    from helpers import run_rule

    text = (
        "organisation: {name: Uji}\nnodes:\n  - {id: a, statement: Penyusunan SOP, "
        "level: immediate outcome, owner: Camat, indicators: [{name: Jumlah SOP}]}\n"
    )
    vocabulary = {k: v for k, v in config.load_default_pack().vocabulary.items() if k != name}
    with pytest.raises(PolicyError, match=f"{rule_id} needs the '{name}' vocabulary"):
        run_rule(rule_id, text, vocabulary=vocabulary)


def test_organisation_wide_hints_are_the_quick_test_of_each_name(indicators):
    # the hints of many names at once (each first word looked for in all of them as one text) say what
    # may_be_organisation_wide says of each name alone: words of their own only, whatever surrounds them
    names = [
        "Indeks Kepuasan Masyarakat",
        "Persentase nilai SAKIP",
        "Jumlah penilaian kinerja",  # "nilai" inside a word
        "Nilai_SAKIP",  # an underscore joins words
        "IKM-2024",
        "Indeks\nKepuasan",  # a line break inside a name
        "Rangka kerja",  # "angka" inside a word
        "angka",
        "Angka Kematian Ibu",
        "Jumlah dokumen",
        "",
        None,
        "Índeks kepuasan",  # an accent
        12,
        "survei kepuasan masyarakat (SKM)",
        "tingkat",
    ]
    for chosen in (names, [n for n in names if type(n) is str and n.isascii()]):
        assert indicators.organisation_wide_hints(chosen) == [indicators.may_be_organisation_wide(n) for n in chosen]


# ------------------------------------------------------------------------- statements, many at once

OPENINGS = st.sampled_from(
    [
        "Meningkatnya",
        "Meningkatkan",
        "Terlaksananya",
        "Tersusunnya",
        "Penyusunan",
        "Pembinaan",
        "Koordinasi",
        "Memastikan",
        "1.",
        "a)",
        "2.1",
        "Mewujudkan",
    ]
)
WORDS = st.text(alphabet="abcXYZ 09-,.()\0é\t", max_size=20) | st.sampled_from(["kualitas", "layanan", "SOP", "rapat"])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.none(),
            st.tuples(st.lists(OPENINGS, max_size=3), st.lists(WORDS, max_size=4), st.integers(0, 130)).map(
                lambda t: (" ".join(t[0] + t[1]) + " x" * t[2]).strip()
            ),
            st.text(alphabet="abcXYZ 09-,.\0éİß\t", max_size=30),
        ),
        max_size=12,
    )
)
def test_statements_classified_at_once_as_one_by_one(texts):
    """classify_many() remembers for each statement what classify() alone gives it: ASCII statements read as one
    text (openers, numbering, statements longer than the opening read), the others one by one."""
    cues = default_vocabulary("cues")
    many, single = StatementClassifier(cues), StatementClassifier(cues)
    many.classify_many([*texts, [], 3])  # (what is no text is left to classify())
    assert [many.classify(t) for t in texts] == [single.classify(t) for t in texts]
