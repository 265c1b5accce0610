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
    },
    "postgresql": {
        "id": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
        "float": "DOUBLE PRECISION",  # PostgreSQL's REAL is 4 bytes: seconds since 1970 would round
        "without_rowid": "",
        "greatest": "GREATEST",
        "instr": "strpos",
    },
}


class DatabaseError(RuntimeError):
    """The store's database cannot be used; the message says which and why."""


def is_postgresql(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def sqlite_path(url: str) -> str:
    return url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url


class Database:
    """A connection that runs the store's SQL on either backend."""

    def __init__(self, url: str | Path = ":memory:") -> None:
        self.url = str(url) if url else ":memory:"
        self.dialect = "postgresql" if is_postgresql(self.url) else "sqlite"
        self._depth = 0
        if self.dialect == "postgresql":
            self._conn = _postgresql(self.url)
        else:
            path = sqlite_path(self.url)
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            # Autocommit; `transaction()` opens explicit ones. WAL lets sidebars read while
            # the pipeline appends; NORMAL sync survives a killed process.
            self._conn = sqlite3.connect(path, isolation_level=None)
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA busy_timeout=5000")

    def sql(self, statement: str) -> str:
        """The statement in this backend's spelling."""
        text = statement.format(**FRAGMENTS[self.dialect]) if "{" in statement else statement
        return text.replace("?", "%s") if self.dialect == "postgresql" else text

    def execute(self, statement: str, params: Sequence[Any] = ()) -> Any:
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
        behind its back.
        """
        if self.dialect == "postgresql" and self._conn.closed:
            self._conn = _postgresql(self.url)

    def rows(self, statement: str, params: Sequence[Any] = ()) -> list[tuple]:
        return list(self.execute(statement, params).fetchall())

    def row(self, statement: str, params: Sequence[Any] = ()) -> tuple | None:
        return self.execute(statement, params).fetchone()

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
        self._conn.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")
        finally:
            self._depth = 0

    def close(self) -> None:
        self._conn.close()


def _postgresql(url: str) -> Any:
    try:
        import psycopg
    except ImportError as exc:
        raise DatabaseError(
            "a postgresql:// store needs psycopg: pip install 'copilot[fleet]'"
        ) from exc
    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.Error as exc:
        raise DatabaseError(f"cannot open the store at {redact_url(url)}: {exc}") from exc


def _raise_unavailable(exc: Exception, url: str) -> None:
    """A lost PostgreSQL connection goes on as a DatabaseError; other errors are left alone."""
    if isinstance(exc, DatabaseError) or type(exc).__module__.split(".")[0] != "psycopg":
        return
    import psycopg

    if isinstance(exc, psycopg.OperationalError):
        raise DatabaseError(f"the store at {redact_url(url)} is unavailable: {exc}") from exc


def redact_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    return re.sub(r"(//[^:/@]+:)[^@]*@", r"\1***@", url)
