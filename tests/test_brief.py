"""Story brief: title, summary citations, claim status (corroborated / single_source / disputed)."""

from __future__ import annotations

from pathlib import Path

import pytest

import marsad
from marsad.brief import brief, counted_things, dispute_cues, has_dispute_cue
from marsad.claims import (
    SAME_BAR,
    evaluate,
    folder_sentences,
    load_pairs,
    load_status_gold,
    score_statuses,
    similarity_matrix,
    synonyms,
)
from marsad.cluster import load_featurizer
from marsad.config import Config
from marsad.model import Article, Claim, Result, Sentence, Story
from marsad.pipeline import Resources
from marsad.text.sentences import sentences_of
from marsad.text.tokens import word_keys

ARMY = "أعلن الجيش أن غاراته الجوية استهدفت مواقع المسلحين في محيط مدينة الرقة صباح الاثنين."
ARMY_AGAIN = "قال الجيش إن غاراته الجوية استهدفت مواقع المسلحين في محيط مدينة الرقة صباح الاثنين."
DENIAL = "نفى ناشطون أن تكون الغارات الجوية استهدفت مواقع المسلحين في محيط مدينة الرقة، مؤكدين سقوط مدنيين."
FILLER = "وتشهد المنطقة منذ أسابيع موجة نزوح نحو القرى المجاورة بسبب نقص الخبز والوقود."
TOLL_12 = "قتل 12 شخصا في انفجار سيارة مفخخة قرب سوق الخضار وسط مدينة إدلب مساء الجمعة."
TOLL_20 = "قتل 20 شخصا في انفجار سيارة مفخخة قرب سوق الخضار وسط مدينة إدلب مساء الجمعة."
WEATHER = "وأكد المتحدث باسم وزارة الدفاع كوناشينكوف أن حادثة خرق الأجواء كانت نتيجة سوء الأحوال الجوية في المنطقة."
OTHER_DENIAL = "نفى ممثل وزارة الدفاع اللواء كوناشينكوف، شن المقاتلات غارات على مدينة تدمر الأثرية، واصفا الأنباء بالكاذبة."
BANK = "رفع البنك المركزي أسعار الفائدة بمقدار نقطتين مئويتين في اجتماعه الطارئ يوم الخميس لكبح التضخم."
BANK_AGAIN = "قرر البنك المركزي رفع أسعار الفائدة نقطتين مئويتين خلال اجتماع طارئ الخميس بهدف كبح التضخم."
PAIRS = Path(__file__).parent / "fixtures" / "brief" / "claim_pairs.tsv"


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources(Config())


def article(ident: str, text: str, outlet: str | None = None, duplicate_of: str | None = None,
            title: str = "") -> Article:
    sentences = sentences_of(text)
    return Article(id=ident, source=ident, title=title, text=text, outlet=outlet, duplicate_of=duplicate_of,
                   sentences=sentences)


def run(resources: Resources, *articles: Article) -> Story:
    story = Story(id="s-test", article_ids=[a.id for a in articles])
    return brief.fn(story, {a.id: a for a in articles}, resources)


def claim_about(story: Story, words: str):
    found = [c for c in story.claims if words in c.text]
    assert found, [c.text for c in story.claims]
    return found[0]


def test_dispute_cues_are_in_matching_form():
    assert dispute_cues()
    for cue in dispute_cues():
        assert " ".join(word_keys(cue)) == cue


def test_dispute_cue_found_through_clitics_and_spelling():
    assert has_dispute_cue("وزعمت الوزارة أنها ضربت المواقع")
    assert has_dispute_cue("وجاءت المقاطع وقد خلَت من أيّ وجود للمسلحين")
    assert not has_dispute_cue("أعلنت الوزارة أنها ضربت المواقع")


def test_counted_things_pair_numbers_with_what_they_count():
    assert set(counted_things(TOLL_12).values()) == {"12"}
    assert counted_things(TOLL_12).keys() == counted_things(TOLL_20).keys()


def test_claim_reported_by_two_outlets_is_corroborated(resources):
    story = run(resources, article("a1", f"{BANK}\n{FILLER}", "outlet-a"), article("b1", BANK_AGAIN, "outlet-b"))
    claim = claim_about(story, "الفائدة")
    assert claim.status == "corroborated"
    assert set(claim.article_ids) == {"a1", "b1"}
    assert {e.relation for e in claim.evidence} == {"supports"}


