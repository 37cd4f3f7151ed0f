"""The Perjanjian Kinerja (PK) / Indikator Kinerja Individu (IKI) tables that follow from a cascade,
format-neutral: positions, each with the goals it holds, their indicators and targets, and the goal
of the superior each contributes to. Writers (pk_xlsx.py, pk_docx.py) lay them out.

PermenPANRB 89/2021: the performance cascaded to a position is what that position agrees to in its PK
and measures by its IKI. So every owner (penanggung jawab) of the cascade is a position here, a joint
owner ("Kasi Pem & Lurah", "Camat/Sekcam") is split into each of its positions, and a goal with
several owners appears in the table of each. Goals without an owner are kept apart (`unowned`), so
that nothing disappears silently.

    tables = build(cascade)                      # every year of the cascade's period
    tables = build(cascade, year=2025)           # one year's targets
    for position in tables.positions:            # highest rank first (rules/pk.yaml)
        for entry in position.entries:           # the goals it holds, in document order
            entry.statement, entry.indicators, entry.superiors

The splitting words and the order of ranks are data: rules/pk.yaml (schema pk.schema.json); the
positions and their names are those of the owners vocabulary (rules/vocabulary/owners.yaml, or the
rule pack's own).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kinerja_graph import classify, policy
from kinerja_graph.errors import PolicyError
from kinerja_graph.model import Cascade, Indicator, Node, Organisation, Target

UNKNOWN = "unknown"
POLICY_FILE = "pk.yaml"
_OPEN, _CLOSE = "([", ")]"


# ------------------------------------------------------------------------------------ the policy


@dataclass(frozen=True)
class PkPolicy:
    separators: tuple[str, ...]
    words: tuple[str, ...]
    acting: frozenset[str]
    ranks: tuple[tuple[str, ...], ...]

    @functools.cached_property
    def cut(self) -> re.Pattern[str]:
        """Where an owner text may be cut: a separator anywhere, a word standing alone, a comma."""
        parts = [re.escape(s) for s in sorted(self.separators, key=len, reverse=True)]
        for word in self.words:
            parts.append(re.escape(word) if not word.isalnum() else rf"(?<![^\W_]){re.escape(word)}(?![^\W_])")
        return re.compile("|".join(parts) or r"(?!)", re.IGNORECASE)

    def rank_of(self, position: str) -> tuple[int, int]:
        """(rank, place within the rank) of a position id: its rank's index in `ranks`, 0 the highest;
        a position listed nowhere ranks with `unknown`."""
        for i, group in enumerate(self.ranks):
            if position in group:
                return i, group.index(position)
        return self.rank_of(UNKNOWN) if position != UNKNOWN else (len(self.ranks), 0)


def read_policy(data: Mapping) -> PkPolicy:
    split = data.get("split") or {}
    return PkPolicy(
        separators=tuple(split.get("separators") or ()),
        words=tuple(w.lower() for w in split.get("words") or ()),
        acting=frozenset(data.get("acting") or ()),
        ranks=tuple(tuple(group) for group in data.get("ranks") or ()),
    )


@functools.cache
def default_policy() -> PkPolicy:
    """rules/pk.yaml, validated."""
    return read_policy(policy.load_policy_file(policy.rules_dir() / POLICY_FILE, "pk.schema.json"))


# ------------------------------------------------------------------------------------ the model


@dataclass(frozen=True)
class IndicatorRow:
    name: str
    formula: str | None
    unit: str | None
    source: str | None
    targets: Mapping[int, str]  # year -> the target as written ("" when none)
    values: Mapping[int, float]  # year -> the target as a number, when it is a plain number ("85", "16,67")


@dataclass(frozen=True)
class Superior:
    """The goal an entry contributes to: its parent, with that parent's owner as written."""

    id: str
    statement: str | None  # None: the parent id names no goal of the cascade
    owner: str | None  # None: the parent has no owner
    found: bool = True


@dataclass(frozen=True)
class Entry:
    """One goal (or one indicator written without a goal) in a position's table."""

    id: str
    statement: str | None  # None: indicators without a goal
    level: str | None  # canonical level id
    owner: str | None  # as written in the cascade
    indicators: tuple[IndicatorRow, ...]
    superiors: tuple[Superior, ...]
    shared_with: tuple[str, ...] = ()  # the other positions holding it (their labels)
    ref: str | None = None  # where in the file (file:line / cell)


@dataclass
class Position:
    key: str  # the position as compared: normalised, acting words and brackets set aside
    label: str  # as the cascade writes it (its most frequent spelling)
    kind: str  # a position id of the owners vocabulary, or "unknown"
    rank: tuple[int, int]  # (rank, place within it) by rules/pk.yaml ranks: (0, 0) is the highest
    order: int  # where the cascade first names it
    written: list[str] = field(default_factory=list)  # every owner text that names it, as written
    entries: list[Entry] = field(default_factory=list)
    superior: str | None = None  # label of the position most of its goals contribute to

    @property
    def indicator_count(self) -> int:
        return sum(len(e.indicators) for e in self.entries)

    @property
    def shared_count(self) -> int:
        return sum(1 for e in self.entries if e.shared_with)


