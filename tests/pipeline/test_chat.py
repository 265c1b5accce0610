"""`ChatConversation` with a bot among its stages: the bot's lines are the chat's own finals."""

from __future__ import annotations

import pytest

from copilot.events.core import TranscriptFinal
from copilot.events.voicebot import BOT, BotSay
from copilot.pipeline.chat import ChatConversation, TurnFormatError
from copilot.voicebot.chat_bot import ChatBotStage

OFFICE_HOURS = {"started_at": "2025-03-04T10:00:00+01:00", "language": "en"}


def test_each_bot_line_follows_its_bot_say_as_a_final_in_seq_order():
    chat = ChatConversation("CP1", [ChatBotStage()], OFFICE_HOURS, "en")
    events = chat.start()
    events += chat.turn("customer", "hmm")  # nothing to act on: asked again
    events += chat.turn("customer", "hmm")
    events += chat.turn("customer", "hmm")  # the third time: handed over
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    says = [i for i, e in enumerate(events) if isinstance(e, BotSay)]
    assert [events[i].purpose for i in says] == ["greeting", "reprompt", "reprompt", "handoff"]
    for i in says:
        final = events[i + 1]
        assert isinstance(final, TranscriptFinal) and final.speaker == BOT
        assert (final.text, final.utterance_id, final.t) == (
            events[i].text,
            events[i].prompt_id,
            events[i].t,
        )
    customer = [e for e in events if isinstance(e, TranscriptFinal) and e.speaker == "customer"]
    assert [e.utterance_id for e in customer] == ["customer-1", "customer-2", "customer-3"]
    assert chat.turn("customer", "hello?")[1:] == []  # handed over: only the message itself


def test_a_chat_client_cannot_send_bot_lines():
    chat = ChatConversation("CP2", [ChatBotStage()], OFFICE_HOURS, "en")
    chat.start()
    with pytest.raises(TurnFormatError):
        chat.turn(BOT, "I am the bot.")
