"""near-duplicate: statements or indicators that differ only by slips, spacing, case or word order."""

from __future__ import annotations

from kinerja_graph.checks._completeness import goals_in_order, indicator_location, indicators_in_order, quote
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.similarity import NearDuplicateIndex, normalised, text_vocabulary
from kinerja_graph.text import localise, short_list

WHAT = {
    "statements": {"id": "Pernyataan kinerja", "en": "Statements"},
    "indicators": {"id": "Indikator", "en": "Indicators"},
}


class NearDuplicate(Rule):
    id = "near-duplicate"
    area = "redundancy"
    lke = "1.b.8"
    summary = {
        "id": "Pernyataan atau indikator yang hanya berbeda salah ketik, spasi, huruf besar atau urutan kata",
        "en": "Statements or indicators that differ only by typing slips, spacing, case or word order",
    }
    rationale = {
        "id": "Kondisi yang sama ditulis dua kali dengan salah ketik tetap kondisi yang sama: pohon kinerja menjadi "
              "berulang (\"jangan redundansi\", metode PermenPANRB 89/2021), capaian dihitung ganda, dan salah "
              "ketik pada dokumen resmi menurunkan kualitas rumusan yang dinilai pada LKE 1.b.4-1.b.8 "
              "(PermenPANRB 88/2021).",
        "en": "The same condition written twice with a typo is still the same condition: the tree repeats itself "
              "(\"no redundancy\", PermenPANRB 89/2021 method), achievement is counted twice, and typos in an "
              "official document lower the quality of wording scored under LKE 1.b.4-1.b.8 (PermenPANRB 88/2021).",
    }
    message = {
        "id": "{what} ini hampir sama (hanya beda salah ketik, spasi, huruf besar atau urutan kata): {variants}; "
              "samakan penulisannya bila maksudnya satu, atau bedakan isinya",
        "en": "{what} that are nearly the same (differing only by typing slips, spacing, case or word order): "
              "{variants}; write them the same way if they mean one thing, or make them say different things",
    }
    options_schema = {
        "threshold": {
            "description": "How alike two texts must be, 0-1 (1 - letters changed by slips / letters of the longer "
                           "text), besides every differing word being a slip of the other text's word.",
            "type": "number", "minimum": 0, "maximum": 1,
        },
        "compare": {
            "description": "What to compare: goal statements, indicator names, or both.",
            "type": "array", "items": {"enum": ["statements", "indicators"]}, "uniqueItems": True,
        },
        "scope": {
            "description": "cascade: compare across the whole cascade; parent: only among the children of one parent.",
            "enum": ["cascade", "parent"],
        },
    }
    doc = """\
## What it does
Finds clusters of goal statements, and of indicator names, that are the same text except for typing
slips ("Terselenggaranya" / "Terseleenggaranya", "Draft" / "Darft"), spacing ("dokumenLaporan"),
case, punctuation, function words ("dan" / "dengan"), known variant spellings ("Presentase" /
"Persentase") or word order. Each cluster is reported once, on its first node in document order,
with the other nodes as related; the message quotes every variant.

Statements built on one template that name different things ("Terfasilitasinya pengelolaan keuangan
desa" / "Terfasilitasinya penyusunan peraturan desa", "... Musrenbangdes" / "... Musrenbangcam") are
not near-duplicates: every word of one text must be equal to, or a slip of, a word of the other. What
a slip is (word length, edits allowed, word pairs that are never slips) is set in
rules/vocabulary/text.yaml (`slips`, `distinct`). Exactly equal texts are `duplicate-statement`'s and
`duplicate-indicator`'s; a cluster here always holds at least two different spellings.

The comparison never looks at all pairs: words are indexed by their deletion neighbourhood and texts
are blocked by their words' representatives (see kinerja_graph/similarity.py), so a Pemda-wide
cascade of 10^5 statements is checked in seconds.

## Why it matters
A condition written twice with a slip is one condition counted twice; the reader cannot tell whether
two boxes are meant to differ. Typos in the official wording also lower the quality of the
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
"""

    def check(self, ctx: Context):
        G = ctx.G
        tv = text_vocabulary(ctx.vocabulary, ctx.G)
        threshold = float(ctx.options.get("threshold", 0.85))
        compare = ctx.options.get("compare") or ["statements", "indicators"]
        by_parent = ctx.options.get("scope", "cascade") == "parent"

        def block(n):
            if not by_parent:
                return None
            d = G.nodes[n]
            parents = [u for u in G.predecessors(n) if G.edges[u, n].get("kind") == "contribution"]
            return tuple(sorted(parents)) or tuple(d.get("missing_parents") or ()) or ("(root)",)

        if "statements" in compare:
            index = NearDuplicateIndex(tv, threshold)
            for n, d in goals_in_order(G):
                index.add((n, d.get("location")), d.get("statement"), block(n))
            yield from self._report(ctx, index, "statements", tv)
        if "indicators" in compare:
            index = NearDuplicateIndex(tv, threshold)
            for n, _, indicator in indicators_in_order(G):
                index.add((n, indicator_location(G, n, indicator)), indicator.name, block(n))
            yield from self._report(ctx, index, "indicators", tv)

    def _report(self, ctx: Context, index: NearDuplicateIndex, what: str, tv):
        for cluster in index.clusters():
            nodes = list(dict.fromkeys(n for (n, _), _ in cluster))
            location = cluster[0][0][1]
            variants: dict[str, list] = {}
            spelled: dict[str, str] = {}
            for (n, _), text in cluster:
                key = normalised(text, tv)
                spelled.setdefault(key, text)
                variants.setdefault(key, [])
                if n not in variants[key]:
                    variants[key].append(n)
            listed = "; ".join(f"\"{quote(spelled[k], 60)}\" ({short_list(ids, 3)})" for k, ids in list(variants.items())[:4])
            if len(variants) > 4:
                listed += f"; (+{len(variants) - 4})"
            yield ctx.finding(nodes[0], localise(self.message, what=WHAT[what]), related=nodes[1:], location=location,
                              variants=listed)
