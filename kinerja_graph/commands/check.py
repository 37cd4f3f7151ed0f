"""`kinerja check`: the command, and how it checks several files in worker processes, each worker writing its
own files' part of the report.

A parallel run could bring every finding back to this process and format them all here, after the last
file is checked: that is most of a second per 10^4 findings spent on one core while the others wait
(the JSON of 10^5 goals' findings: 2 s of 26). Instead, for the text, json and sarif formats, the worker
that checked a file also writes the file's part of the report — its text lines, its findings' and silenced
findings' JSON entries, its SARIF results — and sends back that text and the file's counts (a Tally); this
process writes the report's head and tail with the formatter itself, over a Report whose files hold their
errors and counts but no findings (Tallied), and puts the workers' parts in between in the files' order.
The bytes are those of a run in one process (tests/test_parallel.py compares them).

SARIF keeps at most MAX_RESULTS results over the whole run, the most severe first: each worker first says
how many results of each kind (severity, silenced or baselined) each of its files has; this process works
out how many of each kind each file keeps (sarif.quotas); then the workers write those results, their
artifacts numbered locally (sarif.file_results), numbered for the whole log here.

Runs this does not take (write_in_workers returns None, having read nothing): one file or --jobs 1 (no
workers), the other formats, --statistics, --group, baselines, and --quiet with text (which lists only
what fails): those are formatted here from the whole Report, as before.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import click

from kinerja_graph import pipeline
from kinerja_graph.commands import ci as _ci
from kinerja_graph.commands import output
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
from kinerja_graph.engine import EXIT_FINDINGS, EXIT_OK, FileReport, Report, RunError, exit_code
from kinerja_graph.findings import SEVERITY_ORDER

FORMATS = ("text", "json", "sarif")  # the formats whose parts the workers write


@click.command()
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
        from kinerja_graph.commands import settings as _settings

        output.write_text(_settings.show_settings(files, options, fmt, lang), output_file)
        return
    if output.FORMATS[fmt].binary and not output_file:
        raise click.UsageError(f"--format {fmt} writes a document: name its file with -o FILE")
    output.refuse_overwriting_inputs(output_file, files)
    accepted = _ci.load_baseline(baseline_file)  # read before the run: a bad baseline stops it
    if only_cascades:
        from kinerja_graph.commands import hook as _hook

        picked = _hook.select(files)
        if picked.passed_over and not quiet:
            click.echo(_hook.note(picked, lang), err=True)
        files = picked.paths
    shown_colour = output.colour_wanted(colour, terminal=sys.stdout.isatty(), to_file=bool(output_file))
    if not (statistics or group or baseline_file or write_baseline):  # each worker writes its files' part
        code = write_in_workers(
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
    report = pipeline.run(
        files,
        options,
        # formats that read the graph (SARIF's node paths, the workbook's rows) and baselines' fingerprints
        graphs=output.FORMATS[fmt].graphs or bool(baseline_file or write_baseline),
    ).report
    _ci.record(report, write_baseline, accepted, lang, quiet=quiet)
    if group:
        output.write_grouped(report, lang, colour=shown_colour, output_file=output_file, quiet=quiet)
    else:
        output.write_report(
            report, fmt, lang, colour=shown_colour, output_file=output_file, quiet=quiet, statistics=statistics
        )
    sys.exit(_ci.exit_code(report, exit_zero=exit_zero, wrote_baseline=bool(write_baseline)))


# ------------------------------------------------------------------------------------------------
# several files in worker processes


@dataclass(frozen=True)
class Tally:
    """What this process needs of a file whose findings stayed in its worker: its errors and its counts."""

    file: str
    organisation: str | None
    errors: list[RunError]
    fail_on: str
    counts: dict[str, int]  # severity -> findings
    silenced: int
    failed: bool  # a finding reaches fail_on

    @classmethod
    def of(cls, fr: FileReport) -> Tally:
        counts = dict.fromkeys(SEVERITY_ORDER, 0)
        for f in fr.findings:
            counts[f.severity] += 1
        return cls(fr.file, fr.organisation, list(fr.errors), fr.fail_on, counts, len(fr.silenced), fr.failed())


@dataclass
class Tallied(Report):
    """The Report of a run whose findings stayed in the workers: each file with its errors but no finding,
    and its Tally, which the summary, the counts and the exit code are taken from."""

    tallies: list[Tally] = field(default_factory=list)

    @classmethod
    def of(cls, tallies: list[Tally]) -> Tallied:
        files = [
            FileReport(file=t.file, organisation=t.organisation, errors=t.errors, fail_on=t.fail_on) for t in tallies
        ]
        return cls(files, tallies)

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for t in self.tallies:
            for severity in out:
                out[severity] += t.counts.get(severity, 0)
        return out

    def summary(self) -> dict:
        summary = super().summary()  # its counts from counts(); the silenced findings are counted here
        summary["silenced"] = sum(t.silenced for t in self.tallies)
        return summary

    def exit_code(self) -> int:
        return exit_code(errors=bool(self.errors), failed=any(t.failed for t in self.tallies))


def write_in_workers(
    files: Iterable[str],
    options: pipeline.Options,
    fmt: str,
    lang: str,
    *,
    colour: bool,
    output_file: str | None,
    quiet: bool,
    exit_zero: bool,
    base: str | None = None,
) -> int | None:
    """Check `files` in worker processes that write their parts of the report in `fmt` (see the module
    docstring); write it (on stdout, or into `output_file`) and the run's errors (stderr); the exit code.
    None when the run is not one for this (nothing read, nothing written). `base`: SARIF's root, as given
    (KINERJA_REPO_ROOT)."""
    if quiet and fmt == "text":  # only what fails: formatted from the whole report
        return None
    colour = colour and fmt == "text"
    written = report_in_workers(files, options, fmt, lang, colour=colour, base=base)
    if written is None:
        return None
    report, pieces = written
    code = report.exit_code()
    if output_file or not quiet or code != EXIT_OK:
        output.write_text(pieces, output_file, colour if fmt == "text" else None, escaped=output.FORMATS[fmt].escaped)
    output.echo_errors(report.errors)
    return EXIT_OK if code == EXIT_FINDINGS and exit_zero else code


def report_in_workers(
    files: Iterable[str],
    options: pipeline.Options,
    fmt: str,
    lang: str,
    *,
    colour: bool = False,
    base: str | None = None,
    limit: int | None = None,
) -> tuple[Tallied, Iterable[str]] | None:
    """The run's Tallied report and its text in `fmt` (text, json or sarif), in pieces, each file's part written
    by the worker that checked it; None (nothing read) when the run would not start workers or `fmt` is
    another. `colour`: the text's; `base`: SARIF's root as given; `limit`: SARIF's results (default
    sarif.MAX_RESULTS)."""
    if fmt not in FORMATS:
        return None
    if fmt == "sarif":
        from kinerja_graph.report import sarif

        root = sarif.repo_paths.root(base)
        limit = sarif.MAX_RESULTS if limit is None else limit
        work: Any = functools.partial(_sarif_first)
        then = pipeline.Then(
            functools.partial(_sarif_settle, limit=limit), functools.partial(_sarif_step, lang=lang, base=root)
        )
        parts = pipeline.map_parts(files, work, options, then=then)
        if parts is None:
            return None
        done = list(parts)
        report = Tallied.of([first[0] for first, _ in done])
        kinds = [first[1] for first, _ in done]
        return report, sarif.log_of_parts(report, kinds, [second for _, second in done], lang, root, limit)
    work = functools.partial(_text_part if fmt == "text" else _json_part, lang=lang, colour=colour)
    parts = pipeline.map_parts(files, work, options)
    if parts is None:
        return None
    written: list[Any] = [first for first, _ in parts]
    report = Tallied.of([tally for tally, *_ in written])
    return report, _text(report, written, lang, colour) if fmt == "text" else _json(report, written, lang)


# ------------------------------------------------------------------------------------------------
# text: each file's lines (report/text.py format_file), then the summary line


def _text_part(position: int, result: pipeline.FileResult, *, lang: str, colour: bool) -> tuple[Tally, str]:
    from kinerja_graph.report import text

    fr = result.report
    return Tally.of(fr), text.format_report(Report([fr]), lang, colour, summary=False) + "\n"


def _text(report: Tallied, parts: list[tuple[Tally, str]], lang: str, colour: bool) -> Iterator[str]:
    from kinerja_graph.report import text

    for _, part in parts:
        yield part
    line = text.summary_line(report, lang)
    yield (click.style(line, bold=True) if colour else line) + "\n"


# ------------------------------------------------------------------------------------------------
# json: each file's findings and silenced findings, one entry a line (report/json_format.py)

_FINDINGS = '\n  "findings": '
_SILENCED = ',\n  "silenced": '
_ERRORS = ',\n  "errors": '
_ENTRIES = ("[\n    ", ",\n    ", "\n  ]")  # a list of entries: its opening, between two, its closing


def _json_part(position: int, result: pipeline.FileResult, *, lang: str, colour: bool) -> tuple[Tally, str, str]:
    """The file's findings' entries and its silenced findings' entries (each a line, between them the list's
    separator), cut out of the file's own JSON report."""
    from kinerja_graph.report import json_format

    fr = result.report
    document = json_format.format_report(Report([fr]), lang)
    findings = _cut(document, _FINDINGS, _SILENCED)
    silenced = _cut(document, _SILENCED, _ERRORS)
    return Tally.of(fr), findings, silenced


