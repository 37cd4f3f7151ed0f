"""Small helpers that write office documents a planner or an evaluator opens: Word (docx.py, python-docx)
and Excel (xlsx.py, openpyxl). They know nothing of cascades; a writer (kinerja_graph/export/…) lays out
its content with them.

Every text that reaches a document passes through one function of its sink: ``xlsx.set_text`` for a
cell, ``docx.add_text`` (and the helpers built on it) for Word. Both make user text inert and storable:
characters that XML 1.0 cannot hold (control characters, lone surrogates) are shown as visible
stand-ins instead of failing the whole file, and a spreadsheet cell that starts like a formula
(= + - @) stays text.
"""

from __future__ import annotations

import re

# XML 1.0 allows TAB, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and the astral planes; nothing else.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NEWLINES = re.compile(r"\r\n?")
REPLACEMENT = "\ufffd"


def _stand_in(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture": NUL -> ␀, BEL -> ␇, ESC -> ␛
    return REPLACEMENT


def xml_text(value: object) -> str:
    """`value` as text an XML document can hold: control characters as their visible pictures (␇), lone
    surrogates and non-characters as U+FFFD, CR LF and CR as LF. None is the empty text."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    if _NOT_XML.search(text):
        text = _NOT_XML.sub(_stand_in, text)
    return text
