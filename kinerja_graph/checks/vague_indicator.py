"""vague-indicator: an indicator whose name measures nothing, or more than one thing."""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator
from itertools import compress, repeat

from kinerja_graph.checks._measures import IndicatorVocabulary, measures, spelled_out, words
from kinerja_graph.checks._quote import indicator_location, quote
from kinerja_graph.checks._reading import NameReading, name_reading, picked, quoted_names
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.findings import Finding
from kinerja_graph.similarity import TextVocabulary, normalised, text_words
from kinerja_graph.text import UnitVocabulary, unit_vocabulary

# a figure with a percent sign ("100 %", "90%"), and a lone zero ("TGR 0"), as written
_PERCENT = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?\s*(?:%|persen\b|prosen\b)", re.I)
_ZERO = re.compile(r"(?<![\w.,])0(?![\w.,])")
_PIECES = re.compile(r"[,;/]")  # where a name may join two measures besides its joiner words
_FIRST_WORD = re.compile(r"[^\W\d_]+")


class VagueIndicator(Rule):
    id = "vague-indicator"
    area = "indicators"
    lke = "1.b.5"
    summary = {
        "id": "Indikator yang tidak terukur atau tidak jelas: tidak menyatakan ukuran, atau menggabungkan beberapa",
        "en": "An unmeasurable or vague indicator: it states no measure, or joins several",
    }
    rationale = {
        "id": "LKE 1.b.5 (PermenPANRB 88/2021) menilai apakah ukuran keberhasilan (indikator kinerja) memenuhi "
        'kriteria SMART. Indikator yang hanya menyebut sesuatu atau peristiwa ("Pasar murah", "HUT RI"), '
        'yang dirumuskan sebagai sasaran ("Meningkatnya …"), yang hanya menyatakan ada atau tidaknya sesuatu, '
        'yang menyebut metode ("Survey …"), yang memuat penilaian tanpa ukuran ("… yang baik"), yang memuat '
        "targetnya, atau yang menggabungkan dua ukuran belum spesifik dan belum terukur.",
        "en": "LKE 1.b.5 (PermenPANRB 88/2021) scores whether the measures of success (performance indicators) are "
        'SMART. An indicator that only names a thing or an event ("Pasar murah", "HUT RI"), is worded as a goal '
        '("Meningkatnya …"), only says whether something exists, names a method ("Survey …"), states a judgement '
        'without a measure ("… yang baik"), holds its own target, or joins two measures is neither specific nor '
        "measurable.",
    }
    messages = {
        "no-measure": {
            "id": 'Indikator "{indicator}" belum menyatakan ukuran: namanya menyebut suatu hal, peristiwa atau '
            'kegiatan, bukan jumlah, persentase, indeks atau ukuran lain; tuliskan apa yang diukur ("Jumlah …", '
            '"Persentase …")',
            "en": 'Indicator "{indicator}" states no measure: it names a thing, an event or an activity, not a count, '
            'a percentage, an index or another measure; say what is measured ("Jumlah …", "Persentase …")',
        },
        "judgement": {
            "id": 'Indikator "{indicator}" memuat penilaian "{word}" tanpa ukuran; tuliskan ukurannya, misalnya '
            '"Persentase … yang {word}"',
            "en": 'Indicator "{indicator}" states a judgement, "{word}", without a measure; say how it is measured, '
            'e.g. "Persentase … yang {word}"',
        },
        "goal": {
            "id": 'Indikator "{indicator}" dirumuskan sebagai sasaran ("{word} …"), bukan sebagai ukuran; indikator '
            "menyatakan bagaimana ketercapaian kondisi itu diukur",
            "en": 'Indicator "{indicator}" is worded as a goal ("{word} …"), not as a measure; an indicator says '
            "how reaching the condition is measured",
        },
        "existence": {
            "id": 'Indikator "{indicator}" hanya menyatakan ada atau tidaknya sesuatu ("{word}"); tuliskan ukurannya, '
            'misalnya "Jumlah …" atau "Persentase …"',
            "en": 'Indicator "{indicator}" only says whether something exists ("{word}"); say what is measured, e.g. '
            '"Jumlah …" or "Persentase …"',
        },
        "method": {
            "id": 'Indikator "{indicator}" menyebut metode atau alat pengukuran ("{word}"), bukan hasil yang '
            'diukur; tuliskan hasilnya, misalnya "Indeks Kepuasan Masyarakat" untuk survei kepuasan',
            "en": 'Indicator "{indicator}" names a method or an instrument ("{word}"), not the result measured; '
            'name the result, e.g. "Indeks Kepuasan Masyarakat" for a satisfaction survey',
        },
        "uncountable": {
            "id": 'Indikator "{indicator}" menghitung "{noun}", yang tidak dapat dihitung; tuliskan apa yang '
            'dihitung ("Jumlah rapat …") atau ukuran lain ("Rata-rata waktu …", "Persentase …")',
            "en": 'Indicator "{indicator}" counts "{noun}", which cannot be counted; say what is counted ("Jumlah '
            'rapat …") or use another measure ("Rata-rata waktu …", "Persentase …")',
        },
        "target": {
            "id": 'Nama indikator "{indicator}" memuat target ({targets:quoted-all}); target dituliskan pada kolom '
            "target, bukan pada nama indikator",
            "en": 'The name of indicator "{indicator}" holds a target ({targets:quoted-all}); targets belong in the '
            "targets, not in the indicator's name",
        },
        "compound": {
            "id": 'Indikator "{indicator}" menggabungkan {count} ukuran ({parts:quoted-all}); satu indikator mengukur '
            "satu hal: pisahkan menjadi beberapa indikator",
            "en": 'Indicator "{indicator}" joins {count} measures ({parts:quoted-all}); one indicator measures one '
            "thing: split it into several indicators",
        },
    }
    options_schema = {
        "no-measure": {
            "description": "Report a name that states no measure (a thing, an event, a goal, a yes/no, a method, a "
            "judgement).",
            "type": "boolean",
        },
        "uncountable": {
            "description": 'Report a count of something uncountable ("Jumlah waktu …").',
            "type": "boolean",
        },
        "target-in-name": {"description": 'Report a target written into the name ("TGR 0").', "type": "boolean"},
        "compound": {"description": "Report two measures joined in one name.", "type": "boolean"},
    }
    doc = """\
## What it does
Reads each indicator's name and reports, once per distinct name:

1. `no-measure`: a name that opens with no measure head word (Persentase, Jumlah, Indeks, Nilai,
   Rasio, Tingkat, Rata-rata, Realisasi …: rules/vocabulary/indicators.yaml `measure_heads`; an
   abbreviation of text.yaml is read spelled out, so "IKM" is an Indeks). Such a name states no measure,
   and the message says what it states instead: a goal ("Meningkatnya …", "Terpeliharanya …":
   `goal_openers`), a yes or no ("Adanya …", "Tidak adanya …": `existence`), a method ("Survey Kepuasan
   Masyarakat": `method_heads`), a judgement without a measure ("Penerangan bangunan kantor yang baik":
   `judgements`), or else a thing, an event or an activity ("Pasar murah", "HUT RI");
2. `uncountable`: a count of something that cannot be counted ("Jumlah waktu koordinasi …":
   `uncountable`);
3. `target-in-name`: a target written into the name — a figure with a percent sign ("… 100 %"), a
   figure after a target word ("sebesar 90": `target_words`), or a lone zero ("TGR 0");
4. `compound`: two measures joined in one name — split at "dan", "serta" (`joiners`), commas,
   semicolons and slashes, two or more parts each open with a measure head or hold a figure ("Jumlah
   laporan keuangan serta Jumlah dokumen SPM", "TGR 0 dan Penyelesaian Temuan Administrasi 100 %").

A name may get a finding of 3 and one of 1, 2 or 4. Placeholders and empty names are
`missing-indicator`'s.

## Why it matters
LKE 1.b.5 scores whether indicators are SMART. "Pasar murah" or "HUT RI" names an event, not a result
that can be counted or compared with a target; "Survey Kepuasan Masyarakat" names the instrument, not
the index it yields; "Adanya peralatan" is met by one chair; a target in the name freezes it and two
measures in one name cannot be reported as one realisation.

## Example
```yaml
nodes:
  - id: "1"
    statement: Terlaksananya kegiatan pasar murah di kecamatan
    level: process
    indicators:
      - {name: Pasar murah}
      - {name: "TGR 0 dan Penyelesaian Temuan Administrasi 100 %"}
```

## Fix
```yaml
nodes:
  - id: "1"
    statement: Terlaksananya kegiatan pasar murah di kecamatan
    level: process
    indicators:
      - {name: Jumlah paket sembako yang tersalurkan dalam pasar murah}
      - {name: Persentase temuan administrasi yang diselesaikan}
```

## Options
- `no-measure` (boolean, default true): report names that state no measure (1).
- `uncountable` (boolean, default true): report counts of something uncountable (2).
- `target-in-name` (boolean, default true): report targets written into the name (3).
- `compound` (boolean, default true): report two measures joined in one name (4).
"""
    doc_id = """\
## Apa yang diperiksa
Membaca nama setiap indikator dan melaporkan, satu kali untuk setiap nama yang berbeda:

1. `no-measure`: nama yang tidak diawali kata ukuran (Persentase, Jumlah, Indeks, Nilai, Rasio,
   Tingkat, Rata-rata, Realisasi …: rules/vocabulary/indicators.yaml `measure_heads`; singkatan dalam
   text.yaml dibaca kepanjangannya, sehingga "IKM" adalah Indeks). Nama seperti itu belum menyatakan
   ukuran, dan pesannya menyebut apa yang dinyatakannya: sasaran ("Meningkatnya …",
   "Terpeliharanya …": `goal_openers`), ada atau tidaknya sesuatu ("Adanya …", "Tidak adanya …":
   `existence`), metode ("Survey Kepuasan Masyarakat": `method_heads`), penilaian tanpa ukuran
   ("Penerangan bangunan kantor yang baik": `judgements`), atau suatu hal, peristiwa atau kegiatan
   ("Pasar murah", "HUT RI");
2. `uncountable`: jumlah dari sesuatu yang tidak dapat dihitung ("Jumlah waktu koordinasi …":
   `uncountable`);
3. `target-in-name`: target yang dituliskan dalam nama — angka dengan tanda persen ("… 100 %"), angka
   setelah kata target ("sebesar 90": `target_words`), atau angka nol yang berdiri sendiri ("TGR 0");
4. `compound`: dua ukuran yang digabungkan dalam satu nama — dipisahkan pada "dan", "serta"
   (`joiners`), koma, titik koma dan garis miring, dua bagian atau lebih masing-masing diawali kata
   ukuran atau memuat angka ("Jumlah laporan keuangan serta Jumlah dokumen SPM", "TGR 0 dan
   Penyelesaian Temuan Administrasi 100 %").

Satu nama dapat memperoleh satu temuan butir 3 dan satu temuan butir 1, 2 atau 4. Nama yang kosong atau
berisi tanda pengganti menjadi urusan `missing-indicator`.

## Mengapa penting
LKE 1.b.5 menilai apakah indikator memenuhi kriteria SMART. "Pasar murah" atau "HUT RI" menyebut
peristiwa, bukan hasil yang dapat dihitung atau dibandingkan dengan target; "Survey Kepuasan
Masyarakat" menyebut alatnya, bukan indeks yang dihasilkan; "Adanya peralatan" sudah terpenuhi oleh
satu kursi; target dalam nama membekukan target itu, sedangkan dua ukuran dalam satu nama tidak dapat
dilaporkan sebagai satu realisasi.

## Contoh
## Perbaikan
## Opsi
- `no-measure` (boolean, bawaan true): laporkan nama yang belum menyatakan ukuran (1).
- `uncountable` (boolean, bawaan true): laporkan jumlah dari sesuatu yang tidak dapat dihitung (2).
- `target-in-name` (boolean, bawaan true): laporkan target yang dituliskan dalam nama (3).
- `compound` (boolean, bawaan true): laporkan dua ukuran yang digabungkan dalam satu nama (4).
"""

    def check(self, ctx: Context) -> Iterator[Finding]:
        mv, tv = measures(ctx.vocabulary, self.id, ctx.graph)
        units = unit_vocabulary(ctx.vocabulary)
        options = ctx.options
        wanted = {
            "no-measure": bool(options.get("no-measure", True)),
            "uncountable": bool(options.get("uncountable", True)),
            "target": bool(options.get("target-in-name", True)),
            "compound": bool(options.get("compound", True)),
        }
        for key in ("judgement", "goal", "existence", "method"):
            wanted[key] = wanted["no-measure"]

        ix = ctx.index
        names = ix.indicator_groups(("name",))
        verdicts = [
            None if not found else [verdict for verdict in found if wanted[verdict[0]]] or None
            for found in _judge_names(name_reading(ix, tv), mv, tv, units)
        ]
        chosen = [verdict is not None for verdict in verdicts]
        if not any(chosen):
            return
        items = ix.indicators
        positions, numbers = picked(ix, names, chosen)  # the members of the names said something of, in document order
        for position, number, name in zip(positions, numbers, quoted_names(ix, positions)):
            n, d, indicator = items[position]
            location = indicator_location(indicator, d)
            for key, args in verdicts[number]:  # type: ignore[union-attr]  # (chosen: not None)
                yield ctx.finding(n, key, location=location, indicator=name, **args)


