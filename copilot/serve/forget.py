"""A running server forgets erased calls: what `copilot erase` cannot reach from a shell.

The store, the relay, the feedback database and the files are erased by the command;
the server still holds the calls in memory (the supervisor board with each call's last
line, clients' subscriptions, the recent-text encoder cache, the learned examples and
templates its models were trained with) and, with an event log on, an open file. The
housekeeping loop reads each new erasure's keyed call hashes (`EventStore.call_hash`),
and `ForgetErasedCalls` turns them back into the calls this server knows.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable

from copilot.encoders.sentence import forget_recent_texts
from copilot.serve.hub import EventHub
from copilot.serve.live_events import LiveEvents
from copilot.serve.retention import TABLES
from copilot.serve.store import EventStore, event_json

log = logging.getLogger(__name__)


class ErasedIds:
    """The erased calls as a set-like test on call ids (the erasure names them by hash only)."""

    def __init__(self, store: EventStore, hashes: set[str]) -> None:
        self._hash = store.call_hash
        self.hashes = hashes

    def __contains__(self, call_id: object) -> bool:
        return isinstance(call_id, str) and self._hash(call_id) in self.hashes

    def among(self, call_ids: Iterable[str]) -> set[str]:
        """The given call ids that were erased."""
        return {call_id for call_id in call_ids if call_id in self}


# A place beyond the board that holds calls (learned examples, the event log): it drops
# every call the test says was erased and returns how many items went.
Place = Callable[[ErasedIds], int]


class ForgetErasedCalls:
    """Makes a running server forget erased calls: board, subscriptions, caches, added places."""

    def __init__(self, store: EventStore, live: LiveEvents, hub: EventHub) -> None:
        self.store = store
        self.live = live
        self.hub = hub
        self.places: list[tuple[str, Place, bool]] = []

    def add_place(self, name: str, place: Place, blocking: bool = False) -> None:
        """`blocking` places (a file rewrite) run in a thread, off the event loop."""
        self.places.append((name, place, blocking))

    def __call__(self, hashes: set[str]) -> None:
        """The housekeeping hook: forget every call an erasure names by hash, wherever held."""
        erased = ErasedIds(self.store, hashes)
        calls = erased.among(self._known_calls())
        for call_id in calls:
            self.live.forget(call_id)
            for client in self.hub.clients.values():
                self.hub.unsubscribe(client, call_id)
        # Recent utterances kept for the encoder are any caller's words: they all go.
        forget_recent_texts()
        for name, place, blocking in self.places:
            if blocking:  # housekeeping calls this on the event loop
                asyncio.get_running_loop().run_in_executor(None, _forget_in, name, place, erased)
            else:
                _forget_in(name, place, erased)
        if calls:
            self._redraw_call_lists()
        if not self.store.shared:  # a fleet's database was vacuumed by the erasure itself
            if not self.store.db.scrub(TABLES):
                log.error(
                    "erasure: the store's WAL could not be checkpointed; it still holds old pages"
                )
        log.info("erasure: forgot %d call(s) held in memory", len(calls))

    def _known_calls(self) -> set[str]:
        known = set(self.live.board.calls) | self.live.fanned_calls()
        for client in self.hub.clients.values():
            known |= set(client.subscriptions)
        return known

    def _redraw_call_lists(self) -> None:
        """Every connected sidebar and supervisor gets its call list again, without them."""
        for client in list(self.hub.clients.values()):
            calls = self.live.board.visible(client.principal.can_see)
            self.hub.send(client, event_json({"type": "calls", "calls": calls}))


def _forget_in(name: str, place: Place, erased: ErasedIds) -> None:
    try:
        place(erased)
    except Exception:  # noqa: BLE001 - the other places still forget
        log.exception("erasure: %s could not forget the erased calls", name)
