"""How operations logs name a call: a keyed pseudonym, never the call id itself.

A call id is personal data (a telephony platform's call SID leads to the caller), and a
log line in the system journal cannot be erased. Logs therefore say `call c-1a2b3c4d5e6f`:
the first 12 hex digits of an HMAC of the id under the store's own key
(`copilot call-ref CALL_ID` prints it), which an operator can look up and nobody can
turn back into the id without the key. Until a server sets the key (`use_key`), a
process-local random key is used: its logs are just as opaque.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

_key = secrets.token_bytes(32)


def use_key(key: bytes) -> None:
    """Name calls with this key from now on (the store's, so every worker agrees)."""
    global _key
    _key = key


def call_ref(call_id: object) -> str:
    """The name a log uses for this call."""
    digest = hmac.new(_key, f"call={call_id}".encode(), hashlib.sha256).hexdigest()
    return f"c-{digest[:12]}"
