"""Story clustering: batch and incremental, with stable story ids.

Similarity of two Arabic articles (``pair_similarity``) is a weighted sum of
- cosine of TF-IDF over char 3-5-grams of normalised, clitic-stripped words (``word_keys``),
- cosine of TF-IDF over ISRI stems of the same words,
- Jaccard overlap of entity keys (``skeleton`` of ``Mention.text``), of numbers in the text and of
  ``TimeExpression`` values.
Features are hashed (scikit-learn ``HashingVectorizer``) so memory stays bounded; IDF comes from a
background document-frequency table shipped in ``marsad/data/cluster_df.npz`` (built from public
Arabic newswire/Wikipedia text by ``benchmarks/calibrate_cluster.py``), so a vector never changes
when other articles arrive: batch and incremental clustering give the same stories.

``StoryIndex`` is a single-pass (leader-follower) clusterer with average linkage: an article joins
the active story whose members it is most similar to on average (exact, since the mean of cosines
to unit vectors is the cosine with their sum) when that is at least ``config.cluster_threshold``;
otherwise it founds a story. A story's id is ``"s-" + sha1(founding article id)``, the founder being
the earliest article (by publication date, then id), so ids do not depend on input order; when two
stories merge, the older id survives and the merge is recorded; ``resplit`` re-clusters a story's
articles and splits it (recorded, the founder's part keeps the id) when they fall apart. Stories with no
article for ``story_window_days`` are closed (their vectors dropped). Same-topic different events are told apart
by their conflicting specifics (places, counts, figures, dates: ``marsad.cluster_signals``).
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

from marsad.cluster_eval import bcubed, pairwise_prf  # noqa: F401  (re-exported; the metrics live there)
from marsad.cluster_signals import (
    CALIBRATED_SPECIFICS,
    Specifics,
    SpecificWeights,
    adjustment,
    mean_adjustment,
    specifics_of,
)
from marsad.dates.values import parse_day
from marsad.errors import ModelError
from marsad.model import Article, Story
from marsad.pipeline import Resources, stage
from marsad.text.normalize import match_key, skeleton
from marsad.text.tokens import is_arabic, stem, tokenize, word_keys

FORMAT_VERSION = 1
# Pairwise-F1-optimal threshold for the default ``Weights`` on the tuning pairs (ANERcorp pseudo-articles +
# tests/fixtures/cluster + seeds; docs/cluster_calibration.md); re-checked on labelled article pairs
# (`calibrate_cluster.py pairs`: no setting beats it on mean F1 by more than 0.002). Config.cluster_threshold
# should hold it.
CALIBRATED_THRESHOLD = 0.20
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


@dataclass(frozen=True, slots=True)
class Weights:
    """Weights of the similarity signals (combined as a weighted mean of the signals that can be measured).

    Calibrated by ``benchmarks/calibrate_cluster.py calibrate`` (grid search, pairwise F1) on 69 same-story /
    7,681 different-story pairs: ANERcorp-train pseudo-articles (gold entity mentions) plus the hand-written
    events of tests/fixtures/cluster and the seeds, and re-checked by ``calibrate_cluster.py pairs`` on
    labelled article pairs analysed by the pipeline (calibration_pairs.tsv, dev_pairs.tsv, ANERcorp): entity
    weights 0.1-0.5 and number weights 0.1-0.2 change mean pairwise F1 by at most +0.002, so they default to
    0; set ``[marsad.extra.cluster_weights]`` in the config file to use them. See docs/cluster_calibration.md.
    """

    char: float = 0.5
    stem: float = 0.5
    entity: float = 0.0
    number: float = 0.0
    date: float = 0.0


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


# ---------------------------------------------------------------- similarity


UNKNOWN = float("nan")  # a set signal that cannot be measured (one side has no entities, numbers or dates)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard of two sets, or UNKNOWN when either is empty (nothing to compare, not a disagreement)."""
    return len(a & b) / len(a | b) if a and b else UNKNOWN


def mean_overlap(mine: frozenset[str], theirs: Iterable[frozenset[str]]) -> float:
    """Average overlap with the non-empty sets of ``theirs``; UNKNOWN when there is none to compare."""
    values = [overlap(mine, t) for t in theirs if t] if mine else []
    return sum(values) / len(values) if values else UNKNOWN


