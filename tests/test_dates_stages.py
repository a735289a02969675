"""Stages of marsad.dates: tag (article), infer_publication (corpus), timeline (story)."""

from __future__ import annotations

import pytest

from marsad.config import Config
from marsad.dates import infer_publication, retag, story_publication, tag, timeline
from marsad.dates.stages import dateline
from marsad.model import Article, Sentence, Story
from marsad.pipeline import Resources
from marsad.text.sentences import split_sentences


@pytest.fixture()
def resources() -> Resources:
    return Resources(Config())


def article(aid: str, text: str, published: str | None = None) -> Article:
    spans = split_sentences(text)
    return Article(id=aid, source=aid, text=text, published=published,
                   sentences=[Sentence(s, e, i) for i, (s, e) in enumerate(spans)])


def test_tag_uses_the_publication_date_and_sets_sentences(resources: Resources) -> None:
    a = article("a", "مقدمة الخبر.\nأكد المتحدث الاثنين أن الطائرة خرقت الأجواء السبت 3 أكتوبر.", "2015-10-07")
    times = tag.fn(a, resources).times
    assert [(t.text, t.value, t.sentence) for t in times] == [
        ("الاثنين", "2015-10-05", 1), ("السبت 3 أكتوبر", "2015-10-03", 1)]


def test_tag_falls_back_to_the_dateline(resources: Resources) -> None:
    a = article("a", "آخر تحديث: 6 أكتوبر 2015\nقال المتحدث أمس إن الغارات مستمرة.")
    assert dateline(a.text) is not None
    times = tag.fn(a, resources).times
    assert ("أمس", "2015-10-05") in [(t.text, t.value) for t in times]


def test_tag_without_any_date_keeps_values_unresolved(resources: Resources) -> None:
    a = article("a", "قال المتحدث الاثنين إن الغارات مستمرة منذ 3 أكتوبر.")
    assert [t.value for t in tag.fn(a, resources).times] == ["XXXX-WXX-1", "XXXX-10-03"]


def test_tag_does_not_crash_on_english_or_empty_text(resources: Resources) -> None:
    assert tag.fn(article("e", "Moscow said on Oct. 6, 2015 that..."), resources).times[0].value == "2015-10-06"
    assert tag.fn(article("z", ""), resources).times == []


def test_infer_publication_from_weekday_and_printed_date(resources: Resources) -> None:
    a = article("a", "أكد المتحدث الأربعاء أن الحملة مستمرة.\nوكانت الغارات قد بدأت يوم 30 أيلول/سبتمبر 2015.")
    (out,) = infer_publication.fn([tag.fn(a, resources)], resources)
    assert out.published == "2015-10-07"
    assert "الأربعاء" in (out.published_evidence or "") and "30 أيلول/سبتمبر 2015" in (out.published_evidence or "")


def test_infer_publication_takes_the_year_from_a_dated_peer(resources: Resources) -> None:
    dated = article("p", "أعلنت الوزارة اليوم أن الطائرة خرقت الأجواء السبت 3 أكتوبر.", "2015-10-07")
    undated = article("u", "من جهته أكد المتحدث الاثنين أن مقاتلة خرقت الأجواء السبت 3 أكتوبر/تشرين الأول.")
    arts = [tag.fn(dated, resources), tag.fn(undated, resources)]
    out = infer_publication.fn(arts, resources)[1]
    assert out.published == "2015-10-05"
    assert "2015-10-07" in (out.published_evidence or "")
    assert [t.value for t in out.times] == ["2015-10-05", "2015-10-03"]  # re-tagged from the new anchor


def test_infer_publication_does_not_invent_a_day(resources: Resources) -> None:
    a = article("a", "وكانت الغارات قد بدأت يوم 30 أيلول/سبتمبر 2015.")
    (out,) = infer_publication.fn([tag.fn(a, resources)], resources)
    assert out.published == "2015-09"
    assert out.published_evidence and "not before" in out.published_evidence


def test_infer_publication_leaves_articles_without_a_year_alone(resources: Resources) -> None:
    a = article("a", "قال المتحدث الاثنين إن الغارات مستمرة منذ 3 أكتوبر.")
    (out,) = infer_publication.fn([tag.fn(a, resources)], resources)
    assert out.published is None and out.published_evidence is None


def test_infer_publication_dates_a_syndicated_copy_from_its_canonical(resources: Resources) -> None:
    canonical = article("c", "قال المتحدث إن الغارات مستمرة.", "2015-10-07")
    copy = article("d", "قال المتحدث إن الغارات مستمرة.")
    copy.duplicate_of = "c"
    out = infer_publication.fn([tag.fn(canonical, resources), tag.fn(copy, resources)], resources)[1]
    assert out.published == "2015-10-07" and "copy of article c" in (out.published_evidence or "")


def test_infer_publication_leaves_an_article_without_dates_or_copies_undated(resources: Resources) -> None:
    # seed 002's case: no printed date and no syndicated copy; its peers are only known after clustering
    dated = article("p", "أعلنت الوزارة اليوم أن الغارات مستمرة.", "2015-10-07")
    undated = article("u", "أكد نائب وزير الدفاع أن سلاح الجو على اتصال مستمر مع الجيش.")
    out = infer_publication.fn([tag.fn(dated, resources), tag.fn(undated, resources)], resources)[1]
    assert out.published is None and out.published_evidence is None


def test_infer_publication_keeps_metadata(resources: Resources) -> None:
    a = article("a", "الاثنين 3 أكتوبر 2011", "2015-10-07")
    (out,) = infer_publication.fn([tag.fn(a, resources)], resources)
    assert out.published == "2015-10-07" and out.published_evidence is None


