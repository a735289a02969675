"""Store throughput, SQLite and PostgreSQL: saving, re-saving unchanged, loading, searching.

    .venv/bin/python benchmarks/bench_store.py [--articles 1000] [--dsn postgresql://...]

The articles are the five seeds (examples/*.txt) repeated under new ids with a numbered first line, in
stories of five with a person, a quote and a claim each, so text, search words and rows are realistic
Arabic news. Without --dsn, PostgreSQL runs on a throw-away local cluster (marsad.store.pg_cluster) with
fsync off, so its figures are an upper bound for a server that syncs to disk.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from marsad.model import Article, Claim, Entity, Quote, Result, Story
from marsad.store import Store, open_store

REPO = Path(__file__).resolve().parents[1]
QUERIES = ["وزارة الدفاع", "كوناشينكوف", "ايجور كوناشنكوف", "الطائرات الروسية", "داعش", "سوريا", "غارات جوية",
           "حلب", "المتحدث باسم", "تنظيم الدولة"]


PEOPLE_PER_STORY = 20


def name_pool(size: int) -> list[str]:
    """``size`` distinct two-word Arabic person names from the frequent Wikidata name tokens (seeded)."""
    rows = (REPO / "marsad/entities/models/person_tokens.tsv").read_text(encoding="utf-8").splitlines()
    tokens = [row.split("\t") for row in rows if row and not row.startswith("#") and "\t" in row][1:]
    frequent = [t for t, c in sorted(tokens, key=lambda r: -int(r[1])) if len(t) >= 3][:3000]
    rng = random.Random(13)
    names: set[str] = set()
    while len(names) < size:
        names.add(f"{rng.choice(frequent[:400])} {rng.choice(frequent)}")
    return sorted(names)


def corpus(n: int) -> Result:
    """Seeds repeated; stories of five articles, each with Konashenkov (two spellings) and 19 other people
    drawn from a pool of n names, so looking a person up across the store has realistic company."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob("*.txt"))]
    articles = [Article(id=f"a{i}", source=f"bench/{i}.txt", title=f"خبر رقم {i}",
                        text=f"الخبر {i}\n{seeds[i % len(seeds)]}", outlet=f"وكالة {i % 7}", language="ar")
                for i in range(n)]
    pool = name_pool(max(n, PEOPLE_PER_STORY))
    rng = random.Random(7)
    stories = []
    for start in range(0, n, 5):
        ids = [a.id for a in articles[start:start + 5]]
        person = Entity(f"e{start}", "PER", "إيغور كوناشينكوف", ["إيغور كوناشينكوف", "ايجور كوناشنكوف"], ids)
        others = [Entity(f"p{start}_{k}", "PER", name, [name], ids[:1])
                  for k, name in enumerate(rng.sample(pool, PEOPLE_PER_STORY - 1))]
        stories.append(Story(id=f"s{start}", title=f"قصة {start}", article_ids=ids, entities=[person, *others],
                             quotes=[Quote(ids[0], "الطائرات نفذت 20 طلعة", "direct", 0, 20, person.name, person.id)],
                             claims=[Claim("20 طلعة", ids, "corroborated")]))
    return Result(articles=articles, stories=stories)


def timed(label: str, count: int, unit: str, work: Callable[[], object]) -> None:
    began = time.perf_counter()
    work()
    seconds = time.perf_counter() - began
    print(f"  {label:<22} {seconds:7.2f} s  {count / seconds:9.0f} {unit}/s")


def bench(name: str, store: Store, result: Result) -> None:
    n = len(result.articles)
    print(f"{name}: {n} articles, {len(result.stories)} stories")
    timed("save (new)", n, "articles", lambda: store.save(result))
    timed("save (unchanged)", n, "articles", lambda: store.save(result))
    timed("load", n, "articles", store.load)
    rounds = 5
    timed("search", rounds * len(QUERIES), "queries",
          lambda: [store.search(q) for _ in range(rounds) for q in QUERIES])
    timed("entity_stories", 20, "calls", lambda: [store.entity_stories(f"e{5 * i}") for i in range(20)])
    sample = [e.id for s in result.stories[:20] for e in s.entities[1:2]]
    timed("entity_stories (one)", len(sample), "calls", lambda: [store.entity_stories(i) for i in sample])


@contextmanager
def postgres_target(dsn: str | None) -> Iterator[str]:
    if dsn:
        yield dsn
        return
    from marsad.store.pg_cluster import throwaway_cluster

    with throwaway_cluster() as server:
        yield server.dsn()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--dsn", help="an EMPTY PostgreSQL database (default: a throw-away local cluster)")
    args = parser.parse_args()
    result = corpus(args.articles)
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "bench.db") as lite:
        bench("sqlite", lite, result)
    with ExitStack() as stack:
        dsn = stack.enter_context(postgres_target(args.dsn))
        bench("postgres", stack.enter_context(open_store(dsn)), result)


if __name__ == "__main__":
    main()
