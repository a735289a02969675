"""Stages wired in order.

A stage declares the record fields it reads and writes; ``Pipeline`` checks when built that every
field a stage reads is written by an earlier stage (or present on a fresh record), like spaCy's
``requires``/``assigns``. Three levels:
- ``article``: ``(Article, Resources) -> Article``, independent per article (parallel, Spark map);
- ``corpus``: ``(list[Article], Resources) -> list[Article]``, needs all articles (dedup);
- ``cluster``: ``(list[Article], Resources) -> list[Story]``;
- ``story``: ``(Story, dict[str, Article], Resources) -> Story``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from marsad.config import Config
from marsad.errors import PipelineError
from marsad.model import Article, Story

Level = Literal["article", "corpus", "cluster", "story"]

# Fields present on an Article straight from a reader.
INGESTED = frozenset({"article.id", "article.source", "article.raw", "article.title", "article.outlet",
                      "article.url", "article.published", "article.encoding", "article.meta"})


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    level: Level
    fn: Callable[..., Any]
    reads: frozenset[str]
    writes: frozenset[str]


def stage(name: str, level: Level, reads: Iterable[str], writes: Iterable[str]) -> Callable[[Callable[..., Any]], Stage]:
    """Decorator turning a function into a declared ``Stage``."""

    def wrap(fn: Callable[..., Any]) -> Stage:
        return Stage(name, level, fn, frozenset(reads), frozenset(writes))

    return wrap


@dataclass(slots=True)
class Resources:
    """Configuration plus lazily loaded models, cached once per process (rebuildable on workers)."""

    config: Config
    _cache: dict[str, Any] = field(default_factory=dict)

    def get(self, name: str, loader: Callable[[], Any]) -> Any:
        if name not in self._cache:
            self._cache[name] = loader()
        return self._cache[name]


@dataclass(slots=True)
class Pipeline:
    stages: list[Stage]

    def __post_init__(self) -> None:
        available = set(INGESTED)
        for st in self.stages:
            missing = st.reads - available
            if missing:
                raise PipelineError(f"stage {st.name!r} reads {sorted(missing)} that no earlier stage writes")
            available |= st.writes

    def of_level(self, *levels: Level) -> list[Stage]:
        return [s for s in self.stages if s.level in levels]

    def run_article(self, article: Article, resources: Resources) -> Article:
        for st in self.of_level("article"):
            article = st.fn(article, resources)
        return article

    def run_story(self, story: Story, articles: dict[str, Article], resources: Resources) -> Story:
        for st in self.of_level("story"):
            story = st.fn(story, articles, resources)
        return story
