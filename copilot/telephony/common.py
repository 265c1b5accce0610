"""What every telephony parser returns: plain protocol events, no I/O.

A parser is fed what arrived on its socket (a text message, a binary frame or
TCP bytes) and returns a list of these. The asyncio shells in `copilot.serve`
(`websocket_ingest`, `audiosocket`) move bytes, send `Reply*` items back to the peer
and hand audio on to the call pipeline (which resamples it to 16 kHz).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np


class MessageParser(Protocol):
    """A websocket protocol's parser: each text or binary message in, protocol items out.

    A message the protocol does not allow raises `ProtocolError`; nothing else is raised.
    """

    def feed_text(self, text: str) -> list[Any]:
        """One text message in, the items it carries out."""
        ...

    def feed_binary(self, data: bytes) -> list[Any]:
        """One binary message in, the items it carries out."""
        ...


class ProtocolError(ValueError):
    """The peer sent something this protocol does not allow.

    `code` is a short machine-readable reason; the message says what was wrong
    in words a telephony engineer can act on.
    """

    def __init__(self, code: str, message: str, parsed: list | None = None) -> None:
        super().__init__(message)
        self.code = code
        # What the same input held before the bad part, in order (e.g. the UUID packet in
        # the TCP read that also carried the bad packet): the shell still acts on it.
        self.parsed: list = parsed or []


@dataclass(frozen=True)
class CallOpened:
    """The stream identified its call. `legs` lists the legs that will carry audio."""

    call_id: str
    source: str
    legs: tuple[str, ...]
    metadata: dict[str, Any] = field(default_factory=dict)
    # An ingest credential the stream carried in its opening message (Twilio cannot put
    # one in its stream URL or headers); kept out of `metadata`, which is stored.
    credential: str = field(default="", repr=False)


@dataclass(frozen=True)
class LegAudio:
    """PCM16 mono samples for one leg at the stream's own rate.

    `t` is where the first sample sits on the call's timeline, in seconds, as the
    platform stated it (Twilio timestamp, AudioHook position); None means "right
    after the previous chunk of this leg".
    """

    leg: str
    samples: np.ndarray  # int16
    sample_rate: int
    t: float | None = None


@dataclass(frozen=True)
class DtmfPressed:
    """A key pressed on `leg`'s phone: one of 0-9, *, #, A-D."""

    leg: str
    digit: str


@dataclass(frozen=True)
class CallClosed:
    """The stream ended the call; `reason` says how ("stop", "hangup", "error", AudioHook's)."""

    reason: str = "end"
    # The peer waits for our answer (AudioHook `closed`), which must follow everything we
    # still send for the call (its last transcripts): the shell asks the parser for it then.
    answer_after_end: bool = False


@dataclass(frozen=True)
class PeerError:
    """The peer reported an error of its own (e.g. AudioSocket's 0xff packet), in words."""

    code: str
    message: str


@dataclass(frozen=True)
class UtteranceBreak:
    """Close every open utterance now (the stream paused, or its language changed)."""

    reason: str = ""


@dataclass(frozen=True)
class MarkPlayed:
    """The peer has played our audio up to the mark `name` (Twilio echoes each `mark` we send)."""

    name: str


@dataclass(frozen=True)
class ReplyText:
    """A text message the shell must send back to the peer (e.g. AudioHook `opened`, `pong`)."""

    text: str


@dataclass(frozen=True)
class ReplyBytes:
    """Bytes the shell must send back to the peer (e.g. an AudioSocket packet)."""

    data: bytes


ProtocolEvent = (
    CallOpened
    | LegAudio
    | DtmfPressed
    | CallClosed
    | PeerError
    | UtteranceBreak
    | MarkPlayed
    | ReplyText
    | ReplyBytes
)


# --- what any ingest may name a call, an agent, and what it may attach ---

MAX_ID_CHARS = 128  # a call or agent id; platform ids (UUIDs, Twilio SIDs) are 34-36
MAX_METADATA_VALUE_CHARS = 1024
MAX_METADATA_BYTES = 16 * 1024
MAX_METADATA_DEPTH = 5


