"""JSON Lines / JSON reader with configurable field names (``Config.extra["jsonl_fields"]``).

Each object becomes one article; a field holding HTML is passed through the HTML extractor. A line
that is not a JSON object gives a rejection naming the line and the batch goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import partial
from typing import Any

from marsad.config import Config
from marsad.errors import EmptyInput, MalformedInput, NoArticleText
from marsad.ingest.common import Item, first_line, guarded_record, iso_date, make_article, rejection
from marsad.ingest.encoding import decode_bytes
from marsad.ingest.html import article_from_html
from marsad.model import Article

DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "maintext", "article", "html", "raw"),
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url"),
    "published": ("published", "date", "date_publish", "pubDate", "published_at", "datetime"),
    "outlet": ("outlet", "site_name", "sitename", "source_domain", "site", "publisher"),
    "id": ("id", "guid", "uid"),
}


def field_names(config: Config) -> dict[str, tuple[str, ...]]:
    custom = config.extra.get("jsonl_fields", {}) if isinstance(config.extra, dict) else {}
    out = dict(DEFAULT_FIELDS)
    for key, value in custom.items():
        out[key] = (value,) if isinstance(value, str) else tuple(value)
    return out


def pick(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return repair_surrogates(value)
    return None


def repair_surrogates(text: str) -> str:
    """JSON may escape half of a UTF-16 pair («\\ud800»), which no UTF-8 file or database can hold: a lone
    half becomes U+FFFD; escaped pairs were already joined by ``json``."""
    if not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith("<") and ("<p" in text[:20000].lower() or "<html" in head or "<div" in head)


def article_from_record(record: Any, source: str, encoding: str, config: Config) -> Item:
    if not isinstance(record, dict):
        raise MalformedInput(f"expected a JSON object, found {type(record).__name__}", source=source)
    names = field_names(config)
    text, url = pick(record, names["text"]), pick(record, names["url"])
    if text is None:
        raise NoArticleText(f"no text field (looked for {', '.join(names['text'])})", source=source)
    meta = {"record_id": pick(record, names["id"]), "format": "json"}
    if looks_like_html(text):
        item = article_from_html(text, source, encoding, url, meta)
        if isinstance(item, Article):
            item.title = pick(record, names["title"]) or item.title
        return item
    return make_article(text, source, title=pick(record, names["title"]) or first_line(text), url=url,
                        published=iso_date(pick(record, names["published"])), outlet=pick(record, names["outlet"]),
                        encoding=encoding, meta={k: v for k, v in meta.items() if v})


def records(text: str, source: str) -> Iterator[tuple[str, Any]]:
    """(source of the record, parsed value or the exception) for a JSON array, object or JSON lines.

    A text opening with «[» is one array, unless it does not parse as one and its first line is a record on its
    own (or nested too deeply to read): then it is JSON lines whose first record is an array, and a broken
    line is rejected alone. A truncated pretty-printed array stays one error."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            values = json.loads(stripped)
        except (json.JSONDecodeError, RecursionError) as exc:
            if not _json_lines(stripped):
                yield source, exc
                return
        else:
            for i, value in enumerate(values if isinstance(values, list) else [values]):
                yield f"{source}#{i}", value
            return
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                yield f"{source}:{number}", json.loads(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                yield f"{source}:{number}", exc


def _json_lines(text: str) -> bool:
    """Several lines, the first a complete JSON value by itself (or too deeply nested to tell)."""
    first, _, rest = text.partition("\n")
    if not rest.strip():
        return False
    try:
        json.loads(first)
    except json.JSONDecodeError:
        return False
    except RecursionError:
        return True
    return True


def read_jsonl(data: bytes, source: str, config: Config) -> Iterator[Item]:
    text, encoding = decode_bytes(data, source)
    stripped = text.strip()
    if stripped.startswith("{") and "\n" in stripped:  # one pretty-printed object, not JSON lines
        try:
            text = json.dumps(json.loads(stripped))
        except json.JSONDecodeError:
            pass
    found = False
    for where, value in records(text, source):
        found = True
        if isinstance(value, json.JSONDecodeError):
            yield rejection(MalformedInput(f"not valid JSON ({value.msg} at column {value.colno})"), where)
            continue
        if isinstance(value, RecursionError):
            yield rejection(MalformedInput("the JSON is nested too deeply to parse"), where)
            continue
        yield from guarded_record(where, partial(article_from_record, value, where, encoding, config))
    if not found:
        raise EmptyInput("the JSON file holds no records", source=source)

