"""CLI command groups, one module per capability, each exposing ``register(app: typer.Typer)``."""
