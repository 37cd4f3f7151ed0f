"""missing-target: an indicator without a target for a year of the cascade's period."""

from __future__ import annotations

from kinerja_graph.checks._judge import judged_indicators
from kinerja_graph.checks._options import SUMMARISE_SCHEMA
from kinerja_graph.checks._quote import indicator_location, quote
from kinerja_graph.checks.base import Context, Rule


class MissingTarget(Rule):
    id = "missing-target"
    area = "indicators"
    lke = "1.b.7"
    summary = {
        "id": "Indikator tanpa target untuk salah satu tahun periode",
        "en": "An indicator without a target for a year of the period",
    }
    rationale = {
        "id": "LKE 1.b.7 (PermenPANRB 88/2021) menilai apakah target kinerja dapat dicapai, menantang dan realistis, "
        "dan memberi nilai nol bila target tidak ada; tanpa target untuk setiap tahun periode Renstra, capaian "
        "tahun itu tidak dapat diukur.",
        "en": "LKE 1.b.7 (PermenPANRB 88/2021) scores whether targets are achievable, challenging and realistic, and "
        "gives zero when there is no target; without a target for every year of the Renstra period, that "
        "year's achievement cannot be measured.",
    }
    messages = {
        "one": {
            "id": 'Indikator "{indicator}" belum memiliki target untuk tahun {years:years}',
            "en": 'Indicator "{indicator}" has no target for {years:years}',
        },
        "none": {
            "id": "Tidak satu pun dari {count} indikator dalam pohon kinerja ini memiliki target untuk periode "
            "{years:years}",
            "en": "None of the {count} indicators of this cascade has a target for the period {years:years}",
        },
    }
    options_schema = {
        "summarise-absent": SUMMARISE_SCHEMA,
    }
    doc = """\
## What it does
For every indicator (of goals and of loose indicators), lists the years of the cascade's period for
which it has no target, or a blank one; one finding per indicator. The period is the document's
`period` (a table's "Periode" line); a cascade that declares none is measured against every year any
of its indicators has a target for. A cascade with neither a period nor a single target (a drawn
pohon kinerja) gives no finding. A target written as text ("-", "Tersedia") is there: whether it is a
valid target is `target-invalid`'s business.

## Why it matters
A target is what the year's achievement (capaian) is measured against. An indicator without a target
for a year cannot be reported for that year, and LKE 1.b.7 scores a missing target as zero.

## Example
```yaml
period: [2022, 2024]
nodes:
  - id: "1"
    statement: Meningkatnya kualitas layanan publik
    level: intermediate outcome
    indicators:
      - {name: Indeks Kepuasan Masyarakat, targets: {2022: 80, 2024: 84}}
```

## Fix
```yaml
period: [2022, 2024]
nodes:
  - id: "1"
    statement: Meningkatnya kualitas layanan publik
    level: intermediate outcome
    indicators:
      - {name: Indeks Kepuasan Masyarakat, targets: {2022: 80, 2023: 82, 2024: 84}}
```

## Options
- `summarise-absent` (boolean, default true): one finding when no indicator of the cascade has any target
  for the period.
"""
    doc_id = """\
## Apa yang diperiksa
Untuk setiap indikator (pada kinerja maupun tanpa sasaran), aturan ini mencantumkan tahun-tahun dalam
periode pohon kinerja yang targetnya tidak ada atau kosong; satu temuan per indikator. Periode diambil
dari `period` dokumen (baris "Periode" pada tabel); pohon kinerja yang tidak menyatakan periode diukur
terhadap setiap tahun yang memiliki target pada salah satu indikatornya. Pohon kinerja yang tidak
memiliki periode maupun satu target pun (pohon kinerja berbentuk diagram) tidak menghasilkan temuan.
Target yang ditulis sebagai teks ("-", "Tersedia") dianggap ada: sah atau tidaknya target tersebut
diperiksa oleh `target-invalid`.

## Mengapa penting
Target adalah pembanding capaian tahunan. Capaian indikator yang tidak memiliki target pada suatu tahun
tidak dapat dilaporkan untuk tahun tersebut, dan LKE 1.b.7 memberi nilai nol untuk target yang tidak ada.

## Contoh
## Perbaikan
## Opsi
- `summarise-absent` (boolean, bawaan true): satu temuan apabila tidak satu pun indikator dalam pohon
  kinerja memiliki target untuk periode tersebut.
"""

    def check(self, ctx: Context):
        period = sorted(ctx.graph.graph.get("period") or [])
        if not period:
            return
        years = frozenset(period)

        def judge(indicator):
            """The years of the period without a target, or None: decided by the targets alone."""
            targets = indicator.targets or {}
            if targets.keys() >= years and all(targets[y].kind != "blank" for y in period):
                return None
            return [y for y in period if y not in targets or targets[y].kind == "blank"]

        total = len(ctx.index.indicators)
        lacking = list(judged_indicators(ctx.index, ("targets",), judge))
        if not lacking:
            return
        if (
            ctx.options.get("summarise-absent", True)
            and len(lacking) == total > 1
            and all(len(missing) == len(period) for *_, missing in lacking)
        ):
            yield ctx.finding(None, "none", count=total, years=period)
            return
        for n, d, indicator, missing in lacking:
            yield ctx.finding(
                n, "one", location=indicator_location(indicator, d), indicator=quote(indicator.name), years=missing
            )
