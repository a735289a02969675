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
