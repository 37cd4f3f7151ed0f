"""indicator-goal-mismatch: an indicator that does not measure its goal."""

from __future__ import annotations

import operator
from collections.abc import Iterator, Mapping
from itertools import compress

from kinerja_graph.checks._measures import IndicatorVocabulary, Phrases, measures, spelled_out, words
from kinerja_graph.checks._options import levels_schema
from kinerja_graph.checks._quote import indicator_location, label, quote
from kinerja_graph.checks._reading import group_column, item_column, name_reading, picked
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.findings import Finding
from kinerja_graph.similarity import TextVocabulary

OUTCOME_LEVELS = ("ultimate_outcome", "intermediate_outcome", "immediate_outcome")


class IndicatorGoalMismatch(Rule):
    id = "indicator-goal-mismatch"
    area = "indicators"
    lke = "1.b.5"
    summary = {
        "id": "Indikator yang tidak mengukur kinerjanya sendiri",
        "en": "An indicator that does not measure its goal",
    }
    rationale = {
        "id": "LKE 1.b.5 (PermenPANRB 88/2021) menilai apakah indikator kinerja memenuhi kriteria SMART, termasuk "
        "relevan dengan kinerja yang diukurnya. Kinerja yang menyebut ukurannya sendiri tetapi diukur dengan "
        "ukuran lain, indikator tentang barang atau jasa lain daripada yang dihasilkan kinerjanya, dan hasil "
        "organisasi yang diukur dengan penilaian kinerja satu orang tidak mengukur kinerja tersebut.",
        "en": "LKE 1.b.5 (PermenPANRB 88/2021) scores whether performance indicators are SMART, relevant to the goal "
        "they measure among them. A goal that names its own measure but is measured by another, an indicator about "
        "other goods or services than those its goal delivers, and an organisation's result measured by one "
        "person's appraisal do not measure that goal.",
    }
    messages = {
        "named-measure": {
            "id": 'Kinerja "{label}" menyebut ukurannya sendiri ("{measure}"), tetapi diukur dengan indikator '
            '"{indicator}" ("{other}"), ukuran yang lain',
            "en": 'Goal "{label}" names its own measure ("{measure}"), but is measured by indicator "{indicator}" '
            '("{other}"), another measure',
        },
        "subject": {
            "id": 'Kinerja "{label}" menyangkut {goal_subjects:quoted-all}, sedangkan indikatornya "{indicator}" '
            "menyangkut {indicator_subjects:quoted-all}; indikator ini tampaknya milik kinerja lain",
            "en": 'Goal "{label}" is about {goal_subjects:quoted-all}, but its indicator "{indicator}" is about '
            "{indicator_subjects:quoted-all}; the indicator seems to belong to another goal",
        },
        "appraisal": {
            "id": 'Indikator "{indicator}" mengukur penilaian kinerja satu orang ("{position}"), bukan hasil '
            'organisasi yang dinyatakan kinerja "{label}" ({level:level})',
            "en": 'Indicator "{indicator}" measures one person\'s appraisal ("{position}"), not the organisation\'s '
            'result that goal "{label}" ({level:level}) states',
        },
    }
    options_schema = {
        "named-measures": {
            "description": "Report a goal that names its own measure and is measured by another named measure.",
            "type": "boolean",
        },
        "subjects": {
            "description": "Report an indicator about other kinds of things than those its goal delivers.",
            "type": "boolean",
        },
        "appraisal-levels": levels_schema("The levels where an individual's appraisal as indicator is reported."),
    }
    doc = """\
## What it does
Compares each goal's statement with each of its indicators, once per distinct pair of texts, and
reports an indicator that measures something else:

1. `named-measure`: the statement names a measure that has a name of its own ("Meningkatnya Indeks
   Reformasi Birokrasi"; rules/vocabulary/indicators.yaml `named_measures`: IKM, Indeks RB, nilai
   SAKIP, opini BPK …) and the indicator names another one of them ("Indeks Kepuasan Masyarakat"),
   not that one;
2. `subject`: with `subjects` (default true), the statement names things of one kind that a goal
   delivers and the indicator things of another kind only ("Tersedianya Barang Cetak dan
   Penggandaan" measured by "Jasa Pemeliharaan … Kendaraan Dinas …"; `subjects`: kendaraan, gedung,
   barang cetak, listrik, alat kebersihan, ATK …). Broad words (barang, sarana, jasa, peralatan) are
   no kind, so sharing one of them proves nothing, and an indicator naming no kind is not judged;
3. `appraisal`: at the levels of `appraisal-levels` (default the three outcome levels), an indicator
   that measures one person's appraisal — a performance value followed by a position of
   rules/vocabulary/owners.yaml ("Nilai Kinerja Camat": `appraisal.heads`), or an individual appraisal
   by name ("Nilai SKP": `appraisal.phrases`) — where the organisation's result is meant.

The comparison stays on the side of caution: an indicator that is a poor proxy for its goal, but
names nothing the vocabulary sets apart, is not reported.

## Why it matters
An indicator is the measure of success of its goal (LKE 1.b.5, SMART: relevant). A tujuan of
bureaucratic reform measured by public satisfaction, a printing sub kegiatan carrying the vehicle
indicator (an indicator attached to the wrong row), or a kecamatan's ultimate outcome measured by the
Camat's own appraisal report a realisation that says nothing about the goal.

## Example
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya Indeks Reformasi Birokrasi
    level: ultimate outcome
    indicators:
      - {name: Indeks Kepuasan Masyarakat (IKM)}
  - id: "1.1"
    parent: "1"
    statement: Tersedianya Barang Cetak dan Penggandaan
    level: process
    indicators:
      - {name: Jumlah kendaraan dinas operasional yang terpelihara}
```

## Fix
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya Indeks Reformasi Birokrasi
    level: ultimate outcome
    indicators:
      - {name: Indeks Reformasi Birokrasi Kecamatan}
  - id: "1.1"
    parent: "1"
    statement: Tersedianya Barang Cetak dan Penggandaan
    level: process
    indicators:
      - {name: Jumlah barang cetakan dan penggandaan yang tersedia}
```

## Options
- `named-measures` (boolean, default true): report 1.
- `subjects` (boolean, default true): report 2.
- `appraisal-levels` (list of level ids, default the three outcome levels): where 3 is reported; an
  empty list turns it off.
"""
    doc_id = """\
## Apa yang diperiksa
Membandingkan pernyataan setiap kinerja dengan setiap indikatornya, satu kali untuk setiap pasangan
teks yang berbeda, dan melaporkan indikator yang mengukur hal lain:

1. `named-measure`: pernyataan kinerja menyebut ukuran yang memiliki nama tersendiri ("Meningkatnya
   Indeks Reformasi Birokrasi"; rules/vocabulary/indicators.yaml `named_measures`: IKM, Indeks RB,
   nilai SAKIP, opini BPK …), sedangkan indikatornya menyebut ukuran bernama yang lain ("Indeks
   Kepuasan Masyarakat"), bukan ukuran tersebut;
2. `subject`: dengan `subjects` (bawaan true), pernyataan kinerja menyebut barang atau jasa dari satu
   jenis, sedangkan indikatornya hanya menyebut barang atau jasa dari jenis lain ("Tersedianya Barang
   Cetak dan Penggandaan" yang diukur dengan "Jasa Pemeliharaan … Kendaraan Dinas …"; `subjects`:
   kendaraan, gedung, barang cetak, listrik, alat kebersihan, ATK …). Kata yang luas (barang, sarana,
   jasa, peralatan) bukan jenis, sehingga kesamaan kata tersebut tidak membuktikan apa pun, dan
   indikator yang tidak menyebut jenis apa pun tidak dinilai;
3. `appraisal`: pada level dalam `appraisal-levels` (bawaan ketiga level outcome), indikator yang
   mengukur penilaian kinerja satu orang — nilai kinerja yang diikuti jabatan dalam
   rules/vocabulary/owners.yaml ("Nilai Kinerja Camat": `appraisal.heads`), atau penilaian perorangan
   yang disebut namanya ("Nilai SKP": `appraisal.phrases`) — sedangkan yang dimaksud adalah hasil
   organisasi.

Perbandingan ini berhati-hati: indikator yang kurang tepat sebagai ukuran kinerjanya, tetapi tidak
menyebut apa pun yang dibedakan oleh kosakata, tidak dilaporkan.

## Mengapa penting
Indikator adalah ukuran keberhasilan kinerjanya (LKE 1.b.5, SMART: relevan). Tujuan reformasi
birokrasi yang diukur dengan kepuasan masyarakat, sub kegiatan barang cetak yang memuat indikator
kendaraan (indikator yang tercantum pada baris yang salah), atau ultimate outcome kecamatan yang diukur
dengan penilaian kinerja Camat sendiri melaporkan realisasi yang tidak menggambarkan kinerja tersebut.

## Contoh
## Perbaikan
## Opsi
- `named-measures` (boolean, bawaan true): laporkan butir 1.
- `subjects` (boolean, bawaan true): laporkan butir 2.
- `appraisal-levels` (daftar id level, bawaan ketiga level outcome): level tempat butir 3 dilaporkan;
  daftar kosong mematikannya.
"""

    def check(self, ctx: Context) -> Iterator[Finding]:
        mv, tv = measures(ctx.vocabulary, self.id, ctx.graph)
        options = ctx.options
        named = bool(options.get("named-measures", True))
        subjects = bool(options.get("subjects", True))
        appraisal_levels = frozenset(options.get("appraisal-levels", OUTCOME_LEVELS) or ())
        positions = _positions(ctx.vocabulary.get("owners") or {}, mv, tv)
        ix = ctx.index
        items = ix.indicators

        # the words that start something read_name looks for: a name holding none of them names nothing
        openers = frozenset().union(
            *(
                phrases.first_words()
                for phrases, wanted in (
                    (mv.named_measures, named),
                    (mv.subjects, subjects),
                    (mv.appraisal_phrases, appraisal_levels),
                    (mv.appraisal_heads, appraisal_levels),
                )
                if wanted
            )
        )

        def read_name(found: tuple) -> _Read | None:
            """What an indicator's name names (its words spelled out): decided by the name alone."""
            read = _Read(
                mv.named_measures.label_set(found) if named else frozenset(),
                _subjects(found, mv) if subjects else {},
                _appraisal(found, mv, positions) if appraisal_levels else None,
            )
            read.words = found
            return read if read else None

        # once per distinct name, from the shared reading of the names; a name holding no word that opens
        # something read_name looks for (most names) is left out at once, in C
        grouping = ix.indicator_groups(("name",))
        spelled = name_reading(ix, tv).spelled()
        names: list = [None] * len(spelled)  # by name number: _Read or None
        for number in compress(range(len(spelled)), map(operator.not_, map(openers.isdisjoint, spelled))):
            names[number] = read_name(spelled[number])
        chosen = [read is not None for read in names]
        if not any(chosen):
            return
        import numpy as np  # (imported when first used: the registry imports every rule at start-up)

        nodes = ix.nodes
        owners = items.owners
        members, numbers = picked(ix, grouping, chosen)
        # the verdict of each distinct (statement, name) among these indicators, asked of its first one: the
        # indicators' (kind, statement) group of their node and their name number paired over whole columns, so
        # that only the pairs that say something are walked in Python (10^5 indicators at 10^6 goals, most of
        # them saying nothing)
        statement_of = group_column(ix, ix.node_groups(("kind", "statement")))[
            item_column(ix, "owners")[np.asarray(members, dtype=np.int64)]
        ]
        _, first, inverse = np.unique(
            statement_of * len(names) + np.asarray(numbers, dtype=np.int64), return_index=True, return_inverse=True
        )
        # each distinct statement of the goals holding these indicators read once (by its text: only these few
        # thousand goals' statements are looked at, not every goal's)
        read_statements: dict = {}  # statement -> _Read
        verdicts: list = []  # by pair: [(message key, args)], or None for an indicator not of a goal with a statement
        for at in first.tolist():
            number = numbers[at]
            d = nodes[owners[members[at]]][1]
            statement = d.get("statement")
            if d.get("kind") != "goal" or not statement:
                verdicts.append(None)
                continue
            # (a statement that is not a string, a hand-built model's, is alike with nothing, as in Index.node_groups)
            same = statement if type(statement) is str else object()
            goal = read_statements.get(same)
            if goal is None:
                text = spelled_out(words(statement, tv), tv)
                goal = read_statements[same] = _Read(mv.named_measures.label_set(text), _subjects(text, mv), None)
                goal.words = text
            verdicts.append(_compare(goal, names[number], mv))
        said = [
            found is not None and (bool(found) or names[numbers[at]].appraisal is not None)
            for found, at in zip(verdicts, first.tolist())
        ]
        pair_of = inverse.reshape(-1)
        for at in np.flatnonzero(np.asarray(said, dtype=bool)[pair_of]).tolist():
            position, number, found = members[at], numbers[at], verdicts[pair_of[at]]
            n, d = nodes[owners[position]]
            indicator = items[position][2]
            location = indicator_location(indicator, d)
            for key_, args in found:
                yield ctx.finding(n, key_, location=location, label=label(d), indicator=quote(indicator.name), **args)
            appraised = names[number].appraisal
            if appraised is not None and d.get("level") in appraisal_levels:
                yield ctx.finding(
                    n,
                    "appraisal",
                    location=location,
                    rests_on=("level",),
                    label=label(d),
                    level=d.get("level"),
                    indicator=quote(indicator.name),
                    position=appraised,
                )


