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
    ("وصل الوفد يوم الجمعة الثاني من أكتوبر", "الجمعة الثاني من أكتوبر", "2015-10-02"),
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
