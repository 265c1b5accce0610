"""What the two ingest shells share: feeding a parser, and handing its media items to a call.

The websocket shell (`websocket_ingest`) and the AudioSocket TCP shell (`audiosocket`)
both turn a parser's items into calls on the `CallHost`; opening and closing differ per
transport, the media items (audio, DTMF, chat turns) do not.
"""

from __future__ import annotations

from copilot.pipeline.call_session import CallSession
from copilot.pipeline.chat_session import ChatSession
from copilot.telephony.chat import ChatTurn
from copilot.telephony.common import DtmfPressed, LegAudio, MessageParser, ProtocolEvent

# What a parser hands the shell: the common items, and a chat's turns.
IngestItem = ProtocolEvent | ChatTurn


def feed_message(parser: MessageParser, message: str | bytes) -> list[IngestItem]:
    """One websocket message to its parser: text and binary frames go to different methods."""
    if isinstance(message, str):
        return parser.feed_text(message)
    return parser.feed_binary(message)


def deliver(session: CallSession | ChatSession, item: IngestItem, leg: str | None = None) -> bool:
    """Hand a media item to its call; False for items that are not media (open, close, replies).

    `leg` overrides the item's own leg: an AudioSocket connection carries one leg only.
    Audio and DTMF go to a call, turns to a chat; no parser mixes them.
    """
    if isinstance(item, LegAudio) and isinstance(session, CallSession):
        session.push_pcm(leg or item.leg, item.samples, item.sample_rate, item.t)
    elif isinstance(item, DtmfPressed) and isinstance(session, CallSession):
        session.dtmf(leg or item.leg, item.digit)
    elif isinstance(item, ChatTurn) and isinstance(session, ChatSession):
        session.turn(item.speaker, item.text, item.t)
    else:
        return False
    return True
