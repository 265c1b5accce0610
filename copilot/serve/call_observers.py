"""What watches a live call: per-call observers, each told every event of the call in order.

Observers are registered in one place, `CallHost.open_call`, in the order they see an
event: the transcript latency clock, the store (`EventsToSink`: `LiveEvents` numbers,
stores and fans out; store before send), then what sends something back to the peer:
the voicebot's voice (`bot_calls.BotVoice`) and a platform's outbox (AudioHook:
`audiohook_echo`; /chat: `chat_outbox`). A chat's lines for its customer (the bot's, an
agent's reply) come to `on_chat_reply` after their event has been stored. They run
synchronously, in the event loop.
"""

from __future__ import annotations

import time

from copilot.events.core import Event, TranscriptFinal
from copilot.pipeline.call_session import EventSink
from copilot.pipeline.chat_session import ChatReply
from copilot.serve.metrics import Histogram


class CallObserver:
    """One call's events, the peer's playback marks, and the call's end.

    Every method does nothing here, so an observer overrides only what it cares about.
    """

    def on_event(self, event: Event) -> None:
        """An event of the call, in seq order."""

    def on_mark(self, name: str) -> None:
        """The peer has played our audio up to mark `name` (Twilio)."""

    def on_chat_reply(self, reply: ChatReply) -> None:
        """A chat's line for its customer (the bot's, or an agent's reply), already stored."""

    async def call_ended(self) -> None:
        """The call has ended and its last event has been seen: let go of what it held."""


class Outbox(CallObserver):
    """Messages back to one websocket peer that must leave in the order they were made.

    A platform row names one (`Platform.outbox`) when the parser's replies and messages
    built from the call's events share one sequence (AudioHook's `seq`); it lives as
    long as the connection, so the connection closes it, after the call has ended.
    """

    def put(self, text: str) -> None:
        """Queue a text message for the peer."""
        raise NotImplementedError

    async def close(self, answer_close: bool) -> None:
        """Send what is queued (and the answer to the peer's close, if it waits for one)."""
        raise NotImplementedError


class EventsToSink(CallObserver):
    """The call's events to the server's sink (`LiveEvents`: redact, store, fan out)."""

    def __init__(self, sink: EventSink) -> None:
        self.sink = sink

    def on_event(self, event: Event) -> None:
        """Hand the event to the sink, which stores it before anything is sent."""
        self.sink(event)


class TranscriptLatency(CallObserver):
    """Seconds from the end of speech to its final transcript: `copilot_transcript_latency`."""

    def __init__(self, speech_end_wall: dict[str, float], histogram: Histogram) -> None:
        self.speech_end_wall = speech_end_wall  # the session's: utterance id -> monotonic end
        self.histogram = histogram

    def on_event(self, event: Event) -> None:
        """Clock a final transcript against the end of its speech."""
        if not isinstance(event, TranscriptFinal):
            return
        ended = self.speech_end_wall.pop(event.utterance_id, None)
        if ended is not None:
            self.histogram.observe(time.monotonic() - ended)