def _judge_names(names: NameReading, mv: IndicatorVocabulary, tv: TextVocabulary, units: UnitVocabulary) -> list:
    """_judge(name) of every distinct name (by name number), what decides most names worked out for all of
    them at once, as columns: the words (the shared reading of the names), whether a name is plain ASCII
    without a digit and how many of its words may open a measure (_Screen), the measure head it opens with.
    A name that opens with a measure head, writes no target, joins no measures and counts nothing is
    judged there and then (nothing to say); the others go through _judge's steps one by one."""
    texts = names.texts
    if not set(map(type, texts)) <= {str}:  # None, or a hand-built model's value: one at a time, as _judge
        return [_judge(text or "", mv, tv, units) for text in texts]
    spelled = names.spelled()
    count = len(texts)
    screen = _screen(mv, tv)
    plain = list(
        map(
            operator.not_,
            map(operator.or_, map(operator.not_, map(str.isascii, texts)), map(bool, map(_DIGIT.search, texts))),
        )
    )
    opens = _Opens(screen)
    joining = list(map(operator.ge, map(sum, map(map, repeat(opens.__getitem__), names.words())), repeat(2)))
    firsts = [found[0] if found else "" for found in spelled]
    measure_heads = mv.measure_heads
    # a first word that opens only a one-word head is that head, whatever follows (most names: "jumlah")
    alone = measure_heads.single_heads()
    heads: list = list(map(alone.get, firsts))
    for number in compress(range(count), map(measure_heads.opens, firsts)):
        if heads[number] is None:
            heads[number] = measure_heads.starts(spelled[number])
    glued = _glued(mv)
    for number in compress(range(count), map(operator.is_, heads, repeat(None))):
        if firsts[number]:
            heads[number] = glued.get(firsts[number], _UNSET)
            if heads[number] is _UNSET:
                heads[number] = _head(spelled[number], mv)
    count_heads = units.count_heads
    # the names left to _judge's steps: without words (nothing), not plain, joining two measures' words, without
    # a measure head; a name opening with a measure head is said nothing of, unless it opens with a count head (glued to the
    # next word, or followed by a quantifier or a word an uncountable noun opens with: what is counted)
    measured = [head is not None and not (len(head) == 1 and head[0] in count_heads) for head in heads]
    quantifiers, uncountable = units.quantifiers, mv.uncountable
    for number in compress(range(count), map(operator.not_, measured)):
        head = heads[number]
        if head is not None:
            words_ = spelled[number]
            if words_[0] == head[0]:
                after = words_[1] if len(words_) > 1 else None
                measured[number] = after is None or (after not in quantifiers and not uncountable.opens(after))
    simple = map(operator.and_, map(operator.and_, plain, map(operator.not_, joining)), measured)
    found: list = [[] for _ in range(count)]
    for number in compress(range(count), map(operator.not_, simple)):
        found[number] = _judge(
            texts[number], mv, tv, units, (spelled[number], plain[number], joining[number], heads[number])
        )
    return found


