"""The output formats of the commands that write findings: one registry, name -> formatter, and how
their text reaches the user.

    FORMATS["sarif"].check(report, View(lang="en"))      # `kinerja check --format sarif`
    FORMATS["markdown"].diff(result, "en")               # `kinerja diff --format markdown`
    FORMATS["json"].evaluate(evaluations, "en", False)   # `kinerja evaluate --format json`

`kinerja check` offers every format with a `check` formatter (CHECK_FORMATS), `kinerja diff` every one
with a `diff` formatter (DIFF_FORMATS), `kinerja evaluate` every one with an `evaluate` formatter
(EVALUATE_FORMATS). An evaluate formatter returns text, or bytes for a binary document (a format with
`binary=True`, which is written only to a file: -o): docx (the LHE draft) and xlsx (the recommendations
matrix) are such documents. The html format is the report's pages (`pages=True`: the evaluation, the
diagram and the detail, written by kinerja_graph/report/html_build.py as for `kinerja report`). A new
format of the evaluation is one function in kinerja_graph/report/ and an `evaluate=` entry here. The
formatters live in kinerja_graph/report/ and only turn a result into text; this module prints it: the
text on stdout (or, with -o/--output-file, into a file, written atomically), then each error of the run
on stderr (one line each, naming its file: the reasons stay readable in a CI log whatever the format),
and runs a format's side effect (the github format also fills the job's step summary).

What a `check` formatter is asked for travels in a View: the language, colour, --statistics (the
counts per rule: instead of the findings in text and concise, beside them in the others; a format
that has no place for them — junit — leaves them to stderr) and --quiet. --quiet: nothing on stdout
unless a finding reaches --fail-on or an error happened, and then text and concise list only what
fails, without the summary line; the other formats, documents a program reads, are written whole.
A file asked for with -o is always written, whole. Colour (`colour_wanted`): --color always/never;
else NO_COLOR turns it off, FORCE_COLOR on (even off a terminal), and otherwise a terminal gets it; a
file gets colour only with --color always.

Formatter modules are imported when their format is used: a run pays only for the format it writes.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import click

from kinerja_graph import terminal
from kinerja_graph.errors import KinerjaError

if TYPE_CHECKING:
    from kinerja_graph.diff import DiffResult
    from kinerja_graph.engine import Report, RunError
    from kinerja_graph.evaluation import Evaluation


@dataclass(frozen=True)
class View:
    """How a report is to be written, besides its format."""

    lang: str = "id"
    colour: bool = False  # terminal colours (only formats with OutputFormat.colour get them)
    statistics: bool = False  # --statistics: the counts per rule
    quiet: bool = False  # --quiet: only what fails (text, concise), no summary line


@dataclass(frozen=True)
class OutputFormat:
    name: str
    check: Callable[[Report, View], str | bytes | Iterable[str]] | None = None  # (report, view) -> text, its
    # pieces (a large report, written as it is made), or a document's bytes
    diff: Callable[[DiffResult, str], str] | None = None  # (diff result, lang) -> text
    after: Callable[[Report, str], None] | None = None  # a side effect once the text is written
    colour: bool = False  # does the text carry terminal colours (click strips them when asked)
    statistics: bool = True  # does the text hold the counts per rule when asked (else: stderr)
    quiet_trims: bool = False  # --quiet lists only the findings that fail (a format read by people)
    graphs: bool = False  # the check formatter reads each file's graph (FileReport.graph), kept for it in a pool
    # (evaluations, lang, colour) -> text, or bytes for a binary document
    evaluate: Callable[[list[Evaluation], str, bool], str | bytes] | None = None
    binary: bool = False  # its formatters make a document's bytes: written only to a file (-o)
    suffix: str = ""  # the file name ending of the evaluate format's documents (".md")
    # the format is the report's HTML pages (kinerja_graph/report/html_build.py: evaluation, diagram, detail),
    # written by `kinerja evaluate --format html` as by `kinerja report`, not one text
    pages: bool = False
    # its check text is JSON, whose strings escape every control character: it never holds the escape character
    # a terminal colour starts with, so click has nothing to strip and the text is not searched for one
    escaped: bool = False


def _text(report: Report, view: View) -> Iterable[str]:
    from kinerja_graph.report import text

    return text.chunks(  # written as it is made
        report, view.lang, colour=view.colour, summary=not view.quiet, statistics=view.statistics
    )


def _concise(report: Report, view: View) -> str:
    from kinerja_graph.report import concise

    return concise.format_report(report, view.lang, colour=view.colour, statistics=view.statistics)


def _json(report: Report, view: View) -> Iterable[str]:
    from kinerja_graph.report import json_format

    return json_format.chunks(report, view.lang, statistics=view.statistics)  # written as it is made


def _repo_root() -> str | None:
    """The root SARIF and GitHub paths are relative to, when set (KINERJA_REPO_ROOT); else report/paths.py finds
    the git repository around the working folder."""
    return os.environ.get("KINERJA_REPO_ROOT") or None


def _sarif(report: Report, view: View) -> Iterable[str]:
    from kinerja_graph.report import sarif

    return sarif.chunks(report, view.lang, base=_repo_root(), statistics=view.statistics)


def _github(report: Report, view: View) -> str:
    from kinerja_graph.report import github

    return github.format_report(report, view.lang, root=_repo_root(), statistics=view.statistics)


def _markdown(report: Report, view: View) -> str:
    from kinerja_graph.report import markdown

    return markdown.format_report(report, view.lang, statistics=view.statistics)


def _junit(report: Report, view: View) -> str:
    from kinerja_graph.report import junit

    return junit.format_report(report, view.lang)


def _xlsx(report: Report, view: View) -> bytes:
    from kinerja_graph.report import findings_xlsx

    return findings_xlsx.to_bytes(report, view.lang)


def _diff_text(result: DiffResult, lang: str) -> str:
    from kinerja_graph.report import diff_format

    return diff_format.format_text(result, lang)


def _diff_json(result: DiffResult, lang: str) -> str:
    from kinerja_graph.report import diff_format

    return diff_format.format_json(result, lang)


def _diff_markdown(result: DiffResult, lang: str) -> str:
    from kinerja_graph.report import diff_format

    return diff_format.format_markdown(result, lang)


def _evaluation_text(evaluations: list[Evaluation], lang: str, colour: bool) -> str:
    from kinerja_graph.report import evaluation_text

    return evaluation_text.format_evaluations(evaluations, lang, colour)


def _evaluation_json(evaluations: list[Evaluation], lang: str, colour: bool) -> str:
    from kinerja_graph.report import evaluation_json

    return evaluation_json.format_evaluations(evaluations, lang)


def _evaluation_markdown(evaluations: list[Evaluation], lang: str, colour: bool) -> str:
    from kinerja_graph.report import evaluation_markdown

    return evaluation_markdown.format_evaluations(evaluations, lang)


def _evaluation_docx(evaluations: list[Evaluation], lang: str, colour: bool) -> bytes:
    from kinerja_graph.report import evaluation_docx

    return evaluation_docx.to_bytes(evaluations, lang)


def _evaluation_xlsx(evaluations: list[Evaluation], lang: str, colour: bool) -> bytes:
    from kinerja_graph.report import evaluation_xlsx

    return evaluation_xlsx.to_bytes(evaluations, lang)


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
        OutputFormat(
            "text",
            check=_text,
            diff=_diff_text,
            colour=True,
            quiet_trims=True,
            evaluate=_evaluation_text,
            suffix=".txt",
        ),
        OutputFormat("concise", check=_concise, colour=True, quiet_trims=True),
        OutputFormat("json", check=_json, diff=_diff_json, evaluate=_evaluation_json, suffix=".json", escaped=True),
        OutputFormat("sarif", check=_sarif, graphs=True, escaped=True),  # node paths
        OutputFormat("github", check=_github, after=_step_summary),
        OutputFormat("markdown", check=_markdown, diff=_diff_markdown, evaluate=_evaluation_markdown, suffix=".md"),
        OutputFormat("junit", check=_junit, statistics=False),
        OutputFormat("html", pages=True, suffix=".html"),
        OutputFormat("docx", evaluate=_evaluation_docx, binary=True, suffix=".docx"),
        # check: the planner's workbook of the cascade checked; evaluate: the evaluator's recommendations matrix
        OutputFormat(
            "xlsx",
            check=_xlsx,
            statistics=False,
            graphs=True,  # each goal's row, level and statement
            evaluate=_evaluation_xlsx,
            binary=True,
            suffix=".xlsx",
        ),
    )
}
CHECK_FORMATS = tuple(name for name, f in FORMATS.items() if f.check is not None)
DIFF_FORMATS = tuple(name for name, f in FORMATS.items() if f.diff is not None)
EVALUATE_FORMATS = tuple(name for name, f in FORMATS.items() if f.evaluate is not None or f.pages)


def echo_errors(errors: Iterable[RunError]) -> None:
    """Every error of a run on stderr, one line each, naming its file."""
    for error in errors:
        for line in error.lines():
            terminal.say(line)


def colour_wanted(choice: str, *, terminal: bool, to_file: bool = False, env: Mapping[str, str] | None = None) -> bool:
    """--color: "always" and "never" decide; "auto" is off with NO_COLOR, on with FORCE_COLOR (even off a
    terminal: a CI log that shows colours), else on for a terminal. A file (-o) gets colour only with
    "always". NO_COLOR and FORCE_COLOR count when set to anything but the empty string."""
    env = os.environ if env is None else env
    if choice in ("always", "never"):
        return choice == "always"
    if to_file or env.get("NO_COLOR", ""):
        return False
    if env.get("FORCE_COLOR", ""):
        return True
    return terminal


def fails(report: Report) -> bool:
    """Does the run fail: a finding at or above its file's --fail-on, or an error?"""
    return bool(report.errors) or any(fr.failed() for fr in report.files)


