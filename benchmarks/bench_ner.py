"""NER tagging speed on one core, and (optionally) the name-variant threshold calibration.

    .venv/bin/python benchmarks/bench_ner.py                 # tokens/s of the shipped tagger
    .venv/bin/python benchmarks/bench_ner.py --calibrate     # F1 of `similar` per edit threshold

Speed is measured on AQMAR dev if ../shared/data is present (else the seeds, repeated), tagging
sentence by sentence from raw words: feature extraction + CRF decoding, caches cold at the start.
When the shipped CRF reads a neural tagger's tags (``ner_neural.npz``), its numpy pass is included,
and also timed alone over pseudo-documents of 20 sentences (one batch each).
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from marsad.entities import crf
from marsad.entities.conll import TAG_MAPS, read_conll
from marsad.entities.stages import tag_text
from marsad.text.sentences import split_sentences
from marsad.text.tokens import tokenize

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"


def sentences() -> list[list[str]]:
    dev = DATA / "ner" / "aqmar" / "dev.txt"
    if dev.exists():
        return [[w for w, _ in s] for s in read_conll(dev, TAG_MAPS["common"])]
    out = []
    for path in sorted((REPO / "examples").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out.extend([t.text for t in tokenize(text[s:e])] for s, e in split_sentences(text))
    return out * 10


def bench() -> None:
    tagger = crf.load()
    batch = sentences()
    started = time.perf_counter()
    tokens = sum(len(tagger.tag(words)) for words in batch)
    seconds = time.perf_counter() - started
    print(f"CRF: {tokens} tokens in {seconds:.2f} s: {tokens / seconds:,.0f} tokens/s (one core)")
    network = crf.neural_path(crf.MODEL_PATH)
    if network.exists():
        from marsad.entities import neural

        net = neural.load(network)
        started = time.perf_counter()
        tokens = sum(len(t) for i in range(0, len(batch), 20) for t in net.tag_document(batch[i : i + 20]))
        seconds = time.perf_counter() - started
        print(f"neural tagger alone (numpy): {tokens} tokens in {seconds:.2f} s: {tokens / seconds:,.0f} tokens/s")
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob("*.txt"))] * 20
    started = time.perf_counter()
    mentions = sum(len(tag_text(text, tagger)) for text in texts)
    seconds = time.perf_counter() - started
    tokens = sum(len(tokenize(text)) for text in texts)
    print(f"full tagger (sentences, CRF, rules, aliases, propagation) on the seeds x20: {tokens} tokens, "
          f"{mentions} mentions in {seconds:.2f} s: {tokens / seconds:,.0f} tokens/s (one core)")


def bench_resolve(people: int = 2000) -> None:
    """Within-story resolution of many distinct people (two-word names from the Wikidata list): every new
    person is compared with those kept so far (before 2026-11-24: 1,000 people took 30 s of analyze)."""
    from marsad.entities.matching import resolve_mentions
    from marsad.model import Mention

    source = DATA / "names" / "wd_arabic.normalized.aligned.tokens"
    words = sorted({line.split("\t")[1].replace(" ", "") for line in source.open(encoding="utf-8")
                    if line.count("\t") >= 2}) if source.exists() else [f"اسم{i}" for i in range(people)]
    pick = random.Random(7)
    names = [f"{pick.choice(words)} {pick.choice(words)}" for _ in range(people)]
    mentions = [("a", Mention(text=n, type="PER", start=0, end=len(n))) for n in names]
    started = time.perf_counter()
    entities = resolve_mentions(mentions)
    print(f"resolution: {people} person names in one story -> {len(entities)} people in "
          f"{time.perf_counter() - started:.2f} s")


def calibrate() -> None:
    from marsad.entities.matching import EDIT_THRESHOLD, calibrate_edit_threshold

    for threshold, f1 in calibrate_edit_threshold(DATA / "names" / "wd_arabic.normalized.aligned.tokens"):
        mark = " <- EDIT_THRESHOLD" if abs(threshold - EDIT_THRESHOLD) < 1e-9 else ""
        print(f"threshold {threshold:.2f}: F1 {f1:.3f}{mark}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calibrate", action="store_true", help="name-variant threshold calibration")
    if parser.parse_args().calibrate:
        calibrate()
    else:
        bench()
        bench_resolve()
