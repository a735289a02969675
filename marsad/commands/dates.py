"""``marsad eval dates SPEC...``: span and value scores of the date tagger on Recognizers-Text style
cases; ``marsad dates TEXT --anchor 2015-10-07``: the expressions found in a text."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any

import typer

from marsad.commands import get_group


def eval_dates(
    specs: Annotated[list[Path], typer.Argument(help="JSON files of cases (Input, Context, Results).")],
    part: Annotated[str, typer.Option(help="all, dev (70% by input hash) or test (the other 30%).")] = "all",
    show_misses: Annotated[bool, typer.Option(help="Also print each miss as a JSON line (input, expected, found).")]
    = False,
) -> None:
    """Score marsad.dates.find: exact-span rate and value accuracy.

    A spec file that cannot be read or is not a JSON list of cases is reported on stderr with its error
    code and skipped; the others are scored. Exit code 0, 1 when some file was skipped, 2 when all were.
    """
    from marsad.dates import evaluate
    from marsad.dates.evaluate import misses, read_spec, split_cases
    from marsad.errors import InputError

    loaded: dict[Path, list[dict[str, Any]]] = {}
    for path in specs:
        try:
            loaded[path] = split_cases(read_spec(path), part)
        except InputError as exc:
            typer.echo(f"skipped {exc}", err=True)
    if not loaded:
        raise typer.Exit(2)
    every = [case for cases in loaded.values() for case in cases]
    if show_misses:
        for miss in misses(every):
            typer.echo(json.dumps(miss, ensure_ascii=False))

    rows = {path.stem: evaluate(cases) for path, cases in loaded.items()}
    rows["ALL"] = evaluate(every)
    for name, s in rows.items():
        typer.echo(f"{name:28s} expected {s['expected']:5d}  spans {s['span_rate']:.3f}  "
                   f"values {s['value_right']}/{s['with_value']} = {s['value_rate']:.3f} "
                   f"(on found spans {s['value_rate_found']:.3f})  skipped {s['skipped']}  "
                   f"false hits in cases without dates {s['false_alarms']}")
    if len(loaded) < len(specs):
        raise typer.Exit(1)


def find_dates(
    text: Annotated[str, typer.Argument(help="Text to tag (or @path to read a file).")],
    anchor: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
) -> None:
    """Print the temporal expressions of a text as JSON lines."""
    from dataclasses import asdict

    from marsad.dates import find

    body = Path(text[1:]).read_text(encoding="utf-8") if text.startswith("@") else text
    day = dt.date.fromisoformat(anchor) if anchor else None
    for expr in find(body, day):
        typer.echo(json.dumps(asdict(expr), ensure_ascii=False))


def register(app: typer.Typer) -> None:
    get_group(app, "eval", "Score Marsad's components on annotated data.").command("dates")(eval_dates)
    app.command("dates")(find_dates)
