"""`kinerja diff OLD NEW` and `kinerja diff --git REV PATH`: what a change does to a cascade.

Exit codes: 0 the change brings no finding at or above --fail-on; 1 it does; 2 a version could not be
read, the git revision or path is wrong, or the command line is wrong.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile

import click

from kinerja_graph.commands import output
from kinerja_graph.commands.options import (
    fail_on_option,
    ignore_option,
    lang_option,
    no_config_option,
    output_file_option,
    quiet_option,
    rules_option,
    select_option,
    sheet_option,
    stdin_filename_option,
    with_stdin,
)
from kinerja_graph.errors import InputError, KinerjaError


class GitError(KinerjaError):
    """A --git revision or path that git cannot give."""


def _git(args: list[str], cwd: str) -> subprocess.CompletedProcess:
    if shutil.which("git") is None:
        raise GitError("--git needs the git program, which is not installed")
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True)


def git_version(rev: str, path: str) -> tuple[bytes | None, str]:
    """The bytes of `path` at revision `rev` (None when the file did not exist then) and its label."""
    if not rev or rev.startswith("-"):
        raise GitError(f"--git {rev!r}: not a revision")
    absolute = os.path.abspath(path)
    folder = os.path.dirname(absolute)
    if not os.path.isdir(folder):
        raise GitError(f"{path}: folder {folder} does not exist")
    top = _git(["rev-parse", "--show-toplevel"], folder)
    if top.returncode != 0:
        raise GitError(f"{path}: not inside a git repository")
    root = os.fsdecode(top.stdout).strip()
    rel = os.path.relpath(os.path.realpath(absolute), os.path.realpath(root)).replace(os.sep, "/")
    if rel.startswith(".."):
        raise GitError(f"{path}: outside the git repository {root}")
    if _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], root).returncode != 0:
        raise GitError(f"--git {rev}: unknown revision")
    label = f"{rev}:{rel}"
    if _git(["cat-file", "-e", f"{rev}:{rel}"], root).returncode != 0:
        return None, label
    shown = _git(["cat-file", "blob", f"{rev}:{rel}"], root)
    if shown.returncode != 0:
        raise GitError(f"{label}: {os.fsdecode(shown.stderr).strip() or 'git cat-file failed'}")
    return shown.stdout, label


def _version(path: str, options, settings, label: str | None = None):
    """One version read and checked by the pipeline with `settings` (those of the new version)."""
    from kinerja_graph import pipeline

    labels = {path: label} if label is not None else None
    (result,) = pipeline.run([path], options, settings_for=lambda _: settings, labels=labels).results
    return result


@click.command("diff")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False), metavar="OLD NEW | PATH")
@click.option(
    "--git",
    "rev",
    metavar="REV",
    help="Compare PATH with its version at git revision REV (a commit, branch or tag: HEAD, main, v1.0).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(output.DIFF_FORMATS),
    default="text",
    show_default=True,
    help="Output format.",
)
@output_file_option
@quiet_option
@stdin_filename_option
@rules_option
@no_config_option
@select_option
@ignore_option
@fail_on_option
@sheet_option
@lang_option
def diff(
    files, rev, fmt, output_file, quiet, stdin_filename, rules_file, no_config, select, ignore, fail_on, sheet, lang
):
    """Show what changed between two versions of a cascade: goals added, removed, moved (new parent),
    renumbered and changed (statement, level, owner, indicators, targets), and the findings the change
    introduces, resolves or leaves.

    Goals are matched across the versions by statement, so renumbered ids are followed. Exit codes: 0
    the change introduces no finding at or above --fail-on; 1 it does; 2 a version cannot be read or
    the git revision is wrong. One of OLD and NEW may be - (standard input; --stdin-filename names it):
    `git show main:praya.yaml | kinerja diff - praya.yaml`.
    """
    from kinerja_graph import diff as diffing
    from kinerja_graph import pipeline

    files = with_stdin(files, stdin_filename)
    options = pipeline.Options(
        rules=rules_file,
        use_project=not no_config,
        select=select,
        ignore=ignore,
        fail_on=fail_on,
        sheet=sheet,
        stdin_filename=stdin_filename,
    )
    output.refuse_overwriting_inputs(output_file, files)
    resolver = options.resolver()
    if rev is not None:
        if len(files) != 1 or files[0] == "-":
            raise click.UsageError("with --git REV give exactly one PATH (a file, not -)")
        new_path = files[0]
        settings = resolver(new_path)  # both versions are read and checked with the configuration of PATH
        data, label = git_version(rev, new_path)
        new = _version(new_path, options, settings) if os.path.exists(new_path) else None
        if data is None:
            old = None
        else:
            with tempfile.TemporaryDirectory(prefix="kinerja-diff-") as tmp:
                copy = os.path.join(tmp, os.path.basename(new_path))
                with open(copy, "wb") as fh:
                    fh.write(data)
                old = _version(copy, options, settings, label)
        if new is None and old is None:
            raise InputError.one(new_path, f"no such file, neither now nor at {rev}")
        old_file, new_file = label, new_path
    else:
        if len(files) != 2:
            raise click.UsageError("give OLD and NEW, or --git REV PATH")
        if files[0] == files[1] == "-":
            raise click.UsageError("standard input (-) can be only one of OLD and NEW")
        old_path, new_path = files
        # both versions are read and checked with the configuration of NEW
        settings = resolver(options.config_path(new_path))
        old = _version(old_path, options, settings)
        new = _version(new_path, options, settings)
        old_file, new_file = options.name_of(old_path), options.name_of(new_path)
    result = diffing.compare(old, new, old_file=old_file, new_file=new_file, fail_on=settings.fail_on)
    output.write_diff(result, fmt, lang, output_file=output_file, quiet=quiet)
    sys.exit(result.exit_code())
