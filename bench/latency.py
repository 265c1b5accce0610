"""End-of-speech to final-transcript latency with several live calls on one real server.

A CopilotServer runs in this process on 127.0.0.1 (AudioSocket off), with the
shared tiny.en model. A child process (bench/callers.py) plays generated stereo
calls into its Twilio endpoint at real-time pace; another (bench/sidebars.py)
connects one supervisor sidebar per call to /events. The sink stamps every event
with the wall time it arrived; a final's latency is that time minus the wall
time of its call's call.started plus the final's `end` (seconds into the call).
The same is measured where it matters, at the sidebars: the wall time each
sidebar received the final.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from copilot.asr.jobs import TranscriptionJob
from copilot.asr.service import ServiceStats, TranscriberPool, TranscriptionService
from copilot.asr.transcriber import (
    FULL_WINDOW,
    TranscriptionRequest,
    TranscriptionResult,
    WhisperTranscriber,
)
from copilot.audio.files import decode_file
from copilot.audio.format import CUSTOMER, PIPELINE_RATE
from copilot.config import Config
from copilot.encoders.blas_threads import limit_blas_threads
from copilot.events.core import Event
from copilot.runtime import Runtime, StageFactory
from copilot.serve.auth import TokenFile
from copilot.serve.server import CopilotServer

from .clips import CPU_THREADS, WHISPER_NICE, Models, fixture
from .machine import REPO, rss_mb
from .sidebars import gaps_and_duplicates

# (calls, load): *simultaneous* starts every call at once (all turns of all calls end
# together: the burst), *offset* starts call i at i * OFFSET_SPREAD_S / calls seconds.
RUNS = {
    "en": ((1, "simultaneous"), (4, "simultaneous"), (16, "simultaneous"), (24, "simultaneous"))
    + ((16, "offset"), (24, "offset")),
    # 1 to 8 offset Dutch calls: capacity is the most calls still within the p95 target.
    "nl": ((1, "simultaneous"), (2, "offset"), (4, "offset"), (6, "offset"), (8, "offset")),
}
QUICK_RUNS = {"en": ((1, "simultaneous"), (4, "simultaneous")), "nl": ((1, "simultaneous"),)}
OFFSET_SPREAD_S = 5.0
CALL_FILES = {
    "en": ("call_escalating_en.wav", "call_calm_en.wav"),
    "nl": ("call_escalating_nl.wav", "call_calm_nl.wav"),
}
MODEL = {"en": "tiny.en", "nl": "base"}
STAGGER_S = 2.0  # the independent load's start spread (bench/callers.py --independent)
# Sidebar p95 end of speech -> final (s), per (language, calls, load); first partial p50.
TARGETS_P95_S = {
    ("en", 1, "simultaneous"): 1.0,
    ("en", 16, "simultaneous"): 1.5,
    ("en", 24, "offset"): 1.0,
    ("nl", 8, "offset"): 1.5,
}
TARGET_FIRST_PARTIAL_P50_S = {("en", 16, "simultaneous"): 1.0}
CAPACITY_P95_S = 1.5  # calls per core are counted at this sidebar p95
CALL_SECONDS = 62.0  # the longest call in CALL_FILES
RSS_EVERY_S = 0.2
SEED = 7


class TimedSink:
    """Keeps every event with the monotonic wall time it reached the sink."""

    def __init__(self) -> None:
        self.received: list[tuple[float, Event]] = []
        self.wall_started: dict[str, float] = {}  # call_id -> time.time() at call.started

    def __call__(self, event: Event) -> None:
        self.received.append((time.monotonic(), event))
        if event.type == "call.started":
            self.wall_started[event.call_id] = time.time()

    def sidebar_latencies(self, reports: list[dict]) -> list[float]:
        """Arrival at each sidebar minus the wall time the utterance ended."""
        ends = {
            f"{e.call_id}/{e.utterance_id}": self.wall_started[e.call_id] + e.end
            for _, e in self.received
            if e.type == "transcript.final" and e.call_id in self.wall_started
        }
        return [
            arrived - ends[key]
            for report in reports
            for key, arrived in report["finals"].items()
            if key in ends
        ]

    def count(self, type_: str) -> int:
        return sum(e.type == type_ for _, e in self.received)

    def first_partial_latencies(self) -> list[float]:
        """Per utterance with a partial: its first partial's arrival minus the moment its
        speech started (the utterance's `start`, in call seconds)."""
        started = {e.call_id: t for t, e in self.received if e.type == "call.started"}
        first: dict[tuple[str, str], float] = {}
        for t, e in self.received:
            if e.type == "transcript.partial" and e.call_id in started:
                key = (e.call_id, e.utterance_id)
                first.setdefault(key, t - (started[e.call_id] + e.start))
        return list(first.values())

    def latencies(self) -> list[float]:
        started = {e.call_id: t for t, e in self.received if e.type == "call.started"}
        return [
            t - (started[e.call_id] + e.end)
            for t, e in self.received
            if e.type == "transcript.final"
        ]


class CountingTranscriber:
    """Stands in for the shared model in the pool and counts what the service asked of it."""

    def __init__(self, inner: WhisperTranscriber) -> None:
        self.inner = inner
        self.name = inner.name
        self.workers = inner.workers
        self.reset()

    def reset(self) -> None:
        self.counts = {"finals": 0, "partials": 0, "final_retries": 0, "partial_retries": 0}

    def transcribe_batch(self, requests: list[TranscriptionRequest]) -> list[TranscriptionResult]:
        results = self.inner.transcribe_batch(requests)
        for request, result in zip(requests, results, strict=True):
            kind = "partial" if request.partial else "final"
            self.counts[f"{kind}s"] += 1
            self.counts[f"{kind}_retries"] += bool(result.redone)
        return results


def server_config(tokens_file: str = "", language: str = "en") -> Config:
    config = Config(language=language, cpu_threads=CPU_THREADS)
    config.store.path = ""  # in memory: the bench measures the pipeline, not the disk
    config.auth.tokens_file = tokens_file
    config.serve.port = 0
    config.serve.audiosocket_customer_port = -1  # negative: AudioSocket off
    config.serve.audiosocket_agent_port = -1
    return config


def summary(values: list[float]) -> dict:
    if not values:
        return {"p50": None, "p95": None, "p99": None, "max": None, "mean": None}
    p50, p95, p99 = np.percentile(values, [50, 95, 99])
    return {
        "p50": round(float(p50), 3),
        "p95": round(float(p95), 3),
        "p99": round(float(p99), 3),
        "max": round(max(values), 3),
        "mean": round(float(np.mean(values)), 3),
    }


async def _sample_rss(samples: list[float]) -> None:
    while True:
        samples.append(rss_mb())
        await asyncio.sleep(RSS_EVERY_S)


def load_arguments(load: str) -> list[str]:
    """bench/callers.py's options for a load: simultaneous, offset or independent."""
    if load == "simultaneous":
        return ["--stagger", "0"]
    if load == "offset":
        return ["--stagger", "0", "--spread", str(OFFSET_SPREAD_S)]
    return ["--stagger", str(STAGGER_S), "--independent"]


async def _play(url: str, calls: int, seed: int, load: str, language: str) -> None:
    files = [str(fixture(name)) for name in CALL_FILES[language]]
    args = ["--calls", str(calls), "--seed", str(seed), "--language", language]
    args += load_arguments(load)
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bench.callers", url, *files, *args, cwd=REPO
    )
    if await child.wait() != 0:
        raise subprocess.CalledProcessError(child.returncode or 1, "bench.callers")


