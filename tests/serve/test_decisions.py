"""What was decided stays decided: real websockets, real SQLite, a real Redis relay.

A call's events are published straight into the server's sink (as the other sidebar tests
do). The agent acknowledges an alert, accepts one card, dismisses another, edits and sends
the draft; another tab sees each answer as it is given; a reconnect, a fresh subscription,
a restarted server and a sidebar on another worker all get them back as `decisions`
before the replay. A supervisor's take-over acknowledgement comes back to that supervisor
only. Erasing the call from the relay's stream takes the relayed decisions with it.
"""

from __future__ import annotations

import asyncio

import pytest

from copilot.config import Config
from copilot.events.affect import Alert
from copilot.events.assist import Draft, Suggestion
from copilot.events.core import CallEnded
from copilot.serve.auth import TokenFile
from copilot.serve.relay import count_in_stream, erase_from_stream
from tests.serve.redis_harness import redis_server
from tests.serve.server_harness import running_server, server_for
from tests.serve.test_live_server import Watcher
from tests.serve.test_sidebar_browser import started_for_agent_7

CALL = "CA-decided"
ARTICLE, STEP, DRAFT = f"{CALL}:article", f"{CALL}:step", f"{CALL}:draft:email"
ESCALATE_SEQ, TAKE_OVER_SEQ = 2, 6
EDITED = "Dear Ms Jansen, your parcel arrives tomorrow between 9 and 12."


def publish_call(server, call_id: str = CALL) -> None:
    """A live call of agent-7: an escalation, a draft, two cards, then a take-over alert."""
    publish = server.live.sink_for(call_id)
    publish(started_for_agent_7(call_id, "twilio"))
    alert = {"signal": "frustration", "score": 0.8, "trend": 0.7, "basis": "request"}
    publish(Alert(call_id, ESCALATE_SEQ, 5.0, level="escalate", reason="escalate", **alert))
    publish(Draft(call_id, 3, 7.0, suggestion_id=DRAFT, subject="Your parcel", body="Dear"))
    publish(Suggestion(call_id, 4, 8.0, suggestion_id=ARTICLE, kind="article", title="Late"))
    publish(Suggestion(call_id, 5, 9.0, suggestion_id=STEP, kind="next_step", text="Check"))
    publish(Alert(call_id, TAKE_OVER_SEQ, 20.0, level="take_over", reason="take over", **alert))


def server_config(tmp_path, tokens: TokenFile) -> Config:
    config = Config(stages=())  # the events are published here; no stage needed
    config.serve.audiosocket_customer_port = -1
    config.serve.audiosocket_agent_port = -1
    config.store.path = str(tmp_path / "events.sqlite3")
    config.auth.tokens_file = str(tokens.path)
    return config


async def watching(port: int, token: str, call_id: str = CALL, after_seq: int = 0) -> Watcher:
    """A sidebar subscribed to the call, once it has what it asked for (up to the take-over)."""
    watcher = await Watcher.open(port, token)
    await watcher.until(lambda m: m["type"] == "calls")
    await watcher.send({"type": "subscribe", "call_id": call_id, "after_seq": after_seq})
    await watcher.until(lambda m: m.get("type") == "subscribed")
    if after_seq < TAKE_OVER_SEQ:
        await watcher.until(lambda m: m.get("seq") == TAKE_OVER_SEQ)
    return watcher


async def decide(watcher: Watcher, target: str, target_id, action: str, text: str = "") -> dict:
    """One answer on the call; the server's ack or error."""
    ref = f"{target}-{target_id}-{action}"
    request = {"type": "feedback", "call_id": CALL, "target": target, "target_id": target_id}
    await watcher.send({**request, "action": action, "text": text, "ref": ref})
    return await watcher.until(lambda m: m.get("ref") == ref)


def decided(messages: list[dict]) -> dict[tuple[str, str], tuple[str, str]]:
    """(target, target_id) -> (action, text) from the `decisions` messages, latest last."""
    found = {}
    for message in messages:
        for d in message.get("decisions", []) if message["type"] == "decisions" else []:
            found[d["target"], d["target_id"]] = (d["action"], d.get("text", ""))
    return found


