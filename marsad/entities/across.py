"""Resolution of people across stories: which person entities of other stories are the same person.

Within a story, ``marsad.entities.resolve`` merges the spellings of a name and gives the person a stable
id from its name key, so the same full spelling gets the same id in every story. Across a store the
same person is also written another way («إيغور كوناشينكوف» / «ايجور كوناشنكوف») or by surname alone
(«كوناشنكوف»); these functions decide such links from the names alone:

- two names with the same number of words, or first and last words alike, are the same person
  (``matching.same_person``: skeleton or a small edit distance per word);
- a surname alone is the person with that surname only when the surname is unambiguous among the
  people compared: «الأسد» is not linked when both «بشار الأسد» and «حافظ الأسد» are known.

Every such link needs the last words of the two names to be ``similar``, so a store indexes each stored
person by ``surname_keys`` and compares a person only with those sharing a key (``surname_query_keys``)
instead of every stored person: the same consonant skeleton, the same folded spelling, or, for words long
enough for ``similar`` to allow an edit, the same first letter and a length within that edit.
"""

from __future__ import annotations

from collections.abc import Iterable

from marsad.entities.matching import EDIT_THRESHOLD, fold, name_key, same_person, similar
from marsad.text.normalize import skeleton

__all__ = ["person_keys", "linked_people", "surname_keys", "surname_query_keys"]

# Longest length difference tried around a surname's length when ``similar`` allows edits (``EDIT_THRESHOLD``
# of the longer word: one edit from 10 letters, two from 20).
_LENGTH_REACH = 3


def person_keys(names: Iterable[str]) -> set[str]:
    """The matching keys of a person's names and spellings."""
    return {k for k in (name_key(n, "PER") for n in names) if k}


def surname_keys(names: Iterable[str]) -> set[str]:
    """Index keys of a stored person's names: skeleton, folded spelling and initial+length of each last word."""
    out: set[str] = set()
    for last in _last_words(names):
        folded = fold(last)
        out |= {f"s:{skeleton(last)}", f"f:{folded}", f"l:{last[:1]}:{len(folded)}"}
    return out


def surname_query_keys(names: Iterable[str]) -> set[str]:
    """The keys under which every person ``linked_people`` could link to these names is indexed."""
    out: set[str] = set()
    for last in _last_words(names):
        folded = fold(last)
        out |= {f"s:{skeleton(last)}", f"f:{folded}"}
        n = len(folded)
        for m in range(max(1, n - _LENGTH_REACH), n + _LENGTH_REACH + 1):
            if m != n and abs(m - n) <= int(EDIT_THRESHOLD * max(m, n)) or m == n and int(EDIT_THRESHOLD * n) >= 1:
                out.add(f"l:{last[:1]}:{m}")
    return out


def _last_words(names: Iterable[str]) -> set[str]:
    return {key.split()[-1] for key in person_keys(names)}


def linked_people(target: set[str], candidates: dict[str, set[str]]) -> list[str]:
    """The ids in ``candidates`` (id → person keys) that name the person whose keys are ``target``."""
    full = {k for k in target if len(k.split()) > 1}
    linked = [cid for cid, keys in candidates.items() if _same(target, keys)]
    known = full | {k for cid in linked for k in candidates[cid] if len(k.split()) > 1}
    for cid, keys in candidates.items():
        if cid in linked:
            continue
        if all(len(k.split()) == 1 for k in keys) and _surname_of(keys, known, candidates):
            linked.append(cid)
        elif not full and any(len(k.split()) > 1 for k in keys) and _surname_of(target, keys, candidates):
            linked.append(cid)
    return sorted(linked)


def _same(a: set[str], b: set[str]) -> bool:
    return any(same_person(x, y) for x in a for y in b
               if len(x.split()) == len(y.split()) or min(len(x.split()), len(y.split())) >= 2)


def _surname_of(single: set[str], full: set[str], everyone: dict[str, set[str]]) -> bool:
    """``single`` (one-word keys) is the surname of the full names ``full``, and of no other person."""
    surnames = {k for k in single if len(k.split()) == 1}
    owners = [k for k in full if len(k.split()) > 1 and any(similar(k.split()[-1], s) for s in surnames)]
    if not owners:
        return False
    others = {k for keys in everyone.values() for k in keys if len(k.split()) > 1
              and any(similar(k.split()[-1], s) for s in surnames)}
    return all(any(same_person(o, k) for k in owners) for o in others)
