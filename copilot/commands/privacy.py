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
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TextIO

from copilot.config import Config
from copilot.events.log_names import call_ref
from copilot.serve.database import DatabaseError
from copilot.serve.retention import (
    DAY_S,
    TABLES,
    Removed,
    audit_log,
    calls_matching,
    erase,
    live_calls,
    note_elsewhere,
    purge_older_than,
    refuse_placeholders,
    rows_of,
)
from copilot.serve.store import EventStore


def purge(config: Config, days: float, out: TextIO = sys.stdout) -> int:
    """`copilot purge`: remove calls that started over `days` ago (store and event log)."""
    store = _open(config)
    try:
        removed = purge_older_than(store, days, config.store.purge_batch)
    finally:
        store.close()
    if config.serve.event_log:
        from copilot.serve.event_log import purge_event_log

        cutoff = time.time() - days * DAY_S
        removed.add("event log lines", purge_event_log(config.serve.event_log, cutoff))
    print(f"purged calls that started over {days:g} days ago: {removed.describe()}", file=out)
    return 0


@dataclass(frozen=True)
class Place:
    """A place outside the store that may hold the chosen calls: how to count and erase them."""

    name: str
    count: Callable[[], int]
    erase: Callable[[], int]


def erase_calls(
    config: Config,
    call_ids: tuple[str, ...],
    metadata: tuple[tuple[str, str], ...],
    replay_dir: str = "",
    actor: str = "",
    out: TextIO = sys.stdout,
    dry_run: bool = False,
) -> int:
    """`copilot erase`: the chosen calls out of every place copilot keeps them, then audited.

    Exit status 2 for a redaction placeholder as selector, 1 when a call is live or a place failed.
    """
    try:
        refuse_placeholders(metadata)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    store = _open(config)
    try:
        found = calls_matching(store, call_ids, metadata)
        # Ids given by hand count too: rows without a call row, QA replay outputs of calls
        # the store never had.
        chosen = sorted(set(found) | set(call_ids))
        places = _elsewhere(config, set(chosen), replay_dir)
        live = live_calls(store, chosen)
        if dry_run:
            return _dry_run(store, chosen, places, live, out)
        if live:
            print(f"error: still live, end them first: {', '.join(live)}", file=sys.stderr)
            return 1
        selector = ",".join(
            ["call_id"] * bool(call_ids) + [f"metadata:{key}" for key, _ in metadata]
        )
        # The store first, audited at once; then every other place, each on its own, so one
        # that cannot be reached (Redis down) is reported and the rest still goes.
        removed, audit_id = erase(store, chosen, actor or getpass.getuser(), selector)
        failed = _erase_elsewhere(places, removed)
        if not store.db.scrub(TABLES):
            # A reader held the WAL the whole time: its old pages still hold the rows.
            failed.append("store WAL")
            print(
                "error: store WAL not checkpointed (a reader held it); run again", file=sys.stderr
            )
        note_elsewhere(store, audit_id, removed, failed)
    finally:
        store.close()
    print(f"erased {removed.describe()}; audit row {audit_id}", file=out)
    if metadata and not found:
        print("note: no stored call carries that metadata", file=sys.stderr)
    return 1 if failed else 0


def _dry_run(
    store: EventStore, chosen: list[str], places: list[Place], live: list[str], out: TextIO
) -> int:
    """What the real run would remove, place by place; nothing is removed, nothing audited."""
    print(f"would erase from the store {rows_of(store, chosen).describe()}", file=out)
    for place in places:
        try:
            print(f"would erase from {place.name}: {place.count()}", file=out)
        except Exception as exc:  # noqa: BLE001 - the real run would report the same place
            print(f"cannot count {place.name}: {exc}", file=out)
    if live:
        print(f"warning: still live, the real run refuses them: {', '.join(live)}", file=out)
    return 0


def _erase_elsewhere(places: list[Place], removed: Removed) -> list[str]:
    failed: list[str] = []
    for place in places:
        try:
            removed.add(place.name, place.erase())
        except Exception as exc:  # noqa: BLE001 - named in the receipt and the audit
            failed.append(place.name)
            print(f"error: {place.name} not erased: {exc}", file=sys.stderr)
    return failed


def _elsewhere(config: Config, ids: set[str], replay_dir: str) -> list[Place]:
    """The places outside the store that may hold these calls."""
    places: list[Place] = []
    if config.assist.feedback_db:
        from copilot.assist.learning import count_calls, forget_calls

        db = config.assist.feedback_db
        places.append(
            Place("learned examples", partial(count_calls, db, ids), partial(forget_calls, db, ids))
        )
        from copilot.affect.alert_learning import count_alert_calls, forget_alert_calls

        places.append(
            Place(
                "answers to alerts",
                partial(count_alert_calls, db, ids),
                partial(forget_alert_calls, db, ids),
            )
        )
    if config.relay.url:
        from copilot.serve.relay import count_in_stream, erase_from_stream

        relay = config.relay
        places.append(
            Place(
                "relay entries",
                partial(count_in_stream, relay, ids),
                partial(erase_from_stream, relay, ids),
            )
        )
    if replay_dir:
        from copilot.replay.run import count_reports, erase_reports

        folder = Path(replay_dir)
        places.append(
            Place(
                "replay files",
                partial(count_reports, folder, ids),
                partial(erase_reports, folder, ids),
            )
        )
    if config.serve.event_log:
        from copilot.serve.event_log import count_in_event_log, erase_from_event_log

        log_file = config.serve.event_log
        places.append(
            Place(
                "event log lines",
                partial(count_in_event_log, log_file, ids),
                partial(erase_from_event_log, log_file, ids),
            )
        )
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


def print_call_refs(config: Config, call_ids: list[str], out: TextIO = sys.stdout) -> int:
    """Each call id beside the pseudonym logs name it by (`call c-…`), to find its log lines."""
    store = _open(config)  # the store's key names calls in every worker's logs
    try:
        for call_id in call_ids:
            print(f"{call_id}\t{call_ref(call_id)}", file=out)
    finally:
        store.close()
    return 0
