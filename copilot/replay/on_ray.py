"""QA replay spread over a Ray cluster, for users with thousands of calls.

Each Ray actor is a `CallReplayer` (models loaded once per actor); the driver hands
out recordings, gets `ReplayedCall`s back and writes the same report files as a
local run. Recordings are read by path, so every node must see the same files (a
shared mount); the events come back to the driver, which owns the output folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from copilot.config import Config
from copilot.replay.worker import (
    CallReplayer,
    Recording,
    ReplayedCall,
    worker_config,
    worker_environment,
)


class RayUnavailable(RuntimeError):
    """Ray is not installed or the cluster cannot be reached."""


def replay_with_ray(
    config: Config, todo: list[Recording], address: str, actors: int
) -> Iterator[ReplayedCall]:
    """The recordings replayed on `actors` Ray actors, each yielded as its call finishes.

    Ray is started (`address` "local": on this machine) and stopped here unless already up.
    """
    try:
        import ray
    except ImportError as exc:
        raise RayUnavailable("Ray is not installed: pip install 'copilot[ray]'") from exc
    started_here = not ray.is_initialized()
    if started_here:
        _init(ray, address)
    try:
        yield from _run(ray, config, todo, max(1, actors))
    finally:
        if started_here:
            ray.shutdown()


def _init(ray, address: str) -> None:
    # A local instance stays on this machine's cores and does not report usage anywhere.
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    kwargs = {"include_dashboard": False, "log_to_driver": False}
    try:
        if address == "local":
            ray.init(num_cpus=os.cpu_count() or 1, **kwargs)
        else:
            ray.init(address=address, **kwargs)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise RayUnavailable(f"cannot reach Ray at {address}: {exc}") from exc


class _Worker:
    def __init__(self, config: Config) -> None:
        self.replayer = CallReplayer(config)

    def replay(self, recording: Recording) -> ReplayedCall:
        return self.replayer.replay_safely(recording)


def _run(ray, config: Config, todo: list[Recording], actors: int) -> Iterator[ReplayedCall]:
    shared = worker_config(config, actors)
    remote = ray.remote(num_cpus=1)(_Worker).options(
        runtime_env={"env_vars": worker_environment(shared)}
    )
    workers = [remote.remote(shared) for _ in range(min(actors, len(todo)))]
    queue = list(todo)
    running = {}
    for worker in workers:  # one call in flight per actor; the next goes to whoever is free
        if queue:
            recording = queue.pop(0)
            running[worker.replay.remote(recording)] = (worker, recording)
    while running:
        ready, _ = ray.wait(list(running), num_returns=1)
        worker, recording = running.pop(ready[0])
        try:
            yield ray.get(ready[0])
        except ray.exceptions.RayError as exc:
            yield ReplayedCall(recording, error=f"Ray worker failed: {exc}")
        if queue:
            nxt = queue.pop(0)
            running[worker.replay.remote(nxt)] = (worker, nxt)
