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
from marsad.errors import NoArticleText, PipelineError
from marsad.model import Article

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

    def __call__(self, *args: Any) -> Any:
        return self.fn(*args)

    def __reduce__(self) -> tuple[Any, tuple[str, str]]:
        # The decorator replaces the module attribute with this Stage, so pickle the reference
        # (module, name) and look the Stage up again in a worker process.
        return _stage_by_reference, (self.fn.__module__, self.fn.__qualname__)


def _stage_by_reference(module: str, qualname: str) -> Stage:
    import importlib

    found: Any = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    if not isinstance(found, Stage):
        raise PipelineError(f"{module}.{qualname} is not a stage")
    return found


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

    def segments(self) -> list[tuple[Level, list[Stage]]]:
        """Consecutive stages of one level grouped, in order: what an engine runs as one map."""
        out: list[tuple[Level, list[Stage]]] = []
        for st in self.stages:
            if out and out[-1][0] == st.level and st.level in ("article", "story"):
                out[-1][1].append(st)
            else:
                out.append((st.level, [st]))
        return out


def default_stages() -> list[Stage]:
    """The shipped pipeline. Imported here, not at module import, so importing marsad stays cheap."""
    from marsad import brief, clean, cluster, dates, dedup, entities, quotes

    return [
        clean.learn_site_boilerplate,
        clean.clean,
        require_text,
        clean.split,
        entities.tag,
        quotes.extract,
        dates.tag,
        dedup.mark_duplicates,
        dates.infer_publication,
        cluster.cluster,
        entities.resolve,
        quotes.link,
        dates.story_publication,
        dates.timeline,
        brief.brief,
    ]


def default_pipeline() -> Pipeline:
    return Pipeline(default_stages())


@stage("require_text", "article", reads=["article.text"], writes=[])
def require_text(article: Article, resources: Resources) -> Article:
    """Reject (E106) an article whose cleaned text is too short to be an article."""
    letters = sum(ch.isalpha() for ch in article.text)
    if letters < resources.config.min_article_chars:
        raise NoArticleText(
            f"only {letters} letters of text remain after cleaning (at least "
            f"{resources.config.min_article_chars} are needed)",
            source=article.source,
        )
    return article
