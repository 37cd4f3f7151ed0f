"""missing-owner: a goal without a penanggung jawab."""

from __future__ import annotations

from kinerja_graph.checks._blank import is_blank, placeholder_set
from kinerja_graph.checks._judge import judged_nodes_among
from kinerja_graph.checks._options import PLACEHOLDERS_SCHEMA, SUMMARISE_SCHEMA, levels_schema
from kinerja_graph.checks._quote import label
from kinerja_graph.checks.base import Context, Rule


class MissingOwner(Rule):
    id = "missing-owner"
    area = "ownership"
    lke = "1.b.10"
    summary = {
        "id": "Kinerja tanpa penanggung jawab",
        "en": "A goal without an owner (penanggung jawab)",
    }
    rationale = {
        "id": "Langkah terakhir penjenjangan kinerja menurut PermenPANRB 89/2021 adalah menerjemahkan pohon kinerja "
        "ke kinerja jabatan: setiap kinerja memiliki pemilik. Tanpa penanggung jawab, kinerja itu tidak masuk "
        "Perjanjian Kinerja atau SKP siapa pun, dan LKE 1.b.10-1.b.11 (PermenPANRB 88/2021) tidak terpenuhi.",
        "en": "The last step of performance cascading under PermenPANRB 89/2021 translates the tree into the "
        "performance of positions: every goal has an owner. Without one, the goal enters nobody's performance "
        "agreement (PK) or SKP, and LKE 1.b.10-1.b.11 (PermenPANRB 88/2021) are not met.",
    }
    messages = {
        "one": {
            "id": 'Kinerja "{label}" ({level:level}) belum memiliki penanggung jawab',
            "en": 'Goal "{label}" ({level:level}) has no owner (penanggung jawab)',
        },
        "none": {
            "id": "Tidak satu pun dari {count} kinerja dalam pohon kinerja ini mencantumkan penanggung jawab",
            "en": "None of the {count} goals of this cascade names an owner (penanggung jawab)",
        },
    }
    options_schema = {
        "placeholders": PLACEHOLDERS_SCHEMA,
        "skip-levels": levels_schema("Levels whose goals need no owner."),
        "summarise-absent": SUMMARISE_SCHEMA,
    }
    doc = """\
## What it does
Finds goals whose `owner` (penanggung jawab, jabatan, PJ) is empty or a placeholder such as "-".
Indicators without a goal are `orphan-indicator`'s business and are not looked at. When no goal of the
whole cascade names an owner (the document simply has no owner column), one finding says so for the
cascade instead of one per goal.

## Why it matters
PermenPANRB 89/2021 ends the cascade by assigning every goal to a position, so that it enters a
performance agreement (PK) and the SKP of the people who deliver it. A goal without an owner is
performance nobody answers for; evaluators note it under LKE 1.b.10-1.b.11.

## Example
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome, owner: Camat}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome, owner: "-"}
```

## Fix
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas layanan publik, level: intermediate outcome, owner: Camat}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan sesuai SOP, level: immediate outcome,
     owner: Kasi Pelayanan Umum}
```

## Options
- `placeholders` (list of texts): owners that count as empty, compared ignoring case.
- `skip-levels` (list of level ids, default none): levels whose goals need no owner.
- `summarise-absent` (boolean, default true): one finding for a cascade where no goal names an owner.
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini mencari kinerja yang `owner`-nya (penanggung jawab, jabatan, PJ) kosong atau hanya berisi
tanda pengisi seperti "-". Indikator tanpa sasaran diperiksa oleh `orphan-indicator` dan tidak diperiksa
di sini. Apabila tidak satu pun kinerja dalam pohon kinerja mencantumkan penanggung jawab (dokumen memang
tidak memiliki kolom penanggung jawab), satu temuan menyatakannya untuk seluruh pohon kinerja, alih-alih
satu temuan per kinerja.

## Mengapa penting
PermenPANRB 89/2021 mengakhiri penjenjangan kinerja dengan menetapkan setiap kinerja kepada suatu
jabatan, sehingga kinerja tersebut masuk ke dalam Perjanjian Kinerja (PK) dan SKP pegawai yang
melaksanakannya. Kinerja tanpa penanggung jawab adalah kinerja yang tidak dipertanggungjawabkan oleh
siapa pun; evaluator mencatatnya pada LKE 1.b.10–1.b.11.

## Contoh
## Perbaikan
## Opsi
- `placeholders` (daftar teks): penanggung jawab yang dianggap kosong, dibandingkan tanpa membedakan
  huruf besar-kecil.
- `skip-levels` (daftar id level, bawaan tidak ada): level yang kinerjanya tidak memerlukan penanggung
  jawab.
- `summarise-absent` (boolean, bawaan true): satu temuan untuk pohon kinerja yang tidak satu pun
  kinerjanya mencantumkan penanggung jawab.
"""

    def check(self, ctx: Context):
        placeholders = placeholder_set(ctx.options)
        skip = set(ctx.options.get("skip-levels") or ())
        fields = ("kind", "level", "owner")  # what decides, once per distinct combination

        def in_scope(d) -> bool:
            return d["kind"] == "goal" and d.get("level") not in skip

        def lacks_owner(d):
            return True if in_scope(d) and is_blank(d.get("owner"), placeholders) else None

        # the owner first, once per distinct owner: kind and level only for the nodes without one
        ix = ctx.index
        owners = ix.node_groups(("owner",))
        blank = [is_blank(ix.nodes[position][1].get("owner"), placeholders) for position in owners.first]
        lacking = [(n, d) for n, d, _ in judged_nodes_among(ix, owners.positions(blank), fields, lacks_owner)]
        if not lacking:
            return
        goal_levels = ix.goal_values("level")
        goals = len(goal_levels) - sum(map(skip.__contains__, goal_levels))  # the goals in_scope() takes
        if ctx.options.get("summarise-absent", True) and len(lacking) == goals > 1:
            yield ctx.finding(None, "none", count=goals)
            return
        for n, d in lacking:
            yield ctx.finding(n, "one", label=label(d), level=d.get("level"))
