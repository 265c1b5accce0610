"""The Redis Streams relay between workers, against a real redis-server."""

import asyncio
import json

import pytest

from copilot.config import RelayConfig
from copilot.serve.relay import RedisRelay, RedisUnavailable
from tests.serve.redis_harness import redis_server

pytest.importorskip("redis")


def event(call_id: str, seq: int) -> str:
    return json.dumps({"type": "transcript.final", "call_id": call_id, "seq": seq, "t": seq})


async def wait_until(condition, timeout: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.02)


def test_each_worker_applies_the_others_events_in_order_and_not_its_own(tmp_path):
    async def scenario(url):
        got = {"a": [], "b": []}
        a = RedisRelay(RelayConfig(url, worker_id="a"), lambda d, _t, _w: got["a"].append(d))
        b = RedisRelay(RelayConfig(url, worker_id="b"), lambda d, _t, _w: got["b"].append(d))
        await a.start()
        await b.start()
        for seq in range(1, 51):
            a.publish("CA-1", seq, event("CA-1", seq))
        b.publish("CA-2", 1, event("CA-2", 1))
        await wait_until(lambda: len(got["b"]) == 50 and len(got["a"]) == 1)
        await a.stop()
        await b.stop()
        return got

    with redis_server(tmp_path) as url:
        got = asyncio.run(scenario(url))
    assert [d["seq"] for d in got["b"]] == list(range(1, 51))
    assert {d["call_id"] for d in got["b"]} == {"CA-1"}
    assert [(d["call_id"], d["seq"]) for d in got["a"]] == [("CA-2", 1)]


def test_a_restarted_worker_catches_up_from_its_last_applied_entry(tmp_path):
    async def scenario(url):
        seen, marks = [], []
        a = RedisRelay(RelayConfig(url, worker_id="a"), lambda d, t, w: None)
        b = RedisRelay(
            RelayConfig(url, worker_id="b"),
            lambda d, t, w: seen.append(d["seq"]),
            remember=marks.append,
        )
        await a.start()
        await b.start()
        for seq in (1, 2, 3):
            a.publish("CA-1", seq, event("CA-1", seq))
        await wait_until(lambda: len(seen) == 3)
        await b.stop()  # worker b goes down; a goes on
        for seq in (4, 5):
            a.publish("CA-1", seq, event("CA-1", seq))
        await a.flush()
        b2 = RedisRelay(
            RelayConfig(url, worker_id="b"),
            lambda d, t, w: seen.append(d["seq"]),
            last_applied=marks[-1],
        )
        await b2.start()
        await wait_until(lambda: len(seen) == 5)
        await a.stop()
        await b2.stop()
        return seen

    with redis_server(tmp_path) as url:
        assert asyncio.run(scenario(url)) == [1, 2, 3, 4, 5]


def test_unreachable_redis_is_a_clear_error():
    async def scenario():
        relay = RedisRelay(
            RelayConfig("redis://127.0.0.1:1/0", worker_id="a"), lambda d, t, w: None
        )
        with pytest.raises(RedisUnavailable, match="cannot reach Redis at redis://127.0.0.1:1/0"):
            await relay.start()

    asyncio.run(scenario())


def test_two_erasures_at_once_each_remove_their_calls_and_keep_the_rest(tmp_path):
    """Erasures rewrite the stream one at a time: run side by side, neither swaps in a copy
    that still holds the other's calls, and no other call's entries are lost."""
    import threading

    import redis

    from copilot.serve.relay import erase_from_stream

    with redis_server(tmp_path) as url:
        config = RelayConfig(url=url, stream="copilot:events")
        client = redis.Redis.from_url(url, decode_responses=True)
        for seq in range(1, 61):
            for call_id in ("call-a", "call-b", "call-c"):
                fields = {
                    "worker": "w1",
                    "call_id": call_id,
                    "seq": seq,
                    "json": event(call_id, seq),
                }
                client.xadd(config.stream, fields)
        removed: dict[str, int] = {}

        def erase(call_id: str) -> None:
            removed[call_id] = erase_from_stream(config, {call_id}, chunk=5)

        threads = [threading.Thread(target=erase, args=(c,)) for c in ("call-a", "call-b")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        left = [fields["call_id"] for _id, fields in client.xrange(config.stream)]
        keys = sorted(client.keys("copilot:events*"))
        client.close()
    assert removed == {"call-a": 60, "call-b": 60}
    assert left == ["call-c"] * 60
    assert keys == ["copilot:events"]  # no copy and no lock left behind
