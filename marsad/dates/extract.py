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
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from marsad.dates import values as V
from marsad.dates.attach import attach
from marsad.dates.grammar import RANGE_TO, Hit, Parser
from marsad.dates.lexicon import lexicon
from marsad.dates.numbers import parse_words
from marsad.dates.rules_base import (
    AGO,
    AM,
    CLAUSE_GOES_ON,
    DAYPARTS,
    DURATION_CUES,
    EDGE,
    NIGHT,
    PLURAL_UNITS,
    PM,
    STOPS,
    THIS,
    YEAR_WORDS,
)
from marsad.dates.rules_periods import PART_EDGES, PART_WORDS
from marsad.dates.scan import scan
from marsad.model import TimeExpression

DAYPART_PM = frozenset({"AF", "EV", "NI"})
TIME_GLUE = frozenset({",", "،", "في", "عند", "على", "علي", "من", "حوالي", "نحو", "قرابه", "تمام", "-", "يوم"})  # «… مساء يوم 15 أكتوبر»


@dataclass(slots=True)
class Found:
    """An expression with both its resolved value and the TIMEX of what the text itself says."""

    expr: TimeExpression
    timex: str
    date: dt.date | None
    precision: str


def patterns(p: Parser) -> list[Callable[[int], Hit | None]]:
    return [p.nth_weekday, p.month_date, p.numeric, p.weekday, p.relative_day, p.unit_shift, p.duration, p.year_alone,
            p.clock, p.frequency, p.bare_day, p.for_the_day, p.season, p.decade, p.century, p.part_of_day, p.holiday,
            p.day_part_period, p.day_end, p.rest_of, p.now, p.early_late, p.next_hour, p.edge_day,
            lambda i: day_range(p, i), lambda i: month_pair(p, i), lambda i: day_or_day(p, i),
            lambda i: hour_range(p, i), lambda i: moved_to(p, i)]


@lru_cache(maxsize=1)
def starters() -> frozenset[str]:
    """Every word an expression can start with; other words are skipped without trying the rules."""
    lex = lexicon()
    words: set[str] = {"من", "بين", "يوم", "ايام", "الي", "شهر", "اسبوع", "الاسبوع", "الربع", "كل", "نصف", "ربع", "الساعه",
                       "بعد", "في", "منتصف", "الظهيره", "وقت", "لعام", "لسنه", "بقيه", "باقي", "ال", "عند", "يومي",
                       "شهري",
                       "الان", "حاليا", "عطله", "ثاني", "ثالث", "رابع", "خامس", "عامي", "سنتي", "النصف", "القرن", "قرن", "عقد",
                       "العقد"}
    words |= PART_WORDS.keys() | PART_EDGES
    words |= THIS | EDGE | YEAR_WORDS | DURATION_CUES | set(AGO) | set(DAYPARTS) | PLURAL_UNITS | AM | PM | NIGHT
    tables: list[Iterable[str]] = [lex.months, lex.weekdays, lex.holidays, *lex.relative.values()]
    for table in tables:
        words |= {phrase.split()[0] for phrase in table}
    words |= set(lex.numbers) | {"ال" + w for w in lex.numbers} | {"الواحده", "واحده"}
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


def day_range(p: Parser, i: int) -> Hit | None:
    """«من 3 إلى 12 سبتمبر», «بين 15 و19 نوفمبر», «يومي 16 و17 يونيو», «19-20 نوفمبر»: the month and year of
    the second end."""
    cue = p.word(i, {"من", "بين", "يومي"})
    k = i + 1 if cue else i
    first = p.day(k)
    if first is None:
        return None
    j = first[1]
    joiner = p.norm(j)
    both = cue is not None and cue[0] in ("بين", "يومي")  # «بين/يومي A و B»
    if joiner in RANGE_TO and (cue is None or cue[0] != "يومي") or (joiner == "و" and both):
        second = p.month_date(j + 1)
    elif both and joiner.startswith("و") and len(joiner) > 1:
        second = p.month_date(j)  # «والتاسع عشر»: the و is a clitic of the next word
    else:
        return None
    if second is None or second.val.precision != "day" or second.val.date is None and p.anchor is not None:
        return None
    a = _same_month(second.val, first[0])
    if a is None or cue and cue[0] == "يومي" and not second.val.timex.endswith(f"-{first[0] + 1:02d}"):
        return None  # «يومي 3 و5 مارس» are two days, not the days between
    return Hit(i, second.j, cue[1] if cue else first[2], V.interval(a, second.val))


