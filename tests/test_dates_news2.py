"""Round 3 of issue 6: expression families found missing on our own news-style dev set
(tests/fixtures/dates/dev_news2.json), each with sentences of our own; and the gate on that set."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from marsad.dates import evaluate, find, load_cases
from marsad.dates.extract import find_all
from marsad.dates.timeline import sort_key

WEDNESDAY = dt.date(2015, 10, 7)
DEV_NEWS2 = Path(__file__).parent / "fixtures" / "dates" / "dev_news2.json"


def found(text: str, anchor: dt.date | None = WEDNESDAY) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find(text, anchor)]


def timexes(text: str, anchor: dt.date | None = WEDNESDAY) -> list[tuple[str, str]]:
    return [(f.expr.text, f.timex) for f in find_all(text, anchor)]


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("أغلقت المحال أبوابها في عطلة نهاية الأسبوع الماضي", "عطلة نهاية الأسبوع الماضي", "2015-W40-WE"),
    ("تعود الفرق إلى الملاعب نهاية هذا الأسبوع", "نهاية هذا الأسبوع", "2015-W41-WE"),
    ("يستأنف البرلمان جلساته مطلع الأسبوع المقبل", "مطلع الأسبوع المقبل", "2015-W42"),  # not a weekend
])
def test_weekend_is_the_we_of_its_iso_week(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


def test_weekend_sorts_from_its_saturday() -> None:
    assert sort_key("2015-W41-WE") == dt.date(2015, 10, 10) and sort_key("2015-W41") == dt.date(2015, 10, 5)


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("بنيت القلعة في القرن الثاني عشر", "القرن الثاني عشر", "11"),
    ("شهدت المنطقة حروبا كثيرة في القرن العشرين", "القرن العشرين", "19"),
    ("كتب المؤرخ عن القرن 17 في أوروبا", "القرن 17", "16"),
    ("تغيرت المدينة كثيرا في القرن الماضي", "القرن الماضي", "19"),
    ("انتشرت الطباعة مطلع القرن الحادي والعشرين", "مطلع القرن الحادي والعشرين", "20"),
])
def test_centuries(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


@pytest.mark.parametrize("text", ["وصف الاتفاق بأنه صفقة القرن", "اعتبرها الإعلام جريمة القرن"])
def test_century_needs_its_number(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("هاجر كثيرون في الثمانينات", "الثمانينات", "198"),  # without the «ي» of «الثمانينيات»
    ("ازدهرت السينما خلال عقد الستينيات", "عقد الستينيات", "196"),  # one decade, not «عقد» P10Y and a decade
])
def test_decade_spellings_and_its_head_noun(text: str, surface: str, value: str) -> None:
    assert found(text) == [(surface, value)]


@pytest.mark.parametrize("text", ["اعتقلت الشرطة رجلا في الأربعينيات من عمره", "امرأة في الثلاثينات من العمر"])
def test_a_decade_of_age_is_no_date(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("تراجعت البطالة خلال الأشهر الستة الأخيرة", "الأشهر الستة الأخيرة", "2015-04-07/2015-10-07"),
    ("سجلت البلاد خلال الأيام الـ5 الأخيرة حرارة قياسية", "الأيام الـ5 الأخيرة", "2015-10-02/2015-10-07"),
])
def test_the_last_n_units_are_a_stretch_up_to_the_anchor(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


def test_the_last_days_of_something_named_are_not_counted_from_the_anchor() -> None:
    assert all(v != "2015-09-27/2015-10-07" for _, v in found("يعتكف المصلون في الأيام العشرة الأخيرة من رمضان"))


@pytest.mark.parametrize(("text", "surface"), [
    ("ارتفعت الواردات خلال عام 2015 الجاري", "عام 2015 الجاري"),
    ("انخفض العجز في العام 2014 المنصرم", "العام 2014 المنصرم"),
    ("تنظم الدورة في 2016 المقبل", "2016 المقبل"),
])
def test_a_year_keeps_the_shift_word_that_agrees_with_the_anchor(text: str, surface: str) -> None:
    assert (surface, surface.split()[-2]) in found(text)


def test_a_shift_word_that_contradicts_the_year_stays_out() -> None:
    assert ("عام 2013", "2013") in found("قال إن عام 2013 المقبل سيكون صعبا")


def test_hijri_month_timex_is_the_range_of_its_days() -> None:
    # Ramadan 1436 began on 2015-06-18 and had 29 days (Umm al-Qura, hijridate); the value keeps the month
    # of its middle day for the timeline.
    assert ("شهر رمضان المبارك", "(2015-06-18,2015-07-17,P29D)") in timexes("تقصر ساعات الدوام في شهر رمضان المبارك")
    assert ("شهر رمضان المبارك", "2015-07") in found("تقصر ساعات الدوام في شهر رمضان المبارك")


def test_future_verb_several_words_before_a_day_part_and_weekday() -> None:
    # «سيعقد» is seven words before «الأحد»: the coming Sunday, not the last one
    assert ("مساء الأحد", "2015-10-11") in found("سيعقد المجلس جلسة طارئة في مقره مساء الأحد")


def test_gate_on_dev_news2() -> None:
    # Figures reached on our own dev set (round 3: 0.907 spans, 0.876 values on 97 expressions); expected values
    # were written before the first score (batch 1: 0.842 / 0.737, batch 2: 0.905 / 0.905).
    scores = evaluate(load_cases([DEV_NEWS2]))
    assert scores["false_alarms"] == 0
    assert scores["span_rate"] >= 0.90 and scores["value_rate"] >= 0.87, scores


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("يتوجه آلاف الحجاج إلى مكة خلال موسم الحج", "موسم الحج", "2015-09-21"),  # 8 Dhu al-Hijjah 1436
    ("يسافر الوزير إلى الحج سنة 2016", "الحج سنة 2016", "2016-09-09"),
    ("أحيا الفلسطينيون ذكرى النكبة في رام الله", "ذكرى النكبة", "2015-05-15"),
    ("ألقى الملك خطابا بمناسبة عيد العرش", "عيد العرش", "2015-07-30"),
    ("تقام الاحتفالات في العيد الكبير", "العيد الكبير", "2015-09-23"),
    ("تزين الشوارع في الكريسماس العام المقبل", "الكريسماس العام المقبل", "2016-12-25"),
])
def test_more_holidays(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("تستعد البلاد للاحتفال بعيد الاستقلال", "عيد الاستقلال", "XXXX-XX-XX"),
    ("أقيم العرض العسكري في يوم الاستقلال عام 2014", "يوم الاستقلال عام 2014", "2014"),
])
def test_a_holiday_whose_day_depends_on_the_country_keeps_what_is_known(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


@pytest.mark.parametrize("text", ["أعلنت وزارة الحج عن خطة جديدة", "أدى الرئيس فريضة الحج"])
def test_the_pilgrimage_as_a_noun_is_no_date(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("أقيمت الصلوات في الجمعة العظيمة", "الجمعة العظيمة", "2015-04-03"),  # Easter 2015 was 5 April
    ("يبدأ الصوم الكبير في أربعاء الرماد 2016", "أربعاء الرماد 2016", "2016-02-10"),
    ("تغلق البنوك في يوم مارتن لوثر كينغ", "يوم مارتن لوثر كينغ", "2015-01-19"),  # third Monday of January
])
def test_holidays_counted_from_easter_or_a_weekday_of_the_month(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("تنتهي المهلة في الـ20 من الشهر الجاري", "الـ20 من الشهر الجاري", "2015-10-20"),
    ("بدأ الإضراب في الـ3 من سبتمبر", "الـ3 من سبتمبر", "2015-09-03"),
])
def test_the_article_before_a_days_digits_is_part_of_it(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


@pytest.mark.parametrize("text", ["شارك في السباق أكثر من 2000 عداء", "وصل أقل من 1950 لاجئا إلى الجزيرة"])
def test_a_count_after_more_or_less_than_is_no_year(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("افتتح المسرح في منتصف الثمانينيات", "منتصف الثمانينيات", "198"),
    ("هاجرت العائلة أواخر تسعينيات القرن الماضي", "أواخر تسعينيات القرن الماضي", "199"),
])
def test_an_edge_word_belongs_to_the_decade(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


def test_a_decade_of_the_last_century_has_its_century() -> None:
    assert ("ستينيات القرن الماضي", "(1960-01-01,1970-01-01,P10Y)") in timexes("عرفت البلاد ستينيات القرن الماضي ازدهارا")


def test_a_bare_day_then_a_clock_time_is_that_day_at_that_time() -> None:
    assert found("تصل الطائرة في العاشر عند الساعة 9 مساء") == [("العاشر عند الساعة 9 مساء", "2015-10-10T21")]
    assert found("فاز الفريق في الثاني في 3 مباريات") == []  # no clock time after it


def test_a_weekday_that_disagrees_with_the_anchor_year_names_the_year() -> None:
    # 12 April 2015 was a Sunday; the nearest Friday 12 April before the anchor is in 2013
    assert found("نشر في الجمعة 12 إبريل / نيسان") == [("الجمعة 12 إبريل / نيسان", "2013-04-12")]
    # the day agrees with the anchor's year: unchanged
    assert found("نشر في السبت 3 أكتوبر") == [("السبت 3 أكتوبر", "2015-10-03")]
    # a printed year is never moved
    assert found("نشر في الجمعة 12 أبريل 2015") == [("الجمعة 12 أبريل 2015", "2015-04-12")]


def test_for_a_compound_ordinal_day() -> None:
    assert found("سيعود السفير للثالث والعشرين") == [("للثالث والعشرين", "2015-10-23")]
    assert found("تراجع الفريق للخامس.") == []  # a rank
    assert found("تأهل الفريق للثاني والعشرين على التوالي") == []  # not before a stop


def test_a_year_or_later_is_one_expression() -> None:
    assert found("يشمل القرار المركبات المسجلة 2018 أو بعدها") == [("2018 أو بعدها", "2018")]
    assert found("يعفى من صنع عام 2005 أو ما قبله") == [("عام 2005 أو ما قبله", "2005")]


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("المهاجم الجديد من مواليد 1998", "1998", "1998"),
    ("الشاعرة من مواليد ألفين", "ألفين", "2000"),
])
def test_a_birth_year_after_mawalid(text: str, surface: str, value: str) -> None:
    assert found(text) == [(surface, value)]
