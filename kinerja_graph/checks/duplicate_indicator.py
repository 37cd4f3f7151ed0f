"""duplicate-indicator: the same indicator measuring several goals."""

from __future__ import annotations

import operator

from kinerja_graph.checks._measures import normalised_names
from kinerja_graph.checks._quote import indicator_location
from kinerja_graph.checks._reading import item_column, quoted_names
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.similarity import text_vocabulary


class DuplicateIndicator(Rule):
    id = "duplicate-indicator"
    area = "redundancy"
    lke = "1.b.8"
    summary = {
        "id": "Indikator yang sama mengukur beberapa kinerja",
        "en": "The same indicator measures several goals",
    }
    rationale = {
        "id": "Setiap jenjang kinerja mengukur kontribusinya sendiri (PermenPANRB 89/2021 tentang penjenjangan "
        "kinerja). Indikator yang sama pada tujuan dan sasaran, atau pada beberapa sasaran, menandakan "
        "cascading belum benar-benar dilakukan (LKE 1.b.8, PermenPANRB 88/2021) dan capaian yang sama "
        "dihitung dua kali; praktik Kemenkeu melarang satu IKU mengukur dua sasaran.",
        "en": "Each level measures its own contribution (PermenPANRB 89/2021 on penjenjangan kinerja). The same "
        "indicator on a goal and its sub-goal, or on several goals, shows that the cascade was not really "
        "broken down (LKE 1.b.8, PermenPANRB 88/2021) and counts one achievement twice; Kemenkeu practice "
        "forbids one key indicator measuring two objectives.",
    }
    messages = {
        "many": {
            "id": 'Indikator "{indicator}" mengukur {count} kinerja ({nodes:ids}); setiap kinerja perlu memiliki '
            "indikator yang mengukur kontribusinya sendiri",
            "en": 'Indicator "{indicator}" measures {count} goals ({nodes:ids}); give each goal an indicator of its '
            "own contribution",
        },
        "same-node": {
            "id": 'Indikator "{indicator}" ditulis {count} kali pada kinerja yang sama',
            "en": 'Indicator "{indicator}" is listed {count} times on the same goal',
        },
    }
    options_schema = {}
    doc = """\
## What it does
Groups indicators by name, ignoring case, spacing and punctuation, over every goal (and every
indicator without a goal) of the cascade. A name found on two or more nodes is reported once, on the
first node in document order, with the other nodes as related. A name listed twice on one node is
reported too, with its own message. Names that differ by spelling slips are `near-duplicate`'s.

## Why it matters
An indicator measures the goal it belongs to. The same indicator on a tujuan and its sasaran
(Batumandi's IKM), or on four sasaran of one program (Pino Raya's "Nilai Laporan AKIP"), means the
lower goal was given no measure of its own: cascading was not done (LKE 1.b.8), and one result is
reported as the achievement of several goals.

## Example
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya Indeks Reformasi Birokrasi
    level: ultimate outcome
    indicators: [{name: Indeks Kepuasan Masyarakat (IKM)}]
  - id: "1.1"
    parent: "1"
    statement: Meningkatnya kualitas pelayanan publik
    level: intermediate outcome
    indicators: [{name: indeks kepuasan masyarakat (IKM)}]
```

## Fix
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya Indeks Reformasi Birokrasi
    level: ultimate outcome
    indicators: [{name: Indeks Reformasi Birokrasi}]
  - id: "1.1"
    parent: "1"
    statement: Meningkatnya kualitas pelayanan publik
    level: intermediate outcome
    indicators: [{name: Indeks Kepuasan Masyarakat (IKM)}]
```

## Options
None.
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini mengelompokkan indikator menurut namanya, tanpa membedakan huruf besar-kecil, spasi dan tanda
baca, di seluruh kinerja (dan setiap indikator tanpa sasaran) dalam pohon kinerja. Nama yang terdapat
pada dua kinerja atau lebih dilaporkan satu kali, pada kinerja pertama menurut urutan dokumen, dengan
kinerja lainnya sebagai kinerja terkait. Nama yang tercantum dua kali pada satu kinerja juga dilaporkan,
dengan pesannya sendiri. Nama yang hanya berbeda karena salah ketik diperiksa oleh `near-duplicate`.

## Mengapa penting
Indikator mengukur kinerja tempatnya melekat. Indikator yang sama pada tujuan dan sasarannya (IKM
Batumandi), atau pada empat sasaran dalam satu program ("Nilai Laporan AKIP" Pino Raya), berarti kinerja
di bawahnya belum memiliki ukuran sendiri: cascading belum dilakukan (LKE 1.b.8), dan satu hasil
dilaporkan sebagai capaian beberapa kinerja.

## Contoh
## Perbaikan
## Opsi
Tidak ada.
"""

    def check(self, ctx: Context):
        tv = text_vocabulary(ctx.vocabulary, ctx.graph)
        ix = ctx.index
        grouping = ix.indicator_groups(("name",))  # each distinct name is normalised once, for every rule
        found = grouping.repeats(normalised_names(ix, tv))  # by name number
        if not found.positions:
            return
        import numpy as np  # (imported when first used: the registry imports every rule at start-up)

        # each name's nodes, in order: its members' nodes, each node once (a node's indicators stand together,
        # so a node holding the name twice holds it at neighbouring members)
        positions, starts = found.positions, found.starts
        owners = item_column(ix, "owners")[positions]
        first_member = np.zeros(len(positions), dtype=bool)
        first_member[starts[:-1]] = True
        held = first_member.copy()
        held[1:] |= owners[1:] != owners[:-1]
        ids = ix.ids()
        # each name's nodes, name after name, as positions: a finding's related ids are made from its own slice
        # only, so that each id object is touched once (at 10^6 goals a million of them, scattered in memory)
        holders = owners[held].tolist()
        held_starts = np.concatenate(([0], np.cumsum(held)[np.asarray(starts[1:]) - 1])).tolist()
        firsts = starts[:-1]
        # each name's first member: the indicator, its node's (id, data)
        first_indicators = list(map(ix.indicators.objects.__getitem__, map(positions.__getitem__, firsts)))
        first_nodes = map(ix.nodes.__getitem__, owners[firsts].tolist())
        names = quoted_names(ix, list(map(positions.__getitem__, firsts)))  # each repeated name, all at once
        for number, (indicator, (first, data)) in enumerate(zip(first_indicators, first_nodes)):
            location = indicator_location(indicator, data)
            begin, end = held_starts[number], held_starts[number + 1]
            if end - begin == 1:
                count = starts[number + 1] - starts[number]
                yield ctx.finding(first, "same-node", location=location, indicator=names[number], count=count)
            else:
                related = tuple(map(ids.__getitem__, holders[begin + 1 : end]))
                yield ctx.finding(
                    first, "many", related=related, location=location, indicator=names[number], count=end - begin
                )


_NAME = operator.attrgetter("name")
