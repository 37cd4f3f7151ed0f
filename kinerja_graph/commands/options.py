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
