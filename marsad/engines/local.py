"""Run a pipeline on this machine.

Article-level segments map over articles (in a process pool when ``config.workers > 1``); a stage
that raises ``InputError`` turns that article into a ``Rejection`` and the batch goes on, and so does
an unexpected error (E501, logged with its traceback). A ``MarsadError`` that is not about the
input (a missing or stale model, bad configuration) stops the run: every article would fail alike. Corpus and cluster stages see every surviving
article; story segments map over stories, and a story stage that fails leaves the story without its
output and records an E501 rejection naming the story.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import Protocol

from marsad.config import Config
from marsad.errors import InputError, MarsadError, StageFailed
from marsad.model import Article, Rejection, Result, Story
from marsad.pipeline import Pipeline, Resources, Stage

logger = logging.getLogger(__name__)

Progress = Callable[[str, int], None]  # (stage segment name, items done) -> None


def _article_task(args: tuple[list[Stage], Article, Config]) -> Article | Rejection:
    stages, article, config = args
    return _safe_article(stages, article, _worker_resources(config))


_WORKER_RESOURCES: dict[str, Resources] = {}


def _worker_resources(config: Config) -> Resources:
    """One Resources per worker process and configuration, so models load once per process."""
    key = repr(config)
    if key not in _WORKER_RESOURCES:
        _WORKER_RESOURCES[key] = Resources(config)
    return _WORKER_RESOURCES[key]


def _safe_article(stages: list[Stage], article: Article, resources: Resources) -> Article | Rejection:
    """Run the stages on one article; a bad input or a failing stage rejects this article only."""
    for st in stages:
        try:
            article = st.fn(article, resources)
        except InputError as exc:
            return Rejection(source=article.source, reason=exc.message, code=exc.code)
        except MarsadError:
            raise  # a missing model or bad configuration stops the run with one clear error
        except Exception as exc:  # noqa: BLE001 - one article must never stop the batch
            logger.exception("stage %s failed on %s", st.name, article.source)
            return Rejection(article.source, f"internal error in stage {st.name}: {type(exc).__name__}: {exc}",
                             StageFailed.code)
    return article


def _safe_story(stages: list[Stage], story: Story, articles: dict[str, Article], resources: Resources,
                failures: list[Rejection]) -> Story:
    """Run the story stages; a failing stage leaves the story without that stage's output."""
    for st in stages:
        try:
            story = st.fn(story, articles, resources)
        except MarsadError:
            raise
        except Exception as exc:  # noqa: BLE001 - one story must never stop the batch
            logger.exception("stage %s failed on story %s", st.name, story.id)
            failures.append(Rejection(f"story {story.id}", f"internal error in stage {st.name}: "
                                      f"{type(exc).__name__}: {exc}", StageFailed.code))
    return story


def _map_articles(stages: list[Stage], articles: list[Article], resources: Resources,
                  progress: Progress | None) -> tuple[list[Article], list[Rejection]]:
    results: Iterable[Article | Rejection]
    if resources.config.workers > 1 and len(articles) > 1:
        pool = ProcessPoolExecutor(max_workers=resources.config.workers)
        with pool:
            tasks = [(stages, a, resources.config) for a in articles]
            results = list(pool.map(_article_task, tasks, chunksize=max(1, len(tasks) // (4 * resources.config.workers))))
    else:
        results = (_safe_article(stages, a, resources) for a in articles)
    kept: list[Article] = []
    rejected: list[Rejection] = []
    for done, item in enumerate(results, 1):
        (rejected if isinstance(item, Rejection) else kept).append(item)  # type: ignore[arg-type]
        if progress:
            progress(stages[0].name, done)
    return kept, rejected


class Mapper(Protocol):
    """How an engine maps article and story segments; corpus and cluster stages run in this process."""

    def articles(self, stages: list[Stage], articles: list[Article], resources: Resources,
                 progress: Progress | None) -> tuple[list[Article], list[Rejection]]: ...

    def stories(self, stages: list[Stage], stories: list[Story], by_id: dict[str, Article],
                resources: Resources) -> tuple[list[Story], list[Rejection]]:
        """Run story segments; member articles a stage updated are put back into ``by_id``."""
        ...


class LocalMapper:
    """This process, or a process pool for article segments when ``config.workers > 1``."""

    def articles(self, stages: list[Stage], articles: list[Article], resources: Resources,
                 progress: Progress | None) -> tuple[list[Article], list[Rejection]]:
        return _map_articles(stages, articles, resources, progress)

    def stories(self, stages: list[Stage], stories: list[Story], by_id: dict[str, Article],
                resources: Resources) -> tuple[list[Story], list[Rejection]]:
        failures: list[Rejection] = []
        return [_safe_story(stages, s, by_id, resources, failures) for s in stories], failures


def run(pipeline: Pipeline, articles: list[Article], resources: Resources,
        progress: Progress | None = None, mapper: Mapper | None = None) -> Result:
    mapper = mapper or LocalMapper()
    result = Result()
    stories: list[Story] = []
    for level, stages in pipeline.segments():
        if level == "article":
            articles, rejected = mapper.articles(stages, articles, resources, progress)
            result.rejected.extend(rejected)
        elif level == "corpus":
            articles = stages[0].fn(articles, resources)
        elif level == "cluster":
            stories = stages[0].fn(articles, resources)
        else:
            by_id = {a.id: a for a in articles}
            stories, failures = mapper.stories(stages, stories, by_id, resources)
            articles = [by_id[a.id] for a in articles]  # a mapper may hand back updated copies
            result.rejected.extend(failures)
    result.articles = articles
    result.stories = stories
    return result
