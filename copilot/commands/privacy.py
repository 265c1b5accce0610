"""`copilot purge` and `copilot erase`: retention by hand, and a caller's right to erasure.

Both print what they removed. `erase` reaches every place copilot keeps a call: the store
(events, feedback, drafts, the call row), the learned examples that came from the call's
feedback, the relay's copy in Redis, and QA replay outputs in a folder; then it writes an
audit row that holds no personal data.
"""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from copilot.config import Config
from copilot.serve.database import DatabaseError
from copilot.serve.retention import (
    audit_log,
    calls_matching,
    erase,
    live_calls,
    note_elsewhere,
    purge_older_than,
    rows_of,
)
from copilot.serve.store import EventStore


def purge(config: Config, days: float, out: TextIO = sys.stdout) -> int:
    store = _open(config)
    try:
        removed = purge_older_than(store, days, config.store.purge_batch)
    finally:
        store.close()
    print(f"purged calls that started over {days:g} days ago: {removed.describe()}", file=out)
    return 0


def erase_calls(
    config: Config,
    call_ids: tuple[str, ...],
    metadata: tuple[tuple[str, str], ...],
    replay_dir: str = "",
    actor: str = "",
    out: TextIO = sys.stdout,
    dry_run: bool = False,
) -> int:
    store = _open(config)
    failed: list[str] = []
    try:
        if store.db.dialect == "sqlite":
            store.db.execute("PRAGMA secure_delete=ON")  # overwrite what is deleted
        found = calls_matching(store, call_ids, metadata)
        # Ids given by hand count too: rows without a call row, QA replay outputs of calls
        # the store never had.
        chosen = sorted(set(found) | set(call_ids))
        if dry_run:  # what would go from the store; nothing is removed, nothing audited
            print(f"would erase from the store {rows_of(store, chosen).describe()}", file=out)
            return 0
        live = live_calls(store, chosen)
        if live:
            print(f"error: still live, end them first: {', '.join(live)}", file=sys.stderr)
            return 1
        selector = ",".join(
            ["call_id"] * bool(call_ids) + [f"metadata:{key}" for key, _ in metadata]
        )
        # The store first, audited at once; then every other place, each on its own, so one
        # that cannot be reached (Redis down) is reported and the rest still goes.
        removed, audit_id = erase(store, chosen, actor or getpass.getuser(), selector)
        for place, run in _elsewhere(config, set(chosen), replay_dir):
            try:
                removed.add(place, run())
            except Exception as exc:  # noqa: BLE001 - named in the receipt and the audit
                failed.append(place)
                print(f"error: {place} not erased: {exc}", file=sys.stderr)
        note_elsewhere(store, audit_id, removed, failed)
    finally:
        store.close()
    print(f"erased {removed.describe()}; audit row {audit_id}", file=out)
    return 1 if failed else 0


def _elsewhere(
    config: Config, ids: set[str], replay_dir: str
) -> list[tuple[str, Callable[[], int]]]:
    """The places outside the store that may hold these calls, as (name, eraser)."""
    places: list[tuple[str, Callable[[], int]]] = []
    if config.assist.feedback_db:
        from copilot.assist.learning import forget_calls

        places.append(("learned examples", lambda: forget_calls(config.assist.feedback_db, ids)))
    if config.relay.url:
        from copilot.serve.relay import erase_from_stream

        places.append(("relay entries", lambda: erase_from_stream(config.relay, ids)))
    if replay_dir:
        from copilot.replay.run import erase_reports

        places.append(("replay files", lambda: erase_reports(Path(replay_dir), ids)))
    return places


def _open(config: Config) -> EventStore:
    location = config.store.location
    if not location:
        raise DatabaseError("no store configured ([store] url or path)")
    return EventStore(location)


def print_audit(config: Config, out: TextIO = sys.stdout) -> int:
    """The erasure audit, one JSON line per erasure: who, when, how much, by what selector."""
    store = _open(config)
    try:
        for row in audit_log(store):
            print(json.dumps(row, sort_keys=True), file=out)
    finally:
        store.close()
    return 0
