"""The day's ended calls from the store: pages, filters, who may see what, the `history` message."""

from __future__ import annotations

import json
import time

from copilot.serve.auth import Principal
from copilot.serve.board import CallBoard
from copilot.serve.call_history import CallHistory, HistoryQuery, start_of_today
from copilot.serve.database import Database
from copilot.serve.feedback import FeedbackRecorder
from copilot.serve.hub import EventHub
from copilot.serve.metrics import Metrics
from copilot.serve.migrations import MIGRATIONS, migrate
from copilot.serve.sidebar_protocol import SidebarConnection, SidebarServices
from copilot.serve.store import EventStore, event_json

LEVELS = ("", "early_warning", "escalate", "take_over")
REASONS = ("hangup", "stop", "disconnected")


def store_call(store: EventStore, i: int, *, ended: bool = True) -> dict:
    """Call i: agent-(i % 4), an alert of LEVELS[i % 4] (none for 0), ended with REASONS[i % 3]."""
    call_id = f"CA-{i:03d}"
    events = [
        {"type": "call.started", "source": "raw", "metadata": {"agent_id": f"agent-{i % 4}"}},
        {"type": "affect", "speaker": "customer", "frustration": 0.1},
        {"type": "affect", "speaker": "customer", "frustration": 0.1 + (i % 4) / 5},
        {"type": "transcript.final", "speaker": "customer", "text": f"line of call {i}"},
    ]
    if LEVELS[i % 4]:
        events.append({"type": "alert", "level": LEVELS[i % 4], "signal": "frustration"})
    if ended:
        events.append({"type": "call.ended", "reason": REASONS[i % 3]})
    for seq, data in enumerate(events, start=1):
        data = {**data, "call_id": call_id, "seq": seq, "t": float(seq)}
        store.append(data, event_json(data))
    return {"call_id": call_id, "agent": f"agent-{i % 4}", "level": LEVELS[i % 4]}


def test_pages_filters_and_scope_over_200_ended_calls(store_url):
    store = EventStore(store_url)
    calls = [store_call(store, i) for i in range(200)]
    store_call(store, 999, ended=False)  # live: not history
    history = CallHistory(store)
    since = start_of_today()
    boss, agent = Principal("supervisor"), Principal("agent", "agent-1")

    first = history.page(HistoryQuery(since, size=25), boss)
    assert first["total"] == 200 and len(first["calls"]) == 25
    seen = set()
    for page in range(8):
        rows = history.page(HistoryQuery(since, page=page, size=25), boss)["calls"]
        seen |= {r["call_id"] for r in rows}
        ends = [r["ended_at"] for r in rows]
        assert ends == sorted(ends, reverse=True)  # newest end first
    assert seen == {c["call_id"] for c in calls}  # every ended call once over the 8 pages

    row = next(r for r in first["calls"] if r["call_id"] == "CA-199")
    assert row["level"] == "take_over" and row["end_reason"] == REASONS[199 % 3]
    assert row["trend"] == [0.1, 0.1 + 3 / 5] and row["last_text"] == "line of call 199"
    assert row["last_speaker"] == "customer" and row["source"] == "raw"

    escalated = history.page(HistoryQuery(since, alert="escalate", size=100), boss)
    assert escalated["total"] == 50
    assert {r["call_id"] for r in escalated["calls"]} == {
        c["call_id"] for c in calls if c["level"] == "escalate"
    }
    assert history.page(HistoryQuery(since, alert="none"), boss)["total"] == 50
    assert history.page(HistoryQuery(since, alert="any"), boss)["total"] == 150
    both = history.page(HistoryQuery(since, agent_id="agent-2", outcome="stop"), boss)
    expected = [i for i in range(200) if i % 4 == 2 and i % 3 == 1]
    assert both["total"] == len(expected)

    facets = first["facets"]
    assert facets["agents"] == {f"agent-{k}": 50 for k in range(4)}
    assert sum(facets["outcomes"].values()) == 200 and set(facets["outcomes"]) == set(REASONS)
    assert facets["levels"] == {level: 50 for level in LEVELS}

    # An agent sees their own calls only, whatever agent they ask for.
    own = history.page(HistoryQuery(since, agent_id="agent-2", size=100), agent)
    assert own["total"] == 0
    own = history.page(HistoryQuery(since, size=100), agent)
    assert own["total"] == 50 and {r["agent_id"] for r in own["calls"]} == {"agent-1"}
    assert own["facets"]["agents"] == {"agent-1": 50}
    # Yesterday's view of today: nothing ended after a moment in the future.
    assert history.page(HistoryQuery(time.time() + 60), boss)["total"] == 0
    store.close()


def test_history_message_and_its_refusals():
    store = EventStore()
    for i in range(30):
        store_call(store, i)
    hub = EventHub()
    client = hub.connect(Principal("supervisor"), lambda: None)
    services = SidebarServices(hub, store, CallBoard(), FeedbackRecorder(store), Metrics())
    conn = SidebarConnection(client, services)
    conn.receive(json.dumps({"type": "history", "ref": "h1", "page": 1, "size": 10}))
    conn.receive(json.dumps({"type": "history", "alert": "purple", "ref": "h2"}))
    conn.receive(json.dumps({"type": "history", "size": 1000}))
    reply, bad_alert, bad_size = [json.loads(t) for t in client.queue]
    assert reply["type"] == "history" and reply["ref"] == "h1" and reply["total"] == 30
    assert reply["page"] == 1 and len(reply["calls"]) == 10
    assert (bad_alert["type"], bad_alert["code"], bad_alert["ref"]) == ("error", "bad_field", "h2")
    assert bad_size["code"] == "bad_field"


def test_migration_indexes_calls_stored_before_it(tmp_path):
    """A store made before v5 gets each call's team and highest alert level from its events."""
    path = str(tmp_path / "old.sqlite3")
    db = Database(path)
    migrate(db, MIGRATIONS[:4])
    events = [
        {"type": "call.started", "metadata": {"agent_id": "a", "queue": "billing"}},
        {"type": "alert", "level": "take_over", "signal": "frustration"},
        {"type": "alert", "level": "early_warning", "signal": "frustration"},
        {"type": "call.ended", "reason": "hangup"},
    ]
    db.execute(
        "INSERT INTO calls (call_id, agent_id, started_at, ended_at, end_reason)"
        " VALUES ('CA-old', 'a', ?, ?, 'hangup')",
        (time.time() - 5, time.time()),
    )
    for seq, data in enumerate(events, start=1):
        data = {**data, "call_id": "CA-old", "seq": seq, "t": float(seq)}
        db.execute(
            "INSERT INTO events (call_id, seq, type, json) VALUES (?, ?, ?, ?)",
            ("CA-old", seq, data["type"], event_json(data)),
        )
    db.close()
    store = EventStore(path)
    (row,) = CallHistory(store).page(HistoryQuery(start_of_today()), Principal("supervisor"))[
        "calls"
    ]
    assert (row["team"], row["level"]) == ("billing", "take_over")
    store.close()
