"""The `kinerja` command. Thin: parse options, call the library, print, choose the exit code.

Exit codes: 0 success (no finding at or above --fail-on), 1 findings, 2 bad input or usage.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import json
import os
import sys

import click

from kinerja_graph import __version__, api, pipeline, policy, terminal
from kinerja_graph.commands import check as _check
from kinerja_graph.commands import ci as _ci
from kinerja_graph.commands import hook as _hook
from kinerja_graph.commands import output
from kinerja_graph.commands import settings as _settings
from kinerja_graph.commands.diff import diff as diff_command
from kinerja_graph.commands.evaluate import evaluate as evaluate_command
from kinerja_graph.commands.export import export as export_command
from kinerja_graph.commands.options import (
    fail_on_option,
    ignore_option,
    jobs_option,
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
from kinerja_graph.commands.render import render as render_command
from kinerja_graph.commands.report import report as report_command
from kinerja_graph.commands.template import template as template_command
from kinerja_graph.engine import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK
from kinerja_graph.errors import KinerjaError


class _Group(click.Group):
    """Turns every KinerjaError into its message on stderr and exit code 2 — never a traceback."""

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


@cli.command()
@click.argument("source", type=click.Path(dir_okay=False))
@click.argument("target", type=click.Path(dir_okay=False))
@sheet_option
@click.option(
    "--headers",
    type=click.Choice(["en", "id"]),
    default="en",
    show_default=True,
    help="Column names of a CSV/XLSX target: English (id, parent, …) or Indonesian (Kode, Kode Induk, …).",
)
@rules_option
@no_config_option
def convert(source, target, sheet, headers, rules_file, no_config):
    """Convert SOURCE to TARGET; the formats follow the file names (.yaml, .json, .csv, .xlsx)."""
    levels = api.levels_for(source, rules_file, use_project=not no_config)
    cascade = api.convert(source, target, sheet, headers, levels)
    click.echo(terminal.clean(f"{source} -> {target} ({len(cascade.nodes)} nodes)"), err=True)


@cli.command()
def schema():
    """Print the JSON Schema of the cascade document."""
    click.echo(json.dumps(policy.load_schema("cascade.schema.json"), indent=2, ensure_ascii=False))


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False))
@stdin_filename_option
@sheet_option
@rules_option
@no_config_option
@output_file_option
@lang_option
def show(file, stdin_filename, sheet, rules_file, no_config, output_file, lang):
    """Print a short summary of FILE (- for standard input): organisation, goals per level, roots, leaves,
    owners."""
    from kinerja_graph.report.show import format_summary

    with_stdin((file,), stdin_filename)
    levels = api.levels_for(file, rules_file, use_project=not no_config, stdin_filename=stdin_filename)
    summary = api.show(file, sheet, levels, name=stdin_filename)
    output.write_text(terminal.escape(format_summary(summary, lang)), output_file)


@cli.command()
@click.argument("files", nargs=-1, type=click.Path())
@stdin_filename_option
@rules_option
@no_config_option
@select_option
@ignore_option
@fail_on_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(output.CHECK_FORMATS),
    default="text",
    show_default=True,
    help="Report format: text, concise (one line per finding: path:line: severity rule message), json "
    "(docs/json-output.md), xlsx (-o FILE.xlsx: the findings beside the rows, for a planner), or for CI "
    "sarif, github, markdown, junit.",
)
@output_file_option
@quiet_option
@click.option(
    "--statistics",
    is_flag=True,
    help="Count the findings per rule (rule, severity, count, summary), most first: instead of the findings "
    "in text and concise, beside them in the other formats.",
)
@click.option(
    "--color",
    "colour",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text report: auto colours a terminal unless NO_COLOR is set; FORCE_COLOR colours it anywhere.",
)
@click.option(
    "--show-settings",
    is_flag=True,
    help="Print the configuration each FILE would be checked with (project file, rule pack, fail-on, the "
    "rules that run and their severities) and check nothing; --format json for a program.",
)
@_ci.ci_options
@click.option(
    "--group",
    is_flag=True,
    help="Text format: the findings grouped into notes by cause (rule and criterion), each saying how many of "
    "how many, with the goals and one recommendation, as `kinerja evaluate` lists them.",
)
@click.option(
    "--only-cascades",
    is_flag=True,
    help="Pass over named files (and folders) that hold no cascade, with a note, instead of failing on them: "
    "for pre-commit hooks, which choose files by name.",
)
@jobs_option
@sheet_option
@lang_option
def check(
    files,
    stdin_filename,
    rules_file,
    no_config,
    select,
    ignore,
    fail_on,
    fmt,
    output_file,
    quiet,
    statistics,
    colour,
    show_settings,
    baseline_file,
    write_baseline,
    exit_zero,
    group,
    only_cascades,
    jobs,
    sheet,
    lang,
):
    """Check the cascade in each FILE (or in the cascade files under each folder; - reads standard input)
    and report its defects.

    Exit codes: 0 no finding reaches --fail-on; 1 one does; 2 a file could not be read, a rule broke,
    or the configuration or the command line is wrong. Files are checked independently: a file that
    cannot be read is reported and the others are still checked.
    """
    files = with_stdin(files, stdin_filename)
    if group and fmt != "text":
        raise click.BadParameter(
            "--group goes with --format text (the other formats list every finding)", param_hint="--group"
        )
    options = pipeline.Options(
        rules=rules_file,
        use_project=not no_config,
        select=select,
        ignore=ignore,
        fail_on=fail_on,
        sheet=sheet,
        jobs=jobs,
        stdin_filename=stdin_filename,
    )
    if show_settings:
        output.write_text(_settings.show_settings(files, options, fmt, lang), output_file)
        return
    if output.FORMATS[fmt].binary and not output_file:
        raise click.UsageError(f"--format {fmt} writes a document: name its file with -o FILE")
    output.refuse_overwriting_inputs(output_file, files)
    accepted = _ci.load_baseline(baseline_file)  # read before the run: a bad baseline stops it
    if only_cascades:
        picked = _hook.select(files)
        if picked.passed_over and not quiet:
            click.echo(_hook.note(picked, lang), err=True)
        files = picked.paths
    shown_colour = output.colour_wanted(colour, terminal=sys.stdout.isatty(), to_file=bool(output_file))
    if not (statistics or group or baseline_file or write_baseline):  # each worker writes its files' part
        code = _check.write_in_workers(
            files,
            options,
            fmt,
            lang,
            colour=shown_colour,
            output_file=output_file,
            quiet=quiet,
            exit_zero=exit_zero,
            base=os.environ.get("KINERJA_REPO_ROOT") or None,
        )
        if code is not None:
            sys.exit(code)
    report = api.check(
        files,
        rules=rules_file,
        use_project=not no_config,
        select=select,
        ignore=ignore,
        fail_on=fail_on,
        sheet=sheet,
        stdin_filename=stdin_filename,
        jobs=jobs,
        # formats that read the graph (SARIF's node paths, the workbook's rows) and baselines' fingerprints
        graphs=output.FORMATS[fmt].graphs or bool(baseline_file or write_baseline),
    )
    _ci.record(report, write_baseline, accepted, lang, quiet=quiet)
    if group:
        output.write_grouped(report, lang, colour=shown_colour, output_file=output_file, quiet=quiet)
    else:
        output.write_report(
            report, fmt, lang, colour=shown_colour, output_file=output_file, quiet=quiet, statistics=statistics
        )
    sys.exit(_ci.exit_code(report, exit_zero=exit_zero, wrote_baseline=bool(write_baseline)))


@cli.command("rules")
@click.argument("rule_id", required=False, metavar="[ID]")
@click.option(
    "--rules",
    "rules_file",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Show severities and options from this rule pack instead of the default one.",
)
@lang_option
def rules_command(rule_id, rules_file, lang):
    """List every rule (id, severity, area, LKE criterion, summary), or print the documentation of ID."""
    from kinerja_graph import checks, config
    from kinerja_graph.report import rules as rules_report

    settings = config.settings_from_pack(rules_file) if rules_file else config.default_settings()
    registry = checks.all_rules()
    if rule_id is None:
        click.echo(rules_report.format_catalogue(registry, settings, lang), nl=False)
        return
    if rule_id not in registry:
        raise click.BadParameter(config.unknown_rule_message(rule_id), param_hint="ID")
    click.echo(rules_report.format_rule(registry[rule_id], settings, lang), nl=False)


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


cli.add_command(render_command)
cli.add_command(report_command)
cli.add_command(evaluate_command)
cli.add_command(diff_command)
cli.add_command(export_command)
cli.add_command(template_command)
