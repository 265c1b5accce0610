"""An agent's answer to what copilot suggested: accept, edit, dismiss or send; and what
became of a sent draft.

The sidebar sends `Feedback`, the store keeps it, and the assist learner learns from it;
all three use this one type. `target_id` names the card: a suggestion's or
draft's `suggestion_id`, or an alert's seq (also for a supervisor's `take_over` acknowledgement). `DraftDelivery` is the event on the
call's stream that says whether a sent draft reached the customer.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import ClassVar

from copilot.events.core import Event

# `take_over`: a supervisor acknowledges a take-over alert (target_id its seq; `accept` only).
TARGETS = ("suggestion", "draft", "alert", "take_over")
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


# Why a sent draft did not reach the customer (`draft.delivery` `reason`); the sidebar words
# each one. A webhook's answer is `webhook_status_<HTTP status>`, e.g. `webhook_status_500`.
DELIVERY_REASONS = (
    "not_configured",  # no [delivery] mode: the draft is only marked sent
    "no_recipient",  # the call's metadata holds no usable e-mail address
    "already_delivered",  # this draft went out before: never twice
    "busy",  # too many deliveries under way
    "smtp_unreachable",  # no connection to the mail server (refused, lost, no such host)
    "smtp_timeout",
    "smtp_tls",  # TLS failed: no STARTTLS offered, or a certificate not trusted
    "smtp_auth",  # the mail server refused the credentials, or offers no AUTH
    "smtp_rejected",  # the mail server refused the sender, the recipient or the message
    "smtp_error",
    "webhook_status",  # written with the status: webhook_status_500
    "webhook_unreachable",
    "webhook_timeout",
    "webhook_tls",
    "webhook_error",
)


@dataclass(frozen=True)
class DraftDelivery(Event):
    """What became of a draft the agent sent: delivered to the customer, or why not.

    Comes after the agent's `send` (and its `feedback.ack`), once the mail server or
    webhook answered; carries no text or address, only codes.
    """

    # The draft's `suggestion_id`, under another name: this event is not an update of the
    # draft's card, and finding a card by its suggestion id must never find it.
    draft_id: str = ""
    channel: str = "email"  # the draft's channel
    via: str = ""  # smtp / webhook; "" when nothing was tried (not configured, no recipient)
    delivered: bool = False
    reason: str = ""  # "" when delivered, else one of DELIVERY_REASONS (webhook_status_<code>)
    attempts: int = 0  # connections tried (temporary failures are tried again)
    feedback_id: int = 0  # the stored `send` it answers
    type: ClassVar[str] = "draft.delivery"

    def describe(self) -> str:
        """The terminal line: delivered by which way, or the reason it was not."""
        outcome = f"delivered via {self.via}" if self.delivered else f"not delivered: {self.reason}"
        return f"{'':>28}> draft {self.channel} {outcome}"
