"""``marsad watch FEED_OR_DIR... --out DIR``: poll feeds and folders, update stories incrementally."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from marsad.errors import MarsadError

if TYPE_CHECKING:
    from marsad.watch import PollReport, Watcher


def watch(
    sources: Annotated[list[str], typer.Argument(help="RSS/Atom feed URLs (http/https), feed files or folders.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder (state, marsad.db, marsad.json).")],
    interval: Annotated[float, typer.Option(help="Seconds between polls.", min=1.0)] = 600.0,
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit.")] = False,
    clock: Annotated[bool, typer.Option("--clock", help="Also close stories idle for story_window_days "
                                                        "before today (live feeds).")] = False,
    config: Annotated[Path | None, typer.Option(help="TOML file with a [marsad] table.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
) -> None:
    """Poll SOURCES, read only new items, add them to the stories in OUT and rewrite its outputs."""
    from marsad.config import load_config
    from marsad.watch import Watcher

    try:
        watcher = Watcher(sources, out, load_config(config))
    except MarsadError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
    try:
        while True:
            failed = _poll_once(watcher, clock, quiet)
            if once:
                if failed:
                    raise typer.Exit(2)
                return
            time.sleep(interval)
    except KeyboardInterrupt:
        return


def _poll_once(watcher: Watcher, clock: bool, quiet: bool) -> bool:
    """One poll; a failure (a broken model, a locked store) is printed and the next poll retries, since a
    poll writes nothing until it has succeeded. True when it failed."""
    try:
        report = watcher.poll(date.today().isoformat() if clock else None)
    except MarsadError as exc:
        typer.echo(str(exc), err=True)
        return True
    if not quiet:
        _print(report)
    return False


def _print(report: PollReport) -> None:
    typer.echo(f"{time.strftime('%H:%M:%S')}  new articles {len(report.new_articles)}  "
               f"stories updated {len(report.touched_stories)}  closed {len(report.closed_stories)}  "
               f"rejected {len(report.rejected)}")
    for rejection in report.rejected:
        typer.echo(f"  {rejection.source}: {rejection.reason}", err=True)


def register(app: typer.Typer) -> None:
    app.command("watch")(watch)
