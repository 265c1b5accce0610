"""The bot's voice on the wire: real espeak-ng, the platform encoders, and the paced player over
real sockets (a websocket pair for Twilio, a TCP pair for AudioSocket)."""

from __future__ import annotations

import asyncio
import base64
import json
import time
import uuid

import numpy as np
import pytest
from websockets.asyncio.client import connect
from websockets.asyncio.server import serve

from copilot.audio.format import PIPELINE_RATE
from copilot.events.voicebot import BotSay, BotStop
from copilot.serve.platforms import PLATFORMS
from copilot.telephony import g711
from copilot.telephony.audio_out import (
    FRAME_SAMPLES,
    AudioSocketAudioOut,
    TwilioAudioOut,
    wire_frames,
)
from copilot.telephony.audiosocket import AudioSocketParser, build_uuid
from copilot.telephony.common import CallClosed, LegAudio
from copilot.voicebot.player import BotAudioPlayer
from copilot.voicebot.tts import SpeechError, SpeechSynthesizer, wav_samples

SPEAKER = SpeechSynthesizer()


def twilio_mark_name(text: str) -> str | None:
    """The name of a `mark` the encoder sent (what a fake Twilio echoes), None for other messages."""
    message = json.loads(text)
    return message["mark"]["name"] if message["event"] == "mark" else None


def say(text: str, then: str = "listen", n: int = 1) -> BotSay:
    return BotSay("CA1", n, 0.0, prompt_id=f"CA1:bot:{n}", text=text, language="en", then=then)


def test_espeak_speaks_both_languages_and_caches_prompts():
    english = SPEAKER.synthesize("Did that help?", "en")
    dutch = SPEAKER.synthesize("Heeft dit u geholpen?", "nl")
    for samples in (english, dutch):
        assert samples.dtype == np.int16 and 0.5 < len(samples) / PIPELINE_RATE < 4
        assert np.abs(samples.astype(np.int32)).max() > 3000  # speech, not silence
    assert SPEAKER.synthesize("Did that help?", "en") is english  # cached
    assert SPEAKER.duration("Did that help?", "en") == len(english) / PIPELINE_RATE
    # Control characters and option-looking text are spoken as text, never passed as flags.
    assert len(SPEAKER.synthesize("--help\x00 -v xx", "en")) > 0
    assert len(SPEAKER.synthesize("", "en")) == 0
    for junk in (b"", b"RIFF....WAVE", b"not a wav at all"):
        with pytest.raises(SpeechError):
            wav_samples(junk)