class _Opens(dict):
    """word -> may it open a measure (_Screen._may_open), remembered in the screen's own memo."""

    __slots__ = ("screen",)

    def __init__(self, screen: _Screen) -> None:
        super().__init__(screen._opens)
        self.screen = screen

    def __missing__(self, word: str) -> bool:
        found = self[word] = self.screen._opens[word] = self.screen._may_open(word)
        return found


_UNSET = object()


def _glued(mv: IndicatorVocabulary) -> dict:
    """The memo of _head's heads glued to a first word, for this vocabulary."""
    held = _GLUED.get(id(mv))
    if held is None or held[0] is not mv:
        held = _GLUED[id(mv)] = (mv, {})
    return held[1]


def _head(found: tuple, mv: IndicatorVocabulary) -> tuple | None:
    """The measure head the words open with, a head glued to the next word included ("Jumlahmengemudi")."""
    head = mv.measure_heads.starts(found)
    if head is not None or not found:
        return head
    first = found[0]
    held = _GLUED.get(id(mv))
    if held is None or held[0] is not mv:
        held = _GLUED[id(mv)] = (mv, {})
    glued = held[1]
    if first not in glued:  # asked once per distinct first word
        glued[first] = next(
            (
                phrase
                for phrase in mv.measure_heads.labels
                if len(phrase) == 1 and first.startswith(phrase[0]) and len(first) - len(phrase[0]) >= 3
            ),
            None,
        )
    return glued[first]


