"""Baselines: accept today's findings, fail only on new ones.

    kinerja check cascades/ --write-baseline kinerja-baseline.json   # record what is there today
    kinerja check cascades/ --baseline kinerja-baseline.json         # fail only on what is new

A baseline is a JSON file listing the fingerprints (kinerja_graph/fingerprint.py) of the findings of
one run, each with its two fallback keys, and its rule, file, node, severity and message for a human
reader:

    {"kinerja_baseline": 1, "scheme": "kinerja/v1", "tool": "kinerja-graph 0.1.0",
     "findings": [{"fingerprint": "9f…", "loose": "0c…", "by_id": "5a…", "rule": "missing-owner",
                   "severity": "warning", "file": "cascades/praya.yaml", "node": "1.1.1.1",
                   "message": "…"}, …]}

Matching, in three passes, each only over what the passes before left unmatched:

1. the fingerprint (rule + organisation + node identity + indicator, never the line, file name or
   node id): survives reordered rows, shifted lines, renumbered goals and a renamed file;
2. the key without the indicator: the finding's indicator was renamed;
3. the key by node id: the goal's statement was edited, its id kept.

Each entry accepts one finding: two findings with one fingerprint need two entries. A finding the baseline
accepts is not dropped silently: it moves to the report's silenced findings with the reason
"baseline: FILE", so every format still counts it (text: "dikecualikan: … — baseline: …"; SARIF: a
suppression of kind "external"). Entries that match nothing any more (fixed findings) are counted, so
the CLI can suggest writing the baseline again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from kinerja_graph import __version__
from kinerja_graph.engine import Report, Silenced
from kinerja_graph.errors import InputError
from kinerja_graph.fingerprint import SCHEME, file_keys
from kinerja_graph.messages import render

FORMAT = 1
REASON = "baseline: {path}"


@dataclass
class Baseline:
    path: str
    entries: list[tuple[str, str | None, str | None]]  # (fingerprint, loose, by_id) per accepted finding


@dataclass
class Applied:
    """What applying a baseline did."""

    accepted: int  # findings the baseline accepted (moved to silenced)
    new: int  # findings it did not know
    stale: int  # baseline entries that matched nothing (fixed since)


def entries(report: Report, lang: str = "id") -> list[dict]:
    """The baseline entries for the (unsilenced) findings of a report, in a stable order."""
    out = []
    for fr in report.files:
        prints = file_keys(fr)
        for f in fr.findings:
            keys = prints[id(f)]
            out.append(
                {
                    "fingerprint": keys.fingerprint,
                    "loose": keys.loose,
                    "by_id": keys.by_id,
                    "rule": f.rule,
                    "severity": f.severity,
                    "file": f.file or fr.file,
                    "node": f.node,
                    "message": render(f, lang),
                }
            )
    out.sort(key=lambda e: (e["file"], e["rule"], e["fingerprint"]))
    return out


def dumps(report: Report, lang: str = "id") -> str:
    """The baseline as JSON, one finding per line (quick to write, and a change to it reviews well)."""
    head = {"kinerja_baseline": FORMAT, "scheme": SCHEME, "tool": f"kinerja-graph {__version__}"}
    lines = [json.dumps(head, ensure_ascii=False)[:-1] + ', "findings": [']
    rows = [json.dumps(e, ensure_ascii=False) for e in entries(report, lang)]
    lines.extend(f"  {row}," for row in rows[:-1])
    if rows:
        lines.append(f"  {rows[-1]}")
    lines.append("]}")
    return "\n".join(lines) + "\n"


def write(report: Report, path: str, lang: str = "id") -> int:
    """Record the report's findings in `path`; returns how many were recorded."""
    text = dumps(report, lang)
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except OSError as exc:
        raise InputError.one(path, f"cannot write the baseline: {exc.strerror or exc}") from None
    return sum(1 for fr in report.files for _ in fr.findings)


def load(path: str) -> Baseline:
    """Read a baseline file; every problem is an InputError naming the file (exit code 2)."""
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except FileNotFoundError:
        raise InputError.one(path, "no such baseline file (write one with --write-baseline)") from None
    except IsADirectoryError:
        raise InputError.one(path, "is a folder, not a baseline file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError.one(path, f"cannot read the baseline: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError.one(f"{path}:{exc.lineno}", f"not a baseline: invalid JSON ({exc.msg})") from None
    except (RecursionError, ValueError):  # nested past the parser's depth; a number of thousands of digits
        raise InputError.one(path, "not a baseline: JSON nested too deeply or a number too long") from None
    if not isinstance(data, dict) or data.get("kinerja_baseline") != FORMAT:
        raise InputError.one(
            path, f'not a kinerja baseline (expected "kinerja_baseline": {FORMAT}); write one with --write-baseline'
        )
    if data.get("scheme", SCHEME) != SCHEME:
        raise InputError.one(
            path,
            f"baseline fingerprints use scheme {str(data.get('scheme'))[:40]!r}, this version uses "
            f"{SCHEME!r}: write the baseline again with --write-baseline",
        )
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise InputError.one(path, '"findings" must be a list')
    keys: list[tuple[str, str | None, str | None]] = []
    problems = []
    for i, entry in enumerate(findings):
        fp = entry.get("fingerprint") if isinstance(entry, dict) else entry if isinstance(entry, str) else None
        if not isinstance(fp, str) or not fp:
            problems.append(f'{path}: findings[{i}]: needs a "fingerprint" string')
            continue
        loose = entry.get("loose") if isinstance(entry, dict) else None
        by_id = entry.get("by_id") if isinstance(entry, dict) else None
        keys.append((fp, loose if isinstance(loose, str) else None, by_id if isinstance(by_id, str) else None))
    if problems:
        raise InputError(problems)
    return Baseline(path, keys)


def apply(report: Report, baseline: Baseline) -> Applied:
    """Move the findings the baseline accepts to the silenced findings of their file (in place)."""
    reason = REASON.format(path=baseline.path)
    findings = [(fr, f, keys) for fr in report.files for keys in [file_keys(fr)] for f in fr.findings]
    accepted: set[int] = set()
    left = list(range(len(baseline.entries)))
    for level in range(3):  # fingerprint, then without the indicator, then by node id
        pool: dict[str, list[int]] = {}
        for i in left:
            key = baseline.entries[i][level]
            if key:
                pool.setdefault(key, []).append(i)
        used: set[int] = set()
        for _fr, f, keys in findings:
            if id(f) in accepted:
                continue
            k = keys[id(f)]
            queue = pool.get((k.fingerprint, k.loose, k.by_id)[level])
            if queue:
                used.add(queue.pop())
                accepted.add(id(f))
        left = [i for i in left if i not in used]
    for fr in report.files:
        kept = []
        for f in fr.findings:
            if id(f) in accepted:
                fr.silenced.append(Silenced(f, reason))
            else:
                kept.append(f)
        fr.findings = kept
        fr.silenced.sort(key=lambda s: s.finding.sort_key())
    return Applied(len(accepted), sum(len(fr.findings) for fr in report.files), len(left))
