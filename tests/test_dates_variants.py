"""Issue 6, transfer round: the gaps found by the metamorphic variants of the dev cases
(benchmarks/dates_variants.py), each with small sentences of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.dates import evaluate, find
from marsad.dates.extract import find_all

WEDNESDAY = dt.date(2015, 10, 7)


def found(text: str, anchor: dt.date | None = WEDNESDAY) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find(text, anchor)]


def timexes(text: str, anchor: dt.date | None = WEDNESDAY) -> list[tuple[str, str]]:
    return [(f.expr.text, f.timex) for f in find_all(text, anchor)]


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("أعلنت الوزارة مساء الاثنين أن الطائرات نفذت غارات", "مساء الاثنين", "XXXX-WXX-1TEV"),
    ("سيصل الوفد إلى أنقرة صباح الاثنين", "صباح الاثنين", "XXXX-WXX-1TMO"),
])
def test_day_part_before_monday_is_monday_not_two_oclock(text: str, surface: str, value: str) -> None:
    assert (surface, value) in timexes(text)


def test_day_part_before_a_bare_number_is_still_an_hour() -> None:
    assert ("مساء اثنين", "T14") in timexes("نلتقي مساء اثنين")


@pytest.mark.parametrize(("text", "surface", "timex"), [
    ("سأخرج شتنبر", "شتنبر", "XXXX-09"),  # Moroccan
    ("سأخرج جانفي", "جانفي", "XXXX-01"),  # Algerian/Tunisian
    ("سأخرج تشرين الثاني", "تشرين الثاني", "XXXX-11"),  # Levantine
    ("سأخرج أيلول", "أيلول", "XXXX-09"),
])
def test_future_verb_cues_a_bare_month_of_every_system(text: str, surface: str, timex: str) -> None:
    assert timexes(text, None) == [(surface, timex)]


@pytest.mark.parametrize("text", ["ستطرح نيسان سيارة جديدة", "سيزور الرئيس تموز", "ستعلن جوان نتائجها",
                                  "سيلتقي شباط بالوزير"])
def test_month_that_is_also_a_name_needs_more_than_a_verb(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(("text", "surface", "timex"), [
    ("سأعود وفي 15.", "15", "XXXX-XX-15"),
    ("وفي يناير أعلنت الحكومة خطتها", "يناير", "XXXX-01"),
    ("وفي 4/22 سأعود", "4/22", "XXXX-04-22"),
    ("وخلال الصيف تراجعت الأسعار", "الصيف", "SU"),
])
def test_conjunction_on_the_cue_word_keeps_the_cue(text: str, surface: str, timex: str) -> None:
    assert (surface, timex) in timexes(text, None)


@pytest.mark.parametrize(("text", "surface"), [
    ("تفتتح القمة ويوم السبت 10 أكتوبر في شرم الشيخ", "يوم السبت 10 أكتوبر"),
    ("تفتتح القمة يوم السبت 10 أكتوبر في شرم الشيخ", "يوم السبت 10 أكتوبر"),
    ("سأعود وهذا يوم الجمعة", "هذا يوم الجمعة"),
])
def test_yawm_and_this_after_a_conjunction_stay_in_the_span(text: str, surface: str) -> None:
    assert surface in [s for s, _ in found(text)]


def test_throughout_after_a_conjunction_is_a_duration() -> None:
    assert ("طوال الأسبوع", "P1W") in found("سأغادر وطوال الأسبوع")


def test_next_calendar_week_reading_also_with_a_part_of_the_day() -> None:
    # Monday 2016-11-07: «بعد ظهر الثلاثاء المقبل» is 2016-11-08 in news, 2016-11-15 in Recognizers-Text.
    def case(timex: str) -> dict[str, object]:
        text = "سأعود بعد ظهر الثلاثاء المقبل"
        return {"Input": text, "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
                "Results": [{"Text": "بعد ظهر الثلاثاء المقبل", "Start": 6, "Value": {"Timex": timex}}]}

    assert evaluate([case("2016-11-15TAF")])["value_right"] == 1
    assert evaluate([case("2016-11-08TAF")])["value_right"] == 1
    assert evaluate([case("2016-11-22TAF")])["value_right"] == 0
    assert evaluate([case("2016-11-15TEV")])["value_right"] == 0


@pytest.mark.parametrize(("text", "surface", "timex"), [
    ("سأعود في الواحدة", "الواحدة", "T01"),
    ("انطلقت القافلة في الواحدة من صباح اليوم.", "الواحدة من صباح اليوم", "2015-10-07T01"),
    ("سأغير موعد الثالثة مساءً إلى الواحدة", "الواحدة", "T01"),
])
def test_one_oclock_is_cued_like_the_other_hours(text: str, surface: str, timex: str) -> None:
    assert (surface, timex) in timexes(text)


def test_one_as_a_rank_is_no_hour() -> None:
    assert found("فاز بالمرتبة الواحدة") == []


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("وصل الوفد يوم 3 من شهر أكتوبر", "3 من شهر أكتوبر", "2015-10-03"),
    ("في الثالث من شهر تشرين الأول/أكتوبر 2014", "الثالث من شهر تشرين الأول/أكتوبر 2014", "2014-10-03"),
])
def test_day_of_the_month_of_name(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


def test_count_of_the_month_without_a_name_is_no_date() -> None:
    assert found("قتل 3 من شهر") == []


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("نشر في 03-أكتوبر-2015", "03-أكتوبر-2015", "2015-10-03"),
    ("نشر في يناير-2014", "يناير-2014", "2014-01"),
])
def test_hyphens_between_day_month_and_year(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


def test_spaced_dash_after_a_month_year_is_still_a_year_range_end() -> None:
    assert ("أكتوبر 2014", "2014-10") in found("في أكتوبر 2014 - 2015")


@pytest.mark.parametrize("text", ["وفي الخامسة من عمره أعطاه أبوه بوصلة", "تعلم النطق حتى الثالثة من عمرها",
                                  "وفي الثانية العاشرة أخطأ الحارس"])
def test_feminine_ordinal_as_an_age_or_a_second_is_no_hour(text: str) -> None:
    assert found(text) == []


def test_feminine_ordinal_after_yawm_days_is_no_day_of_the_month() -> None:
    assert ("الخمسة عشر يوما", "P15D") in found("طوال الخمسة عشر يوما الأولى من شهر رمضان")
    assert not any(value.endswith("-18") for _, value in found("طوال الخمسة عشر يوما الأولى من شهر رمضان"))


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("استمرت المعارك ربع ساعة", "ربع ساعة", "PT0.25H"),
    ("سأغادر لمدة ساعة وربع", "ساعة وربع", "PT1.25H"),
    ("توقف القصف لمدة ثانيتين", "ثانيتين", "PT2S"),
    ("تمر الحافلة كل ساعة ونصف", "كل ساعة ونصف", "PT1.5H"),
])
def test_quarter_hours_seconds_dual_and_fractional_sets(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


@pytest.mark.parametrize("text", ["حصل على ربع الأصوات", "ربع سكان المدينة"])
def test_quarter_of_something_else_is_no_duration(text: str) -> None:
    assert found(text) == []


def test_first_quarter_hour_of_a_match_is_no_duration_nor_one_oclock() -> None:
    assert found("حسمت مباراتها في ربع الساعة الأول بعد أن تقدمت بهدفين") == []


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("يبدأ الصيام غرة شهر رمضان", "غرة شهر رمضان", "2015-06-18"),
    ("تدخل الزيادة حيز التنفيذ في فاتح شهر أكتوبر", "فاتح شهر أكتوبر", "2015-10-01"),
])
def test_first_of_the_month_of_name(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


def test_noon_of_a_weekday() -> None:
    assert ("ظهيرة الأحد", "XXXX-WXX-7TAF") in timexes("انطلقت المسيرة ظهيرة الأحد")


def test_the_day_before_yesterday_with_the_article_and_a_day_part() -> None:
    assert ("مساء الأول من أمس", "2015-10-05") in found("وصل الوفد مساء الأول من أمس")
