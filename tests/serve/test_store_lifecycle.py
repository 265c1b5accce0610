"""The store's life on SQLite and PostgreSQL: schema migrations, retention, erasure, dead workers.

Real databases only: a SQLite file (one made by the release before schema versions, for
the upgrade) and a PostgreSQL server from Debian's package (tests/serve/postgres_harness.py).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from copilot.config import StoreConfig
from copilot.events.core import CallEnded, CallStarted, TranscriptFinal
from copilot.events.feedback import Feedback
from copilot.replay.pages import call_page
from copilot.replay.scorecard import load_scorecard
from copilot.replay.summary import summarise_call
from copilot.serve.database import Database, DatabaseError
from copilot.serve.housekeeping import Housekeeping, ended_by_restart
from copilot.serve.migrations import LATEST, MIGRATIONS, migrate, schema_version
from copilot.serve.retention import DAY_S, audit_log, purge_batch, purge_older_than
from copilot.serve.store import EventStore, event_json
from tests.serve.postgres_harness import fresh_database
from tests.serve.redis_harness import redis_server

redis = pytest.importorskip("redis")

RELEASE_STORE = Path(__file__).parent / "data" / "events_release_unversioned.sqlite3"
COPILOT = [sys.executable, "-m", "copilot.cli"]


def put(store, call_id, seq, kind, **fields):
    data = {"type": kind, "call_id": call_id, "seq": seq, "t": float(seq), **fields}
    return store.append(data, event_json(data))


def a_call(store, call_id, customer="C-1", ended=True, days_ago=0.0):
    put(
        store,
        call_id,
        1,
        "call.started",
        source="twilio",
        metadata={"agent_id": "agent-7", "customer_id": customer},
    )
    put(store, call_id, 2, "transcript.final", speaker="customer", text="Waar blijft mijn pakket?")
    store.add_feedback(Feedback(call_id, "draft", f"{call_id}:draft:x", "send", "Beste klant", "a"))
    if ended:
        put(store, call_id, 3, "call.ended", reason="stop")
    if days_ago:
        store.db.execute(
            "UPDATE calls SET started_at = ? WHERE call_id = ?",
            (time.time() - days_ago * DAY_S, call_id),
        )


def counts(store, call_id):
    return {
        table: store.db.row(f"SELECT COUNT(*) FROM {table} WHERE call_id = ?", (call_id,))[0]
        for table in ("events", "feedback", "drafts", "calls")
    }


# -- migrations ---------------------------------------------------------------------


def test_a_store_made_by_the_release_before_versions_is_brought_up_to_date(tmp_path):
    path = tmp_path / "events.sqlite3"
    shutil.copy(RELEASE_STORE, path)
    store = EventStore(path)
    assert schema_version(store.db) == LATEST
    # Everything the release stored is still there, and its calls gained their metadata.
    assert [seq for seq, _ in store.events_after("CA-old-1")] == [1, 2, 3]
    assert store.draft("CA-old-1", "CA-old-1:draft:x") == ("Beste klant", "sent")
    metadata = store.db.row("SELECT metadata FROM calls WHERE call_id = 'CA-old-2'")[0]
    assert json.loads(metadata)["customer_id"] == "C-2"
    store.close()
    assert migrate(Database(str(path))) == []  # a second start applies nothing


def test_a_postgresql_store_at_version_1_is_migrated_forward(postgres):
    url = fresh_database(postgres)
    old = Database(url)
    assert migrate(old, MIGRATIONS[:1]) == [1]
    old.execute("INSERT INTO calls (call_id, started_at) VALUES ('CA-v1', 1.0)")
    old.execute(
        "INSERT INTO events (call_id, seq, type, json) VALUES ('CA-v1', 1, 'call.started', ?)",
        (json.dumps({"type": "call.started", "metadata": {"customer_id": "C-9"}}),),
    )
    old.close()
    store = EventStore(url)
    assert schema_version(store.db) == LATEST
    assert json.loads(store.db.row("SELECT metadata FROM calls")[0]) == {"customer_id": "C-9"}
    store.close()


def test_workers_starting_together_migrate_once(postgres):
    url = fresh_database(postgres)
    applied, errors = [], []

    def start():
        try:
            applied.append(migrate(Database(url)))
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    every = list(range(1, LATEST + 1))
    assert sorted(applied, key=len) == [[], [], [], every]  # one did it, under the lock
    db = Database(url)
    assert [r[0] for r in db.rows("SELECT version FROM schema_version ORDER BY version")] == every


def test_a_store_from_a_newer_copilot_is_refused(store_url):
    EventStore(store_url).close()
    db = Database(store_url)
    db.execute("INSERT INTO schema_version VALUES (99, 'from the future', 0)")
    db.close()
    with pytest.raises(DatabaseError, match="version 99.*newer copilot"):
        EventStore(store_url)


# -- retention ----------------------------------------------------------------------


def test_retention_deletes_old_ended_calls_in_batches(store_url):
    store = EventStore(store_url)
    for i in range(5):
        a_call(store, f"CA-old-{i}", days_ago=120)
    a_call(store, "CA-old-live", ended=False, days_ago=120)  # never cut a running call
    a_call(store, "CA-recent", days_ago=10)
    first = purge_batch(store, 90 * DAY_S, batch=2)
    assert first.calls == 2 and first.rows["events"] == 6 and first.rows["drafts"] == 2
    rest = purge_older_than(store, 90, batch=2)
    assert rest.calls == 3
    left = {row[0] for row in store.db.rows("SELECT call_id FROM calls")}
    assert left == {"CA-old-live", "CA-recent"}
    assert counts(store, "CA-old-3") == {"events": 0, "feedback": 0, "drafts": 0, "calls": 0}
    assert counts(store, "CA-recent")["events"] == 3
    store.close()


def write_config(tmp_path, store_url, **sections) -> Path:
    lines = ["[store]", f'url = "{store_url}"']
    for section, values in sections.items():
        lines.append(f"[{section}]")
        lines += [f'{k} = "{v}"' for k, v in values.items()]
    path = tmp_path / "copilot.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_copilot_purge_says_what_it_removed(store_url, tmp_path):
    store = EventStore(store_url)
    a_call(store, "CA-ancient", days_ago=400)
    a_call(store, "CA-new")
    store.close()
    config = write_config(tmp_path, store_url)
    done = subprocess.run(
        [*COPILOT, "purge", "--older-than", "365", "--config", str(config)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "1 call(s): 3 events, 1 feedback, 1 drafts, 1 call rows" in done.stdout
    store = EventStore(store_url)
    assert store.call("CA-ancient") is None and store.call("CA-new") is not None


# -- erasure ------------------------------------------------------------------------


def test_copilot_erase_removes_a_callers_data_everywhere_and_audits_it(store_url, tmp_path):
    import sqlite3

    from copilot.assist.learning import SCHEMA as LEARNER_SCHEMA

    store = EventStore(store_url)
    a_call(store, "CA-jansen-1", customer="C-1")
    a_call(store, "CA-jansen-2", customer="C-1")
    a_call(store, "CA-other", customer="C-2")
    store.close()
    learned = tmp_path / "feedback.sqlite3"
    with sqlite3.connect(learned) as db:
        db.execute(LEARNER_SCHEMA)
        for call_id in ("CA-jansen-1", "CA-other"):
            suggestion = json.dumps({"type": "suggestion", "call_id": call_id, "kind": "intent"})
            db.execute(
                "INSERT INTO assist_feedback (suggestion_id, action, at, suggestion)"
                " VALUES (?, 'accept', 0, ?)",
                (f"{call_id}:intent:parcel_status", suggestion),
            )
    replay = tmp_path / "qa"
    (replay / "calls").mkdir(parents=True)
    for call_id in ("CA-jansen-2", "CA-other"):  # their QA replay outputs, as replay writes them
        events = [
            CallStarted(call_id, 1, 0.0, source="file"),
            TranscriptFinal(call_id, 2, 2.0, speaker="customer", text="Waar blijft mijn pakket?"),
            CallEnded(call_id, 3, 3.0, duration=3.0),
        ]
        report = summarise_call(call_id, events, 3.0, load_scorecard())
        (replay / "calls" / f"{call_id}.json").write_text(json.dumps({"report": report}))
        (replay / "calls" / f"{call_id}.html").write_text(call_page(report))
    with redis_server(tmp_path) as relay_url:
        # The relay's copy: the events of all three calls in the Redis stream.
        relay = redis.Redis.from_url(relay_url, decode_responses=True)
        for call_id in ("CA-jansen-1", "CA-jansen-2", "CA-other"):
            for seq in (1, 2, 3):
                fields = {"worker": "w1", "call_id": call_id, "seq": seq, "json": "{}"}
                relay.xadd("copilot:events", fields)
        config = write_config(
            tmp_path, store_url, assist={"feedback_db": str(learned)}, relay={"url": relay_url}
        )
        preview = subprocess.run(
            [
                *COPILOT,
                "erase",
                "--metadata",
                "customer_id=C-1",
                "--dry-run",
                "--config",
                str(config),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert preview.returncode == 0, preview.stderr
        assert "would erase from the store 2 call(s): 6 events" in preview.stdout
        assert EventStore(store_url).call("CA-jansen-1") is not None  # a dry run removes nothing
        done = subprocess.run(
            [
                *COPILOT,
                "erase",
                "--metadata",
                "customer_id=C-1",
                "--replay-dir",
                str(replay),
                "--by",
                "privacy-officer",
                "--config",
                str(config),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        left_in_relay = {f["call_id"] for _id, f in relay.xrange("copilot:events")}
        relay.close()
    assert left_in_relay == {"CA-other"}
    assert done.returncode == 0, done.stderr
    receipt = done.stdout
    assert "erased 2 call(s): 6 events, 2 feedback, 2 drafts, 2 call rows" in receipt
    assert "1 learned examples" in receipt and "2 replay files" in receipt
    assert "6 relay entries" in receipt
    store = EventStore(store_url)
    for call_id in ("CA-jansen-1", "CA-jansen-2"):
        assert counts(store, call_id) == {"events": 0, "feedback": 0, "drafts": 0, "calls": 0}
    assert counts(store, "CA-other") == {"events": 3, "feedback": 1, "drafts": 1, "calls": 1}
    with sqlite3.connect(learned) as db:
        kept = [r[0] for r in db.execute("SELECT suggestion_id FROM assist_feedback")]
    assert kept == ["CA-other:intent:parcel_status"]
    assert sorted(p.name for p in (replay / "calls").iterdir()) == [
        "CA-other.html",
        "CA-other.json",
    ]
    assert "CA-other" in (replay / "calls.csv").read_text()
    # The audit: who, when, how much, by what kind of selector; no call id, no customer id.
    (audit,) = audit_log(store)
    assert audit["actor"] == "privacy-officer" and audit["selector"] == "metadata:customer_id"
    assert audit["calls"] == 2 and audit["rows"]["events"] == 6
    assert "C-1" not in json.dumps(audit) and "jansen" not in json.dumps(audit)
    printed = subprocess.run(
        [*COPILOT, "erase", "--audit", "--config", str(config)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert [json.loads(line)["id"] for line in printed.stdout.splitlines()] == [audit["id"]]


def test_erasing_a_live_call_is_refused(store_url, tmp_path):
    store = EventStore(store_url)
    a_call(store, "CA-running", ended=False)
    store.close()
    done = subprocess.run(
        [
            *COPILOT,
            "erase",
            "--call-id",
            "CA-running",
            "--config",
            str(write_config(tmp_path, store_url)),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1 and "still live" in done.stderr
    assert EventStore(store_url).call("CA-running") is not None


# -- a fleet's dead worker --------------------------------------------------------------


def test_a_dead_workers_open_calls_are_ended_by_a_live_one(postgres):
    url = fresh_database(postgres)
    gone = EventStore(url, worker_id="worker-gone")
    put(gone, "CA-orphan", 1, "call.started", source="twilio", metadata={"agent_id": "a"})
    put(gone, "CA-orphan", 2, "transcript.final", speaker="customer", text="hallo")
    gone.heartbeat()
    gone.db.execute("UPDATE workers SET seen_at = seen_at - 60")  # silent for a minute: killed
    alive = EventStore(url, worker_id="worker-alive")
    alive.heartbeat()
    ended = []

    def publish(event):
        ended.append(event)
        put(alive, event.call_id, event.seq, event.type, reason=event.reason)

    keeper = Housekeeping(alive, StoreConfig(url=url, worker_timeout_s=10), publish)
    # A worker whose own heartbeat is not steady yet (just started, or back from an outage in
    # which everyone's heartbeat went stale) judges nobody.
    assert keeper.close_orphans() == 0
    assert keeper.close_orphans(force=True) == 1
    assert [(e.call_id, e.seq, e.reason) for e in ended] == [("CA-orphan", 3, "server_restart")]
    assert not alive.call("CA-orphan").live
    assert keeper.close_orphans(force=True) == 0  # once


def test_the_server_purges_past_retention_between_live_events(store_url):
    """The housekeeping loop deletes old calls a batch at a time while a live call keeps
    appending: the live call's events all land, the old calls go."""
    import asyncio

    store = EventStore(store_url)
    for i in range(7):
        a_call(store, f"CA-expired-{i}", days_ago=100)
    put(store, "CA-live", 1, "call.started", source="twilio", metadata={})
    config = StoreConfig(url=store_url, retention_days=90, purge_interval_s=0.05, purge_batch=2)

    async def scenario():
        keeper = Housekeeping(store, config, lambda event: None)
        keeper.start()
        for seq in range(2, 40):  # the live call goes on meanwhile
            put(store, "CA-live", seq, "transcript.partial", text="...")
            await asyncio.sleep(0.005)
        async with asyncio.timeout(10):
            while store.db.row("SELECT COUNT(*) FROM calls WHERE call_id LIKE 'CA-expired%'")[0]:
                await asyncio.sleep(0.02)
        await keeper.stop()
        return keeper.purged_calls

    assert asyncio.run(scenario()) == 7
    assert store.last_seq("CA-live") == 39 and store.call("CA-live").live


