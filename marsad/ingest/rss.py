"""RSS/Atom reader (feedparser): one article per entry, full content or else the summary."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from functools import partial
from typing import Any

from marsad.config import Config
from marsad.errors import MalformedInput, NoArticleText
from marsad.ingest.common import Item, guarded_record, make_article
from marsad.ingest.encoding import decode_bytes

BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


def fragment_text(html: str) -> str:
    """Text of an HTML fragment, one block element per line."""
    if "<" not in html:
        return html.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for element in root.iter(*BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def entry_text(entry: Any) -> str:
    for content in entry.get("content", []) or []:
        text = fragment_text(content.get("value", ""))
        if text:
            return text
    return fragment_text(entry.get("summary", "") or entry.get("description", ""))


def iso_date(parsed: Any) -> str | None:
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def article_from_entry(entry: Any, source: str, outlet: str | None, encoding: str) -> Item:
    body = entry_text(entry)
    title = " ".join((entry.get("title") or "").split())
    if not body:
        raise NoArticleText("the feed entry has neither content nor summary", source=source)
    raw = body if not title or body.startswith(title) else f"{title}\n{body}"
    published = iso_date(entry.get("published_parsed") or entry.get("updated_parsed"))
    links = [link.get("href") for link in entry.get("links", []) if link.get("href")]
    return make_article(raw, source, title=title, url=entry.get("link"), published=published, outlet=outlet,
                        encoding=encoding, meta={"format": "feed", "links": links,
                                                 "entry_id": entry.get("id"), "summary_only": not entry.get("content")})


def read_feed(data: bytes, source: str, config: Config) -> Iterator[Item]:
    import feedparser

    text, encoding = decode_bytes(data, source)
    feed = feedparser.parse(io.BytesIO(text.encode("utf-8")))  # a stream: never fetched as a URL or path
    if not feed.entries:
        problem = feed.get("bozo_exception")
        raise MalformedInput(f"no feed entries found{f' ({problem})' if problem else ''}", source=source)
    outlet = feed.feed.get("title") or None
    for i, entry in enumerate(feed.entries):
        where = f"{source}#{entry.get('id') or entry.get('link') or i}"
        yield from guarded_record(where, partial(article_from_entry, entry, where, outlet, encoding))
