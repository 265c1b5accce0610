"""A real PostgreSQL (Debian's `postgresql` package) on a free loopback port, for the store tests.

One server per test session: `initdb` into a temporary folder as an unprivileged user
(`postgres` when the tests run as root), `pg_ctl start` on 127.0.0.1, trust auth for the
loopback only. Every test gets a fresh database of its own (`fresh_database`).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

BIN = Path("/usr/lib/postgresql")
SUPERUSER = "copilot"
_names = itertools.count(1)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _binary(name: str) -> str:
    found = sorted(BIN.glob(f"*/bin/{name}")) or ([Path(p)] if (p := shutil.which(name)) else [])
    if not found:
        pytest.fail(f"{name} is missing: run `make venv` (it installs Debian's postgresql)")
    return str(found[-1])


def _as_unprivileged(command: list[str]) -> tuple[list[str], str | None]:
    """PostgreSQL refuses to run as root: run it as the package's `postgres` user then."""
    if os.geteuid() != 0:
        return command, None
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        pytest.fail("running as root needs Debian's `postgres` user (apt-get install postgresql)")
    return ["runuser", "-u", "postgres", "--", *command], "postgres"


@contextlib.contextmanager
def postgres_server(durable: bool = False) -> Iterator[str]:
    """postgresql://… of a running server's `postgres` database, stopped and removed after.

    Tests run it with fsync off (nothing to keep after the test); `durable` leaves
    PostgreSQL's defaults (fsync, synchronous commit), for figures that must hold in production.
    """
    folder = Path(tempfile.mkdtemp(prefix="copilot-pg-"))
    data = folder / "data"
    port = _free_port()
    initdb, user = _as_unprivileged(
        [_binary("initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8"]
    )
    if user:
        shutil.chown(folder, user)
    subprocess.run(initdb, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1"
    options += "" if durable else " -c fsync=off"
    start, _ = _as_unprivileged(
        [
            _binary("pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-w",
            "-l",
            str(folder / "log"),
            "start",
        ]
    )
    subprocess.run(start, check=True, stdout=subprocess.DEVNULL)
    try:
        yield f"postgresql://{SUPERUSER}@127.0.0.1:{port}/postgres"
    finally:
        stop, _ = _as_unprivileged([_binary("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"])
        subprocess.run(stop, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(folder, ignore_errors=True)


def fresh_database(server_url: str) -> str:
    """A new, empty database on the server; its URL."""
    import psycopg

    name = f"copilot_test_{os.getpid()}_{next(_names)}"
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + f"/{name}"
