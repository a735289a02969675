"""SQLite store: migrations, idempotent saves, failure safety, normalised search, round trips.

The behavioural tests take the store through the fixtures ``store`` (an empty store), ``fresh_store``
(a factory of empty stores, for property tests) and ``target`` (what ``open_store`` opens ``store``
by): tests/test_store_postgres.py runs the same tests against PostgreSQL with its own fixtures.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.errors import StoreError
from marsad.model import (
    Article,
    Claim,
    Entity,
    Evidence,
    Mention,
    Paragraph,
    Quote,
    Rejection,
    Removed,
    Result,
    Sentence,
    Story,
    SummarySentence,
    TimeExpression,
    TimelineEvent,
)
from marsad.store import Store, open_store
from marsad.store.migrate import available_migrations, current_version, migrate, split_statements
from marsad.store.sqlite import SqliteStore, fts_query, snippet

TEXT_1 = ("قال اللواء إيغور كوناشينكوف، المتحدث باسم وزارة الدفاع الروسية، إن الطائرات نفذت ٢٠ طلعة "
          "في 3 أكتوبر/تشرين الأول.\nThe ministry said the strikes hit targets near Raqqa.")
TEXT_2 = "وأكد ايغور كوناشنكوف أن الغارات الروسيّة مستمرة على مواقع التنظيم."


def article(n: int, text: str = TEXT_2, **fields: object) -> Article:
    values: dict[str, object] = {"id": f"a{n}", "source": f"in/{n:03}.txt", "title": f"عنوان الخبر {n}",
                                 "text": text, "outlet": f"وكالة {n}", "published": "2015-10-03", "language": "ar"}
    values.update(fields)
    return Article(**values)  # type: ignore[arg-type]


def story(sid: str, article_ids: list[str], quote_kind: str = "direct") -> Story:
    first = article_ids[0]
    return Story(
        id=sid, title="غارات روسية في سوريا", article_ids=list(article_ids),
        entities=[Entity("e1", "PER", "إيغور كوناشينكوف", ["إيغور كوناشينكوف", "ايغور كوناشنكوف"],
                         list(article_ids), ["المتحدث باسم وزارة الدفاع"], [(first, 11, 27)])],
        quotes=[Quote(first, "الطائرات نفذت 20 طلعة", quote_kind, 60, 80,  # type: ignore[arg-type]
                      "إيغور كوناشينكوف", "e1", ["إنترفاكس"], "قال", 0, "g1")],
        timeline=[TimelineEvent("2015-10-03", "3 أكتوبر", first, "في 3 أكتوبر", list(article_ids))],
        summary=[SummarySentence("نفذت الطائرات الروسية 20 طلعة.", list(article_ids))],
        claims=[Claim("20 طلعة", list(article_ids), "corroborated",
                      [Evidence(a, "نفذت 20 طلعة") for a in article_ids])])


def full_result() -> Result:
    a1 = article(1, TEXT_1, removed=[Removed("اقرأ أيضا", "repeated line", 4)],
                 paragraphs=[Paragraph(0, 99, "ar"), Paragraph(100, 152, "en")],
                 sentences=[Sentence(0, 99, 0), Sentence(100, 152, 1, "en")],
                 mentions=[Mention(11, 27, "إيغور كوناشينكوف", "PER", "gazetteer", "e1", "اللواء")],
                 times=[TimeExpression(79, 99, "3 أكتوبر/تشرين الأول", "2015-10-03", "date", "explicit", 0)],
                 meta={"charset": "utf-8", "lines": [1, 2]})
    a2 = article(2, duplicate_of="a1", url="https://example.org/2")
    return Result(articles=[a1, a2], rejected=[Rejection("in/x.bin", "binary file", "E102")],
                  stories=[story("s1", ["a1", "a2"])])


def counts(store: SqliteStore) -> dict[str, int]:  # or a PostgresStore: same tables, same SQL
    tables = ("articles", "article_removed", "article_mentions", "rejected", "stories", "story_articles",
              "entities", "entity_variants", "quotes", "quote_via", "timeline", "summary", "claims",
              "claim_evidence", "articles_fts")
    return {t: store.connection.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}


@pytest.fixture
def target(tmp_path: Path) -> str:
    return str(tmp_path / "marsad.db")


@pytest.fixture
def store(target: str) -> Iterator[SqliteStore]:
    with SqliteStore(target) as opened:
        yield opened


@pytest.fixture
def fresh_store() -> Callable[[], AbstractContextManager[SqliteStore]]:
    """Empty stores for property tests, one per example."""
    return lambda: SqliteStore(":memory:")


# ---------------------------------------------------------------- migrations


def test_migrations_are_numbered_and_split_into_complete_statements():
    migrations = available_migrations()
    assert [m.version for m in migrations] == list(range(1, len(migrations) + 1))
    for migration in migrations:
        assert all(sqlite3.complete_statement(s) for s in split_statements(migration.sql))


def test_migrations_apply_once_and_reapply_as_no_op(tmp_path):
    path = tmp_path / "m.db"
    with SqliteStore(path) as first:
        latest = first.schema_version()
        assert latest == available_migrations()[-1].version
        first.save(full_result())
    with SqliteStore(path) as again:
        assert again.schema_version() == latest
        rows = again.connection.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
        assert [r[0] for r in rows] == list(range(1, latest + 1))
        assert len(again.load().articles) == 2
        assert migrate(again.connection) == []


def test_wal_mode_is_on(store):
    assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_opening_an_old_database_upgrades_it_and_indexes_its_articles(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, target=2) == [1, 2]
    conn.execute("INSERT INTO articles (id, source, title, text) VALUES ('old', 'old.txt', 'خبر قديم', ?)",
                 ("صرّح إيغـــور كوناشينكوف للصحفيين",))
    conn.close()
    with SqliteStore(path) as upgraded:
        assert upgraded.schema_version() == available_migrations()[-1].version
        assert [hit.article_id for hit in upgraded.search("ايغور")] == ["old"]


def test_a_database_newer_than_the_code_is_refused(tmp_path):
    path = tmp_path / "new.db"
    SqliteStore(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("INSERT INTO schema_version VALUES (999, 'future', datetime('now'))")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        SqliteStore(path)


def test_a_failing_migration_leaves_the_previous_version(tmp_path, monkeypatch):
    from marsad.store import migrate as migrate_module

    broken = [*available_migrations()[:1],
              migrate_module.Migration(2, "broken", "CREATE TABLE t (x INTEGER);\nINSERT INTO nowhere VALUES (1);")]
    monkeypatch.setattr(migrate_module, "available_migrations", lambda: broken)
    conn = sqlite3.connect(tmp_path / "b.db", isolation_level=None)
    with pytest.raises(StoreError, match="migration 2"):
        migrate_module.migrate(conn)
    assert current_version(conn) == 1
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 't'").fetchone() is None


def test_not_a_database_and_missing_folder_are_store_errors(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        SqliteStore(junk)
    with pytest.raises(StoreError, match="folder"):
        SqliteStore(tmp_path / "missing" / "x.db")


def test_the_store_satisfies_the_store_protocol(store):
    def use(backend: Store) -> int:
        return len(backend.load().articles)

    assert use(store) == 0


# ---------------------------------------------------------------- saving


def test_resaving_the_same_result_adds_nothing(store):
    result = full_result()
    first = store.save(result)
    assert (first.articles_added, first.stories_added, first.rejected_added) == (2, 1, 1)
    before = counts(store)
    second = store.save(result)
    assert (second.articles_added, second.stories_added, second.rejected_added) == (0, 0, 0)
    assert (second.articles_unchanged, second.stories_unchanged) == (2, 1)
    assert (second.articles_updated, second.stories_updated) == (0, 0)
    assert counts(store) == before


def test_a_changed_record_is_rewritten_and_an_unchanged_one_skipped(store):
    store.save(full_result())
    changed = full_result()
    changed.articles[1].title = "عنوان جديد"
    changed.stories[0].summary.append(SummarySentence("جملة أخرى.", ["a2"]))
    stats = store.save(changed)
    assert (stats.articles_unchanged, stats.articles_updated, stats.stories_updated) == (1, 1, 1)
    assert store.load().to_dict() == changed.to_dict()
    assert [h.article_id for h in store.search("جديد")] == ["a2"]


def test_overlapping_batches_keep_one_row_per_article_and_replace_story_rows(store):
    store.save(full_result())
    overlap = Result(articles=[article(2), article(3)],
                     rejected=[Rejection("in/x.bin", "binary file", "E102"), Rejection("in/y", "empty", "E101")],
                     stories=[story("s1", ["a1", "a2", "a3"])])
    stats = store.save(overlap)
    assert (stats.articles_added, stats.articles_updated, stats.rejected_added) == (1, 1, 1)
    loaded = store.load()
    assert [a.id for a in loaded.articles] == ["a1", "a2", "a3"]
    assert [s.article_ids for s in loaded.stories] == [["a1", "a2", "a3"]]
    assert len(loaded.stories[0].quotes) == 1 and len(loaded.stories[0].claims[0].evidence) == 3
    assert len(loaded.rejected) == 2
    assert loaded.article("a2").duplicate_of is None  # the later version of a2 replaced the earlier


def test_a_batch_failing_midway_loses_nothing_already_stored(store):
    store.save(full_result())
    before = store.load().to_dict()
    bad = Result(articles=[article(7), article(8)], rejected=[Rejection("in/z", "empty", "E101")],
                 stories=[story("s2", ["a7", "a8"]), story("s3", ["a8"], quote_kind="hearsay")])
    with pytest.raises(StoreError):
        store.save(bad)
    assert store.load().to_dict() == before
    assert store.search("الغارات") and all(h.article_id in {"a1", "a2"} for h in store.search("الغارات"))
    assert store.save(full_result()).articles_added == 0  # the store is still usable


def test_reading_back_one_article_and_the_stories(store):
    result = full_result()
    store.save(result)
    assert store.article("a1") is not None and store.article("a1").meta == {"charset": "utf-8", "lines": [1, 2]}
    assert store.article("nope") is None
    assert [s.id for s in store.stories()] == ["s1"]
    assert store.story_ids_of("a1") == ["s1"] and store.story_ids_of("nope") == []
    assert store.story("s1") == result.stories[0]
    assert store.story("nope") is None


def test_round_trip_of_a_full_result(store):
    result = full_result()
    store.save(result)
    assert store.load().to_dict() == result.to_dict()


# ---------------------------------------------------------------- search


@pytest.mark.parametrize("query", ["إيغور", "ايغور", "إيغـور", "إِيغُور", "كوناشينكوف", "الروسيه", "20 طلعة",
                                   "RAQQA", "والطائرات"])
def test_search_folds_spelling_variants(store, query):
    store.save(full_result())
    assert "a1" in [hit.article_id for hit in store.search(query)]


def test_search_requires_every_word_and_ranks_title_matches(store):
    store.save(full_result())
    assert store.search("كوناشينكوف باريس") == []
    assert [h.article_id for h in store.search("عنوان الخبر 2")][0] == "a2"


def test_search_snippet_is_original_text_around_the_match(store):
    store.save(full_result())
    [hit] = store.search("طلعه")
    assert hit.title == "عنوان الخبر 1"
    assert "٢٠ طلعة" in hit.snippet and "\n" not in hit.snippet


@pytest.mark.parametrize("query", ['"', "AND", "*", "a:b", "NEAR(", "'; DROP TABLE articles; --", "", "،؟",
                                   "& | !", "طلعة:*", "a <-> b", "\\'", "?", "%s"])
def test_search_treats_fts_syntax_as_text(store, query):
    store.save(full_result())
    assert isinstance(store.search(query), list)
    assert len(store.load().articles) == 2


def test_fts_query_quotes_each_word():
    assert fts_query('إيغور "x') == '("ايغور" OR bare : "ايغور") AND ("""x" OR bare : "x")'


