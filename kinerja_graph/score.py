"""The report's quality score: this tool's own estimate of how clean a cascade is, out of 100.

Not a nilai SAKIP and not an LKE result (PermenPANRB 88/2021): every page that shows the number says
so. Its parameters are policy, in rules/score.yaml (validated by schemas/score.schema.json); the
formula, in short (docs/report.md ("The quality score") explains it):

    penalty(area)  = sum of severity_weights[f.severity] over the area's findings
                     (a finding on no goal counts whole_cascade x size(area) times)
    density(area)  = penalty(area) / size(area)         size: goals, indicators or nodes
    sub-score      = 100 x 0.5 ** (density / half_density)
    score          = sub-scores averaged with the area weights, over the areas whose rules ran

Only the findings that remain count: silenced ones do not. An area none of whose rules ran (the run
was narrowed with --select/--ignore, or a rule broke) has no sub-score and stays out of the average.
The computation is linear in the number of findings.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kinerja_graph import checks, policy
from kinerja_graph.errors import PolicyError
from kinerja_graph.findings import AREAS, SEVERITIES, Finding

SCHEMA = "score.schema.json"


@dataclass(frozen=True)
class AreaPolicy:
    name: dict  # {"id": ..., "en": ...}
    size: str  # "goals", "indicators" or "nodes"
    weight: float


@dataclass(frozen=True)
class ScorePolicy:
    severity_weights: dict[str, float]
    half_density: float
    whole_cascade: float
    areas: dict[str, AreaPolicy]
    lke: dict[str, dict] = field(default_factory=dict)  # criterion -> short name {"id", "en"}
    diagram_max_goals: int = 3000  # the report draws no diagram above this many goals
    path: str = ""

    def lke_name(self, criterion: str | None, lang: str = "id") -> str | None:
        entry = self.lke.get(criterion or "")
        return (entry.get(lang) or entry.get("en")) if entry else None

    def area_name(self, area: str, lang: str = "id") -> str:
        entry = self.areas.get(area)
        return (entry.name.get(lang) or entry.name.get("en") or area) if entry else area


def load_score_policy(path: str | Path | None = None) -> ScorePolicy:
    """rules/score.yaml (or `path`), validated; a PolicyError names the file and key of each problem."""
    if path is None:
        return _default_policy()
    return _read(Path(path))


@functools.cache
def _default_policy() -> ScorePolicy:
    return _read(policy.rules_dir() / "score.yaml")


def _read(path: Path) -> ScorePolicy:
    data = policy.load_policy_file(path, SCHEMA)
    areas = {a: AreaPolicy(dict(v["name"]), v["size"], float(v["weight"])) for a, v in data["areas"].items()}
    if sum(a.weight for a in areas.values()) <= 0:
        raise PolicyError(f"{path}: areas: at least one area needs a weight above 0")
    return ScorePolicy(
        severity_weights={k: float(v) for k, v in data["severity_weights"].items()},
        half_density=float(data["half_density"]),
        whole_cascade=float(data["whole_cascade"]),
        areas=areas,
        lke={str(k): dict(v) for k, v in (data.get("lke") or {}).items()},
        diagram_max_goals=int((data.get("report") or {}).get("diagram_max_goals", 3000)),
        path=str(path),
    )


@dataclass(frozen=True)
class Sizes:
    """What findings are counted against: goals (statements); nodes (goals + indicators without a
    goal); indicators (every indicator, plus one per goal that has none: the indicator it lacks)."""

    goals: int
    indicators: int
    nodes: int
    goals_without_indicator: int = 0

    def of(self, what: str) -> int:
        if what == "indicators":
            return max(1, self.indicators + self.goals_without_indicator)
        return max(1, getattr(self, what))


def sizes_of(G: nx.DiGraph) -> Sizes:
    goals = nodes = indicators = bare = 0
    for _, d in G.nodes(data=True):
        kind = d.get("kind")
        if kind == "crosscutting":
            continue
        nodes += 1
        count = len(d.get("indicators") or ())
        if kind == "goal":
            goals += 1
            bare += count == 0
        indicators += count
    return Sizes(goals, indicators, nodes, bare)


@dataclass
class AreaScore:
    area: str
    checked: bool  # did any rule of this area run?
    score: float | None  # None when not checked
    penalty: float = 0.0
    size: int = 1
    counts: dict[str, int] = field(default_factory=lambda: {s: 0 for s in SEVERITIES})

    @property
    def rounded(self) -> int | None:
        return None if self.score is None else int(round(self.score))

    @property
    def density(self) -> float:
        return self.penalty / self.size if self.size else 0.0


@dataclass
class Score:
    overall: float | None  # None when no area was checked
    areas: dict[str, AreaScore]
    sizes: Sizes
    policy: ScorePolicy

    @property
    def rounded(self) -> int | None:
        return None if self.overall is None else int(round(self.overall))

    def to_dict(self) -> dict:
        return {
            "score": self.rounded,
            "areas": {a: s.rounded for a, s in self.areas.items()},
            "sizes": {"goals": self.sizes.goals, "indicators": self.sizes.indicators, "nodes": self.sizes.nodes},
        }


def sub_score(density: float, half_density: float) -> float:
    """100 for no finding; halves every `half_density` weighted findings per item."""
    return 100.0 * 0.5 ** (max(0.0, density) / half_density)


def compute(
    findings: Iterable[Finding], sizes: Sizes, rules_run: Iterable[str], score_policy: ScorePolicy | None = None
) -> Score:
    """The score of one cascade from the findings that remain (not the silenced ones)."""
    sp = score_policy or load_score_policy()
    registry = checks.all_rules()
    checked_areas = {registry[r].area for r in rules_run if r in registry}
    areas: dict[str, AreaScore] = {}
    for area in AREAS:
        ap = sp.areas.get(area)
        size = sizes.of(ap.size) if ap else 1
        areas[area] = AreaScore(area, area in checked_areas, None, 0.0, size)
    for f in findings:
        a = areas.get(f.area)
        if a is None:
            continue
        a.counts[f.severity] = a.counts.get(f.severity, 0) + 1
        weight = sp.severity_weights.get(f.severity, 0.0)
        a.penalty += weight * (sp.whole_cascade * a.size if f.node is None else 1.0)
        a.checked = True  # a finding proves a rule of this area ran
    total = weights = 0.0
    for area, a in areas.items():
        if not a.checked:
            continue
        a.score = sub_score(a.density, sp.half_density)
        w = sp.areas[area].weight if area in sp.areas else 0.0
        total += w * a.score
        weights += w
    overall = total / weights if weights > 0 else None
    return Score(overall, areas, sizes, sp)


def score_graph(G: nx.DiGraph, file_report, score_policy: ScorePolicy | None = None) -> Score:
    """The score of the cascade in G given what the checker found in it (an engine.FileReport)."""
    failed = {e.rule for e in file_report.errors if e.kind == "internal" and e.rule}
    ran = [r for r in file_report.rules if r not in failed]
    return compute(file_report.findings, sizes_of(G), ran, score_policy)