def before_the_replay(watcher: Watcher) -> list[dict]:
    """The `decisions` a subscription got ahead of its `subscribed`."""
    types = [m["type"] for m in watcher.messages]
    return [m for m in watcher.messages[: types.index("subscribed")] if m["type"] == "decisions"]


AGENT_DECIDED = {
    ("alert", str(ESCALATE_SEQ)): ("accept", ""),
    ("suggestion", ARTICLE): ("accept", ""),
    ("suggestion", STEP): ("dismiss", ""),
    ("draft", DRAFT): ("send", EDITED),  # the send without text keeps the edit's
}


def test_what_the_agent_decided_comes_back_on_reconnect_in_another_tab_and_after_a_restart(
    tiny_en, tmp_path
):
    tokens = TokenFile(tmp_path / "tokens.json")
    agent = tokens.add("agent", "agent-7")
    supervisor = tokens.add("supervisor", name="sup-1")
    config = server_config(tmp_path, tokens)

    async def scenario():
        async with server_for(tiny_en, config) as (server, _events):
            publish_call(server)
            tab = await watching(server.ws_port, agent)
            other_tab = await watching(server.ws_port, agent)
            acks = [
                await decide(tab, "alert", ESCALATE_SEQ, "accept"),
                await decide(tab, "suggestion", ARTICLE, "accept"),
                await decide(tab, "suggestion", STEP, "dismiss"),
                await decide(tab, "draft", DRAFT, "edit", EDITED),
            ]
            server.live.sink_for(CALL)(CallEnded(CALL, 7, 30.0, duration=30.0))
            acks.append(await decide(tab, "draft", DRAFT, "send"))
            refused = await decide(tab, "take_over", TAKE_OVER_SEQ, "accept")
            live = []
            while len(live) < 5:
                live.append(await other_tab.until(lambda m: m["type"] == "decisions", timeout=10))
            await tab.ws.close()
            reloaded = await watching(server.ws_port, agent)  # a reload: from seq 0
            reconnected = await watching(server.ws_port, agent, after_seq=TAKE_OVER_SEQ)
            watched = await watching(server.ws_port, supervisor)
            for watcher in (other_tab, reloaded, reconnected, watched):
                await watcher.ws.close()
        async with server_for(tiny_en, config) as (server, _events):  # a restart
            restarted = await watching(server.ws_port, agent)
            await restarted.ws.close()
        return acks, refused, live, [reloaded, reconnected, watched, restarted]

    acks, refused, live, later = asyncio.run(scenario())
    assert [a["type"] for a in acks] == ["feedback.ack"] * 5
    assert refused["type"] == "error" and refused["code"] == "bad_target"
    # The other tab saw each answer as it was given, one message each, text only on the draft.
    assert len(live) == 5 and all(len(m["decisions"]) == 1 for m in live)
    assert decided(live) == AGENT_DECIDED
    for watcher in later:
        assert decided(before_the_replay(watcher)) == AGENT_DECIDED


