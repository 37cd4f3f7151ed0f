"""stale-ignore: a node's silence that no longer matches any finding, or names no rule."""

from __future__ import annotations

from kinerja_graph import checks
from kinerja_graph.checks._quote import label
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.text import close_matches


class StaleIgnore(Rule):
    id = "stale-ignore"
    area = "structure"
    lke = None
    summary = {
        "id": "Pengecualian aturan (ignore) yang tidak lagi sesuai dengan temuan mana pun",
        "en": "A silence (ignore) that no longer matches any finding",
    }
    rationale = {
        "id": "Setiap pengecualian aturan (ignore) memerlukan alasan; pengecualian yang tidak lagi mengecualikan "
        "temuan apa pun (cacatnya telah diperbaiki, atau nama aturannya salah ketik) akan menyembunyikan cacat "
        "yang sama tanpa diketahui apabila cacat itu muncul kembali, sehingga evaluator tidak lagi dapat "
        "mempercayai kelengkapan laporan.",
        "en": "Every silence is an exception that needs a reason; a silence that no longer silences anything (the "
        "defect was fixed, or the rule's name is mistyped) would quietly hide the same defect if it came back, "
        "and the evaluator could no longer trust the report.",
    }
    messages = {
        "stale": {
            "id": 'Pengecualian aturan {silenced} pada "{label}" tidak lagi sesuai dengan temuan mana pun; '
            "pengecualian ini perlu dihapus",
            "en": 'The silence of rule {silenced} on "{label}" no longer matches any finding: remove it',
        },
        "unknown": {
            "id": 'Pengecualian pada "{label}" menyebut aturan "{silenced}" yang tidak ada',
            "en": 'The silence on "{label}" names rule "{silenced}", which does not exist',
        },
        "unknown-close": {
            "id": 'Pengecualian pada "{label}" menyebut aturan "{silenced}" yang tidak ada (kemungkinan yang '
            "dimaksud adalah {suggestions:ids})",
            "en": 'The silence on "{label}" names rule "{silenced}", which does not exist (did you mean '
            "{suggestions:ids}?)",
        },
    }
    options_schema = {}
    doc = """\
## What it does
A pseudo-rule about the document's own silences (`ignore: [{rule: id, reason: ...}]` on a node). It
runs after every other rule and reports

- a silence of a rule that ran and found nothing on that node: the defect was fixed, so the silence
  only waits to hide it again;
- a silence naming a rule id that does not exist (a typo, a renamed rule).

A silence of a rule that did not run (disabled in the pack, left out by `--select`/`--ignore`) is
not judged. A silence of `stale-ignore` itself silences this rule's findings on that node and is
never reported as stale. Silences are per node: a finding without a node cannot be silenced
(disable the rule in the pack instead).

## Why it matters
Silencing is how a cascade records a deliberate exception ("cascade langsung ke satu unit"). An
exception that outlives its reason hides future defects, and a misspelt rule id silences nothing
while looking as if it did: the evaluator can no longer trust that the report is complete.

## Example
The owner was filled in since the first silence was written, and the second misspells its rule:
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya kualitas layanan publik
    level: intermediate outcome
    owner: Camat
    ignore:
      - {rule: missing-owner, reason: "PJ belum ditetapkan"}
      - {rule: single-chlid, reason: "cascade langsung ke Sekcam"}
  - {id: "1.1", parent: "1", statement: Meningkatnya tertib administrasi perkantoran, level: immediate outcome,
     owner: Sekcam}
```

## Fix
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya kualitas layanan publik
    level: intermediate outcome
    owner: Camat
    ignore:
      - {rule: single-child, reason: "cascade langsung ke Sekcam"}
  - {id: "1.1", parent: "1", statement: Meningkatnya tertib administrasi perkantoran, level: immediate outcome,
     owner: Sekcam}
```

## Options
None.
"""
    doc_id = """\
## Apa yang diperiksa
Aturan semu tentang pengecualian yang ditulis dalam dokumen itu sendiri
(`ignore: [{rule: id, reason: ...}]` pada suatu kinerja). Aturan ini dijalankan setelah seluruh aturan
lain dan melaporkan

- pengecualian terhadap aturan yang telah dijalankan dan tidak menemukan apa pun pada kinerja tersebut:
  cacatnya telah diperbaiki, sehingga pengecualian itu hanya akan menyembunyikannya apabila muncul
  kembali;
- pengecualian yang menyebut id aturan yang tidak ada (salah ketik, aturan yang telah berganti nama).

Pengecualian terhadap aturan yang tidak dijalankan (dinonaktifkan dalam paket aturan, atau tidak dipilih
melalui `--select`/`--ignore`) tidak dinilai. Pengecualian terhadap `stale-ignore` sendiri mengecualikan
temuan aturan ini pada kinerja tersebut dan tidak pernah dilaporkan sebagai usang. Pengecualian berlaku
per kinerja: temuan yang tidak melekat pada kinerja tertentu tidak dapat dikecualikan (sebagai gantinya,
aturannya dinonaktifkan dalam paket aturan).

## Mengapa penting
Pengecualian adalah cara pohon kinerja mencatat penyimpangan yang disengaja ("cascade langsung ke satu
unit"). Pengecualian yang masih berlaku setelah alasannya tidak ada lagi akan menyembunyikan cacat di
kemudian hari, dan id aturan yang salah ketik tidak mengecualikan apa pun meskipun tampak demikian:
evaluator tidak lagi dapat memastikan bahwa laporan lengkap.

## Contoh
Penanggung jawab telah diisi sejak pengecualian pertama ditulis, dan pengecualian kedua salah mengeja
nama aturannya:

## Perbaikan
## Opsi
Tidak ada.
"""

    def check(self, ctx: Context):
        """On its own (outside the engine) only silences naming no rule can be judged."""
        yield from self.check_silences(ctx, ran=frozenset(), matched=frozenset())

    def check_silences(self, ctx: Context, *, ran: frozenset, matched: frozenset):
        """Called by the engine after the other rules: `ran` holds the ids of the rules that ran to the
        end on this cascade, `matched` the (node, rule id) pairs of the silences that silenced a finding."""
        if not ctx.index.silencing():  # (once per graph: the engine asked before)
            return
        known = checks.all_rules()
        for n, d in ctx.index.having("ignore"):
            model = d.get("node")
            seen = set()
            for silence in getattr(model, "ignore", None) or ():
                if silence.rule in seen:
                    continue
                seen.add(silence.rule)
                if silence.rule not in known:
                    close = close_matches(silence.rule, known)
                    yield ctx.finding(
                        n,
                        "unknown-close" if close else "unknown",
                        label=label(d),
                        silenced=silence.rule,
                        suggestions=close,
                    )
                elif silence.rule != self.id and silence.rule in ran and (n, silence.rule) not in matched:
                    yield ctx.finding(n, "stale", label=label(d), silenced=silence.rule)
