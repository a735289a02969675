"""Helpers shared by the readers: stable ids, bounded reads, and turning errors into rejections."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import IO, Any

from marsad.errors import InputError, MalformedInput, NoArticleText, TooLargeInput
from marsad.model import Article, Rejection

Item = Article | Rejection


def article_id(text: str) -> str:
    """First 16 hex digits of sha256 over the NFC-normalised, whitespace-stripped text."""
    return hashlib.sha256(unicodedata.normalize("NFC", text).strip().encode("utf-8")).hexdigest()[:16]


def make_article(raw: str, source: str, **fields: Any) -> Article:
    raw = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    if not raw.strip():
        raise NoArticleText("no article text could be found in the input", source=source)
    fields = {k: v for k, v in fields.items() if v not in (None, "")}
    return Article(id=article_id(raw), source=source, raw=raw, **fields)


ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def iso_date(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) from an ISO timestamp or an RFC 822 date; None when neither."""
    if not value:
        return None
    match = ISO_DATE.search(value)
    if match:
        return match.group(0)
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def rejection(exc: InputError, source: str) -> Rejection:
    return Rejection(source=exc.source or source, reason=exc.message, code=exc.code)


def read_limited(handle: IO[bytes], limit: int, source: str) -> bytes:
    """Read at most ``limit`` bytes; raise TooLargeInput past it without reading the rest."""
    data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooLargeInput(f"the input is larger than the limit of {limit:,} bytes "
                            "(max_file_bytes)", source=source)
    return data


def read_file_bytes(path: Path, limit: int) -> bytes:
    size = path.stat().st_size
    if size > limit:
        raise TooLargeInput(f"the file is {size:,} bytes, over the limit of {limit:,} bytes (max_file_bytes)",
                            source=str(path))
    with open(path, "rb") as handle:
        return read_limited(handle, limit, str(path))


def guarded_record(where: str, make: Callable[[], Item]) -> Iterator[Item]:
    """One record of a multi-record file (a JSON line, a feed entry, a WARC record): a failure rejects that
    record under its own name, and the reader goes on to the next."""
    yield from guarded(where, lambda: iter((make(),)))


def guarded(source: str, produce: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    """Run a reader; any failure becomes a Rejection so bad input never escapes ``read_paths``."""
    try:
        yield from produce()
    except InputError as exc:
        yield rejection(exc, source)
    except PermissionError as exc:
        yield Rejection(source, f"the file cannot be read ({exc.strerror})", MalformedInput.code)
    except RecursionError:
        yield Rejection(source, "the markup is nested too deeply to parse", MalformedInput.code)
    except (ValueError, LookupError, OSError, EOFError, TypeError, AttributeError, AssertionError,
            UnicodeError, MemoryError, IndexError) as exc:
        yield Rejection(source, f"the input is malformed: {type(exc).__name__}: {str(exc)[:200]}",
                        MalformedInput.code)
