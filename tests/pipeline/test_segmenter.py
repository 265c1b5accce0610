"""webrtcvad endpointing on real speech, silence, and over-long monologues."""

import numpy as np
import pytest

from copilot.audio.files import decode_file
from copilot.audio.format import PIPELINE_RATE
from copilot.pipeline.segmenter import UtteranceAudio, UtteranceSegmenter, UtteranceStarted
from copilot.pipeline.settings import SegmenterConfig
from tests.conftest import call_script, fixture_path


def run(pcm: np.ndarray, config: SegmenterConfig | None = None, chunk: int = 320):
    segmenter = UtteranceSegmenter("customer", config)
    out = []
    for i in range(0, len(pcm), chunk):
        out.extend(segmenter.feed(pcm[i : i + chunk]))
    out.extend(segmenter.flush())
    return out


def finals(items):
    return [i for i in items if isinstance(i, UtteranceAudio) and i.final and len(i.audio)]


def test_generated_call_turns_become_one_utterance_each():
    call = decode_file(fixture_path("call_escalating_en.wav"))
    script = [t for t in call_script("call_escalating_en")["turns"] if t["speaker"] == "customer"]
    found = finals(run(call.legs["customer"]))
    assert len(found) == len(script)
    for utterance, turn in zip(found, script, strict=True):
        # Pre-roll starts a little early; the end is the last voiced frame.
        assert turn["start"] - 0.4 <= utterance.start <= turn["start"] + 0.1
        assert abs(utterance.end - turn["end"]) < 0.35


def test_silence_and_low_noise_give_no_utterance():
    rng = np.random.default_rng(0)
    noise = (rng.standard_normal(5 * PIPELINE_RATE) * 30).astype(np.int16)
    assert run(np.zeros(5 * PIPELINE_RATE, np.int16)) == []
    assert finals(run(noise)) == []


def test_chunk_size_does_not_change_the_result():
    pcm = decode_file(fixture_path("jfk.flac")).legs["customer"]
    a = [(u.start, u.end) for u in finals(run(pcm, chunk=160))]
    b = [(u.start, u.end) for u in finals(run(pcm, chunk=4000))]
    assert a == b and len(a) >= 1


def test_long_speech_is_cut_at_max_length_near_a_quiet_frame():
    pcm = decode_file(fixture_path("multilingual.mp3")).legs["customer"]
    config = SegmenterConfig(max_utterance_s=8.0)
    items = run(pcm, config)
    utterances = finals(items)
    assert all(u.end - u.start <= 8.0 + 1e-6 for u in utterances)
    assert len(utterances) >= 6
    # Consecutive cut pieces touch: no audio is lost at a forced cut.
    starts = [i.start for i in items if isinstance(i, UtteranceStarted)]
    assert len(starts) == len({i.utterance_id for i in items if isinstance(i, UtteranceStarted)})


def test_partials_are_offered_about_every_second_of_speech():
    pcm = decode_file(fixture_path("stereo_diarization.wav")).legs["agent"]
    items = run(pcm, SegmenterConfig(partial_every_s=1.0))
    partials = [i for i in items if isinstance(i, UtteranceAudio) and not i.final]
    assert 2 <= len(partials) <= 5
    assert all(p.utterance_id == "customer-1" for p in partials)
    assert [len(p.audio) for p in partials] == sorted(len(p.audio) for p in partials)


def test_the_first_partial_comes_after_half_a_second_then_every_second():
    pcm = decode_file(fixture_path("jfk.flac")).legs["customer"]
    config = SegmenterConfig(partial_every_s=1.0, first_partial_after_s=0.5)
    items = run(pcm, config)
    started = next(i for i in items if isinstance(i, UtteranceStarted))
    first_utterance = [
        i
        for i in items
        if isinstance(i, UtteranceAudio) and not i.final and i.utterance_id == started.utterance_id
    ]
    spoken = [len(p.audio) / PIPELINE_RATE for p in first_utterance]
    # Audio so far = pre-roll + speech to the offer (+ the kept tail): the first offer
    # comes about a second before the old one did, the next ones a second apart.
    assert spoken[0] < 1.3
    assert all(0.8 < b - a < 1.3 for a, b in zip(spoken, spoken[1:], strict=False))


def test_flush_closes_an_utterance_cut_off_by_a_hangup():
    pcm = decode_file(fixture_path("jfk.flac")).legs["customer"][: 3 * PIPELINE_RATE]
    items = run(pcm)
    assert len(finals(items)) == 1
    assert finals(items)[0].end == pytest.approx(3.0, abs=0.1)


def test_bad_settings_are_refused():
    with pytest.raises(ValueError, match="aggressiveness"):
        SegmenterConfig(aggressiveness=5)
    with pytest.raises(TypeError):
        UtteranceSegmenter("customer").feed(np.zeros(10, np.float32))


def test_speculative_offer_in_the_closing_silence_carries_the_final_audio():
    call = decode_file(fixture_path("call_escalating_en.wav"))
    items = run(call.legs["customer"])
    offers = {
        (i.utterance_id, i.end): i for i in items if isinstance(i, UtteranceAudio) and i.speculative
    }
    held = [u for u in finals(items) if (u.utterance_id, u.end) in offers]
    # Each turn ends in a held silence, so its final was offered early, byte for byte.
    assert len(held) == len(finals(items))
    for final in held:
        offer = offers[(final.utterance_id, final.end)]
        assert not offer.final and offer.start == final.start
        assert np.array_equal(offer.audio, final.audio)


def test_no_speculative_offer_when_switched_off_or_inconsistent():
    pcm = decode_file(fixture_path("jfk.flac")).legs["customer"]
    items = run(pcm, SegmenterConfig(speculate_after_ms=0))
    assert finals(items) and not any(getattr(i, "speculative", False) for i in items)
    with pytest.raises(ValueError, match="speculate_after_ms"):
        SegmenterConfig(speculate_after_ms=600)  # would come after the utterance closed
