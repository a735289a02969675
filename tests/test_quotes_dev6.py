"""General Arabic reporting structures found by the sixth blind set (tests/golden/quotes_dev6.json, issue 5).

Every sentence here is written for the test: none is taken from the seeds or any gold set.
"""

from __future__ import annotations

from quote_text import quotes_of, said

from marsad.model import Mention


def test_via_before_a_nearer_expressing_verb_is_a_preposition() -> None:
    found = said("ووجهت النقابة بيانا عبر موقعها الرسمي للعمال أعلنت فيه عن رغبتها في الحوار.")
    assert found == [("النقابة", "رغبتها في الحوار")]


def test_a_verb_with_fiha_describes_the_object_of_the_opening_verb() -> None:
    found = said("وألقى الوزير كلمة أكد فيها أن الحكومة ستدعم المزارعين.")
    assert found == [("الوزير", "الحكومة ستدعم المزارعين")]


def test_a_named_holder_before_fiha_still_speaks() -> None:
    found = said("وفي مقابلة مع الصحيفة أكد فيها الوزير سامي الخطيب أن الحكومة ستدعم المزارعين.")
    assert found and found[0][1] == "الحكومة ستدعم المزارعين" and "الخطيب" in (found[0][0] or "")


def _mention(text: str, surface: str, kind: str) -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), surface, kind)  # type: ignore[arg-type]


def test_the_paper_resolves_to_the_tagged_outlet_named_after_its_head() -> None:
    text = "وذكرت صحيفة الأيام المحلية أن الوزير سيستقيل. وأضافت الصحيفة أن الحكومة لم تعلق."
    found = said(text, [_mention(text, "الأيام", "ORG")])
    assert [s for s, _ in found] == ["الأيام", "الأيام"]


def test_a_quoted_name_after_an_outlet_head_is_the_outlet_not_a_quote() -> None:
    found = quotes_of('وصرح المدرب لصحيفة "الأنباء اليومية" المحلية الصادرة أمس قائلا "سنفوز في المباراة المقبلة".')
    assert [(q.speaker, q.text) for q in found] == [("المدرب", "سنفوز في المباراة المقبلة")]
    assert any("الأنباء اليومية" in v for v in found[0].via)


def test_ali_before_a_demonstrative_is_the_preposition_not_a_name() -> None:
    assert said("وعلق الوزير علي ذلك بالقول إن الشركات تعاني.") == [("الوزير", "الشركات تعاني")]


def test_a_list_of_quoted_titles_gives_no_partial_quote() -> None:
    found = said('وأشار الناقد إلى أن أشهر أعماله هي روايات "البحر" و "بيت قديم جدا" و "مدينة بلا أبواب".')
    assert len(found) == 1 and found[0][1].startswith("أشهر أعماله")


def test_long_quoted_phrases_joined_by_wa_stay_partial_quotes() -> None:
    found = said('وقال الوزير إن القرار يدعو إلى "وقف فوري لجميع العمليات العسكرية" و "فتح الطرق أمام قوافل الإغاثة".')
    assert len(found) == 3


FILLER = ("وكان الفريق قد خاض مباريات صعبة في الموسم الماضي أمام فرق قوية في الدوري المحلي وفي البطولات القارية التي "
          "شارك فيها خلال الشهور الأخيرة من العام الماضي، وحقق نتائج طيبة رغم الإصابات الكثيرة التي عانى منها عدد من "
          "اللاعبين الأساسيين في الفريق. ")


def test_an_epithet_goes_back_to_a_b_initial_surname_of_a_person_quoted() -> None:
    text = "وقال قائد المنتخب مايكل بالاك إن الفريق قوي. " + FILLER + "ويرى بالاك أن المدرب ممتاز. وأضاف اللاعب الألماني أن الجمهور رائع."
    second = text.index("ويرى بالاك") + len("ويرى ")
    found = said(text, [_mention(text, "مايكل بالاك", "PER"), Mention(second, second + 5, "بالاك", "PER")])  # type: ignore[arg-type]
    assert found[-1][0] is not None and "بالاك" in found[-1][0]


def test_a_ministry_statement_with_fihi_is_the_ministry_s() -> None:
    assert said("وأصدرت الوزارة بيانا أكدت فيه أن الحكومة ستدعم المزارعين.") == [("الوزارة", "الحكومة ستدعم المزارعين")]


def test_statements_of_a_titled_holder_are_his_not_relayed_to_him() -> None:
    found = quotes_of("وفي تصريحات للوزير سامي الخطيب قال إن الحكومة ستستقيل.")
    assert [(q.speaker, q.text, q.via) for q in found] == [("سامي الخطيب", "الحكومة ستستقيل", [])]


def test_a_reporting_verb_ends_the_outlet_named_as_relay() -> None:
    found = quotes_of("وفي تصريحات لصحيفة الحياة قال الوزير سامي الخطيب إن الحكومة ستستقيل.")
    assert found and found[0].via and found[0].via[0] == "صحيفة الحياة"


def test_a_description_with_a_quoted_clause_is_said_by_the_pair() -> None:
    found = quotes_of('ووصف عنان وصبري المحادثات بانها "كانت مفيدة وصريحة". واضاف عنان "لاول مرة تمحورت المحادثات حول مسائل محددة".')
    assert [(q.speaker, q.text) for q in found] == [("عنان وصبري", "كانت مفيدة وصريحة"),
                                                    ("عنان", "لاول مرة تمحورت المحادثات حول مسائل محددة")]


def test_a_participle_describing_extends_the_statement() -> None:
    found = quotes_of("ونفى الرئيس السابق وجود أي إرهابيين في الصومال، واصفا زعماء الحرب بأنهم هم الإرهابيون.")
    assert found and found[-1].speaker == "الرئيس السابق" and "الإرهابيون" in found[-1].text


def test_a_narrated_description_without_quotation_is_no_quote() -> None:
    assert quotes_of("ووصف الطرفان المشاورات بأنها كانت بناءة ومهنية.") == []


def test_repeating_reports_the_clause_after_a_long_adjunct() -> None:
    found = quotes_of("وكرر بوش وبلير خلال لقاء استغرق اكثر من ثلاث ساعات في كامب ديفيد (ولاية ميريلاند - شرق) "
                      "انهما يتقاسمان وجهات النظر نفسها.")
    assert [(q.speaker, q.text) for q in found] == [("بوش وبلير", "يتقاسمان وجهات النظر نفسها")]


def test_repeating_the_saying_is_a_statement() -> None:
    found = quotes_of("وكرر الرئيس الأمريكي جورج بوش القول ان هدف الولايات المتحدة هو تغيير النظام.")
    assert [(q.speaker, q.text) for q in found] == [("جورج بوش", "هدف الولايات المتحدة هو تغيير النظام")]


def test_repeating_a_call_is_no_quote() -> None:
    assert quotes_of("وكررت الوزيرة دعوتها إلى وقف فوري لإطلاق النار.") == []
