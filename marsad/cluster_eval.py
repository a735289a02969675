"""Scores of story clustering: B-cubed and pairwise P/R/F1 over labelled clusterings, and P/R/F1 over
labelled same-event / different-event article pairs (``pair_decisions_prf``)."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["bcubed", "pair_decisions_prf", "pairwise_prf"]


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (item -> cluster) against gold labels."""
    items = sorted(gold.keys() & predicted.keys())
    if not items:
        return 0.0, 0.0, 0.0
    pred_groups = _groups({i: predicted[i] for i in items})
    gold_groups = _groups({i: gold[i] for i in items})
    precision = recall = 0.0
    for item in items:
        same = pred_groups[predicted[item]] & gold_groups[gold[item]]
        precision += len(same) / len(pred_groups[predicted[item]])
        recall += len(same) / len(gold_groups[gold[item]])
    return _prf(precision / len(items), recall / len(items))


def pairwise_prf(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """Precision, recall and F1 over item pairs put together."""
    items = sorted(gold.keys() & predicted.keys())
    pred_pairs = _pairs(_groups({i: predicted[i] for i in items}))
    gold_pairs = _pairs(_groups({i: gold[i] for i in items}))
    hits = len(pred_pairs & gold_pairs)
    precision = hits / len(pred_pairs) if pred_pairs else 1.0
    recall = hits / len(gold_pairs) if gold_pairs else 1.0
    return _prf(precision, recall)


def pair_decisions_prf(decisions: Iterable[tuple[bool, bool]]) -> tuple[float, float, float]:
    """P/R/F1 of "same event" over (predicted same, gold same) decisions on labelled article pairs."""
    tp = fp = fn = 0
    for predicted, gold in decisions:
        tp += predicted and gold
        fp += predicted and not gold
        fn += gold and not predicted
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return _prf(precision, recall)


def _groups(labels: dict[str, str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for item, label in labels.items():
        out.setdefault(label, set()).add(item)
    return out


def _pairs(groups: dict[str, set[str]]) -> set[tuple[str, str]]:
    return {(a, b) for members in groups.values() for a in members for b in members if a < b}


def _prf(precision: float, recall: float) -> tuple[float, float, float]:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
