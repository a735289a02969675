"""Arabic normalisation as small named functions over data tables.

Two families:
- *display-safe* functions keep the text readable (presentation forms, bidi marks, NUL) and are used
  when cleaning an article's text;
- *matching* functions fold spelling variation (diacritics, tatweel, alef/hamza forms, ى/ي, ة/ه,
  digits) and are used only to build keys for search, clustering and entity resolution — never on
  the text a user reads.

``normalize_with_map`` applies any per-character function and returns, for every output character,
the index of the input character it came from, so offsets found in a key map back to the original.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
TATWEEL = "\u0640"
# Bidi controls and zero-width characters that carry no letters.
BIDI_AND_ZW = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad]")
ZWNJ = "\u200c"
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")

ALEF_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا"})
YEH_FORMS = str.maketrans({"ى": "ي", "ی": "ي", "ې": "ي"})  # alef maqsura, Persian yeh
TEH_MARBUTA = str.maketrans({"ة": "ه"})
HAMZA_ON_CARRIERS = str.maketrans({"ؤ": "و", "ئ": "ي"})
KAF_FORMS = str.maketrans({"ک": "ك", "ڪ": "ك"})
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Letters used for the /g/ and /v/ sounds in transliterated names (إيغور / ايجور / إيقور; ڤ / ف).
G_FORMS = str.maketrans({"غ": "ج", "گ": "ج", "ڨ": "ج", "ق": "ج", "ڤ": "ف", "پ": "ب", "چ": "ج"})
LONG_VOWELS = re.compile("[اويى]")


def remove_diacritics(text: str) -> str:
    return DIACRITICS.sub("", text)


def remove_tatweel(text: str) -> str:
    return text.replace(TATWEEL, "")


def remove_bidi_marks(text: str) -> str:
    return BIDI_AND_ZW.sub("", text)


def remove_zwnj(text: str) -> str:
    return text.replace(ZWNJ, "")


def normalize_presentation_forms(text: str) -> str:
    """Fold Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFF) to base letters with NFKC."""
    if not PRESENTATION_FORMS.search(text):
        return text
    return "".join(unicodedata.normalize("NFKC", ch) if "\ufb50" <= ch <= "\ufeff" else ch for ch in text)


def normalize_alef(text: str) -> str:
    return text.translate(ALEF_FORMS)


def normalize_yeh(text: str) -> str:
    return text.translate(YEH_FORMS)


def normalize_teh_marbuta(text: str) -> str:
    return text.translate(TEH_MARBUTA)


def normalize_hamza_carriers(text: str) -> str:
    return text.translate(HAMZA_ON_CARRIERS)


def normalize_kaf(text: str) -> str:
    return text.translate(KAF_FORMS)


def normalize_digits(text: str) -> str:
    return text.translate(DIGITS)


def normalize_foreign_letters(text: str) -> str:
    """Fold letters used for foreign sounds (g, v, p, ch) to one class each: for name keys only."""
    return text.translate(G_FORMS)


def normalize_for_display(text: str) -> str:
    """Display-safe cleaning: NUL and bidi/zero-width marks out, presentation forms folded."""
    return remove_bidi_marks(normalize_presentation_forms(text.replace("\x00", "")))


MATCH_STEPS: tuple[Callable[[str], str], ...] = (
    normalize_presentation_forms,
    remove_bidi_marks,
    remove_diacritics,
    remove_tatweel,
    normalize_alef,
    normalize_yeh,
    normalize_teh_marbuta,
    normalize_kaf,
    normalize_digits,
)


def _combined_table() -> dict[int, str | None]:
    """One ``str.translate`` table doing what the per-character MATCH_STEPS do, for speed."""
    table: dict[int, str | None] = {}
    for mapping in (ALEF_FORMS, YEH_FORMS, TEH_MARBUTA, KAF_FORMS, DIGITS):
        table.update({key: chr(value) if isinstance(value, int) else value for key, value in mapping.items()})
    deleted = [chr(c) for c in range(0x0600, 0x0700) if DIACRITICS.match(chr(c))]
    deleted += [chr(c) for c in (*range(0x08D3, 0x0900),) if DIACRITICS.match(chr(c))]
    deleted += [TATWEEL] + [chr(c) for c in range(0x00A0, 0x3000) if BIDI_AND_ZW.match(chr(c))] + ["\ufeff"]
    table.update({ord(ch): None for ch in deleted})
    return table


_MATCH_TABLE: dict[int, str | None] = {}


def match_key(text: str) -> str:
    """Key for search and matching: spelling variation folded, case folded, spaces squeezed.

    Same result as applying every function of MATCH_STEPS in turn (a test checks it), in one pass.
    """
    if not _MATCH_TABLE:
        _MATCH_TABLE.update(_combined_table())
    text = normalize_presentation_forms(text).translate(_MATCH_TABLE)
    return " ".join(text.casefold().split())


def skeleton(text: str) -> str:
    """Consonant skeleton of a name for variant matching (كوناشينكوف ~ كوناشنكوف ~ كوناشينكوف).

    Long vowels inside a word and hamza carriers are dropped, foreign-sound letters folded; the first
    letter of each word is kept whatever it is, so short names keep their identity.
    """
    words = []
    for word in normalize_foreign_letters(normalize_hamza_carriers(match_key(text))).split():
        words.append(word[:1] + LONG_VOWELS.sub("", word[1:]).replace("ء", ""))
    return " ".join(words)


def normalize_with_map(text: str, char_fn: Callable[[str], str]) -> tuple[str, list[int]]:
    """Apply ``char_fn`` to each character; return the result and output-index -> input-index map."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        replaced = char_fn(ch)
        out.append(replaced)
        index.extend([i] * len(replaced))
    return "".join(out), index


def match_key_with_map(text: str) -> tuple[str, list[int]]:
    """``match_key`` per character (no space squeezing or NFKC expansion) with an offset map."""

    def one(ch: str) -> str:
        for step in MATCH_STEPS:
            ch = step(ch)
        return ch.casefold()

    return normalize_with_map(text, one)
