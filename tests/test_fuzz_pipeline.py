"""Whatever text arrives, the whole pipeline either analyses it or rejects it: nothing escapes."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import marsad

ALPHABET = st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءآأإؤئىة") + list("«»“”\"':.،؛؟!…()-_/\n\t ")
    + list("٠١٢٣٤٥٦٧٨٩0123456789") + list("abcXYZ") + ["\u200f", "\u200c", "\u0640", "\u064e", "\ufefb", "\x00"]
)
WORDS = st.sampled_from(["قال", "أنطونوف", "وأضاف", "إن", "أن", "«", "»", ":", "3 أكتوبر/تشرين الأول", "الاثنين",
                         "وزارة الدفاع الروسية", "نقلت وكالة تاس عن", "المصدر:", "\n", ".", "داعش", "منذ ثمانية أيام"])
TEXTS = st.one_of(st.text(ALPHABET, max_size=400), st.lists(WORDS, max_size=80).map(" ".join))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXTS, min_size=1, max_size=3))
def test_any_text_is_analysed_or_rejected(texts):
    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(texts):
            Path(tmp, f"{i}.txt").write_text(text, encoding="utf-8")
        result = marsad.analyze([tmp])
    assert not [r for r in result.rejected if r.code == "E501"], result.rejected
    seen = {Path(a.source).name for a in result.articles} | {Path(r.source).name for r in result.rejected}
    assert seen == {f"{i}.txt" for i in range(len(texts))}
    marsad.validate(result.to_dict())
