"""Erasure reaches the memory of every running worker of a fleet, not only the store.

Two real servers share one PostgreSQL store and a Redis relay. A chat runs on the first;
both boards show it. `copilot erase` (a separate process, as an operator runs it) first
warns in its dry run that a call is still live, then erases the ended call: both workers
drop it from their boards within a few housekeeping rounds, and a supervisor connecting to
either never sees it again.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys

from websockets.asyncio.client import connect

from copilot.serve.auth import TokenFile
from tests.serve.postgres_harness import fresh_database
from tests.serve.redis_harness import redis_server
from tests.serve.server_harness import running_server

COPILOT = [sys.executable, "-m", "copilot.cli"]


async def a_chat(port: int, call_id: str, customer: str, stop: bool = True) -> None:
    ws = await connect(f"ws://127.0.0.1:{port}/chat")
    start = {"type": "start", "call_id": call_id, "metadata": {"customer_id": customer}}
    await ws.send(json.dumps(start))
    await ws.send(
        json.dumps({"type": "turn", "speaker": "customer", "text": "Where is my parcel?"})
    )
    if stop:
        await ws.send(json.dumps({"type": "stop"}))
        await ws.close()


async def until(predicate, timeout: float = 30.0) -> None:
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.05)


async def supervisor_sees(port: int, token: str) -> set[str]:
    async with connect(f"ws://127.0.0.1:{port}/events?token={token}") as ws:
        while True:
            message = json.loads(await ws.recv())
            if message.get("type") == "calls":
                return {c["call_id"] for c in message["calls"]}


def test_every_worker_forgets_an_erased_call(tiny_en, postgres, tmp_path):
    url = fresh_database(postgres)
    tokens = TokenFile(tmp_path / "tokens.json")
    supervisor = tokens.add("supervisor")
    config = tmp_path / "copilot.toml"
    config.write_text(f'[store]\nurl = "{url}"\n')

    def erase(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*COPILOT, "erase", *args, "--config", str(config)],
            capture_output=True,
            text=True,
            timeout=120,
        )

    async def scenario(relay_url: str) -> None:
        shared = {"relay_url": relay_url, "tokens_file": str(tokens.path)}
        async with (
            running_server(tiny_en, url, **shared) as (one, _log),
            running_server(tiny_en, url, **shared) as (two, _),
        ):
            for server in (one, two):
                server.config.store.erasure_poll_s = 0.1
                server.housekeeping.config = server.config.store
            await a_chat(one.ws_port, "chat-erased", "C-4242")
            await a_chat(one.ws_port, "chat-kept", "C-1000")
            await a_chat(one.ws_port, "chat-live", "C-4242", stop=False)
            await until(lambda: {"chat-erased", "chat-live"} <= set(two.live.board.calls))
            await until(lambda: not one.live.board.calls["chat-erased"].live)

            preview = await asyncio.to_thread(
                erase, "--metadata", "customer_id=C-4242", "--dry-run"
            )
            assert preview.returncode == 0, preview.stderr
            assert "would erase from the store 2 call(s)" in preview.stdout
            assert "still live, the real run refuses them: chat-live" in preview.stdout
            refused = await asyncio.to_thread(erase, "--metadata", "customer_id=C-4242")
            assert refused.returncode == 1 and "still live" in refused.stderr

            done = await asyncio.to_thread(erase, "--call-id", "chat-erased")
            assert done.returncode == 0, done.stderr
            await until(lambda: all("chat-erased" not in s.live.board.calls for s in (one, two)))
            for server in (one, two):
                assert "chat-kept" in server.live.board.calls
                seen = await supervisor_sees(server.ws_port, supervisor)
                assert "chat-erased" not in seen and "chat-kept" in seen

    with redis_server(tmp_path) as relay_url:
        asyncio.run(scenario(relay_url))
