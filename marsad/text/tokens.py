"""Tokenisation with offsets, clitic separation for matching, and stems.

Tokens are runs of letters/digits (Arabic or Latin) or single punctuation marks. ``strip_clitics``
separates the proclitics و/ف/ب/ل/ك and the article ال so that «والبنتاغون» and «البنتاغون» match; it
never strips when what remains would be shorter than three letters, so short names stay whole.
Stems come from NLTK's ISRI stemmer (no NLTK data needed); do not stem names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.text.normalize import match_key

TOKEN = re.compile(r"[\w\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]+|[^\w\s]", re.UNICODE)
ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")

# Longest first: conjunction + preposition + article combinations, then single proclitics.
PROCLITICS = ("وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
MIN_STEM = 3


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum() or bool(ARABIC_LETTER.match(self.text[:1]))


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def is_arabic(word: str) -> bool:
    return bool(ARABIC_LETTER.search(word))


def strip_clitics(word: str) -> tuple[str, str]:
    """Split (proclitics, rest) of a normalised Arabic word; ('', word) when nothing safe to strip."""
    for clitic in PROCLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= MIN_STEM:
            if clitic in ("لل", "ولل", "فلل"):  # لل = ل + ال, the alef dropped in writing
                return clitic, word[len(clitic):]
            return clitic, word[len(clitic):]
    return "", word


def strip_article(word: str) -> str:
    """Remove only the definite article (with an optional و/ف/ب/ل before it)."""
    for clitic in ("وبال", "وال", "فال", "بال", "كال", "ال"):
        if word.startswith(clitic) and len(word) - len(clitic) >= MIN_STEM - 1:
            return word[len(clitic):]
    if word.startswith("لل") and len(word) > 4:
        return word[2:]
    return word


@lru_cache(maxsize=1)
def _isri():  # type: ignore[no-untyped-def]
    from nltk.stem.isri import ISRIStemmer

    return ISRIStemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Light-to-root stem of an Arabic word (ISRI); non-Arabic words are case-folded only."""
    key = match_key(word)
    if not is_arabic(key):
        return key
    return str(_isri().stem(key))


def word_keys(text: str) -> list[str]:
    """Normalised words with clitics stripped: the matching unit for search and similarity."""
    keys = []
    for token in tokenize(text):
        if token.is_word:
            key = match_key(token.text)
            keys.append(strip_clitics(key)[1] if is_arabic(key) else key)
    return keys
