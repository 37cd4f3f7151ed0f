"""The one way from paths to findings: what `check`, `diff`, `report` and `render --findings` all run.

    from kinerja_graph import pipeline
    run = pipeline.run(["cascades/"], pipeline.Options(fail_on="warning"))
    for result in run.results:          # one per cascade file, in path order
        result.path, result.settings, result.cascade, result.graph, result.report
    run.report.exit_code()              # the engine's Report over every file

Steps, each in one place:

1. paths -> files: folders are replaced by the cascade files under them (loaders/discover.py); "-" is
   standard input, read as bytes by the loaders under the name Options.stdin_filename (its format by
   that name's suffix, else sniffed from the content), configured as a file of that name would be;
2. file -> settings: the configuration that applies to the file is resolved once (config.Resolver:
   --rules, else kinerja.toml / [tool.kinerja] found upward, then the command-line flags), and kept
   in the result;
3. file -> cascade: every file is read first (loaders.load, with the settings' level labels), so that
   each file's rules can follow crosscutting references into every other cascade of the run; a file
   that cannot be read becomes an input error in its report, never an exception;
4. cascade -> graph (graph.build_graph, once) -> findings (engine.check_graph, the file's settings).

Errors. A file that cannot be read is an "input" error naming the problems in the file; anything else
that breaks (a reader or a rule meeting input nobody foresaw) is an "internal" error naming the file
and what was being done ("reading the file", "building the graph", "rule near-duplicate"), never a
traceback; set KINERJA_DEBUG=1 to add where in the code it broke. Configuration problems
(PolicyError) and a folder without cascades (NoCascades) are raised: they concern the whole run.

Parallel runs. With Options.jobs other than 1 and more than one file, the files are read and then
checked in a pool of worker processes (one per core for jobs=0): first every file is read, in the pool
(standard input in this process), and its cascade comes back; then a second pool, which starts with
every cascade of the run already in memory, builds and checks each file's graph and hands back what
the caller asked for (`map_files`' `work`). Each file is read and checked exactly as in a serial run,
with the same settings and every cascade of the run in G.graph["cascades"], so its findings are the
same, and results come back in the files' order. One file never starts a pool.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import networkx as nx

from kinerja_graph import config, engine, loaders
from kinerja_graph.config import Settings
from kinerja_graph.engine import FileReport, Report, RunError, internal_error
from kinerja_graph.errors import InputError, KinerjaError
from kinerja_graph.gcpause import gc_paused
from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import discover
from kinerja_graph.model import Cascade, Cascades

SettingsFor = Callable[[str], Settings]
T = TypeVar("T")


@dataclass(frozen=True)
class Options:
    """What the commands' shared options say about a run (kinerja_graph/commands/options.py).

    rules        a rule pack to use instead of the project configuration (--rules)
    use_project  False: ignore kinerja.toml and [tool.kinerja] in pyproject.toml (--no-config)
    select, ignore   rule ids (already expanded from areas); None where not given
    fail_on      a severity; None where not given (the configuration's, else "error")
    sheet        the sheet of an .xlsx file to read
    jobs         worker processes reading and checking files at once: 1 one after the other in this
                 process (the default), 0 one per core (what `kinerja check` and `kinerja report` use
                 unless --jobs says otherwise); never more than there are files
    stdin_filename   the name of standard input (path "-"): the name its findings and errors show, the
                 suffix its format is read by (without one it is sniffed) and where its configuration is
                 found, as for a file of that name (--stdin-filename)
    """

    rules: str | None = None
    use_project: bool = True
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    fail_on: str | None = None
    sheet: str | None = None
    jobs: int = 1
    stdin_filename: str | None = None

    def __post_init__(self) -> None:
        for name in ("select", "ignore"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))
        if self.jobs < 0:
            raise ValueError(f"jobs must be 0 (one per core) or more, not {self.jobs}")

    def workers(self, files: int) -> int:
        """How many processes check `files` files: 1 means in this process, without a pool."""
        return max(1, min(self.jobs or cores(), files))

    def name_of(self, path: str) -> str:
        """How a path of the run is named in its findings and errors: standard input by --stdin-filename
        (else "<stdin>"), a file as given."""
        if path == loaders.STDIN:
            return self.stdin_filename or loaders.STDIN_NAME
        return path

    def config_path(self, path: str) -> str:
        """Where a path's configuration is looked for: standard input's from --stdin-filename (else the
        working folder)."""
        if path == loaders.STDIN:
            return self.stdin_filename or "."
        return path

    def resolver(self) -> config.Resolver:
        """The settings of each file, read once per configuration file (see config.Resolver)."""
        return config.Resolver(
            self.rules, use_project=self.use_project, select=self.select, ignore=self.ignore, fail_on=self.fail_on
        )


@dataclass
class FileResult:
    """One cascade file of a run: where it is, how it was configured, what was read and found."""

    path: str  # as given, or as found in a folder
    settings: Settings
    cascade: Cascade | None  # None: the file could not be read (report.errors says why)
    graph: nx.DiGraph | None  # frozen once checked; None when there is no cascade or it could not be built
    report: FileReport

    @property
    def readable(self) -> bool:
        return self.cascade is not None

    def raise_if_unreadable(self) -> None:
        """For the one-file commands (render): the file's problems as a KinerjaError, as a loader raises them."""
        if self.graph is not None:
            return
        inputs = [e for e in self.report.errors if e.kind == "input"]
        if inputs:
            raise InputError([line for e in inputs for line in e.message.splitlines()])
        raise KinerjaError("\n".join(line for e in self.report.errors for line in e.lines()))


@dataclass
class Run:
    """Every file of a run, in order, and the report the formatters write."""

    results: list[FileResult] = field(default_factory=list)

    @property
    def report(self) -> Report:
        return Report([r.report for r in self.results])


# ------------------------------------------------------------------------------------------------


def settings_for(path: str, options: Options | None = None) -> Settings:
    """The settings one file is read and checked with (a one-file run's configuration)."""
    options = options or Options()
    return options.resolver()(options.config_path(path))


def _read(
    path: str, settings: Settings, sheet: str | None, label: str | None
) -> tuple[Cascade | None, RunError | None]:
    """One file read with its settings' level labels; a file that cannot be read gives its error.

    `label`: the name the file is shown by; standard input (path "-") is read under it."""
    name = label or path
    stdin = path == loaders.STDIN
    try:
        cascade = loaders.load(path, sheet, settings.levels, name=label if stdin else None)
    except InputError as exc:
        message = "\n".join(exc.problems)
        return None, RunError("input", name, message.replace(path, label) if label and not stdin else message)
    except Exception as exc:  # a reader bug on hostile input: reported, never a traceback
        return None, internal_error(name, "reading the file", exc)
    if label:
        cascade.file = label
    return cascade, None


def check_cascade(
    cascade: Cascade, settings: Settings, cascades: Mapping[str, Cascade] | None = None, *, check: bool = True
) -> tuple[nx.DiGraph | None, FileReport]:
    """Build the graph of one cascade (once) and, unless `check` is False, run the rules over it.

    `cascades`: every cascade of the run by organisation key (G.graph["cascades"]); default this one."""
    try:
        with gc_paused():  # a graph of millions of live objects: the cyclic collector would only walk them
            G = build_graph(cascade)
    except Exception as exc:
        error = internal_error(cascade.file, "building the graph", exc)
        return None, FileReport(
            file=cascade.file, organisation=cascade.organisation.name, fail_on=settings.fail_on, errors=[error]
        )
    G.graph["cascades"] = cascades if cascades is not None else {cascade.organisation.key: cascade}
    if not check:
        return G, FileReport(file=cascade.file, organisation=cascade.organisation.name, fail_on=settings.fail_on)
    return G, engine.check_graph(G, settings)


def each(
    paths: Iterable[str],
    options: Options | None = None,
    *,
    settings_for: SettingsFor | None = None,
    check: bool = True,
    labels: Mapping[str, str] | None = None,
) -> Iterator[FileResult]:
    """The files of `paths` one by one: every file is read first, then each is checked as it is asked for.

    settings_for  the settings of a file (default: options.resolver()); diff gives both versions the
                  settings of the new one
    check         False: read and build the graphs only (render without --findings)
    labels        path -> the name its findings and errors show ("HEAD:cascades/praya.yaml"); standard
                  input (path "-") is named by options.stdin_filename unless labelled

    Always in this process (see `map_files` for the parallel run)."""
    return _each(_plan(paths, options, settings_for, labels), check)


def _each(plan: _Plan, check: bool) -> Iterator[FileResult]:
    read = [_read_one(plan, i) for i in range(len(plan.files))]
    cascades = _cascades(read)
    for i, (cascade, error) in enumerate(read):
        yield _result(plan, i, cascade, error, cascades, check)


def map_files(
    paths: Iterable[str],
    work: Callable[[int, FileResult], T],
    options: Options | None = None,
    *,
    settings_for: SettingsFor | None = None,
    check: bool = True,
    labels: Mapping[str, str] | None = None,
    graphs: bool = True,
) -> Iterator[T]:
    """work(position, result) for each file of `paths` (as `each` gives them), in the files' order.

    With options.jobs other than 1 and several files, the files are read and checked, and `work` runs,
    in worker processes (see the module's docstring): `work` must then be a module-level function (or a
    functools.partial of one) and its result something pickle can carry back. A graph in that result comes
    back without G.graph["cascades"] (None: the workers had every cascade, the caller has its own); with
    `graphs` False the result's FileReport comes back without its graph (report.graph None), which spares
    carrying every graph back when the caller needs only the findings. With one file, or jobs=1,
    everything runs here and nothing is dropped."""
    options = options or Options()
    plan = _plan(paths, options, settings_for, labels)
    workers = options.workers(len(plan.files))
    if workers == 1:
        for i, result in enumerate(_each(plan, check)):
            yield work(i, result)
        return
    for _, done in _in_pool(plan, workers, work, check, graphs):
        yield done


def _in_pool(
    plan: _Plan, workers: int, work: Callable[[int, FileResult], T], check: bool, graphs: bool
) -> Iterator[tuple[tuple[Cascade | None, RunError | None], T]]:
    """(what was read, what `work` gave) for each file, read in one pool and checked in a second."""
    context = _pool_context()
    # 1. read every file in the pool (standard input here: the workers do not have it)
    parent = [i for i, path in enumerate(plan.files) if path == loaders.STDIN]
    pooled = [i for i in range(len(plan.files)) if i not in parent]
    read_here = {i: _read_one(plan, i) for i in parent}
    reading = context.Pool(min(workers, len(pooled)), initializer=_start_worker, initargs=((plan,),))
    with reading as pool, gc_paused():
        read_there = dict(zip(pooled, pool.map(_read_task, pooled, chunksize=1), strict=True))
    read = [read_here[i] if i in read_here else read_there[i] for i in range(len(plan.files))]
    cascades = _cascades(read)
    # 2. check each file (and run `work`) in a pool that starts with every cascade of the run
    state = (plan, read, cascades, check, work, graphs)
    with context.Pool(workers, initializer=_start_worker, initargs=(state,)) as pool, gc_paused():
        yield from zip(read, pool.imap(_work_task, range(len(plan.files)), chunksize=1), strict=True)


def cores() -> int:
    """The processors this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def run(
    paths: Iterable[str],
    options: Options | None = None,
    *,
    settings_for: SettingsFor | None = None,
    check: bool = True,
    labels: Mapping[str, str] | None = None,
    graphs: bool = True,
) -> Run:
    """Every file of `paths`, read and checked (see `each`; in parallel as options.jobs says, see `map_files`).

    graphs   False: a parallel run may leave the graphs in the workers (result.graph and result.report.graph
             None), for a caller that needs the findings only (not SARIF's node paths, not fingerprints)."""
    options = options or Options()
    plan = _plan(paths, options, settings_for, labels)
    workers = options.workers(len(plan.files))
    if workers == 1:
        return Run(list(_each(plan, check)))
    results: list[FileResult] = []
    cascades = Cascades()
    for i, ((cascade, _), report) in enumerate(_in_pool(plan, workers, _report_of, check, graphs)):
        if cascade is not None:
            cascades.setdefault(cascade.organisation.key, cascade)
        if report.graph is not None:  # the graph comes back from its worker, the cascade from the reading
            report.graph.graph["cascades"] = cascades
        results.append(FileResult(plan.files[i], plan.settings[i], cascade, report.graph, report))
    return Run(results)


# ------------------------------------------------------------------------------------------------
# The steps, shared by the serial and the parallel run


@dataclass(frozen=True)
class _Plan:
    """What every file of a run is read and checked with, resolved before anything is read."""

    files: list[str]
    settings: list[Settings]
    labels: dict[str, str]
    sheet: str | None


def _plan(
    paths: Iterable[str], options: Options | None, settings_for: SettingsFor | None, labels: Mapping[str, str] | None
) -> _Plan:
    options = options or Options()
    resolve = settings_for or options.resolver()
    files = discover.expand(paths)
    named = dict(labels or {})
    if loaders.STDIN in files:
        named.setdefault(loaders.STDIN, options.name_of(loaders.STDIN))
    settings = [resolve(options.config_path(path)) for path in files]
    return _Plan(files, settings, named, options.sheet)


def _read_one(plan: _Plan, i: int) -> tuple[Cascade | None, RunError | None]:
    path = plan.files[i]
    with gc_paused():
        return _read(path, plan.settings[i], plan.sheet, plan.labels.get(path))


def _cascades(read: list[tuple[Cascade | None, RunError | None]]) -> Cascades:
    """Every cascade read, by organisation key (the first of a key wins)."""
    cascades = Cascades()
    for cascade, _ in read:
        if cascade is not None:
            cascades.setdefault(cascade.organisation.key, cascade)
    return cascades


def _result(
    plan: _Plan, i: int, cascade: Cascade | None, error: RunError | None, cascades: Cascades, check: bool
) -> FileResult:
    path, settings = plan.files[i], plan.settings[i]
    if cascade is None:
        assert error is not None
        file = plan.labels.get(path, path)
        return FileResult(path, settings, None, None, FileReport(file=file, fail_on=settings.fail_on, errors=[error]))
    G, report = check_cascade(cascade, settings, cascades, check=check)
    return FileResult(path, settings, cascade, G, report)


def _report_of(_: int, result: FileResult) -> FileReport:
    """What `run` brings back from a worker: the file's report (and with it the graph, unless left there)."""
    return result.report


# The worker processes' side. A worker is started with the run's state (inherited as it is with the
# "fork" start method, pickled once per worker otherwise) and is handed file positions.

_STATE: tuple[Any, ...] = ()


def _pool_context() -> Any:
    """fork where the platform has it (the workers start with the parent's memory: nothing to pickle to
    them), else the platform's default."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform != "darwin":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _start_worker(state: tuple[Any, ...]) -> None:
    global _STATE
    _STATE = state


def _read_task(i: int) -> tuple[Cascade | None, RunError | None]:
    (plan,) = _STATE
    return _read_one(plan, i)


def _work_task(i: int) -> Any:
    plan, read, cascades, check, work, graphs = _STATE
    cascade, error = read[i]
    with gc_paused():
        result = _result(plan, i, cascade, error, cascades, check)
        done = work(i, result)
    if result.graph is not None:  # what goes back to the parent does not carry every cascade of the run
        result.graph.graph["cascades"] = None
    if not graphs:
        result.report.graph = None
    return done
