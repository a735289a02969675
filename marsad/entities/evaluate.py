"""Scoring the whole tagger (CRF + rules + aliases + propagation) on CoNLL sentences.

Pre-tokenised sentences are joined with spaces into pseudo-documents of ``window`` sentences (a
CoNLL file keeps its documents' sentences in order), tagged with ``tag_text`` as an article would
be, and the mentions mapped back onto the tokens they overlap, as IOB2 tags.
"""

from __future__ import annotations

from marsad.entities.conll import Scores, Tagged, score
from marsad.entities.crf import NerTagger
from marsad.entities.stages import tag_text
from marsad.model import Mention

# Sentences per pseudo-document: about one news article (ANERcorp dev: 0.673 with 20, 0.669 with 1).
DOC_WINDOW = 20


def _join(words_list: list[list[str]]) -> tuple[str, list[tuple[int, int]], list[list[int]]]:
    text, bounds, starts = "", [], []
    for words in words_list:
        begin, offsets = len(text), []
        for word in words:
            offsets.append(len(text))
            text += word + " "
        bounds.append((begin, max(begin, len(text) - 1)))
        starts.append(offsets)
    return text, bounds, starts


def _tags(words: list[str], offsets: list[int], mentions: list[Mention]) -> list[str]:
    tags = ["O"] * len(words)
    for mention in mentions:
        inside = [i for i, at in enumerate(offsets) if at < mention.end and mention.start < at + len(words[i])]
        for n, i in enumerate(inside):
            tags[i] = ("B-" if n == 0 else "I-") + mention.type
    return tags


def tag_sentences(tagger: NerTagger, sentences: list[list[str]], window: int = DOC_WINDOW) -> list[list[str]]:
    """IOB2 tags for tokenised sentences, tagged by the full tagger in windows of sentences."""
    out: list[list[str]] = []
    for first in range(0, len(sentences), max(window, 1)):
        chunk = sentences[first : first + max(window, 1)]
        text, bounds, starts = _join(chunk)
        mentions = tag_text(text, tagger, bounds)
        for words, (begin, end), offsets in zip(chunk, bounds, starts, strict=True):
            inside = [m for m in mentions if begin <= m.start < end]
            out.append(_tags(words, offsets, inside))
    return out


def evaluate_full(tagger: NerTagger, sentences: list[Tagged], window: int = DOC_WINDOW) -> Scores:
    gold = [[t for _, t in s] for s in sentences]
    return score(gold, tag_sentences(tagger, [[w for w, _ in s] for s in sentences], window))
