"""A throw-away local PostgreSQL cluster, for tests and benchmarks of the PostgreSQL store.

    >>> with throwaway_cluster() as server:          # doctest: +SKIP
    ...     store = PostgresStore(server.dsn())

``initdb`` makes a cluster in a new temporary folder (trust authentication, user ``marsad``, UTF8), and
``pg_ctl`` starts it listening on a Unix socket in that folder only (no TCP), tuned for speed over
durability (fsync off). It is stopped and deleted on exit. As root, where initdb and postgres refuse
to run, they run as ``nobody`` through ``runuser``.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from marsad.errors import StoreError

__all__ = ["ClusterUnavailable", "LocalServer", "find_binaries", "throwaway_cluster"]

BINARIES = ("initdb", "pg_ctl", "postgres")
SERVER_USER = "nobody"  # who runs the server when we are root
SPEED_OVER_SAFETY = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


class ClusterUnavailable(StoreError):
    """No throw-away cluster can be made here (no server binaries, or no user to run them as)."""


@dataclass(frozen=True, slots=True)
class LocalServer:
    socket_dir: str
    port: int
    user: str = "marsad"

    def dsn(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@/{database}?host={self.socket_dir}&port={self.port}"


def find_binaries() -> str | None:
    """The folder holding initdb, pg_ctl and postgres: on PATH, /usr/local/bin, or Debian's versioned folders."""
    folders = [*os.environ.get("PATH", "").split(os.pathsep), "/usr/local/bin",
               *sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]
    for folder in folders:
        if folder and all(os.access(os.path.join(folder, b), os.X_OK) for b in BINARIES):
            return folder
    return None


@contextmanager
def throwaway_cluster() -> Iterator[LocalServer]:
    """Start a new cluster, yield where to reach it, stop and delete it on exit."""
    folder = find_binaries()
    if folder is None:
        raise ClusterUnavailable("PostgreSQL server binaries (initdb, pg_ctl, postgres) are not installed")
    prefix, uid = _server_user()
    root = tempfile.mkdtemp(prefix="marsad-pg-", dir="/tmp" if uid is not None and os.path.isdir("/tmp") else None)
    data = os.path.join(root, "data")
    try:
        if uid is not None:
            os.chown(root, uid, -1)
        server = LocalServer(root, _free_port())
        _run(prefix, f"{folder}/initdb", "-D", data, "-A", "trust", "-U", server.user, "-E", "UTF8", "--no-sync",
             *_locale())
        _run(prefix, f"{folder}/pg_ctl", "-D", data, "-l", os.path.join(root, "log"), "-w", "-t", "30", "-o",
             f"-k {root} -p {server.port} -c listen_addresses='' {SPEED_OVER_SAFETY}", "start")
        yield server
    finally:
        if os.path.isfile(os.path.join(data, "postmaster.pid")):
            subprocess.run([*prefix, f"{folder}/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"],
                           capture_output=True, timeout=60)
        shutil.rmtree(root, ignore_errors=True)


def _server_user() -> tuple[list[str], int | None]:
    """A command prefix running the server as an unprivileged user, and that user's uid (None: as we are)."""
    if os.geteuid() != 0:
        return [], None
    runuser = shutil.which("runuser")
    try:
        uid = pwd.getpwnam(SERVER_USER).pw_uid
    except KeyError:
        uid = None
    if runuser is None or uid is None:
        raise ClusterUnavailable(f"running as root, and no runuser or user {SERVER_USER!r} to run PostgreSQL as")
    return [runuser, "-u", SERVER_USER, "--"], uid


def _free_port() -> int:
    # The socket sits in a private folder, so any port would do; a free one keeps the SysV shared memory
    # key (derived from the port) apart from other clusters' too.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _locale() -> list[str]:
    """C.UTF-8 when the system has it (a real UTF-8 ctype, as production servers have), else no locale."""
    try:
        found = subprocess.run(["locale", "-a"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        found = ""
    return ["--locale=C.UTF-8"] if {"C.UTF-8", "C.utf8"} & set(found.split()) else ["--no-locale"]


def _run(prefix: list[str], *command: str) -> None:
    done = subprocess.run([*prefix, *command], capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        name = os.path.basename(command[0])
        raise StoreError(f"{name} failed: {(done.stderr or done.stdout).strip()[-500:]}")
