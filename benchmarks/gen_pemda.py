"""Pemda-like benchmark cascades: several organisations repeating the standard wording of their nomenclature.

    .venv/bin/python benchmarks/gen_pemda.py --goals 100000 [--seed 1] [--out DIR] [--formats csv,json,yaml,xlsx]
                                             [--organisations N] [--split]

A Pemda-wide pohon kinerja in five levels with fan-out about 1 -> 200 -> 10 -> 7 -> 7 (scaled to the number of
goals asked for: the level sizes keep the ratio 1 : 200 : 2,000 : 14,000 : 98,000, each parent's share drawn at
random): one tujuan of the kabupaten; the sasaran strategis of its organisations (kecamatan, dinas, badan, about
three each); under them the sasaran program, kegiatan and sub kegiatan of the Kepmendagri nomenclature
(benchmarks/pemda_words.py). Every organisation repeats the supporting program word for word and every
kecamatan the kecamatan programs; what varies is the locus (a desa, a puskesmas, a road) and how each
organisation writes the standard wording: Title Case or sentence case, "pembinaan dan pengawasan" or
"pengawasan dan pembinaan", "Presentase" for "Persentase", its own level labels, and typing slips. So genuine
duplicates, near-duplicates and word-order variants occur as they do when organisations repeat standard
statements and indicators: at 10^5 goals (seed 1) 60,143 findings, the most near-duplicate (13,749),
duplicate-indicator (12,015) and duplicate-statement (11,014), and 72,415 distinct statements and indicator
names (issue 15 asks for about 65,000 and 69,000).

Each goal has an owner of its organisation (Camat, Sekretaris Kecamatan, Kasi ..., Kepala Dinas, Kepala Bidang,
staff), one to three indicators with formula, unit, calculation type, data source and targets for 2025-2029, and
some of the defects real cascades have (rates in DEFECTS): missing or placeholder owners, formulas and sources,
missing units and target years, targets written as ranges or falling, a unit that disagrees with the targets, a
formula pasted from another indicator, output indicators at outcome levels, activity-worded outcomes, level labels
one level off, leaves at outcome levels, single children, restated children, dangling parents, indicators without
a goal, one small circle, crosscutting links to partners (some to goals that do not exist) and the name of a
neighbouring kabupaten pasted in. Deterministic: the same goals, seed and organisations give the same files.

Written into DIR (default: benchmarks/out): pemda-<goals>-s<seed>.csv (as the tool reads it: the table
`kinerja convert` writes), .json (indented, as `kinerja convert` writes it), and, through `kinerja convert`
itself (so that writing them costs what the tool costs), .yaml and .xlsx. --split also writes one cascade per
organisation (each with its own tujuan) into DIR/pemda-<goals>-s<seed>-orgs/, for `kinerja check DIR`.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import random
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pemda_words as W  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PERIOD = list(range(2025, 2030))
SHAPE = (1, 200, 2_000, 14_000, 98_000)  # goals per level of the reference Pemda (fan-out 200, 10, 7, 7)

# How a text varies between organisations and between occurrences
LOCUS = (0.0, 0.45, 0.5, 0.55, 0.6)  # by level: the share of goals naming a locus (desa, puskesmas, road ...)
VARIATION: dict[str, float] = {
    "typo": 0.12,  # a typing slip in a statement or indicator name
    "function_word": 0.12,  # "pada" for "di", "serta" for "dan", "yang" left out
    "swap": 0.05,  # "A dan B" written "B dan A" on one occurrence (besides each organisation's habit)
    "noise": 0.03,
    "own_name": 0.2,  # a goal of the supporting program names its organisation ...
    "unit": 0.5,  # ... or the section or bidang it belongs to
    "locus_in_statement": 0.6,  # a goal with a locus names it in its statement (its indicators always do)
    "second_indicator": 0.45,
    "third_indicator": 0.05,
}
# Defects, as a share of goals (or of indicators)
DEFECTS: dict[str, float] = {
    "no_owner": 0.012,
    "placeholder_owner": 0.003,
    "low_owner": 0.004,  # a tactical goal owned by staff
    "no_formula": 0.02,
    "formula_is_name": 0.01,
    "placeholder_formula": 0.01,
    "pasted_formula": 0.006,
    "no_source": 0.025,
    "stray_source": 0.002,
    "no_unit": 0.03,
    "unit_disagrees": 0.01,
    "missing_year": 0.01,
    "range_target": 0.004,
    "falling_target": 0.01,
    "output_indicator_high": 0.08,  # at the sasaran program level: a "Jumlah ..." indicator
    "activity_outcome": 0.01,
    "label_off": 0.003,
    "outcome_leaf": 0.005,
    "single_child": 0.01,
    "restated_child": 0.002,
    "dangling_parent": 0.0005,
    "loose_indicator": 0.0005,
    "crosscutting": 0.04,  # of levels 1-2
    "stale_crosscutting": 0.1,  # of crosscutting links to another organisation's goal
    "neighbour_name": 0.0005,
}
SUPPORT_PARTS = {id(W.SUPPORT)} | {id(k) for k in W.SUPPORT[3]} | {id(s) for k in W.SUPPORT[3] for s in k[3]}
FUNCTION_WORDS = [(" di ", " pada "), (" yang ", " "), (" dan ", " serta "), (" dalam ", " di "), (" untuk ", " bagi ")]
SPELLING = [("Persentase", "Presentase"), ("Efektivitas", "Efektifitas"), ("Ketenteraman", "Ketentraman")]
KEEP_CASE = re.compile(r"^(?:[A-Z0-9-]{2,}|\(.*\)|[A-Z][a-z]*[A-Z].*)$")  # acronyms, (IKM), APBDes
SMALL_WORDS = {"dan", "di", "yang", "atau", "dalam", "untuk", "pada", "oleh", "ke", "dari", "serta", "per", "atas"}
SWAP = re.compile(r"\b(" + "|".join(f"{a} dan {b}|{b} dan {a}" for a, b in W.COORDINATED) + r")\b", re.IGNORECASE)
LOCUS_PLACE = re.compile(r"(\s*)(\b(?:di|pada|se)\s+)?\{locus\}")


@dataclass
class Org:
    key: str
    name: str
    type: str
    head: str
    tactical: list
    operational: list
    staff: list
    loci: list
    units: list  # its own sections or bidang: where a goal of the supporting program sits
    outcomes: list
    programs: list
    labels: list
    title: bool
    swap: float
    spelling: dict
    percent: str  # how targets in % are written: "75", "75%" or "75 %"
    goals: list = field(default_factory=list)  # the ids of its level-1 goals


def level_sizes(goals: int, organisations: int | None) -> list[int]:
    """Goals per level: the reference shape scaled to `goals`, at least one level-1 goal per organisation."""
    if goals < 5:
        raise ValueError("at least 5 goals")
    scale = (goals - 1) / (sum(SHAPE) - 1)
    first = max(1, round(SHAPE[1] * scale), organisations or 0)
    rest = goals - 1 - first
    below = sum(SHAPE[2:])
    second = max(first, round(rest * SHAPE[2] / below)) if rest >= 3 * first else max(1, rest // 3)
    third = max(second, round(rest * SHAPE[3] / below)) if rest - second >= 2 * second else max(1, (rest - second) // 2)
    return [1, first, second, third, rest - second - third]


def share(rng: random.Random, total: int, parents: int, spread: float = 0.6, zero: float = 0.0, one: float = 0.0):
    """`total` children shared among `parents`, each share drawn around the mean (largest remainder); a share of
    `zero` of the parents gets none (an outcome leaf) and a share of `one` just one (a single child)."""
    weights = []
    for _ in range(parents):
        r = rng.random()
        weights.append(0.0 if r < zero else (-1.0 if r < zero + one else rng.uniform(1 - spread, 1 + spread)))
    fixed = sum(1 for w in weights if w < 0)
    left = total - fixed
    mass = sum(w for w in weights if w > 0) or 1.0
    raw = [left * w / mass if w > 0 else 0.0 for w in weights]
    counts = [1 if w < 0 else math.floor(x) for w, x in zip(weights, raw, strict=True)]
    missing = total - sum(counts)
    order = sorted(range(parents), key=lambda i: (weights[i] > 0, raw[i] - math.floor(raw[i])), reverse=True)
    for i in order[: max(0, missing)]:
        counts[i] += 1
    return counts


def place_names(rng: random.Random) -> list[str]:
    names = [h + t for h in W.PLACE_HEADS for t in W.PLACE_TAILS]
    names += [f"{h} {t.capitalize()}" for h in W.PLACE_HEADS[:12] for t in W.PLACE_TAILS[:12]]
    rng.shuffle(names)
    return names


def make_orgs(rng: random.Random, count: int) -> list[Org]:
    places = place_names(rng)
    kecamatan_names = places[: max(25, count)]  # the kabupaten's kecamatan, in the cascade or not
    desa_names = places[len(kecamatan_names) :] or places
    opd = list(W.OPD)
    n_opd = min(len(opd), max(1, round(count * 0.45))) if count > 1 else 0
    orgs: list[Org] = []
    for i in range(count):
        style: dict[str, Any] = dict(
            labels=rng.choice(W.LEVEL_STYLES),
            title=rng.random() < 0.45,
            swap=rng.choice([0.0, 0.0, 0.3, 0.5, 1.0]),
            spelling={good: bad for good, bad in SPELLING if rng.random() < 0.3},
            percent=rng.choice(["{v}", "{v}", "{v}%", "{v} %"]),
        )
        if i < n_opd:
            name, kind, outcomes, programs, units, bidang = opd[i]
            key = "".join(w[0] for w in name.split() if w[0].isupper()).lower() + f"-{i}"
            sec = "Sekretaris Dinas" if kind == "dinas" else "Sekretaris Badan"
            org = Org(
                key=key,
                name=name,
                type=kind,
                head=f"Kepala {name.split()[0]}" if name.startswith(("Dinas", "Badan")) else "Kepala Satuan",
                tactical=[sec] + [f"Kepala Bidang {b}" for b in bidang],
                operational=["Kasubbag Umum dan Kepegawaian", "Kasubbag Perencanaan dan Keuangan"]
                + [f"Kepala Seksi {b}" for b in bidang]
                + [f"Ketua Tim Kerja {b}" for b in bidang],
                staff=W.STAFF + ["JF Ahli Muda", "JF Ahli Pertama"],
                loci=[f"{u} {place}" for u in units for place in rng.sample(kecamatan_names, rng.randint(5, 12))],
                units=["Sekretariat"] + [f"Bidang {b}" for b in bidang] + [f"UPTD {b}" for b in bidang],
                outcomes=outcomes + W.SHARED_OUTCOMES,
                programs=[W.SUPPORT] + programs,
                **style,
            )
        else:
            place = kecamatan_names[i]
            name = f"Kecamatan {place}"
            n_desa = rng.randint(7, 15)
            loci = [
                f"{'Kelurahan' if rng.random() < 0.15 else 'Desa'} {desa_names[rng.randrange(len(desa_names))]}"
                for _ in range(n_desa)
            ]
            org = Org(
                key="kec-" + place.lower().replace(" ", "-"),
                name=name,
                type="kecamatan",
                head="Camat",
                tactical=["Sekretaris Kecamatan"] + [s for s, _ in W.KECAMATAN_SECTIONS[:5]],
                operational=[s for s, _ in W.KECAMATAN_SECTIONS] + ["Lurah"],
                staff=W.STAFF,
                loci=loci + [name],
                units=[unit for _, unit in W.KECAMATAN_SECTIONS] + ["Sekretariat Kecamatan"],
                outcomes=W.KECAMATAN_OUTCOMES,
                programs=[W.SUPPORT] + W.KECAMATAN_PROGRAMS,
                **style,
            )
        orgs.append(org)
    return orgs


# --- writing a text the way an organisation writes it ---------------------------------------------------------


def styled(org: Org, words: str) -> str:
    """Standard wording in the organisation's case style: Title Case, or sentence case (acronyms kept)."""
    out = []
    for w in words.split(" "):
        if not w or KEEP_CASE.match(w):
            out.append(w)
        elif org.title:
            out.append(w if w.lower() in SMALL_WORDS else w[0].upper() + w[1:])
        else:
            out.append(w.lower())
    return " ".join(out)


