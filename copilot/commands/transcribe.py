"""`copilot transcribe`: recordings played through the live pipeline, events printed."""

from __future__ import annotations

import sys
from pathlib import Path

from copilot.audio.files import AudioDecodeError, decode_file
from copilot.config import Config
from copilot.events.printer import EventPrinter
from copilot.pipeline.call_session import CallSession, play_call
from copilot.pipeline.mono_split import agent_id_of
from copilot.runtime import leg_maker_for, load_runtime, pipeline_config


async def transcribe_files(config: Config, files: list[str], as_json: bool, realtime: bool) -> int:
    """Each recording as a call, its events printed as they come; 1 if any file failed."""
    runtime = load_runtime(config)
    service, stages = runtime.service, runtime.stages
    printer = EventPrinter(sys.stdout, "json" if as_json else "text")
    failures = 0
    leg_maker = leg_maker_for(config, stages)
    pool = service.pool
    for path in files:
        try:
            call = decode_file(path, config.stereo_legs, config.mono_leg)
        except AudioDecodeError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failures += 1
            continue
        call, leg_source = leg_maker.legs(
            call, lambda lang: pool.get(pool.model_for(lang)), config.language, agent_id_of(path)
        )
        metadata = {
            "path": str(path),
            "format": call.source_format,
            "rate": call.source_rate,
            "leg_source": leg_source.to_dict(),
        }
        session = CallSession(
            Path(path).stem,
            tuple(call.legs),
            service,
            printer,
            pipeline_config(config, live=realtime),
            source="file",
            metadata=metadata,
            stages=stages.for_call(Path(path).stem),
        )
        await play_call(session, call, realtime=realtime)
    await service.stop()
    return 1 if failures else 0
