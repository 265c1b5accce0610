"""Every platform copilot takes calls from, one row each: the single place that names them.

A row says what the server needs to know of a platform's protocol: the source name
its calls carry, its websocket path, its sans-I/O parser, how its peer proves who it
is, whether the peer reads copilot's JSON `error` replies, whether a refused start
keeps the socket, the encoder for the voicebot's voice back to the caller, and an
outbox where replies and messages built from the call's events share one order.
The websocket shell (`websocket_ingest`), the HTTP routes (`http_routes`) and the
call host (`call_host`) read these rows; none of them names a platform.

Adding a websocket platform is a parser (copilot/telephony/) and one row in
`PLATFORMS`. AudioSocket has a row too, without a path: its calls' source name and
voice come from here, but its transport is its own shell (`audiosocket`): TCP with
one socket per leg, joined by UUID, on a port per leg, with no HTTP handshake, so
none of the websocket fields would mean anything for it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from copilot.config import ServeConfig
from copilot.serve.audiohook_echo import AudioHookOutbox
from copilot.serve.call_observers import Outbox
from copilot.serve.chat_outbox import ChatOutbox
from copilot.telephony import audiohook, audiosocket, chat, raw_ingest, twilio
from copilot.telephony.audio_out import AudioOut, AudioSocketAudioOut, TwilioAudioOut
from copilot.telephony.common import MessageParser


class Auth(enum.Enum):
    """How a platform's peer proves it may stream calls in (`http_routes.HttpRoutes`)."""

    # The ingest API key (or an `ingest` token) at the websocket handshake: `X-API-KEY`
    # or `?key=`, when a key or an ingest token is configured.
    KEY = "key"
    # The same, or, when the handshake carries none, in the call's opening message: a
    # platform that cannot add a header or a query to its stream URL (Twilio's
    # <Parameter name="key">, checked when the call opens).
    KEY_OR_START = "key_or_start"
    # The key, and with `[serve] audiohook_client_secret` set a valid, unused HTTP
    # message signature on the upgrade request (Genesys AudioHook).
    KEY_AND_SIGNATURE = "key_and_signature"


class RetryableStart(Protocol):
    """A parser that can forget a start the server refused and take a corrected one."""

    def forget_start(self) -> None:
        """Forget the start the server refused, so a corrected one can follow."""


ParserFactory = Callable[[ServeConfig], MessageParser]
VoiceFactory = Callable[[dict[str, Any]], AudioOut | None]
OutboxFactory = Callable[[Any, Any], Outbox]  # (the connection's parser, its websocket)


@dataclass(frozen=True)
class Platform:
    """One platform: everything the shells, the routes and the call host need to know of it."""

    name: str  # the `source` of its calls' `call.started`
    path: str | None  # its websocket path; None: not a websocket (its own shell serves it)
    parser: ParserFactory | None = None  # a fresh parser per connection (websocket rows)
    auth: Auth = Auth.KEY
    # The peer reads copilot's `{"type": "error"}` replies (copilot's own protocols); a
    # telephony platform would not understand one, so it only gets `error` events.
    error_replies: bool = False
    # A start the server refuses (bad id, duplicate call) leaves the socket open for a
    # corrected one; the parser must then be a `RetryableStart`. A telephony platform
    # cannot correct its start, so its socket is closed (1008).
    retries_start: bool = False
    audio_out: VoiceFactory | None = None  # the voicebot's voice back; None: it cannot speak
    outbox: OutboxFactory | None = None  # replies and call-event messages in one order
    conversation: bool = False  # text turns (a ChatSession), not audio (a CallSession)

    def __post_init__(self) -> None:
        if (self.path is None) != (self.parser is None):
            raise ValueError(f"platform {self.name}: a websocket path needs a parser and back")

    def voice(self, metadata: dict[str, Any]) -> AudioOut | None:
        """The encoder for the voicebot's audio to a call's caller, or None where it cannot go."""
        return self.audio_out(metadata) if self.audio_out is not None else None


class PlatformTable:
    """The platforms one server takes calls from, by websocket path and by source name."""

    def __init__(self, rows: Iterable[Platform]) -> None:
        self.rows = tuple(rows)
        self._by_name = {row.name: row for row in self.rows}
        self._by_path = {row.path: row for row in self.rows if row.path is not None}
        paths = [row.path for row in self.rows if row.path is not None]
        if len(self._by_name) != len(self.rows) or len(self._by_path) != len(paths):
            raise ValueError("two platforms share a name or a websocket path")

    def at_path(self, path: str) -> Platform | None:
        """The websocket platform served on `path`, or None."""
        return self._by_path.get(path)

    def named(self, name: str) -> Platform:
        """The platform whose calls carry source `name` (KeyError for an unknown one)."""
        return self._by_name[name]

    @property
    def paths(self) -> tuple[str, ...]:
        """Every websocket ingest path, in table order."""
        return tuple(self._by_path)

    def with_row(self, row: Platform) -> PlatformTable:
        """This table and one more platform (an embedder's, or a test's)."""
        return PlatformTable((*self.rows, row))


def _audiohook_parser(serve: ServeConfig) -> MessageParser:
    # The organisations whose sessions get copilot's transcripts and articles back.
    return audiohook.AudioHookSession(serve.audiohook_transcripts, serve.audiohook_agent_assist)


PLATFORMS = PlatformTable(
    (
        Platform(
            twilio.SOURCE,
            "/twilio",
            lambda _serve: twilio.TwilioMediaStream(),
            auth=Auth.KEY_OR_START,
            audio_out=TwilioAudioOut.for_call,
        ),
        Platform(
            audiohook.SOURCE,
            "/audiohook",
            _audiohook_parser,
            auth=Auth.KEY_AND_SIGNATURE,
            outbox=AudioHookOutbox,
        ),
        Platform(
            raw_ingest.SOURCE,
            "/ingest",
            lambda _serve: raw_ingest.RawIngestSession(),
            error_replies=True,
            retries_start=True,
        ),
        Platform(
            chat.SOURCE,
            "/chat",
            lambda _serve: chat.ChatStream(),
            error_replies=True,
            retries_start=True,
            outbox=ChatOutbox,  # the bot's lines and the agents' replies, as `reply` messages
            conversation=True,
        ),
        Platform(audiosocket.SOURCE, None, audio_out=AudioSocketAudioOut.for_call),
    )
)
AUDIOSOCKET = PLATFORMS.named(audiosocket.SOURCE)
