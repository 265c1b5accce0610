"""Learning from the agents: feedback on suggestions, kept in SQLite and applied to the shared models.

Every accept / edit / dismiss / send is stored with the agent id and time, next to
the suggestion it was about. Applying it:
- an intent suggestion accepted teaches the intent model that the customer's words
  mean that intent; edited (the agent picked another intent) teaches the correct one;
- articles and next steps are re-ranked by how often agents accepted or dismissed them;
- a draft edited and sent becomes the template for its intent and language.
The models are rebuilt from seeds at start-up and `replay()` re-applies the stored
feedback, so what was learned survives a restart and the log is the only state.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any

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
    suggestion TEXT NOT NULL DEFAULT '{}'
)
"""


class FeedbackError(ValueError):
    """Feedback that cannot be used (unknown action, no suggestion id)."""


class Ranking:
    """Accept / dismiss counts per (kind, item), turned into score boosts."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])

    def note(self, kind: str, item: str, accepted: bool) -> None:
        self.counts[(kind, item)][0 if accepted else 1] += 1

    def boosts(self, kind: str, weight: float) -> dict[str, float]:
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
        self.db.execute(SCHEMA)
        self.db.commit()

    def record(self, feedback: Feedback, suggestion: Event | dict | None = None) -> None:
        if feedback.action not in ACTIONS:
            raise FeedbackError(f"feedback action must be one of {', '.join(ACTIONS)}")
        if not feedback.target_id:
            raise FeedbackError("feedback needs a suggestion_id")
        """Keep the feedback (with the suggestion it is about) and learn from it at once."""
        data = suggestion.to_dict() if isinstance(suggestion, Event) else dict(suggestion or {})
        self.db.execute(
            "INSERT INTO assist_feedback (suggestion_id, action, agent_id, edited_text, at, suggestion)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                feedback.target_id,
                feedback.action,
                feedback.agent_id,
                feedback.text,
                feedback.at,
                json.dumps(data, ensure_ascii=False),
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

    def apply(self, feedback: Feedback, suggestion: dict) -> None:
        if not suggestion:
            return  # feedback on something we cannot see (e.g. an alert): kept, not learned
        event = event_from_dict(suggestion)
        kind = getattr(event, "kind", event.type)
        if kind == "intent":
            self._apply_intent(feedback, event)
        elif kind in ("article", "next_step", "answer") and feedback.action in (
            "accept",
            "dismiss",
        ):
            self.models.ranking.note(kind, event.item, feedback.action == "accept")
        elif event.type == "draft" and feedback.action in ("edit", "send") and feedback.text:
            self.models.drafts.learn_from_edit(
                event.intent, event.language, feedback.text, dict(event.facts)
            )

    def _apply_intent(self, feedback: Feedback, event: Any) -> None:
        if not event.quote:
            return
        if feedback.action == "accept":
            self.models.intents.learn(event.quote, event.intent)
        elif feedback.action == "edit" and feedback.text in self.models.intents.intents:
            self.models.intents.learn(event.quote, feedback.text)

    def summary(self) -> dict[str, int]:
        rows = self.db.execute("SELECT action, COUNT(*) FROM assist_feedback GROUP BY action")
        return {action: n for action, n in rows}


def _stored(
    event: dict, suggestion_id: str, action: str, agent_id: str, text: str, at: float
) -> Feedback:
    """A row of the learner's own table as feedback again, about the card stored with it."""
    target = "draft" if event.get("type") == "draft" else "suggestion"
    return Feedback(event.get("call_id", ""), target, suggestion_id, action, text, agent_id, at)


def forget_calls(db: str | Path, call_ids: set[str]) -> int:
    """Delete the stored feedback (and so the learned examples) that came from these calls.

    The examples leave the running models at the next start, when the learner replays
    what is stored.
    """
    if not call_ids or not Path(db).is_file():
        return 0
    with sqlite3.connect(str(db)) as conn:
        conn.execute("PRAGMA secure_delete=ON")  # overwrite the deleted quotes on disk
        conn.execute(SCHEMA)
        doomed = [
            row_id
            for row_id, suggestion in conn.execute("SELECT id, suggestion FROM assist_feedback")
            if json.loads(suggestion or "{}").get("call_id") in call_ids
        ]
        conn.executemany("DELETE FROM assist_feedback WHERE id = ?", [(i,) for i in doomed])
    return len(doomed)
