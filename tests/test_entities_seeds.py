"""The shipped model: loads offline from the package, tags the seeds, and resolves their entities."""

from __future__ import annotations

import json
import socket

import pytest

from marsad.config import Config
from marsad.entities import crf, find_entity, resolve, tag
from marsad.entities.lexicons import MODELS
from marsad.model import Article, Entity, Sentence, Story
from marsad.pipeline import Resources
from marsad.text.sentences import sentences_of


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources(Config())


@pytest.fixture(scope="module")
def seed_story(seed_texts: dict[str, str], resources: Resources) -> tuple[Story, dict[str, Article]]:
    articles = {}
    for name, text in seed_texts.items():
        article = Article(id=name[:3], source=name, text=text)
        article.sentences = sentences_of(text)
        articles[article.id] = tag.fn(article, resources)
    story = Story(id="s1", article_ids=sorted(articles))
    return resolve.fn(story, articles, resources), articles


def test_model_loads_offline_from_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the model must not touch the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    tagger = crf.load()
    assert crf.MODEL_PATH.parent == MODELS and MODELS.name == "models"
    meta = json.loads(crf.META_PATH.read_text(encoding="utf-8"))
    assert meta["feature_version"] == crf.FEATURE_VERSION
    assert crf.MODEL_PATH.stat().st_size < 6_000_000
    assert not tagger.stacked and not crf.stack_path(crf.MODEL_PATH).exists()  # one stage ships (MODEL_CARD.md)
    assert tagger.tag(["قال", "فلاديمير", "بوتين", "في", "موسكو"])[1:3] == ["B-PER", "I-PER"]


def test_tag_skips_non_arabic_sentences(resources: Resources) -> None:
    text = "Vladimir Putin visited Moscow.\nزار فلاديمير بوتين موسكو."
    article = Article(id="x", source="x", text=text,
                      sentences=[Sentence(0, 30, 0, "en"), Sentence(31, len(text), 1, "ar")])
    mentions = tag.fn(article, resources).mentions
    assert mentions and all(m.start >= 31 for m in mentions)
    assert all(text[m.start:m.end] == m.text for m in mentions)


def _entity(story: Story, variant: str) -> Entity:
    hits = [e for e in story.entities if variant in e.variants]
    assert len(hits) == 1, (variant, [e.name for e in story.entities])
    return hits[0]


def _all_spellings(articles: dict[str, Article], entity: Entity) -> set[str]:
    return {articles[a].text[s:e] for a, s, e in entity.mentions}


@pytest.mark.parametrize(("kind", "variants"), [
    ("PER", ["أنطونوف", "أناتولي أنطونوف"]),
    ("PER", ["كوناشنكوف", "إيغور كوناشنكوف"]),
    ("PER", ["أشتون كارتر", "اشتون كارتر"]),
    ("ORG", ["داعش", "تنظيم الدولة الإسلامية", "الدولة الإسلامية"]),
    ("ORG", ["البنتاغون", "وزارة الدفاع الأميركية"]),
    ("ORG", ["وزارة الدفاع الروسية"]),
    ("ORG", ["تاس"]),
    ("LOC", ["سوريا", "سورية"]),
])
def test_seed_entities(seed_story: tuple[Story, dict[str, Article]], kind: str, variants: list[str]) -> None:
    story, articles = seed_story
    entities = {_entity(story, v).id for v in variants}
    assert len(entities) == 1, variants
    entity = _entity(story, variants[0])
    assert entity.type == kind
    assert _all_spellings(articles, entity) == set(entity.variants)


def test_seed_antonov_is_not_konashenkov(seed_story: tuple[Story, dict[str, Article]]) -> None:
    story, _ = seed_story
    antonov, konashenkov = _entity(story, "أنطونوف"), _entity(story, "كوناشنكوف")
    assert antonov.id != konashenkov.id
    assert not set(antonov.variants) & set(konashenkov.variants)


def test_seed_roles_and_speaker_lookup(seed_story: tuple[Story, dict[str, Article]]) -> None:
    story, articles = seed_story
    konashenkov = _entity(story, "كوناشنكوف")
    assert any(r.startswith("المتحدث باسم") for r in konashenkov.roles)
    assert any("نائب وزير الدفاع" in r for r in _entity(story, "أنطونوف").roles)
    assert find_entity(story, "كوناشينكوف") is konashenkov
    assert find_entity(story, "وزارة الدفاع الأمريكية") is _entity(story, "البنتاغون")
    for article in articles.values():
        for mention in article.mentions:
            assert article.text[mention.start:mention.end] == mention.text
            assert mention.entity_id in {e.id for e in story.entities}
