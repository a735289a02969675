"""Tokenisation with offsets, clitic separation for matching, and stems.

Tokens are runs of letters/digits (Arabic or Latin) or single punctuation marks. ``strip_clitics``
separates the proclitics و/ف/ب/ل/ك and the article ال so that «والبنتاغون» and «البنتاغون» match; it
strips a single ب/ل/ك/ف only before words of five letters or more, so most short names stay whole
(a known limit: «فلاديمير» still loses its ف; entity matching compares variants, not these keys).
Stems come from NLTK's ISRI stemmer (no NLTK data needed); do not stem names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from marsad.text.normalize import match_key

# Arabic letters, marks and digits, without Arabic punctuation (، ؛ ؟ ٪ ٫ ٬ ۔).
WORD_CHARS = "\\w\u0610-\u061a\u0620-\u065f\u0660-\u0669\u066e-\u06d3\u06d5-\u06ff\u0750-\u077f\u08a0-\u08ff"
TOKEN = re.compile(f"[{WORD_CHARS}]+|[^\\w\\s]", re.UNICODE)
ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")

# Longest first: conjunction + preposition + article combinations, then single proclitics.
# Each with the shortest remainder it may leave: single ب/ل/ك/ف start many names (بوتين, فرنسا,
# كارتر), so they are stripped only before long words; و and the article combinations are safer.
PROCLITICS = (("وبال", 2), ("وال", 2), ("فال", 2), ("بال", 2), ("كال", 2), ("ولل", 3), ("فلل", 3), ("لل", 3),
              ("ال", 2), ("وب", 4), ("ول", 4), ("وك", 4), ("فب", 4), ("فل", 4), ("و", 3), ("ف", 5), ("ب", 5),
              ("ل", 5), ("ك", 5))
MIN_STEM = 3
# Words that never end a person's name: «أبو/أم/ابن/بن/عبد» govern the word after them («محمد أبو سلمية»,
# «عبد الله»), in match_key form. From Arabic naming practice; no data tuned.
NAME_PARTICLES = frozenset({"ابو", "بو", "ام", "ابن", "بن", "بنت", "عبد", "ابي"})  # «بو صعب»: Lebanese and Maghrebi «أبو»


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
    for clitic, min_rest in PROCLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= max(min_rest, 2):
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
def _isri() -> Any:
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
