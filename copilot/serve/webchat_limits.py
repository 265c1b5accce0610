"""What keeps the key-less web chat socket from being abused: origins, addresses, rates.

No I/O and an injectable clock, so a test can drive every limit exactly. The web
chat's shell (`webchat`) asks here before the upgrade (a cheap refusal with an HTTP
status, nothing opened) and again once the socket is up (the count that holds).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from websockets.datastructures import Headers

from copilot.config import WebchatConfig

# Buckets of addresses that went quiet are dropped once this many are kept, so a flood
# from ever new addresses cannot grow memory without bound.
MAX_TRACKED_ADDRESSES = 10_000


def origin_allowed(headers: Headers, allowed: tuple[str, ...]) -> bool:
    """A browser's `Origin`: copilot's own (it matches the `Host` asked for), or one allowed.

    A request without an Origin (not a browser) is refused: every browser sends one on a
    websocket upgrade, and the page is the only client this socket is for.
    """
    origin = headers.get("Origin", "")
    if not origin or origin == "null":
        return False
    if origin in allowed:
        return True
    return urlsplit(origin).netloc.lower() == headers.get("Host", "").lower()


def client_address(peer: object, headers: Headers, header: str) -> str:
    """Whose request this is: the proxy's `header` (its last entry) when set, else the peer."""
    if header:
        named = headers.get_all(header)
        if named:
            return named[-1].split(",")[-1].strip()[:64] or "unknown"
    if isinstance(peer, tuple) and peer:
        return str(peer[0])
    return "unknown"


@dataclass
class TokenBucket:
    """`capacity` at once, refilled at `per_second`: a rate limit that allows a short burst."""

    capacity: float
    per_second: float
    tokens: float = -1.0
    at: float = 0.0

    def take(self, now: float) -> bool:
        """Spend one token if there is one."""
        if self.tokens < 0:
            self.tokens, self.at = self.capacity, now
        self.tokens = min(self.capacity, self.tokens + (now - self.at) * self.per_second)
        self.at = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True

    def idle(self, now: float) -> bool:
        """Full again: forgetting it changes nothing."""
        return self.tokens + (now - self.at) * self.per_second >= self.capacity


def per_minute(count: int) -> TokenBucket:
    """`count` a minute, in bursts of up to a sixth of it (at least 3)."""
    return TokenBucket(capacity=float(max(3, count // 6)), per_second=count / 60.0)


@dataclass
class WebChatLimits:
    """Open sockets per address and in all; message and new-conversation rates per address."""

    config: WebchatConfig
    clock: Callable[[], float] = time.monotonic
    sockets: dict[str, int] = field(default_factory=dict)
    messages: dict[str, TokenBucket] = field(default_factory=dict)
    conversations: dict[str, TokenBucket] = field(default_factory=dict)
    refused: dict[str, int] = field(default_factory=dict)  # why, counted: for /metrics and tests

    @property
    def open_sockets(self) -> int:
        """Web chat sockets open now."""
        return sum(self.sockets.values())

    def socket_refusal(self, address: str) -> str:
        """Why one more socket from `address` is refused now ("" when it is not)."""
        if self.open_sockets >= self.config.max_sockets:
            return "busy"
        if self.sockets.get(address, 0) >= self.config.max_sockets_per_ip:
            return "too_many_sockets"
        return ""

    def open_socket(self, address: str) -> str:
        """Count a socket in, or say why not ("" when counted)."""
        refusal = self.socket_refusal(address)
        if refusal:
            self._count(refusal)
            return refusal
        self.sockets[address] = self.sockets.get(address, 0) + 1
        return ""

    def close_socket(self, address: str) -> None:
        """A socket counted in by `open_socket` has closed."""
        left = self.sockets.get(address, 0) - 1
        if left > 0:
            self.sockets[address] = left
        else:
            self.sockets.pop(address, None)

    def message_allowed(self, address: str) -> bool:
        """One more customer message from `address` now?"""
        return self._take(self.messages, address, self.config.messages_per_minute_per_ip, "rate")

    def conversation_allowed(self, address: str) -> bool:
        """One more new conversation from `address` now?"""
        limit = self.config.conversations_per_minute_per_ip
        return self._take(self.conversations, address, limit, "conversations")

    def refuse(self, why: str) -> None:
        """Count a refusal made before any socket was counted (an origin, the upgrade's check)."""
        self._count(why)

    def _take(self, buckets: dict[str, TokenBucket], address: str, limit: int, why: str) -> bool:
        now = self.clock()
        if address not in buckets and len(buckets) >= MAX_TRACKED_ADDRESSES:
            for quiet in [a for a, b in buckets.items() if b.idle(now)]:
                del buckets[quiet]
        bucket = buckets.setdefault(address, per_minute(limit))
        if bucket.take(now):
            return True
        self._count(why)
        return False

    def _count(self, why: str) -> None:
        self.refused[why] = self.refused.get(why, 0) + 1
