"""Exact and near-duplicate articles: MinHash-LSH over word shingles of the normalised text.

- exact copies: the same ``match_key`` text hash;
- near-duplicates (syndicated copies with another header/footer, reordered paragraphs, light
  rewrites): datasketch MinHash-LSH proposes candidates, then the shingle sets decide with the
  Jaccard similarity or, for a copy wrapped in extra text, the containment of the smaller article.

``duplicate_of`` points to the earliest article of the group (publication date, then input order);
the earliest keeps ``duplicate_of = None``. A syndicated copy still counts as its outlet's coverage
but never as independent corroboration.

Signatures carry their parameters (``Signature``: num_perm, seed, shingle size, version) and refuse
to be compared with signatures built differently, like datasketch's MinHash.
"""

from __future__ import annotations

import hashlib
import random
import re
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from marsad.errors import ModelError
from marsad.model import Article
from marsad.pipeline import Resources, stage
from marsad.text.normalize import match_key

if TYPE_CHECKING:
    from datasketch import MinHash

SIGNATURE_VERSION = 1
SHINGLE_SIZE = 3
MINHASH_SEED = 1
WORD = re.compile(r"\w+")
# Calibrated with ``python benchmarks/bench_ingest.py --calibrate-dedup`` on (a) 20 generated
# variants of each of the 5 seeds and of 40 ANERcorp newswire chunks (new header/footer, reordered
# paragraphs, 10 % word edits, combinations) and (b) all pairs of distinct articles: the 10 seed
# pairs (same story, same week) and the other 980 pairs with ANERcorp chunks. Every variant scored
# Jaccard >= 0.38 and containment >= 0.55 (lowest: reordered + 10 % edits); distinct pairs scored
# Jaccard <= 0.02 and containment <= 0.04 (highest: two seeds). Thresholds sit between the two,
# nearer the distinct side so heavier rewrites are still caught.
# ``Config.dedup_threshold`` is the Jaccard floor the stage uses (recommended: JACCARD_THRESHOLD).
JACCARD_THRESHOLD = 0.3
CONTAINMENT_THRESHOLD = 0.5
# LSH retrieves candidates above this estimated Jaccard; set below JACCARD_THRESHOLD so that copies
# caught by containment (a short article inside a longer page) are still proposed in most cases.
LSH_THRESHOLD = 0.15
_HEADER = struct.Struct("<4sHHQH")
_MAGIC = b"MSIG"


@dataclass(frozen=True, slots=True)
class Signature:
    """A MinHash signature with the parameters it was built with; stored as bytes with ``to_bytes``."""

    hashvalues: tuple[int, ...]
    num_perm: int
    seed: int = MINHASH_SEED
    shingle_size: int = SHINGLE_SIZE
    version: int = SIGNATURE_VERSION

    @classmethod
    def of(cls, shingles: Iterable[str], num_perm: int, seed: int = MINHASH_SEED) -> Signature:
        minhash = _minhash(shingles, num_perm, seed)
        return cls(tuple(int(v) for v in minhash.hashvalues), num_perm, seed)

    def params(self) -> tuple[int, int, int, int]:
        return (self.num_perm, self.seed, self.shingle_size, self.version)

    def jaccard(self, other: Signature) -> float:
        """Estimated Jaccard similarity; refuses signatures built with other parameters."""
        if self.params() != other.params():
            raise ModelError(f"cannot compare MinHash signatures built with different parameters "
                             f"{self.params()} and {other.params()} (num_perm, seed, shingle size, version)")
        return float(np.mean(np.array(self.hashvalues) == np.array(other.hashvalues)))

    def to_bytes(self) -> bytes:
        header = _HEADER.pack(_MAGIC, self.version, self.num_perm, self.seed, self.shingle_size)
        return header + np.array(self.hashvalues, dtype="<u8").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        if len(data) < _HEADER.size:
            raise ModelError("not a Marsad MinHash signature (too short)")
        magic, version, num_perm, seed, shingle_size = _HEADER.unpack_from(data)
        if magic != _MAGIC or version != SIGNATURE_VERSION:
            raise ModelError(f"not a Marsad MinHash signature of version {SIGNATURE_VERSION}")
        values = np.frombuffer(data[_HEADER.size :], dtype="<u8")
        if len(values) != num_perm:
            raise ModelError(f"signature holds {len(values)} values, its header says {num_perm}")
        return cls(tuple(int(v) for v in values), num_perm, seed, shingle_size, version)


def _minhash(shingles: Iterable[str], num_perm: int, seed: int) -> MinHash:
    from datasketch import MinHash

    minhash = MinHash(num_perm=num_perm, seed=seed)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash


def words(text: str) -> list[str]:
    """Normalised words (spelling variants folded, punctuation dropped)."""
    return WORD.findall(match_key(text))


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[str]:
    tokens = words(text)
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def text_hash(text: str) -> str:
    return hashlib.sha256(" ".join(words(text)).encode("utf-8")).hexdigest()


def similarity(a: set[str], b: set[str]) -> tuple[float, float]:
    """(Jaccard, containment of the smaller set) of two shingle sets."""
    if not a or not b:
        return 0.0, 0.0
    common = len(a & b)
    return common / len(a | b), common / min(len(a), len(b))


def is_near_duplicate(a: set[str], b: set[str], jaccard_floor: float = JACCARD_THRESHOLD) -> bool:
    jaccard, containment = similarity(a, b)
    return jaccard >= jaccard_floor or containment >= CONTAINMENT_THRESHOLD


def chronological(articles: list[Article]) -> list[int]:
    """Indices of ``articles`` from the earliest: by publication date (undated last), then input order."""
    return sorted(range(len(articles)), key=lambda i: (articles[i].published or "\uffff", i))


@stage("mark_duplicates", "corpus", reads=["article.text", "article.published"],
       writes=["article.duplicate_of", "article.meta"])
def mark_duplicates(articles: list[Article], resources: Resources) -> list[Article]:
    """Point every exact or near-duplicate at the earliest article of its group."""
    from datasketch import MinHashLSH

    num_perm, floor = resources.config.dedup_num_perm, resources.config.dedup_threshold
    lsh = MinHashLSH(threshold=min(LSH_THRESHOLD, floor), num_perm=num_perm)
    exact: dict[str, int] = {}
    sets: dict[int, set[str]] = {}
    for i in chronological(articles):
        article = articles[i]
        article.duplicate_of = None
        if not words(article.text):
            continue
        digest = text_hash(article.text)
        if digest in exact:
            _link(article, articles[exact[digest]], "exact", 1.0)
            continue
        exact[digest] = i
        sets[i] = shingles(article.text)
        if not sets[i]:
            continue
        minhash = _minhash(sets[i], num_perm, MINHASH_SEED)
        match = _best_match(i, sets, lsh.query(minhash), floor)
        if match is not None:
            _link(article, articles[match[0]], "near", match[1])
        lsh.insert(str(i), minhash)
    return articles


def _best_match(i: int, sets: dict[int, set[str]], candidates: Iterable[str],
                floor: float) -> tuple[int, float] | None:
    best: tuple[int, float] | None = None
    for key in candidates:
        j = int(key)
        jaccard, containment = similarity(sets[i], sets[j])
        if (jaccard >= floor or containment >= CONTAINMENT_THRESHOLD) and \
                (best is None or max(jaccard, containment) > best[1]):
            best = (j, max(jaccard, containment))
    return best


def _link(article: Article, earlier: Article, kind: str, score: float) -> None:
    article.duplicate_of = earlier.duplicate_of or earlier.id
    article.meta["duplicate"] = {"kind": kind, "similarity": round(score, 3), "of": article.duplicate_of}


# --- generated variants, for calibration and tests ----------------------------------------------

FILLER_HEADERS = ("المصدر: وكالات الأنباء", "شارك هذا الخبر على مواقع التواصل", "نشر في 7 أكتوبر 2015",
                  "الرئيسية » أخبار عربية ودولية", "تابعونا على تويتر وفيسبوك للحصول على آخر الأخبار")
FILLER_WORDS = ("وقد", "كذلك", "أيضا", "حاليا", "اليوم", "رسميا", "بدوره", "مؤخرا")


def variant_new_frame(text: str, rng: random.Random) -> str:
    """A syndicated copy: a different header and footer around the same body."""
    return "\n".join([rng.choice(FILLER_HEADERS), text, rng.choice(FILLER_HEADERS), "جميع الحقوق محفوظة 2015"])


def variant_reordered(text: str, rng: random.Random) -> str:
    paragraphs = [p for p in text.split("\n") if p.strip()]
    rng.shuffle(paragraphs)
    return "\n".join(paragraphs)


def variant_edited(text: str, rng: random.Random, share: float = 0.1) -> str:
    """About ``share`` of the words replaced, dropped or given a filler word."""
    out: list[str] = []
    for word in text.split(" "):
        roll = rng.random()
        if roll < share / 3:
            continue
        if roll < 2 * share / 3:
            out.append(rng.choice(FILLER_WORDS))
        elif roll < share:
            out.extend([word, rng.choice(FILLER_WORDS)])
        else:
            out.append(word)
    return " ".join(out)


VARIANTS = {
    "frame": variant_new_frame,
    "reordered": variant_reordered,
    "edited": variant_edited,
    "frame+edited": lambda t, r: variant_new_frame(variant_edited(t, r), r),
    "reordered+edited": lambda t, r: variant_reordered(variant_edited(t, r), r),
}
