"""A sidebar's queue stays within `client_queue` whatever it asks for, on a real server.

A sidebar that never read and kept re-subscribing to stored calls once grew its queue
to 134,395 messages: history replays were queued without a bound. Here such a client
asks for a long history over and over; its server-side queue is watched at every
message queued for it, and another sidebar on the same server keeps being served.
"""

from __future__ import annotations

import asyncio
import json
import socket

from websockets.asyncio.client import connect

from copilot.events.core import CallEnded, CallStarted, TranscriptFinal
from copilot.serve.auth import TokenFile
from tests.serve.server_harness import running_server

BOUND = 40
HISTORY = 3000  # stored events of one call: 75 times the bound
LINE = "Thank you for waiting, I am looking at your order and the delivery address now. " * 6


def store_long_call(server, call_id: str) -> None:
    server.live(CallStarted(call_id, 1, 0.0, source="raw", metadata={"agent_id": "a"}))
    for seq in range(2, HISTORY):
        server.live(TranscriptFinal(call_id, seq, float(seq), speaker="agent", text=LINE))
    server.live(CallEnded(call_id, HISTORY, float(HISTORY), duration=float(HISTORY)))


def watch_queue_depths(server, before: set[int]) -> list[int]:
    """Every queue depth of the newest hub client, seen each time something is queued for it."""
    (client,) = [c for c in server.hub.clients.values() if c.id not in before]
    depths: list[int] = []
    wake = client.wake

    def measured_wake() -> None:
        depths.append(len(client.queue))
        wake()

    client.wake = measured_wake
    return depths


async def connect_reluctant_reader(url: str):
    """A client that reads as little as it can: a small receive buffer, one message held."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.setblocking(False)
    port = int(url.split(":")[2].split("/")[0])
    await asyncio.get_running_loop().sock_connect(sock, ("127.0.0.1", port))
    # It leaves unread what the server sent after `resume`: no point waiting to close cleanly.
    return await connect(url, sock=sock, max_queue=1, close_timeout=0.5)


async def read_until(ws, kind: str, timeout: float = 60.0) -> list[dict]:
    messages = []
    async with asyncio.timeout(timeout):
        while not messages or messages[-1].get("type") != kind:
            messages.append(json.loads(await ws.recv()))
    return messages


def test_a_client_that_never_reads_stays_bounded_and_others_are_served(tiny_en, tmp_path):
    tokens = TokenFile(tmp_path / "tokens.json")
    token = tokens.add("supervisor")

    async def scenario():
        async with running_server(
            tiny_en,
            store_path=str(tmp_path / "events.sqlite3"),
            tokens_file=str(tokens.path),
            client_queue=BOUND,
        ) as (server, _):
            store_long_call(server, "CA-long")
            url = f"ws://127.0.0.1:{server.ws_port}/events?token={token}"
            known = set(server.hub.clients)
            async with await connect_reluctant_reader(url) as slow:
                await asyncio.sleep(0.2)
                depths = watch_queue_depths(server, known)
                subscribe = json.dumps({"type": "subscribe", "call_id": "CA-long", "after_seq": 0})
                for _ in range(500):
                    await slow.send(subscribe)
                await asyncio.sleep(0.5)
                async with connect(url) as fast:  # reads as it should, meanwhile
                    await fast.send(subscribe)
                    history = await read_until(fast, "call.ended")
                    server.live(CallStarted("CA-live", 1, 0.0, source="raw"))
                    await fast.send(json.dumps({"type": "subscribe", "call_id": "CA-live"}))
                    live = await read_until(fast, "call.started")
                slow_messages = await read_until(slow, "resume")
            return depths, history, live, slow_messages, server.hub.dropped_clients

    depths, history, live, slow_messages, dropped = asyncio.run(scenario())
    assert depths and max(depths) <= BOUND, max(depths)
    assert dropped >= 1 and slow_messages[-1]["calls"] == ["CA-long"]
    events = [m["seq"] for m in history if "seq" in m and m["call_id"] == "CA-long"]
    assert events == list(range(1, HISTORY + 1))  # a reader gets a history 75 times the bound
    assert live[-1]["call_id"] == "CA-live"
