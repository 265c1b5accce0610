"""Several `copilot serve` workers, one view of every call: events relayed through Redis Streams.

Each worker still stores every event in its own SQLite before any sidebar sees it;
the relay adds a shared, ordered log in between. What a worker's own calls produce
is appended to one Redis stream; every worker follows that stream and applies the
*other* workers' entries to its own store and hub. So a sidebar connected to any
worker sees every call live, and resuming by seq is answered from the local store,
exactly as on a single worker.

A worker that restarts continues from the last stream entry it applied (kept in its
store's meta table), so it catches up on what it missed instead of starting blind.
The stream is capped (MAXLEN ~) so Redis memory stays bounded; the SQLite stores
keep the full history. Besides events the stream carries the decisions agents and
supervisors give on a worker (`kind` decision, see decisions.py), in order with them.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, cast

from copilot.config import RelayConfig

if TYPE_CHECKING:
    from redis.typing import EncodableT, FieldT

log = logging.getLogger(__name__)

STOP_WAIT_S = 5.0  # how long `stop` waits for its loops
Apply = Callable[[dict, str, str], None]  # (event dict, its JSON, the worker that ran the call)
ApplyDecision = Callable[[dict, str], None]  # (a decision as decisions.py relays it, its worker)


class RedisUnavailable(RuntimeError):
    """The relay is configured but Redis cannot be used; the message says what to do."""


class RedisRelay:
    """One Redis stream between workers: this worker's events out, the other workers' in."""

    def __init__(
        self,
        config: RelayConfig,
        apply: Apply,
        last_applied: str = "$",
        remember: Callable[[str], None] | None = None,
        apply_decision: ApplyDecision | None = None,
    ) -> None:
        try:
            import redis.asyncio as redis_asyncio
        except ImportError as exc:
            raise RedisUnavailable(
                "the Redis relay needs the redis package: pip install 'copilot[scale]'"
            ) from exc
        self.config = config
        self.apply = apply
        self.apply_decision = apply_decision
        self.remember = remember or (lambda _id: None)
        self.last_id = last_applied or "$"
        self._redis = redis_asyncio.from_url(config.url, decode_responses=True)
        self._outbox: asyncio.Queue[dict[FieldT, EncodableT]] = asyncio.Queue()
        self._tasks: list[asyncio.Task] = []
        # redis-py may turn a cancellation that lands mid-command into a connection error,
        # which the loops' retry would swallow: they also stop on this flag.
        self._stopping = False
        self.published = 0
        self.applied = 0
        self.failed = 0

    async def start(self) -> None:
        """Check that Redis answers, settle where to read from, then start both loops."""
        try:
            await self._redis.ping()
        except Exception as exc:  # noqa: BLE001 - any connection failure gets the same message
            raise RedisUnavailable(f"cannot reach Redis at {self.config.url}: {exc}") from exc
        if self.last_id == "$":
            # First start of this worker: begin at the stream's current end, resolved now so
            # nothing published between start and the first read is missed.
            info = (
                await self._redis.xinfo_stream(self.config.stream) if await self._exists() else {}
            )
            self.last_id = info.get("last-generated-id", "0-0") if info else "0-0"
            self.remember(self.last_id)  # a restart continues from here even if nothing came
        self._tasks = [
            asyncio.create_task(self._publish_loop(), name="redis-publish"),
            asyncio.create_task(self._follow_loop(), name="redis-follow"),
        ]

    async def _exists(self) -> bool:
        return bool(await self._redis.exists(self.config.stream))

    async def stop(self) -> None:
        """Send what is queued, stop both loops (waiting at most STOP_WAIT_S), close Redis."""
        await self.flush()
        self._stopping = True
        for task in self._tasks:
            task.cancel()
        # A loop sees the flag within one blocking read (1 s); never wait on it forever.
        _done, stuck = await asyncio.wait(self._tasks, timeout=STOP_WAIT_S)
        if stuck:
            log.warning("redis relay: %d task(s) did not stop in %.0f s", len(stuck), STOP_WAIT_S)
        await self._redis.aclose()

    async def flush(self, timeout: float = 5.0) -> None:
        """Wait until every queued event has been written to Redis."""
        deadline = asyncio.get_running_loop().time() + timeout
        while not self._outbox.empty() and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.01)

    # -- out: this worker's events ------------------------------------------------

    def publish(self, call_id: str, seq: int, text: str) -> None:
        """Called by the live sink after the local store accepted the event (never blocks)."""
        self._outbox.put_nowait({"call_id": call_id, "seq": seq, "json": text})

    def publish_decision(self, call_id: str, text: str) -> None:
        """A decision on one of the call's cards given here (decisions.py); never blocks.

        It names its call like an event does, so an erasure's rewrite takes it too.
        """
        self._outbox.put_nowait({"call_id": call_id, "kind": "decision", "json": text})

    async def _publish_loop(self) -> None:
        while not self._stopping:
            entry = await self._outbox.get()
            fields: dict[FieldT, EncodableT] = {"worker": self.config.worker_id, **entry}
            while not self._stopping:
                try:
                    await self._redis.xadd(
                        self.config.stream, fields, maxlen=self.config.max_len, approximate=True
                    )
                    self.published += 1
                    break
                except Exception as exc:  # noqa: BLE001 - Redis down: keep the order, retry
                    if self._stopping:
                        return
                    log.warning("redis relay: cannot publish (%s); retrying", exc)
                    await asyncio.sleep(1.0)

    # -- in: the other workers' events ----------------------------------------------

    async def _follow_loop(self) -> None:
        while not self._stopping:
            try:
                # RESP2 (the client's protocol) with decode_responses: [[stream, entries], ...]
                replies = cast(
                    "list[tuple[str, list[tuple[str, dict[str, str]]]]] | None",
                    await self._redis.xread(
                        {self.config.stream: self.last_id}, count=500, block=1000
                    ),
                )
            except Exception as exc:  # noqa: BLE001 - Redis down: wait and continue from last_id
                if self._stopping:
                    return
                log.warning("redis relay: cannot read (%s); retrying", exc)
                await asyncio.sleep(1.0)
                continue
            for _stream, entries in replies or ():
                for entry_id, fields in entries:
                    try:
                        self._apply_entry(fields)
                    except Exception:  # noqa: BLE001 - one bad entry must not stop the follower
                        self.failed += 1
                        log.exception("redis relay: entry %s could not be applied", entry_id)
                    self.last_id = entry_id
                if entries:
                    self.remember(self.last_id)

    def _apply_entry(self, fields: dict) -> None:
        if fields.get("worker") == self.config.worker_id:
            return  # our own event: already stored and fanned out here
        try:
            data = json.loads(fields["json"])
        except (KeyError, ValueError) as exc:
            log.warning("redis relay: skipping a malformed entry (%s)", exc)
            return
        if fields.get("kind") == "decision":
            if self.apply_decision is not None and isinstance(data, dict):
                self.apply_decision(data, str(fields.get("worker", "")))
            return
        self.applied += 1
        self.apply(data, fields["json"], str(fields.get("worker", "")))


# The last step of an erasure's rewrite, atomic in Redis: copy what came after the chunks
# copied already (skipping the erased calls), keep the stream's last id, swap the copy in.
# XDEL alone leaves an entry's bytes inside the stream's nodes (seen in DUMP and in RDB
# snapshots); a rewritten stream holds only what survives.
_SWAP_IN_COPY = """
local key, copy, after, removed = KEYS[1], KEYS[2], ARGV[1], tonumber(ARGV[2])
local doomed = {}
for i = 3, #ARGV do doomed[ARGV[i]] = true end
if redis.call('EXISTS', key) == 0 then redis.call('DEL', copy) return removed end
for _, entry in ipairs(redis.call('XRANGE', key, after, '+')) do
  local fields, call_id = entry[2], nil
  for i = 1, #fields, 2 do if fields[i] == 'call_id' then call_id = fields[i + 1] end end
  if call_id ~= nil and doomed[call_id] then
    removed = removed + 1
  else
    redis.call('XADD', copy, entry[1], unpack(fields))
  end
