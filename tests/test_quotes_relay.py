"""Relay chains: agencies that carried a statement, the source line, the outlet."""

from __future__ import annotations

from quote_text import quotes_of

from marsad.model import Article, Mention
from marsad.quotes import article_quotes
from marsad.quotes.relay import chain, source_line
from marsad.text.sentences import sentences_of


def test_agency_relaying_a_speaker() -> None:
    (quote,) = quotes_of("ونقلت وكالة تاس عن انطونوف قوله في مؤتمر أمني “جميع ضرباتنا دقيقة ومعدلة”.")
    assert (quote.speaker, quote.via, quote.kind) == ("انطونوف", ["وكالة تاس"], "direct")


def test_agencies_before_a_speaker_with_titles() -> None:
    (quote,) = quotes_of("ونقلت وكالات الإعلام الروسية عن الميجر جنرال ايجور كوناشنكوف قوله”لدينا مبررات للاعتقاد بذلك”.")
    assert quote.speaker == "ايجور كوناشنكوف" and quote.via == ["وكالات الإعلام الروسية"]


def test_statements_relayed_by_news_agencies() -> None:
    found = quotes_of('وأكد كوناشنكوف في تصريحات نقلتها وكالات الأنباء الروسية أن "الاقتراحات يمكن تنفيذها"، '
                      'مضيفا "لم يبق سوى توضيح بعض الأشياء التقنية".')
    assert [q.via for q in found] == [["وكالات الأنباء الروسية"]] * 2


def test_according_to_what_an_outlet_carried() -> None:
    (quote,) = quotes_of('وأكد أناتولي أنطونوف أنه لا يمكن لدولة بمفردها مواجهة الإرهاب، وذلك وفقا لما نقلته "روسيا اليوم".')
    assert quote.via == ["روسيا اليوم"]


def test_interview_with_an_agency_is_a_relay_but_not_the_press() -> None:
    (quote,) = quotes_of("وقال الرئيس إيمانويل ماكرون في تصريح لوكالة رويترز إن فرنسا لن تتراجع.")
    assert quote.via == ["وكالة رويترز"]
    (quote,) = quotes_of("وقال الرئيس إيمانويل ماكرون في تصريح للصحفيين إن فرنسا لن تتراجع.")
    assert quote.via == []


def test_quoting_from_a_source_through_an_agency() -> None:
    (quote,) = quotes_of("ذكرت وكالة سانا نقلا عن مصدر عسكري أن الجيش سيطر على البلدة.")
    assert (quote.speaker, quote.via) == ("مصدر عسكري", ["وكالة سانا"])


def test_source_line_then_outlet_close_the_chain() -> None:
    text = 'ونقلت وكالة تاس عن انطونوف قوله "لا نقصف المساجد أبدا".\nالمصدر: "تاس"'
    (quote,) = quotes_of(text, outlet="روسيا اليوم")
    assert quote.via == ["وكالة تاس", "تاس", "روسيا اليوم"]


def test_source_line_from_meta_when_cleaning_removed_it() -> None:
    (quote,) = quotes_of("قال انطونوف إن التعاون ممكن.", outlet="الجزيرة",
                         meta={"source_line": "المصدر : وكالات"})
    assert quote.via == ["وكالات", "الجزيرة"]


def test_relay_is_inherited_by_carry_over() -> None:
    text = "ونقلت وسائل إعلام عن مصدر عسكري، أن الغارات دمرت مخازن أسلحة، وأشار إلى أن العملية مستمرة."
    assert [q.via for q in quotes_of(text)] == [["وسائل إعلام"], ["وسائل إعلام"]]


def test_source_line_detection_and_chain_dedup() -> None:
    article = Article(id="a", source="t", text="نص الخبر.\nالمصدر: «سانا»\n")
    assert source_line(article) == "سانا"
    assert source_line(Article(id="b", source="t", text="نص الخبر.\nالمصدر الرئيسي للقلق هو الأمن")) is None
    assert chain(["وكالة تاس"], "وكالة تاس", None, "الجزيرة") == ["وكالة تاس", "الجزيرة"]


def test_fahasb_is_not_a_relay() -> None:
    (quote,) = quotes_of('وتابع بلير "ان التهديد حقيقي ليس للمنطقة فحسب بل لمجمل المجتمع الدولي" مكررا القول.')
    assert quote.via == []


