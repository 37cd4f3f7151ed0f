"""formula-mismatch: formulas that do not compute what their indicator names."""

from helpers import SAMPLES, as_data, documented, run_rule

from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import load
from kinerja_graph.messages import render

RULE = "formula-mismatch"


def doc(*indicators: str, org: str = "{name: Kecamatan Uji, id: uji}") -> str:
    items = "".join(f"      - {i}\n" for i in indicators)
    return (
        f"organisation: {org}\nnodes:\n"
        f"  - id: '1'\n    statement: Kelancaran kegiatan pemerintahan\n    level: process\n"
        f"    indicators:\n{items}"
    )


def messages(found, lang="en"):
    return [render(f, lang) for f in found]


def test_the_drivers_indicator_with_the_cleaners_formula():
    found = run_rule(
        RULE,
        doc(
            "{name: Jumlahmengemudi untuk kelancaran kegiatan pemerintahan di Kecamatan, "
            "formula: Jumlah pelaksanaan kebersihan kantor dan taman}"
        ),
    )
    assert messages(found, "id") == [
        'Formula "Jumlah pelaksanaan kebersihan kantor dan taman" tidak berkaitan dengan indikator '
        '"Jumlahmengemudi untuk kelancaran kegiatan pemerintahan di Kecamatan": keduanya tidak memiliki pokok '
        "bahasan yang sama"
    ]
    assert found[0].line == 7  # the indicator's own line


def test_related_words_keep_a_formula_apart_from_a_mismatch():
    assert (
        run_rule(
            RULE,
            doc(
                '{name: Persentase Tingkat Kehadiran PNS, formula: "(∑ hari kerja efektif - ∑ hari tidak masuk) / ∑ '
                'hari kerja x 100%"}',
                "{name: Jumlah rekening yang dibayarkan, formula: Jumlah bukti pembayaran rekening}",
                "{name: Jumlah asset yang terdokumentasi, formula: Jumlah Seluruh aset Kecamatan}",
                "{name: Jumlah ATK yang tersedia, formula: Jumlah alat tulis kantor yang dibutuhkan dan tersedia}",
                '{name: Indeks Kepuasan Masyarakat, formula: "Σ nilai persepsi per unsur / jumlah unsur x nilai '
                'penimbang x 25"}',
                '{name: Indeks Desa Membangun, formula: "(IKS + IKE + IKL) / 3"}',  # algebra on abbreviations
            ),
        )
        == []
    )


def test_a_formula_that_is_only_a_unit_or_a_method():
    found = run_rule(
        RULE,
        doc(
            "{name: Jumlah ASN yang mengikuti pelatihan, formula: Dokumen}",
            "{name: Indeks Kepuasan Masyarakat, formula: Survey}",
            "{name: Jumlah rekening yang dibayarkan, formula: Bukti Pembayaran}",
            "{name: Jumlah UMKM yang dibina, formula: UMKM, unit: UMKM}",
        ),
    )
    assert [m.split(":")[0] for m in messages(found)] == [
        'The formula of indicator "Jumlah ASN yang mengikuti pelatihan" is only "Dokumen"',
        'The formula of indicator "Indeks Kepuasan Masyarakat" is only "Survey"',
        'The formula of indicator "Jumlah rekening yang dibayarkan" is only "Bukti Pembayaran"',
        'The formula of indicator "Jumlah UMKM yang dibina" is only "UMKM"',
    ]
    assert run_rule(RULE, doc("{name: Indeks Kepuasan Masyarakat, formula: Survey}"), {"unit-only": False}) == []


def test_absent_placeholder_and_name_repeating_formulas_are_missing_formulas_business():
    assert (
        run_rule(
            RULE,
            doc(
                "{name: Jumlah laporan}",
                "{name: Jumlah dokumen, formula: '-'}",
                "{name: Indeks Kepuasan Masyarakat, formula: indeks kepuasan masyarakat}",
            ),
        )
        == []
    )