class _Read:
    """What a text names: named measures (ids), kinds of things (kind -> the words naming it), an appraisal."""

    __slots__ = ("measures", "subjects", "appraisal", "words")

    def __init__(self, measures_: frozenset, subjects: dict, appraisal: str | None) -> None:
        self.measures = measures_
        self.subjects = subjects
        self.appraisal = appraisal
        self.words: tuple = ()

    def __bool__(self) -> bool:
        return bool(self.measures or self.subjects or self.appraisal)


def _subjects(found: tuple, mv: IndicatorVocabulary) -> dict[str, str]:
    """Kind -> the first words naming things of that kind in the text."""
    out: dict[str, str] = {}
    for _, phrase in mv.subjects.find(found):
        out.setdefault(mv.subjects.labels[phrase], " ".join(phrase))
    return out


def _positions(owners: Mapping, mv: IndicatorVocabulary, tv: TextVocabulary) -> Phrases:
    """The aliases of the positions of the owners vocabulary, organisational units and outside bodies aside."""
    aliases = []
    for position in owners.get("positions") or ():
        if position.get("id") == "outside":
            continue
        for alias in (*(position.get("aliases") or ()), *(position.get("exact") or ())):
            phrase = tuple(words(alias, tv))
            if phrase and mv.unit_words.starts(phrase) != phrase:
                aliases.append((phrase, str(alias)))
    return Phrases(aliases)


