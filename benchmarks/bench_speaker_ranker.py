"""Issue 5 experiment: a learned speaker chooser (marsad.quotes.ranker) against the hand rules, on three dev sets.

    .venv/bin/python benchmarks/bench_speaker_ranker.py [--folds 5] [--repeats 5] [--base] [--mentions] [--softmax]
        [--no-rules] [--weights]

Speaker accuracy over the gold quotes the extractor matches (the bench's matching), on the same quotes for
model and rules. (1) Cross-validation by passage over the union of quotes_dev, quotes_dev2 and quotes_dev3 (the
seeds are training data only): passages sharing any ANERcorp sentence fall in one group (dev3's anercorp-0045
repeats a dev passage), groups are dealt to folds after a shuffle per repeat; the ridge penalty of each outer fold
is chosen by an inner grouped CV on its training part only. Per repeat every quote is predicted once, so each
set's accuracy is a full out-of-fold figure; the table gives mean ± std over repeats, the mean ± std of the
per-fold difference, and the quotes the model wins and loses against the rules (summed over repeats).
(2) Transfer: train on two dev sets + seeds, test on the third (groups overlapping the test set left out).
``--base`` uses the 34 features of the first experiment only; ``--mentions`` tags entity mentions first (rules and
model both see them). Never reads the held-out check sets.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # small matrices: BLAS threads only fight the other jobs (20x slower on 2 cores)

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_quotes import gold_articles, with_mentions  # noqa: E402

from marsad.quotes import article_quotes  # noqa: E402
from marsad.quotes.ranker import BASE_FEATURES, FEATURES, Example, correct, examples, train, train_softmax  # noqa: E402
from marsad.text.normalize import match_key  # noqa: E402

DEVS = ("dev", "dev2", "dev3")
L2_GRID = (0.3, 1.0, 3.0, 10.0, 30.0, 100.0, 300.0)  # searched by inner CV on each training part, never on a test fold
Trainer = Callable[..., np.ndarray]


SHINGLE = 8  # words: passages sharing a run of 8 normalised words repeat each other (ANERcorp holds some articles twice)


def load(which: str, with_rules: bool, mentions: bool) -> tuple[list[Example], dict[str, set[str]]]:
    """Examples (passage ids prefixed with the set's name) and each passage's ANERcorp sentence numbers and
    8-word runs (a repeated article comes back under other sentence numbers)."""
    articles, gold = gold_articles(which)
    out: list[Example] = []
    sentences: dict[str, set[str]] = {}
    for name, g in gold.items():
        article = with_mentions(articles[name]) if mentions else articles[name]
        passage = f"{which}/{name}"
        raw = g.get("sentences", [])
        words = match_key(articles[name].text).split()
        sentences[passage] = {f"#{k}" for k in (json.loads(raw) if isinstance(raw, str) else raw)} | {
            " ".join(words[k : k + SHINGLE]) for k in range(max(len(words) - SHINGLE + 1, 0))}
        out.extend(replace(e, passage=passage)
                   for e in examples(name, article, article_quotes(article), g["quotes"], with_rules))
    return out, sentences


def groups_of(sentences: dict[str, set[str]]) -> dict[str, str]:
    """Passage -> group id: passages sharing any sentence number or 8-word run (transitively) share a group."""
    parent = {p: p for p in sentences}

    def root(p: str) -> str:
        while parent[p] != p:
            parent[p] = parent[parent[p]]
            p = parent[p]
        return p

    owner: dict[str, str] = {}
    for p in sorted(sentences):
        for s in sentences[p]:
            if s in owner:
                parent[root(p)] = root(owner[s])
            else:
                owner[s] = p
    return {p: root(p) for p in sentences}


def split(data: Sequence[Example], group: dict[str, str], folds: int, seed: int) -> list[set[str]]:
    """Held-out group sets, one per fold: groups shuffled with ``seed`` and dealt round-robin."""
    ids = sorted({group[e.passage] for e in data})
    random.Random(seed).shuffle(ids)
    return [set(ids[f::folds]) for f in range(folds)]


def fit(fn: Trainer, data: Sequence[Example], extra: Sequence[Example], group: dict[str, str],
        features: Sequence[str], inner: int = 3) -> tuple[np.ndarray, float]:
    """Weights trained on data + extra with the penalty of L2_GRID best in an inner grouped CV over ``data``
    (ties: the larger penalty)."""
    best: tuple[float, float] = (-1.0, 0.0)
    for l2 in L2_GRID:
        hits = 0
        for held in split(data, group, inner, 1000):
            w = fn([e for e in data if group[e.passage] not in held] + list(extra), l2, features=features)
            hits += sum(correct(w, [e for e in data if group[e.passage] in held], features))
        best = max(best, (hits, l2))
    return fn(list(data) + list(extra), best[1], features=features), best[1]


def cross_validate(data: list[Example], seeds: list[Example], group: dict[str, str], fn: Trainer,
                   features: Sequence[str], folds: int, repeats: int) -> None:
    sets = [*DEVS, "all"]
    model = {s: [] for s in sets}  # type: dict[str, list[float]]
    rules = {s: [] for s in sets}  # type: dict[str, list[float]]
    wins = {s: [0, 0] for s in sets}
    fold_diffs, penalties = [], []
    for r in range(repeats):
        right: dict[int, bool] = {}
        for held in split(data, group, folds, r):
            w, l2 = fit(fn, [e for e in data if group[e.passage] not in held], seeds, group, features)
            penalties.append(l2)
            test = [(i, e) for i, e in enumerate(data) if group[e.passage] in held]
            got = correct(w, [e for _, e in test], features)
            right.update((i, ok) for (i, _), ok in zip(test, got, strict=True))
            fold_diffs.append((sum(got) - sum(e.rules_ok for _, e in test)) / max(len(test), 1))
        for s in sets:
            idx = [i for i, e in enumerate(data) if s == "all" or e.passage.startswith(s + "/")]
            model[s].append(sum(right[i] for i in idx) / len(idx))
            rules[s].append(sum(data[i].rules_ok for i in idx) / len(idx))
            wins[s][0] += sum(right[i] and not data[i].rules_ok for i in idx)
            wins[s][1] += sum(data[i].rules_ok and not right[i] for i in idx)
    print(f"CV {repeats}x{folds} by passage group over dev+dev2+dev3 (seeds train only); l2 picked: "
          + ", ".join(f"{v:g}:{penalties.count(v)}" for v in sorted(set(penalties))))
    for s in sets:
        n = sum(1 for e in data if s == "all" or e.passage.startswith(s + "/"))
        m, ru = np.array(model[s]), np.array(rules[s])
        print(f"  {s:5} n={n:4} model={m.mean():.3f}±{m.std():.3f} rules={ru.mean():.3f} diff={m.mean() - ru.mean():+.3f}"
              f"±{(m - ru).std():.3f}  model-only right {wins[s][0]}, rules-only right {wins[s][1]} (over repeats)")
    d = np.array(fold_diffs)
    print(f"  per-fold diff {d.mean():+.3f}±{d.std():.3f} over {len(d)} folds")


def transfer(sets: dict[str, list[Example]], seeds: list[Example], group: dict[str, str], fn: Trainer,
             features: Sequence[str]) -> None:
    for test_set in DEVS:
        test = sets[test_set]
        blocked = {group[e.passage] for e in test}
        trained = [e for s in DEVS if s != test_set for e in sets[s] if group[e.passage] not in blocked]
        w, l2 = fit(fn, trained, seeds, group, features)
        got = correct(w, test, features)
        m, r = sum(got) / len(test), sum(e.rules_ok for e in test) / len(test)
        others = "+".join(s for s in DEVS if s != test_set)
        print(f"  train {others}+seeds -> {test_set:5} model={m:.3f} rules={r:.3f} diff={m - r:+.3f} (n={len(test)}, l2={l2:g})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--base", action="store_true", help="the first experiment's 34 features only")
    parser.add_argument("--mentions", action="store_true", help="tag entity mentions first (as the pipeline does)")
    parser.add_argument("--no-rules", action="store_true", help="leave the rules' choice out (structure only)")
    parser.add_argument("--softmax", action="store_true", help="listwise (conditional logit) training")
    parser.add_argument("--weights", action="store_true", help="print the weights trained on all dev sets + seeds")
    args = parser.parse_args()
    fn: Trainer = train_softmax if args.softmax else train
    features = BASE_FEATURES if args.base else FEATURES
    sentences: dict[str, set[str]] = {}
    sets: dict[str, list[Example]] = {}
    for which in ("seeds", *DEVS):
        sets[which], found = load(which, not args.no_rules, args.mentions)
        sentences.update(found)
        data = sets[which]
        print(f"{which}: {len(data)} matched quotes, a correct candidate for {sum(any(e.labels) for e in data) / len(data):.3f}"
              f", {np.mean([len(e.candidates) for e in data]):.1f} candidates each")
    group = groups_of(sentences)
    joined = [f"{p}~{group[p]}" for p in group if group[p] != p]
    print(f"groups: {len(set(group.values()))} for {len(group)} passages; joined: {', '.join(sorted(joined)) or 'none'}")
    union = [e for s in DEVS for e in sets[s]]
    cross_validate(union, sets["seeds"], group, fn, features, args.folds, args.repeats)
    print("transfer:")
    transfer(sets, sets["seeds"], group, fn, features)
    if args.weights:
        w, l2 = fit(fn, union, sets["seeds"], group, features)
        print(f"weights (all dev sets + seeds, l2={l2:g}):")
        for name, value in sorted(zip(features, w, strict=True), key=lambda p: -abs(p[1])):
            print(f"  {name:22} {value:+.2f}")


if __name__ == "__main__":
    main()
