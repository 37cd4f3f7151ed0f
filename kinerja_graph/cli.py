"""The `kinerja` command. Thin: parse options, call the library, print, choose the exit code.

Exit codes: 0 success (no finding at or above --fail-on), 1 findings, 2 bad input or usage.
"""

from __future__ import annotations

import json
import sys

import click

from kinerja_graph import __version__, api, policy
from kinerja_graph.errors import KinerjaError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2

lang_option = click.option(
    "--lang", type=click.Choice(["id", "en"]), default="id", show_default=True,
    help="Language of messages: Indonesian or English.",
)
sheet_option = click.option("--sheet", metavar="NAME", help="Sheet of an .xlsx file to read (default: the first).")


class _Group(click.Group):
    """Turns every KinerjaError into its message on stderr and exit code 2 — never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KinerjaError as exc:
            for line in str(exc).splitlines() or [type(exc).__name__]:
                click.echo(f"kinerja: {line}", err=True)
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
def convert(source, target, sheet):
    """Convert SOURCE to TARGET; the formats follow the file names (.yaml, .json, .csv, .xlsx)."""
    cascade = api.convert(source, target, sheet)
    click.echo(f"{source} -> {target} ({len(cascade.nodes)} nodes)", err=True)


@cli.command()
def schema():
    """Print the JSON Schema of the cascade document."""
    click.echo(json.dumps(policy.load_schema("cascade.schema.json"), indent=2, ensure_ascii=False))


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False))
@sheet_option
@lang_option
def show(file, sheet, lang):
    """Print a short summary of FILE: organisation, goals per level, roots, leaves, owners."""
    from kinerja_graph.report.show import format_summary

    click.echo(format_summary(api.show(file, sheet), lang), nl=False)


def main():
    cli(prog_name="kinerja")
