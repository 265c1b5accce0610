"""The asyncio shell of one `/events` client: read its messages, drain its queue onto the socket.

Everything the client is sent goes through its hub queue (see hub.py);
this module only moves strings. A slow client never blocks anyone: the hub
queues without waiting and this task sends at the client's own pace. History
replays go on only as it sends: a client that does not read gets no more queued.
"""

from __future__ import annotations

import asyncio
import contextlib

from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed

from copilot.serve.auth import Principal
from copilot.serve.sidebar_protocol import SidebarConnection, SidebarServices

STORE_RETRY_S = 1.0


async def serve_sidebar(
    ws: ServerConnection, principal: Principal, services: SidebarServices
) -> None:
    """Serve one `/events` client until it leaves: its messages in, its hub queue out."""
    ready = asyncio.Event()
    client = services.hub.connect(principal, ready.set)
    connection = SidebarConnection(client, services)
    sender = asyncio.create_task(_drain(ws, connection, ready))
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


async def _drain(ws: ServerConnection, connection: SidebarConnection, ready: asyncio.Event) -> None:
    queue = connection.client.queue
    while True:
        # A replay the store could not serve is tried again after a pause, even if nothing wakes us.
        retry = None if connection.continue_replays() else STORE_RETRY_S
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(ready.wait(), retry)
        ready.clear()
        while queue:
            await ws.send(queue.popleft())
            connection.continue_replays()
