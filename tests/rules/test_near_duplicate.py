"""near-duplicate: statements or indicators that differ only by slips, spacing, case, word order or abbreviations,
and texts another contains under one parent."""

import random

import pytest
from helpers import SAMPLES, as_data, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render
from kinerja_graph.model import Cascade, Node, Organisation

RULE = "near-duplicate"
HEAD = "organisation: {name: Kecamatan Uji}\nnodes:\n"


def test_a_spelling_slip_is_one_cluster():
    found = run_rule(
        RULE,
        HEAD
        + """\
  - {id: "1", statement: Meningkatnya kualitas pemerintahan, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Terselenggaranya urusan pemerintahan umum, level: immediate outcome}
  - {id: "1.2", parent: "1", statement: Terseleenggaranya Urusan Pemerintahan Umum, level: immediate outcome}
""",
    )
    assert len(found) == 1
    assert (found[0].node, found[0].related) == ("1.1", ("1.2",))
    assert render(found[0], "id") == (
        "Pernyataan kinerja berikut hampir sama (hanya berbeda karena salah ketik, spasi, huruf besar-kecil, urutan "
        'kata atau singkatan): "Terselenggaranya urusan pemerintahan umum" (1.1); "Terseleenggaranya Urusan '
        'Pemerintahan Umum" (1.2); penulisannya perlu diseragamkan apabila maksudnya sama, atau isinya dibedakan'
    )


def test_template_siblings_that_name_different_things_pass():
    assert (
        run_rule(
            RULE,
            HEAD
            + """\
  - {id: "1", statement: Meningkatnya kemandirian desa, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Terfasilitasinya pengelolaan keuangan desa, level: output}
  - {id: "1.2", parent: "1", statement: Terfasilitasinya penyusunan peraturan desa, level: output}
  - {id: "1.3", parent: "1", statement: Terfasilitasinya pembinaan administrasi desa, level: output}
  - {id: "1.4", parent: "1", statement: Jumlah usulan dalam Musrenbangdes, level: output}
  - {id: "1.5", parent: "1", statement: Jumlah usulan dalam Musrenbangcam, level: output}
  - {id: "1.6", parent: "1", statement: Laporan triwulan I, level: output}
  - {id: "1.7", parent: "1", statement: Laporan triwulan II, level: output}
""",
        )
        == []
    )


def test_exact_duplicates_are_left_to_the_duplicate_rules():
    assert (
        run_rule(
            RULE,
            HEAD
            + """\
  - {id: "1", statement: Reward dan punishment, level: output, indicators: [{name: Jumlah reward}]}
  - {id: "2", statement: "Reward dan Punishment.", level: output, indicators: [{name: jumlah REWARD}]}
""",
        )
        == []
    )


def test_spacing_word_order_function_words_and_variant_spellings():
    found = run_rule(
        RULE,
        HEAD
        + """\
  - id: "1"
    statement: Tertib administrasi keuangan
    level: output
    indicators: [{name: Jumlah Dokumen laporan keuangan yang disusun dan benar}, {name: Presentase SPJ tepat waktu}]
  - id: "1.1"
    parent: "1"
    statement: Keuangan tertib administrasi
    level: process
    indicators: [{name: Jumlah dokumenLaporan Keuangan yang disusun dengan benar}, {name: Persentase SPJ tepat waktu}]
""",
    )
    assert [(f.node, f.related) for f in found] == [("1", ("1.1",)), ("1", ("1.1",)), ("1", ("1.1",))]
    assert render(found[0], "en").startswith("Statements that are nearly the same")
    assert render(found[1], "en").startswith("Indicators that are nearly the same")


def test_options_compare_threshold_and_scope():
    text = (
        HEAD
        + """\
  - {id: "1", statement: Induk satu, level: intermediate outcome}
  - {id: "2", statement: Induk dua, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Terselenggaranya urusan umum, level: output,
     indicators: [{name: Jumlah dokumen}]}
  - {id: "2.1", parent: "2", statement: Terseleenggaranya urusan umum, level: output,
     indicators: [{name: Jumlah dokumenn}]}
"""
    )
    assert len(run_rule(RULE, text)) == 2
    assert [render(f, "en")[:10] for f in run_rule(RULE, text, {"compare": ["indicators"]})] == ["Indicators"]
    assert run_rule(RULE, text, {"scope": "parent"}) == []  # different parents: never compared
    assert run_rule(RULE, text, {"threshold": 0.99}) == []


