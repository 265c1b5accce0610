"""A single mixed live stream: the voices learnt after ~10 s of speech, then followed as
the audio comes; the call's events say when, and both legs carry the right words."""

from __future__ import annotations

import asyncio
import json

import numpy as np

from copilot.asr.service import TranscriberPool, TranscriptionService
from copilot.audio.format import LEGS
from copilot.config import Config
from copilot.events.core import Event, LegsSplit, TranscriptFinal
from copilot.pipeline.call_session import CallSession
from copilot.runtime import pipeline_config
from copilot.speakers.embedder import shared_encoder
from copilot.speakers.live import ENROL_SPEECH_S, LiveSplitter
from copilot.telephony.common import CallOpened, LegAudio
from copilot.telephony.raw_ingest import RawIngestSession
from tests.speakers.test_split import mono_mix, words_on_the_right_leg

PACKET = 320  # 20 ms at 16 kHz


def test_live_splitter_follows_the_voices_after_learning_them():
    pcm = mono_mix("call_calm_nl", 45.0).legs["customer"]
    splitter = LiveSplitter(shared_encoder())
    pieces, learnt = [], None
    for offset in range(0, len(pcm), PACKET):
        got, news = splitter.feed(pcm[offset : offset + PACKET])
        pieces += got
        learnt = learnt or news
    got, news = splitter.flush()
    pieces += got
    learnt = learnt or news
    assert learnt is not None and learnt.speakers == 2 and learnt.agent_rule == "first_speaker"
    assert ENROL_SPEECH_S < learnt.at < 30.0
    for leg in LEGS:  # every sample reached each leg once, in order, silence or speech
        mine = [p for p in pieces if p.leg == leg]
        assert sum(len(p.samples) for p in mine) == len(pcm)
        assert all(a.t < b.t for a, b in zip(mine, mine[1:], strict=False))
    agent = np.concatenate([p.samples for p in pieces if p.leg == "agent"])
    customer = np.concatenate([p.samples for p in pieces if p.leg == "customer"])
    assert np.array_equal(agent.astype(np.int32) + customer, pcm)


def test_raw_ingest_takes_one_mixed_channel_as_split():
    parser = RawIngestSession()
    start = {"type": "start", "call_id": "m1", "sample_rate": 8000, "channels": 1}
    [opened] = parser.feed_text(json.dumps({**start, "legs": ["split"]}))
    assert isinstance(opened, CallOpened) and opened.legs == LEGS
    [audio] = parser.feed_binary(np.zeros(160, "<i2").tobytes())
    assert isinstance(audio, LegAudio) and audio.leg == "split"


def test_a_mixed_live_call_gets_both_legs_and_says_when(tiny_en):
    pcm = mono_mix("call_escalating_en", 32.0).legs["customer"]
    events: list[Event] = []

    async def call() -> None:
        pool = TranscriberPool(model="tiny.en")
        pool.add("tiny.en", tiny_en)
        service = TranscriptionService(pool)
        config = pipeline_config(Config(language="en"), live=False)
        session = CallSession("mixed", LEGS, service, events.append, config, source="raw")
        session.start()
        for offset in range(0, len(pcm), PACKET):
            session.push_pcm("split", pcm[offset : offset + PACKET], 16000, None)
            await asyncio.sleep(0)
        await session.end("stop")
        await service.stop()

    asyncio.run(call())
    [learnt] = [e for e in events if isinstance(e, LegsSplit)]
    finals = [e for e in events if isinstance(e, TranscriptFinal)]
    assert learnt.speakers == 2 and learnt.t > ENROL_SPEECH_S
    assert all(learnt.seq < f.seq for f in finals)  # held audio is labelled once learnt
    right, total = words_on_the_right_leg("call_escalating_en", finals)
    assert total > 50 and right / total >= 0.85, (right, total)
