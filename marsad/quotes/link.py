"""Story level: collect the quotes, link speakers to story entities, group the same statement.

Speakers are linked with ``marsad.entities.find_entity(story, surface)`` when that function exists,
else by comparing consonant skeletons (marsad.text.normalize.skeleton) with each entity's name and
variants. Quotes of one speaker (same entity, else same name) in different articles that
``marsad.quotes.paraphrase.statement_similarity`` calls the same statement share a ``group`` id; a sparse
stem-overlap product picks the candidate pairs, so a large story is not scored pair by pair.

A speaker that is a role phrase with no name in it («نائب وزير الدفاع», «الوزير») and that is not linked to a
person (``link_roles``) is linked to the one PER entity of the story holding that role (``role_holder``): its words
among the entity's role words, the same head word and country, the holders named in the quote's own article first,
never a person the quote itself names; a head word alone («الوزير») only when one person of the story holds it and
no other person of the quote's article has it. A role phrase linked to an organisation («رئيس الهيئة الوطنية» ->
«الهيئة») moves to its holder; one linked to a place only through its nisba («... الروسي» -> روسيا) with no holder
is left unlinked. The quote keeps the speaker its article wrote; only ``speaker_entity_id`` changes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from marsad.model import Article, Entity, Quote, Story
from marsad.quotes.names import masdar_pattern, name_words, same_name
from marsad.quotes.paraphrase import SAME_STATEMENT, content_stems, idf_weights, statement_similarity
from marsad.quotes.roles import HEAD_ROLES, WAZIR, other_complement, role_words_of
from marsad.quotes.speakers import parse_speaker
from marsad.quotes.tokens import sentence_tokens
from marsad.text.countries import country_words
from marsad.text.normalize import match_key

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


@lru_cache(maxsize=4096)
def role_phrase(surface: str) -> str | None:
    """The speaker as a role phrase with no name in it («نائب وزير الدفاع الروسي», «الوزير»), else None
    («الوزير نبيل فهمي» names a person; «مصدر عسكري» is an unnamed source, not one known holder)."""
    found = parse_speaker(surface, sentence_tokens(surface, 0, len(surface)))
    return found.role if found is not None and found.kind == "ROLE" and found.role else None


@lru_cache(maxsize=1)
def _nisba_countries() -> dict[str, str]:
    """Nisba adjective (``match_key``) -> ISO code: «الروسي» -> RU (the country table)."""
    return {row.word: row.code for row in country_words() if row.kind == "nisba"}


@lru_cache(maxsize=4096)
def _words(role: str) -> frozenset[str]:
    """``roles.role_words_of`` read once per spelling (a story asks for the same roles again and again)."""
    return frozenset(role_words_of(role))


@lru_cache(maxsize=4096)
def _countries(role: str) -> frozenset[str]:
    """Countries a role's adjectives name: «الرئيس الروسي» -> {RU}. The role-word skeletons cannot tell «الروسي»
    from «الرئيس» (both ر-س), so the country is compared apart."""
    table = _nisba_countries()
    keys = [match_key(w) for w in role.split()]
    return frozenset(table[k] for k in [*keys, *(k[1:] for k in keys if k.startswith("و"))] if k in table)


def _head(role: str) -> frozenset[str]:
    """Role words of the first word: «نائب» in «نائب وزير الدفاع» (a deputy is not the minister)."""
    words = role.split()
    return _words(words[0]) if words else frozenset()


def head_only(role: str) -> bool:
    """A role of head words only («الوزير», «الرئيس»), too common to name one person by itself."""
    return not _words(role) - HEAD_ROLES - WAZIR


def _object_run(role: str) -> bool:
    """A role the tagger ran on into an object: «السفير الأميركي بمجلس الأمن اقتراح» (before «أنان»: Annan's
    proposal, not Annan's title) ends in an indefinite verbal noun. Seen in quotes_dev3 (anercorp-0045)."""
    words = match_key(role).split()
    return len(words) > 1 and not words[-1].startswith("ال") and masdar_pattern(words[-1])


@dataclass(frozen=True, slots=True)
class Held:
    """What a person's roles hold, read once per entity: their role words, head words and countries."""

    words: frozenset[str]
    heads: frozenset[str]
    countries: frozenset[str]


def held_by(entity: Entity) -> Held | None:
    """The roles a PER entity holds (roles the tagger ran on into an object left out), None for others."""
    roles = [r for r in entity.roles if not _object_run(r)] if entity.type == "PER" else []
    if not roles:
        return None
    return Held(frozenset().union(*map(_words, roles)), frozenset().union(*map(_head, roles)),
                frozenset().union(*map(_countries, roles)))


def holds_role(entity: Entity, role: str, held: Held | None = None) -> bool:
    """The PER entity's roles hold the role: all its words, its head word as the head of one of them, the
    countries it names, and no other complement («وزير الخارجية» is not «وزير الدفاع»). ``held``: ``held_by(entity)``
    when the caller has it already."""
    held = held or held_by(entity)
    words = _words(role)
    if held is None or not words or not words <= held.words or other_complement(role, set(held.words)):
        return False
    return bool(_head(role) & held.heads) and _countries(role) <= held.countries


def _surnames(entity: Entity) -> frozenset[str]:
    """Consonant skeletons of the last word of the entity's name and of each variant (its family names)."""
    return frozenset().union(*(name_words(v.split()[-1]) for v in [entity.name, *entity.variants] if v.split()))


def named_in(entity: Entity, text: str, surnames: frozenset[str] | None = None) -> bool:
    """The quote names the entity: the last word (family name) of its name or of a variant is among the text's
    words (consonant skeletons). ``surnames``: ``_surnames(entity)`` when the caller has it already."""
    return bool((_surnames(entity) if surnames is None else surnames) & _text_words(text))


@lru_cache(maxsize=1024)
def _text_words(text: str) -> frozenset[str]:
    """``name_words`` of a quote, read once however many holders are checked against it."""
    return frozenset(name_words(text))


class RoleHolders:
    """The people of one story and the roles they hold, read once, with the holders of each role spelling cached
    (a story of thousands of people and quotes reads each person's roles once, not once per quote)."""

    def __init__(self, story: Story) -> None:
        self.people = [(e, h) for e in story.entities if (h := held_by(e)) is not None]
        self._holders: dict[str, list[Entity]] = {}
        self._surnames: dict[str, frozenset[str]] = {}

    def of(self, role: str) -> list[Entity]:
        """The people holding the role (``holds_role``), in the story's entity order."""
        if role not in self._holders:
            self._holders[role] = [e for e, held in self.people if holds_role(e, role, held)]
        return self._holders[role]

    def named_in(self, entity: Entity, text: str) -> bool:
        """``named_in`` with the entity's family names read once."""
        if entity.id not in self._surnames:
            self._surnames[entity.id] = _surnames(entity)
        return named_in(entity, text, self._surnames[entity.id])

    def rivals(self, role: str, article_id: str, holder: Entity) -> bool:
        """Another person of the article has every word of the role among his role words (whatever his head)."""
        words = _words(role)
        return any(e is not holder and article_id in e.article_ids and words <= held.words for e, held in self.people)


def role_holder(story: Story, quote: Quote, holders: RoleHolders | None = None) -> Entity | None:
    """The story's PER entity a role-phrase speaker stands for, or None when the speaker is no role phrase,
    nobody or several people hold the role."""
    role = role_phrase(quote.speaker) if quote.speaker else None
    if role is None:
        return None
    holders = holders or RoleHolders(story)
    found = holders.of(role)
    if head_only(role):  # «الوزير»: one holder in the story, no rival in the quote's article
        one = found[0] if len(found) == 1 else None
        return one if one and not holders.named_in(one, quote.text) and not holders.rivals(role, quote.article_id, one) \
            else None
    found = [e for e in found if not holders.named_in(e, quote.text)]
    local = [e for e in found if quote.article_id in e.article_ids]  # the article's own people first
    pool = local or found
    return pool[0] if len(pool) == 1 else None


def link_roles(story: Story, quotes: list[Quote]) -> int:
    """Link the quotes whose speaker is a role phrase and not yet linked to a person to the person holding the role
    (in place); returns how many were linked. A role phrase linked to a place only through its nisba («نائب وزير
    الدفاع الروسي» -> روسيا) loses that link: the speaker is a person, the adjective names his country."""
    types = {e.id: e.type for e in story.entities}
    holders: RoleHolders | None = None  # built on the first role phrase: most stories of named speakers need none
    done = 0
    for quote in quotes:
        linked_type = types.get(quote.speaker_entity_id or "")
        if not quote.speaker or linked_type == "PER" or role_phrase(quote.speaker) is None:
            continue
        holders = holders or RoleHolders(story)
        found = role_holder(story, quote, holders)
        if found is not None:
            quote.speaker_entity_id = found.id
            done += 1
        elif linked_type in ("LOC", "MISC"):
            quote.speaker_entity_id = None
    return done


def link_story(story: Story, articles: dict[str, Article], *, roles: bool = True) -> list[Quote]:
    """The story's quotes with speakers linked to entities and statements grouped; ``roles``: also link role
    phrases to the person holding the role (``link_roles``)."""
    quotes = [q for aid in story.article_ids if aid in articles for q in articles[aid].quotes]
    linked: dict[str, str | None] = {}  # one lookup per speaker spelling: a story repeats its speakers
    for quote in quotes:
        if quote.speaker and quote.speaker not in linked:
            entity = entity_for(story, quote.speaker)
            linked[quote.speaker] = entity.id if entity else None
        quote.speaker_entity_id = linked.get(quote.speaker) if quote.speaker else None
    if roles:
        link_roles(story, quotes)
    group_quotes(quotes)
    return quotes