def test_many_slipped_copies_are_one_finding_not_pairs():
    lines = [
        f'  - {{id: "{i}", statement: "{s}", level: output}}\n'
        for i, s in enumerate(
            [
                "Terselenggaranya urusan pemerintahan umum",
                "Terseleenggaranya urusan pemerintahan umum",
                "Terselenggaranya urusan pemerintahn umum",
                "Terselengaranya urusan pemerintahan umum",
            ]
            * 10
        )
    ]
    found = run_rule(RULE, HEAD + "".join(lines))
    assert len(found) == 1 and len(found[0].related) == 39


def test_a_large_generated_cascade_finds_exactly_the_planted_slips():
    """10,000 goals from templates naming different things, 50 of them copied with a slip."""
    rng = random.Random(3)
    openers = ["Terselenggaranya", "Terfasilitasinya", "Meningkatnya", "Terlaksananya", "Tersusunnya"]
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
        "penyediaan",
        "pemeliharaan",
        "pengadaan",
        "fasilitasi",
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
        "kearsipan",
        "kepegawaian",
        "persuratan",
        "perlengkapan",
    ]
    texts = sorted({f"{o} {a} {t} desa nomor {k}" for o in openers for a in objects for t in things for k in range(11)})
    rng.shuffle(texts)
    texts = texts[:9950]
    planted = []
    for i in range(50):
        words = texts[i].split()
        word = words[1]
        j = rng.randrange(1, len(word) - 1)
        words[1] = word[:j] + word[j] + word[j:]
        planted.append(" ".join(words))
    nodes = [Node(id=f"n{i}", statement=t, level="output") for i, t in enumerate(texts + planted)]
    G = build_graph(Cascade(Organisation("Kabupaten Uji"), nodes))
    found = run_rule(RULE, G)
    assert sorted((f.node, f.related) for f in found) == sorted((f"n{i}", (f"n{9950 + i}",)) for i in range(50))


def _found(name, **options):
    return [(f.node, f.related, f.key) for f in run_rule(RULE, build_graph(load(str(SAMPLES / name))), options)]


def test_samples():
    assert _found("pujon.yaml", containment=0) == [("1.1.3", ("1.1.3.1",), "indicators")]  # dokumenLaporan
    for name in ("praya.yaml", "batumandi.yaml", "sokaraja.yaml", "pino-raya.yaml", "clean.yaml"):
        assert _found(name, containment=0) == [], name


def test_samples_texts_contained_under_one_parent():
    assert _found("praya.yaml") == [("1.2.2.1.1", ("1.2.2.1.4",), "statements-contained")]  # Musrenbang Desa
    assert _found("pino-raya.yaml") == [("2", ("2.1",), "indicators-contained")]  # IKM / IKM dalam Pelayanan Publik
    assert _found("pujon.yaml") == [
        ("1.1.3", ("1.1.3.1",), "indicators"),
        ("1.1.3", ("1.1.3.2",), "indicators-contained"),  # Jumlah Laporan keuangan yang benar
        ("1.3", ("1.3.1",), "indicators-contained"),  # PKH spelled out: Program Keluarga Harapan
        ("1.7", ("1.7.1",), "indicators-contained"),
    ]
    assert _found("sokaraja.yaml") == [("1.1.1.1", ("1.1.1.1.2",), "indicators-contained")]
    assert _found("batumandi.yaml") == _found("clean.yaml") == []


def test_an_abbreviation_written_out_or_not_is_one_text():
    names = ["IKM", "Indeks Kepuasan Masyarakat", "Indeks Kepuasan Masyarakat (IKM)", "Jumlah IKM"]
    text = HEAD + "\n".join(
        f'  - {{id: "{i}", statement: Meningkatnya layanan {i}, level: output, indicators: [{{name: "{name}"}}]}}'
        for i, name in enumerate(names, 1)
    )
    (f,) = run_rule(RULE, text, {"containment": 0})
    assert f.key == "indicators" and [v[0] for v in f.args["variants"]] == [
        "IKM",
        "Indeks Kepuasan Masyarakat",
        "Indeks Kepuasan Masyarakat (IKM)",
    ]


