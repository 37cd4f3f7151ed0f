"""`kinerja check --format text`: findings grouped by file, in the order they stand in the file.

    samples/praya.yaml  (Kecamatan Praya)
      samples/praya.yaml:173  error    missing-indicator  1.1.1.1  Kinerja "Ketersediaan SOP …" (Output) belum memiliki …
      samples/praya.yaml      warning  missing-formula    -        Tidak satu pun dari 19 indikator …
      dikecualikan: single-child ×2 — "cascade langsung ke Sekcam"

    46 galat, 48 peringatan, 16 info (2 dikecualikan)

The place is path:line for YAML and JSON, path:row for CSV, path:Sheet!C37 for Excel; a finding about
the whole cascade has no line. The path is the file as given on the command line (or as found in a
folder), an absolute path inside the working folder made relative to it (shown_path), so that a
terminal or an editor can open it. Colour (severity only) is the caller's choice: the CLI turns it on
for a terminal unless NO_COLOR is set (FORCE_COLOR forces it). With `statistics` the findings give way
to their counts per rule (report/statistics.py). The formatter computes nothing: it prints the
engine's Report.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain, repeat
from operator import attrgetter
from typing import Any

import click

from kinerja_graph import terminal
from kinerja_graph.engine import FileReport, Report
from kinerja_graph.findings import Finding
from kinerja_graph.i18n import words
from kinerja_graph.messages import renderer

NODE_WIDTH = 14
COLOURS: dict[str, dict[str, Any]] = {
    "error": {"fg": "red", "bold": True},
    "warning": {"fg": "yellow"},
    "info": {"fg": "cyan"},
}

_t = words("text").t  # kinerja_graph/words/text.yaml


# Control characters (and bidi overrides) a user typed must not reach a terminal as such: they are
# shown escaped, by the one terminal sink (kinerja_graph/terminal.py).
clean = terminal.clean


def count(n: int, one: str, many: str, lang: str) -> str:
    """ "1 galat", "3 errors": the word `one` for one thing, `many` for more (or none)."""
    return f"{n} {_t(one if n == 1 else many, lang)}"


def shown_path(file: str) -> str:
    """A file as a report names it: as given, except that an absolute path inside the working folder is
    made relative to it (cascades/praya.yaml rather than /home/…/cascades/praya.yaml)."""
    if not file or not os.path.isabs(file):
        return file
    try:
        relative = os.path.relpath(file)
    except ValueError:  # another drive (Windows)
        return file
    return file if relative == os.pardir or relative.startswith(os.pardir + os.sep) else relative


def place(f: Finding, *, path: bool = True) -> str:
    """Where a finding stands, for a reader: samples/praya.yaml:120, table.csv:37, book.xlsx:Pohon!C37.

    `path`: name the file by its path (shown_path); False, by its name only (a page about one file)."""
    return _place((shown_path(f.file) if path else os.path.basename(f.file)) if f.file else "-", f)


def places(findings: list[Finding], cleaned: bool = False) -> list[str]:
    """[place(f) for f in findings] (`cleaned`: clean(place(f)), for a terminal): each file's shown path worked
    out (and cleaned) once, each finding's place made in the list's own loop, not by a call per finding (a
    report places 10^5 findings)."""
    bases = {file: shown_path(file) if file else "-" for file in set(map(attrgetter("file"), findings))}
    cell = _place
    if cleaned:
        bases = {file: clean(base) for file, base in bases.items()}

        def cell(base: str, f: Finding) -> str:
            return clean(_place(base, f))  # a cell's sheet name is user text

    return [
        bases[f.file]
        if (loc := f.location) is None or loc.line is None
        else f"{bases[f.file]}:{loc.line}"
        if loc.kind != "cell"
        else cell(bases[f.file], f)
        for f in findings
    ]


def cleaned(texts: list[str]) -> list[str]:
    """[clean(t) for t in texts]: the texts as they are when all of them are printable (nearly always: one check
    of them all, not a call per text: for many short texts, such as node ids), else each one cleaned."""
    return texts if "".join(texts).isprintable() else list(map(clean, texts))


def _place(base: str, f: Finding) -> str:
    loc = f.location
    if loc is None or loc.line is None:
        return base
    if loc.kind == "cell":
        ref = loc.cell() or (f"{loc.sheet}!{loc.line}" if loc.sheet else str(loc.line))
        return f"{base}:{ref}"
    return f"{base}:{loc.line}"


def summary_line(report: Report, lang: str = "id") -> str:
    s = report.summary()
    parts = [
        count(s["error"], "error", "errors", lang),
        count(s["warning"], "warning", "warnings", lang),
        count(s["info"], "info", "infos", lang),
    ]
    line = ", ".join(parts)
    if s["silenced"]:
        line += f" ({count(s['silenced'], 'silenced', 'silenced', lang)})"
    extra = []
    if s["unreadable"]:
        extra.append(count(s["unreadable"], "unreadable_file", "unreadable_files", lang))
    if s["internal_errors"]:
        extra.append(count(s["internal_errors"], "internal_error", "internal_errors", lang))
    if extra:
        line += "; " + ", ".join(extra)
    if s["files"] > 1:
        line = f"{count(s['files'], 'file', 'files', lang)}: {line}"
    return line


def _style(text: str, colour: bool, **style) -> str:
    return click.style(text, **style) if colour else text


def format_file(fr: FileReport, lang: str = "id", colour: bool = False) -> list[str]:
    """One file's lines: its header, its errors, its findings and what was silenced."""
    return [line for lines in _file_lines(fr, lang, colour) for line in lines]