def test_one_speakers_statement_relayed_by_two_outlets_is_one_origin(resources):
    """«أعلن الجيش» in one outlet and «قال الجيش» in another: the army's claim, single-sourced, citing both."""
    story = run(resources, article("a1", f"{ARMY}\n{FILLER}", "outlet-a"), article("b1", ARMY_AGAIN, "outlet-b"))
    claim = claim_about(story, "غاراته")
    assert claim.status == "single_source"
    assert set(claim.article_ids) == {"a1", "b1"}


@pytest.mark.parametrize("copy_outlet, duplicate_of", [("outlet-b", "a1"), ("outlet-a", None)])
def test_syndicated_copy_or_same_outlet_does_not_corroborate(resources, copy_outlet, duplicate_of):
    story = run(resources, article("a1", BANK, "outlet-a"),
                article("b1", BANK_AGAIN, copy_outlet, duplicate_of=duplicate_of))
    claim = claim_about(story, "الفائدة")
    assert claim.status == "single_source"
    assert set(claim.article_ids) == {"a1", "b1"}


def test_denial_from_another_outlet_disputes_the_claim(resources):
    story = run(resources, article("a1", ARMY, "outlet-a"), article("b1", ARMY_AGAIN, "outlet-b"),
                article("c1", f"{DENIAL}\n{FILLER}", "outlet-c"))
    claim = claim_about(story, "غاراته")
    assert claim.status == "disputed"
    against = [e for e in claim.evidence if e.relation == "contradicts"]
    assert [e.article_id for e in against] == ["c1"] and "نفى" in against[0].sentence
    assert "c1" not in claim.article_ids


def test_disagreeing_numbers_dispute_the_claim(resources):
    story = run(resources, article("a1", TOLL_12, "outlet-a"), article("b1", TOLL_20, "outlet-b"))
    assert story.claims and all(c.status == "disputed" for c in story.claims)
    assert {e.relation for c in story.claims for e in c.evidence} == {"supports", "contradicts"}


def test_summary_sentence_cites_every_article_carrying_it(resources):
    story = run(resources, article("a1", f"{ARMY}\n{FILLER}", "outlet-a"),
                article("b1", ARMY_AGAIN, "outlet-b"), article("c1", ARMY, "outlet-c"))
    army = [s for s in story.summary if "غاراته" in s.text]
    assert army and set(army[0].article_ids) == {"a1", "b1", "c1"}
    assert len(story.summary) <= resources.config.summary_sentences


def test_title_is_the_central_articles_headline(resources):
    story = run(resources, article("a1", ARMY, "outlet-a", title="غارات على مواقع المسلحين في الرقة"),
                article("b1", ARMY_AGAIN, "outlet-b", title="الجيش: غاراتنا أصابت أهدافها"),
                article("c1", FILLER, "outlet-c", title="نزوح من القرى"))
    assert story.title in {"غارات على مواقع المسلحين في الرقة", "الجيش: غاراتنا أصابت أهدافها"}


def test_non_arabic_sentences_are_left_out_of_the_summary(resources):
    english = article("e1", "Russian jets struck targets near Raqqa on Monday, the army said in a statement.")
    english.sentences = [Sentence(s.start, s.end, s.index, "en") for s in english.sentences]
    story = run(resources, article("a1", ARMY, "outlet-a"), english)
    assert story.summary and all(s.article_ids == ["a1"] for s in story.summary)


