"""`kinerja template`: an empty cascade workbook, ready for a planner to fill in."""

from __future__ import annotations

import datetime
import re

import click

PERIOD = re.compile(r"\s*([0-9]{4})\s*[-–]\s*([0-9]{4})\s*")


def _period(ctx, param, value: str | None) -> tuple[int, int]:
    if value is None:
        first = datetime.date.today().year
        return first, first + 4
    m = PERIOD.fullmatch(value)
    if m is None or not 1900 <= int(m.group(1)) <= int(m.group(2)) <= 2199 or int(m.group(2)) - int(m.group(1)) > 30:
        raise click.BadParameter(f"{value!r}: write the first and last year, e.g. 2025-2029")
    return int(m.group(1)), int(m.group(2))


@click.command()
@click.option(
    "-o",
    "--output",
    "output",
    default="pohon-kinerja.xlsx",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The workbook to write (.xlsx).",
)
@click.option(
    "--headers",
    type=click.Choice(["id", "en"]),
    default="id",
    show_default=True,
    help="Column names and instructions: Indonesian (Kode, Tingkat, Kinerja, …) or English.",
)
@click.option(
    "--period",
    metavar="FIRST-LAST",
    callback=_period,
    help="The years to give target columns for, e.g. 2025-2029 [default: this year and the next four].",
)
def template(output, headers, period):
    """Write an empty cascade workbook to fill in: headers, dropdowns for level, calculation type and polarity,
    numeric target cells by year, a sheet for the organisation, instructions and a worked example.

    `kinerja check FILE.xlsx` reads the filled-in workbook; `kinerja convert FILE.xlsx FILE.yaml` turns it
    into a cascade document."""
    from kinerja_graph.errors import InputError
    from kinerja_graph.loaders import load
    from kinerja_graph.workbook import EXAMPLE, write_template

    if not output.lower().endswith((".xlsx", ".xlsm")):
        raise InputError.one(output, "a template is an .xlsx workbook; name the file … .xlsx")
    first, last = period
    write_template(output, headers, range(first, last + 1), example=load(str(EXAMPLE)))
    click.echo(f"{output}: {first}-{last}", err=True)
