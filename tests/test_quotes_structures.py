"""General Arabic reporting structures (issue 5, structures round).

Every sentence here is written for the test: none is taken from the seeds or any gold set.
"""

from __future__ import annotations

from quote_text import quotes_of, said


def test_foreign_first_name_in_yeh_stays_in_the_speaker() -> None:
    assert said("وقال المدرب جوزيه مورينيو إن الفريق جاهز للمباراة.") == [
        ("جوزيه مورينيو", "الفريق جاهز للمباراة")]
    assert said("وقال أندريه لوكاس إن الشركة ستفتتح فرعا جديدا.")[0][0] == "أندريه لوكاس"


def test_relation_adjective_in_yeh_is_still_no_name() -> None:
    assert said("وقالت مصادر روسيه إن المفاوضات ستستأنف غدا.")[0][0] == "مصادر روسيه"


def test_verbal_noun_in_yeh_is_no_first_name() -> None:
    assert said("وقال المحامي إن توجيه الاتهام جاء متأخرا.")[0][0] == "المحامي"


def test_name_after_a_place_phrase_is_the_speaker() -> None:
    assert said("وقال سفير الأردن لدى باكستان سالم زعيف إن العلاقات بين البلدين متينة.")[0][0] == "سالم زعيف"
    assert said("وقال سفير مصر في لبنان أحمد البديوي إن المساعدات وصلت.")[0][0] == "أحمد البديوي"


def test_topic_after_hawla_is_no_name() -> None:
    assert said("قال المسؤول العراقي حول تقييمه نتائج جلسات الحوار، إن الموقف واضح.")[0][0] == "المسؤول العراقي"


def test_addressee_before_the_subject_is_the_relay() -> None:
    q = quotes_of("أكد لوكالة فرانس برس شاهد عيان في القرية أن الجنود دخلوا المنازل ليلا.")[0]
    assert (q.speaker, q.via[:1]) == ("شاهد عيان", ["وكالة فرانس برس"])
    q = quotes_of("وقال لوكالة تاس نائب وزير الخارجية سيرغي ريابكوف إن الاتصالات مستمرة.")[0]
    assert (q.speaker, q.via[:1]) == ("سيرغي ريابكوف", ["وكالة تاس"])


def test_addressee_after_the_subject_keeps_its_full_name() -> None:
    q = quotes_of("وقال الوزير لوكالة أنباء الشرق الأوسط إن القرار نهائي.")[0]
    assert (q.speaker, q.via[:1]) == ("الوزير", ["وكالة أنباء الشرق الأوسط"])


def test_document_cue_takes_its_issuer() -> None:
    assert said("وجاء في نص القرار الذي أصدرته المحكمة أن الحكم نهائي.")[0][0] == "المحكمة"
    assert said("وجاء في البيان الصادر عن وزارة الصحة أن عدد الإصابات ارتفع.")[0][0] == "وزارة الصحة"


def test_document_cue_without_issuer_is_the_document() -> None:
    assert said("وجاء في نص البيان أن الحكومة ستجتمع غدا.")[0][0] == "البيان"


def test_reversed_guillemets_around_a_direct_quote() -> None:
    assert said("وقال الرئيس »لن نتراجع عن قرارنا« أمام البرلمان.") == [("الرئيس", "لن نتراجع عن قرارنا")]


def test_unclosed_apostrophe_quote_runs_to_the_line_end() -> None:
    assert said("وقال الوزير: 'سنواصل العمل حتى النهاية.")[0][1].startswith("سنواصل العمل حتى النهاية")


def test_opening_mark_followed_by_a_space() -> None:
    assert said('وقال الوزير " سنواصل العمل حتى النهاية" ثم غادر القاعة.') == [("الوزير", "سنواصل العمل حتى النهاية")]


def test_closing_mark_after_a_space_is_no_second_introducer() -> None:
    assert said("وقال الوزير ' سنواصل العمل حتى النهاية ' ثم غادر القاعة .") == [("الوزير", "سنواصل العمل حتى النهاية")]


