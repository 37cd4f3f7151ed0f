"""orphan-indicator: an indicator attached to no goal."""

from __future__ import annotations

from kinerja_graph.checks._quote import quote
from kinerja_graph.checks.base import Context, Rule


class OrphanIndicator(Rule):
    id = "orphan-indicator"
    area = "structure"
    lke = "1.b.5"
    summary = {
        "id": "Indikator yang tidak melekat pada kinerja (sasaran) mana pun",
        "en": "An indicator attached to no goal",
    }
    rationale = {
        "id": "Indikator adalah ukuran keberhasilan sebuah sasaran (LKE 1.b.5, PermenPANRB 88/2021); indikator tanpa "
        "sasaran tidak mengukur apa pun dalam pohon kinerja dan tidak dapat diturunkan atau dipertanggungjawabkan "
        "menurut PermenPANRB 89/2021.",
        "en": "An indicator is the measure of success of a goal (LKE 1.b.5, PermenPANRB 88/2021); an indicator with no "
        "goal measures nothing in the pohon kinerja and cannot be cascaded or owned as PermenPANRB 89/2021 "
        "requires.",
    }
    messages = {
        "default": {
            "id": "Indikator {indicators:quoted} tidak melekat pada kinerja (sasaran) mana pun",
            "en": "Indicator {indicators:quoted} is attached to no goal",
        },
    }
    options_schema = {}
    doc = """\
## What it does
Finds indicators that belong to no goal: a node with indicators but no statement (in a table, a row
that gives an indicator but leaves the sasaran blank and starts a new id, as in the individual
performance tables of Kecamatan Pujon). One finding per such node, naming its indicators.

## Why it matters
An indicator measures the success of a goal. Without its goal the evaluator cannot tell what it
measures, which level it belongs to, or who answers for it; the reader of the cascade sees a
measurement with no result behind it (LKE 1.b.5).

## Example
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas layanan administrasi, level: intermediate outcome,
     indicators: [{name: Indeks Kepuasan Masyarakat}]}
  - id: "2"
    indicators: [{name: Persentase surat yang diselesaikan tepat waktu}]
```

## Fix
Give the indicator its goal (or move it under an existing one):
```yaml
nodes:
  - {id: "1", statement: Meningkatnya kualitas layanan administrasi, level: intermediate outcome,
     indicators: [{name: Indeks Kepuasan Masyarakat}]}
  - id: "2"
    parent: "1"
    statement: Meningkatnya ketepatan waktu layanan persuratan
    level: immediate outcome
    indicators: [{name: Persentase surat yang diselesaikan tepat waktu}]
```

## Options
None.
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini mencari indikator yang tidak melekat pada kinerja mana pun: simpul yang memiliki indikator
tetapi tidak memiliki pernyataan kinerja (dalam tabel, baris yang mengisi indikator tetapi mengosongkan
kolom sasaran dan memulai kode baru, seperti pada tabel kinerja individu Kecamatan Pujon). Satu temuan
dibuat untuk setiap simpul seperti itu, dengan menyebut indikatornya.

## Mengapa penting
Indikator mengukur keberhasilan suatu kinerja. Tanpa kinerjanya, evaluator tidak dapat mengetahui apa
yang diukur, pada level mana indikator tersebut berada, atau siapa penanggung jawabnya; pembaca pohon
kinerja melihat ukuran tanpa hasil di baliknya (LKE 1.b.5).

## Contoh
## Perbaikan
Indikator diberi kinerjanya (atau dipindahkan ke bawah kinerja yang telah ada):

## Opsi
Tidak ada.
"""

    def check(self, ctx: Context):
        for n, d in ctx.index.loose:
            names = [quote(i.name) for i in d.get("indicators") or []]
            yield ctx.finding(n, indicators=names or [n])
