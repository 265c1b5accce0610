"""The affect stage's events: one utterance's scored affect, and the alerts its trend raises.

`Cue` says why a signal moved (a phrase, an emotion, a voice feature) as data: the phrase's
topic and the words heard, the emotion and its probability, the voice feature and its
z-score. Both events carry their cues, so a sidebar or a QA report can say why without the
models, in its own language (`events/wording.py`). A cue's `evidence` and an alert's
`reason` are English lines for logs: nothing reads them back.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, ClassVar

from copilot.audio.format import CUSTOMER
from copilot.events.core import Event

SIGNALS = ("frustration", "doubt", "load")
LEVELS = ("early_warning", "escalate", "take_over")
# Why an alert fired at its level (`Alert.basis`): the customer asked for a manager or
# threatened to leave; the trend stayed over its threshold (frustration: sustained, doubt
# and load: raised); it rose; it is still escalated after an escalate alert; load very high.
BASES = ("request", "sustained", "raised", "rising", "after_escalate", "very_high")
CUE_KINDS = ("emotion", "phrase", "voice")
# The voice features a cue names: three measured against a reference voice, and talking
# over the other side.
VOICE_FEATURES = ("loudness", "rate", "pitch", "overlap")
VOICE_REFERENCES = ("baseline", "typical")  # this caller's own voice so far, or a typical one
# The default [affect] phrase_confidence_floor. Here, at the bottom, because an alert decoded
# from before its `phrase_floor` field existed was judged by it. Provisional: between misheard
# espeak Dutch (~0.5 mean word probability) and clear speech (~0.85); the recited
# 'leidinggevende' had 0.01.
PHRASE_CONFIDENCE_FLOOR = 0.5
# What a page needs of an alert to word its reason again, in its own language.
ALERT_WORDING_FIELDS: tuple[str, ...]
ALERT_WORDING_FIELDS = ("level", "signal", "reason", "basis", "run", "cues", "score", "trend")
ALERT_WORDING_FIELDS += ("phrase_floor", "t")

_CUE_COMMON = ("signal", "kind", "evidence", "weight", "confidence")
_CUE_NUMBERS = ("weight", "confidence", "score", "z", "seconds", "learned")


@dataclass(frozen=True)
class Cue:
    """Why a signal moved, as data: what it is made of, its signal and its weight.

    Only the fields of the cue's `kind` are set (and sent):
    - phrase: `topic` (the phrase family, e.g. "asks for a manager") and `phrase` (the
      caller's words that matched, as heard); `confidence` is their mean word probability;
    - emotion: `emotion` (a GoEmotions label) and `score` (its probability);
    - voice: `feature` (loudness, rate, pitch) with `z` (standard deviations above the
      `reference`: "baseline" or "typical"), or `feature` overlap with `seconds`.
    A phrase cue also has its pattern's `code`, and `learned` when agents' answers to
    earlier alerts changed its weight for the call's team (affect/cue_weights.py).
    """

    signal: str  # one of SIGNALS
    kind: str  # one of CUE_KINDS
    # One English line for logs ("annoyance 0.62", "cancel threat: 'opzeggen'"). Never read
    # back: a reader words the cue from the fields below.
    evidence: str
    weight: float
    # How sure whisper was of the words behind the cue: their mean word probability
    # (1.0 for voice cues and for text that came without word timings, e.g. a chat turn).
    confidence: float = 1.0
    topic: str = ""
    phrase: str = ""
    emotion: str = ""
    score: float | None = None
    feature: str = ""  # one of VOICE_FEATURES
    z: float | None = None
    reference: str = ""  # one of VOICE_REFERENCES
    seconds: float | None = None
    # The phrase pattern's stable id: what dismissals are learned by, never the words heard.
    code: str = ""
    # The multiplier (below 1) that dismissed alerts put on this phrase's weight for the
    # call's team; None when nothing was learned about it.
    learned: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: the common fields, and of the others only those this kind has."""
        return {
            f.name: getattr(self, f.name)
            for f in dataclasses.fields(self)
            if f.name in _CUE_COMMON or getattr(self, f.name) not in ("", None)
        }

    @property
    def structured(self) -> bool:
        """Whether the cue says what it is made of (cues stored before protocol 1.1 do not)."""
        return bool(self.phrase or self.emotion or self.feature)


def cues_from(items: Any) -> tuple[Cue, ...]:
    """Cues as `Cue`s with 3-decimal numbers, also from their JSON dicts (so events round-trip)."""
    cues = [c if isinstance(c, Cue) else Cue(**c) for c in items or ()]
    try:
        return tuple(_rounded(c) for c in cues)
    except ValueError as exc:  # decoding turns TypeError into a clear EventDecodeError
        raise TypeError(f"bad cue number: {exc}") from None


def _rounded(cue: Cue) -> Cue:
    numbers: dict[str, Any] = {  # replace() checks each field's own type, not one for all
        name: round(float(value), 3)
        for name in _CUE_NUMBERS
        if (value := getattr(cue, name)) is not None
    }
    return dataclasses.replace(cue, **numbers)


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
    # The thresholds the words were judged by, so a page marks them without a copy of the
    # settings: a word below `phrase_floor` ([affect] phrase_confidence_floor) is unsure, a
    # line whose mean word probability is below `trust_high` ([affect] asr_trust_high)
    # counted for less. None on events from before protocol 1.1.
    phrase_floor: float | None = None
    trust_high: float | None = None
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
    reason: str = ""  # one English line for logs; a UI words it from the fields below
    basis: str = ""  # why this level now: one of BASES
    run: int = 0  # utterances the trend has stayed over its threshold
    utterance_ids: tuple[str, ...] = ()
    cues: tuple[Cue, ...] = ()
    # The lowest confidence of the words behind its cues: below the floor, the alert rests on
    # words whisper was unsure of (and something independent backed them).
    confidence: float = 1.0
    # The phrase-confidence floor it was judged by ([affect] phrase_confidence_floor): a UI
    # that words the reason marks the cues below it unclear.
    phrase_floor: float = PHRASE_CONFIDENCE_FLOOR
    # The trend this signal must reach for each level (LEVELS -> 0..1), as the tracker was
    # set when it fired; empty on alerts from before protocol 1.1.
    thresholds: dict[str, float] = field(default_factory=dict)
    # The team or queue and the language its cues were weighed for: where an agent's
    # answer to this alert is learned ("" team: no team or queue known yet).
    team: str = ""
    language: str = ""
    type: ClassVar[str] = "alert"

    def __post_init__(self) -> None:
        object.__setattr__(self, "cues", cues_from(self.cues))
