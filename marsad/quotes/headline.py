"""Headline lines «NAME: text»: a direct quote of NAME."""

from __future__ import annotations

import re

from marsad.quotes.content import whole_quotation
from marsad.quotes.context import ARABIC, Context, Raw
from marsad.quotes.cues import find_hits
from marsad.quotes.marks import strip_marks
from marsad.quotes.names import Speaker
from marsad.quotes.speakers import parse_speaker
from marsad.quotes.tokens import (
    cue_of,
    sentence_tokens,
    word_kind,
)

HEADLINE = re.compile(r"^([^:\n\"«“”]{2,60}?)\s*:\s*(\S.*)$")
MAX_HEADLINE_WORDS = 30
# Time words that make the head of a headline a topic («درنة بعد الفيضان:», «غزة خلال الهدنة:»), not a speaker.
TOPIC_TIME_WORDS = frozenset({"بعد", "قبل", "منذ", "خلال", "عقب", "اثناء"})
# Labels before a colon that are bylines or page furniture, not speakers.
NO_HEAD = frozenset({"المصدر", "المصادر", "تحديث", "اخر", "بقلم", "تعليق", "المراسل", "عدسه", "تصوير", "كتب",
                     "كتبت", "اعداد", "ترجمه", "الكاتب", "المحرر", "متابعات", "صوره", "الصوره", "فيديو", "اقرا"})


def headline(text: str, start: int, end: int, sentence: int, ctx: Context) -> list[Raw]:
    """«أنطونوف: الطيران الروسي لا يقصف ...»: a short name before a colon on a line of its own."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if text[line_start:start].strip() or text[end : len(text) if line_end < 0 else line_end].strip():
        return []
    match = HEADLINE.match(text[start:end])
    if not match or not 3 <= len(match.group(2).split()) <= MAX_HEADLINE_WORDS or ":" in match.group(2):
        return []
    toks = sentence_tokens(text, start, start + len(match.group(1)))
    if not 1 <= len(toks) <= 4 or not all(t.is_word and not t.key.isdigit() for t in toks):
        return []
    if any(cue_of(t) for t in toks) or toks[0].bare in NO_HEAD or not ARABIC.search(match.group(1)):
        return []
    if any(t.bare in TOPIC_TIME_WORDS for t in toks):
        return []  # «درنة بعد الفيضان: "نعيش في بيوت ليست لنا"»: a topic and a time, no speaker
    if any(h.cue.quote == "yes" for h in find_hits(sentence_tokens(text, start + match.start(2), end), ctx)):
        return []  # «الرياض: قال مسؤول ...» is a dateline before reported speech
    speaker = parse_speaker(text, toks) or Speaker(match.group(1).strip(), "NAME", "", toks[0].start, toks[-1].end)
    if len(toks) == 1 and toks[0].definite and word_kind(toks[0]) not in ("org", "role"):
        return []  # «النتيجة: ...» is a label, not a speaker
    body = strip_marks(text, start + match.start(2), end)
    quote = whole_quotation(body, ctx)
    s, e = (quote.start, quote.end) if quote else body
    return [Raw(s, e, "direct", ":", speaker, sentence)] if e > s else []  # «إلى: « « «»: marks only, no words
