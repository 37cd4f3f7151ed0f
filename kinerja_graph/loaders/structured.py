"""YAML and JSON cascade documents, read into plain data with the line of every mapping.

YAML is read by kinerja_graph/yamlread.py (`load`): from libyaml's events while the text is plain,
else through PyYAML's safe composer; no object ever constructed from a tag, aliases within a budget of
nodes and of characters (no alias bombs), values at most MAX_DEPTH containers deep (a node's nested
`children` start afresh), every mapping with its line. Neither way recurses, so no depth of nesting
reaches Python's recursion limit.
"""

from __future__ import annotations

import itertools
import json
import re

import yaml

from kinerja_graph import yamlread
from kinerja_graph.errors import InputError
from kinerja_graph.loaders.raw import RawDocument, RawFloat, RawInt
from kinerja_graph.model import Location

_BOOL = {"true", "yes", "on"}
# containers a value may nest (inside a node; a node's `children` start afresh: a tree may be deep)
MAX_DEPTH = 32


def read_yaml(text: str, file: str) -> RawDocument:
    locations: dict[int, Location] = {}

    def located(mapping: dict, line: int) -> None:
        locations[id(mapping)] = Location(file, line)

    try:
        data = yamlread.load(
            text,
            _scalar,
            on_mapping=located,
            max_depth=MAX_DEPTH,
            fresh_depth_keys=("children",),
        )
    except yamlread.Empty:
        raise InputError.one(file, "the file is empty") from None
    except yamlread.YamlRefused as exc:
        raise InputError.one(f"{file}:{exc.line}" if exc.line else file, exc.message) from None
    if not yamlread.REFUSES_SURROGATES and _MAY_HOLD_SURROGATE.search(text):
        _refuse_lone_surrogates(data, file, locations)
    return RawDocument(data, locations, file, "yaml")


def _scalar(node: yaml.ScalarNode):
    tag, value = node.tag, node.value
    if tag == "tag:yaml.org,2002:str":
        return value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() in _BOOL
    if tag == "tag:yaml.org,2002:int":
        try:
            return RawInt.of(value)
        except ValueError:  # more digits than Python converts (4,300): kept as the text it is
            return value
    if tag == "tag:yaml.org,2002:float":
        return RawFloat.of(value)
    if tag == "tag:yaml.org,2002:timestamp":
        return value
    raise yamlread.YamlRefused(node.start_mark.line + 1, f"unsupported YAML tag {tag!r}; tags are not allowed")


_END = object()
_KEY = re.compile(r'"(?:id|name)"\s*:')
_new_location = tuple.__new__  # Location(*fields) without its Python-level __new__: _new_location(Location, fields)


def read_json(text: str, file: str) -> RawDocument:
    try:
        data = json.loads(text, parse_float=RawFloat.of, parse_int=_json_int, object_pairs_hook=_json_object)
    except json.JSONDecodeError as exc:
        raise InputError.one(f"{file}:{exc.lineno}", f"not valid JSON: {exc.msg} (column {exc.colno})") from None
    except _DuplicateKey:
        line, key = _duplicate_key(text)
        raise InputError.one(
            f"{file}:{line}" if line else file,
            f"key {_short(key)} appears twice in one object; JSON readers keep only the last one, so the first "
            "would be lost silently",
        ) from None
    except RecursionError:
        raise InputError.one(file, "JSON nested too deeply; use the flat form with parent ids") from None
    locations: dict[int, Location] = {}
    _locate_json(text, data, file, locations)
    if _MAY_HOLD_SURROGATE.search(text):
        _refuse_lone_surrogates(data, file, locations)
    return RawDocument(data, locations, file, "json")


class _DuplicateKey(Exception):
    pass


def _json_object(pairs: list) -> dict:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        raise _DuplicateKey
    return mapping


def _json_int(text: str):
    try:
        return RawInt.of(text)
    except ValueError:  # more digits than Python converts (4,300): kept as the text it is, as YAML does
        return text


# every JSON string, and whether it is a key (followed by a colon); braces open and close objects
_JSON_TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"(\s*:)?|[{}]', re.S)


def _duplicate_key(text: str) -> tuple[int | None, str]:
    """(line, key) of the first key repeated within one object: a slow scan, run only when one is."""
    objects: list[set] = []
    for m in _JSON_TOKEN.finditer(text):
        token = m.group()
        if token == "{":
            objects.append(set())
        elif token == "}":
            if objects:
                objects.pop()
        elif m.group(2) and objects:
            key = json.loads(f'"{m.group(1)}"')
            if key in objects[-1]:
                return text.count("\n", 0, m.start()) + 1, key
            objects[-1].add(key)
    return None, ""


