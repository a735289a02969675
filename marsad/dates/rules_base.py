"""The date grammar's shared part: punctuation, the ``Hit`` record and the token readers (``Base``).

The word lists are data tables (``marsad/data/date_*_words.tsv``) read through the views of ``words``;
``Base`` holds them as ``self.cues``, ``self.parts``, ``self.units`` and ``self.guards``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container
from dataclasses import dataclass

from marsad.dates import values as V
from marsad.dates.lexicon import lexicon
from marsad.dates.numbers import parse_words
from marsad.dates.scan import Tok
from marsad.dates.words import COMMAS, cue_words, guard_words, part_words, unit_words

COMMA = COMMAS  # «،» or «,»: punctuation stays in code
STOPS = frozenset({".", "!", "،", ",", "؟", "?", ")", "»", "؛", ";", '"', "”"})


@dataclass(slots=True)
class Hit:
    i: int  # first token
    j: int  # one past the last token
    start: int  # character offset (may be after a clitic of the first token)
    val: V.Value

class Base:
    """Token readers over one text: normalised forms, lexicon phrases, numbers, years, day parts."""

    def __init__(self, toks: list[Tok], anchor: dt.date | None) -> None:
        self.t = toks
        # A datetime anchor (a reference moment) also resolves «بعد 5 دقائق»; the rules use its day.
        self.moment = anchor if isinstance(anchor, dt.datetime) else None
        self.anchor = anchor.date() if isinstance(anchor, dt.datetime) else anchor
        self.lex = lexicon()
        self.guards = guard_words()  # words that show a number or a word is not a date
        self.parts = part_words()  # parts of the day and edges of periods
        self.units = unit_words()  # units, counts, ranks and year marks
        self.cues = cue_words()  # words that make, join, bound or announce an expression

    # -- small readers -------------------------------------------------------------------------------
    def norm(self, i: int) -> str:
        return self.t[i].norm if 0 <= i < len(self.t) else ""

    def cue(self, i: int) -> str:
        """Token ``i`` read as the cue word before a date, without a conjunction «و»/«ف» («وفي» -> «في»)."""
        w = self.norm(i)
        return w[1:] if len(w) > 2 and w[0] in "وف" and w[1:] in self.cues.conjoined else w

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
            if self.t[i].number is None:  # a digit run too long to be any count
                return None
            n: float = self.t[i].number or 0
            j = i + 1
            if self.norm(j) == "." and self.adjacent(i) and self.adjacent(j) and self.t[j + 1].kind == "d":
                n, j = float(f"{self.t[i].norm}.{self.t[j + 1].norm}"), j + 2
            return n, j, self.t[i].start
        for form, start in self.forms(i):
            got = parse_words(self.t, i, form)
            if got and not got[2] and form != "الواحده":  # «في الواحدة وأربعون دقيقة» is 01:40, not 41 minutes
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
            if got and (1000 if self.norm(i - 1) not in self.units.year_words else 100) <= got[0] <= 2999:
                y, j = got[0], got[1]
            elif got and 10 <= got[0] <= 20 and self.norm(i - 1) in self.units.year_words:
                y, j = self.century_year(got[0], got[1])
        if y is None:
            return None
        calendar = "gregorian"
        if (self.norm(j) == "ق" and self.norm(j + 2) == "م") or (self.norm(j) == "قبل" and self.norm(j + 1) == "الميلاد"):
            return None  # «2000 ق.م.»: before the common era
        if self.norm(j) in self.units.hijri_marks:
            calendar, j = "hijri", j + 1
        elif self.norm(j) in self.units.ad_marks:
            j += 1
        return y, j, calendar

    def century_year(self, century: int, j: int) -> tuple[int | None, int]:
        """«عام تسعة عشر تسعة وتسعون» 1999, «تسعة عشر وثمانية وسبعين» 1978: a year said in two halves."""
        k = j + 1 if self.norm(j) == "و" else j
        form = self.norm(k)[1:] if k == j and self.norm(k).startswith("و") and len(self.norm(k)) > 2 else None
        rest = parse_words(self.t, k, form) or (parse_words(self.t, k) if form else None)
        if rest is None or not 0 <= rest[0] <= 99:
            return None, j
        return century * 100 + rest[0], rest[1]

    def shift_after(self, j: int) -> tuple[int | None, int]:
        """(-1/0/+1, next) for «الماضي», «المقبل», «بعد القادم» (+2) after a unit; (None, j) if none."""
        if self.norm(j) == "بعد" and self.norm(j + 1) in ("القادم", "المقبل"):
            return 2, j + 2
        if self.norm(j) == "قبل" and self.norm(j + 1) in ("الماضي", "السابق", "الفائت"):
            return -2, j + 2  # «الأسبوع قبل الماضي»
        got = self.word(j, self.lex.relative["shift"]) if j < len(self.t) else None
        return (int(self.lex.relative["shift"][got[0]]), j + 1) if got else (None, j)

    def future_before(self, i: int, window: int = 8) -> bool:
        """A future verb («سيزور», «سأعود», «سوف يعقد») among the ``window`` words before token ``i`` in its
        clause: a bare weekday after it is the next such day, not the last one."""
        for k in range(i - 1, max(i - 1 - window, -1), -1):
            w = self.norm(k)
            if w in STOPS or w in self.guards.clause_breaks:
                return False
            if w == "سوف" or self.future_verb(k):
                return True
        return False

    def future_verb(self, k: int) -> bool:
        """«سـ» + an imperfect prefix (ي/ت/ن, or أ as written: «ساعد» is a past verb) + two letters or more,
        without a noun ending («سنويا», «ساعتين», «سياسيه»)."""
        w = self.norm(k)
        if len(w) < 4 or w[0] != "س" or w.endswith(self.guards.not_verb_endings) or w in self.guards.not_verbs:
            return False
        return w[1] in "ينت" or self.first_person_future(k)

    def first_person_future(self, k: int) -> bool:
        """«سأعود», «سأصل» as written (with its hamza: «ساعد» is a past verb)."""
        letters = "".join(c for c in self.t[k].text if not "\u064b" <= c <= "\u0652")
        return len(letters) >= 5 and letters.startswith("سأ")

    @staticmethod
    def apply_daypart(h: int, part: str | None) -> int:
        if part == "pm" and h < 12:
            return h + 12
        if part in ("night", "am") and h == 12:
            return 0  # «12 في الليل», «الساعة 12 صباحا» (12 a.m.): midnight
        if part == "night" and 6 <= h < 12:
            return h + 12
        return h

    def daypart(self, j: int, leading: bool = False) -> tuple[str | None, int]:
        word, nxt = self.norm(j), self.norm(j + 1)
        if word == "بعد" and nxt in ("الظهر", "الظهيره"):
            return "pm", j + 2
        if word == "بعد" and nxt == "منتصف" and self.norm(j + 2) == "الليل":
            return "am", j + 3  # «الواحدة بعد منتصف الليل»
        if word == "منتصف" and nxt in ("الليل", "النهار") and not leading:
            return ("night" if nxt == "الليل" else "pm"), j + 2  # «الساعة 12 منتصف الليل» 00:00
        if word == "في" and nxt in self.parts.of_hour:
            return self._part(nxt), j + 2
        if word == "من" and not leading and nxt in ("الصباح", "المساء", "الليل", "الفجر", "العصر"):
            return self._part(nxt), j + 2  # «الثامنة من المساء»
        if word == "من" and not leading and nxt == "بعد" and self.norm(j + 2) in ("الظهر", "الظهيره"):
            return "pm", j + 3  # «الثالثة من بعد الظهر»
        if word in self.parts.of_hour and not (leading and word in ("الظهر", "الليل", "الصباح", "المساء")
                                               and self.norm(j + 1) not in ("الساعه",) and not self.t[j + 1:j + 2]):
            return self._part(word), j + 1
        return None, j

    def _part(self, word: str) -> str:
        return "am" if word in self.parts.am else ("night" if word in self.parts.night else "pm")
