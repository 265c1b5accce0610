"""Whisper must not write its vocabulary prompt into a transcript.

Over a short or unclear turn whisper may end its text with the prompt's last words (a Dutch
agent's goodbye came out as "Klacht, leidinggevende, medewerker." — an escalation word
nobody said). An output that reproduces the prompt is decoded again without it, on every
path (finals, partials, batches), because all of them go through `transcribe_batch`.
"""

from __future__ import annotations

import json

import pytest

from bench.prompt_words import TRADE_PROMPTS
from copilot.asr.transcriber import (
    DecodingOptions,
    TranscriptionRequest,
    WhisperTranscriber,
    prompt_recital,
)
from copilot.audio.files import decode_file, pcm16_to_float
from tests.conftest import fixture_path

# The trade's words, as English ships them and as a Dutch deployment may set them.
PROMPTS = TRADE_PROMPTS


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Klacht, leidinggevende, medewerker.", "nl"),  # the reported live output
        ("Graag gedaan. Klacht, leidinggevende, medewerker.", "nl"),  # the prompt's tail
        ("Pakketkluis, retour, terugbetaling, factuur.", "nl"),
        ("Complaint, manager, supervisor.", "en"),
        ("Refund, invoice, subscription, complaint.", "en"),
    ],
)
def test_outputs_that_reproduce_the_prompt_are_recognised(text, language):
    assert prompt_recital(text, PROMPTS[language])


def test_no_line_of_the_shipped_calls_counts_as_a_recital():
    """Every reference line of the labelled calls (both languages) is speech, not prompt."""
    lines = []
    for name in ("call_calm_en", "call_calm_nl", "call_escalating_en", "call_escalating_nl"):
        script = json.loads(fixture_path(f"{name}.json").read_text())
        lines += [(turn["text"], script["language"]) for turn in script["turns"]]
    assert len(lines) > 40
    assert [text for text, lang in lines if prompt_recital(text, PROMPTS[lang])] == []


JFK = "And so my fellow Americans, ask not what your country can do for you"


@pytest.fixture(scope="module")
def prompted_with_the_speech() -> WhisperTranscriber:
    """tiny.en with the clip's own words as its prompt: its output always echoes the prompt."""
    options = DecodingOptions(vocabulary={"en": JFK})
    return WhisperTranscriber("tiny.en", options=options)


@pytest.mark.parametrize("partial", [False, True])
def test_a_recital_is_decoded_again_without_the_prompt(prompted_with_the_speech, partial):
    audio = pcm16_to_float(decode_file(fixture_path("jfk.flac")).legs["customer"])
    (result,) = prompted_with_the_speech.transcribe_batch(
        [TranscriptionRequest(audio, "en", partial=partial)]
    )
    assert result.redone == "unprompted"
    assert "ask not what your country can do for you" in result.text.lower()


def test_speech_that_does_not_echo_the_prompt_is_decoded_once(tiny_en):
    audio = pcm16_to_float(decode_file(fixture_path("jfk.flac")).legs["customer"])
    (result,) = tiny_en.transcribe_batch([TranscriptionRequest(audio, "en")])
    assert result.redone == "" and "country" in result.text.lower()