def _short(text: str, limit: int = 60) -> str:
    """A user's text quoted for a message: one line, at most about `limit` characters."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


# a lone surrogate can only come from a \uD800-\uDFFF escape (UTF-8 text holds none)
_MAY_HOLD_SURROGATE = re.compile(r"\\(?:u|U0000)[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _refuse_lone_surrogates(data, file: str, locations: dict[int, Location]) -> None:
    """An InputError naming line and field of the first text holding half of a character (a surrogate
    escape without its other half): it could be written nowhere, neither to a terminal nor to a file."""
    stack: list[tuple[object, str, dict | None]] = [(data, "", None)]
    while stack:
        item, path, owner = stack.pop()
        if isinstance(item, dict):
            owner = item if id(item) in locations else owner
            for k, v in reversed(list(item.items())):
                field = f"{path}.{k}" if path else str(k)
                if _SURROGATE.search(k):
                    _surrogate_problem(file, locations, owner, path or "(document)", k)
                stack.append((v, field, owner))
        elif isinstance(item, list):
            stack.extend((v, f"{path}[{i}]", owner) for i, v in reversed(list(enumerate(item))))
        elif isinstance(item, str) and _SURROGATE.search(item):
            _surrogate_problem(file, locations, owner, path, item)


def _surrogate_problem(file: str, locations: dict[int, Location], owner, path: str, text: str) -> None:
    where = locations.get(id(owner)) if owner is not None else None
    found = _SURROGATE.search(text)
    lone = found.group() if found else "\ufffd"
    field = path if len(path) <= 100 else "…" + path[-99:]
    raise InputError.one(
        where or file,
        f"{field}: holds half of a character (\\u{ord(lone):04x}, an emoji or letter cut in two); "
        "write the character whole or remove it",
    )


def _owners_recursive(item, owners: list) -> None:
    """Append, in text order, the object owning each "id"/"name" key (fast path)."""
    if type(item) is dict:
        for k, v in item.items():
            if k == "id" or k == "name":
                owners.append(item)
            t = type(v)
            if t is dict or t is list:
                _owners_recursive(v, owners)
    else:
        for v in item:
            t = type(v)
            if t is dict or t is list:
                _owners_recursive(v, owners)


def _owners_iterative(data) -> list:
    owners = []
    stack = [iter([data])]
    while stack:
        item = next(stack[-1], _END)
        if item is _END:
            stack.pop()
        elif isinstance(item, tuple):  # (key, value, owning dict) in key order
            k, v, owner = item
            if k in ("id", "name"):
                owners.append(owner)
            if isinstance(v, (dict, list)):
                stack.append(iter([v]))
        elif isinstance(item, dict):
            stack.append(iter([(k, v, item) for k, v in item.items()]))
        elif isinstance(item, list):
            stack.append(iter(item))
    return owners


def _locate_json(text: str, data, file: str, locations: dict[int, Location]) -> None:
    """Give every object holding an "id" or "name" key the line of that key.

    json.loads keeps key order, so walking the data in key order meets the "id"/"name" keys in the
    order they stand in the text; a key is never preceded by a backslash, a quote inside a string
    always is. If the counts disagree (duplicate keys), lines are left out rather than guessed.
    """
    owners: list = []
    if not isinstance(data, (dict, list)):  # a number, a text: no object (the schema says so)
        return
    try:
        _owners_recursive(data, owners)
    except RecursionError:  # a pathologically deep document: the same walk without recursion
        owners = _owners_iterative(data)
    # a key's quote is never escaped; a quote inside a string always is
    positions = [p for p in (m.start() for m in _KEY.finditer(text)) if p == 0 or text[p - 1] != "\\"]
    if len(positions) != len(owners):
        return
    # the line of each key: the line breaks between one key and the next counted in C, then summed
    lines = itertools.accumulate(
        map(text.count, itertools.repeat("\n"), itertools.chain((0,), positions), positions), initial=1
    )
    next(lines)
    places = list(
        map(
            _new_location,
            itertools.repeat(Location),
            zip(
                itertools.repeat(file), lines, itertools.repeat("line"), itertools.repeat(None), itertools.repeat(None)
            ),
        )
    )
    # an object's first key gives its line: written last, the keys taken in reverse; a place given before stays
    given = dict(locations)
    locations.update(zip(map(id, reversed(owners)), reversed(places), strict=True))
    locations.update(given)
