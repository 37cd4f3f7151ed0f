"""kinerja_graph.similarity: slips, near-equal texts, the clustering index, content words."""

import random

import pytest

from kinerja_graph import config
from kinerja_graph.similarity import (
    NearDuplicateIndex,
    canonical_words,
    content_words,
    counted_noun,
    edit_distance,
    head_word,
    near_equal,
    normalised,
    organisation_keys,
    related_words,
    share_content,
    slip_distance,
    slip_representatives,
    text_vocabulary,
)
from kinerja_graph.text import normalise, stems, unit_vocabulary

PACK = config.load_default_pack()
TV = text_vocabulary(PACK.vocabulary)
UNITS = unit_vocabulary(PACK.vocabulary)


def test_edit_distance_counts_inserts_deletes_replacements_and_swaps():
    assert edit_distance("terselenggaranya", "terseleenggaranya", 3) == 1
    assert edit_distance("darft", "draft", 3) == 1  # a swap is one edit
    assert edit_distance("fasililatasi", "fasilitasi", 3) == 2
    assert edit_distance("abc", "abc", 0) == 0
    assert edit_distance("pelayanan", "pemberdayaan", 2) == 3  # stops past the limit: limit + 1


@pytest.mark.parametrize(
    "a, b, slip",
    [
        ("terselenggaranya", "terseleenggaranya", True),
        ("masyarakat", "masayarkat", True),  # two edits in a long word
        ("gedung", "gedug", True),
        ("tepat", "cepat", False),  # another first letter: another word
        ("apbdes", "rapbdes", False),
        ("siswa", "siswi", False),  # listed as distinct in text.yaml
        ("pemerintah", "pemerintahan", False),  # distinct
        ("desa", "dese", False),  # too short to judge
        ("2022", "2023", False),
        ("musrenbangdes", "musrenbangcam", False),  # three edits
        ("pengadaan", "pengaduan", False),  # real words one edit apart (text.yaml `words`)
        ("pengawasan", "pengadaan", False),
        ("penataan", "pendataan", False),
        ("pendapatan", "pendataan", False),
    ],
)
def test_what_counts_as_a_slip(a, b, slip):
    assert (slip_distance(a, b, TV) is not None) is slip


@pytest.mark.parametrize(
    "a, b",
    [
        ("Terselenggaranya Urusan Pemerintahan Umum", "Terseleenggaranya Urusan Pemerintahan Umum"),
        (
            "Jumlah Dokumen laporan keuangan yang disusun dan benar",
            "Jumlah dokumenLaporan Keuangan yang disusun dengan benar",
        ),
        ("Presentase layanan sesuai SOP", "Persentase layanan sesuai SOP"),
        ("Meningkatnya pelayanan publik", "Pelayanan publik meningkatnya"),
        (
            "Jumlah Darft Laporan Monitoring dan Fasililatasi Karangtaruna",
            "Jumlah Draft Laporan Monitoring dan Fasilitasi Karangtaruna",
        ),
        ("Koordinasi dengan stakeholder terkait", "Koordinasi stakeholder terkait"),
    ],
)
def test_near_equal_texts(a, b):
    assert near_equal(a, b, TV, 0.85)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Terfasilitasinya pengelolaan keuangan desa", "Terfasilitasinya penyusunan peraturan desa"),
        ("Terlaksananya pengadaan sarana kantor", "Terlaksananya pengawasan sarana kantor"),
        ("Jumlah pengaduan yang ditindaklanjuti", "Jumlah pengadaan yang ditindaklanjuti"),
        ("Jumlah usulan dalam Musrenbangdes", "Jumlah usulan dalam Musrenbangcam"),
        ("Laporan Triwulan I", "Laporan Triwulan II"),
        ("Laporan Tahun 2022", "Laporan Tahun 2023"),
        ("Penetapan APBDes tepat waktu", "Penetapan RAPBDes tepat waktu"),
        ("Musrenbang Desa / Kelurahan", "Musrenbang Desa"),  # a word more is another text
        ("Reward dan punishment", "Reward dan punishment untuk personil/ petugas"),
        (
            "Jumlah Laporan Peningkatan Efektivitas Pelaksanaan Pelayanan kepada Masyarakat di Wilayah Kecamatan",
            "Jumlah Laporan Peningkatan Efektivitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan",
        ),
        ("Administrasi keuangan yang baik", "Administrasi kepegawaian yang baik"),
    ],
)
def test_template_siblings_are_not_near_equal(a, b):
    assert not near_equal(a, b, TV, 0.85)