def fill(template: str, org: Org, locus: str | None) -> str:
    """{org} -> the organisation's name; {locus} -> the locus with the word before it, or nothing."""
    text = template.replace("{org}", org.name)
    if "{locus}" in text:
        text = LOCUS_PLACE.sub(lambda m: (m.group(1) + (m.group(2) or "") + locus) if locus else "", text, count=1)
    return text


def vary(rng: random.Random, org: Org, text: str) -> str:
    """The organisation's habits (spelling, word order) and this occurrence's accidents (a swap, a slip, noise)."""
    for good, bad in org.spelling.items():
        if good in text:
            text = text.replace(good, bad)
        elif good.lower() in text:
            text = text.replace(good.lower(), bad.lower())
    if (org.swap and rng.random() < org.swap) or rng.random() < VARIATION["swap"]:
        text = SWAP.sub(lambda m: " dan ".join(reversed(m.group(1).split(" dan "))), text, count=1)
    if rng.random() < VARIATION["function_word"]:
        for old, new in rng.sample(FUNCTION_WORDS, len(FUNCTION_WORDS)):
            if old in text:
                text = text.replace(old, new, 1)
                break
    if rng.random() < VARIATION["typo"]:
        text = slip(rng, text)
    if rng.random() < VARIATION["noise"]:
        text = text + "." if rng.random() < 0.5 else text.replace(" ", "  ", 1)
    return text


