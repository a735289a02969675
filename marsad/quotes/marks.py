"""Quotation marks: the spans they enclose, in every style Arabic outlets use.

«…», “…”, „…“, ‹…›, "…" and '…' (the last two as toggles), and ” used both to open and to close
(«قوله”القوات ...”», common in copy from some agencies). A quotation may span sentences but not
lines. A mark left open runs to the end of its line (or to the sentence after which narration resumes
with a reporting verb) when it opens a quotation of MIN_OPEN_WORDS
words or more («وقال "أنا مصدوم ... في جنوب لبنان.» at the end of a paragraph); a toggle mark that
opens a new quotation after a sentence end («... لبنان. وكشف أنه تلقى "ضمانات"») closes the open one at
that sentence end. Nested quotations are returned too, with their depth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PAIRS = {"«": "»", "“": "”", "„": "“", "‹": "›"}
# «في» أضرار دائمة «لعلاقته»: guillemets typed the other way round, glued to the words outside them,
# with no » after the « before the sentence ends.
REVERSED_PAIR = re.compile(r"(?<=\w)»\s([^«»\n]{1,80}?)\s«(?=\w)(?![^»\n.]*»)")
# «وقال »لن نتراجع« أمام»: a reversed pair shaped the other way (» opens before a word, « closes after one).
SPACED_REVERSED_PAIR = re.compile(r"(?<![\w«»])»(?=\w)([^«»\n]{1,300}?)(?<=[\w.!?؟])«(?![\w«»])")
TOGGLES = frozenset({'"', "”", "'"})
ALL_MARKS = frozenset("«»“”„‹›\"'")
# An open mark with fewer words than this before the line ends is a stray mark, not a quotation.
MIN_OPEN_WORDS = 3  # set by reading ANERcorp newswire (tests/golden/quotes_dev.json), where quotes run to the line end
SENTENCE_END = re.compile(r"[.!?؟](?=\s)")


@dataclass(frozen=True, slots=True)
class Quoted:
    start: int  # first character inside the marks
    end: int  # the closing mark's offset
    depth: int

    def words(self, text: str) -> int:
        return len(text[self.start : self.end].split())


def _is_apostrophe(text: str, i: int) -> bool:
    """A ' between two letters is an apostrophe (Latin names, transliteration), not a quote mark."""
    return 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()


def _closes(stack: list[tuple[str, int]], ch: str) -> bool:
    return bool(stack) and stack[-1][0] == ch


def _opens(text: str, i: int) -> bool:
    """The mark at i is shaped like an opening mark: after a space (or the start), before a letter."""
    return (i == 0 or text[i - 1].isspace()) and i + 1 < len(text) and text[i + 1].isalnum()


def _closing_shaped(text: str, i: int) -> bool:
    """The mark at i follows a letter and precedes a space, punctuation or the end: it closes."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return i > 0 and text[i - 1].isalnum() and (after.isspace() or after in ".،,؛;:!?؟)")


def _add(found: list[Quoted], text: str, start: int, end: int, depth: int) -> None:
    inner = text[start:end]
    lead, trail = len(inner) - len(inner.lstrip()), len(inner) - len(inner.rstrip())
    if inner.strip():
        found.append(Quoted(start + lead, end - trail, depth))


def _narration_starts(text: str, start: int, end: int) -> int:
    """The first sentence end in [start, end) after which narration resumes with a reporting verb
    («... ضد الإيطاليين. ويرى الفرنسيون أن ...»), else ``end``."""
    from marsad.quotes.lexicon import cues
    from marsad.text.normalize import match_key

    for m in SENTENCE_END.finditer(text, start, end):
        words = text[m.end() : end].split(maxsplit=1)
        key = match_key(words[0]) if words else ""
        if key in cues() or (key[:1] in "وف" and key[1:] in cues()):
            return m.start()
    return end


def _close_open(found: list[Quoted], text: str, stack: list[tuple[str, int]], end: int) -> None:
    """Close the outermost open mark at ``end`` (a line end, or where narration resumes) when it
    opens a real quotation."""
    if stack:
        start = stack[0][1]
        stop = _narration_starts(text, start, end)
        while stop > start and (text[stop - 1].isspace() or text[stop - 1] in ".،,:؛;"):
            stop -= 1
        if _opens(text, start - 1) and len(text[start:stop].split()) >= MIN_OPEN_WORDS:
            _add(found, text, start, stop, 0)
            # «مؤكدا «لم نكن ... بالاسلحة. واضاف «كان ذلك ...»»: a quotation after the narration resumed is not nested
            found[:] = [Quoted(q.start, q.end, q.depth - 1) if q.start >= stop and q.depth else q for q in found]
    stack.clear()


def _sentence_end_inside(text: str, start: int, i: int) -> int:
    """Offset of the last sentence end between start and i, -1 if none."""
    ends = [m.start() for m in SENTENCE_END.finditer(text, start, i)]
    return ends[-1] if ends else -1


def _reversed_guillemets(text: str) -> tuple[list[Quoted], set[int]]:
    found: list[Quoted] = []
    marks: set[int] = set()
    for pattern in (REVERSED_PAIR, SPACED_REVERSED_PAIR):
        for m in pattern.finditer(text):
            if m.start() in marks or m.end() - 1 in marks or _closes_open_guillemet(text, m.start()):
                continue
            found.append(Quoted(m.start(1), m.end(1), 0))
            marks.update((m.start(), m.end() - 1))
    return found, marks


def _closes_open_guillemet(text: str, i: int) -> bool:
    """The » at i closes a « opened earlier on its line («جولة لـ«اليوم السابع» بسوق ...»), so it opens no reversed
    pair with the next « (which then opened a quotation of narration: dev8 own8-01, round 7)."""
    line = text.rfind("\n", 0, i) + 1
    return text.rfind("«", line, i) > text.rfind("»", line, i)


def quoted_spans(text: str) -> list[Quoted]:
    """Spans enclosed by quotation marks in ``text`` (offsets of the content, without the marks)."""
    found, reversed_marks = _reversed_guillemets(text)
    stack: list[tuple[str, int]] = []  # (closing mark expected, offset of the content start)
    for i, ch in enumerate(text):
        if ch == "\n":
            _close_open(found, text, stack, i)
        elif _closes(stack, ch) and ch in TOGGLES and _opens(text, i) and len(stack) == 1 \
                and _sentence_end_inside(text, stack[-1][1], i) > 0:
            end = _sentence_end_inside(text, stack[-1][1], i)
            _add(found, text, stack[-1][1], end, 0)
            if text[end + 1 : i].strip():
                stack[-1] = (ch, i + 1)  # the open quotation ended with its sentence; this mark opens a new one
            else:
                stack.pop()  # «... جديدة. "من جانبه، قال»: the closing mark pushed past the full stop opens nothing
        elif _closes(stack, ch):
            _, start = stack.pop()
            _add(found, text, start, i, len(stack))
        elif i in reversed_marks:
            continue
        elif ch in PAIRS:
            stack.append((PAIRS[ch], i + 1))
        elif ch in TOGGLES and not (ch == "'" and _is_apostrophe(text, i)):
            if not stack and _closing_shaped(text, i):
                continue  # «أفعالها", مذكرة»: a stray closing mark opens nothing
            stack.append((ch, i + 1))
    _close_open(found, text, stack, len(text))
    return sorted(found, key=lambda q: (q.start, -q.end))


def strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink (start, end) past surrounding spaces, punctuation and quotation marks."""
    while start < end and (text[start].isspace() or text[start] in ALL_MARKS or text[start] in "،,:؛;-–"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "،,:؛;.-–…"):
        end -= 1
    return start, end
