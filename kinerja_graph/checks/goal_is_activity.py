"""goal-is-activity: an outcome statement phrased as an activity or a product instead of a changed condition."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress

from kinerja_graph.checks._options import levels_schema
from kinerja_graph.checks._quote import label
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.classify import StatementClassifier, required_vocabulary


class GoalIsActivity(Rule):
    id = "goal-is-activity"
    area = "levels"
    lke = "1.b.4"
    summary = {
        "id": "Sasaran outcome yang dirumuskan sebagai kegiatan atau produk, bukan kondisi",
        "en": "An outcome statement phrased as an activity or a product, not a condition",
    }
    rationale = {
        "id": "LKE 1.b.4 (PermenPANRB 88/2021) menilai apakah rumusan tujuan dan sasaran menggambarkan dengan "
        'jelas kondisi yang ingin dicapai. "Penyusunan …" atau "Koordinasi …" adalah pekerjaan, '
        '"Tersusunnya dokumen …" atau "Terselenggaranya …" adalah keluaran; keduanya tidak menyatakan '
        'perubahan kondisi ("Meningkatnya …", "Menurunnya …", "Terwujudnya …") yang dituntut pada '
        "level outcome pohon kinerja PermenPANRB 89/2021.",
        "en": "LKE 1.b.4 (PermenPANRB 88/2021) scores whether goals and objectives clearly describe the condition "
        'to be reached. "Penyusunan …" (drafting) or "Koordinasi …" (coordination) is work, '
        '"Tersusunnya dokumen …" (documents drafted) or "Terselenggaranya …" (held) is an output; '
        'neither states the changed condition ("Meningkatnya …", "Menurunnya …", "Terwujudnya …") '
        "the outcome levels of a PermenPANRB 89/2021 performance tree call for.",
    }
    messages = {
        "activity": {
            "id": '{level:level} "{label}" dirumuskan sebagai kegiatan ({evidence:evidence}), bukan kondisi yang '
            'ingin dicapai; perubahan kondisinya perlu dirumuskan, misalnya "Meningkatnya …" atau "Menurunnya …"',
            "en": '{level:level} "{label}" is phrased as an activity ({evidence:evidence}), not a condition to reach; '
            'state the changed condition, e.g. "Meningkatnya …" (increased …) or "Menurunnya …" (decreased …)',
        },
        "output": {
            "id": '{level:level} "{label}" dirumuskan sebagai keluaran yang selesai dikerjakan ({evidence:evidence}) '
            "— rumusan output (sasaran kegiatan), bukan perubahan kondisi; kondisi yang dihasilkan perlu "
            'dirumuskan, misalnya "Meningkatnya …"',
            "en": '{level:level} "{label}" is phrased as an output delivered ({evidence:evidence}) — the wording of '
            "an output (sasaran kegiatan), not of a changed condition; state the condition it brings about, e.g. "
            '"Meningkatnya …" (increased …)',
        },
        "activity-output": {
            "id": '{level:level} "{label}" dirumuskan sebagai kegiatan ({evidence:evidence}), bukan keluaran yang '
            'dihasilkannya; produk atau layanannya perlu dirumuskan, misalnya "Tersusunnya …" atau "Terlaksananya …"',
            "en": '{level:level} "{label}" is phrased as an activity ({evidence:evidence}), not as the output it '
            'delivers; state the product or service, e.g. "Tersusunnya …" (drafted …) or "Terlaksananya …" '
            "(carried out …)",
        },
        "effort": {
            "id": '{level:level} "{label}" dirumuskan sebagai upaya ({evidence:evidence}), bukan kondisi yang '
            'dicapai; kondisi yang dicapai perlu dirumuskan, misalnya "Meningkatnya …" alih-alih "Meningkatkan …"',
            "en": '{level:level} "{label}" is phrased as an effort ({evidence:evidence}), not a condition reached; '
            'e.g. "Meningkatnya …" (increased …) instead of "Meningkatkan …" (to increase …)',
        },
    }
    options_schema = {
        "levels": levels_schema(
            'Levels whose statements must not be phrased as an activity ("Penyusunan …") '
            'or an output ("Tersusunnya …", "Terselenggaranya …").'
        ),
        "effort-levels": levels_schema(
            'Levels whose statements must not be phrased as an effort ("Meningkatkan …", "Mewujudkan …").'
        ),
        "activity-levels": levels_schema(
            'Levels whose statements must name a product, not the work: outputs, not "Pembinaan …" or "Koordinasi …".'
        ),
    }
    doc = """\