def slip(rng: random.Random, text: str) -> str:
    """One typing slip in one longer word, never on its first letter: a doubled, dropped, swapped or wrong letter."""
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
    if not candidates:
        return text
    i = rng.choice(candidates)
    w = words[i]
    k = rng.randrange(2, len(w) - 1)
    op = rng.randrange(4)
    if op == 0:
        w = w[:k] + w[k] + w[k:]
    elif op == 1:
        w = w[:k] + w[k + 1 :]
    elif op == 2:
        w = w[: k - 1] + w[k] + w[k - 1] + w[k + 1 :]
    else:
        w = w[:k] + rng.choice("aeiou") + w[k + 1 :]
    words[i] = w
    return " ".join(words)


def statement(rng: random.Random, org: Org, opener: str, obj: str, locus: str | None) -> str:
    """opener + the standard object in the organisation's style + the locus (a name, as written)."""
    if locus and rng.random() >= VARIATION["locus_in_statement"]:
        locus = None
    if locus and "{locus}" not in obj:
        obj += " di {locus}"
    return vary(rng, org, f"{opener} {fill(styled(org, obj), org, locus)}")


def indicator_name(rng: random.Random, org: Org, template: str, locus: str | None) -> str:
    name = styled(org, template)
    return vary(rng, org, fill(name[0].upper() + name[1:], org, locus))


