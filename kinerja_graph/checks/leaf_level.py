"""leaf-level: a branch that stops above the operational tier."""

from __future__ import annotations

import operator
from collections.abc import Iterable
from itertools import compress

from kinerja_graph.checks._index import Index
from kinerja_graph.checks._options import levels_schema
from kinerja_graph.checks._quote import label
from kinerja_graph.checks.base import Context, Rule


class LeafLevel(Rule):
    id = "leaf-level"
    area = "structure"
    lke = "1.b.8"
    summary = {
        "id": "Cabang yang berhenti pada level outcome dan tidak diturunkan sampai output",
        "en": "A branch that stops at an outcome level, above the outputs",
    }
    rationale = {
        "id": "Nilai penuh LKE 1.b.8 (PermenPANRB 88/2021) diberikan bila cascade berjalan dari ultimate outcome "
        "sampai output dengan hubungan sebab-akibat; PermenPANRB 89/2021 menurunkan kondisi antara sampai "
        "kondisi paling operasional. Cabang yang berhenti pada level outcome tidak memiliki sarana operasional "
        "(kegiatan, sub kegiatan) untuk mencapainya.",
        "en": "LKE 1.b.8 (PermenPANRB 88/2021) gives full marks when the cascade runs from the ultimate outcome "
        "down to outputs with cause and effect; PermenPANRB 89/2021 breaks intermediate conditions down to the most "
        "operational ones. A branch that stops at an outcome level has no operational means (activities, "
        "sub-activities) of reaching it.",
    }
    messages = {
        "one": {
            "id": 'Cabang "{label}" berhenti pada level {level:level}: tidak terdapat kinerja output atau proses di '
            "bawahnya",
            "en": 'The branch "{label}" stops at {level:level}: no output or process goal below it',
        },
        "all": {
            "id": "Seluruh pohon kinerja paling dalam hanya sampai level {level:level}: tidak satu pun kinerja "
            "diturunkan sampai level output atau proses ({count} cabang)",
            "en": "The whole cascade stops at {level:level} at the deepest: no goal reaches the output or process "
            "level ({count} branches)",
        },
    }
    options_schema = {
        "levels": levels_schema("Levels at which a goal must have goals below it (the outcome levels)."),
        "summarise-absent": {
            "description": "When no goal of the cascade stands below these levels, report it once for the cascade.",
            "type": "boolean",
        },
    }
    doc = """\
## What it does
Finds goals at an outcome level (by default ultimate, intermediate and immediate outcome: the
strategic and tactical tiers) with no goal contributing to them: branches that stop before reaching
the operational tier. The finding names the deepest level the branch reached on its way down from
the top. A branch that already passed through an operational level higher up (a level inversion:
an "output" with an "immediate outcome" below it) did reach it and is left to `level-inversion`; a
goal under which hangs an indicator without a goal is left to `orphan-indicator`. When no goal of the whole cascade stands below the outcome levels (a cascade of IKU only),
one finding says so for the cascade, naming the deepest level reached, instead of one per branch.

## Why it matters
An outcome is reached through outputs: activities and sub-activities that someone carries out and
budgets for. LKE 1.b.8 gives full marks only to a cascade that runs from the ultimate outcome down to
outputs; a branch that stops at a sasaran program leaves that result without operational means.

## Example
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome}
```

## Fix
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome}
  - {id: "1.1.1", parent: "1.1", statement: Tersusunnya SOP pelayanan, level: output}
```

## Options
- `levels` (list of level ids, default the three outcome levels): levels at which a goal must have goals below it.
- `summarise-absent` (boolean, default true): one finding for a cascade with no goal below these levels.
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini mencari kinerja pada level outcome (secara bawaan ultimate, intermediate dan immediate
outcome: jenjang strategis dan taktikal) yang tidak memiliki kinerja bawahan yang berkontribusi
padanya: cabang yang berhenti sebelum mencapai jenjang operasional. Temuan menyebut level terdalam yang
dicapai cabang tersebut dari puncak. Cabang yang di atasnya telah melalui level operasional (inversi
level: "output" yang memiliki "immediate outcome" di bawahnya) dianggap telah mencapainya dan diperiksa
oleh `level-inversion`; kinerja yang di bawahnya hanya terdapat indikator tanpa sasaran diperiksa oleh
`orphan-indicator`. Apabila tidak satu pun kinerja dalam pohon kinerja berada di bawah level outcome
(pohon kinerja yang hanya memuat IKU), satu temuan menyatakannya untuk seluruh pohon kinerja, dengan
menyebut level terdalam yang dicapai, alih-alih satu temuan per cabang.

## Mengapa penting
Outcome dicapai melalui output: kegiatan dan sub kegiatan yang dilaksanakan dan dianggarkan oleh suatu
jabatan. LKE 1.b.8 hanya memberi nilai penuh kepada pohon kinerja yang diturunkan dari ultimate outcome
sampai output; cabang yang berhenti pada sasaran program menjadikan hasil tersebut tidak memiliki sarana
operasional.

## Contoh
## Perbaikan
## Opsi
- `levels` (daftar id level, bawaan ketiga level outcome): level yang kinerjanya wajib memiliki kinerja
  bawahan.
- `summarise-absent` (boolean, bawaan true): satu temuan untuk pohon kinerja yang tidak memiliki kinerja
  di bawah level-level tersebut.
"""

    def check(self, ctx: Context):
        levels = set(ctx.options.get("levels") or ())
        ix = ctx.index
        goals = ix.goals
        goal_levels = ix.judged_goal_values("level")  # a doubtful label: the level its place in the tree implies
        childless = map(operator.not_, map(ix.child_counts().__contains__, ix.goal_positions()))
        leaves = list(compress(goals, map(operator.and_, map(levels.__contains__, goal_levels), childless)))
        if not leaves:
            return
        below = any(level is not None and level not in levels for level in set(goal_levels))
        if ctx.options.get("summarise-absent", True) and not below and len(leaves) > 1:
            ranked = (ix.judged_data(n, d) for n, d in goals)
            deepest = max((d for d in ranked if d.get("rank") is not None), key=lambda d: d["rank"])
            yield ctx.finding(None, "all", rests_on=("level",), count=len(leaves), level=deepest.get("level"))
            return
        continued = parents_of_loose_indicators(ix)  # an indicator without a goal hangs below these goals:
        leaves = [(n, d) for n, d in leaves if n not in continued]  # orphan-indicator's business
        reached = deepest_reached(ix, [n for n, _ in leaves])
        rank_level = {lv.rank: lv.id for lv in ctx.levels.levels}
        for n, d in leaves:
            d = ix.judged_data(n, d)
            lowest = rank_level.get(reached[n], d.get("level"))
            if lowest not in levels:
                continue  # the branch reached an operational level higher up (a level inversion)
            yield ctx.finding(n, "one", rests_on=("level",), label=label(d), level=lowest)


