"""Marsad (مرصد): Arabic-first news intelligence.

    >>> import marsad
    >>> result = marsad.analyze(["examples/"])          # doctest: +SKIP
    >>> [len(s.article_ids) for s in result.stories]     # doctest: +SKIP

Importing the package loads no model and changes no global state.
"""

from __future__ import annotations

import logging

from marsad.api import analyze, validate, write_outputs
from marsad.config import Config, load_config
from marsad.model import Article, Result, Story

__all__ = ["Article", "Config", "Result", "Story", "analyze", "load_config", "validate", "write_outputs"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
