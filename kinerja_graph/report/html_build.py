"""Running `kinerja report`: read, check, evaluate and draw each cascade, then write its page (and, for
several files, the index page). The command (kinerja_graph/commands/report.py) only parses options
and prints; this module does the work, one file at a time, telling a callback after each file so the
command can move its progress bar.

Output names. One file: the page is `--output` (default ``output/<name>.html``). Several files (or a
folder): `--output` is the index page (default ``output/report.html``) and each cascade's page sits
next to it, named after its file (``praya.html``; ``batumandi-csv.html`` when two files share a
name). A file that cannot be read gets no page: the index lists it with its error.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kinerja_graph import engine, pipeline
from kinerja_graph.engine import FileReport, RunError
from kinerja_graph.evaluation import evaluate
from kinerja_graph.gcpause import gc_paused
from kinerja_graph.loaders import discover
from kinerja_graph.pipeline import FileResult
from kinerja_graph.render.style import load_style
from kinerja_graph.report import html, html_diagram


def output_paths(paths: list[str], output: str | None) -> tuple[Path | None, list[Path]]:
    """(index page or None, one page per input file)."""
    if len(paths) == 1:
        if output is None:
            page = Path("output") / f"{Path(paths[0]).stem}.html"
        else:
            page = Path(output)
            if page.is_dir() or output.endswith(("/", os.sep)):
                page = page / f"{Path(paths[0]).stem}.html"
            elif not page.suffix:
                page = page.with_suffix(".html")
        return None, [page]
    if output is None:
        index = Path("output") / "report.html"
    else:
        index = Path(output)
        if index.is_dir() or output.endswith(("/", os.sep)):
            index = index / "index.html"
        elif not index.suffix:
            index = index.with_suffix(".html")
    taken = {index.name.casefold()}
    stems: dict[str, int] = {}
    for p in paths:
        stems[Path(p).stem.casefold()] = stems.get(Path(p).stem.casefold(), 0) + 1
    pages = []
    for p in paths:
        path = Path(p)
        base = path.stem if stems[path.stem.casefold()] == 1 else f"{path.stem}-{path.suffix.lstrip('.').lower()}"
        name, k = f"{base}.html", 2
        while name.casefold() in taken:
            name = f"{base}-{k}.html"
            k += 1
        taken.add(name.casefold())
        pages.append(index.parent / name)
    return index, pages


@dataclass
class PageResult:
    file: str
    page: Path | None  # None: the file could not be read
    report: FileReport
    entry: html.IndexEntry
    diagram_problem: str | None = None  # why the page has no diagram (not when turned off)


@dataclass
class Batch:
    index: Path | None
    results: list[PageResult] = field(default_factory=list)

    @property
    def errors(self) -> list[RunError]:
        return [e for r in self.results for e in r.report.errors]

    def exit_code(self, fail_on: str | None = None) -> int:
        """2 when a file could not be read or a rule broke; 1 when --fail-on is given and reached; else 0."""
        failed = fail_on is not None and engine.reaches((f for r in self.results for f in r.report.findings), fail_on)
        return engine.exit_code(errors=bool(self.errors), failed=failed)


def _write(path: Path, text: str | list[str]) -> None:
    """Write a page (its text, or its pieces: joined a few thousand at a time, never the whole page at once)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        if isinstance(text, str):
            fh.write(text)
        else:
            for start in range(0, len(text), _BATCH):
                fh.write("".join(text[start : start + _BATCH]))
    os.replace(tmp, path)


_BATCH = 4096  # pieces of a page joined for one write


def _counts(fr: FileReport) -> dict[str, int]:
    out = {"error": 0, "warning": 0, "info": 0, "silenced": len(fr.silenced)}
    for f in fr.findings:
        out[f.severity] += 1
    return out


def build_reports(
    paths: list[str],
    options: pipeline.Options | None = None,
    *,
    settings_for: pipeline.SettingsFor | None = None,
    output: str | None = None,
    lang: str = "id",
    diagram: bool = True,
    year: int | None = None,
    engine_name: str = "auto",
    timeout: float | None = None,
    tick: Callable[[PageResult], None] | None = None,
    write: bool = True,
) -> Batch:
    """Check every file (the pipeline: read, configure, check) and write its page, and the index when
    there are several. `tick` is called after each file. Pages of unreadable files are not written
    (the index names their errors)."""
    paths = discover.expand(paths)
    named = options or pipeline.Options()
    # standard input's page is named after --stdin-filename ("stdin" without one)
    index, pages = output_paths([(named.stdin_filename or "stdin") if p == "-" else p for p in paths], output)
    batch = Batch(index)
    work = functools.partial(
        _page,
        pages=pages,
        index=index,
        options=named,
        lang=lang,
        diagram=diagram,
        year=year,
        engine_name=engine_name,
        timeout=timeout,
        write=write,
    )
    # each file's page is written where it is checked (in a worker process when options.jobs asks for it)
    for page in pipeline.map_files(paths, work, options, settings_for=settings_for, graphs=False):
        batch.results.append(page)
        if tick is not None:
            tick(page)
    if index is not None and write:
        _write(index, html.render_index([r.entry for r in batch.results], lang))
    return batch


def _page(
    position: int,
    result: FileResult,
    *,
    pages: list[Path],
    index: Path | None,
    options: pipeline.Options,
    lang: str,
    diagram: bool,
    year: int | None,
    engine_name: str,
    timeout: float | None,
    write: bool,
) -> PageResult:
    """One file's page (written unless `write` is False), or the index entry of a file that cannot be read."""
    name = options.name_of(result.path)
    if result.graph is None:
        error = result.report.errors[0] if result.report.errors else None
        problem = error.message.splitlines()[0] if error is not None and error.message else ""
        return PageResult(name, None, result.report, html.IndexEntry(name, None, problem=problem))
    return _one(result, name, pages[position], index, lang, diagram, year, engine_name, timeout, write)


# One readable file's page, made with the cyclic garbage collector paused: the evaluation and the page are
# hundreds of thousands of small objects made next to the graph's millions, which the collector would walk again
# and again (a quarter of the page's time at 10^4 goals, measured); reference counting frees them.
@gc_paused()
def _one(
    result: FileResult,
    path: str,
    page_path: Path,
    index: Path | None,
    lang: str,
    diagram: bool,
    year: int | None,
    engine_name: str,
    timeout: float | None,
    write: bool,
) -> PageResult:
    G, fr = result.graph, result.report
    assert G is not None
    ev = evaluate(fr, lang)
    drawing = None
    if diagram:
        drawing = html_diagram.build(
            G,
            fr.findings,
            lang,
            year=year,
            engine=engine_name,
            timeout=timeout,
            max_goals=load_style().report_max_goals,
        )
    page = html.PageInput(
        G,
        fr,
        ev,
        drawing,
        result.settings.pack.vocabulary.get("owners"),
        index_href=os.path.relpath(index, page_path.parent) if index is not None else None,
    )
    if write:
        _write(page_path, html.page_pieces(page, lang))
    href = os.path.relpath(page_path, index.parent) if index is not None else page_path.name
    entry = html.IndexEntry(path, href.replace(os.sep, "/"), fr.organisation, ev, _counts(fr))
    return PageResult(path, page_path, fr, entry, html.diagram_problem(drawing, lang) if drawing is not None else None)
