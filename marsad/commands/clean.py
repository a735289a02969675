"""``marsad clean FILE``: print the cleaned text of a file (and, with --show-removed, what was dropped)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from marsad.model import Article


def register(app: typer.Typer) -> None:
    app.command("clean")(clean_command)


def clean_command(
    path: Annotated[Path, typer.Argument(help="A file (text, HTML, JSONL, feed, WARC, archive) or directory.")],
    show_removed: Annotated[bool, typer.Option("--show-removed", help="Also print removed lines and why.")] = False,
) -> None:
    """Print the cleaned text of each article in PATH; rejected inputs are reported on stderr."""
    from marsad.clean import clean
    from marsad.config import Config
    from marsad.ingest import read_paths
    from marsad.model import Rejection
    from marsad.pipeline import Resources

    config = Config()
    resources = Resources(config)
    printed = rejected = 0
    for item in read_paths([path], config):
        if isinstance(item, Rejection):
            typer.echo(f"rejected {item.source}: {item.reason} [{item.code}]", err=True)
            rejected += 1
            continue
        article = clean.fn(item, resources)
        if printed:
            typer.echo("")
        if _many(path):
            typer.echo(f"# {article.source}")
        typer.echo(article.text)
        if show_removed:
            _print_removed(article)
        printed += 1
    raise typer.Exit(0 if not rejected else (1 if printed else 2))


def _many(path: Path) -> bool:
    return path.is_dir() or path.suffix.lower() in (".zip", ".tar", ".gz", ".tgz", ".jsonl", ".json", ".xml",
                                                    ".rss", ".atom", ".warc", ".arc")


def _print_removed(article: Article) -> None:
    typer.echo(f"\n--- removed ({len(article.removed)} lines)")
    for removed in article.removed:
        where = f"line {removed.line + 1}" if removed.line >= 0 else "span"
        typer.echo(f"[{where}: {removed.reason}] {removed.text}")
