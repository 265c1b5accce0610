"""Settings of the segmenter: `[segmenter]` in copilot.toml.

Kept apart from the segmenter itself, so `copilot.config` can read them without
loading webrtcvad or numpy. Each field's comment is its entry in
docs/configuration.md (`copilot config-reference`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SegmenterConfig:
    """How each leg's audio is cut into utterances (webrtcvad endpointing at 16 kHz)."""

    # How readily webrtcvad calls a frame speech, 0..3; 2 rejects line noise without clipping
    # soft speech.
    aggressiveness: int = 2
    frame_ms: int = 30  # length of one VAD frame in ms (webrtcvad takes 10, 20 or 30)
    # Audio kept from before an utterance opens (ms), so its first syllable is not cut off.
    pre_roll_ms: int = 300
    start_voiced_ms: int = 90  # this much consecutive speech (ms) opens an utterance
    end_silence_ms: int = 500  # this much silence (ms) closes it and makes its final
    # An utterance still going after this many seconds is cut at its quietest frame of the
    # last 1.5 s, and a new one starts there.
    max_utterance_s: float = 15.0
    # An utterance with less speech than this (ms) is dropped: clicks and breaths.
    min_speech_ms: int = 200
    # While an utterance grows, its audio so far is offered for a partial transcript this often
    # (seconds); `partials = false` switches partials off.
    partial_every_s: float = 1.0
    # The first partial of an utterance comes sooner (seconds of speech): the agent sees
    # that words are on their way; later ones follow every `partial_every_s`. Counted from
    # the moment speech is detected, after `pre_roll_ms`: 0.3 s puts the first words on screen
    # about 0.7 s after the speaker began (0.2 s often decodes to nothing, measured).
    first_partial_after_s: float = 0.3
    # Silence kept after the last voiced frame (ms): whisper likes a soft end.
    tail_keep_ms: int = 150
    # After this much silence (ms), offer the would-be final early (0: never). It must leave
    # `tail_keep_ms` of audio after the last voiced frame, so the final matches it exactly.
    speculate_after_ms: int = 300

    def __post_init__(self) -> None:
        if self.aggressiveness not in (0, 1, 2, 3):
            raise ValueError("segmenter aggressiveness must be 0, 1, 2 or 3")
        if self.frame_ms not in (10, 20, 30):
            raise ValueError("segmenter frame_ms must be 10, 20 or 30")
        if self.speculate_after_ms and not (
            self.tail_keep_ms <= self.speculate_after_ms < self.end_silence_ms
        ):
            raise ValueError(
                "segmenter speculate_after_ms must be 0 or between tail_keep_ms and end_silence_ms"
            )


# Languages copilot's stages and pages speak; `auto` may choose among these only.
SUPPORTED_LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class LanguageDecisionConfig:
    """How `language = "auto"` decides a call's language: whisper's language identification
    on the first utterances of both legs, added up until the decision is sure or enough
    speech was heard (`[language_detection]` in copilot.toml)."""

    # The languages a call may be in; whisper's guesses outside them do not count (a Dutch
    # caller heard as Afrikaans or Norwegian is not a third option). Some of nl, en.
    candidates: tuple[str, ...] = ("nl", "en")
    # Seconds of speech (both legs together) after which the call's language is decided
    # whatever the evidence: whisper's own language detection reads the first 30 s of a file.
    max_speech_s: float = 20.0
    # A decision comes earlier once this much speech (seconds) in at least `min_utterances`
    # utterances agrees with at least `sure` confidence.
    min_speech_s: float = 4.0
    min_utterances: int = 2  # utterances that must have voted before an early decision
    # Confidence (length-weighted mean probability of one language) that decides early.
    sure: float = 0.9
    # A decision with a confidence below this is flagged as unsure for the QA reviewer.
    unsure_below: float = 0.75

    def __post_init__(self) -> None:
        candidates = tuple(self.candidates)
        object.__setattr__(self, "candidates", candidates)
        if not candidates or any(c not in SUPPORTED_LANGUAGES for c in candidates):
            raise ValueError(f"language_detection candidates must be some of {SUPPORTED_LANGUAGES}")
        if len(set(candidates)) != len(candidates):
            raise ValueError("language_detection candidates must not repeat a language")
        if not 0 < self.min_speech_s <= self.max_speech_s:
            raise ValueError("language_detection: 0 < min_speech_s <= max_speech_s")
        if self.min_utterances < 1 or not 0.5 <= self.sure <= 1 or not 0 <= self.unsure_below <= 1:
            raise ValueError(
                "language_detection: min_utterances >= 1, sure in [0.5, 1], unsure_below in [0, 1]"
            )
