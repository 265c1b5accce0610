"""Learning from the agents: feedback on suggestions, kept in SQLite and applied to the shared models.

Every accept / edit / dismiss / send is stored with the agent id, the call and the
time, next to the suggestion it was about. Applying it:
- an intent suggestion accepted teaches the intent model that the customer's words
  mean that intent; edited (the agent picked another intent) teaches the correct one;
- articles and next steps are re-ranked by how often agents accepted or dismissed them;
- a draft edited and sent becomes the template for its intent and language.
Personal data never crosses contacts: the stored rows are the contact's own (erased
with it), and what the shared models learn from them is abstracted first
(abstraction.py): the quote without ids, numbers or words no other contact would see,
the draft with placeholders and without the sentences about this contact.
The models are rebuilt from seeds at start-up and `replay()` re-applies the stored
feedback, so what was learned survives a restart and the log is the only state.
`forget(call_ids)` deletes those calls' rows and does the same in the running process.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from copilot.assist.abstraction import abstract_quote
from copilot.events.assist import Draft, Suggestion
from copilot.events.codec import event_from_dict
from copilot.events.core import Event
from copilot.events.feedback import ACTIONS, Feedback

# Score added per unit of log(1 + accepts) - log(1 + dismisses): an article accepted twice
# and never dismissed gains ~0.05 of fused score, enough to win a near tie, not to bury a
# clearly better match.
ARTICLE_BOOST = 0.05
STEP_BOOST = 1.0  # in playbook positions

SCHEMA = """
CREATE TABLE IF NOT EXISTS assist_feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    suggestion_id TEXT NOT NULL,
    action TEXT NOT NULL,
    agent_id TEXT NOT NULL DEFAULT '',
    edited_text TEXT NOT NULL DEFAULT '',
    at REAL NOT NULL,
    suggestion TEXT NOT NULL DEFAULT '{}',
    call_id TEXT NOT NULL DEFAULT ''
)
"""


class FeedbackError(ValueError):
    """Feedback that cannot be used (unknown action, no suggestion id)."""


class Ranking:
    """Accept / dismiss counts per (kind, item), turned into score boosts."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])

    def note(self, kind: str, item: str, accepted: bool) -> None:
        """Count one accept or dismiss of `item` (an article id, or `intent.step` of a step)."""
        self.counts[(kind, item)][0 if accepted else 1] += 1

    def boosts(self, kind: str, weight: float) -> dict[str, float]:
        """Score boost per item of `kind`: `weight` x (log1p(accepts) - log1p(dismisses))."""
        return {
            item: weight * (math.log1p(acc) - math.log1p(dis))
            for (k, item), (acc, dis) in self.counts.items()
            if k == kind
        }


class FeedbackLearner:
    """Stores feedback and applies it to `models` (an `AssistModels`)."""

    def __init__(self, models: Any, db: str | Path | sqlite3.Connection | None = None) -> None:
        self.models = models
        if isinstance(db, sqlite3.Connection):
            self.db = db
        else:
            self.db = sqlite3.connect(str(db) if db else ":memory:", check_same_thread=False)
        open_table(self.db)

    def record(self, feedback: Feedback, suggestion: Event | dict | None = None) -> None:
        """Keep the feedback (with the suggestion it is about) and learn from it at once."""
        if feedback.action not in ACTIONS:
            raise FeedbackError(f"feedback action must be one of {', '.join(ACTIONS)}")
        if not feedback.target_id:
            raise FeedbackError("feedback needs a suggestion_id")
        data = suggestion.to_dict() if isinstance(suggestion, Event) else dict(suggestion or {})
        self.db.execute(
            "INSERT INTO assist_feedback"
            " (suggestion_id, action, agent_id, edited_text, at, suggestion, call_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                feedback.target_id,
                feedback.action,
                feedback.agent_id,
                feedback.text,
                feedback.at,
                json.dumps(data, ensure_ascii=False),
                feedback.call_id or data.get("call_id", ""),
            ),
        )
        self.db.commit()
        self.apply(feedback, data)

    def replay(self) -> int:
        """Re-apply every stored feedback (after a restart); returns how many."""
        rows = self.db.execute(
            "SELECT suggestion_id, action, agent_id, edited_text, at, suggestion"
            " FROM assist_feedback ORDER BY id"
        ).fetchall()
        for sid, action, agent, edited, at, suggestion in rows:
            event = json.loads(suggestion)
            self.apply(_stored(event, sid, action, agent, edited, at), event)
        return len(rows)

    def forget(self, call_ids: set[str]) -> int:
        """Delete these calls' feedback and take back all the running models learned from it.

        The models go back to their seeds and learn again from the feedback that is left,
        exactly as at a restart. Also when no row is left here (erased by `copilot erase`
        from another process) but the models still hold something from these calls.
        Returns the number of rows deleted.
        """
        removed = delete_calls(self.db, call_ids)
        if removed or call_ids & self.learned_from():
            self.models.reset_learned()
            self.replay()
        return removed

    def learned_from(self) -> set[str]:
        """The calls whose words the running models hold (intent examples, draft templates)."""
        return self.models.intents.learned_from() | self.models.drafts.learned_from()

    def known_calls(self) -> set[str]:
        """Every call this learner holds anything of, stored or learned: what an erasure
        that names calls by hash is tested against."""
        return calls_in(self.db) | self.learned_from()

    def apply(self, feedback: Feedback, suggestion: dict) -> None:
        """Learn from one feedback without storing it (what `record` and `replay` share)."""
        if not suggestion:
            return  # feedback on something we cannot see (e.g. an alert): kept, not learned
        event = event_from_dict(suggestion)
        kind = getattr(event, "kind", event.type)
        if kind == "intent":
            self._apply_intent(feedback, event)
        elif (
            isinstance(event, Suggestion)  # the only events with these kinds
            and kind in ("article", "next_step", "answer")
            and feedback.action in ("accept", "dismiss")
        ):
            self.models.ranking.note(kind, event.item, feedback.action == "accept")
        elif isinstance(event, Draft) and feedback.action in ("edit", "send") and feedback.text:
            self.models.drafts.learn_from_edit(
                event.intent,
                event.language,
                feedback.text,
                dict(event.facts),
                event.call_id or feedback.call_id,
            )

    def _apply_intent(self, feedback: Feedback, event: Any) -> None:
        if feedback.action == "accept":
            intent = event.intent
        elif feedback.action == "edit" and feedback.text in self.models.intents.intents:
            intent = feedback.text
        else:
            return
        # The offline learning curve's stand-in models have no vocabulary; its quotes are
        # shipped examples, so only the id and number rules are needed there.
        vocabulary = getattr(self.models, "vocabulary", None)
        # The contact's facts (on the card's context): their values never become an example.
        facts = dict((getattr(event, "context", None) or {}).get("facts") or {})
        quote = abstract_quote(event.quote, event.language, vocabulary, facts)
        if quote:
            self.models.intents.learn(quote, intent, event.call_id or feedback.call_id)

    def summary(self) -> dict[str, int]:
        """How many feedback rows are stored, per action."""
        rows = self.db.execute("SELECT action, COUNT(*) FROM assist_feedback GROUP BY action")
        return {action: n for action, n in rows}


