"""formula-mismatch: a formula that does not compute what its indicator names."""

from __future__ import annotations

import collections
import operator
import re
from collections.abc import Iterator
from itertools import compress, repeat

from kinerja_graph.checks._batch import Batch
from kinerja_graph.checks._index import Numbering
from kinerja_graph.checks._measures import HeadReader, counted, measures
from kinerja_graph.checks._quote import QUOTE_LIMIT, indicator_location, quote, quote_many
from kinerja_graph.checks._reading import NameReading, group_column, item_column, name_reading, picked, quoted_names
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.findings import Finding
from kinerja_graph.similarity import (
    canonical_words,
    content_words,
    normalised,
    related_words,
    remember,
    text_words,
)
from kinerja_graph.text import normalise, unit_vocabulary

SHARE_HEADS = ("persentase", "proporsi", "rasio")
# where a formula divides, for telling its numerator from its denominator
_SPLIT = re.compile(r"\s/\s|(?<=\w)/(?=\s*\(?\s*(?:jumlah|total|∑|Σ))|\bdibagi\b|\bdibandingkan\s+dengan\b", re.I)
_TIMES = re.compile(r"(?:[x×*]\s*100|100\s*%).*$", re.I)


_WORD_MARKER = re.compile(r"[a-z0-9]+(?:[ -][a-z0-9]+)*")


def _split_markers(markers) -> tuple[tuple, tuple]:
    """(words as " w ", symbols) of a marker list: words must stand as words, symbols anywhere."""
    words = tuple(f" {normalise(m)} " for m in markers if _WORD_MARKER.fullmatch(m))
    symbols = tuple(m for m in markers if not _WORD_MARKER.fullmatch(m))
    return words, symbols


def has_marker(formula: str, markers, tv=None) -> bool:
    """Does the formula hold one of the markers: words as words ("per", "dibagi"), symbols anywhere ("/")?"""
    if tv is None:
        words, symbols = _split_markers(markers)
        norm = normalise(formula)
    else:
        key = ("markers", markers)
        found = tv.cache.get(key) or remember(tv, key, _split_markers(markers))
        words, symbols = found
        norm = normalised(formula, tv)
    padded = f" {norm} "
    lowered = formula.lower()
    return any(w in padded for w in words) or any(s in lowered for s in symbols)


