"""Fan-out without I/O: exactly-once subscribe/resume, role filtering, slow clients told to resume."""

import json

from copilot.serve.auth import Principal
from copilot.serve.hub import EventHub

AGENT_A = Principal("agent", "a")
AGENT_B = Principal("agent", "b")
SUPERVISOR = Principal("supervisor")
ACK = json.dumps({"type": "subscribed"})


def event(seq: int, call_id: str = "CA-1") -> str:
    return json.dumps({"type": "x", "call_id": call_id, "seq": seq})


def stored(seqs, call_id: str = "CA-1"):
    """A call's history as the store serves it: (seq, json) after a seq, at most `limit`."""
    return lambda after, limit: [(s, event(s, call_id)) for s in seqs if s > after][:limit]


def seqs(client) -> list[int]:
    return [json.loads(text)["seq"] for text in client.queue if "seq" in json.loads(text)]


def read_all(hub, client) -> list[int]:
    """Read the client's queue the way the socket shell does: each send lets replays go on."""
    received = []
    while client.queue:
        message = json.loads(client.queue.popleft())
        received += [message["seq"]] if "seq" in message else []
        hub.continue_replays(client)
    return received


def test_backlog_then_live_without_gap_or_duplicate():
    hub = EventHub()
    client = hub.connect(AGENT_A, lambda: None)
    hub.subscribe(client, "CA-1", 2, stored([1, 2, 3, 4]), ACK)
    for seq in (3, 4, 5, 6):  # 3 and 4 were in the backlog already
        hub.publish("CA-1", seq, event(seq))
    hub.publish("CA-2", 1, event(1, "CA-2"))  # not subscribed
    assert json.loads(client.queue[0]) == {"type": "subscribed"}
    assert seqs(client) == [3, 4, 5, 6]


def test_a_history_longer_than_the_queue_is_replayed_in_pages_as_the_client_reads():
    hub = EventHub(max_queue=10)
    client = hub.connect(AGENT_A, lambda: None)
    history = list(range(1, 101))
    hub.subscribe(client, "CA-1", 0, stored(history), ACK)
    assert len(client.queue) <= hub.replay_fill
    # A live event while the replay is under way is stored first: the replay brings it.
    history.append(101)
    hub.publish("CA-1", 101, event(101))
    assert read_all(hub, client) == history
    hub.publish("CA-1", 102, event(102))  # the replay reached the end: live now
    assert seqs(client) == [102] and hub.dropped_clients == 0


def test_slow_client_is_told_to_resume_and_others_keep_their_events():
    hub = EventHub(max_queue=5)
    slow = hub.connect(AGENT_A, lambda: None)
    fast = hub.connect(AGENT_A, lambda: None)
    for client in (slow, fast):
        hub.subscribe(client, "CA-1", 0, stored([]), ACK)
        client.queue.clear()
    for seq in range(1, 9):
        hub.publish("CA-1", seq, event(seq))
        fast.queue.clear()  # the fast client keeps up
    assert [json.loads(t)["type"] for t in slow.queue] == ["resume"]
    assert json.loads(slow.queue[0])["calls"] == ["CA-1"]
    assert hub.dropped_clients == 1 and slow.subscriptions == {}
    slow.queue.clear()
    hub.subscribe(slow, "CA-1", 5, stored(range(1, 9)), ACK)
    hub.publish("CA-1", 9, event(9))  # while the replay goes on, the store has it
    assert read_all(hub, slow) == [6, 7, 8]
    hub.publish("CA-1", 9, event(9))
    assert seqs(slow) == [9]


def test_a_client_that_never_reads_stays_within_its_bound_whatever_it_asks():
    hub = EventHub(max_queue=20)
    client = hub.connect(AGENT_A, lambda: None)
    history = stored(range(1, 501))
    depths = []
    for _ in range(200):  # re-subscribe to a long history, ping, and never read
        hub.subscribe(client, "CA-1", 0, history, ACK)
        hub.send(client, json.dumps({"type": "pong"}))
        depths.append(len(client.queue))
    assert max(depths) <= 20 and hub.dropped_clients >= 1
    assert any(json.loads(t)["type"] == "resume" for t in client.queue)


def test_board_summaries_follow_call_assignment():
    hub = EventHub()
    a, b, sup = (hub.connect(p, lambda: None) for p in (AGENT_A, AGENT_B, SUPERVISOR))
    hub.publish_board({"call_id": "CA-1", "agent_id": "a"})
    assert (len(a.queue), len(b.queue), len(sup.queue)) == (1, 0, 1)
