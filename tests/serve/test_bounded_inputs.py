"""Ids and metadata an ingest may give a call are bounded: refused with a clear error, never stored.

A call id of 190 letters once stretched the supervisor table to 2,862 px; control
characters in an id end up in logs, files and the sidebar. Every ingest and /chat go
through the same check, on a real server with real websockets.
"""

from __future__ import annotations

import asyncio
import json

import numpy as np
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from copilot.audio.files import decode_file
from copilot.commands.simulate import twilio_messages
from copilot.telephony.common import MAX_ID_CHARS
from tests.conftest import fixture_path
from tests.serve.server_harness import running_server


def run(coro):
    return asyncio.run(coro)


async def raw_start(server, call_id: str, metadata: dict | None = None) -> tuple[dict, int]:
    """Start a raw-ingest call; the server's answer (or {}) and the close code (0: still open)."""
    async with connect(f"ws://127.0.0.1:{server.ws_port}/ingest") as ws:
        start = {"type": "start", "call_id": call_id, "sample_rate": 8000, "channels": 1}
        await ws.send(json.dumps({**start, "metadata": metadata or {}}))
        await ws.send(np.zeros(1600, "<i2").tobytes())
        try:
            answer = json.loads(await asyncio.wait_for(ws.recv(), 1.0))
        except (TimeoutError, ConnectionClosed):
            answer = {}
        await ws.send(json.dumps({"type": "stop"})) if ws.close_code is None else None
        await asyncio.sleep(0.1)
        return answer, ws.close_code or 0


@pytest.mark.parametrize(
    ("call_id", "metadata", "code"),
    [
        ("x" * (MAX_ID_CHARS + 1), {}, "bad_call_id"),
        ("call\x07bell", {}, "bad_call_id"),
        ("line\nbreak", {}, "bad_call_id"),
        ("bidi\u202eid", {}, "bad_call_id"),
        ("ok-1", {"agent_id": "a" * 200}, "bad_agent_id"),
        ("ok-2", {"agent_id": "agent\x00"}, "bad_agent_id"),
        ("ok-3", {"note": "n" * 5000}, "bad_metadata"),
        ("ok-4", {"note": "tab\tand\x1b[31mred"}, "bad_metadata"),
    ],
)
def test_unfit_ids_and_metadata_are_refused_and_never_stored(tiny_en, call_id, metadata, code):
    async def scenario():
        async with running_server(tiny_en) as (server, events):
            answer, closed = await raw_start(server, call_id, metadata)
            fine, _ = await raw_start(server, "x" * MAX_ID_CHARS)  # the longest id allowed
            await events.wait_for("x" * MAX_ID_CHARS, "call.ended")
            return answer, closed, list(events), fine

    answer, closed, events, fine = run(scenario())
    assert answer["type"] == "error" and answer["code"] == code, answer
    assert closed in (0, 1008)  # the start is refused; the client may try a good one
    assert {e.call_id for e in events} == {"x" * MAX_ID_CHARS}  # only the good call
    assert fine == {}


def test_chat_and_twilio_refuse_them_too(tiny_en):
    call = decode_file(fixture_path("jfk.flac"))

    async def scenario():
        async with running_server(tiny_en, stages=("affect", "assist")) as (server, events):
            base = f"ws://127.0.0.1:{server.ws_port}"
            async with connect(f"{base}/chat") as chat:
                start = {"type": "start", "call_id": "c" * 129}
                await chat.send(json.dumps(start))
                chat_answer = json.loads(await chat.recv())
            async with connect(f"{base}/twilio") as twilio:
                connected, start = list(twilio_messages(call, "CA\x07bad"))[:2]
                await twilio.send(connected.message)
                await twilio.send(start.message)
                await asyncio.wait_for(twilio.wait_closed(), 10.0)
                twilio_code = twilio.close_code
            await asyncio.sleep(0.2)
            return chat_answer, twilio_code, list(events)

    chat_answer, twilio_code, events = run(scenario())
    assert chat_answer["type"] == "error" and chat_answer["code"] == "bad_call_id"
    assert twilio_code == 1008
    assert events == []
