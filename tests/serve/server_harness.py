"""A real copilot server on loopback ports for tests: real model, real sockets, events in a list."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import subprocess
import time
import urllib.request
from collections.abc import AsyncIterator

from copilot.asr.service import TranscriberPool, TranscriptionService
from copilot.asr.transcriber import WhisperTranscriber
from copilot.config import Config
from copilot.events.core import Event
from copilot.runtime import Runtime, StageFactory
from copilot.serve.platforms import PlatformTable
from copilot.serve.server import CopilotServer


class EventLog(list):
    def of(self, call_id: str, type_: str | None = None) -> list[Event]:
        return [e for e in self if e.call_id == call_id and (type_ is None or e.type == type_)]

    def texts(self, call_id: str, speaker: str) -> str:
        finals = self.of(call_id, "transcript.final")
        return " ".join(e.text for e in finals if e.speaker == speaker).lower()

    async def wait_for(self, call_id: str, type_: str, timeout: float = 60.0) -> Event:
        deadline = asyncio.get_running_loop().time() + timeout
        while asyncio.get_running_loop().time() < deadline:
            found = self.of(call_id, type_)
            if found:
                return found[0]
            await asyncio.sleep(0.05)
        raise AssertionError(f"no {type_} for call {call_id} within {timeout} s")


@contextlib.asynccontextmanager
async def running_server(
    transcriber: WhisperTranscriber,
    store_path: str = "",
    tokens_file: str = "",
    stages: tuple[str, ...] = ("affect",),
    relay_url: str = "",
    language: str = "en",
    domain: str = "",
    assist: dict | None = None,
    **serve_settings,
) -> AsyncIterator[tuple[CopilotServer, EventLog]]:
    """`store_path` "" keeps events in memory; without `tokens_file` no /events client gets in;
    `domain`: another domain folder than the configured one; `assist`: other `[assist]`
    settings."""
    config = Config(language=language, stages=stages)
    if domain:
        config.assist = dataclasses.replace(config.assist, domain=domain)
    config.assist = dataclasses.replace(config.assist, **(assist or {}))
    config.serve.audiosocket_customer_port = 0
    config.serve.audiosocket_agent_port = 0
    config.store.path = store_path
    config.auth.tokens_file = tokens_file
    config.relay = dataclasses.replace(config.relay, url=relay_url)
    for key, value in serve_settings.items():
        setattr(config.serve, key, value)
    async with server_for(transcriber, config) as running:
        yield running


@contextlib.asynccontextmanager
async def server_for(
    transcriber: WhisperTranscriber, config: Config, platforms: PlatformTable | None = None
) -> AsyncIterator[tuple[CopilotServer, EventLog]]:
    """A server on `config` (its websocket on a free port) and the list of its events."""
    config.serve.port = 0
    pool = TranscriberPool(model=transcriber.name)
    pool.add(transcriber.name, transcriber)
    events = EventLog()
    runtime = Runtime(config, TranscriptionService(pool), StageFactory(config))
    extra = {"platforms": platforms} if platforms is not None else {}
    server = CopilotServer(runtime, events.append, **extra)
    await server.start()
    try:
        yield server, events
    finally:
        await server.stop()


def wait_healthy(port: int, process: subprocess.Popen, timeout: float = 90.0) -> None:
    """Until a `copilot serve` process answers /healthz (it fails if the process exits)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "copilot serve exited during start-up"
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("copilot serve did not come up")