def test_musrenbang_desa_stands_whole_in_musrenbang_desa_kelurahan_under_one_parent():
    text = """
organisation: {name: Kecamatan Uji}
nodes:
  - {id: "1", statement: Meningkatnya partisipasi masyarakat dalam perencanaan, level: output}
  - {id: "1.1", parent: "1", statement: Musrenbang Desa / Kelurahan, level: process}
  - {id: "1.2", parent: "1", statement: Fasilitasi pemberdayaan lembaga, level: process}
  - {id: "1.3", parent: "1", statement: Musrenbang Desa, level: process}
  - {id: "2", statement: Meningkatnya tata kelola desa, level: output}
  - {id: "2.1", parent: "2", statement: Musrenbang Desa dan evaluasi APBDes, level: process}
"""
    (f,) = run_rule(RULE, text)
    assert (f.node, f.related, f.key) == ("1.1", ("1.3",), "statements-contained")
    assert f.args == {"contained": "Musrenbang Desa", "containers": ["Musrenbang Desa / Kelurahan"]}
    assert render(f, "en").startswith('Statement "Musrenbang Desa" stands whole in "Musrenbang Desa / Kelurahan"')
    assert "termuat seluruhnya dalam" in render(f, "id")


def test_a_childs_indicator_repeating_its_parents_measure_is_contained():
    text = """
organisation: {name: Kecamatan Uji}
nodes:
  - {id: "2", statement: Meningkatnya Pelayanan Publik di Kecamatan, level: immediate outcome,
     indicators: [{name: Indeks Kepuasan Masyarakat (IKM)}]}
  - {id: "2.1", parent: "2", statement: Meningkatnya kualitas pelayanan publik, level: output,
     indicators: [{name: indeks kepuasan Masyarakat (IKM) dalam Pelayanan Publik}]}
  - {id: "3", statement: Meningkatnya ketertiban umum, level: immediate outcome,
     indicators: [{name: IKM Terhadap Ketertiban Umum dalam Pelayanan Publik}]}
"""
    (f,) = run_rule(RULE, text)  # "3" is another family: its IKM is not compared with 2's
    assert (f.node, f.related, f.key) == ("2", ("2.1",), "indicators-contained")
    assert "a goal below should measure its own contribution" in render(f, "en")


@pytest.mark.parametrize(
    "a,b",
    [
        ("Terfasilitasinya pengelolaan keuangan desa", "Terfasilitasinya penyusunan peraturan desa"),  # a template
        ("Penyusunan dokumen", "Penyusunan dokumen perencanaan kinerja tahunan dan lima tahunan kecamatan"),  # +6 words
        ("Dokumen", "Dokumen perencanaan"),  # one word is contained in almost anything
    ],
)
def test_template_siblings_long_additions_and_single_words_are_not_contained(a, b):
    text = f"""
organisation: {{name: Kecamatan Uji}}
nodes:
  - {{id: "1", statement: Meningkatnya tata kelola desa, level: output}}
  - {{id: "1.1", parent: "1", statement: "{a}", level: process}}
  - {{id: "1.2", parent: "1", statement: "{b}", level: process}}
"""
    assert run_rule(RULE, text) == []


def test_a_goals_narrower_statement_than_its_parents_is_cascading_not_containment():
    text = """
organisation: {name: Kecamatan Uji}
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya kualitas pelayanan publik bidang kependudukan, level: immediate outcome}
"""
    assert run_rule(RULE, text) == []


def test_a_goals_own_indicators_in_two_families_are_reported_once():
    text = """
organisation: {name: Kecamatan Uji}
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan administrasi, level: immediate outcome,
     indicators: [{name: Persentase layanan tepat waktu}, {name: Persentase layanan tepat waktu sesuai SOP}]}
  - {id: "1.1.1", parent: "1.1", statement: Tersusunnya SOP, level: output}
"""
    (f,) = run_rule(RULE, text)
    assert (f.node, f.related, f.key) == ("1.1", (), "indicators-contained")


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        (
            "1.1",
            "statements",
            {
                "variants": [
                    ["Terselenggaranya urusan pemerintahan umum", ["1.1"]],
                    ["Terseleenggaranya Urusan Pemerintahan Umum", ["1.2"]],
                ],
                "field": "statement",
            },
        )
    ]
