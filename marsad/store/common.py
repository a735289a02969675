"""What every store backend does the same way: snippets of the original text around a normalised match,
other spellings of a query word among stored names, and a person's appearances across stories."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from contextlib import AbstractContextManager
from functools import lru_cache
from types import TracebackType
from typing import Any, Self

from marsad.model import Article, Result, Story
from marsad.store import EntityAppearance, SaveStats
from marsad.store import rows as R
from marsad.store.rows import NAME_WORD_MIN, Connection
from marsad.text.normalize import BIDI_AND_ZW, DIACRITICS, TATWEEL, match_key, skeleton

SNIPPET_CONTEXT = 60  # characters of original text shown on each side of the first match

# (where clause on ``entities e``, its parameters) -> the appearances it selects, ordered by story id
Appearances = Callable[[str, tuple[str, ...]], list[EntityAppearance]]


def display_target(dsn: str) -> str:
    """A store's DSN without its password, for messages (``postgresql://u:***@host/db``, ``password=***``)."""
    hidden = re.sub(r"(://[^:/@?]*:)[^@/?]*@", r"\1***@", dsn)
    return re.sub(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&]+)", r"\1***", hidden)


# ---------------------------------------------------------------- entities across stories


def entity_appearances(entity_id: str, appearances: Appearances) -> list[EntityAppearance]:
    """Every story in which the entity appears; a person also under the ids another spelling has elsewhere."""
    found = appearances("WHERE e.entity_id = ?", (entity_id,))
    if found and found[0].type == "PER":
        from marsad.entities.across import surname_query_keys

        keys = sorted(surname_query_keys(n for a in found for n in [a.name, *a.variants]))
        if keys:
            others = appearances(
                "WHERE e.type = 'PER' AND e.entity_id != ? AND (e.story_id, e.position) IN "
                "(SELECT k.story_id, k.entity_position FROM person_surnames k "
                f"WHERE k.key IN ({', '.join('?' * len(keys))}))", (entity_id, *keys))
            found += same_people(found, others)
    return sorted(found, key=lambda a: (a.story_id, a.entity_id != entity_id, a.entity_id))


def same_people(found: list[EntityAppearance], others: list[EntityAppearance]) -> list[EntityAppearance]:
    """The appearances among ``others`` of the person of ``found`` under other ids."""
    from marsad.entities.across import linked_people, person_keys

    target = person_keys(n for a in found for n in [a.name, *a.variants])
    candidates: dict[str, set[str]] = {}
    for a in others:
        candidates.setdefault(a.entity_id, set()).update(person_keys([a.name, *a.variants]))
    linked = set(linked_people(target, candidates))
    return [a for a in others if a.entity_id in linked]


# ---------------------------------------------------------------- search


def name_spellings(conn: Connection, words: list[str]) -> dict[str, set[str]]:
    """Other spellings of each query word among the words of stored entity names (same skeleton)."""
    wanted: dict[str, list[str]] = {}
    for w in words:
        if len(w) >= NAME_WORD_MIN:
            wanted.setdefault(skeleton(w), []).append(w)
    out: dict[str, set[str]] = {}
    for key, owners in wanted.items():
        for (word,) in conn.execute("SELECT word FROM name_words WHERE skeleton = ?", (key,)).fetchall():
            for owner in owners:
                if word != owner:
                    out.setdefault(owner, set()).add(word)
    return out


def snippet(text: str, terms: list[str], context: int = SNIPPET_CONTEXT) -> str:
    """A one-line window of the ORIGINAL text around the first place a normalised term occurs."""
    found = [m for m in (term_pattern(t).search(text) for t in terms if t) if m]
    if not found:
        return _one_line(text[: 2 * context]) + ("…" if len(text) > 2 * context else "")
    first = min(found, key=lambda m: m.start())
    start, end = first.start(), first.end()
    left, right = max(0, start - context), min(len(text), end + context)
    left = _word_start(text, left, start)
    right = _word_end(text, right, end)
    return ("…" if left > 0 else "") + _one_line(text[left:right]) + ("…" if right < len(text) else "")


# Characters match_key deletes: they may sit anywhere inside a word of the original text.
_IGNORABLE = f"(?:{DIACRITICS.pattern}|{BIDI_AND_ZW.pattern}|{TATWEEL})*"


