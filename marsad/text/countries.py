"""The country table (``data/countries.tsv``): words naming a country, and each consumer's view of them.

One row per word form (name, nisba, capital, city, seat of power) with the country's ISO code, its name and
the consumers that read it. Each view keys the words the way its consumer matches text:

- ``country_names``: the countries' names, in ``match_key`` form as written (entities, quotes);
- ``entity_nisbas``: nisba -> the country's name, in ``match_key`` form as written (entities);
- ``claim_countries``: ``word_keys`` of the word -> ``word_keys`` of the name (claims standpoints);
- ``country_codes``: every one-word form (name, nisba, capital, city, seat) without its article -> ISO code (quote
  speakers: «الدبلوماسي الإيراني» and «وزارة الخارجية الإيرانية» name one country);
- ``cluster_countries``: the word with the article removed from each of its words -> ISO code, split into
  one-word and two-word keys (``cluster_signals.countries_in``).

Read once per process, on first use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as package_files

from marsad.errors import ModelError
from marsad.text.normalize import match_key
from marsad.text.tokens import strip_article, word_keys

__all__ = ["CountryWord", "claim_countries", "cluster_countries", "cluster_key", "country_codes", "country_names",
           "country_words", "entity_nisbas"]

TABLE = "data/countries.tsv"
KINDS = frozenset({"name", "nisba", "capital", "city", "seat"})
CONSUMERS = frozenset({"entities", "claims", "cluster"})


@dataclass(frozen=True, slots=True)
class CountryWord:
    word: str
    code: str
    name: str
    kind: str
    used_by: frozenset[str]


def _parse(line: str) -> CountryWord:
    fields = line.split("\t")
    if len(fields) != 5:
        raise ModelError(f"expected 5 columns, got {len(fields)}: {line!r}", source=TABLE)
    word, code, name, kind, used = fields
    used_by = frozenset(used.split(",")) if used else frozenset()
    if kind not in KINDS or not used_by <= CONSUMERS or match_key(word) != word or match_key(name) != name:
        raise ModelError(f"bad row: {line!r}", source=TABLE)
    return CountryWord(word, code, name, kind, used_by)


@lru_cache(maxsize=1)
def country_words() -> tuple[CountryWord, ...]:
    """All rows of the table, in file order."""
    text = package_files.files("marsad").joinpath(TABLE).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(_parse(line) for line in lines[1:])


def _used_by(consumer: str) -> list[CountryWord]:
    return [row for row in country_words() if consumer in row.used_by]


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """The words of kind «name» («فرنسا», «كوريا»), whoever the row lists as its consumers."""
    return frozenset(row.word for row in country_words() if row.kind == "name")


@lru_cache(maxsize=1)
def nisba_words() -> frozenset[str]:
    """The nisba adjectives of the table, as written («إسرائيلي», «الروسية»): never a person's given name."""
    return frozenset(row.word for row in country_words() if row.kind == "nisba")


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """The words naming a place: a country, its capital or another city («فرنسا», «القاهرة», «حلب»), not nisbas."""
    return frozenset(row.word for row in country_words() if row.kind in ("name", "capital", "city"))


@lru_cache(maxsize=1)
def entity_nisbas() -> tuple[tuple[str, str], ...]:
    """(nisba, country name) for the entity tagger: «الروسية» -> روسيا. Seats and names never count."""
    return tuple((row.word, row.name) for row in _used_by("entities") if row.kind == "nisba")


def _one_key(text: str) -> str:
    keys = word_keys(text)
    if len(keys) != 1:
        raise ModelError(f"claims need a one-word key: {text!r}", source=TABLE)
    return keys[0]


@lru_cache(maxsize=1)
def claim_countries() -> dict[str, str]:
    """Word key -> country key for claims (``word_keys`` form: «الكرملين» -> كرملين -> روسيا)."""
    return {_one_key(row.word): _one_key(row.name) for row in _used_by("claims")}


def cluster_key(word: str) -> str:
    """The word as clustering looks it up: the article removed from each of its words («جزر القمر» -> جزر قمر)."""
    return " ".join(strip_article(w) for w in word.split())


@lru_cache(maxsize=1)
def cluster_countries() -> tuple[dict[str, str], dict[str, str]]:
    """(one-word keys, two-word keys) -> ISO code, for ``cluster_signals.countries_in``."""
    keys = {cluster_key(row.word): row.code for row in _used_by("cluster")}
    return ({k: c for k, c in keys.items() if " " not in k}, {k: c for k, c in keys.items() if " " in k})


@lru_cache(maxsize=1)
def country_codes() -> dict[str, str]:
    """One-word forms of every row, the article removed («الإيرانية» -> ايرانيه) -> ISO code, whoever reads the row."""
    return {strip_article(row.word): row.code for row in country_words() if " " not in row.word}
