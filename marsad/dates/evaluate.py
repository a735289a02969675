"""Score ``find`` on Microsoft Recognizers-Text style cases (Input, Context.ReferenceDateTime, Results).

``span_rate``: expected expressions found with the exact span; ``value_rate``: expected values found with
the exact span and the right value, over all expected values; ``value_rate_found``: the same over the
expressions whose span was found.

A span counts as found when one expression has exactly the expected start and end (the expected text
stripped of surrounding spaces and final punctuation, as the specs are inconsistent there). A value
counts as right when that expression's value or TIMEX equals the expected TIMEX (ranges compared on
their two ends). Cases whose expected text is not in the input (translation slips) are skipped and
counted. The case's ReferenceDateTime is passed as a ``datetime`` (a reference moment).

``split_cases`` keeps a deterministic 30% of the cases (by a SHA-1 of the input) out of development:
``marsad eval dates --part dev|test SPEC...``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from marsad.dates.extract import Found, find_all

STRIP = " \t.!؟?,،"


def load_cases(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for path in paths:
        cases.extend(json.loads(Path(path).read_text(encoding="utf-8")))
    return cases


def in_dev_test(case: dict[str, Any]) -> bool:
    """The deterministic 30% of cases (by a hash of the input) kept out of development as a dev-test."""
    return int(hashlib.sha1(case["Input"].encode("utf-8")).hexdigest(), 16) % 10 < 3


def split_cases(cases: list[dict[str, Any]], part: str) -> list[dict[str, Any]]:
    """``part``: "all", "dev" (the 70% rules are developed on) or "test" (the held-back 30%)."""
    if part == "all":
        return cases
    return [case for case in cases if in_dev_test(case) == (part == "test")]


def expected_spans(case: dict[str, Any]) -> list[tuple[int, int, str | None]] | None:
    """(start, end, timex) of each expected result, or None when a text is not in the input."""
    out = []
    for result in case.get("Results", []):
        text = result["Text"]
        start = result.get("Start", -1)
        if start < 0 or case["Input"][start:start + len(text)] != text:
            start = case["Input"].find(text)
            if start < 0:
                return None
        core = text.strip(STRIP)
        start += text.index(core) if core else 0
        out.append((start, start + len(core), _timex(result)))
    return out


def _timex(result: dict[str, Any]) -> str | None:
    value = result.get("Value") or result.get("Resolution")
    if not isinstance(value, dict):
        return None
    if value.get("Timex"):
        return str(value["Timex"])
    values = value.get("values") or []
    return str(values[0]["timex"]) if values and values[0].get("timex") else None


def anchor_of(case: dict[str, Any]) -> dt.date | None:
    """The reference moment (a datetime, so «بعد 5 دقائق» resolves; the rules use its day otherwise)."""
    ref = case.get("Context", {}).get("ReferenceDateTime")
    return dt.datetime.fromisoformat(ref[:19]) if ref else None


def value_matches(found: Found, timex: str) -> bool:
    if timex in (found.expr.value, found.timex):
        return True
    if timex.startswith("(") and found.expr.kind == "range":
        ends = timex.strip("()").split(",")[:2]
        return ends in (found.expr.value.split("/"), found.timex.strip("()").split(",")[:2])
    return False


def evaluate(cases: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Span exact-match rate, value accuracy and false alarms over the cases."""
    counts: dict[str, Any] = {"cases": 0, "skipped": 0, "expected": 0, "span_found": 0, "with_value": 0,
                              "found_with_value": 0, "value_right": 0, "false_alarms": 0}
    for case in cases:
        spans = expected_spans(case)
        if spans is None:
            counts["skipped"] += 1
            continue
        counts["cases"] += 1
        found = find_all(case["Input"], anchor_of(case))
        _score(spans, found, counts)
    counts["span_rate"] = counts["span_found"] / max(counts["expected"], 1)
    counts["value_rate"] = counts["value_right"] / max(counts["with_value"], 1)
    counts["value_rate_found"] = counts["value_right"] / max(counts["found_with_value"], 1)
    return counts


def _score(spans: list[tuple[int, int, str | None]], found: list[Found], counts: dict[str, Any]) -> None:
    by_span = {(f.expr.start, f.expr.end): f for f in found}
    for start, end, timex in spans:
        counts["expected"] += 1
        hit = by_span.get((start, end))
        counts["span_found"] += hit is not None
        if timex is not None:
            counts["with_value"] += 1
            counts["found_with_value"] += hit is not None
            counts["value_right"] += hit is not None and value_matches(hit, timex)
    expected = {(s, e) for s, e, _ in spans}
    counts["false_alarms"] += sum(1 for key in by_span if key not in expected and not spans)
