"""Ranges read at their first token: «من 3 إلى 12 سبتمبر», «يوم 5 أو 6 مارس», «بين شهري يناير ومارس»,
«من 5 إلى 6 مساءً» (the month, year or part of the day of the second end holds for the first)."""

from __future__ import annotations

import re

from marsad.dates import values as V
from marsad.dates.grammar import Hit, Parser
from marsad.dates.numbers import parse_words
from marsad.dates.rules_base import STOPS


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
    if joiner in p.cues.range_to and (cue is None or cue[0] != "يومي") or (joiner == "و" and both):
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


def hour_or_hour(p: Parser, i: int) -> Hit | None:
    """«الساعة 3 أو 4 مساء», «في الثالثة أو الرابعة عصرا»: two times; the first hour takes the part of the day
    of the second (read on its own after «أو»), as «يوم 5 أو 6 مارس» gives the first day the second's month.
    Only the first is made here, and only when the second is an afternoon or evening hour that moves it."""
    tok = p.t[i]
    if tok.kind != "d" and tok.norm not in ("الساعه", "في", "عند") and not tok.norm.endswith("ه"):
        return None  # (cheap test first: this runs at every word)
    cue = p.word(i, {"الساعه", "في", "عند"})
    k = i + 1 if cue else i
    first = _hour(p, k) or ((1, k + 1) if p.norm(k) == "الواحده" else None)  # «الواحدة أو الثانية بعد الظهر»
    if first is None or p.norm(first[1]) != "او" or first[1] + 1 >= len(p.t):
        return None
    second = p.clock(first[1] + 1)
    if second is None or second.val.kind != "time" or not second.val.timex[1:3].isdigit():
        return None
    h1, h2 = first[0], int(second.val.timex[1:3])
    if not (h2 > 12 and h1 < 12 and h1 + 12 <= h2):
        return None  # «الساعة 3 أو 4 صباحا»: the first hour is read as said (``clock``)
    clock = V.time_of_day(h1 + 12, None)
    start = cue[1] if cue and cue[0] == "الساعه" else p.t[k].start
    return Hit(i if cue and cue[0] == "الساعه" else k, first[1], start, V.Value("time", clock, clock, "explicit"))


def month_pair(p: Parser, i: int) -> Hit | None:
    """«بين شهري يناير ومارس», «خلال شهري يوليو وأغسطس 2021», «شهري رمضان وشوال»: the months from the first to
    the second (a year after the second holds for both; the first is in the year before when it comes later)."""
    cue = p.word(i, {"بين", "من"})
    k = i + 1 if cue else i
    dual = p.word(k, {"شهري"}) if not cue or cue[0] == "بين" else None
    if dual is None and cue is None:
        return None
    m1 = k + 1 if dual else k  # «بين يناير ومارس», «من يناير إلى مارس»: two month names framed without «شهري»
    if not dual and not any(p.norm(x) in p.cues.range_to or p.norm(x).startswith("و") for x in range(m1 + 1, m1 + 4)):
        return None  # (cheap test first: «من» is frequent)
    first = p.month(m1)
    if first is None or p.year_part(first[1]) is not None:
        return None  # «من يناير 2016 إلى …»: a dated first end (``_range_pair``)
    joiners = {"و"} if dual or cue and cue[0] == "بين" else p.cues.range_to
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
    if joiner in p.cues.range_to or (joiner == "و" and cue and cue[0] == "بين"):
        second = p.clock(j + 1, second_end=True)
    elif cue and cue[0] == "بين" and joiner.startswith("و") and len(joiner) > 2:
        second = p.clock(j, second_end=True)
    else:
        return None
    between = joiner == "و" and cue is not None and cue[0] == "بين"  # «الليلة بين 8 و 10»
    if second is None and _after_day_part(p, i) and j + 1 < len(p.t) and p.t[j + 1].kind == "d" \
            and (joiner in p.cues.range_to or between) and 1 <= (p.t[j + 1].number or 0) <= 12 \
            and len(p.t[j + 1].norm) <= 2 \
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




def _after_day_part(p: Parser, i: int) -> bool:
    """A part of the day ends within the three words before ``i`` («الليلة», «صباح الغد», «مساء يوم الجمعة»)."""
    for k in range(i - 1, max(i - 4, -1), -1):
        if p.norm(k) in STOPS:
            return False
        if p.norm(k) in p.parts.part_before:
            return True
    return False


def _clause_goes_on(p: Parser, k: int) -> bool:
    """Nothing counted follows a bare number at ``k`` (not «من 3 إلى 5 أشخاص»): an end, a stop, a preposition."""
    word = p.norm(k)
    return k >= len(p.t) or word in STOPS or word.startswith("و") or word in p.guards.clause_goes_on


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
