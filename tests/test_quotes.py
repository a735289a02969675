"""Quote extraction patterns, each on a small Arabic case written for the test."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quote_text import quotes_of

from marsad.model import Paragraph, Quote, Sentence
from marsad.quotes.marks import quoted_spans
from marsad.text.sentences import split_sentences


def only(text: str, **fields: object) -> Quote:
    found = quotes_of(text, **fields)
    assert len(found) == 1, [(q.text, q.speaker) for q in found]
    return found[0]


# --- direct quotations in every style -------------------------------------------------------------

@pytest.mark.parametrize("opening,closing", [("«", "»"), ("“", "”"), ('"', '"'), ("'", "'"), ("”", "”")])
def test_direct_quote_in_every_mark_style(opening: str, closing: str) -> None:
    text = f"قال وزير الخارجية سيرغي لافروف {opening}لن نسمح بتكرار ذلك أبدا{closing}."
    quote = only(text)
    assert (quote.kind, quote.text, quote.speaker) == ("direct", "لن نسمح بتكرار ذلك أبدا", "سيرغي لافروف")
    assert text[quote.start : quote.end] == quote.text


def test_colon_then_quotation() -> None:
    quote = only('وقال المتحدث باسم الجيش العقيد أحمد المسماري: "قواتنا تتقدم على كل المحاور".')
    assert (quote.kind, quote.speaker, quote.cue) == ("direct", "أحمد المسماري", "وقال")
    assert quote.text == "قواتنا تتقدم على كل المحاور"


def test_colon_without_marks_is_direct_speech() -> None:
    quote = only("وقال الوزير خالد العلي: نحن مستعدون للحوار مع جميع الأطراف.")
    assert quote.kind == "direct" and quote.text.startswith("نحن مستعدون")


def test_quotation_spanning_sentences() -> None:
    text = 'وقال الرئيس عبد الله الأحمد: "لن نتراجع. سنواصل العمل حتى النهاية".'
    quote = only(text)
    assert quote.text == "لن نتراجع. سنواصل العمل حتى النهاية"


def test_partial_quotation_inside_reported_speech_is_also_returned() -> None:
    found = quotes_of('وأكد الوزير سامي الخطيب أن بلاده "لن تقبل بأي حل مفروض من الخارج" مهما كانت الضغوط.')
    kinds = sorted((q.kind, q.text) for q in found)
    assert kinds[0] == ("direct", "لن تقبل بأي حل مفروض من الخارج")
    assert kinds[1][0] == "indirect" and kinds[1][1].startswith("بلاده")
    assert {q.speaker for q in found} == {"سامي الخطيب"}


def test_scare_quotes_are_not_partial_quotes() -> None:
    found = quotes_of('وقال المسؤول سامي الخطيب إن مقاتلي "داعش" انسحبوا من المدينة.')
    assert [q.kind for q in found] == ["indirect"]


def test_quotation_after_a_title_word_is_not_a_partial_quote() -> None:
    found = quotes_of('وأفاد التقرير بأن الوزارة نشرت مقطعا تحت عنوان "ضربات دقيقة على الإرهابيين" أمس.')
    assert [q.kind for q in found] == ["indirect"]


def test_quote_before_its_verb() -> None:
    quote = only('"نحن مستعدون للتعاون مع الجميع"، قال المتحدث يوسف الحسن للصحفيين.')
    assert (quote.kind, quote.speaker) == ("direct", "يوسف الحسن")


def test_marks_ignore_apostrophes_and_short_unclosed_marks() -> None:
    text = "O'Brien said\nوقال \"كلام ناقص\nسطر آخر"
    assert quoted_spans(text) == []


def test_unclosed_quotation_runs_to_the_line_end() -> None:
    text = 'وقال "أنا مصدوم من القصف. وهذا غير مقبول.\nسطر آخر'
    (q,) = quoted_spans(text)
    assert text[q.start : q.end] == "أنا مصدوم من القصف. وهذا غير مقبول"


def test_unclosed_quotation_ends_with_its_sentence_when_a_new_one_opens() -> None:
    text = 'وقال "أنا مصدوم من القصف. وكشف أنه تلقى "ضمانات شخصية" من أولمرت.'
    spans = [text[q.start : q.end] for q in quoted_spans(text)]
    assert spans == ["أنا مصدوم من القصف", "ضمانات شخصية"]


# --- indirect speech ----------------------------------------------------------------------------

@pytest.mark.parametrize("verb", ["قال", "أكد", "أعلن", "أوضح", "اعتبر", "ذكر", "كشف", "صرح", "زعم",
                                  "وقال", "فأكد", "يقول", "تؤكد", "وأضاف", "وتابع"])
def test_reporting_verbs_with_prefixes_and_tenses(verb: str) -> None:
    quote = only(f"{verb} السفير الياباني كينجي تاناكا أن المفاوضات ستستأنف الأسبوع المقبل.")
    assert (quote.kind, quote.text) == ("indirect", "المفاوضات ستستأنف الأسبوع المقبل")
    assert quote.speaker == "كينجي تاناكا" and quote.cue == verb


@pytest.mark.parametrize("intro", ["أن", "إن", "بأن", "إلى أن", "على أن", "من أن"])
def test_every_complementizer(intro: str) -> None:
    verb = {"إلى أن": "وأشار", "على أن": "وشدد", "من أن": "وحذر", "بأن": "وأفاد"}.get(intro, "وقال")
    quote = only(f"{verb} الوزير نبيل فهمي {intro} الوضع الأمني يتحسن ببطء.")
    assert quote.text == "الوضع الأمني يتحسن ببطء" and quote.speaker == "نبيل فهمي"


def test_participle_cues_split_one_sentence_into_statements() -> None:
    found = quotes_of("أكد الوزير نبيل فهمي أن الحوار مستمر، مشيرا إلى أن الجولة المقبلة ستعقد في القاهرة، "
                      "موضحا أن الوفود ستصل غدا.")
    assert [q.text for q in found] == ["الحوار مستمر", "الجولة المقبلة ستعقد في القاهرة", "الوفود ستصل غدا"]
    assert {q.speaker for q in found} == {"نبيل فهمي"}


def test_nominal_content_after_the_verbs_preposition() -> None:
    quote = only("وأعرب وزير الخارجية سامح شكري عن قلق بلاده من التصعيد الأخير.")
    assert quote.text == "قلق بلاده من التصعيد الأخير" and quote.speaker == "سامح شكري"


def test_denial_with_an_object() -> None:
    quote = only("نفى المتحدث باسم الحكومة علي الربيعي، وجود أي اتصالات سرية مع الجانب الآخر.")
    assert quote.text == "وجود أي اتصالات سرية مع الجانب الآخر" and quote.speaker == "علي الربيعي"


@pytest.mark.parametrize("text,speaker,content", [
    ("قتل خمسة مدنيين في غارة على ريف إدلب بحسب المرصد السوري لحقوق الإنسان.",
     "المرصد السوري لحقوق الإنسان", "قتل خمسة مدنيين في غارة على ريف إدلب"),
    ("ووفقا لوكالة الأناضول فإن القصف استهدف مستشفى ميدانيا.", "وكالة الأناضول", "القصف استهدف مستشفى ميدانيا"),
    ("وبحسب وزارة الصحة، فإن عدد الضحايا ارتفع إلى عشرين.", "وزارة الصحة", "عدد الضحايا ارتفع إلى عشرين"),
])
def test_according_to_attributes_the_sentence(text: str, speaker: str, content: str) -> None:
    quote = only(text)
    assert (quote.speaker, quote.text, quote.kind) == (speaker, content, "indirect")


def test_relative_and_subjunctive_verbs_are_not_cues() -> None:
    found = quotes_of("وقال الوزير نبيل فهمي إن الأنباء التي تزعم أن الجيش انسحب كاذبة، وإن بلاده تنتظر أن يعلن "
                      "الطرف الآخر موقفه.")
    assert len(found) == 1 and found[0].text.endswith("موقفه")


def test_impersonal_phrase_has_no_speaker_quote() -> None:
    assert quotes_of("ويذكر أن الاجتماع الأول عقد في جنيف الشهر الماضي.") == []


def test_headline_name_colon_is_a_quote() -> None:
    quote = only("أنطونوف: الطيران الروسي لا يقصف إلا بعد التحقق من المعطيات")
    assert (quote.kind, quote.speaker, quote.text) == ("direct", "أنطونوف", "الطيران الروسي لا يقصف إلا بعد التحقق من المعطيات")


def test_dateline_before_reported_speech_is_not_a_headline() -> None:
    quote = only("الرياض: قال مسؤول سعودي إن المملكة ترحب بالاتفاق.")
    assert quote.speaker == "مسؤول سعودي" and quote.text == "المملكة ترحب بالاتفاق"


def test_non_arabic_sentences_and_paragraphs_are_skipped() -> None:
    text = 'قال الوزير نبيل فهمي إن الحوار مستمر.\nوقال الوزير سامي الخطيب إن الوفد وصل.'
    spans = split_sentences(text)
    sentences = [Sentence(spans[0][0], spans[0][1], 0, "en"), Sentence(spans[1][0], spans[1][1], 1, "ar")]
    assert [q.speaker for q in quotes_of(text, sentences=sentences)] == ["سامي الخطيب"]
    paragraphs = [Paragraph(spans[0][0], spans[0][1], "ar"), Paragraph(spans[1][0], spans[1][1], "fr")]
    assert [q.speaker for q in quotes_of(text, paragraphs=paragraphs)] == ["نبيل فهمي"]


def test_nested_speech_stays_inside_the_reported_clause() -> None:
    quote = only("وقال الباحث برونو موتان إن الدراسة التي اعتمدت على التصوير كشفت أن اللوحة رسمت مرتين.")
    assert quote.speaker == "برونو موتان" and quote.text.endswith("رسمت مرتين")


def test_temporal_an_is_not_an_introducer() -> None:
    quote = only('وقال بلير في مؤتمر صحفي قبل أن يعود إلى لندن "نحن نتقاسم التحليل نفسه".')
    assert (quote.kind, quote.text) == ("direct", "نحن نتقاسم التحليل نفسه")


def test_fahasb_means_only() -> None:
    assert quotes_of("ولم يتأثر الاقتصاد فحسب بل تأثرت السياحة أيضا بشدة.") == []


WORDS = ["قال", "وأضاف", "أن", "إن", "الوزير", "نبيل", "فهمي", "«", "»", '"', "“", "”", ":", "،", ".", "\n",
         "بحسب", "وكالة", "تاس", "نقلت", "عن", "قوله", "مشيرا", "إلى", "الحوار", "مستمر", "'", "ـ", "في"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40))
def test_any_text_gives_quotes_whose_offsets_hold(words: list[str]) -> None:
    text = " ".join(words)
    for quote in quotes_of(text):
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        assert quote.kind in ("direct", "indirect")


def test_nominal_content_after_stress_and_warn() -> None:
    found = quotes_of('شدد الرئيس محمود عباس على ضرورة "سلطة واحدة وسلاح شرعي واحد" في الضفة.')
    assert [(q.kind, q.text[:5]) for q in found] == [("indirect", "ضرورة"), ("direct", "سلطة ")]
    assert only("وحذرت الوزيرة مارغريت بيكيت من غزو لبنان.").text == "غزو لبنان"
    assert only("وأكد علي الربيعي أن الحوار مستمر.").speaker == "علي الربيعي"


def test_closing_guillemet_of_a_name_opens_no_reversed_pair() -> None:
    """«جولة لـ«X» ...: «... . ...»»: the » closing X is not a reversed-pair opener (round 7, dev8 own8-01)."""
    from marsad.quotes.marks import quoted_spans

    text = "وفي جولة لـ«الشروق» في سوق العتبة، قالت أم خالد، وهي معلمة: «الأسعار ارتفعت كثيرا. لم نعد نشتري اللحم»."
    assert [text[q.start : q.end] for q in quoted_spans(text)] == [
        "الشروق", "الأسعار ارتفعت كثيرا. لم نعد نشتري اللحم"]


def test_quotation_after_an_unclosed_one_is_not_nested() -> None:
    from marsad.quotes.marks import quoted_spans

    text = "مؤكدا «لم نكن لنتصرف بهذه الطريقة أبدا. واضاف «كان ذلك ردنا على الانتهاك»."
    assert [(text[q.start : q.end], q.depth) for q in quoted_spans(text)] == [
        ("لم نكن لنتصرف بهذه الطريقة أبدا", 0), ("كان ذلك ردنا على الانتهاك", 0)]
