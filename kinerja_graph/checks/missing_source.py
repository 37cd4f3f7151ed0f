"""missing-source: an indicator without a data source."""

from __future__ import annotations

from kinerja_graph.checks._blank import missing_field
from kinerja_graph.checks._options import MIN_LENGTH_SCHEMA, PLACEHOLDERS_SCHEMA, SUMMARISE_SCHEMA
from kinerja_graph.checks.base import Context, Rule


class MissingSource(Rule):
    id = "missing-source"
    area = "indicators"
    lke = "2.a.3"
    summary = {
        "id": "Indikator tanpa sumber data",
        "en": "An indicator without a data source",
    }
    rationale = {
        "id": "LKE 2.a.3 (PermenPANRB 88/2021) menanyakan mekanisme pengumpulan data kinerja yang andal; evaluator "
        'akan bertanya "apa sumber datanya?". Indikator tanpa sumber data tidak dapat diverifikasi.',
        "en": "LKE 2.a.3 (PermenPANRB 88/2021) asks for a reliable mechanism for collecting performance data; the "
        'evaluator will ask "where do the data come from?". An indicator without a data source cannot be '
        "verified.",
    }
    messages = {
        "one": {
            "id": 'Indikator "{indicator}" belum memiliki sumber data',
            "en": 'Indicator "{indicator}" has no data source',
        },
        "placeholder": {
            "id": 'Sumber data indikator "{indicator}" hanya berisi "{value}"; dokumen, aplikasi atau unit penyedia '
            "datanya perlu disebutkan",
            "en": 'The data source of indicator "{indicator}" is only "{value}": name the document, application or '
            "unit that provides the data",
        },
        "none": {
            "id": "Tidak satu pun dari {count} indikator dalam pohon kinerja ini memiliki sumber data",
            "en": "None of the {count} indicators of this cascade has a data source",
        },
    }
    options_schema = {
        "placeholders": PLACEHOLDERS_SCHEMA,
        "min-length": MIN_LENGTH_SCHEMA,
        "summarise-absent": {**SUMMARISE_SCHEMA},
    }
    doc = """\
## What it does
Finds indicators whose data source (sumber data) is absent, a placeholder ("-", "n/a", "tidak ada"),
or shorter than `min-length` letters and digits (a source of "s", as one Sokaraja row has). Indicators
of goals and loose indicators are both looked at. When no indicator of the whole cascade has a data
source, one finding says so for the cascade instead of one per indicator.

## Why it matters
Performance data must be collected reliably (LKE 2.a.3): the data source names the document,
application, survey or unit the figure comes from, so that the realisation can be verified.

## Example
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya kualitas layanan publik
    level: intermediate outcome
    indicators:
      - {name: Indeks Kepuasan Masyarakat, source: s}
```

## Fix
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya kualitas layanan publik
    level: intermediate outcome
    indicators:
      - {name: Indeks Kepuasan Masyarakat, source: Laporan Survei Kepuasan Masyarakat}
```

## Options
- `placeholders` (list of texts): sources that count as empty, compared ignoring case.
- `min-length` (integer, default 2): a source with fewer letters and digits counts as empty.
- `summarise-absent` (boolean, default true): one finding for a cascade where no indicator has a data source.
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini mencari indikator yang sumber datanya tidak diisi, hanya berisi tanda pengisi ("-", "n/a",
"tidak ada"), atau terdiri atas huruf dan angka yang lebih sedikit dari `min-length` (sumber data "s",
seperti pada salah satu baris Sokaraja). Indikator pada kinerja dan indikator tanpa sasaran sama-sama
diperiksa. Apabila tidak satu pun indikator dalam pohon kinerja memiliki sumber data, satu temuan
menyatakannya untuk seluruh pohon kinerja, alih-alih satu temuan per indikator.

## Mengapa penting
Data kinerja perlu dikumpulkan melalui mekanisme yang andal (LKE 2.a.3): sumber data menyebut dokumen,
aplikasi, survei atau unit asal angka tersebut, sehingga realisasinya dapat diverifikasi.

## Contoh
## Perbaikan
## Opsi
- `placeholders` (daftar teks): sumber data yang dianggap kosong, dibandingkan tanpa membedakan huruf
  besar-kecil.
- `min-length` (bilangan bulat, bawaan 2): sumber data dengan huruf dan angka yang lebih sedikit dari
  nilai ini dianggap kosong.
- `summarise-absent` (boolean, bawaan true): satu temuan untuk pohon kinerja yang tidak satu pun
  indikatornya memiliki sumber data.
"""

    def check(self, ctx: Context):
        yield from missing_field(ctx, "source")
