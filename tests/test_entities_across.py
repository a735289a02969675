"""Resolution of people across stories (marsad.entities.across)."""

from __future__ import annotations

from marsad.entities.across import linked_people, person_keys


def keys(*names: str) -> set[str]:
    return person_keys(names)


def test_another_spelling_of_the_full_name_is_the_same_person():
    target = keys("إيغور كوناشينكوف")
    assert linked_people(target, {"e2": keys("ايجور كوناشنكوف"), "e3": keys("أناتولي أنطونوف")}) == ["e2"]


def test_a_surname_alone_is_linked_when_no_other_person_has_it():
    target = keys("إيغور كوناشينكوف")
    assert linked_people(target, {"e2": keys("كوناشنكوف"), "e3": keys("أنطونوف")}) == ["e2"]


def test_an_ambiguous_surname_is_not_linked():
    target = keys("بشار الأسد")
    candidates = {"e2": keys("الأسد"), "e3": keys("حافظ الأسد")}
    assert linked_people(target, candidates) == []


def test_a_surname_alone_finds_the_full_name_when_unambiguous():
    assert linked_people(keys("كوناشينكوف"), {"e2": keys("إيغور كوناشنكوف"), "e3": keys("أناتولي أنطونوف")}) == ["e2"]
    assert linked_people(keys("الأسد"), {"e2": keys("بشار الأسد"), "e3": keys("حافظ الأسد")}) == []


def test_different_first_names_are_different_people():
    assert linked_people(keys("أناتولي أنطونوف"), {"e2": keys("ألكسندر أنطونوف")}) == []
