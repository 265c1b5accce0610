"""What the two ingest shells share: which parser a path gets, and handing its items to a call.

The websocket shell (`server`) and the AudioSocket TCP shell (`audiosocket`) both
turn a parser's items into calls on a session; opening and closing differ per
transport, the media items (audio, DTMF, chat turns) do not.
"""

from __future__ import annotations

from typing import Any, Protocol

from copilot.config import Config
from copilot.pipeline.call_session import CallSession
from copilot.telephony.audiohook import AudioHookSession
from copilot.telephony.chat import ChatStream, ChatTurn
from copilot.telephony.common import CallOpened, DtmfPressed, LegAudio, MessageParser
from copilot.telephony.raw_ingest import RawIngestSession
from copilot.telephony.twilio import TwilioMediaStream

PARSERS: dict[str, type] = {
    "/chat": ChatStream,
    "/twilio": TwilioMediaStream,
    "/audiohook": AudioHookSession,
}


def parser_for(path: str, config: Config | None = None) -> MessageParser:
    """The websocket protocol of an ingest path; anything else is copilot's raw PCM16 ingest."""
    if path == "/audiohook" and config is not None:
        serve = config.serve
        return AudioHookSession(serve.audiohook_transcripts, serve.audiohook_agent_assist)
    return PARSERS.get(path, RawIngestSession)()


def feed_message(parser: MessageParser, message: str | bytes) -> list[Any]:
    if isinstance(message, str):
        return parser.feed_text(message)
    return parser.feed_binary(message)


def forget_refused_start(parser: MessageParser) -> bool:
    """The server refused the call a parser opened: True if the socket stays for a corrected start.

    copilot's own protocols (raw `/ingest`, `/chat`) answer with an `error` message the
    client reads, so their parser forgets the start and takes another one. A telephony
    platform cannot correct its start: False, and the server closes the socket.
    """
    if isinstance(parser, RawIngestSession | ChatStream):
        parser.forget_start()
        return True
    return False


def deliver(session: Any, item: Any, leg: str | None = None) -> bool:
    """Hand a media item to its call; False for items that are not media (open, close, replies).

    `leg` overrides the item's own leg: an AudioSocket connection carries one leg only.
    """
    if isinstance(item, LegAudio):
        session.push_pcm(leg or item.leg, item.samples, item.sample_rate, item.t)
    elif isinstance(item, DtmfPressed):
        session.dtmf(leg or item.leg, item.digit)
    elif isinstance(item, ChatTurn):
        session.turn(item.speaker, item.text, item.t)
    else:
        return False
    return True


class CallHost(Protocol):
    """What an ingest shell needs of the server: its settings and its live calls."""

    config: Config
    sessions: dict[str, Any]

    def open_session(
        self,
        opened: CallOpened,
        default_agent: str = "",
        send: Any = None,
        close_stream: Any = None,
    ) -> CallSession | None: ...

    async def end_session(self, session: CallSession, reason: str) -> None: ...
