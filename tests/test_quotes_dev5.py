"""General Arabic reporting structures found by the fifth blind set (tests/golden/quotes_dev5.json, issue 5).

Every sentence here is written for the test: none is taken from the seeds or any gold set.
"""

from __future__ import annotations

from quote_text import said


def test_a_time_clause_word_is_never_the_speaker() -> None:
    found = said("وقال الوزير إن الأزمة انتهت. ونجد الكاتب متحمسا عندما يقول انه لا يخاف أحدا.")
    assert all(s != "عندما" for s, _ in found)


def test_a_title_with_a_party_genitive_is_held_by_the_name_after_it() -> None:
    found = said("دعا الأمين العام لحزب الأمة سامي الخطيب إلى الحوار، وقال إن الحكومة فشلت.")
    assert found == [("سامي الخطيب", "الحكومة فشلت")]


def test_a_title_then_a_news_agency_is_an_addressee() -> None:
    found = said("وقال المتحدث لوكالة الأنباء الرسمية إن الحكومة فشلت.")
    assert found[0][1] == "الحكومة فشلت" and found[0][0] != "الأنباء الرسمية"


def test_a_relative_clause_after_a_title_holds_no_name_for_it() -> None:
    found = said("من جهته أشاد وزير التجارة الكندي بالجهود التي تبذلها دولة قطر لدعم المستثمرين، مشيرا إلى أن التعاون سيزداد.")
    assert found == [("وزير التجارة الكندي", "التعاون سيزداد")]


def test_words_with_a_pronoun_suffix_and_reporting_verbs_are_never_names() -> None:
    from marsad.quotes.names import _name_like
    from marsad.quotes.tokens import sentence_tokens

    text = "تبذلها نتائجهم أشاد سامي"
    toks = sentence_tokens(text, 0, len(text))
    assert [_name_like(t, None) for t in toks] == [False, False, False, True]


def test_a_nationality_before_a_name_is_a_title_of_the_first_verb_subject() -> None:
    found = said("وعقد الإسباني خوان مارتينيز اجتماعا مع اللاعبين وقال لهم إن التدريب سيبدأ غدا.")
    assert found[0][1] == "التدريب سيبدأ غدا" and "خوان مارتينيز" in (found[0][0] or "")


def test_noted_that_is_a_reporting_verb() -> None:
    assert said("ولاحظت سلمى حداد أن الأسعار ارتفعت.") == [("سلمى حداد", "الأسعار ارتفعت")]


def test_a_noun_described_by_an_age_is_the_person_named_before() -> None:
    found = said("ولاحظت سلمى حداد أن الأسعار ارتفعت. واضافت هذه الطالبة البالغة 22 سنة «لا أستطيع السفر هذا العام».")
    assert [s for s, _ in found] == ["سلمى حداد", "سلمى حداد"]


def test_a_noun_described_by_a_present_verb_is_an_object_not_the_speaker() -> None:
    found = said('ولخص سامي رؤيته للأدب في حفل كبير. وأرسل رسالة تشرح موقفه قال فيها "إن الجوائز ظالمة في أغلب الأحيان".')
    assert found and all(s == "سامي" for s, _ in found)


def test_a_present_verb_with_its_object_ends_a_speaker_phrase() -> None:
    from marsad.quotes.speakers import leading_phrase
    from marsad.quotes.tokens import sentence_tokens

    text = "الوزيرة الأميركية تحمل أفكارا جديدة"
    assert [t.text for t in leading_phrase(sentence_tokens(text, 0, len(text)))] == ["الوزيرة", "الأميركية"]


def test_a_country_with_a_preposition_is_never_a_name() -> None:
    found = said("واعتذر الرئيس السابق لمصر وإيران عن الاتهامات. ونفى الرئيس السابق وجود أي خلاف. وقال إنه لا يوجد عداء.")
    assert [s for s, _ in found] == ["الرئيس السابق", "الرئيس السابق"]


def test_a_denial_with_a_listed_object_before_a_comma() -> None:
    found = said("ونفى الرئيس السابق وجود أي مسلحين في المدينة، مضيفا أن الوضع هادئ.")
    assert found[0] == ("الرئيس السابق", "وجود أي مسلحين في المدينة")


def test_a_subject_closing_with_a_quoted_name_before_its_verb() -> None:
    found = said("ويقول البعض ان الأزمة انتهت، الا ان خبراء في «البنك الدولي» يذكرون ان الأزمة مستمرة.")
    assert found == [("البعض", "الأزمة انتهت"), ("خبراء في البنك الدولي", "الأزمة مستمرة")]


def test_a_verb_after_a_relative_clause_set_off_by_a_comma() -> None:
    found = said("أحد الخبراء، الذي سألته الصحيفة، عن أسباب الأزمة قال: «الأسعار سترتفع».")
    assert found == [("أحد الخبراء", "الأسعار سترتفع")]


def test_a_definite_noun_then_its_preposition_after_a_refusal_is_the_object() -> None:
    found = said("ورفض الحديث عن أي تفاصيل، وقال إنه يفضل الصمت. وكشف سامي الخطيب أن الحزب لم يقرر بعد.")
    assert [s for s, _ in found][0] != "الحديث"


def test_a_verb_after_qad_is_never_part_of_a_title_holder() -> None:
    found = said("وقد سجل صاحب السمو رئيس الدولة كلمة في السجل قال فيها \"يسعدني أن أزور هذا المسجد العريق\".")
    assert found and found[0][0] == "صاحب السمو"


def test_a_speech_opener_ends_the_speaker_phrase() -> None:
    from marsad.quotes.speakers import leading_phrase
    from marsad.quotes.tokens import sentence_tokens

    text = "الرئيس الاميركي لقد تحدثت الى الجميع"
    assert [t.text for t in leading_phrase(sentence_tokens(text, 0, len(text)))] == ["الرئيس", "الاميركي"]


def test_a_pronoun_suffixed_object_after_an_organisation_subject() -> None:
    found = said("وأعلنت الحكومة الكندية عزمها تقديم مساعدات جديدة للاجئين.")
    assert found and found[0][0] == "الحكومة الكندية"
