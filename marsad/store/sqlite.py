"""SQLite store: the default backend, one file, WAL mode, FTS5 search over normalised text.

    >>> store = SqliteStore("out/marsad.db")         # doctest: +SKIP
    >>> store.save(result)                           # doctest: +SKIP
    >>> store.search("إيغور")                         # doctest: +SKIP

Each ``save`` is one transaction: a batch that fails midway leaves the store as it was before it.
Saving is idempotent: articles are keyed by id, a re-saved story replaces its derived rows, rejected
inputs are keyed by (source, reason). What is stored is the JSON contract of ``Result.to_dict``
plus each article's ``meta``; ``Article.raw`` (the undecoded input) and ``Article.quotes`` (their
story-level copies are stored) are not kept.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from types import TracebackType

from marsad.errors import StoreError
from marsad.store import EntityAppearance, SearchHit
from marsad.store import rows as R
from marsad.store.common import SNIPPET_CONTEXT as SNIPPET_CONTEXT  # re-exported: moved to common,
from marsad.store.common import RecordQueries, name_spellings  # shared with the PostgreSQL store
from marsad.store.common import snippet as snippet
from marsad.store.common import term_pattern as term_pattern
from marsad.store.migrate import migrate
from marsad.text.normalize import match_key

__all__ = ["SqliteStore"]

FTS_NORMALISER = R.SEARCH_NORMALISER  # 'match_key+strip_clitics/1' when migration 3 wrote store_meta


class SqliteStore(RecordQueries):
    """A Marsad store in one SQLite file (``":memory:"`` for a throw-away one)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._conn = _connect(self.path)
        try:
            migrate(self._conn)
            self._check_index()
        except BaseException:
            self._conn.close()
            raise

    # ------------------------------------------------------------ lifecycle

    def close(self) -> None:
        self._conn.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying connection, for ad-hoc SQL (autocommit mode; rows are ``sqlite3.Row``)."""
        return self._conn

    def schema_version(self) -> int:
        return int(self._conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0])

    # ------------------------------------------------------------ writing

    def reindex(self) -> None:
        """Rebuild the search indexes from the stored articles and names (after the normaliser changed)."""
        with self._transaction("reindex"):
            self._conn.execute("DELETE FROM articles_fts")
            for seq, title, text in self._conn.execute("SELECT seq, title, text FROM articles").fetchall():
                R.FTS5.add(self._conn, seq, title, text)
            self._conn.execute("DELETE FROM name_words")
            variants = [v for (v,) in self._conn.execute("SELECT DISTINCT variant FROM entity_variants")]
            R.write_name_words(self._conn, variants)
            R.rebuild_person_surnames(self._conn)
            self._conn.execute("UPDATE store_meta SET value = ? WHERE key = 'fts_normaliser'", (FTS_NORMALISER,))

    def _transaction(self, what: str) -> _Transaction:
        return _Transaction(self._conn, f"{what} into {self.path}")

    def _check_index(self) -> None:
        row = self._conn.execute("SELECT value FROM store_meta WHERE key = 'fts_normaliser'").fetchone()
        if row is None or row[0] != FTS_NORMALISER:
            self.reindex()

    # ------------------------------------------------------------ reading

    def story_ids_of(self, article_id: str) -> list[str]:
        """The stories an article belongs to (normally one)."""
        with self._reading():
            rows = self._conn.execute("SELECT story_id FROM story_articles WHERE article_id = ? ORDER BY story_id",
                                      (article_id,)).fetchall()
        return [r["story_id"] for r in rows]

    def _appearances(self, where: str, args: tuple[str, ...]) -> list[EntityAppearance]:
        rows = self._conn.execute(
            "SELECT e.story_id, s.title, e.type, e.name, e.entity_id, group_concat(v.variant, char(31)) AS variants "
            "FROM entities e JOIN stories s ON s.id = e.story_id "
            "LEFT JOIN entity_variants v ON v.story_id = e.story_id AND v.entity_position = e.position "
            f"{where} GROUP BY e.story_id, e.position ORDER BY e.story_id", args).fetchall()
        return [EntityAppearance(r["story_id"], r["title"], r["type"], r["name"],
                                 sorted(set((r["variants"] or "").split("\x1f")) - {""}), r["entity_id"])
                for r in rows]

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Articles matching every word of ``query`` after normalisation, best first (BM25).

        A word that spells a stored name another way also matches the name's other spellings: «ايجور»
        finds «إيغور» when an entity holds both (names vary in the letters for g, v, long vowels —
        folding those in every word would merge ordinary words such as غرب / جرب / قرب)."""
        if limit <= 0:
            return []
        with self._reading():
            spellings = name_spellings(self._conn, match_key(query).split())
            expression = fts_query(query, spellings)
            if not expression:
                return []
            found = self._conn.execute(
                "SELECT a.id, a.title, a.text FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
                "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 3.0, 1.0, 0.5) LIMIT ?",
                (expression, limit)).fetchall()
        terms = match_key(query).split() + sorted({w for ws in spellings.values() for w in ws})
        return [SearchHit(row["id"], row["title"], snippet(row["text"], terms)) for row in found]

    def _reading(self) -> _Transaction:
        """Reads share one snapshot (a deferred transaction), so a concurrent save is seen whole or not."""
        return _Transaction(self._conn, f"read from {self.path}", begin="BEGIN")


class _Transaction:
    """BEGIN ... COMMIT, or ROLLBACK on any error; sqlite errors become ``StoreError``."""

    def __init__(self, conn: sqlite3.Connection, what: str, begin: str = "BEGIN IMMEDIATE") -> None:
        self.conn, self.what, self.begin = conn, what, begin

    def __enter__(self) -> None:
        try:
            self.conn.execute(self.begin)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot {self.what}: {exc}") from exc

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if kind is None:
            try:
                self.conn.execute("COMMIT")
                return
            except sqlite3.Error as exc:
                value = exc
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        if isinstance(value, sqlite3.Error):
            raise StoreError(f"cannot {self.what}: {value}") from value


def _connect(path: str) -> sqlite3.Connection:
    if path != ":memory:" and not Path(path).parent.is_dir():
        raise StoreError("the folder for the store does not exist", source=path)
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=30.0)
        conn.row_factory = sqlite3.Row
        conn.create_function("marsad_match_key", 1, match_key, deterministic=True)
        conn.create_function("marsad_bare_words", 1, R.bare_words, deterministic=True)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the store: {exc}", source=path) from exc
    return conn


# ---------------------------------------------------------------- search helpers

_HAS_WORD = re.compile(r"\w", re.UNICODE)


def fts_query(query: str, spellings: dict[str, set[str]] | None = None) -> str:
    """An FTS5 expression for ``query``: every normalised word must match, as written or clitic-free,
    or as one of its other ``spellings``.

    Words are quoted, so FTS5 syntax in user input (AND, *, :, quotes) is matched as text.
    """
    parts = []
    for word in match_key(query).split():
        if not _HAS_WORD.search(word):
            continue
        forms = [word, *sorted((spellings or {}).get(word, ()))]
        parts.append("(" + " OR ".join(f"{_quoted(f)} OR bare : {_quoted(R.bare_words(f) or f)}" for f in forms) + ")")
    return " AND ".join(parts)


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'
