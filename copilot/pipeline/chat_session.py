"""The live shell of one chat conversation: text turns through the call's stages, replies out.

The conversation itself is the sans-I/O `ChatConversation` (each turn a
`transcript.final`, the same stages and seq stamping as a call); this shell hands
its events to the server's sink, offers the session interface the server uses for
calls (start, report_error, end), and says which lines go to the chat's customer:
every line the bot says, and the agent replies copilot was asked to send
(`reply`, from a sidebar). Lines the chat client sent itself (`turn`) never go back.
Each `ChatReply` is handed on only after its event has been through the sink, so
a reply is stored before the customer can read it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from copilot.audio.format import AGENT
from copilot.events.core import ErrorEvent, Event, TranscriptFinal
from copilot.events.log_names import call_ref
from copilot.events.voicebot import BOT, BotSay
from copilot.pipeline.call_session import EventSink
from copilot.pipeline.chat import ChatConversation
from copilot.pipeline.stage_chain import Stage

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChatReply:
    """A line copilot sends to the chat's customer: the bot's, or an agent's from the sidebar."""

    call_id: str
    speaker: str  # "bot" or "agent"
    text: str
    utterance_id: str  # the stored `transcript.final` this line is
    suggestion_id: str = ""  # the bot's answer it came from, when it was one


ReplySink = Callable[[ChatReply], None]


class ChatSession:
    """A live chat conversation: the shell around `ChatConversation`, like `CallSession`.

    `replies` gets every `ChatReply` for the customer (the server hands it to the
    chat's socket); without one, nothing is sent anywhere.
    """

    def __init__(
        self,
        call_id: str,
        sink: EventSink,
        language: str,
        metadata: dict[str, Any] | None = None,
        stages: tuple[Stage, ...] = (),
        replies: ReplySink | None = None,
    ) -> None:
        self.conversation = ChatConversation(call_id, stages, metadata, language)
        self.call_id = call_id
        self.sink = sink
        self.replies = replies
        self.speech_end_wall: dict[str, float] = {}  # no speech, so no transcript latency

    @property
    def closed(self) -> bool:
        """The chat has ended: no more turns or replies."""
        return self.conversation.closed

    def start(self) -> None:
        """Open the chat: publish `call.started` (and the bot's greeting, if a bot answers)."""
        self._publish(self.conversation.start())

    def turn(self, speaker: str, text: str, t: float | None) -> None:
        """A message the chat client sent: its final transcript, and what the stages make of it."""
        self._publish(self.conversation.turn(speaker, text, t=t))

    def reply(self, text: str) -> TranscriptFinal:
        """An agent's reply copilot sends to the customer; returns its stored final."""
        events = self.conversation.turn(AGENT, text)
        final = events[0]  # the chain returns the turn's own event first
        assert isinstance(final, TranscriptFinal)
        self._publish(events, final)
        return final

    def report_error(self, code: str, message: str) -> None:
        """Put an error on this chat's event stream (e.g. a malformed message)."""
        error = ErrorEvent(self.call_id, 0, self.conversation.t, code=code, message=message)
        self._publish(self.conversation.emit(error))

    async def end(self, reason: str = "end") -> None:
        """End the chat: publish what the stages still hold, then `call.ended`."""
        self._publish(self.conversation.close(reason))

    def _publish(self, events: list[Event], agent_reply: TranscriptFinal | None = None) -> None:
        said = ""  # the answer card of the bot's last `bot.say`: its line comes right after
        for event in events:
            try:
                self.sink(event)
            except Exception:  # a broken sink must not end the chat
                log.exception("event sink failed for chat %s", call_ref(self.call_id))
            if isinstance(event, BotSay):
                said = event.suggestion_id
            elif isinstance(event, TranscriptFinal) and event.speaker == BOT:
                self._send(event, said)
            elif event is agent_reply:
                self._send(agent_reply, "")

    def _send(self, final: TranscriptFinal, suggestion_id: str) -> None:
        if self.replies is None:
            return
        reply = ChatReply(
            self.call_id, final.speaker, final.text, final.utterance_id, suggestion_id
        )
        try:
            self.replies(reply)
        except Exception:  # a socket's trouble must not stop the conversation
            log.exception("chat reply failed for chat %s", call_ref(self.call_id))