def test_a_share_without_a_division_and_a_count_computed_as_a_share():
    found = run_rule(
        RULE,
        doc(
            "{name: Presentase Realisasi PBB, formula: Jumlah desa yang melaporkan realisasi PBB}",
            "{name: Jumlah desa tertib administrasi, formula: Jumlah desa tertib / jumlah desa x 100 %}",
        ),
    )
    assert messages(found) == [
        'Indicator "Presentase Realisasi PBB" is a Persentase, but its formula "Jumlah desa yang melaporkan realisasi '
        'PBB" '
        "divides nothing; write the numerator divided by the denominator",
        'Indicator "Jumlah desa tertib administrasi" is a count, but its formula "Jumlah desa tertib / jumlah desa x '
        '100 %" '
        "computes a percentage",
    ]
    assert (
        run_rule(
            RULE,
            doc("{name: Presentase Realisasi PBB, formula: Jumlah desa yang melaporkan realisasi PBB}"),
            {"check-division": False},
        )
        == []
    )
    # the same share with percent targets: the name is wrong, unit-mismatch says so
    assert (
        run_rule(RULE, doc('{name: Jumlah desa tertib, formula: Jumlah desa tertib / jumlah desa x 100 %, unit: "%"}'))
        == []
    )


def test_counting_another_kind_of_thing_and_an_upside_down_fraction():
    found = run_rule(
        RULE,
        doc(
            "{name: Jumlah dokumen evaluasi kinerja yang disusun, "
            "formula: Jumlah rapat kerja perencanaan dan evaluasi yang dilaksanakan}",
            '{name: Persentase desa mandiri, formula: "= Jumlah Desa / jumlah Desa yang mandiri x 100 %"}',
        ),
    )
    assert messages(found) == [
        'Indicator "Jumlah dokumen evaluasi kinerja yang disusun" counts "dokumen", but its formula "Jumlah rapat '
        "kerja "
        'perencanaan dan evaluasi yang dilaksanak…" counts "rapat"',  # a long formula is shortened
        'The formula of indicator "Persentase desa mandiri" is upside down: the denominator "jumlah Desa yang mandiri" '
        'is a part of the numerator "Jumlah Desa", so the result is always 100 % or more',
    ]
    assert (
        run_rule(
            RULE,
            doc(
                '{name: Persentase desa mandiri, formula: "Jumlah desa mandiri / jumlah seluruh desa x 100 %"}',
                "{name: Jumlah laporan kegiatan, formula: Jumlah dokumen laporan kegiatan}",
            ),
        )
        == []
    )


def test_one_formula_for_different_indicators_is_reported_once():
    found = run_rule(
        RULE,
        doc(
            "{name: Jumlah draf laporan kependudukan, formula: Jumlah draf laporan kependudukan dan mutasi}",
            "{name: Jumlah surat mutasi masuk, formula: Jumlah draf laporan kependudukan dan mutasi}",
        ),
    )
    assert messages(found) == [
        'Formula "Jumlah draf laporan kependudukan dan mutasi" is used for 2 different indicators ("Jumlah draf '
        "laporan "
        'kependudukan", "Jumlah surat mutasi masuk"); one formula cannot measure different indicators'
    ]
    assert (
        run_rule(
            RULE,
            doc(
                "{name: Jumlah draf laporan kependudukan, formula: Jumlah draf laporan kependudukan dan mutasi}",
                "{name: Jumlah surat mutasi masuk, formula: Jumlah draf laporan kependudukan dan mutasi}",
            ),
            {"shared": False},
        )
        == []
    )


def goals(*indicators_per_goal: tuple[str, ...]) -> str:
    """A cascade of goals side by side, each holding these indicators."""
    text = "organisation: {name: Kecamatan Uji, id: uji}\nnodes:\n"
    for number, indicators in enumerate(indicators_per_goal, 1):
        items = "".join(f"      - {i}\n" for i in indicators)
        text += f"  - id: '{number}'\n    statement: Kelancaran pelayanan surat {number}\n    level: process\n"
        text += f"    indicators:\n{items}"
    return text


