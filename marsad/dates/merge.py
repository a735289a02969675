"""Neighbouring hits joined into one: «A إلى/حتى B» into a range, a weekday with its week or its date after
«الموافق», a relative day with its weekday, a set with its day or time, and a day with its time of day."""

from __future__ import annotations

import datetime as dt
import re

from marsad.dates import values as V
from marsad.dates.grammar import Hit, Parser
from marsad.dates.reschedule import clock_word_out, moved_before, rescheduling
from marsad.dates.rules_base import STOPS

DAYPART_PM = frozenset({"AF", "EV", "NI"})


def merge(p: Parser, hits: list[Hit]) -> list[Hit]:
    """Join «A إلى/حتى B» into a range, a weekday with its week, and a date with a time of day."""
    out: list[Hit] = []
    for hit in hits:
        if out and hit.i < out[-1].j:
            continue  # swallowed by an extended hit
        if hit.val.kind == "time":
            hit = clock_word_out(p, _open_hour(p, hit) or hit)
        prev = out[-1] if out else None
        if prev and _range_pair(p, prev, hit):
            cue = p.word(prev.i - 1, {"بين", "يومي", "من"} if _from_included(p, prev) else {"بين", "يومي"})
            start = cue[1] if cue else prev.start
            first = _year_of_end(prev.val, hit.val)
            first, second = _dual_shift(p, first, hit) or (first, _forward(first, _year_of_start(first, hit.val)))
            out[-1] = Hit(prev.i - (1 if cue else 0), hit.j, start, V.interval(first, second))
        elif prev and _same_day_pair(p, prev, hit):
            out[-1] = Hit(prev.i, hit.j, prev.start, hit.val)
        elif prev and _today_pair(p, prev, hit):
            out[-1] = Hit(prev.i, hit.j, prev.start, _today(prev.val, hit.val))
        elif prev and _its_weekday(p, prev, hit):
            out[-1] = Hit(prev.i, hit.j, prev.start, prev.val)
        elif prev and _range_week_pair(p, prev, hit):
            out[-1] = Hit(prev.i, hit.j, prev.start, _range_in_week(prev.val, hit.val))
        elif prev and _week_pair(p, prev, hit):
            out[-1] = Hit(prev.i, hit.j, prev.start, _weekday_in_week(prev.val, hit.val))
        elif prev and _set_day_pair(p, prev, hit):
            out[-1] = Hit(prev.i, hit.j, prev.start, V.Value("set", hit.val.timex, hit.val.timex, "explicit"))
        elif prev and _set_time_pair(p, prev, hit):
            out[-1] = Hit(prev.i, hit.j, prev.start, _set_time(prev.val, hit.val))
        elif prev and _time_pair(p, prev, hit):
            out[-1] = Hit(prev.i, hit.j, prev.start, _datetime(prev.val, hit.val))
        else:
            out.append(hit)
    return out


def _range_pair(p: Parser, a: Hit, b: Hit) -> bool:
    if a.val.kind not in ("date", "time") or b.val.kind != a.val.kind:
        return False
    if a.val.precision == "time" and b.val.precision == "day" and _clock_follows(p, b.j):
        return False  # «من الاثنين 9 صباحا إلى الجمعة 5 مساء»: the second day takes its hour first (``attach``)
    pair = p.word(a.i - 1, {"يومي"}) is not None or p.norm(b.j - 1) in ("الماضيين", "المقبلين", "القادمين")
    both = p.word(a.i - 1, {"بين"}) is not None or (pair and _next_day(a.val, b.val))  # «الخميس والجمعة المقبلين»
    if b.i == a.j and (both or p.norm(a.i - 1) == "بين") and p.norm(b.i).startswith("و"):
        return True  # «بين الاثنين والجمعة», «يومي السبت والأحد»
    joiner = p.norm(a.j)
    if joiner == "الي" and moved_before(p, a.i):
        return False  # «سأغير موعد الثالثة مساءً إلى الرابعة»: the old and the new time, not a range
    if joiner == "وحتي" and (b.val.date is None or a.val.date is None or b.val.date < a.val.date) \
            and not p.word(a.i - 1, {"من"}):
        return False  # «… السبت المقبل وحتى أمس لم يصل»: «and until yesterday» opens another clause
    return b.i == a.j + 1 and (joiner in p.cues.range_to or (joiner == "و" and (both or p.norm(a.i - 1) == "بين")))


