"""Exact and near-duplicates on the seeds plus generated variants; the stored signature format."""

from __future__ import annotations

import random

import pytest

from marsad.clean import clean
from marsad.config import Config
from marsad.dedup import JACCARD_THRESHOLD, VARIANTS, Signature, mark_duplicates, shingles
from marsad.errors import ModelError
from marsad.ingest import read_paths
from marsad.ingest.common import make_article
from marsad.model import Article
from marsad.pipeline import Resources

RESOURCES = Resources(Config(dedup_threshold=JACCARD_THRESHOLD))


@pytest.fixture(scope="module")
def seeds(seeds_dir) -> list[Article]:
    return [clean.fn(a, RESOURCES) for a in read_paths([seeds_dir], Config())]  # type: ignore[arg-type]


def variant(seed: Article, name: str, rng: random.Random, n: int, published: str | None = None) -> Article:
    article = make_article(VARIANTS[name](seed.text, rng), f"variant{n}-{name}.txt", published=published)
    article.meta["expected"] = seed.id
    return clean.fn(article, RESOURCES)


def test_seeds_plus_20_variants(seeds):
    rng = random.Random(11)
    names = list(VARIANTS)
    variants = [variant(seeds[n % 5], names[n % len(names)], rng, n) for n in range(20)]
    corpus = list(seeds) + variants
    rng.shuffle(corpus)  # input order must not matter while the originals come first in time
    for article in seeds:
        article.published = "2015-10-07"
    for article in variants:
        article.published = "2015-10-08"
    mark_duplicates.fn(corpus, RESOURCES)
    assert [a.duplicate_of for a in seeds] == [None] * 5
    for article in variants:
        assert article.duplicate_of == article.meta["expected"], (article.source, article.meta.get("duplicate"))


def test_earliest_is_canonical_and_exact_copies(seeds):
    original = seeds[3]
    copy = make_article(original.raw, "copy.txt", published="2015-10-06")
    copy = clean.fn(copy, RESOURCES)
    late = clean.fn(make_article(original.raw, "late.txt", published="2015-10-09"), RESOURCES)
    later = make_article(original.raw + "\n", "later.txt")
    original.published = "2015-10-07"
    corpus = [original, late, clean.fn(later, RESOURCES), copy]
    mark_duplicates.fn(corpus, RESOURCES)
    assert copy.duplicate_of is None  # the earliest by publication date
    assert [a.duplicate_of for a in corpus[:3]] == [copy.id] * 3
    assert corpus[1].meta["duplicate"]["kind"] == "exact"


def test_undated_order_is_input_order(seeds):
    first = make_article(seeds[0].text, "first.txt")
    second = make_article("سطر إضافي من موقع آخر\n" + seeds[0].text, "second.txt")
    for article in (first, second):
        article.text = article.raw
    mark_duplicates.fn([first, second], RESOURCES)
    assert first.duplicate_of is None and second.duplicate_of == first.id
    assert second.meta["duplicate"]["kind"] == "near"


def test_signature_round_trip_and_parameter_check(seeds):
    words = shingles(seeds[0].text)
    signature = Signature.of(words, 128)
    restored = Signature.from_bytes(signature.to_bytes())
    assert restored == signature and restored.jaccard(signature) == 1.0
    assert Signature.of(shingles(seeds[1].text), 128).jaccard(signature) < 0.2
    with pytest.raises(ModelError):
        signature.jaccard(Signature.of(words, 128, seed=2))
    with pytest.raises(ModelError):
        signature.jaccard(Signature.of(words, 64))
    with pytest.raises(ModelError):
        Signature.from_bytes(b"XXXX" + signature.to_bytes()[4:])
    with pytest.raises(ModelError):
        Signature.from_bytes(signature.to_bytes()[:-8])


def test_default_config_threshold_also_links_all_variants(seeds):
    rng = random.Random(5)
    names = list(VARIANTS)
    variants = [variant(seeds[n % 5], names[n % len(names)], rng, n) for n in range(20)]
    mark_duplicates.fn(list(seeds) + variants, Resources(Config()))
    assert [a.duplicate_of for a in seeds] == [None] * 5
    assert all(a.duplicate_of == a.meta["expected"] for a in variants)


def test_texts_without_words_are_not_linked():
    empty = [Article(id=f"e{i}", source=f"e{i}", text=text) for i, text in enumerate(["", "", " ... "])]
    mark_duplicates.fn(empty, RESOURCES)
    assert [a.duplicate_of for a in empty] == [None, None, None]
