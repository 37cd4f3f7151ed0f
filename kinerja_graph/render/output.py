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

import contextlib
import importlib.util
import os
import re
import select
import selectors
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator
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
    """Lay out and draw DOT `source` as `fmt` bytes. `what` and `goals` only enter messages. One
    picture: a run drawing several keeps one `Graphviz` for all of them."""
    style = style or load_style()
    if fmt not in FORMATS:
        raise RenderError(style.t("err_format", lang, format=fmt))
    if fmt == "dot":
        return Rendered(source.encode("utf-8"), "")
    with Graphviz(engine, timeout=timeout, dpi=dpi, lang=lang, style=style) as graphviz:
        return graphviz.render(source, fmt, what=what, goals=goals)


class Graphviz:
    """One Graphviz process for all the pictures of a run (``with Graphviz(...) as gv: gv.render(...)``).

    ``dot`` reads one graph after the other from its standard input and writes each picture as soon
    as the graph is read, so a run keeps one ``dot -T<format>`` per output format and splits what it
    writes picture by picture: an SVG ends with its root's ``</svg>`` (Graphviz escapes ``<`` in any
    text), a PNG with its IEND chunk (read chunk by chunk), a PDF with ``startxref``/``%%EOF``.
    pygraphviz runs in one child Python process (kinerja_graph/render/_pygraphviz.py) that takes one
    length-prefixed request after the other. Either way Graphviz and fontconfig start (and read the
    font cache) once per run instead of once per picture. The process's messages go to an unnamed
    temporary file, read after each picture: they belong to that picture. The time limit holds per
    picture: at the limit the process is stopped (the next picture starts a new one), and so is a
    process after a picture it failed. (An anonymous graph, ``digraph { ... }``, is named by a counter
    that runs on in one process: the tool's graphs are named.)"""

    def __init__(
        self,
        engine: str = "auto",
        *,
        timeout: float | None = None,
        dpi: int | None = None,
        lang: str = "id",
        style: Style | None = None,
    ):
        self.style = style or load_style()
        self.lang = lang
        self.engine = choose_engine(engine, lang, self.style)
        self.timeout = self.style.timeout_seconds if timeout is None else timeout
        self.dpi = self.style.png_dpi if dpi is None else dpi
        self._processes: dict[str, _Process] = {}
        # pictures sent ahead (`submit`): (source, format, what, goals, the process drawing it or None)
        self._queued: deque[tuple[str, str, str, int, _Process | None]] = deque()
        self.pictures = 0  # drawn so far (all processes)
        self.started = 0  # processes started so far

    def __enter__(self) -> Graphviz:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._queued.clear()
        for process in self._processes.values():
            process.close()
        self._processes.clear()

    def render(self, source: str, fmt: str, *, what: str = "", goals: int = 0) -> Rendered:
        """Lay out and draw DOT `source` as `fmt` bytes. `what` and `goals` only enter messages."""
        style, lang = self.style, self.lang
        if fmt not in FORMATS:
            raise RenderError(style.t("err_format", lang, format=fmt))
        if fmt == "dot":
            return Rendered(source.encode("utf-8"), "")
        if self._queued:  # the answers sent ahead come first
            raise RuntimeError("render() while pictures sent ahead are not received")
        return self._draw(source, fmt, what, goals)

    def _draw(self, source: str, fmt: str, what: str, goals: int) -> Rendered:
        key, process = self._process(fmt)
        payload = self._payload(source, fmt)
        with self._answering(process, what, goals):
            status, data, errors = process.exchange(
                payload, _ENDS[self.engine if key == "any" else fmt], self.timeout, stream=self.engine == "dot"
            )
        return self._rendered(process, status, data, errors, fmt, what)

    @contextlib.contextmanager
    def _answering(self, process: _Process, what: str, goals: int) -> Iterator[None]:
        """A picture's exchange with `process`: its time limit running out, or the pipe failing, closes the process
        (not trusted with the next picture) and becomes the RenderError that names the picture."""
        try:
            yield
        except TimeoutError:
            process.close()
            raise RenderError(
                self.style.t("err_timeout", self.lang, seconds=f"{self.timeout:g}", goals=goals, file=what)
            ) from None
        except OSError as exc:
            process.close()
            raise RenderError(self.style.t("err_failed", self.lang, file=what, message=str(exc))) from None

    def submit(self, source: str, fmt: str, *, what: str = "", goals: int = 0) -> None:
        """Send a picture ahead: `receive` gives the pictures sent in the order they were sent. The Graphviz
        process then draws one picture after the other without waiting for the parent between them (a process
        that sleeps between pictures finds its caches cold and takes longer over each)."""
        if fmt not in FORMATS:
            raise RenderError(self.style.t("err_format", self.lang, format=fmt))
        if fmt == "dot":
            self._queued.append((source, fmt, what, goals, None))
            return
        _, process = self._process(fmt)
        with self._answering(process, what, goals):
            process.queue(self._payload(source, fmt))
        # `dot`'s messages are not marked: its source is kept to draw it again when they cannot be told apart
        self._queued.append((source if self.engine == "dot" else "", fmt, what, goals, process))

    def receive(self) -> Rendered:
        """The oldest picture `submit` sent, as `render` gives it (its time limit counted from now)."""
        source, fmt, what, goals, process = self._queued.popleft()
        if process is None:
            return self._draw(source, fmt, what, goals) if fmt != "dot" else Rendered(source.encode("utf-8"), "")
        try:
            with self._answering(process, what, goals):
                status, data, errors = process.take(_ENDS[self.engine if process.marked else fmt], self.timeout)
            if not process.marked and status is not None and process.waiting and _messages(errors):
                # `dot` may have written messages of the pictures sent after this one too: this picture and those
                # are drawn again one by one by a new process, each with its own messages (rare: a run's pages
                # draw without any)
                process.proc.kill()  # not left to draw what it was sent
                process.close()
                self._queued = deque((s, f, w, g, None) for s, f, w, g, _ in self._queued)
                return self._draw(source, fmt, what, goals)
            return self._rendered(process, status, data, errors, fmt, what)
        except RenderError:
            self._queued.clear()  # the process that failed is closed: the pictures sent after it are lost
            raise

    def _process(self, fmt: str) -> tuple[str, _Process]:
        key = "any" if self.engine == "pygraphviz" else fmt
        process = self._processes.get(key)
        # a process that ended with pictures sent ahead is kept until they are received: `receive` takes what it
        # drew before it ended, then the picture it ended on fails (dot ends at a syntax error)
        if process is None or (not process.alive() and not process.waiting):
            if process is not None:
                process.close()
            process = self._processes[key] = _Process(self._command(fmt), marked=self.engine == "pygraphviz")
            self.started += 1
        return key, process

    def _payload(self, source: str, fmt: str) -> bytes:
        payload = source.encode("utf-8")
        if self.engine == "pygraphviz":
            return f"{fmt} {self.dpi} {len(payload)}\n".encode("ascii") + payload
        return payload + b"\n"  # dot reads its input line by line: the graph's last line is read when it ends

    def _rendered(
        self, process: _Process, status: int | None, data: bytes, errors: bytes, fmt: str, what: str
    ) -> Rendered:
        style, lang = self.style, self.lang
        self.pictures += 1
        messages = _messages(errors)
        if status is None:  # the process ended without a picture (dot exits on a syntax error)
            code = process.close()
            messages = messages or [f"exit code {code}"]
        # Graphviz reports a label it cannot parse ("Error: syntax error in line 1 ... in label of node
        # g2") and draws the node's name instead, exiting 0: a picture that silently lies. A failure.
        if status is None or status != 0 or not data or any(m.startswith("Error") for m in messages):
            process.close()  # a process that failed is not trusted with the next picture
            raise RenderError(
                style.t("err_failed", lang, file=what, message="; ".join(messages) or f"exit code {status}")
            )
        if fmt == "svg" and self.engine == "dot":
            # dot 2.43 carries the page position of the previous graph over to the next one of the same
            # run and names the picture's group "page0,1_graph0": the name one picture alone gets
            data = _STALE_PAGE.sub(b'<g id="graph0"', data, count=1)
        if fmt == "pdf":
            data = _PDF_DATE.sub(_fixed_date, data)
        return Rendered(data, self.engine, messages)

    def _command(self, fmt: str) -> list[str]:
        if self.engine == "dot":
            cmd = [shutil.which("dot") or "dot", f"-T{fmt}"]
            if fmt == "png":
                cmd.append(f"-Gdpi={self.dpi}")
            return cmd
        # run the worker file itself, not `-m kinerja_graph...`: importing the package (networkx and
        # all) would cost more than drawing a small picture
        return [sys.executable, str(Path(__file__).with_name("_pygraphviz.py"))]


