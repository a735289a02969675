import re

import pytest

from marsad.claims import standpoint
from marsad.cluster_signals import countries_in
from marsad.entities import lexicons, rules
from marsad.errors import ModelError
from marsad.text.countries import (
    _parse,
    claim_countries,
    cluster_countries,
    cluster_key,
    country_words,
    entity_nisbas,
)
from marsad.text.normalize import match_key
from marsad.text.tokens import word_keys

AMBIGUOUS = ["مالي", "القمر", "قمر", "قمري", "عمان", "جده", "طرابلس", "القدس", "قدس"]


def test_rows_are_in_matching_form_with_one_name_per_country():
    rows = country_words()
    assert len(rows) > 250
    names: dict[str, set[str]] = {}
    for row in rows:
        assert match_key(row.word) == row.word and match_key(row.name) == row.name, row
        assert re.fullmatch("[A-Z]{2}", row.code) and row.used_by, row
        names.setdefault(row.code, set()).add(row.name)
    assert all(len(n) == 1 for n in names.values()), names
    assert len({row.word for row in rows}) == len(rows)


def test_a_nisba_in_each_view():
    assert ("الروسيه", "روسيا") in entity_nisbas()
    assert claim_countries()["روسيه"] == "روسيا"
    assert cluster_countries()[0]["روسيه"] == "RU"
    assert rules.nisba_words()["الامريكيه"] == "الولايات المتحده"  # the name resolved through aliases.tsv


def test_a_capital_in_claims_and_clustering_but_not_entities():
    assert claim_countries()["موسكو"] == "روسيا"
    assert claim_countries()[word_keys("واشنطن")[0]] == "امريكا"  # the key text gets: «اشنطن»
    assert cluster_countries()[0]["موسكو"] == "RU"
    assert "موسكو" not in dict(entity_nisbas())


def test_seats_speak_for_the_state_in_claims_only():
    seats = [row for row in country_words() if row.kind == "seat"]
    assert {row.word for row in seats} == {"الكرملين", "البنتاغون"}
    assert all("entities" not in row.used_by and "cluster" not in row.used_by for row in seats)
    assert claim_countries()["كرملين"] == "روسيا"
    assert standpoint(word_keys("الكرملين")) == "gov:روسيا"
    assert "الكرملين" not in rules.nisba_words() and "كرملين" not in cluster_countries()[0]


def test_entities_read_only_nisbas():
    words = {row.word: row for row in country_words()}
    assert entity_nisbas() and all(words[w].kind == "nisba" for w, _ in entity_nisbas())
    assert "روسيا" not in dict(entity_nisbas())


def test_ambiguous_words_are_absent_from_every_view():
    one_word, _ = cluster_countries()
    for word in AMBIGUOUS:
        assert word not in one_word and cluster_key(word) not in one_word, word
        assert word_keys(word)[0] not in claim_countries(), word
        assert word not in dict(entity_nisbas()), word
    assert countries_in("ارتفعت الأسهم في سوق مالي وعمان والقدس") == frozenset()


def test_cluster_keys_drop_the_article_of_each_word():
    _, pairs = cluster_countries()
    assert cluster_key("جزر القمر") == "جزر قمر" and pairs["جزر قمر"] == "KM"
    assert pairs["ولايات متحده"] == "US"
    assert countries_in("قالت الولايات المتحدة وجزر القمر") == {"US", "KM"}


def test_claim_keys_are_one_word_keys():
    for word, country in claim_countries().items():
        assert word_keys(word) == [word] or word_keys("ال" + word) == [word], word
        assert " " not in country


def test_alias_rows_carry_the_country_nisbas_last():
    rows = lexicons.aliases()
    kinds = [kind for _, _, kind in rows]
    first = kinds.index("NISBA")
    assert set(kinds[first:]) == {"NISBA"} and len(kinds) - first == len(entity_nisbas())


def test_a_malformed_row_is_a_coded_error():
    with pytest.raises(ModelError):
        _parse("روسيا\tRU\tروسيا\tcountry\tclaims")
    with pytest.raises(ModelError):
        _parse("روسيا\tRU")


def test_every_nisba_of_the_big_states_makes_a_state_voice_in_claims():
    # «الحكومة البريطانية», «وزارة الدفاع التركية»: the feminine and masculine adjectives of each country
    from marsad.claims import standpoint

    for phrase, country in [("الحكومه البريطانيه", "حكومه بريطانيا"), ("المتحدث التركي", "متحدث تركيا"),
                            ("وزاره الخارجيه الفرنسيه", "وزاره خارجيه فرنسا"), ("الجيش الالماني", "جيش المانيا")]:
        assert standpoint(word_keys(phrase)) == standpoint(word_keys(country)) != "", phrase


def test_clustering_reads_both_spellings_of_america():
    one_word, _ = cluster_countries()
    assert one_word["اميركيه"] == one_word["امريكيه"] == "US"
