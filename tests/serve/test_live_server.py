"""/events on a real loopback server: who sees what, exactly-once resume, bad clients, /metrics."""

import asyncio
import json
import subprocess
import sys
import urllib.request

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from copilot.audio.files import decode_file
from copilot.commands.simulate import play_twilio
from copilot.serve.auth import TokenFile
from tests.conftest import fixture_path
from tests.serve.server_harness import running_server

SHORT = fixture_path("stereo_diarization.wav")
CALL = fixture_path("call_calm_en.wav")


def run(coro):
    return asyncio.run(coro)


@pytest.fixture()
def tokens(tmp_path):
    file = TokenFile(tmp_path / "tokens.json")
    return file, {
        "a": file.add("agent", "agent-a"),
        "b": file.add("agent", "agent-b"),
        "sup": file.add("supervisor"),
        "ingest": file.add("ingest"),
    }


class Watcher:
    """A test's /events client: keeps every message, can wait for one."""

    def __init__(self, ws):
        self.ws = ws
        self.messages: list[dict] = []

    @classmethod
    async def open(cls, port: int, token: str) -> "Watcher":
        return cls(await connect(f"ws://127.0.0.1:{port}/events?token={token}"))

    async def send(self, message) -> None:
        await self.ws.send(message if isinstance(message, str | bytes) else json.dumps(message))

    async def until(self, predicate, timeout: float = 60.0) -> dict:
        async with asyncio.timeout(timeout):
            while True:
                message = json.loads(await self.ws.recv())
                self.messages.append(message)
                if predicate(message):
                    return message

    def events(self, call_id: str) -> list[dict]:
        return [m for m in self.messages if m.get("call_id") == call_id and "seq" in m]


def ended(call_id):
    return lambda m: m.get("type") == "call.ended" and m.get("call_id") == call_id


async def play(port: int, path, call_id: str, agent: str, key: str = "") -> None:
    url = f"ws://127.0.0.1:{port}/twilio" + (f"?key={key}" if key else "")
    await play_twilio(
        url, decode_file(path), call_id, realtime=False, parameters={"agent_id": agent}
    )


def test_agents_see_only_their_calls_and_supervisors_all(tiny_en, tmp_path, tokens):
    token_file, t = tokens

    async def scenario():
        async with running_server(tiny_en, tokens_file=str(token_file.path)) as (server, log):
            port = server.ws_port
            a, b, sup = [await Watcher.open(port, t[k]) for k in ("a", "b", "sup")]
            for w in (a, b, sup):
                await w.until(lambda m: m["type"] == "calls")
            await play(port, SHORT, "CA-a", "agent-a", key=t["ingest"])
            await play(port, SHORT, "CA-b", "agent-b", key=t["ingest"])
            await log.wait_for("CA-b", "call.ended")
            await log.wait_for("CA-a", "call.ended")
            await a.send({"type": "subscribe", "call_id": "CA-a", "after_seq": 0})
            await a.until(ended("CA-a"))
            await a.send({"type": "subscribe", "call_id": "CA-b", "after_seq": 0})
            refused = await a.until(lambda m: m["type"] == "error")
            await sup.send({"type": "subscribe", "call_id": "CA-b", "after_seq": 0})
            await sup.until(ended("CA-b"))
            await sup.send({"type": "calls"})
            sup_calls = await sup.until(lambda m: m["type"] == "calls")
            await b.send({"type": "calls"})
            b_calls = await b.until(lambda m: m["type"] == "calls")
            await a.send(
                {
                    "type": "feedback",
                    "call_id": "CA-b",
                    "target": "alert",
                    "target_id": 1,
                    "action": "accept",
                }
            )
            feedback_refused = await a.until(lambda m: m["type"] == "error")
            for w in (a, b, sup):
                await w.ws.close()
            return a, b, sup, refused, sup_calls, b_calls, feedback_refused

    a, b, sup, refused, sup_calls, b_calls, feedback_refused = run(scenario())
    assert a.events("CA-a") and not a.events("CA-b")
    assert refused["code"] == "unknown_call" and feedback_refused["code"] == "unknown_call"
    summaries_a = {m["call"]["call_id"] for m in a.messages if m["type"] == "call.summary"}
    summaries_b = {m["call"]["call_id"] for m in b.messages if m["type"] == "call.summary"}
    assert summaries_a == {"CA-a"} and summaries_b == {"CA-b"}
    assert {c["call_id"] for c in b_calls["calls"]} == {"CA-b"}
    assert {c["call_id"] for c in sup_calls["calls"]} == {"CA-a", "CA-b"}
    assert sup.events("CA-b")[-1]["type"] == "call.ended"


