"""Voice features on the generated clips: loudness, pitch, rate, baselines, pauses and overlap."""

import json

import numpy as np
import pytest

from copilot.affect.prosody import VoiceFeatureExtractor, analyse
from copilot.audio.files import decode_file
from copilot.audio.format import PIPELINE_RATE
from tests.conftest import call_script, fixture_path


def turn_audio(name: str, index: int = 0) -> tuple[np.ndarray, dict]:
    """A sidecar turn's audio (with 0.2 s of room either side, as the segmenter cuts it)."""
    turn = call_script(name)["turns"][index]
    pcm = decode_file(fixture_path(f"{name}.wav")).legs[turn["speaker"]]
    start, end = (
        int((turn[k] + pad) * PIPELINE_RATE) for k, pad in (("start", -0.2), ("end", 0.2))
    )
    return pcm[max(start, 0) : end], turn


def clip_features(extractor: VoiceFeatureExtractor, name: str, start: float = 0.5):
    audio, turn = turn_audio(name)
    duration = turn["end"] - turn["start"]
    return extractor.features("customer", audio, start, start + duration, len(turn["text"].split()))


def test_agitated_voice_is_louder_higher_and_faster_than_calm():
    calm = clip_features(VoiceFeatureExtractor(), "voice_calm_en")
    agitated = clip_features(VoiceFeatureExtractor(), "voice_agitated_en")
    assert agitated.loudness_db > calm.loudness_db + 4  # espeak amplitude 100 -> 200
    assert agitated.pitch_hz > calm.pitch_hz * 1.2  # espeak pitch 40 -> 70
    assert agitated.speaking_rate > calm.speaking_rate * 1.2  # 150 -> 200 words a minute
    assert 60 <= calm.pitch_hz <= 400 and calm.pitch_variability > 0


def test_first_utterance_has_near_zero_z_and_a_baseline_makes_a_shout_stand_out():
    extractor = VoiceFeatureExtractor()
    first = clip_features(extractor, "voice_calm_en", start=0.5)
    assert all(abs(z) < 1.5 for z in first.z.values()), first.z
    assert first.z["pitch"] == 0  # across speakers pitch says who, not how
    again = clip_features(extractor, "voice_calm_en", start=10.0)
    assert all(abs(z) < 0.5 for z in again.z.values()), again.z
    shout = clip_features(extractor, "voice_agitated_en", start=20.0)
    for feature in ("loudness", "pitch", "rate"):
        assert shout.z[feature] > 1.5, shout.z
    assert extractor.baseline_size("customer") == 3


@pytest.mark.parametrize("name", ["call_escalating_en", "call_escalating_nl"])
def test_angry_customer_turns_sound_louder_and_higher_than_the_calm_one(name):
    script = call_script(name)
    extractor = VoiceFeatureExtractor()
    by_style: dict[str, list] = {}
    for index, turn in enumerate(script["turns"]):
        audio, _ = turn_audio(name, index)
        features = extractor.features(
            turn["speaker"], audio, turn["start"], turn["end"], len(turn["text"].split())
        )
        if turn["speaker"] == "customer":
            by_style.setdefault(turn["style"], []).append(features)
    calm, angry = by_style["calm"][0], by_style["angry"][0]
    assert angry.loudness_db > calm.loudness_db + 4
    assert angry.pitch_hz > calm.pitch_hz * 1.1
    assert angry.z["loudness"] > 1.5 and angry.z["pitch"] > 1.0


def test_pitch_of_a_synthetic_voice_is_found_within_two_percent():
    t = np.arange(int(0.5 * PIPELINE_RATE)) / PIPELINE_RATE
    for f0 in (80.0, 150.0, 290.0):
        # A few harmonics with a weak fundamental, as a telephone band leaves a voice.
        wave = sum(np.sin(2 * np.pi * f0 * k * t) / k for k in range(1, 6))
        pcm = (wave / np.max(np.abs(wave)) * 8000).astype(np.int16)
        found = np.median(analyse(pcm).f0)
        assert found == pytest.approx(f0, rel=0.02)


def test_silence_and_noise_give_no_pitch_and_no_rate():
    rng = np.random.default_rng(0)
    noise = (rng.standard_normal(PIPELINE_RATE) * 15).astype(np.int16)  # about -66 dBFS
    for audio in (np.zeros(PIPELINE_RATE, np.int16), noise, np.zeros(10, np.int16)):
        features = VoiceFeatureExtractor().features("customer", audio, 0.0, 1.0, 0)
        assert features.pitch_hz == 0 and features.speaking_rate == 0


def test_pause_before_and_overlap_with_the_other_leg():
    extractor = VoiceFeatureExtractor()
    audio, _ = turn_audio("voice_calm_en")
    extractor.note_utterance("agent", 1.0, 3.0)
    first = extractor.features("customer", audio, 2.5, 4.0, 5)
    assert first.overlap_s == pytest.approx(0.5) and first.pause_before_s == 0
    extractor.note_utterance("agent", 4.5, 5.5)
    extractor.note_utterance("agent", 4.5, 5.5)  # told twice (hook, then features): once
    second = extractor.features("customer", audio, 5.0, 6.5, 5)
    assert second.pause_before_s == pytest.approx(1.0)
    assert second.overlap_s == pytest.approx(0.5)
    assert extractor.features("agent", audio, 6.0, 7.0, 5).overlap_s == pytest.approx(0.5)


def test_sidecar_turns_are_what_the_helpers_assume():
    script = json.loads(fixture_path("voice_agitated_en.json").read_text(encoding="utf-8"))
    assert script["turns"][0]["text"] == call_script("voice_calm_en")["turns"][0]["text"]
