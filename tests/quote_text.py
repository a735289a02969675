"""Helpers shared by the quote tests: run the extractor on a text written for a test."""

from __future__ import annotations

from marsad.model import Article, Mention, Quote
from marsad.quotes import article_quotes
from marsad.text.sentences import sentences_of


def quotes_of(text: str, mentions: list[Mention] | None = None, **fields: object) -> list[Quote]:
    """Quotes of ``text`` as one article with these entity ``mentions`` (split into sentences unless
    ``sentences`` is given); other article fields (``outlet``, ``meta`` ...) pass through."""
    article = Article(id="a", source="test", text=text, mentions=mentions or [], **fields)  # type: ignore[arg-type]
    if not article.sentences:
        article.sentences = sentences_of(text)
    return article_quotes(article)


def said(text: str, mentions: list[Mention] | None = None, **fields: object) -> list[tuple[str | None, str]]:
    """(speaker, quote text) of each quote of ``text``."""
    return [(q.speaker, q.text) for q in quotes_of(text, mentions, **fields)]
