"""`copilot serve`: live calls in over telephony sockets, events out to sidebars.

Only wiring: this module builds the parts and connects them. Each ingest
connection is served by a shell on the `CallHost` (`websocket_ingest` for every
websocket platform of the table in `platforms`, `audiosocket` for Asterisk's TCP);
the host runs each call's session and hands its events to the call's observers:
`LiveEvents` (redact, store, fan out to /events clients), the voicebot's voice,
a platform's outbox.

Endpoints (websockets on serve.host:serve.port; routes in http_routes.py):
  /twilio, /audiohook, /ingest, /chat   the platforms' paths (platforms.py)
  /events     sidebars and supervisors (sidebar_socket.py)
  /webchat, /webchat/socket   the customer web chat ([webchat] enabled; webchat.py)
  GET /, /supervisor, /metrics, /healthz
  GET /twilio/next  Twilio's `<Connect action>` after the voicebot: TwiML (telephony/twiml.py)
TCP: Asterisk AudioSocket, one port per leg (serve.audiosocket_*_port).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import logging
import os
import signal
import socket
import uuid
from typing import Any
from urllib.parse import urlsplit

from websockets.asyncio.server import ServerConnection, serve
from websockets.http11 import Request, Response

from copilot.audio.format import AGENT, CUSTOMER
from copilot.config import Config
from copilot.pipeline.call_session import EventSink
from copilot.runtime import Runtime, load_runtime
from copilot.serve.audiosocket import AudioSocketShell
from copilot.serve.auth import TokenFile
from copilot.serve.board import CallBoard
from copilot.serve.bot_calls import BotCalls, stored_next_step
from copilot.serve.call_host import CallHost, LiveCall
from copilot.serve.call_log import CALLS_LOGGER, CallActivityLog, event_outputs
from copilot.serve.chat_desk import ChatDesk
from copilot.serve.decisions import CallDecisions
from copilot.serve.draft_delivery import DraftDeliveries
from copilot.serve.event_log import EventLogFile
from copilot.serve.feedback import (
    FeedbackRecorder,
    Learner,
    alert_learner,
    assist_learner,
    each_of,
)
from copilot.serve.forget import ForgetErasedCalls
from copilot.serve.housekeeping import Housekeeping, ended_by_restart
from copilot.serve.http_routes import EVENTS_PATH, HttpRoutes
from copilot.serve.hub import EventHub
from copilot.serve.live_events import LiveEvents
from copilot.serve.metrics import Metrics
from copilot.serve.nonces import NonceLedger
from copilot.serve.platforms import PLATFORMS, PlatformTable
from copilot.serve.redaction import Redactor
from copilot.serve.relay import RedisRelay
from copilot.serve.sidebar_protocol import SidebarServices
from copilot.serve.sidebar_socket import serve_sidebar
from copilot.serve.store import EventStore
from copilot.serve.webchat import WebChat
from copilot.serve.websocket_ingest import WebSocketIngest
from copilot.telephony import chat

log = logging.getLogger(__name__)
STARTED_LOGGER = "copilot.serve.started"  # the one line that says where the server listens


class CopilotServer:
    """Every live call of this process: ingest sockets in, stored events out to sidebars.

    Built on a `Runtime` (whisper and the stages' models, shared by all calls); each
    ingest connection drives one call on the `CallHost`, and `LiveEvents` stores
    every event before the hub fans it out. `platforms` is the table of platforms
    served (an embedder or a test may add a row).
    """

    def __init__(
        self,
        runtime: Runtime,
        sink: EventSink | None = None,
        learner: Learner | None = None,
        platforms: PlatformTable = PLATFORMS,
    ) -> None:
        config = runtime.config
        self.config = config
        self.service = runtime.service
        self.stages = runtime.stages
        self.platforms = platforms
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
        self._wire_events(sink)
        self._wire_sidebars(learner)
        self._wire_calls(runtime)
        self._register_gauges()

    def _wire_events(self, sink: EventSink | None) -> None:
        """Store, fan-out and the places events also go; housekeeping and erasure around them."""
        config = self.config
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

    def _wire_sidebars(self, learner: Learner | None) -> None:
        """/events: the hub, the board, and feedback to the store and the learners."""
        if learner is None:
            learner = each_of(self._learners())
        self._forget_elsewhere()
        # A sent e-mail draft goes out to the customer ([delivery]); its outcome is an event.
        self.deliveries = DraftDeliveries(self.config.delivery, self.store, self.live)
        deliveries = self.deliveries
        self.forget_erased.add_place(
            "draft deliveries", lambda erased: deliveries.forget(erased.among(deliveries.calls()))
        )
        recorder = FeedbackRecorder(self.store, learner, on_send=deliveries)
        # What agents and supervisors decided comes back on every view of the call.
        self.decisions = CallDecisions(self.store, self.hub, self.live.redactor)
        self.sidebars = SidebarServices(
            self.hub, self.store, self.live.board, recorder, self.metrics, decisions=self.decisions
        )

    def _wire_calls(self, runtime: Runtime) -> None:
        """The call host, the shells' way in (websocket routes and credentials), the bot's voice."""
        config = self.config
        self.bots = BotCalls(self.stages)  # the voicebot's voice on calls that can carry it
        self.calls = CallHost(
            runtime, self.live.sink_for, self.bots, self.metrics.transcript_latency
        )
        self.routes = HttpRoutes(
            config.serve,
            self.tokens,
            lambda: len(self.calls.calls),
            self.metrics.render,
            functools.partial(stored_next_step, self.store, config.voicebot.default_queue),
            NonceLedger(self.store.db),
            self.platforms,
            labels=self.stages.domain_labels(),
        )
        self.ingest = WebSocketIngest(self.calls, config.serve, self.routes.stream_credential_ok)
        # Agents' written replies into this worker's live chats (`chat.reply`, chat drafts).
        self.sidebars.chats = ChatDesk(self.calls, self.store)
        # The customer web chat ([webchat]): its page and its own key-less, limited socket.
        self.webchat: WebChat | None = None
        if config.webchat.enabled:
            chat_row = self.platforms.named(chat.SOURCE)  # a web chat is a chat to every stage
            self.webchat = WebChat(config.webchat, self.calls, chat_row)
            self.forget_erased.add_place("web chat history", self.webchat.forget_erased)

    @property
    def sessions(self) -> dict[str, LiveCall]:
        """The live calls of this process, by call id."""
        return self.calls.calls

    def _learners(self) -> list[Learner]:
        """Who learns from agents' feedback: assist from cards, affect from answers to alerts."""
        learners = []
        if "assist" in self.stages.names:
            learners.append(assist_learner(self.stages.assist_learner()))
        if "affect" in self.stages.names and self.config.affect.alert_learning:
            learners.append(alert_learner(self.stages.alert_learner()))
        return learners

    def _forget_elsewhere(self) -> None:
        """What else holds erased calls in this process: what was learned, the event log."""
        if "assist" in self.stages.names:
            models = self.stages.assist_learner()
            self.forget_erased.add_place(
                "learned examples", lambda erased: models.forget(erased.among(models.known_calls()))
            )
        if "affect" in self.stages.names and self.config.affect.alert_learning:
            cues = self.stages.alert_learner()
            self.forget_erased.add_place(
                "learned alert cues", lambda erased: cues.forget(erased.among(cues.known_calls()))
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
        stats = self.service.stats
        m.counter(
            "copilot_partials_shed_stale_total",
            "partials dropped: the workers were overloaded, or one waited too long",
            lambda: stats.stale_partials,
        )
        m.counter(
            "copilot_partials_shed_budget_total",
            "partials dropped under pressure: their call had one too recently",
            lambda: stats.budget_partials,
        )
        m.counter(
            "copilot_partials_held_for_finals_total",
            "times a free whisper worker left partials waiting, kept for finals",
            lambda: stats.held_for_finals,
        )
        m.counter(
            "copilot_dropped_clients_total",
            "clients told to resume because they fell behind",
            lambda: self.hub.dropped_clients,
        )
        if self.webchat is not None:
            self._register_webchat_gauges(self.webchat)

    def _register_webchat_gauges(self, webchat: WebChat) -> None:
        limits = webchat.limits
        self.metrics.gauge(
            "copilot_webchat_sockets", "open web chat sockets", lambda: limits.open_sockets
        )
        self.metrics.counter(
            "copilot_webchat_refused_total",
            "web chat upgrades, starts and messages refused by its limits or origin check",
            lambda: sum(limits.refused.values()),
        )

    def _waiting_jobs(self) -> float:
        return float(self.service.queue_depth)

    # -- lifecycle -------------------------------------------------------------

    async def start(self) -> None:
        """Close calls a killed run left open, reload the board, then listen on every port."""
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
        audiosocket = AudioSocketShell(self.calls, cfg)
        for leg, port in (
            (CUSTOMER, cfg.audiosocket_customer_port),
            (AGENT, cfg.audiosocket_agent_port),
        ):
            if port < 0:
                continue  # a negative port switches AudioSocket off for that leg
            tcp = await asyncio.start_server(
                functools.partial(audiosocket.handle, leg=leg), cfg.host, port
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
            apply_decision=self.decisions.apply_remote,
        )
        await self.relay.start()
        self.live.relay = self.relay
        self.decisions.relay = self.relay

    def _close_interrupted_calls(self) -> None:
        """Calls a killed process left open get their call.ended now, so sidebars can close them."""
        # Only this worker's own calls: another worker's are still running (or, if it is gone,
        # its housekeeping ends them).
        for stored in self.store.open_calls_of(self.store.worker_id):
            self.live(ended_by_restart(self.store, stored))

    async def stop(self) -> None:
        """Stop listening, end live calls as `server_shutdown`, then stop the rest in order."""
        for server in self._servers:
            server.close()
        for server in self._servers:
            with contextlib.suppress(Exception):
                await server.wait_closed()
        await self.calls.end_all("server_shutdown")
        await self.deliveries.stop()  # their outcomes are stored before the store closes
        await self.service.stop()
        await self.housekeeping.stop()
        if self.relay is not None:
            await self.relay.stop()
        self.store.close()
        if self.event_log is not None:
            self.event_log.close()

    # -- HTTP ------------------------------------------------------------------

    def _process_request(self, connection: ServerConnection, request: Request) -> Response | None:
        if self.webchat is not None and self.webchat.serves(urlsplit(request.path).path):
            return self.webchat.respond(connection.remote_address, request)
        refused = self.routes.respond(request)
        if refused is not None and refused.status_code == 401:
            log.warning(
                "refused %s: %s", urlsplit(request.path).path, refused.body.decode().strip()
            )
        return refused

    # -- websockets ------------------------------------------------------------

    async def _handle_ws(self, ws: ServerConnection) -> None:
        request = ws.request
        assert request is not None  # set by the opening handshake, before any handler runs
        path = urlsplit(request.path).path
        if path == EVENTS_PATH:
            principal = self.routes.watcher(request)
            if principal is not None:  # checked before the upgrade; a revoked token lands here
                await serve_sidebar(ws, principal, self.sidebars)
            return
        if self.webchat is not None and self.webchat.serves(path):
            await self.webchat.handle(ws)  # its page never upgrades: only the socket gets here
            return
        platform = self.platforms.at_path(path)
        if platform is not None:  # the routes let no other path upgrade
            await self.ingest.handle(ws, platform)


async def serve_forever(config: Config) -> int:
    """Run `copilot serve` until SIGINT or SIGTERM, then shut the server down cleanly."""
    # Operations only by default, and shown without -v: a line per call start and end, no
    # content (under systemd, stderr is the journal). Events go to `[serve] event_log` if set.
    # The start-up line is one of them: news, not a warning.
    for name in (CALLS_LOGGER, STARTED_LOGGER):
        logging.getLogger(name).setLevel(logging.INFO)
    server = CopilotServer(load_runtime(config))
    await server.start()
    logging.getLogger(STARTED_LOGGER).info(
        "copilot serving on ws://%s:%d (%s, events; sidebar at /, supervisor at /supervisor); "
        "audiosocket ports %s",
        config.serve.host,
        server.ws_port,
        ", ".join(path.strip("/") for path in server.platforms.paths),
        server.audiosocket_ports,
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await server.stop()
    return 0