async def _watch(url: str, token: str, counts: dict[str, int], seconds: float) -> list[dict]:
    """Run bench/sidebars.py for `seconds`; returns each client's report."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "sidebars.json"
        args = [f"--{k}={v}" for k, v in counts.items()] + [f"--seconds={seconds}", f"--out={out}"]
        child = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bench.sidebars", url, token, *args, cwd=REPO
        )
        if await child.wait() != 0:
            raise subprocess.CalledProcessError(child.returncode or 1, "bench.sidebars")
        return json.loads(out.read_text(encoding="utf-8"))


async def _until(done, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the server did not end every call in time")
        await asyncio.sleep(0.1)


async def _warm_service(
    service: TranscriptionService, model: str, max_batch: int, language: str = "en"
) -> None:
    """`max_batch` finals of 29 s, then as many partials, through the service's own workers.

    CTranslate2 and the C allocator keep memory per thread once allocated: warming the
    model on the main thread would leave each worker's first long batch (or full-window
    retry) to show up as memory per call and as one slow final. The service takes these as
    it would a live burst of that size: with two workers and `max_batch` 8, batches of 2, 2,
    then one by one. Bigger batches, which only a deeper backlog makes, are not warmed: the
    memory they take would show as growth during a level.
    """
    pcm = decode_file(fixture("jfk.flac")).legs[CUSTOMER]
    audio = np.resize(pcm, (FULL_WINDOW - 100) * PIPELINE_RATE // 100)
    jobs = [
        TranscriptionJob("warm-up", CUSTOMER, f"w{i}", 0.0, 29.0, audio, final, language)
        for final in (True, False)
        for i in range(max_batch)
    ]
    await asyncio.gather(*(service.transcribe(job, model) for job in jobs))


async def _level(
    server: CopilotServer,
    sink: TimedSink,
    counting: CountingTranscriber,
    calls: int,
    token: str,
    load: str,
) -> dict:
    sink.received.clear()
    counting.reset()
    server.service.stats = ServiceStats()  # per level; the worker is idle between levels
    language = server.config.language
    rss_idle = rss_mb()
    cpu_began = time.process_time()  # this process only: the players and sidebars are children
    samples: list[float] = []
    sampler = asyncio.create_task(_sample_rss(samples))
    began = time.monotonic()
    events_url = f"ws://127.0.0.1:{server.ws_port}/events"
    watching = asyncio.create_task(
        _watch(events_url, token, {"normal": calls}, CALL_SECONDS + STAGGER_S + 15)
    )
    try:
        await asyncio.sleep(1.0)  # the sidebars are connected before the first call starts
        url = f"ws://127.0.0.1:{server.ws_port}/twilio"
        await _play(url, calls, SEED + calls, load, language)
        await _until(lambda: sink.count("call.ended") >= calls, timeout=120)
        reports = await watching
    finally:
        sampler.cancel()
    wall = time.monotonic() - began
    server_cores = (time.process_time() - cpu_began) / wall
    latencies = sink.latencies()
    at_sidebar = sink.sidebar_latencies(reports)
    silence_s = server.config.segmenter.end_silence_ms / 1000
    stats = server.service.stats
    rss_peak = max(samples, default=rss_idle)
    return {
        "calls": calls,
        "load": load,
        "language": language,
        "utterances": len(latencies),
        "partials": sink.count("transcript.partial"),
        "first_partial_s": summary(sink.first_partial_latencies()),
        "server_cores": round(server_cores, 2),
        "errors": sink.count("error"),
        "latency_s": summary(latencies),
        "sidebar_latency_s": summary(at_sidebar),
        "sidebars": len(reports),
        "sidebar_gaps": gaps_and_duplicates(reports),
        "processing_latency_s": summary([v - silence_s for v in latencies]),
        "service": {
            "batches": stats.batches,
            "jobs": stats.jobs,
            "largest_batch": stats.largest_batch,
            "mean_batch": round(stats.jobs / max(1, stats.batches), 2),
            "busy_s": round(stats.busy_seconds, 1),
            "busy_fraction": round(stats.busy_seconds / wall, 3),
            "skipped_partials": stats.skipped_partials,
            # getattr: bench/side_by_side.py runs this against releases that lack them.
            "partials_shed_stale": getattr(stats, "stale_partials", None),
            "partials_shed_budget": getattr(stats, "budget_partials", None),
            "held_for_finals": getattr(stats, "held_for_finals", None),
            "final_jobs": stats.final_jobs,
            "speculative_jobs": stats.speculative_jobs,
            # Finals that needed no job of their own: the would-be final made during the
            # closing silence was already theirs.
            "finals_served_early": len(latencies) - stats.final_jobs,
            **counting.counts,
        },
        "wall_s": round(wall, 1),
        "rss_idle_mb": rss_idle,
        "rss_peak_mb": rss_peak,
        "rss_growth_per_call_mb": round((rss_peak - rss_idle) / calls, 2),
    }


def serving(config: Config, transcriber: WhisperTranscriber, sink: TimedSink) -> CopilotServer:
    """A server set up as `copilot serve` sets one up, on an already loaded model: one BLAS
    thread beside whisper, and the stages' models loaded before the first call."""
    limit_blas_threads(config.cpu_threads)
    pool = TranscriberPool(
        model=transcriber.name, cpu_threads=CPU_THREADS, workers=transcriber.workers
    )
    pool.add(transcriber.name, transcriber)
    stages = StageFactory(config)
    stages.preload()
    service = TranscriptionService(pool, max_batch=config.max_batch)
    return CopilotServer(Runtime(config, service, stages), sink)


