"""Stores for analysis results: one backend per module (``sqlite`` now, ``postgres`` later).

A store keeps every ``Result`` it is given, idempotently: articles are keyed by id, a re-saved
story replaces its derived rows, rejections are keyed by (source, reason).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from marsad.model import Article, Result, Story

__all__ = ["EntityAppearance", "SaveStats", "SearchHit", "Store"]


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

    def article(self, article_id: str) -> Article | None: ...

    def search(self, query: str, limit: int = 20) -> list[SearchHit]: ...

    def entity_stories(self, entity_id: str) -> list[EntityAppearance]: ...

    def close(self) -> None: ...
