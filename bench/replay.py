"""QA replay speed over a folder: times real time with the default English model, per worker mode.

The folder is the English fixtures copied several times under different names (so nothing
is skipped as already done), replayed by `run_replay` exactly as `copilot replay` does,
into a fresh output folder each time. Wall time includes loading the models in every
worker and writing the reports, as a user would see it; "steady" leaves out the time
before the first call finished (model loading, process start).
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path

from copilot.config import Config
from copilot.replay.run import ReplayOptions, run_replay

from .clips import Models
from .machine import REPO

FIXTURES = REPO / "audio_fixtures"
ENGLISH = (
    "call_escalating_en.wav",
    "call_calm_en.wav",
    "voice_agitated_en.wav",
    "voice_calm_en.wav",
    "jfk.flac",
    "jfk_8k_ulaw.wav",
    "stereo_diarization.wav",
)
MODES = ({"workers": 1}, {"workers": 2})
TARGET_X = 30.0


def _folder(root: Path, copies: int) -> Path:
    folder = root / "recordings"
    for copy in range(copies):
        sub = folder / f"batch{copy}"
        sub.mkdir(parents=True)
        for name in ENGLISH:
            shutil.copy(FIXTURES / name, sub / name)
    return folder


class _Clock:
    """Wraps the progress stream to note when the first call finished."""

    def __init__(self) -> None:
        self.first_done: float | None = None
        self.lines: list[str] = []

    def write(self, text: str) -> None:
        if text.startswith("[") and " 1/" in text and self.first_done is None:
            self.first_done = time.perf_counter()
        self.lines.append(text)

    def flush(self) -> None: ...

    def isatty(self) -> bool:
        return False


def replay_stages() -> tuple[str, ...]:
    """The stages this section replays with (affect, and assist where the tree has it)."""
    return ("affect",) + (("assist",) if _has_assist() else ())


def replay_folder(folder: Path, out: Path, workers: int, config: Config | None = None) -> dict:
    """`run_replay` over `folder` into `out`: calls, audio, wall time, x real time overall and
    steady (after the first call was done)."""
    clock = _Clock()
    config = config or Config(language="en", stages=replay_stages())
    began = time.perf_counter()
    run_replay(config, ReplayOptions([str(folder)], out, workers), log=clock)
    wall = time.perf_counter() - began
    data = json.loads((out / "overall.json").read_text(encoding="utf-8"))
    audio_s = data["audio_hours"] * 3600
    steady_s = wall - ((clock.first_done or began) - began)
    calls = data["calls"]
    return {
        "workers": workers,
        "calls": calls,
        "audio_s": round(audio_s, 1),
        "wall_s": round(wall, 2),
        "x_real_time": round(audio_s / wall, 1),
        "x_real_time_steady": round(audio_s * (calls - 1) / calls / max(steady_s, 1e-6), 1),
        "stages": list(config.stages),
    }


def _has_assist() -> bool:
    from copilot.runtime import StageFactory

    try:
        StageFactory(Config(stages=("affect", "assist")))
    except Exception:  # noqa: BLE001 - an older tree without the assist stage
        return False
    return True


def replay(models: Models, quick: bool) -> dict:
    copies = 1 if quick else 8  # about 21 minutes of audio: a small day of QA, not a smoke test
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = _folder(Path(tmp), copies)
        for mode in MODES:
            rows.append(replay_folder(folder, Path(tmp) / f"out{mode['workers']}", mode["workers"]))
    best = max(rows, key=lambda r: r["x_real_time"])
    return {
        "model": "tiny.en",
        "target_x": TARGET_X,
        "modes": rows,
        "best": {"workers": best["workers"], "x_real_time": best["x_real_time"]},
        "met": best["x_real_time"] >= TARGET_X,
    }
