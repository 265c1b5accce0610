"""Speaker embeddings: a small protocol, and the shipped GE2E voice encoder behind it.

Anything with `window_frames` and `embed(mels) -> unit vectors` can stand in (another
network, a test double); the diarizer only compares the vectors by cosine.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Protocol

import numpy as np

from copilot.speakers.features import N_MELS

MODEL_PATH = Path(__file__).resolve().parents[2] / "models" / "speaker_encoder.onnx"
BATCH = 64  # windows per ONNX run: large enough to amortise the call, small in memory


class SpeakerEmbedder(Protocol):
    """Turns fixed-length mel windows into L2-normed voice vectors."""

    window_frames: int  # 10 ms mel frames per window

    def embed(self, mels: np.ndarray) -> np.ndarray:
        """(windows, window_frames, N_MELS) mel power -> (windows, dim) unit vectors."""
        ...


class SpeakerModelMissing(RuntimeError):
    """models/speaker_encoder.onnx is not there; `make export-speaker-model` writes it."""


class OnnxVoiceEncoder:
    """Resemblyzer's GE2E encoder (models/speaker_encoder.onnx) on onnxruntime, CPU only."""

    window_frames = 160  # 1.6 s, the length the encoder was trained on

    def __init__(self, path: str | Path = MODEL_PATH, threads: int = 1) -> None:
        import onnxruntime  # loaded only where mono recordings are split

        path = Path(path)
        if not path.is_file():
            raise SpeakerModelMissing(f"{path}: missing; run `make export-speaker-model`")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(
            str(path), options, providers=["CPUExecutionProvider"]
        )

    def embed(self, mels: np.ndarray) -> np.ndarray:
        """(windows, 160, 40) mel power -> (windows, 256) unit vectors."""
        if len(mels) == 0:
            return np.zeros((0, 256), dtype=np.float32)
        assert mels.shape[1:] == (self.window_frames, N_MELS), mels.shape
        out = [
            self._session.run(None, {"mels": mels[i : i + BATCH].astype(np.float32)})[0]
            for i in range(0, len(mels), BATCH)
        ]
        return np.concatenate(out)


@functools.cache
def shared_encoder() -> OnnxVoiceEncoder:
    """The process's one voice encoder, loaded on first use (live calls share it)."""
    return OnnxVoiceEncoder()
