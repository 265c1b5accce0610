"""The store's schema, as versioned migrations: forward only, applied when a store opens.

Each migration runs once, in order, inside one transaction together with the row that
records it in `schema_version`, under a lock (SQLite: the write lock, taken at BEGIN;
PostgreSQL: an advisory lock), so workers starting together never both migrate. A
database made by a newer copilot is refused rather than guessed at.

Version 1 is the schema copilot shipped before versions were kept (every statement is
IF NOT EXISTS, so it also adopts such a database as it is).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass

from copilot.serve.database import Database, DatabaseError

# pg_advisory_xact_lock key: any constant every copilot uses ("copilot" in ASCII).
MIGRATION_LOCK = 0x636F70696C6F74


@dataclass(frozen=True)
class Migration:
    """One schema version: its statements, then any data change that needs Python."""

    version: int
    description: str
    statements: str = ""  # `;`-separated, in the store's dialect-neutral spelling
    then: Callable[[Database], None] | None = None  # data changes that need Python


def _backfill_call_metadata(db: Database) -> None:
    """Calls stored before v2 get their metadata from their own call.started event."""
    rows = db.rows(
        "SELECT c.call_id, e.json FROM calls c JOIN events e"
        " ON e.call_id = c.call_id AND e.type = 'call.started'"
    )
    for call_id, text in rows:
        metadata = json.loads(text).get("metadata") or {}
        db.execute(
            "UPDATE calls SET metadata = ? WHERE call_id = ?",
            (json.dumps(metadata, ensure_ascii=False, sort_keys=True), call_id),
        )


def _backfill_call_index(db: Database) -> None:
    """Calls stored before v5 get their team and highest alert level from their own events."""
    from copilot.serve.board import LEVEL_RANK, queue_of, team_hint  # the same rules as live

    rows = db.rows(
        "SELECT call_id, type, json FROM events"
        " WHERE type IN ('call.started', 'alert', 'handoff', 'suggestion') ORDER BY call_id, seq"
    )
    found: dict[str, tuple[str, int]] = {}
    for call_id, kind, text in rows:
        data = json.loads(text)
        team, level = found.get(call_id, ("", 0))
        if kind == "call.started":
            team = queue_of(data.get("metadata") or {}) or team
        team = team or team_hint(data)
        level = max(level, LEVEL_RANK.get(data.get("level") or "", 0) if kind == "alert" else 0)
        found[call_id] = (team, level)
    for call_id, (team, level) in found.items():
        db.execute(
            "UPDATE calls SET team = ?, alert_level = ? WHERE call_id = ?", (team, level, call_id)
        )


MIGRATIONS = (
    Migration(
        1,
        "calls, events, feedback, drafts and meta",
        """
        CREATE TABLE IF NOT EXISTS calls (
            call_id    TEXT PRIMARY KEY,
            agent_id   TEXT NOT NULL DEFAULT '',
            source     TEXT NOT NULL DEFAULT '',
            started_at {float} NOT NULL,
            ended_at   {float},
            end_reason TEXT NOT NULL DEFAULT '',
            last_seq   INTEGER NOT NULL DEFAULT 0,
            origin     TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE IF NOT EXISTS meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS events (
            call_id TEXT NOT NULL,
            seq     INTEGER NOT NULL,
            type    TEXT NOT NULL,
            json    TEXT NOT NULL,
            PRIMARY KEY (call_id, seq)
        ) {without_rowid};
        CREATE TABLE IF NOT EXISTS feedback (
            id        {id},
            call_id   TEXT NOT NULL,
            target    TEXT NOT NULL,
            target_id TEXT NOT NULL,
            action    TEXT NOT NULL,
            text      TEXT NOT NULL DEFAULT '',
            agent_id  TEXT NOT NULL DEFAULT '',
            at        {float} NOT NULL
        );
        CREATE TABLE IF NOT EXISTS drafts (
            call_id       TEXT NOT NULL,
            suggestion_id TEXT NOT NULL,
            text          TEXT NOT NULL,
            status        TEXT NOT NULL,
            updated_at    {float} NOT NULL,
            PRIMARY KEY (call_id, suggestion_id)
        )
        """,
    ),
    Migration(
        2,
        "call metadata (erasure by caller), erasure audit, retention and fleet indexes, workers",
        """
        ALTER TABLE calls ADD COLUMN metadata TEXT NOT NULL DEFAULT '{{}}';
        CREATE INDEX IF NOT EXISTS calls_by_start ON calls (started_at);
        CREATE INDEX IF NOT EXISTS calls_live_by_origin ON calls (origin, ended_at);
        CREATE INDEX IF NOT EXISTS feedback_by_call ON feedback (call_id);
        CREATE TABLE IF NOT EXISTS erasures (
            id       {id},
            at       {float} NOT NULL,
            actor    TEXT NOT NULL,
            selector TEXT NOT NULL,
            calls    INTEGER NOT NULL,
            rows     TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS workers (
            worker_id TEXT PRIMARY KEY,
            seen_at   {float} NOT NULL
        )
        """,
        _backfill_call_metadata,
    ),
    Migration(
        3,
        "keyed hashes of call metadata as given, so erasure finds calls whose metadata redaction masked",
        "ALTER TABLE calls ADD COLUMN metadata_lookup TEXT NOT NULL DEFAULT '{{}}'",
    ),
    Migration(
        4,
        "erasures name the erased calls by keyed hash (running workers forget them);"
        " signature nonces used once across a fleet",
        """
        ALTER TABLE erasures ADD COLUMN forget TEXT NOT NULL DEFAULT '[]';
        CREATE TABLE IF NOT EXISTS signature_nonces (
            nonce      TEXT PRIMARY KEY,
            expires_at {float} NOT NULL
        );
        CREATE INDEX IF NOT EXISTS signature_nonces_by_expiry ON signature_nonces (expires_at)
        """,
    ),
    Migration(
        5,
        "each call's team and highest alert level, so the day's ended calls are paged and"
        " filtered from the calls table alone",
        """
        ALTER TABLE calls ADD COLUMN team TEXT NOT NULL DEFAULT '';
        ALTER TABLE calls ADD COLUMN alert_level INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX IF NOT EXISTS calls_by_end ON calls (ended_at)
        """,
        _backfill_call_index,
    ),
)
LATEST = MIGRATIONS[-1].version


def schema_version(db: Database) -> int:
    """The latest migration this database has recorded (0: none yet)."""
    row = db.row("SELECT MAX(version) FROM schema_version")
    return int(row[0] or 0) if row else 0


def migrate(db: Database, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[int]:
    """Bring the store's schema up to date; returns the versions applied now."""
    applied = []
    with db.transaction(immediate=True):
        if db.dialect == "postgresql":
            db.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
        db.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
            " description TEXT NOT NULL, applied_at {float} NOT NULL)"
        )
        current = schema_version(db)
        known = migrations[-1].version
        if current > known:
            raise DatabaseError(
                f"the store's schema is version {current}, made by a newer copilot; this one"
                f" knows up to version {known}: upgrade copilot (migrations only go forward)"
            )
        for migration in migrations:
            if migration.version <= current:
                continue
            db.script(migration.statements)
            if migration.then is not None:
                migration.then(db)
            db.execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.description, time.time()),
            )
            applied.append(migration.version)
    return applied
