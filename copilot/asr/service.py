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
PARTIAL_BATCH = 4
# An utterance's first partial is under a second of audio, so its window is short and a
# batch of them is cheap: 16 callers who start talking together see words within a round
# or two of one worker instead of four (see `_take_batch`).
FIRST_PARTIAL_BATCH = 8
# Queue order: finals, would-be finals, an utterance's first partial, later partials.
FINAL, SPECULATIVE, FIRST_PARTIAL, LATER_PARTIAL = range(4)
# Rounds of all workers a backlog is cleared in (see `_take_batch`): jobs of one kind and
# model are batched only when more than this many of them wait per worker.
BATCH_ROUNDS = 2
MAX_BUDGETED_LEGS = 4096  # legs whose last partial time is kept (two per live call)
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
        """Pick the model for a call in `language`: its own, the pool's, or the default."""
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
        """Return model `name`, loading it on first use (threads may ask at once)."""
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
    """Counts of what the workers ran and shed, for the server's metrics and the benchmarks."""

    batches: int = 0
    jobs: int = 0
    largest_batch: int = 0
    busy_seconds: float = 0.0
    stale_partials: int = 0  # waited past partial_max_wait, or the workers were overloaded
    budget_partials: int = 0  # its call had a partial too recently while the workers were busy
    final_jobs: int = 0
    speculative_jobs: int = 0  # would-be finals; the rest of `jobs` minus finals are partials
    held_for_finals: int = 0  # times a worker left a partial waiting, kept for finals

    @property
    def skipped_partials(self) -> int:
        """Every partial shed, for either reason."""
        return self.stale_partials + self.budget_partials


class PartialBudget:
    """Under pressure each call's partials thin out before any call loses them all.

    While the workers are busy past `partial_load_limit`, an utterance still gets its
    first partial (the agent sees words are coming), but a further one only when its
    leg's last partial ran at least `pressured_interval` ago: a chatty call's partials
    thin out, the others keep theirs, and finals keep the workers.
    """

    def __init__(self, pressured_interval: float = 2.0) -> None:
        self.pressured_interval = pressured_interval
        # (call, leg) -> (utterance, when its last partial ran)
        self._last_run: dict[tuple[str, str], tuple[str, float]] = {}

    def allows(self, job: TranscriptionJob, now: float, pressured: bool) -> bool:
        """Whether a partial may run: always unless `pressured`, then only if it is its
        utterance's first or its leg's next one is due."""
        if not pressured or self.is_first(job):
            return True
        return now - self._last_run[(job.call_id, job.leg)][1] >= self.pressured_interval

    def is_first(self, job: TranscriptionJob) -> bool:
        """Whether no partial of this job's utterance has run yet."""
        last = self._last_run.get((job.call_id, job.leg))
        return last is None or last[0] != job.utterance_id

    def ran(self, job: TranscriptionJob, now: float) -> None:
        """Note that a job ran: a partial restarts its leg's interval, a final clears it."""
        key = (job.call_id, job.leg)
        self._last_run.pop(key, None)
        if not job.final:  # after a final the next utterance starts afresh
            self._last_run[key] = (job.utterance_id, now)
        while len(self._last_run) > MAX_BUDGETED_LEGS:  # ended calls' legs: oldest first
            del self._last_run[next(iter(self._last_run))]


class WorkerLoad:
    """Share of the workers' time in the last `window` seconds spent transcribing."""

    def __init__(self, window: float = 5.0, workers: int = 1) -> None:
        self.window = window
        self.workers = workers
        self._spans: list[tuple[float, float]] = []

    def add(self, start: float, end: float) -> None:
        """Note a span of monotonic time one worker spent on a batch."""
        self._spans.append((start, end))

    def share(self, now: float) -> float:
        """Busy share of all workers over the last `window` seconds; older spans are dropped."""
        since = now - self.window
        self._spans = [(a, b) for a, b in self._spans if b > since]
        busy = sum(b - max(a, since) for a, b in self._spans)
        return busy / (self.window * self.workers)