async def run_levels(
    transcriber: WhisperTranscriber,
    runs: tuple[tuple[int, str], ...],
    language: str = "en",
) -> list[dict]:
    """One server for all runs, warmed up first; the runs (calls, load) one after another."""
    tokens_dir = tempfile.TemporaryDirectory()
    tokens = TokenFile(Path(tokens_dir.name) / "tokens.json")
    token = tokens.add("supervisor")
    config = server_config(str(tokens.path), language)
    counting = CountingTranscriber(transcriber)
    sink = TimedSink()
    server = serving(config, counting, sink)  # type: ignore[arg-type]  # same transcribe_batch
    service = server.service
    await server.start()
    rows = []
    try:
        await _warm_service(service, transcriber.name, config.max_batch, language)
        for calls, load in runs:
            rows.append(await _level(server, sink, counting, calls, token, load))
            lat, first = rows[-1]["sidebar_latency_s"], rows[-1]["first_partial_s"]
            print(
                f"  latency {language} {calls} {load} calls: p50 {lat['p50']} s, p95 {lat['p95']}"
                f" s; first partial p50 {first['p50']} s; server {rows[-1]['server_cores']} cores",
                flush=True,
            )
    finally:
        await server.stop()
        tokens_dir.cleanup()
    return rows


def targets(rows: list[dict]) -> list[dict]:
    """Each target beside what its run measured (met: None when the run is missing)."""
    found = {(r["language"], r["calls"], r["load"]): r for r in rows}
    judged = []
    for (language, calls, load), limit in TARGETS_P95_S.items():
        row = found.get((language, calls, load))
        value = row["sidebar_latency_s"]["p95"] if row else None
        judged.append(_judged("sidebar p95", language, calls, load, limit, value))
    for (language, calls, load), limit in TARGET_FIRST_PARTIAL_P50_S.items():
        row = found.get((language, calls, load))
        value = row["first_partial_s"]["p50"] if row else None
        judged.append(_judged("first partial p50", language, calls, load, limit, value))
    return judged


