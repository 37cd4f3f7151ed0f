"""missing-unit: an indicator whose unit (satuan) is neither given nor readable from its targets."""

from __future__ import annotations

from itertools import compress

from kinerja_graph.checks._blank import is_blank, placeholder_set
from kinerja_graph.checks._judge import count_indicators, judged_among, judged_groups
from kinerja_graph.checks._options import PLACEHOLDERS_SCHEMA, SUMMARISE_SCHEMA
from kinerja_graph.checks._quote import indicator_location, quote
from kinerja_graph.checks._reading import picked
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.text import tokens


class MissingUnit(Rule):
    id = "missing-unit"
    area = "indicators"
    lke = "1.b.5"
    summary = {
        "id": "Indikator tanpa satuan",
        "en": "An indicator without a unit",
    }
    rationale = {
        "id": 'Indikator yang memenuhi kriteria SMART (LKE 1.b.5, PermenPANRB 88/2021) terukur: angka target "85" '
        "tanpa satuan tidak menjelaskan apakah yang dimaksud persen, indeks, dokumen atau orang, sehingga target "
        "dan realisasi tidak dapat dibandingkan.",
        "en": 'A SMART indicator (LKE 1.b.5, PermenPANRB 88/2021) is measurable: a target of "85" without a unit does '
        "not say whether it means percent, an index, documents or people, so target and realisation cannot be "
        "compared.",
    }
    messages = {
        "one": {
            "id": 'Indikator "{indicator}" belum memiliki satuan, dan targetnya ({targets:quoted}) tidak menyebut '
            "satuan",
            "en": 'Indicator "{indicator}" has no unit, and its targets ({targets:quoted}) do not name one',
        },
        "none": {
            "id": "Tidak satu pun dari {count} indikator bertarget dalam pohon kinerja ini menyebut satuan",
            "en": "None of the {count} indicators with targets in this cascade names a unit",
        },
    }
    options_schema = {
        "placeholders": PLACEHOLDERS_SCHEMA,
        "require-targets": {
            "description": "Look only at indicators with at least one target (a unit matters where there is a number).",
            "type": "boolean",
        },
        "implied-by-name": {
            "description": "First words of an indicator name that already say its unit (Persentase -> %, "
            "Indeks -> indeks).",
            "type": "array",
            "items": {"type": "string"},
        },
        "summarise-absent": SUMMARISE_SCHEMA,
    }
    doc = """\
## What it does
Finds indicators with no unit (satuan): the `unit` field is empty or a placeholder, no target carries
one ("4 Dokumen", "85%", "Rp 1.500.000" do), and the name does not start with a word that says it
("Persentase …" is in percent, "Indeks …" an index; the list is the option `implied-by-name`). By
default only indicators with at least one target are looked at: a drawn pohon kinerja with neither
targets nor units has nothing to misread. When no indicator in scope names a unit, one finding says so
for the cascade instead of one per indicator.

## Why it matters
A number without a unit cannot be compared with its realisation or with the target of another year;
evaluators report "satuan tidak jelas" against the measurability of the indicator (LKE 1.b.5).

## Example
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya kualitas perencanaan
    level: output
    indicators:
      - {name: Dokumen perencanaan yang disusun tepat waktu, targets: {2024: 4}}
```

## Fix
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya kualitas perencanaan
    level: output
    indicators:
      - {name: Dokumen perencanaan yang disusun tepat waktu, unit: Dokumen, targets: {2024: 4}}
```

## Options
- `placeholders` (list of texts): units that count as empty.
- `require-targets` (boolean, default true): look only at indicators with at least one target.
- `implied-by-name` (list of words): first words of a name that say the unit.
- `summarise-absent` (boolean, default true): one finding for a cascade where no indicator in scope has a unit.
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini mencari indikator tanpa satuan: isian `unit` kosong atau hanya berisi tanda pengisi, tidak
satu pun targetnya memuat satuan ("4 Dokumen", "85%" dan "Rp 1.500.000" memuat satuan), dan namanya tidak
diawali kata yang telah menyatakan satuannya ("Persentase …" dinyatakan dalam persen, "Indeks …" berupa
indeks; daftarnya adalah opsi `implied-by-name`). Secara bawaan, hanya indikator yang memiliki paling
sedikit satu target yang diperiksa: pohon kinerja berbentuk diagram tanpa target dan tanpa satuan tidak
memuat angka yang dapat disalahartikan. Apabila tidak satu pun indikator yang diperiksa menyebut satuan,
satu temuan menyatakannya untuk seluruh pohon kinerja, alih-alih satu temuan per indikator.

## Mengapa penting
Angka tanpa satuan tidak dapat dibandingkan dengan realisasinya maupun dengan target tahun lain;
evaluator mencatat "satuan tidak jelas" pada aspek keterukuran indikator (LKE 1.b.5).

## Contoh
## Perbaikan
## Opsi
- `placeholders` (daftar teks): satuan yang dianggap kosong.
- `require-targets` (boolean, bawaan true): hanya memeriksa indikator yang memiliki paling sedikit satu
  target.
- `implied-by-name` (daftar kata): kata awal nama indikator yang telah menyatakan satuannya.
- `summarise-absent` (boolean, bawaan true): satu temuan untuk pohon kinerja yang tidak satu pun
  indikatornya (di antara yang diperiksa) memiliki satuan.
"""

    def check(self, ctx: Context):
        options = ctx.options
        placeholders = placeholder_set(options)
        require_targets = options.get("require-targets", True)
        heads = {w for h in options.get("implied-by-name") or () for w in tokens(h)[:1]}

        def is_in_scope(indicator) -> bool:
            return not require_targets or any(t.kind != "blank" for t in (indicator.targets or {}).values())

        def unnamed(indicator):
            """The targets given, when the indicator is in scope and none of them names a unit; else None:
            decided by the targets alone."""
            if not is_in_scope(indicator):
                return None
            given = [t for t in (indicator.targets or {}).values() if t.kind != "blank"]
            return None if any(t.unit for t in given) else given

        def unimplied(indicator):
            """The targets given, unless the first word of the name says the unit (Persentase -> %)."""
            first = tokens(indicator.name)[:1]
            return None if first and first[0] in heads else unnamed(indicator)

        # An indicator lacks a unit when its unit is blank, its targets name none and its name implies
        # none: the unit and the targets are judged once per distinct value, then the names of the few
        # indicators left once per distinct name and targets.
        ix = ctx.index
        by_unit, blank = judged_groups(
            ix, ("unit",), lambda indicator: is_blank(indicator.unit, placeholders, symbols_count=True)
        )
        by_targets, given = judged_groups(ix, ("targets",), unnamed)
        unnamed_targets = [targets is not None for targets in given]
        blank_units, _ = picked(ix, by_unit, blank)
        positions = compress(blank_units, map(unnamed_targets.__getitem__, by_targets.numbers(blank_units)))
        lacking = [
            (n, d, indicator, targets)
            for n, d, indicator, targets in judged_among(ix, positions, ("name", "targets"), unimplied)
        ]
        if not lacking:
            return
        in_scope = count_indicators(ix, ("targets",), is_in_scope)
        if options.get("summarise-absent", True) and len(lacking) == in_scope > 1:
            yield ctx.finding(None, "none", count=in_scope)
            return
        for n, d, indicator, targets in lacking:
            yield ctx.finding(
                n,
                "one",
                location=indicator_location(indicator, d),
                indicator=quote(indicator.name),
                targets=[quote(t.text) for t in targets],
            )
