"""indicator-level-mismatch: an output or activity indicator on an outcome, or an organisation-wide
outcome (IKM, Nilai SAKIP) on an output or a process."""

from __future__ import annotations

import operator
from itertools import compress

from kinerja_graph.checks._options import levels_schema
from kinerja_graph.checks._quote import quote
from kinerja_graph.checks._reading import NameReading, chosen_positions, item_column, name_reading, quoted_names
from kinerja_graph.checks.base import Context, Rule
from kinerja_graph.classify import IndicatorClassifier, indicator_unit, required_vocabulary
from kinerja_graph.similarity import TextVocabulary, normalised, text_vocabulary


class IndicatorLevelMismatch(Rule):
    id = "indicator-level-mismatch"
    area = "levels"
    lke = "1.b.6"
    summary = {
        "id": "Indikator yang jenisnya tidak sesuai dengan level kinerjanya",
        "en": "An indicator whose kind does not fit its goal's level",
    }
    rationale = {
        "id": "Catatan evaluator yang paling sering: indikator masih berorientasi output. LKE 1.b.4–1.b.6 "
        "(PermenPANRB 88/2021) menuntut tujuan dan sasaran diukur dengan indikator hasil (outcome) dan IKU "
        'menggambarkan kinerja utama pada level outcome; "Jumlah dokumen" tidak menunjukkan kondisi yang '
        "berubah. Sebaliknya, PermenPANRB 89/2021 menjenjangkan kinerja: IKM atau Nilai SAKIP adalah hasil "
        "seluruh organisasi yang tidak dapat dicapai sendiri oleh pemegang sub kegiatan — kinerja "
        "operasional perlu ukuran keluarannya sendiri.",
        "en": "The evaluators' most frequent note: indicators still measure outputs. LKE 1.b.4–1.b.6 "
        "(PermenPANRB 88/2021) require goals and objectives to be measured by outcome indicators and the "
        'key indicators (IKU) to show main performance at outcome level; "number of documents" shows no '
        "changed condition. Conversely, PermenPANRB 89/2021 cascades performance: the community "
        "satisfaction index (IKM) or the SAKIP score is a result of the whole organisation that the holder "
        "of a sub-activity cannot reach alone — operational goals need a measure of their own output.",
    }
    messages = {
        "output_on_outcome": {
            "id": 'Indikator "{indicator}" pada {level:level}{goal:aside} adalah indikator {kind:kind} '
            "({evidence:evidence} → {kind:kind}); {level:level} semestinya diukur dengan indikator outcome, yaitu "
            "kondisi yang berubah",
            "en": 'Indicator "{indicator}" of {level:level}{goal:aside} is an {kind:kind} indicator '
            "({evidence:evidence} → {kind:kind}); {level:level} is measured by an outcome indicator, a changed "
            "condition",
        },
        "outcome_on_operational": {
            "id": 'Indikator "{indicator}" pada {level:level}{goal:aside} mengukur hasil seluruh organisasi '
            "({evidence:evidence} → {kind:kind}), yang tidak dapat dicapai sendiri oleh pemegang kinerja operasional; "
            "yang perlu diukur adalah keluaran kinerja ini sendiri",
            "en": 'Indicator "{indicator}" of {level:level}{goal:aside} measures a result of the whole organisation '
            "({evidence:evidence} → {kind:kind}), which the holder of an operational goal cannot reach alone; measure "
            "this goal's own output",
        },
    }
    options_schema = {
        "outcome-levels": levels_schema("Levels whose indicators must not be output or activity indicators."),
        "operational-levels": levels_schema(
            "Levels whose indicators must not be organisation-wide outcomes (IKM, Nilai SAKIP, ...)."
        ),
    }
    doc = """\
## What it does
Classifies every indicator by its head word, its object and its unit together
(`kinerja_graph.classify`, words in rules/vocabulary/cues.yaml), then reports two mismatches:

- on an outcome level (ultimate, intermediate or immediate outcome), an indicator that counts a product
  or work done: "Jumlah dokumen …" (`'Jumlah' + 'dokumen'` → output), "Jumlah rapat koordinasi"
  (activity), "Persentase pelaksanaan koordinasi …" (`'Persentase' + 'pelaksanaan'` → activity),
  "Persentase serapan anggaran" (a process measure), or an unnamed measure whose unit is Dokumen or
  Kegiatan;
- on an output or a process, an organisation-wide outcome: "Indeks Kepuasan Masyarakat (IKM)",
  "Nilai SAKIP", "Nilai AKIP", "Opini BPK", "Indeks Reformasi Birokrasi" and the like.

Care is taken not to cry wolf. "Persentase" alone is not an outcome and not an output: it is judged by
its object ("Persentase dokumen yang tersusun" is an output, "Persentase desa yang menyampaikan
laporan tepat waktu" is not, since its object is the desa), and a percentage of products that meet a
standard ("Persentase dokumen perencanaan yang sesuai standar") measures their quality and is left
alone. "Jumlah" counts products unless its object is a condition ("Jumlah kasus gangguan trantibum",
"Jumlah desa berstatus mandiri", "Jumlah desa yang aman dan tertib"). "Jumlah dokumen" is a legitimate indicator
at output and process level (the Kepmendagri sub kegiatan indicators are written so) and is never
reported there. An indicator the classifier cannot place is not reported. The message says why:
"'Jumlah' + 'dokumen' → output".

## Why it matters
An outcome measured by an output indicator cannot show whether the condition changed — the commonest
evaluator note on SAKIP plans and a direct loss on LKE 1.b.4–1.b.6 (PermenPANRB 88/2021): the IKU must
describe results, at outcome level. The reverse error hands a sub kegiatan owner a result (IKM, Nilai
SAKIP) that only the organisation as a whole can deliver, so the operational goal has no measure of
its own (PermenPANRB 89/2021 tiering).

## Example
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya akuntabilitas kinerja kecamatan
    level: intermediate outcome
    indicators:
      - {name: Jumlah dokumen perencanaan dan pelaporan kinerja, unit: Dokumen}
  - id: "1.1"
    parent: "1"
    statement: Meningkatnya kualitas perencanaan kinerja
    level: immediate outcome
    indicators:
      - {name: Persentase dokumen perencanaan yang tersusun, unit: "%"}
  - id: "1.1.1"
    parent: "1.1"
    statement: Tersusunnya dokumen Renja
    level: output
    indicators:
      - {name: Nilai SAKIP, unit: nilai}
```

## Fix
```yaml
nodes:
  - id: "1"
    statement: Meningkatnya akuntabilitas kinerja kecamatan
    level: intermediate outcome
    indicators:
      - {name: Nilai SAKIP kecamatan, unit: nilai}
  - id: "1.1"
    parent: "1"
    statement: Meningkatnya kualitas perencanaan kinerja
    level: immediate outcome
    indicators:
      - {name: Persentase indikator kinerja yang berorientasi hasil, unit: "%"}
  - id: "1.1.1"
    parent: "1.1"
    statement: Tersusunnya dokumen Renja
    level: output
    indicators:
      - {name: Jumlah dokumen Renja yang tersusun tepat waktu, unit: Dokumen}
```

## Options
- `outcome-levels` (list of level ids, default `[ultimate_outcome, intermediate_outcome,
  immediate_outcome]`): levels whose indicators must measure an outcome, not an output or an activity.
- `operational-levels` (list of level ids, default `[output, process]`): levels whose indicators must
  not be organisation-wide outcomes.
"""
    doc_id = """\
## Apa yang diperiksa
Aturan ini menggolongkan setiap indikator menurut kata kepala, objek dan satuannya sekaligus
(`kinerja_graph.classify`, dengan kata-kata dalam rules/vocabulary/cues.yaml), lalu melaporkan dua
ketidaksesuaian:

- pada level outcome (ultimate, intermediate atau immediate outcome), indikator yang menghitung produk
  atau pekerjaan: "Jumlah dokumen …" (`'Jumlah' + 'dokumen'` → output), "Jumlah rapat koordinasi"
  (kegiatan), "Persentase pelaksanaan koordinasi …" (`'Persentase' + 'pelaksanaan'` → kegiatan),
  "Persentase serapan anggaran" (ukuran proses), atau ukuran tanpa kata kepala yang satuannya Dokumen
  atau Kegiatan;
- pada output atau proses, outcome tingkat organisasi: "Indeks Kepuasan Masyarakat (IKM)", "Nilai
  SAKIP", "Nilai AKIP", "Opini BPK", "Indeks Reformasi Birokrasi" dan sejenisnya.

Aturan ini berhati-hati agar tidak menghasilkan temuan yang keliru. "Persentase" saja bukan outcome dan
bukan output: indikator tersebut dinilai menurut objeknya ("Persentase dokumen yang tersusun" adalah
output, "Persentase desa yang menyampaikan laporan tepat waktu" bukan, karena objeknya desa), dan
persentase produk yang memenuhi standar ("Persentase dokumen perencanaan yang sesuai standar") mengukur
mutu produk tersebut dan tidak dilaporkan. "Jumlah" menghitung produk, kecuali objeknya berupa kondisi
("Jumlah kasus gangguan trantibum", "Jumlah desa berstatus mandiri", "Jumlah desa yang aman dan
tertib"). "Jumlah dokumen" adalah indikator yang sah pada level output dan proses (indikator sub
kegiatan Kepmendagri dirumuskan demikian) dan tidak pernah dilaporkan pada level tersebut. Indikator
yang tidak dapat digolongkan tidak dilaporkan. Pesannya menyebut alasannya: "'Jumlah' + 'dokumen' →
output".

## Mengapa penting
Outcome yang diukur dengan indikator output tidak dapat menunjukkan apakah kondisinya berubah — catatan
evaluator yang paling umum pada dokumen perencanaan SAKIP dan pengurang nilai langsung pada LKE
1.b.4–1.b.6 (PermenPANRB 88/2021): IKU harus menggambarkan hasil, pada level outcome. Kesalahan
sebaliknya membebankan kepada penanggung jawab sub kegiatan suatu hasil (IKM, Nilai SAKIP) yang hanya
dapat dicapai oleh organisasi secara keseluruhan, sehingga kinerja operasional tersebut tidak memiliki
ukuran sendiri (penjenjangan kinerja menurut PermenPANRB 89/2021).

## Contoh
## Perbaikan
## Opsi
- `outcome-levels` (daftar id level, bawaan `[ultimate_outcome, intermediate_outcome,
  immediate_outcome]`): level yang indikatornya harus mengukur outcome, bukan output atau kegiatan.
- `operational-levels` (daftar id level, bawaan `[output, process]`): level yang indikatornya tidak
  boleh berupa outcome tingkat organisasi.
"""

    def check(self, ctx: Context):
        classifier = IndicatorClassifier(required_vocabulary(ctx.vocabulary, "cues", self.id))
        tv = text_vocabulary(ctx.vocabulary, ctx.graph)
        outcome_levels = set(ctx.options.get("outcome-levels") or ())
        operational_levels = set(ctx.options.get("operational-levels") or ())
        operational_only = operational_levels - outcome_levels
        ix = ctx.index
        objects = ix.indicators.objects
        levels = ix.judged_values("level")  # of every node (a doubtful label: the level its place implies)
        owners = ix.indicator_nodes()  # the position of each indicator's node
        # The indicators that may be reported: those at an outcome level (as output or activity indicators),
        # and those at an operational level that is not an outcome level whose name may be organisation-wide
        # (few of either: most indicators stand at operational levels, with names that cannot be).
        on_outcome = _standing_at(ix, levels, outcome_levels)
        on_operational = _standing_at(ix, levels, operational_only)
        if not on_outcome and not on_operational:
            return
        names = ix.indicator_groups(("name",))
        reading = name_reading(ix, tv)  # the shared reading of the distinct names
        hints: list[bool] = []  # by name number: may the name be an organisation-wide outcome?
        if on_operational:
            hints = classifier.organisation_wide_hints(reading.texts)
            name_of = names.numbers(on_operational)
            on_operational = list(compress(on_operational, map(hints.__getitem__, name_of)))
        candidates = sorted(on_outcome + on_operational)
        if not candidates:
            return
        # Each candidate is judged by its key, its normalised name and unit (or its targets' unit), as the
        # classifier remembers a classification: once per distinct key, the words of the first indicator of
        # that key in the document as its evidence (of those whose name may be organisation-wide, when no
        # level is an outcome level), as if every indicator had been classified in document order.
        name_keys = _name_keys(reading, classifier)
        name_numbers = names.of
        unit_keys: dict = {}

        def key_of(position: int) -> tuple[str, str]:
            unit = indicator_unit(objects[position])
            found = unit_keys.get(unit)
            if found is None:
                found = unit_keys[unit] = classifier.unit_key(unit)
            return name_keys[name_numbers[position]], found

        keys = dict(zip(candidates, map(key_of, candidates)))
        wanted = set(keys.values())
        # the first indicator of each key: among those whose name has the name key of a wanted one
        wanted_names = {name for name, _ in wanted}
        named = map(wanted_names.__contains__, name_keys)
        if not outcome_levels:
            named = map(operator.and_, named, hints)
        chosen = list(named)  # by name key
        # name key -> the unit keys of its wanted keys not met yet: an indicator whose name has none left is
        # passed over without reading its unit (the scan runs on to the last key's first indicator, often near
        # the end of the document, through some 30,000 indicators at 10^5 goals)
        pending: dict = {}
        for name, unit in wanted:
            pending.setdefault(name, set()).add(unit)
        first_of: dict = {}
        # (the indicators of the chosen names picked by one index into the names' column: 10^6 at 10^6 goals)
        for position in chosen_positions(chosen, item_column(ix, "names")):
            units = pending[name_keys[name_numbers[position]]]
            if units:
                key = key_of(position)
                if key[1] in units:
                    units.discard(key[1])
                    first_of[key] = position
                    if len(first_of) == len(wanted):
                        break

        def judge(key: tuple[str, str]):
            first = objects[first_of[key]]
            return classifier.classify(first.name, indicator_unit(first))

        verdicts = {key: judge(key) for key in dict.fromkeys(keys.values())}  # in the order they are met
        reported: list[tuple] = []  # (position, variant, classification), in document order
        for position in candidates:
            found = verdicts[keys[position]]
            level = levels[owners[position]]
            if level in outcome_levels:
                if found.kind not in ("output", "activity"):
                    continue
                variant = "output_on_outcome"
            elif found.organisation_wide:
                variant = "outcome_on_operational"
            else:
                continue
            reported.append((position, variant, found))
        names_said = quoted_names(ix, [position for position, _, _ in reported])  # each distinct name quoted once
        for (position, variant, found), name in zip(reported, names_said):
            level = levels[owners[position]]
            n, d, indicator = ix.indicators[position]
            statement = d.get("statement")
            yield ctx.finding(
                n,
                variant,
                location=getattr(indicator, "location", None) or d.get("location"),
                rests_on=("level",),
                indicator=name,
                goal=quote(statement) if statement else None,
                level=level,
                kind=found.kind,
                evidence=[list(pair) for pair in found.evidence],
            )


