"""The vocabulary of the Pemda-like benchmark cascades (benchmarks/gen_pemda.py): data, no logic.

Drawn from the five seed cascades (samples/*.yaml), the Kepmendagri 050-5889/2021 nomenclature of programs,
kegiatan and sub kegiatan with their standard indicators and units, and the usual wording of kecamatan and OPD
cascades (sakip-domain.md sections 3-4). Every organisation of a Pemda repeats the supporting program
(Program Penunjang Urusan Pemerintahan Daerah) word for word; every kecamatan repeats the kecamatan programs;
each dinas and badan adds its own sector programs. What varies is the locus (a desa, a puskesmas, a school, a
road) and the way each organisation writes the standard wording (case, word order, spelling, slips).

An indicator is (name, unit, formula, source, calculation): "{locus}" in a name, formula or source is filled with
the node's locus or dropped with the words around it ("di {locus}" -> ""), "{org}" with the organisation's name.
"""

from __future__ import annotations

# --- indicators shared by many levels --------------------------------------------------------------------------

IKM = (
    "Indeks Kepuasan Masyarakat (IKM)",
    "indeks",
    "Rata-rata tertimbang nilai unsur pelayanan hasil survei kepuasan masyarakat",
    "Laporan hasil survei kepuasan masyarakat",
    "non-kumulatif",
)
SAKIP = (
    "Nilai SAKIP Perangkat Daerah",
    "nilai",
    "Nilai hasil evaluasi AKIP oleh Inspektorat",
    "Laporan Hasil Evaluasi AKIP Inspektorat",
    "non-kumulatif",
)
REALISASI = (
    "Persentase realisasi anggaran",
    "%",
    "Jumlah realisasi anggaran / jumlah pagu anggaran x 100%",
    "Laporan realisasi anggaran",
    "non-kumulatif",
)

# --- the supporting program every organisation repeats (Kepmendagri X.XX.01) ---------------------------------
# program: (name, outcome object, [indicators], [kegiatan]); kegiatan: (name, opener, [indicators], [subs]);
# sub: (name, opener, [indicators])

