"""``marsad`` command line. Library errors become one clear line per file here.

Exit codes of ``analyze``: 0 all inputs used, 1 some inputs rejected, 2 nothing usable.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from marsad.commands.export import ParquetOption, export_option
from marsad.errors import MarsadError

app = typer.Typer(help="Marsad (مرصد): Arabic news intelligence.", no_args_is_help=True,
                  pretty_exceptions_enable=False, rich_markup_mode=None)

COMMAND_MODULES = ("marsad.commands.clean", "marsad.commands.ner", "marsad.commands.dates",
                   "marsad.commands.cluster", "marsad.commands.watch", "marsad.commands.web",
                   "marsad.commands.export")


@app.command()
def analyze(
    paths: Annotated[list[Path], typer.Argument(help="Files, directories or archives to analyse.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory.")] = Path("out"),
    config: Annotated[Path | None, typer.Option(help="TOML file with a [marsad] table.")] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes for article stages.")] = None,
    engine: Annotated[str | None, typer.Option(help="local (default) or spark (needs marsad[spark]).")] = None,
    store: Annotated[str | None, typer.Option(
        "--store", help="SQLite path or postgresql:// URL (needs marsad[postgres]); default OUT/marsad.db.")] = None,
    parquet: ParquetOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
) -> None:
    """Analyse articles into stories; write marsad.json, report.html and marsad.db into OUT."""
    from marsad.api import analyze as run_analysis
    from marsad.api import write_outputs

    progress, stop = _progress(quiet)
    try:
        result = run_analysis(paths, config_file=config, workers=workers, engine=engine, progress=progress)
        written = write_outputs(result, out, store=store)
        export_option(result, parquet, quiet)
    except MarsadError as exc:
        _err(str(exc))
        raise typer.Exit(2) from exc
    finally:
        stop()
    for rejection in result.rejected:
        _err(f"rejected {rejection.source}: {rejection.reason} [{rejection.code}]")
    if not quiet:
        typer.echo(f"{len(result.articles)} articles, {len(result.stories)} stories, "
                   f"{len(result.rejected)} rejected")
        typer.echo(f"report: {written['html']}")
        typer.echo(f"json:   {written['json']}")
        typer.echo(f"store:  {written['db']}")
    raise typer.Exit(0 if not result.rejected else (1 if result.articles else 2))


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find (spelling variants are folded).")],
    db: Annotated[str, typer.Option(help="Store written by analyze: a SQLite path or a postgresql:// URL.")]
    = "out/marsad.db",
    limit: Annotated[int, typer.Option(help="Most hits to show.")] = 20,
) -> None:
    """Full-text search over a store, with Arabic spelling variants folded."""
    from marsad.store import POSTGRES_SCHEMES, open_store

    if not db.startswith(POSTGRES_SCHEMES) and not Path(db).exists():
        _err(f"{db}: no such store (run `marsad analyze ... --out DIR` first)")
        raise typer.Exit(2)
    try:
        with open_store(db) as opened:
            hits = opened.search(query, limit=limit)
    except MarsadError as exc:
        _err(str(exc))
        raise typer.Exit(2) from exc
    for hit in hits:
        typer.echo(f"{hit.article_id}\t{hit.title}\t{hit.snippet}")


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _progress(quiet: bool) -> tuple[Callable[[str, int], None] | None, Callable[[], None]]:
    """A rich progress bar on a terminal; nothing with --quiet or when output is not a terminal."""
    if quiet or not sys.stderr.isatty():
        return None, lambda: None
    from rich.progress import Progress, TaskID

    bar = Progress(transient=True)
    bar.start()
    tasks: dict[str, TaskID] = {}

    def update(name: str, done: int) -> None:
        if name not in tasks:
            tasks[name] = bar.add_task(name, total=None)
        bar.update(tasks[name], completed=done)

    return update, bar.stop


def _register_commands() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)


def main() -> None:
    _register_commands()
    app()


if __name__ == "__main__":
    main()
