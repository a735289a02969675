"""Claim relations and claim status: figures on every labelled set, in one run.

    .venv/bin/python benchmarks/bench_claims.py [--verbose]

1. tests/fixtures/brief/claim_pairs.tsv (same | different | contradicts): "cal" rows set the bars of
   marsad.claims, "check" rows are held back (the contradiction gate in tests/test_brief.py).
2. tests/fixtures/brief/stance_pairs.tsv (same | supports | contradicts | same_side | unrelated): "dev" rows
   may be tuned on, "test" rows are reported only. same_side and unrelated pairs must never contradict.
3. tests/fixtures/brief/seed_claims.tsv: the analyst's statuses for the five seeds against the brief stage
   of the full pipeline (marsad.analyze on examples/).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import marsad
from marsad.claims import (
    evaluate,
    folder_sentences,
    load_pairs,
    load_status_gold,
    score_statuses,
    stance_scores,
)
from marsad.cluster import load_featurizer

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "brief"


def relation_pairs(verbose: bool) -> None:
    featurizer = load_featurizer()
    context = {"seeds": folder_sentences(REPO / "examples")}
    pairs = load_pairs(FIXTURES / "claim_pairs.tsv")
    for split in ("cal", "check"):
        part = [p for p in pairs if p.split == split]
        figures = evaluate(part, featurizer, context)
        line = ", ".join(f"{k} P {p:.2f} R {r:.2f}" for k, (p, r) in figures.items())
        print(f"claim_pairs {split:5} ({len(part)} pairs): {line}")
    stance = load_pairs(FIXTURES / "stance_pairs.tsv")
    for split in ("dev", "test"):
        part = [p for p in stance if p.split == split]
        figures = stance_scores(part, featurizer, verbose=verbose)
        print(f"stance_pairs {split:4} ({len(part)} pairs): " + ", ".join(f"{k} {v:.2f}" for k, v in figures.items()))


def seed_statuses(verbose: bool) -> None:
    result = marsad.analyze([str(REPO / "examples")])
    prefix = {a.id: Path(a.source).name[:3] for a in result.articles}
    claims = [c for s in result.stories for c in s.claims]
    figures = score_statuses(claims, prefix, load_status_gold(FIXTURES / "seed_claims.tsv"))
    print("seed statuses: " + ", ".join(f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}"
                                       for k, v in figures.items()))
    if verbose:
        for gold in load_status_gold(FIXTURES / "seed_claims.tsv"):
            said = next((c.status for c in claims for e in c.evidence if e.relation == "supports"
                         and prefix.get(e.article_id) == gold.article and gold.key in e.sentence), "none")
            if said != gold.status:
                print(f"  {gold.article} {gold.claim} gold {gold.status} said {said}: {gold.key}")
        for claim in claims:
            if claim.status == "disputed":
                against = [e.sentence[:50] for e in claim.evidence if e.relation == "contradicts"]
                print(f"  disputed: {claim.text[:70]} <- {against}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    relation_pairs(args.verbose)
    seed_statuses(args.verbose)


if __name__ == "__main__":
    main()
