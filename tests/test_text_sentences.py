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
