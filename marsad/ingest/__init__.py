"""Ingestion: files, directories and archives of text, HTML, JSON lines, feeds and WARC -> Article.

``read_paths`` never raises for bad input: each unusable file (or archive member, feed entry, JSON
line, WARC record) becomes a ``Rejection`` with a human reason and the code from marsad.errors.
"""

from __future__ import annotations

import gzip
import io
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.config import Config
from marsad.errors import EmptyInput, TooLargeInput, UnsupportedFormat
from marsad.ingest.archive import Budget, read_tar, read_zip
from marsad.ingest.common import Item, article_id, guarded, read_file_bytes, read_limited
from marsad.ingest.encoding import control_share, decode_bytes
from marsad.ingest.html import read_html
from marsad.ingest.jsonl import read_jsonl
from marsad.ingest.rss import read_feed
from marsad.ingest.text import read_text
from marsad.ingest.warc import read_warc
from marsad.model import Article, Rejection

__all__ = ["article_id", "read_bytes", "read_paths"]

TEXT = (".txt", ".text", ".md")
HTML = (".html", ".htm", ".xhtml")
JSON = (".jsonl", ".json", ".ndjson")
FEED = (".xml", ".rss", ".atom")
WARC = (".warc", ".warc.gz", ".arc", ".arc.gz")
TAR = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")


def read_paths(paths: Iterable[str | Path], config: Config) -> Iterator[Article | Rejection]:
    """Articles and rejections from files, directories (recursive, sorted) and archives, in order."""
    for path in (Path(p) for p in paths):
        if path.is_dir():
            yield from read_directory(path, config)
        else:
            yield from read_file(path, config)


def read_directory(root: Path, config: Config) -> Iterator[Item]:
    """Every file under ``root`` in sorted path order; hidden files and folders are skipped and an
    unreadable folder becomes a rejection."""
    problems: list[OSError] = []
    files: list[Path] = []
    for folder, dirs, names in os.walk(root, onerror=problems.append):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files.extend(Path(folder) / name for name in names if not name.startswith("."))
    for problem in problems:
        yield Rejection(str(problem.filename or root), f"the folder cannot be read ({problem.strerror})",
                        UnsupportedFormat.code)
    for path in sorted(files):
        if path.is_file():
            yield from read_file(path, config)


def read_file(path: Path, config: Config) -> Iterator[Item]:
    source = str(path)
    if not path.exists():
        yield Rejection(source, "the file does not exist", UnsupportedFormat.code)
        return
    kind = _kind(path.name)
    if kind in ("warc", "zip", "tar"):
        yield from guarded(source, lambda: _read_archive_file(path, kind, config))
        return
    yield from guarded(source, lambda: read_bytes(read_file_bytes(path, config.max_file_bytes), source, config))


def _read_archive_file(path: Path, kind: str | None, config: Config) -> Iterator[Item]:
    """Archives are read from the file, not from memory: a WARC record by record (each bounded by
    max_file_bytes), a zip or tar up to max_archive_bytes on disk and unpacked."""
    with open(path, "rb") as handle:
        if kind == "warc":
            yield from read_warc(handle, str(path), config)
            return
        size = path.stat().st_size
        if size > config.max_archive_bytes:
            raise TooLargeInput(f"the archive is {size:,} bytes, over the limit of {config.max_archive_bytes:,} "
                                "bytes (max_archive_bytes)", source=str(path))
        reader = read_zip if kind == "zip" else read_tar
        yield from reader(handle, str(path), config, read_bytes)


def read_bytes(data: bytes, source: str, config: Config, depth: int = 0,
               budget: Budget | None = None) -> Iterator[Item]:
    """Articles from the bytes of one file named ``source`` (its extension chooses the reader)."""
    return guarded(source, lambda: _dispatch(data, source, config, depth, budget))


def _dispatch(data: bytes, source: str, config: Config, depth: int, budget: Budget | None) -> Iterator[Item]:
    if not data:
        raise EmptyInput("the file is empty (0 bytes)", source=source)
    kind = _kind(source.rsplit("!", 1)[-1]) or _sniff(data)
    if kind == "zip":
        yield from read_zip(io.BytesIO(data), source, config, read_bytes, depth, budget)
    elif kind == "tar":
        yield from read_tar(io.BytesIO(data), source, config, read_bytes, depth, budget)
    elif kind == "warc":
        yield from read_warc(io.BytesIO(data), source, config)
    elif kind == "gz":
        yield from _read_gzip(data, source, config, depth, budget)
    elif kind in READERS:
        yield from READERS[kind](data, source, config)
    else:
        raise UnsupportedFormat(f"unsupported file type {Path(source).suffix or '(no extension)'}: "
                                "not text, HTML, JSON, a feed, WARC or an archive", source=source)


def _read_gzip(data: bytes, source: str, config: Config, depth: int, budget: Budget | None) -> Iterator[Item]:
    """A single gzip-compressed file (name.txt.gz, name.html.gz): decompressed with the size limit."""
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
        inner = read_limited(handle, config.max_file_bytes, source)  # type: ignore[arg-type]
    inner_name = source[: -len(".gz")]
    yield from read_bytes(inner, inner_name if _kind(inner_name) else source + ".txt", config, depth + 1, budget)


READERS = {"text": read_text, "html": read_html, "json": read_jsonl, "feed": read_feed}


def _kind(name: str) -> str | None:
    lower = name.lower()
    for kind, suffixes in (("warc", WARC), ("tar", TAR), ("zip", (".zip",)), ("text", TEXT), ("html", HTML),
                           ("json", JSON), ("feed", FEED), ("gz", (".gz",))):
        if lower.endswith(suffixes):
            return kind
    return None


def _sniff(data: bytes) -> str | None:
    """The format of a file without a known extension, from its first bytes."""
    head = data[:1024].lstrip().lower()
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if data.startswith(b"\x1f\x8b"):
        return "gz"
    if head.startswith(b"warc/"):
        return "warc"
    if head.startswith((b"<?xml", b"<rss", b"<feed")):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if control_share(data) == 0:
        try:
            decode_bytes(data, "sniff")
            return "text"
        except Exception:  # noqa: BLE001  undecodable: reported as unsupported below
            return None
    return None
