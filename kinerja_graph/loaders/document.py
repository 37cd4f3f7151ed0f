"""From a raw document (any format) to the in-memory Cascade: validate, flatten, normalise.

Every problem found is collected and reported at once, each naming file, line/row and field.
Dangling parents and cycles are *kept*: they are the checker's to report, not the loader's.
"""

from __future__ import annotations

import copy
import functools
import re
from typing import TYPE_CHECKING, Any

from kinerja_graph import policy, years
from kinerja_graph.errors import InputError
from kinerja_graph.loaders.raw import RawDocument, RawInt, text_of
from kinerja_graph.model import Cascade, Crosscut, Indicator, Location, Node, Organisation, Silence, keeping_hashes
from kinerja_graph.targets import parse_target

if TYPE_CHECKING:
    import jsonschema

SCHEMA = "cascade.schema.json"
MAX_PROBLEMS = 50
TARGET_ROWS = 1 << 16  # rows of targets (year keys and texts) the builder remembers: memory stays bounded
MAX_TEXT = 100_000  # characters in one field (the schema's maxLength); a longer value is an input error


@functools.cache
def _schemas() -> tuple[dict, dict]:
    """The shipped schema split in two: the document with its nodes left shallow, and one node.

    Validating node by node keeps the cost linear and the depth flat: a 10,000-deep nesting of
    `children` never reaches the recursion limit of either validator.
    """
    full = policy.load_schema(SCHEMA)
    document = copy.deepcopy(full)
    document["properties"]["nodes"] = {"type": "array", "items": {"type": "object"}}
    node = copy.deepcopy(full["definitions"]["node"])
    node["properties"]["children"] = {"type": "array", "items": {"type": "object"}}
    # $refs inlined: the compiled validator then runs straight through a node instead of calling a
    # function (and building a name) for every field — the difference is seconds at 10^5 nodes
    node = _inline(node, full["definitions"])
    node["$schema"] = full["$schema"]
    return document, node


def _fast_node_schema(node: dict) -> dict:
    """The node schema for the quick pass, without the year pattern on target keys.

    Matching a regex against every target key is a fifth of the validation time of a 10^5-node
    cascade; the builder checks the same thing (`years.year_of`) while it reads each year anyway.
    """
    fast = copy.deepcopy(node)
    fast["properties"]["indicators"]["items"]["properties"]["targets"].pop("propertyNames", None)
    return fast


def _inline(schema, definitions):
    """A copy of `schema` with every (non-recursive) "#/definitions/x" reference replaced by x."""
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/definitions/"):
            return _inline(definitions[ref.rsplit("/", 1)[1]], definitions)
        return {k: _inline(v, definitions) for k, v in schema.items()}
    if isinstance(schema, list):
        return [_inline(v, definitions) for v in schema]
    return schema


DOCUMENT, NODE = 0, 1  # the two validators, by their place in _schemas()


@functools.cache
def _fast(which: int):
    """The compiled fastjsonschema validator of the document (DOCUMENT) or of one node (NODE): it checks the
    common, valid case in one quick pass. Each is compiled when first needed: a node is validated only when
    it is not plain (`_plain`), and most cascades have no such node; the document only when its top level is
    not plain (`_plain_document`)."""
    import fastjsonschema

    document, node = _schemas()
    return fastjsonschema.compile(document if which == DOCUMENT else _fast_node_schema(node))


def _refused() -> type[Exception]:
    """What a fast validator raises for a value its schema refuses."""
    import fastjsonschema

    return fastjsonschema.JsonSchemaException


@functools.cache
def _explaining(which: int) -> jsonschema.Draft7Validator:
    """jsonschema's validator of the document or of one node: it runs (and is imported) only to explain a
    failure, with every error and its place."""
    import jsonschema

    return jsonschema.Draft7Validator(_schemas()[which])