class FormulaMismatch(Rule):
    id = "formula-mismatch"
    area = "indicators"
    lke = "2.a.2"
    summary = {
        "id": "Formula yang tidak menghitung apa yang dinyatakan indikatornya",
        "en": "A formula that does not compute what its indicator names",
    }
    rationale = {
        "id": "LKE 2.a.2 (PermenPANRB 88/2021) menuntut definisi operasional dan cara pengukuran yang jelas untuk "
        "setiap indikator. Formula yang tidak berbagi satu pun pokok bahasan dengan indikatornya, yang hanya "
        'berisi satuan ("Dokumen") atau metode ("Survey"), atau persentase yang tidak membagi apa pun, '
        "tidak mengukur apa yang diklaim indikator.",
        "en": "LKE 2.a.2 (PermenPANRB 88/2021) requires a clear operational definition and measurement method for "
        "every indicator. A formula sharing nothing of substance with its indicator, one that is only a unit "
        '("Dokumen") or a method ("Survey"), or a percentage that divides nothing, does not measure what the '
        "indicator claims.",
    }
    messages = {
        "unrelated": {
            "id": 'Formula "{formula}" tidak berkaitan dengan indikator "{indicator}": keduanya tidak memiliki pokok '
            "bahasan yang sama",
            "en": 'Formula "{formula}" has nothing to do with indicator "{indicator}": they share no subject',
        },
        "unit-only": {
            "id": 'Formula indikator "{indicator}" hanya berisi "{formula}", yaitu satuan atau metode, bukan cara '
            "perhitungan; rumus atau definisi operasionalnya perlu dituliskan",
            "en": 'The formula of indicator "{indicator}" is only "{formula}": a unit or a method, not a way to '
            "compute it; write the formula or operational definition",
        },
        "no-division": {
            "id": 'Indikator "{indicator}" berupa {head}, tetapi formulanya "{formula}" tidak memuat pembagian; '
            "formula perlu dituliskan sebagai pembilang dibagi penyebut",
            "en": 'Indicator "{indicator}" is a {head}, but its formula "{formula}" divides nothing; write the '
            "numerator divided by the denominator",
        },
        "counted": {
            "id": 'Indikator "{indicator}" menghitung "{noun}", tetapi formulanya "{formula}" menghitung "{other}"',
            "en": 'Indicator "{indicator}" counts "{noun}", but its formula "{formula}" counts "{other}"',
        },
        "inverted": {
            "id": 'Formula indikator "{indicator}" terbalik: penyebut "{denominator}" adalah bagian dari pembilang '
            '"{numerator}", sehingga hasilnya selalu 100 % atau lebih',
            "en": 'The formula of indicator "{indicator}" is upside down: the denominator "{denominator}" is a part '
            'of the numerator "{numerator}", so the result is always 100 % or more',
        },
        "shared": {
            "id": 'Formula "{formula}" digunakan untuk {count} indikator berbeda ({indicators:quoted}); satu formula '
            "tidak dapat mengukur indikator yang berbeda",
            "en": 'Formula "{formula}" is used for {count} different indicators ({indicators:quoted}); one formula '
            "cannot measure different indicators",
        },
        "broad-only": {
            "id": 'Formula "{formula}" dan indikator "{indicator}" hanya memiliki kesamaan kata yang umum '
            "({shared:quoted-all}); selebihnya keduanya mengukur hal yang berbeda",
            "en": 'Formula "{formula}" and indicator "{indicator}" share only broad words ({shared:quoted-all}); '
            "beyond them they measure different things",
        },
        "complement": {
            "id": 'Formula indikator "{indicator}" menghitung kebalikannya: pembilang "{numerator}" menghitung '
            '"{word}", yang tidak dinyatakan indikatornya',
            "en": 'The formula of indicator "{indicator}" counts the opposite: its numerator "{numerator}" counts '
            '"{word}", which the indicator does not name',
        },
        "count-divides": {
            "id": 'Indikator "{indicator}" adalah jumlah, tetapi formulanya "{formula}" membagi; jumlah tidak dihitung '
            "dengan pembagian",
            "en": 'Indicator "{indicator}" is a count, but its formula "{formula}" divides; a count is not computed '
            "by a division",
        },
        "count-as-share": {
            "id": 'Indikator "{indicator}" adalah jumlah, tetapi formulanya "{formula}" menghitung persentase',
            "en": 'Indicator "{indicator}" is a count, but its formula "{formula}" computes a percentage',
        },
    }
    options_schema = {
        "unit-only": {
            "description": 'Report a formula that is only a unit or a method word ("Dokumen", "Survey").',
            "type": "boolean",
        },
        "shared": {
            "description": "Report one formula used for several different indicators (once per formula).",
            "type": "boolean",
        },
        "check-division": {
            "description": "Report a Persentase/Proporsi/Rasio whose formula divides nothing, and a Jumlah whose "
            "formula computes a percentage.",
            "type": "boolean",
        },
    }
    doc = """\
## What it does
Compares each indicator's formula (formulasi / penjelasan) with the indicator, and reports every one
of 1-6 that applies (1 alone when the formula is only a unit), then 7 once per formula:

1. `unit-only`: the formula is only a unit, a number or a method/evidence word ("Dokumen", "Orang",
   "Survey", "Bukti Pembayaran"), or repeats the indicator's unit: it states no calculation. An
   absent formula, a placeholder such as "-", or a formula that only repeats the indicator's name is
   `missing-formula`'s, not reported here.
2. the formula and the indicator share no content word. Content words are what is left after dropping
   function words and words that say nothing about *what* is measured (jumlah, persentase, x, 100,
   tersedia, kecamatan, masyarakat, the organisation's own name ...; rules/vocabulary/text.yaml
   `generic`). Words are related when equal, synonyms ("PNS" / "pegawai"), sharing an Indonesian stem
   ("pembayaran" / "dibayarkan"), one a spelling slip of the other ("asset" / "aset"), one containing
   the other ("dokumenLaporan"), or when an abbreviation spells the other out ("ATK" = alat tulis
   kantor). The Pujon driver's indicator "Jumlahmengemudi untuk kelancaran kegiatan pemerintahan" with
   the cleaner's formula "Jumlah pelaksanaan kebersihan kantor dan taman" is reported. A formula with
   fewer than two content words of four letters or more ("(IKS + IKE + IKL) / 3") is not judged here.
   One shared broad noun proves nothing (`broad-only`): when the words they share are all broad
   (desa, pelayanan, administrasi, kegiatan …: rules/vocabulary/indicators.yaml `broad_subjects`) and
   their other words share nothing, "Jumlah desa yang adminstrasi pemerintahannya baik" computed as
   "Jumlah desa yang mendapatkan pembinaan … APBDes" is reported;
3. a "Jumlah ..." indicator and its formula count different kinds of things ("Jumlah dokumen evaluasi"
   computed as "Jumlah rapat kerja ...", "Jumlah draf pelayanan …" as "Jumlah pengaduan pelayanan …";
   kinds from units.yaml `count_nouns`, `count_compatible`);
4. the fraction is upside down (`inverted`): the denominator is the numerator narrowed by a qualifier
   ("Jumlah Desa / jumlah Desa yang mandiri"), so the share is never below 100 %; or it counts the
   opposite (`complement`): its numerator holds a negation or an unwanted thing the indicator's name
   does not ("pengaduan", "tidak", "terlambat": indicators.yaml `opposites`; what follows a minus
   sign is subtracted, not counted), as "% pemohon yang terlayani dengan baik" computed as
   "Jumlah pengaduan pelayanan dibagi Jumlah pemohon";
5. `check-division`: a "Persentase", "Proporsi" or "Rasio" whose formula holds no division ("/",
   ":", "dibagi", "per", "dibandingkan" ...: text.yaml `division_markers`);
6. `check-division`: a "Jumlah" whose formula divides and multiplies by 100 (`count-as-share`), or
   divides without (`count-divides`: "Jumlah Laporan Pembangunan yang terealisasi / Jumlah
   Pembangunan Fisik yang direncanakan"), unless the indicator's unit or targets are already
   percentages (then `unit-mismatch` says the name is wrong);
7. `shared`: one formula (not a unit-only one) written for indicators with different names: one
   finding per formula, on its first indicator's node, the other nodes related.

The checks stay on the side of caution: a formula sharing any content word but a broad one with its
indicator is not called unrelated, even when an evaluator might still find it a poor proxy.

## Why it matters
The formula is the indicator's operational definition (LKE 2.a.2). A formula about something else,
or no calculation at all, means the indicator cannot be measured as written, or is measured by a proxy
nobody chose.

## Example
```yaml
nodes:
  - id: "1"
    statement: Kelancaran kegiatan pemerintahan di kecamatan
    level: process
    indicators:
      - name: Jumlah pengemudian untuk kelancaran kegiatan pemerintahan
        formula: Jumlah pelaksanaan kebersihan kantor dan taman
      - name: Persentase realisasi PBB
        formula: Jumlah desa yang melaporkan realisasi PBB
```

## Fix
```yaml
nodes:
  - id: "1"
    statement: Kelancaran kegiatan pemerintahan di kecamatan
    level: process
    indicators:
      - name: Jumlah pengemudian untuk kelancaran kegiatan pemerintahan
        formula: Jumlah perjalanan dinas yang dikemudikan tepat waktu
      - name: Persentase realisasi PBB
        formula: Realisasi PBB dibagi target PBB x 100 %
```

## Options
- `unit-only` (boolean, default true): report formulas that are only a unit or a method.
- `check-division` (boolean, default true): the division checks (5 and 6).
- `shared` (boolean, default true): report one formula used for different indicators (7).
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini membandingkan formula (formulasi/penjelasan) setiap indikator dengan indikatornya, lalu
melaporkan butir pertama dari butir 1–6 yang berlaku (satu temuan per indikator), kemudian butir 7 satu
kali per formula:

1. `unit-only`: formula hanya berupa satuan, angka, atau kata metode/bukti ("Dokumen", "Orang",
   "Survey", "Bukti Pembayaran"), atau mengulang satuan indikator: formula tersebut tidak menyatakan
   perhitungan apa pun. Formula yang tidak diisi, tanda pengisi seperti "-", atau formula yang hanya
   mengulang nama indikator diperiksa oleh `missing-formula` dan tidak dilaporkan di sini;
2. formula dan indikator tidak memiliki satu pun kata isi yang sama. Kata isi adalah kata yang tersisa
   setelah kata tugas dan kata yang tidak menyatakan *apa* yang diukur dibuang (jumlah, persentase, x,
   100, tersedia, kecamatan, masyarakat, nama organisasi sendiri ...; rules/vocabulary/text.yaml
   `generic`). Dua kata dianggap berkaitan apabila sama, bersinonim ("PNS" / "pegawai"), memiliki kata
   dasar yang sama ("pembayaran" / "dibayarkan"), salah satunya merupakan salah ketik dari yang lain
   ("asset" / "aset"), salah satunya memuat yang lain ("dokumenLaporan"), atau salah satunya merupakan
   singkatan dari yang lain ("ATK" = alat tulis kantor). Indikator pengemudi di Pujon "Jumlahmengemudi
   untuk kelancaran kegiatan pemerintahan" dengan formula petugas kebersihan "Jumlah pelaksanaan
   kebersihan kantor dan taman" dilaporkan. Formula yang memuat kurang dari dua kata isi sepanjang empat
   huruf atau lebih ("(IKS + IKE + IKL) / 3") tidak dinilai di sini;
3. indikator "Jumlah ..." dan formulanya menghitung jenis hal yang berbeda ("Jumlah dokumen evaluasi"
   yang dihitung sebagai "Jumlah rapat kerja ..."; jenis hal diambil dari units.yaml `count_nouns` dan
   `count_compatible`);
4. pecahannya terbalik: penyebutnya adalah pembilang yang dipersempit oleh suatu keterangan ("Jumlah
   Desa / jumlah Desa yang mandiri"), sehingga hasilnya tidak pernah di bawah 100 %;
5. `check-division`: indikator "Persentase", "Proporsi" atau "Rasio" yang formulanya tidak memuat
   pembagian ("/", ":", "dibagi", "per", "dibandingkan" ...: text.yaml `division_markers`);
6. `check-division`: indikator "Jumlah" yang formulanya membagi dan mengalikan dengan 100, kecuali satuan
   atau target indikator tersebut memang persentase (dalam hal itu `unit-mismatch` menyatakan bahwa
   namanya yang keliru);
7. `shared`: satu formula (selain formula yang hanya berupa satuan) yang ditulis untuk indikator dengan
   nama yang berbeda: satu temuan per formula, pada kinerja indikator pertamanya, dengan kinerja lainnya
   sebagai kinerja terkait.

Pemeriksaan ini bersifat hati-hati: formula yang memiliki satu kata isi yang sama dengan indikatornya
tidak dinyatakan tidak berkaitan, meskipun evaluator mungkin tetap menilainya sebagai proksi yang lemah.

## Mengapa penting
Formula adalah definisi operasional indikator (LKE 2.a.2). Formula tentang hal lain, atau formula yang
sama sekali tidak memuat perhitungan, berarti indikator tidak dapat diukur sebagaimana tertulis, atau
diukur dengan proksi yang tidak pernah ditetapkan.

## Contoh
## Perbaikan
## Opsi
- `unit-only` (boolean, bawaan true): melaporkan formula yang hanya berupa satuan atau metode.
- `check-division` (boolean, bawaan true): pemeriksaan pembagian (butir 5 dan 6).
- `shared` (boolean, bawaan true): melaporkan satu formula yang digunakan untuk indikator yang berbeda
  (butir 7).
"""

    def check(self, ctx: Context):
        G = ctx.graph
        ix = ctx.index
        mv, tv = measures(ctx.vocabulary, self.id, G)
        units = unit_vocabulary(ctx.vocabulary)
        unit_only = bool(ctx.options.get("unit-only", True))
        division = bool(ctx.options.get("check-division", True))
        shared = bool(ctx.options.get("shared", True))
        org = G.graph.get("organisation")
        own = frozenset(normalise(getattr(org, "name", "")).split()) | frozenset(
            normalise(getattr(org, "id", "") or "").split()
        )
        unit_words = set()
        for spelling in units.spellings:
            unit_words.update(spelling.split())
        judge = _Judge(tv, mv, units, own, unit_words, unit_only, division)
        names = name_reading(ix, tv)
        judge.name_norms, judge.name_texts = names.norms, names.texts
        objects = ix.indicators.objects

        # A verdict is (normalised formula, [(message key, args)] of every sub-check that fails, whether the
        # formula is only a unit), or None when there is no formula to judge. What the name and the formula
        # decide is worked out once per distinct name, once per distinct formula and once per distinct pair
        # of them (_Judge); the few pairs whose verdict also hangs on the units (a short formula that may be
        # the indicator's unit, a count that divides: is it a percentage after all?) are judged member by
        # member, once per distinct combination of units.
        grouping = ix.indicator_pairs("name", "formula")
        name_of = ix.indicator_groups(("name",)).numbers(grouping.first)
        formula_of = ix.indicator_groups(("formula",)).numbers(grouping.first)
        formulas = ix.indicator_groups(("formula",))
        pairs = judge.pairs(names, name_of, formula_of, [objects[p].formula for p in formulas.first])
        # the verdict of each group that the units do not change, else None
        verdicts: list[tuple | None] = [pair if type(pair) is tuple else None for pair in pairs]
        apart: dict[int, tuple] = {}  # position of a member of a group the units decide -> its verdict
        hanging = [type(pair) is _Pending for pair in pairs]
        if any(hanging):
            positions, numbers = picked(ix, grouping, hanging)
            for position, number in zip(positions, numbers):
                apart[position] = pairs[number].verdict(objects[position], judge)
        reported = [verdict is not None and bool(verdict[1]) for verdict in verdicts]
        found: list[tuple[int, tuple]] = [(p, v) for p, v in apart.items() if v[1]]
        if any(reported):
            positions, numbers = picked(ix, grouping, reported)
            found.extend((p, verdicts[number]) for p, number in zip(positions, numbers))  # type: ignore[misc]
            found.sort(key=_FIRST)
        yield from self._findings(ctx, found, judge)
        if not shared:
            return
        yield from self._shared(ctx, group_column(ix, grouping), name_of, verdicts, apart, judge)

    @staticmethod
    def _findings(ctx: Context, found: list, judge: _Judge) -> list[Finding]:
        """The findings of the indicators at these positions ([(position, verdict)], in document order), one for
        each (message key, args) of its verdict, in that order: made together, message by message
        (Context.findings), each name and formula quoted once."""
        ix = ctx.index
        objects, owners, nodes = ix.indicators.objects, ix.indicators.owners, ix.nodes
        names = quoted_names(ix, list(map(_FIRST, found)), QUOTE_LIMIT)  # each distinct name quoted once
        formulas: dict = {}  # formula -> as quoted
        batch = Batch()
        for (position, verdict), quoted_name in zip(found, names):
            indicator = objects[position]
            n, d = nodes[owners[position]]
            location = indicator_location(indicator, d)
            formula = indicator.formula
            quoted_formula = formulas.get(formula)
            if quoted_formula is None:
                quoted_formula = formulas[formula] = quote(formula, 60)
            for kind, extra in verdict[1]:
                batch.add(kind, n, location, {"indicator": quoted_name, "formula": quoted_formula, **extra})
        return batch.made(ctx)

    def _shared(self, ctx: Context, of, name_of: list, verdicts: list, apart: dict, judge) -> Iterator[Finding]:
        """One formula (not a unit-only one) written for indicators with different names: once per formula."""
        import numpy as np

        ix = ctx.index
        objects = ix.indicators.objects
        # normalised formula -> the normalised names of its users, and which groups (members) use it; the
        # groups' formulas and names counted over whole columns (a unit-only formula is no formula to share)
        norms = judge.name_norms
        keys: list = [None if verdict is None or verdict[2] else verdict[0] for verdict in verdicts]
        used_by: list = list(set(zip(keys, map(norms.__getitem__, name_of))))  # distinct (formula, name) of the groups
        counts = collections.Counter(map(_FIRST, used_by))
        names: dict[str, set] = {}  # for the formulas members use, the names of groups and members both
        for position, verdict in apart.items():
            if not verdict[2]:
                names.setdefault(verdict[0], set()).add(normalised(objects[position].name, judge.tv))
        if names:
            for key, name in compress(used_by, map(names.__contains__, map(_FIRST, used_by))):
                names[key].add(name)
        shared = {key for key, count in counts.items() if key is not None and count > 1 and key not in names}
        shared.update(key for key, found in names.items() if len(found) > 1)
        if not shared:
            return
        # The users of the shared formulas (by number), over whole columns in numpy: the members of the groups
        # whose formula is shared and the members judged apart that write one, formula by formula, in document
        # order; the goals holding them, and the names they use, each in order of first use.
        number_of = {key: number for number, key in enumerate(shared)}
        # the number of the shared formula each indicator uses (-1: none), spread from its group's in numpy
        per_group = np.fromiter(map(number_of.get, keys, repeat(-1)), dtype=np.int64, count=len(keys))
        per_item = per_group[of]
        for position, verdict in apart.items():  # (members of groups without a formula of their own)
            if not verdict[2] and verdict[0] in number_of:
                per_item[position] = number_of[verdict[0]]
        users = np.flatnonzero(per_item >= 0)
        formula = per_item[users]
        # formula by formula, each formula's users in document order
        order = np.argsort(formula.astype(np.int32 if len(number_of) >= 1 << 15 else np.int16), kind="stable")
        users, formula = users[order], formula[order]
        starts = np.flatnonzero(np.diff(formula, prepend=-1))  # where each formula's users start
        ends = [*starts[1:].tolist(), len(users)]
        # the goals holding them (an indicator's goal is never before the previous indicator's)
        owner = item_column(ix, "owners")[users]
        new_goal = np.ones(len(users), dtype=bool)
        new_goal[1:] = (owner[1:] != owner[:-1]) | (formula[1:] != formula[:-1])
        held_at = np.cumsum(new_goal)  # the goals listed before each user's formula's end, and its own
        ids = ix.ids()
        # each formula's goals, as positions: a finding's related ids are made from its own slice only, so that
        # each id object is touched once (at 10^6 goals a million of them, scattered in memory)
        held = owner[new_goal].tolist()
        # the names used, each once per formula, in order of first use: (formula, name) first met, in order
        name = item_column(ix, "names")[users]
        _, met = np.unique(formula * (int(name.max()) + 1) + name, return_index=True)
        met.sort()
        used = name[met].tolist()
        used_at = np.searchsorted(met, starts).tolist() + [len(used)]  # where each formula's names start
        # the names the findings list, each quoted once, all at once
        listed = list(dict.fromkeys(used))
        quoted = dict(zip(listed, quote_many(list(map(judge.name_texts.__getitem__, listed)), 40)))
        owners, nodes = ix.indicators.owners, ix.nodes
        goals_at = [0, *held_at[np.asarray(ends) - 1].tolist()]
        # the formulas in order of first use
        for f, start in sorted(enumerate(starts.tolist()), key=lambda item: int(users[item[1]])):
            these = used[used_at[f] : used_at[f + 1]]
            first = int(users[start])
            indicator = objects[first]
            first_node, data = nodes[owners[first]]
            yield ctx.finding(
                first_node,
                "shared",
                related=tuple(map(ids.__getitem__, held[goals_at[f] + 1 : goals_at[f + 1]])),  # the first: its own goal
                location=indicator_location(indicator, data),
                formula=quote(indicator.formula, 60),
                count=len(set(map(norms.__getitem__, these))),
                indicators=list(dict.fromkeys(map(quoted.__getitem__, these))),
            )


