"""A web chat the bot hands over goes to the routed team's agent, on a real loopback server.

Real websockets (`/webchat/socket` for the customer, `/events` for two agents), a real
SQLite store file, the real chat bot with assist. `[chat] team_agents` names `agent-team`
for the team a request for a person routes to: after the hand-over that agent's list
gets the chat, they may follow it and reply, and the desk agent of the chat's start
(`[webchat] agent_id`) may not reply any more.
"""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path

import pytest

from copilot.serve.auth import TokenFile
from copilot.voicebot.settings import WEEKDAYS
from tests.serve.server_harness import server_for
from tests.serve.test_live_server import Watcher
from tests.serve.test_webchat_server import Customer, webchat_config

PERSON_TEAM = "team_leads"  # where a request for a person is routed (the domain's request_human)


@pytest.fixture()
def tokens(tmp_path: Path):
    file = TokenFile(tmp_path / "tokens.json")
    return file, {"desk": file.add("agent", "agent-desk"), "team": file.add("agent", "agent-team")}


def is_summary_of(call_id: str, agent_id: str):
    """A pushed summary of the call ("": any call) that belongs to `agent_id`."""
    return lambda m: (
        m["type"] == "call.summary"
        and call_id in ("", m["call"]["call_id"])
        and m["call"]["agent_id"] == agent_id
    )


def answer_to(ref: str):
    return lambda m: m.get("ref") == ref and m["type"] in ("chat.reply.ack", "error")


@pytest.mark.parametrize(
    ("language", "person", "reply"),
    [
        ("en", "I want to speak to a real person.", "I will look into it for you."),
        ("nl", "Ik wil graag een medewerker spreken.", "Ik zoek het direct voor u uit."),
    ],
)
def test_a_handed_over_web_chat_goes_to_the_routed_teams_agent(
    tiny_en, tokens, tmp_path, language, person, reply
):
    token_file, t = tokens
    config = webchat_config(str(token_file.path), agent_id="agent-desk")
    config.stages = ("affect", "assist")
    config.store.path = str(tmp_path / "copilot.db")
    # Open around the clock: a web chat's business hours are the server's clock, and outside
    # them every hand-over goes to the after-hours queue.
    config.voicebot = dataclasses.replace(
        config.voicebot, business_days=WEEKDAYS, business_hours="00:00-24:00"
    )
    config.chat = dataclasses.replace(
        config.chat, bot=True, team_agents=(f"{PERSON_TEAM}=agent-team",)
    )

    async def scenario():
        async with server_for(tiny_en, config) as (server, log):
            port = server.ws_port
            desk, team = [await Watcher.open(port, t[k]) for k in ("desk", "team")]
            for watcher in (desk, team):
                await watcher.until(lambda m: m["type"] == "calls")
            tab = await Customer.open(port)
            await tab.start(language)
            opened = await desk.until(is_summary_of("", "agent-desk"), timeout=10.0)
            call_id = opened["call"]["call_id"]
            owner_before = server.store.call(call_id).agent_id
            await team.send({"type": "calls"})
            team_list_before = await team.until(lambda m: m["type"] == "calls")
            await tab.send({"type": "message", "text": person, "ref": "m1"})
            await tab.until("received", timeout=60.0)  # the first chat may load the models
            assigned = await log.wait_for(call_id, "call.assigned", timeout=30.0)
            pushed = await team.until(is_summary_of(call_id, "agent-team"), timeout=10.0)
            await team.send({"type": "calls"})
            team_list = await team.until(lambda m: m["type"] == "calls")
            await team.send({"type": "subscribe", "call_id": call_id, "after_seq": 0})
            await team.until(lambda m: m.get("type") == "call.assigned", timeout=10.0)
            await team.send({"type": "chat.reply", "call_id": call_id, "text": reply, "ref": "t1"})
            team_ack = await team.until(answer_to("t1"), timeout=10.0)
            customer_got = await tab.until("reply")
            while customer_got.get("speaker") != "agent":
                customer_got = await tab.until("reply")
            await desk.send({"type": "chat.reply", "call_id": call_id, "text": "Hoi", "ref": "d1"})
            desk_answer = await desk.until(answer_to("d1"), timeout=10.0)
            owner_after = server.store.call(call_id).agent_id
            await tab.ws.close()
            await desk.ws.close()
            await team.ws.close()
            return locals()

    seen = asyncio.run(scenario())
    log, call_id, assigned = seen["log"], seen["call_id"], seen["assigned"]
    handoff = log.of(call_id, "handoff")[0]
    assert handoff.queue == PERSON_TEAM
    assert (assigned.agent_id, assigned.team) == ("agent-team", PERSON_TEAM)
    assert assigned.seq == handoff.seq + 1  # right after the hand-over card
    assert seen["owner_before"] == "agent-desk" and seen["owner_after"] == "agent-team"
    assert call_id not in [c["call_id"] for c in seen["team_list_before"]["calls"]]
    assert seen["pushed"]["call"]["agent_id"] == "agent-team"
    assert call_id in [c["call_id"] for c in seen["team_list"]["calls"]]
    assert seen["team_ack"]["type"] == "chat.reply.ack" and seen["team_ack"]["call_id"] == call_id
    assert seen["customer_got"]["text"] == reply
    assert seen["desk_answer"]["type"] == "error" and seen["desk_answer"]["code"] == "unknown_call"
    agent_lines = [e.text for e in log.of(call_id, "transcript.final") if e.speaker == "agent"]
    assert agent_lines == [reply]  # the desk agent's refused reply was never stored
