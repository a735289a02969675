"""Story brief: title, summary citations, claim status (corroborated / single_source / disputed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.brief import brief, counted_things, dispute_cues, has_dispute_cue
from marsad.config import Config
from marsad.model import Article, Sentence, Story
from marsad.pipeline import Resources
from marsad.text.sentences import split_sentences
from marsad.text.tokens import word_keys

ARMY = "أعلن الجيش أن غاراته الجوية استهدفت مواقع المسلحين في محيط مدينة الرقة صباح الاثنين."
ARMY_AGAIN = "قال الجيش إن غاراته الجوية استهدفت مواقع المسلحين في محيط مدينة الرقة صباح الاثنين."
DENIAL = "نفى ناشطون أن تكون الغارات الجوية استهدفت مواقع المسلحين في محيط مدينة الرقة، مؤكدين سقوط مدنيين."
FILLER = "وتشهد المنطقة منذ أسابيع موجة نزوح نحو القرى المجاورة بسبب نقص الخبز والوقود."
TOLL_12 = "قتل 12 شخصا في انفجار سيارة مفخخة قرب سوق الخضار وسط مدينة إدلب مساء الجمعة."
TOLL_20 = "قتل 20 شخصا في انفجار سيارة مفخخة قرب سوق الخضار وسط مدينة إدلب مساء الجمعة."


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources(Config())


def article(ident: str, text: str, outlet: str | None = None, duplicate_of: str | None = None,
            title: str = "") -> Article:
    sentences = [Sentence(s, e, i) for i, (s, e) in enumerate(split_sentences(text))]
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


def test_claim_carried_by_two_outlets_is_corroborated(resources):
    story = run(resources, article("a1", f"{ARMY}\n{FILLER}", "outlet-a"), article("b1", ARMY_AGAIN, "outlet-b"))
    claim = claim_about(story, "غاراته")
    assert claim.status == "corroborated"
    assert set(claim.article_ids) == {"a1", "b1"}
    assert {e.relation for e in claim.evidence} == {"supports"}


@pytest.mark.parametrize("copy_outlet, duplicate_of", [("outlet-b", "a1"), ("outlet-a", None)])
def test_syndicated_copy_or_same_outlet_does_not_corroborate(resources, copy_outlet, duplicate_of):
    story = run(resources, article("a1", ARMY, "outlet-a"),
                article("b1", ARMY_AGAIN, copy_outlet, duplicate_of=duplicate_of))
    claim = claim_about(story, "غاراته")
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
