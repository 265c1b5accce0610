"""Learning from the agents' answers to alerts: kept in SQLite, applied to the cue weights.

An agent's `dismiss` ("Niet relevant") or `accept` (acknowledged) on an alert is kept as
one row per phrase cue behind the alert: the call, the alert's seq, the team or queue and
language the alert was weighed for, the cue's code and the time. No words: the code names
the shipped pattern, not what the caller said. `CueWeights` turns the rows into weights,
which every later call of that team asks for. The rows are the only state: they are read
back at start-up (`replay`), and again whenever another process changed the file (a
`copilot alert-cues --reset`, an erasure, another worker on the same file).
`forget(call_ids)` deletes those calls' rows and counts the rest again.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from copilot.affect.cue_weights import CueKey, CueWeights, LearnedCue
from copilot.events.affect import Alert
from copilot.events.codec import event_from_dict
from copilot.events.core import Event
from copilot.events.feedback import Feedback

SCHEMA = """
CREATE TABLE IF NOT EXISTS alert_feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    call_id TEXT NOT NULL,
    alert_seq INTEGER NOT NULL,
    action TEXT NOT NULL,
    team TEXT NOT NULL,
    language TEXT NOT NULL,
    cue_code TEXT NOT NULL,
    at REAL NOT NULL
)
"""
# The answers to an alert that say something about its cues: dismissed, or acknowledged.
DISMISSED = {"dismiss": True, "accept": False}


def learnable_codes(alert: Alert) -> list[str]:
    """The codes of the phrase cues behind an alert, once each (emotion and voice cues are
    about this caller, not about the business's words, and are not learned)."""
    codes = [c.code for c in alert.cues if c.kind == "phrase" and c.code]
    return list(dict.fromkeys(codes))


class AlertLearner:
    """Stores answers to alerts and keeps `weights` (a `CueWeights`) in step with them."""

    def __init__(
        self,
        weights: CueWeights,
        db: str | Path | sqlite3.Connection | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.weights = weights
        self.clock = clock
        if isinstance(db, sqlite3.Connection):
            self.db = db
        else:
            self.db = sqlite3.connect(str(db) if db else ":memory:", check_same_thread=False)
        self.db.execute(SCHEMA)
        self.db.commit()
        self._version = -1
        self.replay()

    def record(self, feedback: Feedback, alert: Event | dict[str, Any]) -> int:
        """Keep an answer to an alert (one row per learnable cue) and learn from it at once.

        Other feedback, and alerts without phrase codes (stored before protocol 1.3), are
        ignored. Returns the rows added.
        """
        dismissed = DISMISSED.get(feedback.action)
        event = alert if isinstance(alert, Event) else event_from_dict(dict(alert))
        if feedback.target != "alert" or dismissed is None or not isinstance(event, Alert):
            return 0
        call_id = feedback.call_id or event.call_id
        rows = [
            (call_id, event.seq, feedback.action, event.team, event.language, code, feedback.at)
            for code in learnable_codes(event)
        ]
        self.db.executemany(
            "INSERT INTO alert_feedback (call_id, alert_seq, action, team, language, cue_code, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        self.db.commit()
        for call, _, _, team, language, code, at in rows:
            self.weights.note(call, CueKey(team, language, code), dismissed, at)
        return len(rows)

    def multipliers(self, team: str, language: str) -> dict[str, float]:
        """The affect stage's question: code -> multiplier of the cues weakened for this team."""
        if self._changed_elsewhere():
            self.replay()
        return self.weights.multipliers(team, language, self.clock())

    def replay(self) -> int:
        """Count every stored answer again from scratch; returns how many rows there are."""
        self._version = self._data_version()
        rows = self.db.execute(
            "SELECT call_id, action, team, language, cue_code, at FROM alert_feedback ORDER BY id"
        ).fetchall()
        self.weights.clear()
        for call_id, action, team, language, code, at in rows:
            if action in DISMISSED:
                key = CueKey(team, language, code)
                self.weights.note(call_id, key, DISMISSED[action], at)
        return len(rows)

    def forget(self, call_ids: set[str]) -> int:
        """Delete these calls' answers and take back what was learned from them."""
        removed = delete_rows(self.db, "call_id", sorted(call_ids)) if call_ids else 0
        if removed or call_ids & self.weights.calls():
            self.replay()
        return removed

    def reset(self, team: str | None = None) -> int:
        """Forget every answer (or one team's): its cues count fully again. Rows deleted."""
        removed = delete_rows(self.db, "team", [team]) if team is not None else delete_rows(self.db)
        self.replay()
        return removed

    def known_calls(self) -> set[str]:
        """Every call this learner holds an answer of: what an erasure is checked against."""
        stored = {row[0] for row in self.db.execute("SELECT DISTINCT call_id FROM alert_feedback")}
        return stored | self.weights.calls()

    def learned(self) -> list[LearnedCue]:
        """Every cue with an answer, its multiplier now, and its counts."""
        if self._changed_elsewhere():
            self.replay()
        return self.weights.learned(self.clock())

    def _changed_elsewhere(self) -> bool:
        # SQLite's data_version moves when another connection commits to the file.
        return self._data_version() != self._version

    def _data_version(self) -> int:
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])


def delete_rows(conn: sqlite3.Connection, column: str = "", values: list[str] | None = None) -> int:
    """Delete the rows whose `column` is one of `values` (every row without a column), zeroed
    on disk and out of the write-ahead log; returns how many."""
    conn.execute("PRAGMA secure_delete=ON")
    values = values or []
    where = f" WHERE {column} IN ({', '.join('?' * len(values))})" if column else ""
    removed = conn.execute(f"DELETE FROM alert_feedback{where}", values).rowcount
    conn.commit()
    if removed and conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return removed


def forget_alert_calls(db: str | Path, call_ids: set[str]) -> int:
    """Delete these calls' answers to alerts from a file no process is learning from right
    now (`copilot erase`); a running server counts again when it sees the file change."""
    return _on_file(db, lambda conn: delete_rows(conn, "call_id", sorted(call_ids)))


def count_alert_calls(db: str | Path, call_ids: set[str]) -> int:
    """How many stored answers to alerts came from these calls (what `forget_alert_calls`
    would delete)."""
    ids = sorted(call_ids)
    query = f"SELECT COUNT(*) FROM alert_feedback WHERE call_id IN ({', '.join('?' * len(ids))})"
    return _on_file(db, lambda conn: int(conn.execute(query, ids).fetchone()[0]))


def _on_file(db: str | Path, run: Callable[[sqlite3.Connection], int]) -> int:
    if not Path(db).is_file():
        return 0
    conn = sqlite3.connect(str(db))
    try:
        conn.execute(SCHEMA)
        return run(conn)
    finally:
        conn.close()
