"""The customer web chat: its page (`/webchat`) and its socket (`/webchat/socket`), the shell.

The page carries no key, so the socket has its own protections (`webchat_limits`):
the browser's Origin must be copilot's own or one of `[webchat] allowed_origins`,
each client address may hold a few sockets, send a few messages a minute and start
a few conversations a minute, and a frame may be no longer than the longest message.
A refused upgrade gets an HTTP status and opens nothing; a refused start or message
gets an `error` and stores nothing.

Each socket drives one conversation (a `ChatSession` on the `CallHost`, source
`chat`, metadata `channel: webchat`, for the agent in `[webchat] agent_id`). The
conversation outlives its socket: a tab that reloads or loses its connection comes
back with the conversation token from `welcome` and gets the lines so far; one that
does not come back within `resume_window_s` ends the chat (`disconnected`). Tokens
are random, kept here only as a digest, and open exactly one conversation while it
lasts. The sans-I/O protocol is `telephony/webchat.py`.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import secrets
from collections import deque
from http import HTTPStatus
from typing import Any
from urllib.parse import urlsplit

from websockets.asyncio.server import ServerConnection
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from copilot.audio.format import CUSTOMER, LEGS
from copilot.config import WebchatConfig
from copilot.events.core import CallEnded, Event, TranscriptFinal
from copilot.pipeline.chat_session import ChatReply, ChatSession
from copilot.serve.call_host import CallHost, LiveCall
from copilot.serve.call_observers import CallObserver
from copilot.serve.chat_outbox import OrderedSender
from copilot.serve.forget import ErasedIds
from copilot.serve.http_routes import response
from copilot.serve.platforms import Platform
from copilot.serve.web_assets import asset_for
from copilot.serve.webchat_limits import WebChatLimits, client_address, origin_allowed
from copilot.telephony import webchat
from copilot.telephony.chat import SOURCE, reply_message
from copilot.telephony.common import CallOpened, ProtocolError

log = logging.getLogger(__name__)

PAGE_PATH = "/webchat"
SOCKET_PATH = "/webchat/socket"
PAGE_FILE = "/web/webchat.html"
MAX_PROTOCOL_ERRORS = 20  # a socket that keeps sending what it may not is closed (1008)
MAX_HISTORY = 500  # lines a resuming tab gets back
# A flooding peer's close answer sits behind the messages it sent that nobody reads any more:
# wait this long for it, not websockets' 10 s, before the TCP connection is dropped.
CLOSE_TIMEOUT_S = 2.0


class WebChatConversation(CallObserver):
    """One web chat: its lines so far, for a tab that comes back, and the socket it has now."""

    def __init__(self, front_door: WebChat, key: str, language: str) -> None:
        self.front_door = front_door
        self.key = key  # the token's digest
        self.language = language
        self.call: LiveCall | None = None
        self.lines: deque[dict[str, Any]] = deque(maxlen=MAX_HISTORY)
        self.socket: WebChatConnection | None = None
        self.refs: deque[str | int | None] = deque()  # customer messages not yet stored
        self.expiry: asyncio.TimerHandle | None = None
        self.over = False

    @property
    def session(self) -> ChatSession:
        """The conversation's chat session."""
        assert self.call is not None and isinstance(self.call.session, ChatSession)
        return self.call.session

    def customer_says(self, text: str, ref: str | int | None) -> None:
        """A message the customer typed: stored, acknowledged, and shown to the stages."""
        self.refs.append(ref)
        self.session.turn(CUSTOMER, text, None)

    def on_event(self, event: Event) -> None:
        """The customer's line is stored: acknowledge it; the chat ended: say so."""
        if isinstance(event, TranscriptFinal) and event.speaker == CUSTOMER:
            ref = self.refs.popleft() if self.refs else None
            # The page's ref comes back with the line, so a tab never sends a stored line again.
            self.lines.append({"speaker": CUSTOMER, "text": event.text, "ref": ref})
            self._send(webchat.received(ref))
        elif isinstance(event, CallEnded):
            self.over = True
            self._send(webchat.ended(event.reason))

    def on_chat_reply(self, reply: ChatReply) -> None:
        """A line the bot said or an agent sent: kept for a resuming tab, sent to this one."""
        self.lines.append({"speaker": reply.speaker, "text": reply.text})
        self._send(
            reply_message(reply.speaker, reply.text, reply.utterance_id, reply.suggestion_id)
        )

    async def call_ended(self) -> None:
        """The chat is over: forget its token, let its socket go."""
        self.front_door.release(self)
        if self.socket is not None:
            self.socket.finish()

    def attach(self, socket: WebChatConnection, token: str, resumed: bool) -> None:
        """This socket is the conversation's now: welcome it with the lines so far."""
        if self.expiry is not None:
            self.expiry.cancel()
            self.expiry = None
        if self.socket is not None and self.socket is not socket:
            self.socket.moved()  # the same tab's token in a second socket: the newer one wins
        self.socket = socket
        socket.sender.put(webchat.welcome(token, self.language, resumed, list(self.lines)))

    def detach(self, socket: WebChatConnection) -> None:
        """The socket went away: wait `resume_window_s` for the tab, then end the chat."""
        if self.socket is not socket:
            return
        self.socket = None
        if not self.over:
            self.expiry = asyncio.get_running_loop().call_later(
                self.front_door.config.resume_window_s, self.front_door.expire, self
            )

    def _send(self, text: str) -> None:
        if self.socket is not None:
            self.socket.sender.put(text)


