"""The web chat's limits on a clock the test moves: origins, addresses, sockets, rates."""

from __future__ import annotations

import pytest
from websockets.datastructures import Headers

from copilot.config import ConfigError, WebchatConfig
from copilot.serve import webchat_limits
from copilot.serve.webchat_limits import WebChatLimits, client_address, origin_allowed


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_origin_is_copilots_own_or_allowed_and_always_present():
    own = Headers({"Host": "chat.example.nl:8765", "Origin": "https://chat.example.nl:8765"})
    assert origin_allowed(own, ())
    shop = Headers({"Host": "copilot.internal:8765", "Origin": "https://www.shop.nl"})
    assert origin_allowed(shop, ("https://www.shop.nl",))
    assert not origin_allowed(shop, ("https://shop.nl", "http://www.shop.nl"))
    assert not origin_allowed(Headers({"Host": "copilot.internal:8765"}), ("https://www.shop.nl",))
    assert not origin_allowed(Headers({"Host": "x", "Origin": "null"}), ("null",))


def test_the_client_address_is_the_peer_or_the_proxys_last_entry():
    headers = Headers(
        [("X-Forwarded-For", "10.0.0.1, 203.0.113.9"), ("X-Forwarded-For", "198.51.100.7")]
    )
    assert client_address(("127.0.0.1", 5555), headers, "") == "127.0.0.1"
    assert client_address(("127.0.0.1", 5555), headers, "X-Forwarded-For") == "198.51.100.7"
    assert client_address(("127.0.0.1", 5555), Headers(), "X-Forwarded-For") == "127.0.0.1"
    assert client_address(None, Headers(), "") == "unknown"


def test_sockets_are_counted_per_address_and_in_all():
    limits = WebChatLimits(WebchatConfig(max_sockets=3, max_sockets_per_ip=2), Clock())
    assert limits.open_socket("a") == "" and limits.open_socket("a") == ""
    assert limits.socket_refusal("a") == "too_many_sockets"
    assert limits.open_socket("a") == "too_many_sockets"
    assert limits.open_socket("b") == ""
    assert limits.open_socket("c") == "busy"  # three open in all
    limits.close_socket("a")
    assert limits.open_socket("c") == ""
    assert limits.open_sockets == 3 and limits.sockets == {"a": 1, "b": 1, "c": 1}
    for address in ("a", "b", "c"):
        limits.close_socket(address)
    assert limits.sockets == {} and limits.refused == {"too_many_sockets": 1, "busy": 1}


def test_messages_are_rate_limited_per_address_with_a_short_burst():
    clock = Clock()
    limits = WebChatLimits(WebchatConfig(messages_per_minute_per_ip=60), clock)
    burst = [limits.message_allowed("a") for _ in range(12)]
    assert burst == [True] * 10 + [False] * 2  # a sixth of the minute's 60 at once
    assert limits.message_allowed("b")  # another address has its own
    clock.now += 1.0  # one a second comes back
    assert limits.message_allowed("a") and not limits.message_allowed("a")
    clock.now += 60.0
    assert sum(limits.message_allowed("a") for _ in range(20)) == 10  # never more than the burst
    assert limits.refused["rate"] == 2 + 1 + 10


def test_new_conversations_are_rate_limited_with_a_burst_of_at_least_three():
    clock = Clock()
    limits = WebChatLimits(WebchatConfig(conversations_per_minute_per_ip=2), clock)
    assert [limits.conversation_allowed("a") for _ in range(4)] == [True, True, True, False]
    clock.now += 30.0
    assert limits.conversation_allowed("a")


def test_quiet_addresses_are_forgotten_so_a_flood_of_new_ones_stays_bounded(monkeypatch):
    monkeypatch.setattr(webchat_limits, "MAX_TRACKED_ADDRESSES", 50)
    clock = Clock()
    limits = WebChatLimits(WebchatConfig(), clock)
    for n in range(50):
        limits.message_allowed(f"10.0.0.{n}")
    clock.now += 600.0  # every bucket is full again
    limits.message_allowed("192.0.2.1")
    assert len(limits.messages) == 1


def test_limits_and_origins_are_checked_at_load():
    with pytest.raises(ConfigError, match="allowed_origins"):
        WebchatConfig(allowed_origins=("www.shop.nl",)).check()
    with pytest.raises(ConfigError, match="allowed_origins"):
        WebchatConfig(allowed_origins=("https://www.shop.nl/chat",)).check()
    with pytest.raises(ConfigError, match="at least 1"):
        WebchatConfig(max_sockets_per_ip=0).check()
    WebchatConfig(allowed_origins=("https://www.shop.nl", "http://localhost:3000")).check()
