"""Throughput of marsad.dates.find: ``.venv/bin/python benchmarks/bench_dates.py [REPEAT]``.

Tags the seed articles (examples/*.txt) REPEAT times as one text and prints characters per second.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from marsad.dates import find


def main(repeat: int = 20) -> None:
    root = Path(__file__).resolve().parents[1]
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((root / "examples").glob("*.txt"))) * repeat
    start = time.perf_counter()
    found = find(text)
    seconds = time.perf_counter() - start
    print(f"{len(text)} chars, {len(found)} expressions, {seconds:.2f} s, {len(text) / seconds:,.0f} chars/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
