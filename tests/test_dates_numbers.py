"""The shared reader of Arabic number words (marsad.dates.numbers): one word, a «و»-joined word, a decimal figure,
and the compounds of dates and durations; each caller's own policy is tested with the caller."""

from __future__ import annotations

import pytest

from marsad.dates.numbers import after_wa, bare, decimal_value, number_words, parse_words, word_number
from marsad.dates.scan import scan
from marsad.text.normalize import match_key


def test_number_word_table_is_in_matching_form() -> None:
    table = number_words()
    assert all(match_key(w) == w for w in table)
    assert {kind for _, kind in table.values()} == {"unit", "ten", "tens", "hundred", "thousand", "ordinal", "vague"}


def test_one_word_with_or_without_the_article_and_in_the_accusative_when_asked() -> None:
    assert bare("الثاني") == "ثاني" and bare("الف") == "الف"  # «ألف» is no «ال» + «ف»
    assert word_number("الثالثه") == word_number("ثالثه") == (3, "ordinal")
    assert word_number("اربعا") is None and word_number("اربعا", accusative=True) == (4, "unit")
    assert word_number("عشره") == (10, "ten") and word_number("طائره") is None


def test_a_joined_wa_is_split_off_only_before_a_word() -> None:
    assert after_wa("وعشرين") == "عشرين"
    assert after_wa("وف") is None and after_wa("عشرين") is None


@pytest.mark.parametrize(("figure", "value"), [("4.5", 4.5), ("4,5", 4.5), ("4\u066b5", 4.5), ("400", 400.0)])
def test_decimal_figures_read_with_any_separator(figure: str, value: float) -> None:
    assert decimal_value(figure) == value


@pytest.mark.parametrize(("text", "reading"), [
    ("ثمانية أيام", (8, 1, False)),
    ("الحادي والعشرين من الشهر", (21, 2, True)),
    ("الحادي و العشرين", (21, 3, True)),
    ("خمسة عشر يوما", (15, 2, False)),
    ("ألفين وثمانية عشر", (2018, 3, False)),
    ("ثلاثمائة وخمسين", (350, 2, False)),
])
def test_compounds_of_dates_and_durations(text: str, reading: tuple[int, int, bool]) -> None:
    assert parse_words(scan(text), 0) == reading


def test_a_lone_ahad_is_no_number_but_ahad_ashar_is() -> None:
    assert parse_words(scan("أحد الأيام"), 0) is None
    assert parse_words(scan("أحد عشر شهرا"), 0) == (11, 2, False)
