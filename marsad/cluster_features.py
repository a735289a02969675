"""Article features for story clustering: hashed TF-IDF vectors (char 3-5-grams of normalised, clitic-stripped
words and ISRI stems) with a fixed background IDF, plus the sets and specifics the similarity compares.

IDF comes from a background document-frequency table shipped in ``marsad/data/cluster_df.npz`` (built from
public Arabic newswire/Wikipedia text by ``benchmarks/calibrate_cluster.py df``), so a vector never changes when
other articles arrive: batch and incremental clustering give the same stories.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as package_files
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

from marsad.cluster_signals import Specifics, specifics_of
from marsad.dates.values import parse_day
from marsad.errors import ModelError
from marsad.model import Article
from marsad.text.normalize import match_key, skeleton
from marsad.text.tokens import is_arabic, stem, tokenize, word_keys

FORMAT_VERSION = 1
DF_FILE = "data/cluster_df.npz"
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")



@dataclass(frozen=True, slots=True)
class FeatureParams:
    """Everything that shapes a vector; stored next to every saved table or index."""

    version: int = FORMAT_VERSION
    char_features: int = 2**20
    stem_features: int = 2**18
    ngram_min: int = 3
    ngram_max: int = 5
    title_weight: int = 2  # title words counted this many times



@dataclass(slots=True)
class ArticleVector:
    id: str
    key: tuple[str, str]
    day: int | None
    char: sp.csr_matrix
    stem: sp.csr_matrix
    entities: frozenset[str]
    numbers: frozenset[str]
    dates: frozenset[str]
    specifics: Specifics = field(default_factory=Specifics)  # places, actors, counts, figures, event dates
    embedding: np.ndarray | None = None  # unit vector of title + lead (marsad.cluster_embed), when enabled


# ---------------------------------------------------------------- text signals


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    text = package_files.files("marsad").joinpath("data/stopwords_ar.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def content_words(text: str) -> list[str]:
    """Normalised, clitic-stripped words (as ``word_keys``) without function words, digits or single letters."""
    keys = (_content_key(token.text) for token in tokenize(text) if token.is_word)
    return [k for k in keys if k]


@lru_cache(maxsize=500_000)
def _content_key(token: str) -> str:
    """The ``word_keys`` key of one token, or "" when it is a function word, a number or one letter."""
    keys = word_keys(token)
    key = keys[0] if keys else ""
    return key if len(key) > 1 and key not in stopwords() and not key.isdigit() else ""


def stems(words: Iterable[str]) -> list[str]:
    return [stem(w) if is_arabic(w) else w for w in words]


def numbers_in(text: str) -> frozenset[str]:
    """Numbers of two digits or more (or with a decimal part) in the text, digits normalised."""
    found = (n.replace(",", ".") for n in NUMBER.findall(match_key(text)))
    return frozenset(n for n in found if len(n) > 1)


def entity_keys(article: Article) -> frozenset[str]:
    return frozenset(k for k in (skeleton(m.text) for m in article.mentions) if k)


def date_keys(article: Article) -> frozenset[str]:
    return frozenset(t.value for t in article.times if t.value and t.kind == "date")


def sort_key(article: Article) -> tuple[str, str]:
    """Earliest first, then by id: the founder of a story is its first article in this order."""
    return (article.published or "", article.id)


def day_of(published: str | None) -> int | None:
    day = parse_day(published)
    return day.toordinal() if day else None


def story_id(article_id: str) -> str:
    return "s-" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:12]


def _identity(tokens: list[str]) -> list[str]:
    return tokens


# ---------------------------------------------------------------- vectors


class Featurizer:
    """Turns articles into unit TF-IDF vectors (hashed) with a fixed background IDF."""

    def __init__(self, params: FeatureParams, char_df: np.ndarray, stem_df: np.ndarray, n_docs: int) -> None:
        from sklearn.feature_extraction.text import HashingVectorizer

        self.params = params
        self.n_docs = n_docs
        self.char_idf = _idf(char_df, n_docs)
        self.stem_idf = _idf(stem_df, n_docs)
        self._char = HashingVectorizer(analyzer="char_wb", ngram_range=(params.ngram_min, params.ngram_max),
                                       n_features=params.char_features, alternate_sign=False, norm=None,
                                       lowercase=False)
        self._stem = HashingVectorizer(analyzer=_identity, n_features=params.stem_features,
                                       alternate_sign=False, norm=None)

    def counts(self, words_per_doc: list[list[str]]) -> tuple[sp.csr_matrix, sp.csr_matrix]:
        """Raw hashed counts (char grams, stems) of documents given as content words."""
        chars = self._char.transform([" ".join(words) for words in words_per_doc])
        stem_counts = self._stem.transform([stems(words) for words in words_per_doc])
        return chars.tocsr(), stem_counts.tocsr()

    def weigh(self, counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
        out = counts.astype(np.float32)
        out.data = np.log1p(out.data)
        out = out.multiply(idf[None, :]).tocsr() if out.nnz else out
        return _l2_rows(out)

    def vectorize(self, articles: list[Article]) -> list[ArticleVector]:
        if not articles:
            return []
        words = [article_words(a, self.params.title_weight) for a in articles]
        chars, stem_counts = self.counts(words)
        chars, stem_counts = self.weigh(chars, self.char_idf), self.weigh(stem_counts, self.stem_idf)
        return [ArticleVector(a.id, sort_key(a), day_of(a.published), chars[i], stem_counts[i], entity_keys(a),
                              numbers_in(a.title + "\n" + a.text), date_keys(a), specifics_of(a))
                for i, a in enumerate(articles)]


def article_words(article: Article, title_weight: int = 2) -> list[str]:
    title = content_words(article.title)
    return title * title_weight + content_words(article.text)


def _idf(df: np.ndarray, n_docs: int) -> np.ndarray:
    return (np.log((1.0 + n_docs) / (1.0 + df.astype(np.float64))) + 1.0).astype(np.float32)


def _l2_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms).astype(np.float32) @ matrix)


def load_featurizer(path: str | Path | None = None) -> Featurizer:
    """The featurizer with the shipped background document frequencies (or those at ``path``)."""
    source = Path(path) if path else package_files.files("marsad").joinpath(DF_FILE)
    try:
        with source.open("rb") as handle:
            data = np.load(handle, allow_pickle=False)
            params = FeatureParams(**json.loads(str(data["params"])))
            char_df = _dense(data["char_idx"], data["char_df"], params.char_features)
            stem_df = _dense(data["stem_idx"], data["stem_df"], params.stem_features)
            n_docs = int(data["n_docs"])
    except (OSError, KeyError, ValueError, TypeError) as exc:
        raise ModelError(f"cannot read the clustering document-frequency table: {exc}", source=str(source)) from exc
    if params.version != FORMAT_VERSION:
        raise ModelError(f"document-frequency table has version {params.version}, expected {FORMAT_VERSION}",
                         source=str(source))
    return Featurizer(params, char_df, stem_df, n_docs)


def _dense(idx: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    out = np.zeros(size, dtype=np.float32)
    out[idx] = values
    return out


def save_df_table(path: str | Path, params: FeatureParams, char_df: np.ndarray, stem_df: np.ndarray,
                  n_docs: int, min_df: int = 2) -> None:
    """Store document frequencies sparsely (features seen in at least ``min_df`` documents)."""
    char_idx = np.flatnonzero(char_df >= min_df).astype(np.int32)
    stem_idx = np.flatnonzero(stem_df >= min_df).astype(np.int32)
    params_json = json.dumps(_params_dict(params))
    np.savez_compressed(path, params=np.array(params_json), n_docs=np.array(n_docs),
                        char_idx=char_idx, char_df=char_df[char_idx].astype(np.uint16),
                        stem_idx=stem_idx, stem_df=stem_df[stem_idx].astype(np.uint16))


def _params_dict(params: FeatureParams) -> dict[str, Any]:
    return {name: getattr(params, name) for name in FeatureParams.__slots__}

