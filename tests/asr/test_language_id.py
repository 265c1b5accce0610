"""`language = "auto"` decides every test call's language, clean and as 8 kHz mu-law telephony.

Real whisper (the multilingual base), the live segmenter, and the decision QA replay runs
(`copilot.pipeline.offline.decide_language`): the shipped espeak-ng calls (stereo, both
legs) and the real speech clips (Flemish Dutch, JFK and the stereo clip in English). The
8 kHz copies come from the benchmarks' `telephony_copy`.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.asr_eval import telephony_copy
from bench.language_auto import FIXTURE_CALLS, REAL_CLIPS, decide_file
from copilot.asr.language_id import identify
from copilot.audio.files import decode_file, pcm16_to_float
from tests.conftest import fixture_path

CASES = [(name, truth) for name, truth in {**FIXTURE_CALLS, **REAL_CLIPS}.items()]


@pytest.fixture(scope="module")
def telephony(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("8k")


@pytest.mark.slow
@pytest.mark.parametrize("condition", ["clean", "8k"])
@pytest.mark.parametrize(("name", "truth"), CASES)
def test_auto_decides_each_test_call(name, truth, condition, base_multilingual, telephony):
    path = fixture_path(name)
    if condition == "8k":
        path = telephony_copy(path, telephony)
    decided, cpu = decide_file(path, base_multilingual)
    assert decided.language == truth, decided
    assert set(decided.probabilities) == {"nl", "en"}
    assert decided.confidence == decided.probabilities[truth]
    assert decided.speech_s <= 20.0 + 15.0  # at most the cap plus one utterance
    assert 0 < decided.cpu_s <= cpu + 1e-6
    if name in FIXTURE_CALLS:
        assert decided.legs and set(decided.legs) <= {"agent", "customer"}


@pytest.mark.slow
def test_real_dutch_speech_is_recognised_by_whisper_alone(base_multilingual):
    """On a human voice whisper's language token settles it; no decode is needed."""
    audio = pcm16_to_float(decode_file(fixture_path("vl04108.wav")).legs["customer"])
    (evidence,) = identify(base_multilingual, [audio], ("nl", "en"))
    assert evidence.how == "detected" and evidence.language == "nl"
    assert evidence.probability > 0.9


@pytest.mark.slow
def test_a_voice_whisper_hears_as_no_candidate_is_decoded_in_each(base_multilingual):
    """The espeak-ng Dutch agent ("Een moment, ik kijk het even na"): whisper's token says
    Nynorsk, and between only nl and en it leans to English; decoding in both settles it for
    Dutch. (Not every such line does: the call's decision adds several up.)"""
    call = decode_file(fixture_path("call_escalating_nl.wav"))
    audio = pcm16_to_float(call.legs["agent"][int(14.3 * 16000) : int(19.2 * 16000)])
    (evidence,) = identify(base_multilingual, [audio], ("nl", "en"))
    assert evidence.how == "decoded" and evidence.language == "nl"


@pytest.mark.slow
@pytest.mark.parametrize(("name", "truth"), [("vl04108.wav", "nl"), ("jfk.flac", "en")])
def test_the_live_path_decides_with_the_same_decider(name, truth):
    """`copilot transcribe` runs the live CallSession and transcription service: the finals'
    language evidence decides the call once, and the decision comes before `call.ended`."""
    done = subprocess.run(
        [sys.executable, "-m", "copilot.cli", "transcribe", "--json", "--language", "auto"]
        + ["--stages", "", str(fixture_path(name))],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    events = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    decided = [e for e in events if e["type"] == "call.language"]
    assert len(decided) == 1 and decided[0]["language"] == truth
    assert {e["language"] for e in events if e["type"] == "transcript.final"} == {truth}
    types = [e["type"] for e in events]
    assert types.index("call.language") < types.index("call.ended")
