"""Ingestion + cleaning throughput, and the near-duplicate calibration.

    .venv/bin/python benchmarks/bench_ingest.py                  # articles/second for ingest+clean
    .venv/bin/python benchmarks/bench_ingest.py --calibrate-dedup  # similarity of variants vs distinct pairs

The throughput run reads the seeds and the test fixtures (HTML pages, feeds, JSONL, copied text),
each copied ``--copies`` times (each copy made unique) into a temporary directory, through
``read_paths`` and the ``clean`` stage: plain text, HTML, then everything together.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from marsad.clean import clean  # noqa: E402
from marsad.config import Config  # noqa: E402
from marsad.dedup import VARIANTS, shingles, similarity  # noqa: E402
from marsad.ingest import read_paths  # noqa: E402
from marsad.ingest.common import make_article  # noqa: E402
from marsad.model import Article  # noqa: E402
from marsad.pipeline import Resources  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures" / "ingest"
ANERCORP = REPO.parent / "shared" / "data" / "ner" / "anercorp" / "train.txt"


def build_corpus(target: Path, copies: int, pattern: str) -> int:
    sources = sorted((REPO / "examples").glob(pattern)) + sorted(FIXTURES.glob(pattern))
    for n, source in itertools.product(range(copies), sources):
        data = source.read_bytes() + f"\n<!-- copy {n} -->\n".encode() if source.suffix == ".html" \
            else source.read_bytes() + f"\n{n}\n".encode()
        (target / f"{n:04d}_{source.name}").write_bytes(data)
    return copies * len(sources)


def throughput(copies: int) -> None:
    config = Config()
    resources = Resources(config)
    clean.fn(make_article("تحميل نموذج اللغة\nWarm-up line in English, loading the language model.", "warm"),
             resources)  # the language model loads once per process; keep it out of the timing
    for label, pattern in (("plain text", "*.txt"), ("HTML", "page_*.html"), ("all", "*.*")):
        with tempfile.TemporaryDirectory() as tmp:
            files = build_corpus(Path(tmp), copies, pattern)
            started = time.perf_counter()
            articles = [clean.fn(item, resources) for item in read_paths([tmp], config) if isinstance(item, Article)]
            elapsed = time.perf_counter() - started
        print(f"{label:10s}: {len(articles)} articles from {files} files in {elapsed:.2f} s: "
              f"{len(articles) / elapsed:.1f} articles/second (ingest + clean, 1 process)")


def anercorp_chunks(limit: int, sentences_per_chunk: int = 12) -> list[str]:
    if not ANERCORP.exists():
        return []
    sentences, current = [], []
    for line in ANERCORP.read_text(encoding="utf-8").splitlines():
        token = line.split(" ")[0] if line.strip() else ""
        if token:
            current.append(token)
        if token == "." or (not token and current):
            sentences.append(" ".join(current))
            current = []
    chunks = ["\n".join(sentences[i : i + sentences_per_chunk])
              for i in range(0, len(sentences) - sentences_per_chunk, sentences_per_chunk * 7)]
    return chunks[:limit]


def seed_bodies() -> list[str]:
    resources = Resources(Config())
    return [clean.fn(a, resources).text for a in read_paths([REPO / "examples"], Config()) if isinstance(a, Article)]


def calibrate(per_text: int) -> None:
    rng = random.Random(7)
    texts = seed_bodies() + anercorp_chunks(40)
    variant_scores: dict[str, list[tuple[float, float]]] = {name: [] for name in VARIANTS}
    for text in texts:
        base = shingles(text)
        for k in range(per_text):
            name = list(VARIANTS)[k % len(VARIANTS)]
            variant_scores[name].append(similarity(base, shingles(VARIANTS[name](text, rng))))
    distinct = [similarity(shingles(a), shingles(b)) for a, b in itertools.combinations(texts, 2)]
    seeds = [similarity(shingles(a), shingles(b)) for a, b in itertools.combinations(texts[:5], 2)]
    print(f"{len(texts)} texts ({min(5, len(texts))} seeds), {per_text} variants each")
    for name, scores in variant_scores.items():
        print(f"variant {name:18s} min Jaccard {min(s[0] for s in scores):.3f}  "
              f"min containment {min(s[1] for s in scores):.3f}  "
              f"min max(J,C) {min(max(s) for s in scores):.3f}")
    print(f"distinct pairs ({len(distinct)}): max Jaccard {max(s[0] for s in distinct):.3f}  "
          f"max containment {max(s[1] for s in distinct):.3f}")
    print(f"seed pairs ({len(seeds)}): max Jaccard {max(s[0] for s in seeds):.3f}  "
          f"max containment {max(s[1] for s in seeds):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=40, help="copies of each input file")
    parser.add_argument("--calibrate-dedup", action="store_true", help="print the dedup calibration instead")
    args = parser.parse_args()
    if args.calibrate_dedup:
        calibrate(20)
    else:
        throughput(args.copies)


if __name__ == "__main__":
    main()
