"""Speaker resolution: named, role phrases, carry-over, pronouns, organisations, mentions."""

from __future__ import annotations

from quote_text import quotes_of

from marsad.model import Mention


def speakers(text: str, mentions: list[Mention] | None = None) -> list[str | None]:
    return [q.speaker for q in quotes_of(text, mentions)]


def test_name_after_role_and_role_after_name() -> None:
    assert speakers("أكد نائب وزير الدفاع الروسي أناتولي أنطونوف أن التعاون ممكن.") == ["أناتولي أنطونوف"]
    assert speakers("وقال أناتولي أنطونوف نائب وزير الدفاع الروسي للصحفيين إن التعاون ممكن.") == ["أناتولي أنطونوف"]


def test_role_phrase_resolves_to_the_person_holding_it() -> None:
    text = ("قال أناتولي أنطونوف نائب وزير الدفاع الروسي إن التعاون ممكن.\n"
            "وأكد الناطق باسم الخارجية ألكسندر لوكاشيفيتش أن الاتصالات مستمرة.\n"
            "كما أفاد نائب وزير الدفاع الروسي بأن الاجتماع المقبل سيعقد في موسكو.")
    assert speakers(text)[-1] == "أناتولي أنطونوف"


def test_generic_definite_role_goes_to_the_last_person_named() -> None:
    text = ("ولفت انطونوف إلى أن روسيا مهتمة بالتعاون مع جميع الدول.\n"
            "وأكد المسؤول الروسي أن مشاركة روسيا تتم بالتزام صارم بالقانون الدولي.")
    assert speakers(text) == ["انطونوف", "انطونوف"]


def test_short_name_expands_to_the_full_name_named_in_the_article() -> None:
    text = "قال أناتولي أنطونوف إن التعاون ممكن.\nأنطونوف: لا نقصف إلا بعد التحقق من المعلومات"
    assert speakers(text) == ["أناتولي أنطونوف", "أناتولي أنطونوف"]


def test_carry_over_to_the_last_speaker() -> None:
    text = ("قال وزير الخارجية سيرغي لافروف إن موسكو مستعدة للحوار.\n"
            "وأضاف: \"لن نقبل بشروط مسبقة من أي طرف\".\n"
            "وتابع أن الاتصالات ستستمر.\n"
            "وأشار إلى أنه \"لا بديل عن الحل السياسي\".\n"
            "وقال: \"الكرة الآن في ملعب واشنطن\".")
    assert speakers(text) == ["سيرغي لافروف"] * 5


def test_pronoun_subject_after_a_non_reporting_verb_goes_to_its_subject() -> None:
    text = ("ونقلت وسائل إعلام عن مصدر عسكري أن الغارات استهدفت مواقع التنظيم.\n"
            "وفي السياق دعا وزير الدفاع الأميركي أشتون كارتر، إلى جولة جديدة من المشاورات.\n"
            "وأفاد في تصريحات صحافية بأن البنتاغون ينتظر ردا روسيا.")
    assert speakers(text) == ["مصدر عسكري", "أشتون كارتر"]


def test_organisation_speakers_before_and_after_the_verb() -> None:
    assert speakers("الجدير بالذكر أن وزارة الخارجية التركية أعلنت في وقت سابق أن مقاتلة روسية خرقت الأجواء.") == [
        "وزارة الخارجية التركية"]
    assert speakers("أعلنت وزارة الدفاع الروسية اليوم الأربعاء أنها تدرس المقترحات الأميركية.") == [
        "وزارة الدفاع الروسية"]
    assert speakers("وكان نائب الوزير أناتولي أنطونوف أعلن في وقت سابق أن الجولة الثانية ستعقد قريبا.") == [
        "أناتولي أنطونوف"]


def test_a_speaker_named_only_inside_the_quote_is_never_the_speaker() -> None:
    assert speakers('وقال: "التقى الرئيس فلاديمير بوتين بالوزير سيرغي لافروف أمس".') == [None]
    text = 'وأكد أن "الرئيس فلاديمير بوتين قال إن موسكو لن تتراجع".\nوأضاف أن الوفد سيصل غدا.'
    assert speakers(text) == [None, None]


def test_role_never_resolves_to_a_name_inside_a_quote() -> None:
    text = 'وقال: "أناتولي أنطونوف سيزور أنقرة".\nوأكد المسؤول الروسي أن الزيارة مهمة.'
    assert "أناتولي أنطونوف" not in speakers(text)


def test_unnamed_official_is_not_resolved_to_a_named_person() -> None:
    text = "قال سيرغي لافروف إن موسكو مستعدة.\nوقال مسؤول سعودي إن المملكة ترحب بالاتفاق."
    assert speakers(text) == ["سيرغي لافروف", "مسؤول سعودي"]