def test_glued_reversed_guillemets_mark_a_name_not_a_quote() -> None:
    found = said("وذكر المدير أهمية مشروع الشبكة» نور للاتصالات «الجديد الذي سيفتتح قريبا.")
    assert not any(content.startswith("نور للاتصالات") and len(content.split()) <= 3 for _, content in found)


def test_indefinite_reports_after_a_preposition_are_a_speaker() -> None:
    found = said("وأكد أن الحزب لم يخسر أحدا في المعارك وذلك ردا على معلومات صحافية أشارت إلى مقتل ثلاثة من عناصره.")
    assert ("معلومات صحافية", "مقتل ثلاثة من عناصره") in found


def test_verbal_noun_ilan_an_takes_its_owner() -> None:
    assert said("وجاء إعلان الوزارة أن المدارس ستغلق غدا بعد موجة البرد.") == [
        ("الوزارة", "المدارس ستغلق غدا بعد موجة البرد")]


def test_verbal_noun_after_ila_takes_the_verbs_subject() -> None:
    assert said("ووسط الغموض سارعت حركة الشباب الى إعلان أن عناصرها لم يشاركوا.") == [
        ("حركة الشباب", "عناصرها لم يشاركوا")]
    assert said("وبادر الوزير إلى تأكيد أن الحكومة لن تتراجع.") == [("الوزير", "الحكومة لن تتراجع")]


def test_verbal_noun_without_an_is_no_cue() -> None:
    assert said("وأثار إعلان الاستقلال غضب الحكومة.") == []


def test_abbara_an_after_a_long_titled_subject() -> None:
    found = said("وعبر الأمين العام للجامعة العربية أحمد سامي عن أسفه للخسائر التي خلفتها العاصفة.")
    assert found == [("أحمد سامي", "أسفه للخسائر التي خلفتها العاصفة")]


def test_abbara_an_qalaqihi_min_an() -> None:
    assert said("وعبّر الوزير عن قلقه من أن الأسعار سترتفع.")[0][0] == "الوزير"


def test_full_name_with_al_surname_before_a_colon() -> None:
    text = ('يقول مسؤول العلاقات في "شركة النور للطباعة" التابعة لوزارة الإعلام والثقافة الأردنية سامي خالد الحديدي: '
            "إن الشركة ستوسع أعمالها.")
    assert said(text)[0][0] == "سامي خالد الحديدي"
    assert said("محمد علي السعدي: الانتخابات ستجري في موعدها.") == [("محمد علي السعدي", "الانتخابات ستجري في موعدها")]


def test_subject_of_the_first_verb_without_mentions() -> None:
    assert said("ولخص محفوظ رؤيته في كلمة قال فيها إن الأدب مرآة المجتمع.")[0][0] == "محفوظ"
    assert said("وزار سامر المدينة أمس ثم قال إن الأوضاع هادئة.")[0][0] == "سامر"
    assert said("ووصل الوفد إلى القاهرة مساء أمس، وقال إن المحادثات ستبدأ غدا.")[0][0] == "الوفد"


def test_name_opening_the_previous_sentence_without_mentions() -> None:
    text = "سامر يصمم الأزياء منذ عشر سنوات. وقال في مقابلة نشرت أمس إن التصاميم تحد ممتع."
    assert said(text) == [("سامر", "التصاميم تحد ممتع")]


def test_subjectless_cue_opening_a_text_stays_unattributed() -> None:
    assert said("وأكد أن الحكومة ماضية في الإصلاح.") == [(None, "الحكومة ماضية في الإصلاح")]


def test_issued_by_source_is_the_issuer_and_content_follows_fa_inna() -> None:
    """«وفقا لبيان صادر عن X، فإن ...» (round 7): the issuer after «صادر عن» speaks; the content starts after «فإن»."""
    assert said("ووفقا لتقرير صادر عن وزارة الزراعة، فإن إنتاج القمح تراجع هذا العام بنسبة كبيرة.") == [
        ("وزارة الزراعة", "إنتاج القمح تراجع هذا العام بنسبة كبيرة")]


