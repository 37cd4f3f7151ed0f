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

`jobs` is accepted for the parallel run to come; files are checked one after the other today.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

import networkx as nx

from kinerja_graph import config, engine, loaders
from kinerja_graph.config import Settings
from kinerja_graph.engine import FileReport, Report, RunError, internal_error
from kinerja_graph.errors import InputError, KinerjaError
from kinerja_graph.gcpause import gc_paused
from kinerja_graph.graph import build_graph
from kinerja_graph.loaders import discover
from kinerja_graph.model import Cascade

SettingsFor = Callable[[str], Settings]


@dataclass(frozen=True)
class Options:
    """What the commands' shared options say about a run (kinerja_graph/commands/options.py).

    rules        a rule pack to use instead of the project configuration (--rules)
    use_project  False: ignore kinerja.toml and [tool.kinerja] in pyproject.toml (--no-config)
    select, ignore   rule ids (already expanded from areas); None where not given
    fail_on      a severity; None where not given (the configuration's, else "error")
    sheet        the sheet of an .xlsx file to read
    jobs         files checked at once (1; parallel checking comes later)
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
        if self.jobs < 1:
            raise ValueError(f"jobs must be at least 1, not {self.jobs}")

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
    """
    options = options or Options()
    resolve = settings_for or options.resolver()
    files = discover.expand(paths)
    labels = dict(labels or {})
    if loaders.STDIN in files:
        labels.setdefault(loaders.STDIN, options.name_of(loaders.STDIN))
    read: list[tuple[str, Settings, Cascade | None, RunError | None]] = []
    with gc_paused():
        for path in files:
            settings = resolve(options.config_path(path))
            cascade, error = _read(path, settings, options.sheet, labels.get(path))
            read.append((path, settings, cascade, error))
    cascades: dict[str, Cascade] = {}
    for _, _, cascade, _ in read:
        if cascade is not None:
            cascades.setdefault(cascade.organisation.key, cascade)
    for path, settings, cascade, error in read:
        if cascade is None:
            assert error is not None
            file = labels.get(path, path)
            yield FileResult(
                path, settings, None, None, FileReport(file=file, fail_on=settings.fail_on, errors=[error])
            )
            continue
        G, report = check_cascade(cascade, settings, cascades, check=check)
        yield FileResult(path, settings, cascade, G, report)


def run(
    paths: Iterable[str],
    options: Options | None = None,
    *,
    settings_for: SettingsFor | None = None,
    check: bool = True,
    labels: Mapping[str, str] | None = None,
) -> Run:
    """Every file of `paths`, read and checked (see `each`)."""
    return Run(list(each(paths, options, settings_for=settings_for, check=check, labels=labels)))
