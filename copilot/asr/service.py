"""Share whisper models across calls and run their utterances on the whisper workers.

Calls submit `TranscriptionJob`s; one worker task per whisper worker takes the next
waiting job (finals, then would-be finals, then partials; oldest first), runs it on a
worker thread (CTranslate2 releases the GIL, so the event loop keeps moving audio), and
resolves each caller's future. A short queue goes one job at a time, to whichever worker
is free first; a backlog, when many calls finish speaking at once, is batched so that
its utterances share encoder and decoder passes.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from copilot.asr.jobs import TranscriptionJob
from copilot.asr.model_files import default_model_for
from copilot.asr.transcriber import (
    DecodingOptions,
    TranscriptionRequest,
    TranscriptionResult,
    WhisperTranscriber,
)
from copilot.audio.files import pcm16_to_float

log = logging.getLogger(__name__)

# Partials per batch at most (see `_take_batch`).
PARTIAL_BATCH = 2
# Rounds of all workers a backlog is cleared in (see `_take_batch`): jobs of one kind and
# model are batched only when more than this many of them wait per worker.
BATCH_ROUNDS = 2
# What a partial that was dropped under load resolves to: no text, so no event.
SKIPPED_PARTIAL = TranscriptionResult(text="", language="")


class TranscriberPool:
    """Loads each whisper model once per process, on first use."""

    def __init__(
        self,
        model: str | None = None,
        cpu_threads: int = 1,
        options: DecodingOptions | None = None,
        factory: Callable[..., WhisperTranscriber] = WhisperTranscriber,
        workers: int = 1,
        nice: int = 0,
        models: dict[str, str] | None = None,
        device: str = "cpu",
        compute_type: str = "int8",
    ) -> None:
        self.model = model  # None: pick per language
        self.models = dict(models or {})  # language ("en", "nl", "auto") -> model, where chosen
        self.device = device
        self.compute_type = compute_type
        self.cpu_threads = cpu_threads
        self.workers = workers
        self.nice = nice  # whisper's threads this far below the caller's priority
        self.options = options
        self._factory = factory
        self._loaded: dict[str, WhisperTranscriber] = {}
        self._lock = threading.Lock()

    def model_for(self, language: str | None) -> str:
        return (
            self.models.get(language or "auto")
            or self.model
            or default_model_for(language or "auto")
        )

    def add(self, name: str, transcriber: WhisperTranscriber) -> None:
        """Share an already loaded model (tests and benchmarks load each model once)."""
        with self._lock:
            self._loaded[name] = transcriber

    def get(self, name: str) -> WhisperTranscriber:
        with self._lock:
            if name not in self._loaded:
                self._loaded[name] = self._factory(
                    name,
                    cpu_threads=self.cpu_threads,
                    options=self.options,
                    workers=self.workers,
                    nice=self.nice,
                    device=self.device,
                    compute_type=self.compute_type,
                )
            return self._loaded[name]


@dataclass(order=True)
class _Pending:
    priority: tuple[int, float]
    job: TranscriptionJob = field(compare=False)
    model: str = field(compare=False)
    future: asyncio.Future = field(compare=False)


@dataclass
class ServiceStats:
    batches: int = 0
    jobs: int = 0
    largest_batch: int = 0
    busy_seconds: float = 0.0
    skipped_partials: int = 0
    final_jobs: int = 0
    speculative_jobs: int = 0  # would-be finals; the rest of `jobs` minus finals are partials


class WorkerLoad:
    """Share of the workers' time in the last `window` seconds spent transcribing."""

    def __init__(self, window: float = 5.0, workers: int = 1) -> None:
        self.window = window
        self.workers = workers
        self._spans: list[tuple[float, float]] = []

    def add(self, start: float, end: float) -> None:
        self._spans.append((start, end))

    def share(self, now: float) -> float:
        since = now - self.window
        self._spans = [(a, b) for a, b in self._spans if b > since]
        busy = sum(b - max(a, since) for a, b in self._spans)
        return busy / (self.window * self.workers)


