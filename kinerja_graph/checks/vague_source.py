"""vague-source: a data source that names no document, application or unit."""

from __future__ import annotations

from collections.abc import Iterator

from kinerja_graph.checks._judge import judged_indicators
from kinerja_graph.checks._measures import measures, words
from kinerja_graph.checks._quote import indicator_location, quote
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.findings import Finding
from kinerja_graph.text import normalise


class VagueSource(Rule):
    id = "vague-source"
    area = "indicators"
    lke = "2.a.3"
    summary = {
        "id": "Sumber data yang tidak menyebut dokumen, aplikasi atau unit penyedia data",
        "en": "A data source that names no document, application or unit",
    }
    rationale = {
        "id": "LKE 2.a.3 (PermenPANRB 88/2021) menuntut mekanisme pengumpulan data kinerja yang andal: evaluator "
        'menanyakan "apa sumber datanya?" dan meminta dokumennya. Sumber data "Kecamatan", "Desa" atau '
        '"Masyarakat" tidak menyebut dokumen, aplikasi, survei atau unit yang dapat dimintai datanya, sedangkan '
        '"Laporan" saja tidak menyebut laporan yang mana.',
        "en": "LKE 2.a.3 (PermenPANRB 88/2021) requires a reliable mechanism for collecting performance data: an "
        'evaluator asks "where does the figure come from?" and asks for the document. A source of "Kecamatan", '
        '"Desa" or "Masyarakat" names no document, application, survey or unit to ask, and "Laporan" alone does '
        "not say which report.",
    }
    messages = {
        "vague": {
            "id": 'Sumber data indikator "{indicator}" adalah "{source}": hanya menyebut tempat, lembaga atau orang '
            "secara umum, belum menyebut dokumen, aplikasi atau unit penyedia data; sebutkan dokumennya (misalnya "
            '"Laporan realisasi …", "Aplikasi …") dan unit yang menyediakannya',
            "en": 'The data source of indicator "{indicator}" is "{source}": it names a place, a body or people in '
            "general, no document, application or unit providing the data; name the document (e.g. "
            '"Laporan realisasi …", "Aplikasi …") and the unit that provides it',
        },
        "record": {
            "id": 'Sumber data indikator "{indicator}" hanya "{source}": jenis dokumen, tanpa menyebut dokumen yang '
            'mana; sebutkan dokumennya (misalnya "Laporan realisasi …", "Aplikasi …") dan unit yang menyediakannya',
            "en": 'The data source of indicator "{indicator}" is only "{source}": a kind of record, not which one; '
            'name the document (e.g. "Laporan realisasi …", "Aplikasi …") and the unit that provides it',
        },
    }
    options_schema = {
        "records": {
            "description": 'Also report a source that names only a kind of record ("Laporan", "Data Desa").',
            "type": "boolean",
        },
    }
    doc = """\
## What it does
Reports a data source (sumber data) made only of words that name no document, application or unit an
evaluator can ask for (rules/vocabulary/indicators.yaml `sources`):

- `vague`: places, bodies and people named in general — "Kecamatan", "Desa", "Desa dan Kelurahan",
  "Masyarakat", "Seluruh desa se Kecamatan" (`sources.vague`) — or the organisation's own name, alone
  or with a kind of record ("Data Desa");
- `record`: with `records` (default true), only a kind of record, naming none in particular —
  "Laporan", "Data", "Dokumen" (`sources.records`).

A source naming anything more is not reported: a document or application ("Laporan realisasi PBB",
"Aplikasi SIPD", "SPJ Kecamatan Sokaraja"), a unit ("Seksi Pemerintahan", "Pemerintah Desa Ngroto"),
a survey ("Laporan hasil survey kepuasan masyarakat"). An empty source is `missing-source`'s, a stray
fragment, a unit of measure or a position `stray-source`'s.

## Why it matters
LKE 2.a.3 asks for a reliable data-collection mechanism. An evaluator checks the realisation against
its source; "Kecamatan" or "Masyarakat" gives nothing to check, so the realisation cannot be verified.

## Example
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya kualitas pelayanan publik
    level: immediate outcome
    indicators:
      - {name: Indeks Kepuasan Masyarakat, source: Masyarakat}
      - {name: Persentase desa tertib administrasi, source: Desa dan Kelurahan}
```

## Fix
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya kualitas pelayanan publik
    level: immediate outcome
    indicators:
      - {name: Indeks Kepuasan Masyarakat, source: Laporan hasil survei kepuasan masyarakat}
      - {name: Persentase desa tertib administrasi, source: Laporan evaluasi administrasi desa Seksi Pemerintahan}
```

## Options
- `records` (boolean, default true): also report a source that names only a kind of record.
"""
    doc_id = """\
## Apa yang diperiksa
Melaporkan sumber data yang seluruhnya terdiri atas kata-kata yang tidak menyebut dokumen, aplikasi
atau unit yang dapat dimintai data oleh evaluator (rules/vocabulary/indicators.yaml `sources`):

- `vague`: tempat, lembaga dan orang yang disebut secara umum — "Kecamatan", "Desa", "Desa dan
  Kelurahan", "Masyarakat", "Seluruh desa se Kecamatan" (`sources.vague`) — atau nama organisasi itu
  sendiri, sendiri atau bersama jenis dokumen ("Data Desa");
- `record`: dengan `records` (bawaan true), hanya jenis dokumen tanpa menyebut dokumen yang mana —
  "Laporan", "Data", "Dokumen" (`sources.records`).

Sumber data yang menyebut lebih dari itu tidak dilaporkan: dokumen atau aplikasi ("Laporan realisasi
PBB", "Aplikasi SIPD", "SPJ Kecamatan Sokaraja"), unit ("Seksi Pemerintahan", "Pemerintah Desa
Ngroto"), survei ("Laporan hasil survey kepuasan masyarakat"). Sumber data yang kosong menjadi urusan
`missing-source`, sedangkan potongan teks, satuan atau jabatan menjadi urusan `stray-source`.

## Mengapa penting
LKE 2.a.3 menuntut mekanisme pengumpulan data yang andal. Evaluator menguji realisasi terhadap
sumbernya; "Kecamatan" atau "Masyarakat" tidak memberikan apa pun untuk diuji, sehingga realisasi
tidak dapat diverifikasi.

## Contoh
## Perbaikan
## Opsi
- `records` (boolean, bawaan true): laporkan juga sumber data yang hanya menyebut jenis dokumen.
"""

    def check(self, ctx: Context) -> Iterator[Finding]:
        mv, tv = measures(ctx.vocabulary, self.id, ctx.graph)
        records = bool(ctx.options.get("records", True))
        org = ctx.graph.graph.get("organisation")
        own = frozenset(normalise(getattr(org, "name", "") or "").split()) | frozenset(
            normalise(getattr(org, "id", "") or "").split()
        )

        def judge(indicator) -> str | None:
            """ "vague", "record" or None: decided by the source alone."""
            found = words(indicator.source, tv)
            if sum(map(len, found)) < 2:
                return None  # nothing, or one character: missing-source's
            general = False  # a place, a body or people named in general, or the organisation itself
            i = 0
            while i < len(found):
                phrase = mv.vague_sources.at(found, i)
                if phrase is not None or found[i] in own:
                    general = True
                else:
                    phrase = mv.record_sources.at(found, i)
                    if phrase is None:
                        return None  # a word that names something
                i += len(phrase) if phrase is not None else 1
            if general:
                return "vague"
            return "record" if records else None

        quoted: dict = {}  # name or source -> as a message quotes it: texts repeat massively
        for n, d, indicator, key in judged_indicators(ctx.index, ("source",), judge):
            name, source = indicator.name, indicator.source
            yield ctx.finding(
                n,
                key,
                location=indicator_location(indicator, d),
                indicator=quoted.get(name) or quoted.setdefault(name, quote(name)),
                source=quoted.get(("source", source)) or quoted.setdefault(("source", source), quote(source, 40)),
            )
