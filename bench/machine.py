"""What the numbers were measured on: the machine, the library versions, and this process's RSS."""

from __future__ import annotations

import datetime
import os
import platform
import subprocess
import time
from pathlib import Path

import ctranslate2
import faster_whisper
import numpy

REPO = Path(__file__).resolve().parent.parent


def _first_field(path: str, key: str) -> str:
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                name, _, value = line.partition(":")
                if name.strip() == key:
                    return value.strip()
    except OSError:
        pass
    return "unknown"


def rss_mb() -> float:
    """Resident set size of this process right now (VmRSS), in MiB."""
    value = _first_field("/proc/self/status", "VmRSS")  # "123456 kB"
    return round(int(value.split()[0]) / 1024, 1) if value != "unknown" else float("nan")


def _git(*args: str) -> str:
    try:
        out = subprocess.run(
            ["git", *args], cwd=REPO, capture_output=True, text=True, timeout=5, check=True
        )
        return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def code_version() -> str:
    """The commit the copilot package is at, "+dirty" when copilot/ has uncommitted changes."""
    commit = _git("rev-parse", "--short", "HEAD")
    dirty = _git("status", "--porcelain", "--", "copilot")
    return commit + ("+dirty" if dirty and commit != "unknown" else "")


def now_utc() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


# The instruction sets whisper's int8 kernels (CTranslate2, oneDNN) choose between: the same
# model runs at different speeds on an AVX2-only and an AVX-512 (VNNI) processor.
VECTOR_FLAGS = (
    "avx",
    "avx2",
    "fma",
    "f16c",
    "avx512f",
    "avx512bw",
    "avx512_vnni",
    "avx_vnni",
    "amx_int8",
)


def instruction_sets() -> list[str]:
    """The vector instruction sets this processor has (from /proc/cpuinfo's flags)."""
    flags = set(_first_field("/proc/cpuinfo", "flags").split())
    return [flag for flag in VECTOR_FLAGS if flag in flags]


def machine_info() -> dict:
    mem_kb = _first_field("/proc/meminfo", "MemTotal")
    return {
        "cpu_model": _first_field("/proc/cpuinfo", "model name"),
        "instruction_sets": instruction_sets(),
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)),
        "memory_gib": round(int(mem_kb.split()[0]) / 1024**2, 1) if mem_kb != "unknown" else None,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "ctranslate2": ctranslate2.__version__,
        "faster_whisper": faster_whisper.__version__,
        "numpy": numpy.__version__,
        "commit": code_version(),
        "date": now_utc(),
    }


def _machine_cpu_s() -> tuple[float, float]:
    """(busy, steal) CPU seconds of the whole machine since boot, from /proc/stat."""
    with open("/proc/stat", encoding="ascii") as f:
        user, nice, system, _idle, _iowait, irq, softirq, steal = map(
            int, f.readline().split()[1:9]
        )
    tick = os.sysconf("SC_CLK_TCK")
    return (user + nice + system + irq + softirq) / tick, steal / tick


def _own_cpu_s() -> float:
    t = os.times()  # children: the benchmark's own child processes, once waited for
    return t.user + t.system + t.children_user + t.children_system


class OtherLoad:
    """How much CPU other processes took while a section ran: timings are only as clean as this.

    Others on a shared 2-core machine (tests, installs) slow the benchmark down; this
    separates their share from ours instead of silently publishing the slower numbers.
    """

    def __init__(self) -> None:
        self._wall = time.monotonic()
        self._busy, self._steal = _machine_cpu_s()
        self._own = _own_cpu_s()

    def result(self) -> dict:
        busy, steal = _machine_cpu_s()
        wall = time.monotonic() - self._wall
        other = max(0.0, (busy - self._busy) - (_own_cpu_s() - self._own))
        return {
            "other_cpu_s": round(other, 1),
            "other_cpu_share": round(other / (wall * (os.cpu_count() or 1)), 3),
            "steal_cpu_s": round(steal - self._steal, 1),
        }


def wait_for_quiet(max_wait_s: float = 180.0, share: float = 0.05, window_s: float = 5.0) -> float:
    """Wait until other processes use under `share` of the CPU for `window_s`; seconds waited."""
    began = time.monotonic()
    while time.monotonic() - began < max_wait_s:
        probe = OtherLoad()
        time.sleep(window_s)
        if probe.result()["other_cpu_share"] < share:
            break
    return round(time.monotonic() - began, 1)
