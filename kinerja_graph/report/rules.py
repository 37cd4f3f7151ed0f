"""`kinerja rules` and `kinerja rules ID`: the rule catalogue and one rule's documentation."""

from __future__ import annotations

import yaml

from kinerja_graph.config import Settings
from kinerja_graph.i18n import words

_t = words("rules").t  # kinerja_graph/words/rules.yaml


def _area(area: str, lang: str) -> str:
    """An area of the catalogue in words (its id when the words do not know it: a rule from elsewhere)."""
    try:
        return _t(f"area_{area}", lang)
    except KeyError:
        return area


def format_catalogue(rules: dict, settings: Settings, lang: str = "id") -> str:
    """One line per rule: id, severity in the pack (or off), area, LKE criterion, summary."""
    rows = []
    for rule_id, rule in rules.items():
        setting = settings.pack.rules.get(rule_id)
        severity = _t(setting.severity, lang) if setting is not None and setting.enabled else _t("off", lang)
        summary = rule.summary.get(lang) or rule.summary["en"]
        rows.append((rule_id, severity, _area(rule.area, lang), rule.lke or "-", summary))
    head = (_t("rule", lang), _t("severity", lang), _t("area", lang), "LKE", _t("summary", lang))
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(4)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(head[:4], widths)) + "  " + head[4]]
    for row in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row[:4], widths)) + "  " + row[4])
    lines.append("")
    lines.append(_t("hint", lang))
    return "\n".join(lines) + "\n"


def format_rule(rule, settings: Settings, lang: str = "id") -> str:
    """A rule's documentation: summary, area, LKE, severity, why it matters, its doc and the pack's options."""
    setting = settings.pack.rules.get(rule.id)
    severity = _t("disabled", lang) if setting is None or not setting.enabled else _t(setting.severity, lang)
    lines = [
        f"{rule.id} — {rule.summary.get(lang) or rule.summary['en']}",
        f"{_t('area', lang)}: {_area(rule.area, lang)}   LKE: {rule.lke or '-'}   {_t('severity', lang)}: {severity}",
        "",
        f"{_t('why', lang)}: {rule.rationale.get(lang) or rule.rationale['en']}",
        "",
        rule.documentation(lang).rstrip(),
        "",
        f'## {_t("pack", lang)} "{settings.pack.name}" ({settings.pack.path})',
    ]
    options = {k: v for k, v in (setting.options if setting else {}).items()}
    if options:
        for key in sorted(options):
            value = yaml.safe_dump(options[key], allow_unicode=True, default_flow_style=True, width=10_000)
            value = value.strip().removesuffix("...").strip()
            lines.append(f"  {key}: {value}")
    else:
        lines.append("  " + _t("no_options", lang))
    return "\n".join(lines) + "\n"
