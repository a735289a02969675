"""Number scales (``data/number_scales.tsv``): «ألف», «ملايين», «مليوني» with their value and kind.

One table for every reader of figures: ``marsad.cluster_signals`` multiplies a figure by the scale after it
(«400 ألف برميل» -> 400000), ``marsad.quotes.paraphrase`` reads the figures a statement gives. Read once per
process, on first use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as package_files

from marsad.errors import ModelError
from marsad.text.normalize import match_key

__all__ = ["KINDS", "Scale", "scale_words"]

TABLE = "data/number_scales.tsv"
KINDS = frozenset({"scale", "plural", "dual"})


@dataclass(frozen=True, slots=True)
class Scale:
    value: int  # a dual's value is twice its singular's: «مليوني» = 2,000,000
    kind: str  # scale (singular, «ألف», «ألفا») | plural («آلاف») | dual («ألفين»)


@lru_cache(maxsize=1)
def scale_words() -> dict[str, Scale]:
    """Scale word (match_key form) -> its value and kind."""
    text = package_files.files("marsad").joinpath(TABLE).read_text(encoding="utf-8")
    out: dict[str, Scale] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 3 or cells[2] not in KINDS or not cells[1].isdigit() or match_key(cells[0]) != cells[0]:
            raise ModelError(f"{TABLE} line {n}: expected word<TAB>value<TAB>kind in match_key form", source=TABLE)
        out[cells[0]] = Scale(int(cells[1]), cells[2])
    return out