def failing_only(report: Report) -> Report:
    """The report with only what fails: each file's findings at or above its --fail-on, nothing silenced;
    the files with neither such a finding nor an error left out (--quiet)."""
    from kinerja_graph.engine import Report, reaches

    kept = []
    for fr in report.files:
        findings = [f for f in fr.findings if reaches((f,), fr.fail_on)]
        if findings or fr.errors:
            kept.append(replace(fr, findings=findings, silenced=[]))
    return Report(kept)


def refuse_overwriting_inputs(output_file: str | None, inputs: Iterable[str]) -> None:
    """-o must not name a file the run reads: the report would replace the cascade."""
    if not output_file or not os.path.exists(output_file):
        return
    for path in inputs:
        with contextlib.suppress(OSError):
            if os.path.isfile(path) and os.path.samefile(path, output_file):
                raise click.BadParameter(
                    f"{output_file} is one of the files to check; write the report elsewhere",
                    param_hint="'-o' / '--output-file'",
                )


def write_file(path: str, text: str | bytes | Iterable[str]) -> None:
    """Write `text` (or a document's bytes) to `path` atomically: into a temporary file beside it, then
    renamed over it, so that a reader never sees half a report and a failed run leaves the old one whole.
    The file gets the permissions a new file gets (or keeps those of the file it replaces). `text` may come
    in pieces."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        mode = os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".kinerja-", suffix=".tmp", dir=folder)
        if isinstance(text, bytes):
            with os.fdopen(fd, "wb") as fh:
                fh.write(text)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                if isinstance(text, str):
                    fh.write(text)
                else:
                    fh.writelines(text)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise KinerjaError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.remove(tmp)


def write_text(
    text: str | Iterable[str], output_file: str | None = None, colour: bool | None = None, *, escaped: bool = False
) -> None:
    """A command's output: into `output_file` (atomically) when given, else on stdout. `text` may come in
    pieces (a large report, written as it is made). `escaped`: the text holds no escape character (JSON: its
    strings escape every control character), so nothing in it is for click to strip."""
    if output_file:
        write_file(output_file, text)
    elif escaped:  # (10^6 goals: 600 MB of JSON not searched for an escape character it cannot hold)
        for piece in [text] if isinstance(text, str) else text:
            if piece:
                click.echo(piece, nl=False, color=True)
    else:
        for piece in [text] if isinstance(text, str) else text:
            if piece:
                # click strips terminal colours from what goes to a file or a pipe by a regular expression over
                # the whole piece (10^6 goals: 600 MB of JSON); a piece without the escape character has none
                # to strip (JSON and SARIF never hold one, text holds them only in colour): written as it is
                click.echo(piece, nl=False, color=colour if "\x1b" in piece else True)


def write_report(
    report: Report,
    fmt: str,
    lang: str = "id",
    *,
    colour: bool = False,
    output_file: str | None = None,
    quiet: bool = False,
    statistics: bool = False,
) -> None:
    """`kinerja check`'s output: the report in format `fmt` on stdout (or in `output_file`), its errors on
    stderr. `quiet` and `statistics` as the module docstring says."""
    spec = FORMATS[fmt]
    assert spec.check is not None, fmt
    colour = colour and spec.colour
    view = View(lang, colour, statistics and spec.statistics)
    if spec.binary and not output_file:
        raise click.UsageError(f"--format {fmt} writes a document: name its file with -o FILE")
    if output_file:
        write_file(output_file, spec.check(report, view))
    elif not quiet or fails(report):
        shown = failing_only(report) if quiet and spec.quiet_trims else report
        text = spec.check(shown, replace(view, quiet=quiet and spec.quiet_trims))
        assert not isinstance(text, bytes), fmt
        write_text(text, None, colour if spec.colour else None, escaped=spec.escaped)
    if statistics and not spec.statistics and (not quiet or fails(report)):
        from kinerja_graph.report import statistics as stats

        for line in stats.table(report, lang):
            terminal.say(line)
    if spec.after is not None:
        spec.after(report, lang)
    echo_errors(report.errors)


def write_grouped(
    report: Report,
    lang: str = "id",
    *,
    colour: bool = False,
    output_file: str | None = None,
    quiet: bool = False,
) -> None:
    """`kinerja check --group`: each file's findings grouped into the evaluation's notes, on stdout (or in
    `output_file`); the errors on stderr. `quiet`: nothing on stdout unless the run fails."""
    from kinerja_graph.evaluation import group_report
    from kinerja_graph.report import evaluation_text

    if output_file or not quiet or fails(report):
        notes = [group_report(fr, lang) for fr in report.files]
        write_text(evaluation_text.format_grouped(report, notes, lang, colour), output_file, colour)
    echo_errors(report.errors)


def write_diff(
    result: DiffResult, fmt: str, lang: str = "id", *, output_file: str | None = None, quiet: bool = False
) -> None:
    """`kinerja diff`'s output: the diff in format `fmt` on stdout (or in `output_file`), the errors of
    either version on stderr. `quiet`: nothing on stdout unless the change fails (exit code not 0)."""
    spec = FORMATS[fmt]
    assert spec.diff is not None, fmt
    if output_file or not quiet or result.exit_code() != 0:
        write_text(spec.diff(result, lang), output_file)
    echo_errors(result.errors)


def write_evaluation(
    evaluations: list[Evaluation], fmt: str, lang: str = "id", *, output: str | None = None, colour: bool = False
) -> None:
    """`kinerja evaluate`'s output: the evaluations in format `fmt` on stdout, or into the file `output`;
    the errors of the run on stderr. A binary format needs `output`."""
    spec = FORMATS[fmt]
    assert spec.evaluate is not None, fmt
    if spec.binary and not output:
        raise click.UsageError(f"--format {fmt} writes a document: name the file with -o FILE{spec.suffix}")
    content = spec.evaluate(evaluations, lang, colour and spec.colour and not output)
    if output:
        write_file(output, content)  # atomically, as every -o
    else:
        assert isinstance(content, str)
        write_text(content, None, colour if spec.colour else None)
    echo_errors(e for ev in evaluations for e in ev.errors)
