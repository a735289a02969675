"""Pipeline stages: ``tag`` (article), ``infer_publication`` (corpus), ``timeline`` (story).

The anchor of an article is its publication date when known, else a date printed in its dateline
(«آخر تحديث …», a date alone on one of the first lines). Expressions without a year take it from the
anchor; weekdays resolve to the most recent such day on or before it.
"""

from __future__ import annotations

import datetime as dt

from marsad.dates.extract import Found, find_all
from marsad.dates.publication import infer_one
from marsad.dates.timeline import build_timeline
from marsad.dates.values import parse_day
from marsad.dates.words import cue_words
from marsad.model import Article, Story
from marsad.pipeline import Resources, stage

# A date counts as a dateline when it sits on one of the first lines of the text and is most of that line
# (at most this many other characters, e.g. «موسكو - … - 10:30», and no sentence-final stop); chosen by
# reading common Arabic site layouts, not tuned on data.
DATELINE_LINES = 4
DATELINE_OTHER_CHARS = 25


def dateline(text: str) -> Found | None:
    """A full date (year, month, day) printed as the article's dateline, if any."""
    offset = 0
    for number, line in enumerate(text.split("\n")):
        cue = _has_cue(line)  # once per line: a long line can hold thousands of dates
        if number >= DATELINE_LINES and not cue:
            offset += len(line) + 1
            continue
        for found in find_all(line):
            if found.date is not None and found.expr.resolution == "explicit" and (
                    cue or _mostly_date(line, found.expr.text)):
                found.expr.start += offset
                found.expr.end += offset
                return found
        offset += len(line) + 1
    return None


def _mostly_date(line: str, surface: str) -> bool:
    line = line.strip()
    return len(line) - len(surface) <= DATELINE_OTHER_CHARS and not line.endswith((".", "؟", "!", "?"))


def _has_cue(line: str) -> bool:
    from marsad.text.normalize import match_key

    key = match_key(line)
    return any(cue in key for cue in cue_words().dateline_cues)


def anchor_of(article: Article) -> dt.date | None:
    published = parse_day(article.published)
    if published is not None:
        return published
    printed = dateline(article.text)
    return printed.date if printed else None


def retag(article: Article, anchor: dt.date | None) -> Article:
    """Find the article's expressions again with ``anchor`` (after its publication date was inferred)."""
    times = []
    for found in find_all(article.text, anchor):
        sentence = article.sentence_at(found.expr.start)
        found.expr.sentence = sentence.index if sentence else -1
        times.append(found.expr)
    article.times = times
    return article


@stage("dates.tag", "article", reads=["article.text", "article.sentences", "article.published"],
       writes=["article.times"])
def tag(article: Article, resources: Resources) -> Article:
    """Temporal expressions of the article, resolved from its publication date or dateline."""
    return retag(article, anchor_of(article))


@stage("dates.infer_publication", "corpus", reads=["article.text", "article.times", "article.published", "article.duplicate_of"],
       writes=["article.published", "article.published_evidence"])
def infer_publication(articles: list[Article], resources: Resources) -> list[Article]:
    """Give undated articles a publication date from their printed dates, weekdays and dated peers.

    A syndicated copy (``article.duplicate_of``, set by dedup before this stage) takes its original's
    date. An article with no date evidence at all waits for ``story_publication``."""
    by_id = {a.id: a for a in articles}
    for _ in range(2):  # a second pass lets articles dated in the first serve as peers
        dated = [a for a in articles if a.published]
        for article in articles:
            if not article.published:
                _infer(article, dated, by_id)
    return articles


def _infer(article: Article, dated: list[Article], by_id: dict[str, Article]) -> None:
    printed = dateline(article.text)
    canonical = by_id.get(article.duplicate_of or "")
    if printed is None and canonical is not None and canonical.published:
        # A syndicated copy (marked by dedup, no clustering needed) is published with its earliest copy;
        # an article with no date and no copy stays undated until its story is known.
        article.published = canonical.published
        article.published_evidence = f"copy of article {canonical.id}, published {canonical.published}"
    elif printed is not None and printed.date is not None:
        article.published = printed.date.isoformat()
        article.published_evidence = f"printed date «{printed.expr.text}»"
    else:
        article.published, article.published_evidence = infer_one(article, dated)
    day = parse_day(article.published)
    if day is not None:
        retag(article, day)


@stage("dates.story_publication", "story", reads=["story.article_ids", "article.published"],
       writes=["article.published", "article.published_evidence"])
def story_publication(story: Story, articles: dict[str, Article], resources: Resources) -> Story:
    """An article still undated gets the month (or year) its story's dated articles share, never a day:
    the story only bounds when it was written. Articles of a story are at most the inactivity window apart."""
    members = [articles[i] for i in story.article_ids if i in articles]
    days = sorted(d for a in members if (d := parse_day(a.published)) is not None)
    if not days:
        return story
    first, last = days[0], days[-1]
    value = first.strftime("%Y-%m") if (first.year, first.month) == (last.year, last.month) else (
        str(first.year) if first.year == last.year else None)
    if value is None:
        return story
    for article in members:
        if not article.published:
            article.published = value
            article.published_evidence = (f"inferred from its story: {len(days)} dated articles published "
                                          f"{first.isoformat()} to {last.isoformat()}")
    return story


@stage("dates.timeline", "story", reads=["article.times"], writes=["story.timeline"])
def timeline(story: Story, articles: dict[str, Article], resources: Resources) -> Story:
    """Dated events of the story, ordered and de-duplicated across its articles."""
    story.timeline = build_timeline([articles[i] for i in story.article_ids if i in articles])
    return story
