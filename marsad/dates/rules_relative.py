"""Days and periods named from the anchor: «اليوم/أمس/بعد غد» (not an outlet's «اليوم» nor «في نفس اليوم»),
«الأسبوع الماضي/هذا الشهر/مطلع العام المقبل», seasons, decades and centuries."""

from __future__ import annotations

from marsad.dates import values as V
from marsad.dates.numbers import parse_words
from marsad.dates.rules_base import Base, Hit


class RelativeRules(Base):
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
        if self.norm(got[1]) in self.guards.not_today:
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
        edge = self.word(i, self.parts.edge | {"بقيه", "باقي"})
        if edge:
            start, i = (edge[1] if start is None else start), i + 1
        this = self.word(i, self.cues.this)
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
        if shift is None and self.norm(i + 1) == "(" and i + 2 < len(self.t) and self.t[i + 2].kind == "d":
            return None  # «أواخر سنة ( 631 هـ = 1233 م )»: the year follows in brackets (ANERcorp train)
        val = V.unit_shift(units[unit[0]], shift or 0, self.anchor)
        if val and units[unit[0]] == "W" and (holiday or edge and edge[0] == "نهايه") and "W" in val.value:
            val = V.Value("date", f"{val.timex}-WE", f"{val.value}-WE", val.resolution, None, "week")  # the weekend
        elif val and edge and edge[0] in self.parts.edge_mod and units[unit[0]] in ("W", "M", "Y", "Q", "DEC"):
            mod = self.parts.edge_mod[edge[0]]
            val = V.Value(val.kind, val.timex, val.value, f"{val.resolution};{mod}", val.date, val.precision)
        return Hit(start_i, j, start, val) if val else None

    def season(self, i: int) -> Hit | None:
        """«هذا الصيف», «الربيع القادم», «صيف 2016» (not «الربيع العربي»)."""
        this = self.word(i, self.cues.this | self.parts.edge)
        k = i + 1 if this else i
        got = self.word(k, self.lex.relative["season"])
        if got is None or self.norm(k + 1) in ("العربي", "عربي"):
            return None
        code, start = self.lex.relative["season"][got[0]], (this[1] if this else got[1])
        said = self.norm(k + 1) in self.units.year_words  # «عام/سنة» before the year
        yp = self.year(k + 1 + (1 if said else 0), words=said)
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
        edge = self.word(i, self.parts.edge - {"اخر"})  # «منتصف الثمانينيات», as with months and years
        head = self.word(i + 1 if edge else i, {"عقد", "العقد"})
        k = i + bool(edge) + bool(head)
        got = self.word(k, self.lex.relative["decade"])
        if got is None:
            return None
        j = k + 1
        if self.word(j, self.guards.age_words) or self.norm(j) == "من" and self.word(j + 1, self.guards.age_words):
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
        edge = self.word(i, self.parts.edge - {"اخر"})  # «مطلع القرن الحادي والعشرين», as with months and years
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
