"""Person and number folding of Arabic word keys: «نفرض», «تفرض», «سنفرض» share one stem, «أنفسنا» and «نفسها»
another. Used to compare two quotes of one speaker (``marsad.quotes.paraphrase``) and to read denials
(``marsad.quotes.clashes``)."""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.text.tokens import stem

# Person prefixes of imperfect verbs (with the future «س» before them) and pronoun/number suffixes,
# longest first; each is removed only when at least MIN_FOLDED letters remain.
FUTURE_PERSON = re.compile("^س?[نتيا](?=...)")
SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "نا", "ها", "ون", "ين", "ان", "ات", "وا", "ه", "ي", "ت")
MIN_FOLDED = 3


@lru_cache(maxsize=100_000)
def person_forms(word: str) -> frozenset[str]:
    """Stems of a word key with its person prefix and pronoun/number suffix folded, each way round (the
    order matters for short words): «نفرض», «تفرض», «سنفرض» share one; «انفسنا», «نفسها» share one."""
    if not word or word.isascii():
        return frozenset({word})
    no_suffix = without_suffix(word)
    forms = {word, no_suffix, without_prefix(word), without_prefix(no_suffix), without_suffix(without_prefix(word))}
    return frozenset(stem(f) for f in forms)


def without_suffix(word: str) -> str:
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_FOLDED:
            return word[: -len(suffix)]
    return word


def without_prefix(word: str) -> str:
    prefix = FUTURE_PERSON.match(word)
    return word[prefix.end():] if prefix and len(word) - prefix.end() >= MIN_FOLDED else word