def deepest_reached(ix: Index, goals: Iterable[str]) -> dict:
    """Goal -> the highest rank (deepest level) on the way down to it from the top of the cascade, for
    `goals` and the goals above them.

    Ranks flow from parents to children in topological order, as Kahn's algorithm would carry them: a goal
    takes the deepest of its own rank and of what each parent reached, counting only the parents that such
    an order reaches (none in or below a circle). So a goal in or below a circle keeps what its parents
    outside circles gave it. Worked out going up from the goals asked about: the cost follows their
    ancestors, not the cascade.
    """
    parents = ix.parents
    position = ix.position_of()
    ranks = ix.judged_values("rank")  # doubtful labels: by place
    reached: dict = {}  # goal -> (reached by a topological order?, the highest rank on the way down to it)
    for start in goals:
        if start in reached:
            continue
        reached[start] = None  # in progress
        stack = [(start, iter(parents[start]))]
        while stack:
            n, above = stack[-1]
            for p in above:
                if p not in reached:
                    reached[p] = None
                    stack.append((p, iter(parents[p])))
                    break
            else:
                stack.pop()
                rank = ranks[position[n]]
                deepest = rank if rank is not None else -1
                ordered = True
                for p in parents[n]:
                    got = reached[p]
                    if got is None or not got[0]:  # in progress (a circle) or itself in or below one
                        ordered = False
                    elif got[1] > deepest:
                        deepest = got[1]
                reached[n] = (ordered, deepest)
    return {n: got[1] for n, got in reached.items()}


def parents_of_loose_indicators(ix: Index) -> set:
    """Goals that an indicator without a goal names as its parent."""
    out = set()
    for _, d in ix.loose:
        if d.get("node") is not None:
            out.update(d["node"].parents)
    return out
