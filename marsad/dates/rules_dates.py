"""Date rules: month names in all systems with dual forms («3 أكتوبر/تشرين الأول 2015», «سبتمبر الماضي»,
«نوفمبر من 10 إلى 15»), weeks of a month, days of a named month («20 من الشهر القادم») and numeric dates."""

from __future__ import annotations

from marsad.dates import values as V
from marsad.dates.lexicon import MonthName
from marsad.dates.numbers import bare, parse_words
from marsad.dates.rules_base import COMMA, Hit
from marsad.dates.rules_relative import RelativeRules


class DateRules(RelativeRules):
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
        k = k + 1 if self.norm(k) in self.units.year_words else k
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
        j = j + 1 if self.norm(j) in self.cues.date_prep or (self.norm(j) == "-" and self.adjacent(j - 1)) else j
        # «3 من شهر أكتوبر»; not a feminine word («الخمسة عشر يوما الأولى من شهر رمضان»: an adjective)
        of_month = self.norm(j) == "شهر" and (self.norm(j - 1) == "من" and not self.norm(i).endswith("ه")
                                             and self.norm(i) not in ("الاولي", "اولي")
                                             or self.word(i, {"غره", "فاتح"}) is not None)  # «غرة شهر رمضان»
        mo = self.month(j + 1 if of_month else j)
        if mo is None:
            return self.day_of_month_ref(i, j, start, day)
        m, j, _, _ = mo
        if m.month in (3, 5) and m.system == "syriac-levant" and self.norm(i - 1) in self.guards.movement:
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
        return got[1] if got and self.norm(got[1]) in self.cues.date_prep else j

    def day_of_month_ref(self, i: int, j: int, start: int, day: int) -> Hit | None:
        """«20 من الشهر القادم», «31 من هذا الشهر», «العشرين من الشهر المقبل»."""
        k = j + 1 if self.norm(j) in self.cues.date_prep else j
        ref = self.unit_shift(k)
        if ref is None or (ref.val.precision != "month" and ref.val.value != "XXXX-XX"):
            return None
        if ref.val.value.startswith("XXXX") or not ref.val.value:
            timex = f"XXXX-XX-{day:02d}"
            return Hit(i, ref.j, start, V.Value("date", timex, timex, "relative-unanchored", None, "day"))
        y, m = int(ref.val.value[:4]), int(ref.val.value[5:7])
        date = V.safe_date(y, m, day)
        return Hit(i, ref.j, start, V.day_value(date, date.isoformat(), "relative")) if date else None

    def month_first(self, i: int) -> Hit | None:
        start_i, start = i, None
        edge = self.word(i, self.parts.edge | {"اسبوع", "الاسبوع"})
        if edge:
            start, i = edge[1], i + 1
        prefix = self.word(i, self.cues.this | {"شهر"})
        if prefix:
            start, i = (prefix[1] if start is None else start), i + 1
            if prefix[0] in self.cues.this and self.norm(i) == "شهر":
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
        cued = prefix or edge or dual or self.cue(start_i - 1) in self.cues.month_cues \
            or self.word(j, self.lex.relative["shift"]) \
            or (self.future_verb(start_i - 1) and m.system != "english" and not m.ambiguous and not m.proper_name) \
            or self.word(j, {"بين"}) or (year_ref is not None and year_ref.val.value[:4] in ("XXXX", year_ref.val.value))
        if day is None and y is None and not cued:
            return None  # a bare month name («نيسان» the car maker, «رجب» a name) needs a cue
        if day is None and y is None and m.ambiguous and not (prefix or edge or dual) \
                and self.cue(start_i - 1) not in self.cues.ambiguous_month_cues \
                and not self.word(j, self.lex.relative["shift"]):
            return None  # «إلى صفر» is «to zero»; «في صفر», «شهر صفر», «مارس الماضي» are the month
        hit = self.make_date(start_i, j, start, y, m, day, calendar)
        if hit and day is None and y is None:
            hit = self.month_shift(hit, m, prefix is not None and prefix[0] in self.cues.this)
        return hit

    def month_range(self, i: int, j: int, start: int, m: MonthName) -> Hit | None:
        """«نوفمبر بين 15 و 19», «شهر نوفمبر بين الخامس عشر والتاسع عشر», «نوفمبر من 10 إلى 15»."""
        a = self.day(j + 1)
        if a is None:
            return None
        joiners = {"و"} if self.norm(j) == "بين" else self.cues.range_to
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