def test_a_relay_spelled_in_initials_keeps_all_of_them():
    text = "ونقلت وكالة بي. تي. ايه عن الوزير قوله إن الحكومة ستستقيل."
    article = Article(id="a", source="a.txt", title="", text=text, sentences=sentences_of(text))
    quotes = article_quotes(article)
    assert quotes and any("تي. ايه" in relay for relay in quotes[0].via)


def test_wafq_ma_with_any_reporting_verb_names_the_source() -> None:
    """«وفق ما أعلنته/أوردته X» (round 7): «وفق» without alif and a verb with its object pronoun."""
    (quote,) = quotes_of("ووفق ما أوردته صحيفة \"كوميرسانت\"، فإن الشركة ستغلق مصنعها في المدينة.")
    assert (quote.speaker, quote.text) == ("صحيفة كوميرسانت", "الشركة ستغلق مصنعها في المدينة")
    (quote,) = quotes_of("عمان – «الغد»: ارتفع عدد المصابين في حادث السير إلى ثلاثين، وفق ما أعلنته الشرطة مساء الجمعة.")
    assert (quote.speaker, quote.text) == ("الشرطة", "ارتفع عدد المصابين في حادث السير إلى ثلاثين")
    assert quotes_of("وبلغت الخسائر مليون دولار في المدينة وفق خطة الحكومة.") == []


def test_awrada_reports_a_clause() -> None:
    (quote,) = quotes_of("وأوردت وكالة \"يونهاب\" أن الاجتماع سيعقد الأسبوع المقبل.")
    assert quote.text == "الاجتماع سيعقد الأسبوع المقبل"


def test_outlet_told_with_a_two_word_name() -> None:
    """«للسومرية نيوز إن», «للسومرية نيوز:» (round 7): ل + an unquoted outlet name of two words."""
    (quote,) = quotes_of("وقال مصدر أمني في محافظة البصرة للسومرية نيوز إن ثلاثة أشخاص أصيبوا في الانفجار.")
    assert (quote.speaker, quote.via) == ("مصدر أمني", ["السومرية نيوز"])
    (quote,) = quotes_of("وقال شاهد عيان للسومرية نيوز: «رأينا الدخان يتصاعد من المبنى».")
    assert quote.via == ["السومرية نيوز"]


def test_genitive_or_addressee_with_lil_is_no_outlet() -> None:
    assert quotes_of("وأكد الرئيس للوفد الدولي أن الخرق خطير جدا.")[0].via == []


def test_interview_with_an_outlet_is_a_relay() -> None:
    (quote,) = quotes_of("وقال عضو المجلس البلدي، سالم حسن، في اتصال مع «الشرق الأوسط»، إن المياه غمرت الأحياء.")
    assert quote.via == ["الشرق الأوسط"]
    (quote,) = quotes_of("وقال وزير الطاقة في حديث إلى إذاعة «مونت كارلو» إن الأزمة ستنتهي قريبا.")
    assert quote.via == ["إذاعة مونت كارلو"]


def test_call_with_a_person_is_no_relay() -> None:
    (quote,) = quotes_of("وبحث الوزير في اتصال هاتفي مع نظيره الفرنسي الأوضاع، وقال إن الحل سياسي.")
    assert quote.via == []


def test_joint_statement_carried_by_an_agency() -> None:
    (quote,) = quotes_of("وأكد البلدان في بيان مشترك نشرته وكالة الأنباء الأردنية (بترا) أن التعاون سيتعزز.")
    assert quote.via == ["وكالة الأنباء الأردنية"]


def test_organisation_name_with_lil_is_no_relay() -> None:
    """«الهيئة العليا المستقلة للانتخابات»: the name's genitive, not an outlet told (round 7, spurious relays)."""
    (quote,) = quotes_of("وقالت الهيئة العليا المستقلة للانتخابات إن نسبة المشاركة بلغت أربعين في المئة.")
    assert quote.via == []


def test_title_genitive_with_lil_is_no_relay() -> None:
    (quote,) = quotes_of("وقال الأمين العام للمنظمة العالمية للأرصاد الجوية إن الحرارة سترتفع.")
    assert quote.via == []
    (quote,) = quotes_of("وقال المتحدث للقناة العاشرة الإسرائيلية إن الجيش مستعد.")
    assert quote.via == ["القناة العاشرة الإسرائيلية"]