def test_outlet_relaying_sources_after_an() -> None:
    """«بحسب ما نقلته صحيفة X عن مصادر، فإن ...»: the sources speak, the newspaper relays."""
    (q,) = quotes_of("وبحسب ما نقلته صحيفة «الغارديان» البريطانية عن مسؤولين أمنيين، فإن الهجوم كان مخططا له منذ أشهر.")
    assert (q.speaker, q.via, q.text) == ("مسؤولين أمنيين", ["صحيفة الغارديان"], "الهجوم كان مخططا له منذ أشهر")


def test_fronted_source_with_a_dash_ends_at_comma_fa_inna() -> None:
    (q,) = quotes_of("وحسب ما أعلنه فريقه الفرنسي رينو - ألبين، فإن السائق سيغيب عن السباق المقبل.")
    assert q.text == "السائق سيغيب عن السباق المقبل"


def test_quotation_then_reporters_clause_is_one_direct_quote() -> None:
    """«إن «...»، فيما ...» (round 7, dev8 3a): the content ends at the closing mark."""
    assert said("وقال مصدر مقرب من الحكومة إن «المجلس لن يسمح بتجاوز القانون تحت الضغط»، فيما التزمت وزارة "
                "المالية الصمت حتى الآن.") == [("مصدر مقرب", "المجلس لن يسمح بتجاوز القانون تحت الضغط")]


def test_promising_participle_after_a_quotation_quotes_its_object() -> None:
    found = quotes_of("وقال وزير الداخلية إن «الأمن أولوية لا نقاش فيها»، متعهدا بمحاسبة «كل من يثبت تورطه في "
                      "أعمال العنف».")
    assert [(q.kind, q.text) for q in found] == [("direct", "الأمن أولوية لا نقاش فيها"),
                                                 ("direct", "كل من يثبت تورطه في أعمال العنف")]


def test_last_word_of_a_closing_quotation_is_kept() -> None:
    """«وإنه جاء «من أجل الفوز لا غير»»: «غير» closing a quotation is no dangling «غير أن»."""
    found = quotes_of("وقال المدرب إن فريقه «لا يخاف أحدا» وإنه جاء «من أجل الفوز لا غير».")
    assert "من أجل الفوز لا غير" in [q.text for q in found]


def test_according_to_figures_is_no_speech_unless_a_source_is_named() -> None:
    """«بحسب السعر المعلن من ...», «حسب الأرقام الرسمية» attribute a number (round 7, dev7 G); the genitive of the
    figures may name the source («إحصاءات وزارة الصحة»)."""
    assert said("وارتفع سعر الذهب في التعاملات الصباحية إلى ألفي دولار للأونصة بحسب السعر المعلن من البورصة.") == []
    assert said("وبلغ عدد السكان نحو خمسة ملايين حسب الأرقام الرسمية.") == []
    assert said("وبحسب إحصاءات وزارة الصحة فإن عدد الإصابات ارتفع إلى مئة.") == [
        ("وزارة الصحة", "عدد الإصابات ارتفع إلى مئة")]
    assert said("وقتل خمسة مدنيين في القصف بحسب المرصد السوري.") == [("المرصد السوري", "وقتل خمسة مدنيين في القصف")]


def test_reporters_echo_clause_ends_the_content() -> None:
    assert said("وقال الوزير إن الأسعار سترتفع، وهو ما نفاه المحلل سامر خليل.") == [("الوزير", "الأسعار سترتفع")]
    assert said("وذكر التقرير أن البطالة تراجعت، وهو ما أكدته النقابة في بيان.")[0][1] == "البطالة تراجعت"
    # not a reporting verb: the writer's comment may be the speaker's own words, the content is kept whole
    assert said("وذكر التقرير أن الأسعار سترتفع، وهو ما يعني أن الفقراء سيتضررون.")[0][1].endswith("سيتضررون")


