"""The previous release and this one, side by side on this machine, under the same load.

Figures taken on another box cannot tell a slower machine from a slower copilot. So
this section checks the previous release out into a temporary git worktree, lays
this commit's bench harness over it (the same players, sidebars and loads; only the
server under test differs), and runs the same latency levels against each in turn,
each in a fresh process. The previous release is `PREVIOUS_RELEASE` unless
`COPILOT_BENCH_PREVIOUS` names another commit.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .machine import REPO

# The last commit of the release before the bursts-and-Dutch work (2026-12-05).
PREVIOUS_RELEASE = "eb4cf1e"
RUNS = {
    "en": ((1, "simultaneous"), (16, "simultaneous"), (24, "offset")),
    "nl": ((1, "simultaneous"), (6, "offset"), (8, "offset")),
}
QUICK_RUNS = {"en": ((1, "simultaneous"),), "nl": ((1, "simultaneous"),)}
# Run inside the tree under test: its copilot, this commit's bench harness.
LEVELS_SCRIPT = """
import asyncio, json, sys
from bench.clips import CPU_THREADS, WHISPER_NICE, WHISPER_WORKERS
from bench.latency import MODEL, run_levels
from copilot.asr.transcriber import WhisperTranscriber
from copilot.config import Config
from copilot.runtime import decoding_options

language, runs = sys.argv[1], json.loads(sys.argv[2])
transcriber = WhisperTranscriber(
    MODEL[language], cpu_threads=CPU_THREADS, options=decoding_options(Config()),
    workers=WHISPER_WORKERS, nice=WHISPER_NICE,
)
rows = asyncio.run(run_levels(transcriber, tuple(tuple(r) for r in runs), language))
keep = ("calls", "load", "language", "sidebar_latency_s", "first_partial_s", "server_cores")
print("ROWS " + json.dumps([{k: row.get(k) for k in keep} for row in rows]))
"""


def _commit(tree: Path, ref: str = "HEAD") -> str:
    return subprocess.run(
        ["git", "-C", str(tree), "rev-parse", "--short", ref],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def _levels(tree: Path, language: str, runs: tuple) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(
        [sys.executable, "-c", LEVELS_SCRIPT, language, json.dumps(runs)],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(x for x in done.stdout.splitlines() if x.startswith("ROWS "))
    return json.loads(line.removeprefix("ROWS "))


def _previous_tree(commit: str, folder: Path) -> Path:
    """The previous release checked out, with this commit's bench harness laid over it."""
    tree = folder / "previous"
    subprocess.run(
        ["git", "-C", str(REPO), "worktree", "add", "--detach", "-q", str(tree), commit],
        check=True,
    )
    shutil.rmtree(tree / "bench")
    shutil.copytree(REPO / "bench", tree / "bench", ignore=shutil.ignore_patterns("out"))
    return tree


def side_by_side(models, quick: bool) -> dict:
    del models  # each side loads its own models in its own process
    previous = os.environ.get("COPILOT_BENCH_PREVIOUS", PREVIOUS_RELEASE)
    plan = QUICK_RUNS if quick else RUNS
    folder = Path(tempfile.mkdtemp(prefix="bench-previous-"))
    try:
        tree = _previous_tree(previous, folder)
        sides = {"previous": tree, "this": REPO}
        rows: dict[str, list[dict]] = {name: [] for name in sides}
        for language, runs in plan.items():
            for name, root in sides.items():  # one after the other, so neither disturbs the other
                rows[name] += _levels(root, language, runs)
                print(f"  side_by_side {name} {language}: done", flush=True)
    finally:
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "remove", "--force", str(folder / "previous")],
            check=False,
        )
        shutil.rmtree(folder, ignore_errors=True)
    return {
        "previous_commit": _commit(REPO, previous),
        "this_commit": _commit(REPO),
        "runs": {language: [list(r) for r in runs] for language, runs in plan.items()},
        "levels": rows,
    }
