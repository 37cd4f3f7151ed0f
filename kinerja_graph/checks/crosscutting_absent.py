"""crosscutting-absent: a cascade with no crosscutting link at all."""

from __future__ import annotations

from kinerja_graph.checks.base import Context, Rule


class CrosscuttingAbsent(Rule):
    id = "crosscutting-absent"
    area = "structure"
    lke = "1.b.9"
    summary = {
        "id": "Pohon kinerja tanpa satu pun tautan crosscutting",
        "en": "A cascade without any crosscutting link",
    }
    rationale = {
        "id": "LKE 1.b.9 (PermenPANRB 88/2021) menanyakan apakah dokumen perencanaan menunjukkan keterkaitan kinerja, "
        "strategi, kebijakan dan kegiatan antarbidang (crosscutting); rubriknya memberi nilai nol untuk "
        '"tidak ada crosscutting". Hampir tidak ada hasil yang dapat dicapai oleh satu organisasi secara mandiri.',
        "en": "LKE 1.b.9 (PermenPANRB 88/2021) asks whether planning documents show how performance, strategy, "
        'policy and activity relate across fields (crosscutting); its rubric scores "no crosscutting" as '
        "zero. Hardly any result is reached by one organisation alone.",
    }
    messages = {
        "default": {
            "id": "Pohon kinerja {organisation} tidak memuat satu pun tautan crosscutting ({count} kinerja), sedangkan "
            "LKE 1.b.9 memberi nilai nol untuk hal ini. Kinerja yang hasilnya bergantung pada organisasi lain perlu "
            "ditandai (crosscutting: [BKPSDM], ...)",
            "en": "The cascade of {organisation} has no crosscutting link at all ({count} goals); LKE 1.b.9 scores "
            "this as zero. Mark the goals whose result depends on other organisations (crosscutting: [BKPSDM], ...)",
        },
    }
    options_schema = {
        "min-goals": {
            "description": "Only report a cascade with at least this many goals (a fragment of a tree is not judged).",
            "type": "integer",
            "minimum": 1,
        },
    }
    doc = """\
## What it does
Reports, once for the whole cascade (at no particular node), a cascade none of whose goals has a
crosscutting link. A cascade with fewer than `min-goals` goals is not judged. Whether the links that
exist resolve is `crosscutting-unresolved`'s.

## Why it matters
LKE 1.b.9 asks whether the plan shows its relations with other fields and organisations; the rubric
scores "Tidak ada crosscutting" as zero. Outcomes such as public order (Satpol PP, TNI, POLRI) or
civil-service discipline (BKPSDM) are never reached by a kecamatan alone.

## Example
```yaml
nodes:
  - {id: "1", statement: Terwujudnya ketenteraman dan ketertiban umum, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Terkoordinasinya pengendalian trantibum, level: immediate outcome}
```

## Fix
```yaml
nodes:
  - {id: "1", statement: Terwujudnya ketenteraman dan ketertiban umum, level: intermediate outcome}
  - id: "1.1"
    parent: "1"
    statement: Terkoordinasinya pengendalian trantibum
    level: immediate outcome
    crosscutting: [Satpol PP, TNI, POLRI]
```

## Options
- `min-goals` (integer, default 2): the fewest goals a cascade must have to be judged.
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini melaporkan, satu kali untuk seluruh pohon kinerja (tidak pada kinerja tertentu), pohon
kinerja yang tidak satu pun kinerjanya memiliki tautan crosscutting. Pohon kinerja dengan kinerja kurang
dari `min-goals` tidak dinilai. Apakah tautan yang ada menunjuk mitra yang benar diperiksa oleh
`crosscutting-unresolved`.

## Mengapa penting
LKE 1.b.9 menilai apakah dokumen perencanaan menunjukkan keterkaitan kinerja dengan bidang dan organisasi
lain; rubriknya memberi nilai nol untuk "Tidak ada crosscutting". Hasil seperti ketenteraman dan
ketertiban umum (Satpol PP, TNI, POLRI) atau disiplin aparatur (BKPSDM) tidak pernah dicapai oleh
kecamatan secara mandiri.

## Contoh
## Perbaikan
## Opsi
- `min-goals` (bilangan bulat, bawaan 2): jumlah kinerja paling sedikit agar pohon kinerja dinilai.
"""

    def check(self, ctx: Context):
        G = ctx.graph
        ix = ctx.index
        goals = ix.goals
        if len(goals) < int(ctx.options.get("min-goals", 2)):
            return
        if "crosscutting" in ix.edge_kinds:
            return
        if any(d["kind"] == "goal" for _, d in ix.having("crosscutting")):
            return  # a link graph.py did not draw (a graph built otherwise)
        org = G.graph.get("organisation")
        yield ctx.finding(None, organisation=getattr(org, "name", None) or "?", count=len(goals))
