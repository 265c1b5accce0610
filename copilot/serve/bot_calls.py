"""The voicebot's voice on live calls: one `BotAudioPlayer` per call that can carry audio back.

The server opens a call here before the call's first event (the greeting is said
in `call.started`'s turn), hands over every event of the call, passes Twilio's
mark echoes on, and closes the call when it ends. Calls on a platform that
cannot carry audio back (AudioHook, chat), or without the voicebot stage, get no
player: their events pass through untouched.

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
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from websockets.exceptions import ConnectionClosed

from copilot.events.core import Event
from copilot.events.log_names import call_ref
from copilot.events.voicebot import THEN_HANGUP, BotSay, Handoff
from copilot.runtime import StageFactory
from copilot.telephony.audio_out import AudioOut, audio_out_for, twilio_mark_name
from copilot.voicebot.player import BotAudioPlayer, Send

log = logging.getLogger(__name__)

CloseStream = Callable[[], Awaitable[None]]


class BotCalls:
    def __init__(self, stages: StageFactory) -> None:
        self.stages = stages
        self.players: dict[str, BotAudioPlayer] = {}
        self.handoffs: dict[str, Handoff] = {}  # call id -> the bot's last hand-over card
        self.finished: dict[str, BotSay] = {}  # call id -> the prompt that ended the bot's part
        # call id -> `then` of the prompt after which the server closed the call's stream;
        # the server takes it as the call's end reason
        self.closed_streams: dict[str, str] = {}

    def open(
        self,
        call_id: str,
        source: str,
        metadata: dict[str, Any],
        send: Send | None,
        close_stream: CloseStream | None = None,
    ) -> None:
        """Give the call a player if it can carry audio back and the voicebot stage runs.

        `close_stream` closes the call's socket cleanly; it is used where closing hands
        the call back to the platform (`AudioOut.closes_stream`: Twilio).
        """
        if send is None or "voicebot" not in self.stages.names or call_id in self.players:
            return
        out = audio_out_for(source, metadata)
        if out is None:
            return
        done = functools.partial(self._finished, call_id, out, send, close_stream)
        self.players[call_id] = BotAudioPlayer(out, send, self.stages.synthesizer(), done)

    def on_event(self, event: Event) -> None:
        """Every event of every call, in order, in the event loop."""
        player = self.players.get(event.call_id)
        if player is None:
            return
        if isinstance(event, Handoff):
            self.handoffs[event.call_id] = event
        player.on_event(event)

    def on_text(self, call_id: str, message: str | bytes) -> None:
        """A text message from the call's socket: Twilio's echo of one of our marks."""
        player = self.players.get(call_id)
        if player is None or not isinstance(message, str) or '"mark"' not in message:
            return  # the substring test spares parsing every media message twice
        name = twilio_mark_name(message)
        if name is not None:
            player.on_mark(name)

    async def close(self, call_id: str) -> None:
        self.closed_streams.pop(call_id, None)
        player = self.players.pop(call_id, None)
        if player is not None:
            await player.close()

    async def close_all(self) -> None:
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
