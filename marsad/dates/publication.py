"""Publication date of an article without metadata, from the dates it prints and from dated peers.

Conservative: a day is given only when a weekday of the report pins it («ردت الوزارة الأربعاء» after the
latest dated event «3 أكتوبر» -> the first Wednesday on or after 3 October); otherwise the month of the
latest dated event, or nothing when no year is known. The evidence names the expressions used.
"""

from __future__ import annotations

import datetime as dt
import re

from marsad.dates.values import parse_day
from marsad.model import Article, TimeExpression

FULL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
PARTIAL = re.compile(r"^XXXX-(\d{2})-(\d{2})")
WEEKDAY = re.compile(r"^XXXX-WXX-(\d)$")
# A day-month printed without a year takes the year of a dated article of the corpus published at most this
# many days later (news of one story are written within weeks; a convention, not tuned on data).
NEAR_DAYS = 31


def _month_day(value: str) -> tuple[int, int] | None:
    m = FULL.match(value) or PARTIAL.match(value)
    if m is None:
        return None
    groups = m.groups()
    return int(groups[-2]), int(groups[-1])


def _peer_years(article: Article, dated: list[Article]) -> list[tuple[int, dt.date, TimeExpression]]:
    """(year, peer publication day, expression) for dated articles that print the same month and day."""
    mine = {md: t for t in article.times if (md := _month_day(t.value))}
    out = []
    for peer in dated:
        day = parse_day(peer.published)
        for t in peer.times:
            md = _month_day(t.value)
            m = FULL.match(t.value)
            if md in mine and m and day is not None:
                out.append((int(m.group(1)), day, mine[md]))
    return out


def _dated(article: Article, year: int | None) -> list[tuple[dt.date, TimeExpression]]:
    """Day-precision dates of the article; year-less ones take ``year``."""
    out = []
    for t in article.times:
        m = FULL.match(t.value)
        p = PARTIAL.match(t.value)
        try:
            if m:
                out.append((dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), t))
            elif p and year is not None and _weekday_fits(t, year):
                out.append((dt.date(year, int(p.group(1)), int(p.group(2))), t))
        except ValueError:
            continue
    return out


def printed_weekday(text: str) -> int | None:
    """ISO weekday named inside an expression («السبت 3 أكتوبر» -> 6), if any."""
    from marsad.dates.lexicon import lexicon
    from marsad.text.normalize import match_key

    for word in match_key(text).replace(",", " ").replace("،", " ").split():
        got = lexicon().weekdays.get(word)
        if got and not got[1]:
            return got[0]
    return None


def _weekday_fits(expr: TimeExpression, year: int) -> bool:
    """A «weekday + day month» printed without a year falls on that weekday in ``year``."""
    p = PARTIAL.match(expr.value)
    wd = printed_weekday(expr.text) if p else None
    if p is None or wd is None:
        return True
    try:
        return dt.date(year, int(p.group(1)), int(p.group(2))).isoweekday() == wd
    except ValueError:
        return False


def _near_peer(article: Article, dated: list[Article]) -> tuple[int, str] | None:
    """A year from a dated article published within ``NEAR_DAYS`` after a day-month this one prints."""
    for t in article.times:
        p = PARTIAL.match(t.value)
        if p is None:
            continue
        for peer in dated:
            day = parse_day(peer.published)
            if day is None:
                continue
            for year in (day.year, day.year - 1):
                try:
                    gap = (day - dt.date(year, int(p.group(1)), int(p.group(2)))).days
                except ValueError:
                    continue
                if 0 <= gap <= NEAR_DAYS and _weekday_fits(t, year):
                    return year, f"year from an article of the same corpus published {day.isoformat()}, {gap} days after «{t.text}»"
    return None


def _year(article: Article, peers: list[tuple[int, dt.date, TimeExpression]], dated: list[Article]) -> tuple[int | None, str]:
    explicit = [int(m.group(1)) for t in article.times if (m := FULL.match(t.value))]
    if explicit:
        return max(explicit), ""
    for year, day, expr in sorted(peers, key=lambda p: p[1]):
        if _weekday_fits(expr, year):
            return year, f"year from an article published {day.isoformat()} that also prints «{expr.text}»"
    near = _near_peer(article, dated)
    return near if near else (None, "")


def _weekday_day(article: Article, latest: dt.date, latest_expr: TimeExpression) -> tuple[dt.date, TimeExpression] | None:
    """The first day on or after ``latest`` that is a weekday named bare in the text (the report's day);
    strictly after it when the weekday and the latest date are in different sentences."""
    best: tuple[dt.date, TimeExpression] | None = None
    for t in article.times:
        m = WEEKDAY.match(t.value)
        if m is None or t.resolution != "weekday-unanchored" or any(w in t.text for w in ("ماضي", "قادم", "مقبل")):
            continue
        day = latest + dt.timedelta(days=(int(m.group(1)) - latest.isoweekday()) % 7)
        if day == latest and t.sentence != latest_expr.sentence:
            day += dt.timedelta(days=7)
        if best is None or day > best[0]:
            best = (day, t)
    return best


def infer_one(article: Article, dated: list[Article]) -> tuple[str | None, str | None]:
    """(published, evidence) for an article without a publication date; (None, None) if nothing fits."""
    peers = _peer_years(article, dated)
    year, year_note = _year(article, peers, dated)
    dates = _dated(article, year)
    if not dates:
        return None, None
    latest, latest_expr = max(dates, key=lambda d: d[0])
    note = f"; {year_note}" if year_note else ""
    weekday = _weekday_day(article, latest, latest_expr)
    if weekday is not None:
        day, expr = weekday
        return day.isoformat(), f"inferred from «{expr.text}» and «{latest_expr.text}»{note}"
    return (f"{latest.year}-{latest.month:02d}",
            f"inferred month: not before the latest date printed «{latest_expr.text}»{note}")
