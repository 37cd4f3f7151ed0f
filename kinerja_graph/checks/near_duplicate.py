"""near-duplicate: statements or indicators that differ only by slips, spacing, case, word order or an abbreviation,
or that one contains under one parent."""

from __future__ import annotations

import collections
import itertools
import operator
from collections.abc import Iterable
from itertools import compress, repeat
from typing import TYPE_CHECKING

from kinerja_graph.checks._quote import indicator_location, quote, quote_many
from kinerja_graph.checks._reading import item_column, name_reading
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.similarity import (
    Containment,
    NearDuplicateIndex,
    TextClusters,
    expanded_words,
    forget_slips,
    lex_order,
    near_duplicate_clusters,
    ordinary_pages,
    sorted_distinct,
    sorted_ranges,
    spread_ranges,
    stable_order,
    text_vocabulary,
    text_words,
)

if TYPE_CHECKING:
    import numpy as np

    from kinerja_graph.model import Location
else:
    from kinerja_graph.similarity import np  # numpy, imported when first used

FIELD = {"statements": "statement", "indicators": "indicator"}  # what a finding's texts are, by message key


class NearDuplicate(Rule):
    id = "near-duplicate"
    area = "redundancy"
    lke = "1.b.8"
    summary = {
        "id": "Pernyataan atau indikator yang hanya berbeda karena salah ketik, spasi, huruf besar-kecil, urutan "
        "kata atau singkatan, atau yang termuat dalam yang lain",
        "en": "Statements or indicators that differ only by typing slips, spacing, case, word order or an "
        "abbreviation, or that another contains",
    }
    rationale = {
        "id": "Kondisi yang sama ditulis dua kali dengan salah ketik tetap kondisi yang sama: pohon kinerja menjadi "
        'berulang ("jangan redundansi", metode PermenPANRB 89/2021), capaian dihitung ganda, dan salah '
        "ketik pada dokumen resmi menurunkan kualitas rumusan yang dinilai pada LKE 1.b.4-1.b.8 "
        "(PermenPANRB 88/2021).",
        "en": "The same condition written twice with a typo is still the same condition: the tree repeats itself "
        '("no redundancy", PermenPANRB 89/2021 method), achievement is counted twice, and typos in an '
        "official document lower the quality of wording scored under LKE 1.b.4-1.b.8 (PermenPANRB 88/2021).",
    }
    messages = {
        "statements": {
            "id": "Pernyataan kinerja berikut hampir sama (hanya berbeda karena salah ketik, spasi, huruf besar-kecil, "
            "urutan kata atau singkatan): {variants:variants}; penulisannya perlu diseragamkan apabila maksudnya sama, "
            "atau isinya dibedakan",
            "en": "Statements that are nearly the same (differing only by typing slips, spacing, case, word order or "
            "abbreviations): "
            "{variants:variants}; write them the same way if they mean one thing, or make them say different things",
        },
        "indicators": {
            "id": "Indikator berikut hampir sama (hanya berbeda karena salah ketik, spasi, huruf besar-kecil, urutan "
            "kata atau singkatan): {variants:variants}; penulisannya perlu diseragamkan apabila maksudnya sama, atau "
            "isinya dibedakan",
            "en": "Indicators that are nearly the same (differing only by typing slips, spacing, case, word order or "
            "abbreviations): "
            "{variants:variants}; write them the same way if they mean one thing, or make them say different things",
        },
        "statements-contained": {
            "id": 'Pernyataan kinerja "{contained}" termuat seluruhnya dalam {containers:quoted} di bawah induk '
            "yang sama ({nodes:ids}); yang satu mengulang sebagian yang lain, sehingga keduanya perlu digabungkan, "
            "atau masing-masing perlu merumuskan kondisi yang berbeda",
            "en": 'Statement "{contained}" stands whole in {containers:quoted} under the same parent ({nodes:ids}); '
            "one repeats part of the other — merge them, or make each state a condition of its own",
        },
        "indicators-contained": {
            "id": 'Indikator "{contained}" termuat seluruhnya dalam indikator {containers:quoted} pada satu kinerja '
            "dan kinerja di bawahnya ({nodes:ids}); kinerja bawahan semestinya mengukur kontribusinya sendiri, bukan "
            "mengulang ukuran di atasnya atau di sampingnya",
            "en": 'Indicator "{contained}" stands whole in indicator {containers:quoted} within one goal and the '
            "goals under it ({nodes:ids}); a goal below should measure its own contribution, not repeat the measure "
            "above or beside it",
        },
    }
    options_schema = {
        "threshold": {
            "description": "How alike two texts must be, 0-1 (1 - letters changed by slips / letters of the longer "
            "text), besides every differing word being a slip of the other text's word.",
            "type": "number",
            "minimum": 0,
            "maximum": 1,
        },
        "compare": {
            "description": "What to compare: goal statements, indicator names, or both.",
            "type": "array",
            "items": {"enum": ["statements", "indicators"]},
            "uniqueItems": True,
        },
        "scope": {
            "description": "cascade: compare across the whole cascade; parent: only among the children of one parent.",
            "enum": ["cascade", "parent"],
        },
        "containment": {
            "description": "The most words a text may add to another under one parent for the other to count as "
            "contained in it; 0 reports no containment.",
            "type": "integer",
            "minimum": 0,
        },
        "containment-min-words": {
            "description": "The fewest words (spelled out, function words aside) a contained text must have.",
            "type": "integer",
            "minimum": 1,
        },
    }
    doc = """\
## What it does
Finds clusters of goal statements, and of indicator names, that are the same text except for typing
slips ("Terselenggaranya" / "Terseleenggaranya", "Draft" / "Darft"), spacing ("dokumenLaporan"),
case, punctuation, function words ("dan" / "dengan"), known variant spellings ("Presentase" /
"Persentase") or word order. Each cluster is reported once, on its first node in document order,
with the other nodes as related; the message quotes every variant.

An abbreviation written out or not makes no difference either: "IKM", "Indeks Kepuasan Masyarakat"
and "Indeks Kepuasan Masyarakat (IKM)" are one text (the abbreviations are rules/vocabulary/text.yaml
`abbreviations`).

Under one parent, a text that another contains is reported too (`containment`): among the
statements of the children of one goal ("Musrenbang Desa" / "Musrenbang Desa / Kelurahan", Praya),
and among the indicators of a goal and of the goals under it ("Indeks Kepuasan Masyarakat (IKM)" /
"indeks kepuasan Masyarakat (IKM) dalam Pelayanan Publik", Pino Raya's program and its kegiatan): every
word of the one, abbreviations spelled out and function words aside, stands in the other, which adds
at most `containment` words. The finding names the contained text and the texts containing it. A
goal's statement narrowing its parent's is what cascading does, so statements are compared among
siblings only. Each distinct text's words are worked out once, and within a family only the texts
sharing a text's rarest word are compared.

Statements built on one template that name different things ("Terfasilitasinya pengelolaan keuangan
desa" / "Terfasilitasinya penyusunan peraturan desa", "... Musrenbangdes" / "... Musrenbangcam") are
not near-duplicates, nor contained in each other: every word of one text must be equal to, or a slip of, a word of the other. What
a slip is (word length, edits allowed, word pairs that are never slips) is set in
rules/vocabulary/text.yaml (`slips`, `distinct`). Exactly equal texts are `duplicate-statement`'s and
`duplicate-indicator`'s; a cluster here always holds at least two different spellings.

The comparison never looks at all pairs: words are indexed by their deletion neighbourhood and texts
are blocked by their words' representatives (see kinerja_graph/similarity.py), so a Pemda-wide
cascade of 10^5 statements is checked in seconds.

## Why it matters
A condition written twice with a slip is one condition counted twice; the reader cannot tell whether
two boxes are meant to differ. A box that repeats part of its sibling, or an indicator that repeats
the measure of the goal above, adds a level or a box without breaking anything down ("jangan
redundansi", the PermenPANRB 89/2021 method). Typos in the official wording also lower the quality of the
formulation the evaluator scores (LKE 1.b.4-1.b.8).

## Example
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas penyelenggaraan pemerintahan, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Terselenggaranya urusan pemerintahan umum, level: immediate outcome}
  - {id: "1.2", parent: "1", statement: Terseleenggaranya Urusan Pemerintahan Umum, level: immediate outcome}
```

## Fix
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas penyelenggaraan pemerintahan, level: intermediate outcome}
  - {id: "1.1", parent: "1", statement: Terselenggaranya urusan pemerintahan umum, level: immediate outcome}
  - {id: "1.2", parent: "1", statement: Terfasilitasinya pembinaan pemerintahan desa, level: immediate outcome}
```

## Options
- `threshold` (number 0-1, default 0.85): how alike two texts must be: 1 minus the letters changed by
  slips over the letters of the longer text. Raise it to report only the closest pairs.
- `compare` (list, default `[statements, indicators]`): what is compared.
- `scope` (`cascade` or `parent`, default `cascade`): compare across the whole cascade, or only among
  the children of one parent (for a Pemda-wide tree whose organisations repeat standard wording).
- `containment` (integer, default 3): the most words a text may add to another under one parent for
  the other to count as contained in it; 0 reports no containment.
- `containment-min-words` (integer, default 2): the fewest words a contained text must have (a single
  word, "Dokumen", is contained in almost anything).
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini mencari kelompok pernyataan kinerja, dan kelompok nama indikator, yang teksnya sama kecuali
salah ketik ("Terselenggaranya" / "Terseleenggaranya", "Draft" / "Darft"), spasi ("dokumenLaporan"),
huruf besar-kecil, tanda baca, kata tugas ("dan" / "dengan"), varian ejaan yang dikenal ("Presentase" /
"Persentase") atau urutan kata. Setiap kelompok dilaporkan satu kali, pada kinerja pertamanya menurut
urutan dokumen, dengan kinerja lainnya sebagai kinerja terkait; pesannya mengutip setiap varian.

Singkatan yang ditulis atau diuraikan juga tidak membedakan teks: "IKM", "Indeks Kepuasan Masyarakat"
dan "Indeks Kepuasan Masyarakat (IKM)" merupakan satu teks (daftar singkatan terdapat dalam
rules/vocabulary/text.yaml `abbreviations`).

Di bawah satu induk, teks yang termuat seluruhnya dalam teks lain juga dilaporkan (`containment`): di
antara pernyataan kinerja bawahan dari satu kinerja ("Musrenbang Desa" / "Musrenbang Desa / Kelurahan",
Praya), dan di antara indikator suatu kinerja dan kinerja di bawahnya ("Indeks Kepuasan Masyarakat
(IKM)" / "indeks kepuasan Masyarakat (IKM) dalam Pelayanan Publik", program Pino Raya dan kegiatannya):
setiap kata dari teks yang satu, dengan singkatan diuraikan dan kata tugas dikesampingkan, terdapat
dalam teks lainnya, yang menambahkan paling banyak `containment` kata. Temuan menyebut teks yang termuat
dan teks yang memuatnya. Pernyataan kinerja yang mempersempit pernyataan induknya merupakan hakikat
cascading, sehingga pernyataan hanya dibandingkan di antara kinerja yang seinduk. Kata-kata setiap teks
yang berbeda dihitung satu kali, dan dalam satu keluarga hanya teks yang memuat kata paling jarang dari
suatu teks yang dibandingkan dengannya.

Pernyataan yang disusun dari satu pola tetapi menyebut hal yang berbeda ("Terfasilitasinya pengelolaan
keuangan desa" / "Terfasilitasinya penyusunan peraturan desa", "... Musrenbangdes" / "...
Musrenbangcam") bukan hampir-duplikat dan tidak saling memuat: setiap kata dari satu teks harus sama dengan, atau merupakan
salah ketik dari, kata dalam teks lainnya. Batasan salah ketik (panjang kata, jumlah perubahan yang
diizinkan, pasangan kata yang tidak pernah dianggap salah ketik) ditetapkan dalam
rules/vocabulary/text.yaml (`slips`, `distinct`). Teks yang persis sama diperiksa oleh
`duplicate-statement` dan `duplicate-indicator`; kelompok di sini selalu memuat paling sedikit dua
penulisan yang berbeda.

Perbandingan tidak pernah dilakukan terhadap seluruh pasangan: kata diindeks menurut lingkungan
penghapusannya (deletion neighbourhood) dan teks dikelompokkan menurut wakil kata-katanya (lihat
kinerja_graph/similarity.py), sehingga pohon kinerja tingkat Pemda dengan 10^5 pernyataan diperiksa
dalam hitungan detik.

## Mengapa penting
Kondisi yang ditulis dua kali dengan salah ketik adalah satu kondisi yang dihitung dua kali; pembaca
tidak dapat mengetahui apakah kedua kotak memang dimaksudkan berbeda. Kotak yang mengulang sebagian
kotak sebelahnya, atau indikator yang mengulang ukuran kinerja di atasnya, menambah level atau kotak
tanpa menguraikan apa pun ("jangan redundansi", metode PermenPANRB 89/2021). Salah ketik dalam rumusan resmi
juga menurunkan kualitas rumusan yang dinilai evaluator (LKE 1.b.4–1.b.8).

## Contoh
## Perbaikan
## Opsi
- `threshold` (bilangan 0–1, bawaan `0.85`): tingkat kemiripan yang disyaratkan bagi dua teks, yaitu 1
  dikurangi jumlah huruf yang berubah karena salah ketik dibagi jumlah huruf teks yang lebih panjang.
  Nilai yang lebih tinggi hanya melaporkan pasangan yang paling mirip.
- `compare` (daftar, bawaan `[statements, indicators]`): apa yang dibandingkan.
- `scope` (`cascade` atau `parent`, bawaan `cascade`): membandingkan di seluruh pohon kinerja, atau hanya
  di antara kinerja bawahan dari satu induk (untuk pohon kinerja tingkat Pemda yang organisasinya
  mengulang rumusan baku).
- `containment` (bilangan bulat, bawaan 3): jumlah kata terbanyak yang boleh ditambahkan suatu teks
  terhadap teks lain di bawah satu induk agar teks lain tersebut dianggap termuat di dalamnya; nilai 0
  berarti tidak ada teks termuat yang dilaporkan.
- `containment-min-words` (bilangan bulat, bawaan 2): jumlah kata paling sedikit dari teks yang termuat
  (satu kata, "Dokumen", termuat dalam hampir semua teks).
"""

    def check(self, ctx: Context):
        found: list = []
        with ordinary_pages():  # its arrays of tens of megabytes, made and dropped by the hundred at 10^6 goals
            for part in self._check(ctx):  # the findings made part by part, handed over as one list
                found += part
        return iter(found)

    def _check(self, ctx: Context):
        """The findings, as lists (or iterables) of findings, part by part: a generator resumed per part, not
        per finding (236,148 findings at 10^6 goals)."""
        G = ctx.graph
        tv = text_vocabulary(ctx.vocabulary, G)
        threshold = float(ctx.options.get("threshold", 0.85))
        compare = ctx.options.get("compare") or ["statements", "indicators"]
        by_parent = ctx.options.get("scope", "cascade") == "parent"

        def block(n):
            if not by_parent:
                return None
            d = G.nodes[n]
            parents = [u for u in G.predecessors(n) if G.edges[u, n].get("kind") == "contribution"]
            return tuple(sorted(parents)) or tuple(d.get("missing_parents") or ()) or ("(root)",)

        ix = ctx.index
        ids = ix.ids()
        words: dict[str, TextClusters] = {}  # each group's canonical words, when clustering worked them out
        quotes: dict[str, _Quoted] = {}  # and each group's text, quoted when a finding names it
        if "statements" in compare:
            nodes = ix.nodes
            if by_parent:
                goals = [p for p, (_, d) in enumerate(nodes) if d.get("kind") == "goal"]
                entries, positions = _distinct((nodes[p][1].get("statement"), block(nodes[p][0])) for p in goals)
                found = [
                    [[goals[i] for i in variant] for variant in cluster]
                    for cluster in _spread(_clusters(tv, threshold, entries), positions)
                ]
                yield self._report(
                    ctx,
                    found,
                    "statements",
                    ids,
                    lambda p: nodes[p][1].get("statement"),
                    lambda p: nodes[p][1].get("location"),
                )
            else:  # the index groups nodes by statement already
                grouping = ix.node_groups(("kind", "statement"))
                # each group's statement (None but for goals), made once per graph: the texts duplicate-statement
                # normalises, whose normalised forms normalised_texts() remembers
                texts = ix.group_statements(goals=True)
                clustered = words["statements"] = near_duplicate_clusters(texts, tv, threshold)
                quoted = quotes["statements"] = _Quoted(texts)
                yield self._cluster_findings(
                    ctx, clustered, grouping, _statement_numbers(ix), quoted, "statements", None, _NodeAt(ix), ids
                )
        if "indicators" in compare:
            items = ix.indicators
            if by_parent:
                entries, positions = _distinct((indicator.name, block(n)) for n, _, indicator in items)
                found = _spread(_clusters(tv, threshold, entries), positions)
                owners = ix.indicator_nodes()
                yield self._report(
                    ctx,
                    found,
                    "indicators",
                    [ids[owner] for owner in owners] if found else [],
                    lambda p: items.objects[p].name,
                    _indicator_at(ix),
                )
            else:  # the index groups indicators by name already
                grouping = ix.indicator_groups(("name",))
                # the distinct names, normalised and read into words once per graph for the indicator rules
                reading = name_reading(ix, tv)
                texts = reading.texts
                clustered = words["indicators"] = near_duplicate_clusters(
                    texts, tv, threshold, reading.norms, reading.words()
                )
                quoted = quotes["indicators"] = _Quoted(texts)
                yield self._cluster_findings(
                    ctx,
                    clustered,
                    grouping,
                    item_column(ix, "names"),
                    quoted,
                    "indicators",
                    item_column(ix, "owners"),
                    _indicator_at(ix),
                    ids,
                )
        forget_slips(tv)
        extra = int(ctx.options.get("containment", 3))
        if extra > 0:
            min_words = int(ctx.options.get("containment-min-words", 2))
            yield self._contained(ctx, tv, compare, extra, min_words, words, quotes, ids)

    def _contained(self, ctx: Context, tv, compare, extra: int, min_words: int, words=None, quotes=None, ids=None):
        """Texts under one parent that another contains: among the statements of the children of one parent;
        among the indicators of a goal and of its children. Each distinct text's words are worked out once,
        and every family is read in one pass (similarity.Containment), its (family, text) entries made as
        integer arrays. words: the clustering's words of each group (TextClusters), by "statements" and
        "indicators", where it worked them out, and quotes each group's text (_Quoted: the texts clustered)."""
        words = words or {}
        quotes = quotes or {}
        ix = ctx.index
        nodes = ix.nodes
        found = []  # (first node position, message key, contained text, containing texts, node positions)
        if "statements" in compare:
            grouping = ix.node_groups(("kind", "statement"))
            firsts = grouping.first
            if "statements" in words:
                vocabulary, flat, sizes = words["statements"].spelled_out(tv)
                within = Containment.of_arrays(vocabulary, flat, sizes, min_words=min_words, max_extra=extra)
            else:
                sets = [
                    expanded_words(text_words(nodes[p][1].get("statement"), tv), tv)
                    if nodes[p][1].get("kind") == "goal"
                    else frozenset()
                    for p in firsts
                ]
                within = Containment(sets, min_words=min_words, max_extra=extra)
            if within:
                parents_at, children_at = ix.link_arrays()  # (made once per graph, shared with other rules)
                numbers = _statement_numbers(ix)[children_at]
                kept = within.is_candidate[numbers]  # only the links to a text that may be involved
                link_parents = parents_at[kept]
                contained = within.within_columns(link_parents, numbers[kept])
                if len(contained[1]):
                    # a family's members: its children, in the order of the links (as Index.kids gives them)
                    children_at = children_at[kept]
                    quoted = quotes.get("statements") or _Quoted([nodes[p][1].get("statement") for p in firsts])
                    found.append(
                        _Contained(
                            "statements-contained",
                            contained,
                            _involved(contained, link_parents, numbers[kept], children_at, children_at, len(firsts)),
                            quoted,
                            _NodeAt(ix),
                        )
                    )
        if "indicators" in compare:
            items = ix.indicators
            grouping = ix.indicator_groups(("name",))
            firsts = grouping.first
            if "indicators" in words:
                vocabulary, flat, sizes = words["indicators"].spelled_out(tv)
                within = Containment.of_arrays(vocabulary, flat, sizes, min_words=min_words, max_extra=extra)
            else:
                sets = [expanded_words(text_words(items.objects[p].name, tv), tv) for p in firsts]
                within = Containment(sets, min_words=min_words, max_extra=extra)
            if within:
                numbers = item_column(ix, "names")
                owners = item_column(ix, "owners")
                held = np.flatnonzero(within.is_candidate[numbers])  # the indicators that may be involved
                families, members = _families(ix, held, owners[held])
                contained = within.within_columns(families, numbers[members])
                if len(contained[1]):
                    # a family's members: its indicators, in order (each named by its node)
                    quoted = quotes.get("indicators") or _Quoted([items.objects[p].name for p in firsts])
                    found.append(
                        _Contained(
                            "indicators-contained",
                            contained,
                            _involved(contained, families, numbers[members], members, owners[members], len(firsts)),
                            quoted,
                            _indicator_at(ix),
                        )
                    )
        if not found:
            return []
        if ids is None:
            ids = ix.ids()
        made: list = []
        firsts_at, keys = [], []
        for f in found:
            findings, first_nodes = f.findings(ctx, ids)
            made += findings
            firsts_at.append(first_nodes)
            keys.append(np.full(len(findings), f.key == "statements-contained"))
        # every finding, by its first member's node, then by key (indicators before statements), in order
        return list(
            map(made.__getitem__, lex_order(np.concatenate(firsts_at), np.concatenate(keys).astype(np.int64)).tolist())
        )

    def _cluster_findings(
        self,
        ctx: Context,
        found: TextClusters,
        grouping,
        numbers: np.ndarray,
        quoted: _Quoted,
        what: str,
        owners: np.ndarray | None,
        location_at,
        ids: list,
    ) -> list:
        """One finding per cluster of near_duplicate_clusters() over the groups of a Grouping (quoted: each group's
        text), as _report() makes it from _cluster_groups(), the members of every variant found at once (integer
        arrays): a variant's members are the items of its groups, in document order, each named by its node's id
        once (owners[position]: an item's node, the item's own position without), and a cluster's nodes the union
        of its variants', in order (ids: the nodes' ids, Index.ids()). The findings are made together (Context.findings), each cut from lists made
        for all of them."""
        clusters = found.clusters
        if not clusters:
            return []
        heads, variant_at, cluster_at, variant_nodes, in_cluster = _cluster_members(
            clusters, len(grouping), numbers, owners, found.clustered
        )
        # each node's id picked once (a new reference to each of 2.4 million ids at 10^6 goals, scattered in memory:
        # every pass over them misses the caches), a cluster's nodes picked from its variants'
        variant_ids = list(map(ids.__getitem__, variant_nodes.tolist()))
        cluster_ids = tuple(compress(variant_ids, in_cluster.tolist()))
        # each variant's text: that of its first member
        shown = quoted.of(numbers[heads].tolist())
        heads = heads.tolist()
        slices = list(map(variant_ids.__getitem__, map(slice, variant_at, variant_at[1:])))
        listed = list(map(list, zip(shown, slices)))
        # the variants of cluster c: listed[variants_at[c] : variants_at[c + 1]]; its nodes, cluster_ids[cluster_at[c]
        # : cluster_at[c + 1]], the first its finding's node
        variants_at = list(itertools.accumulate(map(len, clusters), initial=0))
        starts, ends = cluster_at[:-1], cluster_at[1:]
        field = FIELD[what]
        return ctx.findings(
            what,
            list(map(cluster_ids.__getitem__, starts)),
            related=map(cluster_ids.__getitem__, map(slice, [at + 1 for at in starts], ends)),
            locations=location_at.many(map(heads.__getitem__, variants_at[:-1])),
            args=[{"variants": listed[a:b], "field": field} for a, b in zip(variants_at, variants_at[1:])],
        )

    def _report(self, ctx: Context, clusters: list, what: str, ids: list, text_at, location_at):
        """One finding per cluster. clusters: each a list of variants (texts equal once normalised), each the
        positions of its members in document order; ids[position] is a member's node id, text_at(position)
        its text, location_at(position) where it stands. Work is done per variant, not per member: a cluster
        of standard wording may hold 10^4 members."""
        for cluster in clusters:
            nodes: dict = {}
            listed = []
            for variant in cluster:
                members = dict.fromkeys(map(ids.__getitem__, variant))
                nodes.update(members)
                listed.append([quote(text_at(variant[0]), 60), list(members)])
            first, *others = nodes
            yield ctx.finding(
                first,
                what,
                related=others,
                location=location_at(cluster[0][0]),
                variants=listed,
                field=FIELD[what],
            )