_GLUED: dict[int, tuple[IndicatorVocabulary, dict]] = {}  # a vocabulary's heads glued to a first word, by that word


def _targets(name: str, mv: IndicatorVocabulary, tv: TextVocabulary) -> list[str]:
    """The targets written into a name: figures with a percent sign, figures after a target word, a lone zero."""
    written = sorted(
        (m.start(), " ".join(m.group().split())) for m in (*_PERCENT.finditer(name), *_ZERO.finditer(name))
    )
    found = [text for _, text in written]
    plain = normalised(name, tv).split()
    for i, phrase in mv.target_words.find(plain):
        after = i + len(phrase)
        if after < len(plain) and plain[after].isdigit():
            found.append(" ".join((*phrase, plain[after])))
    return list(dict.fromkeys(found))


def _parts(name: str, mv: IndicatorVocabulary, tv: TextVocabulary) -> list[str]:
    """The measures a name joins, as written: its parts (split at joiner words, commas, semicolons and slashes)
    that open with a measure head or hold a figure, when there are two or more of them."""
    joiners = _JOINERS.get(id(mv))
    if joiners is None or joiners[0] is not mv:
        alternatives = sorted((r"\s+".join(map(re.escape, p)) for p in mv.joiners.labels), key=len, reverse=True)
        pattern = re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.I) if alternatives else None
        joiners = _JOINERS[id(mv)] = (mv, pattern)
    pattern = joiners[1]
    parts = [
        part.strip(" -.:()")
        for piece in _PIECES.split(name)
        for part in (pattern.split(piece) if pattern is not None else (piece,))
    ]
    measured = [
        part
        for part in parts
        if part
        and (
            _head(spelled_out(words(part, tv), tv), mv) is not None
            or any(w.isdigit() for w in normalised(part, tv).split())
        )
    ]
    return measured if len(measured) >= 2 else []


