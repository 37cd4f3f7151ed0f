"""Rule packs and project configuration: which rules run, their severities and options, and the
vocabularies they use.

Layers, each overriding the one before:

1. the default pack, rules/default.yaml (shipped inside the package);
2. a pack given with ``--rules FILE``, or else the project configuration found upward from the
   cascade file: ``kinerja.toml`` (keys at the top level) or the ``[tool.kinerja]`` table of
   ``pyproject.toml``; in each folder kinerja.toml wins, and a pyproject.toml without the table is
   passed over. The project configuration may name a pack (``rules_file``) and then override parts
   of it (``rules``, ``vocabulary``), and sets ``select``, ``ignore`` and ``fail-on``;
3. command-line flags (``--select``, ``--ignore``, ``--fail-on``), which replace the same keys.

A pack (YAML) has the keys ``name``, ``extends`` ("default" or a path), ``rules`` (id -> true,
false or {enabled, severity, options}) and ``vocabulary`` (name -> file or inline mapping); it is
validated by schemas/pack.schema.json, each rule's options by that rule's ``options_schema``, each
vocabulary by schemas/vocabulary/<name>.schema.json when one exists. Every problem found in a
configuration is reported at once, each naming its file and key.
"""

from __future__ import annotations

import copy
import functools
import tomllib
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from kinerja_graph import policy
from kinerja_graph.errors import PolicyError
from kinerja_graph.text import suggest

DEFAULT = "default"
SEVERITIES = ("error", "warning", "info")
MAX_EXTENDS = 20


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
    sources: list[str] = field(default_factory=list)  # every file merged into this pack, first to last


@dataclass(frozen=True)
class Settings:
    """Everything a check run needs to know besides the cascade: the merged pack and the filters."""

    pack: Pack
    select: tuple[str, ...] | None = None  # rule ids; None: every rule the pack enables
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    project: str | None = None  # the kinerja.toml / pyproject.toml that was used, if any

    @functools.cached_property
    def levels(self) -> policy.LevelVocabulary:
        """The level vocabulary a cascade is read with: the shipped one plus the pack's `levels` labels."""
        return policy.levels().with_labels(self.pack.vocabulary.get("levels") or {})

    def active_rules(self) -> list[str]:
        """The ids of the rules that run, in id order. --select runs a rule even if the pack disables it."""
        from kinerja_graph import checks

        registered = checks.all_rules()
        if self.select is not None:
            chosen = [r for r in registered if r in set(self.select)]
        else:
            chosen = [r for r in registered if r in self.pack.rules and self.pack.rules[r].enabled]
        ignored = set(self.ignore)
        return [r for r in chosen if r not in ignored]

    def setting(self, rule_id: str) -> RuleSetting:
        return self.pack.rules.get(rule_id) or RuleSetting()

    def override(
        self, *, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None, fail_on: str | None = None
    ) -> Settings:
        """These settings with command-line flags applied: a flag given replaces the configured value."""
        changes: dict = {}
        if select is not None:
            changes["select"] = tuple(select)
        if ignore is not None:
            changes["ignore"] = tuple(ignore)
        if fail_on is not None:
            changes["fail_on"] = fail_on
        return replace(self, **changes) if changes else self


class UnknownRuleError(PolicyError):
    """A rule id (in --select/--ignore, a pack or a project file) that names no rule."""


# ------------------------------------------------------------------------------------------------
# problems, collected and raised at once


class _Problems:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, where: object, key: str, message: str) -> None:
        self.lines.append(f"{where}: {key}: {message}" if key else f"{where}: {message}")

    def extend(self, lines: Iterable[str]) -> None:
        self.lines.extend(lines)

    def raise_if_any(self) -> None:
        if self.lines:
            raise PolicyError("\n".join(dict.fromkeys(self.lines)))


