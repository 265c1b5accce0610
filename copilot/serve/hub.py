"""Fan-out of stored events to connected sidebars, one bounded queue per client.

Sans-I/O: the hub only moves JSON strings between queues; the server's asyncio
shell drains each client's queue onto its socket. Ordering rules that make
resume exactly-once:

- a subscription remembers the last seq it queued, and never queues a seq twice;
- `subscribe` queues the stored backlog after `after_seq` in the same synchronous
  step that registers the subscription, so no live event can slip in between.

A client whose queue is full is not waited for (that would slow the pipeline
and every other client): its queue is emptied, its subscriptions dropped, and
it gets one `resume` message telling it to subscribe again from the last seq
it actually received.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import count

from copilot.serve.auth import Principal


@dataclass
class HubClient:
    id: int
    principal: Principal
    wake: Callable[[], None]
    queue: deque[str] = field(default_factory=deque)
    subscriptions: dict[str, int] = field(default_factory=dict)  # call_id -> last queued seq
    watching_board: bool = True
    lagged: bool = False


class EventHub:
    def __init__(self, max_queue: int = 2000) -> None:
        self.max_queue = max_queue
        self.clients: dict[int, HubClient] = {}
        self.dropped_clients = 0
        self._ids = count(1)

    def connect(self, principal: Principal, wake: Callable[[], None]) -> HubClient:
        client = HubClient(next(self._ids), principal, wake)
        self.clients[client.id] = client
        return client

    def disconnect(self, client: HubClient) -> None:
        self.clients.pop(client.id, None)

    # -- per-client messages ---------------------------------------------------

    def send(self, client: HubClient, text: str) -> None:
        """A reply to this client alone, queued behind what it has not received yet."""
        client.queue.append(text)
        client.wake()

    def subscribe(
        self, client: HubClient, call_id: str, after_seq: int, backlog: list[tuple[int, str]]
    ) -> None:
        """Queue `backlog` (stored (seq, json) after `after_seq`, in seq order), then follow live."""
        last = after_seq
        for seq, text in backlog:
            client.queue.append(text)
            last = seq
        client.subscriptions[call_id] = last
        client.lagged = False
        client.wake()

    def unsubscribe(self, client: HubClient, call_id: str) -> None:
        client.subscriptions.pop(call_id, None)

    # -- fan-out ---------------------------------------------------------------

    def publish(self, call_id: str, seq: int, text: str) -> None:
        for client in list(self.clients.values()):
            last = client.subscriptions.get(call_id)
            if last is None or seq <= last:
                continue
            if len(client.queue) >= self.max_queue:
                self._lag(client)
                continue
            client.queue.append(text)
            client.subscriptions[call_id] = seq
            client.wake()

    def publish_board(self, summary: dict) -> None:
        """A call's summary to every client allowed to see that call (supervisor list, agent list)."""
        text = json.dumps({"type": "call.summary", "call": summary}, separators=(",", ":"))
        for client in list(self.clients.values()):
            if not client.watching_board or not client.principal.can_see(summary["agent_id"]):
                continue
            if len(client.queue) >= self.max_queue:
                self._lag(client)
                continue
            client.queue.append(text)
            client.wake()

    def _lag(self, client: HubClient) -> None:
        if client.lagged:
            return
        calls = sorted(client.subscriptions)
        client.queue.clear()
        client.subscriptions.clear()
        client.lagged = True
        self.dropped_clients += 1
        message = {
            "type": "resume",
            "reason": "slow_client",
            "calls": calls,
            "message": "you fell behind; subscribe again with the last seq you received",
        }
        client.queue.append(json.dumps(message))
        client.wake()

    # -- numbers for /metrics ----------------------------------------------------

    def queue_depths(self) -> list[int]:
        return [len(c.queue) for c in self.clients.values()]
