"""calculation-type: a calculation type (kumulatif, non-kumulatif, kumulatif negatif) that contradicts its
indicator, its targets or the indicators below it."""

from __future__ import annotations

import operator
from collections.abc import Iterator
from itertools import compress

from kinerja_graph.checks._index import Numbering
from kinerja_graph.checks._judge import judged_groups
from kinerja_graph.checks._measures import IndicatorVocabulary, Phrases, measures
from kinerja_graph.checks._quote import indicator_location
from kinerja_graph.checks._reading import (
    NameReading,
    chosen_positions,
    combined,
    group_column,
    item_column,
    name_reading,
    picked,
    quoted_names,
)
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.findings import Finding
from kinerja_graph.text import UnitVocabulary, unit_vocabulary

KUMULATIF = "kumulatif"
# what an indicator is for the parent/child check (bits): declared kumulatif and not a level (a count, or a
# name that states no measure), a count declared kumulatif, a count declared otherwise
_SUMMED, _SUMMED_COUNT, _PERIODIC = 1, 2, 4


class CalculationType(Rule):
    id = "calculation-type"
    area = "indicators"
    lke = "2.a.2"
    summary = {
        "id": "Jenis perhitungan yang bertentangan dengan indikatornya, targetnya atau indikator di bawahnya",
        "en": "A calculation type that contradicts its indicator, its targets or the indicators below it",
    }
    rationale = {
        "id": "LKE 2.a.2 (PermenPANRB 88/2021) menuntut definisi operasional dan cara pengukuran yang jelas; jenis "
        "perhitungan (kumulatif, non-kumulatif, kumulatif negatif) menentukan bagaimana realisasi "
        "triwulanan dan tahunan dikonsolidasikan dan capaian dihitung. Persentase atau indeks yang dijumlahkan, "
        "indikator yang semakin besar semakin baik tetapi dihitung semakin kecil semakin baik, kegiatan kumulatif di atas "
        "sub kegiatan non-kumulatif, atau target kumulatif yang turun menghasilkan capaian yang salah.",
        "en": "LKE 2.a.2 (PermenPANRB 88/2021) requires a clear operational definition and measurement method; the "
        "calculation type (kumulatif, non-kumulatif, kumulatif negatif) decides how quarterly and yearly "
        "realisations are consolidated and how achievement is computed. A percentage or index that is summed, an "
        "indicator where more is better computed as if less were better, a kumulatif kegiatan over non-kumulatif "
        "sub kegiatan, or cumulative targets that fall give a wrong achievement.",
    }
    messages = {
        "not-summable": {
            "id": 'Indikator "{indicator}" dinyatakan kumulatif, sedangkan ukurannya ("{measure}") tidak dapat '
            "dijumlahkan dari periode ke periode; gunakan non-kumulatif (posisi akhir periode)",
            "en": 'Indicator "{indicator}" is declared kumulatif, but its measure ("{measure}") cannot be added up '
            "from period to period; use non-kumulatif (the value at the end of the period)",
        },
        "negative": {
            "id": 'Indikator "{indicator}" dinyatakan kumulatif negatif (semakin kecil semakin baik), sedangkan namanya '
            '("{word}") menunjukkan semakin besar semakin baik',
            "en": 'Indicator "{indicator}" is declared kumulatif negatif (less is better), but its name ("{word}") '
            "says more is better",
        },
        "lower": {
            "id": 'Polaritas indikator "{indicator}" dinyatakan negatif (semakin kecil semakin baik), sedangkan namanya '
            '("{word}") menunjukkan semakin besar semakin baik',
            "en": 'The polarity of indicator "{indicator}" is declared lower (less is better), but its name ("{word}") '
            "says more is better",
        },
        "falling": {
            "id": 'Indikator "{indicator}" dinyatakan kumulatif, tetapi targetnya turun: {changes:steps}; jumlah '
            "kumulatif tidak dapat berkurang, sehingga jenis perhitungannya atau targetnya keliru",
            "en": 'Indicator "{indicator}" is declared kumulatif, but its targets fall: {changes:steps}; a running '
            "total cannot decrease, so either the calculation type or the targets are wrong",
        },
        "children": {
            "id": 'Indikator "{indicator}" dinyatakan kumulatif, sedangkan indikator kinerja di bawahnya ({children:ids}) '
            "non-kumulatif; jumlah yang dihasilkan per periode di bawahnya tidak menjadi jumlah kumulatif di atasnya: "
            "samakan jenis perhitungannya",
            "en": 'Indicator "{indicator}" is declared kumulatif, while the indicators below it ({children:ids}) are '
            "not; counts made period by period below do not add up to a cumulative count above: use one "
            "calculation type",
        },
    }
    options_schema = {
        "not-summable": {
            "description": "Report a percentage, ratio, index or grade declared kumulatif.",
            "type": "boolean",
        },
        "negative": {
            "description": "Report kumulatif negatif (or polarity lower) on an indicator whose name says more is better.",
            "type": "boolean",
        },
        "falling": {"description": "Report kumulatif targets that fall from one year to the next.", "type": "boolean"},
        "children": {
            "description": "Report a kumulatif count over counts below it that are all non-kumulatif.",
            "type": "boolean",
        },
    }
    doc = """\
## What it does
Reads each indicator's calculation type (`calculation`: kumulatif, non-kumulatif, kumulatif-negatif;
sakip-domain section 4.5) against what the indicator is, and reports:

1. `not-summable`: kumulatif on a level rather than a sum — a name opening with Persentase, Rasio,
   Indeks, Tingkat, Rata-rata, Nilai … (rules/vocabulary/indicators.yaml `not_summable.heads`) or a
   unit in %, an index, a ratio or a grade (`not_summable.families`), unless the unit is a count or
   money ("Nilai investasi" in Rp adds up);
2. `negative`: kumulatif-negatif, or `polarity: lower`, on an indicator whose name says more is
   better ("… yang terlayani dengan baik", "… yang puas": `more_is_better`) and holds no word that
   leaves the direction open (text.yaml `polarity_ambiguous`: pengaduan, gangguan, kasus …);
3. `falling`: kumulatif targets, all figures, that fall from one year to the next;
4. `children`: an indicator declared kumulatif (a count, or a name that states no measure; a level is
   1's) on a goal whose contributing goals measure counts ("Jumlah …", or a count unit) that are all
   declared non-kumulatif (a kumulatif kegiatan over non-kumulatif sub kegiatan): one finding on the
   goal, the goals below related. Goals below with no calculation type, or with other measures, are
   not counted; one kumulatif count below leaves the goal alone.

Kumulatif negatif is read as the catalogue reads it: a negative polarity, not a sum.

## Why it matters
The calculation type says how quarterly and yearly realisations are consolidated and how the
achievement is computed (LKE 2.a.2). A percentage summed over four quarters passes 100 %; an indicator
where more is better computed as if less were better rewards failure; a cumulative total cannot
fall; and a kegiatan that sums what its sub kegiatan deliver each year cannot be cumulative while
they are not.

## Example
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya kualitas pelayanan publik
    level: immediate outcome
    indicators:
      - {name: Persentase pelaksanaan koordinasi ketentraman dan ketertiban umum, calculation: kumulatif}
      - {name: Persentase pemohon pelayanan yang terlayani dengan baik, calculation: kumulatif-negatif}
```

## Fix
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya kualitas pelayanan publik
    level: immediate outcome
    indicators:
      - {name: Persentase pelaksanaan koordinasi ketentraman dan ketertiban umum, calculation: non-kumulatif}
      - {name: Persentase pemohon pelayanan yang terlayani dengan baik, calculation: non-kumulatif}
```

## Options
- `not-summable` (boolean, default true): report 1.
- `negative` (boolean, default true): report 2.
- `falling` (boolean, default true): report 3.
- `children` (boolean, default true): report 4.
"""
    doc_id = """\
## Apa yang diperiksa
Membaca jenis perhitungan setiap indikator (`calculation`: kumulatif, non-kumulatif,
kumulatif-negatif; sakip-domain bagian 4.5) terhadap indikatornya, dan melaporkan:

1. `not-summable`: kumulatif pada indikator berupa posisi, bukan jumlah — nama yang diawali
   Persentase, Rasio, Indeks, Tingkat, Rata-rata, Nilai … (rules/vocabulary/indicators.yaml
   `not_summable.heads`) atau satuan %, indeks, rasio atau predikat (`not_summable.families`),
   kecuali satuannya berupa jumlah atau uang ("Nilai investasi" dalam Rp dapat dijumlahkan);
2. `negative`: kumulatif-negatif, atau `polarity: lower`, pada indikator yang namanya menunjukkan
   semakin besar semakin baik ("… yang terlayani dengan baik", "… yang puas": `more_is_better`) dan tidak
   memuat kata yang membuat arahnya terbuka (text.yaml `polarity_ambiguous`: pengaduan, gangguan,
   kasus …);
3. `falling`: target kumulatif, seluruhnya berupa angka, yang turun dari satu tahun ke tahun
   berikutnya;
4. `children`: indikator yang dinyatakan kumulatif (jumlah, atau nama yang belum menyatakan ukuran;
   indikator berupa posisi menjadi urusan butir 1) pada kinerja yang kinerja-kinerja penyumbangnya
   mengukur jumlah ("Jumlah …", atau satuan jumlah) yang seluruhnya dinyatakan non-kumulatif
   (kegiatan kumulatif di atas sub kegiatan non-kumulatif): satu temuan pada kinerja tersebut, dengan
   kinerja di bawahnya sebagai kinerja terkait. Kinerja di bawahnya yang tidak memiliki jenis
   perhitungan, atau yang mengukur hal lain, tidak dihitung; satu jumlah kumulatif di bawahnya membuat
   kinerja tersebut tidak dilaporkan.

Kumulatif negatif dibaca sebagaimana katalog membacanya: polaritas negatif, bukan penjumlahan.

## Mengapa penting
Jenis perhitungan menentukan bagaimana realisasi triwulanan dan tahunan dikonsolidasikan dan bagaimana
capaian dihitung (LKE 2.a.2). Persentase yang dijumlahkan selama empat triwulan melampaui 100 %;
indikator yang semakin besar semakin baik tetapi dihitung semakin kecil semakin baik justru menghargai
kegagalan; jumlah kumulatif tidak dapat turun; dan kegiatan yang menjumlahkan hasil sub kegiatannya
setiap tahun tidak dapat kumulatif selama sub kegiatannya tidak kumulatif.

## Contoh
## Perbaikan
## Opsi
- `not-summable` (boolean, bawaan true): laporkan butir 1.
- `negative` (boolean, bawaan true): laporkan butir 2.
- `falling` (boolean, bawaan true): laporkan butir 3.
- `children` (boolean, bawaan true): laporkan butir 4.
"""

    def check(self, ctx: Context) -> Iterator[Finding]:
        mv, tv = measures(ctx.vocabulary, self.id, ctx.graph)
        units = unit_vocabulary(ctx.vocabulary)
        options = ctx.options
        wanted = {key: bool(options.get(key, True)) for key in ("not-summable", "negative", "falling", "children")}
        wanted["lower"] = wanted["negative"]
        ambiguous = Phrases((tuple(phrase.split()), phrase) for phrase in tv.polarity_ambiguous)
        ix = ctx.index
        items = ix.indicators
        objects = items.objects
        count_heads = units.count_heads

        # What a verdict reads of a name: does it open with a count head, the head that makes it a level, the
        # words that say more is better; read once per distinct name (from the shared reading of the names,
        # _reading.NameReading), and named by a number. The verdict: once per distinct combination of that
        # reading, the unit, the units of the targets, calculation and polarity.
        reading_of = self._readings(name_reading(ix, tv), mv, ambiguous, count_heads)
        names = ix.indicator_groups(("name",))
        target_units = ix.indicator_groups(("target_units",))
        # the key of each indicator (its name's reading; its unit, calculation and polarity; its targets' units),
        # numbered over the whole columns at once (_reading.combined), and each distinct key judged once
        first, key_of = combined(
            _spread(reading_of, item_column(ix, "names")),
            group_column(ix, ix.indicator_groups(("calculation", "polarity", "unit"))),
            group_column(ix, target_units),
        )
        firsts = list(map(objects.__getitem__, first))
        readings = reading_of.readings
        writings: dict[tuple, dict[str, str]] = {}  # (numbers of the unit, of the targets' units) -> _units()
        verdicts: list[tuple | None] = []
        for indicator, reading, unit_number, units_number in zip(
            firsts,
            map(reading_of.__getitem__, names.numbers(first)),
            ix.indicator_groups(("unit",)).numbers(first),
            target_units.numbers(first),
        ):
            calculation, polarity = indicator.calculation, indicator.polarity
            if calculation is None and polarity is None:
                verdicts.append(None)
                continue
            written = writings.get((unit_number, units_number))
            if written is None:
                written = writings[unit_number, units_number] = _units(indicator, units)
            verdicts.append(_verdict(readings[reading], written, calculation, polarity, mv, wanted, count_heads))

        def falls(indicator) -> list | None:
            """[("falling", args)] for kumulatif targets that fall: decided by the calculation and the targets
            alone, once per distinct combination of them (the names do not multiply them)."""
            if indicator.calculation != KUMULATIF:
                return None
            changes = _falls(indicator)
            return [("falling", {"changes": changes})] if changes else None

        found: dict[int, list] = {}  # indicator position -> [(message key, args)], for the few reported
        reported = [verdict is not None and bool(verdict[1]) for verdict in verdicts]
        if any(reported):
            positions = chosen_positions(reported, key_of)
            numbers = key_of[positions].tolist()
            found.update((p, list(verdicts[number][1])) for p, number in zip(positions, numbers))
        if wanted["falling"]:
            fallen, falling = judged_groups(ix, ("calculation", "targets"), falls)
            chosen = [verdict is not None for verdict in falling]
            if any(chosen):
                for position, number in zip(*picked(ix, fallen, chosen)):
                    found.setdefault(position, []).extend(falling[number])
        in_order = sorted(found)
        for position, name in zip(in_order, quoted_names(ix, in_order)):  # names repeat massively: quoted once
            n, d, indicator = items[position]
            location = indicator_location(indicator, d)
            for key, args in found[position]:
                yield ctx.finding(n, key, location=location, indicator=name, **args)
        if wanted["children"]:
            yield from self._children(ctx, key_of, verdicts)

    @staticmethod
    def _readings(names: NameReading, mv: IndicatorVocabulary, ambiguous: Phrases, count_heads) -> _Readings:
        """Each distinct name's reading (opens with a count head, the level head, the more-is-better words) as
        a number, by name number: the columns of the whole list of names at once; Python only for the names
        whose first word opens a level head, or that hold a word some more-is-better phrase opens with."""
        spelled = names.spelled()
        firsts = [words[0] if words else "" for words in spelled]
        heads: list[str | None] = [None] * len(spelled)
        for number in compress(range(len(spelled)), map(mv.not_summable_heads.opens, firsts)):
            heads[number] = _head(spelled[number], mv)
        betters: list[str | None] = [None] * len(spelled)
        opening = mv.more_is_better.first_words()
        for number in compress(range(len(spelled)), map(operator.not_, map(opening.isdisjoint, spelled))):
            betters[number] = _better(spelled[number], mv, ambiguous)
        found = _Readings()
        found.extend(map(found.numbered.__getitem__, zip(map(count_heads.__contains__, firsts), heads, betters)))
        return found

    def _children(self, ctx: Context, key_of, verdicts: list) -> Iterator[Finding]:
        """A kumulatif count over counts below it that are all non-kumulatif: once per goal. Which goals hold an
        indicator of each role, and which of those summing have a child measuring a non-kumulatif count and
        none a kumulatif one, is worked out over whole columns (the indicators', the links') in numpy."""
        import numpy as np

        ix = ctx.index
        items = ix.indicators
        roles = [verdict[0] if verdict is not None else 0 for verdict in verdicts]
        if not any(role & _SUMMED for role in roles):
            return
        per_item = np.asarray(roles, dtype=np.int64)[key_of]  # each indicator's role, by its key's
        owners = items.owners
        owned = item_column(ix, "owners")
        nodes = ix.nodes

        def holding(bit: int):
            """Does the goal at each position in Index.nodes hold an indicator of this role?"""
            found = np.zeros(len(nodes), dtype=bool)
            found[owned[(per_item & bit) != 0]] = True
            return found

        summed, counted, periodic = holding(_SUMMED), holding(_SUMMED_COUNT), holding(_PERIODIC)
        link_parents, link_children = ix.links()
        parents, children = np.asarray(link_parents, dtype=np.int64), np.asarray(link_children, dtype=np.int64)
        below = summed[parents]  # the links down from a goal that sums
        above, kids = parents[below], children[below]
        with_periodic, with_counted = np.zeros(len(nodes), dtype=bool), np.zeros(len(nodes), dtype=bool)
        with_periodic[above[periodic[kids]]] = True
        with_counted[above[counted[kids]]] = True
        flags = summed & with_periodic & ~with_counted
        if not flags.any():
            return
        flagged: dict[int, list[str]] = {}  # goal -> its children measuring non-kumulatif counts, in link order
        for link in np.flatnonzero(flags[parents] & periodic[children]).tolist():
            flagged.setdefault(link_parents[link], []).append(nodes[link_children[link]][0])
        # the indicators of the goals flagged, those summed among them
        picked = np.flatnonzero(flags[owned] & ((per_item & _SUMMED) != 0)).tolist()
        for position, name in zip(picked, quoted_names(ix, picked)):
            children_ = flagged[owners[position]]
            n, d, indicator = items[position]
            yield ctx.finding(
                n,
                "children",
                related=children_,
                location=indicator_location(indicator, d),
                rests_on=("parent",),
                indicator=name,
                children=children_,
            )


