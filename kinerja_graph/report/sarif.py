"""`kinerja check --format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF readers.

One run. ``tool.driver.rules`` lists every rule of the tool (id, name, short and full description,
help, default level from the default pack, area and LKE criterion as properties). Each finding is a
result:

- ``locations[0].physicalLocation``: the file (a URI relative to ``%SRCROOT%``, the root of the git
  repository — kinerja_graph/report/paths.py: KINERJA_REPO_ROOT, else the repository around the
  working folder, else the working folder — when the file lies under it) and ``region.startLine``: the
  line (YAML, JSON) or row (CSV) where the finding stands. GitHub code scanning rejects a result without
  a line, so a finding with none (an Excel cell, whose row is no line of the file; a finding about the
  whole cascade) points at line 1;
- ``locations[0].logicalLocations``: the node path ("Tujuan 1 › Sasaran Strategis 1.2 › …", name =
  the node id), the spreadsheet cell ("'Pohon Kinerja'!B10") where there is one, or the organisation
  for a finding about the whole cascade;
- ``relatedLocations``: the other nodes of a group finding (the first RELATED_LIMIT; all of their
  ids are in ``properties.related``);
- ``partialFingerprints`` / ``fingerprints``: the stable fingerprint of kinerja_graph/fingerprint.py
  (rule + node identity, never a line number), so that an alert survives renumbering and shifted lines;
- ``suppressions``: a finding silenced in the cascade (``ignore:``) or by a baseline is still listed,
  marked ``inSource`` or ``external`` with its reason.

Files that could not be read and rules that broke are ``toolExecutionNotifications`` of the run's
invocation, whose ``executionSuccessful`` is then false. Messages follow --lang.

A run holds at most MAX_RESULTS results (GitHub code scanning rejects a run with more): the most severe
findings are kept, baselined ones last, and a warning notification (``kinerja/results-capped``) and
``properties.resultsCapped`` say what was left out.
"""

from __future__ import annotations

import collections
import json
import operator
import os
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain
from pathlib import Path
from urllib.parse import quote

import numpy

from kinerja_graph import __version__, checks, config
from kinerja_graph.engine import Report
from kinerja_graph.findings import Finding
from kinerja_graph.fingerprint import PATH_SEPARATOR, SCHEME, Paths, file_fingerprints, graph_of
from kinerja_graph.gcpause import gc_paused
from kinerja_graph.i18n import words
from kinerja_graph.messages import render, renderer
from kinerja_graph.report import paths as repo_paths
from kinerja_graph.report.json_format import compact_encoder, related_ids

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_NAME = "kinerja-graph"
SRCROOT = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "kinerjaFingerprint/v1"
BASELINE_REASON = "baseline:"  # kinerja_graph/baseline.py: a silence with this reason is "external"
INDENT_LIMIT = 5000  # results up to which the JSON is indented
RELATED_LIMIT = 25  # related locations listed per result (all related ids stay in properties.related)
MAX_RESULTS = 25_000  # GitHub code scanning rejects a run with more results
CAPPED_NOTIFICATION = "kinerja/results-capped"
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
PATH_LIMIT = 8  # steps of a node path in a logical location; a deeper one: the top goal, "…", the nearest steps

_t = words("sarif").t  # kinerja_graph/words/sarif.yaml


def rule_name(rule_id: str) -> str:
    """ "missing-indicator" -> "MissingIndicator": SARIF's reader-friendly rule name."""
    return "".join(part.capitalize() for part in re.split(r"[-_]", rule_id) if part)


def artifact_uri(path: str, base: str | None = None) -> tuple[str, str | None]:
    """(uri, uriBaseId): relative to %SRCROOT% (the repository root, report/paths.py) when the file lies under it."""
    rel = repo_paths.relative(path, repo_paths.root(base))
    if rel is not None:
        return quote(rel), SRCROOT
    return Path(os.path.abspath(path)).as_uri(), None


def _text(mapping: dict, lang: str) -> str:
    return mapping.get(lang) or mapping.get("en") or ""


