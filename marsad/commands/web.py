"""``marsad serve``: the web UI and JSON API over a store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    app.command()(serve)


def serve(
    db: Annotated[str, typer.Option(help="Store written by analyze: a SQLite path or a postgresql:// URL.")]
    = "out/marsad.db",
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the stories of a store as web pages and a JSON API (OpenAPI at /openapi.json)."""
    from marsad.store import POSTGRES_SCHEMES

    if not db.startswith(POSTGRES_SCHEMES) and not Path(db).exists():
        typer.echo(f"{db}: no such store (run `marsad analyze ... --out DIR` first)", err=True)
        raise typer.Exit(2)
    try:
        import uvicorn

        from marsad.web.app import create_app
    except ModuleNotFoundError as exc:
        typer.echo(f"the web extra is not installed ({exc.name}): pip install 'marsad[web]'", err=True)
        raise typer.Exit(2) from exc
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
