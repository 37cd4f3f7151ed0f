"""`kinerja check --show-settings FILE…`: the configuration each file would be checked with (nothing is
read or checked). The settings come from the pipeline's own resolver (pipeline.Options.resolver), so
what is shown is what a check of the same files with the same options uses; the words are
report/settings.py's."""

from __future__ import annotations

from collections.abc import Iterable

from kinerja_graph import pipeline
from kinerja_graph.loaders import discover


def show_settings(files: Iterable[str], options: pipeline.Options, fmt: str = "text", lang: str = "id") -> str:
    """The resolved settings of every file of `files` (folders: the cascade files under them), as text or,
    for fmt "json", as JSON."""
    from kinerja_graph.report import settings as settings_report

    resolve = options.resolver()
    entries = [(options.name_of(p), resolve(options.config_path(p))) for p in discover.expand(files)]
    if fmt == "json":
        return settings_report.format_json(entries)
    return settings_report.format_text(entries, lang)
