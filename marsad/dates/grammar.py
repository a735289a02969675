"""The date grammar: at each token, try every pattern and keep the longest match.

Patterns (normalised forms): day-month-year in all month systems with dual «X/Y» month names, numeric
dates, Hijri dates, weekdays, relative days, «الأسبوع/الشهر/العام الماضي», durations and «منذ/قبل/بعد N
وحدة», years with context (also in words, «عام تسعة عشر تسعة وتسعون»), times of day, parts of the day as
periods («في وقت متأخر من مساء الثلاثاء»), holidays (fixed, Hijri, n-th weekday, Easter), reference words
(«الآن»), ranges («من 3 إلى 5 أكتوبر», «بين … و …») and sets («كل يوم»).

The rules are layered as mixins: ``rules_base`` (readers) < ``rules_relative`` (days and periods named from
the anchor) < ``rules_dates`` (months, numeric dates) < ``rules_days`` (weekdays, bare days) < ``rules_years``
(years, holidays) < ``rules_times`` < ``rules_spans`` (durations, sets) < ``rules_periods``; ``merge.merge`` and
``attach.attach`` then join neighbouring hits. A ``datetime`` anchor is a reference moment
(``Parser.moment``) for «بعد 5 دقائق».
"""

from __future__ import annotations

from marsad.dates.rules_base import Hit
from marsad.dates.rules_periods import PeriodRules

__all__ = ["Hit", "Parser"]


class Parser(PeriodRules):
    """All rules over one tokenised text; each ``rule(i)`` returns the ``Hit`` starting at token ``i``."""