def pair_signals(x: ArticleVector, y: ArticleVector) -> tuple[float, float, float, float, float]:
    """(char cosine, stem cosine, entity, number, date overlap) of two articles; an overlap is UNKNOWN (NaN)
    when one article has no such items."""
    return (sparse_dot(x.char, y.char), sparse_dot(x.stem, y.stem),
            overlap(x.entities, y.entities), overlap(x.numbers, y.numbers), overlap(x.dates, y.dates))


def combine(signals: tuple[float, ...], weights: Weights) -> float:
    """Weighted mean of the measurable signals (UNKNOWN ones and their weights left out), so an article
    without entities is judged on its text at the same threshold instead of being pulled down."""
    pairs = [(w, v) for w, v in zip((weights.char, weights.stem, weights.entity, weights.number, weights.date),
                                    signals, strict=True) if w and v == v]  # v != v: NaN, unknown
    total = sum(w for w, _ in pairs)
    return sum(w * v for w, v in pairs) / total if total else 0.0


def pair_similarity(x: ArticleVector, y: ArticleVector, weights: Weights | None = None,
                    specifics: SpecificWeights = CALIBRATED_SPECIFICS) -> float:
    """Text similarity (weighted mean of the signals) plus the bonus/penalty of agreeing/conflicting specifics."""
    return combine(pair_signals(x, y), weights or Weights()) + adjustment(x.specifics, y.specifics, specifics)


# ---------------------------------------------------------------- stories


MAX_SET_MEMBERS = 32  # members whose entity/number/date sets a story keeps for average linkage
MAX_CENTROID_TERMS = 1500  # hashed features kept per story centroid (memory bound)
CANDIDATE_TERMS = 24  # top stem features of an article used to find candidate stories
EXACT_BELOW = 150  # with fewer active stories, compare against all of them
MIN_SHARED_TERMS = 2  # above that, only stories sharing this many of the article's top stems are compared


@dataclass(slots=True)
class StoryState:
    id: str
    founder: tuple[str, str]
    article_ids: list[str]
    char_sum: sp.csr_matrix
    stem_sum: sp.csr_matrix
    sets: list[tuple[frozenset[str], frozenset[str], frozenset[str]]]
    n: int
    last_day: int | None
    terms: set[int] = field(default_factory=set)
    specifics: list[Specifics] = field(default_factory=list)  # of the last MAX_SET_MEMBERS members


def _sets(x: ArticleVector) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    return (x.entities, x.numbers, x.dates)


def sparse_dot(a: sp.csr_matrix, b: sp.csr_matrix) -> float:
    """Dot product of two 1-row CSR vectors (sorted-index intersection, no dense scan)."""
    if not a.nnz or not b.nnz:
        return 0.0
    _, ia, ib = np.intersect1d(a.indices, b.indices, assume_unique=True, return_indices=True)
    return float(a.data[ia] @ b.data[ib])


class DenseProbe:
    """One article's vectors spread into reusable dense buffers, so a dot with any sparse centroid is
    one gather (``buffer[indices] @ data``) instead of a sparse-sparse product."""

    def __init__(self, params: FeatureParams) -> None:
        self.char = np.zeros(params.char_features, dtype=np.float32)
        self.stem = np.zeros(params.stem_features, dtype=np.float32)
        self.x: ArticleVector | None = None

    def load(self, x: ArticleVector) -> None:
        self.clear()
        self.char[x.char.indices] = x.char.data
        self.stem[x.stem.indices] = x.stem.data
        self.x = x

    def clear(self) -> None:
        if self.x is not None:
            self.char[self.x.char.indices] = 0.0
            self.stem[self.x.stem.indices] = 0.0
            self.x = None

    def dots(self, story: StoryState) -> tuple[float, float]:
        return (float(self.char[story.char_sum.indices] @ story.char_sum.data),
                float(self.stem[story.stem_sum.indices] @ story.stem_sum.data))


def set_overlaps(x: ArticleVector, story: StoryState, weights: Weights) -> list[float]:
    """Average Jaccard of the article's entity/number/date sets with those of the story's kept members."""
    used = (weights.entity, weights.number, weights.date)
    return [mean_overlap(mine, (theirs[i] for theirs in story.sets)) if used[i] else UNKNOWN
            for i, mine in enumerate(_sets(x))]


