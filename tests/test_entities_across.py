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


def _one_edit_variants(word: str) -> list[str]:
    letters = "اويةهنكجغقتسشر"
    out = [word[:i] + word[i + 1:] for i in range(1, len(word))]
    out += [word[:i] + c + word[i + 1:] for i in range(1, len(word)) for c in letters[:4]]
    out += [word[:i] + c + word[i:] for i in range(1, len(word) + 1) for c in letters[4:8]]
    return out


def test_every_similar_surname_shares_an_index_key():
    # The store only compares a person with people sharing a surname key: that must never hide a link.
    from marsad.entities.across import surname_keys, surname_query_keys
    from marsad.entities.matching import similar

    names = ["كوناشينكوف", "شويغو", "ستولتنبرغ", "أنطونوف", "فلاديميروفيتش", "إيغور", "بالينغكات",
             "ميخائيلوفيتش", "عبدالرحمن", "ماكرون", "كارتر", "غورباتشوفيتش"]
    pairs = [(n, v) for n in names for v in _one_edit_variants(n)] + [("إيغور", "ايجور"), ("كوناشينكوف", "كوناشنكوف")]
    checked = 0
    for a, b in pairs:
        # linked_people compares the names' matching keys (a single word loses a clitic-looking first letter)
        last_a, last_b = (next(iter(person_keys([n]))).split()[-1] for n in (f"محمد {a}", b))
        if similar(last_a, last_b):
            checked += 1
            assert surname_keys([f"محمد {a}"]) & surname_query_keys([b]), (a, b)
            assert surname_keys([b]) & surname_query_keys([f"محمد {a}"]), (a, b)
    assert checked > 50


def test_unrelated_surnames_share_no_index_key():
    from marsad.entities.across import surname_keys, surname_query_keys

    assert not surname_keys(["أناتولي أنطونوف"]) & surname_query_keys(["إيغور كوناشينكوف"])
    assert not surname_keys(["بشار الأسد"]) & surname_query_keys(["سيرغي شويغو"])