def test_no_token_bad_token_and_bad_ingest_key_are_refused(tiny_en, tokens):
    token_file, t = tokens

    async def scenario():
        async with running_server(
            tiny_en, tokens_file=str(token_file.path), ingest_api_key="s3cret"
        ) as (server, log):
            port = server.ws_port
            statuses = {}
            for name, url in {
                "no token": f"ws://127.0.0.1:{port}/events",
                "bad token": f"ws://127.0.0.1:{port}/events?token=nope",
                "ingest token watching": f"ws://127.0.0.1:{port}/events?token={t['ingest']}",
                # (/twilio without a key is let in: its key may come as a <Parameter> at start)
                "no ingest key": f"ws://127.0.0.1:{port}/ingest",
                "bad ingest key": f"ws://127.0.0.1:{port}/twilio?key=wrong",
                "agent token as ingest key": f"ws://127.0.0.1:{port}/ingest?key={t['a']}",
            }.items():
                try:
                    async with connect(url):
                        statuses[name] = 101
                except InvalidStatus as exc:
                    statuses[name] = exc.response.status_code
            await play(port, SHORT, "CA-keyed", "agent-a", key="s3cret")
            await log.wait_for("CA-keyed", "call.ended")
            return statuses

    statuses = run(scenario())
    assert statuses == dict.fromkeys(statuses, 401), statuses


def test_reconnect_with_last_seq_gets_no_gap_and_no_duplicate(tiny_en, store_url, tokens):
    token_file, t = tokens
    store = store_url

    async def scenario():
        async with running_server(tiny_en, str(store), str(token_file.path)) as (server, log):
            port = server.ws_port
            player = asyncio.create_task(play(port, CALL, "CA-resume", "agent-a", key=t["ingest"]))
            await log.wait_for("CA-resume", "transcript.final")
            first = await Watcher.open(port, t["a"])
            await first.send({"type": "subscribe", "call_id": "CA-resume", "after_seq": 0})
            await first.until(lambda m: m.get("type") == "transcript.final")
            await first.ws.close()  # dropped mid-call
            last = first.events("CA-resume")[-1]["seq"]
            await asyncio.sleep(0.5)  # the call goes on without this client
            second = await Watcher.open(port, t["a"])
            await second.send({"type": "subscribe", "call_id": "CA-resume", "after_seq": last})
            await second.until(ended("CA-resume"), timeout=120)
            await player
            await second.ws.close()
            return first, second, [e.seq for e in log.of("CA-resume")], last

    first, second, produced, last = run(scenario())
    seen = [m["seq"] for m in first.events("CA-resume") + second.events("CA-resume")]
    assert seen == list(range(1, len(seen) + 1)) == produced
    assert second.events("CA-resume")[0]["seq"] == last + 1
    assert len(second.events("CA-resume")) > 3  # the second socket really resumed mid-call


def test_malformed_client_messages_get_errors_and_others_are_served(tiny_en, tokens):
    token_file, t = tokens
    garbage = [
        "{not json",
        "[]",
        '{"type": 7}',
        '{"type": "shout"}',
        '{"type": "subscribe"}',
        '{"type": "subscribe", "call_id": "CA-good", "after_seq": "zero"}',
        '{"type": "subscribe", "call_id": "CA-good", "after_seq": -4}',
        '{"type": "feedback", "call_id": "CA-good", "target": "alert", "target_id": 99999, "action": "accept"}',
        '{"type": "feedback", "call_id": "CA-good", "target": "mood", "target_id": "x", "action": "accept"}',
        b"\x00\x01binary",
        "x" * 50_000,
    ]

    async def scenario():
        async with running_server(tiny_en, tokens_file=str(token_file.path)) as (server, log):
            port = server.ws_port
            good = await Watcher.open(port, t["a"])
            bad = await Watcher.open(port, t["a"])
            player = asyncio.create_task(play(port, SHORT, "CA-good", "agent-a", key=t["ingest"]))
            await log.wait_for("CA-good", "call.started")
            await good.send({"type": "subscribe", "call_id": "CA-good", "after_seq": 0})
            for message in garbage:
                await bad.send(message)
            errors = [await bad.until(lambda m: m["type"] == "error") for _ in garbage]
            await bad.send({"type": "ping", "ref": 1})
            pong = await bad.until(lambda m: m["type"] == "pong")
            await good.until(ended("CA-good"))
            await player
            metrics = await asyncio.to_thread(
                lambda: urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics").read().decode()
            )
            return good, errors, pong, metrics, [e.seq for e in log.of("CA-good")]

    good, errors, pong, metrics, produced = run(scenario())
    assert len(errors) == len(garbage)
    assert {"bad_json", "bad_message", "unknown_type", "missing_field", "bad_field"} <= {
        e["code"] for e in errors
    }
    assert {"unknown_target", "bad_target", "binary_not_allowed"} <= {e["code"] for e in errors}
    assert pong["ref"] == 1
    assert [m["seq"] for m in good.events("CA-good")] == produced
    assert f"copilot_client_errors_total {len(garbage)}" in metrics
    assert 'copilot_events_total{type="call.ended"} 1' in metrics
    assert "copilot_transcript_latency_seconds_count" in metrics


