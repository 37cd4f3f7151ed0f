"""Command-line options shared by several commands, defined once."""

from __future__ import annotations

import click

FAIL_ON = ("error", "warning", "info")


def rule_ids(ctx, param, values):
    """--select/--ignore: ids or areas, comma-separated or repeated; unknown ids are a usage error."""
    if not values:
        return None
    from kinerja_graph import config

    ids, unknown = config.expand_rule_ids(values)
    if unknown:
        raise click.BadParameter("; ".join(config.unknown_rule_message(u) for u in unknown))
    return ids


lang_option = click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default="id",
    show_default=True,
    help="Language of messages: Indonesian or English.",
)
sheet_option = click.option("--sheet", metavar="NAME", help="Sheet of an .xlsx file to read (default: the first).")
rules_option = click.option(
    "--rules",
    "rules_file",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="A rule pack (YAML) to use instead of the project configuration.",
)
no_config_option = click.option(
    "--no-config", is_flag=True, help="Ignore kinerja.toml and [tool.kinerja] in pyproject.toml."
)
select_option = click.option(
    "--select",
    multiple=True,
    metavar="IDS",
    callback=rule_ids,
    help="Run only these rules: ids or areas, comma-separated or repeated.",
)
ignore_option = click.option(
    "--ignore",
    multiple=True,
    metavar="IDS",
    callback=rule_ids,
    help="Do not run these rules: ids or areas, comma-separated or repeated.",
)
fail_on_option = click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="Exit 1 when a finding of this severity or a worse one remains. [default: error]",
)
stdin_filename_option = click.option(
    "--stdin-filename",
    metavar="NAME",
    help="The name of the cascade read from standard input (FILE -): shown in messages, its suffix gives the "
    "format (.yaml, .json, .csv, .xlsx; without one the format is read from the content) and its folder the "
    "project configuration.",
)
output_file_option = click.option(
    "-o",
    "--output-file",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Write the report to FILE instead of standard output (replaced at once, never half-written); "
    "errors still go to stderr.",
)
quiet_option = click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="Print nothing unless a finding reaches --fail-on or a file cannot be read, and then only that; "
    "no notes on stderr. The exit code is unchanged.",
)


def _jobs(ctx, param, value):
    """--jobs: "auto" or 0 is one process per core, 1 checks the files one after the other here."""
    if value is None or str(value).strip().lower() == "auto":
        return 0
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise click.BadParameter(f"{value!r}: give a number of processes (1 or more), or 0 or auto for one per core")
    return jobs


jobs_option = click.option(
    "-j",
    "--jobs",
    metavar="N",
    default="auto",
    show_default=True,
    callback=_jobs,
    help="Check the files of a folder in N processes at once: auto (or 0) one per core, 1 one after the other. "
    "Each file's findings and the order of the output are the same whatever N; one file never starts a pool.",
)


def with_stdin(files: tuple[str, ...], stdin_filename: str | None) -> tuple[str, ...]:
    """The FILES to read: "-" (standard input) alone when only --stdin-filename is given; a usage error when
    there is nothing to read, or a --stdin-filename without "-" to name."""
    if not files:
        if stdin_filename is not None:
            return ("-",)
        raise click.UsageError("give at least one FILE (a file or a folder), or - to read standard input")
    if stdin_filename is not None and "-" not in files:
        raise click.UsageError("--stdin-filename names standard input: give - among the FILES")
    return files