def rule_descriptors(lang: str = "id") -> tuple[list[dict], dict[str, int]]:
    """Every rule of the tool as a SARIF reportingDescriptor, and rule id -> index."""
    pack = config.load_default_pack()
    out, index = [], {}
    for i, (rule_id, rule) in enumerate(checks.all_rules().items()):
        setting = pack.rules.get(rule_id)
        level = LEVELS[setting.severity] if setting is not None else "warning"
        enabled = bool(setting.enabled) if setting is not None else False
        summary, rationale = _text(rule.summary, lang), _text(rule.rationale, lang)
        doc = (rule.documentation(lang) if hasattr(rule, "documentation") else rule.doc or "").strip()
        help_md = f"**{summary}**\n\n{rationale}\n\n{doc}".strip()
        out.append(
            {
                "id": rule_id,
                "name": rule_name(rule_id),
                "shortDescription": {"text": summary},
                "fullDescription": {"text": rationale or summary},
                "help": {"text": f"{summary}\n\n{rationale}\n\n{doc}".strip(), "markdown": help_md},
                "defaultConfiguration": {"level": level, "enabled": enabled},
                "properties": {
                    "tags": ["sakip", rule.area] + ([f"lke-{rule.lke}"] if rule.lke else []),
                    "area": rule.area,
                    "lke": rule.lke,
                },
            }
        )
        index[rule_id] = i
    return out, index


def _physical(uri: str, base_id: str | None, artifact: int, line: int | None) -> dict:
    loc: dict = {"uri": uri, "index": artifact}
    if base_id:
        loc["uriBaseId"] = base_id
    return {"artifactLocation": loc, "region": {"startLine": line if line and line >= 1 else 1}}


def _line(f: Finding) -> int | None:
    """The line a reader can jump to: a YAML/JSON line or a CSV row; none for an Excel cell."""
    loc = f.location
    if loc is None or loc.line is None or loc.kind == "cell":
        return None
    return loc.line


class _BoundedPaths(Paths):
    """Node paths of at most PATH_LIMIT steps: every result of a 10^4-deep chain carrying its whole
    path would make the log grow with nodes × depth. A deeper path keeps the top goal, "…" and the
    PATH_LIMIT - 2 steps nearest the node. Each node's first parent, top goal and depth are found once."""

    def __init__(self, G, lang: str = "id") -> None:
        super().__init__(G, lang)
        self._up: dict[str, tuple[str, int, str | None]] = {}  # node -> (top goal, depth, first parent)
        self._bounded: dict[str, str] = {}

    def path(self, n: str | None) -> str:
        found = self._bounded.get(n)  # type: ignore[arg-type]
        if found is not None:
            return found
        if n is None or self.G is None or n not in self.G._node:
            return super().path(n)
        top, depth, parent = self._up.get(n) or self._walk(n)
        if depth <= PATH_LIMIT:  # the whole path: its first parent's path and one step more
            segment = self._segments.get(n) or self.segment(n)
            if parent is None:
                found = segment
            else:
                found = f"{self._bounded.get(parent) or self.path(parent)}{PATH_SEPARATOR}{segment}"
            self._bounded[n] = found
        else:
            steps = [n]
            while len(steps) < PATH_LIMIT - 2:
                parent = self._up[steps[-1]][2]
                if parent is None:  # (never: depth counts the steps up to the top goal)
                    break
                steps.append(parent)
            segments = [self.segment(x) for x in reversed(steps)]
            found = self._bounded[n] = PATH_SEPARATOR.join([self.segment(top), "…", *segments])
        return found

    def _walk(self, n: str) -> tuple[str, int, str | None]:
        """(top goal, steps from it to n, first parent) along first parents, as Paths.ids follows them."""
        up, G = self._up, self.G
        assert G is not None  # path() walks only nodes of the graph
        nodes, pred = G._node, G._pred
        chain: list[tuple[str, str]] = []
        seen, cur = set(), n
        while cur not in up:
            seen.add(cur)
            parent = None  # _first_parent(G, cur), here: once per node of a report's 10^4 results
            for u, attr in pred[cur].items():
                if attr.get("kind") == "contribution" and (
                    parent is None or nodes[u].get("order", 0) < nodes[parent].get("order", 0)
                ):
                    parent = u
            if parent is None or parent in seen:  # a root, or a cycle (reported by its own rule)
                up[cur] = (cur, 1, None)
                break
            chain.append((cur, parent))
            cur = parent
        top, depth, _ = up[cur]
        for x, parent in reversed(chain):
            depth += 1
            up[x] = (top, depth, parent)
        return up[n]


def _node_logical(paths: Paths, node: str) -> dict:
    return {"name": str(node), "fullyQualifiedName": paths.path(node), "kind": "object"}


