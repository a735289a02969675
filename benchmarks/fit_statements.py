"""Fit ``marsad.quotes.paraphrase.WEIGHTS`` and choose ``SAME_STATEMENT``: the calibration of the same-statement decision.

    .venv/bin/python benchmarks/fit_statements.py [--weigh-words on|off] [--synonyms on|off] [--no-stories] [--shuffles 5]
                                                  [--folds 6] [--c 30] [--max-cross 0.005]

The pool: the dev part of tests/golden/statement_pairs.json (168 written pairs, 42 statement groups) plus
every pair of dev texts from different groups that shares a person-folded word form (``bench_statements.
cross_pairs``: 2,935 pairs, all different statements), and (unless ``--no-stories``) the «story_dev» part: 1,027
pairs of 8 written stories (142 same), every same-statement pair of a story and every different-statement pair of one
speaker in it, each story's pairs scored with the IDF of that story's own quote texts (``bench_statements.story_idfs``,
as ``marsad.quotes.link`` computes it for a real story), where topic words are common and a statement's own are
not. Features are ``paraphrase.features(paraphrase.signals(a,
b, idf))`` with the IDF of the dev texts (``bench_statements.part_idf``), so the script fits whatever signals the
code computes; ``--weigh-words`` computes them with ``weigh_words=True`` (folded and character overlaps weighted by
the stems' IDF, ``paraphrase.WEIGH_WORDS``) whatever the shipped default; ``--synonyms`` likewise the folded overlap
with news synonyms (``paraphrase.FOLD_SYNONYMS``). A logistic regression (scikit-learn ``LogisticRegression``, L2, lbfgs, no class weights) is
cross-validated by statement group (a whole story is one group): each shuffle deals the groups into ``--folds``
folds; a fold's test rows are the pairs touching one of its groups (a cross pair touching two folds is scored in
both), its training rows the pairs touching none. Scores are gated as ``statement_similarity`` gates them (no shared folded word
form -> 0). For each C and threshold it prints dev-pair P/R/F1, story-pair P/R/F1, the share of
cross pairs called the same and the pooled F1 (every row of the pool together); C and the threshold with the best pooled F1 are chosen (or C
given by ``--c``; with ``--max-cross``, only points calling at most that share of the cross pairs the same
compete), the model is fitted on the whole pool with that C, and the weights to paste are printed.
The held-back parts («heldback», «story_heldback») are never read. With ``--c 30`` the final fit gives the WEIGHTS of 2026-11-24 (784a211) to
the third decimal; that commit's CV figures came from an uncommitted script whose fold dealing is not known, so
its CV figures (F1 0.782, 0.2%) are not reproduced exactly: this script gives F1 0.771, 0.28% at C=30, 0.2.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_statements import cross_pairs, load_pairs, part_idf, story_idfs  # noqa: E402

from marsad.quotes import paraphrase  # noqa: E402

C_GRID = (0.3, 1.0, 3.0, 10.0, 30.0, 100.0)
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 13))  # 0.05 .. 0.6


@dataclass
class Pool:
    """Feature rows, labels, the statement groups each row touches, the kind of each row («dev», «cross», «story»)
    and the gate."""

    x: np.ndarray
    y: np.ndarray
    groups: list[frozenset[str]]
    kind: np.ndarray
    gate: np.ndarray


Row = tuple[str, str, dict[str, float], int, frozenset[str], str]  # a, b, IDF, label, groups, kind


def dev_rows() -> list[Row]:
    """The dev pairs and the cross pairs of their texts, with the IDF of the dev texts."""
    pairs = load_pairs("dev")
    idf = part_idf(pairs)
    group_of = {str(p[k]): str(p["group"]) for p in pairs for k in ("a", "b")}
    return ([(str(p["a"]), str(p["b"]), idf, int(bool(p["same"])), frozenset({str(p["group"])}), "dev") for p in pairs]
            + [(a, b, idf, 0, frozenset({group_of[a], group_of[b]}), "cross") for a, b in cross_pairs(pairs)])


def story_rows() -> list[Row]:
    """The story_dev pairs, each with its story's IDF; a whole story is one CV group."""
    pairs = load_pairs("story_dev")
    idfs = story_idfs(pairs)
    return [(str(p["a"]), str(p["b"]), idfs[int(str(p["story"]))], int(bool(p["same"])),
             frozenset({f"story:{p['story']}"}), "story") for p in pairs]


def build_pool(weigh_words: bool = paraphrase.WEIGH_WORDS, stories: bool = True,
               synonyms: bool = paraphrase.FOLD_SYNONYMS) -> Pool:
    rows = dev_rows() + (story_rows() if stories else [])
    values = [paraphrase.signals(a, b, idf, weigh_words=weigh_words, synonyms=synonyms) for a, b, idf, *_ in rows]
    return Pool(x=np.array([paraphrase.features(v) for v in values]), y=np.array([r[3] for r in rows]),
                groups=[r[4] for r in rows], kind=np.array([r[5] for r in rows]),
                gate=np.array([v[1] > 0 for v in values]))


def fit(x: np.ndarray, y: np.ndarray, c: float) -> tuple[float, ...]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=10_000).fit(x, y)
    return (float(model.intercept_[0]), *map(float, model.coef_[0]))


def scores(weights: tuple[float, ...], x: np.ndarray, gate: np.ndarray) -> np.ndarray:
    z = np.clip(weights[0] + x @ np.array(weights[1:]), -30.0, 30.0)
    return np.where(gate, 1.0 / (1.0 + np.exp(-z)), 0.0)


