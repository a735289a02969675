"""Coded errors. Human wording for users lives in the CLI; these carry a code and the facts.

Hierarchy: MarsadError > InputError (per-file, becomes a ``rejected`` entry) / ConfigError /
ModelError / StoreError.
"""

from __future__ import annotations


class MarsadError(Exception):
    code = "E000"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source
        self.message = message

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"[{self.code}] {where}{self.message}"


class InputError(MarsadError, ValueError):
    """An input file cannot be used; the batch goes on without it."""

    code = "E100"


class EmptyInput(InputError):
    code = "E101"


class BinaryInput(InputError):
    code = "E102"


class UndecodableInput(InputError):
    code = "E103"


class TooLargeInput(InputError):
    code = "E104"


class UnsupportedFormat(InputError):
    code = "E105"


class NoArticleText(InputError):
    code = "E106"


class MalformedInput(InputError):
    code = "E107"


class ConfigError(MarsadError):
    code = "E200"


class ModelError(MarsadError):
    code = "E300"


class StoreError(MarsadError):
    code = "E400"


class ExportError(StoreError):
    """A Parquet dataset cannot be written where asked (``source`` names the folder)."""

    code = "E410"


class ParquetUnavailable(ExportError):
    """pyarrow is not installed."""

    code = "E411"


class PipelineError(MarsadError):
    code = "E500"


class StageFailed(PipelineError):
    """A stage raised an unexpected error on one article or story (a bug to report, not bad input)."""

    code = "E501"