def _organisation_logical(f: Finding, org: str | None, lang: str) -> dict:
    """The logical location of a finding about the whole cascade: its organisation."""
    name = org or os.path.basename(f.file) or "-"
    kind = words("common").t("organisation", lang)
    return {"name": name, "kind": "namespace", "properties": {"kind": kind}}


def _head(
    f: Finding,
    fp: str,
    rule_index: dict,
    art: tuple,
    paths: Paths,
    org: str | None,
    lang: str,
    wording: Callable[[Finding], str] | None = None,
) -> dict:
    """A result but its related locations and suppressions (which _result adds after it, in this order)."""
    uri, base_id, artifact = art
    logical = []
    if f.node is not None:
        logical.append(_node_logical(paths, f.node))
    cell = f.cell
    if cell:
        logical.append({"name": cell, "fullyQualifiedName": cell, "kind": "element"})
    if not logical:
        logical.append(_organisation_logical(f, org, lang))
    result: dict = {
        "ruleId": f.rule,
        "level": LEVELS[f.severity],
        "message": {"text": (render(f, lang) if wording is None else wording(f)) or f.rule},
        "locations": [{"physicalLocation": _physical(uri, base_id, artifact, _line(f)), "logicalLocations": logical}],
        "partialFingerprints": {FINGERPRINT_KEY: fp},
        "fingerprints": {SCHEME: fp},
        "properties": {"node": f.node, "related": list(f.related), "area": f.area, "lke": f.lke},
    }
    if f.rule in rule_index:
        result["ruleIndex"] = rule_index[f.rule]
    if cell:
        result["properties"]["cell"] = cell
    return result


def _suppression(reason: str) -> dict:
    external = reason.startswith(BASELINE_REASON)
    suppression: dict = {"kind": "external" if external else "inSource", "status": "accepted"}
    if reason.strip():
        suppression["justification"] = reason
    return suppression


def _related(f: Finding, art: tuple, paths: Paths) -> list[dict]:
    """The related locations of a result: its first RELATED_LIMIT related nodes, numbered from 1."""
    uri, base_id, artifact = art
    related = []
    for i, other in enumerate(f.related[:RELATED_LIMIT], start=1):
        key = (other, artifact)
        parts = paths.related.get(key)
        if parts is None:  # a node is related to many findings: its location is made once (shared, read-only)
            parts = paths.related[key] = _related_parts(paths, other, uri, base_id, artifact)
        related.append({"id": i, **parts})
    return related


def _result(
    f: Finding, fp: str, rule_index: dict, art: tuple, paths: Paths, org: str | None, lang: str, reason: str | None
) -> dict:
    result = _head(f, fp, rule_index, art, paths, org, lang)
    related = _related(f, art, paths)
    if related:
        result["relatedLocations"] = related
    if reason is not None:
        result["suppressions"] = [_suppression(reason)]
    return result


