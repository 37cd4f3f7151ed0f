"""target-trend: yearly targets that get worse (or, optionally, stay flat on an outcome)."""

from __future__ import annotations

from typing import Any

from kinerja_graph.checks._options import levels_schema
from kinerja_graph.checks._quote import indicator_location, quote
from kinerja_graph.checks._reading import item_column, picked
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.similarity import normalised, text_vocabulary
from kinerja_graph.text import unit_vocabulary

WORSE = {"higher": "worse", "lower": "worse-lower"}  # the message of targets getting worse, by polarity


def _contains(name: str, phrases) -> bool:
    padded = f" {name} "
    return any(f" {p} " in padded for p in phrases)


class TargetTrend(Rule):
    id = "target-trend"
    area = "indicators"
    lke = "1.b.7"
    summary = {
        "id": "Target tahunan yang memburuk",
        "en": "Yearly targets that get worse",
    }
    rationale = {
        "id": "LKE 1.b.7 (PermenPANRB 88/2021) menilai apakah target menantang dan realistis, dan 1.c menuntut target "
        "dinaikkan bila realisasi sebelumnya lebih baik. Target yang turun (atau naik, untuk indikator yang "
        "semakin kecil semakin baik) merencanakan kinerja yang memburuk.",
        "en": "LKE 1.b.7 (PermenPANRB 88/2021) scores whether targets are challenging and realistic, and 1.c expects "
        "targets raised when last year's result was better. A target that falls (or rises, for an indicator "
        "where lower is better) plans for worse performance.",
    }
    messages = {
        "worse": {
            "id": 'Target indikator "{indicator}" menurun: {changes:steps}',
            "en": 'The targets of indicator "{indicator}" fall: {changes:steps}',
        },
        "worse-lower": {
            "id": 'Target indikator "{indicator}" meningkat: {changes:steps} (indikator ini semakin kecil semakin '
            "baik)",
            "en": 'The targets of indicator "{indicator}" rise: {changes:steps} (for this indicator lower is better)',
        },
        "flat": {
            "id": 'Target indikator "{indicator}" tidak meningkat: {changes:steps}; target kinerja outcome semestinya '
            "semakin menantang dari tahun ke tahun",
            "en": 'The targets of indicator "{indicator}" do not improve: {changes:steps}; an outcome\'s targets '
            "should become more challenging year by year",
        },
    }
    options_schema = {
        "flat": {
            "description": "Also report targets that stay the same from one year to the next (not at their bound) on "
            "the levels listed in flat-levels.",
            "type": "boolean",
        },
        "flat-levels": levels_schema("The levels where flat targets are reported when `flat` is true."),
        "period-documents": {
            "description": "Documents drafted once per planning period (Renstra, RPJMD): a count of documents naming "
            "them may fall by as many from one year to the next.",
            "type": "array",
            "items": {"type": "string", "minLength": 1},
        },
        "need-driven-levels": levels_schema(
            "Levels whose counted targets (people trained, buildings maintained, documents) follow the year's need, "
            "not a trend: falling counts there are not reported."
        ),
    }
    doc = """\
## What it does
Reads each indicator's yearly targets in year order and compares each numeric target with the
previous numeric one written in the *same unit* (targets in different units are
`unit-mismatch`'s; text, ranges and blanks are `target-invalid`'s and `missing-target`'s). A target
is worse when it falls, or, for an indicator where lower is better, when it rises. Lower is better
when the indicator says so: `polarity: lower` ("semakin kecil semakin baik") or calculation
`kumulatif-negatif`. Grades written as words are compared on their scale when the indicator's name
cues it ("Opini BPK": WTP > WDP; "Predikat SAKIP": AA > A > BB ...; rules/vocabulary/units.yaml).
One finding per indicator lists every worsening step.

Not judged: an indicator whose name leaves the good direction unclear ("Jumlah pengaduan",
"Rata-rata waktu layanan", "Persentase penurunan ...": rules/vocabulary/text.yaml
`polarity_ambiguous`) unless its polarity is written; and units of time (whether more months is better
depends on the indicator) unless the polarity is written.

Not judged either, as the pack says (both on by default):

- a count of documents that names documents drafted once per planning period (`period-documents`:
  Renstra, RPJMD, …) falling by at most as many: Pino Raya's "Buku RKA, DPA, RENJA, RENSTRA", 4
  Dokumen in 2022 then 3, is right — the Renstra is drafted once;
- counts at the levels of `need-driven-levels` (outputs and processes): how many ASN are trained,
  buildings maintained or reports made at the operational tier follows the year's need and budget,
  not a trend. Percentages, indices and grades there are still judged, and counts at outcome levels.

With `flat: true`, targets that stay the same on an outcome level (`flat-levels`) are reported too,
except a target already at its bound (100 %, WTP, AA; 0 for lower-is-better): "1 Dokumen" every year
on an output is normal and is never reported.

## Why it matters
Targets must be challenging (LKE 1.b.7) and raised when the last realisation was better (1.c). A
falling target plans for worse performance; the evaluator will ask for the reason.

## Example
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya kualitas pelayanan publik
    level: intermediate outcome
    indicators:
      - name: Persentase layanan selesai tepat waktu
        unit: "%"
        targets: {2022: "80 %", 2023: "85 %", 2024: "75 %"}
```

## Fix
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya kualitas pelayanan publik
    level: intermediate outcome
    indicators:
      - name: Persentase layanan selesai tepat waktu
        unit: "%"
        targets: {2022: "80 %", 2023: "85 %", 2024: "90 %"}
```

## Options
- `flat` (boolean, default false): also report targets that do not change from one year to the next.
- `flat-levels` (list of level ids, default the three outcome levels): where flat targets are reported.
- `period-documents` (list of words, default `[renstra, rencana strategis, rpjmd, rpjpd, rpjmdes, rpjm
  desa]`): documents drafted once per planning period; `[]` judges every count of documents.
- `need-driven-levels` (list of level ids, default `[output, process]`): levels whose falling counts are
  not reported; `[]` judges counts everywhere.
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini membaca target tahunan setiap indikator menurut urutan tahun dan membandingkan setiap target
berupa angka dengan target angka sebelumnya yang ditulis dalam *satuan yang sama* (target dengan satuan
berbeda diperiksa oleh `unit-mismatch`; teks, rentang dan target kosong oleh `target-invalid` dan
`missing-target`). Target dinilai memburuk apabila menurun atau, untuk indikator yang semakin kecil
semakin baik, apabila meningkat. Indikator dianggap semakin kecil semakin baik apabila indikator
tersebut menyatakannya: `polarity: lower` ("semakin kecil semakin baik") atau jenis perhitungan
`kumulatif-negatif`. Tingkatan yang ditulis sebagai kata dibandingkan pada skalanya apabila nama
indikator menunjuk skala tersebut ("Opini BPK": WTP > WDP; "Predikat SAKIP": AA > A > BB ...;
rules/vocabulary/units.yaml). Satu temuan per indikator mencantumkan setiap langkah yang memburuk.

Tidak dinilai: indikator yang namanya tidak menunjukkan arah yang baik dengan jelas ("Jumlah
pengaduan", "Rata-rata waktu layanan", "Persentase penurunan ...": rules/vocabulary/text.yaml
`polarity_ambiguous`), kecuali polaritasnya ditulis; serta satuan waktu (apakah jumlah bulan yang lebih
banyak lebih baik bergantung pada indikatornya), kecuali polaritasnya ditulis.

Dengan `flat: true`, target yang tetap pada level outcome (`flat-levels`) juga dilaporkan, kecuali
target yang telah mencapai batasnya (100 %, WTP, AA; 0 untuk indikator yang semakin kecil semakin
baik): "1 Dokumen" setiap tahun pada output adalah wajar dan tidak pernah dilaporkan.

Sesuai ketentuan dalam paket aturan, hal berikut juga tidak dinilai (keduanya aktif secara bawaan):

- jumlah dokumen yang menyebut dokumen yang disusun satu kali dalam satu periode perencanaan
  (`period-documents`: Renstra, RPJMD, …) dan menurun paling banyak sejumlah dokumen tersebut: "Buku
  RKA, DPA, RENJA, RENSTRA" Pino Raya, 4 Dokumen pada 2022 lalu 3, sudah tepat karena Renstra hanya
  disusun satu kali;
- jumlah pada level dalam `need-driven-levels` (output dan proses): banyaknya ASN yang dilatih, gedung
  yang dipelihara atau laporan yang disusun pada jenjang operasional mengikuti kebutuhan dan anggaran
  tahun berjalan, bukan suatu tren. Persentase, indeks dan predikat pada level tersebut tetap dinilai,
  demikian pula jumlah pada level outcome.

## Mengapa penting
Target harus menantang (LKE 1.b.7) dan dinaikkan apabila realisasi terakhir lebih baik (1.c). Target
yang menurun berarti merencanakan kinerja yang memburuk; evaluator akan menanyakan alasannya.

## Contoh
## Perbaikan
## Opsi
- `flat` (boolean, bawaan false): juga melaporkan target yang tidak berubah dari tahun ke tahun.
- `flat-levels` (daftar id level, bawaan ketiga level outcome): level tempat target yang tetap
  dilaporkan.
- `period-documents` (daftar kata, bawaan `[renstra, rencana strategis, rpjmd, rpjpd, rpjmdes, rpjm
  desa]`): dokumen yang disusun satu kali dalam satu periode perencanaan; `[]` menilai setiap jumlah
  dokumen.
- `need-driven-levels` (daftar id level, bawaan `[output, process]`): level yang jumlahnya yang menurun
  tidak dilaporkan; `[]` menilai jumlah pada setiap level.
"""

    def check(self, ctx: Context):
        units = unit_vocabulary(ctx.vocabulary)
        tv = text_vocabulary(ctx.vocabulary, ctx.graph)
        flat = bool(ctx.options.get("flat", False))
        flat_levels = set(
            ctx.options.get("flat-levels") or ("ultimate_outcome", "intermediate_outcome", "immediate_outcome")
        )
        period_documents = [normalised(word, tv) for word in ctx.options.get("period-documents") or ()]
        need_levels = set(ctx.options.get("need-driven-levels") or ())

        def steps(indicator, drafted: int = 0):
            """(worse steps, flat steps) of the targets: pairs of years; and whether every worse step is a count.
            drafted: how many documents drafted once per period the indicator counts (a fall by as many is no
            worse step)."""
            written = indicator.polarity is not None or indicator.calculation == "kumulatif-negatif"
            polarity = indicator.effective_polarity
            series = self._series(indicator, units, written)
            worse, same, counts = [], [], True
            for (y1, v1, u1, bound1, f1), (y2, v2, u2, _, _) in zip(series, series[1:]):
                if u1 != u2:
                    continue
                if (v2 < v1) if polarity == "higher" else (v2 > v1):
                    if drafted and u1 == "dokumen" and polarity == "higher" and v1 - v2 <= drafted:
                        continue  # a document drafted once per period (the Renstra) is not drafted again
                    worse.append((y1, y2))
                    counts = counts and f1 == "count"
                elif v2 == v1 and not bound1:
                    same.append((y1, y2))
            return worse, same, counts

        def figures_steps(indicator):
            """steps(indicator) when there are two targets or more and all are figures: then what the name cannot
            change (only a grade written in words is read with the name's help); else None."""
            if len(indicator.targets) < 2:
                return None
            if not all(t.kind == "number" and t.value is not None for t in indicator.targets.values()):
                return None
            return steps(indicator)

        ambiguous_names: dict[str, bool] = {}  # a name is judged with many sets of targets

        def ambiguous(name: str) -> bool:
            """Does the (normalised) name hold a word that leaves its direction open?"""
            found = ambiguous_names.get(name)
            if found is None:
                found = ambiguous_names[name] = _contains(name, tv.polarity_ambiguous)
            return found

        def judge(indicator, coarse_steps):
            """(message key, changes, counts only) for targets that get worse or ("flat", changes, False) for
            targets that stay flat (reported on the flat levels only), or None: decided by the indicator's own
            fields, once per distinct set. changes: [[[year, target], [year, target]], ...]. coarse_steps: its
            coarse group's figures_steps()."""
            if len(indicator.targets) < 2:
                return None
            written = indicator.polarity is not None or indicator.calculation == "kumulatif-negatif"
            polarity = indicator.effective_polarity
            drafted = self._drafted(indicator, tv, period_documents, units) if period_documents else 0
            if drafted or coarse_steps is None:
                worse, same, counts = steps(indicator, drafted)
            else:  # the steps of targets that are all figures, as the coarse group's first member's
                worse, same, counts = coarse_steps
            if not worse and not (flat and same):
                return None
            if not written and ambiguous(normalised(indicator.name, tv)):
                return None  # which way is better is not clear: not judged
            texts = {y: indicator.targets[y].text.strip() for y in indicator.targets}
            pairs = worse or same
            key = WORSE[polarity] if worse else "flat"
            return key, [[[a, texts[a]], [b, texts[b]]] for a, b in pairs], bool(worse) and counts

        named = object()  # a coarse group whose verdict its members' names may change beyond their direction
        coarse_verdicts: dict[int, Any] = {}  # coarse group -> named, or (verdict, polarity written)

        def judge_in(indicator, group: int):
            """judge(indicator, coarse_steps[group]), the part the name cannot change worked out once per coarse
            group: when its targets are all figures and no period document can change its steps (the unit read
            is not a count of documents), only whether the name leaves the direction open is asked per name."""
            found = coarse_verdicts.get(group)
            if found is None:
                found = coarse_verdicts[group] = coarse_verdict(indicator, coarse_steps[group])
            if found is named:
                return judge(indicator, coarse_steps[group])
            verdict, written = found
            if verdict is None or (not written and ambiguous(normalised(indicator.name, tv))):
                return None
            return verdict

        def coarse_verdict(indicator, group_steps):
            if len(indicator.targets) < 2:
                return None, True
            if group_steps is None:  # a target in words: the name may read it as a grade
                return named
            if period_documents:  # a count of documents may be drafted once per period, by its name
                read = units.read(indicator.unit) if indicator.unit else None
                if read is None or read[1] == "dokumen":
                    return named
            worse, same, counts = group_steps
            if not worse and not (flat and same):
                return None, True
            written = indicator.polarity is not None or indicator.calculation == "kumulatif-negatif"
            texts = {y: indicator.targets[y].text.strip() for y in indicator.targets}
            pairs = worse or same
            key = WORSE[indicator.effective_polarity] if worse else "flat"
            return (key, [[[a, texts[a]], [b, texts[b]]] for a, b in pairs], bool(worse) and counts), written

        # first what the name cannot change, once per distinct unit, polarity, calculation and targets (few);
        # then, for the indicators that may be reported, their verdict once per distinct name as well
        ix = ctx.index
        items = ix.indicators
        coarse = ix.indicator_groups(("unit", "polarity", "calculation", "targets"))
        # a coarse group's steps depend on these fields alone when its targets are all figures: worked out
        # once here, and again for a group of the five fields only when a period document is named
        coarse_steps = list(map(figures_steps, map(items.objects.__getitem__, coarse.first)))
        # may be reported: steps that get worse or stay flat, or targets not all figures (then the name counts)
        possible = [
            len(items.objects[first].targets) >= 2 if found is None else bool(found[0] or (flat and found[1]))
            for first, found in zip(coarse.first, coarse_steps)
        ]
        if not any(possible):
            return
        # the distinct names among those: a group of the five fields is one of a coarse group and a name, and
        # its first member is the first met in document order (every member is among the positions)
        positions, numbers = picked(ix, coarse, possible)
        fine = zip(numbers, item_column(ix, "names")[positions].tolist())
        verdicts: dict[tuple, Any] = {}
        for position, number in zip(positions, fine):
            n, d, indicator = items[position]
            verdict = verdicts.get(number, verdicts)
            if verdict is verdicts:  # not judged yet: this is the group's first member
                verdict = verdicts[number] = judge_in(indicator, number[0])
            if verdict is None:
                continue
            key, changes, counts = verdict
            level = ix.judged_data(n, d).get("level") if key == "flat" or (counts and need_levels) else None
            if key == "flat" and level not in flat_levels:
                continue
            if counts and level in need_levels:
                continue  # a count at the operational tier follows the year's need
            yield ctx.finding(
                n,
                key,
                location=indicator_location(indicator, d),
                rests_on=("level",) if key == "flat" or (counts and need_levels) else (),
                indicator=quote(indicator.name),
                changes=changes,
                years=sorted({year for step in changes for year, _ in step}),
            )

    @staticmethod
    def _drafted(indicator, tv, period_documents: list[str], units) -> int:
        """How many documents drafted once per period a count of documents names (0 for another indicator)."""
        read = units.read(indicator.unit) if indicator.unit else None
        if read is not None and read[1] != "dokumen":
            return 0
        name = normalised(indicator.name, tv)
        return sum(1 for phrase in period_documents if phrase and _contains(name, (phrase,)))

    @staticmethod
    def _series(indicator, units, polarity_written: bool) -> list[tuple]:
        """(year, value, unit key, at bound, unit family) of the targets that can be compared, in year order."""
        out = []
        lower = indicator.effective_polarity == "lower"
        declared = units.read(indicator.unit)
        for year in sorted(indicator.targets):
            target = indicator.targets[year]
            if target.kind == "number" and target.value is not None:
                read = units.read(target.unit) or declared
                family = read[0] if read else None
                entry = units.families.get(family or "") or {}
                if family is not None and not entry.get("trend", True) and not polarity_written:
                    continue
                value = float(target.value)
                if lower:
                    bound = "min" in entry and value <= float(entry["min"])
                else:
                    bound = "max" in entry and value >= float(entry["max"])
                out.append((year, value, read[1] if read else None, bound, family))
            else:
                grade = units.grade(indicator.name, target.text)
                if grade is not None:
                    scale, rank, best = grade
                    out.append((year, float(rank), ("grade", scale), rank == best and not lower, "grade"))
        return out
