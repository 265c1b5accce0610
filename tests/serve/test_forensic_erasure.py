"""Erasure as a privacy auditor tries it: a byte search of every place copilot writes.

A real `copilot serve` process takes a phone call (Twilio, real whisper), two chats (EN and
NL) full of one customer's personal data, the agent's personal replies (feedback that the
server learns from), a second contact with the same intent (its draft must not carry the
first customer's words), a call id that streams in again with other metadata, and a QA
replay of the same recording. Before erasure every needle is found where it should be (so
the search can find them); after `copilot erase --metadata customer_id=…`, with the server
still running and again after it stops, no needle is left in any byte of: the store files
(SQLite with its -wal/-shm, or `pg_dump` and `pg_stats` of PostgreSQL), Redis (`DUMP` of the
relay's stream and a fresh, uncompressed RDB snapshot), the event log, the server's own
output, the learner's feedback database, the replay folder, and a new supervisor's call list.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from websockets.asyncio.client import connect

from copilot.audio.files import decode_file
from copilot.commands.simulate import play_twilio
from copilot.serve.auth import TokenFile
from tests.conftest import fixture_path
from tests.serve.postgres_harness import _binary, fresh_database
from tests.serve.redis_harness import redis_server
from tests.serve.server_harness import wait_healthy
from tests.serve.test_live_server import Watcher
from tests.serve.test_server_restart import free_port

redis = pytest.importorskip("redis")

COPILOT = [sys.executable, "-m", "copilot.cli"]
RECORDING = fixture_path("stereo_diarization.wav")
CUSTOMER = "C-998877"
AUDIO_CALL = "CA-forensic-audio-4711"
CHAT_EN = "CHAT-forensic-en-4711"
CHAT_NL = "CHAT-forensic-nl-4711"
# Words that only this customer's contacts hold: ids, a surname, a rare phrase per language.
NEEDLES = [AUDIO_CALL, CHAT_EN, CHAT_NL, CUSTOMER, "Quiggly", "zanzibar quokka", "walrusdoos"]
STREAM = "copilot:events"


def chat_turns(language: str) -> list[str]:
    if language == "en":
        return [
            f"Hello, this is Mr Quiggly, customer number {CUSTOMER}.",
            "Where is my parcel? My zanzibar quokka parcel has not arrived yet.",
        ]
    return [
        f"Goedemiddag, u spreekt met mevrouw Quiggly, klantnummer {CUSTOMER}.",
        "Waar blijft mijn pakketje? Mijn paarse walrusdoos is nog steeds niet bezorgd.",
    ]


SENT_REPLY = {
    "en": f"Dear Mr Quiggly,\n\nYour zanzibar quokka parcel (customer {CUSTOMER}) will be"
    " found and delivered tomorrow.\n\nKind regards,\nVlotpost customer service\n",
    "nl": f"Beste mevrouw Quiggly,\n\nUw paarse walrusdoos (klant {CUSTOMER}) wordt gezocht en"
    " morgen bezorgd.\n\nMet vriendelijke groet,\nKlantenservice Vlotpost\n",
}
OTHER_TURNS = {
    "en": ["Hi, where is my parcel? It has not arrived yet."],
    "nl": ["Hallo, waar blijft mijn pakketje? Het is nog niet bezorgd."],
}


class Backend:
    """Where the store (and the relay) live, and how to read every byte they hold."""

    def __init__(self, kind: str, tmp_path: Path, postgres: str | None) -> None:
        self.kind = kind
        self.tmp = tmp_path
        self.store_url = (
            str(tmp_path / "store" / "events.sqlite3")
            if kind == "sqlite"
            else fresh_database(postgres)
        )

    def store_bytes(self) -> bytes:
        if self.kind == "sqlite":
            return b"".join(
                path.read_bytes() for path in (self.tmp / "store").glob("events.sqlite3*")
            )
        dump = subprocess.run(
            [_binary("pg_dump"), "--data-only", self.store_url],
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout
        import psycopg

        with psycopg.connect(self.store_url, autocommit=True) as conn:
            stats = conn.execute(
                "SELECT tablename, attname, most_common_vals::text, histogram_bounds::text"
                " FROM pg_stats WHERE schemaname = 'public'"
            ).fetchall()
        return dump + json.dumps(stats, default=str).encode()


def redis_bytes(url: str, workdir: Path) -> bytes:
    """The relay stream as DUMP serialises it, and a fresh RDB snapshot, both uncompressed."""
    client = redis.Redis.from_url(url)
    try:
        client.config_set("rdbcompression", "no")
        dumped = client.dump(STREAM) or b""
        before = client.lastsave()
        client.bgsave()
        deadline = time.monotonic() + 30
        while client.lastsave() == before and time.monotonic() < deadline:
            time.sleep(0.1)
        rdb = Path(client.config_get("dir")["dir"]) / client.config_get("dbfilename")["dbfilename"]
        return dumped + rdb.read_bytes()
    finally:
        client.close()


def files_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def hits(blob: bytes, needles: list[str]) -> list[str]:
    lowered = blob.lower()
    return [n for n in needles if n.lower().encode() in lowered]


def write_config(tmp_path: Path, backend: Backend, relay_url: str, port: int) -> Path:
    text = f"""
