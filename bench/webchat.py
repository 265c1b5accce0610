"""Web chat: 200 customers on /webchat/socket of one worker at once, nothing lost.

One real server (this process; affect, assist and the chat bot; in-memory store;
`[webchat]` on with its default limits, each customer from its own address through
`client_ip_header`). A child process opens every customer's socket at the same moment
(half in Dutch, half in English) and one agent on /events. Each customer sends three
messages, a few seconds apart as people type, waiting for the bot's reply to each; once
its third line is stored the agent replies from the sidebar (`chat.reply`), and the
customer ends the chat when that reply arrives.

Nothing lost: every message the customer sent is acknowledged (`received`) and stored as
its chat's customer `transcript.final`, in order; every bot and agent line stored for the
chat reached the customer's socket as a `reply`, in order, and nothing else did.
Times: connect (socket opened to `welcome`, the greeting included) and reply (message
sent to the bot's reply), p50 / p95 over all customers.

    python -m bench.webchat URL TOKEN CUSTOMERS OUT     the child: customers and the agent
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from websockets.asyncio.client import connect

from copilot.serve.auth import TokenFile

from .clips import Models
from .latency import TimedSink, _until, server_config, serving, summary
from .machine import REPO, rss_mb

CUSTOMERS = 200
QUICK_CUSTOMERS = 40
THINK_S = (2.0, 8.0)  # a customer reads the reply and types the next message
BOT_REPLY_WAIT_S = 10.0  # a bot that stays silent (after a hand-over) is not waited for longer
AGENT = "agent-webchat"
SCRIPT = {
    "nl": (
        "Waar blijft mijn pakketje? Mijn volgcode is VP123456789NL.",
        "Ja, dank u, dat helpt.",
        "Hoe kan ik een pakket retourneren?",
    ),
    "en": (
        "Where is my parcel? My tracking code is VP123456789NL.",
        "Yes, thank you, that helps.",
        "How do I return a parcel?",
    ),
}


@dataclasses.dataclass
class Customer:
    """One customer's socket: what it sent, what it was told, and when."""

    number: int
    language: str
    connect_s: float = 0.0
    sent: list[str] = dataclasses.field(default_factory=list)
    acked: list[str] = dataclasses.field(default_factory=list)
    replies: list[dict] = dataclasses.field(default_factory=list)
    reply_s: list[float] = dataclasses.field(default_factory=list)
    greeting: list[dict] = dataclasses.field(default_factory=list)
    errors: list[dict] = dataclasses.field(default_factory=list)
    call_id: str = ""
    ended: bool = False
    unanswered: int = 0  # messages the bot left to the agent


async def run_customer(url: str, customer: Customer, start_at: float) -> None:
    """Connect at `start_at` with everyone else, chat, wait for the agent, end."""
    rng = random.Random(customer.number)
    await asyncio.sleep(max(0.0, start_at - time.time()))
    headers = {"X-Forwarded-For": f"10.{customer.number // 250}.{customer.number % 250}.7"}
    began = time.perf_counter()
    async with connect(
        url,
        origin=url.replace("ws", "http", 1).split("/webchat")[0],
        additional_headers=headers,
        open_timeout=60,
    ) as ws:
        await ws.send(json.dumps({"type": "start", "language": customer.language}))
        welcome = await _next(ws, customer, ("welcome",))
        customer.connect_s = time.perf_counter() - began
        customer.greeting = welcome["history"]
        for n, text in enumerate(SCRIPT[customer.language]):
            await asyncio.sleep(rng.uniform(*THINK_S))
            sent_at = time.perf_counter()
            customer.sent.append(text)
            await ws.send(json.dumps({"type": "message", "text": text, "ref": n}))
            await _next(ws, customer, ("received",))
            try:
                await _next(ws, customer, ("reply",), BOT_REPLY_WAIT_S, speaker="bot")
                customer.reply_s.append(time.perf_counter() - sent_at)
            except TimeoutError:
                customer.unanswered += 1  # the bot is silent (handed over): the agent will answer
        if not any(r["speaker"] == "agent" for r in customer.replies):  # not in yet
            await _next(ws, customer, ("reply",), 120.0, speaker="agent")
        await ws.send(json.dumps({"type": "end"}))
        await _next(ws, customer, ("ended",), 30.0)
        customer.ended = True


async def _next(ws, customer: Customer, types, timeout: float = 60.0, speaker: str = "") -> dict:
    """The next message of one of `types` (and `speaker`); everything on the way is kept."""
    async with asyncio.timeout(timeout):
        while True:
            message = json.loads(await ws.recv())
            kind = message["type"]
            if kind == "reply":
                customer.replies.append(message)
                if message["speaker"] == "agent":
                    customer.call_id = message["text"].rsplit("#", 1)[-1]
            elif kind == "received":
                customer.acked.append(message["ref"])
            elif kind == "error":
                customer.errors.append(message)
            if kind in types and (not speaker or message.get("speaker") == speaker):
                return message


