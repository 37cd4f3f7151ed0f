"""`kinerja convert SOURCE TARGET`: a cascade written in another format."""

from __future__ import annotations

import click

from kinerja_graph import api, terminal
from kinerja_graph.commands.options import no_config_option, rules_option, sheet_option


@click.command()
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
