"""formula-mismatch: a formula that does not compute what its indicator names."""

from __future__ import annotations

import re

from kinerja_graph.checks._judge import judged_groups
from kinerja_graph.checks._measures import measures
from kinerja_graph.checks._quote import indicator_location, quote
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.similarity import (
    canonical_words,
    content_words,
    counted_noun,
    head_word,
    normalised,
    related_words,
    remember,
    share_content,
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

        def judge(indicator):
            """(normalised formula, [(message key, args)] of every sub-check that fails, whether the formula is
            only a unit), or None when there is no formula to judge: decided by the name, formula, unit and the
            units of the targets, once per distinct combination of them."""
            formula = indicator.formula
            f_norm = normalised(formula, tv)
            if not f_norm or f_norm == normalised(indicator.name, tv):
                return None
            if self._unit_only(indicator, f_norm, tv, unit_words):
                return f_norm, [("unit-only", {})] if unit_only else [], True
            return f_norm, self._judge(indicator, formula, f_norm, tv, mv, units, own, division), False

        grouping, verdicts = judged_groups(ctx.index, ("name", "formula", "unit", "target_units"), judge)
        items = ctx.index.indicators
        reported = [verdict is not None and bool(verdict[1]) for verdict in verdicts]
        if any(reported):
            positions = grouping.positions(reported)
            for position, number in zip(positions, grouping.numbers(positions)):
                n, d, indicator = items[position]
                location = indicator_location(indicator, d)
                for kind, extra in verdicts[number][1]:
                    yield ctx.finding(
                        n,
                        kind,
                        location=location,
                        indicator=quote(indicator.name),
                        formula=quote(indicator.formula, 60),
                        **extra,
                    )
        if not shared:
            return
        by_formula: dict[str, list] = {}  # normalised formula -> the groups using it (unit-only ones aside)
        for number, verdict in enumerate(verdicts):
            if verdict is not None and not verdict[2]:  # a unit-only formula is no formula to share
                by_formula.setdefault(verdict[0], []).append(number)
        # group -> its formula, when several names share that formula
        shared_by: list[str | None] = [None] * len(grouping)
        for f_norm, numbers in by_formula.items():
            if len({normalised(items[grouping.first[number]][2].name, tv) for number in numbers}) > 1:
                for number in numbers:
                    shared_by[number] = f_norm
        if not any(shared_by):
            return
        for positions in grouping.members(shared_by).values():
            users = [items[position] for position in positions]
            names = list(dict.fromkeys(normalised(i.name, tv) for _, _, i in users))
            first, data, indicator = users[0]
            spelled = list(dict.fromkeys(quote(i.name, 40) for _, _, i in users))
            nodes = [m for m in dict.fromkeys(n for n, _, _ in users) if m != first]
            yield ctx.finding(
                first,
                "shared",
                related=nodes,
                location=indicator_location(indicator, data),
                formula=quote(indicator.formula, 60),
                count=len(names),
                indicators=spelled,
            )

    @staticmethod
    def _unit_only(indicator, f_norm, tv, unit_words) -> bool:
        """Only a unit, a number or a method word ("Dokumen", "Survey", "Bukti Pembayaran"), or the indicator's unit."""
        words = f_norm.split()
        if all(w in unit_words or w in tv.method_words or w.isdigit() or w in tv.stop_words for w in words):
            return True
        if len(words) > 3:  # longer than any unit
            return False
        declared = {normalised(indicator.unit, tv)} if indicator.unit else set()
        declared |= {normalised(t.unit, tv) for t in indicator.targets.values() if t.unit}
        return f_norm in declared

    @staticmethod
    def _judge(indicator, formula, f_norm, tv, mv, units, own, division) -> list[tuple[str, dict]]:
        """Every sub-check the formula fails, in the order of the documentation: (message key, args)."""
        out: list[tuple[str, dict]] = []
        name_words = content_words(indicator.name, tv, own)
        formula_words = content_words(formula, tv, own)
        # judged only when the formula says something in words: "(IKS + IKE + IKL) / 3" is algebra on
        # abbreviations the name does not spell out, not a formula about something else
        wordy = sum(1 for w in formula_words if len(w) >= 4) >= 2
        if name_words and wordy and not share_content(name_words, formula_words, tv):
            out.append(("unrelated", {}))
        elif name_words and wordy:
            shared = _broad_only(name_words, formula_words, tv, mv.broad_subjects)
            if shared:
                out.append(("broad-only", {"shared": shared}))
        head = head_word(indicator.name, tv, (*SHARE_HEADS, *units.count_heads))
        if head in units.count_heads:
            counted = counted_noun(indicator.name, tv, units)
            measured = counted_noun(formula, tv, units, anywhere=True) if counted else None
            if counted and measured and not units.same_count_class(counted[1], measured[1]):
                out.append(("counted", {"noun": counted[0], "other": measured[0]}))
        divides = "/" in formula or "bagi" in f_norm or "banding" in f_norm
        if divides:
            key = ("inverted", formula)
            inverted = tv.cache[key] if key in tv.cache else remember(tv, key, _inverted(formula, tv, units))
            if inverted is not None:
                out.append(("inverted", {"numerator": quote(inverted[0], 40), "denominator": quote(inverted[1], 40)}))
            memo = ("complement", formula, indicator.name)
            opposite = (
                tv.cache[memo] if memo in tv.cache else remember(tv, memo, _complement(indicator.name, formula, tv, mv))
            )
            if opposite is not None:
                out.append(("complement", {"numerator": quote(opposite[0], 40), "word": opposite[1]}))
        if not division:
            return out
        if head in SHARE_HEADS and not has_marker(formula, tv.division_markers, tv):
            out.append(("no-division", {"head": head.capitalize()}))
        if head in units.count_heads and has_marker(formula, tv.division_markers, tv):
            read = [units.read(indicator.unit)] + [units.read(t.unit) for t in indicator.targets.values()]
            if not any(r and r[0] == "percent" for r in read):
                if has_marker(formula, tv.percentage_markers, tv):
                    out.append(("count-as-share", {}))
                elif len(_SPLIT.split(formula, maxsplit=1)) == 2:
                    out.append(("count-divides", {}))
        return out


def _broad_only(name_words: list, formula_words: list, tv, broad: frozenset) -> list[str]:
    """The words a formula shares with its indicator when they are only broad ones ("desa", "pelayanan"),
    while each has words of its own that share nothing: [] when they share something of substance, or
    when either speaks only in broad words."""
    name_strong = [w for w in name_words if w not in broad]
    formula_strong = [w for w in formula_words if w not in broad]
    if not name_strong or sum(1 for w in formula_strong if len(w) >= 4) < 2:
        return []
    if share_content(name_strong, formula_strong, tv):
        return []
    shared = [
        w for w in dict.fromkeys(name_words) if w in broad and any(related_words(w, f, tv) for f in formula_words)
    ]
    return [quote(w, 30) for w in shared]


_MINUS = re.compile(r"\s[-−–]\s|\bdikurangi\b|\bminus\b", re.I)


def _complement(name: str, formula: str, tv, mv) -> tuple[str, str] | None:
    """(numerator, the word) when the formula's numerator counts the opposite of what the indicator names:
    it holds a negation or an unwanted thing ("pengaduan", "tidak", "terlambat": indicators.yaml `opposites`)
    that the name does not hold. What is subtracted (after a minus sign) is not read."""
    parts = _SPLIT.split(formula, maxsplit=1)
    if len(parts) != 2:
        return None
    numerator = _MINUS.split(parts[0], maxsplit=1)[0]
    name_words = canonical_words(name, tv)
    if any(True for _ in mv.opposites.find(name_words)):
        return None
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