class _Quoted:
    """quote(text, 60) of the texts of one kind by number (texts[number]: each group's text), each quoted once, when
    a finding first names it: a text is named by every finding of its cluster or family."""

    __slots__ = ("texts", "made")

    def __init__(self, texts: list) -> None:
        self.texts = texts
        self.made: list = [None] * len(texts)  # None: not quoted yet

    def of(self, numbers: list[int]) -> list[str]:
        """The quoted texts of these numbers, in order; those not quoted yet quoted together (quote_many)."""
        made = self.made
        missing = list(
            dict.fromkeys(compress(numbers, map(operator.is_, map(made.__getitem__, numbers), repeat(None))))
        )
        collections.deque(map(made.__setitem__, missing, quote_many(list(map(self.texts.__getitem__, missing)), 60)), 0)
        return list(map(made.__getitem__, numbers))


def _distinct(occurrences) -> tuple[list[tuple], list[list[int]]]:
    """The distinct (text, block) pairs of the occurrences, in order of first occurrence, and the positions
    of each, in document order."""
    positions: dict[tuple, list[int]] = {}
    for position, key in enumerate(occurrences):
        found = positions.get(key)
        if found is None:
            positions[key] = [position]
        else:
            found.append(position)
    return list(positions), list(positions.values())


def _clusters(tv, threshold: float, entries: list) -> list[list[list[int]]]:
    """The clusters of near-duplicates among distinct (text, block) entries: for each cluster, its variants
    in order, each the entries (their numbers) holding it.

    Texts repeat massively (standard wording), so each distinct text goes into the NearDuplicateIndex once;
    _spread() then spreads each cluster over the occurrences of its texts.
    """
    index = NearDuplicateIndex(tv, threshold)
    for i, (text, block) in enumerate(entries):
        index.add(i, text, block)
    return index.variant_clusters()


