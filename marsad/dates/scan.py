"""Tokens for the date grammar: original offsets, a normalised form, and forms with proclitics removed.

«وفي 3 أكتوبر» and «بالأمس» must match the lexicon entries «في», «الامس»; a token therefore carries its
normalised text and the variants left after stripping و/ف/ب/ل/ك, each with the offset (in the original
text) where the variant starts, so a match may start after a clitic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.text.normalize import match_key_with_map

LETTERS = "\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06d5\u200c"
TOKEN = re.compile(rf"[0-9\u0660-\u0669\u06f0-\u06f9]+|[{LETTERS}]+|[A-Za-z]+|[^\s{LETTERS}0-9A-Za-z]")
MAX_DIGITS = 12  # longer digit runs are ids, phone or account numbers, never a date, time or count
CLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


@dataclass(slots=True)
class Tok:
    text: str
    start: int
    end: int
    norm: str
    kind: str  # w word, d digits, p punctuation
    variants: list[tuple[str, int]] = field(default_factory=list)  # (form, original start offset)

    @property
    def number(self) -> int | None:
        """The value of a digit token; None for words and for runs too long to be a date, time or count
        (a scraped page's 50,000-digit run would otherwise exceed Python's int parsing limit)."""
        return int(self.norm) if self.kind == "d" and len(self.norm) <= MAX_DIGITS else None


def _variants(norm: str, index: list[int], start: int) -> list[tuple[str, int]]:
    out = [(norm, start)]
    if norm.startswith("لل") and len(norm) > 3:
        out.append(("ال" + norm[2:], start + index[1]))
    for clitic in CLITICS:
        rest = norm[len(clitic):]
        if norm.startswith(clitic) and len(rest) >= 2:
            out.append((rest, start + index[len(clitic)]))
    return out


@lru_cache(maxsize=100_000)
def _normal(token: str) -> tuple[str, tuple[int, ...]]:
    norm, index = match_key_with_map(token)
    return norm, tuple(index)


def scan(text: str) -> list[Tok]:
    """Tokens of ``text`` with normalised forms; digits folded to ASCII, diacritics and tatweel removed."""
    toks: list[Tok] = []
    for m in TOKEN.finditer(text):
        norm, index = _normal(m.group())
        if not norm:
            continue
        kind = "d" if norm.isdigit() else ("w" if norm[0].isalpha() else "p")
        variants = _variants(norm, list(index), m.start()) if kind == "w" else [(norm, m.start())]
        toks.append(Tok(m.group(), m.start(), m.end(), norm, kind, variants))
    return toks