class _Texts:
    """The compact JSON of results, as json.dumps(_result(...)) writes it, made from pieces: what a rule, a
    severity, an artifact or a node contributes is encoded once and joined with each result's own values (its
    message, node, related ids, line, fingerprint). A related location is encoded once per node (a node is
    related to many findings: a group of duplicates names each member in each finding), then spliced into each
    result that lists it; a node's logical location once, for its results and its related location."""

    def __init__(self, lang: str) -> None:
        self.encode = compact_encoder()
        self.wording = renderer(lang)
        self.related: dict[
            tuple, dict[str, str]
        ] = {}  # artifact -> node -> its related location's text after '{"id": N, '
        self._rules: dict[tuple, str] = {}  # (rule, severity) -> the result's text up to its message's text
        self._places: dict[tuple, str] = {}  # artifact -> its physical location's text up to the line
        self._kinds: dict[tuple, str] = {}  # (area, lke) -> the properties' text of them

    def result(
        self,
        f: Finding,
        fp: str,
        rule_index: dict,
        art: tuple,
        paths: Paths,
        org: str | None,
        lang: str,
        reason: str | None,
    ) -> str:
        """encode(_result(f, ...)): the same text."""
        encode, string = self.encode, _encode_string
        rule, node, related = f.rule, f.node, f.related
        head = self._rules.get((rule, f.severity))
        if head is None:
            head = self._rules[rule, f.severity] = (
                f'{{"ruleId": {encode(rule)}, "level": {encode(LEVELS[f.severity])}, "message": {{"text": '
            )
        place = self._places.get(art)
        if place is None:  # _physical() but the line
            uri, base_id, artifact = art
            physical = encode(_physical(uri, base_id, artifact, None))
            place = self._places[art] = physical[: physical.rindex("1}}")]
        kinds = self._kinds.get((f.area, f.lke))
        if kinds is None:
            kinds = self._kinds[f.area, f.lke] = f', "area": {encode(f.area)}, "lke": {encode(f.lke)}'
        loc = f.location
        line = None if loc is None or loc.kind == "cell" else loc.line  # _line(f)
        cell = loc.cell() if loc is not None and loc.kind == "cell" else None  # f.cell (only a cell has one)
        logical = []
        if node is not None:
            logical.append(_logical_text(paths, node, encode))
        if cell:
            logical.append(encode({"name": cell, "fullyQualifiedName": cell, "kind": "element"}))
        if not logical:
            logical.append(encode(_organisation_logical(f, org, lang)))
        message = self.wording(f) or rule
        ids = related_ids(related, encode) if related else ""  # (a 10^6-goal log: 3.7 million of them)
        fingerprint = string(fp)  # (hex digits)
        index = rule_index.get(rule)
        pieces = [
            head,
            string(message),
            '}, "locations": [{"physicalLocation": ',
            place,
            str(line if line and line >= 1 else 1),
            '}}, "logicalLocations": [',
            ", ".join(logical),
            ']}], "partialFingerprints": {"' + FINGERPRINT_KEY + '": ',
            fingerprint,
            '}, "fingerprints": {"' + SCHEME + '": ',
            fingerprint,
            '}, "properties": {"node": ',
            "null" if node is None else string(node) if type(node) is str else encode(node),
            ', "related": [',
            ids,
            "]",
            kinds,
            f', "cell": {string(cell)}}}' if cell else "}",
            "" if index is None else f', "ruleIndex": {index}',  # (an int)
        ]
        if related:
            texts = self.related.get(art)
            if texts is None:
                texts = self.related[art] = {}
            shown = related[:RELATED_LIMIT]
            try:
                listed = list(map(texts.__getitem__, shown))
            except KeyError:  # only the text is kept (not the data as well: the log's memory stays small)
                for other in shown:
                    if other not in texts:
                        texts[other] = self._related_text(paths, other, art, place)
                listed = list(map(texts.__getitem__, shown))
            pieces.append(', "relatedLocations": [')
            pieces.extend(chain.from_iterable(zip(_RELATED_STARTS, listed)))  # no text made per location
            pieces.append("]")
        if reason is not None:
            pieces.append(', "suppressions": ' + encode([_suppression(reason)]))
        pieces.append("}")
        return "".join(pieces)

    def _related_text(self, paths: Paths, node: str, art: tuple, place: str) -> str:
        """encode(_related_parts(...))[1:]: a related location's text after its id ('"physicalLocation": …}'),
        its node's logical location the one its results show; `place`: the artifact's physical location up to
        the line."""
        G = paths.G
        d = (G._node.get(node) if G is not None else None) or {}
        loc = d.get("location")
        line = loc.line if loc is not None and loc.kind != "cell" else None
        text = d.get("statement") or d.get("name") or str(node)
        if type(node) is not str or type(line) not in (int, type(None)):  # as the encoder writes the data
            uri, base_id, artifact = art
            return self.encode(_related_parts(paths, node, uri, base_id, artifact))[1:]
        return (
            f'"physicalLocation": {place}{line if line and line >= 1 else 1}}}}}, "logicalLocations": '
            f'[{_logical_text(paths, node, self.encode)}], "message": {{"text": {_encode_string(f"{node}: {text}")}}}}}'
        )


# each related location's start: its id, after the separator from the one before
_RELATED_STARTS = ['{"id": 1, '] + [f', {{"id": {i}, ' for i in range(2, RELATED_LIMIT + 1)]
_encode_string = json.encoder.encode_basestring  # a text as JSON, as the compact encoder writes it


