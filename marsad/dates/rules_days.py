"""Days named without their month: weekdays («السبت», «الاثنين الماضي», «الأربعاء 27», «السبت 3 أكتوبر»)
and bare days of the anchor's month («يوم 27», «في 15.», «للثاني والعشرين»)."""

from __future__ import annotations

import datetime as dt
import re

from marsad.dates import values as V
from marsad.dates.numbers import parse_words
from marsad.dates.rules_base import COMMA, STOPS, Hit
from marsad.dates.rules_dates import DateRules


class DayRules(DateRules):
    # -- weekdays --------------------------------------------------------------------------------------
    def weekday(self, i: int) -> Hit | None:
        """«السبت», «يوم الأحد», «الاثنين الماضي», «هذا يوم الجمعة», «الأربعاء 27», «السبت 3 أكتوبر»."""
        start_i, start = i, None
        this = self.word(i, self.cues.this)  # also «وهذا»: the span starts after the «و»
        if this and (self.norm(i + 1) == "يوم" or self.phrase(i + 1, self.lex.weekdays)):
            start, i = this[1], i + 1  # «هذا يوم الجمعة», «هذه الجمعة»: in the anchor's week
        yawm = self.word(i, {"يوم"})
        k = i + 1 if yawm else i
        got = self.phrase(k, self.lex.weekdays)
        if got is None or (self.lex.weekdays[got[0]][1] and not yawm):
            return None
        iso = self.lex.weekdays[got[0]][0]
        if not yawm and self.not_a_weekday(k, iso, got[1]):
            return None
        start = got[2] if start is None else start
        j = got[1]
        after = self.weekday_date(j, iso)
        if after:
            return Hit(start_i, after.j, start, self.agreeing_year(after.val, iso))
        shift, j = self.shift_after(j)
        val = V.weekday(iso, shift, self.anchor, future=self.future_before(start_i))
        if start_i < i and self.anchor is not None and shift is None:  # «هذا يوم الجمعة»: in this week
            day = self.anchor + dt.timedelta(days=iso - self.anchor.isoweekday())
            val = V.day_value(day, day.isoformat(), "relative")
        part, k = self.daypart(j)
        if part and not (k < len(self.t) and self.t[k].kind == "d") and self.norm(k) != "الساعه":
            code = {"am": "MO", "pm": "AF" if self.norm(j) in ("بعد", "ظهرا", "الظهر") else "EV", "night": "NI"}[part]
            base = val.value if shift is not None and val.date is not None else val.timex
            val = V.Value("date", f"{base}T{code}", val.value, val.resolution, val.date, "day")
            j = k
        return Hit(start_i, j, start, val)

    def agreeing_year(self, v: V.Value, iso: int) -> V.Value:
        """«الخميس 28 كانون الأول» printed without a year in a text of 2015 (a Monday then): the weekday names
        the year, the nearest around the anchor where that day is a Thursday (2017 here); unchanged when the
        year is printed, the day already agrees, or no year near the anchor fits."""
        m = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", v.timex)
        if m is None or v.date is None or v.date.isoweekday() == iso or self.anchor is None:
            return v
        day = V.year_with_weekday(int(m.group(1)), int(m.group(2)), iso, self.anchor)
        return V.day_value(day, v.timex, "weekday-agreement") if day else v

    def not_a_weekday(self, k: int, iso: int, j: int) -> bool:
        """«بين الاثنين» (between the two), «صلاة الجمعة» (the Friday prayer) are not days."""
        before = self.norm(k - 1)
        if iso == 1 and before in ("بين", "كلا", "هذين", "هاتين") and not self.norm(j).startswith("و"):
            return True
        return iso == 5 and before in ("صلاه", "خطبه", "خطيب", "صلوات", "مصلي", "جامع", "مسجد")

    def weekday_date(self, j: int, iso: int | None = None) -> Hit | None:
        """The date printed after a weekday: «السبت 3 أكتوبر», «الأربعاء، 22 يناير», «الجمعة في 22». A day
        without a month is in the anchor's month (or the one before, not to fall after the anchor), or else
        in the month around it where that day is the weekday ``iso``."""
        k = j + 1 if self.norm(j) in COMMA else j
        hit = self.month_date(k) or self.numeric(k)
        if hit:
            return hit
        k = k + 1 if self.norm(k) == "في" else k
        d = self.day(k)
        if d is None or self.norm(d[1]) in ("-", ":", "/") or self.daypart(d[1])[0] or self.norm(d[1]) == "الساعه":
            return None
        if self.phrase(k, self.lex.weekdays):
            return None  # «ليل الأحد الاثنين»: two weekdays, «الاثنين» is no number here
        if self.t[k].kind == "w" and self.forms(k)[-1][0].endswith("ه") and d[0] <= 12 \
                and ((parse_words(self.t, k) or (0, 0, False))[2] or self.norm(k) == "الواحده"):
            return None  # «الجمعة السابعة والنصف», «صباح الأحد في السادسة»: a feminine ordinal up to 12 is an hour
            # («الجمعة في الحادية والعشرين» stays the 21st, as the specs have it)
        if self.anchor is None:
            timex = f"XXXX-XX-{d[0]:02d}"
            return Hit(k, d[1], self.t[k].start, V.Value("date", timex, timex, "explicit", None, "day"))
        day = V.safe_date(self.anchor.year, self.anchor.month, d[0])
        if day is None:
            return None
        if day > self.anchor:
            back = V.add_months(self.anchor, -1)
            day = V.safe_date(back.year, back.month, d[0]) or day
        if iso is not None and day.isoweekday() != iso:
            months = (V.add_months(self.anchor, n) for n in (0, -1, 1))
            fits = [x for x in (V.safe_date(m.year, m.month, d[0]) for m in months) if x and x.isoweekday() == iso]
            day = fits[0] if fits else day
        return Hit(k, d[1], self.t[k].start, V.day_value(day, f"XXXX-XX-{d[0]:02d}", "anchor-month"))

    # -- bare days of the anchor's month ----------------------------------------------------------------
    def bare_day(self, i: int) -> Hit | None:
        """«يوم 27», «إلى 27», «في 15.», «في الثاني!»: a day of the anchor's month, only before a stop."""
        cue = self.word(i, {"يوم", "الي"})
        if (cue is None and self.cue(i - 1) != "في") or (cue is None and self.norm(i - 1) in self.parts.of_hour):
            return None
        k = i + 1 if cue else i
        d = self.day(k)
        dated = bool(cue and cue[0] == "يوم")
        if d is None or d[1] == k or (d[1] < len(self.t) and self.norm(d[1]) not in STOPS
                                      and not self.timed_after(d[1], dated) and not (dated and self.time_before(i) and self.month_date(k) is None
                                               and self.numeric(k) is None)) \
                or self.decimal(d[1] - 1):
            return None
        if d[0] <= 12 and self.norm(d[1]) in COMMA \
                and self.parts.dayparts.keys() & {self.norm(d[1] + 1), self.norm(d[1] + 2)}:
            return None  # «في 10 ، الليلة», «في 10، هذا المساء»: an hour of that part of the day
        if cue and cue[0] == "الي" and (self.counting_before(i) or self.time_before(i)):
            return None  # «ارتفع عدد الوفيات إلى 13»: a count reaching 13; «موعد العاشرة صباحًا إلى 25»
        if self.t[k].kind == "w" and (not (parse_words(self.t, k, self.forms(k)[-1][0]) or (0, 0, False))[2]
                                      or self.forms(k)[-1][0].endswith("ه")):
            return None  # a masculine ordinal («في الثاني») is a day; «في الثانية» is an hour
        start = cue[1] if cue else d[2]
        if self.anchor is None:
            timex = f"XXXX-XX-{d[0]:02d}"
            return Hit(i, d[1], start, V.Value("date", timex, timex, "explicit", None, "day"))
        date = V.safe_date(self.anchor.year, self.anchor.month, d[0])
        if date is None:
            return None
        return Hit(i, d[1], start, V.day_value(date, f"XXXX-XX-{d[0]:02d}", "anchor-month"))

    def for_the_day(self, i: int) -> Hit | None:
        """«عدت للثاني والعشرين», «عادوا للحادية والثلاثين»: «لـ» + a compound ordinal day of the month, alone
        before a stop; a one-word ordinal («فازت للثانية», «تراجع للخامس») is a rank or a time, no day."""
        if not self.norm(i).startswith("لل"):
            return None
        got = next((g for form, _ in self.forms(i)[1:] if (g := parse_words(self.t, i, form)) and g[2]), None)
        if got is None or not 1 <= got[0] <= 31 or got[1] < len(self.t) and self.norm(got[1]) not in STOPS:
            return None
        if got[1] == i + 1:
            return None
        if self.anchor is None:
            timex = f"XXXX-XX-{got[0]:02d}"
            return Hit(i, got[1], self.t[i].start, V.Value("date", timex, timex, "explicit", None, "day"))
        date = V.safe_date(self.anchor.year, self.anchor.month, got[0])
        return Hit(i, got[1], self.t[i].start, V.day_value(date, f"XXXX-XX-{got[0]:02d}", "anchor-month")) if date else None

    def timed_after(self, j: int, loose: bool = False) -> bool:
        """«في الخامس في 4 صباحا»: a clock time after a bare day (the time rules know clocks: ``TimeRules``)."""
        return False

    def time_before(self, i: int) -> bool:
        """A clock time ends right before token ``i``: «… 8 مساء يوم 3», «الساعة 8 يوم 3», «في السابعة يوم 3»."""
        last = self.norm(i - 1)
        if last in self.parts.of_hour or last in ("والنصف", "والربع"):
            return True
        if i >= 2 and self.t[i - 1].kind == "d":
            return self.norm(i - 2) in ("الساعه", ":")
        got = parse_words(self.t, i - 1) if i >= 1 and last.endswith("ه") else None
        return bool(got and got[2] and got[0] <= 12 and self.norm(i - 2) in ("في", "عند", "الساعه"))

    def counting_before(self, i: int, reach: int = 15) -> bool:
        """A word of rising, falling or counting in the clause before token ``i`` («ارتفع», «حصيلة», «عدد»)."""
        for k in range(i - 1, max(i - reach, 0) - 1, -1):
            if self.norm(k) in STOPS:
                return False
            if self.word(k, self.guards.counting):
                return True
        return False