def test_the_threshold_rejects_slips_in_a_short_text():
    a, b = "Bimtek aparatur", "Bimtek apparatur"
    assert near_equal(a, b, TV, 0.85)
    assert not near_equal(a, b, TV, 0.99)


@pytest.mark.parametrize(
    "text",
    [
        "Jumlah Dokumen (RKA/DPA), 2022!",
        "  Persentase  ASN-PNS x 100 % ",
        "Peningkatan Efektivitas",
        "Pelaksanaan Urusan Pemerintahan Desa Ngroto",
        "Sumber: BPS",
        "",
        "ÉLAN Café naïve",
    ],
)
def test_the_remembered_normalisation_is_text_normalise(text):
    assert normalised(text, TV) == normalise(text)
    assert normalised(text, TV) == normalise(text)  # remembered


def test_canonical_words_fix_spelling_and_drop_function_words():
    assert canonical_words("Presentase ASN yang hadir dan tepat waktu", TV) == [
        "persentase",
        "asn",
        "hadir",
        "tepat",
        "waktu",
    ]


def test_slip_representatives_unite_slips_only():
    reps = slip_representatives(["terselenggaranya", "terseleenggaranya", "terlaksananya", "siswa", "siswi"], TV)
    assert reps["terselenggaranya"] == reps["terseleenggaranya"]
    assert reps["terlaksananya"] != reps["terselenggaranya"]
    assert reps["siswa"] != reps["siswi"]


def _clusters(texts, block=None, threshold=0.85):
    index = NearDuplicateIndex(TV, threshold)
    for i, text in enumerate(texts):
        index.add(i, text, block(i) if block else None)
    return [[key for key, _ in cluster] for cluster in index.clusters()]


def test_index_reports_clusters_not_pairs():
    variants = [
        "Terselenggaranya urusan pemerintahan umum",
        "Terseleenggaranya urusan pemerintahan umum",
        "Terselenggaranya urusan pemerintahn umum",
    ]
    texts = [variants[i % 3] for i in range(31)]
    clusters = _clusters(texts)
    assert len(clusters) == 1
    assert sorted(clusters[0]) == list(range(31))


def test_exact_duplicates_alone_are_not_a_near_duplicate_cluster():
    assert _clusters(["Reward dan punishment", "Reward dan Punishment.", "Tertib administrasi"]) == []


def test_blocks_are_never_compared():
    texts = ["Terselenggaranya urusan umum", "Terseleenggaranya urusan umum"]
    assert _clusters(texts, block=lambda i: i) == []
    assert _clusters(texts, block=lambda i: "same") == [[0, 1]]


def test_chained_slips_only_cluster_texts_that_are_near_equal():
    # "pemeliharaan" ~ "pemelihraan" ~ "pemeliharan": one cluster; a different template stays out
    texts = [
        "Terlaksananya pemeliharaan gedung kantor",
        "Terlaksananya pemelihraan gedung kantor",
        "Terlaksananya pemeliharan gedung kantor",
        "Terlaksananya pengadaan gedung kantor",
    ]
    assert _clusters(texts) == [[0, 1, 2]]


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i] + word[i:]  # a doubled letter, as in "Terseleenggaranya"


def test_generated_cascade_finds_every_injected_slip_and_nothing_else():
    """5,000 statements from templates with distinct objects; 60 of them copied with one doubled letter."""
    rng = random.Random(7)
    openers = ["Terselenggaranya", "Terfasilitasinya", "Meningkatnya", "Terlaksananya", "Tersusunnya", "Tersedianya"]
    objects = [
        "pengelolaan",
        "penyusunan",
        "pembinaan",
        "pengawasan",
        "koordinasi",
        "pelayanan",
        "pemberdayaan",
        "perencanaan",
        "evaluasi",
        "administrasi",
    ]
    things = [
        "keuangan",
        "peraturan",
        "aparatur",
        "kelembagaan",
        "pembangunan",
        "ketertiban",
        "kependudukan",
        "perizinan",
        "kesejahteraan",
        "kebudayaan",
    ]
    places = [f"wilayah {n}" for n in ("utara", "selatan", "timur", "barat", "tengah")]
    base = sorted({f"{o} {a} {t} {p}" for o in openers for a in objects for t in things for p in places})
    rng.shuffle(base)
    base = base[:4940]
    copies = []
    for text in base[:60]:
        words = text.split()
        k = rng.randrange(len(words) - 2)  # never the place words ("utara" is short)
        words[k] = _typo(words[k], rng)
        copies.append(" ".join(words))
    texts = base + copies
    clusters = _clusters(texts)
    expected = sorted(sorted([i, len(base) + j]) for j, i in enumerate(range(60)))
    assert sorted(sorted(c) for c in clusters) == expected