def story_similarity(x: ArticleVector, story: StoryState, weights: Weights, probe: DenseProbe | None = None,
                     specifics: SpecificWeights = CALIBRATED_SPECIFICS, floor: float = -1.0) -> float:
    """Average similarity of ``x`` to the story's members (text exact; sets and specifics over kept members).

    Below ``floor`` (the joining threshold) no bonus can lift the text similarity: it is returned as is.
    """
    if probe is not None and probe.x is x:
        char, stem_cos = probe.dots(story)
    else:
        char, stem_cos = sparse_dot(x.char, story.char_sum), sparse_dot(x.stem, story.stem_sum)
    text = combine((char / story.n, stem_cos / story.n, *set_overlaps(x, story, weights)), weights)
    if text + specifics.max_bonus() < floor:
        return text
    return text + mean_adjustment(x.specifics, story.specifics, specifics)


def stories_similarity(a: StoryState, b: StoryState, weights: Weights,
                       specifics: SpecificWeights = CALIBRATED_SPECIFICS) -> float:
    """Average linkage between two stories."""
    char = sparse_dot(a.char_sum, b.char_sum) / (a.n * b.n)
    stem_cos = sparse_dot(a.stem_sum, b.stem_sum) / (a.n * b.n)
    overlaps = [_mean_known([mean_overlap(p[i], (q[i] for q in b.sets)) for p in a.sets]) for i in range(3)]
    adjust = [mean_adjustment(p, b.specifics, specifics) for p in a.specifics]
    return combine((char, stem_cos, *overlaps), weights) + (sum(adjust) / len(adjust) if adjust else 0.0)


def _mean_known(values: list[float]) -> float:
    known = [v for v in values if v == v]
    return sum(known) / len(known) if known else UNKNOWN


def add_rows(a: sp.csr_matrix, b: sp.csr_matrix) -> sp.csr_matrix:
    """Sum of two 1-row CSR vectors (faster than scipy's general sparse add for single rows)."""
    if not a.nnz:
        return b.copy()
    indices, inverse = np.unique(np.concatenate([a.indices, b.indices]), return_inverse=True)
    data = np.bincount(inverse, weights=np.concatenate([a.data, b.data])).astype(np.float32)
    return sp.csr_matrix((data, indices, np.array([0, len(indices)])), shape=a.shape)


def _prune(vector: sp.csr_matrix) -> sp.csr_matrix:
    if vector.nnz <= MAX_CENTROID_TERMS:
        return vector
    keep = np.argpartition(vector.data, -MAX_CENTROID_TERMS)[-MAX_CENTROID_TERMS:]
    return sp.csr_matrix((vector.data[keep], (np.zeros(len(keep), dtype=np.int32), vector.indices[keep])),
                         shape=vector.shape)


def _top_terms(x: ArticleVector) -> list[int]:
    if x.stem.nnz <= CANDIDATE_TERMS:
        return [int(i) for i in x.stem.indices]
    top = np.argpartition(x.stem.data, -CANDIDATE_TERMS)[-CANDIDATE_TERMS:]
    return [int(i) for i in x.stem.indices[top]]