def test_said_after_a_titled_relative_antecedent_quotes_its_own_content() -> None:
    text = ("ويرى محللون أن الأسعار سترتفع خلال شهرين، وهو ما أكده الخبير الاقتصادي علي سالم الذي قال "
            "لموقع الاقتصادي إن \"السوق لا يحتمل المزيد من الضرائب\".")
    q = [q for q in quotes_of(text) if q.kind == "direct"][0]
    assert (q.speaker, q.via) == ("علي سالم", ["موقع الاقتصادي"])
    # an untitled antecedent (a book) is the relative verb's object: the speaker stays the sentence's subject
    assert said("وأشاد الوزير بالكتاب الذي قال إنه يروي تاريخ المدينة.")[0][0].startswith("الوزير")


def test_went_back_to_say_quotes_the_subject_of_aada() -> None:
    assert said("وعادت الوزيرة هدى علي لتؤكد أن الحكومة لن تتراجع عن قرارها.") == [
        ("هدى علي", "الحكومة لن تتراجع عن قرارها")]
    q = quotes_of("وعاد المتحدث باسم الحكومة سامي نور ليقول إن \"الحوار هو الطريق الوحيد\".")[0]
    assert (q.kind, q.speaker) == ("direct", "سامي نور")
    # «ل» + a present reporting verb without «عاد» before its subject is purpose, not speech
    assert said("وخرج آلاف المتظاهرين لتؤكد الحشود رفضها للقرار.") == []


def test_went_back_to_say_after_its_subject_and_then() -> None:
    # «X عاد ليؤكد»: the subject before «عاد»; «عاد» is no part of a name read after a title
    assert said("غير أن النائب الجنوبي عاد ليؤكد أن الجلسة لن تعقد.") == [("النائب الجنوبي", "الجلسة لن تعقد")]
    # «ثم» is no speaker: «ثم عاد ليؤكد» and «ثم قال» go on with the last speaker
    text = "وقال الوزير سامي نور إن الخطة جاهزة. ثم عاد ليؤكد أن التنفيذ سيتأخر. ثم قال إن الكلفة سترتفع."
    assert [q.speaker for q in quotes_of(text)] == ["سامي نور"] * 3


def test_name_particle_takes_the_word_it_governs() -> None:
    # «سلمية» alone reads as a relation adjective; after «أبو» it is part of the name
    assert said("وقال مدير مستشفى الشفاء في غزة محمد أبو سلمية إن الوضع كارثي.")[0][0] == "محمد أبو سلمية"


def test_indefinite_professor_title_with_an_apposed_name() -> None:
    # «أستاذ» is a title like «الأستاذ»: «أستاذ علم» is no name
    assert said("وقال أستاذ علم الاجتماع في جامعة دمشق، سامر الخطيب، إن الظاهرة تتسع.")[0][0] == "سامر الخطيب"


def test_calling_participle_closes_the_content() -> None:
    assert said("وقالت الوزيرة هدى علي إن المخيمات ممتلئة، داعية المانحين إلى زيادة التمويل.")[0][1] == "المخيمات ممتلئة"
    assert said("وأكد النائب سامي نور أن القانون ظالم، مطالبا الحكومة بسحبه.")[0][1] == "القانون ظالم"


def test_indirect_content_keeps_the_closing_mark_of_its_partial_quote() -> None:
    assert said("وقال الوزير سامي نور إن بلاده \"لن تتراجع عن قرارها\".")[0][1] == "بلاده \"لن تتراجع عن قرارها\""
    assert said("وقال الوزير سامي نور إن بلاده «لن تتراجع» في كل الأحوال.")[0][1] == "بلاده «لن تتراجع» في كل الأحوال"
    q = quotes_of("وقال الوزير سامي نور إن \"الحكومة لن تتراجع\".")[0]
    assert (q.kind, q.text) == ("direct", "الحكومة لن تتراجع")


