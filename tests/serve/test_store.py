"""The store on SQLite and PostgreSQL: events in order after a seq, calls and their agent,
feedback and drafts, reopen."""

from copilot.events.feedback import Feedback
from copilot.serve.store import EventStore, event_json


def put(store, call_id, seq, kind, **fields):
    data = {"type": kind, "call_id": call_id, "seq": seq, "t": float(seq), **fields}
    return store.append(data, event_json(data))


def test_events_calls_feedback_survive_reopen(store_url):
    path = store_url
    store = EventStore(path)
    put(store, "CA-1", 1, "call.started", source="twilio", metadata={"agent_id": "a"})
    for seq in range(2, 6):
        put(store, "CA-1", seq, "suggestion", suggestion_id=f"CA-1:article:{seq}")
    assert not put(store, "CA-1", 3, "suggestion")  # a seq is stored once
    store.add_feedback(Feedback("CA-1", "draft", "CA-1:draft:x", "edit", "new text", "a"))
    store.add_feedback(Feedback("CA-1", "draft", "CA-1:draft:x", "send", "", "a"))
    store.close()

    store = EventStore(path)
    assert [seq for seq, _ in store.events_after("CA-1", 2)] == [3, 4, 5]
    assert store.last_seq("CA-1") == 5
    call = store.call("CA-1")
    assert call.agent_id == "a" and call.live and call.last_seq == 5
    assert '"CA-1:article:4"' in store.event_with_suggestion("CA-1", "CA-1:article:4")
    assert store.event_with_suggestion("CA-1", "CA-1:article:9") is None
    assert [f.action for f in store.feedback_for("CA-1")] == ["edit", "send"]
    assert store.draft("CA-1", "CA-1:draft:x") == ("new text", "sent")
    put(store, "CA-1", 6, "call.ended", reason="hangup")
    assert not store.call("CA-1").live and store.call("CA-1").end_reason == "hangup"


def test_a_reused_call_id_belongs_to_its_newest_agent_and_keeps_every_metadata_value(store_url):
    """A platform reusing a call id: the call is the new agent's (the old one no longer sees
    it), and erasure by either customer's id still finds it."""
    from copilot.serve.retention import calls_matching

    store = EventStore(store_url)
    for seq, agent, customer in ((1, "agent-A", "C-1"), (5, "agent-B", "C-2")):
        metadata = {"agent_id": agent, "customer_id": customer}
        data = {"type": "call.started", "call_id": "CA-reused", "seq": seq, "t": 0.0}
        data["metadata"] = metadata
        lookup = {k: store.lookup_hash(k, v) for k, v in metadata.items()}
        store.append(data, event_json(data), lookup=lookup)
    assert store.call("CA-reused").agent_id == "agent-B"
    for customer in ("C-1", "C-2"):
        assert calls_matching(store, metadata=(("customer_id", customer),)) == ["CA-reused"]


def test_call_assigned_moves_the_call_to_its_agent_also_when_relayed(store_url):
    """A chat handed over to a team's agent is theirs from `call.assigned` on, whether this
    worker ran it or another worker's relay brought its events."""
    store = EventStore(store_url)
    for call_id, origin in (("CH-own", ""), ("CH-far", "worker-2")):
        data = {"type": "call.started", "call_id": call_id, "seq": 1, "t": 0.0}
        data["metadata"] = {"agent_id": "agent-desk"}
        store.append(data, event_json(data), origin=origin)
        moved = {"type": "call.assigned", "call_id": call_id, "seq": 2, "t": 1.0}
        moved |= {"agent_id": "agent-team", "team": "team_leads"}
        assert store.append(moved, event_json(moved), origin=origin)
        call = store.call(call_id)
        assert (call.agent_id, call.last_seq, call.live) == ("agent-team", 2, True)
    assert not put(store, "CH-own", 2, "call.assigned", agent_id="agent-x")  # stored once
    assert store.call("CH-own").agent_id == "agent-team"