class StoryIndex:
    """Incremental story clustering with stable ids, an inactivity window and recorded merges."""

    def __init__(self, featurizer: Featurizer, threshold: float, weights: Weights | None = None,
                 window_days: int = 7, specifics: SpecificWeights = CALIBRATED_SPECIFICS) -> None:
        self.featurizer = featurizer
        self.threshold = threshold
        self.weights = weights or Weights()
        self.specifics = specifics
        self.window_days = window_days
        self.active: dict[str, StoryState] = {}
        self.closed: dict[str, list[str]] = {}
        self.article_story: dict[str, str] = {}
        self.events: list[dict[str, Any]] = []
        self._postings: dict[int, set[str]] = {}
        self._founders: dict[str, tuple[str, str]] = {}
        self._forward: dict[str, str] = {}  # merged-away story id -> the id it lives on under
        self._probe = DenseProbe(featurizer.params)

    @classmethod
    def from_resources(cls, resources: Resources) -> StoryIndex:
        config = resources.config
        window = getattr(config, "story_window_days", None) or config.extra.get("story_window_days", 7)
        weights = Weights(**config.extra.get("cluster_weights", {}))
        specifics = SpecificWeights(**{**CALIBRATED_SPECIFICS.as_dict(), **config.extra.get("cluster_specifics", {})})
        return cls(resources.get("cluster.featurizer", load_featurizer), config.cluster_threshold, weights,
                   window_days=int(window), specifics=specifics)

    # -- adding

    def add(self, articles: list[Article]) -> list[Story]:
        """Assign new articles (in date-then-id order) to stories; return the stories they touched."""
        fresh = sorted((a for a in articles if a.id not in self.article_story), key=sort_key)
        canonical = [a for a in fresh if not self._is_copy(a, fresh)]
        touched: set[str] = set()
        for x in self.featurizer.vectorize(canonical):
            touched.add(self._place(x))
        for article in fresh:
            if article.id not in self.article_story:
                touched.add(self._attach_copy(article))
        return [self._story(self._resolve(sid)) for sid in sorted(touched) if self._resolve(sid)]

    def _is_copy(self, article: Article, batch: list[Article]) -> bool:
        target = article.duplicate_of
        return bool(target) and (target in self.article_story or any(b.id == target for b in batch))

    def _attach_copy(self, article: Article) -> str:
        sid = self._resolve(self.article_story[article.duplicate_of or ""])
        self.article_story[article.id] = sid
        if sid in self.active:
            self.active[sid].article_ids.append(article.id)
        else:
            self.closed[sid].append(article.id)
        return sid

    def _place(self, x: ArticleVector) -> str:
        self._close_inactive(x.day)
        self._probe.load(x)
        scored = sorted(((story_similarity(x, self.active[sid], self.weights, self._probe, self.specifics,
                                           self.threshold),
                          self.active[sid].founder, sid) for sid in self._candidates(x)), key=lambda t: (-t[0], t[1]))
        self._probe.clear()
        joined = [sid for score, _, sid in scored if score >= self.threshold]
        if not joined:
            return self._open(x)
        best = joined[0]
        self._join(self.active[best], x)
        for other in joined[1:]:
            best = self._maybe_merge(best, other, x.id)
        return best

    def _candidates(self, x: ArticleVector) -> list[str]:
        if len(self.active) < EXACT_BELOW:
            return list(self.active)
        shared: dict[str, int] = {}
        for term in _top_terms(x):
            for sid in self._postings.get(term, ()):
                shared[sid] = shared.get(sid, 0) + 1
        return sorted(sid for sid, n in shared.items() if n >= MIN_SHARED_TERMS and sid in self.active)

    def _open(self, x: ArticleVector) -> str:
        sid = story_id(x.id)
        state = StoryState(sid, x.key, [], sp.csr_matrix(x.char.shape, dtype=np.float32),
                           sp.csr_matrix(x.stem.shape, dtype=np.float32), [], 0, x.day)
        self.active[sid] = state
        self._founders[sid] = x.key
        self._join(state, x)
        return sid

    def _join(self, state: StoryState, x: ArticleVector) -> None:
        state.article_ids.append(x.id)
        state.char_sum = _prune(add_rows(state.char_sum, x.char))
        state.stem_sum = _prune(add_rows(state.stem_sum, x.stem))
        state.sets = (state.sets + [_sets(x)])[-MAX_SET_MEMBERS:]
        state.specifics = (state.specifics + [x.specifics])[-MAX_SET_MEMBERS:]
        state.n += 1
        if x.day is not None:
            state.last_day = max(state.last_day or x.day, x.day)
        self.article_story[x.id] = state.id
        for term in _top_terms(x):
            self._postings.setdefault(term, set()).add(state.id)
            state.terms.add(term)

    def _maybe_merge(self, a: str, b: str, at: str) -> str:
        sa, sb = self.active[a], self.active[b]
        if stories_similarity(sa, sb, self.weights, self.specifics) < self.threshold:
            return a
        keep, gone = (sa, sb) if sa.founder <= sb.founder else (sb, sa)
        keep.article_ids.extend(gone.article_ids)
        keep.char_sum = _prune(add_rows(keep.char_sum, gone.char_sum))
        keep.stem_sum = _prune(add_rows(keep.stem_sum, gone.stem_sum))
        keep.sets = (keep.sets + gone.sets)[-MAX_SET_MEMBERS:]
        keep.specifics = (keep.specifics + gone.specifics)[-MAX_SET_MEMBERS:]
        keep.n += gone.n
        keep.last_day = max((d for d in (keep.last_day, gone.last_day) if d is not None), default=None)
        self._drop(gone)
        self._forward[gone.id] = keep.id
        self.events.append({"kind": "merge", "into": keep.id, "from": gone.id, "article": at})
        for term in gone.terms:
            self._postings.setdefault(term, set()).add(keep.id)
        keep.terms |= gone.terms
        for aid in gone.article_ids:
            self.article_story[aid] = keep.id
        return keep.id

    def _drop(self, state: StoryState) -> None:
        del self.active[state.id]
        for term in state.terms:
            holders = self._postings.get(term)
            if holders is not None:
                holders.discard(state.id)
                if not holders:
                    del self._postings[term]

    def _close_inactive(self, day: int | None) -> None:
        if day is None:
            return
        stale = [s for s in self.active.values() if s.last_day is not None and day - s.last_day > self.window_days]
        for state in stale:
            self._drop(state)
            self.closed[state.id] = state.article_ids
            self.events.append({"kind": "close", "story": state.id, "articles": len(state.article_ids)})

    def close_inactive(self, today: str) -> list[str]:
        """Close open stories with no article for ``window_days`` before ``today`` (ISO date); their ids."""
        before = set(self.active)
        self._close_inactive(day_of(today))
        return sorted(before - set(self.active))

    def resplit(self, sid: str, articles: list[Article]) -> list[Story]:
        """Re-cluster an open story's articles from scratch; if they fall apart, split the story.

        The part holding the founder keeps the id; every other part becomes a story named after its own
        founder, and the split is recorded. Returns the resulting stories (one when nothing changed).
        """
        sid = self._resolve(sid)
        state = self.active.get(sid)
        if state is None:
            return [self._story(sid)] if self._members(sid) else []
        members = [a for a in articles if self.article_story.get(a.id) == sid and a.id in state.article_ids]
        fresh = StoryIndex(self.featurizer, self.threshold, self.weights, self.window_days, self.specifics)
        fresh.add(members)
        parts = fresh.active
        if len(parts) <= 1:
            return [self._story(sid)]
        self._drop(state)
        del self._founders[sid]
        for part in parts.values():
            self._adopt(part, fresh)
        keep = self._resolve_founder(state.founder, list(parts.values()))
        self.events.append({"kind": "split", "story": sid, "into": sorted(p.id for p in parts.values()),
                            "kept": keep})
        return [self._story(p.id) for p in parts.values()]

    def _adopt(self, part: StoryState, fresh: StoryIndex) -> None:
        self.active[part.id] = part
        self._founders[part.id] = fresh._founders[part.id]
        for aid in part.article_ids:
            self.article_story[aid] = part.id
        for term in part.terms:
            self._postings.setdefault(term, set()).add(part.id)

    @staticmethod
    def _resolve_founder(founder: tuple[str, str], parts: list[StoryState]) -> str:
        return next((p.id for p in parts if p.founder == founder), parts[0].id)

    # -- reading

    def _resolve(self, sid: str) -> str:
        """Follow merges: the id under which a story lives now."""
        while sid in self._forward:
            sid = self._forward[sid]
        return sid

    def _members(self, sid: str) -> list[str]:
        return self.active[sid].article_ids if sid in self.active else self.closed.get(sid, [])

    def _story(self, sid: str) -> Story:
        return Story(id=sid, article_ids=list(self._members(sid)))

    def stories(self) -> list[Story]:
        """Every story (open and closed, merged ones under their surviving id), oldest founder first."""
        ids = [sid for sid in self._founders if self._members(sid)]
        return [self._story(sid) for sid in sorted(ids, key=lambda s: self._founders[s])]

    # -- stored format

    def state(self) -> dict[str, Any]:
        """JSON-able state without vectors (parameters, version, membership, events)."""
        return {"version": FORMAT_VERSION, "params": _params_dict(self.featurizer.params),
                "threshold": self.threshold, "weights": {k: getattr(self.weights, k) for k in Weights.__slots__},
                "specific_weights": self.specifics.as_dict(),
                "window_days": self.window_days, "events": self.events, "closed": self.closed,
                "founders": {k: list(v) for k, v in self._founders.items()}, "forward": self._forward,
                "active": {sid: {"article_ids": s.article_ids, "n": s.n, "last_day": s.last_day,
                                 "founder": list(s.founder), "sets": [[sorted(x) for x in t] for t in s.sets],
                                 "terms": sorted(s.terms), "specifics": [x.to_json() for x in s.specifics]}
                           for sid, s in self.active.items()}}

    def save(self, path: str | Path) -> None:
        """Write the index (state JSON + centroid matrices) to one ``.npz`` file."""
        ids = list(self.active)
        chars = sp.vstack([self.active[s].char_sum for s in ids]).tocsr() if ids else sp.csr_matrix((0, 1))
        stem_rows = sp.vstack([self.active[s].stem_sum for s in ids]).tocsr() if ids else sp.csr_matrix((0, 1))
        arrays = {"state": np.array(json.dumps(self.state(), ensure_ascii=False)), "order": np.array(json.dumps(ids)),
                  **_csr_arrays("char", chars), **_csr_arrays("stem", stem_rows)}
        target = Path(path)
        partial = target.with_name(target.name + ".partial")
        with partial.open("wb") as handle:  # a handle, so numpy does not append ".npz" to the name
            np.savez_compressed(handle, **arrays)  # type: ignore[arg-type]
        partial.replace(target)  # atomic: a crash never leaves half an index

    @classmethod
    def load(cls, path: str | Path, featurizer: Featurizer) -> StoryIndex:
        """Read an index saved by ``save``; refuses one built with other feature parameters."""
        try:
            with np.load(path, allow_pickle=False) as data:
                state = json.loads(str(data["state"]))
                ids = json.loads(str(data["order"]))
                chars, stem_rows = _csr_from(data, "char"), _csr_from(data, "stem")
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"cannot read story index: {exc}", source=str(path)) from exc
        if state["version"] != FORMAT_VERSION or state["params"] != _params_dict(featurizer.params):
            raise ModelError("story index was built with other feature parameters", source=str(path))
        specifics = SpecificWeights(**state.get("specific_weights", {}))  # an index saved before round three: none
        index = cls(featurizer, state["threshold"], Weights(**state["weights"]), state["window_days"], specifics)
        index._restore(state, ids, chars, stem_rows)
        return index

    def _restore(self, state: dict[str, Any], ids: list[str], chars: sp.csr_matrix, stem_rows: sp.csr_matrix) -> None:
        self.events = state["events"]
        self.closed = {k: list(v) for k, v in state["closed"].items()}
        self._founders = {k: (v[0], v[1]) for k, v in state["founders"].items()}
        self._forward = dict(state["forward"])
        for row, sid in enumerate(ids):
            info = state["active"][sid]
            sets = [(frozenset(e), frozenset(n), frozenset(d)) for e, n, d in info["sets"]]
            self.active[sid] = StoryState(sid, (info["founder"][0], info["founder"][1]), info["article_ids"],
                                          chars[row], stem_rows[row], sets, info["n"], info["last_day"],
                                          set(info["terms"]),
                                          [Specifics.from_json(x) for x in info.get("specifics", [])])
            for term in info["terms"]:
                self._postings.setdefault(term, set()).add(sid)
        for sid in list(self.active) + list(self.closed):
            for aid in self._members(sid):
                self.article_story[aid] = sid


def _csr_arrays(prefix: str, matrix: sp.csr_matrix) -> dict[str, np.ndarray]:
    return {f"{prefix}_data": matrix.data, f"{prefix}_indices": matrix.indices, f"{prefix}_indptr": matrix.indptr,
            f"{prefix}_shape": np.array(matrix.shape)}


def _csr_from(data: Any, prefix: str) -> sp.csr_matrix:
    shape = tuple(int(v) for v in data[f"{prefix}_shape"])
    return sp.csr_matrix((data[f"{prefix}_data"], data[f"{prefix}_indices"], data[f"{prefix}_indptr"]), shape=shape)


# ---------------------------------------------------------------- stage


@stage("cluster", "cluster",
       reads=["article.text", "article.title", "article.mentions", "article.times", "article.duplicate_of"],
       writes=["story.article_ids", "story.id"])
def cluster(articles: list[Article], resources: Resources) -> list[Story]:
    """Group articles into stories (batch = one incremental pass in date-then-id order)."""
    index = StoryIndex.from_resources(resources)
    index.add(articles)
    return index.stories()
