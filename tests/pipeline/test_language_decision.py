"""LanguageDecider as a sans-I/O object, and how CallPipeline turns its decision into an event."""

import numpy as np
import pytest

from copilot.asr.jobs import TranscriptionJob
from copilot.asr.language_id import LanguageEvidence
from copilot.asr.transcriber import TranscriptionResult
from copilot.audio.files import decode_file
from copilot.events.codec import event_from_json
from copilot.events.core import CallLanguage, TranscriptFinal
from copilot.pipeline.call import CallPipeline, PipelineConfig
from copilot.pipeline.language_decision import LanguageDecider
from copilot.pipeline.settings import LanguageDecisionConfig
from tests.conftest import fixture_path
from tests.pipeline.test_pipeline import feed_leg, jobs


def said(nl: float, seconds: float = 3.0, how: str = "detected") -> LanguageEvidence:
    return LanguageEvidence((("nl", nl), ("en", round(1 - nl, 4))), how, seconds, 0.1)


def no_vote(seconds: float = 3.0) -> LanguageEvidence:
    return LanguageEvidence((), "decoded", seconds, 0.2)


def test_sure_utterances_of_both_legs_decide_early():
    decider = LanguageDecider()
    assert decider.add(said(0.99), "agent", 3.5) is None  # one utterance is never enough
    decision = decider.add(said(0.97), "customer", 7.0)
    assert decision is not None and decision.language == "nl"
    assert decision.confidence == pytest.approx(0.98) and not decision.unsure
    assert decision.legs == ("agent", "customer") and decision.utterances == 2
    assert decision.decided_at == 7.0 and decision.speech_s == 6.0
    assert decision.cpu_s == pytest.approx(0.2)
    assert decider.add(said(0.0), "agent", 9.0) is None  # decided once, never again


def test_split_evidence_waits_for_max_speech_and_weighs_by_length():
    decider = LanguageDecider(LanguageDecisionConfig(max_speech_s=10.0))
    # A long Dutch-leaning utterance outweighs a short English-leaning one.
    assert decider.add(said(0.7, seconds=4.0, how="decoded"), "agent", 4) is None
    assert decider.add(said(0.2, seconds=1.0), "customer", 6) is None
    assert decider.add(no_vote(seconds=2.0), "agent", 9) is None  # counts as speech, not a vote
    decision = decider.add(said(0.8, seconds=3.0, how="decoded"), "customer", 13)
    assert decision is not None and decision.speech_s == 10.0
    expected = (0.7 * 4 + 0.2 * 1 + 0.8 * 3) / 8
    assert decision.language == "nl" and decision.confidence == pytest.approx(expected, abs=1e-3)
    assert decision.unsure == (expected < 0.75) and decision.decoded == 2
    assert decision.utterances == 4


def test_unsure_below_the_floor_and_no_vote_falls_back_to_the_first_candidate():
    decider = LanguageDecider()
    decider.add(said(0.4), "customer", 3)
    decision = decider.finish()
    assert decision.language == "en" and decision.confidence == 0.6 and decision.unsure
    silent = LanguageDecider(LanguageDecisionConfig(candidates=("en", "nl")))
    silent.add(no_vote(), "customer", 3)
    nothing = silent.finish()
    assert nothing.language == "en" and nothing.confidence == 0.0 and nothing.unsure


def test_candidates_are_checked():
    with pytest.raises(ValueError):
        LanguageDecisionConfig(candidates=("nl", "de"))
    with pytest.raises(ValueError):
        LanguageDecisionConfig(min_speech_s=30.0, max_speech_s=20.0)


def test_the_pipeline_emits_call_language_once_and_later_jobs_carry_it():
    pcm = decode_file(fixture_path("jfk.flac")).legs["customer"]
    config = PipelineConfig(
        language="auto",
        partials=False,
        speculative_finals=False,
        language_decision=LanguageDecisionConfig(min_speech_s=1.0),
    )
    pipeline = CallPipeline("c-lang", ("customer",), config)
    pipeline.start()
    first, second = jobs(feed_leg(pipeline, "customer", pcm) + pipeline.finish())
    assert first.language is None and second.language is None
    events = pipeline.on_transcription(
        first, TranscriptionResult("And so", "en", language_evidence=said(0.05))
    )
    assert pipeline.language is None  # one utterance is not enough
    events += pipeline.on_transcription(
        second, TranscriptionResult("ask not", "en", language_evidence=said(0.02))
    )
    decided = [e for e in events if isinstance(e, CallLanguage)]
    assert len(decided) == 1 and decided[0].language == "en" and pipeline.language == "en"
    # The decision comes before the final that settled it, at that utterance's end.
    kinds = [type(e) for e in events]
    assert kinds.index(CallLanguage) < len(kinds) - 1 and kinds[-1] is TranscriptFinal
    assert decided[0].t == second.end
    assert event_from_json(decided[0].to_json()) == decided[0]
    later = jobs(feed_leg(pipeline, "customer", pcm, t0=11.0) + pipeline.finish())
    assert later and all(j.language == "en" for j in later)
    assert not [e for e in pipeline.close() if isinstance(e, CallLanguage)]


def test_a_call_that_ends_early_is_decided_before_call_ended():
    pipeline = CallPipeline("c-short", ("customer",), PipelineConfig(language="auto"))
    pipeline.start()
    audio = np.zeros(32000, dtype=np.int16)
    job = TranscriptionJob("c-short", "customer", "customer-1", 0.5, 2.5, audio, True, None)
    pipeline.on_transcription(job, TranscriptionResult("hoi", "nl", language_evidence=said(0.9)))
    closing = pipeline.close()
    assert [e.type for e in closing][-2:] == ["call.language", "call.ended"]
    assert closing[-2].language == "nl" and closing[-2].t == 2.5
