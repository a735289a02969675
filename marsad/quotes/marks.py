"""Quotation marks: the spans they enclose, in every style Arabic outlets use.

«…», “…”, „…“, ‹…›, "…" and '…' (the last two as toggles), and ” used both to open and to close
(«قوله”القوات ...”», common in copy from some agencies). A quotation may span sentences but not
lines: an unclosed mark at the end of a line is dropped. Nested quotations are returned too, with
their depth.
"""

from __future__ import annotations

from dataclasses import dataclass

PAIRS = {"«": "»", "“": "”", "„": "“", "‹": "›"}
TOGGLES = frozenset({'"', "”", "'"})
ALL_MARKS = frozenset("«»“”„‹›\"'")


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


def quoted_spans(text: str) -> list[Quoted]:
    """Spans enclosed by quotation marks in ``text`` (offsets of the content, without the marks)."""
    found: list[Quoted] = []
    stack: list[tuple[str, int]] = []  # (closing mark expected, offset of the content start)
    for i, ch in enumerate(text):
        if ch == "\n":
            stack.clear()
        elif _closes(stack, ch):
            closer, start = stack.pop()
            inner = text[start:i]
            lead, trail = len(inner) - len(inner.lstrip()), len(inner) - len(inner.rstrip())
            if inner.strip():
                found.append(Quoted(start + lead, i - trail, len(stack)))
        elif ch in PAIRS:
            stack.append((PAIRS[ch], i + 1))
        elif ch in TOGGLES and not (ch == "'" and _is_apostrophe(text, i)):
            stack.append((ch, i + 1))
    return sorted(found, key=lambda q: (q.start, -q.end))


def strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink (start, end) past surrounding spaces, punctuation and quotation marks."""
    while start < end and (text[start].isspace() or text[start] in ALL_MARKS or text[start] in "،,:؛;-–"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "،,:؛;.-–…"):
        end -= 1
    return start, end
