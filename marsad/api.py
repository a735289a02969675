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
            rejected.append(Rejection(item.source, f"same text as {seen[item.id]} (kept once)", "E108"))
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


def write_outputs(result: Result, out_dir: str | Path) -> dict[str, Path]:
    """Write ``marsad.json`` (validated), ``report.html`` and ``marsad.db`` into ``out_dir``."""
    from marsad.report import write_html, write_json
    from marsad.store.sqlite import SqliteStore

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    validate(result.to_dict())
    paths = {"json": out / "marsad.json", "html": out / "report.html", "db": out / "marsad.db"}
    write_json(result, paths["json"])
    write_html(result, paths["html"])
    store = SqliteStore(paths["db"])
    try:
        store.save(result)
    finally:
        close = getattr(store, "close", None)
        if close:
            close()
    return paths