def test_a_shared_formula_names_each_goal_and_name_once_in_order_of_first_use():
    """Users judged by group and users judged one by one (a count whose formula divides) alike: the finding on
    the first user's goal, each other goal once, each name once, in document order."""
    formula = "formula: Jumlah surat yang diproses / jumlah surat masuk x 100%"
    share, count = "Persentase surat yang diproses", "Jumlah surat yang diproses"
    found = run_rule(
        RULE,
        goals(
            (f"{{name: {share}, {formula}}}",),
            (f"{{name: {count}, {formula}}}", f"{{name: {share}, {formula}}}"),
            (f"{{name: {share}, {formula}}}",),
        ),
    )
    shared = [f for f in found if f.key == "shared"]
    assert [(f.node, f.related, f.args["count"], f.args["indicators"]) for f in shared] == [
        ("1", ("2", "3"), 2, [share, count])
    ]
    assert [(f.node, f.key) for f in found if f.key != "shared"] == [("2", "count-as-share")]
    # one goal, two short formulas read one by one: each formula once, each on its first user's goal
    found = run_rule(
        RULE,
        goals(
            ("{name: Jumlah surat keluar, formula: Surat keluar}", "{name: Jumlah surat masuk, formula: Surat masuk}"),
            ("{name: Jumlah surat yang dikirim, formula: Surat keluar}",),
            ("{name: Jumlah surat yang diterima, formula: Surat masuk}",),
        ),
    )
    assert sorted((f.node, f.related, f.args["indicators"]) for f in found if f.key == "shared") == [
        ("1", ("2",), ["Jumlah surat keluar", "Jumlah surat yang dikirim"]),
        ("1", ("3",), ["Jumlah surat masuk", "Jumlah surat yang diterima"]),
    ]


def test_the_organisations_own_name_is_no_common_subject():
    found = run_rule(
        RULE,
        doc(
            "{name: Jumlah program kerja Sokaraja yang disusun, formula: Jumlah rapat koordinasi di Kecamatan "
            "Sokaraja}",
            org="{name: Kecamatan Sokaraja, id: sokaraja}",
        ),
    )
    assert len(found) == 1


def test_every_sub_check_that_fails_is_reported():
    """Pino Raya's program 4: a formula about lembaga for an indicator about desa, and upside down too."""
    found = run_rule(
        RULE,
        doc(
            '{name: persentase desa dan kecamatan yang baik, formula: "= Jumlah Lembaga Masyarakat / jumlah Lembaga '
            'Masyarakat yang Mandiri x 100 %"}'
        ),
    )
    assert [f.key for f in found] == ["unrelated", "inverted"]


def test_a_formula_counting_the_opposite_of_its_indicator():
    """Sokaraja 1.1.2: "% terlayani dengan baik" computed as complaints / applicants."""
    found = run_rule(
        RULE,
        doc(
            "{name: Persentase Pemohon Pelayanan di Kecamatan yang terlayani dengan baik, "
            "formula: Jumlah pengaduan pelayanan dibagi Jumlah pemohon X 100%}",
            '{name: Persentase layanan yang diselesaikan tepat waktu, formula: "Jumlah layanan yang terlambat / '
            'jumlah layanan x 100 %"}',
        ),
    )
    assert as_data(found) == [
        (
            "1",
            "complement",
            {
                "indicator": "Persentase Pemohon Pelayanan di Kecamatan yang terlayani dengan baik",
                "formula": "Jumlah pengaduan pelayanan dibagi Jumlah pemohon X 100%",
                "numerator": "Jumlah pengaduan pelayanan",
                "word": "pengaduan",
            },
        ),
        (
            "1",
            "complement",
            {
                "indicator": "Persentase layanan yang diselesaikan tepat waktu",
                "formula": "Jumlah layanan yang terlambat / jumlah layanan x 100 %",
                "numerator": "Jumlah layanan yang terlambat",
                "word": "terlambat",
            },
        ),
    ]
    assert render(found[0], "id") == (
        'Formula indikator "Persentase Pemohon Pelayanan di Kecamatan yang terlayani dengan baik" menghitung '
        'kebalikannya: pembilang "Jumlah pengaduan pelayanan" menghitung "pengaduan", yang tidak dinyatakan '
        "indikatornya"
    )
    # what the indicator names itself, and what is subtracted, are no opposite
    assert (
        run_rule(
            RULE,
            doc(
                '{name: Persentase pengaduan yang ditindaklanjuti, formula: "Jumlah pengaduan yang ditindaklanjuti / '
                'jumlah pengaduan x 100 %"}',
                '{name: Persentase Tingkat Kehadiran PNS, formula: "(∑ Pegawai X (∑ Hari kerja efektif - ∑ hari tidak '
                'masuk kerja)) / (∑Pegawai X ∑harikerja efektif) x 100%"}',
            ),
        )
        == []
    )


