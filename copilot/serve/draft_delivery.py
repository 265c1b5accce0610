"""`send` on an e-mail draft: the text goes to the customer, the outcome onto the call's stream.

The feedback recorder calls `DraftDeliveries` once a `send` is stored (and acked).
The delivery runs as a task of its own (`delivery.runner`: threads, timeout, a few
tries), so neither the agent's socket nor any call waits for a mail server. Its
outcome is a `draft.delivery` event after the call's last one, stored and fanned out
like every event, so the sidebar says "sent by e-mail" or why not, a reconnecting
sidebar sees it again, and erasure and retention take it with the call.

What goes out: the agent's text of the `send` (else the draft as last saved, else as
drafted), the draft's subject. To whom: the first address among `[delivery]
recipient_keys` in the call's `call.started` metadata, the CRM's `record.email`
first; never an address only heard in the call (a misheard address would send one
customer's mail to a stranger). A webhook gets the call id as well and may find the
customer itself. Logs name the call by pseudonym and the outcome by code: no
address, no text.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import uuid
from collections.abc import Callable
from typing import Any

from copilot.delivery.outgoing import OutgoingDraft
from copilot.delivery.runner import DeliveryOutcome, runner_for
from copilot.delivery.settings import DeliveryConfig, is_address
from copilot.events.core import Event
from copilot.events.feedback import DraftDelivery, Feedback
from copilot.events.log_names import call_ref
from copilot.serve.database import DatabaseError
from copilot.serve.store import EventStore

log = logging.getLogger(__name__)

MAX_PENDING = 100  # deliveries under way at once; a send beyond it is answered `busy`
LIVE_POLL_S = 1.0  # how often a delivery's outcome looks whether its call has ended
# A call id that streams in again while its earlier draft goes out: the outcome waits for the
# call's end (its seqs belong to the call's pipeline until then), this long at most.
LIVE_WAIT_S = 3600.0
STOP_GRACE_S = 5.0  # at shutdown, how long deliveries under way may still finish


class DraftDeliveries:
    """Delivers each sent e-mail draft off the event loop; publishes its `draft.delivery`."""

    def __init__(
        self, config: DeliveryConfig, store: EventStore, publish: Callable[[Event], None]
    ) -> None:
        self.runner = runner_for(config)
        self.recipient_keys = config.recipient_keys
        self.store = store
        self.publish = publish  # LiveEvents: store, then fan out
        self._tasks: dict[asyncio.Task[None], str] = {}  # each under way, with its call id
        self._under_way: set[tuple[str, str]] = set()  # (call id, draft id)

    def __call__(self, feedback: Feedback, event: dict[str, Any], feedback_id: int) -> None:
        """The recorder's hook on a stored `send`: an e-mail draft starts on its way."""
        if feedback.action != "send" or event.get("type") != "draft":
            return
        if event.get("channel", "email") != "email":
            return  # a chat draft goes to the chat's customer by the chat's own way
        key = (feedback.call_id, feedback.target_id)
        if key in self._under_way:
            return  # pressed twice: the first is on its way, and says how it went
        busy = len(self._tasks) >= MAX_PENDING
        self._under_way.add(key)
        task = asyncio.get_running_loop().create_task(
            self._deliver(feedback, event, feedback_id, busy)
        )
        self._tasks[task] = feedback.call_id
        task.add_done_callback(lambda done: self._done(done, key))

    def _done(self, task: asyncio.Task[None], key: tuple[str, str]) -> None:
        self._tasks.pop(task, None)
        self._under_way.discard(key)

    async def _deliver(
        self, feedback: Feedback, event: dict[str, Any], feedback_id: int, busy: bool
    ) -> None:
        call = call_ref(feedback.call_id)
        try:
            if busy:
                outcome, via = DeliveryOutcome(False, "busy"), ""
            else:
                outcome, via = await self._outcome(feedback, event)
            if outcome.delivered:
                log.info("call %s: draft delivered via %s (%d tries)", call, via, outcome.attempts)
            else:
                # Without [delivery] every send ends so: as designed, not worth a warning.
                quiet = outcome.reason == "not_configured"
                level = logging.INFO if quiet else logging.WARNING
                log.log(level, "call %s: draft not delivered: %s", call, outcome.reason)
            delivery = DraftDelivery(
                feedback.call_id,
                0,
                0.0,
                draft_id=feedback.target_id,
                channel="email",
                via=via,
                delivered=outcome.delivered,
                reason=outcome.reason,
                attempts=outcome.attempts,
                feedback_id=feedback_id,
            )
            await self._append(delivery)
        except DatabaseError as exc:
            log.error("call %s: draft delivery's outcome not stored (%s)", call, exc)
        except Exception as exc:  # never into the loop's handler, and no text in the log
            log.error("call %s: draft delivery failed: %s", call, type(exc).__name__)

    async def _outcome(
        self, feedback: Feedback, event: dict[str, Any]
    ) -> tuple[DeliveryOutcome, str]:
        if self._delivered_before(feedback.call_id, feedback.target_id):
            return DeliveryOutcome(False, "already_delivered"), ""
        if self.runner is None:
            return DeliveryOutcome(False, "not_configured"), ""
        draft = self._outgoing(feedback, event)
        if not draft.recipient and self.runner.via == "smtp":
            return DeliveryOutcome(False, "no_recipient"), ""
        return await self.runner.deliver(draft), self.runner.via

    def _outgoing(self, feedback: Feedback, event: dict[str, Any]) -> OutgoingDraft:
        """The draft as it goes out: the agent's text, the draft's subject, the customer."""
        saved = self.store.draft(feedback.call_id, feedback.target_id)
        text = feedback.text or (saved[0] if saved else "") or str(event.get("body", ""))
        return OutgoingDraft(
            delivery_id=uuid.uuid4().hex,
            call_id=feedback.call_id,
            suggestion_id=feedback.target_id,
            recipient=self._recipient(feedback.call_id),
            subject=str(event.get("subject", "")),
            text=text,
            language=str(event.get("language", "")),
            intent=str(event.get("intent", "")),
            agent_id=feedback.agent_id,
        )

    def _recipient(self, call_id: str) -> str:
        """The first address among `recipient_keys` in the call's (latest) metadata, or ""."""
        started = self.store.events_of_types(call_id, ("call.started",))
        metadata = json.loads(started[-1]).get("metadata") if started else None
        for key in self.recipient_keys:
            value: Any = metadata
            for part in key.split("."):
                value = value.get(part) if isinstance(value, dict) else None
            # A redacted copy holds `[email]`: no address, so not used.
            if is_address(value):
                return str(value)
        return ""

    def _delivered_before(self, call_id: str, draft_id: str) -> bool:
        for text in self.store.events_of_types(call_id, (DraftDelivery.type,)):
            data = json.loads(text)
            if data.get("draft_id") == draft_id and data.get("delivered") is True:
                return True
        return False

    async def _append(self, delivery: DraftDelivery) -> None:
        """Publish the outcome right after the call's last stored event, once the call ended."""
        waited = 0.0
        while True:
            call = self.store.call(delivery.call_id)
            if call is None:
                return  # erased (or purged) meanwhile: nothing of it may come back
            if not call.live:
                break
            if waited >= LIVE_WAIT_S:
                log.warning("call %s: draft delivery's outcome dropped", call_ref(call.call_id))
                return
            await asyncio.sleep(LIVE_POLL_S)
            waited += LIVE_POLL_S
        # No await from here to the publish: nothing else can take this seq in between.
        last_seq = self.store.last_seq(delivery.call_id)
        last = self.store.event_at(delivery.call_id, last_seq)
        t = float(json.loads(last).get("t", 0.0)) if last else 0.0
        self.publish(dataclasses.replace(delivery, seq=last_seq + 1, t=t))

    def forget(self, call_ids: set[str]) -> int:
        """Erased calls: their deliveries still waiting stop (no outcome is stored)."""
        stopped = [task for task, call_id in self._tasks.items() if call_id in call_ids]
        for task in stopped:
            task.cancel()
        return len(stopped)

    def calls(self) -> set[str]:
        """Calls with a delivery under way."""
        return set(self._tasks.values())

    async def stop(self) -> None:
        """Shutdown: deliveries under way get a few seconds, then are stopped."""
        if self._tasks:
            await asyncio.wait(list(self._tasks), timeout=STOP_GRACE_S)
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self.runner is not None:
            self.runner.close()