@lru_cache(maxsize=1)
def _spellings() -> dict[str, str]:
    """Normalised character -> every character that match_key folds onto it (أ إ آ ٱ -> ا, ٣ -> 3, A -> a)."""
    groups: dict[str, str] = defaultdict(str)
    for code in (*range(0x20, 0x250), *range(0x370, 0x530), *range(0x600, 0x700)):
        folded = match_key(chr(code))
        if len(folded) == 1 and folded != chr(code):
            groups[folded] += chr(code)
    return dict(groups)


@lru_cache(maxsize=1024)
def term_pattern(term: str) -> re.Pattern[str]:
    """A regex finding a normalised ``term`` in original text, whatever spelling variant it was written in."""
    spellings = _spellings()
    classes = ["[" + re.escape(ch + spellings.get(ch, "")) + "]" for ch in term]
    return re.compile(_IGNORABLE.join(classes))


def _word_start(text: str, at: int, limit: int) -> int:
    """Move ``at`` forward to the start of a word, not past ``limit``."""
    while 0 < at < limit and not text[at - 1].isspace():
        at += 1
    return at


def _word_end(text: str, at: int, limit: int) -> int:
    """Move ``at`` back to the end of a word, not before ``limit``."""
    while limit < at < len(text) and not text[at].isspace():
        at -= 1
    return at


def _one_line(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- the queries both backends share


class RecordQueries:
    """Saving, reading records back and forgetting stories, written once for every backend. A backend
    gives ``_conn`` (a ``rows.Connection``), ``_search_index`` (how it indexes an article for search),
    ``_reading()`` (one snapshot), ``_transaction(what)``, ``_appearances`` (its own SQL for an entity's
    appearances) and ``close()``."""

    _conn: Any  # the backend's connection (sqlite3.Connection, PgConnection): both are rows.Connection
    _search_index: R.SearchIndex = R.FTS5

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def save(self, result: Result) -> SaveStats:
        """Store a result in one transaction; re-saving what is already stored adds nothing twice."""
        with self._transaction("save"):
            articles = Counter(R.write_article(self._conn, a, self._search_index) for a in result.articles)
            stories = Counter(R.write_story(self._conn, s) for s in result.stories)
            rejected = R.write_rejections(self._conn, result.rejected)
        return SaveStats(articles_added=articles["added"], articles_updated=articles["updated"],
                         articles_unchanged=articles["unchanged"], stories_added=stories["added"],
                         stories_updated=stories["updated"], stories_unchanged=stories["unchanged"],
                         rejected_added=rejected)

    def _reading(self) -> AbstractContextManager[object]:
        raise NotImplementedError

    def _transaction(self, what: str) -> AbstractContextManager[object]:
        raise NotImplementedError

    def _appearances(self, where: str, args: tuple[str, ...]) -> list[EntityAppearance]:
        raise NotImplementedError

    def load(self) -> Result:
        """Everything stored, as records, in the order first saved."""
        with self._reading():
            return Result(articles=R.read_articles(self._conn), rejected=R.read_rejections(self._conn),
                          stories=R.read_stories(self._conn))

    def stories(self) -> list[Story]:
        with self._reading():
            return R.read_stories(self._conn)

    def story(self, story_id: str) -> Story | None:
        with self._reading():
            found = R.read_stories(self._conn, [story_id])
        return found[0] if found else None

    def article(self, article_id: str) -> Article | None:
        with self._reading():
            found = R.read_articles(self._conn, [article_id])
        return found[0] if found else None

    def delete_stories(self, story_ids: list[str]) -> int:
        """Forget stories (merged into others by incremental clustering) and their derived rows, in one
        transaction; their articles stay. Returns how many stories were deleted."""
        deleted = 0
        with self._transaction("delete stories"):
            for sid in story_ids:
                for table in R.STORY_TABLES:
                    self._conn.execute(f"DELETE FROM {table} WHERE story_id = ?", (sid,))
                deleted += self._conn.execute("DELETE FROM stories WHERE id = ?", (sid,)).rowcount
        return deleted

    def entity_stories(self, entity_id: str) -> list[EntityAppearance]:
        """Every stored story in which the entity appears, with the name and variants used there.

        Entity ids are stable across stories (a person's from the consonant skeleton of the name, an
        organisation's or place's from its alias key); a person named another way in another story
        («ايجور كوناشنكوف», or the surname alone when no other stored person has it) is found too
        (``marsad.entities.across``), under the id it has there."""
        with self._reading():
            return entity_appearances(entity_id, self._appearances)
