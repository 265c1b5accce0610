"""The Asterisk AudioSocket TCP shell: one socket per leg, joined into one call by its UUID.

AudioSocket carries no metadata, so its calls are assigned to
`serve.audiosocket_agent_id`, and the voicebot answers them only with
`serve.audiosocket_voicebot` on (its voice goes back on the customer leg's
socket). A corrupt stream cannot be resynchronised and is closed; the call ends
when the last of its legs hangs up.
"""

from __future__ import annotations

import asyncio
import functools
import logging

from copilot.audio.format import CUSTOMER, LEGS
from copilot.pipeline.call_session import CallSession
from copilot.serve.ingest import CallHost, deliver
from copilot.telephony.audiosocket import AudioSocketParser
from copilot.telephony.common import CallClosed, CallOpened, ProtocolError

log = logging.getLogger(__name__)


class AudioSocketShell:
    """Serves AudioSocket TCP connections (one per leg) into the host's calls."""

    def __init__(self, server: CallHost) -> None:
        self.server = server
        self._legs: dict[str, set[str]] = {}
        self._customer_writers: dict[str, asyncio.StreamWriter] = {}  # call id -> bot's way out

    async def handle(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, leg: str
    ) -> None:
        parser = AudioSocketParser(leg)
        session: CallSession | None = None
        call_id = ""
        try:
            while True:
                data = await reader.read(65536)
                try:
                    items = parser.feed(data) if data else parser.eof()
                except ProtocolError as exc:
                    log.warning("audiosocket %s: %s", leg, exc)
                    if session is not None:
                        session.report_error(exc.code, str(exc))
                    break  # a corrupt TCP stream cannot be resynchronised
                done = False
                for item in items:
                    if isinstance(item, CallOpened):
                        call_id = item.call_id
                        session = self._join(item, leg)
                        if session is not None and leg == CUSTOMER:
                            self._customer_writers[call_id] = writer
                        if session is None:
                            done = True
                    elif isinstance(item, CallClosed):
                        done = True
                    elif session is not None:
                        deliver(session, item, leg)
                if done or not data:
                    break
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()
            if self._customer_writers.get(call_id) is writer:
                del self._customer_writers[call_id]
            if session is not None:
                legs = self._legs.get(call_id, set())
                legs.discard(leg)
                if not legs:
                    self._legs.pop(call_id, None)
                    await self.server.end_session(session, "hangup")

    def _join(self, opened: CallOpened, leg: str) -> CallSession | None:
        """Asterisk opens one socket per leg with the same UUID: both feed one call."""
        legs = self._legs.setdefault(opened.call_id, set())
        if leg in legs:
            log.warning("audiosocket: call %s already has a %s leg", opened.call_id, leg)
            return None
        legs.add(leg)
        existing = self.server.sessions.get(opened.call_id)
        if existing is not None:
            return existing
        serve = self.server.config.serve
        metadata = {**opened.metadata, **({"voicebot": True} if serve.audiosocket_voicebot else {})}
        opened = CallOpened(opened.call_id, "audiosocket", LEGS, metadata)
        send = functools.partial(self._send_customer, opened.call_id)
        return self.server.open_session(opened, serve.audiosocket_agent_id, send)

    async def _send_customer(self, call_id: str, data: str | bytes) -> None:
        """The voicebot's audio goes to the caller: the customer leg's socket."""
        writer = self._customer_writers.get(call_id)
        if writer is None or writer.is_closing():
            raise ConnectionError(f"call {call_id} has no open customer leg")
        writer.write(data if isinstance(data, bytes) else data.encode())
        await writer.drain()
