"""Reading targets and numbers the way Indonesian documents write them.

"4 Dokumen" -> 4 Dokumen, "85 %" -> 85 %, "3,5" -> 3.5, "1.500" -> 1500, "Rp 1.500.000" -> 1500000 Rp.
"80–85" is a range, "Tersedia" or "-" are words: they stay text, for the checker to judge.
"""

from __future__ import annotations

import functools
import re

from kinerja_graph.model import Target

_NUMBER = r"[+-]?(?:\d[\d.,]*\d|\d)"
_SIMPLE = re.compile(rf"^(?P<pre>rp\.?\s*)?(?P<num>{_NUMBER})\s*(?P<unit>.*?)\s*$", re.I)
_RANGE = re.compile(rf"^\s*{_NUMBER}\s*%?\s*(?:[-–—~]|s\.?\s*d\.?|sampai|to)\s*{_NUMBER}\s*(?P<unit>.*)$", re.I)
_UNIT_OK = re.compile(r"^(?:%|[^\W\d_][\w/ .()-]*)?$")


def parse_number(text: str) -> float | None:
    """Parse "3,5", "1.500", "1.500,25", "1,500.25", "0.85" or "-2"; None when it is not a number."""
    s = text.strip().replace(" ", "")
    if not re.fullmatch(_NUMBER, s):
        return None
    sign = -1.0 if s.startswith("-") else 1.0
    s = s.lstrip("+-")
    if "." in s and "," in s:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        s = s.replace(thousands, "").replace(decimal, ".")
    elif "," in s:
        if s.count(",") > 1:  # 1,500,000
            if not re.fullmatch(r"\d{1,3}(,\d{3})+", s):
                return None
            s = s.replace(",", "")
        else:  # Indonesian decimal comma
            s = s.replace(",", ".")
    elif "." in s:
        if re.fullmatch(r"\d{1,3}(\.\d{3})+", s):  # 1.500 or 1.500.000: thousands
            s = s.replace(".", "")
        elif s.count(".") > 1:
            return None
    try:
        return sign * float(s)
    except ValueError:
        return None


@functools.lru_cache(maxsize=65536)
def _parse_cached(raw: str) -> Target:
    return _parse(raw)


def parse_target(text: str) -> Target:
    """Targets repeat ("75", "1 Dokumen"); each distinct text is parsed once."""
    raw = str(text)
    return _parse_cached(raw) if len(raw) <= 64 else _parse(raw)


def _parse(raw: str) -> Target:
    s = raw.strip()
    if not s:
        return Target(raw, kind="blank")
    if _RANGE.match(s):
        return Target(raw, kind="range")
    m = _SIMPLE.match(s)
    if m:
        value = parse_number(m.group("num"))
        unit = m.group("unit").strip()
        if value is not None and _UNIT_OK.match(unit):
            if m.group("pre"):
                unit = "Rp"
            return Target(raw, value=value, unit=unit or None, kind="number")
    return Target(raw, kind="text")