def _dotted(prefix: str, path: Iterable) -> str:
    parts = [str(p) if len(str(p)) <= 60 else str(p)[:59] + "…" for p in path]  # a key may be a paragraph
    return ".".join([prefix, *parts] if prefix else parts) or "(top)"


def _schema_problems(data, schema: dict, where: object, prefix: str, problems: _Problems) -> None:
    if policy.passes(data, schema):  # the usual, valid file: jsonschema is not even imported
        return
    import jsonschema  # to explain what the quick check refused (and to have the last word)

    validator = jsonschema.Draft7Validator(schema)
    for error in sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        message = policy.short_message(error)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            import difflib

            allowed = sorted((error.schema.get("properties") or {}).keys())
            extra = [k for k in error.instance if k not in allowed]
            hints = [f"{k!r} -> {m!r}" for k in extra for m in difflib.get_close_matches(str(k), allowed, 1)]
            message = (
                f"unknown key(s) {', '.join(map(repr, extra))}"
                + (f"; allowed: {', '.join(allowed)}" if allowed else "")
                + (f" (did you mean {'; '.join(hints)}?)" if hints else "")
            )
        problems.add(where, _dotted(prefix, error.absolute_path), message)


def _pack_schema() -> dict:
    return policy.load_schema("pack.schema.json")


def _project_schema() -> dict:
    schema = _pack_schema()
    return {"$ref": "#/definitions/project", "definitions": schema["definitions"]}


# ------------------------------------------------------------------------------------------------
# rule ids


def known_rules() -> dict:
    from kinerja_graph import checks

    return checks.all_rules()


def expand_rule_ids(items: Iterable[str]) -> tuple[list[str], list[str]]:
    """Rule ids from ids, area names ("structure") or "all", each item possibly comma-separated.

    Returns (ids in id order without repeats, the items that name nothing).
    """
    from kinerja_graph.findings import AREAS

    rules = known_rules()
    chosen: set[str] = set()
    unknown: list[str] = []
    for item in items:
        for part in str(item).split(","):
            name = part.strip()
            if not name:
                continue
            if name in rules:
                chosen.add(name)
            elif name == "all":
                chosen.update(rules)
            elif name in AREAS:
                chosen.update(r for r, rule in rules.items() if rule.area == name)
            else:
                unknown.append(name)
    return [r for r in rules if r in chosen], unknown


def unknown_rule_message(name: str) -> str:
    from kinerja_graph.findings import AREAS

    if len(name) > 60:  # a pasted paragraph, not a misspelt id: quoted shortened, nothing to suggest
        return f"unknown rule {name[:59] + '…'!r}; `kinerja rules` lists them"
    return f"unknown rule {name!r}{suggest(name, [*known_rules(), *AREAS])}; `kinerja rules` lists them"


def check_rule_ids(items: Iterable[str], where: str) -> list[str]:
    """Expand ids as expand_rule_ids does; an unknown one is an UnknownRuleError naming `where`."""
    ids, unknown = expand_rule_ids(items)
    if unknown:
        raise UnknownRuleError("\n".join(f"{where}: {unknown_rule_message(u)}" for u in unknown))
    return ids


# ------------------------------------------------------------------------------------------------
# reading files


def _read_yaml(path: Path) -> dict:
    data = policy.read_yaml(path, "rule pack")
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PolicyError(f"{path}: a rule pack must be a mapping (name, extends, rules, vocabulary)")
    return data


def _read_toml(path: Path) -> dict:
    text = policy.policy_text(path, "configuration file")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{path}: not valid TOML: {exc}") from None
    except RecursionError:
        data = None
    if data is None or policy.too_deep(data):
        raise PolicyError(f"{path}: values nested more than {policy.MAX_POLICY_DEPTH} levels deep")
    return data