SUPPORT = (
    "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
    "kualitas tata kelola administrasi perkantoran {org}",
    [
        SAKIP,
        (
            "Persentase dokumen perencanaan dan pelaporan yang disusun tepat waktu",
            "%",
            "Jumlah dokumen perencanaan dan pelaporan yang disusun tepat waktu / jumlah dokumen wajib x 100%",
            "Data dokumen perencanaan dan pelaporan",
            "non-kumulatif",
        ),
        REALISASI,
    ],
    [
        (
            "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
            "Tersusunnya dokumen",
            [
                (
                    "Jumlah dokumen perencanaan dan evaluasi kinerja yang disusun",
                    "Dokumen",
                    "Jumlah dokumen perencanaan dan evaluasi kinerja yang disahkan dalam satu tahun",
                    "Data Renja dan DPA",
                    "kumulatif",
                )
            ],
            [
                (
                    "Penyusunan Dokumen Perencanaan Perangkat Daerah",
                    "Terlaksananya",
                    [
                        (
                            "Jumlah Dokumen Perencanaan Perangkat Daerah",
                            "Dokumen",
                            "Jumlah dokumen Renstra, Renja dan Perjanjian Kinerja yang disusun",
                            "Data Kasubag Perencanaan dan Keuangan",
                            "kumulatif",
                        )
                    ],
                ),
                (
                    "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
                    "Terlaksananya",
                    [
                        (
                            "Jumlah Dokumen RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen RKA-SKPD",
                            "Dokumen",
                            "Jumlah dokumen RKA-SKPD yang disusun",
                            "Aplikasi SIPD",
                            "kumulatif",
                        )
                    ],
                ),
                (
                    "Koordinasi dan Penyusunan DPA-SKPD",
                    "Terlaksananya",
                    [
                        (
                            "Jumlah Dokumen DPA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen DPA-SKPD",
                            "Dokumen",
                            "Jumlah dokumen DPA-SKPD yang disahkan",
                            "Aplikasi SIPD",
                            "kumulatif",
                        )
                    ],
                ),
                (
                    "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
                    "Tersusunnya",
                    [
                        (
                            "Jumlah Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
                            "Laporan",
                            "Jumlah laporan capaian kinerja dan ikhtisar realisasi kinerja yang disampaikan",
                            "Data Kasubag Perencanaan dan Keuangan",
                            "kumulatif",
                        )
                    ],
                ),
                (
                    "Evaluasi Kinerja Perangkat Daerah",
                    "Terlaksananya",
                    [
                        (
                            "Jumlah Laporan Evaluasi Kinerja Perangkat Daerah",
                            "Laporan",
                            "Jumlah laporan evaluasi kinerja triwulanan dan tahunan yang disusun",
                            "Data Kasubag Perencanaan dan Keuangan",
                            "kumulatif",
                        )
                    ],
                ),
            ],
        ),
        (
            "Administrasi Keuangan Perangkat Daerah",
            "Terlaksananya",
            [
                (
                    "Persentase laporan keuangan yang disusun tepat waktu",
                    "%",
                    "Jumlah laporan keuangan yang disusun tepat waktu / jumlah laporan keuangan x 100%",
                    "Data realisasi keuangan perangkat daerah",
                    "non-kumulatif",
                )
            ],
            [
                (
                    "Penyediaan Gaji dan Tunjangan ASN",
                    "Tersedianya",
                    [
                        (
                            "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN",
                            "Orang/bulan",
                            "Jumlah ASN yang terbayarkan gaji dan tunjangannya setiap bulan",
                            "Data Kepegawaian",
                            "non-kumulatif",
                        )
                    ],
                ),
                (
                    "Penyediaan Administrasi Pelaksanaan Tugas ASN",
                    "Tersedianya",
                    [
                        (
                            "Jumlah Dokumen Hasil Penyediaan Administrasi Pelaksanaan Tugas ASN",
                            "Dokumen",
                            "Jumlah pengelola keuangan yang dibayarkan honorariumnya",
                            "Data Kepegawaian",
                            "non-kumulatif",
                        )
                    ],
                ),
                (
                    "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD",
                    "Tersusunnya",
                    [
                        (
                            "Jumlah Laporan Keuangan Akhir Tahun SKPD dan Laporan Hasil Koordinasi Penyusunan "
                            "Laporan Keuangan Akhir Tahun SKPD",
                            "Laporan",
                            "Jumlah laporan keuangan akhir tahun yang disampaikan ke BPKAD",
                            "Laporan keuangan",
                            "kumulatif",
                        )
                    ],
                ),
                (
                    "Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD",
                    "Tersusunnya",
                    [
                        (
                            "Jumlah Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD",
                            "Laporan",
                            "Jumlah laporan keuangan bulanan, triwulanan dan semesteran yang disampaikan",
                            "Laporan keuangan",
                            "kumulatif",
                        )
                    ],
                ),
            ],
        ),
        (
            "Administrasi Kepegawaian Perangkat Daerah",
            "Terlaksananya",
            [
                (
                    "Persentase ASN yang memenuhi standar kompetensi",
                    "%",
                    "Jumlah ASN yang memenuhi standar kompetensi / jumlah seluruh ASN x 100%",
                    "Data Kepegawaian",
                    "non-kumulatif",
                )
            ],
            [
                (
                    "Pendataan dan Pengolahan Administrasi Kepegawaian",
                    "Terlaksananya",
                    [
                        (
                            "Jumlah Dokumen Pendataan dan Pengolahan Administrasi Kepegawaian",
                            "Dokumen",
                            "Jumlah dokumen data kepegawaian yang dimutakhirkan",
                            "Data Kepegawaian",
                            "kumulatif",
                        )
                    ],
                ),
                (
                    "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi",
                    "Terlaksananya",
                    [
                        (
                            "Jumlah Pegawai Berdasarkan Tugas dan Fungsi yang Mengikuti Pendidikan dan Pelatihan",
                            "Orang",
                            "Jumlah ASN yang mengikuti pendidikan dan pelatihan sesuai dengan tugas dan fungsi",
                            "Data Kepegawaian",
                            "kumulatif",
                        )
                    ],
                ),
                (
                    "Bimbingan Teknis Implementasi Peraturan Perundang-Undangan",
                    "Terlaksananya",
                    [
                        (
                            "Jumlah Orang yang Mengikuti Bimbingan Teknis Implementasi Peraturan Perundang-Undangan",
                            "Orang",
                            "Jumlah ASN yang mengikuti bimbingan teknis",
                            "Data Kepegawaian",
                            "kumulatif",
                        )
                    ],
                ),
            ],
        ),
        (
            "Administrasi Umum Perangkat Daerah",
            "Terlaksananya",
            [
                (
                    "Jumlah sarana dan prasarana kantor yang tersedia",
                    "Paket",
                    "Jumlah sarana dan prasarana kantor yang tersedia",
                    "Data realisasi fisik administrasi umum perangkat daerah",
                    "kumulatif",
                )
            ],
            [
                (
                    "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor",
                    "Tersedianya",
                    [
                        (
                            "Jumlah Paket Komponen Instalasi Listrik/Penerangan Bangunan Kantor yang Disediakan",
                            "Paket",
                            "Jumlah alat listrik dan elektronik yang dibutuhkan dan tersedia",
                            "Data pengadministrasi barang",
                            "non-kumulatif",
                        )
                    ],
                ),
                (
                    "Penyediaan Peralatan dan Perlengkapan Kantor",
                    "Tersedianya",
                    [
                        (
                            "Jumlah Paket Peralatan dan Perlengkapan Kantor yang Disediakan",
                            "Paket",
                            "Jumlah ATK, perangko dan materai yang dibutuhkan dan tersedia",
                            "Data pengadministrasi barang",
                            "non-kumulatif",
                        )
                    ],
                ),
                (
                    "Penyediaan Bahan Logistik Kantor",
                    "Tersedianya",
                    [
                        (
                            "Jumlah Paket Bahan Logistik Kantor yang Disediakan",
                            "Paket",
                            "Jumlah bahan logistik kantor dan makan minum rapat yang tersedia",
                            "Data pengadministrasi barang",
                            "non-kumulatif",
                        )
                    ],
                ),
                (
                    "Penyediaan Barang Cetakan dan Penggandaan",
                    "Tersedianya",
                    [
                        (
                            "Jumlah Paket Barang Cetakan dan Penggandaan yang Disediakan",
                            "Paket",
                            "Jumlah barang cetakan dan penggandaan yang tersedia",
                            "Data pengadministrasi barang",
                            "non-kumulatif",
                        )
                    ],
                ),
                (
                    "Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan",
                    "Tersedianya",
                    [
                        (
                            "Jumlah Dokumen Bahan Bacaan dan Peraturan Perundang-Undangan yang Disediakan",
                            "Dokumen",
                            "Jumlah langganan surat kabar dan dokumen peraturan yang tersedia",
                            "SPJ {org}",
                            "non-kumulatif",
                        )
                    ],
                ),
                (
                    "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
                    "Terselenggaranya",
                    [
                        (
                            "Jumlah Laporan Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
                            "Laporan",
                            "Jumlah laporan perjalanan dinas dalam dan luar daerah",
                            "SPJ {org}",
                            "kumulatif",
                        )
                    ],
                ),
            ],
        ),
        (
            "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
            "Terlaksananya",
            [
                (
                    "Jumlah barang milik daerah yang tersedia",
                    "Unit",
                    "Jumlah barang milik daerah yang tersedia",
                    "Data realisasi fisik pengadaan barang milik daerah",
                    "kumulatif",
                )
            ],
            [
                (
                    "Pengadaan Peralatan dan Mesin Lainnya",
                    "Terlaksananya",
                    [
                        (
                            "Jumlah Unit Peralatan dan Mesin Lainnya yang Disediakan",
                            "Unit",
                            "Jumlah peralatan dan mesin lainnya yang tersedia",
                            "Data Pengelola Barang",
                            "kumulatif",
                        )
                    ],
                ),
                (
                    "Pengadaan Sarana dan Prasarana Pendukung Gedung Kantor atau Bangunan Lainnya",
                    "Terlaksananya",
                    [
                        (
                            "Jumlah Unit Sarana dan Prasarana Pendukung Gedung Kantor atau Bangunan Lainnya yang "
                            "Disediakan",
                            "Unit",
                            "Jumlah sarana dan prasarana pendukung gedung kantor yang tersedia",
                            "Data Pengelola Barang",
                            "kumulatif",
                        )
                    ],
                ),
                (
                    "Pengadaan Mebel",
                    "Terlaksananya",
                    [
                        (
                            "Jumlah Paket Mebel yang Disediakan",
                            "Paket",
                            "Jumlah paket mebel yang diadakan dalam satu tahun",
                            "Data Pengelola Barang",
                            "kumulatif",
                        )
                    ],
                ),
            ],
        ),
        (
            "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
            "Tersedianya",
            [
                (
                    "Jumlah jasa pelayanan umum kantor yang tersedia",
                    "Laporan",
                    "Jumlah jasa pelayanan umum kantor yang tersedia",
                    "Data realisasi fisik jasa penunjang urusan pemerintahan daerah",
                    "kumulatif",
                )
            ],
            [
                (
                    "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
                    "Tersedianya",
                    [
                        (
                            "Jumlah Laporan Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik yang Disediakan",
                            "Laporan",
                            "Jasa langganan telepon, internet, listrik dan air yang dibayar",
                            "SPJ {org}",
                            "non-kumulatif",
                        )
                    ],
                ),
                (
                    "Penyediaan Jasa Pelayanan Umum Kantor",
                    "Tersedianya",
                    [
                        (
                            "Jumlah Laporan Penyediaan Jasa Pelayanan Umum Kantor yang Disediakan",
                            "Laporan",
                            "Jumlah tenaga non PNS yang dibayar",
                            "SPJ {org}",
                            "non-kumulatif",
                        )
                    ],
                ),
                (
                    "Penyediaan Jasa Surat Menyurat",
                    "Tersedianya",
                    [
                        (
                            "Jumlah Laporan Penyediaan Jasa Surat Menyurat",
                            "Laporan",
                            "Jumlah surat masuk dan keluar yang diadministrasikan",
                            "Buku agenda surat",
                            "kumulatif",
                        )
                    ],
                ),
            ],
        ),
        (
            "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
            "Terpeliharanya",
            [
                (
                    "Jumlah barang milik daerah yang dipelihara",
                    "Unit",
                    "Jumlah barang milik daerah yang dipelihara",
                    "Data realisasi fisik pemeliharaan barang milik daerah",
                    "kumulatif",
                )
            ],
            [
                (
                    "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan Kendaraan Dinas "
                    "Operasional atau Lapangan",
                    "Tersedianya",
                    [
                        (
                            "Jumlah Kendaraan Dinas Operasional atau Lapangan yang Dipelihara dan Dibayarkan Pajak "
                            "dan Perizinannya",
                            "Unit",
                            "Jumlah kendaraan dinas yang dipelihara dan dibayarkan pajaknya",
                            "Data Pengelola Barang",
                            "non-kumulatif",
                        )
                    ],
                ),
                (
                    "Pemeliharaan Peralatan dan Mesin Lainnya",
                    "Terlaksananya",
                    [
                        (
                            "Jumlah Peralatan dan Mesin Lainnya yang Dipelihara",
                            "Unit",
                            "Jumlah peralatan dan mesin lainnya yang dipelihara",
                            "Data Pengelola Barang",
                            "non-kumulatif",
                        )
                    ],
                ),
                (
                    "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya",
                    "Terlaksananya",
                    [
                        (
                            "Jumlah Gedung Kantor dan Bangunan Lainnya yang Dipelihara/Direhabilitasi",
                            "Unit",
                            "Jumlah gedung kantor yang dipelihara atau direhabilitasi",
                            "Data Pengelola Barang",
                            "non-kumulatif",
                        )
                    ],
                ),
            ],
        ),
    ],
)


def _sub(name: str, opener: str, indicator: str, unit: str, formula: str, source: str, calc: str = "kumulatif"):
    return (name, opener, [(indicator, unit, formula, source, calc)])


# --- the kecamatan programs (Kepmendagri non-urusan nomenclature) ---------------------------------------------

