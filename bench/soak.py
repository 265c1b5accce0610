"""Soak: 16 live calls after one another for minutes, 100 sidebars watching, nothing lost.

One real server (this process, tiny.en, in-memory store). A child process keeps 16
callers busy: each plays the stereo fixtures back to back at real-time pace under
new call ids until the soak time is up. Another child runs 100 sidebar clients on
/events: 80 normal, 10 slow (the server must drop and resume them rather than wait),
10 that reconnect every few seconds with their last seq. Afterwards every client's
events per call must be 1, 2, 3, ... with no gap or duplicate, and the normal clients
must have every event of every call; RSS is sampled throughout to show it stays bounded.
"""

from __future__ import annotations

import asyncio
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from copilot.audio.files import decode_file
from copilot.commands.simulate import play_twilio
from copilot.serve.auth import TokenFile

from .clips import Models, fixture
from .latency import CALL_FILES, TimedSink, _until, _watch, server_config, serving, summary
from .machine import REPO, rss_mb

CALLS = 16
SIDEBARS = {"normal": 80, "slow": 10, "reconnect": 10}
SOAK_S = 300.0
QUICK_SOAK_S = 70.0


async def play_back_to_back(url: str, files: list[str], callers: int, seconds: float) -> None:
    """`callers` lines, each playing one call after another until `seconds` are up."""
    decoded = [decode_file(f) for f in files]
    until = time.time() + seconds

    async def line(i: int) -> None:
        rng = random.Random(i)
        await asyncio.sleep(rng.uniform(0, 3))
        n = 0
        while time.time() + decoded[(i + n) % len(decoded)].duration < until:
            call = decoded[(i + n) % len(decoded)]
            await play_twilio(url, call, f"soak-{i}-{n}")
            n += 1

    await asyncio.gather(*(line(i) for i in range(callers)))


async def _callers(url: str, seconds: float) -> None:
    files = [str(fixture(name)) for name in CALL_FILES]
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bench.soak", url, str(seconds), *files, cwd=REPO
    )
    if await child.wait() != 0:
        raise subprocess.CalledProcessError(child.returncode or 1, "bench.soak callers")


async def _sample(samples: list[tuple[float, float]], began: float) -> None:
    while True:
        samples.append((round(time.monotonic() - began, 1), rss_mb()))
        await asyncio.sleep(2.0)


def _check(reports: list[dict], produced: dict[str, int]) -> dict:
    """Per behaviour: calls followed, broken sequences, and (normal clients) calls incomplete."""
    out: dict[str, dict] = {}
    for report in reports:
        row = out.setdefault(
            report["behaviour"],
            {"clients": 0, "calls": 0, "broken": 0, "incomplete": 0, "resumes": 0, "reconnects": 0},
        )
        row["clients"] += 1
        row["resumes"] += report["resumes"]
        row["reconnects"] += report["reconnects"]
        for call_id, seqs in report["seqs"].items():
            if not seqs:
                continue
            row["calls"] += 1
            row["broken"] += seqs != list(range(1, len(seqs) + 1))
            row["incomplete"] += len(seqs) != produced.get(call_id, -1)
    return out


async def run_soak(models: Models, seconds: float) -> dict:
    transcriber = models.get("tiny.en")
    with tempfile.TemporaryDirectory() as tmp:
        tokens = TokenFile(Path(tmp) / "tokens.json")
        token = tokens.add("supervisor")
        config = server_config(str(tokens.path))
        sink = TimedSink()
        server = serving(config, transcriber, sink)
        await server.start()
        began = time.monotonic()
        samples: list[tuple[float, float]] = []
        sampler = asyncio.create_task(_sample(samples, began))
        try:
            url = f"ws://127.0.0.1:{server.ws_port}"
            watching = asyncio.create_task(_watch(f"{url}/events", token, SIDEBARS, seconds + 40))
            await asyncio.sleep(1.0)
            await _callers(f"{url}/twilio", seconds)
            await _until(lambda: not server.sessions, timeout=120)
            reports = await watching
        finally:
            sampler.cancel()
            await server.stop()
    produced: dict[str, int] = {}
    for _, event in sink.received:
        produced[event.call_id] = max(produced.get(event.call_id, 0), event.seq)
    clients = _check(reports, produced)
    rss = [mb for _, mb in samples]
    half = len(rss) // 2
    return {
        "calls_at_once": CALLS,
        "stages": list(server_config().stages),
        "calls_played": sum(1 for _, e in sink.received if e.type == "call.ended"),
        "seconds": round(time.monotonic() - began, 1),
        "events": len(sink.received),
        "sidebars": SIDEBARS,
        "clients": clients,
        "lost_or_duplicated": sum(c["broken"] for c in clients.values())
        + clients.get("normal", {}).get("incomplete", 0),
        "server_latency_s": summary(sink.latencies()),
        # slow clients are slow on purpose: their waiting is theirs, not the server's
        "sidebar_latency_s": summary(
            sink.sidebar_latencies([r for r in reports if r["behaviour"] != "slow"])
        ),
        "rss_mb": {
            "first_half_max": max(rss[:half], default=None),
            "second_half_max": max(rss[half:], default=None),
            "samples": samples[:: max(1, len(samples) // 60)],
        },
    }


def soak(models: Models, quick: bool) -> dict:
    return asyncio.run(run_soak(models, QUICK_SOAK_S if quick else SOAK_S))


if __name__ == "__main__":  # the callers' child process: URL SECONDS FILE...
    asyncio.run(play_back_to_back(sys.argv[1], sys.argv[3:], CALLS, float(sys.argv[2])))
