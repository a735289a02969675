"""Story level: collect the quotes, link speakers to story entities, group the same statement.

Speakers are linked with ``marsad.entities.find_entity(story, surface)`` when that function exists,
else by comparing consonant skeletons (marsad.text.normalize.skeleton) with each entity's name and
variants. Quotes of one speaker (same entity, else same name) in different articles that
``marsad.quotes.paraphrase.statement_similarity`` calls the same statement share a ``group`` id; a sparse
stem-overlap product picks the candidate pairs, so a large story is not scored pair by pair.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from marsad.model import Article, Entity, Quote, Story
from marsad.quotes.names import same_name
from marsad.quotes.paraphrase import SAME_STATEMENT, content_stems, idf_weights, statement_similarity

# Cheap prefilter before marsad.quotes.paraphrase.statement_similarity decides: the IDF-weighted stem
# overlap a pair must reach to be scored at all. Every pair statement_similarity calls the same on the dev
# part of tests/golden/statement_pairs.json (168 pairs) has an overlap >= 0.36; 0.25 keeps them all.
CANDIDATE = 0.25


def _finder() -> Callable[[Story, str], Entity | None] | None:
    """``marsad.entities.find_entity`` when the entities package provides it."""
    try:
        import marsad.entities as entities
    except ImportError:
        return None
    found = getattr(entities, "find_entity", None)
    return found if callable(found) else None


def entity_for(story: Story, surface: str) -> Entity | None:
    """The story entity a speaker surface names (PER/ORG), or None: ``marsad.entities.find_entity``
    first, then every name and variant compared word by word (consonant skeletons)."""
    finder = _finder()
    found = finder(story, surface) if finder is not None else None
    if found is not None:
        return found
    for entity in story.entities:  # also «الدفاع الروسية» for «وزارة الدفاع الروسية»
        if entity.type in ("PER", "ORG") and any(same_name(surface, n) for n in [entity.name, *entity.variants]):
            return entity
    return None


def same_speaker(a: Quote, b: Quote) -> bool:
    if a.speaker_entity_id or b.speaker_entity_id:
        return a.speaker_entity_id == b.speaker_entity_id
    return bool(a.speaker and b.speaker and same_name(a.speaker, b.speaker))


def same_statement(a: Quote, b: Quote, idf: dict[str, float] | None = None) -> bool:
    """Two quotes of one speaker in different articles saying the same thing."""
    if a.article_id == b.article_id or not same_speaker(a, b):
        return False
    return statement_similarity(a.text, b.text, idf or {}) >= SAME_STATEMENT


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _speaker_buckets(quotes: list[Quote]) -> list[list[int]]:
    """Indices of quotes that can be the same speaker: one bucket per linked entity, one for the
    quotes whose speaker is not linked (compared by name inside it). Keeps grouping near-linear in
    the number of quotes of a large story instead of comparing every pair."""
    buckets: dict[str, list[int]] = {}
    for i, quote in enumerate(quotes):
        if quote.speaker_entity_id:
            buckets.setdefault("e:" + quote.speaker_entity_id, []).append(i)
        elif quote.speaker:
            buckets.setdefault("", []).append(i)
    return list(buckets.values())


def _statement_pairs(bucket: list[int], stems: list[frozenset[str]], idf: dict[str, float],
                     weight: list[float]) -> list[tuple[int, int]]:
    """Candidate pairs of a bucket whose IDF-weighted stem overlap reaches CANDIDATE, from one sparse
    product (shared weight of every pair at once) instead of a Python loop over all pairs."""
    import numpy as np
    from scipy import sparse

    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for r, i in enumerate(bucket):
        for s in stems[i]:
            rows.append(r)
            cols.append(vocab.setdefault(s, len(vocab)))
            vals.append(idf.get(s, 1.0))
    weighted = sparse.csr_matrix((vals, (rows, cols)), shape=(len(bucket), max(1, len(vocab))))
    binary = weighted.copy()
    binary.data[:] = 1.0
    shared = sparse.triu(weighted @ binary.T, k=1).tocoo()
    lighter = np.minimum(np.take(weight, [bucket[r] for r in shared.row]), np.take(weight, [bucket[c] for c in shared.col]))
    keep = (lighter > 0) & (shared.data >= CANDIDATE * lighter)
    return [(bucket[r], bucket[c]) for r, c in zip(shared.row[keep], shared.col[keep], strict=True)]


def group_quotes(quotes: list[Quote]) -> None:
    """Give quotes of the same statement in different articles one ``group`` id (in place)."""
    parent = list(range(len(quotes)))
    stems = [content_stems(q.text) for q in quotes]
    idf = idf_weights(stems)
    weight = [sum(idf.get(s, 1.0) for s in st) for st in stems]
    for bucket in _speaker_buckets(quotes):
        if len(bucket) < 2:
            continue
        for i, j in _statement_pairs(bucket, stems, idf, weight):
            if _find(parent, i) == _find(parent, j):
                continue  # already one statement through other carriers: no need to score the pair
            if quotes[i].article_id != quotes[j].article_id and same_speaker(quotes[i], quotes[j]) \
                    and statement_similarity(quotes[i].text, quotes[j].text, idf) >= SAME_STATEMENT:
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
    linked: dict[str, str | None] = {}  # one lookup per speaker spelling: a story repeats its speakers
    for quote in quotes:
        if quote.speaker and quote.speaker not in linked:
            entity = entity_for(story, quote.speaker)
            linked[quote.speaker] = entity.id if entity else None
        quote.speaker_entity_id = linked.get(quote.speaker) if quote.speaker else None
    group_quotes(quotes)
    return quotes
