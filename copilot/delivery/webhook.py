"""A sent draft as a signed HTTP POST to a system that sends it (a CRM, a mail gateway).

The body is JSON (`payload`). Two headers sign it, as common webhook schemes do:
`X-Copilot-Timestamp` (unix seconds) and `X-Copilot-Signature: sha256=<hex>`, the
HMAC-SHA256 under `[delivery] webhook_secret` of `<timestamp>.<body>`. A receiver
recomputes it over the raw body (`verify`), compares in constant time and refuses a
timestamp more than a few minutes old, so a captured request cannot be replayed.
`X-Copilot-Delivery` is the same on every try of one `send`: the receiver's key
against sending a draft twice. Any 2xx is delivered; 408, 429 and 5xx are tried
again; redirects are not followed and no proxy is used.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import ssl
import time
import urllib.error
import urllib.request
from typing import Any

from copilot.delivery.outgoing import DeliveryFailed, OutgoingDraft
from copilot.delivery.settings import DeliveryConfig

TIMESTAMP_HEADER = "X-Copilot-Timestamp"
SIGNATURE_HEADER = "X-Copilot-Signature"
DELIVERY_HEADER = "X-Copilot-Delivery"
TOLERANCE_S = 300  # how old a signed timestamp `verify` accepts, in seconds
TEMPORARY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """The `X-Copilot-Signature` value: `sha256=` and the HMAC-SHA256 of `<timestamp>.<body>`."""
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + digest.hexdigest()


def verify(secret: str, timestamp: str, body: bytes, signed: str, now: float | None = None) -> bool:
    """A receiver's check: the signature matches and the timestamp is recent."""
    try:
        age = abs((time.time() if now is None else now) - int(timestamp))
    except ValueError:
        return False
    expected = signature(secret, timestamp, body)
    return age <= TOLERANCE_S and hmac.compare_digest(expected, signed)


def payload(draft: OutgoingDraft) -> dict[str, Any]:
    """What the receiver gets: the draft as the agent sent it, and whose call it was.

    `to` may be empty: the receiver finds the customer by `call_id` in its own records.
    """
    return {
        "type": "draft.send",
        "delivery_id": draft.delivery_id,
        "call_id": draft.call_id,
        "suggestion_id": draft.suggestion_id,
        "channel": "email",
        "to": draft.recipient,
        "subject": draft.subject,
        "text": draft.text,
        "language": draft.language,
        "intent": draft.intent,
        "agent_id": draft.agent_id,
    }


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer (not delivered), never a reason to send the text elsewhere."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        """Follow no redirect: urllib then raises the 3xx as an HTTPError."""
        return None


class WebhookSender:
    """POSTs each draft, signed, to `[delivery] webhook_url`."""

    via = "webhook"

    def __init__(self, config: DeliveryConfig) -> None:
        self.url = config.webhook_url
        self.secret = config.webhook_secret
        tls = ssl.create_default_context(cafile=config.ca_file or None)
        # No ProxyHandler from the environment: the text goes to this URL directly.
        self.opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}),
            urllib.request.HTTPSHandler(context=tls),
            _NoRedirects(),
        )

    def request(self, draft: OutgoingDraft, now: float | None = None) -> urllib.request.Request:
        """The signed POST of one try (a new timestamp and signature each try)."""
        body = json.dumps(payload(draft), ensure_ascii=False).encode()
        timestamp = str(int(time.time() if now is None else now))
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            TIMESTAMP_HEADER: timestamp,
            SIGNATURE_HEADER: signature(self.secret, timestamp, body),
            DELIVERY_HEADER: draft.delivery_id,
        }
        return urllib.request.Request(self.url, data=body, headers=headers, method="POST")

    def send(self, draft: OutgoingDraft, timeout_s: float) -> None:
        """POST the draft; a 2xx answer is delivered, anything else raises DeliveryFailed."""
        try:
            with self.opener.open(self.request(draft), timeout=timeout_s) as answer:
                answer.read(65536)  # the answer's body is not used; read a little to finish
        except urllib.error.HTTPError as exc:
            status = exc.code
            exc.close()
            temporary = status in TEMPORARY_STATUSES
            raise DeliveryFailed(f"webhook_status_{status}", temporary=temporary) from None
        except urllib.error.URLError as exc:
            raise _connection_failure(exc.reason) from None
        except OSError as exc:  # a timeout or reset while reading the answer
            raise _connection_failure(exc) from None


def _connection_failure(reason: object) -> DeliveryFailed:
    if isinstance(reason, ssl.SSLError):
        return DeliveryFailed("webhook_tls")
    if isinstance(reason, TimeoutError):
        return DeliveryFailed("webhook_timeout", temporary=True)
    if isinstance(reason, OSError):
        return DeliveryFailed("webhook_unreachable", temporary=True)
    return DeliveryFailed("webhook_error")