_JOINERS: dict[int, tuple] = {}  # the joiner words of a vocabulary as one pattern


def _first_word(name: str) -> str:
    match = _FIRST_WORD.search(name)
    return match.group() if match else name


class _Screen:
    """What tells at once that most names write no target and join no measures: a plain ASCII name
    without a digit writes no target, and joins two measures only when two of its words may open a
    measure (a head, a head glued to the next word, an abbreviation spelled out as one): each part of a
    plain ASCII name (_parts) holds some of the name's own words, a part that opens with a measure head
    opens with one of them."""

    def __init__(self, mv: IndicatorVocabulary, tv: TextVocabulary) -> None:
        self.mv, self.tv = mv, tv
        self.heads = frozenset(phrase[0] for phrase in mv.measure_heads.labels)
        self.single = tuple(phrase[0] for phrase in mv.measure_heads.labels if len(phrase) == 1)
        # a one-word head with at least three more letters after it (any of them: the pattern tries each)
        alternatives = "|".join(map(re.escape, self.single))
        self._glued = re.compile(f"(?:{alternatives})(?s:.{{3}})") if self.single else None
        self._opens: dict[str, bool] = {}

    def plain(self, name: str) -> bool:
        """A plain ASCII name without a digit?"""
        return name.isascii() and _DIGIT.search(name) is None

    def may_join(self, name: str) -> bool:
        """May two of the name's words open a measure (see above)?"""
        opens = self._opens
        found = text_words(name, self.tv)
        if not opens.keys() >= set(found):
            for word in found:
                if word not in opens:
                    opens[word] = self._may_open(word)
        return sum(map(opens.__getitem__, found)) >= 2

    def _may_open(self, word: str) -> bool:
        if self._head(word):
            return True
        spelled = self.tv.abbreviations.get(word)
        return self._head(spelled[0]) if spelled else False

    def _head(self, word: str) -> bool:
        glued = self._glued
        return word in self.heads or (glued is not None and glued.match(word) is not None)