language = "en"
stages = ["affect", "assist"]
[serve]
port = {port}
audiosocket_customer_port = -1
audiosocket_agent_port = -1
event_log = "{tmp_path / "log" / "events.jsonl"}"
[store]
url = "{backend.store_url}"
erasure_poll_s = 0.2
[auth]
tokens_file = "{tmp_path / "tokens.json"}"
[assist]
feedback_db = "{tmp_path / "learned" / "feedback.sqlite3"}"
"""
    if relay_url:
        text += f'[relay]\nurl = "{relay_url}"\n'
    (tmp_path / "log").mkdir(exist_ok=True)
    (tmp_path / "learned").mkdir(exist_ok=True)
    path = tmp_path / "copilot.toml"
    path.write_text(text)
    return path


class Sidebar(Watcher):
    """An /events client that keeps every message and finds one it already has."""

    async def until(self, predicate, timeout: float = 90.0) -> dict:
        for message in self.messages:
            if predicate(message):
                return message
        return await super().until(predicate, timeout)

    async def call_list(self) -> list[dict]:
        await self.send({"type": "calls"})
        self.messages.clear()
        return (await self.until(lambda m: m.get("type") == "calls"))["calls"]


async def chat(port: int, key: str, call_id: str, language: str, metadata: dict, turns) -> None:
    async with connect(f"ws://127.0.0.1:{port}/chat?key={key}") as ws:
        start = {"type": "start", "call_id": call_id, "language": language, "metadata": metadata}
        await ws.send(json.dumps(start))
        for text in turns:
            await ws.send(json.dumps({"type": "turn", "speaker": "customer", "text": text}))
        await ws.send(json.dumps({"type": "stop"}))


def is_draft(call_id: str):
    return lambda m: m.get("type") == "draft" and m.get("call_id") == call_id


async def send_personal_reply(agent: Sidebar, call_id: str, language: str) -> dict:
    await agent.send({"type": "subscribe", "call_id": call_id, "after_seq": 0})
    draft = await agent.until(is_draft(call_id))
    await agent.send(
        {
            "type": "feedback",
            "call_id": call_id,
            "target": "draft",
            "target_id": draft["suggestion_id"],
            "action": "send",
            "text": SENT_REPLY[language],
            "ref": f"sent-{call_id}",
        }
    )
    await agent.until(
        lambda m: m.get("type") == "feedback.ack" and m.get("ref") == f"sent-{call_id}"
    )
    return draft


async def the_contacts(port: int, tokens: dict[str, str]) -> dict:
    """Every way the customer's data comes in; returns what a test checks afterwards."""
    agent = await Sidebar.open(port, tokens["agent"])
    personal = {"agent_id": "agent-q", "customer_id": CUSTOMER, "name": "Quiggly"}
    await play_twilio(
        f"ws://127.0.0.1:{port}/twilio",
        decode_file(RECORDING),
        AUDIO_CALL,
        realtime=False,
        parameters={"agent_id": "agent-q", "customer_id": CUSTOMER, "key": tokens["ingest"]},
    )
    await agent.send({"type": "subscribe", "call_id": AUDIO_CALL, "after_seq": 0})
    await agent.until(lambda m: m.get("type") == "call.ended" and m.get("call_id") == AUDIO_CALL)
    heard = [
        m["text"]
        for m in agent.messages
        if m.get("type") == "transcript.final" and m.get("call_id") == AUDIO_CALL and m["text"]
    ]
    for call_id, language in ((CHAT_EN, "en"), (CHAT_NL, "nl")):
        await chat(port, tokens["ingest"], call_id, language, personal, chat_turns(language))
        await send_personal_reply(agent, call_id, language)
    # The next customers with the same intent: their drafts are written after the learning.
    others = {}
    other_agent = await Sidebar.open(port, tokens["other"])
    for language in ("en", "nl"):
        call_id = f"CHAT-other-{language}"
        metadata = {"agent_id": "agent-o", "customer_id": f"C-other-{language}"}
        await chat(port, tokens["ingest"], call_id, language, metadata, OTHER_TURNS[language])
        await other_agent.send({"type": "subscribe", "call_id": call_id, "after_seq": 0})
        others[language] = await other_agent.until(is_draft(call_id))
    await other_agent.ws.close()
    # The same call id streams in again, with other metadata (a platform reusing ids).
    await chat(
        port,
        tokens["ingest"],
        CHAT_EN,
        "en",
        {"agent_id": "agent-q", "customer_id": "C-000111"},
        ["One more thing about my parcel."],
    )
    await agent.ws.close()
    return {"heard": heard, "others": others}