def test_passive_relay_verb_takes_no_earlier_relay() -> None:
    found = quotes_of("وقالت وكالة الأنباء الرسمية نقلا عن وزير الداخلية إن الوضع هادئ. "
                      "ونقل عن مسؤول في الوزارة أن الحدود مغلقة.")
    assert [q.via for q in found] == [["وكالة الأنباء الرسمية"], []]


def test_wafqan_li_a_source_closing_the_sentence() -> None:
    """«وفقا ل» + who can speak closes a sentence it attributes; «وفقا للقانون/لقرار» (in accordance with) does not."""
    (quote,) = quotes_of("وقتل نحو ثلاثين شخصا في المواجهات وفقا لمصادر طبية.")
    assert (quote.speaker, quote.text) == ("مصادر طبية", "وقتل نحو ثلاثين شخصا في المواجهات")
    assert quotes_of("وأغلقت المدارس في المدينة وفقا لقرار وزارة التربية.") == []


def test_wafqan_li_an_organisation_the_tagger_marks() -> None:
    # «للحماية المدنية» has no listed head: the tagger's organisation makes it a source, «للقانون» stays a rule
    text = "ووفقا للحماية المدنية، فإن فرق الإنقاذ انتشلت 12 جثة."
    start, end = text.index("للحماية") + 2, text.index("،")  # the tagger's span leaves out «لل»
    org = Mention(start, end, text[start:end], "ORG")  # type: ignore[arg-type]
    (quote,) = quotes_of(text, [org])
    assert (quote.speaker, quote.text) == ("الحماية المدنية", "فرق الإنقاذ انتشلت 12 جثة")
    assert quotes_of(text) == []
    assert quotes_of("ووفقا للقانون، فإن العقوبة تصل إلى السجن عشر سنوات.") == []


def test_title_after_a_name_takes_its_organisation_as_genitive() -> None:
    (quote,) = quotes_of("وقال الدكتور سامي خالد مستشار الرئيس المتحدث الرسمي لوزارة الخارجية، في بيان اليوم، إن "
                         "المفاوضات مستمرة.")
    assert quote.via == []


def test_masculine_naqala_after_a_source_is_passive_not_its_relay() -> None:
    found = quotes_of("وقال مصدر أمني إن الوضع هادئ. ونقل عن مسؤول في وزارة الداخلية قوله إن الحدود مغلقة.")
    assert [q.via for q in found] == [[], []]
    found = quotes_of("وذكرت صحيفة الحياة أن الوضع هادئ. ونقلت عن مسؤولين قولهم إن الحدود مغلقة.")
    assert found[1].via == ["صحيفة الحياة"]


def test_programme_then_the_channel_airing_it() -> None:
    """Issue 5, relay chains: «في تصريحات لبرنامج "X" على قناة "Y"» gave ['برنامج']; via runs speaker outward."""
    (quote,) = quotes_of('وقال الوزير في تصريحات لبرنامج "حديث الساعة" على قناة "الميادين" إن الحكومة ستستقيل.')
    assert quote.via == ["برنامج حديث الساعة", "قناة الميادين"]
    (quote,) = quotes_of('وقالت الوزيرة في مقابلة مع برنامج "بلا قيود" على شاشة "بي بي سي عربي" إن الموازنة ستعرض قريبا.')
    assert quote.via == ["برنامج بلا قيود", "بي بي سي عربي"]
    (quote,) = quotes_of('وقال الوزير في تصريحات لبرنامج "حديث الساعة" الذي تبثه قناة "الميادين" إن الحكومة ستستقيل.')
    assert quote.via == ["برنامج حديث الساعة", "قناة الميادين"]
    (quote,) = quotes_of("وقالت الوزيرة في مقابلة مع برنامج «صباح الخير» عبر إذاعة «مونت كارلو الدولية» إن الموازنة ستعرض.")
    assert quote.via == ["برنامج صباح الخير", "إذاعة مونت كارلو الدولية"]


def test_programme_on_a_channel_named_without_head_noun() -> None:
    (quote,) = quotes_of('ورأت الوزيرة، في حديث لبرنامج "المشهد" على بي بي سي عربي، أن الموازنة ستعرض على البرلمان.')
    assert (quote.speaker, quote.via) == ("الوزيرة", ["برنامج المشهد", "بي بي سي عربي"])


