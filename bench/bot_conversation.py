"""A bot conversation on the audio timeline, synchronously: for the voicebot tests and bench.

The caller's audio is fed to a real `CallPipeline` 20 ms at a time; every final
(or would-be final) job is transcribed at once (as if the transcriber were
instant), so the bot's answer lands at the audio position where the caller's
speech was endpointed. How long whisper and the stages really took is kept per
utterance (`Answer`), for the benchmark to put back on the timeline. Each event
is logged with the audio position at which the pipeline produced it: that is how
"the bot stopped 180 ms after the caller started" is measured without a wall clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from copilot.asr.jobs import TranscriptionJob
from copilot.asr.transcriber import WhisperTranscriber
from copilot.audio.files import pcm16_to_float
from copilot.audio.format import CUSTOMER, PIPELINE_RATE, AudioFrame
from copilot.events.core import Event, TranscriptFinal
from copilot.events.voicebot import BotSay
from copilot.pipeline.call import CallPipeline

STEP = PIPELINE_RATE // 50  # 20 ms, a telephony frame
ENDPOINT_WAIT_S = 0.9  # silence after the caller's words: the segmenter's 500 ms and then some


@dataclass(frozen=True)
class Logged:
    position: float  # seconds of call audio fed when the pipeline produced the event
    event: Event


@dataclass(frozen=True)
class Answer:
    """How one caller utterance became its transcript and the stages' reaction."""

    utterance_id: str
    endpoint: float  # audio position at which the segmenter closed the utterance
    # Audio position at which the job behind the final was sent: the would-be final's,
    # during the closing silence, when the silence held; else the endpoint.
    sent: float
    whisper_s: float  # wall time whisper took on that job
    stages_s: float  # wall time from the transcript to every stage's events (bot's TTS included)


class BotConversation:
    def __init__(
        self, pipeline: CallPipeline, transcriber_for: Callable[[str | None], WhisperTranscriber]
    ) -> None:
        self.pipeline = pipeline
        self.transcriber_for = transcriber_for
        self.log: list[Logged] = []
        self.position = 0.0
        self.answers: list[Answer] = []
        # (utterance id, end) -> (audio position sent, whisper seconds) of each job run so far
        self._runs: dict[tuple[str, float], tuple[float, float]] = {}

    def start(self) -> list[Event]:
        return self._record(self.pipeline.start())

    def speak(self, pcm: np.ndarray, then_silence: float = ENDPOINT_WAIT_S) -> list[Event]:
        """The caller says `pcm` (16 kHz int16), then is quiet for `then_silence` seconds."""
        silence = np.zeros(int(then_silence * PIPELINE_RATE), np.int16)
        return self._feed(np.concatenate([np.asarray(pcm, np.int16), silence]))

    def silence(self, seconds: float) -> list[Event]:
        return self._feed(np.zeros(int(seconds * PIPELINE_RATE), np.int16))

    def until_bot_done(self, margin: float = 0.3) -> list[Event]:
        """Silence until the bot's last prompt has been heard out."""
        says = [e.event for e in self.log if isinstance(e.event, BotSay)]
        end = max((s.t + s.duration for s in says), default=0.0) + margin
        return self.silence(max(0.0, end - self.position))

    def finish(self) -> list[Event]:
        out = self._handle(self.pipeline.finish(), time.perf_counter())
        return out + self._record(self.pipeline.close())

    def events(self, type_name: str | None = None) -> list[Event]:
        return [e.event for e in self.log if type_name in (None, e.event.type)]

    def _feed(self, pcm: np.ndarray) -> list[Event]:
        out: list[Event] = []
        for i in range(0, len(pcm), STEP):
            frame = pcm[i : i + STEP]
            began = time.perf_counter()
            items = self.pipeline.feed(AudioFrame(CUSTOMER, frame, self.position))
            self.position += len(frame) / PIPELINE_RATE
            out += self._handle(items, began)
        return out

    def _handle(self, items: list, began: float) -> list[Event]:
        """`began`: wall time the pipeline call that returned `items` started."""
        out: list[Event] = []
        for item in items:
            if isinstance(item, TranscriptionJob):
                # Partials are left unanswered: the pipeline then sends no more of them.
                out += self._transcribe(item) if item.full_quality else []
            else:
                out += self._record([item])
                if isinstance(item, TranscriptFinal):  # served by a would-be final's result
                    self._answered(item, time.perf_counter() - began)
        return out

    def _transcribe(self, job: TranscriptionJob) -> list[Event]:
        began = time.perf_counter()
        model = self.transcriber_for(job.language)
        result = model.transcribe(pcm16_to_float(job.audio), job.language)
        transcribed = time.perf_counter()
        self._runs[(job.utterance_id, job.end)] = (self.position, transcribed - began)
        events = self.pipeline.on_transcription(job, result)
        stages_s = time.perf_counter() - transcribed
        for event in events:
            if isinstance(event, TranscriptFinal):
                self._answered(event, stages_s)
        return self._record(events)

    def _answered(self, final: TranscriptFinal, stages_s: float) -> None:
        sent, whisper_s = self._runs.pop((final.utterance_id, final.end))
        self._runs = {k: v for k, v in self._runs.items() if k[0] != final.utterance_id}
        endpoint = self.position
        self.answers.append(Answer(final.utterance_id, endpoint, sent, whisper_s, stages_s))

    def _record(self, events: list[Event]) -> list[Event]:
        self.log.extend(Logged(round(self.position, 3), e) for e in events)
        return events