def test_one_shared_broad_noun_is_no_common_subject():
    """Sokaraja 1.1.5.1: desa with good administration computed as desa supervised on their APBDes."""
    found = run_rule(
        RULE,
        doc(
            "{name: Jumlah desa yang adminstrasi pemerintahannya baik, formula: Jumlah desa yang mendapatkan "
            "pembinaan dan pengawasan pengelolaan APBDes di Kecamatan Sokaraja}",
        ),
    )
    assert as_data(found) == [
        (
            "1",
            "broad-only",
            {
                "indicator": "Jumlah desa yang adminstrasi pemerintahannya baik",
                "formula": "Jumlah desa yang mendapatkan pembinaan dan pengawasan penge…",
                "shared": ["desa"],
            },
        )
    ]
    assert (
        run_rule(
            RULE,
            doc(
                "{name: Jumlah desa yang difasilitasi dalam pengelolaan keuangan desa, formula: Jumlah desa yang "
                "menerima fasilitasi pengelolaan keuangan desa dalam satu tahun}",
                "{name: Persentase desa berstatus mandiri, formula: Jumlah desa berstatus mandiri / jumlah desa x 100 %}",
            ),
        )
        == []
    )


def test_a_count_of_other_things_hidden_behind_shared_nouns():
    """Pujon 1.7.1: a count of drafted services measured by a count of complaints about those services."""
    found = run_rule(
        RULE,
        doc(
            "{name: Jumlah draf Pelayanan Administrasi Kependudukan - KTP - KK dan - Surat Pindah, "
            "formula: Jumlah Pengaduan Pelayanan Administrasi Kependudukan - KTP - KK dan - Surat Pindah}"
        ),
    )
    assert [(f.key, f.args["noun"], f.args["other"]) for f in found] == [("counted", "draf", "pengaduan")]


def test_a_count_whose_formula_divides():
    """Pujon 1.6.1: a "Jumlah Laporan …" computed as a ratio, without "x 100 %"."""
    found = run_rule(
        RULE,
        doc(
            "{name: Jumlah Laporan Penyerapan dana ADD/DD, formula: Jumlah Laporan Penyerapan dana ADD/DD yang "
            "terealisasi / Jumlah Laporan Penyerapan dana ADD/DD yang direncanakan}"
        ),
    )
    assert [f.key for f in found] == ["count-divides"]
    assert run_rule(RULE, doc("{name: Jumlah draf/konsep laporan hasil evaluasi, formula: Jumlah draf/konsep}")) == []


def test_samples():
    def nodes(name):
        return [f.node for f in run_rule(RULE, build_graph(load(str(SAMPLES / name))))]

    pujon = nodes("pujon.yaml")
    assert {"1", "1.1", "1.1.4.4", "1.1.3.1", "1.2.1", "1.6.1", "1.7.1"} == set(pujon)
    assert {
        "1.1.1.1.2",
        "1.1.1.2.2",
        "1.1.1.4.2",
        "1.1.2",
        "1.1.2.1.2",
        "1.1.3",
        "1.1.3.1",
        "1.1.3.1.1",
        "1.1.3.1.2",
        "1.1.5.1",
        "1.1.5.1.2",
        "1.1.1.6.3",
    } == set(nodes("sokaraja.yaml"))
    pino = nodes("pino-raya.yaml")
    assert {"3", "4", "5.4", "3.3", "4.1", "5.1", "5.2", "S2", "S11", "S14", "S17", "S25", "S27"} <= set(pino)
    assert "1a" not in pino  # "Hasil evaluasi AKIP" measures the AKIP value
    assert nodes("praya.yaml") == nodes("batumandi.yaml") == nodes("clean.yaml") == []


def test_the_documented_example_as_data():
    """What the rule finds in its documented example, as language-neutral data: node, message, arguments."""
    assert as_data(run_rule(RULE, documented(RULE))) == [
        (
            "1",
            "unrelated",
            {
                "indicator": "Jumlah pengemudian untuk kelancaran kegiatan pemerintahan",
                "formula": "Jumlah pelaksanaan kebersihan kantor dan taman",
            },
        ),
        (
            "1",
            "no-division",
            {
                "indicator": "Persentase realisasi PBB",
                "formula": "Jumlah desa yang melaporkan realisasi PBB",
                "head": "Persentase",
            },
        ),
    ]
