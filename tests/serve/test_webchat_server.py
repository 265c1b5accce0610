"""The customer web chat on a real loopback server: conversations, resume, and its protections.

Real websockets on `/webchat/socket` (with the Origin a browser sends), a real /events
agent, the server's own event list (what it stored). Refused upgrades, starts and
messages must store nothing; a flood from one address must not touch another chat.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from copilot.config import Config
from copilot.serve.auth import TokenFile
from tests.serve.server_harness import server_for
from tests.serve.test_live_server import Watcher


@pytest.fixture()
def tokens(tmp_path: Path):
    file = TokenFile(tmp_path / "tokens.json")
    return file, {"a": file.add("agent", "agent-a")}


def webchat_config(tokens_file: str = "", **webchat) -> Config:
    config = Config(language="nl", stages=("affect",))
    config.serve.audiosocket_customer_port = config.serve.audiosocket_agent_port = -1
    config.store.path = ""
    config.auth.tokens_file = tokens_file
    config.webchat.enabled = True
    config.webchat.agent_id = "agent-a"
    config.webchat.client_ip_header = "X-Forwarded-For"  # lets one test speak from many addresses
    for key, value in webchat.items():
        setattr(config.webchat, key, value)
    return config


class Customer:
    """A browser tab's side of the web chat socket."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.messages: list[dict] = []

    @classmethod
    async def open(cls, port: int, address: str = "192.0.2.10", origin: str = "") -> Customer:
        ws = await connect(
            f"ws://127.0.0.1:{port}/webchat/socket",
            origin=origin or f"http://127.0.0.1:{port}",
            additional_headers={"X-Forwarded-For": address},
        )
        return cls(ws)

    async def start(self, language: str = "nl", token: str = "") -> dict:
        await self.send({"type": "start", "language": language, "token": token})
        return await self.until("welcome", "error")

    async def send(self, message: dict | str) -> None:
        await self.ws.send(message if isinstance(message, str) else json.dumps(message))

    async def say(self, text: str, ref: str) -> dict:
        await self.send({"type": "message", "text": text, "ref": ref})
        return await self.until("received", "error")

    async def until(self, *types: str, timeout: float = 10.0) -> dict:
        async with asyncio.timeout(timeout):
            while True:
                message = json.loads(await self.ws.recv())
                self.messages.append(message)
                if message["type"] in types:
                    return message


async def refused_status(port: int, **kwargs) -> int:
    try:
        async with connect(f"ws://127.0.0.1:{port}/webchat/socket", **kwargs):
            return 101
    except InvalidStatus as exc:
        return exc.response.status_code


def test_a_web_chat_resumes_by_token_with_its_history_and_ends(tiny_en, tokens):
    token_file, t = tokens

    async def scenario():
        async with server_for(tiny_en, webchat_config(str(token_file.path))) as (server, log):
            port = server.ws_port
            agent = await Watcher.open(port, t["a"])
            tab = await Customer.open(port)
            welcome = await tab.start("nl")
            received = await tab.say("Waar blijft mijn pakketje?", "m1")
            call_id = next(e.call_id for e in log if e.type == "call.started")
            await agent.send(
                {"type": "chat.reply", "call_id": call_id, "text": "Ik kijk even.", "ref": "r1"}
            )
            await agent.until(lambda m: m.get("ref") == "r1")
            reply = await tab.until("reply")
            await tab.ws.close()  # the tab reloads…
            await agent.send(
                {"type": "chat.reply", "call_id": call_id, "text": "Het komt morgen.", "ref": "r2"}
            )
            offline_ack = await agent.until(lambda m: m.get("ref") == "r2")
            back = await Customer.open(port)
            resumed = await back.start("nl", welcome["token"])
            await back.send({"type": "end"})
            ended = await back.until("ended")
            with contextlib.suppress(ConnectionClosed):
                await asyncio.wait_for(back.ws.recv(), 5.0)
            closed = back.ws.close_code
            await log.wait_for(call_id, "call.ended")
            again = await Customer.open(port)
            fresh = await again.start(
                "nl", welcome["token"]
            )  # the ended chat's token opens nothing
            await again.ws.close()
            await agent.ws.close()
            return (
                welcome,
                received,
                reply,
                offline_ack,
                resumed,
                ended,
                closed,
                fresh,
                log,
                call_id,
            )

    welcome, received, reply, offline_ack, resumed, ended, closed, fresh, log, call_id = (
        asyncio.run(scenario())
    )
    assert welcome["resumed"] is False and welcome["history"] == [] and welcome["language"] == "nl"
    assert len(welcome["token"]) >= 40 and welcome["token"] not in call_id
    assert received == {"type": "received", "ref": "m1"}
    assert (reply["speaker"], reply["text"]) == ("agent", "Ik kijk even.")
    assert offline_ack["type"] == "chat.reply.ack"  # stored while the tab was away
    assert resumed["resumed"] is True and resumed["token"] == welcome["token"]
    assert resumed["history"] == [
        {"speaker": "customer", "text": "Waar blijft mijn pakketje?", "ref": "m1"},
        {"speaker": "agent", "text": "Ik kijk even."},
        {"speaker": "agent", "text": "Het komt morgen."},
    ]
    assert ended == {"type": "ended", "reason": "stop"} and closed == 1000
    assert fresh["resumed"] is False and fresh["token"] != welcome["token"]
    started = log.of(call_id, "call.started")
    assert len(started) == 1 and started[0].source == "chat"
    assert started[0].metadata == {"channel": "webchat", "language": "nl", "agent_id": "agent-a"}
    finals = [(f.speaker, f.text) for f in log.of(call_id, "transcript.final")]
    assert finals == [
        ("customer", "Waar blijft mijn pakketje?"),
        ("agent", "Ik kijk even."),
        ("agent", "Het komt morgen."),
    ]
    assert log.of(call_id, "call.ended")[0].reason == "stop"