class _Contained:
    """The containment findings of one kind: Containment.within_columns()'s texts found (each of its family, the
    texts containing it), and, from _involved(), each one's first member and its nodes."""

    __slots__ = ("key", "numbers", "holders", "holder_at", "involved", "quoted", "location_at")

    def __init__(self, key: str, contained: tuple, involved: tuple, quoted: _Quoted, location_at) -> None:
        _, numbers, holders, holder_at = contained
        self.key, self.involved, self.quoted, self.location_at = key, involved, quoted, location_at
        self.numbers: list[int] = numbers.tolist()
        self.holders: list[int] = holders.tolist()
        self.holder_at: list[int] = holder_at.tolist()

    def findings(self, ctx: Context, ids: list) -> tuple[list, np.ndarray]:
        """(findings, firsts): the findings, made together (Context.findings), in the order the texts were found,
        and the position of each one's first node. A text contained in the same texts on the same nodes is
        reported once, where its first node comes first (a goal's own indicators are in two families). ids: the
        nodes' ids (Index.ids())."""
        first_items, firsts, nodes, node_at = self.involved
        node_ids = tuple(map(ids.__getitem__, nodes.tolist()))
        # the findings that may repeat another: the same text found with the same first node (the nodes in order)
        lead = nodes[np.minimum(node_at[:-1], max(len(nodes) - 1, 0))] if len(nodes) else np.zeros_like(firsts)
        lead = np.where(node_at[1:] > node_at[:-1], lead, -1)
        mark = np.array(self.numbers, dtype=np.int64) * (int(lead.max(initial=0)) + 2) + lead + 1
        ordered = np.sort(mark)
        shared = ordered[1:][ordered[1:] == ordered[:-1]]
        node_at = node_at.tolist()
        numbers, holders, holder_at = self.numbers, self.holders, self.holder_at
        kept = np.flatnonzero(~np.isin(mark, shared)).tolist()
        seen: set = set()
        order = stable_order(firsts)
        for k in order[np.isin(mark[order], shared)].tolist():
            key = (numbers[k], node_ids[node_at[k] : node_at[k + 1]])
            if key not in seen:
                seen.add(key)
                kept.append(k)
        kept.sort()
        starts = list(map(node_at.__getitem__, kept))  # each finding's nodes: the first, then the others
        ends = list(map(node_at.__getitem__, map((1).__add__, kept)))
        quoted = self.quoted
        contained = quoted.of(numbers)
        containers = quoted.of(holders)  # each finding's, cut from them
        made = ctx.findings(
            self.key,
            list(map(node_ids.__getitem__, starts)),
            related=list(map(node_ids.__getitem__, map(slice, map((1).__add__, starts), ends))),
            locations=self.location_at.many(map(first_items.tolist().__getitem__, kept)),  # the first text involved
            args=[{"contained": contained[k], "containers": containers[holder_at[k] : holder_at[k + 1]]} for k in kept],
        )
        return made, firsts[kept]


