"""level-inversion: a goal placed under a goal of a lower level (an outcome under an output)."""

from __future__ import annotations

import operator
from itertools import repeat

from kinerja_graph.checks._judge import ranked_links
from kinerja_graph.checks._quote import label
from kinerja_graph.checks.base import Context, Rule


class LevelInversion(Rule):
    id = "level-inversion"
    area = "levels"
    lke = "1.b.8"
    summary = {
        "id": "Kinerja ditempatkan di bawah kinerja yang levelnya lebih rendah",
        "en": "A goal placed under a goal of a lower level",
    }
    rationale = {
        "id": "PermenPANRB 89/2021 menjenjangkan kinerja dari outcome turun ke output dan proses: kinerja di bawah "
        "adalah penyebab kinerja di atasnya. Outcome yang digantungkan di bawah output membalik hubungan "
        "sebab-akibat itu, sehingga rantai hasil yang dinilai LKE 1.b.8 (PermenPANRB 88/2021) tidak logis.",
        "en": "PermenPANRB 89/2021 breaks performance down from outcomes to outputs and processes: a goal below "
        "is a cause of the goal above it. An outcome hung under an output turns that cause-and-effect "
        "around, and the chain of results scored by LKE 1.b.8 (PermenPANRB 88/2021) stops making sense.",
    }
    messages = {
        "default": {
            "id": 'Kinerja "{label}" ({level:level}) berada di bawah "{parent}" ({parent_level:level}), yang levelnya '
            "lebih rendah: hubungan sebab-akibatnya terbalik",
            "en": 'Goal "{label}" ({level:level}) stands under "{parent}" ({parent_level:level}), a lower level: the '
            "cause-and-effect runs backwards",
        },
    }
    options_schema = {}
    doc = """\
## What it does
Compares the level of every goal with the level of each goal it contributes to (its parent). A goal
whose level is *higher* than its parent's — an intermediate outcome under an output, an immediate
outcome under a process — is reported, on the child, with the parent in `related`.

Several layers of the same level are legitimate (two layers of intermediate outcome, a sub kegiatan
broken into rencana aksi at process level): equal levels raise nothing. A goal without a level is
passed over (other rules report it). A goal *more than one* level below its parent is the business of
`level-skip`.

## Why it matters
The pohon kinerja of PermenPANRB 89/2021 reads from the top down as "what condition is needed for
this?": outcomes are caused by outputs, outputs by processes. An outcome placed under an output says
the output is caused by the outcome — the chain is upside down, the evaluator scores the cascade as
not causal (LKE 1.b.8, PermenPANRB 88/2021), and the owners' performance agreements inherit the
confusion. It is usually a level typed in the wrong column or a goal attached to the wrong parent.

## Example
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Tersusunnya SOP pelayanan, level: output}
  - {id: "1.1.1", parent: "1.1", statement: Meningkatnya kepatuhan petugas pada SOP, level: immediate outcome}
```

## Fix
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya kepatuhan petugas pada SOP, level: immediate outcome}
  - {id: "1.1.1", parent: "1.1", statement: Tersusunnya SOP pelayanan, level: output}
```

## Options
None.
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini membandingkan level setiap kinerja dengan level setiap kinerja yang didukungnya (induknya).
Kinerja yang levelnya *lebih tinggi* daripada induknya — intermediate outcome di bawah output, immediate
outcome di bawah proses — dilaporkan pada kinerja bawahan tersebut, dengan induknya dalam `related`.

Beberapa lapis level yang sama adalah sah (dua lapis intermediate outcome, sub kegiatan yang diuraikan
menjadi rencana aksi pada level proses): level yang sama tidak dilaporkan. Kinerja tanpa level dilewati
(aturan lain melaporkannya). Kinerja yang berada *lebih dari satu* level di bawah induknya diperiksa oleh
`level-skip`.

## Mengapa penting
Pohon kinerja menurut PermenPANRB 89/2021 dibaca dari atas ke bawah dengan pertanyaan "kondisi apa yang
diperlukan untuk mewujudkan hal ini?": outcome disebabkan oleh output, dan output oleh proses. Outcome
yang ditempatkan di bawah output menyatakan bahwa output disebabkan oleh outcome — rantainya terbalik,
evaluator menilai pohon kinerja tersebut tidak menunjukkan hubungan sebab-akibat (LKE 1.b.8,
PermenPANRB 88/2021), dan Perjanjian Kinerja para penanggung jawabnya mewarisi kerancuan tersebut.
Penyebabnya biasanya level yang ditulis pada kolom yang salah atau kinerja yang dikaitkan dengan induk
yang salah.

## Contoh
## Perbaikan
## Opsi
Tidak ada.
"""

    def check(self, ctx: Context):
        lowest = max(level.rank for level in ctx.levels.levels)

        def picks(parent_ranks, child_ranks):  # under a parent of a lower level; nothing is below the lowest
            return map(
                operator.and_,
                map(operator.lt, child_ranks, repeat(lowest)),
                map(operator.lt, child_ranks, parent_ranks),
            )

        for n, d, p, pd, _, _ in ranked_links(ctx.index, picks):
            yield ctx.finding(
                n,
                related=(p,),
                rests_on=("level", "parent"),
                label=label(d),
                level=d.get("level"),
                parent=label(pd),
                parent_level=pd.get("level"),
            )
