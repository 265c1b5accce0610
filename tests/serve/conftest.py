"""Fixtures of the server tests: the store on both backends."""

from __future__ import annotations

import pytest

from tests.serve.postgres_harness import fresh_database, postgres_server


@pytest.fixture(scope="session")
def postgres():
    """One real PostgreSQL for the whole test session; tests take fresh databases on it."""
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    """The store's `[store] url` on each backend: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "events.sqlite3")
    return fresh_database(request.getfixturevalue("postgres"))
