"""Layered configuration: shipped defaults, then a user TOML file, then keyword arguments.

Every tuned threshold says what data it was calibrated on.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Config:
    # Inputs larger than this are rejected (E104) rather than read into memory.
    max_file_bytes: int = 20 * 1024 * 1024
    # Archive members (zip/tar) stop being read past this many bytes in all (zip-bomb guard).
    max_archive_bytes: int = 200 * 1024 * 1024
    # Articles shorter than this many letters after cleaning are rejected as "no article text".
    min_article_chars: int = 80
    # MinHash near-duplicate detection: Jaccard over word 3-shingles of the normalised text.
    # Calibrated (`python benchmarks/bench_ingest.py --calibrate-dedup`) on 20 generated variants of
    # the seeds (new headers/footers, reordered paragraphs, 10% word edits: lowest Jaccard 0.38) and
    # 50 distinct same-topic pairs (seed pairs + ANERcorp chunks: highest 0.02).
    dedup_num_perm: int = 128
    dedup_threshold: float = 0.3
    # Story clustering: similarity (hashed TF-IDF, char 3-5-grams of normalised words + stems, fixed
    # background IDF) above which an article joins a story. Calibrated on 69 same-story / 7,681
    # different-story pairs: ANERcorp-train pseudo-articles + tests/fixtures/cluster + seeds
    # (docs/cluster_calibration.md; `python benchmarks/calibrate_cluster.py calibrate`).
    cluster_threshold: float = 0.20
    # A story that has had no new article for this many days is closed (incremental clustering).
    # A product choice, not calibrated.
    story_window_days: int = 7
    # Summary: number of sentences in a story summary.
    summary_sentences: int = 6
    # Claims: cosine (TF-IDF of stems) above which two sentences from different outlets say the same.
    # Calibrated on 15 same-content / 52 different hand-labelled sentence pairs (best 0.353, F1 0.897;
    # `python benchmarks/calibrate_cluster.py claims`).
    claim_threshold: float = 0.35
    workers: int = 1
    # Execution engine: "local" (this process / a process pool) or "spark" (optional extra).
    engine: str = "local"
    spark_master: str = "local[*]"
    extra: dict[str, Any] = field(default_factory=dict)


def load_config(path: str | Path | None = None, **overrides: Any) -> Config:
    """Defaults, then the ``[marsad]`` table of a TOML file, then keyword overrides."""
    values: dict[str, Any] = {}
    if path is not None:
        try:
            with open(path, "rb") as handle:
                values.update(tomllib.load(handle).get("marsad", {}))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read configuration: {exc}", source=str(path)) from exc
    values.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name for f in dataclasses.fields(Config)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ConfigError(f"unknown configuration keys: {', '.join(unknown)}", source=str(path or "arguments"))
    return Config(**values)
