"""Run a recorded call through the pipeline synchronously, as fast as the model allows.

The batch shell for QA replay and evaluation: no event loop, no pacing. Every
utterance of the call is collected first, then transcribed in batches, and
the results are handed back to the pipeline in the order they were spoken, so
downstream stages see the call as it happened.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from copilot.asr.jobs import TranscriptionJob
from copilot.asr.language_id import identify
from copilot.asr.transcriber import TranscriptionRequest, TranscriptionResult, WhisperTranscriber
from copilot.audio.files import DecodedCall, call_frames, pcm16_to_float
from copilot.events.core import Event
from copilot.pipeline.call import CallPipeline, PipelineConfig
from copilot.pipeline.stage_chain import Stage

TranscriberFor = Callable[[str | None], WhisperTranscriber]


def run_call_offline(
    call: DecodedCall,
    transcriber_for: TranscriberFor,
    config: PipelineConfig | None = None,
    call_id: str = "call",
    batch_size: int = 8,
    stages: tuple[Stage, ...] = (),
    metadata: dict | None = None,
) -> list[Event]:
    """Every event of a recorded call, its utterances transcribed in batches (QA replay, bench)."""
    # No one waits on a recording: neither partials nor early would-be finals are worth whisper time.
    config = dataclasses.replace(
        config or PipelineConfig(), partials=False, speculative_finals=False
    )
    pipeline = CallPipeline(call_id, tuple(call.legs), config, "file", metadata, stages)
    events: list[Event] = list(pipeline.start())
    jobs: list[TranscriptionJob] = []
    items: list = []
    for frames in call_frames(call, chunk_s=0.5):
        for frame in frames:
            items.extend(pipeline.feed(frame))
    items.extend(pipeline.finish())
    for item in items:
        (jobs if isinstance(item, TranscriptionJob) else events).append(item)
    jobs.sort(key=lambda j: (j.end, j.leg))
    if jobs and pipeline.language is None:
        # `auto`: decide the call's language first, then transcribe every utterance once
        # with the model of that language.
        events.extend(decide_language(pipeline, jobs, transcriber_for(None)))
    results = _transcribe_all(jobs, transcriber_for, pipeline, batch_size)
    for job, result in zip(jobs, results, strict=True):
        events.extend(pipeline.on_transcription(job, result))
    events.extend(pipeline.close())
    return events


def _transcribe_all(
    jobs: list[TranscriptionJob],
    transcriber_for: TranscriberFor,
    pipeline: CallPipeline,
    batch_size: int,
) -> list[TranscriptionResult]:
    results: list[TranscriptionResult] = []
    remaining = list(jobs)
    transcriber = transcriber_for(pipeline.language)
    for i in range(0, len(remaining), batch_size):
        results.extend(_batch(transcriber, remaining[i : i + batch_size], pipeline.language))
    return results


# Utterances identified per encoder pass while the language is open: a sure call is
# decided after two or three, so a larger batch would encode speech it never needs.
IDENTIFY_BATCH = 2


def decide_language(
    pipeline: CallPipeline, jobs: list[TranscriptionJob], multilingual: WhisperTranscriber
) -> list[Event]:
    """The call's language from its first utterances, in spoken order, both legs
    (`call.language`); the live decider's rules, fed before anything is transcribed."""
    decider = pipeline.language_decider
    assert decider is not None  # an `auto` call has one
    candidates = pipeline.config.language_decision.candidates
    spoken = sorted(jobs, key=lambda j: (j.start, j.leg))
    for i in range(0, len(spoken), IDENTIFY_BATCH):
        chunk = spoken[i : i + IDENTIFY_BATCH]
        found = identify(multilingual, [pcm16_to_float(j.audio) for j in chunk], candidates)
        for job, evidence in zip(chunk, found, strict=True):
            decision = decider.add(evidence, job.leg, job.end)
            if decision is not None:
                return pipeline.decide_language(decision)
    return pipeline.decide_language(decider.finish())


def _batch(
    transcriber: WhisperTranscriber, jobs: list[TranscriptionJob], language: str | None
) -> list[TranscriptionResult]:
    requests = [TranscriptionRequest(pcm16_to_float(j.audio), language) for j in jobs]
    return transcriber.transcribe_batch(requests)
