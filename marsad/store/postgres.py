"""PostgreSQL store: the same records, behaviour and search as the SQLite store, on a server.

    >>> store = PostgresStore("postgresql://marsad@db.example/marsad")   # doctest: +SKIP
    >>> store.save(result)                                               # doctest: +SKIP
    >>> store.search("إيغور")                                             # doctest: +SKIP

Tables match the SQLite store's (``migrations_pg/``), and ``marsad.store.rows`` reads and writes both
through a small adapter (``?`` placeholders, rows by name or position). Each ``save`` is one transaction,
taken under an advisory lock so concurrent writers queue as SQLite's ``BEGIN IMMEDIATE`` makes them;
reads share one snapshot (REPEATABLE READ). Search runs over ``match_key``-normalised words computed in
Python on write and on the query (a ``tsvector`` built with the 'simple' configuration, ranked by
``ts_rank`` with the title weighted highest). Needs psycopg 3 (``pip install marsad[postgres]``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import psycopg

from marsad.errors import StoreError
from marsad.model import Result
from marsad.store import EntityAppearance, SaveStats, SearchHit
from marsad.store import rows as R
from marsad.store.common import RecordQueries, display_target, name_spellings, snippet
from marsad.store.migrate import Migration, apply_pending, available_migrations
from marsad.text.normalize import match_key
from marsad.text.tokens import WORD_CHARS

__all__ = ["PostgresStore", "migrate"]

MIGRATIONS = "migrations_pg"
LOCK_KEY = 0x6D61_7273_6164_0001  # pg_advisory_xact_lock key of Marsad's writers ('marsad' + 1)
CONNECT_TIMEOUT = 10  # seconds, unless the DSN says otherwise
# ts_rank weights {D, C, B, A}: title (A) 3x the text (B), clitic-free words (D) half the text, as the
# SQLite store's bm25(articles_fts, 3.0, 1.0, 0.5).
RANK_WEIGHTS = "{0.15, 0, 0.3, 0.9}"


# New rows in one save after which the store runs ANALYZE (a few hundred ms on a newsroom-sized database).
ANALYZE_AFTER = 500


class PostgresStore(RecordQueries):
    """A Marsad store in a PostgreSQL database named by a libpq DSN (``postgresql://...`` or ``key=value``)."""

    def __init__(self, dsn: str) -> None:
        self._search_index = TSVECTOR
        self.target = display_target(dsn)
        self._raw = _connect(dsn, self.target)
        self._conn = PgConnection(self._raw)
        try:
            migrate(self._raw)
            self._check_index()
        except BaseException as exc:
            self._raw.close()
            if isinstance(exc, StoreError) and exc.source is None:
                exc.source = self.target
            if isinstance(exc, psycopg.Error):
                raise StoreError(f"cannot prepare the store: {exc}", source=self.target) from exc
            raise

    # ------------------------------------------------------------ lifecycle

    def close(self) -> None:
        self._raw.close()

    @property
    def connection(self) -> PgConnection:
        """The connection for ad-hoc SQL, as the row code sees it: ``?`` placeholders, autocommit, rows
        read by name or position; ``.raw`` is the psycopg connection itself."""
        return self._conn

    def schema_version(self) -> int:
        return int(self._raw.execute("SELECT MAX(version) FROM schema_version").fetchone()[0])  # type: ignore[index]

    # ------------------------------------------------------------ writing

    def save(self, result: Result) -> SaveStats:
        """Store a result in one transaction (``RecordQueries.save``); after a large batch, refresh the
        planner's statistics so the next queries do not plan for the empty tables the server last saw
        (autovacuum would only do it a minute or more later: a person lookup on 400 fresh stories took
        190 ms with the empty-table plan, a few ms after ANALYZE)."""
        stats = super().save(result)
        if stats.stories_added + stats.articles_added >= ANALYZE_AFTER:
            try:
                self._raw.execute("ANALYZE")
            except psycopg.Error as exc:
                raise StoreError(f"cannot refresh statistics after saving: {exc}", source=self.target) from exc
        return stats

    def reindex(self) -> None:
        """Rebuild the search index and the name words from what is stored (after the normaliser changed)."""
        with self._transaction("reindex"):
            self._conn.execute("DELETE FROM articles_fts")
            for seq, title, text in self._conn.execute("SELECT seq, title, text FROM articles").fetchall():
                TSVECTOR.add(self._conn, seq, title, text)
            self._conn.execute("DELETE FROM name_words")
            variants = [v for (v,) in self._conn.execute("SELECT DISTINCT variant FROM entity_variants").fetchall()]
            R.write_name_words(self._conn, variants)
            R.rebuild_person_surnames(self._conn)
            self._conn.execute("UPDATE store_meta SET value = ? WHERE key = 'fts_normaliser'", (R.SEARCH_NORMALISER,))

    def _check_index(self) -> None:
        row = self._conn.execute("SELECT value FROM store_meta WHERE key = 'fts_normaliser'").fetchone()
        if row is None or row[0] != R.SEARCH_NORMALISER:
            self.reindex()

    @contextmanager
    def _transaction(self, what: str, *, read_only: bool = False) -> Iterator[None]:
        """One transaction: writers queue on the advisory lock, readers see one snapshot; psycopg errors
        become ``StoreError`` after the rollback."""
        try:
            with self._raw.transaction():
                if read_only:
                    self._raw.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                else:
                    self._raw.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
                yield
        except psycopg.Error as exc:
            raise StoreError(f"cannot {what}: {_first_line(exc)}", source=self.target) from exc

    def _reading(self) -> Any:
        return self._transaction("read", read_only=True)

    # ------------------------------------------------------------ reading

    def story_ids_of(self, article_id: str) -> list[str]:
        """The stories an article belongs to (normally one), in code-point order as SQLite gives them."""
        with self._reading():
            rows = self._conn.execute("SELECT story_id FROM story_articles WHERE article_id = ? "
                                      'ORDER BY story_id COLLATE "C"', (article_id,)).fetchall()
        return [r["story_id"] for r in rows]

    def _appearances(self, where: str, args: tuple[str, ...]) -> list[EntityAppearance]:
        rows = self._conn.execute(
            "SELECT e.story_id, s.title, e.type, e.name, e.entity_id, array_agg(v.variant) AS variants "
            "FROM entities e JOIN stories s ON s.id = e.story_id "
            "LEFT JOIN entity_variants v ON v.story_id = e.story_id AND v.entity_position = e.position "
            f"{where} GROUP BY e.story_id, e.position, s.title ORDER BY e.story_id", args).fetchall()
        return [EntityAppearance(r["story_id"], r["title"], r["type"], r["name"],
                                 sorted(set(r["variants"]) - {None, ""}), r["entity_id"]) for r in rows]

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Articles matching every word of ``query`` after normalisation, best first (``ts_rank``).

        A word that spells a stored name another way also matches the name's other spellings (as
        ``SqliteStore.search``)."""
        if limit <= 0:
            return []
        with self._reading():
            spellings = name_spellings(self._conn, match_key(query).split())
            expression = ts_query(query, spellings)
            if not expression:
                return []
            found = self._conn.execute(
                "SELECT a.id, a.title, a.text FROM articles_fts f JOIN articles a ON a.seq = f.seq, "
                "to_tsquery('simple', ?) q WHERE f.document @@ q "
                f"ORDER BY ts_rank('{RANK_WEIGHTS}', f.document, q) DESC, a.seq LIMIT ?",
                (expression, limit)).fetchall()
        terms = match_key(query).split() + sorted({w for ws in spellings.values() for w in ws})
        return [SearchHit(row["id"], row["title"], snippet(row["text"], terms)) for row in found]


def migrate(conn: psycopg.Connection[Any], target: int | None = None) -> list[int]:
    """Apply pending ``migrations_pg`` up to ``target`` (default: all) on an autocommit connection; each
    runs in its own transaction under the writers' advisory lock, so two processes never apply one twice."""
    return apply_pending(available_migrations(MIGRATIONS), lambda: current_version(conn),
                         lambda m: _apply(conn, m), target)


