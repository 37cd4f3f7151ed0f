"""`kinerja check --only-cascades`: judge only the named files that hold a cascade (the pre-commit hook).

pre-commit chooses files by name, and a planning team's repository holds YAML, JSON and CSV that are no
cascades: mkdocs.yml, docker-compose.yml, package.json, a budget table, the tool's own baseline
(kinerja-baseline.json) and rule packs (rules/kabupaten.yaml). Named on the command line, such a file
is an input error (exit 2) — right for a person who typed its name, wrong for a hook that only saw a
suffix. With --only-cascades a named file is recognised by its content, exactly as a file found in a
folder is (kinerja_graph/loaders/discover.py: a top-level ``nodes:`` key, a table whose header names a
statement or indicator column, …); the others are passed over with one note on stderr. A folder that
holds no cascade is passed over too. What is left is checked as usual; when nothing is left the run
is an empty, clean run (exit 0) in the format asked for.

    picked = hook.select(paths)
    if picked.passed_over: click.echo(hook.note(picked, lang), err=True)
    report = api.check(picked.paths, ...)
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field

from kinerja_graph.i18n import words
from kinerja_graph.loaders import discover

NOTE_LIMIT = 10  # passed-over files named in the note; the rest are counted

_t = words("hook").t  # kinerja_graph/words/hook.yaml


def looks_like_cascade(path: str) -> bool:
    """Does the file hold a cascade, by its content? (The folder discovery's sniffing.)"""
    return discover.looks_like_cascade(path)


def holds_cascades(folder: str) -> bool:
    """Does a folder hold at least one cascade file (as `kinerja check FOLDER` would find)?"""
    return bool(discover.discover(folder))


@dataclass(frozen=True)
class Selection:
    paths: list[str] = field(default_factory=list)  # cascade files and folders holding one, in the order given
    passed_over: list[str] = field(default_factory=list)


def select(paths: Iterable[str]) -> Selection:
    """Split the named paths into those to check and those that are no cascade.

    A path that does not exist is kept: the loader reports it, as it would without --only-cascades.
    """
    picked = Selection()
    for path in paths:
        if os.path.isdir(path):
            keep = holds_cascades(path)
        elif not os.path.exists(path):
            keep = True
        else:
            keep = looks_like_cascade(path)
        (picked.paths if keep else picked.passed_over).append(path)
    return picked


def note(picked: Selection, lang: str = "id") -> str:
    """One line for stderr: which named files were passed over (the first NOTE_LIMIT, then a count)."""
    shown = ", ".join(picked.passed_over[:NOTE_LIMIT])
    more = len(picked.passed_over) - NOTE_LIMIT
    if more > 0:
        shown += " " + _t("and_more", lang, n=more)
    key = "passed_over" if picked.paths else "nothing_to_check"
    return _t(key, lang, n=len(picked.passed_over), files=shown)
