"""The output formats of the commands that write findings: one registry, name -> formatter.

    FORMATS["sarif"].check(report, lang, colour)   # `kinerja check --format sarif`
    FORMATS["markdown"].diff(result, lang)         # `kinerja diff --format markdown`

`kinerja check` offers every format with a `check` formatter (CHECK_FORMATS), `kinerja diff` every one
with a `diff` formatter (DIFF_FORMATS). The formatters live in kinerja_graph/report/ and only turn a
result into text; this module prints it: the text on stdout, then each error of the run on stderr
(one line each, naming its file: the reasons stay readable in a CI log whatever the format), and
runs a format's side effect (the github format also fills the job's step summary).

Formatter modules are imported when their format is used: a run pays only for the format it writes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from kinerja_graph.diff import DiffResult
    from kinerja_graph.engine import Report, RunError


@dataclass(frozen=True)
class OutputFormat:
    name: str
    check: Callable[[Report, str, bool], str] | None = None  # (report, lang, colour) -> text
    diff: Callable[[DiffResult, str], str] | None = None  # (diff result, lang) -> text
    after: Callable[[Report, str], None] | None = None  # a side effect once the text is written
    colour: bool = False  # does the text carry terminal colours (click strips them when asked)


def _text(report: Report, lang: str, colour: bool) -> str:
    from kinerja_graph.report import text

    return text.format_report(report, lang, colour=colour)


def _json(report: Report, lang: str, colour: bool) -> str:
    from kinerja_graph.report import json_format

    return json_format.format_report(report, lang)


def _repo_root() -> str | None:
    """The root SARIF and GitHub paths are relative to, when set (KINERJA_REPO_ROOT); else report/paths.py finds
    the git repository around the working folder."""
    return os.environ.get("KINERJA_REPO_ROOT") or None


def _sarif(report: Report, lang: str, colour: bool) -> str:
    from kinerja_graph.report import sarif

    return sarif.format_report(report, lang, base=_repo_root())


def _github(report: Report, lang: str, colour: bool) -> str:
    from kinerja_graph.report import github

    return github.format_report(report, lang, root=_repo_root())


def _markdown(report: Report, lang: str, colour: bool) -> str:
    from kinerja_graph.report import markdown

    return markdown.format_report(report, lang)


def _junit(report: Report, lang: str, colour: bool) -> str:
    from kinerja_graph.report import junit

    return junit.format_report(report, lang)


def _diff_text(result: DiffResult, lang: str) -> str:
    from kinerja_graph.report import diff_format

    return diff_format.format_text(result, lang)


def _diff_json(result: DiffResult, lang: str) -> str:
    from kinerja_graph.report import diff_format

    return diff_format.format_json(result, lang)


def _diff_markdown(result: DiffResult, lang: str) -> str:
    from kinerja_graph.report import diff_format

    return diff_format.format_markdown(result, lang)


def _step_summary(report: Report, lang: str) -> None:
    """The github format also appends a summary to the job's page, when GitHub Actions asks for one."""
    from kinerja_graph.report import github

    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary:
        return
    try:
        with open(summary, "a", encoding="utf-8") as fh:
            fh.write(github.step_summary(report, lang) + "\n")
    except OSError as exc:
        click.echo(f"kinerja: cannot write the step summary {summary}: {exc.strerror or exc}", err=True)


FORMATS: dict[str, OutputFormat] = {
    f.name: f
    for f in (
        OutputFormat("text", check=_text, diff=_diff_text, colour=True),
        OutputFormat("json", check=_json, diff=_diff_json),
        OutputFormat("sarif", check=_sarif),
        OutputFormat("github", check=_github, after=_step_summary),
        OutputFormat("markdown", check=_markdown, diff=_diff_markdown),
        OutputFormat("junit", check=_junit),
    )
}
CHECK_FORMATS = tuple(name for name, f in FORMATS.items() if f.check is not None)
DIFF_FORMATS = tuple(name for name, f in FORMATS.items() if f.diff is not None)


def echo_errors(errors: Iterable[RunError]) -> None:
    """Every error of a run on stderr, one line each, naming its file."""
    for error in errors:
        for line in error.lines():
            click.echo(f"kinerja: {line}", err=True)


def write_report(report: Report, fmt: str, lang: str = "id", *, colour: bool = False) -> None:
    """`kinerja check`'s output: the report in format `fmt` on stdout, its errors on stderr."""
    spec = FORMATS[fmt]
    assert spec.check is not None, fmt
    click.echo(spec.check(report, lang, colour and spec.colour), nl=False, color=colour if spec.colour else None)
    if spec.after is not None:
        spec.after(report, lang)
    echo_errors(report.errors)


def write_diff(result: DiffResult, fmt: str, lang: str = "id") -> None:
    """`kinerja diff`'s output: the diff in format `fmt` on stdout, the errors of either version on stderr."""
    spec = FORMATS[fmt]
    assert spec.diff is not None, fmt
    click.echo(spec.diff(result, lang), nl=False)
    echo_errors(result.errors)
