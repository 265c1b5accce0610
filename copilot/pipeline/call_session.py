"""The asyncio shell around one call's pipeline.

A source (file, microphone, telephony socket) pushes audio in; the session
feeds the pipeline, sends its transcription jobs to the shared service and
passes every event to the sink. Nothing here knows where the audio came from.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from copilot.asr.jobs import TranscriptionJob
from copilot.asr.service import TranscriptionService
from copilot.audio.files import CHUNK_S, DecodedCall, StreamResampler, call_frames
from copilot.audio.format import PIPELINE_RATE, SPLIT, AudioFrame
from copilot.events.core import Event
from copilot.events.log_names import call_ref
from copilot.pipeline.call import CallPipeline, PipelineConfig
from copilot.pipeline.stage_chain import Stage
from copilot.speakers.live import LiveSplitter, VoicesLearnt

log = logging.getLogger(__name__)

EventSink = Callable[[Event], None]


class CallSession:
    """A live call: audio pushed in from any source, jobs run on the shared service, events out.

    Owns one `CallPipeline`; resamples what arrives to 16 kHz, sends its jobs to the
    `TranscriptionService` and hands every event to the sink (the server's store and
    hub, or a printer). `end` waits for the last finals before the call is closed.
    """

    def __init__(
        self,
        call_id: str,
        legs: tuple[str, ...],
        service: TranscriptionService,
        sink: EventSink,
        config: PipelineConfig | None = None,
        source: str = "",
        metadata: dict[str, Any] | None = None,
        stages: tuple[Stage, ...] = (),
    ) -> None:
        self.pipeline = CallPipeline(call_id, legs, config, source, metadata, stages)
        self.service = service
        self.sink = sink
        self._tasks: set[asyncio.Task] = set()
        self._resamplers: dict[tuple[str, int], StreamResampler] = {}
        self._next_t: dict[str, float] = dict.fromkeys(legs, 0.0)
        self._started_legs: set[str] = set()  # legs that have carried audio
        # Wall-clock instant each utterance's speech ended, for latency measurement.
        self.speech_end_wall: dict[str, float] = {}
        self._splitter: LiveSplitter | None = None  # a single mixed stream's two voices

    @property
    def call_id(self) -> str:
        """The id the call's events are stored and routed under."""
        return self.pipeline.call_id

    def start(self) -> None:
        """Open the call: publish `call.started`."""
        self._publish(self.pipeline.start())

    def start_leg_now(self, leg: str) -> None:
        """A leg that joins late starts where the call's other legs have got to, not at 0.

        For sources whose legs arrive on separate connections with no timestamps of their
        own (AudioSocket); a leg that already carried audio keeps its place.
        """
        if leg in self._started_legs:
            return
        others = [t for other, t in self._next_t.items() if other != leg]
        self._next_t[leg] = max(others, default=0.0)

    def push_pcm(self, leg: str, samples: np.ndarray, sample_rate: int, t: float | None) -> None:
        """Audio at any rate for one leg; `t` None means "right after this leg's last chunk".

        Leg `split` is both parties on one stream: its voices are told apart into the
        agent and customer legs (`speakers/live.py`), so its own timestamps are not used.
        """
        key = (leg, sample_rate)
        if key not in self._resamplers:
            self._resamplers[key] = StreamResampler(sample_rate)
        resampler = self._resamplers[key]
        pcm = resampler.feed(samples)
        if leg == SPLIT:
            self._push_mixed(pcm)
            return
        self._started_legs.add(leg)
        start = self._next_t.get(leg, 0.0) if t is None else t
        self._next_t[leg] = start + len(samples) / sample_rate
        # What came out sits before the audio the resampler still holds, not at this
        # packet's timestamp: placing it there would read the lag as lost audio.
        placed = self._next_t[leg] - resampler.held_back - len(pcm) / PIPELINE_RATE
        self.push(AudioFrame(leg, pcm, max(0.0, placed)))

    def push(self, frame: AudioFrame) -> None:
        """Feed one 16 kHz frame: publish its events, start its transcription jobs."""
        items = self.pipeline.feed(frame)
        self._stamp_endpoints()
        self._dispatch(items)

    def _push_mixed(self, pcm: np.ndarray, last: bool = False) -> None:
        if self._splitter is None:
            from copilot.speakers.embedder import shared_encoder  # loads once per process

            self._splitter = LiveSplitter(shared_encoder())
        pieces, news = self._splitter.flush() if last else self._splitter.feed(pcm)
        if news is not None:
            self._publish(self._voices_learnt(news))
        for piece in pieces:
            self.push(AudioFrame(piece.leg, piece.samples, piece.t))

    def _voices_learnt(self, news: VoicesLearnt) -> list[Event]:
        return self.pipeline.legs_split(
            news.at,
            speakers=news.speakers,
            agent_rule=news.agent_rule,
            confidence=news.confidence,
            voice_similarity=news.voice_similarity,
        )

    def _stamp_endpoints(self) -> None:
        now = time.monotonic()
        for utterance_id in self.pipeline.endpointed:
            self.speech_end_wall[utterance_id] = now

    def cut_utterances(self) -> None:
        """Close every open utterance now; the call goes on (a stream pause, a new language)."""
        items = self.pipeline.finish()
        self._stamp_endpoints()
        self._dispatch(items)

    def dtmf(self, leg: str, digit: str) -> None:
        """Publish a key pressed on `leg`."""
        self._publish(self.pipeline.dtmf(leg, digit))

    def report_error(self, code: str, message: str) -> None:
        """Put an error on this call's event stream (e.g. a malformed message from its peer)."""
        self._publish(self.pipeline.report_error(code, message, self.pipeline.duration))

    async def end(self, reason: str = "end") -> None:
        """Close open utterances, wait for their transcripts, then end the call."""
        if self.pipeline.ended:
            return
        if self._splitter is not None:  # what the mixed stream still holds goes out first
            self._push_mixed(np.zeros(0, dtype=np.int16), last=True)
        self.cut_utterances()
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)
        self._publish(self.pipeline.close(reason))

    def _dispatch(self, items: list) -> None:
        for item in items:
            if isinstance(item, TranscriptionJob):
                task = asyncio.get_running_loop().create_task(self._transcribe(item))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)
            else:
                self._publish([item])

    async def _transcribe(self, job: TranscriptionJob) -> None:
        model = self.service.pool.model_for(job.language or self.pipeline.config.language)
        try:
            result = await self.service.transcribe(job, model)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # one failed utterance must not end the call
            log.warning("call %s: transcription failed: %s", call_ref(self.call_id), exc)
            self._publish(self.pipeline.on_transcription_failed(job, str(exc)))
            return
        self._publish(self.pipeline.on_transcription(job, result))

    def _publish(self, events: list[Event]) -> None:
        for event in events:
            try:
                self.sink(event)
            except Exception:  # a broken sink must not take the call down
                log.exception("event sink failed for call %s", call_ref(self.call_id))


async def play_call(session: CallSession, call: DecodedCall, realtime: bool = False) -> None:
    """Push a decoded recording into a session, at the pace of a live call when `realtime`."""
    session.start()
    began = time.monotonic()
    for i, frames in enumerate(call_frames(call)):
        for frame in frames:
            session.push(frame)
        if realtime:
            due = began + (i + 1) * CHUNK_S
            await asyncio.sleep(max(0.0, due - time.monotonic()))
        elif i % 50 == 0:
            await asyncio.sleep(0)  # let finished transcripts flow out while we read ahead
    await session.end()