def load_vocabulary(name: str, path: Path, *, trusted: bool = False) -> dict:
    """A vocabulary file, validated by schemas/vocabulary/<name>.schema.json when that schema exists (unless
    `trusted`: a file of the shipped pack, which tests/test_config.py validates)."""
    schema = policy.schema_path(f"vocabulary/{name}.schema.json")
    if schema.exists() and not trusted:
        return policy.load_policy_file(path, f"vocabulary/{name}.schema.json")
    data = _read_yaml(path)
    return data


def _vocabulary(
    name: str, entry, base: Path, where: object, key: str, problems: _Problems, trusted: bool = False
) -> dict | None:
    """One vocabulary entry of a pack: a path (relative to `base`) or an inline mapping, read and checked."""
    loaded = _read_vocabulary(name, entry, base, where, key, problems, trusted)
    if loaded is not None and name == "levels":
        return _checked_levels(loaded, where, key, problems)
    return loaded


def _read_vocabulary(
    name: str, entry, base: Path, where: object, key: str, problems: _Problems, trusted: bool = False
) -> dict | None:
    if isinstance(entry, str):
        path = base / entry
        if not path.is_file():
            problems.add(where, key, f"vocabulary file {entry!r} not found (looked for {path})")
            return None
        try:
            return load_vocabulary(name, path, trusted=trusted)
        except PolicyError as exc:
            problems.extend(str(exc).splitlines())
            return None
    if isinstance(entry, dict):
        schema_name = f"vocabulary/{name}.schema.json"
        if policy.schema_path(schema_name).exists():
            before = len(problems.lines)
            _schema_problems(entry, policy.load_schema(schema_name), where, key, problems)
            if len(problems.lines) > before:
                return None
        return entry
    return None  # reported by the pack schema


def _checked_levels(entry: dict, where: object, key: str, problems: _Problems) -> dict | None:
    """The `levels` vocabulary names level ids of rules/levels.yaml, which a schema cannot list."""
    try:
        policy.levels().with_labels(entry)
    except PolicyError as exc:
        problems.add(where, key, str(exc))
        return None
    return entry


# ------------------------------------------------------------------------------------------------
# packs


def _options_schema(rule) -> dict:
    return {"type": "object", "properties": rule.options_schema or {}, "additionalProperties": False}


def _apply_layer(
    pack: Pack,
    data: dict,
    where: object,
    base: Path,
    prefix: str,
    problems: _Problems,
    tolerate_unknown: bool = False,
    trusted: bool = False,
) -> None:
    """Merge one layer (a pack, or a project file's rules/vocabulary) into `pack`, noting problems.

    `trusted`: the shipped pack, whose options and vocabularies are not validated again at every start
    (tests/test_config.py validates them: validate_default_pack); its rules are known by their ids, without
    importing them."""
    from kinerja_graph import checks

    rules: Collection[str] = checks.rule_ids() if trusted else known_rules()
    for rule_id, setting in (data.get("rules") or {}).items() if isinstance(data.get("rules"), dict) else ():
        key = _dotted(prefix, ["rules", rule_id])
        if rule_id not in rules:
            if not tolerate_unknown:
                problems.add(where, key, unknown_rule_message(str(rule_id)))
            continue
        current = pack.rules.get(rule_id)
        current = RuleSetting(current.enabled, current.severity, dict(current.options)) if current else RuleSetting()
        if isinstance(setting, bool):
            current.enabled = setting
        elif isinstance(setting, dict):
            if isinstance(setting.get("enabled"), bool):
                current.enabled = setting["enabled"]
            if setting.get("severity") in SEVERITIES:
                current.severity = setting["severity"]
            options = setting.get("options")
            if isinstance(options, dict):
                before = len(problems.lines)
                if not trusted:
                    _schema_problems(
                        options, _options_schema(known_rules()[rule_id]), where, f"{key}.options", problems
                    )
                if len(problems.lines) == before:
                    current.options.update(options)
        pack.rules[rule_id] = current
    vocab = data.get("vocabulary")
    if isinstance(vocab, dict):
        for name, entry in vocab.items():
            loaded = _vocabulary(
                str(name), entry, base, where, _dotted(prefix, ["vocabulary", name]), problems, trusted
            )
            if loaded is not None:
                pack.vocabulary[str(name)] = loaded


