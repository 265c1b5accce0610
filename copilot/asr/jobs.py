"""What the pipeline hands the transcriber: one utterance's audio, or the growing part of one."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class TranscriptionJob:
    """An utterance (or the growing part of one) waiting for the transcriber."""

    call_id: str
    leg: str
    utterance_id: str
    start: float
    end: float
    audio: np.ndarray  # int16 at PIPELINE_RATE
    final: bool
    language: str | None  # None: detect, then fix for the call
    # The would-be final, sent during the closing silence (see the segmenter).
    speculative: bool = False

    @property
    def full_quality(self) -> bool:
        """Decoded like a final (beam, word timestamps), because it may become one."""
        return self.final or self.speculative
