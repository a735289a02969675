"""Name-variant matching for the story stage ``marsad.entities.resolve`` (the stage lives in ``stages.py``;
this module was ``resolve.py``, a name the stage function shadowed on the package).

Keys: ``name_key`` (matching form, leading clitics dropped; for organisations and places also the
article dropped and nisba adjectives folded to their place: «وزارة الدفاع الروسية» ->
«وزاره دفاع روسيا»), then the alias table (داعش / تنظيم الدولة الإسلامية ...).
People: two names are the same when they have the same number of words and each pair of words is
``similar`` (same consonant skeleton, or a normalised edit distance under ``EDIT_THRESHOLD``); a
one-word mention joins the full name whose last word (surname) it matches; organisations and places
merge on equal keys or alias groups only (so the Russian and Turkish defence ministries stay apart).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from marsad.entities import lexicons, rules
from marsad.model import Entity, EntityType, Mention
from marsad.text.normalize import match_key, normalize_foreign_letters, normalize_hamza_carriers, skeleton
from marsad.text.tokens import strip_article

# Normalised edit distance (Levenshtein / longer length, on foreign-letter-folded keys) under which two
# name words are spelling variants. Calibrated on Wikidata name pairs (F1-best threshold of
# ``calibrate_edit_threshold``: 9.8k vowel-variant vs 23k consonant-change pairs; MODEL_CARD.md):
# 0.10 -> F1 0.75 there (0.15 -> 0.71, 0.25 -> 0.50).
EDIT_THRESHOLD = 0.10


def name_key(text: str, kind: str) -> str:
    """Matching key of a mention's text for resolution."""
    words = match_key(text).split()
    if not words:
        return ""
    words[0] = words[0][rules.clitic_length(words[0]):]
    if words[0].startswith("لل") and len(words[0]) > 4:
        words[0] = "ال" + words[0][2:]
    if kind == "PER":
        return " ".join(words)
    if len(words) > 1 and lexicons.title_words().get(words[0]) == "loc":
        words = words[1:]  # «مدينة تدمر» is «تدمر»
    nisba = rules.nisba_words()
    return " ".join(strip_article(nisba.get(w, w)) for w in words)


def _alias_keys() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for variant, canonical, kind in lexicons.aliases():
        if kind != "NISBA":
            out.setdefault(name_key(variant, kind), (canonical, kind))
    return out


def levenshtein(a: str, b: str) -> int:
    return levenshtein_within(a, b, max(len(a), len(b)))


def levenshtein_within(a: str, b: str, bound: int) -> int:
    """The edit distance of ``a`` and ``b`` if it is at most ``bound``, else ``bound + 1`` (rows stop early)."""
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > bound:
            return bound + 1
        previous = current
    return min(previous[-1], bound + 1)


