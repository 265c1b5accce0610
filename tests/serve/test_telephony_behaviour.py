"""Telephony as the platforms really behave, on a real server with real sockets and whisper.

AudioSocket legs that connect seconds apart, Asterisk's error packets, bad packets in the
same TCP read as the UUID, silent connections; Twilio sessions with numbers where the
documentation says strings; and a tone-only session, whose `speech.started` must be closed.
"""

from __future__ import annotations

import asyncio
import json
import sys
import uuid

import numpy as np
from websockets.asyncio.client import connect

from copilot.audio.files import DecodedCall, decode_file
from copilot.audio.format import AGENT, CUSTOMER, PIPELINE_RATE
from copilot.commands.simulate import narrowband, play_raw, twilio_messages
from copilot.telephony import audiosocket as packets
from tests.conftest import fixture_path
from tests.serve.server_harness import running_server

LATE_S = 3.0  # the agent leg exists only once the call is answered


def run(coro):
    return asyncio.run(coro)


def jfk_8k() -> np.ndarray:
    return narrowband(decode_file(fixture_path("jfk.flac")))[CUSTOMER]


async def open_leg(server, leg: str, call_uuid: str):
    reader, writer = await asyncio.open_connection("127.0.0.1", server.audiosocket_ports[leg])
    writer.write(packets.build_uuid(call_uuid))
    await writer.drain()
    await asyncio.sleep(0.2)  # the server shares this loop: let it take the connection in
    return reader, writer


async def hang_up(writer) -> None:
    writer.write(packets.build_hangup())
    await writer.drain()
    await asyncio.sleep(0.2)  # as on a real line, the other leg's packets are read first
    writer.close()


def test_a_late_agent_leg_starts_at_the_call_time_it_connected(tiny_en):
    speech = jfk_8k()

    async def scenario():
        async with running_server(tiny_en) as (server, events):
            # Reference: the same agent audio on a leg that starts with the call.
            alone = str(uuid.uuid4())
            # Each reader is kept: a stream whose reader is collected gets closed.
            customer_in, customer = await open_leg(server, CUSTOMER, alone)
            agent_in, agent = await open_leg(server, AGENT, alone)
            agent.write(packets.build_audio(speech))
            await hang_up(agent)
            await hang_up(customer)
            await events.wait_for(alone, "call.ended")
            # The real case: the customer leg runs 3 s before the agent's socket connects.
            late = str(uuid.uuid4())
            customer_in, customer = await open_leg(server, CUSTOMER, late)
            customer.write(packets.build_audio(np.zeros(int(LATE_S * 8000), np.int16)))
            await customer.drain()
            await asyncio.sleep(0.5)  # the server has taken in the customer's 3 s
            agent_in, agent = await open_leg(server, AGENT, late)
            agent.write(packets.build_audio(speech))
            await hang_up(agent)
            await hang_up(customer)
            await events.wait_for(late, "call.ended")
            del customer_in, agent_in
            return events, alone, late

    events, alone, late = run(scenario())

    def first_agent_final(call_id):
        finals = [e for e in events.of(call_id, "transcript.final") if e.speaker == AGENT]
        assert finals, events.of(call_id)
        return finals[0]

    reference, shifted = first_agent_final(alone), first_agent_final(late)
    assert "country" in events.texts(late, AGENT)
    # Its words and its end, not its start: the start carries the segmenter's pre-roll, which
    # a leg starting at call time 0 cannot have, and whisper places the first word at it.
    moved = [
        b.start - a.start for a, b in zip(reference.words[1:], shifted.words[1:], strict=False)
    ]
    assert moved and abs(float(np.median(moved)) - LATE_S) <= 0.1, (reference, shifted)
    assert abs(shifted.end - (reference.end + LATE_S)) <= 0.1