def _appraisal(found: tuple, mv: IndicatorVocabulary, positions: Phrases) -> str | None:
    """The appraisal of one person a name measures ("nilai kinerja camat" -> "camat"), or None."""
    for _, phrase in mv.appraisal_phrases.find(found):
        return " ".join(phrase)
    for i, phrase in mv.appraisal_heads.find(found):
        position = positions.at(found, i + len(phrase))
        if position is not None:
            return " ".join((*phrase, *position))
    return None


def _compare(goal: _Read, name: _Read, mv: IndicatorVocabulary) -> list[tuple[str, dict]]:
    """[(message key, args)] for an indicator that measures something else than its goal."""
    out: list[tuple[str, dict]] = []
    if goal.measures and name.measures and goal.measures.isdisjoint(name.measures):
        measure = _phrase(goal.words, mv.named_measures, goal.measures)
        other = _phrase(name.words, mv.named_measures, name.measures)
        out.append(("named-measure", {"measure": measure, "other": other}))
    if goal.subjects and name.subjects and goal.subjects.keys().isdisjoint(name.subjects):
        out.append(
            (
                "subject",
                {
                    "goal_subjects": [quote(w, 30) for w in goal.subjects.values()],
                    "indicator_subjects": [quote(w, 30) for w in name.subjects.values()],
                },
            )
        )
    return out


def _phrase(found: tuple, phrases: Phrases, labels: frozenset) -> str:
    """The first phrase of the text with one of these labels, as its words."""
    return next((" ".join(p) for _, p in phrases.find(found) if phrases.labels[p] in labels), "")
