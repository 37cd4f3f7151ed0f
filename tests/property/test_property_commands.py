"""Every command on hostile cascades (tests/property/hostile_cascades.py), in-process: no traceback, an
exit code in {0, 1, 2}, bounded time, outputs well-formed (JSON and SARIF parse, JUnit parses as XML,
DOT's quotes and HTML labels balance) and inert (no raw markup of the user's in HTML or Markdown, no
raw control character on a terminal, no message line quoting a whole value). Memory is bounded in a
separate process (test_a_check_stays_within_memory_and_time)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from hostile_cascades import MARKER, RAW_CONTROL, cascades, deep_or_wide, examples, invoke, write_document
from hypothesis import given

LIVE_MARKUP = (f"<script>{MARKER}", f"<img src=x onerror={MARKER}")
MEMORY_LIMIT = 1536 * 1024 * 1024  # bytes of address space for one `kinerja check` of a generated cascade


def dot_is_balanced(dot: str) -> bool:
    """Quoted strings closed (\\" escapes a quote) and HTML-like labels <…> nested evenly."""
    in_string = escaped = False
    depth = 0
    for c in dot:
        if in_string:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_string = False
        elif depth:
            depth += 1 if c == "<" else -1 if c == ">" else 0
        elif c == '"':
            in_string = True
        elif c == "<":
            depth = 1
    return not in_string and depth == 0


def assert_inert(text: str, what: str, markdown: bool = False) -> None:
    """No markup of the user's is live: raw in HTML; in Markdown, raw and not backslash-escaped."""
    for markup in LIVE_MARKUP:
        if markdown:
            assert not re.search(r"(?<!\\)" + re.escape(markup), text), f"user markup live in {what}"
        else:
            assert markup not in text, f"user markup raw in {what}"


CHECK_FORMATS = ["text", "json", "sarif", "github", "markdown", "junit"]


def check_output(fmt: str, code: int, out: str) -> None:
    if fmt in ("json", "sarif"):
        json.loads(out)
    elif fmt == "junit":
        ET.fromstring(out)
    elif fmt == "text":
        assert not RAW_CONTROL.search(out)
    elif fmt == "github":  # one workflow command a line: a user's line break never starts a new one
        own = [line for line in out.split("\n") if line and not line.startswith("::")]
        assert len(own) <= 4 and not any(MARKER in line for line in own), own  # "… more" per severity, the summary
    elif fmt == "markdown":
        assert_inert(out, "markdown", markdown=True)


@pytest.mark.parametrize("fmt", ["yaml", "json"])
@examples(0.17)
@given(doc=cascades())
def test_every_command_holds_on_a_hostile_cascade(fmt, doc):
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        path = write_document(doc, folder, fmt)
        p = str(path)
        readable = None
        for check_fmt in CHECK_FORMATS:
            code, out, err = invoke("check", p, "--format", check_fmt, "--lang", "en")
            check_output(check_fmt, code, out)
            readable = code != 2
        code, out, err = invoke("show", p)
        assert (code != 2) == readable
        assert not RAW_CONTROL.search(out)
        code, dot, err = invoke("render", p, "-f", "dot", "-o", "-")
        if code == 0:
            assert dot_is_balanced(dot), "DOT quotes or labels unbalanced"
            assert not re.search(rf"^\s*{MARKER}\b", dot, re.M), "user text made a DOT statement"
        code, out, err = invoke("report", p, "-o", str(folder / "report.html"))
        if code != 2:
            assert_inert((folder / "report.html").read_text(encoding="utf-8"), "the HTML report")
        code, out, err = invoke("diff", p, p, "--format", "json")
        if readable:
            summary = json.loads(out)["summary"]
            assert summary["new_findings"] == summary["resolved_findings"] == 0
        for target in ("out.yaml", "out.json"):
            code, out, err = invoke("convert", p, str(folder / target))
            assert (code == 0) == readable
        if readable:
            yaml.safe_load((folder / "out.yaml").read_text(encoding="utf-8"))
            json.loads((folder / "out.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", ["yaml", "json"])
@examples(0.025)
@given(doc=deep_or_wide())
def test_deep_and_wide_shapes_are_checked_and_drawn(fmt, doc):
    with tempfile.TemporaryDirectory() as folder:
        path = str(write_document(doc, Path(folder), fmt))
        for check_fmt in ("json", "sarif"):
            code, out, err = invoke("check", path, "--format", check_fmt)
            assert code in (0, 1)
            check_output(check_fmt, code, out)
        code, dot, err = invoke("render", path, "-f", "dot", "-o", "-")
        assert code == 0 and dot_is_balanced(dot)


def _limit_memory() -> None:  # in the child, before it runs kinerja
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@pytest.mark.parametrize("fmt", ["yaml", "json"])
@examples(0.025, fast=1)  # a process each: slower
@given(doc=cascades(max_nodes=30))
def test_a_check_stays_within_memory_and_time(fmt, doc):
    """In a process of its own with MEMORY_LIMIT of address space: a MemoryError would be a traceback."""
    with tempfile.TemporaryDirectory() as folder:
        path = write_document(doc, Path(folder), fmt)
        script = "from kinerja_graph.cli import main; main()"
        proc = subprocess.run(
            [sys.executable, "-c", script, "check", str(path), "--format", "json"],
            capture_output=True,
            timeout=120,
            preexec_fn=_limit_memory if os.name == "posix" else None,
        )
        assert proc.returncode in (0, 1, 2), proc.stderr[-2000:]
        assert b"Traceback" not in proc.stderr and b"MemoryError" not in proc.stderr
        json.loads(proc.stdout)
