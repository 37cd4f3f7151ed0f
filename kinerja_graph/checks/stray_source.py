"""stray-source: a data source that is a stray fragment or obviously not a source."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from kinerja_graph.checks._judge import judged_indicators
from kinerja_graph.checks._measures import IndicatorVocabulary, Phrases, measures, without_brackets, words
from kinerja_graph.checks._quote import indicator_location, quote
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.findings import Finding
from kinerja_graph.similarity import TextVocabulary, normalised
from kinerja_graph.text import normalise


class StraySource(Rule):
    id = "stray-source"
    area = "indicators"
    lke = "2.a.3"
    summary = {
        "id": "Sumber data berupa potongan teks atau sesuatu yang jelas bukan sumber data",
        "en": "A data source that is a stray fragment or obviously not a source",
    }
    rationale = {
        "id": "LKE 2.a.3 (PermenPANRB 88/2021) menuntut mekanisme pengumpulan data yang andal: sumber data harus "
        "menyebut dokumen, aplikasi, survei atau unit penyedia data. Potongan huruf, angka, satuan atau kata "
        '"Ada" pada kolom sumber data biasanya menandakan kolom yang bergeser atau tidak diisi.',
        "en": "LKE 2.a.3 (PermenPANRB 88/2021) requires a reliable data-collection mechanism: the data source names a "
        "document, application, survey or unit providing the data. Stray letters, a number, a unit or the word "
        '"Ada" in the source column usually mean a shifted or unfilled column.',
    }
    messages = {
        "short": {
            "id": 'Sumber data indikator "{indicator}" hanya berisi "{source}", terlalu pendek untuk menyebut sumber '
            "data",
            "en": 'The data source of indicator "{indicator}" is only "{source}": too short to name a source',
        },
        "number": {
            "id": 'Sumber data indikator "{indicator}" berisi "{source}", yaitu angka, bukan sumber data; dokumen, '
            "aplikasi, survei atau unit penyedia datanya perlu disebutkan",
            "en": 'The data source of indicator "{indicator}" is "{source}": that is a number, not a source; name the '
            "document, application, survey or unit providing the data",
        },
        "word": {
            "id": 'Sumber data indikator "{indicator}" berisi "{source}", yaitu satuan atau isian kolom lain, bukan '
            "sumber data; dokumen, aplikasi, survei atau unit penyedia datanya perlu disebutkan",
            "en": 'The data source of indicator "{indicator}" is "{source}": that is a unit or another column\'s '
            "value, not a source; name the document, application, survey or unit providing the data",
        },
        "position": {
            "id": 'Sumber data indikator "{indicator}" berisi "{source}", yaitu jabatan, bukan sumber data; '
            "dokumen, aplikasi, survei atau unit penyedia datanya perlu disebutkan",
            "en": 'The data source of indicator "{indicator}" is "{source}": that is a position, not a source; name '
            "the document, application, survey or unit providing the data",
        },
    }
    options_schema = {
        "min-length": {
            "description": "A source with fewer letters and digits than this (but at least two) is too short.",
            "type": "integer",
            "minimum": 2,
        },
        "known-short": {
            "description": 'Short sources that are real ("BPS", "PD"), compared ignoring case and punctuation.',
            "type": "array",
            "items": {"type": "string"},
        },
        "positions": {
            "description": "Report a source that names a position (any of the owners vocabulary, or an owner of the "
            "cascade) and no record.",
            "type": "boolean",
        },
        "not-sources": {
            "description": "Words that, alone or together, are not a data source: units, yes/no, calculation types.",
            "type": "array",
            "items": {"type": "string"},
        },
    }
    doc = """\
## What it does
Reports a data source (sumber data) that is written but cannot be a source:

- too short: fewer than `min-length` letters and digits ("sd", "x."), unless listed in
  `known-short` ("BPS"). A single character ("s", as one Sokaraja row has) or nothing at all is
  `missing-source`'s (its own `min-length`), so it is not reported twice;
- obviously not a source: only numbers or a percentage ("100", "85 %", "2022"), or only words from
  `not-sources`: units ("Orang", "Unit", "Kegiatan", "Bulan"), yes/no ("Ada", "Tersedia"),
  calculation types ("Kumulatif") — the value of a neighbouring column;
