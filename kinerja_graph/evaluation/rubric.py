"""The evaluation's policy: rules/evaluation.yaml (validated by schemas/evaluation.schema.json), read once.

Which LKE criteria a cascade can evidence, what each looks at, which rules bear on it, the bands that turn a
share into an LKE step and the weights of the score. docs/evaluation.md explains and defends the numbers.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from kinerja_graph import policy
from kinerja_graph.errors import PolicyError
from kinerja_graph.evaluation.model import NO, PARTLY, YES

SCHEMA = "evaluation.schema.json"
FILE = "evaluation.yaml"


@dataclass(frozen=True)
class Cap:
    """The most a criterion is worth when the cascade lacks a structure (`unless`)."""

    unless: str  # strategic | strategic_root | operational | links
    value: float


@dataclass(frozen=True)
class Criterion:
    """One criterion of rules/evaluation.yaml, with its weight worked out."""

    id: str
    title: Mapping[str, str]
    subcomponent: str
    evidence: str
    population: str  # goals | nodes | indicators | cascade
    levels: tuple[str, ...]
    tests: tuple[str, ...]
    requires: str | None
    rules: tuple[str, ...]
    caps: tuple[Cap, ...]
    weight: float  # LKE points of the criterion x how much of its evidence a cascade is
    rests_on: tuple[str, ...] = ()  # fields whose inference makes an item count basis_weight either way
    notes_only: tuple[str, ...] = ()  # rules the criterion takes in its notes without failing an item
    bands: tuple[tuple[float, float], ...] = ()  # the criterion's own rubric steps; () for the rubric's

    def title_in(self, lang: str) -> str:
        return self.title.get(lang) or self.title["en"]

    def holds_level(self, level: str | None) -> bool:
        """Does the criterion's population take goals of `level`? (every level when it names none)"""
        return not self.levels or level in self.levels