def test_entity_mentions_are_used_when_present() -> None:
    text = "وقال رئيس هيئة الأركان الجنرال فاليري غيراسيموف للصحفيين إن العملية مستمرة."
    start = text.index("فاليري")
    mention = Mention(start, start + len("فاليري غيراسيموف"), "فاليري غيراسيموف", "PER", role="رئيس هيئة الأركان")
    assert speakers(text, [mention]) == ["فاليري غيراسيموف"]


def test_mentions_inside_the_quote_are_ignored() -> None:
    text = 'وقال: "فاليري غيراسيموف سيزور دمشق".'
    start = text.index("فاليري")
    mention = Mention(start, start + len("فاليري غيراسيموف"), "فاليري غيراسيموف", "PER")
    assert speakers(text, [mention]) == [None]


def test_name_after_a_role_and_a_place() -> None:
    assert speakers("وقال المتحدث باسم المجلس الأعلى في الصومال محمد محمود إن المسلحين سيطروا على البلدة.") == [
        "محمد محمود"]


def test_subject_follows_verb_after_qad() -> None:
    assert speakers("المشاركة الأوروبية وقد أعلن وزير الخارجية الإيطالي ماسيمو داليما أن بلاده ستشارك.") == [
        "ماسيمو داليما"]


def test_names_starting_with_alef_hamza_lam_are_not_definite_nouns() -> None:
    assert speakers("وقال ألكسندر لوكاشيفيتش إن الاتصالات مستمرة.") == ["ألكسندر لوكاشيفيتش"]


def test_adverbs_dashes_and_addressees_are_not_speakers() -> None:
    text = ("قال سيرغي لافروف إن موسكو مستعدة.\nولكنه أشار أيضا إلى أن الحوار صعب.\n"
            "قال لنا مرافقنا إن القصر قديم.")
    assert speakers(text) == ["سيرغي لافروف", "سيرغي لافروف", "مرافقنا"]
    assert speakers("قال الوزير نبيل فهمي إن الحوار مستمر.\nوقال الوزير ـ في تصريحاته ـ إن الوضع مستقر.")[1] != "ـ"


def test_unnamed_spokesman_and_place_after_a_collective() -> None:
    text = "قال سيرغي لافروف إن موسكو مستعدة.\nوقال متحدث باسم القوات المسلحة إنه لا توجد قوات في المنطقة."
    assert speakers(text) == ["سيرغي لافروف", "متحدث باسم القوات المسلحة"]
    assert speakers("واكد مسؤولون فلسطينيون بالقاهرة ان المحادثات عقدت.") == ["مسؤولون فلسطينيون"]


def test_honorific_saadatuhu_is_the_current_speaker() -> None:
    text = "أعلن الوكيل عبدالله الكعبي أن الإيرادات ارتفعت. وأوضح سعادته أن العجز تراجع إلى النصف."
    assert speakers(text) == ["عبدالله الكعبي", "عبدالله الكعبي"]


def test_lafata_is_masculine_its_ta_is_the_root() -> None:
    text = "قالت الوزيرة هدى سالم إن الخطة جاهزة. وقال الخبير سامر الحربي إن السوق مستقرة. ولفت إلى أن الأسعار تتراجع."
    assert speakers(text) == ["هدى سالم", "سامر الحربي", "سامر الحربي"]
    text = "قال الخبير سامر الحربي إن السوق مستقرة. وقالت الوزيرة هدى سالم إن الخطة جاهزة. ولفتت إلى أن الأسعار تتراجع."
    assert speakers(text)[-1] == "هدى سالم"


def test_a_nisba_family_name_after_amma_is_the_subject() -> None:
    assert speakers("أما الحريري فقال إن الحكومة باقية حتى الانتخابات.") == ["الحريري"]
    text = "وقال المدرب سامي الخطيب إن الفوز مستحق. أما الشمري فقال إن الفريق عانى كثيرا."
    assert speakers(text) == ["سامي الخطيب", "الشمري"]


def test_a_name_inside_a_prepositional_object_is_not_the_subject() -> None:
    text = "وقال المدرب سامي الخطيب إن الفريق جاهز. وأشاد المدرب بأداء الحارس عمر يوسف، معتبرا أنه كان الأفضل."
    assert speakers(text) == ["سامي الخطيب", "سامي الخطيب"]
    text = "وقال العداء سعيد حمدي إن السباق كان صعبا. وتكهن بإمكانية أن يحقق نتائج أفضل في الموسم المقبل."
    assert speakers(text) == ["سعيد حمدي", "سعيد حمدي"]


def test_department_after_a_title_is_its_genitive_not_a_name() -> None:
    text = "وقال رئيس قسم المبيعات في شركة إيرباص، مارك جونسون، إن الطلب قوي جدا هذا العام."
    assert speakers(text) == ["مارك جونسون"]


