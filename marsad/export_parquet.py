"""Parquet export of a ``Result``: one file per table, the same tables and columns as the stores.

    >>> write_parquet(result, Path("out/parquet"))       # doctest: +SKIP
    {'articles': 5, 'rejected': 0, 'stories': 1, ...}

Tables and columns follow the SQL stores (``store/migrations``, ``store/rows.py``), so a query written
against PostgreSQL runs unchanged over the Parquet files (DuckDB, Spark SQL...): list fields are child
tables keyed by their owner's ``position`` (``entity_variants.entity_position`` -> ``entities.position``).
Two conveniences go beyond the SQL shape: ``quotes.via`` also holds the relay chain as a list column,
and ``articles.meta`` is the article's metadata as a JSON string (as in SQL). Dates stay ISO 8601
strings at the precision known (``2015-10-03``, ``2015-10``, ``2014``), as in ``marsad.json``.

A folder gets a ``_manifest.json`` (tables, files, row counts, columns, marsad and schema version).
Writing builds the whole dataset in a hidden folder beside the target, then swaps it in by renames, so
a crash leaves the old dataset or the new one, never half of one. pyarrow is imported only when
writing (``pip install 'marsad[parquet]'``).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from marsad.errors import ExportError, ParquetUnavailable
from marsad.model import Result, Story
from marsad.store.rows import ARTICLE_CHILDREN, ARTICLE_COLUMNS

__all__ = ["MANIFEST", "SCHEMA_VERSION", "TABLES", "ExportError", "ParquetUnavailable", "TableSpec",
           "arrow_schema", "write_parquet"]

SCHEMA_VERSION = 1  # raise when a table or column changes meaning, is renamed or removed
MANIFEST = "_manifest.json"
FORMAT = "marsad-parquet"
COMPRESSION = "zstd"
BATCH_ROWS = 10_000  # rows per row group: 10k articles of news text is some 50 MB in memory


Row = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class TableSpec:
    """One Parquet table: file stem, (column, type) pairs and the rows of a result, in a fixed order.

    Types are ``string``, ``int32`` or ``list<string>``; every string column may hold nulls."""

    name: str
    columns: tuple[tuple[str, str], ...]
    rows: Callable[[Result], Iterable[Row]]

    @property
    def file(self) -> str:
        return f"{self.name}.parquet"


S, I32, LIST = "string", "int32", "list<string>"
_SPAN = (("char_start", I32), ("char_end", I32))


# ---------------------------------------------------------------- rows


def _article_rows(result: Result) -> Iterator[Row]:
    for article in result.articles:
        meta = json.dumps(article.meta, ensure_ascii=False, default=str, sort_keys=True)
        yield (*(getattr(article, c) for c in ARTICLE_COLUMNS), meta)


def _child_rows(attribute: str) -> Callable[[Result], Iterator[Row]]:
    """Rows of an article list field, exactly as ``store.rows`` inserts them."""
    child = next(c for c in ARTICLE_CHILDREN if c.attribute == attribute)

    def rows(result: Result) -> Iterator[Row]:
        for article in result.articles:
            yield from child.rows(article.id, getattr(article, attribute))

    return rows


def _story_rows(fields: Callable[[Story], Iterable[Row]]) -> Callable[[Result], Iterator[Row]]:
    """(story_id, position, *fields) for each item a story yields."""

    def rows(result: Result) -> Iterator[Row]:
        for story in result.stories:
            for i, values in enumerate(fields(story)):
                yield (story.id, i, *values)

    return rows


def _nested_rows(lists: Callable[[Story], Iterable[Iterable[Any]]]) -> Callable[[Result], Iterator[Row]]:
    """(story_id, owner position, position, *value) for the list field of each owner in a story."""

    def rows(result: Result) -> Iterator[Row]:
        for story in result.stories:
            for owner, values in enumerate(lists(story)):
                for i, value in enumerate(values):
                    yield (story.id, owner, i, *(value if isinstance(value, tuple) else (value,)))

    return rows


def _quote_fields(story: Story) -> Iterator[Row]:
    for q in story.quotes:
        yield (q.article_id, q.text, q.kind, q.start, q.end, q.speaker, q.speaker_entity_id, q.cue, q.sentence,
               q.group, list(q.via))


def _evidence(story: Story) -> Iterator[list[Row]]:
    for claim in story.claims:
        yield [(e.article_id, e.sentence, e.relation, e.start, e.end) for e in claim.evidence]


def _owned(name: str, owner: str, value_columns: tuple[tuple[str, str], ...],
           lists: Callable[[Story], Iterable[Iterable[Any]]]) -> TableSpec:
    return TableSpec(name, (("story_id", S), (owner, I32), ("position", I32), *value_columns), _nested_rows(lists))


# ---------------------------------------------------------------- tables

_ARTICLE_TYPES = {"id": S, "source": S, "title": S, "text": S, "outlet": S, "url": S, "published": S,
                  "published_evidence": S, "language": S, "encoding": S, "duplicate_of": S}
_STORY_OWNER = (("story_id", S), ("position", I32))

TABLES: tuple[TableSpec, ...] = (
    TableSpec("articles", (*((c, _ARTICLE_TYPES[c]) for c in ARTICLE_COLUMNS), ("meta", S)), _article_rows),
    TableSpec("article_removed", (("article_id", S), ("position", I32), ("text", S), ("reason", S), ("line", I32)),
              _child_rows("removed")),
    TableSpec("article_paragraphs", (("article_id", S), ("position", I32), *_SPAN, ("language", S)),
              _child_rows("paragraphs")),
    TableSpec("article_sentences", (("article_id", S), ("position", I32), *_SPAN, ("sentence_index", I32),
                                    ("language", S)), _child_rows("sentences")),
    TableSpec("article_mentions", (("article_id", S), ("position", I32), *_SPAN, ("text", S), ("type", S),
                                   ("source", S), ("entity_id", S), ("role", S)), _child_rows("mentions")),
    TableSpec("article_times", (("article_id", S), ("position", I32), *_SPAN, ("text", S), ("value", S),
                                ("kind", S), ("resolution", S), ("sentence", I32)), _child_rows("times")),
    TableSpec("rejected", (("position", I32), ("source", S), ("reason", S), ("code", S)),
              lambda r: ((i, x.source, x.reason, x.code) for i, x in enumerate(r.rejected))),
    TableSpec("stories", (("position", I32), ("id", S), ("title", S)),
              lambda r: ((i, s.id, s.title) for i, s in enumerate(r.stories))),
    TableSpec("story_articles", (*_STORY_OWNER, ("article_id", S)),
              _story_rows(lambda s: ((a,) for a in s.article_ids))),
    TableSpec("entities", (*_STORY_OWNER, ("entity_id", S), ("type", S), ("name", S)),
              _story_rows(lambda s: ((e.id, e.type, e.name) for e in s.entities))),
    _owned("entity_variants", "entity_position", (("variant", S),), lambda s: (e.variants for e in s.entities)),
    _owned("entity_articles", "entity_position", (("article_id", S),), lambda s: (e.article_ids for e in s.entities)),
    _owned("entity_roles", "entity_position", (("role", S),), lambda s: (e.roles for e in s.entities)),
    _owned("entity_mentions", "entity_position", (("article_id", S), *_SPAN),
           lambda s: ([tuple(m) for m in e.mentions] for e in s.entities)),
    TableSpec("quotes", (*_STORY_OWNER, ("article_id", S), ("text", S), ("kind", S), *_SPAN, ("speaker", S),
                         ("speaker_entity_id", S), ("cue", S), ("sentence", I32), ("quote_group", S), ("via", LIST)),
              _story_rows(_quote_fields)),
    _owned("quote_via", "quote_position", (("via", S),), lambda s: (q.via for q in s.quotes)),
    TableSpec("timeline", (*_STORY_OWNER, ("value", S), ("text", S), ("article_id", S), ("sentence", S)),
              _story_rows(lambda s: ((e.value, e.text, e.article_id, e.sentence) for e in s.timeline))),
    _owned("timeline_articles", "event_position", (("article_id", S),), lambda s: (e.article_ids for e in s.timeline)),
    TableSpec("summary", (*_STORY_OWNER, ("text", S)), _story_rows(lambda s: ((x.text,) for x in s.summary))),
    _owned("summary_articles", "sentence_position", (("article_id", S),), lambda s: (x.article_ids for x in s.summary)),
    TableSpec("claims", (*_STORY_OWNER, ("text", S), ("status", S)),
              _story_rows(lambda s: ((c.text, c.status) for c in s.claims))),
    _owned("claim_articles", "claim_position", (("article_id", S),), lambda s: (c.article_ids for c in s.claims)),
    _owned("claim_evidence", "claim_position", (("article_id", S), ("sentence", S), ("relation", S), *_SPAN),
           _evidence),
)


# ---------------------------------------------------------------- writing


def write_parquet(result: Result, folder: Path | str) -> dict[str, int]:
    """Write every table of ``result`` into ``folder`` (replacing an earlier export there); rows per table.

    Raises ``ExportError`` when the folder cannot be written or holds files that are not a Marsad export,
    ``ParquetUnavailable`` when pyarrow is missing."""
    pa, pq = _pyarrow()
    target = Path(os.path.abspath(folder))  # "." and "out/.." have a name and a parent to rename in
    _check_target(target)
    staging = _staging(target)
    try:
        counts = {spec.name: _write_table(pa, pq, spec, result, staging / spec.file) for spec in TABLES}
        _write_manifest(staging / MANIFEST, counts)
        _swap(staging, target)
    except OSError as exc:
        raise ExportError(f"cannot write Parquet tables: {exc.strerror or exc}", source=str(target)) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return counts


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError as exc:
        raise ParquetUnavailable("pyarrow is not installed: pip install 'marsad[parquet]'") from exc
    return pa, pq


def arrow_schema(spec: TableSpec) -> Any:
    """The Arrow schema of a table, with the table name and schema version in its metadata."""
    pa, _ = _pyarrow()
    types = {S: pa.string(), I32: pa.int32(), LIST: pa.list_(pa.string())}
    schema = pa.schema([pa.field(name, types[kind]) for name, kind in spec.columns])
    return schema.with_metadata({"marsad.table": spec.name, "marsad.schema_version": str(SCHEMA_VERSION)})


def _write_table(pa: Any, pq: Any, spec: TableSpec, result: Result, path: Path) -> int:
    """Write a table in row groups of ``BATCH_ROWS`` (memory stays bounded by a batch, not the result)."""
    schema = arrow_schema(spec)
    count = 0
    with pq.ParquetWriter(path, schema, compression=COMPRESSION) as writer:
        rows = iter(spec.rows(result))
        while batch := list(islice(rows, BATCH_ROWS)):
            columns = zip(*batch, strict=True)
            arrays = [pa.array(list(values), type=field.type) for values, field in zip(columns, schema, strict=True)]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
            count += len(batch)
    return count


def _write_manifest(path: Path, counts: dict[str, int]) -> None:
    from marsad import __version__

    tables = [{"name": spec.name, "file": spec.file, "rows": counts[spec.name],
               "columns": [{"name": c, "type": t} for c, t in spec.columns]} for spec in TABLES]
    manifest = {"format": FORMAT, "schema_version": SCHEMA_VERSION, "marsad_version": __version__,
                "compression": COMPRESSION, "tables": tables}
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- the folder swap


def _check_target(target: Path) -> None:
    """Refuse a target that is a file, or a folder holding anything but an earlier export."""
    if target.exists() and not target.is_dir():
        raise ExportError("not a folder", source=str(target))
    if not target.is_dir():
        return
    names = {p.name for p in target.iterdir()}
    ours = not names or (MANIFEST in names and all(n == MANIFEST or n.endswith(".parquet") for n in names))
    if not ours:
        raise ExportError("folder holds files that are not a Marsad Parquet export; choose an empty or new "
                          "folder", source=str(target))


def _staging(target: Path) -> Path:
    """A hidden folder beside ``target`` (same file system, so the final rename is atomic)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
        os.chmod(staging, 0o755)  # mkdtemp makes it private; the dataset is meant to be shared
    except OSError as exc:
        raise ExportError(f"cannot write Parquet tables: {exc.strerror or exc}", source=str(target)) from exc
    return staging


def _swap(staging: Path, target: Path) -> None:
    """Put ``staging`` where ``target`` is: the old folder moves aside, the new one in, the old one goes."""
    if not target.exists():
        staging.rename(target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
    old.rmdir()
    target.rename(old)
    try:
        staging.rename(target)
    except OSError:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)

