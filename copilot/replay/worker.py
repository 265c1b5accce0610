"""QA replay: recorded calls through the live pipeline, in batch, as fast as the cores allow.

The pipeline object is the one `copilot serve` runs (CallPipeline with the stages of
`StageFactory`); only the source (a decoded file) and the sink (a list written to
disk) differ. A folder of recordings becomes a list of `Recording`s with stable
call ids, so a second run over the same folder skips the calls already written.
"""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from copilot.audio.files import AudioDecodeError, decode_file
from copilot.config import Config
from copilot.events.core import Event
from copilot.pipeline.mono_split import agent_id_of
from copilot.pipeline.offline import run_call_offline
from copilot.runtime import StageFactory, leg_maker_for, pipeline_config, transcriber_pool

AUDIO_SUFFIXES = (".wav", ".flac", ".mp3", ".ogg", ".oga", ".opus")


@dataclass(frozen=True)
class Recording:
    """An audio file to replay, with the stable call id its reports are named by."""

    call_id: str
    path: Path


@dataclass
class ReplayedCall:
    """One call's outcome: its events, or the reason it could not be replayed."""

    recording: Recording
    events: list[Event] = field(default_factory=list)
    duration: float = 0.0  # seconds of audio
    seconds: float = 0.0  # wall time spent on it
    error: str = ""

    @property
    def ok(self) -> bool:
        """Whether the call was replayed (it has no error)."""
        return not self.error


def call_id_for(path: Path, root: Path | None) -> str:
    """A file-system-safe id from the path under the folder given (folders joined by '__')."""
    relative = path.relative_to(root) if root is not None else Path(path.name)
    parts = [*relative.parent.parts, relative.stem]
    return "__".join(re.sub(r"[^A-Za-z0-9._-]+", "_", part) for part in parts if part)


def find_recordings(paths: Sequence[str | Path]) -> tuple[list[Recording], list[str]]:
    """Recordings under the given files and folders, and a message for each path that is missing."""
    found: dict[str, Recording] = {}
    problems: list[str] = []
    for given in map(Path, paths):
        pairs: list[tuple[Path, Path | None]]  # (file, the folder named) or (file, None)
        if given.is_dir():
            files = sorted(p for p in given.rglob("*") if p.suffix.lower() in AUDIO_SUFFIXES)
            pairs = [(p, given) for p in files if p.is_file()]
        elif given.is_file():
            pairs = [(given, None)]  # named explicitly: tried whatever its suffix
        else:
            problems.append(f"{given}: no such file or folder")
            continue
        for path, root in pairs:
            call_id = call_id_for(path, root)
            if call_id in found and found[call_id].path != path:
                call_id = call_id_for(path, None if root is None else root.parent)
            found.setdefault(call_id, Recording(call_id, path))
    return list(found.values()), problems


class CallReplayer:
    """Models loaded once per process; `replay` runs one recording through the pipeline."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.pool = transcriber_pool(config, workers=1, nice=0)  # calls run one after another
        self.stages = StageFactory(config)
        self.leg_maker = leg_maker_for(config, self.stages)

    def replay(self, recording: Recording) -> ReplayedCall:
        """The recording decoded and run through the serving pipeline; bad audio is an error."""
        began = time.perf_counter()
        try:
            call = decode_file(recording.path, self.config.stereo_legs, self.config.mono_leg)
        except AudioDecodeError as exc:
            return ReplayedCall(recording, error=str(exc))
        transcriber_for = lambda language: self.pool.get(self.pool.model_for(language))  # noqa: E731
        call, leg_source = self.leg_maker.legs(
            call, transcriber_for, self.config.language, agent_id_of(recording.path)
        )
        metadata: dict[str, Any] = {
            "path": str(recording.path),
            "format": call.source_format,
            "rate": call.source_rate,
            "channels": call.source_channels,
            "leg_source": leg_source.to_dict(),
        }
        events = run_call_offline(
            call,
            transcriber_for,
            pipeline_config(self.config, live=False),
            call_id=recording.call_id,
            batch_size=self.config.max_batch,
            stages=self.stages.for_call(recording.call_id, metadata),
            metadata=metadata,
        )
        return ReplayedCall(recording, events, call.duration, round(time.perf_counter() - began, 3))

    def replay_safely(self, recording: Recording) -> ReplayedCall:
        """`replay`, with any failure reported on that call: one bad call never stops a batch."""
        try:
            return self.replay(recording)
        except Exception as exc:  # noqa: BLE001 - one bad call must never stop the batch
            return ReplayedCall(recording, error=f"{type(exc).__name__}: {exc}")


# One replayer per worker process, built by the pool initializer.
_WORKER: CallReplayer | None = None


def init_worker(config: Config) -> None:
    """Pool initializer: this process's replayer, its models loaded once for all its calls."""
    global _WORKER
    _WORKER = CallReplayer(config)


def replay_in_worker(recording: Recording) -> ReplayedCall:
    """The pool's task: one recording on this process's replayer."""
    assert _WORKER is not None, "init_worker was not run in this process"
    return _WORKER.replay_safely(recording)


def worker_config(config: Config, workers: int) -> Config:
    """Split the cores between workers: each whisper and encoder gets its share of threads."""
    threads = max(1, config.cpu_threads // workers)
    return dataclasses.replace(config, cpu_threads=threads)


def worker_environment(config: Config) -> dict[str, str]:
    """Thread settings a worker needs before its libraries load (OpenMP reads them once).

    Every kind of worker (process, Ray actor) gets the same, so a call replays to the same
    events whichever runs it: the OpenMP thread count changes whisper's numerics slightly.
    """
    threads = str(config.cpu_threads)
    return {"OMP_NUM_THREADS": threads, "COPILOT_AFFECT_THREADS": threads}
