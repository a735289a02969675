"""Date lexicons read from the data files under ``marsad/data`` (loaded lazily, once per process).

Every table is keyed by normalised text (``marsad.text.normalize.match_key``); a test checks that each
entry already is in that form.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True, slots=True)
class MonthName:
    name: str
    month: int
    calendar: str  # gregorian | hijri
    system: str
    ambiguous: bool
    proper_name: bool = False  # also a name («نيسان» Nissan): not a month after a verb alone


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, MonthName]
    weekdays: dict[str, tuple[int, bool]]  # name -> (isoweekday, needs «يوم» before it)
    relative: dict[str, dict[str, str]]  # type -> {phrase: value}
    numbers: dict[str, tuple[int, str]]  # word -> (value, kind)
    outlets: frozenset[str]
    holidays: dict[str, str]  # name -> MM-DD or HMM-DD
    max_phrase: int
    name_heads: frozenset[str]  # «مدينة» in «مدينة 6 أكتوبر»: a name, not a date
    year_heads: frozenset[str]  # «انتخابات» in «انتخابات 2020»: the number is a year
    media_heads: frozenset[str]  # «قناة» in «قناة الغد»: an outlet's name, not a date


def read_rows(name: str) -> list[list[str]]:
    """Rows of a TSV data file, comments and blank lines skipped."""
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _relative(rows: list[list[str]]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for phrase, kind, value in rows:
        out.setdefault(kind, {})[phrase] = value
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    months = {r[0]: MonthName(r[0], int(r[1]), r[2], r[3], r[4] == "1", r[4] == "2") for r in read_rows("months.tsv")}
    weekdays = {r[0]: (int(r[1]), r[2] == "1") for r in read_rows("weekdays.tsv")}
    relative = _relative(read_rows("relative_dates.tsv"))
    numbers = {r[0]: (int(r[1]), r[2]) for r in read_rows("date_numbers.tsv")}
    outlets = frozenset(r[0] for r in read_rows("date_outlets.tsv"))
    holidays = {r[0]: r[1] for r in read_rows("date_holidays.tsv")}
    phrases = [*months, *weekdays, *relative.get("day", {}), *outlets, *holidays]
    heads = frozenset(r[0] for r in read_rows("date_name_heads.tsv"))
    year_heads = frozenset(r[0] for r in read_rows("date_year_heads.tsv"))
    return Lexicon(months, weekdays, relative, numbers, outlets, holidays, max(len(p.split()) for p in phrases),
                   heads, year_heads, frozenset(r[0] for r in read_rows("media_heads.tsv")[1:]))  # [1:]: header


@lru_cache(maxsize=8)  # one per concern
def word_table(concern: str) -> dict[str, dict[str, str]]:
    """One of the rules' word tables (``data/date_<concern>_words.tsv``): type -> {phrase: value}."""
    return _relative(read_rows(f"date_{concern}_words.tsv"))


def clock_words() -> dict[str, dict[str, str]]:
    """The clock's words (``date_clock_words.tsv``)."""
    return word_table("clock")


def guard_table() -> dict[str, dict[str, str]]:
    """Words that show a number or a word is not a date (``date_guard_words.tsv``)."""
    return word_table("guard")


def part_table() -> dict[str, dict[str, str]]:
    """Parts of the day and edges of periods (``date_part_words.tsv``)."""
    return word_table("part")


def unit_table() -> dict[str, dict[str, str]]:
    """Units, counts, ranks and year marks (``date_unit_words.tsv``)."""
    return word_table("unit")


def cue_table() -> dict[str, dict[str, str]]:
    """Words that make, join, bound or announce an expression (``date_cue_words.tsv``)."""
    return word_table("cue")
