from marsad.text.sentences import split_sentences


def pieces(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_splits_on_full_stop_and_arabic_question_mark():
    assert pieces("قال الوزير كذا. ثم غادر؟ نعم") == ["قال الوزير كذا.", "ثم غادر؟", "نعم"]


def test_does_not_split_on_arabic_comma_or_semicolon():
    text = "وصل الوفد، واجتمع بالوزير؛ ثم غادر."
    assert pieces(text) == [text]


def test_does_not_split_inside_open_quotation():
    text = 'وقال: "لدينا معلومات. ونمتلك أدلة". وغادر.'
    assert pieces(text) == ['وقال: "لدينا معلومات. ونمتلك أدلة".', "وغادر."]


def test_guillemets_and_curly_quotes():
    text = "قال «الضربات دقيقة. ولم نقصف مساجد» ثم صمت. انتهى"
    assert len(pieces(text)) == 2
    assert len(pieces("قال “جميع ضرباتنا دقيقة. فقط” .")) == 1


def test_lines_are_sentences_and_offsets_index_original():
    text = "عنوان الخبر\n\nالفقرة الأولى. الفقرة الثانية"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["عنوان الخبر", "الفقرة الأولى.", "الفقرة الثانية"]


def test_one_letter_abbreviation_does_not_end_sentence():
    assert pieces("قال د. أحمد إن الوضع خطير.") == ["قال د. أحمد إن الوضع خطير."]


def test_unclosed_quote_ends_at_line_break():
    assert pieces('قال "كلام بلا إغلاق. ثم\nسطر جديد.') == ['قال "كلام بلا إغلاق. ثم', "سطر جديد."]


def _texts(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_spelled_out_initials_do_not_end_a_sentence():
    assert _texts("قال مكتب إف. بي. آي إن التحقيق مستمر. وأضاف أن النتائج قريبة.") == [
        "قال مكتب إف. بي. آي إن التحقيق مستمر.", "وأضاف أن النتائج قريبة."]
    assert _texts("ذكرت وكالة بي. تي. ايه أن الحادث وقع. ولم تذكر تفاصيل.") == [
        "ذكرت وكالة بي. تي. ايه أن الحادث وقع.", "ولم تذكر تفاصيل."]
    assert _texts("وصل إلى القاهرة. في اليوم التالي عاد.") == ["وصل إلى القاهرة.", "في اليوم التالي عاد."]


def test_reversed_guillemets_hold_a_quotation():
    assert _texts("وقال »نحن مستعدون. سنرد« ثم غادر. وانتهى اللقاء.") == [
        "وقال »نحن مستعدون. سنرد« ثم غادر.", "وانتهى اللقاء."]


def test_a_stray_closing_guillemet_is_not_read_as_reversed_marks():
    assert _texts("ولن نتراجع» قال الوزير. ثم أضاف «لن نقبل. أبدا» وغادر.") == [
        "ولن نتراجع» قال الوزير.", "ثم أضاف «لن نقبل. أبدا» وغادر."]
