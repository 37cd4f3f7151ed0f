"""target-invalid: a target that is not a number a year's result can be measured against."""

from __future__ import annotations

import re

from kinerja_graph.checks._judge import judged_among, judged_groups
from kinerja_graph.checks._quote import indicator_location, quote
from kinerja_graph.checks._reading import picked
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.similarity import head_word, normalised, text_vocabulary
from kinerja_graph.targets import parse_number
from kinerja_graph.text import unit_vocabulary

# "≥ 90", "> 90 %", "min. 90", "minimal 90", "maks 10", "<= 5", "paling sedikit 90"
_BOUND = re.compile(
    r"^\s*(?:[≥≤><]=?|=>|=<|(?:min|maks|max)(?:imal|imum|\.)?|paling\s+(?:sedikit|banyak|rendah|tinggi)"
    r"|sekurang-kurangnya|setidaknya)\s*[:.]?\s*[+-]?\d",
    re.I,
)
# "1:20", "1/20": a ratio written as one
_RATIO = re.compile(r"^\s*\d+(?:[.,]\d+)?\s*[:/]\s*\d+(?:[.,]\d+)?\s*$")
# "90 (Baik)": a number with a remark in brackets
_REMARK = re.compile(r"^\s*(?P<num>[+-]?\d[\d.,]*)\s*(?P<unit>%|[^\W\d_][\w ]*?)?\s*\([^()]*\)\s*$")

PROBLEMS = ("range", "bound", "words", "percent", "negative")


