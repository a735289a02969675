"""What every store backend does the same way: snippets of the original text around a normalised match,
other spellings of a query word among stored names, and a person's appearances across stories."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache

from marsad.store import EntityAppearance
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
        others = appearances("WHERE e.type = 'PER' AND e.entity_id != ?", (entity_id,))
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