def check_identifier(value: str, what: str, code: str) -> str:
    """A call or agent id fit to store and show: 1-128 characters, none of them control ones."""
    if not value or len(value) > MAX_ID_CHARS:
        raise ProtocolError(code, f"{what} must be 1-{MAX_ID_CHARS} characters, got {len(value)}")
    if any(_is_control(c) for c in value):
        raise ProtocolError(code, f"{what} {value[:40]!r} contains control characters")
    return value


def check_metadata(metadata: dict[str, Any]) -> None:
    """A call's metadata, bounded: short strings without control characters, shallow, small."""
    try:
        size = len(json.dumps(metadata, ensure_ascii=False).encode("utf-8"))
    except (TypeError, ValueError):
        raise ProtocolError("bad_metadata", "call metadata is not plain JSON") from None
    if size > MAX_METADATA_BYTES:
        raise ProtocolError("bad_metadata", f"call metadata of {size} bytes is over 16 KiB")
    _check_metadata_value(metadata, "metadata", 0)


def _check_metadata_value(value: Any, where: str, depth: int) -> None:
    if depth > MAX_METADATA_DEPTH:
        raise ProtocolError("bad_metadata", f"{where}: nested deeper than {MAX_METADATA_DEPTH}")
    if isinstance(value, dict):
        for key, item in value.items():
            _check_metadata_value(str(key), f"{where} key", depth + 1)
            _check_metadata_value(item, f"{where}.{str(key)[:40]}", depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_metadata_value(item, where, depth + 1)
    elif isinstance(value, str):
        if len(value) > MAX_METADATA_VALUE_CHARS:
            raise ProtocolError(
                "bad_metadata", f"{where}: value of {len(value)} characters is over 1024"
            )
        if any(_is_control(c) for c in value):
            raise ProtocolError("bad_metadata", f"{where}: value contains control characters")


def _is_control(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")


# --- helpers shared by the JSON-over-websocket parsers (Twilio, AudioHook, raw ingest) ---

# Real control messages are a few hundred bytes (a Twilio 20 ms media message ~300);
# AudioHook's reference server also refuses text over 64 KiB.
MAX_TEXT_CHARS = 64 * 1024

_REQUIRED: Any = object()
_KIND_NAMES = {
    str: "a string",
    int: "an integer",
    dict: "an object",
    list: "a list",
    bool: "a boolean",
}


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def decode_json_object(text: object, max_chars: int = MAX_TEXT_CHARS) -> dict[str, Any]:
    """One websocket text message as a JSON object, or ProtocolError saying why not."""
    if not isinstance(text, str):
        raise ProtocolError("not_text", f"expected a text message, got {type(text).__name__}")
    if len(text) > max_chars:
        raise ProtocolError(
            "oversized", f"text message of {len(text)} characters exceeds {max_chars}"
        )
    try:
        # RecursionError: "[[[[..." nested a few thousand deep fits easily in 64 KiB.
        value = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:
        raise ProtocolError("bad_json", f"text message is not valid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise ProtocolError("not_object", f"expected a JSON object, got {type(value).__name__}")
    return value


def json_field(
    obj: dict[str, Any], key: str, kind: type, where: str, default: Any = _REQUIRED
) -> Any:
    """`obj[key]` checked to be of JSON type `kind`; `default` if absent or null (when given).

    `where` names the message for the error, e.g. "Twilio start.mediaFormat".
    """
    value = obj.get(key)
    if value is None:
        if default is not _REQUIRED:
            return default
        raise ProtocolError("missing_field", f"{where}: missing field {key!r}")
    # JSON true/false arrive as Python bools, which are ints; never accept them as numbers.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        wanted = _KIND_NAMES.get(kind, kind.__name__)
        raise ProtocolError(
            "bad_field", f"{where}: field {key!r} must be {wanted}, got {type(value).__name__}"
        )
    return value