@lru_cache(maxsize=65536)
def _skeleton(word: str) -> str:
    return skeleton(word)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A name word with its hamza carriers and letters for foreign sounds folded (what ``word_distance`` compares)."""
    return normalize_foreign_letters(normalize_hamza_carriers(match_key(word)))


def word_distance(a: str, b: str) -> float:
    fa, fb = fold(a), fold(b)
    return levenshtein(fa, fb) / max(len(fa), len(fb), 1)


def similar(a: str, b: str, threshold: float = EDIT_THRESHOLD) -> bool:
    """Two name words are spelling variants (كوناشينكوف ~ كوناشنكوف, إيغور ~ ايجور)."""
    if a == b or _skeleton(a) == _skeleton(b):
        return True
    if a[:1] != b[:1]:
        return False
    fa, fb = fold(a), fold(b)
    # word_distance(a, b) <= threshold, without the full table: the edits allowed at this length
    bound = int(threshold * max(len(fa), len(fb), 1) + 1e-9)
    return fa == fb if bound == 0 else levenshtein_within(fa, fb, bound) <= bound


def same_person(a: str, b: str) -> bool:
    """Two person keys name the same person: word by word, or first and last words of longer names."""
    wa, wb = a.split(), b.split()
    if len(wa) == len(wb):
        return all(similar(x, y) for x, y in zip(wa, wb, strict=True))
    if min(len(wa), len(wb)) >= 2:
        return similar(wa[0], wb[0]) and similar(wa[-1], wb[-1])
    return False


@dataclass(slots=True)
class _Cluster:
    kind: str
    key: str
    members: list[tuple[str, Mention]] = field(default_factory=list)

    @property
    def words(self) -> int:
        return len(self.key.split())


def _entity_id(kind: str, key: str) -> str:
    return "e_" + hashlib.sha1(f"{kind}:{key}".encode()).hexdigest()[:12]


def _group(mentions: Iterable[tuple[str, Mention]]) -> list[_Cluster]:
    """Exact-key groups; alias-table names grouped under their canonical key and type."""
    alias_keys = _alias_keys()
    groups: dict[tuple[str, str], _Cluster] = {}
    for article_id, mention in mentions:
        key = name_key(mention.text, mention.type)
        if not key:
            continue
        kind: str = mention.type
        if kind != "PER":
            canonical = alias_keys.get(key)
            if canonical:
                key, kind = "=" + canonical[0], canonical[1]
            else:
                kind = "X"  # organisations, places and misc with one key merge whatever their tag
        groups.setdefault((kind, key), _Cluster(kind, key)).members.append((article_id, mention))
    return list(groups.values())


def _blocks(word: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """Where a name word can meet its variants: ``similar`` words share a first letter or a skeleton."""
    return ("letter", word[:1]), ("skeleton", _skeleton(word)[:1])


class _People:
    """The people kept so far, in order, findable by the blocks of their first and last words, so that a new
    person is compared only with those it could match (``same_person`` needs similar first words)."""

    def __init__(self) -> None:
        self.kept: list[_Cluster] = []
        self.by_first: dict[tuple[str, str], list[int]] = {}
        self.by_last: dict[tuple[str, str], list[int]] = {}

    def add(self, cluster: _Cluster) -> None:
        words = cluster.key.split()
        for block in _blocks(words[0]):
            self.by_first.setdefault(block, []).append(len(self.kept))
        if len(words) > 1:
            for block in _blocks(words[-1]):
                self.by_last.setdefault(block, []).append(len(self.kept))
        self.kept.append(cluster)

    def _indices(self, index: dict[tuple[str, str], list[int]], word: str) -> set[int]:
        return {i for block in _blocks(word) for i in index.get(block, [])}

    def near(self, key: str) -> list[_Cluster]:
        """Kept people ``same_person`` could match with ``key``, in order: similar first words, and for
        names of two words or more similar last words too."""
        words = key.split()
        found = self._indices(self.by_first, words[0])
        if len(words) > 1:
            found &= self._indices(self.by_last, words[-1])
        return [self.kept[i] for i in sorted(found)]

    def near_last(self, word: str) -> list[_Cluster]:
        """Kept names of two words or more whose last word could be ``word``."""
        return [self.kept[i] for i in sorted(self._indices(self.by_last, word))]


def _merge_people(clusters: list[_Cluster]) -> list[_Cluster]:
    people = sorted((c for c in clusters if c.kind == "PER"), key=lambda c: (-c.words, -len(c.members), c.key))
    merged = _People()
    for cluster in people:
        target = _person_target(merged, cluster)
        if target is None:
            merged.add(cluster)
        else:
            target.members.extend(cluster.members)
    return merged.kept + [c for c in clusters if c.kind != "PER"]


def _person_target(merged: _People, cluster: _Cluster) -> _Cluster | None:
    for other in merged.near(cluster.key):
        if same_person(other.key, cluster.key):
            return other
    if cluster.words == 1:
        hits = [o for o in merged.near_last(cluster.key) if similar(o.key.split()[-1], cluster.key)]
        if hits:
            return max(hits, key=lambda o: len(o.members))
    return None


def _merge_prefixes(clusters: list[_Cluster]) -> list[_Cluster]:
    """An organisation/place key that begins exactly one longer key joins it («وزارة الدفاع»)."""
    others = [c for c in clusters if c.kind == "X"]
    kept: list[_Cluster] = [c for c in clusters if c.kind != "X"]
    for cluster in sorted(others, key=lambda c: -c.words):
        longer = [o for o in kept if o.kind == "X" and o.words > cluster.words
                  and o.key.startswith(cluster.key + " ") and _only_places(o.key[len(cluster.key):])]
        if len(longer) == 1 and cluster.words >= 2:
            longer[0].members.extend(cluster.members)
        else:
            kept.append(cluster)
    return kept


def _only_places(words: str) -> bool:
    places = {strip_article(p) for p in rules.nisba_words().values()}
    return all(w in places for w in words.split())


def _pick_name(forms: Counter[str], kind: str) -> str:
    """The most frequent form (for people: the most frequent with two words or more); ties: longer."""
    full = [t for t in forms if len(t.split()) > 1] if kind == "PER" else []
    return max(full or forms, key=lambda t: (forms[t], len(t.split()), t))


def _to_entity(cluster: _Cluster) -> Entity:
    kinds = Counter(m.type for _, m in cluster.members)
    kind: EntityType = (cluster.kind if cluster.kind in ("PER", "ORG", "LOC", "MISC")  # type: ignore[assignment]
                        else kinds.most_common(1)[0][0])
    forms = Counter(m.text for _, m in cluster.members)
    name = _pick_name(forms, kind)
    # The skeleton keeps a person's id when another spelling becomes the most frequent one.
    canonical = cluster.key if cluster.key.startswith("=") else (
        skeleton(name_key(name, kind)) if kind == "PER" else name_key(name, kind))
    entity = Entity(id=_entity_id(kind if kind == "PER" else "NAME", canonical), type=kind, name=name)
    entity.variants = sorted(forms, key=lambda t: (-forms[t], t))
    entity.article_ids = sorted({a for a, _ in cluster.members})
    entity.roles = sorted({m.role for _, m in cluster.members if m.role})
    entity.mentions = sorted((a, m.start, m.end) for a, m in cluster.members)
    for _, mention in cluster.members:
        mention.entity_id = entity.id
    return entity


def resolve_mentions(mentions: Iterable[tuple[str, Mention]]) -> list[Entity]:
    """Entities of a story from its (article_id, mention) pairs; sets each ``Mention.entity_id``."""
    clusters = _merge_prefixes(_merge_people(_group(mentions)))
    entities = [_to_entity(c) for c in clusters]
    return sorted(entities, key=lambda e: (-len(e.mentions), e.name))


def find_in(entities: list[Entity], surface: str) -> Entity | None:
    """The entity a name string refers to (a quote's speaker), or None.

    Tries the whole string, then the string without leading titles/roles («الجنرال كوناشنكوف»,
    «المتحدث باسم الوزارة إيغور كوناشنكوف»: its last one to three words), then entity roles.
    """
    words = surface.split()
    for n in range(len(words), 0, -1):
        if n < len(words) and n > 3:
            continue
        found = _find_exact(entities, " ".join(words[len(words) - n:]))
        if found is not None:
            return found
    key = match_key(surface)
    holders = [e for e in entities if any(match_key(r) == key for r in e.roles)] if key else []
    return holders[0] if len(holders) == 1 else None


def _find_exact(entities: list[Entity], surface: str) -> Entity | None:
    if not surface.strip() or lexicons.title_words().get(match_key(surface)):
        return None
    for kind in ("PER", "ORG"):
        key = name_key(surface, kind)
        for entity in entities:
            if any(name_key(v, entity.type) == key for v in entity.variants):
                return entity
    alias = _alias_keys().get(name_key(surface, "ORG"))
    if alias:
        for entity in entities:
            if any(_alias_keys().get(name_key(v, entity.type)) == alias for v in entity.variants):
                return entity
    key = name_key(surface, "PER")
    people = [e for e in entities if e.type == "PER" and any(_matches_person(name_key(v, "PER"), key)
                                                              for v in e.variants)]
    return max(people, key=lambda e: len(e.mentions)) if people else None


def _matches_person(variant: str, key: str) -> bool:
    if same_person(variant, key):
        return True
    words = key.split()
    return len(words) == 1 and similar(variant.split()[-1], words[0])


VOWELS = set("aeiouyw")


def _latin_variant(a: str, b: str) -> bool | None:
    """True when two one-edit-apart Latin names differ by a vowel or a doubled letter (sergei/sergey,
    mohamed/mohammed), False when by a consonant (abel/ariel), None when not one edit apart."""
    if len(a) == len(b):
        diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        if len(diff) != 1:
            return None
        return diff[0][0] in VOWELS and diff[0][1] in VOWELS
    short, long_ = sorted((a, b), key=len)
    for i in range(len(long_)):
        if long_[:i] + long_[i + 1:] == short:
            extra = long_[i]
            return extra in VOWELS or (i > 0 and long_[i - 1] == extra)
    return None


def variant_pairs(wikidata_file: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Arabic spellings of Latin names one edit apart: positives when the Latin names differ by a vowel
    or a doubled letter (sergei/sergey), negatives when by a consonant (abel/ariel: other names)."""
    rows = [line.split("\t") for line in wikidata_file.read_text(encoding="utf-8").splitlines()]
    latin_to_ar = {r[0]: match_key(r[1].replace(" ", "")) for r in rows if len(r) >= 3 and len(r[0]) >= 5}
    by_key: dict[tuple[str, int], list[str]] = {}
    for name in latin_to_ar:
        by_key.setdefault((name[0], len(name)), []).append(name)
    positives: set[tuple[str, str]] = set()
    negatives: set[tuple[str, str]] = set()
    for name, ar in latin_to_ar.items():
        for other in by_key.get((name[0], len(name)), []) + by_key.get((name[0], len(name) + 1), []):
            if other <= name and len(other) == len(name) or latin_to_ar[other] == ar:
                continue
            verdict = _latin_variant(name, other)
            if verdict is not None:
                (positives if verdict else negatives).add((ar, latin_to_ar[other]))
    return sorted(positives), sorted(negatives)


def calibrate_edit_threshold(wikidata_file: Path) -> list[tuple[float, float]]:
    """(threshold, F1) of ``similar`` over Wikidata variant pairs for thresholds 0.10..0.40."""
    positives, negatives = variant_pairs(wikidata_file)
    out = []
    for step in range(10, 41, 5):
        t = step / 100
        tp = sum(similar(a, b, t) for a, b in positives)
        fp = sum(similar(a, b, t) for a, b in negatives)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / len(positives)
        out.append((t, 2 * p * r / (p + r) if p + r else 0.0))
    return out