def test_snippet_marks_cuts_with_ellipses():
    text = "كلمة " * 40 + "هدف" + " كلمة" * 40
    cut = snippet(text, ["هدف"], context=20)
    assert cut.startswith("…") and cut.endswith("…") and "هدف" in cut


def test_reindex_rebuilds_the_search_index(store):
    store.save(full_result())
    store.connection.execute("DELETE FROM articles_fts")
    assert store.search("ايغور") == []
    store.reindex()
    assert {h.article_id for h in store.search("ايغور")} == {"a1", "a2"}


# ---------------------------------------------------------------- round trip property

# Pieces, not single characters: flags and skin-tone emoji are several code points.
MIXED = st.lists(
    st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة")
                             + ["\u064b", "\u064e", "\u0650", "\u0651", "\u0652", "\u0670",  # diacritics
                                "\u0640", "\u200c", "\u200d", "\u200f", "\u200e", "\u202b", "\u202c",
                                "\u2067", "\u2069", "\u061c", "\ufeff"]  # tatweel, ZWNJ/ZWJ, bidi marks
                             + list("٠١٢٣٤٥٦٧٨٩۰۴0123456789") + list("«»،؛؟.\n\t \"'<>&%_*")
                             + ["😀", "🇸🇾", "👍🏽", "ﻻ", "ﷲ"] + list("Konashenkov Игорь")),
    max_size=60).map("".join)
