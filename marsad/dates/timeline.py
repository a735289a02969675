"""The story timeline: dated sentences of all articles, ordered and de-duplicated across articles."""

from __future__ import annotations

import datetime as dt
import re

from marsad.model import Article, TimelineEvent
from marsad.text.normalize import match_key

# Two sentences with the same date are one event when the Jaccard overlap of their word sets reaches
# this; set by hand on syndicated/rewritten sentence pairs of the seeds' kind (agency copy vs rewrite),
# see tests/test_dates_stages.py; not tuned on a held-out set.
SAME_EVENT = 0.4
WORD = re.compile(r"\w+")
RESOLVED = re.compile(r"^(\d{4})-(\d{2}|W\d{2})")


def sort_key(value: str) -> dt.date | None:
    """The first day a value covers, or None when it is below month precision or unresolved."""
    m = RESOLVED.match(value)
    if m is None:
        return None
    year, part = int(m.group(1)), m.group(2)
    if part.startswith("W"):  # a week from its Monday, its weekend («2015-W41-WE») from its Saturday
        return dt.date.fromisocalendar(year, int(part[1:]), 6 if value.endswith("-WE") else 1)
    week_of_month = re.match(r"-W(\d\d)", value[7:])  # «2016-11-W04»: from the 1st plus whole weeks
    day = value[8:10] if len(value) >= 10 and value[7] == "-" and not week_of_month else "01"
    try:
        first = dt.date(year, int(part), int(day))
    except ValueError:
        return None
    return first + dt.timedelta(weeks=int(week_of_month.group(1)) - 1) if week_of_month else first


def words(sentence: str) -> set[str]:
    return set(WORD.findall(match_key(sentence)))


def similar(a: set[str], b: set[str]) -> bool:
    return bool(a and b) and len(a & b) / len(a | b) >= SAME_EVENT


def candidates(article: Article) -> list[tuple[dt.date, TimelineEvent]]:
    out = []
    for t in article.times:
        key = sort_key(t.value)
        if key is None or t.kind not in ("date", "range") or t.sentence < 0 or t.sentence >= len(article.sentences):
            continue
        sentence = article.sentence_text(article.sentences[t.sentence])
        out.append((key, TimelineEvent(t.value, t.text, article.id, sentence, [article.id])))
    return out


def build_timeline(articles: list[Article]) -> list[TimelineEvent]:
    events: list[tuple[dt.date, TimelineEvent, set[str]]] = []
    by_value: dict[str, list[tuple[dt.date, TimelineEvent, set[str]]]] = {}
    bags: dict[str, set[str]] = {}  # one word set per sentence: a long sentence can hold thousands of dates
    for article in articles:
        for key, event in candidates(article):
            bag = bags.get(event.sentence)
            if bag is None:
                bag = bags[event.sentence] = words(event.sentence)
            same = by_value.setdefault(event.value, [])
            twin = next((e for e in same if similar(e[2], bag)), None)
            if twin is None:
                events.append((key, event, bag))
                same.append(events[-1])
            elif article.id not in twin[1].article_ids:
                twin[1].article_ids.append(article.id)
    events.sort(key=lambda e: (e[0], e[1].value))
    return [e[1] for e in events]