_DIGIT = re.compile(r"[0-9]")
_SCREENS: dict[int, _Screen] = {}  # by vocabulary


def _screen(mv: IndicatorVocabulary, tv: TextVocabulary) -> _Screen:
    found = _SCREENS.get(id(mv))
    if found is None or found.mv is not mv or found.tv is not tv:
        found = _SCREENS[id(mv)] = _Screen(mv, tv)
    return found


def _judge(
    name: str, mv: IndicatorVocabulary, tv: TextVocabulary, units: UnitVocabulary, read: tuple | None = None
) -> list[tuple[str, dict]]:
    """What is wrong with an indicator name: (message key, args) in the order the rule reports them. `read`:
    (its words spelled out, is it plain, may it join measures, its head) when already worked out."""
    if read is None:
        found = spelled_out(words(name, tv), tv)
        if not found:
            return []
        screen = _screen(mv, tv)
        plain = screen.plain(name)
        joining = plain and screen.may_join(name)
        head = _head(found, mv)
    else:
        found, plain, joining, head = read
        if not found:
            return []
    out: list[tuple[str, dict]] = []
    targets = [] if plain else _targets(name, mv, tv)
    if targets:
        out.append(("target", {"targets": [quote(t, 30) for t in targets]}))
    parts = _parts(name, mv, tv) if not plain or joining else []
    if parts:
        out.append(("compound", {"count": len(parts), "parts": [quote(p, 40) for p in parts]}))
    elif head is not None:
        if len(head) == 1 and head[0] in units.count_heads:
            rest = found[1:] if found[0] == head[0] else (found[0][len(head[0]) :], *found[1:])
            quantifiers = units.quantifiers
            # what is counted: the words after the head, quantifiers left out (most open no uncountable noun)
            first = next((w for w in rest if w not in quantifiers), None)
            if first is not None and mv.uncountable.opens(first):
                noun = mv.uncountable.starts(tuple(w for w in rest if w not in quantifiers))
                if noun is not None:
                    out.append(("uncountable", {"noun": " ".join(noun)}))
    elif (existence := mv.existence.starts(found)) is not None:
        out.append(("existence", {"word": " ".join(existence)}))
    elif mv.opens_goal(found[0]):
        out.append(("goal", {"word": quote(_first_word(name), 30)}))
    elif mv.method_heads.starts(found) is not None:
        out.append(("method", {"word": quote(_first_word(name), 30)}))
    else:
        judgement = next((phrase for _, phrase in mv.judgements.find(found)), None)
        if judgement is not None:
            out.append(("judgement", {"word": " ".join(judgement)}))
        else:
            out.append(("no-measure", {}))
    return out
