"""copilot's own ingests refuse an unfit `start` and keep the socket for a corrected one.

docs/protocol.md promises it for the raw `/ingest` and `/chat`: a `start` refused for its
agent id (`bad_agent_id`) or its metadata (`bad_metadata`), or for a call id already live
(`duplicate_call`), gets an `error` reply, the socket stays open, and a good `start` on
the same socket opens the call. A real server on loopback, real websockets.
"""

from __future__ import annotations

import asyncio
import json
import logging

import pytest
from websockets.asyncio.client import connect

from tests.serve.server_harness import running_server

UNFIT = [
    ({"agent_id": "a" * 200}, "bad_agent_id"),
    ({"agent_id": "agent\x00"}, "bad_agent_id"),
    ({"note": "n" * 5000}, "bad_metadata"),
    ({"note": "tab\tand\x1b[31mred"}, "bad_metadata"),
]


def start(endpoint: str, call_id: str, metadata: dict) -> str:
    if endpoint == "/ingest":
        fields = {"sample_rate": 16000, "channels": 1}
    else:
        fields = {"language": "en"}
    return json.dumps({"type": "start", "call_id": call_id, "metadata": metadata, **fields})


async def reply(ws) -> dict:
    return json.loads(await asyncio.wait_for(ws.recv(), 5.0))


@pytest.mark.parametrize("endpoint", ["/ingest", "/chat"])
@pytest.mark.parametrize(("metadata", "code"), UNFIT)
def test_an_unfit_start_is_refused_and_a_corrected_one_opens_the_call(
    tiny_en, endpoint, metadata, code
):
    async def scenario():
        async with running_server(tiny_en) as (server, events):
            async with connect(f"ws://127.0.0.1:{server.ws_port}{endpoint}") as ws:
                await ws.send(start(endpoint, "refused", metadata))
                refusal = await reply(ws)
                open_after_refusal = ws.close_code is None
                await ws.send(json.dumps({"type": "stop"}))  # nothing to stop yet
                before_start = await reply(ws)
                await ws.send(start(endpoint, "corrected", {"agent_id": "agent-7"}))
                await events.wait_for("corrected", "call.started", timeout=10.0)
                await ws.send(json.dumps({"type": "stop"}))
                await events.wait_for("corrected", "call.ended", timeout=10.0)
            return refusal, open_after_refusal, before_start, list(events)

    refusal, open_after_refusal, before_start, events = asyncio.run(scenario())
    assert refusal["type"] == "error" and refusal["code"] == code, refusal
    assert open_after_refusal
    assert before_start["code"] == "before_start"  # the refused start was forgotten
    assert {e.call_id for e in events} == {"corrected"}  # the refused call was never stored
    started = next(e for e in events if e.type == "call.started")
    assert started.metadata["agent_id"] == "agent-7"


@pytest.mark.parametrize("endpoint", ["/ingest", "/chat"])
def test_a_live_call_id_is_refused_and_the_socket_may_start_another(tiny_en, endpoint, caplog):
    caplog.set_level(logging.INFO)

    async def scenario():
        async with running_server(tiny_en) as (server, events):
            url = f"ws://127.0.0.1:{server.ws_port}{endpoint}"
            async with connect(url) as first, connect(url) as second:
                await first.send(start(endpoint, "live", {}))
                await events.wait_for("live", "call.started", timeout=10.0)
                await second.send(start(endpoint, "live", {}))
                refusal = await reply(second)
                await second.send(start(endpoint, "another", {}))
                await events.wait_for("another", "call.started", timeout=10.0)
                for ws in (first, second):
                    await ws.send(json.dumps({"type": "stop"}))
                await events.wait_for("another", "call.ended", timeout=10.0)
                await events.wait_for("live", "call.ended", timeout=10.0)
            return refusal, [e.call_id for e in events if e.type == "call.started"]

    refusal, started = asyncio.run(scenario())
    assert refusal["code"] == "duplicate_call" and "live" in refusal["message"]
    assert sorted(started) == ["another", "live"]
    # The peer hears which id; the journal, never erased, gets the code alone.
    logged = [r.getMessage() for r in caplog.records if "duplicate_call" in r.getMessage()]
    assert logged and not any("live" in line.split("duplicate_call")[-1] for line in logged)
    assert not any("call live" in r.getMessage() for r in caplog.records)
