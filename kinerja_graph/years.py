"""Years: the one rule every reader applies (YAML, JSON, CSV, XLSX) and the schema states.

A year is written with four digits and lies between FIRST_YEAR and LAST_YEAR (1900–2199): a target
key, a target column ("Target 2025") or a period year outside that range is not a year. The cascade
schema (schemas/cascade.schema.json: the `year` definition and the pattern of target keys) and the
target column pattern of rules/fields.yaml say the same; tests/test_years.py holds them to it.

A period is every year from its earliest to its latest: ``[2022, 2026]``, ``[2026, 2022]`` and
``[2022, 2023, 2024, 2025, 2026]`` all mean 2022–2026. A Renstra period has no gaps, and a period read
this way is written back as ``[first, last]`` and read again as the same years (lossless).
"""

from __future__ import annotations

from collections.abc import Iterable

FIRST_YEAR = 1900
LAST_YEAR = 2199
YEAR_PATTERN = "(?:19|20|21)[0-9]{2}"  # FIRST_YEAR..LAST_YEAR as a regular expression, for headers and keys


def year_of(text: str) -> int | None:
    """The year a text is ("2025" -> 2025), or None: four ASCII digits from FIRST_YEAR to LAST_YEAR."""
    if len(text) != 4 or not text.isascii() or not text.isdigit():
        return None
    year = int(text)
    return year if FIRST_YEAR <= year <= LAST_YEAR else None


def period_of(years: Iterable[int]) -> list[int]:
    """The years of a period given by some of its years: every year from the earliest to the latest."""
    given = [int(y) for y in years]
    return list(range(min(given), max(given) + 1)) if given else []
