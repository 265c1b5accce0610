"""Our own `/ingest` websocket: raw interleaved PCM16 for anything that is not a CCaaS.

    text   {"type": "start", "call_id": "...", "sample_rate": 16000, "channels": 1|2,
            "legs": ["agent", "customer"], "metadata": {...}}      legs, metadata optional
    binary interleaved PCM16 little-endian frames, channel i = legs[i]
    text   {"type": "stop"}                                         optional

Default legs: 2 channels -> ["agent", "customer"], 1 channel -> ["customer"] (a
single recorded line is usually the caller). 1 channel with legs ["split"] is both
parties mixed: the call gets an agent and a customer leg, its voices told apart
(`legs.split` says when). The pipeline resamples to 16 kHz.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from copilot.audio.format import AGENT, CUSTOMER, LEGS, SPLIT
from copilot.telephony.common import (
    CallClosed,
    CallOpened,
    LegAudio,
    ProtocolError,
    ProtocolEvent,
    check_identifier,
    decode_json_object,
    json_field,
)

SOURCE = "raw"
SUPPORTED_RATES = frozenset({8000, 16000, 22050, 24000, 32000, 44100, 48000})
_DEFAULT_LEGS = {1: (CUSTOMER,), 2: (AGENT, CUSTOMER)}


class RawIngestSession:
    """Parser for one `/ingest` websocket.

    `feed_text(text)` returns CallOpened on start and CallClosed("stop") on stop;
    `feed_binary(data)` returns one LegAudio per channel (t=None: frames are
    contiguous, the protocol carries no timestamps).
    """

    def __init__(self) -> None:
        self.call_id: str | None = None
        self.sample_rate = 0
        self.legs: tuple[str, ...] = ()
        self.closed = False

    def feed_text(self, text: str) -> list[ProtocolEvent]:
        """MessageParser.feed_text: `start` or `stop` in, CallOpened or CallClosed out."""
        message = decode_json_object(text)
        kind = json_field(message, "type", str, "ingest message")
        if self.closed:
            raise ProtocolError("after_stop", f"ingest {kind[:20]!r} message after stop")
        if kind == "start":
            return [self._start(message)]
        if kind == "stop":
            self._require_start("stop")
            self.closed = True
            return [CallClosed(reason="stop")]
        raise ProtocolError("unknown_type", f"unknown ingest message type {kind[:40]!r}")

    def feed_binary(self, data: bytes) -> list[ProtocolEvent]:
        """MessageParser.feed_binary: one PCM16 frame in, one LegAudio per channel out."""
        if not isinstance(data, bytes | bytearray | memoryview):
            raise ProtocolError("not_bytes", f"expected bytes, got {type(data).__name__}")
        self._require_start("audio")
        if self.closed:
            raise ProtocolError("after_stop", "ingest audio after stop")
        channels = len(self.legs)
        if len(data) > self.sample_rate * channels * 2:
            raise ProtocolError(
                "oversized_frame",
                f"oversized frame: {len(data)} bytes is more than 1 s of audio "
                f"({self.sample_rate} Hz x {channels} channel(s) x 2 bytes)",
            )
        if len(data) % (2 * channels):
            raise ProtocolError(
                "partial_frame",
                f"ingest frame of {len(data)} bytes is not whole PCM16 frames "
                f"of {channels} channel(s)",
            )
        if not data:
            return []
        interleaved = np.frombuffer(data, dtype="<i2").astype(np.int16).reshape(-1, channels)
        return [
            LegAudio(
                leg=leg,
                samples=np.ascontiguousarray(interleaved[:, i]),
                sample_rate=self.sample_rate,
            )
            for i, leg in enumerate(self.legs)
        ]

    def forget_start(self) -> None:
        """The server refused the call this start opened: the next message may start another."""
        self.call_id, self.sample_rate, self.legs = None, 0, ()

    def _start(self, message: dict[str, Any]) -> CallOpened:
        if self.call_id is not None:
            raise ProtocolError("duplicate_start", "second ingest start on one websocket")
        where = "ingest start"
        call_id = json_field(message, "call_id", str, where)
        check_identifier(call_id, f"{where}: call_id", "bad_call_id")
        rate = json_field(message, "sample_rate", int, where)
        if rate not in SUPPORTED_RATES:
            raise ProtocolError(
                "unsupported_rate",
                f"unsupported sample rate {rate}; use one of {sorted(SUPPORTED_RATES)}",
            )
        channels = json_field(message, "channels", int, where)
        if channels not in _DEFAULT_LEGS:
            raise ProtocolError("bad_channels", f"{where}: channels must be 1 or 2, got {channels}")
        legs = json_field(message, "legs", list, where, default=list(_DEFAULT_LEGS[channels]))
        metadata = json_field(message, "metadata", dict, where, default={})
        if legs == [SPLIT] and channels == 1:  # one mixed stream: its voices become the legs
            self.call_id, self.sample_rate, self.legs = call_id, rate, (SPLIT,)
            return CallOpened(call_id=call_id, source=SOURCE, legs=LEGS, metadata=metadata)
        # Membership is checked before set(), so an unhashable leg ({} or []) never reaches it.
        if (
            len(legs) != channels
            or any(leg not in LEGS for leg in legs)
            or len(set(legs)) != channels
        ):
            raise ProtocolError(
                "bad_legs",
                f"{where}: legs must list {channels} distinct of {list(LEGS)} (or, for one "
                f"mixed channel, [{SPLIT!r}]), got {legs!r:.80}",
            )
        self.call_id, self.sample_rate, self.legs = call_id, rate, tuple(legs)
        return CallOpened(call_id=call_id, source=SOURCE, legs=self.legs, metadata=metadata)

    def _require_start(self, what: str) -> None:
        if self.call_id is None:
            raise ProtocolError("before_start", f"ingest {what} before start")
