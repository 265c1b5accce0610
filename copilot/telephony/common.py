"""What every telephony parser returns: plain protocol events, no I/O.

A parser is fed what arrived on its socket (a text message, a binary frame or
TCP bytes) and returns a list of these. The asyncio shell in `copilot.server`
moves bytes, sends `Reply*` items back to the peer and hands audio on to the
call pipeline (which resamples it to 16 kHz).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np


class ProtocolError(ValueError):
    """The peer sent something this protocol does not allow.

    `code` is a short machine-readable reason; the message says what was wrong
    in words a telephony engineer can act on.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class CallOpened:
    """The stream identified its call. `legs` lists the legs that will carry audio."""

    call_id: str
    source: str
    legs: tuple[str, ...]
    metadata: dict[str, Any] = field(default_factory=dict)


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
    leg: str
    digit: str


@dataclass(frozen=True)
class CallClosed:
    reason: str = "end"


@dataclass(frozen=True)
class ReplyText:
    """A text message the shell must send back to the peer (e.g. AudioHook `opened`, `pong`)."""

    text: str


@dataclass(frozen=True)
class ReplyBytes:
    """Bytes the shell must send back to the peer (e.g. an AudioSocket packet)."""

    data: bytes


ProtocolEvent = CallOpened | LegAudio | DtmfPressed | CallClosed | ReplyText | ReplyBytes
