"""A rescheduled appointment: «سأغير موعد العاشرة صباحًا إلى عشرين» names the old time and the new hour, not a
range (the Recognizers-Text merged cases)."""

from __future__ import annotations

from marsad.dates import values as V
from marsad.dates.grammar import Hit, Parser
from marsad.dates.rules_base import STOPS


def rescheduling(p: Parser, k: int, reach: int = 8) -> bool:
    """A word of rescheduling («موعد», «سأغير») within ``reach`` words before ``k``, no stop between."""
    for x in range(k - 1, max(k - 1 - reach, -1), -1):
        if p.norm(x) in STOPS:
            return False
        if any(f in p.cues.moved for f, _ in p.forms(x)):
            return True
    return False


def moved_to(p: Parser, i: int) -> Hit | None:
    """«سأغير موعد العاشرة صباحًا إلى عشرين/صفر/13/أربعة وعشرين»: after «إلى», the new hour (0-24) of a
    rescheduled time, then a stop or the end (the Recognizers-Text merged cases); «إلى 25», «إلى 4 أو بعد
    ذلك» are no time."""
    if i == 0 or p.t[i - 1].norm != "الي" or not rescheduling(p, i - 1):
        return None
    got = (0.0, i + 1, p.t[i].start) if p.norm(i) == ZERO else p.quantity(i)
    if got is None or not float(got[0]).is_integer() or not 0 <= got[0] <= 24:
        return None
    if got[1] < len(p.t) and p.norm(got[1]) not in STOPS:
        return None
    clock = V.time_of_day(int(got[0]) % 24, None)
    return Hit(i, got[1], got[2], V.Value("time", clock, clock, "explicit"))


def clock_word_out(p: Parser, hit: Hit) -> Hit:
    """«سأغير موعد الساعة العاشرة صباحًا»: «الساعة» right after «موعد» stays out of the span (the
    Recognizers-Text merged cases mark «العاشرة صباحًا»)."""
    if p.norm(hit.i) == "الساعه" and p.norm(hit.i - 1) in p.cues.moved and hit.j > hit.i + 1:
        return Hit(hit.i + 1, hit.j, p.t[hit.i + 1].start, hit.val)
    return hit


ZERO = "صفر"  # «إلى صفر» (to zero hours); not in date_numbers.tsv, where «صفر» would shadow the Hijri month


def moved_before(p: Parser, i: int) -> bool:
    """An appointment moved: «موعد» or a verb of moving it just before the first end, without «من»
    («نقل الاجتماع من الأحد إلى الاثنين» keeps the news frame of a range)."""
    window = range(max(i - 3, 0), i)
    if any(p.norm(k) == "من" for k in window):
        return False
    return any(f in p.cues.moved for k in window for f, _ in p.forms(k))
