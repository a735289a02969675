"""Metamorphic variants of the date cases ``marsad.dates.find`` gets right: do the rules transfer?

    .venv/bin/python benchmarks/dates_variants.py [--show N] [--family NAME] [SPEC...]

Templates: every expected expression of the *dev* part of the Recognizers-Text Arabic specs
(``marsad.dates.evaluate.split_cases(..., "dev")``, the split ``marsad eval dates --part dev`` uses) and of
our news dev set ``tests/fixtures/dates/dev_news2.json`` that ``find`` gets right (exact span, and the
right value when the spec gives one). Each template is rewritten by families of systematic changes whose
expected span and value follow mechanically from the template: another day number or month name (every
regional system and the dual «X/Y» forms, spellings written here, not read from ``months.tsv``), weekday,
year, hour with صباحا/مساء, duration count and unit (with the dual forms), relative shift word,
Arabic-Indic digits, and the particles around the span («في», «يوم», «عام/العام», و/ب/ل).

The expected value is the spec's TIMEX rewritten (a day «15» -> «03» ...). Extractor specs carry no TIMEX:
their variants are held to the template's own TIMEX rewritten the same way (a consistency check, shown
apart as «vs own»). Where a convention is marked both ways in the specs (a particle inside or outside the
span), either span is accepted. Nothing here is tuned: it reports per family how many variants keep the
right span and value, and lists the failing ones.

Generated families (``gen:*``, left out with ``--no-generated``) do not start from templates: they build texts from
the grammar the Recognizers-Text Arabic cases exercise (times of day; a day with its time in both orders and with
«في/عند/على/،/من/يوم»; parts of days and dates; shifts from now or from a relative day; ranges of days, weekdays,
months, hours and of days with their hours; weeks and edges of periods; sets; holidays; rescheduled times; spoken
years; two hours joined by «أو»; durations after «أكثر/أقل من» and words of approximation; centuries, decades and
nights; meal times and daytime), each with its value computed here by datetime arithmetic from GEN_ANCHOR, and a
twin in Arabic-Indic digits. A variant may also hold ``find`` to a modifier in the resolution (``tags``:
«more-than», «mid»).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.dates.evaluate import anchor_of, expected_spans, load_cases, split_cases, value_matches
from marsad.dates.extract import Found, find_all

REPO = Path(__file__).resolve().parents[1]
SPECS = sorted((REPO.parent / "shared" / "data" / "dates" / "recognizers_text_ar" / "DateTime").glob("*.json"))
NEWS = REPO / "tests" / "fixtures" / "dates" / "dev_news2.json"

# Month names as printed in the press, by system (written here so a spelling missing from months.tsv shows).
MONTHS: dict[str, list[str]] = {
    "egypt-gulf": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
                   "نوفمبر", "ديسمبر"],
    "egypt-alt": ["يناير", "فبراير", "مارس", "إبريل", "مايو", "يونيه", "يوليه", "أغسطس", "سبتمبر", "اكتوبر",
                  "نوفمبر", "ديسمبر"],
    "levant": ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
               "تشرين الثاني", "كانون الأول"],
    "algeria-tunisia": ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر",
                        "نوفمبر", "ديسمبر"],
    "morocco": ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر",
                "دجنبر"],
}
HIJRI = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان",
         "شوال", "ذو القعدة", "ذو الحجة"]
# Also a common word («practised», «father», «May» in French): a month only next to a number, «شهر» or «في».
AMBIGUOUS = {"مارس", "ماي", "آب", "أوت"}
# The dual «X/Y» pairs news prints: Levantine with the Egyptian/Gulf name, both orders, and the Maghrebi one.
DUALS = [("egypt-gulf", "levant"), ("levant", "egypt-gulf"), ("algeria-tunisia", "egypt-gulf"),
         ("morocco", "levant")]
WEEKDAYS = {"الاثنين": 1, "الإثنين": 1, "الثلاثاء": 2, "الأربعاء": 3, "الخميس": 4, "الجمعة": 5, "السبت": 6,
            "الأحد": 7}
ORDINAL_UNITS = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
SHIFTS = {"الماضي": -1, "الفائت": -1, "المنصرم": -1, "المقبل": 1, "القادم": 1}
SHIFTS_F = {"الماضية": -1, "الفائتة": -1, "المنصرمة": -1, "المقبلة": 1, "القادمة": 1}
UNIT_SHIFT = {"الأسبوع": ("W", SHIFTS), "الشهر": ("M", SHIFTS), "العام": ("Y", SHIFTS), "السنة": ("Y", SHIFTS_F)}
YEARS = [1990, 1999, 2000, 2003, 2011, 2014, 2019, 2024]
YEAR_HEADS = ["عام", "العام", "سنة", "السنة"]
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
LATIN = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
DIGITS = re.compile(r"[0-9\u0660-\u0669]+")

# Durations: unit -> (timex letter, time part, dual, plural (3-10), singular accusative (11+), feminine noun).
UNITS: dict[str, tuple[str, bool, str, str, str, bool]] = {
    "D": ("D", False, "يومين", "أيام", "يوما", False),
    "W": ("W", False, "أسبوعين", "أسابيع", "أسبوعا", False),
    "M": ("M", False, "شهرين", "أشهر", "شهرا", False),
    "Y": ("Y", False, "عامين", "أعوام", "عاما", False),
    "Ys": ("Y", False, "سنتين", "سنوات", "سنة", True),
    "H": ("H", True, "ساعتين", "ساعات", "ساعة", True),
    "MIN": ("M", True, "دقيقتين", "دقائق", "دقيقة", True),
}
TENS = {20: "عشرين", 30: "ثلاثين"}
FRACTION_PHRASES = [("نصف ساعة", 0.5, "H"), ("ربع ساعة", 0.25, "H"), ("ساعة ونصف", 1.5, "H"), ("ساعة وربع", 1.25, "H"),
                    ("نصف يوم", 0.5, "D"), ("يوم ونصف", 1.5, "D"), ("نصف شهر", 0.5, "M"), ("شهر ونصف", 1.5, "M"),
                    ("نصف عام", 0.5, "Y"), ("عام ونصف", 1.5, "Y"), ("سنة ونصف", 1.5, "Ys"),
                    ("ثلاث ساعات ونصف", 3.5, "H")]
CARDINAL_M = ["", "واحد", "اثنين", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة"]
CARDINAL_F = ["", "واحدة", "اثنتين", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر"]
COUNTS = [2, 3, 5, 8, 10, 11, 15, 20, 25]


@dataclass(frozen=True)
class Template:
    source: str
    text: str
    start: int
    end: int
    timex: str | None  # the spec's TIMEX
    own: str  # the TIMEX find gave (the right span; the right value when the spec has one)
    anchor: dt.datetime | None

    @property
    def span(self) -> str:
        return self.text[self.start:self.end]


@dataclass
class Variant:
    family: str
    text: str
    spans: list[tuple[int, int]]  # accepted (start, end), the first is the template's convention
    timex: str | None  # expected value, None when it cannot be derived
    against_spec: bool
    anchor: dt.datetime | None
    origin: str = ""
    tags: dict[str, Any] = field(default_factory=dict)


# ---- templates ----------------------------------------------------------------------------------------------

def templates(specs: list[Path], news: Path | None) -> list[Template]:
    """The expected expressions ``find`` gets right in the dev specs (and the news dev set)."""
    sources = [("spec", split_cases(load_cases(specs), "dev"))]
    if news is not None and news.exists():
        sources.append(("news", load_cases([news])))
    out = []
    for source, cases in sources:
        for case in cases:
            out.extend(_right(source, case))
    return out


def _right(source: str, case: dict[str, Any]) -> Iterator[Template]:
    spans = expected_spans(case)
    if not spans:
        return
    anchor = anchor_of(case)
    by_span = {(f.expr.start, f.expr.end): f for f in find_all(case["Input"], anchor)}
    for start, end, timex in spans:
        hit = by_span.get((start, end))
        if hit is not None and (timex is None or value_matches(hit, timex, anchor)):
            yield Template(source, case["Input"], start, end, timex, hit.timex, anchor)


# ---- rewriting helpers --------------------------------------------------------------------------------------

def _expected(t: Template, rewrite: Callable[[str], str | None]) -> tuple[str | None, bool]:
    """The rewritten spec TIMEX, or else the rewritten own TIMEX (consistency)."""
    if t.timex is not None:
        return rewrite(t.timex), True
    return rewrite(t.own), False


def _in_span(t: Template, family: str, old: tuple[int, int], new: str, rewrite: Callable[[str], str | None],
             **tags: Any) -> Variant:
    """Replace span[old[0]:old[1]] by ``new``."""
    span = t.span[:old[0]] + new + t.span[old[1]:]
    timex, spec = _expected(t, rewrite)
    text = t.text[:t.start] + span + t.text[t.end:]
    return Variant(family, text, [(t.start, t.start + len(span))], timex, spec, t.anchor, t.span, tags)


def _words(span: str, word: str) -> Iterator[re.Match[str]]:
    """Whole-word occurrences of ``word`` in ``span`` (no letter on either side)."""
    yield from re.finditer(rf"(?<![\u0621-\u064a]){re.escape(word)}(?![\u0621-\u064a])", span)


def _month_slots(span: str) -> list[tuple[int, int, int, str]]:
    """(start, end, month, system) of each Gregorian month name in ``span`` (longest first, no overlap)."""
    names = sorted({(n, m + 1, s) for s, ns in MONTHS.items() for m, n in enumerate(ns)}, key=lambda x: -len(x[0]))
    taken: list[tuple[int, int, int, str]] = []
    for name, month, system in names:
        for m in _words(span, name):
            if not any(m.start() < e and s < m.end() for s, e, _, _ in taken):
                taken.append((m.start(), m.end(), month, system))
    return sorted(taken)


def _has_weekday(span: str) -> bool:
    return any(True for w in WEEKDAYS for _ in _words(span, w))


DATE = re.compile(r"(\d{4}|XXXX)-(\d\d)-(\d\d)")
MONTH = re.compile(r"(\d{4}|XXXX)-(\d\d)(?![\d:])")


def _set_month(timex: str, old: int, new: int, day_limit: int) -> str | None:
    months = {int(m.group(2)) for m in MONTH.finditer(timex)}
    days = [int(m.group(3)) for m in DATE.finditer(timex)]
    if months != {old} or any(d > day_limit for d in days):
        return None
    return MONTH.sub(lambda m: f"{m.group(1)}-{new:02d}", timex)


def _days_in(month: int) -> int:
    return 28 if month == 2 else (30 if month in (4, 6, 9, 11) else 31)


# ---- families ------------------------------------------------------------------------------------------------

def month_names(t: Template) -> Iterator[Variant]:
    """Every Gregorian month in every regional spelling, and in the dual «X/Y» and «X / Y» forms."""
    slots = _month_slots(t.span)
    if len(slots) != 1 or _has_weekday(t.span) and DATE.search(t.own):
        return
    s, e, old, _ = slots[0]
    licensed = bool(DIGITS.search(t.span)) or "شهر" in t.span or t.text[:t.start].endswith("في ")
    day = max((int(m.group(3)) for m in DATE.finditer(t.timex or t.own)), default=1)
    sign = next((v for w, v in {**SHIFTS, **SHIFTS_F}.items() if w in t.span), 0)
    for system, names in MONTHS.items():
        for month, name in enumerate(names, 1):
            if name in AMBIGUOUS and not licensed or day > _days_in(month):
                continue
            yield _in_span(t, f"month:{system}", (s, e), name, _month_rewrite(old, month, sign, t.anchor))
    for first, second in DUALS:
        for month in range(1, 13):
            a, b = MONTHS[first][month - 1], MONTHS[second][month - 1]
            if a == b or day > _days_in(month):
                continue
            for sep in ("/", " / "):
                yield _in_span(t, "month:dual X/Y", (s, e), f"{a}{sep}{b}", _month_rewrite(old, month, sign, t.anchor))


def _month_rewrite(old: int, new: int, sign: int, anchor: dt.datetime | None) -> Callable[[str], str | None]:
    """The TIMEX with month ``new``; after «الماضي/المقبل» (``sign``) its year is the last/next one with that
    month before/after the anchor's month."""
    def rewrite(timex: str) -> str | None:
        out = _set_month(timex, old, new, _days_in(new))
        if out is None or not sign or out.startswith("XXXX"):
            return out
        if anchor is None or new == anchor.month:
            return None
        year = anchor.year + (0 if (new < anchor.month) == (sign < 0) else sign)
        return re.sub(r"^\d{4}", str(year), out)
    return rewrite


def hijri_months(t: Template) -> Iterator[Variant]:
    """Every Hijri month name in place of a Hijri one (the spec keeps the Hijri month number)."""
    found = [(m.start(), m.end(), i + 1) for i, name in enumerate(HIJRI) for m in _words(t.span, name)]
    if len(found) != 1 or not MONTH.search(t.timex or "") or re.search("المبارك|الكريم|الفضيل", t.span):
        return  # «رمضان المبارك» is said of Ramadan alone
    s, e, old = found[0]
    for month, name in enumerate(HIJRI, 1):
        yield _in_span(t, "hijri month", (s, e), name, lambda x, m=month: _set_month(x, old, m, 29))


def day_numbers(t: Template) -> Iterator[Variant]:
    """Another day 1-28 in the template's digit style, and as an ordinal word («الثالث من»)."""
    dates = list(DATE.finditer(t.timex or t.own))
    if len(dates) != 1 or _has_weekday(t.span):
        return
    day = int(dates[0].group(3))
    digits = [m for m in DIGITS.finditer(t.span) if int(m.group().translate(LATIN)) == day and _is_day(t.span, m)]

    def rewrite_of(d: int) -> Callable[[str], str | None]:
        return lambda x: DATE.sub(lambda m: f"{m.group(1)}-{m.group(2)}-{d:02d}", x)
    if len(digits) == 1:
        indic = digits[0].group() != digits[0].group().translate(LATIN)
        numeric = re.search(r"[0-9\u0660-\u0669][-/.][0-9\u0660-\u0669]", t.span) is not None
        for d in range(13 if numeric else 1, 29):  # «9-1-15»: day and month could swap below 13
            new = str(d).translate(INDIC) if indic else str(d)
            yield _in_span(t, "day:digits", digits[0].span(), new, rewrite_of(d))
    words = _ordinal_slot(t.span, day)
    if words is not None:
        for d in range(1, 29):
            yield _in_span(t, "day:ordinal words", words, ordinal(d), rewrite_of(d))


def _is_day(span: str, m: re.Match[str]) -> bool:
    """The number is a day: next to a month name or «يوم», or in a numeric date; not an hour («8:00»)."""
    if span[m.end():m.end() + 1] == ":" or re.search(r"(الساعة|:)\s*$", span[:m.start()]):
        return False
    numeric = re.search(r"[-/.]", span[max(m.start() - 1, 0):m.end() + 1]) is not None
    near = span[max(m.start() - 12, 0):m.end() + 16]
    return numeric or bool(_month_slots(near)) or re.search(r"يوم\s*$", span[:m.start()]) is not None


