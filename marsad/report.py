"""Static exports of a ``Result``: an RTL Arabic HTML page, Markdown, and the JSON contract.

    >>> write_html(result, Path("out/report.html"))      # doctest: +SKIP

The HTML page has one section per story (title; summary whose every sentence links to the article
cards it came from; claims with status badges and evidence; entities by type with their variants;
quotes with their relay chain; timeline; article cards with the boilerplate that was removed), then
the rejected inputs. It needs no JavaScript and loads nothing from outside the file; every piece of
text is escaped by Jinja2's autoescape, and Latin-script paragraphs are marked ``dir="ltr"``.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.model import Article, Entity, Quote, Result, Story
from marsad.text.normalize import match_key, skeleton

__all__ = ["render_html", "render_markdown", "speaker_label", "text_direction", "write_html", "write_json",
           "write_markdown"]

ENTITY_TYPES = (("PER", "أشخاص"), ("ORG", "هيئات ومنظمات"), ("LOC", "أماكن"), ("MISC", "أخرى"))
STATUS_LABELS = {"corroborated": "مؤكَّد من أكثر من مصدر", "single_source": "مصدر واحد",
                 "disputed": "متنازع عليه"}
KIND_LABELS = {"direct": "مباشر", "indirect": "غير مباشر"}
RELATION_LABELS = {"supports": "يؤيد", "contradicts": "يعارض"}
UNKNOWN_SPEAKER = "متحدث غير محدد"
# Arabic counted nouns: (one, two, three to ten, eleven and more).
COUNTED = {"article": ("مقال واحد", "مقالان", "مقالات", "مقالًا"), "story": ("قصة واحدة", "قصتان", "قصص", "قصة"),
           "rejected": ("مُدخل مرفوض واحد", "مُدخلان مرفوضان", "مُدخلات مرفوضة", "مُدخلًا مرفوضًا"),
           "duplicate": ("نسخة مكررة واحدة", "نسختان مكررتان", "نسخ مكررة", "نسخة مكررة")}


# ---------------------------------------------------------------- writers


def write_html(result: Result, path: Path) -> None:
    Path(path).write_text(render_html(result), encoding="utf-8")


def write_markdown(result: Result, path: Path) -> None:
    Path(path).write_text(render_markdown(result), encoding="utf-8")


def write_json(result: Result, path: Path) -> None:
    Path(path).write_text(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def render_html(result: Result, entity_pages: str | None = None) -> str:
    """The report page; ``entity_pages`` (e.g. "/entities/") makes each name a link to its page there (the web
    UI; a static report has no such pages)."""
    return _environment(html=True).get_template("report.html.j2").render(report=build_view(result),
                                                                          entity_pages=entity_pages)


def render_markdown(result: Result) -> str:
    text = _environment(html=False).get_template("report.md.j2").render(report=build_view(result))
    return text.strip() + "\n"


def render_template(name: str, **context: Any) -> str:
    """Render one of the package's HTML templates (the web pages share the report's filters)."""
    return str(_environment(html=True).get_template(name).render(**context))


@lru_cache(maxsize=2)
def _environment(html: bool) -> Any:
    """Jinja2 environment: HTML autoescaped; Markdown escaped field by field with the ``md`` filter."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("marsad", "web/templates"), autoescape=html,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["dir"] = text_direction
    env.filters["md"] = markdown_escape
    env.filters["counted"] = counted
    env.tests["web_url"] = is_web_url
    env.globals.update(status_labels=STATUS_LABELS, kind_labels=KIND_LABELS, relation_labels=RELATION_LABELS)
    return env


# ---------------------------------------------------------------- text helpers


def text_direction(text: str) -> str:
    """"ltr" when most strong letters of ``text`` are left-to-right (Latin, Cyrillic...), else "rtl"."""
    rtl = ltr = 0
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            rtl += 1
        elif kind == "L":
            ltr += 1
    return "ltr" if ltr > rtl else "rtl"


def counted(n: int, noun: str) -> str:
    """«3 مقالات», «مقالان», «15 مقالًا»: an Arabic count with the noun in the form the number takes."""
    one, two, few, many = COUNTED[noun]
    if n == 1:
        return one
    if n == 2:
        return two
    form = few if 3 <= n % 100 <= 10 else many if n % 100 >= 11 else few if n == 0 else many
    return f"{n} {form}"


def is_web_url(url: str) -> bool:
    """Only http(s) addresses become links (no javascript: or data: URLs from input files)."""
    return url.lower().startswith(("http://", "https://"))


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]()#|!~>"} | {"<": "&lt;", "&": "&amp;"})


def markdown_escape(text: str) -> str:
    """Text safe to put in Markdown: no markup, no raw HTML, one line."""
    return " ".join(str(text).split()).translate(_MD_SPECIAL)


def anchor(story_index: int, article_id: str) -> str:
    """An HTML id for an article card: safe characters only, stable for a given article id."""
    return f"s{story_index}-a{hashlib.sha1(article_id.encode('utf-8')).hexdigest()[:12]}"


# ---------------------------------------------------------------- view model


@dataclass(slots=True)
class Link:
    label: str
    target: str | None  # an anchor in this page, or None when the article is not in the result


@dataclass(slots=True)
class Card:
    anchor: str
    article: Article
    label: str
    paragraphs: list[tuple[str, str, str]]  # (text, language, direction)
    duplicate_of: Link | None = None