KECAMATAN_PROGRAMS = [
    (
        "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
        "kualitas pelayanan publik di {locus}",
        [
            IKM,
            (
                "Persentase layanan PATEN yang diselesaikan tepat waktu",
                "%",
                "Jumlah layanan PATEN yang diselesaikan tepat waktu / jumlah layanan yang masuk x 100%",
                "Register pelayanan PATEN",
                "non-kumulatif",
            ),
        ],
        [
            (
                "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
                "Terkoordinasinya",
                [
                    (
                        "Jumlah Laporan Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
                        "Laporan",
                        "Jumlah laporan hasil rapat koordinasi kegiatan pemerintahan di {locus}",
                        "Seksi Pemerintahan",
                    )
                ],
                [
                    _sub(
                        "Peningkatan Efektivitas Kegiatan Pemerintahan di Tingkat Kecamatan",
                        "Terlaksananya",
                        "Jumlah Laporan Peningkatan Efektivitas Kegiatan Pemerintahan di {locus}",
                        "Laporan",
                        "Jumlah laporan kegiatan pemerintahan yang disusun",
                        "Seksi Pemerintahan",
                    ),
                    _sub(
                        "Pelaksanaan Musyawarah Desa tentang RPJMDes dan APBDes",
                        "Terlaksananya",
                        "Jumlah Pelaksanaan Musyawarah Desa (Musdes) di {locus}",
                        "Kegiatan",
                        "Jumlah musyawarah desa yang difasilitasi",
                        "Seksi Pemerintahan",
                    ),
                    _sub(
                        "Pembinaan Perangkat Desa",
                        "Terlaksananya",
                        "Jumlah Kegiatan Pembinaan Perangkat Desa di {locus}",
                        "Kegiatan",
                        "Jumlah kegiatan pembinaan perangkat desa",
                        "Seksi Pemerintahan",
                    ),
                ],
            ),
            (
                "Penyelenggaraan Urusan Pemerintahan yang tidak Dilaksanakan oleh Unit Kerja Perangkat Daerah yang "
                "ada di Kecamatan",
                "Terselenggaranya",
                [
                    (
                        "Persentase PATEN yang terlayani sesuai standar pelayanan",
                        "%",
                        "Jumlah layanan yang sesuai standar pelayanan / jumlah layanan x 100%",
                        "Register pelayanan PATEN",
                        "non-kumulatif",
                    )
                ],
                [
                    _sub(
                        "Perencanaan Kegiatan Pelayanan kepada Masyarakat di Kecamatan",
                        "Terlaksananya",
                        "Jumlah Dokumen Perencanaan Kegiatan Pelayanan kepada Masyarakat",
                        "Dokumen",
                        "Jumlah dokumen perencanaan pelayanan yang disusun",
                        "Seksi Pelayanan Umum",
                    ),
                    _sub(
                        "Peningkatan Efektivitas Pelaksanaan Pelayanan kepada Masyarakat di Wilayah Kecamatan",
                        "Terlaksananya",
                        "Jumlah Laporan Peningkatan Efektivitas Pelaksanaan Pelayanan kepada Masyarakat di {locus}",
                        "Laporan",
                        "Jumlah laporan pelayanan kepada masyarakat",
                        "Seksi Pelayanan Umum",
                    ),
                    _sub(
                        "Fasilitasi Percepatan Pencapaian Standar Pelayanan Minimal di Wilayah Kecamatan",
                        "Terfasilitasinya",
                        "Jumlah Laporan Fasilitasi Percepatan Pencapaian Standar Pelayanan Minimal di {locus}",
                        "Laporan",
                        "Jumlah laporan fasilitasi pencapaian SPM",
                        "Seksi Pelayanan Umum",
                    ),
                    _sub(
                        "Pelayanan Administrasi Kependudukan",
                        "Terlaksananya",
                        "Jumlah Laporan Pelayanan Kependudukan di {locus}",
                        "Laporan",
                        "Jumlah laporan pelayanan kependudukan yang disampaikan",
                        "Seksi Pemerintahan",
                    ),
                ],
            ),
            (
                "Koordinasi Pemeliharaan Prasarana dan Sarana Pelayanan Umum",
                "Terkoordinasinya",
                [
                    (
                        "Persentase sarana dan prasarana pelayanan umum yang terpelihara dengan baik",
                        "%",
                        "Jumlah sarana dan prasarana yang terpelihara / jumlah sarana dan prasarana x 100%",
                        "Seksi Pelayanan Umum",
                        "non-kumulatif",
                    )
                ],
                [
                    _sub(
                        "Koordinasi/Sinergi dengan Perangkat Daerah dan Instansi Vertikal dalam Pemeliharaan Sarana "
                        "dan Prasarana Pelayanan Umum",
                        "Terlaksananya",
                        "Jumlah sarana dan prasarana umum yang terpelihara di {locus}",
                        "Unit",
                        "Jumlah sarana dan prasarana umum yang dipelihara",
                        "Seksi Pelayanan Umum",
                    ),
                ],
            ),
        ],
    ),
    (
        "Program Pemberdayaan Masyarakat Desa dan Kelurahan",
        "kualitas pemberdayaan masyarakat desa dan kelurahan di {locus}",
        [
            (
                "Persentase desa dan kelurahan yang berdaya",
                "%",
                "Jumlah desa dan kelurahan berstatus mandiri / jumlah seluruh desa dan kelurahan x 100%",
                "Data Indeks Desa Membangun",
                "non-kumulatif",
            ),
            (
                "Persentase lembaga kemasyarakatan yang aktif",
                "%",
                "Jumlah lembaga kemasyarakatan yang aktif / jumlah lembaga kemasyarakatan yang ada x 100%",
                "Seksi Pemberdayaan Masyarakat",
                "non-kumulatif",
            ),
        ],
        [
            (
                "Koordinasi Kegiatan Pemberdayaan Desa",
                "Terkoordinasinya",
                [
                    (
                        "Persentase Pelaksanaan Pemberdayaan Masyarakat Desa",
                        "%",
                        "Jumlah kegiatan pemberdayaan yang terlaksana / jumlah kegiatan yang direncanakan x 100%",
                        "Seksi Pemberdayaan Masyarakat",
                        "non-kumulatif",
                    )
                ],
                [
                    _sub(
                        "Peningkatan Efektivitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan",
                        "Terlaksananya",
                        "Jumlah Laporan Peningkatan Efektivitas Kegiatan Pemberdayaan Masyarakat di {locus}",
                        "Laporan",
                        "Jumlah laporan kegiatan pemberdayaan masyarakat",
                        "Seksi Pemberdayaan Masyarakat",
                    ),
                    _sub(
                        "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa",
                        "Terlaksananya",
                        "Jumlah masyarakat yang hadir dalam forum Musrenbang di {locus}",
                        "Orang",
                        "Jumlah masyarakat yang hadir dalam forum Musrenbang desa",
                        "Daftar hadir Musrenbang",
                    ),
                    _sub(
                        "Fasilitasi Pengembangan Usaha Ekonomi Masyarakat",
                        "Terfasilitasinya",
                        "Jumlah UMKM yang dibina di {locus}",
                        "UMKM",
                        "Jumlah UMKM yang mendapat pembinaan dalam satu tahun",
                        "Seksi Kesejahteraan Sosial",
                    ),
                ],
            ),
            (
                "Pemberdayaan Lembaga Kemasyarakatan Tingkat Kecamatan",
                "Terlaksananya",
                [
                    (
                        "Jumlah Lembaga Kemasyarakatan yang Ditingkatkan Kapasitasnya",
                        "Lembaga",
                        "Jumlah lembaga kemasyarakatan (RT, RW, PKK, Karang Taruna, LPM) yang dibina",
                        "Seksi Pemberdayaan Masyarakat",
                    )
                ],
                [
                    _sub(
                        "Peningkatan Kapasitas Lembaga Kemasyarakatan",
                        "Terlaksananya",
                        "Jumlah lembaga kemasyarakatan yang dibina di {locus}",
                        "Lembaga",
                        "Jumlah lembaga kemasyarakatan yang mengikuti pembinaan",
                        "Seksi Pemberdayaan Masyarakat",
                    ),
                    _sub(
                        "Pembinaan Kader PKK dan Posyandu",
                        "Terlaksananya",
                        "Jumlah kader PKK dan Posyandu yang dibina di {locus}",
                        "Orang",
                        "Jumlah kader yang mengikuti pembinaan",
                        "Seksi Kesejahteraan Sosial",
                    ),
                ],
            ),
        ],
    ),
    (
        "Program Koordinasi Ketentraman dan Ketertiban Umum",
        "ketenteraman dan ketertiban umum di {locus}",
        [
            (
                "Persentase penurunan gangguan ketenteraman dan ketertiban umum",
                "%",
                "(Jumlah gangguan tahun lalu - jumlah gangguan tahun ini) / jumlah gangguan tahun lalu x 100%",
                "Seksi Ketenteraman dan Ketertiban Umum",
                "non-kumulatif",
            ),
            (
                "Persentase desa dan kelurahan yang aman dan tertib",
                "%",
                "Jumlah desa dan kelurahan tanpa gangguan trantibum / jumlah desa dan kelurahan x 100%",
                "Seksi Ketenteraman dan Ketertiban Umum",
                "non-kumulatif",
            ),
        ],
        [
            (
                "Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum",
                "Terkoordinasinya",
                [
                    (
                        "Persentase Koordinasi Sinergitas dan Harmonisasi Urusan Ketenteraman dan Ketertiban dengan "
                        "Lintas Sektor",
                        "%",
                        "Jumlah rapat koordinasi yang terlaksana / jumlah rapat yang direncanakan x 100%",
                        "Seksi Ketenteraman dan Ketertiban Umum",
                        "non-kumulatif",
                    )
                ],
                [
                    _sub(
                        "Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara Nasional Indonesia dan "
                        "Instansi Vertikal di Wilayah Kecamatan",
                        "Terlaksananya",
                        "Jumlah Laporan Hasil Sinergitas dengan Kepolisian, TNI dan Instansi Vertikal di {locus}",
                        "Laporan",
                        "Jumlah laporan rapat koordinasi Forkopimcam",
                        "Seksi Ketenteraman dan Ketertiban Umum",
                    ),
                    _sub(
                        "Pembinaan Perlindungan Masyarakat (Linmas)",
                        "Terlaksananya",
                        "Jumlah Kegiatan Pembinaan Linmas di {locus}",
                        "Kegiatan",
                        "Jumlah kegiatan pembinaan Linmas",
                        "Seksi Ketenteraman dan Ketertiban Umum",
                    ),
                    _sub(
                        "Monitoring Kegiatan Siskamling",
                        "Terlaksananya",
                        "Jumlah Monitoring Kegiatan Siskamling di {locus}",
                        "Kali",
                        "Jumlah kegiatan monitoring siskamling",
                        "Seksi Ketenteraman dan Ketertiban Umum",
                    ),
                ],
            ),
            (
                "Koordinasi Penerapan dan Penegakan Peraturan Daerah dan Peraturan Kepala Daerah",
                "Terkoordinasinya",
                [
                    (
                        "Jumlah Waktu Koordinasi Penerapan dan Penegakan Peraturan Daerah dan Peraturan Kepala Daerah",
                        "Hari",
                        "Jumlah hari pelaksanaan koordinasi penegakan Perda",
                        "Seksi Ketenteraman dan Ketertiban Umum",
                    )
                ],
                [
                    _sub(
                        "Fasilitasi Penyelenggaraan Ketenteraman dan Ketertiban Umum",
                        "Terfasilitasinya",
                        "Jumlah desa dan kelurahan yang aman dan tertib di {locus}",
                        "Desa",
                        "Jumlah desa dan kelurahan tanpa gangguan trantibum",
                        "Laporan Polsek dan Koramil",
                    ),
                ],
            ),
        ],
    ),
    (
        "Program Penyelenggaraan Urusan Pemerintahan Umum",
        "kualitas penyelenggaraan urusan pemerintahan umum di {locus}",
        [
            (
                "Persentase Pelaksanaan Kegiatan Urusan Pemerintahan Umum",
                "%",
                "Jumlah kegiatan urusan pemerintahan umum yang terlaksana / jumlah kegiatan yang direncanakan x 100%",
                "Seksi Pemerintahan",
                "non-kumulatif",
            )
        ],
        [
            (
                "Penyelenggaraan Urusan Pemerintahan Umum Sesuai Penugasan Kepala Daerah",
                "Terselenggaranya",
                [
                    (
                        "Jumlah Dokumen Urusan Pemerintahan Umum yang Dilaksanakan",
                        "Dokumen",
                        "Jumlah laporan urusan pemerintahan umum yang disusun",
                        "Seksi Pemerintahan",
                    )
                ],
                [
                    _sub(
                        "Pembinaan Wawasan Kebangsaan dan Ketahanan Nasional dalam rangka Memantapkan Pengamalan "
                        "Pancasila",
                        "Terlaksananya",
                        "Jumlah Kegiatan Pembinaan Wawasan Kebangsaan di {locus}",
                        "Kegiatan",
                        "Jumlah kegiatan pembinaan wawasan kebangsaan",
                        "Seksi Pemerintahan",
                    ),
                    _sub(
                        "Pembinaan Kerukunan Antarsuku dan Intrasuku, Umat Beragama, Ras, dan Golongan Lainnya",
                        "Terlaksananya",
                        "Jumlah Kegiatan Pembinaan Kerukunan Umat Beragama di {locus}",
                        "Kegiatan",
                        "Jumlah kegiatan pembinaan kerukunan",
                        "Seksi Kesejahteraan Sosial",
                    ),
                    _sub(
                        "Peringatan Hari Besar Nasional dan Keagamaan",
                        "Terlaksananya",
                        "Jumlah Kegiatan Peringatan Hari Besar Nasional di {locus}",
                        "Kegiatan",
                        "Jumlah kegiatan peringatan hari besar",
                        "Seksi Kesejahteraan Sosial",
                    ),
                ],
            ),
        ],
    ),
    (
        "Program Pembinaan dan Pengawasan Pemerintahan Desa",
        "kualitas tata kelola pemerintahan desa di {locus}",
        [
            (
                "Persentase Desa Tertib Administrasi Keuangan dan Aset Desa",
                "%",
                "Jumlah desa yang tertib administrasi keuangan dan aset / jumlah desa x 100%",
                "Seksi Pemerintahan",
                "non-kumulatif",
            ),
            (
                "Persentase desa yang menetapkan APBDes tepat waktu",
                "%",
                "Jumlah desa yang menetapkan APBDes tepat waktu / jumlah desa x 100%",
                "Seksi Pemerintahan",
                "non-kumulatif",
            ),
        ],
        [
            (
                "Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa",
                "Terlaksananya",
                [
                    (
                        "Jumlah Desa yang Difasilitasi dalam Pembinaan dan Pengawasan Pemerintahan Desa",
                        "Desa",
                        "Jumlah desa yang menerima fasilitasi pembinaan dan pengawasan",
                        "Seksi Pemerintahan",
                    )
                ],
                [
                    _sub(
                        "Fasilitasi Penyusunan Peraturan Desa dan Peraturan Kepala Desa",
                        "Terfasilitasinya",
                        "Jumlah Peraturan Desa dan Peraturan Kepala Desa yang Difasilitasi di {locus}",
                        "Dokumen",
                        "Jumlah Perdes dan Perkades yang difasilitasi penyusunannya",
                        "Seksi Pemerintahan",
                    ),
                    _sub(
                        "Fasilitasi Administrasi Tata Pemerintahan Desa",
                        "Terfasilitasinya",
                        "Jumlah Dokumen yang Difasilitasi dalam rangka Administrasi Tata Pemerintahan Desa di {locus}",
                        "Dokumen",
                        "Jumlah dokumen administrasi desa yang difasilitasi",
                        "Seksi Pemerintahan",
                    ),
                    _sub(
                        "Fasilitasi Pengelolaan Keuangan Desa dan Pendayagunaan Aset Desa",
                        "Terfasilitasinya",
                        "Jumlah Dokumen APBDes yang Diverifikasi di {locus}",
                        "Dokumen",
                        "Jumlah dokumen APBDes yang selesai diverifikasi",
                        "Seksi Pemerintahan",
                    ),
                    _sub(
                        "Fasilitasi Penyusunan Perencanaan Pembangunan Partisipatif",
                        "Terfasilitasinya",
                        "Jumlah Dokumen Fasilitasi Perencanaan Pembangunan Partisipatif di {locus}",
                        "Dokumen",
                        "Jumlah dokumen RKPDes yang difasilitasi",
                        "Seksi Pemberdayaan Masyarakat",
                    ),
                    _sub(
                        "Evaluasi Perkembangan Desa",
                        "Terlaksananya",
                        "Jumlah Laporan Evaluasi Perkembangan Desa di {locus}",
                        "Laporan",
                        "Jumlah laporan evaluasi perkembangan desa",
                        "Seksi Pemerintahan",
                    ),
                ],
            ),
        ],
    ),
]