def test_a_part_of_a_group_speaks_for_it() -> None:
    # «عدد من السكان»: the quantifier, «من» and the group (with its adjectives) are the speaker
    assert said("وقال عدد من السكان إن المياه انقطعت منذ أيام.")[0][0] == "عدد من السكان"
    found = quotes_of("انسحب عدد من الفنانين من المهرجان، معتبرين أن إدارته تجاهلت مطالبهم.")
    assert [q.speaker for q in found] == ["عدد من الفنانين"]
    # the group ends before the verb's object: «كثير من البريطانيين» does not take the name after it
    text = "ويعتبر كثير من البريطانيين يحيى بيرت رائدا. وقال كثير من البريطانيين المسلمين إن الاندماج صعب."
    assert said(text)[-1][0] == "كثير من البريطانيين المسلمين"


def test_a_city_closes_an_institution_before_the_holder() -> None:
    # «في جامعة القاهرة حسن نافعة»: the city is the university's, the name starts after it
    assert said("وقال الباحث في جامعة القاهرة حسن نافعة إن الانتخابات محسومة.")[0][0] == "حسن نافعة"


def test_narrating_explaining_and_admitting_verbs() -> None:
    assert said("ويروي أحمد أن العائلات ما زالت موزعة.") == [("أحمد", "العائلات ما زالت موزعة")]
    assert said("قالت سناء إن الحل بعيد. وتشرح أنها تعمل منذ عشر سنوات.")[1] == ("سناء", "تعمل منذ عشر سنوات")
    assert said("قال الوزير سامي نور إن الخطة جاهزة. لكنه يقر بأن التنفيذ تأخر.")[1] == ("سامي نور", "التنفيذ تأخر")
    assert said("ويروى أن الشيخ بشر السلطان بالفتح.") == []  # «it is told that»: no one tells it
    assert said("وتتابع الوزارة الوضع عن كثب.") == []  # «follows», no speech without a colon
    assert said('قالت سناء إن الحل بعيد. وتتابع: "رأينا أطفالا وصلوا وحدهم".')[1] == ("سناء", "رأينا أطفالا وصلوا وحدهم")


def test_titled_subject_does_not_use_up_the_window_of_ra_a() -> None:
    text = 'وترى الباحثة في شؤون الهجرة الداخلية بجامعة عمر المختار، الدكتورة نجلاء الفاخري، أن السلطات "تبني الجسور".'
    assert said(text)[0] == ("نجلاء الفاخري", 'السلطات "تبني الجسور"')


def test_amma_topic_with_a_name_and_title_set_off_by_commas() -> None:
    text = ("أما عميد بلدية درنة المكلف، سالم بوخطوة، فيقول إن البلدية سجلت ثلاثة آلاف أسرة نازحة. "
            "وأضاف العميد أن الإعمار بدأ.")
    assert [q.speaker for q in quotes_of(text)] == ["سالم بوخطوة", "سالم بوخطوة"]
    text = 'قال الوزير إن الحل بعيد. أما كلير دوبوا، الممرضة في مستشفى عام، فقالت: "عملت ثلاثين عاما".'
    assert said(text)[1][0] == "كلير دوبوا"
    text = 'أما يوسف وزميلته ليلى، وهما أستاذان متعاقدان، فيريان أن الحكومة "راهنت على تعب الأساتذة".'
    assert said(text)[0][0] == "يوسف وزميلته ليلى"  # a dual present verb after an aside


def test_quote_before_its_speaker_who_spoke_just_before() -> None:
    text = 'قال أحمد إن الخطة جاهزة. "لا أحد يسألنا عن شيء"، يقول أحمد.'
    assert said(text)[1] == ("أحمد", "لا أحد يسألنا عن شيء")


def test_headline_of_a_topic_and_a_time_has_no_speaker() -> None:
    assert said('درنة بعد الفيضان: "نعيش في بيوت ليست لنا"\nوقال الوزير إن الإعمار بدأ.') == [("الوزير", "الإعمار بدأ")]