def _errors(which: int, instance, before_explaining=None, nested: str = ""):
    try:
        _fast(which)(instance)
        return []
    except _refused():  # (evaluated only when the validator raised)
        # A valid document nests little (the schema says so), but explaining a value nested a thousand
        # deep would exhaust the recursion of the validator itself: such a value is named, not explained.
        deep = _too_deep(instance, nested)
        if deep is not None:
            import jsonschema

            return [jsonschema.ValidationError(f"nested more than {MAX_DEPTH} levels deep", path=deep)]
        if before_explaining is not None:
            before_explaining(instance)
        return sorted(_explaining(which).iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path])


MAX_DEPTH = 32  # containers a value may nest (the YAML reader's limit too: structured.MAX_DEPTH)


def _too_deep(instance, nested: str) -> list | None:
    """The path (its first steps) to a container nested deeper than MAX_DEPTH, not looking inside the
    key `nested` (a node's children, the document's nodes: validated one by one); else None."""
    stack = [(v, [k], 2) for k, v in instance.items() if k != nested] if isinstance(instance, dict) else []
    while stack:
        item, path, depth = stack.pop()
        if isinstance(item, dict):
            if depth > MAX_DEPTH:
                return path[:3]
            stack.extend((v, path if len(path) >= 3 else [*path, k], depth + 1) for k, v in item.items())
        elif isinstance(item, list):
            if depth > MAX_DEPTH:
                return path[:3]
            stack.extend((v, path if len(path) >= 3 else [*path, i], depth + 1) for i, v in enumerate(item))
    return None


def validated_entries(raw: RawDocument):
    """Validate the document and yield (node entry, implied parent id) in document order.

    Raises InputError listing every schema problem (at most MAX_PROBLEMS), each with its place.
    """
    problems: list[str] = []
    if not _plain_document(raw.data):
        problems = [_describe(raw, raw.data, e, "") for e in _errors(DOCUMENT, raw.data, nested="nodes")]
        if problems:
            raise InputError(problems)
    entries: list[tuple[Any, str | None]] = []
    shaped = raw.shaped
    data = raw.data
    assert isinstance(data, dict)  # checked by the document schema before the entries are
    if not any("children" in e for e in data["nodes"]):  # flat (a table always is): each node in turn
        for i, entry in enumerate(data["nodes"]):
            # a table's reader shaped its nodes: only rule ids and inferred fields can be wrong in them
            if ("ignore" in entry or "inferred" in entry) if shaped else not _plain(entry):
                errors = _errors(NODE, entry, _stringify_target_years, "children")
                if errors:
                    prefix = _path_text((None, "nodes", i))
                    problems.extend(_describe(raw, entry, e, prefix) for e in errors)
                    if len(problems) >= MAX_PROBLEMS:
                        break
                    continue
            entries.append((entry, None))
        if problems:
            if len(problems) > MAX_PROBLEMS:
                problems = problems[:MAX_PROBLEMS] + [f"{raw.file}: (more problems not shown)"]
            raise InputError(problems)
        return entries
    # (entry, implied parent id, path as (parent path, list name, index) built into text only on error)
    stack: list[tuple[Any, str | None, tuple]] = [
        (e, None, (None, "nodes", i)) for i, e in reversed(list(enumerate(data["nodes"])))
    ]
    while stack:
        entry, parent, path = stack.pop()
        errors = (
            _errors(NODE, entry, _stringify_target_years, "children")
            if (not shaped or "ignore" in entry or "inferred" in entry) and not _plain(entry)
            else None
        )
        if errors:
            prefix = _path_text(path)
            problems.extend(_describe(raw, entry, e, prefix) for e in errors)
            if len(problems) >= MAX_PROBLEMS:
                break
            continue
        entries.append((entry, parent))
        children = entry.get("children")
        if children:
            own_id = text_of(entry["id"])
            stack.extend((child, own_id, (path, "children", i)) for i, child in reversed(list(enumerate(children))))
    if problems:
        if len(problems) > MAX_PROBLEMS:
            problems = problems[:MAX_PROBLEMS] + [f"{raw.file}: (more problems not shown)"]
        raise InputError(problems)
    return entries


