"""Audio back to the caller, per platform, as sans-I/O encoders: 16 kHz PCM16 in, wire messages out.

- Twilio (bidirectional `<Connect><Stream>` only): `media` messages of base64 mu-law,
  8 kHz, 20 ms each; a `mark` after a prompt, which Twilio echoes back once the
  audio before it has been played; `clear` drops whatever is still queued (barge-in).
  The bot's part ends with the server closing the stream (Twilio goes on with the TwiML).
- Asterisk AudioSocket: `0x10` packets of signed 16-bit little-endian 8 kHz slin,
  20 ms each; hang-up is `0x00`. Asterisk plays frames as they come, so stopping
  playback is simply not sending more (there is no queue to clear).
- Genesys AudioHook cannot carry audio to the caller: the protocol lets the server
  send only `pause`, `resume`, `disconnect` and `event`. A voicebot on Genesys needs
  the call delivered over Twilio or AudioSocket; its platform row (serve/platforms.py)
  names no encoder.
"""

from __future__ import annotations

from typing import Any, Protocol

import numpy as np
import soxr

from copilot.audio.files import float_to_pcm16, pcm16_to_float
from copilot.audio.format import PIPELINE_RATE
from copilot.telephony import audiosocket, twilio

WIRE_RATE = 8000  # Twilio and AudioSocket (type 0x10) both carry 8 kHz
FRAME_S = 0.02
FRAME_SAMPLES = int(WIRE_RATE * FRAME_S)


class AudioOut(Protocol):
    """What the voicebot's audio shell needs from a platform."""

    # True where the bot's part ends by closing the call's socket, which hands the call
    # back to the platform (Twilio runs the TwiML after `<Connect>`, see twiml.py).
    closes_stream: bool

    def frames(self, samples: np.ndarray) -> list[str | bytes]:
        """16 kHz int16 samples as 20 ms wire messages, the last one padded with silence."""
        ...

    def mark(self, name: str) -> str | bytes | None:
        """A message that comes back when playback reaches it, or None if the platform has none."""
        ...

    def clear(self) -> str | bytes | None:
        """A message that drops queued audio, or None if stopping sending is enough."""
        ...

    def hangup(self) -> str | bytes | None:
        """A message that hangs up the call, or None if the platform has none."""
        ...


def wire_frames(samples: np.ndarray) -> list[np.ndarray]:
    """16 kHz int16 -> 8 kHz int16 in 20 ms frames (the last one padded with silence)."""
    pcm = np.asarray(samples, dtype=np.int16).reshape(-1)
    if len(pcm) == 0:
        return []
    narrow = float_to_pcm16(soxr.resample(pcm16_to_float(pcm), PIPELINE_RATE, WIRE_RATE, "HQ"))
    padded = np.zeros(-(-len(narrow) // FRAME_SAMPLES) * FRAME_SAMPLES, dtype=np.int16)
    padded[: len(narrow)] = narrow
    return list(padded.reshape(-1, FRAME_SAMPLES))


class TwilioAudioOut:
    """AudioOut for a bidirectional Twilio stream: base64 mu-law `media` messages."""

    closes_stream = True

    def __init__(self, stream_sid: str) -> None:
        self.stream_sid = stream_sid

    @classmethod
    def for_call(cls, metadata: dict[str, Any]) -> TwilioAudioOut | None:
        """The encoder for a Twilio call; None without a stream sid (no stream to play into)."""
        stream_sid = metadata.get("twilio_stream_sid")
        return cls(str(stream_sid)) if stream_sid else None

    def frames(self, samples: np.ndarray) -> list[str | bytes]:
        """AudioOut.frames: one `media` message per 20 ms."""
        return [twilio.build_media_message(self.stream_sid, f) for f in wire_frames(samples)]

    def mark(self, name: str) -> str:
        """AudioOut.mark: a `mark`, which Twilio echoes once the audio before it has played."""
        return twilio.build_mark_message(self.stream_sid, name)

    def clear(self) -> str:
        """AudioOut.clear: a `clear`, which drops the audio Twilio still has queued."""
        return twilio.build_clear_message(self.stream_sid)

    def hangup(self) -> None:
        """AudioOut.hangup: none, the bot's part ends by closing the stream instead."""
        return None  # no hang-up message: closing the stream hands the call back to the TwiML


class AudioSocketAudioOut:
    """AudioOut for Asterisk AudioSocket: slin audio packets on the customer leg's socket."""

    closes_stream = False  # hang-up is a packet; after a transfer the dialplan routes the call

    @classmethod
    def for_call(cls, metadata: dict[str, Any]) -> AudioSocketAudioOut:
        """The encoder for an AudioSocket call: the customer leg's socket always takes audio."""
        return cls()

    def frames(self, samples: np.ndarray) -> list[str | bytes]:
        """AudioOut.frames: one `0x10` packet per 20 ms."""
        return [audiosocket.build_audio(f, FRAME_SAMPLES) for f in wire_frames(samples)]

    def mark(self, name: str) -> None:
        """AudioOut.mark: none, Asterisk reports nothing back about playback."""
        return None

    def clear(self) -> None:
        """AudioOut.clear: none, Asterisk queues nothing, so stopping sending is enough."""
        return None

    def hangup(self) -> bytes:
        """AudioOut.hangup: the `0x00` hang-up packet."""
        return audiosocket.build_hangup()