# --- sector programs of the dinas and badan (one short list each) ---------------------------------------------


def _program(name: str, outcome: str, indicator: tuple, kegiatan: list) -> tuple:
    return (name, outcome, [indicator], kegiatan)


def _kegiatan(name: str, opener: str, indicator: tuple, subs: list) -> tuple:
    return (name, opener, [indicator], subs)


def _ind(name: str, unit: str, formula: str, source: str, calc: str = "non-kumulatif") -> tuple:
    return (name, unit, formula, source, calc)


# (organisation name, type, outcomes of level 1 [(object, indicator)], programs, operational unit kinds (loci),
#  bidang names for the owners of level 2)
OPD = [
    (
        "Dinas Kesehatan",
        "dinas",
        [
            (
                "derajat kesehatan masyarakat",
                _ind(
                    "Angka kematian ibu per 100.000 kelahiran hidup",
                    "per 100.000 KH",
                    "Jumlah kematian ibu / jumlah kelahiran hidup x 100.000",
                    "Profil Kesehatan",
                ),
            ),
            (
                "status gizi balita",
                _ind(
                    "Prevalensi stunting pada balita",
                    "%",
                    "Jumlah balita stunting / jumlah balita yang diukur x 100%",
                    "Aplikasi e-PPGBM",
                ),
            ),
        ],
        [
            _program(
                "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
                "mutu pelayanan kesehatan di {locus}",
                _ind(
                    "Persentase fasilitas kesehatan yang terakreditasi",
                    "%",
                    "Jumlah fasilitas kesehatan terakreditasi / jumlah fasilitas kesehatan x 100%",
                    "Laporan akreditasi",
                ),
                [
                    _kegiatan(
                        "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota",
                        "Tersedianya",
                        _ind(
                            "Persentase ibu hamil yang mendapatkan pelayanan kesehatan sesuai standar",
                            "%",
                            "Jumlah ibu hamil yang dilayani sesuai standar / jumlah sasaran ibu hamil x 100%",
                            "Laporan KIA {locus}",
                        ),
                        [
                            _sub(
                                "Pengelolaan Pelayanan Kesehatan Ibu Hamil",
                                "Terlaksananya",
                                "Jumlah Ibu Hamil yang Mendapatkan Pelayanan Kesehatan Sesuai Standar di {locus}",
                                "Orang",
                                "Jumlah ibu hamil yang mendapat pelayanan antenatal sesuai standar",
                                "Laporan KIA {locus}",
                            ),
                            _sub(
                                "Pengelolaan Pelayanan Kesehatan Balita",
                                "Terlaksananya",
                                "Jumlah Balita yang Mendapatkan Pelayanan Kesehatan Sesuai Standar di {locus}",
                                "Orang",
                                "Jumlah balita yang mendapat pelayanan kesehatan sesuai standar",
                                "Laporan KIA {locus}",
                            ),
                            _sub(
                                "Pengelolaan Pelayanan Kesehatan Gizi Masyarakat",
                                "Terlaksananya",
                                "Jumlah Dokumen Hasil Pengelolaan Pelayanan Kesehatan Gizi Masyarakat di {locus}",
                                "Dokumen",
                                "Jumlah laporan pemantauan status gizi",
                                "Aplikasi e-PPGBM",
                            ),
                            _sub(
                                "Pengelolaan Pelayanan Kesehatan Lingkungan",
                                "Terlaksananya",
                                "Jumlah Desa yang Melaksanakan Sanitasi Total Berbasis Masyarakat di {locus}",
                                "Desa",
                                "Jumlah desa STBM",
                                "Laporan kesehatan lingkungan",
                            ),
                        ],
                    ),
                ],
            ),
        ],
        ["Puskesmas", "Pustu"],
        ["Kesehatan Masyarakat", "Pelayanan Kesehatan", "Pencegahan dan Pengendalian Penyakit"],
    ),
    (
        "Dinas Pendidikan dan Kebudayaan",
        "dinas",
        [
            (
                "akses dan mutu pendidikan dasar",
                _ind(
                    "Angka Partisipasi Murni SD/MI",
                    "%",
                    "Jumlah siswa usia 7-12 tahun / jumlah penduduk usia 7-12 tahun x 100%",
                    "Dapodik",
                ),
            ),
            (
                "kualitas lulusan pendidikan dasar",
                _ind("Rata-rata nilai Asesmen Nasional", "nilai", "Rata-rata skor literasi dan numerasi", "Rapor"),
            ),
        ],
        [
            _program(
                "Program Pengelolaan Pendidikan",
                "mutu layanan pendidikan dasar di {locus}",
                _ind(
                    "Persentase sekolah yang memenuhi standar sarana dan prasarana",
                    "%",
                    "Jumlah sekolah yang memenuhi standar sarpras / jumlah sekolah x 100%",
                    "Dapodik",
                ),
                [
                    _kegiatan(
                        "Pengelolaan Pendidikan Sekolah Dasar",
                        "Terlaksananya",
                        _ind(
                            "Jumlah satuan pendidikan SD yang dikelola",
                            "Unit",
                            "Jumlah SD yang menerima dukungan pengelolaan",
                            "Dapodik",
                            "kumulatif",
                        ),
                        [
                            _sub(
                                "Pembangunan Ruang Kelas Baru",
                                "Terbangunnya",
                                "Jumlah Ruang Kelas Baru yang Dibangun di {locus}",
                                "Unit",
                                "Jumlah ruang kelas baru yang selesai dibangun",
                                "Laporan fisik bidang Sarpras",
                            ),
                            _sub(
                                "Rehabilitasi Sedang/Berat Ruang Kelas Sekolah",
                                "Terlaksananya",
                                "Jumlah Ruang Kelas yang Direhabilitasi di {locus}",
                                "Unit",
                                "Jumlah ruang kelas yang selesai direhabilitasi",
                                "Laporan fisik bidang Sarpras",
                            ),
                            _sub(
                                "Pengadaan Perlengkapan Sekolah",
                                "Tersedianya",
                                "Jumlah Paket Perlengkapan Sekolah yang Disediakan di {locus}",
                                "Paket",
                                "Jumlah paket perlengkapan sekolah yang diserahkan",
                                "Berita acara serah terima",
                            ),
                            _sub(
                                "Penyediaan Biaya Personil Peserta Didik Sekolah Dasar",
                                "Tersedianya",
                                "Jumlah Peserta Didik yang Menerima Bantuan Biaya Personil di {locus}",
                                "Orang",
                                "Jumlah peserta didik penerima bantuan",
                                "Dapodik",
                            ),
                        ],
                    ),
                ],
            ),
        ],
        ["SD Negeri 1", "SD Negeri 2", "SMP Negeri 1"],
        ["Pembinaan Sekolah Dasar", "Pembinaan SMP", "Kebudayaan"],
    ),
    (
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        "dinas",
        [
            (
                "kualitas infrastruktur jalan dan jembatan",
                _ind(
                    "Persentase panjang jalan kabupaten dalam kondisi mantap",
                    "%",
                    "Panjang jalan kondisi baik dan sedang / panjang jalan kabupaten x 100%",
                    "Data kondisi jalan",
                ),
            ),
        ],
        [
            _program(
                "Program Penyelenggaraan Jalan",
                "kemantapan jalan kabupaten di {locus}",
                _ind(
                    "Persentase jalan kabupaten dalam kondisi baik",
                    "%",
                    "Panjang jalan kondisi baik / panjang jalan kabupaten x 100%",
                    "Data kondisi jalan",
                ),
                [
                    _kegiatan(
                        "Penyelenggaraan Jalan Kabupaten/Kota",
                        "Terselenggaranya",
                        _ind(
                            "Panjang jalan kabupaten yang ditangani",
                            "Km",
                            "Jumlah panjang jalan yang direhabilitasi, dipelihara dan dibangun",
                            "Laporan fisik Bidang Bina Marga",
                            "kumulatif",
                        ),
                        [
                            _sub(
                                "Rehabilitasi Jalan",
                                "Terlaksananya",
                                "Panjang Jalan yang Direhabilitasi di {locus}",
                                "Km",
                                "Jumlah panjang jalan yang direhabilitasi",
                                "Laporan fisik Bidang Bina Marga",
                            ),
                            _sub(
                                "Pemeliharaan Berkala Jalan",
                                "Terlaksananya",
                                "Panjang Jalan yang Dipelihara Secara Berkala di {locus}",
                                "Km",
                                "Jumlah panjang jalan yang dipelihara berkala",
                                "Laporan fisik Bidang Bina Marga",
                            ),
                            _sub(
                                "Pembangunan Jembatan",
                                "Terbangunnya",
                                "Panjang Jembatan yang Dibangun di {locus}",
                                "M",
                                "Jumlah panjang jembatan yang selesai dibangun",
                                "Laporan fisik Bidang Bina Marga",
                            ),
                        ],
                    ),
                ],
            ),
        ],
        ["ruas jalan", "UPTD Jalan"],
        ["Bina Marga", "Sumber Daya Air", "Cipta Karya", "Penataan Ruang"],
    ),
    (
        "Dinas Sosial",
        "dinas",
        [
            (
                "kesejahteraan sosial masyarakat",
                _ind(
                    "Persentase PPKS yang tertangani",
                    "%",
                    "Jumlah PPKS yang tertangani / jumlah PPKS x 100%",
                    "Data Terpadu Kesejahteraan Sosial",
                ),
            ),
        ],
        [
            _program(
                "Program Perlindungan dan Jaminan Sosial",
                "perlindungan sosial bagi masyarakat miskin di {locus}",
                _ind(
                    "Persentase keluarga miskin yang menerima bantuan sosial",
                    "%",
                    "Jumlah keluarga miskin penerima bansos / jumlah keluarga miskin x 100%",
                    "Data Terpadu Kesejahteraan Sosial",
                ),
                [
                    _kegiatan(
                        "Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota",
                        "Terkelolanya",
                        _ind(
                            "Jumlah data fakir miskin yang dimutakhirkan",
                            "Dokumen",
                            "Jumlah dokumen DTKS yang dimutakhirkan",
                            "Aplikasi SIKS-NG",
                            "kumulatif",
                        ),
                        [
                            _sub(
                                "Pengelolaan Data Fakir Miskin",
                                "Terlaksananya",
                                "Jumlah Dokumen Hasil Pengelolaan Data Fakir Miskin di {locus}",
                                "Dokumen",
                                "Jumlah dokumen verifikasi dan validasi DTKS",
                                "Aplikasi SIKS-NG",
                            ),
                            _sub(
                                "Monitoring Penyaluran Bantuan Pangan Non Tunai (BPNT)",
                                "Terlaksananya",
                                "Jumlah Laporan Distribusi Bantuan Pangan Non Tunai (BPNT) di {locus}",
                                "Laporan",
                                "Jumlah laporan monitoring penyaluran BPNT",
                                "Laporan TKSK",
                            ),
                            _sub(
                                "Monitoring Program Keluarga Harapan (PKH)",
                                "Terlaksananya",
                                "Jumlah Laporan Monitoring dan Fasilitasi PKH di {locus}",
                                "Laporan",
                                "Jumlah laporan monitoring PKH",
                                "Laporan pendamping PKH",
                            ),
                        ],
                    ),
                ],
            ),
        ],
        ["TKSK", "Pendamping PKH"],
        ["Perlindungan dan Jaminan Sosial", "Rehabilitasi Sosial", "Pemberdayaan Sosial"],
    ),
    (
        "Dinas Kependudukan dan Pencatatan Sipil",
        "dinas",
        [
            (
                "kualitas pelayanan administrasi kependudukan",
                _ind(
                    "Persentase penduduk yang memiliki KTP elektronik",
                    "%",
                    "Jumlah penduduk wajib KTP yang memiliki KTP-el / jumlah penduduk wajib KTP x 100%",
                    "Data SIAK",
                ),
            ),
        ],
        [
            _program(
                "Program Pendaftaran Penduduk",
                "cakupan kepemilikan dokumen kependudukan di {locus}",
                _ind(
                    "Persentase anak yang memiliki Kartu Identitas Anak",
                    "%",
                    "Jumlah anak yang memiliki KIA / jumlah anak x 100%",
                    "Data SIAK",
                ),
                [
                    _kegiatan(
                        "Pelayanan Pendaftaran Penduduk",
                        "Terlaksananya",
                        _ind(
                            "Jumlah dokumen pendaftaran penduduk yang diterbitkan",
                            "Dokumen",
                            "Jumlah KK, KTP-el dan KIA yang diterbitkan",
                            "Data SIAK",
                            "kumulatif",
                        ),
                        [
                            _sub(
                                "Pelayanan Pendaftaran Penduduk Keliling",
                                "Terlaksananya",
                                "Jumlah Dokumen Kependudukan yang Diterbitkan melalui Pelayanan Keliling di {locus}",
                                "Dokumen",
                                "Jumlah dokumen kependudukan hasil pelayanan keliling",
                                "Data SIAK",
                            ),
                            _sub(
                                "Perekaman KTP Elektronik",
                                "Terlaksananya",
                                "Jumlah Penduduk yang Melakukan Perekaman KTP Elektronik di {locus}",
                                "Orang",
                                "Jumlah penduduk wajib KTP yang direkam",
                                "Data SIAK",
                            ),
                        ],
                    ),
                ],
            ),
        ],
        ["Kecamatan"],
        ["Pelayanan Pendaftaran Penduduk", "Pelayanan Pencatatan Sipil"],
    ),
    (
        "Dinas Pertanian dan Ketahanan Pangan",
        "dinas",
        [
            (
                "ketahanan pangan daerah",
                _ind(
                    "Skor Pola Pangan Harapan",
                    "skor",
                    "Skor PPH hasil analisis konsumsi pangan",
                    "Laporan analisis PPH",
                ),
            ),
        ],
        [
            _program(
                "Program Penyediaan dan Pengembangan Sarana Pertanian",
                "produktivitas pertanian di {locus}",
                _ind(
                    "Produktivitas padi per hektar",
                    "ton/ha",
                    "Jumlah produksi padi / luas panen padi",
                    "Data statistik pertanian",
                ),
                [
                    _kegiatan(
                        "Pengawasan Penggunaan Sarana Pendukung Pertanian",
                        "Terlaksananya",
                        _ind(
                            "Jumlah kelompok tani yang menerima sarana pertanian",
                            "Kelompok",
                            "Jumlah kelompok tani penerima bantuan sarana pertanian",
                            "Laporan penyuluh pertanian",
                            "kumulatif",
                        ),
                        [
                            _sub(
                                "Penyediaan Benih Padi Unggul",
                                "Tersedianya",
                                "Jumlah Benih Padi Unggul yang Disalurkan di {locus}",
                                "Ton",
                                "Jumlah benih padi yang disalurkan kepada kelompok tani",
                                "Laporan penyuluh pertanian",
                            ),
                            _sub(
                                "Pendampingan Kelompok Tani",
                                "Terlaksananya",
                                "Jumlah Kelompok Tani yang Didampingi di {locus}",
                                "Kelompok",
                                "Jumlah kelompok tani yang didampingi penyuluh",
                                "Laporan penyuluh pertanian",
                            ),
                        ],
                    ),
                ],
            ),
        ],
        ["BPP", "UPTD Pertanian"],
        ["Tanaman Pangan", "Hortikultura", "Ketahanan Pangan"],
    ),
    (
        "Dinas Lingkungan Hidup",
        "dinas",
        [
            (
                "kualitas lingkungan hidup",
                _ind(
                    "Indeks Kualitas Lingkungan Hidup",
                    "indeks",
                    "Nilai IKLH hasil perhitungan KLHK",
                    "Laporan IKLH",
                ),
            ),
        ],
        [
            _program(
                "Program Pengelolaan Persampahan",
                "pengelolaan sampah di {locus}",
                _ind(
                    "Persentase sampah yang tertangani",
                    "%",
                    "Volume sampah yang tertangani / volume timbulan sampah x 100%",
                    "Data persampahan",
                ),
                [
                    _kegiatan(
                        "Pengelolaan Sampah",
                        "Terlaksananya",
                        _ind(
                            "Volume sampah yang diangkut ke TPA",
                            "Ton",
                            "Jumlah sampah yang diangkut ke TPA dalam satu tahun",
                            "Data timbangan TPA",
                            "kumulatif",
                        ),
                        [
                            _sub(
                                "Penyediaan Sarana dan Prasarana Pengelolaan Sampah",
                                "Tersedianya",
                                "Jumlah Sarana Pengelolaan Sampah yang Disediakan di {locus}",
                                "Unit",
                                "Jumlah TPS dan kendaraan sampah yang tersedia",
                                "Data persampahan",
                            ),
                            _sub(
                                "Pembinaan Bank Sampah",
                                "Terlaksananya",
                                "Jumlah Bank Sampah yang Dibina di {locus}",
                                "Unit",
                                "Jumlah bank sampah aktif yang dibina",
                                "Data persampahan",
                            ),
                        ],
                    ),
                ],
            ),
        ],
        ["TPS", "Bank Sampah"],
        ["Pengelolaan Sampah", "Penaatan dan Peningkatan Kapasitas Lingkungan"],
    ),
    (
        "Satuan Polisi Pamong Praja",
        "dinas",
        [
            (
                "ketenteraman dan ketertiban umum daerah",
                _ind(
                    "Persentase penegakan Perda yang ditindaklanjuti",
                    "%",
                    "Jumlah pelanggaran Perda yang ditindaklanjuti / jumlah pelanggaran Perda x 100%",
                    "Laporan Satpol PP",
                ),
            ),
        ],
        [
            _program(
                "Program Peningkatan Ketenteraman dan Ketertiban Umum",
                "ketertiban umum di {locus}",
                _ind(
                    "Persentase gangguan trantibum yang tertangani",
                    "%",
                    "Jumlah gangguan trantibum yang tertangani / jumlah gangguan trantibum x 100%",
                    "Laporan Satpol PP",
                ),
                [
                    _kegiatan(
                        "Penanganan Gangguan Ketenteraman dan Ketertiban Umum dalam 1 (satu) Daerah Kabupaten/Kota",
                        "Tertanganinya",
                        _ind(
                            "Jumlah gangguan trantibum yang ditangani",
                            "Kasus",
                            "Jumlah kasus gangguan trantibum yang ditangani",
                            "Laporan Satpol PP",
                            "kumulatif",
                        ),
                        [
                            _sub(
                                "Patroli Ketenteraman dan Ketertiban Umum",
                                "Terlaksananya",
                                "Jumlah Patroli Ketenteraman dan Ketertiban Umum di {locus}",
                                "Kali",
                                "Jumlah patroli yang dilaksanakan",
                                "Laporan Satpol PP",
                            ),
                            _sub(
                                "Penertiban Pedagang Kaki Lima",
                                "Terlaksananya",
                                "Jumlah Kegiatan Penertiban Pedagang Kaki Lima di {locus}",
                                "Kegiatan",
                                "Jumlah kegiatan penertiban PKL",
                                "Laporan Satpol PP",
                            ),
                        ],
                    ),
                ],
            ),
        ],
        ["Pos Satpol PP"],
        ["Penegakan Perda", "Ketertiban Umum", "Perlindungan Masyarakat"],
    ),
    (
        "Badan Perencanaan Pembangunan Daerah",
        "badan",
        [
            (
                "kualitas perencanaan pembangunan daerah",
                _ind(
                    "Persentase keselarasan program RPJMD dan RKPD",
                    "%",
                    "Jumlah program RKPD yang selaras dengan RPJMD / jumlah program RPJMD x 100%",
                    "Dokumen RPJMD dan RKPD",
                ),
            ),
        ],
        [
            _program(
                "Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah",
                "kualitas perencanaan pembangunan di {locus}",
                _ind(
                    "Persentase usulan Musrenbang yang diakomodir dalam RKPD",
                    "%",
                    "Jumlah usulan Musrenbang yang masuk RKPD / jumlah usulan Musrenbang x 100%",
                    "Aplikasi SIPD",
                ),
                [
                    _kegiatan(
                        "Koordinasi Penyusunan Dokumen Perencanaan Pembangunan Daerah",
                        "Tersusunnya",
                        _ind(
                            "Jumlah dokumen perencanaan pembangunan daerah yang disusun",
                            "Dokumen",
                            "Jumlah dokumen RPJMD, RKPD dan perubahannya yang ditetapkan",
                            "Bidang Perencanaan",
                            "kumulatif",
                        ),
                        [
                            _sub(
                                "Pelaksanaan Musrenbang Kecamatan",
                                "Terlaksananya",
                                "Jumlah Laporan Pelaksanaan Musrenbang di {locus}",
                                "Laporan",
                                "Jumlah Musrenbang kecamatan yang didampingi",
                                "Bidang Perencanaan",
                            ),
                            _sub(
                                "Pengendalian dan Evaluasi Pelaksanaan RKPD",
                                "Terlaksananya",
                                "Jumlah Laporan Pengendalian dan Evaluasi RKPD di {locus}",
                                "Laporan",
                                "Jumlah laporan evaluasi triwulanan RKPD",
                                "Bidang Pengendalian dan Evaluasi",
                            ),
                        ],
                    ),
                ],
            ),
        ],
        ["Kecamatan"],
        ["Perencanaan", "Pengendalian dan Evaluasi", "Penelitian dan Pengembangan"],
    ),
    (
        "Badan Pengelolaan Keuangan dan Aset Daerah",
        "badan",
        [
            (
                "akuntabilitas pengelolaan keuangan daerah",
                _ind(
                    "Opini BPK atas Laporan Keuangan Pemerintah Daerah",
                    "opini",
                    "Opini BPK atas LKPD",
                    "LHP BPK",
                ),
            ),
        ],
        [
            _program(
                "Program Pengelolaan Keuangan Daerah",
                "tertib pengelolaan keuangan daerah di {locus}",
                _ind(
                    "Persentase SKPD yang menyampaikan laporan keuangan tepat waktu",
                    "%",
                    "Jumlah SKPD yang tepat waktu / jumlah SKPD x 100%",
                    "Bidang Akuntansi",
                ),
                [
                    _kegiatan(
                        "Penyusunan Laporan Keuangan Pemerintah Daerah",
                        "Tersusunnya",
                        _ind(
                            "Jumlah Laporan Keuangan Pemerintah Daerah yang disusun",
                            "Laporan",
                            "Jumlah LKPD unaudited dan audited yang disusun",
                            "Bidang Akuntansi",
                            "kumulatif",
                        ),
                        [
                            _sub(
                                "Rekonsiliasi Aset Daerah",
                                "Terlaksananya",
                                "Jumlah Berita Acara Rekonsiliasi Aset di {locus}",
                                "Dokumen",
                                "Jumlah berita acara rekonsiliasi aset yang ditandatangani",
                                "Bidang Aset",
                            ),
                            _sub(
                                "Pembinaan Penatausahaan Keuangan SKPD",
                                "Terlaksananya",
                                "Jumlah SKPD yang Dibina dalam Penatausahaan Keuangan di {locus}",
                                "SKPD",
                                "Jumlah SKPD yang menerima pembinaan",
                                "Bidang Perbendaharaan",
                            ),
                        ],
                    ),
                ],
            ),
        ],
        ["Kecamatan"],
        ["Anggaran", "Perbendaharaan", "Akuntansi", "Aset"],
    ),
    (
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "badan",
        [
            (
                "profesionalitas aparatur sipil negara",
                _ind(
                    "Indeks Profesionalitas ASN",
                    "indeks",
                    "Nilai indeks profesionalitas ASN hasil pengukuran BKN",
                    "Laporan BKN",
                ),
            ),
        ],
        [
            _program(
                "Program Kepegawaian Daerah",
                "kompetensi aparatur di {locus}",
                _ind(
                    "Persentase ASN yang mengikuti pengembangan kompetensi 20 JP",
                    "%",
                    "Jumlah ASN yang mengikuti 20 JP / jumlah ASN x 100%",
                    "Aplikasi SIMPEG",
                ),
                [
                    _kegiatan(
                        "Pengembangan Kompetensi Aparatur Sipil Negara",
                        "Terlaksananya",
                        _ind(
                            "Jumlah ASN yang ditingkatkan kompetensinya",
                            "Orang",
                            "Jumlah ASN peserta pengembangan kompetensi",
                            "Aplikasi SIMPEG",
                            "kumulatif",
                        ),
                        [
                            _sub(
                                "Pelaksanaan Pelatihan Kepemimpinan",
                                "Terlaksananya",
                                "Jumlah ASN yang Mengikuti Pelatihan Kepemimpinan di {locus}",
                                "Orang",
                                "Jumlah ASN yang lulus pelatihan kepemimpinan",
                                "Aplikasi SIMPEG",
                            ),
                            _sub(
                                "Penilaian Kinerja ASN",
                                "Terlaksananya",
                                "Jumlah Dokumen Penilaian Kinerja ASN di {locus}",
                                "Dokumen",
                                "Jumlah dokumen SKP yang dinilai",
                                "Aplikasi e-Kinerja",
                            ),
                        ],
                    ),
                ],
            ),
        ],
        ["Kecamatan"],
        ["Mutasi dan Promosi", "Pengembangan Kompetensi"],
    ),
    (
        "Badan Penanggulangan Bencana Daerah",
        "badan",
        [
            (
                "ketangguhan masyarakat menghadapi bencana",
                _ind(
                    "Indeks Risiko Bencana",
                    "indeks",
                    "Nilai indeks risiko bencana hasil kajian BNPB",
                    "Dokumen kajian risiko bencana",
                ),
            ),
        ],
        [
            _program(
                "Program Penanggulangan Bencana",
                "kesiapsiagaan masyarakat terhadap bencana di {locus}",
                _ind(
                    "Persentase desa tangguh bencana",
                    "%",
                    "Jumlah desa tangguh bencana / jumlah desa rawan bencana x 100%",
                    "Data BPBD",
                ),
                [
                    _kegiatan(
                        "Pelayanan Pencegahan dan Kesiapsiagaan terhadap Bencana",
                        "Terlaksananya",
                        _ind(
                            "Jumlah desa yang mendapat sosialisasi kesiapsiagaan bencana",
                            "Desa",
                            "Jumlah desa peserta sosialisasi kesiapsiagaan bencana",
                            "Data BPBD",
                            "kumulatif",
                        ),
                        [
                            _sub(
                                "Pembentukan Desa Tangguh Bencana",
                                "Terbentuknya",
                                "Jumlah Desa Tangguh Bencana yang Dibentuk di {locus}",
                                "Desa",
                                "Jumlah desa tangguh bencana yang ditetapkan",
                                "Data BPBD",
                            ),
                            _sub(
                                "Sosialisasi Kesiapsiagaan Bencana",
                                "Terlaksananya",
                                "Jumlah Peserta Sosialisasi Kesiapsiagaan Bencana di {locus}",
                                "Orang",
                                "Jumlah peserta sosialisasi",
                                "Data BPBD",
                            ),
                        ],
                    ),
                ],
            ),
        ],
        ["Kecamatan", "Desa Tangguh Bencana"],
        ["Pencegahan dan Kesiapsiagaan", "Kedaruratan dan Logistik"],
    ),
]

