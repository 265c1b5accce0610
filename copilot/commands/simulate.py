"""Play a recorded call into copilot's ingest endpoints the way each platform would.

Used by `copilot simulate`, `make demo`, the server tests and the benchmarks:
the messages are shaped like the platforms' own (see ../docs/protocol.md and the
telephony parsers), so the server cannot tell a simulation from a real stream.
"""

from __future__ import annotations

import asyncio
import base64
import json
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import soxr
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus, InvalidURI

from copilot.audio.files import DecodedCall, float_to_pcm16, pcm16_to_float
from copilot.audio.format import AGENT, CUSTOMER, PIPELINE_RATE
from copilot.telephony.g711 import ulaw_encode

PHONE_RATE = 8000
CHUNK_MS = 20


@dataclass(frozen=True)
class Paced:
    """A message and the call time (seconds) at which a live platform would send it."""

    t: float
    message: str | bytes


def narrowband(call: DecodedCall) -> dict[str, np.ndarray]:
    """Each leg as 8 kHz int16, the way it crosses a phone network."""
    return {
        leg: float_to_pcm16(soxr.resample(pcm16_to_float(pcm), PIPELINE_RATE, PHONE_RATE))
        for leg, pcm in call.legs.items()
    }


def _chunks(samples: np.ndarray, rate: int = PHONE_RATE) -> Iterator[tuple[float, np.ndarray]]:
    step = rate * CHUNK_MS // 1000
    for offset in range(0, len(samples), step):
        yield offset / rate, samples[offset : offset + step]


def twilio_messages(
    call: DecodedCall, call_sid: str, parameters: dict[str, str] | None = None
) -> Iterator[Paced]:
    """connected, start, media for both tracks (inbound = customer, outbound = agent), stop."""
    stream_sid = "MZ" + uuid.uuid4().hex
    legs = narrowband(call)
    tracks = {CUSTOMER: "inbound", AGENT: "outbound"}
    yield Paced(0.0, json.dumps({"event": "connected", "protocol": "Call", "version": "1.0.0"}))
    start = {
        "streamSid": stream_sid,
        "accountSid": "AC" + "0" * 32,
        "callSid": call_sid,
        "tracks": [tracks[leg] for leg in legs],
        "customParameters": parameters or {},
        "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": PHONE_RATE, "channels": 1},
    }
    yield Paced(
        0.0,
        json.dumps(
            {"event": "start", "sequenceNumber": "1", "start": start, "streamSid": stream_sid}
        ),
    )
    seq = 1
    per_leg = {leg: list(_chunks(pcm)) for leg, pcm in legs.items()}
    for i in range(max(len(c) for c in per_leg.values())):
        for leg, chunks in per_leg.items():
            if i >= len(chunks):
                continue
            t, chunk = chunks[i]
            seq += 1
            media = {
                "track": tracks[leg],
                "chunk": str(i + 1),
                "timestamp": str(int(round(t * 1000))),
                "payload": base64.b64encode(ulaw_encode(chunk)).decode("ascii"),
            }
            message = {
                "event": "media",
                "sequenceNumber": str(seq),
                "media": media,
                "streamSid": stream_sid,
            }
            yield Paced(t, json.dumps(message))
    end = max(len(pcm) for pcm in legs.values()) / PHONE_RATE
    stop = {"accountSid": start["accountSid"], "callSid": call_sid}
    yield Paced(
        end,
        json.dumps(
            {"event": "stop", "sequenceNumber": str(seq + 1), "stop": stop, "streamSid": stream_sid}
        ),
    )


