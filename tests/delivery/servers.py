"""Real receivers on loopback for the delivery tests: an SMTP server (aiosmtpd) with STARTTLS
or TLS and AUTH, a webhook (the standard library's HTTP server) that checks signatures, and
a self-signed certificate made with the openssl command for the test."""

from __future__ import annotations

import contextlib
import email
import email.policy
import http.server
import json
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from copilot.delivery import webhook

USER, PASSWORD = "copilot", "s3cret-pass"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def self_signed(folder: Path) -> tuple[Path, Path]:
    """(certificate, key) for 127.0.0.1 and localhost, valid for a day."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"]
        + ["-nodes", "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=localhost"]
        + ["-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
        check=True,
        capture_output=True,
    )
    return cert, key


@dataclass
class Mail:
    """One message as the server took it: the envelope and the parsed message."""

    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage
    tls: bool  # the connection was encrypted when the message came
    login: str  # who logged in ("" if nobody)


@dataclass
class Inbox:
    """The server's handler: keeps what arrives; `refuse` answers RCPT for an address."""

    mails: list[Mail] = field(default_factory=list)
    refuse: dict[str, str] = field(default_factory=dict)  # address -> SMTP reply
    logins: list[tuple[str, str]] = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        login = session.auth_data.login.decode() if session.auth_data else ""
        tls = server.transport.get_extra_info("ssl_object") is not None
        self.mails.append(Mail(envelope.mail_from, list(envelope.rcpt_tos), parsed, tls, login))
        return "250 OK"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login, password = auth_data.login.decode(), auth_data.password.decode()
        self.logins.append((login, password))
        ok = (login, password) == (USER, PASSWORD)
        return AuthResult(success=ok, handled=False, auth_data=auth_data)


@contextlib.contextmanager
def mail_server(
    security: str = "starttls", cert: tuple[Path, Path] | None = None, auth: bool = True
) -> Iterator[tuple[int, Inbox]]:
    """An SMTP server on 127.0.0.1: `starttls` (required before AUTH and mail), `tls` (from
    the first byte) or `none` (plain, no TLS offered)."""
    inbox = Inbox()
    port = free_port()
    options: dict = {"authenticator": inbox.authenticate, "auth_required": auth}
    if security != "none":
        assert cert is not None
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*cert)
        if security == "tls":
            options.update(ssl_context=context, auth_require_tls=False)
        else:
            options.update(tls_context=context, require_starttls=True, auth_require_tls=True)
    else:
        options.update(auth_require_tls=False)
    controller = Controller(inbox, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield port, inbox
    finally:
        controller.stop()


@dataclass
class Hook:
    """What the webhook receiver saw: each request's headers, body and whether it verified."""

    secret: str
    statuses: list[int] = field(default_factory=list)  # answers in turn, then 200
    requests: list[dict] = field(default_factory=list)
    hang_s: float = 0.0  # wait this long before answering (a slow receiver)

    def answer(self, headers, body: bytes) -> int:
        timestamp = headers.get(webhook.TIMESTAMP_HEADER, "")
        signed = headers.get(webhook.SIGNATURE_HEADER, "")
        self.requests.append(
            {
                "headers": dict(headers),
                "body": json.loads(body),
                "verified": webhook.verify(self.secret, timestamp, body, signed),
            }
        )
        return self.statuses.pop(0) if self.statuses else 200


@contextlib.contextmanager
def webhook_server(hook: Hook) -> Iterator[str]:
    """An HTTP receiver on 127.0.0.1 in a thread; yields its URL."""
    stop = threading.Event()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            status = hook.answer(self.headers, body)
            if hook.hang_s:
                stop.wait(hook.hang_s)
            # A sender that timed out has gone: its socket is closed by now.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.send_response(status)
                if 300 <= status < 400:
                    self.send_header("Location", "/elsewhere")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

        def log_message(self, *args):  # quiet
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/drafts"
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
