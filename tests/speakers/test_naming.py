"""Which voice is the agent: greetings in both languages, voiceprints, the first speaker."""

import numpy as np

from copilot.speakers.naming import (
    FIRST_SPEAKER,
    by_greeting,
    by_voiceprint,
    choose_agent,
    greeting_hits,
)


def test_greetings_in_english_and_dutch_and_the_company_name():
    assert "you're speaking with" in greeting_hits("Hi, you’re speaking with Anna.")
    assert "u spreekt met" in greeting_hits("Goedemorgen, u spreekt met Daan.")
    assert "welkom bij" in greeting_hits("Welkom bij Vlotpost!")
    assert greeting_hits("Hello Vlotpost here", ["Vlotpost"]) == ["vlotpost"]
    assert greeting_hits("I am speaking without a script") == []
    # What whisper's base model heard of the espeak agent's Dutch greeting in a mono mix.
    heard = "Hoe de middag klanten soms van Parcelo oostreekt met aan, maar mee kan ik u helpen"
    assert greeting_hits(heard) == ["kan ik u helpen"]


def test_the_speaker_who_greets_is_the_agent():
    choice = by_greeting(["Hallo, waar blijft mijn pakket?", "Klantenservice, u spreekt met Daan."])
    assert choice.agent == 1 and choice.confidence >= 0.9 and "u spreekt met" in choice.detail
    assert by_greeting(["Hello", "Hi"]).agent is None
    assert by_greeting(["Welcome to Parcelo", "Welcome to the show"]).agent is None  # both


def test_rules_combine_and_the_first_speaker_is_the_last_resort():
    greeting = by_greeting(["thanks for calling, how can I help", "my parcel"])
    voices = np.eye(2, dtype=np.float32)
    printed = by_voiceprint(voices, np.array([0.9, 0.1], dtype=np.float32) / np.hypot(0.9, 0.1))
    both = choose_agent([printed, greeting], first_speaker=1)
    assert both.agent == 0 and both.rule == "voiceprint+greeting"
    assert both.confidence > max(printed.confidence, greeting.confidence)
    nothing = choose_agent([by_voiceprint(voices, None), by_greeting(["", ""])], first_speaker=1)
    assert nothing.agent == 1 and nothing.rule == FIRST_SPEAKER and nothing.confidence < 0.9
