"""The speaker-ranker experiment (marsad.quotes.ranker): candidates, features, training and choice."""

from __future__ import annotations

import numpy as np

from marsad.model import Article, Mention
from marsad.quotes import article_quotes
from marsad.quotes.ranker import (
    FEATURES,
    Candidate,
    candidates,
    choose,
    cue_gender,
    examples,
    matrix,
    mention_type,
    name_gender,
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


def test_verb_gender_of_the_cue() -> None:
    assert cue_gender("وقالت") == "f" and cue_gender("وقال") == "m" and cue_gender("تقول") == "f"
    assert cue_gender("مضيفا") == "m" and cue_gender("") == ""


def test_name_gender_reads_female_names_and_feminine_heads() -> None:
    assert name_gender("كوندوليزا رايس") == "f"
    assert name_gender("وزارة الخارجية") == "f" and name_gender("الجيش الإسرائيلي") == "m"
    assert name_gender("سيرغي لافروف") == "m" and name_gender("") == ""


def test_subject_slot_gender_and_clause_features() -> None:
    text = "وقالت الوزيرة إن الاتفاق سيوقع غدا، وأضاف الرئيس أن الموعد لم يحدد."
    article = _article(text)
    quotes = article_quotes(article)
    cands = candidates(article, quotes[0], [])
    minister = _by_name(cands, "الوزيرة")
    assert minister.feats["subject"] == 1.0 and minister.feats["same_clause"] == 1.0
    assert minister.feats["gender_agree"] == 1.0 and minister.feats["gender_clash"] == 0.0
    president = _by_name(cands, "الرئيس")
    assert president.feats["gender_clash"] == 1.0 and president.feats["log_clauses"] > 0


def test_tagged_mention_type_overlapping_a_phrase() -> None:
    article = _article()
    start = TEXT.index("سيرغي")
    article.mentions = [Mention(start, start + len("سيرغي لافروف"), "سيرغي لافروف", "PER")]
    assert mention_type(article, start, start + 5) == "PER" and mention_type(article, 0, 4) == ""
    lavrov = _by_name(candidates(article, article_quotes(article)[0], []), "سيرغي لافروف")
    assert lavrov.feats["tag_PER"] == 1.0
