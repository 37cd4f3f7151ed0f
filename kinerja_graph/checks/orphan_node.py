"""orphan-node: a goal that does not reach the top of the cascade."""

from __future__ import annotations

import operator
from itertools import compress, repeat

from kinerja_graph.checks._index import Index
from kinerja_graph.checks._quote import label, quote
from kinerja_graph.checks.base import Context, Rule


def top_rank(ix: Index) -> int | None:
    """The highest level (lowest rank) any goal of the cascade stands at: where its top goals belong."""

    def compute():
        ranks = ix.goal_values("rank")
        return min(compress(ranks, map(operator.is_not, ranks, repeat(None))), default=None)

    return ix.shared("top rank", compute)


class OrphanNode(Rule):
    id = "orphan-node"
    area = "structure"
    lke = "1.b.8"
    summary = {
        "id": "Kinerja yang tidak tersambung ke kinerja puncak",
        "en": "A goal that does not reach the top goal",
    }
    rationale = {
        "id": "LKE 1.b.8 (PermenPANRB 88/2021) menilai cascading sebagai rantai hasil yang berkesinambungan dari "
        "ultimate outcome sampai output; kinerja yang induknya tidak terdapat dalam pohon kinerja, atau yang sama "
        "sekali tidak memiliki induk, memutus rantai itu, sehingga kontribusinya pada tujuan organisasi tidak "
        "terbaca.",
        "en": "LKE 1.b.8 (PermenPANRB 88/2021) scores cascading as a continuous chain of results from the ultimate "
        "outcome down to outputs; a goal whose parent does not exist, or that has no parent at all, breaks the "
        "chain, and its contribution to the organisation's aim cannot be read.",
    }
    messages = {
        "dangling": {
            "id": 'Kinerja "{label}" menunjuk induk {parents:quoted-all} yang tidak terdapat dalam pohon kinerja ini',
            "en": 'Goal "{label}" names parent {parents:quoted-all}, which does not exist',
        },
        "not_goal": {
            "id": 'Kinerja "{label}" menunjuk induk {parents:quoted-all} yang hanya berupa indikator tanpa sasaran, '
            "bukan kinerja",
            "en": 'Goal "{label}" names parent {parents:quoted-all}, which is an indicator without a goal, not a goal',
        },
        "parentless": {
            "id": 'Kinerja "{label}" ({level:level}) tidak memiliki induk, sedangkan kinerja puncak pohon kinerja ini '
            "berada pada level {top:level}",
            "en": 'Goal "{label}" ({level:level}) has no parent, while the top goals of this cascade stand at '
            "{top:level}",
        },
    }
    options_schema = {}
    doc = """\
## What it does
Finds goals cut off from the top of the cascade:

- a goal whose `parent` names an id that no goal has (a typo, a deleted goal, a row that was not
  copied);
- a goal with no parent that stands *below* the top level of the cascade. The top level is the
  highest level any goal of the cascade has: a kecamatan cascade without a tujuan whose top goals are
  intermediate outcomes is legitimate, and its intermediate outcomes are not orphans. An immediate
  outcome with no parent in a cascade that has a tujuan is.

Several parentless goals *at* the top level are the business of `multiple-roots`, not this rule; goals
linked in a circle are the business of `cycle`. The goals below an orphan are not reported again.

## Why it matters
A goal that does not reach the top contributes to nothing the organisation is accountable for; the
evaluator sees a broken chain (LKE 1.b.8 gives half or no marks) and the owner's performance
agreement (PK) loses its link to the organisation's outcome.

## Example
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kinerja kecamatan, level: ultimate outcome}
  - {id: "1.1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome, parent: "1"}
  - {id: "1.1.1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome, parent: "9"}
  - {id: "1.2.1", statement: Meningkatnya tertib administrasi, level: immediate outcome}
```

## Fix
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kinerja kecamatan, level: ultimate outcome}
  - {id: "1.1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome, parent: "1"}
  - {id: "1.1.1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome, parent: "1.1"}
  - {id: "1.2.1", statement: Meningkatnya tertib administrasi, level: immediate outcome, parent: "1.1"}
```

## Options
None.
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini mencari kinerja yang terputus dari puncak pohon kinerja:

- kinerja yang `parent`-nya menunjuk kode yang tidak dimiliki kinerja mana pun (salah ketik, kinerja
  yang telah dihapus, baris yang tidak tersalin);
- kinerja tanpa induk yang berada *di bawah* level teratas pohon kinerja. Level teratas adalah level
  tertinggi yang dimiliki kinerja mana pun dalam pohon kinerja tersebut: pohon kinerja kecamatan tanpa
  tujuan yang kinerja puncaknya berupa intermediate outcome adalah sah, dan intermediate outcome-nya
  tidak terputus. Immediate outcome tanpa induk dalam pohon kinerja yang memiliki tujuan adalah kinerja
  yang terputus.

Beberapa kinerja tanpa induk *pada* level teratas diperiksa oleh `multiple-roots`, bukan oleh aturan
ini; kinerja yang saling terhubung secara melingkar diperiksa oleh `cycle`. Kinerja di bawah kinerja
yang terputus tidak dilaporkan ulang.

## Mengapa penting
Kinerja yang tidak tersambung ke puncak tidak berkontribusi pada apa pun yang menjadi akuntabilitas
organisasi; evaluator melihat rantai yang terputus (LKE 1.b.8 memberi setengah nilai atau nol), dan
Perjanjian Kinerja (PK) penanggung jawabnya kehilangan keterkaitan dengan outcome organisasi.

## Contoh
## Perbaikan
## Opsi
Tidak ada.
"""

    def check(self, ctx: Context):
        G = ctx.graph
        ix = ctx.index
        top = top_rank(ix)
        goals = ix.goals
        missing = ix.goal_values("missing_parents")
        ranks = ix.goal_values("rank")
        # the goals to look at, in document order: those naming parents that are not goals, and those
        # without a parent goal (few of either)
        naming = compress(range(len(goals)), missing)
        parentless = ix.roots() if top is not None else ()
        top_level = next((level.id for level in ctx.levels.levels if level.rank == top), str(top))
        for i in sorted({*naming, *parentless}):
            n, d = goals[i]
            if missing[i]:
                absent = [p for p in missing[i] if p not in G]
                loose = [p for p in missing[i] if p in G]
                for variant, ids in (("dangling", absent), ("not_goal", loose)):
                    if ids:
                        yield ctx.finding(
                            n, variant, rests_on=("parent",), label=label(d), parents=[quote(p, 30) for p in ids]
                        )
                continue
            rank = ranks[i]
            if top is None or rank is None or rank <= top:
                continue
            yield ctx.finding(
                n, "parentless", rests_on=("level", "parent"), label=label(d), level=d.get("level"), top=top_level
            )
