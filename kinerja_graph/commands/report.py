"""`kinerja report FILE... -o output/report.html`: the evaluator's HTML page, one per cascade.

Thin: parse options, hand the work to kinerja_graph.report.html_build, print what was written and
choose the exit code. Messages go to stderr, in Indonesian or English (--lang). A progress bar moves
on the terminal while several files are processed.

Exit codes: 0 pages written; 1 --fail-on given and a finding reaches it; 2 a file could not be read
or a rule broke (the other files' pages are still written), or bad usage.
"""

from __future__ import annotations

import functools
import sys
from typing import TYPE_CHECKING

import click

from kinerja_graph import terminal
from kinerja_graph.commands.options import (
    FAIL_ON,
    ignore_option,
    jobs_option,
    lang_option,
    no_config_option,
    quiet_option,
    rules_option,
    select_option,
    sheet_option,
    stdin_filename_option,
    with_stdin,
)
from kinerja_graph.i18n import words

if TYPE_CHECKING:
    from kinerja_graph.report import html_build

_t = words("html").t  # the report's words: kinerja_graph/words/html.yaml


@click.command("report")
@click.argument("files", nargs=-1, type=click.Path())
@stdin_filename_option
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    help="The page to write; with several files, the index page (each cascade's page is written next "
    "to it). [default: output/<FILE name>.html; several files: output/report.html]",
)
@rules_option
@no_config_option
@select_option
@ignore_option
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="Exit 1 when a finding of this severity or a worse one remains (for CI). [default: exit 0 "
    "whatever the findings]",
)
@click.option("--year", type=int, metavar="YEAR", help="Show each indicator's target for this year in the diagram.")
@click.option("--no-diagram", is_flag=True, help="Leave the diagram out (no Graphviz needed).")
@click.option(
    "--engine",
    type=click.Choice(["auto", "dot", "pygraphviz"]),
    default="auto",
    show_default=True,
    help="Graphviz to run for the diagram (as in `kinerja render`).",
)
@quiet_option
@jobs_option
@sheet_option
@lang_option
def report(
    files,
    stdin_filename,
    output,
    rules_file,
    no_config,
    select,
    ignore,
    fail_on,
    year,
    no_diagram,
    engine,
    quiet,
    jobs,
    sheet,
    lang,
) -> None:
    """Write the evaluator's report: one self-contained HTML page per cascade, following the evaluation
    (the score and the answer to each LKE criterion with its evidence, notes and recommendations,
    strengths and weaknesses), then the diagram and the detail (findings with rationale and fix,
    per-owner view, indicator table, collapsed) and, for several files or a folder, an index page
    comparing them.

    The score is this tool's own estimate from the criteria (as `kinerja evaluate`), not an official nilai
    SAKIP or LKE result. FILE - reads standard input (its page is named after --stdin-filename). --quiet:
    no progress bar and no notes, only the files that cannot be read.
    """
    from kinerja_graph import pipeline

    options = pipeline.Options(
        rules=rules_file,
        use_project=not no_config,
        select=select,
        ignore=ignore,
        fail_on=fail_on,
        sheet=sheet,
        stdin_filename=stdin_filename,
        jobs=jobs,
    )
    batch = write_pages(
        with_stdin(files, stdin_filename),
        options,
        output=output,
        lang=lang,
        diagram=not no_diagram,
        year=year,
        engine_name=engine,
        quiet=quiet,
    )
    sys.exit(batch.exit_code(fail_on))


def write_pages(
    files,
    options,
    *,
    output: str | None,
    lang: str,
    diagram: bool = True,
    year: int | None = None,
    engine_name: str = "auto",
    quiet: bool = False,
) -> html_build.Batch:
    """Write the pages of `files` (kinerja_graph/report/html_build.py) and say on stderr what was written:
    each page with its estimated score and counts, the index, what could not be read. A progress bar
    moves while several files are processed (none with `quiet`, which says only what could not be read).
    Shared by `kinerja report` and `kinerja evaluate --format
    html`."""
    from kinerja_graph.loaders import discover
    from kinerja_graph.report import html_build

    paths = discover.expand(files)
    lines: list[str] = []

    def note(result: html_build.PageResult) -> None:
        for error in result.report.errors:
            if error.kind == "input":
                lines.append(f"{error.file}: {_t('unreadable', lang)}")
            indent = "  " if error.kind == "input" else ""
            lines.extend(indent + line for line in error.lines())
        if quiet:
            return
        if result.diagram_problem:
            lines.append(_t("no_diagram_for", lang, file=result.file, reason=result.diagram_problem))
        if result.page is not None:
            counts = result.entry.counts
            score = result.entry.score if result.entry.score is not None else "-"
            lines.append(
                _t(
                    "written",
                    lang,
                    page=result.page,
                    score=score,
                    error=counts.get("error", 0),
                    warning=counts.get("warning", 0),
                    info=counts.get("info", 0),
                )
            )

    build = functools.partial(
        html_build.build_reports,
        paths,
        options,
        output=output,
        lang=lang,
        diagram=diagram,
        year=year,
        engine_name=engine_name,
    )
    if len(paths) > 1 and not quiet:
        with click.progressbar(length=len(paths), label=_t("progress", lang), file=sys.stderr, show_pos=True) as bar:

            def tick(result: html_build.PageResult) -> None:
                note(result)
                bar.update(1)

            batch = build(tick=tick)
    else:
        batch = build(tick=note)
    for line in lines:
        terminal.say(line)
    pages = [r.page for r in batch.results if r.page]
    written = batch.index if batch.index is not None else (pages[0] if pages else None)
    if batch.index is not None and not quiet:
        click.echo(f"kinerja: {_t('index_written', lang, page=batch.index)}", err=True)
    if written is not None and not quiet:
        click.echo(f"kinerja: {_t('open_page', lang, page=written)}", err=True)
    return batch