def day_or_day(p: Parser, i: int) -> Hit | None:
    """«يوم 5 أو 6 مارس», «في الخامس أو السادس من مارس»: the first day takes the month (and year) of the
    second, which is read on its own after «أو»."""
    if p.t[i].kind != "d" and p.t[i].norm not in ("يوم", "في"):
        return None  # (cheap test first: this runs at every word)
    cue = p.word(i, {"يوم", "في"})
    k = i + 1 if cue else i
    first = p.day(k)
    if first is None or p.norm(first[1]) != "او":
        return None
    second = p.month_date(first[1] + 1)
    if second is None or second.val.precision != "day" or "T" in second.val.timex[10:]:
        return None
    a = _same_month(second.val, first[0])
    return Hit(i if cue and cue[0] == "يوم" else k, first[1], first[2] if not cue or cue[0] != "يوم" else cue[1],
               a) if a else None


def month_pair(p: Parser, i: int) -> Hit | None:
    """«بين شهري يناير ومارس», «خلال شهري يوليو وأغسطس 2021», «شهري رمضان وشوال»: the months from the first to
    the second (a year after the second holds for both; the first is in the year before when it comes later)."""
    cue = p.word(i, {"بين", "من"})
    k = i + 1 if cue else i
    dual = p.word(k, {"شهري"}) if not cue or cue[0] == "بين" else None
    if dual is None and cue is None:
        return None
    m1 = k + 1 if dual else k  # «بين يناير ومارس», «من يناير إلى مارس»: two month names framed without «شهري»
    if not dual and not any(p.norm(x) in RANGE_TO or p.norm(x).startswith("و") for x in range(m1 + 1, m1 + 4)):
        return None  # (cheap test first: «من» is frequent)
    first = p.month(m1)
    if first is None or p.year_part(first[1]) is not None:
        return None  # «من يناير 2016 إلى …»: a dated first end (``_range_pair``)
    joiners = {"و"} if dual or cue and cue[0] == "بين" else RANGE_TO
    k = first[1] + 1 if p.norm(first[1]) in joiners else first[1]
    second = p.month(k) if k > first[1] or "و" in joiners and p.norm(k).startswith("و") else None
    if second is None or second[0].calendar != first[0].calendar or second[0].month == first[0].month:
        return None
    yp = p.year_part(second[1])
    y2 = yp[0] if yp else None
    y1 = y2 - 1 if y2 is not None and first[0].month > second[0].month else y2
    a = p.make_date(m1, first[1], first[2], y1, first[0], None, first[0].calendar)
    b = p.make_date(k, yp[1] if yp else second[1], second[2], y2, second[0], None, second[0].calendar)
    if a is None or b is None or dual is None and p.norm(b.j) in ("الماضيين", "المقبلين", "القادمين"):
        return None  # «من أبريل إلى يونيو الماضيين»: the dual shift moves both (``merge``)
    start = cue[1] if cue else dual[1] if dual else p.t[i].start
    return Hit(i, b.j, start, V.interval(a.val, _forward_month(a.val, b.val)))


def _forward_month(a: V.Value, b: V.Value) -> V.Value:
    """The second month of a pair without a year comes after the first («شهري ديسمبر ويناير»)."""
    if not (re.fullmatch(r"\d{4}-\d\d", a.value) and re.fullmatch(r"\d{4}-\d\d", b.value)) or b.value > a.value:
        return b
    year = int(a.value[:4]) + 1
    v = f"{year}-{b.value[5:]}"
    return V.Value(b.kind, b.timex, v, b.resolution, None, b.precision)


