"""Watch feeds and folders: read only new items, cluster them into a persisted story index, update the store.

One ``poll`` reads every source once. What it has seen (file hashes, feed entry ids, article ids) and
every analysed article and story are kept in ``DIR/watch.sqlite``; the story index (vectors of open
stories, stable ids, merges and closures) in ``DIR/stories.idx``. New articles run the article and
corpus stages of ``default_pipeline()`` through the local engine, join the index incrementally, and only
the stories they touched re-run the story stages. ``DIR/marsad.db`` is updated (``SqliteStore.save`` is
idempotent), ``DIR/marsad.json`` and ``DIR/report.html`` are rewritten from everything kept.

A source that cannot be fetched or read becomes a ``Rejection``; a poll never raises for bad input.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
import types
import typing
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from marsad.cluster import StoryIndex, load_featurizer
from marsad.config import Config
from marsad.engines.local import LocalMapper
from marsad.model import Article, Rejection, Result, Story
from marsad.pipeline import Pipeline, Resources, default_pipeline

STATE_FILE = "watch.sqlite"
INDEX_FILE = "stories.idx"
OUTPUT_FILES = ("marsad.db", "marsad.json", "report.html")  # written in this order
FETCH_TIMEOUT = 20.0  # seconds per feed request
MAX_FEED_BYTES = 20 * 1024 * 1024
FETCH_THREADS = 8  # feeds fetched at once (I/O bound)
T = TypeVar("T")

SCHEMA = """
CREATE TABLE IF NOT EXISTS seen (key TEXT PRIMARY KEY, source TEXT NOT NULL, first_seen TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stories (id TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rejected (source TEXT NOT NULL, reason TEXT NOT NULL, code TEXT NOT NULL,
                                     PRIMARY KEY (source, reason));
"""


@dataclass(slots=True)
class PollReport:
    """What one poll did."""

    new_articles: list[str] = field(default_factory=list)
    touched_stories: list[str] = field(default_factory=list)
    closed_stories: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


# ---------------------------------------------------------------- records <-> JSON


def to_json(record: Any) -> str:
    return json.dumps(dataclasses.asdict(record), ensure_ascii=False, default=str)


def revive(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a (nested) model dataclass from ``dataclasses.asdict`` output."""
    hints = typing.get_type_hints(cls)
    values = {f.name: _revive_value(hints[f.name], data[f.name]) for f in dataclasses.fields(cls)  # type: ignore[arg-type]
              if f.name in data}
    return cls(**values)


def _revive_value(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if value is None:
        return None
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _revive_value(inner[0], value) if len(inner) == 1 else value
    if origin is list and args:
        return [_revive_value(args[0], v) for v in value]
    if origin is tuple:
        return tuple(value)
    if dataclasses.is_dataclass(hint) and isinstance(value, dict):
        return revive(hint, value)  # type: ignore[arg-type]
    return value


# ---------------------------------------------------------------- persisted state


class WatchState:
    """Seen keys, analysed articles, current stories and rejections of one output folder."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(folder / STATE_FILE)
        self.conn.executescript(SCHEMA)

    def close(self) -> None:
        self.conn.close()

    def seen(self, key: str) -> bool:
        return self.conn.execute("SELECT 1 FROM seen WHERE key = ?", (key,)).fetchone() is not None

    def mark(self, keys: list[str], source: str) -> None:
        today = date.today().isoformat()
        self.conn.executemany("INSERT OR IGNORE INTO seen VALUES (?, ?, ?)", [(k, source, today) for k in keys])

    def add_articles(self, articles: list[Article]) -> None:
        start = self.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]
        self.conn.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?)",
                              [(a.id, start + i + 1, to_json(a)) for i, a in enumerate(articles)])

    def articles(self, ids: list[str] | None = None) -> list[Article]:
        if ids is None:
            rows = self.conn.execute("SELECT record FROM articles ORDER BY seq").fetchall()
        else:
            rows = [r for i in ids for r in self.conn.execute("SELECT record FROM articles WHERE id = ?", (i,))]
        return [revive(Article, json.loads(r[0])) for r in rows]

    def put_stories(self, stories: list[Story]) -> None:
        self.conn.executemany("INSERT OR REPLACE INTO stories VALUES (?, ?)", [(s.id, to_json(s)) for s in stories])

    def drop_stories(self, ids: list[str]) -> None:
        self.conn.executemany("DELETE FROM stories WHERE id = ?", [(i,) for i in ids])

    def stories(self) -> dict[str, Story]:
        rows = self.conn.execute("SELECT id, record FROM stories").fetchall()
        return {sid: revive(Story, json.loads(record)) for sid, record in rows}

    def add_rejections(self, rejected: list[Rejection]) -> None:
        self.conn.executemany("INSERT OR IGNORE INTO rejected VALUES (?, ?, ?)",
                              [(r.source, r.reason, r.code) for r in rejected])

    def rejections(self) -> list[Rejection]:
        return [Rejection(*row) for row in self.conn.execute("SELECT source, reason, code FROM rejected")]

    def commit(self) -> None:
        self.conn.commit()


# ---------------------------------------------------------------- reading sources


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def fetch(url: str, timeout: float = FETCH_TIMEOUT) -> bytes:
    """The body of ``url`` (at most MAX_FEED_BYTES); raises OSError on any network problem."""
    request = urllib.request.Request(url, headers={"User-Agent": "marsad-watch"})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (the user gave this URL)
        data: bytes = response.read(MAX_FEED_BYTES + 1)
    if len(data) > MAX_FEED_BYTES:
        raise OSError(f"the feed is larger than {MAX_FEED_BYTES:,} bytes")
    return data


def source_files(source: str) -> Iterator[Path]:
    """The files of a folder (recursive, sorted, hidden ones skipped), or the file itself."""
    path = Path(source)
    if not path.is_dir():
        yield path
        return
    for folder, dirs, names in sorted(os.walk(path)):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        yield from (Path(folder) / n for n in sorted(names) if not n.startswith("."))


def file_key(data: bytes) -> str:
    return "file:" + hashlib.sha256(data).hexdigest()


def item_keys(article: Article) -> list[str]:
    """Keys that identify an article already read: its feed entry id (when it has one) and its id."""
    keys = ["article:" + article.id]
    entry = article.meta.get("entry_id") if article.meta else None
    return keys + ([f"entry:{entry}"] if entry else [])


def read_new(sources: list[str], state: WatchState, config: Config) -> tuple[list[Article], list[Rejection]]:
    """Articles not read before from every source, and rejections; each source is fetched once (feed URLs
    concurrently, at most FETCH_THREADS at a time)."""
    articles: list[Article] = []
    rejected: list[Rejection] = []
    fetched = fetch_all([s for s in sources if is_url(s)])
    for source in sources:
        for name, data in _source_bytes(source, fetched, rejected):
            _read_bytes_once(name, data, state, config, articles, rejected)
    return articles, rejected


def fetch_all(urls: list[str]) -> dict[str, bytes | Exception]:
    """The body of every URL, or the error that stopped it."""
    from concurrent.futures import ThreadPoolExecutor

    def one(url: str) -> bytes | Exception:
        try:
            return fetch(url)
        except (OSError, ValueError) as exc:
            return exc

    if not urls:
        return {}
    with ThreadPoolExecutor(max_workers=min(FETCH_THREADS, len(urls))) as pool:
        return dict(zip(urls, pool.map(one, urls), strict=True))


def _source_bytes(source: str, fetched: dict[str, bytes | Exception],
                  rejected: list[Rejection]) -> Iterator[tuple[str, bytes]]:
    if is_url(source):
        body = fetched[source]
        if isinstance(body, Exception):
            rejected.append(Rejection(source, f"the feed cannot be fetched ({body})", "E101"))
        else:
            yield source, body
        return
    if not Path(source).exists():
        rejected.append(Rejection(source, "the file or folder does not exist", "E101"))
        return
    for path in source_files(source):
        try:
            yield str(path), path.read_bytes()
        except OSError as exc:
            rejected.append(Rejection(str(path), f"the file cannot be read ({exc.strerror})", "E101"))


def _read_bytes_once(name: str, data: bytes, state: WatchState, config: Config,
                     articles: list[Article], rejected: list[Rejection]) -> None:
    from marsad.ingest import read_bytes

    whole = file_key(data)
    if state.seen(whole):
        return
    known = {a.id for a in articles}
    for item in read_bytes(data, name, config):
        if isinstance(item, Rejection):
            rejected.append(item)
        elif item.id not in known and not any(state.seen(k) for k in item_keys(item)):
            known.add(item.id)
            articles.append(item)
    state.mark([whole], name)


# ---------------------------------------------------------------- one poll


class Watcher:
    """Polls sources into the output folder ``out``; keeps its state there between runs."""

    def __init__(self, sources: list[str], out: str | Path, config: Config, pipeline: Pipeline | None = None) -> None:
        self.sources = sources
        self.out = Path(out)
        self.config = config
        self.pipeline = pipeline or default_pipeline()
        self.resources = Resources(config)

    def poll(self, today: str | None = None) -> PollReport:
        """Read new items, cluster them, re-run touched stories, write the outputs."""
        state = WatchState(self.out)
        try:
            return self._poll(state, today)
        finally:
            state.close()

    def _poll(self, state: WatchState, today: str | None) -> PollReport:
        report = PollReport()
        fresh, report.rejected = read_new(self.sources, state, self.config)
        analysed = self._analyse(fresh, report)
        index = self._index()
        self._dedup_across_polls(state, index, analysed)
        touched = index.add(analysed)
        report.closed_stories = index.close_inactive(today) if today else []
        state.add_articles(analysed)
        state.mark([k for a in fresh for k in item_keys(a)], "read")
        stories, failures = self._run_stories(state, touched)
        report.rejected.extend(failures)
        gone = self._merged_away(state, index)
        state.put_stories(stories)
        state.drop_stories(gone)
        state.add_rejections(report.rejected)
        report.new_articles = [a.id for a in analysed]
        report.touched_stories = [s.id for s in stories]
        if analysed or stories or report.rejected or gone or report.closed_stories or not self._written():
            self._write(state, analysed, stories, report.rejected, gone)
        index.save(self.out / INDEX_FILE)
        state.commit()
        return report

    def _analyse(self, articles: list[Article], report: PollReport) -> list[Article]:
        """Article and corpus stages (the stages before clustering) on the new articles only."""
        from marsad.engines import local

        if not articles:
            return []
        before = [s for s in self.pipeline.stages[: self._cluster_at()]]
        result = local.run(Pipeline(before), articles, self.resources)
        report.rejected.extend(result.rejected)
        return result.articles

    def _dedup_across_polls(self, state: WatchState, index: StoryIndex, analysed: list[Article]) -> None:
        """Mark new articles that copy an article of an open story (syndication across polls)."""
        stage = next((s for s in self.pipeline.stages if s.name == "mark_duplicates"), None)
        old = state.articles([aid for story in index.active.values() for aid in story.article_ids])
        if stage is None or not old or not analysed:
            return
        new = {a.id: a for a in analysed}
        for marked in stage.fn(old + [dataclasses.replace(a, meta=dict(a.meta)) for a in analysed], self.resources):
            article = new.get(marked.id)
            if article is not None and article.duplicate_of is None and marked.duplicate_of:
                article.duplicate_of = marked.duplicate_of
                article.meta["duplicate"] = marked.meta.get("duplicate")

    def _cluster_at(self) -> int:
        levels = [s.level for s in self.pipeline.stages]
        return levels.index("cluster") if "cluster" in levels else len(levels)

    def _index(self) -> StoryIndex:
        path = self.out / INDEX_FILE
        if path.exists():
            from marsad.cluster_embed import embedder_for

            featurizer = self.resources.get("cluster.featurizer", load_featurizer)
            return StoryIndex.load(path, featurizer, embedder_for(self.resources))
        return StoryIndex.from_resources(self.resources)

    def _run_stories(self, state: WatchState, touched: list[Story]) -> tuple[list[Story], list[Rejection]]:
        """Story stages on the touched stories; a failing stage is a rejection, not a stopped poll."""
        stages = self.pipeline.of_level("story")
        out: list[Story] = []
        failures: list[Rejection] = []
        for story in touched:
            by_id = {a.id: a for a in state.articles(story.article_ids)}
            fresh = Story(id=story.id, article_ids=list(story.article_ids))
            done, failed = LocalMapper().stories(stages, [fresh], by_id, self.resources)
            out.extend(done)
            failures.extend(failed)
        return out, failures

    @staticmethod
    def _merged_away(state: WatchState, index: StoryIndex) -> list[str]:
        live = {s.id for s in index.stories()}
        return sorted(set(state.stories()) - live)

    def _written(self) -> bool:
        return all((self.out / name).exists() for name in OUTPUT_FILES)

    def _write(self, state: WatchState, analysed: list[Article], stories: list[Story],
               rejected: list[Rejection], gone: list[str]) -> None:
        from marsad.api import validate
        from marsad.report import write_html, write_json

        everything = state.articles()
        whole = Result(articles=everything, rejected=state.rejections(), stories=ordered(state.stories(), everything))
        validate(whole.to_dict())
        db, json_file, html_file = (self.out / name for name in OUTPUT_FILES)
        save_store(db, Result(articles=analysed, rejected=rejected, stories=stories), gone)
        write_json(whole, json_file)
        write_html(whole, html_file)


def ordered(stories: dict[str, Story], articles: list[Article]) -> list[Story]:
    """Stories in the order their first article was read."""
    first = {a.id: i for i, a in enumerate(articles)}
    return sorted(stories.values(), key=lambda s: min((first.get(a, 0) for a in s.article_ids), default=0))


def save_store(path: Path, result: Result, gone: list[str]) -> None:
    """Save into the SQLite store (idempotent) and forget stories merged into others."""
    from marsad.store.sqlite import SqliteStore

    store = SqliteStore(path)
    try:
        store.save(result)
        store.delete_stories(gone)
    finally:
        store.close()


def watch_once(sources: list[str], out: str | Path, config: Config, today: str | None = None) -> PollReport:
    """One poll of ``sources`` into ``out``; bad sources become rejections (never raises for input)."""
    return Watcher(sources, out, config).poll(today)