def _involved(
    contained: tuple, families: np.ndarray, texts: np.ndarray, items: np.ndarray, item_nodes: np.ndarray, count: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """For each text found by Containment.within_columns() (`contained`: its family, and the texts containing it),
    the members of its family holding it or one of those texts, found at once: the family's members are the rows
    k with families[k] == family, in order, each the item items[k] (a position) of text texts[k] (a group number,
    below count) on the node item_nodes[k]. (first_items, first_nodes, nodes, node_at): each finding's first
    member (its item and node), and its distinct nodes in order of position, those of finding e at
    nodes[node_at[e] : node_at[e + 1]]."""
    found_families, found_numbers, holders, holder_at = contained
    found = len(found_numbers)
    lengths = 1 + np.diff(holder_at)
    # each text found, then the texts containing it
    starts = np.cumsum(lengths) - lengths
    wanted_text = np.empty(int(lengths.sum()), dtype=np.int64)
    wanted_text[starts] = found_numbers
    containing = np.ones(len(wanted_text), dtype=bool)
    containing[starts] = False
    wanted_text[containing] = holders
    wanted_family = np.repeat(found_families, lengths)
    entry = np.repeat(np.arange(found, dtype=np.int64), lengths)
    # the rows of each (family, text) wanted
    keys = families * count + texts
    order = stable_order(keys)
    keys = keys[order]
    wanted = wanted_family * count + wanted_text
    low, high = sorted_ranges(keys, wanted)
    rows, at = spread_ranges(low, high - low)
    row = order[at]  # a row of the family holding a wanted text
    owner = entry[rows]
    # each entry's rows in order: its first member
    by_row = lex_order(owner, row)
    owner_sorted, row_sorted = owner[by_row], row[by_row]
    heads = np.searchsorted(owner_sorted, np.arange(found))
    first_rows = row_sorted[heads]
    # each entry's distinct nodes, by position
    width = int(item_nodes.max(initial=0)) + 1
    node_keys = sorted_distinct(owner * width + item_nodes[row])
    node_owner = node_keys // width
    node_at = np.zeros(found + 1, dtype=np.int64)
    np.cumsum(np.bincount(node_owner, minlength=found), out=node_at[1:])
    return items[first_rows], item_nodes[first_rows], node_keys % width, node_at


def _cluster_members(
    clusters: list,
    groups_count: int,
    numbers: np.ndarray,
    owners: np.ndarray | None,
    clustered: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[np.ndarray, list[int], list[int], np.ndarray, np.ndarray]:
    """(heads, variant_at, cluster_at, variant_nodes, in_cluster) of clusters of variants of groups (each
    variant a list of group numbers of the Grouping): heads, the position of the first member (in document order)
    of every variant, variant after variant (in cluster order); variant_nodes, the node
    (owners[position], or the position itself without owners) of each, every node once per variant, the nodes
    of variant v at variant_nodes[variant_at[v] : variant_at[v + 1]]; in_cluster, whether each of variant_nodes is
    the first of its node in its cluster: variant_nodes[in_cluster] is every node once per cluster, in the order of
    its variants' members, those of cluster c at cluster_at[c] : cluster_at[c + 1] of it.
    groups_count: the Grouping's number of groups; numbers: its group number of every position (Grouping.of as an
    array); owners: each position's node as an array, or None. clustered: the clusters' group numbers as
    TextClusters.clustered holds them, if at hand."""
    if clustered is not None:  # the same, as near_duplicate_clusters() made it
        groups, lengths = clustered
        count = len(lengths)
    else:
        counted = list(map(len, itertools.chain.from_iterable(clusters)))
        count = len(counted)
        groups = np.fromiter(
            itertools.chain.from_iterable(itertools.chain.from_iterable(clusters)), dtype=np.int64, count=sum(counted)
        )
        lengths = np.array(counted, dtype=np.int64)
    variant_of = np.full(groups_count, -1, dtype=np.int64)
    variant_of[groups] = np.repeat(np.arange(count, dtype=np.int64), lengths)
    cluster_of = np.repeat(np.arange(len(clusters), dtype=np.int64), list(map(len, clusters)))
    of_item = variant_of[numbers]
    positions = np.flatnonzero(of_item >= 0)
    variant = of_item[positions]
    order = stable_order(variant)  # variant after variant, each in document order
    positions, variant = positions[order], variant[order]
    node = positions if owners is None else owners[positions]
    width = int(node.max(initial=0)) + 1
    cluster = cluster_of[variant]
    # every node once per variant, and once per cluster (its first)
    in_variant = _firsts_of(variant * width + node)
    in_cluster = _firsts_of(cluster * width + node)
    variant_at = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(variant[in_variant], minlength=count), out=variant_at[1:])
    cluster_at = np.zeros(len(clusters) + 1, dtype=np.int64)
    np.cumsum(np.bincount(cluster[in_cluster], minlength=len(clusters)), out=cluster_at[1:])
    return (
        positions[in_variant][variant_at[:-1]],  # (each variant has members: its groups' items)
        variant_at.tolist(),
        cluster_at.tolist(),
        node[in_variant],
        in_cluster[in_variant],  # (a node first in its cluster is first in its variant)
    )


def _firsts_of(keys: np.ndarray) -> np.ndarray:
    """Whether each of `keys` is the first of its value (a boolean array)."""
    order = stable_order(keys)
    ordered = keys[order]
    starts = np.ones(len(keys), dtype=bool)
    starts[1:] = ordered[1:] != ordered[:-1]
    first = np.zeros(len(keys), dtype=bool)
    first[order[starts]] = True
    return first


def _families(ix, held: np.ndarray, held_nodes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(families, members): each indicator of `held` (positions in Index.indicators, on the nodes at
    `held_nodes`) in the family of its own node and in the family of each goal its node contributes to,
    read off the contribution links at once (an indicator without a goal: the goals its row names as
    parents); sorted by family, then by indicator."""
    parents_at, children_at = ix.link_arrays()
    order = stable_order(held_nodes)
    by_node = held_nodes[order]
    low, high = sorted_ranges(by_node, children_at)
    counts = high - low
    links = np.repeat(np.arange(len(counts), dtype=np.int64), counts)
    offsets = np.cumsum(counts) - counts
    at = np.arange(len(links), dtype=np.int64) - offsets[links] + low[links]
    families = [held_nodes, parents_at[links]]
    members = [held, held[order[at]]]
    if ix.loose:  # an indicator without a goal contributes to the goals its row names as parents
        position = ix._memo["position"]  # goal id -> its position in Index.nodes
        loose = {n: d for n, d in ix.loose}
        ids = ix.ids()
        mine: dict[int, list[int]] = {}  # a node without a goal -> its indicators held
        if len(ix.goals) + len(loose) == len(ids):  # the nodes: the goals and the loose indicators (as ever)
            is_loose = np.ones(len(ids), dtype=bool)
            is_loose[_array(ix.goal_positions())] = False
        else:
            is_loose = np.fromiter(map(loose.__contains__, ids), dtype=bool, count=len(ids))
        picked = is_loose[held_nodes]
        for node_at, i in zip(held_nodes[picked].tolist(), held[picked].tolist()):
            mine.setdefault(node_at, []).append(i)
        up: list[int] = []
        down: list[int] = []
        for node_at, indicators in mine.items():
            model = loose[ids[node_at]].get("node")
            for goal in [position[p] for p in getattr(model, "parents", None) or () if p in position]:
                up += [goal] * len(indicators)
                down += indicators
        families.append(_array(up))
        members.append(_array(down))
    families_at, members_at = np.concatenate(families), np.concatenate(members)
    order = lex_order(families_at, members_at)
    return families_at[order], members_at[order]


def _spread(clusters: list, positions) -> list[list[list[int]]]:
    """Each cluster as the positions of its occurrences: variant after variant, each variant's occurrences in
    document order. The same clusters, in the same order, as adding every occurrence in document order to
    a NearDuplicateIndex would give. positions[entry] holds the positions of an entry's occurrences."""
    return [
        [
            positions[variant[0]]
            if len(variant) == 1
            else sorted(itertools.chain.from_iterable(map(positions.__getitem__, variant)))
            for variant in cluster
        ]
        for cluster in clusters
    ]


class _NodeAt:
    """Where the node at a position of Index.nodes stands (its data's "location"): of one position, or of many at
    once (many(), in C: one per finding, 10^5 findings)."""

    __slots__ = ("nodes",)

    def __init__(self, ix) -> None:
        self.nodes = ix.nodes

    def __call__(self, p: int) -> Location | None:
        return self.nodes[p][1].get("location")

    def many(self, positions: Iterable[int]) -> list[Location | None]:
        return list(map(dict.get, map(_DATA, map(self.nodes.__getitem__, positions)), repeat("location")))


class _IndicatorAt:
    """Where the indicator at a position of Index.indicators stands (indicator_location), read off its lists: of one
    position, or of many at once (many(): its own location where it has a line, else its node's)."""

    __slots__ = ("objects", "owners", "nodes")

    def __init__(self, ix) -> None:
        self.objects, self.owners, self.nodes = ix.indicators.objects, ix.indicator_nodes(), ix.nodes

    def __call__(self, i: int) -> Location | None:
        return indicator_location(self.objects[i], self.nodes[self.owners[i]][1])

    def many(self, positions: Iterable[int]) -> list[Location | None]:
        positions = list(positions)
        found = list(map(getattr, map(self.objects.__getitem__, positions), repeat("location"), repeat(None)))
        lines = map(getattr, found, repeat("line"), repeat(None))  # (None's: None)
        nodes, owners = self.nodes, self.owners
        for k in compress(range(len(found)), map(operator.is_, lines, repeat(None))):
            found[k] = nodes[owners[positions[k]]][1].get("location")
        return found


_DATA = operator.itemgetter(1)


def _indicator_at(ix) -> _IndicatorAt:
    """Where the indicator at a position of Index.indicators stands (indicator_location), read off its lists."""
    return _IndicatorAt(ix)


def _array(values) -> np.ndarray:
    """A list of positions or numbers as an integer array."""
    return np.array(values, dtype=np.int64)


def _statement_numbers(ix) -> np.ndarray:
    """The group number of every node in the (kind, statement) grouping, as one read-only integer array made once
    per graph (Index.shared): clustering and containment both read it (10^6 items at 10^6 goals), as the
    indicator rules read the indicators' name numbers (_reading.item_column)."""

    def made() -> np.ndarray:
        found = np.array(ix.node_groups(("kind", "statement")).of, dtype=np.int64)
        found.flags.writeable = False
        return found

    return ix.shared("statement numbers", made)
