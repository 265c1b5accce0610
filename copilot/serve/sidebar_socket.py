"""The asyncio shell of one `/events` client: read its messages, drain its queue onto the socket.

Everything the client is sent goes through its hub queue (see event_hub.py);
this module only moves strings. A slow client never blocks anyone: the hub
queues without waiting and this task sends at the client's own pace.
"""

from __future__ import annotations

import asyncio
import contextlib

from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed

from copilot.serve.auth import Principal
from copilot.serve.hub import HubClient
from copilot.serve.sidebar_protocol import SidebarConnection, SidebarServices


async def serve_sidebar(
    ws: ServerConnection, principal: Principal, services: SidebarServices
) -> None:
    ready = asyncio.Event()
    client = services.hub.connect(principal, ready.set)
    connection = SidebarConnection(client, services)
    sender = asyncio.create_task(_drain(ws, client, ready))
    try:
        connection.opened()
        async for message in ws:
            connection.receive(message)
    except ConnectionClosed:
        pass
    finally:
        services.hub.disconnect(client)
        sender.cancel()
        with contextlib.suppress(asyncio.CancelledError, ConnectionClosed):
            await sender


async def _drain(ws: ServerConnection, client: HubClient, ready: asyncio.Event) -> None:
    while True:
        await ready.wait()
        ready.clear()
        while client.queue:
            await ws.send(client.queue.popleft())
