"""How two articles, or an article and a story, compare: the weighted mean of the text signals, plus the
bonus/penalty of agreeing/conflicting specifics (``marsad.cluster_signals``), a learned bias, and, when both
sides carry one, the embedding cosine (``marsad.cluster_embed``). Stories compare by exact average linkage over
their members (sums of unit vectors) and over the sets/specifics of their last ``MAX_SET_MEMBERS`` members.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from marsad.cluster_embed import EmbedWeights
from marsad.cluster_features import ArticleVector, FeatureParams
from marsad.cluster_signals import (
    CALIBRATED_SPECIFICS,
    Specifics,
    SpecificWeights,
    adjustment,
    mean_adjustment,
)

# Round four (`benchmarks/calibrate_cluster.py learn`): a constant added to every similarity, chosen with the
# per-kind weights (CALIBRATED_SPECIFICS, same data and search) from {0, -0.01, -0.02, -0.03}; without any
# specifics a pair needs text similarity 0.21. heldout*_pairs.tsv were not used. docs/cluster_calibration.md.
CALIBRATED_BIAS = -0.01


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
    bias: float = CALIBRATED_BIAS  # added to the weighted mean: the learned intercept


# The embedding term (only when enabled), grid-searched on the same sets on top of the chosen text model: weight
# {0-2} x center {0.80-0.95}. No weight raised the source-mean pairwise F1 (0.857), so it is 0: the cosine of
# multilingual-e5-small is as high for two earthquakes as for two reports of one (docs/cluster_calibration.md).
# Set [marsad.extra.cluster_embed_weights] weight / center to use it.
CALIBRATED_EMBED = EmbedWeights(weight=0.0, center=0.0)



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


def embedding_term(cosine: float | None, embed: EmbedWeights) -> float:
    """What the embedding adds: ``weight * (cosine - center)``, 0 when either side has no vector."""
    return embed.weight * (cosine - embed.center) if cosine is not None and embed.weight else 0.0


def pair_cosine(x: ArticleVector, y: ArticleVector) -> float | None:
    return float(x.embedding @ y.embedding) if x.embedding is not None and y.embedding is not None else None


def pair_similarity(x: ArticleVector, y: ArticleVector, weights: Weights | None = None,
                    specifics: SpecificWeights = CALIBRATED_SPECIFICS, embed: EmbedWeights = CALIBRATED_EMBED) -> float:
    """Text similarity (weighted mean of the signals + bias), the bonus/penalty of agreeing/conflicting
    specifics and, when both articles carry a vector, the embedding term."""
    weights = weights or Weights()
    return (combine(pair_signals(x, y), weights) + weights.bias + adjustment(x.specifics, y.specifics, specifics)
            + embedding_term(pair_cosine(x, y), embed))


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
    emb_sum: np.ndarray | None = None  # sum of the members' embedding vectors (when embedded)
    emb_n: int = 0  # members in emb_sum


def story_cosine(x: ArticleVector, story: StoryState) -> float | None:
    """Average embedding cosine of ``x`` to the story's embedded members (exact: a dot with their sum)."""
    if x.embedding is None or story.emb_sum is None or not story.emb_n:
        return None
    return float(x.embedding @ story.emb_sum) / story.emb_n


def add_embedding(story: StoryState, vector: np.ndarray | None, count: int = 1) -> None:
    if vector is not None:
        story.emb_sum = vector.copy() if story.emb_sum is None else story.emb_sum + vector
        story.emb_n += count


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
                     specifics: SpecificWeights = CALIBRATED_SPECIFICS, floor: float = -1.0,
                     embed: EmbedWeights = CALIBRATED_EMBED) -> float:
    """Average similarity of ``x`` to the story's members (text and embedding exact; sets and specifics over
    kept members).

    Below ``floor`` (the joining threshold) no bonus can lift the text similarity: it is returned as is.
    """
    if probe is not None and probe.x is x:
        char, stem_cos = probe.dots(story)
    else:
        char, stem_cos = sparse_dot(x.char, story.char_sum), sparse_dot(x.stem, story.stem_sum)
    text = combine((char / story.n, stem_cos / story.n, *set_overlaps(x, story, weights)), weights) + weights.bias
    if text + specifics.max_bonus() + max(embed.max_term(), 0.0) < floor:
        return text
    return (text + mean_adjustment(x.specifics, story.specifics, specifics)
            + embedding_term(story_cosine(x, story), embed))


def stories_similarity(a: StoryState, b: StoryState, weights: Weights,
                       specifics: SpecificWeights = CALIBRATED_SPECIFICS,
                       embed: EmbedWeights = CALIBRATED_EMBED) -> float:
    """Average linkage between two stories."""
    char = sparse_dot(a.char_sum, b.char_sum) / (a.n * b.n)
    stem_cos = sparse_dot(a.stem_sum, b.stem_sum) / (a.n * b.n)
    overlaps = [_mean_known([mean_overlap(p[i], (q[i] for q in b.sets)) for p in a.sets]) for i in range(3)]
    adjust = [mean_adjustment(p, b.specifics, specifics) for p in a.specifics]
    cosine = (float(a.emb_sum @ b.emb_sum) / (a.emb_n * b.emb_n)
              if a.emb_sum is not None and b.emb_sum is not None and a.emb_n and b.emb_n else None)
    return (combine((char, stem_cos, *overlaps), weights) + weights.bias
            + (sum(adjust) / len(adjust) if adjust else 0.0) + embedding_term(cosine, embed))


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

