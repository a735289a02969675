"""The whole path on the seeds: one story, merged name variants, quotes, dates, schema, store."""

from __future__ import annotations

import json
import sqlite3

import pytest

import marsad
from marsad.text.normalize import skeleton


@pytest.fixture(scope="module")
def seeds_result(seeds_dir):
    return marsad.analyze([seeds_dir])


@pytest.fixture(scope="module")
def story(seeds_result):
    assert len(seeds_result.stories) == 1
    return seeds_result.stories[0]


def entity_with(story, *spellings):
    keys = {skeleton(s) for s in spellings}
    found = [e for e in story.entities if keys & {skeleton(v) for v in e.variants}]
    assert len(found) == 1, f"{spellings}: {[(e.name, e.variants) for e in found]}"
    return found[0]


def test_one_story_holds_all_five_seeds(seeds_result, story):
    assert len(seeds_result.articles) == 5
    assert not seeds_result.rejected
    assert sorted(story.article_ids) == sorted(a.id for a in seeds_result.articles)


def test_name_variants_merged_and_people_kept_apart(story):
    antonov = entity_with(story, "أنطونوف")
    konashenkov = entity_with(story, "كوناشينكوف")
    assert antonov.id != konashenkov.id
    assert {"كوناشينكوف", "كوناشنكوف"} <= {w for v in konashenkov.variants for w in v.split()}
    assert any("انطونوف" in v for v in antonov.variants) and any("أنطونوف" in v for v in antonov.variants)


def test_quotes_introduced_by_qala_with_quotation_marks_found(seeds_result, story):
    seed0 = next(a for a in seeds_result.articles if a.source.endswith("000_a0100a77bcf24b2e.txt"))
    texts = [q.text for q in story.quotes if q.article_id == seed0.id and q.kind == "direct"]
    assert any("مستعدة لإقامة فرق عمل" in t for t in texts)
    assert any("أريد أن أقول مجددا" in t for t in texts)
    speakers = {q.speaker_entity_id for q in story.quotes if q.article_id == seed0.id and q.kind == "direct"}
    assert entity_with(story, "أنطونوف").id in speakers


def test_dual_month_date_found(story):
    values = {(e.text, e.value) for e in story.timeline}
    assert any(v == "2015-10-03" for _, v in values) or any(
        "3 أكتوبر/تشرين الأول" in t for t, _ in values
    ), values


def test_every_summary_sentence_cites_sources(story, seeds_result):
    ids = {a.id for a in seeds_result.articles}
    assert story.summary
    for sentence in story.summary:
        assert sentence.article_ids and set(sentence.article_ids) <= ids


def test_outputs_written_validated_and_idempotent(seeds_result, tmp_path):
    paths = marsad.write_outputs(seeds_result, tmp_path)
    document = json.loads(paths["json"].read_text(encoding="utf-8"))
    marsad.validate(document)
    assert "dir=\"rtl\"" in paths["html"].read_text(encoding="utf-8")
    marsad.write_outputs(seeds_result, tmp_path)
    with sqlite3.connect(paths["db"]) as db:
        assert db.execute("select count(*) from articles").fetchone()[0] == 5


def test_offsets_index_cleaned_text(seeds_result, story):
    by_id = {a.id: a for a in seeds_result.articles}
    for quote in story.quotes:
        text = by_id[quote.article_id].text
        assert 0 <= quote.start < quote.end <= len(text)
    for article in seeds_result.articles:
        for mention in article.mentions:
            assert article.text[mention.start : mention.end] == mention.text
    evidence = [e for claim in story.claims for e in claim.evidence]
    assert evidence
    for item in evidence:
        assert by_id[item.article_id].text[item.start : item.end] == item.sentence
