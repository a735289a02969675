"""Issue 6, grammar round of the module split: modifiers of durations and periods (the Recognizers-Text Arabic
MoreThan/LessThanRegex and Early/Mid/LaterPrefixRegex), centuries and nights as units, two hours joined by
«أو», meal times, daytime; and what must stay untouched in news."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.dates import find

MONDAY = dt.date(2016, 11, 7)


def found(text: str, anchor: dt.date | None = MONDAY) -> list[tuple[str, str, str]]:
    return [(t.text, t.value, t.resolution) for t in find(text, anchor)]


@pytest.mark.parametrize(("text", "surface", "value", "resolution"), [
    ("استمر الاجتماع أكثر من ساعتين", "أكثر من ساعتين", "PT2H", "more-than"),
    ("انتظرت أقل من ساعة", "أقل من ساعة", "PT1H", "less-than"),
    ("ظل المعبر مغلقا لأكثر من أسبوع", "أكثر من أسبوع", "P1W", "more-than"),  # the «ل» stays out
    ("يعيش في المخيم منذ أكثر من عامين", "أكثر من عامين", "P2Y", "since;more-than"),
])
def test_more_and_less_than_are_in_the_span_with_their_modifier(text: str, surface: str, value: str,
                                                                resolution: str) -> None:
    assert found(text) == [(surface, value, resolution)]


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("ظل الشهيد ينزف حوالي ساعتين", "ساعتين", "PT2H"),
    ("استغرق نحو أسبوع", "أسبوع", "P1W"),
    ("استمر الاجتماع ما يقرب من ساعة", "ساعة", "PT1H"),
    ("استمر الحصار زهاء 5 أشهر", "5 أشهر", "P5M"),
])
def test_words_of_approximation_stay_out_of_the_span(text: str, surface: str, value: str) -> None:
    assert found(text) == [(surface, value, "approximate")]


@pytest.mark.parametrize("text", ["توجهوا نحو ساعة الصفر", "أكثر من 5 أشخاص", "وصل 5 أو 6 أشخاص", "خلال ليال طويلة"])
def test_no_duration_or_time_where_none_is_said(text: str) -> None:
    assert found(text) == []


def test_towards_a_named_month_stays_the_month() -> None:
    assert [(s, v) for s, v, _ in found("توجهت الأنظار نحو شهر رمضان")] == [("شهر رمضان", "2016-06")]


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("استمرت الحرب لمدة قرن", "قرن", "P100Y"),
    ("يعيشون هنا منذ نصف قرن", "نصف قرن", "P50Y"),
    ("حكم البلاد ربع قرن", "ربع قرن", "P25Y"),
    ("استمرت ثلاثة قرون", "ثلاثة قرون", "P300Y"),
    ("استمرت الحرب طوال قرنين", "قرنين", "P200Y"),  # a count after «طوال»: «طوال» stays out
    ("تغير المناخ خلال العقود الثلاثة الماضية", "العقود الثلاثة الماضية", "P30Y"),
    ("قضى ثلاث ليال في السجن", "ثلاث ليال", "P3D"),
    ("بقي لمدة ليلتين", "ليلتين", "P2D"),
])
def test_centuries_decades_and_nights_as_durations(text: str, surface: str, value: str) -> None:
    assert [(s, v) for s, v, _ in found(text)] == [(surface, value)]


@pytest.mark.parametrize(("text", "expected"), [
    ("سأصل الساعة 3 أو 4 مساء", [("الساعة 3", "T15"), ("4 مساء", "T16")]),
    ("نلتقي في الثالثة أو الرابعة عصرا", [("الثالثة", "T15"), ("الرابعة عصرا", "T16")]),
    ("سأعود الواحدة أو الثانية بعد الظهر", [("الواحدة", "T13"), ("الثانية بعد الظهر", "T14")]),
    ("الساعة 3 أو 4 صباحا", [("الساعة 3", "T03"), ("4 صباحا", "T04")]),
])
def test_the_first_of_two_hours_takes_the_part_of_the_day_of_the_second(text: str,
                                                                         expected: list[tuple[str, str]]) -> None:
    assert [(s, v) for s, v, _ in found(text)] == expected


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("نلتقي وقت الغداء", "وقت الغداء", "TMEL"),
    ("اتصل بي في وقت العشاء في المطعم", "وقت العشاء", "TMED"),
    ("موعدنا وقت الفطور", "وقت الفطور", "TMEB"),
    ("يعمل المتطوعون خلال النهار", "خلال النهار", "TDT"),
    ("سأعود منتصف بعد الظهر", "منتصف بعد الظهر", "T14"),
])
def test_meal_times_and_daytime(text: str, surface: str, value: str) -> None:
    assert [(s, v) for s, v, _ in found(text)] == [(surface, value)]


def test_an_hour_next_to_a_meal_stays_the_clocks() -> None:
    assert [(s, v) for s, v, _ in found("سأعود الساعة 1 وقت الغداء")] == [("الساعة 1 وقت الغداء", "T13")]
    assert [(s, v) for s, v, _ in found("سأعود 12 وقت الغداء")] == [("12 وقت الغداء", "T12")]
    assert found("قبيل موعد الإفطار") == []  # the Ramadan meal at sunset, no breakfast


@pytest.mark.parametrize(("text", "surface", "value", "resolution"), [
    ("يعقد الاجتماع منتصف الأسبوع", "منتصف الأسبوع", "2016-W45", "relative;mid"),
    ("يبدأ المشروع مطلع الشهر المقبل", "مطلع الشهر المقبل", "2016-12", "relative;start"),
    ("تعقد القمة أواسط الشهر المقبل", "أواسط الشهر المقبل", "2016-12", "relative;mid"),
    ("تعقد القمة أواخر الشهر المقبل", "أواخر الشهر المقبل", "2016-12", "relative;end"),
    ("تنتهي الدراسة منتصف العام", "منتصف العام", "2016", "relative;mid"),
    ("تعود الفرق نهاية هذا الأسبوع", "نهاية هذا الأسبوع", "2016-W45-WE", "relative"),  # the weekend, no edge
])
def test_edges_of_a_period_keep_the_period_with_their_modifier(text: str, surface: str, value: str,
                                                               resolution: str) -> None:
    assert found(text) == [(surface, value, resolution)]


def test_a_year_in_brackets_after_an_edge_is_no_relative_year() -> None:
    assert all(v != "2016" for _, v, _ in found("وفي أواخر سنة ( 631 هـ = 1233 م ) بدأت قوات ملك أراجون"))
