"""Story level: collect the quotes, link speakers to story entities, group the same statement.

Speakers are linked with ``marsad.entities.find_entity(story, surface)`` when that function exists,
else by comparing consonant skeletons (marsad.text.normalize.skeleton) with each entity's name and
variants. Quotes of one speaker (same entity, else same name) in different articles whose content
stems overlap enough are the same statement and share a ``group`` id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from marsad.model import Article, Entity, Quote, Story
from marsad.quotes.speakers import same_name
from marsad.text.tokens import stem, word_keys

# Share of the shorter quote's content stems found in the other quote. Not tuned on data: a
# conservative default checked by hand on the seeds (the same Antonov statement carried by seeds 000
# and 003 overlaps at 0.5-0.7; unrelated statements of the same speaker stay under 0.3).
SAME_STATEMENT = 0.5
MIN_STEM_LEN = 3


def _finder() -> Callable[[Story, str], Entity | None] | None:
    """``marsad.entities.find_entity`` when the entities package provides it."""
    try:
        import marsad.entities as entities
    except ImportError:
        return None
    found = getattr(entities, "find_entity", None)
    return found if callable(found) else None


def entity_for(story: Story, surface: str) -> Entity | None:
    """The story entity a speaker surface names (PER/ORG), or None."""
    finder = _finder()
    if finder is not None:
        return finder(story, surface)
    for entity in story.entities:
        if entity.type in ("PER", "ORG") and any(same_name(surface, n) for n in [entity.name, *entity.variants]):
            return entity
    return None


def content_stems(text: str) -> frozenset[str]:
    return frozenset(s for s in (stem(w) for w in word_keys(text)) if len(s) >= MIN_STEM_LEN)


def same_statement(a: Quote, b: Quote) -> bool:
    if a.article_id == b.article_id:
        return False
    if a.speaker_entity_id or b.speaker_entity_id:
        if a.speaker_entity_id != b.speaker_entity_id:
            return False
    elif not (a.speaker and b.speaker and same_name(a.speaker, b.speaker)):
        return False
    sa, sb = content_stems(a.text), content_stems(b.text)
    shorter = min(len(sa), len(sb))
    return shorter > 0 and len(sa & sb) / shorter >= SAME_STATEMENT


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def group_quotes(quotes: list[Quote]) -> None:
    """Give quotes of the same statement in different articles one ``group`` id (in place)."""
    parent = list(range(len(quotes)))
    for i in range(len(quotes)):
        for j in range(i + 1, len(quotes)):
            if same_statement(quotes[i], quotes[j]):
                parent[_find(parent, j)] = _find(parent, i)
    members: dict[int, list[int]] = {}
    for i in range(len(quotes)):
        members.setdefault(_find(parent, i), []).append(i)
    for idx in members.values():
        if len(idx) > 1:
            first = quotes[idx[0]]
            gid = "q-" + hashlib.sha1(f"{first.article_id}:{first.start}:{first.end}".encode()).hexdigest()[:12]
            for i in idx:
                quotes[i].group = gid


def link_story(story: Story, articles: dict[str, Article]) -> list[Quote]:
    quotes = [q for aid in story.article_ids if aid in articles for q in articles[aid].quotes]
    for quote in quotes:
        entity = entity_for(story, quote.speaker) if quote.speaker else None
        quote.speaker_entity_id = entity.id if entity else None
    group_quotes(quotes)
    return quotes
