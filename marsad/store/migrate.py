"""Schema migrations: numbered ``.sql`` files applied in order.

``migrations/NNNN_name.sql`` (SQLite) and ``migrations_pg/NNNN_name.sql`` (PostgreSQL) are applied one
by one, each inside its own transaction together with its row in ``schema_version``; a failing migration
leaves the database at the previous version. Opening an old database applies what it lacks; a database
newer than this code is refused. ``apply_pending`` is the order and the checks, common to both backends;
``migrate`` runs it on a SQLite connection (``marsad.store.postgres`` on a PostgreSQL one).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources as package_files

from marsad.errors import StoreError

MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def available_migrations(folder: str = "migrations") -> list[Migration]:
    """The migrations shipped with the package in ``marsad/store/<folder>/``, in version order."""
    found = []
    for item in package_files.files("marsad.store").joinpath(folder).iterdir():
        match = MIGRATION_NAME.match(item.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), item.read_text(encoding="utf-8")))
    if not found:
        raise StoreError(f"no migrations found: marsad/store/{folder}/*.sql must ship with the package")
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise StoreError(f"migrations must be numbered 1..n without gaps, found {versions}")
    return found


def split_statements(sql: str) -> list[str]:
    """Split a script into complete statements (trigger bodies stay whole); comment-only tails dropped."""
    statements: list[str] = []
    pending = ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if _strip_comments(pending).strip():
        raise StoreError(f"incomplete SQL statement at the end of a migration: {pending.strip()[:60]!r}")
    return statements


def _strip_comments(sql: str) -> str:
    return re.sub(r"--[^\n]*", "", sql)


def current_version(conn: sqlite3.Connection) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                 "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection, target: int | None = None) -> list[int]:
    """Apply pending migrations up to ``target`` (default: all); return the versions applied.

    ``conn`` must be in autocommit mode (``isolation_level=None``): each migration runs in its own
    ``BEGIN IMMEDIATE`` transaction, and the version is re-read under that lock so two processes
    opening one database do not apply a migration twice.
    """
    return apply_pending(available_migrations(), lambda: current_version(conn), lambda m: _apply(conn, m), target)


def apply_pending(migrations: list[Migration], version: Callable[[], int], apply: Callable[[Migration], bool],
                  target: int | None = None) -> list[int]:
    """Apply ``migrations`` up to ``target`` (default: all) with ``apply``, which runs one in its own
    transaction and returns False when another process applied it first; ``version`` reads the
    database's version. A database newer than the newest migration is refused."""
    latest = migrations[-1].version if migrations else 0
    target = latest if target is None else target
    found = version()
    if found > latest:
        raise StoreError(f"database schema version {found} is newer than this code ({latest})")
    return [m.version for m in migrations if m.version <= target and apply(m)]


def _apply(conn: sqlite3.Connection, migration: Migration) -> bool:
    conn.execute("BEGIN IMMEDIATE")
    try:
        if current_version(conn) >= migration.version:
            conn.execute("ROLLBACK")
            return False
        for statement in split_statements(migration.sql):
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version(version, name, applied_at) VALUES (?, ?, datetime('now'))",
                     (migration.version, migration.name))
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise StoreError(f"migration {migration.version} ({migration.name}) failed: {exc}") from exc
        raise
    return True