ANY_TEXT = st.one_of(MIXED, st.text(max_size=30))


@st.composite
def results(draw: st.DrawFn) -> Result:
    n = draw(st.integers(1, 3))
    articles = [Article(id=f"id{i}{draw(MIXED)}", source=draw(ANY_TEXT), title=draw(MIXED), text=draw(MIXED),
                        outlet=draw(st.none() | MIXED), published=draw(st.none() | MIXED),
                        removed=[Removed(draw(ANY_TEXT), draw(MIXED), draw(st.integers(-1, 99)))],
                        meta={"note": draw(MIXED)})
                for i in range(n)]
    ids = [a.id for a in articles]
    entity = Entity(draw(MIXED), "LOC", draw(MIXED), draw(st.lists(MIXED, max_size=3)), ids, [],
                    [(ids[0], 0, draw(st.integers(0, 10**9)))])
    quote = Quote(ids[-1], draw(MIXED), "indirect", 0, 1, draw(st.none() | MIXED), None,
                  draw(st.lists(MIXED, max_size=3)))
    claim = Claim(draw(MIXED), ids, draw(st.sampled_from(["corroborated", "single_source", "disputed"])),
                  [Evidence(ids[0], draw(MIXED), "contradicts")])
    stories = [Story(id=draw(MIXED), title=draw(MIXED), article_ids=ids, entities=[entity], quotes=[quote],
                     timeline=[TimelineEvent(draw(MIXED), draw(MIXED), ids[0], draw(MIXED))],
                     summary=[SummarySentence(draw(MIXED), ids)], claims=[claim])]
    rejected = [Rejection(draw(ANY_TEXT), draw(MIXED))]
    return Result(articles=articles, rejected=rejected, stories=stories)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(result=results())