def _clock_follows(p: Parser, j: int) -> bool:
    """A clock time starts at ``j`` or after one glue word («الجمعة 5 مساء», «3 يناير الساعة 5 مساء»)."""
    k = j + 1 if p.norm(j) in p.cues.time_glue else j
    got = p.clock(k)
    return got is not None and got.val.kind == "time"


def _dual_shift(p: Parser, a: V.Value, b: Hit) -> tuple[V.Value, V.Value] | None:
    """«يومي الثلاثاء والأربعاء الماضيين/المقبلين»: the dual shift after the second weekday moves both: the
    last such pair strictly before the anchor, or the first one after it."""
    shift = p.lex.relative["shift"].get(p.norm(b.j - 1))
    if shift is None or not p.norm(b.j - 1).endswith("ين") or not (_is_weekday(a) and b.val.date and a.date):
        return None
    if not b.val.timex.startswith("XXXX-WXX-") or p.anchor is None:
        return None
    iso_a, iso_b = int(a.timex[-1]), int(b.val.timex[9])
    gap = dt.timedelta(days=(iso_b - iso_a) % 7)
    if int(shift) < 0:
        end = V.weekday(iso_b, -1, p.anchor)
        day = (end.date or p.anchor) - gap
        return V.day_value(day, a.timex, end.resolution), end
    begin = V.weekday(iso_a, 1, p.anchor)
    day = (begin.date or p.anchor) + gap
    return begin, V.day_value(day, b.val.timex[:10], begin.resolution)


def _next_day(a: V.Value, b: V.Value) -> bool:
    """«يومي السبت والأحد», «يومي 16 و17»: two days make a range only when the second follows the first
    («يومي الاثنين والأربعاء» are two days)."""
    if _is_weekday(a) and _is_weekday(b):
        return int(b.timex[-1]) == int(a.timex[-1]) % 7 + 1
    return a.date is not None and b.date is not None and (b.date - a.date).days == 1


def _year_of_end(a: V.Value, b: V.Value) -> V.Value:
    """«من فاتح يناير إلى 30 يونيو 2006»: the first end without a year takes the second end's (the year
    before when it would fall after that end)."""
    m = re.fullmatch(r"XXXX-(\d\d)(?:-(\d\d))?", a.timex)
    if m is None or not re.match(r"\d{4}-\d\d", b.timex):
        return a
    year, month, day = int(b.timex[:4]), int(m.group(1)), int(m.group(2)) if m.group(2) else None
    if (month, day or 1) > (int(b.timex[5:7]), int(b.timex[8:10]) if b.timex[8:10].isdigit() else 31):
        year -= 1
    got = V.gregorian(year, month, day, None)
    return V.Value(got.kind, got.timex, got.value, "range-end-year", got.date, got.precision) if got else a


def _year_of_start(a: V.Value, b: V.Value) -> V.Value:
    """«من 2015/08/12 حتى 22 أكتوبر»: a second end without a year takes the first end's (the year after when
    it would fall before that end)."""
    m = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", b.timex)
    if m is None or a.date is None or not re.match(r"\d{4}-\d\d-\d\d", a.timex):
        return b
    year = a.date.year + ((int(m.group(1)), int(m.group(2))) < (a.date.month, a.date.day))
    got = V.gregorian(year, int(m.group(1)), int(m.group(2)), None)
    return V.Value(got.kind, got.timex, got.value, "range-start-year", got.date, got.precision) if got else b


def _forward(a: V.Value, b: V.Value) -> V.Value:
    """The second end of «من الاثنين إلى الجمعة» is the weekday after the first, not the one before the anchor;
    after a day resolved by its week («الأسبوع القادم من الاثنين إلى الجمعة») it is resolved the same way."""
    resolved = re.fullmatch(r"\d{4}-\d\d-\d\d", a.timex) is not None
    if not ((a.timex.startswith("XXXX-WXX-") or resolved) and _is_weekday(b) and a.date and b.date):
        return b
    if b.date >= a.date and not resolved:
        return b
    day = a.date + dt.timedelta(days=(int(b.timex[9]) - a.date.isoweekday()) % 7)
    return V.day_value(day, day.isoformat() if resolved else b.timex, b.resolution)


def _range_week_pair(p: Parser, a: Hit, b: Hit) -> bool:
    """«من الاثنين إلى الجمعة من الأسبوع القادم»: a range of weekdays, then «من/في» and its week."""
    return (re.fullmatch(r"\(XXXX-WXX-\d,XXXX-WXX-\d(,P\d+D)?\)", a.val.timex) is not None and _is_week(b.val)
            and b.val.value != "XXXX-WXX" and b.i == a.j + 1 and p.norm(a.j) in ("من", "في"))