@functools.cache
def _default_pack_cached() -> Pack:
    return _default_pack(validate=False)


def validate_default_pack() -> Pack:
    """The shipped pack read as a user's pack is: the pack, each rule's options and each vocabulary validated
    by their schemas (PolicyError naming every problem). A run trusts the shipped files instead (a third
    of its start-up); tests/test_config.py holds them to their schemas with this."""
    return _default_pack(validate=True)


def _default_pack(validate: bool) -> Pack:
    path = policy.rules_dir() / "default.yaml"
    data = _read_yaml(path)
    problems = _Problems()
    if validate:
        _schema_problems(data, _pack_schema(), path, "", problems)
        problems.raise_if_any()
    pack = Pack(data.get("name", DEFAULT), {}, {}, str(path), [str(path)])
    # A rule listed here without a module yet is a packaging slip that tests/test_registry.py reports;
    # at run time it is passed over rather than breaking every check.
    _apply_layer(pack, data, path, path.parent, "", problems, tolerate_unknown=True, trusted=not validate)
    problems.raise_if_any()
    return pack


def _copy_pack(pack: Pack) -> Pack:
    return Pack(
        pack.name,
        {k: RuleSetting(s.enabled, s.severity, copy.deepcopy(s.options)) for k, s in pack.rules.items()},
        dict(pack.vocabulary),  # vocabularies are read-only for rules; shared, not copied
        pack.path,
        list(pack.sources),
    )


def load_default_pack() -> Pack:
    """The shipped pack, rules/default.yaml (a fresh copy each call)."""
    return _copy_pack(_default_pack_cached())


def load_pack(path: str | Path) -> Pack:
    """A pack file merged over the pack it extends (the default one unless it says otherwise)."""
    problems = _Problems()
    pack = _load_pack(Path(path), problems, [])
    problems.raise_if_any()
    return pack


def _load_pack(path: Path, problems: _Problems, chain: list[Path]) -> Pack:
    resolved = path.resolve()
    if resolved in chain:
        cycle = " -> ".join(str(p) for p in [*chain, resolved])
        raise PolicyError(f"{path}: extends: packs extend each other in a circle ({cycle})")
    if len(chain) >= MAX_EXTENDS:
        raise PolicyError(f"{path}: extends: more than {MAX_EXTENDS} packs deep")
    if path.is_dir():
        raise PolicyError(f"{path}: is a folder, not a rule pack")
    data = _read_yaml(path)
    _schema_problems(data, _pack_schema(), path, "", problems)
    extends = data.get("extends", DEFAULT)
    if extends == DEFAULT or not isinstance(extends, str):
        base = load_default_pack()
    else:
        parent = path.parent / extends
        if not parent.is_file():
            problems.add(
                path, "extends", f'{extends!r} is neither "default" nor an existing pack file (looked for {parent})'
            )
            base = load_default_pack()
        else:
            base = _load_pack(parent, problems, [*chain, resolved])
    _apply_layer(base, data, path, path.parent, "", problems)
    base.name = str(data.get("name") or base.name)
    base.path = str(path)
    base.sources.append(str(path))
    return base


# ------------------------------------------------------------------------------------------------
# project configuration


@dataclass(frozen=True)
class ProjectConfig:
    path: Path
    data: dict  # keys normalised to snake_case at the top level
    prefix: str  # how keys are named in messages: "tool.kinerja" for pyproject.toml, "" for kinerja.toml