_DOCUMENT_KEYS = frozenset(("kinerja", "organisation", "period", "source", "notes", "nodes"))
_ORGANISATION_KEYS = frozenset(("name", "type", "id"))
_INTS = (int, RawInt)  # whole numbers as a reader gives them (not bool: JSON Schema's boolean is no integer)
_ORGANISATION_ID = re.compile(r"^[^#;\s]+$")  # the schema's pattern for organisation.id, searched as a validator does


def _plain_document(data) -> bool:
    """Whether a document's top level holds nothing but what the document schema plainly accepts — the
    format version 1, an organisation of texts, a period of whole years, a source text, notes as a text or
    a mapping of texts, a list of mappings as its nodes (each validated on its own) — so that the validator
    need not be compiled nor run on it. Anything else goes through the validator as before.
    tests/test_loader_fast_paths.py holds it to accepting nothing the schema refuses."""
    if type(data) is not dict or not data.keys() <= _DOCUMENT_KEYS or "nodes" not in data:
        return False
    org = data.get("organisation")
    if type(org) is not dict or not org.keys() <= _ORGANISATION_KEYS:
        return False
    name, org_type, org_id = org.get("name"), org.get("type", ""), org.get("id", "x")
    if type(name) is not str or not name or type(org_type) is not str or type(org_id) is not str:
        return False
    if not _ORGANISATION_ID.search(org_id):
        return False
    if "kinerja" in data and (type(data["kinerja"]) not in _INTS or data["kinerja"] != 1):
        return False
    if "period" in data:
        period = data["period"]
        if type(period) is not list or not period or not all(type(y) in _INTS and 1900 <= y <= 2199 for y in period):
            return False
    if "source" in data and type(data["source"]) is not str:
        return False
    notes = data.get("notes", "")
    if type(notes) is dict:
        if not all(v is None or (type(v) is str and len(v) <= MAX_TEXT) for v in notes.values()):
            return False
    elif type(notes) is not str:
        return False
    nodes = data["nodes"]
    return type(nodes) is list and all(type(node) is dict for node in nodes)


_NODE_KEYS = frozenset(
    ("id", "statement", "level", "parent", "owner", "indicators", "crosscutting", "notes", "ignore", "ref")
    + ("inferred", "children")
)
_NULLABLE = frozenset(("statement", "level", "parent", "owner", "ref"))  # fields null may stand for
_NOT_TEXT = frozenset(("indicators", "crosscutting", "ignore", "inferred", "children"))
_UNLIMITED = frozenset(("parent", "notes"))  # texts without a maxLength
_INDICATOR_KEYS = frozenset(("name", "formula", "unit", "calculation", "source", "polarity", "targets", "notes"))


def _plain(entry) -> bool:
    """Whether a node holds nothing but what the node schema plainly accepts — texts within their limits,
    nulls where allowed, indicators of texts with targets given as texts, crosscutting links as texts,
    children as mappings (each validated on its own) — so that the validator need not run on it.

    A plain check of the usual node in Python costs half of the compiled validator's; anything else
    (a number, `ignore`, `inferred`, notes as a mapping, a target as a mapping …) goes through the
    validator as before. tests/test_loader_fast_paths.py holds it to accepting nothing the schema refuses."""
    if type(entry) is not dict or "id" not in entry or not entry.keys() <= _NODE_KEYS:
        return False
    for k, v in entry.items():
        if type(v) is str:
            if k in _NOT_TEXT or (len(v) > MAX_TEXT and k not in _UNLIMITED) or (k == "id" and not v):
                return False
        elif v is None:
            if k not in _NULLABLE:
                return False
        elif k == "indicators":
            if type(v) is not list:
                return False
            for indicator in v:
                if type(indicator) is not dict or "name" not in indicator or not indicator.keys() <= _INDICATOR_KEYS:
                    return False
                for field_name, value in indicator.items():
                    if type(value) is str:
                        if field_name == "targets" or len(value) > MAX_TEXT:
                            return False
                    elif value is None:
                        if field_name == "name" or field_name == "targets":
                            return False
                    elif field_name != "targets" or type(value) is not dict:
                        return False
                    else:
                        for target in value.values():
                            if type(target) is not str and target is not None:
                                return False
        elif k == "children" or k == "crosscutting":
            if type(v) is not list:
                return False
            kind = dict if k == "children" else str
            for item in v:
                if type(item) is not kind:
                    return False
        else:
            return False
    return True