def test_a_tab_that_does_not_come_back_ends_its_chat_and_a_second_socket_takes_over(tiny_en):
    async def scenario():
        config = webchat_config(resume_window_s=0.3)
        async with server_for(tiny_en, config) as (server, log):
            port = server.ws_port
            first = await Customer.open(port)
            welcome = await first.start("en")
            second = await Customer.open(port)
            await second.start("en", welcome["token"])
            moved = await first.until("ended")
            await second.say("still here", "m1")
            await second.ws.close()
            call_id = next(e.call_id for e in log if e.type == "call.started")
            ended = await log.wait_for(call_id, "call.ended", timeout=10.0)
            return moved, ended, len(log.of(call_id, "call.started"))

    moved, ended, starts = asyncio.run(scenario())
    assert moved == {"type": "ended", "reason": "resumed_elsewhere"}
    assert ended.reason == "disconnected" and starts == 1


def test_refused_upgrades_store_nothing(tiny_en):
    async def scenario():
        config = webchat_config(allowed_origins=("https://www.shop.nl",), max_sockets_per_ip=2)
        async with server_for(tiny_en, config) as (server, log):
            port = server.ws_port
            url = f"ws://127.0.0.1:{port}/webchat/socket"
            statuses = {
                "foreign origin": await refused_status(port, origin="https://evil.example"),
                "no origin": await refused_status(port),
            }
            async with connect(url, origin="https://www.shop.nl"):  # an allowed site
                pass
            crowd = [await Customer.open(port, "198.51.100.1") for _ in range(2)]
            statuses["third socket"] = await refused_status(
                port,
                origin=f"http://127.0.0.1:{port}",
                additional_headers={"X-Forwarded-For": "198.51.100.1"},
            )
            elsewhere = await Customer.open(port, "198.51.100.2")  # another address is fine
            for tab in (*crowd, elsewhere):
                await tab.ws.close()
            await asyncio.sleep(0.1)
            refused = dict(server.webchat.limits.refused)
            return statuses, list(log), refused

    statuses, stored, refused = asyncio.run(scenario())
    assert statuses == {"foreign origin": 403, "no origin": 403, "third socket": 429}
    assert stored == []  # sockets that never started a chat, and refused ones: nothing
    assert refused == {"origin": 2, "too_many_sockets": 1}


def test_oversized_messages_are_refused_and_the_chat_goes_on(tiny_en):
    async def scenario():
        async with server_for(tiny_en, webchat_config(max_message_chars=200)) as (server, log):
            tab = await Customer.open(server.ws_port)
            await tab.start("en")
            too_long = await tab.say("x" * 201, "m1")
            fine = await tab.say("Where is my parcel?", "m2")
            await tab.send(json.dumps({"type": "message", "text": "y" * 5000}))  # over the frame
            with contextlib.suppress(ConnectionClosed):
                while True:
                    await tab.ws.recv()
            frame_close = tab.ws.close_code
            await asyncio.sleep(0.1)
            finals = [f.text for f in log if f.type == "transcript.final"]
            return too_long, fine, frame_close, finals

    too_long, fine, frame_close, finals = asyncio.run(scenario())
    assert (too_long["type"], too_long["code"], too_long["ref"]) == ("error", "too_long", "m1")
    assert fine == {"type": "received", "ref": "m2"}
    assert frame_close == 1009  # websockets: message too big
    assert finals == ["Where is my parcel?"]


