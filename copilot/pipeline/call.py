"""One call's pipeline: audio frames in, typed events out, no I/O.

The same object serves live calls and QA replay; only the shell around it
differs. Heavy model work is not done here: `feed` returns `TranscriptionJob`
items next to events, the shell runs them on the shared transcriber (batched
across calls) and hands each result back through `on_transcription`.
Downstream stages (affect, assist, ...) see every event the call produces and
may add their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from copilot.asr.jobs import TranscriptionJob
from copilot.asr.transcriber import TranscriptionResult
from copilot.audio.format import PIPELINE_RATE, AudioFrame
from copilot.events.core import (
    CallEnded,
    CallLanguage,
    CallStarted,
    Dtmf,
    ErrorEvent,
    Event,
    LegsSplit,
    SpeechEnded,
    SpeechStarted,
    TranscriptFinal,
    TranscriptPartial,
    Word,
)
from copilot.pipeline.language_decision import LanguageDecider, LanguageDecision
from copilot.pipeline.segmenter import UtteranceAudio, UtteranceSegmenter, UtteranceStarted
from copilot.pipeline.settings import LanguageDecisionConfig, SegmenterConfig
from copilot.pipeline.stage_chain import Stage, StageChain

# A gap in a leg's timeline shorter than this is jitter, not lost audio.
GAP_TOLERANCE_S = 0.06
# Never pad more than this much silence for one gap (a bogus timestamp must not eat memory).
MAX_GAP_S = 30.0


@dataclass
class _Speculation:
    """The speculative job of an utterance, and what became of it."""

    end: float
    result: TranscriptionResult | None = None
    final: TranscriptionJob | None = None  # the final that waits for this job's result


@dataclass
class PipelineConfig:
    """How one call is segmented and transcribed: language, endpointing, partials, speculation."""

    language: str = "en"  # "en", "nl" or "auto"
    segmenter: SegmenterConfig = field(default_factory=SegmenterConfig)
    partials: bool = True
    # Start transcribing during the closing silence (live calls); replay has no one waiting.
    speculative_finals: bool = True
    # How `auto` decides the call's language.
    language_decision: LanguageDecisionConfig = field(default_factory=LanguageDecisionConfig)


class CallPipeline:
    """One call's audio frames in, its typed events and transcription jobs out; no I/O.

    `feed(frame)` segments each leg and returns events plus `TranscriptionJob`s for the
    shell to run; `on_transcription(job, result)` turns a result into partials or finals,
    in the order the utterances closed, and passes every event through the stages.
    `start`, `finish` and `close` open the call, flush the last speech and end it.
    """

    def __init__(
        self,
        call_id: str,
        legs: Sequence[str],
        config: PipelineConfig | None = None,
        source: str = "",
        metadata: dict[str, Any] | None = None,
        stages: Sequence[Stage] = (),
    ) -> None:
        self.call_id = call_id
        self.legs = tuple(legs)
        self.config = config or PipelineConfig()
        self.source = source
        self.metadata = dict(metadata or {})
        self.language: str | None = None if self.config.language == "auto" else self.config.language
        # `auto`: finals' language evidence decides the call's language once (call.language).
        self.language_decider = (
            LanguageDecider(self.config.language_decision) if self.language is None else None
        )
        self._chain = StageChain(call_id, stages)
        self._stages = self._chain.stages
        self._clocked = [s.on_clock for s in self._stages if hasattr(s, "on_clock")]
        self._segmenters = {
            leg: UtteranceSegmenter(leg, self.config.segmenter) for leg in self.legs
        }
        self._position = dict.fromkeys(self.legs, 0.0)  # seconds of audio fed per leg
        self._partial_in_flight: set[str] = set()
        self._finalised: set[str] = set()
        # Closed utterances in the order they closed, with their result once it is in. Finals
        # leave in this order: whisper workers finish jobs in any order, but the stages (the
        # affect trend, assist) must read a conversation in the order it was spoken.
        self._awaiting_final: dict[str, tuple[TranscriptionJob, TranscriptionResult] | None] = {}
        self._speculations: dict[str, _Speculation] = {}  # utterance id -> latest speculation
        # Utterances closed by the latest `feed` or `finish`, for the shell's latency clock.
        self.endpointed: list[str] = []
        self.started = False
        self.ended = False

    # -- lifecycle -------------------------------------------------------------

    def start(self) -> list[Event]:
        """Open the call: `call.started`, passed through the stages."""
        self.started = True
        return self._emit(
            CallStarted(
                self.call_id, 0, 0.0, source=self.source, legs=self.legs, metadata=self.metadata
            )
        )

    def finish(self) -> list[Event | TranscriptionJob]:
        """End of audio: close open utterances. Await their jobs, then call `close`."""
        out: list[Event | TranscriptionJob] = []
        self.endpointed = []
        for segmenter in self._segmenters.values():
            out.extend(self._on_segments(segmenter.flush()))
        return out

    def close(self, reason: str = "end") -> list[Event]:
        """End the call: flush the stages, then `call.ended`; later calls return nothing."""
        if self.ended:
            return []
        out = []
        if self.language is None and self.language_decider is not None:
            # The call ended before enough speech: decide on what was heard.
            if self.language_decider.wants_more and self.language_decider.heard:
                out.extend(self.decide_language(self.language_decider.finish()))
        self.ended = True
        out.extend(self._chain.flush())
        out.extend(
            self._emit(
                CallEnded(self.call_id, 0, self.duration, duration=self.duration, reason=reason)
            )
        )
        return out

    @property
    def duration(self) -> float:
        """Seconds of audio so far on the longest leg: the call's clock."""
        return round(max(self._position.values(), default=0.0), 3)

    @property
    def pending_finals(self) -> int:
        """Closed utterances whose final has not gone out yet (transcribing or held back)."""
        return len(self._awaiting_final)

    # -- input -----------------------------------------------------------------

    def feed(self, frame: AudioFrame) -> list[Event | TranscriptionJob]:
        """Take one leg's 16 kHz frame; return speech events and the jobs the shell must run."""
        if frame.leg not in self._segmenters:
            raise ValueError(f"call {self.call_id} has no leg {frame.leg!r}")
        samples = self._align(frame)
        if len(samples) == 0:
            return []
        self._position[frame.leg] += len(samples) / PIPELINE_RATE
        self.endpointed = []
        out = self._on_segments(self._segmenters[frame.leg].feed(samples))
        for tick in self._clocked:
            for event in tick(self.duration):
                out.extend(self._emit(event))
        return out

    def dtmf(self, leg: str, digit: str) -> list[Event]:
        """Record a key press on `leg`, timed at the end of that leg's audio so far."""
        return self._emit(
            Dtmf(self.call_id, 0, self._position.get(leg, 0.0), speaker=leg, digit=digit)
        )

    def _align(self, frame: AudioFrame) -> np.ndarray:
        """Place the frame on the leg's timeline: fill lost audio with silence, drop overlaps."""
        expected = self._position[frame.leg]
        samples = frame.samples
        gap = frame.t - expected
        if gap > GAP_TOLERANCE_S:
            silence = np.zeros(int(min(gap, MAX_GAP_S) * PIPELINE_RATE), dtype=np.int16)
            samples = np.concatenate([silence, samples])
        elif gap < -GAP_TOLERANCE_S:
            overlap = int(-gap * PIPELINE_RATE)
            samples = samples[overlap:]
        return samples

    def _on_segments(self, items: list) -> list[Event | TranscriptionJob]:
        out: list[Event | TranscriptionJob] = []
        for item in items:
            if isinstance(item, UtteranceStarted):
                out.extend(
                    self._emit(
                        SpeechStarted(
                            self.call_id,
                            0,
                            item.start,
                            speaker=item.leg,
                            utterance_id=item.utterance_id,
                        )
                    )
                )
            elif isinstance(item, UtteranceAudio):
                out.extend(self._on_utterance_audio(item))
        return out

    def _on_utterance_audio(self, item: UtteranceAudio) -> Sequence[Event | TranscriptionJob]:
        if item.speculative:
            return self._speculate(item)
        if item.final:
            self.endpointed.append(item.utterance_id)
            speculation = self._speculations.get(item.utterance_id)
            if speculation is not None and speculation.end == item.end and len(item.audio):
                # No new speech since the speculative offer: its job is this final's.
                job = self._job_for(item)
                assert job is not None  # a final with audio always gets a job
                if speculation.result is not None:
                    del self._speculations[item.utterance_id]
                    return self._finished(job, speculation.result)
                speculation.final = job
                return []
            self._speculations.pop(item.utterance_id, None)
        job = self._job_for(item)
        if job is not None:
            return [job]
        if item.final and len(item.audio) == 0:
            return [
                *self._ended_without_words(
                    item.leg, item.utterance_id, item.start, item.end, "too_short"
                )
            ]
        return []

    def _ended_without_words(
        self, leg: str, utterance_id: str, start: float, end: float, reason: str = "no_words"
    ) -> list[Event]:
        """Close a `speech.started` that gets no final, so no listener waits on it forever."""
        ended = SpeechEnded(
            self.call_id,
            0,
            end,
            speaker=leg,
            utterance_id=utterance_id,
            start=start,
            end=end,
            reason=reason,
        )
        return self._emit(ended)

    def _speculate(self, item: UtteranceAudio) -> list[TranscriptionJob]:
        if not self.config.speculative_finals:
            return []
        previous = self._speculations.get(item.utterance_id)
        if previous is not None and previous.result is None:
            return []  # bounded cost: one speculation per utterance in flight
        self._speculations[item.utterance_id] = _Speculation(item.end)
        return [self._job(item)]

    def _job_for(self, item: UtteranceAudio) -> TranscriptionJob | None:
        if item.final:
            self._finalised.add(item.utterance_id)
            if len(item.audio) == 0:
                return None
            self._awaiting_final[item.utterance_id] = None
        else:
            # Bounded cost: at most one partial per leg in flight, and none once final.
            if not self.config.partials or item.leg in self._partial_in_flight:
                return None
            self._partial_in_flight.add(item.leg)
        return self._job(item)

    def _job(self, item: UtteranceAudio) -> TranscriptionJob:
        return TranscriptionJob(
            self.call_id,
            item.leg,
            item.utterance_id,
            item.start,
            item.end,
            item.audio,
            item.final,
            self.language,
            speculative=item.speculative,
        )

    # -- results ---------------------------------------------------------------

    def decide_language(self, decision: LanguageDecision) -> list[Event]:
        """Fix the call's language (`auto` decided): later jobs carry it; `call.language`."""
        self.language = decision.language
        return self._emit(
            CallLanguage(
                self.call_id,
                0,
                decision.decided_at,
                language=decision.language,
                confidence=decision.confidence,
                unsure=decision.unsure,
                probabilities=decision.probabilities,
                speech_s=decision.speech_s,
                utterances=decision.utterances,
                decoded=decision.decoded,
                legs=decision.legs,
                cpu_s=decision.cpu_s,
            )
        )

    def on_transcription(self, job: TranscriptionJob, result: TranscriptionResult) -> list[Event]:
        """Turn a job's result into a partial, or into finals released in spoken order."""
        if self.language is None and job.full_quality and result.language_evidence is None:
            # A final from a model that only reports its guess (no evidence): keep it.
            self.language = result.language or None
        if job.speculative:
            return self._on_speculation(job, result)
        if not job.final:
            self._partial_in_flight.discard(job.leg)
            return self._partial(job, result)
        return self._finished(job, result)

    def _on_speculation(self, job: TranscriptionJob, result: TranscriptionResult) -> list[Event]:
        speculation = self._speculations.get(job.utterance_id)
        if speculation is None or speculation.end != job.end:
            # The speaker went on after the pause: what was said so far is still a partial.
            return self._partial(job, result)
        if speculation.final is not None:
            del self._speculations[job.utterance_id]
            return self._finished(speculation.final, result)
        speculation.result = result
        return self._partial(job, result)

    def _partial(self, job: TranscriptionJob, result: TranscriptionResult) -> list[Event]:
        if job.utterance_id in self._finalised or not result.text:
            return []  # the final is on its way or out; a late partial would only flicker
        return self._emit(TranscriptPartial(self.call_id, 0, job.end, **_said(job, result)))

    def _finished(self, job: TranscriptionJob, result: TranscriptionResult) -> list[Event]:
        """A closed utterance has its text; out go the finals it no longer holds back."""
        self._awaiting_final[job.utterance_id] = (job, result)
        return self._release_finals()

    def _release_finals(self) -> list[Event]:
        out: list[Event] = []
        while self._awaiting_final:
            utterance_id, done = next(iter(self._awaiting_final.items()))
            if done is None:
                break  # an earlier utterance is still being transcribed
            del self._awaiting_final[utterance_id]
            out.extend(self._weigh_language(*done))
            out.extend(self._on_final(*done))
        return out

    def _weigh_language(self, job: TranscriptionJob, result: TranscriptionResult) -> list[Event]:
        """`auto`: each final, in spoken order, counts toward the call's language."""
        decider, evidence = self.language_decider, result.language_evidence
        if self.language is not None or decider is None or evidence is None:
            return []
        decision = decider.add(evidence, job.leg, job.end)
        return self.decide_language(decision) if decision is not None else []

    def _on_final(self, job: TranscriptionJob, result: TranscriptionResult) -> list[Event]:
        for stage in self._stages:
            # Stages that judge how something was said (prosody) get the final audio first.
            hook = getattr(stage, "on_utterance_audio", None)
            if hook is not None:
                hook(job)
        if not result.text:
            return self._ended_without_words(job.leg, job.utterance_id, job.start, job.end)
        words = tuple(
            Word(w.word, round(job.start + w.start, 2), round(job.start + w.end, 2), w.probability)
            for w in result.words
        )
        said = _said(job, result)
        return self._emit(
            TranscriptFinal(self.call_id, 0, job.end, **said, language=result.language, words=words)
        )

    def on_transcription_failed(self, job: TranscriptionJob, reason: str) -> list[Event]:
        """The shell could not transcribe this job; forget it so the call can still end.

        A lost final is reported as an error; the finals of later utterances that were
        waiting behind it go out.
        """
        lost_final = job.final
        if job.speculative:
            speculation = self._speculations.get(job.utterance_id)
            if speculation is not None and speculation.end == job.end:
                del self._speculations[job.utterance_id]
                lost_final = speculation.final is not None
        elif not job.final:
            self._partial_in_flight.discard(job.leg)
        out: list[Event] = []
        if lost_final:
            self._awaiting_final.pop(job.utterance_id, None)
            out.extend(self.report_error("transcription_failed", reason, job.end))
        return out + self._release_finals()

    def legs_split(self, t: float, **found: Any) -> list[Event]:
        """Record that a mixed stream's voices were told apart (`legs.split`)."""
        return self._emit(LegsSplit(self.call_id, 0, t, **found))

    def report_error(self, code: str, message: str, t: float) -> list[Event]:
        """Put an error (a bad frame, a lost job) on the call's record as an `error` event."""
        return self._emit(ErrorEvent(self.call_id, 0, t, code=code, message=message))

    # -- output ----------------------------------------------------------------

    def _emit(self, event: Event) -> list[Event]:
        return self._chain.emit(event)


def _said(job: TranscriptionJob, result: TranscriptionResult) -> dict[str, Any]:
    """What partial and final transcript events share: who said what, when."""
    return {
        "speaker": job.leg,
        "utterance_id": job.utterance_id,
        "start": job.start,
        "end": job.end,
        "text": result.text,
    }
