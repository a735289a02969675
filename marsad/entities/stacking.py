"""Two-stage tagging for label consistency across a document (stacking, Krishnan & Manning 2006).

A first CRF tags every sentence of a (pseudo-)document. A second CRF sees the usual features plus
*document* features built from those first-pass tags: the first-pass tag of the token and of its
neighbours, and, over the token's other occurrences in the document (same clitic- and
article-stripped form), the tag they mostly got, the entity type they mostly got, and the type of a
longer entity they sit in. To train the second CRF on realistic first-pass tags, the training data
is tagged by cross-validation (``folds`` models, each trained without the fold it tags).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from marsad.entities.clusters import split_key
from marsad.entities.conll import spans
from marsad.text.normalize import match_key
from marsad.text.tokens import is_arabic, strip_article

STACK_VERSION = "ner-stack-1"
# Sentences per pseudo-document when a corpus has no document boundaries (ANERcorp, AQMAR): the same
# window the full tagger is scored with (marsad.entities.evaluate.DOC_WINDOW).
WINDOW = 20
FOLDS = 4
# Folds take blocks of this many pseudo-documents in turn, so that every fold holds every corpus
# (contiguous quarters left the Wikipedia part tagged by a model trained on news alone).
FOLD_BLOCK = 5
MIN_KEY = 2  # shorter forms (و, في-like remnants, digits) carry no document evidence


@lru_cache(maxsize=300_000)
def doc_key(word: str) -> str:
    """The form a word is matched under across a document: proclitics and article stripped ('' = none)."""
    key = match_key(word)
    if not is_arabic(key):
        return key if len(key) >= MIN_KEY and key.isalpha() else ""
    rest = strip_article(split_key(key)[1])
    return rest if len(rest) >= MIN_KEY else ""


def _type(tag: str) -> str:
    return tag[2:] if tag != "O" else "O"


def _majority(counts: Counter[str]) -> str:
    return max(sorted(counts), key=lambda k: counts[k])


def _occurrences(doc: Sequence[list[str]], tags: Sequence[list[str]]) -> dict[str, list[tuple[int, int, str]]]:
    """doc_key -> (sentence, token, first-pass tag) of each occurrence."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    for s, (words, stags) in enumerate(zip(doc, tags, strict=True)):
        for t, (word, tag) in enumerate(zip(words, stags, strict=True)):
            key = doc_key(word)
            if key:
                out.setdefault(key, []).append((s, t, tag))
    return out


def _longer(doc: Sequence[list[str]], tags: Sequence[list[str]]) -> dict[str, Counter[str]]:
    """doc_key -> types of first-pass entities of two or more words containing it (per occurrence)."""
    out: dict[str, Counter[str]] = {}
    for words, stags in zip(doc, tags, strict=True):
        for start, end, kind in spans(stags):
            if end - start > 1:
                for t in range(start, end):
                    key = doc_key(words[t])
                    if key:
                        out.setdefault(key, Counter())[kind] += 1
    return out


def doc_features(doc: Sequence[list[str]], tags: Sequence[list[str]]) -> list[list[list[str]]]:
    """Second-stage features for each token of a document's sentences, given first-pass tags."""
    occurrences = _occurrences(doc, tags)
    longer = _longer(doc, tags)
    out: list[list[list[str]]] = []
    for s, (words, stags) in enumerate(zip(doc, tags, strict=True)):
        sentence: list[list[str]] = []
        for t, word in enumerate(words):
            feats = [f"s1={stags[t]}", f"s1-1={stags[t - 1] if t else 'BOS'}",
                     f"s1+1={stags[t + 1] if t + 1 < len(stags) else 'EOS'}"]
            key = doc_key(word)
            others = [tag for (os, ot, tag) in occurrences.get(key, []) if (os, ot) != (s, t)] if key else []
            if others:
                feats.append(f"dn={min(len(others), 3)}")
                feats.append(f"dmaj={_type(_majority(Counter(others)))}")
                entity = Counter(tag for tag in others if tag != "O")
                if entity:
                    feats.append(f"dtag={_majority(entity)}")
                    feats.append(f"dshare={round(sum(entity.values()) / len(others), 1)}")
            if key and key in longer:
                feats.append(f"dsup={_majority(longer[key])}")
            sentence.append(feats)
        out.append(sentence)
    return out


def windows(n: int, size: int = WINDOW) -> list[range]:
    """Sentence index ranges of consecutive pseudo-documents."""
    return [range(i, min(i + size, n)) for i in range(0, n, max(size, 1))]


def fold_of(n_sentences: int, folds: int = FOLDS, size: int = WINDOW) -> list[int]:
    """Fold number of every sentence: blocks of ``FOLD_BLOCK`` whole pseudo-documents, in turn."""
    out = [0] * n_sentences
    for d, doc in enumerate(windows(n_sentences, size)):
        for i in doc:
            out[i] = d // FOLD_BLOCK % folds
    return out