def current_version(conn: psycopg.Connection[Any]) -> int:
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
        return _read_version(conn)


def _read_version(conn: psycopg.Connection[Any]) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                 "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0) if row else 0


def _apply(conn: psycopg.Connection[Any], migration: Migration) -> bool:
    try:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
            if _read_version(conn) >= migration.version:
                return False
            conn.execute(migration.sql.encode("utf-8"))  # bytes: a script, sent as is (no placeholders)
            conn.execute("INSERT INTO schema_version (version, name) VALUES (%s, %s)",
                         (migration.version, migration.name))
    except psycopg.Error as exc:
        raise StoreError(f"migration {migration.version} ({migration.name}) failed: {_first_line(exc)}") from exc
    return True


# ---------------------------------------------------------------- connection


def _connect(dsn: str, target: str) -> psycopg.Connection[Any]:
    extra: dict[str, Any] = {} if "connect_timeout" in dsn else {"connect_timeout": CONNECT_TIMEOUT}
    try:
        conn = psycopg.connect(dsn, autocommit=True, row_factory=_row_maker, application_name="marsad", **extra)
    except psycopg.ProgrammingError as exc:
        raise StoreError(f"not a valid PostgreSQL DSN: {_first_line(exc)}", source=target) from exc
    except psycopg.Error as exc:
        raise StoreError(f"cannot connect to PostgreSQL: {_first_line(exc)}", source=target) from exc
    encoding = conn.info.parameter_status("server_encoding") or ""
    if encoding != "UTF8":
        conn.close()
        raise StoreError(f"the database's encoding is {encoding}; Arabic text needs a UTF8 database "
                         "(CREATE DATABASE ... ENCODING 'UTF8')", source=target)
    return conn


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


