"""What `kinerja check` does for CI: baselines and --exit-zero (the CI formats are in output.py).

The `check` command (kinerja_graph/commands/check.py) stays thin: it calls these helpers around the library.

    accepted = ci.load_baseline(baseline_file)         # read before the run: a bad baseline stops it
    report = api.check(files, rules=..., ...)          # the pipeline: folders, configuration, findings
    ci.record(report, write_baseline, accepted, lang)  # write and/or apply a baseline
    output.write_report(report, fmt, lang)             # any format of the registry
    sys.exit(ci.exit_code(report, exit_zero=..., wrote_baseline=...))
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from kinerja_graph.engine import EXIT_FINDINGS, EXIT_OK
from kinerja_graph.i18n import words

if TYPE_CHECKING:
    from kinerja_graph.engine import Report

_t = words("ci").t  # kinerja_graph/words/ci.yaml


def ci_options(f):
    """--baseline, --write-baseline and --exit-zero, for the check command."""
    f = click.option(
        "--exit-zero",
        is_flag=True,
        help="Exit 0 even when findings reach --fail-on (unreadable input or a broken rule still exit 2).",
    )(f)
    f = click.option(
        "--write-baseline",
        metavar="FILE",
        type=click.Path(dir_okay=False),
        help="Record this run's findings in FILE, a baseline for --baseline (exits 0 on findings).",
    )(f)
    f = click.option(
        "--baseline",
        "baseline_file",
        metavar="FILE",
        type=click.Path(dir_okay=False),
        help="Accept the findings recorded in this baseline FILE: fail only on new ones.",
    )(f)
    return f


def load_baseline(path: str | None):
    if not path:
        return None
    from kinerja_graph import baseline as baselines  # (fingerprints and messages: only for a baseline)

    return baselines.load(path)


def record(report: Report, write_baseline: str | None, accepted, lang: str = "id", *, quiet: bool = False) -> None:
    """Write the baseline (every finding of the run), then apply the accepted one; notes go to stderr
    (none with `quiet`)."""

    def note(text: str) -> None:
        if not quiet:
            click.echo(text, err=True)

    if not write_baseline and accepted is None:
        return
    from kinerja_graph import baseline as baselines

    if write_baseline:
        n = baselines.write(report, write_baseline, lang)
        note(_t("wrote", lang).format(n=n, path=write_baseline))
        unreadable = sum(1 for fr in report.files if not fr.readable)
        if unreadable:
            note(_t("wrote_partial", lang).format(n=unreadable))
    if accepted is not None:
        applied = baselines.apply(report, accepted)
        note(_t("accepted", lang).format(path=accepted.path, accepted=applied.accepted, new=applied.new))
        if applied.stale:
            one = applied.stale == 1
            note(
                _t("stale", lang).format(
                    n=applied.stale,
                    entries="entry" if one else "entries",
                    matches="matches" if one else "match",
                    them="it" if one else "them",
                ),
            )


def exit_code(report: Report, *, exit_zero: bool = False, wrote_baseline: bool = False) -> int:
    """The report's exit code; findings do not fail with --exit-zero or when a baseline was just written."""
    code = report.exit_code()
    if code == EXIT_FINDINGS and (exit_zero or wrote_baseline):
        return EXIT_OK
    return code