def cross_validate(pool: Pool, c: float, folds: int, shuffles: int) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold (row index, score) over every shuffle and fold."""
    names = sorted(set().union(*pool.groups))
    index, found = [], []
    for shuffle in range(shuffles):
        order = names[:]
        random.Random(shuffle).shuffle(order)
        fold_of = {g: i % folds for i, g in enumerate(order)}
        for fold in range(folds):
            touches = np.array([any(fold_of[g] == fold for g in gs) for gs in pool.groups])
            weights = fit(pool.x[~touches], pool.y[~touches], c)
            rows = np.flatnonzero(touches)
            index.append(rows)
            found.append(scores(weights, pool.x[rows], pool.gate[rows]))
    return np.concatenate(index), np.concatenate(found)


def figures(pool: Pool, rows: np.ndarray, found: np.ndarray, threshold: float) -> dict[str, float]:
    """Dev-pair and story-pair P/R/F1, the share of cross pairs called the same, and the pooled F1 (all rows)."""
    said, gold, kind = found >= threshold, pool.y[rows] == 1, pool.kind[rows]
    out = {"cross": float(np.mean(said[kind == "cross"])) if np.any(kind == "cross") else 0.0}
    for name, mask in (("", kind == "dev"), ("story ", kind == "story"), ("pooled ", np.ones_like(said))):
        tp = int(np.sum(said & gold & mask))
        precision = tp / max(1, int(np.sum(said & mask)))
        recall = tp / max(1, int(np.sum(gold & mask)))
        out |= {f"{name}P": precision, f"{name}R": recall, f"{name}F1": _f1(precision, recall)}
    out["pooled"] = out["pooled F1"]
    return out


def _score(f: dict[str, float], max_cross: float | None, beta: float = 1.0) -> float:
    """The pooled F-beta (F1 by default; beta < 1 weighs precision: a wrong merge joins two statements a reader then
    takes for one), or -1 for a point calling more than ``max_cross`` of the cross pairs the same."""
    p, r = f["pooled P"], f["pooled R"]
    score = (1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0
    return score if max_cross is None or f["cross"] <= max_cross else -1.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _line(label: str, f: dict[str, float]) -> str:
    story = f"  story pairs P {f['story P']:.3f} R {f['story R']:.3f} F1 {f['story F1']:.3f}" if f["story R"] else ""
    return (f"{label:14s} dev pairs P {f['P']:.3f} R {f['R']:.3f} F1 {f['F1']:.3f}{story}  cross called same {f['cross']:.2%}"
            f"  pooled F1 {f['pooled']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weigh-words", choices=("on", "off"), default=None,
                        help="folded and character overlaps IDF-weighted (default: paraphrase.WEIGH_WORDS)")
    parser.add_argument("--synonyms", choices=("on", "off"), default=None,
                        help="folded overlap with news synonyms (default: paraphrase.FOLD_SYNONYMS)")
    parser.add_argument("--max-cross", type=float, default=None,
                        help="choose C and threshold among points calling at most this share of cross pairs the same")
    parser.add_argument("--no-stories", action="store_true", help="the pool without the story_dev part (before 2026-11-24)")
    parser.add_argument("--folds", type=int, default=6)
    parser.add_argument("--shuffles", type=int, default=5)
    parser.add_argument("--c", type=float, default=None, help="use this C instead of the cross-validated choice")
    parser.add_argument("--beta", type=float, default=1.0, help="choose by pooled F-beta (0.5: precision counts double)")
    args = parser.parse_args()
    weigh = paraphrase.WEIGH_WORDS if args.weigh_words is None else args.weigh_words == "on"
    synonyms = paraphrase.FOLD_SYNONYMS if args.synonyms is None else args.synonyms == "on"
    pool = build_pool(weigh, stories=not args.no_stories, synonyms=synonyms)
    counts = {k: (int(np.sum(pool.kind == k)), int(np.sum(pool.y[pool.kind == k]))) for k in ("dev", "cross", "story")}
    print(f"pool (weigh_words={weigh}, synonyms={synonyms}): " + ", ".join(f"{n} {k} pairs ({s} same)" for k, (n, s) in counts.items())
          + f"; {args.folds}-fold CV by statement group / story, {args.shuffles} shuffles")
    best: tuple[float, float, float] = (-1.0, 0.0, 0.0)
    results = {}
    for c in (C_GRID if args.c is None else (args.c,)):
        rows, found = cross_validate(pool, c, args.folds, args.shuffles)
        results[c] = (rows, found)
        top = max(THRESHOLDS, key=lambda t: _score(figures(pool, rows, found, t), args.max_cross, args.beta))
        print(_line(f"C={c:g} t={top:.2f}", figures(pool, rows, found, top)))
        best = max(best, (_score(figures(pool, rows, found, top), args.max_cross, args.beta), c, top))
    _, c, threshold = best
    print(f"chosen C={c:g}, threshold {threshold:.2f}; thresholds at C={c:g}:")
    for t in THRESHOLDS:
        print(_line(f"  t={t:.2f}", figures(pool, *results[c], t)))
    weights = fit(pool.x, pool.y, c)
    print("WEIGHTS: tuple[float, ...] = (" + ", ".join(f"{w:.3f}" for w in weights) + ")")
    print(f"SAME_STATEMENT = {threshold:g}")


if __name__ == "__main__":
    main()