def find_project_config(start: str | Path) -> ProjectConfig | None:
    """The kinerja.toml, or pyproject.toml with a [tool.kinerja] table, nearest above `start`."""
    here = Path(start).resolve()
    folder = here if here.is_dir() else here.parent
    for candidate in [folder, *folder.parents]:
        own = candidate / "kinerja.toml"
        if own.is_file():
            return ProjectConfig(own, _normalise_keys(_read_toml(own), own, ""), "")
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = _read_toml(pyproject)
            except PolicyError:
                try:
                    mentions = "tool.kinerja" in pyproject.read_text(encoding="utf-8", errors="replace")
                except OSError:
                    mentions = False
                if mentions:
                    raise
                continue  # someone else's broken file, without our table: not ours to judge
            tool = data.get("tool")
            table = tool.get("kinerja") if isinstance(tool, dict) else None
            if isinstance(table, dict):
                return ProjectConfig(pyproject, _normalise_keys(table, pyproject, "tool.kinerja"), "tool.kinerja")
    return None


def _normalise_keys(data: dict, path: Path, prefix: str) -> dict:
    out: dict = {}
    for k, v in data.items():
        norm = str(k).replace("-", "_")
        if norm in out:
            raise PolicyError(f"{path}: {_dotted(prefix, [k])}: given twice (as {norm!r} and {k!r})")
        out[norm] = v
    return out


def settings_from_project(project: ProjectConfig) -> Settings:
    """The settings a project configuration file describes (over the default pack, or its rules_file)."""
    problems = _Problems()
    data = project.data
    where, prefix = project.path, project.prefix
    _schema_problems(data, _project_schema(), where, prefix, problems)
    pack = load_default_pack()
    rules_file = data.get("rules_file")
    if isinstance(rules_file, str) and rules_file:
        pack_path = project.path.parent / rules_file
        if not pack_path.is_file():
            problems.add(
                where, _dotted(prefix, ["rules_file"]), f"pack {rules_file!r} not found (looked for {pack_path})"
            )
        else:
            pack = _load_pack(pack_path, problems, [])
    _apply_layer(pack, data, where, project.path.parent, prefix, problems)
    pack.sources.append(str(project.path))
    select = None
    ignore: list[str] = []
    for key in ("select", "ignore"):
        value = data.get(key)
        if isinstance(value, list):
            ids, unknown = expand_rule_ids(str(v) for v in value)
            for u in unknown:
                problems.add(where, _dotted(prefix, [key]), unknown_rule_message(u))
            if key == "select":
                select = tuple(ids)
            else:
                ignore = ids
    fail_on = str(data["fail_on"]) if data.get("fail_on") in SEVERITIES else "error"
    problems.raise_if_any()
    return Settings(pack, select, tuple(ignore), fail_on, str(project.path))


def settings_from_pack(path: str | Path) -> Settings:
    return Settings(load_pack(path))


def default_settings() -> Settings:
    return Settings(load_default_pack())


class Resolver:
    """The settings for each cascade file of a run, read once per configuration file.

    rules_file   --rules: this pack for every file, and no project configuration
    use_project  False (--no-config): ignore kinerja.toml and pyproject.toml
    select, ignore, fail_on   command-line flags; None where not given
    """

    def __init__(
        self,
        rules_file: str | None = None,
        use_project: bool = True,
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        fail_on: str | None = None,
    ):
        self.rules_file = rules_file
        self.use_project = use_project
        self.flags = {
            "select": None if select is None else tuple(select),
            "ignore": None if ignore is None else tuple(ignore),
            "fail_on": fail_on,
        }
        self._cache: dict = {}

    def __call__(self, cascade_path: str | None = None) -> Settings:
        if self.rules_file is not None:
            key: object = ("pack", self.rules_file)
            if key not in self._cache:
                self._cache[key] = settings_from_pack(self.rules_file)
        else:
            project = find_project_config(cascade_path or ".") if self.use_project else None
            key = ("project", str(project.path) if project else None)
            if key not in self._cache:
                self._cache[key] = settings_from_project(project) if project else default_settings()
        return self._cache[key].override(**self.flags)
