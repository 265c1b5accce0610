"""What copilot sends back over a `/chat` socket: the lines it says in the conversation.

The chat platform shows its customer the bot's lines and the agents' replies typed
in the sidebar; both reach the socket as `reply` messages (telephony/chat.py), in
the order they were said, after their `transcript.final` was stored. One queue per
socket, drained by one task (`OrderedSender`), so a slow client never holds up
the conversation and no line overtakes another. The web chat's shell sends
through the same kind of queue.
"""

from __future__ import annotations

import asyncio
import contextlib

from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed

from copilot.pipeline.chat_session import ChatReply
from copilot.serve.call_observers import Outbox
from copilot.telephony.chat import ChatStream, reply_message


class OrderedSender:
    """Text messages to one websocket, sent in the order they were queued, by one task."""

    def __init__(self, ws: ServerConnection) -> None:
        self.ws = ws
        # A text to send; (code, reason): close the socket; None: stop.
        self._queue: asyncio.Queue[str | tuple[int, str] | None] = asyncio.Queue()
        self._task = asyncio.get_running_loop().create_task(self._send_all())

    def put(self, text: str) -> None:
        """Queue a message to leave after everything queued before it."""
        self._queue.put_nowait(text)

    def put_close(self, code: int = 1000, reason: str = "") -> None:
        """Close the socket once everything queued before has been sent."""
        self._queue.put_nowait((code, reason))

    async def close(self) -> None:
        """Send what is queued, then stop."""
        self._queue.put_nowait(None)
        with contextlib.suppress(asyncio.CancelledError):
            await self._task

    async def _send_all(self) -> None:
        while (item := await self._queue.get()) is not None:
            try:
                if isinstance(item, str):
                    await self.ws.send(item)
                else:
                    await self.ws.close(*item)
            except ConnectionClosed:
                return  # the peer left: what it missed is in the store


class ChatOutbox(Outbox):
    """The `/chat` row's outbox (serve/platforms.py): the conversation's lines to the platform."""

    def __init__(self, parser: ChatStream, ws: ServerConnection) -> None:
        self.sender = OrderedSender(ws)

    def put(self, text: str) -> None:
        """Outbox.put: a parser's reply, in line with the conversation's lines."""
        self.sender.put(text)

    def on_chat_reply(self, reply: ChatReply) -> None:
        """A line the bot said or an agent sent from the sidebar: to the platform's customer."""
        self.put(reply_message(reply.speaker, reply.text, reply.utterance_id, reply.suggestion_id))

    async def close(self, answer_close: bool) -> None:
        """Send what is queued and stop (a chat's client waits for no answer to its stop)."""
        await self.sender.close()
