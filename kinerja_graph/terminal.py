"""The terminal as a sink for user text: one place escapes what it must not receive raw.

Control characters (and bidi overrides) a user typed — an ESC pasted from a PDF, a BEL, a NUL, a
backspace, a carriage return — must not reach a terminal or a CI log as such: an ESC sequence in a
statement could recolour or rewrite what a reviewer sees. They are shown escaped (``\\x1b``,
``\\u202e``) instead. Every text the commands print for a person goes through here: the text report,
`show`, and every message on stderr (`say`).
"""

from __future__ import annotations

import re

import click

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NOT_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # _CONTROL, line breaks, tabs


def _escaped(m: re.Match) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def escape(text: str) -> str:
    """Text made safe for a terminal: control characters escaped; line breaks and tabs kept."""
    return _CONTROL.sub(_escaped, text)


def clean(text: str) -> str:
    """User text made safe for one line of a terminal: control characters escaped, line breaks as spaces."""
    # the common case: nothing to do (a report cleans 10^5 texts). Every character _NOT_ONE_LINE matches is
    # unprintable, so a printable text (str.isprintable, much cheaper than the search) has none
    if text.isprintable() or _NOT_ONE_LINE.search(text) is None:
        return text
    return escape(text).replace("\n", " ").replace("\t", " ")


def say(line: str) -> None:
    """One message line on stderr, as "kinerja: …", escaped for the terminal."""
    click.echo(f"kinerja: {clean(line)}", err=True)
