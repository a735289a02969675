"""Named views of the date rules' word tables (``marsad/data/date_*_words.tsv``), built lazily, once per process.

Each view is a frozen record whose fields name the list a rule consults (``self.guards.scales``); the rules get
them from ``Base`` (``self.guards``), the functions over a parser from ``p.guards``. Nothing is read at import.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.dates.lexicon import cue_table, guard_table, part_table, unit_table

# Punctuation that joins like a cue word stays here, not in the word tables.
COMMAS = frozenset({",", "،"})
DASH = "-"


@dataclass(frozen=True, slots=True)
class GuardWords:
    """Words that show a number or a word next to it is not a date (``date_guard_words.tsv``)."""

    scales: frozenset[str]  # «ميزانية 2020 مليار»: a quantity
    counting: frozenset[str]  # «ارتفع إلى 13»: a number reached
    movement: frozenset[str]  # «قوى 14 آذار»: a movement's name
    clause_breaks: frozenset[str]  # end the clause of a future verb
    clause_goes_on: frozenset[str]  # after a bare number: nothing is counted by it
    not_verbs: frozenset[str]  # «سيول», «ستين»: not «سـ» + an imperfect verb
    not_verb_endings: tuple[str, ...]  # «سنويا», «ساعتين»: noun endings (for ``str.endswith``)
    age_words: frozenset[str]  # «في الخمسينيات من عمره»: an age
    age_cues: frozenset[str]  # «يبلغ من العمر 45 عاما»: an age
    not_today: frozenset[str]  # «اليوم الوطني»: a named day, not today
    common_noun_holidays: frozenset[str]  # «الحج»: a holiday only with a cue or a year


@lru_cache(maxsize=1)
def guard_words() -> GuardWords:
    t = guard_table()
    return GuardWords(
        scales=frozenset(t["scale"]), counting=frozenset(t["counting"]), movement=frozenset(t["movement"]),
        clause_breaks=frozenset(t["clause_break"]), clause_goes_on=frozenset(t["clause_goes_on"]),
        not_verbs=frozenset(t["not_verb"]), not_verb_endings=tuple(t["not_verb_ending"]),
        age_words=frozenset(t["age_word"]), age_cues=frozenset(t["age_cue"]), not_today=frozenset(t["not_today"]),
        common_noun_holidays=frozenset(t["common_noun_holiday"]))


@dataclass(frozen=True, slots=True)
class PartWords:
    """Parts of the day and edges of periods (``date_part_words.tsv``)."""

    am: frozenset[str]  # «صباحا» after an hour
    pm: frozenset[str]  # «مساء», «عصرا» after an hour
    night: frozenset[str]  # «ليلا», «بالليل» after an hour
    of_hour: frozenset[str]  # am | pm | night
    dayparts: dict[str, str]  # «مساء» before a day -> TIMEX code
    day_part_after: dict[str, str]  # «صباحا» after a day -> TIMEX code
    part_words: dict[str, str]  # «المساء» as a period -> TIMEX code
    part_before: frozenset[str]  # «صباح» before «من N إلى M»: the numbers are hours
    edge: frozenset[str]  # «مطلع», «أواخر» before a period
    edge_mod: dict[str, str]  # edge -> start | mid | end
    part_edges: frozenset[str]  # «أواخر» before a part of the day
    early_late: frozenset[str]  # «مبكر/متأخر» after «وقت»


@lru_cache(maxsize=1)
def part_words() -> PartWords:
    t = part_table()
    return PartWords(
        am=frozenset(t["am"]), pm=frozenset(t["pm"]), night=frozenset(t["night"]),
        of_hour=frozenset(t["am"]) | frozenset(t["pm"]) | frozenset(t["night"]), dayparts=dict(t["daypart"]),
        day_part_after=dict(t["day_part_after"]), part_words=dict(t["part_word"]),
        part_before=frozenset(t["part_before"]), edge=frozenset(t["edge"]), edge_mod=dict(t["edge_mod"]),
        part_edges=frozenset(t["part_edge"]), early_late=frozenset(t["early_late"]))


@dataclass(frozen=True, slots=True)
class UnitWords:
    """Units, counts, ranks and year marks (``date_unit_words.tsv``)."""

    year_words: frozenset[str]  # «عام», «سنة» before a year
    hijri_marks: frozenset[str]  # «هـ» after a year
    ad_marks: frozenset[str]  # «م» after a year
    plural_units: frozenset[str]  # «الأسابيع»
    bare_plurals: frozenset[str]  # «منذ سنوات»: some units
    whole: frozenset[str]  # «أسبوع واحد», «يوما كاملا»
    whole_after: frozenset[str]  # «اليوم كله»
    last: frozenset[str]  # «الأشهر الستة الأخيرة»
    fractions: dict[str, float]  # «نصف» 0.5
    ranks: dict[str, int]  # «أول» 1 … «آخر» 5 before a weekday
    feminine_ranks: dict[str, int]  # «الأولى» 1 … «الأخيرة» 5 after a weekday
    masculine_ranks: dict[str, int]  # «الأول» 1 … «الأخير» 5 after a weekday


@lru_cache(maxsize=1)
def unit_words() -> UnitWords:
    t = unit_table()
    return UnitWords(
        year_words=frozenset(t["year_word"]), hijri_marks=frozenset(t["hijri_mark"]), ad_marks=frozenset(t["ad_mark"]),
        plural_units=frozenset(t["plural_unit"]), bare_plurals=frozenset(t["bare_plural"]), whole=frozenset(t["whole"]),
        whole_after=frozenset(t["whole_after"]), last=frozenset(t["last"]),
        fractions={w: float(v) for w, v in t["fraction"].items()},
        ranks=_ints(t["rank"]), feminine_ranks=_ints(t["feminine_rank"]), masculine_ranks=_ints(t["masculine_rank"]))


def _ints(table: dict[str, str]) -> dict[str, int]:
    return {phrase: int(value) for phrase, value in table.items()}


@dataclass(frozen=True, slots=True)
class CueWords:
    """Words that make, join, bound or announce an expression (``date_cue_words.tsv``)."""

    month_cues: frozenset[str]  # «في/منذ أكتوبر»
    ambiguous_month_cues: frozenset[str]  # the only cues of «صفر», «مارس»
    year_cues: frozenset[str]  # «في/منذ 2014»
    conjoined: frozenset[str]  # cue words also read after «و/ف» («وفي»): month, year and conjoined cues
    date_prep: frozenset[str]  # «3 من أكتوبر»
    this: frozenset[str]  # «هذا/هذه»
    range_to: frozenset[str]  # «إلى/حتى/-» between the two ends of a range
    ago: dict[str, int]  # «منذ/قبل» -1, «بعد» 1
    duration_cues: frozenset[str]  # «لمدة/خلال»
    holiday_cues: frozenset[str]  # «في/موسم الحج»
    hour_glue: frozenset[str]  # between a day and its hour
    time_glue: frozenset[str]  # between a time and a date
    bounds: frozenset[tuple[str, ...]]  # «قبل», «لا يتجاوز» before a date or a time
    within: frozenset[tuple[str, ...]]  # «في», «في غضون» before a duration
    approx: tuple[tuple[str, ...], ...]  # «ما يقرب من», «نحو» (in the table's order)
    moved: frozenset[str]  # «أجل», «موعد»: a rescheduling
    dateline_cues: tuple[str, ...]  # «تاريخ النشر» on a page's first lines
    starters: frozenset[str]  # words an expression can start with (besides the other tables' words)


@lru_cache(maxsize=1)
def cue_words() -> CueWords:
    t = cue_table()
    month, year = frozenset(t["month_cue"]), frozenset(t["year_cue"])
    return CueWords(
        month_cues=month, ambiguous_month_cues=frozenset(t["ambiguous_month_cue"]), year_cues=year,
        conjoined=month | year | frozenset(t["conjoined_cue"]), date_prep=frozenset(t["date_prep"]),
        this=frozenset(t["this"]), range_to=frozenset(t["range_to"]) | {DASH},
        ago={w: int(v) for w, v in t["ago"].items()}, duration_cues=frozenset(t["duration_cue"]),
        holiday_cues=frozenset(t["holiday_cue"]), hour_glue=frozenset(t["hour_glue"]) | COMMAS,
        time_glue=frozenset(t["time_glue"]) | COMMAS | {DASH}, bounds=_phrases(t["bound"]),
        within=_phrases(t["within"]), approx=tuple(tuple(p.split()) for p in t["approx"]),
        moved=frozenset(t["moved"]), dateline_cues=tuple(t["dateline_cue"]), starters=frozenset(t["starter"]))


def _phrases(table: dict[str, str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(phrase.split()) for phrase in table)