# Level 1 of a kecamatan: (object, indicator)
KECAMATAN_OUTCOMES = [
    ("kualitas pelayanan publik di {org}", IKM),
    (
        "kualitas penyelenggaraan pemerintahan desa dan kelurahan",
        (
            "Persentase desa dan kelurahan cepat berkembang",
            "%",
            "Jumlah desa dan kelurahan berstatus berkembang, maju atau mandiri / jumlah desa dan kelurahan x 100%",
            "Data Indeks Desa Membangun",
            "non-kumulatif",
        ),
    ),
    (
        "stabilitas ketenteraman dan ketertiban umum di {org}",
        (
            "Persentase penurunan gangguan trantibum di wilayah desa dan kelurahan",
            "%",
            "(Jumlah gangguan tahun lalu - jumlah gangguan tahun ini) / jumlah gangguan tahun lalu x 100%",
            "Laporan Polsek dan Koramil",
            "non-kumulatif",
        ),
    ),
    ("akuntabilitas kinerja {org}", SAKIP),
    (
        "keberdayaan masyarakat desa dan kelurahan",
        (
            "Persentase lembaga kemasyarakatan yang aktif",
            "%",
            "Jumlah lembaga kemasyarakatan yang aktif / jumlah lembaga kemasyarakatan x 100%",
            "Seksi Pemberdayaan Masyarakat",
            "non-kumulatif",
        ),
    ),
]
SHARED_OUTCOMES = [("akuntabilitas kinerja {org}", SAKIP), ("kualitas pelayanan publik {org}", IKM)]

