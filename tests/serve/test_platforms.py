"""The platform table is the one place a platform is named: a row is all a new one needs.

A lab platform (a tiny parser subclass and one row) is served on its path by a real
server on loopback, under its row's policies, with nothing else changed; every row's
path is routed, and every row's name is the source its parser's module declares.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import json

import numpy as np
import pytest
from websockets.asyncio.client import connect
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.http11 import Request

from copilot.asr.transcriber import WhisperTranscriber
from copilot.config import Config, ServeConfig
from copilot.serve.auth import TokenFile
from copilot.serve.http_routes import EVENTS_PATH, HttpRoutes
from copilot.serve.platforms import PLATFORMS, Platform, PlatformTable
from copilot.telephony import audiosocket
from copilot.telephony.raw_ingest import RawIngestSession
from tests.serve.server_harness import server_for


class LabStream(RawIngestSession):
    """A lab rig's stream: copilot's raw PCM16 protocol, but a platform of its own."""


# Telephony-like on purpose, unlike /ingest: no JSON error replies, a refused start closes.
LAB = Platform("lab", "/lab", lambda _serve: LabStream())


def server_with(transcriber: WhisperTranscriber, platforms: PlatformTable):
    config = Config(language="en", stages=())
    config.serve.audiosocket_customer_port = -1
    config.serve.audiosocket_agent_port = -1
    return server_for(transcriber, config, platforms)


def lab_start(call_id: str) -> str:
    return json.dumps({"type": "start", "call_id": call_id, "sample_rate": 16000, "channels": 1})


async def replies_until_closed(ws) -> list[str | bytes]:
    received = []
    with contextlib.suppress(ConnectionClosed, TimeoutError):
        while True:
            received.append(await asyncio.wait_for(ws.recv(), 5.0))
    return received


def test_a_new_platform_is_a_parser_and_one_row(tiny_en):
    async def scenario():
        async with server_with(tiny_en, PLATFORMS.with_row(LAB)) as (server, events):
            async with connect(f"ws://127.0.0.1:{server.ws_port}/lab") as ws:
                await ws.send(lab_start("lab-1"))
                await ws.send(np.zeros(1600, dtype="<i2").tobytes())
                await ws.send("{not json")
                await ws.send(json.dumps({"type": "stop"}))
                replies = await replies_until_closed(ws)
            await events.wait_for("lab-1", "call.ended", timeout=10.0)
            return replies, list(events)

    replies, events = asyncio.run(scenario())
    started = [e for e in events if e.type == "call.started"]
    assert [(e.call_id, e.source) for e in started] == [("lab-1", "lab")]
    errors = [e for e in events if e.type == "error"]
    assert [e.code for e in errors] == ["bad_json"]  # an event on the call...
    assert replies == []  # ...and, as its row says, no JSON reply to the peer
    assert [e.reason for e in events if e.type == "call.ended"] == ["stop"]


def test_a_refused_start_closes_a_platform_that_cannot_retry(tiny_en):
    async def scenario():
        async with server_with(tiny_en, PLATFORMS.with_row(LAB)) as (server, events):
            async with connect(f"ws://127.0.0.1:{server.ws_port}/lab?agent_id=bad%00") as ws:
                await ws.send(lab_start("lab-2"))
                replies = await replies_until_closed(ws)
                return replies, ws.close_code, list(events)

    replies, close_code, events = asyncio.run(scenario())
    assert replies == [] and close_code == 1008
    assert events == []  # never stored, never shown


def test_a_path_without_a_row_is_not_served(tiny_en):
    async def scenario():
        async with server_with(tiny_en, PLATFORMS) as (server, _events):
            with pytest.raises(InvalidStatus) as refused:
                async with connect(f"ws://127.0.0.1:{server.ws_port}/lab"):
                    pass
            return refused.value.response.status_code

    assert asyncio.run(scenario()) == 404


def upgrade(path: str) -> Request:
    return Request(path, Headers([("Upgrade", "websocket"), ("Connection", "Upgrade")]))


def routes(table: PlatformTable, serve: ServeConfig | None = None) -> HttpRoutes:
    return HttpRoutes(
        serve or ServeConfig(),
        TokenFile(""),
        lambda: 0,
        lambda: "",
        lambda call_sid: None,
        None,  # no AudioHook secret configured: no nonce is ever checked
        table,
    )


def test_every_row_with_a_path_is_routed_and_no_other_path_upgrades():
    table = PLATFORMS.with_row(LAB)
    open_routes = routes(table)
    assert table.paths == ("/twilio", "/audiohook", "/ingest", "/chat", "/lab")
    for path in table.paths:
        assert open_routes.respond(upgrade(path)) is None, path
    assert routes(PLATFORMS).respond(upgrade("/lab")).status_code == 404
    # The row's auth policy, not its path, decides: Twilio may bring its key in `start`.
    keyed = routes(table, ServeConfig(ingest_api_key="k"))
    refused = {path for path in table.paths if keyed.respond(upgrade(path)) is not None}
    assert refused == set(table.paths) - {"/twilio"}
    assert keyed.respond(upgrade(f"{EVENTS_PATH}")).status_code == 401


def test_every_row_names_the_source_its_parser_declares():
    """The parsers' modules hold the catalogue of sources (`SOURCE`); the rows agree with it."""
    for row in PLATFORMS.rows:
        if row.parser is None:
            assert row.name == audiosocket.SOURCE  # the TCP platform, served by its own shell
            continue
        module = importlib.import_module(type(row.parser(ServeConfig())).__module__)
        assert module.SOURCE == row.name, row
    assert len({row.name for row in PLATFORMS.rows}) == len(PLATFORMS.rows)


def test_a_table_refuses_two_rows_on_one_path_or_name():
    with pytest.raises(ValueError, match="share"):
        PLATFORMS.with_row(Platform("lab", "/ingest", lambda _serve: LabStream()))
    with pytest.raises(ValueError, match="share"):
        PLATFORMS.with_row(Platform("raw", "/lab", lambda _serve: LabStream()))
    with pytest.raises(ValueError, match="parser"):
        Platform("lab", "/lab")
