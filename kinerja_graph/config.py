"""Rule packs: which rules run, their severities and options, and the vocabularies they use.

The default pack is rules/default.yaml (shipped inside the wheel).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kinerja_graph import policy
from kinerja_graph.errors import PolicyError

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class RuleSetting:
    enabled: bool = True
    severity: str = "warning"
    options: dict = field(default_factory=dict)


@dataclass
class Pack:
    name: str
    rules: dict[str, RuleSetting]
    vocabulary: dict[str, dict]
    path: str = ""


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise PolicyError(f"{path}: cannot read: {exc}") from None
    if not isinstance(data, dict):
        raise PolicyError(f"{path}: a rule pack must be a mapping")
    return data


def load_vocabulary(name: str, path: Path) -> dict:
    """A vocabulary file, validated by schemas/vocabulary/<name>.schema.json when that schema exists."""
    schema = policy.schema_path(f"vocabulary/{name}.schema.json")
    if schema.exists():
        return policy.load_policy_file(path, f"vocabulary/{name}.schema.json")
    return _read_yaml(path)


def load_default_pack() -> Pack:
    path = policy.rules_dir() / "default.yaml"
    data = _read_yaml(path)
    rules = {}
    for rule_id, setting in (data.get("rules") or {}).items():
        setting = setting or {}
        rules[rule_id] = RuleSetting(
            enabled=setting.get("enabled", True),
            severity=setting.get("severity", "warning"),
            options=dict(setting.get("options") or {}),
        )
    vocabulary = {name: load_vocabulary(name, path.parent / rel) for name, rel in (data.get("vocabulary") or {}).items()}
    return Pack(data.get("name", "default"), rules, vocabulary, str(path))
