"""A signed AudioHook upgrade opens one socket only: its nonce is used once, fleet-wide.

Before, the same signed upgrade could be sent again inside the signature's half minute
and was let in. Real servers on loopback, a real SQLite store (and PostgreSQL for the
ledger), the signature built by hand as Genesys builds it.
"""

from __future__ import annotations

import asyncio
import base64
import sqlite3
import time
import uuid

from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from copilot.serve.nonces import PURGE_GRACE_S, NonceLedger
from copilot.serve.store import EventStore
from tests.serve.server_harness import running_server
from tests.telephony.test_audiohook import signed_headers

SECRET = base64.b64encode(bytes(range(32))).decode()
# A fleet sits behind one name: every worker sees the same Host, which the signature covers.
AUTHORITY = "copilot.example.net:8443"
PATH = "/audiohook"


def signed_upgrade(nonce: str | None) -> dict[str, str]:
    now = int(time.time())
    quoted = f'"{nonce}"' if nonce is not None else None
    return signed_headers(now - 1, now + 29, nonce=quoted, authority=AUTHORITY, path=PATH)


async def upgrade(server, headers: dict[str, str]) -> tuple[int, str]:
    """The HTTP status of an AudioHook upgrade (101: let in) and the refusal's body."""
    try:
        async with connect(
            f"ws://{AUTHORITY}{PATH}",
            host="127.0.0.1",
            port=server.ws_port,
            proxy=None,
            additional_headers=headers,
        ):
            return 101, ""
    except InvalidStatus as exc:
        return exc.response.status_code, exc.response.body.decode()


def audiohook_server(tiny_en, store_path: str = ""):
    return running_server(tiny_en, store_path=store_path, audiohook_client_secret=SECRET)


def test_the_same_signed_upgrade_twice_is_refused_the_second_time(tiny_en):
    async def scenario():
        async with audiohook_server(tiny_en) as (server, _):
            headers = signed_upgrade(uuid.uuid4().hex)
            first, _ = await upgrade(server, headers)
            replay = await upgrade(server, headers)
            fresh, _ = await upgrade(server, signed_upgrade(uuid.uuid4().hex))
            without_nonce = signed_upgrade(None)
            unnonced = [(await upgrade(server, without_nonce))[0] for _ in range(2)]
            return first, replay, fresh, unnonced

    first, (status, body), fresh, unnonced = asyncio.run(scenario())
    assert first == 101 and fresh == 101
    assert status == 401 and "nonce was already used" in body, body
    assert unnonced == [101, 401]  # no nonce: the signature itself is used once


def test_two_servers_sharing_one_store_refuse_a_replay_across_them(tiny_en, tmp_path):
    store = str(tmp_path / "events.sqlite3")

    async def scenario():
        async with audiohook_server(tiny_en, store) as (a, _):
            async with audiohook_server(tiny_en, store) as (b, _):
                headers = signed_upgrade(uuid.uuid4().hex)
                return await upgrade(a, headers), await upgrade(b, headers)

    (first, _), (replay, body) = asyncio.run(scenario())
    assert first == 101
    assert replay == 401 and "already used" in body, body


def test_a_nonce_is_remembered_while_its_signature_is_valid_then_purged(store_url):
    store = EventStore(store_url)
    ledger = NonceLedger(store.db)
    now = 1_760_000_000.0
    assert ledger.use_once("nonce:a", now + 30, now)
    assert not ledger.use_once("nonce:a", now + 30, now + 29)  # a replay inside the window
    # Past its signature's validity a nonce blocks nothing, even before it is purged.
    assert ledger.use_once("nonce:a", now + 90, now + 31)
    assert ledger.use_once("nonce:b", now + 30, now + 1)

    def kept() -> list[str]:
        return sorted(n for (n,) in store.db.rows("SELECT nonce FROM signature_nonces"))

    assert ledger.purge_expired(now + 30 + PURGE_GRACE_S / 2) == 0  # a clock running ahead
    assert ledger.purge_expired(now + 31 + PURGE_GRACE_S) == 1
    assert kept() == ["nonce:a"]
    # A worker's first use purges too (and then every PURGE_EVERY_S): the table stays small.
    assert NonceLedger(store.db).use_once("nonce:c", now + 500, now + 400)
    assert kept() == ["nonce:c"]
    store.close()


def test_a_store_that_cannot_record_the_nonce_refuses_the_upgrade_with_503(tiny_en, tmp_path):
    path = tmp_path / "events.sqlite3"

    async def scenario():
        async with audiohook_server(tiny_en, str(path)) as (server, _):
            server.store.db.execute("PRAGMA busy_timeout = 200")  # wait 0.2 s, not 5, for a lock
            other = sqlite3.connect(path, isolation_level=None)
            other.execute("BEGIN EXCLUSIVE")  # another process holds the file
            try:
                return await upgrade(server, signed_upgrade(uuid.uuid4().hex))
            finally:
                other.execute("ROLLBACK")
                other.close()

    status, body = asyncio.run(scenario())
    assert status == 503 and "nonce cannot be checked" in body, body
