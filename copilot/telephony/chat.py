"""The `/chat` websocket: a chat conversation as text turns, through the same stages as a call.

    in   {"type": "start", "call_id": "...", "language": "en", "metadata": {"agent_id": "..."}}
    in   {"type": "turn", "speaker": "customer" | "agent", "text": "...", "t": 12.5}  t optional
    in   {"type": "stop"}                                                             optional
    out  {"type": "reply", "speaker": "bot" | "agent", "text": "...", "utterance_id": "...",
          "suggestion_id": "..."}                                      suggestion_id: the bot's

Each turn becomes the call's next final transcript; without `t`, turns are one
second apart. A chat has no audio, so affect comes from the words alone. What
copilot itself says in the chat (the bot's lines, an agent's reply typed in the
sidebar) goes back as `reply`, for the platform to show the customer; turns the
client sent are never echoed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from copilot.audio.format import LEGS
from copilot.telephony.common import (
    CallClosed,
    CallOpened,
    ProtocolError,
    check_identifier,
    decode_json_object,
    json_field,
)

SOURCE = "chat"
MAX_TURN_CHARS = 4000


@dataclass(frozen=True)
class ChatTurn:
    """One chat message, which the chat session makes the speaker's next final transcript."""

    speaker: str
    text: str
    t: float | None  # seconds into the conversation; None: one second after the previous turn


class ChatStream:
    """Parser for one `/chat` websocket."""

    def __init__(self) -> None:
        self.started = False
        self.closed = False
        self.t = 0.0

    def feed_text(self, text: str) -> list[Any]:
        """MessageParser.feed_text: one chat message in, CallOpened, ChatTurn or CallClosed out."""
        message = decode_json_object(text)
        kind = json_field(message, "type", str, "chat message")
        if self.closed:
            raise ProtocolError("after_stop", f"chat {kind[:20]!r} message after stop")
        if kind == "start":
            return [self._start(message)]
        if not self.started:
            raise ProtocolError("before_start", f"chat {kind[:20]!r} message before start")
        if kind == "turn":
            return [self._turn(message)]
        if kind == "stop":
            self.closed = True
            return [CallClosed(reason="stop")]
        raise ProtocolError("unknown_type", f"unknown chat message type {kind[:40]!r}")

    def feed_binary(self, data: bytes) -> list[Any]:
        """MessageParser.feed_binary: always a ProtocolError, a chat carries no audio."""
        raise ProtocolError("binary_not_allowed", "/chat takes JSON text messages only")

    def forget_start(self) -> None:
        """The server refused the call this start opened: the next message may start another."""
        self.started = False

    def _start(self, message: dict[str, Any]) -> CallOpened:
        if self.started:
            raise ProtocolError("duplicate_start", "second chat start on one socket")
        call_id = json_field(message, "call_id", str, "chat start")
        check_identifier(call_id, "chat start: call_id", "bad_call_id")
        metadata = dict(json_field(message, "metadata", dict, "chat start", default={}))
        language = json_field(message, "language", str, "chat start", default="")
        if language:
            metadata["language"] = language
        self.started = True
        return CallOpened(call_id=call_id, source=SOURCE, legs=LEGS, metadata=metadata)

    def _turn(self, message: dict[str, Any]) -> ChatTurn:
        speaker = json_field(message, "speaker", str, "chat turn")
        if speaker not in LEGS:
            raise ProtocolError("bad_speaker", f"speaker must be one of {', '.join(LEGS)}")
        text = json_field(message, "text", str, "chat turn").strip()
        if not text or len(text) > MAX_TURN_CHARS:
            raise ProtocolError("bad_text", f"text must be 1..{MAX_TURN_CHARS} characters")
        t = message.get("t")
        if t is None:
            return ChatTurn(speaker, text, None)  # one second after the previous turn
        if not isinstance(t, int | float) or isinstance(t, bool) or not self.t <= t < 86400:
            raise ProtocolError("bad_time", "t must be seconds, not before the previous turn")
        self.t = float(t)
        return ChatTurn(speaker, text, self.t)


def reply_message(speaker: str, text: str, utterance_id: str, suggestion_id: str = "") -> str:
    """The `reply` message that shows the customer a line copilot said (the bot's, an agent's)."""
    message = {"type": "reply", "speaker": speaker, "text": text, "utterance_id": utterance_id}
    if suggestion_id or speaker == "bot":
        message["suggestion_id"] = suggestion_id
    return json.dumps(message, ensure_ascii=False)
