"""`kill -9` of a real `copilot serve` process mid-call, then a restart: nothing stored is lost."""

import asyncio
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys

from websockets.asyncio.client import connect

from copilot.audio.files import decode_file
from copilot.commands.simulate import play_twilio, twilio_messages
from copilot.serve.auth import TokenFile
from copilot.serve.database import Database
from tests.conftest import fixture_path
from tests.serve.server_harness import wait_healthy

CALL = fixture_path("call_escalating_en.wav")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(config_path, log_path) -> subprocess.Popen:
    with open(log_path, "ab") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "copilot.cli", "serve", "--config", str(config_path)],
            stdout=subprocess.DEVNULL,
            stderr=log,
        )


def stored(store_url, call_id: str) -> list[tuple[int, str]]:
    db = Database(store_url)
    try:
        return db.rows("SELECT seq, json FROM events WHERE call_id = ? ORDER BY seq", (call_id,))
    finally:
        db.close()


def finals_stored(store_url, call_id: str) -> int:
    try:
        return sum(1 for _, text in stored(store_url, call_id) if '"transcript.final"' in text)
    except (sqlite3.OperationalError, psycopg_errors()):  # no tables yet: the server is starting
        return 0


def psycopg_errors() -> type[Exception]:
    try:
        import psycopg
    except ImportError:
        return sqlite3.OperationalError
    return psycopg.errors.UndefinedTable


async def feed_half_a_call(port: int, call_id: str, db_path, finals: int) -> None:
    """Stream the first half of a call and hold the socket open until `finals` are stored."""
    messages = list(twilio_messages(decode_file(CALL), call_id, {"agent_id": "agent-k"}))
    half = [m for m in messages if m.t < 30.0]
    ws = await connect(f"ws://127.0.0.1:{port}/twilio", max_size=None)
    for item in half:
        await ws.send(item.message)
    while finals_stored(db_path, call_id) < finals:
        await asyncio.sleep(0.1)
    # The socket stays open: the call is live when the server is killed.


async def watch(port: int, token: str, call_id: str, after_seq: int = 0) -> list[str]:
    received = []
    async with connect(f"ws://127.0.0.1:{port}/events?token={token}") as ws:
        await ws.send(json.dumps({"type": "subscribe", "call_id": call_id, "after_seq": after_seq}))
        async with asyncio.timeout(60):
            while True:
                text = await ws.recv()
                message = json.loads(text)
                if "seq" in message:
                    received.append(text)
                    if message["type"] == "call.ended":
                        return received


def test_killed_server_serves_every_stored_event_after_restart(tmp_path, store_url):
    """On either backend; the worker keeps its name across the restart, so it ends its own calls."""
    port = free_port()
    db_path = store_url
    tokens = TokenFile(tmp_path / "tokens.json")
    token = tokens.add("agent", "agent-k")
    config = tmp_path / "copilot.toml"
    config.write_text(
        f'language = "en"\nstages = ["affect"]\n'
        f"[serve]\nport = {port}\naudiosocket_customer_port = -1\naudiosocket_agent_port = -1\n"
        f'[auth]\ntokens_file = "{tokens.path}"\n[store]\nurl = "{db_path}"\n'
        '[relay]\nworker_id = "worker-k"\n',
        encoding="utf-8",
    )
    log = tmp_path / "serve.log"
    first = start_server(config, log)
    try:
        wait_healthy(port, first)
        asyncio.run(asyncio.wait_for(feed_half_a_call(port, "CA-kill", db_path, 3), 120))
        os.kill(first.pid, signal.SIGKILL)
        first.wait(10)
    finally:
        if first.poll() is None:
            first.kill()
    before = stored(db_path, "CA-kill")
    assert before and before[0][0] == 1 and not any('"call.ended"' in t for _, t in before)

    second = start_server(config, log)
    try:
        wait_healthy(port, second)
        served = asyncio.run(watch(port, token, "CA-kill"))
        # The same call id streamed again (a platform reconnecting) continues the numbering.
        asyncio.run(
            play_twilio(
                f"ws://127.0.0.1:{port}/twilio",
                decode_file(fixture_path("stereo_diarization.wav")),
                "CA-kill",
                realtime=False,
                parameters={"agent_id": "agent-k"},
            )
        )
        resumed = asyncio.run(watch(port, token, "CA-kill", after_seq=len(served)))
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(30)

    assert served[: len(before)] == [text for _, text in before]
    closing = json.loads(served[-1])
    assert len(served) == len(before) + 1 and closing["reason"] == "server_restart"
    seqs = [json.loads(t)["seq"] for t in served + resumed]
    assert seqs == list(range(1, len(seqs) + 1))
    assert json.loads(resumed[0])["type"] == "call.started"