@dataclass
class PkTables:
    organisation: Organisation
    file: str
    years: tuple[int, ...]  # the target columns; () when the cascade has neither period nor targets
    period: tuple[int, ...]  # the cascade's own years
    positions: list[Position]
    unowned: list[Entry]

    @property
    def year_outside_period(self) -> bool:
        """A year was asked for that is not one of the cascade's years."""
        return bool(self.period) and any(y not in self.period for y in self.years)

    def rows(self) -> Iterable[tuple[Position | None, Entry, IndicatorRow | None]]:
        """Every table row, flat: (position or None for unowned, entry, indicator or None)."""
        for position in [*self.positions, None]:
            entries = position.entries if position is not None else self.unowned
            for entry in entries:
                for indicator in entry.indicators or (None,):
                    yield position, entry, indicator


# ------------------------------------------------------------------------------------ owners


@dataclass(frozen=True)
class OwnerPart:
    text: str  # as written, trimmed, brackets kept
    key: str
    label: str  # as written, brackets and surrounding separators removed
    kind: str


class OwnerSplitter:
    """Owner text -> the positions it names (OwnerPart), by rules/pk.yaml and the owners vocabulary."""

    def __init__(self, owners: Mapping, pk_policy: PkPolicy | None = None):
        self.policy = pk_policy or default_policy()
        self.resolver = classify.OwnerResolver(dict(owners))
        known = set(self.resolver.positions) | {UNKNOWN}
        for group in self.policy.ranks:
            for pid in group:
                if pid not in known:
                    raise PolicyError(
                        f"rules/{POLICY_FILE}: ranks name {pid!r}, which is no position of the owners vocabulary "
                        f"({', '.join(sorted(known))})"
                    )
        aliases: dict[str, list[str]] = {}
        self._exact: set[str] = set()
        for entry in owners.get("positions") or []:
            aliases[entry["id"]] = list(entry.get("aliases") or [])
            self._exact.update(" ".join(w for w, _ in classify.words(p)) for p in entry.get("exact") or [])
        self._aliases = classify.Lexicon(aliases, "owners vocabulary: aliases")
        self._cache: dict[str, tuple[OwnerPart, ...]] = {}

    def split(self, owner: object) -> tuple[OwnerPart, ...]:
        text = "" if owner is None else str(owner)
        found = self._cache.get(text)
        if found is None:
            found = self._cache[text] = tuple(self._split(text))
        return found

    def _tokens(self, text: str) -> list[str]:
        toks = [w for w, _ in classify.words(_without_brackets(text))]
        while toks and toks[0] in self.policy.acting:
            toks = toks[1:]
        return toks

    def begins_with_position(self, text: str) -> bool:
        toks = self._tokens(text)
        if not toks:
            return False
        if " ".join(toks) in self._exact:
            return True
        return self._aliases.match_at(toks, 0)[0] is not None

    def _split(self, text: str) -> list[OwnerPart]:
        depth = _bracket_depths(text)
        cuts = [(m.start(), m.end()) for m in self.policy.cut.finditer(text) if depth[m.start()] == 0]
        spans: list[list[int]] = []
        start = 0
        for a, b in [*cuts, (len(text), len(text))]:
            piece = text[start:a]
            if piece.strip() and (not spans or self.begins_with_position(piece)):
                spans.append([start, a])
            elif spans and piece.strip():
                spans[-1][1] = a  # joined back: "… Umum dan Kepeg"
            start = b
        parts, seen = [], set()
        for a, b in spans:
            part = self._part(text[a:b].strip(" \t\n,;&/+|-"))
            if part is not None and part.key not in seen:
                seen.add(part.key)
                parts.append(part)
        return parts

    def _part(self, written: str) -> OwnerPart | None:
        toks = self._tokens(written)
        if not toks:
            toks = [w for w, _ in classify.words(written)]  # "(Kasi Pem)": the position is in brackets
        if not toks:
            return None
        resolution = self.resolver.resolve(written)
        kind = resolution.positions[0] if resolution.positions else UNKNOWN
        label = " ".join(_without_brackets(written).split()).strip(" ,;:.-") or " ".join(written.split())
        return OwnerPart(written, " ".join(toks), label, kind)


def _bracket_depths(text: str) -> list[int]:
    depths, depth = [], 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
        depths.append(depth)
        if ch in _CLOSE and depth:
            depth -= 1
    depths.append(0)
    return depths


