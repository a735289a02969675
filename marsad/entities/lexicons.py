"""Lexicons of the entity tagger, read from package data files once per process.

- ``marsad/data/titles.tsv``: titles, roles and trigger words (curated);
- ``marsad/data/aliases.tsv``: organisations and places with several names (curated);
- ``marsad/data/countries.tsv``: nisba forms of countries (curated; via ``marsad.text.countries``);
- ``marsad/entities/models/person_tokens.tsv``: Arabic person-name tokens with their frequency in
  the Wikidata English-Arabic name pairs (CC0), built by ``build_person_tokens``.

All entries are stored in matching form (``match_key``), so lookups take normalised words.
"""

from __future__ import annotations

from collections import Counter
from functools import cache, lru_cache
from pathlib import Path

from marsad.errors import ModelError
from marsad.text.countries import entity_nisbas
from marsad.text.normalize import match_key

DATA = Path(__file__).resolve().parents[1] / "data"
MODELS = Path(__file__).resolve().parent / "models"
PERSON_TOKENS = MODELS / "person_tokens.tsv"
WIKI_TOKENS = MODELS / "wiki_entity_tokens.tsv"
WORD_CLUSTERS = MODELS / "word_clusters.tsv"
# A word is listed with a type when at least this share of its WikiFANE occurrences are inside
# entities of that type and it occurs at least twice (chosen on the ANERcorp dev split).
WIKI_MIN_SHARE = 0.5
WIKI_MIN_COUNT = 2


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a TSV lexicon without ``#`` comment lines and without its header row."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ModelError(f"cannot read lexicon: {exc}", source=str(path)) from exc
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return rows[1:]


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """Normalised phrase -> kind (title, role, org, loc, speech)."""
    return {row[0]: row[1] for row in read_tsv(DATA / "titles.tsv")}


@lru_cache(maxsize=1)
def media_heads() -> dict[str, str]:
    """Media nouns («صحيفة», «موقع») -> the type of a quoted name after them (``data/media_heads.tsv``)."""
    return {row[0]: row[1] for row in read_tsv(DATA / "media_heads.tsv")}


@cache
def word_set(name: str) -> frozenset[str]:
    """The first column of a one-column word list in ``marsad/data/`` (read once per process)."""
    return frozenset(row[0] for row in read_tsv(DATA / name))


def event_heads() -> frozenset[str]:
    """Head nouns of competitions and prizes («كأس», «دوري أبطال»; ``data/event_heads.tsv``)."""
    return word_set("event_heads.tsv")


def place_heads() -> frozenset[str]:
    """Head nouns that stand before, not inside, a place name («مدينة»; ``data/place_heads.tsv``)."""
    return word_set("place_heads.tsv")


def org_adjective_heads() -> frozenset[str]:
    """Heads whose «ال+head ال+adjective» names an organisation («البنك»; ``data/org_adjective_heads.tsv``)."""
    return word_set("org_adjective_heads.tsv")


def org_heads_outside() -> frozenset[str]:
    """Head nouns that stand before, not inside, an organisation's name («شركة»; ``data/org_heads_outside.tsv``)."""
    return word_set("org_heads_outside.tsv")


@lru_cache(maxsize=1)
def title_words() -> dict[str, str]:
    """Single words of ``titles()`` -> kind (the first kind listed wins)."""
    out: dict[str, str] = {}
    for phrase, kind in titles().items():
        if " " not in phrase:
            out.setdefault(phrase, kind)
    return out


@lru_cache(maxsize=1)
def aliases() -> list[tuple[str, str, str]]:
    """(variant, canonical, type) rows; type is ORG, LOC, PER, MISC or NISBA. The NISBA rows come last,
    from the country table, each naming its country as the alias groups do (امريكا -> الولايات المتحده)."""
    names = [(row[0], row[1], row[2]) for row in read_tsv(DATA / "aliases.tsv")]
    places = {variant: canonical for variant, canonical, kind in names if kind == "LOC"}
    return names + [(nisba, places.get(name, name), "NISBA") for nisba, name in entity_nisbas()]


@lru_cache(maxsize=1)
def person_tokens() -> dict[str, int]:
    """Normalised person-name token -> number of Wikidata names it appears in."""
    if not PERSON_TOKENS.exists():
        raise ModelError("person-name token list missing; run `marsad train ner`", source=str(PERSON_TOKENS))
    return {row[0]: int(row[1]) for row in read_tsv(PERSON_TOKENS)}


def build_person_tokens(wikidata_file: Path, out: Path = PERSON_TOKENS) -> int:
    """Write the person-name token list from the Wikidata name pairs; returns its size."""
    counts: Counter[str] = Counter()
    for line in wikidata_file.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[2].isdigit():
            counts[match_key(parts[1].replace(" ", ""))] += int(parts[2])
    header = ("# Arabic person-name tokens (match_key form) and their frequency in Wikidata name pairs.\n"
              "# Source: Merhav & Ash (COLING 2018) wd_arabic.normalized.aligned.tokens, CC0 1.0.\n"
              "token\tcount\n")
    body = "".join(f"{token}\t{count}\n" for token, count in sorted(counts.items()) if len(token) > 1)
    out.write_text(header + body, encoding="utf-8")
    return len(counts)


@lru_cache(maxsize=1)
def wiki_tokens() -> dict[str, str]:
    """Normalised, clitic-stripped word -> PER/ORG/LOC/MISC: the type WikiFANE mostly gives it."""
    if not WIKI_TOKENS.exists():
        raise ModelError("Wikipedia entity-word list missing; run `marsad train ner`", source=str(WIKI_TOKENS))
    return {row[0]: row[1] for row in read_tsv(WIKI_TOKENS)}


def build_wiki_tokens(sentences: list[list[tuple[str, str]]], out: Path = WIKI_TOKENS) -> int:
    """Write the entity-word list from WikiFANE sentences (coarse IOB tags); returns its size."""
    from marsad.text.tokens import strip_clitics

    seen: Counter[str] = Counter()
    typed: Counter[tuple[str, str]] = Counter()
    for sentence in sentences:
        for word, tag in sentence:
            key = strip_clitics(match_key(word))[1]
            seen[key] += 1
            if tag != "O":
                typed[(key, tag[2:])] += 1
    rows = sorted((k, t) for (k, t), n in typed.items()
                  if n >= WIKI_MIN_COUNT and n / seen[k] >= WIKI_MIN_SHARE and len(k) > 1)
    header = ("# Words mostly found inside named entities in WikiFANE (Alotaibi & Lee 2014), CC BY-SA 3.0,\n"
              "# with the coarse type (PER/ORG/LOC/MISC, mapping in MODEL_CARD.md). Derived by build_wiki_tokens.\n"
              "token\ttype\n")
    out.write_text(header + "".join(f"{k}\t{t}\n" for k, t in rows), encoding="utf-8")
    return len(rows)


@lru_cache(maxsize=1)
def word_clusters() -> dict[str, tuple[str, ...]]:
    """Word (``clusters.cluster_key`` form) -> its cluster ids, coarse to fine."""
    if not WORD_CLUSTERS.exists():
        raise ModelError("word-cluster table missing; run `marsad train ner`", source=str(WORD_CLUSTERS))
    return {row[0]: tuple(row[1:]) for row in read_tsv(WORD_CLUSTERS)}



@lru_cache(maxsize=1)
def sports_words() -> dict[str, str]:
    """Match-report words -> kind (cue, verb, host; ``data/sports_words.tsv``)."""
    return {row[0]: row[1] for row in read_tsv(DATA / "sports_words.tsv")}