@dataclass(slots=True)
class StoryView:
    index: int
    anchor: str
    story: Story
    summary: list[tuple[str, list[Link]]]
    claims: list[tuple[Any, list[Link], list[tuple[Any, Link]]]]
    entity_groups: list[tuple[str, str, list[Entity]]]
    quotes: list[tuple[Quote, list[str], Link]]
    timeline: list[tuple[Any, list[Link]]]
    cards: list[Card]


@dataclass(slots=True)
class ReportView:
    stories: list[StoryView]
    loose: list[Card]  # articles that belong to no story
    rejected: list[Any]
    counts: dict[str, int] = field(default_factory=dict)


def build_view(result: Result) -> ReportView:
    articles = {a.id: a for a in result.articles}
    stories = [_story_view(i, s, articles) for i, s in enumerate(result.stories, 1)]
    in_story = {aid for s in result.stories for aid in s.article_ids}
    loose = [_card(0, a, {a.id for a in result.articles}, articles) for a in result.articles if a.id not in in_story]
    counts = {"stories": len(result.stories), "articles": len(result.articles), "rejected": len(result.rejected),
              "duplicates": sum(1 for a in result.articles if a.duplicate_of)}
    return ReportView(stories=stories, loose=loose, rejected=list(result.rejected), counts=counts)


def source_label(article: Article | None, article_id: str) -> str:
    """What a reader calls an article: its outlet, else its file name, else its id."""
    if article is None:
        return article_id
    return article.outlet or Path(article.source).name or article.id


def _story_view(index: int, story: Story, articles: dict[str, Article]) -> StoryView:
    members = set(story.article_ids)

    def links(ids: Iterable[str]) -> list[Link]:
        return [_link(index, aid, members, articles) for aid in dict.fromkeys(ids)]

    cards = [_card(index, articles[aid], members, articles) for aid in story.article_ids if aid in articles]
    people = {e.id: e for e in story.entities if e.type == "PER"}
    return StoryView(
        index=index, anchor=f"story-{index}", story=story,
        summary=[(s.text, links(s.article_ids)) for s in story.summary],
        claims=[(c, links(c.article_ids), [(e, links([e.article_id])[0]) for e in c.evidence]) for c in story.claims],
        entity_groups=_entity_groups(story.entities),
        quotes=[(q, relay_chain(q, articles, people), links([q.article_id])[0]) for q in story.quotes],
        timeline=[(t, links(t.article_ids or [t.article_id])) for t in story.timeline],
        cards=cards)


def _link(index: int, article_id: str, members: set[str], articles: dict[str, Article]) -> Link:
    label = source_label(articles.get(article_id), article_id)
    return Link(label, anchor(index, article_id) if article_id in members and article_id in articles else None)


def _entity_groups(entities: list[Entity]) -> list[tuple[str, str, list[Entity]]]:
    groups = [(code, label, [e for e in entities if e.type == code]) for code, label in ENTITY_TYPES]
    known = {code for code, _ in ENTITY_TYPES}
    other = [e for e in entities if e.type not in known]
    if other:
        groups.append(("OTHER", "غير مصنف", other))
    return [g for g in groups if g[2]]


def _name_words(text: str) -> set[str]:
    return {skeleton(w) for w in match_key(text).split()}


def speaker_label(quote: Quote, people: dict[str, Entity] | None = None) -> str:
    """What the report calls the speaker: the speaker as the article wrote it, or «أناتولي أنطونوف (نائب وزير الدفاع)»
    when the quote is linked to a person (an entity of ``people``) whose name the written speaker does not hold."""
    speaker = quote.speaker or UNKNOWN_SPEAKER
    person = (people or {}).get(quote.speaker_entity_id or "")
    if person is None or not quote.speaker:
        return speaker
    written = _name_words(quote.speaker)
    if any(_name_words(v) & written for v in [person.name, *person.variants]):
        return speaker
    return f"{person.name} ({speaker})"


def relay_chain(quote: Quote, articles: dict[str, Article], people: dict[str, Entity] | None = None) -> list[str]:
    """Who carried the statement: speaker → each relay (agency, paper) → the outlet that published it. With the
    story's people (entity id -> PER entity), a speaker linked to a person it does not name reads «NAME (role)»."""
    chain = [speaker_label(quote, people), *quote.via]
    outlet = source_label(articles.get(quote.article_id), quote.article_id)
    if outlet not in chain:
        chain.append(outlet)
    return chain


def _card(index: int, article: Article, members: set[str], articles: dict[str, Article]) -> Card:
    duplicate = _link(index, article.duplicate_of, members, articles) if article.duplicate_of else None
    return Card(anchor=anchor(index, article.id), article=article, label=source_label(article, article.id),
                paragraphs=paragraphs(article), duplicate_of=duplicate)


def paragraphs(article: Article) -> list[tuple[str, str, str]]:
    """(text, language, direction) of each paragraph: from the article's spans, else its lines."""
    if article.paragraphs:
        spans = [(article.text[p.start:p.end].strip(), p.language) for p in article.paragraphs]
    else:
        spans = [(line.strip(), "") for line in article.text.split("\n")]
    out = []
    for text, language in spans:
        if text:
            direction = text_direction(text)
            out.append((text, language or ("ar" if direction == "rtl" else ""), direction))
    return out
