"""`copilot serve` on real loopback sockets with the real model: every ingest protocol, bad input."""

import asyncio
import json
import urllib.error
import urllib.request
import uuid

import numpy as np
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from copilot.audio.files import decode_file
from copilot.commands.simulate import narrowband, play_raw, play_twilio, twilio_messages
from copilot.telephony import audiosocket as packets
from copilot.telephony.g711 import ulaw_encode
from tests.conftest import fixture_path
from tests.serve.server_harness import running_server

STEREO = fixture_path("stereo_diarization.wav")


def run(coro):
    return asyncio.run(coro)


def http_get(url: str) -> tuple[int, str]:
    """Blocking GET for a worker thread (the server shares the test's event loop)."""
    status, _, body = http_call(url)
    return status, body


def http_call(url: str, method: str = "GET") -> tuple[int, dict, str]:
    """Blocking request for a worker thread: status, headers, body."""
    try:
        with urllib.request.urlopen(
            urllib.request.Request(url, method=method), timeout=10
        ) as reply:
            return reply.status, dict(reply.headers), reply.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read().decode()


def test_twilio_stereo_call_gives_per_speaker_transcripts(tiny_en):
    async def scenario():
        async with running_server(tiny_en) as (server, events):
            url = f"ws://127.0.0.1:{server.ws_port}/twilio"
            await play_twilio(
                url,
                decode_file(STEREO),
                "CA-twilio-1",
                realtime=False,
                parameters={"agent_id": "agent-7"},
            )
            await events.wait_for("CA-twilio-1", "call.ended")
            return events

    events = run(scenario())
    started = events.of("CA-twilio-1", "call.started")[0]
    assert started.source == "twilio" and started.metadata["agent_id"] == "agent-7"
    assert "wizard" in events.texts("CA-twilio-1", "agent")
    assert "horizon" in events.texts("CA-twilio-1", "customer")
    assert "horizon" not in events.texts("CA-twilio-1", "agent")
    seqs = [e.seq for e in events.of("CA-twilio-1")]
    assert seqs == list(range(1, len(seqs) + 1))


def test_live_call_stream_carries_affect_and_alerts(tiny_en):
    async def scenario():
        async with running_server(tiny_en) as (server, events):
            # Wideband /ingest, not 8 kHz Twilio: tiny.en mishears the synthetic caller on a
            # phone line ("speak to your mind"), and this test is about the stages, not the codec.
            url = f"ws://127.0.0.1:{server.ws_port}/ingest"
            call = decode_file(fixture_path("call_escalating_en.wav"))
            assert await play_raw(url, call, "CA-affect", realtime=False) == []
            await events.wait_for("CA-affect", "call.ended", timeout=120)
            return events

    events = run(scenario())
    finals = events.of("CA-affect", "transcript.final")
    affects = events.of("CA-affect", "affect")
    assert {a.utterance_id for a in affects} == {f.utterance_id for f in finals}
    # live audio reaches the voice side of the stage: every utterance has prosody
    assert all(a.voice and a.voice["loudness_db"] < 0 for a in affects)
    levels = [a.level for a in events.of("CA-affect", "alert")]
    assert "early_warning" in levels and "escalate" in levels


def test_malformed_twilio_messages_hurt_only_their_own_call(tiny_en):
    async def scenario():
        async with running_server(tiny_en) as (server, events):
            url = f"ws://127.0.0.1:{server.ws_port}/twilio"
            good = asyncio.create_task(
                play_twilio(url, decode_file(STEREO), "CA-good", realtime=False)
            )
            async with connect(url) as bad:
                messages = list(twilio_messages(decode_file(STEREO), "CA-bad"))
                await bad.send(messages[0].message)
                await bad.send(messages[1].message)
                for garbage in (
                    "{not json",
                    "[]",
                    '{"event": "media", "media": {"payload": "%%%"}}',
                    '{"event": "bogus"}',
                    "x" * 70000,
                ):
                    await bad.send(garbage)
                await bad.send(b"\x00\x01binary")
                await bad.send(messages[-1].message)
            await good
            await events.wait_for("CA-good", "call.ended")
            await events.wait_for("CA-bad", "call.ended")
            health = await asyncio.to_thread(http_get, f"http://127.0.0.1:{server.ws_port}/healthz")
            return events, json.loads(health[1])

    events, health = run(scenario())
    assert "wizard" in events.texts("CA-good", "agent")
    assert events.of("CA-good", "error") == []
    codes = {e.code for e in events.of("CA-bad", "error")}
    assert len(codes) >= 3
    assert health["status"] == "ok"


