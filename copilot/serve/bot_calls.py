"""The voicebot's voice on live calls: one `BotAudioPlayer` per call that can carry audio back.

`CallHost` opens a call here before the call's first event (the greeting is said
in `call.started`'s turn) and registers the `BotVoice` it gets as one of the call's
observers: it sees every event of the call and Twilio's mark echoes, and closes
the player when the call ends. Calls on a platform that cannot carry audio back
(AudioHook, chat: no encoder in their platform row), or without the voicebot
stage, get no voice.

What a finished `then=hangup` / `then=transfer` prompt does depends on the platform:
- AudioSocket: hang-up sends the `0x00` packet and Asterisk hangs up; on transfer
  the bot simply stops (routing the call on is the dialplan's job).
- Twilio: the server closes the stream's websocket once the prompt has been heard
  (Twilio echoed its mark, or `MARK_GRACE_S` passed without one) or was cut by a
  barge-in. A bidirectional `<Connect><Stream>` holds the call only while its
  websocket is open, so Twilio then requests the `<Connect action>` URL, and
  `GET /twilio/next` (telephony/twiml.py) answers `<Enqueue>` to the hand-over
  card's queue or `<Hangup/>` after the goodbye. No REST API call and no Twilio
  account credentials are needed.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from websockets.exceptions import ConnectionClosed

from copilot.events.core import Event
from copilot.events.log_names import call_ref
from copilot.events.voicebot import THEN_HANGUP, BotSay, Handoff
from copilot.runtime import StageFactory
from copilot.serve.call_observers import CallObserver
from copilot.serve.store import EventStore
from copilot.telephony.audio_out import AudioOut
from copilot.telephony.twiml import NextStep, next_step
from copilot.voicebot.player import BotAudioPlayer, Send

log = logging.getLogger(__name__)

CloseStream = Callable[[], Awaitable[None]]


class BotCalls:
    """The voicebot's players of this process's calls, and how their bot parts ended."""

    def __init__(self, stages: StageFactory) -> None:
        self.stages = stages
        self.players: dict[str, BotAudioPlayer] = {}
        self.handoffs: dict[str, Handoff] = {}  # call id -> the bot's last hand-over card
        self.finished: dict[str, BotSay] = {}  # call id -> the prompt that ended the bot's part
        # call id -> `then` of the prompt after which the server closed the call's stream;
        # the call ends with that reason (`end_reason`)
        self.closed_streams: dict[str, str] = {}

    def open(
        self,
        call_id: str,
        out: AudioOut | None,
        send: Send | None,
        close_stream: CloseStream | None = None,
    ) -> BotVoice | None:
        """The call's voice if it can carry audio back (`out`) and the voicebot stage runs.

        `close_stream` closes the call's socket cleanly; it is used where closing hands
        the call back to the platform (`AudioOut.closes_stream`: Twilio).
        """
        if out is None or send is None or "voicebot" not in self.stages.names:
            return None
        if call_id in self.players:
            return None
        done = functools.partial(self._finished, call_id, out, send, close_stream)
        player = BotAudioPlayer(out, send, self.stages.synthesizer(), done)
        self.players[call_id] = player
        return BotVoice(self, call_id, player)

    def end_reason(self, call_id: str, reason: str) -> str:
        """A stream the server closed after the bot's goodbye / hand-over ends as such."""
        then = self.closed_streams.pop(call_id, "")
        return f"bot_{then}" if then else reason

    async def close(self, call_id: str) -> None:
        """Stop and drop the call's player; its call has ended."""
        self.closed_streams.pop(call_id, None)
        player = self.players.pop(call_id, None)
        if player is not None:
            await player.close()

    async def close_all(self) -> None:
        """Stop every player still open, as the server shuts down."""
        for call_id in list(self.players):
            await self.close(call_id)

    async def _finished(
        self, call_id: str, out: AudioOut, send: Send, close: CloseStream | None, say: BotSay
    ) -> None:
        self.finished[call_id] = say
        hangup = out.hangup() if say.then == THEN_HANGUP else None
        if hangup is not None:
            with contextlib.suppress(ConnectionError, OSError):
                await send(hangup)
        card = self.handoffs.get(call_id)
        where = f" to queue {card.queue} (priority {card.priority})" if card else ""
        log.info("call %s: the bot's part ended with %s%s", call_ref(call_id), say.then, where)
        if out.closes_stream and close is not None:
            self.closed_streams[call_id] = say.then
            await close()


class BotVoice(CallObserver):
    """One call's player as an observer of the call: its events, marks, and end."""

    def __init__(self, calls: BotCalls, call_id: str, player: BotAudioPlayer) -> None:
        self.calls = calls
        self.call_id = call_id
        self.player = player

    def on_event(self, event: Event) -> None:
        """The observer: keep the bot's latest hand-over card; the player acts on the event."""
        if isinstance(event, Handoff):
            self.calls.handoffs[event.call_id] = event
        self.player.on_event(event)

    def on_mark(self, name: str) -> None:
        """The observer: Twilio has played the bot's audio up to this mark."""
        self.player.on_mark(name)

    async def call_ended(self) -> None:
        """The observer: the call is over, so its player stops."""
        await self.calls.close(self.call_id)


def stored_next_step(store: EventStore, default_queue: str, call_sid: str) -> NextStep:
    """Where Twilio sends a call after its stream: from the call's stored bot events.

    The store, not this worker's memory: with the relay every worker holds every
    call, and Twilio's request may reach any worker, also after a restart.
    """
    stored = store.events_of_types(call_sid, ("handoff", "bot.say"))
    return next_step((json.loads(text) for text in stored), default_queue)


def websocket_close(ws: Any) -> CloseStream:
    """Close a call's websocket normally (1000): for Twilio, "go on with the TwiML"."""

    async def close() -> None:
        await ws.close(1000, "voicebot finished")

    return close


def websocket_send(ws: Any) -> Send:
    """`ws.send` with a closed socket reported as the `ConnectionError` the player expects."""

    async def send(message: str | bytes) -> None:
        try:
            await ws.send(message)
        except ConnectionClosed as exc:
            raise ConnectionError(f"websocket closed: {exc}") from exc

    return send
