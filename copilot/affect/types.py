"""What the affect stages exchange: text scores, voice features, per-utterance affect.

Kept apart from the models so the text model, the prosody extractor, the call
tracker and the alerts can be built and tested independently.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# PHRASE_CONFIDENCE_FLOOR: a phrase whose words whisper heard less surely than this counts
# for less, and cannot escalate on its own. Defined with the events (an alert from before
# its `phrase_floor` field was judged by it); named here for the affect settings and benches.
from copilot.events.affect import PHRASE_CONFIDENCE_FLOOR as PHRASE_CONFIDENCE_FLOOR
from copilot.events.affect import Cue


@dataclass(frozen=True)
class TextAffect:
    """One utterance's scores: emotion probabilities, the signals in [0, 1], and their cues."""

    emotions: dict[str, float]  # the 28 GoEmotions labels -> probability
    frustration: float
    doubt: float
    load: float
    cues: tuple[Cue, ...] = ()
    language: str = ""


@dataclass(frozen=True)
class VoiceFeatures:
    """Per-utterance prosody, raw and as z-scores against the speaker's own baseline in this call."""

    loudness_db: float
    pitch_hz: float  # median F0 of voiced frames, 0 when none
    pitch_variability: float  # std of F0 in semitones
    speaking_rate: float  # words per second
    pause_before_s: float  # silence on this leg before the utterance
    overlap_s: float  # time the other leg was speaking during this utterance
    z: dict[str, float] = field(default_factory=dict)  # feature -> z-score vs speaker baseline