def test_single_relays_stay_one_element() -> None:
    """A channel alone, a newspaper with or without «الصادرة في», a programme with no channel, «على هامش»."""
    cases = {
        'وقال الوزير في تصريحات لقناة "الميادين" إن الحكومة ستستقيل.': ["قناة الميادين"],
        'وقال الوزير في تصريح لإذاعة "سوا" الأمريكية إن الحكومة ستستقيل.': ["إذاعة سوا"],
        "وقال الوزير في تصريحات لصحيفة الشرق الأوسط إن الحكومة ستستقيل.": ["صحيفة الشرق الأوسط"],
        "وقال الوزير في تصريحات لصحيفة الشرق الأوسط الصادرة في لندن إن الحكومة ستستقيل.": ["صحيفة الشرق الأوسط"],
        'وقال الوزير في تصريحات لبرنامج "حديث الساعة" إن الحكومة ستستقيل.': ["برنامج حديث الساعة"],
        'وقالت الوزيرة في تصريحات لبرنامج "المشهد" على هامش المؤتمر إن الموازنة ستعرض.': ["برنامج المشهد"],
        "وقال الوزير في تصريحات لقناة الجزيرة على موقعها الإلكتروني إن الحكومة ستستقيل.": ["قناة الجزيرة"],
    }
    for text, via in cases.items():
        (quote,) = quotes_of(text)
        assert quote.via == via, text


def test_outlet_carried_by_another_outlet_comes_first() -> None:
    """«بحسب ما نقلته قناة X عن وكالة Y»: the statement went speaker -> Y -> X (it gave [X])."""
    (quote,) = quotes_of("وقال مصدر دبلوماسي إن المفاوضات ستستأنف، بحسب ما نقلته قناة الجزيرة عن وكالة الأنباء الفرنسية.")
    assert (quote.speaker, quote.via) == ("مصدر دبلوماسي", ["وكالة الأنباء الفرنسية", "قناة الجزيرة"])
    (quote,) = quotes_of('وقال النائب إن الحكومة ستستقيل، بحسب ما ذكرته قناة "الحرة" نقلا عن وكالة رويترز.')
    assert quote.via == ["وكالة رويترز", "قناة الحرة"]
    (quote,) = quotes_of('وقال النائب في تصريحات نقلتها صحيفة "النهار" عن وكالة الأنباء المركزية إن الحكومة ستستقيل.')
    assert quote.via == ["وكالة الأنباء المركزية", "صحيفة النهار"]


def test_sources_after_an_outlet_are_no_outlet_link() -> None:
    (quote,) = quotes_of("وقال النائب إن الحكومة ستستقيل، بحسب ما نقلته الصحيفة عن مصادر مقربة منه.")
    assert quote.via == ["الصحيفة"]
    (quote,) = quotes_of("ونقلت وكالة رويترز عن صحيفة الحياة أن المفاوضات ستستأنف قريبا.")
    assert (quote.speaker, quote.via) == ("صحيفة الحياة", ["وكالة رويترز"])
    (quote,) = quotes_of("وبحسب ما نقلته قناة العربية عن وكالة رويترز، فإن الحكومة ستستقيل الأسبوع المقبل.")
    assert (quote.speaker, quote.via) == ("وكالة رويترز", ["قناة العربية"])


def test_call_with_an_agency_named_without_quotes() -> None:
    """«في اتصال مع وكالة ...»: «وكالة» was read as و + «كالة», so no outlet followed."""
    (quote,) = quotes_of("وقالت الوزيرة في اتصال مع وكالة الأنباء الألمانية إن الموازنة ستعرض على البرلمان.")
    assert quote.via == ["وكالة الأنباء الألمانية"]


def test_compound_preposition_after_a_programme_is_no_channel() -> None:
    (quote,) = quotes_of('وقال الوزير في تصريحات لبرنامج "حديث الساعة" على حد تعبيره إن الحكومة ستستقيل.')
    assert quote.via == ["برنامج حديث الساعة"]


