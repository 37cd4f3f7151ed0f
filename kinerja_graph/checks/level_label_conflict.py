"""level-label-conflict: level labels that the cascade's own tree contradicts."""

from __future__ import annotations

from collections.abc import Iterator

from kinerja_graph.checks._quote import label
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.findings import Finding
from kinerja_graph.structure import LevelReading


class LevelLabelConflict(Rule):
    id = "level-label-conflict"
    area = "levels"
    lke = "1.b.8"
    summary = {
        "id": "Label level yang bertentangan dengan struktur pohon kinerjanya sendiri",
        "en": "Level labels that the cascade's own tree contradicts",
    }
    rationale = {
        "id": "LKE 1.b.8 (PermenPANRB 88/2021) menilai apakah cascading menyambung dari ultimate outcome sampai "
        "output untuk setiap jenjang jabatan; pohon kinerja PermenPANRB 89/2021 turun satu kondisi demi satu "
        "kondisi. Bila label level tidak mengikuti pohonnya (outcome di bawah output, sasaran sub kegiatan "
        "berlabel kinerja strategis), pembaca tidak dapat mengetahui jenjang mana yang dimaksud, dan setiap "
        "penilaian atas level menjadi keliru. Evaluator mencatatnya satu kali: labelnya tidak konsisten.",
        "en": "LKE 1.b.8 (PermenPANRB 88/2021) scores whether the cascade runs from the ultimate outcome down to "
        "outputs for every level of position; a PermenPANRB 89/2021 performance tree goes down one condition "
        "at a time. When the level labels do not follow the tree (an outcome under an output, a sub-activity "
        "objective labelled strategic), a reader cannot tell which level is meant, and every judgement on "
        "levels goes astray. An evaluator notes it once: the labels are inconsistent.",
    }
    messages = {
        "default": {
            "id": "Label level {count} dari {goals} kinerja bertentangan dengan struktur pohon kinerjanya sendiri "
            "({nodes:ids}): {inverted} kinerja berlabel lebih tinggi daripada kinerja yang didukungnya, dan menurut "
            'letaknya dalam pohon label tersebut menunjuk jenjang lain, misalnya "{example}" berlabel '
            "{example_level:level}, sedangkan letaknya adalah {example_place:level}. Aturan yang menilai level "
            "membaca kinerja tersebut menurut letaknya; labelnya perlu disesuaikan dengan pohon kinerja",
            "en": "The level labels of {count} of {goals} goals contradict the cascade's own tree ({nodes:ids}): "
            "{inverted} goals are labelled above the goal they contribute to, and by their place in the tree the "
            'labels name another tier — e.g. "{example}" is labelled {example_level:level}, while its place is '
            "that of {example_place:level}. The rules that judge levels read these goals by their place; make the "
            "labels follow the tree",
        },
    }
    options_schema = {
        "min-inverted": {
            "description": "How many goals labelled above a goal they contribute to make the labels as a whole "
            "doubtful (fewer are level-inversion's findings).",
            "type": "integer",
            "minimum": 1,
        },
        "min-inverted-share": {
            "description": "What share (0-1) of the goals whose level can be compared with their parent's must be "
            "labelled above it for the labels as a whole to be doubtful.",
            "type": "number",
            "minimum": 0,
            "maximum": 1,
        },
    }
    doc = """\
## What it does
Reads the levels the cascade's own tree implies: the level of the top goal of each tree, one level
further down for each step down the tree (ultimate outcome → intermediate outcome → immediate outcome
→ output → process; below the lowest level, the lowest). Then compares the labels with that reading.

Departing from the reading is not in itself a defect (two layers of intermediate outcome, a tree that
starts at its sasaran, rencana aksi under sub kegiatan): only a tree that contradicts its labels
makes them doubtful — at least `min-inverted` goals labelled *above* a goal they contribute to, and
at least the share `min-inverted-share` of the goals whose level can be compared with their parent's
(one such goal, or a few in a large cascade, are `level-inversion`'s findings). Then every goal whose label names
another tier (strategic, tactical, operational) than its place in the tree is doubtful, and this rule
writes one note for the cascade, listing them, with an example.

The note carries the weight: the rules that judge levels (`level-inversion`, `level-skip`,
`leaf-level`, `owner-level-mismatch`, `goal-is-activity`, `indicator-level-mismatch`) judge the doubtful
goals by their place in the tree instead of their label, and their findings on those goals are marked
`basis: doubtful` and at most warnings. A finding that only the doubtful label would cause is not
raised. The reading is kinerja_graph/structure.py; renderers and the evaluation read it too.

## Why it matters
A performance tree goes down one condition at a time (PermenPANRB 89/2021), and the evaluator scores
whether the cascade runs from the ultimate outcome to outputs for every level of position (LKE 1.b.8,
PermenPANRB 88/2021). Labels written apart from the tree (Batumandi's Tahap 5 labels disagree with its
own Tahap 3 tree on 15 rows) make the cascade unreadable by level: a sub kegiatan labelled "kinerja
strategis", a sasaran program labelled "operasional". Taking such labels at their word would report
inversions, skipped levels, staff holding strategic goals and outputs worded as outputs — all the
consequence of one defect, which an evaluator notes once.

## Example
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan administrasi sesuai standar, level: output}
  - {id: "1.1.1", parent: "1.1", statement: Tersusunnya SOP pelayanan administrasi, level: immediate outcome}
  - {id: "1.2", parent: "1", statement: Meningkatnya ketertiban umum, level: output}
  - {id: "1.2.1", parent: "1.2", statement: Terlaksananya patroli ketertiban, level: immediate outcome}
```

## Fix
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya layanan administrasi sesuai standar, level: immediate outcome}
  - {id: "1.1.1", parent: "1.1", statement: Tersusunnya SOP pelayanan administrasi, level: output}
  - {id: "1.2", parent: "1", statement: Meningkatnya ketertiban umum, level: immediate outcome}
  - {id: "1.2.1", parent: "1.2", statement: Terlaksananya patroli ketertiban, level: output}
```

## Options
- `min-inverted` (integer, default 2): how many goals labelled above a goal they contribute to make
  the labels as a whole doubtful. Below it, each such goal is `level-inversion`'s finding and the
  labels are taken as written.
- `min-inverted-share` (number 0-1, default 0.05): the share of the goals with a labelled parent that
  must be so inverted as well, so that a few independent slips in a large cascade stay
  `level-inversion`'s findings.
"""
    doc_id = """\
## Apa yang diperiksa
Membaca level yang tersirat dari pohon kinerja itu sendiri: level kinerja puncak setiap pohon, lalu
satu level lebih rendah untuk setiap jenjang ke bawah (ultimate outcome → intermediate outcome →
immediate outcome → output → proses; di bawah level terendah tetap level terendah). Label level
kemudian dibandingkan dengan bacaan tersebut.

Berbeda dari bacaan tersebut belum tentu merupakan kekeliruan (dua lapis intermediate outcome, pohon
yang dimulai dari sasaran, rencana aksi di bawah sub kegiatan): label baru diragukan bila pohonnya
bertentangan dengan label — kinerja yang berlabel *lebih tinggi* daripada kinerja yang didukungnya,
sedikitnya sebanyak `min-inverted` kinerja dan sedikitnya sebesar proporsi `min-inverted-share` dari
kinerja yang levelnya dapat dibandingkan dengan induknya (satu kinerja seperti itu, atau beberapa
dalam cascading yang besar, menjadi temuan `level-inversion`). Dalam hal demikian, setiap kinerja yang labelnya menunjuk jenjang kinerja
(strategis, taktikal, operasional) yang berbeda dari letaknya dalam pohon diragukan, dan aturan ini
menuliskan satu catatan untuk seluruh cascading, berisi daftar kinerja tersebut beserta contohnya.

Catatan ini yang memikul bobotnya: aturan yang menilai level (`level-inversion`, `level-skip`,
`leaf-level`, `owner-level-mismatch`, `goal-is-activity`, `indicator-level-mismatch`) menilai kinerja
yang diragukan menurut letaknya dalam pohon, bukan menurut labelnya, dan temuannya atas kinerja tersebut
ditandai `basis: doubtful` dengan tingkat paling tinggi peringatan. Temuan yang hanya timbul karena
label yang diragukan tidak dimunculkan. Bacaan struktur terdapat pada kinerja_graph/structure.py;
renderer dan evaluasi juga menggunakannya.

## Mengapa penting
Pohon kinerja diuraikan satu kondisi demi satu kondisi (PermenPANRB 89/2021), dan evaluator menilai
apakah cascading menyambung dari ultimate outcome sampai output untuk setiap jenjang jabatan (LKE
1.b.8, PermenPANRB 88/2021). Label yang ditulis terpisah dari pohonnya (label Tahap 5 Batumandi tidak
sesuai dengan pohon Tahap 3-nya sendiri pada 15 baris) membuat cascading tidak dapat dibaca menurut
level: sub kegiatan berlabel "kinerja strategis", sasaran program berlabel "operasional". Bila label
tersebut diterima apa adanya, akan muncul temuan level terbalik, level terlewati, staf memegang sasaran
strategis, dan output yang dirumuskan sebagai output — semuanya akibat satu kekeliruan yang oleh
evaluator dicatat satu kali.

## Contoh
## Perbaikan
## Opsi
- `min-inverted` (bilangan bulat, bawaan 2): banyaknya kinerja berlabel lebih tinggi daripada kinerja
  yang didukungnya yang membuat label secara keseluruhan diragukan. Di bawah angka tersebut, setiap
  kinerja demikian menjadi temuan `level-inversion` dan label diterima sebagaimana tertulis.
- `min-inverted-share` (bilangan 0-1, bawaan 0,05): proporsi kinerja berinduk berlabel yang juga harus
  terbalik demikian, agar beberapa salah tulis yang berdiri sendiri dalam cascading yang besar tetap
  menjadi temuan `level-inversion`.
"""

    @staticmethod
    def reading(ctx: Context) -> LevelReading:
        """The structure's reading of the cascade's labels, with this rule's options (once per graph)."""
        options = ctx.options
        return ctx.index.read_levels(
            ctx.levels, int(options.get("min-inverted") or 2), float(options.get("min-inverted-share") or 0)
        )

    def prepare(self, ctx: Context) -> None:
        ctx.index.doubt_levels(self.reading(ctx))

    def check(self, ctx: Context) -> Iterator[Finding]:
        reading = self.reading(ctx)
        if not reading.doubtful:
            return
        doubtful = [n for n in reading.contradicted if n in reading.doubtful]  # document order
        nodes = ctx.graph._node
        rank = {level.id: level.rank for level in ctx.levels.levels}

        def distance(n: str) -> int:  # how far the label stands from the goal's place in the tree
            return abs(rank[reading.implied[n]] - rank.get(nodes[n].get("level"), rank[reading.implied[n]]))

        first = max(doubtful, key=distance)  # the first of the farthest: the clearest example
        yield ctx.finding(
            None,
            related=doubtful,
            count=len(doubtful),
            goals=reading.goals,
            inverted=len(reading.inverted),
            example=label(nodes[first]),
            example_level=nodes[first].get("level"),
            example_place=reading.implied[first],
            readings=[[n, nodes[n].get("level"), reading.implied[n]] for n in doubtful],
        )
