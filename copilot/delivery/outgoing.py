"""What one delivery carries, and how a try of it fails.

A sender (`mail.SmtpSender`, `webhook.WebhookSender`) takes an `OutgoingDraft` and
either returns (delivered) or raises `DeliveryFailed` with a reason code from
`events.feedback.DELIVERY_REASONS` and whether another try may help. Neither puts
the text, the address or a server's words (which may quote the address) in the
exception: its message is the code alone, so a log line can never leak them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class OutgoingDraft:
    """One sent draft on its way to the customer: the text as the agent left it."""

    delivery_id: str  # unique per `send`; the same on every try (a webhook's idempotency key)
    call_id: str
    suggestion_id: str
    recipient: str  # the customer's address; "" when unknown (a webhook may resolve it)
    subject: str
    text: str = field(repr=False)  # never in a repr: a traceback must not show it
    language: str = ""
    intent: str = ""
    agent_id: str = ""


class DeliveryFailed(Exception):
    """A try did not deliver: `code` says why, `temporary` whether another try may help."""

    def __init__(self, code: str, temporary: bool = False) -> None:
        super().__init__(code)
        self.code = code
        self.temporary = temporary


class Sender(Protocol):
    """A blocking way out (run in a thread): returns once delivered, else raises DeliveryFailed."""

    via: str  # smtp / webhook: the event's `via`

    def send(self, draft: OutgoingDraft, timeout_s: float) -> None:
        """Deliver `draft` within about `timeout_s` seconds, or raise DeliveryFailed."""
        ...
