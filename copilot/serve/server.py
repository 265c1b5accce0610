"""`copilot serve`: live calls in over telephony sockets, events out to sidebars.

A thin asyncio shell. Each ingest connection gets its protocol's sans-I/O
parser; the parser's CallOpened / LegAudio / DtmfPressed / CallClosed items drive
a CallSession, and its Reply* items go back on the same socket. Every event goes
through LiveEvents (redact, store in SQLite, fan out to /events clients).

Endpoints (websockets on serve.host:serve.port; routes in http_routes.py):
  /twilio     Twilio Media Streams
  /audiohook  Genesys AudioHook v2
  /ingest     raw PCM16 (copilot's own protocol, docs/protocol.md)
  /chat       text turns of a chat conversation
  /events     sidebars and supervisors (sidebar_socket.py)
  GET /, /supervisor, /metrics, /healthz
  GET /twilio/next  Twilio's `<Connect action>` after the voicebot: TwiML (telephony/twiml.py)
TCP: Asterisk AudioSocket, one port per leg (serve.audiosocket_*_port).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import logging
import os
import signal
import socket
import time
import uuid
from typing import Any
from urllib.parse import urlsplit

from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from copilot.audio.format import AGENT, CUSTOMER
from copilot.config import Config
from copilot.events.core import Event, TranscriptFinal
from copilot.pipeline.call_session import CallSession, EventSink
from copilot.pipeline.chat_session import ChatSession
from copilot.runtime import Runtime, load_runtime, pipeline_config
from copilot.serve.audiohook_echo import AudioHookOutbox
from copilot.serve.audiosocket import AudioSocketShell
from copilot.serve.auth import TokenFile, assigned_agent_id
from copilot.serve.board import CallBoard
from copilot.serve.bot_calls import BotCalls, CloseStream, websocket_close, websocket_send
from copilot.serve.call_log import CALLS_LOGGER, CallActivityLog, event_outputs
from copilot.serve.event_log import EventLogFile
from copilot.serve.feedback import FeedbackRecorder, Learner, assist_learner
from copilot.serve.forget import ForgetErasedCalls
from copilot.serve.housekeeping import Housekeeping, ended_by_restart
from copilot.serve.http_routes import EVENTS_PATH, HttpRoutes, query
from copilot.serve.hub import EventHub
from copilot.serve.ingest import deliver, feed_message, forget_refused_start, parser_for
from copilot.serve.live_events import LiveEvents
from copilot.serve.metrics import Metrics
from copilot.serve.nonces import NonceLedger
from copilot.serve.redaction import Redactor
from copilot.serve.relay import RedisRelay
from copilot.serve.sidebar_protocol import SidebarServices
from copilot.serve.sidebar_socket import serve_sidebar
from copilot.serve.store import EventStore
from copilot.telephony.audiohook import AudioHookSession
from copilot.telephony.common import (
    CallClosed,
    CallOpened,
    MessageParser,
    ProtocolError,
    ReplyBytes,
    ReplyText,
    UtteranceBreak,
    check_identifier,
    check_metadata,
)
from copilot.telephony.twiml import NextStep, next_step
from copilot.voicebot.player import Send

log = logging.getLogger(__name__)

# A peer that keeps sending garbage is cut off after this many protocol errors.
MAX_PROTOCOL_ERRORS = 20


class CopilotServer:
    """Every live call of this process: ingest sockets in, stored events out to sidebars.

    Built on a `Runtime` (whisper and the stages' models, shared by all calls); each
    ingest connection drives one `CallSession` (or `ChatSession`), and `LiveEvents`
    stores every event before the hub fans it out.
    """

    def __init__(
        self, runtime: Runtime, sink: EventSink | None = None, learner: Learner | None = None
    ) -> None:
        config = runtime.config
        self.config = config
        self.service = runtime.service
        self.stages = runtime.stages
        self.sessions: dict[str, CallSession | ChatSession] = {}
        self.outboxes: dict[str, AudioHookOutbox] = {}  # AudioHook calls: messages back
        self._servers: list[Any] = []
        self.ws_port = 0
        self.audiosocket_ports: dict[str, int] = {}
        self.metrics = Metrics()
        self.relay: RedisRelay | None = None
        # One name per worker: the relay's, and on a shared store the origin of its calls.
        self.worker_id = config.relay.worker_id or (
            # unique per server object: tests (and embedders) may run two in one process
            f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        )
        self.store = EventStore(config.store.location or ":memory:", self.worker_id)
        self.hub = EventHub(config.serve.client_queue)
        self.tokens = TokenFile(config.auth.tokens_file)
        redactor = Redactor(config.redaction.kinds, config.redaction.enabled)
        # `[serve] event_log`: the full event stream, opt-in. On a running server
        # `event_log.forget(calls)` erases calls from it (ids, or the erased-calls test) and
        # `event_log.purge_older_than(cutoff)` ages it out; both block: run them in a thread.
        self.event_log = EventLogFile(config.serve.event_log) if config.serve.event_log else None
        # After it is stored (redacted like the store's copy), every event also goes to the
        # operations log (no content), the event log file, and `sink` (the demo's printer, a
        # test's list).
        also = event_outputs(CallActivityLog(), self.event_log, sink)
        self.live = LiveEvents(self.store, self.hub, CallBoard(), redactor, self.metrics, also)
        # Held events go out once the store is back, even if no new event comes to push them.
        self.housekeeping = Housekeeping(self.store, config.store, self.live, self.live.flush)
        # Erasures made by `copilot erase` (or on another worker) reach this server's memory.
        self.forget_erased = ForgetErasedCalls(self.store, self.live, self.hub)
        self.housekeeping.forget = self.forget_erased
        if learner is None and "assist" in self.stages.names:
            learner = assist_learner(self.stages.assist_learner())
        self._forget_elsewhere()
        recorder = FeedbackRecorder(self.store, learner)
        self.sidebars = SidebarServices(
            self.hub, self.store, self.live.board, recorder, self.metrics
        )
        self.routes = HttpRoutes(
            config.serve,
            self.tokens,
            lambda: len(self.sessions),
            self.metrics.render,
            self.twilio_next_step,
            NonceLedger(self.store.db),
        )
        self.bots = BotCalls(self.stages)  # the voicebot's voice on calls that can carry it
        self._register_gauges()

    def _forget_elsewhere(self) -> None:
        """What else holds erased calls in this process: the learned examples, the event log."""
        if "assist" in self.stages.names:
            models = self.stages.assist_learner()
            self.forget_erased.add_place(
                "learned examples", lambda erased: models.forget(erased.among(models.known_calls()))
            )
        if self.event_log is not None:
            self.forget_erased.add_place("event log", self.event_log.forget, blocking=True)
            self.housekeeping.event_log = self.event_log

    def _register_gauges(self) -> None:
        m = self.metrics
        m.gauge("copilot_active_calls", "calls being streamed in now", lambda: len(self.sessions))
        m.gauge(
            "copilot_clients",
            "connected sidebar and supervisor clients",
            lambda: len(self.hub.clients),
        )
        m.gauge(
            "copilot_client_queue_max",
            "longest client queue",
            lambda: max(self.hub.queue_depths(), default=0),
        )
        m.gauge(
            "copilot_client_queue_total",
            "events queued for all clients",
            lambda: sum(self.hub.queue_depths()),
        )
        m.gauge(
            "copilot_transcription_queue",
            "utterances waiting for the transcriber",
            self._waiting_jobs,
        )
        m.counter(
            "copilot_dropped_clients_total",
            "clients told to resume because they fell behind",
            lambda: self.hub.dropped_clients,
        )

    def _waiting_jobs(self) -> float:
        return float(self.service.queue_depth)

    # -- lifecycle -------------------------------------------------------------

    async def start(self) -> None:
        cfg = self.config.serve
        self._close_interrupted_calls()
        self.live.load_history()
        await self._start_relay()
        self.housekeeping.start()
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
        audiosocket = AudioSocketShell(self)
        for leg, port in (
            (CUSTOMER, cfg.audiosocket_customer_port),
            (AGENT, cfg.audiosocket_agent_port),
        ):
            if port < 0:
                continue  # a negative port switches AudioSocket off for that leg
            tcp = await asyncio.start_server(
                lambda r, w, leg=leg: audiosocket.handle(r, w, leg), cfg.host, port
            )
            self._servers.append(tcp)
            self.audiosocket_ports[leg] = tcp.sockets[0].getsockname()[1]

    async def _start_relay(self) -> None:
        """With [relay] url set, share calls with the other workers through Redis Streams."""
        relay_config = self.config.relay
        if not relay_config.url:
            return
        relay_config = dataclasses.replace(relay_config, worker_id=self.worker_id)
        # A worker's own file catches up from where it left the stream; on a shared store
        # the history is already there: follow from now.
        own_file = not self.store.shared
        self.relay = RedisRelay(
            relay_config,
            self.live.apply_remote,
            last_applied=self.store.get_meta("relay_last_id", "$") if own_file else "$",
            remember=(lambda entry_id: self.store.set_meta("relay_last_id", entry_id))
            if own_file
            else None,
        )
        await self.relay.start()
        self.live.relay = self.relay

    def _close_interrupted_calls(self) -> None:
        """Calls a killed process left open get their call.ended now, so sidebars can close them."""
        # Only this worker's own calls: another worker's are still running (or, if it is gone,
        # its housekeeping ends them).
        for stored in self.store.open_calls_of(self.store.worker_id):
            self.live(ended_by_restart(self.store, stored))

    async def stop(self) -> None:
        for server in self._servers:
            server.close()
        for server in self._servers:
            with contextlib.suppress(Exception):
                await server.wait_closed()
        for session in list(self.sessions.values()):
            await session.end("server_shutdown")
        self.sessions.clear()
        await self.bots.close_all()
        await self.service.stop()
        await self.housekeeping.stop()
        if self.relay is not None:
            await self.relay.stop()
        self.store.close()
        if self.event_log is not None:
            self.event_log.close()

    # -- HTTP ------------------------------------------------------------------

    def _process_request(self, connection: ServerConnection, request: Request) -> Response | None:
        refused = self.routes.respond(request)
        if refused is not None and refused.status_code == 401:
            log.warning(
                "refused %s: %s", urlsplit(request.path).path, refused.body.decode().strip()
            )
        return refused

    # -- websockets ------------------------------------------------------------

    async def _handle_ws(self, ws: ServerConnection) -> None:
        path = urlsplit(ws.request.path).path
        if path == EVENTS_PATH:
            principal = self.routes.watcher(ws.request)
            if principal is not None:  # checked before the upgrade; a revoked token lands here
                await serve_sidebar(ws, principal, self.sidebars)
            return
        parser = parser_for(path, self.config)
        await self._ingest(ws, parser, path.strip("/"))

    async def _ingest(self, ws: ServerConnection, parser: MessageParser, protocol: str) -> None:
        session: CallSession | None = None
        errors = 0
        reason = "disconnected"
        # AudioHook: every message back (replies, transcripts, `closed`) leaves in seq order.
        outbox = AudioHookOutbox(parser, ws) if isinstance(parser, AudioHookSession) else None
        answer_close = False
        try:
            async for message in ws:
                if session is not None:
                    self.bots.on_text(session.call_id, message)
                try:
                    items = feed_message(parser, message)
                except ProtocolError as exc:
                    errors += 1
                    await self._report(ws, protocol, session, exc)
                    if errors >= MAX_PROTOCOL_ERRORS:
                        await ws.close(1008, "too many protocol errors")
                        break
                    continue
                answer_close = any(isinstance(i, CallClosed) and i.answer_after_end for i in items)
                session, closed = await self._apply(items, session, ws, parser, protocol, outbox)
                if closed:
                    reason = closed  # the protocol's own word: Twilio `stop`, AudioHook `end`
                    break
        except ConnectionClosed:
            pass
        finally:
            if session is not None:
                # A stream the server closed after the bot's goodbye / hand-over ends as such.
                then = self.bots.closed_streams.pop(session.call_id, "")
                await self.end_session(session, f"bot_{then}" if then else reason)
            if outbox is not None:
                self.outboxes.pop(getattr(parser, "call_id", None) or "", None)
                await outbox.close(answer_close)

    async def _apply(
        self,
        items: list,
        session: CallSession | None,
        ws: ServerConnection,
        parser: MessageParser,
        protocol: str,
        outbox: AudioHookOutbox | None = None,
    ) -> tuple[CallSession | None, str]:
        """Act on a parser's items; the second value is the close reason once the call ends."""
        for item in items:
            if isinstance(item, ReplyText):
                if outbox is not None:
                    outbox.put(item.text)
                else:
                    await ws.send(item.text)
            elif isinstance(item, ReplyBytes):
                await ws.send(item.data)
            elif isinstance(item, CallOpened):
                if session is not None:
                    raise_error = ProtocolError("already_open", "this stream already opened a call")
                    await self._report(ws, protocol, session, raise_error)
                    continue
                if not self.routes.stream_credential_ok(ws.request, item.credential):
                    why = 'missing or wrong ingest API key (give it as <Parameter name="key">)'
                    await self._report(ws, protocol, None, ProtocolError("unauthorized", why))
                    await ws.close(1008, "missing or wrong ingest API key")
                    return None, "unauthorized"
                agent = query(ws.request.path).get("agent_id", "")
                refused = _unfit_call(item, agent)
                if refused is not None:
                    # Never stored, never shown: a sidebar must not have to cope with it.
                    await self._report(ws, protocol, None, refused)
                    if forget_refused_start(parser):
                        continue  # copilot's own protocols: a corrected start may follow
                    await ws.close(1008, refused.code)
                    return None, refused.code
                session = self.open_session(item, agent, websocket_send(ws), websocket_close(ws))
                if session is not None and outbox is not None:
                    self.outboxes[session.call_id] = outbox
                if session is None:
                    why = f"call {item.call_id} is already live"
                    await self._report(ws, protocol, None, ProtocolError("duplicate_call", why))
                    if forget_refused_start(parser):
                        continue
                    await ws.close(1008, "duplicate call id")
                    return None, "duplicate_call"
            elif isinstance(item, CallClosed):
                return session, item.reason or "end"
            elif isinstance(item, UtteranceBreak):
                if isinstance(session, CallSession):
                    session.cut_utterances()
            elif session is not None:
                deliver(session, item)
        return session, ""

    async def _report(
        self, ws: ServerConnection, protocol: str, session: CallSession | None, exc: ProtocolError
    ) -> None:
        log.warning("%s: %s (%s)", protocol, exc, exc.code)
        if session is not None:
            session.report_error(exc.code, str(exc))
        if protocol in ("ingest", "chat"):
            # Our own protocols have an error message; telephony platforms would not understand one.
            with contextlib.suppress(ConnectionClosed):
                await ws.send(json.dumps({"type": "error", "code": exc.code, "message": str(exc)}))

    # -- sessions --------------------------------------------------------------

    def open_session(
        self,
        opened: CallOpened,
        default_agent: str = "",
        send: Send | None = None,
        close_stream: CloseStream | None = None,
    ) -> CallSession | None:
        if opened.call_id in self.sessions:
            return None
        language = str(opened.metadata.get("language") or self.config.language)
        if language not in ("en", "nl", "auto"):
            language = self.config.language
        metadata = dict(opened.metadata)
        metadata["agent_id"] = assigned_agent_id(metadata, default_agent)
        sink = self.live.sink_for(opened.call_id)
        if opened.source == "chat":
            stages = self.stages.for_call(opened.call_id, metadata)
            chat = ChatSession(opened.call_id, sink, language, metadata, stages)
            return self._started(chat)
        self.bots.open(opened.call_id, opened.source, metadata, send, close_stream)
        session = CallSession(
            opened.call_id,
            tuple(opened.legs),
            self.service,
            lambda event: self._publish(session, sink, event),
            pipeline_config(self.config, language=language),
            source=opened.source,
            metadata=metadata,
            stages=self.stages.for_call(opened.call_id, metadata),
        )
        return self._started(session)

    def _started(self, session: Any) -> Any:
        self.sessions[session.call_id] = session
        session.start()
        return session

    def _publish(self, session: CallSession, sink: EventSink, event: Event) -> None:
        if isinstance(event, TranscriptFinal):
            ended = session.speech_end_wall.pop(event.utterance_id, None)
            if ended is not None:
                self.metrics.transcript_latency.observe(time.monotonic() - ended)
        sink(event)
        self.bots.on_event(event)
        outbox = self.outboxes.get(session.call_id)
        if outbox is not None:
            outbox.on_event(event)

    def twilio_next_step(self, call_sid: str) -> NextStep:
        """Where Twilio sends a call after its stream: from the call's stored bot events.

        The store, not this worker's memory: with the relay every worker holds every
        call, and Twilio's request may reach any worker, also after a restart.
        """
        stored = self.store.events_of_types(call_sid, ("handoff", "bot.say"))
        return next_step((json.loads(text) for text in stored), self.config.voicebot.default_queue)

    async def end_session(self, session: CallSession, reason: str) -> None:
        try:
            await session.end(reason)
        finally:
            self.sessions.pop(session.call_id, None)
            await self.bots.close(session.call_id)


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


async def serve_forever(config: Config) -> int:
    # Operations only by default, and shown without -v: a line per call start and end, no
    # content (under systemd, stderr is the journal). Events go to `[serve] event_log` if set.
    logging.getLogger(CALLS_LOGGER).setLevel(logging.INFO)
    server = CopilotServer(load_runtime(config))
    await server.start()
    log.warning(
        "copilot serving on ws://%s:%d (twilio, audiohook, ingest, chat, events; sidebar at /, "
        "supervisor at /supervisor); audiosocket ports %s",
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