def _range_in_week(a: V.Value, week: V.Value) -> V.Value:
    isos = [int(x) for x in re.findall(r"XXXX-WXX-(\d)", a.timex)]
    year, number = int(week.value[:4]), int(week.value[6:8])
    first = dt.date.fromisocalendar(year, number, isos[0])
    last = first + dt.timedelta(days=(isos[1] - isos[0]) % 7)
    return V.interval(V.day_value(first, first.isoformat(), "relative"), V.day_value(last, last.isoformat(), "relative"))


def _from_included(p: Parser, hit: Hit) -> bool:
    """Recognizers-Text keeps «من» in «من 2 أكتوبر إلى …» and «من 4 مساءً إلى …», not before «يوم الجمعة»,
    «اليوم» or a numeric date; we follow it so spans compare. News frames a range of written dates, months
    or years the same way («من عام 2011 إلى عام 2019», «من 5 مارس 2021 إلى …»)."""
    v = hit.val
    if v.kind == "time" or _is_weekday(v) and p.norm(hit.i) != "يوم":  # «من الأحد إلى الخميس», not «من يوم الجمعة»
        return True
    numeric = p.t[hit.i].kind == "d" and p.norm(hit.i + 1) in ("/", "-", ".")  # «2015/08/12», not «أيار/مايو»
    written = re.fullmatch(r"(XXXX|\d{4})(-\d\d){0,2}", v.timex) is not None and v.timex != "XXXX"
    return written and not numeric and not v.resolution.startswith("relative")


def _same_day_pair(p: Parser, a: Hit, b: Hit) -> bool:
    """«الجمعة الموافق 2 أكتوبر»: a weekday and, after «الموافق», its date (which gives the value)."""
    between = [p.norm(k) for k in range(a.j, b.i) if p.norm(k) not in (",", "،")]
    return (between == ["الموافق"] and _is_weekday(a.val) and b.val.kind == "date" and b.val.precision == "day"
            and "T" not in b.val.timex[10:])


def _today_pair(p: Parser, a: Hit, b: Hit) -> bool:
    """«اليوم الأربعاء», «اليوم 6 مايو», «أمس الثلاثاء», «غدا الخميس»: a relative day named by its weekday or date."""
    got = p.phrase(a.i, p.lex.relative["day"])
    return (b.i == a.j and got is not None and got[1] == a.j and a.val.kind == "date" and b.val.kind == "date"
            and b.val.precision == "day" and "T" not in b.val.timex[10:] and "T" not in a.val.timex[10:])


def _its_weekday(p: Parser, a: Hit, b: Hit) -> bool:
    """«الثامنة صباح غد الأربعاء», «مساء أمس الاثنين»: an expression ending in a relative day, then the
    weekday that day is."""
    if b.i != a.j or not _is_weekday(b.val) or a.val.date is None or a.val.kind != "date":
        return False
    return p.norm(a.j - 1) in p.lex.relative["day"] and a.val.date.isoweekday() == int(b.val.timex[-1])


def _today(a: V.Value, b: V.Value) -> V.Value:
    if a.date is not None:
        return a
    return V.Value("date", b.timex, b.value, b.resolution, b.date, "day")


def _is_week(v: V.Value) -> bool:
    return v.precision == "week" or v.value == "XXXX-WXX"


def _is_weekday(v: V.Value) -> bool:
    return v.timex.startswith("XXXX-WXX-") and v.kind == "date" and len(v.timex) == 10


def _week_pair(p: Parser, a: Hit, b: Hit) -> bool:
    """«الأسبوع القادم يوم الجمعة», «الجمعة من هذا الأسبوع»."""
    if not ((_is_week(a.val) and _is_weekday(b.val)) or (_is_weekday(a.val) and _is_week(b.val))):
        return False
    return b.i == a.j or (b.i == a.j + 1 and p.norm(a.j) in ("من", "في"))


def _weekday_in_week(a: V.Value, b: V.Value) -> V.Value:
    week, day = (a, b) if _is_week(a) else (b, a)
    iso = int(day.timex[-1])
    if week.value == "XXXX-WXX":
        return V.Value("date", day.timex, day.timex, day.resolution)
    year, number = int(week.value[:4]), int(week.value[6:8])
    date = dt.date.fromisocalendar(year, number, iso)
    return V.day_value(date, date.isoformat(), "relative")


