"""HTML reader: trafilatura extracts the main text (paragraphs one per line) and the metadata."""

from __future__ import annotations

import re
from collections.abc import Iterator
from configparser import ConfigParser
from functools import lru_cache
from typing import Any

from marsad.config import Config
from marsad.errors import NoArticleText
from marsad.ingest.common import Item, iso_date, make_article
from marsad.ingest.encoding import decode_bytes

META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
# Pages whose DOM exceeds this many elements are cut by trafilatura (huge or hostile markup).
MAX_TREE_SIZE = 50_000
# A first extraction with this many letters is an article; shorter results try the next mode. The
# floor of a short news item (ANERcorp items and the seeds have > 600 letters; briefs ~250).
ENOUGH_LETTERS = 250


def charset_hint(data: bytes) -> str | None:
    match = META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


@lru_cache(maxsize=1)
def trafilatura_config() -> ConfigParser:
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "max_tree_size", str(MAX_TREE_SIZE))
    config.set("DEFAULT", "extraction_timeout", "0")  # no signal-based timeout: unsafe in worker threads
    return config


def extract(html: str, url: str | None = None) -> dict[str, Any] | None:
    """trafilatura's main text and metadata as a dict, or None when it finds no text.

    Precision first: tables are left out at first because old Arabic sites lay whole pages out in
    tables (trafilatura then returns menus and sidebars glued into table rows); tables and recall
    mode are tried only when the first pass finds too little text.
    """
    import trafilatura

    best: dict[str, Any] | None = None
    for tables, recall in ((False, False), (True, False), (False, True), (True, True)):
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=tables, favor_recall=recall, config=trafilatura_config())
        found: dict[str, Any] = doc if isinstance(doc, dict) else (doc.as_dict() if doc is not None else {})
        text = (found.get("text") or "").strip()
        if text and (best is None or len(text) > len(best["text"])):
            best = found
        if sum(ch.isalpha() for ch in text) >= ENOUGH_LETTERS:
            return found
    return best


def article_from_html(html: str, source: str, encoding: str | None, url: str | None = None,
                      meta: dict[str, Any] | None = None) -> Item:
    found = extract(html, url)
    if found is None:
        raise NoArticleText("the HTML page holds no main article text (trafilatura found none)", source=source)
    extra = {k: found[k] for k in ("author", "description", "categories", "tags", "hostname") if found.get(k)}
    return make_article(found["text"], source, title=found.get("title") or "", url=found.get("url") or url,
                        published=iso_date(found.get("date")), outlet=found.get("sitename") or found.get("hostname"),
                        encoding=encoding, meta={**(meta or {}), **extra, "format": "html"})


def read_html(data: bytes, source: str, config: Config, url: str | None = None) -> Iterator[Item]:
    text, encoding = decode_bytes(data, source, hint=charset_hint(data))
    yield article_from_html(text, source, encoding, url)
