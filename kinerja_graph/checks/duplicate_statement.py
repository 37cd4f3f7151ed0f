"""duplicate-statement: two goals with the same statement (ignoring case, spacing and punctuation)."""

from __future__ import annotations

import itertools

from kinerja_graph.checks._quote import quote_many
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.similarity import normalised, normalised_texts, text_vocabulary


def indicator_key(data: dict, tv) -> frozenset:
    return frozenset(normalised(i.name, tv) for i in data.get("indicators") or ())


def is_restatement(G, parent: str, child: str, tv) -> bool:
    """A child copying its parent's statement *and* indicators: restated-child's business, not a duplicate."""
    return (
        G.has_edge(parent, child)
        and G.edges[parent, child].get("kind") == "contribution"
        and indicator_key(G.nodes[parent], tv) == indicator_key(G.nodes[child], tv)
    )


class DuplicateStatement(Rule):
    id = "duplicate-statement"
    area = "redundancy"
    lke = "1.b.8"
    summary = {
        "id": "Pernyataan kinerja yang sama ditulis pada beberapa kinerja",
        "en": "The same statement on several goals",
    }
    rationale = {
        "id": "Pohon kinerja menguraikan setiap kondisi menjadi kondisi penyebab yang berbeda (PermenPANRB 89/2021); "
        "kondisi yang dituangkan berulang kali membuat rantai sebab-akibat kabur dan penanggung jawabnya "
        "ganda. Evaluator menilai keselarasan cascading pada LKE 1.b.8 (PermenPANRB 88/2021).",
        "en": "A performance tree breaks each condition into distinct causing conditions (PermenPANRB 89/2021); a "
        "condition written down several times blurs the cause-effect chain and doubles its ownership. "
        "Evaluators score the cascade's alignment under LKE 1.b.8 (PermenPANRB 88/2021).",
    }
    messages = {
        "default": {
            "id": 'Pernyataan "{statement}" ditulis sama pada {count} kinerja ({nodes:ids}); rumusannya perlu '
            "dibedakan, atau kinerja tersebut digabungkan menjadi satu",
            "en": 'Statement "{statement}" is written on {count} goals ({nodes:ids}); tell them apart or merge them '
            "into one goal",
        },
    }
    options_schema = {}
    doc = """\
## What it does
Groups goals whose statements are the same once case, spacing and punctuation are ignored, and
reports each group once: on its first goal in document order, with the others as related nodes.
A child that repeats its parent's statement *and* carries the same indicators is a restatement,
reported by `restated-child` (which knows when that is a legitimate direct cascade); such a
parent-child pair alone does not make a group here. Statements that differ by spelling slips or word
order are `near-duplicate`'s.

## Why it matters
Every box of a pohon kinerja should name its own condition. The same sentence in two places (the
same process under two outputs, three village clerks with one identical goal) leaves the reader
unable to tell the boxes apart, doubles the accountability for one result and hides which branch
really produces it (LKE 1.b.8; "jangan redundansi", PermenPANRB 89/2021 method).

## Example
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya aparatur desa yang berkinerja baik, level: immediate outcome}
  - {id: "1.2", parent: "1", statement: Meningkatnya disiplin ASN kecamatan, level: immediate outcome}
  - {id: "1.1.1", parent: "1.1", statement: Reward dan punishment, level: output}
  - {id: "1.2.1", parent: "1.2", statement: Reward dan Punishment., level: output}
```

## Fix
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas pelayanan publik, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Meningkatnya aparatur desa yang berkinerja baik, level: immediate outcome}
  - {id: "1.2", parent: "1", statement: Meningkatnya disiplin ASN kecamatan, level: immediate outcome}
  - {id: "1.1.1", parent: "1.1", statement: Terlaksananya reward dan punishment bagi aparatur desa, level: output}
  - {id: "1.2.1", parent: "1.2", statement: Terlaksananya reward dan punishment bagi ASN kecamatan, level: output}
```

## Options
None.
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini mengelompokkan kinerja yang pernyataannya sama setelah perbedaan huruf besar-kecil, spasi dan
tanda baca diabaikan, dan melaporkan setiap kelompok satu kali: pada kinerja pertamanya menurut urutan
dokumen, dengan kinerja lainnya sebagai kinerja terkait. Kinerja bawahan yang mengulang pernyataan
induknya *dan* memuat indikator yang sama merupakan pengulangan yang dilaporkan oleh `restated-child`
(yang mengenali kapan pengulangan tersebut merupakan cascading langsung yang sah); pasangan induk dan
kinerja bawahan seperti itu saja tidak membentuk kelompok di sini. Pernyataan yang berbeda karena salah
ketik atau urutan kata diperiksa oleh `near-duplicate`.

## Mengapa penting
Setiap kotak dalam pohon kinerja semestinya menyatakan kondisinya sendiri. Kalimat yang sama di dua
tempat (proses yang sama di bawah dua output, tiga pengadministrasi pemerintahan desa dengan kinerja
yang persis sama) membuat pembaca tidak dapat membedakan kotak-kotak tersebut, menggandakan akuntabilitas atas satu hasil,
dan mengaburkan cabang yang sebenarnya menghasilkannya (LKE 1.b.8; "jangan redundansi", metode
PermenPANRB 89/2021).

## Contoh
## Perbaikan
## Opsi
Tidak ada.
"""

    def check(self, ctx: Context):
        G = ctx.graph
        tv = text_vocabulary(ctx.vocabulary, G)
        ix = ctx.index
        grouping = ix.node_groups(("kind", "statement"))  # each distinct statement is normalised once
        # each group's statement (None for indicators without a goal)
        keys = normalised_texts(ix.group_statements(goals=True), tv)
        found = grouping.repeats(keys)
        if not found.positions:
            return
        positions, starts = found.positions, found.starts
        firsts = starts[:-1]
        # every member's id, statement after statement: a tuple, so that each finding's related nodes are a slice
        ids = tuple(map(ix.ids().__getitem__, positions))
        statement_of = ix.values("statement")
        texts = quote_many([statement_of[positions[at]] for at in firsts])
        parents = ix.parents
        # a pair explains itself only as a parent and its child (parents: the contribution links between goals, as
        # is_restatement asks of the graph); almost always the first two members are no such pair, which the
        # links tell for every statement at once
        linked = _linked(ix, positions, firsts)
        for at, end, statement, maybe in zip(firsts, itertools.islice(starts, 1, None), texts, linked):
            if maybe:
                a, b = ids[at], ids[at + 1]
                if (a in parents[b] or b in parents[a]) and _explained(G, ids[at:end], parents, tv):
                    continue
            yield ctx.finding(ids[at], related=ids[at + 1 : end], statement=statement, count=end - at)


