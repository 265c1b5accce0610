"""Calls, events, feedback and drafts in SQLite or PostgreSQL, so history survives a restart.

Every event is appended here *before* any client sees it: a sidebar that
reconnects after a crash can always be served from the store what it missed.
On SQLite (one worker's own file) WAL mode lets readers run while the pipeline
appends; on PostgreSQL every worker of a fleet writes the calls it runs into one
shared database and any worker serves any sidebar from it (`shared`).

Events are stored as the JSON clients receive (already redacted when redaction
is on), so serving history is a copy, not a re-encoding. The schema is versioned
(`migrations.py`) and brought up to date when the store opens.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass
from typing import Any

from copilot.events.feedback import Feedback
from copilot.events.log_names import use_key
from copilot.serve.board import LEVEL_RANK, queue_of, team_hint
from copilot.serve.database import Database
from copilot.serve.migrations import migrate

CALL_COLUMNS = "call_id, agent_id, source, started_at, ended_at, end_reason, last_seq, origin"


@dataclass(frozen=True)
class StoredCall:
    """A call's row: whose, when it started, when and why it ended, its last seq, its worker."""

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
        """No end stored yet: the call is running, or its worker died before ending it."""
        return self.ended_at is None


class EventStore:
    """Everything that must outlive a restart: calls, events, feedback and drafts."""

    def __init__(self, url: str = ":memory:", worker_id: str = "") -> None:
        # One connection on the event loop's thread; the server never touches it from elsewhere.
        self.db = Database(url)
        migrate(self.db)
        # On a shared store each call row names the worker that runs it, so a worker that
        # restarts closes only its own calls. A worker's own file leaves its own calls ''.
        self.worker_id = worker_id if self.shared else ""
        self._lookup_key = self._metadata_lookup_key()
        use_key(self._lookup_key)  # logs name calls by the same key on every worker

    def _metadata_lookup_key(self) -> bytes:
        """The store's own key for hashing metadata values (made once; every worker reads it)."""
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES ('metadata_lookup_key', ?) ON CONFLICT DO NOTHING",
            (secrets.token_hex(32),),
        )
        return bytes.fromhex(self.get_meta("metadata_lookup_key"))

    def lookup_hash(self, key: str, value: Any) -> str:
        """A keyed hash of one metadata value as given, before redaction masked it."""
        digest = hmac.new(self._lookup_key, f"{key}={value}".encode(), hashlib.sha256)
        return digest.hexdigest()

    def call_hash(self, call_id: str) -> str:
        """How an erasure names a call to the running workers without writing its id."""
        return self.lookup_hash("call_id", call_id)

    def erasures_after(self, last_id: int) -> list[tuple[int, set[str]]]:
        """(audit id, keyed hashes of the erased calls) of the erasures after `last_id`."""
        rows = self.db.rows("SELECT id, forget FROM erasures WHERE id > ? ORDER BY id", (last_id,))
        return [(int(i), set(json.loads(forget or "[]"))) for i, forget in rows]

    def last_erasure_id(self) -> int:
        """The latest erasure's audit id (0: none); a starting server watches for ones after it."""
        row = self.db.row("SELECT MAX(id) FROM erasures")
        return int(row[0] or 0) if row else 0

    @property
    def shared(self) -> bool:
        """Several workers write this store (PostgreSQL): a relayed event is already in it."""
        return self.db.dialect == "postgresql"

    def close(self) -> None:
        """Close the database connection."""
        self.db.close()

    # -- events ----------------------------------------------------------------

    def append(
        self, data: dict[str, Any], text: str, origin: str = "", lookup: dict | None = None
    ) -> bool:
        """Store one event (its dict and its JSON); False if (call_id, seq) is already stored.

        `origin` names the worker that ran the call when the event came through the relay;
        `lookup` (call.started): keyed hashes of the metadata values before redaction.
        """
        call_id, seq, kind = data["call_id"], data["seq"], data["type"]
        origin = origin or self.worker_id
        with self.db.transaction():
            inserted = self.db.execute(
                "INSERT INTO events (call_id, seq, type, json) VALUES (?, ?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                (call_id, seq, kind, text),
            ).rowcount
            if not inserted:
                return False
            if kind == "call.started":
                self._open_call(call_id, seq, data, origin, lookup or {})
            elif kind == "call.assigned":  # the call moved to another agent (a chat hand-over)
                self.db.execute(
                    "UPDATE calls SET agent_id = ?, last_seq = {greatest}(last_seq, ?)"
                    " WHERE call_id = ?",
                    (str(data.get("agent_id", "")), seq, call_id),
                )
            elif kind == "call.ended":
                self.db.execute(
                    "UPDATE calls SET ended_at = ?, end_reason = ?, last_seq = ? WHERE call_id = ?",
                    (time.time(), str(data.get("reason", "")), seq, call_id),
                )
            else:
                # The history's index: the highest alert level, the first team the call is known by.
                level = LEVEL_RANK.get(str(data.get("level") or ""), 0) if kind == "alert" else 0
                self.db.execute(
                    "UPDATE calls SET last_seq = {greatest}(last_seq, ?),"
                    " alert_level = {greatest}(alert_level, ?),"
                    " team = CASE WHEN team = '' THEN ? ELSE team END WHERE call_id = ?",
                    (seq, level, team_hint(data), call_id),
                )
        return True

    def _open_call(
        self, call_id: str, seq: int, data: dict[str, Any], origin: str, lookup: dict
    ) -> None:
        """The call row, made or (a call id streaming in again) reopened.

        A reopened call keeps the metadata it was first stored with and adds the new
        values' keyed hashes to the ones it had: erasure by any value the call ever
        carried still finds it.
        """
        metadata = data.get("metadata") or {}
        before = self.db.row("SELECT metadata_lookup FROM calls WHERE call_id = ?", (call_id,))
        hashes = merged_lookup(json.loads(before[0]) if before else {}, lookup)
        self.db.execute(
            "INSERT INTO calls (call_id, agent_id, source, started_at, last_seq, origin,"
            " metadata, metadata_lookup, team) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(call_id) DO UPDATE SET ended_at = NULL, end_reason = '',"
            " last_seq = excluded.last_seq, origin = excluded.origin,"
            " agent_id = excluded.agent_id, metadata_lookup = excluded.metadata_lookup,"
            " team = CASE WHEN excluded.team = '' THEN calls.team ELSE excluded.team END",
            (
                call_id,
                str(metadata.get("agent_id", "")),
                data.get("source", ""),
                time.time(),
                seq,
                origin,
                json.dumps(metadata, ensure_ascii=False, sort_keys=True),
                json.dumps(hashes, sort_keys=True),
                queue_of(metadata),
            ),
        )

    def events_after(
        self, call_id: str, after_seq: int = 0, limit: int = 100_000
    ) -> list[tuple[int, str]]:
        """(seq, json) of a call's stored events after `after_seq`, in order."""
        rows = self.db.rows(
            "SELECT seq, json FROM events WHERE call_id = ? AND seq > ? ORDER BY seq LIMIT ?",
            (call_id, after_seq, limit),
        )
        return [(int(seq), text) for seq, text in rows]

    def events_of_types(self, call_id: str, types: tuple[str, ...]) -> list[str]:
        """JSON of a call's stored events of these types, in order."""
        marks = ",".join("?" * len(types))
        rows = self.db.rows(
            f"SELECT json FROM events WHERE call_id = ? AND type IN ({marks}) ORDER BY seq",
            (call_id, *types),
        )
        return [text for (text,) in rows]

    def event_at(self, call_id: str, seq: int) -> str | None:
        """JSON of the call's stored event at this seq, or None."""
        row = self.db.row("SELECT json FROM events WHERE call_id = ? AND seq = ?", (call_id, seq))
        return row[0] if row else None

    def event_with_suggestion(self, call_id: str, suggestion_id: str) -> str | None:
        """The latest event of a call that carries this suggestion_id (suggestion, draft…)."""
        needle = '"suggestion_id":' + json.dumps(suggestion_id, ensure_ascii=False)
        row = self.db.row(
            "SELECT json FROM events WHERE call_id = ? AND {instr}(json, ?) > 0"
            " ORDER BY seq DESC LIMIT 1",
            (call_id, needle),
        )
        return row[0] if row else None

    def last_seq(self, call_id: str) -> int:
        """The call's highest stored seq (0: none); a call id that returns numbers on from it."""
        row = self.db.one("SELECT MAX(seq) FROM events WHERE call_id = ?", (call_id,))
        return int(row[0] or 0)

    # -- calls -----------------------------------------------------------------

    def call(self, call_id: str) -> StoredCall | None:
        """The call's row, or None if the store has never seen it."""
        row = self.db.row(f"SELECT {CALL_COLUMNS} FROM calls WHERE call_id = ?", (call_id,))
        return StoredCall(*row) if row else None

    def recent_calls(self, limit: int = 200) -> list[StoredCall]:
        """The most recently started calls, newest first."""
        rows = self.db.rows(
            f"SELECT {CALL_COLUMNS} FROM calls ORDER BY started_at DESC LIMIT ?", (limit,)
        )
        return [StoredCall(*row) for row in rows]

    # -- a fleet on one shared store: who is alive, whose calls were left open ------------

    def heartbeat(self) -> None:
        """This worker is alive (a shared store only), on the database's clock."""
        self.db.execute(
            "INSERT INTO workers (worker_id, seen_at) VALUES (?, {now})"
            " ON CONFLICT(worker_id) DO UPDATE SET seen_at = excluded.seen_at",
            (self.worker_id,),
        )

    def orphaned_calls(self, timeout_s: float) -> list[StoredCall]:
        """Open calls of workers silent for longer than `timeout_s` (killed, or their machine
        lost), judged on the database's clock so hosts whose clocks differ agree."""
        columns = ", ".join(f"c.{c.strip()}" for c in CALL_COLUMNS.split(","))
        rows = self.db.rows(
            f"SELECT {columns} FROM calls c JOIN workers w ON w.worker_id = c.origin"
            " WHERE c.ended_at IS NULL AND w.seen_at < {now} - ? AND c.origin <> ?",
            (timeout_s, self.worker_id),
        )
        return [StoredCall(*row) for row in rows]

    def open_calls_of(self, origin: str) -> list[StoredCall]:
        """Calls still open that `origin` runs ('' : this worker's own file)."""
        rows = self.db.rows(
            f"SELECT {CALL_COLUMNS} FROM calls WHERE ended_at IS NULL AND origin = ?", (origin,)
        )
        return [StoredCall(*row) for row in rows]

    # -- small settings that must survive a restart (e.g. the relay's position) -------

    def get_meta(self, key: str, default: str = "") -> str:
        """A small setting kept across restarts (e.g. the relay's position), or `default`."""
        row = self.db.row("SELECT value FROM meta WHERE key = ?", (key,))
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        """Store or overwrite a small setting that must survive a restart."""
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # -- feedback and drafts ---------------------------------------------------

    def add_feedback(self, feedback: Feedback) -> int:
        """Store one piece of an agent's feedback; return its id.

        On a draft (edit, send, accept, dismiss) it also keeps the draft's latest text and status.
        """
        with self.db.transaction():
            row = self.db.execute(
                "INSERT INTO feedback (call_id, target, target_id, action, text, agent_id, at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (
                    feedback.call_id,
                    feedback.target,
                    feedback.target_id,
                    feedback.action,
                    feedback.text,
                    feedback.agent_id,
                    feedback.at,
                ),
            ).fetchone()
            if feedback.target == "draft" and feedback.action in (
                "edit",
                "send",
                "accept",
                "dismiss",
            ):
                self._save_draft(feedback)
        return int(row[0])

    def _save_draft(self, feedback: Feedback) -> None:
        status = {"edit": "edited", "send": "sent", "accept": "accepted", "dismiss": "dismissed"}
        self.db.execute(
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
        """The call's feedback, in the order it was given."""
        rows = self.db.rows(
            "SELECT call_id, target, target_id, action, text, agent_id, at FROM feedback"
            " WHERE call_id = ? ORDER BY id",
            (call_id,),
        )
        return [Feedback(*row) for row in rows]

    def feedback_by(self, agent_id: str, target: str, call_ids: list[str]) -> list[Feedback]:
        """One person's feedback on one kind of target in these calls, in the order given."""
        if not call_ids:
            return []
        marks = ",".join("?" * len(call_ids))
        rows = self.db.rows(
            "SELECT call_id, target, target_id, action, text, agent_id, at FROM feedback"
            f" WHERE agent_id = ? AND target = ? AND call_id IN ({marks}) ORDER BY id",
            (agent_id, target, *call_ids),
        )
        return [Feedback(*row) for row in rows]

    def draft(self, call_id: str, suggestion_id: str) -> tuple[str, str] | None:
        """(text, status) of a draft as the agent last left it; None if never acted on."""
        row = self.db.row(
            "SELECT text, status FROM drafts WHERE call_id = ? AND suggestion_id = ?",
            (call_id, suggestion_id),
        )
        return (row[0], row[1]) if row else None


def event_json(data: dict[str, Any]) -> str:
    """The one JSON encoding of an event dict used for storage and for the wire."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def merged_lookup(before: dict[str, Any], new: dict[str, str]) -> dict[str, list[str]]:
    """Every keyed hash a call's metadata ever had, per key (older rows held one string)."""
    merged: dict[str, list[str]] = {}
    for source in (before, new):
        for key, hashes in source.items():
            for digest in [hashes] if isinstance(hashes, str) else hashes:
                if digest not in merged.setdefault(key, []):
                    merged[key].append(digest)
    return merged
