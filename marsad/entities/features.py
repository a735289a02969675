"""CRF features for Arabic tokens.

Each token gets *unit* features computed once per distinct word (cached): normalised form, the form
with proclitics (و/ف/ب/ل/ال) stripped — ANERcorp keeps «وألمانيا» as one token —, prefixes and
suffixes, shape, digits/Latin, trigger class from ``titles.tsv`` (title/role/org/loc/speech), alias
table membership and the Wikidata person-name gazetteer (frequency bucket). A token's feature list
is its own unit features plus those of its neighbours at ±1 and ±2 (a subset), trigger and alias
classes at ±3 and ±4, and word bigrams. ``wk=`` gives the type WikiFANE mostly gives a word;
``k0=``/``k1=``/``k2=`` its distributional clusters (``clusters.py``, coarse to fine). Proclitics are
split by ``clusters.split_key``, which keeps known person names such as «فلاديمير» whole.

``FEATURE_VERSION`` is stored with the model: a model trained with other features is refused.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from marsad.entities import lexicons
from marsad.entities.clusters import cluster_key, split_key
from marsad.text.normalize import match_key
from marsad.text.tokens import is_arabic, strip_article

FEATURE_VERSION = "ner-features-5"
LATIN = re.compile(r"[A-Za-z]")
DIGIT = re.compile(r"[0-9]")
PUNCT = re.compile(r"^[^\w\u0600-\u06ff]+$")


def _shape(word: str) -> str:
    if DIGIT.search(word):
        return "digit" if word.isdigit() else "hasdigit"
    if LATIN.search(word):
        return "latin-cap" if word[:1].isupper() else "latin"
    if PUNCT.match(word):
        return "punct"
    if is_arabic(word):
        return f"ar{min(len(word), 8)}"
    return "other"


def _gazetteer(stem: str) -> list[str]:
    out = []
    count = lexicons.person_tokens().get(stem, 0)
    if count:
        out.append(f"per_gaz={min(int(math.log2(count)) // 2, 4)}")
    wiki = lexicons.wiki_tokens().get(stem)
    if wiki:
        out.append(f"wk={wiki}")
    alias = _alias_words().get(stem)
    if alias:
        out.append(f"alias={alias}")
    return out


@lru_cache(maxsize=1)
def _alias_words() -> dict[str, str]:
    """Words of single-word alias entries -> type, and of multi-word ones -> type+'_part'."""
    out: dict[str, str] = {}
    for variant, _, kind in lexicons.aliases():
        words = variant.split()
        for word in words:
            bare = strip_article(word)
            for form in (word, bare):
                out.setdefault(form, kind if len(words) == 1 else f"{kind}_part")
    return out


@lru_cache(maxsize=300_000)
def unit_features(word: str) -> tuple[str, ...]:
    """Features of one word, independent of its context."""
    key = match_key(word)
    clitic, rest = split_key(key)
    bare = strip_article(key) if is_arabic(key) else key
    feats = [f"w={key}", f"s={rest}", f"b={bare}", f"shape={_shape(key)}", f"cl={clitic}",
             f"p2={rest[:2]}", f"p3={rest[:3]}", f"p4={rest[:4]}", f"x2={rest[-2:]}", f"x3={rest[-3:]}",
             f"x1={rest[-1:]}", f"x4={rest[-4:]}"]
    kind = lexicons.title_words().get(key) or lexicons.title_words().get(rest)
    if kind:
        feats.append(f"trig={kind}")
    feats.extend(_gazetteer(rest))
    feats.extend(f"k{i}={c}" for i, c in enumerate(lexicons.word_clusters().get(cluster_key(key), ("none",))))
    if rest != bare:
        feats.extend(f"{f}!b" for f in _gazetteer(bare))
    return tuple(feats)


FAR_KEEP = ("trig=", "alias=")
CONTEXT_KEEP = ("w=", "s=", "trig=", "per_gaz=", "alias=", "shape=", "x2=", "wk=", "k1=", "k2=")


@lru_cache(maxsize=300_000)
def context_features(word: str) -> tuple[str, ...]:
    """The subset of a word's unit features used when it is a neighbour."""
    return tuple(f for f in unit_features(word) if f.startswith(CONTEXT_KEEP))


def sentence_features(words: list[str]) -> list[list[str]]:
    """Feature lists for every token of a sentence."""
    units = [unit_features(w) for w in words]
    contexts = [context_features(w) for w in words]
    keys = [u[0][2:] for u in units]
    n = len(words)
    out: list[list[str]] = []
    for i in range(n):
        feats = ["bias", *units[i]]
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < n:
                feats.extend(f"{offset}:{f}" for f in contexts[j])
            else:
                feats.append(f"{offset}:BOUND")
        for offset in (-4, -3, 3, 4):
            j = i + offset
            if 0 <= j < n:
                feats.extend(f"{offset}:{f}" for f in contexts[j] if f.startswith(FAR_KEEP))
        if i > 0:
            feats.append(f"bg-={keys[i - 1]}|{keys[i]}")
        if i + 1 < n:
            feats.append(f"bg+={keys[i]}|{keys[i + 1]}")
        out.append(feats)
    return out
