"""What was decided stays decided: each card's and alert's latest answer, in every view of a call.

An agent's feedback (accept, edit, dismiss, send) and a supervisor's acknowledgement of a
take-over are stored as feedback rows by `FeedbackRecorder`. Here those rows become the
call's *decisions*, the latest answer per card or alert, and reach every page that draws
the call, as `decisions` messages:

- with each `subscribe` (a reload, a reconnect, another tab, another worker): the call's
  decisions so far; the page marks a card handled when it draws it;
- live: a decision just given goes to the other clients subscribed to its call;
- to the other workers through the relay, as an entry naming its call (an erasure rewrites
  it away with the call's events); a worker with its own SQLite file stores it too.

Not an event with a seq: while a call is live its pipeline numbers its events, possibly on
another worker, and a decision given here could not take a seq without racing it.

Scope: the agent's decisions belong to the call (the agent's other tabs and the supervisors
watching it see them). A supervisor's take-over acknowledgement stays that supervisor's: it
neither handles the agent's alert nor clears another supervisor's banner, as before it was
kept.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from copilot.events.feedback import Feedback
from copilot.events.log_names import call_ref
from copilot.serve.auth import Principal
from copilot.serve.hub import EventHub, HubClient
from copilot.serve.redaction import Redactor
from copilot.serve.store import EventStore, event_json

log = logging.getLogger(__name__)

TAKE_OVER = "take_over"  # the feedback target of a supervisor's acknowledgement


def decider(principal: Principal) -> str:
    """Whom a stored decision names: the agent's id, or `supervisor:` and the token's name."""
    if principal.role == "agent":
        return principal.agent_id
    return f"supervisor:{principal.name or principal.agent_id}"


def latest(given: list[Feedback]) -> list[Feedback]:
    """The latest answer per card or alert, in the order given; a draft keeps its last text."""
    found: dict[tuple[str, str], Feedback] = {}
    for feedback in given:
        key = (feedback.target, feedback.target_id)
        before = found.pop(key, None)
        if before is not None and feedback.target == "draft" and not feedback.text:
            feedback = dataclasses.replace(feedback, text=before.text)  # as the store's drafts
        found[key] = feedback
    return list(found.values())


class CallDecisions:
    """Serves, fans out and relays the decisions on calls' cards and alerts."""

    def __init__(self, store: EventStore, hub: EventHub, redactor: Redactor | None = None) -> None:
        self.store = store
        self.hub = hub
        self.redactor = redactor or Redactor(enabled=False)
        self.relay: Any = None  # RedisRelay when several workers share calls

    def of_call(self, call_id: str, principal: Principal) -> list[dict[str, Any]]:
        """The call's decisions as `principal` is shown them (a `subscribe`'s snapshot)."""
        shown = [f for f in self.store.feedback_for(call_id) if _shown_to(f, principal)]
        return [self._wire(f) for f in latest(shown)]

    def acknowledged(self, principal: Principal, call_ids: list[str]) -> list[dict[str, Any]]:
        """A supervisor's own take-over acknowledgements on these calls (their call list's)."""
        if principal.role != "supervisor":
            return []
        acks = self.store.feedback_by(decider(principal), TAKE_OVER, call_ids)
        return [self._wire(f) for f in latest(acks)]

    def given(self, feedback: Feedback, by: HubClient | None = None) -> None:
        """A decision just stored on this worker: to the call's other clients and workers."""
        self._fan_out(feedback, by)
        if self.relay is not None:
            relayed = dataclasses.replace(feedback, text=self.redactor.text(feedback.text))
            self.relay.publish_decision(feedback.call_id, event_json(dataclasses.asdict(relayed)))

    def apply_remote(self, data: dict[str, Any], origin: str) -> None:
        """Another worker's decision: stored once (a worker's own file), then fanned out here."""
        feedback = _feedback_from(data)
        if feedback is None:
            log.warning("relay: a malformed decision from %s was skipped", origin or "?")
            return
        if self.store.call(feedback.call_id) is None:
            return  # erased meanwhile (or its events never came): nothing of it comes back
        if not self.store.shared and feedback not in self.store.feedback_for(feedback.call_id):
            self.store.add_feedback(feedback)
        log.debug("call %s: decision from %s", call_ref(feedback.call_id), origin)
        self._fan_out(feedback)

    def _fan_out(self, feedback: Feedback, by: HubClient | None = None) -> None:
        if feedback.target == "draft" and not feedback.text:  # e.g. `send`: as last saved
            saved = self.store.draft(feedback.call_id, feedback.target_id)
            feedback = dataclasses.replace(feedback, text=saved[0] if saved else "")
        text = event_json({"type": "decisions", "decisions": [self._wire(feedback)]})
        for client in list(self.hub.clients.values()):
            if client is by or not _shown_to(feedback, client.principal):
                continue
            # A take-over acknowledgement is about the supervisor's call list, not one call's view.
            if feedback.target == TAKE_OVER or feedback.call_id in client.subscriptions:
                self.hub.send(client, text)

    def _wire(self, feedback: Feedback) -> dict[str, Any]:
        """A decision as pages receive it: a draft's text as last saved, redacted like events."""
        wire: dict[str, Any] = {
            "call_id": feedback.call_id,
            "target": feedback.target,
            "target_id": feedback.target_id,
            "action": feedback.action,
            "at": feedback.at,
        }
        if feedback.target == "draft" and feedback.text:
            wire["text"] = self.redactor.text(feedback.text)
        return wire


def _feedback_from(data: dict[str, Any]) -> Feedback | None:
    """A relayed decision back as the stored feedback it was made from; None if malformed."""
    names = ("call_id", "target", "target_id", "action", "text", "agent_id")
    at = data.get("at")
    if not all(isinstance(data.get(name), str) for name in names):
        return None
    if not isinstance(at, int | float) or isinstance(at, bool):
        return None
    return Feedback(**{name: data[name] for name in names}, at=float(at))


def _shown_to(feedback: Feedback, principal: Principal) -> bool:
    """A take-over acknowledgement only to the supervisor who gave it; the rest to the call's
    viewers (whether a client may see the call was checked when it subscribed)."""
    if feedback.target == TAKE_OVER:
        return principal.role == "supervisor" and feedback.agent_id == decider(principal)
    return True