def _path_text(path) -> str:
    parts = []
    while path is not None:
        path, name, i = path
        parts.append(f"{name}[{i}]")
    return ".".join(reversed(parts))


def _stringify_target_years(entry: dict) -> None:
    """JSON Schema wants object keys as text; a YAML reader hands over years as numbers.

    Only needed to explain a failure: the quick pass does not look at key types, and the builder
    reads years through text_of."""
    indicators = entry.get("indicators")
    for ind in indicators if isinstance(indicators, list) else ():
        if isinstance(ind, dict) and isinstance(ind.get("targets"), dict):
            ind["targets"] = {text_of(k): v for k, v in ind["targets"].items()}


def _describe(raw: RawDocument, root, error: jsonschema.ValidationError, prefix: str) -> str:
    """'file:line: nodes[3].indicators[0].unit: 5 is not of type ...' — the nearest located mapping."""
    where = raw.locations.get(id(root)) or Location(raw.file)
    item = owner = root
    path = list(error.absolute_path)
    for step in path:
        if id(item) in raw.locations:
            where = raw.locations[id(item)]
        owner = item
        try:
            item = item[step]
        except (KeyError, IndexError, TypeError):
            break
    if isinstance(item, dict) and id(item) in raw.locations:
        where = raw.locations[id(item)]
    if error.validator == "maxLength" and path and isinstance(path[-1], str):
        # named by the field alone (and, in a table, its very cell): the value itself is too long to show
        field_name = path[-1]
        return (
            f"{raw.where(owner, field_name)}: {field_name}: holds {len(error.instance):,} characters; "
            f"the limit is {MAX_TEXT:,}"
        )
    inner = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)
    field_path = (prefix + inner).lstrip(".") or "(document)"
    if len(field_path) > 120:  # a path down a deep nesting: its end says where
        field_path = "…" + field_path[-119:]
    message = policy.short_message(error)
    if error.validator == "additionalProperties":
        message += _allowed_hint(error)
    elif error.validator == "oneOf":
        message = f"{_short(error.instance)} is not a valid value here"
    return f"{where}: {field_path}: {message}"


def _allowed_hint(error) -> str:
    allowed = sorted((error.schema.get("properties") or {}).keys())
    return f" (allowed: {', '.join(allowed)})" if allowed else ""


QUOTE_LIMIT = 70  # characters of a user's text quoted in a message


def _quote(text: str) -> str:
    """A user's text quoted for a message: on one line (control characters escaped), shortened."""
    return repr(text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1] + "…")


def _quote_id(node_id: str) -> str:
    """A node id for a message: as it is when short and plain, else quoted and shortened."""
    return node_id if len(node_id) <= 40 and node_id.isprintable() else _quote(node_id)


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _opt(value) -> str | None:
    """The text of a field, or None when it is absent or blank."""
    if value is None:
        return None
    text = text_of(value)
    return text if text and not text.isspace() else None


