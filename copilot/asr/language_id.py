"""Which of the candidate languages one utterance is in, with how sure whisper is.

Whisper's language token is the first look: on real speech it is right and sure
(the Flemish clips: nl 0.71-1.00 of all 99 languages). On some voices it hears no
candidate at all: the espeak-ng Dutch callers come out as Latin, Latvian or Nynorsk,
and between only nl and en the little mass left leans to English (nl 0.02-0.6). So an
utterance whose candidates hold too little of whisper's belief, or split it, is decoded
once in each candidate language, and the language whose decoding the model finds
likelier wins (Dutch speech read as English is a strained translation), English handicapped
a little because whisper decodes any speech into English fluently. A decode that loops
says nothing; such an utterance casts no vote. The call's decision adds the utterances up
(`copilot.pipeline.language_decision`).
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

# Whisper "recognises" a candidate when the candidates hold at least this much of its
# probability over all languages, and one of them at least SURE_SHARE of that. English
# turns of the test calls have en at 0.62-0.99 clean and 8 kHz; espeak Dutch turns mostly
# have the candidates under 0.5 (their top languages: la, lv, nn, de), but some reach en
# 0.56-0.71, and at 0.5 those counted as sure English votes (three Dutch calls decided
# English). At 0.75 they are decoded in each candidate instead.
RECOGNISED_MASS = 0.75
SURE_SHARE = 0.9
# Scores of the forced decodes (the decoder's per-token log-probability) differ by
# 0.1-1.2 between the right and the wrong language on the test calls; this scale turns
# the difference into a probability (0.4 apart: 0.83).
DECODE_SCALE = 0.25
# Whisper was trained to translate any speech into English, and its forced English decode
# scores well on speech it barely understands: on the dev calls (bench: language_auto)
# English speech decoded 0.1-1.6 better in English than in Dutch (0.3 or more in all but
# 4 of 66 turns), while espeak Dutch speech came out within +-0.4 either way, a little
# above 0 on average. So the English score is lowered by this before the comparison: the
# middle between the two. (Checking the decoded texts for Dutch and English function words
# told nothing more: base translates English speech into fluent Dutch too when forced.)
TRANSLATION_TARGET = "en"
TRANSLATION_HANDICAP = 0.2


class LanguageModel(Protocol):
    """What identification needs of a multilingual whisper (`WhisperTranscriber` has it)."""

    multilingual: bool

    def encode(self, audios: list[np.ndarray]) -> Any:
        """The encoder's output for these utterances."""

    def language_probabilities(self, encoded: Any) -> list[dict[str, float]]:
        """Whisper's probability of each language, per encoded utterance."""

    def forced_decodes(
        self, encoded: Any, index: int, seconds: float, languages: list[str]
    ) -> dict[str, tuple[float, str, bool]]:
        """One utterance decoded in each language: (score, text, whether it loops)."""


@dataclass(frozen=True)
class LanguageEvidence:
    """What one utterance says about the call's language.

    `probabilities` over the candidate languages (empty: no vote, both decodes looped or
    were empty); `how`: "detected" (whisper's language token) or "decoded" (decoded in
    each candidate, the likelier won); `cpu_s` the process's CPU time while identifying
    it (whisper computes on its own threads; with other calls decoding meanwhile it
    counts theirs too, so the bench measures it one call at a time).
    """

    probabilities: tuple[tuple[str, float], ...]
    how: str
    seconds: float = 0.0  # the utterance's length
    cpu_s: float = 0.0

    @property
    def language(self) -> str:
        """The likeliest candidate ("" when the utterance casts no vote)."""
        return max(self.probabilities, key=lambda lp: lp[1])[0] if self.probabilities else ""

    @property
    def probability(self) -> float:
        """The likeliest candidate's probability (0 without a vote)."""
        return max((p for _, p in self.probabilities), default=0.0)


def identify(
    transcriber: LanguageModel, audios: Sequence[np.ndarray], candidates: Sequence[str]
) -> list[LanguageEvidence]:
    """Each utterance's evidence (float32 audio at 16 kHz), encoded in one pass."""
    began = time.process_time()
    encoded = transcriber.encode(list(audios))
    encode_s = (time.process_time() - began) / max(1, len(audios))
    seconds = {i: len(a) / 16000 for i, a in enumerate(audios)}
    found = identify_encoded(transcriber, encoded, seconds, candidates)
    return [
        LanguageEvidence(e.probabilities, e.how, e.seconds, round(e.cpu_s + encode_s, 4))
        for e in found
    ]


def identify_encoded(
    transcriber: LanguageModel,
    encoded: Any,
    seconds: dict[int, float],
    candidates: Sequence[str],
) -> list[LanguageEvidence]:
    """Evidence for the encoded items `seconds` names (index -> the utterance's length)."""
    if not transcriber.multilingual:
        # An English-only model (`[models] nl` must be multilingual for `auto`) hears English.
        english = (("en", 1.0),) if "en" in candidates else ()
        return [LanguageEvidence(english, "detected", length) for length in seconds.values()]
    began = time.process_time()
    everything = transcriber.language_probabilities(encoded)
    detect_s = (time.process_time() - began) / max(1, len(everything))
    out = []
    for index, length in seconds.items():
        started = time.process_time()
        evidence = _one(transcriber, encoded, index, length, everything[index], list(candidates))
        cpu = detect_s + time.process_time() - started
        out.append(LanguageEvidence(evidence.probabilities, evidence.how, length, round(cpu, 4)))
    return out


def _one(
    transcriber: LanguageModel,
    encoded: Any,
    index: int,
    length: float,
    probabilities: dict[str, float],
    candidates: list[str],
) -> LanguageEvidence:
    if len(candidates) == 1:
        return LanguageEvidence(((candidates[0], 1.0),), "detected")
    heard = {c: probabilities.get(c, 0.0) for c in candidates}
    mass = sum(heard.values())
    if mass >= RECOGNISED_MASS and max(heard.values()) >= SURE_SHARE * mass:
        return LanguageEvidence(_rounded({c: p / mass for c, p in heard.items()}), "detected")
    decodes = transcriber.forced_decodes(encoded, index, length, candidates)
    if any(looped or not text for _, text, looped in decodes.values()):
        return LanguageEvidence((), "decoded")
    scores = {c: score - _handicap(c) for c, (score, _, _) in decodes.items()}
    best = max(scores.values())
    weights = {c: math.exp((score - best) / DECODE_SCALE) for c, score in scores.items()}
    total = sum(weights.values())
    return LanguageEvidence(_rounded({c: w / total for c, w in weights.items()}), "decoded")


def _handicap(language: str) -> float:
    return TRANSLATION_HANDICAP if language == TRANSLATION_TARGET else 0.0


def _rounded(probabilities: dict[str, float]) -> tuple[tuple[str, float], ...]:
    return tuple((c, round(p, 4)) for c, p in probabilities.items())
