"""The vocabulary prompt's words through the live path: a server, a leg of short turns.

A Dutch agent's closing turn once came out of the live server as the prompt's tail
("Klacht, leidinggevende, medewerker."): played over `/ingest` as a leg of turns cut at
their boundaries with 1.5 s of silence between them, where `copilot transcribe` of the
same audio was clean. So this plays each rendered call's legs that way, through a real
`CopilotServer` (partials and would-be finals on, as live), at 16 kHz and as an 8 kHz
copy, and counts the prompt's words in every partial and final whose turns never said them.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import numpy as np
from websockets.asyncio.client import connect

from copilot.asr.transcriber import WhisperTranscriber
from copilot.audio.files import decode_file
from copilot.audio.format import PIPELINE_RATE
from copilot.events.core import Event

from .asr_eval import telephony_copy
from .clips import PRE_ROLL_S, TAIL_S, call_script, fixture
from .latency import server_config, serving

GAP_S = 1.5
FRAME_S = 0.02


def leg_of_turns(path: Path, name: str, leg: str) -> tuple[np.ndarray, list[str]]:
    """The leg's turns, each cut at its boundaries, with GAP_S of silence between; their texts."""
    pcm = decode_file(path).legs[leg]
    gap = np.zeros(int(GAP_S * PIPELINE_RATE), dtype=np.int16)
    pieces, texts = [gap], []
    for turn in call_script(name)["turns"]:
        if turn["speaker"] != leg:
            continue
        first = max(0, int((turn["start"] - PRE_ROLL_S) * PIPELINE_RATE))
        last = min(len(pcm), int((turn["end"] + TAIL_S) * PIPELINE_RATE))
        pieces += [pcm[first:last], gap]
        texts.append(turn["text"])
    return np.concatenate(pieces), texts


async def _play(port: int, call_id: str, audio: np.ndarray, leg: str) -> None:
    step = int(FRAME_S * PIPELINE_RATE)
    async with connect(f"ws://127.0.0.1:{port}/ingest", max_size=None) as ws:
        start = {"type": "start", "call_id": call_id, "sample_rate": PIPELINE_RATE}
        await ws.send(json.dumps({**start, "channels": 1, "legs": [leg]}))
        for offset in range(0, len(audio), step):
            await ws.send(audio[offset : offset + step].astype("<i2").tobytes())
            await asyncio.sleep(0)
        await ws.send(json.dumps({"type": "stop"}))


async def _texts_of_legs(
    transcriber: WhisperTranscriber, language: str, legs: list[tuple[str, np.ndarray, str]]
) -> dict[str, list[str]]:
    """call id -> the text of every partial and final the server made of that leg."""
    events: list[Event] = []
    config = server_config(language=language)
    server = serving(config, transcriber, events.append)
    await server.start()
    try:
        for call_id, audio, leg in legs:
            await _play(server.ws_port, call_id, audio, leg)
            while not any(e.type == "call.ended" and e.call_id == call_id for e in events):
                await asyncio.sleep(0.05)
    finally:
        await server.stop()
    said: dict[str, list[str]] = {call_id: [] for call_id, _, _ in legs}
    for e in events:
        if e.type in ("transcript.partial", "transcript.final") and e.call_id in said:
            said[e.call_id].append(e.text)  # type: ignore[attr-defined]
    return said


def live_rows(
    transcriber: WhisperTranscriber, language: str, calls: tuple[str, ...], tmp: Path
) -> list[tuple[str, str, str]]:
    """(label, what the leg's turns said, one partial or final the server made of it)."""
    legs, references = [], {}
    for name in calls:
        for condition, path in (("", fixture(name)), (" 8k", telephony_copy(fixture(name), tmp))):
            for leg in ("agent", "customer"):
                audio, texts = leg_of_turns(path, name.removesuffix(".wav"), leg)
                call_id = f"{name.removesuffix('.wav')}{condition.replace(' ', '-')}-{leg}"
                legs.append((call_id, audio, leg))
                references[call_id] = " ".join(texts)
    said = asyncio.run(_texts_of_legs(transcriber, language, legs))
    return [
        (f"live {call_id}", references[call_id], text) for call_id in said for text in said[call_id]
    ]