class PgConnection:
    """A psycopg connection as ``rows.Connection``: ``?`` placeholders, rows by name or position, and text
    with NUL characters (which PostgreSQL's text refuses) escaped on the way in and back on the way out."""

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> psycopg.Cursor[Any]:
        return self.raw.execute(_placeholders(sql), [_escape(v) for v in parameters])

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> None:
        with self.raw.cursor() as cursor:
            cursor.executemany(_placeholders(sql), [[_escape(v) for v in row] for row in parameters])


@lru_cache(maxsize=256)
def _placeholders(sql: str) -> str:
    """``?`` -> ``%s`` (the row code's SQL has no ``?`` or ``%`` in literals; a literal ``%`` is doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


_NUL, _ESC = "\x00", "\U0010fffe"  # _ESC: a noncharacter, itself escaped when it occurs in text
_UNESCAPE = re.compile(f"{_ESC}(.)", re.DOTALL)


def _escape(value: Any) -> Any:
    if isinstance(value, str) and (_NUL in value or _ESC in value):
        return value.replace(_ESC, _ESC + "e").replace(_NUL, _ESC + "0")
    return value


def _unescape(value: Any) -> Any:
    if isinstance(value, str) and _ESC in value:
        return _UNESCAPE.sub(lambda m: _NUL if m.group(1) == "0" else _ESC, value)
    if isinstance(value, list):
        return [_unescape(v) for v in value]
    return value


class _Row(tuple[Any, ...]):
    """A row read by position (a tuple) or by column name, as ``sqlite3.Row``."""

    names: dict[str, int]

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self.names[key])
        return tuple.__getitem__(self, key)


def _row_maker(cursor: Any) -> Any:
    names = {column.name: i for i, column in enumerate(cursor.description or ())}

    def make(values: Sequence[Any]) -> _Row:
        row = _Row(_unescape(v) for v in values)
        row.names = names
        return row

    return make


# ---------------------------------------------------------------- search


class TsvectorIndex:
    """``articles_fts``: one tsvector per article (title A, text B, clitic-free words D), words split in Python."""

    SQL = ("INSERT INTO articles_fts (seq, document) VALUES (?, setweight(to_tsvector('simple', ?), 'A') || "
           "setweight(to_tsvector('simple', ?), 'B') || setweight(to_tsvector('simple', ?), 'D'))")

    def add(self, conn: R.Connection, seq: int, title: str, text: str) -> None:
        title_key, text_key, bare = R.fts_columns(title, text)
        conn.execute(self.SQL, (seq, _capped(_WORD.findall(title_key)), _capped(_WORD.findall(text_key)),
                                _capped(bare.split())))

    def remove(self, conn: R.Connection, seq: int) -> None:
        conn.execute("DELETE FROM articles_fts WHERE seq = ?", (seq,))


TSVECTOR = TsvectorIndex()
_WORD = re.compile(f"[{WORD_CHARS}]+")  # the words rows.bare_words splits text into
_HAS_WORD = re.compile(r"\w", re.UNICODE)


# A tsvector holds at most 1 MB and positions up to 16383: past that many words of a column, only words
# not seen before are indexed, and at most that many again (a 4 MB page of unique words stays under 1 MB).
MAX_POSITIONED_WORDS = 16383


def _capped(words: list[str]) -> str:
    """The words to index for one column, space-separated, bounded as ``MAX_POSITIONED_WORDS`` says."""
    if len(words) <= MAX_POSITIONED_WORDS:
        return " ".join(words)
    head = words[:MAX_POSITIONED_WORDS]
    seen = set(head)
    tail = list(dict.fromkeys(w for w in words[MAX_POSITIONED_WORDS:] if w not in seen))
    return " ".join(head + tail[:MAX_POSITIONED_WORDS])


def ts_query(query: str, spellings: dict[str, set[str]] | None = None) -> str:
    """A ``to_tsquery('simple', ...)`` expression for ``query``: every normalised word must match, as
    written or clitic-free (weight D), or as one of its other ``spellings``. Each word becomes quoted
    lexemes, so tsquery syntax in user input (&, |, !, :*, quotes) is matched as text, never run."""
    parts = []
    for word in match_key(query).split():
        forms = [word, *sorted((spellings or {}).get(word, ()))]
        alternatives = [_phrase(_WORD.findall(f)) for f in forms if _HAS_WORD.search(f)]
        alternatives += [_phrase((R.bare_words(f) or "").split(), ":D") for f in forms if _HAS_WORD.search(f)]
        alternatives = [a for a in alternatives if a]
        if alternatives:
            parts.append("(" + " | ".join(dict.fromkeys(alternatives)) + ")")
    return " & ".join(parts)


def _phrase(tokens: Sequence[str], weight: str = "") -> str:
    return " <-> ".join(f"'{_lexeme(t)}'{weight}" for t in tokens)


def _lexeme(token: str) -> str:
    return token.replace("\\", "\\\\").replace("'", "''")
