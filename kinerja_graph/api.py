"""The library's front door: what the CLI (and any other program) calls: load, show, convert, check, evaluate."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from kinerja_graph import loaders

if TYPE_CHECKING:
    import networkx as nx

    from kinerja_graph.engine import Report
    from kinerja_graph.evaluation import Evaluation
    from kinerja_graph.model import Cascade
    from kinerja_graph.policy import LevelVocabulary
    from kinerja_graph.summary import Summary


def levels_for(
    path: str, rules: str | None = None, use_project: bool = True, *, stdin_filename: str | None = None
) -> LevelVocabulary:
    """The level vocabulary `path` is read with: the shipped labels plus those of the rule pack that
    applies to it (`rules`, or else kinerja.toml / [tool.kinerja] found upward, unless not use_project);
    for standard input ("-"), those that apply to a file named `stdin_filename`."""
    from kinerja_graph import pipeline

    options = pipeline.Options(rules=rules, use_project=use_project, stdin_filename=stdin_filename)
    return pipeline.settings_for(path, options).levels


def load(path: str, sheet: str | None = None, levels: LevelVocabulary | None = None) -> Cascade:
    """One cascade file, read and validated (level labels read with `levels`, default the shipped ones)."""
    return loaders.load(path, sheet, levels)


def load_graph(path: str, sheet: str | None = None, levels: LevelVocabulary | None = None) -> nx.DiGraph:
    from kinerja_graph.graph import build_graph

    return build_graph(loaders.load(path, sheet, levels))


def show(
    path: str, sheet: str | None = None, levels: LevelVocabulary | None = None, *, name: str | None = None
) -> Summary:
    """The summary `kinerja show` prints; path "-" is standard input, named `name`."""
    from kinerja_graph.graph import build_graph
    from kinerja_graph.summary import summarise

    return summarise(build_graph(loaders.load(path, sheet, levels, name=name)))


def convert(
    source: str, target: str, sheet: str | None = None, headers: str = "en", levels: LevelVocabulary | None = None
) -> Cascade:
    """Read `source` in its format and write it to `target` in the format its name says."""
    from kinerja_graph import writers

    fmt = loaders.format_of(target)
    cascade = loaders.load(source, sheet, levels)
    if os.path.abspath(source) == os.path.abspath(target):
        from kinerja_graph.errors import InputError

        raise InputError.one(target, "the output would overwrite the input; choose another name")
    writers.write(cascade, target, fmt, headers)
    return cascade


def check(
    paths: Iterable[str],
    *,
    rules: str | None = None,
    use_project: bool = True,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    fail_on: str | None = None,
    sheet: str | None = None,
    stdin_filename: str | None = None,
    jobs: int = 1,
    graphs: bool = True,
) -> Report:
    """Check cascade files, as `kinerja check` does, and return the report (nothing is printed).

    paths        files, or folders (the cascade files under them); "-" reads standard input
    stdin_filename   the name of standard input (--stdin-filename): its messages, format and configuration
    rules        a rule pack to use instead of the project configuration (--rules)
    use_project  False: ignore kinerja.toml and [tool.kinerja] in pyproject.toml (--no-config)
    select, ignore, fail_on   as the command's options: rule ids or areas, and a severity
    jobs         processes checking the files at once: 1 here (the default), 0 one per core (--jobs);
                 the findings are the same whatever the number
    graphs       False: the reports may come without their graphs (FileReport.graph), which spares carrying
                 them back from the processes; SARIF and baselines need them

        >>> report = check(["samples/clean.yaml"])
        >>> report.summary()["error"], report.exit_code()
        (0, 0)

    A file that cannot be read is in the report (report.errors), not raised; a bad configuration
    raises PolicyError and a folder without cascades NoCascades (both KinerjaError).
    """
    from kinerja_graph import pipeline

    options = pipeline.Options(
        rules=rules,
        use_project=use_project,
        select=None if select is None else tuple(select),
        ignore=None if ignore is None else tuple(ignore),
        fail_on=fail_on,
        sheet=sheet,
        stdin_filename=stdin_filename,
        jobs=jobs,
    )
    return pipeline.run(paths, options, graphs=graphs).report


def evaluate(
    paths: Iterable[str],
    *,
    lang: str = "id",
    rules: str | None = None,
    use_project: bool = True,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    sheet: str | None = None,
) -> list[Evaluation]:
    """Evaluate cascade files, as `kinerja evaluate` does: one Evaluation per file (docs/evaluation.md), its
    sentences in `lang`. A file that cannot be read has an Evaluation holding its errors and no criteria.

        >>> [ev.score.rounded for ev in evaluate(["samples/clean.yaml"])]
        [100]
    """
    from kinerja_graph import evaluation, pipeline

    options = pipeline.Options(
        rules=rules,
        use_project=use_project,
        select=None if select is None else tuple(select),
        ignore=None if ignore is None else tuple(ignore),
        sheet=sheet,
    )
    return evaluation.evaluate_run(pipeline.run(paths, options), lang)
