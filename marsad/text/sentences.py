"""Sentence splitting for Arabic news text.

Splits at line breaks and at sentence-final punctuation (. ! ? ؟ … and runs of them) followed by
space, but never at the Arabic comma «،» or semicolon «؛», never inside an open quotation («…», “…”, "…",
and the reversed »…« some sites print) unless the line ends, and never after a one-letter abbreviation such as «د.» or inside a run of spelled-out
initials such as «إف. بي. آي» or «بي. تي. ايه».
Returns (start, end) spans into the text, stripped of surrounding whitespace.
"""

from __future__ import annotations

import re

from marsad.model import Sentence

FINAL = set(".!?؟…")
OPENERS = {"«": "»", "“": "”", "„": "“"}
# A line whose guillemets are all reversed (»…«, from RTL copy-paste) opens its quotations with ».
REVERSED_OPENERS = {"»": "«", "“": "”", "„": "“"}
TOGGLES = {'"'}
# One-letter abbreviations (د. = doctor, م. = engineer, أ. = professor) and initials.
ABBREVIATION = re.compile(r"(?:^|\s)\S\.$")
# Spelled-out initials: a word of at most three letters with a full stop, next to another one.
INITIAL = re.compile(r"\w{1,3}\.$")
INITIAL_AHEAD = re.compile(r"\s+\w{1,3}\.(?:\s|$)")


def _spans_of_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    depth: list[str] = []
    sent_start = start
    openers = REVERSED_OPENERS if _reversed_guillemets(text, start, end) else OPENERS
    i = start
    while i < end:
        ch = text[i]
        if depth and ch == depth[-1]:
            depth.pop()
        elif ch in openers:
            depth.append(openers[ch])
        elif ch in TOGGLES:
            depth.append(ch)
        elif ch in FINAL and not depth:
            j = i
            while j + 1 < end and text[j + 1] in FINAL:
                j += 1
            if (j + 1 >= end or text[j + 1].isspace()) and not _abbreviation(text, sent_start, j + 1, end):
                spans.append((sent_start, j + 1))
                sent_start = j + 1
            i = j
        i += 1
    spans.append((sent_start, end))
    return spans


def _reversed_guillemets(text: str, start: int, end: int) -> bool:
    """The line writes its guillemets »…«: it opens with » and has as many » as « (a stray closing »
    of a quotation begun on an earlier line leaves one » more)."""
    first = min((p for p in (text.find("»", start, end), text.find("«", start, end)) if p >= 0), default=-1)
    return first >= 0 and text[first] == "»" and text.count("»", start, end) == text.count("«", start, end)


def _abbreviation(text: str, start: int, at: int, end: int) -> bool:
    """The full stop ending at ``at`` closes an abbreviation, not the sentence."""
    before = text[start:at]
    if ABBREVIATION.search(before):
        return True
    initial = INITIAL.search(before)
    if initial is None:
        return False
    previous = text[start : at - len(initial.group(0))].rstrip()
    return bool(INITIAL_AHEAD.match(text, at, end) or (previous.endswith(".") and INITIAL.search(previous)))


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
