"""Voicebot: time from the caller's end of speech to the bot's first audio byte on the wire.

Each caller turn (espeak-ng, EN and NL) runs through the real pipeline with the
affect, assist and voicebot stages, fed faster than real time; each part of the
wait is measured where it happens and put back on the caller's timeline:
- transcript ready: whisper starts on the would-be final once the caller has
  been silent `speculate_after_ms` (audio timeline) and takes its wall time; the
  final is out at the later of that and the endpoint (`end_silence_ms` of
  silence closes the utterance), both counted from the last audible sample;
- stages, wall clock: every stage's work on the final, the bot's speech
  synthesis included (`Answer.stages_s`);
- playback start, wall clock: `BotAudioPlayer` from the `bot.say` event to its
  first Twilio `media` message handed to the socket.
"""

from __future__ import annotations

import asyncio
import time

import numpy as np

from copilot.audio.format import CUSTOMER, PIPELINE_RATE
from copilot.config import Config
from copilot.events.voicebot import BotSay
from copilot.pipeline.call import CallPipeline, PipelineConfig
from copilot.runtime import StageFactory
from copilot.telephony.audio_out import TwilioAudioOut
from copilot.voicebot.player import BotAudioPlayer
from copilot.voicebot.tts import SpeechSynthesizer

from .bot_conversation import BotConversation

TARGET_P95_S = 1.2
MODELS = {"en": "tiny.en", "nl": "base"}
TURNS = {
    "en": [
        "What are your delivery times?",
        "My parcel is late, where is it?",
        "I forgot my password for the app.",
        "This is the third time I am calling about my parcel. This is ridiculous!",
        "I want to speak to a real person please.",
        "How do I return a parcel?",
    ],
    "nl": [
        "Mijn account is geblokkeerd.",
        "Mijn pakket is nog niet bezorgd.",
        "Ik ben boos. Dit is echt slecht.",
        "Ik wil een medewerker spreken.",
    ],
}
QUICK_TURNS = 2
STARTED = {"started_at": "2025-03-04T10:00:00+01:00"}
AUDIBLE = 500  # int16 amplitude: above espeak's digital silence and soxr ringing


def voicebot(models, quick: bool) -> dict:
    caller = SpeechSynthesizer(words_per_minute=150)
    factory = StageFactory(Config(stages=("affect", "assist", "voicebot")))
    factory.preload()
    rows = []
    for language, turns in TURNS.items():
        model = models.get(MODELS[language])
        for text in turns[:QUICK_TURNS] if quick else turns:
            rows.append(_turn(factory, model, caller, language, text))
    totals = [r["total_s"] for r in rows]
    return {
        "turns": rows,
        "p50_s": round(float(np.percentile(totals, 50)), 3),
        "p95_s": round(float(np.percentile(totals, 95)), 3),
        "max_s": round(float(np.max(totals)), 3),
        "target_p95_s": TARGET_P95_S,
        "end_silence_ms": factory.config.segmenter.end_silence_ms,
        "speculate_after_ms": factory.config.segmenter.speculate_after_ms,
    }


def _turn(factory, model, caller, language: str, text: str) -> dict:
    factory.config.language = language
    stages = factory.for_call("BENCH")
    config = PipelineConfig(language=language, partials=False)
    pipeline = CallPipeline("BENCH", (CUSTOMER,), config, "twilio", STARTED, stages)
    conv = BotConversation(pipeline, lambda _language: model)
    conv.start()
    conv.until_bot_done()
    pcm = caller.synthesize(text, language)
    began = conv.position
    conv.speak(pcm)
    last_audible = (
        began + np.flatnonzero(np.abs(pcm.astype(np.int32)) > AUDIBLE)[-1] / PIPELINE_RATE
    )
    reply = [e for e in conv.events("bot.say") if e.t >= began][0]
    answer = conv.answers[0]
    endpoint = float(answer.endpoint - last_audible)
    transcript_ready = max(endpoint, float(answer.sent - last_audible) + answer.whisper_s)
    first_byte = asyncio.run(_first_byte(reply, factory.synthesizer()))
    return {
        "language": language,
        "text": text,
        "heard": conv.events("transcript.final")[0].text,
        "bot": reply.purpose,
        "endpoint_s": round(endpoint, 3),
        "whisper_sent_s": round(float(answer.sent - last_audible), 3),
        "whisper_s": round(answer.whisper_s, 3),
        "transcript_ready_s": round(transcript_ready, 3),
        "stages_s": round(answer.stages_s, 3),
        "compute_s": round(answer.whisper_s + answer.stages_s, 3),
        "first_byte_s": round(first_byte, 4),
        "total_s": round(transcript_ready + answer.stages_s + first_byte, 3),
    }


async def _first_byte(say: BotSay, synthesizer: SpeechSynthesizer) -> float:
    sent: list[float] = []

    async def send(message) -> None:
        sent.append(time.perf_counter())

    player = BotAudioPlayer(TwilioAudioOut("MZbench"), send, synthesizer)
    began = time.perf_counter()
    player.on_event(say)
    while not sent:
        await asyncio.sleep(0.001)
    await player.close()
    return sent[0] - began
