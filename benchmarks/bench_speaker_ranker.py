"""Issue 5 experiment: a learned speaker chooser (marsad.quotes.ranker) against the hand rules.

    .venv/bin/python benchmarks/bench_speaker_ranker.py [--folds 5] [--repeats 4] [--l2 1.0] [--softmax] [--no-rules]

Speaker accuracy over the gold quotes the extractor matches (the bench's matching), on the same quotes for
model and rules: (1) cross-validation by passage on quotes_dev.json (train on the other folds + seeds);
(2) train on dev + seeds, test on quotes_dev2.json and on its second batch (19 passages annotated after
round 5); (3) train on dev, test on the seeds. Never reads the held-out check sets.

The rules of today were partly written on dev2; to score the model against rules that never saw it, run this
script over an older tree (the ranker copied in), e.g. the rules before any dev2 fix (93e8559) or before
round 6 (e810798, made before dev2's second batch was annotated):

    mkdir /tmp/r0 && git archive 93e8559 marsad | tar -x -C /tmp/r0 && cp marsad/quotes/ranker.py /tmp/r0/marsad/quotes/
    (cd /tmp/r0 && PYTHONPATH=/tmp/r0 /work/main/.venv/bin/python /work/main/benchmarks/bench_speaker_ranker.py)
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_quotes import gold_articles  # noqa: E402

from marsad.quotes import article_quotes  # noqa: E402
from marsad.quotes.ranker import FEATURES, Example, accuracy, examples, train, train_softmax  # noqa: E402

# The second dev2 batch, listed in quotes_dev2.json's "about" (annotated after five rounds of rule fixes).
BATCH2 = frozenset(f"anercorp-{n}" for n in ("0092", "0352", "0548", "0720", "0836", "1374", "1464", "1718", "2196",
                                             "2402", "2605", "2900", "3049", "3207", "3340", "3458", "3652", "3748",
                                             "3953"))


def load(which: str, with_rules: bool) -> list[Example]:
    articles, gold = gold_articles(which)
    out: list[Example] = []
    for name, g in gold.items():
        out.extend(examples(name, articles[name], article_quotes(articles[name]), g["quotes"], with_rules))
    return out


def cross_validate(dev: list[Example], seeds: list[Example], folds: int, repeats: int, l2: float) -> list[tuple[float, float, int]]:
    """(model, rules, n) per held-out fold, passages shuffled with seeds 0..repeats-1."""
    passages = sorted({e.passage for e in dev})
    out = []
    for r in range(repeats):
        order = passages[:]
        random.Random(r).shuffle(order)
        for f in range(folds):
            held = set(order[f::folds])
            w = train([e for e in dev if e.passage not in held] + seeds, l2)
            test = [e for e in dev if e.passage in held]
            out.append((*accuracy(w, test), len(test)))
    return out


def line(label: str, model: float, rules: float, n: int) -> str:
    return f"{label:34} model={model:.3f} rules={rules:.3f} diff={model - rules:+.3f} (n={n})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=4)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--no-rules", action="store_true", help="leave the rules' choice out (structure only)")
    parser.add_argument("--softmax", action="store_true", help="listwise (conditional logit) training")
    parser.add_argument("--weights", action="store_true", help="print the weights trained on dev + seeds")
    args = parser.parse_args()
    global train
    if args.softmax:
        train = train_softmax
    seeds, dev, dev2 = (load(which, not args.no_rules) for which in ("seeds", "dev", "dev2"))
    for label, data in (("seeds", seeds), ("dev", dev), ("dev2", dev2)):
        print(f"{label}: {len(data)} matched quotes, a correct candidate for {sum(any(e.labels) for e in data) / len(data):.3f}"
              f", {np.mean([len(e.candidates) for e in data]):.1f} candidates each")
    folds = cross_validate(dev, seeds, args.folds, args.repeats, args.l2)
    diffs = np.array([m - r for m, r, _ in folds])
    models, rules = np.array([m for m, _, _ in folds]), np.array([r for _, r, _ in folds])
    print(f"dev CV {args.repeats}x{args.folds} by passage: model={models.mean():.3f}±{models.std():.3f} "
          f"rules={rules.mean():.3f}±{rules.std():.3f} diff={diffs.mean():+.3f}±{diffs.std():.3f}")
    w = train(dev + seeds, args.l2)
    print(line("train dev+seeds -> dev2", *accuracy(w, dev2), len(dev2)))
    batch2 = [e for e in dev2 if e.passage in BATCH2]
    print(line("train dev+seeds -> dev2 batch 2", *accuracy(w, batch2), len(batch2)))
    first = [e for e in dev2 if e.passage not in BATCH2]
    print(line("train dev+seeds -> dev2 batch 1", *accuracy(w, first), len(first)))
    print(line("train dev -> seeds", *accuracy(train(dev, args.l2), seeds), len(seeds)))
    if args.weights:
        for name, value in sorted(zip(FEATURES, w, strict=True), key=lambda p: -abs(p[1])):
            print(f"  {name:22} {value:+.2f}")


if __name__ == "__main__":
    main()
