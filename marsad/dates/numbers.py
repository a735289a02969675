"""Arabic number words, one reader for every reader of figures: the number-word table (``data/date_numbers.tsv``,
loaded once with the dates lexicon) looked up with or without the article and in the accusative, a «و»-joined
word split off, a decimal figure read, and the compounds dates and durations write («ثمانية», «الحادي والعشرين»,
«ألفين وثمانية عشر»: ``parse_words``).

Each caller keeps its own policy: the date rules read ordinals and refuse a lone «أحد» (``parse_words``);
``marsad.quotes.clashes`` streams digits, scales and «مئة» spellings into figures and refuses a lone «one» after a
noun; ``marsad.cluster_signals`` reads edition ordinals and goal counts.
"""

from __future__ import annotations

from marsad.dates.lexicon import lexicon
from marsad.dates.scan import Tok

TEN = (10, "ten")  # «عشر», «عشرة»: the word that makes a unit a teen («خمسة عشر»)


def number_words() -> dict[str, tuple[int, str]]:
    """The number-word table: form (match_key, no article) -> (value, kind); kinds: unit, ten, tens, hundred,
    thousand, ordinal, vague."""
    return lexicon().numbers


def bare(form: str) -> str:
    """A number word without its article («الثاني» -> «ثاني»)."""
    return form[2:] if form.startswith("ال") and len(form) > 3 else form


def word_number(form: str, accusative: bool = False) -> tuple[int, str] | None:
    """(value, kind) of one number word, with or without the article («الثاني»); with ``accusative`` also with
    the accusative «ا» taken off («أربعا»)."""
    numbers = number_words()
    found = numbers.get(form) or numbers.get(bare(form))
    if found is None and accusative and bare(form).endswith("ا") and len(bare(form)) > 3:
        found = numbers.get(bare(form)[:-1])
    return found


def after_wa(form: str) -> str | None:
    """The word a joined «و» carries («وعشرين» -> «عشرين»); None for a word that is no «و» + two letters or more."""
    return form[1:] if form.startswith("و") and len(form) > 2 else None


def decimal_value(figure: str) -> float:
    """A figure in digits as a number: «4.5», «4,5» and «4٫5» (the Arabic decimal separator) -> 4.5."""
    return float(figure.replace(",", ".").replace("\u066b", "."))


def _continuation(toks: list[Tok], j: int) -> tuple[str, int] | None:
    """The word after «و» at ``j`` («وعشرين» or «و عشرين»): (form, next index)."""
    if j < len(toks) and toks[j].norm == "و" and j + 1 < len(toks):
        return toks[j + 1].norm, j + 2
    joined = after_wa(toks[j].norm) if j < len(toks) else None
    return (joined, j + 1) if joined is not None else None


def parse_words(toks: list[Tok], i: int, form: str | None = None) -> tuple[int, int, bool] | None:
    """(value, next index, is_ordinal) of a number written in words starting at token ``i``."""
    if i >= len(toks) or toks[i].kind != "w":
        return None
    head = word_number(form if form is not None else toks[i].norm)
    if head is None:
        return None
    value, kind = head
    j = i + 1
    ordinal = kind == "ordinal"
    if kind in ("unit", "ordinal") and j < len(toks) and word_number(toks[j].norm) == TEN:
        value, j = value + 10, j + 1
    elif kind == "unit" and value == 1 and bare(form if form is not None else toks[i].norm) in ("احد", "احدي"):
        return None  # «أحد» alone is «one of» / Sunday, «والأحد» too; «أحد عشر» is read above
    nxt = _continuation(toks, j)
    if nxt and kind in ("unit", "ordinal") and value < 10:
        more = word_number(nxt[0])
        if more and more[1] == "tens":
            return value + more[0], nxt[1], ordinal
    if kind in ("thousand", "hundred") and nxt:
        rest = parse_words(toks, nxt[1] - 1, nxt[0])
        if rest and rest[0] < (1000 if kind == "thousand" else 100):
            return value + rest[0], rest[1], False
    return value, j, ordinal
