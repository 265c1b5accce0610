"""Retention and erasure: what the store keeps, for how long, and how a caller's data goes.

- `purge_batch` deletes the oldest ended calls past the retention period (their events,
  feedback, drafts and call rows), a few calls per transaction, so the server can run it
  between live events without ever holding the store for long; `purge_older_than` repeats
  it until nothing is left (`copilot purge`).
- `erase` removes everything the store holds about the chosen calls (by id, or by a
  metadata value such as the caller's number or customer id) and writes an audit row that
  says who erased how much when, and by which kind of selector, but not which calls or
  values: the audit itself holds no personal data.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from copilot.config import REDACTION_KINDS
from copilot.serve.store import EventStore, merged_lookup

TABLES = ("events", "feedback", "drafts", "calls")
DAY_S = 86_400.0
PURGE_LOCK = 0x636F70696C6F75  # pg_advisory_xact_lock key of retention (migrations use ...74)


@dataclass
class Removed:
    """Rows removed, per place they were removed from."""

    calls: int = 0
    rows: dict[str, int] = field(default_factory=dict)

    def add(self, place: str, n: int) -> None:
        """Count `n` more rows removed from `place`."""
        self.rows[place] = self.rows.get(place, 0) + n

    def merge(self, other: Removed) -> None:
        """Add another batch's counts to these."""
        self.calls += other.calls
        for place, n in other.rows.items():
            self.add(place, n)

    def describe(self) -> str:
        """A one-line summary for logs and output, e.g. `2 call(s): 40 events, 2 call rows`."""
        parts = ", ".join(f"{n} {place}" for place, n in self.rows.items() if n)
        return f"{self.calls} call(s)" + (f": {parts}" if parts else "")


def _each_table(store: EventStore, call_ids: list[str], delete: bool) -> Removed:
    """The calls' rows in every table: deleted, or (a dry run) only counted."""
    found = Removed(calls=len(call_ids))
    if not call_ids:
        return found
    marks = ",".join("?" * len(call_ids))
    for table in TABLES:
        where = f"FROM {table} WHERE call_id IN ({marks})"
        if delete:
            n = store.db.execute(f"DELETE {where}", call_ids).rowcount
        else:
            n = int(store.db.one(f"SELECT COUNT(*) {where}", call_ids)[0])
        found.add(table if table != "calls" else "call rows", n)
    return found


def _delete_calls(store: EventStore, call_ids: list[str]) -> Removed:
    return _each_table(store, call_ids, delete=True)


def purge_batch(
    store: EventStore,
    older_than_s: float,
    batch: int = 50,
    now: float | None = None,
    wait: bool = False,
) -> Removed:
    """One transaction: up to `batch` ended calls that started before now - older_than_s.

    On a shared store one worker purges at a time (an advisory lock); the others skip the
    round instead of waiting on its row locks, unless `wait` (`copilot purge` by hand).
    """
    cutoff = (time.time() if now is None else now) - older_than_s
    with store.db.transaction(immediate=True):
        if store.db.dialect == "postgresql":
            take = "pg_advisory_xact_lock" if wait else "pg_try_advisory_xact_lock"
            taken = store.db.one(f"SELECT {take}(?)", (PURGE_LOCK,))[0]
            if taken is False:
                return Removed()
        ids = [
            row[0]
            for row in store.db.rows(
                "SELECT call_id FROM calls WHERE started_at < ? AND ended_at IS NOT NULL"
                " ORDER BY started_at LIMIT ?",
                (cutoff, batch),
            )
        ]
        removed = _delete_calls(store, ids)
        removed.calls = removed.rows.get("call rows", 0)  # what this transaction really deleted
        return removed


def purge_batches(
    store: EventStore, older_than_s: float, batch: int = 50, wait: bool = False
) -> Iterator[Removed]:
    """One `purge_batch` after another until one comes back short: the server yields to
    live calls between them, `copilot purge` just adds them up."""
    now = time.time()
    while True:
        removed = purge_batch(store, older_than_s, batch, now, wait)
        yield removed
        if removed.calls < batch:
            return


def purge_older_than(store: EventStore, days: float, batch: int = 50) -> Removed:
    """Every ended call older than `days` days, `batch` calls per transaction."""
    total = Removed()
    for removed in purge_batches(store, days * DAY_S, batch, wait=True):
        total.merge(removed)
    return total