def build(raw: RawDocument, levels: policy.LevelVocabulary | None = None) -> Cascade:
    """Validate a raw document and turn it into a Cascade, or raise InputError listing every problem.

    Level labels are resolved with `levels` (default: the shipped vocabulary, rules/levels.yaml)."""
    entries = validated_entries(raw)
    data = raw.data
    assert isinstance(data, dict)  # validated_entries checked it against the document schema
    problems = list(raw.problems)
    org = data["organisation"]
    organisation = Organisation(text_of(org["name"]), _opt(org.get("type")), _opt(org.get("id")))
    period = years.period_of(data.get("period") or [])
    nodes: dict[str, Node] = keeping_hashes()  # (dicts of all the ids: see keeping_hashes)
    first_seen: dict[str, Location] = keeping_hashes()
    builder = _Builder(raw, levels or policy.levels(), policy.fields(), problems)
    node_of, locations, file = builder.node, raw.locations, raw.file

    for entry, implied_parent in entries:
        where = locations.get(id(entry)) or Location(file)
        node = node_of(entry, implied_parent, where)
        if node is None:
            continue
        if node.id in nodes:
            _merge(nodes[node.id], node, first_seen[node.id], problems)
        else:
            nodes[node.id] = node
            first_seen[node.id] = where
    if problems:
        raise InputError(
            problems[:MAX_PROBLEMS]
            + ([f"{raw.file}: (more problems not shown)"] if len(problems) > MAX_PROBLEMS else [])
        )
    notes = data.get("notes")
    return Cascade(
        organisation=organisation,
        nodes=list(nodes.values()) if raw.built is None else raw.built,
        period=period,
        source=_opt(data.get("source")),
        notes=_notes(notes),
        file=raw.file,
        format=raw.format,
    )


def _notes(value) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, str):
        return {"notes": value} if value.strip() else {}
    return {text_of(k): text_of(v) for k, v in value.items() if v is not None and text_of(v).strip()}


class _Memo(dict):
    """function(key), remembered for one document: labels, years, calculation types and target texts
    repeat on every row of a large cascade, and a hit is a plain dict lookup."""

    def __init__(self, function) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, key):
        value = self[key] = self.function(key)
        return value


_STR = {str}