def _logical_text(paths: Paths, node: str, encode: Callable[[object], str]) -> str:
    """The JSON of a node's logical location (_node_logical), made once per node and paths."""
    found = paths.texts.get(node)
    if found is None:
        if type(node) is str:  # as the encoder writes _node_logical(paths, node)
            name, path = _encode_string(node), _encode_string(paths.path(node))
            found = f'{{"name": {name}, "fullyQualifiedName": {path}, "kind": "object"}}'
        else:
            found = encode(_node_logical(paths, node))
        paths.texts[node] = found
    return found


def _related_parts(paths: Paths, node: str, uri: str, base_id: str | None, artifact: int) -> dict:
    """A related location of `node` but its id: where it stands, its path and its text."""
    G = paths.G
    d = (G._node.get(node) if G is not None else None) or {}
    loc = d.get("location")
    line = loc.line if loc is not None and loc.kind != "cell" else None
    text = d.get("statement") or d.get("name") or str(node)
    return {
        "physicalLocation": _physical(uri, base_id, artifact, line),
        "logicalLocations": [_node_logical(paths, node)],
        "message": {"text": f"{node}: {text}"},
    }


def _folder_uri(base: str | None) -> str:
    uri = Path(repo_paths.root(base)).as_uri()
    return uri if uri.endswith("/") else uri + "/"


def _priority(f: Finding, reason: str | None) -> tuple[int, int]:
    """Which results a capped run keeps first: findings by severity, then silenced ones, baselined ones last."""
    if reason is None:
        return (0, SEVERITY_RANK[f.severity])
    return (2 if reason.startswith(BASELINE_REASON) else 1, SEVERITY_RANK[f.severity])


def _kinds(entries: list[tuple]) -> list[int]:
    """Each entry's kind (_KINDS: ranked as _priority() ranks them), one column of small numbers."""
    return [_FINDING_KIND[f.severity] if reason is None else _KIND[_priority(f, reason)] for _, f, reason in entries]


def _kept(entries: list[tuple], limit: int | None, kinds: list[int] | None = None) -> set[int] | None:
    """The indexes of the entries a run of at most `limit` results keeps; None when all fit. `kinds`: _kinds(entries)."""
    if limit is None or len(entries) <= limit:
        return None
    column = numpy.asarray(_kinds(entries) if kinds is None else kinds, numpy.int8)
    return set(numpy.argsort(column, kind="stable")[:limit].tolist())  # the first of each kind in file order


def _left_out(kinds: list[int], kept: set[int], limit: int, lang: str) -> tuple[dict, dict]:
    """What a capped run left out: a run-level notification and the counts for the run's properties. `kinds`: each
    entry's (_kinds)."""
    omitted = collections.Counter(kinds)
    omitted.subtract(map(kinds.__getitem__, kept))
    return _capped(limit, len(kinds), len(kinds) - len(kept), _by_name(omitted), lang)


def _by_name(omitted: Mapping[int, int]) -> dict[str, int]:
    """Results left out by kind (_KINDS) -> by severity, silenced and baselined, as resultsCapped counts them."""
    counts = {"error": 0, "warning": 0, "info": 0, "silenced": 0, "baselined": 0}
    for kind, (place, rank) in enumerate(_KINDS):
        counts[("silenced", "baselined")[place - 1] if place else _SEVERITY_OF_RANK[rank]] += omitted.get(kind, 0)
    return counts


def _capped(limit: int, total: int, omitted: int, counts: dict[str, int], lang: str) -> tuple[dict, dict]:
    """The notification of a capped run and its properties.resultsCapped: `omitted` of `total` results left
    out, `counts` of them by severity, silenced and baselined."""
    text = _t("results_capped", lang).format(limit=limit, omitted=omitted, total=total, **counts)
    note = {
        "level": "warning",
        "message": {"text": text},
        "descriptor": {"id": CAPPED_NOTIFICATION},
        "properties": {"limit": limit, "omitted": omitted, **counts},
    }
    return note, {"limit": limit, "total": total, "omitted": omitted, "omittedBy": counts}