class WebChat:
    """The web chat's front door: the page, the upgrade's checks, and every conversation."""

    def __init__(self, config: WebchatConfig, calls: CallHost, platform: Platform) -> None:
        self.config = config
        self.calls = calls
        self.platform = platform  # the chat row: a web chat is a chat to every stage
        self.limits = WebChatLimits(config)
        self.conversations: dict[str, WebChatConversation] = {}  # by token digest
        self._endings: set[asyncio.Task] = set()

    def serves(self, path: str) -> bool:
        """Whether `path` is the web chat's (page or socket)."""
        return path in (PAGE_PATH, SOCKET_PATH)

    def respond(self, peer: object, request: Request) -> Response | None:
        """The page, or why the socket's upgrade is refused; None lets the upgrade through."""
        path = urlsplit(request.path).path
        if path == PAGE_PATH:
            return self.page()
        if request.headers.get("Upgrade", "").lower() != "websocket":
            return response(HTTPStatus.UPGRADE_REQUIRED, f"{path} is a websocket endpoint\n")
        if not origin_allowed(request.headers, self.config.allowed_origins):
            self.limits.refuse("origin")
            return response(HTTPStatus.FORBIDDEN, "this site may not open the web chat\n")
        address = self._address(peer, request.headers)
        refusal = self.limits.socket_refusal(address)
        if refusal:
            self.limits.refuse(refusal)
            status = (
                HTTPStatus.SERVICE_UNAVAILABLE
                if refusal == "busy"
                else HTTPStatus.TOO_MANY_REQUESTS
            )
            return response(status, "too many web chat connections; try again later\n")
        return None

    def page(self) -> Response:
        """The chat page, embeddable by copilot's own pages and the allowed sites only."""
        asset = asset_for(PAGE_FILE)
        if asset is None:
            return response(HTTPStatus.NOT_FOUND, "the web chat page is not installed\n")
        page = response(HTTPStatus.OK, asset[0], asset[1], cache=False)
        ancestors = " ".join(("'self'", *self.config.allowed_origins))
        page.headers["Content-Security-Policy"] = (
            f"default-src 'self'; connect-src 'self'; frame-ancestors {ancestors}; "
            "base-uri 'none'; form-action 'none'; object-src 'none'"
        )
        page.headers["X-Content-Type-Options"] = "nosniff"
        page.headers["Referrer-Policy"] = "no-referrer"
        return page

    async def handle(self, ws: ServerConnection) -> None:
        """Serve one web chat socket until it closes; the count of its address holds meanwhile."""
        request = ws.request
        assert request is not None  # set by the opening handshake
        address = self._address(ws.remote_address, request.headers)
        if self.limits.open_socket(address):
            await ws.close(1013, "too many web chat connections; try again later")
            return
        try:
            await WebChatConnection(self, ws, address).run()
        finally:
            self.limits.close_socket(address)

    def open(self, start: webchat.WebChatStart, address: str) -> tuple[WebChatConversation, str]:
        """The conversation `start` asks for: the token's, else a new one (rate-limited).

        Returns it and its token; ProtocolError when a new one may not start now.
        """
        if start.token:
            found = self.conversations.get(_digest(start.token))
            if found is not None and not found.over:
                return found, start.token
        if not self.limits.conversation_allowed(address):
            raise ProtocolError("rate_limited", "too many new chats from here; try again shortly")
        token = secrets.token_urlsafe(32)
        conversation = WebChatConversation(self, _digest(token), start.language)
        metadata = {"channel": "webchat", "language": start.language}
        if self.config.agent_id:
            metadata["agent_id"] = self.config.agent_id
        opened = CallOpened(f"webchat-{secrets.token_hex(8)}", SOURCE, LEGS, metadata)
        call = self.calls.open_call(opened, self.platform, observers=[conversation])
        if call is None:  # 64 random bits taken already: never in practice
            raise ProtocolError("busy", "the chat could not be opened; try again")
        conversation.call = call
        self.conversations[conversation.key] = conversation
        return conversation, token

    def expire(self, conversation: WebChatConversation) -> None:
        """The tab did not come back in time: end its chat."""
        self.end(conversation, "disconnected")

    def end(self, conversation: WebChatConversation, reason: str) -> None:
        """End the conversation's chat (in a task: ending flushes the stages)."""
        if conversation.over or conversation.call is None:
            return
        conversation.over = True
        task = asyncio.get_running_loop().create_task(
            self.calls.end_call(conversation.call, reason)
        )
        self._endings.add(task)
        task.add_done_callback(self._endings.discard)

    def release(self, conversation: WebChatConversation) -> None:
        """The conversation has ended: its token opens nothing any more."""
        if conversation.expiry is not None:
            conversation.expiry.cancel()
        self.conversations.pop(conversation.key, None)

    def forget_erased(self, erased: ErasedIds) -> int:
        """Erased chats still live: the lines kept for a resuming tab go (a forget place)."""
        dropped = 0
        for conversation in self.conversations.values():
            if conversation.call is not None and conversation.call.call_id in erased:
                dropped += len(conversation.lines)
                conversation.lines.clear()
        return dropped

    def _address(self, peer: object, headers: Headers) -> str:
        return client_address(peer, headers, self.config.client_ip_header)


