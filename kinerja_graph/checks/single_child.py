"""single-child: a goal with exactly one contributing goal."""

from __future__ import annotations

from kinerja_graph.checks._options import levels_schema
from kinerja_graph.checks._quote import label
from kinerja_graph.checks.base import Context, Rule


class SingleChild(Rule):
    id = "single-child"
    area = "structure"
    lke = "1.b.3"
    summary = {
        "id": "Kinerja yang hanya didukung oleh satu kinerja di bawahnya",
        "en": "A goal supported by exactly one goal below it",
    }
    rationale = {
        "id": "PermenPANRB 89/2021 menguraikan setiap kondisi ke faktor-faktor penyebab yang cukup untuk mewujudkannya "
        "(LKE 1.b.3, PermenPANRB 88/2021: kebutuhan kinerja yang sebenarnya); satu-satunya penyebab sering "
        "berarti kondisi itu belum diuraikan, atau level yang sama ditulis dua kali.",
        "en": "PermenPANRB 89/2021 breaks every condition down into the causes that together suffice to bring it about "
        "(LKE 1.b.3, PermenPANRB 88/2021: the real performance need); a single cause often means the condition "
        "was not broken down, or the same level was written twice.",
    }
    messages = {
        "default": {
            "id": 'Kinerja "{label}" hanya didukung oleh satu kinerja di bawahnya ("{child}"); kecukupan '
            "penyebabnya perlu dipastikan",
            "en": 'Goal "{label}" is supported by only one goal below it ("{child}"): are its causes sufficient?',
        },
    }
    options_schema = {
        "skip-levels": levels_schema("Levels whose goals may have a single child without comment."),
    }
    doc = """\
## What it does
Finds goals with exactly one goal contributing to them. This is advice (severity info by default):
a single child is legitimate in a direct cascade to one unit, and a node may silence the rule for
itself with a reason (`ignore: [{rule: single-child, reason: "cascade langsung ke Sekcam"}]`).
Goals without children are `leaf-level`'s business.

## Why it matters
A cascade explains each result by the conditions that together suffice to bring it about (the
materiality and sufficiency principles of PermenPANRB 89/2021). One child alone either restates its
parent one level down or leaves the other causes out.

## Example
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome}
  - {id: "1.1.1", parent: "1.1", statement: Tersusunnya SOP pelayanan, level: output}
  - {id: "1.1.2", parent: "1.1", statement: Terlaksananya pelayanan sesuai SOP, level: output}
```

## Fix
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome}
  - {id: "1.2", parent: "1", statement: Meningkatnya kompetensi petugas layanan, level: immediate outcome}
  - {id: "1.1.1", parent: "1.1", statement: Tersusunnya SOP pelayanan, level: output}
  - {id: "1.1.2", parent: "1.1", statement: Terlaksananya pelayanan sesuai SOP, level: output}
  - {id: "1.2.1", parent: "1.2", statement: Terlaksananya pelatihan petugas layanan, level: output}
  - {id: "1.2.2", parent: "1.2", statement: Terlaksananya uji kompetensi petugas, level: output}
```

## Options
- `skip-levels` (list of level ids, default `[ultimate_outcome]`): levels whose goals may have a single
  child. A tujuan served by one sasaran strategis is common and legitimate in a small organisation's
  Renstra, so the default pack skips the ultimate outcome level.
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini mencari kinerja yang didukung oleh tepat satu kinerja bawahan. Temuannya bersifat saran
(secara bawaan bertingkat info): satu kinerja bawahan adalah sah dalam cascading langsung ke satu unit,
dan suatu kinerja dapat mengecualikan aturan ini bagi dirinya dengan menyebut alasannya
(`ignore: [{rule: single-child, reason: "cascade langsung ke Sekcam"}]`). Kinerja tanpa kinerja
bawahan diperiksa oleh `leaf-level`.

## Mengapa penting
Pohon kinerja menjelaskan setiap hasil melalui kondisi-kondisi yang bersama-sama memadai untuk
mewujudkannya (prinsip materialitas dan kecukupan dalam PermenPANRB 89/2021). Satu kinerja bawahan saja
berarti kinerja tersebut mengulang induknya satu level di bawahnya, atau penyebab lainnya terlewat.

## Contoh
## Perbaikan
## Opsi
- `skip-levels` (daftar id level, bawaan `[ultimate_outcome]`): level yang kinerjanya boleh memiliki
  satu kinerja bawahan. Tujuan yang didukung oleh satu sasaran strategis lazim dan sah dalam Renstra
  organisasi kecil, sehingga paket aturan bawaan mengecualikan level ultimate outcome.
"""

    def check(self, ctx: Context):
        G = ctx.graph
        skip = set(ctx.options.get("skip-levels") or ())
        ix = ctx.index
        # the goals with one or two children (a goal's link to itself aside): few, looked at in document order
        few = [parent for parent, count in ix.child_counts().items() if count <= 2]
        ids = ix.ids()
        for parent, kids in ix.kids(few).items():
            n = ids[parent]
            kids = [ids[k] for k in kids if ids[k] != n]
            if len(kids) != 1:
                continue
            d = G._node[n]
            if d.get("level") in skip:
                continue
            child = G.nodes[kids[0]]
            yield ctx.finding(n, related=kids, rests_on=("parent",), label=label(d), child=label(child))
