"""PostgreSQL store: the SQLite store's behavioural tests against a real server, and what is PostgreSQL's own
(migrations, DSN and server errors, concurrent writers, NUL characters, open_store).

A throw-away cluster (marsad.store.pg_cluster: ``initdb`` in a temporary folder, ``pg_ctl`` on a Unix socket
only, no TCP; as ``nobody`` when we are root, where initdb and postgres refuse to run) is made once per
session and stopped at the end. The tests skip, saying why, when the PostgreSQL binaries or psycopg are
missing.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import pytest

# The same behaviour as the SQLite store, run here with this module's fixtures (store, fresh_store, target).
from test_store_sqlite import (  # noqa: F401
    article,
    full_result,
    story,
    test_a_batch_failing_midway_loses_nothing_already_stored,
    test_a_changed_record_is_rewritten_and_an_unchanged_one_skipped,
    test_a_person_named_another_way_in_another_story_is_found_across_the_store,
    test_a_python_error_midway_rolls_the_batch_back,
    test_arabic_and_mixed_script_text_round_trips_unchanged,
    test_delete_stories_forgets_story_rows_but_keeps_articles,
    test_overlapping_batches_keep_one_row_per_article_and_replace_story_rows,
    test_reading_back_one_article_and_the_stories,
    test_reindex_rebuilds_the_search_index,
    test_resaving_the_same_result_adds_nothing,
    test_round_trip_of_a_full_result,
    test_search_finds_a_word_whatever_its_diacritics_tatweel_and_alef_form,
    test_search_finds_other_spellings_of_a_stored_name,
    test_search_folds_spelling_variants,
    test_search_requires_every_word_and_ranks_title_matches,
    test_search_snippet_is_original_text_around_the_match,
    test_search_treats_fts_syntax_as_text,
    test_the_store_satisfies_the_store_protocol,
    test_two_connections_to_one_file_see_each_others_saves,
)

from marsad.errors import StoreError
from marsad.model import Article, Result
from marsad.store import open_store
from marsad.store.migrate import available_migrations
from marsad.store.pg_cluster import ClusterUnavailable, LocalServer, throwaway_cluster

LATEST = available_migrations("migrations_pg")[-1].version

# ---------------------------------------------------------------- a throw-away server


@pytest.fixture(scope="session")
def pg_server() -> Iterator[LocalServer]:
    pytest.importorskip("psycopg", reason="psycopg 3 is not installed (pip install 'marsad[postgres]')")
    try:
        with throwaway_cluster() as server:
            yield server
    except ClusterUnavailable as exc:
        pytest.skip(exc.message)


_made = iter(range(1, 10**6))


@pytest.fixture
def new_database(pg_server: LocalServer) -> Callable[..., str]:
    """Make an empty database; returns its DSN."""
    import psycopg

    def make(*options: str) -> str:
        name = f"t{os.getpid()}_{next(_made)}"
        with psycopg.connect(pg_server.dsn(), autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {name} {' '.join(options)}")
        return pg_server.dsn(name)

    return make


@pytest.fixture(scope="session")
def shared_dsn(pg_server: LocalServer) -> str:
    """One database for the behavioural tests, emptied before each (faster than one database per test)."""
    import psycopg

    with psycopg.connect(pg_server.dsn(), autocommit=True) as admin:
        admin.execute("CREATE DATABASE behaviour")
    return pg_server.dsn("behaviour")


@pytest.fixture(scope="session")
def shared_store(shared_dsn: str) -> Iterator[Any]:
    from marsad.store.postgres import PostgresStore

    with PostgresStore(shared_dsn) as opened:
        yield opened


def _empty(store: Any) -> None:
    for table in ("stories", "articles", "rejected", "name_words"):  # the others follow by ON DELETE CASCADE
        store.connection.execute(f"DELETE FROM {table}")


@pytest.fixture
def target(shared_dsn: str, shared_store: Any) -> str:
    _empty(shared_store)
    return shared_dsn


@pytest.fixture
def store(target: str, shared_store: Any) -> Any:
    return shared_store


@pytest.fixture
def fresh_store(shared_store: Any) -> Callable[[], AbstractContextManager[Any]]:
    @contextmanager
    def emptied() -> Iterator[Any]:
        _empty(shared_store)
        yield shared_store

    return emptied


# ---------------------------------------------------------------- migrations


def test_pg_migrations_are_numbered_and_apply_once(new_database):
    import psycopg

    from marsad.store.migrate import available_migrations
    from marsad.store.postgres import PostgresStore, migrate

    migrations = available_migrations("migrations_pg")
    assert [m.version for m in migrations] == list(range(1, len(migrations) + 1))
    dsn = new_database()
    with PostgresStore(dsn) as first:
        assert first.schema_version() == migrations[-1].version
        first.save(full_result())
    with PostgresStore(dsn) as again, psycopg.connect(dsn, autocommit=True) as conn:
        assert [r[0] for r in conn.execute("SELECT version FROM schema_version ORDER BY version")] == \
            [m.version for m in migrations]
        assert migrate(conn) == []
        assert len(again.load().articles) == 2


def test_pg_tables_match_the_sqlite_tables(new_database, tmp_path):
    """One row module serves both backends: same tables, same columns in the same order."""
    import psycopg

    from marsad.store.postgres import PostgresStore
    from marsad.store.sqlite import SqliteStore

    dsn = new_database()
    PostgresStore(dsn).close()
    with SqliteStore(tmp_path / "m.db") as lite, psycopg.connect(dsn) as conn:
        tables = [r[0] for r in lite.connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'articles_fts%'")]
        for table in tables:
            lite_columns = [r[1] for r in lite.connection.execute(f"PRAGMA table_info({table})")]
            pg_columns = [r[0] for r in conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = %s ORDER BY ordinal_position",
                (table,))]
            assert pg_columns == lite_columns, table


def test_opening_an_old_pg_database_upgrades_it_and_indexes_its_articles(new_database):
    import psycopg

    from marsad.store.postgres import PostgresStore, migrate

    dsn = new_database()
    with psycopg.connect(dsn, autocommit=True) as conn:
        assert migrate(conn, target=2) == [1, 2]
        conn.execute("INSERT INTO articles (id, source, title, text) VALUES ('old', 'old.txt', 'خبر قديم', %s)",
                     ("صرّح إيغـــور كوناشينكوف للصحفيين",))
    with PostgresStore(dsn) as upgraded:
        assert upgraded.schema_version() == LATEST
        assert [hit.article_id for hit in upgraded.search("ايغور")] == ["old"]


def test_a_pg_database_newer_than_the_code_is_refused_naming_it(new_database):
    import psycopg

    from marsad.store.postgres import PostgresStore

    dsn = new_database()
    PostgresStore(dsn).close()
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_version (version, name) VALUES (999, 'future')")
    with pytest.raises(StoreError, match="newer") as raised:
        PostgresStore(dsn)
    assert raised.value.source == dsn and dsn in str(raised.value)


def test_a_failing_pg_migration_leaves_the_previous_version(new_database, monkeypatch):
    import psycopg

    from marsad.store import postgres
    from marsad.store.migrate import Migration, available_migrations

    broken = [*available_migrations("migrations_pg")[:1],
              Migration(2, "broken", "CREATE TABLE t (x INTEGER);\nINSERT INTO nowhere VALUES (1);")]
    monkeypatch.setattr(postgres, "available_migrations", lambda folder: broken)
    dsn = new_database()
    with pytest.raises(StoreError, match="migration 2"):
        postgres.PostgresStore(dsn)
    with psycopg.connect(dsn, autocommit=True) as conn:
        assert postgres.current_version(conn) == 1
        assert conn.execute("SELECT to_regclass('t')").fetchone() == (None,)


# ---------------------------------------------------------------- connecting


def test_a_server_that_is_not_there_is_a_store_error_naming_the_target(pg_server, tmp_path):
    from marsad.store.postgres import PostgresStore

    dsn = f"postgresql://marsad:secret@/postgres?host={tmp_path}&port={pg_server.port}&connect_timeout=2"
    with pytest.raises(StoreError, match="cannot connect") as raised:
        PostgresStore(dsn)
    assert "marsad:***@" in str(raised.value) and "secret" not in str(raised.value)


def test_a_malformed_dsn_is_a_store_error(pg_server):
    from marsad.store.postgres import PostgresStore

    with pytest.raises(StoreError, match="postgresql://marsad@/x") as raised:
        PostgresStore("postgresql://marsad@/x?nosuchoption=1")
    assert "DSN" in str(raised.value) or "connect" in str(raised.value)


def test_a_database_that_cannot_hold_arabic_is_refused(new_database):
    from marsad.store.postgres import PostgresStore

    dsn = new_database("ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0")
    with pytest.raises(StoreError, match="UTF8"):
        PostgresStore(dsn)


def test_open_store_picks_the_backend_from_the_target(shared_dsn, tmp_path):
    from marsad.store.postgres import PostgresStore
    from marsad.store.sqlite import SqliteStore

    with open_store(shared_dsn) as pg, open_store(tmp_path / "m.db") as lite:
        assert isinstance(pg, PostgresStore) and isinstance(lite, SqliteStore)
    with open_store(shared_dsn.replace("postgresql://", "postgres://", 1)) as short:
        assert isinstance(short, PostgresStore)


def test_open_store_on_a_file_does_not_import_psycopg(tmp_path):
    code = ("import sys; from marsad.store import open_store; open_store(sys.argv[1]).close(); "
            "assert 'psycopg' not in sys.modules and 'marsad.store.postgres' not in sys.modules")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "m.db")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


# ---------------------------------------------------------------- PostgreSQL's own behaviour


def test_nul_characters_round_trip_though_postgresql_text_refuses_them(store):
    text = "نص\x00فيه صفر \U0010fffe0 و\U0010fffe"
    stored = Article(id="a\x00", source="x\x00.txt", title="عنوان\x00", text=text, meta={"k": "\x00"})
    store.save(Result(articles=[stored]))
    assert store.article("a\x00") == stored
    assert store.load().articles == [stored]
    assert [h.article_id for h in store.search("فيه")] == ["a\x00"]


def test_concurrent_writers_queue_instead_of_failing(target, store):
    from marsad.store.postgres import PostgresStore

    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            with PostgresStore(target) as own:
                for _ in range(3):
                    own.save(Result(articles=[article(1), article(n)], stories=[story("s1", ["a1", f"a{n}"])]))
        except BaseException as exc:  # reported below
            errors.append(exc)

    writers = [threading.Thread(target=write, args=(n,)) for n in (2, 3, 4)]
    for w in writers:
        w.start()
    for w in writers:
        w.join(timeout=60)
    assert errors == []
    assert [a.id for a in store.load().articles][0] == "a1" and len(store.load().articles) == 4
    assert len(store.stories()) == 1


def test_search_ranks_a_title_match_above_a_text_match(store):
    in_text = article(1, "خبر عن مدينة تدمر وما حولها", title="عنوان")
    in_title = article(2, "خبر آخر", title="تدمر")
    store.save(Result(articles=[in_text, in_title]))
    assert [h.article_id for h in store.search("تدمر")] == ["a2", "a1"]
    assert [h.article_id for h in store.search("تدمر", limit=1)] == ["a2"]
    assert store.search("تدمر", limit=0) == []


def test_processes_opening_a_new_database_at_once_migrate_it_once(new_database):
    from marsad.store.postgres import PostgresStore

    dsn, errors, versions = new_database(), [], []

    def open_it() -> None:
        try:
            with PostgresStore(dsn) as opened:
                versions.append(opened.schema_version())
        except BaseException as exc:  # reported below
            errors.append(exc)

    openers = [threading.Thread(target=open_it) for _ in range(4)]
    for o in openers:
        o.start()
    for o in openers:
        o.join(timeout=60)
    assert errors == [] and versions == [LATEST] * 4


def test_a_page_too_long_for_one_tsvector_is_saved_and_searchable(store, seed_texts):
    """A tsvector holds at most 1 MB: 90,000 distinct words (text + clitic-free copy) would need ~2 MB.
    Past 16383 words only new words are indexed, so a long page that repeats itself is searchable to its end."""
    letters = "بتثجحخدذرزسشصضطظعغفقكمن"
    distinct = ["".join(letters[(i // len(letters) ** k) % len(letters)] for k in range(4)) for i in range(90_000)]
    repeating = "\n".join(seed_texts.values()) * 30 + " كلمةنادرة"
    store.save(Result(articles=[Article(id="distinct", source="d.html", title="صفحة", text=" ".join(distinct)),
                                Article(id="repeating", source="r.html", title="صفحة", text=repeating)]))
    assert store.article("distinct").text == " ".join(distinct)
    assert [h.article_id for h in store.search(distinct[7])] == ["distinct"]
    assert [h.article_id for h in store.search("كلمةنادرة")] == ["repeating"]


def test_cli_analyze_into_postgres_then_search_it(new_database, tmp_path, seeds_dir):
    from typer.testing import CliRunner

    from marsad.cli import app

    dsn = new_database()
    runner = CliRunner()
    analysed = runner.invoke(app, ["analyze", str(seeds_dir), "--out", str(tmp_path / "out"), "--store", dsn, "-q"])
    assert analysed.exit_code == 0, analysed.output
    assert not (tmp_path / "out" / "marsad.db").exists()
    found = runner.invoke(app, ["search", "كوناشنكوف", "--db", dsn])
    assert found.exit_code == 0 and len(found.output.strip().splitlines()) >= 2
