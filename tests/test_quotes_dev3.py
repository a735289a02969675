"""General Arabic reporting structures found by the third blind batch (tests/golden/quotes_dev3.json, issue 5).

Every sentence here is written for the test: none is taken from the seeds or any gold set.
"""

from __future__ import annotations

from quote_text import said

from marsad.model import Mention


def test_participle_shares_the_subject_of_a_non_reporting_verb() -> None:
    assert said("من جانبه تحدث النائب سمير حداد عن الموازنة، قائلا إنها ستناقش غدا.") == [
        ("سمير حداد", "ستناقش غدا")]
    assert said("وبعد الاجتماع، زارت وزارة الصحة المخيم، مؤكدة أن الوضع الإنساني صعب.")[0][0] == "وزارة الصحة"


def test_participle_subject_stops_before_the_verbal_noun_object() -> None:
    assert said("من جهته رفض المندوب الفرنسي بمجلس الأمن اقتراح واشنطن بوقف المحادثات، قائلا إن الحوار ضروري.")[0][0] \
        == "المندوب الفرنسي بمجلس الأمن"


def test_participle_after_a_subjectless_verb_keeps_the_last_speaker() -> None:
    found = said("وقال الوزير إن الأزمة انتهت. ورفض الاقتراح، مشيرا إلى أن الحكومة لن توافق.")
    assert [s for s, _ in found] == ["الوزير", "الوزير"]


def test_name_after_an_organisation_head_is_the_organisation_not_the_holder() -> None:
    found = said('وأفاد مدير المشاريع في منظمة أنقذوا الأطفال في عدن جون ريتشاردز، "الوضع يزداد سوءا كل يوم".')
    assert found == [("جون ريتشاردز", "الوضع يزداد سوءا كل يوم")]


def test_verb_form_after_a_quantifier_is_a_noun() -> None:
    found = said("وأضاف الوزير أن القانون يحمي الصحافة، فكل فرد يستطيع أن يصدر صحيفة.")
    assert [s for s, _ in found] == ["الوزير"]


def test_name_after_a_place_head_is_the_place_not_the_holder() -> None:
    assert said("ويقول ممثل وزارة الصحة في مدينة بندر عباس إن المستشفيات تعمل بنصف طاقتها.")[0][0] \
        == "ممثل وزارة الصحة"


def test_definite_representative_is_a_title_before_the_name() -> None:
    assert said("وأكد الممثل الخاص للأمم المتحدة يان كوبيش أن الحوار سيستأنف.")[0][0] == "يان كوبيش"


def test_almaha_ila_anna_is_a_statement() -> None:
    assert said("وألمح الوزير إلى أن الحكومة قد تستقيل.") == [("الوزير", "الحكومة قد تستقيل")]


def _mention(text: str, surface: str, kind: str) -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), surface, kind)  # type: ignore[arg-type]


def test_titled_phrase_with_only_an_organisation_mention_is_the_titled_person() -> None:
    text = "وأكد مدير منظمة الصحة العالمية أن الوباء ينتشر."
    found = said(text, [_mention(text, "منظمة الصحة العالمية", "ORG")])
    assert found == [("مدير منظمة الصحة العالمية", "الوباء ينتشر")]


def test_organisation_mention_opening_the_phrase_stays_the_speaker() -> None:
    text = "وأكدت منظمة الصحة العالمية أن الوباء ينتشر."
    assert said(text, [_mention(text, "منظمة الصحة العالمية", "ORG")])[0][0] == "منظمة الصحة العالمية"


def test_one_word_person_mention_after_a_non_quoting_verb_becomes_the_speaker() -> None:
    text = "ودعا ساركوزي المدن إلى التعاون. وقال الرئيس الفرنسي \"المدن هي أولى الضحايا\"."
    found = said(text, [_mention(text, "ساركوزي", "PER")])
    assert found == [("ساركوزي", "المدن هي أولى الضحايا")]


def test_amma_topic_before_faqad_or_fainnahu_is_the_subject() -> None:
    found = said("وقال الوزير إن الحكومة باقية. أما المعارضة فقد أكدت أنها ستقاطع الجلسة.")
    assert found[1] == ("المعارضة", "ستقاطع الجلسة")
    found = said("أما رئيس البلدية سامي خوري فإنه يقول إن المشروع سينجز قريبا.")
    assert found == [("سامي خوري", "المشروع سينجز قريبا")]


def test_title_after_a_name_lets_a_later_role_phrase_find_its_holder() -> None:
    found = said("وزارت أمس سلمى حداد وزيرة الصحة المستشفى الجديد. وأكدت الوزيرة أن المستشفى سيفتح قريبا.")
    assert found == [("سلمى حداد", "المستشفى سيفتح قريبا")]


def test_time_words_and_adverbs_between_verb_and_subject_are_skipped() -> None:
    assert said("وأعلن اليوم الخميس النادي الأهلي أن المدرب باق.")[0][0] == "النادي الأهلي"
    assert said("وأشارت امس قناة الجزيرة إلى أن القصف مستمر.")[0][0] == "قناة الجزيرة"
    found = said("وقال الوزير إن الخطة جاهزة. وقال ردا على سؤال إن التنفيذ سيبدأ غدا.")
    assert [s for s, _ in found] == ["الوزير", "الوزير"]


def test_tagged_person_closing_an_indefinite_title_is_the_holder() -> None:
    text = 'واكد عضو في وفد الحركة سامي حداد "ان موقفنا معروف ولن يتغير".'
    assert said(text, [_mention(text, "سامي حداد", "PER")])[0][0] == "سامي حداد"
    text = "وقال مسؤول في الشرطة إن الانفجار وقع صباحا."
    assert said(text)[0][0] == "مسؤول في الشرطة"  # an unnamed official, known by the whole qualified phrase


def test_compound_preposition_after_the_verb_is_no_speaker() -> None:
    found = said("وقال الوزير إن الخطة جاهزة. ويقول بشأن الانتخابات: «ستجرى في موعدها».")
    assert found[1] == ("الوزير", "ستجرى في موعدها")


def test_bayyanat_and_mubayyinan_are_statements() -> None:
    assert said("وبيّنت الشركة، أنها افتتحت فرعا جديدا.") == [("الشركة", "افتتحت فرعا جديدا")]


def test_delegation_head_before_the_holder_of_its_title() -> None:
    assert said("وقال رئيس بعثة الأردن إلى الدورة سامي خوري إن الفريق جاهز.")[0][0] == "سامي خوري"


def test_club_and_spokeswoman_heads_keep_their_phrase() -> None:
    assert said("وأعلن نادي برشلونة الإسباني أن المدرب باق.")[0][0] == "نادي برشلونة الإسباني"
    assert said("وقالت متحدثة باسم الشرطة إن التحقيق مستمر.")[0][0] == "متحدثة باسم الشرطة"


def test_plural_present_forms_and_azhara_are_statements() -> None:
    assert said("ويشيرون الى ان النمو مستمر.") == [(None, "النمو مستمر")]
    assert said("وأظهرت الدراسة أن التدخين ضار.") == [("الدراسة", "التدخين ضار")]


def test_illa_anna_opens_a_new_statement_like_ghayra_anna() -> None:
    found = said("ويقول البعض ان الوضع سيء، الا ان خبراء يذكرون ان الوضع جيد.")
    assert found == [("البعض", "الوضع سيء"), ("خبراء", "الوضع جيد")]
    assert said("وقال شالوم ان الحزب قرر الا يقول لا.")[0][1] == "الحزب قرر الا يقول لا"
