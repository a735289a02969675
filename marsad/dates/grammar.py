"""The date grammar: at each token, try every pattern and keep the longest match.

Patterns (normalised forms): day-month-year in all month systems with dual «X/Y» month names, numeric
dates, Hijri dates, weekdays, relative days, «الأسبوع/الشهر/العام الماضي», durations and «منذ/قبل/بعد N
وحدة», years with context, times of day, ranges («من 3 إلى 5 أكتوبر», «بين … و …») and sets («كل يوم»).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container
from dataclasses import dataclass

from marsad.dates import values as V
from marsad.dates.lexicon import MonthName, lexicon
from marsad.dates.numbers import bare, parse_words
from marsad.dates.scan import Tok

MONTH_CUES = frozenset({"في", "شهر", "منذ", "خلال", "حتي", "الي", "من", "بين", "مطلع", "منتصف", "اواخر", "اوائل",
                        "نهايه", "بدايه", "اواسط", "مع"})
YEAR_CUES = frozenset({"في", "منذ", "حتي", "الي", "من", "خلال", "بين", "قبل", "بعد", "مطلع", "اواخر", "اوائل", "منتصف",
                       "نهايه", "بدايه", "عام", "العام", "سنه", "السنه", "لعام"})
YEAR_WORDS = frozenset({"عام", "العام", "سنه", "السنه"})
HIJRI_MARKS = frozenset({"ه", "هجري", "هجريه", "للهجره", "هجريا"})
AD_MARKS = frozenset({"م", "ميلادي", "ميلاديه", "للميلاد"})
THIS = frozenset({"هذا", "هذه"})
DATE_PREP = frozenset({"من", "في"})
COMMA = frozenset({",", "،"})
PLURAL_UNITS = frozenset({"الايام", "الاسابيع", "الاشهر", "الشهور", "السنوات", "الاعوام", "الساعات", "الدقائق"})
STOPS = frozenset({".", "!", "،", ",", "؟", "?", ")", "»", "؛", ";", '"', "”"})
RANGE_TO = frozenset({"الي", "حتي", "-", "لغايه"})
AGO = {"منذ": -1, "قبل": -1, "بعد": 1}
DURATION_CUES = frozenset({"لمده", "مده", "خلال", "طيله", "طوال"})
EDGE = frozenset({"مطلع", "بدايه", "نهايه", "اواخر", "اوائل", "منتصف", "اواسط", "اخر", "مستهل"})
PM = frozenset({"مساء", "مساءا", "المساء", "عصرا", "العصر", "ظهرا", "الظهر"})
NIGHT = frozenset({"ليلا", "الليل", "الليله"})
AM = frozenset({"صباحا", "صباح", "الصباح", "فجرا", "الفجر"})
# Parts of the day before a day («مساء أمس», «فجر الأحد») with their TIMEX codes.
DAYPARTS = {"صباح": "MO", "الصباح": "MO", "صبيحه": "MO", "فجر": "MO", "ظهر": "AF", "بعد ظهر": "AF", "عصر": "AF",
            "مساء": "EV", "المساء": "EV", "ليله": "NI", "ليل": "NI", "الليله": "NI", "الليل": "NI"}
# Words after «N آذار» / «N أيار» that make it the name of a movement, not a date («قوى 14 آذار»).
MOVEMENT = frozenset({"قوي", "تحالف", "حركه", "تيار", "فريق", "ثوره", "انتفاضه"})


@dataclass(slots=True)
class Hit:
    i: int  # first token
    j: int  # one past the last token
    start: int  # character offset (may be after a clitic of the first token)
    val: V.Value


class Parser:
    def __init__(self, toks: list[Tok], anchor: dt.date | None) -> None:
        self.t = toks
        self.anchor = anchor
        self.lex = lexicon()

    # -- small readers -------------------------------------------------------------------------------
    def norm(self, i: int) -> str:
        return self.t[i].norm if 0 <= i < len(self.t) else ""

    def forms(self, i: int) -> list[tuple[str, int]]:
        return self.t[i].variants if 0 <= i < len(self.t) else []

    def decimal(self, i: int) -> bool:
        """Token ``i`` is the integer part of a decimal number («4.22», «3,5»)."""
        return self.norm(i + 1) in (".", ",", "٫") and self.adjacent(i) and self.adjacent(i + 1) \
            and self.t[i + 2].kind == "d"

    def adjacent(self, i: int) -> bool:
        """Token ``i`` and ``i + 1`` touch (no space between them)."""
        return i + 1 < len(self.t) and self.t[i].end == self.t[i + 1].start

    def phrase(self, i: int, table: Container[str], first: bool = True) -> tuple[str, int, int] | None:
        """Longest lexicon phrase starting at ``i``: (phrase, next index, start offset)."""
        for n in range(min(self.lex.max_phrase, len(self.t) - i), 0, -1):
            rest = " ".join(self.t[k].norm for k in range(i + 1, i + n))
            for form, start in (self.forms(i) if first else self.forms(i)[:1]):
                key = f"{form} {rest}" if rest else form
                if key in table:
                    return key, i + n, start
        return None

    def word(self, i: int, words: Container[str]) -> tuple[str, int] | None:
        for form, start in self.forms(i):
            if form in words:
                return form, start
        return None

    # -- numbers ---------------------------------------------------------------------------------------
    def day(self, i: int) -> tuple[int, int, int] | None:
        """(day, next, start) for 1–31 in digits or words."""
        if i < len(self.t) and self.t[i].kind == "d":
            n = self.t[i].number or 0
            return (n, i + 1, self.t[i].start) if 1 <= n <= 31 and len(self.t[i].norm) <= 2 else None
        for form, start in self.forms(i):
            got = parse_words(self.t, i, form)
            if got and 1 <= got[0] <= 31:
                return got[0], got[1], start
        return None

    def quantity(self, i: int) -> tuple[float, int, int] | None:
        """A count in digits (also decimal «3.5») or words."""
        if i < len(self.t) and self.t[i].kind == "d":
            n: float = self.t[i].number or 0
            j = i + 1
            if self.norm(j) == "." and self.adjacent(i) and self.adjacent(j) and self.t[j + 1].kind == "d":
                n, j = float(f"{self.t[i].norm}.{self.t[j + 1].norm}"), j + 2
            return n, j, self.t[i].start
        for form, start in self.forms(i):
            got = parse_words(self.t, i, form)
            if got and not got[2]:
                return got[0], got[1], start
        return None

    def year(self, i: int, words: bool = True) -> tuple[int, int, str] | None:
        """(year, next, calendar) for a 4-digit (or number-word) year, with «م» / «هـ» marks."""
        y: int | None = None
        j = i
        if i < len(self.t) and self.t[i].kind == "d" and len(self.t[i].norm) in (3, 4):
            y, j = self.t[i].number, i + 1
        elif words:
            got = parse_words(self.t, i)
            if got and (1000 if self.norm(i - 1) not in YEAR_WORDS else 100) <= got[0] <= 2999:
                y, j = got[0], got[1]
        if y is None:
            return None
        calendar = "gregorian"
        if (self.norm(j) == "ق" and self.norm(j + 2) == "م") or (self.norm(j) == "قبل" and self.norm(j + 1) == "الميلاد"):
            return None  # «2000 ق.م.»: before the common era
        if self.norm(j) in HIJRI_MARKS:
            calendar, j = "hijri", j + 1
        elif self.norm(j) in AD_MARKS:
            j += 1
        return y, j, calendar

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
        """[,] [من] [عام] YEAR after a month."""
        k = j + 1 if self.norm(j) in COMMA else j
        k = k + 1 if self.norm(k) == "من" else k
        k = k + 1 if self.norm(k) in YEAR_WORDS else k
        return self.year(k)

    def month_date(self, i: int) -> Hit | None:
        """«3 أكتوبر/تشرين الأول 2015», «الرابع من مايو», «يناير 1», «سبتمبر/أيلول 2014», «شهر يناير»."""
        return self.day_first(i) or self.month_first(i) or self.week_of(i) or self.ordinal_period(i)

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
            v = V.Value("date", f"{year}-W{number:02d}", f"{year}-W{number:02d}", v.resolution, None, "week")
        return Hit(i, hit.j, week[1], v)

    def ordinal_period(self, i: int) -> Hit | None:
        """«الربع الثالث من عام 2016» -> 2016-Q3, «الأسبوع الأول من عام 2027» -> 2027-W01."""
        unit = self.word(i, {"الربع", "الاسبوع"})
        if unit is None:
            return None
        got = parse_words(self.t, i + 1)
        if got is None or not got[2]:
            return None
        n, k = got[0], got[1]
        k = k + 1 if self.norm(k) in DATE_PREP else k
        year = self.year_alone(k) or self.unit_shift(k)
        if year is None or not year.val.value.isdigit():
            return None
        code = f"Q{n}" if unit[0] == "الربع" else f"W{n:02d}"
        if code == "Q0" or n > (4 if unit[0] == "الربع" else 53):
            return None
        v = f"{year.val.value}-{code}"
        return Hit(i, year.j, unit[1], V.Value("date", v, v, year.val.resolution, None, "week" if code[0] == "W" else "quarter"))

    def day_first(self, i: int) -> Hit | None:
        d = self.day(i)
        if d is None:
            return None
        day, j, start = d
        j = j + 1 if self.norm(j) in DATE_PREP or (self.norm(j) == "-" and self.adjacent(j - 1)) else j
        mo = self.month(j)
        if mo is None:
            return self.day_of_month_ref(i, j, start, day)
        m, j, _, _ = mo
        if m.month in (3, 5) and m.system == "syriac-levant" and self.norm(i - 1) in MOVEMENT:
            return None
        yp = self.year_part(j)
        y, calendar = (yp[0], yp[2]) if yp else (None, m.calendar)
        j = yp[1] if yp else j
        return self.make_date(i, j, start, y, m, day, calendar)

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
        if cue is None and self.norm(i - 1) != "في":
            return None
        k = i + 1 if cue else i
        d = self.day(k)
        if d is None or d[1] == k or (d[1] < len(self.t) and self.norm(d[1]) not in STOPS) or self.decimal(d[1] - 1):
            return None
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
        cued = prefix or edge or dual or self.norm(start_i - 1) in MONTH_CUES or self.word(j, self.lex.relative["shift"])
        if day is None and y is None and not cued:
            return None  # a bare month name («نيسان» the car maker, «رجب» a name) needs a cue
        if day is None and y is None and self.word(j, {"بين"}):
            return self.month_range(start_i, j, start, m)
        hit = self.make_date(start_i, j, start, y, m, day, calendar)
        if hit and day is None and y is None:
            hit = self.month_shift(hit, m, prefix is not None and prefix[0] in THIS)
        return hit

    def month_range(self, i: int, j: int, start: int, m: MonthName) -> Hit | None:
        """«نوفمبر بين 15 و 19», «شهر نوفمبر بين الخامس عشر والتاسع عشر»."""
        a = self.day(j + 1)
        if a is None:
            return None
        k = a[1] + 1 if self.norm(a[1]) == "و" else a[1]
        b = self.day(k)
        if b is None:
            return None
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
        if self.anchor is None or m.calendar != "gregorian":
            return hit
        shift = int(self.lex.relative["shift"][got[0]]) if got else 0
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
        nums, j = [self.t[i]] if i < len(self.t) and self.t[i].kind == "d" else [], i + 1
        if not nums:
            return None
        sep = self.norm(j)
        while len(nums) < 3 and self.norm(j) == sep and sep in ("/", "-", ".") and self.adjacent(j - 1) \
                and self.adjacent(j) and self.t[j + 1].kind == "d":
            nums.append(self.t[j + 1])
            j += 2
        if len(nums) < 2:
            return None
        val = self.numeric_value([n.norm for n in nums], sep, self.norm(i - 1))
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
        if sep == "." or before not in {"في", "يوم", "بتاريخ", "حتي", "منذ", "الي", "من", "عند"}:
            return None
        d, m = (b, a) if b > 12 >= a else (a, b)
        return V.gregorian(None, m, d, self.anchor) if 1 <= m <= 12 else None

    # -- weekdays and relative days ------------------------------------------------------------------
    def weekday(self, i: int) -> Hit | None:
        """«السبت», «يوم الأحد», «الاثنين الماضي», «هذا يوم الجمعة», «الأربعاء 27», «السبت 3 أكتوبر»."""
        start_i, start = i, None
        if self.norm(i) in THIS and self.norm(i + 1) == "يوم":
            start, i = self.t[i].start, i + 1
        yawm = self.word(i, {"يوم"})
        k = i + 1 if yawm else i
        got = self.phrase(k, self.lex.weekdays)
        if got is None or (self.lex.weekdays[got[0]][1] and not yawm):
            return None
        iso = self.lex.weekdays[got[0]][0]
        start = got[2] if start is None else start
        j = got[1]
        after = self.weekday_date(j)
        if after:
            return Hit(start_i, after.j, start, after.val)
        shift_word = self.word(j, self.lex.relative["shift"])
        shift = int(self.lex.relative["shift"][shift_word[0]]) if shift_word else None
        j = j + 1 if shift_word else j
        val = V.weekday(iso, shift, self.anchor)
        if start_i < i and self.anchor is not None and shift is None:  # «هذا يوم الجمعة»: in this week
            day = self.anchor + dt.timedelta(days=iso - self.anchor.isoweekday())
            val = V.day_value(day, day.isoformat(), "relative")
        part, k = self.daypart(j)
        if part and not (k < len(self.t) and self.t[k].kind == "d") and self.norm(k) != "الساعه":
            code = {"am": "MO", "pm": "AF" if self.norm(j) in ("بعد", "ظهرا", "الظهر") else "EV", "night": "NI"}[part]
            val = V.Value("date", f"{val.timex}T{code}", val.value, val.resolution, val.date, "day")
            j = k
        return Hit(start_i, j, start, val)

    def weekday_date(self, j: int) -> Hit | None:
        """The date printed after a weekday: «السبت 3 أكتوبر», «الأربعاء، 22 يناير», «الجمعة في 22»."""
        k = j + 1 if self.norm(j) in COMMA else j
        hit = self.month_date(k) or self.numeric(k)
        if hit:
            return hit
        k = k + 1 if self.norm(k) == "في" else k
        d = self.day(k)
        if d is None or self.norm(d[1]) in ("-", ":", "/") or self.daypart(d[1])[0] or self.norm(d[1]) == "الساعه":
            return None
        if self.anchor is None:
            timex = f"XXXX-XX-{d[0]:02d}"
            return Hit(k, d[1], self.t[k].start, V.Value("date", timex, timex, "explicit", None, "day"))
        day = V.safe_date(self.anchor.year, self.anchor.month, d[0])
        if day is None:
            return None
        if day > self.anchor:
            back = V.add_months(self.anchor, -1)
            day = V.safe_date(back.year, back.month, d[0]) or day
        return Hit(k, d[1], self.t[k].start, V.day_value(day, f"XXXX-XX-{d[0]:02d}", "anchor-month"))

    def relative_day(self, i: int) -> Hit | None:
        got = self.phrase(i, self.lex.relative["day"])
        if got is None or self.is_outlet(i, got[0]):
            return None
        return Hit(i, got[1], got[2], V.relative_day(int(self.lex.relative["day"][got[0]]), self.anchor))

    def is_outlet(self, i: int, phrase: str) -> bool:
        """«اليوم» at the end of an outlet name («المغرب اليوم», «روسيا اليوم») is not a date."""
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
        edge = self.word(i, EDGE | {"بقيه", "باقي"})
        if edge:
            start, i = edge[1], i + 1
        this = self.word(i, THIS)
        if this:
            start, i = (this[1] if start is None else start), i + 1
        units = self.lex.relative["unit"]
        unit = (self.norm(i), self.t[i].start) if this and self.norm(i) in units else self.word(i, units)
        if unit is None:
            return None
        start = unit[1] if start is None else start
        shift, j = self.shift_after(i + 1)
        if shift is None and not (this or edge):
            return None
        val = V.unit_shift(units[unit[0]], shift or 0, self.anchor)
        return Hit(start_i, j, start, val) if val else None

    def shift_after(self, j: int) -> tuple[int | None, int]:
        """(-1/0/+1, next) for «الماضي», «المقبل», «بعد القادم» (+2) after a unit; (None, j) if none."""
        if self.norm(j) == "بعد" and self.norm(j + 1) in ("القادم", "المقبل"):
            return 2, j + 2
        got = self.word(j, self.lex.relative["shift"]) if j < len(self.t) else None
        return (int(self.lex.relative["shift"][got[0]]), j + 1) if got else (None, j)

    def season(self, i: int) -> Hit | None:
        """«هذا الصيف», «الربيع القادم», «صيف 2016» (not «الربيع العربي»)."""
        this = self.word(i, THIS | EDGE)
        k = i + 1 if this else i
        got = self.word(k, self.lex.relative["season"])
        if got is None or self.norm(k + 1) in ("العربي", "عربي"):
            return None
        code, start = self.lex.relative["season"][got[0]], (this[1] if this else got[1])
        yp = self.year(k + 1 + (1 if self.norm(k + 1) in YEAR_WORDS else 0), words=False)
        if yp:
            return Hit(i, yp[1], start, V.Value("date", f"{yp[0]}-{code}", f"{yp[0]}-{code}", "explicit"))
        shift, j = self.shift_after(k + 1)
        if shift is None and not this and self.norm(i - 1) not in ("في", "خلال", "منذ", "حتي", "طوال"):
            return None
        if shift is None and not this:
            return Hit(i, j, start, V.Value("date", f"XXXX-{code}", f"XXXX-{code}", "explicit"))
        if self.anchor is None:
            return Hit(i, j, start, V.Value("date", f"XXXX-{code}", f"XXXX-{code}", "relative-unanchored"))
        v = f"{self.anchor.year + (shift or 0)}-{code}"
        return Hit(i, j, start, V.Value("date", v, v, "relative"))

    def decade(self, i: int) -> Hit | None:
        """«السبعينيات» -> 197 (the 1970s), «تسعينيات القرن الماضي»."""
        got = self.word(i, self.lex.relative["decade"])
        if got is None:
            return None
        j = i + 1
        if self.norm(j) == "القرن" and self.norm(j + 1) in ("الماضي", "العشرين"):
            j += 2
        d = self.lex.relative["decade"][got[0]]
        timex = f"(XX{d}0-01-01,XX{int(d) + 1}0-01-01,P10Y)" if d != "9" else "(XX90-01-01,XX00-01-01,P10Y)"
        return Hit(i, j, got[1], V.Value("date", timex, f"19{d}", "explicit", None, "decade"))

    # -- durations -------------------------------------------------------------------------------------
    def duration(self, i: int) -> Hit | None:
        """«3 أيام», «أسبوعين», «منذ ثمانية أيام», «قبل شهرين», «بعد يومين», «طوال اليوم», «عام و شهر و 21 يوما»."""
        cue = self.word(i, AGO.keys() | DURATION_CUES)
        k = i + 1 if cue else i
        parts = self.amounts(k)
        if not parts:
            return None
        n, unit, j, start = parts[0]
        j = parts[-1][2]
        if cue and cue[0] in AGO and len(parts) == 1:
            if self.norm(j) in ("من", "علي") and self.norm(j + 1) != "الان":
                period = V.duration(n, unit)  # «بعد يوم من الاجتماع»: counted from another event
                return Hit(i, j, cue[1], V.Value("duration", period, period, "relative-to-event"))
            return Hit(i, j, cue[1], V.ago(n, unit, AGO[cue[0]], self.anchor))
        if self.norm(j) == "من" and self.norm(j + 1) == "الان":
            return Hit(k, j + 2, start, V.from_now([(p[0], p[1]) for p in parts], self.anchor))
        if len(parts) == 1:
            shift, j2 = self.shift_after(j)
            if shift in (-1, 1):
                return Hit(k, j2, start, self.stretch(n, unit, shift))
        if cue and cue[0] in ("طوال", "طيله"):
            start = cue[1]
        elif len(parts) == 1 and n == 1 and not cue and self.norm(j - 1) not in ("كامل", "كامله", "واحد", "واحده"):
            return None
        period = V.compound([(p[0], p[1]) for p in parts])
        first = i if cue and cue[0] in ("طوال", "طيله") else k
        return Hit(first, j, start, V.Value("duration", period, period, "explicit"))

    def stretch(self, n: float, unit: str, shift: int) -> V.Value:
        """«3 أيام القادمة», «الأسابيع الثلاثة الماضية»: the stretch between the anchor and N units away."""
        period = V.duration(n, unit)
        if self.anchor is None or unit not in ("D", "W") or not float(n).is_integer():
            return V.Value("duration", period, period, "relative-unanchored" if self.anchor is None else "explicit")
        days = int(n) * (7 if unit == "W" else 1)
        if shift > 0:
            a, b = self.anchor + dt.timedelta(days=1), self.anchor + dt.timedelta(days=days + 1)
        else:
            a, b = self.anchor - dt.timedelta(days=days), self.anchor
        return V.interval(V.day_value(a, a.isoformat(), "relative"), V.day_value(b, b.isoformat(), "relative"))

    def amounts(self, k: int) -> list[tuple[float, str, int, int]]:
        """One amount or several joined by «و» («عام واحد و شهر و 21 يوما», «2 سنة 1 شهر 21 يوم»)."""
        first = self.amount(k)
        if first is None:
            return []
        parts: list[tuple[float, str, int, int]] = [first]
        while True:
            j = parts[-1][2]
            nxt = self.amount(j + 1) if self.norm(j) == "و" else self.amount(j)
            if nxt is None and self.norm(j).startswith("و") and len(self.norm(j)) > 1:
                nxt = self.amount(j)
            if nxt is None or nxt[1] in {p[1] for p in parts} or nxt[1] == "DEC":
                return parts  # «ثلاث ساعات وعقد اجتماع»: «عقد» is «held» there
            parts.append(nxt)

    def amount(self, k: int) -> tuple[float, str, int, int] | None:
        """(count, unit, next, start): «3 أيام», «ثمانية أيام», «أسبوعين», «شهر واحد», «نصف ساعة», «ساعة ونصف»."""
        got = self.amount_head(k)
        if got is None:
            return None
        n, unit, j, start = got
        if self.norm(j) in ("ونصف", "والنصف"):
            n, j = n + 0.5, j + 1
        return n, unit, j, start

    def amount_head(self, k: int) -> tuple[float, str, int, int] | None:
        if k >= len(self.t):
            return None
        dual = self.word(k, self.lex.relative["dual"])
        if dual:
            return 2, self.lex.relative["dual"][dual[0]], k + 1, dual[1]
        q = self.quantity(k)
        if q and q[1] < len(self.t):
            unit = self.lex.relative["dur"].get(bare(self.norm(q[1])))
            if unit:
                return q[0], unit, q[1] + 1, q[2]
        plural = self.plural_count(k)
        if plural:
            return plural
        half = self.word(k, {"نصف"})
        got = self.word(k + 1 if half else k, self.lex.relative["dur"])
        if got is None or (got[0].startswith("ال") and self.norm(k - 1) not in ("طوال", "طيله") and not half):
            return None
        unit, j = self.lex.relative["dur"][got[0]], (k + 2 if half else k + 1)
        if j < len(self.t) and self.t[j].kind == "d":
            return None  # «قبل عام 2020», «منذ عام 670»: a year, not «a year ago»
        if self.norm(j) in ("كامل", "كامله", "واحد", "واحده"):
            j += 1
        return (0.5 if half else 1), unit, j, (half[1] if half else got[1])

    def plural_count(self, k: int) -> tuple[float, str, int, int] | None:
        """«الأسابيع الثلاثة», «الساعات الـ24», «الأيام القليلة»: a plural unit with the count after it."""
        got = self.word(k, PLURAL_UNITS)
        if got is None:
            return None
        j = k + 1
        if self.norm(j) == "ال" and j + 1 < len(self.t) and self.t[j + 1].kind == "d":
            return float(self.t[j + 1].number or 0), self.lex.relative["dur"][got[0]], j + 2, got[1]
        if self.norm(j) in ("القليله", "العديده", "الاخيره"):
            return 3, self.lex.relative["dur"][got[0]], j + 1, got[1]
        q = self.quantity(j)
        if q and self.t[j].kind == "w":
            return q[0], self.lex.relative["dur"][got[0]], q[1], got[1]
        return None

    # -- years, times, sets ----------------------------------------------------------------------------
    def year_alone(self, i: int) -> Hit | None:
        """«عام 2014», «في 2014», «2014م», «1437 هـ»: a year with context, in a plausible range."""
        word = self.word(i, YEAR_WORDS | {"لعام", "لسنه"})
        k = i + 1 if word else i
        yp = self.year(k, words=word is not None)
        if yp is None:
            return None
        y, j, calendar = yp
        marked = j > k + 1 or (self.t[k].kind == "w")
        if not word and not marked and not (self.norm(i - 1) in YEAR_CUES and 1900 <= y <= 2100):
            return None
        start = word[1] if word else self.t[k].start
        if calendar == "hijri":
            return self.hijri_year(i, j, start, y)
        if not (100 <= y <= 2100) or (not word and not 1000 <= y <= 2100):
            return None
        return Hit(i, j, start, V.year_only(y))

    def hijri_year(self, i: int, j: int, start: int, y: int) -> Hit | None:
        from hijridate import Hijri

        try:
            first, last = Hijri(y, 1, 1).to_gregorian(), Hijri(y, 12, 29).to_gregorian()
        except (ValueError, OverflowError):
            return None
        v = f"{first.year}" if first.year == last.year else f"{first.year}/{last.year}"
        return Hit(i, j, start, V.Value("date", v, v, "hijri-year", None, "year"))

    def clock(self, i: int) -> Hit | None:
        """«الساعة 14:00», «الساعة 10 صباحا», «7:56 مساء», «الساعة الثانية بعد الظهر», «السابعة والنصف»."""
        before, k = self.daypart(i, leading=True)
        sa = self.word(k, {"الساعه"})
        k = k + 1 if sa else k
        got = self.clock_digits(k) or self.clock_words(k)
        if got is None:
            return self.named_time(i)
        h, mi, s, j, marked = got
        after, j = self.daypart(j)
        part = after or before
        feminine = self.t[k].kind == "w" and self.forms(k)[-1][0].endswith("ه") and bool(
            (parse_words(self.t, k, self.forms(k)[-1][0]) or (0, 0, False))[2])
        if not (sa or marked or part or (feminine and self.norm(i - 1) in ("في", "عند", "حتي", "الي"))
                or (self.t[k].kind == "d" and self.norm(i - 1) == "عند")):
            return None
        if h > 24 or (mi is not None and mi > 59):
            return None
        h = self.apply_daypart(h, part)
        if mi is not None and mi < 0:
            h, mi = (h - 1) % 24, 60 + mi
        t = V.time_of_day(h, mi, s)
        start = self.t[i].start if before else (sa[1] if sa else self.forms(k)[-1][1])
        return Hit(i, j, start, V.Value("time", t, t, "explicit"))

    @staticmethod
    def apply_daypart(h: int, part: str | None) -> int:
        if part == "pm" and h < 12:
            return h + 12
        if part == "night" and h == 12:
            return 0
        if part == "night" and 6 <= h < 12:
            return h + 12
        return h

    def part_of_day(self, i: int) -> Hit | None:
        """«مساء أمس», «صباح اليوم», «فجر الأحد», «ليلة السبت», «هذا الصباح», «الليلة»: a day and its part."""
        this = self.word(i, THIS)
        k = i + 1 if this else i
        after = self.word(k, {"بعد"}) if self.norm(k + 1) == "ظهر" else None
        got = self.word(k + 1, DAYPARTS) if after else self.word(k, DAYPARTS)
        if got is None:
            return None
        k = k + 1 if after else k
        code = DAYPARTS[got[0]]
        start = this[1] if this else (after[1] if after else got[1])
        if got[0] == "الليله" and self.norm(k + 1) in self.lex.relative["shift"]:
            shift = int(self.lex.relative["shift"][self.norm(k + 1)])
            day = V.relative_day(min(shift, 0), self.anchor)
            return Hit(i, k + 2, start, V.Value("date", day.timex + "TNI", day.value, day.resolution, day.date, "day"))
        if this or got[0] == "الليله":
            day = V.relative_day(0, self.anchor)
            return Hit(i, k + 1, start, V.Value("date", day.timex + "T" + code if day.date else day.timex,
                                                 day.value, day.resolution, day.date, "day"))
        day_hit = self.relative_day(k + 1) or self.weekday(k + 1)
        if day_hit is None or got[0] in ("الصباح", "المساء", "الليل"):
            return None
        v = day_hit.val
        return Hit(i, day_hit.j, start, V.Value("date", f"{v.timex}T{code}", v.value, v.resolution, v.date, "day"))

    def named_time(self, i: int) -> Hit | None:
        """«منتصف الليل» T00, «منتصف النهار» / «الظهيرة» T12."""
        vague = {"في الصباح": "TMO", "بعد الظهر": "TAF", "في المساء": "TEV", "في الليل": "TNI", "في الامسيات": "TEV"}
        pair = " ".join(self.t[k].norm for k in range(i, min(i + 2, len(self.t))))
        if pair in vague and not (i + 2 < len(self.t) and (self.t[i + 2].kind == "d" or self.norm(i + 2) == "الساعه")):
            return Hit(i, i + 2, self.t[i].start, V.Value("time", vague[pair], vague[pair], "explicit"))
        names = {"منتصف الليل": 0, "منتصف النهار": 12, "منتصف الظهر": 14, "منتصف الصباح": 10, "الظهيره": 12,
                 "وقت الظهيره": 12}
        for n in (2, 1):
            if i + n <= len(self.t):
                key = " ".join(self.t[k].norm for k in range(i, i + n) if self.t[k].norm != "-")
                first = self.forms(i)[-1]
                if key in names or (n == 1 and first[0] in names):
                    h = names.get(key, names.get(first[0], 0))
                    j = i + n + (1 if n == 2 and self.norm(i + 1) == "-" else 0)
                    return Hit(i, j, first[1] if key not in names else self.t[i].start,
                               V.Value("time", V.time_of_day(h, None), V.time_of_day(h, None), "explicit"))
        return None

    def clock_digits(self, k: int) -> tuple[int, int | None, int | None, int, bool] | None:
        if k >= len(self.t) or self.t[k].kind != "d":
            return None
        text = self.t[k].norm
        if len(text) in (3, 4) and (self.norm(k + 1) in AM | PM):
            return int(text[:-2]), int(text[-2:]), None, k + 1, True
        if len(text) > 2 or self.decimal(k):
            return None
        h, j = int(text), k + 1
        parts: list[int] = []
        while len(parts) < 2 and self.norm(j) == ":" and self.adjacent(j - 1) and j + 1 < len(self.t) \
                and self.t[j + 1].kind == "d":
            parts.append(self.t[j + 1].number or 0)
            j += 2
        mi, j2 = self.minutes(j)
        if parts:
            return h, parts[0], (parts[1] if len(parts) > 1 else None), j, True
        return h, mi, None, j2, mi is not None

    def clock_words(self, k: int) -> tuple[int, int | None, int | None, int, bool] | None:
        form = self.forms(k)[-1][0] if k < len(self.t) else ""
        got = parse_words(self.t, k, form) if form != "الواحده" else (1, k + 1, False)
        if got is None and form in ("واحده", "الواحده"):
            got = (1, k + 1, False)
        if got is None or not 1 <= got[0] <= 24:
            return None
        mi, j = self.minutes(got[1])
        return got[0], mi, None, j, mi is not None

    def minutes(self, j: int) -> tuple[int | None, int]:
        """«والنصف», «والربع», «إلا ربع» (as -15), «و 30 دقيقة», «وعشرين دقيقة», «وخمسة وثلاثين»."""
        word = self.norm(j)
        fraction = {"والنصف": 30, "والربع": 15, "ونصف": 30, "وربع": 15, "والثلث": 20, "وثلث": 20}.get(word)
        if fraction:
            return fraction, j + 1
        if word == "الا" and self.norm(j + 1) in ("ربع", "الربع"):
            return -15, j + 2
        k = j + 1 if word == "و" else j
        if not (word == "و" or (word.startswith("و") and len(word) > 2)):
            return None, j
        if k < len(self.t) and self.t[k].kind == "d":
            n, end = self.t[k].number or 0, k + 1
            if self.norm(end) not in ("دقيقه", "دقائق"):
                return None, j  # «بين 5 و 6 مساءً» is a range, «و 30 دقيقة» minutes
        else:
            got = parse_words(self.t, k, self.norm(k)[1:] if k == j else None)
            if got is None or got[2]:
                return None, j
            n, end = got[0], got[1]
        if self.norm(end) in ("دقيقه", "دقائق"):
            end += 1
        return (n, end) if 0 < n < 60 else (None, j)

    def daypart(self, j: int, leading: bool = False) -> tuple[str | None, int]:
        word, nxt = self.norm(j), self.norm(j + 1)
        if word == "بعد" and nxt in ("الظهر", "الظهيره"):
            return "pm", j + 2
        if word == "في" and nxt in AM | PM | NIGHT:
            return self._part(nxt), j + 2
        if word in AM | PM | NIGHT and not (leading and word in ("الظهر", "الليل", "الصباح", "المساء")
                                              and self.norm(j + 1) not in ("الساعه",) and not self.t[j + 1:j + 2]):
            return self._part(word), j + 1
        return None, j

    @staticmethod
    def _part(word: str) -> str:
        return "am" if word in AM else ("night" if word in NIGHT else "pm")

    def holiday(self, i: int) -> Hit | None:
        """«عيد الميلاد» -> XXXX-12-25, «عيد الأضحى» (Hijri 12-10) resolved from the anchor, «عيد الفطر 2016»."""
        yawm = self.word(i, {"يوم"})
        k = i + 1 if yawm else i
        got = self.phrase(k, self.lex.holidays)
        if got is None:
            return None
        name, j, start = got
        start = yawm[1] if yawm else start
        year, j = self.holiday_year(j)
        when = self.lex.holidays[name]
        if when.startswith("H"):
            val = V.hijri_holiday(int(when[1:3]), int(when[4:6]), year, self.anchor)
        else:
            val = V.gregorian(year, int(when[:2]), int(when[3:5]), self.anchor)
        return Hit(i, j, start, val) if val else None

    def holiday_year(self, j: int) -> tuple[int | None, int]:
        """«… 2016», «… لعام 2016», «… العام المقبل» after a holiday name."""
        k = j + 1 if self.norm(j) in YEAR_WORDS | {"لعام", "لسنه"} else j
        yp = self.year(k, words=False)
        if yp:
            return yp[0], yp[1]
        ref = self.unit_shift(j)
        if ref and ref.val.precision == "year" and ref.val.value.isdigit():
            return int(ref.val.value), ref.j
        return None, j

    def frequency(self, i: int) -> Hit | None:
        """«يوميا», «أسبوعيا», «كل يوم», «كل يومين», «كل ثلاثة أسابيع», «كل يوم اثنين»."""
        got = self.word(i, self.lex.relative["set"])
        if got:
            v = self.lex.relative["set"][got[0]]
            return Hit(i, i + 1, got[1], V.Value("set", v, v, "explicit"))
        days = self.word(i, {"ايام"})
        if days:
            wd = self.weekday(i + 1)
            if wd and wd.val.timex.startswith("XXXX-WXX") and wd.j == i + 2:
                return Hit(i, wd.j, days[1], V.Value("set", wd.val.timex, wd.val.timex, "explicit"))
        kul = self.word(i, {"كل"})
        if kul is None:
            return None
        part = DAYPARTS.get(self.norm(i + 1))
        if part:
            return Hit(i, i + 2, kul[1], V.Value("set", f"T{part}", f"T{part}", "explicit"))
        wd = self.weekday(i + 1)
        if wd and wd.val.timex.startswith("XXXX-WXX"):
            return Hit(i, wd.j, kul[1], V.Value("set", wd.val.timex, wd.val.timex, "explicit"))
        unit = self.lex.relative["dur"].get(self.norm(i + 1))
        amount = (1.0, unit, i + 2, 0) if unit else self.amount(i + 1)
        if amount is None:
            return None
        v = V.duration(amount[0], amount[1])
        return Hit(i, amount[2], kul[1], V.Value("set", v, v, "explicit"))