def replay(config: Path, tmp_path: Path) -> Path:
    recordings = tmp_path / "recordings"
    recordings.mkdir()
    shutil.copy(RECORDING, recordings / f"{AUDIO_CALL}.wav")
    out = tmp_path / "qa"
    done = subprocess.run(
        [*COPILOT, "replay", str(recordings), "--out", str(out), "--workers", "1"]
        + ["--config", str(config)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return out


def erase(config: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*COPILOT, "erase", *args, "--config", str(config)],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_after_erasure_no_byte_of_the_caller_is_left_anywhere(kind, tmp_path, request):
    postgres = request.getfixturevalue("postgres") if kind == "postgresql" else None
    backend = Backend(kind, tmp_path, postgres)
    token_file = TokenFile(tmp_path / "tokens.json")
    tokens = {
        "agent": token_file.add("agent", "agent-q"),
        "other": token_file.add("agent", "agent-o"),
        "supervisor": token_file.add("supervisor"),
        "ingest": token_file.add("ingest"),
    }
    with redis_server(tmp_path) as relay_url:
        relay_url = relay_url if kind == "postgresql" else ""
        port = free_port()
        config = write_config(tmp_path, backend, relay_url, port)
        out_path, err_path = tmp_path / "serve.out", tmp_path / "serve.err"
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            server = subprocess.Popen(
                [*COPILOT, "serve", "--config", str(config)], stdout=out, stderr=err
            )
        try:
            wait_healthy(port, server)
            seen = asyncio.run(the_contacts(port, tokens))
            qa = replay(config, tmp_path)

            needles = NEEDLES + [max(seen["heard"], key=len)]  # the caller's words, as heard
            places = {
                "store": backend.store_bytes,
                "event log": lambda: files_bytes(tmp_path / "log"),
                "learned": lambda: files_bytes(tmp_path / "learned"),
                "replay": lambda: files_bytes(qa),
            }
            if relay_url:
                places["redis"] = lambda: redis_bytes(relay_url, tmp_path)
            # The search works: before erasure each place holds the customer's data.
            for name, read in places.items():
                assert hits(read(), needles), f"{name}: the needles were never there"

            # Learning kept nothing personal: the next customers' drafts hold none of it.
            for language, draft in seen["others"].items():
                text = json.dumps(draft, ensure_ascii=False)
                assert not hits(text.encode(), NEEDLES), (language, draft)

            # The operations log names calls by pseudonym; `copilot call-ref` finds their lines.
            named = subprocess.run(
                [*COPILOT, "call-ref", AUDIO_CALL, "--config", str(config)],
                capture_output=True,
                text=True,
                timeout=60,
                check=True,
            )
            ref = named.stdout.split()[-1]
            assert f"call {ref} ended: source=twilio".encode() in err_path.read_bytes()

            refused = erase(config, "--metadata", "phone=[phone]")
            assert refused.returncode == 2 and "placeholder" in refused.stderr

            preview = erase(config, "--metadata", f"customer_id={CUSTOMER}", "--dry-run")
            assert preview.returncode == 0, preview.stderr
            assert "would erase from the store 3 call(s)" in preview.stdout

            done = erase(config, "--metadata", f"customer_id={CUSTOMER}", "--replay-dir", str(qa))
            assert done.returncode == 0, done.stderr
            assert "erased 3 call(s)" in done.stdout

            # The running server forgets them too: a supervisor connecting now never sees them.
            async def supervisor_list() -> list[str]:
                sup = await Sidebar.open(port, tokens["supervisor"])
                try:
                    return [c["call_id"] for c in await sup.call_list()]
                finally:
                    await sup.ws.close()

            deadline = time.monotonic() + 30
            while set(listed := asyncio.run(supervisor_list())) & {AUDIO_CALL, CHAT_EN, CHAT_NL}:
                assert time.monotonic() < deadline, listed
                time.sleep(0.2)
            assert {"CHAT-other-en", "CHAT-other-nl"} <= set(listed)
            time.sleep(1.0)  # one more housekeeping round after the board forgot them

            running = {name: hits(read(), needles) for name, read in places.items()}
            output = out_path.read_bytes() + err_path.read_bytes()
            running["server output"] = hits(output, needles)
            assert not any(running.values()), running
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=60)

        stopped = {name: hits(read(), needles) for name, read in places.items()}
        stopped["server output"] = hits(out_path.read_bytes() + err_path.read_bytes(), needles)
        assert not any(stopped.values()), stopped