class _Builder:
    """Turns validated node entries into Nodes, collecting every problem with its place.

    The fields are read inline rather than through a helper per field: a 10^5-node cascade has about
    1.5 million of them. A field is kept when it is text that is not blank; anything else (a number, a
    blank text, null) goes through `_opt`, which says the same."""

    def __init__(self, raw: RawDocument, levels: policy.LevelVocabulary, vocab, problems: list[str]) -> None:
        self.raw, self.levels, self.problems = raw, levels, problems
        self.locations, self.file = raw.locations, raw.file
        self.level_of = _Memo(levels.resolve)
        self.calculation_of = _Memo(vocab.calculation_of)
        self.polarity_of = _Memo(vocab.polarity_of)
        self.year_of = _Memo(years.year_of)
        self.target_of = _Memo(parse_target)  # keyed by text only (a number's text is its raw)
        # the year keys of a targets mapping of texts, as read: their years when they ascend without repeating
        self.year_keys: dict[tuple, tuple[int, ...]] = {}
        self.target_rows: dict[tuple, dict] = {}  # (year keys, texts) -> {year: Target}, at most TARGET_ROWS
        self.target_text = self.target_of.__getitem__
        self.shaped = raw.shaped  # every value a text

    def node(self, entry: dict, implied_parent: str | None, where: Location) -> Node | None:
        problems = self.problems
        get = entry.get
        node_id = entry["id"]
        node_id = (node_id if type(node_id) is str else text_of(node_id)).strip()
        if not node_id:
            problems.append(f"{where}: id: a node needs a non-empty id")
            return None
        s = get("statement")
        statement = None if s is None else s if type(s) is str and s and not s.isspace() else _opt(s)
        s = get("parent")
        if type(s) is str and implied_parent is None:  # the usual flat row: one parent, said once
            s = s.strip()
            parents = [s] if s else []
        elif s is None and implied_parent is None:
            parents = []
        else:
            parents = parent_ids(s, implied_parent)
        s = get("level")
        level_label = None if s is None else s if type(s) is str and s and not s.isspace() else _opt(s)
        level_id = None
        if level_label is not None:
            level = self.level_of[level_label]
            if level is None:
                problems.append(
                    f"{self.raw.where(entry, 'level')}: level: unknown level {_quote(level_label)} "
                    f"(node {_quote_id(node_id)}); accepted: " + accepted_levels(self.levels)
                )
            else:
                level_id = level.id
        indicators = []
        given = get("indicators")
        if given:
            indicator_of = self.indicator
            for ind in given:
                indicator = indicator_of(ind, node_id)
                if indicator is not None:
                    indicators.append(indicator)
        if statement is None and not indicators:
            problems.append(f"{where}: statement: node {_quote_id(node_id)} has neither a statement nor an indicator")
            return None
        if statement is not None and level_label is None:
            problems.append(
                f"{where}: level: goal {_quote_id(node_id)} has no level; give one of: "
                + ", ".join(lv.name["id"] for lv in self.levels.levels)
            )
        s = get("owner")
        owner = None if s is None else s if type(s) is str and s and not s.isspace() else _opt(s)
        s = get("crosscutting")
        crosscutting = [Crosscut.parse(text_of(c)) for c in s if text_of(c).strip()] if s else []
        s = get("notes")
        notes = {} if s is None else _notes(s)
        s = get("ignore")
        ignore = [Silence(i["rule"], text_of(i.get("reason") or "")) for i in s] if s else []
        s = get("ref")
        ref = None if s is None else s if type(s) is str and s and not s.isspace() else _opt(s)
        s = get("inferred")
        return Node(
            node_id,
            statement,
            level_id,
            level_label,
            parents,
            owner,
            indicators,
            crosscutting,
            notes,
            ignore,
            where,
            ref,
            tuple(s) if s else (),
        )

    def indicator(self, entry: dict, node_id: str) -> Indicator | None:
        problems = self.problems
        get = entry.get
        where = self.locations.get(id(entry)) or Location(self.file)
        s = get("name")
        name = None if s is None else s if type(s) is str and s and not s.isspace() else _opt(s)
        if name is None:
            problems.append(f"{where}: indicators.name: an indicator of node {_quote_id(node_id)} has an empty name")
            return None
        s = get("calculation")
        calculation = None if s is None else s if type(s) is str and s and not s.isspace() else _opt(s)
        if calculation is not None:
            canonical = self.calculation_of[calculation]
            if canonical is None:
                problems.append(
                    f"{self.raw.where(entry, 'calculation')}: calculation: unknown calculation type "
                    f"{_quote(calculation)} (indicator {_quote(name)}); "
                    "accepted: kumulatif, non-kumulatif, kumulatif-negatif"
                )
            calculation = canonical
        s = get("polarity")
        polarity = None if s is None else s if type(s) is str and s and not s.isspace() else _opt(s)
        if polarity is not None:
            canonical = self.polarity_of[polarity]
            if canonical is None:
                problems.append(
                    f"{self.raw.where(entry, 'polarity')}: polarity: unknown polarity {_quote(polarity)} "
                    f"(indicator {_quote(name)}); accepted: higher, lower"
                )
            polarity = canonical
        given = get("targets")
        s = get("formula")
        formula = None if s is None else s if type(s) is str and s and not s.isspace() else _opt(s)
        s = get("unit")
        unit = None if s is None else s if type(s) is str and s and not s.isspace() else _opt(s)
        s = get("source")
        source = None if s is None else s if type(s) is str and s and not s.isspace() else _opt(s)
        s = get("notes")
        notes = None if s is None else s if type(s) is str and s and not s.isspace() else _opt(s)
        return Indicator(
            name,
            formula,
            unit,
            calculation,
            source,
            polarity,
            self.targets(given, entry, name) if given else {},
            notes,
            where,
        )

    def targets(self, given: dict, entry: dict, name: str) -> dict:
        """{year: Target} in year order; a key that is not a year is a problem naming the indicator."""
        keys = tuple(given)
        known = self.year_keys.get(keys)
        if known:  # texts, each a year, ascending: read as a whole (a table's cells are texts)
            values = tuple(given.values())
            if self.shaped or {*map(type, values)} <= _STR:  # (a number's Target is read from its raw text)
                row = (keys, values)  # a cascade repeats few rows of targets: each read once
                found = self.target_rows.get(row)
                if found is not None:
                    return found.copy()  # (each indicator its own mapping)
                targets = dict(zip(known, map(self.target_text, values)))
                if len(self.target_rows) < TARGET_ROWS:
                    self.target_rows[row] = targets.copy()
                return targets
        targets = {}
        for year, value in given.items():
            number = self.year_of[text_of(year)]
            if number is None:
                problems = self.problems
                problems.append(
                    f"{self.raw.where(entry, 'targets')}: targets: {_quote(text_of(year))} is not a year; "
                    f"give targets by four-digit year from {years.FIRST_YEAR} to {years.LAST_YEAR} (2025: ...) "
                    f"(indicator {_quote(name)})"
                )
                continue
            if type(value) is not str:
                value = text_of(value["text"]) if isinstance(value, dict) else ("" if value is None else text_of(value))
            targets[number] = parse_target(value)
        if known is None and len(targets) == len(keys) and {*map(type, keys)} <= _STR:
            numbers = tuple(targets)
            self.year_keys[keys] = numbers if list(numbers) == sorted(set(numbers)) else ()
        return dict(sorted(targets.items()))


