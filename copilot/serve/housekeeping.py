"""The server's background chores on its store: retention, and a fleet's dead workers.

- Retention: every `purge_interval_s`, calls past `retention_days` are deleted
  `purge_batch` at a time, yielding to the event loop between batches, so live calls
  never wait on more than one small transaction.
- Erasure: every `erasure_poll_s` the server reads the erasures made since it last
  looked (`copilot erase` from a shell, or on any worker of a fleet) and drops those calls
  from its memory, which the store alone cannot reach.
- Fleet (a shared PostgreSQL store): each worker writes a heartbeat every `heartbeat_s`;
  a worker whose own heartbeat has run steadily for `worker_timeout_s` and finds another
  silent that long ends that worker's open calls with `server_restart`, through the live
  sink, so every sidebar sees them end.
  Two workers doing it at once is harmless: the second call.ended has the same seq and
  the store keeps one.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import logging
import time
from collections.abc import Callable

from copilot.config import StoreConfig
from copilot.events.core import CallEnded, Event
from copilot.events.log_names import call_ref
from copilot.serve.database import DatabaseError
from copilot.serve.event_log import EventLogFile
from copilot.serve.retention import DAY_S, clear_old_forget_lists, purge_batches
from copilot.serve.store import EventStore, StoredCall

log = logging.getLogger(__name__)
RETRY_HELD_S = 1.0


def ended_by_restart(store: EventStore, stored: StoredCall) -> Event:
    """The call.ended for a call whose worker is gone: right after its last stored event."""
    last = store.event_at(stored.call_id, stored.last_seq)
    t = float(json.loads(last).get("t", 0.0)) if last else 0.0
    ended = CallEnded(stored.call_id, stored.last_seq + 1, t, duration=t)
    return dataclasses.replace(ended, reason="server_restart")


class Housekeeping:
    """The server's background chores on its store: retention, erasures, held events, the fleet."""

    def __init__(
        self,
        store: EventStore,
        config: StoreConfig,
        publish: Callable[[Event], None],
        flush: Callable[[], None] = lambda: None,
    ) -> None:
        self.store = store
        self.config = config
        self.publish = publish  # the live sink: store, then fan out and relay
        self.flush = flush  # stores the events held while the store was away
        self.forget: Callable[[set[str]], None] = lambda _hashes: None
        self.event_log: EventLogFile | None = None  # aged out with the store
        self.purged_calls = 0
        # Erasures before this server started are not in its memory (it loads from the store).
        self._last_erasure = store.last_erasure_id()
        self._tasks: list[asyncio.Task] = []
        # Since when this worker's own heartbeats have gone through without a gap: only after
        # worker_timeout_s of that does it judge others (after a database outage everyone's
        # heartbeat is stale, and the first worker back must not end the others' calls).
        self._beating_since: float | None = None

    def start(self) -> None:
        """Start the chores this configuration needs as tasks on the running event loop."""
        if self.config.retention_days > 0:
            self._tasks.append(asyncio.create_task(self._retention(), name="retention"))
        if self.store.shared:
            self._beat()
            self._tasks.append(asyncio.create_task(self._fleet(), name="fleet-heartbeat"))
        self._tasks.append(asyncio.create_task(self._retry_held(), name="retry-held-events"))
        self._tasks.append(asyncio.create_task(self._erasures(), name="erasures"))

    async def stop(self) -> None:
        """Cancel every chore and wait until each has stopped."""
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks.clear()

    async def purge_now(self) -> int:
        """Delete everything past retention, one small batch per turn of the event loop."""
        removed = 0
        older_than_s = self.config.retention_days * DAY_S
        for batch in purge_batches(self.store, older_than_s, self.config.purge_batch):
            removed += batch.calls
            if batch.calls:
                log.info("retention: deleted %s", batch.describe())
            await asyncio.sleep(0)
        if self.event_log is not None:
            cutoff = time.time() - older_than_s
            await asyncio.to_thread(self.event_log.purge_older_than, cutoff)
        self.purged_calls += removed
        return removed

    async def _retention(self) -> None:
        while True:
            try:
                await self.purge_now()
            except Exception:  # noqa: BLE001 - a failed purge is retried, never fatal
                log.exception("retention: purge failed; trying again later")
            await asyncio.sleep(self.config.purge_interval_s)

    def _beat(self) -> bool:
        try:
            self.store.heartbeat()
        except DatabaseError as exc:
            log.warning("fleet: heartbeat not stored (%s)", exc)
            self._beating_since = None
            return False
        if self._beating_since is None:
            self._beating_since = time.monotonic()
        return True

    def close_orphans(self, force: bool = False) -> int:
        """End the open calls of workers gone silent. Not before this worker's own heartbeat
        has run steadily for worker_timeout_s (`force`: tests that set the scene by hand)."""
        steady = self._beating_since is not None and (
            time.monotonic() - self._beating_since >= self.config.worker_timeout_s
        )
        if not (steady or force):
            return 0
        orphans = self.store.orphaned_calls(self.config.worker_timeout_s)
        for stored in orphans:
            log.warning(
                "call %s: its worker %s is gone; ending it", call_ref(stored.call_id), stored.origin
            )
            self.publish(ended_by_restart(self.store, stored))
        return len(orphans)

    async def _fleet(self) -> None:
        while True:
            await asyncio.sleep(self.config.heartbeat_s)
            try:
                if self._beat():
                    self.close_orphans()
            except Exception:  # noqa: BLE001 - the database may be back next time
                log.exception("fleet: looking for silent workers failed; trying again")

    def forget_erased(self) -> int:
        """Erasures made since the last look (by `copilot erase`, or on another worker):
        the running server drops those calls from its memory. Returns how many were new."""
        new = self.store.erasures_after(self._last_erasure)
        for audit_id, hashes in new:
            self.forget(hashes)
            self._last_erasure = audit_id
        clear_old_forget_lists(self.store)
        return len(new)

    async def _erasures(self) -> None:
        while True:
            await asyncio.sleep(self.config.erasure_poll_s)
            try:
                self.forget_erased()
            except Exception:  # noqa: BLE001 - looked for again next time
                log.exception("erasures: looking for new ones failed; trying again")

    async def _retry_held(self) -> None:
        """Events held while the store was away are stored (and sent) once it is back, even
        when no new event comes to push them out."""
        while True:
            await asyncio.sleep(RETRY_HELD_S)
            try:
                self.flush()
            except Exception:  # noqa: BLE001 - kept, tried again next time
                log.exception("retrying held events failed")
