"""CLI command groups, one module per capability, each exposing ``register(app: typer.Typer)``.

Groups shared by several modules (``train``, ``eval``) are created once through ``get_group``.
"""

from __future__ import annotations

import typer


def get_group(app: typer.Typer, name: str, help_text: str = "") -> typer.Typer:
    """The sub-app ``name`` of ``app``, created on first use."""
    for info in app.registered_groups:
        if info.name == name and info.typer_instance is not None:
            return info.typer_instance
    group = typer.Typer(help=help_text or None, no_args_is_help=True)
    app.add_typer(group, name=name)
    return group
