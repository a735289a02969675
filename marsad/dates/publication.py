"""Publication date of an article without metadata, from the dates it prints and from dated peers.

Conservative: a day is given only when a weekday of the report pins it («ردت الوزارة الأربعاء» after the
latest dated event «3 أكتوبر» -> the first Wednesday on or after 3 October); otherwise the month of the
latest dated event, or nothing when no year is known. The evidence names the expressions used.
"""

from __future__ import annotations

import datetime as dt
import re

from marsad.model import Article, TimeExpression

FULL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
PARTIAL = re.compile(r"^XXXX-(\d{2})-(\d{2})")
WEEKDAY = re.compile(r"^XXXX-WXX-(\d)$")


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
        day = _day(peer.published)
        for t in peer.times:
            md = _month_day(t.value)
            m = FULL.match(t.value)
            if md in mine and m and day is not None:
                out.append((int(m.group(1)), day, mine[md]))
    return out


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _dated(article: Article, year: int | None) -> list[tuple[dt.date, TimeExpression]]:
    """Day-precision dates of the article; year-less ones take ``year``."""
    out = []
    for t in article.times:
        m = FULL.match(t.value)
        p = PARTIAL.match(t.value)
        try:
            if m:
                out.append((dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), t))
            elif p and year is not None:
                out.append((dt.date(year, int(p.group(1)), int(p.group(2))), t))
        except ValueError:
            continue
    return out


def _year(article: Article, peers: list[tuple[int, dt.date, TimeExpression]]) -> tuple[int | None, str]:
    explicit = [int(m.group(1)) for t in article.times if (m := FULL.match(t.value))]
    if explicit:
        return max(explicit), ""
    if peers:
        year, day, _ = min(peers, key=lambda p: p[1])
        return year, f"year from an article published {day.isoformat()} that prints the same date"
    return None, ""


def _weekday_day(article: Article, latest: dt.date) -> tuple[dt.date, TimeExpression] | None:
    """The first day on or after ``latest`` that is a weekday named bare in the text (the report's day)."""
    best: tuple[dt.date, TimeExpression] | None = None
    for t in article.times:
        m = WEEKDAY.match(t.value)
        if m is None or t.resolution != "weekday-unanchored" or "ماضي" in t.text or "قادم" in t.text \
                or "مقبل" in t.text:
            continue
        day = latest + dt.timedelta(days=(int(m.group(1)) - latest.isoweekday()) % 7)
        if best is None or day > best[0]:
            best = (day, t)
    return best


def infer_one(article: Article, dated: list[Article]) -> tuple[str | None, str | None]:
    """(published, evidence) for an article without a publication date; (None, None) if nothing fits."""
    peers = _peer_years(article, dated)
    year, year_note = _year(article, peers)
    dates = _dated(article, year)
    if not dates:
        return None, None
    latest, latest_expr = max(dates, key=lambda d: d[0])
    note = f"; {year_note}" if year_note else ""
    weekday = _weekday_day(article, latest)
    if weekday is not None:
        day, expr = weekday
        return day.isoformat(), f"inferred from «{expr.text}» and «{latest_expr.text}»{note}"
    return (f"{latest.year}-{latest.month:02d}",
            f"inferred month: not before the latest date printed «{latest_expr.text}»{note}")
