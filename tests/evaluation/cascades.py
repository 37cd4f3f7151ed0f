"""Small constructed cascades for the evaluation's tests, and how to evaluate one.

BASE is a clean nine-goal kecamatan cascade (texts taken from samples/clean.yaml): one ultimate outcome,
two intermediate outcomes, an immediate outcome, an output and a process under each, every goal with an
owner of a fitting rank and one indicator with formula, unit, source and targets, one crosscutting link.
A test copies it (`base()`), changes what its criterion looks at, and evaluates it (`evaluate`).
"""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

from kinerja_graph import evaluation, pipeline
from kinerja_graph.evaluation import Evaluation


def _indicator(name: str, formula: str, unit: str, source: str, targets: tuple[str, str]) -> dict:
    return {
        "name": name,
        "formula": formula,
        "unit": unit,
        "calculation": "non-kumulatif",
        "source": source,
        "targets": {2025: targets[0], 2026: targets[1]},
    }


BASE: dict = {
    "kinerja": 1,
    "organisation": {"name": "Kecamatan Sukamaju", "type": "kecamatan", "id": "sukamaju"},
    "period": [2025, 2026],
    "nodes": [
        {
            "id": "1",
            "statement": "Meningkatnya kinerja penyelenggaraan pemerintahan Kecamatan Sukamaju",
            "level": "Ultimate Outcome",
            "owner": "Camat",
            "indicators": [
                _indicator(
                    "Nilai evaluasi kinerja penyelenggaraan pemerintahan kecamatan",
                    "Jumlah skor capaian seluruh aspek evaluasi kinerja penyelenggaraan pemerintahan kecamatan / "
                    "jumlah skor maksimal seluruh aspek × 100",
                    "nilai",
                    "Laporan hasil evaluasi kinerja kecamatan oleh Bagian Tata Pemerintahan Sekretariat Daerah",
                    ("76", "78"),
                )
            ],
        },
        {
            "id": "1.1",
            "parent": "1",
            "statement": "Meningkatnya kualitas pelayanan publik kecamatan",
            "level": "Intermediate Outcome",
            "owner": "Camat",
            "indicators": [
                _indicator(
                    "Indeks Kepuasan Masyarakat",
                    "(Jumlah nilai persepsi masyarakat per unsur pelayanan / jumlah unsur pelayanan yang terisi) × "
                    "nilai penimbang × 25, dari survei kepuasan masyarakat menurut PermenPANRB 14/2017",
                    "indeks",
                    "Laporan hasil survei kepuasan masyarakat Kecamatan Sukamaju",
                    ("82", "83"),
                )
            ],
        },
        {
            "id": "1.2",
            "parent": "1",
            "statement": "Meningkatnya kemandirian desa",
            "level": "Intermediate Outcome",
            "owner": "Camat",
            "indicators": [
                _indicator(
                    "Persentase desa berstatus mandiri",
                    "Jumlah desa berstatus mandiri menurut Indeks Desa / jumlah seluruh desa di wilayah kecamatan "
                    "(12 desa) × 100 %",
                    "%",
                    "Keputusan Menteri Desa dan Pembangunan Daerah Tertinggal tentang status Indeks Desa",
                    ("16,67", "25"),
                )
            ],
        },
        {
            "id": "1.1.1",
            "parent": "1.1",
            "statement": "Meningkatnya kualitas pelayanan administrasi terpadu kecamatan",
            "level": "Immediate Outcome",
            "owner": "Kasi Pelayanan Umum",
            "crosscutting": ["Dinas Kependudukan dan Pencatatan Sipil"],
            "indicators": [
                _indicator(
                    "Persentase pelayanan administrasi yang diselesaikan tepat waktu",
                    "Jumlah permohonan pelayanan administrasi yang diselesaikan dalam waktu standar pelayanan / "
                    "jumlah permohonan pelayanan administrasi yang diterima × 100 %",
                    "%",
                    "Register pelayanan administrasi terpadu kecamatan (PATEN)",
                    ("85", "88"),
                )
            ],
        },
        {
            "id": "1.2.1",
            "parent": "1.2",
            "statement": "Meningkatnya kualitas tata kelola pemerintahan desa",
            "level": "Immediate Outcome",
            "owner": "Kasi Pemerintahan",
            "indicators": [
                _indicator(
                    "Persentase desa yang tertib administrasi pemerintahan",
                    "Jumlah desa yang tertib administrasi pemerintahan berdasarkan hasil evaluasi kecamatan / "
                    "jumlah seluruh desa di wilayah kecamatan (12 desa) × 100 %",
                    "%",
                    "Laporan hasil evaluasi administrasi pemerintahan desa Kecamatan Sukamaju",
                    ("58,33", "66,67"),
                )
            ],
        },
        {
            "id": "1.1.1.1",
            "parent": "1.1.1",
            "statement": "Terlaksananya pelayanan administrasi kependudukan tingkat kecamatan",
            "level": "Output",
            "owner": "Kasi Pelayanan Umum",
            "indicators": [
                _indicator(
                    "Persentase berkas administrasi kependudukan yang terverifikasi lengkap",
                    "Jumlah berkas administrasi kependudukan yang terverifikasi lengkap / jumlah berkas "
                    "administrasi kependudukan yang diterima × 100 %",
                    "%",
                    "Buku register pelayanan administrasi kependudukan kecamatan",
                    ("90", "92"),
                )
            ],
        },
        {
            "id": "1.2.1.1",
            "parent": "1.2.1",
            "statement": "Terfasilitasinya pengelolaan keuangan desa",
            "level": "Output",
            "owner": "Kasi Pemerintahan",
            "indicators": [
                _indicator(
                    "Jumlah desa yang difasilitasi dalam pengelolaan keuangan desa",
                    "Dihitung dari desa yang menerima fasilitasi evaluasi rancangan APBDes dan pembinaan "
                    "penatausahaan keuangan desa dalam satu tahun",
                    "desa",
                    "Laporan fasilitasi pengelolaan keuangan desa Seksi Pemerintahan",
                    ("12", "12"),
                )
            ],
        },
        {
            "id": "1.1.1.1.1",
            "parent": "1.1.1.1",
            "statement": "Pelaksanaan verifikasi berkas permohonan KTP-el, kartu keluarga dan akta",
            "level": "Proses",
            "owner": "Pengelola Data Kependudukan",
            "indicators": [
                _indicator(
                    "Jumlah laporan hasil verifikasi berkas administrasi kependudukan",
                    "Dihitung dari laporan bulanan hasil verifikasi berkas administrasi kependudukan yang "
                    "diserahkan kepada Kasi Pelayanan Umum dalam satu tahun",
                    "laporan",
                    "Arsip laporan bulanan Seksi Pelayanan Umum",
                    ("12", "12"),
                )
            ],
        },
        {
            "id": "1.2.1.1.1",
            "parent": "1.2.1.1",
            "statement": "Pendampingan penatausahaan keuangan desa",
            "level": "Proses",
            "owner": "Analis Pemerintahan",
            "indicators": [
                _indicator(
                    "Jumlah kegiatan pendampingan penatausahaan keuangan desa",
                    "Dihitung dari kegiatan pendampingan penatausahaan keuangan desa yang tercatat dalam berita "
                    "acara, dua kali per desa dalam satu tahun",
                    "kegiatan",
                    "Berita acara pendampingan keuangan desa Seksi Pemerintahan",
                    ("24", "24"),
                )
            ],
        },
    ],
}


def base() -> dict:
    """A fresh copy of BASE to change."""
    return copy.deepcopy(BASE)


def node(doc: dict, node_id: str) -> dict:
    return next(n for n in doc["nodes"] if n["id"] == node_id)


def at_levels(doc: dict, *levels: str) -> list[dict]:
    return [n for n in doc["nodes"] if n.get("level") in levels]


OUTCOMES = ("Ultimate Outcome", "Intermediate Outcome", "Immediate Outcome")
OPERATIONAL = ("Output", "Proses")


def run(doc: dict, tmp_path: Path, name: str = "cascade.yaml") -> pipeline.FileResult:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return pipeline.run([str(path)]).results[0]


def evaluate(doc: dict, tmp_path: Path, lang: str = "en") -> Evaluation:
    """The evaluation of a constructed cascade, written to a file and read through the pipeline."""
    return evaluation.evaluate(run(doc, tmp_path).report, lang)


def answer(ev: Evaluation, criterion: str) -> str:
    found = ev.criterion(criterion)
    assert found is not None, criterion
    return found.answer
