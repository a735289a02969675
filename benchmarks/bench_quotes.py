"""Quote extraction: scores on the hand-annotated seeds and throughput.

    .venv/bin/python benchmarks/bench_quotes.py [--gold seeds|dev|dev2|...|dev8|devs|check|check2|check3|all] [--repeat N] [--verbose]

Prints precision, recall, F1, speaker accuracy and relay recall against tests/golden/quotes_<gold>.json
(the same scoring as the quality gates), then articles per second over the seeds repeated N times, and
one text quoting 3,000 different people.
The seeds' gold indexes the files in examples/; the dev and check sets (dev2: a fresh batch annotated for
issue 5's generalisation round; dev3: a third blind batch with Wojood media sentences; dev4: 42 ANERcorp passages in three blind batches, issue 5's fourth round; dev5: a fifth blind ANERcorp set drawn the same way; dev6: a sixth, drawn the same way in round 6; dev7, dev8: passages written blind by two annotators in agency-wire/Gulf and Levantine/Maghrebi/Egyptian/Iraqi outlet styles, round 7; devs: seeds and every dev set, never a check set; check2: a second annotator's passages) carry each passage's text.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from marsad.model import Article
from marsad.quotes import article_quotes
from marsad.quotes.score import match, score_many, speaker_matches
from marsad.text.sentences import sentences_of

REPO = Path(__file__).resolve().parents[1]


DEV_SETS = ["seeds", "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22", "dev23", "dev24", "dev25", "dev26", "dev27", "dev28", "dev29", "dev30", "dev31", "dev32", "dev33", "dev34", "dev35", "dev36", "dev37", "dev38", "dev39", "dev40", "dev41", "dev42", "dev43", "dev44", "dev45", "dev46"]  # tuning allowed; never the check sets
CHECK_SETS = ["check", "check2", "check3"]  # held out: scored by the lead once a round, never tuned on


def text_article(name: str, text: str) -> Article:
    sentences = sentences_of(text)
    return Article(id=name, source=name, text=text, sentences=sentences)


def seed_article(path: Path) -> Article:
    return text_article(path.name, path.read_text(encoding="utf-8"))


def gold_articles(which: str) -> tuple[dict[str, Article], dict]:  # type: ignore[type-arg]
    from marsad.quotes.gold import load_gold

    gold = load_gold(REPO / f"tests/golden/quotes_{which}.json",
                     REPO.parent / "shared/data/ner/anercorp/train.txt")["articles"]
    if which == "seeds":
        return {name: seed_article(REPO / "examples" / name) for name in gold}, gold
    return {name: text_article(name, g["text"]) for name, g in gold.items()}, gold


def with_mentions(article: Article) -> Article:
    from marsad.config import Config
    from marsad.entities import tag
    from marsad.pipeline import Resources

    return tag.fn(article, Resources(Config()))  # type: ignore[no-any-return]


def report(which: str, verbose: bool, mentions: bool = False) -> dict[str, Article]:
    articles, gold = gold_articles(which)
    if mentions:
        articles = {name: with_mentions(a) for name, a in articles.items()}
    predicted = {name: article_quotes(a) for name, a in articles.items()}
    if verbose:
        for name, g in gold.items():
            show(name, predicted[name], g["quotes"])
    result = score_many((predicted[n], g["quotes"], g["ignore"]) for n, g in gold.items())
    print(f"{which + ('+ner' if mentions else ''):10}", " ".join(f"{k}={result[k]:.3f}" for k in ("precision", "recall", "f1", "speaker", "speaker_name", "kind",
                                                                "via_recall")),
          f"(tp={result['tp']:.0f} fp={result['fp']:.0f} fn={result['fn']:.0f})")
    return articles


def show(name: str, quotes: list, gold: list) -> None:  # type: ignore[type-arg]
    pairs = dict(match(quotes, gold))
    for i, q in enumerate(quotes):
        j = pairs.get(i)
        flag = "ok " if j is not None and speaker_matches(q.speaker, gold[j]["speaker"]) else "SPK" if j is not None else "FP "
        print(f"{name[-4:]} {flag} {q.kind[:3]} {q.speaker!s:30.30} {q.via!s:30.30} | {q.text[:60]}")
    for j, g in enumerate(gold):
        if j not in pairs.values():
            print(f"{name[-4:]} FN  {g['kind'][:3]} {g['speaker'][0]:30.30} | {g['text'][:60]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--gold", choices=[*DEV_SETS, "devs", *CHECK_SETS, "all"], default="seeds")
    parser.add_argument("--mentions", action="store_true", help="tag entity mentions first (as the pipeline does)")
    args = parser.parse_args()
    sets = {"devs": DEV_SETS, "all": [*DEV_SETS, *CHECK_SETS]}.get(args.gold, [args.gold])
    for which in sets:
        if not (REPO / f"tests/golden/quotes_{which}.json").exists():
            print(f"{which:10} (no gold file yet)")
            continue
        report(which, args.verbose, args.mentions)
    articles = gold_articles("seeds")[0]
    start = time.perf_counter()
    for _ in range(args.repeat):
        for article in articles.values():
            article_quotes(article)
    elapsed = time.perf_counter() - start
    print(f"{args.repeat * len(articles) / elapsed:.0f} articles/s on the seeds")
    many_speakers()


def many_speakers(count: int = 3000) -> None:
    """One text quoting ``count`` different three-word people (similar spellings, as in a long roundup):
    each speaker is expanded against the people named before it. Before 2026-11-24 every quote sorted all
    known people: 3,000 quotes took 8.0 s, now 1.3 s."""
    import random

    pick = random.Random(1)
    first = ["محمد", "أحمد", "محمود", "حامد", "حمد", "مصطفى", "مصطفي", "سامي", "سامح", "سمير"]
    last = ["الخطيب", "الخطابي", "الحطيب", "الكاتب", "الكتبي", "السيد", "السعيد", "السعدي", "العلي", "العلوي"]
    lines = [f"وقال {pick.choice(first)} {pick.choice(first)} {pick.choice(last)} إن الوضع مستقر في الحي رقم {i}."
             for i in range(count)]
    article = text_article("many", "\n".join(lines))
    start = time.perf_counter()
    quotes = article_quotes(article)
    print(f"{count:,} quoted people in one text: {len(quotes)} quotes in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