def test_carry_over_after_a_relay_goes_to_the_relayed_speaker() -> None:
    text = ("وقال مراقبون إن الانتخابات هادئة. ونقلت وكالة الأنباء الرسمية عن المتحدث باسم الحكومة سامي الخطيب "
            "قوله إن الوزير تلقى اتصالات من قادة عرب. وأضاف أن الحكومة ستعقد اجتماعا الأحد.")
    assert speakers(text) == ["مراقبون", "سامي الخطيب", "سامي الخطيب"]
    text = ("قال الخبير سامر الحربي إن السوق مستقرة. ونقلت صحيفة الأيام عن الوزير فهد العلي قوله إن الخطة جاهزة. "
            "وتابع أن الأسعار تتراجع.")
    assert speakers(text)[-1] == "فهد العلي"


def test_judge_alone_refers_back_to_the_judge_named_before() -> None:
    text = ("وقال رئيس اللجنة القاضي الفرنسي مارك دوبوا إن التحقيق مستمر. "
            "وقال المحامون إنهم سيستأنفون. وأوضح القاضي أن التقرير سيصدر قريبا.")
    assert speakers(text) == ["مارك دوبوا", "المحامون", "مارك دوبوا"]
    text = ("قالت القاضية ماري كلارك في جلسة علنية إن الأدلة كافية. وقال المدعي العام إن النيابة ستستأنف. "
            "وأضافت القاضية أن الحكم سيصدر الشهر المقبل.")
    assert speakers(text) == ["ماري كلارك", "المدعي العام", "ماري كلارك"]