def _standing_at(ix, levels, wanted: set) -> list[int]:
    """The positions of the indicators whose node's level (levels: by position in Index.nodes) is one of `wanted`, in
    document order: each node's level looked at once, the indicators picked by one index into an array (10^6 at
    10^6 goals), instead of each indicator's level read and looked up."""
    if not wanted:
        return []
    import numpy as np  # (imported when first used: the registry imports every rule at start-up)

    try:
        at_node = np.fromiter(map(wanted.__contains__, levels), dtype=bool, count=len(levels))
    except TypeError:  # a level that is no text (a hand-built graph): each indicator's node's, as it is read
        at = map(levels.__getitem__, ix.indicator_nodes())
        return list(compress(range(len(ix.indicators)), map(wanted.__contains__, at)))
    return np.flatnonzero(at_node[item_column(ix, "owners")]).tolist()


def _name_key(name: object, classifier: IndicatorClassifier, tv: TextVocabulary) -> str:
    """classifier.name_key(name): for a text whose first word is no numbering, its normalised words (the same
    words, and remembered for the rules that read them too)."""
    if type(name) is str:
        found = normalised(name, tv)
        first = found.partition(" ")[0]
        if not (first.isdigit() or len(first) == 1):
            return found
    return classifier.name_key(name)


def _name_keys(reading: NameReading, classifier: IndicatorClassifier) -> list[str]:
    """_name_key() of each distinct name (by name number): its normalised words (the shared reading's), but
    for a name whose first word is a numbering, or that is no text, read by the classifier."""
    norms = reading.norms
    if not set(map(type, reading.texts)) <= {str}:
        return [_name_key(text, classifier, reading.tv) for text in reading.texts]
    # a first word that is a numbering: all digits, or one character (by whole columns, in C)
    firsts = [norm.partition(" ")[0] for norm in norms]
    numbering = map(operator.or_, map(str.isdigit, firsts), map((1).__eq__, map(len, firsts)))
    found = list(norms)
    for number in compress(range(len(found)), numbering):
        found[number] = classifier.name_key(reading.texts[number])
    return found
