"""The default record of `copilot serve`: operations, never conversation content.

`CallActivityLog` logs one INFO line (logger `copilot.serve.calls`) when a call starts and
one when it ends: the call by its keyed pseudonym (a call id leads to the caller, see
events/log_names.py), source, duration, event count and end reason. Transcripts, names and
metadata values stay in the store, where redaction, retention and erasure reach them; under
systemd stderr goes to the journal, which they do not reach. The full event stream is
opt-in, to a file only (serve/event_log.py).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from copilot.events.core import CallEnded, CallStarted, Event
from copilot.events.log_names import call_ref

CALLS_LOGGER = "copilot.serve.calls"
calls_log = logging.getLogger(CALLS_LOGGER)
_CODE_WORD = re.compile(r"[\w.:-]{1,40}", re.ASCII)

EventSink = Callable[[Event], None]


@dataclass
class _CallTally:
    source: str = ""
    events: int = 0


class CallActivityLog:
    """The default record of `copilot serve`: a line when a call starts and when it ends.

    Nothing anyone said and no metadata value: under systemd, stderr goes to the journal,
    which retention and erasure do not reach.
    """

    def __init__(self) -> None:
        self._calls: dict[str, _CallTally] = {}

    def __call__(self, event: Event) -> None:
        """The sink: count each call's events; log one line at its start and one at its end."""
        tally = self._calls.get(event.call_id)
        if tally is None and not isinstance(event, CallStarted | CallEnded):
            return  # after the call's end (a sent draft's delivery): nothing left to tally
        tally = tally or self._calls.setdefault(event.call_id, _CallTally())
        tally.events += 1
        if isinstance(event, CallStarted):
            tally.source = event.source
            legs = ",".join(_code_word(leg) for leg in event.legs)
            calls_log.info(
                "call %s started: source=%s legs=%s",
                call_ref(event.call_id),
                _code_word(event.source),
                legs,
            )
        elif isinstance(event, CallEnded):
            del self._calls[event.call_id]
            calls_log.info(
                "call %s ended: source=%s duration=%.1fs events=%d reason=%s",
                call_ref(event.call_id),
                _code_word(tally.source),
                event.duration,
                tally.events,
                _code_word(event.reason),
            )


def _code_word(value: str) -> str:
    """`value` if it is a short code word, else `other`: a close reason comes from the peer,
    and free text must not reach the log."""
    if not value:
        return "-"
    return value if _CODE_WORD.fullmatch(value) else "other"


def event_outputs(*sinks: EventSink | None) -> EventSink:
    """One sink that hands each event to every given sink (None: left out), in order."""
    chosen = [sink for sink in sinks if sink is not None]

    def each(event: Event) -> None:
        for sink in chosen:
            sink(event)

    return each
