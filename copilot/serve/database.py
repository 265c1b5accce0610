"""One SQL database behind the store: SQLite (embedded, the default) or PostgreSQL (a fleet).

The store writes its SQL once, in SQLite's spelling with `?` placeholders and a few
`{fragments}` where the two dialects differ; `Database` fills those in and converts the
placeholders, so both backends run the same statements on the same code path.

`[store] url` chooses: a file path (or `sqlite:///path`) is SQLite, `postgresql://…` is
PostgreSQL through psycopg 3. Both connections live on the event loop's thread; a call on
PostgreSQL costs a loopback round trip (measured per event in docs/benchmarks.md).
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# Where SQLite and PostgreSQL spell things differently.
FRAGMENTS = {
    "sqlite": {
        "id": "INTEGER PRIMARY KEY AUTOINCREMENT",
        "float": "REAL",
        "without_rowid": "WITHOUT ROWID",
        "greatest": "MAX",  # SQLite's two-argument max() is a scalar
        "instr": "instr",
        "now": "((julianday('now') - 2440587.5) * 86400.0)",
    },
    "postgresql": {
        "id": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
        "float": "DOUBLE PRECISION",  # PostgreSQL's REAL is 4 bytes: seconds since 1970 would round
        "without_rowid": "",
        "greatest": "GREATEST",
        "instr": "strpos",
        # The database's clock, not the worker's: workers on several hosts compare heartbeats.
        "now": "EXTRACT(EPOCH FROM clock_timestamp())",
    },
}


CONNECT_TIMEOUT_S = 3
RECONNECT_PAUSE_S = 2.0
SCRUB_ATTEMPTS, SCRUB_PAUSE_S = 50, 0.1  # a WAL checkpoint waits up to 5 s for readers


class DatabaseError(RuntimeError):
    """The store's database cannot be used; the message says which and why."""


def is_postgresql(url: str) -> bool:
    """True for a PostgreSQL URL; anything else is an SQLite file (or `:memory:`)."""
    return url.startswith(("postgresql://", "postgres://"))


def sqlite_path(url: str) -> str:
    """The file an SQLite URL names, with or without its `sqlite:///` prefix."""
    return url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url