def _units(indicator, units: UnitVocabulary) -> dict[str, str]:
    """Unit family -> the unit as written, for the indicator's unit and the units written with its targets."""
    found: dict[str, str] = {}
    # the targets' units as a sorted set: what the Index groups indicators by ("target_units")
    for unit in (indicator.unit, *sorted({t.unit for t in indicator.targets.values() if t.unit})):
        read = units.read(unit) if unit else None
        if read and read[0]:
            found.setdefault(read[0], str(unit).strip())
    return found


def _head(found: tuple, mv: IndicatorVocabulary) -> str | None:
    """The head that makes a name a level ("Persentase", "Indeks"), as a message names it, or None."""
    head = mv.not_summable_heads.starts(found)
    return " ".join(head).capitalize() if head is not None else None


def _better(found: tuple, mv: IndicatorVocabulary, ambiguous: Phrases) -> str | None:
    """The words of a name that say more is better ("terlayani dengan baik"), unless a word leaves the
    direction open (text.yaml `polarity_ambiguous`), or None."""
    if any(ambiguous.find(found)):
        return None
    return next((" ".join(phrase) for _, phrase in mv.more_is_better.find(found)), None)


def _verdict(
    name: tuple, written: dict[str, str], calculation, polarity, mv: IndicatorVocabulary, wanted: dict, count_heads
) -> tuple | None:
    """(what the indicator is for the parent/child check, [(message key, args)]) or None, from what its name
    says (count head, level head, more-is-better words), its units, calculation and polarity."""
    count_head, head, better = name
    found: list[tuple[str, dict]] = []
    count = "count" in written or count_head
    measure = None
    if calculation == KUMULATIF:
        measure = _not_summable(head, written, mv)
        if measure is not None and wanted["not-summable"]:
            found.append(("not-summable", {"measure": measure}))
    lower = (
        polarity if polarity else "lower" if calculation == "kumulatif-negatif" else "higher"
    )  # Indicator.effective_polarity
    if wanted["negative"] and lower == "lower" and better is not None:
        found.append(("lower" if polarity == "lower" else "negative", {"word": better}))
    role = 0
    if calculation == KUMULATIF and measure is None:
        role = _SUMMED | (_SUMMED_COUNT if count else 0)
    elif count and calculation is not None:
        role = _PERIODIC
    return (role, found) if role or found else None


