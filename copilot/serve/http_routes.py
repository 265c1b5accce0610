"""Plain HTTP on the server's one port, and the credential check before any websocket upgrade.

Routes:
  GET /healthz                 {"status": "ok", "active_calls": N}
  GET /metrics                 Prometheus text
  GET /, /supervisor, /web/*   the sidebar and supervisor pages (web_assets.py)
  GET /favicon.ico             the pages' icon (web/favicon.svg)
  GET /twilio/next             TwiML for a call whose stream the voicebot closed (twiml.py);
                               Twilio's `<Connect action>`, with the same credential as ingest
  ws  every platform's path     ingest (serve/platforms.py): the ingest API key or an `ingest`
                               token, as the platform's row says (`Auth`)
  ws  /events                  sidebars: an agent or supervisor token
"""

from __future__ import annotations

import hmac
import json
import logging
import time
from collections.abc import Callable
from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

from websockets.datastructures import Headers
from websockets.http11 import Request, Response

from copilot.config import ServeConfig
from copilot.events.log_names import call_ref
from copilot.serve.auth import Principal, TokenFile
from copilot.serve.database import DatabaseError
from copilot.serve.nonces import NonceLedger
from copilot.serve.platforms import PLATFORMS, Auth, Platform, PlatformTable
from copilot.serve.web_assets import Labels, asset_for
from copilot.telephony.audiohook import verify_signature
from copilot.telephony.common import ProtocolError
from copilot.telephony.twiml import NEXT_PATH, NextRequestError, NextStep, call_sid_of

log = logging.getLogger(__name__)

EVENTS_PATH = "/events"


