"""Calls, events, feedback and drafts in SQLite, so history survives a restart.

Every event is appended here *before* any client sees it: a sidebar that
reconnects after a crash can always be served from the store what it missed.
WAL mode lets readers (a reconnecting sidebar) run while the pipeline appends;
`synchronous=NORMAL` keeps each append cheap and still survives a killed process
(only a power cut can lose the last transactions).

Events are stored as the JSON clients receive (already redacted when redaction
is on), so serving history is a copy, not a re-encoding.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from copilot.events.feedback import Feedback

SCHEMA = """
CREATE TABLE IF NOT EXISTS calls (
    call_id    TEXT PRIMARY KEY,
    agent_id   TEXT NOT NULL DEFAULT '',
    source     TEXT NOT NULL DEFAULT '',
    started_at REAL NOT NULL,
    ended_at   REAL,
    end_reason TEXT NOT NULL DEFAULT '',
    last_seq   INTEGER NOT NULL DEFAULT 0,
    origin     TEXT NOT NULL DEFAULT ''  -- '' this worker; else the worker that ran the call
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
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS feedback (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    call_id   TEXT NOT NULL,
    target    TEXT NOT NULL,     -- suggestion / draft / alert
    target_id TEXT NOT NULL,     -- suggestion_id, or the alert's seq
    action    TEXT NOT NULL,     -- accept / edit / dismiss / send
    text      TEXT NOT NULL DEFAULT '',
    agent_id  TEXT NOT NULL DEFAULT '',
    at        REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS drafts (
    call_id      TEXT NOT NULL,
    suggestion_id TEXT NOT NULL,
    text         TEXT NOT NULL,
    status       TEXT NOT NULL,  -- edited / sent / dismissed / accepted
    updated_at   REAL NOT NULL,
    PRIMARY KEY (call_id, suggestion_id)
);
"""


@dataclass(frozen=True)
class StoredCall:
    call_id: str
    agent_id: str
    source: str
    started_at: float
    ended_at: float | None
    end_reason: str
    last_seq: int
    origin: str = ""

    @property
    def live(self) -> bool:
        return self.ended_at is None


class EventStore:
    def __init__(self, path: str | Path = ":memory:") -> None:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # One connection on the event loop's thread; the server never touches it from elsewhere.
        self._db = sqlite3.connect(str(path), isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        self._db.close()

    # -- events ----------------------------------------------------------------

    def append(self, data: dict[str, Any], text: str, origin: str = "") -> bool:
        """Store one event (its dict and its JSON); False if (call_id, seq) is already stored.

        `origin` names the worker that ran the call when the event came through the relay.
        """
        call_id, seq, kind = data["call_id"], data["seq"], data["type"]
        with self._db:
            inserted = self._db.execute(
                "INSERT OR IGNORE INTO events (call_id, seq, type, json) VALUES (?, ?, ?, ?)",
                (call_id, seq, kind, text),
            ).rowcount
            if not inserted:
                return False
            if kind == "call.started":
                metadata = data.get("metadata") or {}
                self._db.execute(
                    "INSERT INTO calls (call_id, agent_id, source, started_at, last_seq, origin)"
                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(call_id) DO UPDATE SET"
                    " ended_at = NULL, end_reason = '', last_seq = excluded.last_seq,"
                    " origin = excluded.origin",
                    (
                        call_id,
                        str(metadata.get("agent_id", "")),
                        data.get("source", ""),
                        time.time(),
                        seq,
                        origin,
                    ),
                )
            elif kind == "call.ended":
                self._db.execute(
                    "UPDATE calls SET ended_at = ?, end_reason = ?, last_seq = ? WHERE call_id = ?",
                    (time.time(), str(data.get("reason", "")), seq, call_id),
                )
            else:
                self._db.execute(
                    "UPDATE calls SET last_seq = MAX(last_seq, ?) WHERE call_id = ?", (seq, call_id)
                )
        return True

    def events_after(
        self, call_id: str, after_seq: int = 0, limit: int = 100_000
    ) -> list[tuple[int, str]]:
        """(seq, json) of a call's stored events after `after_seq`, in order."""
        rows = self._db.execute(
            "SELECT seq, json FROM events WHERE call_id = ? AND seq > ? ORDER BY seq LIMIT ?",
            (call_id, after_seq, limit),
        )
        return [(int(seq), text) for seq, text in rows]

    def events_of_types(self, call_id: str, types: tuple[str, ...]) -> list[str]:
        """JSON of a call's stored events of these types, in order."""
        marks = ",".join("?" * len(types))
        rows = self._db.execute(
            f"SELECT json FROM events WHERE call_id = ? AND type IN ({marks}) ORDER BY seq",
            (call_id, *types),
        )
        return [text for (text,) in rows]

    def event_at(self, call_id: str, seq: int) -> str | None:
        row = self._db.execute(
            "SELECT json FROM events WHERE call_id = ? AND seq = ?", (call_id, seq)
        ).fetchone()
        return row[0] if row else None

    def event_with_suggestion(self, call_id: str, suggestion_id: str) -> str | None:
        """The latest event of a call that carries this suggestion_id (suggestion, draft…)."""
        needle = '"suggestion_id":' + json.dumps(suggestion_id, ensure_ascii=False)
        row = self._db.execute(
            "SELECT json FROM events WHERE call_id = ? AND instr(json, ?) > 0"
            " ORDER BY seq DESC LIMIT 1",
            (call_id, needle),
        ).fetchone()
        return row[0] if row else None

    def last_seq(self, call_id: str) -> int:
        row = self._db.execute(
            "SELECT MAX(seq) FROM events WHERE call_id = ?", (call_id,)
        ).fetchone()
        return int(row[0] or 0)

    # -- calls -----------------------------------------------------------------

    def call(self, call_id: str) -> StoredCall | None:
        row = self._db.execute(
            "SELECT call_id, agent_id, source, started_at, ended_at, end_reason, last_seq, origin"
            " FROM calls WHERE call_id = ?",
            (call_id,),
        ).fetchone()
        return StoredCall(*row) if row else None

    def recent_calls(self, limit: int = 200) -> list[StoredCall]:
        rows = self._db.execute(
            "SELECT call_id, agent_id, source, started_at, ended_at, end_reason, last_seq, origin"
            " FROM calls ORDER BY started_at DESC LIMIT ?",
            (limit,),
        )
        return [StoredCall(*row) for row in rows]

    def close_interrupted_calls(self, reason: str = "server_restart") -> list[str]:
        """Calls the last process never ended (it was killed): mark them ended, keep their events."""
        ids = [
            row[0] for row in self._db.execute("SELECT call_id FROM calls WHERE ended_at IS NULL")
        ]
        with self._db:
            self._db.execute(
                "UPDATE calls SET ended_at = ?, end_reason = ? WHERE ended_at IS NULL",
                (time.time(), reason),
            )
        return ids

    # -- small settings that must survive a restart (e.g. the relay's position) -------

    def get_meta(self, key: str, default: str = "") -> str:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self._db:
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # -- feedback and drafts ---------------------------------------------------

    def add_feedback(self, feedback: Feedback) -> int:
        with self._db:
            cursor = self._db.execute(
                "INSERT INTO feedback (call_id, target, target_id, action, text, agent_id, at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    feedback.call_id,
                    feedback.target,
                    feedback.target_id,
                    feedback.action,
                    feedback.text,
                    feedback.agent_id,
                    feedback.at,
                ),
            )
            if feedback.target == "draft" and feedback.action in (
                "edit",
                "send",
                "accept",
                "dismiss",
            ):
                self._save_draft(feedback)
        return int(cursor.lastrowid or 0)

    def _save_draft(self, feedback: Feedback) -> None:
        status = {"edit": "edited", "send": "sent", "accept": "accepted", "dismiss": "dismissed"}
        self._db.execute(
            "INSERT INTO drafts (call_id, suggestion_id, text, status, updated_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT(call_id, suggestion_id) DO UPDATE SET"
            " text = CASE WHEN excluded.text = '' THEN drafts.text ELSE excluded.text END,"
            " status = excluded.status, updated_at = excluded.updated_at",
            (
                feedback.call_id,
                feedback.target_id,
                feedback.text,
                status[feedback.action],
                time.time(),
            ),
        )

    def feedback_for(self, call_id: str) -> list[Feedback]:
        rows = self._db.execute(
            "SELECT call_id, target, target_id, action, text, agent_id, at FROM feedback"
            " WHERE call_id = ? ORDER BY id",
            (call_id,),
        )
        return [Feedback(*row) for row in rows]

    def draft(self, call_id: str, suggestion_id: str) -> tuple[str, str] | None:
        row = self._db.execute(
            "SELECT text, status FROM drafts WHERE call_id = ? AND suggestion_id = ?",
            (call_id, suggestion_id),
        ).fetchone()
        return (row[0], row[1]) if row else None


def event_json(data: dict[str, Any]) -> str:
    """The one JSON encoding of an event dict used for storage and for the wire."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
