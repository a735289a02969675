"""Run the same stages on Apache Spark (optional extra: ``pip install 'marsad[spark]'``).

Article segments and story segments are mapped over Spark partitions with exactly the stage functions
the local engine uses (stages pickle by reference; each Python worker builds its own ``Resources``, so
models load once per worker process). Corpus stages (dedup, publication dates) and clustering run on
the driver over the collected articles: that keeps one code path and is right up to a few hundred
thousand articles; an archive of millions needs those two stages sharded too (not done yet).

Workers must import ``marsad``: in local mode they share this interpreter; on a cluster, install the
package on the workers or ship it with ``spark-submit --py-files``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from marsad.config import Config
from marsad.engines.local import Progress, _safe_article, _safe_story, _worker_resources
from marsad.errors import ConfigError
from marsad.model import Article, Rejection, Story
from marsad.pipeline import Resources as Res
from marsad.pipeline import Stage

Pair = tuple[Story, dict[str, Article]]


def _articles_partition(stages: list[Stage], config: Config, items: Iterable[Article]) -> Iterator[Article | Rejection]:
    resources = _worker_resources(config)
    for article in items:
        yield _safe_article(stages, article, resources)


def _stories_partition(stages: list[Stage], config: Config,
                       items: Iterable[Pair]) -> Iterator[tuple[Story, dict[str, Article], list[Rejection]]]:
    resources = _worker_resources(config)
    for story, articles in items:
        failures: list[Rejection] = []
        yield _safe_story(stages, story, articles, resources, failures), articles, failures


@dataclass
class SparkMapper:
    """Maps segments over a SparkContext; ``partitions`` defaults to Spark's default parallelism."""

    context: Any
    partitions: int | None = None

    def _slices(self, n: int) -> int:
        return max(1, min(n, self.partitions or int(self.context.defaultParallelism)))

    def articles(self, stages: list[Stage], articles: list[Article], resources: Res,
                 progress: Progress | None) -> tuple[list[Article], list[Rejection]]:
        if not articles:
            return [], []
        config = resources.config
        rdd = self.context.parallelize(articles, self._slices(len(articles)))
        out = rdd.mapPartitions(lambda part: _articles_partition(stages, config, part)).collect()
        if progress:
            progress(stages[0].name, len(out))
        kept = [a for a in out if isinstance(a, Article)]
        return kept, [r for r in out if isinstance(r, Rejection)]

    def stories(self, stages: list[Stage], stories: list[Story], by_id: dict[str, Article],
                resources: Res) -> tuple[list[Story], list[Rejection]]:
        if not stories:
            return [], []
        config = resources.config
        pairs = [(s, {i: by_id[i] for i in s.article_ids if i in by_id}) for s in stories]
        out = self.context.parallelize(pairs, self._slices(len(pairs))).mapPartitions(
            lambda part: _stories_partition(stages, config, part)).collect()
        for _, articles, _ in out:  # story stages may update members (publication dates): take them back
            by_id.update(articles)
        return [story for story, _, _ in out], [f for _, _, fs in out for f in fs]


def session(master: str = "local[*]", app_name: str = "marsad") -> Any:
    """A SparkSession with the UI off and the driver on loopback (no network needed in local mode)."""
    # Python workers run this interpreter (and so this marsad and its dependencies) unless told otherwise.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    try:
        from pyspark.sql import SparkSession
    except ModuleNotFoundError as exc:
        raise ConfigError("the spark engine needs pyspark: pip install 'marsad[spark]'") from exc
    return (SparkSession.builder.master(master).appName(app_name)
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate())
