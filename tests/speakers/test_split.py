"""A mono mix of a stereo test call split back into agent and customer, with real whisper."""

from __future__ import annotations

import numpy as np
import pytest

from copilot.audio.files import DecodedCall, decode_file
from copilot.config import Config
from copilot.events.core import TranscriptFinal
from copilot.pipeline.mono_split import LegMaker
from copilot.pipeline.offline import run_call_offline
from copilot.runtime import pipeline_config
from copilot.speakers.embedder import OnnxVoiceEncoder
from tests.conftest import call_script, fixture_path

SECONDS = 32.0  # the greeting and five turns: enough for both voices, quick to transcribe


@pytest.fixture(scope="module")
def embedder() -> OnnxVoiceEncoder:
    return OnnxVoiceEncoder()


def mono_mix(name: str, seconds: float = SECONDS) -> DecodedCall:
    call = decode_file(fixture_path(f"{name}.wav"))
    end = int(seconds * 16000)
    mixed = call.legs["agent"][:end].astype(np.int32) + call.legs["customer"][:end]
    pcm = np.clip(mixed, -32768, 32767).astype(np.int16)
    return DecodedCall({"customer": pcm}, 16000, 1, "WAV/PCM_16")


def words_on_the_right_leg(name: str, finals: list[TranscriptFinal]) -> tuple[int, int]:
    turns = call_script(name)["turns"]
    right = total = 0
    for final in finals:
        for word in final.words:
            middle = (word.start + word.end) / 2
            near = min(turns, key=lambda t: max(t["start"] - middle, middle - t["end"], 0.0))
            total += 1
            right += near["speaker"] == final.speaker
    return right, total


def test_split_puts_nine_words_in_ten_on_the_right_leg(tiny_en, embedder):
    maker = LegMaker("split", embedder=embedder)
    legs, source = maker.legs(mono_mix("call_escalating_en"), lambda _: tiny_en, "en")
    assert set(legs.legs) == {"agent", "customer"}
    assert source.kind == "split_mono" and source.speakers == 2
    assert source.agent_rule == "greeting" and source.confidence >= 0.9
    events = run_call_offline(legs, lambda _: tiny_en, pipeline_config(Config(language="en")))
    finals = [e for e in events if isinstance(e, TranscriptFinal)]
    right, total = words_on_the_right_leg("call_escalating_en", finals)
    assert total > 60 and right / total >= 0.9, (right, total)
    agent_text = " ".join(f.text for f in finals if f.speaker == "agent").lower()
    assert "customer service" in agent_text


def test_one_voice_is_said_and_labelled_by_rule(tiny_en, embedder):
    call = decode_file(fixture_path("call_calm_en.wav"))
    agent_only = DecodedCall({"customer": call.legs["agent"][: 30 * 16000]}, 16000, 1, "WAV")
    legs, source = LegMaker("split", embedder=embedder).legs(agent_only, lambda _: tiny_en, "en")
    assert source.speakers == 1 and source.agent_rule == "greeting"
    assert np.abs(legs.legs["customer"]).max() == 0  # all of it on the agent leg

    silence = DecodedCall({"customer": np.zeros(16000 * 3, dtype=np.int16)}, 16000, 1, "WAV")
    legs, source = LegMaker("split", embedder=embedder).legs(silence, lambda _: tiny_en, "en")
    assert source.speakers == 0 and source.agent_rule == "one_voice"
    assert len(legs.legs["agent"]) == len(legs.legs["customer"]) == 16000 * 3


def test_an_agents_stereo_calls_make_a_voiceprint_that_names_them(tiny_en, embedder, tmp_path):
    maker = LegMaker("split", str(tmp_path / "voiceprints"), embedder=embedder)
    stereo = decode_file(fixture_path("call_calm_en.wav"))
    _, source = maker.legs(stereo, agent_id="agent-7")
    assert source.kind == "stereo"
    assert maker.store is not None and maker.store.get("agent-7") is not None
    # No whisper: the voiceprint alone names the agent on another call of theirs.
    _, source = maker.legs(mono_mix("call_escalating_en"), agent_id="agent-7")
    assert source.agent_rule == "voiceprint" and source.confidence >= 0.7, source
    assert maker.store.delete("agent-7") and maker.store.get("agent-7") is None