_FIRST = operator.itemgetter(0)
_SET, _STRONG_SET, _STRONG_WORDY = (operator.attrgetter(name) for name in ("set", "strong_set", "strong_wordy"))


_UNSET = object()


class _Formula:
    """What formula-mismatch reads of a formula, worked out once per distinct formula."""

    __slots__ = (
        "text",
        "norm",
        "only_units",
        "short",
        "words",
        "set",
        "wordy",
        "strong",
        "strong_set",
        "strong_wordy",
        "divides",
        "inverted",
        "complement",
        "division",
        "percentage",
        "split",
        "_measured",
        "related",
        "related_strong",
    )

    def __init__(self, formula: str, judge: _Judge) -> None:
        tv = judge.tv
        self.text = formula
        self.norm = norm = normalised(formula, tv)
        self._measured: object = _UNSET
        if not norm:
            return
        found = norm.split()
        units, method, stop = judge.unit_words, tv.method_words, tv.stop_words
        # only a unit, a number or a method word ("Dokumen", "Survey", "Bukti Pembayaran")
        self.only_units = all(w in units or w in method or w.isdigit() or w in stop for w in found)
        self.short = len(found) <= 3  # no longer than a unit: may be the indicator's own unit
        self.words = content_words(formula, tv, judge.own)
        self.set = frozenset(self.words)
        # judged only when the formula says something in words: "(IKS + IKE + IKL) / 3" is algebra on
        # abbreviations the name does not spell out, not a formula about something else
        self.wordy = sum(1 for w in self.words if len(w) >= 4) >= 2
        self.strong = [w for w in self.words if w not in judge.broad]  # words beyond the broad ones
        self.strong_set = frozenset(self.strong)
        self.strong_wordy = sum(1 for w in self.strong if len(w) >= 4) >= 2
        # word of a name -> does it relate to a word of the formula (to one of its strong words), once per word
        self.related = _RelatedTo(self.words, tv)
        self.related_strong = _RelatedTo(self.strong, tv)
        self.divides = "/" in formula or "bagi" in norm or "banding" in norm
        self.inverted = self.complement = None
        if self.divides:
            self.inverted = _inverted(formula, tv, judge.units)
            self.complement = _numerator_opposite(formula, tv, judge.mv)
        self.division = has_marker(formula, tv.division_markers, tv)
        self.percentage = self.split = False
        if self.division:
            self.percentage = has_marker(formula, tv.percentage_markers, tv)
            self.split = len(_SPLIT.split(formula, maxsplit=1)) == 2

    def measured(self, judge: _Judge) -> tuple[str, str] | None:
        """What the formula counts, anywhere in it ("... jumlah desa ..." -> ("desa", "desa"))."""
        if self._measured is _UNSET:
            self._measured = judge.counted(self.text, anywhere=True)
        return self._measured  # type: ignore[return-value]


