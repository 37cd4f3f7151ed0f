"""What a run of `kinerja` imports: a command's module only when that command runs, the readers, writers and
validators only where they are used; and `kinerja --help` listing every command as its own help says it."""

from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import click
from click.testing import CliRunner

import kinerja_graph.commands
from kinerja_graph import checks
from kinerja_graph.cli import COMMANDS, _Group, cli

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT / "samples" / "clean.yaml"

# what no run of these commands needs; each costs a start-up a good part of its time
HEAVY = ("jsonschema", "openpyxl", "docx", "multiprocessing", "kinerja_graph.report.html_build")


def _imported(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running `code` (which may print; the modules are the last
    line of its output)."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    return set(json.loads(done.stdout.splitlines()[-1]))


def _run(*args: str) -> str:
    return (
        "import sys\nfrom kinerja_graph.cli import cli\n"
        f"try:\n    cli.main({list(args)!r}, prog_name='kinerja', standalone_mode=False)\n"
        "except SystemExit:\n    pass\n"
    )


def _ours(modules: set[str], prefix: str) -> set[str]:
    return {m for m in modules if m == prefix or m.startswith(prefix + ".")}


def test_every_command_is_listed_as_its_own_help_says():
    for name, listed in COMMANDS.items():
        real = getattr(importlib.import_module(listed.module), listed.attribute)
        assert isinstance(real, click.Command) and real.name == name
        lazy = _Group().commands[name]
        for limit in range(10, 400, 3):  # the --help of any terminal's width
            assert lazy.get_short_help_str(limit) == real.get_short_help_str(limit), (name, limit)
        assert lazy.hidden == real.hidden


def test_the_list_of_commands_is_the_one_the_commands_would_give():
    fresh = _Group(cli.name, params=cli.params, help=cli.help, context_settings=cli.context_settings)
    before = CliRunner().invoke(fresh, ["--help"], terminal_width=100)
    for name in COMMANDS:
        assert fresh.get_command(click.Context(fresh), name) is not None
    after = CliRunner().invoke(fresh, ["--help"], terminal_width=100)
    assert before.exit_code == after.exit_code == 0
    assert before.output == after.output and all(name in before.output for name in COMMANDS)


def test_no_command_is_left_out():
    """Every click command of kinerja_graph/commands/ (but a group's subcommands) is one of COMMANDS."""
    listed = {(entry.module, entry.attribute) for entry in COMMANDS.values()}
    for info in pkgutil.iter_modules(kinerja_graph.commands.__path__):
        module = importlib.import_module(f"kinerja_graph.commands.{info.name}")
        commands = {k: v for k, v in vars(module).items() if isinstance(v, click.Command)}
        subcommands = {id(c) for g in commands.values() if isinstance(g, click.Group) for c in g.commands.values()}
        for attribute, command in commands.items():
            if id(command) not in subcommands and command.callback.__module__ == module.__name__:
                assert (module.__name__, attribute) in listed, (module.__name__, attribute)


def test_a_mistyped_command_is_still_a_usage_error_naming_the_commands():
    result = CliRunner().invoke(cli, ["chek"])
    assert result.exit_code == 2 and "check" in result.output


def test_version_and_help_import_no_command():
    for args in (["--version"], ["--help"]):
        modules = _imported(_run(*args))
        assert not _ours(modules, "kinerja_graph.commands") - {"kinerja_graph.commands"}, args
        for heavy in ("networkx", "numpy", "yaml", "kinerja_graph.engine", "kinerja_graph.loaders", *HEAVY):
            assert not _ours(modules, heavy), (args, heavy)


def test_importing_the_cli_imports_neither_the_checker_nor_the_readers():
    modules = _imported("import kinerja_graph.cli")
    for heavy in ("networkx", "numpy", "kinerja_graph.pipeline", "kinerja_graph.api", "kinerja_graph.checks", *HEAVY):
        assert not _ours(modules, heavy), heavy


def test_checking_a_document_imports_only_what_it_uses():
    modules = _imported(_run("check", str(CLEAN), "--no-config"))
    assert "kinerja_graph.checks.orphan_node" in modules  # it did check
    unused = (
        *HEAVY,
        "kinerja_graph.loaders.table",
        "kinerja_graph.loaders.xlsx",
        "kinerja_graph.writers",
        "kinerja_graph.summary",
        "kinerja_graph.baseline",
        "kinerja_graph.render",
        "kinerja_graph.evaluation",
        "kinerja_graph.commands.render",
        "kinerja_graph.commands.report",
        "kinerja_graph.commands.diff",
    )
    for name in unused:
        assert not _ours(modules, name), name


def test_the_settings_of_a_run_import_no_rule():
    modules = _imported(f"from kinerja_graph import pipeline\npipeline.settings_for({str(CLEAN)!r})")
    rules = {f"kinerja_graph.checks.{rule_id.replace('-', '_')}" for rule_id in checks.rule_ids()}
    assert "kinerja_graph.checks.orphan_node" in rules and not rules & modules


def test_the_rule_ids_are_those_of_the_rules():
    assert checks.rule_ids() == set(checks.all_rules())
