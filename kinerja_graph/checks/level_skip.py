"""level-skip: a goal more than one level below its parent (an output straight under an intermediate outcome)."""

from __future__ import annotations

import operator
from itertools import repeat

from kinerja_graph.checks._judge import ranked_links
from kinerja_graph.checks._options import levels_schema
from kinerja_graph.checks._quote import label
from kinerja_graph.checks.base import Context, Rule


class LevelSkip(Rule):
    id = "level-skip"
    area = "levels"
    lke = "1.b.8"
    summary = {
        "id": "Kinerja yang melompati level di antara dirinya dan induknya",
        "en": "A goal more than one level below its parent",
    }
    rationale = {
        "id": "LKE 1.b.8 (PermenPANRB 88/2021) memberi nilai penuh bila cascading menyambung tanpa putus dari "
        "ultimate outcome sampai output; PermenPANRB 89/2021 menguraikan kondisi antara satu demi satu. Level "
        "yang dilompati (output langsung di bawah sasaran strategis, tanpa sasaran program) dibaca evaluator "
        "sebagai rantai yang terputus: tidak tampak kondisi antara yang menghubungkan keduanya, dan jabatan "
        "yang seharusnya memegangnya tidak memiliki kinerja.",
        "en": "LKE 1.b.8 (PermenPANRB 88/2021) gives full marks when the cascade runs unbroken from the ultimate "
        "outcome down to outputs; PermenPANRB 89/2021 breaks a result down one intermediate condition at a "
        "time. A skipped level (an output straight under a strategic objective, with no programme objective "
        "between) reads to an evaluator as a broken chain: the condition that links the two is missing, and "
        "the position that should hold it has no performance.",
    }
    messages = {
        "default": {
            "id": 'Kinerja "{label}" ({level:level}) berada langsung di bawah "{parent}" ({parent_level:level}): '
            "level {missing:levels} terlewati",
            "en": 'Goal "{label}" ({level:level}) stands straight under "{parent}" ({parent_level:level}): '
            "{missing:levels} is skipped",
        },
    }
    options_schema = {
        "optional-levels": levels_schema(
            "Levels a cascade may leave out between a goal and its parent without a finding "
            "(for example [output] when sub kegiatan hang directly under programme objectives by design)."
        ),
    }
    doc = """\
## What it does
Compares the level of every goal with the level of each goal it contributes to (its parent). A goal
two or more levels below its parent — an output straight under an intermediate outcome, a process
straight under an immediate outcome — is reported, on the child, with the parent in `related` and the
skipped levels named.

Only the links between goals are judged, never where the cascade starts: a kecamatan cascade whose top
goals are intermediate outcomes (no tujuan) skips nothing. A goal without a level is passed over.
Levels listed in `optional-levels` may be left out between a goal and its parent. A goal *above* its
parent's level is the business of `level-inversion`.

## Why it matters
Each level of the cascade is a condition someone is accountable for: the programme objective
(immediate outcome) is the Kasi's or Kabid's, the output the Kasubbag's or staff's. Skip one and the
chain loses the condition that explains how the lower goal causes the higher one, and the position
that should hold it has no performance to sign in its Perjanjian Kinerja — LKE 1.b.8 scores the
chain as broken.

## Example
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Tersusunnya SOP pelayanan administrasi, level: output}
```

## Fix
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan administrasi sesuai SOP, level: immediate outcome}
  - {id: "1.1.1", parent: "1.1", statement: Tersusunnya SOP pelayanan administrasi, level: output}
```

## Options
- `optional-levels` (list of level ids, default `[]`): levels that may be left out between a goal and
  its parent. With `[output]`, a process directly under an immediate outcome passes; a process
  directly under an intermediate outcome still skips the immediate outcome and is reported (the
  message then names only the immediate outcome).
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini membandingkan level setiap kinerja dengan level setiap kinerja yang didukungnya (induknya).
Kinerja yang berada dua level atau lebih di bawah induknya — output langsung di bawah intermediate
outcome, proses langsung di bawah immediate outcome — dilaporkan pada kinerja bawahan tersebut, dengan
induknya dalam `related` dan level yang terlewati disebutkan.

Hanya tautan antarkinerja yang dinilai, tidak pernah titik awal pohon kinerja: pohon kinerja kecamatan
yang kinerja puncaknya berupa intermediate outcome (tanpa tujuan) tidak melewati level apa pun. Kinerja
tanpa level dilewati. Level yang tercantum dalam `optional-levels` boleh tidak ada di antara suatu
kinerja dan induknya. Kinerja yang berada *di atas* level induknya diperiksa oleh `level-inversion`.

## Mengapa penting
Setiap level dalam pohon kinerja adalah kondisi yang dipertanggungjawabkan oleh suatu jabatan: sasaran
program (immediate outcome) oleh Kasi atau Kabid, output oleh Kasubbag atau staf. Apabila satu level
terlewati, rantai kehilangan kondisi yang menjelaskan bagaimana kinerja bawahan menyebabkan kinerja di
atasnya, dan jabatan yang seharusnya memegang kondisi tersebut tidak memiliki kinerja untuk
ditandatangani dalam Perjanjian Kinerja — LKE 1.b.8 menilai rantai tersebut terputus.

## Contoh
## Perbaikan
## Opsi
- `optional-levels` (daftar id level, bawaan `[]`): level yang boleh tidak ada di antara suatu kinerja
  dan induknya. Dengan `[output]`, proses yang berada langsung di bawah immediate outcome diterima;
  proses yang berada langsung di bawah intermediate outcome tetap melewati immediate outcome dan
  dilaporkan (pesannya kemudian hanya menyebut immediate outcome).
"""

    def check(self, ctx: Context):
        optional = set(ctx.options.get("optional-levels") or ())
        by_rank = {level.rank: level for level in ctx.levels.levels}

        def picks(parent_ranks, child_ranks):  # two levels or more below the parent
            return map(operator.ge, map(operator.sub, child_ranks, parent_ranks), repeat(2))

        for n, d, p, pd, rank, parent_rank in ranked_links(ctx.index, picks):
            missing = [
                by_rank[r].id for r in range(parent_rank + 1, rank) if r in by_rank and by_rank[r].id not in optional
            ]
            if not missing:
                continue
            yield ctx.finding(
                n,
                related=(p,),
                rests_on=("level", "parent"),
                label=label(d),
                level=d.get("level"),
                parent=label(pd),
                parent_level=pd.get("level"),
                missing=missing,
            )
