"""The web chat socket's protocol, message by message, without a server (telephony/webchat.py).

Also the `/chat` `reply` message both chat sockets send (telephony/chat.py).
"""

from __future__ import annotations

import json

import pytest

from copilot.telephony.chat import reply_message
from copilot.telephony.common import ProtocolError
from copilot.telephony.webchat import (
    CustomerMessage,
    MessageRefused,
    WebChatEnd,
    WebChatSocket,
    WebChatStart,
    ended,
    error,
    received,
    welcome,
)

TOKEN = "Zr4x_9-kq2LmN8pQ0sT7uV1wX3yZ5aB6cD8eF0gH2iJ"


def started(language: str = "nl", token: str = "") -> WebChatSocket:
    parser = WebChatSocket(max_message_chars=100)
    message = {"type": "start", "language": language}
    if token:
        message["token"] = token
    assert parser.feed_text(json.dumps(message)) == [WebChatStart(language, token)]
    return parser


def refusal(parser: WebChatSocket, message) -> ProtocolError:
    with pytest.raises(ProtocolError) as caught:
        parser.feed_text(message if isinstance(message, str) else json.dumps(message))
    return caught.value


def test_a_conversation_starts_takes_messages_and_ends():
    parser = started("en")
    items = parser.feed_text(
        json.dumps({"type": "message", "text": "  Where is my parcel? ", "ref": "m1"})
    )
    assert items == [CustomerMessage("Where is my parcel?", "m1")]
    assert parser.feed_text('{"type": "message", "text": "Waar blijft mijn pakketje?"}') == [
        CustomerMessage("Waar blijft mijn pakketje?", None)
    ]
    assert parser.feed_text('{"type": "end"}') == [WebChatEnd()]
    assert refusal(parser, {"type": "message", "text": "still there?"}).code == "after_end"


def test_a_resume_names_its_token_and_a_malformed_token_is_refused():
    assert started("nl", TOKEN).started
    assert refusal(WebChatSocket(100), {"type": "start", "token": "short"}).code == "bad_token"
    bad = {"type": "start", "token": "a" * 20 + "/../" + "b" * 20}
    assert refusal(WebChatSocket(100), bad).code == "bad_token"


def test_one_conversation_per_socket():
    parser = started()
    assert refusal(parser, {"type": "start", "language": "en"}).code == "already_started"


def test_messages_before_start_and_unknown_or_binary_ones_are_refused():
    parser = WebChatSocket(100)
    assert refusal(parser, {"type": "message", "text": "hi"}).code == "before_start"
    assert refusal(parser, {"type": "start", "language": "de"}).code == "bad_language"
    parser = started()
    assert refusal(parser, {"type": "typing"}).code == "unknown_type"
    assert refusal(parser, "not json").code == "bad_json"
    assert refusal(parser, "[1, 2]").code == "not_object"
    with pytest.raises(ProtocolError) as caught:
        parser.feed_binary(b"\x00\x01")
    assert caught.value.code == "binary_not_allowed"


def test_message_text_is_bounded_and_a_refusal_names_the_ref():
    parser = started()
    too_long = refusal(parser, {"type": "message", "text": "x" * 101, "ref": "m7"})
    assert isinstance(too_long, MessageRefused) and too_long.code == "too_long"
    assert too_long.ref == "m7"
    empty = refusal(parser, {"type": "message", "text": "   ", "ref": 3})
    assert isinstance(empty, MessageRefused) and (empty.code, empty.ref) == ("empty_text", 3)
    assert parser.feed_text(json.dumps({"type": "message", "text": "x" * 100})) != []
    # A frame longer than any message can be escaped into is refused before JSON is read.
    oversized = refusal(parser, " " * (parser.max_frame_chars + 1))
    assert oversized.code == "oversized"
    # Escapes count as the characters they stand for: 100 escaped characters fit.
    escaped = '{"type": "message", "text": "' + "\\u00e9" * 100 + '"}'
    assert parser.feed_text(escaped) == [CustomerMessage("é" * 100, None)]


def test_refs_are_short_strings_or_numbers():
    parser = started()
    for ref in (True, "", "r" * 65, {"a": 1}, [1]):
        message = {"type": "message", "text": "hi", "ref": ref}
        assert refusal(parser, message).code == "bad_ref", ref


def test_a_refused_start_can_be_forgotten_so_the_tab_may_start_again():
    parser = started()
    parser.forget_start()
    assert parser.feed_text('{"type": "start", "language": "en"}') == [WebChatStart("en", "")]


def test_server_messages():
    history = [{"speaker": "customer", "text": "Waar blijft mijn pakketje?", "ref": "m1"}]
    assert json.loads(welcome(TOKEN, "nl", True, history)) == {
        "type": "welcome",
        "token": TOKEN,
        "language": "nl",
        "resumed": True,
        "history": history,
    }
    assert json.loads(received("m1")) == {"type": "received", "ref": "m1"}
    assert json.loads(ended("stop")) == {"type": "ended", "reason": "stop"}
    assert json.loads(error("rate_limited", "slow down", "m2"))["ref"] == "m2"
    assert "ref" not in json.loads(error("bad_json", "not JSON"))


def test_chat_replies_name_the_speaker_and_the_bots_answer_card():
    bot = json.loads(reply_message("bot", "Uw pakketje komt morgen.", "bot-2", "c1:article:late"))
    assert bot == {
        "type": "reply",
        "speaker": "bot",
        "text": "Uw pakketje komt morgen.",
        "utterance_id": "bot-2",
        "suggestion_id": "c1:article:late",
    }
    # A bot line that is no answer (the greeting) still says it has no card.
    assert json.loads(reply_message("bot", "Hallo!", "bot-1"))["suggestion_id"] == ""
    agent = json.loads(reply_message("agent", "I'll look into it.", "agent-1"))
    assert agent == {
        "type": "reply",
        "speaker": "agent",
        "text": "I'll look into it.",
        "utterance_id": "agent-1",
    }
