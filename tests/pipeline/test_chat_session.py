"""ChatSession: which lines go to the chat's customer, and only after they are stored."""

from __future__ import annotations

import asyncio

from copilot.events.core import Event, TranscriptFinal
from copilot.events.voicebot import BotSay
from copilot.pipeline.chat_session import ChatReply, ChatSession


class EchoBot:
    """A stage that answers each customer line as a chat bot does: `bot.say`, then its final."""

    def __init__(self) -> None:
        self.answers = 0

    def feed(self, event: Event) -> list[Event]:
        if not (isinstance(event, TranscriptFinal) and event.speaker == "customer"):
            return []
        self.answers += 1
        card = f"{event.call_id}:article:{self.answers}"
        text = f"answer {self.answers}"
        say = BotSay(
            event.call_id, 0, event.t, prompt_id=f"p{self.answers}", text=text, suggestion_id=card
        )
        line = TranscriptFinal(
            event.call_id, 0, event.t, speaker="bot", utterance_id=f"bot-{self.answers}", text=text
        )
        return [say, line]

    def flush(self) -> list[Event]:
        return []


def session_with(stages=()) -> tuple[ChatSession, list[tuple[str, object]]]:
    """A session whose sink and replies write into one list, so their order shows."""
    seen: list[tuple[str, object]] = []
    session = ChatSession(
        "chat-1",
        lambda event: seen.append(("stored", event)),
        "nl",
        {"agent_id": "agent-7"},
        stages,
        lambda reply: seen.append(("sent", reply)),
    )
    session.start()
    return session, seen


def sent(seen) -> list[ChatReply]:
    return [item for kind, item in seen if kind == "sent"]


def test_an_agents_reply_is_stored_then_sent_and_the_clients_own_turns_never_come_back():
    session, seen = session_with()
    session.turn("customer", "Waar blijft mijn pakketje?", None)
    session.turn("agent", "Typed in the platform's own window", None)  # the client's own line
    final = session.reply("  Ik kijk het voor u na.  ")
    assert final.speaker == "agent" and final.text == "Ik kijk het voor u na."
    assert sent(seen) == [
        ChatReply("chat-1", "agent", "Ik kijk het voor u na.", final.utterance_id, "")
    ]
    stored_at = next(i for i, (kind, e) in enumerate(seen) if kind == "stored" and e is final)
    sent_at = next(i for i, (kind, _) in enumerate(seen) if kind == "sent")
    assert stored_at < sent_at  # store before send


def test_the_bots_lines_go_to_the_customer_with_the_card_they_answer_from():
    session, seen = session_with((EchoBot(),))
    session.turn("customer", "Where is my parcel?", None)
    session.turn("customer", "And my refund?", None)
    assert [(r.speaker, r.text, r.utterance_id, r.suggestion_id) for r in sent(seen)] == [
        ("bot", "answer 1", "bot-1", "chat-1:article:1"),
        ("bot", "answer 2", "bot-2", "chat-1:article:2"),
    ]


def test_without_a_reply_sink_nothing_is_sent_and_a_failing_one_does_not_stop_the_chat():
    stored: list[Event] = []
    quiet = ChatSession("chat-2", stored.append, "en")
    quiet.start()
    quiet.reply("hello")
    assert [e.type for e in stored] == ["call.started", "transcript.final"]

    def broken(reply: ChatReply) -> None:
        raise ConnectionError("socket gone")

    failing = ChatSession("chat-3", stored.append, "en", replies=broken)
    failing.start()
    failing.reply("first")
    failing.reply("second")
    asyncio.run(failing.end("stop"))
    assert failing.closed
    texts = [e.text for e in stored if isinstance(e, TranscriptFinal) and e.call_id == "chat-3"]
    assert texts == ["first", "second"]