class _Artifacts:
    """The run's artifacts: each path numbered once, in the order the log meets it; a call gives the path's
    (uri, uriBaseId, index)."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.listed: list[dict] = []
        self._index: dict[str, tuple] = {}

    def __call__(self, path: str) -> tuple:
        if path not in self._index:
            uri, base_id = artifact_uri(path, self.base)
            loc = {"uri": uri}
            if base_id:
                loc["uriBaseId"] = base_id
            self._index[path] = (uri, base_id, len(self.listed))
            self.listed.append({"location": loc})
        return self._index[path]


def _error_notes(fr, artifact: _Artifacts, rule_index: dict[str, int]) -> Iterator[dict]:
    """A file's errors as the invocation's error notifications."""
    for error in fr.errors:
        uri, base_id, idx = artifact(error.file or fr.file)
        note: dict = {
            "level": "error",
            "message": {"text": error.message},
            "locations": [{"physicalLocation": _physical(uri, base_id, idx, None)}],
            "properties": {"kind": error.kind},
        }
        if error.rule:
            note["associatedRule"] = {"id": error.rule}
            if error.rule in rule_index:
                note["associatedRule"]["index"] = rule_index[error.rule]
        yield note


def _document(
    report: Report, rules: list, base: str, artifact: _Artifacts, notifications: list[dict], results, properties: dict
) -> dict:
    """The SARIF log of one run around its results (an iterator, a list, or a mark replaced when written)."""
    run: dict = {
        "tool": {
            "driver": {
                "name": TOOL_NAME,
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "originalUriBaseIds": {SRCROOT: {"uri": _folder_uri(base)}},
        "artifacts": artifact.listed,
        "invocations": [
            {
                "executionSuccessful": not report.errors,
                "toolExecutionNotifications": notifications,
            }
        ],
        "results": results,
        "columnKind": "unicodeCodePoints",
        "properties": properties,
    }
    return {"$schema": SARIF_SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}


def to_data(
    report: Report,
    lang: str = "id",
    base: str | None = None,
    limit: int | None = MAX_RESULTS,
    *,
    statistics: bool = False,
) -> dict:
    """The SARIF log as plain data (see _log)."""
    with gc_paused():
        data, _ = _log(report, lang, base, limit, statistics=statistics)
        run = data["runs"][0]
        run["results"] = list(run["results"])
    return data


def _log(
    report: Report,
    lang: str = "id",
    base: str | None = None,
    limit: int | None = MAX_RESULTS,
    *,
    statistics: bool = False,
    texts: bool = False,
) -> tuple[dict, int]:
    """The SARIF log as plain data, its results an iterator (each made when asked for; `texts`: each as its
    compact JSON text), and their number: at most `limit` results (None: all of them); `statistics`: the
    counts per rule (report/statistics.py, of every finding, capped or not) as the run's properties.statistics.

    Over the limit, the most severe findings are kept (errors, then warnings, then info, each in file
    order), then findings silenced in the cascade, and baselined findings last: an accepted finding
    never takes the place of a new one. What was left out is a warning notification of the run's
    invocation and ``properties.resultsCapped``.
    """
    base = repo_paths.root(base)
    rules, rule_index = rule_descriptors(lang)
    artifact = _Artifacts(base)
    entries: list[tuple] = []  # (file report, finding, silence reason or None), in file order
    for fr in report.files:
        entries.extend((fr, f, None) for f in fr.findings)
        entries.extend((fr, s.finding, s.reason or "") for s in fr.silenced)
    kinds = _kinds(entries) if limit is not None and len(entries) > limit else []
    kept = _kept(entries, limit, kinds)
    # the indexes of each file's results, in file order
    ranges: list[range] = []
    at = 0
    for fr in report.files:
        count = len(fr.findings) + len(fr.silenced)
        ranges.append(range(at, at + count))
        at += count
    shown: list[Sequence[int]] = list(ranges)
    if kept is not None:
        ordered = sorted(kept)
        shown = [ordered[bisect_left(ordered, each.start) : bisect_left(ordered, each.stop)] for each in ranges]

    # every artifact and notification first, met in the order results and errors always met them (the
    # artifacts come before the results in the log); the results themselves are made when written
    notifications: list[dict] = []
    for fr, mine in zip(report.files, shown, strict=True):
        for i in mine:
            artifact(entries[i][1].file or fr.file)
        notifications.extend(_error_notes(fr, artifact, rule_index))

    def results() -> Iterator:
        writer = _Texts(lang)
        make = writer.result if texts else _result
        for fr, mine in zip(report.files, shown, strict=True):
            paths = _BoundedPaths(graph_of(fr), lang)
            wanted = None if kept is None else {id(entries[i][1]) for i in mine}
            prints = file_fingerprints(fr, wanted)  # each kept finding's (numbered among them all)
            org = fr.organisation
            for i in mine:
                _fr, f, reason = entries[i]
                yield make(f, prints[id(f)], rule_index, artifact(f.file or fr.file), paths, org, lang, reason)

    properties: dict = {"summary": report.summary(), "language": lang}
    if kept is not None and limit is not None:
        capped_note, properties["resultsCapped"] = _left_out(kinds, kept, limit, lang)
        notifications.append(capped_note)
    if statistics:
        from kinerja_graph.report import statistics as stats

        properties["statistics"] = stats.to_data(report, lang)
    data = _document(report, rules, base, artifact, notifications, results(), properties)
    return data, len(entries) if kept is None else len(kept)


def format_report(
    report: Report,
    lang: str = "id",
    base: str | None = None,
    limit: int | None = MAX_RESULTS,
    *,
    statistics: bool = False,
) -> str:
    """The SARIF log as JSON: indented for a reader, compact (and much faster) past INDENT_LIMIT results."""
    return "".join(chunks(report, lang, base, limit, statistics=statistics))


_MARK = "\x00kinerja results\x00"  # where the results go in the compact log
_BATCH = 100  # pieces of text (a result, a separator) joined into one


def chunks(
    report: Report,
    lang: str = "id",
    base: str | None = None,
    limit: int | None = MAX_RESULTS,
    *,
    statistics: bool = False,
) -> Iterator[str]:
    """format_report()'s text in pieces: past INDENT_LIMIT results, each result is made, encoded and let go
    a batch at a time (the same bytes as encoding the whole log at once)."""
    with gc_paused():
        count = _count(report, limit)
        data, count = _log(report, lang, base, limit, statistics=statistics, texts=count > INDENT_LIMIT)
        run = data["runs"][0]
        if count <= INDENT_LIMIT:
            run["results"] = list(run["results"])
            yield json.dumps(data, ensure_ascii=False, indent=2) + "\n"
            return
        results, run["results"] = run["results"], _MARK
        yield from _compact(data, results)


def _compact(data: dict, texts: Iterable[str]) -> Iterator[str]:
    """The compact log `data`, whose results are _MARK, with `texts` (results' compact JSON, each text one
    result or several joined by ", ") in their place, ", " between them; a batch of pieces at a time."""
    head, tail = json.dumps(data, ensure_ascii=False).rsplit(json.dumps(_MARK), 1)  # after it: no user text
    out = [head, "["]
    for number, text in enumerate(texts):
        if number:
            out.append(", ")
        out.append(text)
        if len(out) >= _BATCH:
            yield "".join(out)
            out.clear()
    out.append("]" + tail + "\n")
    yield "".join(out)


def _count(report: Report, limit: int | None) -> int:
    """The number of results of the log: every finding and silenced finding, at most `limit`."""
    total = sum(len(fr.findings) + len(fr.silenced) for fr in report.files)
    return total if limit is None else min(total, limit)


# ------------------------------------------------------------------------------------------------
# A log written in parts (kinerja_graph/commands/check.py: a run in worker processes, each writing the results
# of the files it checked): the same bytes as chunks() of the whole run.

_KINDS = sorted((place, rank) for place in range(3) for rank in SEVERITY_RANK.values())  # _priority()'s values
_KIND = {kind: number for number, kind in enumerate(_KINDS)}
_FINDING_KIND = {severity: _KIND[0, rank] for severity, rank in SEVERITY_RANK.items()}  # a finding not silenced
_LOCAL = -(10**15)  # a result's artifact index _LOCAL - k: the file's k-th artifact, numbered for the log later


def _entries_of(fr) -> list[tuple[Finding, str | None]]:
    """(finding, silence reason or None) of one file, in the order _log lists them."""
    return [(f, None) for f in fr.findings] + [(s.finding, s.reason or "") for s in fr.silenced]


def result_kinds(fr) -> list[int]:
    """How many results of one file there are of each kind (_KINDS: as _priority() ranks them)."""
    kinds = [0] * len(_KINDS)
    for f, reason in _entries_of(fr):
        kinds[_KIND[_priority(f, reason)]] += 1
    return kinds


def quotas(kinds: list[list[int]], limit: int | None = MAX_RESULTS) -> list[list[int] | None]:
    """For each file (its result_kinds), how many results of each kind it keeps in a log of at most `limit`
    results — the first ones of each kind in file order, as _kept() keeps them — or None: all of them."""
    if limit is None or sum(map(sum, kinds)) <= limit:
        return [None] * len(kinds)
    left = limit
    out: list[list[int] | None] = [[0] * len(_KINDS) for _ in kinds]
    for kind in range(len(_KINDS)):
        for counts, quota in zip(kinds, out, strict=True):
            assert quota is not None
            quota[kind] = min(left, counts[kind])
            left -= quota[kind]
    return out


def file_results(fr, quota: list[int] | None, lang: str, base: str) -> tuple[list[str], str, int]:
    """The results one file keeps (`quota`: how many of each kind; None: all), as chunks() writes them, joined
    by ", "; the paths of the file's artifacts in the order _log meets them (its kept results, then its errors),
    which the results name by _LOCAL - their position (log_of_parts numbers them); and how many there are.
    `base`: the root (repo_paths.root), as log_of_parts is given it."""
    entries = _entries_of(fr)
    if quota is not None:
        left = list(quota)
        kept = []
        for f, reason in entries:
            kind = _KIND[_priority(f, reason)]
            if left[kind]:
                left[kind] -= 1
                kept.append((f, reason))
        entries = kept
    local: dict[str, tuple] = {}

    def artifact(path: str) -> tuple:
        if path not in local:
            uri, base_id = artifact_uri(path, base)
            local[path] = (uri, base_id, _LOCAL - len(local))
        return local[path]

    arts = [artifact(f.file or fr.file) for f, _ in entries]
    for error in fr.errors:
        artifact(error.file or fr.file)
    if not entries:
        return list(local), "", 0
    paths = _BoundedPaths(graph_of(fr), lang)
    prints = file_fingerprints(fr, None if quota is None else {id(f) for f, _ in entries})
    rule_index = _rule_index(lang)
    writer = _Texts(lang)
    make = writer.result
    org = fr.organisation
    text = ", ".join(
        make(f, prints[id(f)], rule_index, art, paths, org, lang, reason)
        for (f, reason), art in zip(entries, arts, strict=True)
    )
    return list(local), text, len(entries)


def _rule_index(lang: str) -> dict[str, int]:
    """rule_descriptors(lang)'s rule id -> index, made once per process and language."""
    if lang not in _RULE_INDEXES:
        _RULE_INDEXES[lang] = rule_descriptors(lang)[1]
    return _RULE_INDEXES[lang]