def targets(rng: random.Random, org: Org, unit: str, polarity_lower: bool) -> dict[str, str]:
    if unit == "%":
        base, step = rng.randint(55, 90), rng.randint(1, 4)
        values = [min(100, base + i * step) for i in range(len(PERIOD))]
        return {str(y): org.percent.format(v=v) for y, v in zip(PERIOD, values, strict=True)}
    if unit in ("indeks", "nilai", "skor"):
        start, rise = rng.choice([(3.0, 0.1), (70.0, 1.5), (80.0, 1.0)])
        scores = [start + i * rise for i in range(len(PERIOD))]
        decimal = [f"{v:.2f}".rstrip("0").rstrip(".").replace(".", ",") for v in scores]  # decimal comma
        return dict(zip(map(str, PERIOD), decimal, strict=True))
    if polarity_lower:
        high = rng.randint(80, 200)
        return {str(y): str(high - i * rng.randint(2, 8)) for i, y in enumerate(PERIOD)}
    if unit == "opini":
        return {str(y): "WTP" for y in PERIOD}
    count, grow = rng.choice([1, 1, 2, 4, 12, 25]), rng.random() < 0.4
    with_unit = rng.random() < 0.5
    return {
        str(y): (f"{count + i * grow} {unit}" if with_unit else str(count + i * grow)) for i, y in enumerate(PERIOD)
    }


def indicator(rng: random.Random, org: Org, spec: tuple, locus: str | None, rank: int) -> dict:
    name, unit, formula, source = spec[:4]
    calc = spec[4] if len(spec) > 4 else "kumulatif"
    lower = name.lower().startswith(("angka kematian", "prevalensi", "indeks risiko"))
    out: dict[str, Any] = {
        "name": indicator_name(rng, org, name, locus),
        "formula": fill(formula, org, locus),
        "unit": unit,
        "calculation": calc,
        "source": fill(source, org, locus),
    }
    if lower:
        out["polarity"] = "lower"
    out["targets"] = targets(rng, org, unit, lower)
    d = DEFECTS
    r = rng.random()
    if r < d["no_formula"]:
        del out["formula"]
    elif r < d["no_formula"] + d["formula_is_name"]:
        out["formula"] = out["name"]
    elif r < d["no_formula"] + d["formula_is_name"] + d["placeholder_formula"]:
        out["formula"] = rng.choice(["-", "0", "tidak ada"])
    r = rng.random()
    if r < d["no_source"]:
        del out["source"]
    elif r < d["no_source"] + d["stray_source"]:
        out["source"] = rng.choice(["s", "-", "ada"])
    r = rng.random()
    if r < d["no_unit"]:
        del out["unit"]
    elif r < d["no_unit"] + d["unit_disagrees"] and unit == "%":
        out["targets"] = {y: f"{rng.randint(1, 4)} Dokumen" for y in out["targets"]}
    r = rng.random()
    years = out["targets"]
    if r < d["missing_year"]:
        del years[str(PERIOD[rng.randrange(1, len(PERIOD))])]
    elif r < d["missing_year"] + d["range_target"]:
        y = str(PERIOD[rng.randrange(len(PERIOD))])
        years[y] = f"{rng.randint(60, 80)}-{rng.randint(81, 95)}"
    elif r < d["missing_year"] + d["range_target"] + d["falling_target"] and not lower:
        values = list(years.values())
        out["targets"] = dict(zip(years, reversed(values), strict=True))
    return out


# --- the cascade -----------------------------------------------------------------------------------------------


