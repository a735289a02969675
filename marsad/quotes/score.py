"""Scoring quotes against a hand annotation, so a held-out set is scored the same way as the seeds.

Matching: a predicted and a gold quote match when their spans overlap by at least half of the shorter
one; pairs are taken one-to-one, best overlap (intersection over union) first. Predictions lying
mostly inside an ``ignore`` span (site junk) are not scored. A speaker is correct when the predicted
name's words (consonant skeletons) are all among one gold alternative's words, or a gold
alternative's words are all among the prediction's and the prediction is at most three words longer.
``speaker_name`` is stricter: only the first gold alternative (the full name when the text gives one) counts,
so a bare title or a fragment of a role phrase («وزير», «المتحدث») no longer passes.
A gold relay is found when some item of the predicted ``via`` names it the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from marsad.model import Quote
from marsad.quotes.names import name_words, same_name

MIN_OVERLAP = 0.5  # of the shorter span: the matching rule stated in issue 5's brief


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return max(inter, 0) / shorter if shorter > 0 else 0.0


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(min(a[1], b[1]) - max(a[0], b[0]), 0)
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def speaker_matches(predicted: str | None, gold: str | Iterable[str]) -> bool:
    alternatives = [gold] if isinstance(gold, str) else list(gold)
    if not predicted:
        return not alternatives
    pw = name_words(predicted)
    for alt in alternatives:
        gw = name_words(alt)
        if gw and (pw <= gw or (gw <= pw and len(pw) <= len(gw) + 3)):
            return True
    return False


def _first(gold: str | Iterable[str]) -> list[str]:
    """The preferred gold speaker: the name itself, or the first of the acceptable alternatives."""
    return [gold] if isinstance(gold, str) else list(gold)[:1]


def match(predicted: Sequence[Quote], gold: Sequence[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs, best overlap first."""
    pairs = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            if overlap((p.start, p.end), (g["start"], g["end"])) >= MIN_OVERLAP:
                pairs.append((_iou((p.start, p.end), (g["start"], g["end"])), i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def counts(predicted: Sequence[Quote], gold: Sequence[Mapping[str, Any]],
           ignore: Sequence[Sequence[int]] = ()) -> dict[str, int]:
    """Raw counts for one article: tp, fp, fn, speaker_ok, speaker_name_ok, kind_ok, via_gold, via_found."""
    kept = [p for p in predicted if not any(overlap((p.start, p.end), (s, e)) >= MIN_OVERLAP and s <= p.start
                                            for s, e in ignore)]
    pairs = match(kept, gold)
    out = {"tp": len(pairs), "fp": len(kept) - len(pairs), "fn": len(gold) - len(pairs),
           "speaker_ok": 0, "speaker_name_ok": 0, "kind_ok": 0, "via_gold": 0, "via_found": 0}
    for i, j in pairs:
        out["speaker_ok"] += speaker_matches(kept[i].speaker, gold[j]["speaker"])
        out["speaker_name_ok"] += speaker_matches(kept[i].speaker, _first(gold[j]["speaker"]))
        out["kind_ok"] += kept[i].kind == gold[j].get("kind")
        for relay in gold[j].get("via", []):
            out["via_gold"] += 1
            out["via_found"] += any(same_name(relay, v) for v in kept[i].via)
    return out


def summarize(total: Mapping[str, int]) -> dict[str, float]:
    tp, fp, fn = total["tp"], total["fp"], total["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {**{k: float(v) for k, v in total.items()}, "precision": precision, "recall": recall, "f1": f1,
            "speaker": total["speaker_ok"] / tp if tp else 0.0,
            "speaker_name": total["speaker_name_ok"] / tp if tp else 0.0, "kind": total["kind_ok"] / tp if tp else 0.0,
            "via_recall": total["via_found"] / total["via_gold"] if total["via_gold"] else 1.0}


def score(predicted: Sequence[Quote], gold: Sequence[Mapping[str, Any]],
          ignore: Sequence[Sequence[int]] = ()) -> dict[str, float]:
    """Precision, recall, F1, speaker and kind accuracy (over matched quotes), relay recall for one article."""
    return summarize(counts(predicted, gold, ignore))


def score_many(items: Iterable[tuple[Sequence[Quote], Sequence[Mapping[str, Any]], Sequence[Sequence[int]]]]
               ) -> dict[str, float]:
    """Micro-averaged scores over several articles: (predicted, gold, ignore) triples."""
    total = {"tp": 0, "fp": 0, "fn": 0, "speaker_ok": 0, "speaker_name_ok": 0, "kind_ok": 0, "via_gold": 0,
             "via_found": 0}
    for predicted, gold, ignore in items:
        for key, value in counts(predicted, gold, ignore).items():
            total[key] += value
    return summarize(total)
