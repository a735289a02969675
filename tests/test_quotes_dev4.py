"""General Arabic reporting structures found by the fourth blind set (tests/golden/quotes_dev4.json, issue 5).

Every sentence here is written for the test: none is taken from the seeds or any gold set.
"""

from __future__ import annotations

from quote_text import said


def test_subjectless_verb_takes_the_titled_subject_of_the_clause_before() -> None:
    found = said("وقال الوزير إن الأزمة انتهت. وهاجم المدرب الوطني حسن شحاتة الاتحاد بشدة وقال إنه سيستقيل.")
    assert [s for s, _ in found] == ["الوزير", "حسن شحاتة"]


def test_subjectless_verb_after_a_name_then_present_verb() -> None:
    found = said("وقال الوزير إن الأزمة انتهت. وفاز النادي، ولكن خوان لابورتا يطالب بإعادة الفرز، رغم انه يقول انه سيقبل النتيجة.")
    assert found[-1] == ("خوان لابورتا", "سيقبل النتيجة")


def test_kana_subject_before_a_relative_clause_and_qad() -> None:
    found = said("وقال الوزير إن الأزمة انتهت. وكانت ألمانيا التي عرضت خطتها على الشركاء، قد قالت انها لن تنسحب.")
    assert found[-1] == ("ألمانيا", "لن تنسحب")


def test_dual_verb_keeps_the_shared_subject() -> None:
    found = said("وقال الوزير إن الأزمة انتهت. وعقد الرئيسان مباحثات أمس، وأكدا أن العلاقات قوية.")
    assert found[-1][0] != "مباحثات"


def test_a_verb_right_after_its_subject_is_not_given_an_earlier_one() -> None:
    found = said("وقال الوزير إن الأزمة انتهت. عرضت الحكومة على العالم منصبا ولكن أينشتاين قال إنه لا يريده.")
    assert found[-1][0] == "أينشتاين"


def test_bare_speech_after_the_subject_starts_at_an_opening_particle() -> None:
    assert said("وقال الوزير ليت الناس يعودون إلى بيوتهم.") == [("الوزير", "ليت الناس يعودون إلى بيوتهم")]
    assert said("ويقول سامي لقد تعبنا من الانتظار.") == [("سامي", "لقد تعبنا من الانتظار")]


def test_an_opening_particle_after_a_preposition_opens_nothing() -> None:
    assert said("وقال في لقاء لا علاقة له بالموضوع.") == []


def test_bare_speech_openers_are_normalised() -> None:
    from marsad.quotes.lexicon import bare_openers
    from marsad.text.normalize import match_key

    assert bare_openers() and all(match_key(w) == w for w in bare_openers())


def test_participle_after_a_relative_clause_takes_the_subject_before_it() -> None:
    found = said("وأثنى المدرب السابق حسن شحاتة، الذي كان يحلل المباراة عبر التلفزيون، على اللاعب، مشيرا إلى أنه لعب جيدا.")
    assert found == [("حسن شحاتة", "لعب جيدا")]


def test_country_subject_of_a_participle() -> None:
    found = said("وشنت فرنسا هجوما حادا على الحكومة قائلة انها لن تقبل الشروط.")
    assert found == [("فرنسا", "لن تقبل الشروط")]


def test_profession_heads_an_apposition_before_the_name() -> None:
    found = said("وأثنى العداء المغربي سعيد عويطة على زميله، مشيرا إلى أنه سيفوز.")
    assert found == [("سعيد عويطة", "سيفوز")]


def test_a_text_stipulating_a_clause_is_a_statement_of_the_text() -> None:
    assert said("ونص القرار الجديد على ان اللجنة ستجتمع كل شهر.") == [("القرار الجديد", "اللجنة ستجتمع كل شهر")]


def test_the_terms_of_a_text_are_no_statement() -> None:
    assert said('وتنص الخطة على "نقل الجنود إلى السلطات الشرعية فورا".') == []