def test_participle_shares_the_verb_of_a_segment_further_back() -> None:
    text = "وفي سوق العتبة، شكا أحد الباعة، رفض ذكر اسمه، من تراجع الإقبال، قائلا: «الناس تسأل عن السعر وتمشي»."
    assert said(text) == [("أحد الباعة", "الناس تسأل عن السعر وتمشي")]
    text = ("في المقابل، رحب عضو اللجنة المالية في مجلس الأمة، النائب مبارك العنزي، بخروج وزير المالية السابق، "
            "مؤكدا في مقابلة مع برنامج «بانوراما» على قناة العربية أن «المشكلة في النهج».")
    (quote,) = quotes_of(text)  # «على قناة»: where it was said, not the content of «أكد على»
    assert (quote.speaker, quote.text, quote.via) == ("مبارك العنزي", "المشكلة في النهج", ["برنامج بانوراما", "قناة العربية"])


def test_feminine_verb_after_a_man_goes_to_the_woman_just_described() -> None:
    text = ('قال أبو خليل إن أحدا لم يأت. وتعيش أم أحمد، النازحة من ريف إدلب، مع أطفالها في خيمة. '
            '"في الشتاء نغرق"، تقول لعنب بلدي.')
    assert quotes_of(text)[-1].speaker == "أم أحمد"


def test_verb_first_clause_with_a_long_title_and_an_apposed_name() -> None:
    text = ("قالت سناء إن الحل بعيد. في المقابل، التقى وزير التربية الوطنية والتعليم الأولي والرياضة، عبد الحق "
            "الوزاني، ممثلي النقابات مساء الاثنين، وقال إن \"باب الحوار لم يغلق يوما\".")
    assert said(text)[1][0] == "عبد الحق الوزاني"
    text = "قال الوزير إن الخطة جاهزة. ولم تستبعد مصادر في سلطة العقبة مراجعة الأسعار، وقالت: \"الكلفة مرتفعة\"."
    assert said(text)[1][0] == "مصادر"


def test_plural_verb_after_a_group_object() -> None:
    text = ("وقال الوزير إن الخطة جاهزة. والتقت «الأيام» عددا من الناخبين الشباب في المركز، فقالوا إنهم "
            "يأملون بمجلس جديد.")
    assert said(text)[1][0] == "عددا من الناخبين الشباب"
    assert said("وقالت 100 عائلة على الأقل إن السلطات لم تبلغها.")[0][0] == "100 عائلة"


def test_a_verbal_noun_after_min_and_a_definite_noun_is_no_cue() -> None:
    text = "المحامي العام، القاضي سامر حداد، طلب من الهيئة رد طلبات الدفاع، معتبرا أنها «محاولة لتعطيل التحقيق»."
    assert said(text) == [("سامر حداد", "محاولة لتعطيل التحقيق")]


def test_resumptive_phrase_cue_after_an_occasion() -> None:
    text = "ووقع الوزيران، في ختام اللقاء، بيانا مشتركا جاء فيه أن الطرفين \"عازمان على تعزيز التنسيق\"."
    assert said(text)[0][0] == "الوزيران"
    text = "وعاد العلمي ليشير إلى أن الاجتماع سينعقد قريبا، مبرزا أن الرباط حريصة على التنفيذ."
    assert said(text)[1] == ("العلمي", "الرباط حريصة على التنفيذ")


def test_counterpart_named_with_his_nationality_holds_the_later_title() -> None:
    text = ("التقى وزير الخارجية ناصر العلمي نظيره الإسباني خافيير مورينو في الرباط. "
            "وقال الوزير الإسباني إن \"الفرق التقنية تشتغل على التفاصيل\".")
    assert said(text)[-1][0] == "خافيير مورينو"


def test_official_qualified_by_a_body_is_not_another_official() -> None:
    text = ("وقال مسؤول في حركة حماس لرويترز إن الحركة تسلمت المقترح. ونقلت هيئة البث عن مسؤول إسرائيلي كبير "
            "قوله إن إسرائيل لن توافق. وقال المسؤول في حماس لرويترز إن التصريحات تهدف إلى إفشال الجهود.")
    assert [q.speaker for q in quotes_of(text)] == ["مسؤول في حركة حماس", "مسؤول إسرائيلي كبير", "مسؤول في حركة حماس"]


