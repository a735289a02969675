"""Parts of the day as periods: «في وقت متأخر من مساء الثلاثاء», «في الصباح الباكر», «في أواخر الصباح»,
«في صباح هذا الثلاثاء», «نهاية الغد», «بقية اليوم»; and the reference words «الآن», «حاليا»."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from marsad.dates import values as V
from marsad.dates.lexicon import clock_words, lexicon
from marsad.dates.rules_base import Hit
from marsad.dates.rules_spans import SpanRules


@lru_cache(maxsize=1)
def ref_firsts() -> frozenset[str]:
    """The first words of the reference phrases («الآن», «في هذه اللحظة»): ``now`` tries only after them."""
    return frozenset(phrase.split()[0] for phrase in lexicon().relative["ref"])


def span_value(a: dt.datetime, b: dt.datetime) -> V.Value:
    """A range between two moments, TIMEX as Recognizers-Text writes it (``(start,end,PT28079S)``)."""
    x, y = a.isoformat(timespec="seconds"), b.isoformat(timespec="seconds")
    seconds = int((b - a).total_seconds())
    period = f"PT{seconds // 3600}H" if seconds % 3600 == 0 else f"PT{seconds}S"
    return V.Value("range", f"({x},{y},{period})", f"{x}/{y}", "relative-moment", a.date(), "time")




class PeriodRules(SpanRules):
    def meal_time(self, i: int) -> Hit | None:
        """«وقت الغداء» TMEL, «موعد العشاء» TMED, «وقت الفطور» TMEB: a meal after «وقت/موعد» said alone (with a
        clock time before or after it, «الساعة 1 وقت الغداء», the clock reads it: ``attach``)."""
        if self.norm(i) not in ("وقت", "موعد"):
            return None  # (cheap test first: «وقت» is frequent)
        code = clock_words()["meal"].get(self.norm(i + 1))
        if code is None or self.time_before(i) or self.clock(i + 2) is not None or self.norm(i + 2) == "الساعه" \
                or self.norm(i + 2) == "في" and self.clock(i + 3) is not None:
            return None
        if i > 0 and (self.t[i - 1].kind == "d" or self.clock(i - 1) is not None):
            return None  # «سأعود 12 وقت الغداء», «الثانية وقت الغداء»: an hour at lunchtime (``attach``)
        return Hit(i, i + 2, self.t[i].start, V.Value("time", code, code, "explicit"))

    def day_part_period(self, i: int) -> Hit | None:
        """[في|عند] [وقت مبكر/متأخر من | أواخر | أول] PART [الباكر] [يوم] [DAY]: a cue or a modifier is needed."""
        cue = self.word(i, {"في", "عند"})
        k = i + 1 if cue else i
        marked = False
        if self.norm(k) == "وقت" and self.norm(k + 1) in self.parts.early_late:
            k, marked = k + 2 + (self.norm(k + 2) == "من"), True
        elif self.norm(k) in self.parts.part_edges:
            k, marked = k + 1, True
        code, k = self._part_word(k)
        if code is None or not (cue or marked or self.norm(i - 1) == "خلال"):  # «خلال الليل»: «خلال» stays out
            return None
        if self.norm(k) == "الباكر":
            k, marked = k + 1, True
        if not marked and (k >= len(self.t) and cue or self.norm(k) in ("الساعه",) or self.t[k:k + 1]
                           and self.t[k].kind == "d"):
            return None  # «في الصباح 7»: a time of day follows; the clock rule reads it
        start = cue[1] if cue else self.t[i].start
        day = self._day_after(k)
        if day is None:
            if not marked and self.norm(k - 1) == "الظهيره":
                return None  # «عند الظهيرة» is noon (T12, as the specs' «الظهيرة»), read by named_time
            if not marked and code == "NI" and self.norm(k - 1) == "الليله":
                return None  # «في الليلة»: tonight, read by part_of_day
            if not self.t[k - 1].norm.startswith("ال"):
                return None  # «في ليلة …», «في مساء …» of a day or an event not read here
            return Hit(i, k, start, V.Value("time", f"T{code}", f"T{code}", "explicit"))
        v = day.val
        return Hit(i, day.j, start, V.Value("date", f"{v.timex}T{code}", v.value, v.resolution, v.date, "day"))

    def _part_word(self, k: int) -> tuple[str | None, int]:
        if self.norm(k) == "بعد" and self.norm(k + 1) in ("الظهر", "ظهر", "الظهيره"):
            return "AF", k + 2
        code = self.parts.part_words.get(self.norm(k))
        return (code, k + 1) if code else (None, k)

    def _day_after(self, k: int) -> Hit | None:
        """The day a part of the day belongs to: «الثلاثاء», «يوم الثلاثاء», «هذا الثلاثاء», «الغد»."""
        if self.norm(k) in self.cues.this:
            wd = self.weekday(k + 1)
            if wd is None or not wd.val.timex.startswith("XXXX-WXX-") or self.anchor is None:
                return None
            iso = int(wd.val.timex[-1])
            day = self.anchor + dt.timedelta(days=iso - self.anchor.isoweekday())
            return Hit(k, wd.j, self.t[k].start, V.day_value(day, day.isoformat(), "relative"))
        hit = self.weekday(k) or self.relative_day(k) or self.month_date(k)
        if hit is None or hit.val.precision != "day" or "T" in hit.val.timex[10:]:
            return None
        return hit

    def early_late(self, i: int) -> Hit | None:
        """«في وقت لاحق هذا الشهر», «وقت مبكر من هذا الشهر», «في وقت لاحق من اليوم», «في وقت سابق اليوم»: an
        early or late part of a period or a day."""
        cue = self.word(i, {"في"})
        k = i + 1 if cue else i
        if self.norm(k) == "وقت" and self.norm(k + 1) in self.parts.early_late | {"لاحق", "سابق"}:
            k += 2 + (self.norm(k + 2) == "من")
        else:
            return None
        period = self.unit_shift(k) or self.relative_day(k)
        if period is None or period.i != k:
            return None
        named = self.weekday(period.j) if period.val.precision == "day" else None
        j = named.j if named and re.fullmatch(r"XXXX-WXX-\d", named.val.timex) else period.j  # «… اليوم الخميس»
        return Hit(i, j, cue[1] if cue else self.t[i].start, period.val)

    def nth_weekday(self, i: int) -> Hit | None:
        """«أول يوم جمعة من يوليو», «الجمعة الأولى من يوليو», «آخر يوم اثنين في هذا الشهر»: XXXX-07-WXX-5-1."""
        rank = self._rank(self.norm(i))
        if rank is not None and self.norm(i + 1) == "يوم":
            got = self.phrase(i + 2, self.lex.weekdays)
            day = (self.lex.weekdays[got[0]][0], got[1]) if got else None
        elif rank is not None:  # «أول أحد من الشهر», «آخر جمعة من الشهر»: the weekday's bare form after the rank
            got = self.phrase(i + 1, self.lex.weekdays)
            day = (self.lex.weekdays[got[0]][0], got[1]) if got and self.lex.weekdays[got[0]][1] else None
        else:
            got = self.phrase(i, self.lex.weekdays)
            if got is None or self.lex.weekdays[got[0]][1]:
                return None
            rank = self._rank(self.norm(got[1]), feminine=True) or self.units.masculine_ranks.get(self.norm(got[1]))
            day = (self.lex.weekdays[got[0]][0], got[1] + 1) if rank is not None else None
        if day is None or rank is None or self.norm(day[1]) not in ("من", "في"):
            return self.weekday_rank(i)
        month = self.month_first(day[1] + 1) or self.unit_shift(day[1] + 1) or self.this_month(day[1] + 1)
        if month is None or month.i != day[1] + 1 or month.val.precision != "month":
            return self.weekday_rank(i)
        timex = f"{month.val.timex[:7]}-WXX-{day[0]}-{rank}"
        value = self._nth_value(month.val.value[:7], day[0], rank) or timex
        return Hit(i, month.j, self.forms(i)[-1][1], V.Value("date", timex, value, "explicit", None, "day"))

    def weekday_rank(self, i: int) -> Hit | None:
        """«السبت الثاني من كل شهر», «الأحد الأول من أكتوبر»: an ordinal after a weekday that does not name a day
        of the month falling on that weekday is the n-th such weekday of the month (needs a known year)."""
        got = self.phrase(i, self.lex.weekdays)
        if got is None or self.lex.weekdays[got[0]][1] or self.anchor is None:
            return None
        iso, word = self.lex.weekdays[got[0]][0], self.norm(got[1])
        rank = self._rank(word, feminine=True) or self.units.masculine_ranks.get(word)
        after = self.weekday_date(got[1], iso) if rank is not None else None
        if rank is None or after is None or after.val.date is None or after.val.date.isoweekday() == iso:
            return None
        month = after.val.date
        value = self._nth_value(f"{month.year}-{month.month:02d}", iso, rank)
        if value is None:
            return None
        timex = f"{after.val.timex[:7]}-WXX-{iso}-{rank}" if after.val.timex[5:7].isdigit() else value
        return Hit(i, after.j, got[2], V.Value("date", timex, value, after.val.resolution,
                                               dt.date.fromisoformat(value), "day"))

    def this_month(self, k: int) -> Hit | None:
        """«الشهر» alone after «من/في» in «آخر جمعة من الشهر», «أول يوم من الشهر»: the anchor's month."""
        if self.norm(k) != "الشهر" or self.norm(k + 1) in ("نفسه", "ذاته") or self.shift_after(k + 1)[0] is not None:
            return None
        val = V.unit_shift("M", 0, self.anchor)
        return Hit(k, k + 1, self.t[k].start, val) if val else None

    def edge_day(self, i: int) -> Hit | None:
        """«أول/آخر يوم من الشهر», «اليوم الأخير من العام», «آخر يوم في الشهر المقبل»: the first or last day of a
        month or a year."""
        word = self.t[i].norm
        if word not in ("اخر", "اول", "اليوم"):
            return None
        last = word == "اخر" or word == "اليوم" and self.norm(i + 1) in ("الاخير", "الاول")
        first = word == "اول" or word == "اليوم" and self.norm(i + 1) == "الاول"
        last = last and not first
        k = i + 2
        if not (first or last) or self.norm(i + 1) not in ("يوم", "الاخير", "الاول") or self.norm(k) not in ("من", "في"):
            return None
        period = self.unit_shift(k + 1) or self.this_month(k + 1) or self.this_year(k + 1) or self.month_first(k + 1) \
            or self.year_alone(k + 1)
        if period is None or period.i != k + 1 or not re.fullmatch(r"\d{4}(-\d\d)?", period.val.value):
            return None
        y = int(period.val.value[:4])
        if len(period.val.value) == 4:
            day = dt.date(y, 1, 1) if first else dt.date(y, 12, 31)
        else:
            m = int(period.val.value[5:7])
            day = dt.date(y, m, 1) if first else V.add_months(dt.date(y, m, 1), 1) - dt.timedelta(days=1)
        return Hit(i, period.j, self.t[i].start, V.day_value(day, day.isoformat(), "relative"))

    def _rank(self, word: str, feminine: bool = False) -> int | None:
        """1–5 for «أول/ثاني/…» (or «الأولى/الثانية/…» after a weekday); 5 for «آخر/الأخيرة» (the last)."""
        return (self.units.feminine_ranks if feminine else self.units.ranks).get(word)

    def _nth_value(self, head: str, iso: int, rank: int) -> str | None:
        if not head[:4].isdigit():
            return None
        y, m = int(head[:4]), int(head[5:7])
        first = dt.date(y, m, 1)
        day = first + dt.timedelta(days=(iso - first.isoweekday()) % 7 + 7 * (rank - 1))
        if day.month != m:
            day -= dt.timedelta(days=7)  # «آخر يوم جمعة»: the fifth when it exists, else the fourth
        return day.isoformat()

    def day_end(self, i: int) -> Hit | None:
        """«نهاية الغد», «نهاية يوم الأحد»: the last minute of a day (T23:59)."""
        edge = self.word(i, {"نهايه"})
        if edge is None:
            return None
        day = self.relative_day(i + 1) or self.weekday(i + 1)
        if day is None or day.val.precision != "day" or "T" in day.val.timex[10:]:  # «نهاية اليوم» too
            return None
        v = day.val
        return Hit(i, day.j, edge[1], V.Value("date", f"{v.timex}T23:59", f"{v.value}T23:59", v.resolution, v.date,
                                              "time"))

    def rest_of(self, i: int) -> Hit | None:
        """«بقية اليوم», «بقية هذا اليوم», «بقية يومي», «بقية اليوم الحالي», «بقية أسبوعي»: from now to the end."""
        rest = self.word(i, {"بقيه", "باقي"})
        if rest is None:
            return None
        k = i + 1 + (self.norm(i + 1) in self.cues.this)
        unit = {"اليوم": "D", "يوم": "D", "يومي": "D", "اسبوعي": "W", "شهري": "M", "عامي": "Y"}.get(self.norm(k))
        if unit is None:
            return None
        j = k + 1 + (self.norm(k + 1) in ("الحالي", "الحاليه", "الجاري"))
        if unit == "D" and self.moment is not None:  # from the reference moment to the end of its day
            end = dt.datetime.combine(self.moment.date(), dt.time(23, 59, 59))
            return Hit(i, j, rest[1], span_value(self.moment, end))
        if unit == "D" and self.anchor is not None:
            day = self.anchor.isoformat()
            return Hit(i, j, rest[1], V.Value("date", day, day, "relative", self.anchor, "day"))
        val = V.unit_shift(unit, 0, self.anchor) if unit != "D" else V.relative_day(0, None)
        return Hit(i, j, rest[1], val) if val else None

    def next_hour(self, i: int) -> Hit | None:
        """«في الساعة القادمة/التالية», «الساعة الماضية»: the hour after or before the reference moment (a
        stretch of PT1H when no moment is known)."""
        cue = self.word(i, {"في", "خلال"})
        k = i + 1 if cue else i
        shift = self.lex.relative["shift"].get(self.norm(k + 1))
        if self.norm(k) != "الساعه" or shift not in ("1", "-1"):
            return None
        if self.moment is None:  # the hour is said, its moments unknown
            return Hit(i, k + 2, cue[1] if cue else self.t[i].start, V.Value("duration", "PT1H", "PT1H", "stretch"))
        other = self.moment + dt.timedelta(hours=int(shift))
        a, b = sorted((self.moment, other))
        return Hit(i, k + 2, cue[1] if cue else self.t[i].start, span_value(a, b))

    def now(self, i: int) -> Hit | None:
        """«الآن», «في هذه اللحظة» PRESENT_REF, «في أقرب وقت ممكن» FUTURE_REF (``ref`` in relative_dates.tsv)."""
        if self.norm(i) == "الان" and (self.norm(i - 1) == "من" or self.t[i].text.startswith("آ")):
            return None  # «من الآن» closes «بعد 3 أيام من الآن»; «آلان» is the name Alain
        refs = self.lex.relative["ref"]
        firsts = [(form, start) for form, start in self.forms(i) if form in ref_firsts()]
        for n in (4, 3, 2, 1) if firsts else ():
            for form, start in firsts:
                key = " ".join([form, *(self.norm(k) for k in range(i + 1, i + n))])
                if key in refs and i + n <= len(self.t):
                    return Hit(i, i + n, start, V.Value("date", refs[key], refs[key], "reference"))
        return None