def raw_ingest_messages(
    call: DecodedCall, call_id: str, metadata: dict[str, str] | None = None
) -> Iterator[Paced]:
    """copilot's own /ingest protocol: a start message, interleaved PCM16 16 kHz frames, stop.

    `metadata` goes in the start message (an `agent_id` there says whose call it is)."""
    legs = list(call.legs)
    start = {"type": "start", "call_id": call_id, "sample_rate": PIPELINE_RATE}
    if metadata:
        start["metadata"] = dict(metadata)
    yield Paced(0.0, json.dumps({**start, "channels": len(legs), "legs": legs}))
    stacked = np.stack([call.legs[leg] for leg in legs], axis=1)
    step = PIPELINE_RATE * CHUNK_MS // 1000
    for offset in range(0, len(stacked), step):
        yield Paced(offset / PIPELINE_RATE, stacked[offset : offset + step].astype("<i2").tobytes())
    yield Paced(len(stacked) / PIPELINE_RATE, json.dumps({"type": "stop"}))


@dataclass
class Progress:
    """How much of the call has been sent: what a lost connection's one-line report says."""

    sent_s: float = 0.0
    messages: int = 0


async def send_paced(
    ws, messages: Iterator[Paced], realtime: bool, progress: Progress | None = None
) -> None:
    """Send each message at its time in the call (or at once), keeping `progress` current."""
    progress = progress if progress is not None else Progress()
    began = time.monotonic()
    for item in messages:
        if realtime:
            delay = began + item.t - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
        await ws.send(item.message)
        progress.sent_s, progress.messages = item.t, progress.messages + 1
        if not realtime:
            await asyncio.sleep(0)


async def play_twilio(
    url: str,
    call: DecodedCall,
    call_sid: str,
    realtime: bool = True,
    parameters: dict[str, str] | None = None,
    key: str = "",
    progress: Progress | None = None,
) -> None:
    """`key`: the ingest key, sent the way Twilio can, as <Parameter name="key">."""
    parameters = {**(parameters or {}), **({"key": key} if key else {})}
    async with connect(url, max_size=None) as ws:
        await send_paced(ws, twilio_messages(call, call_sid, parameters), realtime, progress)


async def play_raw(
    url: str,
    call: DecodedCall,
    call_id: str,
    realtime: bool = True,
    key: str = "",
    progress: Progress | None = None,
    metadata: dict[str, str] | None = None,
) -> list[str | bytes]:
    """Returns the server's replies (errors) received while playing. `key`: the ingest key;
    `metadata`: the call's, in its start message."""
    replies: list[str | bytes] = []
    headers = {"X-API-KEY": key} if key else None
    async with connect(url, max_size=None, additional_headers=headers) as ws:
        await send_paced(ws, raw_ingest_messages(call, call_id, metadata), realtime, progress)
        try:
            while True:
                replies.append(await asyncio.wait_for(ws.recv(), timeout=0.2))
        except (TimeoutError, ConnectionClosed):
            pass  # no more replies, or the server closed the stream after `stop`
    return replies


def connection_failure(exc: BaseException, progress: Progress, total_s: float) -> str | None:
    """One line for a refused or lost connection; None if `exc` is not one of those."""
    sent = f"after {progress.sent_s:.1f} s of the call's {total_s:.1f} s had been sent"
    if isinstance(exc, InvalidStatus):
        status = exc.response.status_code
        return f"the server refused the connection (HTTP {status}); nothing was sent"
    if isinstance(exc, ConnectionClosed):
        frame = exc.rcvd or exc.sent
        code = f"close code {frame.code}" if frame else "no close frame"
        why = f": {frame.reason}" if frame and frame.reason else ""
        return f"the connection was lost {sent} ({code}{why})"
    if isinstance(exc, InvalidURI | InvalidHandshake):
        return f"cannot connect: {exc}"
    if isinstance(exc, OSError | TimeoutError):
        return (
            f"cannot connect: {exc.strerror or exc}"
            if not progress.messages
            else (f"the connection was lost {sent} ({exc})")
        )
    return None


def metadata_from(agent_id: str, pairs: list[str]) -> dict[str, str]:
    """`--agent-id` and `--metadata KEY=VALUE` flags as a call's metadata (values are text).

    Raises ValueError naming a pair without `=` or with an empty key.
    """
    metadata: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--metadata {pair!r}: expected KEY=VALUE")
        metadata[key.strip()] = value
    if agent_id:
        metadata["agent_id"] = agent_id
    return metadata