def _cut(document: str, start: str, end: str) -> str:
    """The entries of the list between the keys `start` and `end` ("" for an empty list)."""
    begin = document.index(start) + len(start)
    section = document[begin : document.index(end, begin)]
    if section == "[]":
        return ""
    opening, _, closing = _ENTRIES
    assert section.startswith(opening) and section.endswith(closing), section[:40]
    return section[len(opening) : -len(closing)]


def _json(report: Tallied, parts: list[tuple[Tally, str, str]], lang: str) -> Iterator[str]:
    """The report of the Tallied run (its summary and errors; no findings), the workers' entries put in."""
    from kinerja_graph.report import json_format

    document = json_format.format_report(report, lang)
    begin = document.index(_FINDINGS) + len(_FINDINGS)
    middle = document.index(_SILENCED, begin)
    end = document.index(_ERRORS, middle)
    assert document[begin:middle] == "[]" and document[middle + len(_SILENCED) : end] == "[]"
    yield document[:begin]
    yield from _entries([findings for _, findings, _ in parts])
    yield _SILENCED
    yield from _entries([silenced for _, _, silenced in parts])
    yield document[end:]


def _entries(parts: list[str]) -> Iterator[str]:
    opening, between, closing = _ENTRIES
    written = False
    for part in parts:
        if part:
            yield between if written else opening
            yield part
            written = True
    yield closing if written else "[]"


# ------------------------------------------------------------------------------------------------
# sarif: how many results of each kind, then the results each file keeps (report/sarif.py)


def _sarif_first(position: int, result: pipeline.FileResult) -> tuple[Tally, list[int]]:
    from kinerja_graph.report import sarif

    fr = result.report
    return Tally.of(fr), sarif.result_kinds(fr)


def _sarif_settle(firsts: list[tuple[Tally, list[int]]], *, limit: int | None) -> list[list[int] | None]:
    from kinerja_graph.report import sarif

    return sarif.quotas([kinds for _, kinds in firsts], limit)


def _sarif_step(position: int, result: pipeline.FileResult, quota: list[int] | None, *, lang: str, base: str) -> Any:
    from kinerja_graph.report import sarif

    return sarif.file_results(result.report, quota, lang, base)
