"""The Asterisk AudioSocket TCP shell: one socket per leg, joined into one call by its UUID.

AudioSocket carries no metadata, so its calls are assigned to
`serve.audiosocket_agent_id`, and the voicebot answers them only with
`serve.audiosocket_voicebot` on (its voice goes back on the customer leg's
socket). A corrupt stream cannot be resynchronised and is closed; the call ends
when the last of its legs hangs up. A leg that joins a running call starts at the
call time it connected, and a connection that sends no UUID in time is closed.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import logging

from copilot.audio.format import CUSTOMER, LEGS
from copilot.config import ServeConfig
from copilot.events.log_names import call_ref
from copilot.pipeline.call_session import CallSession
from copilot.serve.call_host import CallHost, CallSocket, LiveCall
from copilot.serve.ingest import deliver
from copilot.serve.platforms import AUDIOSOCKET, Platform
from copilot.telephony.audiosocket import AudioSocketParser
from copilot.telephony.common import CallClosed, CallOpened, PeerError, ProtocolError

log = logging.getLogger(__name__)


class AudioSocketShell:
    """Serves AudioSocket TCP connections (one per leg) into the host's calls."""

    def __init__(
        self, calls: CallHost, serve: ServeConfig, platform: Platform = AUDIOSOCKET
    ) -> None:
        self.calls = calls
        self.serve = serve
        self.platform = platform
        self._legs: dict[str, set[str]] = {}
        self._customer_writers: dict[str, asyncio.StreamWriter] = {}  # call id -> bot's way out
        self._failed: set[str] = set()  # calls a leg of which ended in an error

    async def handle(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, leg: str
    ) -> None:
        """Serve one leg's connection into its call until it hangs up, fails or names no call."""
        parser = AudioSocketParser(leg)
        call: LiveCall | None = None
        call_id = ""
        reason = "hangup"
        try:
            while True:
                data = await self._read(reader, parser, leg)
                if data is None:
                    break  # no UUID in time: not an AudioSocket peer we can serve
                failure: ProtocolError | None = None
                try:
                    items = parser.feed(data) if data else parser.eof()
                except ProtocolError as exc:
                    items, failure = exc.parsed, exc  # what came before the bad packet counts
                done = False
                for item in items:
                    if isinstance(item, CallOpened):
                        call_id = item.call_id
                        call = self._join(item, leg)
                        if call is not None and leg == CUSTOMER:
                            self._customer_writers[call_id] = writer
                        if call is None:
                            done = True
                    elif isinstance(item, PeerError):
                        log.warning("audiosocket %s: %s", leg, item.message)
                        if call is not None:
                            call.session.report_error(item.code, item.message)
                    elif isinstance(item, CallClosed):
                        reason = item.reason
                        done = True
                    elif call is not None:
                        deliver(call.session, item, leg)
                if failure is not None:
                    log.warning("audiosocket %s: %s", leg, failure)
                    if call is not None:
                        call.session.report_error(failure.code, str(failure))
                    break  # a corrupt TCP stream cannot be resynchronised
                if done or not data:
                    break
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()
            if self._customer_writers.get(call_id) is writer:
                del self._customer_writers[call_id]
            if call is not None:
                await self._leave(call, leg, reason)

    async def _read(
        self, reader: asyncio.StreamReader, parser: AudioSocketParser, leg: str
    ) -> bytes | None:
        """The next bytes; None when a connection has not sent its UUID within the limit."""
        if parser.call_id is not None:
            return await reader.read(65536)
        limit = self.serve.audiosocket_uuid_timeout_s
        try:
            return await asyncio.wait_for(reader.read(65536), limit)
        except TimeoutError:
            log.warning("audiosocket %s: no UUID packet within %.1f s; closing", leg, limit)
            return None

    async def _leave(self, call: LiveCall, leg: str, reason: str) -> None:
        """A leg is gone; the call ends with the last one, as `error` if any leg failed."""
        call_id = call.call_id
        if reason == "error":
            self._failed.add(call_id)
        legs = self._legs.get(call_id, set())
        legs.discard(leg)
        if not legs:
            self._legs.pop(call_id, None)
            failed = call_id in self._failed
            self._failed.discard(call_id)
            await self.calls.end_call(call, "error" if failed else reason)

    def _join(self, opened: CallOpened, leg: str) -> LiveCall | None:
        """Asterisk opens one socket per leg with the same UUID: both feed one call."""
        legs = self._legs.setdefault(opened.call_id, set())
        if leg in legs:
            log.warning("audiosocket: call %s already has a %s leg", call_ref(opened.call_id), leg)
            return None
        legs.add(leg)
        existing = self.calls.call(opened.call_id)
        if existing is not None:
            # The other leg has been running: this one starts now on the call's timeline
            # (the agent leg exists only once the call is answered), not at time 0.
            if isinstance(existing.session, CallSession):
                existing.session.start_leg_now(leg)
            return existing
        serve = self.serve
        metadata = {**opened.metadata, **({"voicebot": True} if serve.audiosocket_voicebot else {})}
        opened = dataclasses.replace(opened, legs=LEGS, metadata=metadata)
        send = functools.partial(self._send_customer, opened.call_id)
        return self.calls.open_call(
            opened, self.platform, serve.audiosocket_agent_id, CallSocket(send)
        )

    async def _send_customer(self, call_id: str, data: str | bytes) -> None:
        """The voicebot's audio goes to the caller: the customer leg's socket."""
        writer = self._customer_writers.get(call_id)
        if writer is None or writer.is_closing():
            raise ConnectionError(f"call {call_id} has no open customer leg")
        writer.write(data if isinstance(data, bytes) else data.encode())
        await writer.drain()