def capacity(rows: list[dict], cores: int, limit_s: float = CAPACITY_P95_S) -> dict:
    """Per language: the most calls of an offset run with sidebar p95 within `limit_s`,
    and that per core (runs are taken from one call up; a run that misses ends the count)."""
    out = {}
    for language in sorted({r["language"] for r in rows}):
        runs = sorted(
            (r["calls"], r["sidebar_latency_s"]["p95"])
            for r in rows
            if r["language"] == language and (r["load"] == "offset" or r["calls"] == 1)
        )
        most = 0
        for calls, p95 in runs:
            if p95 is None or p95 > limit_s:
                break
            most = calls
        out[language] = {
            "p95_limit_s": limit_s,
            "calls": most,
            "calls_per_core": round(most / cores, 2),
            "largest_run": runs[-1][0] if runs else 0,
        }
    return out


def _judged(what: str, language: str, calls: int, load: str, limit: float, value) -> dict:
    met = None if value is None else value <= limit
    return {"what": what, "language": language, "calls": calls, "load": load} | {
        "limit_s": limit,
        "measured_s": value,
        "met": met,
    }


def latency(models: Models, quick: bool) -> dict:
    plan = QUICK_RUNS if quick else RUNS
    rows = []
    for language, runs in plan.items():
        rows += asyncio.run(run_levels(models.get(MODEL[language]), runs, language))
    config = server_config()
    transcriber = models.get("tiny.en")
    return {
        "models": dict(MODEL),
        "cpu_threads": CPU_THREADS,
        "whisper_workers": transcriber.workers,
        "whisper_nice": WHISPER_NICE,
        "calls": {language: list(files) for language, files in CALL_FILES.items()},
        "end_silence_ms": config.segmenter.end_silence_ms,
        "speculate_after_ms": config.segmenter.speculate_after_ms,
        "first_partial_after_s": config.segmenter.first_partial_after_s,
        "partial_every_s": config.segmenter.partial_every_s,
        "partials": config.partials,
        "stages": list(config.stages),
        "max_batch": config.max_batch,
        "offset_spread_s": OFFSET_SPREAD_S,
        "targets": targets(rows),
        "capacity": capacity(rows, os.cpu_count() or 1),
        "levels": rows,
    }
