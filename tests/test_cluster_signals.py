"""Conflicting specifics: places, actors, counts, figures and dates that tell same-topic events apart."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from marsad.cluster import CALIBRATED_THRESHOLD, StoryIndex, load_featurizer, pair_similarity
from marsad.cluster_signals import (
    CALIBRATED_SPECIFICS,
    KINDS,
    Specifics,
    SpecificWeights,
    adjustment,
    compare,
    compare_counts,
    compare_dates,
    countries_in,
    country_table,
    counts_in,
    figures_in,
    general_places,
    place_words,
    specifics_of,
)
from marsad.commands.cluster import read_plain
from marsad.model import Article, Mention, TimeExpression
from marsad.text.normalize import match_key, skeleton
from marsad.text.tokens import stem

QUAKE = "ضرب زلزال بقوة {mag} درجة {place} وقتل {dead} شخصا وأصيب المئات وانهارت منازل كثيرة وقالت السلطات إن فرق الإنقاذ تبحث عن ناجين"


def quake(ident: str, place: str, mag: str, dead: str) -> Article:
    text = QUAKE.format(mag=mag, place=place, dead=dead)
    return Article(id=ident, source=ident, title="زلزال مدمر", text=text,
                   mentions=[Mention(0, 0, place, "LOC"), Mention(0, 0, "إيران", "LOC")])


@pytest.fixture(scope="module")
def featurizer():
    return load_featurizer()


def test_general_places_are_in_matching_form():
    assert general_places()
    for word in general_places():
        assert match_key(word) == word


def test_place_words_leave_out_countries_regions_and_their_adjectives():
    article = Article(id="a", source="a", mentions=[
        Mention(0, 0, "كرمانشاه غربي إيران", "LOC"), Mention(0, 0, "العاصمة الجزائرية", "LOC"),
        Mention(0, 0, "لافروف", "PER")])
    assert place_words(article) == {skeleton("كرمانشاه")}


def test_counts_ignore_punctuation_and_years():
    counts = counts_in("قتل 41 شخصا، وفي عام 2023 أصيب 14 آخرون.")
    assert (stem("شخصا"), "41") in counts
    assert not any(number == "2023" for _, number in counts)


def test_figures_are_decimals_and_match_scores():
    assert figures_in("بقوة 6.3 درجة وقتل 41 شخصا في 2023") == {"6.3"}
    assert figures_in("فاز 3-1 على الأردن") == figures_in("خسر الأردن 1 – 3") == {"1-3"}
    assert figures_in("في 2023-10-07") == frozenset()


def test_match_scores_in_words_equal_digits():
    assert figures_in("فاز السعودي بهدفين مقابل هدف") == figures_in("فاز 2-1") == {"1-2"}
    assert figures_in("وفاز بثلاثة أهداف مقابل هدفين") == {"2-3"}
    assert figures_in("فاز بهدفين دون رد") == figures_in("وفاز بهدفين نظيفين") == {"0-2"}
    assert figures_in("انتهت بالتعادل السلبي") == {"0-0"}
    assert figures_in("تعادل بهدف لمثله") == {"1-1"}
    assert figures_in("القرار يهدف إلى دعم الاقتصاد") == frozenset()


def test_title_years_are_editions_but_not_since():
    assert figures_in("نص", "الرياض تفوز باستضافة إكسبو 2030") == {"y2030"}
    assert figures_in("نص", "الأسد في القمة للمرة الأولى منذ 2010") == frozenset()
    assert figures_in("كأس العالم 2034", "عنوان") == frozenset()  # years in the body are not editions


def test_editions_of_recurring_events_are_figures_but_ages_are_not():
    assert figures_in("اختتمت القمة العربية الثالثة والثلاثون أعمالها") == {"e33"}
    assert figures_in("في القمة العربية الثانية والثلاثين، في") == {"e32"}
    assert figures_in("الدورة الحادية عشرة ومؤتمر المناخ كوب 28") == {"e11", "e28"}
    assert figures_in("ليصبح في الرابعة والأربعين أصغر رئيس") == frozenset()


def test_storm_names_need_two_mentions_and_no_function_word():
    assert figures_in("ضرب الإعصار شاهين سواحل عمان. وتحول الإعصار شاهين إلى عاصفة") == {"nشاهين"}
    assert figures_in("ضرب الإعصار مكونو الجزيرة. ويتجه الإعصار نحو ظفار") == frozenset()  # one mention: no name
    assert figures_in("ويتجه الإعصار نحو ظفار. ويتجه الإعصار نحو مسقط") == frozenset()


def test_regression_two_summits_of_one_league_fall_apart():
    manama = specifics_of(Article(id="a", source="a", title="القمة العربية في المنامة",
                                  text="اختتمت القمة العربية الثالثة والثلاثون أعمالها في المنامة"))
    algiers = specifics_of(Article(id="b", source="b", title="قمة الجزائر العربية",
                                   text="اختتمت القمة العربية الحادية والثلاثون في الجزائر"))
    assert compare(manama, algiers)[KINDS.index("figures")] == -1


def test_regression_two_events_of_one_tournament_fall_apart():
    group = specifics_of(Article(id="a", source="a", title="السعودية تهزم الأرجنتين", text="فاز بهدفين مقابل هدف"))
    final = specifics_of(Article(id="b", source="b", title="الأرجنتين بطلة العالم", text="فاز 4-2 بعد التعادل 3-3"))
    assert compare(group, final)[KINDS.index("figures")] == -1


def test_compare_agree_conflict_unknown():
    a = Specifics(places=frozenset({"كرمنشه"}), counts=frozenset({("شخص", "41")}))
    b = Specifics(places=frozenset({"هرت"}), counts=frozenset({("شخص", "2000")}))
    assert compare(a, b)[:3] == (-1, 0, -1)
    assert compare(a, a)[:3] == (1, 0, 1)
    assert compare(a, Specifics()) == (0, 0, 0, 0, 0, 0)
    assert compare_counts(frozenset({("شخص", "41")}), frozenset({("قتيل", "41")})) == 0


def test_dates_far_apart_conflict():
    assert compare_dates(frozenset({"2023-10-07"}), frozenset({"2024-04-03"})) == -1
    assert compare_dates(frozenset({"2023-10-07"}), frozenset({"2023-10-08"})) == 1
    assert compare_dates(frozenset({"2023-10-07"}), frozenset({"2023-10-11"})) == 0


def test_event_dates_come_from_times_and_publication():
    article = Article(id="a", source="a", published="2023-10-08T10:00:00",
                      times=[TimeExpression(0, 0, "7 أكتوبر", "2023-10-07"), TimeExpression(0, 0, "2023", "2023")])
    assert specifics_of(article).dates == {"2023-10-07", "2023-10-08"}


def test_no_specifics_means_no_adjustment():
    assert adjustment(Specifics(), Specifics(), CALIBRATED_SPECIFICS) == 0.0
    assert adjustment(Specifics(), Specifics(), SpecificWeights(unsupported_penalty=1.0)) == 0.0


def test_regression_same_topic_different_places_and_tolls_fall_apart(featurizer):
    """Issue 7: two earthquakes (Kermanshah, Malatya) shared topic words and were judged one event."""
    folder = Path(__file__).parent / "fixtures" / "cluster"
    iran = replace(read_plain(folder / "quake_kermanshah_a.txt"), mentions=[Mention(0, 0, "كرمانشاه", "LOC")])
    turkey = replace(read_plain(folder / "quake_turkey_a.txt"), mentions=[Mention(0, 0, "ملاطية", "LOC")])
    iran_b = replace(read_plain(folder / "quake_kermanshah_b.txt"), mentions=[Mention(0, 0, "كرمانشاه", "LOC")])
    vi, vt, vb = featurizer.vectorize([iran, turkey, iran_b])
    off = SpecificWeights()
    assert pair_similarity(vi, vt, specifics=off) >= CALIBRATED_THRESHOLD - 0.01  # text alone: "same event"
    assert pair_similarity(vi, vt) < CALIBRATED_THRESHOLD
    assert pair_similarity(vi, vb) > pair_similarity(vi, vb, specifics=off) >= CALIBRATED_THRESHOLD


def test_specifics_round_trip_through_a_saved_index(featurizer, tmp_path):
    articles = [quake("a1", "كرمانشاه", "7.3", "530"), quake("b", "هرات", "6.3", "2000")]
    index = StoryIndex(featurizer, CALIBRATED_THRESHOLD)
    index.add(articles[:1])
    index.save(tmp_path / "i.npz")
    loaded = StoryIndex.load(tmp_path / "i.npz", featurizer)
    state = next(iter(loaded.active.values()))
    assert state.specifics == [specifics_of(articles[0])]
    assert loaded.specifics == CALIBRATED_SPECIFICS
    fresh = StoryIndex(featurizer, CALIBRATED_THRESHOLD)
    fresh.add(articles)
    loaded.add(articles[1:])
    assert {tuple(s.article_ids) for s in loaded.stories()} == {tuple(s.article_ids) for s in fresh.stories()}
    assert sum(len(s.specifics) for s in loaded.active.values()) == 2


def test_json_form_round_trips():
    spec = Specifics(frozenset({"هرت"}), frozenset({"لفرف"}), frozenset({("شخص", "41")}), frozenset({"6.3"}),
                     frozenset({"2023-10-07"}), frozenset({"AF"}))
    assert Specifics.from_json(spec.to_json()) == spec


def test_specifics_saved_before_round_four_load_without_countries():
    rows = [["هرت"], [], ["شخص=41"], ["6.3"], []]
    assert Specifics.from_json(rows) == Specifics(places=frozenset({"هرت"}), counts=frozenset({("شخص", "41")}),
                                                  figures=frozenset({"6.3"}))


def test_country_table_is_in_matching_form():
    words, pairs = country_table()
    assert len(words) > 100 and pairs
    for key in [*words, *pairs]:
        assert key == match_key(key) and not any(w.startswith("ال") for w in key.split()), key


def test_countries_found_in_plain_text_with_clitics_articles_and_adjectives():
    text = "قرر مصرف الإمارات المركزي، وقال وزير الطاقة السعودي إن للسعودية وجزر القمر وبالجزائر حصة"
    assert countries_in(text) == {"AE", "SA", "KM", "DZ"}
    assert countries_in("رفع البنك المركزي سعر الفائدة") == frozenset()
    assert countries_in("يرتفع القمر في السماء") == frozenset()  # «القمر» alone is the moon


def test_multipliers_make_the_counted_thing_the_unit():
    assert counts_in("زيادة الإنتاج 400 ألف برميل يوميا") == {(stem("برميل"), "400000")}
    assert counts_in("قرض بقيمة 3 مليارات دولار") == {(stem("دولار"), "3000000000")}


def test_regression_same_topic_different_countries_fall_apart(featurizer):
    """Round four: the Senegal and Comoros presidential elections (same wording, no country in common) were one
    event; two reports of the Senegal election stay one. Plain text: no entity mentions needed."""
    folder = Path(__file__).parent / "fixtures" / "cluster" / "dev"
    senegal_a, senegal_b, comoros = (read_plain(folder / f"{n}.txt") for n in ("senegal_election_a",
                                                                               "senegal_election_b",
                                                                               "comoros_election"))
    va, vb, vc = featurizer.vectorize([senegal_a, senegal_b, comoros])
    assert compare(va.specifics, vc.specifics)[-1] == -1  # countries conflict
    assert pair_similarity(va, vc, specifics=SpecificWeights()) >= CALIBRATED_THRESHOLD  # text alone: "same"
    assert pair_similarity(va, vc) < CALIBRATED_THRESHOLD <= pair_similarity(va, vb)
