"""`copilot serve`: live calls in over telephony sockets, events out.

A thin asyncio shell. Each connection gets its protocol's sans-I/O parser; the
parser's CallOpened / LegAudio / DtmfPressed / CallClosed items drive a
CallSession, and its Reply* items go back on the same socket. Every event goes
to one sink (JSON lines on stdout or a log file for now).

Endpoints (websockets on serve.host:serve.port):
  /twilio     Twilio Media Streams
  /audiohook  Genesys AudioHook v2
  /ingest     raw PCM16 (copilot's own protocol, docs/protocol.md)
  GET /healthz
TCP: Asterisk AudioSocket, one port per leg (serve.audiosocket_*_port).
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import signal
import sys
import time
from collections.abc import Callable
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs, urlsplit

from websockets.asyncio.server import ServerConnection, serve
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from .call_session import CallSession, EventSink
from .config import Config
from .events import Event
from .legs import AGENT, CUSTOMER, LEGS
from .pipeline import PipelineConfig
from .stages import StageFactory
from .telephony.audiohook import AudioHookSession, verify_signature
from .telephony.audiosocket import AudioSocketParser
from .telephony.common import (
    CallClosed,
    CallOpened,
    DtmfPressed,
    LegAudio,
    ProtocolError,
    ReplyBytes,
    ReplyText,
)
from .telephony.raw_ingest import RawIngestSession
from .telephony.twilio import TwilioMediaStream
from .transcription_service import TranscriptionService

log = logging.getLogger(__name__)

# A peer that keeps sending garbage is cut off after this many protocol errors.
MAX_PROTOCOL_ERRORS = 20


class JsonLinesSink:
    """Writes every event as one JSON line (stdout or an append-only log file)."""

    def __init__(self, path: str = "") -> None:
        self._file = open(path, "a", encoding="utf-8") if path else sys.stdout  # noqa: SIM115

    def __call__(self, event: Event) -> None:
        self._file.write(event.to_json() + "\n")
        self._file.flush()


class CopilotServer:
    def __init__(
        self,
        config: Config,
        service: TranscriptionService,
        sink: EventSink,
        pipeline_config: Callable[[str], PipelineConfig] | None = None,
        stages: StageFactory | None = None,
    ) -> None:
        self.config = config
        self.service = service
        self.sink = sink
        self.stages = stages or StageFactory(config)
        self._pipeline_config = pipeline_config or self._default_pipeline_config
        self.sessions: dict[str, CallSession] = {}
        self._audiosocket_legs: dict[str, set[str]] = {}
        self._servers: list[Any] = []
        self.ws_port = 0
        self.audiosocket_ports: dict[str, int] = {}

    def _default_pipeline_config(self, language: str) -> PipelineConfig:
        return PipelineConfig(
            language=language, segmenter=self.config.segmenter, partials=self.config.partials
        )

    # -- lifecycle -------------------------------------------------------------

    async def start(self) -> None:
        cfg = self.config.serve
        await self.service.start()
        ws = await serve(
            self._handle_ws,
            cfg.host,
            cfg.port,
            process_request=self._process_request,
            max_size=cfg.max_message_bytes,
        )
        self._servers.append(ws)
        self.ws_port = next(iter(ws.sockets)).getsockname()[1]
        for leg, port in (
            (CUSTOMER, cfg.audiosocket_customer_port),
            (AGENT, cfg.audiosocket_agent_port),
        ):
            if port < 0:
                continue  # a negative port switches AudioSocket off for that leg
            tcp = await asyncio.start_server(
                lambda r, w, leg=leg: self._handle_audiosocket(r, w, leg), cfg.host, port
            )
            self._servers.append(tcp)
            self.audiosocket_ports[leg] = tcp.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        for server in self._servers:
            server.close()
        for server in self._servers:
            with contextlib.suppress(Exception):
                await server.wait_closed()
        for session in list(self.sessions.values()):
            await session.end("server_shutdown")
        self.sessions.clear()
        await self.service.stop()

    # -- HTTP ------------------------------------------------------------------

    def _process_request(self, connection: ServerConnection, request: Request) -> Response | None:
        path = urlsplit(request.path).path
        if path == "/healthz":
            body = json.dumps({"status": "ok", "active_calls": len(self.sessions)})
            return _response(HTTPStatus.OK, body, "application/json")
        if path not in ("/twilio", "/audiohook", "/ingest"):
            return _response(HTTPStatus.NOT_FOUND, f"no endpoint {path}\n")
        if request.headers.get("Upgrade", "").lower() != "websocket":
            return _response(HTTPStatus.UPGRADE_REQUIRED, f"{path} is a websocket endpoint\n")
        problem = self._check_credentials(path, request)
        if problem:
            log.warning("refused %s: %s", path, problem)
            return _response(HTTPStatus.UNAUTHORIZED, problem + "\n")
        return None

    def _check_credentials(self, path: str, request: Request) -> str:
        cfg = self.config.serve
        if cfg.ingest_api_key:
            # Twilio cannot set headers on its stream request, so it passes the key in the URL.
            given = request.headers.get("X-API-KEY") or _query(request.path).get("key", "")
            if not hmac.compare_digest(given.encode(), cfg.ingest_api_key.encode()):
                return "missing or wrong ingest API key"
        if path == "/audiohook" and cfg.audiohook_client_secret:
            try:
                verify_signature(
                    "GET",
                    request.headers.get("Host", ""),
                    request.path,
                    dict(request.headers.raw_items()),
                    cfg.audiohook_client_secret,
                    time.time(),
                )
            except ProtocolError as exc:
                return f"AudioHook signature rejected: {exc}"
        return ""

    # -- websockets ------------------------------------------------------------

    async def _handle_ws(self, ws: ServerConnection) -> None:
        path = urlsplit(ws.request.path).path
        if path == "/twilio":
            parser: Any = TwilioMediaStream()
        elif path == "/audiohook":
            parser = AudioHookSession()
        else:
            parser = RawIngestSession()
        await self._ingest(ws, parser, path.strip("/"))

    async def _ingest(self, ws: ServerConnection, parser: Any, protocol: str) -> None:
        session: CallSession | None = None
        errors = 0
        reason = "disconnected"
        try:
            async for message in ws:
                try:
                    items = _feed(parser, message)
                except ProtocolError as exc:
                    errors += 1
                    await self._report(ws, protocol, session, exc)
                    if errors >= MAX_PROTOCOL_ERRORS:
                        await ws.close(1008, "too many protocol errors")
                        break
                    continue
                session, closed = await self._apply(items, session, ws, protocol)
                if closed:
                    reason = "end"
                    break
        except ConnectionClosed:
            pass
        finally:
            if session is not None:
                await self._end_session(session, reason)

    async def _apply(
        self, items: list, session: CallSession | None, ws: ServerConnection, protocol: str
    ) -> tuple[CallSession | None, bool]:
        for item in items:
            if isinstance(item, ReplyText):
                await ws.send(item.text)
            elif isinstance(item, ReplyBytes):
                await ws.send(item.data)
            elif isinstance(item, CallOpened):
                if session is not None:
                    raise_error = ProtocolError("already_open", "this stream already opened a call")
                    await self._report(ws, protocol, session, raise_error)
                    continue
                session = self._open_session(item)
                if session is None:
                    await self._report(
                        ws,
                        protocol,
                        None,
                        ProtocolError("duplicate_call", f"call {item.call_id} is already live"),
                    )
                    await ws.close(1008, "duplicate call id")
                    return None, True
            elif isinstance(item, LegAudio) and session is not None:
                session.push_pcm(item.leg, item.samples, item.sample_rate, item.t)
            elif isinstance(item, DtmfPressed) and session is not None:
                session.dtmf(item.leg, item.digit)
            elif isinstance(item, CallClosed):
                return session, True
        return session, False

    async def _report(
        self, ws: ServerConnection, protocol: str, session: CallSession | None, exc: ProtocolError
    ) -> None:
        log.warning("%s: %s (%s)", protocol, exc, exc.code)
        if session is not None:
            session.report_error(exc.code, str(exc))
        if protocol == "ingest":
            # Our own protocol has an error message; telephony platforms would not understand one.
            with contextlib.suppress(ConnectionClosed):
                await ws.send(json.dumps({"type": "error", "code": exc.code, "message": str(exc)}))

    # -- AudioSocket (TCP) -----------------------------------------------------

    async def _handle_audiosocket(
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
                        session = self._join_audiosocket(item, leg)
                        if session is None:
                            done = True
                    elif isinstance(item, LegAudio) and session is not None:
                        session.push_pcm(leg, item.samples, item.sample_rate, item.t)
                    elif isinstance(item, DtmfPressed) and session is not None:
                        session.dtmf(leg, item.digit)
                    elif isinstance(item, CallClosed):
                        done = True
                if done or not data:
                    break
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()
            if session is not None:
                legs = self._audiosocket_legs.get(call_id, set())
                legs.discard(leg)
                if not legs:
                    self._audiosocket_legs.pop(call_id, None)
                    await self._end_session(session, "hangup")

    def _join_audiosocket(self, opened: CallOpened, leg: str) -> CallSession | None:
        """Asterisk opens one socket per leg with the same UUID: both feed one call."""
        legs = self._audiosocket_legs.setdefault(opened.call_id, set())
        if leg in legs:
            log.warning("audiosocket: call %s already has a %s leg", opened.call_id, leg)
            return None
        legs.add(leg)
        existing = self.sessions.get(opened.call_id)
        if existing is not None:
            return existing
        return self._open_session(CallOpened(opened.call_id, "audiosocket", LEGS, opened.metadata))

    # -- sessions --------------------------------------------------------------

    def _open_session(self, opened: CallOpened) -> CallSession | None:
        if opened.call_id in self.sessions:
            return None
        language = str(opened.metadata.get("language") or self.config.language)
        if language not in ("en", "nl", "auto"):
            language = self.config.language
        session = CallSession(
            opened.call_id,
            tuple(opened.legs),
            self.service,
            self.sink,
            self._pipeline_config(language),
            source=opened.source,
            metadata=opened.metadata,
            stages=self.stages.for_call(opened.call_id, opened.metadata),
        )
        self.sessions[opened.call_id] = session
        session.start()
        return session

    async def _end_session(self, session: CallSession, reason: str) -> None:
        try:
            await session.end(reason)
        finally:
            self.sessions.pop(session.call_id, None)


def _feed(parser: Any, message: str | bytes) -> list:
    if isinstance(message, str):
        return parser.feed_text(message) if hasattr(parser, "feed_text") else parser.feed(message)
    if hasattr(parser, "feed_binary"):
        return parser.feed_binary(message)
    raise ProtocolError("binary_not_allowed", "this endpoint takes text messages only")


def _query(path: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(path).query).items()}


def _response(status: HTTPStatus, body: str, content_type: str = "text/plain") -> Response:
    headers = Headers([("Content-Type", f"{content_type}; charset=utf-8")])
    return Response(status.value, status.phrase, headers, body.encode())


async def serve_forever(config: Config) -> int:
    from .cli import build_service

    service = build_service(config)
    service.preload(config.language)
    stages = StageFactory(config)
    stages.preload()
    server = CopilotServer(config, service, JsonLinesSink(config.serve.event_log), stages=stages)
    await server.start()
    log.warning(
        "copilot serving on ws://%s:%d (twilio, audiohook, ingest); audiosocket ports %s",
        config.serve.host,
        server.ws_port,
        server.audiosocket_ports,
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await server.stop()
    return 0
