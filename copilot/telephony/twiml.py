"""Where a Twilio call goes after the voicebot: the TwiML answer to `<Connect action=…>`.

A bidirectional `<Connect><Stream>` holds the call for as long as the stream's
websocket is open. Once the bot's goodbye or hand-over prompt has played, copilot
closes that websocket; Twilio then requests the `<Connect>` verb's `action` URL
and runs the TwiML it gets back. Sans-I/O: the HTTP route (http_routes.py) hands
this module the request's query string and the call's stored events.

The request carries Twilio's standard voice parameters (`CallSid`, `AccountSid`,
`From`, `To`, `CallStatus`, …). They must come in the query string, i.e.
`<Connect action="…" method="GET">`: the server's one port speaks websockets'
HTTP, which takes no request body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs
from xml.sax.saxutils import escape

NEXT_PATH = "/twilio/next"
ENQUEUE, HANGUP = "enqueue", "hangup"
MAX_QUEUE_CHARS = 64  # Twilio's limit on an <Enqueue> queue name
MAX_FIELDS = 64  # Twilio sends about twenty; more is not Twilio
# Twilio's own CallSids are "CA" + 32 hex digits; simulators and tests use other ids, so
# any short id of safe characters is looked up (an unknown one just gets the default queue).
_CALL_SID = re.compile(r"[A-Za-z0-9_.:-]{1,64}")


class NextRequestError(ValueError):
    """A `<Connect action>` request that is not Twilio's: the message says what is wrong."""


@dataclass(frozen=True)
class NextStep:
    """Where Twilio sends the call once the bot's stream closes: a queue, or hang up."""

    verb: str  # ENQUEUE or HANGUP
    queue: str = ""
    why: str = ""  # for the log: what decided it

    def twiml(self) -> str:
        """The TwiML document that answers the `<Connect action>` request."""
        body = "<Hangup/>" if self.verb == HANGUP else f"<Enqueue>{escape(self.queue)}</Enqueue>"
        return f'<?xml version="1.0" encoding="UTF-8"?>\n<Response>{body}</Response>\n'


def call_sid_of(query: str) -> str:
    """The `CallSid` of a `<Connect action>` request's query string."""
    try:
        fields = parse_qs(
            query, keep_blank_values=True, strict_parsing=bool(query), max_num_fields=MAX_FIELDS
        )
    except ValueError as exc:
        raise NextRequestError(f"unreadable query string: {exc}") from None
    given = fields.get("CallSid", [])
    if not given:
        raise NextRequestError('CallSid missing (use <Connect action=… method="GET">)')
    if len(given) > 1:
        raise NextRequestError("CallSid given more than once")
    if not _CALL_SID.fullmatch(given[0]):
        raise NextRequestError("CallSid is not a call id (1-64 letters, digits, _ . : -)")
    return given[0]


def next_step(events: Iterable[dict[str, Any]], default_queue: str) -> NextStep:
    """The call's way on, from its stored `handoff` and `bot.say` events in order.

    A hand-over card wins (its queue); a goodbye (`then: hangup`) hangs up;
    anything else (the stream dropped mid-conversation, a call no worker has on
    record) goes to a person in `default_queue`, the safe side.
    """
    card: dict[str, Any] | None = None
    last_say: dict[str, Any] | None = None
    for event in events:
        if event.get("type") == "handoff":
            card = event
        elif event.get("type") == "bot.say":
            last_say = event
    if card is not None:
        queue = str(card.get("queue") or "")
        if 0 < len(queue) <= MAX_QUEUE_CHARS:
            return NextStep(ENQUEUE, queue, f"the bot handed over ({card.get('reason', '')})")
        return NextStep(ENQUEUE, default_queue, f"hand-over to an unusable queue {queue[:80]!r}")
    if last_say is not None and last_say.get("then") == HANGUP:
        return NextStep(HANGUP, why="the bot said goodbye")
    return NextStep(ENQUEUE, default_queue, "no hand-over or goodbye on record")
