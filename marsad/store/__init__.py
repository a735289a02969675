"""Stores for analysis results: one backend per module (``sqlite``, the default; ``postgres``).

A store keeps every ``Result`` it is given, idempotently: articles are keyed by id, a re-saved
story replaces its derived rows, rejections are keyed by (source, reason). ``open_store`` picks the
backend from the target: a ``postgresql://`` URL or a SQLite file path.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Protocol, Self

from marsad.errors import StoreError
from marsad.model import Article, Result, Story

__all__ = ["EntityAppearance", "SaveStats", "SearchHit", "Store", "open_store"]

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


@dataclass(frozen=True, slots=True)
class SaveStats:
    """What one ``save`` did: records new to the store, records that replaced a different stored
    version, and records already stored exactly so (skipped)."""

    articles_added: int = 0
    articles_updated: int = 0
    articles_unchanged: int = 0
    stories_added: int = 0
    stories_updated: int = 0
    stories_unchanged: int = 0
    rejected_added: int = 0


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: str
    title: str
    snippet: str  # a window of the original (not normalised) text around the first match


@dataclass(frozen=True, slots=True)
class EntityAppearance:
    """One story in which an entity appears, with the spellings used there. ``entity_id`` is its id in
    that story: the id asked for, or another one when the same person is named another way there."""

    story_id: str
    story_title: str
    type: str
    name: str
    variants: list[str]
    entity_id: str = ""


class Store(Protocol):
    def save(self, result: Result) -> SaveStats: ...

    def load(self) -> Result: ...

    def stories(self) -> list[Story]: ...

    def story(self, story_id: str) -> Story | None: ...

    def article(self, article_id: str) -> Article | None: ...

    def delete_stories(self, story_ids: list[str]) -> int: ...

    def story_ids_of(self, article_id: str) -> list[str]: ...

    def search(self, query: str, limit: int = 20) -> list[SearchHit]: ...

    def entity_stories(self, entity_id: str) -> list[EntityAppearance]: ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None: ...


def open_store(target: str | Path) -> Store:
    """The store at ``target``: a ``postgresql://`` (or ``postgres://``) URL opens a ``PostgresStore``,
    anything else is the path of a SQLite file. Backends are imported only when used."""
    text = str(target)
    if text.startswith(POSTGRES_SCHEMES):
        try:
            from marsad.store.postgres import PostgresStore
        except ImportError as exc:
            from marsad.store.common import display_target

            raise StoreError("a PostgreSQL store needs psycopg 3: pip install 'marsad[postgres]'",
                             source=display_target(text)) from exc
        return PostgresStore(text)
    from marsad.store.sqlite import SqliteStore

    return SqliteStore(text)
