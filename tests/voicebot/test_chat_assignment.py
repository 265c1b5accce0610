"""The chat bot assigns a handed-over chat to its team's agent (`[chat] team_agents`).

Sans-I/O: the stage alone, driven through the pipeline's `StageChain` (`run_stage`), no
models. Without assist the hand-over goes to `[voicebot] default_queue`.
"""

from __future__ import annotations

import pytest

from copilot.audio.format import AGENT, CUSTOMER
from copilot.config import Config, ConfigError, set_key
from copilot.events.codec import event_from_json
from copilot.events.core import CallAssigned, CallStarted
from copilot.events.voicebot import Handoff
from copilot.voicebot.chat_bot import ChatBotStage
from copilot.voicebot.settings import ChatBotConfig, VoicebotConfig
from tests.stages import final, run_stage

OFFICE_HOURS = {"started_at": "2025-03-04T10:00:00+01:00"}  # a Tuesday morning


def chat_events(team_agents: tuple[str, ...], asks: str) -> list:
    stage = ChatBotStage(chat=ChatBotConfig(bot=True, team_agents=team_agents), language="en")
    start = CallStarted("", 0, 0.0, source="chat", legs=(AGENT, CUSTOMER), metadata=OFFICE_HOURS)
    return run_stage(stage, [start, final(asks, speaker=CUSTOMER, t=2.0)], call_id="C1")


@pytest.mark.parametrize(
    "asks", ["I want to speak to a real person.", "Ik wil een medewerker spreken."]
)
def test_a_chat_handed_over_to_a_mapped_team_is_assigned_right_after_the_card(asks):
    queue = VoicebotConfig().default_queue
    events = chat_events(("billing=agent-bill", f"{queue}=agent-team"), asks)
    types = [e.type for e in events]
    at = types.index("handoff")
    assert types[at + 1] == "call.assigned"
    card, assigned = events[at], events[at + 1]
    assert isinstance(card, Handoff) and card.queue == queue
    assert isinstance(assigned, CallAssigned)
    assert (assigned.agent_id, assigned.team) == ("agent-team", queue)
    assert (assigned.call_id, assigned.seq) == ("C1", card.seq + 1)
    assert types.count("call.assigned") == 1
    assert event_from_json(assigned.to_json()) == assigned  # the codec reads it back


@pytest.mark.parametrize("team_agents", [(), ("billing=agent-bill",)])
def test_a_team_not_mapped_leaves_the_chat_with_its_agent(team_agents):
    events = chat_events(team_agents, "I want to speak to a real person.")
    assert "handoff" in [e.type for e in events]
    assert not [e for e in events if isinstance(e, CallAssigned)]


def test_no_hand_over_no_assignment():
    events = chat_events((f"{VoicebotConfig().default_queue}=agent-team",), "Hello there.")
    assert "handoff" not in [e.type for e in events]
    assert not [e for e in events if isinstance(e, CallAssigned)]


def test_team_agents_is_read_from_config_and_checked():
    config = Config()
    set_key(config, "chat.team_agents", "team_leads=agent-7, billing=agent.bill@desk")
    assert config.chat.agent_for("team_leads") == "agent-7"
    assert config.chat.agent_for("billing") == "agent.bill@desk"
    assert config.chat.agent_for("complaints") == ""
    for bad in ("team_leads", "team_leads=", "=agent-7", "a=b=c"):
        with pytest.raises(ConfigError):
            set_key(config, "chat.team_agents", bad)