# Pairs an organisation may write in either order ("Pembinaan dan Pengawasan" / "Pengawasan dan Pembinaan")
COORDINATED = [
    ("desa", "kelurahan"),
    ("pembinaan", "pengawasan"),
    ("perencanaan", "keuangan"),
    ("umum", "kepegawaian"),
    ("tugas", "fungsi"),
    ("koordinasi", "penyusunan"),
    ("ketenteraman", "ketertiban"),
    ("peralatan", "perlengkapan"),
    ("gaji", "tunjangan"),
    ("sarana", "prasarana"),
    ("pencegahan", "kesiapsiagaan"),
    ("pendidikan", "pelatihan"),
    ("nasional", "keagamaan"),
    ("penerapan", "penegakan"),
    ("dokumen", "laporan"),
    ("perencanaan", "pelaporan"),
    ("kabupaten", "kota"),
    ("pemeliharaan", "rehabilitasi"),
]

# Openers by level (level 1 and 2 state conditions, 3 and 4 outputs); a few organisations write their outcome
# levels with activity words (a defect goal-is-activity reports)
OUTCOME_OPENERS = ["Meningkatnya", "Meningkatnya", "Terwujudnya", "Membaiknya", "Optimalnya", "Terjaminnya"]
ACTIVITY_OPENERS = ["Penyusunan", "Pelaksanaan", "Peningkatan", "Pembinaan"]