class WebChatConnection:
    """One web chat socket: its parser, its sender, and the conversation it drives."""

    def __init__(self, front_door: WebChat, ws: ServerConnection, address: str) -> None:
        self.front_door = front_door
        self.ws = ws
        self.address = address
        self.parser = webchat.WebChatSocket(front_door.config.max_message_chars)
        # A frame longer than the longest message can be is cut off by websockets (1009).
        ws.protocol.max_message_size = self.parser.max_frame_chars
        ws.close_timeout = CLOSE_TIMEOUT_S
        self.sender = OrderedSender(ws)
        self.conversation: WebChatConversation | None = None
        self.errors = 0

    async def run(self) -> None:
        """Read messages until the tab leaves or ends the chat; the conversation waits for it."""
        try:
            async for message in self.ws:
                if not self._receive(message):
                    break
        except ConnectionClosed:
            pass
        finally:
            if self.conversation is not None:
                self.conversation.detach(self)
            await self.sender.close()
            with contextlib.suppress(ConnectionClosed):
                await self.ws.close()

    def moved(self) -> None:
        """The conversation went on in a newer socket: this one says so and closes."""
        self.conversation = None
        self.finish("resumed_elsewhere")

    def finish(self, reason: str = "") -> None:
        """Close this socket once what is queued has gone (with `ended` when `reason` is set)."""
        if reason:
            self.sender.put(webchat.ended(reason))
        self.conversation = None
        self.sender.put_close()

    def _receive(self, message: str | bytes) -> bool:
        """Act on one message; False once the socket should close (an `end` closes it from the
        conversation's side, after `ended`)."""
        try:
            items = (
                self.parser.feed_text(message)
                if isinstance(message, str)
                else self.parser.feed_binary(message)
            )
            for item in items:
                self._apply(item)
        except ProtocolError as exc:
            self._refused(exc)
            if self.errors >= MAX_PROTOCOL_ERRORS:
                log.warning("webchat: closed a socket after %d refused messages", self.errors)
                self.sender.put_close(1008, "too many refused messages")
                return False
        except Exception:  # a stage that failed on this message must not drop the customer
            log.exception("webchat: a message could not be handled")
            self.sender.put(webchat.error("server_error", "the message could not be handled"))
        return True

    def _refused(self, exc: ProtocolError) -> None:
        ref = exc.ref if isinstance(exc, webchat.MessageRefused) else None
        self.sender.put(webchat.error(exc.code, str(exc), ref))
        self.errors += 1

    def _apply(self, item: webchat.WebChatItem) -> None:
        if isinstance(item, webchat.WebChatStart):
            try:
                conversation, token = self.front_door.open(item, self.address)
            except ProtocolError:
                self.parser.forget_start()  # refused: nothing opened, the tab may try again
                raise
            self.conversation = conversation
            conversation.attach(self, token, resumed=token == item.token)
        elif isinstance(item, webchat.CustomerMessage):
            self._customer(item)
        elif isinstance(item, webchat.WebChatEnd) and self.conversation is not None:
            self.front_door.end(self.conversation, "stop")

    def _customer(self, message: webchat.CustomerMessage) -> None:
        conversation = self.conversation
        if conversation is None or conversation.over:
            raise webchat.MessageRefused("ended", "the chat has ended: open a new one", message.ref)
        if not self.front_door.limits.message_allowed(self.address):
            raise webchat.MessageRefused(
                "rate_limited", "too many messages; wait a moment and send it again", message.ref
            )
        conversation.customer_says(message.text, message.ref)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
