"""Policy data: the vocabularies in rules/ (levels, input fields), loaded safely and validated.

The data lives in ``rules/`` at the top of the repository and ships inside the wheel as
``kinerja_graph/_rules``. Nothing here is a constant in code: change the YAML, not this module.
"""

from __future__ import annotations

import copy
import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from kinerja_graph import yamlread
from kinerja_graph.errors import PolicyError

if TYPE_CHECKING:
    import jsonschema


def rules_dir() -> Path:
    """The folder holding the shipped policy data."""
    packaged = Path(str(resources.files("kinerja_graph"))) / "_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"


def schema_path(name: str) -> Path:
    return Path(str(resources.files("kinerja_graph"))) / "schemas" / name


@functools.cache
def load_schema(name: str) -> dict:
    return json.loads(schema_path(name).read_text(encoding="utf-8"))


MAX_POLICY_FILE = 16 * 1024 * 1024  # bytes in one rule pack, vocabulary, words or project file
MAX_POLICY_DEPTH = 32  # containers a policy value may nest
_SCALARS = yaml.constructor.SafeConstructor.yaml_constructors
_SAFE = yaml.constructor.SafeConstructor()
_PLAIN_SCALAR_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "binary", "timestamp", "str")
}


def read_policy_bytes(path: Path, what: str) -> bytes:
    """The bytes of a policy or project file, at most MAX_POLICY_FILE; a PolicyError naming the file."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_POLICY_FILE + 1)
    except FileNotFoundError:
        raise PolicyError(f"{path}: no such {what}") from None
    except IsADirectoryError:
        raise PolicyError(f"{path}: is a folder, not a {what}") from None
    except OSError as exc:
        raise PolicyError(f"{path}: cannot read {what}: {exc.strerror or exc}") from None
    if len(data) > MAX_POLICY_FILE:
        raise PolicyError(f"{path}: {what} is larger than {MAX_POLICY_FILE // (1024 * 1024)} MiB")
    return data


def policy_text(path: Path, what: str) -> str:
    """A policy or project file as UTF-8 text; a PolicyError naming file and line when it is not."""
    data = read_policy_bytes(path, what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PolicyError(f"{path}:{line}: {what} is not UTF-8 text (byte 0x{data[exc.start]:02x})") from None


def _plain_scalar(node: yaml.ScalarNode) -> object:
    if node.tag == "tag:yaml.org,2002:str":
        return node.value
    if node.tag not in _PLAIN_SCALAR_TAGS:
        raise yamlread.YamlRefused(node.start_mark.line + 1, f"unsupported YAML tag {node.tag!r}")
    try:
        return _SCALARS[node.tag](_SAFE, node)
    except (ValueError, TypeError, yaml.YAMLError):
        raise yamlread.YamlRefused(node.start_mark.line + 1, "a value YAML cannot read (a number too long?)") from None


def too_deep(data: object, limit: int = MAX_POLICY_DEPTH) -> bool:
    """Does plain data (dicts and lists) nest more than `limit` containers deep? Without recursion."""
    stack = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth > limit:
                return True
            stack.extend((v, depth + 1) for v in (item.values() if isinstance(item, dict) else item))
    return False


def read_yaml(path: Path, what: str = "policy file") -> object:
    """Read a YAML file safely (no tags, no objects, aliases and depth within kinerja_graph/yamlread.py's
    budgets); a failure is a PolicyError naming file and line."""
    text = policy_text(path, what)
    try:
        return yamlread.load(text, _plain_scalar, max_depth=MAX_POLICY_DEPTH)
    except yamlread.Empty:
        return None
    except yamlread.YamlRefused as exc:
        where = f"{path}:{exc.line}" if exc.line else str(path)
        raise PolicyError(f"{where}: {exc.message}") from None


# The policy files shipped with the package that a check reads at every start, with their schemas: trusted at run
# time (load_policy_file(validate=False)), validated by tests/test_config.py.
SHIPPED = {"levels.yaml": "levels.schema.json", "fields.yaml": "fields.schema.json"}

DRAFT_7 = "http://json-schema.org/draft-07/schema#"
_QUICK: dict[str, Any] = {}  # a schema's canonical JSON -> its compiled validator (None: it would not compile)


def passes(data: object, schema: dict) -> bool:
    """Whether `data` passes the quick check of `schema`: a fastjsonschema validator compiled once per distinct
    schema (Draft 7 unless the schema says otherwise; no format checked and no default filled in, as
    jsonschema's Draft7Validator does neither). It takes the usual case — a valid file — without importing
    jsonschema, whose validator walks a vocabulary ten times slower. False only means "ask jsonschema":
    jsonschema explains every problem with its place, and its word is the one that counts (a value the quick
    check refuses and jsonschema accepts is accepted); a schema the quick check cannot compile, or a value it
    stumbles on, goes to jsonschema too."""
    key = json.dumps(schema, sort_keys=True, default=repr)
    if key not in _QUICK:
        try:
            import fastjsonschema

            # (a copy: fastjsonschema writes the references it resolves into the schema it compiles)
            definition = {"$schema": DRAFT_7, **copy.deepcopy(schema)}
            _QUICK[key] = fastjsonschema.compile(definition, use_default=False, use_formats=False)
        except Exception:  # noqa: BLE001 - jsonschema then judges every value of this schema
            _QUICK[key] = None
    quick = _QUICK[key]
    if quick is None:
        return False
    try:
        quick(data)
    except Exception:  # noqa: BLE001 - refused, or a value it cannot judge: jsonschema says which
        return False
    return True


MESSAGE_LIMIT = 300  # characters of a validator's message shown; a value in it is shortened first


def short_message(error: jsonschema.ValidationError) -> str:
    """A JSON Schema validator's message that never quotes a whole long value (a 100,000-character text,
    a 5,000-digit number): the value is shown shortened, and the message cut at MESSAGE_LIMIT."""
    message = error.message
    if len(message) > 100 and isinstance(error.instance, (str, int, float, list, dict)):
        whole = repr(error.instance)
        if len(whole) > 70 and whole in message:
            closing = whole[-1] if isinstance(error.instance, str) else ""  # a quoted text stays quoted
            message = message.replace(whole, whole[:60] + "…" + closing)
    return message if len(message) <= MESSAGE_LIMIT else message[: MESSAGE_LIMIT - 1] + "…"


def load_policy_file(path: Path, schema_name: str, *, validate: bool = True) -> dict:
    """Read a YAML policy file safely and validate it; every problem is reported at once.

    `validate` False: a file shipped with the package (SHIPPED), read at every start without its schema
    (tests/test_config.py validates every one of them)."""
    if not validate:
        data = read_yaml(path)
        if not isinstance(data, dict):
            raise PolicyError(f"{path}: (top): a mapping of keys is expected")
        return data
    data = read_yaml(path)
    schema = load_schema(schema_name)
    problems = [] if passes(data, schema) else _explained(data, schema)
    if problems:
        lines = [f"{path}: {'/'.join(map(str, e.absolute_path)) or '(top)'}: {short_message(e)}" for e in problems]
        raise PolicyError("\n".join(lines))
    if not isinstance(data, dict):
        raise PolicyError(f"{path}: (top): a mapping of keys is expected")
    return data


def _explained(data: object, schema: dict) -> list[jsonschema.ValidationError]:
    """Every problem jsonschema finds in `data`, in the order of their places."""
    import jsonschema  # only to explain a file the quick check refused: not at every start

    validator = jsonschema.Draft7Validator(schema)
    return sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))


@functools.cache
def shipped_vocabulary(name: str) -> dict:
    """A vocabulary of the shipped rule pack (rules/default.yaml ``vocabulary:``), read and validated by
    schemas/vocabulary/<name>.schema.json: what a library caller without a pack gets (a check run uses
    its pack's own, config.Settings.pack.vocabulary)."""
    pack = read_yaml(rules_dir() / "default.yaml", "rule pack")
    entries = pack.get("vocabulary") if isinstance(pack, dict) else None
    entry = entries.get(name) if isinstance(entries, dict) else None
    if not isinstance(entry, str):
        raise PolicyError(f"the default rule pack registers no vocabulary {name!r}")
    return load_policy_file(rules_dir() / entry, f"vocabulary/{name}.schema.json", validate=False)


@functools.lru_cache(maxsize=8192)
def key(text: object) -> str:
    """Normalise a label for matching: lower case, accents dropped, only letters and digits kept."""
    s = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "", s.lower())


