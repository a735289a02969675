"""Turning parsed date parts into TIMEX-style values, resolved against an anchor date when one is known.

``timex`` keeps what the text itself says («3 أكتوبر» -> ``XXXX-10-03``); ``value`` is resolved with the
anchor (-> ``2015-10-03``) and ``resolution`` says how. Without an anchor the value is the timex.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

UNIT_CODE = {"D": ("P", "D"), "W": ("P", "W"), "M": ("P", "M"), "Y": ("P", "Y"), "DEC": ("P", "Y"), "CEN": ("P", "Y"),
             "H": ("PT", "H"), "MIN": ("PT", "M"), "S": ("PT", "S")}
# A date without a year that falls more than this many days after the anchor is taken from the year
# before: news reports mostly look back (a convention, not tuned on data; see tests/test_dates.py).
FUTURE_WINDOW_DAYS = 183


@dataclass(slots=True)
class Value:
    kind: str  # date | duration | time | set | range
    timex: str
    value: str
    resolution: str
    date: dt.date | None = None  # the day, when the value has day precision
    precision: str = ""  # day | week | month | year | ""


# Units written in years: a decade is 10, a century 100 («لمدة قرن» P100Y, «نصف قرن» P50Y).
YEARS_OF = {"DEC": 10, "CEN": 100}
# Months in each unit counted in months or years.
MONTHS_OF = {"M": 1, "Y": 12, "DEC": 120, "CEN": 1200}


def fmt_number(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def duration(n: float, unit: str) -> str:
    prefix, code = UNIT_CODE[unit]
    return f"{prefix}{fmt_number(n * YEARS_OF.get(unit, 1))}{code}"


def compound(parts: list[tuple[float, str]]) -> str:
    """«عام و شهر و 21 يوما» -> P1Y1M21D (date units first, then time units after «T»)."""
    if len(parts) == 1:
        return duration(*parts[0])
    amounts = {unit: n for n, unit in parts}
    date = "".join(f"{fmt_number(amounts[u] * YEARS_OF.get(u, 1))}{c}" for u, c in
                   (("CEN", "Y"), ("DEC", "Y"), ("Y", "Y"), ("M", "M"), ("W", "W"), ("D", "D")) if u in amounts)
    time = "".join(f"{fmt_number(amounts[u])}{c}" for u, c in (("H", "H"), ("MIN", "M"), ("S", "S")) if u in amounts)
    return "P" + date + (f"T{time}" if time else "")


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def year_for(m: int, d: int, anchor: dt.date) -> int:
    """The year of a month/day printed without a year in a text published on ``anchor``."""
    day = safe_date(anchor.year, m, min(d, 28)) or anchor
    if (day - anchor).days > FUTURE_WINDOW_DAYS:
        return anchor.year - 1
    if (anchor - day).days > 366 - FUTURE_WINDOW_DAYS and (day.replace(year=anchor.year + 1) - anchor).days < 31:
        return anchor.year + 1
    return anchor.year


def gregorian(y: int | None, m: int, d: int | None, anchor: dt.date | None) -> Value | None:
    timex = f"{y if y is not None else 'XXXX'}-{m:02d}" + (f"-{d:02d}" if d is not None else "")
    if d is not None and safe_date(y or 2000, m, d) is None:
        return None
    if y is not None or anchor is None:
        day = safe_date(y, m, d) if (y is not None and d is not None) else None
        return Value("date", timex, timex, "explicit", day, "day" if d is not None else "month")
    year = year_for(m, d or 15, anchor)
    value = f"{year}-{m:02d}" + (f"-{d:02d}" if d is not None else "")
    day = safe_date(year, m, d) if d is not None else None
    return Value("date", timex, value, "anchor-year", day, "day" if d is not None else "month")


def hijri(y: int | None, m: int, d: int | None, anchor: dt.date | None) -> Value | None:
    """A Hijri date converted to the Gregorian calendar with hijridate (month only: the month's middle)."""
    from hijridate import Hijri

    resolution = "hijri"
    if y is None:
        if anchor is None:
            return Value("date", f"XXXX-{m:02d}" + (f"-{d:02d}" if d else ""), "", "hijri-unanchored")
        y = _hijri_year_for(m, d or 15, anchor)
        resolution = "hijri-anchor-year"
    try:
        g = Hijri(y, m, d or 15).to_gregorian()
    except (ValueError, OverflowError):
        return None
    day = dt.date(g.year, g.month, g.day)
    if d is None:
        return Value("date", hijri_month_days(y, m) or f"{g.year}-{g.month:02d}", f"{g.year}-{g.month:02d}",
                     resolution + "-month", None, "month")
    return Value("date", day.isoformat(), day.isoformat(), resolution, day, "day")


def _hijri_year_for(m: int, d: int, anchor: dt.date) -> int:
    """The Hijri year of a day printed without one: the latest occurrence at most ``FUTURE_WINDOW_DAYS``
    after the anchor (as for Gregorian dates; «في 1 محرم» a week before it is the coming one)."""
    from hijridate import Gregorian, Hijri

    hy = Gregorian(anchor.year, anchor.month, anchor.day).to_hijri().year
    best = hy
    for y in (hy - 1, hy, hy + 1):
        try:
            g = Hijri(y, m, min(d, 29)).to_gregorian()
        except (ValueError, OverflowError):
            continue
        if (dt.date(g.year, g.month, g.day) - anchor).days <= FUTURE_WINDOW_DAYS:
            best = y
    return best


def hijri_month(m: int, shift: int, anchor: dt.date) -> Value | None:
    """«رمضان المقبل» / «رمضان الماضي» / «رمضان الحالي»: the Hijri month after, before or around the anchor,
    as the Gregorian month of its 15th day (value) and the range of its days (TIMEX)."""
    from hijridate import Gregorian, Hijri

    hy = Gregorian(anchor.year, anchor.month, anchor.day).to_hijri().year
    try:
        def start(y: int) -> dt.date:
            g = Hijri(y, m, 1).to_gregorian()
            return dt.date(g.year, g.month, g.day)

        if shift > 0 and start(hy) <= anchor:
            hy += 1
        elif shift < 0 and start(hy) >= anchor:
            hy -= 1
        g = Hijri(hy, m, 15).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return Value("date", hijri_month_days(hy, m) or f"{g.year}-{g.month:02d}", f"{g.year}-{g.month:02d}",
                 "hijri-relative", None, "month")


def hijri_month_days(y: int, m: int) -> str | None:
    """The Gregorian days of a Hijri month as a TIMEX range, first day to the day after the last (Ramadan
    1436: «(2015-06-18,2015-07-17,P29D)»); the value keeps the Gregorian month of its middle."""
    from hijridate import Hijri

    try:
        first = Hijri(y, m, 1)
        g = first.to_gregorian()
        start = dt.date(g.year, g.month, g.day)
        length = first.month_length()
    except (ValueError, OverflowError):
        return None
    end = start + dt.timedelta(days=length)
    return f"({start.isoformat()},{end.isoformat()},P{length}D)"


def hijri_holiday(m: int, d: int, year: int | None, anchor: dt.date | None) -> Value | None:
    """A Hijri feast: in a Gregorian ``year`` when given, else the occurrence nearest before the anchor."""
    from hijridate import Gregorian, Hijri

    timex = f"XXXX-H{m:02d}-{d:02d}"
    if year is None and anchor is None:
        return Value("date", timex, timex, "hijri-unanchored", None, "day")
    ref = dt.date(year, 6, 30) if year is not None else anchor
    assert ref is not None
    hy = Gregorian(ref.year, ref.month, ref.day).to_hijri().year
    try:
        candidates = [Hijri(y, m, d).to_gregorian() for y in (hy - 1, hy, hy + 1)]
    except (ValueError, OverflowError):
        return None
    days = [dt.date(g.year, g.month, g.day) for g in candidates]
    if year is not None:
        fits = [day for day in days if day.year == year]
        day = fits[0] if fits else days[1]
    else:
        day = max((x for x in days if (x - ref).days <= FUTURE_WINDOW_DAYS), default=days[0])
    return Value("date", timex, day.isoformat(), "hijri-holiday", day, "day")


def nth_weekday(year: int | None, month: int, iso: int, n: int, anchor: dt.date | None) -> Value:
    """The ``n``-th weekday ``iso`` of a month («عيد الشكر»: 4th Thursday of November), in ``year`` or the
    anchor's year; TIMEX as Recognizers-Text writes it (``XXXX-11-WXX-4-4``)."""
    timex = f"{year if year is not None else 'XXXX'}-{month:02d}-WXX-{iso}-{n}"
    y = year if year is not None else (anchor.year if anchor is not None else None)
    if y is None:
        return Value("date", timex, timex, "holiday-unanchored", None, "day")
    first = dt.date(y, month, 1)
    day = first + dt.timedelta(days=(iso - first.isoweekday()) % 7 + 7 * (n - 1))
    return Value("date", timex, day.isoformat(), "holiday", day, "day")


def easter(year: int | None, anchor: dt.date | None, offset: int = 0) -> Value:
    """Western Easter Sunday (the anonymous Gregorian computus) in ``year`` or the anchor's year, moved by
    ``offset`` days (Good Friday -2, Ash Wednesday -46)."""
    y = year if year is not None else (anchor.year if anchor is not None else None)
    if y is None:
        return Value("date", "XXXX-XX-XX", "XXXX-XX-XX", "holiday-unanchored", None, "day")
    a, b, c = y % 19, y // 100, y % 100
    d, e, f = b // 4, b % 4, (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    date = dt.date(y, month, day + 1) + dt.timedelta(days=offset)
    return Value("date", date.isoformat(), date.isoformat(), "holiday", date, "day")


# How far from the anchor a weekday may move a month and day printed without a year (years of the
# same weekday recur every 5, 6 or 11 years): the nearest fitting year within this many years.
WEEKDAY_YEARS = 6


def year_with_weekday(month: int, day: int, iso: int, anchor: dt.date) -> dt.date | None:
    """The ``month``/``day`` nearest the anchor (at most ``FUTURE_WINDOW_DAYS`` after it) that falls on the
    ISO weekday ``iso``; None when no year within ``WEEKDAY_YEARS`` fits."""
    fits = [d for y in range(anchor.year - WEEKDAY_YEARS, anchor.year + 2)
            if (d := safe_date(y, month, day)) and d.isoweekday() == iso
            and (d - anchor).days <= FUTURE_WINDOW_DAYS]
    return min(fits, key=lambda d: abs((d - anchor).days), default=None)


def day_value(day: dt.date, timex: str, resolution: str) -> Value:
    return Value("date", timex, day.isoformat(), resolution, day, "day")


def relative_day(offset: int, anchor: dt.date | None) -> Value:
    if anchor is None:
        return Value("date", "XXXX-XX-XX", "XXXX-XX-XX", "relative-unanchored", None, "day")
    day = anchor + dt.timedelta(days=offset)
    return day_value(day, day.isoformat(), "relative")


def weekday(iso: int, shift: int | None, anchor: dt.date | None, future: bool = False) -> Value:
    """Weekday -> the most recent such day on or before the anchor (news); «الماضي» strictly before,
    «المقبل/القادم» the next one after; in a future sentence («سيزور موسكو الأحد», ``future``) the first
    such day on or after the anchor."""
    timex = f"XXXX-WXX-{iso}"
    if anchor is None:
        return Value("date", timex, timex, "weekday-unanchored", None, "day")
    if future and shift is None:
        return day_value(anchor + dt.timedelta(days=(iso - anchor.isoweekday()) % 7), timex, "weekday-future")
    back = (anchor.isoweekday() - iso) % 7
    if shift is None or shift == 0:
        return day_value(anchor - dt.timedelta(days=back), timex, "weekday-before-anchor")
    if shift < 0:  # «الأحد قبل الماضي» (-2): one week further back
        return day_value(anchor - dt.timedelta(days=(back or 7) + 7 * (-shift - 1)), timex, "weekday-before-anchor")
    ahead = (iso - anchor.isoweekday()) % 7 or 7
    return day_value(anchor + dt.timedelta(days=ahead + 7 * (shift - 1)), timex, "weekday-after-anchor")


def add_months(day: dt.date, months: int, keep_day: bool = False) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    y, m = divmod(total, 12)
    if keep_day:
        for d in (day.day, 30, 29, 28):
            if (out := safe_date(y, m + 1, d)) is not None:
                return out
    return dt.date(y, m + 1, min(day.day, 28))


def unit_shift(unit: str, shift: int, anchor: dt.date | None) -> Value | None:
    """«الأسبوع الماضي» -> 2015-W39, «الشهر المقبل» -> 2015-11, «العام الماضي» -> 2014."""
    if anchor is None:
        v = {"W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "DEC": "XXX"}.get(unit)
        return Value("date", v, v, "relative-unanchored") if v else None
    if unit == "W":
        year, week, _ = (anchor + dt.timedelta(weeks=shift)).isocalendar()
        v = f"{year}-W{week:02d}"
        return Value("date", v, v, "relative", None, "week")
    if unit == "M":
        day = add_months(anchor, shift)
        v = f"{day.year}-{day.month:02d}"
        return Value("date", v, v, "relative", None, "month")
    if unit == "Y":
        v = str(anchor.year + shift)
        return Value("date", v, v, "relative", None, "year")
    if unit == "DEC":
        v = str(anchor.year // 10 + shift)
        return Value("date", v, v, "relative", None, "decade")
    if unit == "Q":
        return quarter_shift(shift, anchor)
    return None


def quarter_shift(shift: int, anchor: dt.date) -> Value:
    """«الربع القادم» -> 2017-Q1 from November 2016; TIMEX the range of its months, as Recognizers-Text writes
    a quarter («(2017-01-01,2017-04-01,P3M)»)."""
    first = add_months(dt.date(anchor.year, 3 * ((anchor.month - 1) // 3) + 1, 1), 3 * shift)
    end = add_months(first, 3)
    v = f"{first.year}-Q{(first.month - 1) // 3 + 1}"
    return Value("date", f"({first.isoformat()},{end.isoformat()},P3M)", v, "relative", None, "quarter")


def ago(n: float, unit: str, sign: int, anchor: dt.date | None) -> Value:
    """«منذ ثمانية أيام» / «قبل شهرين» / «بعد يومين»: a date from the anchor, or the duration without one."""
    period = duration(n, unit)
    if anchor is None or unit in ("H", "MIN", "S") or not float(n).is_integer():
        return Value("duration", period, period, "relative-unanchored" if anchor is None else "duration")
    k = int(n) * sign
    if unit in ("D", "W"):
        day = anchor + dt.timedelta(days=k * (7 if unit == "W" else 1))
        return day_value(day, day.isoformat(), "relative")
    months = k * MONTHS_OF[unit]
    day = add_months(anchor, months, keep_day=True)
    v = f"{day.year:04d}-{day.month:02d}" if unit == "M" else f"{day.year:04d}"
    # TIMEX (as Recognizers-Text) names the day; the value keeps the precision the text supports.
    return Value("date", day.isoformat(), v, "relative", None, "month" if unit == "M" else "year")


def moved(moment: dt.datetime, parts: list[tuple[float, str]], sign: int) -> Value | None:
    """The reference moment moved by whole units («بعد 5 دقائق» -> 2016-11-07T00:05:00)."""
    when = moment
    for n, unit in parts:
        if unit == "H" and not float(n).is_integer() and float(n * 60).is_integer():
            n, unit = n * 60, "MIN"  # «بعد ساعة ونصف»: 90 minutes
        if not float(n).is_integer():
            return None
        k = int(n) * sign
        if unit in ("H", "MIN", "S", "D", "W"):
            seconds = {"H": 3600, "MIN": 60, "S": 1, "D": 86400, "W": 604800}[unit]
            when += dt.timedelta(seconds=k * seconds)
        else:
            day = add_months(when.date(), k * MONTHS_OF[unit], keep_day=True)
            when = dt.datetime.combine(day, when.time())
    v = when.isoformat(timespec="seconds")
    return Value("date", v, v, "relative-moment", when.date(), "time")


def year_only(y: int) -> Value:
    return Value("date", f"{y:04d}", f"{y:04d}", "explicit", None, "year")


def from_now(parts: list[tuple[float, str]], anchor: dt.date | None) -> Value:
    """«1 شهر و 21 يوم من الآن»: the anchor moved by every part (whole days, weeks, months, years)."""
    period = compound(parts)
    if anchor is None or any(u in ("H", "MIN", "S") or not float(n).is_integer() for n, u in parts):
        return Value("duration", period, period, "relative-unanchored" if anchor is None else "explicit")
    day = anchor
    for n, unit in parts:
        if unit in ("D", "W"):
            day += dt.timedelta(days=int(n) * (7 if unit == "W" else 1))
        else:
            day = add_months(day, int(n) * MONTHS_OF[unit], keep_day=True)
    return day_value(day, day.isoformat(), "relative")


def time_of_day(h: int, mi: int | None, s: int | None = None) -> str:
    out = f"T{h:02d}"
    if mi is not None:
        out += f":{mi:02d}"
    if s is not None:
        out += f":{s:02d}"
    return out


def interval(a: Value, b: Value) -> Value:
    """A range: ISO 8601 interval «start/end» as value, TIMEX «(start,end,PnD)» as timex."""
    days = (b.date - a.date).days if a.date and b.date else None
    timex = f"({a.timex},{b.timex}" + (f",P{days}D)" if days is not None else ")")
    if a.kind == b.kind == "time" and a.timex[1:3].isdigit() and b.timex[1:3].isdigit():
        h1, h2 = int(a.timex[1:3]), int(b.timex[1:3])
        if h2 < h1 <= h2 + 12 and h1 >= 12:  # «من 1:30 مساءً إلى 3:30»: the second end is in the afternoon too
            b = Value("time", f"T{h2 + 12:02d}{b.timex[3:]}", f"T{h2 + 12:02d}{b.timex[3:]}", b.resolution)
            h2 += 12
        m1 = int(a.timex[4:6]) if a.timex[3:4] == ":" else 0
        m2 = int(b.timex[4:6]) if b.timex[3:4] == ":" else 0
        minutes = ((h2 * 60 + m2) - (h1 * 60 + m1)) % (24 * 60)
        length = f"{minutes // 60}H" * bool(minutes // 60) + f"{minutes % 60}M" * bool(minutes % 60) or "0H"
        timex = f"({a.timex},{b.timex},PT{length})"
        return Value("range", timex, f"{a.value}/{b.value}", "explicit")
    resolution = a.resolution if a.resolution == b.resolution else f"{a.resolution}+{b.resolution}"
    return Value("range", timex, f"{a.value}/{b.value}", resolution, a.date, a.precision)


def parse_day(value: str | None) -> dt.date | None:
    """The day of an ISO 8601 value (``2015-10-05`` or ``2015-10-05T12:00``); None below day precision."""
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
