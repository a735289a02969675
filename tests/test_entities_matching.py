"""Variant keys and merging: must-merge and must-not-merge pairs, stable ids, find_entity."""

from __future__ import annotations

import pytest

from marsad.entities.matching import find_in, name_key, resolve_mentions, same_person, similar
from marsad.model import Mention

MUST_MERGE_PEOPLE = [
    ("إيغور كوناشينكوف", "ايجور كوناشنكوف"),
    ("إيغور كوناشنكوف", "إيقور كوناشينكوف"),
    ("أناتولي أنطونوف", "اناتولي انطونوف"),
    ("أشتون كارتر", "آشتون كارتر"),
    ("سيرغي شويغو", "سيرجي شويجو"),
]
MUST_NOT_MERGE_PEOPLE = [
    ("أناتولي أنطونوف", "إيغور كوناشينكوف"),
    ("أنطونوف", "كوناشنكوف"),
    ("بشار الأسد", "حافظ الأسد"),
    ("جون كيري", "جون كيلي"),
]


@pytest.mark.parametrize(("a", "b"), MUST_MERGE_PEOPLE)
def test_people_variants_merge(a: str, b: str) -> None:
    assert same_person(name_key(a, "PER"), name_key(b, "PER"))


@pytest.mark.parametrize(("a", "b"), MUST_NOT_MERGE_PEOPLE)
def test_different_people_stay_apart(a: str, b: str) -> None:
    assert not same_person(name_key(a, "PER"), name_key(b, "PER"))


def test_word_similarity_transliterations() -> None:
    assert similar("ايغور", "ايجور")
    assert similar("كوناشينكوف", "كوناشنكوف")
    assert not similar("انطونوف", "كوناشنكوف")


def test_nisba_and_article_fold_into_org_keys() -> None:
    assert name_key("وزارة الدفاع الروسية", "ORG") == name_key("ووزارة الدفاع الروسي", "ORG")
    assert name_key("وزارة الدفاع الروسية", "ORG") != name_key("وزارة الدفاع التركية", "ORG")


def _m(text: str, kind: str, start: int = 0) -> Mention:
    return Mention(start=start, end=start + len(text), text=text, type=kind)  # type: ignore[arg-type]


def test_story_resolution_merges_and_separates() -> None:
    pairs = [
        ("a1", _m("إيغور كوناشينكوف", "PER")), ("a2", _m("كوناشنكوف", "PER")), ("a2", _m("كوناشنكوف", "PER", 40)),
        ("a2", _m("إيغور كوناشينكوف", "PER", 20)),
        ("a2", _m("ايجور كوناشنكوف", "PER")), ("a1", _m("أناتولي أنطونوف", "PER")),
        ("a3", _m("انطونوف", "PER")), ("a1", _m("البنتاغون", "ORG")),
        ("a2", _m("وزارة الدفاع الأميركية", "ORG")), ("a3", _m("وزارة الدفاع الأمريكية", "ORG")),
        ("a1", _m("وزارة الدفاع الروسية", "ORG")), ("a2", _m("وزارة الدفاع التركية", "ORG")),
        ("a1", _m("داعش", "ORG")), ("a2", _m("تنظيم الدولة الإسلامية", "ORG")), ("a3", _m("الدولة الإسلامية", "ORG")),
        ("a1", _m("سوريا", "LOC")), ("a2", _m("سورية", "LOC")),
    ]
    entities = resolve_mentions(pairs)
    by_variant = {v: e for e in entities for v in e.variants}
    assert by_variant["كوناشنكوف"] is by_variant["إيغور كوناشينكوف"] is by_variant["ايجور كوناشنكوف"]
    assert by_variant["انطونوف"] is by_variant["أناتولي أنطونوف"]
    assert by_variant["انطونوف"] is not by_variant["كوناشنكوف"]
    assert by_variant["البنتاغون"] is by_variant["وزارة الدفاع الأميركية"] is by_variant["وزارة الدفاع الأمريكية"]
    assert by_variant["وزارة الدفاع الروسية"] is not by_variant["وزارة الدفاع التركية"]
    assert by_variant["وزارة الدفاع الروسية"] is not by_variant["البنتاغون"]
    assert by_variant["داعش"] is by_variant["تنظيم الدولة الإسلامية"] is by_variant["الدولة الإسلامية"]
    assert by_variant["سوريا"] is by_variant["سورية"]
    konashenkov = by_variant["كوناشنكوف"]
    # the name is the most frequent full (two-word) form, not the more frequent surname alone
    assert konashenkov.type == "PER" and konashenkov.name == "إيغور كوناشينكوف"
    assert konashenkov.article_ids == ["a1", "a2"]
    assert all(m.entity_id for _, m in pairs)


def test_entity_ids_are_stable_across_runs_and_order() -> None:
    pairs = [("a1", _m("أناتولي أنطونوف", "PER")), ("a2", _m("انطونوف", "PER")), ("a1", _m("تاس", "ORG"))]
    first = {e.name: e.id for e in resolve_mentions(pairs)}
    second = {e.name: e.id for e in resolve_mentions(list(reversed(pairs)))}
    assert first == second


def test_find_entity_by_speaker_string() -> None:
    entities = resolve_mentions([("a1", _m("إيغور كوناشينكوف", "PER")), ("a1", _m("أناتولي أنطونوف", "PER")),
                                 ("a2", _m("البنتاغون", "ORG"))])
    assert find_in(entities, "كوناشنكوف").name == "إيغور كوناشينكوف"  # type: ignore[union-attr]
    assert find_in(entities, "وزارة الدفاع الأميركية").name == "البنتاغون"  # type: ignore[union-attr]
    assert find_in(entities, "بوتين") is None
    assert find_in(entities, "") is None


def test_find_entity_through_titles_and_roles() -> None:
    konashenkov = _m("إيغور كوناشينكوف", "PER")
    konashenkov.role = "المتحدث باسم وزارة الدفاع الروسية"
    entities = resolve_mentions([("a1", konashenkov), ("a1", _m("أناتولي أنطونوف", "PER"))])
    assert find_in(entities, "الجنرال كوناشنكوف").name == "إيغور كوناشينكوف"  # type: ignore[union-attr]
    assert find_in(entities, "المتحدث باسم الوزارة إيغور كوناشنكوف").name == "إيغور كوناشينكوف"  # type: ignore[union-attr]
    assert find_in(entities, "المتحدث باسم وزارة الدفاع الروسية").name == "إيغور كوناشينكوف"  # type: ignore[union-attr]
    assert find_in(entities, "الجنرال") is None


def test_person_id_survives_a_change_of_most_frequent_spelling() -> None:
    one = resolve_mentions([("a1", _m("إيغور كوناشينكوف", "PER")), ("a2", _m("إيغور كوناشينكوف", "PER", 9))])
    two = resolve_mentions([("a1", _m("إيغور كوناشينكوف", "PER")), ("a2", _m("ايجور كوناشنكوف", "PER", 9)),
                            ("a3", _m("ايجور كوناشنكوف", "PER"))])
    assert one[0].name != two[0].name and one[0].id == two[0].id
