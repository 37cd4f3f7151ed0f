"""`kinerja show FILE`: a short summary of a cascade."""

from __future__ import annotations

import click

from kinerja_graph import api, terminal
from kinerja_graph.commands import output
from kinerja_graph.commands.options import (
    lang_option,
    no_config_option,
    output_file_option,
    rules_option,
    sheet_option,
    stdin_filename_option,
    with_stdin,
)


@click.command()
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