# Where one picture ends in what a process writes: end(buffer, start) gives the number of bytes the
# picture takes from the start of `buffer` and its status (0: drawn), or None while it is not complete;
# `start`: how much of `buffer` was there at the previous call (nothing before it needs a new look).
End = Callable[[bytearray, int], "tuple[int, int] | None"]
_SVG_END = b"</svg>\n"
_PDF_END = re.compile(rb"startxref\r?\n\d+\r?\n%%EOF\r?\n")
_PDF_TAIL = 64  # longer than what _PDF_END matches
_STALE_PAGE = re.compile(rb'<g id="page\d+,\d+_graph0"')
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_ERROR_WATCH = 0.1  # seconds: how often a waiting `dot` process's messages are looked at for an error
_MARK = b"\x1e\n"  # the end of a picture's messages (render/_pygraphviz.py MARK)
_CHUNK = 65536  # bytes written to a pipe at once
_PIPE_SIZE = 1 << 20  # bytes a pipe to the pygraphviz child holds (Linux; the most an unprivileged process may ask)


def _svg_end(buffer: bytearray, start: int) -> tuple[int, int] | None:
    at = buffer.find(_SVG_END, max(0, start - len(_SVG_END)))
    return None if at < 0 else (at + len(_SVG_END), 0)


def _pdf_end(buffer: bytearray, start: int) -> tuple[int, int] | None:
    m = _PDF_END.search(buffer, max(0, start - _PDF_TAIL))
    return None if m is None else (m.end(), 0)