def ordinal(day: int) -> str:
    """«الأول» … «العاشر», «الحادي عشر» …, «العشرين», «الحادي والعشرين» … (masculine, with the article)."""
    if day <= 9:
        return ORDINAL_UNITS[day - 1]
    if day == 10:
        return "العاشر"
    unit = "الحادي" if day % 10 == 1 else ORDINAL_UNITS[day % 10 - 1] if day % 10 else ""
    if day < 20:
        return f"{unit} عشر"
    tens = "ال" + TENS[day // 10 * 10]
    return f"{unit} و{tens}" if unit else tens


def _ordinal_slot(span: str, day: int) -> tuple[int, int] | None:
    months = _month_slots(span)
    for m in _words(span, ordinal(day)):
        if not any(m.start() < e and s < m.end() for s, e, _, _ in months) and "كانون" not in span[:m.start()][-7:]:
            return m.span()
    return None


def weekdays(t: Template) -> Iterator[Variant]:
    """Another weekday; a resolved day moves to the same relation with the anchor: in the specs «الأحد
    المقبل» is the Sunday of the next calendar week, in news the first Sunday after the anchor (the eval
    takes either), «الأحد الماضي» and a bare «الأحد» the last Sunday before it."""
    slots = [(m.span(), n) for w, n in WEEKDAYS.items() for m in _words(t.span, w)]
    others = [n for w, n in WEEKDAYS.items() for _ in re.finditer(w, t.text)]
    if len(slots) != 1 or len(others) != 1 or _month_slots(t.span) or re.search(
            r"(^|\s)(أمس|الأمس|اليوم|غدا|غدًا|الغد)(\s|$)|من كل", t.text[max(t.start - 10, 0):t.end + 12]):
        return  # «أمس الاثنين» says its day twice; «الأحد الثاني من كل شهر» is a set
    (s, e), old = slots[0]
    sign = next((v for w, v in {**SHIFTS, **SHIFTS_F}.items() if w in t.span), 0)
    calendar = sign and t.source == "spec" or any(w in t.span for w in ("هذا", "هذه", "الأسبوع"))
    for name, new in WEEKDAYS.items():
        if name == "الإثنين" or t.anchor and new == t.anchor.isoweekday() and not calendar:
            continue  # a bare «الأربعاء» said on a Wednesday: today or a week ago
        yield _in_span(t, "weekday", (s, e), name,
                       lambda x, n=new: _set_weekday(x, old, n, t.anchor, bool(calendar), sign))


def _set_weekday(timex: str, old: int, new: int, anchor: dt.datetime | None, calendar: bool,
                 sign: int) -> str | None:
    if f"WXX-{old}" in timex:
        return timex.replace(f"WXX-{old}", f"WXX-{new}")
    dates = list(DATE.finditer(timex))
    if len(dates) != 1 or anchor is None or "X" in dates[0].group():
        return None
    day = dt.date.fromisoformat(dates[0].group())
    if day.isoweekday() != old:
        return None
    if calendar:  # «الأحد المقبل» in the specs, «هذا الأحد»: the same calendar week as the template's day
        moved = day + dt.timedelta(days=new - old)
    else:  # news: the latest such day before the anchor (or the first after it)
        base = anchor.date()
        step = sign or (-1 if day < base else 1)
        moved = base + dt.timedelta(days=step)
        while moved.isoweekday() != new:
            moved += dt.timedelta(days=step)
    return timex.replace(dates[0].group(), moved.isoformat())


def years(t: Template) -> Iterator[Variant]:
    """Another four-digit year, and «عام/العام/سنة/السنة» before it."""
    source = t.timex or t.own
    found = [m for m in re.finditer(r"(?<![\d\u0660-\u0669])[12][0-9]{3}(?![\d\u0660-\u0669])", t.span)]
    if len(found) != 1 or _has_weekday(t.span) or re.search("الجاري|الحالي", t.span):
        return  # «عام 2015 الجاري» is said in 2015 only
    old = found[0].group()
    if not re.search(rf"(?<![\d-]){old}(?=-|$|,|\))", source) or source.count(old) != 1:
        return
    for year in YEARS:
        yield _in_span(t, "year:digits", found[0].span(), str(year),
                       lambda x, y=year: x.replace(old, str(y)) if not x.startswith("(") else None)
    for head in YEAR_HEADS:
        for m in _words(t.span, "عام"):
            if t.span[m.end():m.end() + 1] == " " and t.span[m.end() + 1:].startswith(old):
                yield _in_span(t, "year:head عام/العام/سنة", m.span(), head, lambda x: x)


def indic_digits(t: Template) -> Iterator[Variant]:
    """All Latin digits of the input as Arabic-Indic ones (offsets unchanged)."""
    if DIGITS.search(t.span) and t.span != t.span.translate(INDIC):
        timex, spec = _expected(t, lambda x: x)
        yield Variant("digits:arabic-indic", t.text.translate(INDIC), [(t.start, t.end)], timex, spec, t.anchor,
                      t.span)


def hours(t: Template) -> Iterator[Variant]:
    """Another hour 1-11 with صباحا / مساء after it."""
    m = re.search(r"(?<![\d:\u0660-\u0669])([0-9\u0660-\u0669]{1,2})((?::\d\d)*)( ?)(صباحا|صباحًا|صباحاً|مساء|مساءً|مساءا)"
                  r"(?![\u0621-\u064a])", t.span)
    source = t.timex or t.own
    if m is None or len(re.findall(r"T\d\d", source)) != 1:
        return
    h = int(m.group(1).translate(LATIN))
    evening = m.group(4).startswith("مساء")
    old = h % 12 + (12 if evening else 0)
    if f"T{old:02d}" not in source:
        return
    parts = [("صباحا", 0), ("مساء", 12)]
    if re.search("غداء|ظهر|ليل|مساء|صباح|عشاء|فجر", t.span[:m.start()] + t.span[m.end():]):
        parts = [(m.group(4), 12 if evening else 0)]  # «وقت الغداء الساعة 1 مساء»: the part stays
    for new in range(1, 12):
        for part, plus in parts:
            value = new + plus
            text = f"{new}{m.group(2)}{m.group(3)}{part}"
            yield _in_span(t, "hour+صباحا/مساء", m.span(), text,
                           lambda x, v=value: x.replace(f"T{old:02d}", f"T{v:02d}"))


def count_phrase(n: int, unit: str) -> str:
    _, _, dual, plural, single, feminine = UNITS[unit]
    if n == 2:
        return dual
    if n <= 10:
        return f"{(CARDINAL_F if feminine else CARDINAL_M)[n]} {plural}"
    if n < 20:
        return f"{'أحد' if n == 11 else (CARDINAL_F if feminine else CARDINAL_M)[n - 10]} {'عشرة' if feminine else 'عشر'} {single}"
    return f"{(CARDINAL_F if feminine else CARDINAL_M)[n % 10]} و{TENS[n // 10 * 10]} {single}" if n % 10 else \
        f"{TENS[n]} {single}"


UNIT_NOUNS = {noun: key for key, (_, _, dual, plural, single, _) in UNITS.items() for noun in (plural, single)}
UNIT_NOUNS |= {"يومًا": "D", "يوماً": "D", "شهور": "M", "سنين": "Ys", "ساعه": "H", "دقيقة": "MIN", "سنوات": "Ys"}
DUAL_NOUNS = {UNITS[k][2]: k for k in UNITS} | {"سنتين": "Ys", "ساعتين": "H"}


def durations(t: Template) -> Iterator[Variant]:
    """«N وحدة»: other counts (digits, words, the dual) and units, value P<n><unit> or the day it leads to."""
    slot = _duration_slot(t.span)
    if slot is None:
        return
    (s, e), n, unit = slot
    source = t.timex or t.own
    letter, time = UNITS[unit][:2]
    if source == f"P{'T' if time else ''}{n}{letter}":
        # after «منذ/قبل/بعد» an hour count is a moment, a day count a stretch: stay on the template's side
        targets = [u for u in UNITS if UNITS[u][1] == time] if re.search("منذ|قبل|بعد", t.text[:t.start + s]) \
            else list(UNITS)
        offset = None
    else:
        offset = _offset_days(source, n, unit, t.anchor)
        if offset is None or t.anchor is None:
            return
        targets = ["D", "W"]

    def rewrite_of(k: int, u: str) -> Callable[[str], str | None]:
        if offset is None:
            return lambda x: f"P{'T' if UNITS[u][1] else ''}{k}{UNITS[u][0]}"
        day = t.anchor.date() + dt.timedelta(days=offset * k * (7 if u == "W" else 1)) if t.anchor else None
        return lambda x: day.isoformat() if day else None
    if offset is None:
        for phrase, k, unit2 in FRACTION_PHRASES:
            if unit2 in targets:
                yield _in_span(t, "duration:fractions", (s, e), phrase,
                               lambda x, k=k, u=unit2: f"P{'T' if UNITS[u][1] else ''}{k}{UNITS[u][0]}")
    for unit2 in targets:
        for k in COUNTS:
            yield _in_span(t, f"duration:{'dual' if k == 2 else 'words'}", (s, e), count_phrase(k, unit2),
                           rewrite_of(k, unit2))
            if k > 2:
                noun = UNITS[unit2][3] if k <= 10 else UNITS[unit2][4]
                yield _in_span(t, "duration:digits", (s, e), f"{k} {noun}", rewrite_of(k, unit2))


def _duration_slot(span: str) -> tuple[tuple[int, int], int, str] | None:
    for noun, unit in DUAL_NOUNS.items():
        for m in _words(span, noun):
            return m.span(), 2, unit
    for noun, unit in UNIT_NOUNS.items():
        for m in _words(span, noun):
            before = span[:m.start()].rstrip()
            d = re.search(r"([0-9\u0660-\u0669]+)$", before)
            if d:
                return (d.start(), m.end()), int(d.group(1).translate(LATIN)), unit
            for k in range(3, 11):
                for form in (CARDINAL_M[k], CARDINAL_F[k], CARDINAL_M[k].replace("ة", "ه")):
                    if before.endswith(form) and (len(before) == len(form) or before[-len(form) - 1] == " "):
                        return (len(before) - len(form), m.end()), k, unit
    return None


def _offset_days(timex: str, n: int, unit: str, anchor: dt.datetime | None) -> int | None:
    """-1 or 1 when ``timex`` is the anchor's day minus or plus ``n`` days/weeks."""
    if anchor is None or unit not in ("D", "W") or not re.fullmatch(r"\d{4}-\d\d-\d\d", timex):
        return None
    days = (dt.date.fromisoformat(timex) - anchor.date()).days
    size = n * (7 if unit == "W" else 1)
    return days // size if days in (size, -size) else None


def relative(t: Template) -> Iterator[Variant]:
    """«الأسبوع/الشهر/العام/السنة الماضي/المقبل…»: same-sign synonyms keep the value; the other units and
    signs take the value computed from the anchor (the span must be that phrase alone)."""
    for head, (_, shifts) in UNIT_SHIFT.items():
        for m in re.finditer(rf"{head} ({'|'.join(shifts)})(?![\u0621-\u064a])", t.span):
            sign = shifts[m.group(1)]
            for word, other in shifts.items():
                if other == sign and word != m.group(1):
                    yield _in_span(t, "relative:synonym", m.span(1), word, lambda x: x)
            if m.span() == (0, len(t.span)):
                yield from _relative_units(t)


def _relative_units(t: Template) -> Iterator[Variant]:
    for head, (unit, shifts) in UNIT_SHIFT.items():
        for word, sign in shifts.items():
            yield _in_span(t, "relative:unit×sign", (0, len(t.span)), f"{head} {word}",
                           lambda x, u=unit, s=sign: _unit_value(u, s, t.anchor) if "X" not in x else UNRESOLVED[u])


UNRESOLVED = {"W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX"}


def _unit_value(unit: str, sign: int, anchor: dt.datetime | None) -> str | None:
    if anchor is None:
        return None
    day = anchor.date()
    if unit == "W":
        year, week, _ = (day + dt.timedelta(days=7 * sign)).isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "M":
        month = day.month - 1 + sign
        return f"{day.year + month // 12}-{month % 12 + 1:02d}"
    return str(day.year + sign)


# ---- context families (outside the span) --------------------------------------------------------------------

def particles(t: Template) -> Iterator[Variant]:
    """«في»/«يوم» before the span dropped or added, و on them, و/ب/ل on the span's first word."""
    before = t.text[:t.start]
    timex, spec = _expected(t, lambda x: x)

    def around(family: str, prefix: str, spans: list[tuple[int, int]]) -> Variant:
        return Variant(family, prefix + t.text[t.start:], spans, timex, spec, t.anchor, t.span)

    first = t.span.split()[0]
    dated = _self_standing(t)
    for word in ("في", "يوم"):
        if before.endswith(f" {word} ") or before == f"{word} ":
            cut = before[:-len(word) - 1]
            if dated:  # without its «في» a bare «15» or «يناير» is no date; «3 أكتوبر 2015» still is
                yield around(f"context:without «{word}»", cut, [(len(cut), len(cut) + t.end - t.start)])
            if word == "في" and _starts_datelike(first):  # «… ، وفي 3 أكتوبر»
                new = before[:-len(word) - 1] + "وفي "
                yield around("context:و+«في»", new, [(len(new), len(new) + t.end - t.start)])
    if before.endswith(" ") and not re.search(r"(في|يوم|منذ|من|إلى|حتى|بين|عند|لمدة|خلال|و) $", before) \
            and _starts_datelike(first) and not (t.timex or t.own).startswith("P"):
        for word in ("في", "يوم") if first in WEEKDAYS else ("في",):
            new = before + word + " "
            k = len(new) - t.start
            yield around(f"context:with «{word}»", new, [(t.start + k, t.end + k), (len(before), t.end + k)])
    if re.match(r"[\u0627-\u064a]+$", first) and first[0] not in "وبلف" and before.endswith(" "):
        for clitic in ("و", "ب", "ل") if first.startswith("ال") and first in WEEKDAYS else ("و",):
            new = before + clitic
            yield around(f"context:{clitic}+span", new, [(t.start, t.end + 1), (t.start + 1, t.end + 1)])


def _starts_datelike(word: str) -> bool:
    """A day number, a month name or a weekday."""
    return bool(DIGITS.fullmatch(word)) or word in WEEKDAYS or bool(_month_slots(word))


def _self_standing(t: Template) -> bool:
    """A date that needs no «في» before it: a month with a day or a year, or a weekday."""
    return bool(_month_slots(t.span)) and bool(DIGITS.search(t.span)) or _has_weekday(t.span)


# ---- more families: hours and minutes in words and digits, years in words, relative days, ago/after,
# weekdays with a shift word, the link between a month and its year, Persian digits -------------------------

HOURS_F = ["الواحدة", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة",
           "العاشرة", "الحادية عشرة"]
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
RELATIVE_DAYS = {"اليوم": 0, "أمس": -1, "الأمس": -1, "البارحة": -1, "غدا": 1, "غدًا": 1, "الغد": 1, "بعد غد": 2,
                 "بعد الغد": 2, "أول أمس": -2, "أول من أمس": -2, "الأول من أمس": -2, "أمس الأول": -2}
UNITS_1_19 = ["", "واحد", "اثنين", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "أحد عشر",
              "اثني عشر", "ثلاثة عشر", "أربعة عشر", "خمسة عشر", "ستة عشر", "سبعة عشر", "ثمانية عشر", "تسعة عشر"]
TENS_W = {2: "عشرين", 3: "ثلاثين", 4: "أربعين", 5: "خمسين", 6: "ستين", 7: "سبعين", 8: "ثمانين", 9: "تسعين"}


def hours_in_words(t: Template) -> Iterator[Variant]:
    """«السابعة», «الساعة الثامنة مساء», «السابعة إلا الربع»: another hour word, the same offset in the TIMEX."""
    source = t.timex or t.own
    slots = [(m.span(), h) for h, w in enumerate(HOURS_F, 1) for m in _words(t.span, w)]
    hours_t = re.findall(r"T(\d\d)", source)
    if len(slots) != 1 or len(hours_t) != 1 or "عشرة" in t.span and slots[0][1] < 11 \
            or re.search("ليل|الليلة", t.span) or re.match(r" و(عشرين|ثلاثين|أربعين|خمسين)", t.span[slots[0][0][1]:]):
        return  # at night the hour moves across 18:00; «الثامنة وعشرين» (8:20) would read «الثانية وعشرين» 22
    (s, e), old = slots[0]
    offset = int(hours_t[0]) - old
    if offset not in (-1, 0, 11, 12):
        return
    for new, word in enumerate(HOURS_F, 1):
        value = new + offset
        if not 0 <= value <= 23 or offset == 12 and new == 12 or offset == 12 and new == 11 and "ظهرا" in t.span:
            continue  # «الحادية عشرة ظهرا» is 11:00 (before noon), not 23:00
        yield _in_span(t, "hour:words", (s, e), word,
                       lambda x, v=value: re.sub(r"T\d\d", f"T{v:02d}", x, count=1))


def minutes(t: Template) -> Iterator[Variant]:
    """«8:00» -> «8:15», «8:30», «8:45», «8:05» (the seconds, if any, kept)."""
    source = t.timex or t.own
    m = re.search(r"(?<![\d:])(\d{1,2}):(\d\d)", t.span)
    if m is None or len(re.findall(r"T\d\d:\d\d", source)) != 1:
        return
    old = m.group(2)
    for new in ("05", "15", "30", "45"):
        if new != old:
            yield _in_span(t, "minutes:digits", m.span(2), new,
                           lambda x, n=new: re.sub(r"(T\d\d):\d\d", rf"\g<1>:{n}", x, count=1))


def year_words(year: int) -> str:
    """«ألفين وخمسة عشر», «ألف وتسعمائة وتسعة وتسعين» (the genitive/accusative forms news uses)."""
    head = "ألفين" if year >= 2000 else "ألف وتسعمائة"
    rest = year % (1000 if year >= 2000 else 100)
    if rest == 0:
        return head
    if rest < 20:
        return f"{head} و{UNITS_1_19[rest]}"
    unit, tens = rest % 10, TENS_W[rest // 10]
    return f"{head} و{UNITS_1_19[unit]} و{tens}" if unit else f"{head} و{tens}"


def years_in_words(t: Template) -> Iterator[Variant]:
    """A year written in words replaced by another one in words."""
    source = t.timex or t.own
    found = sorted(((m.span(), y) for y in range(1950, 2031) for m in _words(t.span, year_words(y))),
                   key=lambda x: x[0][0] - x[0][1])
    if not found or re.search(r"\d{4}", source) is None:
        return
    (s, e), old = found[0]
    if source.count(str(old)) != 1:
        return
    for year in YEARS:
        yield _in_span(t, "year:words", (s, e), year_words(year), lambda x, y=year: x.replace(str(old), str(y)))


def relative_days(t: Template) -> Iterator[Variant]:
    """«أمس» <-> «اليوم», «غدا», «بعد غد», «أول أمس»: the resolved day moves by the difference."""
    slots = [(m.span(), w, n) for w, n in RELATIVE_DAYS.items() for m in _words(t.span, w)]
    slots = [x for x in slots if not any(y[0][0] <= x[0][0] and x[0][1] <= y[0][1] and y != x for y in slots)]
    if len(slots) != 1 or _has_weekday(t.span) or t.anchor is None or re.search("طوال|بقية|باقي|نهاية|قبل|هذا|يوم",
                                                                               t.span.replace(slots[0][1], "")):
        return  # «طوال اليوم», «نهاية اليوم» are other expressions; «يوم أمس», «ليوم الغد» differ in span
    (s, e), word, old = slots[0]
    base = t.anchor.date()
    for new_word, new in RELATIVE_DAYS.items():
        if new_word == word:
            continue
        yield _in_span(t, "relative day", (s, e), new_word, lambda x, n=new: _move_day(x, base, old, n))


def _move_day(timex: str, base: dt.date, old: int, new: int) -> str | None:
    was = (base + dt.timedelta(days=old)).isoformat()
    if "XXXX-XX-XX" in timex:
        return timex
    return timex.replace(was, (base + dt.timedelta(days=new)).isoformat()) if timex.count(was) == 1 else None


def ago_after(t: Template) -> Iterator[Variant]:
    """«قبل/منذ 3 أيام» <-> «بعد 3 أيام» when the value is the day it leads to."""
    m = re.match(r"(قبل|منذ|بعد) ", t.span)
    slot = _duration_slot(t.span)
    if m is None or slot is None or t.anchor is None:
        return
    _, n, unit = slot
    offset = _offset_days(t.timex or t.own, n, unit, t.anchor)
    if offset is None:
        return
    size = n * (7 if unit == "W" else 1)
    for word, sign in (("قبل", -1), ("بعد", 1)):  # not «منذ»: «يعيش منذ يومين» is a stretch of two days
        if word != m.group(1):
            day = (t.anchor.date() + dt.timedelta(days=sign * size)).isoformat()
            yield _in_span(t, "ago/after", m.span(1), word, lambda x, d=day: d)


def weekday_shift(t: Template) -> Iterator[Variant]:
    """A bare weekday span with «الماضي/الفائت» or «المقبل/القادم» after it: news reads the last such day
    before the anchor / the first after it; the specs' «المقبل» is the next calendar week (the eval takes both)."""
    name = t.span.removeprefix("يوم ")
    if name not in WEEKDAYS or t.text[t.end:t.end + 2].strip()[:1] not in ("", ".", "،", ","):
        return
    iso = WEEKDAYS[name]
    for word, sign in (("الماضي", -1), ("الفائت", -1), ("المقبل", 1), ("القادم", 1)):
        span = f"{t.span} {word}"
        text = t.text[:t.start] + span + t.text[t.end:]
        timex = _shifted_weekday(iso, sign, t.anchor, t.timex or t.own)
        yield Variant("weekday+shift", text, [(t.start, t.start + len(span))], timex, t.timex is not None,
                      t.anchor, t.span)


def _shifted_weekday(iso: int, sign: int, anchor: dt.datetime | None, timex: str) -> str | None:
    if "XXXX-WXX" in timex:
        return f"XXXX-WXX-{iso}"
    if anchor is None:
        return None
    day = anchor.date() + dt.timedelta(days=sign)
    while day.isoweekday() != iso:
        day += dt.timedelta(days=sign)
    return day.isoformat()


def year_links(t: Template) -> Iterator[Variant]:
    """«3 أكتوبر 2015» -> «3 أكتوبر من عام 2015», «… عام 2015», «…، 2015», «… من العام 2015»."""
    for _, e, _, _ in _month_slots(t.span):
        m = re.match(r" ([12]\d{3})(?!\d)", t.span[e:])
        if m:
            for link in (" من عام ", " عام ", "، ", " من العام ", " سنة "):
                yield _in_span(t, "year link", (e, e + m.end(1) - len(m.group(1))), link, lambda x: x)


def day_links(t: Template) -> Iterator[Variant]:
    """«3 أكتوبر» -> «3 من أكتوبر», «3 من شهر أكتوبر»; «الثالث من أكتوبر» -> «الثالث من شهر أكتوبر»."""
    slots = _month_slots(t.span)
    if len(slots) != 1:
        return
    s = slots[0][0]
    before = t.span[:s]
    m = re.search(r"([0-9\u0660-\u0669]{1,2}|[\u0621-\u064a]+)( من | )$", before)
    if m is None or not (m.group(1)[0].isdigit() or m.group(2) == " من "
                         or any(before[:m.end(1)].endswith(ordinal(d)) for d in range(1, 32))):
        return
    if m.group(1) in ("شهر", "هذا", "منذ", "في", "من", "يوم") or m.group(1) in WEEKDAYS:
        return
    for link in (" من ", " من شهر "):
        if link != m.group(2):
            yield _in_span(t, "day link «من (شهر)»", m.span(2), link, lambda x: x)


def separators(t: Template) -> Iterator[Variant]:
    """«3 أكتوبر 2015» -> «03 أكتوبر 2015», «3-أكتوبر-2015», «3 أكتوبر، 2015»."""
    slots = _month_slots(t.span)
    if len(slots) != 1 or "/" in t.span:
        return
    s, e = slots[0][:2]
    m = re.match(r"(?:.*\s)?([0-9]{1,2}) $", t.span[:s])
    y = re.match(r" ([12]\d{3})(?!\d)", t.span[e:])
    if m is None:
        return
    if len(m.group(1)) == 1:
        yield _in_span(t, "separators", m.span(1), "0" + m.group(1), lambda x: x)
    if y is not None:
        yield _in_span(t, "separators", (m.start(1), e + y.end()), f"{m.group(1)}-{t.span[s:e]}-{y.group(1)}",
                       lambda x: x)


HIJRI_ALT = {4: "ربيع الثاني", 5: "جمادى الأول", 6: "جمادى الثانية", 11: "ذي القعدة", 12: "ذي الحجة"}


def hijri_dates(t: Template) -> Iterator[Variant]:
    """«20 ذي الحجة 1436 هـ»: another day, month (also «ذي …», «ربيع الثاني») and year; the value is the
    Gregorian day (hijridate, Umm al-Qura)."""
    from hijridate import Hijri

    names = sorted([(n, i + 1) for i, n in enumerate(HIJRI)] + [(n, m) for m, n in HIJRI_ALT.items()]
                   + [("ذي القعدة", 11), ("ذي الحجة", 12)], key=lambda x: -len(x[0]))
    m = re.search(rf"([0-9\u0660-\u0669]{{1,2}}) ({'|'.join(n for n, _ in names)}) ([0-9]{{4}}) ?هـ", t.span)
    if m is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", t.timex or t.own):
        return
    month_names = [n for n, _ in names]
    for day, month, year in ((d, mo, y) for d in (1, 9, 15, 29) for mo in range(1, 13) for y in (1430, 1436, 1445)):
        for name in [n for n in month_names if dict(names)[n] == month]:
            text = f"{day} {name} {year} هـ"
            value = Hijri(year, month, day).to_gregorian().isoformat()
            yield _in_span(t, "hijri date", m.span(), text[:-1] if not m.group(0).endswith("هـ") else text,
                           lambda x, v=value: v)


def persian_digits(t: Template) -> Iterator[Variant]:
    """All Latin digits as Persian/Urdu ones «۰-۹» (offsets unchanged)."""
    if DIGITS.search(t.span) and re.search(r"[0-9]", t.span):
        timex, spec = _expected(t, lambda x: x)
        yield Variant("digits:persian", t.text.translate(PERSIAN), [(t.start, t.end)], timex, spec, t.anchor,
                      t.span)


WEEDAY_SET = set(WEEKDAYS)
FAMILIES: list[Callable[[Template], Iterator[Variant]]] = [
    month_names, hijri_months, day_numbers, weekdays, years, indic_digits, hours, durations, relative, particles,
    hours_in_words, minutes, years_in_words, relative_days, ago_after, weekday_shift, year_links, persian_digits,
    day_links, hijri_dates, separators]


# ---- generated families: times of day and date+time from Arabic time grammar (not from templates) ----------
# Each variant is built from a grammar of clock expressions with its value derived mechanically; a part in
# «[…]» at either end of an expression may be inside or outside the span (both accepted, the outermost
# first): «في» before a time is outside in the specs («في السابعة» -> «السابعة») but inside between a date and
# its time; «الساعة» is inside; «حوالي/نحو/قرابة» are inside in the dev specs, but only within a date+time
# (2 cases: «الليلة حوالي الساعة 7», «يوم 14 أكتوبر حوالي الساعة 8:00 صباحًا»), a standalone one is left out
# by tests/test_dates_resolution.py; «تمام/تماما/بالضبط» are not marked there: either span is accepted.

GEN_ANCHOR = dt.datetime(2016, 11, 7, 16, 12)  # a Monday, the specs' usual reference moment
GEN_FRAMES = ["سأعود {}", "بدأ الاجتماع {} في مقر الوزارة", "وقال المتحدث إن الانفجار وقع {} قرب السوق"]
HOURS_FW = ["الواحدة", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة",
            "العاشرة", "الحادية عشرة", "الثانية عشرة"]
HOURS_ALT = {11: "الحادية عشر", 12: "الثانية عشر"}
HOURS_CARD = ["واحدة", "اثنتين", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "إحدى عشرة",
              "اثنتي عشرة"]
# (minutes, text after the hour)
MINUTE_WORDS = [(40, "وأربعون دقيقة"), (40, "وأربعين دقيقة"), (40, "و40 دقيقة"), (40, "و 40 دقيقة"), (5, "وخمس دقائق"),
                (5, "و خمس دقائق"), (10, "وعشر دقائق"), (20, "وعشرون دقيقة"), (20, "وعشرين دقيقة"),
                (25, "وخمس وعشرون دقيقة"), (25, "وخمسة وعشرين دقيقة"), (35, "و35 دقيقة"), (50, "وخمسين دقيقة"),
                (20, "وعشرين"), (10, "وعشر دقائق")]
FRACTIONS = [(30, "والنصف"), (30, "ونصف"), (15, "والربع"), (15, "وربع"), (20, "والثلث"), (20, "وثلث"),
             (-15, "إلا ربعا"), (-15, "إلا الربع"), (-15, "إلا ربع"), (-20, "إلا ثلثا"), (-20, "إلا الثلث"),
             (-10, "إلا عشر دقائق"), (-5, "إلا خمس دقائق"), (-20, "إلا عشرين دقيقة"), (-10, "إلا 10 دقائق")]
# (day part after the hour, hours it is said with, hour -> 24-hour clock)
PARTS: list[tuple[str, range | list[int], Callable[[int], int]]] = [
    ("صباحا", range(1, 12), lambda h: h), ("صباحًا", range(1, 12), lambda h: h), ("ص", range(1, 12), lambda h: h),
    ("مساء", range(1, 12), lambda h: h + 12), ("مساءً", range(1, 12), lambda h: h + 12),
    ("م", range(1, 12), lambda h: h + 12), ("ظهرا", [11, 12, 1, 2, 3], lambda h: h if h >= 11 else h + 12),
    ("بعد الظهر", range(1, 6), lambda h: h + 12), ("عصرا", [3, 4, 5], lambda h: h + 12),
    ("ليلا", [8, 9, 10, 11, 12, 1, 2], lambda h: h + 12 if 6 <= h < 12 else (0 if h == 12 else h)),
    ("فجرا", [3, 4, 5], lambda h: h), ("في الصباح", range(6, 12), lambda h: h),
    ("في المساء", range(5, 12), lambda h: h + 12), ("من صباح اليوم", range(6, 12), lambda h: h),
    ("من مساء اليوم", range(5, 12), lambda h: h + 12)]
NAMED_TIMES = [("منتصف الليل", "T00"), ("الظهر", "T12"), ("الظهيرة", "T12"), ("منتصف النهار", "T12")]
APPROX = ["حوالي", "نحو", "قرابة", "تقريبا"]
EXACT = ["تماما", "بالضبط", "تمامًا"]
GEN_DAYS = [("اليوم", "2016-11-07"), ("غدا", "2016-11-08"), ("أمس", "2016-11-06"), ("بعد غد", "2016-11-09"),
            ("يوم الجمعة", "XXXX-WXX-5"), ("الجمعة", "XXXX-WXX-5"), ("يوم الأحد", "XXXX-WXX-7"),
            ("الخميس", "XXXX-WXX-4"), ("يوم 15 أكتوبر", "XXXX-10-15"), ("3 مارس 2017", "2017-03-03")]
GEN_DAYS_AFTER = [("اليوم", "2016-11-07"), ("غد", "2016-11-08"), ("الغد", "2016-11-08"), ("أمس", "2016-11-06"),
                  ("يوم الجمعة", "XXXX-WXX-5"), ("الأحد", "XXXX-WXX-7"), ("يوم 15 أكتوبر", "XXXX-10-15")]
# day parts before a day («صباح الأحد») and the hours they take
PART_BEFORE = [("صباح", range(6, 12), lambda h: h), ("مساء", range(5, 12), lambda h: h + 12),
               ("ظهر", [12, 1, 2], lambda h: h if h == 12 else h + 12)]


def _hhmm(h: int, m: int | None = None) -> str:
    if m is not None and m < 0:
        h, m = (h - 1) % 24, 60 + m
    return f"T{h:02d}" if m is None else f"T{h:02d}:{m:02d}"


def _gen(family: str, expr: str, timex: str, frames: list[str] | None = None) -> Iterator[Variant]:
    """One variant per frame; «[…]» parts at either end of ``expr`` may be in or out of the span."""
    lead = re.match(r"(?:\[[^\]]*\])*", expr).group()  # type: ignore[union-attr]
    trail = re.search(r"(?:\[[^\]]*\])*$", expr).group()  # type: ignore[union-attr]
    core = expr[len(lead):len(expr) - len(trail)]
    leads, trails = re.findall(r"\[([^\]]*)\]", lead), re.findall(r"\[([^\]]*)\]", trail)
    plain = "".join(leads) + core + "".join(trails)
    for frame in frames or GEN_FRAMES:
        base = frame.index("{}")
        starts = [base + len("".join(leads[:i])) for i in range(len(leads) + 1)]
        core_end = base + len("".join(leads)) + len(core)
        ends = [core_end + len("".join(trails[:i])) for i in range(len(trails), -1, -1)]
        spans = [(s, e) for s in starts for e in ends]
        yield Variant(family, frame.format(plain), spans, timex, True, GEN_ANCHOR, expr)


def gen_hours() -> Iterator[Variant]:
    """«في الثامنة», «الساعة الثامنة», «الساعة ثمانية», «الساعة 8», «على/عند الساعة 8»."""
    for h in range(1, 13):
        words = [HOURS_FW[h - 1]] + ([HOURS_ALT[h]] if h in HOURS_ALT else [])
        for w in words:
            yield from _gen("gen:hour ordinal", f"[في ]{w}", _hhmm(h))
            yield from _gen("gen:hour ordinal", f"[عند ]الساعة {w}", _hhmm(h))
        yield from _gen("gen:hour cardinal", f"الساعة {HOURS_CARD[h - 1]}", _hhmm(h))
        yield from _gen("gen:hour digits", f"الساعة {h}", _hhmm(h))
        yield from _gen("gen:hour digits", f"[على ]الساعة {h}", _hhmm(h))
    for h, m in ((20, 30), (14, 0), (9, 15), (23, 45), (0, 30), (17, 5)):
        yield from _gen("gen:24-hour", f"[في ]{h}:{m:02d}", _hhmm(h, m))
        yield from _gen("gen:24-hour", f"الساعة {h}:{m:02d}", _hhmm(h, m))
    for h in (13, 15, 18, 20, 22):
        yield from _gen("gen:24-hour", f"الساعة {h}", _hhmm(h))


def gen_minutes() -> Iterator[Variant]:
    """«8:40», «الثامنة وأربعون دقيقة», «الثامنة و40 دقيقة», «الثامنة و خمس دقائق», fractions and «إلا»."""
    for h in (1, 3, 8, 10, 11):
        for m in (5, 40):
            yield from _gen("gen:minutes digits", f"[في ]{h}:{m:02d}", _hhmm(h, m))
            yield from _gen("gen:minutes digits", f"الساعة {h}:{m:02d}", _hhmm(h, m))
        for m, words in MINUTE_WORDS:
            yield from _gen("gen:minutes words", f"[في ]{HOURS_FW[h - 1]} {words}", _hhmm(h, m))
            yield from _gen("gen:minutes words", f"الساعة {HOURS_FW[h - 1]} {words}", _hhmm(h, m))
        for m, words in FRACTIONS:
            yield from _gen("gen:fractions", f"[في ]{HOURS_FW[h - 1]} {words}", _hhmm(h, m))
            yield from _gen("gen:fractions", f"الساعة {HOURS_FW[h - 1]} {words}", _hhmm(h, m))


def gen_dayparts() -> Iterator[Variant]:
    """The part of the day after the hour and its effect on it; named times; the hour in digits too."""
    for part, hours_, to24 in PARTS:
        for h in hours_:
            yield from _gen(f"gen:daypart {part}", f"[في ]{HOURS_FW[h - 1]} {part}", _hhmm(to24(h)))
            yield from _gen(f"gen:daypart {part}", f"الساعة {h} {part}", _hhmm(to24(h)))
            if h in (8, 3):
                yield from _gen(f"gen:daypart {part}", f"[في ]{h}:30 {part}", _hhmm(to24(h), 30))
                yield from _gen(f"gen:daypart {part}", f"[في ]{HOURS_FW[h - 1]} والنصف {part}", _hhmm(to24(h), 30))
    for name, timex in NAMED_TIMES:
        for prep in ("عند", "في", "قرابة"):
            if (prep, name) != ("في", "الظهر"):  # also «in the back» («أصيب في الظهر»)
                yield from _gen("gen:named time", f"[{prep} ]{name}", timex)


def gen_approx() -> Iterator[Variant]:
    """«حوالي/نحو/قرابة الساعة الثامنة», «الساعة الثامنة تماما/بالضبط»."""
    for h in (2, 8, 11):
        for word in APPROX[:3]:
            yield from _gen("gen:approx", f"[{word} ]الساعة {HOURS_FW[h - 1]}", _hhmm(h))
            yield from _gen("gen:approx", f"[{word} ]الساعة {h} مساء", _hhmm(h + 12))
            yield from _gen("gen:approx", f"[في ][{word} ]{HOURS_FW[h - 1]} صباحا", _hhmm(h))
        yield from _gen("gen:approx", f"الساعة {HOURS_FW[h - 1]}[ تقريبا]", _hhmm(h))
        for word in EXACT:
            yield from _gen("gen:exact", f"الساعة {HOURS_FW[h - 1]}[ {word}]", _hhmm(h))
            yield from _gen("gen:exact", f"[في ]{HOURS_FW[h - 1]} مساء[ {word}]", _hhmm(h + 12))
            yield from _gen("gen:exact", f"الساعة {h}:15[ {word}]", _hhmm(h, 15))


def gen_date_time() -> Iterator[Variant]:
    """A day then its time and a time then its day, with «في/عند/على» between; «صباح الأحد الساعة العاشرة»."""
    times = [("الساعة 8 مساء", 20, None), ("الثالثة عصرا", 15, None), ("الساعة العاشرة صباحا", 10, None),
             ("السابعة والنصف مساء", 19, 30), ("الساعة 9:15 صباحا", 9, 15)]
    for day, dvalue in GEN_DAYS:
        for text, h, m in times:
            value = dvalue + _hhmm(h, m)
            for prep in ("", "في ", "عند ", "على "):
                if prep == "على " and not text.startswith("الساعة"):
                    continue
                yield from _gen("gen:date time", f"{day} {prep}{text}", value)
            yield from _gen("gen:date time", f"{day}، {text}", value)
    for day, dvalue in GEN_DAYS_AFTER:
        for text, h, m in times:
            yield from _gen("gen:time date", f"[في ]{text} {day}", dvalue + _hhmm(h, m))
            yield from _gen("gen:time date", f"[في ]{text} من {day}", dvalue + _hhmm(h, m))
    for part, hours_, to24 in PART_BEFORE:
        for day, dvalue in (("الأحد", "XXXX-WXX-7"), ("اليوم", "2016-11-07"), ("الغد", "2016-11-08"),
                            ("أمس", "2016-11-06"), ("يوم الخميس", "XXXX-WXX-4")):
            for h in list(hours_)[:3]:
                for prep in ("", "في ", "عند "):
                    yield from _gen("gen:part day time", f"{part} {day} {prep}الساعة {HOURS_FW[h - 1]}",
                                    dvalue + _hhmm(to24(h)))
                    yield from _gen("gen:part day time", f"{part} {day} {prep}{HOURS_FW[h - 1]}" if prep else
                                    f"{part} {day} الساعة {h}", dvalue + _hhmm(to24(h)))
                yield from _gen("gen:time part day", f"[في ]{HOURS_FW[h - 1]} من {part} {day}", dvalue + _hhmm(to24(h)))
                yield from _gen("gen:time part day", f"الساعة {h} {part} {day}", dvalue + _hhmm(to24(h)))
    for day, iso in (("الخميس", 4), ("الجمعة", 5), ("السبت", 6), ("الأحد", 7)):
        yield from _gen("gen:night of", f"ليلة {day}", f"XXXX-WXX-{iso}TNI")
    for part, hours_, to24 in (("ظهر", [12, 1, 2], lambda h: h if h == 12 else h + 12),
                               ("عصر", [3, 4, 5], lambda h: h + 12), ("فجر", [3, 4, 5], lambda h: h)):
        for day, dvalue in (("الغد", "2016-11-08"), ("اليوم", "2016-11-07"), ("الجمعة", "XXXX-WXX-5")):
            for h in hours_:
                yield from _gen("gen:digit part-of day", f"{h} {part} {day}", dvalue + _hhmm(to24(h)),
                                ["سأعود {}", "سأعود {} إلى المكتب"])
                yield from _gen("gen:digit part-of day", f"[في ]{h} {part} {day}", dvalue + _hhmm(to24(h)),
                                ["وصل الوفد {}", "بدأ الاجتماع {} في مقر الوزارة"])


def gen_ranges() -> Iterator[Variant]:
    """«من الثامنة حتى العاشرة», «بين 8 و10 صباحا», «من 8:00 إلى 10:30»."""
    for a, b in ((8, 10), (3, 5), (9, 11), (1, 4)):
        pm = 12 if a < 6 else 0
        for to in ("حتى", "إلى", "الى", "وحتى"):
            yield from _gen("gen:range words", f"من {HOURS_FW[a - 1]} {to} {HOURS_FW[b - 1]}", f"(T{a:02d},T{b:02d})")
            yield from _gen("gen:range words", f"من الساعة {HOURS_FW[a - 1]} {to} الساعة {HOURS_FW[b - 1]}",
                            f"(T{a:02d},T{b:02d})")
            yield from _gen("gen:range digits", f"من {a}:00 {to} {b}:30", f"(T{a:02d}:00,T{b:02d}:30)")
            part, add = ("مساء", 12) if pm else ("صباحا", 0)
            yield from _gen("gen:range+part", f"من {a} {to} {b} {part}", f"(T{a + add:02d},T{b + add:02d})")
            yield from _gen("gen:range+part", f"من {HOURS_FW[a - 1]} {to} {HOURS_FW[b - 1]} {part}",
                            f"(T{a + add:02d},T{b + add:02d})")
        part, add = ("مساء", 12) if pm else ("صباحا", 0)
        for sep in ("و", "و "):
            yield from _gen("gen:range between", f"بين {a} {sep}{b} {part}", f"(T{a + add:02d},T{b + add:02d})")
            yield from _gen("gen:range between", f"بين الساعة {a} {sep}{b} {part}", f"(T{a + add:02d},T{b + add:02d})")
            yield from _gen("gen:range between", f"بين {HOURS_FW[a - 1]} {sep}{HOURS_FW[b - 1]} {part}",
                            f"(T{a + add:02d},T{b + add:02d})")
        for day, value, plus in (("الليلة", "2016-11-07", 12 if a >= 6 else 0), ("صباح الغد", "2016-11-08", 0),
                                 ("مساء الجمعة", "XXXX-WXX-5", 12), ("مساء اليوم", "2016-11-07", 12)):
            if plus == 0 and day != "الليلة" and a < 6 or plus and a >= 12:
                continue  # «صباح الغد من 1 إلى 4» is no morning
            yield from _gen("gen:part+range", f"{day} من {a} إلى {b}", f"({value}T{a + plus:02d},{value}T{b + plus:02d})")
            yield from _gen("gen:part+range", f"{day} من {HOURS_FW[a - 1]} حتى {HOURS_FW[b - 1]}",
                            f"({value}T{a + plus:02d},{value}T{b + plus:02d})")
            yield from _gen("gen:part+range", f"{day} بين {a} و {b}", f"({value}T{a + plus:02d},{value}T{b + plus:02d})")
        yield from _gen("gen:range+day", f"غدا من {a} إلى {b} {part}",
                        f"(2016-11-08T{a + add:02d},2016-11-08T{b + add:02d})")
        yield from _gen("gen:range+day", f"يوم الجمعة بين الساعة {a} و{b} {part}",
                        f"(XXXX-WXX-5T{a + add:02d},XXXX-WXX-5T{b + add:02d})")


# (minutes, count phrase) before «قبل/بعد» an hour: «عشر دقائق قبل الثامنة» 07:50, «ربع ساعة بعد الثامنة» 08:15
MINUTES_OFF = [(10, "عشر دقائق"), (20, "عشرين دقيقة"), (20, "20 دقيقة"), (5, "خمس دقائق"), (3, "ثلاث دقائق"),
               (15, "ربع ساعة"), (30, "نصف ساعة"), (25, "25 دقيقة")]
# day parts written with tanween or its alif (the same hours as their plain forms in PARTS)
TANWEEN_PARTS = {"صباحاً": "صباحا", "مساءاً": "مساء", "مساءً": "مساء", "ليلاً": "ليلا", "عصراً": "عصرا",
                 "ظهراً": "ظهرا", "فجراً": "فجرا"}


def gen_minutes_off() -> Iterator[Variant]:
    """«N دقيقة قبل/بعد الثامنة», «ربع ساعة قبل الثامنة مساء»: minutes to or past the hour."""
    for h in (2, 5, 8, 11):
        for m, phrase in MINUTES_OFF:
            yield from _gen("gen:minutes to/past", f"{phrase} قبل {HOURS_FW[h - 1]}", _hhmm(h, -m))
            yield from _gen("gen:minutes to/past", f"{phrase} بعد {HOURS_FW[h - 1]}", _hhmm(h, m))
            yield from _gen("gen:minutes to/past", f"{phrase} قبل الساعة {h} مساء", _hhmm(h + 12, -m))
            yield from _gen("gen:minutes to/past", f"{phrase} بعد {HOURS_FW[h - 1]} مساء", _hhmm(h + 12, m))


def gen_spoken() -> Iterator[Variant]:
    """«الساعة 12 منتصف الليل/النهار», «الساعة 7 ونص», day parts with tanween («ليلاً», «مساءاً»)."""
    for word, timex in (("منتصف الليل", "T00"), ("منتصف النهار", "T12"), ("ظهرا", "T12")):
        yield from _gen("gen:12 with its part", f"الساعة 12 {word}", timex)
        yield from _gen("gen:12 with its part", f"[في ]الثانية عشرة {word}", timex)
    for h in (1, 7, 10):
        for art in ("الـ", "ال"):
            yield from _gen("gen:spoken article", f"الساعة {art}{h}", _hhmm(h))
            yield from _gen("gen:spoken article", f"الساعة {art}{h} مساء", _hhmm(h + 12))
        for frac, m in (("و نصف", 30), ("و النصف", 30), ("و ربع", 15), ("و الربع", 15)):
            yield from _gen("gen:spoken half", f"الساعة {h} {frac}", _hhmm(h, m))
            yield from _gen("gen:spoken half", f"الساعة {HOURS_FW[h - 1]} {frac}", _hhmm(h, m))
        if h >= 7:
            yield from _gen("gen:spoken half", f"الساعة {h} بالليل", _hhmm(h + 12))
        yield from _gen("gen:spoken half", f"الساعة {h} ونص", _hhmm(h, 30))
        yield from _gen("gen:spoken half", f"الساعة {HOURS_FW[h - 1]} ونص", _hhmm(h, 30))
    for part, plain in TANWEEN_PARTS.items():
        _, hours_, to24 = next(x for x in PARTS if x[0] == plain)
        for h in hours_:
            yield from _gen("gen:daypart tanween", f"[في ]{HOURS_FW[h - 1]} {part}", _hhmm(to24(h)))
            yield from _gen("gen:daypart tanween", f"الساعة {h} {part}", _hhmm(to24(h)))


def gen_more_links() -> Iterator[Variant]:
    """«في حوالي/تمام السابعة», «الثالثة من بعد الظهر/من المساء», «يوم 15 في السابعة», «غدا صباحا في الثامنة»."""
    for h in (3, 7, 9, 11):
        yield from _gen("gen:approx", f"[في ][حوالي ]{HOURS_FW[h - 1]}", _hhmm(h))
        yield from _gen("gen:approx", f"[حوالي ]{HOURS_FW[h - 1]}", _hhmm(h))
        yield from _gen("gen:alarm", f"{HOURS_FW[h - 1]}", _hhmm(h), ["ضبط المنبه على {}", "اضبط المنبه على {} من فضلك"])
        yield from _gen("gen:alarm", f"{h}", _hhmm(h), ["ضبط المنبه على {}", "اضبط المنبه على {} من فضلك"])
        card = CARDINAL_M[h] if h <= 10 else "أحد عشر"
        for m in (40, 50):  # not «ثلاثة وعشرين»: 03:20 or 23:00
            yield from _gen("gen:alarm", f"{card} و{TENS_W[m // 10]}", _hhmm(h, m),
                            ["ضبط المنبه على {}", "اضبط المنبه على {} من فضلك"])
    for text, timex in (("الساعة 12 صباحا", "T00"), ("الساعة 12:30 صباحا", "T00:30"), ("12 ليلا", "T00"),
                        ("الثانية عشرة ليلا", "T00"), ("الساعة 12 ظهرا", "T12"), ("12:15 ظهرا", "T12:15")):
        yield from _gen("gen:12 with its part", text, timex)
        yield from _gen("gen:exact", f"[في ][تمام ]{HOURS_FW[h - 1]}", _hhmm(h))
        yield from _gen("gen:exact", f"[في ][تمام ]الساعة {HOURS_FW[h - 1]}", _hhmm(h))
    for part, to24 in (("من بعد الظهر", lambda h: h + 12), ("من المساء", lambda h: h + 12),
                       ("من الصباح", lambda h: h), ("من الليل", lambda h: h + 12 if h >= 6 else h)):
        for h in (2, 5, 7, 10):
            if part == "من بعد الظهر" and h > 5 or part == "من الصباح" and h < 5:
                continue
            yield from _gen(f"gen:daypart {part}", f"[في ]{HOURS_FW[h - 1]} {part}", _hhmm(to24(h)))
            yield from _gen(f"gen:daypart {part}", f"الساعة {h} {part}", _hhmm(to24(h)))
    for d in (3, 15, 28):
        for time, h in (("في السابعة", 7), ("عند الساعة 8", 8), ("الساعة 8 مساء", 20), ("في الثالثة عصرا", 15)):
            yield from _gen("gen:day number time", f"يوم {d} {time}", f"XXXX-XX-{d:02d}{_hhmm(h)}")
            lead = time.split()[0] if time.split()[0] in ("في", "عند") else ""
            yield from _gen("gen:day number time", f"[{lead} ]{time.removeprefix(lead + ' ')} يوم {d}" if lead
                            else f"{time} يوم {d}", f"XXXX-XX-{d:02d}{_hhmm(h)}")
    for day, value in (("غدا", "2016-11-08"), ("اليوم", "2016-11-07"), ("الجمعة", "XXXX-WXX-5"),
                       ("يوم الأحد", "XXXX-WXX-7")):
        for part, add in (("صباحا", 0), ("مساء", 12)):
            for prep in ("في ", "عند ", "عند الساعة ", "في الساعة ", "الساعة "):
                yield from _gen("gen:day part-word time", f"{day} {part} {prep}{HOURS_FW[8]}",
                                f"{value}{_hhmm(9 + add)}")


# ---- generated families: date+time, relative days with day parts, shifts from an anchor word, date ranges,
# period words with ordinals and edges, sets, holidays (the grammar the Recognizers-Text Arabic cases
# exercise; values computed here with datetime arithmetic from GEN_ANCHOR, never by marsad.dates) -------------

GEN_DAY = GEN_ANCHOR.date()
# relative day words and their offset from the anchor day
REL_DAYS = [("اليوم", 0), ("غدا", 1), ("غدًا", 1), ("أمس", -1), ("بعد غد", 2), ("أول أمس", -2), ("البارحة", -1)]
# the same days after a part of the day or «من» («صباح الغد», «مساء أمس»)
REL_DAYS_GEN = [("اليوم", 0), ("الغد", 1), ("أمس", -1), ("الأمس", -1), ("بعد غد", 2), ("أول أمس", -2)]
WEEKDAY_NAMES = [("الاثنين", 1), ("الثلاثاء", 2), ("الأربعاء", 3), ("الخميس", 4), ("الجمعة", 5), ("السبت", 6),
                 ("الأحد", 7)]
# a part of the day before its day («صباح الغد») and after it («غدا صباحا»), with its TIMEX part
PART_NOUNS = [("صباح", "MO"), ("مساء", "EV"), ("ليلة", "NI"), ("بعد ظهر", "AF")]
PART_ADVERBS = [("صباحا", "MO"), ("صباحًا", "MO"), ("مساء", "EV"), ("مساءً", "EV"), ("ليلا", "NI"),
                ("بعد الظهر", "AF"), ("في الصباح", "MO"), ("في المساء", "EV")]
# clock expressions and their 24-hour value (hour, minutes or None)
CLOCKS = [("الساعة 8 مساء", 20, None), ("الساعة 8 مساءً", 20, None), ("8 مساء", 20, None),
          ("الساعة العاشرة صباحا", 10, None), ("التاسعة صباحًا", 9, None), ("الساعة 7:30 صباحا", 7, 30),
          ("الخامسة والنصف مساء", 17, 30), ("الساعة 4 عصرا", 16, None), ("الثالثة بعد الظهر", 15, None),
          ("الساعة 11:45 مساء", 23, 45), ("الساعة 14:00", 14, 0), ("الساعة الثانية عشرة ظهرا", 12, None)]
# dates written with a day, their value (XXXX when the year is not said)
DATES = [("15 أكتوبر", "XXXX-10-15"), ("يوم 15 أكتوبر", "XXXX-10-15"), ("3 مارس 2017", "2017-03-03"),
         ("الخامس من مارس", "XXXX-03-05"), ("1 يناير 2016", "2016-01-01"), ("21/4/2016", "2016-04-21"),
         ("2016-12-22", "2016-12-22"), ("الأول من يناير", "XXXX-01-01"), ("[يوم ]الجمعة 4 نوفمبر 2016", "2016-11-04")]
DATETIME_LINKS = ["", "في ", "عند ", "، ", "على "]


def _day(offset: int) -> str:
    return (GEN_DAY + dt.timedelta(days=offset)).isoformat()


def _clock_ok(link: str, clock: str) -> bool:
    """«على» only before «الساعة» («على الساعة 8»); «في/عند 8 مساء» reads as a count too: keep «الساعة» there."""
    return link != "على " or clock.startswith("الساعة")


def gen_day_time_forms() -> Iterator[Variant]:
    """Relative days, weekdays and written dates with a clock, the day first or the clock first, linked by
    nothing, «في», «عند», «،», «على» (day first) or «من», «يوم», «،» (clock first)."""
    days = [(w, _day(o)) for w, o in REL_DAYS] + [(w, f"XXXX-WXX-{i}") for w, i in WEEKDAY_NAMES[::2]] + \
           [(f"يوم {w}", f"XXXX-WXX-{i}") for w, i in WEEKDAY_NAMES[1::3]] + DATES
    for day, value in days:
        for clock, h, m in CLOCKS:
            for link in DATETIME_LINKS:
                if _clock_ok(link, clock):
                    yield from _gen("gen:dt day+time", f"{day} {link}{clock}".replace(" ، ", "، ").replace("  ", " "),
                                    value + _hhmm(h, m))
    after = [(w, _day(o)) for w, o in REL_DAYS_GEN if w != "الأمس"] + \
            [(w, f"XXXX-WXX-{i}") for w, i in WEEKDAY_NAMES[1::2]] + DATES[:6]
    for day, value in after:
        for clock, h, m in CLOCKS:
            for link in ("", "من ", "، ") + (("يوم ",) if not day.startswith(("يوم", "ال", "أ", "ب")) or
                                               day in [w for w, _ in WEEKDAY_NAMES] else ()):
                if link == "من " and day[0].isdigit():
                    continue  # «8 مساء من 15 أكتوبر» is said, but «من 3 مارس» also starts a range
                yield from _gen("gen:dt time+day", f"[في ]{clock} {link}{day}".replace(" ، ", "، "),
                                value + _hhmm(h, m))


def gen_day_parts() -> Iterator[Variant]:
    """«صباح الغد», «مساء أمس», «ليلة الجمعة», «غدا مساء», «الخميس صباحا», «صباح يوم الأحد», «هذا المساء»."""
    for day, offset in REL_DAYS_GEN:
        for noun, part in PART_NOUNS:
            yield from _gen("gen:part of day", f"[في ]{noun} {day}", f"{_day(offset)}T{part}")
    for day, offset in REL_DAYS:
        if day in ("البارحة",):
            continue
        for adv, part in PART_ADVERBS:
            yield from _gen("gen:day then part", f"{day} {adv}", f"{_day(offset)}T{part}")
    for wd, iso in WEEKDAY_NAMES:
        for noun, part in PART_NOUNS:
            yield from _gen("gen:part of weekday", f"[في ]{noun} {wd}", f"XXXX-WXX-{iso}T{part}")
            yield from _gen("gen:part of weekday", f"[في ]{noun} يوم {wd}", f"XXXX-WXX-{iso}T{part}")
        for adv, part in PART_ADVERBS:
            yield from _gen("gen:weekday then part", f"{wd} {adv}", f"XXXX-WXX-{iso}T{part}")
            yield from _gen("gen:weekday then part", f"[يوم ]{wd} {adv}", f"XXXX-WXX-{iso}T{part}")
    for date, value in DATES[:6]:
        for noun, part in PART_NOUNS:
            yield from _gen("gen:part of a date", f"[في ]{noun} {date}", f"{value.replace('[يوم ]', '')}T{part}")
            yield from _gen("gen:part of a date", f"{noun} {date} الساعة 8", value + ("T08" if part == "MO" else "T20"))
    for text, offset, part in (("هذا الصباح", 0, "MO"), ("هذا المساء", 0, "EV"), ("الليلة", 0, "NI"),
                               ("هذه الليلة", 0, "NI"), ("الليلة الماضية", -1, "NI"), ("الليلة القادمة", 1, "NI"),
                               ("ليلة أمس", -1, "NI"), ("صباح اليوم", 0, "MO"), ("مساء اليوم", 0, "EV"),
                               ("ظهر اليوم", 0, "AF"), ("بعد ظهر اليوم", 0, "AF"), ("هذه الظهيرة", 0, "AF")):
        yield from _gen("gen:this part", f"[في ]{text}", f"{_day(offset)}T{part}")
    for text, value in (("نهاية اليوم", _day(0)), ("نهاية الغد", _day(1)), ("نهاية يوم الأحد", "XXXX-WXX-7"),
                        ("نهاية يوم الجمعة", "XXXX-WXX-5"), ("نهاية يوم أمس", _day(-1))):
        yield from _gen("gen:end of day", f"[في ]{text}", f"{value}T23:59")


COUNT_UNITS = {"D": ("يوم", "يومين", "أيام"), "W": ("أسبوع", "أسبوعين", "أسابيع")}
COUNT_WORDS = {3: "ثلاثة", 4: "أربعة", 5: "خمسة", 7: "سبعة", 10: "عشرة"}


def _count(n: int, unit: str, words: bool) -> str:
    one, two, many = COUNT_UNITS[unit]
    if n == 1:
        return one
    if n == 2:
        return two
    return f"{COUNT_WORDS[n] if words else n} {many if n <= 10 else one}"


def gen_shifts() -> Iterator[Variant]:
    """«بعد 3 أيام», «قبل يومين», «بعد أسبوعين من الآن», «بعد يومين من الغد», «قبل 3 أيام من أمس»: a day
    counted from the anchor or from a relative day."""
    for n in (1, 2, 3, 5, 10):
        for unit, days in (("D", 1), ("W", 7)):
            for words in (False, True) if n in COUNT_WORDS else (False,):
                phrase = _count(n, unit, words)
                yield from _gen("gen:shift from now", f"بعد {phrase}[ من الآن]", _day(n * days))
                yield from _gen("gen:shift from now", f"قبل {phrase}", _day(-n * days))
                if unit == "D":
                    for base, off in (("الغد", 1), ("اليوم", 0), ("أمس", -1)):
                        yield from _gen("gen:shift from a day", f"بعد {phrase} من {base}", _day(off + n))
                        yield from _gen("gen:shift from a day", f"قبل {phrase} من {base}", _day(off - n))
    for minutes, text in ((90, "ساعة ونصف"), (30, "نصف ساعة"), (15, "ربع ساعة"), (150, "ساعتين ونصف"),
                          (75, "ساعة وربع")):
        for cue in ("بعد", "في"):
            yield from _gen("gen:shift moment", f"{cue} {text}", (GEN_ANCHOR + dt.timedelta(minutes=minutes)).isoformat())
    for n, text in ((3, "3 أشهر"), (2, "شهرين")):
        yield from _gen("gen:shift months", f"في {text}", f"2017-{(GEN_DAY.month + n - 1) % 12 + 1:02d}")
    for n, unit, text in ((5, "M", "5 دقائق"), (3, "H", "3 ساعات"), (2, "H", "ساعتين"), (1, "H", "ساعة"),
                          (30, "M", "30 دقيقة"), (10, "M", "عشر دقائق")):
        delta = dt.timedelta(hours=n) if unit == "H" else dt.timedelta(minutes=n)
        yield from _gen("gen:shift moment", f"بعد {text}[ من الآن]", (GEN_ANCHOR + delta).isoformat())


MONTH_NUM = {name: i + 1 for i, name in enumerate(MONTHS["egypt-gulf"])}


def _range(a: str, b: str, days: int) -> str:
    return f"({a},{b},P{days}D)"


def gen_date_ranges() -> Iterator[Variant]:
    """«من 3 إلى 12 سبتمبر», «بين 3 و 12 سبتمبر 2016», «من 3 سبتمبر حتى 2 أكتوبر», «من الاثنين إلى الجمعة»,
    «من اليوم حتى الجمعة», «من أمس إلى الغد»."""
    for (a, b), month in itertools.product(((3, 12), (1, 10), (15, 20)), ("سبتمبر", "مارس", "أبريل")):
        mo = MONTH_NUM[month]
        for year in ("", " 2016", " 2017"):
            y = year.strip() or "XXXX"
            start, end = f"{y}-{mo:02d}-{a:02d}", f"{y}-{mo:02d}-{b:02d}"
            value = _range(start, end, b - a)
            for to in ("إلى", "حتى", "الى"):
                yield from _gen("gen:range of days", f"من {a} {to} {b} {month}{year}", value)
                yield from _gen("gen:range of days", f"من {a} {month} {to} {b} {month}{year}", value)
            yield from _gen("gen:range of days", f"بين {a} و {b} {month}{year}", value)
            yield from _gen("gen:range of days", f"بين {a} و{b} {month}{year}", value)
    for a, b, month in ((5, 6, "مارس"), (12, 14, "أكتوبر")):
        mo = MONTH_NUM[month]
        for year in ("", " 2017"):
            y = year.strip() or "XXXX"
            for lead in ("في ", "[يوم ]"):
                expr = f"{lead}{a}"
                text = f"سأعود {lead.strip('[]')}{a} أو {b} {month}{year}"
                start = text.index(f"{a} أو") - (len("يوم ") if lead == "[يوم ]" else 0)
                spans = [(start, text.index(" أو"))] + ([(text.index(f"{a} أو"), text.index(" أو"))] if lead != "في " else [])
                yield Variant("gen:day or day", text, spans, f"{y}-{mo:02d}-{a:02d}", True, GEN_ANCHOR, expr)
                b_at = text.index(f"{b} {month}")
                yield Variant("gen:day or day", text, [(b_at, len(text))], f"{y}-{mo:02d}-{b:02d}", True, GEN_ANCHOR, expr)
    for (a, ma), (b, mb), year in (((3, "سبتمبر"), (2, "أكتوبر"), 2016), ((20, "يناير"), (5, "مارس"), 2017)):
        d1, d2 = dt.date(year, MONTH_NUM[ma], a), dt.date(year, MONTH_NUM[mb], b)
        value = _range(d1.isoformat(), d2.isoformat(), (d2 - d1).days)
        for to in ("إلى", "حتى"):
            yield from _gen("gen:range of days", f"من {a} {ma} {to} {b} {mb} {year}", value)
    for (w1, i1), (w2, i2) in (((WEEKDAY_NAMES[0]), WEEKDAY_NAMES[4]), (WEEKDAY_NAMES[1], WEEKDAY_NAMES[3]),
                               (WEEKDAY_NAMES[2], WEEKDAY_NAMES[5])):
        for to in ("إلى", "حتى"):
            yield from _gen("gen:range of weekdays", f"من {w1} {to} {w2}", f"(XXXX-WXX-{i1},XXXX-WXX-{i2},P{i2 - i1}D)")
    for (d1, o1), (d2, o2) in ((("اليوم", 0), ("الغد", 1)), (("أمس", -1), ("الغد", 1)), (("اليوم", 0), ("بعد غد", 2))):
        for to in ("إلى", "حتى"):
            # «من» before «اليوم» is out of the span in the specs (``merge._from_included``): either is accepted
            yield from _gen("gen:range of relative days", f"[من ]{d1} {to} {d2}", _range(_day(o1), _day(o2), o2 - o1))


ORDINAL_WEEKS = [("الأول", 1), ("الثاني", 2), ("الثالث", 3), ("الرابع", 4)]
# («أول مارس» is March 1st and «نهاية الأسبوع» the weekend: neither is an edge of the period here)
EDGE_WORDS = ["بداية", "نهاية", "منتصف", "أوائل", "أواخر", "مطلع", "أواسط"]


def gen_periods() -> Iterator[Variant]:
    """«الأسبوع الأول من مارس (2017)», «نهاية الشهر», «أواخر 2016», «بداية الأسبوع المقبل», «منتصف مارس 2016»."""
    for word, n in ORDINAL_WEEKS:
        for month in ("مارس", "أكتوبر", "يناير"):
            mo = MONTH_NUM[month]
            yield from _gen("gen:week of month", f"[في ]الأسبوع {word} من {month}", f"XXXX-{mo:02d}-W{n:02d}")
            yield from _gen("gen:week of month", f"[في ]الأسبوع {word} من شهر {month}", f"XXXX-{mo:02d}-W{n:02d}")
            yield from _gen("gen:week of month", f"[في ]الأسبوع {word} من {month} 2017", f"2017-{mo:02d}-W{n:02d}")
    yr, wk = GEN_DAY.isocalendar()[:2]
    this = {"الأسبوع": f"{yr}-W{wk:02d}", "الشهر": f"{GEN_DAY:%Y-%m}", "العام": f"{GEN_DAY.year}",
            "السنة": f"{GEN_DAY.year}"}
    nxt = {"الأسبوع": "{}-W{:02d}".format(*(GEN_DAY + dt.timedelta(7)).isocalendar()[:2]), "الشهر": "2016-12",
           "العام": "2017", "السنة": "2017"}
    prev = {"الأسبوع": "{}-W{:02d}".format(*(GEN_DAY - dt.timedelta(7)).isocalendar()[:2]), "الشهر": "2016-10",
            "العام": "2015", "السنة": "2015"}
    for edge in EDGE_WORDS:
        for unit in this:
            if (edge, unit) == ("نهاية", "الأسبوع"):
                continue
            nxt_w, prev_w = ("المقبلة", "الماضية") if unit == "السنة" else ("المقبل", "الماضي")
            this_w = "هذه" if unit == "السنة" else "هذا"
            yield from _gen("gen:edge of period", f"[في ]{edge} {unit}", this[unit])
            yield from _gen("gen:edge of period", f"[في ]{edge} {this_w} {unit}", this[unit])
            yield from _gen("gen:edge of period", f"[في ]{edge} {unit} {nxt_w}", nxt[unit])
            yield from _gen("gen:edge of period", f"[في ]{edge} {unit} {prev_w}", prev[unit])
        for year in (2016, 2009):
            yield from _gen("gen:edge of year", f"[في ]{edge} {year}", str(year))
            yield from _gen("gen:edge of year", f"[في ]{edge} عام {year}", str(year))
        for month in ("مارس", "أكتوبر"):
            yield from _gen("gen:edge of month", f"[في ]{edge} {month} 2015", f"2015-{MONTH_NUM[month]:02d}")
            yield from _gen("gen:edge of month", f"[في ]{edge} شهر {month}", f"XXXX-{MONTH_NUM[month]:02d}")


def gen_month_grammar() -> Iterator[Variant]:
    """«نوفمبر من 10 إلى 15», «من يناير إلى مارس», «بين يناير ومارس», «مارس من العام المقبل», «مارس الماضي»,
    «الأسبوع الأخير من هذا الشهر», «الأسبوع الثالث من الشهر القادم»."""
    for month in ("نوفمبر", "مارس", "أبريل"):
        mo = MONTH_NUM[month]
        for a, b in ((10, 15), (3, 9)):
            for head, to in (("من", "إلى"), ("من", "حتى"), ("بين", "و"), ("بين", "و ")):
                yield from _gen("gen:month front range", f"{month} {head} {a} {to} {b}".replace("و  ", "و ")
                                if to != "و" else f"{month} {head} {a} و{b}",
                                _range(f"XXXX-{mo:02d}-{a:02d}", f"XXXX-{mo:02d}-{b:02d}", b - a))
        for word, year in (("من العام المقبل", 2017), ("من العام الماضي", 2015), ("من هذا العام", 2016)):
            yield from _gen("gen:month of relative year", f"[في ]{month} {word}", f"{year}-{mo:02d}")
            yield from _gen("gen:month of relative year", f"[في ]15 {month} {word}", f"{year}-{mo:02d}-15")
        last = 2016 if mo < GEN_DAY.month else 2015  # «نوفمبر الماضي» said in November: a year ago
        nxt = 2016 if mo > GEN_DAY.month else 2017
        for word, year in (("الماضي", last), ("المقبل", nxt), ("القادم", nxt)):
            yield from _gen("gen:month shift", f"[في ]{month} {word}", f"{year}-{mo:02d}")
    for month in ("أكتوبر", "يناير", "سبتمبر"):
        mo = MONTH_NUM[month]
        for cue in ("قبل", "بعد"):
            yield from _gen("gen:before/after month", f"{cue} {month}", f"XXXX-{mo:02d}")
        for tail in ("أو بعده", "أو قبله", "أو ما بعده"):
            yield from _gen("gen:or later", f"[في ]15 {month} {tail}", f"XXXX-{mo:02d}-15")
    for (m1, m2), year in itertools.product((("يناير", "مارس"), ("مايو", "أغسطس"), ("ديسمبر", "فبراير")), ("", " 2017")):
        y2 = year.strip() or "XXXX"
        y1 = str(int(y2) - 1) if y2 != "XXXX" and MONTH_NUM[m1] > MONTH_NUM[m2] else y2
        value = f"({y1}-{MONTH_NUM[m1]:02d},{y2}-{MONTH_NUM[m2]:02d})"
        for frame in ("من {} إلى {}", "من {} حتى {}", "بين {} و{}", "بين شهري {} و{}"):
            yield from _gen("gen:month pair", frame.format(m1, m2) + year, value)
    months = {"الشهر": (2016, 11), "هذا الشهر": (2016, 11), "الشهر القادم": (2016, 12), "الشهر الماضي": (2016, 10)}
    for ref, (y, m) in months.items():
        first = dt.date(y, m, 1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        for text, day in ((f"أول يوم من {ref}", first), (f"آخر يوم من {ref}", last), (f"اليوم الأخير من {ref}", last),
                          (f"اليوم الأول من {ref}", first)):
            yield from _gen("gen:first/last day", f"[في ]{text}", day.isoformat())
        for wd, iso in WEEKDAY_NAMES[::2]:
            days = [first + dt.timedelta(days=k) for k in range((last - first).days + 1)]
            hits = [d for d in days if d.isoweekday() == iso]
            bare = wd.removeprefix("ال")
            yield from _gen("gen:nth weekday", f"أول {bare} من {ref}", hits[0].isoformat())
            yield from _gen("gen:nth weekday", f"آخر {bare} من {ref}", hits[-1].isoformat())
            yield from _gen("gen:nth weekday", f"{wd} الثاني من {ref}", hits[1].isoformat())
    for year, text in ((2016, "العام"), (2017, "العام المقبل"), (2015, "2015")):
        yield from _gen("gen:first/last day", f"[في ]آخر يوم من {text}", f"{year}-12-31")
        yield from _gen("gen:first/last day", f"[في ]أول يوم في {text}", f"{year}-01-01")
    for word, n in (("الأول", 1), ("الثاني", 2), ("الثالث", 3), ("الأخير", 4)):
        for ref, month in (("هذا الشهر", "2016-11"), ("الشهر القادم", "2016-12"), ("الشهر الماضي", "2016-10")):
            yield from _gen("gen:week of relative month", f"[في ]الأسبوع {word} من {ref}", f"{month}-W{n:02d}")


def gen_sets() -> Iterator[Variant]:
    """«كل يوم», «يوميا», «كل ثلاثاء», «كل يوم ثلاثاء», «أيام الأحد», «كل صباح», «كل 3 أيام», «كل أحد الساعة 9»."""
    for text, value in (("كل يوم", "P1D"), ("يوميا", "P1D"), ("كل أسبوع", "P1W"), ("أسبوعيا", "P1W"),
                        ("كل شهر", "P1M"), ("شهريا", "P1M"), ("كل عام", "P1Y"), ("كل سنة", "P1Y"), ("سنويا", "P1Y"),
                        ("كل ساعة", "PT1H"), ("كل أسبوعين", "P2W"), ("كل يومين", "P2D"), ("كل شهرين", "P2M"),
                        ("كل 3 أيام", "P3D"), ("كل 5 دقائق", "PT5M"), ("كل 4 ساعات", "PT4H"),
                        ("كل صباح", "TMO"), ("كل مساء", "TEV"), ("كل ليلة", "TNI"), ("كل يوم سبت", "XXXX-WXX-6"),
                        ("فصليا", "P3M")):
        yield from _gen("gen:set", text, value)
    for wd, iso in WEEKDAY_NAMES:
        bare = wd.removeprefix("ال")
        yield from _gen("gen:set weekday", f"كل {bare}", f"XXXX-WXX-{iso}")
        yield from _gen("gen:set weekday", f"كل يوم {bare}", f"XXXX-WXX-{iso}")
        yield from _gen("gen:set weekday", f"كل يوم {wd}", f"XXXX-WXX-{iso}")
        yield from _gen("gen:set weekday", f"أيام {wd}", f"XXXX-WXX-{iso}")
        yield from _gen("gen:set weekday time", f"كل {bare} الساعة 9 صباحا", f"XXXX-WXX-{iso}T09")
        yield from _gen("gen:set weekday time", f"كل يوم {bare} الساعة 4 مساءً", f"XXXX-WXX-{iso}T16")
    for wd, iso in WEEKDAY_NAMES:
        bare = wd.removeprefix("ال")
        for head in ("كل أسبوع يوم", "أسبوعيا يوم"):
            yield from _gen("gen:set week day", f"{head} {wd}", f"XXXX-WXX-{iso}")
        for part, code in (("صباح", "MO"), ("مساء", "EV")):
            yield from _gen("gen:set part weekday", f"كل {part} {bare}", f"XXXX-WXX-{iso}T{code}")
            yield from _gen("gen:set part weekday", f"{part} كل {bare}", f"XXXX-WXX-{iso}T{code}")
        yield from _gen("gen:set part weekday", f"أيام {wd} بعد الظهر", f"XXXX-WXX-{iso}TAF")
    for h in (7, 9, 10):
        yield from _gen("gen:set part time", f"كل مساء في {HOURS_FW[h - 1]}", _hhmm(h + 12))
        yield from _gen("gen:set part time", f"كل ليلة في الساعة {h}", _hhmm(h + 12))
        yield from _gen("gen:set part time", f"كل صباح في {HOURS_FW[h - 1]}", _hhmm(h))
    for d in (1, 15, 28):
        yield from _gen("gen:set day of month", f"كل يوم {d} من الشهر", f"XXXX-XX-{d:02d}")
        yield from _gen("gen:set day of month", f"[في ]{d} من كل شهر", f"XXXX-XX-{d:02d}")
        yield from _gen("gen:set day of month", f"كل عام في {d} أبريل", f"XXXX-04-{d:02d}")
    for clock, h, m in CLOCKS[:8]:
        for head in ("كل يوم", "يوميا"):
            yield from _gen("gen:set time", f"{head} {clock}", _hhmm(h, m))
            yield from _gen("gen:set time", f"{head} في {clock}", _hhmm(h, m))


# holiday names Recognizers-Text resolves to a fixed day (TIMEX with XXXX for the year)
HOLIDAYS = [("عيد الميلاد", "XXXX-12-25"), ("رأس السنة", "XXXX-01-01"), ("رأس السنة الميلادية", "XXXX-01-01"),
            ("ليلة رأس السنة", "XXXX-12-31"), ("عيد الحب", "XXXX-02-14"), ("يوم الحب", "XXXX-02-14"),
            ("عيد الشكر", "XXXX-11-WXX-4-4"), ("يوم الأب", "XXXX-06-WXX-7-3"), ("عيد الأب", "XXXX-06-WXX-7-3"),
            ("الهالوين", "XXXX-10-31"), ("عيد العمال", "XXXX-05-01"), ("يوم العمال", "XXXX-05-01")]


def gen_holidays() -> Iterator[Variant]:
    """A holiday alone, with «يوم», with a year (digits, «عام/سنة» + digits) or a relative year word."""
    for name, timex in HOLIDAYS:
        yield from _gen("gen:holiday", f"[في ]{name}", timex)
        if not name.startswith(("يوم", "ليلة")):
            yield from _gen("gen:holiday", f"[في ]يوم {name}", timex)
        for year in (2010, 2017):
            yield from _gen("gen:holiday+year", f"[في ]{name} {year}", timex.replace("XXXX", str(year)))
            yield from _gen("gen:holiday+year", f"[في ]{name} عام {year}", timex.replace("XXXX", str(year)))
        for word, year in (("العام المقبل", 2017), ("العام الماضي", 2015), ("هذا العام", 2016),
                           ("السنة القادمة", 2017)):
            yield from _gen("gen:holiday+year", f"[في ]{name} {word}", timex.replace("XXXX", str(year)))
        fixed = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", timex)
        if fixed and not name.startswith("ليلة"):  # «عيد الميلاد القادم/الماضي»: the next or the last one
            day = dt.date(GEN_DAY.year, int(fixed.group(1)), int(fixed.group(2)))
            nxt = day if day > GEN_DAY else day.replace(year=day.year + 1)
            last = day if day < GEN_DAY else day.replace(year=day.year - 1)
            for word, when in (("القادم", nxt), ("المقبل", nxt), ("الماضي", last)):
                yield from _gen("gen:holiday next/last", f"[في ]{name} {word}", when.isoformat())


# the new hour after «إلى» when an appointment is moved, and its value; «25» and «ستة وعشرين» are none
NEW_HOURS = [("الحادية عشر", 11), ("الرابعة", 4), ("عشرين", 20), ("صفر", 0), ("أربعة وعشرين", 0), ("13", 13),
             ("0", 0), ("تسعة", 9), ("الثالثة عشر", 13)]
# («أجل الموعد من X إلى Y» frames a range: ``reschedule.moved_before``)
MOVERS = ["سأغير موعد {}", "سأغيّر موعد {}", "نريد تغيير موعد {}", "أريد تأجيل موعد {}"]


def gen_reschedule() -> Iterator[Variant]:
    """«سأغير موعد [الساعة] العاشرة صباحًا إلى الحادية عشر»: the old time (without «الساعة», as the specs
    mark it) and the new hour are two expressions; «إلى 25» is no day of the month there."""
    for old, h in (("العاشرة صباحًا", 10), ("الثالثة مساءً", 15), ("8 صباحا", 8), ("السابعة مساء", 19)):
        for lead in ("", "الساعة "):
            for new, n in NEW_HOURS + [("25", None), ("ستة وعشرين", None)]:
                for frame in MOVERS:
                    text = frame.format(f"{lead}{old} إلى {new}") + "."
                    a = text.index(old)
                    yield Variant("gen:reschedule old", text, [(a, a + len(old))], _hhmm(h), True, GEN_ANCHOR, old)
                    b = text.rindex(new)
                    if n is not None:
                        yield Variant("gen:reschedule new", text, [(b, b + len(new))], _hhmm(n), True, GEN_ANCHOR, new)


def _week_monday(weeks: int) -> dt.date:
    return GEN_DAY - dt.timedelta(days=GEN_DAY.weekday()) + dt.timedelta(weeks=weeks)


def _stretch(hours: float) -> str:
    a, b = GEN_ANCHOR, GEN_ANCHOR + dt.timedelta(hours=hours)
    if hours < 0:
        a, b = b, a
    length = f"PT{int(abs(hours))}H" if float(hours).is_integer() else f"PT{int(abs(hours) * 60)}M"
    return f"({a.isoformat()},{b.isoformat()},{length})"


def gen_week_ranges() -> Iterator[Variant]:
    """«الأسبوع القادم من الاثنين إلى الجمعة», «بين الأحد والخميس من الأسبوع الماضي»: weekdays of a named week;
    «الساعة القادمة», «الساعتين القادمتين», «الربع القادم»: stretches next to the reference moment."""
    weeks = [("الأسبوع القادم", 1), ("الأسبوع المقبل", 1), ("الأسبوع الماضي", -1), ("هذا الأسبوع", 0)]
    for (w1, i1), (w2, i2) in ((WEEKDAY_NAMES[0], WEEKDAY_NAMES[4]), (WEEKDAY_NAMES[1], WEEKDAY_NAMES[3]),
                               (WEEKDAY_NAMES[0], WEEKDAY_NAMES[2])):
        for week, n in weeks:
            d1 = _week_monday(n) + dt.timedelta(days=i1 - 1)
            d2 = _week_monday(n) + dt.timedelta(days=i2 - 1)
            value = _range(d1.isoformat(), d2.isoformat(), (d2 - d1).days)
            for to in ("إلى", "حتى"):
                yield from _gen("gen:week weekday range", f"{week} من {w1} {to} {w2}", value)
                yield from _gen("gen:week weekday range", f"[من ]{w1} {to} {w2} من {week}", value)
            yield from _gen("gen:week weekday range", f"{week} بين {w1} و{w2}", value)
            yield from _gen("gen:week weekday range", f"بين {w1} و{w2} من {week}", value)
    for text, hours in (("الساعة القادمة", 1), ("الساعة التالية", 1), ("الساعة المقبلة", 1),
                        ("الساعتين القادمتين", 2), ("الساعتين المقبلتين", 2), ("الساعتين الماضيتين", -2),
                        ("الساعات الثلاث القادمة", 3), ("الساعات الخمس الماضية", -5), ("الدقائق العشر القادمة", 1 / 6)):
        yield from _gen("gen:next stretch", f"[في ]{text}", _stretch(hours))
    quarters = {"الربع القادم": ("2017-01-01", "2017-04-01"), "الربع المقبل": ("2017-01-01", "2017-04-01"),
                "الربع الماضي": ("2016-07-01", "2016-10-01"), "الربع الحالي": ("2016-10-01", "2017-01-01"),
                "هذا الربع": ("2016-10-01", "2017-01-01")}
    for text, (a, b) in quarters.items():
        yield from _gen("gen:next stretch", f"[في ]{text}", f"({a},{b},P3M)")


def gen_datetime_ranges() -> Iterator[Variant]:
    """«من الاثنين 9 صباحا إلى الجمعة 5 مساء», «من 1 يناير الساعة 10 صباحا حتى 3 يناير الساعة 5 مساء»: a range
    between two days with their hours."""
    days = [("الاثنين", "XXXX-WXX-1"), ("الأربعاء", "XXXX-WXX-3"), ("الجمعة", "XXXX-WXX-5"),
            ("1 يناير", "XXXX-01-01"), ("3 يناير", "XXXX-01-03"), ("اليوم", _day(0)), ("غدا", _day(1))]
    clocks = [("9 صباحا", 9), ("الساعة 10 صباحا", 10), ("5 مساء", 17), ("الساعة 5 مساء", 17)]
    for (d1, v1), (d2, v2) in itertools.combinations(days, 2):
        if (d1[0].isdigit()) != (d2[0].isdigit()) or d1 == "اليوم" and d2 != "غدا":
            continue
        for (c1, h1), (c2, h2) in ((clocks[0], clocks[2]), (clocks[1], clocks[3])):
            for to in ("إلى", "حتى"):
                yield from _gen("gen:datetime range", f"[من ]{d1} {c1} {to} {d2} {c2}",
                                f"({v1}T{h1:02d},{v2}T{h2:02d})")


def _two_digits(n: int) -> str:
    if n < 20:
        return UNITS_1_19[n]
    return TENS_W[n // 10] if n % 10 == 0 else f"{UNITS_1_19[n % 10]} و{TENS_W[n // 10]}"


def gen_whole_units() -> Iterator[Variant]:
    """«اليوم كله», «الأسبوع بأكمله», «الشهر كاملا», «طوال العام»: the whole of one unit."""
    for unit, code in (("اليوم", "P1D"), ("الأسبوع", "P1W"), ("الشهر", "P1M"), ("العام", "P1Y")):
        for word in ("كله", "بأكمله", "كاملا"):
            yield from _gen("gen:whole unit", f"{unit} {word}", code, ["سأغادر {}", "بقي في المستشفى {} قبل أن يعود"])
        yield from _gen("gen:whole unit", f"طوال {unit}", code, ["سأغادر {}"])


def gen_spoken_years() -> Iterator[Variant]:
    """«تسعة عشر ثمانية وعشرون» 1928, «عام تسعة عشر تسعة وتسعين» 1999: a year said in two halves."""
    for year in (1928, 1995, 1999, 1967, 1810, 2014, 2020, 1512):
        hundreds, rest = divmod(year, 100)
        if rest < 10:
            continue
        head = "عشرين" if hundreds == 20 else UNITS_1_19[hundreds]
        text = f"{head} {_two_digits(rest)}"
        yield from _gen("gen:spoken year", text, str(year), ["سأعود في {}", "{}", "ولد في {}"])
        yield from _gen("gen:spoken year", f"عام {text}", str(year))


def gen_hours_of_part_day() -> Iterator[Variant]:
    """«من الساعة 8 إلى الساعة 10 من صباح الغد», «من 7 إلى 9 مساء الجمعة»: hours, then the part of a day."""
    for part, add, hours in (("صباح", 0, (8, 10)), ("مساء", 12, (7, 9))):
        for day, value in (("الغد", _day(1)), ("الجمعة", "XXXX-WXX-5"), ("اليوم", _day(0))):
            a, b = hours
            span = f"({value}T{a + add:02d},{value}T{b + add:02d})"
            yield from _gen("gen:hours of a part of a day", f"من الساعة {a} إلى الساعة {b} من {part} {day}", span)
            yield from _gen("gen:hours of a part of a day", f"من {a} إلى {b} {part} {day}", span)


def gen_more_clock() -> Iterator[Variant]:
    """«7.30 مساء» (minutes after a point, with the part of the day), «السادسة إلا عشرين» (minutes to the hour
    without «دقيقة»), «في وقت لاحق/سابق (من) اليوم», «في وقت مبكر من الغد»."""
    for h, m in ((7, 30), (10, 15), (4, 45), (11, 5)):
        for part, add in (("مساء", 12), ("صباحا", 0), ("مساءً", 12)):
            yield from _gen("gen:dot clock", f"[في ]{h}.{m:02d} {part}", _hhmm(h + add, m))
            yield from _gen("gen:dot clock", f"الساعة {h}.{m:02d} {part}", _hhmm(h + add, m))
    for h in (2, 6, 9, 11):
        for m, words in ((20, "عشرين"), (5, "خمس"), (10, "عشر"), (5, "خمسة"), (25, "خمس وعشرين")):
            yield from _gen("gen:minutes to, bare", f"[في ]{HOURS_FW[h - 1]} إلا {words}", _hhmm(h, -m))
            yield from _gen("gen:minutes to, bare", f"الساعة {HOURS_FW[h - 1]} إلا {words} مساء", _hhmm(h + 12, -m))
    for a, b, h1, h2 in (("9 صباحا", "الظهر", 9, 12), ("الظهر", "3 مساء", 12, 15), ("منتصف الليل", "6 صباحا", 0, 6),
                         ("العاشرة صباحا", "الظهر", 10, 12), ("الظهر", "الرابعة عصرا", 12, 16)):
        for frame in ("من {} حتى {}", "من {} إلى {}", "بين {} و{}"):
            yield from _gen("gen:named time range", frame.format(a, b), f"({_hhmm(h1)},{_hhmm(h2)})")
    for day, words in ((21, "الحادي والعشرين"), (5, "الخامس"), (12, "12"), (3, "الثالث")):
        for wd, _ in WEEKDAY_NAMES[::3]:
            yield from _gen("gen:day weekday of month", f"{words} يوم {wd} من هذا الشهر", f"2016-11-{day:02d}")
            yield from _gen("gen:day weekday of month", f"{words} يوم {wd} من مارس", f"XXXX-03-{day:02d}")
    for day, offset in (("اليوم", 0), ("الغد", 1), ("أمس", -1)):
        for word in ("لاحق", "سابق", "مبكر", "متأخر"):
            for of in ("", "من "):
                yield from _gen("gen:early/late day", f"في وقت {word} {of}{day}", _day(offset))


def _tagged(variants: Iterator[Variant], resolution: str) -> Iterator[Variant]:
    """The variants, each also held to a modifier in the resolution of what ``find`` gives («more-than», «mid»)."""
    for v in variants:
        v.tags["resolution"] = resolution
        yield v


def gen_hour_or_hour() -> Iterator[Variant]:
    """«الساعة 3 أو 4 مساء», «في الثالثة أو الرابعة عصرا», «5 أو 6 بعد الظهر»: two times; the first hour takes
    the afternoon or evening of the second."""
    for h1, h2, part in ((3, 4, "مساء"), (9, 10, "مساءً"), (3, 4, "عصرا"), (1, 2, "بعد الظهر"), (7, 8, "مساء"),
                         (10, 11, "ليلا"), (5, 6, "مساء")):
        for first, second in ((f"الساعة {h1}", f"{h2} {part}"), (HOURS_FW[h1 - 1], f"{HOURS_FW[h2 - 1]} {part}"),
                              (f"{h1}", f"{h2} {part}"), (f"الساعة {h1}", f"الساعة {h2} {part}")):
            frames_first = [f"سأعود {{}} أو {second}", f"يبدأ الاجتماع في {{}} أو {second} في مقر الوزارة"]
            frames_second = [f"سأعود {first} أو {{}}", f"يبدأ الاجتماع في {first} أو {{}} في مقر الوزارة"]
            yield from _gen("gen:hour or hour, first", first, _hhmm(h1 + 12), frames_first)
            yield from _gen("gen:hour or hour, second", second, _hhmm(h2 + 12), frames_second)


# (text, count, unit) of durations said with a count, and of one unit said without one; units as TIMEX writes them
DURATION_UNITS = {"H": ("PT", "H", 1), "MIN": ("PT", "M", 1), "D": ("P", "D", 1), "W": ("P", "W", 1),
                  "M": ("P", "M", 1), "Y": ("P", "Y", 1), "DEC": ("P", "Y", 10), "CEN": ("P", "Y", 100)}
COUNTED = [("ساعتين", 2, "H"), ("3 أيام", 3, "D"), ("خمس ساعات", 5, "H"), ("عشرة أشهر", 10, "M"), ("عامين", 2, "Y"),
           ("20 دقيقة", 20, "MIN"), ("نصف قرن", 0.5, "CEN"), ("ثلاثة أسابيع", 3, "W"), ("عقدين", 2, "DEC")]
ONE_UNIT = [("ساعة", 1, "H"), ("دقيقة", 1, "MIN"), ("يوم", 1, "D"), ("أسبوع", 1, "W"), ("شهر", 1, "M"), ("عام", 1, "Y"),
            ("سنة", 1, "Y"), ("عقد", 1, "DEC"), ("قرن", 1, "CEN")]
DURATION_FRAMES = ["استمر الاجتماع {}", "انتظر المسافرون {} في المطار", "بقي في المستشفى {} قبل أن يعود"]


def _period(n: float, unit: str) -> str:
    prefix, code, scale = DURATION_UNITS[unit]
    amount = n * scale
    return f"{prefix}{int(amount) if float(amount).is_integer() else amount}{code}"


def gen_duration_modifiers() -> Iterator[Variant]:
    """«أكثر من ساعتين», «أقل من ساعة» (in the span, with the modifier: the Recognizers-Text Arabic
    MoreThan/LessThanRegex), «لأكثر من أسبوع» (the «ل» out); «حوالي/نحو/قرابة/زهاء/ما يقرب من ساعتين» (the word
    of approximation out of the span, resolution approximate)."""
    for text, n, unit in COUNTED + ONE_UNIT:
        for word, mod in (("أكثر من", "more-than"), ("أقل من", "less-than")):
            yield from _tagged(_gen("gen:more/less than", f"{word} {text}", _period(n, unit), DURATION_FRAMES), mod)
            yield from _tagged(_gen("gen:more/less than", f"{word} {text}", _period(n, unit), ["استمر الحصار ل{}"]), mod)
        for word in ("حوالي", "نحو", "قرابة", "زهاء", "ما يقرب من"):
            frames = [frame.replace("{}", word + " {}") for frame in DURATION_FRAMES]
            yield from _tagged(_gen("gen:approximate duration", text, _period(n, unit), frames), "approximate")


def gen_centuries() -> Iterator[Variant]:
    """«لمدة قرن» P100Y, «منذ نصف قرن», «ربع قرن», «قرنين», «ثلاثة قرون», «أربعة عشر قرنا», «لمدة عقد/عقدين»."""
    counted = [("نصف قرن", 0.5, "CEN"), ("ربع قرن", 0.25, "CEN"), ("قرنين", 2, "CEN"), ("ثلاثة قرون", 3, "CEN"),
               ("خمسة قرون", 5, "CEN"), ("أربعة عشر قرنا", 14, "CEN"), ("عقدين", 2, "DEC"), ("ثلاثة عقود", 3, "DEC")]
    for text, n, unit in counted:
        yield from _gen("gen:centuries and decades", text, _period(n, unit),
                        ["حكم البلاد {} قبل أن يسقط", "استمرت الحرب {}", "يعيشون هنا منذ {}"])
    for text, n, unit in counted + [("قرن", 1, "CEN"), ("عقد", 1, "DEC")]:
        for cue in ("لمدة", "خلال", "طوال"):
            if cue == "طوال" and n == 1:
                continue  # «طوال قرن», as «طوال شهر»: the whole unit, «طوال» in the span (``SpanRules.duration``)
            yield from _gen("gen:centuries and decades", text, _period(n, unit), [f"استمرت الحرب {cue} {{}}"])


def gen_grammar_extras() -> Iterator[Variant]:
    """Read off the Recognizers-Text Arabic grammar: nights as days (its DurationUnitRegex «ليلة/ليال/ليلتين»,
    UnitMap D), «منتصف بعد الظهر» (MidafternoonRegex, 14:00 as «منتصف الظهر»), «خلال/في النهار» (TimeOfDayRegex,
    daytime TDT), «العقود/القرون الثلاثة الماضية» (RelativeDecadeRegex: plural units with their count after)."""
    for text, n in (("ليلتين", 2), ("ثلاث ليال", 3), ("خمس ليال", 5), ("عشر ليال", 10)):
        yield from _gen("gen:nights", text, _period(n, "D"), ["قضى {} في السجن", "استمر الحصار لمدة {}"])
    yield from _gen("gen:named time", "[عند ]منتصف بعد الظهر", "T14")
    for text in ("خلال النهار", "في النهار"):
        yield from _gen("gen:daytime", text, "TDT", ["يعمل المتطوعون {} في المستشفى", "سأعود {}"])
    for text, n, unit in (("العقود الثلاثة الماضية", 3, "DEC"), ("القرون الثلاثة الماضية", 3, "CEN"),
                          ("العقدين الماضيين", 2, "DEC"), ("القرنين الماضيين", 2, "CEN"),
                          ("العقود الخمسة الأخيرة", 5, "DEC")):
        yield from _gen("gen:centuries and decades", text, _period(n, unit), ["تغير المناخ كثيرا خلال {}"])


def gen_meal_times() -> Iterator[Variant]:
    """«وقت الغداء» TMEL, «موعد العشاء» TMED, «وقت الفطور» TMEB (the Recognizers-Text Arabic MealTimeRegex codes)."""
    for meal, code in (("الغداء", "TMEL"), ("العشاء", "TMED"), ("الفطور", "TMEB")):
        for head in ("وقت", "موعد"):
            yield from _gen("gen:meal time", f"[في ]{head} {meal}", code)
            yield from _gen("gen:meal time", f"{head} {meal}", code, ["نلتقي عند {} في المطعم"])
            yield from _gen("gen:meal time", f"[قبل ]{head} {meal}", code, ["اتصل بي {}"])


def gen_period_edges() -> Iterator[Variant]:
    """«منتصف الأسبوع/الشهر/العام», «مطلع/أواسط/أواخر الشهر المقبل», «أوائل العام الماضي»: the whole period (as
    Recognizers-Text's TIMEX) with the edge in the resolution (its Early/Mid/LaterPrefixRegex: start, mid, end)."""
    day = GEN_ANCHOR.date()

    def week(shift: int) -> str:
        year, number, _ = (day + dt.timedelta(weeks=shift)).isocalendar()
        return f"{year}-W{number:02d}"

    def month(shift: int) -> str:
        index = day.year * 12 + day.month - 1 + shift
        return f"{index // 12}-{index % 12 + 1:02d}"

    periods = [("الأسبوع", week), ("الشهر", month), ("العام", lambda shift: str(day.year + shift))]
    edges = [("منتصف", "mid"), ("أواسط", "mid"), ("مطلع", "start"), ("بداية", "start"), ("أوائل", "start"),
             ("أواخر", "end"), ("نهاية", "end")]
    for unit, value in periods:
        for edge, mod in edges:
            if (unit, edge) == ("الأسبوع", "نهاية"):
                continue  # «نهاية الأسبوع» is the weekend (gen:periods)
            for shift_word, shift in (("", 0), (" المقبل", 1), (" القادم", 1), (" الماضي", -1), (" الجاري", 0)):
                yield from _tagged(_gen("gen:period edges", f"{edge} {unit}{shift_word}", value(shift)), mod)
            yield from _tagged(_gen("gen:period edges", f"{edge} هذا {unit[2:] if unit != 'العام' else 'العام'}",
                                    value(0)), mod) if unit == "العام" else iter(())


GENERATED_MORE: list[Callable[[], Iterator[Variant]]] = [gen_hour_or_hour, gen_duration_modifiers, gen_centuries,
                                                        gen_meal_times, gen_period_edges, gen_grammar_extras, gen_hours_of_part_day, gen_whole_units, gen_month_grammar, gen_spoken_years, gen_datetime_ranges, gen_more_clock, gen_week_ranges, gen_day_time_forms, gen_day_parts, gen_shifts,
                                                        gen_date_ranges, gen_periods, gen_sets, gen_holidays,
                                                        gen_reschedule]


GENERATED: list[Callable[[], Iterator[Variant]]] = [gen_hours, gen_minutes, gen_dayparts, gen_approx, gen_date_time,
                                                   gen_ranges, gen_minutes_off, gen_spoken, gen_more_links,
                                                   *GENERATED_MORE]


# ---- scoring --------------------------------------------------------------------------------------------------

def check(v: Variant) -> tuple[bool, bool | None, list[Found]]:
    """(span right, value right or None when no value is expected, what find gave)."""
    found = find_all(v.text, v.anchor)
    by_span = {(f.expr.start, f.expr.end): f for f in found}
    hit = next((by_span[s] for s in v.spans if s in by_span), None)
    if v.timex is None:
        return hit is not None, None, found
    modifier = v.tags.get("resolution")
    held = modifier is None or (hit is not None and modifier in hit.expr.resolution.split(";"))
    return hit is not None, hit is not None and value_matches(hit, v.timex, v.anchor) and held, found


def variants(temps: list[Template], only: str | None, no_generated: bool = False) -> list[Variant]:
    seen: set[tuple[str, tuple[int, int]]] = set()
    out = []
    for t in temps:
        for family in FAMILIES:
            for v in family(t):
                key = (v.text, v.spans[0])
                if key in seen or (only and not v.family.startswith(only)) or v.text == t.text:
                    continue
                seen.add(key)
                out.append(v)
    for make in GENERATED if not no_generated else []:
        for v in (w for g in make() for w in (g, *_indic_twin(g))):
            key = (v.text, v.spans[0])
            if key not in seen and not (only and not v.family.startswith(only)):
                seen.add(key)
                out.append(v)
    return out


def _indic_twin(v: Variant) -> list[Variant]:
    """The generated variant in its first frame with Arabic-Indic digits (same offsets, same value)."""
    if not (v.family.startswith("gen:") and v.text.startswith("سأعود") and DIGITS.search(v.text)):
        return []
    return [Variant("gen:arabic-indic digits", v.text.translate(INDIC), v.spans, v.timex, v.against_spec, v.anchor,
                    v.origin, dict(v.tags))]


def report(vs: list[Variant], show: int) -> dict[str, Counter[str]]:
    table: dict[str, Counter[str]] = defaultdict(Counter)
    fails: dict[str, list[str]] = defaultdict(list)
    for v in vs:
        span_ok, value_ok, found = check(v)
        row = table[v.family]
        row["n"] += 1
        row["span"] += span_ok
        kind = "spec" if v.against_spec else "own"
        if value_ok is not None:
            row[f"with_{kind}"] += 1
            row[f"value_{kind}"] += value_ok
        if not span_ok or value_ok is False:
            s, e = v.spans[0]
            got = "; ".join(f"{f.expr.text}={f.timex}" for f in found) or "nothing"
            fails[v.family].append(f"  «{v.text[s:e]}» want {v.timex} | in: {v.text} | got: {got}")
    print(f"{'family':34s} {'variants':>8s} {'span':>7s} {'value vs spec':>16s} {'value vs own':>16s}")
    total: Counter[str] = Counter()
    for family in sorted(table):
        total.update(table[family])
        print(_line(family, table[family]))
    print(_line("ALL", total))
    for family in sorted(fails):
        if show:
            print(f"\n{family}: {len(fails[family])} failing")
            print("\n".join(fails[family][:show]))
    return table


def _line(name: str, r: Counter[str]) -> str:
    def rate(k: str, n: str) -> str:
        return f"{r[k]}/{r[n]} {r[k] / r[n]:.3f}" if r[n] else "-"
    return f"{name:34s} {r['n']:8d} {r['span'] / max(r['n'], 1):7.3f} {rate('value_spec', 'with_spec'):>16s} " \
           f"{rate('value_own', 'with_own'):>16s}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("specs", nargs="*", type=Path, default=SPECS)
    ap.add_argument("--show", type=int, default=15, help="failing variants listed per family")
    ap.add_argument("--family", help="only the families whose name starts with this")
    ap.add_argument("--no-news", action="store_true", help="templates from the specs only")
    ap.add_argument("--no-generated", action="store_true", help="without the families generated from the time grammar")
    args = ap.parse_args()
    temps = templates(args.specs, None if args.no_news else NEWS)
    print(f"{len(temps)} templates (right span and value)")
    report(variants(temps, args.family, args.no_generated), args.show)


if __name__ == "__main__":
    main()