def test_press_adjective_and_the_name_rui_are_no_titles_or_verbs() -> None:
    text = 'وقال مدرب الوداد، البرتغالي روي ألميدا، في الندوة الصحفية عقب اللقاء: "قدمنا شوطا أول جيدا".'
    assert said(text)[0][0] == "روي ألميدا"


def test_content_ends_before_the_reporters_note_of_the_occasion() -> None:
    text = 'أكد ناصر العلمي أن العلاقات "تعيش أفضل مراحلها"، وذلك خلال ندوة صحافية مشتركة في الرباط.'
    assert said(text)[0] == ("ناصر العلمي", 'العلاقات "تعيش أفضل مراحلها"')
    text = "وقال الوزير إن الأسعار ستخفض، وذلك لمواجهة ارتفاع الأسعار قبل رمضان."
    assert said(text)[0][1] == "الأسعار ستخفض، وذلك لمواجهة ارتفاع الأسعار قبل رمضان"  # a purpose stays in


def test_did_not_hide_and_a_feminine_adjective_of_the_participle_shape() -> None:
    text = "ولم يخف مسؤول الشركة أن الأسعار كانت محل مفاوضات شاقة."
    assert said(text) == [("مسؤول الشركة", "الأسعار كانت محل مفاوضات شاقة")]
    assert said("ووقعت الشركتان اتفاقا، في خطوة لافتة بالنظر إلى الفتور الذي يطبع العلاقات.") == []


def test_bare_speech_after_a_known_name_opens_with_a_quotation_mark() -> None:
    text = "قال أليكس فيشمان إن غزة على وشك مواجهة. وأضاف فيشمان ' من خلف السكون الظاهري تدور عمليات خطيرة '."
    assert said(text)[1] == ("أليكس فيشمان", "من خلف السكون الظاهري تدور عمليات خطيرة")
    assert said("وقالت ميراي بو صعب، التي فقدت شقيقها، إن العائلات لن تتعب.")[0][0] == "ميراي بو صعب"


def test_broadcast_write_ups() -> None:
    # the programme's quoted name is no quotation; «أجاب X:» answers on air
    text = ('وقال ضيف برنامج "حديث الساعة" على قناة الميادين، العميد المتقاعد منير شحادة، إن ما يجري "ليس حربا '
            'شاملة بعد". وردا على سؤال، أجاب شحادة: "القرار في تل أبيب".')
    found = said(text)
    assert ("حديث الساعة" not in [t for _, t in found]) and found[-1] == ("شحادة", "القرار في تل أبيب")
    assert said('ونقلت القناة 12 عن مسؤول عسكري إسرائيلي قوله إن الجيش "أنهى الاستعدادات".')[0][0] == \
        "مسؤول عسكري إسرائيلي"  # «إسرائيلي» after an adjective is no name («ماركو روسي» still is)


def test_regional_naming() -> None:
    assert said("وقالت ميراي بو صعب إن العائلات لن تتعب.")[0][0] == "ميراي بو صعب"
    text = "«ننتظر خمس ساعات لنحصل على عشرين لترا فقط»، يقول محمد أمين بلقاسم، وهو سائق شاحنة."
    assert said(text)[0][0] == "محمد أمين بلقاسم"  # «أمين» between two names is a given name
    text = 'وقال المهندس طارق السيد، رئيس مجلس إدارة الشركة، إن الزيادة "ضرورية".'
    assert said(text)[0][0] == "طارق السيد"  # «السيد» after a first name is the family name
    text = 'أما السائحة السعودية أم فيصل فقالت إن الأسعار "مرتفعة هذا العام، لكن الخدمات تحسنت".'
    assert [q.speaker for q in quotes_of(text)] == ["السائحة السعودية أم فيصل"] * 2  # «فيصل» closes no topic
    text = "أما سعاد حسن، ربة منزل، فقالت إن المترو \"لسه أرخص وسيلة\"."
    assert said(text)[0][0] == "سعاد حسن"