class TargetInvalid(Rule):
    id = "target-invalid"
    area = "indicators"
    lke = "1.b.7"
    summary = {
        "id": 'Target yang bukan angka terukur: rentang, kata-kata, "-" atau nilai yang mustahil',
        "en": 'A target that is not a measurable number: a range, words, "-" or an impossible value',
    }
    rationale = {
        "id": 'Rubrik LKE 1.b.7 (PermenPANRB 88/2021) memberi nilai nol untuk "tidak ada target/target di range": '
        'capaian hanya dapat dihitung terhadap satu angka. Target berupa kata ("Tersedia"), tanda "-", '
        "persentase di atas 100 atau jumlah negatif tidak dapat dicapai atau diukur.",
        "en": 'The LKE 1.b.7 rubric (PermenPANRB 88/2021) scores "no target / target given as a range" as zero: an '
        'achievement can only be computed against one number. A target in words ("Tersedia"), a "-", a '
        "percentage above 100 or a negative count cannot be reached or measured.",
    }
    messages = {
        "range": {
            "id": 'Target indikator "{indicator}" berupa rentang: {items:by-year}; perlu ditetapkan satu angka '
            "target per tahun",
            "en": 'The target of indicator "{indicator}" is a range: {items:by-year}; set one target figure per year',
        },
        "bound": {
            "id": 'Target indikator "{indicator}" berupa batas, bukan angka: {items:by-year}; perlu ditetapkan '
            "satu angka target",
            "en": 'The target of indicator "{indicator}" is a bound, not a figure: {items:by-year}; set one target '
            "figure",
        },
        "words": {
            "id": 'Target indikator "{indicator}" bukan angka yang dapat diukur: {items:by-year}',
            "en": 'The target of indicator "{indicator}" is not a measurable number: {items:by-year}',
        },
        "percent": {
            "id": 'Target indikator "{indicator}" melebihi 100 %: {items:by-year}; persentase tidak dapat melebihi '
            "100 kecuali indikator pertumbuhan/peningkatan",
            "en": 'The target of indicator "{indicator}" exceeds 100 %: {items:by-year}; a percentage cannot exceed '
            "100 unless the indicator measures growth",
        },
        "negative": {
            "id": 'Target indikator "{indicator}" negatif: {items:by-year}; jumlah atau persentase tidak dapat '
            "bernilai negatif",
            "en": 'The target of indicator "{indicator}" is negative: {items:by-year}; a count or a percentage cannot '
            "be negative",
        },
    }
    options_schema = {
        "allow-bounds": {
            "description": 'Accept targets written as a bound ("≥ 90", "min. 90", "maks 10").',
            "type": "boolean",
        },
    }
    doc = """\
## What it does
Looks at every written target of every indicator and reports, one finding per indicator and kind of
problem, listing the years:

- a range ("80–85", "80 s.d. 85");
- a bound ("≥ 90", "min. 90") unless `allow-bounds` is true;
- words or a placeholder ("Tersedia", "Ada", "-", "N/A"), unless it is a grade of a scale the
  indicator's name cues ("Opini BPK": "WTP"; "Predikat SAKIP": "BB"; see rules/vocabulary/units.yaml),
  a number with a remark in brackets ("90 (Baik)"), or a ratio written as one ("1:20");
- a percentage above its bound (100) that is not a growth rate (the name says "peningkatan",
  "pertumbuhan", "kenaikan", "laju": units.yaml `growth_words`). A target is a percentage when it is
  written with "%", when the indicator's unit is %, or when the name starts with "Persentase" and the
  target has no unit;
- a negative count or percentage (growth rates may be negative).

Indonesian numbers are numbers: "3,5", "1.500", "85 %", "Rp 1.500.000". A blank target is a missing
one, reported by `missing-target`, not here.

## Why it matters
LKE 1.b.7 gives zero for a target given as a range, and an achievement (capaian) can only be computed
against one number. A word, a dash or an impossible value is no target at all.

## Example
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya kualitas pelayanan publik
    level: intermediate outcome
    indicators:
      - name: Persentase layanan sesuai standar
        targets: {2022: "80-85", 2023: "Tersedia", 2024: "110 %"}
```

## Fix
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya kualitas pelayanan publik
    level: intermediate outcome
    indicators:
      - name: Persentase layanan sesuai standar
        targets: {2022: "82 %", 2023: "86 %", 2024: "90 %"}
```

## Options
- `allow-bounds` (boolean, default false): accept targets written as a bound ("≥ 90").
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini memeriksa setiap target yang tertulis pada setiap indikator dan melaporkan, satu temuan per
indikator dan jenis masalah, dengan menyebut tahun-tahunnya:

- rentang ("80–85", "80 s.d. 85");
- batas ("≥ 90", "min. 90"), kecuali `allow-bounds` bernilai true;
- kata atau tanda pengisi ("Tersedia", "Ada", "-", "N/A"), kecuali berupa tingkatan pada skala yang
  ditunjukkan nama indikatornya ("Opini BPK": "WTP"; "Predikat SAKIP": "BB"; lihat
  rules/vocabulary/units.yaml), angka dengan keterangan dalam kurung ("90 (Baik)"), atau rasio yang
  ditulis sebagai rasio ("1:20");
- persentase di atas batasnya (100) yang bukan laju pertumbuhan (nama indikator memuat "peningkatan",
  "pertumbuhan", "kenaikan" atau "laju": units.yaml `growth_words`). Target dianggap persentase apabila
  ditulis dengan "%", apabila satuan indikatornya %, atau apabila nama indikator diawali "Persentase" dan
  targetnya tidak bersatuan;
- jumlah atau persentase yang negatif (laju pertumbuhan boleh negatif).

Angka berformat Indonesia tetap dibaca sebagai angka: "3,5", "1.500", "85 %", "Rp 1.500.000". Target
yang kosong adalah target yang tidak ada, yang dilaporkan oleh `missing-target`, bukan oleh aturan ini.

## Mengapa penting
LKE 1.b.7 memberi nilai nol untuk target yang ditetapkan dalam bentuk rentang, dan capaian hanya dapat
dihitung terhadap satu angka. Kata, tanda hubung, atau nilai yang mustahil sama sekali bukan target.

## Contoh
## Perbaikan
## Opsi
- `allow-bounds` (boolean, bawaan false): menerima target yang ditulis sebagai batas ("≥ 90").
"""

    def check(self, ctx: Context):
        units = unit_vocabulary(ctx.vocabulary)
        tv = text_vocabulary(ctx.vocabulary, ctx.graph)
        allow_bounds = bool(ctx.options.get("allow-bounds", False))

        def plain(indicator) -> bool:
            """The usual case: no targets, or plain figures (nothing to say whatever the name and unit)."""
            return not indicator.targets or all(
                t.kind == "blank" or (t.kind == "number" and 0 <= (t.value or 0) <= 100)
                for t in indicator.targets.values()
            )

        def judge(indicator):
            """[(problem, items), ...] in PROBLEMS order, or None: decided by the name, unit and targets."""
            if plain(indicator):
                return None
            name = normalised(indicator.name, tv)
            growth = any(w in units.growth_words for w in name.split())
            declared = units.read(indicator.unit)
            named_percent = units.heads.get(head_word(indicator.name, tv, units.heads)) == ("percent",)
            problems: dict[str, list[int]] = {}
            for year in sorted(indicator.targets):
                target = indicator.targets[year]
                kind = self._problem(target, indicator, units, declared, named_percent, growth, allow_bounds)
                if kind is not None:
                    problems.setdefault(kind, []).append(year)
            if not problems:
                return None
            return [
                (kind, [[y, quote(indicator.targets[y].text.strip(), 30)] for y in problems[kind]])
                for kind in PROBLEMS
                if kind in problems
            ]

        # the targets first, once per distinct set of them; the name and unit only where they are not plain
        grouping, usual = judged_groups(ctx.index, ("targets",), plain)
        unusual, _ = picked(ctx.index, grouping, [not ok for ok in usual])
        for n, d, indicator, problems in judged_among(ctx.index, unusual, ("name", "unit", "targets"), judge):
            location = indicator_location(indicator, d)
            for kind, items in problems:
                yield ctx.finding(
                    n,
                    kind,
                    location=location,
                    indicator=quote(indicator.name),
                    items=items,
                    years=[year for year, _ in items],
                )

    @staticmethod
    def _problem(target, indicator, units, declared, named_percent: bool, growth: bool, allow_bounds: bool):
        """What is wrong with one target (a key of PROBLEMS), or None."""
        if target.kind == "blank":
            return None  # missing-target's
        if target.kind == "range":
            return "range"
        if target.kind == "text":
            text = target.text.strip()
            if _BOUND.match(text):
                return None if allow_bounds else "bound"
            remark = _REMARK.match(text)
            if (remark and parse_number(remark.group("num")) is not None) or _RATIO.match(text):
                return None
            if units.grade(indicator.name, text) is not None:
                return None
            return "words"
        value = target.value
        if value is None:
            return None
        read = units.read(target.unit) or declared
        family = read[0] if read else ("percent" if named_percent else None)
        if family == "percent" and not growth:
            if value > 100:
                return "percent"
            if value < 0:
                return "negative"
        elif family == "count" and value < 0:
            return "negative"
        return None
