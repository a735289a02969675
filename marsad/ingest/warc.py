"""WARC/ARC reader (warcio): HTML responses only, each through the HTML extractor."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any, BinaryIO

from marsad.config import Config
from marsad.errors import MalformedInput
from marsad.ingest.common import Item, guarded_record, read_limited
from marsad.ingest.encoding import decode_bytes
from marsad.ingest.html import article_from_html, charset_hint

HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_html_response(record: object) -> bool:
    rec_type = getattr(record, "rec_type", "")
    if rec_type not in ("response", "resource"):
        return False
    http = getattr(record, "http_headers", None)
    content_type = (http.get_header("Content-Type") if http else None) or \
        record.rec_headers.get_header("Content-Type") or ""  # type: ignore[attr-defined]
    return any(t in content_type.lower() for t in HTML_TYPES)


def read_warc(handle: BinaryIO, source: str, config: Config) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    try:
        for record in ArchiveIterator(handle, arc2warc=True):
            if not is_html_response(record):
                continue
            found += 1
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"record-{found}"
            where = f"{source}!{uri}"
            yield from guarded_record(where, partial(_read_record, record, where, uri, config.max_file_bytes))
    except ArchiveLoadFailed as exc:
        raise MalformedInput(f"not a readable WARC/ARC archive ({str(exc)[:200]})", source=source) from exc
    if not found:
        raise MalformedInput("the archive holds no HTML responses", source=source)


def _read_record(record: Any, where: str, uri: str, limit: int) -> Item:
    """Each record is bounded; the archive itself is streamed, never held in memory."""
    body = read_limited(record.content_stream(), limit, where)
    return _record_article(body, where, uri, record.rec_headers.get_header("WARC-Date"))


def _record_article(body: bytes, where: str, uri: str, crawled: str | None) -> Item:
    text, encoding = decode_bytes(body, where, hint=charset_hint(body))
    return article_from_html(text, where, encoding, url=uri, meta={"crawled": crawled, "format": "warc"})
