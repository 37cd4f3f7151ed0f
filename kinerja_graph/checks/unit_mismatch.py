"""unit-mismatch: an indicator whose name and unit (or targets) disagree, or whose unit changes between years."""

from __future__ import annotations

from itertools import repeat

from kinerja_graph.checks._index import Numbering
from kinerja_graph.checks._measures import HeadReader
from kinerja_graph.checks._quote import indicator_location, quote
from kinerja_graph.checks._reading import (
    chosen_positions,
    combined,
    group_column,
    item_column,
    name_reading,
    quoted_names,
)
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.similarity import text_vocabulary
from kinerja_graph.text import UnitVocabulary, normalise, unit_vocabulary


class UnitMismatch(Rule):
    id = "unit-mismatch"
    area = "indicators"
    lke = "1.b.5"
    summary = {
        "id": "Satuan indikator tidak sesuai dengan namanya, atau berganti antartahun",
        "en": "An indicator's unit disagrees with its name, or changes between years",
    }
    rationale = {
        "id": "Indikator yang SMART terukur dalam satuan yang sesuai dengan apa yang diukurnya (LKE 1.b.5, "
        'PermenPANRB 88/2021): "Persentase" dalam %, "Jumlah ASN" dalam orang. Satuan yang tidak relevan '
        "adalah catatan evaluasi yang lazim, dan satuan yang berganti antartahun membuat target tidak dapat "
        "dibandingkan.",
        "en": "A SMART indicator is measured in a unit that fits what it measures (LKE 1.b.5, PermenPANRB 88/2021): a "
        '"Persentase" in %, a "Jumlah ASN" in persons. An irrelevant unit is a standard evaluation note, and a '
        "unit that changes between years makes the targets impossible to compare.",
    }
    messages = {
        "head": {
            "id": 'Indikator "{indicator}" diukur dalam "{unit}" ({family:term}), sedangkan "{head}" diukur dalam '
            "{expected:term}",
            "en": 'Indicator "{indicator}" is measured in "{unit}" ({family:term}), but a "{head}" is measured in '
            "{expected:term}",
        },
        "noun": {
            "id": 'Indikator "{indicator}" menghitung "{noun}", tetapi satuannya "{unit}"',
            "en": 'Indicator "{indicator}" counts "{noun}" but its unit is "{unit}"',
        },
        "declared": {
            "id": 'Satuan indikator "{indicator}" ditulis "{declared}", tetapi targetnya dalam {units:quoted-all}',
            "en": 'The unit of indicator "{indicator}" is written "{declared}", but its targets are in '
            "{units:quoted-all}",
        },
        "changes": {
            "id": 'Satuan target indikator "{indicator}" berganti antartahun: {items:by-year}',
            "en": 'The unit of indicator "{indicator}"\'s targets changes between years: {items:by-year}',
        },
    }
    options_schema = {
        "counted-nouns": {
            "description": 'Also compare what a "Jumlah ..." indicator counts (ASN, desa, dokumen) with its count '
            "unit (units.yaml count_nouns).",
            "type": "boolean",
        },
    }
    doc = """\
## What it does
For every indicator, compares three things that should agree:

1. the head word of its name and the family of its unit: "Persentase" is measured in %, "Jumlah" in a
   count, time or money, "Indeks"/"Nilai" on a scale (or %), "Opini"/"Predikat" in grades
   (rules/vocabulary/units.yaml `heads`). The unit is the declared `unit` and every unit written in
   the targets ("4 Dokumen"). A "Nilai Laporan AKIP" with targets "4 Dokumen", or a "Jumlah ASN" with
   targets "100 %", is reported;
2. with `counted-nouns` (default true), what a "Jumlah ..." counts and the count unit: "Jumlah ASN
   yang mengikuti pelatihan" counted in Dokumen is reported (units.yaml `count_nouns`; a report may be
   counted as a document: `count_compatible`);
3. the declared unit and the targets' units, and the targets' units between years ("4 Dokumen" in
   2022, "4 Laporan" in 2023). Synonyms ("Dok" / "Dokumen", "Persen" / "%") are one unit.

Units the vocabulary does not know, and heads it does not list, are not judged on 1 and 2. At most one
finding of 1-2 and one of 3 per indicator.

## Why it matters
The unit says what is counted. A percentage counted in documents, or a number of civil servants
counted in documents, cannot be measured as written; evaluators note it as "satuan tidak relevan"
(LKE 1.b.5). A unit that changes between years makes the targets incomparable.

## Example
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya kualitas perencanaan dan evaluasi kinerja
    level: immediate outcome
    indicators:
      - name: Nilai Laporan Akuntabilitas Kinerja Instansi Pemerintah (AKIP)
        unit: Dokumen
        targets: {2022: "4 Dokumen", 2023: "4 Dokumen"}
```

## Fix
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya kualitas perencanaan dan evaluasi kinerja
    level: immediate outcome
    indicators:
      - name: Nilai Laporan Akuntabilitas Kinerja Instansi Pemerintah (AKIP)
        unit: Nilai
        targets: {2022: "75", 2023: "77"}
```

## Options
- `counted-nouns` (boolean, default true): compare what a "Jumlah ..." counts with its count unit.
"""
    doc_id = """\
## Apa yang diperiksa
Untuk setiap indikator, aturan ini membandingkan tiga hal yang semestinya sesuai:

1. kata kepala nama indikator dan golongan satuannya: "Persentase" diukur dalam %, "Jumlah" dalam satuan
   hitung, waktu atau uang, "Indeks"/"Nilai" pada suatu skala (atau %), "Opini"/"Predikat" dalam
   tingkatan (rules/vocabulary/units.yaml `heads`). Satuan yang dibandingkan adalah `unit` yang tertulis
   dan setiap satuan yang ditulis pada target ("4 Dokumen"). "Nilai Laporan AKIP" dengan target
   "4 Dokumen", atau "Jumlah ASN" dengan target "100 %", dilaporkan;
2. dengan `counted-nouns` (bawaan true), apa yang dihitung oleh indikator "Jumlah ..." dan satuan
   hitungnya: "Jumlah ASN yang mengikuti pelatihan" yang dihitung dalam Dokumen dilaporkan (units.yaml
   `count_nouns`; laporan boleh dihitung sebagai dokumen: `count_compatible`);
3. satuan yang tertulis dan satuan pada target, serta satuan target antartahun ("4 Dokumen" pada 2022,
   "4 Laporan" pada 2023). Sinonim ("Dok" / "Dokumen", "Persen" / "%") dianggap satu satuan.

Satuan yang tidak dikenal kosakata, dan kata kepala yang tidak tercantum di dalamnya, tidak dinilai pada
butir 1 dan 2. Paling banyak satu temuan dari butir 1–2 dan satu temuan dari butir 3 dibuat untuk setiap
indikator.

## Mengapa penting
Satuan menyatakan apa yang dihitung. Persentase yang dihitung dalam dokumen, atau jumlah ASN yang
dihitung dalam dokumen, tidak dapat diukur sebagaimana tertulis; evaluator mencatatnya sebagai "satuan
tidak relevan" (LKE 1.b.5). Satuan yang berganti antartahun membuat target tidak dapat dibandingkan.

## Contoh
## Perbaikan
## Opsi
- `counted-nouns` (boolean, bawaan true): membandingkan apa yang dihitung indikator "Jumlah ..." dengan
  satuan hitungnya.
"""

    def check(self, ctx: Context):
        import numpy as np  # (imported when first used: the registry imports every rule at start-up)

        units = unit_vocabulary(ctx.vocabulary)
        tv = text_vocabulary(ctx.vocabulary, ctx.graph)
        nouns = bool(ctx.options.get("counted-nouns", True))
        head_of = HeadReader(units.heads)
        ix = ctx.index
        objects = ix.indicators.objects
        # What decides a verdict: what the name says (its head, what it counts), once per distinct name; the
        # units declared and written, once per distinct unit and units written (and name, when a target is
        # written in words: a grade the name cues); the verdict, once per distinct combination of those, each
        # indicator's combination numbered over whole columns at once (_reading.combined). judge reads of the
        # targets only the units written (and the texts of targets written in words).
        reading = name_reading(ix, tv)  # the head and what a count name counts: columns of all names at once
        heads = reading.heads(head_of)
        counts = reading.counted(units) if nouns else None
        count_heads = units.count_heads
        said = Numbering()  # (head, what a count name counts) -> its number
        if counts is None:
            said_of = list(map(said.__getitem__, zip(heads, repeat(None))))
        else:
            counting = map(count_heads.__contains__, heads)
            said_of = list(map(said.__getitem__, zip(heads, map(_if, counting, counts))))
        written = ix.indicator_groups(("written_units",))
        # units written -> is a target written in words (then the name itself is part of the key)?
        in_words = [any(t.kind == "text" for t in objects[p].targets.values()) for p in written.first]
        names = ix.indicator_groups(("name",))
        if any(in_words):
            name_of = item_column(ix, "names")
            worded = np.asarray(in_words, dtype=bool)[group_column(ix, written)]
            named = np.where(worded, name_of * 2 + 1, np.asarray(said_of, dtype=np.int64)[name_of] * 2)
        else:
            named = np.asarray(said_of, dtype=np.int64)[item_column(ix, "names")]
        first, key_of = combined(named, group_column(ix, ix.indicator_groups(("unit",))), group_column(ix, written))
        said_list = list(said)
        readings: dict[tuple, tuple] = {}  # units key -> (units used, unit-change finding)
        judged: list[tuple | None] = []
        for position, name_number, unit_number, written_number in zip(
            first, names.numbers(first), ix.indicator_groups(("unit",)).numbers(first), written.numbers(first)
        ):
            indicator = objects[position]
            key = (
                (unit_number, written_number, name_number)
                if in_words[written_number]
                else (unit_number, written_number)
            )
            head, counted_ = said_list[said_of[name_number]]
            units_read = readings.get(key)
            if units_read is None:
                units_read = readings[key] = self._read(units, indicator)
            used, change = units_read
            finding = self._head_mismatch(units, head, used)
            if finding is None and counted_ is not None:
                finding = self._noun_mismatch(units, counted_, used)
            judged.append(None if finding is None and change is None else (finding, change))
        chosen = [verdict is not None for verdict in judged]
        if not any(chosen):
            return
        items = ix.indicators
        positions = chosen_positions(chosen, key_of)
        for position, number, name in zip(positions, key_of[positions].tolist(), quoted_names(ix, positions)):
            n, d, indicator = items[position]
            location = indicator_location(indicator, d)
            for found in judged[number]:
                if found is not None:
                    key, args = found
                    yield ctx.finding(n, key, location=location, indicator=name, **args)

    def _read(self, units: UnitVocabulary, indicator) -> tuple[list, tuple | None]:
        """(the units used: [(as written, (family, canonical))], the unit-change finding or None), from the
        indicator's unit and the units written in its targets (and the targets written in words that are
        a grade its name cues)."""
        declared = units.read(indicator.unit)
        written: list[tuple] = []  # (year, unit as written, (family, canonical))
        for year in sorted(indicator.targets):
            target = indicator.targets[year]
            if target.kind == "number" and target.unit:
                written.append((year, target.unit, units.read(target.unit)))
            elif target.kind == "text" and units.grade(indicator.name, target.text) is not None:
                written.append((year, target.text.strip(), ("grade", normalise(target.text))))
        used = ([(indicator.unit, declared)] if declared else []) + [(w, r) for _, w, r in written]
        return used, self._inconsistency(units, indicator, declared, written)

    @staticmethod
    def _head_mismatch(units: UnitVocabulary, head: str, used: list) -> tuple[str, dict] | None:
        allowed = units.heads.get(head)
        if not allowed:
            return None
        for written, (family, _) in used:
            if family is None or family in allowed:
                continue
            names = {lang: [units.family_name(a, lang) for a in allowed] for lang in ("id", "en")}
            return "head", {
                "unit": quote(written, 30),
                "family": {lang: units.family_name(family, lang) for lang in ("id", "en")},
                "head": head.capitalize(),
                "expected": {lang: "/".join(names[lang]) for lang in ("id", "en")},
            }
        return None

    @staticmethod
    def _noun_mismatch(units: UnitVocabulary, found: tuple[str, str], used: list) -> tuple[str, dict] | None:
        """What a "Jumlah ..." name counts (`found`: noun, count class) against the count units used."""
        noun, counted_ = found
        for written, (family, canonical) in used:
            if family != "count" or units.same_count_class(counted_, canonical):
                continue
            return "noun", {"noun": noun, "unit": quote(written, 30)}
        return None

    @staticmethod
    def _inconsistency(units: UnitVocabulary, indicator, declared, written: list):
        def key(read, text):
            return read[1] if read and read[0] is not None else normalise(text)

        target_units = list(dict.fromkeys(key(r, w) for _, w, r in written))
        if declared and written and declared[0] != "grade":
            mismatched = [w for _, w, r in written if key(r, w) != key(declared, indicator.unit)]
            if mismatched:
                shown = [quote(w, 20) for w in dict.fromkeys(mismatched)]
                return "declared", {"declared": quote(indicator.unit, 30), "units": shown}
        if len(target_units) > 1:
            return "changes", {"items": [[y, quote(w, 20)] for y, w, _ in written]}
        return None


def _if(flag: bool, value):
    return value if flag else None