def _linked(ix, positions: list[int], firsts: list[int]) -> list[bool]:
    """For each statement (its members from positions[firsts[k]] on, in Index.nodes), whether a contribution link
    may join its first two members, either way round: False only when none does. Found over the link arrays at once
    (child after child in document order: a child's links are found by a binary search, 66,000 statements at 10^6
    goals), not by two look-ups per statement in the dict of every goal's parents."""
    import numpy as np  # (imported when first used: the registry imports every rule at start-up)

    link_parents, link_children = ix.link_arrays()
    if not link_children.size or np.any(link_children[1:] < link_children[:-1]):  # (no links, or out of order)
        return [bool(link_children.size)] * len(firsts)
    members = np.asarray(positions, dtype=np.intp)
    at = np.asarray(firsts, dtype=np.intp)
    first, second = members[at], members[at + 1]
    last = link_children.size - 1

    def joined(parent, child):  # a link from parent to child, or a child of several links (then looked up)
        lo = np.searchsorted(link_children, child, "left")
        count = np.searchsorted(link_children, child, "right") - lo
        return (count > 1) | ((count == 1) & (link_parents[np.minimum(lo, last)] == parent))

    return (joined(first, second) | joined(second, first)).tolist()


def _explained(G, members: tuple, parents: dict, tv) -> bool:
    """Whether every pair of `members` is a parent and its child restating it (restated-child's business)."""
    return all(
        (a in parents[b] or b in parents[a]) and (is_restatement(G, a, b, tv) or is_restatement(G, b, a, tv))
        for i, a in enumerate(members)
        for b in members[i + 1 :]
    )