def test_seed_report_disputes_the_strikes_claim(resources, seeds_dir: Path):
    arts = []
    for path in sorted(seeds_dir.glob("*.txt")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        arts.append(article(path.stem, "\n".join(lines[1:]), title=lines[0]))
    story = run(resources, *arts)
    seed4 = next(a.id for a in arts if a.id.startswith("004"))
    disputed = [c for c in story.claims if c.status == "disputed"]
    assert any(e.article_id == seed4 and e.relation == "contradicts" for c in disputed for e in c.evidence)
    assert story.title and len(story.title.split()) <= 20
    assert all(s.article_ids for s in story.summary)


# ---------------------------------------------------------------- lexicons and labelled pairs


def test_claim_synonyms_are_in_matching_form():
    assert synonyms()
    for word, concept in synonyms().items():
        assert " ".join(word_keys(word)) == word and " ".join(word_keys(concept)) == concept


def test_claim_pairs_fixture_is_well_formed():
    pairs = load_pairs(PAIRS)
    assert {p.split for p in pairs} == {"cal", "check"}
    assert {p.label for p in pairs} == {"same", "different", "contradicts"}
    assert all(p.a.strip() and p.b.strip() and p.a != p.b for p in pairs)
    assert len({p.event for p in pairs}) >= 5  # seeds plus hand-written events


def test_contradiction_floor_on_held_back_pairs(seeds_dir):
    """Quality gate: contradicts precision/recall on the held-back rows (measured 0.73 / 0.65 on 56 rows;
    0.92 / 0.71 once one standpoint stopped contradicting itself; 0.92 / 0.65 (11 of 17) once a dispute in a
    big story needed the same event beyond its topic words, 2026-11-23: one held-back contradiction lost)."""
    check = [p for p in load_pairs(PAIRS) if p.split == "check"]
    figures = evaluate(check, load_featurizer(), {"seeds": folder_sentences(seeds_dir)})
    precision, recall = figures["contradicts"]
    assert precision >= 0.85 and recall >= 0.6, figures
    assert figures["same"][0] >= 0.8, figures


# ---------------------------------------------------------------- constructed cases


def test_denial_about_another_subject_is_not_a_dispute(resources):
    story = run(resources, article("a1", WEATHER, "outlet-a"), article("b1", OTHER_DENIAL, "outlet-b"))
    claim = claim_about(story, "الأحوال الجوية")
    assert claim.status == "single_source"
    assert not [e for e in claim.evidence if e.relation == "contradicts"]


def test_same_statement_in_three_outlets_is_one_corroborated_claim(resources):
    story = run(resources, article("a1", f"{BANK}\n{FILLER}", "outlet-a"), article("b1", BANK_AGAIN, "outlet-b"),
                article("c1", BANK, "outlet-c"))
    carrying = [c for c in story.claims if "الفائدة" in c.text]
    assert len(carrying) == 1
    assert carrying[0].status == "corroborated" and set(carrying[0].article_ids) == {"a1", "b1", "c1"}


def test_syndicated_copies_never_corroborate(resources):
    """Three copies of one wire story in three outlets are still one source."""
    story = run(resources, article("a1", BANK, "outlet-a"), article("b1", BANK, "outlet-b", duplicate_of="a1"),
                article("c1", BANK_AGAIN, "outlet-c", duplicate_of="a1"))
    assert story.claims and all(c.status == "single_source" for c in story.claims)


def test_syndicated_copy_adds_no_dispute(resources):
    """The army's claim and the activists' denial in one article: a copy of it changes nothing."""
    alone = run(resources, article("a1", f"{ARMY}\n{DENIAL}", "outlet-a"))
    copied = run(resources, article("a1", f"{ARMY}\n{DENIAL}", "outlet-a"),
                 article("b1", f"{ARMY}\n{DENIAL}", "outlet-b", duplicate_of="a1"))
    assert [c.status for c in copied.claims] == [c.status for c in alone.claims]
    against = {e.sentence for c in copied.claims for e in c.evidence if e.relation == "contradicts"}
    assert against == {e.sentence for c in alone.claims for e in c.evidence if e.relation == "contradicts"}


def test_speakers_own_denial_is_its_claim_not_a_dispute(resources):
    """The ministry denies, its spokesman says the same without a denial verb, an outlet relays the denial."""
    denial = "نفت وزارة الداخلية استخدام الرصاص الحي ضد المحتجين في العاصمة خلال احتجاجات الليلة الماضية."
    spokesman = ("وقال المتحدث باسم وزارة الداخلية إن قوات الأمن لم تستخدم الرصاص الحي ضد المحتجين في العاصمة "
                 "خلال احتجاجات الليلة الماضية.")
    relay = "ونقلت وكالة الأنباء عن وزارة الداخلية نفيها استخدام الرصاص الحي ضد المحتجين في العاصمة."
    story = run(resources, article("a1", denial, "outlet-a"), article("b1", spokesman, "outlet-b"),
                article("c1", relay, "outlet-c"))
    assert story.claims and all(c.status != "disputed" for c in story.claims)


def test_evidence_names_article_and_sentence_of_that_article(resources):
    arts = [article("a1", f"{ARMY}\n{FILLER}", "outlet-a"), article("b1", ARMY_AGAIN, "outlet-b"),
            article("c1", f"{DENIAL}\n{FILLER}", "outlet-c")]
    story = run(resources, *arts)
    texts = {a.id: a.text for a in arts}
    for claim in story.claims:
        assert claim.evidence
        for item in claim.evidence:
            assert item.sentence and item.sentence in texts[item.article_id]
        supporting = {e.article_id for e in claim.evidence if e.relation == "supports"}
        assert supporting == set(claim.article_ids)


def test_supports_are_sentences_carrying_the_claim_not_the_topic(resources):
    topic = "واستهدفت غارات أخرى مستودعا للوقود قرب مطار الطبقة العسكري غرب مدينة الرقة مساء الأحد."
    story = run(resources, article("a1", ARMY, "outlet-a"), article("b1", f"{ARMY_AGAIN}\n{topic}", "outlet-b"))
    claim = claim_about(story, "غاراته")
    assert all("مستودعا" not in e.sentence for e in claim.evidence)


def test_headline_repeating_its_body_and_captions_are_not_claims(resources):
    headline = "الجيش: غاراتنا استهدفت مواقع المسلحين في محيط الرقة"
    caption = "صورة لطائرة حربية في قاعدة جوية قرب مدينة الرقة شمال سوريا"
    story = run(resources, article("a1", f"{headline}\n{caption}\n{ARMY}", "outlet-a"))
    texts = [c.text for c in story.claims]
    assert ARMY in texts and headline not in texts and caption not in texts
    assert all(s.text != headline for s in story.summary)


def test_claims_ordered_disputed_then_corroborated_by_outlets_then_single(resources):
    story = run(resources,
                article("a1", f"{ARMY}\n{BANK}\n{FILLER}", "outlet-a"), article("b1", f"{ARMY_AGAIN}\n{BANK_AGAIN}", "outlet-b"),
                article("c1", BANK, "outlet-c"), article("d1", TOLL_12, "outlet-d"), article("e1", TOLL_20, "outlet-e"))
    ranks = {"disputed": 0, "corroborated": 1, "single_source": 2}
    statuses = [ranks[c.status] for c in story.claims]
    assert statuses == sorted(statuses) and statuses[0] == 0
    corroborated = [c for c in story.claims if c.status == "corroborated"]
    assert [len(c.article_ids) for c in corroborated] == sorted((len(c.article_ids) for c in corroborated), reverse=True)
    assert "الفائدة" in corroborated[0].text


def test_summary_has_no_two_sentences_carrying_the_same_claim(resources):
    story = run(resources, article("a1", f"{ARMY}\n{ARMY_AGAIN}\n{FILLER}", "outlet-a"),
                article("b1", f"{BANK}\n{BANK_AGAIN}", "outlet-b"))
    texts = [s.text for s in story.summary]
    sims = similarity_matrix(texts, load_featurizer())
    assert len(texts) >= 2 and float(sims.max()) < SAME_BAR


# ---------------------------------------------------------------- seed regressions (full pipeline)


@pytest.fixture(scope="module")
def seed_result(seeds_dir) -> Result:
    return marsad.analyze([str(seeds_dir)])


def _seed_claims(result: Result) -> list[Claim]:
    return [c for s in result.stories for c in s.claims]


def _seed_id(result: Result, prefix: str) -> str:
    return next(a.id for a in result.articles if Path(a.source).name.startswith(prefix))


def test_regression_palmyra_denial_does_not_dispute_the_weather_claim(seed_result):
    weather = [c for c in _seed_claims(seed_result)
               if any("الظروف الجوية" in e.sentence for e in c.evidence if e.relation == "supports")]
    assert weather
    for claim in weather:
        assert claim.status != "disputed"
        assert not any("تدمر" in e.sentence for e in claim.evidence if e.relation == "contradicts")


def test_regression_cooperation_claim_is_not_disputed(seed_result):
    cooperation = [c for c in _seed_claims(seed_result) if "أوسع" in c.text and "تعاون" in c.text]
    assert cooperation and all(c.status != "disputed" for c in cooperation)


def test_regression_video_report_disputes_the_strike_target_claim(seed_result):
    seed4 = _seed_id(seed_result, "004")
    disputed = [c for c in _seed_claims(seed_result) if c.status == "disputed" and seed4 not in c.article_ids
                and "داعش" in c.text and any(w in c.text for w in ("ضرب", "مواقع", "غارات"))]
    against = [e for c in disputed for e in c.evidence if e.relation == "contradicts" and e.article_id == seed4]
    assert any("فيديو" in e.sentence or "مقاطع" in e.sentence for e in against)


def test_regression_russian_denial_does_not_dispute_russian_claims(seed_result):
    """The ministry's Palmyra denial once «disputed» Moscow's own strikes claim and the 30 September start."""
    for claim in _seed_claims(seed_result):
        if "موسكو" in claim.text or "30 أيلول" in claim.text:
            assert not any("تدمر" in e.sentence for e in claim.evidence if e.relation == "contradicts")


def test_regression_palmyra_denial_is_disputed_by_the_unnamed_source_in_the_same_article(seed_result):
    denial = [c for c in _seed_claims(seed_result)
              if any("كذب مطلق" in e.sentence or "نفى ممثل" in e.sentence for e in c.evidence if e.relation == "supports")]
    assert denial and all(c.status == "disputed" for c in denial)
    assert any("مصدر عسكري" in e.sentence for c in denial for e in c.evidence if e.relation == "contradicts")


def test_seed_statuses_against_the_analyst_gold(seed_result):
    """Quality gate on tests/fixtures/brief/seed_claims.tsv (an analyst's statuses, written before the rules).
    Measured 2026-11-23: 4 of 8 disputed claims right with a gold contradicting sentence (before: 2 of 9),
    contradicting evidence precision 0.36 (before 0.21), sentence status accuracy 0.60 (before 0.56); once a
    dispute needed the same event beyond the topic words: 7 of 7 right, evidence 0.67, accuracy 0.81."""
    prefix = {a.id: Path(a.source).name[:3] for a in seed_result.articles}
    gold = load_status_gold(Path(__file__).parent / "fixtures" / "brief" / "seed_claims.tsv")
    figures = score_statuses(_seed_claims(seed_result), prefix, gold)
    assert figures["disputed_claims_right"] >= 6 and figures["disputed_claims"] <= 8, figures
    assert figures["sentence_disputed_p"] >= 0.9, figures
    assert figures["evidence_p"] >= 0.55 and figures["status_accuracy"] >= 0.75, figures


def test_regression_topic_words_alone_never_dispute(seed_result):
    """Antonov's mosques claim and the ministry's accusation of US aircraft share only topic words
    («عناصر/داعش», strikes in Syria) with the reports on Russian strikes: no dispute."""
    for claim in _seed_claims(seed_result):
        if "يختبئون في المساجد" in claim.text or "باتهام القوات الجوية" in claim.text:
            assert claim.status != "disputed", claim.text
        if "على اتصال مستمر مع الجيش" in claim.text:
            assert claim.status == "single_source"


def test_regression_three_videos_report_is_disputed_by_a_russian_strikes_claim(seed_result):
    claim = next(c for c in _seed_claims(seed_result) if "3 مقاطع فيديو" in c.text)
    against = [e.sentence for e in claim.evidence if e.relation == "contradicts"]
    assert claim.status == "disputed" and against
    assert not any("اتصال مستمر" in s for s in against)
    assert any("ضرباتنا" in s or "ضرباتها" in s for s in against)


def test_seed_summary_prefers_body_sentences_and_cites_every_carrier(seed_result):
    story = seed_result.stories[0]
    assert story.summary and all(s.article_ids for s in story.summary)
    assert all(s.text.rstrip().endswith((".", '"', "”", "»")) for s in story.summary)
    cooperation = [s for s in story.summary if "أوسع" in s.text]
    assert cooperation and all(len(s.article_ids) >= 2 for s in cooperation)


def test_regression_many_copies_of_one_sentence_do_not_hide_other_claims(resources):
    """More copies of one sentence than MAX_CLAIM_HEADS once crowded out every other claim."""
    arts = [article(f"a{k}", f"{ARMY}\n{BANK}", f"outlet-{k}") for k in range(250)]
    story = run(resources, *arts)
    assert any("غاراته" in c.text for c in story.claims) and any("الفائدة" in c.text for c in story.claims)
    assert all(c.status == ("single_source" if "غاراته" in c.text else "corroborated") for c in story.claims)


def test_story_without_claim_candidates_still_gets_its_brief(resources):
    # a short statement is no claim candidate; with no claim group the contradiction search raised
    # IndexError (an empty float array as an index) and the whole story lost its brief
    story = run(resources, article("a1", "وقال الوزير أحمد محمد إن الوضع مستقر.", "outlet-a"))
    assert story.claims == []
    assert story.summary