def test_asterisk_error_packets_say_what_they_mean_and_end_the_call_as_they_should(tiny_en):
    async def scenario():
        async with running_server(tiny_en) as (server, events):
            calls = {}
            for code in (0x01, 0x02, None):
                call_uuid = str(uuid.uuid4())
                reader, writer = await open_leg(server, CUSTOMER, call_uuid)
                writer.write(packets.build_audio(np.zeros(800, np.int16)))
                writer.write(packets.build_error(code))
                await writer.drain()
                await events.wait_for(call_uuid, "call.ended")
                writer.close()
                calls[code] = call_uuid
                del reader
            return events, calls

    events, calls = run(scenario())
    expected = {
        0x01: ("hangup", "the calling party hung up"),
        0x02: ("error", "frame forwarding error"),
        None: ("error", "without a code"),
    }
    for code, (reason, meaning) in expected.items():
        [ended] = events.of(calls[code], "call.ended")
        [error] = events.of(calls[code], "error")
        assert ended.reason == reason and meaning in error.message, (code, ended, error)


def test_a_bad_packet_in_the_uuid_read_still_opens_the_call_and_reports_it(tiny_en):
    """Coalesced by TCP with the UUID, or in a read of its own: the same outcome."""

    async def one_call(server, events, split: bool) -> str:
        call_uuid = str(uuid.uuid4())
        first = packets.build_uuid(call_uuid) + packets.build_audio(np.zeros(800, np.int16))
        bad = packets.build_packet(0x42, b"x")
        _, writer = await asyncio.open_connection("127.0.0.1", server.audiosocket_ports[CUSTOMER])
        if split:
            writer.write(first)
            await writer.drain()
            await asyncio.sleep(0.2)
            writer.write(bad)
        else:
            writer.write(first + bad)
        await writer.drain()
        await events.wait_for(call_uuid, "call.ended")
        writer.close()
        return call_uuid

    async def scenario():
        async with running_server(tiny_en) as (server, events):
            return events, [await one_call(server, events, split) for split in (False, True)]

    events, calls = run(scenario())
    for call_uuid in calls:
        assert len(events.of(call_uuid, "call.started")) == 1
        [error] = events.of(call_uuid, "error")
        assert error.code == "unknown_kind" and "0x42" in error.message


def test_a_connection_that_never_sends_its_uuid_is_closed(tiny_en):
    async def scenario():
        async with running_server(tiny_en, audiosocket_uuid_timeout_s=0.5) as (server, events):
            reader, writer = await asyncio.open_connection(
                "127.0.0.1", server.audiosocket_ports[CUSTOMER]
            )
            began = asyncio.get_running_loop().time()
            data = await asyncio.wait_for(reader.read(), timeout=10)
            waited = asyncio.get_running_loop().time() - began
            writer.close()
            return data, waited, list(events)

    data, waited, events = run(scenario())
    assert data == b"" and 0.4 <= waited < 5.0
    assert events == []  # no call was ever opened


def test_twilio_numbers_where_strings_are_documented_still_make_a_call(tiny_en):
    call = decode_file(fixture_path("jfk.flac"))

    async def scenario():
        async with running_server(tiny_en) as (server, events):
            async with connect(f"ws://127.0.0.1:{server.ws_port}/twilio") as ws:
                for seq, item in enumerate(twilio_messages(call, "CA-numbers"), start=1):
                    message = json.loads(item.message)
                    if "sequenceNumber" in message or message["event"] != "connected":
                        message["sequenceNumber"] = seq  # a number, not Twilio's string
                    if message["event"] == "media":
                        message["media"]["chunk"] = seq
                        message["media"]["timestamp"] = int(message["media"]["timestamp"])
                    await ws.send(json.dumps(message))
            await events.wait_for("CA-numbers", "call.ended")
            return events

    events = run(scenario())
    assert "country" in events.texts("CA-numbers", CUSTOMER)
    assert events.of("CA-numbers", "error") == []
    [ended] = events.of("CA-numbers", "call.ended")
    assert ended.reason == "stop"  # Twilio's own word, as docs/protocol.md says