class HttpRoutes:
    """Answers plain HTTP, and checks every websocket upgrade's credential before it happens."""

    def __init__(
        self,
        serve: ServeConfig,
        tokens: TokenFile,
        active_calls: Callable[[], int],
        render_metrics: Callable[[], str],
        twilio_next_step: Callable[[str], NextStep],
        nonces: NonceLedger,
        platforms: PlatformTable = PLATFORMS,
        labels: Labels | None = None,
    ) -> None:
        self.serve = serve
        self.labels = labels  # the domain's intent and team names, added to messages.json
        self.tokens = tokens
        self.active_calls = active_calls
        self.render_metrics = render_metrics
        self.twilio_next_step = twilio_next_step
        self.nonces = nonces  # AudioHook signatures: each used once, fleet-wide
        self.platforms = platforms

    def respond(self, request: Request) -> Response | None:
        """A response for plain HTTP or a refused upgrade; None lets the websocket through."""
        path = urlsplit(request.path).path
        if path == "/healthz":
            body = json.dumps({"status": "ok", "active_calls": self.active_calls()})
            return response(HTTPStatus.OK, body, "application/json")
        if path == "/metrics":
            return response(HTTPStatus.OK, self.render_metrics(), "text/plain; version=0.0.4")
        if path == NEXT_PATH:
            return self.twilio_next(request)
        platform = self.platforms.at_path(path)
        if platform is None and path != EVENTS_PATH:
            asset = asset_for(path, self.labels)
            if asset is None:
                return response(HTTPStatus.NOT_FOUND, f"no endpoint {path}\n")
            return response(HTTPStatus.OK, asset[0], asset[1], cache=False)
        if request.headers.get("Upgrade", "").lower() != "websocket":
            return response(HTTPStatus.UPGRADE_REQUIRED, f"{path} is a websocket endpoint\n")
        if path == EVENTS_PATH:
            if self.watcher(request) is None:
                return response(HTTPStatus.UNAUTHORIZED, "missing or invalid token\n")
            return None
        try:
            problem = self.ingest_problem(request, platform)
        except DatabaseError as exc:
            # A signature whose nonce cannot be recorded could be replayed: refuse, say why.
            log.error("refused %s: signature nonce not checked: %s", path, exc)
            why = "the event store is unavailable, so the signature's nonce cannot be checked"
            return response(HTTPStatus.SERVICE_UNAVAILABLE, f"{why}; try again\n")
        if problem:
            return response(HTTPStatus.UNAUTHORIZED, problem + "\n")
        return None

    def twilio_next(self, request: Request) -> Response:
        """Twilio's `<Connect action>` request once the server closed a call's stream."""
        if request.method != "GET":
            # websockets' HTTP reads no request body, so a POST with Twilio's form never
            # gets here; one without a body does, and is told what to configure.
            refused = response(
                HTTPStatus.METHOD_NOT_ALLOWED,
                f'{NEXT_PATH} takes GET: set method="GET" on <Connect action=…>\n',
            )
            refused.headers["Allow"] = "GET"
            return refused
        problem = self.ingest_problem(request)
        if problem:
            return response(HTTPStatus.UNAUTHORIZED, problem + "\n")
        try:
            call_sid = call_sid_of(urlsplit(request.path).query)
        except NextRequestError as exc:
            log.warning("%s: bad request: %s", NEXT_PATH, exc)
            return response(HTTPStatus.BAD_REQUEST, f"{exc}\n")
        step = self.twilio_next_step(call_sid)
        log.info("call %s goes on: %s %s (%s)", call_ref(call_sid), step.verb, step.queue, step.why)
        return response(HTTPStatus.OK, step.twiml(), "text/xml", cache=False)

    def watcher(self, request: Request) -> Principal | None:
        """The agent or supervisor behind an /events request (token in the URL or a header)."""
        token = query(request.path).get("token", "")
        bearer = request.headers.get("Authorization", "")
        if not token and bearer.lower().startswith("bearer "):
            token = bearer[7:].strip()
        principal = self.tokens.authenticate(token)
        return principal if principal is not None and principal.can_watch else None

    def ingest_problem(self, request: Request, platform: Platform | None = None) -> str:
        """Why an ingest request (a platform's upgrade, or `/twilio/next`) is refused; "" if not."""
        given = handshake_key(request)
        auth = platform.auth if platform is not None else Auth.KEY
        if auth is Auth.KEY_OR_START and not given:
            # Twilio's stream request carries no headers of ours and its URL no query: the
            # key comes as <Parameter name="key"> in the `start` message (`stream_credential_ok`).
            return ""
        if self._ingest_key_required() and not self._ingest_key_valid(given):
            return "missing or wrong ingest API key"
        if auth is Auth.KEY_AND_SIGNATURE and self.serve.audiohook_client_secret:
            return self._audiohook_signature_problem(request)
        return ""

    def _audiohook_signature_problem(self, request: Request) -> str:
        """Why the upgrade's signature is refused: invalid, expired, or already used."""
        now = time.time()
        try:
            signature = verify_signature(
                "GET",
                request.headers.get("Host", ""),
                request.path,
                dict(request.headers.raw_items()),
                self.serve.audiohook_client_secret,
                now,
            )
        except ProtocolError as exc:
            return f"AudioHook signature rejected: {exc}"
        if not self.nonces.use_once(signature.replay_key, signature.valid_until, now):
            what = "nonce" if signature.nonce is not None else "signature (it has no nonce)"
            return f"AudioHook signature rejected: its {what} was already used (a replay)"
        return ""

    def stream_credential_ok(self, request: Request, credential: str) -> bool:
        """A stream let in without a key at the handshake must name one when it opens its call."""
        if handshake_key(request) or not self._ingest_key_required():
            return True
        return self._ingest_key_valid(credential)

    def _ingest_key_required(self) -> bool:
        if self.serve.ingest_api_key:
            return True
        return any(p.role == "ingest" for p in self.tokens.principals())

    def _ingest_key_valid(self, given: str) -> bool:
        key = self.serve.ingest_api_key
        if key and hmac.compare_digest(given.encode(), key.encode()):
            return True
        principal = self.tokens.authenticate(given)
        return principal is not None and principal.role == "ingest"


def handshake_key(request: Request) -> str:
    """The ingest key given on the websocket request: header, or `?key=` in the URL."""
    return request.headers.get("X-API-KEY") or query(request.path).get("key", "")


def query(path: str) -> dict[str, str]:
    """The URL's query parameters, the first value of each."""
    return {k: v[0] for k, v in parse_qs(urlsplit(path).query).items()}


def response(
    status: HTTPStatus, body: str | bytes, content_type: str = "text/plain", cache: bool = True
) -> Response:
    """A plain HTTP response; text gets `charset=utf-8`, and `cache=False` adds `no-cache`."""
    if ";" not in content_type and not content_type.startswith("image/"):
        content_type += "; charset=utf-8"
    headers = Headers([("Content-Type", content_type)])
    if not cache:
        headers["Cache-Control"] = "no-cache"
    data = body.encode() if isinstance(body, str) else body
    return Response(status.value, status.phrase, headers, data)