def test_a_supervisors_take_over_acknowledgement_is_theirs_alone(tiny_en, tmp_path):
    tokens = TokenFile(tmp_path / "tokens.json")
    agent = tokens.add("agent", "agent-7")
    first, second = tokens.add("supervisor", name="sup-1"), tokens.add("supervisor", name="sup-2")
    config = server_config(tmp_path, tokens)

    async def scenario():
        async with server_for(tiny_en, config) as (server, _events):
            publish_call(server)
            agent_live = await watching(server.ws_port, agent)
            sup = await Watcher.open(server.ws_port, first)
            await sup.until(lambda m: m["type"] == "calls")
            answers = {
                "not a take-over": await decide(sup, "take_over", ESCALATE_SEQ, "accept"),
                "dismissed": await decide(sup, "take_over", TAKE_OVER_SEQ, "dismiss"),
                "the agent's alert": await decide(sup, "alert", TAKE_OVER_SEQ, "accept"),
                "acknowledged": await decide(sup, "take_over", TAKE_OVER_SEQ, "accept"),
            }
            other_tab = await Watcher.open(server.ws_port, first)  # sup-1's list, again
            await other_tab.until(lambda m: m["type"] == "decisions")
            other_sup = await Watcher.open(server.ws_port, second)
            await other_sup.until(lambda m: m["type"] == "calls")
            agent_view = await watching(server.ws_port, agent)
            for watcher in (other_sup, agent_live):  # nothing came before the pong
                await watcher.send({"type": "ping", "ref": "after"})
                await watcher.until(lambda m: m["type"] == "pong")
            for watcher in (sup, other_tab, other_sup, agent_view, agent_live):
                await watcher.ws.close()
        return answers, other_tab, [other_sup, agent_view, agent_live]

    answers, other_tab, not_theirs = asyncio.run(scenario())
    assert {k: a.get("code", a["type"]) for k, a in answers.items()} == {
        "not a take-over": "unknown_target",
        "dismissed": "bad_action",
        "the agent's alert": "read_only",
        "acknowledged": "feedback.ack",
    }
    # The list comes first, then this supervisor's acknowledgements of its take-overs.
    types = [m["type"] for m in other_tab.messages]
    assert types[types.index("calls") + 1] == "decisions"
    assert decided(other_tab.messages) == {("take_over", str(TAKE_OVER_SEQ)): ("accept", "")}
    # Another supervisor's banner and the agent's alert (live or on a new subscription) stay open.
    assert [decided(watcher.messages) for watcher in not_theirs] == [{}, {}, {}]


def test_decisions_reach_the_other_worker_and_leave_the_relay_with_the_call(tiny_en, tmp_path):
    pytest.importorskip("redis")
    tokens = TokenFile(tmp_path / "tokens.json")
    agent = tokens.add("agent", "agent-7")
    supervisor = tokens.add("supervisor", name="sup-1")

    async def scenario(url):
        stores = [str(tmp_path / f"w{n}.db") for n in (1, 2)]
        async with (
            running_server(tiny_en, stores[0], str(tokens.path), (), relay_url=url) as (one, _),
            running_server(tiny_en, stores[1], str(tokens.path), (), relay_url=url) as (two, _),
        ):
            publish_call(one)  # the call runs on worker 1
            async with asyncio.timeout(30):
                while two.store.last_seq(CALL) < TAKE_OVER_SEQ:  # relayed to worker 2
                    await asyncio.sleep(0.02)
            on_one = await watching(one.ws_port, agent)
            on_two = await watching(two.ws_port, agent)
            await decide(on_two, "alert", ESCALATE_SEQ, "accept")
            await decide(on_two, "suggestion", ARTICLE, "accept")
            await decide(on_two, "suggestion", STEP, "dismiss")
            sup_two = await Watcher.open(two.ws_port, supervisor)
            await decide(sup_two, "take_over", TAKE_OVER_SEQ, "accept")
            async with asyncio.timeout(10):
                while len(decided(on_one.messages)) < 3:  # live, through the relay
                    await on_one.until(lambda m: m["type"] == "decisions")
                while len(one.store.feedback_for(CALL)) < 4:  # stored in worker 1's own file
                    await asyncio.sleep(0.02)
            reloaded_on_one = await watching(one.ws_port, agent)
            sup_one = await Watcher.open(one.ws_port, supervisor)
            await sup_one.until(lambda m: m["type"] == "decisions")
            for watcher in (on_one, on_two, sup_two, reloaded_on_one, sup_one):
                await watcher.ws.close()
            await one.relay.flush()
            await two.relay.flush()
            return on_one, reloaded_on_one, sup_one, one.config.relay

    with redis_server(tmp_path) as url:
        on_one, reloaded_on_one, sup_one, relay = asyncio.run(scenario(url))
        in_stream = count_in_stream(relay, {CALL})
        removed = erase_from_stream(relay, {CALL})
        left = count_in_stream(relay, {CALL})
    three = {k: v for k, v in AGENT_DECIDED.items() if k[0] != "draft"}
    assert decided(on_one.messages) == three
    assert decided(before_the_replay(reloaded_on_one)) == three
    assert decided(sup_one.messages) == {("take_over", str(TAKE_OVER_SEQ)): ("accept", "")}
    # The call's 6 events and its 4 decisions were in the stream; the erasure took them all.
    assert in_stream == removed == 10 and left == 0
