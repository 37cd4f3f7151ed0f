"""missing-indicator: a goal with no indicator."""

from __future__ import annotations

from kinerja_graph.checks._index import Index
from kinerja_graph.checks._judge import count_nodes
from kinerja_graph.checks._options import SUMMARISE_SCHEMA, levels_schema
from kinerja_graph.checks._quote import label
from kinerja_graph.checks.base import Context, Rule


class MissingIndicator(Rule):
    id = "missing-indicator"
    area = "indicators"
    lke = "1.b.5"
    summary = {
        "id": "Kinerja (sasaran) tanpa indikator",
        "en": "A goal with no indicator",
    }
    rationale = {
        "id": "Sasaran tanpa ukuran keberhasilan tidak dapat diukur: LKE 1.b.5 (PermenPANRB 88/2021) menilai apakah "
        "indikator kinerja memenuhi kriteria SMART, dan langkah keempat PermenPANRB 89/2021 merumuskan "
        "indikator untuk setiap kondisi dalam pohon kinerja.",
        "en": "A goal without a measure of success cannot be measured: LKE 1.b.5 (PermenPANRB 88/2021) scores whether "
        "the indicators are SMART, and the fourth step of PermenPANRB 89/2021 formulates an indicator for every "
        "condition in the tree.",
    }
    messages = {
        "one": {
            "id": 'Kinerja "{label}" ({level:level}) belum memiliki indikator kinerja',
            "en": 'Goal "{label}" ({level:level}) has no indicator',
        },
        "none": {
            "id": "Tidak satu pun dari {count} kinerja dalam pohon kinerja ini memiliki indikator kinerja",
            "en": "None of the {count} goals of this cascade has an indicator",
        },
    }
    options_schema = {
        "skip-levels": levels_schema("Levels whose goals need no indicator."),
        "summarise-absent": SUMMARISE_SCHEMA,
    }
    doc = """\
## What it does
Finds goals (nodes with a statement) that carry no indicator. Every level is checked unless listed
in `skip-levels`. When no goal of the whole cascade has an indicator, one finding says so for the
cascade instead of one per goal.

## Why it matters
An indicator is the goal's measure of success. Without it, there is nothing to set a target for,
nothing to report in the LKjIP and nothing for the evaluator to judge against SMART (LKE 1.b.5).
Drawn pohon kinerja often leave the "Indikator" boxes of the lower levels empty: those goals are
not yet measurable.

## Example
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome}
```

## Fix
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya kualitas layanan publik
    level: intermediate outcome
    indicators:
      - {name: Indeks Kepuasan Masyarakat, unit: indeks}
```

## Options
- `skip-levels` (list of level ids, default none): levels whose goals need no indicator.
- `summarise-absent` (boolean, default true): one finding for a cascade where no goal has an indicator.
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini mencari kinerja (simpul yang memiliki pernyataan kinerja) yang tidak memuat indikator. Setiap
level diperiksa, kecuali level yang tercantum dalam `skip-levels`. Apabila tidak satu pun kinerja dalam
pohon kinerja memiliki indikator, satu temuan menyatakannya untuk seluruh pohon kinerja, alih-alih satu
temuan per kinerja.

## Mengapa penting
Indikator adalah ukuran keberhasilan kinerja. Tanpa indikator, tidak ada yang dapat diberi target, tidak
ada yang dapat dilaporkan dalam LKjIP, dan tidak ada yang dapat dinilai evaluator terhadap kriteria SMART
(LKE 1.b.5). Pohon kinerja berbentuk diagram sering membiarkan kotak "Indikator" pada level bawah
kosong: kinerja tersebut belum terukur.

## Contoh
## Perbaikan
## Opsi
- `skip-levels` (daftar id level, bawaan tidak ada): level yang kinerjanya tidak memerlukan indikator.
- `summarise-absent` (boolean, bawaan true): satu temuan untuk pohon kinerja yang tidak satu pun
  kinerjanya memiliki indikator.
"""

    def check(self, ctx: Context):
        skip = set(ctx.options.get("skip-levels") or ())
        ix = ctx.index
        lacking = [(n, d) for n, d in _without_indicators(ix) if d.get("level") not in skip]
        if not lacking:
            return
        goals = count_nodes(ix, ("kind", "level"), lambda d: d["kind"] == "goal" and d.get("level") not in skip)
        if ctx.options.get("summarise-absent", True) and len(lacking) == goals > 1:
            yield ctx.finding(None, "none", count=goals)
            return
        for n, d in lacking:
            yield ctx.finding(n, "one", label=label(d), level=d.get("level"))


def _without_indicators(ix: Index) -> list:
    """(id, data) of the goals holding no indicator, in the order of `goals` (few goals): the goals whose position
    in `nodes` no indicator has as its owner's, found in numpy (10^6 goals: their lists of indicators are not
    looked at one by one)."""
    import numpy as np  # (imported when first used: the registry imports every rule at start-up)

    owners, positions = ix.indicators.owners, ix.goal_positions()
    held = np.zeros(len(ix.nodes), dtype=bool)
    held[np.fromiter(owners, dtype=np.intp, count=len(owners))] = True
    at = np.fromiter(positions, dtype=np.intp, count=len(positions))
    return list(map(ix.nodes.__getitem__, at[~held[at]].tolist()))