def parent_ids(value, implied_parent: str | None) -> list[str]:
    """The parent ids: `parent` (one id or a list) after the parent implied by nesting, each once."""
    if type(value) is str and implied_parent is None:  # the usual flat row: one parent, said once
        value = value.strip()
        return [value] if value else []
    if isinstance(value, list):
        parents = [text_of(p).strip() for p in value]
    elif value is None or not text_of(value).strip():
        parents = []
    else:
        parents = [text_of(value).strip()]
    if implied_parent is not None and implied_parent not in parents:
        parents.insert(0, implied_parent)
    return [p for p in dict.fromkeys(parents) if p]


def accepted_levels(levels) -> str:
    """'Ultimate Outcome (tujuan, …); Intermediate Outcome (…); …' for messages."""
    groups: dict[str, list[str]] = {lv.id: [] for lv in levels.levels}
    for label in levels.labels:
        level = levels.resolve(label)
        if label != level.id:
            groups[level.id].append(label)
    return "; ".join(f"{lv.name['id']} ({', '.join(groups[lv.id])})" for lv in levels.levels)


_MERGEABLE = ("statement", "level_label", "owner", "ref")


def _merge(first: Node, again: Node, first_where: Location, problems: list[str]) -> None:
    """A repeated id adds to its node; a field given twice with different values is a conflict."""
    for attr in _MERGEABLE:
        a, b = getattr(first, attr), getattr(again, attr)
        if a is not None and b is not None and a != b:
            problems.append(
                f"{again.location}: {attr.replace('_label', '')}: id {_quote_id(again.id)} is used again with a "
                f"different {attr.replace('_label', '')} ({_quote(b)}; first at {first_where}: {_quote(a)})"
            )
        elif a is None and b is not None:
            setattr(first, attr, b)
            if attr == "level_label":
                first.level = again.level
    first.parents.extend(p for p in again.parents if p not in first.parents)
    first.indicators.extend(again.indicators)
    first.crosscutting.extend(c for c in again.crosscutting if c not in first.crosscutting)
    for k, v in again.notes.items():
        if k in first.notes and first.notes[k] != v:
            first.notes[k] = first.notes[k] + "\n" + v
        else:
            first.notes.setdefault(k, v)
    first.ignore.extend(s for s in again.ignore if s not in first.ignore)
    first.inferred += tuple(f for f in again.inferred if f not in first.inferred)