def test_events_a_killed_worker_stored_but_never_relayed_still_reach_every_sidebar(postgres):
    """Worker A stored seq 4 and 5 but died before relaying them; the call.ended a survivor
    writes (seq 6) reaches a sidebar on worker B after 4 and 5, read from the shared store."""
    from copilot.serve.auth import Principal
    from copilot.serve.hub import EventHub
    from copilot.serve.live_events import LiveEvents

    url = fresh_database(postgres)
    a, b = EventStore(url, worker_id="A"), EventStore(url, worker_id="B")
    hub = EventHub()
    live_b = LiveEvents(b, hub)
    client = hub.connect(Principal("supervisor"), lambda: None)
    texts = {}
    for seq in range(1, 6):
        kind = "call.started" if seq == 1 else "transcript.partial"
        data = {"type": kind, "call_id": "CA-cut", "seq": seq, "t": float(seq), "metadata": {}}
        texts[seq] = event_json(data)
        a.append(data, texts[seq])
        if seq <= 3:  # what the relay carried to B before A was killed
            live_b.apply_remote(data, texts[seq], "A")
        if seq == 2:
            history = lambda after, limit: b.events_after("CA-cut", after, limit)  # noqa: E731
            hub.subscribe(client, "CA-cut", 0, history, "{}")
    stored = b.call("CA-cut")
    live_b(ended_by_restart(b, stored))  # B's housekeeping ends the orphan
    received = [json.loads(t)["seq"] for t in client.queue if '"seq"' in t]
    assert received == [1, 2, 3, 4, 5, 6]


