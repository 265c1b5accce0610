"""The live server's event sink: redact, store, then fan out.

Order matters and is the whole point of this module: an event reaches the store
before any sidebar, so whatever a client has seen can be served again after a
restart, and a reconnecting client can always be given exactly what it missed.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from copilot.events.codec import event_from_dict
from copilot.events.core import Event
from copilot.events.log_names import call_ref
from copilot.serve.board import CallBoard
from copilot.serve.database import DatabaseError
from copilot.serve.hub import EventHub
from copilot.serve.metrics import Metrics
from copilot.serve.redaction import Redactor
from copilot.serve.store import EventStore, event_json

log = logging.getLogger(__name__)
MAX_HELD = 20_000  # events kept while the store is away (about 15 minutes of 16 calls)


@dataclass(frozen=True)
class HeldEvent:
    """An event ready to store: redacted once, so holding it costs no second redaction."""

    event: Event
    data: dict[str, Any]  # the redacted event, as stored
    text: str  # `data` as JSON
    lookup: dict[str, str]  # keyed hashes of its metadata values (`call.started` only)


class LiveEvents:
    """The live server's event sink: redact, store, then fan out to sidebars and other workers."""

    def __init__(
        self,
        store: EventStore,
        hub: EventHub,
        board: CallBoard | None = None,
        redactor: Redactor | None = None,
        metrics: Metrics | None = None,
        also: Callable[[Event], None] | None = None,
    ) -> None:
        self.store = store
        self.hub = hub
        self.board = board or CallBoard()
        self.redactor = redactor or Redactor(enabled=False)
        self.metrics = metrics or Metrics()
        self.also = also  # e.g. the demo's terminal printer, or a JSON-lines log
        self.relay: Any = None  # RedisRelay when several workers share calls
        # Shared store: the last seq of each other worker's call fanned out here, so a seq
        # that skips some (a worker killed after storing events it never relayed) is
        # filled in from the store first.
        self._fanned: dict[str, int] = {}
        self._held: deque[HeldEvent] = deque()  # events waiting for the store to come back

    def __call__(self, event: Event) -> None:
        """The sink: redact, store, fan out; events wait in order while the store is away."""
        data = self.redactor.event(event.to_dict())
        held = HeldEvent(event, data, event_json(data), self._lookup(event))
        if self._held:
            self._hold(held)  # behind what waits already: each call's events stay in order
            self.flush()
            return
        if not self._store(held):
            self._hold(held)

    def flush(self) -> None:
        """Store and send the events held while the store was away, oldest first."""
        while self._held:
            if not self._store(self._held[0]):
                return
            self._held.popleft()

    def _hold(self, held: HeldEvent) -> None:
        # The store is away (a restart, a failover, a SQLite file locked too long): keep the
        # event, in order, and store it once the store is back. Beyond MAX_HELD the oldest
        # are given up and counted, so memory stays bounded in a long outage.
        if len(self._held) >= MAX_HELD:
            lost = self._held.popleft()
            self.metrics.store_errors += 1
            log.error(
                "event %s/%s not stored: too many held",
                call_ref(lost.event.call_id),
                lost.event.seq,
            )
        self._held.append(held)

    def _store(self, held: HeldEvent) -> bool:
        """True once the event is stored (or found stored already); False: hold it."""
        event, data, text = held.event, held.data, held.text
        began = time.perf_counter()
        try:
            stored = self.store.append(data, text, lookup=held.lookup)
        except DatabaseError as exc:
            if not self._held:
                log.error("store unavailable (%s); holding events until it is back", exc)
            return False
        if not stored:
            log.warning(
                "event %s/%s stored twice; not sent again", call_ref(event.call_id), event.seq
            )
            return True
        self.metrics.store_latency.observe(time.perf_counter() - began)
        self.metrics.observe_event(data)
        self._fan_out(data, text)
        if self.relay is not None:
            self.relay.publish(event.call_id, event.seq, text)
        if self.also is not None:
            # What leaves the server for a log or a terminal is redacted like what is stored.
            self.also(event_from_dict(data) if self.redactor.enabled else event)
        return True

    def _lookup(self, event: Event) -> dict[str, str]:
        """Keyed hashes of the call's metadata values as given: `copilot erase --metadata`
        finds the call by them when redaction stored the values masked, and by every value
        a call id that streams in again ever carried."""
        metadata = getattr(event, "metadata", None)
        if event.type != "call.started" or not metadata:
            return {}
        return {key: self.store.lookup_hash(key, value) for key, value in metadata.items()}

    def _fan_out(self, data: dict, text: str) -> None:
        if self.store.shared:
            self._fan_out_in_order(data, text)
        else:
            self._publish(data, text)

    def _publish(self, data: dict, text: str) -> None:
        self.hub.publish(data["call_id"], data["seq"], text)
        summary = self.board.feed(data)
        if summary is not None:
            self.hub.publish_board(summary)

    def _fan_out_in_order(self, data: dict, text: str) -> None:
        """Each call's events leave in seq order, a skipped seq first filled from the store."""
        call_id, seq = data["call_id"], data["seq"]
        last = self._fanned.get(call_id, seq - 1)
        if seq <= last:
            return
        if seq > last + 1:
            for missed_seq, missed_text in self.store.events_after(call_id, last, seq - last - 1):
                if missed_seq < seq:  # a seq never stored leaves the limit to the current one
                    self._publish(json.loads(missed_text), missed_text)
        self._publish(data, text)
        if data.get("type") == "call.ended":
            self._fanned.pop(call_id, None)
        else:
            self._fanned[call_id] = seq

    def apply_remote(self, data: dict, text: str, origin: str) -> None:
        """An event of a call another worker runs (already redacted there): store, fan out.

        On a shared store that worker stored it already (before relaying it): fan out only.
        """
        if not isinstance(data.get("call_id"), str) or not isinstance(data.get("seq"), int):
            log.warning("relay: an event without call_id/seq was skipped")
            return
        if self.store.shared or self.store.append(data, text, origin=origin or "relay"):
            self._fan_out(data, text)

    def fanned_calls(self) -> set[str]:
        """Calls whose seq order this worker tracks for fan-out (a shared store only)."""
        return set(self._fanned)

    def forget(self, call_id: str) -> None:
        """An erased call leaves this worker's memory: its board summary and fan-out place."""
        self.board.forget(call_id)
        self._fanned.pop(call_id, None)

    def sink_for(self, call_id: str) -> Callable[[Event], None]:
        """The sink for a call that starts now: numbering continues after any stored history.

        A call id that comes back after a restart (a telephony platform reconnecting) would
        otherwise restart at seq 1 and collide with what sidebars have already seen.
        """
        try:
            offset = self.store.last_seq(call_id)
        except DatabaseError as exc:
            # The store is away: take the call as new rather than refuse it (a call id coming
            # back during an outage could repeat seqs; the store keeps the first of each).
            log.error(
                "call %s: stored history unknown (%s); numbering from 1", call_ref(call_id), exc
            )
            offset = 0
        if offset == 0:
            return self
        log.info("call %s resumes after stored seq %d", call_ref(call_id), offset)
        return lambda event: self(dataclasses.replace(event, seq=event.seq + offset))

    def load_history(self, calls: int = 50) -> None:
        """Fill the board from the store after a restart, so supervisors see recent calls."""
        for stored in reversed(self.store.recent_calls(calls)):
            for _seq, text in self.store.events_after(stored.call_id):
                self.board.feed(json.loads(text))
            if stored.ended_at is not None:
                self.board.mark_ended(stored.call_id, stored.end_reason)