# The level labels an organisation writes (each organisation keeps one style; all are in rules/levels.yaml)
LEVEL_STYLES = [
    ["Ultimate Outcome", "Intermediate Outcome", "Immediate Outcome", "Output", "Proses"],
    ["Tujuan", "Sasaran Strategis", "Sasaran Program", "Sasaran Kegiatan", "Sasaran Sub Kegiatan"],
    ["Tujuan", "kondisi antara utama", "kondisi antara", "kondisi operasional", "kondisi paling operasional"],
    ["kinerja utama", "kinerja strategis", "kinerja taktikal", "kinerja operasional", "rencana aksi"],
    ["Tujuan PD", "Sasaran PD", "Sasaran Program", "Sasaran Kegiatan", "Sub Kegiatan"],
]

# Owners: kecamatan sections and staff; OPD staff
KECAMATAN_SECTIONS = [
    ("Kasi Pemerintahan", "Seksi Pemerintahan"),
    ("Kasi Pemberdayaan Masyarakat", "Seksi Pemberdayaan Masyarakat"),
    ("Kasi Ketenteraman dan Ketertiban Umum", "Seksi Ketenteraman dan Ketertiban Umum"),
    ("Kasi Pelayanan Umum", "Seksi Pelayanan Umum"),
    ("Kasi Kesejahteraan Sosial", "Seksi Kesejahteraan Sosial"),
    ("Kasubbag Umum dan Kepegawaian", "Subbagian Umum dan Kepegawaian"),
    ("Kasubbag Perencanaan dan Keuangan", "Subbagian Perencanaan dan Keuangan"),
]
STAFF = [
    "Pengadministrasi Umum",
    "Pengelola Data",
    "Bendahara Pengeluaran",
    "Pengadministrasi Keuangan",
    "Analis Kebijakan",
    "Pengelola Barang Milik Daerah",
    "Pengadministrasi Perkantoran",
    "Penata Laporan Keuangan",
    "Analis Pemerintahan",
    "Pranata Komputer",
    "Perencana Ahli Pertama",
]
OWNER_PLACEHOLDERS = ["-", "belum ada", "?"]