def _stored(
    event: dict, suggestion_id: str, action: str, agent_id: str, text: str, at: float
) -> Feedback:
    """A row of the learner's own table as feedback again, about the card stored with it."""
    target = "draft" if event.get("type") == "draft" else "suggestion"
    return Feedback(event.get("call_id", ""), target, suggestion_id, action, text, agent_id, at)


def open_table(conn: sqlite3.Connection) -> None:
    """The feedback table, with the `call_id` column older files lack."""
    conn.execute(SCHEMA)
    columns = {row[1] for row in conn.execute("PRAGMA table_info(assist_feedback)")}
    if "call_id" not in columns:
        conn.execute("ALTER TABLE assist_feedback ADD COLUMN call_id TEXT NOT NULL DEFAULT ''")
    conn.commit()


def rows_of_calls(conn: sqlite3.Connection, call_ids: set[str]) -> list[int]:
    """Ids of the rows these calls left; rows from before the `call_id` column name their
    call only in the stored suggestion."""
    return [
        row_id
        for row_id, call_id, suggestion in conn.execute(
            "SELECT id, call_id, suggestion FROM assist_feedback"
        )
        if call_id in call_ids or json.loads(suggestion or "{}").get("call_id") in call_ids
    ]


def calls_in(conn: sqlite3.Connection) -> set[str]:
    """Every call the table holds feedback from."""
    found = set()
    for call_id, suggestion in conn.execute("SELECT call_id, suggestion FROM assist_feedback"):
        found |= {call_id, json.loads(suggestion or "{}").get("call_id", "")}
    return found - {""}


def delete_calls(conn: sqlite3.Connection, call_ids: set[str]) -> int:
    """Delete the rows of these calls, overwritten on disk; returns how many."""
    if not call_ids:
        return 0
    conn.execute("PRAGMA secure_delete=ON")  # zero the deleted quotes and texts in the file
    doomed = rows_of_calls(conn, call_ids)
    conn.executemany("DELETE FROM assist_feedback WHERE id = ?", [(i,) for i in doomed])
    conn.commit()
    if doomed and conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
        # The old pages also sit in the write-ahead log until a checkpoint empties it.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return len(doomed)


def forget_calls(db: str | Path, call_ids: set[str]) -> int:
    """Delete the stored feedback (and so the learned examples) that came from these calls.

    For a file no process is learning from right now (`copilot erase`); a running
    server's models let go of them at its next start, or at once with
    `FeedbackLearner.forget`.
    """
    return _on_file(db, call_ids, delete_calls)


def count_calls(db: str | Path, call_ids: set[str]) -> int:
    """How many stored feedback rows came from these calls (what `forget_calls` would delete)."""
    return _on_file(db, call_ids, lambda conn, ids: len(rows_of_calls(conn, ids)))


def _on_file(
    db: str | Path, call_ids: set[str], run: Callable[[sqlite3.Connection, set[str]], int]
) -> int:
    if not call_ids or not Path(db).is_file():
        return 0
    conn = sqlite3.connect(str(db))
    try:
        open_table(conn)
        return run(conn, call_ids)
    finally:
        conn.close()
