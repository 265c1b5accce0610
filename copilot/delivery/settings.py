"""Settings of draft delivery: `[delivery]` in copilot.toml.

Whether and how an e-mail draft the agent sends reaches the customer: through a
mail server (SMTP with STARTTLS or TLS) or to a webhook that sends it (a CRM),
with the body signed by HMAC-SHA256. Secrets are best given in the environment
(`COPILOT_DELIVERY_SMTP_PASSWORD`, `COPILOT_DELIVERY_WEBHOOK_SECRET`); they are
kept out of the settings' repr so no log line or traceback shows them.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

MODES = ("none", "smtp", "webhook")
SMTP_SECURITY = ("starttls", "tls", "none")
# The usual port of each way of securing SMTP (RFC 8314: 465 implicit TLS, 587 submission).
SMTP_PORTS = {"tls": 465, "starttls": 587, "none": 25}
MIN_SECRET = 16  # characters: a shorter HMAC key is guessable
# One mailbox, nothing a header could be smuggled in with (no spaces, commas, angle brackets).
ADDRESS = re.compile(r"[^@\s<>,;:\"()\[\]\\]{1,64}@[^@\s<>,;:\"()\[\]\\]+\.[^@\s<>,;:\"()\[\]\\]+")


def is_address(value: object) -> bool:
    """True for one plain e-mail address (`name@example.nl`), at most 254 characters."""
    return isinstance(value, str) and len(value) <= 254 and ADDRESS.fullmatch(value) is not None


def is_loopback(host: str) -> bool:
    """This machine: `localhost` or a loopback address; only there may anything go unencrypted."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class DeliveryConfig:
    """Sent e-mail drafts: delivered through SMTP or a signed webhook, or (mode none) only
    marked sent, and the sidebar says they were not delivered."""

    # How an e-mail draft the agent sends reaches the customer: none (it is only marked sent),
    # smtp (copilot sends it through the mail server below) or webhook (a signed HTTP POST of
    # the text to a system that sends it, e.g. the CRM).
    mode: str = "none"
    # Where the customer's address is in the call's `call.started` metadata, as dotted paths;
    # the first one that holds an address wins. The CRM record's `record.email` comes first;
    # an address the customer only said is never used (it may be misheard). With `[redaction]`
    # of email on, the stored metadata holds no address: use the webhook, which gets the call id.
    recipient_keys: tuple[str, ...] = ("record.email", "customer_email", "email")
    timeout_s: float = 10.0  # seconds one try may take: connecting, TLS, sending
    attempts: int = 3  # tries of one delivery; only a temporary failure is tried again
    retry_delay_s: float = 2.0  # seconds before the second try, doubled before each next one
    # PEM file of the certificate authorities trusted for the mail server's and the webhook's
    # TLS certificates (e.g. an internal CA); empty: the system's. Certificates are always checked.
    ca_file: str = ""
    smtp_host: str = ""  # the mail server (relay or submission server)
    smtp_port: int = 0  # 0: the usual port of smtp_security (587 starttls, 465 tls, 25 none)
    # How the connection is secured: starttls (a plain connection upgraded, port 587), tls
    # (TLS from the start, port 465) or none (unencrypted: only to a mail server on this
    # machine, e.g. a local relay).
    smtp_security: str = "starttls"
    smtp_username: str = ""  # AUTH user; empty: the server takes mail without AUTH
    # AUTH password; better from the environment (COPILOT_DELIVERY_SMTP_PASSWORD) than the file.
    smtp_password: str = field(default="", repr=False)
    from_address: str = ""  # the From of every mail, e.g. klantenservice@example.nl
    # Where the webhook POSTs the draft: https (http only to this machine). Redirects are not
    # followed and no proxy is used: the text goes to this address or nowhere.
    webhook_url: str = ""
    # The webhook's HMAC-SHA256 key (at least 16 characters), shared with the receiver; better
    # from the environment (COPILOT_DELIVERY_WEBHOOK_SECRET) than the file.
    webhook_secret: str = field(default="", repr=False)

    @property
    def port(self) -> int:
        """`smtp_port`, or the usual port of `smtp_security`."""
        return self.smtp_port or SMTP_PORTS.get(self.smtp_security, 587)

    def problem(self) -> str | None:
        """What makes these settings unusable, naming the key; None when they can be used."""
        if self.mode not in MODES:
            return f"delivery.mode must be one of {', '.join(MODES)}, not {self.mode!r}"
        if not 0 < self.timeout_s <= 120:
            return "delivery.timeout_s must be in (0, 120]"
        if not 1 <= self.attempts <= 10:
            return "delivery.attempts must be between 1 and 10"
        if not 0 <= self.retry_delay_s <= 60:
            return "delivery.retry_delay_s must be between 0 and 60"
        if self.mode == "smtp":
            return self._smtp_problem()
        if self.mode == "webhook":
            return self._webhook_problem()
        return None

    def _smtp_problem(self) -> str | None:
        if not self.smtp_host:
            return "delivery.smtp_host is needed when delivery.mode is smtp"
        if not is_address(self.from_address):
            return "delivery.from_address must be one e-mail address when delivery.mode is smtp"
        if self.smtp_security not in SMTP_SECURITY:
            return f"delivery.smtp_security must be one of {', '.join(SMTP_SECURITY)}"
        if self.smtp_security == "none" and not is_loopback(self.smtp_host):
            # A customer's mail (and a password) must not cross the network in clear.
            return "delivery.smtp_security none is only for a mail server on this machine"
        if not 0 <= self.smtp_port <= 65535:
            return "delivery.smtp_port must be between 0 and 65535"
        if bool(self.smtp_username) != bool(self.smtp_password):
            return "delivery.smtp_username and smtp_password go together (or neither)"
        return None

    def _webhook_problem(self) -> str | None:
        url = urlsplit(self.webhook_url)
        if url.scheme not in ("https", "http") or not url.hostname:
            return "delivery.webhook_url must be an https:// URL when delivery.mode is webhook"
        if url.scheme == "http" and not is_loopback(url.hostname):
            return "delivery.webhook_url must be https (http only to this machine)"
        if len(self.webhook_secret) < MIN_SECRET:
            return f"delivery.webhook_secret must have at least {MIN_SECRET} characters"
        return None
