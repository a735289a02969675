"""Score ``find`` on Microsoft Recognizers-Text style cases (Input, Context.ReferenceDateTime, Results).

``span_rate``: expected expressions found with the exact span; ``value_rate``: expected values found with
the exact span and the right value, over all expected values; ``value_rate_found``: the same over the
expressions whose span was found.

A span counts as found when one expression has exactly the expected start and end (the expected text
stripped of surrounding spaces and final punctuation, as the specs are inconsistent there). A value
counts as right when that expression's value or TIMEX equals the expected TIMEX (ranges compared on
their two ends). Cases whose expected text is not in the input (translation slips) are skipped and
counted; an expected text that ends between a letter and its diacritic («4 مساء» in «4 مساءً», another
slip) is taken up to the end of the diacritics. The case's ReferenceDateTime is passed as a ``datetime``
(a reference moment).

Equivalent notations (``equivalent``), each the same information written two ways and accepted only in
that exact form, so a wrong day, hour or length still counts as wrong:

- a range TIMEX written without its parentheses («XXXX-WXX-5T13,XXXX-WXX-5T16,PT3H»);
- a time of day on the reference day with or without that day («2016-11-07T22» and «T22» with the
  reference 2016-11-07): the specs write both for the same kind of input;
- «الأحد المقبل» said earlier in the same week: Recognizers-Text reads it as the Sunday of the next
  calendar week, news as the first Sunday after the anchor (``values.weekday``); the spec's date is
  accepted when it is exactly our day plus seven days and ours lies in the anchor's ISO week (also with a part
  of the day: «بعد ظهر الثلاثاء المقبل» «2016-11-15TAF» for our «2016-11-08TAF»);
- a day with its part written resolved («2015-10-06TEV») or as we write it (value «2015-10-06», TIMEX
  «XXXX-WXX-2TEV»): accepted when the day is our value and the part our TIMEX's part;
- a calendar period written as its own notation («2015-W40», «2015-09», «2014», the decade «199», the
  century «18») or as the range of its days («(2015-09-28,2015-10-05,P1W)»): accepted when the expected
  range starts on its first day and ends on the first day after it;
- a whole hour with or without its zero minutes («T07:00» and «T07», as news and Recognizers-Text write
  it): accepted when the two are equal once «:00» is dropped after the hour (not «:00» seconds);
- «بعد 5 ساعات» from a reference moment: the spec writes the period from that moment (``(R,X,PT5H)``),
  we write the moment X it leads to; accepted when R is the reference moment and X our value.

``split_cases`` keeps a deterministic 30% of the cases (by a SHA-1 of the input) out of development:
``marsad eval dates --part dev|test SPEC...``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from marsad.dates.extract import Found, find_all
from marsad.errors import InputError, MalformedInput, UndecodableInput

STRIP = " \t.!؟?,،"
DIACRITICS = frozenset(chr(c) for c in range(0x064B, 0x0653)) | {"\u0670"}


def load_cases(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    """The cases of all the spec files; raises the ``read_spec`` error of the first bad one."""
    cases: list[dict[str, Any]] = []
    for path in paths:
        cases.extend(read_spec(path))
    return cases


def read_spec(path: str | Path) -> list[dict[str, Any]]:
    """The cases of one spec file (a JSON list of objects, each with an ``Input`` string).

    Raises ``InputError`` (E100) when the file cannot be read, ``UndecodableInput`` (E103) when it is not
    UTF-8 and ``MalformedInput`` (E107) when it is not JSON or not a list of cases; each names the file.
    """
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the spec file: {exc.strerror or exc}", source=source) from exc
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise UndecodableInput(f"the spec file is not UTF-8 ({exc.reason} at byte {exc.start})", source=source) from exc
    except json.JSONDecodeError as exc:
        raise MalformedInput(f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
                             source=source) from exc
    if not isinstance(data, list):
        raise MalformedInput(f"expected a JSON list of cases, found {type(data).__name__}", source=source)
    for number, case in enumerate(data):
        if not isinstance(case, dict) or not isinstance(case.get("Input"), str):
            raise MalformedInput(f"case {number} is not an object with an \"Input\" string", source=source)
        if not isinstance(case.get("Results", []), list):
            raise MalformedInput(f"case {number}: \"Results\" is not a list", source=source)
    return data


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
        end = start + len(core)
        while core and end < len(case["Input"]) and case["Input"][end] in DIACRITICS:
            end += 1  # «4 مساء» cut from «4 مساءً»
        out.append((start, end, _timex(result)))
    return out


def _timex(result: dict[str, Any]) -> str | None:
    value = result.get("Value") or result.get("Resolution")
    if not isinstance(value, dict):
        return None
    if value.get("Timex"):
        return str(value["Timex"])
    values = value.get("values") or []
    return str(values[0]["timex"]) if values and values[0].get("timex") else None


def anchor_of(case: dict[str, Any]) -> dt.datetime | None:
    """The reference moment (a datetime, so «بعد 5 دقائق» resolves; the rules use its day otherwise)."""
    ref = case.get("Context", {}).get("ReferenceDateTime")
    return dt.datetime.fromisoformat(ref[:19]) if ref else None


def value_matches(found: Found, timex: str, anchor: dt.datetime | dt.date | None = None) -> bool:
    """``found`` has the expected value: the same TIMEX or value, or an ``equivalent`` notation of it."""
    if timex in (found.expr.value, found.timex):
        return True
    if "," in timex and not timex.startswith("("):
        timex = f"({timex})"
    if timex.startswith("(") and found.expr.kind == "range":
        ends = timex.strip("()").split(",")[:2]
        if ends in (found.expr.value.split("/"), found.timex.strip("()").split(",")[:2]):
            return True
    return anchor is not None and equivalent(found, timex, anchor)


def equivalent(found: Found, timex: str, anchor: dt.datetime | dt.date) -> bool:
    """The equivalent notations listed in the module docstring, and only those."""
    checks = (_same_but_reference_day, _same_day_and_part, _same_period, _next_calendar_week, _period_from_moment,
              _same_whole_hour)
    return any(check(found, timex, anchor) for check in checks)


def _day_of(anchor: dt.datetime | dt.date) -> dt.date:
    return anchor.date() if isinstance(anchor, dt.datetime) else anchor


def _same_but_reference_day(found: Found, timex: str, anchor: dt.datetime | dt.date) -> bool:
    day = _day_of(anchor)
    return any(_without_day(timex, day) == _without_day(mine, day) for mine in (found.expr.value, found.timex))


def _same_day_and_part(found: Found, timex: str, anchor: dt.datetime | dt.date) -> bool:
    part = found.timex[-3:]
    return part in ("TMO", "TAF", "TEV", "TNI") and len(found.expr.value) == 10 and timex == found.expr.value + part


def _same_period(found: Found, timex: str, anchor: dt.datetime | dt.date) -> bool:
    ends = period_ends(found.expr.value)
    return ends is not None and timex.startswith("(") and timex.strip("()").split(",")[:2] == list(ends)


def _next_calendar_week(found: Found, timex: str, anchor: dt.datetime | dt.date) -> bool:
    if found.expr.resolution != "weekday-after-anchor" or found.date is None:
        return False
    if found.date.isocalendar()[:2] != _day_of(anchor).isocalendar()[:2]:
        return False
    later = (found.date + dt.timedelta(days=7)).isoformat()
    return timex in {mine.replace(found.date.isoformat(), later, 1) for mine in (found.expr.value, found.timex)}


def _period_from_moment(found: Found, timex: str, anchor: dt.datetime | dt.date) -> bool:
    if found.expr.resolution != "relative-moment" or not isinstance(anchor, dt.datetime) or not timex.startswith("("):
        return False
    return timex.strip("()").split(",")[:2] == [anchor.isoformat(timespec="seconds"), found.expr.value]


def _same_whole_hour(found: Found, timex: str, anchor: dt.datetime | dt.date) -> bool:
    short = _without_zero_minutes(timex)
    return short != timex and short in (found.expr.value, found.timex)


def _without_zero_minutes(timex: str) -> str:
    """«T07:00» -> «T07», «2021-02-09T19:00» -> «2021-02-09T19»; «T07:00:31» and «T07:30» unchanged."""
    return re.sub(r"(T\d\d):00(?![:\d])", r"\1", timex)


def period_ends(value: str) -> tuple[str, str] | None:
    """First day and the day after the last of a year, month, ISO week, decade («199») or century («18») value;
    None for anything else."""
    if re.fullmatch(r"\d{4}", value):
        return f"{value}-01-01", f"{int(value) + 1:04d}-01-01"
    if re.fullmatch(r"\d{2,3}", value):
        scale = 10 if len(value) == 3 else 100
        return f"{int(value) * scale:04d}-01-01", f"{(int(value) + 1) * scale:04d}-01-01"
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        y, mo = int(m.group(1)), int(m.group(2))
        if not 1 <= mo <= 12:
            return None
        return f"{value}-01", (f"{y + 1:04d}-01-01" if mo == 12 else f"{y:04d}-{mo + 1:02d}-01")
    if m := re.fullmatch(r"(\d{4})-W(\d\d)", value):
        try:
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return None
        return monday.isoformat(), (monday + dt.timedelta(days=7)).isoformat()
    return None


def _without_day(timex: str, day: dt.date) -> tuple[str, ...]:
    """The ends of a TIMEX with the reference day dropped before a time («2016-11-07T22» -> «T22»)."""
    ends = timex.strip("()").replace("/", ",").split(",")[:2]
    return tuple(end.replace(f"{day.isoformat()}T", "T", 1) if end.startswith(f"{day.isoformat()}T") else end
                 for end in ends)


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
        anchor = anchor_of(case)
        _score(spans, find_all(case["Input"], anchor), counts, anchor)
    counts["span_rate"] = counts["span_found"] / max(counts["expected"], 1)
    counts["value_rate"] = counts["value_right"] / max(counts["with_value"], 1)
    counts["value_rate_found"] = counts["value_right"] / max(counts["found_with_value"], 1)
    return counts


def misses(cases: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each expected expression not found with its exact span, or found with another value: the input, the
    expected span and TIMEX, and what ``find`` gave at the nearest overlapping span (None when nothing)."""
    out: list[dict[str, Any]] = []
    for case in cases:
        spans = expected_spans(case)
        if spans is None:
            continue
        anchor = anchor_of(case)
        found = find_all(case["Input"], anchor)
        by_span = {(f.expr.start, f.expr.end): f for f in found}
        for start, end, timex in spans:
            hit = by_span.get((start, end))
            if hit is not None and (timex is None or value_matches(hit, timex, anchor)):
                continue
            near = hit or next((f for f in found if f.expr.start < end and start < f.expr.end), None)
            out.append({"input": case["Input"], "anchor": case.get("Context", {}).get("ReferenceDateTime"),
                        "expected": case["Input"][start:end], "timex": timex, "span_ok": hit is not None,
                        "found": near.expr.text if near else None, "value": near.expr.value if near else None,
                        "found_timex": near.timex if near else None})
    return out


def _score(spans: list[tuple[int, int, str | None]], found: list[Found], counts: dict[str, Any],
           anchor: dt.datetime | dt.date | None = None) -> None:
    by_span = {(f.expr.start, f.expr.end): f for f in found}
    for start, end, timex in spans:
        counts["expected"] += 1
        hit = by_span.get((start, end))
        counts["span_found"] += hit is not None
        if timex is not None:
            counts["with_value"] += 1
            counts["found_with_value"] += hit is not None
            counts["value_right"] += hit is not None and value_matches(hit, timex, anchor)
    expected = {(s, e) for s, e, _ in spans}
    counts["false_alarms"] += sum(1 for key in by_span if key not in expected and not spans)
