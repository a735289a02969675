"""Web UI and JSON API over a store built from hand-made records (no pipeline needed)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from marsad.model import Article, Entity, Result, Story, SummarySentence
from marsad.store.sqlite import SqliteStore
from marsad.web.app import create_app


@pytest.fixture()
def client(tmp_path):
    article = Article(id="a1", source="a.txt", title="الدفاع الروسية <b>تنفي</b>",
                      text="نفى المتحدث إيغور كوناشينكوف قصف تدمر.", outlet="المغرب اليوم", language="ar")
    story = Story(id="s-1", title="الدفاع الروسية تنفي", article_ids=["a1"],
                  entities=[Entity(id="e1", type="PER", name="إيغور كوناشينكوف", variants=["إيغور كوناشينكوف"],
                                   article_ids=["a1"])],
                  summary=[SummarySentence(text="نفى المتحدث قصف تدمر.", article_ids=["a1"])])
    db = tmp_path / "marsad.db"
    with SqliteStore(db) as store:
        store.save(Result(articles=[article], stories=[story]))
    return TestClient(create_app(db))


def test_api_lists_and_returns_stories_and_articles(client):
    assert client.get("/api/health").json()["status"] == "ok"
    stories = client.get("/api/stories").json()
    assert stories == [{"id": "s-1", "title": "الدفاع الروسية تنفي", "articles": 1, "entities": 1,
                        "quotes": 0, "claims": 0}]
    story = client.get("/api/stories/s-1").json()
    assert story["entities"][0]["name"] == "إيغور كوناشينكوف"
    assert client.get("/api/articles/a1").json()["outlet"] == "المغرب اليوم"
    assert client.get("/api/stories/nope").status_code == 404
    assert client.get("/api/articles/nope").status_code == 404


def test_search_folds_spelling_variants(client):
    hits = client.get("/api/search", params={"q": "ايغور"}).json()
    assert [h["article_id"] for h in hits] == ["a1"]
    assert client.get("/api/search", params={"q": ""}).status_code == 422


def test_pages_are_rtl_and_escaped(client):
    index = client.get("/")
    assert index.status_code == 200 and 'dir="rtl"' in index.text and "/stories/s-1" in index.text
    page = client.get("/stories/s-1")
    assert page.status_code == 200 and "كوناشينكوف" in page.text
    assert "<b>تنفي</b>" not in page.text
    results = client.get("/search", params={"q": "كوناشينكوف"})
    assert "/stories/s-1#s1-a" in results.text
    card = results.text.split("/stories/s-1#")[1].split('"')[0]
    assert f'id="{card}"' in page.text


def test_openapi_describes_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}", "/api/search"} <= set(paths)


def test_entity_is_followed_across_stories(tmp_path):
    konashenkov = Entity(id="e1", type="PER", name="إيغور كوناشينكوف", variants=["إيغور كوناشينكوف"], article_ids=["a1"])
    other_spelling = Entity(id="e1", type="PER", name="ايجور كوناشنكوف", variants=["ايجور كوناشنكوف", "كوناشنكوف"],
                            article_ids=["a2"])
    articles = [Article(id=i, source=f"{i}.txt", title=i, text="نص المقال") for i in ("a1", "a2")]
    stories = [Story(id="s-1", title="تدمر", article_ids=["a1"], entities=[konashenkov]),
               Story(id="s-2", title="الطقس", article_ids=["a2"], entities=[other_spelling])]
    db = tmp_path / "m.db"
    with SqliteStore(db) as store:
        store.save(Result(articles=articles, stories=stories))
        assert [a.story_id for a in store.entity_stories("e1")] == ["s-1", "s-2"]
    body = TestClient(create_app(db)).get("/api/entities/e1").json()
    assert [s["id"] for s in body["stories"]] == ["s-1", "s-2"]
    assert {"إيغور كوناشينكوف", "ايجور كوناشنكوف", "كوناشنكوف"} <= set(body["variants"])
    assert TestClient(create_app(db)).get("/api/entities/none").status_code == 404


def test_entity_page_lists_its_stories_spellings_and_quotes(tmp_path):
    from marsad.model import Quote

    first = Entity(id="e1", type="PER", name="إيغور كوناشينكوف", variants=["إيغور كوناشينكوف"], article_ids=["a1"],
                   roles=["المتحدث باسم وزارة الدفاع الروسية"])
    second = Entity(id="e9", type="PER", name="ايجور كوناشنكوف", variants=["ايجور كوناشنكوف"], article_ids=["a2"])
    articles = [Article(id=i, source=f"{i}.txt", title=i, text="نص المقال") for i in ("a1", "a2")]
    stories = [Story(id="s-1", title="تدمر <i>اليوم</i>", article_ids=["a1"], entities=[first],
                     quotes=[Quote("a1", "لم نقصف المدينة", "direct", 0, 15, first.name, "e1", group="g1"),
                             Quote("a3", "لم نقصف المدينه", "direct", 0, 15, first.name, "e1", group="g1")]),
               Story(id="s-2", title="حلب", article_ids=["a2"], entities=[second])]
    db = tmp_path / "m.db"
    with SqliteStore(db) as store:
        store.save(Result(articles=articles, stories=stories))
    client = TestClient(create_app(db))
    page = client.get("/entities/e1")
    assert page.status_code == 200
    html = page.text
    assert 'href="/stories/s-1"' in html and 'href="/stories/s-2"' in html
    assert "ايجور كوناشنكوف" in html and "كتابة أخرى للاسم" in html  # the other story's spelling, its own id
    assert "لم نقصف المدينة" in html and "المتحدث باسم وزارة الدفاع الروسية" in html
    assert "لم نقصف المدينه" not in html and "(2 مقالات)" in html  # one statement, two carriers
    assert "<i>اليوم</i>" not in html  # titles are escaped
    assert client.get("/entities/none").status_code == 404
    story = client.get("/stories/s-1").text
    assert 'href="/entities/e1"' in story


def test_the_static_report_has_no_entity_links(tmp_path):
    from marsad.report import render_html

    story = Story(id="s-1", title="t", article_ids=["a1"], entities=[
        Entity(id="e1", type="PER", name="إيغور كوناشينكوف", variants=["إيغور كوناشينكوف"], article_ids=["a1"])])
    html = render_html(Result(articles=[Article(id="a1", source="a.txt", title="t", text="نص")], stories=[story]))
    assert "/entities/" not in html and "إيغور كوناشينكوف" in html
