"""CallPipeline as a sans-I/O stage: frames in, jobs and events out; results handed back by hand."""

import dataclasses

import numpy as np

from copilot.asr.jobs import TranscriptionJob
from copilot.asr.transcriber import TranscriptionResult
from copilot.audio.files import decode_file
from copilot.audio.format import PIPELINE_RATE, AudioFrame
from copilot.events.core import Event, TranscriptFinal, TranscriptPartial
from copilot.pipeline.call import CallPipeline, PipelineConfig
from tests.conftest import fixture_path


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
    config = PipelineConfig(language="en", speculative_finals=False)
    pipeline = CallPipeline("c1", ("customer",), config)
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
    config = PipelineConfig(language="en", speculative_finals=False)
    pipeline = CallPipeline("c2", ("agent",), config)
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
    config = PipelineConfig(language="auto", partials=False, speculative_finals=False)
    pipeline = CallPipeline("c4", ("customer",), config)
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


def answer_at_once(pipeline: CallPipeline, items: list) -> tuple[list[Event], list]:
    """Play a transcriber that answers each job the moment it is sent."""
    events, sent = [], []
    for item in items:
        if isinstance(item, TranscriptionJob):
            sent.append(item)
            text = f"{item.utterance_id} to {item.end}"
            events += pipeline.on_transcription(item, TranscriptionResult(text, "en"))
        else:
            events.append(item)
    return events, sent


def run_answering_at_once(config: PipelineConfig, pcm: np.ndarray):
    pipeline = CallPipeline("s", ("customer",), config)
    events, sent = answer_at_once(pipeline, pipeline.start())
    for offset in range(0, len(pcm), 320):
        frame = AudioFrame("customer", pcm[offset : offset + 320], offset / PIPELINE_RATE)
        more, jobs_sent = answer_at_once(pipeline, pipeline.feed(frame))
        events, sent = events + more, sent + jobs_sent
    more, jobs_sent = answer_at_once(pipeline, pipeline.finish())
    return events + more + pipeline.close(), sent + jobs_sent


def test_a_held_silence_turns_the_speculative_result_into_the_final_without_a_second_job():
    pcm = decode_file(fixture_path("call_escalating_en.wav")).legs["customer"]
    plain = PipelineConfig(language="en", partials=False, speculative_finals=False)
    early = PipelineConfig(language="en", partials=False)
    plain_events, plain_jobs = run_answering_at_once(plain, pcm)
    events, sent = run_answering_at_once(early, pcm)

    def finals_of(evs):
        return [
            (e.utterance_id, e.start, e.end, e.text) for e in evs if isinstance(e, TranscriptFinal)
        ]

    # The same utterances, cut at the same places, with the text of audio that ends there.
    assert finals_of(events) == finals_of(plain_events) and len(finals_of(events)) >= 5
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    speculative = [j for j in sent if j.speculative]
    final_jobs = [j for j in sent if j.final]
    # Every utterance that ended in a held silence needed no job of its own at the end.
    assert len(final_jobs) < len(plain_jobs) and len(speculative) >= len(finals_of(events))
    served_early = {j.utterance_id for j in speculative} - {j.utterance_id for j in final_jobs}
    assert served_early and all(j.full_quality for j in speculative)
    assert {uid for uid, *_ in finals_of(events)} == served_early | {
        j.utterance_id for j in final_jobs
    }


def test_the_final_waits_for_a_speculative_job_still_running_and_counts_as_pending():
    pcm = decode_file(fixture_path("jfk.flac")).legs["customer"]
    pipeline = CallPipeline("w", ("customer",), PipelineConfig(language="en", partials=False))
    pipeline.start()
    items = feed_leg(pipeline, "customer", pcm) + pipeline.finish()
    assert pipeline.endpointed  # finish() closed the last utterance
    speculative = [j for j in jobs(items) if j.speculative]
    closed = [e for e in items if isinstance(e, TranscriptFinal)]
    assert speculative and not closed and pipeline.pending_finals >= 1
    events = []
    for job in jobs(items):  # the transcriber answers only now, after the utterances closed
        events += pipeline.on_transcription(job, TranscriptionResult(f"at {job.end}", "en"))
    finals = [e for e in events if isinstance(e, TranscriptFinal)]
    assert pipeline.pending_finals == 0 and len(finals) == 2
    assert all(e.text == f"at {e.end}" for e in finals)
    assert [e.type for e in pipeline.close()][-1] == "call.ended"


