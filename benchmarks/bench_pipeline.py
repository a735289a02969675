"""End-to-end throughput of `marsad analyze`, with the time spent in each stage.

Corpus: N articles synthesised from the five seeds (their paragraphs shuffled and sampled, so that
dedup and clustering see realistic overlap) written to a temporary folder.

    python benchmarks/bench_pipeline.py [N] [--workers W]
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import marsad
from marsad.pipeline import Pipeline, Stage, default_stages

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def synthesise(folder: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    for i in range(n):
        lines = [line for line in rng.choice(texts).splitlines() if line.strip()]
        title, body = lines[0], lines[1:]
        rng.shuffle(body)
        body = body[: max(3, int(len(body) * rng.uniform(0.5, 1.0)))]
        (folder / f"{i:06d}.txt").write_text("\n".join([f"{title} ({i})", *body]), encoding="utf-8")


def timed(stages: list[Stage], spent: dict[str, float]) -> list[Stage]:
    def wrap(st: Stage) -> Stage:
        def fn(*args):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            try:
                return st.fn(*args)
            finally:
                spent[st.name] += time.perf_counter() - start

        return replace(st, fn=fn)

    return [wrap(s) for s in stages]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="?", type=int, default=300)
    args = parser.parse_args()
    spent: dict[str, float] = defaultdict(float)
    with tempfile.TemporaryDirectory() as tmp:
        synthesise(Path(tmp), args.n)
        start = time.perf_counter()
        result = marsad.analyze([tmp], pipeline=Pipeline(timed(default_stages(), spent)))
        total = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(result.articles)} articles, {len(result.stories)} stories in {total:.1f} s: "
          f"{len(result.articles) / total:.1f} articles/s, peak RSS {rss:.0f} MiB")
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:28s} {seconds:7.2f} s  {seconds / total:6.1%}")


if __name__ == "__main__":
    main()
