"""multiple-roots: more than one top goal in one organisation's cascade."""

from __future__ import annotations

from kinerja_graph.checks._quote import label
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.checks.orphan_node import top_rank


class MultipleRoots(Rule):
    id = "multiple-roots"
    area = "structure"
    lke = "1.b.8"
    summary = {
        "id": "Lebih dari satu kinerja puncak dalam pohon kinerja satu organisasi",
        "en": "More than one top goal in one organisation's cascade",
    }
    rationale = {
        "id": "PermenPANRB 89/2021 menurunkan kinerja dari outcome yang hendak dicapai organisasi; pohon kinerja "
        "yang memiliki beberapa puncak yang berdiri sendiri sesungguhnya terdiri atas beberapa pohon terpisah, "
        "sehingga hubungan sebab-akibat menuju satu hasil organisasi yang dinilai LKE 1.b.8 (PermenPANRB 88/2021) "
        "tidak tergambar.",
        "en": "PermenPANRB 89/2021 cascades performance down from the outcome the organisation is to reach; a cascade "
        "with several unrelated top goals is several separate trees, so the cause-and-effect link to one "
        "organisational result that LKE 1.b.8 (PermenPANRB 88/2021) scores is not shown.",
    }
    messages = {
        "default": {
            "id": "Pohon kinerja ini memiliki {count} kinerja puncak pada level {level:level} ({roots:quoted}), "
            "sedangkan kinerja puncak paling banyak {limit}; kinerja puncak tersebut perlu disatukan di bawah satu "
            "tujuan",
            "en": "This cascade has {count} top goals at {level:level} ({roots:quoted}); at most {limit} expected: "
            "bring them under one goal",
        },
    }
    options_schema = {
        "max-roots": {
            "description": "How many top goals (goals without a parent at the cascade's top level) are accepted.",
            "type": "integer",
            "minimum": 1,
        },
    }
    doc = """\
## What it does
Counts the top goals of the cascade: goals without a parent that stand at its top level (the highest
level any of its goals has). More than `max-roots` of them is one finding, on the first top goal in
the document, with the others in `related`.

Parentless goals *below* the top level are orphans, reported by `orphan-node`; this rule only looks
at the top level, so no goal is reported twice.

## Why it matters
A cascade describes how one organisation reaches its outcome. Several unrelated top goals are several
trees: the organisation's performance is not shown as one chain of results, and evaluators (LKE
1.b.8) and the head's performance agreement miss the link between them. A kecamatan without a tujuan
may start at one intermediate outcome; several intermediate outcomes side by side still need the
tujuan that joins them.

## Example
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "2", statement: Meningkatnya akuntabilitas kinerja, level: intermediate outcome}
```

## Fix
```yaml
nodes:
  - {id: "0", statement: Meningkatnya kinerja kecamatan, level: ultimate outcome}
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome, parent: "0"}
  - {id: "2", statement: Meningkatnya akuntabilitas kinerja, level: intermediate outcome, parent: "0"}
```

## Options
- `max-roots` (integer, default 1): how many top goals are accepted. An organisation whose Renstra
  has two tujuan may set 2.
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini menghitung kinerja puncak pohon kinerja: kinerja tanpa induk yang berada pada level teratas
(level tertinggi yang dimiliki kinerja mana pun dalam pohon kinerja tersebut). Apabila jumlahnya
melebihi `max-roots`, satu temuan dibuat pada kinerja puncak pertama dalam dokumen, dengan kinerja puncak
lainnya dalam `related`.

Kinerja tanpa induk yang berada *di bawah* level teratas adalah kinerja yang terputus dari puncak dan
dilaporkan oleh `orphan-node`; aturan ini hanya memeriksa level teratas, sehingga tidak ada kinerja yang
dilaporkan dua kali.

## Mengapa penting
Pohon kinerja menggambarkan cara satu organisasi mencapai outcome-nya. Beberapa kinerja puncak yang
tidak saling terkait berarti beberapa pohon: kinerja organisasi tidak tergambar sebagai satu rantai
hasil, dan evaluator (LKE 1.b.8) maupun Perjanjian Kinerja pimpinan kehilangan keterkaitan di antara
pohon-pohon tersebut. Kecamatan tanpa tujuan dapat dimulai dari satu intermediate outcome; beberapa
intermediate outcome yang berdampingan tetap memerlukan tujuan yang menyatukannya.

## Contoh
## Perbaikan
## Opsi
- `max-roots` (bilangan bulat, bawaan 1): jumlah kinerja puncak yang diterima. Organisasi yang
  Renstra-nya memiliki dua tujuan dapat menetapkan 2.
"""

    def check(self, ctx: Context):
        ix = ctx.index
        top = top_rank(ix)
        if top is None:
            return
        limit = int(ctx.options.get("max-roots", 1))
        roots = []
        for i in ix.roots():  # the goals without a parent goal, in document order
            n, d = ix.goals[i]
            if d.get("rank") == top and not d.get("missing_parents"):
                roots.append((n, d))
        if len(roots) <= limit:
            return
        first, data = roots[0]
        yield ctx.finding(
            first,
            related=[n for n, _ in roots[1:]],
            rests_on=("level", "parent"),
            count=len(roots),
            limit=limit,
            roots=[label(d) for _, d in roots],
            level=data.get("level"),
        )