def test_a_tone_only_session_closes_every_speech_start(tiny_en):
    t = np.arange(int(2.0 * PIPELINE_RATE)) / PIPELINE_RATE
    tone = (8000 * np.sin(2 * np.pi * 1000 * t)).astype(np.int16)
    silence = np.zeros(PIPELINE_RATE, np.int16)
    leg = np.concatenate([silence, tone, silence, tone[:1600], silence])
    call = DecodedCall({CUSTOMER: leg}, PIPELINE_RATE, 1, "generated tone")

    async def scenario():
        async with running_server(tiny_en) as (server, events):
            url = f"ws://127.0.0.1:{server.ws_port}/ingest"
            await play_raw(url, call, "tone-1", realtime=False)
            await events.wait_for("tone-1", "call.ended")
            return events

    events = run(scenario())
    started = {e.utterance_id for e in events.of("tone-1", "speech.started")}
    closed = {e.utterance_id for e in events.of("tone-1", "transcript.final")}
    closed |= {e.utterance_id for e in events.of("tone-1", "speech.ended")}
    assert started and started == closed
    for ended in events.of("tone-1", "speech.ended"):
        assert ended.reason in ("too_short", "no_words") and ended.end >= ended.start


def test_simulate_sends_the_configured_ingest_key(tiny_en, tmp_path):
    """`copilot simulate --config` with an ingest key needs no `?key=` in its --url."""
    config = tmp_path / "copilot.toml"
    config.write_text('[serve]\ningest_api_key = "s3cret"\n')
    clip = fixture_path("jfk.flac")

    async def simulate(url: str, call_id: str, protocol: str) -> int:
        process = await asyncio.create_subprocess_exec(
            *(sys.executable, "-m", "copilot.cli", "simulate", str(clip), "--fast"),
            *("--config", str(config), "--url", url, "--call-id", call_id),
            *("--protocol", protocol),
        )
        return await process.wait()

    async def scenario():
        async with running_server(tiny_en, ingest_api_key="s3cret") as (server, events):
            base = f"ws://127.0.0.1:{server.ws_port}"
            codes = [
                await simulate(f"{base}/twilio", "CA-sim", "twilio"),
                await simulate(f"{base}/ingest", "raw-sim", "raw"),
            ]
            for call_id in ("CA-sim", "raw-sim"):
                await events.wait_for(call_id, "call.ended")
            return codes, events

    codes, events = run(scenario())
    assert codes == [0, 0]
    assert "country" in events.texts("CA-sim", CUSTOMER)
    assert events.of("raw-sim", "call.started")


def test_simulate_reports_a_refused_or_lost_connection_in_one_line(tiny_en, tmp_path):
    clip = fixture_path("jfk.flac")

    async def simulate(url: str, protocol: str, *extra: str) -> tuple[int, str]:
        process = await asyncio.create_subprocess_exec(
            *(sys.executable, "-m", "copilot.cli", "simulate", str(clip), "--fast"),
            *("--url", url, "--protocol", protocol, *extra),
            stderr=asyncio.subprocess.PIPE,
        )
        _, err = await process.communicate()
        return process.returncode, err.decode()

    async def scenario():
        async with running_server(tiny_en, ingest_api_key="s3cret") as (server, events):
            base = f"ws://127.0.0.1:{server.ws_port}"
            results = {
                "refused": await simulate(f"{base}/ingest", "raw"),  # no key: HTTP 401
                "closed": await simulate(f"{base}/twilio", "twilio"),  # no key in <Parameter>
                "verbose": await simulate(f"{base}/ingest", "raw", "-v"),
            }
        results["nobody"] = await simulate("ws://127.0.0.1:9/ingest", "raw")
        return results

    results = run(scenario())
    for name in ("refused", "closed", "nobody"):
        code, err = results[name]
        assert code == 1 and "Traceback" not in err, (name, err)
        assert len(err.strip().splitlines()) == 1 and err.startswith("error: "), (name, err)
    assert "HTTP 401" in results["refused"][1]
    assert "close code 1008" in results["closed"][1] and "had been sent" in results["closed"][1]
    assert "cannot connect" in results["nobody"][1]
    assert "Traceback" in results["verbose"][1]  # -v shows where it failed
