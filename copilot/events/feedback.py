"""An agent's answer to what copilot suggested: accept, edit, dismiss or send.

The sidebar sends it, the store keeps it, and the assist learner learns from it;
all three use this one type. `target_id` names the card: a suggestion's or
draft's `suggestion_id`, or an alert's seq.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

TARGETS = ("suggestion", "draft", "alert")
ACTIONS = ("accept", "edit", "dismiss", "send")


@dataclass(frozen=True)
class Feedback:
    """One agent action on a card, as the sidebar sends it and the store and learner keep it."""

    call_id: str
    target: str  # one of TARGETS
    target_id: str
    action: str  # one of ACTIONS
    text: str = ""  # the agent's text (edit / send), or the right intent for an intent card
    agent_id: str = ""
    at: float = field(default_factory=time.time)  # unix time
