"""Twilio Media Streams: one websocket of JSON text messages per stream.

Order on the wire: `connected` -> `start` -> (`media` | `dtmf` | `mark`)* -> `stop`.
Twilio sends `sequenceNumber`, `media.chunk` and `media.timestamp` as *strings*;
`timestamp` is milliseconds since the stream started and is the only safe way to
align the inbound and outbound tracks (chunks of the two tracks arrive in any order).
Liberal where it costs nothing: fields copilot does not use (`sequenceNumber`,
`chunk`, unknown keys) are not checked, and the timestamp may also be a JSON number;
strict where it matters: payload, track, stream identity, media format.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from typing import Any

import numpy as np

from copilot.audio.format import AGENT, CUSTOMER
from copilot.telephony import g711
from copilot.telephony.common import (
    CallClosed,
    CallOpened,
    DtmfPressed,
    LegAudio,
    MarkPlayed,
    ProtocolError,
    ProtocolEvent,
    decode_json_object,
    json_field,
)

SOURCE = "twilio"
# The custom <Parameter> that carries the ingest key (Twilio\'s stream URL takes no query).
CREDENTIAL_PARAMETER = "key"
SAMPLE_RATE = 8000
# 1 s of 8 kHz mu-law; Twilio sends 20 ms (160 bytes), so anything this big is not Twilio.
MAX_PAYLOAD_BYTES = SAMPLE_RATE

# On the customer's call leg with `both_tracks`, inbound is what the caller says and
# outbound is what Twilio plays to them, i.e. the agent. DTMF says "inbound_track".
_TRACK_LEGS = {
    "inbound": CUSTOMER,
    "inbound_track": CUSTOMER,
    "outbound": AGENT,
    "outbound_track": AGENT,
}
_DIGITS = frozenset("0123456789*#ABCD")
# Strict ASCII: int() would also accept " 12", "1_000" and non-ASCII digits.
_DECIMAL = re.compile(r"[0-9]{1,15}")


class TwilioMediaStream:
    """Parser for one Twilio Media Streams websocket.

    `feed_text(text)` takes each text message and returns CallOpened (on `start`),
    LegAudio (on `media`, `t` from Twilio's timestamp), DtmfPressed (on `dtmf`)
    MarkPlayed (on `mark`, the echo of one we sent) and CallClosed("stop") (on `stop`).
    `connected` returns nothing.
    """

    def __init__(self) -> None:
        self.version: str | None = None
        self.stream_sid: str | None = None
        self.call_id: str | None = None
        self.legs: tuple[str, ...] = ()
        self.closed = False

    def feed_binary(self, data: bytes) -> list[ProtocolEvent]:
        """MessageParser.feed_binary: always a ProtocolError, Twilio sends audio as text."""
        raise ProtocolError("binary_not_allowed", "this endpoint takes text messages only")

    def feed_text(self, text: str) -> list[ProtocolEvent]:
        """MessageParser.feed_text: one Twilio message in, items out."""
        message = decode_json_object(text)
        event = json_field(message, "event", str, "Twilio message")
        if self.closed:
            raise ProtocolError("after_stop", f"Twilio {event[:40]!r} message after stop")
        handler = _HANDLERS.get(event)
        if handler is None:
            raise ProtocolError("unknown_event", f"unknown Twilio event {event[:40]!r}")
        # sequenceNumber is not used: a number there (not Twilio's string) costs nothing.
        if event not in ("connected", "start"):
            self._check_stream_sid(message, event)
        return handler(self, message)

    def _connected(self, message: dict[str, Any]) -> list[ProtocolEvent]:
        # Older deployments say "0.2.0", newer "1.0.0"; the messages we read are the same.
        self.version = json_field(message, "version", str, "Twilio connected", default=None)
        return []

    def _start(self, message: dict[str, Any]) -> list[ProtocolEvent]:
        if self.stream_sid is not None:
            raise ProtocolError("duplicate_start", "second Twilio start on one stream")
        start = json_field(message, "start", dict, "Twilio start")
        where = "Twilio start.start"
        stream_sid = json_field(start, "streamSid", str, where)
        call_sid = json_field(start, "callSid", str, where, default="")
        account_sid = json_field(start, "accountSid", str, where, default="")
        _check_media_format(json_field(start, "mediaFormat", dict, where))
        tracks = json_field(start, "tracks", list, where)
        custom = json_field(start, "customParameters", dict, where, default={})
        self.legs = _legs_for_tracks(tracks)
        self.stream_sid = stream_sid
        self.call_id = call_sid or stream_sid
        # Custom <Parameter>s (agent id, queue ...) sit at the top level for the pipeline;
        # Twilio's own ids go under twilio_* names so a parameter cannot overwrite them.
        # The ingest key travels as <Parameter name="key">, never into stored metadata.
        metadata: dict[str, Any] = {k: v for k, v in custom.items() if k != CREDENTIAL_PARAMETER}
        credential = custom.get(CREDENTIAL_PARAMETER, "")
        metadata.update(
            twilio_stream_sid=stream_sid,
            twilio_call_sid=call_sid,
            twilio_account_sid=account_sid,
            twilio_tracks=list(tracks),
            twilio_version=self.version,
        )
        return [
            CallOpened(
                call_id=self.call_id,
                source=SOURCE,
                legs=self.legs,
                metadata=metadata,
                credential=credential if isinstance(credential, str) else "",
            )
        ]

    def _media(self, message: dict[str, Any]) -> list[ProtocolEvent]:
        self._require_started("media")
        media = json_field(message, "media", dict, "Twilio media")
        where = "Twilio media.media"
        leg = self._leg_for_track(json_field(media, "track", str, where), where)
        # `chunk` is not used either; the timestamp is (it aligns the tracks), so it is checked.
        timestamp_ms = _milliseconds(media.get("timestamp"), where)
        payload = _decode_payload(json_field(media, "payload", str, where))
        if not payload:
            return []
        samples = g711.ulaw_decode(payload)
        return [LegAudio(leg=leg, samples=samples, sample_rate=SAMPLE_RATE, t=timestamp_ms / 1000)]

    def _dtmf(self, message: dict[str, Any]) -> list[ProtocolEvent]:
        self._require_started("dtmf")
        dtmf = json_field(message, "dtmf", dict, "Twilio dtmf")
        leg = self._leg_for_track(
            json_field(dtmf, "track", str, "Twilio dtmf.dtmf", default="inbound_track"),
            "Twilio dtmf.dtmf",
        )
        digit = json_field(dtmf, "digit", str, "Twilio dtmf.dtmf")
        if digit not in _DIGITS:
            raise ProtocolError("bad_digit", f"Twilio dtmf: {digit[:10]!r} is not a DTMF digit")
        return [DtmfPressed(leg=leg, digit=digit)]

    def _mark(self, message: dict[str, Any]) -> list[ProtocolEvent]:
        # Twilio echoes our own marks back once it has played the audio before them: the
        # voicebot's player waits for them to know a prompt was heard.
        mark = json_field(message, "mark", dict, "Twilio mark", default={})
        name = mark.get("name")
        return [MarkPlayed(name)] if isinstance(name, str) else []

    def _stop(self, message: dict[str, Any]) -> list[ProtocolEvent]:
        json_field(message, "stop", dict, "Twilio stop", default={})
        self.closed = True
        return [CallClosed(reason="stop")]

    def _require_started(self, event: str) -> None:
        if self.stream_sid is None:
            raise ProtocolError("before_start", f"Twilio {event} message before start")

    def _check_stream_sid(self, message: dict[str, Any], event: str) -> None:
        sid = json_field(message, "streamSid", str, f"Twilio {event}", default=None)
        if sid is not None and self.stream_sid is not None and sid != self.stream_sid:
            raise ProtocolError(
                "wrong_stream", f"Twilio {event} for stream {sid[:40]!r}, not {self.stream_sid!r}"
            )

    def _leg_for_track(self, track: str, where: str) -> str:
        leg = _TRACK_LEGS.get(track)
        if leg is None:
            raise ProtocolError("bad_track", f"{where}: unknown track {track[:40]!r}")
        if leg not in self.legs:
            raise ProtocolError("bad_track", f"{where}: track {track!r} was not in start.tracks")
        return leg


_HANDLERS = {
    "connected": TwilioMediaStream._connected,
    "start": TwilioMediaStream._start,
    "media": TwilioMediaStream._media,
    "dtmf": TwilioMediaStream._dtmf,
    "mark": TwilioMediaStream._mark,
    "stop": TwilioMediaStream._stop,
}


def _check_media_format(fmt: dict[str, Any]) -> None:
    where = "Twilio start.mediaFormat"
    encoding = json_field(fmt, "encoding", str, where)
    rate = json_field(fmt, "sampleRate", int, where)
    channels = json_field(fmt, "channels", int, where)
    if (encoding, rate, channels) != ("audio/x-mulaw", SAMPLE_RATE, 1):
        raise ProtocolError(
            "bad_media_format",
            f"{where}: expected audio/x-mulaw 8000 Hz 1 channel, "
            f"got {encoding[:40]} {rate} Hz {channels} channel(s)",
        )


def _legs_for_tracks(tracks: list[Any]) -> tuple[str, ...]:
    legs: list[str] = []
    for track in tracks:
        leg = _TRACK_LEGS.get(track) if isinstance(track, str) else None
        if leg is None:
            raise ProtocolError("bad_track", f"Twilio start.tracks: unknown track {track!r:.40}")
        if leg not in legs:
            legs.append(leg)
    if not legs:
        raise ProtocolError("bad_track", "Twilio start.tracks is empty")
    return tuple(legs)


def _decimal_string(value: str, key: str, where: str) -> int:
    if not _DECIMAL.fullmatch(value):
        raise ProtocolError("bad_field", f"{where}: {key} {value[:20]!r} is not a decimal string")
    return int(value)


def _milliseconds(value: Any, where: str) -> int:
    """Twilio's `timestamp`: documented as a decimal string; a JSON number is taken too."""
    if value is None:
        raise ProtocolError("missing_field", f"{where}: missing field 'timestamp'")
    if isinstance(value, str):
        return _decimal_string(value, "timestamp", where)
    whole = isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if isinstance(value, bool) or not whole or not 0 <= value < 10**15:
        raise ProtocolError(
            "bad_field", f"{where}: timestamp {str(value)[:20]!r} is not a whole number of ms"
        )
    return int(value)


def _decode_payload(payload: str) -> bytes:
    # Check the base64 length (4 chars per 3 bytes) first, so nothing huge gets decoded.
    if len(payload) > (MAX_PAYLOAD_BYTES + 2) // 3 * 4:
        raise _oversized_payload()
    try:
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ProtocolError("bad_payload", f"Twilio media payload is not base64: {exc}") from None
    if len(data) > MAX_PAYLOAD_BYTES:
        raise _oversized_payload()
    return data


def _oversized_payload() -> ProtocolError:
    return ProtocolError(
        "oversized", f"Twilio media payload over {MAX_PAYLOAD_BYTES} bytes (1 s of audio)"
    )


# --- server -> Twilio (bidirectional <Connect><Stream> only) ---


def build_media_message(stream_sid: str, samples: np.ndarray) -> str:
    """A `media` message playing 8 kHz int16 `samples` to the caller."""
    payload = base64.b64encode(g711.ulaw_encode(samples)).decode("ascii")
    return _dumps({"event": "media", "streamSid": stream_sid, "media": {"payload": payload}})


def build_mark_message(stream_sid: str, name: str) -> str:
    """A `mark`: Twilio echoes it back once the audio queued before it has played."""
    return _dumps({"event": "mark", "streamSid": stream_sid, "mark": {"name": name}})


def build_clear_message(stream_sid: str) -> str:
    """A `clear`: drop audio queued for playback (barge-in) and return pending marks."""
    return _dumps({"event": "clear", "streamSid": stream_sid})


def _dumps(message: dict[str, Any]) -> str:
    return json.dumps(message, separators=(",", ":"))