class Builder:
    def __init__(self, goals: int, seed: int, organisations: int | None) -> None:
        self.rng = random.Random(seed)
        self.sizes = level_sizes(goals, organisations)
        n_orgs = organisations or max(1, round(self.sizes[1] / 3))
        self.orgs = make_orgs(self.rng, n_orgs)
        self.nodes: list[dict] = []
        self.stats: dict[str, Any] = {"goals": 0, "indicators": 0, "defects": {}}
        self._orders: dict[str, list[int]] = {}

    def count(self, defect: str) -> None:
        self.stats["defects"][defect] = self.stats["defects"].get(defect, 0) + 1

    def build(self) -> list[dict]:
        rng, sizes = self.rng, self.sizes
        # each level's children shared among the level above it
        kids = [
            [sizes[1]],
            share(rng, sizes[2], sizes[1], zero=0.0, one=0.0),
            share(rng, sizes[3], sizes[2], zero=DEFECTS["outcome_leaf"], one=DEFECTS["single_child"]),
            share(rng, sizes[4], sizes[3], zero=0.0, one=DEFECTS["single_child"]),
        ]
        owners = share(rng, sizes[1], len(self.orgs), spread=0.5)
        owners = [max(1, c) for c in owners]
        while sum(owners) > sizes[1]:
            owners[owners.index(max(owners))] -= 1
        org_of_first = [org for org, c in zip(self.orgs, owners, strict=True) for _ in range(c)]
        org_of_first += [self.orgs[-1]] * (sizes[1] - len(org_of_first))
        cursors = [0, 0, 0, 0]
        root: dict[str, Any] = {
            "id": "1",
            "statement": f"Meningkatnya kualitas tata kelola pemerintahan dan pelayanan publik {W.KABUPATEN}",
            "level": "Tujuan",
            "owner": "Sekretaris Daerah",
            "indicators": [
                {
                    "name": "Indeks Reformasi Birokrasi",
                    "formula": "Nilai hasil evaluasi reformasi birokrasi oleh Kementerian PANRB",
                    "unit": "indeks",
                    "calculation": "non-kumulatif",
                    "source": "LHE Reformasi Birokrasi",
                    "targets": {str(y): f"{65 + 2 * i}" for i, y in enumerate(PERIOD)},
                }
            ],
        }
        self.nodes.append(root)
        self.stats["goals"] += 1
        self.stats["indicators"] += 1
        first = 0  # the next level-1 goal, for its organisation
        # depth first, in outline order (a goal, then the goals under it), without recursion: the stack holds
        # the children still to be made, (parent, rank, organisation, program or kegiatan, locus, number)
        todo: list[tuple[Any, ...]] = [(root, 1, None, None, None, k, kids[0][0]) for k in reversed(range(kids[0][0]))]
        while todo:
            parent, rank, org, element, locus, k, n = todo.pop()
            if rank == 1:
                org = org_of_first[first]
                first += 1
            node, child_element, child_locus = self.goal(parent, rank, k, n, org, element, locus)
            self.nodes.append(node)
            if rank < 4:
                count = kids[rank][cursors[rank]]
                cursors[rank] += 1
                todo.extend((node, rank + 1, org, child_element, child_locus, j, count) for j in reversed(range(count)))
        self.defects()
        return self.nodes

    def pick(self, parent: str, k: int, n: int, options: list) -> tuple[Any, bool]:
        """The k-th of n children of `parent` takes the options in a shuffled order, each once before any comes
        again; (the option, whether it came before)."""
        order = self._orders.get(parent)
        if order is None:
            order = self._orders[parent] = self.rng.sample(range(len(options)), len(options))
        if k >= n - 1:
            del self._orders[parent]
        return options[order[k % len(order)]], k >= len(order)

    def where(self, org: Org, element, inherited: str | None, rank: int, again: bool) -> str | None:
        """The locus of a goal: the supporting program's goals name at most the organisation itself; other goals
        keep their parent's locus, or name one (always when their element came before under the same parent)."""
        rng = self.rng
        if id(element) in SUPPORT_PARTS:
            r = rng.random()
            if r < VARIATION["own_name"]:
                return org.name
            return org.units[rng.randrange(len(org.units))] if r < VARIATION["own_name"] + VARIATION["unit"] else None
        if inherited is not None and not again:
            return inherited
        if again or rng.random() < LOCUS[rank]:
            return org.loci[rng.randrange(len(org.loci))]
        return None

    def goal(self, parent: dict, rank: int, k: int, n: int, org: Org, element: Any, locus: str | None):
        rng = self.rng
        node_id = f"{parent['id']}.{k + 1}"
        derived = None
        if rank == 1:
            obj, spec = org.outcomes[(len(org.goals)) % len(org.outcomes)]
            org.goals.append(node_id)
            new_locus = None
            text = statement(rng, org, rng.choice(W.OUTCOME_OPENERS), obj, None)
            specs, child_element = [spec], None
            owner = org.head
        elif rank == 2:
            program, again = self.pick(parent["id"], k, n, org.programs)
            new_locus = self.where(org, program, None, rank, again)
            opener = rng.choice(W.OUTCOME_OPENERS)
            if rng.random() < DEFECTS["activity_outcome"]:
                opener = rng.choice(W.ACTIVITY_OPENERS)
                self.count("activity_outcome")
            text = statement(rng, org, opener, program[1], new_locus)
            specs, child_element = program[2], program
            if rng.random() < DEFECTS["output_indicator_high"]:
                specs = program[3][rng.randrange(len(program[3]))][2]
                self.count("output_indicator_high")
            owner = org.tactical[rng.randrange(len(org.tactical))]
        else:
            item, again = self.pick(parent["id"], k, n, element[3])
            if again and id(element) in SUPPORT_PARTS:  # a supporting sub kegiatan filed under another kegiatan
                options = [sub for keg in W.SUPPORT[3] for sub in keg[3]] if rank == 4 else W.SUPPORT[3]
                item = options[rng.randrange(len(options))]
            new_locus = self.where(org, item, locus, rank, again)
            text = statement(rng, org, item[1], item[0], new_locus)
            specs, child_element = item[2], (item if rank == 3 else None)
            holders = org.operational if rank == 3 else org.staff
            owner = holders[rng.randrange(len(holders))]
            derived = item[0]
        node: dict[str, Any] = {"id": node_id, "statement": text, "level": org.labels[rank], "parent": parent["id"]}
        r = rng.random()
        if rank >= 3 and r < DEFECTS["no_owner"]:
            self.count("no_owner")
        elif rank >= 3 and r < DEFECTS["no_owner"] + DEFECTS["placeholder_owner"]:
            node["owner"] = rng.choice(W.OWNER_PLACEHOLDERS)
            self.count("placeholder_owner")
        elif rank == 2 and r < DEFECTS["low_owner"]:
            node["owner"] = rng.choice(org.staff)
            self.count("low_owner")
        else:
            node["owner"] = owner
        chosen = [specs[0]]
        pool = list(specs[1:]) + [W.REALISASI]
        if derived is not None:  # indicators made up from the activity's name, as planners do
            pool += [tuple(part.format(x=derived.lower()) for part in spec) for spec in W.DERIVED]
        if rng.random() < VARIATION["second_indicator"]:
            chosen.append(pool[rng.randrange(len(pool))])
            if rng.random() < VARIATION["third_indicator"] / VARIATION["second_indicator"] and len(pool) > 1:
                chosen.append(pool[rng.randrange(len(pool))])
        node["indicators"] = [indicator(rng, org, spec, new_locus, rank) for spec in dict.fromkeys(chosen)]
        if rank <= 2 and rng.random() < DEFECTS["crosscutting"]:
            node["crosscutting"] = self.crosscutting(org)
        self.stats["goals"] += 1
        self.stats["indicators"] += len(node["indicators"])
        return node, child_element, new_locus

    def crosscutting(self, org: Org) -> list[str]:
        rng = self.rng
        links = []
        for _ in range(rng.choice([1, 1, 2])):
            others = [o for o in self.orgs if o is not org and o.goals]
            if others and rng.random() < 0.5:
                other = rng.choice(others)
                if rng.random() < DEFECTS["stale_crosscutting"]:
                    links.append(f"{other.key}#{other.goals[0]}.99")
                    self.count("stale_crosscutting")
                else:
                    links.append(f"{other.key}#{rng.choice(other.goals)}")
            else:
                links.append(rng.choice(W.PARTNERS))
        return list(dict.fromkeys(links))

    def defects(self) -> None:
        """Defects that concern several goals: placed once the tree exists."""
        rng, nodes = self.rng, self.nodes
        by_rank: dict[int, list[int]] = {}
        for i, node in enumerate(nodes):
            by_rank.setdefault(node["id"].count("."), []).append(i)
        total = len(nodes)
        for i in rng.sample(range(1, total), max(0, round(total * DEFECTS["label_off"]))):
            node = nodes[i]
            rank = node["id"].count(".")
            org_labels = next((s for s in W.LEVEL_STYLES if s[rank] == node["level"]), W.LEVEL_STYLES[0])
            node["level"] = org_labels[rank + 1 if rank < 4 else rank - 1]
            self.count("label_off")
        deep = by_rank.get(3, []) + by_rank.get(4, [])
        for i in rng.sample(deep, min(len(deep), round(total * DEFECTS["dangling_parent"]))):
            nodes[i]["parent"] = nodes[i]["parent"] + ".999"
            self.count("dangling_parent")
        id_at = {node["id"]: j for j, node in enumerate(nodes)}
        for i in rng.sample(by_rank.get(3, []), min(len(by_rank.get(3, [])), round(total * DEFECTS["restated_child"]))):
            parent = nodes[id_at.get(nodes[i]["parent"], 0)]
            nodes[i]["statement"] = parent["statement"]
            nodes[i]["indicators"] = json.loads(json.dumps(parent["indicators"]))
            self.count("restated_child")
        for i in rng.sample(range(1, total), min(total - 1, max(0, round(total * DEFECTS["neighbour_name"])))):
            nodes[i]["statement"] += f" {rng.choice(W.NEIGHBOURS)}"
            self.count("neighbour_name")
        # indicators that belong to no goal (rows with an owner and an indicator but no statement)
        for j in range(max(0, round(total * DEFECTS["loose_indicator"]))):
            org = rng.choice(self.orgs)
            spec = rng.choice(W.SUPPORT[3])[2][0]
            nodes.append(
                {
                    "id": f"L{j + 1}",
                    "owner": rng.choice(org.staff),
                    "indicators": [indicator(rng, org, spec, None, 4)],
                }
            )
            self.count("loose_indicator")
        # one small circle between two leaves
        leaves = by_rank.get(4, [])
        if len(leaves) >= 2:
            a, b = nodes[leaves[-1]], nodes[leaves[-2]]
            a["parent"], b["parent"] = b["id"], a["id"]
            self.count("circle")


