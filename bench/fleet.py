"""Fleet: 4 `copilot serve` processes on one PostgreSQL store, one killed mid-call.

Everything real and on this machine: a PostgreSQL server and a redis-server (Debian's,
started as the tests start them), four workers (`copilot serve`, tiny.en, affect and
assist on, one whisper worker each) sharing the store and fanning events out through the
Redis stream. Four caller processes play 16 calls at real-time pace, four to each worker;
100 supervisor sidebars connect to random workers and follow every call. 25 s in, one
worker gets SIGKILL. Its sidebars must resume on the other workers from their last seq,
its calls must end with `server_restart` (a surviving worker notices its silence), and no
sidebar may miss or repeat an event of any call.

Measured: events stored per second over the fleet, end of speech → final at the sidebar
(p50 / p95), the store's append cost per event on PostgreSQL and on SQLite, and what the
kill cost: sidebars moved, calls ended by the survivors, events lost or repeated.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from copilot.serve.auth import TokenFile
from copilot.serve.database import Database
from copilot.serve.store import EventStore
from tests.serve.postgres_harness import fresh_database, postgres_server
from tests.serve.redis_harness import redis_server

from .clips import Models, fixture
from .latency import CALL_FILES, summary
from .machine import REPO
from .sidebars import gaps_and_duplicates

WORKERS = 4
CALLS = 16
SIDEBARS = 100
KILL_AT_S = 25.0
HEARTBEAT_S = 1.0
WORKER_TIMEOUT_S = 5.0
CALL_SECONDS = 62.0
APPENDS = 2000  # events appended per backend for the per-event cost


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _config(folder: Path, i: int, port: int, store: str, relay: str, tokens: Path) -> Path:
    path = folder / f"worker{i}.toml"
    path.write_text(
        'language = "en"\nstages = ["affect", "assist"]\nwhisper_workers = 1\n'
        f"[serve]\nport = {port}\naudiosocket_customer_port = -1\naudiosocket_agent_port = -1\n"
        f'[auth]\ntokens_file = "{tokens}"\n'
        f'[store]\nurl = "{store}"\nheartbeat_s = {HEARTBEAT_S}\n'
        f"worker_timeout_s = {WORKER_TIMEOUT_S}\n"
        f'[relay]\nurl = "{relay}"\nworker_id = "w{i}"\n',
        encoding="utf-8",
    )
    return path


def _healthy(port: int, process: subprocess.Popen, timeout: float = 180.0) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"worker on port {port} exited during start-up")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"worker on port {port} did not come up")


async def _child(*args: str) -> None:
    child = await asyncio.create_subprocess_exec(sys.executable, "-m", *args, cwd=REPO)
    if await child.wait() != 0:
        raise subprocess.CalledProcessError(child.returncode or 1, args[0])


def append_cost(url: str, texts: list[str]) -> dict:
    """Append `texts` as the events of fresh calls, one by one as the live sink does; ms each."""
    store = EventStore(url, worker_id="bench")
    times = []
    for n, text in enumerate(texts):
        data = json.loads(text)
        data["call_id"] = f"cost-{n // 200}"
        data["seq"] = n % 200 + 1
        data["type"] = "call.started" if data["seq"] == 1 else data["type"]
        began = time.perf_counter()
        store.append(data, json.dumps(data))
        times.append((time.perf_counter() - began) * 1000)
    store.close()
    return summary(times)


async def _run(folder: Path, pg: str, relay: str, calls: int, sidebars: int) -> dict:
    store_url = fresh_database(pg)
    tokens = TokenFile(folder / "tokens.json")
    token = tokens.add("supervisor")
    ports = [_free_port() for _ in range(WORKERS)]
    log = open(folder / "workers.log", "ab")  # noqa: SIM115 - closed in finally
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "copilot.cli",
                "serve",
                "--config",
                str(_config(folder, i, port, store_url, relay, tokens.path)),
            ],
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        for i, port in enumerate(ports)
    ]
    try:
        for port, worker in zip(ports, workers, strict=True):
            _healthy(port, worker)
        events_urls = ",".join(f"ws://127.0.0.1:{p}/events" for p in ports)
        out = folder / "sidebars.json"
        watching = asyncio.create_task(
            _child(
                "bench.sidebars",
                events_urls,
                token,
                f"--normal={sidebars}",
                f"--seconds={CALL_SECONDS + KILL_AT_S + 20}",
                f"--out={out}",
            )
        )
        await asyncio.sleep(3.0)  # every sidebar connected before the first call
        files = [str(fixture(name)) for name in CALL_FILES]
        per_worker = calls // WORKERS
        began = time.time()
        playing = [
            asyncio.create_task(
                _child(
                    "bench.callers",
                    f"ws://127.0.0.1:{port}/twilio",
                    *files,
                    "--calls",
                    str(per_worker),
                    "--seed",
                    str(i),
                    "--stagger",
                    "2",
                    "--independent",
                    "--prefix",
                    f"w{i}",
                    "--starts",
                    str(folder / f"starts{i}.json"),
                )
            )
            for i, port in enumerate(ports)
        ]
        await asyncio.sleep(KILL_AT_S)
        victim = WORKERS - 1
        killed_at = time.time()
        os.kill(workers[victim].pid, signal.SIGKILL)
        await asyncio.gather(*playing)
        db = Database(store_url)
        deadline = time.monotonic() + 60
        while db.row("SELECT COUNT(*) FROM calls WHERE ended_at IS NULL")[0]:
            if time.monotonic() > deadline:
                raise RuntimeError("calls of the killed worker were never ended")
            await asyncio.sleep(0.5)
        ended_at = time.time()
        await watching
        reports = json.loads(out.read_text(encoding="utf-8"))
        calls_rows = db.rows("SELECT call_id, origin, end_reason, last_seq FROM calls")
        stored = db.row("SELECT COUNT(*) FROM events")[0]
        finals = {
            (cid, json.loads(text)["utterance_id"]): json.loads(text)["end"]
            for cid, text in db.rows(
                "SELECT call_id, json FROM events WHERE type = 'transcript.final'"
            )
        }
        sample = [
            t
            for (t,) in db.rows("SELECT json FROM events ORDER BY call_id, seq LIMIT ?", (APPENDS,))
        ]
        db.close()
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
        for worker in workers:
            try:
                worker.wait(30)
            except subprocess.TimeoutExpired:
                worker.kill()
        log.close()
    starts: dict[str, float] = {}
    for i in range(WORKERS):
        starts.update(json.loads((folder / f"starts{i}.json").read_text())["starts"])
    last_seq = {cid: seq for cid, _o, _r, seq in calls_rows}
    lost = repeated = incomplete = 0
    for report in reports:
        for call_id, seqs in report["seqs"].items():
            if call_id not in last_seq or not seqs:
                continue
            repeated += len(seqs) - len(set(seqs))
            missing = set(range(seqs[0], last_seq[call_id] + 1)) - set(seqs)
            lost += len(missing)
            incomplete += seqs[0] != 1
    latencies = [
        arrival - (starts[cid] + finals[(cid, uid)])
        for report in reports
        for key, arrival in report["finals"].items()
        for cid, uid in [key.split("/", 1)]
        if cid in starts and (cid, uid) in finals
    ]
    victim_url = f"ws://127.0.0.1:{ports[victim]}/events?token={token}"
    moved = sum(1 for r in reports if victim_url in r["servers"] and r["servers"][-1] != victim_url)
    on_victim = sum(1 for r in reports if victim_url in r["servers"])
    by_worker: dict[str, int] = {}
    for _cid, origin, _reason, _seq in calls_rows:
        by_worker[origin] = by_worker.get(origin, 0) + 1
    victim_calls = [
        (cid, reason) for cid, origin, reason, _ in calls_rows if origin == f"w{victim}"
    ]
    return {
        "workers": WORKERS,
        "worker_timeout_s": WORKER_TIMEOUT_S,
        "calls": len(calls_rows),
        "calls_per_worker": by_worker,
        "sidebars": len(reports),
        "events_stored": stored,
        "seconds": round(ended_at - began, 1),
        "events_per_s": round(stored / max(1e-9, ended_at - began), 1),
        "sidebar_latency_s": summary(latencies),
        "gaps": gaps_and_duplicates(reports),
        "lost_events": lost,
        "repeated_events": repeated,
        "followed_late": incomplete,
        "killed": {
            "worker": f"w{victim}",
            "at_s": round(killed_at - began, 1),
            "calls": len(victim_calls),
            "ended_server_restart": sum(1 for _c, r in victim_calls if r == "server_restart"),
            "sidebars_on_it": on_victim,
            "sidebars_moved": moved,
            "all_calls_ended_after_s": round(ended_at - killed_at, 1),
        },
        "append_ms": {
            "postgresql": append_cost(fresh_database(pg), sample),
            "sqlite": append_cost(str(folder / "cost.sqlite3"), sample),
        },
    }


def fleet(models: Models, quick: bool) -> dict:
    del models  # the workers load their own
    calls, sidebars = (8, 20) if quick else (CALLS, SIDEBARS)
    with (
        tempfile.TemporaryDirectory() as tmp,
        postgres_server() as pg,
        redis_server(Path(tmp)) as relay,
    ):
        return asyncio.run(_run(Path(tmp), pg, relay, calls, sidebars))