# Crosscutting partners named as bodies
PARTNERS = ["Satpol PP", "BKPSDM", "Dinas Sosial", "Polsek", "Koramil", "Puskesmas", "Bappeda", "Dinas PMD"]

# Place names: kecamatan and desa names are built from these (as so many Indonesian place names are)
PLACE_HEADS = [
    "Suka",
    "Sido",
    "Karang",
    "Mekar",
    "Sumber",
    "Tanjung",
    "Batu",
    "Sungai",
    "Wono",
    "Rejo",
    "Banyu",
    "Tegal",
    "Pasir",
    "Bukit",
    "Kebon",
    "Cempaka",
    "Pagar",
    "Teluk",
    "Gunung",
    "Muara",
    "Air",
    "Lubuk",
    "Padang",
    "Kuta",
    "Loa",
    "Rantau",
    "Sri",
    "Jati",
    "Margo",
    "Tirta",
]
PLACE_TAILS = [
    "maju",
    "mulya",
    "jaya",
    "sari",
    "rejo",
    "makmur",
    "asri",
    "agung",
    "harjo",
    "mukti",
    "wangi",
    "indah",
    "baru",
    "raya",
    "tengah",
    "lestari",
    "damai",
    "sentosa",
    "kencana",
    "laut",
    "mas",
    "kerta",
    "putih",
    "hijau",
    "tinggi",
    "bening",
    "jernih",
    "pinang",
    "rambutan",
    "kelapa",
]
KABUPATEN = "Kabupaten Tanah Sentosa"
NEIGHBOURS = ["Kabupaten Lembah Hijau", "Kabupaten Pesisir Raya"]

# Indicators planners make up from the name of a kegiatan or sub kegiatan ({x}, lower case)
DERIVED = [
    ("Jumlah laporan {x}", "Laporan", "Jumlah laporan {x} yang disusun dalam satu tahun", "Laporan kegiatan"),
    (
        "Persentase pelaksanaan {x} tepat waktu",
        "%",
        "Jumlah tahapan {x} yang selesai tepat waktu / jumlah tahapan x 100%",
        "Laporan kegiatan",
        "non-kumulatif",
    ),
]