_RULE_INDEXES: dict[str, dict[str, int]] = {}


def log_of_parts(
    report: Report,
    kinds: list[list[int]],
    parts: list[tuple[list[str], str, int]],
    lang: str,
    base: str,
    limit: int | None = MAX_RESULTS,
) -> Iterator[str]:
    """chunks(whole report, lang, base, limit) from a report whose files hold their errors but no findings (the
    summary its own), each file's result_kinds and its file_results (written with quotas(kinds, limit))."""
    with gc_paused():
        rules, rule_index = rule_descriptors(lang)
        artifact = _Artifacts(base)
        notifications: list[dict] = []
        texts: list[str] = []
        count = 0
        for fr, (paths, text, n) in zip(report.files, parts, strict=True):
            numbers = [artifact(path)[2] for path in paths]  # the kept results' artifacts, then the errors'
            for k, number in enumerate(numbers):
                text = text.replace(f'"index": {_LOCAL - k}', f'"index": {number}')
            if text:
                texts.append(text)
            count += n
            notifications.extend(_error_notes(fr, artifact, rule_index))
        properties: dict = {"summary": report.summary(), "language": lang}
        total = sum(map(sum, kinds))
        if limit is not None and total > limit:
            omitted: collections.Counter = collections.Counter()
            for counts, quota in zip(kinds, quotas(kinds, limit), strict=True):
                assert quota is not None
                omitted.update(dict(enumerate(map(operator.sub, counts, quota))))
            capped_note, properties["resultsCapped"] = _capped(limit, total, total - count, _by_name(omitted), lang)
            notifications.append(capped_note)
        data = _document(report, rules, base, artifact, notifications, _MARK, properties)
        run = data["runs"][0]
        if count <= INDENT_LIMIT:
            run["results"] = [result for text in texts for result in json.loads(f"[{text}]")]
            yield json.dumps(data, ensure_ascii=False, indent=2) + "\n"
            return
        yield from _compact(data, texts)


_SEVERITY_OF_RANK = {rank: severity for severity, rank in SEVERITY_RANK.items()}