def test_twilio_frames_are_20_ms_of_mulaw_and_carry_the_prompt():
    samples = SPEAKER.synthesize("One moment please.", "en")
    out = TwilioAudioOut("MZ1")
    messages = out.frames(samples)
    assert len(messages) == -(-round(len(samples) / 2) // FRAME_SAMPLES)
    decoded = []
    for text in messages:
        message = json.loads(text)
        assert message["event"] == "media" and message["streamSid"] == "MZ1"
        payload = base64.b64decode(message["media"]["payload"])
        assert len(payload) == FRAME_SAMPLES
        decoded.append(g711.ulaw_decode(payload))
    expected = np.concatenate(wire_frames(samples))
    error = np.abs(np.concatenate(decoded).astype(np.int32) - expected).max()
    assert error <= 1024  # mu-law quantisation, nothing else
    assert json.loads(out.mark("p1")) == {
        "event": "mark",
        "streamSid": "MZ1",
        "mark": {"name": "p1"},
    }
    assert json.loads(out.clear()) == {"event": "clear", "streamSid": "MZ1"}


def test_audiosocket_frames_parse_back_as_8_khz_slin():
    samples = SPEAKER.synthesize("One moment please.", "en")
    parser = AudioSocketParser("customer")
    call = str(uuid.uuid4())
    packets = b"".join(AudioSocketAudioOut().frames(samples))
    items = parser.feed(build_uuid(call) + packets + AudioSocketAudioOut().hangup())
    audio = [i for i in items if isinstance(i, LegAudio)]
    assert all(a.sample_rate == 8000 and len(a.samples) == FRAME_SAMPLES for a in audio)
    assert np.array_equal(
        np.concatenate([a.samples for a in audio]), np.concatenate(wire_frames(samples))
    )
    assert isinstance(items[-1], CallClosed)


def test_audiohook_and_chat_cannot_carry_the_bot_voice():
    assert PLATFORMS.named("audiohook").voice({}) is None
    assert PLATFORMS.named("chat").voice({}) is None
    assert isinstance(PLATFORMS.named("twilio").voice({"twilio_stream_sid": "MZ9"}), TwilioAudioOut)
    assert isinstance(PLATFORMS.named("audiosocket").voice({}), AudioSocketAudioOut)


async def _twilio_pair(script):
    """Our server side runs `script(player, ws)`; the peer plays Twilio and logs what it gets."""
    received: list[tuple[float, dict]] = []
    finished: list[BotSay] = []

    async def handler(ws):
        async def done(s):
            finished.append(s)

        player = BotAudioPlayer(TwilioAudioOut("MZ1"), ws.send, SPEAKER, done)
        task = asyncio.create_task(script(player))
        async for message in ws:  # marks echoed by "Twilio"
            name = twilio_mark_name(message)
            if name is not None:
                player.on_mark(name)
        await task
        await player.close()

    async with serve(handler, "127.0.0.1", 0) as server:
        port = server.sockets[0].getsockname()[1]
        async with connect(f"ws://127.0.0.1:{port}") as twilio:
            try:
                while True:
                    text = await asyncio.wait_for(twilio.recv(), 1.5)
                    message = json.loads(text)
                    received.append((time.monotonic(), message))
                    if message["event"] == "mark":
                        await twilio.send(text)  # played: Twilio echoes our mark
            except TimeoutError:
                pass
    return received, finished


def test_player_paces_a_prompt_waits_for_its_mark_then_transfers():
    prompt = say("I am putting you through to a colleague.", then="transfer")

    async def script(player):
        player.on_event(prompt)
        while not player.outcome:
            await asyncio.sleep(0.05)

    received, finished = asyncio.run(_twilio_pair(script))
    media = [m for _, m in received if m["event"] == "media"]
    expected = TwilioAudioOut("MZ1").frames(SPEAKER.synthesize(prompt.text, "en"))
    assert [json.dumps(m, separators=(",", ":")) for m in media] == expected
    assert received[-1][1] == {
        "event": "mark",
        "streamSid": "MZ1",
        "mark": {"name": prompt.prompt_id},
    }
    audio_s = len(media) * 0.02
    sent_over = received[-1][0] - received[0][0]
    assert sent_over >= audio_s - 0.2  # paced in real time, not dumped at once
    assert finished == [prompt]


def test_barge_in_clears_twilio_and_sends_no_more_audio():
    prompt = say("Vlotpost delivers parcels Monday to Saturday between eight and nine.")

    async def script(player):
        player.on_event(prompt)
        while prompt.prompt_id not in player.first_byte:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.5)
        player.on_event(BotStop("CA1", 2, 0.5, prompt_id=prompt.prompt_id))

    received, finished = asyncio.run(_twilio_pair(script))
    events = [m["event"] for _, m in received]
    assert "clear" in events
    after_clear = events[events.index("clear") + 1 :]
    assert "media" not in after_clear
    total = len(TwilioAudioOut("MZ1").frames(SPEAKER.synthesize(prompt.text, "en")))
    assert 10 < events.count("media") < total / 2
    assert finished == []  # a cut "listen" prompt asks nothing more of the server


def test_player_hangs_up_audiosocket_after_the_goodbye():
    goodbye = say("Goodbye!", then="hangup")
    items: list = []

    async def run():
        async def serve_call(reader, writer):
            async def send(data):
                writer.write(data)
                await writer.drain()

            async def done(s):
                await send(AudioSocketAudioOut().hangup())
                writer.close()

            player = BotAudioPlayer(AudioSocketAudioOut(), send, SPEAKER, done)
            player.on_event(goodbye)

        server = await asyncio.start_server(serve_call, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        parser = AudioSocketParser("customer")
        items.extend(parser.feed(build_uuid(str(uuid.uuid4()))))
        while data := await asyncio.wait_for(reader.read(4096), 5.0):
            items.extend(parser.feed(data))
        writer.close()
        server.close()

    asyncio.run(run())
    audio = [i for i in items if isinstance(i, LegAudio)]
    assert len(audio) == len(AudioSocketAudioOut().frames(SPEAKER.synthesize("Goodbye!", "en")))
    assert isinstance(items[-1], CallClosed)
