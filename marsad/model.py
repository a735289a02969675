"""Typed records that flow through Marsad's stages.

One ``Article`` record passes through the article stages (ingest -> clean -> dedup -> language ->
sentences -> entities -> quotes -> dates), then articles are grouped into ``Story`` records that pass
through the story stages (entity resolution, quote grouping, timeline, summary, claims).

All offsets (``start``/``end``) are character offsets into ``Article.text`` (the cleaned text).
``to_dict`` gives the JSON shape of the output contract (``schema/marsad.schema.json``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

EntityType = Literal["PER", "ORG", "LOC", "MISC"]
QuoteKind = Literal["direct", "indirect"]
ClaimStatus = Literal["corroborated", "single_source", "disputed"]


@dataclass(slots=True)
class Removed:
    """A line or span dropped from the text as boilerplate, kept so a user can audit it."""

    text: str
    reason: str
    line: int = -1  # 0-based line number in the raw text, -1 when not line-based


@dataclass(slots=True)
class Paragraph:
    """A paragraph of the cleaned text with its language (ISO 639-1)."""

    start: int
    end: int
    language: str


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    index: int
    language: str = "ar"


@dataclass(slots=True)
class Mention:
    """A named-entity mention in one article."""

    start: int
    end: int
    text: str
    type: EntityType
    source: str = "rule"  # which tagger found it: rule, gazetteer, crf
    entity_id: str | None = None
    role: str | None = None  # a title or role attached to the mention («نائب وزير الدفاع الروسي»)


@dataclass(slots=True)
class TimeExpression:
    start: int
    end: int
    text: str
    value: str  # ISO 8601 at the precision known: 2015-10-03, 2015-10, 2014, 2015-W40, P8D
    kind: str = "date"  # date | duration | time | set | range
    resolution: str = ""  # how the value was obtained: explicit, anchor-year, weekday, relative ...
    sentence: int = -1


@dataclass(slots=True)
class Quote:
    article_id: str
    text: str
    kind: QuoteKind
    start: int
    end: int
    speaker: str | None = None
    speaker_entity_id: str | None = None
    via: list[str] = field(default_factory=list)
    cue: str = ""  # the reporting verb or phrase that introduced it
    sentence: int = -1
    group: str | None = None  # id shared by the same statement carried by several articles


@dataclass(slots=True)
class Article:
    id: str
    source: str
    raw: str = ""
    title: str = ""
    text: str = ""
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    published_evidence: str | None = None
    language: str = "und"
    encoding: str | None = None
    duplicate_of: str | None = None
    removed: list[Removed] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    def sentence_at(self, offset: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None


@dataclass(slots=True)
class Entity:
    id: str
    type: EntityType
    name: str
    variants: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[tuple[str, int, int]] = field(default_factory=list)  # (article_id, start, end)


@dataclass(slots=True)
class TimelineEvent:
    value: str
    text: str
    article_id: str
    sentence: str
    article_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SummarySentence:
    text: str
    article_ids: list[str]


@dataclass(slots=True)
class Evidence:
    article_id: str
    sentence: str
    relation: str = "supports"  # supports | contradicts
    start: int = -1  # character offsets of the sentence in the article's cleaned text (-1: not located)
    end: int = -1


@dataclass(slots=True)
class Claim:
    text: str
    article_ids: list[str]
    status: ClaimStatus
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Story:
    id: str
    title: str = ""
    article_ids: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


@dataclass(slots=True)
class Rejection:
    source: str
    reason: str
    code: str = "E000"


@dataclass(slots=True)
class Result:
    articles: list[Article] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": [article_to_dict(a) for a in self.articles],
            "rejected": [dataclasses.asdict(r) for r in self.rejected],
            "stories": [story_to_dict(s) for s in self.stories],
        }


_ARTICLE_FIELDS = ("id", "source", "title", "text", "outlet", "url", "published", "published_evidence",
                   "language", "encoding", "duplicate_of")


def article_to_dict(article: Article) -> dict[str, Any]:
    out: dict[str, Any] = {name: getattr(article, name) for name in _ARTICLE_FIELDS}
    out["removed"] = [dataclasses.asdict(r) for r in article.removed]
    out["paragraphs"] = [dataclasses.asdict(p) for p in article.paragraphs]
    out["sentences"] = [dataclasses.asdict(s) for s in article.sentences]
    out["mentions"] = [dataclasses.asdict(m) for m in article.mentions]
    out["times"] = [dataclasses.asdict(t) for t in article.times]
    return out


def story_to_dict(story: Story) -> dict[str, Any]:
    out = dataclasses.asdict(story)
    for entity in out["entities"]:
        entity["mentions"] = [list(m) for m in entity["mentions"]]
    return out
