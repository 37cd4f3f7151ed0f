"""Small text helpers shared by rules: normalisation and tokens of Indonesian statements."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[a-z0-9]+")


def normalise(text: str | None) -> str:
    """Lower case, accents dropped, punctuation to spaces, spaces collapsed."""
    if not text:
        return ""
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return " ".join(_WORD.findall(s))


def tokens(text: str | None) -> list[str]:
    return normalise(text).split()
