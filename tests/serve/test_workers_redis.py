"""Two `copilot serve` workers sharing calls through a real redis-server.

A call streamed into worker 1 is watched live on worker 2, resumed there by seq with no
gap or duplicate, and is in worker 2's own store afterwards; a restarted worker 2
catches up on what it missed while it was down.
"""

import asyncio

import pytest

from copilot.serve.auth import TokenFile
from copilot.serve.store import EventStore
from tests.serve.postgres_harness import fresh_database
from tests.serve.redis_harness import redis_server
from tests.serve.server_harness import running_server
from tests.serve.test_live_server import SHORT, Watcher, ended, play

pytest.importorskip("redis")


async def watch_then_resume(port: int, token: str, call_id: str, player) -> tuple:
    """A sidebar on `port` follows the call to its first final and drops; a second resumes from
    the last seq it got until the call ends. Returns (first, second, that seq)."""
    first = await Watcher.open(port, token)
    await first.send({"type": "subscribe", "call_id": call_id, "after_seq": 0})
    await first.until(lambda m: m.get("type") == "transcript.final")
    await first.ws.close()
    last = first.events(call_id)[-1]["seq"]
    second = await Watcher.open(port, token)
    await second.send({"type": "subscribe", "call_id": call_id, "after_seq": last})
    await second.until(ended(call_id), timeout=120)
    await player
    await second.ws.close()
    return first, second, last


def test_a_sidebar_on_either_worker_sees_the_call_and_resumes_by_seq(tiny_en, tmp_path):
    tokens = TokenFile(tmp_path / "tokens.json")
    supervisor = tokens.add("supervisor")

    async def scenario(url):
        async with (
            running_server(tiny_en, str(tmp_path / "w1.db"), str(tokens.path), relay_url=url) as (
                one,
                log,
            ),
            running_server(tiny_en, str(tmp_path / "w2.db"), str(tokens.path), relay_url=url) as (
                two,
                _,
            ),
        ):
            player = asyncio.create_task(play(one.ws_port, SHORT, "CA-shared", "agent-a"))
            await log.wait_for("CA-shared", "call.started")
            async with asyncio.timeout(30):
                while two.store.call("CA-shared") is None:  # relayed to worker 2
                    await asyncio.sleep(0.02)
            first, second, last = await watch_then_resume(
                two.ws_port, supervisor, "CA-shared", player
            )
            produced = [e.seq for e in log.of("CA-shared")]
            stored_on_two = [seq for seq, _ in two.store.events_after("CA-shared")]
            return first, second, last, produced, stored_on_two, two.store.call("CA-shared")

    with redis_server(tmp_path) as url:
        first, second, last, produced, stored_on_two, call = asyncio.run(scenario(url))
    seen = [m["seq"] for m in first.events("CA-shared") + second.events("CA-shared")]
    assert seen == produced == list(range(1, len(produced) + 1))
    assert second.events("CA-shared")[0]["seq"] == last + 1
    assert stored_on_two == produced
    assert call.origin and not call.live  # run by the other worker, and it ended


def test_a_restarted_worker_catches_up_through_the_relay(tiny_en, tmp_path):
    async def scenario(url):
        store_two = str(tmp_path / "w2.db")
        async with running_server(tiny_en, str(tmp_path / "w1.db"), relay_url=url) as (one, log):
            async with running_server(tiny_en, store_two, relay_url=url):
                pass  # worker 2 has run once: it knows its place in the stream
            await play(one.ws_port, SHORT, "CA-missed", "agent-a")  # worker 2 is down
            await log.wait_for("CA-missed", "call.ended")
            produced = [e.seq for e in log.of("CA-missed")]
            async with running_server(tiny_en, store_two, relay_url=url) as (two, _):
                async with asyncio.timeout(30):
                    while len(two.store.events_after("CA-missed")) < len(produced):
                        await asyncio.sleep(0.02)
                return produced, [seq for seq, _ in two.store.events_after("CA-missed")]

    with redis_server(tmp_path) as url:
        produced, caught_up = asyncio.run(scenario(url))
    assert caught_up == produced and produced[-1] > 3


def test_workers_on_one_postgresql_store_write_only_their_own_calls(tiny_en, tmp_path, postgres):
    """A fleet: one shared PostgreSQL store, the Redis stream only for live fan-out. The call
    runs on worker 1; worker 2 serves a sidebar live and a resume by seq from the shared store."""
    tokens = TokenFile(tmp_path / "tokens.json")
    supervisor = tokens.add("supervisor")
    store = fresh_database(postgres)

    async def scenario(url):
        async with (
            running_server(tiny_en, store, str(tokens.path), relay_url=url) as (one, log),
            running_server(tiny_en, store, str(tokens.path), relay_url=url) as (two, _),
        ):
            player = asyncio.create_task(play(one.ws_port, SHORT, "CA-fleet", "agent-a"))
            await log.wait_for("CA-fleet", "call.started")
            first, second, last = await watch_then_resume(
                two.ws_port, supervisor, "CA-fleet", player
            )
            produced = [e.seq for e in log.of("CA-fleet")]
            fanned_out = two.relay.applied
            return first, second, last, produced, one.worker_id, two.store, fanned_out

    with redis_server(tmp_path) as url:
        first, second, last, produced, runner, shared, fanned_out = asyncio.run(scenario(url))
    seen = [m["seq"] for m in first.events("CA-fleet") + second.events("CA-fleet")]
    assert seen == produced == list(range(1, len(produced) + 1))
    assert second.events("CA-fleet")[0]["seq"] == last + 1
    reopened = EventStore(store)
    assert [seq for seq, _ in reopened.events_after("CA-fleet")] == produced
    call = reopened.call("CA-fleet")
    assert call.origin == runner and not call.live  # the row names the worker that ran it
    assert fanned_out >= len(produced)  # worker 2 fanned every event out live, storing none