_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def _without_brackets(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, _BRACKETED.sub(" ", text)
    return text


# ------------------------------------------------------------------------------------ building


def _indicator_row(indicator: Indicator, years: tuple[int, ...]) -> IndicatorRow:
    targets = indicator.targets or {}
    return IndicatorRow(
        name=indicator.name,
        formula=indicator.formula,
        unit=classify.indicator_unit(indicator),
        source=indicator.source,
        targets={y: (targets[y].text if y in targets else "") for y in years},
        values=_plain_numbers(targets, years),
    )


def _plain_numbers(targets: Mapping[int, Target], years: tuple[int, ...]) -> dict[int, float]:
    """year -> the target as a number, for targets that are a plain number ("85", "16,67"; not "1 Dokumen")."""
    out = {}
    for year in years:
        target = targets.get(year)
        if target is not None and target.kind == "number" and not target.unit and target.value is not None:
            out[year] = target.value
    return out


def _is_owned(owner: str | None, placeholders: frozenset[str]) -> bool:
    if owner is None or not owner.strip():
        return False
    return " ".join(owner.lower().split()) not in placeholders


def build(
    cascade: Cascade,
    *,
    year: int | None = None,
    owners: Mapping | None = None,
    placeholders: Iterable[str] = (),
    pk_policy: PkPolicy | None = None,
) -> PkTables:
    """The PK/IKI tables of `cascade`: every position named as an owner, highest rank first.

    year          the one target year to show; default every year of the cascade
    owners        the owners vocabulary (default: the shipped rules/vocabulary/owners.yaml)
    placeholders  owner texts that mean "no owner" ("-", "belum ada"), compared in lower case
    """
    splitter = OwnerSplitter(owners if owners is not None else classify.default_vocabulary("owners"), pk_policy)
    empty = frozenset(" ".join(p.lower().split()) for p in placeholders)
    period = tuple(cascade.years)
    years = (year,) if year is not None else period
    by_id: dict[str, Node] = {}
    for node in cascade.nodes:
        by_id.setdefault(node.id, node)

    positions: dict[str, Position] = {}
    spellings: dict[str, Counter[str]] = {}
    unowned: list[Entry] = []
    held: list[tuple[Node, tuple[OwnerPart, ...]]] = []
    for node in cascade.nodes:
        if not node.is_goal and not node.indicators:
            continue
        parts = splitter.split(node.owner) if _is_owned(node.owner, empty) else ()
        held.append((node, parts))
        for part in parts:
            if part.key not in positions:
                positions[part.key] = Position(
                    part.key, part.label, part.kind, splitter.policy.rank_of(part.kind), len(positions)
                )
                spellings[part.key] = Counter()
            spellings[part.key][part.label] += 1
            if node.owner not in positions[part.key].written:
                positions[part.key].written.append(str(node.owner))
    for key, position in positions.items():
        # the most frequent spelling; on a tie the first written, a mixed-case one before ALL CAPS
        counts = spellings[key]
        position.label = max(counts, key=lambda s: (counts[s], not s.isupper(), -list(counts).index(s)))

    def superiors(node: Node) -> tuple[Superior, ...]:
        out = []
        for pid in node.parents:
            parent = by_id.get(pid)
            if parent is None:
                out.append(Superior(pid, None, None, found=False))
            else:
                owner = parent.owner if _is_owned(parent.owner, empty) else None
                out.append(Superior(pid, parent.statement, owner))
        return tuple(out)

    above: dict[str, Counter[str]] = {key: Counter() for key in positions}
    for node, parts in held:
        ref = str(node.location) if node.location else None
        base: dict[str, Any] = {
            "id": node.id,
            "statement": node.statement if node.is_goal else None,
            "level": node.level,
            "owner": node.owner,
            "indicators": tuple(_indicator_row(i, years) for i in node.indicators),
            "superiors": superiors(node),
            "ref": ref,
        }
        if not parts:
            unowned.append(Entry(**base))
            continue
        labels = {p.key: positions[p.key].label for p in parts}
        for part in parts:
            others = tuple(label for key, label in labels.items() if key != part.key)
            positions[part.key].entries.append(Entry(**base, shared_with=others))
            for sup in base["superiors"]:
                if sup.owner:
                    for up in splitter.split(sup.owner):
                        if up.key != part.key and up.key in positions:
                            above[part.key][up.key] += 1
    for key, position in positions.items():
        if above[key]:
            counts = above[key]
            best = min(counts, key=lambda k: (-counts[k], positions[k].rank, positions[k].order))
            position.superior = positions[best].label

    ordered = sorted(positions.values(), key=lambda p: (p.rank, p.order))
    return PkTables(cascade.organisation, cascade.file, years, period, ordered, unowned)


def owner_placeholders(pack_rules: Mapping) -> tuple[str, ...]:
    """The owner texts that mean "no owner": those of the pack's missing-owner rule (one policy for both)."""
    setting = pack_rules.get("missing-owner")
    options = getattr(setting, "options", None) or {}
    return tuple(str(p) for p in options.get("placeholders") or ())