def test_a_flood_from_one_address_leaves_the_server_and_other_chats_alone(tiny_en, tokens):
    token_file, t = tokens

    async def scenario():
        config = webchat_config(
            str(token_file.path),
            max_sockets_per_ip=5,
            messages_per_minute_per_ip=6,  # a burst of 3, then one every 10 s
            conversations_per_minute_per_ip=3,  # a burst of 3, then one every 20 s
        )
        async with server_for(tiny_en, config) as (server, log):
            port = server.ws_port
            agent = await Watcher.open(port, t["a"])
            calm = await Customer.open(port, "203.0.113.5")
            await calm.start("nl")
            # The flood: many sockets at once, many conversations, messages as fast as it can.
            attempts = await asyncio.gather(
                *(
                    refused_status(
                        port,
                        origin=f"http://127.0.0.1:{port}",
                        additional_headers={"X-Forwarded-For": "198.51.100.66"},
                    )
                    for _ in range(40)
                ),
                return_exceptions=True,
            )
            flood = await Customer.open(port, "198.51.100.66")
            await flood.start("nl")
            for n in range(200):
                with contextlib.suppress(ConnectionClosed):
                    await flood.send({"type": "message", "text": f"spam {n}", "ref": n})
            flood_said = []
            with contextlib.suppress(ConnectionClosed, TimeoutError):
                while True:
                    flood_said.append(json.loads(await asyncio.wait_for(flood.ws.recv(), 5.0)))
            starters = [await Customer.open(port, "198.51.100.66") for _ in range(4)]
            new_chats = [await tab.start("nl") for tab in starters]
            # Meanwhile the calm customer's chat works as ever, both ways.
            calm_received = await calm.say("Mijn pakketje is nog niet bezorgd.", "c1")
            calm_id = next(
                e.call_id
                for e in log
                if e.type == "transcript.final" and e.text == "Mijn pakketje is nog niet bezorgd."
            )
            await agent.send(
                {"type": "chat.reply", "call_id": calm_id, "text": "Ik help u.", "ref": "r1"}
            )
            calm_reply = await calm.until("reply")
            health = await asyncio.to_thread(fetch, f"http://127.0.0.1:{port}/healthz")
            healthy = health[0] == 200
            for tab in (calm, *starters):
                await tab.ws.close()
            return (
                attempts,
                flood_said,
                flood.ws.close_code,
                new_chats,
                calm_received,
                calm_reply,
                healthy,
                log,
            )

    attempts, flood_said, flood_close, new_chats, calm_received, calm_reply, healthy, log = (
        asyncio.run(scenario())
    )
    assert set(attempts) <= {101, 429}  # at most the per-address limit got in at once
    received = [m for m in flood_said if m["type"] == "received"]
    limited = [m for m in flood_said if m.get("code") == "rate_limited"]
    assert len(received) == 3 and len(limited) == 20  # the burst, then refusals, then cut off
    assert flood_close == 1008
    stored_spam = [f for f in log if f.type == "transcript.final" and f.text.startswith("spam")]
    assert len(stored_spam) == 3  # nothing refused was stored
    # New conversations from the flooding address: the burst (3 in all, one used above), then no.
    assert [c["type"] for c in new_chats].count("welcome") == 2
    assert [c.get("code") for c in new_chats if c["type"] == "error"] == ["rate_limited"] * 2
    assert calm_received == {"type": "received", "ref": "c1"} and calm_reply["text"] == "Ik help u."
    assert healthy


def test_the_page_is_served_with_its_embedding_policy_only_when_switched_on(tiny_en):
    async def scenario():
        config = webchat_config(allowed_origins=("https://www.shop.nl",))
        async with server_for(tiny_en, config) as (server, _):
            page = await asyncio.to_thread(
                fetch, f"http://127.0.0.1:{server.ws_port}/webchat?lang=nl"
            )
        off = webchat_config()
        off.webchat.enabled = False
        async with server_for(tiny_en, off) as (server, _):
            missing = await asyncio.to_thread(fetch, f"http://127.0.0.1:{server.ws_port}/webchat")
            socket = await refused_status(
                server.ws_port, origin=f"http://127.0.0.1:{server.ws_port}"
            )
        return page, missing, socket

    (status, headers, body), missing, socket = asyncio.run(scenario())
    assert status == 200 and b'src="/web/webchat.js"' in body
    policy = headers["Content-Security-Policy"]
    assert "frame-ancestors 'self' https://www.shop.nl" in policy and "connect-src 'self'" in policy
    assert "X-Frame-Options" not in headers
    assert missing[0] == 404 and socket == 404


def fetch(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as reply:
            return reply.status, dict(reply.headers), reply.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), b""


def test_an_erased_chat_keeps_no_lines_for_a_resuming_tab(tiny_en):
    async def scenario():
        async with server_for(tiny_en, webchat_config()) as (server, log):
            tab = await Customer.open(server.ws_port)
            welcome = await tab.start("nl")
            await tab.say("Mijn adres is Dorpsstraat 1.", "m1")
            await tab.ws.close()
            call_id = next(e.call_id for e in log if e.type == "call.started")
            server.forget_erased({server.store.call_hash(call_id)})  # what `copilot erase` sets off
            back = await Customer.open(server.ws_port)
            resumed = await back.start("nl", welcome["token"])
            await back.ws.close()
            return resumed

    resumed = asyncio.run(scenario())
    assert resumed["resumed"] is True and resumed["history"] == []