def generate(goals: int, seed: int = 1, organisations: int | None = None) -> tuple[dict, dict, list[Org]]:
    """(the Pemda-wide cascade document, its statistics, its organisations)."""
    builder = Builder(goals, seed, organisations)
    nodes = builder.build()
    doc = {
        "kinerja": 1,
        "organisation": {"name": f"Pemerintah {W.KABUPATEN}", "type": "kabupaten", "id": "tanah-sentosa"},
        "period": [PERIOD[0], PERIOD[-1]],
        "source": f"benchmarks/gen_pemda.py --goals {goals} --seed {seed}"
        + (f" --organisations {organisations}" if organisations else ""),
        "nodes": nodes,
    }
    stats = builder.stats
    stats["levels"] = builder.sizes
    stats["organisations"] = len(builder.orgs)
    stats["distinct_statements"] = len({n["statement"] for n in nodes if "statement" in n})
    stats["distinct_indicator_names"] = len({i["name"] for n in nodes for i in n.get("indicators", ())})
    stats["distinct_groups"] = stats["distinct_statements"] + stats["distinct_indicator_names"]
    return doc, stats, builder.orgs


def split(doc: dict, orgs: list[Org]) -> list[dict]:
    """One cascade per organisation: its own tujuan over its level-1 goals and everything under them."""
    nodes = doc["nodes"]
    owner_of = {}
    for org in orgs:
        for g in org.goals:
            owner_of[g] = org
    docs: dict[str, dict[str, Any]] = {}
    for org in orgs:
        docs[org.key] = {
            "kinerja": 1,
            "organisation": {"name": org.name, "type": org.type, "id": org.key},
            "period": doc["period"],
            "source": doc["source"],
            "nodes": [
                {
                    "id": "1",
                    "statement": f"Terwujudnya kinerja {org.name} yang akuntabel",
                    "level": org.labels[0],
                    "owner": org.head,
                    "indicators": [
                        {
                            "name": W.SAKIP[0],
                            "formula": W.SAKIP[2],
                            "unit": W.SAKIP[1],
                            "calculation": W.SAKIP[4],
                            "source": W.SAKIP[3],
                            "targets": {str(y): str(60 + 2 * i) for i, y in enumerate(PERIOD)},
                        }
                    ],
                }
            ],
        }
    loose = []
    for node in nodes[1:]:
        if "statement" not in node:
            loose.append(node)
            continue
        holder = owner_of.get(".".join(node["id"].split(".")[:2]))
        if holder is not None:
            docs[holder.key]["nodes"].append(node)
    for j, node in enumerate(loose):
        docs[orgs[j % len(orgs)].key]["nodes"].append(node)
    return list(docs.values())