def test_audiohook_session_with_internal_first_channel_order(tiny_en):
    call = decode_file(STEREO)
    legs = narrowband(call)
    session_id = str(uuid.uuid4())

    def message(kind, seq, **parameters):
        return json.dumps(
            {
                "version": "2",
                "id": session_id,
                "type": kind,
                "seq": seq,
                "serverseq": 0,
                "position": "PT0S",
                "parameters": parameters,
            }
        )

    async def scenario():
        async with running_server(tiny_en) as (server, events):
            async with connect(f"ws://127.0.0.1:{server.ws_port}/audiohook") as ws:
                media = [
                    {
                        "type": "audio",
                        "format": "PCMU",
                        "channels": ["internal", "external"],
                        "rate": 8000,
                    }
                ]
                await ws.send(
                    message(
                        "open",
                        1,
                        organizationId=str(uuid.uuid4()),
                        conversationId="conv-42",
                        participant={"id": "p1"},
                        media=media,
                        language="en-US",
                    )
                )
                opened = json.loads(await ws.recv())
                await ws.send(message("ping", 2))
                pong = json.loads(await ws.recv())
                # 200 ms frames of interleaved PCMU: channel 0 = internal (agent), 1 = external.
                step = 1600
                for i in range(0, len(legs["agent"]), step):
                    frame = np.stack(
                        [legs["agent"][i : i + step], legs["customer"][i : i + step]], 1
                    )
                    await ws.send(ulaw_encode(frame.reshape(-1)))
                await ws.send(message("close", 3, reason="end"))
                closed = json.loads(await ws.recv())
            await events.wait_for("conv-42", "call.ended")
            return events, opened, pong, closed

    events, opened, pong, closed = run(scenario())
    assert opened["type"] == "opened" and opened["clientseq"] == 1
    assert opened["parameters"]["media"][0]["channels"] == ["internal", "external"]
    assert pong["type"] == "pong" and pong["clientseq"] == 2
    assert closed["type"] == "closed"
    assert "wizard" in events.texts("conv-42", "agent")
    assert "horizon" in events.texts("conv-42", "customer")


async def play_audiosocket(host: str, ports: dict[str, int], call_uuid: str) -> None:
    """The stereo call over one TCP connection per leg, as Asterisk opens them, same UUID."""

    async def one_leg(leg: str, pcm: np.ndarray) -> None:
        _, writer = await asyncio.open_connection(host, ports[leg])
        writer.write(packets.build_uuid(call_uuid) + packets.build_audio(pcm))
        writer.write(packets.build_hangup())
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    legs = narrowband(decode_file(STEREO))
    await asyncio.gather(*(one_leg(leg, pcm) for leg, pcm in legs.items()))


def test_audiosocket_legs_pair_by_uuid_and_survive_split_packets(tiny_en):
    call_uuid = str(uuid.uuid4())

    async def scenario():
        async with running_server(tiny_en) as (server, events):
            await play_audiosocket("127.0.0.1", server.audiosocket_ports, call_uuid)
            await events.wait_for(call_uuid, "call.ended")
            # A second call whose bytes arrive split at awkward boundaries.
            other = str(uuid.uuid4())
            pcm = narrowband(decode_file(fixture_path("jfk.flac")))["customer"]
            stream = packets.build_uuid(other) + packets.build_audio(pcm) + packets.build_hangup()
            reader, writer = await asyncio.open_connection(
                "127.0.0.1", server.audiosocket_ports["customer"]
            )
            for i in range(0, len(stream), 997):
                writer.write(stream[i : i + 997])
                await writer.drain()
            writer.close()
            await events.wait_for(other, "call.ended")
            return events, other

    events, other = run(scenario())
    assert "wizard" in events.texts(call_uuid, "agent")
    assert "horizon" in events.texts(call_uuid, "customer")
    assert "what your country can do for you" in events.texts(other, "customer")


