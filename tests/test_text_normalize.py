from hypothesis import given
from hypothesis import strategies as st

from marsad.text import normalize as n


def test_diacritics_and_tatweel_removed():
    assert n.remove_diacritics("مُحَمَّد") == "محمد"
    assert n.remove_tatweel("الــروسية") == "الروسية"


def test_alef_yeh_teh_marbuta_forms():
    assert n.normalize_alef("أإآٱا") == "ااااا"
    assert n.normalize_yeh("مستشفى") == "مستشفي"
    assert n.normalize_teh_marbuta("سورية") == "سوريه"


def test_digits_arabic_indic_and_persian():
    assert n.normalize_digits("٢٠١٥ و۱۴") == "2015 و14"


def test_presentation_forms_folded():
    assert n.normalize_presentation_forms("\ufefb") == "لا"  # lam-alef ligature
    assert n.normalize_presentation_forms("\ufe8d\ufedf") == "ال"


def test_bidi_marks_and_zwnj_removed():
    assert n.remove_bidi_marks("\u200fسوريا\u200e\u202b") == "سوريا"
    assert n.remove_zwnj("می\u200cخواهم") == "میخواهم"


def test_match_key_folds_spelling_variants_of_names():
    assert n.match_key("إيغور") == n.match_key("ايغور")
    assert n.match_key("أنطونوف") == n.match_key("انطونوف")
    assert n.match_key("سورية") == n.match_key("سوريه")
    assert n.match_key("  Konashenkov  ") == "konashenkov"


def test_skeleton_merges_transliteration_variants():
    assert n.skeleton("كوناشينكوف") == n.skeleton("كوناشنكوف")
    assert n.skeleton("إيغور") == n.skeleton("ايجور")
    assert n.skeleton("أنطونوف") != n.skeleton("كوناشنكوف")


def test_display_cleaning_keeps_letters_and_diacritics():
    text = "قالَ\u200f «مرحبا»\x00"
    assert n.normalize_for_display(text) == "قالَ «مرحبا»"


def test_offset_map_points_back_to_original():
    text = "الــرُّوسية"
    key, index = n.match_key_with_map(text)
    assert key == "الروسيه"
    assert [text[i] for i in index] == ["ا", "ل", "ر", "و", "س", "ي", "ة"]


@given(st.text())
def test_match_key_is_idempotent(text):
    once = n.match_key(text)
    assert n.match_key(once) == once


@given(st.text())
def test_offset_map_is_monotonic_and_in_range(text):
    key, index = n.match_key_with_map(text)
    assert len(key) == len(index)
    assert all(0 <= i < len(text) for i in index)
    assert index == sorted(index)


@given(st.text(alphabet=st.characters(min_codepoint=0x0020, max_codepoint=0x06FF)) | st.text())
def test_one_pass_match_key_equals_the_named_steps(text):
    slow = text
    for step in n.MATCH_STEPS:
        slow = step(slow)
    assert n.match_key(text) == " ".join(slow.casefold().split())
