"""Sidebar clients for the latency and soak benchmarks, in a child process of their own.

Each client is a supervisor on /events that subscribes to every call it learns of (from
`call.summary`) and keeps, per call, every seq it received with the wall time it arrived.
Behaviours: `normal`; `slow` (reads one message, then sleeps: the server must tell it to
resume instead of waiting for it); `reconnect` (drops its socket every few seconds and
subscribes again from the last seq it got). At the end each client writes what it saw,
so the parent can check for gaps and duplicates and measure event-at-sidebar latency.

    python -m bench.sidebars URL TOKEN --normal 8 --slow 2 --reconnect 2 --seconds 60 --out F
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import time

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed


class Client:
    """`url` may list several workers' /events, comma-separated: the client connects to a
    random one and, when that socket goes (a worker killed), resumes on another."""

    def __init__(self, name: str, behaviour: str, url: str) -> None:
        self.name, self.behaviour = name, behaviour
        self.urls = url.split(",")
        self.url = random.Random(name).choice(self.urls)
        self.servers: list[str] = []  # every worker this client was connected to
        self.seqs: dict[str, list[int]] = {}
        self.finals: dict[str, float] = {}  # "call/utterance" -> wall time of arrival
        self.resumes = self.reconnects = self.errors = 0
        self._pending: list[str] = []  # calls to (re)subscribe to on this socket

    def last(self, call_id: str) -> int:
        return self.seqs[call_id][-1] if self.seqs.get(call_id) else 0

    async def run(self, until: float) -> None:
        rng = random.Random(self.name)
        while time.time() < until:
            lifetime = rng.uniform(3.0, 8.0) if self.behaviour == "reconnect" else None
            lost = False
            try:
                async with connect(self.url, max_queue=4 if self.behaviour == "slow" else 64) as ws:
                    self.servers.append(self.url)
                    await self._session(ws, until, lifetime)
            except (ConnectionClosed, OSError, TimeoutError):
                lost = True
            if time.time() < until:
                self.reconnects += 1
                if lost and len(self.urls) > 1:  # that worker is gone: another one serves us
                    self.url = rng.choice([u for u in self.urls if u != self.url])
                await asyncio.sleep(0.2)

    async def _session(self, ws, until: float, lifetime: float | None) -> None:
        ends = min(until, time.time() + lifetime) if lifetime else until
        for call_id in list(self.seqs):  # after a reconnect: carry on where we were
            await self._subscribe(ws, call_id)
        while time.time() < ends:
            try:
                async with asyncio.timeout(max(0.05, ends - time.time())):
                    text = await ws.recv()
            except TimeoutError:
                return
            self._on(json.loads(text))
            for call_id in self._pending:
                await self._subscribe(ws, call_id)
            self._pending.clear()
            if self.behaviour == "slow":
                await asyncio.sleep(0.5)

    async def _subscribe(self, ws, call_id: str) -> None:
        after = self.last(call_id)
        await ws.send(json.dumps({"type": "subscribe", "call_id": call_id, "after_seq": after}))

    def _on(self, message: dict) -> None:
        kind = message.get("type")
        if kind == "call.summary":
            call_id = message["call"]["call_id"]
            if call_id not in self.seqs and message["call"].get("live", True):
                self.seqs[call_id] = []
                self._pending.append(call_id)
        elif kind == "calls":
            for call in message.get("calls", []):
                # like a supervisor: follow the calls going on now, not the ended ones listed
                if call["call_id"] not in self.seqs and call.get("live", True):
                    self.seqs[call["call_id"]] = []
                    self._pending.append(call["call_id"])
        elif kind == "resume":
            self.resumes += 1
            self._pending.extend(message.get("calls", []))
        elif kind == "error":
            self.errors += 1
        elif "seq" in message and "call_id" in message:
            self.seqs.setdefault(message["call_id"], []).append(message["seq"])
            if kind == "transcript.final":
                self.finals[f"{message['call_id']}/{message['utterance_id']}"] = time.time()

    def report(self) -> dict:
        return {
            "name": self.name,
            "behaviour": self.behaviour,
            "seqs": self.seqs,
            "finals": self.finals,
            "resumes": self.resumes,
            "reconnects": self.reconnects,
            "errors": self.errors,
            "servers": self.servers,
        }


async def run_clients(url: str, counts: dict[str, int], seconds: float, out: str) -> None:
    clients = [
        Client(f"{behaviour}-{i}", behaviour, url)
        for behaviour, n in counts.items()
        for i in range(n)
    ]
    until = time.time() + seconds
    await asyncio.gather(*(c.run(until) for c in clients))
    with open(out, "w", encoding="utf-8") as f:
        json.dump([c.report() for c in clients], f)


def gaps_and_duplicates(reports: list[dict]) -> dict:
    """Per behaviour: calls followed, and how many of them were not exactly 1, 2, 3, ... ."""
    out: dict[str, dict] = {}
    for report in reports:
        row = out.setdefault(report["behaviour"], {"clients": 0, "calls": 0, "broken": 0})
        row["clients"] += 1
        for seqs in report["seqs"].values():
            if not seqs:
                continue
            row["calls"] += 1
            row["broken"] += seqs != list(range(1, len(seqs) + 1))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.sidebars", description=__doc__)
    parser.add_argument(
        "url", help="ws://host:port/events, or several comma-separated (the token is added)"
    )
    parser.add_argument("token")
    parser.add_argument("--normal", type=int, default=1)
    parser.add_argument("--slow", type=int, default=0)
    parser.add_argument("--reconnect", type=int, default=0)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    counts = {"normal": args.normal, "slow": args.slow, "reconnect": args.reconnect}
    urls = ",".join(f"{url}?token={args.token}" for url in args.url.split(","))
    asyncio.run(run_clients(urls, counts, args.seconds, args.out))


if __name__ == "__main__":
    main()