_BATCH = 500  # findings whose lines make one piece of a report written as it is made


def _file_lines(fr: FileReport, lang: str, colour: bool) -> Iterator[list[str]]:
    """format_file()'s lines, a batch of findings at a time (the columns' widths are those of all of them)."""
    header = clean(shown_path(fr.file) + (f"  ({fr.organisation})" if fr.organisation else ""))
    lines = [_style(header, colour, bold=True)]
    for error in fr.errors:
        label = _t("unreadable" if error.kind == "input" else "internal_error", lang)
        for i, problem in enumerate(error.message.splitlines() or [""]):
            prefix = f"  {label}: " if i == 0 else "    "
            lines.append(_style(prefix, colour, fg="red", bold=True) + clean(problem))
    if not fr.findings and fr.readable and not any(e.kind == "internal" for e in fr.errors):
        lines.append(f"  {_t('no_findings', lang)}")
    yield lines
    findings = fr.findings
    if findings:  # column by column: each column's width is the longest of its texts
        shown = places(findings, cleaned=True)
        severities = list(map(attrgetter("severity"), findings))
        rules = list(map(attrgetter("rule"), findings))
        nodes = cleaned(["-" if node is None else node for node in map(attrgetter("node"), findings)])
        words = renderer(lang)
        w_place = max(map(len, shown))
        w_sev = max(map(len, severities))
        w_rule = max(map(len, rules))
        w_node = min(NODE_WIDTH, max(map(len, nodes)))
        # each severity's padded (coloured) text and each rule's padded id made once; the columns joined in bulk
        styled = {sev: _style(sev.ljust(w_sev), colour, **COLOURS[sev]) for sev in set(severities)}
        padded = {rule: rule.ljust(w_rule) for rule in set(rules)}
        for at in range(0, len(findings), _BATCH):
            batch = slice(at, at + _BATCH)
            yield list(
                map(
                    "  ".join,  # "  place  severity  rule  node  message"
                    zip(
                        repeat("", len(findings[batch])),
                        map(str.ljust, shown[batch], repeat(w_place)),
                        map(styled.__getitem__, severities[batch]),
                        map(padded.__getitem__, rules[batch]),
                        map(str.ljust, nodes[batch], repeat(w_node)),
                        map(clean, map(words, findings[batch])),  # (long texts: one check each costs no more)
                    ),
                )
            )
    if fr.silenced:
        lines = []
        groups = Counter((s.finding.rule, s.reason) for s in fr.silenced)
        for (rule, reason), n in sorted(groups.items()):
            why = f'"{clean(reason)}"' if reason.strip() else _t("no_reason", lang)
            lines.append(f"  {_t('silenced', lang)}: {rule} ×{n} — {why}")
        yield lines


def severity_style(colour: bool):
    """The severity colours, as a function of (text, severity), for the tables that share them."""
    return lambda text, severity: _style(text, colour, **COLOURS[severity])


def format_report(
    report: Report, lang: str = "id", colour: bool = False, *, summary: bool = True, statistics: bool = False
) -> str:
    """The whole report as text, ending with the summary line (unless not `summary`: --quiet).

    `statistics`: the counts per rule (report/statistics.py) instead of the findings."""
    return "".join(chunks(report, lang, colour, summary=summary, statistics=statistics))


def chunks(
    report: Report, lang: str = "id", colour: bool = False, *, summary: bool = True, statistics: bool = False
) -> Iterator[str]:
    """format_report()'s text in pieces, a batch of lines at a time: a report of 10^6 findings is written as it
    is made, never held whole (nor its encoded copy). Every line ends with a newline; each file's lines end
    with a blank one; without `summary`, no blank line ends the text."""
    blocks: Iterable[list[str]]
    if statistics:
        from kinerja_graph.report import statistics as stats

        table = stats.table(report, lang, severity_style(colour))
        blocks = [[*table, ""]] if table else []
    else:
        blocks = chain.from_iterable(chain(_file_lines(fr, lang, colour), ([""],)) for fr in report.files)
    if summary:
        for lines in blocks:
            yield "\n".join([*lines, ""])  # each line ends with a newline
        yield _style(summary_line(report, lang), colour, bold=True) + "\n"
        return
    blank = 0  # blank lines not yet written: only a line with text after them writes them
    for lines in blocks:
        last = len(lines)
        while last and not lines[last - 1]:
            last -= 1
        if last:
            yield "\n" * blank + "\n".join([*lines[:last], ""])
            blank = len(lines) - last
        else:
            blank += len(lines)
