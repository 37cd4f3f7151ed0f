"""`kinerja show`: a short, readable summary of one cascade."""

from __future__ import annotations

from kinerja_graph import policy
from kinerja_graph.i18n import words
from kinerja_graph.summary import Summary

t = words("summary").t  # kinerja_graph/words/summary.yaml


def format_summary(s: Summary, lang: str = "id") -> str:
    levels = policy.levels()
    lines = [
        f"{t('organisation', lang)}: {s.organisation}" + (f" ({s.organisation_type})" if s.organisation_type else ""),
        f"{t('file', lang)}: {s.file}",
        f"{t('period', lang)}: " + (f"{s.period[0]}–{s.period[-1]}" if s.period else t("none", lang)),
        f"{t('goals', lang)}: {s.goals}   {t('indicators', lang)}: {s.indicators}",
        f"{t('per_level', lang)}:",
    ]
    for level in levels.levels:
        tier = levels.tiers[level.tier][lang]
        lines.append(f"  {level.name[lang]:<22} {s.per_level.get(level.id, 0):>5}   ({tier})")
    lines.append(f"{t('roots', lang)}: {', '.join(s.roots) if s.roots else t('none', lang)}")
    lines.append(f"{t('leaves', lang)}: {s.leaves}")
    if s.indicators_without_goal:
        lines.append(
            f"{t('loose_indicators', lang)}: {len(s.indicators_without_goal)} ({', '.join(s.indicators_without_goal[:10])}"
            + (" …" if len(s.indicators_without_goal) > 10 else "")
            + ")"
        )
    if s.dangling:
        lines.append(f"{t('dangling', lang)}: " + ", ".join(f"{n} → {p}" for n, p in s.dangling[:10]))
    lines.append(
        f"{t('owners', lang)}: {len(s.owners)}"
        + (f" ({s.without_owner} {t('goals_unit', lang)} {t('without_owner', lang)})" if s.without_owner else "")
    )
    for owner, count in list(s.owners.items())[:20]:
        lines.append(f"  {count:>4}  {owner}")
    if len(s.owners) > 20:
        lines.append(f"  … (+{len(s.owners) - 20})")
    lines.append(f"{t('crosscutting', lang)}: {', '.join(s.crosscutting) if s.crosscutting else t('none', lang)}")
    return "\n".join(lines) + "\n"
