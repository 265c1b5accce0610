"""`copilot listen`: the default microphone as one leg of a live call (PortAudio via pyaudio)."""

from __future__ import annotations

import asyncio
import contextlib
import sys
import time

import numpy as np

from copilot.audio.files import native_stderr_silenced
from copilot.audio.format import PIPELINE_RATE
from copilot.config import Config
from copilot.events.printer import EventPrinter
from copilot.pipeline.call_session import CallSession
from copilot.runtime import load_runtime, pipeline_config

CHUNK_SAMPLES = 320  # 20 ms at 16 kHz


class MicrophoneUnavailable(RuntimeError):
    """No PortAudio, or no input device; the message says what to install or plug in."""


def open_microphone():
    """The default input device as a 16 kHz PCM16 stream: (PyAudio, stream), or an error."""
    try:
        import pyaudio
    except ImportError as exc:
        raise MicrophoneUnavailable(
            "microphone input needs PortAudio and pyaudio: `apt-get install portaudio19-dev` "
            "then `pip install 'copilot[mic]'` (make venv does both)"
        ) from exc
    with native_stderr_silenced():  # PortAudio probes every ALSA/JACK backend noisily
        audio = pyaudio.PyAudio()
    try:
        device = audio.get_default_input_device_info()
    except OSError as exc:
        audio.terminate()
        raise MicrophoneUnavailable(
            f"no microphone found ({exc}); plug one in or pick a device in your sound settings"
        ) from exc
    try:
        stream = audio.open(
            format=pyaudio.paInt16,
            channels=1,
            rate=PIPELINE_RATE,
            input=True,
            frames_per_buffer=CHUNK_SAMPLES,
            input_device_index=int(device["index"]),
        )
    except (OSError, ValueError) as exc:
        audio.terminate()
        raise MicrophoneUnavailable(
            f"cannot open microphone {device.get('name')!r}: {exc}"
        ) from exc
    return audio, stream


async def listen(config: Config, speaker: str, as_json: bool) -> int:
    """`copilot listen`: the microphone as `speaker`'s leg of a live call until Ctrl+C."""
    audio, stream = open_microphone()  # fail before loading any model
    runtime = load_runtime(config)
    service, stages = runtime.service, runtime.stages
    call_id = f"mic-{int(time.time())}"
    session = CallSession(
        call_id,
        (speaker,),
        service,
        EventPrinter(sys.stdout, "json" if as_json else "text"),
        pipeline_config(config),
        source="microphone",
        stages=stages.for_call(call_id),
    )
    session.start()
    print("listening; press Ctrl+C to stop", file=sys.stderr)
    loop = asyncio.get_running_loop()
    try:
        while True:
            data = await loop.run_in_executor(
                None, lambda: stream.read(CHUNK_SAMPLES, exception_on_overflow=False)
            )
            session.push_pcm(speaker, np.frombuffer(data, dtype=np.int16), PIPELINE_RATE, None)
    except (KeyboardInterrupt, asyncio.CancelledError):
        pass
    finally:
        with contextlib.suppress(OSError):
            stream.stop_stream()
            stream.close()
        audio.terminate()
        await session.end("stopped")
        await service.stop()
    return 0