def test_topics_and_titles_of_wire_copy() -> None:
    text = ("قال الوزير إن الحل قريب. أما حزب التجمع الوطني للإصلاح والتنمية «تواصل»، فقد أعلن في بيان أنه سيطعن "
            "في النتائج.")
    assert said(text)[1][0].startswith("حزب التجمع الوطني للإصلاح والتنمية")
    text = "قال الوزير إن الحل قريب. أما نائبان عن الحزب الديمقراطي فقد أكدا أن الحكومة \"تستخدم ملف النفط\"."
    assert said(text)[1][0] == "نائبان"
    text = ("حمّل عضو لجنة النفط النيابية، النائب عن الإطار التنسيقي كاظم الفياض، حكومة الإقليم المسؤولية، وقال "
            "إن أربيل ترفض تسليم نفطها.")
    assert said(text)[0][0] == "كاظم الفياض"
    text = "قال الوزير إن الخطة جاهزة. من جانبه، رحب سعادة سالم خلفان الكعبي، وكيل الوزارة، بالوفود، وقال إن الحوافز قادمة."
    assert said(text)[1][0] == "سالم خلفان الكعبي"
    assert said("شفق نيوز/ أكدت وزارة الثروات الطبيعية أن استئناف التصدير مرهون بالاتفاق.")[0][0] == \
        "وزارة الثروات الطبيعية"  # a dateline slash ends no speaker phrase
    assert said("وبدأت الشركة تطبيق الأسعار الجديدة، لتتراوح بين 8 و20 جنيها حسب عدد المحطات.") == []


def test_court_and_sports_copy() -> None:
    text = 'قال المدرب إن الفوز مستحق. أما مدرب أوراوا، الياباني تاكاشي ميورا، فاعترف بأن فريقه "لم يكن في يومه".'
    assert said(text)[-1][0] == "تاكاشي ميورا"  # «ميورا» has an adverb's shape but closes a name set off by commas
    text = 'وخلال مرافعته، التمس ممثل النيابة العامة إدانة المتهم بالسجن المؤبد، معتبرا أن "نية القتل ثابتة".'
    assert said(text)[0][0] == "ممثل النيابة العامة"  # «التمس» is a verb, «إدانة» its object (not «أدانه»)
    text = 'أما دفاع المتهم، المحامي رشيد بنعيسى، فقد دفع بأن موكله "كان في حالة دفاع عن النفس".'
    assert said(text)[0][1] == 'موكله "كان في حالة دفاع عن النفس"'
    text = 'واستمعت الهيئة إلى والد الضحية، الذي قال وهو يغالب دموعه: "ابني خرج ولم يعد".'
    assert said(text) == [("والد الضحية", "ابني خرج ولم يعد")]
    text = 'قال الوزير إن الحل قريب. أما المحامي زياد حمدان، وكيل الموقوف، فقال إن موكله "لم يكن يعلم".'
    assert said(text)[1][0] == "زياد حمدان"


def test_feature_and_science_copy() -> None:
    text = ('وتجلس أم علي، ذات الثمانية والخمسين عاما، في الصف الأول. "كنت أخجل من أن أطلب من أحفادي قراءة '
            'رسائل الهاتف"، تقول بابتسامة.')
    assert said(text)[0][0] == "أم علي"  # a manner phrase is no speaker; the woman just described is
    assert said("قال باحثون بريطانيون إن دواء تجريبيا نجح في تقليص الأورام.")[0][0] == "باحثون بريطانيون"
    text = ("قال الوزير إن الحل قريب. أما البروفيسور مارك هيوز، أستاذ طب الأورام في جامعة أكسفورد، الذي لم يشارك "
            "في الدراسة، فرأى أن النتائج \"مشجعة لكنها مبكرة\".")
    assert said(text)[1][0] == "مارك هيوز"  # a relative aside inside an «أما» topic
    text = "القاهرة (رويترز) - قال مسؤولون مصريون وفلسطينيون يوم الأحد إن جولة جديدة من المحادثات حققت تقدما."
    assert said(text)[0][0] == "مسؤولون مصريون وفلسطينيون"