end
if removed == 0 then redis.call('DEL', copy) return 0 end
if redis.call('EXISTS', copy) == 0 then redis.call('DEL', key) return removed end
local info = redis.call('XINFO', 'STREAM', key)
for i = 1, #info, 2 do
  if info[i] == 'last-generated-id' then redis.call('XSETID', copy, info[i + 1]) end
end
redis.call('RENAME', copy, key)
return removed
"""


def erase_from_stream(config: RelayConfig, call_ids: set[str], chunk: int = 1000) -> int:
    """Rewrite the relay's stream without these calls' entries; how many entries went.

    The bulk is copied in chunks (Redis keeps serving the fleet meanwhile), the tail and
    the swap in one script. Then Redis is asked for a fresh snapshot (and an AOF rewrite
    where the AOF is on) so its files on disk stop holding the old stream too.
    """
    try:
        import redis
    except ImportError as exc:
        raise RedisUnavailable("erasing from the relay needs the redis package") from exc
    client = redis.Redis.from_url(config.url, decode_responses=True)
    token = uuid.uuid4().hex
    lock, copy = f"{config.stream}:erasing", f"{config.stream}:erasing:{token}"
    try:
        # One rewrite at a time: two erasures copying side by side would each swap in a copy
        # that still holds the other's calls.
        _take_lock(client, lock, token)
        try:
            removed, after = _copy_survivors(client, config.stream, copy, call_ids, chunk)
            swap: list[str | int] = [config.stream, copy, after, removed, *call_ids]
            removed = int(client.eval(_SWAP_IN_COPY, 2, *swap))
        finally:
            client.delete(copy)
            client.eval(_RELEASE_LOCK, 1, lock, token)
        if removed:
            _rewrite_persistence(client)
        return removed
    except redis.RedisError as exc:
        raise RedisUnavailable(f"cannot erase from Redis at {config.url}: {exc}") from exc
    finally:
        client.close()


ERASE_LOCK_S = 600  # a rewrite that died keeps others out at most this long
ERASE_WAIT_S = 120.0
_RELEASE_LOCK = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


def _take_lock(client: Any, lock: str, token: str) -> None:
    deadline = time.monotonic() + ERASE_WAIT_S
    while not client.set(lock, token, nx=True, ex=ERASE_LOCK_S):
        if time.monotonic() > deadline:
            raise RedisUnavailable(
                f"another erasure has held the relay's stream for over {ERASE_WAIT_S:.0f} s"
            )
        time.sleep(0.2)


def count_in_stream(config: RelayConfig, call_ids: set[str], chunk: int = 1000) -> int:
    """How many of the stream's entries belong to these calls (an erasure's dry run)."""
    try:
        import redis
    except ImportError as exc:
        raise RedisUnavailable("reading the relay needs the redis package") from exc
    client = redis.Redis.from_url(config.url, decode_responses=True)
    try:
        return sum(
            fields.get("call_id") in call_ids
            for entries in _chunks(client, config.stream, "-", chunk)
            for _id, fields in entries
        )
    finally:
        client.close()


def _chunks(
    client: Any, stream: str, start: str, chunk: int
) -> Iterator[list[tuple[str, dict[str, str]]]]:
    """The stream's entries from `start` on, `chunk` at a time (decode_responses: all str)."""
    while True:
        entries = cast(
            "list[tuple[str, dict[str, str]]]",
            client.xrange(stream, min=start, max="+", count=chunk),
        )
        yield entries
        if len(entries) < chunk:
            return
        start = "(" + entries[-1][0]


def _copy_survivors(
    client: Any, stream: str, copy: str, call_ids: set[str], chunk: int
) -> tuple[int, str]:
    """Entries of other calls copied to `copy` with their ids; (entries skipped, where the
    swap script goes on: just after the last entry read)."""
    removed, after = 0, "-"
    for entries in _chunks(client, stream, "-", chunk):
        pipe = client.pipeline(transaction=False)
        for entry_id, fields in entries:
            if fields.get("call_id") in call_ids:
                removed += 1
            else:
                pipe.xadd(copy, fields, id=entry_id)
        pipe.execute()
        if entries:
            after = "(" + entries[-1][0]
    return removed, after


def _rewrite_persistence(client: Any) -> None:
    """A new RDB snapshot (scheduled behind one in progress) and, with the AOF on, a
    rewritten AOF: the files on disk then hold the stream as it is now."""
    import redis

    try:
        if client.config_get("save").get("save"):
            client.execute_command("BGSAVE", "SCHEDULE")
        if client.config_get("appendonly").get("appendonly") == "yes":
            client.bgrewriteaof()
    except redis.ResponseError as exc:  # CONFIG renamed away on a managed Redis
        log.warning("relay erasure: Redis persistence not rewritten (%s); see deployment.md", exc)
