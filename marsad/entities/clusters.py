"""Distributional word clusters learnt from unlabelled Arabic text (features ``k0=``, ``k1=``, ``k2=``).

Words (normalised, clitic-stripped) are represented by their left and right neighbours, weighted by
positive pointwise mutual information (context distribution smoothed, alpha 0.75), reduced with a
truncated SVD and clustered with k-means at three granularities. A word unseen in training but in
the same cluster as known names gets their weight: the usual gain of Brown-style clusters for NER.

Only the derived table ``models/word_clusters.tsv`` (word -> three cluster ids) ships; the text it
is learnt from (the token column of the shared NER corpora) does not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from marsad.entities import lexicons
from marsad.text.normalize import match_key
from marsad.text.tokens import is_arabic, strip_clitics

# Sizes calibrated on the dev splits (ANERcorp last 10%, AQMAR dev); see MODEL_CARD.md.
MIN_COUNT = 2  # words seen fewer times get no cluster
CONTEXTS = 4000  # most frequent words used as left/right context dimensions
DIMENSIONS = 100  # SVD components
GRANULARITY = (32, 256, 1024)  # k-means cluster counts, coarse to fine
WINDOW = 1  # neighbours on each side, each offset its own block of context dimensions
SEED = 13


def split_key(key: str) -> tuple[str, str]:
    """(proclitics, rest) of a normalised word, as ``strip_clitics``, but a known person-name token
    stays whole when the rest is a rarer one: «فلاديمير» is not فل + «اديمير»."""
    if not is_arabic(key):
        return "", key
    clitic, rest = strip_clitics(key)
    names = lexicons.person_tokens()
    if clitic and "ال" not in clitic and names.get(key, 0) > names.get(rest, 0):
        return "", key
    return clitic, rest


def cluster_key(word: str) -> str:
    """The form words are clustered under: normalised, proclitics stripped."""
    key = match_key(word)
    return strip_clitics(key)[1] if is_arabic(key) else key


def _cooccurrences(sentences: Iterable[list[str]], window: int) -> tuple[list[str], Any]:
    import numpy as np
    from scipy.sparse import coo_matrix

    offsets = [o for o in range(-window, window + 1) if o]
    sents = [[cluster_key(w) for w in s] for s in sentences]
    counts = Counter(w for s in sents for w in s)
    vocab = [w for w, n in counts.most_common() if n >= MIN_COUNT]
    index = {w: i for i, w in enumerate(vocab)}
    ctx = {w: i for i, w in enumerate(vocab[:CONTEXTS])}
    rows: list[int] = []
    cols: list[int] = []
    for s in sents:
        padded = ["<s>", *s, "</s>"]
        for i in range(1, len(padded) - 1):
            row = index.get(padded[i])
            if row is None:
                continue
            for n, offset in enumerate(offsets):
                j = i + offset
                word = padded[j] if 0 <= j < len(padded) else "</s>"
                rows.append(row)
                cols.append(ctx.get(word, CONTEXTS) + n * (CONTEXTS + 1))  # CONTEXTS: rarer word or boundary
    data = np.ones(len(rows), dtype=np.float64)
    matrix = coo_matrix((data, (rows, cols)), shape=(len(vocab), len(offsets) * (CONTEXTS + 1))).tocsr()
    return vocab, matrix


def _ppmi(matrix: Any) -> Any:
    import numpy as np

    total = matrix.sum()
    row = np.asarray(matrix.sum(axis=1)).ravel()
    col = np.asarray(matrix.sum(axis=0)).ravel() ** 0.75
    coo = matrix.tocoo()
    pmi = np.log(coo.data * total / (row[coo.row] * col[coo.col] / col.sum() * total))
    coo.data = np.maximum(pmi, 0.0)
    coo.eliminate_zeros()
    return coo.tocsr()


def learn(sentences: Iterable[list[str]], granularity: tuple[int, ...] = GRANULARITY,
          dimensions: int = DIMENSIONS, window: int = WINDOW) -> dict[str, tuple[int, ...]]:
    """Word -> cluster ids (one per granularity) from tokenised, unlabelled sentences."""
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    vocab, matrix = _cooccurrences(sentences, window)
    vectors = TruncatedSVD(dimensions, random_state=SEED).fit_transform(_ppmi(matrix))
    vectors = normalize(vectors)
    labels = [MiniBatchKMeans(k, random_state=SEED, n_init=3, batch_size=4096).fit_predict(vectors)
              for k in granularity]
    return {w: tuple(int(lab[i]) for lab in labels) for i, w in enumerate(vocab)}


def write(table: dict[str, tuple[int, ...]], out: Path) -> int:
    header = ("# Distributional word clusters (k-means over PPMI/SVD neighbour vectors), word in cluster_key form.\n"
              "# Learnt by marsad.entities.clusters from the token column of ANERcorp, AQMAR, Wojood sample and\n"
              f"# WikiFANE (licences in MODEL_CARD.md); granularities {GRANULARITY}.\n"
              "word\t" + "\t".join(f"k{i}" for i in range(len(GRANULARITY))) + "\n")
    body = "".join(f"{w}\t" + "\t".join(map(str, ids)) + "\n" for w, ids in sorted(table.items()))
    out.write_text(header + body, encoding="utf-8")
    return len(table)


def read_tokens(paths: Iterable[Path]) -> list[list[str]]:
    """Sentences of tokens (first column) of CoNLL files; tags are ignored."""
    from marsad.entities.conll import read_conll

    return [[w for w, _ in s] for path in paths for s in read_conll(path)]
