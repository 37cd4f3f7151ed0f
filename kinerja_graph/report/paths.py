"""Where a file is, as GitHub wants it: relative to the root of the git repository.

GitHub code scanning resolves a SARIF result's URI against the repository root (it ignores
``originalUriBaseIds``), and a workflow command's ``file=`` is read the same way. Paths are therefore
made relative to the repository root, wherever the tool runs from (``kinerja check`` run in
``cascades/``, or a workflow step with ``working-directory:``):

1. the root given (the environment variable ``KINERJA_REPO_ROOT``, read by commands/output.py);
2. else the git repository around the working folder: the nearest folder upward holding ``.git``
   (a folder, or the file of a worktree or submodule) — found without running git, so a container
   whose checkout belongs to another user works too;
3. else, outside any repository, the working folder.

A file outside the root keeps its absolute path (SARIF: a ``file://`` URI).
"""

from __future__ import annotations

import os


def find_repo_root(start: str | None = None) -> str | None:
    """The nearest folder at or above `start` (default: the working folder) that holds ``.git``; None outside one."""
    here = os.path.abspath(start or os.getcwd())
    while True:
        if os.path.exists(os.path.join(here, ".git")):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def root(given: str | None = None) -> str:
    """The folder paths are relative to: `given`, else the repository around the working folder, else that folder."""
    if given:
        return os.path.abspath(given)
    return find_repo_root() or os.getcwd()


def relative(path: str, base: str) -> str | None:
    """`path` relative to the folder `base`, with forward slashes; None when the file lies outside it."""
    try:
        rel = os.path.relpath(os.path.abspath(path), base)
    except ValueError:  # another drive (Windows)
        return None
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return None
    return rel.replace(os.sep, "/")
