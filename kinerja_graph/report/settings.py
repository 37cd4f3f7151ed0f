"""`kinerja check --show-settings FILE…`: the configuration each file would be checked with, as the
pipeline resolves it (config.Resolver: --rules, else the kinerja.toml or [tool.kinerja] found upward from
the file, then --select/--ignore/--fail-on), for a person (text) or a program (json).

    samples/praya.yaml
      konfigurasi proyek: tidak ada
      paket aturan: default (…/rules/default.yaml)
      gagal pada: error
      aturan yang dijalankan (29):
        cycle                     error
        …

JSON: {"settings": [{"file", "project", "pack": {"name", "path", "sources"}, "fail_on", "select",
"ignore", "rules": [{"id", "severity", "area", "options"}], "off": [ids], "levels": {level: [labels]}}]}.
"""

from __future__ import annotations

import json

from kinerja_graph import checks
from kinerja_graph.config import Settings
from kinerja_graph.i18n import words
from kinerja_graph.report.text import clean, shown_path

_t = words("settings").t  # kinerja_graph/words/settings.yaml


def to_data(file: str, settings: Settings) -> dict:
    registry = checks.all_rules()
    active = settings.active_rules()
    running = set(active)
    rules = []
    for rule_id in active:
        setting = settings.setting(rule_id)
        rule = registry.get(rule_id)
        rules.append(
            {
                "id": rule_id,
                "severity": setting.severity,
                "area": getattr(rule, "area", ""),
                "options": setting.options,
            }
        )
    pack = settings.pack
    return {
        "file": file,
        "project": settings.project,
        "pack": {"name": pack.name, "path": pack.path, "sources": list(pack.sources)},
        "fail_on": settings.fail_on,
        "select": list(settings.select) if settings.select is not None else None,
        "ignore": list(settings.ignore),
        "rules": rules,
        "off": [r for r in registry if r not in running],
        "levels": dict(pack.vocabulary.get("levels") or {}),
    }


def format_json(entries: list[tuple[str, Settings]]) -> str:
    data = {"settings": [to_data(file, settings) for file, settings in entries]}
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


def format_text(entries: list[tuple[str, Settings]], lang: str = "id") -> str:
    lines: list[str] = []
    for file, settings in entries:
        data = to_data(file, settings)
        pack = data["pack"]
        lines.append(clean(shown_path(file)))
        lines.append(f"  {_t('project', lang)}: {clean(data['project'] or _t('none', lang))}")
        lines.append(f"  {_t('pack', lang)}: {clean(pack['name'])} ({clean(pack['path'] or '-')})")
        if len(pack["sources"]) > 1:
            lines.append(f"    {_t('merged', lang)}: {clean(', '.join(pack['sources']))}")
        lines.append(f"  {_t('fail_on', lang)}: {data['fail_on']}")
        if data["select"] is not None:
            lines.append(f"  {_t('select', lang)}: {', '.join(data['select']) or '-'}")
        if data["ignore"]:
            lines.append(f"  {_t('ignore', lang)}: {', '.join(data['ignore'])}")
        if data["levels"]:
            labels = "; ".join(
                f"{level}: {', '.join(map(str, names)) if isinstance(names, list) else names}"
                for level, names in data["levels"].items()
            )
            lines.append(f"  {_t('levels', lang)}: {clean(labels)}")
        lines.append(f"  {_t('active', lang, n=len(data['rules']))}:")
        width = max((len(r["id"]) for r in data["rules"]), default=0)
        lines.extend(f"    {r['id'].ljust(width)}  {r['severity']}" for r in data["rules"])
        if data["off"]:
            lines.append(f"  {_t('inactive', lang, n=len(data['off']))}: {', '.join(data['off'])}")
        lines.append("")
    lines.append(_t("options_hint", lang))
    return "\n".join(lines) + "\n"