def _time_pair(p: Parser, a: Hit, b: Hit) -> bool:
    kinds = {a.val.kind, b.val.kind}
    if kinds != {"date", "time"}:
        return False
    date, time = (a.val, b.val) if a.val.kind == "date" else (b.val, a.val)
    if not time.timex[1:3].isdigit():
        return False
    if date.precision != "day" or ("T" in date.timex[10:] and date.timex[-2:] not in DAYPART_PM | {"MO"}):
        return False
    return all(p.norm(k) in p.cues.time_glue for k in range(a.j, b.i)) and b.i - a.j <= 3


def _open_hour(p: Parser, a: Hit) -> Hit | None:
    """«الساعة 1 بعد الظهر إلى 4», «من 1:30 إلى 3»: a time followed by «إلى N» (then a stop) is a range of hours."""
    k = a.j + 1
    if p.norm(a.j) not in p.cues.range_to or k >= len(p.t) or p.t[k].kind != "d" or rescheduling(p, a.i):
        return None  # «سأغير موعد الساعة 3 مساءً إلى 4»: the old and the new time
    if k + 1 < len(p.t) and p.norm(k + 1) not in STOPS:
        return None
    if not a.val.timex[1:3].isdigit():
        return None
    h1, h2 = int(a.val.timex[1:3]), p.t[k].number or 0
    if h2 > 24:
        return None
    if h1 >= 12 and h2 < 12 and h2 + 12 > h1:
        h2 += 12
    end = V.Value("time", V.time_of_day(h2, None), V.time_of_day(h2, None), "explicit")
    cue = p.word(a.i - 1, {"من", "بين"})
    return Hit(a.i - (1 if cue else 0), k + 1, cue[1] if cue else a.start, V.interval(a.val, end))


def _set_time_pair(p: Parser, a: Hit, b: Hit) -> bool:
    if {a.val.kind, b.val.kind} != {"set", "time"}:
        return False
    return all(p.norm(k) in p.cues.time_glue for k in range(a.j, b.i)) and b.i - a.j <= 1


def _set_time(a: V.Value, b: V.Value) -> V.Value:
    """«كل يوم اثنين الساعة 4 مساءً» -> XXXX-WXX-1T16, «الساعة 3 مساءً كل يوم» -> T15, «كل مساء في السابعة»
    -> T19 (an evening or a night makes a bare hour before noon p.m.)."""
    every, time = (a, b) if a.kind == "set" else (b, a)
    clock = time.timex
    part = every.timex[-2:] if re.search(r"T(EV|NI|AF)$", every.timex) else None
    if part and clock[1:3].isdigit() and int(clock[1:3]) < 12 and a is every:
        clock = f"T{int(clock[1:3]) + 12:02d}{clock[3:]}"
    if every.timex.startswith("P") or every.timex.startswith("T"):
        timex = clock
    else:
        timex = re.sub(r"T(MO|AF|EV|NI)$", "", every.timex) + clock
    return V.Value("set", timex, timex, "explicit")


def _set_day_pair(p: Parser, a: Hit, b: Hit) -> bool:
    """«كل أسبوع يوم الاثنين», «أسبوعيا يوم الجمعة», «كل عام في 15 أبريل»: a set of weeks or years, then the
    weekday or the date of the year it falls on."""
    if a.val.kind != "set" or b.val.kind != "date" or b.i - a.j > 1 or (b.i > a.j and p.norm(a.j) != "في"):
        return False
    if a.val.timex == "P1W":
        return _is_weekday(b.val)
    return a.val.timex == "P1Y" and re.fullmatch(r"XXXX-\d\d-\d\d", b.val.timex) is not None


def _datetime(a: V.Value, b: V.Value) -> V.Value:
    """A day and a time of day («غدا 8:00 صباحا», «مساء أمس الساعة 8»: the day part makes 8 -> 20)."""
    date, time = (a, b) if a.kind == "date" else (b, a)
    timex, clock = date.timex, time.timex
    if "T" in timex[10:]:
        part, timex = timex[-2:], timex[:-3]
        hour = int(clock[1:3])
        if part in DAYPART_PM and hour < 12:
            clock = f"T{hour + 12:02d}{clock[3:]}"
    return V.Value("date", timex + clock, date.value[:10] + clock if date.date else timex + clock, date.resolution,
                   date.date, "time")