def _png_end(buffer: bytearray, start: int) -> tuple[int, int] | None:
    if len(buffer) < 8:
        return None
    if buffer[:8] != _PNG_MAGIC:
        return (len(buffer), 1)  # not a PNG: a failure, not something to wait for
    at = 8
    while len(buffer) >= at + 8:
        (length,) = struct.unpack(">I", buffer[at : at + 4])
        kind = bytes(buffer[at + 4 : at + 8])
        at += 12 + length
        if kind == b"IEND":
            return (at, 0) if len(buffer) >= at else None
    return None


def _framed_end(buffer: bytearray, start: int) -> tuple[int, int] | None:
    """The child process's answer: "STATUS LENGTH\\n" and LENGTH bytes (render/_pygraphviz.py)."""
    line = buffer.find(b"\n")
    if line < 0:
        return None
    try:
        status, length = (int(x) for x in buffer[:line].split())
    except ValueError:  # not an answer of the child: a failure, not something to wait for
        return (len(buffer), 3)
    end = line + 1 + length
    return (end, status) if len(buffer) >= end else None


_ENDS: dict[str, End] = {"svg": _svg_end, "png": _png_end, "pdf": _pdf_end, "pygraphviz": _framed_end}


class _Process:
    """A Graphviz process kept for several pictures: one request at a time (`exchange`), or several sent
    ahead and their answers taken in order (`queue`, `take`: the pygraphviz child); each answer read up to
    where it ends, with a time limit; its messages in an unnamed temporary file. `marked`: the process
    ends each picture's messages with `_MARK` (render/_pygraphviz.py), so that the messages of a picture
    are told from those of the pictures sent after it."""

    def __init__(self, cmd: list[str], marked: bool = False):
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115 - open as long as the process, closed by close()
        self.read_errors = 0
        self.marked = marked
        self.proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errors, env=_env(), bufsize=0
        )
        self.pending = bytearray()  # what the process wrote after the answers taken so far
        self.unsent = bytearray()  # requests queued and not yet taken by the pipe
        self.waiting = 0  # requests queued whose answers were not taken yet
        # where the requests queued end in the bytes sent to the process, oldest first; how many bytes the pipe took
        self.ends: deque[int] = deque()
        self.written = 0
        self._poll: select.poll | None = None

    def alive(self) -> bool:
        """Still taking pictures (running, its input not closed after an error)."""
        stdin = self.proc.stdin
        return self.proc.poll() is None and stdin is not None and not stdin.closed

    def close(self) -> int | None:
        proc = self.proc
        if proc.poll() is None:
            with contextlib.suppress(OSError):
                assert proc.stdin is not None
                proc.stdin.close()
            try:
                proc.wait(timeout=1)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        for stream in (proc.stdin, proc.stdout):
            with contextlib.suppress(OSError):
                if stream is not None:
                    stream.close()
        self.errors.close()
        self.waiting = 0  # nothing more to take
        return proc.returncode

    def has_error(self) -> bool:
        size = os.fstat(self.errors.fileno()).st_size
        return b"Error" in os.pread(self.errors.fileno(), size - self.read_errors, self.read_errors)

    def new_errors(self) -> bytes:
        """The messages since the last picture's: up to the next mark for a `marked` process (the pictures
        sent after it may have written theirs already), else all of them."""
        if self.errors.closed:
            return b""
        size = os.fstat(self.errors.fileno()).st_size
        data = os.pread(self.errors.fileno(), size - self.read_errors, self.read_errors)
        if self.marked:
            at = data.find(_MARK)
            if at >= 0:
                self.read_errors += at + len(_MARK)
                return data[:at]
        self.read_errors += len(data)
        return data

    def queue(self, payload: bytes) -> None:
        """Send a request without waiting for its answer (`take` gives the answers in order). What the pipe
        does not take now is sent while answers are read."""
        proc = self.proc
        assert proc.stdin is not None and proc.stdout is not None
        if self._poll is None:
            for stream in (proc.stdin, proc.stdout):
                os.set_blocking(stream.fileno(), False)
                # room for several answers: the process goes on to the next request without waiting for the reader
                # (Linux; elsewhere the pipe keeps its size)
                with contextlib.suppress(ImportError, OSError, AttributeError):
                    import fcntl

                    fcntl.fcntl(stream.fileno(), fcntl.F_SETPIPE_SZ, _PIPE_SIZE)
            self._poll = select.poll()
            self._poll.register(proc.stdout.fileno(), select.POLLIN)
        self.unsent += payload
        self.ends.append(self.written + len(self.unsent))
        self.waiting += 1
        self._send()
        # what the process has answered so far is taken off its pipe, so that it does not wait to write more
        # (one read: a pipe holds less than it asks for)
        with contextlib.suppress(BlockingIOError):
            if chunk := os.read(proc.stdout.fileno(), _PIPE_SIZE):
                self.pending += chunk

    def _send(self) -> bool:
        """Write what the pipe takes of the requests queued; True when all are sent."""
        if self.unsent:
            with memoryview(self.unsent) as unsent:  # no copy of what is written
                try:
                    sent = os.write(self.proc.stdin.fileno(), unsent[:_CHUNK])  # type: ignore[union-attr]
                except BlockingIOError:
                    sent = 0
                except BrokenPipeError:
                    sent = len(self.unsent)
            del self.unsent[:sent]
            self.written += sent
        return not self.unsent

    def take(self, end: End, timeout: float) -> tuple[int | None, bytes, bytes]:
        """The answer to the oldest request `queue` sent: (status, answer, messages), as `exchange` gives
        them; status None when the process ended first. TimeoutError when no answer came within `timeout`
        of waiting for it (the process works on the requests sent ahead meanwhile)."""
        proc, poll = self.proc, self._poll
        assert proc.stdout is not None and proc.stdin is not None and poll is not None and self.waiting
        out_fd, in_fd = proc.stdout.fileno(), proc.stdin.fileno()
        buffer = self.pending  # taken from its start (a bytearray drops its first bytes without moving the rest)
        found = end(buffer, 0) if buffer else None
        deadline = time.monotonic() + timeout
        writing = False
        while found is None:
            # the pipe is watched for room only while the request awaited is not all in it (a wake-up each time the
            # process reads a request); else more requests are written as the answers come, at no wake-up of their own
            if self.unsent and not writing and self.written < self.ends[0]:
                poll.register(in_fd, select.POLLOUT)
                writing = True
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            events = poll.poll(left * 1000 if self.marked else min(left, _ERROR_WATCH) * 1000)
            if not events and not self.marked and self.has_error():
                # dot waits for more input after a syntax error: its input closed, it ends (`exchange`). The error is
                # the picture awaited's (dot draws in order): it fails, and what was to be sent after it is not sent
                self.unsent.clear()
                with contextlib.suppress(OSError):
                    proc.stdin.close()
            for fd, _ in events:
                if fd == in_fd:
                    if self._send() or self.written >= self.ends[0]:
                        poll.unregister(in_fd)
                        writing = False
                    continue
                try:
                    chunk = os.read(out_fd, 1 << 20)
                except BlockingIOError:
                    continue
                if not chunk:  # the process ended
                    if writing:
                        poll.unregister(in_fd)
                    self.waiting = 0
                    self.ends.clear()
                    return self._ended(left, buffer)
                seen = len(buffer)
                buffer += chunk
                found = end(buffer, seen)
                if self.unsent and not writing:
                    self._send()
        if writing:
            poll.unregister(in_fd)
        self.waiting -= 1
        self.ends.popleft()
        length, status = found
        # the picture copied out once (not the answer, then the picture out of it)
        start = buffer.index(b"\n") + 1 if end is _framed_end else 0
        with memoryview(buffer) as answer:
            data = bytes(answer[start:length]) if status == 0 or end is not _framed_end else b""
        del buffer[:length]
        return status, data, self.new_errors()

    def _ended(self, left: float, buffer: bytearray) -> tuple[int | None, bytes, bytes]:
        """The answer of a process whose output ended: it is waited for (killed when it does not end within what is
        left of the time limit, at least a second); status None, what it wrote, its messages."""
        try:
            self.proc.wait(timeout=max(left, 1.0))
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.pending = bytearray()
        return None, bytes(buffer), self.new_errors()

    def exchange(
        self, payload: bytes, end: End, timeout: float, stream: bool = False
    ) -> tuple[int | None, bytes, bytes]:
        """Send `payload`, read until `end` finds the whole answer: (status, answer, messages);
        status None when the process ended first. TimeoutError at the time limit. `stream`: the
        process reads graph after graph (dot): when it reports an error its input is closed, since
        after a syntax error dot waits for more input to recover, and an error fails the picture
        anyway (a picture drawn despite an error in a label still comes out before dot ends)."""
        proc = self.proc
        assert proc.stdin is not None and proc.stdout is not None
        deadline = time.monotonic() + timeout
        out_fd, in_fd = proc.stdout.fileno(), proc.stdin.fileno()
        os.set_blocking(in_fd, False)
        buffer = self.pending  # taken from its start (a bytearray drops its first bytes without moving the rest)
        sent = 0
        found = end(buffer, 0) if buffer else None
        if payload:  # most requests fit in the pipe at once: no wait for it to take them
            try:
                sent = os.write(in_fd, payload[:65536])
            except BlockingIOError:
                pass
            except BrokenPipeError:
                sent = len(payload)
        with selectors.DefaultSelector() as selector:
            selector.register(out_fd, selectors.EVENT_READ)
            if sent < len(payload):
                selector.register(in_fd, selectors.EVENT_WRITE)
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                events = selector.select(min(left, _ERROR_WATCH) if stream else left)
                if stream and not events and sent >= len(payload) and self.has_error():
                    with contextlib.suppress(OSError):
                        proc.stdin.close()
                for key, _ in events:
                    if key.fd == in_fd:
                        try:
                            sent += os.write(in_fd, payload[sent : sent + 65536])
                        except BrokenPipeError:
                            sent = len(payload)
                        if sent >= len(payload):
                            selector.unregister(in_fd)
                        continue
                    chunk = os.read(out_fd, 1 << 20)
                    if not chunk:  # the process ended
                        return self._ended(left, buffer)
                    seen = len(buffer)
                    buffer += chunk
                    found = found or end(buffer, seen)
                if found is not None and sent >= len(payload):
                    break
        length, status = found
        data = bytes(buffer[:length])
        self.pending = buffer[length:]
        if end is _framed_end:
            data = data[data.index(b"\n") + 1 :] if status == 0 else b""
        return status, data, self.new_errors()


def _messages(errors: bytes) -> list[str]:
    """A process's messages about a picture, without fontconfig's chatter."""
    return [
        line.strip()
        for line in errors.decode("utf-8", "replace").splitlines()
        if line.strip() and not _NOISE.match(line.strip())
    ]


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


def write_bytes(path, data: bytes, lang: str = "id", style: Style | None = None, made: set | None = None) -> None:
    """`data` written to `path`, its folder made first. `made`: the folders made so far by the caller's writes
    (a drawing of a thousand pages writes them all into one folder: made once)."""
    style = style or load_style()
    try:
        if made is None or path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            if made is not None:
                made.add(path.parent)
        path.write_bytes(data)
    except OSError as exc:
        raise RenderError(style.t("err_write", lang, file=str(path), message=exc.strerror or str(exc))) from None