def _per(text: str, name: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Mention(start, start + len(name), name, "PER")


def test_a_tagged_name_after_a_long_title_holds_it() -> None:
    # genitives, an acronym in brackets, «في» + a place: the title runs on to the tagged name
    text = "وقال المدير التنفيذي لبرنامج الأغذية العالمي (WFP) ماريو سانتوس إن المخزون يكفي شهرا."
    assert speakers(text, [_per(text, "ماريو سانتوس")]) == ["ماريو سانتوس"]
    text = "وأكد وزير الزراعة في جمهورية الكونغو ألفونس موكيندي أن الموسم جيد."
    assert speakers(text, [_per(text, "ألفونس موكيندي")]) == ["ألفونس موكيندي"]
    # the title is the holder's role: a later «وأضاف المدير التنفيذي» is him
    text = ("وقال المدير التنفيذي للصندوق الوطني للتقاعد سمير بلحاج إن العجز يتراجع. "
            "وقال وزير المالية إن الميزانية متوازنة. وأضاف المدير التنفيذي أن الإصلاح مستمر.")
    found = speakers(text, [_per(text, "سمير بلحاج")])
    assert found[0] == found[2] == "سمير بلحاج" and found[1] == "وزير المالية"


def test_a_tagged_name_after_a_title_is_not_the_addressee_or_a_meeting() -> None:
    # «لنظيره X»: the one spoken to; «في مؤتمر صحفي»: no title goes on through an event
    text = "وقال وزير الخارجية لنظيره الروسي إيفان بتروف إن الحوار مستمر."
    assert speakers(text, [_per(text, "إيفان بتروف")]) == ["وزير الخارجية"]
    text = "وقال وزير الخارجية خلال لقائه مع الرئيس سامي العلي إن الحوار مستمر."
    assert speakers(text, [_per(text, "سامي العلي")]) != ["سامي العلي"]


def test_a_tagged_name_after_the_title_of_a_non_reporting_verb_speaks_later() -> None:
    text = "ورحب رئيس البنك المركزي للدولة فارس الحمدان بالقرار، وقال إن التضخم سيتراجع."
    assert speakers(text, [_per(text, "فارس الحمدان")]) == ["فارس الحمدان"]


def test_a_possessed_title_before_a_name() -> None:
    # «رئيسها X»: its head, then his name; the tagger may mark the first name alone
    text = "وأعلنت الجمعية الوطنية للمتقاعدين موقفها، وقال رئيسها مراد الزعبي إن الزيادة غير كافية."
    assert speakers(text) == ["مراد الزعبي"]
    start = text.index("مراد")
    assert speakers(text, [Mention(start, start + 4, "مراد", "PER")]) == ["مراد الزعبي"]


def test_a_feminine_title_is_a_title() -> None:
    from marsad.quotes.tokens import word_kind_of

    assert word_kind_of("منسقه") == word_kind_of("منسق") == "role"
    assert word_kind_of("المبعوثه") == "role"
    text = "وقالت منسقة الإغاثة في الإقليم، هالة نكونجو-مبيكي، إن القوافل عالقة."
    assert speakers(text) == ["هالة نكونجو-مبيكي"]


def test_an_epithet_and_its_country_refer_back_to_the_person_they_describe() -> None:
    # «الدبلوماسي الإيراني»: a diplomat's epithet and the country of his title, after another speaker intervened
    text = ("وقال المتحدث باسم وزارة الخارجية الإيرانية بهرام زماني إن المحادثات مستمرة. "
            "وقالت المتحدثة باسم الخارجية الصينية لين يو إن بكين ترحب بالاتفاق. "
            "وأكد الدبلوماسي الإيراني أن السفارة ستفتح قريبا.")
    assert speakers(text)[-1] == "بهرام زماني"
    # «التقني البرتغالي» is the Portuguese coach; «المدرب المغربي» is not him
    text = ("وقال مدرب الفريق، البرتغالي جواو فييرا، إن الفوز مستحق. وقال الحارس سامي الناصري إن المباراة صعبة. "
            "وأضاف التقني البرتغالي أن الفريق سيتحسن. وأوضح المدرب المغربي أن الحكم أخطأ.")
    found = speakers(text)
    assert found[2] == "جواو فييرا" and found[3] != "جواو فييرا"


def test_a_feminine_epithet_is_never_a_man() -> None:
    text = ("وقال وزير التخطيط كريم العبيدي إن الخطة جاهزة. "
            "وقالت رئيسة لجنة الانتخابات القاضية سلمى حداد إن النتائج ستعلن غدا. "
            "وأضافت المسؤولة العراقية أن الإقبال كان جيدا.")
    assert speakers(text)[-1] == "سلمى حداد"


def test_a_bare_head_or_a_name_after_it_is_no_epithet() -> None:
    from marsad.quotes.names import Speaker
    from marsad.quotes.roles import Registry

    registry = Registry()
    registry.add(Speaker("إسماعيل هنية", "PER", "رئيس الوزراء", 0, 12))
    for phrase in ("الرئيس الفلسطيني", "الرئيس هنيدي"):  # «الرئيس» alone names no office; «هنيدي» is a name
        assert registry.described(Speaker(phrase, "ROLE", phrase, 50, 60), 50) is None
    assert registry.described(Speaker("المسؤول الفلسطيني", "ROLE", "المسؤول الفلسطيني", 50, 60), 50) is not None


def test_a_name_set_off_after_a_title_before_the_verb_is_its_subject() -> None:
    # «لكن TITLE، NAME، رأى»: not the speaker carried from the previous sentence
    text = ('وأضافت الوزيرة أن النتائج ستعلن قريبا. '
            'لكن مدير مرصد النزاهة لمراقبة الانتخابات، سامر الحداد، رأى في حديث لموقع "الحرة" أن النسبة "مضللة".')
    assert speakers(text)[-1] == "سامر الحداد"


def test_a_statement_of_a_body_speaks_for_the_body() -> None:
    # «بيان للجيش»: the army's statement, not a statement told to the army (no relay)
    found = quotes_of('وذكر بيان للجيش أن الموقوفين "دخلوا بطريقة غير شرعية".')
    assert {q.speaker for q in found} == {"الجيش"} and all(not q.via for q in found)
    assert speakers("وأعلنت الوزارة في بيان لها أن الأسعار ثابتة.") == ["الوزارة"]


def test_a_synonym_of_a_title_refers_back_to_its_holder() -> None:
    # «رئيس الحكومة» is the «رئيس الوزراء» named before
    text = ("وقال رئيس الوزراء المغربي عادل بنسالم إن الإصلاح مستمر. وقال وزير المالية إن العجز تراجع. "
            "ونفى رئيس الحكومة أن تكون هناك زيادة في الضرائب.")
    assert speakers(text)[-1] == "عادل بنسالم"


def test_a_definite_organisation_word_refers_back_to_the_tagged_organisation() -> None:
    # «وقالت المحكمة» after «قضت محكمة جنايات ...» (the tagger left the head «محكمة» out of its mention)
    text = "وقضت محكمة جنايات الجيزة الاقتصادية بسجن المتهمين. وقالت المحكمة إن الأدلة قاطعة."
    start = text.index("جنايات")
    name = "جنايات الجيزة الاقتصادية"
    assert speakers(text, [Mention(start, start + len(name), name, "ORG")]) == ["محكمة جنايات الجيزة الاقتصادية"]


def test_a_bloc_named_in_marks_inside_a_title_and_its_member_later() -> None:
    text = ('وقال عضو كتلة «الوفاء للمقاومة» النائب حسن عز الدين إن الحوار ضروري. وقال وزير الطاقة إن العقود جاهزة. '
            "ورأى عضو الكتلة أن الانتخاب ممكن.")
    found = speakers(text, [_per(text, "حسن عز الدين")])
    assert found[0] == found[-1] == "حسن عز الدين"


def test_a_titled_name_set_off_after_a_body_speaks_for_it() -> None:
    text = 'وقال دفاع المتهمين، المحامي كمال الدين ناصر، لـ«الشروق»، إنه سيطعن على الحكم.'
    assert speakers(text) == ["كمال الدين ناصر"]


def test_a_name_given_by_yudaa_is_the_speaker() -> None:
    assert speakers('ونقلت وكالة رويترز عن لاجئ من مالي يدعى موسى قوله: "لا نعرف أين نحن".') == ["موسى"]
    assert speakers("وقالت إحدى الأمهات، وتدعى أم سعيد، إن ابنها مفقود منذ أسبوع.") == ["أم سعيد"]


def test_a_generic_role_with_its_institution_refers_to_the_official_of_that_institution() -> None:
    text = ("وقال الأمين العام المساعد للجامعة العربية سامي الحسن إن القمة ناجحة. "
            "وقال وزير الخارجية البحريني فهد الزياني إن البيان جاهز. ولفت المسؤول في الجامعة العربية إلى أن ثلاث دول تحفظت.")
    found = speakers(text, [_per(text, "سامي الحسن"), _per(text, "فهد الزياني")])
    assert found[-1] == "سامي الحسن"


def test_a_one_word_role_is_the_head_of_a_title_not_its_complement() -> None:
    from marsad.quotes.names import Speaker
    from marsad.quotes.roles import Registry

    registry = Registry()
    registry.add(Speaker("ياسر فؤاد", "PER", "دفاع المتهم", 0, 9))
    assert registry.resolve_role(Speaker("المتهم", "ROLE", "المتهم", 40, 46), 40).name == "المتهم"
    registry.add(Speaker("هالة يونس", "PER", "وزيرة البيئة", 20, 29))
    assert registry.resolve_role(Speaker("الوزيرة", "ROLE", "الوزيرة", 40, 47), 40).name == "هالة يونس"


def test_a_definite_word_ending_like_a_pronoun_suffix_is_no_possessed_noun() -> None:
    # «المتهم» ends in «هم» but takes the article: it is the subject, not «their ...»
    text = "وقال المحامي سامي عيد إن موكله بريء. وأقر المتهم في التحقيقات بأنه كان يدفع أرباحا."
    assert speakers(text) == ["سامي عيد", "المتهم"]


def test_a_statement_named_again_goes_back_to_the_tagged_body_that_issued_it() -> None:
    text = "وأعلنت وزارة الزراعة والري، في بلاغ لها، عن برنامج لدعم المزارعين. وأوضح البلاغ أن البرنامج يشمل توزيع الشعير."
    start = text.index("وزارة")
    name = "وزارة الزراعة والري"
    assert speakers(text, [Mention(start, start + len(name), name, "ORG")])[-1] == name


def test_a_titled_name_set_off_before_a_verb_with_an_object_is_its_subject() -> None:
    # «TITLE، NAME، رفضت النص، وقالت»: the name, not the object «النص»; «أما TITLE، الدكتور NAME، فحذر»
    text = 'لكن مندوبة الأردن في المفاوضات، هالة النمري، رفضت النص، وقالت أمام الجلسة إن المبلغ "زهيد".'
    assert set(speakers(text)) == {"هالة النمري"}
    text = ('وقال الوزير سامي فارس إن الوضع صعب. أما المستشار الطبي في منظمة «أطباء بلا حدود»، '
            'الدكتور ياسر الحلبي، فحذر من أن «البحر صار مقبرة».')
    assert speakers(text)[-1] == "ياسر الحلبي"


def test_an_outlet_glued_to_lam_after_the_verb_is_told_not_the_speaker() -> None:
    text = "وقال وزير المالية التركي مراد يلماز إن التضخم مرتفع. وأوضح لسكاي نيوز عربية أن الأسر تعاني."
    start = text.index("سكاي")
    org = Mention(start, start + len("سكاي نيوز عربية"), "سكاي نيوز عربية", "ORG")
    assert speakers(text, [_per(text, "مراد يلماز"), org]) == ["مراد يلماز", "مراد يلماز"]


def test_an_honorific_after_the_comma_before_a_tagged_name() -> None:
    text = "وقال الخبير في القانون الدولي بجامعة ليون، الدكتور جان بيير مارتان، لفرانس 24 إن القرار ملزم."
    assert speakers(text, [_per(text, "جان بيير مارتان")]) == ["جان بيير مارتان"]


def test_a_topic_after_amma_with_a_leader_title_is_the_subject_not_the_object_after_the_verb() -> None:
    # «أما القيادي في X، NAME، فاتهم Y بـ"..."»: Y is the accused; «قيادي» is a title
    text = ('أما القيادي في حزب العمال، كريم بوزيد، فاتهم الحكومة بـ"التلاعب بالأرقام". '
            'وأوضح في حديث لإذاعة محلية أن الحزب "لن يشارك في الحوار".')
    assert set(speakers(text)) == {"كريم بوزيد"}


def test_an_unnamed_title_with_its_adjective_is_no_name() -> None:
    # «مسؤول آخر», «دبلوماسي غربي بارز»: the adjective describes the unnamed source, it is not his name
    text = "وقال مسؤول في الوزارة إن المحادثات متعثرة. وأكد مسؤول آخر أن الاتفاق قريب."
    assert speakers(text)[-1] == "مسؤول آخر"
    assert speakers("وقال دبلوماسي غربي بارز إن العقوبات ستبقى.") == ["دبلوماسي غربي بارز"]


def test_a_titled_name_set_off_before_a_pluperfect_verb_is_its_subject() -> None:
    # «وكان TITLE، NAME، قد أعلن النتائج ...، مؤكدا»: not the object «النتائج»; «وأضاف رئيس الهيئة» is him again
    text = ('وكان رئيس الهيئة العليا للانتخابات، القاضي منير الشابي، قد أعلن النتائج ليلا وسط احتجاجات، '
            'مؤكدا أن "العملية جرت بشفافية". وأضاف رئيس الهيئة أن الطعون ستدرس خلال أسبوع.')
    assert speakers(text) == ["منير الشابي", "منير الشابي"]


def test_a_verb_then_its_titled_subject_set_off_then_its_object_before_a_participle() -> None:
    # «ورحب TITLE، NAME، بالقرار، معتبرا»: the participle shares the subject; «وتابع الوزير» is him
    text = ('ورحب وزير الخارجية البيروفي، خوان سالاس، بالحكم، معتبرا في تصريح لوكالة رويترز أنه "يوم تاريخي". '
            'وتابع الوزير: "سننفذ الحكم كاملا".')
    assert speakers(text) == ["خوان سالاس", "خوان سالاس"]


def test_a_surname_shaped_like_a_participle_between_commas_is_part_of_the_name() -> None:
    # «، رانا كاشفا،»: between two commas after a title, a فاعلا-shaped last word belongs to the name
    text = 'لكن ممثلة نيبال في الاجتماع، سونيا باندا، رفضت المقترح، وقالت إن التمويل "غير كاف".'
    assert set(speakers(text)) == {"سونيا باندا"}


def test_a_given_name_written_with_the_article_opens_a_name() -> None:
    # «الحسين», «المهدي» (data/definite_given_names.tsv): the first word of a name, not a definite noun
    text = "وقال مدرب المنتخب، المهدي الزياني، إن الفريق جاهز. وأضاف المدرب أن اللاعبين مستعدون."
    assert speakers(text) == ["المهدي الزياني", "المهدي الزياني"]


def test_a_definite_title_with_its_adjective_before_a_name_set_off_after_a_role_phrase() -> None:
    # «القيادي في X، النائب السابق NAME،», «المسؤول في الحزب، الوزير الأسبق NAME،»: the name holds the role phrase
    text = 'وقال القيادي في التحالف، النائب السابق كريم العبادي، في حديث لإذاعة محلية، إن "الأرقام مضخمة".'
    assert speakers(text) == ["كريم العبادي"]
    start = text.index("كريم")
    assert speakers(text, [Mention(start, start + len("كريم العبادي"), "كريم العبادي", "PER")]) == ["كريم العبادي"]
    assert speakers("وقال المسؤول في الحزب، الوزير الأسبق سامي فارس، إن الانتخابات مزورة.") == ["سامي فارس"]


def test_a_named_outlet_glued_to_lam_is_the_outlet_told_and_the_titled_holder_speaks() -> None:
    # «وقال لبي بي سي:» (data/outlet_names.tsv): a relay, not a speaker called «لبي بي سي»; «رئيس المقر» is the man
    # set off after it («رئيس المقر، NAME،»: the role has no comma in it, so it resolves to him)
    text = 'واستقبل رئيس المقر، يوري بافلينكو، الجنود العائدين، وقال لبي بي سي: "لقد عادوا منهكين".'
    quotes = quotes_of(text)
    assert [(q.speaker, q.via[:1]) for q in quotes] == [("يوري بافلينكو", ["بي بي سي"])]


def test_an_organisation_head_with_the_article_opens_the_subject_of_an_earlier_clause() -> None:
    # «أمهلت المجموعة ... العسكريين ...، وقالت»: «المجموعة», «المنظمة», «الهيئة», «التحالف» head an organisation
    text = ('وأمهلت المجموعة الاقتصادية لدول وسط أفريقيا «إيكاس» العسكريين شهرا لتسليم السلطة، '
            'وقالت في بيان إنها "لن تتهاون".')
    assert set(speakers(text)) == {"المجموعة الاقتصادية لدول وسط أفريقيا"}


def test_one_of_them_is_an_unnamed_speaker_and_the_name_given_after_him_is_his() -> None:
    text = "وقال الخبير سامي فارس إن الوضع صعب. وتجمع المئات أمام البرلمان. وقال أحدهم، ويدعى كمال، إن الأجور لا تكفي."
    assert speakers(text)[-1] == "كمال"
    assert speakers("وتجمع المئات أمام البرلمان. وقال أحدهم إن الأجور لا تكفي.") == ["أحدهم"]


def test_a_participle_after_an_amma_topic_shares_the_topic_as_subject() -> None:
    # «أما X فقد دانت ...، مؤكدة»: X, not the object of «دانت» nor the speaker before
    text = ('وقال الباحث كمال يوسف إن الانقلاب متوقع. أما الخارجية الألمانية فقد دانت محاولة الاستيلاء على السلطة، '
            'مؤكدة في بيان أن برلين "لن تتعامل مع الانقلابيين".')
    assert speakers(text)[-1] == "الخارجية الألمانية"


def test_after_a_pronoun_subject_the_phrase_after_the_verb_is_its_object() -> None:
    # «لكنه اتهم قوات X بـ"..."»: «he» accused the forces; they are not the speaker. A relay keeps its source.
    text = 'وقال وزير الداخلية كمال سعيد إن الحدود آمنة، لكنه اتهم قوات المعارضة بـ"تهريب السلاح عبر الجبال".'
    assert set(speakers(text)) == {"كمال سعيد"}
    text = "وأكدت الصحيفة أن الصفقة تمت. لكنها نقلت عن الحكومة اليابانية قولها إن الأصوات لم تشتر."
    assert speakers(text)[-1] == "الحكومة اليابانية"


def test_a_denial_by_a_titled_name_set_off_then_its_occasion_then_its_object() -> None:
    # «نفى TITLE، NAME، في تصريحات لـX، هذه الاتهامات، مؤكدا»: the name speaks; «هذه الاتهامات» refers back, no quote
    text = ('ونفى المتحدث باسم الجيش، العقيد كريم ناصر، في تصريحات لوكالة رويترز، هذه الاتهامات، '
            'مؤكدا أن قواته "تحترم القانون الدولي".')
    quotes = quotes_of(text)
    assert {q.speaker for q in quotes} == {"كريم ناصر"}
    assert not any(q.text.startswith("هذه") for q in quotes)


def test_a_one_word_topic_set_off_by_a_comma_before_its_fa_verb_is_the_speaker() -> None:
    text = ('وقال المهاجم لويس مارتينيز إنه سعيد. وقال المحلل بول غرين إن الصفقة "مبالغ فيها". '
            'أما مارتينيز، فكتب على حسابه في إنستغرام: "حلم جديد يبدأ اليوم".')
    assert speakers(text)[-1] == "لويس مارتينيز"


def test_a_negotiator_or_coordinator_is_referred_back_to_as_the_diplomat() -> None:
    text = ('وقال منسق الاتحاد الأوروبي للمحادثات، الإيطالي ماركو روسي، للصحفيين: "نحن هنا لنحقق تقدما". '
            'وأضاف الدبلوماسي الأوروبي أن "النص شبه جاهز".')
    assert speakers(text) == ["ماركو روسي", "ماركو روسي"]


def test_bayyana_with_its_clause_is_a_reporting_verb_and_the_preposition_is_not() -> None:
    # «وبيّن أن», «وبين X، أن»: explained; «وبين المرأة ... يريد أن» is «and between»
    text = 'وقال النائب حسن الربيعي إن القروض لا تكفي. وبين الربيعي، أن "البلاد بحاجة إلى مليون وحدة سكنية".'
    assert speakers(text) == ["حسن الربيعي", "حسن الربيعي"]
    assert quotes_of("يقارن الكاتب بين البحر كشيء يوحي بالسكينة، وبين المدينة كمكان يريد أن يبتلع كل شيء.") == []


def test_a_source_after_a_fronted_circumstance_reports_what_follows_its_fa_inna() -> None:
    # «وعلى الجانب الآخر، وبحسب ما نقلته صحيفة X عن TITLE، NAME، فإن ...»: after «فإن», not before the source;
    # «بحسب مصدر تحدث لـ"X"، فإن»: the source's talking to an outlet is no statement; a quotation inside is kept
    text = ('وعلى الجانب الآخر من الحدود، وبحسب ما نقلته صحيفة "الوطن" عن مدير المعبر، سالم الهاجري، '
            'فإن الحركة "كانت انسيابية منذ الصباح".')
    quotes = quotes_of(text)
    assert quotes and all(q.speaker == "سالم الهاجري" for q in quotes)
    assert quotes[0].text.startswith("الحركة")
    text = 'وبحسب مصدر حكومي تحدث لـ"الرأي"، فإن التعديل "جاء بعد تقييم استمر شهرين".'
    assert [(q.kind, q.text) for q in quotes_of(text)] == [
        ("indirect", 'التعديل "جاء بعد تقييم استمر شهرين"'), ("direct", "جاء بعد تقييم استمر شهرين")]


def test_his_own_talk_after_the_verb_is_its_object_not_part_of_the_speaker() -> None:
    text = "وقال الدكتور سامي العتيبي إن الشبكات تتوسع. وختم الأكاديمي حديثه بالقول إن المعركة تبدأ في المدارس."
    assert speakers(text) == ["سامي العتيبي", "سامي العتيبي"]


def test_an_amma_topic_may_hold_a_title_preposition() -> None:
    text = ('وقال المهندس كمال حداد إن المعركة إنمائية. أما النائب عن الشوف سمير عطية فرأى، في تصريحات لقناة محلية، '
            'أن النتائج "تؤكد أن المزاج تغير".')
    assert speakers(text)[-1] == "سمير عطية"


def test_a_feminine_title_with_its_pronoun_and_adjective_then_the_name() -> None:
    # «وقالت منسقتها العامة NAME»: the ة written ت before the suffix, «العامة» between title and name
    text = 'وتحدثت الجمعية عن مخالفات، وقالت منسقتها العامة هدى السالم لإذاعة محلية إن المندوبين "رصدوا حالات رشوة".'
    assert set(speakers(text)) == {"هدى السالم"}


def test_the_governor_spelled_with_ya_is_a_title_and_an_outlet_glued_to_lam_is_told() -> None:
    # «والي نابل» (governor), not «و + إلى»; «لموزاييك» (data/outlet_names.tsv) is the outlet told
    text = ('وأكد والي سوسة، كريم الهمامي، في تصريح لموزاييك، وفاة شخصين، مشيرا إلى أن فرق الإنقاذ "أنقذت 40 مواطنا". '
            'وأضاف الوالي: "خلية الأزمة في حالة انعقاد دائم".')
    quotes = quotes_of(text)
    assert {q.speaker for q in quotes} == {"كريم الهمامي"}
    assert quotes[0].via[:1] == ["موزاييك"]


def test_a_title_set_off_after_the_subject_does_not_hide_the_verbs_preposition() -> None:
    # «عبرت NAME، رئيسة فيدرالية ... بجهة X، عن قلقها»: «عن» is still «عبرت»'s, so «وقالت» goes on with her
    text = ('وقالت الوزارة إن الحوار مفتوح. من جهتها، عبرت سلمى بنعلي، رئيسة فيدرالية جمعيات آباء التلاميذ بجهة فاس، '
            'عن قلقها من "ضياع الزمن المدرسي"، وقالت إن الأسر "تدفع الثمن".')
    assert speakers(text)[-1] == "سلمى بنعلي"


def test_plural_participles_report_and_name_and_occasion_segments_do_not_hide_the_clause() -> None:
    # «..., معتبرين أن» (data/reporting_verbs.tsv plural rows); «ويرى TITLE، NAME، في حديث إلى X، أن»: the «أن» that
    # «يرى» needs lies past a name and an occasion set off by commas; «لعنب بلدي» is an outlet told
    text = 'وانسحب عدد من النقاد من القاعة، معتبرين أن الفيلم "يسيء إلى صورة البلد".'
    assert [q.text for q in quotes_of(text)] == ['الفيلم "يسيء إلى صورة البلد"', "يسيء إلى صورة البلد"]
    text = 'ويرى الباحث في معهد الدراسات، خالد العمري، في حديث إلى رصيف22، أن الأزمة "تكشف أزمة ثقة عميقة".'
    assert {q.speaker for q in quotes_of(text)} == {"خالد العمري"}
    text = 'أما هبة، وهي معلمة في مدرسة حكومية، فقالت لعنب بلدي إن راتبها "لم يعد يكفي لأكثر من أسبوع".'
    assert {tuple(q.via[:1]) for q in quotes_of(text)} == {("عنب بلدي",)}


def test_a_role_phrase_then_an_outlet_glued_to_lam_has_no_name_in_the_outlet() -> None:
    # «ولفت المسؤول الأممي في حديثه لبي بي سي إلى أن»: «لبي بي سي» is the outlet told, never the official's name
    text = ('وقال ممثل المنظمة في اليمن، الدكتور فرانكو بيلي، إن الوضع خطير. '
            'ولفت المسؤول الأممي في حديثه لبي بي سي إلى أن حملة تطعيم ستنطلق الأسبوع المقبل.')
    quotes = quotes_of(text)
    assert [q.speaker for q in quotes] == ["فرانكو بيلي", "فرانكو بيلي"]
    assert quotes[-1].via[:1] == ["بي بي سي"]


def test_an_amma_topic_with_an_aside_and_a_relative_clauses_antecedent() -> None:
    # «أما هبة، وهي معلمة ...، فقالت»; «الصحافي X، الذي قضى ...، وكتب»
    text = 'وقال سامر إن الزبائن قلة. أما هبة، وهي معلمة في مدرسة حكومية، فقالت إن راتبها "لم يعد يكفي".'
    assert speakers(text)[-1] == "هبة"
    text = ('وأكد مصدر في الوزارة أن الإجراءات ستكتمل. ومن بين المفرج عنهم الصحافي كمال العطار، الذي قضى عامين في الحبس، '
            'وكتب على صفحته: "شكرا لكل من وقف معي".')
    assert speakers(text)[-1] == "كمال العطار"


def test_a_named_outlet_glued_to_lam_after_the_speaker_ends_the_speaker_phrase() -> None:
    # «وقال السفير X لواشنطن بوست إن»: «لواشنطن بوست» is told (data/outlet_names.tsv), not part of the name
    quotes = quotes_of("وقال السفير جون ميلر لواشنطن بوست إن العقوبات ستبقى.")
    assert [(q.speaker, q.via[:1]) for q in quotes] == [("جون ميلر", ["واشنطن بوست"])]