@dataclass(frozen=True)
class Rubric:
    criteria: tuple[Criterion, ...]
    bands: tuple[tuple[float, float], ...]  # (share reached, value), highest share first
    basis_weight: float
    failing: frozenset[str]  # the severities that fail an item
    unassessed_value: float = 0.0  # what a criterion without evidence is worth in the score
    groups: frozenset[str] = frozenset()  # rules whose findings name a group of goals alike
    path: str = ""
    # (rule, its LKE criterion) -> `routes`, worked out once (asked for each finding by every criterion)
    _routes: dict[tuple[str, str | None], list[Criterion]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def criterion(self, criterion_id: str) -> Criterion | None:
        return next((c for c in self.criteria if c.id == criterion_id), None)

    def value_of(self, share: float, criterion: Criterion | None = None) -> float:
        """The LKE step a share reaches: the value of the first band it reaches (the criterion's own bands
        when it has them); 0 for a share of 0."""
        if share <= 0:
            return 0.0
        for least, value in criterion.bands if criterion is not None and criterion.bands else self.bands:
            if share >= least - 1e-9:
                return value
        return 0.0

    @staticmethod
    def answer_of(value: float) -> str:
        """Y for the full value, T for none, Sebagian between."""
        if value >= 1.0 - 1e-9:
            return YES
        return NO if value <= 1e-9 else PARTLY

    def with_weights(self, weights: Mapping[str, float]) -> Rubric:
        """The same rubric with some criteria's weights replaced (criterion id -> weight): for the
        robustness check of docs/evaluation.md."""
        return replace(self, criteria=tuple(replace(c, weight=weights.get(c.id, c.weight)) for c in self.criteria))

    def rules_of(self, criterion: Criterion, registry: Mapping[str, object]) -> list[str]:
        """The rules of `registry` that bear on `criterion`: those it lists, and those listed nowhere whose
        own LKE criterion it is."""
        listed = {r for c in self.criteria for r in (*c.rules, *c.notes_only)}
        own = [r for r in criterion.rules if r in registry]
        own += [r for r, rule in registry.items() if r not in listed and getattr(rule, "lke", None) == criterion.id]
        return own

    def routes(self, rule: str, lke: str | None) -> list[Criterion]:
        """The criteria a rule's findings bear on: those that list it, else the one of the rule's own LKE
        criterion (a rule the evaluation does not name yet still counts where the rule says it belongs).
        The list is shared between calls: not to be changed."""
        key = (rule, lke)
        got = self._routes.get(key)
        if got is None:
            got = self._routes[key] = self._route(rule, lke)
        return got

    def _route(self, rule: str, lke: str | None) -> list[Criterion]:
        listed = [c for c in self.criteria if rule in c.rules or rule in c.notes_only]
        if listed:
            return listed
        own = self.criterion(lke) if lke else None
        return [own] if own is not None else []


def load_rubric(path: str | Path | None = None) -> Rubric:
    """rules/evaluation.yaml (or `path`), validated; a PolicyError names the file and key of each problem."""
    return _default() if path is None else _read(Path(path))


@functools.cache
def _default() -> Rubric:
    return _read(policy.rules_dir() / FILE)


def _read(path: Path) -> Rubric:
    data = policy.load_policy_file(path, SCHEMA)
    problems: list[str] = []
    subcomponents = data["subcomponents"]
    relevance = data["evidence"]
    criteria: list[Criterion] = []
    seen: set[str] = set()
    for i, entry in enumerate(data["criteria"]):
        cid = entry["id"]
        if cid in seen:
            problems.append(f"{path}: criteria/{i}/id: {cid} is given twice")
        seen.add(cid)
        sub = subcomponents.get(entry["subcomponent"])
        if sub is None:
            problems.append(f"{path}: criteria/{i}/subcomponent: no sub-component {entry['subcomponent']!r}")
            continue
        population = entry["population"]
        if population == "cascade" and entry.get("levels"):
            problems.append(f"{path}: criteria/{i}/levels: a criterion on the whole cascade takes no levels")
        criteria.append(
            Criterion(
                id=cid,
                title=dict(entry["title"]),
                subcomponent=entry["subcomponent"],
                evidence=entry["evidence"],
                population=population,
                levels=tuple(entry.get("levels") or ()),
                tests=tuple(entry.get("tests") or ()),
                requires=entry.get("requires"),
                rules=tuple(entry.get("rules") or ()),
                caps=tuple(Cap(c["unless"], float(c["value"])) for c in entry.get("caps") or ()),
                weight=float(sub["points"]) / int(sub["criteria"]) * float(relevance[entry["evidence"]]),
                rests_on=tuple(entry.get("rests_on") or ()),
                notes_only=tuple(entry.get("notes_only") or ()),
                bands=_bands(entry.get("bands") or [], f"{path}: criteria/{i}/bands", problems),
            )
        )
    bands = _bands(data["bands"], f"{path}: bands", problems)
    if not any(c.weight > 0 for c in criteria):
        problems.append(f"{path}: criteria: at least one criterion needs a weight above 0")
    if problems:
        raise PolicyError("\n".join(problems))
    return Rubric(
        criteria=tuple(criteria),
        bands=tuple(bands),
        basis_weight=float(data["basis_weight"]),
        failing=frozenset(data["failing_severities"]),
        unassessed_value=float(data["unassessed_value"]),
        groups=frozenset(data.get("groups") or ()),
        path=str(path),
    )


def _bands(entries: list, where: str, problems: list[str]) -> tuple[tuple[float, float], ...]:
    bands = [(float(b["share"]), float(b["value"])) for b in entries]
    if [s for s, _ in bands] != sorted((s for s, _ in bands), reverse=True):
        problems.append(f"{where}: list the bands from the highest share to the lowest")
    if [v for _, v in bands] != sorted((v for _, v in bands), reverse=True):
        problems.append(f"{where}: a higher share cannot be worth less than a lower one")
    return tuple(bands)
