"""Time-of-day rules: «الساعة 14:00», «السابعة والنصف مساءً», «مساء أمس», «منتصف الليل»."""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.dates import values as V
from marsad.dates.lexicon import clock_words
from marsad.dates.numbers import parse_words, word_number
from marsad.dates.rules_base import STOPS, Hit
from marsad.dates.rules_years import YearRules


@lru_cache(maxsize=1)
def named_hours() -> dict[str, int]:
    """«منتصف الليل» 0, «الظهيرة» 12 (``named_time`` in date_clock_words.tsv)."""
    return {k: int(v) for k, v in clock_words()["named_time"].items()}


class TimeRules(YearRules):
    def timed_after(self, j: int, loose: bool = False) -> bool:
        """«في الخامس في 4 صباحا»: «في/عند» and a clock time with its part of the day after a bare day; after
        «يوم 15» (``loose``) any clock time («يوم 15 في السابعة»)."""
        if loose and self.norm(j) == "الساعه":
            return self.clock(j) is not None  # «يوم 15 الساعة 8 مساء»
        if self.norm(j) not in ("في", "عند"):
            return False
        got = self.clock(j + 1)
        return got is not None and got.val.kind == "time" and (loose or self.norm(got.j - 1) in self.parts.of_hour)

    def clock(self, i: int, second_end: bool = False) -> Hit | None:
        """«الساعة 14:00», «الساعة 10 صباحا», «7:56 مساء», «الساعة الثانية بعد الظهر», «السابعة والنصف»."""
        before, k = self.daypart(i, leading=True)
        if before and self.norm(i) != "في" and self.norm(k) in ("في", "عند") and self.norm(k + 1).endswith("ه"):
            k += 1  # «غدا صباحا في الثامنة», «مساء عند الساعة 8»
        sa = self.word(k, {"الساعه"})
        k = k + 1 if sa else k
        if sa and self.norm(k) == "ال" and k + 1 < len(self.t) and self.t[k + 1].kind == "d":
            k += 1  # «الساعة الـ8», «الساعة ال8»: the article written on the digits
        if not second_end and k >= 2 and self.norm(k - 1) == "-" and self.t[k - 2].kind == "d" \
                and len(self.t[k - 2].norm) <= 2:  # (after a year, «2017-6:37 صباحًا» is a time)
            return None  # the second number of «4 - 1» or «8-9 صباحا»: a score, or a range found from its start
        if before and not sa and self.norm(i - 1) in ("ساعات", "الساعات"):
            return None  # «في ساعات الصباح الأولى»: the early hours of the morning, not 01:00
        if before and not sa and self.norm(k).startswith("و"):
            return self.named_time(i)  # «بين الظهر والرابعة»: noon, then the second end
        got = self.clock_digits(k) or self.clock_words(k) or self.dotted_clock(k, bool(sa))
        if got is None:
            return self.named_time(i)
        if before and not sa and (self.month(got[3]) is not None or got[0] > 12 and got[1] is None):
            return None  # «مساء 15 أكتوبر»: the evening of a day of the month, «مساء 15 شخصا» a count; not 15:00
        h, mi, s, j, marked = got
        less = self.minutes_less(j)
        if less:  # «الخامسة والنصف إلا ثلاث دقائق» 05:27, «الثالثة إلا 20 دقيقة» 02:40
            mi, j, marked = (mi or 0) - less[0], less[1], True
        noon = self.norm(j) == "ظهرا"  # «الحادية عشرة ظهرا» is 11:00, «الواحدة ظهرا» 13:00
        after, j = self.daypart(j)
        # «ص»/«م» after a clock time («01:08 ص»): read only after a time marked by itself
        short = clock_words()["short_part"].get(self.norm(j)) if not after and not before else None
        if after and mi is None:  # «9 مساءً وثلاثة أرباع»: the fraction after the day part
            mi, j = self.fraction(j)
        part = after or before
        feminine = self.t[k].kind == "w" and self.forms(k)[-1][0].endswith("ه") and bool(
            (parse_words(self.t, k, self.forms(k)[-1][0]) or (0, 0, False))[2] or self.forms(k)[-1][0] == "الواحده")
        # «سأعود الحادية عشرة»: a feminine ordinal right after «سأ…» is an hour too (not after «ستحل الثانية»,
        # a rank, nor «سأكون الثالثة»)
        after_verb = feminine and h <= 12 and k == i and self.future_verb(i - 1) and self.first_person_future(i - 1) \
            and not self.norm(i - 1).endswith("كون")
        lunch = (self.norm(j), self.norm(j + 1)) == ("وقت", "الغداء") and h <= 12  # «12 وقت الغداء»
        # «(في) حوالي السابعة», «في تمام السابعة»: an approximation before the hour (not «في نحو الثامنة», also
        # «around eighth» of a ranking)
        approx = feminine and self.norm(i - 1) in ("تمام", "حوالي")
        # «ضبط المنبه على السابعة»: an alarm is set to a time
        alarm = self.alarm_before(i)
        if not (sa or marked or part or after_verb or lunch or approx or alarm or (feminine and self.cue(i - 1) in ("في", "عند", "حتي", "الي"))
                or (self.t[k].kind == "d" and self.norm(i - 1) == "عند")):
            return None
        if h > 24 or (mi is not None and mi > 59):
            return None
        if not (sa or part) and self.norm(j) == "من" and self.word(j + 1, self.guards.age_words):
            return None  # «في الخامسة من عمره» is an age
        if not (sa or part) and self.t[k].kind == "w" and j < len(self.t) and self.t[j].kind == "w" \
                and self.norm(j).endswith("ه") and (parse_words(self.t, j) or (0, 0, False))[2]:
            return None  # «في الثانية العاشرة» is the tenth second, not two o'clock
        if short:  # «8:30 م», «الساعة 8 ص»: only after a time marked otherwise (not «في 8 م» alone)
            part, j = short, j + 1
        h = h if noon and after and h == 11 else self.apply_daypart(h, part)
        if mi is not None and mi < 0:
            h, mi = (h - 1) % 24, 60 + mi
        t = V.time_of_day(h, mi, s)
        start = self.t[i].start if before else (sa[1] if sa else self.forms(k)[-1][1])
        return Hit(i, j, start, V.Value("time", t, t, "explicit"))

    def alarm_before(self, i: int) -> bool:
        """«ضبط المنبه على …» before token ``i``: an alarm is set to a time."""
        return self.norm(i - 1) == "علي" and any(self.norm(x) in ("المنبه", "منبه") for x in (i - 2, i - 3))

    def part_of_day(self, i: int) -> Hit | None:
        """«مساء أمس», «صباح اليوم», «فجر الأحد», «ليلة السبت», «هذا الصباح», «الليلة»: a day and its part."""
        this = self.word(i, self.cues.this)
        k = i + 1 if this else i
        after = self.word(k, {"بعد"}) if self.norm(k + 1) == "ظهر" else None
        got = self.word(k + 1, self.parts.dayparts) if after else self.word(k, self.parts.dayparts)
        if got is None:
            return None
        k = k + 1 if after else k
        code = self.parts.dayparts[got[0]]
        start = this[1] if this else (after[1] if after else got[1])
        if got[0] == "الليله" and self.norm(k + 1) in self.lex.relative["shift"]:
            shift = int(self.lex.relative["shift"][self.norm(k + 1)])
            day = V.relative_day(shift, self.anchor)  # «الليلة القادمة» tomorrow night, «الماضية» last night
            return Hit(i, k + 2, start, V.Value("date", day.timex + "TNI", day.value, day.resolution, day.date, "day"))
        if this or got[0] == "الليله":
            day = V.relative_day(0, self.anchor)
            return Hit(i, k + 1, start, V.Value("date", day.timex + "T" + code,
                                                 day.value, day.resolution, day.date, "day"))
        day_hit = self.relative_day(k + 1) or self.weekday(k + 1) or self.written_day(k + 1)
        if day_hit is None or got[0] in ("الصباح", "المساء", "الليل", "الظهيره"):
            return None
        named = self.weekday(day_hit.j) if day_hit.val.resolution == "relative" else None
        if named and re.fullmatch(r"XXXX-WXX-\d", named.val.timex):
            day_hit = Hit(day_hit.i, named.j, day_hit.start, day_hit.val)  # «مساء أمس الثلاثاء»
        v = day_hit.val
        written = v.value if v.resolution == "weekday-after-anchor" else v.timex  # «بعد ظهر الاثنين المقبل»
        return Hit(i, day_hit.j, start, V.Value("date", f"{written}T{code}", v.value, v.resolution, v.date, "day"))

    def written_day(self, k: int) -> Hit | None:
        """«(يوم) 15 أكتوبر», «الأول من يناير», «21/4/2016» after a part of the day («مساء 15 أكتوبر»)."""
        d = k + 1 if self.norm(k) == "يوم" else k
        hit = self.month_date(d) or self.numeric(d)
        if hit is None or hit.i != d or hit.val.precision != "day" or "T" in hit.val.timex[10:]:
            return None
        return Hit(k, hit.j, self.t[k].start, hit.val)

    def named_time(self, i: int) -> Hit | None:
        """«منتصف الليل» T00, «منتصف النهار» / «الظهيرة» T12."""
        vague = clock_words()["vague_part"]
        pair = " ".join(self.t[k].norm for k in range(i, min(i + 2, len(self.t))))
        if pair in vague and not (i + 2 < len(self.t) and (self.t[i + 2].kind == "d" or self.norm(i + 2) == "الساعه")):
            return Hit(i, i + 2, self.t[i].start, V.Value("time", vague[pair], vague[pair], "explicit"))
        names = named_hours()
        if self.norm(i) == "الظهر" and self.norm(i - 1) in clock_words()["noon_cue"]:
            # «عند/قرابة/حوالي الظهر» noon; not «في الظهر» (also «in the back») nor «بعد الظهر» (afternoon)
            return Hit(i, i + 1, self.t[i].start, V.Value("time", "T12", "T12", "explicit"))
        joined = self.forms(i)[-1] if self.norm(i) == "والظهر" else None
        if joined and any(self.norm(k) == "بين" for k in range(max(i - 4, 0), i)):  # «بين 9 صباحا والظهر»
            return Hit(i, i + 1, joined[1], V.Value("time", "T12", "T12", "explicit"))
        for n in (3, 2, 1):
            hyphen = self.norm(i + 1) == "-"  # «منتصف - الليل»; three words otherwise only without a hyphen
            if i + n <= len(self.t) and not (n == 3 and not hyphen and "-" in (self.norm(i + 2), self.norm(i + 1))):
                key = " ".join(self.t[k].norm for k in range(i, i + n) if self.t[k].norm != "-")
                first = self.forms(i)[-1]
                if key in names or (n == 1 and first[0] in names):
                    h = names.get(key, names.get(first[0], 0))
                    j = i + n
                    return Hit(i, j, first[1] if key not in names else self.t[i].start,
                               V.Value("time", V.time_of_day(h, None), V.time_of_day(h, None), "explicit"))
        return None

    def clock_digits(self, k: int) -> tuple[int, int | None, int | None, int, bool] | None:
        if k >= len(self.t) or self.t[k].kind != "d":
            return None
        text = self.t[k].norm
        if len(text) in (3, 4) and (self.norm(k + 1) in self.parts.am | self.parts.pm):
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

    def dotted_clock(self, k: int, after_sa: bool) -> tuple[int, int | None, int | None, int, bool] | None:
        """«الساعة 10.30», «سأعود عند 4.22», «عند 4.22 مساء»: hours and minutes written with a point; otherwise
        «4.22» is a decimal number («استقر عند 4.22», «عند 4.22 دولار»)."""
        if not self.decimal(k) or len(self.t[k].norm) > 2 or len(self.t[k + 2].norm) != 2:
            return None
        h, mi, j = self.t[k].number or 0, self.t[k + 2].number or 0, k + 3
        if h > 24 or mi > 59:
            return None
        ends = j >= len(self.t) or self.norm(j) in STOPS
        after_date = k >= 2 and self.t[k - 1].kind == "d" and len(self.norm(k - 1)) == 4 \
            and self.norm(k - 2) in ("/", "-") and self.norm(j) not in self.guards.scales  # «6/6/2021 12.15»
        if not after_sa and not after_date and not self.daypart(j)[0] \
                and not (self.norm(k - 1) == "عند" and ends and self.future_verb(k - 2)):
            return None  # «7.30 مساء» with its day part is a time; «عند 4.22» only at the end, after a future verb
        return h, mi, None, j, True

    def clock_words(self, k: int) -> tuple[int, int | None, int | None, int, bool] | None:
        form = self.forms(k)[-1][0] if k < len(self.t) else ""
        if k < len(self.t) and self.norm(k) == "واحده":
            form = "واحده"  # «الساعة واحدة»: not «و» + «احدة»
        if self.lex.weekdays.get(form, (0, True))[1] is False or form in ("الاول", "اول"):
            return None  # «مساء الاثنين» is Monday evening, not 2 pm (an hour is an ordinal: «الثانية»); one
            # o'clock is «الواحدة», «الساعة الأول» is the first hour
        got = parse_words(self.t, k, form) if form != "الواحده" else (1, k + 1, False)
        if got is None and form in ("واحده", "الواحده"):
            got = (1, k + 1, False)
        bare_tens = form.startswith("ال") and form.endswith("ه") and self.norm(k + 1).startswith("و") \
            and not self.norm(k + 1).startswith("وال")  # «الثالثة وعشرين» 03:20; «الثالثة والعشرين» the 23rd
        if got is not None and got[1] > k + 1 and (got[0] > 24 or bare_tens or self.norm(got[1]) in clock_words()["minute_unit"]):
            return self.hour_and_minutes(k, form)  # «الثالثة وعشرون دقيقة» 03:20, not the 23rd hour
        if got is None or not 1 <= got[0] <= 24:
            return None
        mi, j = self.minutes(got[1])
        if mi is None:
            mi, j = self.bare_minutes(got[1])
        return got[0], mi, None, j, mi is not None

    def bare_minutes(self, j: int) -> tuple[int | None, int]:
        """«خمسة عشر خمسة عشر مساءً» 15:15: minutes in words right after the hour, only before a day part."""
        got = parse_words(self.t, j) if j < len(self.t) and self.t[j].kind == "w" else None
        if got is None or got[2] or not 1 <= got[0] <= 59 or not self.daypart(got[1])[0]:
            return None, j
        return got[0], got[1]

    def hour_and_minutes(self, k: int, form: str) -> tuple[int, int | None, int | None, int, bool] | None:
        """«الثامنة وعشرين دقيقة», «ثمانية وأربعين مساءً»: an hour word then «و» tens read as minutes; not
        marked as a time by itself (it is also the number 48), so a «الساعة» or a day part must come with it."""
        head = word_number(form)
        if head is None or head[1] not in ("unit", "ordinal") or not 1 <= head[0] <= 12:
            return None
        mi, j = self.minutes(k + 1)
        marked = self.norm(j - 1) in clock_words()["minute_unit"] or self.cue(k - 1) in ("في", "عند", "حتي", "الي") \
            and form.startswith("ال") and form.endswith("ه") and not self.norm(k + 1).startswith("وال") \
            or self.alarm_before(k)  # «ضبط المنبه على ثمانية وأربعين» 08:40
        if mi is None or not (self.norm(k - 1) == "الساعه" or self.daypart(j)[0] or marked):
            return None  # «في الثامنة والعشرين من عمره» is an age
        return head[0], mi, None, j, False

    def minutes_less(self, j: int) -> tuple[int, int] | None:
        """(minutes, next) for «إلا N دقيقة», «إلا عشرين» after an hour; «إلا ربع» is read by ``minutes``."""
        if self.norm(j) != "الا":
            return None
        q = self.quantity(j + 1)
        if q is None:
            return None
        unit = self.lex.relative["dur"].get(self.norm(q[1])) if q[1] < len(self.t) else None
        if unit not in ("MIN", None) or unit is None and not (q[0] <= 30 and self.said_alone(q[1])):
            return None  # «السادسة إلا عشرين» (twenty to six) without «دقيقة»: a count up to 30, then an end
        end = q[1] + 1 if unit else q[1]
        return (int(q[0]), end) if 0 < q[0] < 60 and float(q[0]).is_integer() else None

    def said_alone(self, j: int) -> bool:
        """Nothing counted follows at ``j``: the end, a stop, a preposition, a part of the day or a day
        («إلا عشرين مساء», «إلا خمس قرب السوق»)."""
        word = self.norm(j)
        return j >= len(self.t) or word in STOPS or word in self.guards.clause_goes_on or word.startswith("و") \
            or self.daypart(j)[0] is not None or word in ("غدا", "اليوم", "الليله", "يوم", "من")

    def fraction(self, j: int) -> tuple[int | None, int]:
        """«والنصف» 30, «والربع» 15, «وثلاثة أرباع» / «و ثلاثة أرباع» 45 after an hour."""
        word = self.norm(j)
        half_quarter = clock_words()["fraction"].get(word)
        if half_quarter in ("30", "15"):  # a third («والثلث») is read by ``minutes`` only
            return int(half_quarter), j + 1
        if word == "و" and self.norm(j + 1) in clock_words()["fraction_word"]:
            return int(clock_words()["fraction_word"][self.norm(j + 1)]), j + 2  # «الساعة 7 و نصف»
        k = j + 1 if word == "و" else j
        first = self.norm(k)[1:] if k == j else self.norm(k)
        if first == "ثلاثه" and self.norm(k + 1) == "ارباع" and (k > j or word.startswith("و")):
            return 45, k + 2
        return None, j

    def minutes(self, j: int) -> tuple[int | None, int]:
        """«والنصف», «والربع», «إلا ربع» (as -15), «و 30 دقيقة», «وعشرين دقيقة», «وخمسة وثلاثين»."""
        word = self.norm(j)
        fraction = clock_words()["fraction"].get(word)  # also «ونص»: the spoken «and a half» («الساعة 7 ونص»)
        if fraction:
            return int(fraction), j + 1
        quarters = self.fraction(j)
        if quarters[0]:
            return quarters
        if word == "الا" and self.norm(j + 1) in ("ربع", "الربع", "ربعا"):
            return -15, j + 2  # «إلا ربعا/الربع»
        if word == "الا" and self.norm(j + 1) in ("ثلث", "الثلث", "ثلثا"):
            return -20, j + 2  # «إلا ثلثا/الثلث»
        k = j + 1 if word == "و" else j
        if not (word == "و" or (word.startswith("و") and len(word) > 2)):
            return None, j
        if word.startswith("وال") and not any(self.norm(x) in clock_words()["minute_unit"] for x in (j + 1, j + 2, j + 3)):
            return None, j  # «الحلقة الواحدة والعشرون», «الخامسة والعشرين»: an ordinal 21st/25th, not minutes
        if k < len(self.t) and self.t[k].kind == "d":
            n, end = self.t[k].number or 0, k + 1
            if self.norm(end) not in clock_words()["minute_unit"]:
                return None, j  # «بين 5 و 6 مساءً» is a range, «و 30 دقيقة» minutes
        else:
            got = parse_words(self.t, k, self.norm(k)[1:] if k == j else None)
            if got is None or got[2]:
                return None, j
            n, end = got[0], got[1]
        if self.norm(end) in clock_words()["minute_unit"]:
            end += 1
        return (n, end) if 0 < n < 60 else (None, j)
