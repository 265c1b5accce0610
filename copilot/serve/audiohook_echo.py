"""What copilot sends back over an AudioHook session: its replies, transcripts and articles.

Every server message carries the next `seq`, so they must leave in the order they were
built. One queue per session, drained by one task, carries the parser's own replies
(`opened`, `pong`) and the `event` messages built from the call's events; `closed`
is queued last, once the call has ended and its last finals are in the queue.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed

from copilot.events.assist import Suggestion
from copilot.events.core import Event, TranscriptFinal
from copilot.events.log_names import call_ref
from copilot.serve.call_observers import Outbox
from copilot.telephony.audiohook import AudioHookSession

log = logging.getLogger(__name__)


class AudioHookOutbox(Outbox):
    """One session's messages to Genesys, sent in the order they were made.

    The AudioHook row's outbox (serve/platforms.py): the websocket shell queues the
    parser's replies here and registers it as an observer of the session's call.
    """

    def __init__(self, parser: AudioHookSession, ws: ServerConnection) -> None:
        self.parser = parser
        self.ws = ws
        self._queue: asyncio.Queue[str | None] = asyncio.Queue()
        self._task = asyncio.get_running_loop().create_task(self._send_all())

    def put(self, text: str) -> None:
        """The outbox: queue a message to leave after everything queued before it."""
        self._queue.put_nowait(text)

    def on_event(self, event: Event) -> None:
        """A call event: finals and article suggestions go back when the session asked."""
        replies = []
        if isinstance(event, TranscriptFinal):
            replies = self.parser.transcript_events(event)
        elif isinstance(event, Suggestion):
            replies = [r for r in [self.parser.assist_event(event)] if r is not None]
        for reply in replies:
            self.put(reply.text)

    async def close(self, answer_close: bool) -> None:
        """Send what is queued (then `closed`, when the client closed), and stop."""
        if answer_close:
            self.put(self.parser.closed_answer().text)
        self._queue.put_nowait(None)
        with contextlib.suppress(asyncio.CancelledError):
            await self._task

    async def _send_all(self) -> None:
        while (text := await self._queue.get()) is not None:
            try:
                await self.ws.send(text)
            except ConnectionClosed:
                log.info(
                    "audiohook %s: closed before all events were sent",
                    call_ref(self.parser.call_id),
                )
                return