def test_raw_ingest_and_its_error_replies(tiny_en):
    async def scenario():
        async with running_server(tiny_en) as (server, events):
            url = f"ws://127.0.0.1:{server.ws_port}/ingest"
            replies = await play_raw(url, decode_file(STEREO), "raw-1", realtime=False)
            await events.wait_for("raw-1", "call.ended")
            async with connect(url) as ws:
                await ws.send(
                    json.dumps(
                        {"type": "start", "call_id": "raw-2", "sample_rate": 11025, "channels": 1}
                    )
                )
                wrong_rate = json.loads(await ws.recv())
                await ws.send(b"\x00" * 100)
                before_start = json.loads(await ws.recv())
                await ws.send(
                    json.dumps(
                        {"type": "start", "call_id": "raw-2", "sample_rate": 16000, "channels": 1}
                    )
                )
                await ws.send(b"\x00" * (16000 * 2 + 2))
                oversized = json.loads(await ws.recv())
                await ws.send(b"\x00" * 3)
                odd = json.loads(await ws.recv())
            return events, replies, wrong_rate, before_start, oversized, odd

    events, replies, wrong_rate, before_start, oversized, odd = run(scenario())
    assert replies == []
    assert "wizard" in events.texts("raw-1", "agent")
    assert wrong_rate["type"] == "error" and "11025" in wrong_rate["message"]
    assert before_start["code"] == "before_start"
    assert oversized["code"] == "oversized_frame"
    assert odd["code"] == "partial_frame"


def test_hangup_mid_utterance_still_gives_its_final_transcript(tiny_en):
    call = decode_file(fixture_path("jfk.flac"))
    cut = type(call)({"customer": call.legs["customer"][: 16000 * 4]}, 16000, 1, "cut")

    async def scenario():
        async with running_server(tiny_en) as (server, events):
            url = f"ws://127.0.0.1:{server.ws_port}/twilio"
            async with connect(url) as ws:
                for item in list(twilio_messages(cut, "CA-cut"))[:-1]:  # no `stop`: line drops
                    await ws.send(item.message)
            await events.wait_for("CA-cut", "call.ended")
            return events

    events = run(scenario())
    assert "fellow america" in events.texts("CA-cut", "customer")
    assert events.of("CA-cut", "call.ended")[0].reason == "disconnected"


def test_ingest_key_is_required_when_configured(tiny_en):
    async def scenario():
        async with running_server(tiny_en, ingest_api_key="s3cret") as (server, events):
            base = f"ws://127.0.0.1:{server.ws_port}"
            with pytest.raises(InvalidStatus) as refused:
                async with connect(f"{base}/ingest"):
                    pass
            with pytest.raises(InvalidStatus):
                async with connect(f"{base}/ingest", additional_headers={"X-API-KEY": "wrong"}):
                    pass
            async with connect(f"{base}/twilio?key=s3cret") as ws:
                await ws.send(
                    json.dumps({"event": "connected", "protocol": "Call", "version": "0.2.0"})
                )
            async with connect(f"{base}/ingest", additional_headers={"X-API-KEY": "s3cret"}) as ws:
                await ws.send(
                    json.dumps(
                        {"type": "start", "call_id": "k", "sample_rate": 8000, "channels": 1}
                    )
                )
                await ws.send(np.zeros(800, "<i2").tobytes())
            await events.wait_for("k", "call.ended")
            return refused.value.response.status_code, events

    status, events = run(scenario())
    assert status == 401
    assert events.of("k", "call.started")[0].source == "raw"


