"""The live calls of one server, whatever transport brought them in: what the ingest shells share.

The websocket shell (`websocket_ingest`) and the AudioSocket TCP shell (`audiosocket`)
open, find and end calls here; neither sees the rest of the server. Opening a call
registers its observers, in the one place they are registered (`CallHost.open_call`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from copilot.events.core import Event
from copilot.pipeline.call_session import CallSession, EventSink
from copilot.pipeline.chat_session import ChatReply, ChatSession, ReplySink
from copilot.runtime import Runtime, pipeline_config
from copilot.serve.auth import assigned_agent_id
from copilot.serve.bot_calls import BotCalls, CloseStream
from copilot.serve.call_observers import CallObserver, EventsToSink, TranscriptLatency
from copilot.serve.metrics import Histogram
from copilot.serve.platforms import Platform
from copilot.telephony.common import CallOpened
from copilot.voicebot.player import Send

Session = CallSession | ChatSession
LANGUAGES = ("en", "nl", "auto")


@dataclass(frozen=True)
class CallSocket:
    """How to reach a call's peer: send on its socket, and close it cleanly (None: cannot)."""

    send: Send | None = None
    close: CloseStream | None = None


class LiveCall:
    """One live call: its session, and its observers in the order they see each event."""

    def __init__(self, session: Session, observers: list[CallObserver]) -> None:
        self.session = session
        self.observers = observers

    @property
    def call_id(self) -> str:
        """The session's call id."""
        return self.session.call_id

    def on_mark(self, name: str) -> None:
        """The peer played our audio up to mark `name`."""
        for observer in self.observers:
            observer.on_mark(name)

    async def ended(self) -> None:
        """The call has ended: each observer, in order, lets go of what it held."""
        for observer in self.observers:
            await observer.call_ended()


class CallHost:
    """Opens, finds and ends this server's live calls (`calls`, by call id).

    `sink_for(call_id)` is where a new call's events are stored and fanned out
    (`LiveEvents.sink_for`); `latency` is the transcript latency histogram.
    """

    def __init__(
        self,
        runtime: Runtime,
        sink_for: Callable[[str], EventSink],
        bots: BotCalls,
        latency: Histogram,
    ) -> None:
        self.config = runtime.config
        self.service = runtime.service
        self.stages = runtime.stages
        self.sink_for = sink_for
        self.bots = bots
        self.latency = latency
        self.calls: dict[str, LiveCall] = {}

    def call(self, call_id: str) -> LiveCall | None:
        """The live call with this id, or None."""
        return self.calls.get(call_id)

    def open_call(
        self,
        opened: CallOpened,
        platform: Platform,
        default_agent: str = "",
        socket: CallSocket = CallSocket(),
        observers: Sequence[CallObserver] = (),
    ) -> LiveCall | None:
        """Start the call `opened` names; None if a call with its id is live already.

        `observers` are the transport's own (an outbox); the call's source is its
        platform's name.
        """
        if opened.call_id in self.calls:
            return None
        metadata = dict(opened.metadata)
        metadata["agent_id"] = assigned_agent_id(metadata, default_agent)
        # The voice first: the greeting is said in `call.started`'s turn.
        voice = self.bots.open(opened.call_id, platform.voice(metadata), socket.send, socket.close)
        # The session's sink reads this list, filled once the session exists (the latency
        # clock reads the session's speech-end times) and before its first event.
        watchers: list[CallObserver] = []
        session = self._session(opened, platform, metadata, watchers)
        watchers += [
            # The clock stops when the final is made, before the store has it.
            TranscriptLatency(session.speech_end_wall, self.latency),
            # Store before send: everything after this may talk to the peer.
            EventsToSink(self.sink_for(opened.call_id)),
            *([voice] if voice is not None else []),
            *observers,
        ]
        call = LiveCall(session, watchers)
        self.calls[opened.call_id] = call
        session.start()
        return call

    def _session(
        self,
        opened: CallOpened,
        platform: Platform,
        metadata: dict[str, Any],
        watchers: list[CallObserver],
    ) -> Session:
        sink = _publish_to(watchers)
        language = str(metadata.get("language") or self.config.language)
        if language not in LANGUAGES:
            language = self.config.language
        stages = self.stages.for_call(opened.call_id, metadata, chat=platform.conversation)
        if platform.conversation:
            replies = _replies_to(watchers)  # the bot's lines and agents' replies, once stored
            return ChatSession(opened.call_id, sink, language, metadata, stages, replies)
        return CallSession(
            opened.call_id,
            tuple(opened.legs),
            self.service,
            sink,
            pipeline_config(self.config, language=language),
            source=platform.name,
            metadata=metadata,
            stages=stages,
        )

    async def end_call(self, call: LiveCall, reason: str) -> None:
        """End the call (after its last finals), then let its observers go."""
        try:
            await call.session.end(self.bots.end_reason(call.call_id, reason))
        finally:
            self.calls.pop(call.call_id, None)
            await call.ended()

    async def end_all(self, reason: str) -> None:
        """End every live call with `reason`, then stop any voicebot player left (shutdown)."""
        for call in list(self.calls.values()):
            await self.end_call(call, reason)
        await self.bots.close_all()


def _replies_to(observers: list[CallObserver]) -> ReplySink:
    """A chat session's replies: each to the call's observers (the one with the socket sends it)."""

    def reply(line: ChatReply) -> None:
        for observer in observers:
            observer.on_chat_reply(line)

    return reply


def _publish_to(observers: list[CallObserver]) -> EventSink:
    """A session's sink: each event to the call's observers, in the order they are listed."""

    def publish(event: Event) -> None:
        for observer in observers:
            observer.on_event(event)

    return publish