@dataclass(frozen=True)
class Level:
    id: str
    rank: int
    tier: str
    name: dict
    planning: dict


@dataclass(frozen=True)
class LevelVocabulary:
    levels: tuple[Level, ...]
    tiers: dict  # tier id -> bilingual name
    synonyms: dict  # normalised label -> level id
    labels: tuple[str, ...]  # every accepted label as written in the data, for messages

    def resolve(self, label: str | None) -> Level | None:
        if label is None:
            return None
        level_id = self.synonyms.get(key(label))
        return self.by_id(level_id) if level_id else None

    def by_id(self, level_id: str | None) -> Level | None:
        for level in self.levels:
            if level.id == level_id:
                return level
        return None

    def tier_order(self) -> list[str]:
        return list(self.tiers)

    def with_labels(self, extra: dict[str, list[str]]) -> LevelVocabulary:
        """These levels with more labels ({level id: [label, …]}, a rule pack's `levels` vocabulary).

        A label the shipped vocabulary gives to another level takes the meaning `extra` gives it: the
        organisation's own documents say what their words mean. Raises PolicyError for an unknown id.
        """
        if not extra:
            return self
        unknown = [level_id for level_id in extra if self.by_id(level_id) is None]
        if unknown:
            raise PolicyError(
                f"unknown level id {', '.join(map(repr, unknown))}; the levels are: "
                + ", ".join(level.id for level in self.levels)
            )
        synonyms, labels = dict(self.synonyms), list(self.labels)
        for level_id, more in extra.items():
            for label in more:
                synonyms[key(label)] = level_id
                if label not in labels:
                    labels.append(label)
        return replace(self, synonyms=synonyms, labels=tuple(labels))


