"""Throughput of marsad.dates.find: ``.venv/bin/python benchmarks/bench_dates.py [REPEAT]``.

Tags the seed articles (examples/*.txt) REPEAT times as one text and prints characters per second; then
runs the dateline search and the story timeline over one article whose single sentence holds 1,000 and
5,000 dates (a chronology page without stops), which were quadratic until 2026-11-24 (5,000: 180 s of
`marsad analyze`, now ~15 s in all).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from marsad.dates import find
from marsad.dates.stages import dateline
from marsad.dates.timeline import build_timeline
from marsad.model import Article, Sentence


def main(repeat: int = 20) -> None:
    root = Path(__file__).resolve().parents[1]
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((root / "examples").glob("*.txt"))) * repeat
    start = time.perf_counter()
    found = find(text)
    seconds = time.perf_counter() - start
    print(f"{len(text)} chars, {len(found)} expressions, {seconds:.2f} s, {len(text) / seconds:,.0f} chars/s")
    for count in (1000, 5000):
        body = "قال المتحدث إن " + " ".join(["3 أكتوبر/تشرين الأول 2015"] * count)
        article = Article(id="a", source="bench", text=body, sentences=[Sentence(0, len(body), 0)])
        article.times = find(body)
        for expr in article.times:
            expr.sentence = 0
        start = time.perf_counter()
        dateline(body)
        events = build_timeline([article])
        seconds = time.perf_counter() - start
        print(f"one sentence with {count} dates: dateline + timeline {seconds:.2f} s ({len(events)} event)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
