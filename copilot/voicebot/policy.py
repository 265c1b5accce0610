"""The voicebot's judgement on one customer turn, kept apart from its state machine.

Plain functions over what the other stages said about the utterance: is this a
yes or a no, does the caller ask for a person, is the caller upset, confused or
overloaded, is there a knowledge-base passage good enough to read out. Word lists
rather than a model: they must be predictable, and a wrong guess costs only a
hand-over to a person, which is always allowed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from copilot.events.affect import SIGNALS
from copilot.voicebot.settings import VoicebotConfig

YES = re.compile(
    r"\b(?:ja|jazeker|jawel|zeker|klopt|prima|top|super|dank\w*|yes|yeah|yep|sure|"
    r"it did|that helped|thanks|thank you|great|perfect)\b",
    re.IGNORECASE,
)
NO = re.compile(
    r"\b(?:nee|neen|niet|helaas|geen|no|nope|not|didn't|did not|doesn't|does not)\b",
    re.IGNORECASE,
)
ASKS_FOR_PERSON = re.compile(
    r"\b(?:medewerker|mens|een persoon|iemand spreken|collega|echt iemand|operator|human|"
    r"real person|a person|representative|someone real|an agent|speak to (?:someone|somebody))\b",
    re.IGNORECASE,
)
# Intents a bot never answers by itself (the assist stage's own front-door list).
NO_SELF_SERVICE = frozenset({"complaint", "request_human", "cancel_contract"})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
PERSON_DIGIT = "0"  # DTMF 0 is "an operator, please" on every phone menu


def confirmation(text: str) -> str:
    """`yes`, `no` or `` for an answer to "did that help?"; a mixed answer counts as no."""
    if NO.search(text):
        return "no"
    if YES.search(text):
        return "yes"
    return ""


def asks_for_person(text: str) -> bool:
    """Whether the caller asks for a person in words ("medewerker", "real person", ...)."""
    return bool(ASKS_FOR_PERSON.search(text))


def over_threshold(scores: dict[str, float], config: VoicebotConfig) -> str:
    """The first affect signal at or over its hand-over threshold, as a reason; `` if none."""
    limits = {
        "frustration": config.frustration_threshold,
        "doubt": config.doubt_threshold,
        "load": config.load_threshold,
    }
    for signal in SIGNALS:
        score = scores.get(signal, 0.0)
        if score >= limits[signal]:
            return f"{signal} {score:.2f} >= {limits[signal]}"
    return ""


def spoken_answer(passage: str, max_chars: int) -> str:
    """The passage cut after the last whole sentence that fits in `max_chars`."""
    text = " ".join(passage.split())
    if len(text) <= max_chars:
        return text
    kept = ""
    for sentence in _SENTENCE_END.split(text):
        if len(kept) + len(sentence) + 1 > max_chars:
            break
        kept = f"{kept} {sentence}".strip()
    return kept or text[:max_chars].rsplit(" ", 1)[0]


def estimate_seconds(text: str, words_per_minute: int = 165) -> float:
    """Speaking time of `text` when the synthesizer cannot tell (a fallback, not a measurement)."""
    return round(len(text.split()) * 60.0 / words_per_minute + 0.3, 3)


@dataclass
class CallerProfile:
    """What the caller said and showed so far: the facts and affect on the hand-over card."""

    said: list[str] = field(default_factory=list)
    facts: dict[str, str] = field(default_factory=dict)
    affect: dict[str, float] = field(default_factory=lambda: dict.fromkeys(SIGNALS, 0.0))

    def note_affect(self, scores: dict[str, float]) -> None:
        """One utterance's affect: each signal keeps the call's highest, for the hand-over card."""
        for signal in SIGNALS:
            self.affect[signal] = max(self.affect[signal], round(scores.get(signal, 0.0), 3))
