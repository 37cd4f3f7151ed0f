"""Running Graphviz on DOT text, with a time limit, and writing the result.

Two renderers:

``dot``
    The Graphviz program from the system package manager (``apt-get install graphviz``), run as
    a subprocess with ``timeout``.
``pygraphviz``
    The optional ``render`` extra (``pip install 'pygraphviz>=2.0'``, or ``pip install -e '.[render]'`` in a
    clone; kinerja-graph is not on PyPI): pygraphviz 2.x wheels bundle
    Graphviz itself, so ``pip install`` alone gives a working renderer where no system package
    can be installed. It lays out in-process, so it runs in a child Python process
    (kinerja_graph/render/_pygraphviz.py) that can be stopped when the time limit runs out.

``auto`` prefers pygraphviz when it is installed (the same pinned Graphviz on every machine, and
faster on big trees), else ``dot``. The ``dot`` format needs neither: it is the DOT text itself.

Output is deterministic: Graphviz runs with ``LC_ALL=C``, and the creation date cairo writes into a
PDF is replaced by a fixed one (same length, so offsets stay valid). ``SOURCE_DATE_EPOCH`` is taken out
of Graphviz's environment rather than set: fontconfig reads it too, refuses the value 0 ("strtoull"),
and stamps the font caches it writes with it, so that every later run finds the cache stale and scans
the fonts again (on a machine with many fonts, most of the time of a small picture).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from kinerja_graph.render.errors import RenderError
from kinerja_graph.render.style import Style, load_style

FORMATS = ("svg", "png", "pdf", "dot")
ENGINES = ("auto", "dot", "pygraphviz")
# fontconfig chatter (cache warnings; "SOURCE_DATE_EPOCH: strtoull" when a cache was built under
# SOURCE_DATE_EPOCH=0) is not a rendering problem
_NOISE = re.compile(r"^Fontconfig( (warning|error))?:?")
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:[^)]*\)")


@dataclass
class Rendered:
    data: bytes
    engine: str  # "dot", "pygraphviz" or "" for DOT text
    warnings: list[str] = field(default_factory=list)


def has_dot() -> bool:
    return shutil.which("dot") is not None


def has_pygraphviz() -> bool:
    return importlib.util.find_spec("pygraphviz") is not None


def choose_engine(engine: str = "auto", lang: str = "id", style: Style | None = None) -> str:
    """The renderer to use, or a RenderError saying how to get one."""
    style = style or load_style()
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}")
    if engine == "auto":
        if has_pygraphviz():
            return "pygraphviz"
        if has_dot():
            return "dot"
        raise RenderError(style.t("err_no_graphviz", lang))
    if engine == "dot" and not has_dot():
        raise RenderError(style.t("err_engine_missing", lang, engine="dot", reason="apt-get install graphviz"))
    if engine == "pygraphviz" and not has_pygraphviz():
        raise RenderError(
            style.t("err_engine_missing", lang, engine="pygraphviz", reason="pip install 'pygraphviz>=2.0'")
        )
    return engine


def _env() -> dict[str, str]:
    """Graphviz's environment: the C locale; no SOURCE_DATE_EPOCH (see the module docstring), so that the
    font cache fontconfig keeps stays valid between runs."""
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    env["LC_ALL"] = "C"
    return env


def render_source(
    source: str,
    fmt: str,
    *,
    engine: str = "auto",
    timeout: float | None = None,
    dpi: int | None = None,
    lang: str = "id",
    what: str = "",
    goals: int = 0,
    style: Style | None = None,
) -> Rendered:
    """Lay out and draw DOT `source` as `fmt` bytes. `what` and `goals` only enter messages."""
    style = style or load_style()
    if fmt not in FORMATS:
        raise RenderError(style.t("err_format", lang, format=fmt))
    if fmt == "dot":
        return Rendered(source.encode("utf-8"), "")
    engine = choose_engine(engine, lang, style)
    timeout = style.timeout_seconds if timeout is None else timeout
    dpi = style.png_dpi if dpi is None else dpi
    if engine == "dot":
        cmd = [shutil.which("dot") or "dot", f"-T{fmt}"]
        if fmt == "png":
            cmd.append(f"-Gdpi={dpi}")
    else:
        # run the worker file itself, not `-m kinerja_graph...`: importing the package (networkx and
        # all) would cost more than drawing a small picture
        cmd = [sys.executable, str(Path(__file__).with_name("_pygraphviz.py")), fmt, str(dpi)]
    try:
        proc = subprocess.run(cmd, input=source.encode("utf-8"), capture_output=True, timeout=timeout, env=_env())
    except subprocess.TimeoutExpired:
        raise RenderError(style.t("err_timeout", lang, seconds=f"{timeout:g}", goals=goals, file=what)) from None
    except OSError as exc:
        raise RenderError(style.t("err_failed", lang, file=what, message=str(exc))) from None
    messages = [
        line.strip()
        for line in proc.stderr.decode("utf-8", "replace").splitlines()
        if line.strip() and not _NOISE.match(line.strip())
    ]
    # Graphviz reports a label it cannot parse ("Error: syntax error in line 1 ... in label of node
    # g2") and draws the node's name instead, exiting 0: a picture that silently lies. A failure.
    if proc.returncode != 0 or not proc.stdout or any(m.startswith("Error") for m in messages):
        raise RenderError(
            style.t("err_failed", lang, file=what, message="; ".join(messages) or f"exit code {proc.returncode}")
        )
    data = proc.stdout
    if fmt == "pdf":
        data = _PDF_DATE.sub(_fixed_date, data)
    return Rendered(data, engine, messages)


def _fixed_date(m: re.Match) -> bytes:
    """The same date field with a fixed value, padded to the same length."""
    fixed = b"/" + m.group(1) + b" (D:20000101000000Z)"
    whole = m.group(0)
    return fixed + b" " * (len(whole) - len(fixed)) if len(fixed) <= len(whole) else whole


def page_size_pt(data: bytes, fmt: str, dpi: int) -> tuple[float, float] | None:
    """Width and height in points of a drawn picture, read from the file itself."""
    if fmt == "svg":
        m = re.search(rb'<svg width="([\d.]+)pt" height="([\d.]+)pt"', data[:2000])
        return (float(m.group(1)), float(m.group(2))) if m else None
    if fmt == "png" and data[:8] == b"\x89PNG\r\n\x1a\n":
        w, h = struct.unpack(">II", data[16:24])
        return w * 72.0 / dpi, h * 72.0 / dpi
    if fmt == "pdf":
        m = re.search(rb"/MediaBox \[\s*[-\d.]+\s+[-\d.]+\s+([\d.]+)\s+([\d.]+)\s*\]", data)
        return (float(m.group(1)), float(m.group(2))) if m else None
    return None


def write_bytes(path, data: bytes, lang: str = "id", style: Style | None = None) -> None:
    style = style or load_style()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    except OSError as exc:
        raise RenderError(style.t("err_write", lang, file=str(path), message=exc.strerror or str(exc))) from None