def test_stems_relate_indonesian_word_forms():
    assert "laksana" in stems("pelaksanaan") & stems("dilaksanakan")
    assert "bayar" in stems("pembayaran") & stems("dibayarkan")
    assert "hadir" in stems("kehadiran")


def test_content_words_drop_generic_words_and_split_a_glued_head():
    assert content_words("Jumlahmengemudi untuk kelancaran kegiatan", TV) == ["mengemudi", "kelancaran"]
    assert "alat" in content_words("Jumlah ATK yang tersedia", TV)  # ATK spelled out


@pytest.mark.parametrize(
    "a, b", [("pns", "pegawai"), ("pembayaran", "dibayarkan"), ("gedug", "gedung"), ("dokumenlaporan", "laporan")]
)
def test_related_words(a, b):
    assert related_words(a, b, TV)


def test_variant_spellings_are_one_word_before_comparing():
    assert share_content(
        content_words("Jumlah asset yang terdokumentasi", TV), content_words("Jumlah Seluruh aset", TV), TV
    )


def test_share_content_tells_the_drivers_formula_from_its_indicator():
    name = content_words("Jumlahmengemudi untuk kelancaran kegiatan pemerintahan di Kecamatan", TV)
    formula = content_words("Jumlah pelaksanaan kebersihan kantor dan taman", TV)
    assert not share_content(name, formula, TV)


def test_head_word_and_counted_noun():
    assert head_word("Presentase Realisasi PBB", TV) == "persentase"
    assert head_word("Jumlahmengemudi untuk kelancaran", TV, UNITS.heads) == "jumlah"
    assert counted_noun("Jumlah seluruh ASN yang hadir", TV, UNITS) == ("asn", "orang")
    assert counted_noun("Jumlah Masayarkat yang hadir", TV, UNITS) == ("masayarkat", "orang")  # a slip of masyarakat
    assert counted_noun("Indeks Kepuasan Masyarakat", TV, UNITS) is None
    assert counted_noun("= Jumlah rapat / jumlah rencana", TV, UNITS, anywhere=True) == ("rapat", "kegiatan")


def test_organisation_keys_drop_kind_words():
    keys = organisation_keys(TV, "Kecamatan Praya", "praya")
    assert "praya" in keys and "kecamatanpraya" in keys
    assert organisation_keys(TV, "Kantor Camat Praya") & keys
    assert not organisation_keys(TV, "BKPSDM") & keys


def test_an_abbreviation_and_its_words_are_one_set_of_words():
    from kinerja_graph.similarity import expanded_words, text_words

    tv = text_vocabulary(config.load_default_pack().vocabulary)
    spelled = [
        expanded_words(text_words(t, tv), tv)
        for t in ("IKM", "Indeks Kepuasan Masyarakat (IKM)", "indeks kepuasan masyarakat")
    ]
    assert spelled[0] == spelled[1] == spelled[2] == {"indeks", "kepuasan", "masyarakat"}


def test_containment_looks_only_at_the_members_holding_a_texts_rarest_word_and_at_most_limit_of_them():
    from kinerja_graph.similarity import Containment

    sets = [frozenset({"musrenbang", "desa"})] + [frozenset({"musrenbang", "desa", f"w{i}"}) for i in range(1000)]
    sets.append(frozenset({"pengelolaan", "keuangan", "desa"}))
    sets.append(frozenset({"penyusunan", "peraturan", "desa"}))  # a template sibling: contains nothing
    sets.append(frozenset({"w" * 2000, "desa"}))  # a 2,000-letter word costs a set member, nothing more
    within = Containment(sets, min_words=2, max_extra=3, limit=64)
    assert within.signature[0] == "musrenbang" and within.signature[1] == "w0"
    assert within.may_be_contained == [True] + [False] * 1003  # only "musrenbang desa" is short enough
    found = within.within(("family", number) for number in range(len(sets)))
    assert [(f, n, len(c)) for f, n, c in found] == [("family", 0, 64)]  # 1,000 members hold "musrenbang": the first 64
    assert within.within([("a", 0), ("b", 1)]) == []  # different families


def test_containment_costs_nothing_where_no_text_may_be_contained():
    from kinerja_graph.similarity import Containment

    within = Containment([frozenset({"a", "b"}), frozenset({"c", "d", "e"})], min_words=2, max_extra=3)
    assert not within and within.within(iter(())) == []
