"""restated-child: a child whose statement and indicators copy its parent's."""

from __future__ import annotations

from kinerja_graph.checks._index import Numbering
from kinerja_graph.checks._quote import quote
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.similarity import may_be_near, near_equal, text_shape, text_vocabulary, text_words_many
from kinerja_graph.text import normalise


class RestatedChild(Rule):
    id = "restated-child"
    area = "levels"
    lke = "1.b.8"
    summary = {
        "id": "Kinerja bawahan yang menyalin pernyataan dan indikator induknya",
        "en": "A child goal that copies its parent's statement and indicators",
    }
    rationale = {
        "id": "Cascading menguraikan kondisi induk menjadi kondisi-kondisi penyebabnya (PermenPANRB 89/2021). Kinerja "
        "bawahan yang menyalin kalimat dan indikator induknya menambah satu jenjang tanpa menguraikan apa "
        "pun: rantai sebab-akibat yang dinilai pada LKE 1.b.8 (PermenPANRB 88/2021) terputus di situ. Praktik "
        "Kemenkeu hanya mengizinkan cascading langsung (kalimat yang sama) ke satu unit di bawahnya.",
        "en": "Cascading breaks a parent's condition into its causing conditions (PermenPANRB 89/2021). A child that "
        "copies its parent's sentence and indicators adds a level without breaking anything down: the "
        "cause-effect chain scored under LKE 1.b.8 (PermenPANRB 88/2021) stops there. Kemenkeu practice allows "
        "direct cascading (the same sentence) only to one unit below.",
    }
    messages = {
        "default": {
            "id": 'Kinerja "{statement}" menyalin pernyataan dan indikator induknya ({parent}) tanpa menguraikannya',
            "en": 'Goal "{statement}" copies the statement and indicators of its parent ({parent}) without breaking '
            "it down",
        },
        "siblings": {
            "id": 'Kinerja "{statement}" menyalin pernyataan dan indikator induknya ({parent}) tanpa menguraikannya; '
            "hal yang sama terdapat pada {count} kinerja bawahan dari induk yang sama",
            "en": 'Goal "{statement}" copies the statement and indicators of its parent ({parent}) without breaking '
            "it down; {count} children of the same parent do so",
        },
    }
    options_schema = {
        "threshold": {
            "description": "How alike the statements must be, 0-1, when they differ by slips (see near-duplicate).",
            "type": "number",
            "minimum": 0,
            "maximum": 1,
        },
        "allow-direct-cascade": {
            "description": "Accept a parent's only child that restates it when the child has another owner (a "
            "direct cascade to one unit below).",
            "type": "boolean",
        },
    }
    doc = """\
## What it does
For every contribution edge (parent to child), reports the child when

- its statement is the parent's, or the same up to case, spacing, punctuation, function words, variant
  spellings, word order and spelling slips (as `near-duplicate` compares them, at `threshold`), and
- its indicators copy the parent's: every indicator of the child is (nearly) one of the parent's, or
  neither has any.

A direct cascade is legitimate: with `allow-direct-cascade` (default true), a parent's *only* child
that restates it is accepted when the two have different owners, both written (Kemenkeu's direct
cascading passes an objective unchanged to one unit below). The same owner, a missing owner, or
several restating children of one parent are reported; the message says when siblings do it too.

## Why it matters
Each level should name the conditions that cause its parent's condition. A copy adds a box and an
owner without saying how the result is reached: the chain of cause and effect (LKE 1.b.8) stops at
that level.

## Example
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya kualitas perencanaan, penganggaran dan evaluasi kinerja perangkat daerah
    level: immediate outcome
    owner: Sekcam
    indicators: [{name: Nilai AKIP}]
  - id: "1.1"
    parent: "1"
    statement: Meningkatnya Kualitas Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah
    level: output
    owner: Sekcam
    indicators: [{name: Nilai AKIP}]
```

## Fix
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya kualitas perencanaan, penganggaran dan evaluasi kinerja perangkat daerah
    level: immediate outcome
    owner: Sekcam
    indicators: [{name: Nilai AKIP}]
  - id: "1.1"
    parent: "1"
    statement: Tersusunnya dokumen perencanaan dan laporan kinerja tepat waktu
    level: output
    owner: Kasubag Perencanaan dan Keuangan
    indicators: [{name: Persentase dokumen perencanaan dan pelaporan yang tepat waktu}]
```

## Options
- `threshold` (number 0-1, default 0.85): how alike statements that differ by slips must be.
- `allow-direct-cascade` (boolean, default true): accept a parent's only child that restates it under
  another owner.
"""
    doc_id = """\
## Apa yang diperiksa
Untuk setiap tautan kontribusi (induk ke kinerja bawahan), aturan ini melaporkan kinerja bawahan apabila

- pernyataannya sama dengan pernyataan induknya, atau sama setelah perbedaan huruf besar-kecil, spasi,
  tanda baca, kata tugas, varian ejaan, urutan kata dan salah ketik diabaikan (sebagaimana
  `near-duplicate` membandingkannya, pada `threshold`), dan
- indikatornya menyalin indikator induknya: setiap indikator kinerja bawahan (hampir) sama dengan salah
  satu indikator induk, atau keduanya sama-sama tidak memiliki indikator.

Cascading langsung adalah sah: dengan `allow-direct-cascade` (bawaan true), kinerja bawahan
*satu-satunya* yang mengulang induknya diterima apabila keduanya memiliki penanggung jawab yang berbeda
dan sama-sama tertulis (cascading langsung dalam praktik Kemenkeu meneruskan sasaran tanpa perubahan ke
satu unit di bawahnya). Penanggung jawab yang sama, penanggung jawab yang tidak diisi, atau beberapa
kinerja bawahan dari satu induk yang sama-sama mengulang induknya dilaporkan; pesannya menyebutkan
apabila kinerja bawahan lain juga berbuat demikian.

## Mengapa penting
Setiap level semestinya menyebut kondisi-kondisi yang menyebabkan kondisi induknya. Salinan menambah
satu kotak dan satu penanggung jawab tanpa menjelaskan cara hasil tersebut dicapai: rantai sebab-akibat
(LKE 1.b.8) berhenti pada level tersebut.

## Contoh
## Perbaikan
## Opsi
- `threshold` (bilangan 0–1, bawaan `0.85`): tingkat kemiripan yang disyaratkan bagi pernyataan yang
  hanya berbeda karena salah ketik.
- `allow-direct-cascade` (boolean, bawaan true): menerima kinerja bawahan satu-satunya yang mengulang
  induknya di bawah penanggung jawab lain.
"""

    def check(self, ctx: Context):
        G = ctx.graph
        tv = text_vocabulary(ctx.vocabulary, G)
        threshold = float(ctx.options.get("threshold", 0.85))
        allow_direct = bool(ctx.options.get("allow-direct-cascade", True))
        ix = ctx.index
        nodes = G._node
        # a child can only restate a parent whose statement has its shape (near_equal's first test): a
        # cheap comparison sorts out almost every contribution link before the texts are compared
        grouping = ix.node_groups(("kind", "statement"))  # each distinct statement, once
        near = self._may_be_near(ix, grouping, ix.group_statements(), tv)
        candidates: dict = {}  # parent -> its children that may restate it, in document order
        for parent_position, child in near:
            candidates.setdefault(parent_position, []).append(child)
        for position in sorted(candidates):  # parents in document order
            parent = ix.nodes[position][0]
            pd = nodes[parent]
            restating = [v for v in candidates[position] if self._restates(pd, nodes[v], tv, threshold)]
            if not restating:
                continue
            restating = [v for v in G._succ[parent] if v in restating]  # in the order of the links, as before
            restating.sort(key=lambda v: nodes[v]["order"])
            only_child = ix.child_counts()[position] == 1
            if allow_direct and only_child and self._other_owner(pd, nodes[restating[0]]):
                continue
            for child in restating:
                yield ctx.finding(
                    child,
                    "siblings" if len(restating) > 1 else "default",
                    related=(parent,),
                    statement=quote(G.nodes[child]["statement"]),
                    parent=parent,
                    count=len(restating),
                )

    @staticmethod
    def _may_be_near(ix, grouping, statements: list, tv) -> list[tuple[int, str]]:
        """(parent's position, child) of the contribution links whose statements (by group of the grouping)
        may be near-equal (may_be_near), child after child in document order. may_be_near first asks for
        the same canonical text, or for as many words and about as many letters: those are compared in
        bulk, as numbers per distinct statement, and may_be_near is asked of the few links that pass."""
        import numpy as np  # (imported when first used: the registry imports every rule at start-up)

        words = text_words_many(statements, tv)  # all at once, or as near-duplicate left them
        joined = list(map("".join, words))  # text_shape's first part
        texts = np.fromiter(map(Numbering().__getitem__, joined), dtype=np.intp, count=len(joined))
        lengths = np.fromiter(map(len, joined), dtype=np.int64, count=len(joined))
        # words * span + letters: two of these differ by at most 2 * max_slips only for as many words and
        # about as many letters, span being more than any count of letters (plus 2 * max_slips)
        slack = 2 * tv.max_slips
        span = int(lengths.max(initial=0)) + slack + 1
        sizes = np.fromiter(map(len, words), dtype=np.int64, count=len(words)) * span + lengths
        parents, children = ix.link_arrays()
        # every link's statements by group, compared over whole columns (10^6 links at 10^6 goals)
        of = np.asarray(grouping.of, dtype=np.intp)
        parent_groups = of[parents]
        child_groups = of[children]
        same = texts[parent_groups] == texts[child_groups]
        close = np.abs(sizes[parent_groups] - sizes[child_groups]) <= slack
        maybe = np.flatnonzero(same | close)
        near = []
        nodes = ix.nodes
        for parent_position, child_position, parent_group, child_group in zip(
            parents[maybe].tolist(),
            children[maybe].tolist(),
            parent_groups[maybe].tolist(),
            child_groups[maybe].tolist(),
            strict=True,
        ):
            parent, child = statements[parent_group], statements[child_group]
            if may_be_near(text_shape(parent, tv), text_shape(child, tv), tv):
                near.append((parent_position, nodes[child_position][0]))
        return near

    @staticmethod
    def _restates(pd: dict, cd: dict, tv, threshold: float) -> bool:
        if not near_equal(pd.get("statement"), cd.get("statement"), tv, threshold):
            return False
        parent_inds = [i.name for i in pd.get("indicators") or ()]
        child_inds = [i.name for i in cd.get("indicators") or ()]
        if not child_inds:
            return not parent_inds
        return all(any(near_equal(c, p, tv, threshold) for p in parent_inds) for c in child_inds)

    @staticmethod
    def _other_owner(pd: dict, cd: dict) -> bool:
        a, b = normalise(pd.get("owner")), normalise(cd.get("owner"))
        return bool(a and b and a != b)