def test_chat_turns_run_through_the_stages_and_bad_turns_get_errors(tiny_en, tokens):
    token_file, t = tokens
    turns = [
        {"type": "turn", "speaker": "agent", "text": "Good morning, how can I help you?"},
        {"type": "turn", "speaker": "customer", "text": "Where is my parcel? It is late."},
        {
            "type": "turn",
            "speaker": "customer",
            "text": "This is the third time I call, this is ridiculous!",
        },
    ]

    async def scenario():
        async with running_server(tiny_en, tokens_file=str(token_file.path)) as (server, log):
            port = server.ws_port
            async with connect(f"ws://127.0.0.1:{port}/chat?key={t['ingest']}") as chat:
                await chat.send(json.dumps({"type": "turn", "speaker": "agent", "text": "early"}))
                before_start = json.loads(await chat.recv())
                await chat.send(
                    json.dumps(
                        {"type": "start", "call_id": "chat-1", "metadata": {"agent_id": "agent-a"}}
                    )
                )
                for turn in turns:
                    await chat.send(json.dumps(turn))
                await chat.send(json.dumps({"type": "turn", "speaker": "robot", "text": "beep"}))
                bad_speaker = json.loads(await chat.recv())
                await chat.send(json.dumps({"type": "stop"}))
            await log.wait_for("chat-1", "call.ended")
            watcher = await Watcher.open(port, t["a"])
            await watcher.send({"type": "subscribe", "call_id": "chat-1", "after_seq": 0})
            await watcher.until(ended("chat-1"))
            await watcher.ws.close()
            return log, before_start, bad_speaker, watcher

    log, before_start, bad_speaker, watcher = run(scenario())
    assert before_start["code"] == "before_start" and bad_speaker["code"] == "bad_speaker"
    finals = log.of("chat-1", "transcript.final")
    assert [(f.speaker, f.text) for f in finals] == [(x["speaker"], x["text"]) for x in turns]
    affects = [e for e in log.of("chat-1", "affect") if e.speaker == "customer"]
    assert len(affects) == 2 and affects[1].frustration > affects[0].frustration
    assert log.of("chat-1", "call.started")[0].source == "chat"
    assert [m["seq"] for m in watcher.events("chat-1")] == [e.seq for e in log.of("chat-1")]


def test_simulate_agent_id_puts_the_call_on_that_agents_sidebar(tiny_en, tmp_path, tokens):
    """`copilot simulate --agent-id agent-a --metadata queue=billing`, over Twilio and over
    /ingest: agent a's sidebar connection is told of both calls and may follow them; agent
    b's is told of neither."""
    token_file, t = tokens

    async def simulate(url: str, call_id: str, protocol: str) -> int:
        process = await asyncio.create_subprocess_exec(
            *(sys.executable, "-m", "copilot.cli", "simulate", str(SHORT), "--fast"),
            *("--url", url, "--call-id", call_id, "--protocol", protocol),
            *("--agent-id", "agent-a", "--metadata", "queue=billing", "--metadata", "vip=yes"),
        )
        return await process.wait()

    async def scenario():
        async with running_server(tiny_en, tokens_file=str(token_file.path)) as (server, log):
            port = server.ws_port
            a, b = [await Watcher.open(port, t[k]) for k in ("a", "b")]
            for w in (a, b):
                await w.until(lambda m: m["type"] == "calls")
            base = f"ws://127.0.0.1:{port}"
            codes = [
                await simulate(f"{base}/twilio?key={t['ingest']}", "CA-sim-agent", "twilio"),
                await simulate(f"{base}/ingest?key={t['ingest']}", "raw-sim-agent", "raw"),
            ]
            for call_id in ("CA-sim-agent", "raw-sim-agent"):
                await log.wait_for(call_id, "call.ended")
                await a.send({"type": "subscribe", "call_id": call_id, "after_seq": 0})
                await a.until(ended(call_id))
            await b.send({"type": "calls"})
            b_calls = await b.until(lambda m: m["type"] == "calls")
            for w in (a, b):
                await w.ws.close()
            return codes, a, b, b_calls

    codes, a, b, b_calls = run(scenario())
    assert codes == [0, 0]
    told = {m["call"]["call_id"] for m in a.messages if m["type"] == "call.summary"}
    assert told == {"CA-sim-agent", "raw-sim-agent"}
    for call_id in told:
        started = a.events(call_id)[0]
        assert started["type"] == "call.started"
        metadata = started["metadata"]
        assert metadata["agent_id"] == "agent-a" and metadata["queue"] == "billing", metadata
        assert metadata["vip"] == "yes" and a.events(call_id)[-1]["type"] == "call.ended"
    assert not [m for m in b.messages if m["type"] == "call.summary"] and b_calls["calls"] == []


def test_simulate_refuses_metadata_without_a_value_sign():
    done = subprocess.run(
        [sys.executable, "-m", "copilot.cli", "simulate", str(SHORT), "--metadata", "queue"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and done.stderr.strip() == (
        "error: --metadata 'queue': expected KEY=VALUE"
    )