class TranscriptionService:
    def __init__(
        self,
        pool: TranscriberPool,
        max_batch: int = 8,
        partial_max_wait: float = 0.5,
        partial_load_limit: float = 0.25,
    ) -> None:
        self.pool = pool
        # One worker per model replica: a burst of endpoints runs side by side on the cores
        # instead of queueing behind one batch.
        self.workers = pool.workers
        self.max_batch = max_batch
        self.partial_max_wait = partial_max_wait
        # Partials are a nicety; finals are what agents act on. When the workers have been
        # busy for more than this share of their recent time, partials are shed before they
        # cost anything. With 2 workers, 0.25 is half a core: more partials than that made
        # finals queue behind them (16 calls: p95 1.33 s with 0.5, 0.92-1.13 s with 0.25).
        self.partial_load_limit = partial_load_limit
        self.load = WorkerLoad(workers=self.workers)
        self.stats = ServiceStats()
        self._waiting: list[_Pending] = []
        self._wakeup = asyncio.Event()
        self._executor = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="whisper")
        self._workers: list[asyncio.Task] = []

    async def start(self) -> None:
        if not self._workers:
            self._workers = [
                asyncio.create_task(self._run(), name=f"transcription-worker-{i}")
                for i in range(self.workers)
            ]

    async def stop(self) -> None:
        for worker in self._workers:
            worker.cancel()
        for worker in self._workers:
            try:
                await worker
            except asyncio.CancelledError:
                pass
        self._workers = []
        self._executor.shutdown(wait=False, cancel_futures=True)

    def preload(self, language: str | None) -> None:
        """Load the model a call in `language` will need now, not on its first utterance."""
        self.pool.get(self.pool.model_for(language))

    @property
    def queue_depth(self) -> int:
        return len(self._waiting)

    async def transcribe(self, job: TranscriptionJob, model: str) -> TranscriptionResult:
        await self.start()
        future = asyncio.get_running_loop().create_future()
        # Finals first (someone is waiting for them), then the would-be finals of
        # utterances in their closing silence, then partials; each kind by age.
        kind = 0 if job.final else 1 if job.speculative else 2
        priority = (kind, time.monotonic())
        self._waiting.append(_Pending(priority, job, model, future))
        self._wakeup.set()
        return await future

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            await self._wakeup.wait()
            self._wakeup.clear()
            while self._waiting:
                batch = self._take_batch()
                if not batch:
                    break
                if self._waiting:
                    self._wakeup.set()  # an idle worker takes what this batch left
                started = time.perf_counter()
                began = time.monotonic()
                try:
                    results = await loop.run_in_executor(self._executor, self._transcribe, batch)
                except Exception as exc:  # a model failure must fail these jobs, not the worker
                    log.exception("transcription batch failed")
                    for item in batch:
                        if not item.future.done():
                            item.future.set_exception(exc)
                    continue
                self._record(batch, time.perf_counter() - started)
                self.load.add(began, time.monotonic())
                for item, result in zip(batch, results, strict=True):
                    if not item.future.done():
                        item.future.set_result(result)

    def _take_batch(self) -> list[_Pending]:
        self._drop_stale_partials()
        if not self._waiting:
            return []
        self._waiting.sort()
        first = self._waiting[0]
        # Finals and would-be finals decode alike and share a batch; partials (greedy,
        # no word times) go apart, so finals never wait behind their decoding.
        alike = [
            p
            for p in self._waiting
            if p.model == first.model and p.job.full_quality == first.job.full_quality
        ]
        # A batch's finals all wait for its end, and it goes to one worker: when the first
        # worker to free up took every waiting final, the other, free a moment later, found
        # nothing to do (16 calls: batches of 3-4 took 0.8-0.95 s, one final 0.25 s; p95
        # 1.04-1.08 s against 0.85-0.94 s one by one). So a short queue is served one by one,
        # each job by whichever worker frees up first; only a deep backlog, a burst of
        # endpoints, is batched for throughput (docs/benchmarks.md section 3: 1.57x for 4
        # pending), in batches that clear it in about BATCH_ROUNDS rounds of all workers, so
        # that idle workers share a burst out. This counts the jobs alike to the first one
        # (same kind, same model); the rest wait for their turn.
        share = -(-len(alike) // (BATCH_ROUNDS * self.workers))
        # A batch cannot be interrupted: a final that ends just after a big batch of partials
        # started would wait for all of it (8 partials took 0.87 s on tiny.en), so partials go
        # in small batches.
        limit = self.max_batch if first.job.full_quality else min(self.max_batch, PARTIAL_BATCH)
        batch = alike[: min(limit, share)]
        taken = {id(p) for p in batch}
        self._waiting = [p for p in self._waiting if id(p) not in taken]
        return batch

    def _drop_stale_partials(self) -> None:
        """Under load, a partial that waited too long is worthless: a newer one or the final follows."""
        now = time.monotonic()
        overloaded = self.load.share(now) > self.partial_load_limit
        keep = []
        for pending in self._waiting:
            waited = now - pending.priority[1]
            stale = not pending.job.full_quality and (overloaded or waited > self.partial_max_wait)
            if stale and not pending.future.done():
                pending.future.set_result(SKIPPED_PARTIAL)
                self.stats.skipped_partials += 1
            if not stale:
                keep.append(pending)
        self._waiting = keep

    def _transcribe(self, batch: list[_Pending]) -> list[TranscriptionResult]:
        transcriber = self.pool.get(batch[0].model)
        requests = [
            TranscriptionRequest(
                audio=pcm16_to_float(p.job.audio),
                language=p.job.language,
                word_timestamps=p.job.full_quality,
                partial=not p.job.full_quality,
            )
            for p in batch
        ]
        return transcriber.transcribe_batch(requests)

    def _record(self, batch: list[_Pending], seconds: float) -> None:
        size = len(batch)
        self.stats.batches += 1
        self.stats.jobs += size
        self.stats.final_jobs += sum(p.job.final for p in batch)
        self.stats.speculative_jobs += sum(p.job.speculative for p in batch)
        self.stats.largest_batch = max(self.stats.largest_batch, size)
        self.stats.busy_seconds += seconds