class Database:
    """A connection that runs the store's SQL on either backend."""

    def __init__(self, url: str | Path = ":memory:") -> None:
        self.url = str(url) if url else ":memory:"
        self.dialect = "postgresql" if is_postgresql(self.url) else "sqlite"
        self._depth = 0
        self._retry_at = 0.0
        if self.dialect == "postgresql":
            self._conn = _postgresql(self.url)
        else:
            path = sqlite_path(self.url)
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            # Autocommit; `transaction()` opens explicit ones. WAL lets sidebars read while
            # the pipeline appends; NORMAL sync survives a killed process.
            # timeout: wait up to 5 s for a lock another process holds (the pragmas too).
            self._conn = sqlite3.connect(path, isolation_level=None, timeout=5.0)
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            # What is deleted or overwritten (erasure, retention, a call row updated) is
            # zeroed on its page, not left in free space for a forensic reader to find.
            self._conn.execute("PRAGMA secure_delete=ON")

    def sql(self, statement: str) -> str:
        """The statement in this backend's spelling."""
        text = statement.format(**FRAGMENTS[self.dialect]) if "{" in statement else statement
        return text.replace("?", "%s") if self.dialect == "postgresql" else text

    def execute(self, statement: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement; a lost or locked database raises DatabaseError."""
        if not self._depth:
            self._reconnect_if_lost()
        try:
            if not params:  # psycopg reads `%` as a placeholder only when parameters come along
                return self._conn.execute(self.sql(statement))
            return self._conn.execute(self.sql(statement), tuple(params))
        except Exception as exc:
            _raise_unavailable(exc, self.url)
            raise

    def _reconnect_if_lost(self) -> None:
        """PostgreSQL restarted or the network blipped: open a new connection for what comes next.

        What failed on the old connection failed (its caller heard so); nothing is retried
        behind its back. After a failed attempt the next waits RECONNECT_PAUSE_S: each attempt
        blocks the event loop for up to its connect timeout.
        """
        if self.dialect != "postgresql" or not self._conn.closed:
            return
        now = time.monotonic()
        if now < self._retry_at:
            raise DatabaseError(f"the store at {redact_url(self.url)} is unavailable")
        try:
            self._conn = _postgresql(self.url)
        except DatabaseError:
            self._retry_at = now + RECONNECT_PAUSE_S
            raise

    def rows(self, statement: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Every row of a statement."""
        return list(self.execute(statement, params).fetchall())

    def row(self, statement: str, params: Sequence[Any] = ()) -> tuple | None:
        """The first row of a statement, or None."""
        return self.execute(statement, params).fetchone()

    def one(self, statement: str, params: Sequence[Any] = ()) -> tuple:
        """The row of a statement that always returns one (an aggregate, RETURNING)."""
        row = self.row(statement, params)
        if row is None:
            raise LookupError(f"no row from {statement!r}")
        return row

    def script(self, statements: str) -> None:
        """Several `;`-separated statements (a schema), each in this backend's spelling."""
        for statement in (s.strip() for s in statements.split(";")):
            if statement:
                self.execute(statement)

    @contextmanager
    def transaction(self, immediate: bool = False) -> Iterator[None]:
        """All or nothing; nested use joins the outer transaction.

        `immediate`: on SQLite take the write lock at once (a migration must not race
        another process's migration).
        """
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._reconnect_if_lost()
        self._depth = 1
        if self.dialect == "postgresql":
            try:
                with self._conn.transaction():
                    yield
            except Exception as exc:
                _raise_unavailable(exc, self.url)
                raise
            finally:
                self._depth = 0
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
        except Exception as exc:
            self._depth = 0
            _raise_unavailable(exc, self.url)
            raise
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")
        finally:
            self._depth = 0

    def scrub(self, tables: Sequence[str]) -> bool:
        """After an erasure: leave no copy of deleted rows where the database keeps old bytes.

        SQLite: the WAL still holds the pages as they were before the delete; a TRUNCATE
        checkpoint copies the new pages home and empties the WAL file (retried while
        another connection reads). PostgreSQL: VACUUM frees the dead tuples and ANALYZE
        replaces the planner's statistics, whose most-common values quote column values.
        False if the checkpoint could not finish (a reader held it the whole time).
        """
        if self.dialect == "postgresql":
            for table in tables:
                self.execute(f"VACUUM (ANALYZE) {table}")
            return True
        for _attempt in range(SCRUB_ATTEMPTS):
            busy = self.row("PRAGMA wal_checkpoint(TRUNCATE)")
            if busy is None or not busy[0]:
                return True
            time.sleep(SCRUB_PAUSE_S)
        return False

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()


def _postgresql(url: str) -> Any:
    try:
        import psycopg
    except ImportError as exc:
        raise DatabaseError(
            "a postgresql:// store needs psycopg: pip install 'copilot[fleet]'"
        ) from exc
    try:
        # Keepalives and a TCP user timeout: a lost database host fails a statement in about
        # ten seconds instead of the kernel's quarter of an hour.
        return psycopg.connect(
            url,
            autocommit=True,
            connect_timeout=CONNECT_TIMEOUT_S,
            keepalives=1,
            keepalives_idle=5,
            keepalives_interval=2,
            keepalives_count=2,
            tcp_user_timeout=10_000,
        )
    except psycopg.Error as exc:
        raise DatabaseError(f"cannot open the store at {redact_url(url)}: {exc}") from exc


def _raise_unavailable(exc: Exception, url: str) -> None:
    """A lost PostgreSQL connection or a SQLite file locked too long goes on as a
    DatabaseError; other errors (a bug in a statement) are left alone."""
    if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
        raise DatabaseError(f"the store at {url} is busy: {exc}") from exc
    if isinstance(exc, DatabaseError) or type(exc).__module__.split(".")[0] != "psycopg":
        return
    import psycopg

    if isinstance(exc, psycopg.OperationalError):
        raise DatabaseError(f"the store at {redact_url(url)} is unavailable: {exc}") from exc


def redact_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    return re.sub(r"(//[^:/@]+:)[^@]*@", r"\1***@", url)
