"""`kinerja evaluate FILE...|DIR`: each cascade assessed as a SAKIP evaluator would, in the form of an LHE.

Thin: read and check through the shared pipeline, build each file's Evaluation (kinerja_graph/evaluation),
write it in the format asked for through the one registry of output formats (commands/output.py).

Exit codes: 0 the evaluations were written; 2 a file could not be read or a rule broke (the other files are
still evaluated), or bad usage. The findings themselves do not fail the command: `kinerja check` is the gate.
"""

from __future__ import annotations

import sys

import click

from kinerja_graph.commands import output
from kinerja_graph.commands.options import (
    ignore_option,
    lang_option,
    no_config_option,
    output_file_option,
    rules_option,
    select_option,
    sheet_option,
)
from kinerja_graph.engine import EXIT_INPUT, EXIT_OK


@click.command("evaluate")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(output.EVALUATE_FORMATS),
    default="text",
    show_default=True,
    help="text, json (docs/evaluation.md), markdown; docx (the LHE draft) or xlsx (the recommendations matrix) "
    "with -o FILE; html (the report's page: with -o, as `kinerja report -o`).",
)
@output_file_option
@rules_option
@no_config_option
@select_option
@ignore_option
@click.option(
    "--color",
    "colour",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text on a terminal (auto: unless NO_COLOR is set).",
)
@sheet_option
@lang_option
def evaluate(files, fmt, output_file, rules_file, no_config, select, ignore, colour, sheet, lang) -> None:
    """Evaluate each cascade in FILE (or under each folder) as a SAKIP evaluator would: a suggested answer
    for each LKE criterion the document can evidence, with its evidence; the findings grouped into notes
    by cause; strengths, weaknesses and recommendations; and the tool's estimate of a score.

    The score is this tool's own estimate, not a nilai SAKIP or an LKE result.
    """
    from kinerja_graph import evaluation, pipeline

    options = pipeline.Options(rules=rules_file, use_project=not no_config, select=select, ignore=ignore, sheet=sheet)
    if output.FORMATS[fmt].pages:  # html: the report's pages (evaluation, diagram, detail), as `kinerja report`
        from kinerja_graph.commands.report import write_pages

        batch = write_pages(files, options, output=output_file, lang=lang)
        sys.exit(EXIT_INPUT if batch.errors else EXIT_OK)
    run = pipeline.run(files, options)
    evaluations = evaluation.evaluate_run(run, lang)
    shown_colour = output.colour_wanted(colour, terminal=sys.stdout.isatty(), to_file=bool(output_file))
    output.write_evaluation(evaluations, fmt, lang, output=output_file, colour=shown_colour)
    sys.exit(EXIT_INPUT if run.report.errors else EXIT_OK)
