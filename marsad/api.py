"""The Python API: ``analyze(paths) -> Result`` and ``write_outputs(result, out_dir)``."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from importlib import resources as package_files
from pathlib import Path
from typing import Any

from marsad.config import Config, load_config
from marsad.errors import ConfigError
from marsad.model import Article, Rejection, Result
from marsad.pipeline import Pipeline, Resources, default_pipeline

Progress = Callable[[str, int], None]


def read_inputs(paths: Iterable[str | Path], config: Config) -> tuple[list[Article], list[Rejection]]:
    """Read every input; identical content read twice is kept once and the repeat is reported."""
    from marsad.ingest import read_paths

    articles: list[Article] = []
    rejected: list[Rejection] = []
    seen: dict[str, str] = {}
    for item in read_paths(paths, config):
        if isinstance(item, Rejection):
            rejected.append(item)
        elif item.id in seen:
            rejected.append(Rejection(item.source, f"same text as {seen[item.id]}, which is read in its place", "E108"))
        else:
            seen[item.id] = item.source
            articles.append(item)
    return articles, rejected


def analyze(paths: Iterable[str | Path] | str | Path, *, config: Config | None = None,
            config_file: str | Path | None = None, pipeline: Pipeline | None = None,
            progress: Progress | None = None, **overrides: Any) -> Result:
    """Analyse files, directories or archives into stories. Same data as ``marsad.json``."""
    from marsad.engines import local

    if isinstance(paths, (str, Path)):
        paths = [paths]
    config = config or load_config(config_file, **overrides)
    mapper = engine_mapper(config)
    articles, rejected = read_inputs(paths, config)
    result = local.run(pipeline or default_pipeline(), articles, Resources(config), progress, mapper)
    result.rejected = rejected + result.rejected
    return result


def engine_mapper(config: Config) -> Any:
    """The mapper of the configured engine (None: the local engine's own)."""
    if config.engine == "local":
        return None
    if config.engine == "spark":
        from marsad.engines.spark import SparkMapper, session

        return SparkMapper(session(config.spark_master).sparkContext)
    raise ConfigError(f"unknown engine {config.engine!r} (local or spark)", source="engine")


def schema() -> dict[str, Any]:
    """The JSON Schema of ``marsad.json`` (``schema/marsad.schema.json``)."""
    text = package_files.files("marsad").joinpath("schema/marsad.schema.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


def validate(document: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when ``document`` breaks the output contract."""
    import jsonschema

    jsonschema.validate(document, schema())


def write_outputs(result: Result, out_dir: str | Path, *, store: str | None = None) -> dict[str, Path | str]:
    """Write ``marsad.json`` (validated) and ``report.html`` into ``out_dir`` and save the result into
    ``store``: a SQLite path or a ``postgresql://`` URL (needs ``marsad[postgres]``), by default
    ``out_dir/marsad.db``. The store entry of the returned dict never shows a password."""
    from marsad.report import write_html, write_json
    from marsad.store import open_store
    from marsad.store.common import display_target

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    validate(result.to_dict())
    paths: dict[str, Path | str] = {"json": out / "marsad.json", "html": out / "report.html"}
    write_json(result, out / "marsad.json")
    write_html(result, out / "report.html")
    target = store or str(out / "marsad.db")
    with open_store(target) as opened:
        opened.save(result)
    paths["db"] = Path(target) if store is None else display_target(target)
    return paths