## What it does
Reads the opening word of every statement at an outcome level (ultimate, intermediate and immediate
outcome by default) and reports statements that describe work or a product instead of a changed
condition:

- an activity: "Penyusunan …", "Pelaksanaan …", "Fasilitasi …", "Koordinasi …", "Pembinaan …",
  "Pengelolaan …", "Peningkatan …", "Melaksanakan …";
- an output, i.e. something delivered: "Tersusunnya …", "Tersedianya …", "Terselenggaranya …",
  "Terlaksananya …", "Terfasilitasinya …", "Terkoordinasinya …", "Ketersediaan …".

Statements opening with a condition ("Meningkatnya …", "Menurunnya …", "Terwujudnya …",
"Terkendalinya …", "Terjaminnya …") pass, and so do statements the rule cannot place ("ASN yang
berkinerja"). Typing slips one letter away from a listed word are recognised ("Terseleenggaranya").

"Terselenggaranya …" and "Terlaksananya …" are common at immediate-outcome level in real kecamatan
cascades, usually a kegiatan name with "Terlaksananya" in front. They are reported (the catalogue
treats them as output openers: the sentence says the work got done, not what changed), with a message
that says *output* rather than *activity* so the owner sees they belong one level down or need a
condition.

Verbs of effort ("Meningkatkan …", "Mewujudkan …", "Memastikan …") are judged by the word after them:
"Meningkatkan pembinaan …" is an activity and "Memastikan ketersediaan …" an output, reported at every
level of `levels`. Otherwise ("Meningkatkan kualitas pelayanan …") the statement names the condition
but phrases it as what the organisation does, not as the condition reached ("Meningkatnya …"): that is
reported at the levels of `effort-levels` only — the sasaran levels by default, because a tujuan is
conventionally written "Mewujudkan …" / "Meningkatkan …" in RPJMD and Renstra documents. The words
are data: rules/vocabulary/cues.yaml, section `statement`.

An output (sasaran kegiatan) may say that something was delivered ("Terlaksananya …", "Tersusunnya
…"), but not only name the work: "Pembinaan dan pengawasan …", "Koordinasi pengendalian trantibum",
"Peningkatan kompetensi …", "Optimalisasi …" (Praya's outputs) state what the owner does, not what the
kegiatan produces. Statements at the levels of `activity-levels` (outputs by default) phrased as an
activity are reported with a message that asks for the product. Processes (rencana aksi, sub
kegiatan) are work, and may be so worded.

## Why it matters
The outcome levels of the cascade say what changes for the community or the organisation; the
evaluator scores how clearly they do (LKE 1.b.4, PermenPANRB 88/2021). A statement that names work
("Koordinasi …") or a delivered product ("Tersusunnya dokumen …") says nothing about the condition
reached, so the indicator under it will measure work too and the cascade reads as a list of
activities rather than a chain of results. One level down, an output names what the kegiatan delivers
(Kepmendagri 050-5889/2021 gives each one a product and a unit); worded as the work itself, it cannot
be counted or checked.

## Example
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Koordinasi penyelenggaraan pelayanan kecamatan, level: immediate outcome}
  - {id: "1.2", parent: "1", statement: Terselenggaranya pelayanan perkantoran sesuai SOP, level: immediate outcome}
```

## Fix
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya ketepatan waktu pelayanan kecamatan, level: immediate outcome}
  - {id: "1.2", parent: "1", statement: Meningkatnya layanan perkantoran yang sesuai SOP, level: immediate outcome}
```

## Options
- `levels` (list of level ids, default `[ultimate_outcome, intermediate_outcome, immediate_outcome]`):
  the levels whose statements must not read as an activity or an output.
- `effort-levels` (list of level ids, default `[intermediate_outcome, immediate_outcome]`): the levels
  whose statements must not read as an effort ("Meningkatkan …"); `[]` reports none, adding
  `ultimate_outcome` reports "Mewujudkan …" tujuan too.
- `activity-levels` (list of level ids, default `[output]`): the levels whose statements must name a
  product or service rather than the work ("Pembinaan …", "Koordinasi …"); `[]` reports none.
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini membaca kata pembuka setiap pernyataan pada level outcome (secara bawaan ultimate,
intermediate dan immediate outcome) dan melaporkan pernyataan yang menggambarkan pekerjaan atau produk,
bukan perubahan kondisi:

- kegiatan: "Penyusunan …", "Pelaksanaan …", "Fasilitasi …", "Koordinasi …", "Pembinaan …",
  "Pengelolaan …", "Peningkatan …", "Melaksanakan …";
- output, yaitu sesuatu yang dihasilkan: "Tersusunnya …", "Tersedianya …", "Terselenggaranya …",
  "Terlaksananya …", "Terfasilitasinya …", "Terkoordinasinya …", "Ketersediaan …".

Pernyataan yang diawali kondisi ("Meningkatnya …", "Menurunnya …", "Terwujudnya …", "Terkendalinya …",
"Terjaminnya …") tidak dilaporkan, demikian pula pernyataan yang tidak dapat digolongkan oleh aturan
ini ("ASN yang berkinerja"). Salah ketik satu huruf dari kata yang tercantum tetap dikenali
("Terseleenggaranya").

"Terselenggaranya …" dan "Terlaksananya …" lazim dijumpai pada level immediate outcome dalam pohon
kinerja kecamatan, biasanya berupa nama kegiatan yang diawali "Terlaksananya". Pernyataan tersebut
dilaporkan (katalog memperlakukannya sebagai pembuka output: kalimatnya menyatakan bahwa pekerjaan telah
dilaksanakan, bukan apa yang berubah), dengan pesan yang menyebut *output*, bukan *kegiatan*, sehingga
penanggung jawabnya mengetahui bahwa pernyataan itu semestinya berada satu level di bawah atau perlu
dirumuskan sebagai kondisi.

Kata kerja upaya ("Meningkatkan …", "Mewujudkan …", "Memastikan …") dinilai menurut kata sesudahnya:
"Meningkatkan pembinaan …" adalah kegiatan dan "Memastikan ketersediaan …" adalah output, dan keduanya
dilaporkan pada setiap level dalam `levels`. Selain itu ("Meningkatkan kualitas pelayanan …"),
pernyataan tersebut menyebut kondisinya tetapi merumuskannya sebagai tindakan organisasi, bukan sebagai
kondisi yang dicapai ("Meningkatnya …"): hal ini hanya dilaporkan pada level dalam `effort-levels` —
secara bawaan level sasaran, karena tujuan lazim dirumuskan "Mewujudkan …" / "Meningkatkan …" dalam
dokumen RPJMD dan Renstra. Kata-kata tersebut merupakan data: rules/vocabulary/cues.yaml, bagian
`statement`.

Output (sasaran kegiatan) boleh menyatakan bahwa sesuatu telah dihasilkan ("Terlaksananya …",
"Tersusunnya …"), tetapi tidak boleh hanya menyebut pekerjaannya: "Pembinaan dan pengawasan …",
"Koordinasi pengendalian trantibum", "Peningkatan kompetensi …", "Optimalisasi …" (output Praya)
menyatakan apa yang dikerjakan penanggung jawab, bukan apa yang dihasilkan kegiatan. Pernyataan pada
level dalam `activity-levels` (secara bawaan output) yang dirumuskan sebagai kegiatan dilaporkan dengan
pesan yang meminta produknya. Proses (rencana aksi, sub kegiatan) merupakan pekerjaan, sehingga boleh
dirumuskan demikian.

## Mengapa penting
Level outcome dalam pohon kinerja menyatakan apa yang berubah bagi masyarakat atau organisasi;
evaluator menilai kejelasan rumusannya (LKE 1.b.4, PermenPANRB 88/2021). Pernyataan yang menyebut
pekerjaan ("Koordinasi …") atau produk yang dihasilkan ("Tersusunnya dokumen …") tidak menyatakan
kondisi yang dicapai, sehingga indikator di bawahnya juga akan mengukur pekerjaan, dan pohon kinerja
terbaca sebagai daftar kegiatan, bukan rantai hasil. Satu level di bawahnya, output menyebut apa yang
dihasilkan kegiatan (Kepmendagri 050-5889/2021 menetapkan produk dan satuan bagi setiap kegiatan);
apabila dirumuskan sebagai pekerjaannya, output tersebut tidak dapat dihitung atau diperiksa.

## Contoh
## Perbaikan
## Opsi
- `levels` (daftar id level, bawaan `[ultimate_outcome, intermediate_outcome, immediate_outcome]`): level
  yang pernyataannya tidak boleh terbaca sebagai kegiatan atau output.
- `effort-levels` (daftar id level, bawaan `[intermediate_outcome, immediate_outcome]`): level yang
  pernyataannya tidak boleh terbaca sebagai upaya ("Meningkatkan …"); `[]` tidak melaporkan satu pun,
  dan penambahan `ultimate_outcome` juga melaporkan tujuan yang dirumuskan "Mewujudkan …".
- `activity-levels` (daftar id level, bawaan `[output]`): level yang pernyataannya harus menyebut produk
  atau layanan, bukan pekerjaannya ("Pembinaan …", "Koordinasi …"); `[]` tidak melaporkan satu pun.
"""

    def check(self, ctx: Context):
        classifier = StatementClassifier(required_vocabulary(ctx.vocabulary, "cues", self.id))
        levels = set(ctx.options.get("levels") or ())
        effort_levels = set(ctx.options.get("effort-levels") or ())
        activity_levels = set(ctx.options.get("activity-levels") or ()) - levels

        def judge(d):
            """(message key, the statement's Classification) when it is to be reported at its level, else None:
            decided by the kind, level and statement alone."""
            if d["kind"] != "goal":
                return None
            level = d.get("level")
            if level not in levels and level not in effort_levels and level not in activity_levels:
                return None
            found = classifier.classify(d.get("statement"))
            if found.kind in ("activity", "output") and level in levels:
                return found.kind, found
            if found.kind == "activity" and level in activity_levels:
                return "activity-output", found
            if found.kind == "effort" and level in effort_levels:
                return found.kind, found
            return None

        ix = ctx.index
        judged = levels | effort_levels | activity_levels
        at = ix.judged_values("level")  # of every node (a doubtful label: the level its place implies)
        positions = list(compress(range(len(at)), map(judged.__contains__, at)))  # the nodes at the levels judged
        for n, d, (key, found) in self._judged(ix, positions, at, judge, classifier.classify_many):
            yield ctx.finding(
                n,
                key,
                rests_on=("level",),
                label=label(d),
                level=d.get("level"),
                evidence=[list(pair) for pair in found.evidence],
            )

    @staticmethod
    def _judged(ix, positions: list[int], at, judge, before=None) -> Iterator[tuple]:
        """judged_nodes_among(ix, positions, ("kind", "level", "statement"), judge), its keys made in bulk: a
        node's (kind, statement) group (the grouping duplicate-statement and restated-child share) and its
        judged level, rather than a tuple of the three built node by node. judge(data) is asked once per
        distinct key, with the data of its first node (the data a doubtful goal is judged by: Index.judged_apart,
        whose level is the one `at` gives). before(statements), if given, is told the statements of those first
        nodes beforehand (the classifier classifies them all at once)."""
        of = ix.node_groups(("kind", "statement")).of
        keys = list(zip(map(of.__getitem__, positions), map(at.__getitem__, positions)))
        first = dict(zip(reversed(keys), reversed(positions)))  # key -> its first position (the last one written)
        if before is not None:
            before(list(map(ix.values("statement").__getitem__, first.values())))
        nodes = ix.nodes
        apart = ix.judged_apart()
        verdicts = {key: judge(apart.get(position) or nodes[position][1]) for key, position in first.items()}
        for position, verdict in zip(positions, map(verdicts.__getitem__, keys)):
            if verdict is not None:
                n, d = nodes[position]
                yield n, apart.get(position) or d, verdict