# --- files ------------------------------------------------------------------------------------------------------

NODE_COLUMNS = ["id", "parent", "level", "statement", "owner", "crosscutting"]
INDICATOR_COLUMNS = ["indicator", "formula", "unit", "calculation", "polarity", "source", "indicator_notes"]
DOCUMENT_COLUMNS = ["organisation", "organisation_type", "organisation_id", "period", "source_document"]


def dumps_json(doc: dict) -> str:
    """As `kinerja convert` writes JSON."""
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _cell(text: str) -> str:
    """A generated text as a CSV cell of `kinerja convert` (its texts never need cells.py's escapes, but a
    placeholder "-" is written so that no spreadsheet runs it as a formula)."""
    return "'" + text if text[:1] in "=+-@" and text else text


def dumps_csv(doc: dict) -> str:
    """As `kinerja convert` writes CSV: one plain table (commas, a BOM, CR LF), one whole row per (goal,
    indicator), targets by year, the document's fields as the last columns."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=",", lineterminator="\r\n")
    years = [str(y) for y in range(doc["period"][0], doc["period"][-1] + 1)]
    writer.writerow(NODE_COLUMNS + INDICATOR_COLUMNS + [f"target_{y}" for y in years] + DOCUMENT_COLUMNS)
    org = doc["organisation"]
    tail = [org["name"], org["type"], org["id"], f"{doc['period'][0]}-{doc['period'][-1]}", doc["source"]]
    rows = []
    for n in doc["nodes"]:
        head = [
            n["id"],
            n.get("parent", ""),
            n.get("level", ""),
            _cell(n.get("statement", "")),
            _cell(n.get("owner", "")),
            "; ".join(n.get("crosscutting", ())),
        ]
        for ind in n.get("indicators") or ():
            targets = ind.get("targets", {})
            rows.append(
                head
                + [_cell(ind["name"])]
                + [_cell(ind.get(f, "")) for f in ("formula", "unit", "calculation", "polarity", "source")]
                + [""]
                + [_cell(targets.get(y, "")) for y in years]
                + tail
            )
    writer.writerows(rows)
    return "\ufeff" + buf.getvalue()


def _write(path: Path, text: str) -> None:
    """Whole or not at all (an interrupted run leaves no half file to be reused)."""
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8", newline="")
    partial.replace(path)


def convert(source: Path, target: Path) -> None:
    """Through the tool's own writer (into a partial file first, as _write)."""
    partial = target.with_name(target.stem + ".partial" + target.suffix)
    subprocess.run(
        [sys.executable, "-m", "kinerja_graph", "convert", str(source), str(partial)],
        check=True,
        cwd=str(ROOT),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    partial.replace(target)


def write(
    goals: int,
    seed: int,
    out: Path,
    formats: tuple[str, ...] = ("csv", "json"),
    organisations: int | None = None,
    split_orgs: bool = False,
) -> tuple[dict[str, Path], dict]:
    """Generate and write; returns ({format: path}, statistics). Files already written for the same arguments
    are kept (the generator is deterministic)."""
    out.mkdir(parents=True, exist_ok=True)
    stem = f"pemda-{goals}-s{seed}" + (f"-o{organisations}" if organisations else "")
    paths = {fmt: out / f"{stem}.{fmt}" for fmt in formats}
    stats_path = out / f"{stem}.stats.json"
    orgs_dir = out / f"{stem}-orgs"
    json_path = out / f"{stem}.json"
    needed = (
        not json_path.exists()
        or not stats_path.exists()
        or ("csv" in paths and not paths["csv"].exists())
        or (split_orgs and not orgs_dir.exists())
    )
    if needed:
        doc, stats, orgs = generate(goals, seed, organisations)
        if not json_path.exists():
            _write(json_path, dumps_json(doc))
        if "csv" in paths and not paths["csv"].exists():
            _write(paths["csv"], dumps_csv(doc))
        if split_orgs and not orgs_dir.exists():
            partial = orgs_dir.with_name(orgs_dir.name + ".partial")
            shutil.rmtree(partial, ignore_errors=True)
            partial.mkdir()
            for sub in split(doc, orgs):
                _write(partial / f"{sub['organisation']['id']}.csv", dumps_csv(sub))
            partial.rename(orgs_dir)
        _write(stats_path, json.dumps(stats, indent=1) + "\n")
        del doc
    for fmt in ("yaml", "xlsx"):
        if fmt in paths and not paths[fmt].exists():
            convert(json_path, paths[fmt])
    if split_orgs:
        paths["orgs"] = orgs_dir
    return paths, json.loads(stats_path.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--goals", type=lambda s: int(float(s.replace("_", ""))), default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--organisations", type=int, default=None, help="default: about one per three sasaran")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    parser.add_argument("--formats", default="csv,json", help="any of csv,json,yaml,xlsx")
    parser.add_argument("--split", action="store_true", help="also one CSV per organisation")
    args = parser.parse_args(argv)
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    paths, stats = write(args.goals, args.seed, args.out, formats, args.organisations, args.split)
    for fmt, path in paths.items():
        print(f"{fmt:5} {path}")
    print(json.dumps(stats, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
