"""`copilot demo`: a live call end to end on this machine, no telephony account needed.

Starts the server on loopback, plays a shipped stereo call into its Twilio
endpoint at the pace of a real call, and prints what the copilot hears as it
happens: partial text while someone is speaking, the final line when they stop.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from .audio_files import decode_file
from .cli import build_service
from .config import Config
from .events import Event, TranscriptFinal, TranscriptPartial
from .server import CopilotServer
from .simulate import play_twilio

DEFAULT_CALL = Path(__file__).resolve().parent.parent / "audio_fixtures" / "call_escalating_en.wav"


class DemoPrinter:
    def __init__(self, stream=sys.stdout) -> None:
        self.stream = stream
        self.began = time.monotonic()

    def __call__(self, event: Event) -> None:
        clock = f"{time.monotonic() - self.began:6.1f}s"
        if isinstance(event, TranscriptFinal):
            self.stream.write(f"\r\033[K{clock}  {event.speaker:>8}: {event.text}\n")
        elif isinstance(event, TranscriptPartial):
            self.stream.write(f"\r\033[K{clock}  {event.speaker:>8}… {event.text[-70:]}")
        elif event.type in ("call.started", "call.ended"):
            self.stream.write(f"\r\033[K{clock}  [{event.type}] {event.call_id}\n")
        else:
            return
        self.stream.flush()


async def run_demo(config: Config, call_path: Path, realtime: bool = True) -> int:
    config.serve.port = 0
    config.serve.audiosocket_customer_port = -1
    config.serve.audiosocket_agent_port = -1
    call = decode_file(call_path, config.stereo_legs, config.mono_leg)
    service = build_service(config)
    service.preload(config.language)
    server = CopilotServer(config, service, DemoPrinter())
    await server.start()
    url = f"ws://127.0.0.1:{server.ws_port}/twilio"
    print(
        f"copilot is listening on {url}; playing {call_path.name} ({call.duration:.0f} s) as a live call\n"
    )
    try:
        await play_twilio(url, call, "CA-demo", realtime=realtime, parameters={"agent_id": "demo"})
        while server.sessions:  # the last transcripts are still on their way
            await asyncio.sleep(0.1)
    finally:
        await server.stop()
    return 0
