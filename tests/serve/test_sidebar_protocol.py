"""The /events message handling without sockets: hello, subscribe, feedback, read-only roles."""

import json

from copilot.serve.auth import Principal
from copilot.serve.board import CallBoard
from copilot.serve.feedback import FeedbackRecorder
from copilot.serve.hub import EventHub
from copilot.serve.metrics import Metrics
from copilot.serve.sidebar_protocol import SidebarConnection, SidebarServices
from copilot.serve.store import EventStore, event_json


def setup(principal, learned=None):
    store, hub, board = EventStore(), EventHub(), CallBoard()
    for data in (
        {
            "type": "call.started",
            "call_id": "CA-1",
            "seq": 1,
            "t": 0.0,
            "metadata": {"agent_id": "a"},
        },
        {
            "type": "alert",
            "call_id": "CA-1",
            "seq": 2,
            "t": 3.0,
            "level": "escalate",
            "reason": "r",
        },
    ):
        store.append(data, event_json(data))
        board.feed(data)
    learner = (
        (lambda fb, ev: learned.append((fb.action, ev["type"]))) if learned is not None else None
    )
    client = hub.connect(principal, lambda: None)
    services = SidebarServices(hub, store, board, FeedbackRecorder(store, learner), Metrics())
    conn = SidebarConnection(client, services)
    return conn, client, store


def replies(client):
    out = [json.loads(t) for t in client.queue]
    client.queue.clear()
    return out


def test_agent_hello_calls_subscribe_and_feedback_reach_the_learner():
    learned = []
    conn, client, store = setup(Principal("agent", "a"), learned)
    conn.opened()
    hello, calls = replies(client)
    assert hello["role"] == "agent" and [c["call_id"] for c in calls["calls"]] == ["CA-1"]
    conn.receive(json.dumps({"type": "subscribe", "call_id": "CA-1", "after_seq": 1}))
    assert [m.get("seq") for m in replies(client)] == [None, 2]  # subscribed, then the alert
    conn.receive(
        json.dumps(
            {
                "type": "feedback",
                "ref": "r1",
                "call_id": "CA-1",
                "target": "alert",
                "target_id": 2,
                "action": "accept",
            }
        )
    )
    (ack,) = replies(client)
    assert ack["type"] == "feedback.ack" and ack["ref"] == "r1" and learned == [("accept", "alert")]
    assert store.feedback_for("CA-1")[0].target_id == "2"


def test_supervisor_is_read_only_and_other_agents_see_nothing():
    conn, client, _ = setup(Principal("supervisor"))
    conn.receive(
        json.dumps(
            {
                "type": "feedback",
                "call_id": "CA-1",
                "target": "alert",
                "target_id": 2,
                "action": "accept",
                "ref": 5,
            }
        )
    )
    (error,) = replies(client)
    assert error["code"] == "read_only" and error["ref"] == 5
    conn, client, _ = setup(Principal("agent", "b"))
    conn.opened()
    assert replies(client)[1]["calls"] == []
    conn.receive(json.dumps({"type": "subscribe", "call_id": "CA-1"}))
    assert replies(client)[0]["code"] == "unknown_call"
    conn.receive(json.dumps({"type": "subscribe", "call_id": "CA-404"}))
    assert replies(client)[0]["code"] == "unknown_call"  # same answer: existence stays secret
