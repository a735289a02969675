"""Second pass over the merged hits: a day joined with a range of hours, and the words before an
expression that belong to it («قبل/بعد/منذ/حتى» a date or time, «في» N units = in N units)."""

from __future__ import annotations

import datetime as dt
import re

from marsad.dates import values as V
from marsad.dates.grammar import Hit, Parser

PARTS = ("TMO", "TAF", "TEV", "TNI")


def attach(p: Parser, hits: list[Hit]) -> list[Hit]:
    out: list[Hit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if prev and _datetime_pair(p, prev, hit):
            cue = p.word(prev.i - 1, {"من", "بين"})
            start = cue[1] if cue else prev.start
            out[-1] = Hit(prev.i - (1 if cue else 0), hit.j, start, V.interval(prev.val, _after(prev.val, hit.val)))
        elif prev and _week_days(prev, hit):
            out[-1] = Hit(prev.i, hit.j, prev.start, _days_in_week(prev.val, hit.val))
        elif prev and _minutes_before(p, prev, hit):  # «ثلاث دقائق قبل الثامنة» 07:57, «20 دقيقة بعد الثامنة مساء»
            n, h = _minutes_of(prev.val.timex) or 0, int(hit.val.timex[1:3])
            t = V.time_of_day((h - 1) % 24, 60 - n) if p.norm(prev.j) != "بعد" else V.time_of_day(h, n)
            out[-1] = Hit(prev.i, hit.j, prev.start, V.Value("time", t, t, "explicit"))
        elif prev and _part_then_hour(p, prev, hit):
            hour = int(hit.val.timex[1:3]) if hit.val.kind == "time" else p.t[hit.i].number or 0
            minutes = hit.val.timex[3:] if hit.val.kind == "time" else ""
            out[-1] = Hit(prev.i, hit.j, prev.start, _part_hour(prev.val, prev.val.timex[-2:], hour, minutes))
        elif prev and _day_hours(p, prev, hit):
            out[-1] = _join(prev, hit)
        elif prev and _day_part(p, prev, hit):
            v = prev.val
            out[-1] = Hit(prev.i, hit.j, prev.start, V.Value("date", v.timex + hit.val.timex, v.value, v.resolution,
                                                              v.date, "day"))
        else:
            out.append(_bare_hours(p, hit, prev.j if prev else 0))
    out = [_hour_before_part(p, h, out[k - 1].j if k else 0) for k, h in enumerate(out)]
    out = [_or_later(p, h) for h in out]
    out = [_with_bound(p, _with_yawm(p, _with_article(p, h, out[k - 1].j if k else 0)), out[k - 1].j if k else 0)
           for k, h in enumerate(out)]
    return [_with_tail(p, h, out[k + 1].i if k + 1 < len(out) else len(p.t)) for k, h in enumerate(out)]


def _with_tail(p: Parser, hit: Hit, ceiling: int) -> Hit:
    """Words after an expression that belong to it: «بعد ساعتين في المستقبل», «الساعة 12 وقت الغداء»,
    «في الصباح في 7» (the hour of a part of the day)."""
    j = hit.j
    if p.word(hit.i, {"بعد"}) and (p.norm(j), p.norm(j + 1)) == ("في", "المستقبل") and j + 2 <= ceiling:
        return Hit(hit.i, j + 2, hit.start, hit.val)
    n = _minutes_of(hit.val.timex)
    if n and p.norm(j) in ("قبل", "حتي", "بعد") and j + 1 < ceiling and p.t[j + 1].norm.endswith("ه"):
        got = p.clock_words(j + 1)  # «ثلاث دقائق قبل الثامنة» 07:57, «عشرين دقيقة بعد الثامنة» 08:20, «ربع
        # ساعة قبل الثامنة» 07:45 (the hour alone is no expression)
        construct = p.norm(got[3]) == "من" and p.daypart(got[3] + 1)[0] is None if got else False
        if got and got[1] is None and 1 <= got[0] <= 12 and got[3] <= ceiling and not construct:
            # not «عشرين دقيقة بعد الثانية من الهجمات» (the second of the attacks)
            h, m = ((got[0] - 1) % 24, 60 - n) if p.norm(j) != "بعد" else (got[0], n)
            t = V.time_of_day(h, m)
            return Hit(hit.i, got[3], hit.start, V.Value("time", t, t, "explicit"))
    part = p.parts.day_part_after.get(p.norm(j))
    if part and _is_day(hit.val) and j + 1 <= ceiling and p.norm(j + 1) != "الساعه" and not (
            j + 1 < len(p.t) and p.t[j + 1].kind == "d"):  # «في 5 فبراير صباحًا»
        v = hit.val
        return Hit(hit.i, j + 1, hit.start, V.Value("date", f"{v.timex}T{part}", v.value, v.resolution, v.date, "day"))
    if hit.val.kind == "time" and (p.norm(j), p.norm(j + 1)) == ("وقت", "الغداء") and j + 2 <= ceiling:
        return Hit(hit.i, j + 2, hit.start, _lunch(hit.val))
    if hit.val.kind == "time" and (p.norm(hit.i - 2), p.norm(hit.i - 1)) == ("وقت", "الغداء"):
        return Hit(hit.i - 2, j, p.t[hit.i - 2].start, _lunch(hit.val))
    return hit


def _minutes_of(timex: str) -> int | None:
    """Minutes 1-59 of a duration TIMEX «PT20M», «PT0.25H» (a quarter of an hour), «PT0.5H»."""
    m = re.fullmatch(r"PT(\d\d?)M", timex)
    if m:
        return int(m.group(1)) if 0 < int(m.group(1)) < 60 else None
    return {"PT0.25H": 15, "PT0.5H": 30}.get(timex)


def _bare_hours(p: Parser, hit: Hit, floor: int) -> Hit:
    """«من 5 إلى 6 من 22 أبريل», «من 5 إلى 6 في 1 يناير»: hours without a day part, read as such only
    because a day follows them."""
    k = hit.i - 5
    if not _is_day(hit.val) or k < floor or p.norm(k) != "من" or p.norm(hit.i - 1) not in ("من", "في"):
        return hit
    a, joiner, b = p.t[k + 1], p.norm(k + 2), p.t[k + 3]
    if a.kind != "d" or b.kind != "d" or joiner not in p.cues.range_to \
            or not 0 <= (a.number or 0) < (b.number or 0) <= 24:
        return hit
    first = V.Value("time", V.time_of_day(a.number or 0, None), V.time_of_day(a.number or 0, None), "explicit")
    second = V.Value("time", V.time_of_day(b.number or 0, None), V.time_of_day(b.number or 0, None), "explicit")
    joined = _join(Hit(k, hit.i - 1, p.t[k].start, V.interval(first, second)), hit)
    return Hit(k, hit.j, p.t[k].start, joined.val)


def _hour_before_part(p: Parser, hit: Hit, floor: int) -> Hit:
    """«8 هذا الصباح» -> T08 today, «10 ، الليلة» -> T22 tonight: a bare hour before this part of the day."""
    if hit.val.kind != "date" or hit.val.timex[-3:] not in PARTS or hit.val.date is None and p.anchor is not None:
        return hit
    if not (p.norm(hit.i) in p.cues.this or p.norm(hit.i) in ("الليله", "ظهر", "عصر", "فجر")):
        return hit  # «1 ظهر الغد», «4 عصر الجمعة», «5 فجر اليوم» («8 صباح اليوم» is read by the clock rule)
    k = hit.i - 1 - (p.norm(hit.i - 1) in (",", "،"))
    if k < floor or k < 0 or p.t[k].kind != "d" or not 1 <= (p.t[k].number or 0) <= 12 or len(p.t[k].norm) > 2:
        return hit
    if k > 0 and p.t[k - 1].kind == "d" or p.norm(k - 1) in (".", ",", ":", "/", "-"):
        return hit
    if p.norm(hit.i) in ("ظهر", "عصر", "فجر") and not (
            p.norm(k - 1) in ("في", "عند", "حتي", "الي", "الساعه", "منذ", "قبل", "بعد")
            or p.future_verb(k - 1) and p.first_person_future(k - 1)):
        return hit  # «قتل 5 فجر اليوم»: five killed at dawn; «سأعود 5 فجر اليوم», «في 5 فجر اليوم» are hours
    hour = p.t[k].number or 0
    code = "MO" if p.norm(hit.i) == "ظهر" and hour >= 11 else hit.val.timex[-2:]  # «11 ظهر الغد» is 11:00
    return Hit(k, hit.j, p.t[k].start, _part_hour(hit.val, code, hour))


def _week_days(a: Hit, b: Hit) -> bool:
    """«الأسبوع المقبل بين الأربعاء والجمعة»: a week, then a range of its days."""
    week = a.val.precision == "week" or a.val.value == "XXXX-WXX"
    return week and b.i == a.j and b.val.kind == "range" and re.match(r"\(XXXX-WXX-\d,XXXX-WXX-\d", b.val.timex) is not None


def _days_in_week(week: V.Value, days: V.Value) -> V.Value:
    first, second = (int(x[-1]) for x in days.timex.strip("()").split(",")[:2])
    m = re.fullmatch(r"(\d{4})-W(\d\d)", week.value)
    if m is None:
        return days
    year, number = int(m.group(1)), int(m.group(2))
    a, b = dt.date.fromisocalendar(year, number, first), dt.date.fromisocalendar(year, number, second)
    return V.interval(V.day_value(a, a.isoformat(), "relative"), V.day_value(b, b.isoformat(), "relative"))


def _minutes_before(p: Parser, a: Hit, b: Hit) -> bool:
    if not (_minutes_of(a.val.timex) and re.fullmatch(r"T\d\d", b.val.timex)):
        return False
    return b.i == a.j + 1 and p.norm(a.j) in ("قبل", "حتي", "الا", "بعد")


def _part_then_hour(p: Parser, a: Hit, b: Hit) -> bool:
    """«في الصباح في 7», «هذه الليلة في 7», «في المساء في التاسعة»: a part of the day, «في», then a bare
    number (read as a day) or an hour without a day part."""
    if a.val.timex[-3:] not in PARTS or b.i != a.j + 1 or p.norm(a.j) != "في":
        return False
    if b.val.kind == "time" and re.fullmatch(r"T(0\d|1[0-2])(:\d\d)?", b.val.timex):
        return p.t[b.i].kind == "w" and not any(p.norm(k) in p.parts.of_hour for k in range(b.i, b.j + 1))
    return b.j == b.i + 1 and p.t[b.i].kind == "d" and 1 <= (p.t[b.i].number or 0) <= 12 \
        and b.val.timex.startswith("XXXX-XX-")


def _lunch(v: V.Value) -> V.Value:
    """At lunchtime an hour 1–5 is in the afternoon («الساعة 1 وقت الغداء» -> T13)."""
    hour = int(v.timex[1:3]) if v.timex[1:3].isdigit() else 12
    if 1 <= hour <= 5:
        t = f"T{hour + 12:02d}{v.timex[3:]}"
        return V.Value("time", t, t, v.resolution)
    return v


def _part_hour(v: V.Value, code: str, hour: int, minutes: str = "") -> V.Value:
    """«هذه الليلة في 7» -> T19, «في الصباح في 7» -> T07 (``minutes``: «:30» of the hour, if any)."""
    if code in ("AF", "EV") or (code == "NI" and hour >= 6):
        hour = hour + 12 if hour < 12 else hour
    clock = f"T{hour:02d}{minutes}"
    if v.kind == "time":
        return V.Value("time", clock, clock, v.resolution)
    base_t, base_v = v.timex[:-3], v.value[:10] if v.date else v.timex[:-3]
    return V.Value("date", base_t + clock, base_v + clock, v.resolution, v.date, "time")


def _day_part(p: Parser, a: Hit, b: Hit) -> bool:
    """«يوم الثلاثاء في وقت متأخر من الصباح», «الثلاثاء، في الصباح»: a day, then a part of the day."""
    if not (_is_day(a.val) and b.val.kind == "time" and b.val.timex in PARTS):
        return False
    return b.i - a.j <= 1 and all(p.norm(k) in (",", "،") for k in range(a.j, b.i))


def _with_article(p: Parser, hit: Hit, floor: int) -> Hit:
    """«الـ15 من الشهر الجاري», «الـ12 من أكتوبر»: the article written before a day's digits is part of it."""
    k = hit.i - 1
    if k < floor or p.norm(k) != "ال" or p.t[hit.i].kind != "d" or hit.start != p.t[hit.i].start:
        return hit
    return Hit(k, hit.j, p.t[k].start, hit.val)


def _with_yawm(p: Parser, hit: Hit) -> Hit:
    """«يوم الجمعة بعد الظهر», «يوم الثلاثاء 27 شتنبر»: before a weekday with a time or with its date,
    «يوم» is part of the weekday's name and of the expression, as news annotation marks it (Recognizers-Text
    leaves it out there, and before a weekday alone, which we follow). Before a date without a weekday it
    stays out («يوم 30 أيلول/سبتمبر» → «30 أيلول/سبتمبر», the issue's seed acceptance) unless a time follows."""
    timed = hit.val.precision == "time" and hit.val.kind == "date"  # «يوم 14 أكتوبر ، الساعة 8:00»
    if p.norm(hit.i - 1) == "يوم" and timed and p.t[hit.i].kind == "d":
        return Hit(hit.i - 1, hit.j, p.t[hit.i - 1].start, hit.val)
    yawm = p.word(hit.i, {"يوم"})  # also «ويوم»: the span starts after the «و»
    if yawm and hit.start > yawm[1] and _month_day(hit.val):
        return Hit(hit.i, hit.j, yawm[1], hit.val)  # the weekday rule read «يوم» before «الثلاثاء 27 شتنبر»
    if "WXX-" not in hit.val.timex or "T" not in hit.val.timex.split("WXX-", 1)[1]:
        return hit
    if yawm and hit.start > yawm[1]:
        return Hit(hit.i, hit.j, yawm[1], hit.val)  # the weekday rule read «يوم» but starts after it
    return hit


def _month_day(v: V.Value) -> bool:
    """A day written with its month («30 أيلول», «الثلاثاء 2 أفريل 2019», «1 شوال 1441 هـ»)."""
    return v.kind == "date" and v.precision == "day" and re.fullmatch(r"(XXXX|\d{4})-\d\d-\d\d", v.timex) is not None


def _is_datetime(v: V.Value) -> bool:
    return v.kind == "date" and v.precision == "time" and v.timex[:1] in "X0123456789"


def _or_later(p: Parser, hit: Hit) -> Hit:
    """«15 أكتوبر أو بعده», «الجمعة أو قبلها»: a day that bounds an open range keeps «أو بعده» (as a year does)."""
    if hit.val.kind != "date" or hit.val.precision not in ("day", "month"):
        return hit
    end = p.or_later(hit.j)
    return Hit(hit.i, end, hit.start, hit.val) if end else hit


def _datetime_pair(p: Parser, a: Hit, b: Hit) -> bool:
    """«من الساعة 4 مساءً اليوم حتى 5 مساءً غدًا»: two days with their hours make one range."""
    if not (_is_datetime(a.val) and _is_datetime(b.val)) or b.i != a.j + 1:
        return False
    joiner = p.norm(a.j)
    return joiner in p.cues.range_to or (joiner == "و" and p.norm(a.i - 1) == "بين")


def _after(a: V.Value, b: V.Value) -> V.Value:
    """The second end of «من الاثنين 9 صباحا إلى الجمعة 5 مساء» is the Friday after that Monday, not before."""
    if not (b.timex.startswith("XXXX-WXX-") and a.date and b.date and b.date < a.date):
        return b
    day = b.date + dt.timedelta(days=7 * -(-(a.date - b.date).days // 7))
    return V.Value(b.kind, b.timex, day.isoformat() + b.value[10:], b.resolution, day, b.precision)


def _is_hours(v: V.Value) -> bool:
    return v.kind == "range" and v.timex.startswith("(T")


def _is_day(v: V.Value, part: bool = False) -> bool:
    """A day (``part``: also a day with its part, «الجمعة بعد الظهر», whose hours then replace the part)."""
    if v.kind != "date" or v.precision != "day":
        return False
    if part and v.timex[-3:] in PARTS:
        return True
    return "T" not in v.timex[10:] and v.timex[:1] in "X0123456789"


def _day_hours(p: Parser, a: Hit, b: Hit) -> bool:
    """«اليوم من الخامسة إلى السابعة», «من 5 إلى 6 مساءً من 22 أبريل», «الاثنين 8-9 صباحا»."""
    if not ((_is_day(a.val, part=True) and _is_hours(b.val)) or (_is_hours(a.val) and _is_day(b.val, part=True))):
        return False
    return b.i - a.j <= 1 and all(p.norm(k) in p.cues.hour_glue for k in range(a.j, b.i))


def _join(a: Hit, b: Hit) -> Hit:
    day, hours = (a.val, b.val) if _is_day(a.val, part=True) else (b.val, a.val)
    part = ""
    if day.timex[-3:] in PARTS:
        part = day.timex[-2:]
        day = V.Value(day.kind, day.timex[:-3], day.value, day.resolution, day.date, day.precision)
    ends = hours.timex.strip("()").split(",")
    first, second, period = _in_part(ends[0], part), _in_part(ends[1], part), (ends[2] if len(ends) > 2 else "")
    resolved = day.value[:10] if day.date is not None else day.timex
    written = day.timex if not day.resolution.startswith("weekday-after") else resolved
    timex = f"({written}{first},{written}{second}" + (f",{period})" if period else ")")
    value = f"{resolved}{first}/{resolved}{second}"
    return Hit(a.i, b.j, a.start, V.Value("range", timex, value, day.resolution, day.date, "time"))


def _in_part(clock: str, part: str) -> str:
    """«مساء الجمعة من السابعة إلى التاسعة»: an hour below 12 in an afternoon or evening is p.m. (at night from
    6 on); hours already past noon and mornings stay."""
    m = re.fullmatch(r"T(\d\d)(.*)", clock)
    if m is None or part not in ("AF", "EV", "NI"):
        return clock
    h = int(m.group(1))
    if h < 12 and (part != "NI" or h >= 6):
        h += 12
    return f"T{h:02d}{m.group(2)}"


def _with_bound(p: Parser, hit: Hit, floor: int) -> Hit:
    # «في الأسابيع الثلاثة الماضية»
    stretch = hit.val.kind == "range" and p.word(hit.i, p.units.plural_units) is not None
    words = p.cues.bounds if hit.val.kind in ("date", "time") \
        else p.cues.within if hit.val.kind == "duration" or stretch else set()
    for cue in sorted(words, key=len, reverse=True):
        k = hit.i - len(cue)
        first = p.word(k, {cue[0]}) if k >= floor else None
        if first is None or tuple(p.norm(x) for x in range(k + 1, hit.i)) != cue[1:]:
            continue
        if cue == ("منذ",) and _dated(hit.val):
            continue
        definite = p.norm(hit.i).startswith("ال")  # «في الأيام العشرة الأولى»: the ten days, not in ten days
        return Hit(k, hit.j, first[1], _in_time(p, hit.val) if words is p.cues.within and not definite else hit.val)
    return hit


def _in_time(p: Parser, v: V.Value) -> V.Value:
    """«في 5 دقائق», «في 10 أيام», «في أسبوعين»: minutes, hours, days or weeks from a known reference moment (as Recognizers-Text
    reads «in N units»: the moment, or the day, they lead to); other spans, and any without a moment (news,
    dated by their publication day only), stay durations."""
    if p.moment is None or v.resolution == "stretch":
        return v
    days = re.fullmatch(r"P(\d+)([DWMY])", v.timex)
    if days:  # «في 10 أيام», «في أسبوعين», «في 3 أشهر»: as «بعد …»
        return V.ago(int(days.group(1)), days.group(2), 1, p.moment.date())
    m = re.fullmatch(r"PT(\d+(?:\.\d+)?)([HMS])", v.timex)
    if m is None:
        return v
    return V.moved(p.moment, [(float(m.group(1)), {"H": "H", "M": "MIN", "S": "S"}[m.group(2)])], 1) or v


def _dated(v: V.Value) -> bool:
    """A printed date with its year («منذ سبتمبر/أيلول 2014»): the issue's acceptance keeps the date alone as
    the expression there, so «منذ» only joins dates without a year («منذ أغسطس», «منذ 7/2»)."""
    return v.timex[:4].isdigit() and v.resolution == "explicit"