async def run_agent(url: str, token: str, stop: asyncio.Event) -> int:
    """The sidebar agent: subscribes to each chat, replies once its third customer line is in."""
    replied: set[str] = set()
    lines: dict[str, int] = {}  # call id -> customer lines seen
    last: dict[str, int] = {}  # call id -> last seq received, to resume from
    async with connect(f"{url}/events?token={token}", max_size=None) as ws:

        async def subscribe(call_id: str) -> None:
            after = last.get(call_id, 0)
            await ws.send(json.dumps({"type": "subscribe", "call_id": call_id, "after_seq": after}))

        while not stop.is_set():
            try:
                message = json.loads(await asyncio.wait_for(ws.recv(), 1.0))
            except TimeoutError:
                continue
            kind = message.get("type")
            if "seq" in message:
                last[message["call_id"]] = message["seq"]
            if kind == "call.summary" and message["call"]["live"]:
                if message["call"]["call_id"] not in lines:
                    lines[message["call"]["call_id"]] = 0
                    await subscribe(message["call"]["call_id"])
            elif kind == "resume":  # fell behind: pick every chat up where it was left
                for call_id in message.get("calls", []):
                    await subscribe(call_id)
            elif kind == "transcript.final" and message.get("speaker") == "customer":
                call_id = message["call_id"]
                lines[call_id] = lines.get(call_id, 0) + 1
                if lines[call_id] == len(SCRIPT["nl"]) and call_id not in replied:
                    replied.add(call_id)
                    text = f"Ik neem het van de assistent over. #{call_id}"
                    reply = {"type": "chat.reply", "call_id": call_id, "text": text, "ref": call_id}
                    await ws.send(json.dumps(reply))
    return len(replied)


async def customers_and_agent(url: str, token: str, count: int) -> dict:
    """The child process's whole run: every customer at once, the agent beside them."""
    customers = [Customer(n, "nl" if n % 2 == 0 else "en") for n in range(count)]
    stop = asyncio.Event()
    agent = asyncio.create_task(run_agent(url, token, stop))
    await asyncio.sleep(1.0)  # the agent is connected before the first chat starts
    start_at = time.time() + 1.0
    results = await asyncio.gather(
        *(run_customer(f"{url}/webchat/socket", c, start_at) for c in customers),
        return_exceptions=True,
    )
    stop.set()
    replied = await agent
    failures = [f"{type(r).__name__}: {r}" for r in results if isinstance(r, BaseException)]
    return {
        "customers": [dataclasses.asdict(c) for c in customers],
        "failures": failures,
        "agent_replied": replied,
    }


def check(report: dict, sink: TimedSink) -> dict:
    """What the customers saw against what the server stored: lost, extra, out of order."""
    finals: dict[str, list] = {}
    for _, event in sink.received:
        if event.type == "transcript.final":
            finals.setdefault(event.call_id, []).append(event)
    counts = {"messages_sent": 0, "messages_stored": 0, "replies_stored": 0, "replies_delivered": 0}
    broken = []
    for customer in report["customers"]:
        stored = finals.get(customer["call_id"], [])
        said = [f.text for f in stored if f.speaker == "customer"]
        lines = [(f.speaker, f.text) for f in stored if f.speaker != "customer"]
        # The greeting came in `welcome`'s history (said before the socket was the chat's).
        got = [(r["speaker"], r["text"]) for r in customer["greeting"] + customer["replies"]]
        counts["messages_sent"] += len(customer["sent"])
        counts["messages_stored"] += len(said) if said == customer["sent"] else 0
        counts["replies_stored"] += len(lines)
        counts["replies_delivered"] += len(got) if got == lines else 0
        whole = said == customer["sent"] and got == lines and customer["ended"]
        if not whole or len(customer["acked"]) != len(customer["sent"]):
            broken.append(customer["number"])
    return {**counts, "customers_with_a_loss": len(broken)}


async def run_webchat(models: Models, count: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        tokens = TokenFile(Path(tmp) / "tokens.json")
        token = tokens.add("agent", AGENT)
        config = server_config(str(tokens.path), language="nl")
        config.stages = ("affect", "assist")
        config.chat = dataclasses.replace(config.chat, bot=True)
        config.webchat.enabled = True
        config.webchat.agent_id = AGENT
        config.webchat.client_ip_header = "X-Forwarded-For"  # one address per customer
        config.webchat.resume_window_s = 5.0  # a customer that broke off: its chat ends soon
        sink = TimedSink()
        server = serving(config, models.get("tiny.en"), sink)
        await server.start()
        rss_idle = rss_mb()
        out = Path(tmp) / "customers.json"
        began = time.monotonic()
        try:
            url = f"ws://127.0.0.1:{server.ws_port}"
            child = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bench.webchat",
                url,
                token,
                str(count),
                str(out),
                cwd=REPO,
                stdout=subprocess.DEVNULL,
            )
            peak = rss_idle
            while child.returncode is None:
                peak = max(peak, rss_mb())
                try:
                    await asyncio.wait_for(child.wait(), 1.0)
                except TimeoutError:
                    pass
            await _until(lambda: not server.sessions, timeout=60)
            refused = dict(server.webchat.limits.refused) if server.webchat else {}
        finally:
            await server.stop()
        report = json.loads(out.read_text(encoding="utf-8"))
    customers = report["customers"]
    return {
        "customers": count,
        "stages": list(config.stages),
        "seconds": round(time.monotonic() - began, 1),
        "failures": report["failures"][:5],
        "agent_replies": report["agent_replied"],
        **check(report, sink),
        "refused": refused,
        "errors": sum(len(c["errors"]) for c in customers),
        "connect_s": summary([c["connect_s"] for c in customers if c["connect_s"]]),
        "reply_s": summary([s for c in customers for s in c["reply_s"]]),
        "bot_replies_timed": sum(len(c["reply_s"]) for c in customers),
        "left_to_the_agent": sum(c["unanswered"] for c in customers),
        "rss_idle_mb": rss_idle,
        "rss_peak_mb": peak,
    }


def webchat(models: Models, quick: bool) -> dict:
    return asyncio.run(run_webchat(models, QUICK_CUSTOMERS if quick else CUSTOMERS))


if __name__ == "__main__":  # the child: URL TOKEN CUSTOMERS OUT
    found = asyncio.run(customers_and_agent(sys.argv[1], sys.argv[2], int(sys.argv[3])))
    Path(sys.argv[4]).write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