- with `positions` (default true), a position: a source that opens with a position of the owners
  vocabulary (rules/vocabulary/owners.yaml, whoever owns what in this cascade: "Kasi Ekbang", "Kasi
  Pemerintahan Desa Kecamatan Sokaraja"), with or without a bracket after it ("Pengadministrasi
  Keuangan (Umum, Kepegawaian, Keuangan dan Aset)"), or that is the owner of a goal of this cascade
  (Pujon's courier gives "Caraka", himself, as the source of his indicator; the Bendahara gives
  "Pengadministrasi Keuangan", a colleague), and that names no record (`sources.documents` of
  rules/vocabulary/indicators.yaml: "Data Kasi Permas" is a source). A person is not a data source,
  the document or application that person keeps is. An organisational unit is one ("Seksi
  Pemerintahan", "Sub Bagian Umum": `sources.units`), and bodies outside the organisation ("Pemerintah
  Desa Ngroto") are not positions here.

A vague but real source ("Kecamatan", "Desa", "Masyarakat", "Laporan") is `vague-source`'s.

## Why it matters
The source is how an evaluator verifies the realisation (LKE 2.a.3). A stray fragment or another
column's value means the source was never filled in.

## Example
```yaml
nodes:
  - id: "1"
    statement: Tersedianya komponen instalasi listrik kantor
    level: process
    indicators:
      - {name: Jumlah alat listrik yang tersedia, source: "Kumulatif"}
      - {name: Jumlah lampu yang diganti, source: "sd"}
```

## Fix
```yaml
nodes:
  - id: "1"
    statement: Tersedianya komponen instalasi listrik kantor
    level: process
    indicators:
      - {name: Jumlah alat listrik yang tersedia, source: Data pengadministrasi barang}
      - {name: Jumlah lampu yang diganti, source: SPJ pemeliharaan kantor}
```

## Options
- `min-length` (integer, default 3): the fewest letters and digits a source needs.
- `known-short` (list): short sources that are real.
- `not-sources` (list): words that are not a source, alone or together.
- `positions` (boolean, default true): report a source that is a position.
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini melaporkan sumber data yang diisi tetapi tidak mungkin merupakan sumber data:

- terlalu pendek: huruf dan angkanya lebih sedikit dari `min-length` ("sd", "x."), kecuali tercantum
  dalam `known-short` ("BPS"). Satu karakter ("s", seperti pada salah satu baris Sokaraja) atau isian
  kosong diperiksa oleh `missing-source` (dengan `min-length`-nya sendiri), sehingga tidak dilaporkan dua
  kali;
- jelas bukan sumber data: hanya angka atau persentase ("100", "85 %", "2022"), atau hanya kata dari
  `not-sources`: satuan ("Orang", "Unit", "Kegiatan", "Bulan"), ya/tidak ("Ada", "Tersedia"), jenis
  perhitungan ("Kumulatif") — isian kolom di sebelahnya;
- dengan `positions` (bawaan true), jabatan: sumber data yang diawali jabatan dari kosakata penanggung
  jawab (rules/vocabulary/owners.yaml, siapa pun yang memegang kinerja dalam pohon kinerja ini: "Kasi
  Ekbang", "Kasi Pemerintahan Desa Kecamatan Sokaraja"), dengan atau tanpa keterangan dalam kurung
  sesudahnya ("Pengadministrasi Keuangan (Umum, Kepegawaian, Keuangan dan Aset)"), atau yang merupakan
  penanggung jawab salah satu kinerja dalam pohon kinerja ini (caraka di Pujon menyebut "Caraka",
  dirinya sendiri, sebagai sumber data indikatornya; Bendahara menyebut "Pengadministrasi Keuangan",
  rekan kerjanya), dan yang tidak menyebut catatan apa pun (`sources.documents` dalam
  rules/vocabulary/indicators.yaml: "Data Kasi Permas" merupakan sumber data). Orang bukan sumber data,
  sedangkan dokumen atau aplikasi yang dikelolanya merupakan sumber data. Unit organisasi merupakan
  sumber data ("Seksi Pemerintahan", "Sub Bagian Umum": `sources.units`), dan badan di luar organisasi
  ("Pemerintah Desa Ngroto") tidak dianggap jabatan di sini.

Sumber data yang kurang spesifik tetapi nyata ("Kecamatan", "Desa", "Masyarakat", "Laporan") diperiksa
oleh `vague-source`.

## Mengapa penting
Sumber data adalah sarana evaluator memverifikasi realisasi (LKE 2.a.3). Potongan teks atau isian kolom
lain berarti sumber data belum pernah diisi.

## Contoh
## Perbaikan
## Opsi
- `min-length` (bilangan bulat, bawaan 3): jumlah huruf dan angka paling sedikit yang diperlukan sumber
  data.
- `known-short` (daftar): sumber data pendek yang nyata.
- `not-sources` (daftar): kata yang, secara tersendiri maupun bersama-sama, bukan sumber data.
- `positions` (boolean, bawaan true): melaporkan sumber data yang berupa jabatan.
"""

    def check(self, ctx: Context) -> Iterator[Finding]:
        mv, tv = measures(ctx.vocabulary, self.id, ctx.graph)
        min_length = int(ctx.options.get("min-length", 3))
        known = {normalise(k).replace(" ", "") for k in ctx.options.get("known-short") or ()}
        not_sources = {normalise(w) for w in ctx.options.get("not-sources") or ()}
        positions = ctx.options.get("positions", True)
        owners: set[str] = set()
        aliases, exact = Phrases(()), frozenset[tuple]()
        if positions:
            ix = ctx.index
            written = {ix.nodes[p][1].get("owner") for p in ix.node_groups(("owner",)).first}  # few distinct texts
            written.update(d.get("owner") for _, d in ix.others())  # the graph's other nodes, if they have one
            owners = {normalise(without_brackets(owner)) for owner in written if owner}
            owners.discard("")
            aliases, exact = _positions(ctx.vocabulary.get("owners") or {}, mv, tv)

        def judge(indicator):
            """What kind of stray source the indicator's source is, or None: decided by the source alone."""
            source = indicator.source
            if source is None:
                return None
            norm = normalised(source, tv)
            words_ = norm.split()
            letters = "".join(words_)
            if len(letters) < 2:
                return None  # nothing, or one character: missing-source's
            if all(w.isdigit() for w in words_):
                return "number"
            if len(letters) < min_length and letters not in known:
                return "short"
            if all(w in not_sources or w.isdigit() for w in words_) or norm in not_sources:
                return "word"
            if positions and _is_position(source, owners, aliases, exact, mv, tv):
                return "position"
            return None

        for n, d, indicator, kind in judged_indicators(ctx.index, ("source",), judge):
            yield ctx.finding(
                n,
                kind,
                location=indicator_location(indicator, d),
                indicator=quote(indicator.name),
                source=quote(indicator.source, 40),
            )


def _positions(owners: Mapping, mv: IndicatorVocabulary, tv: TextVocabulary) -> tuple[Phrases, frozenset]:
    """The aliases of the positions of the owners vocabulary (organisational units and bodies outside the
    organisation set aside), as phrases to find at the start of a source, and the `exact` aliases, which
    count only as the whole source."""
    aliases: list[tuple[tuple, str]] = []
    exact: set[tuple] = set()
    for position in owners.get("positions") or ():
        if position.get("id") == "outside":
            continue
        for alias in position.get("aliases") or ():
            phrase = tuple(words(alias, tv))
            if phrase and mv.unit_words.starts(phrase) != phrase:
                aliases.append((phrase, str(position.get("id"))))
        exact.update(tuple(words(alias, tv)) for alias in position.get("exact") or ())
    return Phrases(aliases), frozenset(exact)


def _is_position(
    source: str, owners: set, aliases: Phrases, exact: frozenset, mv: IndicatorVocabulary, tv: TextVocabulary
) -> bool:
    """Does the source name a position and no record: an owner of the cascade, an `exact` alias as the whole
    source, or a source opening with an alias (brackets after it set aside) that holds no document word?"""
    plain = without_brackets(source)
    if normalise(plain) in owners:
        return True
    found = words(plain, tv)
    if not found:
        return False
    if found in exact:
        return True
    if aliases.starts(found) is None:
        return False
    return not any(True for _ in mv.document_words.find(found))
