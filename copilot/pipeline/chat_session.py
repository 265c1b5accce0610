"""The live shell of one `/chat` conversation: text turns through the call's stages.

The conversation itself is the assist package's sans-I/O `ChatConversation` (each
turn a `transcript.final`, the same stages and seq stamping as a call); this
shell only hands its events to the server's sink and offers the session
interface the server uses for calls (start, report_error, end).
"""

from __future__ import annotations

import logging
from typing import Any

from copilot.events.core import ErrorEvent, Event
from copilot.events.log_names import call_ref
from copilot.pipeline.call_session import EventSink
from copilot.pipeline.chat import ChatConversation
from copilot.pipeline.stage_chain import Stage

log = logging.getLogger(__name__)


class ChatSession:
    """A live `/chat` conversation: the shell around `ChatConversation`, like `CallSession`."""

    def __init__(
        self,
        call_id: str,
        sink: EventSink,
        language: str,
        metadata: dict[str, Any] | None = None,
        stages: tuple[Stage, ...] = (),
    ) -> None:
        self.conversation = ChatConversation(call_id, stages, metadata, language)
        self.call_id = call_id
        self.sink = sink
        self.speech_end_wall: dict[str, float] = {}  # no speech, so no transcript latency

    def start(self) -> None:
        """Open the chat: publish `call.started`."""
        self._publish(self.conversation.start())

    def turn(self, speaker: str, text: str, t: float | None) -> None:
        """Publish one message as a final transcript, with what the stages make of it."""
        self._publish(self.conversation.turn(speaker, text, t=t))

    def report_error(self, code: str, message: str) -> None:
        """Put an error on this chat's event stream (e.g. a malformed message)."""
        error = ErrorEvent(self.call_id, 0, self.conversation.t, code=code, message=message)
        self._publish(self.conversation.emit(error))

    async def end(self, reason: str = "end") -> None:
        """End the chat: publish what the stages still hold, then `call.ended`."""
        self._publish(self.conversation.close(reason))

    def _publish(self, events: list[Event]) -> None:
        for event in events:
            try:
                self.sink(event)
            except Exception:  # a broken sink must not end the chat
                log.exception("event sink failed for chat %s", call_ref(self.call_id))