class _Pending:
    """A pair of name and formula whose verdict hangs on the units of each indicator: a short formula that
    may be the indicator's unit, or a count whose formula divides (unless the unit is a percentage)."""

    __slots__ = ("formula", "found", "count_check", "_verdicts")

    def __init__(self, formula: _Formula, found: list, count_check: str | None) -> None:
        self.formula = formula
        self.found = found  # what the pair fails, the count check aside
        self.count_check = count_check  # "count-as-share" or "count-divides", unless the units say percent
        self._verdicts: dict = {}

    def verdict(self, indicator, judge: _Judge) -> tuple:
        """The verdict for this indicator, once per distinct unit and set of units of its targets."""
        written = frozenset(t.unit for t in indicator.targets.values())
        key = (indicator.unit, written)
        found = self._verdicts.get(key)
        if found is None:
            found = self._verdicts[key] = self._verdict(indicator.unit, written, judge)
        return found

    def _verdict(self, unit, written: frozenset, judge: _Judge) -> tuple:
        formula = self.formula
        tv, units = judge.tv, judge.units
        if formula.short:
            declared = {normalised(unit, tv)} if unit else set()
            declared |= {normalised(u, tv) for u in written if u}
            if formula.norm in declared:
                return formula.norm, [("unit-only", {})] if judge.unit_only else [], True
        found = self.found
        if self.count_check is not None:
            read = [units.read(unit)] + [units.read(u) for u in written]
            if not any(r and r[0] == "percent" for r in read):
                found = [*found, (self.count_check, {})]
        return formula.norm, found, False


