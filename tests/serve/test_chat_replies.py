"""An agent's reply from the sidebar reaches the `/chat` client, on a real loopback server.

`chat.reply` on /events: only the chat's own agent, acked with its `ref`, stored as the
conversation's `transcript.final` of speaker `agent`, then sent to the chat's socket as
`{"type": "reply", "speaker": "agent", …}`; the client's own turns never come back.
Refused, with a clear code and nothing stored, for supervisors, other agents, voice calls,
unknown and ended chats, a chat on another worker, and empty or oversized text.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from pathlib import Path

import pytest
from websockets.asyncio.client import connect

from copilot.config import Config
from copilot.events.assist import Draft
from copilot.events.core import CallStarted
from copilot.serve.auth import TokenFile
from tests.serve.server_harness import running_server, server_for
from tests.serve.test_live_server import Watcher


@pytest.fixture()
def tokens(tmp_path: Path):
    file = TokenFile(tmp_path / "tokens.json")
    return file, {
        "a": file.add("agent", "agent-a"),
        "b": file.add("agent", "agent-b"),
        "sup": file.add("supervisor"),
    }


async def open_chat(port: int, call_id: str, agent: str = "agent-a"):
    chat = await connect(f"ws://127.0.0.1:{port}/chat")
    start = {"type": "start", "call_id": call_id, "language": "nl", "metadata": {"agent_id": agent}}
    await chat.send(json.dumps(start))
    return chat


async def turn(chat, speaker: str, text: str) -> None:
    await chat.send(json.dumps({"type": "turn", "speaker": speaker, "text": text}))


async def next_message(ws, timeout: float = 5.0) -> dict:
    return json.loads(await asyncio.wait_for(ws.recv(), timeout))


async def quiet(ws, seconds: float = 0.3) -> list[dict]:
    """Whatever the socket says within `seconds` (nothing, if all is well)."""
    said = []
    try:
        while True:
            said.append(json.loads(await asyncio.wait_for(ws.recv(), seconds)))
    except TimeoutError:
        return said


def answer(ref: str):
    return lambda m: (
        m.get("ref") == ref and m["type"] in ("chat.reply.ack", "error", "feedback.ack")
    )


async def chat_reply(watcher: Watcher, call_id: str, text: str, ref: str) -> dict:
    await watcher.send({"type": "chat.reply", "call_id": call_id, "text": text, "ref": ref})
    return await watcher.until(answer(ref), timeout=10.0)


def test_an_agents_reply_is_stored_and_reaches_the_chat_client_once(tiny_en, tokens):
    token_file, t = tokens

    async def scenario():
        async with running_server(tiny_en, tokens_file=str(token_file.path)) as (server, log):
            port = server.ws_port
            agent = await Watcher.open(port, t["a"])
            chat = await open_chat(port, "chat-1")
            await log.wait_for("chat-1", "call.started", timeout=10.0)
            await turn(chat, "customer", "Waar blijft mijn pakketje?")
            await turn(chat, "agent", "Getypt in het venster van het platform")  # never echoed
            ack = await chat_reply(agent, "chat-1", "Ik kijk het direct voor u na.", "r1")
            reply = await next_message(chat)
            echoes = await quiet(chat)
            await chat.send(json.dumps({"type": "stop"}))
            await log.wait_for("chat-1", "call.ended", timeout=10.0)
            await chat.close()
            await agent.ws.close()
            return ack, reply, echoes, log.of("chat-1", "transcript.final")

    ack, reply, echoes, finals = asyncio.run(scenario())
    assert ack["type"] == "chat.reply.ack" and ack["call_id"] == "chat-1"
    assert reply == {
        "type": "reply",
        "speaker": "agent",
        "text": "Ik kijk het direct voor u na.",
        "utterance_id": ack["utterance_id"],
    }
    assert echoes == []  # neither the client's own turns nor the reply a second time
    assert [(f.speaker, f.text) for f in finals] == [
        ("customer", "Waar blijft mijn pakketje?"),
        ("agent", "Getypt in het venster van het platform"),
        ("agent", "Ik kijk het direct voor u na."),
    ]
    assert finals[-1].utterance_id == ack["utterance_id"]


def test_replies_are_refused_for_whoever_may_not_send_them_and_nothing_is_stored(tiny_en, tokens):
    token_file, t = tokens

    async def scenario():
        async with running_server(tiny_en, tokens_file=str(token_file.path)) as (server, log):
            port = server.ws_port
            a, b, sup = [await Watcher.open(port, t[k]) for k in ("a", "b", "sup")]
            chat = await open_chat(port, "chat-2")
            voice = await connect(f"ws://127.0.0.1:{port}/ingest")
            start = {
                "type": "start",
                "call_id": "voice-1",
                "sample_rate": 16000,
                "channels": 1,
                "metadata": {"agent_id": "agent-a"},
            }
            await voice.send(json.dumps(start))
            ended = await open_chat(port, "chat-ended")
            await ended.send(json.dumps({"type": "stop"}))
            for call_id in ("chat-2", "voice-1"):
                await log.wait_for(call_id, "call.started", timeout=10.0)
            await log.wait_for("chat-ended", "call.ended", timeout=10.0)
            # A chat this worker does not hold: stored live by another worker sharing the store.
            elsewhere = CallStarted(
                "chat-far",
                0,
                0.0,
                source="chat",
                legs=("agent", "customer"),
                metadata={"agent_id": "agent-a"},
            )
            server.live(elsewhere)
            answers = {
                "supervisor": await chat_reply(sup, "chat-2", "hello", "s1"),
                "other agent": await chat_reply(b, "chat-2", "hello", "b1"),
                "voice call": await chat_reply(a, "voice-1", "hello", "a1"),
                "unknown call": await chat_reply(a, "no-such-chat", "hello", "a2"),
                "ended chat": await chat_reply(a, "chat-ended", "hello", "a3"),
                "other worker": await chat_reply(a, "chat-far", "hello", "a4"),
                "empty": await chat_reply(a, "chat-2", "   ", "a5"),
                "too long": await chat_reply(a, "chat-2", "x" * 4001, "a6"),
            }
            await a.send({"type": "chat.reply", "call_id": "chat-2", "ref": "a7"})  # no text
            answers["no text"] = await a.until(answer("a7"))
            sent_to_chat = await quiet(chat)
            # After all that, a good reply still goes: the socket and the chat are fine.
            ok = await chat_reply(a, "chat-2", "Nog even geduld.", "a8")
            reply = await next_message(chat)
            for ws in (chat, voice):
                await ws.send(json.dumps({"type": "stop"}))
            await log.wait_for("chat-2", "call.ended", timeout=10.0)
            agent_lines = [e for e in log if e.type == "transcript.final" and e.speaker == "agent"]
            return answers, sent_to_chat, ok, reply, agent_lines

    answers, sent_to_chat, ok, reply, agent_lines = asyncio.run(scenario())
    codes = {why: (m["type"], m.get("code")) for why, m in answers.items()}
    assert codes == {
        "supervisor": ("error", "read_only"),
        "other agent": ("error", "unknown_call"),
        "voice call": ("error", "not_a_chat"),
        "unknown call": ("error", "unknown_call"),
        "ended chat": ("error", "chat_ended"),
        "other worker": ("error", "chat_elsewhere"),
        "empty": ("error", "empty_text"),
        "too long": ("error", "too_long"),
        "no text": ("error", "missing_field"),
    }
    assert all(m["message"] for m in answers.values())
    assert sent_to_chat == []
    assert ok["type"] == "chat.reply.ack" and reply["text"] == "Nog even geduld."
    assert [(e.call_id, e.text) for e in agent_lines] == [("chat-2", "Nog even geduld.")]


def test_sending_a_chat_draft_puts_its_edited_text_in_the_chat(tiny_en, tokens):
    token_file, t = tokens

    async def scenario():
        async with running_server(
            tiny_en,
            str(Path(token_file.path).with_name("events.sqlite3")),
            tokens_file=str(token_file.path),
        ) as (server, log):
            port = server.ws_port
            agent = await Watcher.open(port, t["a"])
            chat = await open_chat(port, "chat-3")
            await log.wait_for("chat-3", "call.started", timeout=10.0)
            # A draft written for the chat, as the stages of a live chat publish it.
            session = server.sessions["chat-3"].session
            draft = Draft(
                "chat-3",
                0,
                1.0,
                suggestion_id="chat-3:draft:chat",
                channel="chat",
                language="nl",
                intent="where_is_my_parcel",
                body="Uw pakket komt morgen.",
            )
            session._publish(session.conversation.emit(draft))
            email = Draft(
                "chat-3",
                0,
                1.0,
                suggestion_id="chat-3:draft:email",
                channel="email",
                language="nl",
                intent="where_is_my_parcel",
                body="Beste klant, …",
            )
            session._publish(session.conversation.emit(email))
            await log.wait_for("chat-3", "draft", timeout=10.0)
            fields = {"type": "feedback", "call_id": "chat-3", "target": "draft", "action": "send"}
            await agent.send(
                {
                    **fields,
                    "target_id": "chat-3:draft:chat",
                    "text": "Uw pakket komt morgen vóór 12 uur.",
                    "ref": "f1",
                }
            )
            sent = await agent.until(answer("f1"))
            reply = await next_message(chat)
            await agent.send({**fields, "target_id": "chat-3:draft:chat", "ref": "f2"})
            again = await agent.until(answer("f2"))
            await agent.send({**fields, "target_id": "chat-3:draft:email", "ref": "f3"})
            email_ack = await agent.until(answer("f3"))
            not_in_chat = await quiet(chat)
            await chat.send(json.dumps({"type": "stop"}))
            await log.wait_for("chat-3", "call.ended", timeout=10.0)
            return sent, reply, again, email_ack, not_in_chat, log.of("chat-3", "transcript.final")

    sent, reply, again, email_ack, not_in_chat, finals = asyncio.run(scenario())
    assert sent["type"] == "feedback.ack" and sent["channel"] == "chat" and sent["delivered"]
    assert reply["speaker"] == "agent" and reply["text"] == "Uw pakket komt morgen vóór 12 uur."
    assert (again["delivered"], again["reason"]) == (False, "already_delivered")
    assert "channel" not in email_ack  # an e-mail draft is the e-mail delivery's business
    assert not_in_chat == []
    assert [(f.speaker, f.text) for f in finals] == [
        ("agent", "Uw pakket komt morgen vóór 12 uur.")
    ]


def test_the_chat_bots_lines_reach_the_chat_client_with_the_card_they_answer_from(tiny_en):
    config = Config(language="nl", stages=("affect", "assist"))
    config.chat = dataclasses.replace(config.chat, bot=True)
    config.serve.audiosocket_customer_port = config.serve.audiosocket_agent_port = -1
    config.store.path = ""

    async def scenario():
        async with server_for(tiny_en, config) as (server, log):
            chat = await open_chat(server.ws_port, "chat-bot")
            greeting = await next_message(chat)
            await turn(
                chat, "customer", "Waar blijft mijn pakketje? Mijn volgcode is VP123456789NL."
            )
            answer_line = await next_message(chat, timeout=60.0)
            await chat.send(json.dumps({"type": "stop"}))
            await log.wait_for("chat-bot", "call.ended", timeout=10.0)
            return greeting, answer_line, list(log.of("chat-bot"))

    greeting, answer_line, events = asyncio.run(scenario())
    finals = {e.utterance_id: e for e in events if e.type == "transcript.final"}
    cards = {e.suggestion_id for e in events if e.type == "suggestion"}
    assert greeting["speaker"] == "bot" and greeting["suggestion_id"] == ""
    assert finals[greeting["utterance_id"]].text == greeting["text"]
    assert answer_line["speaker"] == "bot" and answer_line["suggestion_id"] in cards
    assert finals[answer_line["utterance_id"]].speaker == "bot"
    assert finals[answer_line["utterance_id"]].text == answer_line["text"]
