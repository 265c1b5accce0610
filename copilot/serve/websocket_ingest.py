"""The websocket ingest shell: each connection to a platform's path, through its parser, onto a call.

What a platform needs beyond its parser is read from its row (serve/platforms.py):
whether the peer gets JSON error replies, whether a refused start keeps the socket,
and its outbox. The parser's items drive one call on the `CallHost`; its `Reply*`
items go back on the same socket (through the outbox when the platform has one).
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable
from typing import cast

from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request

from copilot.config import ServeConfig
from copilot.events.log_names import call_ref
from copilot.pipeline.call_session import CallSession
from copilot.serve.auth import assigned_agent_id
from copilot.serve.bot_calls import websocket_close, websocket_send
from copilot.serve.call_host import CallHost, CallSocket, LiveCall
from copilot.serve.http_routes import query
from copilot.serve.ingest import IngestItem, deliver, feed_message
from copilot.serve.platforms import Platform, RetryableStart
from copilot.telephony.common import (
    CallClosed,
    CallOpened,
    MarkPlayed,
    ProtocolError,
    ReplyBytes,
    ReplyText,
    UtteranceBreak,
    check_identifier,
    check_metadata,
)

log = logging.getLogger(__name__)

# A peer that keeps sending garbage is cut off after this many protocol errors.
MAX_PROTOCOL_ERRORS = 20

# Is the key a stream gave in its opening message good enough (handshake request, key)?
CredentialCheck = Callable[[Request, str], bool]


class WebSocketIngest:
    """Serves websocket ingest connections, one `IngestConnection` each, into the host's calls."""

    def __init__(self, calls: CallHost, serve: ServeConfig, credential_ok: CredentialCheck) -> None:
        self.calls = calls
        self.serve = serve
        self.credential_ok = credential_ok

    async def handle(self, ws: ServerConnection, platform: Platform) -> None:
        """Serve one ingest websocket of this platform until it closes."""
        await IngestConnection(self, ws, platform).run()


class IngestConnection:
    """One websocket of one platform: its parser, its outbox, and the call it opened."""

    def __init__(self, shell: WebSocketIngest, ws: ServerConnection, platform: Platform) -> None:
        assert platform.parser is not None, "a websocket platform has a parser"
        self.calls = shell.calls
        self.credential_ok = shell.credential_ok
        self.ws = ws
        self.platform = platform
        self.parser = platform.parser(shell.serve)
        # AudioHook: every message back (replies, transcripts, `closed`) leaves in seq order.
        self.outbox = platform.outbox(self.parser, ws) if platform.outbox is not None else None
        self.call: LiveCall | None = None
        self.errors = 0
        self.answer_close = False  # the peer waits for our answer to its close (AudioHook)

    async def run(self) -> None:
        """Read messages until the peer stops or leaves, then end its call and close the outbox."""
        reason = "disconnected"
        try:
            async for message in self.ws:
                stop = await self._receive(message)
                if stop:
                    reason = stop  # the protocol's own word: Twilio `stop`, AudioHook `end`
                    break
        except ConnectionClosed:
            pass
        finally:
            if self.call is not None:
                await self.calls.end_call(self.call, reason)
            if self.outbox is not None:
                await self.outbox.close(self.answer_close)

    async def _receive(self, message: str | bytes) -> str:
        """Act on one message; the reason to stop reading, or "" to go on."""
        try:
            items = feed_message(self.parser, message)
        except ProtocolError as exc:
            self.errors += 1
            await self._report(exc, self.call)
            if self.errors < MAX_PROTOCOL_ERRORS:
                return ""
            await self.ws.close(1008, "too many protocol errors")
            return "disconnected"
        self.answer_close = any(isinstance(i, CallClosed) and i.answer_after_end for i in items)
        return await self._apply(items)

    async def _apply(self, items: list[IngestItem]) -> str:
        """Act on a parser's items; the close reason once the call ends or is refused."""
        for item in items:
            if isinstance(item, ReplyText):
                await self._reply(item.text)
            elif isinstance(item, ReplyBytes):
                await self.ws.send(item.data)
            elif isinstance(item, CallOpened):
                refused = await self._open(item)
                if refused:
                    return refused
            elif isinstance(item, CallClosed):
                return item.reason or "end"
            elif self.call is not None:
                self._to_call(self.call, item)
        return ""

    async def _reply(self, text: str) -> None:
        if self.outbox is not None:
            self.outbox.put(text)
        else:
            await self.ws.send(text)

    def _to_call(self, call: LiveCall, item: IngestItem) -> None:
        if isinstance(item, UtteranceBreak):
            if isinstance(call.session, CallSession):
                call.session.cut_utterances()
        elif isinstance(item, MarkPlayed):
            call.on_mark(item.name)
        else:
            deliver(call.session, item)

    async def _open(self, opened: CallOpened) -> str:
        """Open the call; "" when open (or refused with the socket kept), else the close reason."""
        if self.call is not None:
            error = ProtocolError("already_open", "this stream already opened a call")
            await self._report(error, self.call)
            return ""
        request = self.ws.request
        assert request is not None  # set by the opening handshake, before any handler runs
        if not self.credential_ok(request, opened.credential):
            why = 'missing or wrong ingest API key (give it as <Parameter name="key">)'
            await self._report(ProtocolError("unauthorized", why), None)
            await self.ws.close(1008, "missing or wrong ingest API key")
            return "unauthorized"
        agent = query(request.path).get("agent_id", "")
        refused = _unfit_call(opened, agent)
        if refused is not None:
            # Never stored, never shown: a sidebar must not have to cope with it.
            return await self._refuse(refused, refused.code)
        socket = CallSocket(websocket_send(self.ws), websocket_close(self.ws))
        extra = [self.outbox] if self.outbox is not None else []
        self.call = self.calls.open_call(opened, self.platform, agent, socket, extra)
        if self.call is not None:
            return ""
        duplicate = ProtocolError("duplicate_call", f"call {opened.call_id} is already live")
        return await self._refuse(duplicate, "duplicate call id")

    async def _refuse(self, error: ProtocolError, close_words: str) -> str:
        """Tell the peer its start was refused; keep the socket where the platform may retry."""
        await self._report(error, None)
        if self.platform.retries_start:
            cast(RetryableStart, self.parser).forget_start()  # a corrected start may follow
            return ""
        await self.ws.close(1008, close_words)
        return error.code

    async def _report(self, exc: ProtocolError, call: LiveCall | None) -> None:
        # The code only: a peer's message may quote ids or values it sent (a call id that is
        # live already, a session id), and the journal is never erased. The peer gets it all.
        where = f" on call {call_ref(call.session.call_id)}" if call is not None else ""
        log.warning("%s: %s%s", (self.platform.path or "").strip("/"), exc.code, where)
        if call is not None:
            call.session.report_error(exc.code, str(exc))
        if self.platform.error_replies:
            with contextlib.suppress(ConnectionClosed):
                await self.ws.send(
                    json.dumps({"type": "error", "code": exc.code, "message": str(exc)})
                )


def _unfit_call(opened: CallOpened, agent: str) -> ProtocolError | None:
    """Why a call an ingest opened cannot be taken as it is: its id, agent or metadata."""
    try:
        check_identifier(opened.call_id, "call_id", "bad_call_id")
        assigned = assigned_agent_id(opened.metadata, agent)
        if assigned:
            check_identifier(assigned, "agent_id", "bad_agent_id")
        check_metadata(opened.metadata)
    except ProtocolError as exc:
        return exc
    return None