def hour_range(p: Parser, i: int) -> Hit | None:
    """«من 5 إلى 6 مساءً», «بين 5 و 6 بعد الظهر», «1-3 مساءً»: the day part of the second end applies to both."""
    cue = p.word(i, {"من", "بين"})
    k = i + 1 if cue else i
    sa = k < len(p.t) and p.norm(k) == "الساعه"
    k = k + 1 if sa else k
    first = _hour(p, k)
    if first is None:
        return None
    h1, j = first
    joiner = p.norm(j)
    if joiner in RANGE_TO or (joiner == "و" and cue and cue[0] == "بين"):
        second = p.clock(j + 1, second_end=True)
    elif cue and cue[0] == "بين" and joiner.startswith("و") and len(joiner) > 2:
        second = p.clock(j, second_end=True)
    else:
        return None
    between = joiner == "و" and cue is not None and cue[0] == "بين"  # «الليلة بين 8 و 10»
    if second is None and _after_day_part(p, i) and j + 1 < len(p.t) and p.t[j + 1].kind == "d" \
            and (joiner in RANGE_TO or between) and 1 <= (p.t[j + 1].number or 0) <= 12 and len(p.t[j + 1].norm) <= 2 \
            and _clause_goes_on(p, j + 2):
        h = p.t[j + 1].number or 0  # «الليلة من 8 إلى 10», «صباح الغد من 9 إلى 11»: the day part reads them
        second = Hit(j + 1, j + 2, p.t[j + 1].start, V.Value("time", V.time_of_day(h, None), V.time_of_day(h, None),
                                                             "explicit"))
    if second is None or not second.val.value[1:3].isdigit():
        return None
    h2 = int(second.val.value[1:3])
    if h2 >= 12 and h1 < 12 and h1 + 12 <= h2:
        h1 += 12
    spaced_dash = joiner == "-" and not (p.adjacent(j - 1) and p.adjacent(j))
    if spaced_dash and not (h1 < h2 and (h1 >= 12) == (h2 >= 12)):
        return None  # «فاز 4 - 1 مساء السبت» is a score; «4 - 5 مساءً» a range
    start_val = V.Value("time", V.time_of_day(h1, None), V.time_of_day(h1, None), "explicit")
    return Hit(i, second.j, cue[1] if cue else p.t[i].start, V.interval(start_val, second.val))


# Parts of the day that, said just before «من N إلى M», make the bare numbers hours.
PART_BEFORE = frozenset({"الليله", "صباح", "مساء", "ظهر", "عصر", "فجر", "ليله", "الصباح", "المساء", "صباحا"})


def _after_day_part(p: Parser, i: int) -> bool:
    """A part of the day ends within the three words before ``i`` («الليلة», «صباح الغد», «مساء يوم الجمعة»)."""
    for k in range(i - 1, max(i - 4, -1), -1):
        if p.norm(k) in STOPS:
            return False
        if p.norm(k) in PART_BEFORE:
            return True
    return False


def _clause_goes_on(p: Parser, k: int) -> bool:
    """Nothing counted follows a bare number at ``k`` (not «من 3 إلى 5 أشخاص»): an end, a stop, a preposition."""
    word = p.norm(k)
    return k >= len(p.t) or word in STOPS or word.startswith("و") or word in CLAUSE_GOES_ON


def _hour(p: Parser, k: int) -> tuple[int, int] | None:
    """An hour without a day part, in digits («5») or as a feminine ordinal («الخامسة»)."""
    if k >= len(p.t):
        return None
    if p.t[k].kind == "d":
        return (p.t[k].number or 0, k + 1) if len(p.t[k].norm) <= 2 else None
    got = parse_words(p.t, k)
    if got and got[2] and p.t[k].norm.endswith("ه") and 1 <= got[0] <= 12:
        return got[0], got[1]
    if got and not got[2] and 1 <= got[0] <= 12 and p.norm(k - 1) in ("من", "بين"):
        return got[0], got[1]  # «من اثنين إلى خمسة مساء»: cardinals after «من/بين», the day part after
    return None


def _same_month(b: V.Value, day: int) -> V.Value | None:
    """The first end of a range that shares the month (and year) of its second end."""
    head, _, _ = b.value.rpartition("-")
    thead, _, _ = b.timex.rpartition("-")
    date = None
    if b.date is not None:
        date = V.safe_date(b.date.year, b.date.month, day)
        if date is None:
            return None
    return V.Value("date", f"{thead}-{day:02d}", f"{head}-{day:02d}", b.resolution, date, "day")


# Words of rescheduling: «X إلى Y» after them names the old and the new time («أجل الموعد العاشرة إلى الحادية عشرة»).
MOVED = frozenset({"موعد", "الموعد", "تغيير", "اغير", "ساغير", "نغير", "تاجيل", "اجل", "ارجا", "ارجاء", "تقديم"})


