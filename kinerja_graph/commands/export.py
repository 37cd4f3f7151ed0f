"""`kinerja export …`: documents that follow from a cascade. `kinerja export pk FILE -o OUT.xlsx|OUT.docx`
writes the Perjanjian Kinerja / IKI tables of every position (kinerja_graph/export/pk.py).

Thin: parse options, read the cascade with its configuration, build the tables, hand them to the
writer the output's name asks for, say on stderr what was written. Exit codes: 0 written; 2 bad input,
configuration or usage (one line naming the file).
"""

from __future__ import annotations

import os

import click

from kinerja_graph.commands.options import lang_option, no_config_option, rules_option, sheet_option
from kinerja_graph.errors import InputError
from kinerja_graph.i18n import words

_t = words("export").t
WRITERS = (".xlsx", ".docx")


@click.group("export")
def export() -> None:
    """Documents that follow from a cascade: `kinerja export pk` (Perjanjian Kinerja / IKI tables)."""


@export.command("pk")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="OUT.xlsx|OUT.docx",
    type=click.Path(dir_okay=False),
    help="The workbook (one sheet per position) or Word document (one section per position) to write.",
)
@click.option("--year", type=int, metavar="YEAR", help="Only this year's targets. [default: every year of the period]")
@sheet_option
@rules_option
@no_config_option
@lang_option
def pk(
    file: str, output: str, year: int | None, sheet: str | None, rules_file: str | None, no_config: bool, lang: str
) -> None:
    """Write the Perjanjian Kinerja / IKI tables of FILE: per position (joint owners such as "Kasi Pem &
    Lurah" split into each), the goals it holds with their indicators, formula, unit, targets and data
    source, and the superior's goal each supports; ordered by rank, with a summary first and the goals
    without an owner last."""
    from kinerja_graph import pipeline
    from kinerja_graph.export import pk as pk_tables

    suffix = os.path.splitext(output)[1].lower()
    if suffix not in WRITERS:
        raise click.BadParameter(_t("bad_output", lang), param_hint="'-o' / '--output'")
    if os.path.exists(file) and os.path.exists(output) and os.path.samefile(file, output):
        raise InputError.one(output, _t("same_file", lang))
    # read with its configuration (level labels, owners vocabulary) through the pipeline, not checked
    reading = pipeline.Options(rules=rules_file, use_project=not no_config, sheet=sheet)
    (result,) = pipeline.run([file], reading, check=False).results
    result.raise_if_unreadable()
    cascade, settings = result.cascade, result.settings
    assert cascade is not None
    tables = pk_tables.build(
        cascade,
        year=year,
        owners=settings.pack.vocabulary.get("owners"),
        placeholders=pk_tables.owner_placeholders(settings.pack.rules),
    )
    if tables.year_outside_period:
        period = "–".join(str(y) for y in (tables.period[0], tables.period[-1]))
        click.echo(f"kinerja: {_t('year_outside', lang, year=year, period=period)}", err=True)
    if suffix == ".xlsx":
        from kinerja_graph.export import pk_xlsx as writer
    else:
        from kinerja_graph.export import pk_docx as writer  # type: ignore[no-redef]
    try:
        writer.write(tables, output, lang)
    except OSError as exc:
        raise InputError.one(output, _t("cannot_write", lang, reason=exc.strerror or exc)) from None
    goals = sum(1 for n in cascade.nodes if n.is_goal or n.indicators)
    click.echo(
        _t(
            "wrote",
            lang,
            file=file,
            output=output,
            positions=len(tables.positions),
            goals=goals,
            unowned=len(tables.unowned),
        ),
        err=True,
    )
