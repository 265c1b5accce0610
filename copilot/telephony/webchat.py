"""The customer web chat's socket (`/webchat/socket`): one conversation per socket, no I/O.

    in   {"type": "start", "language": "nl" | "en", "token": "..."}   token: resume that one
    in   {"type": "message", "text": "...", "ref": "m1"}               ref optional
    in   {"type": "end"}                                               the customer closes the chat
    out  {"type": "welcome", "token": "...", "language": "nl", "resumed": false,
          "history": [{"speaker": "customer" | "bot" | "agent", "text": "...", "ref": "m1"}]}
    out  {"type": "received", "ref": "m1"}     the message is stored (its ref, when it had one)
    out  {"type": "reply", "speaker": "bot" | "agent", "text": "...", ...}   as on /chat
    out  {"type": "ended", "reason": "stop" | "disconnected" | ...}
    out  {"type": "error", "code": "...", "message": "...", "ref": "m1"}

Unlike `/chat`, the peer is an anonymous browser: it names no call, agent or
metadata, and it can only speak as the customer. The conversation token in
`welcome` is the tab's key back into its conversation after a reload or a lost
connection; a token the server does not know starts a new conversation.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from copilot.telephony.common import ProtocolError, decode_json_object, json_field

LANGUAGES = ("nl", "en")
MAX_REF_CHARS = 64
TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
# JSON may spell each character as a six-character escape; the envelope is small.
ENVELOPE_CHARS = 256


class MessageRefused(ProtocolError):
    """A customer message that cannot be taken; `ref` lets the page mark which one."""

    def __init__(self, code: str, message: str, ref: str | int | None) -> None:
        super().__init__(code, message)
        self.ref = ref


@dataclass(frozen=True)
class WebChatStart:
    """The tab opens its conversation: a new one, or the one its token names."""

    language: str
    token: str  # "" for a new conversation


@dataclass(frozen=True)
class CustomerMessage:
    """A line the customer typed; `ref` (the page's own id for it) comes back in `received`."""

    text: str
    ref: str | int | None = None


@dataclass(frozen=True)
class WebChatEnd:
    """The customer closed the chat."""


WebChatItem = WebChatStart | CustomerMessage | WebChatEnd


class WebChatSocket:
    """Parser for one `/webchat/socket` connection: start once, then messages, then end."""

    def __init__(self, max_message_chars: int) -> None:
        self.max_message_chars = max_message_chars
        self.started = False
        self.ended = False

    @property
    def max_frame_chars(self) -> int:
        """The longest text frame a message of `max_message_chars` can take, escapes and all."""
        return 6 * self.max_message_chars + ENVELOPE_CHARS

    def feed_text(self, text: str) -> list[WebChatItem]:
        """One text message in, the item it carries out; ProtocolError says what was wrong."""
        message = decode_json_object(text, self.max_frame_chars)
        kind = json_field(message, "type", str, "web chat message")
        if self.ended:
            raise ProtocolError("after_end", "the chat has ended: open a new one")
        if kind == "start":
            return [self._start(message)]
        if not self.started:
            raise ProtocolError("before_start", f"{kind[:20]!r} before start")
        if kind == "message":
            return [self._message(message)]
        if kind == "end":
            self.ended = True
            return [WebChatEnd()]
        raise ProtocolError("unknown_type", f"unknown web chat message type {kind[:40]!r}")

    def feed_binary(self, data: bytes) -> list[WebChatItem]:
        """Always a ProtocolError: the web chat speaks JSON text."""
        raise ProtocolError("binary_not_allowed", "the web chat takes JSON text messages only")

    def forget_start(self) -> None:
        """The server could not open the conversation (a limit): the tab may start again."""
        self.started = False

    def _start(self, message: dict[str, Any]) -> WebChatStart:
        if self.started:
            raise ProtocolError("already_started", "one conversation per socket")
        language = json_field(message, "language", str, "start", default="en")
        if language not in LANGUAGES:
            raise ProtocolError("bad_language", f"language must be one of {', '.join(LANGUAGES)}")
        token = json_field(message, "token", str, "start", default="")
        if token and not TOKEN.fullmatch(token):
            raise ProtocolError("bad_token", "token must be the one a welcome message gave")
        self.started = True
        return WebChatStart(language, token)

    def _message(self, message: dict[str, Any]) -> CustomerMessage:
        ref = message.get("ref")
        if ref is not None and not _fit_ref(ref):
            raise ProtocolError("bad_ref", f"ref must be a string of 1-{MAX_REF_CHARS} or a number")
        text = json_field(message, "text", str, "message").strip()
        if not text:
            raise MessageRefused("empty_text", "a message needs some text", ref)
        if len(text) > self.max_message_chars:
            raise MessageRefused(
                "too_long",
                f"a message is limited to {self.max_message_chars} characters, not {len(text)}",
                ref,
            )
        return CustomerMessage(text, ref)


def _fit_ref(ref: Any) -> bool:
    if isinstance(ref, bool):
        return False
    if isinstance(ref, int):
        return True
    return isinstance(ref, str) and 0 < len(ref) <= MAX_REF_CHARS


def welcome(token: str, language: str, resumed: bool, history: list[dict[str, Any]]) -> str:
    """The first message of a conversation on this socket: its token and the lines so far."""
    message = {
        "type": "welcome",
        "token": token,
        "language": language,
        "resumed": resumed,
        "history": history,
    }
    return json.dumps(message, ensure_ascii=False)


def received(ref: str | int | None) -> str:
    """The customer's message is stored: it will not be lost."""
    return json.dumps({"type": "received", "ref": ref})


def ended(reason: str) -> str:
    """The conversation is over; the socket closes after this."""
    return json.dumps({"type": "ended", "reason": reason})


def error(code: str, message: str, ref: str | int | None = None) -> str:
    """A refused message or start, in words for the page's console (the page words the code)."""
    body: dict[str, Any] = {"type": "error", "code": code, "message": message}
    if ref is not None:
        body["ref"] = ref
    return json.dumps(body, ensure_ascii=False)