class _Judge:
    """formula-mismatch's judgement of an indicator's name and formula: once per distinct name, formula and
    pair of them (by their numbers in Index.indicator_groups)."""

    def __init__(self, tv, mv, units, own: frozenset, unit_words: set, unit_only: bool, division: bool) -> None:
        self.tv, self.mv, self.units, self.own = tv, mv, units, own
        self.unit_words, self.unit_only, self.division = unit_words, unit_only, division
        self.head = HeadReader((*SHARE_HEADS, *units.count_heads))
        self.broad = mv.broad_subjects
        self.name_norms: list[str] = []  # normalised(name) by name number (_measures.normalised_names)
        self.name_texts: list = []  # the names themselves, by name number
        self.formulas: dict[int, _Formula] = {}  # by formula number
        self.unit_only_verdicts: dict[str, tuple] = {}
        self._quoted: dict = {}

    def counted(self, text: str, anywhere: bool = False) -> tuple[str, str] | None:
        return counted(text, self.tv, self.units, anywhere)

    def quoted(self, text: str, limit: int) -> str:
        key = (text, limit)
        found = self._quoted.get(key)
        if found is None:
            found = self._quoted[key] = quote(text, limit)
        return found

    def pairs(self, names: NameReading, name_of: list[int], formula_of: list[int], formula_texts: list) -> list:
        """The verdict of each pair of a name and a formula (by their numbers): a tuple, a _Pending when it
        hangs on the units, or None when there is no formula to judge. What a formula says is read once per
        distinct formula (_Formula), what a name says once per distinct name, for all names at once (the
        shared reading of the names, _reading.NameReading, as columns), and put together once per pair."""
        formulas = self.formulas
        for number in set(formula_of):
            if number not in formulas:
                formulas[number] = _Formula(formula_texts[number], self)
        broad, units = self.broad, self.units
        count_heads = units.count_heads
        norms = names.norms
        words = names.content_words(self.own)  # of every distinct name at once
        # does a name hold a word beyond the broad ones (its strong words, worked out for the few pairs
        # that go through the steps: the formula's words are sets, a name's a tuple)
        has_strong = list(map(operator.not_, map(broad.issuperset, words)))
        kept = _Kept(broad)  # word -> is it beyond the broad ones
        heads = names.heads(self.head)
        counts = names.counted(units)
        opposite: dict[int, bool] = {}
        # a quiet pair says nothing: its verdict is the formula's (one tuple per formula, never changed)
        nothing: dict[int, tuple] = {number: (formula.norm, [], False) for number, formula in formulas.items()}
        found: list[tuple | _Pending | None] = list(map(nothing.__getitem__, formula_of))
        for at in self._quiet(names, name_of, formula_of, words, has_strong, heads, counts):
            name, number = name_of[at], formula_of[at]
            formula = formulas[number]
            f_norm = formula.norm
            if not f_norm or f_norm == norms[name]:
                found[at] = None
                continue
            if formula.only_units:
                verdict = self.unit_only_verdicts.get(f_norm)
                if verdict is None:
                    verdict = (f_norm, [("unit-only", {})] if self.unit_only else [], True)
                    self.unit_only_verdicts[f_norm] = verdict
                found[at] = verdict
                continue
            out: list[tuple[str, dict]] = []
            name_words = words[name]
            if name_words and formula.wordy:
                if formula.set.isdisjoint(name_words) and not any(map(formula.related.__getitem__, name_words)):
                    out.append(("unrelated", {}))
                # one shared broad noun proves nothing: when the words they share are all broad and their other
                # words share nothing, the words shared (quoted)
                elif (
                    has_strong[name]
                    and formula.strong_wordy
                    and formula.strong_set.isdisjoint(name_words)  # (the formula's strong words hold no broad one)
                    and not any(
                        map(formula.related_strong.__getitem__, compress(name_words, map(kept.__getitem__, name_words)))
                    )
                ):
                    shared = [
                        self.quoted(w, 30)
                        for w in dict.fromkeys(name_words)
                        if w in broad and formula.related[w]  # (related to a word of the formula: once per word)
                    ]
                    if shared:
                        out.append(("broad-only", {"shared": shared}))
            head = heads[name]
            counted_ = counts[name] if head in count_heads else None
            if counted_ is not None:  # a count head
                measured = formula.measured(self)
                if measured and not units.same_count_class(counted_[1], measured[1]):
                    out.append(("counted", {"noun": counted_[0], "other": measured[0]}))
            if formula.divides:
                if formula.inverted is not None:
                    numerator, denominator = formula.inverted
                    out.append(("inverted", {"numerator": quote(numerator, 40), "denominator": quote(denominator, 40)}))
                if formula.complement is not None:
                    against = opposite.get(name)
                    if against is None:
                        against = opposite[name] = self.opposite(names.texts[name])
                    if not against:
                        numerator, word = formula.complement
                        out.append(("complement", {"numerator": quote(numerator, 40), "word": word}))
            count_check = None
            if self.division:
                if head in SHARE_HEADS and not formula.division:
                    out.append(("no-division", {"head": head.capitalize()}))
                if head in count_heads and formula.division:
                    count_check = "count-as-share" if formula.percentage else "count-divides" if formula.split else None
            if formula.short or count_check is not None:
                found[at] = _Pending(formula, out, count_check)
            else:
                found[at] = (f_norm, out, False)
        return found

    def _quiet(
        self, names: NameReading, name_of: list, formula_of: list, words, has_strong, heads, counts
    ) -> list[int]:
        """The pairs that may say something, by number: every other pair certainly says nothing (its verdict:
        the formula's, no finding). Decided over whole columns in numpy, each column of the names or of the
        formulas spread over the pairs by one index: the formula is written, is not the name, is not only a
        unit, may not be the unit (short), is not upside down nor counts the opposite; the name and the
        formula share a word and, when both have words beyond the broad ones, one of those (the only test
        made pair by pair, by map() in C, and only for the pairs still quiet); what a count name counts is of
        the formula's class; no division check applies."""
        import numpy as np

        formulas = self.formulas
        listed = [formulas[number] for number in range(len(formulas))]
        plain = [
            bool(f.norm)
            and not f.only_units
            and not f.short
            and not (f.divides and (f.inverted is not None or f.complement is not None))
            for f in listed
        ]
        count_heads = self.units.count_heads
        counting = list(map(count_heads.__contains__, heads))
        classes = [c[1] if c is not None and k else None for c, k in zip(counts, counting)]
        # the class a formula counts, for the formulas paired with a name that counts something
        measured: dict[int, object] = {}
        for number in set(compress(formula_of, map(operator.is_not, map(classes.__getitem__, name_of), repeat(None)))):
            if plain[number]:
                found = listed[number].measured(self)
                measured[number] = found[1] if found else None
        at_names, at_formulas = np.asarray(name_of, dtype=np.intp), np.asarray(formula_of, dtype=np.intp)

        def of_names(column) -> np.ndarray:
            return np.asarray(column, dtype=bool)[at_names]

        def of_formulas(column) -> np.ndarray:
            return np.asarray(column, dtype=bool)[at_formulas]

        def numbered(column: list, numbering: Numbering) -> np.ndarray:
            return np.fromiter(map(numbering.__getitem__, column), dtype=np.intp, count=len(column))

        f_norms = [f.norm for f in listed]
        # (the name is not the formula: compared as strings, pair by pair in C, most differing at once)
        different = map(operator.ne, map(f_norms.__getitem__, formula_of), map(names.norms.__getitem__, name_of))
        quiet = of_formulas(plain) & np.fromiter(different, dtype=bool, count=len(name_of))
        kinds = Numbering({None: 0})  # the count classes, None as 0
        name_classes = numbered(classes, kinds)[at_names]
        formula_classes = numbered([measured.get(number) for number in range(len(listed))], kinds)[at_formulas]
        same_class = np.zeros((len(kinds), len(kinds)), dtype=bool)  # (a name's class, its formula's): nothing to say
        for a, i in kinds.items():
            for b, j in kinds.items():
                same_class[i, j] = a is None or b is None or self.units.same_count_class(a, b)
        quiet &= same_class[name_classes, formula_classes]
        if self.division:
            division = [p and f.division for p, f in zip(plain, listed)]
            quiet &= ~of_names(list(map(SHARE_HEADS.__contains__, heads))) | of_formulas(division)
            quiet &= ~of_names(counting) | ~of_formulas(division)
        # no word in common, or only broad ones: pairs()'s steps tell; asked of the pairs still quiet whose
        # name and formula both have words to compare
        judged = np.flatnonzero(
            quiet & of_names(list(map(bool, words))) & of_formulas([p and f.wordy for p, f in zip(plain, listed)])
        )
        if len(judged):
            pairs = judged.tolist()
            name_words = list(map(words.__getitem__, map(name_of.__getitem__, pairs)))
            these = list(map(listed.__getitem__, map(formula_of.__getitem__, pairs)))
            apart = map(operator.not_, map(frozenset.isdisjoint, map(_SET, these), name_words))
            # (a formula's strong words hold no broad word: disjoint from a name's words, from its strong ones too)
            strong_apart = map(
                operator.and_,
                map(
                    operator.and_,
                    map(has_strong.__getitem__, map(name_of.__getitem__, pairs)),
                    map(_STRONG_WORDY, these),
                ),
                map(frozenset.isdisjoint, map(_STRONG_SET, these), name_words),
            )
            sharing = np.fromiter(
                map(operator.and_, apart, map(operator.not_, strong_apart)), dtype=bool, count=len(pairs)
            )
            quiet[judged] = sharing
        return np.flatnonzero(~quiet).tolist()

    def opposite(self, name: str) -> bool:
        """Does the name itself hold a negation or an unwanted thing (indicators.yaml `opposites`)?"""
        return any(True for _ in self.mv.opposites.find(text_words(name, self.tv)))


