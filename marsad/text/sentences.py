"""Sentence splitting for Arabic news text.

Splits at line breaks and at sentence-final punctuation (. ! ? ؟ … and runs of them) followed by
space, but never at the Arabic comma «،» or semicolon «؛», never inside an open quotation
(«…», “…”, "…") unless the line ends, and never after a one-letter abbreviation such as «د.».
Returns (start, end) spans into the text, stripped of surrounding whitespace.
"""

from __future__ import annotations

import re

from marsad.model import Sentence

FINAL = set(".!?؟…")
OPENERS = {"«": "»", "“": "”", "„": "“"}
TOGGLES = {'"'}
# One-letter abbreviations (د. = doctor, م. = engineer, أ. = professor) and initials.
ABBREVIATION = re.compile(r"(?:^|\s)\S\.$")


def _spans_of_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    depth: list[str] = []
    sent_start = start
    i = start
    while i < end:
        ch = text[i]
        if depth and ch == depth[-1]:
            depth.pop()
        elif ch in OPENERS:
            depth.append(OPENERS[ch])
        elif ch in TOGGLES:
            depth.append(ch)
        elif ch in FINAL and not depth:
            j = i
            while j + 1 < end and text[j + 1] in FINAL:
                j += 1
            if (j + 1 >= end or text[j + 1].isspace()) and not ABBREVIATION.search(text[sent_start : j + 1]):
                spans.append((sent_start, j + 1))
                sent_start = j + 1
            i = j
        i += 1
    spans.append((sent_start, end))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``; offsets index into ``text`` unchanged."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        for start, end in _spans_of_line(text, line.start(), line.end()):
            start, end = _strip(text, start, end)
            if end > start:
                spans.append((start, end))
    return spans


def sentences_of(text: str, language: str = "ar") -> list[Sentence]:
    """``Sentence`` records of ``text`` (what the split stage gives an article of one language)."""
    return [Sentence(start, end, index, language) for index, (start, end) in enumerate(split_sentences(text))]
