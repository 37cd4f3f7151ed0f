"""missing-formula: an indicator without a formula (definisi operasional)."""

from __future__ import annotations

from kinerja_graph.checks._blank import missing_field
from kinerja_graph.checks._options import MIN_LENGTH_SCHEMA, PLACEHOLDERS_SCHEMA, SUMMARISE_SCHEMA
from kinerja_graph.checks.base import Context, Rule


class MissingFormula(Rule):
    id = "missing-formula"
    area = "indicators"
    lke = "2.a.2"
    summary = {
        "id": "Indikator tanpa formula (definisi operasional)",
        "en": "An indicator without a formula (operational definition)",
    }
    rationale = {
        "id": "LKE 2.a.2 (PermenPANRB 88/2021) mensyaratkan definisi operasional dan cara pengukuran yang jelas untuk "
        "setiap indikator; tanpa formula, indikator tidak terukur (tidak memenuhi kriteria SMART) dan capaiannya "
        "dapat dihitung secara berbeda oleh setiap pihak.",
        "en": "LKE 2.a.2 (PermenPANRB 88/2021) requires a clear operational definition and measurement method for "
        "every indicator; without a formula the indicator is not measurable (not SMART) and anyone may compute "
        "its achievement differently.",
    }
    messages = {
        "one": {
            "id": 'Indikator "{indicator}" belum memiliki formula (definisi operasional)',
            "en": 'Indicator "{indicator}" has no formula (operational definition)',
        },
        "placeholder": {
            "id": 'Formula indikator "{indicator}" hanya berisi "{value}", yang bukan rumus perhitungan',
            "en": 'The formula of indicator "{indicator}" is only "{value}": that is no way of computing it',
        },
        "same": {
            "id": 'Formula indikator "{indicator}" hanya mengulang nama indikatornya',
            "en": 'The formula of indicator "{indicator}" only repeats the indicator\'s name',
        },
        "none": {
            "id": "Tidak satu pun dari {count} indikator dalam pohon kinerja ini memiliki formula (definisi "
            "operasional)",
            "en": "None of the {count} indicators of this cascade has a formula (operational definition)",
        },
    }
    options_schema = {
        "placeholders": PLACEHOLDERS_SCHEMA,
        "min-length": MIN_LENGTH_SCHEMA,
        "same-as-name": {
            "description": "Report a formula that only repeats the indicator's name.",
            "type": "boolean",
        },
        "summarise-absent": {**SUMMARISE_SCHEMA},
    }
    doc = """\
## What it does
Finds indicators whose formula (formulasi, penjelasan, definisi operasional) is absent, a placeholder
("-", "n/a", "tidak ada"), shorter than `min-length` letters and digits, or only the indicator's name
written again. Indicators of goals and loose indicators are both looked at. When no indicator of the
whole cascade has a formula (a drawn pohon kinerja seldom carries one), one finding says so for the
cascade instead of one per indicator.

## Why it matters
The formula says how the indicator is computed: "jumlah layanan sesuai SOP / jumlah layanan × 100%".
Without it, the measure is not reproducible, two officials report two numbers, and evaluators find
no operational definition (LKE 2.a.2).

## Example
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya kualitas layanan publik
    level: intermediate outcome
    indicators:
      - {name: Persentase layanan sesuai SOP, formula: "-"}
```

## Fix
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya kualitas layanan publik
    level: intermediate outcome
    indicators:
      - name: Persentase layanan sesuai SOP
        formula: Jumlah layanan sesuai SOP / jumlah seluruh layanan x 100%
```

## Options
- `placeholders` (list of texts): formulas that count as empty, compared ignoring case.
- `min-length` (integer, default 2): a formula with fewer letters and digits counts as empty.
- `same-as-name` (boolean, default true): report a formula that only repeats the indicator's name.
- `summarise-absent` (boolean, default true): one finding for a cascade where no indicator has a formula.
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini mencari indikator yang formulanya (formulasi, penjelasan, definisi operasional) tidak diisi,
hanya berisi tanda pengisi ("-", "n/a", "tidak ada"), terdiri atas huruf dan angka yang lebih sedikit
dari `min-length`, atau hanya mengulang nama indikator. Indikator pada kinerja dan indikator tanpa
sasaran sama-sama diperiksa. Apabila tidak satu pun indikator dalam pohon kinerja memiliki formula
(pohon kinerja berbentuk diagram jarang memuatnya), satu temuan menyatakannya untuk seluruh pohon
kinerja, alih-alih satu temuan per indikator.

## Mengapa penting
Formula menyatakan cara indikator dihitung: "jumlah layanan sesuai SOP / jumlah layanan × 100%". Tanpa
formula, pengukuran tidak dapat diulang dengan hasil yang sama, dua pejabat dapat melaporkan dua angka
yang berbeda, dan evaluator tidak menemukan definisi operasional (LKE 2.a.2).

## Contoh
## Perbaikan
## Opsi
- `placeholders` (daftar teks): formula yang dianggap kosong, dibandingkan tanpa membedakan huruf
  besar-kecil.
- `min-length` (bilangan bulat, bawaan 2): formula dengan huruf dan angka yang lebih sedikit dari nilai
  ini dianggap kosong.
- `same-as-name` (boolean, bawaan true): melaporkan formula yang hanya mengulang nama indikator.
- `summarise-absent` (boolean, bawaan true): satu temuan untuk pohon kinerja yang tidak satu pun
  indikatornya memiliki formula.
"""

    def check(self, ctx: Context):
        yield from missing_field(ctx, "formula")
