"""The affect stage's events: one utterance's scored affect, and the alerts its trend raises.

`Cue` says why a signal moved (a phrase, an emotion, a voice feature); both events
carry their cues, so a sidebar or a QA report can say why without the models.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, ClassVar

from copilot.audio.format import CUSTOMER
from copilot.events.core import Event

SIGNALS = ("frustration", "doubt", "load")
LEVELS = ("early_warning", "escalate", "take_over")
# What a page needs of an alert to word its reason again, in its own language.
ALERT_WORDING_FIELDS = ("level", "signal", "reason", "basis", "run", "cues", "score", "trend")
ALERT_WORDING_FIELDS += ("phrase_floor", "t")


def two_places(value: float) -> str:
    """A 0..1 figure in a reason sentence, rounded half up as the sidebar's JavaScript does.

    Python's own formatting rounds an exact tie to even (0.125 -> "0.12"), JavaScript's
    toFixed away from zero ("0.13"); the pages word alerts again from the event's fields,
    so every side must print the same number.
    """
    return f"{math.floor(value * 100 + 0.5) / 100:.2f}"


@dataclass(frozen=True)
class Cue:
    """Why a signal moved: a phrase in the text or a voice feature, with its signal and weight."""

    signal: str  # one of SIGNALS
    kind: str  # "emotion", "phrase", "voice"
    evidence: str  # e.g. "annoyance 0.62", "this is the third time", "loudness +2.1 sd"
    weight: float
    # How sure whisper was of the words behind the cue: their mean word probability
    # (1.0 for voice cues and for text that came without word timings, e.g. a chat turn).
    confidence: float = 1.0


def cues_from(items: Any) -> tuple[Cue, ...]:
    """Cues as `Cue`s with 3-decimal numbers, also from their JSON dicts (so events round-trip)."""
    cues = [c if isinstance(c, Cue) else Cue(**c) for c in items or ()]
    try:
        return tuple(
            Cue(
                c.signal,
                c.kind,
                c.evidence,
                round(float(c.weight), 3),
                round(float(c.confidence), 3),
            )
            for c in cues
        )
    except ValueError as exc:  # decoding turns TypeError into a clear EventDecodeError
        raise TypeError(f"bad cue weight: {exc}") from None


@dataclass(frozen=True)
class Affect(Event):
    """One utterance's affect: text emotions, fused signals, their cues and the voice behind them."""

    speaker: str = ""
    utterance_id: str = ""
    emotions: dict[str, float] = field(default_factory=dict)  # top 5 GoEmotions labels
    frustration: float = 0.0
    doubt: float = 0.0
    load: float = 0.0
    cues: tuple[Cue, ...] = ()
    voice: dict[str, Any] = field(default_factory=dict)  # VoiceFeatures as a dict, {} if no audio
    text_scores: dict[str, float] = field(default_factory=dict)  # the text scorer's own signals
    transcript_trust: float = 1.0  # how much the words counted (whisper's word confidence)
    type: ClassVar[str] = "affect"

    def __post_init__(self) -> None:
        object.__setattr__(self, "cues", cues_from(self.cues))


@dataclass(frozen=True)
class Alert(Event):
    """A suggestion to the agent (early_warning, escalate) or the supervisor (take_over)."""

    level: str = ""  # one of LEVELS
    signal: str = ""  # one of SIGNALS
    speaker: str = CUSTOMER
    score: float = 0.0  # this utterance's score
    trend: float = 0.0
    reason: str = ""  # in English, for logs and reports; `basis` and `run` let a UI word it
    basis: str = ""  # why this level now: one of the affect trend's BASIS_WORDS
    run: int = 0  # utterances the trend has stayed over its threshold
    utterance_ids: tuple[str, ...] = ()
    cues: tuple[Cue, ...] = ()
    # The lowest confidence of the words behind its cues: below the floor, the alert rests on
    # words whisper was unsure of (and something independent backed them).
    confidence: float = 1.0
    # The phrase-confidence floor the reason was worded with ([affect] phrase_confidence_floor):
    # a UI that words the reason again marks the same cues unclear.
    phrase_floor: float = 0.5
    type: ClassVar[str] = "alert"

    def __post_init__(self) -> None:
        object.__setattr__(self, "cues", cues_from(self.cues))
