"""How many threads numpy's BLAS may use.

The live shells do many small matrix products on the event loop, one utterance at a
time (sentence encoders, emotion head, intents), while whisper decodes on the other
core. With a BLAS pool as wide as the machine, each product wakes a second thread that
competes with whisper for its core. Measured with 16 live calls on 2 cores: the affect
stage's p95 per final fell from 84 ms to 20 ms with one BLAS thread, and the sidebar
p95 from 1.59 s to 1.24 s (docs/benchmarks.md).
"""

from __future__ import annotations

import contextlib
import functools

from threadpoolctl import ThreadpoolController, threadpool_limits


def limit_blas_threads(threads: int) -> None:
    """From now on, for the whole process (not a context: the live process keeps it)."""
    threadpool_limits(limits=threads, user_api="blas")


@functools.lru_cache(maxsize=1)
def _controller() -> ThreadpoolController:
    """Made once: finding the BLAS libraries costs ~1 ms a call."""
    return ThreadpoolController()


def blas_threads(n: int) -> contextlib.AbstractContextManager:
    """BLAS capped at `n` threads inside the `with` block (batch encoding in training)."""
    return _controller().limit(limits=n, user_api="blas")