@functools.cache
def levels() -> LevelVocabulary:
    data = load_policy_file(rules_dir() / "levels.yaml", "levels.schema.json", validate=False)
    tiers = {t["id"]: t["name"] for t in data["tiers"]}
    found: list = []
    synonyms: dict[str, str] = {}
    labels: list[str] = []
    for entry in sorted(data["levels"], key=lambda e: e["rank"]):
        if entry["tier"] not in tiers:
            raise PolicyError(f"rules/levels.yaml: level {entry['id']}: unknown tier {entry['tier']!r}")
        found.append(Level(entry["id"], entry["rank"], entry["tier"], entry["name"], entry.get("planning", {})))
        for label in [entry["id"], *entry["synonyms"]]:
            previous = synonyms.setdefault(key(label), entry["id"])
            if previous != entry["id"]:
                raise PolicyError(f"rules/levels.yaml: label {label!r} names both {previous} and {entry['id']}")
            labels.append(label)
    return LevelVocabulary(tuple(found), tiers, synonyms, tuple(labels))


@dataclass(frozen=True)
class FieldVocabulary:
    columns: dict  # normalised header -> field name
    target_column: re.Pattern
    metadata: dict  # normalised key -> metadata field
    calculation: dict  # normalised label -> canonical calculation type
    polarity: dict  # normalised label -> "higher" | "lower"
    note_columns: dict = field(default_factory=dict)  # normalised prefix -> "note" | "document_note"
    organisation_sheet: frozenset = frozenset()  # normalised names of a workbook's organisation sheet

    def note_column(self, header: str) -> tuple[str, str] | None:
        """("note" | "document_note", the key as written after the colon) for "note: KEY", else None."""
        head, colon, rest = header.partition(":")
        if not colon:
            return None
        kind = self.note_columns.get(key(head))
        return (kind, rest) if kind else None

    def column_field(self, header: str) -> tuple[str | None, int | None]:
        """The field a header names, or ("target", year), or (None, None) for an unknown header."""
        k = key(header)
        if k in self.columns:
            return self.columns[k], None
        m = self.target_column.match(k)
        if m:
            return "target", int(m.group("year"))
        return None, None

    def calculation_of(self, text: str) -> str | None:
        cleaned = re.sub(r"^\s*(?:[0-9]+|[a-z])[.)]\s+", "", str(text), flags=re.I)  # "1. Kumulatif"
        return self.calculation.get(key(cleaned))

    def polarity_of(self, text: str) -> str | None:
        return self.polarity.get(key(text))


def _invert(mapping: dict, what: str) -> dict:
    out: dict = {}
    for name, aliases in mapping.items():
        for alias in [name, *aliases]:
            previous = out.setdefault(key(alias), name)
            if previous != name:
                raise PolicyError(f"rules/fields.yaml: {what} alias {alias!r} names both {previous} and {name}")
    return out


@functools.cache
def fields() -> FieldVocabulary:
    data = load_policy_file(rules_dir() / "fields.yaml", "fields.schema.json", validate=False)
    return FieldVocabulary(
        columns=_invert(data["columns"], "column"),
        target_column=re.compile(data["target_column"]),
        metadata=_invert(data["metadata"], "metadata"),
        calculation=_invert(data["calculation"], "calculation"),
        polarity=_invert(data["polarity"], "polarity"),
        note_columns=_invert(data["note_columns"], "note column"),
        organisation_sheet=frozenset(key(name) for name in data["organisation_sheet"]),
    )
