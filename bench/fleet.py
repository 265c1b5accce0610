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
from tests.serve.server_harness import wait_healthy

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


async def _child(*args: str) -> None:
    child = await asyncio.create_subprocess_exec(sys.executable, "-m", *args, cwd=REPO)
    if await child.wait() != 0:
        raise subprocess.CalledProcessError(child.returncode or 1, args[0])


def synthetic_event(texts: list[str], n: int, prefix: str) -> dict:
    """The n-th event of a run of made-up calls of 200 events each, from stored event JSON."""
    data = json.loads(texts[n % len(texts)])
    data.update(call_id=f"{prefix}-{n // 200}", seq=n % 200 + 1)
    data["type"] = "call.started" if data["seq"] == 1 else data["type"]
    return data


def _write_flat_out(url: str, texts: list[str], seconds: float, name: str, out) -> None:
    """One writer process: append events of its own calls for `seconds`; puts how many."""
    store = EventStore(url, worker_id=name)
    n, deadline = 0, time.monotonic() + seconds
    while time.monotonic() < deadline:
        data = synthetic_event(texts, n, name)
        store.append(data, json.dumps(data))
        n += 1
    store.close()
    out.put(n)


def write_ceiling(url: str, texts: list[str], writers: int, seconds: float = 5.0) -> float:
    """Events per second `writers` processes get into one store, each appending flat out."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    procs = [
        context.Process(target=_write_flat_out, args=(url, texts, seconds, f"writer{i}", out))
        for i in range(writers)
    ]
    for proc in procs:
        proc.start()
    total = sum(out.get(timeout=seconds + 60) for _ in procs)
    for proc in procs:
        proc.join()
    return round(total / seconds, 1)


def fanout_latency(pg: str, relay: str, texts: list[str], rate: float = 500.0) -> dict:
    """Send the stored events' JSON at `rate` per second through PostgreSQL NOTIFY and through
    the Redis stream the relay uses; ms from send to receipt at a listener, and how many events
    NOTIFY could not carry at all (its payload stops at 8000 bytes)."""
    import threading

    import psycopg
    import redis

    sized = [t for t in texts if len(t.encode()) < 7990]
    out: dict[str, dict] = {}
    # PostgreSQL LISTEN / NOTIFY
    listener = psycopg.connect(pg, autocommit=True)
    listener.execute("LISTEN copilot_events")
    sender = psycopg.connect(pg, autocommit=True)
    sent: dict[int, float] = {}
    got: list[float] = []

    def listen() -> None:
        for note in listener.notifies(timeout=10, stop_after=len(sized)):
            got.append((time.perf_counter() - sent[int(note.payload.split("|", 1)[0])]) * 1000)

    thread = threading.Thread(target=listen)
    thread.start()
    time.sleep(0.2)
    for i, text in enumerate(sized):
        sent[i] = time.perf_counter()
        sender.execute("SELECT pg_notify('copilot_events', %s)", (f"{i}|{text}",))
        time.sleep(1 / rate)
    thread.join()
    listener.close()
    sender.close()
    out["postgresql_notify"] = summary(got)
    # Redis stream, XADD and a blocking XREAD as the relay does
    client = redis.Redis.from_url(relay, decode_responses=True)
    reader = redis.Redis.from_url(relay, decode_responses=True)
    sent.clear()
    got_redis: list[float] = []

    def follow() -> None:
        last = "$"
        while len(got_redis) < len(sized):
            for _stream, entries in (
                reader.xread({"bench:fanout": last}, count=500, block=2000) or ()
            ):
                for entry_id, fields in entries:
                    got_redis.append((time.perf_counter() - sent[int(fields["i"])]) * 1000)
                    last = entry_id

    thread = threading.Thread(target=follow)
    thread.start()
    time.sleep(0.2)
    for i, text in enumerate(sized):
        sent[i] = time.perf_counter()
        client.xadd("bench:fanout", {"i": i, "json": text})
        time.sleep(1 / rate)
    thread.join()
    client.close()
    reader.close()
    out["redis_stream"] = summary(got_redis)
    out["too_big_for_notify"] = len(texts) - len(sized)
    return out


def append_cost(url: str, texts: list[str]) -> dict:
    """Append `texts` as the events of fresh calls, one by one as the live sink does; ms each."""
    store = EventStore(url, worker_id="bench")
    times = []
    for n in range(len(texts)):
        data = synthetic_event(texts, n, "cost")
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
            wait_healthy(port, worker, timeout=180)
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
        files = [str(fixture(name)) for name in CALL_FILES["en"]]
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
        victim_ended = db.row("SELECT MAX(ended_at) FROM calls WHERE origin = ?", (f"w{victim}",))[
            0
        ]
        call_minutes = db.row("SELECT SUM(ended_at - started_at) / 60 FROM calls")[0]
        size = db.row(
            "SELECT pg_total_relation_size('events'), COUNT(*), AVG(length(json)) FROM events"
        )
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
        biggest = [
            t for (t,) in db.rows("SELECT json FROM events ORDER BY length(json) DESC LIMIT 20")
        ]
        # NOTIFY carries at most 8000 bytes: the stored events that would not fit as they are.
        over_notify = db.row(
            "SELECT COUNT(*) FILTER (WHERE octet_length(json) >= 7990), MAX(octet_length(json))"
            " FROM events"
        )
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
            "its_calls_ended_after_s": round(victim_ended - killed_at, 1),
        },
        "finals_at_sidebars": len(latencies),
        # Over the calls' own lengths (the killed worker's calls were cut short).
        "events_per_call_minute": round(stored / float(call_minutes), 1),
        "bytes_per_event": round(size[0] / max(1, size[1])),
        "json_bytes_per_event": round(float(size[2] or 0)),
        "write_ceiling_events_per_s": {
            "postgresql_4_writers": write_ceiling(fresh_database(pg), sample, 4),
            "postgresql_1_writer": write_ceiling(fresh_database(pg), sample, 1),
        },
        "fanout_ms": fanout_latency(pg, relay, sample[:1000] + biggest),
        "events_over_notify_limit": over_notify[0],
        "largest_event_bytes": over_notify[1],
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
        postgres_server(durable=True) as pg,
        redis_server(Path(tmp)) as relay,
    ):
        return asyncio.run(_run(Path(tmp), pg, relay, calls, sidebars))