class TranscriptionService:
    """The whisper workers all calls share: jobs queued by urgency, batched under a backlog."""

    def __init__(
        self,
        pool: TranscriberPool,
        max_batch: int = 8,
        partial_max_wait: float = 0.5,
        partial_load_limit: float = 0.25,
        partial_overload_limit: float = 0.5,
    ) -> None:
        self.pool = pool
        # One worker per model replica: a burst of endpoints runs side by side on the cores
        # instead of queueing behind one batch.
        self.workers = pool.workers
        self.max_batch = max_batch
        self.partial_max_wait = partial_max_wait
        # Partials are a nicety; finals are what agents act on. When the workers have been
        # busy for more than this share of their recent time, partials thin out per call
        # (`PartialBudget`: each utterance's first still runs). With 2 workers, 0.25 is half a
        # core; one worker is kept for finals anyway, so partials never hold them up.
        self.partial_load_limit = partial_load_limit
        # Past this share every partial is shed: finals need what is left of the workers.
        self.partial_overload_limit = partial_overload_limit
        self.load = WorkerLoad(workers=self.workers)
        self.partial_budget = PartialBudget()
        self.stats = ServiceStats()
        self._waiting: list[_Pending] = []
        # Workers decoding partials right now: with two or more workers one is always kept
        # for finals and would-be finals (a would-be final usually is this utterance's final,
        # which waits for it), so a final never waits behind a partial that cannot be
        # interrupted.
        self._busy_partials = 0
        self._wakeup = asyncio.Event()
        self._executor = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="whisper")
        self._workers: list[asyncio.Task] = []

    async def start(self) -> None:
        """Start one worker task per whisper worker, unless they are running already."""
        if not self._workers:
            self._workers = [
                asyncio.create_task(self._run(), name=f"transcription-worker-{i}")
                for i in range(self.workers)
            ]

    async def stop(self) -> None:
        """Cancel the worker tasks and shut down their threads."""
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
        """Jobs waiting for a worker (the server's `copilot_transcription_queue` gauge)."""
        return len(self._waiting)

    async def transcribe(self, job: TranscriptionJob, model: str) -> TranscriptionResult:
        """Queue a job on `model` and await its result.

        A partial shed under load resolves to an empty result, so no event comes of it.
        """
        await self.start()
        future = asyncio.get_running_loop().create_future()
        # Finals first (someone is waiting for them), then the would-be finals of
        # utterances in their closing silence, then partials, an utterance's first before
        # the rest (it tells the agent words are coming); each kind by age.
        priority = (self._kind(job), time.monotonic())
        self._waiting.append(_Pending(priority, job, model, future))
        self._wakeup.set()
        return await future

    def _kind(self, job: TranscriptionJob) -> int:
        if job.final:
            return FINAL
        if job.speculative:
            return SPECULATIVE
        return FIRST_PARTIAL if self.partial_budget.is_first(job) else LATER_PARTIAL

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
                partials = not batch[0].job.full_quality
                self._busy_partials += partials
                try:
                    results = await loop.run_in_executor(self._executor, self._transcribe, batch)
                except Exception as exc:  # a model failure must fail these jobs, not the worker
                    log.exception("transcription batch failed")
                    for item in batch:
                        if not item.future.done():
                            item.future.set_exception(exc)
                    continue
                finally:
                    self._busy_partials -= partials
                    if self._waiting:
                        self._wakeup.set()  # a worker that kept itself for finals looks again
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
        if not first.job.full_quality and self._busy_partials >= self.workers - 1 > 0:
            self.stats.held_for_finals += 1
            return []  # the last free worker waits for a final
        # Finals and would-be finals decode alike and share a batch; partials (greedy,
        # no word times) go apart, so finals never wait behind their decoding, and first
        # partials apart from later ones, whose longer audio would widen their window.
        alike = [
            p
            for p in self._waiting
            if p.model == first.model and _batch_group(p) == _batch_group(first)
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
        # Partials have one worker fewer: one is kept for finals.
        workers = self.workers if first.job.full_quality else max(1, self.workers - 1)
        share = -(-len(alike) // (BATCH_ROUNDS * workers))
        # A batch cannot be interrupted: a final that ends just after a big batch of partials
        # started would wait for all of it (8 partials took 0.87 s on tiny.en), so partials go
        # in small batches.
        limit = {FIRST_PARTIAL: FIRST_PARTIAL_BATCH, LATER_PARTIAL: PARTIAL_BATCH}.get(
            first.priority[0], self.max_batch
        )
        limit = min(limit, self.max_batch)
        batch = alike[: min(limit, share)]
        taken = {id(p) for p in batch}
        self._waiting = [p for p in self._waiting if id(p) not in taken]
        return batch

    def _drop_stale_partials(self) -> None:
        """Partials degrade first: under pressure each call's thin out (`PartialBudget`);
        overloaded, or once one waited too long, they go (a newer one or the final follows)."""
        now = time.monotonic()
        share = self.load.share(now)
        overloaded = share > self.partial_overload_limit
        pressured = share > self.partial_load_limit
        keep = []
        for pending in self._waiting:
            job = pending.job
            if job.full_quality:
                keep.append(pending)
                continue
            waited = now - pending.priority[1]
            # An utterance's first partial survives an overload (one short decode per
            # utterance); only waiting too long drops it, and its next partial is first then.
            first = pending.priority[0] == FIRST_PARTIAL
            if (overloaded and not first) or waited > self.partial_max_wait:
                self.stats.stale_partials += 1
                self._shed(pending)
            elif not self.partial_budget.allows(job, now, pressured):
                self.stats.budget_partials += 1
                self._shed(pending)
            else:
                keep.append(pending)
        self._waiting = keep

    def _shed(self, pending: _Pending) -> None:
        if not pending.future.done():
            pending.future.set_result(SKIPPED_PARTIAL)

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
        now = time.monotonic()
        for pending in batch:
            if not pending.job.speculative:
                self.partial_budget.ran(pending.job, now)
        size = len(batch)
        self.stats.batches += 1
        self.stats.jobs += size
        self.stats.final_jobs += sum(p.job.final for p in batch)
        self.stats.speculative_jobs += sum(p.job.speculative for p in batch)
        self.stats.largest_batch = max(self.stats.largest_batch, size)
        self.stats.busy_seconds += seconds


def _batch_group(pending: _Pending) -> int:
    """Jobs that may share a batch: finals with would-be finals, each partial kind apart."""
    kind = pending.priority[0]
    return FINAL if kind == SPECULATIVE else kind
