"""CallPipeline as a sans-I/O stage: frames in, jobs and events out; results handed back by hand."""

import numpy as np

from copilot.audio_files import decode_file
from copilot.events import Event, TranscriptFinal, TranscriptPartial
from copilot.legs import PIPELINE_RATE, AudioFrame
from copilot.pipeline import CallPipeline, PipelineConfig, TranscriptionJob
from copilot.transcriber import TranscriptionResult

from .conftest import fixture_path


def feed_leg(pipeline: CallPipeline, leg: str, pcm: np.ndarray, t0: float = 0.0, step: int = 320):
    items = []
    for offset in range(0, len(pcm), step):
        items += pipeline.feed(
            AudioFrame(leg, pcm[offset : offset + step], t0 + offset / PIPELINE_RATE)
        )
    return items


def jobs(items):
    return [i for i in items if isinstance(i, TranscriptionJob)]


def test_seq_is_monotonic_and_events_follow_results():
    pcm = decode_file(fixture_path("jfk.flac")).legs["customer"]
    pipeline = CallPipeline("c1", ("customer",), PipelineConfig(language="en"))
    events: list[Event] = list(pipeline.start())
    items = feed_leg(pipeline, "customer", pcm) + pipeline.finish()
    events += [i for i in items if isinstance(i, Event)]
    finals = [j for j in jobs(items) if j.final]
    assert len(finals) == 2 and pipeline.pending_finals == 2
    for job in finals:
        events += pipeline.on_transcription(
            job, TranscriptionResult(f"text of {job.utterance_id}", "en")
        )
    events += pipeline.close()
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert [e.type for e in events][-1] == "call.ended" and pipeline.pending_finals == 0
    texts = [e.text for e in events if isinstance(e, TranscriptFinal)]
    assert texts == ["text of customer-1", "text of customer-2"]


def test_one_partial_in_flight_per_leg_and_late_partials_are_dropped():
    pcm = decode_file(fixture_path("stereo_diarization.wav")).legs["agent"]
    pipeline = CallPipeline("c2", ("agent",), PipelineConfig(language="en"))
    pipeline.start()
    items = feed_leg(pipeline, "agent", pcm) + pipeline.finish()
    partials = [j for j in jobs(items) if not j.final]
    final = [j for j in jobs(items) if j.final][0]
    # The segmenter offered several partials, but none was answered: only the first was sent.
    assert len(partials) == 1
    assert pipeline.on_transcription(partials[0], TranscriptionResult("he began", "en")) == []
    assert isinstance(
        pipeline.on_transcription(final, TranscriptionResult("He began.", "en"))[0], TranscriptFinal
    )


def test_partial_event_while_the_utterance_is_open():
    pcm = decode_file(fixture_path("stereo_diarization.wav")).legs["agent"]
    pipeline = CallPipeline("c3", ("agent",), PipelineConfig(language="en"))
    pipeline.start()
    items = feed_leg(pipeline, "agent", pcm[: int(2.5 * PIPELINE_RATE)])
    partial = [j for j in jobs(items) if not j.final][0]
    events = pipeline.on_transcription(partial, TranscriptionResult("He began a confused", "en"))
    assert (
        isinstance(events[0], TranscriptPartial) and events[0].utterance_id == partial.utterance_id
    )


def test_auto_language_is_fixed_by_the_first_result():
    pcm = decode_file(fixture_path("jfk.flac")).legs["customer"]
    pipeline = CallPipeline("c4", ("customer",), PipelineConfig(language="auto", partials=False))
    pipeline.start()
    first, second = jobs(feed_leg(pipeline, "customer", pcm) + pipeline.finish())
    assert first.language is None
    pipeline.on_transcription(first, TranscriptionResult("And so", "nl"))
    assert pipeline.language == "nl"
    later = jobs(feed_leg(pipeline, "customer", pcm, t0=11.0) + pipeline.finish())
    assert all(j.language == "nl" for j in later)


def test_timeline_gaps_become_silence_and_overlaps_are_dropped():
    pipeline = CallPipeline("c5", ("customer",), PipelineConfig(language="en"))
    pipeline.start()
    chunk = np.zeros(320, np.int16)
    pipeline.feed(AudioFrame("customer", chunk, 0.0))
    pipeline.feed(AudioFrame("customer", chunk, 1.0))  # 0.98 s lost in transit
    assert pipeline.duration == 1.02
    pipeline.feed(AudioFrame("customer", chunk, 0.5))  # a replayed chunk
    assert pipeline.duration == 1.02
