"""The `kinerja` command. Thin: parse options, call the library, print, choose the exit code.

Exit codes: 0 success (no finding at or above --fail-on), 1 findings, 2 bad input or usage.

Each command lives in its own module under kinerja_graph/commands/, imported only when that command
runs: `kinerja --version` and `kinerja --help` import click and this module, not the checker, the
loaders or networkx. COMMANDS says where each command is and what `kinerja --help` says of it (the
first sentence of its help: tests/test_cli_startup.py holds the two to each other).
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import importlib
import os
import sys
from gettext import gettext as _
from typing import NamedTuple

import click

from kinerja_graph import __version__, terminal
from kinerja_graph.errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, KinerjaError


class Listed(NamedTuple):
    """Where a command is (module, attribute) and the first sentence of its help, as `kinerja --help` lists it."""

    module: str
    attribute: str
    summary: str


COMMANDS: dict[str, Listed] = {
    "check": Listed(
        "kinerja_graph.commands.check",
        "check",
        "Check the cascade in each FILE (or in the cascade files under each folder; - reads standard input) "
        "and report its defects.",
    ),
    "convert": Listed(
        "kinerja_graph.commands.convert",
        "convert",
        "Convert SOURCE to TARGET; the formats follow the file names (.yaml, .json, .csv, .xlsx).",
    ),
    "diff": Listed(
        "kinerja_graph.commands.diff",
        "diff",
        "Show what changed between two versions of a cascade: goals added, removed, moved (new parent), "
        "renumbered and changed (statement, level, owner, indicators, targets), and the findings the change "
        "introduces, resolves or leaves.",
    ),
    "evaluate": Listed(
        "kinerja_graph.commands.evaluate",
        "evaluate",
        "Evaluate each cascade in FILE (or under each folder) as a SAKIP evaluator would: a suggested answer "
        "for each LKE criterion the document can evidence, with its evidence; the findings grouped into notes "
        "by cause; strengths, weaknesses and recommendations; and the tool's estimate of a score.",
    ),
    "export": Listed(
        "kinerja_graph.commands.export",
        "export",
        "Documents that follow from a cascade: `kinerja export pk` (Perjanjian Kinerja / IKI tables).",
    ),
    "render": Listed(
        "kinerja_graph.commands.render",
        "render",
        "Draw the pohon kinerja in FILE for print: one band per level, a box per goal with its indicators and "
        "owner, crosscutting bodies beside the tree.",
    ),
    "report": Listed(
        "kinerja_graph.commands.report",
        "report",
        "Write the evaluator's report: one self-contained HTML page per cascade, following the evaluation "
        "(the score and the answer to each LKE criterion with its evidence, notes and recommendations, "
        "strengths and weaknesses), then the diagram and the detail (findings with rationale and fix, "
        "per-owner view, indicator table, collapsed) and, for several files or a folder, an index page "
        "comparing them.",
    ),
    "rules": Listed(
        "kinerja_graph.commands.rules",
        "rules_command",
        "List every rule (id, severity, area, LKE criterion, summary), or print the documentation of ID.",
    ),
    "schema": Listed("kinerja_graph.commands.schema", "schema", "Print the JSON Schema of the cascade document."),
    "show": Listed(
        "kinerja_graph.commands.show",
        "show",
        "Print a short summary of FILE (- for standard input): organisation, goals per level, roots, leaves, owners.",
    ),
    "template": Listed(
        "kinerja_graph.commands.template",
        "template",
        "Write an empty cascade workbook to fill in: headers, dropdowns for level, calculation type and "
        "polarity, numeric target cells by year, a sheet for the organisation, instructions and a worked example.",
    ),
}


class _NotLoaded(click.Command):
    """A command of COMMANDS whose module is not imported yet: its name and summary, for the list of commands
    (and click's "did you mean" among them); the group puts the real command in its place when it is asked
    for."""

    def __init__(self, name: str, listed: Listed) -> None:
        super().__init__(name, help=listed.summary)
        self.listed = listed

    def load(self) -> click.Command:
        command = getattr(importlib.import_module(self.listed.module), self.listed.attribute)
        assert isinstance(command, click.Command), self.listed
        return command


class _Group(click.Group):
    """The commands of COMMANDS, each imported when it is run (or its help shown); and every KinerjaError
    turned into its message on stderr and exit code 2 — never a traceback."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, listed in COMMANDS.items():
            self.add_command(_NotLoaded(name, listed), name)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = self.commands.get(cmd_name)
        if isinstance(command, _NotLoaded):
            command = self.commands[cmd_name] = command.load()
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """click's list of commands, each said by its summary (COMMANDS) without importing it."""
        commands = [(name, self.commands[name]) for name in self.list_commands(ctx)]
        commands = [(name, command) for name, command in commands if not command.hidden]
        if commands:
            limit = formatter.width - 6 - max(len(name) for name, _ in commands)
            with formatter.section(_("Commands")):
                formatter.write_dl([(name, command.get_short_help_str(limit)) for name, command in commands])

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KinerjaError as exc:
            for line in str(exc).splitlines() or [type(exc).__name__]:
                terminal.say(line)
            sys.exit(EXIT_INPUT)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kinerja")
def cli():
    """kinerja-graph: read a SAKIP performance cascade (pohon kinerja), check it and draw it.

    Input files: YAML or JSON cascade documents (see `kinerja schema`), CSV or XLSX tables.
    """


def main():
    """The console script: one short run, so it skips two costs of a long-lived process.

    The cyclic garbage collector stays off: it would walk the millions of long-lived objects of a
    large cascade again and again, and reference counting frees everything else. And the process
    ends without freeing its objects one by one (a second for a 10^5-node cascade): the streams are
    flushed and the exit handlers run, then the operating system takes the memory back at once.
    """
    gc.disable()
    try:
        cli.main(prog_name="kinerja")
        code = EXIT_OK
    except SystemExit as exc:
        code = exc.code
    _exit_now(code)


def _exit_now(code) -> None:
    if code is None:
        code = EXIT_OK
    elif not isinstance(code, int):  # sys.exit("message"), as Python itself would show it
        print(code, file=sys.stderr)
        code = EXIT_FINDINGS
    for stream in (sys.stdout, sys.stderr):
        # a closed pipe (| head) or stream: nothing more can be said there
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    atexit._run_exitfuncs()
    os._exit(code)
