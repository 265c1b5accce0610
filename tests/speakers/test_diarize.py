"""Who speaks when on real voices: one voice stays one speaker, and two real voices in quick
turns are followed into their backchannels (the voice encoder only, no whisper)."""

from __future__ import annotations

import numpy as np
import pytest

from bench.speaker_mixes import real_mixes
from copilot.audio.files import decode_file
from copilot.speakers.diarize import MIN_VOICE_S, diarize
from copilot.speakers.embedder import OnnxVoiceEncoder
from copilot.speakers.voice_activity import runs
from tests.conftest import fixture_path

FLEMISH = ("vl00203.wav", "vl04108.wav", "vl09647.wav", "vl12745.wav", "vl14994.wav")


@pytest.fixture(scope="module")
def embedder() -> OnnxVoiceEncoder:
    return OnnxVoiceEncoder()


def _mono(name: str) -> np.ndarray:
    return next(iter(decode_file(fixture_path(name)).legs.values()))


def test_one_real_voice_is_one_speaker(embedder):
    """JFK's 10 s of speech and the Flemish reader's five clips joined (14 s): the two halves
    of one voice are as far apart as two voices can be, but neither half is a party."""
    gap = np.zeros(4800, dtype=np.int16)
    joined = np.concatenate([piece for name in FLEMISH for piece in (_mono(name), gap)])
    for pcm in (_mono("jfk.flac"), joined):
        found = diarize(pcm, embedder)
        assert found.speakers == 1, found.similarity
        assert set(np.unique(found.frames)) <= {-1, 0}


COLLAR = 25  # 10 ms frames either side of a true turn boundary, as the bench's DER


def _scored(mix, found) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    count = min(len(found.frames), len(mix.truth["agent"]))
    agent, customer = mix.truth["agent"][:count], mix.truth["customer"][:count]
    frames = found.frames[:count]
    # Which found speaker is the agent: the one holding most of the agent's frames.
    agent_speaker = int(np.mean(frames[agent & ~customer] == 1) > 0.5)
    return agent, customer, frames, agent_speaker


@pytest.mark.parametrize("mix", real_mixes(), ids=lambda m: m.name)
def test_two_real_voices_are_two_speakers(mix, embedder):
    found = diarize(mix.pcm, embedder)
    assert found.speakers == 2 and min(found.speech_s.values()) >= MIN_VOICE_S
    agent, customer, frames, agent_speaker = _scored(mix, found)
    scored = (agent ^ customer) & (frames >= 0)
    for mask in (agent, customer):
        for edge in np.flatnonzero(np.diff(mask.astype(np.int8))) + 1:
            scored[max(0, edge - COLLAR) : edge + COLLAR] = False
    right = np.where(agent, frames == agent_speaker, frames == 1 - agent_speaker)[scored]
    assert right.mean() >= 0.95, right.mean()


def test_a_backchannel_inside_the_other_voices_turn_is_its_speakers(embedder):
    """The German reader's 0.8 s turns between two phrases of the Flemish reader (0.15-0.4 s
    gaps): a 1.6 s window never holds more of one than of the Flemish voice around it; the
    short windows hear it alone."""
    mix = next(m for m in real_mixes() if m.name == "real_nl_flemish_licence_de")
    agent, customer, frames, agent_speaker = _scored(mix, diarize(mix.pcm, embedder))
    backchannels = [
        (start, end)
        for start, end in runs(customer)
        if end - start <= 100
        and agent[max(0, start - 50) : start].any()
        and agent[end : end + 50].any()
    ]
    assert backchannels
    heard = [np.mean(frames[start:end] == 1 - agent_speaker) for start, end in backchannels]
    assert max(heard) > 0.5, heard
