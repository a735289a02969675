"""zip and tar(.gz) archives: members read in name order, with size limits against zip bombs.

Each member is read through a bounded stream: a member past ``max_file_bytes`` is rejected, and
reading stops once the members together pass ``max_archive_bytes`` (declared sizes are not trusted).
Archives inside archives are opened up to ``MAX_DEPTH`` levels.
"""

from __future__ import annotations

import io
import tarfile
import zipfile
from collections.abc import Callable, Iterator
from functools import partial
from typing import IO, BinaryIO

from marsad.config import Config
from marsad.errors import MalformedInput, TooLargeInput
from marsad.ingest.common import Item, read_limited, rejection

MAX_DEPTH = 2
Dispatch = Callable[[bytes, str, Config, int, "Budget"], Iterator[Item]]


class Budget:
    """Bytes left for all members of one top-level archive."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0

    def take(self, size: int, source: str) -> None:
        self.used += size
        if self.used > self.limit:
            raise TooLargeInput(f"the archive expands past {self.limit:,} bytes (max_archive_bytes); "
                                "reading stopped (zip bomb guard)", source=source)


def _member(handle: IO[bytes], where: str, config: Config, budget: Budget) -> bytes:
    left = budget.limit - budget.used
    if left >= config.max_file_bytes:
        data = read_limited(handle, config.max_file_bytes, where)
    else:
        data = handle.read(left + 1)
    budget.take(len(data), where)
    return data


def read_zip(data: BinaryIO, source: str, config: Config, dispatch: Dispatch, depth: int = 0,
             budget: Budget | None = None) -> Iterator[Item]:
    budget = budget or Budget(config.max_archive_bytes)
    try:
        archive = zipfile.ZipFile(data)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise MalformedInput(f"not a readable zip archive ({exc})", source=source) from exc
    with archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            if info.is_dir():
                continue
            where = f"{source}!{info.filename}"
            yield from _one_member(partial(archive.open, info), where, config, dispatch, depth, budget)
            if budget.used >= budget.limit:
                return


def read_tar(data: BinaryIO, source: str, config: Config, dispatch: Dispatch, depth: int = 0,
             budget: Budget | None = None) -> Iterator[Item]:
    budget = budget or Budget(config.max_archive_bytes)
    try:
        archive = tarfile.open(fileobj=data, mode="r:*")
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise MalformedInput(f"not a readable tar archive ({exc})", source=source) from exc
    with archive:
        members = sorted((m for m in archive.getmembers() if m.isfile()), key=lambda m: m.name)
        for member in members:
            where = f"{source}!{member.name}"
            yield from _one_member(partial(archive.extractfile, member), where, config, dispatch, depth, budget)
            if budget.used >= budget.limit:
                return


def _one_member(opener: Callable[[], IO[bytes] | None], where: str, config: Config, dispatch: Dispatch,
                depth: int, budget: Budget) -> Iterator[Item]:
    try:
        handle = opener()
        if handle is None:
            return
        with handle:
            content = _member(handle, where, config, budget)
    except TooLargeInput as exc:
        yield rejection(exc, where)
        return
    except (zipfile.BadZipFile, tarfile.TarError, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        yield rejection(MalformedInput(f"the archive member cannot be read ({exc})"), where)
        return
    if depth + 1 > MAX_DEPTH:
        yield rejection(MalformedInput(f"archives nested more than {MAX_DEPTH} deep"), where)
        return
    yield from dispatch(content, where, config, depth + 1, budget)


def open_bytes(content: bytes) -> BinaryIO:
    return io.BytesIO(content)
