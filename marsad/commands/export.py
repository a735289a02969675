"""``marsad export --parquet DIR [--db STORE]``: a store's stories, entities, quotes, timelines and claims as
Parquet tables; ``ParquetOption`` and ``export_option`` give ``analyze`` the same ``--parquet DIR``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from marsad.model import Result

ParquetOption = Annotated[Path | None, typer.Option(
    "--parquet", help="Also write Parquet tables (one file per table) into this folder (needs marsad[parquet]).")]


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)


def export_command(
    parquet: Annotated[Path, typer.Option("--parquet", help="Folder for the Parquet tables (replaced if it holds an "
                                                            "earlier export).")],
    db: Annotated[str, typer.Option(help="Store written by analyze: a SQLite path or a postgresql:// URL.")]
    = "out/marsad.db",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
) -> None:
    """Write everything a store holds as Parquet tables, with the same columns as its SQL tables."""
    from marsad.errors import MarsadError
    from marsad.store import POSTGRES_SCHEMES, open_store

    if not db.startswith(POSTGRES_SCHEMES) and not Path(db).exists():
        typer.echo(f"{db}: no such store (run `marsad analyze ... --out DIR` first)", err=True)
        raise typer.Exit(2)
    try:
        with open_store(db) as opened:
            result = opened.load()
        export_option(result, parquet, quiet)
    except MarsadError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc


def export_option(result: Result, folder: Path | None, quiet: bool = False) -> None:
    """What ``--parquet DIR`` does once a result is known: write the tables, say where and how many rows.

    Raises ``MarsadError`` (``ExportError``) for the caller to report; does nothing when ``folder`` is None."""
    if folder is None:
        return
    from marsad.export_parquet import write_parquet

    counts = write_parquet(result, folder)
    if not quiet:
        shown = ", ".join(f"{name} {rows}" for name, rows in counts.items() if rows)
        typer.echo(f"parquet: {folder} ({shown})")