def rescheduling(p: Parser, k: int, reach: int = 8) -> bool:
    """A word of rescheduling («موعد», «سأغير») within ``reach`` words before ``k``, no stop between."""
    for x in range(k - 1, max(k - 1 - reach, -1), -1):
        if p.norm(x) in STOPS:
            return False
        if any(f in MOVED for f, _ in p.forms(x)):
            return True
    return False


def moved_to(p: Parser, i: int) -> Hit | None:
    """«سأغير موعد العاشرة صباحًا إلى عشرين/صفر/13/أربعة وعشرين»: after «إلى», the new hour (0-24) of a
    rescheduled time, then a stop or the end (the Recognizers-Text merged cases); «إلى 25», «إلى 4 أو بعد
    ذلك» are no time."""
    if i == 0 or p.t[i - 1].norm != "الي" or not rescheduling(p, i - 1):
        return None
    got = (0.0, i + 1, p.t[i].start) if p.norm(i) == ZERO else p.quantity(i)
    if got is None or not float(got[0]).is_integer() or not 0 <= got[0] <= 24:
        return None
    if got[1] < len(p.t) and p.norm(got[1]) not in STOPS:
        return None
    clock = V.time_of_day(int(got[0]) % 24, None)
    return Hit(i, got[1], got[2], V.Value("time", clock, clock, "explicit"))


def _clock_word_out(p: Parser, hit: Hit) -> Hit:
    """«سأغير موعد الساعة العاشرة صباحًا»: «الساعة» right after «موعد» stays out of the span (the
    Recognizers-Text merged cases mark «العاشرة صباحًا»)."""
    if p.norm(hit.i) == "الساعه" and p.norm(hit.i - 1) in MOVED and hit.j > hit.i + 1:
        return Hit(hit.i + 1, hit.j, p.t[hit.i + 1].start, hit.val)
    return hit


ZERO = "صفر"  # «إلى صفر» (to zero hours); not in date_numbers.tsv, where «صفر» would shadow the Hijri month


def merge(p: Parser, hits: list[Hit]) -> list[Hit]:
    """Join «A إلى/حتى B» into a range, a weekday with its week, and a date with a time of day."""
    out: list[Hit] = []
    for hit in hits:
        if out and hit.i < out[-1].j:
            continue  # swallowed by an extended hit
        if hit.val.kind == "time":
            hit = _clock_word_out(p, _open_hour(p, hit) or hit)
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
    if joiner == "الي" and _moved(p, a.i):
        return False  # «سأغير موعد الثالثة مساءً إلى الرابعة»: the old and the new time, not a range
    if joiner == "وحتي" and (b.val.date is None or a.val.date is None or b.val.date < a.val.date) \
            and not p.word(a.i - 1, {"من"}):
        return False  # «… السبت المقبل وحتى أمس لم يصل»: «and until yesterday» opens another clause
    return b.i == a.j + 1 and (joiner in RANGE_TO or (joiner == "و" and (both or p.norm(a.i - 1) == "بين")))


def _clock_follows(p: Parser, j: int) -> bool:
    """A clock time starts at ``j`` or after one glue word («الجمعة 5 مساء», «3 يناير الساعة 5 مساء»)."""
    k = j + 1 if p.norm(j) in TIME_GLUE else j
    got = p.clock(k)
    return got is not None and got.val.kind == "time"


def _moved(p: Parser, i: int) -> bool:
    """An appointment moved: «موعد» or a verb of moving it just before the first end, without «من»
    («نقل الاجتماع من الأحد إلى الاثنين» keeps the news frame of a range)."""
    window = range(max(i - 3, 0), i)
    if any(p.norm(k) == "من" for k in window):
        return False
    return any(f in MOVED for k in window for f, _ in p.forms(k))


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
    return all(p.norm(k) in TIME_GLUE for k in range(a.j, b.i)) and b.i - a.j <= 3


def _open_hour(p: Parser, a: Hit) -> Hit | None:
    """«الساعة 1 بعد الظهر إلى 4», «من 1:30 إلى 3»: a time followed by «إلى N» (then a stop) is a range of hours."""
    k = a.j + 1
    if p.norm(a.j) not in RANGE_TO or k >= len(p.t) or p.t[k].kind != "d" or rescheduling(p, a.i):
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
    return all(p.norm(k) in TIME_GLUE for k in range(a.j, b.i)) and b.i - a.j <= 1


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