def _not_summable(head: str | None, written: dict[str, str], mv: IndicatorVocabulary) -> str | None:
    """What makes the indicator a level that cannot be summed — its head word, or its unit as written — or
    None (a count or an amount of money can be summed)."""
    if "count" in written or "money" in written:
        return None
    if head is not None:
        return head
    return next((written[f] for f in sorted(written) if f in mv.not_summable_families), None)


def _falls(indicator) -> list:
    """[[[year, target], [year, target]], ...] where figures of the targets fall from one year to the next."""
    targets = indicator.targets
    if len(targets) < 2 or not all(t.kind == "number" and t.value is not None for t in targets.values()):
        return []
    years = sorted(targets)
    return [
        [[a, targets[a].text.strip()], [b, targets[b].text.strip()]]
        for a, b in zip(years, years[1:])
        if (targets[b].value or 0) < (targets[a].value or 0)  # figures, checked above
    ]


def _spread(column: list, numbers):
    """column[number] for each of `numbers` (a numpy array of them), as a numpy array: a name's reading number
    spread over the indicators by one index, not a list of 10^6 Python integers."""
    import numpy as np

    return np.asarray(column, dtype=np.int64)[numbers]


class _Readings(list):
    """The reading number of each name (by name number); `numbered` numbers the distinct readings, `readings`
    holds them by number."""

    def __init__(self) -> None:
        super().__init__()
        self.numbered = Numbering()

    @property
    def readings(self) -> list:
        return list(self.numbered)
