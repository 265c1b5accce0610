"""Which 10 ms frames of a mono recording hold speech (webrtcvad, as the segmenter uses)."""

from __future__ import annotations

import numpy as np
import webrtcvad

from copilot.speakers.features import HOP, RATE

VAD_FRAME = 3 * HOP  # webrtcvad's 30 ms frames, read as three 10 ms frames each
# A voiced run shorter than this (10 ms frames) is a click, not speech.
MIN_RUN = 6


def speech_frames(pcm: np.ndarray, aggressiveness: int = 2) -> np.ndarray:
    """int16 at 16 kHz -> bool per 10 ms frame (frame i covers samples i*160 .. i*160+160)."""
    vad = webrtcvad.Vad(aggressiveness)
    count = len(pcm) // HOP
    voiced = np.zeros(count, dtype=bool)
    data = np.ascontiguousarray(pcm, dtype=np.int16)
    for start in range(0, len(data) - VAD_FRAME + 1, VAD_FRAME):
        if vad.is_speech(data[start : start + VAD_FRAME].tobytes(), RATE):
            voiced[start // HOP : start // HOP + 3] = True
    return drop_short_runs(voiced, MIN_RUN)


def runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) index pairs of the True runs of a bool array, end exclusive."""
    padded = np.concatenate(([False], mask, [False])).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))


def drop_short_runs(mask: np.ndarray, shortest: int) -> np.ndarray:
    """`mask` without the True runs shorter than `shortest` frames."""
    out = mask.copy()
    for start, end in runs(mask):
        if end - start < shortest:
            out[start:end] = False
    return out
