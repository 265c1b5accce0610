"""Fan-out of stored events to connected sidebars, one bounded queue per client.

Sans-I/O: the hub only moves JSON strings between queues; the server's asyncio
shell drains each client's queue onto its socket. Ordering rules that make
resume exactly-once:

- a subscription remembers the last seq it queued, and never queues a seq twice;
- a new subscription first replays the stored events after `after_seq`, a page at
  a time as the client reads (`continue_replays`), while live events pass it by
  (they are stored before they are published, so the replay reaches them); the
  read that comes back short turns it live in the same synchronous step, so no
  live event can slip in between.

Everything a client is sent counts against its bound, `max_queue` messages:
replies, call summaries, live events and replays alike. A replay fills at most
half of it, leaving the rest for live events and replies. A client whose queue
is full is not waited for (that would slow the pipeline and every other client):
its queue is emptied, its subscriptions dropped, and it gets one `resume` message
telling it to subscribe again from the last seq it actually received. Until it
subscribes again nothing more is queued for it beyond the bound.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import count

from copilot.serve.auth import Principal

# A call's stored (seq, json) after a seq, at most `limit` of them, in seq order.
History = Callable[[int, int], list[tuple[int, str]]]


@dataclass
class HubClient:
    """One connected sidebar or supervisor view: its bounded queue, subscriptions and replays."""

    id: int
    principal: Principal
    wake: Callable[[], None]
    queue: deque[str] = field(default_factory=deque)
    subscriptions: dict[str, int] = field(default_factory=dict)  # call_id -> last queued seq
    replays: dict[str, History] = field(default_factory=dict)  # subscriptions not live yet
    watching_board: bool = True
    lagged: bool = False


class EventHub:
    """Moves stored events to the clients subscribed to their calls, one bounded queue each."""

    def __init__(self, max_queue: int = 2000) -> None:
        self.max_queue = max_queue
        # What a history replay may fill; the rest stays free for live events and replies.
        self.replay_fill = max(1, max_queue // 2)
        self.clients: dict[int, HubClient] = {}
        self.dropped_clients = 0
        self._ids = count(1)

    def connect(self, principal: Principal, wake: Callable[[], None]) -> HubClient:
        """Register a client; `wake` tells its socket task that the queue has something to send."""
        client = HubClient(next(self._ids), principal, wake)
        self.clients[client.id] = client
        return client

    def disconnect(self, client: HubClient) -> None:
        """Forget a client whose socket closed; nothing more is queued for it."""
        self.clients.pop(client.id, None)

    # -- per-client messages ---------------------------------------------------

    def send(self, client: HubClient, text: str) -> None:
        """A reply to this client alone, queued behind what it has not received yet."""
        self._enqueue(client, text)

    def subscribe(
        self, client: HubClient, call_id: str, after_seq: int, history: History, ack: str
    ) -> None:
        """Queue `ack`, then replay `history` after `after_seq` as the client reads, then live."""
        room = self.replay_fill - len(client.queue) - 1  # the ack takes one place
        # Read before anything changes: a history that cannot be read leaves no subscription.
        page = history(after_seq, room) if room > 0 else []
        client.lagged = False
        client.subscriptions[call_id] = after_seq
        client.replays[call_id] = history
        if self._enqueue(client, ack):  # else the client is told to resume, this call too
            self._queue_page(client, call_id, page, room)

    def unsubscribe(self, client: HubClient, call_id: str) -> None:
        """Stop queueing this call's events for the client, live and replayed alike."""
        client.subscriptions.pop(call_id, None)
        client.replays.pop(call_id, None)

    def continue_replays(self, client: HubClient) -> None:
        """The next pages of the client's replays, once it has read half of what they queued.

        The shell calls this as it sends; a client that does not read gets no more.
        """
        for call_id, history in list(client.replays.items()):
            if len(client.queue) > self.replay_fill // 2:
                return
            room = self.replay_fill - len(client.queue)
            self._queue_page(client, call_id, history(client.subscriptions[call_id], room), room)

    def _queue_page(
        self, client: HubClient, call_id: str, page: list[tuple[int, str]], asked: int
    ) -> None:
        for seq, text in page:
            client.queue.append(text)
            client.subscriptions[call_id] = seq
        if len(page) < asked:  # the stored history is all queued: live from here on
            del client.replays[call_id]
        client.wake()

    # -- fan-out ---------------------------------------------------------------

    def publish(self, call_id: str, seq: int, text: str) -> None:
        """Queue a stored event for each client subscribed live to its call, never a seq twice."""
        for client in list(self.clients.values()):
            last = client.subscriptions.get(call_id)
            if last is None or seq <= last or call_id in client.replays:
                continue  # a replaying subscription reads this event from the store
            if self._enqueue(client, text):
                client.subscriptions[call_id] = seq

    def publish_board(self, summary: dict) -> None:
        """A call's summary to every client allowed to see that call (supervisor list, agent list)."""
        text = json.dumps({"type": "call.summary", "call": summary}, separators=(",", ":"))
        for client in list(self.clients.values()):
            if client.watching_board and client.principal.can_see(summary["agent_id"]):
                self._enqueue(client, text)

    def _enqueue(self, client: HubClient, text: str) -> bool:
        """Queue `text` unless the client's queue is full (then it is told to resume)."""
        if len(client.queue) >= self.max_queue:
            self._lag(client)
            return False
        client.queue.append(text)
        client.wake()
        return True

    def _lag(self, client: HubClient) -> None:
        if client.lagged:
            return
        calls = sorted(client.subscriptions)
        client.queue.clear()
        client.subscriptions.clear()
        client.replays.clear()
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
        """How many messages wait in each client's queue (the /metrics gauges)."""
        return [len(c.queue) for c in self.clients.values()]