def test_speech_after_the_pause_makes_the_speculative_text_a_partial():
    pcm = decode_file(fixture_path("call_calm_en.wav")).legs["customer"]
    # An early offer and a long closing silence: pauses inside a turn get speculative offers.
    config = PipelineConfig(language="en", partials=False)
    config.segmenter = dataclasses.replace(
        config.segmenter, end_silence_ms=1200, speculate_after_ms=150
    )
    pipeline = CallPipeline("p", ("customer",), config)
    pipeline.start()
    items = feed_leg(pipeline, "customer", pcm) + pipeline.finish()
    speculative = [j for j in jobs(items) if j.speculative]
    final_ends = {(j.utterance_id, j.end) for j in jobs(items) if j.final}
    overtaken = [j for j in speculative if (j.utterance_id, j.end) not in final_ends]
    # Jobs are answered late, in order: an overtaken offer still shows as a partial if
    # its utterance was open, and never as a final.
    events = []
    for job in jobs(items):
        events += pipeline.on_transcription(job, TranscriptionResult(f"at {job.end}", "en"))
    finals = [e for e in events if isinstance(e, TranscriptFinal)]
    assert overtaken, "the calm call has pauses inside turns"
    assert {e.text for e in finals}.isdisjoint({f"at {j.end}" for j in overtaken})
    assert len(finals) == len({j.utterance_id for j in jobs(items)})


def _two_closed_utterances():
    legs = decode_file(fixture_path("stereo_diarization.wav")).legs
    config = PipelineConfig(language="en", partials=False, speculative_finals=False)
    pipeline = CallPipeline("c9", ("agent", "customer"), config)
    pipeline.start()
    items = feed_leg(pipeline, "agent", legs["agent"]) + feed_leg(
        pipeline, "customer", legs["customer"]
    )
    items += pipeline.finish()
    first, second = [j for j in jobs(items) if j.final]  # in the order they closed
    assert first.leg != second.leg
    return pipeline, first, second


def test_finals_leave_in_the_order_their_utterances_closed():
    # Two whisper workers may finish the later utterance first; its final waits.
    pipeline, first, second = _two_closed_utterances()
    assert pipeline.on_transcription(second, TranscriptionResult("Said second.", "en")) == []
    assert pipeline.pending_finals == 2
    events = pipeline.on_transcription(first, TranscriptionResult("Said first.", "en"))
    finals = [e for e in events if isinstance(e, TranscriptFinal)]
    assert [(f.speaker, f.text) for f in finals] == [
        (first.leg, "Said first."),
        (second.leg, "Said second."),
    ]
    assert pipeline.pending_finals == 0


def test_a_failed_final_is_reported_and_releases_the_finals_behind_it():
    pipeline, first, second = _two_closed_utterances()
    assert pipeline.on_transcription(second, TranscriptionResult("Said second.", "en")) == []
    events = pipeline.on_transcription_failed(first, "model crashed")
    assert [e.type for e in events] == ["error", "transcript.final"]
    assert events[0].code == "transcription_failed" and "model crashed" in events[0].message
    assert events[1].text == "Said second." and pipeline.pending_finals == 0


def test_a_failed_speculative_job_with_its_final_waiting_is_reported():
    pcm = decode_file(fixture_path("jfk.flac")).legs["customer"]
    pipeline = CallPipeline("w2", ("customer",), PipelineConfig(language="en", partials=False))
    pipeline.start()
    items = feed_leg(pipeline, "customer", pcm) + pipeline.finish()
    speculative = [j for j in jobs(items) if j.speculative][0]
    closed_later = [j for j in jobs(items) if j.final][0]
    assert pipeline.pending_finals == 2  # the first final rides on the speculative job
    events = pipeline.on_transcription_failed(speculative, "model crashed")
    assert [e.type for e in events] == ["error"] and events[0].t == speculative.end
    assert pipeline.pending_finals == 1
    events = pipeline.on_transcription(closed_later, TranscriptionResult("Later.", "en"))
    assert [e.text for e in events if isinstance(e, TranscriptFinal)] == ["Later."]
