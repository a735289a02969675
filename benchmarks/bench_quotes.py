"""Quote extraction: scores on the hand-annotated seeds and throughput.

    .venv/bin/python benchmarks/bench_quotes.py [--repeat N] [--verbose]

Prints precision, recall, F1, speaker accuracy and relay recall against tests/golden/quotes_seeds.json
(the same scoring as the quality gate), then articles per second over the seeds repeated N times.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from marsad.model import Article, Sentence
from marsad.quotes import article_quotes
from marsad.quotes.score import match, score_many, speaker_matches
from marsad.text.sentences import split_sentences

REPO = Path(__file__).resolve().parents[1]


def seed_article(path: Path) -> Article:
    text = path.read_text(encoding="utf-8")
    sentences = [Sentence(s, e, i) for i, (s, e) in enumerate(split_sentences(text))]
    return Article(id=path.name[:3], source=path.name, text=text, sentences=sentences)


def show(name: str, quotes: list, gold: list) -> None:  # type: ignore[type-arg]
    pairs = dict(match(quotes, gold))
    for i, q in enumerate(quotes):
        j = pairs.get(i)
        flag = "ok " if j is not None and speaker_matches(q.speaker, gold[j]["speaker"]) else "SPK" if j is not None else "FP "
        print(f"{name[:3]} {flag} {q.kind[:3]} {q.speaker!s:30.30} {q.via!s:30.30} | {q.text[:60]}")
    for j, g in enumerate(gold):
        if j not in pairs.values():
            print(f"{name[:3]} FN  {g['kind'][:3]} {g['speaker'][0]:30.30} | {g['text'][:60]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    gold = json.loads((REPO / "tests/golden/quotes_seeds.json").read_text(encoding="utf-8"))["articles"]
    articles = {name: seed_article(REPO / "examples" / name) for name in gold}
    predicted = {name: article_quotes(a) for name, a in articles.items()}
    if args.verbose:
        for name, g in gold.items():
            show(name, predicted[name], g["quotes"])
    result = score_many((predicted[n], g["quotes"], g["ignore"]) for n, g in gold.items())
    print(" ".join(f"{k}={result[k]:.3f}" for k in ("precision", "recall", "f1", "speaker", "kind", "via_recall")),
          f"(tp={result['tp']:.0f} fp={result['fp']:.0f} fn={result['fn']:.0f})")
    start = time.perf_counter()
    for _ in range(args.repeat):
        for article in articles.values():
            article_quotes(article)
    elapsed = time.perf_counter() - start
    print(f"{args.repeat * len(articles) / elapsed:.0f} articles/s on the seeds")


if __name__ == "__main__":
    main()
