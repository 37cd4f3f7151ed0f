"""Words the tool says, in Indonesian (default) and English. Code and identifiers stay English.

The words are data: kinerja_graph/words/SURFACE.yaml holds the words of one surface (summary for
`kinerja show`, html, diff, text, markdown, github, junit, rules, ci) and common.yaml the words every
surface shares; a surface's file may say a common word its own way. A file is read the first time
its surface is asked for a word, then kept.

    t = words("diff").t               # reads nothing yet
    t("added", "en")                  # "added"
    t("fails", "id", fail_on="error")  # a {placeholder} filled in
"""

from __future__ import annotations

import functools
from pathlib import Path

from kinerja_graph import policy

FOLDER = Path(__file__).parent / "words"
COMMON = "common"


def read(name: str) -> dict[str, dict[str, str]]:
    """One words file as it stands: word -> {"id": ..., "en": ...}."""
    data = policy.read_yaml(FOLDER / f"{name}.yaml", "words file") or {}
    assert isinstance(data, dict), name  # a words file is a mapping (tests/test_words.py)
    return data


@functools.cache
def _common() -> dict[str, dict[str, str]]:
    return read(COMMON)


class Words:
    """The words of one surface: its own file over the common words."""

    def __init__(self, surface: str):
        self.surface = surface

    @functools.cached_property
    def table(self) -> dict[str, dict[str, str]]:
        return _common() if self.surface == COMMON else {**_common(), **read(self.surface)}

    def t(self, key: str, lang: str = "id", **params) -> str:
        """The word `key` in `lang` (English when the word has no `lang`), its {placeholders} filled from `params`."""
        try:
            entry = self.table[key]
        except KeyError:
            raise KeyError(
                f"{self.surface!r} has no word {key!r} (kinerja_graph/words/{self.surface}.yaml, {COMMON}.yaml)"
            ) from None
        text = entry.get(lang)
        if text is None:
            text = entry["en"]
        return text.format(**params) if params else text


@functools.cache
def words(surface: str) -> Words:
    return Words(surface)