def terminate_connections(server_url: str, url: str) -> None:
    """What a PostgreSQL restart or failover does to the store's connection."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            (url.rsplit("/", 1)[1],),
        )


def test_a_lost_postgresql_connection_loses_no_event(postgres):
    """PostgreSQL drops the worker's connection (a restart, a failover): the event in flight is
    held, the call goes on, and with the next event both are stored, in order, on a new
    connection; nothing is shown before it is stored."""
    from copilot.events.core import TranscriptPartial
    from copilot.serve.auth import Principal
    from copilot.serve.feedback import FeedbackRecorder
    from copilot.serve.hub import EventHub
    from copilot.serve.live_events import LiveEvents
    from copilot.serve.metrics import Metrics
    from copilot.serve.sidebar_protocol import SidebarConnection, SidebarServices

    url = fresh_database(postgres)
    store = EventStore(url, worker_id="w1")
    live = LiveEvents(store, EventHub())
    live(CallStarted("CA-blip", 1, 0.0, source="twilio"))
    watcher = live.hub.connect(Principal("supervisor"), lambda: None)
    history = lambda after, limit: store.events_after("CA-blip", after, limit)  # noqa: E731
    live.hub.subscribe(watcher, "CA-blip", 0, history, "{}")
    watcher.queue.popleft()  # the ack
    terminate_connections(postgres, url)
    live(TranscriptPartial("CA-blip", 2, 2.0, speaker="customer", text="..."))
    assert len(live._held) == 1 and [json.loads(t)["seq"] for t in watcher.queue] == [1]
    for seq in (3, 4):
        live(TranscriptPartial("CA-blip", seq, float(seq), speaker="customer", text="..."))
    assert live.metrics.store_errors == 0 and not live._held
    assert [seq for seq, _ in store.events_after("CA-blip")] == [1, 2, 3, 4]
    assert [json.loads(t)["seq"] for t in watcher.queue] == [1, 2, 3, 4]
    # A sidebar asking while the store is away gets a clear error, and its retry is served.
    client = live.hub.connect(Principal("supervisor"), lambda: None)
    sidebar = SidebarConnection(
        client, SidebarServices(live.hub, store, live.board, FeedbackRecorder(store), Metrics())
    )
    terminate_connections(postgres, url)
    subscribe = json.dumps({"type": "subscribe", "call_id": "CA-blip", "after_seq": 0})
    sidebar.receive(subscribe)
    sidebar.receive(subscribe)
    replies = [json.loads(text) for text in client.queue]
    assert replies[0]["type"] == "error" and replies[0]["code"] == "store_unavailable"
    assert [r.get("seq") for r in replies[1:]] == [None, 1, 2, 3, 4]  # subscribed, the call


def test_erasure_finds_a_caller_by_number_even_when_redaction_masked_it(store_url):
    """With redaction on the stored metadata reads +31********; the store keeps a keyed hash
    of each value as given, so `--metadata caller=+31612345678` still finds the call."""
    from copilot.serve.hub import EventHub
    from copilot.serve.live_events import LiveEvents
    from copilot.serve.redaction import Redactor
    from copilot.serve.retention import calls_matching

    store = EventStore(store_url)
    live = LiveEvents(store, EventHub(), redactor=Redactor(enabled=True))
    caller = "+31612345678"
    metadata = {"agent_id": "agent-7", "caller": caller}
    live(CallStarted("CA-masked", 1, 0.0, source="twilio", metadata=metadata))
    live(
        CallStarted("CA-someone-else", 1, 0.0, source="twilio", metadata={"caller": "+3220000000"})
    )
    stored = store.db.row("SELECT metadata FROM calls WHERE call_id = 'CA-masked'")[0]
    assert caller not in stored  # masked in the store
    assert calls_matching(store, metadata=(("caller", caller),)) == ["CA-masked"]
    assert calls_matching(store, metadata=(("caller", "+31600000000"),)) == []
    assert caller not in json.dumps(store.db.rows("SELECT metadata_lookup FROM calls"))
