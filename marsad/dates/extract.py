"""``find``: temporal expressions of a text as ``TimeExpression`` records (longest match, left to right).

Spans follow Recognizers-Text where it and news annotation agree: «قبل/بعد» a date, «منذ» a month without a
year and «في» N units are part of an expression, and so is a day with its hours (``attach``). Where they
differ, news wins: «حتى», «ابتداء/اعتبارا من», «لمدة», «طيلة» N units and «منذ» N units or a dated month stay
out, «يوم» belongs to a weekday with its date, and a range keeps its frame «من/بين/يومي … و/إلى …».
``anchor`` is the publication date, or a ``datetime`` when a reference moment is known (then «بعد 5 دقائق»
resolves to a time).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from marsad.dates.attach import attach
from marsad.dates.grammar import Hit, Parser
from marsad.dates.lexicon import lexicon
from marsad.dates.merge import merge
from marsad.dates.ranges import day_or_day, day_range, hour_or_hour, hour_range, month_pair
from marsad.dates.reschedule import moved_to
from marsad.dates.scan import scan
from marsad.dates.words import cue_words, part_words, unit_words
from marsad.model import TimeExpression


@dataclass(slots=True)
class Found:
    """An expression with both its resolved value and the TIMEX of what the text itself says."""

    expr: TimeExpression
    timex: str
    date: dt.date | None
    precision: str


def patterns(p: Parser) -> list[Callable[[int], Hit | None]]:
    return [lambda i: hour_or_hour(p, i), p.nth_weekday, p.month_date, p.numeric, p.weekday, p.relative_day, p.unit_shift, p.duration, p.year_alone,
            p.clock, p.frequency, p.bare_day, p.for_the_day, p.season, p.decade, p.century, p.part_of_day, p.holiday,
            p.day_part_period, p.day_end, p.rest_of, p.now, p.early_late, p.next_hour, p.edge_day, p.meal_time,
            lambda i: day_range(p, i), lambda i: month_pair(p, i), lambda i: day_or_day(p, i),
            lambda i: hour_range(p, i), lambda i: moved_to(p, i)]


@lru_cache(maxsize=1)
def starters() -> frozenset[str]:
    """Every word an expression can start with; other words are skipped without trying the rules."""
    lex = lexicon()
    cues, parts, units = cue_words(), part_words(), unit_words()
    words: set[str] = set(cues.starters)
    words |= cues.this | cues.duration_cues | set(cues.ago)
    words |= parts.part_words.keys() | parts.part_edges | parts.edge | set(parts.dayparts) | parts.of_hour
    words |= units.year_words | units.plural_units
    tables: list[Iterable[str]] = [lex.months, lex.weekdays, lex.holidays, *lex.relative.values()]
    for table in tables:
        words |= {phrase.split()[0] for phrase in table}
    words |= set(lex.numbers) | {"ال" + w for w in lex.numbers}
    return frozenset(words)


def may_start(p: Parser, i: int) -> bool:
    tok = p.t[i]
    return tok.kind == "d" or any(form in starters() for form, _ in tok.variants)


def best_at(p: Parser, i: int) -> Hit | None:
    best: Hit | None = None
    for pattern in patterns(p):
        hit = pattern(i)
        if hit and hit.j > i and (best is None or hit.j > best.j):
            best = hit
    return best


def find_all(text: str, anchor: dt.date | None = None) -> list[Found]:
    """Every expression with its TIMEX; ``find`` keeps the records."""
    toks = scan(text)
    p = Parser(toks, anchor)
    hits: list[Hit] = []
    i = 0
    while i < len(toks):
        hit = best_at(p, i) if may_start(p, i) else None
        if hit is None:
            i += 1
            continue
        hits.append(hit)
        i = hit.j
    return [_found(text, toks[h.j - 1].end, h) for h in attach(p, merge(p, hits))]


def _found(text: str, end: int, hit: Hit) -> Found:
    val = hit.val
    expr = TimeExpression(hit.start, end, text[hit.start:end], val.value or val.timex, val.kind, val.resolution)
    return Found(expr, val.timex, val.date, val.precision)


def find(text: str, anchor: dt.date | None = None) -> list[TimeExpression]:
    """Temporal expressions of ``text`` with offsets, surface, ISO 8601 value, kind and resolution."""
    return [f.expr for f in find_all(text, anchor)]