def test_outlets_carried_before_the_speaker_phrase() -> None:
    """For the relay-verb frame («نقلت وكالة X عن صحيفة Y عن مصدر»): the outlets between «عن»s, speaker outward."""
    from marsad.quotes.relay import outlets_carried
    from marsad.quotes.tokens import sentence_tokens

    text = 'ونقلت وكالة رويترز عن صحيفة "الحياة" عن قناة العربية عن مصدر دبلوماسي قوله إن المفاوضات ستستأنف.'
    toks = sentence_tokens(text, 0, len(text))
    first = [t.key for t in toks].index("عن") + 1
    carried, k = outlets_carried(text, toks, first)
    assert (carried, toks[k].text) == (["قناة العربية", "صحيفة الحياة"], "مصدر")
    text = "ونقلت وكالة رويترز عن صحيفة الحياة قولها إن المفاوضات ستستأنف."
    toks = sentence_tokens(text, 0, len(text))
    assert outlets_carried(text, toks, 4) == ([], 4)


def test_call_with_a_programme_on_a_channel() -> None:
    """«في اتصال هاتفي مع برنامج “X” على قناة Y»: a call with a programme is an interview (it gave no relay)."""
    (quote,) = quotes_of("وقال الطبيب، في اتصال هاتفي مع برنامج “صباح الخير” على قناة النهار، إن المستشفى استقبل عشرين مصابا.")
    assert quote.via == ["برنامج صباح الخير", "قناة النهار"]


def test_people_an_outlet_met() -> None:
    (quote,) = quotes_of("وقال سكان التقتهم «الوطن» في السوق إن الأسعار ارتفعت كثيرا.")
    assert quote.via == ["الوطن"]
    (quote,) = quotes_of("وقال الوفد الذي التقته الوزيرة إن الأسعار ارتفعت كثيرا.")
    assert quote.via == []


def test_a_programme_told_is_a_relay_not_the_speaker() -> None:
    # «قال X لبرنامج "Y"»: the programme is the addressee, never the speaker or part of his name
    found = quotes_of('وقال الوزير لبرنامج "المشهد" على قناة الجديد إن الحكومة ستستقيل.')
    assert [(q.speaker, q.via[:1]) for q in found] == [("الوزير", ["برنامج المشهد"])]
    found = quotes_of('وقال وزير الطاقة سامي فارس لبرنامج "صباح الخير" إن الأسعار ستنخفض.')
    assert [q.speaker for q in found] == ["سامي فارس"]


def test_a_role_phrase_going_on_in_the_same_interview_keeps_its_relay() -> None:
    text = ('وقال وزير الطاقة الأردني صالح الخرابشة لقناة "رؤيا" إن الأسعار سترتفع. '
            "وأشار الوزير إلى أن الدعم سيستمر.")
    found = quotes_of(text)
    assert [q.speaker for q in found] == ["صالح الخرابشة"] * 2
    assert all("رؤيا" in " ".join(q.via) for q in found)


def test_an_agency_named_in_brackets_after_lam_is_the_relay() -> None:
    found = quotes_of("وأكد الوزير في تصريح لـ(وات) أن الموسم ناجح.")
    assert [(q.speaker, q.via[:1]) for q in found] == [("الوزير", ["وات"])]


def test_outlets_glued_to_lam_with_latin_letters_or_digits() -> None:
    assert quotes_of('وقال الرجل لـDW عربية إن المياه انحسرت.')[0].via == ["DW عربية"]
    assert quotes_of('وقال جان-لوك بيرو لفرانس24 إن "الحكومة تراهن على تعب الناس".')[0].via == ["فرانس24"]


def test_organisation_name_genitive_is_no_outlet_told() -> None:
    (quote,) = quotes_of("وقالت الكونفدرالية العامة للعمل إن عدد المتظاهرين تجاوز ثلاثة ملايين.")
    assert quote.via == [] and quote.speaker.startswith("الكونفدرالية العامة")
    (quote,) = quotes_of("وذكر بيان للجنة العليا للانتخابات أن 344 مرشحا تنافسوا على المقاعد.")
    assert quote.speaker.startswith("اللجنة العليا")  # «للجنة» is «ل + اللجنة»


def test_sources_who_spoke_to_an_outlet() -> None:
    text = "وبحسب مصادر قضائية تحدثت إليها «الأخبار»، فإن الهيئة أرجأت البت بالطلبات إلى الشهر المقبل."
    (quote,) = quotes_of(text)
    assert (quote.speaker, quote.via) == ("مصادر قضائية", ["الأخبار"])
    (quote,) = quotes_of("وأتت النيران على 12 ألف هكتار من الغابات، وفقا لأرقام المديرية العامة للغابات.")
    assert quote.speaker == "المديرية العامة للغابات"
