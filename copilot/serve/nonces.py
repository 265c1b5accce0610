"""Signature nonces used once, across every worker that shares the store.

A signed websocket upgrade (AudioHook's HTTP message signature) stays valid for
about half a minute; whoever captured one could replay it inside that window. The
first use of a nonce records it in the store's `signature_nonces` table (migration
v4); a second use while the signature is still valid finds the row and is refused.
Workers of a fleet share the table through the store (one SQLite file, or PostgreSQL),
so a replay to another worker is refused too.

Rows are only needed while their signature could still be accepted: every
PURGE_EVERY_S a use also deletes the rows whose signature expired more than
PURGE_GRACE_S ago, so the table holds about one validity window of upgrades.
"""

from __future__ import annotations

import time

from copilot.serve.database import Database

PURGE_EVERY_S = 60.0
# Workers compare a signature's expiry with their own clocks: a worker whose clock runs
# ahead must not forget a nonce that a worker whose clock runs behind would still accept.
PURGE_GRACE_S = 60.0


class NonceLedger:
    """The nonces the fleet has seen, each remembered until its signature expires."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._next_purge = 0.0

    def use_once(self, nonce: str, expires_at: float, now: float | None = None) -> bool:
        """Record `nonce` (valid until `expires_at`, Unix seconds); False if it is in use.

        A row left from a signature that has expired does not block the nonce: only a use
        within the validity of the earlier signature counts as a replay.
        """
        now = time.time() if now is None else now
        self._purge_now_and_then(now)
        recorded = self.db.execute(
            "INSERT INTO signature_nonces (nonce, expires_at) VALUES (?, ?)"
            " ON CONFLICT (nonce) DO UPDATE SET expires_at = excluded.expires_at"
            " WHERE signature_nonces.expires_at < ?",
            (nonce, expires_at, now),
        ).rowcount
        return recorded == 1

    def purge_expired(self, now: float | None = None) -> int:
        """Forget the nonces whose signature expired over PURGE_GRACE_S ago; how many."""
        now = time.time() if now is None else now
        deleted = self.db.execute(
            "DELETE FROM signature_nonces WHERE expires_at < ?", (now - PURGE_GRACE_S,)
        ).rowcount
        return max(deleted, 0)

    def _purge_now_and_then(self, now: float) -> None:
        clock = time.monotonic()
        if clock >= self._next_purge:
            self._next_purge = clock + PURGE_EVERY_S
            self.purge_expired(now)
