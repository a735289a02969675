"""The second-round date rules: parts of the day as periods, words that bound an expression, a day joined
with its hours, holidays on a weekday of a month, a reference moment, years in words; and the news guards
that keep them from firing on ordinary text."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.dates import find
from marsad.dates.evaluate import split_cases
from marsad.dates.values import easter, nth_weekday

MONDAY = dt.date(2016, 11, 7)
MOMENT = dt.datetime(2016, 11, 7, 16, 12)


def found(text: str, anchor: dt.date | None = MONDAY) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find(text, anchor)]


@pytest.mark.parametrize(("text", "surface", "value"), [
    # the future verb six words back reads the Tuesday forward (the window grew from 5 to 8 words)
    ("سأعود في وقت متأخر من مساء الثلاثاء", "في وقت متأخر من مساء الثلاثاء", "2016-11-08"),
    ("سأعود في الصباح الباكر", "في الصباح الباكر", "TMO"),
    ("سأعود في أواخر الصباح", "في أواخر الصباح", "TMO"),
    ("سأعود يوم الثلاثاء في وقت متأخر من الليل", "يوم الثلاثاء في وقت متأخر من الليل", "2016-11-08"),  # future verb: next Tuesday
    ("سأعود في صباح هذا الثلاثاء", "في صباح هذا الثلاثاء", "2016-11-08"),
    ("سأعود نهاية الغد", "نهاية الغد", "2016-11-08T23:59"),
    ("سأعود في الصباح في 7", "في الصباح في 7", "T07"),
    ("سأعود هذه الليلة في 7", "هذه الليلة في 7", "2016-11-07T19"),
    ("سأعود الليلة القادمة", "الليلة القادمة", "2016-11-08"),
])
def test_parts_of_the_day(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("سأعود قبل الساعة 8 مساءً", "قبل الساعة 8 مساءً", "T20"),
    ("سأعود منذ أغسطس", "منذ أغسطس", "2016-08"),
    ("سأعود بعد 7/2", "بعد 7/2", "2016-02-07"),
    ("سأعود في 3 أسابيع", "في 3 أسابيع", "P3W"),
    ("سأعود بعد 4 أسابيع في المستقبل", "بعد 4 أسابيع في المستقبل", "2016-12-05"),
    ("سأعود منذ شهرين ويوم واحد", "منذ شهرين ويوم واحد", "2016-09-06"),
])
def test_bounding_words_belong_to_the_expression(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("يمتد البرنامج حتى عام 2027", "عام 2027", "2027"),
    ("تسري الأسعار ابتداء من 1/1/2016", "1/1/2016", "2016-01-01"),
    ("يطبق القرار اعتبارا من الغد", "الغد", "2016-11-08"),
    ("يستمر المعرض حتى 18 ديسمبر", "18 ديسمبر", "2016-12-18"),
])
def test_until_and_starting_from_are_left_out_as_in_news(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


def test_since_a_printed_date_with_its_year_keeps_the_date_alone() -> None:
    # issue 6 acceptance: «سبتمبر/أيلول 2014» -> 2014-09 in «منذ سبتمبر/أيلول 2014»
    assert found("غارات تستهدف منذ سبتمبر/أيلول 2014 التنظيم") == [("سبتمبر/أيلول 2014", "2014-09")]


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("سأعود اليوم من الخامسة إلى السابعة", "اليوم من الخامسة إلى السابعة", "2016-11-07T05/2016-11-07T07"),
    ("سأعود من 5 إلى 6 مساءً من 22 أبريل", "من 5 إلى 6 مساءً من 22 أبريل", "2016-04-22T17/2016-04-22T18"),
    ("سأعود من 5 إلى 6 في 1 يناير", "من 5 إلى 6 في 1 يناير", "2016-01-01T05/2016-01-01T06"),
    ("سأعود من الساعة 4 مساءً اليوم حتى 5 مساءً غدًا", "من الساعة 4 مساءً اليوم حتى 5 مساءً غدًا",
     "2016-11-07T16/2016-11-08T17"),
    ("دعنا نتقابل في 5 فبراير صباحًا", "5 فبراير صباحًا", "2016-02-05"),
    ("سأعود يوم 14 أكتوبر ، الساعة 8:00 صباحًا", "يوم 14 أكتوبر ، الساعة 8:00 صباحًا", "2016-10-14T08:00"),
])
def test_a_day_with_its_hours(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


def test_holidays_on_a_weekday_of_a_month_and_easter() -> None:
    assert nth_weekday(2016, 11, 4, 4, None).value == "2016-11-24"  # Thanksgiving
    assert nth_weekday(None, 6, 7, 3, None).timex == "XXXX-06-WXX-7-3"
    assert easter(2016, None).value == "2016-03-27" and easter(2024, None).value == "2024-03-31"
    assert ("عيد الشكر 2010", "2010-11-25") in found("سأعود في عيد الشكر 2010")
    assert ("يوم الأرض", "2016-03-30") in found("سأذهب في يوم الأرض")


def test_a_reference_moment_resolves_minutes_and_hours() -> None:
    assert ("بعد 5 دقائق", "2016-11-07T16:17:00") in found("سأعود بعد 5 دقائق", MOMENT)
    assert ("في 5 دقائق", "2016-11-07T16:17:00") in found("سأعود في 5 دقائق", MOMENT)
    assert ("بقية اليوم", "2016-11-07T16:12:00/2016-11-07T23:59:59") in found("سأعود بقية اليوم", MOMENT)
    assert ("بعد 5 دقائق", "PT5M") in found("سأعود بعد 5 دقائق")  # a publication date has no moment


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("سأعود الساعة الثامنة وعشرين دقيقة مساءً", "الساعة الثامنة وعشرين دقيقة مساءً", "T20:20"),
    ("سأعود منتصف-الليل", "منتصف-الليل", "T00"),
    ("سأعود الساعة 1 وقت الغداء", "الساعة 1 وقت الغداء", "T13"),
    ("حدث ذلك في يونيو من عام تسعة عشر تسعة وتسعون", "يونيو من عام تسعة عشر تسعة وتسعون", "1999-06"),
    ("سأخرج الأسبوع الأخير من شهر يوليو", "الأسبوع الأخير من شهر يوليو", "XXXX-07-W04"),
    ("سأعود الآن", "الآن", "PRESENT_REF"),
    ("سأخرج عطلة نهاية الأسبوع", "عطلة نهاية الأسبوع", "2016-W45-WE"),  # the weekend of that ISO week (TIMEX -WE)
    ("سأعود أول يوم جمعة من يوليو", "أول يوم جمعة من يوليو", "2016-07-01"),
    ("سأعود الجمعة الثانية من يوليو", "الجمعة الثانية من يوليو", "2016-07-08"),
    ("سأعود آخر يوم اثنين من أبريل", "آخر يوم اثنين من أبريل", "2016-04-25"),
])
def test_times_years_and_references(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


@pytest.mark.parametrize("text", [
    "توفي في الثامنة والعشرين من عمره",
    "قتل ثمانية وأربعين شخصا",
    "قال آلان جوبيه إن الحل سياسي",
    "في ليلة واحدة سقط عشرات الجرحى",
    "في آخر يوم من المؤتمر",
    "وصل إلى مدينة 6 أكتوبر",
    "تظاهر طلاب جامعة 6 أكتوبر",
])
def test_news_guards_for_the_new_rules(text: str) -> None:
    assert found(text) == []


def test_a_date_after_a_place_noun_still_counts_with_its_year() -> None:
    assert found("حرب 6 أكتوبر 1973") == [("6 أكتوبر 1973", "1973-10-06")]
    assert found("في جامعة القاهرة يوم 6 أكتوبر") == [("6 أكتوبر", "2016-10-06")]


def test_dev_and_test_parts_split_the_cases_deterministically() -> None:
    cases = [{"Input": f"نص {n}"} for n in range(200)]
    dev, test = split_cases(cases, "dev"), split_cases(cases, "test")
    assert len(dev) + len(test) == 200 and not {c["Input"] for c in dev} & {c["Input"] for c in test}
    assert 40 <= len(test) <= 80 and test == split_cases(cases, "test")
