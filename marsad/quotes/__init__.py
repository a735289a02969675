"""Who said what: Arabic quotations, their speakers and relay chains.

Stages:
- ``marsad.quotes.extract`` (article): direct and indirect quotes of each Arabic sentence, with speaker,
  cue and ``via`` (relays from the speaker outward: «نقلت وكالة تاس عن ...», the source line, the
  outlet) -> ``article.quotes``;
- ``marsad.quotes.link`` (story): the story's quotes, each speaker linked to a story entity, and the
  same statement carried by several articles given one ``group`` id -> ``story.quotes``.

``score(predicted, gold)`` scores quotes against a hand annotation (see tests/golden/quotes_seeds.json).
"""

from __future__ import annotations

from marsad.model import Article, Story
from marsad.pipeline import Resources, stage
from marsad.quotes.extract import article_quotes
from marsad.quotes.link import link_story
from marsad.quotes.score import score

__all__ = ["article_quotes", "extract", "link", "link_story", "score"]


@stage("marsad.quotes.extract", "article",
       reads=["article.text", "article.sentences", "article.mentions", "article.outlet"],
       writes=["article.quotes"])
def extract(article: Article, resources: Resources) -> Article:
    article.quotes = article_quotes(article)
    return article


@stage("marsad.quotes.link", "story", reads=["article.quotes", "story.entities"], writes=["story.quotes"])
def link(story: Story, articles: dict[str, Article], resources: Resources) -> Story:
    story.quotes = link_story(story, articles)
    return story
