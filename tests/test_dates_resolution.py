"""Values of expressions the value audit on the development part of the specs found wrong, one test per
cause, with news-style sentences of our own (see ``marsad eval dates --part dev --show-misses``)."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.dates import find

WEDNESDAY = dt.date(2015, 10, 7)
MOMENT = dt.datetime(2015, 10, 7, 9, 30)


def found(text: str, anchor: dt.date | None = WEDNESDAY) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find(text, anchor)]


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("ارتفعت الأسعار خلال الأشهر الثلاثة الماضية", "الأشهر الثلاثة الماضية", "2015-07-07/2015-10-07"),
    ("تراجعت الصادرات في السنوات الخمس الماضية", "في السنوات الخمس الماضية", "2010-10-07/2015-10-07"),
    ("ينتظر وصول الشحنة خلال الشهرين المقبلين", "الشهرين المقبلين", "2015-10-07/2015-12-07"),
    ("قتل عشرون شخصا خلال الأسبوعين الماضيين", "الأسبوعين الماضيين", "2015-09-23/2015-10-07"),
])
def test_stretches_of_months_years_and_duals_are_ranges_up_to_the_anchor(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


def test_hours_stretch_looks_back_from_the_reference_moment() -> None:
    # regression: «في الساعات الـ24 الماضية» was moved 24 hours *forward* as «في 24 ساعة» (in 24 hours)
    got = found("شنت الطائرات 40 غارة في الساعات الـ24 الماضية", MOMENT)
    assert ("في الساعات الـ24 الماضية", "2015-10-06T09:30:00/2015-10-07T09:30:00") in got
    assert found("شنت الطائرات 40 غارة في الساعات الـ24 الماضية") == [("في الساعات الـ24 الماضية", "PT24H")]


def test_a_dual_with_the_article_needs_a_shift_to_be_a_duration() -> None:
    assert all(v != "P2Y" for _, v in found("تضاعف الإنتاج بين العامين 2014 و2015"))


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("يجتمع المجلس السبت الثاني من كل شهر", "السبت الثاني", "2015-10-10"),  # 2 October 2015 is a Friday
    ("نظمت مسيرة الأحد الأول من نوفمبر", "الأحد الأول من نوفمبر", "2015-11-01"),  # a Sunday: day of the month
    ("وصل الوفد يوم الجمعة الثاني من أكتوبر", "يوم الجمعة الثاني من أكتوبر", "2015-10-02"),
    ("تظاهروا الأحد السادس", "الأحد السادس", "2015-09-06"),  # the 6th that is a Sunday, before the anchor
    ("تصل البعثة الجمعة 9", "الجمعة 9", "2015-10-09"),
])
def test_weekday_with_an_ordinal_is_a_day_of_the_month_that_fits_or_the_nth_weekday(
        text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("تشتد الرياح في المساء في التاسعة والنصف", "في المساء في التاسعة والنصف", "T21:30"),
    ("يبدأ البث في الصباح في العاشرة", "في الصباح في العاشرة", "T10"),
    ("اشتد القصف خلال الليل على المدينة", "الليل", "TNI"),
])
def test_part_of_the_day_gives_its_hour_and_stands_after_khilal(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


def test_an_hour_with_its_own_day_part_is_not_moved_by_an_earlier_part() -> None:
    assert ("الخامسة صباحا", "T05") in found("في المساء في الخامسة صباحا")


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("بدأت الحملة في 30 سبتمبر الماضي", "30 سبتمبر الماضي", "2015-09-30"),
    ("وقعت الاشتباكات في 20 نوفمبر الماضي", "20 نوفمبر الماضي", "2014-11-20"),  # not the coming November
    ("تنتهي المهلة في 15 يناير المقبل", "15 يناير المقبل", "2016-01-15"),  # not the January gone by
    ("يعقد المؤتمر في 20 أكتوبر الجاري", "20 أكتوبر الجاري", "2015-10-20"),
])
def test_day_and_month_with_past_or_next_take_the_year_on_that_side(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("تبدأ المفاوضات في شهر رمضان المقبل", "شهر رمضان المقبل", "2016-06"),  # Ramadan 1437
    ("ارتفعت الأسعار في رمضان الماضي", "رمضان الماضي", "2015-07"),  # Ramadan 1436
])
def test_hijri_month_with_past_or_next(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


def test_month_named_after_khilal_shahr_is_not_a_duration() -> None:
    assert [v for _, v in found("ترتفع الأسعار خلال شهر رمضان")] == ["2015-07"]


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("عقد الاجتماع الأسبوع قبل الماضي", "الأسبوع قبل الماضي", "2015-W39"),
    ("انتخب المجلس العام قبل الماضي", "العام قبل الماضي", "2013"),
    ("التقى الوفدان الأحد قبل الماضي", "الأحد قبل الماضي", "2015-09-27"),
    ("يصل الوفد الأحد بعد المقبل", "الأحد بعد المقبل", "2015-10-18"),
])
def test_the_one_before_last_and_after_next(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


@pytest.mark.parametrize("text", ["وفي نفس اليوم أعلن الجيش", "وقع الهجوم في اليوم نفسه", "تذكر ذلك اليوم جيدا"])
def test_same_day_is_not_the_publication_day(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("أعلن المتحدث أمس الثلاثاء", "أمس الثلاثاء", "2015-10-06"),
    ("يصل الوزير غدا الخميس", "غدا الخميس", "2015-10-08"),
    ("قال مساء أمس الثلاثاء", "مساء أمس الثلاثاء", "2015-10-06"),
])
def test_relative_day_named_by_its_weekday_is_one_expression(text: str, surface: str, value: str) -> None:
    assert found(text) == [(surface, value)]


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("بدأ الحصار منذ نحو شهر", "شهر", "P1M"),
    ("انسحب المقاتلون قبل حوالي أسبوعين", "قبل حوالي أسبوعين", "2015-09-23"),
    # «أكثر من» is in the span (the Recognizers-Text Arabic MoreThanRegex; ``SpanRules.modified``)
    ("يعيش في المخيم منذ أكثر من عامين", "أكثر من عامين", "P2Y"),
])
def test_approximate_amounts_after_ago_cues(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("فر الملايين بين عامي 2011 و2014", "بين عامي 2011 و2014", "2011/2014"),
    ("نما الاقتصاد بين 2003 و 2008", "بين 2003 و 2008", "2003/2008"),
])
def test_pairs_of_years_are_ranges(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


def test_numbers_between_are_not_years() -> None:
    assert found("قتل بين 20 و30 شخصا") == []


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("تراجع النمو في النصف الأول من 2015", "النصف الأول من 2015", "2015-H1"),
    ("ترتفع المبيعات في الربع الأخير من العام", "الربع الأخير من العام", "2015-Q4"),
    ("تحسن الأداء في النصف الثاني من العام الماضي", "النصف الثاني من العام الماضي", "2014-H2"),
    ("تبدأ الدراسة في الأسبوع الأول من أكتوبر", "الأسبوع الأول من أكتوبر", "XXXX-10-W01"),
])
def test_halves_quarters_and_weeks_of_a_period(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


def test_half_of_something_else_is_no_date() -> None:
    assert found("سجل هدفين في النصف الأول من المباراة") == []


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("وصل الوفد يوم الجمعة الموافق 2 أكتوبر", "يوم الجمعة الموافق 2 أكتوبر", "2015-10-02"),
    ("تبدأ الهدنة ابتداء من يوم غد", "يوم غد", "2015-10-08"),
])
def test_weekday_with_its_date_after_almuwafiq_and_yawm_ghad(text: str, surface: str, value: str) -> None:
    assert found(text) == [(surface, value)]


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("لجأ إلى تركيا منذ سنوات", "منذ سنوات", "PAST_REF"),
    ("تعلن النتائج بعد أيام", "بعد أيام", "FUTURE_REF"),
    ("عانت المدينة طوال سنوات", "طوال سنوات", "PXY"),
])
def test_plural_units_without_a_count_are_vague_not_one_unit(text: str, surface: str, value: str) -> None:
    assert found(text) == [(surface, value)]


@pytest.mark.parametrize("text", ["عاد بعد سنوات الحرب", "انتهت المعارك خلال أيام", "قبل سنوات من الحرب"])
def test_plural_units_without_a_count_or_cue_are_no_expression(text: str) -> None:
    assert all(v not in ("P1Y", "P1D", "PAST_REF") for _, v in found(text))


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("تبدأ السنة الهجرية في 1 محرم", "1 محرم", "2015-10-14"),  # a week after the anchor: the coming one
    ("بدأ الحصار في 10 رمضان", "10 رمضان", "2015-06-27"),  # months before: the last one
])
def test_hijri_day_without_a_year_is_the_nearest_occurrence(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("تراجعت الأمطار خريف العام الماضي", "خريف العام الماضي", "2014-FA"),
    ("يزور البلاد صيف هذا العام", "صيف هذا العام", "2015-SU"),
    ("قتل الآلاف خلال الفترة 2011-2014", "2011-2014", "2011/2014"),
])
def test_seasons_of_a_relative_year_and_dashed_year_ranges(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


def test_quarter_of_the_same_year_named_before_is_not_the_anchor_year() -> None:
    assert found("ارتفعت المبيعات عن الربع الأول من العام نفسه") == []


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("وقع الانفجار حوالي الساعة الواحدة بعد منتصف الليل", "الساعة الواحدة بعد منتصف الليل", "T01"),
    ("تعقد الجلسة هذه الجمعة", "هذه الجمعة", "2015-10-09"),  # the Friday of the anchor's week
])
def test_hour_after_midnight_and_this_weekday(text: str, surface: str, value: str) -> None:
    assert found(text) == [(surface, value)]


def test_this_day_in_another_year_is_not_the_publication_day() -> None:
    assert found("وفي مثل هذا اليوم ولد الشاعر") == []


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("تنطلق الحملة في فاتح أكتوبر", "فاتح أكتوبر", "2015-10-01"),
    ("يصادف غرة محرم رأس السنة الهجرية", "غرة محرم", "2015-10-14"),
])
def test_first_of_the_month_words(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


def test_two_weekdays_in_a_row_are_not_a_weekday_and_a_day_number() -> None:
    assert ("ليل الأحد", "2015-10-04") in found("قصفت المدينة ليل الأحد الاثنين")


def test_nth_day_of_something_is_not_today() -> None:
    assert all(s != "اليوم" for s, _ in found("في اليوم الثاني من عيد الفطر"))


def test_first_end_of_a_range_takes_the_year_of_the_second() -> None:
    got = found("ارتفعت الأسعار في الفترة من فاتح يناير إلى 30 يونيو 2006")
    assert ("من فاتح يناير إلى 30 يونيو 2006", "2006-01-01/2006-06-30") in got
    assert ("من 20 ديسمبر إلى 5 يناير 2016", "2015-12-20/2016-01-05") in found("من 20 ديسمبر إلى 5 يناير 2016")


def test_sunday_is_not_the_number_one_in_a_list_of_weekdays() -> None:
    assert all("T" not in v for _, v in found("صاموا أيام السبت والأحد والاثنين"))


def test_after_sunday_is_not_a_day_later() -> None:
    assert found("وصل الوفد بعد يوم الأحد") == [("بعد يوم الأحد", "2015-10-04")]
    assert found("وصل الوفد بعد يوم واحد") == [("بعد يوم واحد", "2015-10-08")]


def test_a_single_unit_with_the_digit_one_is_a_duration() -> None:
    assert found("مدد الحظر 1 سنة") == [("1 سنة", "P1Y")]
    assert found("استمر الاجتماع ساعة") == []  # the bare noun stays too vague


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("أجريت الجولة يومي 11 و12 أبريل", "يومي 11 و12 أبريل", "2015-04-11/2015-04-12"),
    ("أغلقت المعابر يومي السبت والأحد", "يومي السبت والأحد", "2015-10-03/2015-10-04"),
])
def test_two_days_in_a_row_after_yawmay_are_one_range(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


def test_two_days_apart_after_yawmay_are_not_a_range() -> None:
    assert found("يفتح المتحف يومي الاثنين والأربعاء") == [("الاثنين", "2015-10-05"), ("الأربعاء", "2015-10-07")]


def test_a_range_of_written_years_keeps_its_frame_and_a_second_end_takes_the_first_year() -> None:
    assert found("دامت الأزمة من عام 2008 إلى عام 2012") == [("من عام 2008 إلى عام 2012", "2008/2012")]
    assert found("سجل الطلاب من 2014/09/20 حتى 3 أكتوبر") == [("2014/09/20 حتى 3 أكتوبر", "2014-09-20/2014-10-03")]


def test_an_edge_of_a_written_year_is_that_year() -> None:
    assert found("تصاعدت الهجمات أواخر عام 2013 ومطلع 2014") == [("أواخر عام 2013", "2013"), ("مطلع 2014", "2014")]


def test_a_time_of_a_relative_day_takes_the_weekday_that_names_it() -> None:
    # 2015-10-07 is a Wednesday: tomorrow is Thursday
    assert found("تنطلق القافلة في السادسة صباح غد الخميس") == [("السادسة صباح غد الخميس", "2015-10-08T06")]


def test_a_dual_shift_after_two_weekdays_moves_both() -> None:
    # 2015-10-07 is a Wednesday
    assert found("اجتمع الوزراء يومي الأربعاء والخميس الماضيين") == [
        ("يومي الأربعاء والخميس الماضيين", "2015-09-30/2015-10-01")]
    assert found("يجتمع الوزراء يومي الأحد والاثنين المقبلين") == [
        ("يومي الأحد والاثنين المقبلين", "2015-10-11/2015-10-12")]
    assert found("يجتمع الوزراء السبت والأحد المقبلين") == [("السبت والأحد المقبلين", "2015-10-10/2015-10-11")]


def test_the_article_written_apart_before_a_counted_stretch_is_part_of_it() -> None:
    assert found("قتل خمسة خلال الـ24 ساعة الماضية") == [("الـ24 ساعة الماضية", "PT24H")]


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("تراجعت الصادرات بين شهري فبراير وأبريل", "بين شهري فبراير وأبريل", "2015-02/2015-04"),
    ("تتراجع السياحة خلال شهري ديسمبر ويناير", "شهري ديسمبر ويناير", "2015-12/2016-01"),
    ("سجلت الأمطار في شهري مارس وأبريل 2013", "شهري مارس وأبريل 2013", "2013-03/2013-04"),
    ("تمتد الحملة من 10 أيار/مايو إلى 10 حزيران/يونيو", "من 10 أيار/مايو إلى 10 حزيران/يونيو", "2015-05-10/2015-06-10"),
])
def test_pairs_of_months_and_ranges_of_dual_month_dates(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


def test_a_range_of_weekdays_keeps_min_unless_yawm_follows_it() -> None:
    # 2015-10-07 is a Wednesday
    assert found("تفتح المعابر من السبت إلى الاثنين") == [("من السبت إلى الاثنين", "2015-10-03/2015-10-05")]


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("قال الوزير إن الرئيس سيزور موسكو الأحد", "الأحد", "2015-10-11"),
    ("سوف يعقد المؤتمر يوم الخميس في جنيف", "الخميس", "2015-10-08"),
    ("سأعود إلى القاهرة الأربعاء", "الأربعاء", "2015-10-07"),  # the anchor's own weekday is that day
    ("ساعد الجيش الأهالي الأحد", "الأحد", "2015-10-04"),  # «ساعد» is a past verb
    ("سيزور موسكو بعد أن التقى بوتين الأحد", "الأحد", "2015-10-04"),  # the weekday is in the past clause
    ("التقى الرئيس الأحد وزير الخارجية", "الأحد", "2015-10-04"),
])
def test_a_bare_weekday_after_a_future_verb_is_the_next_such_day(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("سأرجع الحادية عشرة", [("الحادية عشرة", "T11")]),
    ("سأعود الثالثة", [("الثالثة", "T03")]),
    ("ستحل الثانية في الترتيب", []),  # a rank
    ("سأكون الثالثة في السباق", []),
    ("ساعد الثالثة", []),
])
def test_a_feminine_ordinal_right_after_a_first_person_future_verb_is_an_hour(
        text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, None) == expected


def test_the_last_week_of_a_month_is_its_fourth_whole_week() -> None:
    assert ("الأسبوع الأخير من شهر مارس", "XXXX-03-W04") in found("تبدأ الامتحانات الأسبوع الأخير من شهر مارس")


@pytest.mark.parametrize(("text", "expected"), [
    ("سنعود الصيف", [("الصيف", "XXXX-SU")]),
    ("سأسافر سبتمبر", [("سبتمبر", "XXXX-09")]),
    ("سيلتقي ربيع بالوزير", []),  # a name
    ("ستطلق نيسان سيارة جديدة", []),  # the car maker, not the Levantine month
])
def test_a_future_verb_cues_a_bare_month_or_season(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, None) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("بدأ القصف الساعة 10.30 صباحا", [("الساعة 10.30 صباحا", "T10:30")]),
    ("سأرجع عند 4.22", [("4.22", "T04:22")]),
    ("سأرجع عند 4.22 مساء", [("4.22 مساء", "T16:22")]),
    ("استقر السعر عند 4.22 دولار", []),  # a price
    ("أغلق المؤشر عند 8.15.", []),
])
def test_hours_and_minutes_written_with_a_point(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, None) == expected


def test_a_bare_hour_before_lunchtime_is_a_time() -> None:
    assert found("نلتقي 12 وقت الغداء", None) == [("12 وقت الغداء", "T12")]
    assert found("نلتقي 2 وقت الغداء", None) == [("2 وقت الغداء", "T14")]


@pytest.mark.parametrize("text", ["اختتمت القمة أعمالها في اليوم الأخير من المؤتمر", "احتفلت المملكة باليوم الوطني"])
def test_al_yawm_with_an_adjective_naming_the_day_is_not_today(text: str) -> None:
    assert found(text) == []


def test_a_world_day_in_the_holiday_table_is_its_day_not_today() -> None:
    # round 3: «اليوم العالمي للمرأة» is the holiday of 8 March (date_holidays.tsv), never the anchor day
    assert found("نظمت الجمعية ندوة في اليوم العالمي للمرأة") == [("اليوم العالمي للمرأة", "2015-03-08")]


def test_a_moved_appointment_names_two_times_not_a_range() -> None:
    surfaces = [s for s, _ in found("قرر المنظمون تغيير موعد الرابعة مساء إلى الخامسة", None)]
    assert surfaces == ["الرابعة مساء", "الخامسة"]
    assert [s for s, _ in found("أرجأ الرئيس زيارته من الاثنين إلى الأربعاء")] == ["من الاثنين إلى الأربعاء"]


@pytest.mark.parametrize(("text", "expected"), [
    ("سأرجع 04/22", [("04/22", "XXXX-04-22")]),
    ("سوف نعود 4/22", [("4/22", "XXXX-04-22")]),
    ("سيرتفع العدد 3/4", []),
    ("سيكون 3/4 المشاركين من النساء", []),
])
def test_a_month_and_day_right_after_a_future_verb(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, None) == expected


def test_hours_with_a_point_after_a_numeric_date() -> None:
    assert found("وقع الهجوم في 6/6/2021 12.15 ظهرا", None) == [("6/6/2021 12.15 ظهرا", "2021-06-06T12:15")]
    assert found("بلغت الصادرات في 6/6/2021 3.50 مليون دولار", None) == [("6/6/2021", "2021-06-06")]


def test_minutes_in_words_right_after_the_hour_before_a_day_part() -> None:
    assert found("يبدأ البث عشرة عشرين مساء", None) == [("عشرة عشرين مساء", "T22:20")]
    assert found("قتل خمسة عشر شخصا مساء", None) == []


def test_hatha_al_yawm_is_today_with_its_demonstrative() -> None:
    assert found("تشهد العاصمة هذا اليوم إضرابا عاما") == [("هذا اليوم", "2015-10-07")]
    assert found("في مثل هذا اليوم من عام 1973 اندلعت الحرب") == [("عام 1973", "1973")]


def test_fi_ghudun_before_a_bare_unit_is_a_duration() -> None:
    assert found("تعهدت الحكومة بالرد في غضون أسبوع") == [("في غضون أسبوع", "P1W")]
    assert found("في غضون ذلك وصل الوفد") == []


@pytest.mark.parametrize(("text", "value"), [
    ("سيصل الوفد صباح الأربعاء", "2015-10-07"),
    ("سيقع الاجتماع الجمعة", "2015-10-09"),
    ("ضربت سيول المنطقة الجمعة", "2015-10-02"),  # «سيول» floods
    ("سيطر المسلحون على البلدة الجمعة", "2015-10-02"),  # a past verb
])
def test_short_future_verbs_and_look_alikes(text: str, value: str) -> None:
    assert [v for _, v in found(text)] == [value]


# Gaps found by the generated families of benchmarks/dates_variants.py (date+time, shifts, sets, periods).

@pytest.mark.parametrize(("text", "surface", "value"), [
    ("يصل الوفد الاثنين الساعة 8 مساء", "الاثنين الساعة 8 مساء", "2015-10-05T20"),
    ("يصل الوفد في الساعة 8 مساء يوم 21/4/2016", "الساعة 8 مساء يوم 21/4/2016", "2016-04-21T20"),
])
def test_weekday_before_al_saa_is_no_two_hours_and_a_numeric_date_follows_yawm(text: str, surface: str,
                                                                               value: str) -> None:
    assert (surface, value) in found(text)


def test_a_weekday_word_with_its_article_is_no_count_but_3_al_saat_is() -> None:
    assert ("3 الساعات", "PT3H") in found("سأغادر لمدة 3 الساعات")
    assert not any(v == "PT2H" for _, v in found("يصل الوفد الاثنين الساعة العاشرة صباحا"))


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("تبدأ المحادثات بعد يومين من الغد", "بعد يومين من الغد", "2015-10-10"),
    ("وصلت البعثة قبل 3 أيام من أمس", "قبل 3 أيام من أمس", "2015-10-03"),
    ("تصدر النتائج بعد أسبوع من اليوم", "بعد أسبوع من اليوم", "2015-10-14"),
    ("تبدأ الجلسة بعد 3 أيام من الآن", "بعد 3 أيام من الآن", "2015-10-10"),
])
def test_days_counted_from_a_relative_day_or_from_now(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


def test_from_now_keeps_the_moment_of_a_timed_shift() -> None:
    got = [(t.text, t.value) for t in find("تبدأ الجلسة بعد 5 دقائق من الآن", MOMENT)]
    assert ("بعد 5 دقائق من الآن", "2015-10-07T09:35:00") in got


def test_days_after_an_event_are_no_date() -> None:
    assert ("ستة أيام", "P6D") in found("توفي بعد ستة أيام من الانفجار")
    assert ("يومين", "P2D") in found("وصل بعد يومين من اليوم الأول للمؤتمر")


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("يجتمع المجلس كل ثلاثاء", "كل ثلاثاء", "XXXX-WXX-2"),
    ("تقام الصلاة كل جمعة", "كل جمعة", "XXXX-WXX-5"),
    ("يجتمع المجلس كل اثنين الساعة 9 صباحا", "كل اثنين الساعة 9 صباحا", "XXXX-WXX-1T09"),
    ("تصل الشحنة كل أحد عشر يوما", "كل أحد عشر يوما", "P11D"),
])
def test_every_bare_weekday_is_a_set(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


def test_every_two_of_them_is_no_weekday() -> None:
    assert found("يتقاسم كل اثنين منهم غرفة") == []


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("تنتهي المهلة في نهاية اليوم", "نهاية اليوم", "2015-10-07T23:59"),
    ("يلتقي الوزيران هذه الظهيرة", "هذه الظهيرة", "2015-10-07"),
    ("تجري القرعة في الأسبوع الأول من مارس 2017", "الأسبوع الأول من مارس 2017", "2017-03-W01"),
])
def test_end_of_today_this_noon_and_a_week_of_a_dated_month(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


@pytest.mark.parametrize(("text", "old", "new"), [
    ("سأغير موعد الساعة العاشرة صباحًا إلى صفر.", "العاشرة صباحًا", ("صفر", "T00")),
    ("سأغير موعد العاشرة صباحا إلى عشرين!", "العاشرة صباحا", ("عشرين", "T20")),
    ("سأغير موعد الساعة 3 مساءً إلى 4.", "3 مساءً", ("4", "T04")),
])
def test_a_moved_appointment_has_its_old_time_without_al_saa_and_its_new_hour(text: str, old: str,
                                                                              new: tuple[str, str]) -> None:
    got = found(text)
    assert [s for s, _ in got] == [old, new[0]]
    assert new in got


def test_a_moved_appointment_to_25_is_no_day_and_a_range_keeps_its_frame() -> None:
    assert [s for s, _ in found("سأغير موعد العاشرة صباحًا إلى 25")] == ["العاشرة صباحًا"]
    assert found("نقل الاجتماع من الساعة 3 إلى الساعة 5") == [("من الساعة 3 إلى الساعة 5", "T03/T05")]


MONDAY_MOMENT = dt.datetime(2016, 11, 7, 16, 12)


@pytest.mark.parametrize(("text", "value"), [
    ("يعمل المعبر الأسبوع القادم من الاثنين إلى الجمعة", "2016-11-14/2016-11-18"),
    ("يعمل المعبر من الاثنين إلى الجمعة من الأسبوع القادم", "2016-11-14/2016-11-18"),
    ("أغلق المعبر الأسبوع الماضي من الثلاثاء حتى الخميس", "2016-11-01/2016-11-03"),
])
def test_a_range_of_weekdays_in_a_named_week(text: str, value: str) -> None:
    assert [v for _, v in found(text, dt.date(2016, 11, 7))] == [value]


@pytest.mark.parametrize(("text", "value"), [
    ("تصدر الأرقام في الربع القادم", "2017-Q1"),
    ("تراجعت المبيعات في الربع الماضي", "2016-Q3"),
    ("ترتفع الأسعار هذا الربع", "2016-Q4"),
])
def test_a_quarter_with_a_shift_word(text: str, value: str) -> None:
    assert [v for _, v in found(text, dt.date(2016, 11, 7))] == [value]


@pytest.mark.parametrize(("text", "value"), [
    ("سأعود في الساعة التالية", "2016-11-07T16:12:00/2016-11-07T17:12:00"),
    ("سأعود في الساعتين القادمتين", "2016-11-07T16:12:00/2016-11-07T18:12:00"),
    ("لم يصل أحد في الساعتين الماضيتين", "2016-11-07T14:12:00/2016-11-07T16:12:00"),
])
def test_the_next_or_last_hours_from_the_reference_moment(text: str, value: str) -> None:
    assert [t.value for t in find(text, MONDAY_MOMENT)] == [value]


@pytest.mark.parametrize("text", ["سأعود حالا", "سأعود في هذه اللحظة"])
def test_words_of_the_present_are_present_ref(text: str) -> None:
    assert [v for _, v in found(text)] == ["PRESENT_REF"]


def test_in_n_days_from_a_reference_moment_is_a_day_but_a_duration_in_news() -> None:
    assert [t.value for t in find("حدد موعدًا للاجتماع في 10 أيام", MONDAY_MOMENT)] == ["2016-11-17"]
    assert found("أنجز المشروع في 10 أيام") == [("في 10 أيام", "P10D")]


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("تبدأ العطلة عيد الميلاد القادم", "عيد الميلاد القادم", "2016-12-25"),
    ("احتفلوا بعيد الميلاد الماضي", "عيد الميلاد الماضي", "2015-12-25"),
    ("يعود عيد الحب القادم", "عيد الحب القادم", "2017-02-14"),
])
def test_a_holiday_with_a_shift_word_is_the_next_or_the_last_one(text: str, surface: str, value: str) -> None:
    assert found(text, dt.date(2016, 11, 7)) == [(surface, value)]


def test_a_day_with_its_weekday_before_its_month_but_21_days_stay_a_duration() -> None:
    anchor = dt.date(2016, 11, 7)
    assert found("سأعود الحادي والعشرين يوم الجمعة من هذا الشهر", anchor) == [
        ("الحادي والعشرين يوم الجمعة من هذا الشهر", "2016-11-21")]
    assert ("21 يوم", "P21D") in found("بقي 21 يوم الجمعة في المستشفى", anchor)


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("يجتمع المجلس كل أسبوع يوم الاثنين", "كل أسبوع يوم الاثنين", "XXXX-WXX-1"),
    ("يجتمع المجلس كل مساء في السابعة", "كل مساء في السابعة", "T19"),
    ("يجتمع المجلس صباح كل اثنين", "صباح كل اثنين", "XXXX-WXX-1TMO"),
    ("يجتمع المجلس أيام الجمعة بعد الظهر", "أيام الجمعة بعد الظهر", "XXXX-WXX-5TAF"),
    ("تصرف الرواتب في 15 من كل شهر", "15 من كل شهر", "XXXX-XX-15"),
    ("يحتفلون كل عام في 15 أبريل", "كل عام في 15 أبريل", "XXXX-04-15"),
    ("تصدر النشرة فصليا", "فصليا", "P3M"),
])
def test_sets_with_their_day_part_weekday_or_day(text: str, surface: str, value: str) -> None:
    assert found(text) == [(surface, value)]



@pytest.mark.parametrize(("text", "value"), [
    ("يعمل المعبر من الاثنين 9 صباحا إلى الجمعة 5 مساء", "2016-11-07T09/2016-11-11T17"),
    ("يعمل المعبر من 1 يناير الساعة 10 صباحا حتى 3 يناير الساعة 5 مساء", "2016-01-01T10/2016-01-03T17"),
    ("سأعود الليلة بين 8 و 10", "2016-11-07T20/2016-11-07T22"),
])
def test_ranges_of_days_with_their_hours_and_a_night_between_two_hours(text: str, value: str) -> None:
    assert [v for _, v in found(text, dt.date(2016, 11, 7))] == [value]


def test_people_counted_at_night_are_no_hours() -> None:
    assert found("قتل الليلة بين 3 و 5 أشخاص", dt.date(2016, 11, 7)) == [("الليلة", "2016-11-07")]


@pytest.mark.parametrize(("text", "value"), [
    ("تسعة عشر ثمانية وعشرون", "1928"), ("ولد في عشرين أربعة عشر", "2014"), ("ولد عام تسعة عشر تسعة وتسعون", "1999")])
def test_a_year_said_in_two_halves(text: str, value: str) -> None:
    assert [v for _, v in found(text)] == [value]


def test_two_counts_are_no_year_and_the_next_hour_is_a_stretch_without_a_moment() -> None:
    assert found("أحد عشر عشرون") == []
    assert [(t.text, t.value) for t in find("سأعود في الساعة القادمة", None)] == [("في الساعة القادمة", "PT1H")]


@pytest.mark.parametrize(("text", "value"), [
    ("تنعقد الدورة نوفمبر من 10 إلى 15", "2016-11-10/2016-11-15"),
    ("تنعقد الدورة مارس بين 15 و 19", "2016-03-15/2016-03-19"),
    ("تنعقد الدورة من يناير إلى مارس", "2016-01/2016-03"),
    ("تنعقد الدورة بين ديسمبر وفبراير", "2016-12/2017-02"),
    ("تنعقد الدورة في مارس من العام المقبل", "2017-03"),
    ("زار الوفد العاصمة مارس الماضي", "2016-03"),
    ("تنعقد الدورة الأسبوع الأخير من هذا الشهر", "2016-11-W04"),
])
def test_month_ranges_and_months_of_a_named_year(text: str, value: str) -> None:
    assert [v for _, v in found(text, dt.date(2016, 11, 7))] == [value]


def test_practice_for_hours_and_pressure_are_no_months() -> None:
    assert all("-" not in v[:8] for _, v in found("مارس من 3 إلى 5 ساعات يوميا"))
    assert found("مارس الضغط على الحكومة") == []
    assert found("انتقل من مارس إلى الحكومة") == []


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("بقي في المستشفى الأسبوع كله", "الأسبوع كله", "P1W"), ("سأغادر اليوم بأكمله", "اليوم بأكمله", "P1D")])
def test_the_whole_of_one_unit_is_a_duration(text: str, surface: str, value: str) -> None:
    assert found(text) == [(surface, value)]


@pytest.mark.parametrize(("text", "value"), [
    ("تنتهي المهلة آخر يوم من الشهر", "2016-11-30"), ("تبدأ الخطة أول يوم في العام المقبل", "2017-01-01"),
    ("يجتمع المجلس آخر جمعة من الشهر", "2016-11-25"), ("يجتمع المجلس الأحد الأول من الشهر", "2016-11-06"),
    ("وصل اليوم السابق", "2016-11-06"),
])
def test_first_and_last_days_and_weekdays_of_a_month(text: str, value: str) -> None:
    assert [v for _, v in found(text, dt.date(2016, 11, 7))] == [value]


def test_the_last_day_of_a_conference_or_a_life_is_no_date() -> None:
    assert found("في اليوم الأخير من المؤتمر") == []
    assert found("آخر يوم من حياته") == []


@pytest.mark.parametrize(("text", "surface"), [
    ("سأغادر بعد أكتوبر", "بعد أكتوبر"), ("سأغادر في 15 أكتوبر أو بعده", "15 أكتوبر أو بعده"),
    ("سأغادر الجمعة أو قبلها", "الجمعة أو قبلها")])
def test_a_month_after_before_or_after_and_a_day_that_bounds_an_open_range(text: str, surface: str) -> None:
    assert [s for s, _ in found(text)] == [surface]


@pytest.mark.parametrize(("text", "value"), [
    ("سأعود بعد ساعة ونصف", "2016-11-07T17:42:00"), ("سأعود بعد ربع ساعة", "2016-11-07T16:27:00"),
    ("سأعود في 3 أشهر", "2017-02")])
def test_fractions_of_an_hour_and_months_from_the_reference_moment(text: str, value: str) -> None:
    assert [t.value for t in find(text, MONDAY_MOMENT)] == [value]


def test_for_the_day_of_yesterday_is_read_as_for_tomorrow() -> None:
    assert [s for s, _ in found("حدد موعدًا ليوم أمس الساعة 9 صباحًا")] == ["أمس الساعة 9 صباحًا"]
    assert [s for s, _ in found("حدث ذلك يوم أمس")] == ["يوم أمس"]


def test_an_hour_then_a_comma_and_tonight_is_no_day_of_the_month() -> None:
    assert [t.value for t in find("سأعود في 10 ، الليلة", MONDAY_MOMENT)] == ["2016-11-07T22"]
    assert ("15", "2016-11-15") in [(t.text, t.value) for t in find("وصل في 15، صباح الأحد", MONDAY_MOMENT)]


def test_a_day_or_another_of_one_month_gives_both_days() -> None:
    assert found("سأعود في 5 أو 6 مارس 2017") == [("5", "2017-03-05"), ("6 مارس 2017", "2017-03-06")]
    assert found("قتل 5 أو 6 أشخاص") == []


def test_hours_then_the_part_of_a_day_after_min() -> None:
    assert [t.value for t in find("سأعود من الساعة 7 إلى الساعة 9 من مساء الغد", MONDAY_MOMENT)] == [
        "2016-11-08T19/2016-11-08T21"]
