"""The diagram's policy data (rules/render.yaml): colours, sizes, paper, limits and its words in two languages."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from kinerja_graph import policy
from kinerja_graph.errors import PolicyError


@dataclass(frozen=True)
class Style:
    font: str
    font_size: float
    small_font_size: float
    band_font_size: float
    title_font_size: float
    wrap: int
    auto_split_goals: int
    timeout_seconds: float
    png_dpi: int
    print: dict
    findings: dict
    planning_notes: list
    colours: dict
    text: dict
    report_max_goals: int = 3000  # the HTML report draws no diagram above this many goals

    def t(self, key: str, lang: str = "id", **params) -> str:
        """A word or message of the diagram in `lang`, its {placeholders} filled from `params`."""
        entry = self.text[key]
        template = entry.get(lang) or entry["en"]
        return template.format(**params) if params else template

    def tier_colour(self, tier: str | None) -> str:
        if tier is None:
            return self.colours["no_level"]
        return self.colours["tiers"].get(tier, self.colours["no_level"])

    @property
    def min_text_pt(self) -> float:
        return float(self.print["min_text_pt"])

    @property
    def papers(self) -> tuple[str, ...]:
        return tuple(self.print["papers"])


@functools.cache
def load_style() -> Style:
    path = policy.rules_dir() / "render.yaml"
    data = policy.load_policy_file(path, "render.schema.json")
    missing = [t for t in policy.levels().tier_order() if t not in data["colours"]["tiers"]]
    if missing:
        raise PolicyError(f"{path}: colours/tiers: no colour for tier(s) {', '.join(missing)} of rules/levels.yaml")
    words = [w for w in data["findings"]["missing_rules"].values() if w not in data["text"]]
    if words:
        raise PolicyError(f"{path}: findings/missing_rules: no word {', '.join(words)} in text")
    words = [f"note_{k}" for k in data["planning_notes"] if f"note_{k}" not in data["text"]]
    if words:
        raise PolicyError(f"{path}: planning_notes: no word {', '.join(words)} in text")
    if data["print"]["paper"] not in data["print"]["papers"]:
        raise PolicyError(f"{path}: print/paper: {data['print']['paper']} is not one of print/papers")
    return Style(**data)