def test_twilio_brings_the_ingest_key_as_a_stream_parameter(tiny_en):
    """Twilio's <Stream url> takes no query string and no headers: the key is a <Parameter>."""
    short = decode_file(fixture_path("jfk.flac"))
    short = type(short)({"customer": short.legs["customer"][:8000]}, 16000, 1, "short")

    async def scenario():
        async with running_server(tiny_en, ingest_api_key="s3cret") as (server, events):
            url = f"ws://127.0.0.1:{server.ws_port}/twilio"
            await play_twilio(url, short, "CA-keyed", realtime=False, parameters={"key": "s3cret"})
            await events.wait_for("CA-keyed", "call.ended")
            closed = []
            for name, params in (("CA-nokey", {}), ("CA-wrongkey", {"key": "guess"})):
                async with connect(url) as ws:  # let in: the key may still come at `start`
                    for item in list(twilio_messages(short, name, params))[:3]:
                        await ws.send(item.message)
                    await ws.wait_closed()
                    closed.append(ws.close_code)
            return events, closed

    events, closed = run(scenario())
    started = events.of("CA-keyed", "call.started")[0]
    assert "key" not in started.metadata and "s3cret" not in json.dumps(started.to_dict())
    assert closed == [1008, 1008]
    assert events.of("CA-nokey") == [] and events.of("CA-wrongkey") == []


def test_duplicate_live_call_id_is_refused(tiny_en):
    async def scenario():
        async with running_server(tiny_en) as (server, events):
            url = f"ws://127.0.0.1:{server.ws_port}/ingest"
            start = json.dumps(
                {"type": "start", "call_id": "dup", "sample_rate": 16000, "channels": 1}
            )
            async with connect(url) as first, connect(url) as second:
                await first.send(start)
                await asyncio.sleep(0.1)
                await second.send(start)
                reply = json.loads(await second.recv())
            return reply

    reply = run(scenario())
    assert reply["code"] == "duplicate_call"


def test_unknown_path_and_plain_http_get_clear_answers(tiny_en):
    async def scenario():
        async with running_server(tiny_en) as (server, _):
            base = f"http://127.0.0.1:{server.ws_port}"
            return [await asyncio.to_thread(http_get, base + p) for p in ("/nowhere", "/twilio")]

    (missing, missing_body), (upgrade, upgrade_body) = run(scenario())
    assert missing == 404 and "/nowhere" in missing_body
    assert upgrade == 426 and "websocket" in upgrade_body


def test_twilio_next_needs_the_ingest_key_and_a_call_sid(tiny_en):
    """`<Connect action>`'s route: protected like ingest, clear 4xx, a safe default for unknown calls."""

    async def scenario():
        async with running_server(tiny_en, ingest_api_key="s3cret") as (server, _):
            url = f"http://127.0.0.1:{server.ws_port}/twilio/next"
            asks = [
                (url + "?CallSid=CA1", "GET"),
                (url + "?key=wrong&CallSid=CA1", "GET"),
                (url + "?key=s3cret&From=%2B31612345678", "GET"),
                (url + "?key=s3cret&CallSid=CA%3C%3E", "GET"),
                (url + "?key=s3cret&CallSid=CA1", "POST"),
                (url + "?key=s3cret&CallSid=CA-never-seen&CallStatus=in-progress", "GET"),
            ]
            return [await asyncio.to_thread(http_call, u, m) for u, m in asks]

    no_key, wrong_key, no_sid, bad_sid, post, unknown = run(scenario())
    assert no_key[0] == wrong_key[0] == 401 and "ingest API key" in no_key[2]
    assert no_sid[0] == 400 and "CallSid missing" in no_sid[2]
    assert bad_sid[0] == 400 and "not a call id" in bad_sid[2]
    assert post[0] == 405 and post[1]["Allow"] == "GET" and 'method="GET"' in post[2]
    status, headers, body = unknown
    assert status == 200 and headers["Content-Type"].startswith("text/xml")
    assert "<Response><Enqueue>customer_service</Enqueue></Response>" in body  # a person takes it
