"""The QA replay section of docs/benchmarks.md."""

from __future__ import annotations

from .markdown import stamp, table


def replay_line(sec: dict) -> str:
    best = sec["best"]
    met = "met" if sec["met"] else "**not met**"
    return (
        f"- QA replay over a folder: {best['x_real_time']}x real time with {best['workers']}"
        f" worker(s), models loading included (target >= {sec['target_x']}x: {met})"
    )


def replay_section(sec: dict) -> list[str]:
    rows = [
        [
            r["workers"],
            r["calls"],
            r["audio_s"],
            r["wall_s"],
            r["x_real_time"],
            r["x_real_time_steady"],
            ", ".join(r["stages"]),
        ]
        for r in sec["modes"]
    ]
    return [
        "## 7. QA replay (`replay`)",
        "",
        stamp(sec),
        "",
        f"`copilot replay` (`run_replay`) over a folder of the English fixtures, copied several"
        f" times, with `{sec['model']}`. One worker runs in the process; N workers are spawned"
        f" processes, each whisper with `cpu_threads` = 1 thread (the default). Wall time includes model loading and"
        f" writing every report; *steady* leaves out the time until the first call was done.",
        "",
        *table(
            ["Workers", "Calls", "Audio (s)", "Wall (s)", "x real time", "x steady", "Stages"],
            rows,
        ),
    ]
