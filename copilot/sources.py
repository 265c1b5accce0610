"""Audio sources that are not sockets: recordings on disk, played as a call would arrive."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

from .audio_files import DecodedCall
from .call_session import CallSession
from .legs import PIPELINE_RATE, AudioFrame

CHUNK_S = 0.02  # telephony platforms send 20 ms packets; do the same


def call_frames(call: DecodedCall, chunk_s: float = CHUNK_S) -> Iterator[list[AudioFrame]]:
    """The call's legs cut into time-aligned chunks: one list of frames per time step."""
    step = int(chunk_s * PIPELINE_RATE)
    total = max((len(pcm) for pcm in call.legs.values()), default=0)
    for offset in range(0, total, step):
        yield [
            AudioFrame(leg, pcm[offset : offset + step], offset / PIPELINE_RATE)
            for leg, pcm in call.legs.items()
            if offset < len(pcm)
        ]


async def play_call(session: CallSession, call: DecodedCall, realtime: bool = False) -> None:
    """Push a decoded recording into a session, at the pace of a live call when `realtime`."""
    session.start()
    began = time.monotonic()
    for i, frames in enumerate(call_frames(call)):
        for frame in frames:
            session.push(frame)
        if realtime:
            due = began + (i + 1) * CHUNK_S
            await asyncio.sleep(max(0.0, due - time.monotonic()))
        elif i % 50 == 0:
            await asyncio.sleep(0)  # let finished transcripts flow out while we read ahead
    await session.end()
