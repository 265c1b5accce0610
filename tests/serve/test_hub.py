"""Fan-out without I/O: exactly-once subscribe/resume, role filtering, slow clients told to resume."""

import json

from copilot.serve.auth import Principal
from copilot.serve.hub import EventHub

AGENT_A = Principal("agent", "a")
AGENT_B = Principal("agent", "b")
SUPERVISOR = Principal("supervisor")


def event(seq: int, call_id: str = "CA-1") -> str:
    return json.dumps({"type": "x", "call_id": call_id, "seq": seq})


def seqs(client) -> list[int]:
    return [json.loads(text)["seq"] for text in client.queue if "seq" in json.loads(text)]


def test_backlog_then_live_without_gap_or_duplicate():
    hub = EventHub()
    client = hub.connect(AGENT_A, lambda: None)
    hub.subscribe(client, "CA-1", 2, [(3, event(3)), (4, event(4))])
    for seq in (3, 4, 5, 6):  # 3 and 4 were in the backlog already
        hub.publish("CA-1", seq, event(seq))
    hub.publish("CA-2", 1, event(1, "CA-2"))  # not subscribed
    assert seqs(client) == [3, 4, 5, 6]


def test_slow_client_is_told_to_resume_and_others_keep_their_events():
    hub = EventHub(max_queue=5)
    slow = hub.connect(AGENT_A, lambda: None)
    fast = hub.connect(AGENT_A, lambda: None)
    for client in (slow, fast):
        hub.subscribe(client, "CA-1", 0, [])
    for seq in range(1, 9):
        hub.publish("CA-1", seq, event(seq))
        fast.queue.clear()  # the fast client keeps up
    assert [json.loads(t)["type"] for t in slow.queue] == ["resume"]
    assert json.loads(slow.queue[0])["calls"] == ["CA-1"]
    assert hub.dropped_clients == 1 and slow.subscriptions == {}
    slow.queue.clear()
    hub.subscribe(slow, "CA-1", 5, [(s, event(s)) for s in (6, 7, 8)])
    hub.publish("CA-1", 9, event(9))
    assert seqs(slow) == [6, 7, 8, 9]


def test_board_summaries_follow_call_assignment():
    hub = EventHub()
    a, b, sup = (hub.connect(p, lambda: None) for p in (AGENT_A, AGENT_B, SUPERVISOR))
    hub.publish_board({"call_id": "CA-1", "agent_id": "a"})
    assert (len(a.queue), len(b.queue), len(sup.queue)) == (1, 0, 1)
