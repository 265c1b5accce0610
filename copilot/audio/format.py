"""The two sides of a call and the audio format every source is turned into."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

AGENT = "agent"
CUSTOMER = "customer"
LEGS = (AGENT, CUSTOMER)
# `mono_leg = "split"`: a mono recording's two voices are told apart, each to its own leg.
SPLIT = "split"

# Whisper and webrtcvad both work on 16 kHz mono PCM16, so every source ends up here.
PIPELINE_RATE = 16_000


@dataclass(frozen=True)
class AudioFrame:
    """PCM16 mono samples at PIPELINE_RATE for one leg, starting `t` seconds into the call."""

    leg: str
    samples: np.ndarray  # int16
    t: float

    @property
    def duration(self) -> float:
        """Seconds of audio in the frame."""
        return len(self.samples) / PIPELINE_RATE