class _Kept(dict):
    """word -> is it beyond the broad subjects, once per distinct word."""

    __slots__ = ("broad",)

    def __init__(self, broad: frozenset) -> None:
        super().__init__()
        self.broad = broad

    def __missing__(self, word: str) -> bool:
        found = self[word] = word not in self.broad
        return found


class _RelatedTo(dict):
    """word -> does it relate to one of `words` (related_words), once per distinct word."""

    __slots__ = ("words", "tv")

    def __init__(self, words: list, tv) -> None:
        super().__init__()
        self.words, self.tv = words, tv

    def __missing__(self, word: str) -> bool:
        tv = self.tv
        found = self[word] = any(related_words(word, other, tv) for other in self.words)
        return found


_MINUS = re.compile(r"\s[-−–]\s|\bdikurangi\b|\bminus\b", re.I)


def _numerator_opposite(formula: str, tv, mv) -> tuple[str, str] | None:
    """(numerator, the word) when the formula's numerator holds a negation or an unwanted thing ("pengaduan",
    "tidak", "terlambat": indicators.yaml `opposites`): it counts the opposite of what the indicator names
    unless the name holds one too (see _Judge.pair). What is subtracted (after a minus sign) is not read."""
    parts = _SPLIT.split(formula, maxsplit=1)
    if len(parts) != 2:
        return None
    numerator = _MINUS.split(parts[0], maxsplit=1)[0]
    found = next((phrase for _, phrase in mv.opposites.find(canonical_words(numerator, tv))), None)
    if found is None:
        return None
    return parts[0].strip(" =()\t"), " ".join(found)


def _inverted(formula: str, tv, units) -> tuple[str, str] | None:
    """(numerator, denominator) when the denominator is the numerator narrowed by a qualifier
    ("Jumlah Desa / jumlah Desa yang mandiri"): a share of at least 100 %, the fraction upside down."""
    parts = _SPLIT.split(formula, maxsplit=1)
    if len(parts) != 2:
        return None
    numerator, denominator = parts[0], _TIMES.sub("", parts[1])
    skip = set(units.count_heads) | units.quantifiers

    def core(text: str) -> list[str]:
        return [w for w in canonical_words(text, tv) if w not in skip]

    num, den = core(numerator), core(denominator)
    if num and len(den) > len(num) and den[: len(num)] == num:
        return numerator.strip(" =()\t"), denominator.strip(" =()\t")
    return None
