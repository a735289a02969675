"""Plain-text reader (.txt, .text, .md): the first non-empty line is the title."""

from __future__ import annotations

from collections.abc import Iterator

from marsad.config import Config
from marsad.ingest.common import Item, first_line, make_article
from marsad.ingest.encoding import decode_bytes


def read_text(data: bytes, source: str, config: Config) -> Iterator[Item]:
    text, encoding = decode_bytes(data, source)
    yield make_article(text, source, title=first_line(text), encoding=encoding)