def test_retag_resolves_again_from_a_new_anchor() -> None:
    import datetime as dt

    a = article("a", "قال المتحدث أمس.")
    assert retag(a, dt.date(2015, 10, 7)).times[0].value == "2015-10-06"


def test_timeline_orders_and_merges_events_across_articles(resources: Resources) -> None:
    one = article("1", "خرقت مقاتلة روسية أجواء تركيا السبت 3 أكتوبر/تشرين الأول.\nبدأت الغارات في 30 أيلول/سبتمبر.",
                  "2015-10-07")
    two = article("2", "وكانت مقاتلة روسية خرقت أجواء تركيا يوم 3 أكتوبر.\nوعقد اجتماع العام الماضي.", "2015-10-08")
    arts = {a.id: tag.fn(a, resources) for a in (one, two)}
    story = timeline.fn(Story(id="s", article_ids=["1", "2"]), arts, resources)
    assert [(e.value, e.article_ids) for e in story.timeline] == [("2015-09-30", ["1"]), ("2015-10-03", ["1", "2"])]
    first = story.timeline[1]
    assert first.article_id == "1" and first.text == "السبت 3 أكتوبر/تشرين الأول" and "أجواء تركيا" in first.sentence


def test_timeline_keeps_different_events_of_the_same_day_apart(resources: Resources) -> None:
    one = article("1", "خرقت مقاتلة روسية أجواء تركيا السبت 3 أكتوبر.", "2015-10-07")
    two = article("2", "عقد مجلس الأمن جلسة طارئة في نيويورك يوم 3 أكتوبر لبحث الأزمة.", "2015-10-07")
    arts = {a.id: tag.fn(a, resources) for a in (one, two)}
    story = timeline.fn(Story(id="s", article_ids=["1", "2"]), arts, resources)
    assert [e.article_ids for e in story.timeline] == [["1"], ["2"]]


def test_stage_declarations() -> None:
    assert tag.level == "article" and tag.writes == frozenset({"article.times"})
    assert {"article.text", "article.sentences", "article.published"} <= tag.reads
    assert infer_publication.level == "corpus"
    assert infer_publication.writes == frozenset({"article.published", "article.published_evidence"})
    assert timeline.level == "story" and timeline.writes == frozenset({"story.timeline"})


def test_seeds_dates_are_found(seed_texts: dict[str, str], resources: Resources) -> None:
    arts = []
    for name, text in seed_texts.items():
        arts.append(tag.fn(article(name, text), resources))
    arts = infer_publication.fn(arts, resources)
    found = {(t.text, t.value) for a in arts for t in a.times}
    assert ("السبت 3 أكتوبر/تشرين الأول", "2015-10-03") in found
    assert ("30 أيلول/سبتمبر", "2015-09-30") in found
    assert ("1 تشرين الأول / أكتوبر", "2015-10-01") in found
    assert ("سبتمبر/أيلول 2014", "2014-09") in found
    assert not any("المغرب اليوم" in a.text[t.start - 7:t.end] and t.text == "اليوم" for a in arts for t in a.times)


def test_timeline_values_follow_the_output_schema(repo_dir, resources: Resources) -> None:
    import json
    import re

    schema = json.loads((repo_dir / "marsad" / "schema" / "marsad.schema.json").read_text(encoding="utf-8"))
    pattern = re.compile(schema["$defs"]["iso_value"]["pattern"])
    text = ("في الربع الثالث من عام 2015 وخلال هذا الصيف. السبت 3 أكتوبر الساعة 2 بعد الظهر. "
            "من 3 إلى 5 أكتوبر. الأسبوع الماضي. عام 1437 هـ. في السبعينيات. مساء أمس. يوم 15 محرم 1437 هـ.")
    a = tag.fn(article("a", text, "2015-10-07"), resources)
    story = timeline.fn(Story(id="s", article_ids=["a"]), {"a": a}, resources)
    assert len(story.timeline) >= 5
    for event in story.timeline:
        assert pattern.match(event.value), event.value


def test_story_publication_gives_an_undated_article_the_month_of_its_story_never_a_day():
    arts = {i: Article(id=i, source=f"{i}.txt", published=p) for i, p in
            (("a", "2015-10-05"), ("b", "2015-10-07"), ("c", None))}
    story_publication(Story(id="s", article_ids=["a", "b", "c"]), arts, Resources(Config()))
    assert arts["c"].published == "2015-10"
    assert "2015-10-05 to 2015-10-07" in arts["c"].published_evidence
    assert arts["a"].published == "2015-10-05"


def test_story_publication_leaves_undated_stories_alone_and_spans_months_as_a_year():
    undated = {"x": Article(id="x", source="x.txt")}
    story_publication(Story(id="s", article_ids=["x"]), undated, Resources(Config()))
    assert undated["x"].published is None
    arts = {"a": Article(id="a", source="a", published="2015-09-29"), "b": Article(id="b", source="b", published="2015-10-02"),
            "c": Article(id="c", source="c")}
    story_publication(Story(id="s", article_ids=["a", "b", "c"]), arts, Resources(Config()))
    assert arts["c"].published == "2015"


def test_a_week_of_a_month_sorts_from_its_first_day_plus_whole_weeks() -> None:
    from datetime import date

    from marsad.dates.timeline import sort_key
    assert sort_key("2016-11-W04") == date(2016, 11, 22)
    assert sort_key("2017-03-W01") == date(2017, 3, 1)
