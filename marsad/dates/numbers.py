"""Arabic number words in dates and durations: «ثمانية», «الحادي والعشرين», «ألفين وثمانية عشر»."""

from __future__ import annotations

from marsad.dates.lexicon import lexicon
from marsad.dates.scan import Tok


def bare(form: str) -> str:
    """A number word without its article («الثاني» -> «ثاني»)."""
    return form[2:] if form.startswith("ال") and len(form) > 3 else form


def word_number(form: str) -> tuple[int, str] | None:
    numbers = lexicon().numbers
    return numbers.get(form) or numbers.get(bare(form))


def _continuation(toks: list[Tok], j: int) -> tuple[str, int] | None:
    """The word after «و» at ``j`` («وعشرين» or «و عشرين»): (form, next index)."""
    if j < len(toks) and toks[j].norm == "و" and j + 1 < len(toks):
        return toks[j + 1].norm, j + 2
    if j < len(toks) and toks[j].norm.startswith("و") and len(toks[j].norm) > 2:
        return toks[j].norm[1:], j + 1
    return None


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
    if kind in ("unit", "ordinal") and j < len(toks) and bare(toks[j].norm) in ("عشر", "عشره"):
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
