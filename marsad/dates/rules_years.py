"""Year rules and holidays: «عام 2014», «انتخابات 2020», «بين عامي 2011 و2014», «1437 هـ», «الربع الثالث من عام
2016», «عيد الفطر»."""

from __future__ import annotations

from marsad.dates import values as V
from marsad.dates.numbers import parse_words
from marsad.dates.rules_base import Hit
from marsad.dates.rules_days import DayRules


class YearRules(DayRules):
    def year_alone(self, i: int) -> Hit | None:
        """«عام 2014», «في 2014», «2014م», «1437 هـ», «أواخر عام 2015», «ومطلع 2016»: a year with context, in a
        plausible range (an edge word before it is part of the expression, as with months)."""
        pair = self.year_pair(i)
        if pair:
            return pair
        edge = self.word(i, self.parts.edge - {"اخر"})
        w = i + 1 if edge else i
        word = self.word(w, self.units.year_words | {"لعام", "لسنه"})
        k = w + 1 if word else w
        born = self.norm(k - 1) == "مواليد"  # «من مواليد 1985», «من مواليد ألفين»
        yp = self.year(k, words=word is not None or born) or self.spoken_year(k)
        if yp is None:
            return None
        y, j, calendar = yp
        marked = j > k + 1 or (self.t[k].kind == "w")
        counted = self.norm(i - 1) == "من" and self.norm(i - 2) in ("اكثر", "اقل")  # «أكثر من 2000 عداء»
        later = self.or_later(j)
        cued = edge or self.word(i - 1, self.cues.year_cues) and not counted or self.named_year(k, j) or later
        j = later or j
        if not word and not marked and not (1900 <= y <= 2100 and cued):
            return None
        start = edge[1] if edge else word[1] if word else self.t[k].start
        if calendar == "hijri":
            return self.hijri_year(i, j, start, y)
        if not (100 <= y <= 2100) or (not word and not 1000 <= y <= 2100):
            return None
        return Hit(i, self.year_shift(y, j), start, V.year_only(y))

    def spoken_year(self, k: int) -> tuple[int, int, str] | None:
        """«تسعة عشر ثمانية وعشرون» 1928: a year said in two halves without «عام», a teen hundred then a number
        of 10 to 99 written straight after it (a hundred of 15 to 20; no «و» between: «تسعة عشر وعشرون» is no year)."""
        if k >= len(self.t) or self.t[k].kind != "w" or self.t[k].norm not in self.lex.numbers:
            return None  # (cheap test first: this runs at every word)
        first = parse_words(self.t, k)
        if first is None or first[2] or not 15 <= first[0] <= 20 or first[1] - k < 2 and first[0] != 20:
            return None
        if first[1] >= len(self.t) or self.norm(first[1]).startswith("و"):
            return None
        rest = parse_words(self.t, first[1])
        if rest is None or rest[2] or not 10 <= rest[0] <= 99:
            return None
        return first[0] * 100 + rest[0], rest[1], "gregorian"

    def or_later(self, j: int) -> int | None:
        """«2012 أو بعده», «2010 أو ما قبلها»: the year is the bound of an open range (the end after it)."""
        if self.norm(j) != "او":
            return None
        k = j + 2 if self.norm(j + 1) == "ما" else j + 1
        return k + 1 if self.norm(k) in ("بعده", "بعدها", "قبله", "قبلها") else None

    def year_shift(self, y: int, j: int) -> int:
        """«عام 2015 الجاري», «عام 2014 الماضي», «2016 المقبل»: a shift word after a year that agrees with the
        anchor belongs to the expression (one that contradicts it starts something else)."""
        shift, k = self.shift_after(j)
        if shift not in (-1, 0, 1):
            return j
        if self.anchor is not None and (y > self.anchor.year) - (y < self.anchor.year) != shift:
            return j
        return k

    def named_year(self, k: int, j: int) -> bool:
        """«انتخابات 2020», «الانتخابات التشريعية 2021», «كأس العالم 2022»: the year an event is named by (not
        «ميزانية 2020 مليار», a number followed by its unit)."""
        if j < len(self.t) and (self.t[j].kind == "d" or self.norm(j) in self.guards.scales):
            return False
        heads = self.lex.year_heads
        return bool(self.word(k - 1, heads) or self.word(k - 2, heads) and self.norm(k - 1).startswith("ال"))

    def year_pair(self, i: int) -> Hit | None:
        """«بين عامي 2011 و2014», «بين 2011 و2014», «عامي 2014 و2015», «خلال الفترة 2011-2014»: two years, read
        as the range between them."""
        cue = self.word(i, {"بين"})
        k = i + 1 if cue else i
        dual = self.word(k, {"عامي", "سنتي", "العامين", "السنتين"})
        k = k + 1 if dual else k
        dash = not (cue or dual) and self.cue(i - 1) in self.cues.year_cues | {"الفتره", "الاعوام", "السنوات"}
        if not (cue or dual or dash) or k >= len(self.t) or self.t[k].kind != "d":
            return None
        a, b = self.year(k, words=False), None
        if a and a[2] == "gregorian" and self.norm(a[1]) == ("-" if dash else "و"):
            b = self.year(a[1] + 1, words=False)  # «الفترة 2011-2014» (dash) or «بين عامي 2011 و2014»
        if a is None or b is None or b[2] != "gregorian" or not 1000 <= a[0] < b[0] <= 2100:
            return None
        start = cue[1] if cue else dual[1] if dual else self.t[k].start
        return Hit(i, b[1], start, V.interval(V.year_only(a[0]), V.year_only(b[0])))

    def hijri_year(self, i: int, j: int, start: int, y: int) -> Hit | None:
        from hijridate import Hijri

        try:
            first, last = Hijri(y, 1, 1).to_gregorian(), Hijri(y, 12, 29).to_gregorian()
        except (ValueError, OverflowError):
            return None
        v = f"{first.year}" if first.year == last.year else f"{first.year}/{last.year}"
        return Hit(i, j, start, V.Value("date", v, v, "hijri-year", None, "year"))

    def holiday(self, i: int) -> Hit | None:
        """«عيد الميلاد» -> XXXX-12-25, «عيد الأضحى» (Hijri 12-10) resolved from the anchor, «عيد الفطر 2016»."""
        yawm = self.word(i, {"يوم"})
        got = self.phrase(i, self.lex.holidays)
        if got is None and yawm:
            got = self.phrase(i + 1, self.lex.holidays)
        if got is None:
            return None
        name, j, start = got
        start = yawm[1] if yawm else start
        year, j = self.holiday_year(j)
        if name in self.guards.common_noun_holidays and year is None and self.cue(i - 1) not in self.cues.holiday_cues:
            return None  # «وزارة الحج», «فريضة الحج»: the pilgrimage, not its days
        when = self.lex.holidays[name]
        shift, k = self.shift_after(j) if year is None else (None, j)
        if shift in (1, -1):  # «عيد الميلاد القادم», «عيد الفطر الماضي»: the next or the last one
            j = k
        if when == "?":  # «عيد الاستقلال»: the day depends on the country
            v = str(year) if year is not None else "XXXX-XX-XX"
            return Hit(i, j, start, V.Value("date", v, v, "holiday-unknown-day", None, "year" if year else ""))
        val = self.holiday_day(when, year)
        if val and shift in (1, -1) and val.date and self.anchor:
            if (val.date - self.anchor).days * shift <= 0:
                val = self.holiday_day(when, val.date.year + shift)
        return Hit(i, j, start, val) if val else None

    def holiday_day(self, when: str, year: int | None) -> V.Value | None:
        """The day of a holiday (MM-DD, HMM-DD, easter±N, MM-Wn-d) in ``year``, or near the anchor without one."""
        if when.startswith("H"):
            val = V.hijri_holiday(int(when[1:3]), int(when[4:6]), year, self.anchor)
        elif when.startswith("easter"):  # «easter-2»: two days before Easter Sunday (Good Friday)
            val = V.easter(year, self.anchor, int(when[6:] or 0))
        elif "-W" in when:  # «عيد الشكر» 11-W4-4: the 4th Thursday of November
            val = V.nth_weekday(year, int(when[:2]), int(when[4]), int(when[6]), self.anchor)
        else:
            val = V.gregorian(year, int(when[:2]), int(when[3:5]), self.anchor)
        return val

    def holiday_year(self, j: int) -> tuple[int | None, int]:
        """«… 2016», «… لعام 2016», «… العام المقبل» after a holiday name."""
        k = j + 1 if self.norm(j) in self.units.year_words | {"لعام", "لسنه"} else j
        yp = self.year(k, words=False)
        if yp:
            return yp[0], yp[1]
        ref = self.unit_shift(j)
        if ref and ref.val.precision == "year" and ref.val.value.isdigit():
            return int(ref.val.value), ref.j
        return None, j

    def ordinal_period(self, i: int) -> Hit | None:
        """«الربع الثالث من عام 2016» -> 2016-Q3, «الأسبوع الأول من عام 2027» -> 2027-W01, «النصف الأول من
        2015» -> 2015-H1, «الربع الأخير من العام» -> Q4 of the anchor's year."""
        unit = self.word(i, {"الربع", "الاسبوع", "النصف"})
        if unit is None:
            return None
        if unit[0] == "الاسبوع":
            week = self.week_of_month(i, unit[1])
            if week:
                return week
        last = {"الربع": 4, "النصف": 2}.get(unit[0]) if self.norm(i + 1) in ("الاخير", "الاخيره") else None
        got = (last, i + 2, True) if last else parse_words(self.t, i + 1)
        if got is None or not got[2]:
            return None
        n, k = got[0], got[1]
        k = k + 1 if self.norm(k) in self.cues.date_prep else k
        year = self.year_alone(k) or self.unit_shift(k) or self.this_year(k)
        if year is None or not (year.val.value.isdigit() or year.val.value == "XXXX"):
            return None
        code = {"الربع": "Q", "النصف": "H"}.get(unit[0], "W") + (f"{n}" if unit[0] != "الاسبوع" else f"{n:02d}")
        if n < 1 or n > {"الربع": 4, "النصف": 2}.get(unit[0], 53):
            return None
        v = f"{year.val.value}-{code}"
        timex = v
        if code[0] in "QH" and year.val.value.isdigit():  # TIMEX as Recognizers-Text writes a quarter
            months = 3 if code[0] == "Q" else 6
            y, first = int(year.val.value), months * (n - 1) + 1
            end = f"{y + 1}-01-01" if first + months > 12 else f"{y}-{first + months:02d}-01"
            timex = f"({y}-{first:02d}-01,{end},P{months}M)"
        precision = {"W": "week", "Q": "quarter", "H": "half"}[code[0]]
        return Hit(i, year.j, unit[1], V.Value("date", timex, v, year.val.resolution, None, precision))

    def this_year(self, k: int) -> Hit | None:
        """«العام» / «السنة» alone after «الربع الأخير من»: the anchor's year."""
        if self.norm(k) not in ("العام", "السنه") or self.norm(k + 1) in ("نفسه", "ذاته", "نفسها", "ذاتها"):
            return None  # «من العام نفسه»: a year named before
        val = V.unit_shift("Y", 0, self.anchor)
        return Hit(k, k + 1, self.t[k].start, val) if val else None
