"""joint-owner: one goal held by two or more positions at once ("Kasi Pem & Lurah")."""

from __future__ import annotations

from collections.abc import Iterator

from kinerja_graph.checks._owners import owner_groups
from kinerja_graph.checks._quote import quote
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.classify import OwnerParts, OwnerResolver, required_vocabulary
from kinerja_graph.findings import Finding


class JointOwner(Rule):
    id = "joint-owner"
    area = "ownership"
    lke = "1.b.11"
    summary = {
        "id": "Satu kinerja yang dipegang dua jabatan atau lebih sekaligus",
        "en": "One goal held by two or more positions at once",
    }
    rationale = {
        "id": "PermenPANRB 89/2021 menerjemahkan setiap kinerja dalam pohon kinerja ke satu jabatan yang "
        "memperjanjikannya dalam Perjanjian Kinerja dan SKP; LKE 1.b.11 (PermenPANRB 88/2021) menilai apakah "
        "setiap pegawai merumuskan kinerjanya mengikuti cascading. Kinerja dengan dua penanggung jawab tidak "
        "dapat dimasukkan utuh ke satu Perjanjian Kinerja: bila tidak tercapai, tidak jelas siapa yang "
        "bertanggung jawab, sedangkan jabatan yang memimpin unit kerja lain (Lurah) mempertanggungjawabkan "
        "kinerjanya dalam perjanjian kinerjanya sendiri.",
        "en": "PermenPANRB 89/2021 translates every goal of the performance tree to one position, which signs for "
        "it in its performance agreement (Perjanjian Kinerja) and SKP; LKE 1.b.11 (PermenPANRB 88/2021) scores "
        "whether every employee's plan follows the cascade. A goal with two owners fits no single agreement "
        "whole: when it is missed, no one is accountable, while a position heading a unit of its own (a Lurah) "
        "answers for its results in its own agreement.",
    }
    messages = {
        "default": {
            "id": 'Penanggung jawab "{owner}" (kinerja {nodes:ids}) menunjuk {count} jabatan sekaligus '
            "({holders:quoted-all}); satu kinerja dipertanggungjawabkan oleh satu jabatan, sehingga perlu ditetapkan "
            "satu penanggung jawab, atau kinerja tersebut diuraikan menjadi kinerja masing-masing jabatan",
            "en": 'Owner "{owner}" (goals {nodes:ids}) names {count} positions at once ({holders:quoted-all}); '
            "one goal is answered for by one position — name one owner, or break it down into each "
            "position's own goal",
        },
        "other-unit": {
            "id": 'Penanggung jawab "{owner}" (kinerja {nodes:ids}) menunjuk {count} jabatan sekaligus '
            "({holders:quoted-all}), termasuk {heads:terms} yang memimpin unit kerja tersendiri dan "
            "memperjanjikan kinerjanya sendiri; perlu ditetapkan satu penanggung jawab, dan kontribusi unit tersebut "
            "dituangkan sebagai kinerja di bawahnya atau sebagai crosscutting",
            "en": 'Owner "{owner}" (goals {nodes:ids}) names {count} positions at once ({holders:quoted-all}), '
            "among them {heads:terms}, who heads a unit of its own and signs for its own results; "
            "name one owner, and write that unit's contribution as a goal below this one or as crosscutting",
        },
    }
    options_schema = {}
    doc = """\
## What it does
Reads each distinct owner (penanggung jawab) text once and reports the texts that name two or more
positions joined together: "Kasi Pem & Lurah", "Sekretaris dan Bendahara", "Kasi PMD, Kasi Pem". The
finding stands on the first goal holding that owner, with the others related. When one of the
positions heads a unit of its own — a Lurah (a kelurahan), the head of a UPT, a Kepala Desa — the
message says so: that position answers for its results in its own performance agreement, so
co-owning the organisation's goal (Praya: a Lurah co-owning the kecamatan's budget absorption) mixes
two accountabilities.

A separator inside one position's name joins nothing: "Kasubbag Perencanaan dan Keuangan" and
"Kasubag Umum, Kepegawaian, Keuangan dan Aset" are one position, since the parts after "dan" or the
comma name no position of their own. A choice between positions ("Kasi/Jafung/Analis") is
`ambiguous-owner`'s. The separators, the positions and the positions heading a unit of their own
(`own_units`) are data: rules/vocabulary/owners.yaml.

## Why it matters
Every goal of the tree is translated to one position, which signs for it in its Perjanjian Kinerja
and from there in its SKP (PermenPANRB 89/2021); the evaluator checks that every employee's plan
follows the cascade (LKE 1.b.11, PermenPANRB 88/2021). A goal held by two positions fits neither
agreement whole, and when it is missed no one is accountable.

## Example
```yaml
organisation: {name: Kecamatan Contoh, type: kecamatan}
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome, owner: Camat}
  - {id: "1.1", parent: "1", statement: Meningkatnya tata kelola pemerintahan kelurahan, level: immediate outcome, owner: Kasi Pem & Lurah}
```

## Fix
```yaml
organisation: {name: Kecamatan Contoh, type: kecamatan}
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome, owner: Camat}
  - {id: "1.1", parent: "1", statement: Meningkatnya tata kelola pemerintahan kelurahan, level: immediate outcome, owner: Kasi Pemerintahan}
  - {id: "1.1.1", parent: "1.1", statement: Tersusunnya laporan penyelenggaraan pemerintahan kelurahan, level: output, owner: Lurah}
```

## Options
None. The words are data: `separators` (`joint`), `own_units` in rules/vocabulary/owners.yaml.
"""
    doc_id = """\
## Apa yang diperiksa
Membaca setiap teks penanggung jawab yang berbeda satu kali, lalu melaporkan teks yang menyebut dua
jabatan atau lebih yang digabungkan: "Kasi Pem & Lurah", "Sekretaris dan Bendahara", "Kasi PMD, Kasi
Pem". Temuan diletakkan pada kinerja pertama yang memiliki penanggung jawab tersebut, dengan kinerja
lainnya sebagai kinerja terkait. Bila salah satu jabatan memimpin unit kerja tersendiri — Lurah
(kelurahan), kepala UPT, Kepala Desa — pesannya menyebutkan hal itu: jabatan tersebut
mempertanggungjawabkan kinerjanya dalam perjanjian kinerjanya sendiri, sehingga ikut memegang kinerja
organisasi (Praya: Lurah ikut memegang penyerapan anggaran kecamatan) mencampurkan dua akuntabilitas.

Pemisah di dalam nama satu jabatan tidak menggabungkan apa pun: "Kasubbag Perencanaan dan Keuangan"
dan "Kasubag Umum, Kepegawaian, Keuangan dan Aset" adalah satu jabatan, karena bagian sesudah "dan"
atau koma tidak menyebut jabatan tersendiri. Pilihan di antara beberapa jabatan ("Kasi/Jafung/Analis")
merupakan urusan `ambiguous-owner`. Pemisah, jabatan, dan jabatan yang memimpin unit kerja tersendiri
(`own_units`) merupakan data: rules/vocabulary/owners.yaml.

## Mengapa penting
Setiap kinerja dalam pohon kinerja diterjemahkan ke satu jabatan yang memperjanjikannya dalam
Perjanjian Kinerja dan selanjutnya dalam SKP (PermenPANRB 89/2021); evaluator memeriksa apakah rencana
kinerja setiap pegawai mengikuti cascading (LKE 1.b.11, PermenPANRB 88/2021). Kinerja yang dipegang dua
jabatan tidak dapat dimasukkan utuh ke perjanjian kinerja mana pun, dan bila tidak tercapai tidak ada
yang bertanggung jawab.

## Contoh
## Perbaikan
## Opsi
Tidak ada. Kata-katanya merupakan data: `separators` (`joint`) dan `own_units` dalam
rules/vocabulary/owners.yaml.
"""

    def check(self, ctx: Context) -> Iterator[Finding]:
        resolver = OwnerResolver(required_vocabulary(ctx.vocabulary, "owners", self.id))

        def judge(owner: str) -> OwnerParts | None:
            parts = resolver.parts(owner)
            return parts if parts.join == "joint" else None

        for parts, nodes, _ in owner_groups(ctx.index, judge):
            heads = [
                resolver.positions[pid].name
                for pid in dict.fromkeys(p for named in parts.positions for p in named)
                if pid in resolver.own_units
            ]
            yield ctx.finding(
                nodes[0],
                "other-unit" if heads else "default",
                related=nodes[1:],
                rests_on=("owner",),
                owner=quote(parts.text),
                holders=[quote(holder, 40) for holder in parts.holders],
                count=len(parts.holders),
                goals=len(nodes),
                heads=[{"id": h["id"], "en": h["en"]} for h in heads],
            )