def calls_matching(
    store: EventStore, call_ids: tuple[str, ...] = (), metadata: tuple[tuple[str, str], ...] = ()
) -> list[str]:
    """The stored calls with one of these ids, or with one of these metadata values."""
    found: list[str] = []
    if call_ids:
        marks = ",".join("?" * len(call_ids))
        found += [
            r[0]
            for r in store.db.rows(
                f"SELECT call_id FROM calls WHERE call_id IN ({marks})", call_ids
            )
        ]
    if metadata:
        # As stored, or (redaction on) by the keyed hash of the value as it was given.
        wanted = [(key, value, store.lookup_hash(key, value)) for key, value in metadata]
        rows = store.db.rows("SELECT call_id, metadata, metadata_lookup FROM calls")
        for call_id, text, hashes in rows:
            values, lookup = json.loads(text or "{}"), json.loads(hashes or "{}")
            if any(
                (key in values and str(values[key]) == value)
                or digest in merged_lookup(lookup, {}).get(key, ())
                for key, value, digest in wanted
            ):
                found.append(call_id)
    return sorted(set(found))


def rows_of(store: EventStore, call_ids: list[str]) -> Removed:
    """What erasing these calls would remove from the store (a dry run)."""
    return _each_table(store, call_ids, delete=False)


def live_calls(store: EventStore, call_ids: list[str]) -> list[str]:
    """The chosen calls still live, sorted: `copilot erase` refuses until they have ended."""
    if not call_ids:
        return []
    marks = ",".join("?" * len(call_ids))
    rows = store.db.rows(
        f"SELECT call_id FROM calls WHERE ended_at IS NULL AND call_id IN ({marks})", call_ids
    )
    return sorted(r[0] for r in rows)


def erase(store: EventStore, call_ids: list[str], actor: str, selector: str) -> tuple[Removed, int]:
    """Delete the calls' events, feedback, drafts and rows, and audit it, in one transaction.

    Returns (removed, audit id); `note_elsewhere` adds what went from other places after.
    """
    # Running workers read `forget` and drop the calls from their memory (boards, caches,
    # learned examples); it names them by keyed hash, so the audit holds no call id.
    forget = json.dumps(sorted(store.call_hash(call_id) for call_id in call_ids))
    with store.db.transaction(immediate=True):
        removed = _delete_calls(store, call_ids)
        row = store.db.one(
            "INSERT INTO erasures (at, actor, selector, calls, rows, forget)"
            " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            (
                time.time(),
                actor,
                selector,
                removed.calls,
                json.dumps(removed.rows, sort_keys=True),
                forget,
            ),
        )
    return removed, int(row[0])


def refuse_placeholders(metadata: tuple[tuple[str, str], ...]) -> None:
    """A selector equal to what redaction writes in place of a value (`[phone]`) would
    match every masked call, not one caller: refused."""
    for key, value in metadata:
        if any(f"[{kind}]" in value for kind in REDACTION_KINDS):
            raise ValueError(
                f"metadata {key}={value} is a redaction placeholder, not a caller's value:"
                " give the value as the caller gave it (erasure finds masked calls by its hash)"
            )


FORGET_KEPT_S = 600.0  # running workers read an erasure within seconds; then the hashes go


def clear_old_forget_lists(store: EventStore, now: float | None = None) -> None:
    """Empty the call hashes of erasures older than FORGET_KEPT_S; every worker has read them."""
    cutoff = (time.time() if now is None else now) - FORGET_KEPT_S
    store.db.execute("UPDATE erasures SET forget = '[]' WHERE at < ? AND forget <> '[]'", (cutoff,))


def note_elsewhere(store: EventStore, audit_id: int, removed: Removed, failed: list[str]) -> None:
    """The audit row gets what went outside the store too, and which places could not be
    reached (by name only: the row holds no personal data)."""
    rows = {**removed.rows, **({"failed": sorted(failed)} if failed else {})}
    store.db.execute(
        "UPDATE erasures SET rows = ? WHERE id = ?", (json.dumps(rows, sort_keys=True), audit_id)
    )


def audit_log(store: EventStore) -> list[dict]:
    """Every erasure's audit row, oldest first: when, who, by which selector, how much."""
    rows = store.db.rows("SELECT id, at, actor, selector, calls, rows FROM erasures ORDER BY id")
    return [
        {"id": i, "at": at, "actor": actor, "selector": sel, "calls": n, "rows": json.loads(r)}
        for i, at, actor, sel, n, r in rows
    ]