def test_arabic_and_mixed_script_text_round_trips_unchanged(fresh_store, result):
    with fresh_store() as memory:
        memory.save(result)
        loaded = memory.load()
        assert loaded.to_dict() == result.to_dict()
        assert [a.meta for a in loaded.articles] == [a.meta for a in result.articles]
        for original in result.articles:
            assert memory.article(original.id) == dataclasses.replace(original)
            for word in original.title.split()[:2]:
                memory.search(word)  # any text is a valid query


def test_a_python_error_midway_rolls_the_batch_back(store, monkeypatch):
    from marsad.store import rows

    store.save(full_result())
    before = counts(store)
    real = rows.write_story

    def fail_on_second(conn, item):
        if item.id == "s9":
            raise RuntimeError("worker died")
        return real(conn, item)

    monkeypatch.setattr(rows, "write_story", fail_on_second)
    with pytest.raises(RuntimeError):
        store.save(Result(articles=[article(5)], stories=[story("s8", ["a5"]), story("s9", ["a5"])]))
    assert counts(store) == before and store.article("a5") is None


ARABIC_WORD = st.text(alphabet="ابتثجحخدرزسشصطعغفقكلمنهوي", min_size=3, max_size=9)
DECORATION = st.sampled_from(["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u0640", "\u064b"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=ARABIC_WORD, marks=st.lists(DECORATION, min_size=1, max_size=4), hamza=st.sampled_from("اأإآ"))
def test_search_finds_a_word_whatever_its_diacritics_tatweel_and_alef_form(fresh_store, word, marks, hamza):
    written = hamza + word
    decorated = "".join(ch + (marks[i] if i < len(marks) else "") for i, ch in enumerate("ا" + word))
    with fresh_store() as memory:
        memory.save(Result(articles=[article(1, f"في النص كلمة {written} وغيرها.")]))
        assert [h.article_id for h in memory.search(decorated)] == ["a1"]


def test_two_connections_to_one_file_see_each_others_saves(target):
    with open_store(target) as writer, open_store(target) as reader:
        writer.save(full_result())
        assert [a.id for a in reader.load().articles] == ["a1", "a2"]
        reader.save(Result(articles=[article(3)]))
        assert writer.article("a3") is not None


def test_delete_stories_forgets_story_rows_but_keeps_articles(store):
    article = Article(id="a1", source="a.txt", title="عنوان", text="نص")
    story = Story(id="s-1", title="قصة", article_ids=["a1"],
                  entities=[Entity(id="e1", type="PER", name="أنطونوف", variants=["أنطونوف"], article_ids=["a1"])])
    store.save(Result(articles=[article], stories=[story]))
    assert store.delete_stories(["s-1", "s-none"]) == 1
    assert store.stories() == [] and store.entity_stories("e1") == []
    assert store.article("a1") is not None and store.story_ids_of("a1") == []


def test_search_finds_other_spellings_of_a_stored_name(store):
    a1 = Article(id="a1", source="a.txt", title="تدمر", text="نفى اللواء إيغور كوناشينكوف قصف تدمر.")
    a2 = Article(id="a2", source="b.txt", title="غرب", text="تقع المدينة غرب النهر قرب الجسر.")
    konashenkov = Entity(id="e1", type="PER", name="إيغور كوناشينكوف",
                         variants=["إيغور كوناشينكوف", "ايجور كوناشنكوف"], article_ids=["a1"])
    store.save(Result(articles=[a1, a2], stories=[Story(id="s", article_ids=["a1"], entities=[konashenkov])]))
    assert [h.article_id for h in store.search("ايجور كوناشنكوف")] == ["a1"]
    assert [h.article_id for h in store.search("جرب")] == []  # ordinary words are not folded


def test_upgrading_from_version_4_indexes_the_stored_names_for_search(tmp_path):
    from marsad.store.sqlite import SqliteStore as Store

    path = tmp_path / "v4.db"
    a1 = Article(id="a1", source="a.txt", title="تدمر", text="نفى اللواء إيغور كوناشينكوف قصف تدمر.")
    name = Entity(id="e1", type="PER", name="إيغور كوناشينكوف",
                  variants=["إيغور كوناشينكوف", "ايجور كوناشنكوف"], article_ids=["a1"])
    with Store(path) as store:
        store.save(Result(articles=[a1], stories=[Story(id="s", article_ids=["a1"], entities=[name])]))
        conn = store.connection  # back to what a version-4 database had
        conn.execute("DROP TABLE name_words")
        conn.execute("DROP TABLE person_surnames")
        conn.execute("ALTER TABLE claim_evidence DROP COLUMN char_start")
        conn.execute("ALTER TABLE claim_evidence DROP COLUMN char_end")
        conn.execute("DELETE FROM schema_version WHERE version >= 5")
    with Store(path) as upgraded:
        words = {w for (w,) in upgraded.connection.execute("SELECT word FROM name_words")}
        assert {"ايغور", "ايجور", "كوناشينكوف", "كوناشنكوف"} <= words
        assert [h.article_id for h in upgraded.search("ايجور")] == ["a1"]


def test_upgrading_from_version_6_indexes_the_stored_people_by_surname(tmp_path):
    from marsad.store.sqlite import SqliteStore as Store

    path = tmp_path / "v6.db"
    a1 = Article(id="a1", source="a.txt", title="t", text="نص")
    people = [Entity(id=f"e{i}", type="PER", name=n, variants=[n], article_ids=["a1"])
              for i, n in enumerate(["إيغور كوناشينكوف", "ايجور كوناشنكوف", "أناتولي أنطونوف"])]
    with Store(path) as store:
        store.save(Result(articles=[a1], stories=[Story(id=f"s{i}", article_ids=["a1"], entities=[p])
                                                  for i, p in enumerate(people)]))
        conn = store.connection  # back to what a version-6 database had
        conn.execute("DROP TABLE person_surnames")
        conn.execute("DELETE FROM schema_version WHERE version >= 7")
    with Store(path) as upgraded:
        indexed = {sid for (sid,) in upgraded.connection.execute("SELECT DISTINCT story_id FROM person_surnames")}
        assert indexed == {"s0", "s1", "s2"}
        assert {(a.story_id, a.entity_id) for a in upgraded.entity_stories("e0")} == {("s0", "e0"), ("s1", "e1")}


def test_the_surname_index_goes_with_a_deleted_story(store):
    a1 = Article(id="a1", source="a.txt", title="t", text="نص")
    person = Entity(id="e1", type="PER", name="إيغور كوناشينكوف", variants=["إيغور كوناشينكوف"], article_ids=["a1"])
    store.save(Result(articles=[a1], stories=[Story(id="s1", article_ids=["a1"], entities=[person])]))
    count = "SELECT COUNT(*) FROM person_surnames WHERE story_id = 's1'"
    assert store.connection.execute(count).fetchone()[0] >= 3  # skeleton, folded spelling, initial+length
    store.delete_stories(["s1"])
    assert store.connection.execute(count).fetchone()[0] == 0


def test_a_person_named_another_way_in_another_story_is_found_across_the_store(store):
    def person(eid: str, *names: str) -> Entity:
        return Entity(id=eid, type="PER", name=names[0], variants=list(names), article_ids=["a1"])

    a1 = Article(id="a1", source="a.txt", title="t", text="نص")
    stories = [Story(id="s1", article_ids=["a1"], entities=[person("e1", "إيغور كوناشينكوف")]),
               Story(id="s2", article_ids=["a1"], entities=[person("e2", "ايجور كوناشنكوف")]),
               Story(id="s3", article_ids=["a1"], entities=[person("e3", "كوناشنكوف")]),
               Story(id="s4", article_ids=["a1"], entities=[person("e4", "أناتولي أنطونوف")])]
    store.save(Result(articles=[a1], stories=stories))
    found = store.entity_stories("e1")
    assert [(a.story_id, a.entity_id) for a in found] == [("s1", "e1"), ("s2", "e2"), ("s3", "e3")]
    assert [a.story_id for a in store.entity_stories("e4")] == ["s4"]
    assert [a.story_id for a in store.entity_stories("e2")] == ["s1", "s2", "s3"]  # from any spelling
