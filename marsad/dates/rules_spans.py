"""Duration and frequency rules: «3 أيام», «منذ ثمانية أيام», «الأسابيع الثلاثة الماضية», «كل يوم»."""

from __future__ import annotations

import datetime as dt
import re

from marsad.dates import values as V
from marsad.dates.numbers import bare, parse_words
from marsad.dates.rules_base import Hit
from marsad.dates.rules_times import TimeRules


class SpanRules(TimeRules):
    # -- durations -------------------------------------------------------------------------------------
    def duration(self, i: int) -> Hit | None:
        """«3 أيام», «أسبوعين», «منذ ثمانية أيام», «قبل شهرين», «بعد يومين», «طوال اليوم», «عام و شهر و 21 يوما»."""
        all_of = self.whole_unit(i)
        if all_of:
            return all_of
        cue = self.word(i, self.cues.ago.keys() | self.cues.duration_cues | {"اخر"})
        k = self.past_approximation(i + 1 if cue else i)
        parts = self.amounts(k)
        if not parts:
            return None
        n, unit, j, start = parts[0]
        j = parts[-1][2]
        mod = self.modifier(i + 1 if cue else i, k) or (None if cue else self.approximation_before(i))
        if mod and len(parts) == 1 and n == 1 and not self.bare_unit_after(k, j, unit):
            return None
        if unit == "Y" and not cue and self.age_before(k):
            return None  # an age
        if unit == "DEC" and self.word(j, self.lex.relative["decade"]):
            return None  # «خلال عقد الستينيات»: the decade named (``decade``)
        if len(parts) == 1 and j == k + 1 and self.word(k, self.units.bare_plurals):
            return self.vague(i, j, cue, unit)
        timed = any(p[1] in ("H", "MIN", "S") for p in parts)
        now = self.norm(j) == "من" and self.norm(j + 1) == "الان"  # «بعد 5 دقائق من الآن»
        if cue and cue[0] in self.cues.ago and len(parts) == 1:
            based = self.from_day(j, n, unit, self.cues.ago[cue[0]])
            if based:
                return Hit(i, based[0], cue[1], based[1])
        if cue and cue[0] == "اخر":  # «آخر 3 سنوات»: the stretch up to now; not «آخر يوم» (of something)
            counted = self.t[k].kind == "d" or parse_words(self.t, k) is not None
            return Hit(i, j, cue[1], self.last_stretch(n, unit)) if counted and len(parts) == 1 else None
        if cue and cue[0] in self.cues.ago and self.moment is not None and timed \
                and (now or self.norm(j) not in ("من", "علي")):
            val = V.moved(self.moment, [(p[0], p[1]) for p in parts], self.cues.ago[cue[0]])  # «بعد 5 دقائق»
            if val:
                return Hit(i, j + 2 if now else j, cue[1], val)
        if cue and cue[0] in self.cues.ago and len(parts) > 1:  # «بعد يوم واحد وساعتين», «منذ شهرين ويوم واحد»
            moved = [(p[0] * self.cues.ago[cue[0]], p[1]) for p in parts]
            val = V.from_now(moved, self.anchor) if not timed else None
            period = V.compound([(p[0], p[1]) for p in parts])
            return Hit(i, j, cue[1], val or V.Value("duration", period, period, "duration"))
        if cue and cue[0] in self.cues.ago and len(parts) == 1:
            if self.norm(j) in ("من", "علي") and self.norm(j + 1) != "الان":
                period = V.duration(n, unit)  # «بعد ستة أيام على الانفجار»: the length, counted from an event
                return Hit(k, j, start, V.Value("duration", period, period, "relative-to-event"))
            if cue[0] == "منذ":  # «يواصلون إضرابهم منذ ثمانية أيام»: for how long (the P8D)
                period = V.duration(n, unit)
                return self.modified(Hit(k, j, start, V.Value("duration", period, period, "since")), mod, i + 1)
            return Hit(i, j + 2 if now else j, cue[1], V.ago(n, unit, self.cues.ago[cue[0]], self.anchor))
        if now:
            return Hit(k, j + 2, start, V.from_now([(p[0], p[1]) for p in parts], self.anchor))
        if len(parts) == 1:
            shift, j2 = self.shift_after(j)
            if shift is None and self.norm(j) in self.units.last and self.norm(j + 1) != "من" \
                    and self.word(k, self.units.plural_units):
                shift, j2 = -1, j + 1  # «الأيام العشرة الأخيرة» as «الماضية»; not «… الأخيرة من رمضان»
            if shift in (-1, 1):
                if self.norm(k - 1) == "ال" and not cue:  # «الـ24 ساعة الماضية»
                    k, start = k - 1, self.t[k - 1].start
                return Hit(k, j2, start, self.stretch(n, unit, shift))
        counted = self.t[k].kind == "d" or parse_words(self.t, k) is not None or n != 1  # also «قرنين», «نصف قرن»
        whole = cue is not None and cue[0] in ("طوال", "طيله") and not counted
        if whole and cue:  # «طوال اليوم» (the whole day); a count after it is the expression: «طيلة ثماني سنوات»
            start = cue[1]
        elif len(parts) == 1 and n == 1 and not cue and not mod and self.t[k].kind != "d" \
                and self.norm(j - 1) not in self.units.whole:  # «1 ساعة» has its count
            return None
        period = V.compound([(p[0], p[1]) for p in parts])
        first = i if whole else k
        hit = Hit(first, j, start, V.Value("duration", period, period, "explicit"))
        return hit if whole else self.modified(hit, mod, i + 1 if cue else i)

    def modifier(self, a: int, k: int) -> str | None:
        """The words of approximation or comparison between ``a`` and the amount at ``k`` (``self.cues.approx``):
        «أكثر من/ما يزيد على» more-than, «أقل من» less-than, «نحو/حوالي/قرابة/زهاء/ما يقرب من» approximate."""
        if k == a:
            return None
        words = (self.word(a, {w[0] for w in self.cues.approx}) or ("",))[0], *(self.norm(x) for x in range(a + 1, k))
        if words[0] == "اقل":
            return "less-than"
        return "more-than" if words[0] == "اكثر" or words[1:2] == ("يزيد",) else "approximate"

    def approximation_before(self, k: int) -> str | None:
        """«ما يقرب من ساعتين», «حوالي ساعة» read at the amount: the word of approximation just before it (its
        span is the amount's); «أكثر/أقل من» start their own span (``modifier``)."""
        for words in self.cues.approx:
            a = k - len(words)
            if a >= 0 and words[0] not in ("اكثر", "اقل") and self.past_approximation(a) == k:
                return self.modifier(a, k)
        return None

    def bare_unit_after(self, k: int, j: int, unit: str) -> bool:
        """«أقل من ساعة», «حوالي أسبوع», «نحو عام»: one unit said without a count after a modifier; not a
        unit in construct («نحو ساعة الصفر») nor «نحو شهر رمضان» (towards the month named)."""
        if self.t[k].kind == "d" or self.norm(j - 1) in self.units.whole or parse_words(self.t, k) is not None:
            return True
        nxt = self.norm(j)
        return not (nxt.startswith("ال") and not self.lex.relative["shift"].get(nxt)) and (unit != "M" or self.month(j) is None)

    def modified(self, hit: Hit, mod: str | None, a: int) -> Hit:
        """A duration after a modifier: the Recognizers-Text Arabic grammar has «أقل من» (LessThanRegex) and
        «أكثر من» (MoreThanRegex), whose span takes them in with the modifier less/more; it has no Arabic
        words of approximation (its AroundRegex is English), so «حوالي ساعتين» keeps the span «ساعتين». The
        value stays the amount said (PT2H); the resolution names the modifier."""
        if mod is None:
            return hit
        v = hit.val
        val = V.Value(v.kind, v.timex, v.value, mod if v.resolution == "explicit" else f"{v.resolution};{mod}",
                      v.date, v.precision)
        compared = self.word(a, {"اكثر", "اقل"})
        if compared:
            return Hit(a, hit.j, compared[1], val)
        return Hit(hit.i, hit.j, hit.start, val)

    def from_day(self, j: int, n: float, unit: str, sign: int) -> tuple[int, V.Value] | None:
        """«بعد يومين من الغد», «قبل 3 أيام من أمس»: days or weeks counted from a relative day after «من»
        (end, value); «بعد ستة أيام من الانفجار» (from an event) is not dated here."""
        if self.norm(j) != "من" or unit not in ("D", "W") or self.anchor is None:
            return None
        got = self.phrase(j + 1, self.lex.relative["day"])
        if got is None or self.other_day(j + 1, got):
            return None  # «بعد يومين من اليوم الأول للمؤتمر»
        base = self.anchor + dt.timedelta(days=int(self.lex.relative["day"][got[0]]))
        return got[1], V.ago(n, unit, sign, base)

    def monthly_day(self, k: int) -> Hit | None:
        """«(كل) يوم 15 من الشهر», «(كل) 15 من كل شهر»: a day of every month (XXXX-XX-15)."""
        if k >= len(self.t) or self.t[k].kind != "d" and self.t[k].norm != "يوم":
            return None  # a day in digits, after «يوم» or not (cheap test first: this runs at every word)
        k = k + 1 if self.t[k].norm == "يوم" else k
        d = self.day(k)
        if d is None or self.norm(d[1]) != "من":
            return None
        j = d[1] + 1 + (self.norm(d[1] + 1) == "كل")
        if self.norm(j) not in ("الشهر", "شهر") or (self.norm(j) == "شهر") != (self.norm(j - 1) == "كل"):
            return None
        timex = f"XXXX-XX-{d[0]:02d}"
        return Hit(k, j + 1, d[2], V.Value("date", timex, timex, "explicit", None, "day"))

    def bare_weekday(self, k: int) -> Hit | None:
        """«كل ثلاثاء», «كل جمعة»: after «كل» a weekday needs no «يوم» («اثنين» alone is «two» elsewhere);
        not «كل اثنين منهم», «كل أحد من الناس» (each two, anyone), «كل أحد عشر يوما»."""
        got = self.phrase(k, self.lex.weekdays)
        if got is None or not self.lex.weekdays[got[0]][1] or self.norm(got[1]).startswith("من"):
            return None
        number = parse_words(self.t, k)
        if number and number[1] > got[1]:
            return None  # «كل أحد عشر يوما»: every eleven days
        timex = f"XXXX-WXX-{self.lex.weekdays[got[0]][0]}"
        return Hit(k, got[1], got[2], V.Value("date", timex, timex, "explicit", None, "day"))

    def definite_pair(self, k: int, j: int) -> bool:
        """A number word and a unit both with the article are no count: in «الاثنين الساعة 8» «الساعة» is the
        clock after a weekday, not «two hours» (found by the generated day+time variants); «3 الساعات» counts."""
        return all(self.t[x].kind == "w" and self.norm(x).startswith("ال") for x in (k, j))

    def whole_unit(self, i: int) -> Hit | None:
        """«اليوم كله», «الأسبوع بأكمله», «الشهر كاملا»: the whole of one unit (P1D, P1W), as «طوال اليوم»."""
        if not self.t[i].norm.startswith("ال") or self.norm(i + 1) not in self.units.whole_after:
            return None
        unit = self.lex.relative["dur"].get(self.norm(i))
        if unit is None or unit in ("H", "MIN", "S"):
            return None  # «الساعة كلها»: not said of a clock hour here
        period = V.duration(1, unit)
        return Hit(i, i + 2, self.t[i].start, V.Value("duration", period, period, "explicit"))

    def age_before(self, k: int) -> bool:
        """«من العمر 45 عاما», «عمره 12 عاما», «عن عمر ناهز 80 عاما»: the years before ``k`` are an age."""
        if self.word(k - 1, self.guards.age_cues):
            return True
        return self.norm(k - 1) in ("ناهز", "يناهز", "يقارب", "يبلغ") \
            and self.word(k - 2, self.guards.age_cues) is not None

    def vague(self, i: int, j: int, cue: tuple[str, int] | None, unit: str) -> Hit | None:
        """«منذ سنوات» (years ago), «لأيام» (for days): a plural without a count has no date and no length;
        TIMEX writes them PAST_REF / FUTURE_REF and PXY (an unknown number of years)."""
        if cue and cue[0] in self.cues.ago and self.norm(j) in ("من", "علي"):
            return None  # «قبل سنوات من الحرب»: counted from another event
        if cue and cue[0] in self.cues.ago:
            ref = "FUTURE_REF" if self.cues.ago[cue[0]] > 0 else "PAST_REF"
            return Hit(i, j, cue[1], V.Value("date", ref, ref, "vague"))
        if cue is None or cue[0] not in ("طوال", "طيله"):
            return None  # «خلال أيام», «سنوات الحرب»: too vague to mark
        prefix, code = V.UNIT_CODE[unit]
        period = {"DEC": "PXDE", "CEN": "PXCE"}.get(unit, f"{prefix}X{code}")
        return Hit(i, j, cue[1], V.Value("duration", period, period, "vague"))

    def past_approximation(self, k: int) -> int:
        """After «منذ/قبل/بعد/خلال»: skip «نحو», «حوالي», «أكثر من», «ما يقرب من» («منذ نحو شهر»)."""
        first = self.word(k, {w[0] for w in self.cues.approx})  # also «لأكثر من»: the «ل» stays out
        if first is None:
            return k
        for words in self.cues.approx:
            if (first[0], *(self.norm(x) for x in range(k + 1, k + len(words)))) == words:
                return k + len(words)
        return k

    def last_stretch(self, n: float, unit: str) -> V.Value:
        """«آخر 3 دقائق» from a known moment: (moment - 3 minutes, moment); days and weeks from the anchor."""
        if self.moment is not None and unit in ("H", "MIN", "S") and float(n).is_integer():
            seconds = int(n) * {"H": 3600, "MIN": 60, "S": 1}[unit]
            a, b = self.moment - dt.timedelta(seconds=seconds), self.moment
            x, y = a.isoformat(timespec="seconds"), b.isoformat(timespec="seconds")
            period = V.duration(n, unit)
            return V.Value("range", f"({x},{y},{period})", f"{x}/{y}", "relative-moment", a.date(), "time")
        return self.stretch(n, unit, -1)

    def stretch(self, n: float, unit: str, shift: int) -> V.Value:
        """«3 أيام القادمة», «الأسابيع الثلاثة الماضية», «الأشهر الثلاثة الماضية», «الساعات الـ24 الماضية»: the
        stretch between the anchor (hours: the reference moment) and N units away; a duration when neither
        is known («stretch»: never moved again as «في N ساعات» is)."""
        period = V.duration(n, unit)
        if not float(n).is_integer() or unit in ("DEC", "CEN"):
            return V.Value("duration", period, period, "stretch")
        if unit in ("H", "MIN", "S"):
            return self.moment_stretch(int(n), unit, shift)
        if self.anchor is None:
            return V.Value("duration", period, period, "relative-unanchored")
        if unit in ("M", "Y"):
            months = int(n) * (12 if unit == "Y" else 1) * (1 if shift > 0 else -1)
            far = V.add_months(self.anchor, months, keep_day=True)
            a, b = (self.anchor, far) if shift > 0 else (far, self.anchor)
            return V.Value("range", f"({a.isoformat()},{b.isoformat()},{period})", f"{a.isoformat()}/{b.isoformat()}",
                           "relative", a, "day")
        days = int(n) * (7 if unit == "W" else 1)
        if shift > 0:
            a, b = self.anchor + dt.timedelta(days=1), self.anchor + dt.timedelta(days=days + 1)
        else:
            a, b = self.anchor - dt.timedelta(days=days), self.anchor
        return V.interval(V.day_value(a, a.isoformat(), "relative"), V.day_value(b, b.isoformat(), "relative"))

    def moment_stretch(self, n: int, unit: str, shift: int) -> V.Value:
        """«الساعات الـ24 الماضية», «3 دقائق السابقة» from a reference moment; a duration without one."""
        period = V.duration(n, unit)
        if self.moment is None:
            return V.Value("duration", period, period, "stretch")
        delta = dt.timedelta(seconds=n * {"H": 3600, "MIN": 60, "S": 1}[unit])
        a, b = (self.moment, self.moment + delta) if shift > 0 else (self.moment - delta, self.moment)
        x, y = a.isoformat(timespec="seconds"), b.isoformat(timespec="seconds")
        return V.Value("range", f"({x},{y},{period})", f"{x}/{y}", "relative-moment", a.date(), "time")

    def amounts(self, k: int) -> list[tuple[float, str, int, int]]:
        """One amount or several joined by «و» («عام واحد و شهر و 21 يوما», «2 سنة 1 شهر 21 يوم»)."""
        first = self.amount(k)
        if first is None:
            return []
        parts: list[tuple[float, str, int, int]] = [first]
        while True:
            j = parts[-1][2]
            if self.norm(j) == "و":
                nxt = self.amount(j + 1)
            elif self.t[j:j + 1] and (self.t[j].kind == "d" or parse_words(self.t, j)):
                nxt = self.amount(j)  # «2 سنة 1 شهر 21 يوم»; not «94 عاما أشهر روائي»
            else:
                nxt = None
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
        if self.norm(j) in ("ونصف", "والنصف", "وربع", "والربع"):
            n, j = n + (0.5 if "نصف" in self.norm(j) else 0.25), j + 1  # «ساعة وربع» 1.25 hours
        return n, unit, j, start

    def amount_head(self, k: int) -> tuple[float, str, int, int] | None:
        if k >= len(self.t):
            return None
        dual = self.word(k, self.lex.relative["dual"])
        if dual and dual[0].startswith("ال") and self.shift_after(k + 1)[0] is None:
            return None  # «بين العامين 2014 و2015»: «the two years», not a duration
        if dual:
            return 2, self.lex.relative["dual"][dual[0]], k + 1, dual[1]
        q = self.quantity(k)
        if q and q[1] < len(self.t) and not self.definite_pair(k, q[1]):
            unit = self.lex.relative["dur"].get(bare(self.norm(q[1])))
            if unit:
                return q[0], unit, q[1] + 1, q[2]
        plural = self.plural_count(k)
        if plural:
            return plural
        half = self.word(k, self.units.fractions)  # «نصف ساعة», «ربع ساعة»
        got = self.word(k + 1 if half else k, self.lex.relative["dur"])
        if got is None or (got[0].startswith("ال") and self.cue(k - 1) not in ("طوال", "طيله") and not half):
            return None
        unit, j = self.lex.relative["dur"][got[0]], (k + 2 if half else k + 1)
        if j < len(self.t) and self.t[j].kind == "d":
            return None  # «قبل عام 2020», «منذ عام 670»: a year, not «a year ago»
        if unit == "M" and not half and j < len(self.t) and self.month(j) is not None:
            return None  # «خلال شهر رمضان»: the month named, not «within a month»
        named = self.phrase(j, self.lex.weekdays) if unit == "D" and not half and j < len(self.t) else None
        if named and not self.lex.weekdays[named[0]][1]:
            return None  # «بعد يوم الأحد»: after Sunday, not «a day later»
        if half and got[0].startswith("ال") and self.norm(j) in ("الاول", "الاخير", "الثاني", "الثالث", "الرابع"):
            return None  # «في ربع الساعة الأول» of a match: a stretch of the game, not a quarter hour
        if self.norm(j) in self.units.whole:
            j += 1
        return (self.units.fractions[half[0]] if half else 1), unit, j, (half[1] if half else got[1])

    def plural_count(self, k: int) -> tuple[float, str, int, int] | None:
        """«الأسابيع الثلاثة», «الساعات الـ24», «الأيام القليلة»: a plural unit with the count after it."""
        got = self.word(k, self.units.plural_units)
        if got is None:
            return None
        j = k + 1
        if self.norm(j) == "ال" and j + 1 < len(self.t) and self.t[j + 1].kind == "d":
            return float(self.t[j + 1].number or 0), self.lex.relative["dur"][got[0]], j + 2, got[1]
        if j < len(self.t) and self.t[j].kind == "d" and self.shift_after(j + 1)[0] is not None:
            return float(self.t[j].number or 0), self.lex.relative["dur"][got[0]], j + 1, got[1]  # «الأشهر 3 القادمة»
        if self.norm(j) in ("القليله", "العديده", "الاخيره"):
            return 3, self.lex.relative["dur"][got[0]], j + 1, got[1]
        q = self.quantity(j)
        if q and self.t[j].kind == "w":
            return q[0], self.lex.relative["dur"][got[0]], q[1], got[1]
        return None

    def frequency(self, i: int) -> Hit | None:
        """«يوميا», «أسبوعيا», «كل يوم», «كل يومين», «كل ثلاثة أسابيع», «كل يوم اثنين», «أيام الأحد»,
        «15 من كل شهر», «صباح كل اثنين»."""
        got = self.word(i, self.lex.relative["set"])
        if got:
            v = self.lex.relative["set"][got[0]]
            return Hit(i, i + 1, got[1], V.Value("set", v, v, "explicit"))
        days = self.word(i, {"ايام"})
        if days:  # «أيام الأحد», «أيام الجمعة بعد الظهر»
            wd = self.weekday(i + 1)
            if wd and wd.val.timex.startswith("XXXX-WXX") and wd.i == i + 1:
                return Hit(i, wd.j, days[1], V.Value("set", wd.val.timex, wd.val.timex, "explicit"))
        monthly = self.monthly_day(i)
        if monthly and self.norm(monthly.j - 2) == "كل":  # «(في) 15 من كل شهر»
            return Hit(i, monthly.j, monthly.start, V.Value("set", monthly.val.timex, monthly.val.timex, "explicit"))
        lead = self.parts.dayparts.get(self.norm(i)) if self.norm(i + 1) == "كل" else None  # «صباح كل اثنين»
        if lead:
            return self.every_weekday(i, i + 1, lead)
        kul = self.word(i, {"كل"})
        if kul is None:
            return None
        date = self.numeric(i + 1) or self.month_date(i + 1) or self.monthly_day(i + 1)  # «كل 4/15», «كل 15 أبريل»
        if date and date.val.timex.startswith("XXXX-") and date.val.precision == "day":
            return Hit(i, date.j, kul[1], V.Value("set", date.val.timex, date.val.timex, "explicit"))
        return self.every_weekday(i, i, None) or self.every_amount(i, kul[1])

    def every_weekday(self, i0: int, i: int, lead: str | None) -> Hit | None:
        """«كل اثنين», «كل يوم أحد», «كل صباح» (TMO), «كل صباح اثنين» / «صباح كل اثنين» (XXXX-WXX-1TMO); ``i`` is
        «كل», ``lead`` the part of the day said before it."""
        part = self.parts.dayparts.get(self.norm(i + 1)) if not lead else None
        wd = self.weekday(i + (2 if part else 1)) or self.bare_weekday(i + (2 if part else 1))
        start = self.forms(i0)[-1][1] if i0 == i else self.t[i0].start
        if part and not (wd and wd.i == i + 2 and re.fullmatch(r"XXXX-WXX-\d", wd.val.timex)):
            return Hit(i0, i + 2, start, V.Value("set", f"T{part}", f"T{part}", "explicit"))
        if wd is None or not wd.val.timex.startswith("XXXX-WXX"):
            return None
        code = part or lead
        timex = f"{wd.val.timex}T{code}" if code and len(wd.val.timex) == 10 else wd.val.timex
        return Hit(i0, wd.j, start, V.Value("set", timex, timex, "explicit"))

    def every_amount(self, i: int, start: int) -> Hit | None:
        """«كل يوم», «كل يومين», «كل ثلاثة أسابيع», «كل ساعة ونصف» (every 1.5 hours)."""
        unit = self.lex.relative["dur"].get(self.norm(i + 1))
        amount = (1.0, unit, i + 2, 0) if unit else self.amount(i + 1)
        if amount is None:
            return None
        if unit and self.norm(i + 2) in ("ونصف", "وربع"):
            amount = (1.0 + (0.5 if self.norm(i + 2) == "ونصف" else 0.25), unit, i + 3, 0)
        v = V.duration(amount[0], amount[1])
        return Hit(i, amount[2], start, V.Value("set", v, v, "explicit"))
