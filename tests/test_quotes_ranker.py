"""The speaker-ranker experiment (marsad.quotes.ranker): candidates, features, training and choice."""

from __future__ import annotations

import numpy as np

from marsad.model import Article
from marsad.quotes import article_quotes
from marsad.quotes.ranker import (
    FEATURES,
    Candidate,
    candidates,
    choose,
    examples,
    matrix,
    train,
    train_softmax,
)
from marsad.text.sentences import sentences_of

TEXT = ("وقال وزير الخارجية الروسي سيرغي لافروف إن الهجوم على المدينة تجاوز كل الحدود. "
        "وأضاف أن الرئيس فلاديمير بوتين سيلتقي نظيره الأسبوع المقبل.")


def _article(text: str = TEXT) -> Article:
    return Article(id="t", source="t", text=text, sentences=sentences_of(text))


def _by_name(cands: list[Candidate], name: str) -> Candidate:
    return next(c for c in cands if c.name.startswith(name))


def test_subject_after_the_cue_is_a_candidate_right_after_it() -> None:
    article = _article()
    quotes = article_quotes(article)
    lavrov = _by_name(candidates(article, quotes[0], []), "سيرغي لافروف")
    assert lavrov.feats["after"] == 1.0 and lavrov.feats["adj_after"] == 1.0
    assert lavrov.feats["rules_like"] == 1.0  # the rules chose him too


def test_name_inside_the_quote_is_flagged_and_never_chosen() -> None:
    article = _article()
    quotes = article_quotes(article)
    cands = candidates(article, quotes[1], quotes[:1])
    putin = _by_name(cands, "فلاديمير بوتين")
    assert putin.feats["in_quote"] == 1.0
    weights = np.zeros(len(FEATURES))
    weights[FEATURES.index("in_quote")] = 10.0  # even weights that favour it cannot make it win
    pick = choose(weights, cands)
    assert pick is not None and not pick.name.startswith("فلاديمير بوتين")


def test_carry_over_candidate_is_the_previous_speaker() -> None:
    article = _article()
    quotes = article_quotes(article)
    cands = candidates(article, quotes[1], quotes[:1], with_rules=False)
    assert _by_name(cands, "سيرغي لافروف").feats["prev"] == 1.0
    assert all(c.feats["rules"] == 0.0 for c in cands)


def test_matrix_follows_the_feature_order() -> None:
    cand = Candidate("x", "PER", {"after": 1.0, "PER": 1.0})
    row = matrix([cand])[0]
    assert row.shape == (len(FEATURES),) and row[FEATURES.index("after")] == 1.0 and row.sum() == 2.0


def test_training_is_deterministic_and_learns_the_label() -> None:
    article = _article()
    quotes = article_quotes(article)
    gold = [{"start": q.start, "end": q.end, "speaker": ["سيرغي لافروف"]} for q in quotes]
    data = examples("t", article, quotes, gold, with_rules=False)
    w1, w2 = train(data), train(data)
    assert np.array_equal(w1, w2)
    picks = [choose(w1, e.candidates) for e in data]
    assert [p.name if p else None for p in picks] == ["سيرغي لافروف", "سيرغي لافروف"]


def test_listwise_training_learns_the_label() -> None:
    article = _article()
    quotes = article_quotes(article)
    gold = [{"start": q.start, "end": q.end, "speaker": ["سيرغي لافروف"]} for q in quotes]
    w = train_softmax(examples("t", article, quotes, gold, with_rules=False))
    assert np.all(np.isfinite(w)) and abs(w[FEATURES.index("bias")]) < 1e-9  # the bias cancels in a softmax
    picks = [choose(w, e.candidates) for e in examples("t", article, quotes, gold, with_rules=False)]
    assert all(p is not None and p.name.startswith("سيرغي لافروف") for p in picks)
