"""Asterisk AudioSocket: a TCP stream of type-length-value packets, one leg per connection.

Packet: 1-byte kind, uint16 big-endian payload length, payload. TCP may split a
packet across reads or merge several into one, so the parser buffers and only
ever acts on whole packets. Asterisk connects to us, sends the call UUID first,
then audio (signed 16-bit little-endian, mono 8 kHz) and, at the end, usually
just closes the socket instead of sending a hang-up packet.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping

import numpy as np

from copilot.audio.format import LEGS
from copilot.telephony.common import (
    CallClosed,
    CallOpened,
    DtmfPressed,
    LegAudio,
    PeerError,
    ProtocolError,
    ProtocolEvent,
)

SOURCE = "audiosocket"
SAMPLE_RATE = 8000

KIND_HANGUP = 0x00
KIND_UUID = 0x01
KIND_DTMF = 0x03
KIND_AUDIO = 0x10
KIND_ERROR = 0xFF
# 0x11..0x18 carry higher-rate slin from chan_audiosocket; their numbering has changed
# between Asterisk versions, so they are skipped unless the deployment names the rates.
HIGH_RATE_KINDS = range(0x11, 0x19)

# The code byte of an error packet (Asterisk's AudioSocket documentation): what it means,
# and how the leg ends. The calling party hanging up is a normal end, the rest are failures.
ASTERISK_ERRORS = {
    0x01: ("the calling party hung up", "hangup"),
    0x02: ("frame forwarding error", "error"),
    0x04: ("memory (allocation) error", "error"),
}

HEADER_BYTES = 3
MAX_PAYLOAD = 0xFFFF  # the length field is 16 bits, so a packet can never claim more
_DIGITS = frozenset(b"0123456789*#ABCD")


class AudioSocketParser:
    """Parser for one AudioSocket TCP connection carrying one leg (`agent` or `customer`).

    `feed(data)` takes whatever bytes the socket produced and returns CallOpened
    (on the UUID packet), LegAudio (t=None: AudioSocket has no timestamps, chunks
    are contiguous), DtmfPressed, PeerError (Asterisk's 0xff packet, in words) and
    CallClosed ("hangup", or "error" when Asterisk's error code says the leg failed).
    A ProtocolError carries in `parsed` the events of the same read before the bad packet.
    `eof()` turns a closed socket into CallClosed("hangup"). After a ProtocolError
    the byte stream is out of step, so every later call raises again.

    `extra_audio_rates` maps higher-rate audio kinds to their sample rate, e.g.
    {0x12: 16000}, for an Asterisk whose numbering is known; other kinds are skipped.
    """

    def __init__(self, leg: str, extra_audio_rates: Mapping[int, int] | None = None) -> None:
        if leg not in LEGS:
            raise ValueError(f"leg must be one of {LEGS}, got {leg!r}")
        self.leg = leg
        self.extra_audio_rates = dict(extra_audio_rates or {})
        self.call_id: str | None = None
        self.closed = False
        self.skipped_packets = 0
        self._buffer = bytearray()
        self._failed: ProtocolError | None = None

    def feed(self, data: bytes) -> list[ProtocolEvent]:
        """One TCP read in, the events of the whole packets it completes out."""
        if self._failed is not None:
            raise ProtocolError(self._failed.code, f"stream already failed: {self._failed}")
        if not isinstance(data, bytes | bytearray | memoryview):
            raise ProtocolError("not_bytes", f"expected bytes, got {type(data).__name__}")
        self._buffer += data
        buf = self._buffer
        events: list[ProtocolEvent] = []
        pos = 0
        try:
            # Between calls the buffer holds at most one partial packet (<= 3 + 65535
            # bytes): every complete packet is consumed or rejected before returning.
            while len(buf) - pos >= HEADER_BYTES:
                end = pos + HEADER_BYTES + int.from_bytes(buf[pos + 1 : pos + 3], "big")
                if len(buf) < end:
                    break
                events.extend(self._packet(buf[pos], bytes(buf[pos + HEADER_BYTES : end])))
                pos = end
        except ProtocolError as exc:
            self._failed = exc
            buf.clear()
            # How TCP split the stream must not matter: what came before the bad packet
            # in this read counts exactly as if it had arrived in a read of its own.
            exc.parsed = events
            raise
        del buf[:pos]  # once per feed, so a large merged read stays linear
        return events

    @property
    def buffered(self) -> int:
        """Bytes held back as the start of a packet not yet complete (<= 3 + 65535)."""
        return len(self._buffer)

    def eof(self) -> list[ProtocolEvent]:
        """The socket closed. Asterisk's normal way of ending a call."""
        if self.closed or self.call_id is None:
            return []  # already closed, or nothing was ever opened
        self.closed = True
        return [CallClosed(reason="hangup")]

    def _packet(self, kind: int, payload: bytes) -> list[ProtocolEvent]:
        if self.closed:
            raise ProtocolError("after_hangup", f"AudioSocket packet 0x{kind:02x} after hang-up")
        if kind == KIND_UUID:
            return self._uuid(payload)
        if kind == KIND_HANGUP:
            self.closed = True
            return [CallClosed(reason="hangup")]
        if kind == KIND_ERROR:
            self.closed = True
            return self._error(payload)
        if kind == KIND_AUDIO:
            return self._audio(payload, SAMPLE_RATE)
        if kind in self.extra_audio_rates:
            return self._audio(payload, self.extra_audio_rates[kind])
        if kind in HIGH_RATE_KINDS:
            self.skipped_packets += 1
            return []
        if kind == KIND_DTMF:
            return self._dtmf(payload)
        raise ProtocolError("unknown_kind", f"unknown AudioSocket packet kind 0x{kind:02x}")

    def _error(self, payload: bytes) -> list[ProtocolEvent]:
        """Asterisk's error packet: what its code means, then the end of the leg."""
        if not payload:
            return [
                PeerError("audiosocket_error", "Asterisk reported an error without a code"),
                CallClosed(reason="error"),
            ]
        code = payload[0]
        meaning, reason = ASTERISK_ERRORS.get(code, ("an unknown error", "error"))
        message = f"Asterisk reported error 0x{code:02x}: {meaning}"
        return [PeerError(f"audiosocket_error_0x{code:02x}", message), CallClosed(reason=reason)]

    def _uuid(self, payload: bytes) -> list[ProtocolEvent]:
        if self.call_id is not None:
            raise ProtocolError("duplicate_uuid", "second AudioSocket UUID packet")
        if len(payload) != 16:
            raise ProtocolError(
                "bad_uuid", f"AudioSocket UUID packet has {len(payload)} bytes, expected 16"
            )
        self.call_id = str(uuid.UUID(bytes=payload))
        return [CallOpened(call_id=self.call_id, source=SOURCE, legs=(self.leg,))]

    def _audio(self, payload: bytes, rate: int) -> list[ProtocolEvent]:
        self._require_uuid("audio")
        if len(payload) % 2:
            raise ProtocolError(
                "odd_audio", f"AudioSocket audio of {len(payload)} bytes is not 16-bit samples"
            )
        if not payload:
            return []
        samples = np.frombuffer(payload, dtype="<i2").astype(np.int16)
        return [LegAudio(leg=self.leg, samples=samples, sample_rate=rate)]

    def _dtmf(self, payload: bytes) -> list[ProtocolEvent]:
        self._require_uuid("DTMF")
        if len(payload) != 1 or payload[0] not in _DIGITS:
            raise ProtocolError("bad_digit", f"AudioSocket DTMF payload {payload[:8]!r}")
        return [DtmfPressed(leg=self.leg, digit=chr(payload[0]))]

    def _require_uuid(self, what: str) -> None:
        if self.call_id is None:
            raise ProtocolError("before_uuid", f"AudioSocket {what} before the UUID packet")


# --- building packets (tests, and what we send back: only audio or hang-up) ---


def build_packet(kind: int, payload: bytes = b"") -> bytes:
    """One packet of any kind: kind byte, 16-bit big-endian length, payload."""
    if not 0 <= kind <= 0xFF or len(payload) > MAX_PAYLOAD:
        raise ValueError(f"kind 0x{kind:x} / {len(payload)} bytes do not fit an AudioSocket packet")
    return bytes([kind]) + len(payload).to_bytes(2, "big") + payload


def build_uuid(call_id: str) -> bytes:
    """The `0x01` packet Asterisk opens a connection with: the call's UUID as 16 bytes."""
    return build_packet(KIND_UUID, uuid.UUID(call_id).bytes)


def build_audio(samples: np.ndarray, frame_samples: int = 160) -> bytes:
    """8 kHz int16 samples as audio packets of `frame_samples` (20 ms by default)."""
    pcm = np.asarray(samples, dtype="<i2").tobytes()
    step = 2 * frame_samples
    return b"".join(build_packet(KIND_AUDIO, pcm[i : i + step]) for i in range(0, len(pcm), step))


def build_dtmf(digit: str) -> bytes:
    """A `0x03` packet: one key pressed on the leg's phone."""
    return build_packet(KIND_DTMF, digit.encode("ascii"))


def build_hangup() -> bytes:
    """The `0x00` hang-up packet, which ends the leg."""
    return build_packet(KIND_HANGUP)


def build_error(code: int | None = None) -> bytes:
    """A `0xff` error packet, with Asterisk's one-byte error code or without one."""
    return build_packet(KIND_ERROR, b"" if code is None else bytes([code]))
