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

Parallel runs. With Options.jobs other than 1 and more than one file, the files are read and checked
in worker processes (one per core for jobs=0; standard input is read in this process). Each worker reads
the next unread file until none is left, keeps what it read, and sends back only each cascade's outline:
its organisation and node ids, all that another file's rules look up across files (crosscutting links).
Once every file is read, each worker gets the outlines of the whole run and builds and checks the files
it read itself, with the same settings and, in G.graph["cascades"], every cascade of the run by the same
keys in the same order as a serial run (its own files whole, the others' as outlines), so each file's
findings are the same; results come back in the files' order. One file never starts a worker. The files
are read largest first, and each worker checks its own largest first; a worker done with its own files
then reads again and checks those another worker has not come to, smallest first (each file is claimed
by the one worker that checks it), so that the workers end together. The rules are imported before the
workers start (forked, they have them). A writer can have each worker write its files' part of the output
(`map_parts`: kinerja_graph/commands/check.py), with a second step once every file is checked (`Then`:
SARIF's cap on the results of the whole run), so that no finding comes back to this process.

Settings are looked up once per folder (the configuration found upward from it), not once per file.
"""

from __future__ import annotations

import itertools
import os
import pickle
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

import networkx as nx

from kinerja_graph import config, engine, loaders
from kinerja_graph.config import Settings
from kinerja_graph.engine import FileReport, Report, RunError, internal_error
from kinerja_graph.errors import InputError, KinerjaError
from kinerja_graph.gcpause import gc_paused
from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import discover
from kinerja_graph.model import Cascade, Cascades, Node, Organisation

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
            G = build_graph(cascade, indexed=check)  # (checked as built: the Index reads its columns)
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
    everything runs here and nothing is dropped. `work` sees the whole cascade and graph in any case."""
    options = options or Options()
    plan = _plan(paths, options, settings_for, labels)
    workers = options.workers(len(plan.files))
    if workers == 1:
        for i, result in enumerate(_each(plan, check)):
            yield work(i, result)
        return
    for _, _, done in _in_pool(plan, workers, work, check, graphs):
        yield done


@dataclass(frozen=True)
class Then:
    """A second step of a parallel run (see `map_parts`), taken once every file has been checked.

    settle  in this process: each file's first result in the files' order -> what each file's second step
            is told (a list of the same length; it goes to every worker, pickled once)
    step    in the process that checked the file: (position, the file's result, what it is told) -> what
            comes back; the file's graph is still there (its cascades as the first step saw them)"""

    settle: Callable[[list[Any]], list[Any]]
    step: Callable[[int, FileResult, Any], Any]


def map_parts(
    paths: Iterable[str],
    work: Callable[[int, FileResult], T],
    options: Options,
    *,
    then: Then | None = None,
    labels: Mapping[str, str] | None = None,
) -> Iterator[tuple[T, Any]] | None:
    """For a writer that has each worker write its files' part of the output: (work(position, result), and
    with `then` the second step's result, else None) for each file, in the files' order, from the worker
    processes that read and checked the files; nothing of a cascade, a graph or a report comes back but
    what `work` and `then` give. None when the run would not start workers (one file, or jobs=1): the
    caller then writes the run the usual way, and no file has been read.

    With `then`, every first result is in (and settled) before the first second step is taken: each worker
    keeps its files' results (graphs included) until then."""
    paths = list(paths)
    if options.jobs == 1 or (len(paths) == 1 and not os.path.isdir(paths[0])):  # one file: not even planned
        return None
    plan = _plan(paths, options, None, labels)
    workers = options.workers(len(plan.files))
    if workers == 1:
        return None
    return _parts(plan, workers, work, then)


def _parts(plan: _Plan, workers: int, work: Callable[[int, FileResult], T], then: Then | None) -> Iterator:
    done = _in_pool(plan, workers, work, True, False, then, outline_cascades=False)
    if then is None:
        for _, _, first in done:
            yield first, None
        return
    firsts = [first for _, _, first in itertools.islice(done, len(plan.files))]
    for position, _, second in done:
        yield firsts[position], second


def _in_pool(
    plan: _Plan,
    workers: int,
    work: Callable[[int, FileResult], T],
    check: bool,
    graphs: bool,
    then: Then | None = None,
    outline_cascades: bool = True,
) -> Iterator[tuple[int, Cascade | None, Any]]:
    """(position, the file's cascade as the caller gets it, what `work` gave) for each file in the files' order.

    Each worker process reads files (taking the next unread one, so that the processes stay even), keeps
    their cascades and sends this process only their outline — organisation and node ids, what another
    file's rules look at (see `_Outline`); once every file is read, each worker is sent the outlines of
    the whole run and builds, checks and runs `work` on the files it read itself, then on those another
    worker read but has not come to (read again: see `_checking`). Nothing is built or carried twice. The
    caller's cascade is the whole one when `graphs` asks for the graphs (it comes
    back with them), else the outline (None with `outline_cascades` False: the caller has no use for it).

    The files are read largest first (each worker taking the next one), so that the last files taken are
    small and the workers finish together. With `then`, the files' first results are followed by their
    second steps' (position, None, result), in the files' order again (see `Then`)."""
    from multiprocessing.reduction import ForkingPickler  # (multiprocessing: only for a run with workers)

    context = _pool_context()
    # standard input is read here (the workers do not have it) and checked by the first worker
    here = {i: _read_one(plan, i) for i, path in enumerate(plan.files) if path == loaders.STDIN}
    pooled = sorted((i for i in range(len(plan.files)) if i not in here), key=lambda i: -_size(plan.files[i]))
    workers = max(1, min(workers, len(pooled)))
    _warm()  # what every worker would otherwise import and load on its own
    counter = context.Value("i", 0)
    claims = context.Array("b", len(plan.files))  # 1: a worker has started checking the file
    links, processes = [], []
    for k in range(workers):
        mine, theirs = context.Pipe()
        state = (plan, pooled, counter, claims, here if k == 0 else {}, check, work, graphs, then)
        process = context.Process(target=_worker, args=(state, theirs), daemon=True)
        process.start()
        theirs.close()
        links.append(mine)
        processes.append(process)
    finished = False
    try:
        with gc_paused():
            outlines: dict[int, _Outline | None] = {i: _Outline.of(cascade) for i, (cascade, _) in here.items()}
            reading = set(range(workers))
            while reading:
                for k, message in _receive(links, reading):
                    if message[0] == "read":
                        outlines[message[1]] = message[2]
                    else:
                        reading.discard(k)
            everything = [outlines[i] for i in range(len(plan.files))]
            sent = ForkingPickler.dumps(everything)  # once for every worker
            for link in links:
                link.send_bytes(sent)
            del sent
            done: dict[int, tuple[Cascade | None, Any]] = {}
            firsts: list[Any] = []  # kept for `then` only
            checking = set(range(workers))
            position = 0
            while position < len(plan.files):
                while position not in done:
                    for k, message in _receive(links, checking):
                        if message[0] == "done":
                            done[message[1]] = (message[2], message[3])
                        else:
                            checking.discard(k)
                cascade, result = done.pop(position)
                if cascade is None and everything[position] is not None and outline_cascades:
                    cascade = everything[position].cascade()  # type: ignore[union-attr]
                yield position, cascade, result
                if then is not None:
                    firsts.append(result)
                position += 1
            if then is not None:
                while checking:  # every worker has checked its files and waits to be told
                    for k, _ in _receive(links, checking):
                        checking.discard(k)
                told = ForkingPickler.dumps(then.settle(firsts))
                del firsts
                for link in links:
                    link.send_bytes(told)
                del told
                checking = set(range(workers))
                position = 0
                while position < len(plan.files):
                    while position not in done:
                        for k, message in _receive(links, checking):
                            if message[0] == "then":
                                done[message[1]] = (None, message[2])
                            else:
                                checking.discard(k)
                    yield position, None, done.pop(position)[1]
                    position += 1
            while checking:  # each worker's last word, so that none writes to a pipe closed under it
                for k, _ in _receive(links, checking):
                    checking.discard(k)
            finished = True
    finally:
        for link in links:
            link.close()
        for process in processes:
            if not finished:  # the caller stopped early, or something broke: the workers' work is not wanted
                process.terminate()
            process.join()


def _receive(links: list[Any], waiting: set[int]) -> Iterator[tuple[int, tuple]]:
    """The messages the workers in `waiting` have sent (at least one; waits for it). A worker's exception
    is raised here; a worker that stopped without a word is a RuntimeError."""
    if not waiting:  # every worker has said its last word, and a file is still missing
        raise RuntimeError("the worker processes ended without checking every file")
    import multiprocessing.connection

    ready = multiprocessing.connection.wait([links[k] for k in waiting])
    for k in sorted(waiting):
        if links[k] not in ready:
            continue
        try:
            message = links[k].recv()
        except EOFError:
            raise RuntimeError("a worker process stopped before it had checked its files") from None
        if message[0] == "raised":
            raise message[1]
        yield k, message


class _Outline(NamedTuple):
    """What the other files of a run see of a cascade: its organisation and the ids of its nodes (all that
    crosscutting-unresolved looks up in G.graph["cascades"]), without statements, indicators or locations:
    cheap to carry between processes."""

    organisation: Organisation
    ids: tuple[str, ...]
    period: list[int]
    source: str | None
    notes: dict[str, str]
    file: str
    format: str

    @classmethod
    def of(cls, cascade: Cascade | None) -> _Outline | None:
        if cascade is None:
            return None
        ids = tuple(node.id for node in cascade.nodes)
        return cls(
            cascade.organisation, ids, cascade.period, cascade.source, cascade.notes, cascade.file, cascade.format
        )

    def cascade(self) -> Cascade:
        """A Cascade of the outline: its nodes hold their ids only."""
        nodes = [Node(node_id) for node_id in self.ids]
        return Cascade(
            self.organisation, nodes, list(self.period), self.source, dict(self.notes), self.file, self.format
        )


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _warm() -> None:
    """Import the rules (and what they import) here, before the workers start: forked, they begin with them."""
    from kinerja_graph import checks

    checks.all_rules()


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

    graphs   False: a parallel run may leave the graphs and cascades in the workers (result.graph and
             result.report.graph None, result.cascade the cascade's outline: its organisation, period and
             file, its nodes holding their ids only), for a caller that needs the findings only (not SARIF's
             node paths, not fingerprints). True: the graph and the whole cascade come back from the worker."""
    options = options or Options()
    plan = _plan(paths, options, settings_for, labels)
    workers = options.workers(len(plan.files))
    if workers == 1:
        return Run(list(_each(plan, check)))
    results: list[FileResult] = []
    cascades = Cascades()
    for i, cascade, report in _in_pool(plan, workers, _report_of, check, graphs):
        if cascade is not None:
            cascades.setdefault(cascade.organisation.key, cascade)
        if report.graph is not None:  # the graph comes back from its worker with the cascade
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
    resolve = settings_for or _by_folder(options.resolver())
    files = discover.expand(paths)
    named = dict(labels or {})
    if loaders.STDIN in files:
        named.setdefault(loaders.STDIN, options.name_of(loaders.STDIN))
    settings = [resolve(options.config_path(path)) for path in files]
    return _Plan(files, settings, named, options.sheet)


def _by_folder(resolver: config.Resolver) -> SettingsFor:
    """The resolver's settings, looked up once per folder: a file's configuration is the one found upward
    from the folder it really lies in (config.find_project_config: symbolic links followed), the same for
    every file there (a folder of 200 cascades: one search upward, not 200)."""
    found: dict[str, Settings] = {}

    def settings(path: str) -> Settings:
        real = os.path.realpath(path)
        folder = real if os.path.isdir(real) else os.path.dirname(real)
        if folder not in found:
            found[folder] = resolver(path)
        return found[folder]

    return settings


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


# The worker processes' side: `_worker` runs in each (started with the run's state: inherited as it is
# with the "fork" start method, pickled otherwise) and talks to the parent through its end of a pipe:
#   -> ("read", position, outline or None) for each file it read, then ("read all",)
#   <- the outline of every file of the run (None: unreadable), in order
#   -> ("done", position, cascade or None, what work gave) for each of its files, in order, then ("checked",)
#   -> ("raised", exception) instead, when something broke outside what a file's report can hold


def _pool_context() -> Any:
    """fork where the platform has it (the workers start with the parent's memory: nothing to pickle to
    them), else the platform's default."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform != "darwin":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _checking(
    read: dict[int, tuple[Cascade | None, RunError | None]], given: dict, pooled: list[int], claims: Any
) -> Iterator[int]:
    """The files a worker checks, each claimed first (so that no other worker checks it): the files it read,
    standard input first, then largest first; then, once they are done, the files other workers read but
    have not started on, smallest first (those they would come to last): the worker reads such a file
    again and checks it, which costs less than waiting idle while the others finish (the cost of reading
    is a small part of a file's). A file of its own that another worker claimed is let go."""

    def claim(i: int) -> bool:
        with claims.get_lock():
            if claims[i]:
                return False
            claims[i] = 1
            return True

    for i in [*given, *(i for i in pooled if i in read and i not in given)]:
        if claim(i):
            yield i
        else:
            read.pop(i, None)
    for i in reversed(pooled):
        if claim(i):
            yield i


def _worker(state: tuple[Any, ...], link: Any) -> None:
    plan, pooled, counter, claims, given, check, work, graphs, then = state
    try:
        with gc_paused():
            read: dict[int, tuple[Cascade | None, RunError | None]] = dict(given)
            while True:
                with counter.get_lock():
                    taken = counter.value
                    counter.value = taken + 1
                if taken >= len(pooled):
                    break
                i = pooled[taken]
                read[i] = _read_one(plan, i)
                link.send(("read", i, _Outline.of(read[i][0])))
            link.send(("read all",))
            everything: list[_Outline | None] = pickle.loads(link.recv_bytes())
            cascades = Cascades()
            first: dict[int, str] = {}  # the file whose cascade stands for its organisation key -> the key
            for i, outline in enumerate(everything):
                if outline is not None and outline.organisation.key not in cascades:
                    cascade = read[i][0] if i in read else outline.cascade()
                    assert cascade is not None
                    cascades[outline.organisation.key] = cascade
                    first[i] = outline.organisation.key
            kept: dict[int, FileResult] = {}  # for `then`
            for i in _checking(read, given, pooled, claims):
                if i in read:
                    cascade, error = read.pop(i)
                    seen = cascades
                else:  # another worker's file it has not started on: read again here (see _checking)
                    cascade, error = _read_one(plan, i)
                    seen = cascades
                    if i in first and cascade is not None:  # as its reader would see it: whole
                        seen = Cascades(cascades)
                        seen[first[i]] = cascade
                        seen.memo = cascades.memo  # what rules derived across the files: the same (ids, names)
                result = _result(plan, i, cascade, error, seen, check)
                done = work(i, result)
                if then is not None:  # nothing of the result goes back but what work gave: kept whole
                    kept[i] = result
                    link.send(("done", i, None, done))
                    continue
                if result.graph is not None:  # what goes back does not carry every cascade of the run
                    result.graph.graph["cascades"] = None
                if not graphs:
                    result.report.graph = None
                link.send(("done", i, cascade if graphs else None, done))
            link.send(("checked",))
            if then is not None:
                told = pickle.loads(link.recv_bytes())
                for i in sorted(kept):
                    link.send(("then", i, then.step(i, kept.pop(i), told[i])))
                link.send(("stepped",))
    except (BrokenPipeError, EOFError):  # the parent stopped listening (it stopped early): nothing to say
        pass
    except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
        try:
            try:
                link.send(("raised", exc))
            except (BrokenPipeError, EOFError):
                raise
            except Exception:  # an exception pickle cannot carry: its name and words
                link.send(("raised", RuntimeError(f"{type(exc).__name__}: {exc}")))
        except (BrokenPipeError, EOFError):
            pass
    finally:
        link.close()
