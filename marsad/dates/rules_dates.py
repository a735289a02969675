"""Date rules: month names in all systems with dual forms, numeric and Hijri dates, weekdays, relative
days and periods, seasons, decades, years and holidays."""

from __future__ import annotations

import datetime as dt
import re

from marsad.dates import values as V
from marsad.dates.lexicon import MonthName
from marsad.dates.numbers import bare, parse_words
from marsad.dates.rules_base import (
    AM,
    AMBIGUOUS_MONTH_CUES,
    COMMA,
    COUNTING,
    DATE_PREP,
    DAYPARTS,
    EDGE,
    MONTH_CUES,
    MOVEMENT,
    NIGHT,
    PM,
    RANGE_TO,
    STOPS,
    THIS,
    YEAR_WORDS,
    Base,
    Hit,
)

# After a decade, words that make it an age («في الخمسينيات من عمره»), not a period of history.
AGE_WORDS = frozenset({"العمر", "عمره", "عمرها", "عمرهم", "عمري", "عمرا"})
# Adjectives after «اليوم» that make it a day named by what happens on it, not the day of publication.
NOT_TODAY = frozenset({"الاخير", "الوطني", "العالمي", "الدولي", "الختامي", "الافتتاحي", "المفتوح", "الدراسي"})


class DateRules(Base):
    # -- months --------------------------------------------------------------------------------------
    def month(self, i: int) -> tuple[MonthName, int, int, bool] | None:
        """(month, next, start, dual) with a second name of the same month after «/», «-» or in brackets."""
        got = self.phrase(i, self.lex.months)
        if got is None:
            return None
        name, j, start = got
        m = self.lex.months[name]
        if m.ambiguous and start != self.t[i].start and len(name) < 4:
            return None  # «باب» is not «ب + آب»
        if m.system == "english" and self.norm(j) == ".":
            j += 1
        k = j + 1 if self.norm(j) in ("/", "-", "(", "،", ",") else j
        second = self.phrase(k, self.lex.months, first=False) if k < len(self.t) else None
        if second and self.lex.months[second[0]].month == m.month and second[0] != name:
            j = second[1] + (1 if self.norm(second[1]) == ")" else 0)
            return m, j, start, True
        return m, j, start, False

    def year_part(self, j: int) -> tuple[int, int, str] | None:
        """[,] [من] [عام] YEAR after a month; «3-أكتوبر-2015» written with hyphens."""
        k = j + 1 if self.norm(j) in COMMA or self.norm(j) == "-" and self.adjacent(j - 1) and self.adjacent(j) else j
        k = k + 1 if self.norm(k) == "من" else k
        after_of = k
        k = k + 1 if self.norm(k) in YEAR_WORDS else k
        return self.year(k) or (self.relative_year(after_of) if after_of > j else None)

    def relative_year(self, k: int) -> tuple[int, int, str] | None:
        """«(مارس) من العام المقبل», «من هذا العام», «من السنة الماضية»: a year named from the anchor."""
        ref = self.unit_shift(k)
        if ref is None or ref.val.precision != "year" or not ref.val.value.isdigit():
            return None
        return int(ref.val.value), ref.j, "gregorian"

    def month_date(self, i: int) -> Hit | None:
        """«3 أكتوبر/تشرين الأول 2015», «الرابع من مايو», «يناير 1», «سبتمبر/أيلول 2014», «شهر يناير»."""
        return self.day_first(i) or self.month_first(i) or self.ordinal_period(i) or self.week_of(i)

    def ordinal_period(self, i: int) -> Hit | None:
        """«الربع الثالث من عام 2016»: defined with the year rules (``rules_years.YearRules``)."""
        raise NotImplementedError

    def week_of(self, i: int) -> Hit | None:
        """«أسبوع 15 سبتمبر», «الأسبوع في 15 سبتمبر»: the week holding a date."""
        week = self.word(i, {"اسبوع", "الاسبوع"})
        if week is None:
            return None
        k = i + 2 if self.norm(i + 1) == "في" else i + 1
        hit = self.day_first(k)
        if hit is None:
            return None
        v = hit.val
        if v.date is not None:
            year, number, _ = v.date.isocalendar()
            v = V.Value("date", v.timex, f"{year}-W{number:02d}", v.resolution, None, "week")
        return Hit(i, hit.j, week[1], v)

    def week_of_month(self, i: int, start: int) -> Hit | None:
        """«الأسبوع الأول من شهر يوليو» XXXX-07-W01, «الأسبوع الأخير من يوليو» W04: the last Monday–Sunday week
        wholly in the month, which is its fourth whole week (the Recognizers-Text reading: 25–31 July 2016,
        24–30 July 2017), not a partial fifth week running into the next month."""
        if self.norm(i + 1) in ("الاخير", "الاخيره"):
            n, k = 4, i + 2
        else:
            got = parse_words(self.t, i + 1)
            if got is None or not got[2] or not 1 <= got[0] <= 5:
                return None
            n, k = got[0], got[1]
        if self.norm(k) != "من":
            return None
        k += 1 + (self.norm(k + 1) == "شهر")
        mo = self.month(k)
        if mo is None:  # «الأسبوع الأخير من هذا الشهر», «الأسبوع الثالث من الشهر القادم»
            ref = self.unit_shift(k)
            if ref is None or ref.val.precision != "month" or not ref.val.value[:4].isdigit():
                return None
            timex = f"{ref.val.value}-W{n:02d}"
            return Hit(i, ref.j, start, V.Value("date", timex, timex, "relative", None, "week"))
        if mo[0].calendar != "gregorian":
            return None
        year = self.year_part(mo[1])  # «الأسبوع الأول من مارس 2017» 2017-03-W01
        timex = f"{year[0] if year and year[2] == 'gregorian' else 'XXXX'}-{mo[0].month:02d}-W{n:02d}"
        end = year[1] if year and year[2] == "gregorian" else mo[1]
        return Hit(i, end, start, V.Value("date", timex, timex, "explicit", None, "week"))

    def day_first(self, i: int) -> Hit | None:
        d = self.day(i)
        if d is None:
            return None
        day, j, start = d
        j = self.weekday_of_day(j)
        j = j + 1 if self.norm(j) in DATE_PREP or (self.norm(j) == "-" and self.adjacent(j - 1)) else j
        # «3 من شهر أكتوبر»; not a feminine word («الخمسة عشر يوما الأولى من شهر رمضان»: an adjective)
        of_month = self.norm(j) == "شهر" and (self.norm(j - 1) == "من" and not self.norm(i).endswith("ه")
                                             and self.norm(i) not in ("الاولي", "اولي")
                                             or self.word(i, {"غره", "فاتح"}) is not None)  # «غرة شهر رمضان»
        mo = self.month(j + 1 if of_month else j)
        if mo is None:
            return self.day_of_month_ref(i, j, start, day)
        m, j, _, _ = mo
        if m.month in (3, 5) and m.system == "syriac-levant" and self.norm(i - 1) in MOVEMENT:
            return None
        yp = self.year_part(j)
        if yp is None and self.word(i - 1, self.lex.name_heads):
            return None  # «مدينة 6 أكتوبر», «جامعة 6 أكتوبر»: a place named after a date
        y, calendar = (yp[0], yp[2]) if yp else (None, m.calendar)
        j = yp[1] if yp else j
        hit = self.make_date(i, j, start, y, m, day, calendar)
        return self.day_shift(hit, m.month, day) if hit and yp is None and calendar == "gregorian" else hit

    def day_shift(self, hit: Hit, month: int, day: int) -> Hit:
        """«30 سبتمبر الماضي», «15 يناير المقبل»: the word after a date without a year says on which side of
        the anchor it lies (the last such date before it, the first after it, or in its year)."""
        got = self.word(hit.j, self.lex.relative["shift"]) if hit.j < len(self.t) else None
        if got is None:
            return hit
        shift = int(self.lex.relative["shift"][got[0]])
        if self.anchor is None or hit.val.date is None:
            return Hit(hit.i, hit.j + 1, hit.start, hit.val)
        year = self.anchor.year
        date = V.safe_date(year, month, day)
        if date is not None and shift < 0 and date >= self.anchor:
            year -= 1
        elif date is not None and shift > 0 and date <= self.anchor:
            year += 1
        date = V.safe_date(year, month, day)
        return Hit(hit.i, hit.j + 1, hit.start, V.day_value(date, hit.val.timex, "relative")) if date else hit

    def weekday_of_day(self, j: int) -> int:
        """«الحادي والعشرين يوم الجمعة من هذا الشهر»: «يوم» + a weekday between a day and «من/في» + its month
        is skipped (the day and month give the date); ``j`` unchanged otherwise («21 يوم» is 21 days)."""
        if self.norm(j) != "يوم":
            return j
        got = self.phrase(j + 1, self.lex.weekdays)
        return got[1] if got and self.norm(got[1]) in DATE_PREP else j

    def day_of_month_ref(self, i: int, j: int, start: int, day: int) -> Hit | None:
        """«20 من الشهر القادم», «31 من هذا الشهر», «العشرين من الشهر المقبل»."""
        k = j + 1 if self.norm(j) in DATE_PREP else j
        ref = self.unit_shift(k)
        if ref is None or (ref.val.precision != "month" and ref.val.value != "XXXX-XX"):
            return None
        if ref.val.value.startswith("XXXX") or not ref.val.value:
            timex = f"XXXX-XX-{day:02d}"
            return Hit(i, ref.j, start, V.Value("date", timex, timex, "relative-unanchored", None, "day"))
        y, m = int(ref.val.value[:4]), int(ref.val.value[5:7])
        date = V.safe_date(y, m, day)
        return Hit(i, ref.j, start, V.day_value(date, date.isoformat(), "relative")) if date else None

    def bare_day(self, i: int) -> Hit | None:
        """«يوم 27», «إلى 27», «في 15.», «في الثاني!»: a day of the anchor's month, only before a stop."""
        cue = self.word(i, {"يوم", "الي"})
        if (cue is None and self.cue(i - 1) != "في") or (cue is None and self.norm(i - 1) in AM | PM | NIGHT):
            return None
        k = i + 1 if cue else i
        d = self.day(k)
        dated = bool(cue and cue[0] == "يوم")
        if d is None or d[1] == k or (d[1] < len(self.t) and self.norm(d[1]) not in STOPS
                                      and not self.timed_after(d[1], dated) and not (dated and self.time_before(i) and self.month_date(k) is None
                                               and self.numeric(k) is None)) \
                or self.decimal(d[1] - 1):
            return None
        if d[0] <= 12 and self.norm(d[1]) in COMMA and DAYPARTS.keys() & {self.norm(d[1] + 1), self.norm(d[1] + 2)}:
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
        if last in AM | PM | NIGHT or last in ("والنصف", "والربع"):
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
            if self.word(k, COUNTING):
                return True
        return False

    def month_first(self, i: int) -> Hit | None:
        start_i, start = i, None
        edge = self.word(i, EDGE | {"اسبوع", "الاسبوع"})
        if edge:
            start, i = edge[1], i + 1
        prefix = self.word(i, THIS | {"شهر"})
        if prefix:
            start, i = (prefix[1] if start is None else start), i + 1
            if prefix[0] in THIS and self.norm(i) == "شهر":
                i += 1
        mo = self.month(i)
        if mo is None:
            return None
        m, j, mstart, dual = mo
        if edge and edge[0] in ("اسبوع", "الاسبوع"):
            return None
        start = mstart if start is None else start
        d = self.day(j) if self.t[j - 1].kind != "p" or m.system == "english" else None
        if d and self.year(j, words=False) is None:
            day, j = d[0], d[1]
        else:
            day = None
        yp = self.year_part(j)
        if yp and not (yp[0] < 1000 and day is None and not dual):
            y, j, calendar = yp[0], yp[1], yp[2]
        else:
            y, calendar = None, m.calendar
        if day is None and y is None and self.t[start_i - 1].kind == "d" and start_i > 0:
            return None  # «قوى 14 آذار»: a number before a bare month that made no date with it
        if day is None and y is None and self.word(j, {"بين", "من"}):
            ranged = self.month_range(start_i, j, start, m)  # «مارس بين 15 و 19», «نوفمبر من 10 إلى 15»
            if ranged:
                return ranged
        year_ref = self.unit_shift(j) if j < len(self.t) else None
        cued = prefix or edge or dual or self.cue(start_i - 1) in MONTH_CUES or self.word(j, self.lex.relative["shift"]) \
            or (self.future_verb(start_i - 1) and m.system != "english" and not m.ambiguous and not m.proper_name) \
            or self.word(j, {"بين"}) or (year_ref is not None and year_ref.val.value[:4] in ("XXXX", year_ref.val.value))
        if day is None and y is None and not cued:
            return None  # a bare month name («نيسان» the car maker, «رجب» a name) needs a cue
        if day is None and y is None and m.ambiguous and not (prefix or edge or dual) \
                and self.cue(start_i - 1) not in AMBIGUOUS_MONTH_CUES and not self.word(j, self.lex.relative["shift"]):
            return None  # «إلى صفر» is «to zero»; «في صفر», «شهر صفر», «مارس الماضي» are the month
        hit = self.make_date(start_i, j, start, y, m, day, calendar)
        if hit and day is None and y is None:
            hit = self.month_shift(hit, m, prefix is not None and prefix[0] in THIS)
        return hit

    def month_range(self, i: int, j: int, start: int, m: MonthName) -> Hit | None:
        """«نوفمبر بين 15 و 19», «شهر نوفمبر بين الخامس عشر والتاسع عشر», «نوفمبر من 10 إلى 15»."""
        a = self.day(j + 1)
        if a is None:
            return None
        joiners = {"و"} if self.norm(j) == "بين" else RANGE_TO
        if self.norm(a[1]) in joiners:
            k = a[1] + 1
        elif self.norm(j) == "بين" and self.norm(a[1]).startswith("و"):
            k = a[1]
        else:
            return None
        b = self.day(k)
        if b is None or bare(self.norm(b[1])) in self.lex.relative["dur"]:
            return None  # «مارس من 3 إلى 5 ساعات»: practised for hours
        first = self.make_date(i, a[1], start, None, m, a[0], m.calendar)
        second = self.make_date(i, b[1], start, None, m, b[0], m.calendar)
        if first is None or second is None:
            return None
        return Hit(i, b[1], start, V.interval(first.val, second.val))

    def month_shift(self, hit: Hit, m: MonthName, this: bool) -> Hit:
        """«سبتمبر الماضي», «يونيو القادم», «هذا يناير»: the year from the anchor and the direction."""
        got = self.word(hit.j, self.lex.relative["shift"]) if hit.j < len(self.t) else None
        year_ref = self.unit_shift(hit.j) if got is None else None
        if year_ref and (year_ref.val.precision == "year" or year_ref.val.value == "XXXX"):
            hit.j = year_ref.j
            y = year_ref.val.value
            hit.val = V.Value("date", f"{y}-{m.month:02d}", f"{y}-{m.month:02d}", "relative", None, "month") \
                if y.isdigit() and m.calendar == "gregorian" else hit.val
            return hit
        if got is None and not this:
            return hit
        if got:
            hit.j += 1
        if self.anchor is None:
            return hit
        shift = int(self.lex.relative["shift"][got[0]]) if got else 0
        if m.calendar == "hijri":
            hit.val = V.hijri_month(m.month, shift, self.anchor) or hit.val
            return hit
        year = self.anchor.year
        if shift < 0 and m.month >= self.anchor.month:
            year -= 1
        elif shift > 0 and m.month <= self.anchor.month:
            year += 1
        hit.val = V.Value("date", f"{year}-{m.month:02d}", f"{year}-{m.month:02d}", "relative", None, "month")
        return hit

    def make_date(self, i: int, j: int, start: int, y: int | None, m: MonthName, d: int | None, calendar: str) -> Hit | None:
        if calendar == "hijri" or m.calendar == "hijri":
            if m.calendar != "hijri":
                return None
            val = V.hijri(y, m.month, d, self.anchor)
            if val is None and y is not None:
                timex = f"{y}-{m.month:02d}" + (f"-{d:02d}" if d else "")
                val = V.Value("date", timex, "", "hijri-unconverted")
        else:
            val = V.gregorian(y, m.month, d, self.anchor)
        return Hit(i, j, start, val) if val else None

    # -- numeric dates -------------------------------------------------------------------------------
    def numeric(self, i: int) -> Hit | None:
        """22/04/2016, 2016-02-22, 16/04/21, 3/2015, 2015/3; «4/22» alone only after «في/يوم/بتاريخ»."""
        nums, j = [self.t[i]] if i < len(self.t) and self.t[i].kind == "d" and len(self.t[i].norm) <= 4 else [], i + 1
        if not nums:
            return None
        sep = self.norm(j)
        while len(nums) < 3 and self.norm(j) == sep and sep in ("/", "-", ".") and self.adjacent(j - 1) \
                and self.adjacent(j) and self.t[j + 1].kind == "d" and len(self.t[j + 1].norm) <= 4:
            nums.append(self.t[j + 1])
            j += 2
        if len(nums) < 2:
            return None
        if len(nums) == 2 and self.norm(j) in COMMA and j + 1 < len(self.t) and len(self.t[j + 1].norm) == 4 \
                and self.t[j + 1].kind == "d" and int(nums[0].norm) <= 31 and int(nums[1].norm) <= 31:
            nums.append(self.t[j + 1])  # «11/12, 2016», «06/06 ، 2015»
            j += 2
        # «سأعود 04/22», «سوف أعود 4/22»: a verb of the future cues a month/day like «في»
        verb = i > 0 and (self.future_verb(i - 1) or self.norm(i - 2) == "سوف") and self.t[i - 1].kind == "w" \
            and not self.norm(i - 1).endswith(("كون", "صبح", "بلغ"))  # not «سيكون 3/4 المشاركين»
        before = "في" if verb else self.cue(i - 1)
        val = self.numeric_value([n.norm for n in nums], sep, before)
        return Hit(i, j, self.t[i].start, val) if val else None

    def numeric_value(self, parts: list[str], sep: str, before: str) -> V.Value | None:
        a, b = int(parts[0]), int(parts[1])
        if len(parts) == 3:
            c = int(parts[2])
            if len(parts[0]) == 4:
                return V.gregorian(a, b, c, None)
            y = c if len(parts[2]) == 4 else (2000 + c if c < 50 else 1900 + c)
            d, m = (b, a) if b > 12 >= a else (a, b)
            return V.gregorian(y, m, d, None)
        if len(parts[0]) == 4 and 1 <= b <= 12:
            return V.gregorian(a, b, None, None)
        if len(parts[1]) == 4 and 1 <= a <= 12:
            return V.gregorian(b, a, None, None)
        if sep == "." or before not in {"في", "يوم", "بتاريخ", "حتي", "منذ", "الي", "من", "عند", "قبل", "بعد", "كل"}:
            return None
        d, m = (b, a) if b > 12 >= a else (a, b)
        return V.gregorian(None, m, d, self.anchor) if 1 <= m <= 12 else None

    # -- weekdays and relative days ------------------------------------------------------------------
    def weekday(self, i: int) -> Hit | None:
        """«السبت», «يوم الأحد», «الاثنين الماضي», «هذا يوم الجمعة», «الأربعاء 27», «السبت 3 أكتوبر»."""
        start_i, start = i, None
        this = self.word(i, THIS)  # also «وهذا»: the span starts after the «و»
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

    def relative_day(self, i: int) -> Hit | None:
        """«اليوم», «أمس», «بعد غد»; «هذا اليوم» is today with its demonstrative."""
        this = self.norm(i) == "هذا" and self.norm(i + 1) == "اليوم" and self.norm(i - 1) != "مثل"
        got = self.phrase(i + 1 if this else i, self.lex.relative["day"])
        if got and got[0].startswith("يوم ") and self.norm(i).startswith("ليوم"):
            return None  # «ليوم أمس» (for yesterday): the day is read at «أمس», as «ليوم الغد» at «الغد»
        if got is None or self.is_outlet(i, got[0]) or self.other_day(i + 1 if this else i, got):
            return None
        start = self.t[i].start if this else got[2]
        return Hit(i, got[1], start, V.relative_day(int(self.lex.relative["day"][got[0]]), self.anchor))

    def other_day(self, i: int, got: tuple[str, int, int]) -> bool:
        """«في نفس اليوم», «ذلك اليوم», «اليوم ذاته»: a day named before, not the day of publication."""
        if got[0] != "اليوم":
            return False
        if self.norm(i - 1) == "هذا" and self.norm(i - 2) == "مثل":
            return True  # «في مثل هذا اليوم» (of another year)
        nth = parse_words(self.t, got[1])
        hour = self.norm(got[1]).endswith("ه") and self.clock(got[1]) is not None  # type: ignore[attr-defined]
        if nth and nth[2] and not self.phrase(got[1], self.lex.weekdays) and not hour:
            return True  # «اليوم الثاني من عيد الفطر»: the n-th day of something («اليوم الثالثة عصرا»: an hour)
        if self.norm(got[1]) in NOT_TODAY:
            return True  # «في اليوم الأخير من المؤتمر», «اليوم الوطني», «اليوم العالمي للمرأة»
        return self.norm(i - 1) in ("نفس", "ذات", "ذلك") or self.norm(got[1]) in ("نفسه", "ذاته", "ذلك")

    def is_outlet(self, i: int, phrase: str) -> bool:
        """«اليوم» at the end of an outlet name («المغرب اليوم», «روسيا اليوم») is not a date, nor a relative day
        in construct after a media noun («قناة الغد», «لصحيفة اليوم»)."""
        if self.word(i - 1, self.lex.media_heads) and not any(f.startswith("ال") for f, _ in self.forms(i - 1)):
            return True
        if phrase != "اليوم":
            return False
        for n in (1, 2):
            if i - n < 0:
                continue
            tail = " ".join(self.t[k].norm for k in range(i - n + 1, i))
            for form, _ in self.forms(i - n):
                if " ".join(w for w in (form, tail, "اليوم") if w) in self.lex.outlets:
                    return True
        return False

    def unit_shift(self, i: int) -> Hit | None:
        """«الأسبوع الماضي», «هذا الشهر», «العام المقبل», «مطلع العام المقبل», «بقية الأسبوع»."""
        start_i, start = i, None
        holiday = self.word(i, {"عطله"}) if self.norm(i + 1) == "نهايه" else None  # «عطلة نهاية الأسبوع»
        if holiday:
            start, i = holiday[1], i + 1
        edge = self.word(i, EDGE | {"بقيه", "باقي"})
        if edge:
            start, i = (edge[1] if start is None else start), i + 1
        this = self.word(i, THIS)
        if this:
            start, i = (this[1] if start is None else start), i + 1
        units = self.lex.relative["unit"]
        unit = (self.norm(i), self.t[i].start) if this and self.norm(i) in units else self.word(i, units)
        if unit is None:
            return None
        start = unit[1] if start is None else start
        if self.year(i + 1, words=False):
            return None  # «أواخر عام 2015»: a year of its own (``year_alone``)
        shift, j = self.shift_after(i + 1)
        if shift is None and not (this or edge):
            return None
        val = V.unit_shift(units[unit[0]], shift or 0, self.anchor)
        if val and units[unit[0]] == "W" and (holiday or edge and edge[0] == "نهايه") and "W" in val.value:
            val = V.Value("date", f"{val.timex}-WE", f"{val.value}-WE", val.resolution, None, "week")  # the weekend
        return Hit(start_i, j, start, val) if val else None

    def season(self, i: int) -> Hit | None:
        """«هذا الصيف», «الربيع القادم», «صيف 2016» (not «الربيع العربي»)."""
        this = self.word(i, THIS | EDGE)
        k = i + 1 if this else i
        got = self.word(k, self.lex.relative["season"])
        if got is None or self.norm(k + 1) in ("العربي", "عربي"):
            return None
        code, start = self.lex.relative["season"][got[0]], (this[1] if this else got[1])
        yp = self.year(k + 1 + (1 if self.norm(k + 1) in YEAR_WORDS else 0), words=self.norm(k + 1) in YEAR_WORDS)
        if yp:
            return Hit(i, yp[1], start, V.Value("date", f"{yp[0]}-{code}", f"{yp[0]}-{code}", "explicit"))
        year_ref = self.unit_shift(k + 1)  # «خريف العام الماضي», «صيف هذا العام»
        if year_ref and year_ref.i == k + 1 and year_ref.val.precision == "year":
            v = f"{year_ref.val.value}-{code}"
            return Hit(i, year_ref.j, start, V.Value("date", v, v, "relative"))
        shift, j = self.shift_after(k + 1)
        if shift is None and not this and self.cue(i - 1) not in ("في", "خلال", "منذ", "حتي", "طوال") \
                and not (self.future_verb(i - 1) and got[0] != "ربيع"):  # «سنعود الصيف», not «سيلتقي ربيع»
            return None
        if shift is None and not this:  # TIMEX of a season without a year, as Recognizers-Text writes it
            return Hit(i, j, start, V.Value("date", code, f"XXXX-{code}", "explicit"))
        if self.anchor is None:
            return Hit(i, j, start, V.Value("date", f"XXXX-{code}", f"XXXX-{code}", "relative-unanchored"))
        v = f"{self.anchor.year + (shift or 0)}-{code}"
        return Hit(i, j, start, V.Value("date", v, v, "relative"))

    def decade(self, i: int) -> Hit | None:
        """«السبعينيات» -> 197 (the 1970s), «تسعينيات القرن الماضي», «عقد الستينيات»; not an age («في
        الثلاثينيات من العمر»)."""
        edge = self.word(i, EDGE - {"اخر"})  # «منتصف الثمانينيات», as with months and years
        head = self.word(i + 1 if edge else i, {"عقد", "العقد"})
        k = i + bool(edge) + bool(head)
        got = self.word(k, self.lex.relative["decade"])
        if got is None:
            return None
        j = k + 1
        if self.word(j, AGE_WORDS) or self.norm(j) == "من" and self.word(j + 1, AGE_WORDS):
            return None
        if edge or head:
            got = (got[0], (edge or head or got)[1])
        d = self.lex.relative["decade"][got[0]]
        if self.norm(j) == "القرن" and self.norm(j + 1) in ("الماضي", "العشرين"):
            first = 1900 + int(d) * 10  # «تسعينيات القرن الماضي»: the century is said
            timex = f"({first}-01-01,{first + 10}-01-01,P10Y)"
            return Hit(i, j + 2, got[1], V.Value("date", timex, str(first // 10), "explicit", None, "decade"))
        if self.norm(j) == "القرن" and (n := parse_words(self.t, j + 1)) and n[2] and 10 <= n[0] <= 21:
            century = (n[0] - 1) * 100 + int(d) * 10  # «السبعينيات القرن التاسع عشر» 1870s
            timex = f"({century}-01-01,{century + 10}-01-01,P10Y)"
            return Hit(i, n[1], got[1], V.Value("date", timex, str(century // 10), "explicit", None, "decade"))
        timex = f"(XX{d}0-01-01,XX{int(d) + 1}0-01-01,P10Y)" if d != "9" else "(XX90-01-01,XX00-01-01,P10Y)"
        return Hit(i, j, got[1], V.Value("date", timex, f"19{d}", "explicit", None, "decade"))

    def century(self, i: int) -> Hit | None:
        """«القرن التاسع عشر» -> 18 (the 1800s), «القرن العشرين», «القرن الحادي والعشرين», «القرن 19», «القرن
        الماضي» (from the anchor); not «صفقة القرن» (no number)."""
        edge = self.word(i, EDGE - {"اخر"})  # «مطلع القرن الحادي والعشرين», as with months and years
        head = self.word(i + 1 if edge else i, {"القرن", "قرن"})
        if head is None:
            return None
        n: int | None = None
        j = i + 2 if edge else i + 1
        if j < len(self.t) and self.t[j].kind == "d" and len(self.t[j].norm) <= 2:
            n, j = self.t[j].number, j + 1
        elif (got := parse_words(self.t, j)) is not None:
            n, j = got[0], got[1]
        else:
            shift, j = self.shift_after(j)
            if shift is None or self.anchor is None:
                return None
            n = (self.anchor.year - 1) // 100 + 1 + shift
        if n is None or not 1 <= n <= 21:
            return None
        first = (n - 1) * 100
        timex = f"({first:04d}-01-01,{first + 100:04d}-01-01,P100Y)"
        return Hit(i, j, (edge or head)[1], V.Value("date", timex, f"{n - 1:02d}", "explicit", None, "century"))
