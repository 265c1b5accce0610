"""Agent feedback on suggestions, drafts and alerts: checked, stored, then learned from.

The store keeps every accept / edit / dismiss / send (and the latest text of
each draft); a learner, when the assist stage provides one, gets the feedback
with the event it is about, so the next suggestion can be better; a stored
`send` on a draft then goes to `on_send` (draft_delivery.py: out to the customer).
A supervisor's acknowledgement of a take-over alert is stored the same way, never learned
from; decisions.py brings what was decided back to every view of the call.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from copilot.events.feedback import ACTIONS, TARGETS, Feedback
from copilot.events.log_names import call_ref
from copilot.serve.store import EventStore

log = logging.getLogger(__name__)

MAX_TEXT = 10_000

Learner = Callable[[Feedback, dict[str, Any]], None]
# Called with a stored `send` on a draft, the draft's event and the feedback's stored id.
OnSend = Callable[[Feedback, dict[str, Any], int], None]


class FeedbackRejected(ValueError):
    """Feedback that names no known target or makes no sense; the message says why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class FeedbackRecorder:
    """Checks agent feedback against the call's stored events, stores it, then feeds the learner."""

    def __init__(
        self, store: EventStore, learner: Learner | None = None, on_send: OnSend | None = None
    ) -> None:
        self.store = store
        self.learner = learner
        self.on_send = on_send

    def record(self, feedback: Feedback) -> int:
        """Check and store feedback, then hand it to the learner; return its stored id.

        FeedbackRejected says why feedback was refused: a bad target or action, an unknown event.
        """
        if feedback.target not in TARGETS:
            raise FeedbackRejected("bad_target", f"target must be one of {', '.join(TARGETS)}")
        if feedback.action not in ACTIONS:
            raise FeedbackRejected("bad_action", f"action must be one of {', '.join(ACTIONS)}")
        if len(feedback.text) > MAX_TEXT:
            raise FeedbackRejected("too_long", f"feedback text is limited to {MAX_TEXT} characters")
        if feedback.action == "send" and feedback.target != "draft":
            raise FeedbackRejected("bad_action", "only a draft can be sent")
        if feedback.target == "take_over" and feedback.action != "accept":
            raise FeedbackRejected("bad_action", "a take-over is acknowledged with accept")
        event = self._target_event(feedback)
        if event is None:
            raise FeedbackRejected(
                "unknown_target",
                f"call {feedback.call_id} has no {feedback.target} {feedback.target_id!r}",
            )
        feedback_id = self.store.add_feedback(feedback)
        # A supervisor's acknowledgement says nothing about what copilot suggested.
        if self.learner is not None and feedback.target != "take_over":
            try:
                self.learner(feedback, event)
            except Exception:  # learning is best effort; the feedback itself is stored
                log.exception(
                    "feedback learner failed on %s %s of call %s",
                    feedback.action,
                    feedback.target,
                    call_ref(feedback.call_id),
                )
        if feedback.action == "send" and self.on_send is not None:
            try:
                self.on_send(feedback, event, feedback_id)
            except Exception:  # the send is stored and acked whatever its delivery does
                log.exception(
                    "draft delivery failed to start for call %s", call_ref(feedback.call_id)
                )
        return feedback_id

    def _target_event(self, feedback: Feedback) -> dict[str, Any] | None:
        if feedback.target in ("alert", "take_over"):
            if not feedback.target_id.isdigit():
                return None
            found = self.store.event_at(feedback.call_id, int(feedback.target_id))
            data = json.loads(found) if found else None
            if not data or data.get("type") != "alert":
                return None
            take_over = data.get("level") == "take_over"
            return data if take_over or feedback.target == "alert" else None
        found = self.store.event_with_suggestion(feedback.call_id, feedback.target_id)
        return json.loads(found) if found else None


def assist_learner(learner: Any) -> Learner:
    """The assist stage's `FeedbackLearner` as this recorder's learner (alerts are not its business)."""

    def learn(feedback: Feedback, event: dict[str, Any]) -> None:
        if feedback.target != "alert":
            learner.record(feedback, event)

    return learn


def alert_learner(learner: Any) -> Learner:
    """The affect stage's `AlertLearner` as a learner: answers to alerts, nothing else."""

    def learn(feedback: Feedback, event: dict[str, Any]) -> None:
        if feedback.target == "alert":
            learner.record(feedback, event)

    return learn


def each_of(learners: list[Learner]) -> Learner | None:
    """One learner that hands feedback to each of `learners`; one that fails stops no other."""
    if len(learners) <= 1:
        return learners[0] if learners else None

    def learn(feedback: Feedback, event: dict[str, Any]) -> None:
        failed: Exception | None = None
        for each in learners:
            try:
                each(feedback, event)
            except Exception as exc:  # raised again below, once the others have learned
                failed = failed or exc
        if failed is not None:
            raise failed

    return learn
