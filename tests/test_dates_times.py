"""Issue 6, times of day: the gaps found by the families generated from Arabic time grammar in
benchmarks/dates_variants.py (``gen:*``), each with small sentences of our own, and the numbers that
must stay no time."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.dates.extract import find_all

MONDAY = dt.datetime(2016, 11, 7, 16, 12)


def timexes(text: str, anchor: dt.datetime | None = MONDAY) -> list[tuple[str, str]]:
    return [(f.expr.text, f.timex) for f in find_all(text, anchor)]


@pytest.mark.parametrize(("text", "surface", "timex"), [
    ("سأعود في الثامنة ص", "الثامنة ص", "T08"),
    ("سأعود الساعة 2 م", "الساعة 2 م", "T14"),
    ("بدأ الاجتماع 8:30 م في مقر الوزارة", "8:30 م", "T20:30"),
    ("وصل الوفد الساعة 11 ظهرا", "الساعة 11 ظهرا", "T11"),
    ("وصل الوفد في الحادية عشرة ظهرا", "الحادية عشرة ظهرا", "T11"),
    ("وصل الوفد في الواحدة ظهرا", "الواحدة ظهرا", "T13"),
])
def test_short_day_parts_and_noon(text: str, surface: str, timex: str) -> None:
    assert (surface, timex) in timexes(text)


@pytest.mark.parametrize("text", ["قتل 8 م من الجنود", "يبلغ طول الجدار 8 م تقريبا", "انظر ص 8 من التقرير",
                                  "سأعود في 8 م"])
def test_short_day_parts_make_no_time_by_themselves(text: str) -> None:
    assert not any(t.startswith("T") for _, t in timexes(text))


@pytest.mark.parametrize(("text", "surface", "timex"), [
    ("سأعود في الثامنة إلا ربعا", "الثامنة إلا ربعا", "T07:45"),
    ("سأعود الساعة الثامنة إلا ثلثا", "الساعة الثامنة إلا ثلثا", "T07:40"),
    ("سأعود في الثامنة إلا الثلث مساء", "الثامنة إلا الثلث مساء", "T19:40"),
])
def test_quarter_and_third_before_the_hour(text: str, surface: str, timex: str) -> None:
    assert (surface, timex) in timexes(text)


@pytest.mark.parametrize(("text", "surface", "timex"), [
    ("سأعود في الواحدة وأربعون دقيقة", "الواحدة وأربعون دقيقة", "T01:40"),
    ("سأعود في الثالثة وعشرون دقيقة", "الثالثة وعشرون دقيقة", "T03:20"),
    ("سأعود في الثامنة وعشرين", "الثامنة وعشرين", "T08:20"),
    ("سأعود الساعة الثالثة وعشرين", "الساعة الثالثة وعشرين", "T03:20"),
    ("سأعود الساعة واحدة", "الساعة واحدة", "T01"),
])
def test_minutes_in_words(text: str, surface: str, timex: str) -> None:
    assert (surface, timex) in timexes(text)


@pytest.mark.parametrize("text", ["احتفل في الثامنة والعشرين من عمره", "الحلقة الواحدة والعشرون من المسلسل",
                                  "ربحت الواحدة والعشرين مباراة", "كانت الحصيلة الثالثة وعشرين قتيلا"])
def test_ordinals_with_the_article_are_no_minutes(text: str) -> None:
    assert not any(t.startswith("T") for _, t in timexes(text))


@pytest.mark.parametrize(("text", "surface", "timex"), [
    ("سأعود عند الظهر", "الظهر", "T12"),
    ("بدأ الاجتماع قرابة الظهر في مقر الوزارة", "الظهر", "T12"),
    ("بدأ الاجتماع عند الظهيرة في مقر الوزارة", "الظهيرة", "T12"),
])
def test_noon(text: str, surface: str, timex: str) -> None:
    assert (surface, timex) in timexes(text)


def test_in_the_back_is_no_noon() -> None:
    assert timexes("أصيب في الظهر برصاصة طائشة") == []


@pytest.mark.parametrize(("text", "surface", "timex"), [
    ("سأعود الجمعة في السابعة والنصف مساء", "الجمعة في السابعة والنصف مساء", "XXXX-WXX-5T19:30"),
    ("سأعود يوم الجمعة السابعة والنصف مساء", "يوم الجمعة السابعة والنصف مساء", "XXXX-WXX-5T19:30"),
    ("سأعود صباح الأحد في السادسة", "صباح الأحد في السادسة", "XXXX-WXX-7T06"),
    ("سأعود ظهر الأحد في الواحدة", "ظهر الأحد في الواحدة", "XXXX-WXX-7T13"),
    ("سأعود اليوم الثالثة عصرا", "اليوم الثالثة عصرا", "2016-11-07T15"),
    ("سأعود الساعة 8 مساء يوم 15 أكتوبر", "الساعة 8 مساء يوم 15 أكتوبر", "XXXX-10-15T20"),
    ("سأعود في الثالثة عصرا من يوم 15 أكتوبر", "الثالثة عصرا من يوم 15 أكتوبر", "XXXX-10-15T15"),
])
def test_a_day_with_its_hour(text: str, surface: str, timex: str) -> None:
    assert (surface, timex) in timexes(text)


def test_a_feminine_compound_ordinal_after_a_weekday_stays_a_day() -> None:
    # the specs: «يوم الخميس في الحادية والعشرين» is the 21st
    assert ("الخميس في الحادية والعشرين", "XXXX-XX-21") in timexes("سأعود يوم الخميس في الحادية والعشرين", None)


def test_the_nth_day_is_still_no_today() -> None:
    assert timexes("في اليوم الثانية من الحرب") == []
    assert timexes("اليوم الثالث من المؤتمر شهد نقاشات") == []


@pytest.mark.parametrize(("text", "surface", "timex"), [
    ("سأعمل من 8:00 وحتى 10:30", "من 8:00 وحتى 10:30", "(T08:00,T10:30,PT2H30M)"),
    ("سأعمل من الثامنة وحتى العاشرة صباحا", "من الثامنة وحتى العاشرة صباحا", "(T08,T10,PT2H)"),
])
def test_ranges_with_wa_hatta(text: str, surface: str, timex: str) -> None:
    got = dict(timexes(text))
    assert surface in got and got[surface].startswith(timex[:-1].rsplit(",", 1)[0])


def test_wa_hatta_opening_another_clause_is_no_range() -> None:
    got = timexes("لم ينضم للتدريبات السبت المقبل وحتى أمس لم يصل", dt.datetime(2015, 10, 7))
    assert all(not t.startswith("(") for _, t in got)


@pytest.mark.parametrize(("text", "surface", "timex"), [
    ("سأعود عشرين دقيقة بعد الثامنة", "عشرين دقيقة بعد الثامنة", "T08:20"),
    ("سأعود 20 دقيقة بعد الثامنة مساء", "20 دقيقة بعد الثامنة مساء", "T20:20"),
    ("سأعود ربع ساعة قبل الثامنة", "ربع ساعة قبل الثامنة", "T07:45"),
    ("سأعود ربع ساعة قبل الساعة 8 مساء", "ربع ساعة قبل الساعة 8 مساء", "T19:45"),
    ("سأعود الساعة 12 منتصف الليل", "الساعة 12 منتصف الليل", "T00"),
    ("سأعود الساعة 7 ونص", "الساعة 7 ونص", "T07:30"),
])
def test_minutes_to_and_past_and_spoken_forms(text: str, surface: str, timex: str) -> None:
    assert (surface, timex) in timexes(text)


def test_minutes_after_the_nth_of_something_are_a_duration() -> None:
    assert timexes("انتظرنا عشرين دقيقة بعد الثانية من الهجمات") == [("عشرين دقيقة", "PT20M")]


@pytest.mark.parametrize(("text", "surface", "timex"), [
    ("سأعود في حوالي السابعة", "السابعة", "T07"),  # a standalone approximation stays out (test_dates_resolution)
    ("سأعود في تمام السابعة", "السابعة", "T07"),
    ("سأعود في الثالثة من بعد الظهر", "الثالثة من بعد الظهر", "T15"),
    ("سأعود في الثامنة من المساء", "الثامنة من المساء", "T20"),
    ("سأعود يوم 15 في السابعة", "يوم 15 في السابعة", "XXXX-XX-15T07"),
    ("سأعود يوم 15 الساعة 8 مساء", "يوم 15 الساعة 8 مساء", "XXXX-XX-15T20"),
    ("بدأ الاجتماع في السابعة يوم 3 في مقر الوزارة", "السابعة يوم 3", "XXXX-XX-03T07"),
    ("سأعود غدا صباحا في الثامنة", "غدا صباحا في الثامنة", "2016-11-08T08"),
    ("سأعود غدا مساء في التاسعة", "غدا مساء في التاسعة", "2016-11-08T21"),
])
def test_approximations_links_and_day_numbers_with_hours(text: str, surface: str, timex: str) -> None:
    assert (surface, timex) in timexes(text)


@pytest.mark.parametrize("text", ["حل في نحو الثامنة عالميا", "قتل حوالي 20 شخصا", "قتل 8 يوم 3 من المعارك"])
def test_no_time_in_ranks_and_counts(text: str) -> None:
    assert not any("T" in t and not t.startswith("P") for _, t in timexes(text))


@pytest.mark.parametrize(("text", "surface", "timex"), [
    ("ضبط المنبه على السابعة", "السابعة", "T07"),
    ("اضبط المنبه على 7 من فضلك", "7", "T07"),
    ("سأعود الساعة 12 صباحا", "الساعة 12 صباحا", "T00"),
    ("سأعود الساعة 12:30 صباحا", "الساعة 12:30 صباحا", "T00:30"),
    ("سأعود حوالي الحادية عشرة", "الحادية عشرة", "T11"),
])
def test_alarm_midnight_and_about(text: str, surface: str, timex: str) -> None:
    assert (surface, timex) in timexes(text)


def test_a_rank_after_ala_is_no_time() -> None:
    assert timexes("حصل على الثانية في السباق") == []


@pytest.mark.parametrize(("text", "surface", "timex"), [
    ("سأعمل الليلة من 8 إلى 10", "الليلة من 8 إلى 10", "(2016-11-07T20,2016-11-07T22,PT2H)"),
    ("سأعمل صباح الغد من 9 إلى 11", "صباح الغد من 9 إلى 11", "(2016-11-08T09,2016-11-08T11,PT2H)"),
    ("سأعمل مساء الجمعة من السابعة إلى التاسعة", "مساء الجمعة من السابعة إلى التاسعة",
     "(XXXX-WXX-5T19,XXXX-WXX-5T21,PT2H)"),
])
def test_a_part_of_the_day_reads_the_range_of_hours_after_it(text: str, surface: str, timex: str) -> None:
    assert (surface, timex) in timexes(text)


def test_a_range_of_counts_after_a_part_of_the_day_is_no_hours() -> None:
    assert timexes("وصلت مساء الأحد من 3 إلى 5 أشخاص") == [("مساء الأحد", "XXXX-WXX-7TEV")]


@pytest.mark.parametrize(("text", "surface", "timex"), [
    ("سأعود الساعة الـ8 مساء", "الساعة الـ8 مساء", "T20"),
    ("سأعود الساعة ال8", "الساعة ال8", "T08"),
    ("سأعود الساعة 8 بالليل", "الساعة 8 بالليل", "T20"),
    ("سأعود الساعة 7 و نصف", "الساعة 7 و نصف", "T07:30"),
])
def test_spoken_spellings(text: str, surface: str, timex: str) -> None:
    assert (surface, timex) in timexes(text)


def test_at_night_alone_is_no_time() -> None:
    assert timexes("يعمل بالليل والنهار") == []


@pytest.mark.parametrize(("text", "surface", "timex"), [
    ("اضبط المنبه على سبعة وأربعين", "سبعة وأربعين", "T07:40"),
    ("اضبط المنبه على ستة", "ستة", "T06"),
])
def test_an_alarm_is_set_to_an_hour_in_cardinals(text: str, surface: str, timex: str) -> None:
    assert (surface, timex) in timexes(text)


def test_cardinals_after_ala_without_an_alarm_are_counts() -> None:
    assert timexes("حصل على ثمانية وأربعين صوتا") == []


@pytest.mark.parametrize(("text", "surface", "timex"), [
    ("سأعود 1 ظهر الغد", "1 ظهر الغد", "2016-11-08T13"),
    ("سأعود 11 ظهر الغد", "11 ظهر الغد", "2016-11-08T11"),
    ("وصل الوفد في 5 فجر اليوم", "5 فجر اليوم", "2016-11-07T05"),
])
def test_a_number_before_noon_or_dawn_of_a_day(text: str, surface: str, timex: str) -> None:
    assert (surface, timex) in timexes(text)


def test_a_count_before_dawn_of_a_day_is_no_hour() -> None:
    assert timexes("قتل 5 فجر اليوم") == [("فجر اليوم", "2016-11-07TMO")]


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("سأعود 7.30 مساء", "7.30 مساء", "T19:30"),
    ("وقع الانفجار في السادسة إلا عشرين قرب السوق", "السادسة إلا عشرين", "T05:40"),
    ("سأعود الساعة التاسعة إلا خمس مساء", "الساعة التاسعة إلا خمس مساء", "T20:55"),
])
def test_a_dotted_time_with_its_day_part_and_minutes_to_without_daqiqa(text: str, surface: str, value: str) -> None:
    assert timexes(text) == [(surface, value)]


def test_a_decimal_and_minutes_to_a_counted_noun_are_no_time() -> None:
    assert timexes("ارتفع المؤشر 7.30 نقطة") == []
    assert timexes("وصل في السادسة إلا خمسة منهم") == [("السادسة", "T06")]


def test_later_or_earlier_today_is_the_day() -> None:
    assert timexes("سأعود في وقت لاحق من اليوم") == [("في وقت لاحق من اليوم", "2016-11-07")]


@pytest.mark.parametrize(("text", "surface", "timex"), [
    ("سأعود مساء 15 أكتوبر", "مساء 15 أكتوبر", "XXXX-10-15TEV"),
    ("سأعود صباح يوم 15 أكتوبر", "صباح يوم 15 أكتوبر", "XXXX-10-15TMO"),
    ("سأعود في مساء 15 أكتوبر الساعة 8", "مساء 15 أكتوبر الساعة 8", "XXXX-10-15T20"),
    ("سأعود غدا قرابة الساعة 8 مساء", "غدا قرابة الساعة 8 مساء", "2016-11-08T20"),
])
def test_a_part_of_a_written_date_is_no_hour_of_its_day_number(text: str, surface: str, timex: str) -> None:
    assert timexes(text) == [(surface, timex)]


def test_fifteen_people_in_the_evening_are_no_time() -> None:
    assert timexes("وصل مساء 15 شخصا") == []


@pytest.mark.parametrize(("text", "surface", "timex"), [
    ("سأعود من 9 صباحا حتى الظهر", "من 9 صباحا حتى الظهر", "(T09,T12,PT3H)"),
    ("سأعود بين الظهر والرابعة عصرا", "بين الظهر والرابعة عصرا", "(T12,T16,PT4H)"),
])
def test_noon_as_an_end_of_a_range_of_hours(text: str, surface: str, timex: str) -> None:
    assert timexes(text) == [(surface, timex)]


def test_the_early_hours_of_the_morning_are_no_one_o_clock() -> None:
    assert timexes("سأعود في ساعات المساء الأولى") == []
    assert timexes("أصيب في الظهر") == []
